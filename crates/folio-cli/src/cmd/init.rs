//! `folio init`: a new site with its settings, one example post and the reader app.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};

use crate::cmd::{build, index};
use crate::site::{manifest_path, write_atomically, SCHEMA, SCHEMA_FILE, SCHEMA_REFERENCE};

const EXAMPLE_POST: &str = r#"---
title: "Hello, Folio"
date: 2024-01-01
category: Notes
tags: [Folio, Getting Started]
---

This is your first post. Edit it, or write a new one with `folio new "My title"`.

## Writing

Posts are Markdown with tables, footnotes[^1], ~~strikethrough~~ and task lists:

- [x] write a post
- [ ] run `folio index` and `folio check`

[^1]: Like this one.
"#;

/// Creates a site in `dir`, which must not exist or be empty; `base_url` becomes
/// `site.base_url`.
pub fn run(dir: &Path, title: &str, base_url: Option<&str>) -> Result<ExitCode> {
    if let Some(url) = base_url {
        if !folio_core::route::is_absolute_url(url) {
            bail!("--base-url {url:?} must be an absolute http(s) URL, such as https://example.org/blog/");
        }
    }
    if dir.exists() {
        let is_empty = std::fs::read_dir(dir)
            .with_context(|| format!("could not read {}", dir.display()))?
            .next()
            .is_none();
        if !is_empty {
            bail!(
                "{} is not empty; folio init only writes into a new or empty folder",
                dir.display()
            );
        }
    }
    let posts = dir.join("posts");
    std::fs::create_dir_all(&posts)
        .with_context(|| format!("could not create {}", posts.display()))?;
    std::fs::write(posts.join("hello-folio.md"), EXAMPLE_POST)?;
    // The schema beside the manifest lets editors validate and complete it.
    std::fs::write(dir.join(SCHEMA_FILE), SCHEMA)?;
    let mut site = serde_json::json!({ "title": title, "language": "en" });
    if let (Some(url), Some(site)) = (base_url, site.as_object_mut()) {
        site.insert("base_url".into(), url.into());
    }
    let manifest = folio_core::record::to_json(Some(SCHEMA_REFERENCE), &site, &[]);
    write_atomically(&manifest_path(dir), &manifest)?;
    // The app too, so the new folder is a site any static host can serve as it is;
    // `folio build` writes a fresh copy (with prerendered pages and feeds) each time.
    build::write_app(dir)?;
    let code = index::run(dir, "posts")?;
    println!(
        "Created {}. Next: folio new \"Title\", folio index, folio check",
        dir.display()
    );
    Ok(code)
}
