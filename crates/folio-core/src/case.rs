//! Lowercasing: the one place folio-core folds case (slugs, search, sorting terms).
//!
//! Unicode's case tables cost the reader about 11 KB of gzipped WebAssembly, and every
//! browser has them already. With the `unicode-case` feature (the default: the CLI and the
//! render worker) non-ASCII text is lowercased by the standard library. Without it (the
//! reader app) it is lowercased by the function the host registers with [`set_lowercase`]:
//! the app gives JavaScript's `toLowerCase`, the same Unicode default case mapping, so a
//! name gets the same slug in the app as in `folio build`. ASCII never leaves Rust.

use std::sync::OnceLock;

/// The host's lowercasing of non-ASCII text.
static HOST_LOWERCASE: OnceLock<fn(&str) -> String> = OnceLock::new();

/// Registers how non-ASCII text is lowercased when folio-core is built without its own
/// Unicode tables (the `unicode-case` feature). The first registration wins; with the
/// feature it is not needed and not used.
pub fn set_lowercase(lowercase: fn(&str) -> String) {
    let _ = HOST_LOWERCASE.set(lowercase);
}

/// `text` in lowercase, as `str::to_lowercase` gives it.
pub fn lowercase(text: &str) -> String {
    if text.is_ascii() {
        text.to_ascii_lowercase()
    } else {
        non_ascii(text)
    }
}

/// Appends the lowercase of `c` to `out` (one or more characters, as `char::to_lowercase`
/// gives them): for building text a character at a time, ASCII without an allocation.
pub fn push_lowercase(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        out.push_str(&non_ascii(c.encode_utf8(&mut [0; 4])));
    }
}

/// The lowercase of `c`, one character for one (a character whose lowercase is longer,
/// `İ` alone, gives the first): for matching text character by character.
pub fn lowercase_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut buffer = [0; 4];
    non_ascii(c.encode_utf8(&mut buffer))
        .chars()
        .next()
        .unwrap_or(c)
}

#[cfg(feature = "unicode-case")]
fn non_ascii(text: &str) -> String {
    text.to_lowercase()
}

/// Without the tables and before a host registered its function: ASCII letters only.
/// (Unit tests of such a build use the standard library's; the app's component tests check
/// the browser's.)
#[cfg(not(feature = "unicode-case"))]
fn non_ascii(text: &str) -> String {
    match HOST_LOWERCASE.get() {
        Some(lowercase) => lowercase(text),
        None if cfg!(test) => text.to_lowercase(),
        None => text.to_ascii_lowercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercases_like_the_standard_library() {
        for text in [
            "CI/CD",
            "Größe ÄÖÜ",
            "ΣΟΦΊΑ ΟΔΟΣ",
            "Привет",
            "東京 Tokyo",
            "İstanbul",
            "",
        ] {
            assert_eq!(lowercase(text), text.to_lowercase(), "{text}");
        }
        assert_eq!(lowercase_char('Ä'), 'ä');
        assert_eq!(lowercase_char('Q'), 'q');
        assert_eq!(lowercase_char('東'), '東');
        assert_eq!(lowercase_char('İ'), 'i');
        let mut out = String::new();
        for c in "AbÄİ東".chars() {
            push_lowercase(&mut out, c);
        }
        assert_eq!(out, "abäi\u{307}東");
    }
}
