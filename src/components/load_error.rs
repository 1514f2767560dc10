//! Error and not-found views: a heading, a sentence that says what went wrong and where,
//! and a way home. Both carry `role="alert"`.

use folio_core::Route;
use leptos::prelude::*;

use crate::api::LoadError;
use crate::{href, set_document_title, SiteResource};

/// "View · Site title" when the site has loaded, else just the view.
fn titled(view: &str) -> String {
    match use_context::<SiteResource>().and_then(|site| site.get_untracked()) {
        Some(Ok(manifest)) => folio_core::query::document_title(Some(view), &manifest.site.title),
        _ => view.to_string(),
    }
}

/// A file the view needs could not be loaded.
#[component]
pub fn LoadErrorView(
    /// What failed.
    error: LoadError,
) -> impl IntoView {
    set_document_title(&titled("Could not load this page"));
    view! {
        <section class="notice error" role="alert">
            <h1>"This page could not be loaded"</h1>
            <p class="reason">{error.to_string()}</p>
            <p><a href=href(Route::Home)>"← Back to the home page"</a></p>
        </section>
    }
}

/// Nothing lives at this address.
#[component]
pub fn NotFoundView(
    /// What was looked for, such as `the post "x"`; the path when absent.
    #[prop(into)]
    what: String,
) -> impl IntoView {
    set_document_title(&titled("Not found (404)"));
    view! {
        <section class="notice not-found" role="alert">
            <p class="status">"404 · Not found"</p>
            <h1>"There is nothing here"</h1>
            <p class="reason">{format!("We could not find {what}. It may have moved, or the link may be mistyped.")}</p>
            <p><a href=href(Route::Home)>"← Back to the home page"</a></p>
        </section>
    }
}
