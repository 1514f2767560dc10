//! Prerendered pages: for every route, the app's `index.html` with the view's title and
//! meta tags, and the same visible markup the app renders (see `src/components/`), so
//! crawlers and the first paint need no WebAssembly. The app keeps this markup until its
//! own view is ready, then swaps it for its own (`#prerendered`, see `src/lib.rs`).

use std::fmt::Write as _;
use std::sync::Arc;

use folio_core::markdown::RenderOptions;
use folio_core::query::{self, count_label, document_title, reading_label, Listing, TermCount};
use folio_core::route::with_base;
use folio_core::{Manifest, Post, Route};

use crate::feeds::{absolute, xml_escape as escape};

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
    fn href(&self, route: Route<'_>) -> String {
        with_base(self.base_path.trim_end_matches('/'), &route.href())
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
        let html = match &manifest.site.language {
            Some(language) => html.replacen(
                "<html lang=\"en\">",
                &format!("<html lang=\"{}\">", escape(language)),
                1,
            ),
            None => html,
        };
        let file = match route_href {
            "/" => "index.html".to_string(),
            href => format!("{}.html", href.trim_start_matches('/')),
        };
        Page { file, html }
    }

    /// The frame of `components/layout.rs`.
    fn layout(&self, route_href: &str, main: &str) -> String {
        let site = &self.manifest.site;
        let section = folio_core::route::section(route_href);
        let current = |wanted| {
            if section == wanted {
                " aria-current=\"page\""
            } else {
                ""
            }
        };
        use folio_core::route::Section;
        let mut html = String::new();
        let _ = write!(
            html,
            "<a class=\"skip-link\" href=\"{}#main\">Skip to content</a>",
            escape(&self.href_of(route_href))
        );
        let _ = write!(html, "<header class=\"site-header\"><div class=\"wrap header-row\"><a class=\"site-title\" href=\"{}\">{}</a>", escape(&self.href(Route::Home)), escape(&site.title));
        let _ = write!(html, "<nav aria-label=\"Main\"><ul class=\"nav\"><li><a href=\"{}\"{}>Posts</a></li><li><a href=\"{}\"{}>Tags</a></li><li><a href=\"{}\"{}>Categories</a></li></ul></nav></div>",
            escape(&self.href(Route::Home)), current(Section::Posts), escape(&self.href(Route::Tags)), current(Section::Tags), escape(&self.href(Route::Categories)), current(Section::Categories),
        );
        if let Some(description) = &site.description {
            let _ = write!(
                html,
                "<p class=\"wrap tagline\">{}</p>",
                escape(description)
            );
        }
        let _ = write!(
            html,
            "</header><main id=\"main\" tabindex=\"-1\" class=\"wrap\">{main}</main>"
        );
        let _ = write!(html, "<footer class=\"site-footer\"><div class=\"wrap\"><p>{} · Made with <a href=\"https://github.com/\">Folio</a></p></div></footer>", escape(&site.title));
        html
    }

    fn href_of(&self, route_href: &str) -> String {
        with_base(self.base_path.trim_end_matches('/'), route_href)
    }

    /// `components/post_meta.rs`.
    fn meta(&self, post: &Post, minutes: Option<u32>) -> String {
        let mut html = format!(
            "<p class=\"meta\"><time datetime=\"{}\">{}</time>",
            post.date.iso(),
            post.date.human()
        );
        if let Some(category) = &post.category {
            let _ = write!(
                html,
                " · <a class=\"category\" href=\"{}\">{}</a>",
                escape(&self.href(Route::Category(&category.slug))),
                escape(&category.name)
            );
        }
        if let Some(minutes) = minutes {
            let _ = write!(
                html,
                " · <span class=\"reading\">{}</span>",
                reading_label(minutes)
            );
        }
        if let Some(updated) = post
            .updated
            .as_ref()
            .filter(|updated| **updated > post.date)
        {
            let _ = write!(
                html,
                " · updated <time datetime=\"{}\">{}</time>",
                updated.iso(),
                updated.human()
            );
        }
        html.push_str("</p>");
        html
    }

    fn tag_links(&self, post: &Post) -> String {
        if post.tags.is_empty() {
            return String::new();
        }
        let items: String = post
            .tags
            .iter()
            .map(|tag| {
                format!(
                    "<li><a class=\"tag\" href=\"{}\">{}</a></li>",
                    escape(&self.href(Route::Tag(&tag.slug))),
                    escape(&tag.name)
                )
            })
            .collect();
        format!("<ul class=\"tags\" aria-label=\"Tags\">{items}</ul>")
    }

    /// `components/post_list.rs`.
    fn post_list(&self, posts: &[Arc<Post>]) -> String {
        if posts.is_empty() {
            return "<p class=\"empty\">No posts yet.</p>".into();
        }
        let cards: String = posts.iter().map(|post| self.card(post)).collect();
        format!("<div class=\"post-list\">{cards}</div>")
    }

    /// `components/post_card.rs`.
    fn card(&self, post: &Post) -> String {
        let mut html = format!(
            "<article class=\"card\"><h2 class=\"card-title\"><a href=\"{}\">{}</a></h2>{}",
            escape(&self.href(Route::Post(&post.slug))),
            escape(&post.title),
            self.meta(post, post.reading_minutes)
        );
        if let Some(summary) = &post.summary {
            let _ = write!(html, "<p class=\"summary\">{}</p>", escape(summary));
        }
        html.push_str(&self.tag_links(post));
        html.push_str("</article>");
        html
    }

    /// `components/pager.rs`.
    fn pager(&self, listing: &Listing) -> String {
        if listing.n_pages <= 1 {
            return String::new();
        }
        let mut html = String::from("<nav class=\"pager\" aria-label=\"Pages\">");
        if let Some(newer) = listing.newer() {
            let _ = write!(
                html,
                "<a rel=\"prev\" href=\"{}\">← Newer posts</a>",
                escape(&self.href(Route::Page(newer)))
            );
        }
        let _ = write!(
            html,
            "<span class=\"page-of\">Page {} of {}</span>",
            listing.page, listing.n_pages
        );
        if let Some(older) = listing.older() {
            let _ = write!(
                html,
                "<a rel=\"next\" href=\"{}\">Older posts →</a>",
                escape(&self.href(Route::Page(older)))
            );
        }
        html.push_str("</nav>");
        html
    }

    fn listing_page(&self, listing: &Listing) -> Page {
        let heading = if listing.page == 1 {
            "Latest posts".to_string()
        } else {
            format!("Posts, page {} of {}", listing.page, listing.n_pages)
        };
        let main = format!(
            "<h1 class=\"page-heading\">{heading}</h1>{}{}",
            self.post_list(&listing.posts),
            self.pager(listing)
        );
        let route_href = Route::Page(listing.page).href();
        let view_title = (listing.page > 1).then_some(heading);
        self.page(&route_href, Head::listing(view_title, &route_href), &main)
    }

    fn post_page(&self, post: &Post, markdown: &str) -> Page {
        let html = folio_core::render(
            markdown,
            &RenderOptions::for_post(self.manifest, post, markdown),
        );
        let minutes = post
            .reading_minutes
            .unwrap_or_else(|| folio_core::reading_time::minutes(markdown));
        let site_author = self.manifest.site.author.as_ref();
        let author = post
            .author
            .as_ref()
            .filter(|author| Some(*author) != site_author);
        let byline = author
            .map(|author| format!("<p class=\"byline\">By {}</p>", escape(author)))
            .unwrap_or_default();
        let main = format!(
            "<article class=\"post\"><header class=\"post-header\"><p class=\"back\"><a href=\"{}\">← all posts</a></p><h1>{}</h1>{}{byline}{}</header><div class=\"prose\">{}</div></article>",
            escape(&self.href(Route::Home)), escape(&post.title), self.meta(post, Some(minutes)), self.tag_links(post), html.as_str()
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

    fn terms_page(
        &self,
        route: Route<'_>,
        plural: &str,
        terms: &[TermCount],
        term_route: fn(&str) -> Route<'_>,
    ) -> Page {
        let items: String = terms
            .iter()
            .map(|entry| {
                format!(
                    "<li><a href=\"{}\">{}</a> <span class=\"count\">{}</span></li>",
                    escape(&self.href(term_route(&entry.term.slug))),
                    escape(&entry.term.name),
                    count_label(entry.count)
                )
            })
            .collect();
        let list = if terms.is_empty() {
            "<p class=\"empty\">Nothing here yet.</p>".to_string()
        } else {
            format!("<ul class=\"term-list\">{items}</ul>")
        };
        let main = format!("<h1 class=\"page-heading\">{plural}</h1>{list}");
        let route_href = route.href();
        self.page(
            &route_href,
            Head::listing(Some(plural.into()), &route_href),
            &main,
        )
    }

    fn term_page(&self, route_href: &str, heading: &str, posts: &[Arc<Post>]) -> Page {
        let main = format!(
            "<p class=\"back\"><a href=\"{}\">← all posts</a></p><h1 class=\"page-heading\">{}</h1><p class=\"count\">{}</p>{}",
            escape(&self.href(Route::Home)), escape(heading), count_label(posts.len()), self.post_list(posts)
        );
        self.page(
            route_href,
            Head::listing(Some(heading.into()), route_href),
            &main,
        )
    }
}

/// Every page of the site. `markdown_of` reads a post's text.
pub fn pages(context: &Context<'_>, markdown_of: &dyn Fn(&Post) -> Option<String>) -> Vec<Page> {
    let manifest = context.manifest;
    let mut pages = Vec::new();
    let n_pages = query::page(manifest, 1).map_or(1, |listing| listing.n_pages);
    for number in 1..=n_pages {
        if let Some(listing) = query::page(manifest, number) {
            pages.push(context.listing_page(&listing));
        }
    }
    for post in &manifest.posts {
        if let Some(markdown) = markdown_of(post) {
            pages.push(context.post_page(post, &markdown));
        }
    }
    pages.push(
        context.terms_page(Route::Tags, "Tags", &query::tags(manifest), |slug| {
            Route::Tag(slug)
        }),
    );
    pages.push(context.terms_page(
        Route::Categories,
        "Categories",
        &query::categories(manifest),
        |slug| Route::Category(slug),
    ));
    for entry in query::tags(manifest) {
        if let Some(listing) = query::tagged(manifest, &entry.term.slug) {
            let heading = format!("Tagged “{}”", listing.term.name);
            pages.push(context.term_page(
                &Route::Tag(&listing.term.slug).href(),
                &heading,
                &listing.posts,
            ));
        }
    }
    for entry in query::categories(manifest) {
        if let Some(listing) = query::in_category(manifest, &entry.term.slug) {
            let heading = format!("Category: {}", listing.term.name);
            pages.push(context.term_page(
                &Route::Category(&listing.term.slug).href(),
                &heading,
                &listing.posts,
            ));
        }
    }
    pages
}
