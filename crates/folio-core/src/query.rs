//! What each view shows, computed from a [`Manifest`]: pages of the listing, tag and
//! category listings, term lists with counts, document titles. Views only map these results.

use std::collections::HashMap;
use std::sync::Arc;

use crate::case::{lowercase, lowercase_char};
use crate::manifest::{Manifest, Post, Term};
use crate::slug::{percent_decode, slugify};
use crate::text_index::{Matches, TextIndex};

/// One page of the main listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    /// The posts on this page, newest first.
    pub posts: Vec<Arc<Post>>,
    /// This page's number, from 1.
    pub page: u32,
    /// How many pages there are (at least 1, even for an empty site).
    pub n_pages: u32,
}

impl Listing {
    /// The newer page's number, if any.
    pub fn newer(&self) -> Option<u32> {
        (self.page > 1).then(|| self.page - 1)
    }

    /// The older page's number, if any.
    pub fn older(&self) -> Option<u32> {
        (self.page < self.n_pages).then(|| self.page + 1)
    }

    /// The numbered controls of a pager: the first and last page, this page and the two on
    /// each side of it, and a gap for each run of pages left out (a gap of one page shows
    /// that page instead). Empty when there is only one page.
    pub fn pager_items(&self) -> Vec<PagerItem> {
        if self.n_pages <= 1 {
            return Vec::new();
        }
        let near = self.page.saturating_sub(2).max(1)..=self.page.saturating_add(2);
        let mut items = Vec::new();
        let mut last_shown = 0;
        for number in 1..=self.n_pages {
            let shown = number == 1 || number == self.n_pages || near.contains(&number);
            if !shown {
                continue;
            }
            match number - last_shown {
                1 => {}
                2 => items.push(PagerItem::Page(number - 1)),
                _ => items.push(PagerItem::Gap),
            }
            items.push(if number == self.page {
                PagerItem::Current(number)
            } else {
                PagerItem::Page(number)
            });
            last_shown = number;
        }
        items
    }
}

/// One control of a numbered pager.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PagerItem {
    /// A link to this page.
    Page(u32),
    /// The page being shown.
    Current(u32),
    /// Pages left out ("…").
    Gap,
}

/// Page `page` (from 1) of the newest-first listing; `None` for page 0 or past the end.
/// An empty site has one empty page, so `/` can say "no posts yet" instead of not found.
pub fn page(manifest: &Manifest, page: u32) -> Option<Listing> {
    paginate(&manifest.posts, page, manifest.site.page_size)
}

/// Page `page` (from 1) of `posts`, `size` to a page; `None` for page 0 or past the end.
/// No posts make one empty page.
pub fn paginate(posts: &[Arc<Post>], page: u32, size: usize) -> Option<Listing> {
    let size = size.max(1);
    let n_pages = posts.len().div_ceil(size).max(1);
    let index = usize::try_from(page).ok()?.checked_sub(1)?;
    if index >= n_pages {
        return None;
    }
    let posts = posts
        .iter()
        .skip(index * size)
        .take(size)
        .cloned()
        .collect();
    Some(Listing {
        posts,
        page,
        n_pages: u32::try_from(n_pages).unwrap_or(u32::MAX),
    })
}

/// The page number in a route parameter: `None` (no `/page/N` in the path) is page 1,
/// anything but plain digits is no page at all.
pub fn page_number(param: Option<&str>) -> Option<u32> {
    param.map_or(Some(1), parse_page_number)
}

/// The page number in `/page/N`: digits only, no sign, no leading `+`.
pub fn parse_page_number(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// The posts that share one tag or category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermListing {
    /// The term, spelled as its newest post spells it.
    pub term: Term,
    /// Its posts, newest first.
    pub posts: Vec<Arc<Post>>,
}

impl TermListing {
    /// Page `page` of the term's posts, as [`paginate`].
    pub fn page(&self, page: u32, size: usize) -> Option<Listing> {
        paginate(&self.posts, page, size)
    }

    /// The same listing narrowed to the posts in category `param` (a slug, name or
    /// percent-encoded either way): a tag page filtered by category.
    pub fn in_category(&self, param: &str) -> TermListing {
        self.narrowed(param, |post| post.category.iter().collect())
    }

    /// The same listing narrowed to the posts tagged `param`: a category page filtered by tag.
    pub fn tagged(&self, param: &str) -> TermListing {
        self.narrowed(param, |post| post.tags.iter().collect())
    }

    /// The categories of these posts, with counts, by name.
    pub fn categories(&self) -> Vec<TermCount> {
        term_counts(&self.posts, |post| post.category.iter().collect())
    }

    /// The tags of these posts other than the listing's own, with counts, by name.
    pub fn tags(&self) -> Vec<TermCount> {
        let mut tags = term_counts(&self.posts, |post| post.tags.iter().collect());
        tags.retain(|entry| entry.term.slug != self.term.slug);
        tags
    }

    fn narrowed(&self, param: &str, terms_of: impl Fn(&Post) -> Vec<&Term>) -> TermListing {
        let wanted = slugify(&percent_decode(param));
        TermListing {
            term: self.term.clone(),
            posts: self
                .posts
                .iter()
                .filter(|post| terms_of(post).iter().any(|term| term.slug == wanted))
                .cloned()
                .collect(),
        }
    }
}

/// A term and how many posts carry it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermCount {
    /// The term, spelled as its newest post spells it.
    pub term: Term,
    /// How many posts carry it.
    pub count: usize,
}

/// Posts tagged `param` (a route parameter: a slug, a name, or percent-encoded either way).
/// `None` when no post has that tag.
pub fn tagged(manifest: &Manifest, param: &str) -> Option<TermListing> {
    term_listing(manifest, param, |post| post.tags.iter().collect())
}

/// Posts in category `param` (as [`tagged`]). `None` when no post is in it.
pub fn in_category(manifest: &Manifest, param: &str) -> Option<TermListing> {
    term_listing(manifest, param, |post| post.category.iter().collect())
}

/// Every tag with its count, by name (case-insensitive).
pub fn tags(manifest: &Manifest) -> Vec<TermCount> {
    term_counts(&manifest.posts, |post| post.tags.iter().collect())
}

/// Every category with its count, by name (case-insensitive).
pub fn categories(manifest: &Manifest) -> Vec<TermCount> {
    term_counts(&manifest.posts, |post| post.category.iter().collect())
}

fn term_listing(
    manifest: &Manifest,
    param: &str,
    terms_of: impl Fn(&Post) -> Vec<&Term>,
) -> Option<TermListing> {
    let wanted = slugify(&percent_decode(param));
    let mut found: Option<Term> = None;
    let mut posts = Vec::new();
    for post in &manifest.posts {
        if let Some(term) = terms_of(post).into_iter().find(|term| term.slug == wanted) {
            found.get_or_insert_with(|| term.clone());
            posts.push(Arc::clone(post));
        }
    }
    Some(TermListing {
        term: found?,
        posts,
    })
}

fn term_counts(posts: &[Arc<Post>], terms_of: impl Fn(&Post) -> Vec<&Term>) -> Vec<TermCount> {
    let mut counts: Vec<TermCount> = Vec::new();
    for post in posts {
        for term in terms_of(post) {
            match counts.iter_mut().find(|entry| entry.term.slug == term.slug) {
                Some(entry) => entry.count += 1,
                None => counts.push(TermCount {
                    term: term.clone(),
                    count: 1,
                }),
            }
        }
    }
    crate::order::sort_stable_by_cached_key(&mut counts, |entry| {
        (lowercase(&entry.term.name), entry.term.slug.clone())
    });
    counts
}

/// The document title: "View · Site", or just the site title on the home page.
pub fn document_title(view: Option<&str>, site_title: &str) -> String {
    match view {
        Some(view) if !view.is_empty() => format!("{view} · {site_title}"),
        _ => site_title.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::{parse, Drafts, ParseOptions};

    /// A manifest with `n` posts, `p1` newest; every third post tagged "Go", every post in
    /// category "Backend" or "Web & Design" by parity, and "CI/CD" spelled two ways.
    pub(super) fn manifest(n: usize) -> Manifest {
        let posts: Vec<String> = (1..=n)
            .map(|i| {
                let tags = match i % 3 {
                    0 => r#"["Go","ci-cd"]"#,
                    1 => r#"["CI/CD"]"#,
                    _ => r#"["Größe"]"#,
                };
                let category = if i % 2 == 0 { "Backend" } else { "Web & Design" };
                format!(
                    r#"{{"slug":"p{i}","title":"P{i}","date":"2024-01-01T00:00:{:02}Z","file":"posts/p{i}.md","tags":{tags},"category":"{category}"}}"#,
                    59 - i
                )
            })
            .collect();
        let text = format!(
            r#"{{"version":1,"site":{{"title":"T"}},"posts":[{}]}}"#,
            posts.join(",")
        );
        parse(
            &text,
            &ParseOptions {
                drafts: Drafts::Hide,
            },
        )
        .unwrap()
    }

    fn slugs(posts: &[Arc<Post>]) -> Vec<&str> {
        posts.iter().map(|post| post.slug.as_str()).collect()
    }

    #[track_caller]
    fn check_page(n_posts: usize, page_number: u32, expect: Option<(&str, u32)>) {
        let manifest = manifest(n_posts);
        let got = page(&manifest, page_number).map(|listing| {
            let first_last = match (listing.posts.first(), listing.posts.last()) {
                (Some(first), Some(last)) => format!("{}..{}", first.slug, last.slug),
                _ => String::new(),
            };
            (first_last, listing.n_pages)
        });
        assert_eq!(
            got,
            expect.map(|(range, n)| (range.to_string(), n)),
            "{n_posts} posts, page {page_number}"
        );
    }

    #[test]
    fn pagination_bounds() {
        check_page(0, 1, Some(("", 1)));
        check_page(0, 2, None);
        check_page(25, 0, None);
        check_page(25, 1, Some(("p1..p10", 3)));
        check_page(25, 3, Some(("p21..p25", 3)));
        check_page(25, 4, None);
        check_page(20, 2, Some(("p11..p20", 2)));
        check_page(20, 3, None);
        check_page(25, u32::MAX, None);
    }

    #[test]
    fn newer_and_older_pages() {
        let manifest = manifest(25);
        let first = page(&manifest, 1).unwrap();
        assert_eq!((first.newer(), first.older()), (None, Some(2)));
        let last = page(&manifest, 3).unwrap();
        assert_eq!((last.newer(), last.older()), (Some(2), None));
    }

    #[test]
    fn term_listings_paginate_with_any_page_size() {
        let manifest = manifest(25);
        let listing = tagged(&manifest, "go").unwrap();
        assert_eq!(listing.posts.len(), 8);
        let second = listing.page(2, 3).unwrap();
        assert_eq!(slugs(&second.posts), ["p12", "p15", "p18"]);
        assert_eq!((second.page, second.n_pages), (2, 3));
        assert_eq!(slugs(&listing.page(3, 3).unwrap().posts), ["p21", "p24"]);
        assert_eq!(listing.page(4, 3), None);
        assert_eq!(listing.page(0, 3), None);
        // A size of 0 never divides by zero: it is one post a page.
        assert_eq!(listing.page(8, 0).map(|l| l.n_pages), Some(8));
    }

    #[test]
    fn a_tag_listing_narrows_by_category_and_the_reverse() {
        let manifest = manifest(12);
        let go = tagged(&manifest, "go").unwrap();
        assert_eq!(slugs(&go.posts), ["p3", "p6", "p9", "p12"]);
        let facets: Vec<(String, usize)> = go
            .categories()
            .into_iter()
            .map(|t| (t.term.slug, t.count))
            .collect();
        assert_eq!(
            facets,
            [("backend".to_string(), 2), ("web-design".to_string(), 2)]
        );
        let narrowed = go.in_category("Web%20%26%20Design");
        assert_eq!(
            (narrowed.term.name.as_str(), slugs(&narrowed.posts)),
            ("Go", vec!["p3", "p9"])
        );
        assert!(go.in_category("nope").posts.is_empty());
        let backend = in_category(&manifest, "backend").unwrap();
        let tags: Vec<String> = backend.tags().into_iter().map(|t| t.term.slug).collect();
        assert_eq!(tags, ["ci-cd", "go", "grosse"]);
        assert_eq!(slugs(&backend.tagged("go").posts), ["p6", "p12"]);
    }

    #[test]
    fn the_site_page_size_sets_the_main_listing() {
        let mut manifest = manifest(25);
        manifest.site.page_size = 7;
        let last = page(&manifest, 4).unwrap();
        assert_eq!(
            (slugs(&last.posts), last.n_pages),
            (vec!["p22", "p23", "p24", "p25"], 4)
        );
    }

    #[track_caller]
    fn check_pager(page: u32, n_pages: u32, expect: &str) {
        let listing = Listing {
            posts: Vec::new(),
            page,
            n_pages,
        };
        let got: Vec<String> = listing
            .pager_items()
            .iter()
            .map(|item| match item {
                PagerItem::Page(n) => n.to_string(),
                PagerItem::Current(n) => format!("[{n}]"),
                PagerItem::Gap => "…".to_string(),
            })
            .collect();
        assert_eq!(got.join(" "), expect, "page {page} of {n_pages}");
    }

    #[test]
    fn numbered_pager_shows_ends_neighbours_and_gaps() {
        check_pager(1, 1, "");
        check_pager(1, 2, "[1] 2");
        check_pager(1, 5, "[1] 2 3 4 5");
        check_pager(1, 1000, "[1] 2 3 … 1000");
        check_pager(500, 1000, "1 … 498 499 [500] 501 502 … 1000");
        check_pager(1000, 1000, "1 … 998 999 [1000]");
        // A gap of one page shows the page instead of "…".
        check_pager(5, 9, "1 2 3 4 [5] 6 7 8 9");
        check_pager(4, 10, "1 2 3 [4] 5 6 … 10");
    }

    #[test]
    fn page_numbers_from_the_url() {
        assert_eq!(page_number(None), Some(1));
        assert_eq!(page_number(Some("3")), Some(3));
        assert_eq!(page_number(Some("x")), None);
        for (text, expect) in [
            ("2", Some(2)),
            ("10", Some(10)),
            ("0", Some(0)),
            ("", None),
            ("-1", None),
            ("+2", None),
            ("2x", None),
            ("99999999999", None),
        ] {
            assert_eq!(parse_page_number(text), expect, "{text:?}");
        }
    }

    #[test]
    fn tag_listing_matches_any_spelling_of_the_tag() {
        let manifest = manifest(7);
        let listing = tagged(&manifest, "ci-cd").unwrap();
        assert_eq!(listing.term.name, "CI/CD");
        assert_eq!(slugs(&listing.posts), ["p1", "p3", "p4", "p6", "p7"]);
        assert_eq!(tagged(&manifest, "CI%2FCD").unwrap().posts.len(), 5);
        assert_eq!(
            slugs(&tagged(&manifest, "gr%C3%B6%C3%9Fe").unwrap().posts),
            ["p2", "p5"]
        );
        assert_eq!(
            slugs(&tagged(&manifest, "grosse").unwrap().posts),
            ["p2", "p5"]
        );
        assert_eq!(tagged(&manifest, "rust"), None);
        assert_eq!(tagged(&manifest, ""), None);
    }

    #[test]
    fn category_listing() {
        let manifest = manifest(5);
        let listing = in_category(&manifest, "web-design").unwrap();
        assert_eq!(listing.term.name, "Web & Design");
        assert_eq!(slugs(&listing.posts), ["p1", "p3", "p5"]);
        assert_eq!(in_category(&manifest, "go"), None);
    }

    #[test]
    fn term_lists_have_counts_and_are_sorted_by_name() {
        let manifest = manifest(7);
        let got: Vec<(String, usize)> = tags(&manifest)
            .into_iter()
            .map(|t| (t.term.name, t.count))
            .collect();
        assert_eq!(
            got,
            [
                ("CI/CD".to_string(), 5),
                ("Go".to_string(), 2),
                ("Größe".to_string(), 2)
            ]
        );
        let got: Vec<(String, usize)> = categories(&manifest)
            .into_iter()
            .map(|t| (t.term.slug, t.count))
            .collect();
        assert_eq!(
            got,
            [("backend".to_string(), 3), ("web-design".to_string(), 4)]
        );
        assert!(tags(&self::manifest(0)).is_empty());
    }

    #[test]
    fn labels_and_titles() {
        assert_eq!(
            document_title(Some("Tag: Go"), "Field Notes"),
            "Tag: Go · Field Notes"
        );
        assert_eq!(document_title(None, "Field Notes"), "Field Notes");
        assert_eq!(document_title(Some(""), "Field Notes"), "Field Notes");
    }
}

/// One month of the archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveMonth {
    /// 1 to 12.
    pub month: u8,
    /// Its posts, newest first.
    pub posts: Vec<Arc<Post>>,
}

/// One year of the archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveYear {
    /// The year.
    pub year: u16,
    /// How many posts it has.
    pub count: usize,
    /// Its months, newest first.
    pub months: Vec<ArchiveMonth>,
}

/// Every post grouped by year and month, newest first.
pub fn archive_by_year(manifest: &Manifest) -> Vec<ArchiveYear> {
    let mut years: Vec<ArchiveYear> = Vec::new();
    for post in &manifest.posts {
        let (year, month) = (post.date.year(), post.date.month());
        if years.last().is_none_or(|last| last.year != year) {
            years.push(ArchiveYear {
                year,
                count: 0,
                months: Vec::new(),
            });
        }
        let Some(current) = years.last_mut() else {
            continue;
        };
        current.count += 1;
        if current.months.last().is_none_or(|last| last.month != month) {
            current.months.push(ArchiveMonth {
                month,
                posts: Vec::new(),
            });
        }
        if let Some(current_month) = current.months.last_mut() {
            current_month.posts.push(Arc::clone(post));
        }
    }
    years
}

/// A part of a text, marked when it matched the search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// The text.
    pub text: String,
    /// Whether it is a match, to be highlighted.
    pub is_match: bool,
}

/// A post that matches a search, with its title and summary cut into highlighted parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The post.
    pub post: Arc<Post>,
    /// The title, in parts.
    pub title: Vec<Segment>,
    /// The summary, in parts (empty without a summary).
    pub summary: Vec<Segment>,
}

/// The words of a search, lowercased. Text without spaces (Chinese, Japanese) is one word
/// that matches as a substring, so it needs no word boundaries.
pub fn search_terms(query: &str) -> Vec<String> {
    let mut terms: Vec<String> = query
        .split_whitespace()
        .map(lowercase)
        .filter(|t| !t.is_empty())
        .collect();
    terms.dedup();
    terms
}

/// How many results the search view shows at most.
pub const SEARCH_LIMIT: usize = 50;

/// The lowercased text of every post, built once per manifest so that each keystroke only
/// compares strings.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    entries: Vec<SearchEntry>,
    /// The posts' text, once the site's full-text index has loaded.
    text: Option<Arc<TextIndex>>,
}

#[derive(Debug, Clone)]
struct SearchEntry {
    post: Arc<Post>,
    title: String,
    terms: String,
    summary: String,
    /// The post's number in the full-text index, when it is there.
    body: Option<u32>,
}

/// The best hits of a search and how many posts matched in all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchResults {
    /// How many posts matched.
    pub total: usize,
    /// The best of them, highlighted, best first.
    pub hits: Vec<Hit>,
}

impl SearchIndex {
    /// The index of every post in the manifest.
    pub fn new(manifest: &Manifest) -> SearchIndex {
        let entries = manifest
            .posts
            .iter()
            .map(|post| SearchEntry {
                post: Arc::clone(post),
                title: lowercase(&post.title),
                terms: post
                    .tags
                    .iter()
                    .chain(&post.category)
                    .map(|term| lowercase(&term.name))
                    .collect::<Vec<_>>()
                    .join(" "),
                summary: lowercase(post.summary.as_deref().unwrap_or("")),
                body: None,
            })
            .collect();
        SearchIndex {
            entries,
            text: None,
        }
    }

    /// Adds the posts' text from the site's full-text index (`folio build`'s
    /// `search-index.json`, see [`crate::text_index`]); posts it
    /// does not know are searched without their text. Text matches rank below every other
    /// kind.
    pub fn add_text(&mut self, text: Arc<TextIndex>) {
        for entry in &mut self.entries {
            entry.body = text.number_of(entry.post.slug.as_str());
        }
        self.text = Some(text);
    }

    /// The posts matching every word of `query`: title matches rank above tag and
    /// category matches, then summary matches, then matches in the post text; equal scores
    /// stay newest first. Only the best `limit` are highlighted and returned.
    pub fn search(&self, query: &str, limit: usize) -> SearchResults {
        let terms = search_terms(query);
        if terms.is_empty() {
            return SearchResults {
                total: 0,
                hits: Vec::new(),
            };
        }
        // For each term, the posts whose text has it: one pass over the site's vocabulary.
        let in_text: Vec<Matches> = match &self.text {
            Some(text) => terms.iter().map(|term| text.matching(term)).collect(),
            None => Vec::new(),
        };
        let mut scored: Vec<(u32, &Arc<Post>)> = self
            .entries
            .iter()
            .filter_map(|entry| Some((entry.score(&terms, &in_text)?, &entry.post)))
            .collect();
        // Stable: equal scores keep newest-first order.
        crate::order::sort_stable_by(&mut scored, |a, b| b.0.cmp(&a.0));
        let hits = scored
            .iter()
            .take(limit)
            .map(|(_, post)| Hit {
                post: Arc::clone(post),
                title: highlight(&post.title, &terms),
                summary: post
                    .summary
                    .as_deref()
                    .map(|summary| highlight(summary, &terms))
                    .unwrap_or_default(),
            })
            .collect();
        SearchResults {
            total: scored.len(),
            hits,
        }
    }
}

impl SearchEntry {
    /// The post's score for `terms`, `None` unless every term matches somewhere;
    /// `in_text` holds the posts whose text has each term.
    fn score(&self, terms: &[String], in_text: &[Matches]) -> Option<u32> {
        terms.iter().zip(0..).try_fold(0, |score, (term, i)| {
            let weight = if self.title.contains(term.as_str()) {
                10
            } else if self.terms.contains(term.as_str()) {
                5
            } else if self.summary.contains(term.as_str()) {
                2
            } else if self.body.is_some_and(|number| {
                in_text
                    .get(i)
                    .is_some_and(|matches| matches.contains(number))
            }) {
                1
            } else {
                return None;
            };
            Some(score + weight)
        })
    }
}

/// `text` cut into parts, the parts that match a term (case-insensitively) marked.
pub fn highlight(text: &str, terms: &[String]) -> Vec<Segment> {
    let chars: Vec<char> = text.chars().collect();
    let folded: Vec<char> = chars.iter().map(|c| lowercase_char(*c)).collect();
    let mut marked = vec![false; chars.len()];
    for term in terms {
        let needle: Vec<char> = term.chars().map(lowercase_char).collect();
        if needle.is_empty() || needle.len() > folded.len() {
            continue;
        }
        for start in 0..=folded.len() - needle.len() {
            if folded[start..start + needle.len()] == needle[..] {
                marked[start..start + needle.len()]
                    .iter_mut()
                    .for_each(|m| *m = true);
            }
        }
    }
    let mut segments: Vec<Segment> = Vec::new();
    for (c, is_match) in chars.into_iter().zip(marked) {
        match segments.last_mut() {
            Some(last) if last.is_match == is_match => last.text.push(c),
            _ => segments.push(Segment {
                text: c.to_string(),
                is_match,
            }),
        }
    }
    segments
}

#[cfg(test)]
mod archive_and_search_tests {
    use super::*;
    use crate::manifest::{parse, Drafts, ParseOptions};

    fn site() -> Manifest {
        parse(
            r#"{"version":1,"site":{"title":"T"},"posts":[
            {"slug":"a","title":"Rust errors","date":"2024-07-02","file":"a.md","tags":["Rust"],"summary":"Handling failure."},
            {"slug":"b","title":"Go tips","date":"2024-07-20","file":"b.md","tags":["Go"],"summary":"Errors in Go are values."},
            {"slug":"c","title":"東京の夜","date":"2023-12-31","file":"c.md","category":"旅行","summary":"Rust meetup"},
            {"slug":"d","title":"Old","date":"2023-01-05","file":"d.md"}]}"#,
            &ParseOptions { drafts: Drafts::Hide },
        )
        .unwrap()
    }

    #[test]
    fn archive_groups_by_year_and_month_newest_first() {
        let archive = archive_by_year(&site());
        type Month<'a> = (u8, Vec<&'a str>);
        let shape: Vec<(u16, usize, Vec<Month>)> = archive
            .iter()
            .map(|year| {
                (
                    year.year,
                    year.count,
                    year.months
                        .iter()
                        .map(|m| (m.month, m.posts.iter().map(|p| p.slug.as_str()).collect()))
                        .collect(),
                )
            })
            .collect();
        assert_eq!(
            shape,
            [
                (2024, 2, vec![(7, vec!["b", "a"])]),
                (2023, 2, vec![(12, vec!["c"]), (1, vec!["d"])]),
            ]
        );
    }

    #[track_caller]
    fn check_search(query: &str, expect: &[&str]) {
        let hits = SearchIndex::new(&site()).search(query, usize::MAX).hits;
        let slugs: Vec<&str> = hits.iter().map(|hit| hit.post.slug.as_str()).collect();
        assert_eq!(slugs, expect, "query {query:?}");
    }

    #[test]
    fn the_full_text_index_finds_words_of_the_body_below_everything_else() {
        let text = TextIndex::new(&[
            ("d", "retries backoff jitter 東京タワー"),
            ("unknown", "jitter"),
            ("a", "errors everywhere"),
        ]);
        let mut index = SearchIndex::new(&site());
        index.add_text(Arc::new(text));
        let slugs_of = |query: &str| -> Vec<String> {
            index
                .search(query, 10)
                .hits
                .iter()
                .map(|hit| hit.post.slug.to_string())
                .collect()
        };
        assert_eq!(slugs_of("jitter"), ["d"]);
        assert_eq!(slugs_of("タワー"), ["d"]);
        // A title match outranks a body match, whatever the dates.
        assert_eq!(slugs_of("errors"), ["a", "b"]);
        assert_eq!(slugs_of("old jitter"), ["d"]);
        assert!(SearchIndex::new(&site())
            .search("jitter", 10)
            .hits
            .is_empty());
    }

    #[test]
    fn search_results_are_limited_but_counted() {
        let index = SearchIndex::new(&site());
        let results = index.search("e", 1);
        assert_eq!(results.total, 3);
        assert_eq!(results.hits.len(), 1);
        assert_eq!(results.hits[0].post.slug.as_str(), "a");
        assert_eq!(
            index.search("", 10),
            SearchResults {
                total: 0,
                hits: Vec::new()
            }
        );
    }

    #[test]
    fn search_ranks_titles_first_then_recency() {
        check_search("errors", &["a", "b"]);
        check_search("rust", &["a", "c"]);
        check_search("GO", &["b"]);
        check_search("go errors", &["b"]);
        check_search("東京", &["c"]);
        check_search("旅", &["c"]);
        check_search("nothing", &[]);
        check_search("   ", &[]);
    }

    #[test]
    fn highlighting_marks_every_match_case_insensitively() {
        let segments = highlight("Errors in Go are ERRORS", &search_terms("errors go"));
        let marked: Vec<(&str, bool)> = segments
            .iter()
            .map(|s| (s.text.as_str(), s.is_match))
            .collect();
        assert_eq!(
            marked,
            [
                ("Errors", true),
                (" in ", false),
                ("Go", true),
                (" are ", false),
                ("ERRORS", true)
            ]
        );
        let segments = highlight("東京の夜", &search_terms("京の"));
        assert_eq!(
            segments[1],
            Segment {
                text: "京の".into(),
                is_match: true
            }
        );
    }
}

/// The posts around one post: the next newer and the next older.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Neighbours {
    /// The next newer post.
    pub newer: Option<Arc<Post>>,
    /// The next older post.
    pub older: Option<Arc<Post>>,
}

/// The newer and older neighbours of the post `slug` in the listing.
pub fn neighbours(manifest: &Manifest, slug: &str) -> Neighbours {
    match manifest
        .posts
        .iter()
        .position(|post| post.slug.as_str() == slug)
    {
        Some(index) => neighbours_at(manifest, index),
        None => Neighbours::default(),
    }
}

/// [`neighbours`] of the post at `index` in `manifest.posts`.
pub fn neighbours_at(manifest: &Manifest, index: usize) -> Neighbours {
    Neighbours {
        newer: index
            .checked_sub(1)
            .and_then(|newer| manifest.posts.get(newer))
            .cloned(),
        older: manifest.posts.get(index + 1).cloned(),
    }
}

/// How many related posts a post page shows.
pub const RELATED_POSTS: usize = 3;

/// Up to `n` other posts that share the most tags with `post` (at least one), then newest.
pub fn related(manifest: &Manifest, post: &Post, n: usize) -> Vec<Arc<Post>> {
    let mut scored: Vec<(usize, &Arc<Post>)> = manifest
        .posts
        .iter()
        .filter(|other| other.slug != post.slug)
        .map(|other| {
            (
                other
                    .tags
                    .iter()
                    .filter(|tag| post.tags.iter().any(|mine| mine.slug == tag.slug))
                    .count(),
                other,
            )
        })
        .filter(|(shared, _)| *shared > 0)
        .collect();
    // Stable: equal counts keep newest-first order.
    crate::order::sort_stable_by(&mut scored, |a, b| b.0.cmp(&a.0));
    scored
        .into_iter()
        .take(n)
        .map(|(_, other)| Arc::clone(other))
        .collect()
}

/// [`related`] for every post of a large site at once (`folio build`): each tag's posts are
/// listed once, and a post's candidates are counted from its tags' lists, instead of
/// comparing it with every other post (quadratic: hours at 100,000 posts).
#[derive(Debug)]
pub struct RelatedIndex<'m> {
    manifest: &'m Manifest,
    /// For each post, in `manifest.posts` order, the ids of its tags (distinct).
    tags_of: Vec<Vec<usize>>,
    /// For each tag id, the indexes of its posts, newest first.
    posts_of: Vec<Vec<usize>>,
}

impl<'m> RelatedIndex<'m> {
    /// Indexes the tags of `manifest`'s posts.
    pub fn new(manifest: &'m Manifest) -> RelatedIndex<'m> {
        let mut ids: HashMap<&str, usize> = HashMap::new();
        let mut posts_of: Vec<Vec<usize>> = Vec::new();
        let mut tags_of = Vec::with_capacity(manifest.posts.len());
        for (index, post) in manifest.posts.iter().enumerate() {
            let mut mine: Vec<usize> = Vec::with_capacity(post.tags.len());
            for tag in &post.tags {
                let next = ids.len();
                let id = *ids.entry(tag.slug.as_str()).or_insert(next);
                if id == posts_of.len() {
                    posts_of.push(Vec::new());
                }
                if !mine.contains(&id) {
                    mine.push(id);
                    if let Some(list) = posts_of.get_mut(id) {
                        list.push(index);
                    }
                }
            }
            tags_of.push(mine);
        }
        RelatedIndex {
            manifest,
            tags_of,
            posts_of,
        }
    }

    /// [`related`] of every post, in `manifest.posts` order.
    pub fn all(&self, n: usize) -> Vec<Vec<Arc<Post>>> {
        let posts = &self.manifest.posts;
        // Shared tags per candidate, counted from the lists of one post's tags; only the
        // entries touched are reset for the next post.
        let mut shared: Vec<usize> = vec![0; posts.len()];
        let mut touched: Vec<usize> = Vec::new();
        let mut all = Vec::with_capacity(posts.len());
        for (index, mine) in self.tags_of.iter().enumerate() {
            for list in mine.iter().filter_map(|id| self.posts_of.get(*id)) {
                for &other in list.iter().filter(|other| **other != index) {
                    if let Some(count) = shared.get_mut(other) {
                        if *count == 0 {
                            touched.push(other);
                        }
                        *count += 1;
                    }
                }
            }
            // The best n: most shared first, then newest (a lower index), as `related`
            // orders them.
            let mut best: Vec<(usize, usize)> = Vec::with_capacity(n + 1);
            for &other in &touched {
                let key = (
                    std::cmp::Reverse(shared.get(other).copied().unwrap_or(0)),
                    other,
                );
                let at = best
                    .partition_point(|(count, index)| (std::cmp::Reverse(*count), *index) < key);
                if at < n {
                    best.insert(at, (key.0 .0, other));
                    best.truncate(n);
                }
            }
            for other in touched.drain(..) {
                if let Some(count) = shared.get_mut(other) {
                    *count = 0;
                }
            }
            all.push(
                best.into_iter()
                    .filter_map(|(_, other)| posts.get(other).cloned())
                    .collect(),
            );
        }
        all
    }
}

#[cfg(test)]
mod post_neighbourhood_tests {
    use super::*;
    use crate::manifest::{parse, Drafts, ParseOptions};

    fn site() -> Manifest {
        parse(
            r#"{"version":1,"site":{"title":"T"},"posts":[
            {"slug":"a","title":"A","date":"2024-05-01","file":"a.md","tags":["Rust","Wasm","Web"]},
            {"slug":"b","title":"B","date":"2024-04-01","file":"b.md","tags":["Rust"]},
            {"slug":"c","title":"C","date":"2024-03-01","file":"c.md","tags":["Wasm","Web"]},
            {"slug":"d","title":"D","date":"2024-02-01","file":"d.md","tags":["Go"]},
            {"slug":"e","title":"E","date":"2024-01-01","file":"e.md","tags":["rust"]}]}"#,
            &ParseOptions {
                drafts: Drafts::Hide,
            },
        )
        .unwrap()
    }

    fn slugs(posts: &[Arc<Post>]) -> Vec<&str> {
        posts.iter().map(|post| post.slug.as_str()).collect()
    }

    #[test]
    fn neighbours_in_listing_order() {
        let site = site();
        let first = neighbours(&site, "a");
        assert_eq!(
            (first.newer, first.older.map(|p| p.slug.to_string())),
            (None, Some("b".into()))
        );
        let middle = neighbours(&site, "c");
        assert_eq!(
            (
                middle.newer.map(|p| p.slug.to_string()),
                middle.older.map(|p| p.slug.to_string())
            ),
            (Some("b".into()), Some("d".into()))
        );
        assert_eq!(neighbours(&site, "e").older, None);
        assert_eq!(neighbours(&site, "nope"), Neighbours::default());
    }

    #[test]
    fn the_related_index_agrees_with_related_for_every_post() {
        let site = site();
        let all = RelatedIndex::new(&site).all(3);
        for (post, found) in site.posts.iter().zip(&all) {
            assert_eq!(
                slugs(found),
                slugs(&related(&site, post, 3)),
                "{}",
                post.slug
            );
        }
        let big = super::tests::manifest(50);
        let all = RelatedIndex::new(&big).all(RELATED_POSTS);
        for (post, found) in big.posts.iter().zip(&all) {
            assert_eq!(slugs(found), slugs(&related(&big, post, RELATED_POSTS)));
        }
        assert_eq!(
            neighbours_at(&site, 1)
                .older
                .map(|p| p.slug.as_str().to_string()),
            Some("c".into())
        );
    }

    #[test]
    fn related_posts_share_the_most_tags() {
        let site = site();
        let a = site.post("a").unwrap();
        assert_eq!(slugs(&related(&site, a, 3)), ["c", "b", "e"]);
        assert_eq!(slugs(&related(&site, a, 1)), ["c"]);
        assert!(related(&site, site.post("d").unwrap(), 3).is_empty());
    }
}
