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
    /// Which post this is, so a stale body is never shown under a new title.
    slug: String,
    html: SafeHtml,
    minutes: u32,
}

/// The post named by the path.
#[component]
pub fn PostPage() -> AnyView {
    let params = use_params_map();
    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());
    let site = use_site();
    let body = LocalResource::new(move || {
        let slug = slug.get();
        async move {
            let manifest = site.await?;
            let Some(post) = manifest.post(&slug).cloned() else {
                return Ok::<_, LoadError>(None);
            };
            let text = fetch_text(&post.file, Expected::Markdown).await?;
            let rendered =
                renderer::render(&text, &RenderOptions::for_post(&manifest, &post, &text)).await?;
            Ok(Some(RenderedPost {
                slug,
                html: rendered.html,
                minutes: rendered.minutes,
            }))
        }
    });
    // The body of the current post: None while it loads.
    let current = move || {
        let wanted = slug.get();
        match body.get()? {
            Ok(Some(rendered)) if rendered.slug == wanted => Some(Ok(rendered)),
            Ok(_) => None,
            Err(error) => Some(Err(error)),
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
