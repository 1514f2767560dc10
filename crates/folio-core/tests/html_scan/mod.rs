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
