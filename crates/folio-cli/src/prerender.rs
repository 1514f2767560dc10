//! Prerendered pages: for every route, the app's `index.html` with the view's title and
//! meta tags, and the same visible markup the app renders (see `src/components/`), so
//! crawlers and the first paint need no WebAssembly. The app keeps this markup until its
//! own view is ready, then swaps it for its own (`#prerendered`, see `src/lib.rs`).

use std::fmt::Write as _;
use std::sync::Arc;

use folio_core::markdown::RenderOptions;
use folio_core::query::{self, document_title, Listing, TermCount, TermListing};
use folio_core::{Manifest, Post, Route, SafeHtml};

use folio_core::html::{escape, Facets, Markup, TermKind, Theme};
use folio_core::i18n::Strings;

use crate::feeds::absolute;

use folio_core::query::{RelatedIndex, RELATED_POSTS};

/// One page to write: its site-relative file and its HTML.
pub struct Page {
    /// Where it goes, such as `posts/hello.html`.
    pub file: String,
    /// The whole document.
    pub html: String,
}

/// What every page needs.
pub struct Context<'a> {
    /// The site.
    pub manifest: &'a Manifest,
    /// The app's `index.html`, already rewritten for the base path.
    pub shell: &'a str,
    /// The base path, `/` or `/blog/`.
    pub base_path: &'a str,
    /// The absolute base URL, when known (canonical and Open Graph URLs need it).
    pub base_url: Option<&'a str>,
}

/// Head tags of one page.
struct Head {
    view_title: Option<String>,
    description: Option<String>,
    route_href: String,
    is_article: bool,
    image: Option<String>,
    json_ld: Option<String>,
}

impl Head {
    /// The head of a listing view (no article, image or structured data).
    fn listing(view_title: Option<String>, route_href: &str) -> Head {
        Head {
            view_title,
            description: None,
            route_href: route_href.to_string(),
            is_article: false,
            image: None,
            json_ld: None,
        }
    }
}

impl Context<'_> {
    fn markup(&self) -> Markup {
        Markup::new(self.base_path).in_lang(self.manifest.site.lang())
    }

    fn strings(&self) -> &'static Strings {
        self.manifest.site.lang().strings()
    }

    fn page(&self, route_href: &str, head: Head, main: &str) -> Page {
        let manifest = self.manifest;
        let title = document_title(head.view_title.as_deref(), &manifest.site.title);
        let description = head
            .description
            .or_else(|| manifest.site.description.clone());
        let mut tags = format!("<title>{}</title>", escape(&title));
        if let Some(description) = &description {
            let _ = write!(
                tags,
                "\n    <meta name=\"description\" content=\"{}\" />",
                escape(description)
            );
        }
        let _ = write!(
            tags,
            "\n    <meta property=\"og:title\" content=\"{}\" />",
            escape(head.view_title.as_deref().unwrap_or(&manifest.site.title))
        );
        let _ = write!(
            tags,
            "\n    <meta property=\"og:site_name\" content=\"{}\" />",
            escape(&manifest.site.title)
        );
        let _ = write!(
            tags,
            "\n    <meta property=\"og:type\" content=\"{}\" />",
            if head.is_article {
                "article"
            } else {
                "website"
            }
        );
        if let Some(description) = &description {
            let _ = write!(
                tags,
                "\n    <meta property=\"og:description\" content=\"{}\" />",
                escape(description)
            );
        }
        if let Some(base_url) = self.base_url {
            let url = absolute(base_url, &head.route_href);
            let _ = write!(
                tags,
                "\n    <link rel=\"canonical\" href=\"{}\" />",
                escape(&url)
            );
            let _ = write!(
                tags,
                "\n    <meta property=\"og:url\" content=\"{}\" />",
                escape(&url)
            );
            let _ = write!(tags, "\n    <link rel=\"alternate\" type=\"application/atom+xml\" title=\"{}\" href=\"{}\" />", escape(&manifest.site.title), escape(&absolute(base_url, "/feed.xml")));
            if let Some(image) = &head.image {
                let image = if image.contains("://") {
                    image.clone()
                } else {
                    absolute(base_url, image)
                };
                let _ = write!(
                    tags,
                    "\n    <meta property=\"og:image\" content=\"{}\" />",
                    escape(&image)
                );
            }
        }
        let card = if head.image.is_some() {
            "summary_large_image"
        } else {
            "summary"
        };
        let _ = write!(
            tags,
            "\n    <meta name=\"twitter:card\" content=\"{card}\" />"
        );
        let _ = write!(
            tags,
            "\n    <meta name=\"twitter:title\" content=\"{}\" />",
            escape(head.view_title.as_deref().unwrap_or(&manifest.site.title))
        );
        if let Some(json_ld) = &head.json_ld {
            // `<` escaped so no text in the data can close the script element.
            let _ = write!(
                tags,
                "\n    <script type=\"application/ld+json\">{}</script>",
                json_ld.replace('<', "\\u003c")
            );
        }
        let body = format!(
            "<body>\n    <div id=\"prerendered\">{}</div>",
            self.layout(route_href, main)
        );
        let html = self
            .shell
            .replacen("<title>Folio</title>", &tags, 1)
            .replacen("<body>", &body, 1);
        let file = match route_href {
            "/" => "index.html".to_string(),
            href => format!("{}.html", href.trim_start_matches('/')),
        };
        Page { file, html }
    }

    /// The frame of `components/layout.rs`: the same header and footer markup, in the same
    /// `.frame` wrappers, around the view.
    fn layout(&self, route_href: &str, main: &str) -> String {
        let site = &self.manifest.site;
        let markup = self.markup();
        format!(
            "<div class=\"frame\">{}</div><main id=\"main\" tabindex=\"-1\" class=\"wrap\">{main}</main><div class=\"frame\">{}</div>",
            markup.header(Some(site), route_href, Theme::System).as_str(),
            markup.footer(Some(site)).as_str()
        )
    }

    fn listing_page(&self, listing: &Listing) -> Page {
        let route_href = Route::Page(listing.page).href();
        let markup = self.markup();
        let view_title = (listing.page > 1).then(|| markup.home_heading(listing));
        let main = view(&markup.home(listing));
        self.page(&route_href, Head::listing(view_title, &route_href), &main)
    }

    /// The page of `post`, at `index` in the manifest, with its `related` posts.
    fn post_page(&self, index: usize, post: &Post, related: &[Arc<Post>], markdown: &str) -> Page {
        let html = folio_core::render(
            markdown,
            &RenderOptions::for_post(self.manifest, post, markdown),
        );
        let minutes = post
            .reading_minutes
            .unwrap_or_else(|| folio_core::reading_time::minutes(markdown));
        let site_author = self.manifest.site.author.as_ref();
        let markup = self.markup();
        let around = query::neighbours_at(self.manifest, index);
        // Math and diagrams are drawn before the app arrives too.
        let rich_content = if html.has_math_or_diagrams() {
            format!(
                "<script src=\"{}\" defer></script>",
                folio_core::markdown::RICH_CONTENT_SCRIPT
            )
        } else {
            String::new()
        };
        let main = format!(
            "<article class=\"post\"><header class=\"post-header\">{}</header><div class=\"prose\" data-post=\"{}\" data-minutes=\"{minutes}\">{}</div></article><div class=\"post-footer\">{}</div>{rich_content}",
            markup.post_header(post, Some(minutes), site_author.map(String::as_str)).as_str(),
            escape(post.slug.as_str()),
            html.as_str(),
            markup
                .post_footer(
                    post,
                    &around,
                    related,
                    &self.manifest.site,
                    self.base_url
                        .map(|base_url| absolute(base_url, &Route::Post(&post.slug).href()))
                        .as_deref(),
                )
                .as_str()
        );
        let route_href = Route::Post(&post.slug).href();
        let mut json_ld = serde_json::json!({
            "@context": "https://schema.org",
            "@type": "BlogPosting",
            "headline": post.title,
            "datePublished": post.date.rfc3339(),
            "dateModified": post.updated.as_ref().unwrap_or(&post.date).rfc3339(),
        });
        if let Some(author) = post.author.as_ref().or(site_author) {
            json_ld["author"] = serde_json::json!({ "@type": "Person", "name": author });
        }
        if let Some(summary) = &post.summary {
            json_ld["description"] = summary.clone().into();
        }
        if let Some(base_url) = self.base_url {
            json_ld["url"] = absolute(base_url, &route_href).into();
        }
        let head = Head {
            view_title: Some(post.title.clone()),
            description: post.summary.clone(),
            route_href: route_href.clone(),
            is_article: true,
            image: post.cover.clone(),
            json_ld: Some(json_ld.to_string()),
        };
        self.page(&route_href, head, &main)
    }

    fn terms_page(&self, kind: TermKind, terms: &[TermCount]) -> Page {
        let route_href = match kind {
            TermKind::Tag => Route::Tags.href(),
            TermKind::Category => Route::Categories.href(),
        };
        let main = view(&self.markup().terms(kind, terms));
        let head = Head::listing(Some(kind.plural(self.strings()).into()), &route_href);
        self.page(&route_href, head, &main)
    }

    fn archive_page(&self) -> Page {
        let route_href = Route::Archive.href();
        let main = view(
            &self
                .markup()
                .archive(&query::archive_by_year(self.manifest)),
        );
        self.page(
            &route_href,
            Head::listing(Some(self.strings().archive.into()), &route_href),
            &main,
        )
    }

    /// Every page of one term's posts.
    fn term_pages(&self, kind: TermKind, listing: &TermListing) -> Vec<Page> {
        let size = self.manifest.site.page_size;
        let n_pages = listing.page(1, size).map_or(1, |page| page.n_pages);
        let t = self.strings();
        let heading = kind.heading(t, &listing.term.name);
        let paged = kind.paged(&listing.term.slug, None);
        let others = kind.narrowing_terms(listing);
        (1..=n_pages)
            .filter_map(|number| listing.page(number, size))
            .map(|page| {
                let facets = Facets {
                    terms: &others,
                    total: listing.posts.len(),
                    active: None,
                };
                let main = view(&self.markup().term(kind, listing, &page, &facets));
                let route_href = paged.href(page.page);
                let title = t.paged(&heading, page.page, page.n_pages);
                let head = Head::listing(Some(title), &route_href);
                self.page(&route_href, head, &main)
            })
            .collect()
    }
}

/// The app's `index.html` as the shell of a prerendered page, which paints from its HTML
/// and CSS alone: the app must not hold that first paint back.
/// - Trunk's `<link rel="preload">` of the WebAssembly and `<link rel="modulepreload">` of
///   its JavaScript go: on a slow link they share the bandwidth with the stylesheet.
/// - Trunk's loader imports the app only once the page has loaded and painted (a task
///   after the frame that follows the `load` event), so neither evaluating its JavaScript
///   nor starting it runs before the first paint, and its download does not compete with
///   the page's own images.
///
/// - The stylesheet is inline (`<style>`, the text of the file `css_of` reads by its name):
///   the page paints from its HTML response alone, without waiting a round trip for the
///   stylesheet (150 ms on a slow mobile link). Later pages are the app's views, so only
///   the page a reader lands on carries it. A stylesheet that could not stand inline (a
///   `url()` would resolve against the page instead of the file) stays a link.
///
/// The shell that `404.html` serves for deep links keeps Trunk's loader: there the app is
/// the first paint. A loader this does not recognise stays as it is. The inline script
/// and style change, so the caller writes the CSP anew.
pub fn paint_first_shell(shell: &str, css_of: &dyn Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(shell.len());
    let mut rest = shell;
    while let Some(start) = rest.find("<link rel=\"") {
        let Some(length) = rest[start..].find('>') else {
            break;
        };
        let tag = &rest[start..=start + length];
        out.push_str(&rest[..start]);
        let app_preload = tag.starts_with("<link rel=\"modulepreload\"")
            || (tag.starts_with("<link rel=\"preload\"")
                && tag.contains("type=\"application/wasm\""));
        if tag.starts_with("<link rel=\"stylesheet\"") {
            match inline_css(tag, css_of) {
                Some(css) => {
                    out.push_str("<style>");
                    out.push_str(&css);
                    out.push_str("</style>");
                }
                None => out.push_str(tag),
            }
        } else if !app_preload {
            out.push_str(tag);
        }
        rest = &rest[start + length + 1..];
    }
    out.push_str(rest);
    after_first_paint(&out)
}

/// The text of the stylesheet a `<link rel="stylesheet" href="…">` names, when it can
/// stand inline: no `url()` (it would resolve against the page) and no `</style`. Without
/// its comments and layout whitespace (`folio_core::css::minify`): every page carries it.
fn inline_css(tag: &str, css_of: &dyn Fn(&str) -> Option<String>) -> Option<String> {
    let href = tag.split("href=\"").nth(1)?.split('"').next()?;
    let name = href.rsplit('/').next()?;
    let css = css_of(name)?;
    let lower = css.to_ascii_lowercase();
    (!lower.contains("url(") && !lower.contains("</style")).then(|| folio_core::css::minify(&css))
}

/// Trunk's loader (`import init, * as bindings from 'APP.js';` then its body) as a
/// dynamic import in a task after the frame that follows the `load` event.
fn after_first_paint(shell: &str) -> String {
    const IMPORT: &str = "import init, * as bindings from ";
    let Some(start) = shell.find(IMPORT) else {
        return shell.to_string();
    };
    let Some(line) = shell[start..].find(";\n") else {
        return shell.to_string();
    };
    let module = &shell[start + IMPORT.len()..start + line];
    let Some(body_length) = shell[start..].find("</script>") else {
        return shell.to_string();
    };
    let body = &shell[start + line + 2..start + body_length];
    format!(
        "{}const start = () => requestAnimationFrame(() => setTimeout(async () => {{\nconst bindings = await import({module});\nconst init = bindings.default;\n{body}}}));\nif (document.readyState === 'complete') start(); else addEventListener('load', start, {{ once: true }});\n{}",
        &shell[..start],
        &shell[start + body_length..]
    )
}

/// A view's markup as the app shows it: inside `<div class="view">` (see `src/pages/`).
fn view(inner: &SafeHtml) -> String {
    format!("<div class=\"view\">{}</div>", inner.as_str())
}

/// Every page of the site, each handed to `emit` as it is made (a 10,000-post site's
/// pages are half a gigabyte: they are written as they come, not kept). `markdown_of`
/// reads a post's text. The post pages, most of a build's time, are made on every core
/// (`crate::parallel::try_for_each`); the first error stops them all.
pub fn for_each_page<E: Send>(
    context: &Context<'_>,
    markdown_of: &(dyn Fn(&Post) -> Option<String> + Sync),
    emit: &(dyn Fn(Page) -> Result<(), E> + Sync),
) -> Result<(), E> {
    let manifest = context.manifest;
    let n_pages = query::page(manifest, 1).map_or(1, |listing| listing.n_pages);
    for number in 1..=n_pages {
        if let Some(listing) = query::page(manifest, number) {
            emit(context.listing_page(&listing))?;
        }
    }
    // Related posts for every post at once: one by one is quadratic in the site's size.
    let related = RelatedIndex::new(manifest).all(RELATED_POSTS);
    let posts: Vec<_> = manifest.posts.iter().zip(&related).enumerate().collect();
    crate::parallel::try_for_each(&posts, |(index, (post, related))| match markdown_of(post) {
        Some(markdown) => emit(context.post_page(*index, post, related, &markdown)),
        None => Ok(()),
    })?;
    emit(context.archive_page())?;
    emit(context.terms_page(TermKind::Tag, &query::tags(manifest)))?;
    emit(context.terms_page(TermKind::Category, &query::categories(manifest)))?;
    for entry in query::tags(manifest) {
        if let Some(listing) = query::tagged(manifest, &entry.term.slug) {
            for page in context.term_pages(TermKind::Tag, &listing) {
                emit(page)?;
            }
        }
    }
    for entry in query::categories(manifest) {
        if let Some(listing) = query::in_category(manifest, &entry.term.slug) {
            for page in context.term_pages(TermKind::Category, &listing) {
                emit(page)?;
            }
        }
    }
    Ok(())
}
