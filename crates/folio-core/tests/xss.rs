//! The XSS corpus (`tests/xss/payloads.json`, OWASP filter-evasion classes) through the
//! renderer: no output may contain an element outside the allowlist, an event-handler
//! attribute, or a URL with a forbidden scheme. The check reads the output with its own
//! small tag scanner, independent of the sanitizer.

use folio_core::markdown::{render, RenderOptions};
use folio_core::sanitize::{decode_entities, RawHtml};

/// Elements the renderer itself writes, plus the raw-HTML allowlist.
const ALLOWED_ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "b",
    "bdi",
    "bdo",
    "blockquote",
    "br",
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

fn payloads() -> Vec<(String, String)> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/xss/payloads.json"
    ))
    .unwrap();
    let items: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    items
        .into_iter()
        .map(|item| {
            (
                item["class"].as_str().unwrap().to_string(),
                item["payload"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Every `(element, [(attribute, value)])` in `html`.
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        rest = &rest[lt + 1..];
        if rest.starts_with('/') || rest.starts_with('!') {
            continue;
        }
        let end = rest.find('>').unwrap_or(rest.len());
        let inside = &rest[..end];
        let name: String = inside
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let mut attributes = Vec::new();
        let mut body = &inside[name.len()..];
        loop {
            body = body.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
            if body.is_empty() {
                break;
            }
            let attribute: String = body
                .chars()
                .take_while(|c| !c.is_whitespace() && *c != '=' && *c != '/')
                .collect();
            if attribute.is_empty() {
                // A stray `=` or quote: step over it.
                body = &body[body.chars().next().map_or(1, char::len_utf8)..];
                continue;
            }
            body = &body[attribute.len()..];
            let mut value = String::new();
            if let Some(after) = body.strip_prefix("=\"") {
                let close = after.find('"').unwrap_or(after.len());
                value = after[..close].to_string();
                body = &after[(close + 1).min(after.len())..];
            } else if let Some(after) = body.strip_prefix('=') {
                let close = after.find(char::is_whitespace).unwrap_or(after.len());
                value = after[..close].to_string();
                body = &after[close..];
            }
            attributes.push((attribute.to_ascii_lowercase(), value));
        }
        found.push((name.to_ascii_lowercase(), attributes));
    }
    found
}

fn forbidden_scheme(url: &str) -> bool {
    let decoded: String = decode_entities(url)
        .chars()
        .filter(|c| !c.is_ascii_control() && !c.is_whitespace())
        .collect();
    let lower = decoded.to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:", "file:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
}

#[test]
fn no_payload_survives_the_renderer() {
    let payloads = payloads();
    assert!(
        payloads.len() >= 150,
        "the corpus has {} payloads",
        payloads.len()
    );
    let options = RenderOptions::from_parts(
        "posts/x.md",
        "posts/x",
        Vec::new(),
        RawHtml::Allowlist,
        folio_core::i18n::Lang::En,
    );
    let mut failures = Vec::new();
    for (class, payload) in &payloads {
        // Each payload alone, and inside a paragraph, a list item and a table cell.
        for markdown in [
            payload.clone(),
            format!("Text before {payload} after."),
            format!("- item {payload}"),
            format!("| a |\n|---|\n| {payload} |"),
        ] {
            let html = render(&markdown, &options);
            for (element, attributes) in tags(html.as_str()) {
                if !ALLOWED_ELEMENTS.contains(&element.as_str()) {
                    failures.push(format!(
                        "[{class}] element <{element}> from {payload:?}: {}",
                        html.as_str()
                    ));
                }
                for (attribute, value) in attributes {
                    let is_bad = attribute.starts_with("on")
                        || attribute == "style"
                        || (matches!(
                            attribute.as_str(),
                            "href"
                                | "src"
                                | "cite"
                                | "action"
                                | "formaction"
                                | "srcset"
                                | "xlink:href"
                        ) && forbidden_scheme(&value));
                    if is_bad {
                        failures.push(format!(
                            "[{class}] {attribute}=\"{value}\" on <{element}> from {payload:?}"
                        ));
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_scanner_sees_what_it_must() {
    let found =
        tags(r#"<p>x <img src="javascript:a" onerror="b"> <a href="&#106;avascript:x">y</a></p>"#);
    assert_eq!(found[1].0, "img");
    assert_eq!(
        found[1].1,
        [
            ("src".to_string(), "javascript:a".to_string()),
            ("onerror".to_string(), "b".to_string())
        ]
    );
    assert!(forbidden_scheme("&#106;avascript:x"));
    assert!(forbidden_scheme(" JaVa\tScript:x"));
    assert!(!forbidden_scheme("https://x.org"));
}
