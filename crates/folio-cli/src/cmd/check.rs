//! `folio check`: every problem in a site at once, as `path:line:col: severity: message`.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use folio_core::markdown::{links, resolve_relative, LinkRef};
use folio_core::problem::Quoted;
use folio_core::route::{is_absolute_url, post_slug_of};
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
    let options = ParseOptions {
        drafts: Drafts::Show,
    };
    // A problem that stops the reader (no site title, a wrong version) must not hide the
    // others: report it, then read the posts of a copy with a stand-in for what is wrong.
    // Positions still come from the author's text: the posts are the same.
    let mut readable = text.clone();
    // Each stand-in mends one thing (the site block, its title, the version): at most three.
    let mut n_stand_ins = 0;
    let manifest = loop {
        let error = match parse(&readable, &options) {
            Ok(manifest) => break Some(manifest),
            Err(error) => error,
        };
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
        match with_stand_in(&readable, &error) {
            Some(patched) if n_stand_ins < 3 => {
                n_stand_ins += 1;
                readable = patched;
            }
            _ => break None,
        }
    };
    let Some(manifest) = manifest else {
        diagnostics.sort();
        return Ok(diagnostics);
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
    check_site_urls(&text, &manifest, &mut diagnostics);
    check_files(site, content, &text, &manifest, &mut diagnostics)?;
    diagnostics.sort();
    Ok(diagnostics)
}

/// `site.base_url` and `site.edit_url` as `folio build` needs them. The manifest parser
/// checks only their scheme (the reader writes them as escaped text, and the check costs
/// the app's download), but `folio build` writes the base URL into every page as it is and
/// refuses one that `route::is_absolute_url` refuses: check reports that first, for both.
fn check_site_urls(text: &str, manifest: &Manifest, diagnostics: &mut Vec<Diagnostic>) {
    let site = &manifest.site;
    // The base URL is refused by folio build (an error); the edit URL is written escaped,
    // so one that is not as a URL is written only links nowhere (a warning). One without
    // an http(s) scheme was reported by the parser already.
    for (path, url, severity) in [
        ("site.base_url", &site.base_url, Severity::Error),
        ("site.edit_url", &site.edit_url, Severity::Warning),
    ] {
        let Some(url) = url.as_deref().filter(|url| {
            (url.starts_with("https://") || url.starts_with("http://")) && !is_absolute_url(url)
        }) else {
            continue;
        };
        let (line, column) = locate(text, path);
        diagnostics.push(at_manifest(
            line,
            column,
            severity,
            format!("{path}: {}", not_as_written(url)),
        ));
    }
}

/// Why `route::is_absolute_url` refuses `url`, an http(s) URL: the characters a URL must
/// percent-encode that it has, or no host.
fn not_as_written(url: &str) -> String {
    let mut to_encode: Vec<char> = Vec::new();
    for c in url.chars() {
        // The characters are `is_absolute_url`'s own, asked one at a time, so the rule
        // stays in one place.
        if c.is_ascii() && !is_absolute_url(&format!("https://x/{c}")) && !to_encode.contains(&c) {
            to_encode.push(c);
        }
    }
    if to_encode.is_empty() {
        return format!(
            "{} has no host; use a URL such as https://example.org/blog/",
            Quoted(url)
        );
    }
    let names: Vec<String> = to_encode
        .iter()
        .map(|c| match c {
            ' ' => "space".to_string(),
            c if c.is_ascii_control() => format!("U+{:04X}", u32::from(*c)),
            c => c.to_string(),
        })
        .collect();
    let codes: Vec<String> = to_encode
        .iter()
        .map(|c| format!("%{:02X}", u32::from(*c)))
        .collect();
    format!(
        "{} has characters a URL must percent-encode ({}): write them as {}",
        Quoted(url),
        names.join(" "),
        codes.join(" ")
    )
}

/// `text` with a stand-in for what `error` found missing or wrong at the top of the
/// manifest (the site block, its title, the version), or `None` when nothing can stand in.
fn with_stand_in(text: &str, error: &ManifestError) -> Option<String> {
    let mut root: serde_json::Value =
        serde_json::from_str(text.trim_start_matches('\u{feff}')).ok()?;
    let root_object = root.as_object_mut()?;
    match error {
        ManifestError::Site { path, .. } if path == "site" => {
            root_object.insert("site".into(), serde_json::json!({ "title": "-" }));
        }
        ManifestError::Site { path, .. } if path == "site.title" => {
            root_object
                .get_mut("site")?
                .as_object_mut()?
                .insert("title".into(), "-".into());
        }
        ManifestError::MissingVersion | ManifestError::UnsupportedVersion { .. } => {
            root_object.insert("version".into(), 1.into());
        }
        _ => return None,
    }
    serde_json::to_string(&root).ok()
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

/// A manifest entry as written, valid or not: each one's file is checked.
struct Entry<'a> {
    index: usize,
    file: String,
    slug: Option<String>,
    /// The validated post, when the entry has no error.
    post: Option<&'a Post>,
}

/// Every entry with a `file` whose own value has no problem (that one is reported).
fn entries<'a>(text: &str, manifest: &'a Manifest) -> Vec<Entry<'a>> {
    let root: serde_json::Value =
        serde_json::from_str(text.trim_start_matches('\u{feff}')).unwrap_or_default();
    let Some(posts) = root.get("posts").and_then(serde_json::Value::as_array) else {
        return Vec::new();
    };
    // Looked up once per entry: a site of 10,000 posts must not scan them all for each.
    let with_problems: std::collections::HashSet<&str> = manifest
        .problems
        .iter()
        .map(|problem| problem.path.as_str())
        .collect();
    let by_index: std::collections::HashMap<usize, &Post> = manifest
        .posts
        .iter()
        .map(|post| (post.index, post.as_ref()))
        .collect();
    posts
        .iter()
        .enumerate()
        .filter_map(|(index, entry)| {
            let file = entry.get("file")?.as_str()?.to_string();
            if with_problems.contains(format!("posts[{index}].file").as_str()) {
                return None;
            }
            let post = by_index.get(&index).copied();
            let slug = post.map(|post| post.slug.as_str().to_string()).or_else(|| {
                entry
                    .get("slug")
                    .and_then(serde_json::Value::as_str)
                    .map(str::to_string)
            });
            Some(Entry {
                index,
                file,
                slug,
                post,
            })
        })
        .collect()
}

/// Post files that are missing, not UTF-8 or not listed; links and images that lead
/// nowhere. Every entry's file is checked, also of entries with an error elsewhere.
fn check_files(
    site: &Path,
    content: &str,
    text: &str,
    manifest: &Manifest,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<()> {
    let entries = entries(text, manifest);
    let listed: BTreeSet<&str> = entries.iter().map(|entry| entry.file.as_str()).collect();
    for entry in &entries {
        let path = format!("posts[{}].file", entry.index);
        let markdown = match read_text(&site.join(&entry.file)) {
            Ok(markdown) => markdown,
            Err(error) => {
                let (line, column) = locate(text, &path);
                let which = entry
                    .slug
                    .as_ref()
                    .map_or(String::new(), |slug| format!(" (slug {slug:?})"));
                let message = if site.join(&entry.file).exists() {
                    format!("{path}{which}: {error:#}")
                } else {
                    format!("{path}{which}: {} does not exist", entry.file)
                };
                diagnostics.push(at_manifest(line, column, Severity::Error, message));
                continue;
            }
        };
        if let Some(post) = entry.post {
            stale_entry(post, &markdown, diagnostics);
        }
        let found = links(&markdown);
        let places = link_places(&markdown, &found);
        for (link, (line, column)) in found.iter().zip(places) {
            let message = if let Some(slug) = post_slug_of(&link.url) {
                manifest
                    .post(slug)
                    .is_none()
                    .then(|| format!("link to {}, but no post has that slug", link.url))
            } else if let Some(target) = resolve_relative(&entry.file, &link.url) {
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
                    file: entry.file.clone(),
                    line,
                    column,
                    severity: Severity::Error,
                    message,
                });
            }
        }
    }
    if site.join(content).is_dir() {
        for file in markdown_files(site, content)? {
            if !listed.contains(file.as_str()) {
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

/// The line and column (1-based, in characters) of each link's URL in `markdown`: the
/// first place on or after the link's line where its URL is written and that no earlier
/// link took. A URL written differently from how it reads (escapes, entities) or defined
/// elsewhere (a reference link) falls back to the link's line, column 1.
fn link_places(markdown: &str, found: &[LinkRef]) -> Vec<(usize, usize)> {
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(markdown.match_indices('\n').map(|(at, _)| at + 1))
        .collect();
    let mut taken: Vec<usize> = Vec::new();
    found
        .iter()
        .map(|link| {
            let from = line_starts
                .get(link.line.saturating_sub(1))
                .copied()
                .unwrap_or(0);
            let at = (!link.url.is_empty())
                .then(|| {
                    markdown[from..]
                        .match_indices(link.url.as_str())
                        .map(|(at, _)| from + at)
                        .find(|at| !taken.contains(at))
                })
                .flatten();
            let Some(at) = at else {
                return (link.line, 1);
            };
            taken.push(at);
            let line = line_starts.partition_point(|start| *start <= at);
            let line_start = line_starts[line - 1];
            (line, markdown[line_start..at].chars().count() + 1)
        })
        .collect()
}

/// A warning at the post file's line for each of draft, title and date on which the post's
/// front matter and its manifest entry disagree: the author changed the post and did not
/// run `folio index` (a post whose front matter is a draft is still left out of a build).
fn stale_entry(post: &Post, markdown: &str, diagnostics: &mut Vec<Diagnostic>) {
    let front = match crate::front_matter::parse(markdown) {
        Ok(front) => front,
        Err((line, message)) => {
            // folio build holds such a post back when it mentions a draft flag.
            diagnostics.push(Diagnostic {
                file: post.file.clone(),
                line,
                column: 1,
                severity: Severity::Warning,
                message: format!("{message}; posts.json keeps this post as listed, but folio build holds it back if the front matter mentions a draft flag"),
            });
            return;
        }
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
