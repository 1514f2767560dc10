//! `/categories`: every category with its count.

use folio_core::html::TermKind;
use leptos::prelude::*;

use crate::pages::{terms_view, with_site, Readiness};

/// The category index.
#[component]
pub fn CategoriesPage() -> AnyView {
    with_site(Readiness::WithSite, |manifest| {
        terms_view(TermKind::Category, &manifest)
    })
}
