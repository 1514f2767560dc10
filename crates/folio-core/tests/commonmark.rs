//! Every example of the CommonMark spec 0.31.2 (`tests/commonmark/spec.json`) through
//! Folio's renderer, as a Markdown body (no front matter). With raw HTML trusted, every
//! output must match the spec after normalising whitespace and removing what Folio adds
//! (heading ids and links, code block wrappers). With the allowlist, no output may contain
//! active content, as the tests' own tag scanner (`html_scan`) reads it.

mod html_scan;

use folio_core::markdown::{render_body, RenderOptions};
use folio_core::sanitize::RawHtml;
use html_scan::active_content;

struct Example {
    number: u64,
    section: String,
    markdown: String,
    html: String,
}

fn examples() -> Vec<Example> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/commonmark/spec.json"
    ))
    .unwrap();
    let items: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    items
        .into_iter()
        .map(|item| Example {
            number: item["number"].as_u64().unwrap(),
            section: item["section"].as_str().unwrap().to_string(),
            // The spec writes tabs as →.
            markdown: item["markdown"].as_str().unwrap().replace('→', "\t"),
            html: item["html"].as_str().unwrap().replace('→', "\t"),
        })
        .collect()
}

/// Whitespace between tags removed, runs of whitespace collapsed, and what Folio adds to
/// headings dropped: ids, section links and the table of contents.
fn normalise(html: &str) -> String {
    let mut text = html.to_string();
    if let (Some(start), Some(end)) = (text.find("<details class=\"toc\""), text.find("</details>"))
    {
        text.replace_range(start..end + "</details>".len(), "");
    }
    while let Some(start) = text.find(" <a class=\"anchor\"") {
        let Some(length) = text[start..].find("</a>") else {
            break;
        };
        text.replace_range(start..start + length + 4, "");
    }
    while let Some(start) = text.find(" id=\"") {
        let Some(length) = text[start + 5..].find('"') else {
            break;
        };
        text.replace_range(start..start + 5 + length + 1, "");
    }
    // Images: Folio loads them lazily.
    text = text.replace(" loading=\"lazy\" decoding=\"async\"", "");
    // Code blocks: Folio's wrapper, copy button and highlighting spans.
    while let Some(start) = text.find("<div class=\"code-block\"") {
        let Some(length) = text[start..].find('>') else {
            break;
        };
        text.replace_range(start..start + length + 1, "");
    }
    text = text
        .replace(
            "<button type=\"button\" class=\"copy-code\">Copy</button></div>",
            "",
        )
        .replace("<pre tabindex=\"0\">", "<pre>");
    let mut code = String::new();
    let mut rest = text.as_str();
    while let Some(start) = rest.find("<pre>") {
        let end = rest[start..]
            .find("</pre>")
            .map_or(rest.len(), |at| start + at);
        code.push_str(&rest[..start]);
        let mut block = rest[start..end]
            .replace("</span>", "")
            .replace("&apos;", "'");
        while let Some(open) = block.find("<span class=\"hl-") {
            let Some(length) = block[open..].find('>') else {
                break;
            };
            block.replace_range(open..open + length + 1, "");
        }
        code.push_str(&block);
        rest = &rest[end..];
    }
    code.push_str(rest);
    // Quotes in text may be written either way (the spec's own normaliser does the same).
    let text = code.replace("&quot;", "\"");
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed
        .replace("> <", "><")
        .replace(" />", ">")
        .replace("/>", ">")
}

fn rendered(example: &Example, raw_html: RawHtml) -> String {
    render_body(
        &example.markdown,
        &RenderOptions::from_parts("x.md", "", Vec::new(), raw_html, folio_core::i18n::Lang::En),
    )
    .as_str()
    .to_string()
}

#[test]
fn spec_examples_match_with_raw_html_trusted() {
    let examples = examples();
    assert_eq!(examples.len(), 652);
    let mismatches: Vec<String> = examples
        .iter()
        .filter_map(|example| {
            let got = rendered(example, RawHtml::Trusted);
            (normalise(&got) != normalise(&example.html)).then(|| {
                format!(
                    "#{} ({})\n  md:   {:?}\n  spec: {:?}\n  got:  {got:?}",
                    example.number, example.section, example.markdown, example.html
                )
            })
        })
        .collect();
    let n_passed = examples.len() - mismatches.len();
    println!(
        "CommonMark 0.31.2, raw HTML trusted: {n_passed} of {} examples match",
        examples.len()
    );
    assert_eq!(
        n_passed,
        652,
        "examples that differ from the spec:\n{}",
        mismatches.join("\n")
    );
}

#[test]
fn no_spec_example_has_active_content_with_the_allowlist() {
    let mut found = Vec::new();
    for example in examples() {
        let html = rendered(&example, RawHtml::Allowlist);
        for problem in active_content(&html) {
            found.push(format!("#{}: {problem} in {html:?}", example.number));
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}
