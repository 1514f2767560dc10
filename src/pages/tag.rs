//! `/tags/TAG`: the posts with one tag.

use folio_core::query;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::term_list::{TermKind, TermPostsPage};
use crate::pages::{with_site, Readiness};

/// Posts tagged with the tag in the path.
#[component]
pub fn TagPage() -> AnyView {
    let params = use_params_map();
    with_site(Readiness::WithSite, move |manifest| {
        let param = params.read().get("tag").unwrap_or_default();
        let listing = query::tagged(&manifest, &param);
        view! { <TermPostsPage kind=TermKind::Tag param listing manifest /> }.into_any()
    })
}
