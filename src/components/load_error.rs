//! Error and not-found views: a heading, a sentence that says what went wrong and where,
//! and a way home. Both carry `role="alert"`.

use folio_core::i18n::fill;
use folio_core::Route;
use leptos::prelude::*;

use crate::api::LoadError;
use crate::{href, set_document_title, strings, SiteResource};

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
    let t = strings();
    set_document_title(&titled(t.error_title));
    view! {
        <section class="notice error" role="alert">
            <h1>{t.error_heading}</h1>
            <p class="reason">{error.to_string()}</p>
            <p><a href=href(Route::Home)>{t.back_home}</a></p>
        </section>
    }
}

/// Nothing lives at this address.
#[component]
pub fn NotFoundView(
    /// What is missing, in a sentence from the site's [`folio_core::i18n::Strings`], such
    /// as `There is no post called “x”.`
    #[prop(into)]
    reason: String,
) -> impl IntoView {
    let t = strings();
    set_document_title(&titled(t.not_found_title));
    view! {
        <section class="notice not-found" role="alert">
            <p class="status">{t.not_found_status}</p>
            <h1>{t.not_found_heading}</h1>
            <p class="reason">{fill("{0} {1}", &[&reason, t.moved_hint])}</p>
            <p><a href=href(Route::Home)>{t.back_home}</a></p>
        </section>
    }
}
