//! One search result: the post as a card, with the matched words highlighted.

use std::sync::Arc;

use folio_core::query::{Hit, Segment};
use folio_core::Route;
use leptos::prelude::*;

use crate::components::post_meta::{PostMeta, TagLinks};
use crate::href;

/// Text with its matching parts in `<mark>`.
fn marked(segments: Vec<Segment>) -> impl IntoView {
    segments
        .into_iter()
        .map(|segment| {
            if segment.is_match {
                view! { <mark>{segment.text}</mark> }.into_any()
            } else {
                segment.text.into_any()
            }
        })
        .collect_view()
}

/// A search result as one `<article>`.
#[component]
pub fn SearchHit(
    /// The matching post and its highlighted text.
    hit: Hit,
) -> impl IntoView {
    let post = hit.post;
    let summary =
        (!hit.summary.is_empty()).then(|| view! { <p class="summary">{marked(hit.summary)}</p> });
    view! {
        <article class="card">
            <h2 class="card-title"><a href=href(Route::Post(&post.slug))>{marked(hit.title)}</a></h2>
            <PostMeta minutes=post.reading_minutes post=Arc::clone(&post) />
            {summary}
            <TagLinks post=Arc::clone(&post) />
        </article>
    }
}
