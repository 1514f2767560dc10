//! `/tags/TAG` and `/tags/TAG/page/N`: the posts with one tag.

use folio_core::html::TermKind;
use leptos::prelude::*;

use crate::pages::{term_view, with_site, Readiness};

/// One page of the posts with the tag in the path.
#[component]
pub fn TagPage(
    /// The tag as the URL spells it.
    term: String,
    /// N of `/page/N`, as the URL spells it.
    page: Option<String>,
) -> AnyView {
    with_site(Readiness::WithSite, move |manifest| {
        term_view(TermKind::Tag, &manifest, &term, page.as_deref())
    })
}
