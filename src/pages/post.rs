//! `/posts/SLUG`: one post. The header comes from the manifest at once; the body is the
//! post's Markdown, fetched and rendered in the browser.

use std::sync::Arc;

use folio_core::i18n::fill;
use folio_core::markdown::RenderOptions;
use folio_core::query::{self, RELATED_POSTS};
use folio_core::slug::percent_decode;
use folio_core::{Manifest, Post, Route, SafeHtml};
use leptos::prelude::*;

use crate::api::{after_next_paint, fetch_text, yield_to_browser, Expected, LoadError};
use crate::components::layout::Loading;
use crate::components::load_error::NotFoundView;
use crate::components::markdown_body::{
    HtmlBlock, LateHtmlBlock, MarkdownBody, PostHeader, PrerenderedBody,
};
use crate::integrations;
use crate::pages::{set_view_title, site_view, Readiness};
use crate::{href, mark_ready, markup, renderer, strings, use_site};

/// A post's Markdown, rendered.
#[derive(Debug, Clone, PartialEq)]
struct RenderedPost {
    body: Body,
    /// Reading time computed from the Markdown.
    minutes: u32,
}

/// Where a post's rendered body comes from.
#[derive(Debug, Clone, PartialEq)]
enum Body {
    /// Rendered by the worker. Shared: every read of the resource clones the value, and a
    /// post can be megabytes.
    Html(Arc<SafeHtml>),
    /// The body that `folio build` prerendered into this page (its `.prose` element): the
    /// same renderer's output, so the first post a reader opens needs neither its Markdown
    /// nor the render worker.
    Prerendered(web_sys::Element),
}

/// The post named by the path.
#[component]
pub fn PostPage(
    /// The slug as the URL spells it.
    slug: String,
) -> AnyView {
    let slug = Memo::new(move |_| percent_decode(&slug));
    let site = use_site();
    // The request for the post being fetched: aborted when the reader moves to another
    // post or leaves the page, so a slow file never competes with the next one.
    let in_flight = StoredValue::new_local(None::<web_sys::AbortController>);
    on_cleanup(move || abort(in_flight));
    // The body prerendered into this page, taken once (when this is the post it shows).
    let prerendered = StoredValue::new_local(None::<RenderedPost>);
    // The post's entry: it may arrive with a later chunk of a large site. The body loads
    // again only when the entry changes, not whenever the site does.
    let entry = Memo::new(move |_| {
        let manifest = site.get()?.ok()?;
        manifest.post(&slug.get()).cloned()
    });
    // The body, with the slug it is for, once a request has its outcome. A signal set by a
    // task per request rather than a resource: the app then has no async derived values,
    // whose machinery (std's channels and thread handles among it) was 8.8 KB of its
    // gzipped download. `runs` numbers the requests: only the latest one's outcome shows
    // (an earlier one was aborted, and its error must not replace the body).
    let body = RwSignal::new_local(None::<(String, Result<Option<RenderedPost>, Arc<LoadError>>)>);
    let runs = StoredValue::new(0u64);
    Effect::new(move |_| {
        let slug = slug.get();
        let post = entry.get();
        // When a large site's last chunk is in, the body renders once more, so its links
        // to older posts (unknown before) lead to them.
        site.0.track();
        abort(in_flight);
        let controller = web_sys::AbortController::new().ok();
        let signal = controller.as_ref().map(web_sys::AbortController::signal);
        in_flight.set_value(controller);
        let kept = post
            .as_ref()
            .and_then(|post| kept_prerendered(prerendered, &slug, &post.file));
        runs.update_value(|n| *n += 1);
        let run = runs.get_value();
        leptos::task::spawn_local(async move {
            // The slug travels with the outcome, errors included, so a late answer for an
            // earlier post is never shown under the current one.
            let outcome = match (post, site.get_untracked(), kept) {
                (_, _, Some(kept)) => Ok(Some(kept)),
                (Some(post), Some(Ok(manifest)), None) => load_body(&manifest, &post, signal).await,
                _ => Ok(None),
            };
            if runs.try_get_value() == Some(run) {
                body.set(Some((slug, outcome.map_err(Arc::new))));
            }
        });
    });
    // The body of the current post: None while it loads.
    let current = move || {
        let wanted = slug.get();
        match body.get()? {
            (for_slug, _) if for_slug != wanted => None,
            (_, Ok(Some(rendered))) => Some(Ok(rendered)),
            (_, Ok(None)) => None,
            (_, Err(error)) => Some(Err(error)),
        }
    };
    // Once the post shows, the site it showed from stays (read untracked from then on): a
    // large site's later chunks do not rebuild the page, its comments, diagrams and the
    // reader's place.
    let shown = StoredValue::new(None::<Arc<Manifest>>);
    let source = move || {
        if let Some(kept) = shown.get_value() {
            return Some(Ok(kept));
        }
        let now = site.get();
        if let Some(Ok(manifest)) = &now {
            if manifest.post(&slug.get_untracked()).is_some() {
                shown.set_value(Some(Arc::clone(manifest)));
            }
        }
        now
    };
    site_view(
        Readiness::Deferred,
        false,
        Box::new(source),
        move |manifest| {
            let wanted = slug.get();
            let Some(post) = manifest.post(&wanted).cloned() else {
                // An older post of a large site arrives with its chunk.
                if !manifest.is_complete() {
                    return view! { <Loading /> }.into_any();
                }
                mark_ready();
                let reason = fill(strings().no_post, &[&wanted]);
                return view! { <NotFoundView reason /> }.into_any();
            };
            set_view_title(Some(&post.title), &manifest);
            let header_post = Arc::clone(&post);
            let site_author = manifest.site.author.clone();
            // The reading time comes from the manifest, or from the Markdown once it renders.
            let header = move || {
                let minutes = match current() {
                    Some(Ok(rendered)) => Some(rendered.minutes),
                    _ => None,
                };
                let minutes = header_post.reading_minutes.or(minutes);
                let html = markup().post_header(&header_post, minutes, site_author.as_deref());
                view! { <PostHeader html /> }
            };
            // Newer, older and related posts and the comments show with the post's text (or
            // why it could not load), not under the title while it loads: built then, not in
            // the click. A body rendered again (a large site's last chunk) gives the same
            // markup, which leaves the footer and its comments as they are.
            let footer_post = Arc::clone(&post);
            let footer_site = Arc::clone(&manifest);
            let footer = move || {
                // The post's text, or why it could not load.
                let _outcome = current()?;
                if let Some(comments) = &footer_site.site.comments {
                    integrations::show_comments(comments, footer_site.site.language.as_deref());
                }
                Some(post_footer(&footer_site, &footer_post))
            };
            let file = post.file.clone();
            let content = move || {
                let view = match current() {
                    None => return view! { <Loading /> }.into_any(),
                    Some(Ok(RenderedPost {
                        body: Body::Html(html),
                        ..
                    })) => view! { <MarkdownBody html /> }.into_any(),
                    Some(Ok(RenderedPost {
                        body: Body::Prerendered(prose),
                        ..
                    })) => view! { <PrerenderedBody prose /> }.into_any(),
                    Some(Err(error)) => post_body_error(&file, &error).into_any(),
                };
                mark_ready();
                view
            };
            view! {
                <article class="post">
                    {header}
                    {content}
                </article>
                <LateHtmlBlock class="post-footer" html=footer />
            }
            .into_any()
        },
    )
}

/// The links under a post: the address to share, newer and older posts, related posts.
fn post_footer(manifest: &Manifest, post: &Post) -> SafeHtml {
    let around = query::neighbours(manifest, post.slug.as_str());
    let related = query::related(manifest, post, RELATED_POSTS);
    // The address to share: the canonical one when the site names its URL (as the
    // prerendered page does), else where the reader is.
    let page_url = match &manifest.site.base_url {
        Some(base) => Some(format!(
            "{}{}",
            base.trim_end_matches('/'),
            Route::Post(&post.slug).href()
        )),
        None => web_sys::window()
            .and_then(|window| window.location().origin().ok())
            .map(|origin| format!("{origin}{}", href(Route::Post(&post.slug)))),
    };
    markup().post_footer(post, &around, &related, &manifest.site, page_url.as_deref())
}

/// Fetches and renders `post` of `manifest`.
async fn load_body(
    manifest: &Manifest,
    post: &Post,
    signal: Option<web_sys::AbortSignal>,
) -> Result<Option<RenderedPost>, LoadError> {
    // The title and header paint first, and the frame after them too: starting a request
    // takes the main thread a few milliseconds, which right after the first paint held
    // back the next frame (docs/perf.md, twelfth session). The body, which needs the
    // network and the render worker, comes no later for it.
    after_next_paint().await;
    after_next_paint().await;
    let text = fetch_text(&post.file, Expected::Markdown, signal.as_ref()).await?;
    let rendered = renderer::render(&text, &RenderOptions::for_post(manifest, post, &text)).await?;
    Ok(Some(RenderedPost {
        body: Body::Html(Arc::new(rendered.html)),
        minutes: rendered.minutes,
    }))
}

/// The body of post `slug` as `folio build` prerendered it into this page, if it did:
/// taken from the page once and kept in `prerendered` (a page shows one post, so the
/// kept body is this post's), so later renders of it (a large site's chunks arriving)
/// show it again instead of rendering the Markdown. The page's own element is kept: the
/// takeover detaches it, and each render shows copies of its nodes.
/// Its Markdown (`file`) is still fetched, once, in the background, when the service
/// worker controls the page (on a first visit, once it has installed): the worker keeps it
/// for offline reading, as it keeps every post a reader opens.
fn kept_prerendered(
    prerendered: StoredValue<Option<RenderedPost>, LocalStorage>,
    slug: &str,
    file: &str,
) -> Option<RenderedPost> {
    if let Some(kept) = prerendered.get_value() {
        return Some(kept);
    }
    let prose = web_sys::window()?
        .document()?
        .query_selector("#prerendered article.post .prose[data-post]")
        .ok()??;
    if prose.get_attribute("data-post").as_deref() != Some(slug) {
        return None;
    }
    let minutes = prose.get_attribute("data-minutes")?.parse().ok()?;
    let rendered = RenderedPost {
        body: Body::Prerendered(prose),
        minutes,
    };
    prerendered.set_value(Some(rendered.clone()));
    let file = file.to_string();
    leptos::task::spawn_local(async move {
        // Not in the task that builds the view (a returning reader's worker controls the
        // page at once).
        yield_to_browser().await;
        if crate::service_worker_controls().await {
            let _ = fetch_text(&file, Expected::Markdown, None).await;
        }
    });
    Some(rendered)
}

/// Aborts the request in flight, if any.
fn abort(in_flight: StoredValue<Option<web_sys::AbortController>, LocalStorage>) {
    in_flight.update_value(|controller| {
        if let Some(controller) = controller.take() {
            controller.abort();
        }
    });
}

/// The post's text could not be loaded: say which file and why, and offer a way home.
fn post_body_error(file: &str, error: &LoadError) -> impl IntoView {
    let html = markup().post_body_error(file, &error.to_string());
    view! { <HtmlBlock class="post-error" html /> }
}
