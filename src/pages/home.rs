//! `/` and `/page/N`: the newest posts, a page at a time.

use folio_core::i18n::fill;
use std::sync::Arc;

use folio_core::query;
use folio_core::Manifest;
use leptos::prelude::*;

use crate::components::load_error::NotFoundView;
use crate::components::markdown_body::HtmlBlock;
use crate::components::skipped_notice::skipped_notice_for;
use crate::pages::{set_view_title, with_newest_posts, with_site, Readiness};
use crate::{markup, strings};

/// The listing; page N comes from the path, page 1 is `/`.
#[component]
pub fn HomePage(
    /// N of `/page/N`, as the URL spells it.
    page: Option<String>,
) -> AnyView {
    // The first page can show before a large site's older posts have loaded.
    let first_page = page.is_none();
    let render = move |manifest: Arc<Manifest>| {
        let param = page.clone();
        let number = query::page_number(param.as_deref());
        let Some(listing) = number.and_then(|number| query::page(&manifest, number)) else {
            let reason = fill(strings().no_page, &[&param.unwrap_or_default()]);
            return view! { <NotFoundView reason /> }.into_any();
        };
        let markup = markup();
        let title = (listing.page > 1).then(|| markup.home_heading(&listing));
        set_view_title(title.as_deref(), &manifest);
        view! {
            {skipped_notice_for(&manifest)}
            <HtmlBlock class="view" html=markup.home(&listing) />
        }
        .into_any()
    };
    if first_page {
        with_newest_posts(Readiness::WithSite, render)
    } else {
        with_site(Readiness::WithSite, render)
    }
}
