//! Property tests: on any input, parsing, slugs, dates and rendering return a value or an
//! error and never panic (a panic in the browser kills the whole app). Rendered HTML with
//! the allowlist also has no script and its elements nest.

mod html_scan;

use folio_core::markdown::{render, summary, RenderOptions};
use folio_core::sanitize::{RawHtml, Sanitizer};
use folio_core::slug::{percent_decode, post_slug_from, slugify};
use folio_core::{parse, Drafts, ParseOptions, PostDate};
use proptest::prelude::*;

fn options() -> ParseOptions {
    ParseOptions {
        drafts: Drafts::Hide,
    }
}

/// JSON-like text built from manifest fragments, so the parser gets past the JSON check.
fn manifest_text() -> impl Strategy<Value = String> {
    let value = prop_oneof![
        Just("null".to_string()),
        Just("true".to_string()),
        any::<i64>().prop_map(|n| n.to_string()),
        ".{0,12}".prop_map(|s| serde_json::to_string(&s).unwrap()),
        Just("[]".to_string()),
        Just("{}".to_string()),
        Just("\"2024-02-30\"".to_string()),
        Just("\"2024-01-01T10:00:00+02:00\"".to_string()),
        Just("[\"a\",\"CI/CD\",\"\"]".to_string()),
    ];
    let key = prop_oneof![
        Just("slug"),
        Just("title"),
        Just("date"),
        Just("file"),
        Just("tags"),
        Just("category"),
        Just("draft"),
        Just("reading_minutes"),
        Just("cover"),
        Just("updated"),
        Just("x"),
    ];
    let post = prop::collection::vec((key, value), 0..8).prop_map(|fields| {
        let body: Vec<String> = fields
            .into_iter()
            .map(|(k, v)| format!("\"{k}\":{v}"))
            .collect();
        format!("{{{}}}", body.join(","))
    });
    (prop::collection::vec(post, 0..6), ".{0,8}").prop_map(|(posts, title)| {
        format!(
            r#"{{"version":1,"site":{{"title":{}}},"posts":[{}]}}"#,
            serde_json::to_string(&title).unwrap(),
            posts.join(",")
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn parse_never_panics_on_any_text(text in ".{0,200}") {
        let _ = parse(&text, &options());
    }

    #[test]
    fn parse_never_panics_on_manifest_like_json(text in manifest_text()) {
        if let Ok(manifest) = parse(&text, &options()) {
            // Loaded posts are newest first.
            prop_assert!(manifest.posts.windows(2).all(|pair| pair[0].date >= pair[1].date));
        }
    }

    #[test]
    fn slugs_are_never_empty_and_fold_once(name in ".{0,40}") {
        let slug = slugify(&name);
        prop_assert!(!slug.is_empty());
        prop_assert_eq!(slugify(&slug), slug.clone());
        prop_assert!(!slug.contains(['/', '?', '#', '%', ' ', '"', '<']));
        if let Some(post_slug) = post_slug_from(&name) {
            prop_assert!(post_slug.as_str().bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
        }
        let _ = percent_decode(&name);
    }

    #[test]
    fn css_minify_never_panics_and_is_idempotent(css in "([{};:,\"'\\/*+ \n]|[a-z0-9]{1,4}){0,60}") {
        let once = folio_core::css::minify(&css);
        prop_assert_eq!(folio_core::css::minify(&once), once);
    }

    #[test]
    fn dates_never_panic(text in "[0-9T:+\\-Zz. ]{0,30}") {
        if let Some(date) = PostDate::parse(&text) {
            let _ = (date.human(), date.rfc3339(), date.rfc2822());
        }
    }

    #[test]
    fn sanitizer_never_panics_and_never_emits_script(raw in "(<[a-zA-Z/!]{0,8}[ =\"'a-z]{0,12}>?|[^<]{0,8}|&#?[a-zA-Z0-9]{0,6};?){0,12}") {
        let mut sanitizer = Sanitizer::default();
        let url = |url: &str| Some(url.to_string());
        let mut html = sanitizer.clean(&raw, &url);
        html.push_str(&sanitizer.close_all());
        prop_assert!(!html.to_ascii_lowercase().contains("<script"));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn render_never_panics(markdown in "([#>*_`\\[\\]()!<>|~\\-:\\n ]|[a-z]{1,5}|\\[\\^[a-z1-9]\\]|&[a-z#0-9]{0,5};?){0,60}") {
        for raw_html in [RawHtml::Allowlist, RawHtml::Trusted] {
            let html = render(&markdown, &RenderOptions::from_parts("posts/a.md", "posts/a", Vec::new(), raw_html, folio_core::i18n::Lang::En));
            if raw_html == RawHtml::Allowlist {
                prop_assert!(!html.as_str().to_ascii_lowercase().contains("<script"));
                prop_assert_eq!(html_scan::unbalanced(html.as_str()), None, "{}", html.as_str());
                prop_assert_eq!(html_scan::breaks_wrapper(html.as_str()), None, "{}", html.as_str());
            }
        }
        let _ = summary(&markdown);
        let _ = folio_core::reading_time::minutes(&markdown);
        let _ = folio_core::markdown::links(&markdown);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// The word index finds exactly the posts that a scan of their words finds, for posts
    /// whose words repeat (lists turning into bits) and terms that match anywhere in a word.
    #[test]
    fn the_text_index_matches_a_scan_of_the_words(
        posts in prop::collection::vec("( ?[a-eé東]{1,4}){0,12}", 0..150),
        term in "[a-eé東]{0,3}",
    ) {
        let pairs: Vec<(String, String)> = posts
            .iter()
            .enumerate()
            .map(|(n, words)| (format!("p{n}"), words.clone()))
            .collect();
        let index = folio_core::text_index::TextIndex::new(&pairs);
        // And the same index written to its file and read back.
        let read = folio_core::text_index::parse_text_index(&index.to_json());
        prop_assert_eq!(read.as_ref(), Some(&index));
        for index in [Some(index), read].into_iter().flatten() {
            let matches = index.matching(&term);
            for (number, (_, words)) in (0u32..).zip(&pairs) {
                let expected = !term.is_empty() && words.split(' ').any(|word| word.contains(term.as_str()));
                prop_assert_eq!(matches.contains(number), expected, "post {} {:?}, term {:?}", number, words, term);
            }
            prop_assert!(!matches.contains(pairs.len() as u32));
        }
    }

    #[test]
    fn the_text_index_reader_never_panics(
        slugs in 0usize..70,
        lists in prop::collection::vec("~?[A-Za-z0-9_!-]{0,14}", 0..4),
    ) {
        let slugs: Vec<String> = (0..slugs).map(|n| format!("p{n}")).collect();
        let words: String = (0..lists.len()).map(|n| format!("w{n}\n")).collect();
        if let Some(index) = folio_core::text_index::TextIndex::from_parts(slugs, words, lists.iter().map(Some)) {
            let _ = index.matching("w");
        }
    }
}
