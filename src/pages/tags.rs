//! `/tags`: every tag with its count.

use folio_core::query;
use leptos::prelude::*;

use crate::components::term_list::{TermKind, TermsPage};
use crate::pages::{with_site, Readiness};

/// The tag index.
#[component]
pub fn TagsPage() -> AnyView {
    with_site(Readiness::WithSite, |manifest| {
        view! { <TermsPage kind=TermKind::Tag terms=query::tags(&manifest) manifest /> }.into_any()
    })
}
