//! Problems found in a manifest that still loaded: each with its JSON path and, when known,
//! the slug of the post it belongs to.

use std::fmt;

use crate::manifest::{DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE};

/// `text` in double quotes for a message, as a person would type it in JSON or front
/// matter: `"`, `\\` and control characters escaped (`\n`, `\t`, `\u{1b}`), and so are
/// the invisible ones that make two equal-looking values differ (zero-width spaces and
/// joiners, direction marks, the soft hyphen, the byte order mark), which are what a
/// reader of "is not a valid slug" needs to see. Everything else is written as it is.
///
/// Not `{:?}`: Rust's `Debug` quoting brings Unicode's printable and grapheme tables,
/// about 3 KB of the reader's download, to escape what a message never needs escaped.
#[derive(Debug, Clone, Copy)]
pub struct Quoted<'a>(pub &'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"")?;
        let mut plain = 0;
        for (at, c) in self.0.char_indices() {
            let escaped: Option<&str> = match c {
                '"' => Some("\\\""),
                '\\' => Some("\\\\"),
                '\n' => Some("\\n"),
                '\r' => Some("\\r"),
                '\t' => Some("\\t"),
                _ if !is_invisible(c) => continue,
                _ => None,
            };
            f.write_str(&self.0[plain..at])?;
            match escaped {
                Some(text) => f.write_str(text)?,
                None => write!(f, "\\u{{{:x}}}", u32::from(c))?,
            }
            plain = at + c.len_utf8();
        }
        f.write_str(&self.0[plain..])?;
        f.write_str("\"")
    }
}

/// Characters a message shows as `\u{...}`: controls, and the format characters people
/// paste without seeing them.
fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{ad}'
                | '\u{34f}'
                | '\u{61c}'
                | '\u{180e}'
                | '\u{200b}'..='\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{206f}'
                | '\u{feff}'
                | '\u{fff9}'..='\u{fffb}'
        )
}

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
                "{} is not a date; use YYYY-MM-DD or an RFC 3339 date-time",
                Quoted(value)
            ),
            ProblemKind::BadSlug(value) => write!(
                f,
                "{} is not a valid slug; use lowercase letters, digits and -",
                Quoted(value)
            ),
            ProblemKind::DuplicateSlug { first } => {
                write!(f, "the slug is already used by {first}")
            }
            ProblemKind::BadPath(value) => write!(
                f,
                "{} is not a path inside the site; use a relative path such as posts/hello.md",
                Quoted(value)
            ),
            ProblemKind::BadMinutes => write!(f, "must be a whole number of minutes, 1 or more"),
            ProblemKind::NotAbsolute(value) => write!(f, "{} is not an absolute URL; use one such as https://example.org/blog/", Quoted(value)),
            ProblemKind::UnknownField => write!(f, "is not a known field and is ignored"),
            ProblemKind::ChunkUnavailable(reason) => {
                write!(f, "its posts are missing: {reason}")
            }
            ProblemKind::BadSetting { value, expected } => {
                write!(f, "{} is not {expected}", Quoted(value))
            }
            ProblemKind::UnknownLanguage { tag } => write!(
                f,
                "Folio has no translation for {} (it has en, de, fr, es, ja, zh, ar and he); its own words will be English",
                Quoted(tag)
            ),
            ProblemKind::BadPageSize => write!(
                f,
                "must be a whole number from 1 to {MAX_PAGE_SIZE}; using {DEFAULT_PAGE_SIZE}"
            ),
            ProblemKind::BadChoice { value, choices } => {
                let default = choices.split(" or ").next().unwrap_or_default();
                write!(f, "{} is not one of {choices}; using {default}", Quoted(value))
            }
        }
    }
}

impl fmt::Display for Problem {
    /// `posts[3].date (slug "go-tips"): "2024-13-01" is not a date; use YYYY-MM-DD ...`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.path)?;
        if let Some(slug) = &self.slug {
            write!(f, " (slug {})", Quoted(slug))?;
        }
        write!(f, ": {}", self.kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> String {
        Quoted(text).to_string()
    }

    #[test]
    fn quoted_text_reads_as_typed() {
        assert_eq!(quoted("hello"), r#""hello""#);
        assert_eq!(quoted(""), r#""""#);
        assert_eq!(quoted("Größe 🦀 مرحبا"), "\"Größe 🦀 مرحبا\"");
        // A combining mark stays on its letter (Debug writes it as \u{301}).
        assert_eq!(quoted("e\u{301}"), "\"e\u{301}\"");
    }

    #[test]
    fn quoted_text_escapes_quotes_backslashes_and_controls() {
        assert_eq!(quoted(r#"say "hi""#), r#""say \"hi\"""#);
        assert_eq!(quoted(r"C:\posts"), r#""C:\\posts""#);
        assert_eq!(quoted("a\nb\tc\rd"), r#""a\nb\tc\rd""#);
        assert_eq!(quoted("\u{1b}[0m\u{7f}"), r#""\u{1b}[0m\u{7f}""#);
    }

    #[test]
    fn quoted_text_shows_invisible_characters() {
        assert_eq!(quoted("go\u{200b}lang"), r#""go\u{200b}lang""#);
        assert_eq!(quoted("\u{feff}2024-01-01"), r#""\u{feff}2024-01-01""#);
        assert_eq!(quoted("soft\u{ad}hyphen"), r#""soft\u{ad}hyphen""#);
        assert_eq!(quoted("\u{202e}txt.exe"), r#""\u{202e}txt.exe""#);
    }

    #[test]
    fn a_problem_names_its_path_slug_and_value() {
        let problem = Problem {
            path: "posts[3].date".into(),
            slug: Some("go-tips".into()),
            severity: Severity::Error,
            kind: ProblemKind::BadDate("2024-13-01".into()),
        };
        assert_eq!(
            problem.to_string(),
            r#"posts[3].date (slug "go-tips"): "2024-13-01" is not a date; use YYYY-MM-DD or an RFC 3339 date-time"#
        );
    }
}
