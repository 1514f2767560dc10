//! Front matter in YAML (`---`, Jekyll, Hugo) or TOML (`+++`, Zola, Hugo), mapped to a
//! manifest entry. Field names follow what those tools' authors already write.

use folio_core::markdown::{strip_front_matter, summary};
use folio_core::record::PostRecord;
use folio_core::slug::{post_slug_from, Slug};
use folio_core::{reading_time, PostDate, Severity};
use serde_json::{Map, Value};

use crate::diagnostic::Diagnostic;

/// The front matter format of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `---` fences.
    Yaml,
    /// `+++` fences.
    Toml,
}

/// Parsed front matter: its fields, and the lines they are on.
#[derive(Debug, Default)]
pub struct FrontMatter {
    /// The fields, as JSON values.
    pub fields: Map<String, Value>,
    /// The raw front matter text, to find the line of a key.
    raw: String,
    format: Option<Format>,
}

impl FrontMatter {
    /// Whether the post is a draft: `draft: true` (Hugo, Zola), or `published: false`
    /// (Jekyll); either is enough. A value that is not a boolean is an error at its line.
    pub fn is_draft(&self) -> Result<bool, (usize, String)> {
        let mut is_draft = false;
        for (key, draft_when) in [("draft", true), ("published", false)] {
            let Some(value) = self.fields.get(key) else {
                continue;
            };
            match yaml_flag(value) {
                Some(flag) => is_draft |= flag == draft_when,
                None => {
                    return Err((
                        self.line_of(key),
                        format!(
                            "{key} is {value}, which is neither true nor false (yes/no and on/off work too)"
                        ),
                    ))
                }
            }
        }
        Ok(is_draft)
    }

    /// The 1-based line of `key` in the file (the fence is line 1), or 1.
    pub fn line_of(&self, key: &str) -> usize {
        let found = self.raw.lines().position(|line| {
            let line = line.trim_start();
            match self.format {
                Some(Format::Toml) => line
                    .strip_prefix(key)
                    .is_some_and(|rest| rest.trim_start().starts_with('=')),
                _ => line
                    .strip_prefix(key)
                    .is_some_and(|rest| rest.starts_with(':')),
            }
        });
        found.map_or(1, |index| index + 2)
    }
}

/// Splits and parses the front matter of `text`. A file without front matter has none;
/// a file whose front matter does not parse is an error at its line.
pub fn parse(text: &str) -> Result<FrontMatter, (usize, String)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let body = strip_front_matter(text);
    if body.len() == text.len() {
        return Ok(FrontMatter::default());
    }
    let block = &text[..text.len() - body.len()];
    let format = if block.starts_with("+++") {
        Format::Toml
    } else {
        Format::Yaml
    };
    // Drop the fences: the first line and the last.
    let inner: String = {
        let lines: Vec<&str> = block.lines().collect();
        lines
            .get(1..lines.len().saturating_sub(1))
            .unwrap_or_default()
            .join("\n")
    };
    let value = match format {
        Format::Yaml => {
            if inner.trim().is_empty() {
                Value::Object(Map::new())
            } else {
                let yaml: serde_yaml::Value = serde_yaml::from_str(&inner).map_err(|error| {
                    let line = error.location().map_or(1, |at| at.line() + 1);
                    (line, format!("front matter is not valid YAML: {error}"))
                })?;
                serde_json::to_value(yaml).map_err(|error| {
                    (
                        1,
                        format!("front matter has a value Folio cannot read: {error}"),
                    )
                })?
            }
        }
        Format::Toml => {
            let table: toml::Table = toml::from_str(&inner).map_err(|error| {
                let line = error.span().map_or(1, |span| {
                    inner
                        .get(..span.start.min(inner.len()))
                        .map_or(0, |before| before.matches('\n').count())
                        + 2
                });
                (
                    line,
                    format!("front matter is not valid TOML: {}", error.message()),
                )
            })?;
            toml_to_json(toml::Value::Table(table))
        }
    };
    match value {
        Value::Object(fields) => Ok(FrontMatter {
            fields,
            raw: inner,
            format: Some(format),
        }),
        Value::Null => Ok(FrontMatter {
            fields: Map::new(),
            raw: inner,
            format: Some(format),
        }),
        _ => Err((
            2,
            "front matter must be a set of key: value fields".to_string(),
        )),
    }
}

/// TOML values as JSON; dates become their RFC 3339 text.
fn toml_to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(text) => Value::String(text),
        toml::Value::Integer(n) => Value::from(n),
        toml::Value::Float(x) => Value::from(x),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(datetime) => Value::String(datetime.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(table) => Value::Object(
            table
                .into_iter()
                .map(|(k, v)| (k, toml_to_json(v)))
                .collect(),
        ),
    }
}

/// Builds the manifest entry for the post at `file` (site-relative) with text `text`.
/// Problems are reported at their line; `None` when the post cannot be listed.
pub fn record(file: &str, text: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<PostRecord> {
    let front = match parse(text) {
        Ok(front) => front,
        Err((line, message)) => {
            diagnostics.push(Diagnostic::at_line(file, line, Severity::Error, message));
            return None;
        }
    };
    let mut problem = |key: &str, message: String| {
        diagnostics.push(Diagnostic {
            file: file.into(),
            line: front.line_of(key),
            column: 1,
            severity: Severity::Error,
            message,
        });
    };
    let text_field = |keys: &[&str]| -> Option<String> {
        keys.iter().find_map(|key| match front.fields.get(*key) {
            Some(Value::String(text)) if !text.trim().is_empty() => Some(text.trim().to_string()),
            Some(Value::Number(n)) => Some(n.to_string()),
            _ => None,
        })
    };

    let stem = file
        .rsplit('/')
        .next()
        .unwrap_or(file)
        .trim_end_matches(".md");
    let slug = match text_field(&["slug"]) {
        Some(slug) => match Slug::parse(&slug) {
            Some(slug) => Some(slug),
            None => {
                problem(
                    "slug",
                    format!("slug {slug:?} may only have lowercase letters, digits and -"),
                );
                None
            }
        },
        // Jekyll names posts `2024-01-02-title.md`; the date is not part of the slug.
        None => {
            let slug = post_slug_from(strip_date_prefix(stem));
            if slug.is_none() {
                problem(
                    "title",
                    format!("no slug can be made from the file name {stem:?}; add a `slug:` field"),
                );
            }
            slug
        }
    };
    let title = text_field(&["title"]);
    if title.is_none() {
        problem("title", "the front matter has no title".into());
    }
    let date = match text_field(&["date"]) {
        Some(date) => match normalise_date(&date) {
            Some(date) => Some(date),
            None => {
                problem(
                    "date",
                    format!("date {date:?} is not a date; use YYYY-MM-DD or an RFC 3339 date-time"),
                );
                None
            }
        },
        None => {
            problem("date", "the front matter has no date".into());
            None
        }
    };
    let updated = text_field(&["updated", "lastmod", "last_modified_at"]).and_then(|value| {
        let date = normalise_date(&value);
        if date.is_none() {
            problem("updated", format!("updated {value:?} is not a date"));
        }
        date
    });
    let taxonomies = front.fields.get("taxonomies").and_then(Value::as_object);
    let list = |key: &str| -> Vec<String> {
        let splits_at_spaces = matches!(key, "tags" | "categories");
        let value = front
            .fields
            .get(key)
            .or_else(|| taxonomies.and_then(|t| t.get(key)));
        match value {
            Some(Value::Array(items)) => items
                .iter()
                .filter_map(Value::as_str)
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect(),
            // Jekyll splits a string of tags or categories at spaces (`tags: ruby jekyll`);
            // a string with commas is a list written with commas (`tags: Rust, Errors`).
            Some(Value::String(text)) if text.contains(',') || !splits_at_spaces => text
                .split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect(),
            Some(Value::String(text)) => text.split_whitespace().map(str::to_string).collect(),
            _ => Vec::new(),
        }
    };
    let categories = list("categories");
    let category = text_field(&["category"]).or_else(|| categories.first().cloned());
    if categories.len() > 1 && front.fields.get("category").is_none() {
        diagnostics.push(Diagnostic {
            file: file.into(),
            line: front.line_of("categories"),
            column: 1,
            severity: Severity::Warning,
            message: format!(
                "a post has one category; using {:?} of {categories:?}",
                categories[0]
            ),
        });
    }
    let author = text_field(&["author"]).or_else(|| list("authors").first().cloned());
    let is_draft = match front.is_draft() {
        Ok(is_draft) => Some(is_draft),
        Err((line, message)) => {
            diagnostics.push(Diagnostic::at_line(file, line, Severity::Error, message));
            None
        }
    };
    let summary_text = text_field(&["summary", "description", "excerpt"]).or_else(|| summary(text));
    let cover = text_field(&["cover", "image"]);

    Some(PostRecord {
        slug: slug?.to_string(),
        title: title?,
        date: date?,
        updated,
        summary: summary_text,
        category,
        tags: list("tags"),
        author,
        draft: is_draft?,
        reading_minutes: Some(reading_time::minutes(text)),
        cover,
        file: file.to_string(),
    })
}

/// `2024-01-02-title` → `title`.
fn strip_date_prefix(stem: &str) -> &str {
    let bytes = stem.as_bytes();
    let has_prefix = bytes.len() > 11
        && bytes[..10].iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
        && bytes[10] == b'-';
    if has_prefix {
        &stem[11..]
    } else {
        stem
    }
}

/// A date as the manifest wants it. Accepts what `PostDate` accepts, plus Jekyll's
/// `2024-01-02 10:00:00 +0200`, Hugo's `2024-01-02T10:00` (no seconds) and date-times
/// without a zone (taken as UTC).
pub fn normalise_date(text: &str) -> Option<String> {
    let text = text.trim();
    if PostDate::parse(text).is_some() {
        return Some(text.to_string());
    }
    // The day, a `T` or spaces, the time, then the zone (with or without a space before it).
    // `get` rather than slicing: the text may have a multi-byte character anywhere.
    let day = text.get(..10)?;
    let rest = text.get(10..)?;
    let rest = rest.strip_prefix(['T', 't']).unwrap_or(rest).trim_start();
    let time_length = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.'))
        .unwrap_or(rest.len());
    let (time, zone) = rest.split_at(time_length);
    // `10:00` has no seconds (Hugo and Jekyll allow that; RFC 3339 does not).
    let time = if time.len() == 5 {
        format!("{time}:00")
    } else {
        time.to_string()
    };
    let zone = match zone.trim() {
        "" | "Z" | "z" | "UTC" => "Z".to_string(),
        // `+0200` → `+02:00`, only when every byte after the sign is an ASCII digit.
        zone if zone.len() == 5
            && zone.starts_with(['+', '-'])
            && zone[1..].bytes().all(|b| b.is_ascii_digit()) =>
        {
            format!("{}:{}", &zone[..3], &zone[3..])
        }
        zone => zone.to_string(),
    };
    let candidate = format!("{day}T{time}{zone}");
    PostDate::parse(&candidate).map(|_| candidate)
}

/// A YAML 1.1 boolean, as Jekyll reads front matter: `true`/`false`, or the words `yes`,
/// `no`, `on`, `off`, `true`, `false` (any case) written as text. `None` for anything else.
fn yaml_flag(value: &Value) -> Option<bool> {
    match value {
        Value::Bool(flag) => Some(*flag),
        Value::String(text) => match text.trim().to_ascii_lowercase().as_str() {
            "true" | "yes" | "on" => Some(true),
            "false" | "no" | "off" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(text: &str, expect: &str) {
        let mut diagnostics = Vec::new();
        let got = record("posts/2024-05-01-my-post.md", text, &mut diagnostics);
        let mut lines: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
        if let Some(record) = got {
            lines.insert(0, serde_json::to_string(&record).unwrap());
        }
        assert_eq!(lines.join("\n"), expect.trim(), "input:\n{text}");
    }

    #[test]
    fn yaml_front_matter() {
        check("---\ntitle: Hello\ndate: 2024-05-01\ntags: [Go, CI/CD]\ncategories: [Backend]\ndescription: Short.\n---\nBody text.",
              r#"{"slug":"my-post","title":"Hello","date":"2024-05-01","summary":"Short.","category":"Backend","tags":["Go","CI/CD"],"reading_minutes":1,"file":"posts/2024-05-01-my-post.md"}"#);
    }

    #[test]
    fn toml_front_matter_with_zola_taxonomies() {
        check("+++\ntitle = \"Zola post\"\ndate = 2024-05-01T10:00:00Z\ndraft = true\n[taxonomies]\ntags = [\"rust\"]\ncategories = [\"Notes\"]\n+++\nFirst paragraph.\n\nSecond.",
              r#"{"slug":"my-post","title":"Zola post","date":"2024-05-01T10:00:00Z","summary":"First paragraph.","category":"Notes","tags":["rust"],"draft":true,"reading_minutes":1,"file":"posts/2024-05-01-my-post.md"}"#);
    }

    #[test]
    fn jekyll_dates_and_slugs() {
        check("---\ntitle: J\ndate: 2024-05-01 10:30:00 +0200\nslug: custom-slug\nlastmod: 2024-06-01\nauthor: Ann\n---\n",
              r#"{"slug":"custom-slug","title":"J","date":"2024-05-01T10:30:00+02:00","updated":"2024-06-01","author":"Ann","reading_minutes":1,"file":"posts/2024-05-01-my-post.md"}"#);
    }

    #[test]
    fn problems_name_their_line() {
        check(
            "---\ntitle: T\ndate: 2024-13-01\nslug: Bad Slug\n---\n",
            r#"
posts/2024-05-01-my-post.md:4:1: error: slug "Bad Slug" may only have lowercase letters, digits and -
posts/2024-05-01-my-post.md:3:1: error: date "2024-13-01" is not a date; use YYYY-MM-DD or an RFC 3339 date-time"#,
        );
        check("---\ntitle: [unclosed\n---\n", "posts/2024-05-01-my-post.md:3:1: error: front matter is not valid YAML: did not find expected ',' or ']' at line 2 column 1, while parsing a flow sequence at line 1 column 8");
        check(
            "No front matter at all.",
            r#"
posts/2024-05-01-my-post.md:1:1: error: the front matter has no title
posts/2024-05-01-my-post.md:1:1: error: the front matter has no date"#,
        );
    }

    #[test]
    fn hugo_dates_without_seconds_or_zone_are_utc() {
        check(
            "---\ntitle: H\ndate: 2024-01-01T00:00\nlastmod: 2024-02-01T10:30\n---\n",
            r#"{"slug":"my-post","title":"H","date":"2024-01-01T00:00:00Z","updated":"2024-02-01T10:30:00Z","reading_minutes":1,"file":"posts/2024-05-01-my-post.md"}"#,
        );
        for (written, normalised) in [
            ("2024-01-01T00:00", "2024-01-01T00:00:00Z"),
            ("2024-01-01T00:00:00", "2024-01-01T00:00:00Z"),
            ("2024-01-01T09:15+02:00", "2024-01-01T09:15:00+02:00"),
            ("2024-01-01 09:15", "2024-01-01T09:15:00Z"),
            ("2024-01-01 09:15:00 +0200", "2024-01-01T09:15:00+02:00"),
            ("2024-01-01 09:15:00 -0500", "2024-01-01T09:15:00-05:00"),
            ("2024-01-01 09:15:00 UTC", "2024-01-01T09:15:00Z"),
            ("2024-01-01T09:15:00Z", "2024-01-01T09:15:00Z"),
        ] {
            assert_eq!(
                normalise_date(written).as_deref(),
                Some(normalised),
                "{written}"
            );
        }
        for not_a_date in [
            "2024-01-01T",
            "2024-01-01T25:00",
            "2024-01-01 09:15 +2",
            "2024-01-01x",
            "2024-01-0é",
        ] {
            assert_eq!(normalise_date(not_a_date), None, "{not_a_date}");
        }
    }

    #[test]
    fn jekyll_space_separated_tags_and_categories_are_separate_terms() {
        check(
            "---\ntitle: J\ndate: 2024-05-01\ntags: ruby jekyll\ncategories: web dev\n---\n",
            r#"{"slug":"my-post","title":"J","date":"2024-05-01","category":"web","tags":["ruby","jekyll"],"reading_minutes":1,"file":"posts/2024-05-01-my-post.md"}
posts/2024-05-01-my-post.md:5:1: warning: a post has one category; using "web" of ["web", "dev"]"#,
        );
        // With commas, the commas separate (a term may have spaces); one category is one.
        check("---\ntitle: J\ndate: 2024-05-01\ntags: Machine Learning, Rust\ncategory: Web Dev\n---\n",
              r#"{"slug":"my-post","title":"J","date":"2024-05-01","category":"Web Dev","tags":["Machine Learning","Rust"],"reading_minutes":1,"file":"posts/2024-05-01-my-post.md"}"#);
    }

    #[test]
    fn draft_and_published_follow_yaml_1_1_as_jekyll_does() {
        let drafted = |front: &str| -> String {
            let mut diagnostics = Vec::new();
            let text = format!("---\ntitle: D\ndate: 2024-05-01\n{front}\n---\n");
            match record("posts/d.md", &text, &mut diagnostics) {
                Some(record) => record.draft.to_string(),
                None => diagnostics.iter().map(ToString::to_string).collect(),
            }
        };
        for (front, expect) in [
            ("draft: true", "true"),
            ("draft: yes", "true"),
            ("draft: Yes", "true"),
            ("draft: on", "true"),
            ("draft: \"true\"", "true"),
            ("draft: 'TRUE'", "true"),
            ("draft: no", "false"),
            ("draft: off", "false"),
            ("draft: \"false\"", "false"),
            ("draft: false", "false"),
            ("published: false", "true"),
            ("published: no", "true"),
            ("published: true", "false"),
            ("draft: false\npublished: false", "true"),
            ("draft: true\npublished: true", "true"),
            ("draft: maybe", "posts/d.md:4:1: error: draft is \"maybe\", which is neither true nor false (yes/no and on/off work too)"),
            ("draft: 1", "posts/d.md:4:1: error: draft is 1, which is neither true nor false (yes/no and on/off work too)"),
            ("draft:", "posts/d.md:4:1: error: draft is null, which is neither true nor false (yes/no and on/off work too)"),
            ("published: [x]", "posts/d.md:4:1: error: published is [\"x\"], which is neither true nor false (yes/no and on/off work too)"),
        ] {
            assert_eq!(drafted(front), expect, "{front}");
        }
        // TOML too.
        let mut diagnostics = Vec::new();
        let record = record(
            "posts/d.md",
            "+++\ntitle = \"D\"\ndate = 2024-05-01\ndraft = \"yes\"\n+++\n",
            &mut diagnostics,
        );
        assert!(record.is_some_and(|record| record.draft), "{diagnostics:?}");
    }

    #[test]
    fn a_zone_with_a_non_ascii_character_is_a_problem_not_a_panic() {
        check(
            "---\ntitle: T\ndate: 2024-05-01 10:00:00 +0\u{e9}1\n---\n",
            "posts/2024-05-01-my-post.md:3:1: error: date \"2024-05-01 10:00:00 +0\u{e9}1\" is not a date; use YYYY-MM-DD or an RFC 3339 date-time",
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// Any text, with any fences, gives a record or problems, never a panic. Values
        /// mix ASCII with multi-byte characters (Latin, CJK, emoji, combining marks), so
        /// code that slices at byte offsets meets character boundaries it could split.
        #[test]
        fn front_matter_never_panics(fence in "(---|\\+\\+\\+)", inner in "([a-z_]{1,6}( = |: )[\\[\\]\"',0-9a-zA-Z :\\-+{}é中😀\u{301}]{0,16}\n){0,6}", body in "\\PC{0,40}") {
            let text = format!("{fence}\n{inner}{fence}\n{body}");
            let mut diagnostics = Vec::new();
            let _ = record("posts/x.md", &text, &mut diagnostics);
            let _ = record("posts/x.md", &inner, &mut diagnostics);
        }

        /// Dates the way Jekyll and Hugo authors write them, with any characters where
        /// the time and zone go.
        #[test]
        fn dates_with_any_time_and_zone_never_panic(day in "20[0-9]{2}-[01][0-9]-[0-3][0-9]", separator in "[ T]", time in "[0-9:é中]{0,8}", zone in "( ?[+\\-Zé中😀0-9:]{0,6}|\\PC{0,6})") {
            let text = format!("---\ntitle: T\ndate: \"{day}{separator}{time}{zone}\"\n---\n");
            let mut diagnostics = Vec::new();
            let _ = record("posts/x.md", &text, &mut diagnostics);
            let _ = normalise_date(&format!("{day}{separator}{time}{zone}"));
        }
    }
}
