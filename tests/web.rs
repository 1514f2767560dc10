//! Component tests in headless Chromium (`cargo web-test`): mount a component with data
//! built in the test, let Leptos settle, then read the DOM.
#![cfg(target_arch = "wasm32")]

use folio_app::api::LoadError;
use folio_app::components::load_error::{LoadErrorView, NotFoundView};
use folio_app::components::markdown_body::HtmlBlock;
use folio_app::components::skipped_notice::skipped_notice_for;
use folio_core::html::Markup;
use folio_core::query;
use folio_core::{parse, Drafts, Manifest, ManifestError, ParseOptions};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

fn manifest(posts: &str) -> Manifest {
    let text = format!(r#"{{"version":1,"site":{{"title":"Test Site"}},"posts":[{posts}]}}"#);
    parse(
        &text,
        &ParseOptions {
            drafts: Drafts::Hide,
        },
    )
    .expect("test manifest parses")
}

/// The first page of the site's listing, as the home view shows it.
fn listing(site: &Manifest) -> impl IntoView {
    let page = query::page(site, 1).expect("page 1 exists");
    view! { <HtmlBlock class="view" html=Markup::new("/").home(&page) /> }
}

/// Mounts `view` into a fresh element and returns the element; the handle keeps it mounted.
fn mount<F, V>(view: F) -> (HtmlElement, impl Drop)
where
    F: FnOnce() -> V + 'static,
    V: IntoView + 'static,
{
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), view);
    (host, handle)
}

fn query(host: &HtmlElement, selector: &str) -> web_sys::Element {
    host.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

fn attr(host: &HtmlElement, selector: &str, name: &str) -> String {
    query(host, selector)
        .get_attribute(name)
        .unwrap_or_else(|| panic!("{selector} has no {name}"))
}

fn attrs(host: &HtmlElement, selector: &str, name: &str) -> Vec<String> {
    let nodes = host.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .map(|i| {
            nodes
                .item(i)
                .unwrap()
                .unchecked_into::<web_sys::Element>()
                .get_attribute(name)
                .unwrap_or_default()
        })
        .collect()
}

fn texts(host: &HtmlElement, selector: &str) -> Vec<String> {
    let nodes = host.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .map(|i| nodes.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn post_card_has_the_contract_markup() {
    let site = manifest(
        r#"{"slug":"go-tips","title":"Go Tips","date":"2025-04-07","file":"posts/go-tips.md",
            "summary":"Small things that help.","category":"DevOps & Infrastructure",
            "tags":["Go","CI/CD"],"reading_minutes":6}"#,
    );
    let (host, _handle) = mount(move || listing(&site));
    leptos::task::tick().await;

    assert_eq!(host.query_selector_all("article").unwrap().length(), 1);
    assert_eq!(attr(&host, "article h2 a", "href"), "/posts/go-tips");
    assert_eq!(texts(&host, "article h2 a"), ["Go Tips"]);
    assert_eq!(attr(&host, "article time", "datetime"), "2025-04-07");
    assert_eq!(texts(&host, "article time"), ["Apr 7, 2025"]);
    assert_eq!(
        attr(&host, "article a.category", "href"),
        "/categories/devops-infrastructure"
    );
    assert_eq!(
        texts(&host, ".meta"),
        ["Apr 7, 2025 · DevOps & Infrastructure · 6 min read"]
    );
    assert_eq!(texts(&host, ".summary"), ["Small things that help."]);
    // Each link reads "Tag: …" on its own (the word is visually hidden).
    assert_eq!(texts(&host, "a.tag"), ["Tag: Go", "Tag: CI/CD"]);
    assert_eq!(texts(&host, "a.tag .visually-hidden"), ["Tag: ", "Tag: "]);
    assert_eq!(attrs(&host, "a.tag", "href"), ["/tags/go", "/tags/ci-cd"]);
}

#[wasm_bindgen_test]
async fn post_card_without_optional_fields_shows_no_empty_parts() {
    let site = manifest(
        r#"{"slug":"bare","title":"Bare <b>Post</b>","date":"2024-01-02","file":"posts/bare.md"}"#,
    );
    let (host, _handle) = mount(move || listing(&site));
    leptos::task::tick().await;

    // Titles are text, never HTML.
    assert_eq!(texts(&host, "h2 a"), ["Bare <b>Post</b>"]);
    assert!(host.query_selector("h2 b").unwrap().is_none());
    assert_eq!(texts(&host, ".meta"), ["Jan 2, 2024"]);
    assert!(host.query_selector(".tags").unwrap().is_none());
    assert!(host.query_selector(".summary").unwrap().is_none());
    assert!(host.query_selector("a.category").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn load_error_is_an_alert_that_says_what_and_where() {
    let error = LoadError::Manifest(ManifestError::Json {
        line: 4,
        column: 1,
        message: "trailing comma".into(),
    });
    let (host, _handle) = mount(move || view! { <LoadErrorView error /> });
    leptos::task::tick().await;

    let alert = query(&host, "[role=alert]");
    let text = alert.text_content().unwrap();
    assert!(
        text.contains("posts.json is not valid JSON: line 4, column 1: trailing comma"),
        "{text}"
    );
    assert_eq!(attr(&host, "[role=alert] a", "href"), "/");
}

#[wasm_bindgen_test]
async fn missing_file_error_names_the_file() {
    let error = LoadError::NotFound {
        url: "posts/gone.md".into(),
    };
    let (host, _handle) = mount(move || view! { <LoadErrorView error /> });
    leptos::task::tick().await;
    assert_eq!(
        texts(&host, "[role=alert] .reason"),
        ["posts/gone.md was not found on the server (HTTP 404)."]
    );
}

#[wasm_bindgen_test]
async fn not_found_view_is_an_alert_with_a_way_home() {
    let (host, _handle) =
        mount(|| view! { <NotFoundView reason="Nothing on this site lives at /nope." /> });
    leptos::task::tick().await;
    assert_eq!(texts(&host, "[role=alert] .status"), ["404 · Not found"]);
    assert_eq!(
        texts(&host, "[role=alert] .reason"),
        ["Nothing on this site lives at /nope. It may have moved, or the link may be mistyped."]
    );
    assert_eq!(attr(&host, "[role=alert] a", "href"), "/");
}

#[wasm_bindgen_test]
async fn skipped_posts_are_reported() {
    let site = manifest(
        r#"{"slug":"ok","title":"OK","date":"2024-01-01","file":"a.md"},
           {"slug":"bad","title":"Bad","date":"2024-13-01","file":"b.md"}"#,
    );
    let (host, _handle) = mount(move || skipped_notice_for(&site));
    leptos::task::tick().await;
    assert_eq!(
        texts(&host, "summary"),
        ["1 post could not be shown because of a problem in posts.json."]
    );
    let reasons = texts(&host, "li");
    assert_eq!(reasons.len(), 1);
    assert!(
        reasons[0].starts_with(r#"posts[1].date (slug "bad"): "2024-13-01" is not a date"#),
        "{reasons:?}"
    );
}

#[wasm_bindgen_test]
fn the_browser_lowercases_names_as_the_cli_does() {
    // The app leaves Unicode's case tables out and registers the browser's toLowerCase:
    // slugs and search must come out as natively (the expected values are the CLI's).
    folio_app::use_browser_lowercase();
    assert_eq!(folio_core::slug::slugify("Москва ΣΟΦΊΑ"), "москва-σοφία");
    assert_eq!(folio_core::slug::slugify("ÆSIR Größe"), "aesir-grosse");
    assert_eq!(
        query::search_terms("ΟΔΟΣ Привет Rust"),
        ["οδος", "привет", "rust"]
    );
    assert_eq!(folio_core::case::lowercase_char('Ж'), 'ж');
}
