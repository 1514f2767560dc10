//! `/search?q=WORDS`: instant search over titles, tags, categories and summaries. The
//! words stay in the URL (replaced, not pushed, so back leaves the page in one step).

use std::sync::Arc;

use folio_core::query::{SearchIndex, SEARCH_LIMIT};
use folio_core::Route;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::api::load_text_index;
use crate::components::markdown_body::HtmlBlock;
use crate::markup;
use crate::pages::{set_view_title, with_site, Readiness};

/// The id of the search box, for the `/` and Ctrl+K shortcuts.
pub const SEARCH_INPUT_ID: &str = "search-input";

/// The search box and its results.
#[component]
pub fn SearchPage() -> AnyView {
    let query = use_query_map();
    let navigate = use_navigate();
    let text = RwSignal::new(query.with_untracked(|query| query.get("q").unwrap_or_default()));
    // Back and forward to another `?q=` show that search.
    Effect::new(move || {
        let from_url = query.with(|query| query.get("q").unwrap_or_default());
        if from_url != text.get_untracked() {
            text.set(from_url);
        }
    });
    with_site(Readiness::WithSite, move |manifest| {
        let t = crate::strings();
        set_view_title(Some(t.search), &manifest);
        // Titles, terms and summaries at once; with the posts' text once the site's
        // full-text index has loaded (built once, not on every keystroke).
        let index = RwSignal::new(SearchIndex::new(&manifest));
        if manifest.site.search_index.is_some() {
            let manifest = Arc::clone(&manifest);
            leptos::task::spawn_local(async move {
                let Some(posts_text) = load_text_index(&manifest).await else {
                    return;
                };
                // The reader may have left the page meanwhile.
                let _ = index.try_update(|index| index.add_text(posts_text));
            });
        }
        let navigate = navigate.clone();
        let on_input = move |event| {
            let words = event_target_value(&event);
            text.set(words.clone());
            let options = NavigateOptions {
                replace: true,
                scroll: false,
                ..NavigateOptions::default()
            };
            navigate(&Route::Search(&words).href(), options);
        };
        let on_keydown = move |event: leptos::ev::KeyboardEvent| {
            if event.key() == "Escape" {
                blur_active_element();
            }
        };
        let input = NodeRef::<leptos::html::Input>::new();
        Effect::new(move || {
            if let Some(input) = input.get() {
                let _ = input.focus();
            }
        });
        let results = move || {
            let words = text.get();
            let html = markup().search_results(
                &words,
                &index.with(|index| index.search(&words, SEARCH_LIMIT)),
            );
            view! { <HtmlBlock class="search-results" html /> }
        };
        view! {
            <div class="view search">
                <h1 class="page-heading">{t.search}</h1>
                <form role="search" on:submit=|event| event.prevent_default()>
                    <label class="visually-hidden" for=SEARCH_INPUT_ID>{t.search_posts}</label>
                    <input
                        id=SEARCH_INPUT_ID
                        node_ref=input
                        type="search"
                        name="q"
                        placeholder=t.search_posts
                        autocomplete="off"
                        spellcheck="false"
                        aria-keyshortcuts="/ Control+K"
                        prop:value=move || text.get()
                        on:input=on_input
                        on:keydown=on_keydown
                    />
                </form>
                {results}
            </div>
        }
        .into_any()
    })
}

/// Takes the focus out of the search box (Esc).
fn blur_active_element() {
    use leptos::wasm_bindgen::JsCast;
    let active = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.active_element())
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(active) = active {
        let _ = active.blur();
    }
}
