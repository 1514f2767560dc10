//! The "Apr 7, 2025 · Category · 6 min read" line of a card and a post.

use std::sync::Arc;

use folio_core::query::reading_label;
use folio_core::{Post, Route};
use leptos::prelude::*;

use crate::href;

/// Date, category link and reading time (`minutes`: the manifest's value, or on the post
/// page the one computed from the Markdown; hidden when unknown).
#[component]
pub fn PostMeta(
    /// The post.
    post: Arc<Post>,
    /// Reading time to show, if known.
    minutes: Option<u32>,
) -> impl IntoView {
    let category = post.category.clone().map(|category| {
        view! { " · " <a class="category" href=href(Route::Category(&category.slug))>{category.name.clone()}</a> }
    });
    let updated = post
        .updated
        .clone()
        .filter(|updated| *updated > post.date)
        .map(|updated| {
            view! { " · updated " <time datetime=updated.iso()>{updated.human()}</time> }
        });
    let draft = post
        .is_draft
        .then(|| view! { " · " <span class="draft">"Draft"</span> });
    view! {
        <p class="meta">
            <time datetime=post.date.iso()>{post.date.human()}</time>
            {category}
            {minutes.map(|minutes| view! { " · " <span class="reading">{reading_label(minutes)}</span> })}
            {updated}
            {draft}
        </p>
    }
}

/// The post's tags as links.
#[component]
pub fn TagLinks(
    /// The post whose tags to link.
    post: Arc<Post>,
) -> impl IntoView {
    (!post.tags.is_empty()).then(|| {
        let tags = post
            .tags
            .iter()
            .map(|tag| view! { <li><a class="tag" href=href(Route::Tag(&tag.slug))>{tag.name.clone()}</a></li> })
            .collect_view();
        view! { <ul class="tags" aria-label="Tags">{tags}</ul> }
    })
}
