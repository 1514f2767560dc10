//! The JSON form of a manifest, for tools that write `posts.json` (`folio index`). Kept
//! apart from the validated types: this is the public format, field for field.

use serde::Serialize;

/// One post as it appears in `posts.json`. Field order is the order written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PostRecord {
    /// `slug`.
    pub slug: String,
    /// `title`.
    pub title: String,
    /// `date`, as written by the author.
    pub date: String,
    /// `updated`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    /// `summary`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// `category`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// `tags`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// `author`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// `draft`, written only when true.
    #[serde(skip_serializing_if = "is_false")]
    pub draft: bool,
    /// `reading_minutes`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reading_minutes: Option<u32>,
    /// `cover`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cover: Option<String>,
    /// `file`.
    pub file: String,
}

fn is_false(value: &bool) -> bool {
    !*value
}

#[derive(Serialize)]
struct ManifestRecord<'a> {
    #[serde(rename = "$schema", skip_serializing_if = "Option::is_none")]
    schema: Option<&'a str>,
    version: u64,
    site: &'a serde_json::Value,
    posts: &'a [PostRecord],
}

/// The text of a manifest: 2-space indented JSON with a final newline. The same input
/// always gives the same bytes (object keys of `site` are sorted by serde_json).
pub fn to_json(schema: Option<&str>, site: &serde_json::Value, posts: &[PostRecord]) -> String {
    let record = ManifestRecord {
        schema,
        version: crate::manifest::VERSION,
        site,
        posts,
    };
    let mut text = serde_json::to_string_pretty(&record).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::{parse, Drafts, ParseOptions};

    #[test]
    fn written_manifests_parse_back_without_problems() {
        let post = PostRecord {
            slug: "a".into(),
            title: "A \"quoted\" title".into(),
            date: "2024-01-02".into(),
            updated: None,
            summary: Some("S".into()),
            category: None,
            tags: vec!["Go".into(), "CI/CD".into()],
            author: None,
            draft: false,
            reading_minutes: Some(3),
            cover: None,
            file: "posts/a.md".into(),
        };
        let site = serde_json::json!({"title": "T", "author": "Me"});
        let text = to_json(Some("./posts.schema.json"), &site, &[post]);
        assert_eq!(
            text,
            r#"{
  "$schema": "./posts.schema.json",
  "version": 1,
  "site": {
    "author": "Me",
    "title": "T"
  },
  "posts": [
    {
      "slug": "a",
      "title": "A \"quoted\" title",
      "date": "2024-01-02",
      "summary": "S",
      "tags": [
        "Go",
        "CI/CD"
      ],
      "reading_minutes": 3,
      "file": "posts/a.md"
    }
  ]
}
"#
        );
        let loaded = parse(
            &text,
            &ParseOptions {
                drafts: Drafts::Hide,
            },
        )
        .unwrap();
        assert_eq!(loaded.problems, []);
        assert_eq!(loaded.posts[0].title, "A \"quoted\" title");
    }
}
