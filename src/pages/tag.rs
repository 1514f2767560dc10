//! `/tags/TAG` and `/tags/TAG/page/N`: the posts with one tag.

use folio_core::html::TermKind;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::pages::{term_view, with_site, Readiness};

/// One page of the posts with the tag in the path.
#[component]
pub fn TagPage(
    /// The tag as the URL spells it.
    term: String,
    /// N of `/page/N`, as the URL spells it.
    page: Option<String>,
) -> AnyView {
    let query = use_query_map();
    with_site(Readiness::WithSite, move |manifest| {
        let filter = query.read().get(TermKind::Tag.filter_param());
        term_view(
            TermKind::Tag,
            &manifest,
            &term,
            page.as_deref(),
            filter.as_deref(),
        )
    })
}
