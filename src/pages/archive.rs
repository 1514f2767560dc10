//! `/archive`: every post by year and month.

use folio_core::query;
use leptos::prelude::*;

use crate::components::markdown_body::HtmlBlock;
use crate::markup;
use crate::pages::{set_view_title, with_site, Readiness};

/// The archive.
#[component]
pub fn ArchivePage() -> AnyView {
    with_site(Readiness::WithSite, |manifest| {
        set_view_title(Some(crate::strings().archive), &manifest);
        let html = markup().archive(&query::archive_by_year(&manifest));
        view! { <HtmlBlock class="view" html /> }.into_any()
    })
}
