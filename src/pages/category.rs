//! `/categories/CATEGORY` and `/categories/CATEGORY/page/N`: the posts with one category.

use folio_core::html::TermKind;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::pages::{term_view, with_site, Readiness};

/// One page of the posts with the category in the path.
#[component]
pub fn CategoryPage(
    /// The category as the URL spells it.
    term: String,
    /// N of `/page/N`, as the URL spells it.
    page: Option<String>,
) -> AnyView {
    let query = use_query_map();
    with_site(Readiness::WithSite, move |manifest| {
        let filter = query.read().get(TermKind::Category.filter_param());
        term_view(
            TermKind::Category,
            &manifest,
            &term,
            page.as_deref(),
            filter.as_deref(),
        )
    })
}
