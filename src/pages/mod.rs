//! One file per route. A page reads the URL, calls one `folio_core::query` function and
//! maps the result to components.

pub mod archive;
pub mod categories;
pub mod category;
pub mod home;
pub mod not_found;
pub mod post;
pub mod search;
pub mod tag;
pub mod tags;

use std::sync::Arc;

use folio_core::html::{Facets, TermKind};
use folio_core::i18n::fill;
use folio_core::query::{self, document_title};
use folio_core::slug::{percent_decode, slugify};
use folio_core::Manifest;
use leptos::prelude::*;

use crate::components::layout::Loading;
use crate::components::load_error::{LoadErrorView, NotFoundView};
use crate::components::markdown_body::HtmlBlock;
use crate::{mark_ready, markup, set_document_title, strings, use_site, Loaded};

/// When a view may replace the prerendered page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Readiness {
    /// As soon as the site has loaded (listings: everything they show is in the manifest).
    WithSite,
    /// When the page calls [`crate::mark_ready`] (a post, once its body has rendered).
    Deferred,
}

/// Renders `render(manifest)` once the site has loaded, every post of it (a large site's
/// chunks included), with the loading and error views before that. `render` runs in a
/// reactive closure, so URL params it reads stay tracked.
pub fn with_site<F>(readiness: Readiness, render: F) -> AnyView
where
    F: Fn(Arc<Manifest>) -> AnyView + Send + Sync + 'static,
{
    let site = use_site();
    site_view(readiness, true, Box::new(move || site.get()), render)
}

/// [`with_site`] for views that can show the newest posts before a large site's chunks
/// have loaded (the first page of the listing, a post).
pub fn with_newest_posts<F>(readiness: Readiness, render: F) -> AnyView
where
    F: Fn(Arc<Manifest>) -> AnyView + Send + Sync + 'static,
{
    let site = use_site();
    site_view(readiness, false, Box::new(move || site.get()), render)
}

/// The site as a view reads it (tracked): the shared site, or a page's own settled copy of
/// it. A trait object, so every page shares one copy of the view code.
pub type SiteSource = Box<dyn Fn() -> Option<Loaded> + Send + Sync>;

/// [`with_newest_posts`] from `site`, a page's own view of the site (the post page keeps
/// the manifest it first showed the post from).
pub fn site_view<F>(
    readiness: Readiness,
    needs_every_post: bool,
    site: SiteSource,
    render: F,
) -> AnyView
where
    F: Fn(Arc<Manifest>) -> AnyView + Send + Sync + 'static,
{
    // Erased to AnyView: every page has the same type, which keeps the router's code small.
    let view = move || match site() {
        None => view! { <Loading /> }.into_any(),
        Some(Ok(manifest)) if needs_every_post && !manifest.is_complete() => {
            view! { <Loading /> }.into_any()
        }
        Some(Err(error)) => {
            mark_ready();
            view! { <LoadErrorView error /> }.into_any()
        }
        Some(Ok(manifest)) => {
            let view = render(manifest);
            if readiness == Readiness::WithSite {
                mark_ready();
            }
            view
        }
    };
    view.into_any()
}

/// Sets the document title to "view · site" (just the site title when `view` is `None`).
pub fn set_view_title(view: Option<&str>, manifest: &Manifest) {
    set_document_title(&document_title(view, &manifest.site.title));
}

/// `/tags` and `/categories`: every term with its count.
pub fn terms_view(kind: TermKind, manifest: &Manifest) -> AnyView {
    set_view_title(Some(kind.plural(strings())), manifest);
    let terms = match kind {
        TermKind::Tag => query::tags(manifest),
        TermKind::Category => query::categories(manifest),
    };
    view! { <HtmlBlock class="view" html=markup().terms(kind, &terms) /> }.into_any()
}

/// `/tags/TAG[/page/N][?category=C]` and `/categories/CATEGORY[/page/N][?tag=T]`: one page
/// of a term's posts, narrowed by a term of the other kind when the query names one; not
/// found when no post has the term or the page is past the end.
pub fn term_view(
    kind: TermKind,
    manifest: &Manifest,
    param: &str,
    page: Option<&str>,
    filter: Option<&str>,
) -> AnyView {
    let listing = match kind {
        TermKind::Tag => query::tagged(manifest, param),
        TermKind::Category => query::in_category(manifest, param),
    };
    let t = strings();
    let Some(listing) = listing else {
        let reason = kind.missing(t, &percent_decode(param));
        return view! { <NotFoundView reason /> }.into_any();
    };
    let others = kind.narrowing_terms(&listing);
    let active = filter.map(|filter| slugify(&percent_decode(filter)));
    let narrowed = filter.map(|filter| kind.narrow(&listing, filter));
    let narrowed = narrowed.as_ref().unwrap_or(&listing);
    let number = query::page_number(page);
    let Some(shown) = number.and_then(|n| narrowed.page(n, manifest.site.page_size)) else {
        let reason = fill(t.no_page, &[page.unwrap_or_default()]);
        return view! { <NotFoundView reason /> }.into_any();
    };
    let heading = kind.heading(t, &listing.term.name);
    set_view_title(
        Some(&t.paged(&heading, shown.page, shown.n_pages)),
        manifest,
    );
    let facets = Facets {
        terms: &others,
        total: listing.posts.len(),
        active: active.as_deref(),
    };
    let html = markup().term(kind, narrowed, &shown, &facets);
    view! { <HtmlBlock class="view" html /> }.into_any()
}
