//! `folio build`: a deployable folder: the app, the manifest (drafts removed), the posts
//! and their files, a prerendered page for every route, `404.html`, feeds, sitemap and
//! `robots.txt`.

use folio_core::integrations::{csp_sources, CspSources};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{bail, Context, Result};
use folio_core::markdown::{index_words, TEXT_INDEX_FILE};
use folio_core::route::base_path_of;
use folio_core::{parse, query, Drafts, Manifest, ParseOptions, Post, Route, Severity};
use serde_json::Value;

use crate::feeds::{absolute, atom, json_feed, rss, sitemap, Feed};
use crate::prerender;
use crate::site::{manifest_path, read_text, MANIFEST};

include!(concat!(env!("OUT_DIR"), "/app_files.rs"));

/// Marks a folder as written by `folio build`, so a later build may replace it.
const MARKER: &str = ".folio-build";

/// How to build.
pub struct BuildOptions {
    /// Output folder; `SITE/dist` by default.
    pub out: Option<PathBuf>,
    /// Absolute URL of the deployment; the manifest's `site.base_url` by default.
    pub base_url: Option<String>,
    /// The folder of posts, relative to the site (its other files are copied too).
    pub content: String,
    /// A Trunk `dist/` to take the app from, instead of the one built into `folio`.
    pub app: Option<PathBuf>,
    /// Posts per chunk file when the manifest is split (`Some(0)`: never split; `None`:
    /// split sites of more than [`CHUNK_THRESHOLD`] posts into chunks of [`CHUNK_POSTS`]).
    pub chunk_posts: Option<usize>,
}

/// What a build without a base URL leaves out, and how to give it one: feeds, the sitemap
/// and canonical links are only valid with absolute URLs, and a site does not know where it
/// will be served.
const NO_BASE_URL: [&str; 3] = [
    "warning: no base URL, so this build has no feeds (feed.xml, rss.xml, feed.json and the tag and category feed.xml), no sitemap.xml (nor its line in robots.txt), and no canonical, og:url, og:image or feed links in the pages' heads: each needs an absolute URL",
    "  set it in posts.json's site block: \"base_url\": \"https://example.org/blog/\" (folio init --base-url URL writes it)",
    "  or for one build: folio build --base-url https://example.org/blog/",
];

/// Sites with more published posts than this get a split manifest.
pub const CHUNK_THRESHOLD: usize = 5_000;

/// Posts per chunk of a split manifest.
pub const CHUNK_POSTS: usize = 10_000;

/// Builds `site`.
pub fn run(site: &Path, options: &BuildOptions) -> Result<ExitCode> {
    let out = options.out.clone().unwrap_or_else(|| site.join("dist"));
    let report = build(site, &out, options)?;
    if crate::progress::is_quiet() {
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{}: {} posts, {} files",
        out.display(),
        report.n_posts,
        report.n_files
    );
    Ok(ExitCode::SUCCESS)
}

/// What a build wrote.
pub struct Report {
    /// Posts published.
    pub n_posts: usize,
    /// Files written.
    pub n_files: usize,
}

/// Writes the site into `out`, from its `posts.json`.
pub fn build(site: &Path, out: &Path, options: &BuildOptions) -> Result<Report> {
    build_from(site, &read_text(&manifest_path(site))?, out, options)
}

/// Writes the site into `out`, from the manifest text `manifest` (`folio serve` passes
/// one indexed in memory).
pub fn build_from(
    site: &Path,
    manifest: &str,
    out: &Path,
    options: &BuildOptions,
) -> Result<Report> {
    // What gets deployed: no drafts, the search index named, image sizes measured. The
    // prerendered pages come from the same text, so they reserve the same image boxes.
    let (published, stale) = published_manifest(site, manifest)?;
    for warning in &stale {
        eprintln!("warning: {warning}");
    }
    if !stale.is_empty() {
        eprintln!("warning: posts.json is out of date: run folio index");
    }
    let mut manifest = parse(
        &published,
        &ParseOptions {
            drafts: Drafts::Hide,
        },
    )
    .map_err(|error| anyhow::anyhow!("{error}"))
    .context("the site cannot be built; run folio check")?;
    for problem in manifest
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
    {
        eprintln!("warning: skipped: {problem}");
    }
    let base_url = options
        .base_url
        .clone()
        .or_else(|| manifest.site.base_url.clone());
    if let Some(url) = &base_url {
        if !folio_core::route::is_absolute_url(url) {
            bail!("the base URL {url:?} must be an absolute http(s) URL with nothing to percent-encode, such as https://example.org/blog/");
        }
    }
    let base_path = format!(
        "{}/",
        base_url
            .as_deref()
            .map(base_path_of_url)
            .unwrap_or_default()
    );

    prepare_output(out)?;
    let writer = Writer {
        out: out.to_path_buf(),
        n_files: Default::default(),
    };
    writer.write(
        MARKER,
        b"This folder is written by folio build and replaced by the next build.\n",
    )?;

    // index.html is the home page's prerendered version, written below with the others.
    let services = csp_sources(
        manifest.site.comments.as_ref(),
        manifest.site.analytics.as_ref(),
    );
    let shell = with_language(
        &app_shell(options.app.as_deref(), &writer, &base_path, &services)?,
        &manifest.site,
    );
    writer.write("404.html", shell.as_bytes())?;

    for (file, text) in split_manifest(&published, &manifest, options.chunk_posts)? {
        writer.write(&file, text.as_bytes())?;
    }
    // The reader app has English built in and loads any other language's words.
    let lang = manifest.site.lang();
    if lang != folio_core::i18n::Lang::En {
        writer.write(&lang.text_file(), lang.strings().to_text().as_bytes())?;
    }
    // Scheduled posts are deployed (the app shows them on their date) but not announced:
    // no feed entry, sitemap URL or prerendered page until a build after their date.
    copy_content(site, &options.content, &manifest, &writer)?;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| {
            i64::try_from(elapsed.as_secs()).unwrap_or(i64::MAX)
        });
    let n_waiting = manifest.hide_scheduled(now);
    writer.write(TEXT_INDEX_FILE, text_index(site, &manifest).as_bytes())?;
    if n_waiting > 0 {
        eprintln!("{n_waiting} scheduled post(s) wait for their date: deployed, not yet listed in feeds, the sitemap or prerendered pages");
    }

    let app_folder = writer.out.clone();
    let css_of = |name: &str| std::fs::read_to_string(app_folder.join(name)).ok();
    let prerender_shell = with_csp(&prerender::paint_first_shell(&shell, &css_of), &services);
    let context = prerender::Context {
        manifest: &manifest,
        shell: &prerender_shell,
        base_path: &base_path,
        base_url: base_url.as_deref(),
    };
    // Rendering the posts is most of a build's time: the bar counts them (hidden off a
    // terminal, in CI and with --quiet, as for folio index).
    let bar = crate::progress::bar(manifest.posts.len(), "build");
    prerender::for_each_page(
        &context,
        &|post: &Post| {
            bar.inc(1);
            read_text(&site.join(&post.file)).ok()
        },
        &|page| writer.write(&page.file, page.html.as_bytes()),
    )?;
    bar.finish_and_clear();

    match &base_url {
        Some(base_url) => write_feeds(site, &manifest, base_url, &writer)?,
        None => {
            for line in NO_BASE_URL {
                eprintln!("{line}");
            }
        }
    }
    // Crawlers may read everything; the sitemap's line needs its absolute URL.
    let sitemap_line = base_url.as_deref().map_or(String::new(), |base_url| {
        format!("\nSitemap: {}\n", absolute(base_url, "/sitemap.xml"))
    });
    writer.write(
        "robots.txt",
        format!("User-agent: *\nAllow: /\n{sitemap_line}").as_bytes(),
    )?;
    Ok(Report {
        n_posts: manifest.posts.len(),
        n_files: writer.n_files(),
    })
}

/// Writes the reader app (with `404.html`) into `dir`, for a site served at the domain root:
/// what `folio init` puts in a new site so the folder can be deployed as it is.
pub fn write_app(dir: &Path) -> Result<usize> {
    let writer = Writer {
        out: dir.to_path_buf(),
        n_files: Default::default(),
    };
    let shell = app_shell(None, &writer, "/", &CspSources::default())?;
    writer.write("index.html", shell.as_bytes())?;
    writer.write("404.html", shell.as_bytes())?;
    Ok(writer.n_files())
}

/// The render worker under content-hashed names, like the rest of the app, so hosts can
/// cache it for a year: Trunk names `folio-render-worker.js` and `_bg.wasm` without a hash.
/// The small loader keeps its name (the app starts it by name) and now points at the
/// hashed files. Files without a worker pass through unchanged.
fn with_hashed_worker(files: Vec<(String, Vec<u8>)>) -> Vec<(String, Vec<u8>)> {
    const LOADER: &str = "folio-render-worker_loader.js";
    const SCRIPT: &str = "folio-render-worker.js";
    const WASM: &str = "folio-render-worker_bg.wasm";
    let hash_of = |name: &str| {
        use sha2::Digest as _;
        let bytes = files
            .iter()
            .find(|(file, _)| file == name)
            .map(|(_, bytes)| bytes)?;
        let digest = sha2::Sha256::digest(bytes);
        Some(
            digest
                .iter()
                .take(8)
                .map(|byte| format!("{byte:02x}"))
                .collect::<String>(),
        )
    };
    let (Some(script_hash), Some(wasm_hash)) = (hash_of(SCRIPT), hash_of(WASM)) else {
        return files;
    };
    let script = format!("folio-render-worker-{script_hash}.js");
    let wasm = format!("folio-render-worker-{wasm_hash}_bg.wasm");
    files
        .into_iter()
        .map(|(name, bytes)| match name.as_str() {
            SCRIPT => (script.clone(), bytes),
            WASM => (wasm.clone(), bytes),
            LOADER => {
                let loader = String::from_utf8_lossy(&bytes)
                    .replace(&format!("./{SCRIPT}"), &format!("./{script}"))
                    .replace(&format!("./{WASM}"), &format!("./{wasm}"));
                (name, loader.into_bytes())
            }
            _ => (name, bytes),
        })
        .collect()
}

/// The path of an absolute URL without its trailing slash.
fn base_path_of_url(url: &str) -> String {
    let with_slash = if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    };
    base_path_of(&with_slash)
}

/// Writes files under the output folder, counting them.
struct Writer {
    out: PathBuf,
    n_files: std::sync::atomic::AtomicUsize,
}

impl Writer {
    /// The files written so far.
    fn n_files(&self) -> usize {
        self.n_files.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Writes one file; safe to call from several threads at once.
    fn write(&self, relative: &str, bytes: &[u8]) -> Result<()> {
        let path = self.out.join(relative);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)
                .with_context(|| format!("could not create {}", folder.display()))?;
        }
        std::fs::write(&path, bytes)
            .with_context(|| format!("could not write {}", path.display()))?;
        self.n_files
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Ok(())
    }
}

/// Empties `out` if an earlier build wrote it; refuses any other folder with files in it.
fn prepare_output(out: &Path) -> Result<()> {
    if out.exists() {
        let has_files = std::fs::read_dir(out)
            .with_context(|| format!("could not read {}", out.display()))?
            .next()
            .is_some();
        if has_files && !out.join(MARKER).exists() {
            bail!(
                "{} has files that folio build did not write; choose another --out folder",
                out.display()
            );
        }
        std::fs::remove_dir_all(out)
            .with_context(|| format!("could not empty {}", out.display()))?;
    }
    std::fs::create_dir_all(out).with_context(|| format!("could not create {}", out.display()))?;
    Ok(())
}

/// Copies the app's files and returns its `index.html`, rewritten for `base_path`.
fn app_shell(
    app: Option<&Path>,
    writer: &Writer,
    base_path: &str,
    services: &CspSources,
) -> Result<String> {
    let files: Vec<(String, Vec<u8>)> = match app {
        Some(folder) => std::fs::read_dir(folder)
            .with_context(|| format!("could not read the app folder {}", folder.display()))?
            .flatten()
            .filter(|entry| entry.path().is_file())
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .filter(|name| crate::app_file::is_app_file(name))
            .map(|name| std::fs::read(folder.join(&name)).map(|bytes| (name, bytes)))
            .collect::<Result<_, _>>()?,
        None => APP_FILES
            .iter()
            .map(|(name, bytes)| (name.to_string(), bytes.to_vec()))
            .collect(),
    };
    let files = with_hashed_worker(files);
    let Some((_, index)) = files.iter().find(|(name, _)| name == "index.html") else {
        bail!("this folio has no reader app built in: run `trunk build --release` in the Folio repository and rebuild folio, or pass --app DIST");
    };
    let mut shell = String::from_utf8_lossy(index).into_owned();
    for (name, bytes) in &files {
        if name != "index.html" {
            writer.write(name, bytes)?;
            for quote in ['"', '\''] {
                shell = shell.replace(
                    &format!("{quote}/{name}"),
                    &format!("{quote}{base_path}{name}"),
                );
            }
        }
    }
    let shell = shell.replace("<base href=\"/\"", &format!("<base href=\"{base_path}\""));
    Ok(with_csp(&shell, services))
}

/// `shell` with `<html lang dir>` of the site's language, so the first paint (and a
/// screen reader) has the right language and direction before the manifest loads.
fn with_language(shell: &str, site: &folio_core::Site) -> String {
    let Some(language) = &site.language else {
        return shell.to_string();
    };
    // The one sentence shown without JavaScript, in the site's words too.
    let shell = shell.replacen(
        folio_core::i18n::EN.noscript,
        site.lang().strings().noscript,
        1,
    );
    let direction = match site.direction() {
        folio_core::i18n::Direction::Rtl => " dir=\"rtl\"",
        folio_core::i18n::Direction::Ltr => "",
    };
    shell.replacen(
        "<html lang=\"en\">",
        &format!(
            "<html lang=\"{}\"{direction}>",
            folio_core::html::escape(language)
        ),
        1,
    )
}

/// The Content-Security-Policy of every page, for the hashes of its inline scripts and
/// styles and the origins of the services the site names (`services`: comments,
/// analytics). No inline script runs but Trunk's loader and the theme script (by their
/// hashes), no inline style but a prerendered page's stylesheet (by its hash), no eval
/// (WebAssembly needs `wasm-unsafe-eval`), no plugins, no foreign `<base>`, no forms;
/// frames only from the site itself (the diagram frame) and a comments service.
/// `frame-ancestors` is ignored in a meta tag: set it as a header (see the README).
pub fn content_security_policy(inline: &InlineHashes, services: &CspSources) -> String {
    let hashes = |hashes: &[String]| -> String {
        hashes
            .iter()
            .map(|hash| format!(" 'sha256-{hash}'"))
            .collect()
    };
    let more = |origins: &[String]| -> String {
        origins.iter().map(|origin| format!(" {origin}")).collect()
    };
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{}{}; style-src 'self'{}; \
         img-src 'self' https: http: data:; connect-src 'self'{}; worker-src 'self'; object-src 'none'; \
         base-uri 'self'; form-action 'none'; frame-src 'self'{}",
        hashes(&inline.scripts),
        more(&services.script),
        hashes(&inline.styles),
        more(&services.connect),
        more(&services.frame)
    )
}

/// The SHA-256 (base64) of a page's inline scripts and styles, for its CSP.
#[derive(Debug, Default)]
pub struct InlineHashes {
    /// Of each `<script>` and `<script type="module">` body.
    pub scripts: Vec<String>,
    /// Of each `<style>` body.
    pub styles: Vec<String>,
}

impl InlineHashes {
    /// The hashes of every inline script and style in `html`.
    fn of(html: &str) -> InlineHashes {
        InlineHashes {
            scripts: bodies_hashes(html, &["<script>", "<script type=\"module\">"], "</script>"),
            styles: bodies_hashes(html, &["<style>"], "</style>"),
        }
    }
}

/// The SHA-256 (base64) of the text between each of `openers` and the next `closer`.
fn bodies_hashes(html: &str, openers: &[&str], closer: &str) -> Vec<String> {
    use base64::Engine as _;
    use sha2::Digest as _;
    let mut hashes = Vec::new();
    let mut rest = html;
    while let Some((start, opener)) = openers
        .iter()
        .filter_map(|opener| Some((rest.find(opener)?, *opener)))
        .min()
    {
        let body_start = start + opener.len();
        let Some(length) = rest[body_start..].find(closer) else {
            break;
        };
        let body = &rest[body_start..body_start + length];
        hashes.push(
            base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(body.as_bytes())),
        );
        rest = &rest[body_start + length..];
    }
    hashes
}

/// `html` with a CSP meta tag first in its head, allowing its inline scripts (Trunk's
/// module loader, the theme script) and styles (a prerendered page's stylesheet) by hash.
fn with_csp(html: &str, services: &CspSources) -> String {
    let meta = format!(
        "<head>\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{}\" />",
        content_security_policy(&InlineHashes::of(html), services)
    );
    // The app's own index.html carries the policy for its own paths (.ci/csp.mjs); the
    // base-path rewrite changed the loader, so the policy is written anew.
    let marker = "<meta http-equiv=\"Content-Security-Policy\"";
    let without_old = match html
        .find(marker)
        .and_then(|start| Some((start, html[start..].find('>')?)))
    {
        Some((start, length)) => format!(
            "{}{}",
            html[..start].trim_end(),
            &html[start + length + 1..]
        ),
        None => html.to_string(),
    };
    without_old.replacen("<head>", &meta, 1)
}

/// The manifest without drafts: they never appear in a build. A post is a draft when its
/// manifest entry or its front matter says so: an author who marks a post `draft: true`
/// and forgets `folio index` must not see it published. Returns the manifest text and a
/// warning for each post whose front matter and entry disagree on that.
fn published_manifest(site: &Path, text: &str) -> Result<(String, Vec<String>)> {
    let mut root: Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .context("posts.json is not valid JSON; run folio check")?;
    let mut warnings = Vec::new();
    if let Some(Value::Array(posts)) = root.get_mut("posts") {
        // Each post's file is read and measured on every core; then the list is cut.
        let verdicts = crate::parallel::map(posts, |post| verdict(site, post));
        let mut verdicts = verdicts.into_iter();
        posts.retain_mut(|post| {
            let Some((keep, warning, sizes)) = verdicts.next() else {
                return true;
            };
            warnings.extend(warning);
            if let (Some(sizes), Some(post)) = (sizes, post.as_object_mut()) {
                post.insert("images".into(), Value::Object(sizes));
            }
            keep
        });
    }
    if let Some(Value::Object(site)) = root.get_mut("site") {
        site.insert("search_index".into(), TEXT_INDEX_FILE.into());
    }
    // Compact, not indented: the reader downloads, checks as UTF-8 and parses every byte on
    // each visit (a fifth of the bench site's 489 KB manifest was indentation).
    let mut published = serde_json::to_string(&root)?;
    published.push('\n');
    Ok((published, warnings))
}

/// Whether a manifest entry is published, what to warn of, and its images' sizes.
fn verdict(
    site: &Path,
    post: &Value,
) -> (bool, Option<String>, Option<serde_json::Map<String, Value>>) {
    let file = post.get("file").and_then(Value::as_str);
    let markdown = file.and_then(|file| read_text(&site.join(file)).ok());
    let is_listed_draft = post.get("draft") == Some(&Value::Bool(true));
    let (Some(file), Some(markdown)) = (file, markdown) else {
        return (!is_listed_draft, None, None);
    };
    let front_draft = front_matter_draft(&markdown);
    let warning = match &front_draft {
        Some(Ok(true)) if !is_listed_draft => Some(format!(
            "{file} is a draft in its front matter but not in posts.json; it is left out"
        )),
        Some(Ok(false)) if is_listed_draft => Some(format!(
            "{file} is a draft in posts.json but not in its front matter; it is left out"
        )),
        Some(Err(message)) => Some(format!("{file}: {message}; it is left out as a draft")),
        _ => None,
    };
    // An unreadable draft value counts as a draft: publishing is the one mistake that
    // cannot be taken back.
    if is_listed_draft || matches!(front_draft, Some(Ok(true) | Err(_))) {
        return (false, warning, None);
    }
    let sizes = image_sizes(site, file, &markdown);
    (true, warning, (!sizes.is_empty()).then_some(sizes))
}

/// Whether a post's front matter makes it a draft (`crate::front_matter`'s rules); `None`
/// when the file has no front matter or it cannot be read (the manifest decides then).
fn front_matter_draft(markdown: &str) -> Option<Result<bool, String>> {
    let markdown = markdown.strip_prefix('\u{feff}').unwrap_or(markdown);
    let block =
        &markdown[..markdown.len() - folio_core::markdown::strip_front_matter(markdown).len()];
    if block.is_empty() {
        return None;
    }
    // Most posts say nothing of drafts: no need to parse their front matter for that (a
    // build of 10,000 posts would parse 10,000 blocks of YAML).
    if !block.contains("draft") && !block.contains("published") {
        return Some(Ok(false));
    }
    // Front matter that speaks of drafts but cannot be read may well say draft: the post
    // is held back (with the reason) rather than published by mistake.
    let front = match crate::front_matter::parse(markdown) {
        Ok(front) => front,
        Err(problem) => {
            return Some(Err(format!(
                "its front matter mentions a draft flag but cannot be read ({})",
                problem.1
            )))
        }
    };
    if front.fields.is_empty() {
        return None;
    }
    Some(front.is_draft().map_err(|(_, message)| message))
}

/// The manifest files to deploy: `posts.json` alone, or, for a large site (or when
/// `chunk_posts` asks), `posts.json` with the site and the newest posts (two listing
/// pages) plus `chunks`, naming `posts-1.json`, `posts-2.json`, … with the older posts in
/// date order, `chunk_posts` each. A version 1 reader that ignores `chunks` sees a valid
/// manifest of the newest posts; Folio's reader shows the home page from it at once and
/// takes the chunks in behind it. `manifest` is `published`, parsed (its posts in date
/// order).
fn split_manifest(
    published: &str,
    manifest: &Manifest,
    chunk_posts: Option<usize>,
) -> Result<Vec<(String, String)>> {
    let n_posts = manifest.posts.len();
    let chunk_posts = match chunk_posts {
        Some(0) => return Ok(vec![(MANIFEST.to_string(), published.to_string())]),
        Some(size) => size,
        None if n_posts > CHUNK_THRESHOLD => CHUNK_POSTS,
        None => return Ok(vec![(MANIFEST.to_string(), published.to_string())]),
    };
    let head_posts = 2 * manifest.site.page_size;
    if n_posts <= head_posts {
        return Ok(vec![(MANIFEST.to_string(), published.to_string())]);
    }
    let mut root: Value = serde_json::from_str(published)?;
    // The entries as written, picked by each parsed post's position in the list (not by
    // slug: a slug may be written with spaces, or repeated by a rejected entry).
    let mut entries: Vec<Option<Value>> = match root.get_mut("posts").map(Value::take) {
        Some(Value::Array(posts)) => posts.into_iter().map(Some).collect(),
        _ => Vec::new(),
    };
    let mut in_order = manifest
        .posts
        .iter()
        .filter_map(|post| entries.get_mut(post.index).and_then(Option::take));
    let head: Vec<Value> = in_order.by_ref().take(head_posts).collect();
    let rest: Vec<Value> = in_order.collect();
    let mut files = Vec::new();
    let mut names = Vec::new();
    for (index, chunk) in rest.chunks(chunk_posts).enumerate() {
        let name = format!("posts-{}.json", index + 1);
        let text = serde_json::json!({ "version": 1, "posts": chunk }).to_string();
        names.push(Value::String(name.clone()));
        files.push((name, text));
    }
    if let Value::Object(root) = &mut root {
        root.insert("posts".into(), Value::Array(head));
        root.insert("chunks".into(), Value::Array(names));
    }
    let mut head_text = serde_json::to_string(&root)?;
    head_text.push('\n');
    files.insert(0, (MANIFEST.to_string(), head_text));
    Ok(files)
}

/// The sizes of the local images post `file` shows, as `{"path": [width, height]}`; images
/// that are missing or unreadable are left out (`folio check` reports missing ones).
fn image_sizes(site: &Path, file: &str, markdown: &str) -> serde_json::Map<String, Value> {
    folio_core::markdown::image_paths(file, markdown)
        .into_iter()
        .filter_map(|path| {
            let (width, height) = measure_image(&site.join(&path))?;
            Some((path, serde_json::json!([width, height])))
        })
        .collect()
}

/// An image's width and height: SVG from its root element, other formats from their
/// headers.
fn measure_image(path: &Path) -> Option<(u32, u32)> {
    let is_svg = path
        .extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("svg"));
    if is_svg {
        return folio_core::images::svg_size(&std::fs::read_to_string(path).ok()?);
    }
    let size = imagesize::size(path).ok()?;
    Some((
        u32::try_from(size.width).ok()?,
        u32::try_from(size.height).ok()?,
    ))
}

/// The full-text search index of the published posts: which posts use which words
/// (`folio_core::text_index`).
fn text_index(site: &Path, manifest: &folio_core::Manifest) -> String {
    let posts: Vec<(&str, String)> = crate::parallel::map(&manifest.posts, |post| {
        let markdown = read_text(&site.join(&post.file)).ok()?;
        Some((post.slug.as_str(), index_words(&markdown)))
    })
    .into_iter()
    .flatten()
    .collect();
    folio_core::text_index::TextIndex::new(&posts).to_json()
}

/// Copies every published post, every non-Markdown file of the content folder (images,
/// attachments), and every other local file a published post shows or links to (such as
/// `../images/pic.png`: the files `folio check` resolves); drafts stay behind.
fn copy_content(site: &Path, content: &str, manifest: &Manifest, writer: &Writer) -> Result<()> {
    let mut files: BTreeSet<String> = manifest
        .posts
        .iter()
        .map(|post| post.file.clone())
        .collect();
    files.extend(
        manifest
            .posts
            .iter()
            .filter_map(|post| post.cover.clone())
            .filter(|cover| !cover.contains("://")),
    );
    let root = site.join(content);
    if root.is_dir() {
        for entry in walkdir::WalkDir::new(&root).into_iter().flatten() {
            let is_asset = entry.file_type().is_file()
                && entry.path().extension().is_none_or(|ext| ext != "md");
            let name = entry.file_name().to_string_lossy();
            if is_asset && !name.starts_with('.') {
                files.insert(crate::site::relative(site, entry.path()));
            }
        }
    }
    let site_root = std::fs::canonicalize(site)
        .with_context(|| format!("could not read {}", site.display()))?;
    let content_prefix = format!("{}/", crate::site::relative(site, &root));
    for post in &manifest.posts {
        let Ok(markdown) = read_text(&site.join(&post.file)) else {
            continue;
        };
        // The content folder is copied above; a link out of it has a `..`, unless the post
        // lives elsewhere. Most posts need no Markdown parse here.
        let leaves_folder = markdown.contains("..")
            || markdown
                .as_bytes()
                .windows(3)
                .any(|w| w[0] == b'%' && w[1] == b'2' && w[2].eq_ignore_ascii_case(&b'e'));
        if post.file.starts_with(&content_prefix) && !leaves_folder {
            continue;
        }
        for link in folio_core::markdown::links(&markdown) {
            let Some(target) = folio_core::markdown::resolve_relative(&post.file, &link.url) else {
                continue;
            };
            // Never what this build wrote already (the published manifest without its
            // drafts, the app), never Markdown (a post is published by its entry, not by
            // a link to it, so a draft stays behind).
            if !files.contains(&target)
                && !target.ends_with(".md")
                && !writer.out.join(&target).exists()
                && is_inside_site(&site_root, &target)
            {
                files.insert(target);
            }
        }
    }
    let files: Vec<String> = files.into_iter().collect();
    crate::parallel::try_for_each(&files, |file| match std::fs::read(site.join(file)) {
        Ok(bytes) => writer.write(file, &bytes),
        Err(error) => {
            eprintln!("warning: {file} not copied: {error}");
            Ok(())
        }
    })
}

/// Whether the site-relative `path` is a regular file inside the site folder (`site_root`,
/// canonical), with no hidden part (`.git/`, `.env`): a link through a symbolic link that
/// leads out of the site is not followed.
fn is_inside_site(site_root: &Path, path: &str) -> bool {
    if path.split('/').any(|part| part.starts_with('.')) {
        return false;
    }
    std::fs::canonicalize(site_root.join(path))
        .is_ok_and(|real| real.starts_with(site_root) && real.is_file())
}

/// Feeds for the site, each tag and each category; the sitemap.
fn write_feeds(site: &Path, manifest: &Manifest, base_url: &str, writer: &Writer) -> Result<()> {
    let markdown_of = |post: &Post| read_text(&site.join(&post.file)).ok();
    let site_title = &manifest.site.title;
    let mut feeds: Vec<(String, Feed<'_>)> = Vec::new();
    let home = absolute(base_url, &Route::Home.href());
    feeds.push((
        String::new(),
        Feed {
            title: site_title.clone(),
            page_url: home.clone(),
            feed_url: String::new(),
            posts: &manifest.posts,
        },
    ));
    let tag_listings: Vec<(String, String, Vec<Arc<Post>>)> = query::tags(manifest)
        .into_iter()
        .filter_map(|entry| query::tagged(manifest, &entry.term.slug))
        .map(|listing| {
            (
                Route::Tag(&listing.term.slug).href(),
                listing.term.name,
                listing.posts,
            )
        })
        .collect();
    let category_listings: Vec<(String, String, Vec<Arc<Post>>)> = query::categories(manifest)
        .into_iter()
        .filter_map(|entry| query::in_category(manifest, &entry.term.slug))
        .map(|listing| {
            (
                Route::Category(&listing.term.slug).href(),
                listing.term.name,
                listing.posts,
            )
        })
        .collect();
    for (href, name, posts) in tag_listings.iter().chain(&category_listings) {
        let folder = format!("{}/", href.trim_start_matches('/'));
        feeds.push((
            folder,
            Feed {
                title: format!("{name} · {site_title}"),
                page_url: absolute(base_url, href),
                feed_url: String::new(),
                posts,
            },
        ));
    }
    for (folder, mut feed) in feeds {
        let is_site_feed = folder.is_empty();
        feed.feed_url = absolute(base_url, &format!("/{folder}feed.xml"));
        writer.write(
            &format!("{folder}feed.xml"),
            atom(manifest, &feed, base_url, &markdown_of).as_bytes(),
        )?;
        if is_site_feed {
            feed.feed_url = absolute(base_url, "/rss.xml");
            writer.write(
                "rss.xml",
                rss(manifest, &feed, base_url, &markdown_of).as_bytes(),
            )?;
            feed.feed_url = absolute(base_url, "/feed.json");
            writer.write(
                "feed.json",
                json_feed(manifest, &feed, base_url, &markdown_of).as_bytes(),
            )?;
        }
    }

    let newest = manifest
        .posts
        .first()
        .map(|post| post.updated.as_ref().unwrap_or(&post.date).iso());
    let mut urls: Vec<(String, Option<String>)> = vec![(home, newest.clone())];
    let n_pages = query::page(manifest, 1).map_or(1, |listing| listing.n_pages);
    urls.extend((2..=n_pages).map(|n| (absolute(base_url, &Route::Page(n).href()), None)));
    urls.extend(manifest.posts.iter().map(|post| {
        (
            absolute(base_url, &Route::Post(&post.slug).href()),
            Some(post.updated.as_ref().unwrap_or(&post.date).iso()),
        )
    }));
    urls.push((absolute(base_url, &Route::Archive.href()), newest.clone()));
    urls.push((absolute(base_url, &Route::Tags.href()), newest.clone()));
    urls.extend(
        tag_listings
            .iter()
            .map(|(href, _, _)| (absolute(base_url, href), None)),
    );
    urls.push((absolute(base_url, &Route::Categories.href()), newest));
    urls.extend(
        category_listings
            .iter()
            .map(|(href, _, _)| (absolute(base_url, href), None)),
    );
    writer.write("sitemap.xml", sitemap(&urls).as_bytes())?;
    Ok(())
}
