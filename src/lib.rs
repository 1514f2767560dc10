//! Folio's reader: a client-side Leptos app that loads `posts.json` once and renders every
//! view from it. This file holds the only route table and the one shared site resource.

pub mod api;
pub mod components;
pub mod pages;
pub mod renderer;

use std::cell::RefCell;
use std::sync::Arc;

use folio_core::route::{base_path_of, with_base};
use folio_core::{Manifest, Route};
use leptos::prelude::*;
use leptos_router::components::{Route as RouteView, Router, Routes};
use leptos_router::path;

use crate::api::LoadError;
use crate::components::layout::Layout;
use crate::pages::{
    categories::CategoriesPage, category::CategoryPage, home::HomePage, not_found::NotFoundPage,
    post::PostPage, tag::TagPage, tags::TagsPage,
};

/// The site, loaded once and shared by every view. Awaiting a `LocalResource` clones its
/// value, so it holds an `Arc`: each view copies a pointer, not the manifest.
pub type SiteResource = LocalResource<Result<Arc<Manifest>, LoadError>>;

/// The shared site resource, from context.
pub fn use_site() -> SiteResource {
    use_context::<SiteResource>().expect("App provides SiteResource")
}

thread_local! {
    /// The deployment's base path (`""` or `/blog`), read once from `<base href>`.
    static BASE_PATH: RefCell<String> = const { RefCell::new(String::new()) };
}

/// The href of a route in this deployment: the base path in front of the route's href.
pub fn href(route: Route<'_>) -> String {
    BASE_PATH.with(|base| with_base(&base.borrow(), &route.href()))
}

/// Whether the app's own view is ready to replace the page that `folio build` prerendered.
/// While it is not, the app renders hidden and the prerendered markup stays visible, so
/// the first paint needs no WebAssembly and the swap shows no loading state.
#[derive(Debug, Clone, Copy)]
pub struct Takeover(RwSignal<bool>);

/// Marks the current view as ready: the prerendered page, if any, is replaced.
pub fn mark_ready() {
    if let Some(Takeover(ready)) = use_context::<Takeover>() {
        if !ready.get_untracked() {
            ready.set(true);
        }
    }
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

    let site: SiteResource = LocalResource::new(api::load_site);
    provide_context(site);

    let document = web_sys::window().and_then(|window| window.document());
    let has_prerendered = document
        .as_ref()
        .and_then(|document| document.get_element_by_id("prerendered"))
        .is_some();
    let ready = RwSignal::new(!has_prerendered);
    provide_context(Takeover(ready));
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
                <Routes fallback=NotFoundPage>
                    <RouteView path=path!("/") view=HomePage />
                    <RouteView path=path!("/page/:n") view=HomePage />
                    <RouteView path=path!("/posts/:slug") view=PostPage />
                    <RouteView path=path!("/tags") view=TagsPage />
                    <RouteView path=path!("/tags/:tag") view=TagPage />
                    <RouteView path=path!("/categories") view=CategoriesPage />
                    <RouteView path=path!("/categories/:category") view=CategoryPage />
                </Routes>
            </Layout>
        </Router>
        </div>
    }
}
