//! The allowlist for raw HTML in posts: the inline and block elements GitHub's renderer
//! allows, with their safe attributes. Everything else is shown as text. Raw HTML is read
//! as a stream of tags and text, never matched with regular expressions; allowed tags are
//! written back from what was parsed (names lowercased, values decoded, checked and
//! re-escaped), so what the browser parses is exactly what was checked. Elements left open
//! are closed before the end of the Markdown element they are in.

/// What raw HTML in posts may do (`site.raw_html`, a Folio extension of the contract).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RawHtml {
    /// The allowlist: safe elements and attributes, the rest as text. The default.
    Allowlist,
    /// Raw HTML as written, for authors who trust every post; links and images keep any
    /// scheme too.
    Trusted,
}

/// Elements that may appear, and whether they are void (no closing tag).
const ELEMENTS: &[(&str, bool)] = &[
    ("a", false),
    ("abbr", false),
    ("b", false),
    ("bdi", false),
    ("bdo", false),
    ("blockquote", false),
    ("br", true),
    ("caption", false),
    ("cite", false),
    ("code", false),
    ("col", true),
    ("colgroup", false),
    ("dd", false),
    ("del", false),
    ("details", false),
    ("dfn", false),
    ("div", false),
    ("dl", false),
    ("dt", false),
    ("em", false),
    ("figcaption", false),
    ("figure", false),
    ("h1", false),
    ("h2", false),
    ("h3", false),
    ("h4", false),
    ("h5", false),
    ("h6", false),
    ("hr", true),
    ("i", false),
    ("img", true),
    ("ins", false),
    ("kbd", false),
    ("li", false),
    ("mark", false),
    ("ol", false),
    ("p", false),
    ("pre", false),
    ("q", false),
    ("rp", false),
    ("rt", false),
    ("ruby", false),
    ("s", false),
    ("samp", false),
    ("small", false),
    ("span", false),
    ("strike", false),
    ("strong", false),
    ("sub", false),
    ("summary", false),
    ("sup", false),
    ("table", false),
    ("tbody", false),
    ("td", false),
    ("tfoot", false),
    ("th", false),
    ("thead", false),
    ("time", false),
    ("tr", false),
    ("tt", false),
    ("u", false),
    ("ul", false),
    ("var", false),
    ("wbr", true),
];

/// What an attribute's value must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Value {
    /// Any text (escaped on output).
    Text,
    /// A URL with an allowed scheme, or relative (resolved like Markdown links).
    Url,
    /// Digits only.
    Number,
    /// One of a few words.
    OneOf(&'static [&'static str]),
    /// No value (`open`).
    Flag,
}

/// Attributes any allowed element may have.
const GLOBAL_ATTRIBUTES: &[(&str, Value)] = &[
    ("title", Value::Text),
    ("lang", Value::Text),
    ("dir", Value::OneOf(&["ltr", "rtl", "auto"])),
];

/// Attributes of particular elements.
const ATTRIBUTES: &[(&str, &str, Value)] = &[
    ("a", "href", Value::Url),
    ("img", "src", Value::Url),
    ("img", "alt", Value::Text),
    ("img", "width", Value::Number),
    ("img", "height", Value::Number),
    ("img", "loading", Value::OneOf(&["lazy", "eager"])),
    ("abbr", "title", Value::Text),
    ("blockquote", "cite", Value::Url),
    ("q", "cite", Value::Url),
    ("del", "cite", Value::Url),
    ("ins", "cite", Value::Url),
    ("details", "open", Value::Flag),
    ("ol", "start", Value::Number),
    ("ol", "type", Value::OneOf(&["1", "a", "A", "i", "I"])),
    ("li", "value", Value::Number),
    ("td", "colspan", Value::Number),
    ("td", "rowspan", Value::Number),
    ("th", "colspan", Value::Number),
    ("th", "rowspan", Value::Number),
    ("td", "align", Value::OneOf(&["left", "center", "right"])),
    ("th", "align", Value::OneOf(&["left", "center", "right"])),
    ("time", "datetime", Value::Text),
];

/// Cleans raw HTML, keeping the elements it left open so they can be closed at the end of
/// the Markdown element they are in: unbalanced HTML in a post can never swallow the page
/// around it. A browser ends a raw `<div>` itself when it reaches the `</li>`, `</td>` or
/// `</blockquote>` around it, so a `</div>` written any later would close a wrapper of the
/// page instead.
#[derive(Debug, Default)]
pub struct Sanitizer {
    open: Vec<&'static str>,
    /// For each Markdown element being read, outermost first: where its raw elements start
    /// in `open`. Raw HTML closes nothing below the innermost one.
    scopes: Vec<usize>,
}

impl Sanitizer {
    /// Rewrites `raw` as safe HTML. `url` checks and resolves a URL attribute (`None`
    /// drops the attribute).
    pub fn clean(&mut self, raw: &str, url: &dyn Fn(&str) -> Option<String>) -> String {
        let mut out = String::with_capacity(raw.len() + 16);
        let mut rest = raw;
        while let Some(lt) = rest.find('<') {
            push_text(&mut out, &rest[..lt]);
            rest = &rest[lt..];
            if let Some(after) = rest.strip_prefix("<!--") {
                // Comments are invisible in any renderer; an unclosed one hides the rest of
                // this piece of HTML, as it would in a browser, and nothing more.
                rest = after.find("-->").map_or("", |end| &after[end + 3..]);
                continue;
            }
            match parse_tag(rest) {
                Some((tag, length)) => {
                    self.write_tag(&tag, &rest[..length], url, &mut out);
                    rest = &rest[length..];
                }
                None => {
                    out.push_str("&lt;");
                    rest = &rest[1..];
                }
            }
        }
        push_text(&mut out, rest);
        out
    }

    /// A Markdown element starts: raw HTML inside it can close only what it opens there.
    pub fn enter(&mut self) {
        self.scopes.push(self.open.len());
    }

    /// The Markdown element that [`Sanitizer::enter`] started ends: closing tags for the
    /// elements raw HTML opened in it and left open, innermost first.
    pub fn leave(&mut self) -> String {
        let start = self.scopes.pop().unwrap_or(0);
        self.close_from(start)
    }

    /// Closing tags for every element still open, innermost first.
    pub fn close_all(&mut self) -> String {
        self.scopes.clear();
        self.close_from(0)
    }

    fn close_from(&mut self, start: usize) -> String {
        let start = start.min(self.open.len());
        self.open
            .drain(start..)
            .rev()
            .map(|name| format!("</{name}>"))
            .collect()
    }

    fn write_tag(
        &mut self,
        tag: &Tag<'_>,
        source: &str,
        url: &dyn Fn(&str) -> Option<String>,
        out: &mut String,
    ) {
        let lower = tag.name.to_ascii_lowercase();
        let Some(&(name, is_void)) = ELEMENTS.iter().find(|(known, _)| *known == lower) else {
            push_text(out, source);
            return;
        };
        if tag.is_closing {
            let floor = self.scopes.last().copied().unwrap_or(0);
            let in_scope = self.open.get(floor..).unwrap_or_default();
            match in_scope.iter().rposition(|open| *open == name) {
                Some(index) => {
                    for open in self.open.drain(floor + index..).rev() {
                        out.push_str("</");
                        out.push_str(open);
                        out.push('>');
                    }
                }
                // A closing tag for something raw HTML did not open, or opened outside the
                // Markdown element being read (a paragraph, a list item), would break the
                // page's structure: show it instead.
                None if !is_void => push_text(out, source),
                None => {}
            }
            return;
        }
        out.push('<');
        out.push_str(name);
        for (attribute, value) in &tag.attributes {
            let attribute = attribute.to_ascii_lowercase();
            let rule = ATTRIBUTES
                .iter()
                .find(|(element, known, _)| *element == name && *known == attribute)
                .map(|(_, _, rule)| *rule)
                .or_else(|| {
                    GLOBAL_ATTRIBUTES
                        .iter()
                        .find(|(known, _)| *known == attribute)
                        .map(|(_, rule)| *rule)
                });
            let Some(rule) = rule else { continue };
            let decoded = value.as_deref().map(decode_entities);
            let checked = match (rule, decoded) {
                (Value::Flag, _) => {
                    out.push(' ');
                    out.push_str(&attribute);
                    continue;
                }
                (_, None) => continue,
                (Value::Text, Some(text)) => Some(text),
                (Value::Url, Some(text)) => url(&text),
                (Value::Number, Some(text)) => {
                    let text = text.trim().to_string();
                    (!text.is_empty()
                        && text.len() <= 6
                        && text.bytes().all(|b| b.is_ascii_digit()))
                    .then_some(text)
                }
                (Value::OneOf(choices), Some(text)) => choices
                    .contains(&text.trim())
                    .then(|| text.trim().to_string()),
            };
            if let Some(checked) = checked {
                out.push(' ');
                out.push_str(&attribute);
                out.push_str("=\"");
                push_attribute(out, &checked);
                out.push('"');
            }
        }
        if name == "img" {
            // Images load lazily unless the author said otherwise.
            if !tag
                .attributes
                .iter()
                .any(|(attribute, _)| attribute.eq_ignore_ascii_case("loading"))
            {
                out.push_str(" loading=\"lazy\"");
            }
        }
        out.push('>');
        if !is_void {
            self.open.push(name);
        }
    }
}

/// A parsed tag.
#[derive(Debug)]
struct Tag<'a> {
    name: &'a str,
    is_closing: bool,
    attributes: Vec<(&'a str, Option<String>)>,
}

/// Parses the tag at the start of `text` (which starts with `<`). Returns the tag and its
/// length, or `None` when this `<` does not start a tag (then it is text).
fn parse_tag(text: &str) -> Option<(Tag<'_>, usize)> {
    let bytes = text.as_bytes();
    let mut at = 1;
    let is_closing = bytes.get(at) == Some(&b'/');
    if is_closing {
        at += 1;
    }
    let name_start = at;
    if !bytes.get(at)?.is_ascii_alphabetic() {
        return None;
    }
    while bytes
        .get(at)
        .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'-')
    {
        at += 1;
    }
    let name = &text[name_start..at];
    let mut attributes = Vec::new();
    loop {
        while bytes
            .get(at)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'/')
        {
            at += 1;
        }
        match bytes.get(at)? {
            b'>' => {
                return Some((
                    Tag {
                        name,
                        is_closing,
                        attributes,
                    },
                    at + 1,
                ))
            }
            b'<' => return None,
            _ => {}
        }
        let attribute_start = at;
        while bytes
            .get(at)
            .is_some_and(|b| !b.is_ascii_whitespace() && !matches!(b, b'/' | b'>' | b'='))
        {
            at += 1;
        }
        let attribute = &text[attribute_start..at];
        while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
            at += 1;
        }
        let mut value = None;
        if bytes.get(at) == Some(&b'=') {
            at += 1;
            while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
                at += 1;
            }
            match bytes.get(at)? {
                quote @ (b'"' | b'\'') => {
                    let end = text[at + 1..].find(char::from(*quote))? + at + 1;
                    value = Some(text[at + 1..end].to_string());
                    at = end + 1;
                }
                _ => {
                    let start = at;
                    while bytes
                        .get(at)
                        .is_some_and(|b| !b.is_ascii_whitespace() && *b != b'>')
                    {
                        at += 1;
                    }
                    value = Some(text[start..at].to_string());
                }
            }
        }
        if !attribute.is_empty() {
            attributes.push((attribute, value));
        }
    }
}

/// Text between tags: `<`, `>` and `"` escaped; `&` kept when it starts an entity, so
/// `&copy;` still shows ©.
fn push_text(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(index) = rest.find(['<', '>', '"', '&']) {
        out.push_str(&rest[..index]);
        let tail = &rest[index..];
        match tail.as_bytes()[0] {
            b'<' => out.push_str("&lt;"),
            b'>' => out.push_str("&gt;"),
            b'"' => out.push_str("&quot;"),
            _ if starts_with_entity(tail) => out.push('&'),
            _ => out.push_str("&amp;"),
        }
        rest = &tail[1..];
    }
    out.push_str(rest);
}

/// `&name;`, `&#123;` or `&#x1F;` at the start of `text`.
fn starts_with_entity(text: &str) -> bool {
    let body = &text[1..];
    let end = body.find(';').filter(|end| *end > 0 && *end <= 32);
    end.is_some_and(|end| {
        let name = &body[..end];
        match name.strip_prefix('#') {
            Some(number) => {
                let digits = number.strip_prefix(['x', 'X']).unwrap_or(number);
                !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_hexdigit())
            }
            None => name.bytes().all(|b| b.is_ascii_alphanumeric()),
        }
    })
}

/// An attribute value, escaped for double quotes.
fn push_attribute(out: &mut String, value: &str) {
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}

/// Decodes the character references a browser decodes in an attribute value before using
/// it: numeric ones (with or without `;`) and the named ones attacks use to hide a scheme.
/// Unknown names stay as written, which can only make a URL fail the scheme check.
pub fn decode_entities(value: &str) -> String {
    let mut decoded = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(index) = rest.find('&') {
        decoded.push_str(&rest[..index]);
        rest = &rest[index..];
        let (replacement, length) = entity_at(rest);
        match replacement {
            Some(c) => decoded.push(c),
            None => decoded.push('&'),
        }
        rest = &rest[length.max(1)..];
    }
    decoded.push_str(rest);
    decoded
}

/// The character of the reference at the start of `text` and its length.
fn entity_at(text: &str) -> (Option<char>, usize) {
    let body = &text[1..];
    if let Some(number) = body.strip_prefix('#') {
        let (digits, radix, prefix) = match number.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16, 2),
            None => (number, 10, 1),
        };
        let n_digits = digits
            .bytes()
            .take_while(|b| {
                if radix == 16 {
                    b.is_ascii_hexdigit()
                } else {
                    b.is_ascii_digit()
                }
            })
            .count();
        if n_digits == 0 {
            return (None, 1);
        }
        let code = u32::from_str_radix(&digits[..n_digits.min(8)], radix).unwrap_or(0xFFFD);
        let has_semicolon = digits[n_digits..].starts_with(';');
        let c = char::from_u32(code)
            .filter(|c| *c != '\0')
            .unwrap_or('\u{FFFD}');
        return (Some(c), 1 + prefix + n_digits + usize::from(has_semicolon));
    }
    const NAMED: &[(&str, char)] = &[
        ("amp", '&'),
        ("lt", '<'),
        ("gt", '>'),
        ("quot", '"'),
        ("apos", '\''),
        ("colon", ':'),
        ("Tab", '\t'),
        ("NewLine", '\n'),
        ("sol", '/'),
        ("period", '.'),
        ("lpar", '('),
        ("rpar", ')'),
        ("nbsp", '\u{a0}'),
        ("semi", ';'),
        ("comma", ','),
        ("equals", '='),
        ("num", '#'),
    ];
    for (name, c) in NAMED {
        if let Some(after) = body.strip_prefix(name) {
            let has_semicolon = after.starts_with(';');
            return (Some(*c), 1 + name.len() + usize::from(has_semicolon));
        }
    }
    (None, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(raw: &str, expect: &str) {
        let mut sanitizer = Sanitizer::default();
        let url = |url: &str| crate::markdown::allowed_url(url);
        let mut got = sanitizer.clean(raw, &url);
        got.push_str(&sanitizer.close_all());
        assert_eq!(got, expect, "raw: {raw}");
    }

    #[test]
    fn allowed_elements_keep_safe_attributes() {
        check(
            "<details open><summary>More</summary>",
            "<details open><summary>More</summary></details>",
        );
        check(
            "<kbd>Ctrl</kbd>+<kbd>C</kbd>",
            "<kbd>Ctrl</kbd>+<kbd>C</kbd>",
        );
        check(
            "<abbr title=\"HyperText\">HTML</abbr>",
            "<abbr title=\"HyperText\">HTML</abbr>",
        );
        check("<IMG SRC=\"https://x.org/a.png\" alt='A \"q\"' width=10 height=x>", "<img src=\"https://x.org/a.png\" alt=\"A &quot;q&quot;\" width=\"10\" loading=\"lazy\">");
        check(
            "<td align=center colspan=2 style=\"color:red\">",
            "<td align=\"center\" colspan=\"2\"></td>",
        );
        check("x<br/>y<sup>2</sup>", "x<br>y<sup>2</sup>");
    }

    #[test]
    fn everything_else_is_text() {
        check(
            "<script>__xss()</script>",
            "&lt;script&gt;__xss()&lt;/script&gt;",
        );
        check("<svg onload=__xss()>", "&lt;svg onload=__xss()&gt;");
        check(
            "<iframe src=x></iframe>",
            "&lt;iframe src=x&gt;&lt;/iframe&gt;",
        );
        check(
            "<base href=\"javascript:x//\">",
            "&lt;base href=&quot;javascript:x//&quot;&gt;",
        );
        check("a < b && c > d", "a &lt; b &amp;&amp; c &gt; d");
        check("&copy; &#169; &bogus", "&copy; &#169; &amp;bogus");
    }

    #[test]
    fn event_handlers_and_styles_are_dropped() {
        check(
            "<img src=x onerror=__xss()>",
            "<img src=\"x\" loading=\"lazy\">",
        );
        // As a browser reads it: the unquoted value runs to the space, so this is a path.
        check(
            "<img/src=x/onerror=__xss()>",
            "<img src=\"x/onerror=__xss()\" loading=\"lazy\">",
        );
        check(
            "<details ontoggle=__xss() open>",
            "<details open></details>",
        );
        check(
            "<span style=\"background:url(javascript:__xss())\">t</span>",
            "<span>t</span>",
        );
    }

    #[test]
    fn urls_are_checked_after_decoding() {
        check("<a href=\"javascript:__xss()\">x</a>", "<a>x</a>");
        check("<a href=\"jav&#x09;ascript:__xss()\">x</a>", "<a>x</a>");
        check("<a href=\"&#106;avascript&#58;__xss()\">x</a>", "<a>x</a>");
        check(
            "<a href=\"&#0000106&#0000097vascript:__xss()\">x</a>",
            "<a>x</a>",
        );
        check("<a href=\"javascript&colon;__xss()\">x</a>", "<a>x</a>");
        check("<a href=\" JaVaScRiPt:__xss()\">x</a>", "<a>x</a>");
        check(
            "<img src=\"data:image/svg+xml,x\">",
            "<img loading=\"lazy\">",
        );
        check(
            "<a href=\"https://x.org/?a=1&amp;b=2\">x</a>",
            "<a href=\"https://x.org/?a=1&amp;b=2\">x</a>",
        );
    }

    #[test]
    fn unbalanced_html_is_closed_and_stray_closers_are_text() {
        check("<div><b>bold", "<div><b>bold</b></div>");
        check("</div></p>", "&lt;/div&gt;&lt;/p&gt;");
        check("<div><span></div>", "<div><span></span></div>");
        check("<a href=x <script>", "&lt;a href=x &lt;script&gt;");
        check("<!-- x --><b>y</b><!-- unclosed", "<b>y</b>");
        check("<", "&lt;");
    }

    #[test]
    fn closing_tags_stay_inside_their_markdown_element() {
        let mut sanitizer = Sanitizer::default();
        let url = |url: &str| crate::markdown::allowed_url(url);
        let mut got = sanitizer.clean("<div>", &url);
        sanitizer.enter();
        got.push_str(&sanitizer.clean("<b><i>x</b></div>", &url));
        got.push_str(&sanitizer.leave());
        got.push_str(&sanitizer.clean("</i></div>", &url));
        got.push_str(&sanitizer.close_all());
        assert_eq!(got, "<div><b><i>x</i></b>&lt;/div&gt;&lt;/i&gt;</div>");
    }

    #[test]
    fn entity_decoding() {
        assert_eq!(
            decode_entities("&#106;&#x61;&#0000118a&Tab;&colon;&amp;&unknown;"),
            "java\t:&&unknown;"
        );
        assert_eq!(decode_entities("&#0;&#x110000;"), "\u{FFFD}\u{FFFD}");
    }
}
