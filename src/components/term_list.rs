//! Tag and category views: every term with its count, and the posts of one term.

use std::sync::Arc;

use folio_core::query::{count_label, TermCount, TermListing};
use folio_core::slug::percent_decode;
use folio_core::{Manifest, Route};
use leptos::prelude::*;

use crate::components::load_error::NotFoundView;
use crate::components::post_list::PostList;
use crate::href;
use crate::pages::set_view_title;

/// Which kind of term a list or page is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermKind {
    /// Tags: `/tags/TAG`.
    Tag,
    /// Categories: `/categories/CATEGORY`.
    Category,
}

impl TermKind {
    /// The route of one term.
    pub fn route(self, slug: &str) -> Route<'_> {
        match self {
            TermKind::Tag => Route::Tag(slug),
            TermKind::Category => Route::Category(slug),
        }
    }
}

/// Links to every term, each with its post count.
#[component]
pub fn TermList(
    /// Tags or categories.
    kind: TermKind,
    /// The terms with counts, in display order.
    terms: Vec<TermCount>,
) -> impl IntoView {
    if terms.is_empty() {
        return view! { <p class="empty">"Nothing here yet."</p> }.into_any();
    }
    let items = terms
        .into_iter()
        .map(|entry| {
            view! {
                <li>
                    <a href=href(kind.route(&entry.term.slug))>{entry.term.name.clone()}</a>
                    " " <span class="count">{count_label(entry.count)}</span>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="term-list">{items}</ul> }.into_any()
}

impl TermKind {
    /// "Tags" / "Categories".
    pub fn plural(self) -> &'static str {
        match self {
            TermKind::Tag => "Tags",
            TermKind::Category => "Categories",
        }
    }

    /// "tag" / "category", in sentences.
    pub fn singular(self) -> &'static str {
        match self {
            TermKind::Tag => "tag",
            TermKind::Category => "category",
        }
    }

    /// The page heading for one term: `#Go`, `Category: DevOps`.
    pub fn heading(self, name: &str) -> String {
        match self {
            TermKind::Tag => format!("Tagged “{name}”"),
            TermKind::Category => format!("Category: {name}"),
        }
    }
}

/// `/tags` and `/categories`: heading and the list of terms.
#[component]
pub fn TermsPage(
    /// Tags or categories.
    kind: TermKind,
    /// The terms with counts.
    terms: Vec<TermCount>,
    /// The site, for the document title.
    manifest: Arc<Manifest>,
) -> impl IntoView {
    set_view_title(Some(kind.plural()), &manifest);
    view! {
        <h1 class="page-heading">{kind.plural()}</h1>
        <TermList kind terms />
    }
}

/// `/tags/TAG` and `/categories/CATEGORY`: "← all posts", the name, the count, the posts.
#[component]
pub fn TermPostsPage(
    /// Tags or categories.
    kind: TermKind,
    /// The term as the URL names it, for the not-found sentence.
    param: String,
    /// The term's posts; `None` when no post has it.
    listing: Option<TermListing>,
    /// The site, for the document title.
    manifest: Arc<Manifest>,
) -> impl IntoView {
    let Some(listing) = listing else {
        let what = format!("the {} “{}”", kind.singular(), percent_decode(&param));
        return view! { <NotFoundView what /> }.into_any();
    };
    let heading = kind.heading(&listing.term.name);
    set_view_title(Some(&heading), &manifest);
    view! {
        <p class="back"><a href=href(Route::Home)>"← all posts"</a></p>
        <h1 class="page-heading">{heading}</h1>
        <p class="count">{count_label(listing.posts.len())}</p>
        <PostList posts=listing.posts />
    }
    .into_any()
}
