//! Syntax highlighting for fenced code blocks: a small lexer per language family that
//! marks keywords, strings, comments, numbers, literals and types with `<span class="hl-…">`.
//!
//! It runs where Markdown is rendered (the render worker, and `folio build` for prerendered
//! pages), so it costs the reader's first download nothing and the prerendered page and the
//! app show the same colors. Spans never change the text's layout. Everything is escaped;
//! the only markup written is the spans.

use crate::html::escape_into;

/// What a token is, as its CSS class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Keyword,
    String,
    Comment,
    Number,
    Literal,
    Type,
    /// YAML/TOML/INI keys, HTML tags and attributes, CSS properties.
    Name,
    /// Diff lines.
    Added,
    Removed,
}

impl Kind {
    fn class(self) -> &'static str {
        match self {
            Kind::Keyword => "hl-k",
            Kind::String => "hl-s",
            Kind::Comment => "hl-c",
            Kind::Number => "hl-n",
            Kind::Literal => "hl-l",
            Kind::Type => "hl-t",
            Kind::Name => "hl-a",
            Kind::Added => "hl-add",
            Kind::Removed => "hl-del",
        }
    }
}

/// How one family of languages is written.
struct Grammar {
    line_comments: &'static [&'static str],
    block_comment: Option<(&'static str, &'static str)>,
    /// Quote characters; a backtick string may span lines.
    quotes: &'static [char],
    keywords: &'static [&'static str],
    literals: &'static [&'static str],
    /// Identifiers starting with an uppercase letter are types.
    capitalized_types: bool,
    /// Keywords match in any case (SQL, Dockerfile).
    case_insensitive: bool,
    /// `key:` / `key =` at the start of a line is a name (YAML, TOML, INI, HCL).
    keys: bool,
    /// `$var` and `${var}` are names (shells, Makefiles, Perl-ish languages).
    dollar_names: bool,
}

const C_KEYWORDS: &[&str] = &[
    "auto",
    "break",
    "case",
    "char",
    "const",
    "continue",
    "default",
    "do",
    "double",
    "else",
    "enum",
    "extern",
    "float",
    "for",
    "goto",
    "if",
    "inline",
    "int",
    "long",
    "register",
    "return",
    "short",
    "signed",
    "sizeof",
    "static",
    "struct",
    "switch",
    "typedef",
    "union",
    "unsigned",
    "void",
    "volatile",
    "while",
    "bool",
    "class",
    "namespace",
    "template",
    "typename",
    "public",
    "private",
    "protected",
    "virtual",
    "override",
    "new",
    "delete",
    "using",
    "try",
    "catch",
    "throw",
    "constexpr",
    "noexcept",
    "auto",
    "this",
    "operator",
    "include",
    "define",
    "ifdef",
    "ifndef",
    "endif",
    "pragma",
];

const GRAMMARS: &[(&[&str], Grammar)] = &[
    (
        &["rust", "rs"],
        Grammar {
            line_comments: &["//"],
            block_comment: Some(("/*", "*/")),
            quotes: &['"'],
            keywords: &[
                "as",
                "async",
                "await",
                "break",
                "const",
                "continue",
                "crate",
                "dyn",
                "else",
                "enum",
                "extern",
                "fn",
                "for",
                "if",
                "impl",
                "in",
                "let",
                "loop",
                "match",
                "mod",
                "move",
                "mut",
                "pub",
                "ref",
                "return",
                "self",
                "Self",
                "static",
                "struct",
                "super",
                "trait",
                "type",
                "unsafe",
                "use",
                "where",
                "while",
                "macro_rules",
            ],
            literals: &["true", "false", "None", "Some", "Ok", "Err"],
            capitalized_types: true,
            case_insensitive: false,
            keys: false,
            dollar_names: false,
        },
    ),
    (
        &["go", "golang"],
        Grammar {
            line_comments: &["//"],
            block_comment: Some(("/*", "*/")),
            quotes: &['"', '`', '\''],
            keywords: &[
                "break",
                "case",
                "chan",
                "const",
                "continue",
                "default",
                "defer",
                "else",
                "fallthrough",
                "for",
                "func",
                "go",
                "goto",
                "if",
                "import",
                "interface",
                "map",
                "package",
                "range",
                "return",
                "select",
                "struct",
                "switch",
                "type",
                "var",
            ],
            literals: &["true", "false", "nil", "iota"],
            capitalized_types: true,
            case_insensitive: false,
            keys: false,
            dollar_names: false,
        },
    ),
    (
        &["python", "py", "python3"],
        Grammar {
            line_comments: &["#"],
            block_comment: None,
            quotes: &['"', '\''],
            keywords: &[
                "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
                "del", "elif", "else", "except", "finally", "for", "from", "global", "if",
                "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
                "try", "while", "with", "yield", "match", "case", "self",
            ],
            literals: &["True", "False", "None"],
            capitalized_types: true,
            case_insensitive: false,
            keys: false,
            dollar_names: false,
        },
    ),
    (
        &[
            "typescript",
            "ts",
            "tsx",
            "javascript",
            "js",
            "jsx",
            "mjs",
            "cjs",
        ],
        Grammar {
            line_comments: &["//"],
            block_comment: Some(("/*", "*/")),
            quotes: &['"', '\'', '`'],
            keywords: &[
                "abstract",
                "as",
                "async",
                "await",
                "break",
                "case",
                "catch",
                "class",
                "const",
                "continue",
                "debugger",
                "declare",
                "default",
                "delete",
                "do",
                "else",
                "enum",
                "export",
                "extends",
                "finally",
                "for",
                "from",
                "function",
                "if",
                "implements",
                "import",
                "in",
                "instanceof",
                "interface",
                "keyof",
                "let",
                "new",
                "of",
                "private",
                "protected",
                "public",
                "readonly",
                "return",
                "satisfies",
                "static",
                "super",
                "switch",
                "this",
                "throw",
                "try",
                "type",
                "typeof",
                "var",
                "void",
                "while",
                "yield",
            ],
            literals: &["true", "false", "null", "undefined", "NaN", "Infinity"],
            capitalized_types: true,
            case_insensitive: false,
            keys: false,
            dollar_names: false,
        },
    ),
    (
        &[
            "bash",
            "sh",
            "shell",
            "zsh",
            "console",
            "shell-session",
            "makefile",
            "make",
            "dockerfile",
            "docker",
            "containerfile",
            "powershell",
            "ps1",
        ],
        Grammar {
            line_comments: &["#"],
            block_comment: None,
            quotes: &['"', '\''],
            keywords: &[
                "if",
                "then",
                "else",
                "elif",
                "fi",
                "for",
                "while",
                "until",
                "do",
                "done",
                "case",
                "esac",
                "in",
                "function",
                "return",
                "export",
                "local",
                "readonly",
                "set",
                "unset",
                "source",
                "exit",
                "echo",
                "cd",
                "sudo",
                // Dockerfile instructions (matched in any case).
                "from",
                "run",
                "cmd",
                "label",
                "expose",
                "env",
                "add",
                "copy",
                "entrypoint",
                "volume",
                "user",
                "workdir",
                "arg",
                "onbuild",
                "stopsignal",
                "healthcheck",
                "shell",
            ],
            literals: &["true", "false"],
            capitalized_types: false,
            case_insensitive: false,
            keys: false,
            dollar_names: true,
        },
    ),
    (
        &["yaml", "yml"],
        Grammar {
            line_comments: &["#"],
            block_comment: None,
            quotes: &['"', '\''],
            keywords: &[],
            literals: &["true", "false", "null", "yes", "no", "on", "off", "~"],
            capitalized_types: false,
            case_insensitive: false,
            keys: true,
            dollar_names: false,
        },
    ),
    (
        &["toml", "ini", "cfg", "conf", "properties", "editorconfig"],
        Grammar {
            line_comments: &["#", ";"],
            block_comment: None,
            quotes: &['"', '\''],
            keywords: &[],
            literals: &["true", "false"],
            capitalized_types: false,
            case_insensitive: false,
            keys: true,
            dollar_names: false,
        },
    ),
    (
        &["json", "jsonc", "json5", "geojson"],
        Grammar {
            line_comments: &["//"],
            block_comment: Some(("/*", "*/")),
            quotes: &['"'],
            keywords: &[],
            literals: &["true", "false", "null"],
            capitalized_types: false,
            case_insensitive: false,
            keys: false,
            dollar_names: false,
        },
    ),
    (
        &[
            "sql",
            "psql",
            "postgresql",
            "postgres",
            "mysql",
            "sqlite",
            "plsql",
        ],
        Grammar {
            line_comments: &["--"],
            block_comment: Some(("/*", "*/")),
            quotes: &['\'', '"'],
            keywords: &[
                "select",
                "from",
                "where",
                "and",
                "or",
                "not",
                "insert",
                "into",
                "values",
                "update",
                "set",
                "delete",
                "create",
                "table",
                "index",
                "unique",
                "primary",
                "key",
                "foreign",
                "references",
                "alter",
                "add",
                "drop",
                "column",
                "join",
                "left",
                "right",
                "inner",
                "outer",
                "on",
                "group",
                "by",
                "order",
                "having",
                "limit",
                "offset",
                "as",
                "distinct",
                "union",
                "all",
                "case",
                "when",
                "then",
                "else",
                "end",
                "begin",
                "commit",
                "rollback",
                "transaction",
                "with",
                "returning",
                "explain",
                "analyze",
                "in",
                "is",
                "like",
                "exists",
                "concurrently",
                "if",
                "default",
                "constraint",
                "check",
                "view",
                "grant",
                "for",
                "lock",
                "include",
                "using",
                "asc",
                "desc",
                "vacuum",
                "trigger",
                "function",
                "returns",
                "language",
            ],
            literals: &["null", "true", "false"],
            capitalized_types: false,
            case_insensitive: true,
            keys: false,
            dollar_names: false,
        },
    ),
    (
        &["hcl", "terraform", "tf", "nix"],
        Grammar {
            line_comments: &["#", "//"],
            block_comment: Some(("/*", "*/")),
            quotes: &['"'],
            keywords: &[
                "resource",
                "data",
                "variable",
                "output",
                "module",
                "provider",
                "locals",
                "terraform",
                "for_each",
                "count",
                "depends_on",
                "lifecycle",
                "dynamic",
                "for",
                "in",
                "if",
                "let",
                "inherit",
                "with",
                "rec",
                "import",
            ],
            literals: &["true", "false", "null"],
            capitalized_types: false,
            case_insensitive: false,
            keys: true,
            dollar_names: true,
        },
    ),
    (
        &["c", "h", "cpp", "c++", "cc", "cxx", "hpp", "objc", "cuda"],
        Grammar {
            line_comments: &["//"],
            block_comment: Some(("/*", "*/")),
            quotes: &['"', '\''],
            keywords: C_KEYWORDS,
            literals: &["true", "false", "NULL", "nullptr"],
            capitalized_types: true,
            case_insensitive: false,
            keys: false,
            dollar_names: false,
        },
    ),
    (
        &[
            "java", "kotlin", "kt", "scala", "groovy", "gradle", "csharp", "cs", "c#", "dart",
            "swift",
        ],
        Grammar {
            line_comments: &["//"],
            block_comment: Some(("/*", "*/")),
            quotes: &['"', '\''],
            keywords: &[
                "abstract",
                "as",
                "async",
                "await",
                "break",
                "case",
                "catch",
                "class",
                "const",
                "continue",
                "data",
                "def",
                "default",
                "do",
                "else",
                "enum",
                "extends",
                "final",
                "finally",
                "for",
                "fun",
                "func",
                "guard",
                "if",
                "implements",
                "import",
                "in",
                "interface",
                "internal",
                "is",
                "let",
                "match",
                "namespace",
                "new",
                "object",
                "open",
                "override",
                "package",
                "private",
                "protected",
                "public",
                "return",
                "sealed",
                "static",
                "struct",
                "super",
                "switch",
                "this",
                "throw",
                "throws",
                "try",
                "using",
                "val",
                "var",
                "void",
                "when",
                "where",
                "while",
                "yield",
                "record",
                "readonly",
                "lazy",
                "trait",
                "with",
                "int",
                "long",
                "boolean",
                "double",
                "float",
                "string",
            ],
            literals: &["true", "false", "null", "nil"],
            capitalized_types: true,
            case_insensitive: false,
            keys: false,
            dollar_names: false,
        },
    ),
    (
        &["ruby", "rb", "elixir", "ex", "exs", "crystal"],
        Grammar {
            line_comments: &["#"],
            block_comment: None,
            quotes: &['"', '\''],
            keywords: &[
                "alias",
                "and",
                "begin",
                "case",
                "class",
                "def",
                "defmodule",
                "defp",
                "do",
                "else",
                "elsif",
                "end",
                "ensure",
                "fn",
                "for",
                "if",
                "in",
                "module",
                "next",
                "not",
                "or",
                "raise",
                "require",
                "rescue",
                "return",
                "self",
                "then",
                "unless",
                "until",
                "when",
                "while",
                "yield",
                "import",
                "use",
            ],
            literals: &["true", "false", "nil"],
            capitalized_types: true,
            case_insensitive: false,
            keys: false,
            dollar_names: false,
        },
    ),
    (
        &["php"],
        Grammar {
            line_comments: &["//", "#"],
            block_comment: Some(("/*", "*/")),
            quotes: &['"', '\''],
            keywords: &[
                "abstract",
                "as",
                "break",
                "case",
                "catch",
                "class",
                "const",
                "continue",
                "echo",
                "else",
                "elseif",
                "extends",
                "final",
                "finally",
                "fn",
                "for",
                "foreach",
                "function",
                "if",
                "implements",
                "interface",
                "match",
                "namespace",
                "new",
                "private",
                "protected",
                "public",
                "readonly",
                "return",
                "static",
                "switch",
                "throw",
                "trait",
                "try",
                "use",
                "while",
            ],
            literals: &["true", "false", "null"],
            capitalized_types: true,
            case_insensitive: false,
            keys: false,
            dollar_names: true,
        },
    ),
    (
        &["lua"],
        Grammar {
            line_comments: &["--"],
            block_comment: Some(("--[[", "]]")),
            quotes: &['"', '\''],
            keywords: &[
                "and", "break", "do", "else", "elseif", "end", "for", "function", "goto", "if",
                "in", "local", "not", "or", "repeat", "return", "then", "until", "while",
            ],
            literals: &["true", "false", "nil"],
            capitalized_types: false,
            case_insensitive: false,
            keys: false,
            dollar_names: false,
        },
    ),
    (
        &["haskell", "hs", "elm", "ocaml", "ml", "fsharp", "fs"],
        Grammar {
            line_comments: &["--"],
            block_comment: Some(("{-", "-}")),
            quotes: &['"'],
            keywords: &[
                "case", "class", "data", "deriving", "do", "else", "if", "import", "in",
                "instance", "let", "module", "of", "then", "type", "where", "match", "with", "fun",
                "open", "rec",
            ],
            literals: &["True", "False", "Nothing", "Just"],
            capitalized_types: true,
            case_insensitive: false,
            keys: false,
            dollar_names: false,
        },
    ),
    (
        &["css", "scss", "sass", "less"],
        Grammar {
            line_comments: &["//"],
            block_comment: Some(("/*", "*/")),
            quotes: &['"', '\''],
            keywords: &[
                "@media",
                "@import",
                "@keyframes",
                "@supports",
                "@font-face",
                "!important",
            ],
            literals: &["none", "auto", "inherit", "initial"],
            capitalized_types: false,
            case_insensitive: false,
            keys: true,
            dollar_names: true,
        },
    ),
    (
        &["protobuf", "proto", "graphql", "gql"],
        Grammar {
            line_comments: &["//", "#"],
            block_comment: Some(("/*", "*/")),
            quotes: &['"'],
            keywords: &[
                "syntax",
                "package",
                "import",
                "message",
                "enum",
                "service",
                "rpc",
                "returns",
                "repeated",
                "optional",
                "oneof",
                "map",
                "type",
                "query",
                "mutation",
                "subscription",
                "fragment",
                "on",
                "schema",
                "input",
                "interface",
                "extend",
            ],
            literals: &["true", "false", "null"],
            capitalized_types: true,
            case_insensitive: false,
            keys: false,
            dollar_names: true,
        },
    ),
];

/// Markup languages: tags, attribute names and values, comments.
const MARKUP: &[&str] = &["html", "xml", "svg", "xhtml", "vue", "svelte", "plist"];

/// Diffs: whole lines added or removed.
const DIFF: &[&str] = &["diff", "patch"];

/// The language names the highlighter knows (each group of aliases once, by its first name).
pub fn languages() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = GRAMMARS
        .iter()
        .flat_map(|(names, _)| names.iter().copied())
        .collect();
    names.extend(MARKUP);
    names.extend(DIFF);
    names
}

/// The highlighted, escaped HTML of `code` in `language` (a fence's info string, matched
/// case-insensitively), or `None` when the language is unknown.
pub fn highlight(code: &str, language: &str) -> Option<String> {
    let language = language.trim().to_ascii_lowercase();
    if MARKUP.contains(&language.as_str()) {
        return Some(markup(code));
    }
    if DIFF.contains(&language.as_str()) {
        return Some(diff(code));
    }
    let (_, grammar) = GRAMMARS
        .iter()
        .find(|(names, _)| names.contains(&language.as_str()))?;
    let dockerfile = matches!(language.as_str(), "dockerfile" | "docker" | "containerfile");
    Some(Lexer::new(code, grammar, dockerfile).run())
}

struct Lexer<'a> {
    code: &'a str,
    grammar: &'a Grammar,
    case_insensitive: bool,
    out: String,
    at: usize,
    /// Where the plain text not yet written starts (it is written in one piece before the
    /// next token).
    plain_from: usize,
    line_start: bool,
}

impl<'a> Lexer<'a> {
    fn new(code: &'a str, grammar: &'a Grammar, case_insensitive: bool) -> Self {
        Lexer {
            code,
            grammar,
            case_insensitive: case_insensitive || grammar.case_insensitive,
            out: String::with_capacity(code.len() * 2),
            at: 0,
            plain_from: 0,
            line_start: true,
        }
    }

    fn rest(&self) -> &'a str {
        self.code.get(self.at..).unwrap_or_default()
    }

    fn emit(&mut self, kind: Option<Kind>, len: usize) {
        let end = (self.at + len).min(self.code.len());
        if kind.is_none() {
            // Plain: it joins the run being read.
            self.at = end;
            return;
        }
        self.flush_plain();
        let text = self.code.get(self.at..end).unwrap_or_default();
        push_token(&mut self.out, kind, text);
        self.at = end;
        self.plain_from = end;
    }

    /// Writes the plain text read since the last token.
    fn flush_plain(&mut self) {
        if self.plain_from < self.at {
            let text = self.code.get(self.plain_from..self.at).unwrap_or_default();
            push_token(&mut self.out, None, text);
        }
        self.plain_from = self.at;
    }

    fn run(mut self) -> String {
        while let Some(c) = self.rest().chars().next() {
            let rest = self.rest();
            let was_line_start = self.line_start;
            self.line_start = c == '\n' || (self.line_start && (c == ' ' || c == '\t'));
            if let Some(len) = self.comment(rest) {
                self.emit(Some(Kind::Comment), len);
            } else if self.grammar.quotes.contains(&c) {
                let len = string_length(rest, c);
                self.emit(Some(Kind::String), len);
            } else if c.is_ascii_digit() {
                let len = rest
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '_'))
                    .unwrap_or(rest.len());
                self.emit(Some(Kind::Number), len);
            } else if self.grammar.dollar_names && c == '$' {
                let len = dollar_length(rest);
                self.emit(Some(Kind::Name), len);
            } else if c.is_alphabetic() || c == '_' || c == '@' || c == '!' {
                let len = rest
                    .char_indices()
                    .skip(1)
                    .find(|(_, c)| {
                        !(c.is_alphanumeric() || *c == '_' || *c == '-' && self.grammar.keys)
                    })
                    .map_or(rest.len(), |(at, _)| at);
                let word = rest.get(..len).unwrap_or_default();
                let kind = self.word_kind(word, was_line_start);
                self.emit(kind, len);
            } else {
                // Plain text is written in runs, not a character at a time.
                self.at += c.len_utf8();
            }
        }
        self.flush_plain();
        self.out
    }

    fn comment(&self, rest: &str) -> Option<usize> {
        if let Some((open, close)) = self.grammar.block_comment {
            if rest.starts_with(open) {
                let end = rest
                    .get(open.len()..)
                    .and_then(|after| after.find(close))
                    .map_or(rest.len(), |at| open.len() + at + close.len());
                return Some(end);
            }
        }
        let first = rest.as_bytes().first()?;
        let starts_comment = self.grammar.line_comments.iter().any(|marker| {
            // `#` starts a comment only at a word boundary (not in `a#b` or `$#`). The first
            // byte is compared alone first: this runs at every character of the code.
            marker.as_bytes().first() == Some(first)
                && rest.starts_with(marker)
                && (*marker != "#" || self.at == 0 || {
                    let before = self.code.get(..self.at).and_then(|s| s.chars().last());
                    before.is_none_or(|c| c.is_whitespace() || c == ';' || c == '(')
                })
        });
        starts_comment.then(|| rest.find('\n').unwrap_or(rest.len()))
    }

    fn word_kind(&self, word: &str, at_line_start: bool) -> Option<Kind> {
        let after = self.rest().get(word.len()..).unwrap_or_default();
        if self.grammar.keys && at_line_start {
            let next = after.trim_start_matches([' ', '\t']);
            if next.starts_with(':') || next.starts_with('=') {
                return Some(Kind::Name);
            }
        }
        // The first byte alone first (`==` then compares lengths before the bytes): most
        // words are no keyword, and this runs for each.
        let first = word.as_bytes().first();
        let matches = |list: &[&str]| {
            if self.case_insensitive {
                list.iter().any(|known| known.eq_ignore_ascii_case(word))
            } else {
                list.iter()
                    .any(|known| known.as_bytes().first() == first && *known == word)
            }
        };
        if matches(self.grammar.keywords) {
            Some(Kind::Keyword)
        } else if matches(self.grammar.literals) {
            Some(Kind::Literal)
        } else if self.grammar.capitalized_types
            && word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().any(char::is_lowercase)
        {
            Some(Kind::Type)
        } else {
            None
        }
    }
}

/// The length of the string starting at `rest` (which starts with `quote`): to the closing
/// quote (backslash escapes skipped), the end of the line for `"` and `'`, or the end.
fn string_length(rest: &str, quote: char) -> usize {
    let mut escaped = false;
    for (at, c) in rest.char_indices().skip(1) {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == quote {
            return at + c.len_utf8();
        } else if c == '\n' && quote != '`' {
            return at;
        }
    }
    rest.len()
}

/// `$name`, `${...}`, `$(...)` or a lone `$`.
fn dollar_length(rest: &str) -> usize {
    let after = rest.get(1..).unwrap_or_default();
    if let Some(inner) = after.strip_prefix('{') {
        return inner.find('}').map_or(rest.len(), |at| at + 3);
    }
    1 + after
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(after.len())
}

/// Appends `text`, escaped, in a span of `kind`'s class (plain when `None`).
fn push_token(out: &mut String, kind: Option<Kind>, text: &str) {
    match kind {
        Some(kind) => {
            out.push_str("<span class=\"");
            out.push_str(kind.class());
            out.push_str("\">");
            escape_into(out, text);
            out.push_str("</span>");
        }
        None => escape_into(out, text),
    }
}

/// HTML and XML: comments, tags with their attribute names and quoted values.
fn markup(code: &str) -> String {
    let mut out = String::with_capacity(code.len() * 2);
    let mut rest = code;
    let span = |out: &mut String, kind: Kind, text: &str| push_token(out, Some(kind), text);
    while !rest.is_empty() {
        if rest.starts_with("<!--") {
            let end = rest.find("-->").map_or(rest.len(), |at| at + 3);
            span(&mut out, Kind::Comment, rest.get(..end).unwrap_or_default());
            rest = rest.get(end..).unwrap_or_default();
        } else if rest.starts_with('<') {
            let end = rest.find('>').map_or(rest.len(), |at| at + 1);
            let tag = rest.get(..end).unwrap_or_default();
            let name_end = tag
                .char_indices()
                .skip(1)
                .find(|(_, c)| c.is_whitespace() || *c == '>')
                .map_or(tag.len(), |(at, _)| at);
            span(
                &mut out,
                Kind::Keyword,
                tag.get(..name_end).unwrap_or_default(),
            );
            let mut attributes = tag.get(name_end..).unwrap_or_default();
            while let Some(c) = attributes.chars().next() {
                if c == '"' || c == '\'' {
                    let len = string_length(attributes, c);
                    span(
                        &mut out,
                        Kind::String,
                        attributes.get(..len).unwrap_or_default(),
                    );
                    attributes = attributes.get(len..).unwrap_or_default();
                } else if c.is_alphabetic() {
                    let len = attributes
                        .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == ':' || c == '_'))
                        .unwrap_or(attributes.len());
                    span(
                        &mut out,
                        Kind::Name,
                        attributes.get(..len).unwrap_or_default(),
                    );
                    attributes = attributes.get(len..).unwrap_or_default();
                } else {
                    escape_into(&mut out, attributes.get(..c.len_utf8()).unwrap_or_default());
                    attributes = attributes.get(c.len_utf8()..).unwrap_or_default();
                }
            }
            rest = rest.get(end..).unwrap_or_default();
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            escape_into(&mut out, rest.get(..end).unwrap_or_default());
            rest = rest.get(end..).unwrap_or_default();
        }
    }
    out
}

/// Diffs: `+` lines added, `-` lines removed, `@@` hunks as keywords.
fn diff(code: &str) -> String {
    let mut out = String::with_capacity(code.len() * 2);
    for line in code.split_inclusive('\n') {
        let (body, newline) = match line.strip_suffix('\n') {
            Some(body) => (body, "\n"),
            None => (line, ""),
        };
        let kind = if body.starts_with("+++") || body.starts_with("---") || body.starts_with("@@") {
            Some(Kind::Keyword)
        } else if body.starts_with('+') {
            Some(Kind::Added)
        } else if body.starts_with('-') {
            Some(Kind::Removed)
        } else {
            None
        };
        push_token(&mut out, kind, body);
        out.push_str(newline);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::escape;

    /// The text without the spans, unescaped: highlighting must never change the code.
    fn text_of(html: &str) -> String {
        let mut text = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        text.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&")
    }

    #[track_caller]
    fn check(language: &str, code: &str, expect: &[(&str, &str)]) {
        let html = highlight(code, language).unwrap_or_else(|| panic!("{language} is known"));
        assert_eq!(text_of(&html), code, "{language}: the text is unchanged");
        for (class, text) in expect {
            let span = format!("<span class=\"{class}\">{}</span>", escape(text));
            assert!(
                html.contains(&span),
                "{language}: expected {span} in\n{html}"
            );
        }
    }

    #[test]
    fn at_least_25_languages_are_known() {
        let families = GRAMMARS.len() + 2;
        assert!(families >= 18, "{families}");
        let required = [
            "rust",
            "go",
            "python",
            "typescript",
            "javascript",
            "bash",
            "yaml",
            "toml",
            "json",
            "sql",
            "hcl",
            "dockerfile",
            "c",
            "cpp",
            "java",
            "kotlin",
            "csharp",
            "swift",
            "ruby",
            "php",
            "lua",
            "haskell",
            "css",
            "html",
            "xml",
            "diff",
            "scala",
            "elixir",
            "makefile",
            "ini",
            "protobuf",
            "graphql",
        ];
        for language in required {
            assert!(highlight("x", language).is_some(), "{language}");
        }
        assert_eq!(highlight("x", "klingon"), None);
        assert!(languages().len() > 60);
    }

    #[test]
    fn each_family_marks_its_tokens() {
        check(
            "rust",
            "fn main() { let s = \"hi\"; // note\n Some(1) }",
            &[
                ("hl-k", "fn"),
                ("hl-k", "let"),
                ("hl-s", "\"hi\""),
                ("hl-c", "// note"),
                ("hl-l", "Some"),
                ("hl-n", "1"),
            ],
        );
        check(
            "Go",
            "func f() error { return nil } /* x */",
            &[("hl-k", "func"), ("hl-l", "nil"), ("hl-c", "/* x */")],
        );
        check(
            "python",
            "def f(x):\n    return None  # done",
            &[("hl-k", "def"), ("hl-l", "None"), ("hl-c", "# done")],
        );
        check(
            "ts",
            "const x: Foo = `a\nb`;",
            &[("hl-k", "const"), ("hl-t", "Foo"), ("hl-s", "`a\nb`")],
        );
        check(
            "bash",
            "echo \"$HOME\" ${PATH} # c\nexport A=1",
            &[
                ("hl-k", "echo"),
                ("hl-s", "\"$HOME\""),
                ("hl-a", "${PATH}"),
                ("hl-c", "# c"),
                ("hl-k", "export"),
            ],
        );
        check(
            "yaml",
            "name: web\nenabled: true # on\n  port: 8080",
            &[
                ("hl-a", "name"),
                ("hl-l", "true"),
                ("hl-c", "# on"),
                ("hl-a", "port"),
                ("hl-n", "8080"),
            ],
        );
        check(
            "toml",
            "[package]\nname = \"folio\"",
            &[("hl-a", "name"), ("hl-s", "\"folio\"")],
        );
        check(
            "sql",
            "SELECT id FROM users WHERE x IS NULL; -- c",
            &[
                ("hl-k", "SELECT"),
                ("hl-k", "FROM"),
                ("hl-l", "NULL"),
                ("hl-c", "-- c"),
            ],
        );
        check(
            "dockerfile",
            "FROM golang:1.22 AS build\nRUN go build",
            &[("hl-k", "FROM"), ("hl-k", "RUN")],
        );
        check(
            "hcl",
            "resource \"aws_s3_bucket\" \"b\" {\n  bucket = var.name\n}",
            &[
                ("hl-k", "resource"),
                ("hl-s", "\"aws_s3_bucket\""),
                ("hl-a", "bucket"),
            ],
        );
        check(
            "html",
            "<a href=\"/x\">link</a><!-- c -->",
            &[
                ("hl-k", "<a"),
                ("hl-a", "href"),
                ("hl-s", "\"/x\""),
                ("hl-c", "<!-- c -->"),
            ],
        );
        check(
            "diff",
            "@@ -1 +1 @@\n-old\n+new\n same",
            &[
                ("hl-k", "@@ -1 +1 @@"),
                ("hl-del", "-old"),
                ("hl-add", "+new"),
            ],
        );
    }

    #[test]
    fn markup_in_code_is_escaped_and_odd_input_is_kept() {
        let html = highlight("let s = \"<script>alert(1)</script>\";", "rust").unwrap_or_default();
        assert!(!html.contains("<script"), "{html}");
        for (language, code) in [
            ("rust", "\"unterminated"),
            ("c", "/* open"),
            ("html", "<a href=\"x"),
            ("bash", "${"),
            ("go", "`\n"),
            ("rust", "é ü 東京 🎉"),
        ] {
            let html = highlight(code, language).unwrap_or_default();
            assert_eq!(text_of(&html), code, "{language}: {code}");
        }
    }

    #[test]
    fn a_hash_inside_a_word_is_not_a_comment() {
        check("bash", "echo a#b $#", &[("hl-k", "echo")]);
        let html = highlight("echo a#b", "bash").unwrap_or_default();
        assert!(!html.contains("hl-c"), "{html}");
    }
}
