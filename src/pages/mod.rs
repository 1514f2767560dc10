//! One file per route. A page reads the URL, calls one `folio_core::query` function and
//! maps the result to components.

pub mod categories;
pub mod category;
pub mod home;
pub mod not_found;
pub mod post;
pub mod tag;
pub mod tags;

use std::sync::Arc;

use folio_core::query::document_title;
use folio_core::Manifest;
use leptos::prelude::*;

use crate::components::layout::Loading;
use crate::components::load_error::LoadErrorView;
use crate::{mark_ready, set_document_title, use_site};

/// When a view may replace the prerendered page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Readiness {
    /// As soon as the site has loaded (listings: everything they show is in the manifest).
    WithSite,
    /// When the page calls [`crate::mark_ready`] (a post, once its body has rendered).
    Deferred,
}

/// Renders `render(manifest)` once the site has loaded, with the loading and error views
/// before that. `render` runs in a reactive closure, so URL params it reads stay tracked.
pub fn with_site<F>(readiness: Readiness, render: F) -> AnyView
where
    F: Fn(Arc<Manifest>) -> AnyView + Send + Sync + 'static,
{
    let site = use_site();
    // Erased to AnyView: every page has the same type, which keeps the router's code small.
    let view = move || match site.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Err(error)) => {
            mark_ready();
            view! { <LoadErrorView error /> }.into_any()
        }
        Some(Ok(manifest)) => {
            let view = render(manifest);
            if readiness == Readiness::WithSite {
                mark_ready();
            }
            view
        }
    };
    view.into_any()
}

/// Sets the document title to "view · site" (just the site title when `view` is `None`).
pub fn set_view_title(view: Option<&str>, manifest: &Manifest) {
    set_document_title(&document_title(view, &manifest.site.title));
}
