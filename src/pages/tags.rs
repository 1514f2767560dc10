//! `/tags`: every tag with its count.

use folio_core::html::TermKind;
use leptos::prelude::*;

use crate::pages::{terms_view, with_site, Readiness};

/// The tag index.
#[component]
pub fn TagsPage() -> AnyView {
    with_site(Readiness::WithSite, |manifest| {
        terms_view(TermKind::Tag, &manifest)
    })
}
