//! Source rules as tests (after rust-analyzer's `xtask/src/tidy.rs`): every module says what
//! it is for, raw HTML reaches the DOM in one component only, and hrefs are built in one place.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, files);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
}

/// Copies of other projects' crates, patched (see their `PATCHED.md`): their rules are theirs.
const THIRD_PARTY: &[&str] = &["crates/send_wrapper/", "crates/wasm-streams/"];

fn sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src", "crates", "tests"] {
        rust_files(&root.join(dir), &mut files);
    }
    files.sort();
    files
        .into_iter()
        .filter(|path| !path.components().any(|part| part.as_os_str() == "target"))
        .map(|path| {
            let text = fs::read_to_string(&path).unwrap();
            let relative = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (relative, text)
        })
        .filter(|(relative, _)| !THIRD_PARTY.iter().any(|dir| relative.starts_with(dir)))
        .collect()
}

/// Files (other than this one) whose text contains `needle`.
fn files_containing(needle: &str) -> Vec<String> {
    sources()
        .into_iter()
        .filter(|(path, text)| path != "tests/tidy.rs" && text.contains(needle))
        .map(|(path, _)| path)
        .collect()
}

#[test]
fn every_module_opens_with_a_doc_comment() {
    let undocumented: Vec<String> = sources()
        .into_iter()
        .filter(|(_, text)| !text.trim_start().starts_with("//!"))
        .map(|(path, _)| path)
        .collect();
    assert!(
        undocumented.is_empty(),
        "modules without a //! line: {undocumented:?}"
    );
}

#[test]
fn inner_html_is_set_only_by_markdown_body() {
    assert_eq!(
        files_containing("inner_html"),
        ["src/components/markdown_body.rs"]
    );
}

#[test]
fn safe_html_is_rebuilt_only_from_the_render_worker() {
    assert_eq!(
        files_containing("SafeHtml::from_rendered"),
        ["src/renderer.rs"]
    );
}

#[test]
fn hrefs_are_spelled_only_in_route_rs() {
    for route in ["\"/posts/", "\"/tags/", "\"/categories/", "\"/page/"] {
        let users: Vec<String> = sources()
            .into_iter()
            // route.rs builds hrefs and holds the route table; tests may spell what they expect.
            .filter(|(path, _)| !path.ends_with("route.rs"))
            .filter(|(path, _)| !path.starts_with("tests/") && !path.contains("/tests/"))
            .filter(|(_, text)| {
                let code = text.split("#[cfg(test)]").next().unwrap_or(text);
                code.contains(route)
            })
            .map(|(path, _)| path)
            .collect();
        assert!(
            users.is_empty(),
            "{route} is spelled outside route.rs in {users:?}"
        );
    }
}

#[test]
fn network_code_lives_in_api_rs() {
    assert_eq!(files_containing("gloo_net"), ["src/api.rs"]);
}
