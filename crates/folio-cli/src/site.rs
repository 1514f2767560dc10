//! A site on disk: where its manifest and posts are, and writing files safely.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use walkdir::WalkDir;

/// The manifest's file name, in the site root.
pub const MANIFEST: &str = "posts.json";

/// The JSON Schema of `posts.json`, from `schema/` in the repository. A copy beside the
/// manifest, named by its `$schema` key, lets editors validate and complete it.
pub const SCHEMA: &str = include_str!("../../../schema/posts.schema.json");

/// The schema's file name, in the site root.
pub const SCHEMA_FILE: &str = "posts.schema.json";

/// The manifest's `$schema` value for the copy beside it.
pub const SCHEMA_REFERENCE: &str = "./posts.schema.json";

/// The Markdown files under `site/content`, as sorted site-relative paths with `/`.
/// Files and folders starting with `_` or `.` are skipped (Zola's `_index.md`, editors' files).
pub fn markdown_files(site: &Path, content: &str) -> Result<Vec<String>> {
    let root = site.join(content);
    if !root.is_dir() {
        anyhow::bail!(
            "{} is not a folder; pass --content with the folder of posts",
            root.display()
        );
    }
    let mut files = Vec::new();
    let walker = WalkDir::new(&root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            let name = entry.file_name().to_string_lossy();
            entry.depth() == 0 || !(name.starts_with('_') || name.starts_with('.'))
        });
    for entry in walker {
        let entry = entry.with_context(|| format!("could not read {}", root.display()))?;
        if entry.file_type().is_file() && entry.path().extension().is_some_and(|ext| ext == "md") {
            files.push(relative(site, entry.path()));
        }
    }
    Ok(files)
}

/// `site/posts/a.md` → `posts/a.md`.
pub fn relative(site: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(site).unwrap_or(path);
    relative
        .components()
        .map(|part| part.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Writes `text` to `path` atomically: a temporary file in the same folder, then a rename,
/// so a failure never leaves a half-written file.
pub fn write_atomically(path: &Path, text: &str) -> Result<()> {
    write_atomically_with(path, |file| file.write_all(text.as_bytes()))
}

/// [`write_atomically`] with the writing done by `write`: a failure there (a full disk, in
/// the tests an injected error) leaves `path` as it was and no temporary file behind.
fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut fs::File) -> std::io::Result<()>,
) -> Result<()> {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temporary = tempfile::NamedTempFile::new_in(folder)
        .with_context(|| format!("could not create a temporary file in {}", folder.display()))?;
    // On an error the temporary file is dropped, which deletes it.
    write(temporary.as_file_mut())
        .with_context(|| format!("could not write {}", path.display()))?;
    temporary.as_file().sync_all().ok();
    temporary
        .persist(path)
        .with_context(|| format!("could not replace {}", path.display()))?;
    Ok(())
}

/// The path of the manifest of a site.
pub fn manifest_path(site: &Path) -> PathBuf {
    site.join(MANIFEST)
}

/// Reads a file that must be UTF-8 text.
pub fn read_text(path: &Path) -> Result<String> {
    let bytes = fs::read(path).with_context(|| format!("could not read {}", path.display()))?;
    String::from_utf8(bytes).map_err(|error| {
        anyhow::anyhow!(
            "{} is not UTF-8 (invalid byte at offset {})",
            path.display(),
            error.utf8_error().valid_up_to()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary_file() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join(MANIFEST);
        fs::write(&path, "{\"old\": true}").unwrap();
        let error = write_atomically_with(&path, |file| {
            file.write_all(b"{\"new\": tr")?;
            Err(std::io::Error::other("no space left on device"))
        })
        .unwrap_err();
        assert_eq!(
            format!("{error:#}"),
            format!(
                "could not write {}: no space left on device",
                path.display()
            )
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), "{\"old\": true}");
        let names: Vec<_> = fs::read_dir(folder.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .collect();
        assert_eq!(names, [MANIFEST]);

        // And a write that succeeds replaces the file whole.
        write_atomically(&path, "{\"new\": true}").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "{\"new\": true}");
    }
}
