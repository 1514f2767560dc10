//! `folio index`: rebuilds `posts.json` from the posts' front matter.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use folio_core::record::{to_json, PostRecord};
use folio_core::{PostDate, Severity};
use serde_json::Value;

use crate::diagnostic::{print_all, Diagnostic};
use crate::front_matter;
use crate::site::{
    manifest_path, markdown_files, read_text, write_atomically, SCHEMA, SCHEMA_FILE,
    SCHEMA_REFERENCE,
};

/// Indexes `site`; writes the manifest unless a post has an error.
pub fn run(site: &Path, content: &str) -> Result<ExitCode> {
    let (text, diagnostics) = manifest_text(site, content)?;
    print_all(&diagnostics);
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        eprintln!("posts.json was not changed: fix the errors above and run folio index again");
        return Ok(ExitCode::FAILURE);
    }
    let path = manifest_path(site);
    let unchanged = std::fs::read_to_string(&path).is_ok_and(|old| old == text);
    if !unchanged {
        write_atomically(&path, &text)?;
    }
    // An imported site gets the schema its manifest now names, as a new one does.
    let schema = site.join(SCHEMA_FILE);
    if text.contains(&format!("\"$schema\": \"{SCHEMA_REFERENCE}\"")) && !schema.exists() {
        write_atomically(&schema, SCHEMA)?;
    }
    let n_posts = text.matches("\"file\":").count();
    if crate::progress::is_quiet() {
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{}: {n_posts} posts{}",
        path.display(),
        if unchanged { ", unchanged" } else { "" }
    );
    Ok(ExitCode::SUCCESS)
}

/// The manifest `folio index` would write, and the problems found on the way.
pub fn manifest_text(site: &Path, content: &str) -> Result<(String, Vec<Diagnostic>)> {
    let path = manifest_path(site);
    // Keep the author's site block; never overwrite a manifest we could not read.
    let (schema, site_block) = match std::fs::read_to_string(&path) {
        Ok(text) => {
            let root: Value = serde_json::from_str(&text).with_context(|| {
                format!(
                    "{} is not valid JSON, so its site block cannot be kept; fix it first",
                    path.display()
                )
            })?;
            // A manifest without `$schema` (an imported site) gets the copy's, so editors
            // validate it; one the author chose is kept.
            let schema = root
                .get("$schema")
                .and_then(Value::as_str)
                .map_or_else(|| SCHEMA_REFERENCE.to_string(), str::to_string);
            let site_block = root
                .get("site")
                .cloned()
                .filter(Value::is_object)
                .unwrap_or_else(|| default_site(site));
            (schema, site_block)
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            (SCHEMA_REFERENCE.to_string(), default_site(site))
        }
        Err(error) => {
            return Err(error).with_context(|| format!("could not read {}", path.display()))
        }
    };
    let mut diagnostics = Vec::new();
    let mut records: Vec<PostRecord> = Vec::new();
    let files = markdown_files(site, content)?;
    let bar = crate::progress::bar(files.len(), "index");
    for file in files {
        bar.inc(1);
        let text = match read_text(&site.join(&file)) {
            Ok(text) => text,
            Err(error) => {
                diagnostics.push(Diagnostic {
                    file: file.clone(),
                    line: 1,
                    column: 1,
                    severity: Severity::Error,
                    message: error.to_string(),
                });
                continue;
            }
        };
        if let Some(record) = front_matter::record(&file, &text, &mut diagnostics) {
            if let Some(first) = records.iter().find(|other| other.slug == record.slug) {
                diagnostics.push(Diagnostic {
                    file: file.clone(),
                    line: 1,
                    column: 1,
                    severity: Severity::Error,
                    message: format!("slug {:?} is already used by {}", record.slug, first.file),
                });
                continue;
            }
            records.push(record);
        }
    }
    bar.finish_and_clear();
    // Newest first; equal dates by file name, so the output never depends on disk order.
    records.sort_by(|a, b| {
        let (date_a, date_b) = (PostDate::parse(&a.date), PostDate::parse(&b.date));
        date_b.cmp(&date_a).then_with(|| a.file.cmp(&b.file))
    });
    Ok((to_json(Some(&schema), &site_block, &records), diagnostics))
}

/// A site block for a site without a manifest: its folder name as the title.
fn default_site(site: &Path) -> Value {
    let name = std::fs::canonicalize(site)
        .ok()
        .and_then(|path| {
            path.file_name()
                .map(|name| name.to_string_lossy().into_owned())
        })
        .unwrap_or_else(|| "My Folio blog".into());
    serde_json::json!({ "title": name })
}
