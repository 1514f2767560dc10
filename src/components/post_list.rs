//! A list of post cards.

use std::sync::Arc;

use folio_core::Post;
use leptos::prelude::*;

use crate::components::post_card::PostCard;

/// Cards for `posts`, in the order given; a sentence when there are none.
#[component]
pub fn PostList(
    /// The posts, in display order.
    posts: Vec<Arc<Post>>,
) -> impl IntoView {
    if posts.is_empty() {
        return view! { <p class="empty">"No posts yet."</p> }.into_any();
    }
    let cards = posts
        .into_iter()
        .map(|post| view! { <PostCard post /> })
        .collect_view();
    view! { <div class="post-list">{cards}</div> }.into_any()
}
