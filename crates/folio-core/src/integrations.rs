//! Optional third-party services a site can name in its manifest: comments (giscus or
//! utterances) under each post, and privacy-friendly analytics (Plausible or GoatCounter).
//!
//! Nothing loads unless the site names it. Each setting is read into a checked value whose
//! parts are safe where they go: the script tag the app creates (attributes set one by one,
//! never as HTML) and the origins `folio build` adds to the Content-Security-Policy, which
//! are rebuilt from validated host names so no setting can write a directive of its own.
//! A broken setting is a warning and no service, never a broken site.

use serde_json::{Map, Value};

use crate::manifest::json_text;
use crate::problem::{Problem, ProblemKind, Severity};

/// Comments under each post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Comments {
    /// giscus: GitHub Discussions (`https://giscus.app`).
    Giscus {
        /// `owner/name` of the repository.
        repo: String,
        /// The repository's id, from giscus.app.
        repo_id: String,
        /// The discussion category.
        category: String,
        /// The category's id, from giscus.app.
        category_id: String,
        /// How a post finds its discussion (`pathname`, the default, `url`, `title`,
        /// `og:title`).
        mapping: String,
    },
    /// utterances: GitHub issues (`https://utteranc.es`).
    Utterances {
        /// `owner/name` of the repository.
        repo: String,
        /// How a post finds its issue (`pathname`, the default, `url`, `title`, `og:title`).
        issue_term: String,
        /// A label for the issues it opens.
        label: Option<String>,
    },
}

/// Page-view counting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Analytics {
    /// Plausible: `domain` as registered, and its script (plausible.io's or a self-hosted
    /// one).
    Plausible {
        /// The site's domain in Plausible.
        domain: String,
        /// The script's https URL.
        script: String,
    },
    /// GoatCounter: the site's code (`CODE.goatcounter.com`).
    GoatCounter {
        /// The code.
        code: String,
    },
}

/// A `<script>` for the app to create: its `src` and its other attributes, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScriptTag {
    /// The script's URL.
    pub src: String,
    /// `(name, value)` pairs, set with `setAttribute`.
    pub attributes: Vec<(&'static str, String)>,
}

/// What the Content-Security-Policy must allow for the configured services, as origins.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CspSources {
    /// For `script-src`.
    pub script: Vec<String>,
    /// For `connect-src`.
    pub connect: Vec<String>,
    /// For `frame-src`.
    pub frame: Vec<String>,
}

const GISCUS: &str = "https://giscus.app";
const UTTERANCES: &str = "https://utteranc.es";
const PLAUSIBLE_SCRIPT: &str = "https://plausible.io/js/script.js";
const GOATCOUNTER_SCRIPT: &str = "https://gc.zgo.at/count.js";
const MAPPINGS: &[&str] = &["pathname", "url", "title", "og:title"];

impl Comments {
    /// The client script, for a page in language `lang` (a BCP 47 tag).
    pub fn script(&self, lang: &str) -> ScriptTag {
        match self {
            Comments::Giscus {
                repo,
                repo_id,
                category,
                category_id,
                mapping,
            } => ScriptTag {
                src: format!("{GISCUS}/client.js"),
                attributes: vec![
                    ("data-repo", repo.clone()),
                    ("data-repo-id", repo_id.clone()),
                    ("data-category", category.clone()),
                    ("data-category-id", category_id.clone()),
                    ("data-mapping", mapping.clone()),
                    ("data-strict", "1".into()),
                    ("data-reactions-enabled", "1".into()),
                    ("data-emit-metadata", "0".into()),
                    ("data-input-position", "top".into()),
                    ("data-theme", "preferred_color_scheme".into()),
                    ("data-lang", giscus_lang(lang)),
                    ("data-loading", "lazy".into()),
                    ("crossorigin", "anonymous".into()),
                ],
            },
            Comments::Utterances {
                repo,
                issue_term,
                label,
            } => {
                let mut attributes = vec![
                    ("repo", repo.clone()),
                    ("issue-term", issue_term.clone()),
                    ("theme", "preferred-color-scheme".into()),
                    ("crossorigin", "anonymous".into()),
                ];
                if let Some(label) = label {
                    attributes.insert(2, ("label", label.clone()));
                }
                ScriptTag {
                    src: format!("{UTTERANCES}/client.js"),
                    attributes,
                }
            }
        }
    }

    fn origin(&self) -> &'static str {
        match self {
            Comments::Giscus { .. } => GISCUS,
            Comments::Utterances { .. } => UTTERANCES,
        }
    }
}

/// giscus names its languages by their primary subtag, except Chinese.
fn giscus_lang(tag: &str) -> String {
    let lower = tag.to_ascii_lowercase();
    let mut subtags = lower.split(['-', '_']);
    let primary = subtags.next().unwrap_or("en");
    if primary == "zh" {
        let traditional = subtags.any(|subtag| matches!(subtag, "hant" | "tw" | "hk" | "mo"));
        return if traditional { "zh-TW" } else { "zh-CN" }.into();
    }
    primary.to_string()
}

impl Analytics {
    /// The counting script.
    pub fn script(&self) -> ScriptTag {
        match self {
            Analytics::Plausible { domain, script } => ScriptTag {
                src: script.clone(),
                attributes: vec![("data-domain", domain.clone()), ("defer", String::new())],
            },
            Analytics::GoatCounter { code } => ScriptTag {
                src: GOATCOUNTER_SCRIPT.into(),
                attributes: vec![
                    ("data-goatcounter", goatcounter_endpoint(code)),
                    ("async", String::new()),
                ],
            },
        }
    }

    /// Whether the app must report each client-side navigation itself (GoatCounter's
    /// script counts only the page it loads on; Plausible's follows `pushState`).
    pub fn counts_navigations_itself(&self) -> bool {
        matches!(self, Analytics::Plausible { .. })
    }
}

fn goatcounter_endpoint(code: &str) -> String {
    format!("https://{code}.goatcounter.com/count")
}

/// The origins the Content-Security-Policy must allow for `comments` and `analytics`;
/// nothing when neither is set.
pub fn csp_sources(comments: Option<&Comments>, analytics: Option<&Analytics>) -> CspSources {
    let mut sources = CspSources::default();
    if let Some(comments) = comments {
        sources.script.push(comments.origin().into());
        sources.frame.push(comments.origin().into());
    }
    match analytics {
        Some(Analytics::Plausible { script, .. }) => {
            if let Some(origin) = https_origin(script) {
                sources.script.push(origin.clone());
                sources.connect.push(origin);
            }
        }
        Some(Analytics::GoatCounter { code }) => {
            sources.script.push("https://gc.zgo.at".into());
            sources
                .connect
                .push(format!("https://{code}.goatcounter.com"));
        }
        None => {}
    }
    sources
}

/// `https://host[:port]` of an https URL whose host is a plain DNS name; `None` otherwise.
fn https_origin(url: &str) -> Option<String> {
    let rest = url.strip_prefix("https://")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let (host, port) = match authority.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    };
    let host_ok = !host.is_empty()
        && host.contains('.')
        && host
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'.');
    let port_ok =
        port.is_none_or(|port| !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()));
    (host_ok && port_ok).then(|| format!("https://{}", authority.to_ascii_lowercase()))
}

/// Reads `site.comments` and `site.analytics`, pushing a warning for every problem.
pub(crate) struct Reader<'p> {
    problems: &'p mut Vec<Problem>,
}

/// One field of a service's settings: its name, the check its value must pass, what the
/// check wants (for the warning), and its default (`None`: required).
struct Field {
    name: &'static str,
    valid: fn(&str) -> bool,
    what: &'static str,
    default: Option<&'static str>,
}

const REPO: Field = Field {
    name: "repo",
    valid: is_repo,
    what: "owner/name of a GitHub repository",
    default: None,
};

const GISCUS_FIELDS: [Field; 5] = [
    REPO,
    Field {
        name: "repo_id",
        valid: is_id,
        what: "the id giscus.app gives",
        default: None,
    },
    Field {
        name: "category",
        valid: is_text,
        what: "a category name",
        default: None,
    },
    Field {
        name: "category_id",
        valid: is_id,
        what: "the id giscus.app gives",
        default: None,
    },
    Field {
        name: "mapping",
        valid: is_mapping,
        what: "pathname, url, title or og:title",
        default: Some("pathname"),
    },
];

const UTTERANCES_FIELDS: [Field; 3] = [
    REPO,
    Field {
        name: "issue_term",
        valid: is_mapping,
        what: "pathname, url, title or og:title",
        default: Some("pathname"),
    },
    // An empty label means none.
    Field {
        name: "label",
        valid: is_text,
        what: "a label",
        default: Some(""),
    },
];

const PLAUSIBLE_FIELDS: [Field; 2] = [
    Field {
        name: "domain",
        valid: is_domain,
        what: "a domain such as example.com",
        default: None,
    },
    Field {
        name: "script",
        valid: is_https_url,
        what: "an https URL",
        default: Some(PLAUSIBLE_SCRIPT),
    },
];

const GOATCOUNTER_FIELDS: [Field; 1] = [Field {
    name: "code",
    valid: is_goatcounter_code,
    what: "the site code of CODE.goatcounter.com",
    default: None,
}];

impl<'p> Reader<'p> {
    pub(crate) fn new(problems: &'p mut Vec<Problem>) -> Self {
        Reader { problems }
    }

    fn warn(&mut self, path: String, kind: ProblemKind) {
        self.problems.push(Problem {
            path,
            slug: None,
            severity: Severity::Warning,
            kind,
        });
    }

    /// The service named at `site.SETTING` (one of `providers`) and its fields, checked:
    /// `None`, with a warning for each problem, when anything required is missing or bad.
    /// Table-driven, so the reader app carries one small loop instead of code per field.
    fn service(
        &mut self,
        site: &Map<String, Value>,
        setting: &str,
        providers: [(&'static str, &[Field]); 2],
    ) -> Option<(usize, Vec<String>)> {
        let path = format!("site.{setting}");
        let object = match site.get(setting) {
            None | Some(Value::Null) => return None,
            Some(Value::Object(object)) => object,
            Some(other) => {
                let found = crate::manifest::type_name(other);
                self.warn(
                    path,
                    ProblemKind::WrongType {
                        expected: "an object",
                        found,
                    },
                );
                return None;
            }
        };
        let provider = object
            .get("provider")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let Some(which) = providers.iter().position(|(name, _)| *name == provider) else {
            let expected = if setting == "comments" {
                "\"giscus\" or \"utterances\""
            } else {
                "\"plausible\" or \"goatcounter\""
            };
            let kind = match object.get("provider") {
                None | Some(Value::Null) => ProblemKind::Missing,
                Some(value) => ProblemKind::BadSetting {
                    value: value
                        .as_str()
                        .map_or_else(|| json_text(value), str::to_string),
                    expected,
                },
            };
            self.warn(format!("{path}.provider"), kind);
            return None;
        };
        let fields = providers[which].1;
        for key in object.keys() {
            if key != "provider" && !fields.iter().any(|field| field.name == key) {
                self.warn(format!("{path}.{key}"), ProblemKind::UnknownField);
            }
        }
        let mut values = Vec::with_capacity(fields.len());
        let mut complete = true;
        for field in fields {
            let field_path = format!("{path}.{}", field.name);
            let value = match (object.get(field.name), field.default) {
                (None | Some(Value::Null), Some(default)) => Some(default.to_string()),
                (None | Some(Value::Null), None) => {
                    self.warn(field_path, ProblemKind::Missing);
                    None
                }
                (Some(Value::String(text)), _) if (field.valid)(text.trim()) => {
                    Some(text.trim().to_string())
                }
                (Some(Value::String(text)), _) => {
                    let kind = ProblemKind::BadSetting {
                        value: text.clone(),
                        expected: field.what,
                    };
                    self.warn(field_path, kind);
                    None
                }
                (Some(other), _) => {
                    let found = crate::manifest::type_name(other);
                    let kind = ProblemKind::WrongType {
                        expected: "a string",
                        found,
                    };
                    self.warn(field_path, kind);
                    None
                }
            };
            complete &= value.is_some();
            values.extend(value);
        }
        complete.then_some((which, values))
    }

    /// `site.comments`.
    pub(crate) fn comments(&mut self, site: &Map<String, Value>) -> Option<Comments> {
        let (which, values) = self.service(
            site,
            "comments",
            [
                ("giscus", &GISCUS_FIELDS),
                ("utterances", &UTTERANCES_FIELDS),
            ],
        )?;
        let mut values = values.into_iter();
        let mut next = || values.next().unwrap_or_default();
        Some(if which == 0 {
            Comments::Giscus {
                repo: next(),
                repo_id: next(),
                category: next(),
                category_id: next(),
                mapping: next(),
            }
        } else {
            Comments::Utterances {
                repo: next(),
                issue_term: next(),
                label: Some(next()).filter(|label| !label.is_empty()),
            }
        })
    }

    /// `site.analytics`.
    pub(crate) fn analytics(&mut self, site: &Map<String, Value>) -> Option<Analytics> {
        let (which, values) = self.service(
            site,
            "analytics",
            [
                ("plausible", &PLAUSIBLE_FIELDS),
                ("goatcounter", &GOATCOUNTER_FIELDS),
            ],
        )?;
        let mut values = values.into_iter();
        let mut next = || values.next().unwrap_or_default();
        Some(if which == 0 {
            Analytics::Plausible {
                domain: next(),
                script: next(),
            }
        } else {
            Analytics::GoatCounter { code: next() }
        })
    }
}

fn is_text(text: &str) -> bool {
    !text.is_empty()
}

fn is_https_url(text: &str) -> bool {
    https_origin(text).is_some()
}

fn is_name(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.'))
}

/// A giscus id: letters, digits, `_` and `-`, or base64 (older GitHub ids end in `=`).
fn is_id(text: &str) -> bool {
    !text.is_empty()
        && text.bytes().all(|byte| {
            byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'=' | b'+' | b'/')
        })
}

fn is_repo(text: &str) -> bool {
    text.split_once('/')
        .is_some_and(|(owner, name)| is_name(owner) && is_name(name))
}

fn is_mapping(text: &str) -> bool {
    MAPPINGS.contains(&text)
}

fn is_domain(text: &str) -> bool {
    https_origin(&format!("https://{text}")).is_some() && !text.contains(':')
}

fn is_goatcounter_code(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(site: &str) -> (Option<Comments>, Option<Analytics>, Vec<String>) {
        let value: Value = serde_json::from_str(site).unwrap();
        let object = value.as_object().unwrap();
        let mut problems = Vec::new();
        let mut reader = Reader::new(&mut problems);
        let comments = reader.comments(object);
        let analytics = reader.analytics(object);
        let problems = problems.iter().map(ToString::to_string).collect();
        (comments, analytics, problems)
    }

    #[test]
    fn nothing_is_configured_unless_the_site_says_so() {
        let (comments, analytics, problems) = read("{}");
        assert_eq!((comments, analytics), (None, None));
        assert!(problems.is_empty());
        assert_eq!(csp_sources(None, None), CspSources::default());
    }

    #[test]
    fn giscus_becomes_its_script_and_two_csp_origins() {
        let (comments, _, problems) = read(
            r#"{"comments":{"provider":"giscus","repo":"me/blog","repo_id":"R_kgDO","category":"Comments","category_id":"DIC_kwDO"}}"#,
        );
        assert!(problems.is_empty(), "{problems:?}");
        let comments = comments.unwrap();
        let script = comments.script("de-AT");
        assert_eq!(script.src, "https://giscus.app/client.js");
        assert!(script.attributes.contains(&("data-repo", "me/blog".into())));
        assert!(script
            .attributes
            .contains(&("data-mapping", "pathname".into())));
        assert!(script.attributes.contains(&("data-lang", "de".into())));
        assert_eq!(giscus_lang("zh-Hant"), "zh-TW");
        assert_eq!(giscus_lang("zh-Hant-HK"), "zh-TW");
        assert_eq!(giscus_lang("zh-Hans-CN"), "zh-CN");
        assert!(is_id("MDEwOlJlcG9zaXRvcnkzOTEzMTMwMjA="));
        assert!(!is_id("x y") && !is_id("a\"b"));
        assert_eq!(giscus_lang("zh"), "zh-CN");
        let sources = csp_sources(Some(&comments), None);
        assert_eq!(sources.script, ["https://giscus.app"]);
        assert_eq!(sources.frame, ["https://giscus.app"]);
        assert!(sources.connect.is_empty());
    }

    #[test]
    fn utterances_takes_its_issue_term_and_label() {
        let (comments, _, problems) = read(
            r#"{"comments":{"provider":"utterances","repo":"me/blog","issue_term":"title","label":"💬 comment"}}"#,
        );
        assert!(problems.is_empty(), "{problems:?}");
        let script = comments.unwrap().script("en");
        assert_eq!(script.src, "https://utteranc.es/client.js");
        assert_eq!(
            script.attributes[..3],
            [
                ("repo", "me/blog".to_string()),
                ("issue-term", "title".to_string()),
                ("label", "💬 comment".to_string())
            ]
        );
    }

    #[test]
    fn analytics_scripts_and_origins() {
        let (_, analytics, problems) =
            read(r#"{"analytics":{"provider":"plausible","domain":"example.com"}}"#);
        assert!(problems.is_empty(), "{problems:?}");
        let plausible = analytics.unwrap();
        assert_eq!(plausible.script().src, "https://plausible.io/js/script.js");
        assert!(plausible.counts_navigations_itself());
        let sources = csp_sources(None, Some(&plausible));
        assert_eq!(sources.script, ["https://plausible.io"]);
        assert_eq!(sources.connect, ["https://plausible.io"]);

        let (_, analytics, _) = read(
            r#"{"analytics":{"provider":"plausible","domain":"example.com","script":"https://stats.Example.org:8443/js/script.js"}}"#,
        );
        let sources = csp_sources(None, analytics.as_ref());
        assert_eq!(sources.script, ["https://stats.example.org:8443"]);

        let (_, analytics, problems) =
            read(r#"{"analytics":{"provider":"goatcounter","code":"myblog"}}"#);
        assert!(problems.is_empty(), "{problems:?}");
        let goatcounter = analytics.unwrap();
        assert_eq!(
            goatcounter.script().attributes[0],
            (
                "data-goatcounter",
                "https://myblog.goatcounter.com/count".to_string()
            )
        );
        assert!(!goatcounter.counts_navigations_itself());
        let sources = csp_sources(None, Some(&goatcounter));
        assert_eq!(sources.script, ["https://gc.zgo.at"]);
        assert_eq!(sources.connect, ["https://myblog.goatcounter.com"]);
    }

    #[test]
    fn bad_settings_are_warnings_that_name_the_field_and_load_nothing() {
        let (comments, analytics, problems) = read(
            r#"{"comments":{"provider":"giscus","repo":"me","category":"C","category_id":"x y","extra":1},
                "analytics":{"provider":"plausible","domain":"example.com","script":"https://x.io; script-src *"}}"#,
        );
        assert_eq!((comments, analytics), (None, None));
        assert_eq!(
            problems,
            [
                "site.comments.extra: is not a known field and is ignored",
                "site.comments.repo: \"me\" is not owner/name of a GitHub repository",
                "site.comments.repo_id: is missing; it is required",
                "site.comments.category_id: \"x y\" is not the id giscus.app gives",
                "site.analytics.script: \"https://x.io; script-src *\" is not an https URL",
            ]
        );
        let (comments, _, problems) = read(r#"{"comments":{"provider":"disqus"}}"#);
        assert_eq!(comments, None);
        assert_eq!(
            problems,
            ["site.comments.provider: \"disqus\" is not \"giscus\" or \"utterances\""]
        );
        let (_, analytics, problems) = read(r#"{"analytics":"plausible"}"#);
        assert_eq!(analytics, None);
        assert_eq!(
            problems,
            ["site.analytics: must be an object, not a string"]
        );
    }

    #[test]
    fn origins_are_rebuilt_from_plain_host_names() {
        assert_eq!(
            https_origin("https://plausible.io/js/s.js"),
            Some("https://plausible.io".into())
        );
        for bad in [
            "http://plausible.io/s.js",
            "https://",
            "https://localhost/s.js",
            "https://a b.io/",
            "https://x.io'/",
            "https://x.io:/",
            "https://x.io:80a/",
            "https://user@x.io/",
        ] {
            assert_eq!(https_origin(bad), None, "{bad}");
        }
    }
}
