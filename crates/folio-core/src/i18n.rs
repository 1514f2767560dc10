//! Every reader-facing word of Folio, in the languages a site can choose with
//! `site.language`: English, German, French, Spanish, Japanese, Chinese, Arabic and Hebrew.
//!
//! The views (`crate::html`, the app's own components, the Markdown renderer's code,
//! alert and footnote labels, `folio build`'s pages) take their words from one
//! [`Strings`] table, chosen by [`Lang::from_tag`]. Numbers are filled into templates
//! (`{0}`, `{1}`), counts pick a plural form by the language's rule ([`Plural`]), and
//! dates are written the way the language writes them. Technical details inside error
//! messages (file names, JSON paths, parser messages) stay as `folio check` prints them.

use crate::PostDate;

/// A language Folio has words for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English (the default).
    #[default]
    En,
    /// German.
    De,
    /// French.
    Fr,
    /// Spanish.
    Es,
    /// Japanese.
    Ja,
    /// Chinese.
    Zh,
    /// Arabic (right to left).
    Ar,
    /// Hebrew (right to left).
    He,
}

/// Writing direction, for `<html dir>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Left to right.
    Ltr,
    /// Right to left.
    Rtl,
}

impl Direction {
    /// Of a BCP 47 tag: right to left for Arabic, Hebrew, Persian, Urdu and the other
    /// languages usually written in Arabic or Hebrew script, even those Folio has no words
    /// for (their posts are still right to left).
    pub fn of_tag(tag: &str) -> Direction {
        match primary_subtag(tag).as_str() {
            "ar" | "he" | "iw" | "fa" | "ur" | "ps" | "yi" | "dv" | "ckb" | "sd" | "ug" => {
                Direction::Rtl
            }
            _ => Direction::Ltr,
        }
    }

    /// `ltr` or `rtl`.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

fn primary_subtag(tag: &str) -> String {
    tag.trim()
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

impl Lang {
    /// Every language, in the order of the README's table.
    pub const ALL: [Lang; 8] = [
        Lang::En,
        Lang::De,
        Lang::Fr,
        Lang::Es,
        Lang::Ja,
        Lang::Zh,
        Lang::Ar,
        Lang::He,
    ];

    /// The language of a BCP 47 tag (`de`, `de-AT`, `zh-Hant-TW`, `pt_BR`), by its primary
    /// subtag; `None` when Folio has no words for it.
    pub fn parse(tag: &str) -> Option<Lang> {
        Some(match primary_subtag(tag).as_str() {
            "en" => Lang::En,
            "de" => Lang::De,
            "fr" => Lang::Fr,
            "es" => Lang::Es,
            "ja" => Lang::Ja,
            "zh" => Lang::Zh,
            "ar" => Lang::Ar,
            "he" | "iw" => Lang::He,
            _ => return None,
        })
    }

    /// [`Lang::parse`], falling back to English (for no tag or an unknown one).
    pub fn from_tag(tag: Option<&str>) -> Lang {
        tag.and_then(Lang::parse).unwrap_or_default()
    }

    /// The primary language subtag: `en`, `de`, …
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Ja => "ja",
            Lang::Zh => "zh",
            Lang::Ar => "ar",
            Lang::He => "he",
        }
    }

    /// The words of this language, when they are built in: always English, the others
    /// with the `translations` feature (the reader app leaves them out and loads the one it
    /// needs as a [`Strings::to_text`] file, which keeps its WebAssembly small).
    pub fn builtin(self) -> Option<&'static Strings> {
        match self {
            Lang::En => Some(&EN),
            #[cfg(feature = "translations")]
            Lang::De => Some(&DE),
            #[cfg(feature = "translations")]
            Lang::Fr => Some(&FR),
            #[cfg(feature = "translations")]
            Lang::Es => Some(&ES),
            #[cfg(feature = "translations")]
            Lang::Ja => Some(&JA),
            #[cfg(feature = "translations")]
            Lang::Zh => Some(&ZH),
            #[cfg(feature = "translations")]
            Lang::Ar => Some(&AR),
            #[cfg(feature = "translations")]
            Lang::He => Some(&HE),
            #[cfg(not(feature = "translations"))]
            _ => None,
        }
    }

    /// The words of this language: [`Lang::builtin`], else English.
    pub fn strings(self) -> &'static Strings {
        self.builtin().unwrap_or(&EN)
    }

    /// Where a site serves this language's [`Strings::to_text`] file, relative to its root.
    pub fn text_file(self) -> String {
        format!("i18n/{}.txt", self.code())
    }

    /// Which plural form a count takes (CLDR cardinal rules, integers only).
    fn plural_form(self, n: usize) -> Form {
        match self {
            Lang::En | Lang::De | Lang::Es => {
                if n == 1 {
                    Form::One
                } else {
                    Form::Other
                }
            }
            Lang::Fr => {
                if n <= 1 {
                    Form::One
                } else {
                    Form::Other
                }
            }
            Lang::Ja | Lang::Zh => Form::Other,
            Lang::Ar => match (n, n % 100) {
                (1, _) => Form::One,
                (2, _) => Form::Two,
                (_, 3..=10) => Form::Few,
                (_, 11..=99) => Form::Many,
                _ => Form::Other,
            },
            Lang::He => match n {
                1 => Form::One,
                2 => Form::Two,
                _ => Form::Other,
            },
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    One,
    Two,
    Few,
    Many,
    Other,
}

/// A phrase with a count in it, in each plural form a language has (`{0}` is the count).
/// Languages without a form repeat `other` there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plural {
    /// One (French also uses it for zero).
    pub one: &'static str,
    /// Two (Arabic, Hebrew).
    pub two: &'static str,
    /// Three to ten (Arabic).
    pub few: &'static str,
    /// Eleven to ninety-nine (Arabic).
    pub many: &'static str,
    /// Everything else.
    pub other: &'static str,
}

impl Plural {
    /// A phrase whose language has only "one" and "other".
    const fn two_forms(one: &'static str, other: &'static str) -> Plural {
        Plural {
            one,
            two: other,
            few: other,
            many: other,
            other,
        }
    }
}

/// Every reader-facing word of one language. Templates take numbered arguments (`{0}`),
/// filled by [`fill`]; the fields are documented with their English text.
#[derive(Debug, PartialEq, Eq)]
#[allow(missing_docs)] // each field's English text is its documentation
pub struct Strings {
    pub lang: Lang,
    // The frame: skip link, navigation, theme button, footer, notices.
    pub skip_link: &'static str,
    pub main_nav: &'static str,
    pub nav_posts: &'static str,
    pub nav_tags: &'static str,
    /// "Tag: {0}": a tag link's full text; all but the tag's name is for screen readers and
    /// crawlers only (the link reads well out of context, as in a list of links).
    pub tag_link: &'static str,
    pub nav_categories: &'static str,
    pub nav_archive: &'static str,
    pub nav_search: &'static str,
    /// "Theme: {0} (switch to {1})".
    pub theme_label: &'static str,
    pub theme_system: &'static str,
    pub theme_light: &'static str,
    pub theme_dark: &'static str,
    pub offline: &'static str,
    pub made_with: &'static str,
    pub loading: &'static str,
    pub noscript: &'static str,
    // Listings.
    pub latest_posts: &'static str,
    /// "{0}, page {1} of {2}".
    pub paged_title: &'static str,
    pub posts_heading: &'static str,
    pub no_posts: &'static str,
    pub nothing_yet: &'static str,
    pub newer_posts: &'static str,
    pub older_posts: &'static str,
    /// "Page {0} of {1}".
    pub page_of: &'static str,
    pub pages_label: &'static str,
    /// "1 post" / "{0} posts".
    pub posts: Plural,
    pub tags_heading: &'static str,
    pub categories_heading: &'static str,
    /// "Tagged “{0}”".
    pub tagged: &'static str,
    /// "Category: {0}".
    pub in_category: &'static str,
    pub narrow_by_category: &'static str,
    pub narrow_by_tag: &'static str,
    pub all: &'static str,
    pub all_posts: &'static str,
    /// "{0} min read".
    pub min_read: Plural,
    pub updated: &'static str,
    pub draft: &'static str,
    /// "By {0}".
    pub by: &'static str,
    // A post.
    pub share: &'static str,
    pub email: &'static str,
    pub edit_page: &'static str,
    pub newer: &'static str,
    pub older: &'static str,
    pub more_posts: &'static str,
    pub related: &'static str,
    pub comments: &'static str,
    pub contents: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub section_link: &'static str,
    pub footnotes: &'static str,
    pub back_to_text: &'static str,
    pub task_done: &'static str,
    pub task_open: &'static str,
    pub note: &'static str,
    pub tip: &'static str,
    pub important: &'static str,
    pub warning: &'static str,
    pub caution: &'static str,
    // Archive and search.
    pub archive: &'static str,
    pub search: &'static str,
    pub search_posts: &'static str,
    pub search_hint: &'static str,
    /// "No posts match “{0}”.".
    pub no_match: &'static str,
    /// "1 result" / "{0} results".
    pub results: Plural,
    /// "{0} for “{1}”" ({0} is the results phrase).
    pub results_for: &'static str,
    /// ", the best {0} shown".
    pub best_shown: &'static str,
    // Errors.
    pub error_title: &'static str,
    pub error_heading: &'static str,
    pub back_home: &'static str,
    pub not_found_title: &'static str,
    pub not_found_status: &'static str,
    pub not_found_heading: &'static str,
    /// "There is no post called “{0}”.".
    pub no_post: &'static str,
    /// "No post is tagged “{0}”.".
    pub no_tag: &'static str,
    /// "There is no category “{0}”.".
    pub no_category: &'static str,
    /// "This list has no page {0}.".
    pub no_page: &'static str,
    /// "Nothing on this site lives at {0}.".
    pub no_path: &'static str,
    pub moved_hint: &'static str,
    pub post_text_failed: &'static str,
    /// "The manifest says it is in {0}.".
    pub post_file_is: &'static str,
    /// "1 post could not be shown because of a problem in posts.json." / "{0} posts …".
    pub skipped: Plural,
    /// "{0} could not be loaded because the server did not answer ({1}). …".
    pub err_network: &'static str,
    /// "{0} was not found on the server (HTTP 404).".
    pub err_not_found: &'static str,
    /// "{0} could not be loaded: the server answered HTTP {1}.".
    pub err_status: &'static str,
    /// "{0} was answered with an HTML page instead of {1}; …".
    pub err_not_data: &'static str,
    /// "{0} is not UTF-8 text (the first invalid byte is at offset {1}); save it as UTF-8.".
    pub err_not_utf8: &'static str,
    /// "This post could not be displayed because the Markdown renderer failed ({0}). …".
    pub err_renderer: &'static str,
    // Dates.
    /// How a date is written, with `{d}`, `{m}` (a short month name) and `{y}`.
    pub date_pattern: &'static str,
    pub months_short: [&'static str; 12],
    pub months_long: [&'static str; 12],
}

impl Strings {
    /// `plural` in the form that `n` takes, with `n` filled in.
    pub fn count(&self, plural: &Plural, n: usize) -> String {
        let template = match self.lang.plural_form(n) {
            Form::One => plural.one,
            Form::Two => plural.two,
            Form::Few => plural.few,
            Form::Many => plural.many,
            Form::Other => plural.other,
        };
        fill(template, &[&n.to_string()])
    }

    /// "1 post", "14 posts".
    pub fn posts_count(&self, n: usize) -> String {
        self.count(&self.posts, n)
    }

    /// "6 min read".
    pub fn reading(&self, minutes: u32) -> String {
        self.count(
            &self.min_read,
            usize::try_from(minutes).unwrap_or(usize::MAX),
        )
    }

    /// A date as a reader of this language writes it: "Apr 7, 2025", "7. Apr. 2025",
    /// "2025年4月7日".
    pub fn date(&self, date: &PostDate) -> String {
        let month = self.months_short[usize::from(date.month().clamp(1, 12) - 1)];
        self.date_pattern
            .replace("{d}", &date.day().to_string())
            .replace("{m}", month)
            .replace("{M}", &date.month().to_string())
            .replace("{y}", &date.year().to_string())
    }

    /// The full name of month 1 to 12.
    pub fn month(&self, month: u8) -> &'static str {
        self.months_long[usize::from(month.clamp(1, 12) - 1)]
    }

    /// A paged view's title: the heading, then ", page N of M" after the first page.
    pub fn paged(&self, heading: &str, page: u32, n_pages: u32) -> String {
        if page > 1 {
            fill(
                self.paged_title,
                &[heading, &page.to_string(), &n_pages.to_string()],
            )
        } else {
            heading.to_string()
        }
    }
}

/// The first line of a [`Strings::to_text`] file, before the language code.
const TEXT_HEADER: &str = "folio-strings 3";

/// Writes [`Strings::to_text`] and [`Strings::from_text`] from one list of the fields, so
/// the two always agree on the order.
macro_rules! text_form {
    ($($field:ident),* ; $($plural:ident),* ; $($months:ident),*) => {
        impl Strings {
            /// The table as text: a header line, then one line per string in field order
            /// (plurals as five lines, months as twelve). No string has a line break.
            pub fn to_text(&self) -> String {
                let mut lines: Vec<&str> = vec![$(self.$field),*];
                $(
                    let plural = &self.$plural;
                    lines.extend([plural.one, plural.two, plural.few, plural.many, plural.other]);
                )*
                $(lines.extend(self.$months);)*
                let mut text = format!("{TEXT_HEADER} {}\n", self.lang.code());
                for line in lines {
                    text.push_str(line);
                    text.push('\n');
                }
                text
            }

            /// Reads [`Strings::to_text`]'s output for `lang`; `None` when the header names
            /// another language or format, or the lines are too few or too many.
            pub fn from_text(lang: Lang, text: &'static str) -> Option<Strings> {
                let mut lines = text.lines();
                if lines.next()? != format!("{TEXT_HEADER} {}", lang.code()) {
                    return None;
                }
                // One length check, then the lines taken apart by patterns: no per-field
                // code beyond a copy (this runs in the app's wasm).
                let lines: [&'static str; TEXT_LINES] = lines.collect::<Vec<_>>().try_into().ok()?;
                let [$($field,)* rest @ ..] = lines;
                let mut rest: &[&'static str] = &rest;
                $(
                    let ([one, two, few, many, other], tail) = rest.split_first_chunk::<5>()?;
                    let $plural = Plural { one, two, few, many, other };
                    rest = tail;
                )*
                $(
                    let ($months, tail) = rest.split_first_chunk::<12>()?;
                    let $months = *$months;
                    rest = tail;
                )*
                let _ = rest;
                Some(Strings {
                    lang,
                    $($field,)*
                    $($plural,)*
                    $($months,)*
                })
            }
        }

        /// Lines of a [`Strings::to_text`] file after its header.
        const TEXT_LINES: usize = [$(stringify!($field)),*].len()
            + 5 * [$(stringify!($plural)),*].len()
            + 12 * [$(stringify!($months)),*].len();
    };
}

text_form!(
    skip_link, main_nav, nav_posts, nav_tags, tag_link, nav_categories, nav_archive, nav_search,
    theme_label, theme_system, theme_light, theme_dark, offline, made_with, loading, noscript,
    latest_posts, paged_title, posts_heading, no_posts, nothing_yet, newer_posts, older_posts,
    page_of, pages_label, tags_heading, categories_heading, tagged, in_category,
    narrow_by_category, narrow_by_tag, all, all_posts, updated, draft, by, share,
    email, edit_page, newer, older, more_posts, related, comments, contents, copy, copied, section_link,
    footnotes, back_to_text, task_done, task_open, note, tip, important, warning, caution,
    archive, search, search_posts, search_hint, no_match, results_for, best_shown,
    error_title, error_heading, back_home, not_found_title, not_found_status,
    not_found_heading, no_post, no_tag, no_category, no_page, no_path, moved_hint,
    post_text_failed, post_file_is, err_network, err_not_found, err_status, err_not_data,
    err_not_utf8, err_renderer, date_pattern;
    posts, results, skipped, min_read;
    months_short, months_long
);

/// `template` with `{0}`, `{1}`, … replaced by `args` (in one pass, so an argument that
/// contains `{1}` stays as it is).
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let index = after[..digits].parse::<usize>().ok();
        match (
            index.and_then(|index| args.get(index)),
            after[digits..].starts_with('}'),
        ) {
            (Some(arg), true) => {
                out.push_str(arg);
                rest = &after[digits + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// English.
pub static EN: Strings = Strings {
    lang: Lang::En,
    skip_link: "Skip to content",
    main_nav: "Main",
    nav_posts: "Posts",
    nav_tags: "Tags",
    tag_link: "Tag: {0}",
    nav_categories: "Categories",
    nav_archive: "Archive",
    nav_search: "Search",
    theme_label: "Theme: {0} (switch to {1})",
    theme_system: "system",
    theme_light: "light",
    theme_dark: "dark",
    offline: "You are offline: what you see is the copy saved on this device.",
    made_with: "Made with",
    loading: "Loading…",
    noscript: "This blog needs JavaScript and WebAssembly to show its posts.",
    latest_posts: "Latest posts",
    paged_title: "{0}, page {1} of {2}",
    posts_heading: "Posts",
    no_posts: "No posts yet.",
    nothing_yet: "Nothing here yet.",
    newer_posts: "← Newer posts",
    older_posts: "Older posts →",
    page_of: "Page {0} of {1}",
    pages_label: "Pages",
    posts: Plural::two_forms("1 post", "{0} posts"),
    tags_heading: "Tags",
    categories_heading: "Categories",
    tagged: "Tagged “{0}”",
    in_category: "Category: {0}",
    narrow_by_category: "Narrow by category",
    narrow_by_tag: "Narrow by tag",
    all: "All",
    all_posts: "← all posts",
    min_read: Plural::two_forms("{0} min read", "{0} min read"),
    updated: "updated",
    draft: "Draft",
    by: "By {0}",
    share: "Share:",
    email: "Email",
    edit_page: "Edit this page",
    newer: "Newer",
    older: "Older",
    more_posts: "More posts",
    related: "Related posts",
    comments: "Comments",
    contents: "Contents",
    copy: "Copy",
    copied: "Copied",
    section_link: "Link to this section",
    footnotes: "Footnotes",
    back_to_text: "Back to the text",
    task_done: "done",
    task_open: "not done",
    note: "Note",
    tip: "Tip",
    important: "Important",
    warning: "Warning",
    caution: "Caution",
    archive: "Archive",
    search: "Search",
    search_posts: "Search posts",
    search_hint: "Type to search titles, summaries, tags and categories.",
    no_match: "No posts match “{0}”.",
    results: Plural::two_forms("1 result", "{0} results"),
    results_for: "{0} for “{1}”",
    best_shown: ", the best {0} shown",
    error_title: "Could not load this page",
    error_heading: "This page could not be loaded",
    back_home: "← Back to the home page",
    not_found_title: "Not found (404)",
    not_found_status: "404 · Not found",
    not_found_heading: "There is nothing here",
    no_post: "There is no post called “{0}”.",
    no_tag: "No post is tagged “{0}”.",
    no_category: "There is no category “{0}”.",
    no_page: "This list has no page {0}.",
    no_path: "Nothing on this site lives at {0}.",
    moved_hint: "It may have moved, or the link may be mistyped.",
    post_text_failed: "The text of this post could not be loaded.",
    post_file_is: "The manifest says it is in {0}.",
    skipped: Plural::two_forms(
        "1 post could not be shown because of a problem in posts.json.",
        "{0} posts could not be shown because of problems in posts.json.",
    ),
    err_network: "{0} could not be loaded because the server did not answer ({1}). Check your connection and try again.",
    err_not_found: "{0} was not found on the server (HTTP 404).",
    err_status: "{0} could not be loaded: the server answered HTTP {1}.",
    err_not_data: "{0} was answered with an HTML page instead of {1}; the file is probably missing from the site.",
    err_not_utf8: "{0} is not UTF-8 text (the first invalid byte is at offset {1}); save it as UTF-8.",
    err_renderer: "This post could not be displayed because the Markdown renderer failed ({0}). Reload the page to try again.",
    date_pattern: "{m} {d}, {y}",
    months_short: [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ],
    months_long: [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ],
};

/// German.
#[cfg(feature = "translations")]
pub static DE: Strings = Strings {
    lang: Lang::De,
    skip_link: "Zum Inhalt springen",
    main_nav: "Hauptnavigation",
    nav_posts: "Beiträge",
    nav_tags: "Schlagwörter",
    tag_link: "Schlagwort: {0}",
    nav_categories: "Kategorien",
    nav_archive: "Archiv",
    nav_search: "Suche",
    theme_label: "Farbschema: {0} (wechseln zu {1})",
    theme_system: "System",
    theme_light: "hell",
    theme_dark: "dunkel",
    offline: "Sie sind offline: Sie sehen die auf diesem Gerät gespeicherte Kopie.",
    made_with: "Erstellt mit",
    loading: "Wird geladen…",
    noscript: "Dieser Blog braucht JavaScript und WebAssembly, um seine Beiträge zu zeigen.",
    latest_posts: "Neueste Beiträge",
    paged_title: "{0}, Seite {1} von {2}",
    posts_heading: "Beiträge",
    no_posts: "Noch keine Beiträge.",
    nothing_yet: "Hier gibt es noch nichts.",
    newer_posts: "← Neuere Beiträge",
    older_posts: "Ältere Beiträge →",
    page_of: "Seite {0} von {1}",
    pages_label: "Seiten",
    posts: Plural::two_forms("1 Beitrag", "{0} Beiträge"),
    tags_heading: "Schlagwörter",
    categories_heading: "Kategorien",
    tagged: "Schlagwort „{0}“",
    in_category: "Kategorie: {0}",
    narrow_by_category: "Nach Kategorie eingrenzen",
    narrow_by_tag: "Nach Schlagwort eingrenzen",
    all: "Alle",
    all_posts: "← alle Beiträge",
    min_read: Plural::two_forms("{0} Min. Lesezeit", "{0} Min. Lesezeit"),
    updated: "aktualisiert",
    draft: "Entwurf",
    by: "Von {0}",
    share: "Teilen:",
    email: "E-Mail",
    edit_page: "Diese Seite bearbeiten",
    newer: "Neuer",
    older: "Älter",
    more_posts: "Weitere Beiträge",
    related: "Ähnliche Beiträge",
    comments: "Kommentare",
    contents: "Inhalt",
    copy: "Kopieren",
    copied: "Kopiert",
    section_link: "Link zu diesem Abschnitt",
    footnotes: "Fußnoten",
    back_to_text: "Zurück zum Text",
    task_done: "erledigt",
    task_open: "offen",
    note: "Hinweis",
    tip: "Tipp",
    important: "Wichtig",
    warning: "Warnung",
    caution: "Vorsicht",
    archive: "Archiv",
    search: "Suche",
    search_posts: "Beiträge durchsuchen",
    search_hint: "Tippen, um Titel, Zusammenfassungen, Schlagwörter und Kategorien zu durchsuchen.",
    no_match: "Keine Beiträge zu „{0}“.",
    results: Plural::two_forms("1 Treffer", "{0} Treffer"),
    results_for: "{0} für „{1}“",
    best_shown: ", die besten {0} angezeigt",
    error_title: "Seite konnte nicht geladen werden",
    error_heading: "Diese Seite konnte nicht geladen werden",
    back_home: "← Zurück zur Startseite",
    not_found_title: "Nicht gefunden (404)",
    not_found_status: "404 · Nicht gefunden",
    not_found_heading: "Hier ist nichts",
    no_post: "Es gibt keinen Beitrag namens „{0}“.",
    no_tag: "Kein Beitrag hat das Schlagwort „{0}“.",
    no_category: "Es gibt keine Kategorie „{0}“.",
    no_page: "Diese Liste hat keine Seite {0}.",
    no_path: "Unter {0} gibt es auf dieser Website nichts.",
    moved_hint: "Vielleicht wurde die Seite verschoben oder der Link ist falsch geschrieben.",
    post_text_failed: "Der Text dieses Beitrags konnte nicht geladen werden.",
    post_file_is: "Laut Manifest liegt er in {0}.",
    skipped: Plural::two_forms(
        "1 Beitrag kann wegen eines Fehlers in posts.json nicht angezeigt werden.",
        "{0} Beiträge können wegen Fehlern in posts.json nicht angezeigt werden.",
    ),
    err_network: "{0} konnte nicht geladen werden, weil der Server nicht antwortete ({1}). Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",
    err_not_found: "{0} wurde auf dem Server nicht gefunden (HTTP 404).",
    err_status: "{0} konnte nicht geladen werden: Der Server antwortete mit HTTP {1}.",
    err_not_data: "{0} wurde mit einer HTML-Seite statt mit {1} beantwortet; die Datei fehlt wahrscheinlich auf der Website.",
    err_not_utf8: "{0} ist kein UTF-8-Text (das erste ungültige Byte steht an Position {1}); speichern Sie die Datei als UTF-8.",
    err_renderer: "Dieser Beitrag kann nicht angezeigt werden, weil der Markdown-Renderer fehlschlug ({0}). Laden Sie die Seite neu, um es erneut zu versuchen.",
    date_pattern: "{d}. {m} {y}",
    months_short: [
        "Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.",
        "Dez.",
    ],
    months_long: [
        "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
        "Oktober", "November", "Dezember",
    ],
};

/// French.
#[cfg(feature = "translations")]
pub static FR: Strings = Strings {
    lang: Lang::Fr,
    skip_link: "Aller au contenu",
    main_nav: "Navigation principale",
    nav_posts: "Articles",
    nav_tags: "Étiquettes",
    tag_link: "Étiquette : {0}",
    nav_categories: "Catégories",
    nav_archive: "Archives",
    nav_search: "Recherche",
    theme_label: "Thème : {0} (passer à {1})",
    theme_system: "système",
    theme_light: "clair",
    theme_dark: "sombre",
    offline: "Vous êtes hors ligne : vous voyez la copie enregistrée sur cet appareil.",
    made_with: "Fait avec",
    loading: "Chargement…",
    noscript: "Ce blog a besoin de JavaScript et de WebAssembly pour afficher ses articles.",
    latest_posts: "Derniers articles",
    paged_title: "{0}, page {1} sur {2}",
    posts_heading: "Articles",
    no_posts: "Aucun article pour le moment.",
    nothing_yet: "Rien ici pour le moment.",
    newer_posts: "← Articles plus récents",
    older_posts: "Articles plus anciens →",
    page_of: "Page {0} sur {1}",
    pages_label: "Pages",
    posts: Plural::two_forms("{0} article", "{0} articles"),
    tags_heading: "Étiquettes",
    categories_heading: "Catégories",
    tagged: "Étiquette « {0} »",
    in_category: "Catégorie : {0}",
    narrow_by_category: "Filtrer par catégorie",
    narrow_by_tag: "Filtrer par étiquette",
    all: "Tous",
    all_posts: "← tous les articles",
    min_read: Plural::two_forms("{0} min de lecture", "{0} min de lecture"),
    updated: "mis à jour le",
    draft: "Brouillon",
    by: "Par {0}",
    share: "Partager :",
    email: "E-mail",
    edit_page: "Modifier cette page",
    newer: "Plus récent",
    older: "Plus ancien",
    more_posts: "Autres articles",
    related: "Articles similaires",
    comments: "Commentaires",
    contents: "Sommaire",
    copy: "Copier",
    copied: "Copié",
    section_link: "Lien vers cette section",
    footnotes: "Notes",
    back_to_text: "Retour au texte",
    task_done: "fait",
    task_open: "à faire",
    note: "Remarque",
    tip: "Astuce",
    important: "Important",
    warning: "Avertissement",
    caution: "Attention",
    archive: "Archives",
    search: "Recherche",
    search_posts: "Rechercher des articles",
    search_hint: "Tapez pour chercher dans les titres, résumés, étiquettes et catégories.",
    no_match: "Aucun article ne correspond à « {0} ».",
    results: Plural::two_forms("{0} résultat", "{0} résultats"),
    results_for: "{0} pour « {1} »",
    best_shown: ", les {0} meilleurs affichés",
    error_title: "Impossible de charger cette page",
    error_heading: "Cette page n’a pas pu être chargée",
    back_home: "← Retour à l’accueil",
    not_found_title: "Introuvable (404)",
    not_found_status: "404 · Introuvable",
    not_found_heading: "Il n’y a rien ici",
    no_post: "Aucun article ne s’appelle « {0} ».",
    no_tag: "Aucun article n’a l’étiquette « {0} ».",
    no_category: "La catégorie « {0} » n’existe pas.",
    no_page: "Cette liste n’a pas de page {0}.",
    no_path: "Rien sur ce site ne se trouve à l’adresse {0}.",
    moved_hint: "La page a peut-être été déplacée, ou le lien contient une faute de frappe.",
    post_text_failed: "Le texte de cet article n’a pas pu être chargé.",
    post_file_is: "Selon le manifeste, il se trouve dans {0}.",
    skipped: Plural::two_forms(
        "{0} article n’a pas pu être affiché à cause d’un problème dans posts.json.",
        "{0} articles n’ont pas pu être affichés à cause de problèmes dans posts.json.",
    ),
    err_network: "{0} n’a pas pu être chargé car le serveur n’a pas répondu ({1}). Vérifiez votre connexion et réessayez.",
    err_not_found: "{0} est introuvable sur le serveur (HTTP 404).",
    err_status: "{0} n’a pas pu être chargé : le serveur a répondu HTTP {1}.",
    err_not_data: "{0} a reçu une page HTML au lieu de {1} ; le fichier manque probablement sur le site.",
    err_not_utf8: "{0} n’est pas du texte UTF-8 (premier octet invalide à la position {1}) ; enregistrez-le en UTF-8.",
    err_renderer: "Cet article n’a pas pu être affiché car le moteur Markdown a échoué ({0}). Rechargez la page pour réessayer.",
    date_pattern: "{d} {m} {y}",
    months_short: [
        "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
        "déc.",
    ],
    months_long: [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre",
    ],
};

/// Spanish.
#[cfg(feature = "translations")]
pub static ES: Strings = Strings {
    lang: Lang::Es,
    skip_link: "Saltar al contenido",
    main_nav: "Navegación principal",
    nav_posts: "Entradas",
    nav_tags: "Etiquetas",
    tag_link: "Etiqueta: {0}",
    nav_categories: "Categorías",
    nav_archive: "Archivo",
    nav_search: "Buscar",
    theme_label: "Tema: {0} (cambiar a {1})",
    theme_system: "sistema",
    theme_light: "claro",
    theme_dark: "oscuro",
    offline: "Estás sin conexión: ves la copia guardada en este dispositivo.",
    made_with: "Hecho con",
    loading: "Cargando…",
    noscript: "Este blog necesita JavaScript y WebAssembly para mostrar sus entradas.",
    latest_posts: "Últimas entradas",
    paged_title: "{0}, página {1} de {2}",
    posts_heading: "Entradas",
    no_posts: "Todavía no hay entradas.",
    nothing_yet: "Todavía no hay nada aquí.",
    newer_posts: "← Entradas más recientes",
    older_posts: "Entradas anteriores →",
    page_of: "Página {0} de {1}",
    pages_label: "Páginas",
    posts: Plural::two_forms("1 entrada", "{0} entradas"),
    tags_heading: "Etiquetas",
    categories_heading: "Categorías",
    tagged: "Etiqueta «{0}»",
    in_category: "Categoría: {0}",
    narrow_by_category: "Filtrar por categoría",
    narrow_by_tag: "Filtrar por etiqueta",
    all: "Todas",
    all_posts: "← todas las entradas",
    min_read: Plural::two_forms("{0} min de lectura", "{0} min de lectura"),
    updated: "actualizado el",
    draft: "Borrador",
    by: "Por {0}",
    share: "Compartir:",
    email: "Correo",
    edit_page: "Editar esta página",
    newer: "Más reciente",
    older: "Anterior",
    more_posts: "Más entradas",
    related: "Entradas relacionadas",
    comments: "Comentarios",
    contents: "Contenido",
    copy: "Copiar",
    copied: "Copiado",
    section_link: "Enlace a esta sección",
    footnotes: "Notas",
    back_to_text: "Volver al texto",
    task_done: "hecho",
    task_open: "pendiente",
    note: "Nota",
    tip: "Consejo",
    important: "Importante",
    warning: "Advertencia",
    caution: "Precaución",
    archive: "Archivo",
    search: "Buscar",
    search_posts: "Buscar entradas",
    search_hint: "Escribe para buscar en títulos, resúmenes, etiquetas y categorías.",
    no_match: "Ninguna entrada coincide con «{0}».",
    results: Plural::two_forms("1 resultado", "{0} resultados"),
    results_for: "{0} para «{1}»",
    best_shown: ", se muestran los {0} mejores",
    error_title: "No se pudo cargar esta página",
    error_heading: "Esta página no se pudo cargar",
    back_home: "← Volver a la portada",
    not_found_title: "No encontrado (404)",
    not_found_status: "404 · No encontrado",
    not_found_heading: "Aquí no hay nada",
    no_post: "No hay ninguna entrada llamada «{0}».",
    no_tag: "Ninguna entrada tiene la etiqueta «{0}».",
    no_category: "No existe la categoría «{0}».",
    no_page: "Esta lista no tiene página {0}.",
    no_path: "No hay nada en este sitio en {0}.",
    moved_hint: "Puede que se haya movido o que el enlace esté mal escrito.",
    post_text_failed: "No se pudo cargar el texto de esta entrada.",
    post_file_is: "Según el manifiesto, está en {0}.",
    skipped: Plural::two_forms(
        "1 entrada no se puede mostrar por un problema en posts.json.",
        "{0} entradas no se pueden mostrar por problemas en posts.json.",
    ),
    err_network: "No se pudo cargar {0} porque el servidor no respondió ({1}). Comprueba tu conexión e inténtalo de nuevo.",
    err_not_found: "{0} no se encontró en el servidor (HTTP 404).",
    err_status: "No se pudo cargar {0}: el servidor respondió HTTP {1}.",
    err_not_data: "{0} se respondió con una página HTML en lugar de {1}; probablemente falta el archivo en el sitio.",
    err_not_utf8: "{0} no es texto UTF-8 (el primer byte no válido está en la posición {1}); guárdalo como UTF-8.",
    err_renderer: "Esta entrada no se puede mostrar porque falló el renderizador de Markdown ({0}). Recarga la página para volver a intentarlo.",
    date_pattern: "{d} {m} {y}",
    months_short: [
        "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic",
    ],
    months_long: [
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
        "octubre", "noviembre", "diciembre",
    ],
};

/// Japanese.
#[cfg(feature = "translations")]
pub static JA: Strings = Strings {
    lang: Lang::Ja,
    skip_link: "本文へスキップ",
    main_nav: "メインメニュー",
    nav_posts: "記事",
    nav_tags: "タグ",
    tag_link: "タグ: {0}",
    nav_categories: "カテゴリー",
    nav_archive: "アーカイブ",
    nav_search: "検索",
    theme_label: "テーマ: {0}（{1}に切り替え）",
    theme_system: "システム",
    theme_light: "ライト",
    theme_dark: "ダーク",
    offline: "オフラインです。この端末に保存されたコピーを表示しています。",
    made_with: "作成:",
    loading: "読み込み中…",
    noscript: "このブログの記事を表示するには JavaScript と WebAssembly が必要です。",
    latest_posts: "最新の記事",
    paged_title: "{0}（{1}/{2}ページ）",
    posts_heading: "記事",
    no_posts: "まだ記事はありません。",
    nothing_yet: "まだ何もありません。",
    newer_posts: "← 新しい記事",
    older_posts: "古い記事 →",
    page_of: "{0}/{1}ページ",
    pages_label: "ページ",
    posts: Plural::two_forms("{0}件の記事", "{0}件の記事"),
    tags_heading: "タグ",
    categories_heading: "カテゴリー",
    tagged: "タグ「{0}」",
    in_category: "カテゴリー: {0}",
    narrow_by_category: "カテゴリーで絞り込む",
    narrow_by_tag: "タグで絞り込む",
    all: "すべて",
    all_posts: "← すべての記事",
    min_read: Plural::two_forms("{0}分で読めます", "{0}分で読めます"),
    updated: "更新",
    draft: "下書き",
    by: "著者: {0}",
    share: "共有:",
    email: "メール",
    edit_page: "このページを編集",
    newer: "新しい記事",
    older: "古い記事",
    more_posts: "その他の記事",
    related: "関連記事",
    comments: "コメント",
    contents: "目次",
    copy: "コピー",
    copied: "コピーしました",
    section_link: "このセクションへのリンク",
    footnotes: "脚注",
    back_to_text: "本文に戻る",
    task_done: "完了",
    task_open: "未完了",
    note: "注記",
    tip: "ヒント",
    important: "重要",
    warning: "警告",
    caution: "注意",
    archive: "アーカイブ",
    search: "検索",
    search_posts: "記事を検索",
    search_hint: "タイトル、概要、タグ、カテゴリーを検索できます。",
    no_match: "「{0}」に一致する記事はありません。",
    results: Plural::two_forms("{0}件", "{0}件"),
    results_for: "「{1}」の検索結果: {0}",
    best_shown: "（上位{0}件を表示）",
    error_title: "ページを読み込めませんでした",
    error_heading: "このページを読み込めませんでした",
    back_home: "← ホームに戻る",
    not_found_title: "見つかりません (404)",
    not_found_status: "404 · 見つかりません",
    not_found_heading: "ページが見つかりません",
    no_post: "「{0}」という記事はありません。",
    no_tag: "タグ「{0}」の記事はありません。",
    no_category: "カテゴリー「{0}」はありません。",
    no_page: "この一覧に{0}ページ目はありません。",
    no_path: "{0} には何もありません。",
    moved_hint: "移動したか、リンクが間違っている可能性があります。",
    post_text_failed: "この記事の本文を読み込めませんでした。",
    post_file_is: "マニフェストによると、ファイルは {0} です。",
    skipped: Plural::two_forms(
        "posts.json の問題により、{0}件の記事を表示できません。",
        "posts.json の問題により、{0}件の記事を表示できません。",
    ),
    err_network: "サーバーが応答しなかったため {0} を読み込めませんでした（{1}）。接続を確認して、もう一度お試しください。",
    err_not_found: "{0} はサーバー上に見つかりません (HTTP 404)。",
    err_status: "{0} を読み込めませんでした。サーバーの応答: HTTP {1}。",
    err_not_data: "{0} に対して {1} ではなく HTML ページが返されました。ファイルがサイトにない可能性があります。",
    err_not_utf8: "{0} は UTF-8 のテキストではありません（最初の不正なバイトの位置: {1}）。UTF-8 で保存してください。",
    err_renderer: "Markdown の表示処理に失敗したため、この記事を表示できません（{0}）。ページを再読み込みしてください。",
    date_pattern: "{y}年{M}月{d}日",
    months_short: [
        "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月",
    ],
    months_long: [
        "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月",
    ],
};

/// Chinese (Simplified).
#[cfg(feature = "translations")]
pub static ZH: Strings = Strings {
    lang: Lang::Zh,
    skip_link: "跳到正文",
    main_nav: "主导航",
    nav_posts: "文章",
    nav_tags: "标签",
    tag_link: "标签：{0}",
    nav_categories: "分类",
    nav_archive: "归档",
    nav_search: "搜索",
    theme_label: "主题：{0}（切换到{1}）",
    theme_system: "跟随系统",
    theme_light: "浅色",
    theme_dark: "深色",
    offline: "你已离线：当前显示的是保存在本设备上的副本。",
    made_with: "基于",
    loading: "加载中…",
    noscript: "本博客需要 JavaScript 和 WebAssembly 才能显示文章。",
    latest_posts: "最新文章",
    paged_title: "{0}，第 {1} 页，共 {2} 页",
    posts_heading: "文章",
    no_posts: "还没有文章。",
    nothing_yet: "这里还什么都没有。",
    newer_posts: "← 较新的文章",
    older_posts: "较早的文章 →",
    page_of: "第 {0} 页，共 {1} 页",
    pages_label: "分页",
    posts: Plural::two_forms("{0} 篇文章", "{0} 篇文章"),
    tags_heading: "标签",
    categories_heading: "分类",
    tagged: "标签“{0}”",
    in_category: "分类：{0}",
    narrow_by_category: "按分类筛选",
    narrow_by_tag: "按标签筛选",
    all: "全部",
    all_posts: "← 全部文章",
    min_read: Plural::two_forms("阅读约需 {0} 分钟", "阅读约需 {0} 分钟"),
    updated: "更新于",
    draft: "草稿",
    by: "作者：{0}",
    share: "分享：",
    email: "电子邮件",
    edit_page: "编辑此页",
    newer: "较新",
    older: "较早",
    more_posts: "更多文章",
    related: "相关文章",
    comments: "评论",
    contents: "目录",
    copy: "复制",
    copied: "已复制",
    section_link: "链接到本节",
    footnotes: "脚注",
    back_to_text: "返回正文",
    task_done: "已完成",
    task_open: "未完成",
    note: "注意",
    tip: "提示",
    important: "重要",
    warning: "警告",
    caution: "小心",
    archive: "归档",
    search: "搜索",
    search_posts: "搜索文章",
    search_hint: "输入关键词，搜索标题、摘要、标签和分类。",
    no_match: "没有与“{0}”匹配的文章。",
    results: Plural::two_forms("{0} 个结果", "{0} 个结果"),
    results_for: "“{1}”的搜索结果：{0}",
    best_shown: "（显示最相关的 {0} 个）",
    error_title: "无法加载此页面",
    error_heading: "此页面无法加载",
    back_home: "← 返回首页",
    not_found_title: "未找到 (404)",
    not_found_status: "404 · 未找到",
    not_found_heading: "这里什么都没有",
    no_post: "没有名为“{0}”的文章。",
    no_tag: "没有带“{0}”标签的文章。",
    no_category: "没有“{0}”这个分类。",
    no_page: "此列表没有第 {0} 页。",
    no_path: "本站在 {0} 没有内容。",
    moved_hint: "它可能已被移动，或者链接有误。",
    post_text_failed: "无法加载这篇文章的正文。",
    post_file_is: "清单中记录的文件是 {0}。",
    skipped: Plural::two_forms(
        "由于 posts.json 中的问题，有 {0} 篇文章无法显示。",
        "由于 posts.json 中的问题，有 {0} 篇文章无法显示。",
    ),
    err_network: "服务器没有响应，无法加载 {0}（{1}）。请检查网络连接后重试。",
    err_not_found: "服务器上找不到 {0} (HTTP 404)。",
    err_status: "无法加载 {0}：服务器返回 HTTP {1}。",
    err_not_data: "请求 {0} 时返回的是 HTML 页面而不是 {1}；站点上可能缺少该文件。",
    err_not_utf8: "{0} 不是 UTF-8 文本（第一个无效字节位于偏移 {1}）；请以 UTF-8 保存。",
    err_renderer: "Markdown 渲染失败，无法显示这篇文章（{0}）。请刷新页面重试。",
    date_pattern: "{y}年{M}月{d}日",
    months_short: [
        "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月",
    ],
    months_long: [
        "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月",
    ],
};

/// Arabic.
#[cfg(feature = "translations")]
pub static AR: Strings = Strings {
    lang: Lang::Ar,
    skip_link: "انتقل إلى المحتوى",
    main_nav: "التنقل الرئيسي",
    nav_posts: "المقالات",
    nav_tags: "الوسوم",
    tag_link: "الوسم: {0}",
    nav_categories: "التصنيفات",
    nav_archive: "الأرشيف",
    nav_search: "بحث",
    theme_label: "المظهر: {0} (التبديل إلى {1})",
    theme_system: "النظام",
    theme_light: "فاتح",
    theme_dark: "داكن",
    offline: "أنت غير متصل: ما تراه هو النسخة المحفوظة على هذا الجهاز.",
    made_with: "صُنع باستخدام",
    loading: "جارٍ التحميل…",
    noscript: "تحتاج هذه المدونة إلى JavaScript وWebAssembly لعرض مقالاتها.",
    latest_posts: "أحدث المقالات",
    paged_title: "{0}، الصفحة {1} من {2}",
    posts_heading: "المقالات",
    no_posts: "لا توجد مقالات بعد.",
    nothing_yet: "لا يوجد شيء هنا بعد.",
    newer_posts: "→ مقالات أحدث",
    older_posts: "مقالات أقدم ←",
    page_of: "الصفحة {0} من {1}",
    pages_label: "الصفحات",
    posts: Plural {
        one: "مقالة واحدة",
        two: "مقالتان",
        few: "{0} مقالات",
        many: "{0} مقالة",
        other: "{0} مقالة",
    },
    tags_heading: "الوسوم",
    categories_heading: "التصنيفات",
    tagged: "الوسم «{0}»",
    in_category: "التصنيف: {0}",
    narrow_by_category: "التصفية حسب التصنيف",
    narrow_by_tag: "التصفية حسب الوسم",
    all: "الكل",
    all_posts: "→ كل المقالات",
    min_read: Plural {
        one: "دقيقة واحدة للقراءة",
        two: "دقيقتان للقراءة",
        few: "{0} دقائق للقراءة",
        many: "{0} دقيقة للقراءة",
        other: "{0} دقيقة للقراءة",
    },
    updated: "حُدّث في",
    draft: "مسودة",
    by: "بقلم {0}",
    share: "مشاركة:",
    email: "البريد الإلكتروني",
    edit_page: "تعديل هذه الصفحة",
    newer: "الأحدث",
    older: "الأقدم",
    more_posts: "مقالات أخرى",
    related: "مقالات ذات صلة",
    comments: "التعليقات",
    contents: "المحتويات",
    copy: "نسخ",
    copied: "تم النسخ",
    section_link: "رابط إلى هذا القسم",
    footnotes: "الحواشي",
    back_to_text: "العودة إلى النص",
    task_done: "منجزة",
    task_open: "غير منجزة",
    note: "ملاحظة",
    tip: "نصيحة",
    important: "مهم",
    warning: "تحذير",
    caution: "تنبيه",
    archive: "الأرشيف",
    search: "بحث",
    search_posts: "ابحث في المقالات",
    search_hint: "اكتب للبحث في العناوين والملخصات والوسوم والتصنيفات.",
    no_match: "لا توجد مقالات تطابق «{0}».",
    results: Plural {
        one: "نتيجة واحدة",
        two: "نتيجتان",
        few: "{0} نتائج",
        many: "{0} نتيجة",
        other: "{0} نتيجة",
    },
    results_for: "{0} لـ «{1}»",
    best_shown: "، تُعرض أفضل {0}",
    error_title: "تعذّر تحميل هذه الصفحة",
    error_heading: "تعذّر تحميل هذه الصفحة",
    back_home: "→ العودة إلى الصفحة الرئيسية",
    not_found_title: "غير موجود (404)",
    not_found_status: "404 · غير موجود",
    not_found_heading: "لا يوجد شيء هنا",
    no_post: "لا توجد مقالة باسم «{0}».",
    no_tag: "لا توجد مقالة بالوسم «{0}».",
    no_category: "لا يوجد تصنيف «{0}».",
    no_page: "هذه القائمة ليس فيها صفحة {0}.",
    no_path: "لا يوجد شيء على هذا الموقع في {0}.",
    moved_hint: "ربما نُقلت الصفحة، أو أن الرابط مكتوب بشكل خاطئ.",
    post_text_failed: "تعذّر تحميل نص هذه المقالة.",
    post_file_is: "بحسب البيان، الملف هو {0}.",
    skipped: Plural {
        one: "تعذّر عرض مقالة واحدة بسبب مشكلة في posts.json.",
        two: "تعذّر عرض مقالتين بسبب مشكلات في posts.json.",
        few: "تعذّر عرض {0} مقالات بسبب مشكلات في posts.json.",
        many: "تعذّر عرض {0} مقالة بسبب مشكلات في posts.json.",
        other: "تعذّر عرض {0} مقالة بسبب مشكلات في posts.json.",
    },
    err_network: "تعذّر تحميل {0} لأن الخادم لم يستجب ({1}). تحقق من اتصالك وحاول مرة أخرى.",
    err_not_found: "لم يُعثر على {0} على الخادم (HTTP 404).",
    err_status: "تعذّر تحميل {0}: أجاب الخادم بـ HTTP {1}.",
    err_not_data: "أُجيب طلب {0} بصفحة HTML بدلًا من {1}؛ الملف مفقود على الأرجح من الموقع.",
    err_not_utf8:
        "{0} ليس نصًا بترميز UTF-8 (أول بايت غير صالح عند الموضع {1})؛ احفظه بترميز UTF-8.",
    err_renderer:
        "تعذّر عرض هذه المقالة لأن معالج Markdown فشل ({0}). أعد تحميل الصفحة للمحاولة مرة أخرى.",
    date_pattern: "{d} {m} {y}",
    months_short: [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ],
    months_long: [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ],
};

/// Hebrew.
#[cfg(feature = "translations")]
pub static HE: Strings = Strings {
    lang: Lang::He,
    skip_link: "דילוג לתוכן",
    main_nav: "ניווט ראשי",
    nav_posts: "פוסטים",
    nav_tags: "תגיות",
    tag_link: "תגית: {0}",
    nav_categories: "קטגוריות",
    nav_archive: "ארכיון",
    nav_search: "חיפוש",
    theme_label: "ערכת נושא: {0} (מעבר ל{1})",
    theme_system: "מערכת",
    theme_light: "בהירה",
    theme_dark: "כהה",
    offline: "אין חיבור לרשת: מוצג העותק השמור במכשיר הזה.",
    made_with: "נבנה עם",
    loading: "טוען…",
    noscript: "הבלוג הזה צריך JavaScript ו־WebAssembly כדי להציג את הפוסטים שלו.",
    latest_posts: "פוסטים אחרונים",
    paged_title: "{0}, עמוד {1} מתוך {2}",
    posts_heading: "פוסטים",
    no_posts: "אין עדיין פוסטים.",
    nothing_yet: "אין כאן עדיין כלום.",
    newer_posts: "→ פוסטים חדשים יותר",
    older_posts: "פוסטים ישנים יותר ←",
    page_of: "עמוד {0} מתוך {1}",
    pages_label: "עמודים",
    posts: Plural {
        one: "פוסט אחד",
        two: "שני פוסטים",
        few: "{0} פוסטים",
        many: "{0} פוסטים",
        other: "{0} פוסטים",
    },
    tags_heading: "תגיות",
    categories_heading: "קטגוריות",
    tagged: "תגית „{0}”",
    in_category: "קטגוריה: {0}",
    narrow_by_category: "סינון לפי קטגוריה",
    narrow_by_tag: "סינון לפי תגית",
    all: "הכול",
    all_posts: "→ כל הפוסטים",
    min_read: Plural {
        one: "דקת קריאה אחת",
        two: "שתי דקות קריאה",
        few: "{0} דקות קריאה",
        many: "{0} דקות קריאה",
        other: "{0} דקות קריאה",
    },
    updated: "עודכן",
    draft: "טיוטה",
    by: "מאת {0}",
    share: "שיתוף:",
    email: "דוא״ל",
    edit_page: "עריכת הדף",
    newer: "חדש יותר",
    older: "ישן יותר",
    more_posts: "פוסטים נוספים",
    related: "פוסטים קשורים",
    comments: "תגובות",
    contents: "תוכן העניינים",
    copy: "העתקה",
    copied: "הועתק",
    section_link: "קישור לסעיף הזה",
    footnotes: "הערות שוליים",
    back_to_text: "חזרה לטקסט",
    task_done: "בוצע",
    task_open: "לביצוע",
    note: "הערה",
    tip: "טיפ",
    important: "חשוב",
    warning: "אזהרה",
    caution: "זהירות",
    archive: "ארכיון",
    search: "חיפוש",
    search_posts: "חיפוש בפוסטים",
    search_hint: "הקלידו כדי לחפש בכותרות, בתקצירים, בתגיות ובקטגוריות.",
    no_match: "אין פוסטים שתואמים ל„{0}”.",
    results: Plural {
        one: "תוצאה אחת",
        two: "שתי תוצאות",
        few: "{0} תוצאות",
        many: "{0} תוצאות",
        other: "{0} תוצאות",
    },
    results_for: "{0} עבור „{1}”",
    best_shown: ", מוצגות {0} הטובות ביותר",
    error_title: "לא ניתן לטעון את הדף",
    error_heading: "לא ניתן היה לטעון את הדף הזה",
    back_home: "→ חזרה לדף הבית",
    not_found_title: "לא נמצא (404)",
    not_found_status: "404 · לא נמצא",
    not_found_heading: "אין כאן כלום",
    no_post: "אין פוסט בשם „{0}”.",
    no_tag: "אין פוסט עם התגית „{0}”.",
    no_category: "אין קטגוריה „{0}”.",
    no_page: "אין לרשימה הזו עמוד {0}.",
    no_path: "אין באתר הזה דבר בכתובת {0}.",
    moved_hint: "ייתכן שהדף הועבר, או שיש טעות בקישור.",
    post_text_failed: "לא ניתן היה לטעון את הטקסט של הפוסט הזה.",
    post_file_is: "לפי המניפסט, הוא נמצא ב־{0}.",
    skipped: Plural {
        one: "פוסט אחד לא מוצג בגלל בעיה ב־posts.json.",
        two: "שני פוסטים לא מוצגים בגלל בעיות ב־posts.json.",
        few: "{0} פוסטים לא מוצגים בגלל בעיות ב־posts.json.",
        many: "{0} פוסטים לא מוצגים בגלל בעיות ב־posts.json.",
        other: "{0} פוסטים לא מוצגים בגלל בעיות ב־posts.json.",
    },
    err_network: "לא ניתן היה לטעון את {0} כי השרת לא ענה ({1}). בדקו את החיבור ונסו שוב.",
    err_not_found: "{0} לא נמצא בשרת (HTTP 404).",
    err_status: "לא ניתן היה לטעון את {0}: השרת ענה HTTP {1}.",
    err_not_data: "הבקשה ל־{0} נענתה בדף HTML במקום {1}; כנראה שהקובץ חסר באתר.",
    err_not_utf8: "{0} אינו טקסט UTF-8 (הבייט השגוי הראשון במיקום {1}); שמרו אותו כ־UTF-8.",
    err_renderer:
        "לא ניתן להציג את הפוסט כי מעבד ה־Markdown נכשל ({0}). טענו את הדף מחדש כדי לנסות שוב.",
    date_pattern: "{d} ב{m} {y}",
    months_short: [
        "ינו׳", "פבר׳", "מרץ", "אפר׳", "מאי", "יוני", "יולי", "אוג׳", "ספט׳", "אוק׳", "נוב׳",
        "דצמ׳",
    ],
    months_long: [
        "ינואר",
        "פברואר",
        "מרץ",
        "אפריל",
        "מאי",
        "יוני",
        "יולי",
        "אוגוסט",
        "ספטמבר",
        "אוקטובר",
        "נובמבר",
        "דצמבר",
    ],
};

#[cfg(all(test, feature = "translations"))]
mod tests {
    use super::*;

    #[test]
    fn tags_choose_a_language_by_their_primary_subtag() {
        assert_eq!(Lang::from_tag(None), Lang::En);
        assert_eq!(Lang::from_tag(Some("de-AT")), Lang::De);
        assert_eq!(Lang::from_tag(Some("zh-Hant-TW")), Lang::Zh);
        assert_eq!(Lang::from_tag(Some("FR")), Lang::Fr);
        assert_eq!(Lang::from_tag(Some("iw")), Lang::He);
        assert_eq!(Lang::from_tag(Some("pt-BR")), Lang::En);
        assert_eq!(Lang::parse("pt-BR"), None);
        assert_eq!(Lang::parse(""), None);
        for lang in Lang::ALL {
            assert_eq!(Lang::parse(lang.code()), Some(lang));
            assert_eq!(
                lang.strings().lang,
                lang,
                "{lang:?} table names its language"
            );
        }
    }

    #[test]
    fn arabic_hebrew_and_their_scripts_are_right_to_left() {
        for tag in ["ar", "ar-EG", "he", "fa-IR", "ur"] {
            assert_eq!(Direction::of_tag(tag), Direction::Rtl, "{tag}");
        }
        for tag in ["en", "de", "ja", "zh-Hans", "", "arn"] {
            assert_eq!(Direction::of_tag(tag), Direction::Ltr, "{tag}");
        }
        assert_eq!(Direction::Rtl.as_str(), "rtl");
    }

    #[test]
    fn counts_take_each_language_s_plural_form() {
        let posts = |lang: Lang, n| lang.strings().posts_count(n);
        assert_eq!(posts(Lang::En, 1), "1 post");
        assert_eq!(posts(Lang::En, 0), "0 posts");
        assert_eq!(posts(Lang::En, 14), "14 posts");
        assert_eq!(posts(Lang::De, 1), "1 Beitrag");
        assert_eq!(posts(Lang::De, 2), "2 Beiträge");
        assert_eq!(posts(Lang::Fr, 0), "0 article");
        assert_eq!(posts(Lang::Fr, 2), "2 articles");
        assert_eq!(posts(Lang::Ja, 1), "1件の記事");
        assert_eq!(posts(Lang::Zh, 3), "3 篇文章");
        assert_eq!(posts(Lang::Ar, 1), "مقالة واحدة");
        assert_eq!(posts(Lang::Ar, 2), "مقالتان");
        assert_eq!(posts(Lang::Ar, 3), "3 مقالات");
        assert_eq!(posts(Lang::Ar, 103), "103 مقالات");
        assert_eq!(posts(Lang::Ar, 11), "11 مقالة");
        assert_eq!(posts(Lang::Ar, 100), "100 مقالة");
        assert_eq!(posts(Lang::He, 2), "שני פוסטים");
        assert_eq!(posts(Lang::He, 5), "5 פוסטים");
        assert_eq!(AR.reading(1), "دقيقة واحدة للقراءة");
        assert_eq!(AR.reading(3), "3 دقائق للقراءة");
        assert_eq!(AR.reading(11), "11 دقيقة للقراءة");
        assert_eq!(HE.reading(1), "דקת קריאה אחת");
    }

    #[test]
    fn dates_are_written_as_each_language_writes_them() {
        let Some(date) = PostDate::parse("2025-04-07") else {
            panic!("a valid date");
        };
        let cases = [
            (Lang::En, "Apr 7, 2025"),
            (Lang::De, "7. Apr. 2025"),
            (Lang::Fr, "7 avr. 2025"),
            (Lang::Es, "7 abr 2025"),
            (Lang::Ja, "2025年4月7日"),
            (Lang::Zh, "2025年4月7日"),
            (Lang::Ar, "7 أبريل 2025"),
            (Lang::He, "7 באפר׳ 2025"),
        ];
        for (lang, expected) in cases {
            assert_eq!(lang.strings().date(&date), expected, "{lang:?}");
        }
        assert_eq!(date.human(), EN.date(&date));
        assert_eq!(DE.month(3), "März");
        assert_eq!(EN.month(12), "December");
    }

    #[test]
    fn templates_fill_numbered_arguments_once() {
        assert_eq!(
            fill("{0}, page {1} of {2}", &["Go", "2", "3"]),
            "Go, page 2 of 3"
        );
        assert_eq!(fill("「{1}」: {0}", &["3件", "{0}"]), "「{0}」: 3件");
        assert_eq!(fill("{x} {5} {", &["a"]), "{x} {5} {");
        assert_eq!(EN.paged("Tagged “Go”", 2, 3), "Tagged “Go”, page 2 of 3");
        assert_eq!(EN.paged("Tagged “Go”", 1, 3), "Tagged “Go”");
        assert_eq!(EN.reading(6), "6 min read");
        assert_eq!(JA.reading(6), "6分で読めます");
    }

    #[test]
    fn every_table_survives_its_text_form() {
        for lang in Lang::ALL {
            let text: &'static str = Box::leak(lang.strings().to_text().into_boxed_str());
            assert_eq!(
                Strings::from_text(lang, text).as_ref(),
                Some(lang.strings())
            );
            assert!(text.starts_with(&format!("folio-strings 3 {}\n", lang.code())));
            // Another language's file, a short file and a long one are refused.
            let other = if lang == Lang::De { Lang::Fr } else { Lang::De };
            assert_eq!(Strings::from_text(other, text), None);
            let half: String = text
                .lines()
                .take(40)
                .map(|line| format!("{line}\n"))
                .collect();
            let short: &'static str = Box::leak(half.into_boxed_str());
            assert_eq!(Strings::from_text(lang, short), None);
            let long: &'static str = Box::leak(format!("{text}extra\n").into_boxed_str());
            assert_eq!(Strings::from_text(lang, long), None);
        }
        assert_eq!(Lang::Ja.text_file(), "i18n/ja.txt");
    }

    #[test]
    fn every_table_fills_every_template() {
        for lang in Lang::ALL {
            let t = lang.strings();
            let templates: [(&str, usize); 16] = [
                (t.theme_label, 2),
                (t.paged_title, 3),
                (t.page_of, 2),
                (t.tagged, 1),
                (t.in_category, 1),
                (t.by, 1),
                (t.no_match, 1),
                (t.results_for, 2),
                (t.best_shown, 1),
                (t.no_post, 1),
                (t.no_tag, 1),
                (t.no_category, 1),
                (t.no_page, 1),
                (t.no_path, 1),
                (t.err_network, 2),
                (t.err_status, 2),
            ];
            for (template, n_args) in templates {
                for index in 0..n_args {
                    assert!(
                        template.contains(&format!("{{{index}}}")),
                        "{lang:?}: {template:?} lacks {{{index}}}"
                    );
                }
            }
            for template in [t.err_not_data, t.err_not_utf8] {
                assert!(
                    template.contains("{0}") && template.contains("{1}"),
                    "{lang:?}"
                );
            }
            for plural in [t.posts, t.results, t.skipped, t.min_read] {
                for form in [plural.few, plural.many, plural.other] {
                    assert!(form.contains("{0}"), "{lang:?}: {form:?}");
                }
            }
            assert!(t.date_pattern.contains("{d}") && t.date_pattern.contains("{y}"));
        }
    }
}
