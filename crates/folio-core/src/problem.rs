//! Problems found in a manifest that still loaded: each with its JSON path and, when known,
//! the slug of the post it belongs to.

use std::fmt;

use crate::manifest::{DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE};

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The reader ignores it (an unknown field); `folio check` prints it and still passes.
    Warning,
    /// The post it belongs to is skipped; `folio check` fails.
    Error,
}

/// What is wrong. The Display text completes the sentence that starts with the JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// A required field is absent.
    Missing,
    /// A field holds the wrong JSON type.
    WrongType {
        /// What the contract wants, "a string".
        expected: &'static str,
        /// What the manifest has, "a number".
        found: &'static str,
    },
    /// A string field that must have text is empty.
    Empty,
    /// `date` or `updated` is not `YYYY-MM-DD` or RFC 3339.
    BadDate(String),
    /// A post slug with characters the contract does not allow.
    BadSlug(String),
    /// The same slug as an earlier post.
    DuplicateSlug {
        /// Where the earlier post is: `posts[3]` in the same list, or "the post in
        /// posts/x.md" when a chunk repeats the slug of a post read before it.
        first: String,
    },
    /// `file` or `cover` is not a path inside the site.
    BadPath(String),
    /// `reading_minutes` is not a positive whole number.
    BadMinutes,
    /// A field the contract does not define; ignored.
    UnknownField,
    /// `base_url` without a scheme and host.
    NotAbsolute(String),
    /// `page_size` is not a whole number from 1 to 100.
    BadPageSize,
    /// A chunk of a large site's posts could not be loaded (the reason).
    ChunkUnavailable(String),
    /// A setting whose value has the wrong form.
    BadSetting {
        /// The value found.
        value: String,
        /// What it should be.
        expected: &'static str,
    },
    /// A `site.language` Folio has no words for (the site's own text is unaffected).
    UnknownLanguage {
        /// The tag found.
        tag: String,
    },
    /// A setting with a value it does not know.
    BadChoice {
        /// The value found.
        value: String,
        /// The values allowed.
        choices: String,
    },
}

/// One problem in a manifest, with its location.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// JSON path, such as `posts[3].date` or `site.title`.
    pub path: String,
    /// The slug of the post the problem belongs to, when the post has one.
    pub slug: Option<String>,
    /// Whether the post is skipped.
    pub severity: Severity,
    /// What is wrong.
    pub kind: ProblemKind,
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProblemKind::Missing => write!(f, "is missing; it is required"),
            ProblemKind::WrongType { expected, found } => {
                write!(f, "must be {expected}, not {found}")
            }
            ProblemKind::Empty => write!(f, "is empty"),
            ProblemKind::BadDate(value) => write!(
                f,
                "{value:?} is not a date; use YYYY-MM-DD or an RFC 3339 date-time"
            ),
            ProblemKind::BadSlug(value) => write!(
                f,
                "{value:?} is not a valid slug; use lowercase letters, digits and -"
            ),
            ProblemKind::DuplicateSlug { first } => {
                write!(f, "the slug is already used by {first}")
            }
            ProblemKind::BadPath(value) => write!(
                f,
                "{value:?} is not a path inside the site; use a relative path such as posts/hello.md"
            ),
            ProblemKind::BadMinutes => write!(f, "must be a whole number of minutes, 1 or more"),
            ProblemKind::NotAbsolute(value) => write!(f, "{value:?} is not an absolute URL; use one such as https://example.org/blog/"),
            ProblemKind::UnknownField => write!(f, "is not a known field and is ignored"),
            ProblemKind::ChunkUnavailable(reason) => {
                write!(f, "its posts are missing: {reason}")
            }
            ProblemKind::BadSetting { value, expected } => {
                write!(f, "{value:?} is not {expected}")
            }
            ProblemKind::UnknownLanguage { tag } => write!(
                f,
                "Folio has no translation for {tag:?} (it has en, de, fr, es, ja, zh, ar and he); its own words will be English"
            ),
            ProblemKind::BadPageSize => write!(
                f,
                "must be a whole number from 1 to {MAX_PAGE_SIZE}; using {DEFAULT_PAGE_SIZE}"
            ),
            ProblemKind::BadChoice { value, choices } => {
                let default = choices.split(" or ").next().unwrap_or_default();
                write!(f, "{value:?} is not one of {choices}; using {default}")
            }
        }
    }
}

impl fmt::Display for Problem {
    /// `posts[3].date (slug "go-tips"): "2024-13-01" is not a date; use YYYY-MM-DD ...`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.path)?;
        if let Some(slug) = &self.slug {
            write!(f, " (slug {slug:?})")?;
        }
        write!(f, ": {}", self.kind)
    }
}
