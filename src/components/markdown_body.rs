//! The only component that sets `inner_html`, and only from `SafeHtml`.

use folio_core::SafeHtml;
use leptos::prelude::*;

/// A post's rendered Markdown.
#[component]
pub fn MarkdownBody(
    /// The rendered post.
    html: SafeHtml,
) -> impl IntoView {
    view! { <div class="prose" inner_html=html.as_str().to_string()></div> }
}
