//! Markdown to HTML: the only place where a post becomes HTML.
//!
//! pulldown-cmark's HTML writer copies raw HTML through, escapes link URLs without looking
//! at their scheme, and writes heading `{attr=…}` pairs as attributes. The event filter
//! here closes all three: raw HTML becomes visible text, links and images with a scheme
//! other than http, https or mailto lose their URL (their text stays), and headings keep
//! only an id that Folio computes. It also resolves relative links against the post's
//! folder and renders footnotes with links both ways.

use std::collections::HashMap;

use pulldown_cmark::{
    Alignment, BlockQuoteKind, CodeBlockKind, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd,
};

use crate::html::escape;
use crate::i18n::{Lang, Strings};
use crate::images::ImageSize;
use crate::manifest::{normalise_site_path, Manifest, Post};
use crate::route::Route;
use crate::sanitize::{RawHtml, Sanitizer};
use crate::slug::slugify;

/// HTML produced by [`render`]. It has no other constructor, so holding one means the text
/// went through the filter; `MarkdownBody` in the app is the only place that sets it as HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SafeHtml(String);

impl SafeHtml {
    /// HTML that [`render`] produced in another context and that was carried here as text
    /// (the app renders in a Web Worker). Call it on nothing else: `tests/tidy.rs` allows
    /// it only in the app's `src/renderer.rs`.
    pub fn from_rendered(html: String) -> SafeHtml {
        SafeHtml(html)
    }

    /// Markup that [`crate::html::Markup`] wrote, every outside string escaped.
    pub(crate) fn from_markup(html: String) -> SafeHtml {
        SafeHtml(html)
    }

    /// The HTML text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the post has math (`$…$`, `$$…$$`) or Mermaid diagrams, which the page draws
    /// with `rich-content.js` (KaTeX, and Mermaid in a sandboxed frame).
    pub fn has_math_or_diagrams(&self) -> bool {
        self.0.contains("<span class=\"math math-") || self.0.contains("<pre class=\"mermaid\">")
    }
}

/// The script that draws math and diagrams, relative to the site root.
pub const RICH_CONTENT_SCRIPT: &str = "rich-content.js";

/// What a post needs to render. Built by [`RenderOptions::for_post`], the one constructor
/// that the app and the CLI share, so both produce the same HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderOptions<'a> {
    /// The Markdown file, relative to the site root; relative links resolve against its folder.
    file: &'a str,
    /// The post's own address relative to the site root, without the leading `/`, so that
    /// `#fragment` links stay on the post even under `<base href>`.
    page: String,
    /// `(file, href)` of other posts this one may link to, so `other.md` links to that post.
    post_links: Vec<(String, String)>,
    /// What raw HTML may do.
    raw_html: RawHtml,
    /// The language of the renderer's own words (copy buttons, alert titles, contents).
    lang: Lang,
    /// The sizes of the post's images that the manifest knows.
    image_sizes: Vec<ImageSize>,
}

impl<'a> RenderOptions<'a> {
    /// Options for rendering `post` (whose text is `markdown`), linking to other posts of
    /// `manifest`. Only the posts this text links to are kept, which keeps the options small
    /// enough to send to a worker and the cost independent of the size of the site.
    pub fn for_post(manifest: &Manifest, post: &'a Post, markdown: &str) -> RenderOptions<'a> {
        // A plain scan, not a parse: the app renders in a worker, and a parse here would
        // pull the Markdown parser back into the app's own wasm.
        let post_links = md_link_candidates(markdown)
            .into_iter()
            .filter_map(|candidate| resolve_relative(&post.file, candidate))
            .filter_map(|target| manifest.post_by_file(&target))
            .map(|other| {
                (
                    other.file.clone(),
                    relative(&Route::Post(&other.slug).href()),
                )
            })
            .collect();
        RenderOptions {
            file: &post.file,
            page: relative(&Route::Post(&post.slug).href()),
            post_links,
            raw_html: manifest.site.raw_html,
            lang: manifest.site.lang(),
            image_sizes: post.images.clone(),
        }
    }

    /// Options rebuilt from their parts, as [`RenderOptions::file`], [`RenderOptions::page`]
    /// and [`RenderOptions::post_links`] return them (the app sends them to its render worker).
    pub fn from_parts(
        file: &'a str,
        page: &str,
        post_links: Vec<(String, String)>,
        raw_html: RawHtml,
        lang: Lang,
    ) -> RenderOptions<'a> {
        RenderOptions {
            file,
            page: page.trim_start_matches('/').to_string(),
            post_links,
            raw_html,
            lang,
            image_sizes: Vec::new(),
        }
    }

    /// The same options with the sizes of the post's images.
    pub fn with_image_sizes(self, image_sizes: Vec<ImageSize>) -> RenderOptions<'a> {
        RenderOptions {
            image_sizes,
            ..self
        }
    }

    /// The sizes of the post's images.
    pub fn image_sizes(&self) -> &[ImageSize] {
        &self.image_sizes
    }

    /// The language of the renderer's own words.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// What raw HTML may do.
    pub fn raw_html(&self) -> RawHtml {
        self.raw_html
    }

    /// The Markdown file, relative to the site root.
    pub fn file(&self) -> &str {
        self.file
    }

    /// The post's own address relative to the site root.
    pub fn page(&self) -> &str {
        &self.page
    }

    /// `(file, href)` of the posts this one may link to.
    pub fn post_links(&self) -> &[(String, String)] {
        &self.post_links
    }
}

/// Every word of `markdown` that looks like a path to a `.md` file (`../a.md`,
/// `other.md#part`): a superset of the post files it links to.
fn md_link_candidates(markdown: &str) -> Vec<&str> {
    let is_delimiter =
        |c: char| c.is_whitespace() || matches!(c, '(' | '<' | '[' | ']' | '"' | '\'' | '`');
    let mut candidates = Vec::new();
    for (at, _) in markdown.match_indices(".md") {
        let end = at + 3;
        let next = markdown[end..].chars().next();
        if next.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '-') {
            continue;
        }
        let start = markdown[..at]
            .rfind(is_delimiter)
            .map_or(0, |index| index + 1);
        let candidate = &markdown[start..end];
        if !candidate.is_empty() && !candidates.contains(&candidate) {
            candidates.push(candidate);
        }
    }
    candidates
}

/// The parser, with the options every caller must share.
pub(crate) fn parser(text: &str) -> Parser<'_> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_GFM
        | Options::ENABLE_MATH;
    Parser::new_ext(text, options)
}

/// The Markdown after any YAML (`---`) or TOML (`+++`) front matter, and after a byte
/// order mark. Text without a closed front matter block is returned whole.
pub fn strip_front_matter(text: &str) -> &str {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for fence in ["---", "+++"] {
        let Some(rest) = text.strip_prefix(fence) else {
            continue;
        };
        let Some(rest) = rest
            .strip_prefix("\r\n")
            .or_else(|| rest.strip_prefix('\n'))
        else {
            continue;
        };
        let mut offset = 0;
        for line in rest.split_inclusive('\n') {
            if line.trim_end() == fence {
                return &rest[offset + line.len()..];
            }
            offset += line.len();
        }
    }
    text
}

/// A summary for a post that has none: the text before `<!-- more -->`, else the first
/// paragraph, as plain text (markup dropped, whitespace collapsed). `None` for a post
/// with no prose.
pub fn summary(markdown: &str) -> Option<String> {
    let body = strip_front_matter(markdown);
    let more = body
        .find("<!-- more -->")
        .or_else(|| body.find("<!--more-->"));
    let mut text = String::new();
    let mut depth_in_paragraph = 0usize;
    let mut n_paragraphs = 0usize;
    for event in parser(more.map_or(body, |at| &body[..at])) {
        match event {
            Event::Start(Tag::Paragraph) => {
                depth_in_paragraph += 1;
                if n_paragraphs > 0 && more.is_some() {
                    text.push(' ');
                }
            }
            Event::End(TagEnd::Paragraph) => {
                depth_in_paragraph = depth_in_paragraph.saturating_sub(1);
                n_paragraphs += 1;
                if more.is_none() {
                    break;
                }
            }
            Event::Text(part) | Event::Code(part) if depth_in_paragraph > 0 => text.push_str(&part),
            Event::SoftBreak | Event::HardBreak if depth_in_paragraph > 0 => text.push(' '),
            _ => {}
        }
    }
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!collapsed.is_empty()).then_some(collapsed)
}

/// A link or image in a post, with the 1-based line it is on (counting front matter).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRef {
    /// The URL as written.
    pub url: String,
    /// 1-based line in the file.
    pub line: usize,
    /// Whether it is an image.
    pub is_image: bool,
}

/// Every link and image of a post, for `folio check`.
pub fn links(markdown: &str) -> Vec<LinkRef> {
    let body = strip_front_matter(markdown);
    let offset = markdown.len() - body.len();
    let line_of = |at: usize| {
        markdown[..(offset + at).min(markdown.len())]
            .matches('\n')
            .count()
            + 1
    };
    parser(body)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link {
                dest_url,
                link_type,
                ..
            }) if link_type != LinkType::Email => Some(LinkRef {
                url: dest_url.to_string(),
                line: line_of(range.start),
                is_image: false,
            }),
            Event::Start(Tag::Image { dest_url, .. }) => Some(LinkRef {
                url: dest_url.to_string(),
                line: line_of(range.start),
                is_image: true,
            }),
            _ => None,
        })
        .collect()
}

/// The site-relative paths of the local images a post shows (Markdown images), each once.
pub fn image_paths(file: &str, markdown: &str) -> Vec<String> {
    let mut paths: Vec<String> = Vec::new();
    for link in links(markdown).into_iter().filter(|link| link.is_image) {
        if let Some(path) = resolve_relative(file, &link.url) {
            if !paths.contains(&path) {
                paths.push(path);
            }
        }
    }
    paths
}

/// Where a relative link in `file` points, as a site-relative path without `#` or `?`
/// part, percent-decoded (the file's name on disk: `my%20photo.png` is `my photo.png`);
/// `None` for absolute URLs, fragments and paths that leave the site.
pub fn resolve_relative(file: &str, url: &str) -> Option<String> {
    if classify(url) != Destination::Relative || url.is_empty() {
        return None;
    }
    let path = crate::slug::percent_decode(url.split(['?', '#']).next().unwrap_or(url));
    let folder = file.rsplit_once('/').map_or("", |(folder, _)| folder);
    let joined = if folder.is_empty() {
        path.to_string()
    } else {
        format!("{folder}/{path}")
    };
    normalise_site_path(&joined)
}

/// The words of a post's prose for the full-text search index: text outside code blocks,
/// each distinct word once (lowercased), in order of first use. Search matches inside
/// words, so this keeps what it needs at a fraction of the text's size.
pub fn index_words(markdown: &str) -> String {
    let mut seen = std::collections::HashSet::new();
    let mut words = String::new();
    let mut in_code = false;
    for event in parser(strip_front_matter(markdown)) {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Text(text) | Event::Code(text) if !in_code => {
                for word in text
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                {
                    let word = crate::case::lowercase(word);
                    if seen.insert(word.clone()) {
                        if !words.is_empty() {
                            words.push(' ');
                        }
                        words.push_str(&word);
                    }
                }
            }
            _ => {}
        }
    }
    words
}

/// The file `folio build` writes for full-text search: the posts' words as a
/// [`crate::text_index::TextIndex`] (its format is documented there).
pub const TEXT_INDEX_FILE: &str = "search-index.json";

/// The class and title of an alert block quote.
fn alert(kind: BlockQuoteKind, t: &Strings) -> (&'static str, &'static str) {
    match kind {
        BlockQuoteKind::Note => ("note", t.note),
        BlockQuoteKind::Tip => ("tip", t.tip),
        BlockQuoteKind::Important => ("important", t.important),
        BlockQuoteKind::Warning => ("warning", t.warning),
        BlockQuoteKind::Caution => ("caution", t.caution),
    }
}

/// The language of a fenced code block: the first word of its info string, as CommonMark
/// says (`rust`, `rust,ignore`, `python title="x"`).
fn code_language(info: &str) -> String {
    info.split_whitespace()
        .next()
        .unwrap_or_default()
        .to_string()
}

/// A code block: highlighted when the language is known, escaped otherwise, with a copy
/// button (which the app wires up) placed over the block so it takes no room. Mermaid
/// diagrams stay source text in `<pre class="mermaid">`.
fn code_block(language: &str, code: &str, t: &Strings) -> String {
    if language == "mermaid" {
        return format!("<pre class=\"mermaid\">{}</pre>\n", escape(code));
    }
    // `rust,ignore` and `rust{.class}` highlight as Rust.
    let known = language.split([',', '{']).next().unwrap_or_default();
    let body = crate::highlight::highlight(code, known).unwrap_or_else(|| escape(code));
    let language = escape(language);
    let (class, label) = if language.is_empty() {
        (String::new(), String::new())
    } else {
        (
            format!(" class=\"language-{language}\""),
            format!(" data-lang=\"{}\"", escape(&crate::case::lowercase(known))),
        )
    };
    // tabindex: a block wider than the page scrolls, and keyboard users must reach it.
    format!("<div class=\"code-block\"{label}><pre tabindex=\"0\"><code{class}>{body}</code></pre><button type=\"button\" class=\"copy-code\">{}</button></div>\n", t.copy)
}

/// Renders a post's Markdown (front matter is skipped) to sanitised HTML.
pub fn render(markdown: &str, options: &RenderOptions<'_>) -> SafeHtml {
    render_counted(markdown, options).html
}

/// A substring searcher for the passes over a rendered post. memchr's prefilter is made for
/// vector instructions: without them (WebAssembly without SIMD) it was a tenth of the
/// render worker's time in Chromium's profiler, so there the searcher goes without it.
pub(crate) fn finder(needle: &str) -> memchr::memmem::Finder<'_> {
    let prefilter = if cfg!(all(target_family = "wasm", not(target_feature = "simd128"))) {
        memchr::memmem::Prefilter::None
    } else {
        memchr::memmem::Prefilter::Auto
    };
    memchr::memmem::FinderBuilder::new()
        .prefilter(prefilter)
        .build_forward(needle.as_bytes())
}

/// A rendered post and its length.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// The HTML, as [`render`] writes it.
    pub html: SafeHtml,
    /// Words of prose, as [`crate::reading_time::words`] counts them.
    pub words: usize,
}

impl Rendered {
    /// Minutes to read, as [`crate::reading_time::minutes`] says.
    pub fn minutes(&self) -> u32 {
        crate::reading_time::minutes_for(self.words)
    }
}

/// The HTML element a Markdown element writes around its content, for the allowlist's
/// rules on where a raw element may start (`""`: none, or never holds raw HTML).
fn element_of(tag: &Tag<'_>) -> &'static str {
    use pulldown_cmark::HeadingLevel;
    match tag {
        Tag::Paragraph => "p",
        Tag::Heading { level, .. } => match level {
            HeadingLevel::H1 => "h1",
            HeadingLevel::H2 => "h2",
            HeadingLevel::H3 => "h3",
            HeadingLevel::H4 => "h4",
            HeadingLevel::H5 => "h5",
            HeadingLevel::H6 => "h6",
        },
        Tag::BlockQuote(_) => "blockquote",
        Tag::CodeBlock(_) => "pre",
        Tag::List(Some(_)) => "ol",
        Tag::List(None) => "ul",
        // A footnote's text is written in an item of the notes' list.
        Tag::Item | Tag::FootnoteDefinition(_) => "li",
        Tag::DefinitionList => "dl",
        Tag::DefinitionListTitle => "dt",
        Tag::DefinitionListDefinition => "dd",
        Tag::Table(_) => "table",
        Tag::TableHead => "thead",
        Tag::TableRow => "tr",
        Tag::TableCell => "td",
        Tag::Emphasis => "em",
        Tag::Strong => "strong",
        Tag::Strikethrough => "del",
        Tag::Superscript => "sup",
        Tag::Subscript => "sub",
        Tag::Link { .. } => "a",
        Tag::Image { .. } | Tag::HtmlBlock | Tag::MetadataBlock(_) => "",
    }
}

/// [`render`], counting the words in the same pass (one parse instead of two).
pub fn render_counted(markdown: &str, options: &RenderOptions<'_>) -> Rendered {
    render_body_counted(strip_front_matter(markdown), options)
}

/// [`render`] for Markdown that is all body: text that starts with `---` lines is Markdown
/// (a rule, a heading), not front matter. For Markdown that is not a post file, such as
/// the CommonMark spec's examples.
pub fn render_body(body: &str, options: &RenderOptions<'_>) -> SafeHtml {
    render_body_counted(body, options).html
}

fn render_body_counted(markdown: &str, options: &RenderOptions<'_>) -> Rendered {
    let mut words = crate::reading_time::WordCount::default();
    let mut filter = Filter::new(options);
    // About one event for every 12 bytes of Markdown in typical posts.
    let mut out: Vec<Event<'_>> = Vec::with_capacity(markdown.len() / 12 + 8);
    let mut heading: Option<(Tag<'_>, Vec<Event<'_>>)> = None;
    let mut footnote: Option<(String, Vec<Event<'_>>)> = None;
    let mut table = AlignedCells::default();
    for event in parser(markdown) {
        words.see(&event);
        // Raw HTML never crosses a Markdown element (a paragraph, list item, quote, heading,
        // table cell, footnote, link, ...): what it opens in one is closed before the
        // element's end, which a browser would otherwise close first, leaving a later
        // closing tag to end a wrapper of the page. An HTML block is raw HTML itself, so
        // `<details>` blocks can hold Markdown paragraphs.
        match &event {
            Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => {}
            Event::Start(_) | Event::End(_) => {
                let closing = match &event {
                    Event::Start(tag) => filter.sanitizer.enter(element_of(tag)),
                    _ => filter.sanitizer.leave(),
                };
                if !closing.is_empty() {
                    let target = match (&mut heading, &mut footnote) {
                        (Some((_, buffer)), _) | (None, Some((_, buffer))) => buffer,
                        (None, None) => &mut out,
                    };
                    target.push(Event::Html(CowStr::from(closing)));
                }
            }
            _ => {}
        }
        // Footnote definitions are collected and written at the end, in reference order.
        match event {
            Event::Start(Tag::FootnoteDefinition(label)) => {
                footnote = Some((label.to_string(), Vec::new()));
                continue;
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                if let Some(definition) = footnote.take() {
                    filter.definitions.push(definition);
                }
                continue;
            }
            _ => {}
        }
        // A heading's events are held until its end (its id comes from its text), also
        // inside a footnote.
        let target = match (&mut heading, &mut footnote) {
            (Some((_, buffer)), _) | (None, Some((_, buffer))) => buffer,
            (None, None) => &mut out,
        };
        // Aligned table cells are written here, with a class: the HTML writer would give
        // them an inline style, which a strict CSP (style-src 'self') refuses.
        let event = match table.cell(event) {
            Ok(event) => event,
            Err(html) => {
                target.push(Event::Html(CowStr::from(html)));
                continue;
            }
        };
        match event {
            Event::Start(start @ Tag::Heading { .. }) => heading = Some((start, Vec::new())),
            Event::End(TagEnd::Heading(level)) => {
                if let Some((start, inner)) = heading.take() {
                    let target = match &mut footnote {
                        Some((_, buffer)) => buffer,
                        None => &mut out,
                    };
                    filter.heading(start, inner, level, target);
                }
            }
            event => filter.event(event, target),
        }
    }
    // Close what raw HTML left open, so it cannot swallow what follows the post.
    let closing = filter.sanitizer.close_all();
    if !closing.is_empty() {
        out.push(Event::Html(CowStr::from(closing)));
    }
    filter.footnotes(&mut out);
    if let Some(toc) = filter.table_of_contents() {
        out.insert(0, Event::Html(CowStr::from(toc)));
    }
    // The HTML is about 1.6 times the Markdown (tags, highlighting): room for it at once.
    let mut html = String::with_capacity(markdown.len() * 2);
    pulldown_cmark::html::push_html(&mut html, out.into_iter());
    Rendered {
        html: SafeHtml(html),
        words: words.words,
    }
}

/// The alignments of the table being read, and where in it the reader is: for writing
/// its aligned cells with classes instead of the HTML writer's inline styles.
#[derive(Default)]
struct AlignedCells {
    alignments: Vec<Alignment>,
    in_head: bool,
    column: usize,
    /// The closing tag of the aligned cell being read.
    closing: Option<&'static str>,
}

impl AlignedCells {
    /// `event`, or the HTML that replaces it: the start and end of an aligned cell. The
    /// writer is told the table has no alignments, so it writes plain cells.
    fn cell<'a>(&mut self, event: Event<'a>) -> Result<Event<'a>, &'static str> {
        match event {
            Event::Start(Tag::Table(alignments)) => {
                self.alignments = alignments;
                Ok(Event::Start(Tag::Table(Vec::new())))
            }
            Event::Start(Tag::TableHead) => {
                self.in_head = true;
                self.column = 0;
                Ok(event)
            }
            Event::End(TagEnd::TableHead) => {
                self.in_head = false;
                Ok(event)
            }
            Event::Start(Tag::TableRow) => {
                self.column = 0;
                Ok(event)
            }
            Event::Start(Tag::TableCell) => {
                let (th, td) = match self.alignments.get(self.column) {
                    Some(Alignment::Left) => {
                        ("<th class=\"align-left\">", "<td class=\"align-left\">")
                    }
                    Some(Alignment::Center) => {
                        ("<th class=\"align-center\">", "<td class=\"align-center\">")
                    }
                    Some(Alignment::Right) => {
                        ("<th class=\"align-right\">", "<td class=\"align-right\">")
                    }
                    _ => return Ok(event),
                };
                self.closing = Some(if self.in_head { "</th>" } else { "</td>" });
                Err(if self.in_head { th } else { td })
            }
            Event::End(TagEnd::TableCell) => {
                self.column += 1;
                match self.closing.take() {
                    Some(closing) => Err(closing),
                    None => Ok(event),
                }
            }
            event => Ok(event),
        }
    }
}

struct Filter<'o, 'a> {
    options: &'o RenderOptions<'a>,
    /// For each open link or image: whether its URL was dropped, so its end is dropped too.
    dropped: Vec<bool>,
    used_ids: HashMap<String, usize>,
    /// Footnote labels in the order of their first reference.
    numbers: Vec<String>,
    definitions: Vec<(String, Vec<Event<'a>>)>,
    /// The text of the raw HTML block being read, if any.
    html_block: Option<String>,
    /// The allowlist, with the elements raw HTML left open.
    sanitizer: Sanitizer,
    /// (is h3, id, text) of the h2 and h3 headings, for the table of contents.
    toc: Vec<(bool, String, String)>,
    /// The code block being read: its language (empty for none) and text.
    code_block: Option<(String, String)>,
    /// The image being read, written whole when it ends.
    image: Option<OpenImage>,
}

/// A Markdown image whose alt text is being read. The filter writes images itself (the
/// HTML writer would need a pass over the whole output to add the loading attributes and
/// the size).
struct OpenImage {
    /// The resolved URL, not yet escaped.
    src: String,
    title: String,
    /// The alt text so far, escaped.
    alt: String,
    /// Elements open inside the alt text (links, emphasis), which it leaves out.
    depth: usize,
}

impl OpenImage {
    /// Reads one event of the alt text as the HTML writer does: text only, markup left out.
    /// `true` when the image ends with it.
    fn read(&mut self, event: &Event<'_>) -> bool {
        let alt = &mut self.alt;
        match event {
            Event::Start(_) => self.depth += 1,
            Event::End(_) if self.depth == 0 => return true,
            Event::End(_) => self.depth -= 1,
            Event::Html(_) => {}
            Event::InlineHtml(text) | Event::Code(text) | Event::Text(text) => {
                let _ = pulldown_cmark_escape::escape_html(&mut *alt, text);
            }
            Event::InlineMath(text) => {
                alt.push('$');
                let _ = pulldown_cmark_escape::escape_html(&mut *alt, text);
                alt.push('$');
            }
            Event::DisplayMath(text) => {
                alt.push_str("$$");
                let _ = pulldown_cmark_escape::escape_html(&mut *alt, text);
                alt.push_str("$$");
            }
            Event::SoftBreak | Event::HardBreak | Event::Rule => alt.push(' '),
            Event::FootnoteReference(label) => {
                let _ = pulldown_cmark_escape::escape_html(&mut *alt, &format!("[^{label}]"));
            }
            Event::TaskListMarker(true) => alt.push_str("[x]"),
            Event::TaskListMarker(false) => alt.push_str("[ ]"),
        }
        false
    }

    /// The `<img>` tag: it loads when it comes near the viewport, so it never competes
    /// with the text, and it reserves its box when the manifest knows its size.
    fn html(&self, sizes: &[ImageSize]) -> String {
        let mut html = String::with_capacity(self.src.len() + self.alt.len() + 96);
        html.push_str("<img loading=\"lazy\" decoding=\"async\"");
        if let Some(size) = crate::images::size_of(sizes, &self.src) {
            html.push_str(&format!(
                " width=\"{}\" height=\"{}\"",
                size.width, size.height
            ));
        }
        html.push_str(" src=\"");
        let _ = pulldown_cmark_escape::escape_href(&mut html, &self.src);
        html.push_str("\" alt=\"");
        html.push_str(&self.alt);
        if !self.title.is_empty() {
            html.push_str("\" title=\"");
            let _ = pulldown_cmark_escape::escape_html(&mut html, &self.title);
        }
        html.push_str("\" />");
        html
    }
}

impl<'o, 'a> Filter<'o, 'a> {
    fn new(options: &'o RenderOptions<'a>) -> Self {
        Filter {
            options,
            dropped: Vec::new(),
            used_ids: HashMap::new(),
            numbers: Vec::new(),
            definitions: Vec::new(),
            html_block: None,
            sanitizer: Sanitizer::default(),
            toc: Vec::new(),
            code_block: None,
            image: None,
        }
    }

    fn event<'e>(&mut self, event: Event<'e>, out: &mut Vec<Event<'e>>) {
        if let Some(image) = &mut self.image {
            if image.read(&event) {
                let html = image.html(&self.options.image_sizes);
                self.image = None;
                out.push(Event::InlineHtml(CowStr::from(html)));
            }
            return;
        }
        if let Some((_, code)) = &mut self.code_block {
            match event {
                Event::Text(text) => code.push_str(&text),
                Event::End(TagEnd::CodeBlock) => {
                    if let Some((language, code)) = self.code_block.take() {
                        out.push(Event::Html(CowStr::from(code_block(
                            &language,
                            &code,
                            self.options.lang.strings(),
                        ))));
                    }
                }
                _ => {}
            }
            return;
        }
        match event {
            // Task list boxes say what they are to screen readers (they have no label).
            Event::TaskListMarker(done) => {
                let t = self.options.lang.strings();
                let (checked, label) = if done {
                    (" checked=\"\"", t.task_done)
                } else {
                    ("", t.task_open)
                };
                out.push(Event::InlineHtml(CowStr::from(format!(
                    "<input disabled=\"\" type=\"checkbox\"{checked} aria-label=\"{label}\"/>\n"
                ))));
            }
            // A display formula wider than a phone scrolls sideways, so keyboards must
            // reach it too.
            Event::DisplayMath(tex) => {
                out.push(Event::InlineHtml(CowStr::from(format!(
                    "<span class=\"math math-display\" tabindex=\"0\">{}</span>",
                    escape(&tex)
                ))));
            }
            // GitHub's alerts, `> [!NOTE]`: a titled, colored block quote.
            Event::Start(Tag::BlockQuote(Some(kind))) => {
                let (class, title) = alert(kind, self.options.lang.strings());
                out.push(Event::Html(CowStr::from(format!(
                    "<blockquote class=\"alert alert-{class}\"><p class=\"alert-title\">{title}</p>\n"
                ))));
            }
            Event::End(TagEnd::BlockQuote(Some(_))) => {
                out.push(Event::Html(CowStr::Borrowed("</blockquote>\n")));
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let language = match kind {
                    CodeBlockKind::Fenced(info) => code_language(&info),
                    CodeBlockKind::Indented => String::new(),
                };
                self.code_block = Some((language, String::new()));
            }
            // Raw HTML goes through the allowlist (or as written, for trusted sites). A
            // block arrives in pieces, so it is collected and cleaned whole.
            Event::Start(Tag::HtmlBlock) => self.html_block = Some(String::new()),
            Event::Html(raw) => match &mut self.html_block {
                Some(block) => block.push_str(&raw),
                None => {
                    let html = self.clean_html(&raw);
                    out.push(Event::Html(CowStr::from(html)));
                }
            },
            Event::End(TagEnd::HtmlBlock) => {
                if let Some(block) = self.html_block.take() {
                    let html = self.clean_html(&block);
                    // A block that was only a comment leaves nothing, not an empty line.
                    if !html.trim().is_empty() {
                        out.push(Event::Html(CowStr::from(html)));
                    }
                }
            }
            Event::InlineHtml(raw) => {
                let html = self.clean_html(&raw);
                out.push(Event::InlineHtml(CowStr::from(html)));
            }
            Event::Start(tag @ (Tag::Link { .. } | Tag::Image { .. })) => match self.checked(tag) {
                Some(Tag::Image {
                    dest_url, title, ..
                }) => {
                    self.image = Some(OpenImage {
                        src: dest_url.into_string(),
                        title: title.into_string(),
                        alt: String::new(),
                        depth: 0,
                    });
                }
                Some(tag) => {
                    self.dropped.push(false);
                    out.push(Event::Start(tag));
                }
                None => self.dropped.push(true),
            },
            Event::End(end @ (TagEnd::Link | TagEnd::Image)) => {
                if !self.dropped.pop().unwrap_or(false) {
                    out.push(Event::End(end));
                }
            }
            Event::FootnoteReference(label) => {
                let label = label.to_string();
                let number = match self.numbers.iter().position(|known| *known == label) {
                    Some(index) => index + 1,
                    None => {
                        self.numbers.push(label.clone());
                        self.numbers.len()
                    }
                };
                let id = slugify(&label);
                let page = &self.options.page;
                out.push(Event::InlineHtml(CowStr::from(format!(
                    r##"<sup class="footnote-ref"><a href="{page}#fn-{id}" id="fnref-{id}">{number}</a></sup>"##
                ))));
            }
            event => out.push(event),
        }
    }

    /// Writes a heading with a unique id: its `{#id}` if it has one, else from its text.
    /// Classes and other attributes from `{.class key=value}` are dropped.
    fn heading<'e>(
        &mut self,
        start: Tag<'e>,
        inner: Vec<Event<'e>>,
        level: pulldown_cmark::HeadingLevel,
        out: &mut Vec<Event<'e>>,
    ) {
        let explicit = match &start {
            Tag::Heading { id: Some(id), .. } => Some(id.to_string()),
            _ => None,
        };
        let text: String = inner
            .iter()
            .filter_map(|event| match event {
                Event::Text(text) | Event::Code(text) => Some(text.as_ref()),
                _ => None,
            })
            .collect();
        let base = slugify(explicit.as_deref().unwrap_or(&text));
        let n_seen = self.used_ids.entry(base.clone()).or_insert(0);
        let id = if *n_seen == 0 {
            base.clone()
        } else {
            format!("{base}-{n_seen}")
        };
        *n_seen += 1;
        out.push(Event::Start(Tag::Heading {
            level,
            id: Some(CowStr::from(id.clone())),
            classes: Vec::new(),
            attrs: Vec::new(),
        }));
        // Already filtered as they were read.
        out.extend(inner);
        // A link to this section, for readers who want to share it.
        out.push(Event::InlineHtml(CowStr::from(format!(
            r##" <a class="anchor" href="{}#{id}" aria-label="{}">#</a>"##,
            self.options.page,
            self.options.lang.strings().section_link
        ))));
        out.push(Event::End(TagEnd::Heading(level)));
        if matches!(
            level,
            pulldown_cmark::HeadingLevel::H2 | pulldown_cmark::HeadingLevel::H3
        ) {
            self.toc
                .push((level == pulldown_cmark::HeadingLevel::H3, id, text));
        }
    }

    /// The table of contents of the h2 and h3 headings, when there are two or more:
    /// open `<details>` so it folds away on a phone.
    fn table_of_contents(&self) -> Option<String> {
        if self.toc.len() < 2 {
            return None;
        }
        let page = &self.options.page;
        let mut html = format!(
            r#"<details class="toc" open><summary>{}</summary><ol>"#,
            self.options.lang.strings().contents
        );
        let mut in_sublist = false;
        for (index, (is_h3, id, text)) in self.toc.iter().enumerate() {
            match (*is_h3 && index > 0, in_sublist) {
                (true, false) => html.push_str("<ol>"),
                (false, true) => html.push_str("</ol></li>"),
                (false, false) if index > 0 => html.push_str("</li>"),
                _ => {}
            }
            in_sublist = *is_h3 && index > 0;
            html.push_str(&format!(
                r#"<li><a href="{page}#{id}">{}</a>"#,
                escape(text)
            ));
            if in_sublist {
                html.push_str("</li>");
            }
        }
        html.push_str(if in_sublist {
            "</ol></li></ol></details>"
        } else {
            "</li></ol></details>"
        });
        Some(html)
    }

    /// Writes the collected footnotes as a numbered list with links back to the text.
    fn footnotes(&mut self, out: &mut Vec<Event<'a>>) {
        if self.definitions.is_empty() {
            return;
        }
        let mut definitions = std::mem::take(&mut self.definitions);
        // Referenced footnotes in reference order, then any that were never referenced.
        definitions.sort_by_key(|(label, _)| {
            self.numbers
                .iter()
                .position(|known| known == label)
                .unwrap_or(usize::MAX)
        });
        let t = self.options.lang.strings();
        out.push(Event::Html(CowStr::from(format!(
            r#"<section class="footnotes" aria-label="{}"><ol>"#,
            t.footnotes
        ))));
        for (label, events) in definitions {
            let id = slugify(&label);
            out.push(Event::Html(CowStr::from(format!(r#"<li id="fn-{id}">"#))));
            // Already filtered as they were read, their raw HTML closed at their end.
            let mut body = events;
            let backref = Event::InlineHtml(CowStr::from(format!(
                r##" <a href="{}#fnref-{id}" class="footnote-backref" aria-label="{}">↩</a>"##,
                self.options.page, t.back_to_text
            )));
            // Inside the last paragraph, so the arrow sits at the end of the note's text.
            match body
                .iter()
                .rposition(|event| matches!(event, Event::End(TagEnd::Paragraph)))
            {
                Some(last) => body.insert(last, backref),
                None => body.push(backref),
            }
            out.extend(body);
            out.push(Event::Html(CowStr::from("</li>")));
        }
        out.push(Event::Html(CowStr::from("</ol></section>")));
    }

    /// Raw HTML as the site allows it.
    fn clean_html(&mut self, raw: &str) -> String {
        let html = match self.options.raw_html {
            RawHtml::Trusted => raw.to_string(),
            RawHtml::Allowlist => {
                let options = self.options;
                let url = |url: &str| {
                    resolve_destination(options, LinkType::Inline, CowStr::from(url.to_string()))
                        .map(|url| url.to_string())
                };
                self.sanitizer.clean(raw, &url)
            }
        };
        // Raw HTML's images load lazily and reserve their box too (the allowlist keeps an
        // author's `loading`, `width` and `height`).
        crate::images::lazy_images(html, &self.options.image_sizes)
    }

    /// A link or image with its URL checked and resolved, or `None` to drop the URL.
    fn checked<'e>(&self, tag: Tag<'e>) -> Option<Tag<'e>> {
        match tag {
            Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            } => {
                let dest_url = resolve_destination(self.options, link_type, dest_url)?;
                Some(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            } => {
                let dest_url = resolve_destination(self.options, link_type, dest_url)?;
                Some(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            other => Some(other),
        }
    }
}

/// The URL to write for a link or image, or `None` to drop it.
fn resolve_destination<'e>(
    options: &RenderOptions<'_>,
    link_type: LinkType,
    url: CowStr<'e>,
) -> Option<CowStr<'e>> {
    if link_type == LinkType::Email {
        // The writer adds `mailto:` to `<user@example.org>` autolinks itself.
        return Some(url);
    }
    match classify(&url) {
        Destination::Allowed => Some(url),
        // A site that trusts raw HTML trusts its authors with any scheme (`irc:`, `tel:`).
        Destination::Forbidden if options.raw_html == RawHtml::Trusted => Some(url),
        Destination::Forbidden => None,
        Destination::Fragment => Some(CowStr::from(format!("{}{url}", options.page))),
        Destination::Relative => Some(CowStr::from(resolve_path(options, &url))),
    }
}

/// `../images/a.png` in `posts/x.md` → `images/a.png`; `other.md#part` → `posts/other#part`
/// when `posts/other.md` is a post. The result is relative to the site root, so it works
/// with the `<base href>` of any deployment path.
fn resolve_path(options: &RenderOptions<'_>, url: &str) -> String {
    let split = url.find(['?', '#']).unwrap_or(url.len());
    let (path, suffix) = url.split_at(split);
    let folder = options
        .file
        .rsplit_once('/')
        .map_or("", |(folder, _)| folder);
    let joined = if folder.is_empty() {
        path.to_string()
    } else {
        format!("{folder}/{path}")
    };
    let Some(resolved) = normalise_site_path(&joined) else {
        // Climbing above the site root: keep what the author wrote.
        return url.to_string();
    };
    let post_href = options
        .post_links
        .iter()
        .find(|(file, _)| *file == resolved);
    match post_href {
        Some((_, href)) => format!("{href}{suffix}"),
        // A post at the site root needs no joining: keep the author's spelling (`./a.png`).
        None if folder.is_empty() => url.to_string(),
        None => format!("{resolved}{suffix}"),
    }
}

/// A URL as the allowlist accepts it (no resolution), for tests of the sanitizer.
#[cfg(test)]
pub(crate) fn allowed_url(url: &str) -> Option<String> {
    (classify(url) != Destination::Forbidden).then(|| url.to_string())
}

/// What kind of URL a link or image has.
#[derive(Debug, PartialEq, Eq)]
enum Destination {
    /// http, https or mailto, or protocol-relative, or root-absolute: written as is.
    Allowed,
    /// Any other scheme (javascript, data, vbscript, file, ...): dropped.
    Forbidden,
    /// `#part`: kept on the post's own page.
    Fragment,
    /// A path relative to the post file.
    Relative,
}

/// Browsers ignore ASCII whitespace and control characters inside a scheme
/// (`jav\tascript:`) and compare it without case, so strip and fold before comparing.
fn classify(url: &str) -> Destination {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_ascii_control() && !c.is_whitespace())
        .collect();
    if cleaned.is_empty() {
        return Destination::Relative;
    }
    if cleaned.starts_with('#') {
        return Destination::Fragment;
    }
    if cleaned.starts_with('/') || cleaned.starts_with('?') {
        return Destination::Allowed;
    }
    match cleaned.find([':', '/', '?', '#']) {
        // A scheme is a letter then letters, digits, `+`, `-` or `.`; anything else before
        // the colon (`foo):`) makes the URL a path, for browsers as for us.
        Some(at) if cleaned[at..].starts_with(':') && is_scheme(&cleaned[..at]) => {
            let scheme = cleaned[..at].to_ascii_lowercase();
            if matches!(scheme.as_str(), "http" | "https" | "mailto") {
                Destination::Allowed
            } else {
                Destination::Forbidden
            }
        }
        _ => Destination::Relative,
    }
}

/// Whether `text` is a URL scheme by RFC 3986's grammar.
fn is_scheme(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// `/posts/a` → `posts/a`.
fn relative(href: &str) -> String {
    href.trim_start_matches('/').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::{parse, Drafts, ParseOptions};

    /// The options of a post at `posts/a.md` on an English site with the allowlist.
    fn options() -> RenderOptions<'static> {
        RenderOptions::from_parts(
            "posts/a.md",
            "posts/a",
            Vec::new(),
            RawHtml::Allowlist,
            Lang::En,
        )
    }

    #[track_caller]
    fn check(markdown: &str, expect: &str) {
        let got = render(markdown, &options());
        assert_eq!(got.as_str().trim(), expect.trim(), "markdown:\n{markdown}");
    }

    #[test]
    fn math_is_kept_as_tex_for_the_page_to_draw_and_prices_stay_text() {
        check(
            "Energy $E = mc^2$ and\n\n$$\n\\int_0^1 x < y\n$$",
            "<p>Energy <span class=\"math math-inline\">E = mc^2</span> and</p>\n<p><span class=\"math math-display\" tabindex=\"0\">\n\\int_0^1 x &lt; y\n</span></p>",
        );
        check("It costs $5 and $10.", "<p>It costs $5 and $10.</p>");
        check("Use $HOME or $ PATH $", "<p>Use $HOME or $ PATH $</p>");
        let options =
            RenderOptions::from_parts("a.md", "a", Vec::new(), RawHtml::Allowlist, Lang::En);
        assert!(render("$x$", &options).has_math_or_diagrams());
        assert!(render("```mermaid\ngraph TD\n```", &options).has_math_or_diagrams());
        assert!(!render("Plain `$x$` text.", &options).has_math_or_diagrams());
    }

    #[test]
    fn commonmark_and_extensions() {
        check(
            "Hello *world* and **bold** and `code`",
            "<p>Hello <em>world</em> and <strong>bold</strong> and <code>code</code></p>",
        );
        check("~~gone~~", "<p><del>gone</del></p>");
        check("- [x] done\n- [ ] todo", "<ul>\n<li><input disabled=\"\" type=\"checkbox\" checked=\"\" aria-label=\"done\"/>\ndone</li>\n<li><input disabled=\"\" type=\"checkbox\" aria-label=\"not done\"/>\ntodo</li>\n</ul>");
        check("| a | b |\n|:--|--:|\n| 1 | 2 |", "<table><thead><tr><th class=\"align-left\">a</th><th class=\"align-right\">b</th></tr></thead><tbody>\n<tr><td class=\"align-left\">1</td><td class=\"align-right\">2</td></tr>\n</tbody></table>");
        // Centered, unaligned and right-aligned columns, a short row, and cell text that
        // looks like the writer's style attribute (a pass over the HTML once rewrote it).
        check("| a | b | c |\n|:-:|---|--:|\n| style=\"text-align: left\" | y |", "<table><thead><tr><th class=\"align-center\">a</th><th>b</th><th class=\"align-right\">c</th></tr></thead><tbody>\n<tr><td class=\"align-center\">style=\"text-align: left\"</td><td>y</td><td class=\"align-right\"></td></tr>\n</tbody></table>");
        check(
            "```rust\nfn main() {}\n```",
            "<div class=\"code-block\" data-lang=\"rust\"><pre tabindex=\"0\"><code class=\"language-rust\"><span class=\"hl-k\">fn</span> main() {}\n</code></pre><button type=\"button\" class=\"copy-code\">Copy</button></div>",
        );
        check(
            "    indented <b>\n",
            "<div class=\"code-block\"><pre tabindex=\"0\"><code>indented &lt;b&gt;\n</code></pre><button type=\"button\" class=\"copy-code\">Copy</button></div>",
        );
        check(
            "```Klingon \"x\" onerror=1\nQapla'\n```",
            "<div class=\"code-block\" data-lang=\"klingon\"><pre tabindex=\"0\"><code class=\"language-Klingon\">Qapla&apos;\n</code></pre><button type=\"button\" class=\"copy-code\">Copy</button></div>",
        );
        check(
            "```mermaid\ngraph TD; A-->B\n```",
            "<pre class=\"mermaid\">graph TD; A--&gt;B\n</pre>",
        );
        check("> quoted", "<blockquote>\n<p>quoted</p>\n</blockquote>");
        check(
            "> [!WARNING]\n> Back up **first**.",
            "<blockquote class=\"alert alert-warning\"><p class=\"alert-title\">Warning</p>\n<p>Back up <strong>first</strong>.</p>\n</blockquote>",
        );
        check("> [!TIP]\n> a", "<blockquote class=\"alert alert-tip\"><p class=\"alert-title\">Tip</p>\n<p>a</p>\n</blockquote>");
        // Not an alert kind GitHub knows: an ordinary quote.
        check(
            "> [!BOGUS]\n> a",
            "<blockquote>\n<p>[!BOGUS]\na</p>\n</blockquote>",
        );
    }

    #[test]
    fn index_words_keep_each_word_of_the_prose_once() {
        let words = index_words("---\ntitle: X\n---\n# Retry, retry!\n\nBack-off and `jitter`, 東京 too.\n\n```rust\nfn hidden() {}\n```\n");
        assert_eq!(words, "retry back off and jitter 東京 too");
        let index = crate::text_index::TextIndex::new(&[("a", words)]);
        assert_eq!(index.words(), 7);
    }

    #[test]
    fn headings_get_unique_ids_and_lose_attributes() {
        let anchor = |id: &str| {
            format!(
                r##" <a class="anchor" href="posts/a#{id}" aria-label="Link to this section">#</a>"##
            )
        };
        check(
            "## Setup {#install}",
            &format!("<h2 id=\"install\">Setup{}</h2>", anchor("install")),
        );
        check(
            "## Evil {#x\" onclick=\"alert(1) .cls onclick=alert(1)}",
            &format!("<h2 id=\"x\">Evil{}</h2>", anchor("x")),
        );
        check(
            "## Evil {onclick=alert(1) .big}",
            &format!("<h2 id=\"evil\">Evil{}</h2>", anchor("evil")),
        );
        check(
            "# 🚀",
            &format!("<h1 id=\"u1f680\">🚀{}</h1>", anchor("u1f680")),
        );
    }

    #[test]
    fn two_or_more_sections_get_a_table_of_contents() {
        check(
            "## Why `unwrap` hurts\n\n### A <b>detail</b>\n\n## Why `unwrap` hurts",
            concat!(
                r#"<details class="toc" open><summary>Contents</summary><ol>"#,
                r#"<li><a href="posts/a#why-unwrap-hurts">Why unwrap hurts</a><ol><li><a href="posts/a#a-detail">A detail</a></li></ol></li>"#,
                r#"<li><a href="posts/a#why-unwrap-hurts-1">Why unwrap hurts</a></li></ol></details>"#,
                "\n",
                r##"<h2 id="why-unwrap-hurts">Why <code>unwrap</code> hurts <a class="anchor" href="posts/a#why-unwrap-hurts" aria-label="Link to this section">#</a></h2>"##,
                "\n",
                r##"<h3 id="a-detail">A <b>detail</b> <a class="anchor" href="posts/a#a-detail" aria-label="Link to this section">#</a></h3>"##,
                "\n",
                r##"<h2 id="why-unwrap-hurts-1">Why <code>unwrap</code> hurts <a class="anchor" href="posts/a#why-unwrap-hurts-1" aria-label="Link to this section">#</a></h2>"##,
            ),
        );
    }

    #[test]
    fn raw_html_goes_through_the_allowlist() {
        check(
            "<script>alert(1)</script>",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
        );
        check(
            "Hi <img src=x onerror=alert(1)> there",
            "<p>Hi <img src=\"posts/x\" loading=\"lazy\"> there</p>",
        );
        check(
            "<details>\n<summary>More</summary>\n\n*Markdown inside*\n\n</details>",
            "<details>\n<summary>More</summary>\n<p><em>Markdown inside</em></p>\n</details>",
        );
        check(
            "First.\n\n<!-- more -->\n\nSecond <!-- inline --> end.",
            "<p>First.</p>\n<p>Second  end.</p>",
        );
        check(
            "<!--\nmulti\nline\n-->\n<b>after</b>",
            "<p><b>after</b></p>",
        );
        check("<div><!-- unclosed", "<div></div>");
        // Unbalanced raw HTML outside any Markdown element is closed at the end of the post,
        // before the footnotes.
        check("<div><b>open\n\nText[^1].\n\n[^1]: Note.", "<div><b>open\n<p>Text<sup class=\"footnote-ref\"><a href=\"posts/a#fn-1\" id=\"fnref-1\">1</a></sup>.</p>\n</b></div><section class=\"footnotes\" aria-label=\"Footnotes\"><ol><li id=\"fn-1\">\n<p>Note. <a href=\"posts/a#fnref-1\" class=\"footnote-backref\" aria-label=\"Back to the text\">↩</a></p>\n</li></ol></section>");
        check(
            "<a href=\"javascript:alert(1)\">x</a> <a href=\"../img/a.png\">y</a>",
            "<p><a>x</a> <a href=\"img/a.png\">y</a></p>",
        );
    }

    #[test]
    fn raw_items_cells_and_blocks_never_end_a_markdown_element() {
        for (markdown, expect) in [
            // A browser would end the `div` and the list item at the raw `<li>`, and the
            // `</div>` after it would close the page's wrapper.
            ("- <div><li>x", "<ul>\n<li><div>&lt;li&gt;x</div></li>\n</ul>"),
            ("- <li>x", "<ul>\n<li>&lt;li&gt;x</li>\n</ul>"),
            ("> <div><dd>x", "<blockquote>\n<div>&lt;dd&gt;x</div></blockquote>"),
            (
                "| a |\n|---|\n| <div><td>x |",
                "<table><thead><tr><th>a</th></tr></thead><tbody>\n<tr><td><div>&lt;td&gt;x</div></td></tr>\n</tbody></table>",
            ),
            (
                "## a <span><h3>b",
                "<h2 id=\"a-b\">a <span>&lt;h3&gt;b</span> <a class=\"anchor\" href=\"posts/a#a-b\" aria-label=\"Link to this section\">#</a></h2>",
            ),
            ("a <b><div>c", "<p>a <b>&lt;div&gt;c</b></p>"),
            // In a raw list or table of their own they stay, their optional end tags written.
            (
                "<ul>\n<li>a\n<li>b\n</ul>",
                "<ul>\n<li>a\n</li><li>b\n</li></ul>",
            ),
            (
                "<table><tr><td>\n\n**a**\n\n<td>b</table>",
                "<table><tr><td>\n<p><strong>a</strong></p>\n</td><td>b</td></tr></table>",
            ),
            // Markdown between a raw table's parts: the table ends first, as it would in a
            // browser once a Markdown table came.
            (
                "<div><table>\n\n> | a |\n> |---|\n\n</table></div>",
                "<div><table>\n</table>\n<blockquote>\n<table><thead><tr><th>a</th></tr></thead><tbody>\n</tbody></table>\n</blockquote>\n</div>",
            ),
        ] {
            check(markdown, expect);
        }
    }

    #[test]
    fn raw_html_left_open_is_closed_at_the_end_of_its_markdown_element() {
        let backref = |id: &str| {
            format!(
                r##" <a href="posts/a#fnref-{id}" class="footnote-backref" aria-label="Back to the text">↩</a>"##
            )
        };
        let footnotes = |notes: &str| {
            format!("<p>Text<sup class=\"footnote-ref\"><a href=\"posts/a#fn-1\" id=\"fnref-1\">1</a></sup></p>\n<section class=\"footnotes\" aria-label=\"Footnotes\"><ol>{notes}</ol></section>")
        };
        for (markdown, expect) in [
            ("Para <b>x", "<p>Para <b>x</b></p>".to_string()),
            ("- <div>x", "<ul>\n<li><div>x</div></li>\n</ul>".into()),
            (
                "1. a <span>x\n2. b",
                "<ol>\n<li>a <span>x</span></li>\n<li>b</li>\n</ol>".into(),
            ),
            (
                "- a\n\n  <div>\n\n  x",
                "<ul>\n<li>\n<p>a</p>\n<div>\n<p>x</p>\n</div></li>\n</ul>".into(),
            ),
            (
                "- [ ] <b>task",
                "<ul>\n<li><input disabled=\"\" type=\"checkbox\" aria-label=\"not done\"/>\n<b>task</b></li>\n</ul>".into(),
            ),
            ("> <div>x", "<blockquote>\n<div>x</div></blockquote>".into()),
            (
                "> [!NOTE]\n> <b>x",
                "<blockquote class=\"alert alert-note\"><p class=\"alert-title\">Note</p>\n<p><b>x</b></p>\n</blockquote>".into(),
            ),
            // Before the section link, which must not end up inside the raw element.
            (
                "## T <a href=\"x\">x",
                "<h2 id=\"t-x\">T <a href=\"posts/x\">x</a> <a class=\"anchor\" href=\"posts/a#t-x\" aria-label=\"Link to this section\">#</a></h2>".into(),
            ),
            (
                "| a |\n|---|\n| <div>x |",
                "<table><thead><tr><th>a</th></tr></thead><tbody>\n<tr><td><div>x</div></td></tr>\n</tbody></table>".into(),
            ),
            (
                "| a |\n|:-|\n| <b>x |",
                "<table><thead><tr><th class=\"align-left\">a</th></tr></thead><tbody>\n<tr><td class=\"align-left\"><b>x</b></td></tr>\n</tbody></table>".into(),
            ),
            (
                "Text[^1]\n\n[^1]: <b>x",
                footnotes(&format!("<li id=\"fn-1\">\n<p><b>x</b>{}</p>\n</li>", backref("1"))),
            ),
            (
                "Text[^1]\n\n[^1]: <table>",
                footnotes(&format!("<li id=\"fn-1\"><table></table>{}</li>", backref("1"))),
            ),
            (
                "Text[^1]\n\n[^1]: Note\n    # Heading <i>x",
                footnotes(&format!("<li id=\"fn-1\">\n<p>Note{}</p>\n<h1 id=\"heading-x\">Heading <i>x</i> <a class=\"anchor\" href=\"posts/a#heading-x\" aria-label=\"Link to this section\">#</a></h1>\n</li>", backref("1"))),
            ),
            // Inline elements too: raw HTML nests inside Markdown's elements.
            ("*a <b>b* c</b>", "<p><em>a <b>b</b></em> c&lt;/b&gt;</p>".into()),
            (
                "[a <b>b](https://x.org) c</b>",
                "<p><a href=\"https://x.org\">a <b>b</b></a> c&lt;/b&gt;</p>".into(),
            ),
            (
                "![a <b>b](javascript:x) c</b>",
                "<p>a <b>b</b> c&lt;/b&gt;</p>".into(),
            ),
            // A closing tag cannot reach an element opened outside its Markdown element.
            (
                "- a <b>b\n- </b>c",
                "<ul>\n<li>a <b>b</b></li>\n<li>&lt;/b&gt;c</li>\n</ul>".into(),
            ),
            (
                "> <div>\n> x\n\n</div>",
                "<blockquote>\n<div>\nx\n</div></blockquote>\n&lt;/div&gt;".into(),
            ),
            // HTML blocks are not Markdown elements: Markdown can sit inside raw elements.
            (
                "<div>\n\n- <span>x\n\n</div>",
                "<div>\n<ul>\n<li><span>x</span></li>\n</ul>\n</div>".into(),
            ),
        ] {
            check(markdown, &expect);
        }
    }

    #[test]
    fn trusted_sites_keep_raw_html() {
        let options = RenderOptions::from_parts(
            "posts/a.md",
            "posts/a",
            Vec::new(),
            RawHtml::Trusted,
            crate::i18n::Lang::En,
        );
        let html = render(
            "<div onclick=\"go()\">x</div>\n\nText <span style=\"color:red\">red</span>",
            &options,
        );
        assert_eq!(
            html.as_str(),
            "<div onclick=\"go()\">x</div>\n<p>Text <span style=\"color:red\">red</span></p>\n"
        );
        // Its authors are trusted with any scheme; the allowlist keeps its rule.
        let markdown = "[irc](irc://x/y) <made-up-scheme://z> [js](javascript:go())";
        assert_eq!(
            render(markdown, &options).as_str(),
            "<p><a href=\"irc://x/y\">irc</a> <a href=\"made-up-scheme://z\">made-up-scheme://z</a> <a href=\"javascript:go()\">js</a></p>\n"
        );
        check(markdown, "<p>irc made-up-scheme://z js</p>");
    }

    #[test]
    fn forbidden_schemes_lose_their_url_but_keep_their_text() {
        check("[click](javascript:alert(1))", "<p>click</p>");
        check(
            "[click](JaVa\tScript:alert(1))",
            "<p>[click](JaVa\tScript:alert(1))</p>",
        );
        check("[click](<JaVa\tScript:alert(1)>)", "<p>click</p>");
        check("[click](jav&#x09;ascript:alert(1))", "<p>click</p>");
        check(
            "[click](vbscript:x) [d](data:text/html,x) [f](file:///etc/passwd)",
            "<p>click d f</p>",
        );
        check(
            "![alt text](data:image/svg+xml;base64,PHN2Zz4=)",
            "<p>alt text</p>",
        );
        check("<javascript:alert(1)>", "<p>javascript:alert(1)</p>");
        check("[x]\n\n[x]: javascript:alert(1)", "<p>x</p>");
        check(
            "[**bold** link](javascript:x)",
            "<p><strong>bold</strong> link</p>",
        );
    }

    #[test]
    fn images_are_written_whole_with_their_alt_text_and_known_size() {
        let options = options().with_image_sizes(vec![ImageSize {
            path: "posts/my photo é.png".into(),
            width: 640,
            height: 360,
        }]);
        let html = render(
            "![A *b* [c](d) `e` <b>f\nline](my%20photo%20%C3%A9.png \"T & \\\"q\\\"\") ![x](<my photo é.png>) ![o](other.png)\n\nafter <i>x</i>",
            &options,
        );
        assert_eq!(
            html.as_str(),
            "<p><img loading=\"lazy\" decoding=\"async\" width=\"640\" height=\"360\" src=\"posts/my%20photo%20%C3%A9.png\" alt=\"A b c e &lt;b&gt;f line\" title=\"T &amp; &quot;q&quot;\" /> \
             <img loading=\"lazy\" decoding=\"async\" width=\"640\" height=\"360\" src=\"posts/my%20photo%20%C3%A9.png\" alt=\"x\" /> \
             <img loading=\"lazy\" decoding=\"async\" src=\"posts/other.png\" alt=\"o\" /></p>\n<p>after <i>x</i></p>\n"
        );
        // Raw HTML's images get the size too; a forbidden URL drops the image, not its text.
        let html = render(
            "<img src=\"my%20photo%20%C3%A9.png\" alt=\"r\"> ![gone](javascript:x)",
            &options,
        );
        assert_eq!(
            html.as_str(),
            "<p><img width=\"640\" height=\"360\" src=\"posts/my%20photo%20%C3%A9.png\" alt=\"r\" loading=\"lazy\"> gone</p>\n"
        );
    }

    #[test]
    fn allowed_urls_stay_and_relative_ones_resolve_against_the_post_folder() {
        check("[a](https://example.org/x?y=1) [b](http://x.org) [c](mailto:me@x.org) <me@x.org>",
              "<p><a href=\"https://example.org/x?y=1\">a</a> <a href=\"http://x.org\">b</a> <a href=\"mailto:me@x.org\">c</a> <a href=\"mailto:me@x.org\">me@x.org</a></p>");
        check(
            "![diagram](images/flow.svg \"Flow\")",
            "<p><img loading=\"lazy\" decoding=\"async\" src=\"posts/images/flow.svg\" alt=\"diagram\" title=\"Flow\" /></p>",
        );
        check("![up](../media/a.png) [root](/about) [deep](../../escape.png)",
              "<p><img loading=\"lazy\" decoding=\"async\" src=\"media/a.png\" alt=\"up\" /> <a href=\"/about\">root</a> <a href=\"../../escape.png\">deep</a></p>");
        check(
            "[part](#setup) [q](?x=1)",
            "<p><a href=\"posts/a#setup\">part</a> <a href=\"?x=1\">q</a></p>",
        );
    }

    #[test]
    fn links_to_other_post_files_become_post_links() {
        let manifest = parse(
            r#"{"version":1,"site":{"title":"T"},"posts":[
            {"slug":"first","title":"F","date":"2024-01-01","file":"posts/2024/first.md"},
            {"slug":"second","title":"S","date":"2024-01-02","file":"posts/second.md"},
            {"slug":"unrelated","title":"U","date":"2024-01-03","file":"posts/unrelated.md"}]}"#,
            &ParseOptions {
                drafts: Drafts::Hide,
            },
        )
        .unwrap();
        let post = manifest.post("first").unwrap();
        let markdown = "[next](../second.md#intro) [self](first.md) [img](pic.png)";
        let options = RenderOptions::for_post(&manifest, post, markdown);
        assert_eq!(options.post_links().len(), 2);
        let html = render(markdown, &options);
        assert_eq!(html.as_str().trim(), "<p><a href=\"posts/second#intro\">next</a> <a href=\"posts/first\">self</a> <a href=\"posts/2024/pic.png\">img</a></p>");
    }

    #[test]
    fn md_link_candidates_find_post_files() {
        let text =
            "See [a](a.md), [b](<../b.md#x>) and [c]: c.md\nnot thing.mdx or `code.md` or e.md.";
        assert_eq!(
            md_link_candidates(text),
            ["a.md", "../b.md", "c.md", "code.md", "e.md"]
        );
    }

    #[test]
    fn footnotes_are_numbered_in_reference_order_with_back_links() {
        check("B[^b] then A[^a].\n\n[^a]: Note A.\n[^b]: Note B.",
              "<p>B<sup class=\"footnote-ref\"><a href=\"posts/a#fn-b\" id=\"fnref-b\">1</a></sup> then A<sup class=\"footnote-ref\"><a href=\"posts/a#fn-a\" id=\"fnref-a\">2</a></sup>.</p>\n<section class=\"footnotes\" aria-label=\"Footnotes\"><ol><li id=\"fn-b\">\n<p>Note B. <a href=\"posts/a#fnref-b\" class=\"footnote-backref\" aria-label=\"Back to the text\">↩</a></p>\n</li><li id=\"fn-a\">\n<p>Note A. <a href=\"posts/a#fnref-a\" class=\"footnote-backref\" aria-label=\"Back to the text\">↩</a></p>\n</li></ol></section>");
        // A note's images, references and code are written once, as in the text.
        check("Text[^1]\n\n[^1]: ![a](x.png), [^2] and `code`\n[^2]: Two.",
              "<p>Text<sup class=\"footnote-ref\"><a href=\"posts/a#fn-1\" id=\"fnref-1\">1</a></sup></p>\n<section class=\"footnotes\" aria-label=\"Footnotes\"><ol><li id=\"fn-1\">\n<p><img loading=\"lazy\" decoding=\"async\" src=\"posts/x.png\" alt=\"a\" />, <sup class=\"footnote-ref\"><a href=\"posts/a#fn-2\" id=\"fnref-2\">2</a></sup> and <code>code</code> <a href=\"posts/a#fnref-1\" class=\"footnote-backref\" aria-label=\"Back to the text\">↩</a></p>\n</li><li id=\"fn-2\">\n<p>Two. <a href=\"posts/a#fnref-2\" class=\"footnote-backref\" aria-label=\"Back to the text\">↩</a></p>\n</li></ol></section>");
    }

    #[test]
    fn front_matter_is_not_rendered() {
        check("---\ntitle: x\n---\nBody", "<p>Body</p>");
        check("+++\ntitle = \"x\"\n+++\r\nBody", "<p>Body</p>");
        check("\u{feff}---\r\ntitle: x\r\n---\r\nBody", "<p>Body</p>");
        check("---\nnot closed", "<hr />\n<p>not closed</p>");
        // Markdown that is all body: the same text is a rule and a heading.
        assert_eq!(
            render_body("---\ntitle: x\n---\nBody", &options()).as_str(),
            "<hr />\n<h2 id=\"title-x\">title: x <a class=\"anchor\" href=\"posts/a#title-x\" aria-label=\"Link to this section\">#</a></h2>\n<p>Body</p>\n"
        );
        assert_eq!(strip_front_matter("no front matter"), "no front matter");
    }

    #[test]
    fn summaries_from_the_text() {
        assert_eq!(
            summary("---\ntitle: x\n---\nFirst *para*graph\nhere.\n\nSecond.").as_deref(),
            Some("First paragraph here.")
        );
        assert_eq!(
            summary("One.\n\nTwo `code`.\n\n<!-- more -->\n\nThree.").as_deref(),
            Some("One. Two code.")
        );
        assert_eq!(
            summary("## Heading only\n\n```\ncode\n```").as_deref(),
            None
        );
        assert_eq!(
            summary("## Intro\n\nAfter heading.").as_deref(),
            Some("After heading.")
        );
    }

    #[test]
    fn links_with_lines() {
        let text =
            "---\ntitle: t\n---\nSee [a](a.md).\n\n![img](i.png) <me@x.org>\n[ext](https://x.org)";
        let got: Vec<(String, usize, bool)> = links(text)
            .into_iter()
            .map(|l| (l.url, l.line, l.is_image))
            .collect();
        assert_eq!(
            got,
            [
                ("a.md".into(), 4, false),
                ("i.png".into(), 6, true),
                ("https://x.org".into(), 7, false)
            ]
        );
        assert_eq!(
            resolve_relative("posts/a.md", "../img/x.png#y").as_deref(),
            Some("img/x.png")
        );
        assert_eq!(resolve_relative("posts/a.md", "https://x.org"), None);
        // Percent-encoded names are the files' names on disk, and stay inside the site.
        assert_eq!(
            resolve_relative("posts/a.md", "img/my%20photo.png").as_deref(),
            Some("posts/img/my photo.png")
        );
        assert_eq!(
            resolve_relative("posts/a.md", "..%2F..%2F..%2Fetc/passwd"),
            None
        );
        assert_eq!(resolve_relative("posts/a.md", "#top"), None);
    }

    #[test]
    fn url_classes() {
        for (url, expect) in [
            ("https://x", Destination::Allowed),
            ("HTTPS://x", Destination::Allowed),
            ("//cdn.x/a", Destination::Allowed),
            ("javascript:x", Destination::Forbidden),
            (" java\nscript:x", Destination::Forbidden),
            ("\u{0}javascript:x", Destination::Forbidden),
            ("data:x", Destination::Forbidden),
            ("tel:123", Destination::Forbidden),
            ("a/b:c", Destination::Relative),
            ("foo):", Destination::Relative),
            ("a+b.c-d:x", Destination::Forbidden),
            ("a.png", Destination::Relative),
            ("", Destination::Relative),
            ("#x", Destination::Fragment),
        ] {
            assert_eq!(classify(url), expect, "{url:?}");
        }
    }
}

/// Every real post in the repository (the demo site and the test sites) renders without
/// active content: no `<script`, no event-handler attribute, no URL outside the allow-list.
#[cfg(test)]
mod real_posts {
    use super::*;
    use std::path::{Path, PathBuf};

    fn markdown_files(dir: &Path, files: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                markdown_files(&path, files);
            } else if path.extension().is_some_and(|ext| ext == "md") {
                files.push(path);
            }
        }
    }

    #[test]
    fn every_post_renders_safely() {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut files = Vec::new();
        markdown_files(&repo.join("public"), &mut files);
        markdown_files(&repo.join("tests/sites"), &mut files);
        assert!(
            files.len() >= 24,
            "expected the demo posts, found {}",
            files.len()
        );
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            let html = render(
                &text,
                &RenderOptions::from_parts(
                    "posts/x.md",
                    "posts/x",
                    Vec::new(),
                    RawHtml::Allowlist,
                    crate::i18n::Lang::En,
                ),
            );
            let html = html.as_str();
            assert!(
                !html.contains("<script"),
                "{}: <script in output",
                file.display()
            );
            assert!(
                !html.contains(" on")
                    || !html
                        .split(' ')
                        .any(|word| word.starts_with("on") && word.contains("=\"")),
                "{}: event handler attribute",
                file.display()
            );
            for attribute in ["href=\"", "src=\""] {
                for value in html.split(attribute).skip(1) {
                    let url = value.split('"').next().unwrap_or_default();
                    assert!(
                        !matches!(classify(url), Destination::Forbidden),
                        "{}: {attribute}{url}",
                        file.display()
                    );
                }
            }
        }
    }
}
