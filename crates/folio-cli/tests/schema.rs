//! `schema/posts.schema.json` against real manifests and against the core's field lists,
//! so the schema and the parser cannot drift apart.

use std::path::Path;

use serde_json::Value;

fn repo() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn schema() -> Value {
    serde_json::from_str(&std::fs::read_to_string(repo().join("schema/posts.schema.json")).unwrap())
        .unwrap()
}

fn validator() -> jsonschema::Validator {
    jsonschema::validator_for(&schema()).unwrap()
}

fn manifest(path: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(repo().join(path)).unwrap()).unwrap()
}

#[test]
fn the_schema_accepts_the_demo_and_sample_manifests() {
    let validator = validator();
    for path in [
        "public/posts.json",
        "tests/sites/minimal/posts.json",
        "tests/sites/zola/posts.json",
    ] {
        let errors: Vec<String> = validator
            .iter_errors(&manifest(path))
            .map(|e| format!("{} at {}", e, e.instance_path))
            .collect();
        assert!(errors.is_empty(), "{path}: {errors:?}");
    }
}

#[test]
fn the_schema_rejects_what_the_parser_rejects() {
    let validator = validator();
    let broken = manifest("tests/sites/broken/posts.json");
    let paths: Vec<String> = validator
        .iter_errors(&broken)
        .map(|e| e.instance_path.to_string())
        .collect();
    // The bad date and the missing title; the duplicate slug is beyond JSON Schema.
    assert!(paths.contains(&"/posts/1/date".to_string()), "{paths:?}");
    assert!(paths.contains(&"/posts/3".to_string()), "{paths:?}");
    for bad in [
        r#"{"version":2,"site":{"title":"T"}}"#,
        r#"{"version":1,"site":{}}"#,
        r#"{"version":1,"site":{"title":"T"},"posts":[{"slug":"Bad Slug","title":"A","date":"2024-01-01","file":"a.md"}]}"#,
        r#"{"version":1,"site":{"title":"T"},"posts":[{"slug":"a","title":"A","date":"2024-01-01","file":"/etc/passwd"}]}"#,
        r#"{"version":1,"site":{"title":"T"},"posts":[{"slug":"a","title":"A","date":"2024-01-01","file":"a.md","reading_minutes":0}]}"#,
        r#"{"version":1,"site":{"title":"T","base_url":"example.org"}}"#,
    ] {
        let value: Value = serde_json::from_str(bad).unwrap();
        assert!(!validator.is_valid(&value), "accepted: {bad}");
        let parsed = folio_core::parse(
            bad,
            &folio_core::ParseOptions {
                drafts: folio_core::Drafts::Show,
            },
        );
        let parser_objects = match parsed {
            Err(_) => true,
            Ok(manifest) => !manifest.problems.is_empty(),
        };
        assert!(
            parser_objects,
            "the parser accepts what the schema rejects: {bad}"
        );
    }
}

#[test]
fn the_schema_lists_exactly_the_fields_the_parser_knows() {
    let schema = schema();
    let keys = |value: &Value| -> Vec<String> {
        let mut keys: Vec<String> = value.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        keys
    };
    let sorted = |fields: &[&str]| -> Vec<String> {
        let mut fields: Vec<String> = fields.iter().map(|f| f.to_string()).collect();
        fields.sort();
        fields
    };
    assert_eq!(
        keys(&schema["$defs"]["post"]["properties"]),
        sorted(folio_core::manifest::POST_FIELDS)
    );
    assert_eq!(
        keys(&schema["properties"]["site"]["properties"]),
        sorted(folio_core::manifest::SITE_FIELDS)
    );
}
