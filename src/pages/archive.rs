//! `/archive`: every post, grouped by year and month.

use folio_core::query::{self, count_label};
use leptos::prelude::*;

use crate::components::post_card::{CardStyle, PostCard};
use crate::pages::{set_view_title, with_site, Readiness};

/// The archive.
#[component]
pub fn ArchivePage() -> impl IntoView {
    with_site(Readiness::WithSite, |manifest| {
        set_view_title(Some("Archive"), &manifest);
        let years = query::archive_by_year(&manifest)
            .into_iter()
            .map(|year| {
                let months = year
                    .months
                    .into_iter()
                    .map(|month| {
                        let posts = month
                            .posts
                            .into_iter()
                            .map(|post| view! { <PostCard post style=CardStyle::Compact /> })
                            .collect_view();
                        view! {
                            <h3 class="archive-month">{month.name}</h3>
                            <div class="archive-posts">{posts}</div>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="archive-year" aria-label=year.year.to_string()>
                        <h2>{year.year.to_string()} " " <span class="count">{count_label(year.count)}</span></h2>
                        {months}
                    </section>
                }
            })
            .collect_view();
        view! {
            <h1 class="page-heading">"Archive"</h1>
            <p class="count">{count_label(manifest.posts.len())}</p>
            {years}
        }
        .into_any()
    })
}
