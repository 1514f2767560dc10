//! The stylesheet made smaller for `folio build`, which inlines it into every prerendered
//! page: comments and the whitespace that only lays the text out are dropped, nothing else
//! changes (no rule is rewritten, merged or reordered).

/// `css` without comments and layout whitespace: a run of whitespace (or a comment) becomes
/// one space, or none next to `{`, `}`, `;` and `,` and after `:`. A space before `:` is
/// kept (`a :hover` is not `a:hover`), as are the spaces around `+` and `-` (`calc()` needs
/// them) and every character of a string (`"…"`, `'…'`), escapes included.
pub fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut space = false;
    let mut rest = css;
    while let Some(c) = rest.chars().next() {
        if let Some(comment) = rest.strip_prefix("/*") {
            rest = comment.find("*/").map_or("", |end| &comment[end + 2..]);
            space = true;
            continue;
        }
        if c.is_whitespace() {
            rest = rest.trim_start();
            space = true;
            continue;
        }
        let after_tight = out
            .chars()
            .next_back()
            .is_none_or(|last| tight(last) || last == ':');
        if space && !after_tight && !tight(c) {
            out.push(' ');
        }
        space = false;
        if c == '"' || c == '\'' {
            let length = string_length(rest, c);
            out.push_str(&rest[..length]);
            rest = &rest[length..];
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// Whether `c` needs no space on either side of it.
fn tight(c: char) -> bool {
    matches!(c, '{' | '}' | ';' | ',')
}

/// The length in bytes of the string that opens `text` with `quote`, both quotes and its
/// escapes included; the whole text when the string is not closed.
fn string_length(text: &str, quote: char) -> usize {
    let mut escaped = false;
    for (at, c) in text.char_indices().skip(1) {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            _ if c == quote => return at + c.len_utf8(),
            _ => {}
        }
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_comments_and_layout_whitespace() {
        let css = "/* The header. */\n.site-header {\n  display: flex;\n  gap: 0.4rem 1.5rem;\n}\n\n/* Cards */\na, b > c { color: red }\n";
        assert_eq!(
            minify(css),
            ".site-header{display:flex;gap:0.4rem 1.5rem;}a,b > c{color:red}"
        );
    }

    #[test]
    fn keeps_what_whitespace_means() {
        // A descendant combinator before a pseudo-class, and calc()'s operators.
        assert_eq!(minify(".b :is(p) { x: y }"), ".b :is(p){x:y}");
        assert_eq!(
            minify("p { width: calc(100% - 2rem); margin: 0 auto !important; }"),
            "p{width:calc(100% - 2rem);margin:0 auto !important;}"
        );
        assert_eq!(
            minify("@media (min-width: 1200px) and (prefers-reduced-motion: reduce) {\n  a { b: c; }\n}"),
            "@media (min-width:1200px) and (prefers-reduced-motion:reduce){a{b:c;}}"
        );
        // Selectors keep their pseudo-elements and attribute values.
        assert_eq!(
            minify(".prose a[href^=\"http\"]::after { content: \" (\" attr(href) \")\"; }"),
            ".prose a[href^=\"http\"]::after{content:\" (\" attr(href) \")\";}"
        );
    }

    #[test]
    fn keeps_strings_exactly() {
        assert_eq!(
            minify(".a::before { content: \"←  /* not a comment */ \"; }"),
            ".a::before{content:\"←  /* not a comment */ \";}"
        );
        assert_eq!(
            minify(".a { content: 'it\\'s  {here}'; }"),
            ".a{content:'it\\'s  {here}';}"
        );
        assert_eq!(
            minify(".a { content: \"a\\\\\" }  b { }"),
            ".a{content:\"a\\\\\"}b{}"
        );
    }

    #[test]
    fn survives_unclosed_comments_and_strings() {
        assert_eq!(minify("a { b: c } /* never closed"), "a{b:c}");
        assert_eq!(
            minify("a { content: \"never closed  "),
            "a{content:\"never closed  "
        );
        assert_eq!(minify(""), "");
        assert_eq!(minify(" \n\t "), "");
    }

    #[test]
    fn is_idempotent_on_the_app_stylesheet() {
        let css = include_str!("../../../style/main.css");
        let once = minify(css);
        assert!(
            once.len() < css.len() * 4 / 5,
            "{} of {}",
            once.len(),
            css.len()
        );
        assert_eq!(minify(&once), once);
        // Every rule survives: as many blocks and declarations as before.
        let count = |text: &str, c: char| text.matches(c).count();
        let mut comments_free = css.to_string();
        while let Some(start) = comments_free.find("/*") {
            let end = comments_free[start..]
                .find("*/")
                .map_or(comments_free.len(), |end| start + end + 2);
            comments_free.replace_range(start..end, " ");
        }
        for c in ['{', '}', ':'] {
            assert_eq!(count(&once, c), count(&comments_free, c), "{c}");
        }
    }
}
