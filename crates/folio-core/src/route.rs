//! Every URL Folio links to, spelled once. Mirrors the route table in the app's `src/lib.rs`.

use crate::slug::{percent_encode, slugify, Slug};

/// A view's address. `href` is relative to the site root; the app and the prerendered pages
/// put the deployment's base path in front of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route<'a> {
    /// `/`: the newest posts.
    Home,
    /// `/page/N`: page N of the listing. Page 1 is the home page.
    Page(u32),
    /// `/posts/SLUG`: one post.
    Post(&'a Slug),
    /// `/tags`: every tag.
    Tags,
    /// `/tags/TAG`: posts with a tag, given by name or slug.
    Tag(&'a str),
    /// `/categories`: every category.
    Categories,
    /// `/categories/CATEGORY`: posts in a category, given by name or slug.
    Category(&'a str),
    /// `/tags/TAG/page/N`: page N of a tag's posts; page 1 is [`Route::Tag`].
    TagPage(&'a str, u32),
    /// `/categories/CATEGORY/page/N`: page N of a category's posts; page 1 is
    /// [`Route::Category`].
    CategoryPage(&'a str, u32),
    /// `/archive`: every post by year.
    Archive,
    /// `/search?q=WORDS`.
    Search(&'a str),
}

impl Route<'_> {
    /// Root-relative href, starting with `/`. Tag and category names are slugified, search
    /// text is percent-encoded, and non-ASCII slug letters are percent-encoded too.
    pub fn href(&self) -> String {
        match self {
            Route::Home | Route::Page(0 | 1) => "/".to_string(),
            Route::Page(n) => format!("/page/{n}"),
            Route::Post(slug) => format!("/posts/{slug}"),
            Route::Tags => "/tags".to_string(),
            Route::Tag(name) => format!("/tags/{}", encode_path_segment(&slugify(name))),
            Route::Categories => "/categories".to_string(),
            Route::Category(name) => format!("/categories/{}", encode_path_segment(&slugify(name))),
            Route::TagPage(name, 0 | 1) => Route::Tag(name).href(),
            Route::TagPage(name, n) => format!("{}/page/{n}", Route::Tag(name).href()),
            Route::CategoryPage(name, 0 | 1) => Route::Category(name).href(),
            Route::CategoryPage(name, n) => format!("{}/page/{n}", Route::Category(name).href()),
            Route::Archive => "/archive".to_string(),
            Route::Search("") => "/search".to_string(),
            Route::Search(words) => format!("/search?q={}", percent_encode(words)),
        }
    }
}

/// What a root-relative path asks for: the view and its parameters as the URL spells them
/// (still percent-encoded; the queries decode them). The app's one route table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target<'a> {
    /// `/` and `/page/N` (`page` is N).
    Listing {
        /// N of `/page/N`.
        page: Option<&'a str>,
    },
    /// `/posts/SLUG`.
    Post(&'a str),
    /// `/tags`.
    Tags,
    /// `/tags/TAG` and `/tags/TAG/page/N`.
    Tag {
        /// TAG.
        term: &'a str,
        /// N.
        page: Option<&'a str>,
    },
    /// `/categories`.
    Categories,
    /// `/categories/CATEGORY` and `/categories/CATEGORY/page/N`.
    Category {
        /// CATEGORY.
        term: &'a str,
        /// N.
        page: Option<&'a str>,
    },
    /// `/archive`.
    Archive,
    /// `/search` (the words are in the query string).
    Search,
    /// Anything else: the not-found view.
    Unknown,
}

/// The view for `path` (root-relative, without the base path). A query string or fragment
/// is ignored, and so is one trailing slash; `/index.html` is the home page.
pub fn target(path: &str) -> Target<'_> {
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let path = path.strip_prefix('/').unwrap_or(path);
    let path = path.strip_suffix('/').unwrap_or(path);
    if path.is_empty() || path == "index.html" {
        return Target::Listing { page: None };
    }
    let segments: Vec<&str> = path.split('/').collect();
    if segments.iter().any(|segment| segment.is_empty()) {
        return Target::Unknown;
    }
    match segments.as_slice() {
        ["page", n] => Target::Listing { page: Some(n) },
        ["posts", slug] => Target::Post(slug),
        ["tags"] => Target::Tags,
        ["tags", term] => Target::Tag { term, page: None },
        ["tags", term, "page", n] => Target::Tag {
            term,
            page: Some(n),
        },
        ["categories"] => Target::Categories,
        ["categories", term] => Target::Category { term, page: None },
        ["categories", term, "page", n] => Target::Category {
            term,
            page: Some(n),
        },
        ["archive"] => Target::Archive,
        ["search"] => Target::Search,
        _ => Target::Unknown,
    }
}

/// A listing that comes in pages: the main listing, a tag's posts or a category's posts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Paged {
    /// `/` and `/page/N`.
    Home,
    /// `/tags/TAG` and `/tags/TAG/page/N`, by the tag's slug.
    Tag(String),
    /// `/categories/CATEGORY` and `/categories/CATEGORY/page/N`, by the category's slug.
    Category(String),
    /// A tag's posts in one category, `/tags/TAG?category=CATEGORY` (tag, category).
    TagInCategory(String, String),
    /// A category's posts with one tag, `/categories/CATEGORY?tag=TAG` (category, tag).
    CategoryWithTag(String, String),
}

impl Paged {
    /// The root-relative href of page `n` (from 1) of this listing, its filter included.
    pub fn href(&self, n: u32) -> String {
        match self {
            Paged::Home => Route::Page(n).href(),
            Paged::Tag(slug) => Route::TagPage(slug, n).href(),
            Paged::Category(slug) => Route::CategoryPage(slug, n).href(),
            Paged::TagInCategory(tag, category) => format!(
                "{}?category={}",
                Route::TagPage(tag, n).href(),
                percent_encode(&slugify(category))
            ),
            Paged::CategoryWithTag(category, tag) => format!(
                "{}?tag={}",
                Route::CategoryPage(category, n).href(),
                percent_encode(&slugify(tag))
            ),
        }
    }
}

/// The slug in a root-relative post href (`/posts/go-tips#x` → `go-tips`), the inverse of
/// [`Route::Post`]; `None` for any other href.
pub fn post_slug_of(href: &str) -> Option<&str> {
    let slug = href.strip_prefix("/posts/")?;
    let slug = slug.split(['#', '?']).next().unwrap_or(slug);
    (!slug.is_empty() && !slug.contains('/')).then_some(slug)
}

/// The part of the site a root-relative path belongs to, for highlighting the navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// `/`, `/page/N` and posts.
    Posts,
    /// `/tags` and `/tags/TAG`.
    Tags,
    /// `/categories` and `/categories/CATEGORY`.
    Categories,
    /// `/archive`.
    Archive,
    /// `/search`.
    Search,
    /// Anything else.
    Other,
}

/// The section of `path` (root-relative, without the base path).
pub fn section(path: &str) -> Section {
    let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
    match first {
        "" | "page" | "posts" => Section::Posts,
        "tags" => Section::Tags,
        "categories" => Section::Categories,
        "archive" => Section::Archive,
        "search" => Section::Search,
        _ => Section::Other,
    }
}

/// Joins a deployment base path (`""` or `/blog`, no trailing slash) and a route href.
pub fn with_base(base_path: &str, href: &str) -> String {
    let base = base_path.trim_end_matches('/');
    if base.is_empty() {
        href.to_string()
    } else if href == "/" {
        format!("{base}/")
    } else {
        format!("{base}{href}")
    }
}

/// Whether `url` is an absolute http(s) URL with a host, written as a URL is written:
/// no spaces, control characters, quotes, `<`, `>` or other characters a URL must
/// percent-encode. Such a URL is safe to put in any attribute or feed as it is.
pub fn is_absolute_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or_default();
    !rest.is_empty()
        && !rest.starts_with(['/', '?', '#'])
        && !url
            .bytes()
            .any(|b| b <= b' ' || b == 0x7f || b"\"<>\\^`{|}".contains(&b))
}

/// The path of a `<base href>` or `document.baseURI` without its trailing slash:
/// `https://x.org/blog/` → `/blog`, `https://x.org/` → ``.
pub fn base_path_of(base_uri: &str) -> String {
    let after_scheme = base_uri
        .split_once("://")
        .map_or(base_uri, |(_, rest)| rest);
    let path = after_scheme
        .find('/')
        .map_or("", |slash| &after_scheme[slash..]);
    let path = path.split(['?', '#']).next().unwrap_or("");
    // A base that names a file (`/blog/index.html`) means its folder.
    let folder = match path.rfind('/') {
        Some(slash) => &path[..slash],
        None => "",
    };
    folder.to_string()
}

/// Slug letters are already safe except for non-ASCII ones, which a URL must carry encoded.
fn encode_path_segment(slug: &str) -> String {
    if slug.is_ascii() {
        slug.to_string()
    } else {
        percent_encode(slug)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolute_urls_are_http_with_a_host_and_nothing_to_encode() {
        for good in [
            "https://example.org/",
            "http://127.0.0.1:8080/blog/",
            "https://x.org/a%20b/?q=1&r=2#top",
            "https://bücher.example/",
        ] {
            assert!(is_absolute_url(good), "{good}");
        }
        for bad in [
            "example.org/blog",
            "https://",
            "https:///path",
            "ftp://example.org/",
            "javascript:alert(1)//",
            "https://example.org/\"><img src=x onerror=alert(1)>",
            "https://example.org/<script>",
            "https://example.org/a b",
            "https://example.org/\tx",
            "https://example.org/`x`",
        ] {
            assert!(!is_absolute_url(bad), "{bad}");
        }
    }

    #[test]
    fn every_path_finds_its_view() {
        use Target::*;
        let cases = [
            ("/", Listing { page: None }),
            ("", Listing { page: None }),
            ("/index.html", Listing { page: None }),
            ("/page/3", Listing { page: Some("3") }),
            ("/page/3/", Listing { page: Some("3") }),
            ("/page/x", Listing { page: Some("x") }),
            ("/posts/go-tips", Post("go-tips")),
            ("/posts/go-tips?x=1#intro", Post("go-tips")),
            ("/tags", Tags),
            ("/tags/", Tags),
            (
                "/tags/ci-cd",
                Tag {
                    term: "ci-cd",
                    page: None,
                },
            ),
            (
                "/tags/gr%C3%B6%C3%9Fe",
                Tag {
                    term: "gr%C3%B6%C3%9Fe",
                    page: None,
                },
            ),
            (
                "/tags/go/page/2",
                Tag {
                    term: "go",
                    page: Some("2"),
                },
            ),
            ("/categories", Categories),
            (
                "/categories/web/page/9",
                Category {
                    term: "web",
                    page: Some("9"),
                },
            ),
            ("/archive", Archive),
            ("/search", Search),
            ("/search?q=rust", Search),
            ("/posts", Unknown),
            ("/posts/a/b", Unknown),
            ("/tags//go", Unknown),
            ("/tags/go/page", Unknown),
            ("/page", Unknown),
            ("/nope", Unknown),
        ];
        for (path, expect) in cases {
            assert_eq!(target(path), expect, "{path}");
        }
    }

    #[test]
    fn every_route_has_one_spelling() {
        let slug = Slug::parse("go-tips").unwrap();
        let (go, web) = (
            Paged::Tag("go".into()),
            Paged::Category("web-design".into()),
        );
        let cases = [
            (Route::Home, "/"),
            (Route::Page(0), "/"),
            (Route::Page(1), "/"),
            (Route::Page(2), "/page/2"),
            (Route::Post(&slug), "/posts/go-tips"),
            (Route::Tags, "/tags"),
            (Route::Tag("CI/CD"), "/tags/ci-cd"),
            (Route::Tag("Größe"), "/tags/grosse"),
            (Route::Tag("東京"), "/tags/%E6%9D%B1%E4%BA%AC"),
            (Route::Categories, "/categories"),
            (
                Route::Category("DevOps & Infrastructure"),
                "/categories/devops-infrastructure",
            ),
            (Route::TagPage("CI/CD", 1), "/tags/ci-cd"),
            (Route::TagPage("CI/CD", 3), "/tags/ci-cd/page/3"),
            (Route::CategoryPage("Go", 0), "/categories/go"),
            (Route::CategoryPage("Go", 2), "/categories/go/page/2"),
            (Route::Archive, "/archive"),
            (Route::Archive, "/archive"),
            (Route::Search(""), "/search"),
            (Route::Search("rust & go"), "/search?q=rust%20%26%20go"),
        ];
        for (route, expect) in cases {
            assert_eq!(route.href(), expect, "{route:?}");
        }
        assert_eq!(Paged::Home.href(4), "/page/4");
        assert_eq!(go.href(2), "/tags/go/page/2");
        assert_eq!(web.href(1), "/categories/web-design");
        let go_web = Paged::TagInCategory("go".into(), "Web & Design".into());
        assert_eq!(go_web.href(1), "/tags/go?category=web-design");
        assert_eq!(go_web.href(3), "/tags/go/page/3?category=web-design");
        let web_go = Paged::CategoryWithTag("web".into(), "Größe".into());
        assert_eq!(web_go.href(2), "/categories/web/page/2?tag=grosse");
    }

    #[test]
    fn post_slugs_from_hrefs() {
        assert_eq!(post_slug_of("/posts/go-tips"), Some("go-tips"));
        assert_eq!(post_slug_of("/posts/go-tips#part"), Some("go-tips"));
        assert_eq!(post_slug_of("/posts/"), None);
        assert_eq!(post_slug_of("/tags/go"), None);
        assert_eq!(post_slug_of("/posts/a/b"), None);
    }

    #[test]
    fn sections() {
        for (path, expect) in [
            ("/", Section::Posts),
            ("/page/3", Section::Posts),
            ("/posts/a", Section::Posts),
            ("/tags", Section::Tags),
            ("/tags/go", Section::Tags),
            ("/categories/x", Section::Categories),
            ("/archive", Section::Archive),
            ("/search", Section::Search),
            ("/tagsx", Section::Other),
        ] {
            assert_eq!(section(path), expect, "{path}");
        }
    }

    #[test]
    fn base_paths() {
        assert_eq!(base_path_of("http://127.0.0.1:8080/"), "");
        assert_eq!(base_path_of("http://127.0.0.1:8080/blog/"), "/blog");
        assert_eq!(base_path_of("https://x.org/a/b/index.html"), "/a/b");
        assert_eq!(base_path_of("https://x.org"), "");
        assert_eq!(base_path_of("https://x.org/blog/?x=/y/"), "/blog");
        assert_eq!(with_base("", "/tags"), "/tags");
        assert_eq!(with_base("/blog", "/tags"), "/blog/tags");
        assert_eq!(with_base("/blog", "/"), "/blog/");
        assert_eq!(with_base("/blog/", "/posts/a"), "/blog/posts/a");
    }
}
