//! Slugs: the validated post slug, and the URL form of tag and category names.

use std::fmt;

/// A post slug as the contract allows it: non-empty, lowercase ASCII letters, digits and `-`.
/// The only constructor is [`Slug::parse`], so every `Slug` is safe in a URL path.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Slug(String);

impl Slug {
    /// Accepts `text` when it is a valid post slug.
    pub fn parse(text: &str) -> Option<Slug> {
        let is_valid = !text.is_empty()
            && text
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        is_valid.then(|| Slug(text.to_string()))
    }

    /// The slug text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A post slug made from a title or file name: [`slugify`], keeping only ASCII letters and
/// digits (a post slug must be ASCII). `None` when nothing is left, as for a title in
/// Chinese: the author then gives a `slug` in the front matter.
pub fn post_slug_from(text: &str) -> Option<Slug> {
    let folded = slugify(text);
    let mut slug = String::with_capacity(folded.len());
    for part in folded.split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit())) {
        if part.is_empty() {
            continue;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(part);
    }
    // A name with no letters or digits slugifies to code points (`u1f680`); not a title.
    if slug.is_empty() || !text.chars().any(char::is_alphanumeric) {
        return None;
    }
    Slug::parse(&slug)
}

/// The URL form of a tag or category name, per the contract: lowercase, every run of
/// non-alphanumerics folded to one `-`, never empty.
///
/// - Latin letters with diacritics are transliterated (`Größe` → `grosse`, `Café` → `cafe`);
///   other letters (CJK, Cyrillic, Greek, ...) are kept, lowercased.
/// - `+` and a `#` that follows a letter are spelled out, so `C++`, `C#` and `C` stay three
///   tags (`c-plus-plus`, `c-sharp`, `c`) instead of folding into one.
/// - A name with no letters or digits (emoji only, say) becomes its code points in hex
///   (`🚀` → `u1f680`), so it still has a stable, non-empty URL.
///
/// Slugifying a slug returns it unchanged, so route parameters can be passed through here.
pub fn slugify(name: &str) -> String {
    let mut slug = String::with_capacity(name.len());
    let mut pending_dash = false;
    let mut previous_was_alphanumeric = false;
    for c in name.chars() {
        let spelled: Option<&str> = match c {
            '+' => Some("plus"),
            '#' if previous_was_alphanumeric => Some("sharp"),
            _ => None,
        };
        if let Some(word) = spelled {
            push_word(&mut slug, word, true);
            pending_dash = true;
            previous_was_alphanumeric = false;
            continue;
        }
        if c.is_alphanumeric() {
            if pending_dash && !slug.is_empty() {
                slug.push('-');
            }
            pending_dash = false;
            match transliterate(c) {
                Some(ascii) => slug.push_str(ascii),
                None => push_folded(&mut slug, c),
            }
            previous_was_alphanumeric = true;
        } else {
            pending_dash = true;
            previous_was_alphanumeric = false;
        }
    }
    if slug.is_empty() {
        return code_point_slug(name);
    }
    slug
}

/// The lowercase of `c`, itself folded as a slug folds it, so that a slug folds to
/// itself: the Angstrom sign's lowercase is `å`, which becomes `a`, and the combining dot
/// of `İ`'s lowercase (`i̇`) is no letter, so it goes.
fn push_folded(slug: &mut String, c: char) {
    if c.is_ascii() {
        slug.push(c.to_ascii_lowercase());
        return;
    }
    let mut lower = String::new();
    crate::case::push_lowercase(&mut lower, c);
    for c in lower.chars() {
        match transliterate(c) {
            Some(ascii) => slug.push_str(ascii),
            None if c.is_alphanumeric() => slug.push(c),
            None => {}
        }
    }
}

fn push_word(slug: &mut String, word: &str, dash_before: bool) {
    if dash_before && !slug.is_empty() && !slug.ends_with('-') {
        slug.push('-');
    }
    slug.push_str(word);
}

/// `u1f680-u2764` for a name without letters or digits; `untitled` for an empty one.
fn code_point_slug(name: &str) -> String {
    let parts: Vec<String> = name
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .map(|c| format!("u{:x}", u32::from(c)))
        .collect();
    if parts.is_empty() {
        "untitled".to_string()
    } else {
        parts.join("-")
    }
}

/// ASCII spelling of common Latin letters with diacritics (as deunicode would spell them),
/// without pulling its tables into the wasm.
fn transliterate(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å'
        | 'Ā' | 'Ă' | 'Ą' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' | 'Ç' | 'Ć' | 'Č' | 'Ĉ' | 'Ċ' => "c",
        'ď' | 'đ' | 'ð' | 'Ď' | 'Đ' | 'Ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ĕ'
        | 'Ė' | 'Ę' | 'Ě' => "e",
        'ğ' | 'ĝ' | 'ġ' | 'ģ' | 'Ğ' | 'Ĝ' | 'Ġ' | 'Ģ' => "g",
        'ĥ' | 'ħ' | 'Ĥ' | 'Ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ĩ' | 'Ī'
        | 'Ĭ' | 'Į' | 'İ' => "i",
        'ĵ' | 'Ĵ' => "j",
        'ķ' | 'Ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' | 'Ĺ' | 'Ļ' | 'Ľ' | 'Ŀ' | 'Ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' | 'Ñ' | 'Ń' | 'Ņ' | 'Ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø'
        | 'Ō' | 'Ŏ' | 'Ő' => "o",
        'œ' | 'Œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' | 'Ŕ' | 'Ŗ' | 'Ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' | 'Ś' | 'Ŝ' | 'Ş' | 'Š' | 'Ș' => "s",
        'ß' | 'ẞ' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' | 'Ţ' | 'Ť' | 'Ŧ' | 'Ț' => "t",
        'þ' | 'Þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ũ'
        | 'Ū' | 'Ŭ' | 'Ů' | 'Ű' | 'Ų' => "u",
        'ŵ' | 'Ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' | 'Ý' | 'Ÿ' | 'Ŷ' => "y",
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => "z",
        _ => return None,
    })
}

/// Decodes `%XX` escapes in a URL path segment (a stray `%` stays as it is). Browsers
/// percent-encode non-ASCII slugs such as `größe` or `東京`. Escapes that do not decode to
/// UTF-8 (`%FF`) leave the whole text as it was: no slug or file has that name, and the
/// reader then sees the address they typed rather than replacement characters (the
/// browser's own `decodeURIComponent` refuses such text too).
pub fn percent_decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_string();
    }
    let hex = |byte: Option<&u8>| byte.and_then(|&byte| char::from(byte).to_digit(16));
    let mut decoded = Vec::with_capacity(text.len());
    let mut rest = text.as_bytes();
    while let [first, tail @ ..] = rest {
        match (first, hex(tail.first()), hex(tail.get(1))) {
            (b'%', Some(high), Some(low)) => {
                // Two hex digits: at most 255.
                decoded.push((high * 16 + low) as u8);
                rest = tail.get(2..).unwrap_or_default();
            }
            _ => {
                decoded.push(*first);
                rest = tail;
            }
        }
    }
    String::from_utf8(decoded).unwrap_or_else(|_| text.to_string())
}

/// Percent-encodes everything but unreserved characters, for query values such as `?q=`.
pub fn percent_encode(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn can_slugify_names() {
        let cases = [
            ("Go", "go"),
            ("CI/CD", "ci-cd"),
            ("DevOps & Infrastructure", "devops-infrastructure"),
            ("Größe", "grosse"),
            ("Café Culture", "cafe-culture"),
            ("  Distributed   Systems ", "distributed-systems"),
            ("#backend", "backend"),
            ("C++", "c-plus-plus"),
            ("C#", "c-sharp"),
            ("C", "c"),
            ("Node.js", "node-js"),
            ("東京", "東京"),
            ("Москва", "москва"),
            ("🚀", "u1f680"),
            ("🚀 ❤", "u1f680-u2764"),
            ("", "untitled"),
            ("   ", "untitled"),
            ("---", "u2d-u2d-u2d"),
            ("rust-2024", "rust-2024"),
            ("ÆSIR", "aesir"),
        ];
        for (name, expect) in cases {
            assert_eq!(slugify(name), expect, "name: {name:?}");
        }
    }

    #[test]
    fn slugify_is_idempotent() {
        for name in [
            "CI/CD",
            "Größe",
            "C++",
            "C#",
            "🚀",
            "東京",
            "DevOps & Infrastructure",
            // Letters whose lowercase folds further (found by the property test).
            "\u{212B}ngström",
            "İstanbul",
        ] {
            let once = slugify(name);
            assert_eq!(slugify(&once), once, "name: {name:?}");
        }
    }

    #[test]
    fn names_that_fold_together_share_a_slug() {
        assert_eq!(slugify("CI/CD"), slugify("ci-cd"));
        assert_eq!(slugify("\u{212B}ngström"), slugify("Ångström"));
        assert_eq!(slugify("Machine Learning"), slugify("machine_learning"));
    }

    #[test]
    fn post_slugs_are_strict() {
        assert_eq!(
            Slug::parse("go-tips-2").map(|s| s.to_string()),
            Some("go-tips-2".into())
        );
        for bad in ["", "Go", "go tips", "go_tips", "göe", "a/b", "../x"] {
            assert_eq!(Slug::parse(bad), None, "slug: {bad:?}");
        }
    }

    #[test]
    fn post_slugs_from_titles() {
        for (title, expect) in [
            ("Hello, World!", Some("hello-world")),
            ("Größe & Café: 2024", Some("grosse-cafe-2024")),
            ("Rust 東京 meetup", Some("rust-meetup")),
            ("東京", None),
            ("🚀", None),
            ("C++ tips", Some("c-plus-plus-tips")),
        ] {
            assert_eq!(
                post_slug_from(title).map(|s| s.to_string()).as_deref(),
                expect,
                "{title:?}"
            );
        }
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("gr%C3%B6%C3%9Fe"), "größe");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%41"), "%zzA");
        assert_eq!(percent_decode("%FF"), "%FF");
        assert_eq!(percent_decode("caf%C3%A9%FF"), "caf%C3%A9%FF");
        assert_eq!(percent_decode("%4"), "%4");
        assert_eq!(percent_decode("%e6%9d%b1%E4%BA%AC"), "東京");
        assert_eq!(percent_encode("rust & go/ü"), "rust%20%26%20go%2F%C3%BC");
        assert_eq!(percent_decode(&percent_encode("a b ü")), "a b ü");
    }
}
