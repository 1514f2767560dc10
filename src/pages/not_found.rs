//! Any path the route table does not know.

use leptos::prelude::*;

use crate::components::load_error::NotFoundView;
use crate::pages::{with_site, Readiness};

/// The not-found view for an unknown path. It waits for the site like every other view,
/// so its document title names the site.
#[component]
pub fn NotFoundPage(
    /// The path, as the browser shows it.
    path: String,
) -> AnyView {
    with_site(Readiness::WithSite, move |_| {
        let what = format!("the page {path}");
        view! { <NotFoundView what /> }.into_any()
    })
}
