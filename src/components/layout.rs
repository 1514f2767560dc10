//! The frame of every view: skip link, header with the site title, navigation, footer.

use folio_core::route::{section, Section};
use folio_core::Route;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

use crate::pages::search::SEARCH_INPUT_ID;
use crate::{href, route_path, use_site};

/// Wraps every route. The header shows the site title once the manifest has loaded.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let site = use_site();
    let location = use_location();
    let site_title = move || match site.get() {
        Some(Ok(manifest)) => manifest.site.title.clone(),
        _ => String::new(),
    };
    let tagline = move || match site.get() {
        Some(Ok(manifest)) => manifest.site.description.clone(),
        _ => None,
    };
    // The skip link points at the current path, so the router keeps the view and only
    // moves to #main; a bare "#main" would resolve against <base href> to the home page.
    let skip_href = move || format!("{}#main", location.pathname.get());
    let focus_main = move |event: leptos::ev::MouseEvent| {
        let main = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.get_element_by_id("main"));
        if let Some(main) = main {
            if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
                event.prevent_default();
                let _ = main.focus();
            }
        }
    };

    search_shortcuts();
    copy_buttons();
    let online = online_signal();

    // aria-current marks the navigation link of the section being shown.
    let current = move |wanted: Section| {
        let path = location.pathname.get();
        (section(&route_path(&path)) == wanted).then_some("page")
    };
    view! {
        <a class="skip-link" href=skip_href on:click=focus_main>"Skip to content"</a>
        <header class="site-header">
            <div class="wrap header-row">
                <a class="site-title" href=href(Route::Home)>{site_title}</a>
                <nav aria-label="Main">
                    <ul class="nav">
                        <li><a href=href(Route::Home) aria-current=move || current(Section::Posts)>"Posts"</a></li>
                        <li><a href=href(Route::Tags) aria-current=move || current(Section::Tags)>"Tags"</a></li>
                        <li><a href=href(Route::Categories) aria-current=move || current(Section::Categories)>"Categories"</a></li>
                        <li><a href=href(Route::Archive) aria-current=move || current(Section::Archive)>"Archive"</a></li>
                        <li><a href=href(Route::Search("")) aria-current=move || current(Section::Search)>"Search"</a></li>
                    </ul>
                </nav>
                <ThemeToggle />
            </div>
            {move || tagline().map(|text| view! { <p class="wrap tagline">{text}</p> })}
        </header>
        <main id="main" tabindex="-1" class="wrap">
            {move || (!online.get()).then(|| view! {
                <p class="notice offline" role="status">"You are offline: what you see is the copy saved on this device."</p>
            })}
            {children()}
        </main>
        <footer class="site-footer">
            <div class="wrap">
                <p>{site_title} " · Made with " <a href="https://github.com/">"Folio"</a></p>
            </div>
        </footer>
    }
}

/// The reader's theme choice, kept in `localStorage` under the key that `style/theme.js`
/// reads before the first paint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Theme {
    System,
    Light,
    Dark,
}

const THEME_KEY: &str = "folio-theme";

impl Theme {
    fn stored() -> Theme {
        let stored = web_sys::window()
            .and_then(|window| window.local_storage().ok().flatten())
            .and_then(|storage| storage.get_item(THEME_KEY).ok().flatten());
        match stored.as_deref() {
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            _ => Theme::System,
        }
    }

    fn next(self) -> Theme {
        match self {
            Theme::System => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::System,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    fn icon(self) -> &'static str {
        match self {
            Theme::System => "◐",
            Theme::Light => "☀",
            Theme::Dark => "☾",
        }
    }

    /// Stores the choice and applies it to `<html data-theme>`.
    fn apply(self) {
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Ok(Some(storage)) = window.local_storage() {
            let _ = match self {
                Theme::System => storage.remove_item(THEME_KEY),
                theme => storage.set_item(THEME_KEY, theme.name()),
            };
        }
        if let Some(root) = window
            .document()
            .and_then(|document| document.document_element())
        {
            let _ = match self {
                Theme::System => root.remove_attribute("data-theme"),
                theme => root.set_attribute("data-theme", theme.name()),
            };
        }
    }
}

/// A button that cycles the theme: system, light, dark.
#[component]
fn ThemeToggle() -> impl IntoView {
    let theme = RwSignal::new(Theme::stored());
    let label = move || {
        let now = theme.get();
        format!("Theme: {} (switch to {})", now.name(), now.next().name())
    };
    let on_click = move |_| {
        let next = theme.get_untracked().next();
        next.apply();
        theme.set(next);
    };
    view! {
        <button type="button" class="theme-toggle" aria-label=label title=label on:click=on_click>
            {move || theme.get().icon()}
        </button>
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
        button.set_text_content(Some("Copied"));
        let _ = button.set_attribute("aria-live", "polite");
        set_timeout(
            move || button.set_text_content(Some("Copy")),
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
    view! { <p class="loading" aria-live="polite">"Loading…"</p> }
}
