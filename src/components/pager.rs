//! Newer / older links under the listing.

use folio_core::query::Listing;
use folio_core::Route;
use leptos::prelude::*;

use crate::href;

/// "← Newer posts · Page 2 of 3 · Older posts →"; nothing when there is one page.
#[component]
pub fn Pager(
    /// This page, from 1.
    page: u32,
    /// How many pages there are.
    n_pages: u32,
    /// The newer page, if any.
    newer: Option<u32>,
    /// The older page, if any.
    older: Option<u32>,
) -> impl IntoView {
    (n_pages > 1).then(|| {
        view! {
            <nav class="pager" aria-label="Pages">
                {newer.map(|n| view! { <a rel="prev" href=href(Route::Page(n))>"← Newer posts"</a> })}
                <span class="page-of">{format!("Page {page} of {n_pages}")}</span>
                {older.map(|n| view! { <a rel="next" href=href(Route::Page(n))>"Older posts →"</a> })}
            </nav>
        }
    })
}

/// The pager for a listing.
pub fn pager_for(listing: &Listing) -> impl IntoView {
    view! { <Pager page=listing.page n_pages=listing.n_pages newer=listing.newer() older=listing.older() /> }
}
