//! The only components that set `inner_html`, and only from `SafeHtml`: a post's rendered
//! Markdown, and the views that `folio_core::html` writes (the same markup that `folio
//! build` prerenders, so a taken-over page does not change).

use std::sync::Arc;

use folio_core::SafeHtml;
use leptos::prelude::*;
use wasm_bindgen::JsCast as _;

/// A post's rendered Markdown.
#[component]
pub fn MarkdownBody(
    /// The rendered post.
    html: Arc<SafeHtml>,
) -> impl IntoView {
    if html.has_math_or_diagrams() {
        load_rich_content();
    }
    view! { <div class="prose" inner_html=html.as_str().to_string()></div> }
}

/// A post's body that `folio build` prerendered: copies of its nodes (from the page's
/// `.prose`, which the takeover detaches) in a `.prose` of the app's own. No HTML is
/// parsed again.
#[component]
pub fn PrerenderedBody(
    /// The prerendered `.prose`, kept as it is for later renders.
    prose: web_sys::Element,
) -> impl IntoView {
    // The view is in the document once this render is done: a microtask fills it then,
    // before the next paint.
    wasm_bindgen_futures::spawn_local(async move { fill_from_copy(&prose) });
    view! { <div class="prose" data-fill=""></div> }
}

/// Moves copies of `prose`'s nodes into the app's `.prose[data-fill]`, once: a later render
/// of the same view reuses the element, which no longer carries the mark.
fn fill_from_copy(prose: &web_sys::Element) {
    let Some(host) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| {
            document
                .query_selector("#app .prose[data-fill]")
                .ok()
                .flatten()
        })
    else {
        return;
    };
    let _ = host.remove_attribute("data-fill");
    let Some(fresh) = prose
        .clone_node_with_deep(true)
        .ok()
        .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    // Math that rich-content.js had begun but not finished drawing in the page: marked
    // undrawn again, so it draws this copy.
    while let Ok(Some(math)) = fresh.query_selector(".math[data-drawn='']") {
        let _ = math.remove_attribute("data-drawn");
    }
    while let Some(child) = fresh.first_child() {
        let _ = host.append_child(&child);
    }
}

thread_local! {
    static RICH_CONTENT_LOADED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Adds `rich-content.js` to the page, once: it draws the math and diagrams of this post
/// and of every post shown after it (the script itself ignores a second copy, such as the
/// one a prerendered page carries).
fn load_rich_content() {
    if RICH_CONTENT_LOADED.with(|loaded| loaded.replace(true)) {
        return;
    }
    let src = folio_core::markdown::RICH_CONTENT_SCRIPT;
    crate::append_element(None, "script", &[("src", src)]);
}

/// A `<div>` holding markup from `folio_core::html`: a listing view, the post navigation.
#[component]
pub fn HtmlBlock(
    /// The element's class; `view` for a whole view.
    class: &'static str,
    /// The markup.
    html: SafeHtml,
) -> impl IntoView {
    view! { <div class=class inner_html=html.as_str().to_string()></div> }
}

/// A block whose markup comes later, or changes: empty while `html` gives none (a post's
/// footer until its text is in). The same markup again leaves the element as it is.
#[component]
pub fn LateHtmlBlock(
    /// The element's class.
    class: &'static str,
    /// The markup, when there is some; read reactively.
    html: impl Fn() -> Option<SafeHtml> + Send + Sync + 'static,
) -> impl IntoView {
    let html = move || {
        html()
            .map(|html| html.as_str().to_string())
            .unwrap_or_default()
    };
    view! { <div class=class inner_html=html></div> }
}

/// A post's `<header>`, from `folio_core::html::Markup::post_header`.
#[component]
pub fn PostHeader(
    /// The markup.
    html: SafeHtml,
) -> impl IntoView {
    view! { <header class="post-header" inner_html=html.as_str().to_string()></header> }
}

/// The page frame above or below the view (`folio_core::html::Markup::header` and
/// `footer`), rebuilt when the path or the site changes. Clicks inside it (the skip link,
/// the theme button) go to `on_click`, before the router's document-wide link handler.
#[component]
pub fn FrameHtml(
    /// The markup, recomputed reactively.
    html: Box<dyn Fn() -> SafeHtml + Send + Sync>,
    /// Handles clicks inside the frame.
    on_click: fn(leptos::ev::MouseEvent),
) -> impl IntoView {
    view! { <div class="frame" inner_html=move || html().as_str().to_string() on:click=on_click></div> }
}
