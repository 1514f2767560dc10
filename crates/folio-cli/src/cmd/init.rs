//! `folio init`: a new site with its settings, one example post and the reader app.

use std::path::{Path, PathBuf};
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
    create_site(dir, |staging| write_site(staging, title, base_url))?;
    println!(
        "Created {}. Next: folio new \"Title\", folio index, folio check",
        dir.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Writes a new site's files into the empty folder `dir`.
fn write_site(dir: &Path, title: &str, base_url: Option<&str>) -> Result<()> {
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
    let (manifest, diagnostics) = index::manifest_text(dir, "posts")?;
    if let Some(problem) = diagnostics.first() {
        bail!("the example post has a problem: {problem}");
    }
    write_atomically(&manifest_path(dir), &manifest)
}

/// Creates `dir` (absent or empty) with `write`, all or nothing: the files are written into
/// a hidden folder beside it, which then takes its place. If `write` fails, that folder is
/// removed and `dir` is as it was, so `folio init` can simply be run again.
fn create_site(dir: &Path, write: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
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
    // `folio init .`: the folder beside the current one, not inside it.
    let target = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let parent = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    // The site is written in a hidden folder on the target's own file system, so moving
    // it into place is a rename: beside an absent target, or inside an empty one (a
    // mounted volume is a file system of its own, and `folio init .` may not be allowed
    // to write beside the current folder).
    let staging_parent = if target.exists() {
        target.clone()
    } else {
        parent
    };
    std::fs::create_dir_all(&staging_parent)
        .with_context(|| format!("could not create {}", staging_parent.display()))?;
    let staging = tempfile::Builder::new()
        .prefix(".folio-init-")
        .tempdir_in(&staging_parent)
        .with_context(|| format!("could not create a folder in {}", staging_parent.display()))?;
    // On an error, `staging` is dropped here, and with it everything written so far.
    write(staging.path())?;
    // An absent folder is the staging folder renamed, in one step. An empty one that
    // exists is kept (it may be a shell's current folder, which a rename would replace by
    // another): the files are moved in, and out again if one cannot be.
    if !target.exists() {
        return std::fs::rename(staging.path(), &target)
            .with_context(|| format!("could not move the new site to {}", dir.display()));
    }
    let mut moved = Vec::new();
    for entry in std::fs::read_dir(staging.path())? {
        let entry = entry?;
        let destination = target.join(entry.file_name());
        if let Err(error) = std::fs::rename(entry.path(), &destination) {
            for (from, to) in moved.iter().rev() {
                let _ = std::fs::rename(to, from);
            }
            return Err(error)
                .with_context(|| format!("could not move the new site into {}", dir.display()));
        }
        moved.push((entry.path(), destination));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names in `folder`, sorted.
    fn names(folder: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(folder)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    fn fail_midway(staging: &Path) -> Result<()> {
        std::fs::create_dir(staging.join("posts"))?;
        std::fs::write(staging.join("posts/hello-folio.md"), EXAMPLE_POST)?;
        bail!("could not write folio-app_bg.wasm: no space left on device")
    }

    #[test]
    fn a_failed_init_leaves_nothing_behind_and_can_be_run_again() {
        let temp = tempfile::tempdir().unwrap();
        let dir = temp.path().join("blog");
        let error = create_site(&dir, fail_midway).unwrap_err();
        assert_eq!(
            error.to_string(),
            "could not write folio-app_bg.wasm: no space left on device"
        );
        assert!(names(temp.path()).is_empty(), "{:?}", names(temp.path()));

        // An empty folder that was there stays, empty.
        std::fs::create_dir(&dir).unwrap();
        assert!(create_site(&dir, fail_midway).is_err());
        assert_eq!(names(temp.path()), ["blog"]);
        assert!(names(&dir).is_empty());

        // The retry writes the whole site.
        run(&dir, "Again", None).unwrap();
        assert_eq!(names(temp.path()), ["blog"]);
        let files = names(&dir);
        for file in [
            "404.html",
            "index.html",
            "posts",
            "posts.json",
            "posts.schema.json",
        ] {
            assert!(files.contains(&file.to_string()), "{files:?}");
        }
        assert!(std::fs::read_to_string(dir.join("posts.json"))
            .unwrap()
            .contains("\"hello-folio\""));
    }
}
