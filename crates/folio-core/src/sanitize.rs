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

/// Elements that must start directly inside one of a few raw parents, or a browser's tree
/// builder ends what they start in ("in body" and the table modes of the HTML parser: `<li>`
/// ends the list item it is in, even through a `<div>`, `<td>` the cell, `<tr>` the row, ...).
/// The raw elements of the same Markdown element that a browser would end for them are ended
/// first (`<li>a<li>b`, `<td>a<td>b`: HTML's optional end tags); if it would end anything
/// else, such as the Markdown list item around a raw `<div>`, the tag is shown as text.
const PARENTS: &[(&str, &[&str])] = &[
    ("li", &["ul", "ol"]),
    ("dt", &["dl"]),
    ("dd", &["dl"]),
    ("caption", &["table"]),
    ("colgroup", &["table"]),
    ("thead", &["table"]),
    ("tbody", &["table"]),
    ("tfoot", &["table"]),
    ("col", &["table", "colgroup"]),
    ("tr", &["table", "thead", "tbody", "tfoot"]),
    ("td", &["tr"]),
    ("th", &["tr"]),
    ("rt", &["ruby"]),
    ("rp", &["ruby"]),
];

/// Elements of the allowlist and of Markdown's output outside the HTML parser's "special"
/// category: `<li>`, `<dd>` and `<dt>` look for an item to end past these (and past `div`
/// and `p`), and a paragraph they are in can be ended with it.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "del", "dfn", "em", "i", "ins", "kbd", "mark",
    "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strike", "strong", "sub", "sup",
    "time", "tt", "u", "var",
];

/// Elements whose start tag ends a paragraph (`p` in button scope) in the HTML parser, so
/// no paragraph below them can be ended by a later one.
const ENDS_PARAGRAPH: &[&str] = &[
    "blockquote",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "summary",
    "table",
    "ul",
];

/// Table elements whose content the parser reads in a table mode ("in table", "in table
/// body", "in row", "in column group"): another element there is moved out in front of the
/// table, and a `<table>` ends the open one. Cells and captions hold ordinary content.
const TABLE_MODE: &[&str] = &["table", "thead", "tbody", "tfoot", "tr", "colgroup"];

/// Elements that end what [`TABLE_MODE`] and paragraph lookups see (cells and captions
/// are scope boundaries in the parser).
const CELLS: &[&str] = &["td", "th", "caption"];

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Cleans raw HTML, keeping the elements it left open so they can be closed at the end of
/// the Markdown element they are in: unbalanced HTML in a post can never swallow the page
/// around it. A browser ends a raw `<div>` itself when it reaches the `</li>`, `</td>` or
/// `</blockquote>` around it, so a `</div>` written any later would close a wrapper of the
/// page instead. For the same reason a start tag is kept only where the browser adds it
/// inside the innermost open element without ending any first (`<li>` in a raw `<ul>`,
/// not in a `<div>` in a list item, where it would end both).
#[derive(Debug, Default)]
pub struct Sanitizer {
    open: Vec<&'static str>,
    /// For each Markdown element being read, outermost first: where its raw elements start
    /// in `open`, and the element it writes around them (`""` for none). Raw HTML closes
    /// nothing below the innermost one.
    scopes: Vec<(usize, &'static str)>,
    /// Raw elements ended before their end tag, as a browser ends them (an item at the next
    /// item), with the number of Markdown elements open then: their end tags, when they come
    /// in the same Markdown element, are dropped, as a browser ignores them.
    ended: Vec<(usize, &'static str)>,
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

    /// A Markdown element starts, written as the HTML element `element` (`"p"`, `"li"`,
    /// `"td"`, `"em"`, ...; `""` when it writes none): raw HTML inside it can close only what
    /// it opens there, and starts only elements that fit in it. Returns the closing tags to
    /// write before it: a raw table whose parts (not a cell) are being read ends first, as a
    /// browser would move the element in front of the table and end the table at a later
    /// Markdown table, and with it whatever is open in between.
    pub fn enter(&mut self, element: &'static str) -> String {
        let floor = self.scopes.last().map_or(0, |(start, _)| *start);
        let closing = match self.table_mode() {
            Some(part) if part >= floor => {
                let table = self
                    .open
                    .get(..=part)
                    .and_then(|open| open.iter().rposition(|name| *name == "table"));
                self.end_from(table.unwrap_or(part).max(floor))
            }
            _ => String::new(),
        };
        self.scopes.push((self.open.len(), element));
        closing
    }

    /// Where in `open` the raw table part is whose content the parser reads in a table
    /// mode, when the innermost table element open is one (not a cell or a caption, and not
    /// a part of a Markdown table, which holds raw HTML only in its cells).
    fn table_mode(&self) -> Option<usize> {
        match self
            .ancestors()
            .find(|(_, open)| TABLE_MODE.contains(open) || CELLS.contains(open))?
        {
            (Some(index), open) if TABLE_MODE.contains(&open) => Some(index),
            _ => None,
        }
    }

    /// The element names of [`Sanitizer::ancestors`].
    fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.ancestors().map(|(_, name)| name)
    }

    /// The Markdown element that [`Sanitizer::enter`] started ends: closing tags for the
    /// elements raw HTML opened in it and left open, innermost first.
    pub fn leave(&mut self) -> String {
        let start = self.scopes.pop().map_or(0, |(start, _)| start);
        let depth = self.scopes.len();
        self.ended.retain(|(ended_in, _)| *ended_in <= depth);
        self.close_from(start)
    }

    /// The elements open where the next raw tag goes, innermost first: raw elements (with
    /// their index in `open`) and the elements of the Markdown around them (`None`).
    fn ancestors(&self) -> Ancestors<'_> {
        Ancestors {
            open: &self.open,
            scopes: &self.scopes,
        }
    }

    /// Where raw HTML's `name` start tag can go: `Some(at)` when a browser adds it inside
    /// the innermost open element once the raw elements `open[at..]` have ended (the
    /// sanitizer writes their end tags), ending nothing else; `None` when it would end other
    /// elements first, or land where it does not belong.
    fn place(&self, name: &str) -> Option<usize> {
        let floor = self.scopes.last().map_or(0, |(start, _)| *start);
        if let Some((_, parents)) = PARENTS.iter().find(|(child, _)| *child == name) {
            let at = self.implied_end(name, parents, floor)?;
            // Only a raw parent counts: Markdown never leaves a list or a row open for it.
            let parent = self.open.get(..at)?.last().filter(|_| at > floor)?;
            return parents.contains(parent).then_some(at);
        }
        // Between a table's parts, anything else would be moved in front of the table while
        // the parser goes on reading the table, where a `<table>` ends the open one and
        // everything in it.
        if self.table_mode().is_some() {
            return None;
        }
        // A heading ends a heading that is the innermost open element, and a heading's end
        // tag ends any heading in scope: so that a raw `</h2>` never reaches past a `<div>`
        // to another heading, headings never nest.
        if is_heading(name)
            && self
                .names()
                .take_while(|open| !CELLS.contains(open) && *open != "table")
                .any(is_heading)
        {
            return None;
        }
        // A block ends the paragraph it is in, and with it the inline elements between:
        // only a paragraph that is itself the innermost open element may end (what
        // `text <div>` in a Markdown paragraph does: the paragraph's own end tag then adds
        // an empty one).
        if ENDS_PARAGRAPH.contains(&name) {
            let paragraph = self
                .names()
                .enumerate()
                .find(|(_, open)| ENDS_PARAGRAPH.contains(open) || CELLS.contains(open))
                .filter(|(_, open)| *open == "p");
            if paragraph.is_some_and(|(depth, _)| depth > 0) {
                return None;
            }
        }
        // `<a>` in a link ends the link only when nothing but inline elements are open in
        // it, and otherwise moves the blocks out of it: it never ends a block, so no end tag
        // can reach further than it did. Other inline elements end nothing.
        Some(self.open.len())
    }

    /// For an element of [`PARENTS`]: where the raw elements a browser ends before adding it
    /// start in `open` (its length when none), or `None` when the browser would end an
    /// element that Markdown or an enclosing Markdown element's raw HTML opened.
    fn implied_end(&self, name: &str, parents: &[&str], floor: usize) -> Option<usize> {
        let own = |index: Option<usize>| index.filter(|index| *index >= floor);
        match name {
            // The nearest item, unless a block other than `div` or `p` comes first.
            "li" | "dd" | "dt" => {
                let items: &[&str] = if name == "li" { &["li"] } else { &["dd", "dt"] };
                for (index, open) in self.ancestors() {
                    if items.contains(&open) {
                        return own(index);
                    }
                    if !INLINE.contains(&open) && !matches!(open, "div" | "p") {
                        break;
                    }
                }
                Some(self.open.len())
            }
            // Inside a ruby: the open annotations and items (implied end tags).
            "rt" | "rp" => {
                let in_ruby = self
                    .names()
                    .take_while(|open| !CELLS.contains(open) && *open != "table")
                    .any(|open| open == "ruby");
                let mut at = self.open.len();
                if in_ruby {
                    for (index, open) in self.ancestors() {
                        if !matches!(open, "dd" | "dt" | "li" | "p" | "rp" | "rt") {
                            break;
                        }
                        at = own(index)?;
                    }
                }
                Some(at)
            }
            // Table parts: everything up to the nearest part they belong in (a cell and its
            // content, a row, a row group, a caption), not past their table.
            _ => {
                for (index, open) in self.ancestors() {
                    let index = own(index)?;
                    if parents.contains(&open) {
                        return Some(index + 1);
                    }
                    if open == "table" {
                        return None;
                    }
                }
                None
            }
        }
    }

    /// Closing tags for every element still open, innermost first.
    pub fn close_all(&mut self) -> String {
        self.scopes.clear();
        self.ended.clear();
        self.close_from(0)
    }

    /// [`Sanitizer::close_from`] for elements a later start tag ends: their own end tags
    /// will be dropped.
    fn end_from(&mut self, start: usize) -> String {
        let depth = self.scopes.len();
        let start = start.min(self.open.len());
        let ending = self.open.get(start..).unwrap_or_default();
        self.ended.extend(ending.iter().map(|name| (depth, *name)));
        self.close_from(start)
    }

    fn close_from(&mut self, start: usize) -> String {
        let start = start.min(self.open.len());
        self.open
            .drain(start..)
            .rev()
            .map(|name| format!("</{name}>"))
            .collect()
    }

    /// Whether `name` was ended before its end tag in the Markdown element being read
    /// (then that end tag is used up).
    fn forget_ended(&mut self, name: &str) -> bool {
        let depth = self.scopes.len();
        match self
            .ended
            .iter()
            .rposition(|(ended_in, ended)| *ended_in == depth && *ended == name)
        {
            Some(index) => {
                self.ended.remove(index);
                true
            }
            None => false,
        }
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
            let floor = self.scopes.last().map_or(0, |(start, _)| *start);
            let in_scope = self.open.get(floor..).unwrap_or_default();
            match in_scope.iter().rposition(|open| *open == name) {
                Some(index) => {
                    for open in self.open.drain(floor + index..).rev() {
                        out.push_str("</");
                        out.push_str(open);
                        out.push('>');
                    }
                }
                // The end tag of an element ended before it, as a browser ignores it.
                None if self.forget_ended(name) => {}
                // A closing tag for something raw HTML did not open, or opened outside the
                // Markdown element being read (a paragraph, a list item), would break the
                // page's structure: show it instead.
                None if !is_void => push_text(out, source),
                None => {}
            }
            return;
        }
        let Some(at) = self.place(name) else {
            push_text(out, source);
            return;
        };
        out.push_str(&self.end_from(at));
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

/// Iterates over [`Sanitizer::ancestors`].
struct Ancestors<'s> {
    open: &'s [&'static str],
    scopes: &'s [(usize, &'static str)],
}

impl Iterator for Ancestors<'_> {
    type Item = (Option<usize>, &'static str);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            // A Markdown element is inside the raw elements open when it started.
            if let Some((&(start, element), outer)) = self.scopes.split_last() {
                if start >= self.open.len() {
                    self.scopes = outer;
                    if element.is_empty() {
                        continue;
                    }
                    return Some((None, element));
                }
            }
            let (&name, outer) = self.open.split_last()?;
            self.open = outer;
            return Some((Some(outer.len()), name));
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
            "<table><tr><td align=center colspan=2 style=\"color:red\">",
            "<table><tr><td align=\"center\" colspan=\"2\"></td></tr></table>",
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
        sanitizer.enter("p");
        got.push_str(&sanitizer.clean("<b><i>x</b></div>", &url));
        got.push_str(&sanitizer.leave());
        got.push_str(&sanitizer.clean("</i></div>", &url));
        got.push_str(&sanitizer.close_all());
        assert_eq!(got, "<div><b><i>x</i></b>&lt;/div&gt;&lt;/i&gt;</div>");
    }

    /// `raw` cleaned inside the Markdown elements `markdown` (outermost first, as the HTML
    /// elements they write), then everything closed.
    #[track_caller]
    fn check_in(markdown: &[&'static str], raw: &str, expect: &str) {
        let mut sanitizer = Sanitizer::default();
        let url = |url: &str| crate::markdown::allowed_url(url);
        let mut got = String::new();
        for element in markdown {
            got.push_str(&sanitizer.enter(element));
        }
        got.push_str(&sanitizer.clean(raw, &url));
        for _ in markdown {
            got.push_str(&sanitizer.leave());
        }
        got.push_str(&sanitizer.close_all());
        assert_eq!(got, expect, "raw: {raw} in {markdown:?}");
    }

    #[test]
    fn elements_start_only_where_the_browser_ends_nothing_else() {
        let list_item: &[&str] = &["ul", "li"];
        for (markdown, raw, expect) in [
            // Items: in a raw list only; an open item of that list ends first, as a
            // browser ends it (optional end tags).
            (&[][..], "<ul><li>a</li><li>b</li></ul>", "<ul><li>a</li><li>b</li></ul>"),
            (&[], "<ol><li>a<li>b</ol>", "<ol><li>a</li><li>b</li></ol>"),
            (&[], "<ul><li><div><li>x</li></div></li></ul>", "<ul><li><div></div></li><li>x</li></ul>"),
            (list_item, "<div><li>x", "<div>&lt;li&gt;x</div>"),
            (list_item, "<span><li>x", "<span>&lt;li&gt;x</span>"),
            (list_item, "<li>x", "&lt;li&gt;x"),
            (&["p"], "a <li>x", "a &lt;li&gt;x"),
            (&[], "<div><li>x</li></div>", "<div>&lt;li&gt;x&lt;/li&gt;</div>"),
            (&[], "<ul><li><blockquote><li>x", "<ul><li><blockquote>&lt;li&gt;x</blockquote></li></ul>"),
            // Definition lists.
            (&[], "<dl><dt>a</dt><dd>b</dd></dl>", "<dl><dt>a</dt><dd>b</dd></dl>"),
            (&[], "<dl><dt>a<dd>b</dl>", "<dl><dt>a</dt><dd>b</dd></dl>"),
            (&[], "<dl><dd><div><dt>x", "<dl><dd><div></div></dd><dt>x</dt></dl>"),
            (list_item, "<div><dd>x", "<div>&lt;dd&gt;x</div>"),
            (&[], "<dd>x", "&lt;dd&gt;x"),
            // Tables: each part in its own parent; cells and rows end at the next one.
            (
                &[],
                "<table><caption>c</caption><colgroup><col></colgroup><thead><tr><th>a</th></tr></thead><tbody><tr><td>b</td></tr></tbody><tfoot><tr><td>c</td></tr></tfoot></table>",
                "<table><caption>c</caption><colgroup><col></colgroup><thead><tr><th>a</th></tr></thead><tbody><tr><td>b</td></tr></tbody><tfoot><tr><td>c</td></tr></tfoot></table>",
            ),
            (&[], "<table><tr><td>a<td>b<tr><td>c</table>", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>"),
            (
                &[],
                "<table><thead><tr><th>a<tbody><tr><td><b>b",
                "<table><thead><tr><th>a</th></tr></thead><tbody><tr><td><b>b</b></td></tr></tbody></table>",
            ),
            (&[], "<table><caption><div><tbody>", "<table><caption><div></div></caption><tbody></tbody></table>"),
            (&[], "<table><tr><td><table><tr><td>x", "<table><tr><td><table><tr><td>x</td></tr></table></td></tr></table>"),
            (&["table", "tr", "td"], "<td>x", "&lt;td&gt;x"),
            (&["table", "tr", "td"], "<div><tr>x", "<div>&lt;tr&gt;x</div>"),
            (&[], "<td>x</td>", "&lt;td&gt;x&lt;/td&gt;"),
            (&[], "<table><td>x", "<table>&lt;td&gt;x</table>"),
            (&[], "<div><caption><colgroup><col><thead><tbody><tfoot>", "<div>&lt;caption&gt;&lt;colgroup&gt;&lt;col&gt;&lt;thead&gt;&lt;tbody&gt;&lt;tfoot&gt;</div>"),
            // Between a table's parts, nothing else (it would be moved out of the table).
            (&[], "<table><div>x", "<table>&lt;div&gt;x</table>"),
            (&[], "<table><tr><div><table>", "<table><tr>&lt;div&gt;&lt;table&gt;</tr></table>"),
            (&[], "<table><colgroup><span>", "<table><colgroup>&lt;span&gt;</colgroup></table>"),
            // Paragraphs: a block may end the paragraph that is the innermost element, not
            // inline elements with it.
            (&[], "<p>a<p>b", "<p>a<p>b</p></p>"),
            (&["p"], "a <div>b</div>", "a <div>b</div>"),
            (&["p"], "<span><p>x", "<span>&lt;p&gt;x</span>"),
            (&["p", "em"], "<ul>", "&lt;ul&gt;"),
            (&[], "<p><b><div>x", "<p><b>&lt;div&gt;x</b></p>"),
            (&[], "<div><span><p>x", "<div><span><p>x</p></span></div>"),
            (&["table", "tr", "td"], "<span><p>x", "<span><p>x</p></span>"),
            // Headings never nest.
            (&["h2"], "<h3>x", "&lt;h3&gt;x"),
            (&[], "<h2><div><span><h2>x", "<h2><div><span>&lt;h2&gt;x</span></div></h2>"),
            (&[], "<div><h2>x</h2><h3>y</h3></div>", "<div><h2>x</h2><h3>y</h3></div>"),
            // Ruby annotations, in a ruby.
            (&[], "<ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby>", "<ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby>"),
            (&[], "<ruby>a<rt>x<rt>y</ruby>", "<ruby>a<rt>x</rt><rt>y</rt></ruby>"),
            (&[], "<rt>x", "&lt;rt&gt;x"),
            // A link in a link ends nothing a later end tag could miss.
            (&[], "<a href=\"u\"><a href=\"v\">x</a></a>", "<a href=\"u\"><a href=\"v\">x</a></a>"),
        ] {
            check_in(markdown, raw, expect);
        }
    }

    #[test]
    fn markdown_in_a_raw_table_ends_the_table_first() {
        let mut sanitizer = Sanitizer::default();
        let url = |url: &str| crate::markdown::allowed_url(url);
        let mut got = sanitizer.clean("<div><table><tr>", &url);
        got.push_str(&sanitizer.enter("blockquote"));
        got.push_str(&sanitizer.clean("<div>x", &url));
        got.push_str(&sanitizer.leave());
        // A browser ignores the end tags of elements it ended; so does the sanitizer.
        got.push_str(&sanitizer.clean("</tr></table></div>", &url));
        assert_eq!(got, "<div><table><tr></tr></table><div>x</div></div>");
        // But only in the Markdown element they were ended in.
        let mut sanitizer = Sanitizer::default();
        let mut got = sanitizer.clean("<ul><li>a<li>", &url);
        got.push_str(&sanitizer.enter("p"));
        got.push_str(&sanitizer.clean("</li>", &url));
        got.push_str(&sanitizer.leave());
        got.push_str(&sanitizer.close_all());
        assert_eq!(got, "<ul><li>a</li><li>&lt;/li&gt;</li></ul>");
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
