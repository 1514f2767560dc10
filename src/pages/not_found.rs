//! Any path the route table does not know.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::components::load_error::NotFoundView;
use crate::pages::{with_site, Readiness};

/// The not-found view for an unknown path. It waits for the site like every other view,
/// so its document title names the site.
#[component]
pub fn NotFoundPage() -> AnyView {
    let location = use_location();
    with_site(Readiness::WithSite, move |_| {
        let what = format!("the page {}", location.pathname.get());
        view! { <NotFoundView what /> }.into_any()
    })
}
