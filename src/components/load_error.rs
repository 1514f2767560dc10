//! Error and not-found views: a heading, a sentence that says what went wrong and where,
//! and a way home (`folio_core::html::Markup::load_error` and `not_found`). Both carry
//! `role="alert"`.

use std::sync::Arc;

use leptos::prelude::*;

use crate::api::LoadError;
use crate::components::markdown_body::HtmlBlock;
use crate::{markup, set_document_title, strings, SiteResource};

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
    #[prop(into)]
    error: Arc<LoadError>,
) -> impl IntoView {
    set_document_title(&titled(strings().error_title));
    let html = markup().load_error(&error.to_string());
    view! { <HtmlBlock class="view" html /> }
}

/// Nothing lives at this address.
#[component]
pub fn NotFoundView(
    /// What is missing, in a sentence from the site's [`folio_core::i18n::Strings`], such
    /// as `There is no post called “x”.`
    #[prop(into)]
    reason: String,
) -> impl IntoView {
    set_document_title(&titled(strings().not_found_title));
    let html = markup().not_found(&reason);
    view! { <HtmlBlock class="view" html /> }
}
