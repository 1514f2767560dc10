//! The full-text search index: which posts use which words. `folio build` writes it as
//! `search-index.json` ([`crate::markdown::TEXT_INDEX_FILE`]) and the reader loads it on
//! its first search. Each distinct word is kept once, with the set of posts that use it:
//! a keystroke then scans the site's vocabulary (tens of kilobytes) instead of every
//! post's words (27 MB for 10,000 long posts in the file's first version, which listed
//! them), and the file is a fifteenth of that.
//!
//! The file: `{"version": 2, "slugs": [...], "words": "...", "posts": [...]}`.
//! - `slugs`: the indexed posts, numbered from 0 in that order.
//! - `words`: every distinct word, lowercase (searches are lowercased, the words are
//!   not), each followed by a line break.
//! - `posts`: for each word in that order, the numbers of the posts that use it, written
//!   with base64url's 64 characters (`A`–`Z` 0–25, `a`–`z` 26–51, `0`–`9` 52–61, `-` 62,
//!   `_` 63) in one of two forms, whichever is shorter:
//!   - the gaps between the ascending numbers, the first counted from -1 (posts 0, 3 and
//!     99 have the gaps 1, 3 and 96), each gap in groups of five bits, the lowest first,
//!     a character per group with 32 added to all but the gap's last: gap 1 is `B`, gap
//!     96 (3 × 32 + 0) is `gD`;
//!   - `~` and then one bit a post, six posts a character, post 6k + i the bit of value
//!     2^i of the k-th character: posts 0 and 7 of eight are `~BC`.

use std::collections::HashMap;

use serde_json::Value;

/// The version of the file that this reader reads and `folio build` writes.
pub const TEXT_INDEX_VERSION: u64 = 2;

/// The characters of the file's post lists, six bits each: base64url's alphabet.
const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Starts a post list written one bit a post.
const BITS_MARK: char = '~';

/// The character for the low six bits of `value`.
fn digit(value: u32) -> char {
    char::from(DIGITS[(value & 63) as usize])
}

/// The six bits that `character` stands for.
fn digit_value(character: u8) -> Option<u32> {
    let value = match character {
        b'A'..=b'Z' => character - b'A',
        b'a'..=b'z' => character - b'a' + 26,
        b'0'..=b'9' => character - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return None,
    };
    Some(u32::from(value))
}

/// Which posts use which words. Built by [`TextIndex::new`] (from the posts' words) or
/// read back by [`TextIndex::from_parts`] and [`parse_text_index`]; searched by
/// [`crate::query::SearchIndex::add_text`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextIndex {
    /// The slugs of the indexed posts; a post's number is its position here.
    slugs: Vec<String>,
    /// The post numbers in the order of their slugs, for finding a slug's number (the
    /// first post that has it).
    by_slug: Vec<u32>,
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
        Matches::has(&self.0, number)
    }

    /// Whether the bit of post `number` is set.
    fn has(bits: &[u64], number: u32) -> bool {
        let (word, bit) = (number as usize / 64, number % 64);
        bits.get(word).is_some_and(|bits| bits & (1 << bit) != 0)
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
                    let mut bits = vec![0; posts.div_ceil(64)];
                    list.iter().for_each(|&number| set(&mut bits, number));
                    *self = Posts::Bits(bits);
                }
            }
            Posts::Bits(bits) => set(bits, number),
        }
    }

    /// Adds these posts to `matches`.
    fn add_to(&self, matches: &mut Matches) {
        match self {
            Posts::List(list) => list.iter().for_each(|&number| set(&mut matches.0, number)),
            Posts::Bits(bits) => {
                for (into, from) in matches.0.iter_mut().zip(bits) {
                    *into |= from;
                }
            }
        }
    }
}

impl Posts {
    /// The numbers in the set, ascending.
    fn numbers(&self) -> Vec<u32> {
        match self {
            Posts::List(list) => list.clone(),
            Posts::Bits(bits) => (0u32..)
                .step_by(64)
                .zip(bits)
                .flat_map(|(first, &word)| {
                    (0..64)
                        .filter(move |bit| word & 1 << bit != 0)
                        .map(move |bit| first + bit)
                })
                .collect(),
        }
    }

    /// The set as the file writes it (see the module's documentation): the gaps between
    /// its numbers, or its bits when that is shorter. `posts` is how many the index has.
    fn encode(&self, posts: usize) -> String {
        let numbers = self.numbers();
        let mut gaps = String::new();
        let mut next = 0;
        for &number in &numbers {
            let mut gap = number + 1 - next;
            next = number + 1;
            while gap >= 32 {
                gaps.push(digit((gap & 31) | 32));
                gap >>= 5;
            }
            gaps.push(digit(gap));
        }
        if gaps.len() <= 1 + posts.div_ceil(6) {
            return gaps;
        }
        let mut groups = vec![0; posts.div_ceil(6)];
        for number in numbers {
            if let Some(group) = groups.get_mut(number as usize / 6) {
                *group |= 1 << (number % 6);
            }
        }
        std::iter::once(BITS_MARK)
            .chain(groups.into_iter().map(digit))
            .collect()
    }

    /// Reads a set that [`Posts::encode`] wrote; `None` when `text` is not one, or names
    /// a post beyond `posts`.
    fn decode(text: &str, posts: usize) -> Option<Posts> {
        if let Some(groups) = text.strip_prefix(BITS_MARK) {
            let mut bits = vec![0; posts.div_ceil(64)];
            for (first, character) in (0u64..).step_by(6).zip(groups.bytes()) {
                let group = digit_value(character)?;
                for bit in (0..6).filter(|bit| group & 1 << bit != 0) {
                    let number = u32::try_from(first + bit).ok()?;
                    if number as usize >= posts {
                        return None;
                    }
                    set(&mut bits, number);
                }
            }
            return Some(Posts::Bits(bits));
        }
        // The same form as when the index was built: bits once a list would be larger.
        let mut posts_of_word = Posts::List(Vec::new());
        let (mut gap, mut shift, mut next) = (0u64, 0, 0u64);
        for character in text.bytes() {
            let value = u64::from(digit_value(character)?);
            gap |= (value & 31) << shift;
            if value & 32 != 0 {
                shift += 5;
                if shift > 35 {
                    return None;
                }
                continue;
            }
            if gap == 0 {
                return None;
            }
            let number = next + gap - 1;
            if number >= posts as u64 {
                return None;
            }
            posts_of_word.add(u32::try_from(number).ok()?, posts);
            (next, gap, shift) = (number + 1, 0, 0);
        }
        // A number cut off after its first characters.
        if shift != 0 {
            return None;
        }
        Some(posts_of_word)
    }
}

/// Sets the bit of post `number`.
fn set(bits: &mut [u64], number: u32) {
    if let Some(word) = bits.get_mut(number as usize / 64) {
        *word |= 1 << (number % 64);
    }
}

/// Builds a [`TextIndex`] a post at a time.
#[derive(Debug)]
struct Builder {
    index: TextIndex,
    /// How many posts the index makes room for.
    posts: usize,
    /// Every word seen so far, with its number.
    numbers: HashMap<String, u32>,
}

impl Builder {
    /// A builder for an index of at most `posts` posts.
    fn new(posts: usize) -> Builder {
        Builder {
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
    fn add(&mut self, slug: &str, words: &str) {
        let index = &mut self.index;
        let Ok(number) = u32::try_from(index.slugs.len()) else {
            return;
        };
        if index.slugs.len() >= self.posts {
            return;
        }
        index.slugs.push(slug.to_string());
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
    fn finish(self) -> TextIndex {
        self.index.sorted_by_slug()
    }
}

impl TextIndex {
    /// The index of `posts`: (slug, words) pairs, the words lowercase and separated by
    /// spaces (as [`crate::markdown::index_words`] writes them).
    pub fn new<S: AsRef<str>, W: AsRef<str>>(posts: &[(S, W)]) -> TextIndex {
        let mut builder = Builder::new(posts.len());
        for (slug, words) in posts {
            builder.add(slug.as_ref(), words.as_ref());
        }
        builder.finish()
    }

    /// The index from the parts of its file (see the module's documentation): the slugs,
    /// the words (each followed by a line break) and each word's post list; `None` when
    /// they do not fit together (a post list missing, unreadable or naming a post that is
    /// not there).
    pub fn from_parts<S: AsRef<str>>(
        slugs: Vec<String>,
        vocabulary: String,
        lists: impl IntoIterator<Item = Option<S>>,
    ) -> Option<TextIndex> {
        let mut starts = Vec::new();
        let mut start = 0;
        for word in vocabulary.split_terminator('\n') {
            starts.push(u32::try_from(start).ok()?);
            start += word.len() + 1;
        }
        if !vocabulary.is_empty() && !vocabulary.ends_with('\n') {
            return None;
        }
        let postings = lists
            .into_iter()
            .map(|list| Posts::decode(list?.as_ref(), slugs.len()))
            .collect::<Option<Vec<Posts>>>()?;
        if postings.len() != starts.len() {
            return None;
        }
        let index = TextIndex {
            slugs,
            vocabulary,
            starts,
            postings,
            ..TextIndex::default()
        };
        Some(index.sorted_by_slug())
    }

    /// The index with `by_slug` filled in.
    fn sorted_by_slug(mut self) -> TextIndex {
        let mut by_slug: Vec<u32> = (0..self.slugs.len() as u32).collect();
        let slug = |number: &u32| self.slugs.get(*number as usize);
        // Stable: of two posts with one slug, the first comes first.
        crate::order::sort_stable_by(&mut by_slug, |a, b| slug(a).cmp(&slug(b)));
        self.by_slug = by_slug;
        self
    }

    /// The file `folio build` writes (see the module's documentation).
    pub fn to_json(&self) -> String {
        let lists: Vec<String> = self
            .postings
            .iter()
            .map(|posts| posts.encode(self.slugs.len()))
            .collect();
        serde_json::json!({
            "version": TEXT_INDEX_VERSION,
            "slugs": self.slugs,
            "words": self.vocabulary,
            "posts": lists,
        })
        .to_string()
    }

    /// The slugs of the indexed posts, in the order of their numbers.
    pub fn slugs(&self) -> &[String] {
        &self.slugs
    }

    /// The number of the post with this slug, if the index has it.
    pub fn number_of(&self, slug: &str) -> Option<u32> {
        let slug_of = |number: &u32| self.slugs.get(*number as usize).map(String::as_str);
        let first = self
            .by_slug
            .partition_point(|number| slug_of(number) < Some(slug));
        self.by_slug
            .get(first)
            .copied()
            .filter(|number| slug_of(number) == Some(slug))
    }

    /// How many distinct words the posts use.
    pub fn words(&self) -> usize {
        self.starts.len()
    }

    /// The posts with a word that contains `term` (lowercase, no spaces: a word of a
    /// search, see [`crate::query::search_terms`]).
    pub fn matching(&self, term: &str) -> Matches {
        let mut matches = Matches(vec![0; self.slugs.len().div_ceil(64)]);
        // A line break would match across two words.
        if term.is_empty() || term.contains('\n') {
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

/// Reads a full-text index that `folio build` wrote ([`TextIndex::to_json`]); `None`
/// when the text is not one, or not of this version (the app then searches without the
/// posts' text).
pub fn parse_text_index(text: &str) -> Option<TextIndex> {
    let file: Value = crate::json::parse(text).ok()?;
    if file.get("version")?.as_u64()? != TEXT_INDEX_VERSION {
        return None;
    }
    let slugs = file
        .get("slugs")?
        .as_array()?
        .iter()
        .map(|slug| slug.as_str().map(str::to_string))
        .collect::<Option<Vec<String>>>()?;
    let vocabulary = file.get("words")?.as_str()?.to_string();
    let lists = file.get("posts")?.as_array()?.iter().map(Value::as_str);
    TextIndex::from_parts(slugs, vocabulary, lists)
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
        assert_eq!(index.number_of("c"), Some(2));
        assert_eq!(index.number_of("e"), None);
        // Of two posts with one slug, the first.
        let twice = TextIndex::new(&[("b", "x"), ("a", "y"), ("b", "z")]);
        assert_eq!(twice.number_of("b"), Some(0));
        assert_eq!(twice.number_of("a"), Some(1));
    }

    /// `n` posts named `p0`, `p1`, …: `all` in each, `some` in every `step`-th from the
    /// first, and `last` in the last one, which names `all` twice.
    fn sample(n: u32, [all, some, last]: [&str; 3], step: u32) -> Vec<(String, String)> {
        (0..n)
            .map(|i| {
                let mut words = vec![all];
                if i % step == 0 {
                    words.push(some);
                }
                if i == n - 1 {
                    words.extend([last, all]);
                }
                (format!("p{i}"), words.join(" "))
            })
            .collect()
    }

    #[test]
    fn common_words_turn_into_bits_and_match_the_same_posts() {
        // 200 posts: "every" in all, "even" in every other, "rare" in the last only.
        let index = TextIndex::new(&sample(200, ["every", "even", "rare"], 2));
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
    fn the_file_holds_the_same_index() {
        // 100 posts: a word in every post (written as bits), one in every tenth (gaps of
        // 10), one in the last post only (a gap of 100: two characters), one in none.
        let index = TextIndex::new(&sample(100, ["all", "tenth", "last"], 10));
        let json = index.to_json();
        let file: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(file["version"], 2);
        assert_eq!(file["words"], "all\ntenth\nlast\n");
        assert_eq!(file["posts"][0].as_str().unwrap().len(), 1 + 17);
        assert!(file["posts"][0].as_str().unwrap().starts_with('~'));
        assert_eq!(
            file["posts"][1].as_str().unwrap(),
            format!("B{}", "K".repeat(9))
        );
        assert_eq!(file["posts"][2], "kD");
        let read = parse_text_index(&json).unwrap();
        assert_eq!(read.slugs(), index.slugs());
        assert_eq!(read.number_of("p42"), Some(42));
        for term in ["all", "tenth", "last", "l", "zebra"] {
            assert_eq!(
                slugs_matching(&read, term),
                slugs_matching(&index, term),
                "{term}"
            );
        }
        assert_eq!(slugs_matching(&read, "last"), ["p99"]);
        assert_eq!(slugs_matching(&read, "tenth").len(), 10);
    }

    #[test]
    fn long_gaps_take_several_characters_and_the_documented_forms_read() {
        let read = |posts: usize, list: &str| {
            let slugs = (0..posts).map(|n| format!("p{n}")).collect();
            TextIndex::from_parts(slugs, "w\n".to_string(), [Some(list)])
        };
        let numbers = |index: Option<TextIndex>| index.map(|index| index.postings[0].numbers());
        // Gap 1025: 1 + 0 × 32 + 1 × 1024, the lowest group first.
        let index = TextIndex::new(
            &(0..1025)
                .map(|n| (format!("p{n}"), if n == 1024 { "w" } else { "" }))
                .collect::<Vec<_>>(),
        );
        let file: Value = serde_json::from_str(&index.to_json()).unwrap();
        assert_eq!(file["posts"][0], "hgB");
        assert_eq!(numbers(read(1025, "hgB")), Some(vec![1024]));
        assert_eq!(numbers(read(100, "BDgD")), Some(vec![0, 3, 99]));
        assert_eq!(numbers(read(8, "~BC")), Some(vec![0, 7]));
        // Eight characters of one gap are more than any post number needs.
        assert!(read(1025, "ggggggggB").is_none());
    }

    #[test]
    fn a_file_that_does_not_fit_together_is_not_read() {
        let read = |slugs: &[&str], words: &str, lists: &[Option<&str>]| {
            TextIndex::from_parts(
                slugs.iter().map(|s| s.to_string()).collect(),
                words.to_string(),
                lists.iter().copied(),
            )
        };
        let good = read(&["a", "b"], "x\ny\n", &[Some("B"), Some("C")]).unwrap();
        assert_eq!(slugs_matching(&good, "x"), ["a"]);
        assert_eq!(slugs_matching(&good, "y"), ["b"]);
        assert!(read(&[], "", &[]).is_some());
        // A list missing, or one too many.
        assert!(read(&["a"], "x\ny\n", &[Some("B")]).is_none());
        assert!(read(&["a"], "x\n", &[Some("B"), Some("B")]).is_none());
        // Not a text, a character outside the alphabet, a gap of 0, a post beyond the
        // last, a number cut off, bits beyond the last post.
        for list in [
            None,
            Some("A!"),
            Some("AA"),
            Some("C"),
            Some("g"),
            Some("~D"),
        ] {
            assert!(read(&["a"], "x\n", &[list]).is_none(), "{list:?}");
        }
        // The last word without its line break.
        assert!(read(&["a"], "x", &[Some("B")]).is_none());
        assert!(parse_text_index(r#"{"version":1,"posts":[{"slug":"a","words":"x"}]}"#).is_none());
        assert!(parse_text_index(r#"{"version":2,"slugs":[1],"words":"","posts":[]}"#).is_none());
        assert!(parse_text_index("<html>").is_none());
        assert!(parse_text_index("").is_none());
    }
}
