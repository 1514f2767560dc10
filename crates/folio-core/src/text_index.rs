//! The full-text search index: the words of every post's text, which `folio build` writes
//! as `search-index.json` ([`crate::markdown::TEXT_INDEX_FILE`], one line of words per
//! post) and the reader loads on its first search. It is kept as each distinct word once,
//! with the set of posts that use it: a keystroke then scans the site's vocabulary (tens
//! of kilobytes) instead of its text (27 MB for 10,000 long posts), and the index takes a
//! tenth of the text's memory.

use std::collections::HashMap;

use serde_json::Value;

/// Which posts use which words. Built by [`TextIndex::new`] or [`parse_text_index`];
/// searched by [`crate::query::SearchIndex::with_text`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextIndex {
    /// The slugs of the indexed posts; a post's number is its position here.
    slugs: Vec<String>,
    /// The number of each slug (the first post that has it).
    numbers: HashMap<String, u32>,
    /// Every distinct word, each followed by a line break (no word holds one).
    vocabulary: String,
    /// Where each word starts in `vocabulary`, ascending: a word's number is its position.
    starts: Vec<u32>,
    /// The posts that use each word, by word number.
    postings: Vec<Posts>,
}

/// A set of post numbers: a list while it is small, bits once a list would take more
/// memory (a word used by more than one post in 32).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Posts {
    List(Vec<u32>),
    Bits(Vec<u64>),
}

/// The posts of a [`TextIndex`] whose text matches a search term, as bits by post number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matches(Vec<u64>);

impl Matches {
    /// Whether post `number` matched.
    pub fn contains(&self, number: u32) -> bool {
        let (word, bit) = (number as usize / 64, number % 64);
        self.0.get(word).is_some_and(|bits| bits & (1 << bit) != 0)
    }
}

impl Posts {
    /// Adds post `number` (posts come in ascending order); `posts` is how many the index
    /// has, which bits need room for.
    fn add(&mut self, number: u32, posts: usize) {
        match self {
            Posts::List(list) => {
                if list.last() == Some(&number) {
                    return;
                }
                list.push(number);
                if list.len() > posts / 32 + 1 {
                    let mut bits = Matches(vec![0; posts.div_ceil(64)]);
                    list.iter().for_each(|&number| set(&mut bits, number));
                    *self = Posts::Bits(bits.0);
                }
            }
            Posts::Bits(bits) => {
                if let Some(word) = bits.get_mut(number as usize / 64) {
                    *word |= 1 << (number % 64);
                }
            }
        }
    }

    /// Adds these posts to `matches`.
    fn add_to(&self, matches: &mut Matches) {
        match self {
            Posts::List(list) => list.iter().for_each(|&number| set(matches, number)),
            Posts::Bits(bits) => {
                for (into, from) in matches.0.iter_mut().zip(bits) {
                    *into |= from;
                }
            }
        }
    }
}

/// Marks post `number` in `matches`.
fn set(matches: &mut Matches, number: u32) {
    if let Some(word) = matches.0.get_mut(number as usize / 64) {
        *word |= 1 << (number % 64);
    }
}

/// Builds a [`TextIndex`] a post at a time, so that the posts' text need not be in
/// memory all at once (the app copies one post's words at a time out of the browser's
/// parse of the file).
#[derive(Debug)]
pub struct TextIndexBuilder {
    index: TextIndex,
    /// How many posts the index makes room for.
    posts: usize,
    /// Every word seen so far, with its number.
    numbers: HashMap<String, u32>,
}

impl TextIndexBuilder {
    /// A builder for an index of at most `posts` posts.
    pub fn new(posts: usize) -> TextIndexBuilder {
        TextIndexBuilder {
            index: TextIndex {
                slugs: Vec::with_capacity(posts),
                ..TextIndex::default()
            },
            posts,
            numbers: HashMap::new(),
        }
    }

    /// Adds a post: its slug and its words, lowercase and separated by spaces (as
    /// [`crate::markdown::index_words`] writes them). Posts beyond the builder's size are
    /// left out.
    pub fn add(&mut self, slug: &str, words: &str) {
        let index = &mut self.index;
        let Ok(number) = u32::try_from(index.slugs.len()) else {
            return;
        };
        if index.slugs.len() >= self.posts {
            return;
        }
        index.slugs.push(slug.to_string());
        index.numbers.entry(slug.to_string()).or_insert(number);
        for word in words.split([' ', '\n']).filter(|word| !word.is_empty()) {
            let word_number = match self.numbers.get(word) {
                Some(&known) => known,
                None => {
                    let Ok(new) = u32::try_from(index.postings.len()) else {
                        continue;
                    };
                    index.starts.push(index.vocabulary.len() as u32);
                    index.vocabulary.push_str(word);
                    index.vocabulary.push('\n');
                    index.postings.push(Posts::List(Vec::new()));
                    self.numbers.insert(word.to_string(), new);
                    new
                }
            };
            if let Some(posts_of_word) = index.postings.get_mut(word_number as usize) {
                posts_of_word.add(number, self.posts);
            }
        }
    }

    /// The index of the posts added.
    pub fn finish(self) -> TextIndex {
        self.index
    }
}

impl TextIndex {
    /// The index of `posts`: (slug, words) pairs (see [`TextIndexBuilder::add`]).
    pub fn new<S: AsRef<str>, W: AsRef<str>>(posts: &[(S, W)]) -> TextIndex {
        let mut builder = TextIndexBuilder::new(posts.len());
        for (slug, words) in posts {
            builder.add(slug.as_ref(), words.as_ref());
        }
        builder.finish()
    }

    /// The slugs of the indexed posts, in the order of their numbers.
    pub fn slugs(&self) -> &[String] {
        &self.slugs
    }

    /// The number of the post with this slug, if the index has it.
    pub fn number_of(&self, slug: &str) -> Option<u32> {
        self.numbers.get(slug).copied()
    }

    /// How many distinct words the posts use.
    pub fn words(&self) -> usize {
        self.starts.len()
    }

    /// The posts with a word that contains `term` (lowercase, no spaces: a word of a
    /// search, see [`crate::query::search_terms`]).
    pub fn matching(&self, term: &str) -> Matches {
        let mut matches = Matches(vec![0; self.slugs.len().div_ceil(64)]);
        if term.is_empty() {
            return matches;
        }
        // Where the word after the last match starts: later matches in the same word add
        // nothing.
        let mut next_word = 0;
        for (at, _) in self.vocabulary.match_indices(term) {
            if at < next_word {
                continue;
            }
            let Some(word) = self
                .starts
                .partition_point(|&start| start as usize <= at)
                .checked_sub(1)
            else {
                continue;
            };
            next_word = self
                .starts
                .get(word + 1)
                .map_or(usize::MAX, |&start| start as usize);
            if let Some(posts) = self.postings.get(word) {
                posts.add_to(&mut matches);
            }
        }
        matches
    }
}

/// Reads a full-text index written by `folio build` (`{"version": 1, "posts": [{"slug":
/// ..., "words": ...}]}`); `None` when the text is not one (the app then searches without
/// the posts' text). Posts without a slug or words, or with something else than text
/// there, are left out.
pub fn parse_text_index(text: &str) -> Option<TextIndex> {
    let mut file: Value = serde_json::from_str(text).ok()?;
    if file.get("version")?.as_u64()? != 1 {
        return None;
    }
    // The words are taken out of the parsed file, not copied: they are most of its size.
    let Value::Array(posts) = file.get_mut("posts").map(Value::take)? else {
        return None;
    };
    let posts: Vec<(String, String)> = posts
        .into_iter()
        .filter_map(|mut post| {
            match (post.get_mut("slug")?.take(), post.get_mut("words")?.take()) {
                (Value::String(slug), Value::String(words)) => Some((slug, words)),
                _ => None,
            }
        })
        .collect();
    Some(TextIndex::new(&posts))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The slugs of the posts that `term` matches.
    fn slugs_matching<'a>(index: &'a TextIndex, term: &str) -> Vec<&'a str> {
        let matches = index.matching(term);
        (0u32..)
            .zip(index.slugs())
            .filter(|(number, _)| matches.contains(*number))
            .map(|(_, slug)| slug.as_str())
            .collect()
    }

    #[test]
    fn a_term_matches_the_posts_with_a_word_that_contains_it() {
        let index = TextIndex::new(&[
            ("a", "retries backoff jitter"),
            ("b", "retry budget"),
            ("c", "東京タワー tower"),
            ("d", ""),
        ]);
        assert_eq!(index.words(), 7);
        assert_eq!(slugs_matching(&index, "retr"), ["a", "b"]);
        assert_eq!(slugs_matching(&index, "ies"), ["a"]);
        assert_eq!(slugs_matching(&index, "タワー"), ["c"]);
        assert_eq!(slugs_matching(&index, "tower"), ["c"]);
        assert_eq!(slugs_matching(&index, "t"), ["a", "b", "c"]);
        assert!(slugs_matching(&index, "retries backoff").is_empty());
        assert!(slugs_matching(&index, "").is_empty());
        assert!(slugs_matching(&index, "zebra").is_empty());
        assert!(!index.matching("retr").contains(999));
    }

    #[test]
    fn common_words_turn_into_bits_and_match_the_same_posts() {
        // 200 posts: "every" in all, "even" in every other, "rare" in the last only.
        let posts: Vec<(String, String)> = (0..200)
            .map(|n| {
                let mut words = String::from("every");
                if n % 2 == 0 {
                    words.push_str(" even");
                }
                if n == 199 {
                    words.push_str(" rare every");
                }
                (format!("p{n}"), words)
            })
            .collect();
        let index = TextIndex::new(&posts);
        assert!(matches!(index.postings[0], Posts::Bits(_)));
        assert!(matches!(index.postings[2], Posts::List(_)));
        assert_eq!(slugs_matching(&index, "every").len(), 200);
        let even = slugs_matching(&index, "ev");
        assert_eq!(even.len(), 200);
        assert_eq!(slugs_matching(&index, "even").len(), 100);
        assert_eq!(slugs_matching(&index, "even")[99], "p198");
        assert_eq!(slugs_matching(&index, "rare"), ["p199"]);
    }

    #[test]
    fn a_builder_takes_the_posts_it_made_room_for() {
        let mut builder = TextIndexBuilder::new(1);
        builder.add("a", "alpha\nbeta");
        builder.add("b", "alpha");
        let index = builder.finish();
        assert_eq!(index.slugs(), ["a"]);
        assert_eq!(slugs_matching(&index, "alpha"), ["a"]);
        assert_eq!(slugs_matching(&index, "beta"), ["a"]);
    }

    #[test]
    fn the_file_of_folio_build_is_read_and_anything_else_is_not() {
        let index = parse_text_index(
            r#"{"version":1,"posts":[{"slug":"a","words":"alpha be\u0074a"},{"slug":"b"},{"slug":"c","words":"gamma","extra":1}]}"#,
        )
        .unwrap();
        assert_eq!(index.slugs(), ["a", "c"]);
        assert_eq!(slugs_matching(&index, "beta"), ["a"]);
        assert_eq!(parse_text_index(r#"{"version":2,"posts":[]}"#), None);
        let wrong = parse_text_index(r#"{"version":1,"posts":[{"slug":1,"words":"x"},7]}"#);
        assert_eq!(wrong.unwrap().slugs().len(), 0);
        assert_eq!(parse_text_index(r#"{"version":1,"posts":{}}"#), None);
        assert_eq!(parse_text_index("<html>"), None);
        assert_eq!(parse_text_index(""), None);
    }
}
