//! The real `folio` binary on sample sites copied into temp dirs.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn folio(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Copies `tests/sites/NAME` into a fresh temp dir and returns (guard, path).
fn sample(name: &str) -> (tempfile::TempDir, PathBuf) {
    let temp = tempfile::tempdir().unwrap();
    let target = temp.path().join(name);
    copy_dir(&repo().join("tests/sites").join(name), &target);
    (temp, target)
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            copy_dir(&path, &to.join(entry.file_name()));
        } else {
            fs::copy(&path, to.join(entry.file_name())).unwrap();
        }
    }
}

/// Asserts that `output` failed (exit status 1) and that its error output says `message`.
fn assert_fails_saying(output: &Output, message: &str) {
    assert_eq!(output.status.code(), Some(1), "{}", stderr(output));
    assert!(stderr(output).contains(message), "{}", stderr(output));
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn init_new_index_check_build_round_trip() {
    let temp = tempfile::tempdir().unwrap();
    let output = folio(&["init", "blog", "--title", "Round Trip"], temp.path());
    assert!(output.status.success(), "{}", stderr(&output));
    let site = temp.path().join("blog");
    let output = folio(
        &[
            "new",
            "Größe matters: a C++ story",
            "--tags",
            "C++,Größe",
            "--category",
            "Notes",
            "--date",
            "2024-02-03",
            "--site",
            "blog",
        ],
        temp.path(),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let post =
        fs::read_to_string(site.join("posts/grosse-matters-a-c-plus-plus-story.md")).unwrap();
    assert!(post.starts_with("---\ntitle: \"Größe matters: a C++ story\"\ndate: 2024-02-03\ncategory: \"Notes\"\ntags: [\"C++\", \"Größe\"]\n---\n"), "{post}");

    let output = folio(&["index", "blog"], temp.path());
    assert!(output.status.success(), "{}", stderr(&output));
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(site.join("posts.json")).unwrap()).unwrap();
    assert_eq!(manifest["site"]["title"], "Round Trip");
    assert_eq!(manifest["$schema"], "./posts.schema.json");
    assert!(site.join("posts.schema.json").is_file());
    // The app is there, so the folder deploys as it is.
    let index = fs::read_to_string(site.join("index.html")).unwrap();
    assert!(
        index.contains("folio-app-") && site.join("404.html").is_file(),
        "{index}"
    );
    let n_wasm = fs::read_dir(&site)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".wasm"))
        .count();
    assert_eq!(n_wasm, 2, "the app and the render worker");
    let slugs: Vec<&str> = manifest["posts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["slug"].as_str().unwrap())
        .collect();
    assert_eq!(slugs, ["grosse-matters-a-c-plus-plus-story", "hello-folio"]);
    assert_eq!(
        manifest["posts"][0]["summary"],
        "Write the first paragraph here; it becomes the summary."
    );

    let output = folio(&["check", "blog"], temp.path());
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output).trim(), "blog: no errors, 0 warnings");

    // And the site builds: both posts published, prerendered, in the feeds and the sitemap.
    let output = folio(
        &[
            "build",
            "blog",
            "--out",
            "out",
            "--base-url",
            "https://example.org/",
        ],
        temp.path(),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
    assert_eq!(
        stdout(&output),
        format!(
            "{}: 2 posts, {} files\n",
            Path::new("out").display(),
            n_files(&temp.path().join("out"))
        )
    );
    let out = temp.path().join("out");
    let page =
        fs::read_to_string(out.join("posts/grosse-matters-a-c-plus-plus-story.html")).unwrap();
    assert!(
        page.contains("<title>Größe matters: a C++ story · Round Trip</title>")
            && page.contains("<p>Write the first paragraph here; it becomes the summary.</p>"),
        "{page}"
    );
    let hello = fs::read_to_string(out.join("posts/hello-folio.html")).unwrap();
    assert!(hello.contains("<h2 id=\"writing\">Writing "), "{hello}");
    assert!(
        hello.contains("<section class=\"footnotes\"") && hello.contains("<p>Like this one. "),
        "the footnote is rendered: {hello}"
    );
    assert_eq!(
        fs::read(out.join("posts/hello-folio.md")).unwrap(),
        fs::read(site.join("posts/hello-folio.md")).unwrap()
    );
    let published: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("posts.json")).unwrap()).unwrap();
    assert_eq!(published["posts"].as_array().unwrap().len(), 2);
    let feed = feed_rs::parser::parse(fs::read(out.join("feed.xml")).unwrap().as_slice()).unwrap();
    let titles: Vec<String> = feed
        .entries
        .iter()
        .map(|entry| entry.title.clone().unwrap().content)
        .collect();
    assert_eq!(titles, ["Größe matters: a C++ story", "Hello, Folio"]);
    let sitemap = fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert!(
        sitemap.contains("<loc>https://example.org/posts/grosse-matters-a-c-plus-plus-story</loc>")
    );
    assert!(out.join("index.html").is_file() && out.join("404.html").is_file());
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(home.contains("Größe matters: a C++ story") && home.contains("Hello, Folio"));
}

/// The number of files under `folder`, at any depth.
fn n_files(folder: &Path) -> usize {
    fs::read_dir(folder)
        .unwrap()
        .flatten()
        .map(|entry| {
            if entry.path().is_dir() {
                n_files(&entry.path())
            } else {
                1
            }
        })
        .sum()
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let temp = tempfile::tempdir().unwrap();
    fs::write(temp.path().join("keep.txt"), "mine").unwrap();
    let output = folio(&["init", "."], temp.path());
    assert_fails_saying(
        &output,
        "is not empty; folio init only writes into a new or empty folder",
    );
    assert_eq!(
        fs::read_to_string(temp.path().join("keep.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn new_refuses_to_overwrite_a_post() {
    let (_temp, site) = sample("minimal");
    fs::write(site.join("posts/hello-world.md"), "mine").unwrap();
    let output = folio(&["new", "Hello World", "--site", "."], &site);
    assert_fails_saying(&output, "hello-world.md already exists");
    assert_eq!(
        fs::read_to_string(site.join("posts/hello-world.md")).unwrap(),
        "mine"
    );
}

#[test]
fn index_twice_is_byte_identical_and_reads_yaml_and_toml() {
    let (_temp, site) = sample("zola");
    let output = folio(&["index", ".", "--content", "content/blog"], &site);
    assert!(output.status.success(), "{}", stderr(&output));
    let first = fs::read(site.join("posts.json")).unwrap();
    let output = folio(&["index", ".", "--content", "content/blog"], &site);
    assert!(
        stdout(&output).contains("2 posts, unchanged"),
        "{}",
        stdout(&output)
    );
    assert_eq!(fs::read(site.join("posts.json")).unwrap(), first);
    assert_eq!(
        String::from_utf8(first).unwrap(),
        r#"{
  "$schema": "./posts.schema.json",
  "version": 1,
  "site": {
    "title": "Stargazing"
  },
  "posts": [
    {
      "slug": "moon-notes",
      "title": "Moon notes",
      "date": "2023-04-01T21:15:00+02:00",
      "summary": "Craters by eye.",
      "tags": [
        "Astronomy",
        "Notes"
      ],
      "reading_minutes": 1,
      "file": "content/blog/2023-04-01-moon-notes.md"
    },
    {
      "slug": "first-light",
      "title": "First Light",
      "date": "2023-03-04",
      "summary": "Setting up the telescope.",
      "category": "Hobbies",
      "tags": [
        "Astronomy",
        "Gear"
      ],
      "reading_minutes": 1,
      "file": "content/blog/first-light.md"
    }
  ]
}
"#
    );
    let output = folio(&["check", ".", "--content", "content/blog"], &site);
    assert!(output.status.success(), "{}", stderr(&output));
    // The imported site now has the schema its manifest names, as a new one does.
    assert_eq!(
        fs::read_to_string(site.join("posts.schema.json")).unwrap(),
        fs::read_to_string(repo().join("schema/posts.schema.json")).unwrap()
    );
}

#[test]
fn index_keeps_a_schema_the_author_chose_and_adds_one_to_a_site_without_a_manifest() {
    let (_temp, site) = sample("minimal");
    let manifest = fs::read_to_string(site.join("posts.json"))
        .unwrap()
        .replacen(
            '{',
            r#"{ "$schema": "https://example.org/my.schema.json","#,
            1,
        );
    fs::write(site.join("posts.json"), manifest).unwrap();
    let output = folio(&["index", "."], &site);
    assert!(output.status.success(), "{}", stderr(&output));
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(site.join("posts.json")).unwrap()).unwrap();
    assert_eq!(manifest["$schema"], "https://example.org/my.schema.json");
    assert!(!site.join("posts.schema.json").exists());

    // A folder of posts and nothing else (Jekyll's _posts copied over, say).
    fs::remove_file(site.join("posts.json")).unwrap();
    let output = folio(&["index", "."], &site);
    assert!(output.status.success(), "{}", stderr(&output));
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(site.join("posts.json")).unwrap()).unwrap();
    assert_eq!(manifest["$schema"], "./posts.schema.json");
    assert!(site.join("posts.schema.json").is_file());
}

#[test]
fn a_failed_index_leaves_the_manifest_intact() {
    let (_temp, site) = sample("minimal");
    let before = fs::read(site.join("posts.json")).unwrap();
    fs::write(
        site.join("posts/broken.md"),
        "---\ntitle: Broken\ndate: 2024-02-30\n---\nText",
    )
    .unwrap();
    let output = folio(&["index", "."], &site);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output).lines().next().unwrap(),
        r#"posts/broken.md:3:1: error: date "2024-02-30" is not a date; use YYYY-MM-DD or an RFC 3339 date-time"#
    );
    assert_eq!(fs::read(site.join("posts.json")).unwrap(), before);

    // A manifest that is not JSON is never overwritten: its site block would be lost.
    fs::remove_file(site.join("posts/broken.md")).unwrap();
    fs::write(site.join("posts.json"), "{ not json").unwrap();
    let output = folio(&["index", "."], &site);
    assert_fails_saying(
        &output,
        "posts.json is not valid JSON, so its site block cannot be kept",
    );
    assert_eq!(
        fs::read_to_string(site.join("posts.json")).unwrap(),
        "{ not json"
    );
}

#[test]
fn check_reports_every_problem_with_its_line() {
    let (_temp, site) = sample("broken");
    fs::write(
        site.join("posts/good-two.md"),
        "See [gone](gone.md), [home](/posts/nope) and ![x](img/none.png).\n",
    )
    .unwrap();
    fs::write(
        site.join("posts/stray.md"),
        "---\ntitle: Stray\ndate: 2024-01-01\n---\n",
    )
    .unwrap();
    let output = folio(&["check", "."], &site);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        r#"posts.json:6:56: error: posts[1].date (slug "bad-date"): "2024-13-01" is not a date; use YYYY-MM-DD or an RFC 3339 date-time
posts.json:6:78: error: posts[1].file (slug "bad-date"): posts/bad-date.md does not exist
posts.json:7:15: error: posts[2].slug (slug "good-one"): the slug is already used by posts[0]
posts.json:7:79: error: posts[2].file (slug "good-one"): posts/dup.md does not exist
posts.json:8:5: error: posts[3].title (slug "no-title"): is missing; it is required
posts.json:8:57: error: posts[3].file (slug "no-title"): posts/no-title.md does not exist
posts.json:9:86: error: posts[4].file (slug "missing-file"): posts/missing-file.md does not exist
posts.json:9:121: warning: posts[4].colour (slug "missing-file"): is not a known field and is ignored
posts/good-two.md:1:12: error: link to posts/gone.md, which is not a post in posts.json
posts/good-two.md:1:29: error: link to /posts/nope, but no post has that slug
posts/good-two.md:1:51: error: image posts/img/none.png does not exist
posts/stray.md:1:1: error: this post is not in posts.json; run folio index
11 errors, 1 warning
"#
    );
}

#[test]
fn check_reports_site_urls_that_build_refuses() {
    let (_temp, site) = sample("minimal");
    let manifest = fs::read_to_string(site.join("posts.json")).unwrap().replace(
        "    \"language\": \"en\"\n",
        "    \"language\": \"en\",\n    \"base_url\": \"https://example.org/\\\"><img src=x onerror=alert(1)>/\",\n    \"edit_url\": \"https://github.com/me/my blog/edit/main/\"\n",
    );
    fs::write(site.join("posts.json"), &manifest).unwrap();
    let output = folio(&["check", "."], &site);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(
        stderr(&output),
        r#"posts.json:8:17: error: site.base_url: "https://example.org/\"><img src=x onerror=alert(1)>/" has characters a URL must percent-encode (" > < space): write them as %22 %3E %3C %20
posts.json:9:17: warning: site.edit_url: "https://github.com/me/my blog/edit/main/" has characters a URL must percent-encode (space): write them as %20
1 error, 1 warning
"#
    );
    // The base URL check says what folio build would refuse.
    let build = folio(&["build", "."], &site);
    assert_eq!(build.status.code(), Some(1));
    assert!(
        stderr(&build).contains("must be an absolute http(s) URL with nothing to percent-encode")
    );
    // A scheme without a host, which the manifest parser lets through too.
    fs::write(
        site.join("posts.json"),
        manifest
            .replace(
                "\"https://example.org/\\\"><img src=x onerror=alert(1)>/\"",
                "\"https:///blog/\"",
            )
            .replace("my blog", "my-blog"),
    )
    .unwrap();
    let output = folio(&["check", "."], &site);
    assert_eq!(
        stderr(&output),
        "posts.json:8:17: error: site.base_url: \"https:///blog/\" has no host; use a URL such as https://example.org/blog/\n1 error, 0 warnings\n"
    );
    // Written as a URL is written, both pass.
    fs::write(
        site.join("posts.json"),
        manifest
            .replace("\\\"><img src=x onerror=alert(1)>/", "%22%3E%3Cimg/")
            .replace("my blog", "my%20blog"),
    )
    .unwrap();
    let output = folio(&["check", "."], &site);
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
fn check_passes_on_the_demo_site() {
    let output = folio(&["check", "public"], &repo());
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
fn check_points_at_invalid_json() {
    let (_temp, site) = sample("minimal");
    fs::write(
        site.join("posts.json"),
        "{\n  \"version\": 1,\n  \"site\": {\"title\": \"T\"},\n}",
    )
    .unwrap();
    let output = folio(&["check", "."], &site);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output).lines().next().unwrap(),
        "posts.json:4:1: error: posts.json is not valid JSON: line 4, column 1: trailing comma"
    );
}

#[test]
fn a_site_with_300_problems_shows_300() {
    let (_temp, site) = sample("minimal");
    let posts: Vec<String> = (0..300).map(|i| format!(r#"{{"slug":"p{i}","title":"P","date":"2024-02-3{i}","file":"posts/hello-world.md"}}"#)).collect();
    fs::write(
        site.join("posts.json"),
        format!(
            r#"{{"version":1,"site":{{"title":"T"}},"posts":[{}]}}"#,
            posts.join(",")
        ),
    )
    .unwrap();
    let output = folio(&["check", "."], &site);
    let n_bad_dates = stderr(&output)
        .lines()
        .filter(|line| line.contains("is not a date"))
        .count();
    assert_eq!(n_bad_dates, 300);
}

/// `folio build SITE --out out --base-url BASE_URL`, run in `site`.
fn build_out(site: &Path, base_url: &str) -> Output {
    folio(
        &["build", ".", "--out", "out", "--base-url", base_url],
        site,
    )
}

/// `folio build` of the minimal site (with a draft added) under a sub-path.
fn built_site() -> (tempfile::TempDir, PathBuf) {
    let (temp, site) = sample("minimal");
    fs::write(
        site.join("posts/secret.md"),
        "---\ntitle: Secret\ndate: 2024-07-01\ndraft: true\n---\nNot yet.",
    )
    .unwrap();
    let manifest = fs::read_to_string(site.join("posts.json")).unwrap().replace(
        "\"posts\": [",
        r#""posts": [ {"slug":"secret","title":"Secret <draft>","date":"2024-07-01","draft":true,"file":"posts/secret.md"},"#,
    );
    fs::write(site.join("posts.json"), manifest).unwrap();
    fs::create_dir_all(site.join("posts/img")).unwrap();
    fs::write(
        site.join("posts/img/pic.svg"),
        "<svg xmlns='http://www.w3.org/2000/svg'/>",
    )
    .unwrap();
    let output = build_out(&site, "https://example.org/blog/");
    assert!(output.status.success(), "{}", stderr(&output));
    (temp, site.join("out"))
}

#[test]
fn build_writes_a_deployable_folder_without_drafts() {
    let (_temp, out) = built_site();
    for file in [
        "index.html",
        "404.html",
        "posts.json",
        "posts/hello-world.md",
        "posts/tables-and-code.md",
        "posts/img/pic.svg",
        "feed.xml",
        "rss.xml",
        "feed.json",
        "sitemap.xml",
        "robots.txt",
        "tags/ci-cd/feed.xml",
        "categories/notes/feed.xml",
    ] {
        assert!(out.join(file).is_file(), "{file} is missing");
    }
    assert!(
        !out.join("posts/secret.md").exists(),
        "a draft was published"
    );
    let manifest = fs::read_to_string(out.join("posts.json")).unwrap();
    assert!(!manifest.contains("secret"), "{manifest}");
    // Deployed compact (one line, no indentation): the reader parses every byte.
    assert_eq!(manifest.lines().count(), 1, "{manifest}");
    assert!(
        !manifest.contains(": ") && !manifest.contains("  "),
        "{manifest}"
    );
    let deployed: serde_json::Value = serde_json::from_str(&manifest).unwrap();
    let source: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("../posts.json")).unwrap()).unwrap();
    assert_eq!(deployed["site"]["title"], source["site"]["title"]);
    assert_eq!(
        deployed["posts"].as_array().unwrap().len() + 1,
        source["posts"].as_array().unwrap().len(),
        "every post but the draft"
    );
    let index = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains(r#"<base href="/blog/""#), "{index}");
    assert!(index.contains("import('/blog/folio-app-"), "{index}");
    assert!(
        !index.contains("'/folio-app-")
            && !index.contains("\"/folio-app-")
            && !index.contains("\"/main-"),
        "{index}"
    );
    let not_found = fs::read_to_string(out.join("404.html")).unwrap();
    assert!(
        not_found.contains(r#"<base href="/blog/""#) && !not_found.contains("prerendered"),
        "{not_found}"
    );
    assert_eq!(
        fs::read_to_string(out.join("robots.txt")).unwrap(),
        "User-agent: *\nAllow: /\n\nSitemap: https://example.org/blog/sitemap.xml\n"
    );
}

#[test]
fn feeds_parse_back_with_a_feed_parser() {
    let (_temp, out) = built_site();
    for name in ["feed.xml", "rss.xml", "feed.json"] {
        let feed = feed_rs::parser::parse(fs::read(out.join(name)).unwrap().as_slice())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            feed.title.map(|t| t.content).as_deref(),
            Some("Minimal Folio"),
            "{name}"
        );
        let titles: Vec<String> = feed
            .entries
            .iter()
            .map(|e| e.title.clone().unwrap().content)
            .collect();
        assert_eq!(titles, ["Tables and Code", "Hello World"], "{name}");
        let links: Vec<String> = feed
            .entries
            .iter()
            .map(|e| e.links[0].href.clone())
            .collect();
        assert_eq!(
            links,
            [
                "https://example.org/blog/posts/tables-and-code",
                "https://example.org/blog/posts/hello-world"
            ],
            "{name}"
        );
        let published = feed.entries[0].published.unwrap().to_rfc3339();
        assert_eq!(published, "2024-06-10T00:00:00+00:00", "{name}");
    }
    let tag_feed = feed_rs::parser::parse(
        fs::read(out.join("tags/grosse/feed.xml"))
            .unwrap()
            .as_slice(),
    )
    .unwrap();
    assert_eq!(tag_feed.title.unwrap().content, "Größe · Minimal Folio");
    assert_eq!(tag_feed.entries.len(), 1);
}

#[test]
fn the_sitemap_lists_every_route() {
    let (_temp, out) = built_site();
    let xml = fs::read_to_string(out.join("sitemap.xml")).unwrap();
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut locations = Vec::new();
    let mut in_loc = false;
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Start(tag) => in_loc = tag.name().as_ref() == b"loc",
            quick_xml::events::Event::End(_) => in_loc = false,
            quick_xml::events::Event::Text(text) if in_loc => {
                locations.push(text.unescape().unwrap().into_owned())
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(
        locations,
        [
            "https://example.org/blog/",
            "https://example.org/blog/posts/tables-and-code",
            "https://example.org/blog/posts/hello-world",
            "https://example.org/blog/archive",
            "https://example.org/blog/tags",
            "https://example.org/blog/tags/ci-cd",
            "https://example.org/blog/tags/grosse",
            "https://example.org/blog/tags/intro",
            "https://example.org/blog/categories",
            "https://example.org/blog/categories/devops-infrastructure",
            "https://example.org/blog/categories/notes",
        ]
    );
}

#[test]
fn build_never_overwrites_a_folder_it_did_not_write() {
    let (_temp, site) = sample("minimal");
    fs::create_dir_all(site.join("mine")).unwrap();
    fs::write(site.join("mine/notes.txt"), "precious").unwrap();
    let output = folio(&["build", ".", "--out", "mine"], &site);
    assert_fails_saying(&output, "has files that folio build did not write");
    assert_eq!(
        fs::read_to_string(site.join("mine/notes.txt")).unwrap(),
        "precious"
    );
    // Its own output it replaces.
    assert!(folio(&["build", ".", "--out", "out"], &site)
        .status
        .success());
    let output = folio(&["build", ".", "--out", "out"], &site);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("no base URL"),
        "{}",
        stderr(&output)
    );
}

/// The `content` of the first tag in `html` that contains `marker`, read up to its quote.
fn attribute_after(html: &str, marker: &str) -> String {
    let start = html
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} not in page"))
        + marker.len();
    html[start..].split('"').next().unwrap().to_string()
}

#[test]
fn prerendered_pages_paint_before_the_app_downloads() {
    let (_temp, out) = built_site();
    let wasm_preload = "type=\"application/wasm\"";
    let shell = fs::read_to_string(out.join("404.html")).expect("404.html");
    assert!(
        shell.contains(wasm_preload) && shell.contains("import init,"),
        "the deep-link shell, where the app is the first paint, preloads and imports it"
    );
    for file in ["index.html", "posts/hello-world.html", "tags/grosse.html"] {
        let html = fs::read_to_string(out.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(
            !html.contains(wasm_preload),
            "{file}: no wasm download competes with the stylesheet"
        );
        assert!(
            !html.contains("modulepreload") && !html.contains("import init,"),
            "{file}: the app's JavaScript is neither preloaded nor imported before the first paint"
        );
        assert!(
            html.contains("const start = () => requestAnimationFrame(() => setTimeout(async () => {\nconst bindings = await import('/blog/folio-app-")
                && html.contains("addEventListener('load', start, { once: true });")
                && html.contains("await init({ module_or_path: '/blog/folio-app-"),
            "{file}: the loader starts the app after the first paint"
        );
        // The stylesheet is inline, allowed by its hash: no round trip before the paint.
        assert!(!html.contains("rel=\"stylesheet\""), "{file}");
        let css = inline_style(&html);
        assert!(css.contains(".post-list") && css.len() > 5_000, "{file}");
        let digest = sha256_base64(&css);
        assert!(
            csp(&html).contains(&format!("style-src 'self' 'sha256-{digest}';")),
            "{file}: {}",
            csp(&html)
        );
    }
    // The deep-link shell links the stylesheet file, which the inline copies were read from
    // (without its comments and layout whitespace).
    let link = shell
        .split("<link rel=\"stylesheet\" href=\"/blog/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("404.html links the stylesheet");
    let file = fs::read_to_string(out.join(link)).unwrap();
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    assert_eq!(inline_style(&home), folio_core::css::minify(&file));
    assert!(inline_style(&home).len() < file.len() * 4 / 5);
    assert!(csp(&shell).contains("style-src 'self';"), "{}", csp(&shell));
}

/// The text of a page's `<style>` element.
fn inline_style(html: &str) -> String {
    let start = html.find("<style>").expect("an inline style") + "<style>".len();
    html[start..start + html[start..].find("</style>").unwrap()].to_string()
}

/// A page's Content-Security-Policy.
fn csp(html: &str) -> String {
    let start = html.find("Content-Security-Policy\" content=\"").unwrap() + 34;
    html[start..start + html[start..].find('"').unwrap()].to_string()
}

/// SHA-256 of `text`, base64, as CSP hashes are written.
fn sha256_base64(text: &str) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(text.as_bytes()))
}

#[test]
fn every_route_is_prerendered_with_its_title_canonical_and_description() {
    let (_temp, out) = built_site();
    let cases = [
        (
            "index.html",
            "Minimal Folio",
            "https://example.org/blog/",
            "The smallest site the tests use.",
        ),
        (
            "posts/hello-world.html",
            "Hello World · Minimal Folio",
            "https://example.org/blog/posts/hello-world",
            "The first post, with **bold** text.",
        ),
        (
            "posts/tables-and-code.html",
            "Tables and Code · Minimal Folio",
            "https://example.org/blog/posts/tables-and-code",
            "A table, a code block and a footnote.",
        ),
        (
            "tags.html",
            "Tags · Minimal Folio",
            "https://example.org/blog/tags",
            "The smallest site the tests use.",
        ),
        (
            "tags/grosse.html",
            "Tagged “Größe” · Minimal Folio",
            "https://example.org/blog/tags/grosse",
            "The smallest site the tests use.",
        ),
        (
            "archive.html",
            "Archive · Minimal Folio",
            "https://example.org/blog/archive",
            "The smallest site the tests use.",
        ),
        (
            "categories.html",
            "Categories · Minimal Folio",
            "https://example.org/blog/categories",
            "The smallest site the tests use.",
        ),
        (
            "categories/devops-infrastructure.html",
            "Category: DevOps &amp; Infrastructure · Minimal Folio",
            "https://example.org/blog/categories/devops-infrastructure",
            "The smallest site the tests use.",
        ),
    ];
    for (file, title, canonical, description) in cases {
        let html = fs::read_to_string(out.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(
            html.contains(&format!("<title>{title}</title>")),
            "{file}: title"
        );
        assert_eq!(
            attribute_after(&html, r#"<link rel="canonical" href=""#),
            canonical,
            "{file}"
        );
        assert_eq!(
            attribute_after(&html, r#"<meta name="description" content=""#),
            description,
            "{file}"
        );
        assert!(
            html.contains(r#"<div id="prerendered">"#),
            "{file}: no prerendered content"
        );
        assert_eq!(html.matches("<main").count(), 1, "{file}");
    }
    let post = fs::read_to_string(out.join("posts/tables-and-code.html")).unwrap();
    assert!(
        post.contains("<td>cargo</td>"),
        "the post's Markdown is rendered"
    );
    assert!(post.contains(r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"BlogPosting""#), "{post}");
    let hello = fs::read_to_string(out.join("posts/hello-world.html")).unwrap();
    // Raw HTML in the post stays text in the prerendered page too.
    assert!(
        hello.contains("&lt;script&gt;window.__pwned = true&lt;/script&gt;")
            && !hello.contains("<script>window.__pwned"),
        "{hello}"
    );
    assert!(
        !out.join("posts/secret.html").exists(),
        "a draft was prerendered"
    );
}

#[test]
fn the_render_worker_gets_content_hashed_names_like_the_rest_of_the_app() {
    let (_temp, out) = built_site();
    let names: Vec<String> = fs::read_dir(&out)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("folio-render-worker"))
        .collect();
    let hashed = |suffix: &str| {
        names
            .iter()
            .find(|name| {
                name.strip_prefix("folio-render-worker-")
                    .and_then(|rest| rest.strip_suffix(suffix))
                    .is_some_and(|hash| {
                        hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit())
                    })
            })
            .cloned()
            .unwrap_or_else(|| panic!("no hashed worker {suffix} in {names:?}"))
    };
    let (script, wasm) = (hashed(".js"), hashed("_bg.wasm"));
    assert_eq!(names.len(), 3, "{names:?}");
    let loader = fs::read_to_string(out.join("folio-render-worker_loader.js")).unwrap();
    assert_eq!(
        loader,
        format!("importScripts(\"./{script}\");wasm_bindgen(\"./{wasm}\");")
    );
}

#[test]
fn build_writes_a_full_text_index_of_the_published_posts() {
    let (_temp, out) = built_site();
    let text = fs::read_to_string(out.join("search-index.json")).unwrap();
    let index: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(index["version"], 2);
    assert_eq!(
        index["slugs"],
        serde_json::json!(["tables-and-code", "hello-world"]),
        "drafts are not indexed"
    );
    assert!(index["words"]
        .as_str()
        .unwrap()
        .lines()
        .any(|word| word == "beginning"));
    // The reader's index of it finds the word in that post only.
    let read = folio_core::text_index::parse_text_index(&text).unwrap();
    assert_eq!(read.slugs(), ["tables-and-code", "hello-world"]);
    assert!(read.matching("beginn").contains(1));
    assert!(!read.matching("beginn").contains(0));
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("posts.json")).unwrap()).unwrap();
    assert_eq!(manifest["site"]["search_index"], "search-index.json");
}

#[test]
fn listings_are_prerendered_a_page_at_a_time_with_numbered_pages() {
    let (_temp, site) = sample("minimal");
    let manifest = fs::read_to_string(site.join("posts.json"))
        .unwrap()
        .replace(r#""language": "en""#, r#""language": "en", "page_size": 1"#);
    assert!(manifest.contains(r#""page_size": 1"#));
    fs::write(site.join("posts.json"), manifest).unwrap();
    let output = build_out(&site, "https://example.org/");
    assert!(output.status.success(), "{}", stderr(&output));
    let out = site.join("out");
    let second = fs::read_to_string(out.join("tags/ci-cd/page/2.html")).unwrap();
    assert!(
        second.contains("<title>Tagged “CI/CD”, page 2 of 2 · Minimal Folio</title>"),
        "{second}"
    );
    assert!(
        second.contains(r#"<link rel="canonical" href="https://example.org/tags/ci-cd/page/2""#)
    );
    // One card, the whole count, and the numbered pager with this page marked.
    assert_eq!(second.matches("<article class=\"card\">").count(), 1);
    assert!(second.contains(r#"<p class="count">2 posts</p>"#));
    assert!(
        second.contains(r#"<a rel="prev" href="/tags/ci-cd">← Newer posts</a>"#),
        "{second}"
    );
    assert!(second.contains(r#"<ol class="page-numbers"><li><a href="/tags/ci-cd">1</a></li><li><a href="/tags/ci-cd/page/2" aria-current="page">2</a></li></ol>"#), "{second}");
    assert!(out.join("page/2.html").exists());
    assert!(!out.join("tags/ci-cd/page/3.html").exists());
    assert!(
        !out.join("tags/grosse/page/2.html").exists(),
        "a tag with one post has one page"
    );
}

#[test]
fn scheduled_posts_are_deployed_but_not_announced_before_their_date() {
    let (_temp, site) = sample("minimal");
    fs::write(
        site.join("posts/later.md"),
        "---\ntitle: Later\ndate: 2999-01-01\n---\nNot yet.",
    )
    .unwrap();
    let manifest = fs::read_to_string(site.join("posts.json"))
        .unwrap()
        .replace(r#""language": "en""#, r#""language": "en", "scheduled": true"#)
        .replace(
            "\"posts\": [",
            r#""posts": [ {"slug":"later","title":"Later","date":"2999-01-01","file":"posts/later.md","tags":["Intro"]},"#,
        );
    fs::write(site.join("posts.json"), manifest).unwrap();
    let output = build_out(&site, "https://example.org/");
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("1 scheduled post(s) wait for their date"),
        "{}",
        stderr(&output)
    );
    let out = site.join("out");
    // The app needs the manifest entry and the file to show the post on its date...
    assert!(fs::read_to_string(out.join("posts.json"))
        .unwrap()
        .contains("\"later\""));
    assert!(out.join("posts/later.md").exists());
    // ...but nothing announces it yet.
    assert!(!out.join("posts/later.html").exists());
    for file in [
        "index.html",
        "tags/intro.html",
        "feed.xml",
        "rss.xml",
        "feed.json",
        "sitemap.xml",
        "tags/intro/feed.xml",
    ] {
        let text = fs::read_to_string(out.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(
            !text.contains("later"),
            "{file} mentions the scheduled post"
        );
    }
}

/// A raw HTTP/1.0 GET: (status, body).
fn http_get(port: u16, path: &str) -> (u16, String) {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(stream, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response.split(' ').nth(1).unwrap().parse().unwrap();
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, body)| body.to_string())
        .unwrap_or_default();
    (status, body)
}

/// Kills the child when dropped, so a failing test leaves no server behind.
struct Running(std::process::Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `folio serve` on `site` at a free port: the running server (stopped when dropped) and
/// its port, read from the line it prints first.
fn serve(site: &Path) -> (Running, u16) {
    use std::io::{BufRead, BufReader};
    let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["serve", ".", "--port", "0"])
        .current_dir(site)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let server = Running(child);
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    let port: u16 = line
        .split("127.0.0.1:")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|port| port.parse().ok())
        .unwrap_or_else(|| panic!("no port in {line:?}"));
    (server, port)
}

#[test]
fn serve_answers_deep_links_and_404s_and_rebuilds() {
    use std::io::{Read, Write};
    let (_temp, site) = sample("minimal");
    // posts.json as folio index writes it: the preview indexes each build afresh (a
    // hand-kept manifest is previewed as it is: the browser test edits one).
    let indexed = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["index", ".", "--quiet"])
        .current_dir(&site)
        .status()
        .unwrap();
    assert!(indexed.success());
    let (server, port) = serve(&site);

    let (status, body) = http_get(port, "/posts/hello-world");
    assert_eq!(status, 200);
    assert!(
        body.contains("<h1>Hello World</h1>") && body.contains("/__folio/reload.js"),
        "{body}"
    );
    let (status, body) = http_get(port, "/some/app/route");
    assert_eq!(status, 200);
    assert!(body.contains("folio-app-"), "{body}");
    assert_eq!(http_get(port, "/posts/missing.md").0, 404);
    assert_eq!(http_get(port, "/missing.json").0, 404);
    assert!(http_get(port, "/posts.json").1.contains("\"hello-world\""));

    // An open page hears about a rebuild after a post changes.
    let mut events = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(events, "GET /__folio/events HTTP/1.0\r\n\r\n").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(600));
    // The posts have front matter, so the preview is indexed afresh: a changed title and
    // a new post show without folio index, and posts.json on disk is left as it is.
    let manifest_before = fs::read(site.join("posts.json")).unwrap();
    fs::write(
        site.join("posts/hello-world.md"),
        "---\ntitle: Hello Again\ndate: 2024-05-01\n---\nChanged **text**.",
    )
    .unwrap();
    fs::write(
        site.join("posts/fresh.md"),
        "---\ntitle: A Fresh Post\ndate: 2024-08-01\ntags: [New]\n---\nJust written.",
    )
    .unwrap();
    events
        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .unwrap();
    let mut received = String::new();
    let mut buffer = [0u8; 256];
    while !received.contains("data: reload") {
        let n = events.read(&mut buffer).unwrap();
        assert!(
            n > 0,
            "the event stream closed without a reload: {received}"
        );
        received.push_str(&String::from_utf8_lossy(&buffer[..n]));
    }
    // Both files may take two rebuilds to show (a save can fall between two looks).
    let wait_for = |path: &str, needle: &str| {
        let started = std::time::Instant::now();
        loop {
            let (status, body) = http_get(port, path);
            if status == 200 && body.contains(needle) {
                return;
            }
            assert!(
                started.elapsed() < std::time::Duration::from_secs(15),
                "{path} never showed {needle:?}: {body}"
            );
            std::thread::sleep(std::time::Duration::from_millis(200));
        }
    };
    wait_for("/posts/hello-world", "Changed <strong>text</strong>.");
    wait_for("/posts/hello-world", "<h1>Hello Again</h1>");
    wait_for("/posts/fresh", "<h1>A Fresh Post</h1>");
    wait_for("/", "A Fresh Post");
    wait_for("/tags/new", "A Fresh Post");
    assert!(http_get(port, "/posts.json").1.contains("\"fresh\""));
    assert_eq!(fs::read(site.join("posts.json")).unwrap(), manifest_before);
    drop(server);
}

#[test]
fn serve_builds_a_hand_kept_manifest_as_it_is() {
    // The broken site's posts have no front matter: its manifest is written by hand.
    let (_temp, site) = sample("broken");
    let (server, port) = serve(&site);
    let (status, body) = http_get(port, "/posts/good-one");
    assert_eq!(status, 200);
    assert!(body.contains("<h1>Good One</h1>"), "{body}");
    drop(server);
}

#[test]
fn quiet_prints_nothing_but_problems() {
    let (_temp, site) = sample("minimal");
    let output = folio(&["--quiet", "index", "."], &site);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output), "");
    let output = folio(&["build", ".", "--out", "out", "-q"], &site);
    assert!(output.status.success());
    assert_eq!(stdout(&output), "");
}

#[test]
fn services_widen_the_csp_only_for_what_the_site_names_and_the_language_ships_its_words() {
    let policy = |html: &str| -> String {
        let start = html.find("Content-Security-Policy\" content=\"").unwrap() + 34;
        html[start..start + html[start..].find('"').unwrap()].to_string()
    };
    let (_temp, site) = sample("integrations");
    let output = folio(&["build", ".", "--out", "out"], &site);
    assert!(output.status.success(), "{}", stderr(&output));
    let out = site.join("out");
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    let csp = policy(&home);
    assert!(
        csp.contains(" https://giscus.app https://gc.zgo.at; style-src 'self' 'sha256-"),
        "{csp}"
    );
    assert!(
        csp.contains("connect-src 'self' https://folio-test.goatcounter.com;"),
        "{csp}"
    );
    assert!(
        csp.ends_with("frame-src 'self' https://giscus.app"),
        "{csp}"
    );
    // Every page carries the same policy; the 404 page too, but for the hash of its
    // loader (it starts the app at once: nothing was prerendered there) and its stylesheet
    // (a file there, inline in prerendered pages).
    let without_hashes = |policy: &str| -> String {
        policy
            .split("; ")
            .map(|directive| {
                directive
                    .split(' ')
                    .filter(|word| !word.starts_with("'sha256-"))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    for page in ["404.html", "posts/bonjour.html", "tags/essai.html"] {
        let html = fs::read_to_string(out.join(page)).unwrap();
        let other = policy(&html);
        if page == "404.html" {
            assert_ne!(other, csp, "{page}: another loader, another hash");
            assert_eq!(without_hashes(&other), without_hashes(&csp), "{page}");
        } else {
            assert_eq!(other, csp, "{page}");
        }
        assert!(html.contains("<html lang=\"fr\">"), "{page}");
    }
    // The French words: the prerendered pages, and the list the app loads.
    assert!(home.contains("<time datetime=\"2025-04-07\">7 avr. 2025</time>"));
    assert!(home.contains(">Derniers articles</h1>"));
    // The sentence shown without JavaScript too (index.html has the English one).
    assert!(home.contains("<noscript><p class=\"noscript\">Ce blog a besoin de JavaScript"));
    let index = fs::read_to_string(repo().join("index.html")).unwrap();
    assert!(index.contains(folio_core::i18n::EN.noscript));
    let words = fs::read_to_string(out.join("i18n/fr.txt")).unwrap();
    assert!(
        words.starts_with("folio-strings 3 fr\nAller au contenu\n"),
        "{words}"
    );

    // A site that names no service: nothing but its own origin, and no word list.
    let (_temp, minimal) = sample("minimal");
    let output = folio(&["build", ".", "--out", "out"], &minimal);
    assert!(output.status.success(), "{}", stderr(&output));
    let html = fs::read_to_string(minimal.join("out/index.html")).unwrap();
    let csp = policy(&html);
    assert!(!csp.contains("https://"), "{csp}");
    assert!(csp.contains("connect-src 'self';") && csp.ends_with("frame-src 'self'"));
    assert!(!minimal.join("out/i18n").exists());
}

#[test]
fn build_measures_images_so_their_boxes_are_reserved() {
    let (_temp, site) = sample("minimal");
    fs::create_dir_all(site.join("posts/images")).unwrap();
    fs::write(
        site.join("posts/images/flow.svg"),
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 720 300"><rect width="720" height="300"/></svg>"#,
    )
    .unwrap();
    // A PNG header: signature, then the IHDR chunk with width 1200 and height 630.
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend(1200u32.to_be_bytes());
    png.extend(630u32.to_be_bytes());
    png.extend([8, 6, 0, 0, 0, 0, 0, 0, 0]);
    fs::write(site.join("posts/images/cover.png"), png).unwrap();
    // A file name with a space, written percent-encoded in the Markdown.
    fs::write(
        site.join("posts/images/wide flow.svg"),
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="960" height="240"></svg>"#,
    )
    .unwrap();
    let post = site.join("posts/hello-world.md");
    let text = fs::read_to_string(&post).unwrap();
    fs::write(
        &post,
        format!("{text}\n\n![Flow](images/flow.svg)\n\n![Cover](images/cover.png \"A cover\")\n\n![Wide](images/wide%20flow.svg)\n\n![Gone](images/missing.png)\n"),
    )
    .unwrap();
    let check = folio(&["check", "."], &site);
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&check.stdout),
        stderr(&check)
    );
    assert!(report.contains("images/missing.png"), "{report}");
    assert!(
        !report.contains("wide"),
        "an encoded name is found on disk: {report}"
    );
    let output = folio(&["build", ".", "--out", "out"], &site);
    assert!(output.status.success(), "{}", stderr(&output));
    let out = site.join("out");
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("posts.json")).unwrap()).unwrap();
    let hello = manifest["posts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|post| post["slug"] == "hello-world")
        .unwrap();
    assert_eq!(
        hello["images"],
        serde_json::json!({ "posts/images/flow.svg": [720, 300], "posts/images/cover.png": [1200, 630], "posts/images/wide flow.svg": [960, 240] })
    );
    let page = fs::read_to_string(out.join("posts/hello-world.html")).unwrap();
    assert!(
        page.contains(r#"<img loading="lazy" decoding="async" width="720" height="300" src="posts/images/flow.svg" alt="Flow" />"#),
        "{page}"
    );
    assert!(page.contains(r#"width="1200" height="630" src="posts/images/cover.png""#));
    assert!(
        page.contains(r#"width="960" height="240" src="posts/images/wide%20flow.svg""#),
        "{page}"
    );
    assert!(page.contains(r#"<img loading="lazy" decoding="async" src="posts/images/missing.png""#));
}

#[test]
fn a_large_site_is_published_as_newest_posts_plus_chunks() {
    let (_temp, site) = sample("minimal");
    let mut posts = Vec::new();
    for n in 1..=5 {
        fs::write(site.join(format!("posts/p{n}.md")), format!("Post {n}.")).unwrap();
        posts.push(format!(
            r#"{{"slug":"p{n}","title":"P{n}","date":"2024-01-0{n}","file":"posts/p{n}.md"}}"#
        ));
    }
    fs::write(
        site.join("posts.json"),
        format!(
            r#"{{"version":1,"site":{{"title":"Big","page_size":1}},"posts":[{}]}}"#,
            posts.join(",")
        ),
    )
    .unwrap();
    let output = folio(&["build", ".", "--out", "out", "--chunk-posts", "2"], &site);
    assert!(output.status.success(), "{}", stderr(&output));
    let read = |file: &str| -> serde_json::Value {
        serde_json::from_str(&fs::read_to_string(site.join("out").join(file)).unwrap()).unwrap()
    };
    let slugs = |value: &serde_json::Value| -> Vec<String> {
        value["posts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|post| post["slug"].as_str().unwrap().to_string())
            .collect()
    };
    let head = read("posts.json");
    let head_text = fs::read_to_string(site.join("out/posts.json")).unwrap();
    assert_eq!(head_text.lines().count(), 1, "compact: {head_text}");
    assert_eq!(
        slugs(&head),
        ["p5", "p4"],
        "two listing pages of the newest"
    );
    assert_eq!(
        head["chunks"],
        serde_json::json!(["posts-1.json", "posts-2.json"])
    );
    assert_eq!(head["version"], 1);
    assert_eq!(slugs(&read("posts-1.json")), ["p3", "p2"]);
    assert_eq!(slugs(&read("posts-2.json")), ["p1"]);
    // Prerendered pages and feeds still come from every post.
    assert!(site.join("out/posts/p1.html").exists());
    assert!(site.join("out/page/5.html").exists());

    // Small sites keep one manifest, and so does any site with --chunk-posts 0.
    let output = folio(
        &["build", ".", "--out", "whole", "--chunk-posts", "0"],
        &site,
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(!site.join("whole/posts-1.json").exists());
    assert_eq!(slugs(&read("../whole/posts.json")).len(), 5);
}

#[test]
fn index_reports_a_date_with_a_non_ascii_zone_instead_of_panicking() {
    let (_temp, site) = sample("minimal");
    fs::write(
        site.join("posts/zone.md"),
        "---\ntitle: Zone\ndate: 2024-05-01 10:00:00 +0é1\n---\nText",
    )
    .unwrap();
    let output = folio(&["index", "."], &site);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(
        stderr(&output).lines().next().unwrap(),
        r#"posts/zone.md:3:1: error: date "2024-05-01 10:00:00 +0é1" is not a date; use YYYY-MM-DD or an RFC 3339 date-time"#
    );
}

#[test]
fn a_panic_prints_one_plain_line_without_a_backtrace() {
    let temp = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["check", "."])
        .current_dir(temp.path())
        .env("FOLIO_TEST_PANIC", "1")
        .env("RUST_BACKTRACE", "1")
        .output()
        .unwrap();
    assert!(!output.status.success());
    let text = stderr(&output);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(
        text.starts_with("folio: internal error: panic requested by FOLIO_TEST_PANIC (at ")
            && text.trim_end().ends_with(", please report it"),
        "{text}"
    );
}

#[test]
fn a_post_whose_front_matter_cannot_be_read_but_mentions_draft_is_held_back() {
    let (_temp, site) = sample("minimal");
    // Unquoted colons: not YAML. It says draft, so it must not be published by mistake.
    fs::write(
        site.join("posts/secret.md"),
        "---\ntitle: Secret two: the sequel\ndate: 2024-07-01\ndraft: true\n---\nNot yet.",
    )
    .unwrap();
    let manifest = fs::read_to_string(site.join("posts.json")).unwrap().replace(
        "\"posts\": [",
        r#""posts": [ {"slug":"secret","title":"Secret","date":"2024-07-01","file":"posts/secret.md"},"#,
    );
    fs::write(site.join("posts.json"), manifest).unwrap();
    let output = folio(&["build", ".", "--out", "out", "--quiet"], &site);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output)
            .contains("posts/secret.md: its front matter mentions a draft flag but cannot be read"),
        "{}",
        stderr(&output)
    );
    assert!(!site.join("out/posts/secret.html").exists());
    assert!(!site.join("out/posts/secret.md").exists());
    // check says so too, at the post's file.
    let output = folio(&["check", "."], &site);
    let said = format!("{}{}", stdout(&output), stderr(&output));
    assert!(
        said.contains("posts/secret.md:2:1: warning: ")
            && said.contains("folio build holds it back"),
        "{said}"
    );
}

#[test]
fn a_post_whose_front_matter_says_draft_is_never_built_even_with_a_stale_manifest() {
    let (_temp, site) = sample("minimal");
    // The author marked the post a draft (Jekyll's way) and did not run folio index.
    fs::write(
        site.join("posts/secret.md"),
        "---\ntitle: Secret\ndate: 2024-07-01\npublished: false\n---\nNot yet.",
    )
    .unwrap();
    // And changed another post's title and date, again without folio index.
    let hello = fs::read_to_string(site.join("posts/hello-world.md"))
        .unwrap()
        .replace("title: Hello World", "title: Hello, World")
        .replace("date: 2024-05-01", "date: 2024-05-02 09:00");
    fs::write(site.join("posts/hello-world.md"), hello).unwrap();
    let manifest = fs::read_to_string(site.join("posts.json")).unwrap().replace(
        "\"posts\": [",
        r#""posts": [ {"slug":"secret","title":"Secret","date":"2024-07-01","file":"posts/secret.md","tags":["Hidden"]},"#,
    );
    fs::write(site.join("posts.json"), manifest).unwrap();

    let output = build_out(&site, "https://example.org/");
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        stderr(&output),
        "warning: posts/secret.md is a draft in its front matter but not in posts.json; it is left out\n\
         warning: posts.json is out of date: run folio index\n"
    );
    let out = site.join("out");
    assert!(!out.join("posts/secret.md").exists());
    assert!(!out.join("posts/secret.html").exists());
    assert!(!out.join("tags/hidden.html").exists());
    for file in [
        "posts.json",
        "index.html",
        "feed.xml",
        "rss.xml",
        "feed.json",
        "sitemap.xml",
        "search-index.json",
        "archive.html",
    ] {
        let text = fs::read_to_string(out.join(file)).unwrap();
        assert!(
            !text.contains("secret") && !text.contains("Secret"),
            "{file} mentions the draft"
        );
    }

    // check names each disagreement at its line in the post, as a warning.
    let output = folio(&["check", "."], &site);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stderr(&output),
        "posts/hello-world.md:2:1: warning: the title is \"Hello, World\" here but \"Hello World\" in posts.json; posts.json is out of date: run folio index\n\
         posts/hello-world.md:3:1: warning: the date is 2024-05-02 09:00 here but 2024-05-01 in posts.json; posts.json is out of date: run folio index\n\
         posts/secret.md:4:1: warning: the front matter makes this post a draft, but posts.json does not (folio build leaves it out); posts.json is out of date: run folio index\n"
    );
}

#[test]
fn check_reports_every_problem_even_with_a_broken_site_block() {
    let temp = tempfile::tempdir().unwrap();
    let site = temp.path();
    fs::create_dir_all(site.join("posts/deep")).unwrap();
    // No site title, and a bad base URL that the missing title used to hide too.
    fs::write(
        site.join("posts.json"),
        r#"{
  "version": 1,
  "site": { "base_url": "not a url" },
  "posts": [
    { "slug": "bad", "title": "Bad", "date": "2024-02-30", "file": "posts/bad.md" },
    { "slug": "gone", "title": "Gone", "date": "2024-01-01", "file": "posts/gone.md" },
    { "slug": "ok", "title": "OK", "date": "2024-01-02", "file": "posts/deep/ok.md" }
  ]
}
"#,
    )
    .unwrap();
    // The invalid post's own links are checked: a dead post link, and on a later line a
    // missing image after a good link to the same file twice.
    fs::write(
        site.join("posts/bad.md"),
        "Intro.\n\nSee [the other](/posts/nope), [again](/posts/nope).\n\n[ok](deep/ok.md) [ok](deep/ok.md) ![é](ü/pic.png)\n",
    )
    .unwrap();
    fs::write(site.join("posts/deep/ok.md"), "- a [x](../missing.md)\n").unwrap();
    fs::write(site.join("posts/stray.md"), "Stray.\n").unwrap();
    let output = folio(&["check", "."], site);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        r#"posts.json:3:11: error: posts.json: site.title is missing; it is required
posts.json:3:25: error: site.base_url: "not a url" is not an absolute URL; use one such as https://example.org/blog/
posts.json:5:46: error: posts[0].date (slug "bad"): "2024-02-30" is not a date; use YYYY-MM-DD or an RFC 3339 date-time
posts.json:6:70: error: posts[1].file (slug "gone"): posts/gone.md does not exist
posts/bad.md:3:17: error: link to /posts/nope, but no post has that slug
posts/bad.md:3:39: error: link to /posts/nope, but no post has that slug
posts/bad.md:5:40: error: image posts/ü/pic.png does not exist
posts/deep/ok.md:1:9: error: link to posts/missing.md, which is not a post in posts.json
posts/stray.md:1:1: error: this post is not in posts.json; run folio index
9 errors, 0 warnings
"#
    );
}

#[test]
fn build_shows_a_progress_bar_on_a_terminal_only() {
    let (_temp, site) = sample("minimal");
    // Bars appear for runs of 200 steps or more.
    for n in 0..250 {
        fs::write(
            site.join(format!("posts/p{n}.md")),
            format!("---\ntitle: Post {n}\ndate: 2024-01-01\n---\nText {n}.\n"),
        )
        .unwrap();
    }
    assert!(folio(&["index", "."], &site).status.success());
    // `script` runs the build on a pseudo-terminal and copies what it shows.
    let on_a_terminal = |ci: Option<&str>, flags: &str| -> String {
        let mut command = Command::new("script");
        command
            .args([
                "-qec",
                &format!(
                    "'{}' build . --out out {flags}",
                    env!("CARGO_BIN_EXE_folio")
                ),
                "/dev/null",
            ])
            .current_dir(&site)
            .env_remove("CI");
        if let Some(ci) = ci {
            command.env("CI", ci);
        }
        let output = command.output().unwrap();
        assert!(output.status.success(), "{}", stdout(&output));
        stdout(&output)
    };
    let shown = on_a_terminal(None, "");
    assert!(
        shown.contains("   build [") && shown.contains("/252"),
        "{shown:?}"
    );
    assert!(!on_a_terminal(None, "--quiet").contains("build ["));
    assert!(!on_a_terminal(Some("true"), "").contains("build ["));
    let piped = folio(&["build", ".", "--out", "out"], &site);
    assert!(!stderr(&piped).contains("build ["), "{}", stderr(&piped));
}

#[test]
fn build_copies_the_local_files_posts_show_or_link_to_and_nothing_outside_the_site() {
    let temp = tempfile::tempdir().unwrap();
    let site = temp.path().join("site");
    copy_dir(&repo().join("tests/sites/minimal"), &site);
    fs::create_dir_all(site.join("images")).unwrap();
    fs::create_dir_all(site.join("files")).unwrap();
    fs::write(
        site.join("images/pic.svg"),
        "<svg xmlns='http://www.w3.org/2000/svg'/>",
    )
    .unwrap();
    fs::write(site.join("files/cv.pdf"), "%PDF-1.4").unwrap();
    fs::write(site.join("files/unlinked.txt"), "not linked").unwrap();
    fs::write(site.join(".env"), "SECRET=1").unwrap();
    fs::write(temp.path().join("outside.txt"), "outside").unwrap();
    std::os::unix::fs::symlink(
        temp.path().join("outside.txt"),
        site.join("files/escape.txt"),
    )
    .unwrap();
    fs::write(
        site.join("posts/secret.md"),
        "---\ntitle: Secret\ndate: 2024-07-01\ndraft: true\n---\n![d](../images/draft-only.svg)",
    )
    .unwrap();
    fs::write(site.join("images/draft-only.svg"), "<svg/>").unwrap();
    let manifest = fs::read_to_string(site.join("posts.json")).unwrap().replace(
        "\"posts\": [",
        r#""posts": [ {"slug":"secret","title":"Secret","date":"2024-07-01","draft":true,"file":"posts/secret.md"},"#,
    );
    fs::write(site.join("posts.json"), manifest).unwrap();
    let post = site.join("posts/hello-world.md");
    let text = fs::read_to_string(&post).unwrap();
    fs::write(
        &post,
        format!(
            "{text}\n![p](../images/pic.svg) [CV](../files/cv.pdf?v=2#page=1) [manifest](../posts.json) \
             [env](../.env) [escape](../files/escape.txt) [out](../../outside.txt) [draft](secret.md)\n"
        ),
    )
    .unwrap();
    // A link out of the folder written percent-encoded, in a post with no literal "..".
    fs::write(site.join("files/deck.pdf"), "%PDF-1.7").unwrap();
    let other = site.join("posts/tables-and-code.md");
    let text = fs::read_to_string(&other).unwrap();
    fs::write(&other, format!("{text}\n[deck](%2E%2E/files/deck.pdf)\n")).unwrap();
    let output = folio(&["build", ".", "--out", "out"], &site);
    assert!(output.status.success(), "{}", stderr(&output));
    let out = site.join("out");
    assert!(out.join("images/pic.svg").is_file());
    assert!(out.join("files/deck.pdf").is_file());
    assert_eq!(
        fs::read_to_string(out.join("files/cv.pdf")).unwrap(),
        "%PDF-1.4"
    );
    for left_behind in [
        "files/unlinked.txt",
        ".env",
        "files/escape.txt",
        "outside.txt",
        "../outside.txt",
        "images/draft-only.svg",
        "posts/secret.md",
    ] {
        assert!(!out.join(left_behind).exists(), "{left_behind} was copied");
    }
    // The published manifest is not replaced by the author's (which lists the draft).
    assert!(fs::read_to_string(site.join("posts.json"))
        .unwrap()
        .contains("secret"));
    assert!(!fs::read_to_string(out.join("posts.json"))
        .unwrap()
        .contains("secret"));
}

#[test]
fn without_a_base_url_build_says_what_it_left_out_and_still_writes_robots_txt() {
    let (_temp, site) = sample("minimal");
    let output = folio(&["build", ".", "--out", "out"], &site);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        stderr(&output),
        "warning: no base URL, so this build has no feeds (feed.xml, rss.xml, feed.json and the tag and category feed.xml), no sitemap.xml (nor its line in robots.txt), and no canonical, og:url, og:image or feed links in the pages' heads: each needs an absolute URL\n  \
         set it in posts.json's site block: \"base_url\": \"https://example.org/blog/\" (folio init --base-url URL writes it)\n  \
         or for one build: folio build --base-url https://example.org/blog/\n"
    );
    let out = site.join("out");
    assert_eq!(
        fs::read_to_string(out.join("robots.txt")).unwrap(),
        "User-agent: *\nAllow: /\n"
    );
    for left_out in [
        "feed.xml",
        "rss.xml",
        "feed.json",
        "sitemap.xml",
        "tags/intro/feed.xml",
    ] {
        assert!(!out.join(left_out).exists(), "{left_out}");
    }
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(!home.contains("rel=\"canonical\"") && !home.contains("og:url"));
}

#[test]
fn init_writes_the_base_url_so_builds_have_feeds_and_a_sitemap() {
    let temp = tempfile::tempdir().unwrap();
    let output = folio(
        &["init", "blog", "--base-url", "https://example.org/blog/"],
        temp.path(),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let site = temp.path().join("blog");
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(site.join("posts.json")).unwrap()).unwrap();
    assert_eq!(manifest["site"]["base_url"], "https://example.org/blog/");
    let output = folio(&["build", "blog", "--out", "out"], temp.path());
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
    let out = temp.path().join("out");
    assert!(out.join("feed.xml").is_file() && out.join("sitemap.xml").is_file());
    assert_eq!(
        fs::read_to_string(out.join("robots.txt")).unwrap(),
        "User-agent: *\nAllow: /\n\nSitemap: https://example.org/blog/sitemap.xml\n"
    );

    let output = folio(&["init", "other", "--base-url", "example.org"], temp.path());
    assert_fails_saying(
        &output,
        "--base-url \"example.org\" must be an absolute http(s) URL",
    );
    assert!(!temp.path().join("other").exists());
}

#[test]
fn init_fills_the_current_folder_when_it_is_empty() {
    let temp = tempfile::tempdir().unwrap();
    let output = folio(&["init", ".", "--title", "Here"], temp.path());
    assert!(output.status.success(), "{}", stderr(&output));
    let mut names: Vec<String> = fs::read_dir(temp.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| {
            !name.ends_with(".js")
                && !name.ends_with(".wasm")
                && !name.ends_with(".css")
                && !name.ends_with(".woff2")
        })
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "404.html",
            "diagram.html",
            "index.html",
            "posts",
            "posts.json",
            "posts.schema.json"
        ]
    );
    // Nothing is left beside it either.
    let parent = temp.path().parent().unwrap();
    let name = temp
        .path()
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(
        fs::read_dir(parent).unwrap().flatten().all(|entry| {
            !entry
                .file_name()
                .to_string_lossy()
                .starts_with(".folio-init-")
                || !entry.path().join("posts.json").exists()
        }),
        "{name}: a staging folder was left behind"
    );
}

/// A site of `n_posts` posts, dated one day apart (`p01` oldest), with `site_extra` added
/// to the site block, built with a base URL; returns the output folder.
fn built_site_of(n_posts: usize, site_extra: &str) -> (tempfile::TempDir, PathBuf) {
    let temp = tempfile::tempdir().unwrap();
    let site = temp.path().join("site");
    fs::create_dir_all(site.join("posts")).unwrap();
    let mut posts = Vec::new();
    for n in 1..=n_posts {
        fs::write(
            site.join(format!("posts/p{n:02}.md")),
            format!("Post **{n}** body.\n\nSecond paragraph of {n}.\n"),
        )
        .unwrap();
        posts.push(format!(
            r#"{{"slug":"p{n:02}","title":"Post {n}","date":"2024-01-{n:02}","summary":"Summary {n}.","file":"posts/p{n:02}.md"}}"#
        ));
    }
    fs::write(
        site.join("posts.json"),
        format!(
            r#"{{"version":1,"site":{{"title":"Many"{site_extra}}},"posts":[{}]}}"#,
            posts.join(",")
        ),
    )
    .unwrap();
    let output = build_out(&site, "https://example.org/");
    assert!(output.status.success(), "{}", stderr(&output));
    (temp, site.join("out"))
}

#[test]
fn feeds_keep_the_newest_20_with_summaries_or_full_html() {
    let newest_20: Vec<String> = (6..=25).rev().map(|n| format!("Post {n}")).collect();
    for (setting, full) in [("", false), (r#","feed_content":"full""#, true)] {
        let (_temp, out) = built_site_of(25, setting);
        for name in ["feed.xml", "rss.xml", "feed.json"] {
            let feed = feed_rs::parser::parse(fs::read(out.join(name)).unwrap().as_slice())
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            let titles: Vec<String> = feed
                .entries
                .iter()
                .map(|entry| entry.title.clone().unwrap().content)
                .collect();
            assert_eq!(titles, newest_20, "{name}");
            let newest = &feed.entries[0];
            // Atom and JSON Feed carry HTML as content; RSS as the description.
            let html = newest
                .content
                .as_ref()
                .and_then(|content| content.body.clone())
                .or_else(|| newest.summary.as_ref().map(|text| text.content.clone()))
                .unwrap_or_default();
            if full {
                assert_eq!(
                    html.trim(),
                    "<p>Post <strong>25</strong> body.</p>\n<p>Second paragraph of 25.</p>",
                    "{name}"
                );
            } else {
                assert!(
                    html == "Summary 25."
                        || newest
                            .summary
                            .as_ref()
                            .is_some_and(|s| s.content == "Summary 25."),
                    "{name}: {newest:?}"
                );
                assert!(!html.contains("Second paragraph"), "{name}: {html}");
            }
        }
    }
}

/// Every prerendered page under `folder`: (site-relative route, HTML). The 404 page and
/// the diagram frame are the app's, not a route's.
fn prerendered_pages(out: &Path, folder: &Path, pages: &mut Vec<(String, String)>) {
    for entry in fs::read_dir(folder).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            prerendered_pages(out, &path, pages);
            continue;
        }
        let relative = path
            .strip_prefix(out)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let Some(route) = relative.strip_suffix(".html") else {
            continue;
        };
        if route == "404" || route == "diagram" {
            continue;
        }
        let route = if route == "index" { "" } else { route };
        pages.push((route.to_string(), fs::read_to_string(&path).unwrap()));
    }
}

/// The `content` (or `href`) of the one tag in `html` that starts with `start`.
fn only_attribute(html: &str, start: &str) -> String {
    assert_eq!(html.matches(start).count(), 1, "{start}");
    attribute_after(html, start)
}

#[test]
fn every_prerendered_page_has_its_title_canonical_description_and_social_meta() {
    let (_temp, out) = built_site();
    let mut pages = Vec::new();
    prerendered_pages(&out, &out, &mut pages);
    pages.sort();
    // Home, 2 posts, archive, tags and categories indexes, 3 tags, 2 categories.
    assert_eq!(
        pages.len(),
        11,
        "{:?}",
        pages.iter().map(|(route, _)| route).collect::<Vec<_>>()
    );
    for (route, html) in &pages {
        let canonical = format!("https://example.org/blog/{route}");
        assert_eq!(html.matches("<title>").count(), 1, "{route}");
        let title = &html[html.find("<title>").unwrap() + 7..html.find("</title>").unwrap()];
        assert!(title.ends_with("Minimal Folio"), "{route}: {title}");
        assert_eq!(
            only_attribute(html, r#"<link rel="canonical" href=""#),
            canonical,
            "{route}"
        );
        assert_eq!(
            only_attribute(html, r#"<meta property="og:url" content=""#),
            canonical,
            "{route}"
        );
        let description = only_attribute(html, r#"<meta name="description" content=""#);
        assert!(!description.is_empty(), "{route}");
        assert_eq!(
            only_attribute(html, r#"<meta property="og:description" content=""#),
            description,
            "{route}"
        );
        let og_title = only_attribute(html, r#"<meta property="og:title" content=""#);
        assert!(
            title.starts_with(&og_title),
            "{route}: {title} / {og_title}"
        );
        assert_eq!(
            only_attribute(html, r#"<meta name="twitter:title" content=""#),
            og_title,
            "{route}"
        );
        assert_eq!(
            only_attribute(html, r#"<meta property="og:site_name" content=""#),
            "Minimal Folio"
        );
        let is_post = route.starts_with("posts/");
        assert_eq!(
            only_attribute(html, r#"<meta property="og:type" content=""#),
            if is_post { "article" } else { "website" },
            "{route}"
        );
        assert_eq!(
            only_attribute(html, r#"<meta name="twitter:card" content=""#),
            "summary",
            "{route}"
        );
        assert_eq!(
            only_attribute(
                html,
                r#"<link rel="alternate" type="application/atom+xml" title="Minimal Folio" href=""#
            ),
            "https://example.org/blog/feed.xml"
        );
    }
    let post = &pages
        .iter()
        .find(|(route, _)| route == "posts/hello-world")
        .unwrap()
        .1;
    assert_eq!(
        only_attribute(post, r#"<meta property="og:title" content=""#),
        "Hello World"
    );
    assert_eq!(
        only_attribute(post, r#"<meta property="og:description" content=""#),
        "The first post, with **bold** text."
    );
}

#[test]
fn a_post_with_a_cover_has_a_large_card_and_an_absolute_og_image() {
    let (_temp, site) = sample("minimal");
    let manifest = fs::read_to_string(site.join("posts.json"))
        .unwrap()
        .replace(
            r#""file": "posts/hello-world.md""#,
            r#""file": "posts/hello-world.md", "cover": "posts/cover.png""#,
        );
    fs::write(site.join("posts.json"), manifest).unwrap();
    fs::write(site.join("posts/cover.png"), b"\x89PNG").unwrap();
    let output = build_out(&site, "https://example.org/");
    assert!(output.status.success(), "{}", stderr(&output));
    let post = fs::read_to_string(site.join("out/posts/hello-world.html")).unwrap();
    assert_eq!(
        only_attribute(&post, r#"<meta property="og:image" content=""#),
        "https://example.org/posts/cover.png"
    );
    assert_eq!(
        only_attribute(&post, r#"<meta name="twitter:card" content=""#),
        "summary_large_image"
    );
    let other = fs::read_to_string(site.join("out/posts/tables-and-code.html")).unwrap();
    assert!(!other.contains("og:image"));
}

#[test]
fn check_with_only_warnings_exits_0() {
    let (_temp, site) = sample("minimal");
    let manifest = fs::read_to_string(site.join("posts.json"))
        .unwrap()
        .replace(
            r#""language": "en""#,
            r#""language": "en", "colour": "red""#,
        );
    fs::write(site.join("posts.json"), manifest).unwrap();
    let output = folio(&["check", "."], &site);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stderr(&output),
        "posts.json:7:33: warning: site.colour: is not a known field and is ignored\n"
    );
    assert_eq!(stdout(&output), ".: no errors, 1 warning\n");
}

#[test]
fn a_hugo_blog_indexes_and_builds_as_it_is() {
    // Laid out as Hugo lays a blog out: content/posts/*.md with TOML front matter, a page
    // bundle (rope-care/index.md beside its image), _index.md section pages, a YAML post.
    let (_temp, site) = sample("hugo");
    let output = folio(&["index", ".", "--content", "content/posts"], &site);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        stderr(&output),
        "content/posts/gear-list.md:6:1: warning: a post has one category; using \"Gear\" of [\"Gear\", \"Lists\"]\n"
    );
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(site.join("posts.json")).unwrap()).unwrap();
    let rows: Vec<String> = manifest["posts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|post| {
            format!(
                "{} {} {} {} {} {} {}",
                post["slug"].as_str().unwrap(),
                post["date"].as_str().unwrap(),
                post["updated"].as_str().unwrap_or("-"),
                post["draft"].as_bool().unwrap_or(false),
                post["category"].as_str().unwrap(),
                post["tags"],
                post["file"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            r#"winter-plans 2024-11-20T20:00:00+01:00 - true Trips ["Planning"] content/posts/winter-plans.md"#,
            r#"hut-to-hut 2024-05-05T06:00:00Z 2024-05-20T12:00:00Z false Trips ["Hiking","Alps"] content/posts/hut-to-hut.md"#,
            r#"rope-care 2024-04-01T07:15:00-04:00 2024-04-02T10:00:00-04:00 false Gear ["Gear","Maintenance"] content/posts/rope-care/index.md"#,
            r#"first-ascent 2024-03-10T09:30:00+01:00 2024-03-12T18:00:00Z false Trips ["Climbing","Alps"] content/posts/first-ascent.md"#,
            r#"gear-list 2024-02-01T08:00:00Z - false Gear ["Gear"] content/posts/gear-list.md"#,
        ]
    );
    // description is the summary; without one, the text before <!--more-->.
    assert_eq!(
        manifest["posts"][2]["summary"],
        "Wash it, dry it in the shade, coil it loosely."
    );
    assert_eq!(
        manifest["posts"][3]["summary"],
        "We left the hut at four. The gear list was shorter than last year."
    );
    let output = folio(&["check", ".", "--content", "content/posts"], &site);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");

    let output = folio(
        &[
            "build",
            ".",
            "--content",
            "content/posts",
            "--out",
            "public",
            "--base-url",
            "https://hugo.example.org/",
        ],
        &site,
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let out = site.join("public");
    for slug in ["hut-to-hut", "rope-care", "first-ascent", "gear-list"] {
        assert!(out.join(format!("posts/{slug}.html")).is_file(), "{slug}");
    }
    assert!(
        !out.join("posts/winter-plans.html").exists(),
        "a draft was built"
    );
    assert!(!out.join("content/posts/winter-plans.md").exists());
    assert!(out.join("content/posts/rope-care/index.md").is_file());
    assert!(out.join("content/posts/rope-care/rope.svg").is_file());
    assert!(!out.join("content/posts/_index.md").exists());
    let rope = fs::read_to_string(out.join("posts/rope-care.html")).unwrap();
    assert!(
        rope.contains(
            r#"width="120" height="80" src="content/posts/rope-care/rope.svg" alt="A coiled rope""#
        ),
        "{rope}"
    );
    let ascent = fs::read_to_string(out.join("posts/first-ascent.html")).unwrap();
    assert!(ascent.contains("<title>First Ascent of the Season · hugo</title>"));
    assert!(
        ascent.contains(r#"<a href="/posts/gear-list">gear list</a>"#),
        "{ascent}"
    );
    let feed = feed_rs::parser::parse(fs::read(out.join("feed.xml")).unwrap().as_slice()).unwrap();
    let titles: Vec<String> = feed
        .entries
        .iter()
        .map(|entry| entry.title.clone().unwrap().content)
        .collect();
    assert_eq!(
        titles,
        [
            "Hut to Hut in Five Days",
            "Looking After a Rope",
            "First Ascent of the Season",
            "A Gear List for Spring"
        ]
    );
    assert!(out.join("tags/alps.html").is_file() && out.join("categories/trips.html").is_file());
    assert!(!out.join("tags/planning.html").exists(), "a draft's tag");
}
