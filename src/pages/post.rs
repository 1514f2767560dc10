//! `/posts/SLUG`: one post. The header comes from the manifest at once; the body is the
//! post's Markdown, fetched and rendered in the browser.

use std::sync::Arc;

use folio_core::markdown::RenderOptions;
use folio_core::{Post, Route, SafeHtml};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::{fetch_text, Expected, LoadError};
use crate::components::layout::Loading;
use crate::components::load_error::NotFoundView;
use crate::components::markdown_body::MarkdownBody;
use crate::components::post_meta::{PostMeta, TagLinks};
use crate::pages::{set_view_title, with_site, Readiness};
use crate::{href, mark_ready, renderer, use_site};

/// A post's Markdown, rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
struct RenderedPost {
    html: SafeHtml,
    minutes: u32,
}

/// The post named by the path.
#[component]
pub fn PostPage() -> AnyView {
    let params = use_params_map();
    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());
    let site = use_site();
    // The request for the post being fetched: aborted when the reader moves to another
    // post or leaves the page, so a slow file never competes with the next one.
    let in_flight = StoredValue::new_local(None::<web_sys::AbortController>);
    on_cleanup(move || abort(in_flight));
    let body = LocalResource::new(move || {
        let slug = slug.get();
        abort(in_flight);
        let controller = web_sys::AbortController::new().ok();
        let signal = controller.as_ref().map(web_sys::AbortController::signal);
        in_flight.set_value(controller);
        async move {
            // The slug travels with the outcome, errors included, so a late answer for an
            // earlier post (or its abort) is never shown under the current one.
            let outcome = load_body(site, &slug, signal).await;
            (slug, outcome)
        }
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
    with_site(Readiness::Deferred, move |manifest| {
        let wanted = slug.get();
        let Some(post) = manifest.post(&wanted).cloned() else {
            mark_ready();
            return view! { <NotFoundView what=format!("a post called “{wanted}”") /> }.into_any();
        };
        set_view_title(Some(&post.title), &manifest);
        let meta_post = Arc::clone(&post);
        let meta = move || {
            let minutes = match current() {
                Some(Ok(rendered)) => Some(rendered.minutes),
                _ => None,
            };
            let post = Arc::clone(&meta_post);
            view! { <PostMeta minutes=post.reading_minutes.or(minutes) post /> }
        };
        let file = post.file.clone();
        let content = move || {
            let view = match current() {
                None => return view! { <Loading /> }.into_any(),
                Some(Ok(rendered)) => view! { <MarkdownBody html=rendered.html /> }.into_any(),
                Some(Err(error)) => post_body_error(&file, &error).into_any(),
            };
            mark_ready();
            view
        };
        view! {
            <article class="post">
                <header class="post-header">
                    <p class="back"><a href=href(Route::Home)>"← all posts"</a></p>
                    <h1>{post.title.clone()}</h1>
                    {meta}
                    {author_line(&post, &manifest.site.author)}
                    <TagLinks post=Arc::clone(&post) />
                </header>
                {content}
            </article>
        }
        .into_any()
    })
}

/// Fetches and renders the post `slug`; `None` when the site has no such post.
async fn load_body(
    site: crate::SiteResource,
    slug: &str,
    signal: Option<web_sys::AbortSignal>,
) -> Result<Option<RenderedPost>, LoadError> {
    let manifest = site.await?;
    let Some(post) = manifest.post(slug).cloned() else {
        return Ok(None);
    };
    let text = fetch_text(&post.file, Expected::Markdown, signal.as_ref()).await?;
    let rendered =
        renderer::render(&text, &RenderOptions::for_post(&manifest, &post, &text)).await?;
    Ok(Some(RenderedPost {
        html: rendered.html,
        minutes: rendered.minutes,
    }))
}

/// Aborts the request in flight, if any.
fn abort(in_flight: StoredValue<Option<web_sys::AbortController>, LocalStorage>) {
    in_flight.update_value(|controller| {
        if let Some(controller) = controller.take() {
            controller.abort();
        }
    });
}

/// "By NAME" when the post names an author other than the site's.
fn author_line(post: &Post, site_author: &Option<String>) -> Option<impl IntoView> {
    let author = post
        .author
        .as_ref()
        .filter(|author| Some(*author) != site_author.as_ref())?;
    Some(view! { <p class="byline">"By " {author.clone()}</p> })
}

/// The post's text could not be loaded: say which file and why, and offer a way home.
fn post_body_error(file: &str, error: &LoadError) -> impl IntoView {
    view! {
        <div class="notice error" role="alert">
            <p><strong>"The text of this post could not be loaded."</strong></p>
            <p class="reason">{error.to_string()}</p>
            <p class="hint">{format!("The manifest says it is in {file}.")}</p>
            <p><a href=href(Route::Home)>"← Back to the home page"</a></p>
        </div>
    }
}
