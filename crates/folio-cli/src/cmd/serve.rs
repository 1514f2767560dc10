//! `folio serve`: builds the site into a temporary folder and serves it on loopback with a
//! static host's deep-link fallback; rebuilds and reloads open pages when a file changes.
//! A site whose posts.json is what `folio index` writes (its posts as the front matter
//! says) is indexed in memory before each build, with the same code, so a changed title
//! or a new post shows at once; posts.json on disk is left alone (`folio index` writes
//! it). A hand-kept manifest (posts without front matter, or entries with more than their
//! front matter says) is built as it is, as `folio build` would.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, SystemTime};

use anyhow::{Context, Result};
use tiny_http::{Header, Request, Response, Server};

use crate::cmd::build::{build_from, BuildOptions};
use crate::cmd::index;
use crate::diagnostic::print_all;
use crate::site::{manifest_path, markdown_files, read_text};

/// Where the reload script and the event stream live; no site file can be there.
const RELOAD_SCRIPT: &str = "/__folio/reload.js";
const EVENTS: &str = "/__folio/events";

const RELOAD_JS: &str = "new EventSource('/__folio/events').onmessage = () => location.reload();\n";

/// Serves `site` on `port` (0 picks a free one) until the process is stopped.
pub fn run(site: &Path, port: u16, content: &str) -> Result<ExitCode> {
    let server = Server::http(("127.0.0.1", port))
        .map_err(|error| anyhow::anyhow!("could not listen on 127.0.0.1:{port}: {error}"))?;
    let port = server
        .server_addr()
        .to_ip()
        .map_or(port, |address| address.port());
    let base_url = format!("http://127.0.0.1:{port}/");
    let options = BuildOptions {
        out: None,
        base_url: Some(base_url.clone()),
        content: content.to_string(),
        app: None,
        chunk_posts: None,
    };
    let folder = tempfile::tempdir().context("could not create a folder for the preview")?;
    let mut preview = Preview::default();
    let out = Arc::new(RwLock::new(rebuild(
        site,
        folder.path(),
        0,
        &options,
        &mut preview,
    )?));
    let generation = Arc::new(AtomicU64::new(0));
    println!("Serving {} at {base_url} (Ctrl+C stops it)", site.display());
    let _ = std::io::stdout().flush();

    {
        let (site, out, generation) = (
            site.to_path_buf(),
            Arc::clone(&out),
            Arc::clone(&generation),
        );
        let folder = folder.path().to_path_buf();
        std::thread::spawn(move || watch(&site, &folder, &options, &out, &generation, preview));
    }
    for request in server.incoming_requests() {
        if request.url().split('?').next() == Some(EVENTS) {
            let generation = Arc::clone(&generation);
            std::thread::spawn(move || stream_reloads(request, &generation));
            continue;
        }
        // Each answer on a thread of its own: a client that stops reading a large file (a
        // page left while its wasm downloads) must not hold up every request after it.
        let root = out.read().map(|root| root.clone()).unwrap_or_default();
        std::thread::spawn(move || respond(request, &root));
    }
    Ok(ExitCode::SUCCESS)
}

/// Builds into `folder/N` and returns that path.
fn rebuild(
    site: &Path,
    folder: &Path,
    n: u64,
    options: &BuildOptions,
    preview: &mut Preview,
) -> Result<PathBuf> {
    let out = folder.join(n.to_string());
    let manifest = preview.manifest(site, &options.content)?;
    build_from(site, &manifest, &out, options)?;
    Ok(out)
}

/// How the preview gets its manifest, decided again whenever posts.json itself changes.
#[derive(Default)]
struct Preview {
    /// posts.json as last read (`None` before the first build or when there is none).
    on_disk: Option<String>,
    /// Whether posts.json is `folio index`'s: then each build indexes the posts anew.
    indexed: bool,
}

impl Preview {
    /// The manifest to preview: what `folio index` would write when posts.json is index's
    /// own (the posts' problems printed; a post with an error is left out until it is
    /// fixed), else posts.json as it is.
    fn manifest(&mut self, site: &Path, content: &str) -> Result<String> {
        let on_disk = read_text(&manifest_path(site)).ok();
        if self.on_disk.is_none() || self.on_disk != on_disk {
            let has_front_matter = has_front_matter(site, content);
            self.indexed = match &on_disk {
                None => true,
                Some(text) => has_front_matter && is_index_output(site, content, text),
            };
            if !self.indexed && has_front_matter {
                eprintln!("note: posts.json is not what folio index writes from the front matter (hand-kept, or out of date): previewing it as it is; run folio index to preview the front matter");
            }
            self.on_disk = on_disk.clone();
        }
        match on_disk {
            Some(text) if !self.indexed => Ok(text),
            _ => {
                let (text, diagnostics) = index::manifest_text(site, content)?;
                print_all(&diagnostics);
                if diagnostics
                    .iter()
                    .any(|diagnostic| diagnostic.severity == folio_core::Severity::Error)
                {
                    eprintln!("posts with errors are left out of the preview until they are fixed");
                }
                Ok(text)
            }
        }
    }
}

/// Whether `text`'s posts are the ones `folio index` makes of the site's front matter.
fn is_index_output(site: &Path, content: &str, text: &str) -> bool {
    let posts = |text: &str| {
        serde_json::from_str::<serde_json::Value>(text)
            .ok()
            .and_then(|mut root| root.get_mut("posts").map(serde_json::Value::take))
    };
    index::manifest_text(site, content)
        .ok()
        .is_some_and(|(indexed, _)| posts(&indexed).is_some() && posts(&indexed) == posts(text))
}

/// Whether any post under `site/content` has front matter: then `folio index` keeps the
/// manifest, and the preview indexes too.
fn has_front_matter(site: &Path, content: &str) -> bool {
    markdown_files(site, content)
        .unwrap_or_default()
        .iter()
        .filter_map(|file| read_text(&site.join(file)).ok())
        // Front matter that does not parse is front matter too (index reports it).
        .any(|text| {
            crate::front_matter::parse(&text).map_or(true, |front| !front.fields.is_empty())
        })
}

/// Polls the site's files twice a second; on a change, rebuilds and bumps the generation.
fn watch(
    site: &Path,
    folder: &Path,
    options: &BuildOptions,
    out: &RwLock<PathBuf>,
    generation: &AtomicU64,
    mut preview: Preview,
) {
    let mut last = newest_change(site);
    loop {
        std::thread::sleep(Duration::from_millis(500));
        let now = newest_change(site);
        if now == last {
            continue;
        }
        last = now;
        let n = generation.load(Ordering::SeqCst) + 1;
        match rebuild(site, folder, n, options, &mut preview) {
            Ok(path) => {
                let old = out
                    .write()
                    .map(|mut root| std::mem::replace(&mut *root, path))
                    .ok();
                generation.store(n, Ordering::SeqCst);
                println!("rebuilt; reloading open pages");
                if let Some(old) = old {
                    let _ = std::fs::remove_dir_all(old);
                }
            }
            Err(error) => crate::diagnostic::print_error(&error),
        }
    }
}

/// The latest modification time of any file of the site (its build output excluded).
fn newest_change(site: &Path) -> Option<SystemTime> {
    walkdir::WalkDir::new(site)
        .into_iter()
        .filter_entry(|entry| {
            entry.depth() == 0
                || !matches!(
                    entry.file_name().to_str(),
                    Some("dist" | ".git" | "node_modules" | "target")
                )
        })
        .flatten()
        .filter_map(|entry| entry.metadata().ok()?.modified().ok())
        .max()
}

/// Server-sent events: one `reload` message each time the generation changes.
fn stream_reloads(request: Request, generation: &AtomicU64) {
    let mut writer = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n";
    if writer
        .write_all(head.as_bytes())
        .and_then(|()| writer.flush())
        .is_err()
    {
        return;
    }
    let seen = generation.load(Ordering::SeqCst);
    let mut n_ticks = 0u32;
    loop {
        std::thread::sleep(Duration::from_millis(250));
        n_ticks += 1;
        let message = if generation.load(Ordering::SeqCst) != seen {
            "data: reload\n\n"
        } else if n_ticks.is_multiple_of(60) {
            ": keep-alive\n\n"
        } else {
            continue;
        };
        if writer
            .write_all(message.as_bytes())
            .and_then(|()| writer.flush())
            .is_err()
            || message.starts_with("data")
        {
            return;
        }
    }
}

/// A static host: files as they are, `/x` from `x.html`, extension-less paths get
/// `index.html`, missing files with an extension are 404 (with `404.html`).
fn respond(request: Request, root: &Path) -> std::io::Result<()> {
    let path = request
        .url()
        .split(['?', '#'])
        .next()
        .unwrap_or("/")
        .to_string();
    if path == RELOAD_SCRIPT {
        return request.respond(with_type(
            Response::from_data(RELOAD_JS.as_bytes().to_vec()),
            "text/javascript; charset=utf-8",
        ));
    }
    let decoded = folio_core::slug::percent_decode(&path);
    let relative = decoded.trim_start_matches('/');
    if relative.split('/').any(|part| part == "..") {
        return request.respond(Response::from_string("bad path").with_status_code(400));
    }
    let has_extension = Path::new(relative).extension().is_some();
    let candidates: Vec<PathBuf> = if relative.is_empty() || relative.ends_with('/') {
        vec![root.join(relative).join("index.html")]
    } else if has_extension {
        vec![root.join(relative)]
    } else {
        vec![
            root.join(format!("{relative}.html")),
            root.join(relative).join("index.html"),
            root.join("index.html"),
        ]
    };
    for candidate in candidates {
        if let Ok(bytes) = std::fs::read(&candidate) {
            return request.respond(page_response(bytes, &candidate, 200));
        }
    }
    let not_found = root.join("404.html");
    let bytes = std::fs::read(&not_found).unwrap_or_else(|_| b"not found".to_vec());
    request.respond(page_response(bytes, &not_found, 404))
}

/// A file's response; HTML pages get the reload script.
fn page_response(bytes: Vec<u8>, path: &Path, status: u16) -> Response<std::io::Cursor<Vec<u8>>> {
    let extension = path.extension().and_then(|ext| ext.to_str()).unwrap_or("");
    let content_type = match extension {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "md" => "text/markdown; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };
    let bytes = if extension == "html" {
        let html = String::from_utf8_lossy(&bytes).replacen(
            "</head>",
            &format!("<script src=\"{RELOAD_SCRIPT}\" defer></script></head>"),
            1,
        );
        html.into_bytes()
    } else {
        bytes
    };
    let mut response = with_type(Response::from_data(bytes), content_type).with_status_code(status);
    if let Ok(header) = Header::from_bytes("Cache-Control", "no-store") {
        response = response.with_header(header);
    }
    response
}

fn with_type<R: std::io::Read>(response: Response<R>, content_type: &str) -> Response<R> {
    match Header::from_bytes("Content-Type", content_type) {
        Ok(header) => response.with_header(header),
        Err(()) => response,
    }
}
