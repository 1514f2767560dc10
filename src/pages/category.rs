//! `/categories/CATEGORY`: the posts in one category.

use folio_core::query;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::term_list::{TermKind, TermPostsPage};
use crate::pages::{with_site, Readiness};

/// Posts in the category in the path.
#[component]
pub fn CategoryPage() -> AnyView {
    let params = use_params_map();
    with_site(Readiness::WithSite, move |manifest| {
        let param = params.read().get("category").unwrap_or_default();
        let listing = query::in_category(&manifest, &param);
        view! { <TermPostsPage kind=TermKind::Category param listing manifest /> }.into_any()
    })
}
