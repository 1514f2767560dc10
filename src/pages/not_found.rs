//! Any path the route table does not know.

use leptos::prelude::*;

use folio_core::i18n::fill;

use crate::components::load_error::NotFoundView;
use crate::pages::{with_site, Readiness};
use crate::strings;

/// The not-found view for an unknown path. It waits for the site like every other view,
/// so its document title names the site.
#[component]
pub fn NotFoundPage(
    /// The path, as the browser shows it.
    path: String,
) -> AnyView {
    with_site(Readiness::WithSite, move |_| {
        let reason = fill(strings().no_path, &[&path]);
        view! { <NotFoundView reason /> }.into_any()
    })
}
