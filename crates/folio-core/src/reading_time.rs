//! Reading time, from the same events the renderer sees, so fenced and indented code are
//! both skipped (splitting on ``` would miss `~~~` and indented blocks).

use pulldown_cmark::{Event, Tag, TagEnd};

use crate::markdown::{parser, strip_front_matter};

/// Words a minute; the common estimate for technical prose.
pub const WORDS_PER_MINUTE: usize = 200;

/// Words of prose in a post: text outside code blocks, raw HTML and front matter.
pub fn words(markdown: &str) -> usize {
    let mut count = WordCount::default();
    for event in parser(strip_front_matter(markdown)) {
        count.see(&event);
    }
    count.words
}

/// Counts the words of prose in parsed Markdown as its events go by (the renderer counts
/// while it renders, in the same pass).
#[derive(Debug, Default)]
pub struct WordCount {
    /// Words so far.
    pub words: usize,
    in_code: bool,
}

impl WordCount {
    /// Counts the words of one event.
    pub fn see(&mut self, event: &Event<'_>) {
        match event {
            Event::Start(Tag::CodeBlock(_)) => self.in_code = true,
            Event::End(TagEnd::CodeBlock) => self.in_code = false,
            Event::Text(text) | Event::Code(text) if !self.in_code => self.words += count_in(text),
            _ => {}
        }
    }
}

/// Words in `text`: runs of characters between ASCII whitespace. A byte loop, because this
/// runs over every post on every render.
fn count_in(text: &str) -> usize {
    let mut n_words = 0;
    let mut in_word = false;
    for byte in text.bytes() {
        let is_space = byte.is_ascii_whitespace();
        if !is_space && !in_word {
            n_words += 1;
        }
        in_word = !is_space;
    }
    n_words
}

/// Minutes to read a post, rounded up, at least 1.
pub fn minutes(markdown: &str) -> u32 {
    minutes_for(words(markdown))
}

/// Minutes to read `n_words` words, rounded up, at least 1.
pub fn minutes_for(n_words: usize) -> u32 {
    let n_minutes = n_words.div_ceil(WORDS_PER_MINUTE).max(1);
    u32::try_from(n_minutes).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(markdown: &str, expect_words: usize, expect_minutes: u32) {
        let options = crate::markdown::RenderOptions::from_parts(
            "posts/a.md",
            "posts/a",
            Vec::new(),
            crate::sanitize::RawHtml::Allowlist,
            crate::i18n::Lang::En,
        );
        let rendered = crate::markdown::render_counted(markdown, &options);
        assert_eq!(
            (rendered.words, rendered.minutes()),
            (expect_words, expect_minutes),
            "rendered: {markdown:?}"
        );
        assert_eq!(
            (words(markdown), minutes(markdown)),
            (expect_words, expect_minutes),
            "{markdown}"
        );
    }

    #[test]
    fn counts_prose_and_skips_code() {
        check("", 0, 1);
        check("one two three", 3, 1);
        check("---\ntitle: a b c d\n---\none *two* `three`", 3, 1);
        check("a\n\n```rust\nlet x = 1; let y = 2;\n```\n\n~~~\nmore code here\n~~~\n\n    indented code block\n\nb", 2, 1);
        let long = "word ".repeat(401);
        check(&long, 401, 3);
        check(&"word ".repeat(200), 200, 1);
    }
}
