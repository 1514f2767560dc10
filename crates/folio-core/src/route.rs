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
            Route::Archive => "/archive".to_string(),
            Route::Search("") => "/search".to_string(),
            Route::Search(words) => format!("/search?q={}", percent_encode(words)),
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
    fn every_route_has_one_spelling() {
        let slug = Slug::parse("go-tips").unwrap();
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
            (Route::Archive, "/archive"),
            (Route::Search(""), "/search"),
            (Route::Search("rust & go"), "/search?q=rust%20%26%20go"),
        ];
        for (route, expect) in cases {
            assert_eq!(route.href(), expect, "{route:?}");
        }
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
