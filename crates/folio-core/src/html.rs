//! The markup of Folio's views as HTML text: post cards, meta lines, tag links, term lists,
//! pagers, the post header, the archive and search results.
//!
//! The app sets this text as the inner HTML of its views and `folio build` writes the same
//! text into the prerendered pages, so a page never changes when the app takes it over and
//! the markup is written once. It also keeps the app's WebAssembly small: one string
//! builder instead of a view type per component. Every string from the manifest goes
//! through [`escape`], every href comes from a [`Route`], and nothing else is written. The
//! views come out as [`SafeHtml`], the one type the app sets as HTML.

use std::fmt::Write as _;
use std::sync::Arc;

use crate::i18n::{fill, Lang, Strings};
use crate::manifest::{Post, Site};
use crate::markdown::SafeHtml;
use crate::query::Neighbours;
use crate::query::{
    ArchiveYear, Listing, PagerItem, SearchResults, Segment, TermCount, TermListing,
};
use crate::route::{section, with_base, Paged, Route, Section};
use crate::slug::percent_encode;

/// `text` made safe for HTML text and quoted attribute values (and XML): `& < > " '` become
/// entities, control characters other than tab and newlines are dropped.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len() + text.len() / 8);
    escape_into(&mut escaped, text);
    escaped
}

/// [`escape`], appending to `out`: runs of plain text are copied whole, so long text costs
/// little more than a copy.
pub fn escape_into(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let mut plain_from = 0;
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        let (replacement, width): (&str, usize) = match byte {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' => ("&quot;", 1),
            b'\'' => ("&apos;", 1),
            b'\n' | b'\t' | b'\r' => {
                at += 1;
                continue;
            }
            0..=0x1f | 0x7f => ("", 1),
            // U+0080 to U+009F, the C1 controls, are 0xC2 0x80..=0x9F in UTF-8.
            0xc2 if matches!(bytes.get(at + 1), Some(0x80..=0x9f)) => ("", 2),
            _ => {
                at += 1;
                continue;
            }
        };
        out.push_str(&text[plain_from..at]);
        out.push_str(replacement);
        at += width;
        plain_from = at;
    }
    out.push_str(&text[plain_from..]);
}

/// Whether a view lists tags or categories.
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

    /// The paged listing of one term, narrowed by a term of the other kind if `filter`.
    pub fn paged(self, slug: &str, filter: Option<&str>) -> Paged {
        let slug = slug.to_string();
        match (self, filter) {
            (TermKind::Tag, None) => Paged::Tag(slug),
            (TermKind::Category, None) => Paged::Category(slug),
            (TermKind::Tag, Some(category)) => Paged::TagInCategory(slug, category.to_string()),
            (TermKind::Category, Some(tag)) => Paged::CategoryWithTag(slug, tag.to_string()),
        }
    }

    /// The terms of the other kind among `listing`'s posts, with counts: what a page of
    /// this kind can be narrowed by.
    pub fn narrowing_terms(self, listing: &TermListing) -> Vec<TermCount> {
        match self {
            TermKind::Tag => listing.categories(),
            TermKind::Category => listing.tags(),
        }
    }

    /// `listing` narrowed to the posts that also have the other kind's term `filter`.
    pub fn narrow(self, listing: &TermListing, filter: &str) -> TermListing {
        match self {
            TermKind::Tag => listing.in_category(filter),
            TermKind::Category => listing.tagged(filter),
        }
    }

    /// The kind of term that narrows this kind's pages, and its query parameter: tag pages
    /// by `?category=`, category pages by `?tag=`.
    pub fn filter_param(self) -> &'static str {
        match self {
            TermKind::Tag => "category",
            TermKind::Category => "tag",
        }
    }

    /// "Tags" / "Categories".
    pub fn plural(self, t: &Strings) -> &'static str {
        match self {
            TermKind::Tag => t.tags_heading,
            TermKind::Category => t.categories_heading,
        }
    }

    /// The page heading for one term: `Tagged “Go”`, `Category: DevOps`.
    pub fn heading(self, t: &Strings, name: &str) -> String {
        match self {
            TermKind::Tag => fill(t.tagged, &[name]),
            TermKind::Category => fill(t.in_category, &[name]),
        }
    }

    /// The not-found sentence for a term nobody has: `No post is tagged “x”.`.
    pub fn missing(self, t: &Strings, name: &str) -> String {
        match self {
            TermKind::Tag => fill(t.no_tag, &[name]),
            TermKind::Category => fill(t.no_category, &[name]),
        }
    }

    /// The label of the chips that narrow this kind's pages.
    fn narrow_label(self, t: &Strings) -> &'static str {
        match self {
            TermKind::Tag => t.narrow_by_category,
            TermKind::Category => t.narrow_by_tag,
        }
    }
}

/// A reader's theme choice: the system's, light or dark. The app stores it; the markup
/// shows it on the theme button.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follow the system (the default).
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// From its stored name; anything else is [`Theme::System`].
    pub fn from_name(name: Option<&str>) -> Theme {
        match name {
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            _ => Theme::System,
        }
    }

    /// The stored name, and the value of `<html data-theme>`.
    pub fn name(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// What the button switches to: system, light, dark, system, …
    pub fn next(self) -> Theme {
        match self {
            Theme::System => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::System,
        }
    }

    /// The button's icon.
    pub fn icon(self) -> &'static str {
        match self {
            Theme::System => "◐",
            Theme::Light => "☀",
            Theme::Dark => "☾",
        }
    }

    /// The button's label: "Theme: system (switch to light)".
    pub fn label(self, t: &Strings) -> String {
        let name = |theme: Theme| match theme {
            Theme::System => t.theme_system,
            Theme::Light => t.theme_light,
            Theme::Dark => t.theme_dark,
        };
        fill(t.theme_label, &[name(self), name(self.next())])
    }
}

/// The terms of the other kind that narrow a term page (the categories of a tag's posts,
/// the tags of a category's posts), how many posts the page has without narrowing, and
/// the slug chosen, if any.
#[derive(Debug, Clone, Copy)]
pub struct Facets<'a> {
    /// The terms, with counts among the page's posts.
    pub terms: &'a [TermCount],
    /// The page's posts before narrowing.
    pub total: usize,
    /// The slug of the term chosen.
    pub active: Option<&'a str>,
}

/// Writes markup for one deployment: every href gets its base path, every word comes from
/// the site language's [`Strings`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Markup {
    base_path: String,
    t: &'static Strings,
}

impl Markup {
    /// Markup for a site at `base_path` (`""`, `/` or `/blog/`; a trailing slash is dropped),
    /// in English.
    pub fn new(base_path: &str) -> Markup {
        Markup {
            base_path: base_path.trim_end_matches('/').to_string(),
            t: Lang::En.strings(),
        }
    }

    /// The same markup in `lang` (English when its words are not built in).
    pub fn in_lang(self, lang: Lang) -> Markup {
        self.with_strings(lang.strings())
    }

    /// The same markup with the words of `t` (a table loaded at run time).
    pub fn with_strings(self, t: &'static Strings) -> Markup {
        Markup { t, ..self }
    }

    /// The words this markup is written in.
    pub fn strings(&self) -> &'static Strings {
        self.t
    }

    /// The href of `route` in this deployment, escaped for an attribute.
    pub fn href(&self, route: Route<'_>) -> String {
        escape(&with_base(&self.base_path, &route.href()))
    }

    /// Everything above a view: the skip link (to `#main` of `path`, a root-relative route
    /// path), the header with the site title, the navigation (`aria-current` on the section
    /// of `path`), the theme button showing `theme`, and the tagline. Without a site (its
    /// manifest is loading or broken), no title or tagline.
    pub fn header(&self, site: Option<&Site>, path: &str, theme: Theme) -> SafeHtml {
        let t = self.t;
        let mut html = format!(
            "<a class=\"skip-link\" href=\"{}#main\">{}</a><header class=\"site-header\"><div class=\"wrap header-row\"><a class=\"site-title\" href=\"{}\">{}</a><nav aria-label=\"{}\"><ul class=\"nav\">",
            escape(&with_base(&self.base_path, path)),
            t.skip_link,
            self.href(Route::Home),
            escape(site.map_or("", |site| site.title.as_str())),
            t.main_nav
        );
        let here = section(path);
        for (route, name, wanted) in [
            (Route::Home, t.nav_posts, Section::Posts),
            (Route::Tags, t.nav_tags, Section::Tags),
            (Route::Categories, t.nav_categories, Section::Categories),
            (Route::Archive, t.nav_archive, Section::Archive),
            (Route::Search(""), t.nav_search, Section::Search),
        ] {
            let current = if here == wanted {
                " aria-current=\"page\""
            } else {
                ""
            };
            let _ = write!(
                html,
                "<li><a href=\"{}\"{current}>{name}</a></li>",
                self.href(route)
            );
        }
        let label = theme.label(t);
        let _ = write!(
            html,
            "</ul></nav><button type=\"button\" class=\"theme-toggle\" aria-label=\"{label}\" title=\"{label}\">{}</button></div>",
            theme.icon()
        );
        if let Some(tagline) = site.and_then(|site| site.description.as_ref()) {
            let _ = write!(html, "<p class=\"wrap tagline\">{}</p>", escape(tagline));
        }
        html.push_str("</header>");
        SafeHtml::from_markup(html)
    }

    /// Everything below a view: the site title and "Made with Folio" (just the latter
    /// while the site has no title: its manifest is loading or broken).
    pub fn footer(&self, site: Option<&Site>) -> SafeHtml {
        let mut html = String::from("<footer class=\"site-footer\"><div class=\"wrap\"><p>");
        if let Some(site) = site.filter(|site| !site.title.is_empty()) {
            escape_into(&mut html, &site.title);
            html.push_str(" · ");
        }
        let _ = write!(
            html,
            "{} <a href=\"https://github.com/\">Folio</a></p></div></footer>",
            self.t.made_with
        );
        SafeHtml::from_markup(html)
    }

    /// "Apr 7, 2025 · Category · 6 min read · updated …": the meta line of a card and a
    /// post. `minutes` is the reading time to show, if known.
    pub fn meta(&self, post: &Post, minutes: Option<u32>) -> String {
        let mut html = format!(
            "<p class=\"meta\"><time datetime=\"{}\">{}</time>",
            post.date.iso(),
            self.t.date(&post.date)
        );
        if let Some(category) = &post.category {
            let _ = write!(
                html,
                " · <a class=\"category\" href=\"{}\">{}</a>",
                self.href(Route::Category(&category.slug)),
                escape(&category.name)
            );
        }
        if let Some(minutes) = minutes {
            let _ = write!(
                html,
                " · <span class=\"reading\">{}</span>",
                self.t.reading(minutes)
            );
        }
        if let Some(updated) = post
            .updated
            .as_ref()
            .filter(|updated| **updated > post.date)
        {
            let _ = write!(
                html,
                " · {} <time datetime=\"{}\">{}</time>",
                self.t.updated,
                updated.iso(),
                self.t.date(updated)
            );
        }
        if post.is_draft {
            let _ = write!(html, " · <span class=\"draft\">{}</span>", self.t.draft);
        }
        html.push_str("</p>");
        html
    }

    /// The post's tags as links; nothing when it has none.
    pub fn tag_links(&self, post: &Post) -> String {
        if post.tags.is_empty() {
            return String::new();
        }
        let mut html = format!("<ul class=\"tags\" aria-label=\"{}\">", self.t.nav_tags);
        // "Tag: Go", of which only the name shows: a link that reads well on its own.
        let (before, after) = self.t.tag_link.split_once("{0}").unwrap_or(("", ""));
        let hidden = |words: &str| {
            if words.is_empty() {
                String::new()
            } else {
                format!("<span class=\"visually-hidden\">{}</span>", escape(words))
            }
        };
        let (before, after) = (hidden(before), hidden(after));
        for tag in &post.tags {
            let _ = write!(
                html,
                "<li><a class=\"tag\" href=\"{}\">{before}{}{after}</a></li>",
                self.href(Route::Tag(&tag.slug)),
                escape(&tag.name)
            );
        }
        html.push_str("</ul>");
        html
    }

    /// One post as an `<article>` of a listing: title link, meta line, summary, tags.
    pub fn card(&self, post: &Post) -> String {
        self.card_with(
            post,
            &escape(&post.title),
            post.summary.as_deref().map(escape),
        )
    }

    fn card_with(&self, post: &Post, title: &str, summary: Option<String>) -> String {
        let mut html = format!(
            "<article class=\"card\"><h2 class=\"card-title\"><a href=\"{}\">{title}</a></h2>{}",
            self.href(Route::Post(&post.slug)),
            self.meta(post, post.reading_minutes)
        );
        if let Some(summary) = summary {
            let _ = write!(html, "<p class=\"summary\">{summary}</p>");
        }
        html.push_str(&self.tag_links(post));
        html.push_str("</article>");
        html
    }

    /// Cards for `posts` in order; a sentence when there are none.
    pub fn post_list(&self, posts: &[Arc<Post>]) -> String {
        if posts.is_empty() {
            return format!("<p class=\"empty\">{}</p>", self.t.no_posts);
        }
        let mut html = String::from("<div class=\"post-list\">");
        for post in posts {
            html.push_str(&self.card(post));
        }
        html.push_str("</div>");
        html
    }

    /// "← Newer posts · 1 2 [3] 4 5 … 30 · Older posts →" with "Page 3 of 30" for screen
    /// readers; nothing when there is one page.
    pub fn pager(&self, listing: &Listing, paged: &Paged) -> String {
        if listing.n_pages <= 1 {
            return String::new();
        }
        let link = |n: u32| escape(&with_base(&self.base_path, &paged.href(n)));
        let t = self.t;
        let mut html = format!("<nav class=\"pager\" aria-label=\"{}\">", t.pages_label);
        if let Some(newer) = listing.newer() {
            let _ = write!(
                html,
                "<a rel=\"prev\" href=\"{}\">{}</a>",
                link(newer),
                t.newer_posts
            );
        }
        let _ = write!(
            html,
            "<span class=\"page-of\">{}</span><ol class=\"page-numbers\">",
            fill(
                t.page_of,
                &[&listing.page.to_string(), &listing.n_pages.to_string()]
            )
        );
        for item in listing.pager_items() {
            let _ = match item {
                PagerItem::Page(n) => write!(html, "<li><a href=\"{}\">{n}</a></li>", link(n)),
                PagerItem::Current(n) => write!(
                    html,
                    "<li><a href=\"{}\" aria-current=\"page\">{n}</a></li>",
                    link(n)
                ),
                PagerItem::Gap => write!(html, "<li class=\"gap\">…</li>"),
            };
        }
        html.push_str("</ol>");
        if let Some(older) = listing.older() {
            let _ = write!(
                html,
                "<a rel=\"next\" href=\"{}\">{}</a>",
                link(older),
                t.older_posts
            );
        }
        html.push_str("</nav>");
        html
    }

    /// "← Back to the home page", the way out of every notice.
    fn home_link(&self) -> String {
        format!(
            "<p><a href=\"{}\">{}</a></p>",
            self.href(Route::Home),
            self.t.back_home
        )
    }

    /// The view of a file that could not be loaded: an alert with a heading, `message`
    /// (what failed and where, escaped here) and a link home.
    pub fn load_error(&self, message: &str) -> SafeHtml {
        let t = self.t;
        SafeHtml::from_markup(format!(
            "<section class=\"notice error\" role=\"alert\"><h1>{}</h1><p class=\"reason\">{}</p>{}</section>",
            t.error_heading,
            escape(message),
            self.home_link()
        ))
    }

    /// The view of an address where nothing lives: an alert with the status, a heading,
    /// `reason` (a sentence such as "There is no post called “x”.", escaped here) with the
    /// hint that the link may be wrong, and a link home.
    pub fn not_found(&self, reason: &str) -> SafeHtml {
        let t = self.t;
        SafeHtml::from_markup(format!(
            "<section class=\"notice not-found\" role=\"alert\"><p class=\"status\">{}</p><h1>{}</h1><p class=\"reason\">{} {}</p>{}</section>",
            t.not_found_status,
            t.not_found_heading,
            escape(reason),
            t.moved_hint,
            self.home_link()
        ))
    }

    /// The view of a post whose text could not be loaded, under its header: an alert with
    /// `message` (what failed), the post's `file`, and a link home.
    pub fn post_body_error(&self, file: &str, message: &str) -> SafeHtml {
        let t = self.t;
        SafeHtml::from_markup(format!(
            "<div class=\"notice error\" role=\"alert\"><p><strong>{}</strong></p><p class=\"reason\">{}</p><p class=\"hint\">{}</p>{}</div>",
            t.post_text_failed,
            escape(message),
            fill(t.post_file_is, &[&escape(file)]),
            self.home_link()
        ))
    }

    /// The notice that `n_skipped` posts could not be shown, with one line per problem
    /// that skipped one (`reasons`, escaped here); `None` when no post was skipped.
    pub fn skipped_notice(&self, n_skipped: usize, reasons: &[String]) -> Option<SafeHtml> {
        if n_skipped == 0 {
            return None;
        }
        let t = self.t;
        let mut html = format!(
            "<details class=\"notice skipped\" role=\"status\"><summary>{}</summary><ul>",
            t.count(&t.skipped, n_skipped)
        );
        for reason in reasons {
            html.push_str("<li><code>");
            escape_into(&mut html, reason);
            html.push_str("</code></li>");
        }
        html.push_str("</ul></details>");
        Some(SafeHtml::from_markup(html))
    }

    /// The heading of the main listing's page: "Latest posts", "Posts, page 2 of 9".
    pub fn home_heading(&self, listing: &Listing) -> String {
        if listing.page == 1 {
            self.t.latest_posts.to_string()
        } else {
            self.t
                .paged(self.t.posts_heading, listing.page, listing.n_pages)
        }
    }

    /// `/` and `/page/N`: heading, cards, pager.
    pub fn home(&self, listing: &Listing) -> SafeHtml {
        SafeHtml::from_markup(self.home_text(listing))
    }

    fn home_text(&self, listing: &Listing) -> String {
        format!(
            "<h1 class=\"page-heading\">{}</h1>{}{}",
            self.home_heading(listing),
            self.post_list(&listing.posts),
            self.pager(listing, &Paged::Home)
        )
    }

    /// `/tags` and `/categories`: heading and every term with its count.
    pub fn terms(&self, kind: TermKind, terms: &[TermCount]) -> SafeHtml {
        SafeHtml::from_markup(self.terms_text(kind, terms))
    }

    fn terms_text(&self, kind: TermKind, terms: &[TermCount]) -> String {
        let mut html = format!("<h1 class=\"page-heading\">{}</h1>", kind.plural(self.t));
        if terms.is_empty() {
            let _ = write!(html, "<p class=\"empty\">{}</p>", self.t.nothing_yet);
            return html;
        }
        html.push_str("<ul class=\"term-list\">");
        for entry in terms {
            let _ = write!(
                html,
                "<li><a href=\"{}\">{}</a> <span class=\"count\">{}</span></li>",
                self.href(kind.route(&entry.term.slug)),
                escape(&entry.term.name),
                self.t.posts_count(entry.count)
            );
        }
        html.push_str("</ul>");
        html
    }

    /// `/tags/TAG` and `/categories/CATEGORY` (page `page` of them): "← all posts", the
    /// heading, the count, the terms of the other kind that narrow the listing (when there
    /// is a choice), this page's cards and the pager. `listing` is already narrowed to
    /// `facets.active`, if any.
    pub fn term(
        &self,
        kind: TermKind,
        listing: &TermListing,
        page: &Listing,
        facets: &Facets<'_>,
    ) -> SafeHtml {
        SafeHtml::from_markup(self.term_text(kind, listing, page, facets))
    }

    fn term_text(
        &self,
        kind: TermKind,
        listing: &TermListing,
        page: &Listing,
        facets: &Facets<'_>,
    ) -> String {
        let slug = &listing.term.slug;
        let mut html = format!(
            "<p class=\"back\"><a href=\"{}\">{}</a></p><h1 class=\"page-heading\">{}</h1><p class=\"count\">{}</p>",
            self.href(Route::Home),
            self.t.all_posts,
            escape(&kind.heading(self.t, &listing.term.name)),
            self.t.posts_count(listing.posts.len()),
        );
        if facets.terms.len() >= 2 || facets.active.is_some() {
            let current = |on: bool| if on { " aria-current=\"page\"" } else { "" };
            let _ = write!(
                html,
                "<nav class=\"facets\" aria-label=\"{}\"><a href=\"{}\"{}>{} <span class=\"facet-count\">{}</span></a>",
                kind.narrow_label(self.t),
                escape(&with_base(&self.base_path, &kind.paged(slug, None).href(1))),
                current(facets.active.is_none()),
                self.t.all,
                facets.total
            );
            for entry in facets.terms {
                let _ = write!(
                    html,
                    " <a href=\"{}\"{}>{} <span class=\"facet-count\">{}</span></a>",
                    escape(&with_base(
                        &self.base_path,
                        &kind.paged(slug, Some(&entry.term.slug)).href(1)
                    )),
                    current(facets.active == Some(entry.term.slug.as_str())),
                    escape(&entry.term.name),
                    entry.count
                );
            }
            html.push_str("</nav>");
        }
        html.push_str(&self.post_list(&page.posts));
        html.push_str(&self.pager(page, &kind.paged(slug, facets.active)));
        html
    }

    /// A post's header: "← all posts", the title, the meta line, "By NAME" when the post
    /// names an author other than the site's, and the tags.
    pub fn post_header(
        &self,
        post: &Post,
        minutes: Option<u32>,
        site_author: Option<&str>,
    ) -> SafeHtml {
        SafeHtml::from_markup(self.post_header_text(post, minutes, site_author))
    }

    fn post_header_text(
        &self,
        post: &Post,
        minutes: Option<u32>,
        site_author: Option<&str>,
    ) -> String {
        let mut html = format!(
            "<p class=\"back\"><a href=\"{}\">{}</a></p><h1>{}</h1>{}",
            self.href(Route::Home),
            self.t.all_posts,
            escape(&post.title),
            self.meta(post, minutes)
        );
        if let Some(author) = post
            .author
            .as_deref()
            .filter(|author| Some(*author) != site_author)
        {
            let _ = write!(
                html,
                "<p class=\"byline\">{}</p>",
                fill(self.t.by, &[&escape(author)])
            );
        }
        html.push_str(&self.tag_links(post));
        if let Some(cover) = &post.cover {
            // The box is reserved by CSS (aspect-ratio), so the image never moves the text.
            let _ = write!(
                html,
                "<img class=\"cover\" src=\"{}\" alt=\"\" decoding=\"async\">",
                escape(cover)
            );
        }
        // A bar at the top of the window that fills as the reader scrolls (CSS only).
        html.push_str("<div class=\"reading-progress\" aria-hidden=\"true\"></div>");
        html
    }

    /// Everything under a post: "Edit this page" (when the site names where), share links
    /// (when the post's absolute URL is known), newer and older posts, related posts, and
    /// the place for comments (when the site names a service).
    pub fn post_footer(
        &self,
        post: &Post,
        around: &Neighbours,
        related: &[Arc<Post>],
        site: &Site,
        page_url: Option<&str>,
    ) -> SafeHtml {
        let edit_url = site.edit_url.as_deref();
        let mut html = String::new();
        if edit_url.is_some() || page_url.is_some() {
            html.push_str("<div class=\"post-actions\">");
            if let Some(page_url) = page_url {
                let url = percent_encode(page_url);
                let title = percent_encode(&post.title);
                let _ = write!(html, "<p class=\"share\">{} ", self.t.share);
                let targets = [
                    (
                        "Mastodon",
                        format!("https://mastodonshare.com/?text={title}&url={url}"),
                    ),
                    (
                        "Bluesky",
                        format!("https://bsky.app/intent/compose?text={title}%20{url}"),
                    ),
                    (
                        "LinkedIn",
                        format!("https://www.linkedin.com/sharing/share-offsite/?url={url}"),
                    ),
                    (self.t.email, format!("mailto:?subject={title}&body={url}")),
                ];
                for (index, (name, href)) in targets.iter().enumerate() {
                    if index > 0 {
                        html.push_str(" · ");
                    }
                    let _ = write!(
                        html,
                        "<a href=\"{}\" rel=\"noopener\">{name}</a>",
                        escape(href)
                    );
                }
                html.push_str("</p>");
            }
            if let Some(edit_url) = edit_url {
                let _ = write!(
                    html,
                    "<p class=\"edit\"><a href=\"{}{}\" rel=\"noopener\">{}</a></p>",
                    escape(edit_url),
                    escape(&post.file),
                    self.t.edit_page
                );
            }
            html.push_str("</div>");
        }
        html.push_str(&self.post_nav_text(
            around.newer.as_deref(),
            around.older.as_deref(),
            related,
        ));
        // The service's script (added by the app) draws the comments in here.
        if site.comments.is_some() {
            let _ = write!(
                html,
                "<section class=\"comments\" aria-label=\"{}\"></section>",
                self.t.comments
            );
        }
        SafeHtml::from_markup(html)
    }

    /// Newer and older post links and the related posts, under a post.
    fn post_nav_text(
        &self,
        newer: Option<&Post>,
        older: Option<&Post>,
        related: &[Arc<Post>],
    ) -> String {
        let mut html = String::new();
        if newer.is_some() || older.is_some() {
            let t = self.t;
            let _ = write!(
                html,
                "<nav class=\"post-nav\" aria-label=\"{}\">",
                t.more_posts
            );
            for (post, rel, label) in [(newer, "prev", t.newer), (older, "next", t.older)] {
                if let Some(post) = post {
                    let _ = write!(
                        html,
                        "<a rel=\"{rel}\" class=\"{rel}\" href=\"{}\"><span class=\"label\">{label}</span> <span class=\"title\">{}</span></a>",
                        self.href(Route::Post(&post.slug)),
                        escape(&post.title)
                    );
                }
            }
            html.push_str("</nav>");
        }
        if !related.is_empty() {
            let _ = write!(
                html,
                "<section class=\"related\" aria-labelledby=\"related-heading\"><h2 id=\"related-heading\">{}</h2><ul>",
                self.t.related
            );
            for post in related {
                let _ = write!(
                    html,
                    "<li><a href=\"{}\">{}</a> <time datetime=\"{}\">{}</time></li>",
                    self.href(Route::Post(&post.slug)),
                    escape(&post.title),
                    post.date.iso(),
                    self.t.date(&post.date)
                );
            }
            html.push_str("</ul></section>");
        }
        html
    }

    /// `/archive`: every post by year and month, with counts, newest first.
    pub fn archive(&self, years: &[ArchiveYear]) -> SafeHtml {
        SafeHtml::from_markup(self.archive_text(years))
    }

    fn archive_text(&self, years: &[ArchiveYear]) -> String {
        let total: usize = years.iter().map(|year| year.count).sum();
        let mut html = format!(
            "<h1 class=\"page-heading\">{}</h1><p class=\"count\">{}</p>",
            self.t.archive,
            self.t.posts_count(total)
        );
        if years.is_empty() {
            let _ = write!(html, "<p class=\"empty\">{}</p>", self.t.no_posts);
            return html;
        }
        for year in years {
            let _ = write!(
                html,
                "<section class=\"archive-year\" aria-labelledby=\"y{0}\"><h2 id=\"y{0}\">{0} <span class=\"count\">{1}</span></h2>",
                year.year,
                self.t.posts_count(year.count)
            );
            for month in &year.months {
                let _ = write!(
                    html,
                    "<h3 class=\"archive-month\">{} <span class=\"count\">{}</span></h3><ul class=\"archive-list\">",
                    self.t.month(month.month),
                    self.t.posts_count(month.posts.len())
                );
                for post in &month.posts {
                    let _ = write!(
                        html,
                        "<li><time datetime=\"{}\">{}</time> <a href=\"{}\">{}</a></li>",
                        post.date.iso(),
                        self.t.date(&post.date),
                        self.href(Route::Post(&post.slug)),
                        escape(&post.title)
                    );
                }
                html.push_str("</ul>");
            }
            html.push_str("</section>");
        }
        html
    }

    /// Search results: how many, then a card per hit with the matched words in `<mark>`.
    pub fn search_results(&self, query: &str, results: &SearchResults) -> SafeHtml {
        SafeHtml::from_markup(self.search_results_text(query, results))
    }

    fn search_results_text(&self, query: &str, results: &SearchResults) -> String {
        if query.trim().is_empty() {
            return format!("<p class=\"search-hint\">{}</p>", self.t.search_hint);
        }
        let t = self.t;
        let hits = &results.hits;
        if hits.is_empty() {
            return format!(
                "<p class=\"count\" role=\"status\">{}</p>",
                fill(t.no_match, &[&escape(query.trim())])
            );
        }
        let mut html = format!(
            "<p class=\"count\" role=\"status\">{}{}</p><div class=\"post-list\">",
            fill(
                t.results_for,
                &[&t.count(&t.results, results.total), &escape(query.trim())]
            ),
            if results.total > hits.len() {
                fill(t.best_shown, &[&hits.len().to_string()])
            } else {
                String::new()
            }
        );
        for hit in hits {
            let summary = (!hit.summary.is_empty()).then(|| marked(&hit.summary));
            html.push_str(&self.card_with(&hit.post, &marked(&hit.title), summary));
        }
        html.push_str("</div>");
        html
    }
}

/// Highlighted text: the matched segments in `<mark>`, everything escaped.
fn marked(segments: &[Segment]) -> String {
    let mut html = String::new();
    for segment in segments {
        if segment.is_match {
            let _ = write!(html, "<mark>{}</mark>", escape(&segment.text));
        } else {
            html.push_str(&escape(&segment.text));
        }
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::{parse, Drafts, Manifest, ParseOptions};
    use crate::query;

    fn site(posts: &str) -> Manifest {
        site_with("", posts)
    }

    /// A site with more `settings` in its `site` block (`"key":value` pairs, or nothing).
    fn site_with(settings: &str, posts: &str) -> Manifest {
        let settings = if settings.is_empty() {
            String::new()
        } else {
            format!(",{settings}")
        };
        let text = format!(
            r#"{{"version":1,"site":{{"title":"T","author":"Site Author"{settings}}},"posts":[{posts}]}}"#
        );
        parse(
            &text,
            &ParseOptions {
                drafts: Drafts::Show,
            },
        )
        .unwrap()
    }

    const HOSTILE: &str = r#"{"slug":"x","title":"<script>alert(1)</script>","date":"2024-05-02","updated":"2024-06-01","file":"posts/x.md",
        "summary":"\"onmouseover=alert(1) '","tags":["<b>b</b>","C&C"],"category":"</p><img src=x onerror=alert(1)>",
        "author":"<i>Eve</i>","reading_minutes":4,"draft":true}"#;

    #[test]
    fn escape_covers_markup_quotes_and_control_characters() {
        assert_eq!(
            escape(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;"
        );
        assert_eq!(escape("a\u{0}b\u{1b}c\nd\te\r\u{7f}"), "abc\nd\te\r");
        // C1 controls go; the letters around them, and other non-ASCII text, stay.
        assert_eq!(escape("é\u{85}ü\u{9f}東京 🎉 \u{a0}"), "éü東京 🎉 \u{a0}");
        for c in [
            '\u{0}', '\u{1f}', '\u{7f}', '\u{80}', '\u{9f}', '\u{a0}', 'é', '<', '\'',
        ] {
            let expect: String = match c {
                '<' => "&lt;".into(),
                '\'' => "&apos;".into(),
                c if c.is_control() => String::new(),
                c => c.to_string(),
            };
            assert_eq!(escape(&c.to_string()), expect, "{c:?}");
        }
    }

    #[test]
    fn a_card_has_the_contract_markup_and_escapes_every_manifest_string() {
        let manifest = site(HOSTILE);
        let html = Markup::new("/blog/").card(&manifest.posts[0]);
        assert_eq!(
            html,
            "<article class=\"card\"><h2 class=\"card-title\"><a href=\"/blog/posts/x\">&lt;script&gt;alert(1)&lt;/script&gt;</a></h2>\
             <p class=\"meta\"><time datetime=\"2024-05-02\">May 2, 2024</time> · <a class=\"category\" href=\"/blog/categories/p-img-src-x-onerror-alert-1\">&lt;/p&gt;&lt;img src=x onerror=alert(1)&gt;</a> \
             · <span class=\"reading\">4 min read</span> · updated <time datetime=\"2024-06-01\">Jun 1, 2024</time> · <span class=\"draft\">Draft</span></p>\
             <p class=\"summary\">&quot;onmouseover=alert(1) &apos;</p>\
             <ul class=\"tags\" aria-label=\"Tags\"><li><a class=\"tag\" href=\"/blog/tags/b-b-b\"><span class=\"visually-hidden\">Tag: </span>&lt;b&gt;b&lt;/b&gt;</a></li><li><a class=\"tag\" href=\"/blog/tags/c-c\"><span class=\"visually-hidden\">Tag: </span>C&amp;C</a></li></ul></article>"
        );
    }

    #[test]
    fn the_post_header_names_a_guest_author_only() {
        let manifest = site(HOSTILE);
        let html =
            Markup::new("").post_header_text(&manifest.posts[0], Some(4), Some("Site Author"));
        assert!(
            html.starts_with(
                "<p class=\"back\"><a href=\"/\">← all posts</a></p><h1>&lt;script&gt;"
            ),
            "{html}"
        );
        assert!(
            html.contains("<p class=\"byline\">By &lt;i&gt;Eve&lt;/i&gt;</p>"),
            "{html}"
        );
        let html = Markup::new("").post_header_text(&manifest.posts[0], None, Some("<i>Eve</i>"));
        assert!(
            !html.contains("byline") && !html.contains("min read"),
            "{html}"
        );
    }

    #[test]
    fn terms_and_term_pages() {
        let manifest = site(
            r#"{"slug":"a","title":"A","date":"2024-01-01","file":"posts/a.md","tags":["Go"]},
            {"slug":"b","title":"B","date":"2024-01-02","file":"posts/b.md","tags":["Go","Rust"]}"#,
        );
        let markup = Markup::new("");
        assert_eq!(
            markup.terms_text(TermKind::Tag, &query::tags(&manifest)),
            "<h1 class=\"page-heading\">Tags</h1><ul class=\"term-list\"><li><a href=\"/tags/go\">Go</a> <span class=\"count\">2 posts</span></li><li><a href=\"/tags/rust\">Rust</a> <span class=\"count\">1 post</span></li></ul>"
        );
        assert_eq!(
            markup.terms_text(TermKind::Category, &[]),
            "<h1 class=\"page-heading\">Categories</h1><p class=\"empty\">Nothing here yet.</p>"
        );
        let listing = query::tagged(&manifest, "go").unwrap();
        let second = listing.page(2, 1).unwrap();
        let facets = Facets {
            terms: &[],
            total: 2,
            active: None,
        };
        let html = markup.term_text(TermKind::Tag, &listing, &second, &facets);
        assert!(
            html.contains(
                "<h1 class=\"page-heading\">Tagged “Go”</h1><p class=\"count\">2 posts</p>"
            ),
            "{html}"
        );
        assert_eq!(html.matches("<article").count(), 1);
        assert!(
            html.contains("<a rel=\"prev\" href=\"/tags/go\">← Newer posts</a>"),
            "{html}"
        );
        assert!(
            html.contains("<li><a href=\"/tags/go/page/2\" aria-current=\"page\">2</a></li>"),
            "{html}"
        );
    }

    #[test]
    fn a_term_page_offers_the_other_kind_of_term_to_narrow_it() {
        let manifest = site(
            r#"{"slug":"a","title":"A","date":"2024-01-01","file":"posts/a.md","tags":["Go"],"category":"Web & Design"},
            {"slug":"b","title":"B","date":"2024-01-02","file":"posts/b.md","tags":["Go"],"category":"Backend"}"#,
        );
        let markup = Markup::new("/blog/");
        let go = query::tagged(&manifest, "go").unwrap();
        let categories = go.categories();
        let narrowed = go.in_category("web-design");
        let page = narrowed.page(1, 10).unwrap();
        let facets = Facets {
            terms: &categories,
            total: go.posts.len(),
            active: Some("web-design"),
        };
        let html = markup.term_text(TermKind::Tag, &narrowed, &page, &facets);
        assert!(html.contains("<p class=\"count\">1 post</p><nav class=\"facets\" aria-label=\"Narrow by category\"><a href=\"/blog/tags/go\">All <span class=\"facet-count\">2</span></a> <a href=\"/blog/tags/go?category=backend\">Backend <span class=\"facet-count\">1</span></a> <a href=\"/blog/tags/go?category=web-design\" aria-current=\"page\">Web &amp; Design <span class=\"facet-count\">1</span></a></nav>"), "{html}");
        assert_eq!(html.matches("<article").count(), 1);
        // One category to choose from is no choice: no facets.
        let single = Facets {
            terms: &categories[..1],
            total: 1,
            active: None,
        };
        assert!(!markup
            .term_text(TermKind::Tag, &go, &page, &single)
            .contains("facets"));
    }

    #[test]
    fn the_home_page_and_its_pager() {
        let manifest = site(r#"{"slug":"a","title":"A","date":"2024-01-01","file":"posts/a.md"}"#);
        let markup = Markup::new("/");
        let listing = query::page(&manifest, 1).unwrap();
        assert_eq!(
            markup.home_text(&listing),
            "<h1 class=\"page-heading\">Latest posts</h1><div class=\"post-list\"><article class=\"card\"><h2 class=\"card-title\"><a href=\"/posts/a\">A</a></h2><p class=\"meta\"><time datetime=\"2024-01-01\">Jan 1, 2024</time></p></article></div>"
        );
        let empty = site("");
        assert!(markup
            .home_text(&query::page(&empty, 1).unwrap())
            .ends_with("<p class=\"empty\">No posts yet.</p>"));
        let many = Listing {
            posts: Vec::new(),
            page: 3,
            n_pages: 9,
        };
        assert_eq!(
            markup.pager(&many, &Paged::Home),
            "<nav class=\"pager\" aria-label=\"Pages\"><a rel=\"prev\" href=\"/page/2\">← Newer posts</a><span class=\"page-of\">Page 3 of 9</span><ol class=\"page-numbers\">\
             <li><a href=\"/\">1</a></li><li><a href=\"/page/2\">2</a></li><li><a href=\"/page/3\" aria-current=\"page\">3</a></li><li><a href=\"/page/4\">4</a></li><li><a href=\"/page/5\">5</a></li><li class=\"gap\">…</li><li><a href=\"/page/9\">9</a></li></ol>\
             <a rel=\"next\" href=\"/page/4\">Older posts →</a></nav>"
        );
    }

    #[test]
    #[cfg(feature = "translations")]
    fn every_word_comes_from_the_site_language() {
        let manifest = site(HOSTILE);
        let german = Markup::new("").in_lang(Lang::De);
        let card = german.card(&manifest.posts[0]);
        assert!(
            card.contains("<time datetime=\"2024-05-02\">2. Mai 2024</time>"),
            "{card}"
        );
        assert!(card.contains("4 Min. Lesezeit</span> · aktualisiert <time datetime=\"2024-06-01\">1. Juni 2024</time> · <span class=\"draft\">Entwurf</span>"), "{card}");
        assert!(card.contains("aria-label=\"Schlagwörter\""), "{card}");
        // A tag link reads "Schlagwort: C&C" on its own; only the name shows.
        assert!(
            card.contains(
                "href=\"/tags/c-c\"><span class=\"visually-hidden\">Schlagwort: </span>C&amp;C</a>"
            ),
            "{card}"
        );
        let archive = Markup::new("")
            .in_lang(Lang::Ja)
            .archive_text(&query::archive_by_year(&manifest));
        assert!(
            archive.starts_with(
                "<h1 class=\"page-heading\">アーカイブ</h1><p class=\"count\">1件の記事</p>"
            ),
            "{archive}"
        );
        assert!(archive.contains("5月"), "{archive}");
        let results = query::SearchIndex::new(&manifest).search("nothing", 10);
        assert_eq!(
            Markup::new("")
                .in_lang(Lang::Fr)
                .search_results_text("nothing", &results),
            "<p class=\"count\" role=\"status\">Aucun article ne correspond à « nothing ».</p>"
        );
        let header =
            Markup::new("")
                .in_lang(Lang::He)
                .post_header_text(&manifest.posts[0], None, None);
        assert!(
            header.starts_with("<p class=\"back\"><a href=\"/\">→ כל הפוסטים</a></p>"),
            "{header}"
        );
        assert!(
            header.contains("<p class=\"byline\">מאת &lt;i&gt;Eve&lt;/i&gt;</p>"),
            "{header}"
        );
    }

    #[test]
    fn search_results_mark_matches_and_escape_everything() {
        let manifest = site(HOSTILE);
        let markup = Markup::new("");
        let results = query::SearchIndex::new(&manifest).search("script", 10);
        let html = markup.search_results_text("script", &results);
        assert!(
            html.starts_with("<p class=\"count\" role=\"status\">1 result for “script”</p>"),
            "{html}"
        );
        assert!(
            html.contains("&lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt;"),
            "{html}"
        );
        assert!(!html.contains("<script"), "{html}");
        let empty = SearchResults {
            total: 0,
            hits: Vec::new(),
        };
        let none = markup.search_results_text("<img>", &empty);
        assert_eq!(
            none,
            "<p class=\"count\" role=\"status\">No posts match “&lt;img&gt;”.</p>"
        );
        assert!(markup
            .search_results_text("  ", &empty)
            .contains("search-hint"));
    }

    #[test]
    fn the_archive_groups_by_year_and_month() {
        let manifest = site(
            r#"{"slug":"a","title":"A & B","date":"2023-12-31","file":"posts/a.md"},
            {"slug":"b","title":"B","date":"2024-01-02","file":"posts/b.md"},
            {"slug":"c","title":"C","date":"2024-01-20","file":"posts/c.md"}"#,
        );
        let html = Markup::new("").archive_text(&query::archive_by_year(&manifest));
        assert!(
            html.starts_with(
                "<h1 class=\"page-heading\">Archive</h1><p class=\"count\">3 posts</p>"
            ),
            "{html}"
        );
        let y2024 = html
            .find("<h2 id=\"y2024\">2024 <span class=\"count\">2 posts</span></h2>")
            .unwrap();
        let y2023 = html
            .find("<h2 id=\"y2023\">2023 <span class=\"count\">1 post</span></h2>")
            .unwrap();
        assert!(y2024 < y2023, "newest year first");
        assert!(
            html.contains(
                "<h3 class=\"archive-month\">January <span class=\"count\">2 posts</span></h3>"
            ),
            "{html}"
        );
        assert!(
            html.find("/posts/c").unwrap() < html.find("/posts/b").unwrap(),
            "newest post first"
        );
        assert!(html.contains(">A &amp; B</a>"));
        assert!(Markup::new("").archive_text(&[]).contains("No posts yet."));
    }

    #[test]
    fn the_post_footer_offers_editing_and_sharing_only_when_it_can() {
        let manifest = site(HOSTILE);
        let post = &manifest.posts[0];
        let markup = Markup::new("");
        let around = Neighbours::default();
        let bare = markup.post_footer(post, &around, &[], &manifest.site, None);
        assert_eq!(bare.as_str(), "");
        let configured = site_with(
            r#""edit_url":"https://github.com/me/blog/edit/main/","comments":{"provider":"utterances","repo":"me/blog"}"#,
            HOSTILE,
        );
        let html = markup.post_footer(
            &configured.posts[0],
            &around,
            &[],
            &configured.site,
            Some("https://example.org/posts/x"),
        );
        assert!(html
            .as_str()
            .ends_with("<section class=\"comments\" aria-label=\"Comments\"></section>"));
        let html = html.as_str();
        assert!(html.contains("<a href=\"https://github.com/me/blog/edit/main/posts/x.md\" rel=\"noopener\">Edit this page</a>"), "{html}");
        assert!(html.contains("href=\"https://bsky.app/intent/compose?text=%3Cscript%3Ealert%281%29%3C%2Fscript%3E%20https%3A%2F%2Fexample.org%2Fposts%2Fx\""), "{html}");
        assert!(html.contains("mailto:?subject="), "{html}");
        assert!(!html.contains("<script"), "{html}");
    }

    #[test]
    fn a_cover_image_is_escaped_and_its_box_reserved() {
        let manifest = site(
            r#"{"slug":"c","title":"C","date":"2024-01-01","file":"posts/c.md","cover":"images/a\"b.png"}"#,
        );
        let html = Markup::new("").post_header_text(&manifest.posts[0], None, None);
        assert!(
            html.ends_with(
                "<img class=\"cover\" src=\"images/a&quot;b.png\" alt=\"\" decoding=\"async\"><div class=\"reading-progress\" aria-hidden=\"true\"></div>"
            ),
            "{html}"
        );
    }

    #[test]
    fn post_nav_links_newer_older_and_related() {
        let manifest = site(
            r#"{"slug":"a","title":"A","date":"2024-01-01","file":"posts/a.md","tags":["go"]},
            {"slug":"b","title":"<B>","date":"2024-01-02","file":"posts/b.md","tags":["go"]},
            {"slug":"c","title":"C","date":"2024-01-03","file":"posts/c.md"}"#,
        );
        let markup = Markup::new("");
        let Some(b) = manifest.post("b") else {
            panic!("b")
        };
        let around = query::neighbours(&manifest, "b");
        let related = query::related(&manifest, b, 3);
        let html = markup.post_nav_text(around.newer.as_deref(), around.older.as_deref(), &related);
        assert!(html.contains("<a rel=\"prev\" class=\"prev\" href=\"/posts/c\"><span class=\"label\">Newer</span> <span class=\"title\">C</span></a>"), "{html}");
        assert!(
            html.contains("<a rel=\"next\" class=\"next\" href=\"/posts/a\">"),
            "{html}"
        );
        assert!(
            html.contains(
                "<h2 id=\"related-heading\">Related posts</h2><ul><li><a href=\"/posts/a\">A</a>"
            ),
            "{html}"
        );
        let Some(c) = manifest.post("c") else {
            panic!("c")
        };
        let html = markup.post_nav_text(None, Some(b), &query::related(&manifest, c, 3));
        assert!(
            html.contains("&lt;B&gt;") && !html.contains("related"),
            "{html}"
        );
    }

    #[test]
    fn error_and_not_found_views_are_alerts_that_escape_what_they_quote() {
        let markup = Markup::new("/blog/");
        let error = markup
            .load_error("posts.json is not <JSON> & more")
            .as_str()
            .to_string();
        assert_eq!(
            error,
            "<section class=\"notice error\" role=\"alert\"><h1>This page could not be loaded</h1><p class=\"reason\">posts.json is not &lt;JSON&gt; &amp; more</p><p><a href=\"/blog/\">← Back to the home page</a></p></section>"
        );
        let missing = markup
            .not_found("There is no post called “<script>”.")
            .as_str()
            .to_string();
        assert!(missing.starts_with("<section class=\"notice not-found\" role=\"alert\"><p class=\"status\">404 · Not found</p>"), "{missing}");
        assert!(
            missing.contains(
                "<p class=\"reason\">There is no post called “&lt;script&gt;”. It may have moved"
            ),
            "{missing}"
        );
        assert!(!missing.contains("<script>"), "{missing}");
        assert!(
            missing.ends_with("<a href=\"/blog/\">← Back to the home page</a></p></section>"),
            "{missing}"
        );
        let german = Markup::new("")
            .in_lang(Lang::De)
            .load_error("x")
            .as_str()
            .to_string();
        assert!(
            german.contains("<h1>Diese Seite konnte nicht geladen werden</h1>"),
            "{german}"
        );
    }

    #[test]
    fn a_post_body_error_names_the_file() {
        let html = Markup::new("")
            .post_body_error(
                "posts/a&b.md",
                "posts/a&b.md was not found on the server (HTTP 404).",
            )
            .as_str()
            .to_string();
        assert!(html.starts_with("<div class=\"notice error\" role=\"alert\"><p><strong>The text of this post could not be loaded.</strong></p>"), "{html}");
        assert!(
            html.contains(
                "<p class=\"reason\">posts/a&amp;b.md was not found on the server (HTTP 404).</p>"
            ),
            "{html}"
        );
        assert!(
            html.contains("<p class=\"hint\">The manifest says it is in posts/a&amp;b.md.</p>"),
            "{html}"
        );
    }

    #[test]
    fn the_skipped_notice_lists_each_problem_or_is_absent() {
        let markup = Markup::new("");
        assert_eq!(markup.skipped_notice(0, &[]), None);
        let text = |html: Option<SafeHtml>| html.map(|html| html.as_str().to_string());
        let reasons = ["posts[1].date: \"<b>\" is not a date".to_string()];
        assert_eq!(
            text(markup.skipped_notice(1, &reasons)).unwrap_or_default(),
            "<details class=\"notice skipped\" role=\"status\"><summary>1 post could not be shown because of a problem in posts.json.</summary><ul><li><code>posts[1].date: &quot;&lt;b&gt;&quot; is not a date</code></li></ul></details>"
        );
        let html = text(markup.skipped_notice(3, &[])).unwrap_or_default();
        assert!(
            html.contains("3 posts could not be shown because of problems in posts.json."),
            "{html}"
        );
    }

    #[test]
    fn the_footer_names_the_site_when_there_is_one() {
        let markup = Markup::new("");
        let manifest = site(r#"{"slug":"a","title":"A","date":"2024-01-01","file":"a.md"}"#);
        let html = markup.footer(Some(&manifest.site));
        assert!(
            html.as_str().contains("<p>T · Made with <a"),
            "{}",
            html.as_str()
        );
        let html = markup.footer(None);
        assert!(
            html.as_str().contains("<p>Made with <a"),
            "{}",
            html.as_str()
        );
    }
}
