//! Atom, RSS and JSON Feed documents, and the sitemap. Every string from the manifest is
//! XML-escaped here; URLs are absolute, from the site's `base_url`.

use std::fmt::Write as _;
use std::sync::Arc;

use folio_core::html::escape;
use folio_core::markdown::RenderOptions;
use folio_core::{FeedContent, Manifest, Post, Route};

/// Posts per feed.
pub const FEED_SIZE: usize = 20;

/// What one feed is about.
pub struct Feed<'a> {
    /// Feed title.
    pub title: String,
    /// Absolute URL of the page the feed follows.
    pub page_url: String,
    /// Absolute URL of this feed.
    pub feed_url: String,
    /// The posts, newest first (at most [`FEED_SIZE`] are used).
    pub posts: &'a [Arc<Post>],
}

impl Feed<'_> {
    /// The posts the feed carries: the newest [`FEED_SIZE`].
    fn newest(&self) -> &[Arc<Post>] {
        &self.posts[..self.posts.len().min(FEED_SIZE)]
    }
}

/// `https://x.org/blog/` + `/posts/a` → `https://x.org/blog/posts/a`.
pub fn absolute(base_url: &str, href: &str) -> String {
    format!(
        "{}/{}",
        base_url.trim_end_matches('/'),
        href.trim_start_matches('/')
    )
}

/// The entry text: the summary, or the whole post with `FeedContent::Full`.
fn entry_content(
    manifest: &Manifest,
    post: &Post,
    markdown_of: &dyn Fn(&Post) -> Option<String>,
) -> (Option<String>, Option<String>) {
    let html = match manifest.site.feed_content {
        FeedContent::Full => markdown_of(post).map(|text| {
            folio_core::render(&text, &RenderOptions::for_post(manifest, post, &text))
                .as_str()
                .to_string()
        }),
        FeedContent::Summary => None,
    };
    (post.summary.clone(), html)
}

/// An Atom 1.0 feed.
pub fn atom(
    manifest: &Manifest,
    feed: &Feed<'_>,
    base_url: &str,
    markdown_of: &dyn Fn(&Post) -> Option<String>,
) -> String {
    let posts = feed.newest();
    let updated = posts
        .iter()
        .map(|post| post.updated.as_ref().unwrap_or(&post.date))
        .max()
        .map_or_else(|| "1970-01-01T00:00:00Z".into(), |date| date.rfc3339());
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    let lang = manifest
        .site
        .language
        .as_deref()
        .map(|l| format!(" xml:lang=\"{}\"", escape(l)))
        .unwrap_or_default();
    let _ = writeln!(
        xml,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"{lang} xml:base=\"{}\">",
        escape(&absolute(base_url, "/"))
    );
    let _ = writeln!(xml, "  <title>{}</title>", escape(&feed.title));
    if let Some(description) = &manifest.site.description {
        let _ = writeln!(xml, "  <subtitle>{}</subtitle>", escape(description));
    }
    let _ = writeln!(
        xml,
        "  <link href=\"{}\" rel=\"self\" type=\"application/atom+xml\"/>",
        escape(&feed.feed_url)
    );
    let _ = writeln!(
        xml,
        "  <link href=\"{}\" rel=\"alternate\" type=\"text/html\"/>",
        escape(&feed.page_url)
    );
    let _ = writeln!(xml, "  <id>{}</id>", escape(&feed.feed_url));
    let _ = writeln!(xml, "  <updated>{updated}</updated>");
    if let Some(author) = &manifest.site.author {
        let _ = writeln!(xml, "  <author><name>{}</name></author>", escape(author));
    }
    let _ = writeln!(xml, "  <generator>Folio</generator>");
    for post in posts {
        let url = absolute(base_url, &Route::Post(&post.slug).href());
        let (summary, html) = entry_content(manifest, post, markdown_of);
        let _ = writeln!(xml, "  <entry>");
        let _ = writeln!(xml, "    <title>{}</title>", escape(&post.title));
        let _ = writeln!(
            xml,
            "    <link href=\"{}\" rel=\"alternate\" type=\"text/html\"/>",
            escape(&url)
        );
        let _ = writeln!(xml, "    <id>{}</id>", escape(&url));
        let _ = writeln!(xml, "    <published>{}</published>", post.date.rfc3339());
        let _ = writeln!(
            xml,
            "    <updated>{}</updated>",
            post.updated.as_ref().unwrap_or(&post.date).rfc3339()
        );
        if let Some(author) = post.author.as_ref().or(manifest.site.author.as_ref()) {
            let _ = writeln!(xml, "    <author><name>{}</name></author>", escape(author));
        }
        for term in post.category.iter().chain(&post.tags) {
            let _ = writeln!(
                xml,
                "    <category term=\"{}\" label=\"{}\"/>",
                escape(&term.slug),
                escape(&term.name)
            );
        }
        if let Some(summary) = summary {
            let _ = writeln!(xml, "    <summary>{}</summary>", escape(&summary));
        }
        if let Some(html) = html {
            let _ = writeln!(
                xml,
                "    <content type=\"html\">{}</content>",
                escape(&html)
            );
        }
        let _ = writeln!(xml, "  </entry>");
    }
    xml.push_str("</feed>\n");
    xml
}

/// An RSS 2.0 feed.
pub fn rss(
    manifest: &Manifest,
    feed: &Feed<'_>,
    base_url: &str,
    markdown_of: &dyn Fn(&Post) -> Option<String>,
) -> String {
    let posts = feed.newest();
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n");
    let _ = writeln!(xml, "  <title>{}</title>", escape(&feed.title));
    let _ = writeln!(xml, "  <link>{}</link>", escape(&feed.page_url));
    let _ = writeln!(
        xml,
        "  <description>{}</description>",
        escape(
            manifest
                .site
                .description
                .as_deref()
                .unwrap_or(&manifest.site.title)
        )
    );
    let _ = writeln!(
        xml,
        "  <atom:link href=\"{}\" rel=\"self\" type=\"application/rss+xml\"/>",
        escape(&feed.feed_url)
    );
    if let Some(language) = &manifest.site.language {
        let _ = writeln!(xml, "  <language>{}</language>", escape(language));
    }
    if let Some(newest) = posts.first() {
        let _ = writeln!(
            xml,
            "  <lastBuildDate>{}</lastBuildDate>",
            newest.updated.as_ref().unwrap_or(&newest.date).rfc2822()
        );
    }
    let _ = writeln!(xml, "  <generator>Folio</generator>");
    for post in posts {
        let url = absolute(base_url, &Route::Post(&post.slug).href());
        let (summary, html) = entry_content(manifest, post, markdown_of);
        let _ = writeln!(xml, "  <item>");
        let _ = writeln!(xml, "    <title>{}</title>", escape(&post.title));
        let _ = writeln!(xml, "    <link>{}</link>", escape(&url));
        let _ = writeln!(
            xml,
            "    <guid isPermaLink=\"true\">{}</guid>",
            escape(&url)
        );
        let _ = writeln!(xml, "    <pubDate>{}</pubDate>", post.date.rfc2822());
        for term in post.category.iter().chain(&post.tags) {
            let _ = writeln!(xml, "    <category>{}</category>", escape(&term.name));
        }
        // RSS readers take a description as HTML: a plain-text summary is escaped as
        // HTML first, so markup in it shows as text there too.
        if let Some(text) = html.or_else(|| summary.map(|summary| escape(&summary))) {
            let _ = writeln!(xml, "    <description>{}</description>", escape(&text));
        }
        let _ = writeln!(xml, "  </item>");
    }
    xml.push_str("</channel>\n</rss>\n");
    xml
}

/// A JSON Feed 1.1.
pub fn json_feed(
    manifest: &Manifest,
    feed: &Feed<'_>,
    base_url: &str,
    markdown_of: &dyn Fn(&Post) -> Option<String>,
) -> String {
    let posts = feed.newest();
    let items: Vec<serde_json::Value> = posts
        .iter()
        .map(|post| {
            let url = absolute(base_url, &Route::Post(&post.slug).href());
            let (summary, html) = entry_content(manifest, post, markdown_of);
            let mut item = serde_json::json!({
                "id": url,
                "url": url,
                "title": post.title,
                "date_published": post.date.rfc3339(),
                "tags": post.tags.iter().map(|tag| tag.name.clone()).collect::<Vec<_>>(),
            });
            if let Some(updated) = &post.updated {
                item["date_modified"] = updated.rfc3339().into();
            }
            if let Some(summary) = &summary {
                item["summary"] = summary.clone().into();
            }
            match html {
                Some(html) => item["content_html"] = html.into(),
                None => item["content_text"] = summary.unwrap_or_else(|| post.title.clone()).into(),
            }
            item
        })
        .collect();
    let mut document = serde_json::json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": feed.title,
        "home_page_url": feed.page_url,
        "feed_url": feed.feed_url,
        "items": items,
    });
    if let Some(description) = &manifest.site.description {
        document["description"] = description.clone().into();
    }
    if let Some(language) = &manifest.site.language {
        document["language"] = language.clone().into();
    }
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}

/// A sitemap of `urls` (absolute URL, last modification).
pub fn sitemap(urls: &[(String, Option<String>)]) -> String {
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (url, lastmod) in urls {
        let _ = write!(xml, "  <url><loc>{}</loc>", escape(url));
        if let Some(lastmod) = lastmod {
            let _ = write!(xml, "<lastmod>{lastmod}</lastmod>");
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}
