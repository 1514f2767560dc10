//! Folio's reader: a client-side Leptos app that loads `posts.json` once and renders every
//! view from it. This file holds the only route table and the one shared site resource.

pub mod api;
pub mod components;
pub mod integrations;
pub mod pages;
pub mod renderer;

use std::cell::{Cell, RefCell};
use std::sync::Arc;

use folio_core::html::Markup;
use folio_core::i18n::{Direction, Lang, Strings};
use folio_core::route::{base_path_of, with_base};
use folio_core::route::{target, Target};
use folio_core::{Manifest, Route, Site};
use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::use_location;
use leptos_router::location::{BrowserUrl, LocationProvider};

use crate::api::LoadError;
use crate::components::layout::Layout;
use crate::pages::{
    archive::ArchivePage, categories::CategoriesPage, category::CategoryPage, home::HomePage,
    not_found::NotFoundPage, post::PostPage, search::SearchPage, tag::TagPage, tags::TagsPage,
};

/// The site, loaded once and shared by every view: `None` while the manifest loads, then
/// the manifest or why it could not be used. A large site's chunks join it in the
/// background (`Manifest::is_complete` says when they all have). Reading it clones the
/// value, so it holds an `Arc`: each view copies a pointer, not the manifest.
#[derive(Debug, Clone, Copy)]
pub struct SiteResource(pub RwSignal<Option<Loaded>, LocalStorage>);

/// The site, or why it could not be used: the error behind an `Arc` too, since every read
/// of the signal clones the value (a deep clone of every kind of error cost 1 KB of wasm).
pub type Loaded = Result<Arc<Manifest>, Arc<LoadError>>;

impl SiteResource {
    /// The site so far, tracked.
    pub fn get(&self) -> Option<Loaded> {
        self.0.get()
    }

    /// The site so far, untracked.
    pub fn get_untracked(&self) -> Option<Loaded> {
        self.0.get_untracked()
    }

    /// Loads the manifest, then the chunks of a large site.
    fn load(self) {
        leptos::task::spawn_local(async move {
            let (loaded, head) = match api::load_site().await {
                Ok((manifest, head)) => (Ok(manifest), head),
                Err(error) => (Err(Arc::new(error)), None),
            };
            // The views render in a task of their own, not in the last slice of reading.
            api::yield_to_browser().await;
            self.0.set(Some(loaded));
            // Release builds keep what readers open for offline reading (style/sw.js). The
            // worker is registered once the first view has painted: its install downloads
            // the app shell, which would otherwise compete with the app's start.
            if !cfg!(debug_assertions) {
                api::after_next_paint().await;
                register_service_worker();
            }
            if let Some(head) = head {
                self.0
                    .set(Some(api::load_chunks(&head).await.map_err(Arc::new)));
            }
        });
    }
}

/// The shared site resource, from context.
pub fn use_site() -> SiteResource {
    use_context::<SiteResource>().expect("App provides SiteResource")
}

thread_local! {
    /// The deployment's base path (`""` or `/blog`), read once from `<base href>`.
    static BASE_PATH: RefCell<String> = const { RefCell::new(String::new()) };
    /// The app's words: English until the site's language has loaded (see
    /// [`api::load_strings`]).
    static STRINGS: Cell<&'static Strings> = Cell::new(Lang::En.strings());
}

/// The app's words, in the site's language.
pub fn strings() -> &'static Strings {
    STRINGS.with(Cell::get)
}

/// The language `<html lang>` names: what `folio build` wrote for the site, so the app can
/// load its words while the manifest loads.
pub fn document_lang() -> Lang {
    let tag = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
        .and_then(|root| root.get_attribute("lang"));
    Lang::from_tag(tag.as_deref())
}

/// Takes the site's words (already loaded, or English) and its `<html lang dir>` (for a
/// site whose `index.html` was not written by `folio build`).
pub fn set_language(site: &Site, words: &'static Strings) {
    STRINGS.with(|cell| cell.set(words));
    let Some(tag) = site.language.as_deref() else {
        return;
    };
    let root = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element());
    if let Some(root) = root {
        let _ = root.set_attribute("lang", tag);
        let _ = match site.direction() {
            Direction::Rtl => root.set_attribute("dir", "rtl"),
            Direction::Ltr => root.remove_attribute("dir"),
        };
    }
}

/// The href of a route in this deployment: the base path in front of the route's href.
pub fn href(route: Route<'_>) -> String {
    BASE_PATH.with(|base| with_base(&base.borrow(), &route.href()))
}

/// The markup writer of `folio_core::html` for this deployment's base path.
pub fn markup() -> Markup {
    BASE_PATH.with(|base| Markup::new(&base.borrow()).with_strings(strings()))
}

thread_local! {
    /// Whether the app's own view is ready to replace the page that `folio build`
    /// prerendered. While it is not, the app renders hidden and the prerendered markup
    /// stays visible, so the first paint needs no WebAssembly and the swap shows no
    /// loading state. One per app, set by [`App`] (a context lookup of its own type cost
    /// the app's download more).
    static TAKEOVER: Cell<Option<RwSignal<bool>>> = const { Cell::new(None) };
}

/// Marks the current view as ready: the prerendered page, if any, is replaced.
pub fn mark_ready() {
    // `try_`: an app that was unmounted (as component tests do) leaves a disposed signal.
    if let Some(ready) = TAKEOVER.with(Cell::get) {
        if ready.try_get_untracked() == Some(false) {
            ready.try_set(true);
        }
    }
}

/// Has folio-core lowercase non-ASCII text (slugs, search) with the browser's
/// `toLowerCase`, the same Unicode mapping as the CLI's, instead of tables of its own that
/// would add about 11 KB to the app's download (`folio_core::case`).
pub fn use_browser_lowercase() {
    folio_core::case::set_lowercase(|text| {
        String::from(js_sys::JsString::from(text).to_lower_case())
    });
}

/// A browser pathname without the deployment base path: `/blog/tags/go` → `/tags/go`.
pub fn route_path(pathname: &str) -> String {
    BASE_PATH.with(|base| {
        let base = base.borrow();
        let rest = pathname.strip_prefix(base.as_str()).unwrap_or(pathname);
        if rest.starts_with('/') {
            rest.to_string()
        } else {
            format!("/{rest}")
        }
    })
}

/// Focuses the view's `<h1>` without scrolling (Back keeps its scroll position), unless
/// the view has focused something of its own (the search box).
fn focus_heading() {
    use leptos::wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let view_has_focus = document
        .active_element()
        .and_then(|active| active.closest("#app main").ok().flatten())
        .is_some();
    if view_has_focus {
        return;
    }
    let heading = document
        .query_selector("#app main h1")
        .ok()
        .flatten()
        .and_then(|heading| heading.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(heading) = heading {
        let _ = heading.set_attribute("tabindex", "-1");
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = heading.focus_with_options(&options);
    }
}

/// The browser's service workers, where it has them: absent outside secure contexts,
/// where calling into them would throw.
fn service_workers() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::has(&navigator, &"serviceWorker".into())
        .unwrap_or(false)
        .then(|| navigator.service_worker())
}

/// Registers the service worker (`sw.js`, next to `index.html`), where browsers have one,
/// unless the reader has gone offline since the page loaded: there is nothing to install
/// from, and the registration would fail.
fn register_service_worker() {
    let online = web_sys::window().is_some_and(|window| window.navigator().on_line());
    if let Some(workers) = service_workers().filter(|_| online) {
        // Relative to <base href>, so the worker's scope is the blog, at any sub-path.
        let _ = workers.register("sw.js");
    }
}

/// Waits until the service worker controls the page, so that what the page fetches then
/// is kept for offline reading: at once for a returning reader; on a first visit once the
/// worker registered after the first view has installed and claimed the page (looked at
/// once a frame). `false` where there is no service worker, in a hidden page, or when it
/// has not taken the page within about ten seconds.
pub(crate) async fn service_worker_controls() -> bool {
    let Some(workers) = service_workers() else {
        return false;
    };
    for _ in 0..600 {
        if workers.controller().is_some() {
            return true;
        }
        api::after_next_paint().await;
    }
    false
}

/// Appends a new `<tag>` with `attributes` (set one by one, never as HTML) to `parent`,
/// or to `<body>` when there is none: the scripts and preloads the app adds.
pub fn append_element(parent: Option<&web_sys::Element>, tag: &str, attributes: &[(&str, &str)]) {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let body: Option<web_sys::Element> = document.body().map(Into::into);
    let (Some(parent), Ok(element)) = (parent.or(body.as_ref()), document.create_element(tag))
    else {
        return;
    };
    for (name, value) in attributes {
        let _ = element.set_attribute(name, value);
    }
    let _ = parent.append_child(&element);
}

/// Sets `document.title`.
pub fn set_document_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|window| window.document()) {
        document.set_title(title);
    }
}

/// The whole app: the site resource, the layout and the route table.
#[component]
pub fn App() -> impl IntoView {
    // Trunk writes the public URL into <base href>; under /blog/ that is "/blog/". Reading it
    // here lets one build serve any path that its <base> names.
    let base_uri = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.base_uri().ok().flatten())
        .unwrap_or_default();
    let base_path = base_path_of(&base_uri);
    BASE_PATH.with(|base| *base.borrow_mut() = base_path.clone());

    let site = SiteResource(RwSignal::new_local(None));
    site.load();
    provide_context(site);

    let document = web_sys::window().and_then(|window| window.document());
    let has_prerendered = document
        .as_ref()
        .and_then(|document| document.get_element_by_id("prerendered"))
        .is_some();
    let ready = RwSignal::new(!has_prerendered);
    TAKEOVER.with(|cell| cell.set(Some(ready)));
    Effect::new(move || {
        if ready.get() {
            let prerendered = document
                .as_ref()
                .and_then(|document| document.get_element_by_id("prerendered"));
            if let Some(prerendered) = prerendered {
                prerendered.remove();
            }
        }
    });

    view! {
        <div id="app" hidden=move || !ready.get()>
        <Router base=base_path>
            <Layout>
                <CurrentView />
            </Layout>
        </Router>
        </div>
    }
}

/// The view for the current path: `folio_core::route::target` is the route table, so it is
/// tested natively and the router's code stays small. Only a new path rebuilds the view;
/// a new query string (the search words) does not.
#[component]
fn CurrentView() -> impl IntoView {
    let location = use_location();
    let browser = use_context::<BrowserUrl>();
    let first_view = StoredValue::new(true);
    move || {
        let pathname = location.pathname.get();
        // The router writes a new URL into the address bar only once the view for it is
        // ready (its own route views say so); after this run, it is.
        if let Some(browser) = browser.clone() {
            leptos::task::spawn_local(async move { browser.ready_to_complete() });
        }
        // After a navigation (not on the first load), focus moves to the new view's
        // heading, so a screen reader announces it.
        if first_view.get_value() {
            first_view.set_value(false);
        } else {
            request_animation_frame(focus_heading);
            integrations::count_navigation(&pathname);
        }
        let path = route_path(&pathname);
        let owned = |text: &str| text.to_string();
        match target(&path) {
            Target::Listing { page } => view! { <HomePage page=page.map(owned) /> },
            Target::Post(slug) => view! { <PostPage slug=owned(slug) /> },
            Target::Tags => view! { <TagsPage /> },
            Target::Tag { term, page } => {
                view! { <TagPage term=owned(term) page=page.map(owned) /> }
            }
            Target::Categories => view! { <CategoriesPage /> },
            Target::Category { term, page } => {
                view! { <CategoryPage term=owned(term) page=page.map(owned) /> }
            }
            Target::Archive => view! { <ArchivePage /> },
            Target::Search => view! { <SearchPage /> },
            Target::Unknown => view! { <NotFoundPage path=pathname.clone() /> },
        }
    }
}
