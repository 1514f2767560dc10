//! `folio check`: every problem in a site at once, as `path:line:col: severity: message`.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use folio_core::markdown::{links, resolve_relative};
use folio_core::route::post_slug_of;
use folio_core::{parse, Drafts, Manifest, ManifestError, ParseOptions, Post, PostDate, Severity};

use crate::diagnostic::{print_all, Diagnostic};
use crate::json_position::locate;
use crate::site::{manifest_path, markdown_files, read_text, MANIFEST};

/// Checks `site`, prints every problem, and fails if any is an error.
pub fn run(site: &Path, content: &str) -> Result<ExitCode> {
    let diagnostics = check(site, content)?;
    print_all(&diagnostics);
    let n_errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let n_warnings = diagnostics.len() - n_errors;
    if n_errors > 0 {
        eprintln!(
            "{n_errors} error{}, {n_warnings} warning{}",
            plural(n_errors),
            plural(n_warnings)
        );
        Ok(ExitCode::FAILURE)
    } else {
        println!(
            "{}: no errors, {n_warnings} warning{}",
            site.display(),
            plural(n_warnings)
        );
        Ok(ExitCode::SUCCESS)
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Every problem in the site, in file and line order.
pub fn check(site: &Path, content: &str) -> Result<Vec<Diagnostic>> {
    let mut diagnostics = Vec::new();
    let text = match read_text(&manifest_path(site)) {
        Ok(text) => text,
        Err(error) => {
            diagnostics.push(at_manifest(1, 1, Severity::Error, format!("{error:#}")));
            return Ok(diagnostics);
        }
    };
    let manifest = match parse(
        &text,
        &ParseOptions {
            drafts: Drafts::Show,
        },
    ) {
        Ok(manifest) => manifest,
        Err(error) => {
            let (line, column) = match &error {
                ManifestError::Json { line, column, .. } => (*line, (*column).max(1)),
                ManifestError::Site { path, .. } => locate(&text, path),
                _ => locate(&text, "version"),
            };
            diagnostics.push(at_manifest(
                line,
                column,
                Severity::Error,
                error.to_string(),
            ));
            return Ok(diagnostics);
        }
    };
    for problem in &manifest.problems {
        let (line, column) = locate(&text, &problem.path);
        diagnostics.push(at_manifest(
            line,
            column,
            problem.severity,
            problem.to_string(),
        ));
    }
    check_files(site, content, &text, &manifest, &mut diagnostics)?;
    diagnostics.sort();
    Ok(diagnostics)
}

fn at_manifest(line: usize, column: usize, severity: Severity, message: String) -> Diagnostic {
    Diagnostic {
        file: MANIFEST.into(),
        line,
        column,
        severity,
        message,
    }
}

/// Post files that are missing, not UTF-8 or not listed; links and images that lead nowhere.
fn check_files(
    site: &Path,
    content: &str,
    text: &str,
    manifest: &Manifest,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<()> {
    let listed: BTreeSet<&str> = manifest
        .posts
        .iter()
        .map(|post| post.file.as_str())
        .collect();
    for post in &manifest.posts {
        let path = format!("posts[{}].file", post.index);
        let markdown = match read_text(&site.join(&post.file)) {
            Ok(markdown) => markdown,
            Err(error) => {
                let (line, column) = locate(text, &path);
                let message = if site.join(&post.file).exists() {
                    format!("{path} (slug {:?}): {error:#}", post.slug.as_str())
                } else {
                    format!(
                        "{path} (slug {:?}): {} does not exist",
                        post.slug.as_str(),
                        post.file
                    )
                };
                diagnostics.push(at_manifest(line, column, Severity::Error, message));
                continue;
            }
        };
        stale_entry(post, &markdown, diagnostics);
        for link in links(&markdown) {
            let message = if let Some(slug) = post_slug_of(&link.url) {
                manifest
                    .post(slug)
                    .is_none()
                    .then(|| format!("link to {}, but no post has that slug", link.url))
            } else if let Some(target) = resolve_relative(&post.file, &link.url) {
                if target.ends_with(".md") {
                    (!listed.contains(target.as_str()))
                        .then(|| format!("link to {target}, which is not a post in posts.json"))
                } else if !site.join(&target).exists() {
                    let what = if link.is_image {
                        "image"
                    } else {
                        "linked file"
                    };
                    Some(format!("{what} {target} does not exist"))
                } else {
                    None
                }
            } else {
                None
            };
            if let Some(message) = message {
                diagnostics.push(Diagnostic {
                    file: post.file.clone(),
                    line: link.line,
                    column: 1,
                    severity: Severity::Error,
                    message,
                });
            }
        }
    }
    if site.join(content).is_dir() {
        for file in markdown_files(site, content)? {
            if !listed.contains(file.as_str()) && !manifest_lists_skipped(text, &file) {
                diagnostics.push(Diagnostic {
                    file,
                    line: 1,
                    column: 1,
                    severity: Severity::Error,
                    message: "this post is not in posts.json; run folio index".into(),
                });
            }
        }
    }
    Ok(())
}

/// True when the manifest mentions `file` in a post that failed validation (its problem
/// is reported already; saying it is missing too would be noise).
fn manifest_lists_skipped(text: &str, file: &str) -> bool {
    text.contains(&format!("\"{file}\""))
}

/// A warning at the post file's line for each of draft, title and date on which the post's
/// front matter and its manifest entry disagree: the author changed the post and did not
/// run `folio index` (a post whose front matter is a draft is still left out of a build).
fn stale_entry(post: &Post, markdown: &str, diagnostics: &mut Vec<Diagnostic>) {
    let Ok(front) = crate::front_matter::parse(markdown) else {
        return;
    };
    if front.fields.is_empty() {
        return;
    }
    let mut warn = |key: &str, message: String| {
        diagnostics.push(Diagnostic {
            file: post.file.clone(),
            line: front.line_of(key),
            column: 1,
            severity: Severity::Warning,
            message: format!("{message}; posts.json is out of date: run folio index"),
        });
    };
    if let Ok(is_draft) = front.is_draft() {
        if is_draft != post.is_draft {
            let key =
                if front.fields.contains_key("draft") || !front.fields.contains_key("published") {
                    "draft"
                } else {
                    "published"
                };
            warn(
                key,
                if is_draft {
                    "the front matter makes this post a draft, but posts.json does not (folio build leaves it out)".into()
                } else {
                    "posts.json makes this post a draft, but the front matter does not (folio build leaves it out)".into()
                },
            );
        }
    }
    if let Some(title) = front.fields.get("title").and_then(|v| v.as_str()) {
        if title.trim() != post.title {
            warn(
                "title",
                format!(
                    "the title is {:?} here but {:?} in posts.json",
                    title.trim(),
                    post.title
                ),
            );
        }
    }
    let written = front.fields.get("date").and_then(|v| v.as_str());
    let date = written
        .and_then(crate::front_matter::normalise_date)
        .and_then(|date| PostDate::parse(&date));
    if let (Some(written), Some(date)) = (written, date) {
        if date.unix_seconds() != post.date.unix_seconds() {
            let listed = if post.date.unix_seconds() % 86_400 == 0 {
                post.date.iso()
            } else {
                post.date.rfc3339()
            };
            warn(
                "date",
                format!(
                    "the date is {} here but {listed} in posts.json",
                    written.trim()
                ),
            );
        }
    }
}
