//! The third-party services a site names in its manifest (`folio_core::integrations`):
//! comments under each post, and page-view counting. Nothing here runs unless the site
//! names a service; the scripts come from the services' own hosts, which `folio build`
//! adds to the Content-Security-Policy, and their attributes are set one by one (never as
//! HTML).

use std::cell::Cell;

use folio_core::integrations::{Comments, ScriptTag};
use folio_core::Manifest;
use leptos::prelude::*;
use leptos::wasm_bindgen::{JsCast, JsValue};

/// Appends `tag` as a `<script>` to `parent` (or `<body>`).
fn add_script(tag: &ScriptTag, parent: Option<&web_sys::Element>) {
    let mut attributes: Vec<(&str, &str)> = vec![("src", &tag.src)];
    attributes.extend(
        tag.attributes
            .iter()
            .map(|(name, value)| (*name, value.as_str())),
    );
    crate::append_element(parent, "script", &attributes);
}

thread_local! {
    static ANALYTICS_STARTED: Cell<bool> = const { Cell::new(false) };
    /// Whether the app reports navigations itself (see [`count_navigation`]).
    static COUNT_NAVIGATIONS: Cell<bool> = const { Cell::new(false) };
}

/// Loads the site's analytics script, once per page load.
#[inline(never)]
pub fn start_analytics(manifest: &Manifest) {
    let Some(analytics) = &manifest.site.analytics else {
        return;
    };
    if ANALYTICS_STARTED.with(|started| started.replace(true)) {
        return;
    }
    COUNT_NAVIGATIONS.with(|count| count.set(!analytics.counts_navigations_itself()));
    add_script(&analytics.script(), None);
}

/// Counts a client-side navigation to `path` with services whose script counts only the
/// page it loaded on (GoatCounter: `window.goatcounter.count({path})`).
#[inline(never)]
pub fn count_navigation(path: &str) {
    if !COUNT_NAVIGATIONS.with(Cell::get) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let counter = js_sys::Reflect::get(&window, &JsValue::from_str("goatcounter"))
        .ok()
        .filter(|counter| counter.is_object());
    let Some(counter) = counter else {
        return;
    };
    let count = js_sys::Reflect::get(&counter, &JsValue::from_str("count"))
        .ok()
        .and_then(|count| count.dyn_into::<js_sys::Function>().ok());
    if let Some(count) = count {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"path".into(), &JsValue::from_str(path));
        let _ = count.call1(&counter, &options);
    }
}

/// Fills the post footer's comments section (`folio_core::html::Markup::post_footer`
/// writes it) with the service's script, once the footer is in the page.
#[inline(never)]
pub fn show_comments(comments: &Comments, lang: Option<&str>) {
    let script = comments.script(lang.unwrap_or("en"));
    request_animation_frame(move || {
        let section = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| {
                document
                    .query_selector("#app section.comments")
                    .ok()
                    .flatten()
            });
        if let Some(section) = section.filter(|section| section.child_element_count() == 0) {
            add_script(&script, Some(&section));
        }
    });
}
