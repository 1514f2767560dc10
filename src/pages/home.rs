//! `/` and `/page/N`: the newest posts, a page at a time.

use folio_core::query;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::load_error::NotFoundView;
use crate::components::pager::pager_for;
use crate::components::post_list::PostList;
use crate::components::skipped_notice::skipped_notice_for;
use crate::pages::{set_view_title, with_site, Readiness};

/// The listing; page N comes from the path, page 1 is `/`.
#[component]
pub fn HomePage() -> AnyView {
    let params = use_params_map();
    with_site(Readiness::WithSite, move |manifest| {
        let param = params.read().get("n");
        let number = match &param {
            None => Some(1),
            Some(text) => query::parse_page_number(text),
        };
        let Some(listing) = number.and_then(|number| query::page(&manifest, number)) else {
            let what = format!("page {} of the posts", param.unwrap_or_default());
            return view! { <NotFoundView what /> }.into_any();
        };
        let heading = if listing.page == 1 {
            set_view_title(None, &manifest);
            "Latest posts".to_string()
        } else {
            let heading = format!("Posts, page {} of {}", listing.page, listing.n_pages);
            set_view_title(Some(&heading), &manifest);
            heading
        };
        let pager = pager_for(&listing);
        view! {
            {skipped_notice_for(&manifest)}
            <h1 class="page-heading">{heading}</h1>
            <PostList posts=listing.posts />
            {pager}
        }
        .into_any()
    })
}
