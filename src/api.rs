//! The only network code: fetches `posts.json` and post Markdown, relative to the
//! document's `<base href>`, and turns every failure into a [`LoadError`] a reader can read.

use std::sync::Arc;

use folio_core::i18n::{fill, Lang, Strings};
use folio_core::{Drafts, Manifest, ManifestError, ParseOptions};
use gloo_net::http::Request;

/// Where the manifest lives, relative to the site root.
pub const MANIFEST_URL: &str = "posts.json";

/// Why a file the reader needs could not be loaded. Signals hold it in an `Arc`
/// ([`crate::Loaded`]): they clone their value on every read.
#[derive(Debug, PartialEq, Eq)]
pub enum LoadError {
    /// No answer at all: offline, DNS, CORS, aborted.
    Network {
        /// The file requested.
        url: String,
        /// The browser's description.
        reason: String,
    },
    /// The file does not exist.
    NotFound {
        /// The file requested.
        url: String,
    },
    /// Any other HTTP error.
    Status {
        /// The file requested.
        url: String,
        /// The HTTP status.
        status: u16,
    },
    /// A static host with an SPA fallback answers a missing file with its `index.html`.
    NotData {
        /// The file requested.
        url: String,
        /// What was expected: "JSON", "Markdown".
        expected: &'static str,
    },
    /// The bytes are not UTF-8.
    NotUtf8 {
        /// The file requested.
        url: String,
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// The Markdown renderer (a Web Worker) could not run.
    Renderer {
        /// What the worker reported.
        reason: String,
    },
    /// The manifest loaded but cannot be used.
    Manifest(ManifestError),
}

impl LoadError {
    /// What went wrong, in the words of `t` (a manifest's own problems, which name JSON
    /// paths, stay as `folio check` writes them).
    pub fn message(&self, t: &Strings) -> String {
        match self {
            LoadError::Network { url, reason } => fill(t.err_network, &[url, reason]),
            LoadError::NotFound { url } => fill(t.err_not_found, &[url]),
            LoadError::Status { url, status } => fill(t.err_status, &[url, &status.to_string()]),
            LoadError::NotData { url, expected } => fill(t.err_not_data, &[url, expected]),
            LoadError::NotUtf8 { url, offset } => fill(t.err_not_utf8, &[url, &offset.to_string()]),
            LoadError::Renderer { reason } => fill(t.err_renderer, &[reason]),
            LoadError::Manifest(error) => error.to_string(),
        }
    }
}

/// In the site's language.
impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(crate::strings()))
    }
}

impl std::error::Error for LoadError {}

impl From<ManifestError> for LoadError {
    fn from(error: ManifestError) -> LoadError {
        LoadError::Manifest(error)
    }
}

/// What a fetched file should contain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// `posts.json`.
    Json,
    /// A post.
    Markdown,
    /// A word list of the app.
    Text,
}

impl Expected {
    fn name(self) -> &'static str {
        match self {
            Expected::Json => "JSON",
            Expected::Markdown => "Markdown",
            Expected::Text => "text",
        }
    }
}

/// How long a file without an `abort` of its caller may keep the reader waiting for the
/// server's answer (its status and headers; the body then takes what it takes). Browsers
/// wait minutes for a server that accepted the connection and stalls.
pub const ANSWER_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(20);

/// Fetches a text file relative to the site root and checks that it is what was expected.
/// `abort` cancels the request (the reader navigated away); without one, a server that
/// does not answer within [`ANSWER_TIMEOUT`] is a network error that says so.
pub async fn fetch_text(
    url: &str,
    expected: Expected,
    abort: Option<&web_sys::AbortSignal>,
) -> Result<String, LoadError> {
    let response = fetch(url, abort).await?;
    let is_html = response
        .headers()
        .get("content-type")
        .is_some_and(|content_type| starts_with_ignoring_case(&content_type, "text/html"));
    let bytes = response
        .binary()
        .await
        .map_err(|error| LoadError::Network {
            url: url.to_string(),
            reason: network_reason(error),
        })?;
    let text = String::from_utf8(bytes).map_err(|error| LoadError::NotUtf8 {
        url: url.to_string(),
        offset: error.utf8_error().valid_up_to(),
    })?;
    if is_html || looks_like_html(&text) {
        return Err(LoadError::NotData {
            url: url.to_string(),
            expected: expected.name(),
        });
    }
    Ok(text)
}

/// The server's answer for `url` when its status says success (see [`fetch_text`]).
async fn fetch(
    url: &str,
    abort: Option<&web_sys::AbortSignal>,
) -> Result<gloo_net::http::Response, LoadError> {
    let own = match abort {
        Some(_) => None,
        None => web_sys::AbortController::new().ok(),
    };
    let timer = own.as_ref().and_then(|controller| {
        let controller = controller.clone();
        leptos::prelude::set_timeout_with_handle(move || controller.abort(), ANSWER_TIMEOUT).ok()
    });
    let signal = own.as_ref().map(web_sys::AbortController::signal);
    let sent = Request::get(url)
        .abort_signal(abort.or(signal.as_ref()))
        .send()
        .await;
    if let Some(timer) = timer {
        timer.clear();
    }
    let response = sent.map_err(|error| LoadError::Network {
        url: url.to_string(),
        reason: match signal {
            Some(signal) if signal.aborted() => {
                format!("no answer within {} s", ANSWER_TIMEOUT.as_secs())
            }
            _ => network_reason(error),
        },
    })?;
    match response.status() {
        200..=299 => {}
        404 => {
            return Err(LoadError::NotFound {
                url: url.to_string(),
            })
        }
        status => {
            return Err(LoadError::Status {
                url: url.to_string(),
                status,
            })
        }
    }
    Ok(response)
}

/// What went wrong with a request, in the browser's words ("TypeError: Failed to fetch").
/// Not `error.to_string()`: gloo-net's error can also hold a serde_json error (a feature
/// another crate turns on), and its `Display` linked serde_json's and std's I/O error
/// messages into the app (1 KB gzipped) for a case a request never reaches.
fn network_reason(error: gloo_net::Error) -> String {
    // The last arm is gloo-net's serde_json error, present only with its `json` feature.
    #[allow(unreachable_patterns)]
    match error {
        gloo_net::Error::JsError(error) => error.to_string(),
        gloo_net::Error::GlooError(reason) => reason,
        _ => String::from("the request failed"),
    }
}

/// True for text that starts like an HTML document, whatever the server called it.
fn looks_like_html(text: &str) -> bool {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    starts_with_ignoring_case(start, "<!doctype html") || starts_with_ignoring_case(start, "<html")
}

/// Whether `text` starts with `prefix`, ASCII letters in either case.
fn starts_with_ignoring_case(text: &str, prefix: &str) -> bool {
    text.as_bytes()
        .get(..prefix.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// The parse options of this build: release builds never show drafts.
pub fn parse_options() -> ParseOptions {
    let drafts = if cfg!(debug_assertions) {
        Drafts::Show
    } else {
        Drafts::Hide
    };
    ParseOptions { drafts }
}

/// The site's full-text index, shared by every visit to the search page.
pub type TextIndex = Arc<folio_core::text_index::TextIndex>;

thread_local! {
    /// The full-text index, once loaded: search loads it on first use, then keeps it.
    static TEXT_INDEX: std::cell::RefCell<Option<TextIndex>> = const { std::cell::RefCell::new(None) };
}

/// The site's full-text search index (`site.search_index`), fetched on first use and kept;
/// `None` when the site has none or it cannot be read (search then covers titles, tags,
/// categories and summaries only).
pub async fn load_text_index(manifest: &Manifest) -> Option<TextIndex> {
    if let Some(index) = TEXT_INDEX.with(|cell| cell.borrow().clone()) {
        return Some(index);
    }
    let path = manifest.site.search_index.as_deref()?;
    let index = Arc::new(read_text_index(path).await?);
    TEXT_INDEX.with(|cell| *cell.borrow_mut() = Some(Arc::clone(&index)));
    Some(index)
}

/// Reads the full-text index at `path` (see `folio_core::text_index`). The browser parses
/// the file; its parts are copied into the app's memory one string at a time.
async fn read_text_index(path: &str) -> Option<folio_core::text_index::TextIndex> {
    use folio_core::text_index::{TextIndex, TEXT_INDEX_VERSION};
    use wasm_bindgen::{JsCast, JsValue};
    let response = fetch(path, None).await.ok()?;
    let parsing = web_sys::Response::from(response).json().ok()?;
    let file = wasm_bindgen_futures::JsFuture::from(parsing).await.ok()?;
    let field = |name: &str| js_sys::Reflect::get(&file, &JsValue::from_str(name)).ok();
    let list = |name: &str| field(name)?.dyn_into::<js_sys::Array>().ok();
    if field("version")?.as_f64()? != TEXT_INDEX_VERSION as f64 {
        return None;
    }
    let slugs = list("slugs")?
        .iter()
        .map(|slug| slug.as_string())
        .collect::<Option<Vec<String>>>()?;
    let vocabulary = field("words")?.as_string()?;
    let lists = list("posts")?;
    TextIndex::from_parts(
        slugs,
        vocabulary,
        lists.iter().map(|posts| posts.as_string()),
    )
}

/// How many posts of the manifest are read between two looks at the clock.
const POSTS_PER_STEP: usize = 20;

/// How long the manifest is read, in milliseconds, before the browser gets a turn: a task
/// of 8 ms stays under the 50 ms that counts as blocking even on a phone four times slower
/// than the machine that measured it, and the slices adapt to the device.
const READ_BUDGET_MS: f64 = 8.0;

/// Calls `read` (read up to n more posts; `true` once every post is read) until it is
/// done, giving the browser a turn whenever a slice has taken [`READ_BUDGET_MS`]. The
/// first turn comes after the first step: the task has just parsed the JSON (up to a
/// slice's time for a thousand posts), and a full slice on top would double it.
async fn read_in_slices(mut read: impl FnMut(usize) -> bool) {
    let mut slice_start = js_sys::Date::now() - READ_BUDGET_MS;
    while !read(POSTS_PER_STEP) {
        if js_sys::Date::now() - slice_start >= READ_BUDGET_MS {
            yield_to_browser().await;
            slice_start = js_sys::Date::now();
        }
    }
}

/// Whether the page is hidden (a tab in the background, or no document at all): it
/// paints nothing, and the browser runs its timers at most once a second.
fn page_hidden() -> bool {
    web_sys::window()
        .and_then(|window| window.document())
        .is_none_or(|document| document.hidden())
}

/// Waits for a task of its own (a zero timeout), so the browser can paint and handle input
/// before the work that follows. A hidden page does not wait: a background tab's timers
/// fire once a second, which would make a manifest read in slices take seconds.
pub async fn yield_to_browser() {
    if page_hidden() {
        return;
    }
    let (turn, taken) = futures::channel::oneshot::channel();
    leptos::prelude::set_timeout(
        move || {
            let _ = turn.send(());
        },
        std::time::Duration::ZERO,
    );
    let _ = taken.await;
}

/// Waits until the browser has painted its next frame (a task after the next animation
/// frame), so that work which can wait does not hold back what the reader sees first. A
/// hidden page (a post opened in a background tab) paints nothing and gets no frames: it
/// does not wait.
pub async fn after_next_paint() {
    if page_hidden() {
        return;
    }
    let (framed, frame) = futures::channel::oneshot::channel();
    leptos::prelude::request_animation_frame(move || {
        let _ = framed.send(());
    });
    let _ = frame.await;
    yield_to_browser().await;
}

/// Parses a manifest a slice of posts at a time, letting the browser paint and answer
/// input in between: a thousand posts take tens of milliseconds on a slow phone.
async fn read_manifest(text: &str) -> Result<Manifest, LoadError> {
    // The JSON is parsed in a task of its own, not in the one that fetched it (which on a
    // prerendered page can also be the one that mounted the app).
    yield_to_browser().await;
    let mut reader = folio_core::manifest::ManifestReader::new(text, &parse_options())?;
    read_in_slices(|n| reader.read(n)).await;
    Ok(reader.finish())
}

/// Fetches and parses the manifest, and loads the words of the site's language. The words
/// of the language `<html lang>` names are fetched at the same time as the manifest (a
/// preload, which costs the app less than a join of two futures).
/// With the manifest's text when it names chunks still to load (see [`load_chunks`]).
pub async fn load_site() -> Result<(Arc<Manifest>, Option<String>), LoadError> {
    let guess = crate::document_lang();
    if guess.builtin().is_none() {
        preload(&guess.text_file());
    }
    let text = fetch_text(MANIFEST_URL, Expected::Json, None).await?;
    let mut manifest = read_manifest(&text).await?;
    // Scheduled posts appear on their date, by the reader's clock.
    let now = (js_sys::Date::now() / 1000.0) as i64;
    manifest.hide_scheduled(now);
    let lang = manifest.site.lang();
    let words = load_strings(lang).await;
    crate::set_language(&manifest.site, words);
    crate::integrations::start_analytics(&manifest);
    let head = (!manifest.is_complete()).then_some(text);
    Ok((Arc::new(manifest), head))
}

/// The site with the posts of every chunk in (`Manifest::chunks`), fetched in parallel. A
/// chunk that cannot be loaded is reported like a skipped post, and its posts are
/// missing: the site never waits for it forever.
/// `head` is the text of `posts.json`, parsed again here rather than cloning the manifest
/// the views already hold (a clone of every field costs the app's wasm more).
pub async fn load_chunks(head: &str) -> Result<Arc<Manifest>, LoadError> {
    let mut manifest = read_manifest(head).await?;
    let files = manifest.chunks.clone();
    // The browser fetches every chunk at once; the loop below takes them in one by one
    // (a join of futures would cost the app's wasm 2 KB more).
    for file in &files {
        preload(file);
    }
    let options = parse_options();
    for file in &files {
        // Like the manifest, a chunk (up to 10,000 posts) is read a slice at a time.
        let reader = fetch_text(file, Expected::Json, None)
            .await
            .and_then(|text| {
                manifest
                    .chunk_reader(file, &text, &options)
                    .map_err(LoadError::from)
            });
        match reader {
            Ok(mut reader) => {
                read_in_slices(|n| reader.read(n)).await;
                manifest.add_read_chunk(reader);
            }
            Err(error) => manifest.chunk_failed(file, &error.to_string()),
        }
    }
    let now = (js_sys::Date::now() / 1000.0) as i64;
    manifest.hide_scheduled(now);
    Ok(Arc::new(manifest))
}

/// Asks the browser to fetch `file` now (`<link rel="preload" as="fetch">`), so a later
/// `fetch_text` of it finds it loaded.
fn preload(file: &str) {
    let attributes = [
        ("rel", "preload"),
        ("as", "fetch"),
        ("crossorigin", ""),
        ("href", file),
    ];
    crate::append_element(None, "link", &attributes);
}

/// The words of `lang`: built in for English, else its `i18n/CODE.txt` file (which `folio
/// build` writes, and the demo build ships for every language). A missing or unreadable
/// file means English words, never a broken page.
pub async fn load_strings(lang: Lang) -> &'static Strings {
    if let Some(builtin) = lang.builtin() {
        return builtin;
    }
    let file = lang.text_file();
    let text = match fetch_text(&file, Expected::Text, None).await {
        Ok(text) => text,
        Err(error) => {
            web_sys::console::warn_1(&error.to_string().into());
            return Lang::En.strings();
        }
    };
    // Once per page load: the words live as long as the app.
    let text: &'static str = Box::leak(text.into_boxed_str());
    match Strings::from_text(lang, text) {
        Some(words) => Box::leak(Box::new(words)),
        None => {
            let message = format!(
                "{} is not a word list for {}",
                lang.text_file(),
                lang.code()
            );
            web_sys::console::warn_1(&message.into());
            Lang::En.strings()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_recognised_in_either_case_after_a_bom_and_spaces() {
        for html in [
            "<!doctype html><p>",
            "<!DOCTYPE HTML>",
            "\u{feff}  \n<html lang=en>",
            "<HTML>",
        ] {
            assert!(looks_like_html(html), "{html:?}");
        }
        for data in ["{\"version\": 1}", "<!doctype", "# <html>", "", "<htm"] {
            assert!(!looks_like_html(data), "{data:?}");
        }
        assert!(starts_with_ignoring_case(
            "Text/HTML; charset=utf-8",
            "text/html"
        ));
        assert!(!starts_with_ignoring_case("text/plain", "text/html"));
        // A multi-byte character where the prefix would end is not a match (and no panic).
        assert!(!starts_with_ignoring_case("<htmé", "<html"));
    }
}
