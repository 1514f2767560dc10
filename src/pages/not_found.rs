//! Any path the route table does not know.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::components::load_error::NotFoundView;

/// The not-found view for an unknown path.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let location = use_location();
    move || {
        let what = format!("the page {}", location.pathname.get());
        view! { <NotFoundView what /> }
    }
}
