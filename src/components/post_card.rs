//! One post in a listing: title link, meta line, summary, tags.

use std::sync::Arc;

use folio_core::{Post, Route};
use leptos::prelude::*;

use crate::components::post_meta::{PostMeta, TagLinks};
use crate::href;

/// How much of a post a card shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CardStyle {
    /// Title, meta line, summary, tags: listings.
    #[default]
    Full,
    /// Title, meta line, tags: the archive.
    Compact,
}

/// A post as one `<article>` of a listing.
#[component]
pub fn PostCard(
    /// The post to show.
    post: Arc<Post>,
    /// How much to show.
    #[prop(optional)]
    style: CardStyle,
) -> impl IntoView {
    let summary = match style {
        CardStyle::Full => post
            .summary
            .clone()
            .map(|summary| view! { <p class="summary">{summary}</p> }),
        CardStyle::Compact => None,
    };
    let class = match style {
        CardStyle::Full => "card",
        CardStyle::Compact => "card compact",
    };
    // In the archive, cards sit under year (h2) and month (h3) headings.
    let link = view! { <a href=href(Route::Post(&post.slug))>{post.title.clone()}</a> };
    let title = match style {
        CardStyle::Full => view! { <h2 class="card-title">{link}</h2> }.into_any(),
        CardStyle::Compact => view! { <h4 class="card-title">{link}</h4> }.into_any(),
    };
    view! {
        <article class=class>
            {title}
            <PostMeta minutes=post.reading_minutes post=Arc::clone(&post) />
            {summary}
            <TagLinks post=Arc::clone(&post) />
        </article>
    }
}
