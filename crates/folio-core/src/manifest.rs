//! The manifest `posts.json`: parsing, validation and the validated types.
//!
//! Parsing never stops at the first problem. The top level must be usable (valid JSON,
//! `version` 1, a `site.title`), otherwise [`parse`] returns a [`ManifestError`]; after that,
//! every post is checked on its own, so one bad post is skipped and reported while the
//! good ones still load.

use std::sync::Arc;

use serde_json::{Map, Value};

use crate::date::PostDate;
use crate::images::ImageSize;
use crate::integrations::{Analytics, Comments};
use crate::problem::{Problem, ProblemKind, Quoted, Severity};
use crate::sanitize::RawHtml;
use crate::slug::{slugify, Slug};

/// The slugs taken so far, each with the problem path that names its post (a JSON
/// string): the map that finds duplicate slugs. The JSON reader's own map type, so the
/// app carries one map's code for both: a `HashMap` of its own was 1.2 KB of the app's
/// gzipped download with FNV hashing (1.9 KB with std's SipHash), a `BTreeMap<String,
/// String>` 2.2 KB.
type SlugMap = Map<String, Value>;

/// The manifest version this reader understands.
pub const VERSION: u64 = 1;

/// Whether drafts are listed and routed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drafts {
    /// Release builds: drafts do not exist for readers.
    Hide,
    /// Previews: drafts are shown and marked.
    Show,
}

/// How to parse a manifest. No `Default`: the app and the CLI choose explicitly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseOptions {
    /// Whether drafts are kept.
    pub drafts: Drafts,
}

/// Newest first, for a stable sort (equal dates keep file order, as the contract promises).
fn newest_first(a: &Arc<Post>, b: &Arc<Post>) -> std::cmp::Ordering {
    b.date.cmp(&a.date)
}

/// (file, index) of `posts`, sorted by file.
fn files_of(posts: &[Arc<Post>]) -> Vec<(String, usize)> {
    let mut by_file: Vec<(String, usize)> = posts
        .iter()
        .enumerate()
        .map(|(index, post)| (post.file.clone(), index))
        .collect();
    crate::order::sort_stable_by(&mut by_file, Ord::cmp);
    by_file
}

/// Why a manifest could not be used at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ManifestError {
    /// The text is not JSON.
    #[error("posts.json is not valid JSON: line {line}, column {column}: {message}")]
    Json {
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// What is wrong, in serde_json's words (`crate::json`).
        message: String,
    },
    /// The top level is not an object.
    #[error("posts.json must hold a JSON object ({{ \"version\": 1, ... }}), not {found}")]
    NotAnObject {
        /// The JSON type found.
        found: &'static str,
    },
    /// `version` is absent.
    #[error("posts.json: version is missing; this reader needs \"version\": 1")]
    MissingVersion,
    /// `version` is not 1.
    #[error("posts.json: version is {found}, but this reader understands version 1 only")]
    UnsupportedVersion {
        /// The value found, as JSON text.
        found: String,
    },
    /// A field the whole site needs is missing or unusable.
    #[error("posts.json: {path} {kind}")]
    Site {
        /// JSON path, such as `site.title`.
        path: String,
        /// What is wrong.
        kind: ProblemKind,
    },
}

/// The `site` block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    /// The blog's name, in the header and every document title.
    pub title: String,
    /// A tagline under the title.
    pub description: Option<String>,
    /// Absolute URL of the deployed site, for feeds and canonical links.
    pub base_url: Option<String>,
    /// The default author of posts.
    pub author: Option<String>,
    /// BCP 47 language tag, such as `en`.
    pub language: Option<String>,
    /// What feeds carry (`feed_content`: `"summary"`, the default, or `"full"`). A Folio
    /// extension of the contract.
    pub feed_content: FeedContent,
    /// What raw HTML in posts may do (`raw_html`: `"allowlist"`, the default, or
    /// `"trusted"`). A Folio extension of the contract.
    pub raw_html: RawHtml,
    /// Posts per listing page (`page_size`, 1 to [`MAX_PAGE_SIZE`], default
    /// [`DEFAULT_PAGE_SIZE`]). A Folio extension of the contract.
    pub page_size: usize,
    /// Whether posts dated in the future wait for their date (`scheduled`, default
    /// false). A Folio extension of the contract.
    pub scheduled: bool,
    /// The full-text search index, a site-relative path (`search_index`), which `folio
    /// build` writes and names here. A Folio extension of the contract.
    pub search_index: Option<String>,
    /// Where a post's source can be edited: this URL followed by the post's `file`, such
    /// as `https://github.com/me/blog/edit/main/` (`edit_url`). A Folio extension.
    pub edit_url: Option<String>,
    /// Comments under each post (`comments`: giscus or utterances). A Folio extension.
    pub comments: Option<Comments>,
    /// Page-view counting (`analytics`: Plausible or GoatCounter). A Folio extension.
    pub analytics: Option<Analytics>,
}

impl Site {
    /// The language of the site's words: `language` when Folio has words for it, else
    /// English.
    pub fn lang(&self) -> crate::i18n::Lang {
        crate::i18n::Lang::from_tag(self.language.as_deref())
    }

    /// The writing direction of `language`.
    pub fn direction(&self) -> crate::i18n::Direction {
        crate::i18n::Direction::of_tag(self.language.as_deref().unwrap_or_default())
    }
}

/// Posts per listing page when the site does not say.
pub const DEFAULT_PAGE_SIZE: usize = 10;

/// The largest `site.page_size` Folio accepts.
pub const MAX_PAGE_SIZE: usize = 100;

/// What each feed entry carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedContent {
    /// The summary only.
    Summary,
    /// The whole rendered post.
    Full,
}

/// A tag or a category: the name as written, and its URL form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The name as the manifest spells it.
    pub name: String,
    /// The URL form, from [`slugify`].
    pub slug: String,
}

impl Term {
    /// A term from its name.
    pub fn new(name: &str) -> Term {
        Term {
            name: name.to_string(),
            slug: slugify(name),
        }
    }
}

/// One validated post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Post {
    /// Its position in the manifest's `posts` list, for messages (`posts[3]`).
    pub index: usize,
    /// Its URL form.
    pub slug: Slug,
    /// Its title.
    pub title: String,
    /// Publication date.
    pub date: PostDate,
    /// Last update, when given.
    pub updated: Option<PostDate>,
    /// A sentence or two for listings.
    pub summary: Option<String>,
    /// At most one category.
    pub category: Option<Term>,
    /// Tags, without duplicates (names that fold to one slug count once).
    pub tags: Vec<Term>,
    /// Author, when it differs from the site's.
    pub author: Option<String>,
    /// Whether the post is a draft (only ever true with [`Drafts::Show`]).
    pub is_draft: bool,
    /// Reading time from the manifest; the post page computes it when absent.
    pub reading_minutes: Option<u32>,
    /// Cover image, a site-relative path or an http(s) URL.
    pub cover: Option<String>,
    /// The Markdown file, relative to the site root.
    pub file: String,
    /// Sizes of the post's images (`images`: `{"posts/images/a.png": [640, 360]}`), which
    /// `folio build` measures and publishes. A Folio extension.
    pub images: Vec<ImageSize>,
}

/// A loaded manifest: the site, its posts newest first, and every problem found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Manifest {
    /// The `site` block.
    pub site: Site,
    /// Posts without errors, newest first; equal dates keep file order.
    pub posts: Vec<Arc<Post>>,
    /// Everything wrong with the manifest, in file order.
    pub problems: Vec<Problem>,
    /// (file, index into `posts`) sorted by file, for resolving links between posts. A
    /// sorted list rather than a map: it costs the reader's wasm far less.
    by_file: Vec<(String, usize)>,
    /// Files holding more posts (`chunks`, a Folio extension for large sites) that are not
    /// in `posts` yet: [`Manifest::add_chunk`] takes each in.
    pub chunks: Vec<String>,
}

impl Manifest {
    /// The post with this slug.
    pub fn post(&self, slug: &str) -> Option<&Arc<Post>> {
        self.posts.iter().find(|post| post.slug.as_str() == slug)
    }

    /// The post whose Markdown is at `file` (a normalised site-relative path).
    pub fn post_by_file(&self, file: &str) -> Option<&Arc<Post>> {
        let found = self
            .by_file
            .binary_search_by(|(known, _)| known.as_str().cmp(file))
            .ok()?;
        self.by_file
            .get(found)
            .and_then(|(_, index)| self.posts.get(*index))
    }

    /// With `site.scheduled`, leaves out the posts dated after `now` (seconds since the
    /// Unix epoch): they appear on their date, without a rebuild. Returns how many wait.
    pub fn hide_scheduled(&mut self, now: i64) -> usize {
        if !self.site.scheduled {
            return 0;
        }
        let before = self.posts.len();
        self.posts.retain(|post| post.date.unix_seconds() <= now);
        self.by_file = files_of(&self.posts);
        before - self.posts.len()
    }

    /// Whether every post is in (no chunk is still to be added).
    pub fn is_complete(&self) -> bool {
        self.chunks.is_empty()
    }

    /// Takes in the posts of chunk `file` (one of [`Manifest::chunks`]), whose text is
    /// `{"version": 1, "posts": [...]}`: they join the list in date order, and their
    /// problems are reported with the file name in front of the path
    /// (`posts-2.json: posts[3].date`). A chunk that is not JSON or not version 1 is an
    /// error; the posts already in stay.
    pub fn add_chunk(
        &mut self,
        file: &str,
        text: &str,
        options: &ParseOptions,
    ) -> Result<(), ManifestError> {
        let mut reader = self.chunk_reader(file, text, options)?;
        while !reader.read(usize::MAX) {}
        self.add_read_chunk(reader);
        Ok(())
    }

    /// [`Manifest::add_chunk`] a slice of posts at a time: the JSON parsed and checked,
    /// its posts to be read with [`ChunkReader::read`] and taken in by
    /// [`Manifest::add_read_chunk`]. (A chunk holds up to 10,000 posts.)
    pub fn chunk_reader(
        &mut self,
        file: &str,
        text: &str,
        options: &ParseOptions,
    ) -> Result<ChunkReader, ManifestError> {
        self.chunks.retain(|pending| pending != file);
        let mut root = parse_json(text, &format!("{file}: "))?;
        match root.get("version") {
            Some(Value::Number(n)) if n.as_u64() == Some(VERSION) => {}
            other => {
                return Err(ManifestError::UnsupportedVersion {
                    found: format!(
                        "{} in {file}",
                        other.map_or_else(|| "none".to_string(), json_text)
                    ),
                })
            }
        }
        // A chunk may repeat the slug of a post of posts.json or of an earlier chunk: the
        // problem names that post by its Markdown file, the same from either.
        // Inserted one by one: collecting into the map would sort first (a copy of the
        // standard library's sort in the app).
        let mut slugs = SlugMap::new();
        for post in &self.posts {
            let first = Value::String(format!("the post in {}", post.file));
            slugs.insert(post.slug.as_str().to_string(), first);
        }
        Ok(ChunkReader(PostsReader::new(
            root.get_mut("posts").map(Value::take),
            format!("{file}: "),
            options,
            slugs,
            Vec::new(),
        )))
    }

    /// Takes in the posts a [`ChunkReader`] has read, in date order, and their problems.
    pub fn add_read_chunk(&mut self, reader: ChunkReader) {
        let ChunkReader(mut posts) = reader;
        self.problems.append(&mut posts.problems);
        self.posts.append(&mut posts.posts);
        crate::order::sort_stable_by(&mut self.posts, newest_first);
        self.by_file = files_of(&self.posts);
    }

    /// Gives up on chunk `file` (it could not be loaded, for `reason`): its posts stay
    /// missing, and an error says so where skipped posts are reported.
    pub fn chunk_failed(&mut self, file: &str, reason: &str) {
        self.chunks.retain(|pending| pending != file);
        self.problems.push(error(
            file.to_string(),
            None,
            ProblemKind::ChunkUnavailable(reason.to_string()),
        ));
    }

    /// How many posts were skipped because of errors.
    pub fn n_skipped(&self) -> usize {
        let mut skipped: Vec<&str> = self
            .problems
            .iter()
            .filter(|problem| problem.severity == Severity::Error)
            .filter_map(|problem| post_prefix(&problem.path))
            .collect();
        skipped.dedup();
        skipped.len()
    }
}

/// `posts[3]` from `posts[3].date`; `None` for site-level paths.
/// `posts-2.json: posts[3]` from a chunk's `posts-2.json: posts[3].date`, and a failed
/// chunk's own path (`posts-2.json`) as it is.
fn post_prefix(path: &str) -> Option<&str> {
    let (chunk, in_file) = match path.split_once(": ") {
        Some((chunk, rest)) => (chunk.len() + 2, rest),
        None if path.ends_with(".json") => return Some(path),
        None => (0, path),
    };
    let rest = in_file.strip_prefix("posts[")?;
    let end = rest.find(']')?;
    path.get(..chunk + 7 + end)
}

/// Parses and validates a manifest. `Err` only when nothing can be shown.
pub fn parse(text: &str, options: &ParseOptions) -> Result<Manifest, ManifestError> {
    let mut reader = ManifestReader::new(text, options)?;
    while !reader.read(usize::MAX) {}
    Ok(reader.finish())
}

/// A manifest read a slice of posts at a time; [`parse`] reads it at once. The app yields
/// to the browser between slices, so a large manifest never blocks the page for long
/// (reading the posts is most of the work: their fields, dates, slugs and terms).
#[derive(Debug)]
pub struct ManifestReader {
    site: Site,
    chunks: Vec<String>,
    posts: PostsReader,
}

impl ManifestReader {
    /// Parses the JSON and the site settings. `Err` only when nothing can be shown.
    pub fn new(text: &str, options: &ParseOptions) -> Result<ManifestReader, ManifestError> {
        let root = parse_json(text, "")?;
        let Value::Object(mut root) = root else {
            return Err(ManifestError::NotAnObject {
                found: type_name(&root),
            });
        };
        match root.get("version") {
            None => return Err(ManifestError::MissingVersion),
            Some(Value::Number(n)) if n.as_u64() == Some(VERSION) => {}
            Some(other) => {
                return Err(ManifestError::UnsupportedVersion {
                    found: json_text(other),
                })
            }
        }

        let mut problems = Vec::new();
        for key in root.keys() {
            if !matches!(
                key.as_str(),
                "version" | "site" | "posts" | "chunks" | "$schema"
            ) {
                problems.push(warning(key.clone(), None, ProblemKind::UnknownField));
            }
        }
        let site = parse_site(root.get("site"), &mut problems)?;
        let chunks = chunk_files(root.get("chunks"), &mut problems);
        let posts = PostsReader::new(
            root.get_mut("posts").map(Value::take),
            String::new(),
            options,
            SlugMap::default(),
            problems,
        );
        Ok(ManifestReader {
            site,
            chunks,
            posts,
        })
    }

    /// Reads up to `n` more posts. `true` when every post has been read.
    pub fn read(&mut self, n: usize) -> bool {
        self.posts.read(n)
    }

    /// The manifest, with the posts read so far, newest first.
    pub fn finish(self) -> Manifest {
        let PostsReader {
            mut posts,
            problems,
            ..
        } = self.posts;
        // Stable sort: equal dates keep file order, as the contract promises.
        crate::order::sort_stable_by(&mut posts, newest_first);
        let by_file = files_of(&posts);
        Manifest {
            site: self.site,
            posts,
            problems,
            by_file,
            chunks: self.chunks,
        }
    }
}

/// The posts of a chunk (see [`Manifest::chunk_reader`]), read a slice at a time.
#[derive(Debug)]
pub struct ChunkReader(PostsReader);

impl ChunkReader {
    /// Reads up to `n` more posts. `true` when every post has been read.
    pub fn read(&mut self, n: usize) -> bool {
        self.0.read(n)
    }
}

/// A `posts` list being read: the posts so far, and a problem for everything wrong with
/// them (a post with an error is left out).
#[derive(Debug)]
struct PostsReader {
    /// The list as JSON, and where reading is in it.
    raw_posts: Vec<Value>,
    next: usize,
    /// Goes before each problem's path (a chunk's file name).
    prefix: String,
    options: ParseOptions,
    /// Each slug seen so far, with the path of its post, so a duplicate is caught across
    /// files.
    slugs: SlugMap,
    posts: Vec<Arc<Post>>,
    problems: Vec<Problem>,
}

impl PostsReader {
    /// Reads the `posts` list `value`, after the `slugs` already taken and the `problems`
    /// already found.
    fn new(
        value: Option<Value>,
        prefix: String,
        options: &ParseOptions,
        slugs: SlugMap,
        mut problems: Vec<Problem>,
    ) -> PostsReader {
        let raw_posts = posts_list(value, &prefix, &mut problems);
        PostsReader {
            posts: Vec::with_capacity(raw_posts.len()),
            raw_posts,
            next: 0,
            prefix,
            options: options.clone(),
            slugs,
            problems,
        }
    }

    fn read(&mut self, n: usize) -> bool {
        let end = self.next.saturating_add(n).min(self.raw_posts.len());
        for index in self.next..end {
            // Taken out of the list: each post's JSON is freed as it is read, not all at
            // the end in one task.
            let raw = self.raw_posts[index].take();
            let post = read_post(
                index,
                &raw,
                &self.prefix,
                &self.options,
                &mut self.slugs,
                &mut self.problems,
            );
            self.posts.extend(post);
        }
        self.next = end;
        self.next == self.raw_posts.len()
    }
}

/// The JSON of a manifest or a chunk; `prefix` (a chunk's `file: `) goes before the error.
fn parse_json(text: &str, prefix: &str) -> Result<Value, ManifestError> {
    // A byte order mark is invisible in editors; JSON does not allow it.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    crate::json::parse(text).map_err(|error| ManifestError::Json {
        line: error.line,
        column: error.column,
        message: format!("{prefix}{}", error.message),
    })
}

/// The entries of a `posts` list; a problem when it is something else.
fn posts_list(value: Option<Value>, prefix: &str, problems: &mut Vec<Problem>) -> Vec<Value> {
    match value {
        None => Vec::new(),
        Some(Value::Array(posts)) => posts,
        Some(other) => {
            problems.push(error(
                format!("{prefix}posts"),
                None,
                ProblemKind::WrongType {
                    expected: "a list",
                    found: type_name(&other),
                },
            ));
            Vec::new()
        }
    }
}

/// Post `index` of a `posts` list, or `None` when it has an error (reported in `problems`)
/// or is a draft that is not shown.
fn read_post(
    index: usize,
    raw: &Value,
    prefix: &str,
    options: &ParseOptions,
    slugs: &mut SlugMap,
    problems: &mut Vec<Problem>,
) -> Option<Arc<Post>> {
    let path = format!("{prefix}posts[{index}]");
    let Value::Object(fields) = raw else {
        problems.push(error(
            path,
            None,
            ProblemKind::WrongType {
                expected: "an object",
                found: type_name(raw),
            },
        ));
        return None;
    };
    let mut reader = FieldReader {
        fields,
        path: &path,
        slug: None,
        problems: Vec::new(),
    };
    let post = reader.post(index);
    if let Some(slug) = &reader.slug {
        if let Some(first) = slugs.get(slug) {
            let first = first.as_str().unwrap_or_default().to_string();
            reader.push(
                Severity::Error,
                "slug",
                ProblemKind::DuplicateSlug { first },
            );
        } else {
            slugs.insert(slug.clone(), Value::String(path.clone()));
        }
    }
    let has_error = reader
        .problems
        .iter()
        .any(|p| p.severity == Severity::Error);
    problems.append(&mut reader.problems);
    match post {
        Some(post) if !has_error && (options.drafts == Drafts::Show || !post.is_draft) => {
            Some(Arc::new(post))
        }
        _ => None,
    }
}

/// `chunks`: the files that hold the site's older posts (a Folio extension for large
/// sites: see [`Manifest::add_chunk`]). Paths outside the site are problems and left out.
fn chunk_files(value: Option<&Value>, problems: &mut Vec<Problem>) -> Vec<String> {
    let Some(value) = value.filter(|value| !value.is_null()) else {
        return Vec::new();
    };
    let Some(list) = value.as_array() else {
        problems.push(error(
            "chunks".into(),
            None,
            ProblemKind::WrongType {
                expected: "a list of paths",
                found: type_name(value),
            },
        ));
        return Vec::new();
    };
    let mut files = Vec::with_capacity(list.len());
    for (index, entry) in list.iter().enumerate() {
        match entry.as_str().and_then(normalise_site_path) {
            Some(file) => files.push(file),
            None => problems.push(error(
                format!("chunks[{index}]"),
                None,
                ProblemKind::BadPath(json_text(entry)),
            )),
        }
    }
    files
}

fn parse_site(value: Option<&Value>, problems: &mut Vec<Problem>) -> Result<Site, ManifestError> {
    let fields = match value {
        Some(Value::Object(fields)) => fields,
        None => {
            return Err(ManifestError::Site {
                path: "site".into(),
                kind: ProblemKind::Missing,
            })
        }
        Some(other) => {
            return Err(ManifestError::Site {
                path: "site".into(),
                kind: ProblemKind::WrongType {
                    expected: "an object",
                    found: type_name(other),
                },
            })
        }
    };
    let mut reader = FieldReader {
        fields,
        path: "site",
        slug: None,
        problems: Vec::new(),
    };
    let title = reader.required_text("title");
    let mut services = crate::integrations::Reader::new(&mut reader.problems);
    let comments = services.comments(fields);
    let analytics = services.analytics(fields);
    let site = Site {
        title: title.unwrap_or_default(),
        description: reader.optional_text("description"),
        base_url: reader.absolute_url("base_url", Severity::Error),
        author: reader.optional_text("author"),
        language: reader.language(),
        feed_content: reader.choice(
            "feed_content",
            FeedContent::Summary,
            &[
                ("summary", FeedContent::Summary),
                ("full", FeedContent::Full),
            ],
        ),
        raw_html: reader.choice(
            "raw_html",
            RawHtml::Allowlist,
            &[
                ("allowlist", RawHtml::Allowlist),
                ("trusted", RawHtml::Trusted),
            ],
        ),
        page_size: reader.page_size(),
        scheduled: reader.flag("scheduled"),
        edit_url: reader.absolute_url("edit_url", Severity::Warning),
        search_index: reader
            .optional_text("search_index")
            .and_then(|path| reader.path_field("search_index", path)),
        comments,
        analytics,
    };
    reader.unknown_fields(SITE_FIELDS);
    // The title is in every view and document title: without it there is no site to show.
    if let Some(title_problem) = reader.problems.iter().find(|p| p.path == "site.title") {
        return Err(ManifestError::Site {
            path: title_problem.path.clone(),
            kind: title_problem.kind.clone(),
        });
    }
    problems.append(&mut reader.problems);
    Ok(site)
}

/// The fields of the `site` block that Folio knows (and the schema lists).
pub const SITE_FIELDS: &[&str] = &[
    "title",
    "description",
    "base_url",
    "author",
    "language",
    "feed_content",
    "raw_html",
    "page_size",
    "scheduled",
    "edit_url",
    "search_index",
    "comments",
    "analytics",
];

/// Reads the fields of one JSON object, recording a problem for each bad one.
struct FieldReader<'a> {
    fields: &'a Map<String, Value>,
    path: &'a str,
    slug: Option<String>,
    problems: Vec<Problem>,
}

/// The fields of a post that the contract defines (and the schema lists).
pub const POST_FIELDS: &[&str] = &[
    "slug",
    "title",
    "date",
    "updated",
    "summary",
    "category",
    "tags",
    "author",
    "draft",
    "reading_minutes",
    "cover",
    "file",
    "images",
];

impl FieldReader<'_> {
    fn post(&mut self, index: usize) -> Option<Post> {
        // The slug first, so every later problem can name it.
        let slug_text = self.required_text("slug");
        self.slug = slug_text.clone();
        let slug = slug_text.and_then(|text| {
            let slug = Slug::parse(&text);
            if slug.is_none() {
                self.push(Severity::Error, "slug", ProblemKind::BadSlug(text));
            }
            slug
        });
        let title = self.required_text("title");
        let date = self.date("date", Requirement::Required);
        let updated = self.date("updated", Requirement::Optional);
        let summary = self.optional_text("summary");
        let category = self.optional_text("category").map(|name| Term::new(&name));
        let tags = self.tags();
        let author = self.optional_text("author");
        let is_draft = self.draft();
        let reading_minutes = self.reading_minutes();
        let cover = self
            .optional_text("cover")
            .and_then(|cover| self.path_field("cover", cover));
        let file = self
            .required_text("file")
            .and_then(|file| self.path_field("file", file));
        let images = self.images();
        self.unknown_fields(POST_FIELDS);
        Some(Post {
            index,
            slug: slug?,
            title: title?,
            date: date?,
            updated,
            summary,
            category,
            tags,
            author,
            is_draft,
            reading_minutes,
            cover,
            file: file?,
            images,
        })
    }

    fn push(&mut self, severity: Severity, field: &str, kind: ProblemKind) {
        self.problems.push(Problem {
            path: format!("{}.{field}", self.path),
            slug: self.slug.clone(),
            severity,
            kind,
        });
    }

    fn string(&mut self, field: &str, requirement: Requirement) -> Option<String> {
        match self.fields.get(field) {
            None | Some(Value::Null) => {
                if requirement == Requirement::Required {
                    self.push(Severity::Error, field, ProblemKind::Missing);
                }
                None
            }
            Some(Value::String(text)) => Some(text.clone()),
            Some(other) => {
                let found = type_name(other);
                self.push(
                    Severity::Error,
                    field,
                    ProblemKind::WrongType {
                        expected: "a string",
                        found,
                    },
                );
                None
            }
        }
    }

    /// A required string with visible text.
    fn required_text(&mut self, field: &str) -> Option<String> {
        let text = self.string(field, Requirement::Required)?;
        if text.trim().is_empty() {
            self.push(Severity::Error, field, ProblemKind::Empty);
            return None;
        }
        Some(text.trim().to_string())
    }

    /// An optional string; an empty one counts as absent.
    fn optional_text(&mut self, field: &str) -> Option<String> {
        let text = self.string(field, Requirement::Optional)?;
        let text = text.trim();
        (!text.is_empty()).then(|| text.to_string())
    }

    /// One of a few words (`choices`, the default first); an unknown word is a warning
    /// and gives the default.
    fn choice<T: Copy>(&mut self, field: &str, default: T, choices: &[(&'static str, T)]) -> T {
        let value = self.optional_text(field);
        let found = value
            .as_deref()
            .and_then(|value| choices.iter().find(|(name, _)| *name == value));
        match (value, found) {
            (_, Some((_, choice))) => *choice,
            (None, None) => default,
            (Some(value), None) => {
                let names: Vec<String> = choices
                    .iter()
                    .map(|(name, _)| Quoted(name).to_string())
                    .collect();
                let choices = names.join(" or ");
                self.push(
                    Severity::Warning,
                    field,
                    ProblemKind::BadChoice { value, choices },
                );
                default
            }
        }
    }

    fn date(&mut self, field: &str, requirement: Requirement) -> Option<PostDate> {
        let text = self.string(field, requirement)?;
        let date = PostDate::parse(text.trim());
        if date.is_none() {
            self.push(Severity::Error, field, ProblemKind::BadDate(text));
        }
        date
    }

    fn tags(&mut self) -> Vec<Term> {
        let items = match self.fields.get("tags") {
            None | Some(Value::Null) => return Vec::new(),
            Some(Value::Array(items)) => items,
            Some(other) => {
                let found = type_name(other);
                self.push(
                    Severity::Error,
                    "tags",
                    ProblemKind::WrongType {
                        expected: "a list of strings",
                        found,
                    },
                );
                return Vec::new();
            }
        };
        let mut tags: Vec<Term> = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            let field = format!("tags[{index}]");
            match item {
                Value::String(name) if name.trim().is_empty() => {
                    self.push(Severity::Error, &field, ProblemKind::Empty);
                }
                Value::String(name) => {
                    let term = Term::new(name.trim());
                    if !tags.iter().any(|tag| tag.slug == term.slug) {
                        tags.push(term);
                    }
                }
                other => {
                    let found = type_name(other);
                    self.push(
                        Severity::Error,
                        &field,
                        ProblemKind::WrongType {
                            expected: "a string",
                            found,
                        },
                    );
                }
            }
        }
        tags
    }

    fn draft(&mut self) -> bool {
        match self.fields.get("draft") {
            None | Some(Value::Null) => false,
            Some(Value::Bool(is_draft)) => *is_draft,
            Some(other) => {
                let found = type_name(other);
                self.push(
                    Severity::Error,
                    "draft",
                    ProblemKind::WrongType {
                        expected: "true or false",
                        found,
                    },
                );
                // A post whose draft flag is unreadable must not leak out as published.
                true
            }
        }
    }

    /// An optional http(s) URL; anything else is a problem of `severity` and no URL.
    fn absolute_url(&mut self, field: &str, severity: Severity) -> Option<String> {
        let url = self.optional_text(field)?;
        // Only the form is checked here: the app writes the URL as escaped text. `folio
        // build`, which writes it into the shell's attributes as it is, checks it whole
        // (`route::is_absolute_url`).
        let is_absolute = url.starts_with("https://") || url.starts_with("http://");
        if !is_absolute {
            self.push(severity, field, ProblemKind::NotAbsolute(url.clone()));
        }
        is_absolute.then_some(url)
    }

    /// A true/false setting; anything else is a warning and false.
    fn flag(&mut self, field: &str) -> bool {
        match self.fields.get(field) {
            None | Some(Value::Null) => false,
            Some(Value::Bool(flag)) => *flag,
            Some(other) => {
                let found = type_name(other);
                self.push(
                    Severity::Warning,
                    field,
                    ProblemKind::WrongType {
                        expected: "true or false",
                        found,
                    },
                );
                false
            }
        }
    }

    /// `language`: any tag is kept (it goes into `<html lang>`), but one Folio has no words
    /// for is a warning.
    fn language(&mut self) -> Option<String> {
        let tag = self.optional_text("language")?;
        if crate::i18n::Lang::parse(&tag).is_none() {
            self.push(
                Severity::Warning,
                "language",
                ProblemKind::UnknownLanguage { tag: tag.clone() },
            );
        }
        Some(tag)
    }

    /// `images`: path → [width, height]; a bad entry is a warning and is left out.
    fn images(&mut self) -> Vec<ImageSize> {
        let Some(value) = self.fields.get("images").filter(|value| !value.is_null()) else {
            return Vec::new();
        };
        let Some(entries) = value.as_object() else {
            let found = type_name(value);
            self.push(
                Severity::Warning,
                "images",
                ProblemKind::WrongType {
                    expected: "an object of path: [width, height]",
                    found,
                },
            );
            return Vec::new();
        };
        let mut sizes = Vec::with_capacity(entries.len());
        for (path, size) in entries {
            let pair = size.as_array().and_then(|pair| match pair.as_slice() {
                [width, height] => Some((width.as_u64()?, height.as_u64()?)),
                _ => None,
            });
            let dimensions = pair.and_then(|(width, height)| {
                Some((u32::try_from(width).ok()?, u32::try_from(height).ok()?))
            });
            match (normalise_site_path(path), dimensions) {
                (Some(path), Some((width, height))) if width > 0 && height > 0 => {
                    sizes.push(ImageSize {
                        path,
                        width,
                        height,
                    });
                }
                _ => {
                    let field = format!("images.{path}");
                    self.push(
                        Severity::Warning,
                        &field,
                        ProblemKind::BadSetting {
                            value: json_text(size),
                            expected: "[width, height] in pixels, for a path inside the site",
                        },
                    );
                }
            }
        }
        sizes
    }

    /// `page_size`: a bad value is a warning and the default, never a broken site.
    fn page_size(&mut self) -> usize {
        let Some(value) = self
            .fields
            .get("page_size")
            .filter(|value| !value.is_null())
        else {
            return DEFAULT_PAGE_SIZE;
        };
        let size = value
            .as_u64()
            .and_then(|n| usize::try_from(n).ok())
            .filter(|n| (1..=MAX_PAGE_SIZE).contains(n));
        size.unwrap_or_else(|| {
            self.push(Severity::Warning, "page_size", ProblemKind::BadPageSize);
            DEFAULT_PAGE_SIZE
        })
    }

    fn reading_minutes(&mut self) -> Option<u32> {
        let value = self.fields.get("reading_minutes")?;
        if value.is_null() {
            return None;
        }
        let minutes = value
            .as_u64()
            .filter(|n| *n >= 1)
            .and_then(|n| u32::try_from(n).ok());
        if minutes.is_none() {
            self.push(Severity::Error, "reading_minutes", ProblemKind::BadMinutes);
        }
        minutes
    }

    /// A site-relative path (`file`, `cover`), normalised; http(s) URLs pass for `cover`.
    fn path_field(&mut self, field: &str, value: String) -> Option<String> {
        let is_remote =
            field == "cover" && (value.starts_with("https://") || value.starts_with("http://"));
        if is_remote {
            return Some(value);
        }
        let normalised = normalise_site_path(&value);
        if normalised.is_none() {
            self.push(Severity::Error, field, ProblemKind::BadPath(value));
        }
        normalised
    }

    fn unknown_fields(&mut self, known: &[&str]) {
        for key in self.fields.keys() {
            if !known.contains(&key.as_str()) {
                self.push(Severity::Warning, key, ProblemKind::UnknownField);
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Requirement {
    Required,
    Optional,
}

/// `posts/./a.md` → `posts/a.md`. `None` for absolute paths, URLs, backslashes, or paths
/// that climb out of the site root.
pub fn normalise_site_path(path: &str) -> Option<String> {
    let path = path.trim();
    if path.is_empty() || path.starts_with('/') || path.contains('\\') || path.contains(':') {
        return None;
    }
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

fn error(path: String, slug: Option<String>, kind: ProblemKind) -> Problem {
    Problem {
        path,
        slug,
        severity: Severity::Error,
        kind,
    }
}

fn warning(path: String, slug: Option<String>, kind: ProblemKind) -> Problem {
    Problem {
        path,
        slug,
        severity: Severity::Warning,
        kind,
    }
}

pub(crate) fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// `value` as compact JSON text, for error messages ("version is \"1\"", "images.x is
/// [640]"). Not `Value`'s `Display`, which is serde_json's whole serializer (4 KB of the
/// app's wasm); strings are quoted by [`Quoted`], the same as JSON for anything a
/// person types.
pub(crate) fn json_text(value: &Value) -> String {
    let mut out = String::new();
    write_json(&mut out, value);
    out
}

fn write_json(out: &mut String, value: &Value) {
    use std::fmt::Write;
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => {
            let _ = write!(out, "{n}");
        }
        Value::String(text) => {
            let _ = write!(out, "{}", Quoted(text));
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(out, item);
            }
            out.push(']');
        }
        Value::Object(fields) => {
            out.push('{');
            for (i, (key, item)) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                let _ = write!(out, "{}:", Quoted(key));
                write_json(out, item);
            }
            out.push('}');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> ParseOptions {
        ParseOptions {
            drafts: Drafts::Hide,
        }
    }

    /// Wraps post objects in a valid manifest.
    fn with_posts(posts: &str) -> String {
        format!(r#"{{"version":1,"site":{{"title":"T"}},"posts":[{posts}]}}"#)
    }

    #[test]
    fn reading_a_slice_at_a_time_gives_the_same_manifest() {
        // Duplicates across slices, a bad post, a draft and equal dates included.
        let text = with_posts(
            r#"{"slug":"a","title":"A","date":"2024-01-02","file":"a.md","tags":["Go"]},
               {"slug":"b","title":"B","date":"2024-01-03","file":"b.md"},
               {"slug":"a","title":"A again","date":"2024-01-04","file":"c.md"},
               {"slug":"d","title":"D","date":"2024-13-01","file":"d.md"},
               {"slug":"e","title":"E","date":"2024-01-02","file":"e.md","draft":true},
               {"slug":"f","title":"F","date":"2024-01-02","file":"f.md"},
               7"#,
        );
        let whole = parse(&text, &options()).expect("parses");
        for slice in [1, 2, 3, 100] {
            let mut reader = ManifestReader::new(&text, &options()).expect("parses");
            let mut n_steps = 1;
            while !reader.read(slice) {
                n_steps += 1;
            }
            assert_eq!(n_steps, 7usize.div_ceil(slice), "slices of {slice}");
            assert_eq!(reader.finish(), whole, "slices of {slice}");
        }
        assert_eq!(
            whole
                .posts
                .iter()
                .map(|post| post.slug.as_str())
                .collect::<Vec<_>>(),
            ["b", "a", "f"]
        );
        assert_eq!(whole.problems.len(), 3, "{:?}", whole.problems);
    }

    /// Parses `manifest` and compares every problem (or the fatal error) with `expect`.
    #[track_caller]
    fn check(manifest: &str, expect: &str) {
        let got = match parse(manifest, &options()) {
            Ok(loaded) => loaded
                .problems
                .iter()
                .map(|p| format!("{:?}: {p}", p.severity))
                .collect::<Vec<_>>()
                .join("\n"),
            Err(fatal) => format!("fatal: {fatal}"),
        };
        assert_eq!(got, expect.trim(), "manifest:\n{manifest}");
    }

    /// The slugs that loaded, in display order.
    #[track_caller]
    fn check_slugs(manifest: &str, options: &ParseOptions, expect: &[&str]) {
        let loaded = parse(manifest, options).unwrap();
        let slugs: Vec<&str> = loaded.posts.iter().map(|p| p.slug.as_str()).collect();
        assert_eq!(slugs, expect);
    }

    #[test]
    fn fatal_errors_say_what_and_where() {
        check(
            "",
            "fatal: posts.json is not valid JSON: line 1, column 0: EOF while parsing a value",
        );
        check(
            "{\n  \"version\": 1,\n  \"site\": {\"title\": \"T\"},\n}",
            "fatal: posts.json is not valid JSON: line 4, column 1: trailing comma",
        );
        check(
            "<!doctype html><html>",
            "fatal: posts.json is not valid JSON: line 1, column 1: expected value",
        );
        check(
            "[]",
            r#"fatal: posts.json must hold a JSON object ({ "version": 1, ... }), not a list"#,
        );
        check(
            r#"{"site":{"title":"T"},"posts":[]}"#,
            r#"fatal: posts.json: version is missing; this reader needs "version": 1"#,
        );
        check(
            r#"{"version":2,"site":{"title":"T"},"posts":[]}"#,
            "fatal: posts.json: version is 2, but this reader understands version 1 only",
        );
        check(
            r#"{"version":"1","site":{"title":"T"},"posts":[]}"#,
            r#"fatal: posts.json: version is "1", but this reader understands version 1 only"#,
        );
        check(
            r#"{"version":1.5,"site":{"title":"T"},"posts":[]}"#,
            "fatal: posts.json: version is 1.5, but this reader understands version 1 only",
        );
        check(
            r#"{"version":{"major":[1, "x"]},"site":{"title":"T"},"posts":[]}"#,
            r#"fatal: posts.json: version is {"major":[1,"x"]}, but this reader understands version 1 only"#,
        );
        check(
            r#"{"version":1,"posts":[]}"#,
            "fatal: posts.json: site is missing; it is required",
        );
        check(
            r#"{"version":1,"site":[],"posts":[]}"#,
            "fatal: posts.json: site must be an object, not a list",
        );
        check(
            r#"{"version":1,"site":{},"posts":[]}"#,
            "fatal: posts.json: site.title is missing; it is required",
        );
        check(
            r#"{"version":1,"site":{"title":"  "},"posts":[]}"#,
            "fatal: posts.json: site.title is empty",
        );
        check(
            r#"{"version":1,"site":{"title":7},"posts":[]}"#,
            "fatal: posts.json: site.title must be a string, not a number",
        );
    }

    #[test]
    fn a_good_manifest_has_no_problems() {
        check(
            &with_posts(
                r#"{"slug":"a","title":"A","date":"2024-01-02","file":"posts/a.md",
            "summary":"S","category":"Go","tags":["Go","CI/CD"],"updated":"2024-02-01","author":"X",
            "draft":false,"reading_minutes":3,"cover":"images/a.png"}"#,
            ),
            "",
        );
        check("\u{feff}{\"version\":1,\"site\":{\"title\":\"T\"}}", "");
        check(
            r#"{"version":1,"site":{"title":"T","raw_html":"trusted","feed_content":"full","page_size":25}}"#,
            "",
        );
        for bad in ["0", "101", "2.5", "\"20\"", "-1"] {
            check(
                &format!(r#"{{"version":1,"site":{{"title":"T","page_size":{bad}}}}}"#),
                "Warning: site.page_size: must be a whole number from 1 to 100; using 10",
            );
        }
        check(
            r#"{"version":1,"site":{"title":"T","raw_html":"yes"}}"#,
            r#"Warning: site.raw_html: "yes" is not one of "allowlist" or "trusted"; using "allowlist""#,
        );
        check(
            r#"{"version":1,"site":{"title":"T","base_url":"example.org/blog"}}"#,
            r#"Error: site.base_url: "example.org/blog" is not an absolute URL; use one such as https://example.org/blog/"#,
        );
    }

    #[test]
    fn scheduled_posts_wait_for_their_date_only_when_the_site_says_so() {
        let text = |scheduled: &str| {
            format!(
                r#"{{"version":1,"site":{{"title":"T"{scheduled}}},"posts":[
                {{"slug":"past","title":"P","date":"2024-01-01","file":"posts/past.md"}},
                {{"slug":"soon","title":"S","date":"2024-03-01T12:00:00+01:00","file":"posts/soon.md"}}]}}"#
            )
        };
        // 2024-03-01T11:00:00Z is the instant "soon" names.
        let at = 1_709_290_800;
        let mut site = parse(&text(r#","scheduled":true"#), &options()).unwrap();
        assert_eq!(site.hide_scheduled(at - 1), 1);
        assert!(site.post("soon").is_none() && site.post_by_file("posts/soon.md").is_none());
        assert!(site.post_by_file("posts/past.md").is_some());
        let mut site = parse(&text(r#","scheduled":true"#), &options()).unwrap();
        assert_eq!(site.hide_scheduled(at), 0);
        let mut site = parse(&text(""), &options()).unwrap();
        assert_eq!(
            site.hide_scheduled(0),
            0,
            "without the setting every post shows"
        );
        check(
            r#"{"version":1,"site":{"title":"T","edit_url":"github.com/x"}}"#,
            r#"Warning: site.edit_url: "github.com/x" is not an absolute URL; use one such as https://example.org/blog/"#,
        );
        check(
            &text(r#","scheduled":"yes""#),
            "Warning: site.scheduled: must be true or false, not a string",
        );
    }

    #[test]
    fn page_size_defaults_to_ten_and_takes_the_site_setting() {
        let size_of = |site: &str| {
            let text = format!(r#"{{"version":1,"site":{{"title":"T"{site}}}}}"#);
            parse(&text, &options()).map(|manifest| manifest.site.page_size)
        };
        assert_eq!(size_of(""), Ok(DEFAULT_PAGE_SIZE));
        assert_eq!(size_of(r#","page_size":null"#), Ok(DEFAULT_PAGE_SIZE));
        assert_eq!(size_of(r#","page_size":1"#), Ok(1));
        assert_eq!(size_of(r#","page_size":100"#), Ok(100));
        assert_eq!(size_of(r#","page_size":1000"#), Ok(DEFAULT_PAGE_SIZE));
    }

    #[test]
    fn the_language_chooses_the_words_and_an_unknown_one_is_a_warning() {
        let site_of = |language: &str| {
            let text = format!(r#"{{"version":1,"site":{{"title":"T","language":"{language}"}}}}"#);
            parse(&text, &options()).map(|manifest| {
                let warnings: Vec<String> =
                    manifest.problems.iter().map(ToString::to_string).collect();
                (manifest.site.lang(), manifest.site.direction(), warnings)
            })
        };
        let Ok((lang, direction, warnings)) = site_of("de-CH") else {
            panic!("a valid manifest");
        };
        assert_eq!(
            (lang, direction, warnings.len()),
            (crate::i18n::Lang::De, crate::i18n::Direction::Ltr, 0)
        );
        let Ok((lang, direction, _)) = site_of("he") else {
            panic!("a valid manifest");
        };
        assert_eq!(
            (lang, direction),
            (crate::i18n::Lang::He, crate::i18n::Direction::Rtl)
        );
        let Ok((lang, direction, warnings)) = site_of("fa-IR") else {
            panic!("a valid manifest");
        };
        assert_eq!(
            (lang, direction),
            (crate::i18n::Lang::En, crate::i18n::Direction::Rtl)
        );
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0].starts_with("site.language: Folio has no translation for \"fa-IR\""),
            "{warnings:?}"
        );
    }

    #[test]
    fn image_sizes_are_read_and_bad_ones_left_out_with_a_warning() {
        let text = with_posts(
            r#"{"slug":"a","title":"A","date":"2024-01-01","file":"posts/a.md",
                "images":{"posts/images/x.png":[640,360],"../out.png":[1,1],"posts/y.png":[0,5],"posts/z.png":"big"}}"#,
        );
        let manifest = parse(&text, &options()).unwrap();
        let post = &manifest.posts[0];
        assert_eq!(
            post.images,
            [ImageSize {
                path: "posts/images/x.png".into(),
                width: 640,
                height: 360
            }]
        );
        let warnings: Vec<String> = manifest.problems.iter().map(ToString::to_string).collect();
        assert_eq!(warnings.len(), 3, "{warnings:?}");
        assert!(
            warnings[0].starts_with(
                "posts[0].images.../out.png (slug \"a\"): \"[1,1]\" is not [width, height]"
            ),
            "{warnings:?}"
        );
    }

    #[test]
    fn a_large_site_comes_in_chunks_that_join_in_date_order() {
        let head = r#"{"version":1,"site":{"title":"T"},"chunks":["posts-1.json","../x.json"],
            "posts":[{"slug":"new","title":"New","date":"2024-03-01","file":"posts/new.md"}]}"#;
        let mut manifest = parse(head, &options()).unwrap();
        assert_eq!(manifest.chunks, ["posts-1.json"]);
        assert!(!manifest.is_complete());
        assert!(manifest.problems[0].to_string().starts_with("chunks[1]:"));
        let chunk = r#"{"version":1,"posts":[
            {"slug":"old","title":"Old","date":"2023-01-01","file":"posts/old.md"},
            {"slug":"new","title":"Again","date":"2023-02-01","file":"posts/again.md"},
            {"slug":"mid","title":"Mid","date":"2023-06-01","file":"posts/mid.md"}]}"#;
        // Read a post at a time, the chunk gives what it gives read at once.
        let mut sliced = manifest.clone();
        let mut reader = sliced
            .chunk_reader("posts-1.json", chunk, &options())
            .unwrap();
        let mut n_slices = 1;
        while !reader.read(1) {
            n_slices += 1;
        }
        assert_eq!(n_slices, 3);
        sliced.add_read_chunk(reader);
        manifest
            .add_chunk("posts-1.json", chunk, &options())
            .unwrap();
        assert_eq!(sliced, manifest);
        assert!(manifest.is_complete());
        let slugs: Vec<&str> = manifest.posts.iter().map(|p| p.slug.as_str()).collect();
        assert_eq!(slugs, ["new", "mid", "old"]);
        assert_eq!(
            manifest.post_by_file("posts/old.md").unwrap().slug.as_str(),
            "old"
        );
        let last = manifest.problems.last().unwrap().to_string();
        assert_eq!(
            last,
            "posts-1.json: posts[1].slug (slug \"new\"): the slug is already used by the post in posts/new.md"
        );
        // A second chunk repeating a slug of the first names the post it came from.
        let second = r#"{"version":1,"posts":[
            {"slug":"mid","title":"Mid again","date":"2022-06-01","file":"posts/mid-2.md"}]}"#;
        let mut with_second = manifest.clone();
        with_second
            .add_chunk("posts-2.json", second, &options())
            .unwrap();
        assert_eq!(
            with_second.problems.last().unwrap().to_string(),
            "posts-2.json: posts[0].slug (slug \"mid\"): the slug is already used by the post in posts/mid.md"
        );
        let broken = manifest.add_chunk("posts-2.json", "{", &options());
        assert!(matches!(broken, Err(ManifestError::Json { .. })));
        let wrong = manifest.add_chunk("posts-2.json", r#"{"version":2}"#, &options());
        assert!(wrong.unwrap_err().to_string().contains("in posts-2.json"));
        assert_eq!(manifest.posts.len(), 3, "the posts already in stay");
        assert_eq!(manifest.n_skipped(), 1, "the duplicate in the chunk");
        manifest.chunk_failed("posts-2.json", "HTTP 404");
        assert_eq!(manifest.n_skipped(), 2);
        assert_eq!(
            manifest.problems.last().unwrap().to_string(),
            "posts-2.json: its posts are missing: HTTP 404"
        );
    }

    #[test]
    fn every_post_problem_names_its_path_and_slug() {
        check(
            &with_posts(r#"{"slug":"go-tips","title":"A","date":"2024-13-01","file":"a.md"}"#),
            r#"Error: posts[0].date (slug "go-tips"): "2024-13-01" is not a date; use YYYY-MM-DD or an RFC 3339 date-time"#,
        );
        check(
            &with_posts(r#"{"title":"A","date":"2024-01-01","file":"a.md"}"#),
            "Error: posts[0].slug: is missing; it is required",
        );
        check(
            &with_posts(r#"{"slug":"Not Valid","title":"A","date":"2024-01-01","file":"a.md"}"#),
            r#"Error: posts[0].slug (slug "Not Valid"): "Not Valid" is not a valid slug; use lowercase letters, digits and -"#,
        );
        check(
            &with_posts(r#"{"slug":"a","title":"","date":"2024-01-01","file":"a.md"}"#),
            r#"Error: posts[0].title (slug "a"): is empty"#,
        );
        check(
            &with_posts(r#"{"slug":"a","title":"A","date":20240101,"file":"/etc/passwd"}"#),
            r#"
Error: posts[0].date (slug "a"): must be a string, not a number
Error: posts[0].file (slug "a"): "/etc/passwd" is not a path inside the site; use a relative path such as posts/hello.md"#,
        );
        check(
            &with_posts(r#"{"slug":"a","title":"A","date":"2024-01-01","file":"../a.md"}"#),
            r#"Error: posts[0].file (slug "a"): "../a.md" is not a path inside the site; use a relative path such as posts/hello.md"#,
        );
        check(
            &with_posts(
                r#"{"slug":"a","title":"A","date":"2024-01-01","file":"a.md","tags":"go"}"#,
            ),
            r#"Error: posts[0].tags (slug "a"): must be a list of strings, not a string"#,
        );
        check(
            &with_posts(
                r#"{"slug":"a","title":"A","date":"2024-01-01","file":"a.md","tags":["go",3,""]}"#,
            ),
            r#"
Error: posts[0].tags[1] (slug "a"): must be a string, not a number
Error: posts[0].tags[2] (slug "a"): is empty"#,
        );
        check(
            &with_posts(
                r#"{"slug":"a","title":"A","date":"2024-01-01","file":"a.md","draft":"no","reading_minutes":0}"#,
            ),
            r#"
Error: posts[0].draft (slug "a"): must be true or false, not a string
Error: posts[0].reading_minutes (slug "a"): must be a whole number of minutes, 1 or more"#,
        );
        check(
            &with_posts(r#"7"#),
            "Error: posts[0]: must be an object, not a number",
        );
        check(
            r#"{"version":1,"site":{"title":"T"},"posts":{}}"#,
            "Error: posts: must be a list, not an object",
        );
    }

    #[test]
    fn every_problem_is_reported_not_just_the_first() {
        check(
            &with_posts(
                r#"{"slug":"a","date":"x"},{"slug":"b","title":"B","date":"2024-01-01"},{"slug":"c","title":"C","date":"2024-01-01","file":"c.md"}"#,
            ),
            r#"
Error: posts[0].title (slug "a"): is missing; it is required
Error: posts[0].date (slug "a"): "x" is not a date; use YYYY-MM-DD or an RFC 3339 date-time
Error: posts[0].file (slug "a"): is missing; it is required
Error: posts[1].file (slug "b"): is missing; it is required"#,
        );
    }

    #[test]
    fn unknown_fields_are_warnings_and_the_post_still_loads() {
        let manifest = r#"{"version":1,"$schema":"./posts.schema.json","extra":1,"site":{"title":"T","theme":"x"},
            "posts":[{"slug":"a","title":"A","date":"2024-01-01","file":"a.md","colour":"red"}]}"#;
        check(
            manifest,
            r#"
Warning: extra: is not a known field and is ignored
Warning: site.theme: is not a known field and is ignored
Warning: posts[0].colour (slug "a"): is not a known field and is ignored"#,
        );
        check_slugs(manifest, &options(), &["a"]);
    }

    #[test]
    fn duplicate_slugs_keep_the_first() {
        let manifest = with_posts(
            r#"{"slug":"a","title":"First","date":"2024-01-01","file":"a.md"},
            {"slug":"a","title":"Second","date":"2024-02-01","file":"a2.md"}"#,
        );
        check(
            &manifest,
            r#"Error: posts[1].slug (slug "a"): the slug is already used by posts[0]"#,
        );
        let loaded = parse(&manifest, &options()).unwrap();
        assert_eq!(loaded.posts.len(), 1);
        assert_eq!(loaded.posts[0].title, "First");
        assert_eq!(loaded.n_skipped(), 1);
    }

    #[test]
    fn one_bad_post_does_not_hide_the_good_ones() {
        let manifest = with_posts(
            r#"{"slug":"a","title":"A","date":"2024-01-01","file":"a.md"},
            {"slug":"b","title":"B","date":"2024-99-01","file":"b.md"},
            {"slug":"c","title":"C","date":"2024-03-01","file":"c.md"}"#,
        );
        check_slugs(&manifest, &options(), &["c", "a"]);
        assert_eq!(parse(&manifest, &options()).unwrap().n_skipped(), 1);
    }

    #[test]
    fn newest_first_and_equal_dates_keep_file_order() {
        let manifest = with_posts(
            r#"{"slug":"old","title":"O","date":"2023-05-01","file":"o.md"},
            {"slug":"tie-1","title":"T1","date":"2024-06-01","file":"t1.md"},
            {"slug":"new","title":"N","date":"2024-06-01T08:00:00Z","file":"n.md"},
            {"slug":"tie-2","title":"T2","date":"2024-06-01","file":"t2.md"},
            {"slug":"mid","title":"M","date":"2024-01-15","file":"m.md"}"#,
        );
        check_slugs(
            &manifest,
            &options(),
            &["new", "tie-1", "tie-2", "mid", "old"],
        );
    }

    #[test]
    fn drafts_are_hidden_unless_asked_for() {
        let manifest = with_posts(
            r#"{"slug":"d","title":"D","date":"2024-01-01","file":"d.md","draft":true},
            {"slug":"p","title":"P","date":"2023-01-01","file":"p.md","draft":false},
            {"slug":"bad-flag","title":"B","date":"2023-01-01","file":"b.md","draft":1}"#,
        );
        check_slugs(&manifest, &options(), &["p"]);
        check_slugs(
            &manifest,
            &ParseOptions {
                drafts: Drafts::Show,
            },
            &["d", "p"],
        );
    }

    #[test]
    fn tags_that_fold_together_count_once_per_post() {
        let manifest = with_posts(
            r#"{"slug":"a","title":"A","date":"2024-01-01","file":"a.md","tags":["CI/CD","ci-cd"," Go "]}"#,
        );
        let loaded = parse(&manifest, &options()).unwrap();
        let tags: Vec<(&str, &str)> = loaded.posts[0]
            .tags
            .iter()
            .map(|t| (t.name.as_str(), t.slug.as_str()))
            .collect();
        assert_eq!(tags, [("CI/CD", "ci-cd"), ("Go", "go")]);
    }

    #[test]
    fn site_paths_are_normalised() {
        assert_eq!(
            normalise_site_path("posts/./a.md").as_deref(),
            Some("posts/a.md")
        );
        assert_eq!(
            normalise_site_path("posts/x/../a.md").as_deref(),
            Some("posts/a.md")
        );
        for bad in [
            "",
            "/a.md",
            "../a.md",
            "https://x/a.md",
            "a\\b.md",
            "posts/..",
        ] {
            assert_eq!(normalise_site_path(bad), None, "path: {bad:?}");
        }
    }
}
