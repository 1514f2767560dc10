//! The frame of every view: skip link, header with the site title, navigation, footer.

use folio_core::html::Theme;
use folio_core::Route;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

use crate::components::markdown_body::FrameHtml;
use crate::pages::search::SEARCH_INPUT_ID;
use crate::{markup, route_path, strings, use_site};

/// Wraps every route: the header and footer from `folio_core::html` (the same markup
/// `folio build` prerenders), the view between them.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let site = use_site();
    let location = use_location();
    search_shortcuts();
    copy_buttons();
    let online = online_signal();
    // Rebuilt on navigation (aria-current) and once the manifest has loaded (title,
    // tagline, and the words of the site's language).
    let header = move || {
        let path = route_path(&location.pathname.get());
        match site.get() {
            Some(Ok(manifest)) => markup().header(Some(&manifest.site), &path, stored_theme()),
            _ => markup().header(None, &path, stored_theme()),
        }
    };
    let footer = move || match site.get() {
        Some(Ok(manifest)) => markup().footer(Some(&manifest.site)),
        _ => markup().footer(None),
    };
    view! {
        <FrameHtml html=Box::new(header) on_click=frame_click />
        <main id="main" tabindex="-1" class="wrap">
            {move || (!online.get()).then(|| view! {
                <p class="notice offline" role="status">{strings().offline}</p>
            })}
            {children()}
        </main>
        <FrameHtml html=Box::new(footer) on_click=|_| {} />
    }
}

/// The skip link focuses `<main>` (the router would only scroll to it); the theme button
/// cycles the theme.
fn frame_click(event: leptos::ev::MouseEvent) {
    let Some(target) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    if let Ok(Some(button)) = target.closest("button.theme-toggle") {
        let next = stored_theme().next();
        apply_theme(next);
        let label = next.label(strings());
        let _ = button.set_attribute("aria-label", &label);
        let _ = button.set_attribute("title", &label);
        button.set_text_content(Some(next.icon()));
    } else if let Ok(Some(_)) = target.closest("a.skip-link") {
        let main = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.get_element_by_id("main"))
            .and_then(|main| main.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(main) = main {
            event.prevent_default();
            let _ = main.focus();
        }
    }
}

/// The key under which the theme choice is stored; `style/theme.js` reads it before the
/// first paint.
const THEME_KEY: &str = "folio-theme";

/// The reader's stored theme choice.
fn stored_theme() -> Theme {
    let stored = web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .and_then(|storage| storage.get_item(THEME_KEY).ok().flatten());
    Theme::from_name(stored.as_deref())
}

/// Stores the choice and applies it to `<html data-theme>`.
fn apply_theme(theme: Theme) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(Some(storage)) = window.local_storage() {
        let _ = match theme {
            Theme::System => storage.remove_item(THEME_KEY),
            theme => storage.set_item(THEME_KEY, theme.name()),
        };
    }
    if let Some(root) = window
        .document()
        .and_then(|document| document.document_element())
    {
        let _ = match theme {
            Theme::System => root.remove_attribute("data-theme"),
            theme => root.set_attribute("data-theme", theme.name()),
        };
    }
}

/// `/` (outside text fields) and Ctrl+K (or ⌘K) focus the search box, opening the search
/// view first when it is not showing.
fn search_shortcuts() {
    let navigate = use_navigate();
    let handle = window_event_listener(leptos::ev::keydown, move |event| {
        let in_text_field = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlElement>().ok())
            .is_some_and(|element| {
                matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    || element.is_content_editable()
            });
        let slash = event.key() == "/" && !in_text_field && !event.ctrl_key() && !event.meta_key();
        let ctrl_k =
            event.key().eq_ignore_ascii_case("k") && (event.ctrl_key() || event.meta_key());
        if !(slash || ctrl_k) {
            return;
        }
        event.prevent_default();
        let input = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.get_element_by_id(SEARCH_INPUT_ID))
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
        match input {
            Some(input) => {
                let _ = input.focus();
            }
            // The search view focuses its box when it opens.
            None => navigate(&Route::Search("").href(), NavigateOptions::default()),
        }
    });
    on_cleanup(move || handle.remove());
}

/// The "Copy" buttons that the renderer puts on code blocks: one document-wide handler
/// copies the block's text and says "Copied" for two seconds.
fn copy_buttons() {
    let handle = window_event_listener(leptos::ev::click, |event| {
        let Some(button) = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("button.copy-code").ok().flatten())
        else {
            return;
        };
        let code = button
            .parent_element()
            .and_then(|block| block.query_selector("code").ok().flatten())
            .and_then(|code| code.text_content())
            .unwrap_or_default();
        let Some(window) = web_sys::window() else {
            return;
        };
        let _ = window.navigator().clipboard().write_text(&code);
        let t = strings();
        button.set_text_content(Some(t.copied));
        let _ = button.set_attribute("aria-live", "polite");
        set_timeout(
            move || button.set_text_content(Some(t.copy)),
            std::time::Duration::from_secs(2),
        );
    });
    on_cleanup(move || handle.remove());
}

/// Whether the browser is online, kept up to date by its `online` and `offline` events.
fn online_signal() -> ReadSignal<bool> {
    let is_online = || web_sys::window().is_none_or(|window| window.navigator().on_line());
    let (online, set_online) = signal(is_online());
    let on = window_event_listener(leptos::ev::online, move |_| set_online.set(true));
    let off = window_event_listener(leptos::ev::offline, move |_| set_online.set(false));
    on_cleanup(move || {
        on.remove();
        off.remove();
    });
    online
}

/// Shown while a file loads; CSS keeps it invisible for the first moment, so fast loads
/// never flash it.
#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="loading" aria-live="polite">{strings().loading}</p> }
}
