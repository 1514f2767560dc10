//! One post in a listing: title link, meta line, summary, tags.

use std::sync::Arc;

use folio_core::{Post, Route};
use leptos::prelude::*;

use crate::components::post_meta::{PostMeta, TagLinks};
use crate::href;

/// A post as one `<article>` of a listing.
#[component]
pub fn PostCard(
    /// The post to show.
    post: Arc<Post>,
) -> impl IntoView {
    view! {
        <article class="card">
            <h2 class="card-title"><a href=href(Route::Post(&post.slug))>{post.title.clone()}</a></h2>
            <PostMeta minutes=post.reading_minutes post=Arc::clone(&post) />
            {post.summary.clone().map(|summary| view! { <p class="summary">{summary}</p> })}
            <TagLinks post=Arc::clone(&post) />
        </article>
    }
}
