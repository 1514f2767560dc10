//! `/categories`: every category with its count.

use folio_core::query;
use leptos::prelude::*;

use crate::components::term_list::{TermKind, TermsPage};
use crate::pages::{with_site, Readiness};

/// The category index.
#[component]
pub fn CategoriesPage() -> AnyView {
    with_site(Readiness::WithSite, |manifest| {
        view! { <TermsPage kind=TermKind::Category terms=query::categories(&manifest) manifest /> }
            .into_any()
    })
}
