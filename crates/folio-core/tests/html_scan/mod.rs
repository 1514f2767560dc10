//! Reads rendered HTML as a browser's tokenizer does (tags, attributes, quoted and unquoted
//! values), independent of the sanitizer it checks, for the tests that look for active
//! content and for unbalanced tags.

// Each test binary that includes this module uses a part of it.
#![allow(dead_code)]

use folio_core::sanitize::decode_entities;

/// Elements the renderer itself writes, plus the raw-HTML allowlist.
pub const ALLOWED_ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "b",
    "bdi",
    "bdo",
    "blockquote",
    "br",
    "button",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "input",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "section",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "tt",
    "u",
    "ul",
    "var",
    "wbr",
];

/// Elements that have no end tag.
const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Attributes whose value a browser loads or follows as a URL.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "cite",
    "action",
    "formaction",
    "srcset",
    "poster",
    "background",
    "xlink:href",
];

/// A start or end tag, its name and attribute names lowercased, values as written.
#[derive(Debug, PartialEq, Eq)]
pub struct HtmlTag {
    pub name: String,
    pub is_closing: bool,
    pub attributes: Vec<(String, String)>,
}

/// Every tag in `html`, in order. Comments are skipped; a `<` that a browser reads as
/// text (not followed by a letter, or by `/` and a letter) is text here too.
pub fn tags(html: &str) -> Vec<HtmlTag> {
    let is_delimiter = |b: u8| b.is_ascii_whitespace() || b == b'/' || b == b'>';
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        rest = &rest[lt + 1..];
        if let Some(after) = rest.strip_prefix("!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let is_closing = rest.starts_with('/');
        let body = rest.strip_prefix('/').unwrap_or(rest);
        if !body.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        // Positions below stop only at ASCII bytes, so they are always char boundaries.
        let bytes = body.as_bytes();
        let mut at = bytes
            .iter()
            .position(|b| is_delimiter(*b))
            .unwrap_or(bytes.len());
        let name = body[..at].to_ascii_lowercase();
        let mut attributes = Vec::new();
        loop {
            while at < bytes.len() && (bytes[at].is_ascii_whitespace() || bytes[at] == b'/') {
                at += 1;
            }
            if at >= bytes.len() || bytes[at] == b'>' {
                at += 1;
                break;
            }
            // A name may start with `=`; it ends at whitespace, `/`, `>` or `=`.
            let start = at;
            at += 1;
            while at < bytes.len() && !is_delimiter(bytes[at]) && bytes[at] != b'=' {
                at += 1;
            }
            let attribute = body[start..at].to_ascii_lowercase();
            while at < bytes.len() && bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            let mut value = String::new();
            if bytes.get(at) == Some(&b'=') {
                at += 1;
                while at < bytes.len() && bytes[at].is_ascii_whitespace() {
                    at += 1;
                }
                match bytes.get(at) {
                    Some(&quote) if quote == b'"' || quote == b'\'' => {
                        let end = body[at + 1..]
                            .find(char::from(quote))
                            .map_or(bytes.len(), |end| at + 1 + end);
                        value = body[at + 1..end].to_string();
                        at = (end + 1).min(bytes.len());
                    }
                    _ => {
                        let start = at;
                        while at < bytes.len()
                            && !bytes[at].is_ascii_whitespace()
                            && bytes[at] != b'>'
                        {
                            at += 1;
                        }
                        value = body[start..at].to_string();
                    }
                }
            }
            attributes.push((attribute, value));
        }
        found.push(HtmlTag {
            name,
            is_closing,
            attributes,
        });
        rest = &body[at.min(bytes.len())..];
    }
    found
}

/// Whether a browser would follow `url` to a scheme other than http, https or mailto:
/// character references decoded, controls and whitespace (which browsers skip inside a
/// scheme) removed, case folded. A URL without a scheme is relative, and allowed.
pub fn forbidden_url(url: &str) -> bool {
    let cleaned: String = decode_entities(url)
        .chars()
        .filter(|c| !c.is_control() && !c.is_whitespace())
        .collect();
    let Some(colon) = cleaned.find([':', '/', '?', '#']) else {
        return false;
    };
    let scheme = &cleaned[..colon];
    let is_scheme = cleaned[colon..].starts_with(':')
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    is_scheme
        && !matches!(
            scheme.to_ascii_lowercase().as_str(),
            "http" | "https" | "mailto"
        )
}

/// What in `html` could run or load something it should not: an element outside
/// [`ALLOWED_ELEMENTS`], an event-handler or `style` attribute, a URL attribute with a
/// forbidden scheme. Empty when there is nothing.
pub fn active_content(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for tag in tags(html).into_iter().filter(|tag| !tag.is_closing) {
        if !ALLOWED_ELEMENTS.contains(&tag.name.as_str()) {
            found.push(format!("element <{}>", tag.name));
        }
        for (attribute, value) in &tag.attributes {
            let is_active = attribute.starts_with("on")
                || attribute == "style"
                || (URL_ATTRIBUTES.contains(&attribute.as_str()) && forbidden_url(value));
            if is_active {
                found.push(format!("{attribute}=\"{value}\" on <{}>", tag.name));
            }
        }
    }
    found
}

/// Where the elements of `html` stop nesting, if they do: an end tag that is not the
/// innermost open element's, or elements left open at the end. Void elements have no end.
pub fn unbalanced(html: &str) -> Option<String> {
    let mut open: Vec<String> = Vec::new();
    for tag in tags(html) {
        if VOID_ELEMENTS.contains(&tag.name.as_str()) {
            continue;
        }
        if !tag.is_closing {
            open.push(tag.name);
            continue;
        }
        match open.pop() {
            Some(name) if name == tag.name => {}
            innermost => {
                return Some(format!(
                    "</{}> where the innermost open element is {innermost:?}",
                    tag.name
                ))
            }
        }
    }
    (!open.is_empty()).then(|| format!("left open: {open:?}"))
}

/// Elements of the HTML spec's "special" category that rendered posts can hold: an end tag
/// for an inline element never closes one of these, and `<li>` (or `<dd>`, `<dt>`) looks
/// for an item to end only up to the nearest one but `div`, `p` and `address`.
const SPECIAL: &[&str] = &[
    "address",
    "blockquote",
    "body",
    "br",
    "button",
    "caption",
    "col",
    "colgroup",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "html",
    "img",
    "input",
    "li",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "wbr",
];

/// Start tags that end an open paragraph (`p` in button scope) before they open.
const CLOSES_PARAGRAPH: &[&str] = &[
    "address",
    "blockquote",
    "details",
    "div",
    "dl",
    "figcaption",
    "figure",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "ul",
];

/// Elements whose end tag pops up to the nearest element of its name in scope.
const BLOCKS: &[&str] = &[
    "address",
    "blockquote",
    "button",
    "details",
    "div",
    "dl",
    "figcaption",
    "figure",
    "ol",
    "pre",
    "section",
    "summary",
    "ul",
];

/// Table parts, which a start tag in a cell or caption ends it for.
const TABLE_PARTS: &[&str] = &[
    "caption", "col", "colgroup", "tbody", "td", "tfoot", "th", "thead", "tr",
];

const DEFAULT_SCOPE: &[&str] = &[
    "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template",
];

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// A browser's stack of open elements while it reads `html` inside a page's wrapper `div`:
/// the "in body" and table insertion modes of the HTML parser for the elements rendered
/// posts hold, with the end tags each start tag implies. Left out: the adoption agency
/// (formatting elements moved around a block, which never closes one) and foster-parented
/// text.
struct TreeBuilder {
    stack: Vec<String>,
    /// Set when an element below the post (the wrapper) is popped, with the tag that did it.
    broken: Option<String>,
}

/// Open elements below the post: the document's and the page's wrapper.
const PAGE: usize = 3;

impl TreeBuilder {
    fn current(&self) -> &str {
        self.stack.last().map_or("html", String::as_str)
    }

    /// Pops the current node; the page's elements stay, and their loss is recorded.
    fn pop(&mut self, tag: &str) -> bool {
        if self.stack.len() <= PAGE {
            self.broken.get_or_insert_with(|| {
                format!("{tag} closes the page's wrapper (open: {:?})", self.stack)
            });
            return false;
        }
        self.stack.pop();
        true
    }

    /// Pops up to and including the innermost element that `matches`.
    fn pop_until(&mut self, tag: &str, matches: impl Fn(&str) -> bool) {
        loop {
            let done = matches(self.current());
            if !self.pop(tag) || done {
                return;
            }
        }
    }

    fn generate_implied_end_tags(&mut self, tag: &str, except: &str) {
        while self.current() != except
            && matches!(
                self.current(),
                "dd" | "dt" | "li" | "p" | "rb" | "rp" | "rt" | "rtc" | "option" | "optgroup"
            )
        {
            if !self.pop(tag) {
                return;
            }
        }
    }

    fn in_scope(&self, matches: impl Fn(&str) -> bool, boundaries: &[&str]) -> bool {
        for name in self.stack.iter().rev() {
            if matches(name) {
                return true;
            }
            if boundaries.contains(&name.as_str()) {
                return false;
            }
        }
        false
    }

    fn has_in_scope(&self, name: &str, extra: &[&str]) -> bool {
        self.in_scope(|open| open == name, &[DEFAULT_SCOPE, extra].concat())
    }

    fn has_in_table_scope(&self, name: &str) -> bool {
        self.in_scope(|open| open == name, &["html", "table", "template"])
    }

    fn close_paragraph(&mut self, tag: &str) {
        if self.has_in_scope("p", &["button"]) {
            self.generate_implied_end_tags(tag, "p");
            self.pop_until(tag, |open| open == "p");
        }
    }

    /// The table element whose insertion mode applies: the innermost table part or table.
    fn table_context(&self) -> &str {
        self.stack
            .iter()
            .rev()
            .map(String::as_str)
            .find(|open| *open == "table" || TABLE_PARTS.contains(open))
            .unwrap_or("")
    }

    fn clear_back_to(&mut self, tag: &str, context: &[&str]) {
        while !context.contains(&self.current()) && self.current() != "html" {
            if !self.pop(tag) {
                return;
            }
        }
    }

    fn start(&mut self, name: &str, tag: &str) {
        if self.broken.is_some() {
            return;
        }
        match self.table_context() {
            "table" | "tbody" | "thead" | "tfoot" | "tr" | "colgroup" => {
                self.start_in_table(name, tag)
            }
            "td" | "th" if TABLE_PARTS.contains(&name) => {
                if self.in_scope(|open| open == "td" || open == "th", &["html", "table"]) {
                    self.generate_implied_end_tags(tag, "");
                    self.pop_until(tag, |open| open == "td" || open == "th");
                    self.start(name, tag);
                }
            }
            "caption" if TABLE_PARTS.contains(&name) => {
                self.pop_until(tag, |open| open == "caption");
                self.start(name, tag);
            }
            _ => self.start_in_body(name, tag),
        }
    }

    fn start_in_table(&mut self, name: &str, tag: &str) {
        let context = self.table_context().to_string();
        let table_body = ["tbody", "thead", "tfoot"];
        match (context.as_str(), name) {
            ("colgroup", "col") => {}
            ("colgroup", _) => {
                self.pop_until(tag, |open| open == "colgroup");
                self.start(name, tag);
            }
            ("tr", "td" | "th") => {
                self.clear_back_to(tag, &["tr"]);
                self.stack.push(name.to_string());
            }
            ("tr", "caption" | "col" | "colgroup" | "tbody" | "tfoot" | "thead" | "tr") => {
                self.clear_back_to(tag, &["tr"]);
                self.pop(tag);
                self.start(name, tag);
            }
            (_, "tr") if table_body.contains(&context.as_str()) => {
                self.clear_back_to(tag, &table_body);
                self.stack.push("tr".to_string());
            }
            (_, "td" | "th") if table_body.contains(&context.as_str()) => {
                self.clear_back_to(tag, &table_body);
                self.stack.push("tr".to_string());
                self.start(name, tag);
            }
            (_, "caption" | "col" | "colgroup" | "tbody" | "tfoot" | "thead")
                if table_body.contains(&context.as_str()) =>
            {
                self.clear_back_to(tag, &table_body);
                self.pop(tag);
                self.start(name, tag);
            }
            (_, "caption" | "colgroup" | "tbody" | "tfoot" | "thead") => {
                self.clear_back_to(tag, &["table"]);
                self.stack.push(name.to_string());
            }
            (_, "col") => {
                self.clear_back_to(tag, &["table"]);
                self.stack.push("colgroup".to_string());
            }
            (_, "tr" | "td" | "th") => {
                self.clear_back_to(tag, &["table"]);
                self.stack.push("tbody".to_string());
                self.start(name, tag);
            }
            (_, "table") => {
                self.pop_until(tag, |open| open == "table");
                self.start(name, tag);
            }
            // Moved in front of the table, but open as in body.
            _ => self.start_in_body(name, tag),
        }
    }

    fn start_in_body(&mut self, name: &str, tag: &str) {
        match name {
            _ if TABLE_PARTS.contains(&name) => {}
            "li" | "dd" | "dt" => {
                let ends: &[&str] = if name == "li" { &["li"] } else { &["dd", "dt"] };
                let item = self
                    .stack
                    .iter()
                    .rev()
                    .map(String::as_str)
                    .find(|open| {
                        ends.contains(open)
                            || (SPECIAL.contains(open) && !matches!(*open, "address" | "div" | "p"))
                    })
                    .filter(|open| ends.contains(open))
                    .map(str::to_string);
                if let Some(item) = item {
                    self.generate_implied_end_tags(tag, &item);
                    self.pop_until(tag, |open| open == item);
                }
                self.close_paragraph(tag);
                self.stack.push(name.to_string());
            }
            _ if is_heading(name) => {
                self.close_paragraph(tag);
                if is_heading(self.current()) {
                    self.pop(tag);
                }
                self.stack.push(name.to_string());
            }
            "hr" => self.close_paragraph(tag),
            "table" => {
                self.close_paragraph(tag);
                self.stack.push(name.to_string());
            }
            "rt" | "rp" => {
                if self.has_in_scope("ruby", &[]) {
                    self.generate_implied_end_tags(tag, "rtc");
                }
                self.stack.push(name.to_string());
            }
            _ if VOID_ELEMENTS.contains(&name) => {}
            _ => {
                if CLOSES_PARAGRAPH.contains(&name) {
                    self.close_paragraph(tag);
                }
                self.stack.push(name.to_string());
            }
        }
    }

    fn end(&mut self, name: &str, tag: &str) {
        if self.broken.is_some() {
            return;
        }
        match (self.table_context(), name) {
            (_, "table") => {
                if self.has_in_table_scope("table") {
                    self.pop_until(tag, |open| open == "table");
                }
            }
            ("td" | "th", "td" | "th") => {
                if self.has_in_table_scope(name) {
                    self.generate_implied_end_tags(tag, "");
                    self.pop_until(tag, |open| open == name);
                }
            }
            ("td" | "th", "tbody" | "tfoot" | "thead" | "tr") => {
                if self.has_in_table_scope(name) {
                    self.pop_until(tag, |open| open == "td" || open == "th");
                    self.end(name, tag);
                }
            }
            ("caption", "caption") => self.pop_until(tag, |open| open == "caption"),
            (
                "tr" | "tbody" | "thead" | "tfoot" | "colgroup",
                "tr" | "tbody" | "thead" | "tfoot" | "colgroup",
            ) => {
                if self.has_in_table_scope(name) {
                    self.pop_until(tag, |open| open == name);
                }
            }
            (_, _) if TABLE_PARTS.contains(&name) || name == "body" || name == "html" => {}
            (_, _) => self.end_in_body(name, tag),
        }
    }

    fn end_in_body(&mut self, name: &str, tag: &str) {
        match name {
            "p" => {
                if self.has_in_scope("p", &["button"]) {
                    self.generate_implied_end_tags(tag, "p");
                    self.pop_until(tag, |open| open == "p");
                }
            }
            "li" => {
                if self.has_in_scope("li", &["ol", "ul"]) {
                    self.generate_implied_end_tags(tag, "li");
                    self.pop_until(tag, |open| open == "li");
                }
            }
            "dd" | "dt" => {
                if self.has_in_scope(name, &[]) {
                    self.generate_implied_end_tags(tag, name);
                    self.pop_until(tag, |open| open == name);
                }
            }
            _ if is_heading(name) => {
                if self.in_scope(is_heading, DEFAULT_SCOPE) {
                    self.generate_implied_end_tags(tag, "");
                    self.pop_until(tag, is_heading);
                }
            }
            _ if BLOCKS.contains(&name) => {
                if self.has_in_scope(name, &[]) {
                    self.generate_implied_end_tags(tag, "");
                    self.pop_until(tag, |open| open == name);
                }
            }
            _ if VOID_ELEMENTS.contains(&name) => {}
            // Any other end tag (and, roughly, formatting elements): the innermost element
            // of its name, unless a special element comes first.
            _ => {
                let found = self
                    .stack
                    .iter()
                    .rev()
                    .map(String::as_str)
                    .find(|open| *open == name || SPECIAL.contains(open))
                    .is_some_and(|open| open == name);
                if found {
                    self.generate_implied_end_tags(tag, name);
                    self.pop_until(tag, |open| open == name);
                }
            }
        }
    }
}

/// Whether `html`, read by a browser inside a page's wrapper `<div>` (as a prerendered
/// page holds a post), closes that wrapper: an end tag whose element the browser already
/// ended because a later start tag implied it (`<div><li>` in a list item ends the item and
/// the `div`, so the `</div>` after it closes the wrapper). `None` when the wrapper is
/// intact.
pub fn breaks_wrapper(html: &str) -> Option<String> {
    let mut builder = TreeBuilder {
        stack: vec!["html".into(), "body".into(), "div".into()],
        broken: None,
    };
    for tag in tags(html) {
        let text = format!("<{}{}>", if tag.is_closing { "/" } else { "" }, tag.name);
        if tag.is_closing {
            builder.end(&tag.name, &text);
        } else {
            builder.start(&tag.name, &text);
        }
    }
    builder.broken
}
