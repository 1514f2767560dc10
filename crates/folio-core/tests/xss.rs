//! The XSS corpus (`tests/xss/payloads.json`, OWASP filter-evasion classes) through the
//! renderer: no output may contain an element outside the allowlist, an event-handler
//! attribute, or a URL with a forbidden scheme. And for any Markdown mixing raw tags with
//! Markdown's own elements, the output's elements nest: a post can never close an element
//! of the page around it, neither by its end tags nor by the end tags a browser implies
//! (`<li>` in a `<div>` in a list item ends both, so the `</div>` after it would close the
//! page's wrapper). The checks read the output with their own small tag scanner and tree
//! builder (`html_scan`), independent of the sanitizer.

mod html_scan;

use folio_core::markdown::{render, RenderOptions};
use folio_core::sanitize::RawHtml;
use html_scan::{active_content, breaks_wrapper, forbidden_url, tags, unbalanced, HtmlTag};
use proptest::prelude::*;

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

#[test]
fn no_payload_survives_the_renderer() {
    let payloads = payloads();
    assert!(
        payloads.len() >= 150,
        "the corpus has {} payloads",
        payloads.len()
    );
    let options = allowlist_options();
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
            for problem in active_content(html.as_str()) {
                failures.push(format!(
                    "[{class}] {problem} from {payload:?}: {}",
                    html.as_str()
                ));
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
    let found = tags(
        r#"<p>x <IMG src="javascript:a" onerror=b/> <a href='&#106;avascript:x' title=">">y</a></p>"#,
    );
    let tag = |name: &str, is_closing: bool, attributes: &[(&str, &str)]| HtmlTag {
        name: name.to_string(),
        is_closing,
        attributes: attributes
            .iter()
            .map(|(a, v)| (a.to_string(), v.to_string()))
            .collect(),
    };
    assert_eq!(
        found,
        [
            tag("p", false, &[]),
            tag("img", false, &[("src", "javascript:a"), ("onerror", "b/")]),
            tag("a", false, &[("href", "&#106;avascript:x"), ("title", ">")]),
            tag("a", true, &[]),
            tag("p", true, &[]),
        ]
    );
    for (html, problems) in [
        (
            "<img src=x onerror=alert(1)>",
            &["onerror=\"alert(1)\" on <img>"][..],
        ),
        ("<p STYLE=\"x\">", &["style=\"x\" on <p>"]),
        ("<svg><script>", &["element <svg>", "element <script>"]),
        (
            "<a href=\" JaVa&#x09;Script:x\">",
            &["href=\" JaVa&#x09;Script:x\" on <a>"],
        ),
        ("<img src=\"tel:1\">", &["src=\"tel:1\" on <img>"]),
        (
            "<a href=\"https://x.org\"><a href=\"mailto:a@b\"><a href=\"a/b:c\"><img src=\"//x/y\">",
            &[],
        ),
        ("&lt;script&gt; a < b <!-- <script> -->", &[]),
    ] {
        assert_eq!(active_content(html), problems, "{html}");
    }
    assert!(forbidden_url("data:x"));
    assert!(!forbidden_url("posts/a#fn-1"));
    assert_eq!(unbalanced("<p>a<br><img src=x/><b>b</b></p>"), None);
    assert!(unbalanced("<ul><li><div>x</li></ul></div>").is_some());
    assert!(unbalanced("<p><b>x</p>").is_some());
    assert!(unbalanced("<div>").is_some());
    // The tree builder ends what a browser ends.
    for html in [
        "<ul><li><div><li>x</li></div></li></ul>",
        "<dl><dd><div><dt>x</dt></div></dd></dl>",
        "<ol><li><span><div><li>x</li></div></span></li></ol>",
        "<table><div><table></table></div></table>",
        "<table><tr><div><table></table></div></tr></table>",
        "<div></div></div>",
    ] {
        assert!(breaks_wrapper(html).is_some(), "{html}");
    }
    for html in [
        "<ul><li><div>x</div></li><li>y</li></ul>",
        "<ul><li>a<li>b</ul>",
        "<p>a<div>b</div></p>",
        "<table><tr><td><div><table><tr><td>x</td></tr></table></div></td></tr></table>",
        "<h1>a<h2>b</h2></h1>",
        // Inside a table, an end tag reaches no further than the table.
        "<table><tr><td><div><td>x</td></div></td></tr></table>",
        "<table><div><tr><td>x</td></tr></div></table>",
        "<ruby><div><p><rt>x</rt></p></div></ruby>",
        "<p>a<ul><li>b</li></ul></p><div><b>x</b></div>",
    ] {
        assert_eq!(breaks_wrapper(html), None, "{html}");
    }
}

/// The Markdown containers a raw element can start in, each around `{}`.
const CONTAINERS: &[&str] = &[
    "{}",
    "Text {}",
    "- {}",
    "1. {}",
    "- a\n\n  {}",
    "- [ ] {}",
    "> {}",
    "> - {}",
    "> [!NOTE]\n> {}",
    "## {}",
    "*a {}*",
    "**a {}**",
    "~~a {}~~",
    "[a {}](u)",
    "| a |\n|---|\n| {} |",
    "Text[^1]\n\n[^1]: {}",
    "<div>\n\n- {}\n\n</div>",
    "<table>\n\n{}\n\n</table>",
    "<ul>\n\n{}\n\n</ul>",
];

/// Raw HTML around the element: the `div` whose `</div>` must not outlive it, alone or
/// inside what an element could otherwise end.
const AROUND: &[&str] = &[
    "<div>",
    "<div><span>",
    "<p><span><div>",
    "<ul><li><div>",
    "<dl><dd><div>",
    "<table><tr><td><div>",
    "<table><div>",
    "<table><tbody><div>",
    "<table><caption><div>",
    "<ruby><div>",
    "<h2><div>",
    "<a href=x><div>",
];

/// Every element of the allowlist whose start tag a browser may end other elements for.
const ENDING_ELEMENTS: &[&str] = &[
    "li",
    "dt",
    "dd",
    "p",
    "div",
    "ul",
    "ol",
    "dl",
    "blockquote",
    "details",
    "summary",
    "figure",
    "figcaption",
    "pre",
    "hr",
    "h1",
    "h2",
    "h6",
    "table",
    "caption",
    "colgroup",
    "col",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "rt",
    "rp",
    "a",
];

/// The options of a post at `posts/x.md` with the allowlist on.
fn allowlist_options() -> RenderOptions<'static> {
    RenderOptions::from_parts(
        "posts/x.md",
        "posts/x",
        Vec::new(),
        RawHtml::Allowlist,
        folio_core::i18n::Lang::En,
    )
}

#[test]
fn an_element_in_a_raw_div_never_ends_it_early_in_any_container() {
    let options = allowlist_options();
    let mut failures = Vec::new();
    for container in CONTAINERS {
        for around in AROUND {
            for element in ENDING_ELEMENTS {
                let raw = format!("{around}<{element}>x");
                let markdown = container.replace("{}", &raw);
                let html = render(&markdown, &options);
                if let Some(problem) =
                    breaks_wrapper(html.as_str()).or_else(|| unbalanced(html.as_str()))
                {
                    failures.push(format!("{markdown:?}\n  {}\n  {problem}", html.as_str()));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} break the page:\n{}",
        failures.len(),
        CONTAINERS.len() * AROUND.len() * ENDING_ELEMENTS.len(),
        failures.join("\n")
    );
}

/// Markdown made of containers (list items, quotes, headings, table cells, footnotes,
/// emphasis, links) with raw tags, matched or not, in and across them.
fn markdown_with_raw_tags() -> impl Strategy<Value = String> {
    let prefix = prop::sample::select(vec![
        "",
        "",
        "- ",
        "1. ",
        "  ",
        "> ",
        "> - ",
        "## ",
        "[^1]: ",
        "[^n]: ",
        "| ",
        "    ",
        "> [!NOTE]\n> ",
        "- [ ] ",
    ]);
    let piece = prop::sample::select(vec![
        "<div>",
        "</div>",
        "<b>",
        "</b>",
        "<span>",
        "</span>",
        "<details>",
        "<summary>",
        "</summary>",
        "</details>",
        "<table>",
        "<tr>",
        "<td>",
        "</td>",
        "</table>",
        "<p>",
        "</p>",
        "<li>",
        "</li>",
        "<ul>",
        "</ul>",
        "<blockquote>",
        "</blockquote>",
        "<h2>",
        "</h2>",
        "<br>",
        "<img src=x>",
        "<a href=x>",
        "</a>",
        "<div/>",
        "<!--",
        "-->",
        // Elements whose start tag a browser may end other elements for.
        "<ol>",
        "<dl>",
        "<dt>",
        "<dd>",
        "</dd>",
        "<thead>",
        "<tbody>",
        "<th>",
        "<caption>",
        "<colgroup>",
        "<col>",
        "</tr>",
        "<ruby>",
        "<rt>",
        "<h3>",
        "<pre>",
        "<hr>",
        "<figure>",
        "*",
        "**",
        "_",
        "~~",
        "[",
        "](u)",
        "[^1]",
        "[^n]",
        "`",
        "|",
        " | ",
        "x",
        "word ",
        " ",
    ]);
    let line = (prefix, prop::collection::vec(piece, 0..7))
        .prop_map(|(prefix, pieces)| format!("{prefix}{}", pieces.concat()));
    let block = prop_oneof![
        4 => line,
        1 => Just(String::new()),
        1 => Just("| a | b |\n|---|:-:|".to_string()),
        1 => Just("```".to_string()),
    ];
    prop::collection::vec(block, 1..12).prop_map(|lines| lines.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn raw_html_never_unbalances_the_page(markdown in markdown_with_raw_tags()) {
        let options = RenderOptions::from_parts(
            "posts/x.md",
            "posts/x",
            Vec::new(),
            RawHtml::Allowlist,
            folio_core::i18n::Lang::En,
        );
        let html = render(&markdown, &options);
        prop_assert_eq!(unbalanced(html.as_str()), None, "{}", html.as_str());
        prop_assert_eq!(breaks_wrapper(html.as_str()), None, "{}", html.as_str());
    }
}
