//! Optional third-party services a site can name in its manifest: comments (giscus or
//! utterances) under each post, and privacy-friendly analytics (Plausible or GoatCounter).
//!
//! Nothing loads unless the site names it. Each setting is read into a checked value whose
//! parts are safe where they go: the script tag the app creates (attributes set one by one,
//! never as HTML) and the origins `folio build` adds to the Content-Security-Policy, which
//! are rebuilt from validated host names so no setting can write a directive of its own.
//! A broken setting is a warning and no service, never a broken site.

use serde_json::{Map, Value};

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
    match lower.as_str() {
        "zh-tw" | "zh-hant" | "zh-hk" => "zh-TW".into(),
        _ if lower.starts_with("zh") => "zh-CN".into(),
        _ => lower.split(['-', '_']).next().unwrap_or("en").to_string(),
    }
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
            sources.connect.push(format!("https://{code}.goatcounter.com"));
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
    let port_ok = port.is_none_or(|port| !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()));
    (host_ok && port_ok).then(|| format!("https://{}", authority.to_ascii_lowercase()))
}

/// Reads `site.comments` and `site.analytics`, pushing a warning for every problem.
pub(crate) struct Reader<'p> {
    problems: &'p mut Vec<Problem>,
}

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

    /// The object at `site.FIELD`, if set; a warning if it is not an object.
    fn object<'v>(&mut self, site: &'v Map<String, Value>, field: &str) -> Option<&'v Map<String, Value>> {
        match site.get(field) {
            None | Some(Value::Null) => None,
            Some(Value::Object(object)) => Some(object),
            Some(other) => {
                self.warn(
                    format!("site.{field}"),
                    ProblemKind::WrongType {
                        expected: "an object",
                        found: crate::manifest::type_name(other),
                    },
                );
                None
            }
        }
    }

    /// A string of `object` that passes `valid`, else a warning (`what` says what it
    /// should be) and `None`.
    fn text(
        &mut self,
        object: &Map<String, Value>,
        path: &str,
        field: &str,
        valid: fn(&str) -> bool,
        what: &'static str,
    ) -> Option<String> {
        let path = format!("{path}.{field}");
        match object.get(field) {
            None | Some(Value::Null) => {
                self.warn(path, ProblemKind::Missing);
                None
            }
            Some(Value::String(text)) if valid(text.trim()) => Some(text.trim().to_string()),
            Some(Value::String(text)) => {
                self.warn(path, ProblemKind::BadSetting { value: text.clone(), expected: what });
                None
            }
            Some(other) => {
                self.warn(
                    path,
                    ProblemKind::WrongType {
                        expected: "a string",
                        found: crate::manifest::type_name(other),
                    },
                );
                None
            }
        }
    }

    /// An optional string: the default when absent, else as [`Reader::text`].
    fn text_or(
        &mut self,
        object: &Map<String, Value>,
        path: &str,
        field: &str,
        default: &str,
        valid: fn(&str) -> bool,
        what: &'static str,
    ) -> Option<String> {
        match object.get(field) {
            None | Some(Value::Null) => Some(default.to_string()),
            Some(_) => self.text(object, path, field, valid, what),
        }
    }

    fn unknown_fields(&mut self, object: &Map<String, Value>, path: &str, known: &[&str]) {
        for key in object.keys() {
            if !known.contains(&key.as_str()) {
                self.warn(format!("{path}.{key}"), ProblemKind::UnknownField);
            }
        }
    }

    /// `site.comments`.
    pub(crate) fn comments(&mut self, site: &Map<String, Value>) -> Option<Comments> {
        let object = self.object(site, "comments")?;
        let path = "site.comments";
        let provider = self.text(object, path, "provider", |p| matches!(p, "giscus" | "utterances"), "\"giscus\" or \"utterances\"")?;
        let repo = self.text(object, path, "repo", is_repo, "owner/name of a GitHub repository");
        let comments = if provider == "giscus" {
            self.unknown_fields(object, path, &["provider", "repo", "repo_id", "category", "category_id", "mapping"]);
            let repo_id = self.text(object, path, "repo_id", is_id, "the id giscus.app gives");
            let category = self.text(object, path, "category", |c| !c.is_empty(), "a category name");
            let category_id = self.text(object, path, "category_id", is_id, "the id giscus.app gives");
            let mapping = self.text_or(object, path, "mapping", "pathname", is_mapping, "pathname, url, title or og:title");
            Comments::Giscus {
                repo: repo?,
                repo_id: repo_id?,
                category: category?,
                category_id: category_id?,
                mapping: mapping?,
            }
        } else {
            self.unknown_fields(object, path, &["provider", "repo", "issue_term", "label"]);
            let issue_term = self.text_or(object, path, "issue_term", "pathname", is_mapping, "pathname, url, title or og:title");
            let label = match object.get("label") {
                None | Some(Value::Null) => None,
                Some(_) => Some(self.text(object, path, "label", |l| !l.is_empty(), "a label")?),
            };
            Comments::Utterances {
                repo: repo?,
                issue_term: issue_term?,
                label,
            }
        };
        Some(comments)
    }

    /// `site.analytics`.
    pub(crate) fn analytics(&mut self, site: &Map<String, Value>) -> Option<Analytics> {
        let object = self.object(site, "analytics")?;
        let path = "site.analytics";
        let provider = self.text(object, path, "provider", |p| matches!(p, "plausible" | "goatcounter"), "\"plausible\" or \"goatcounter\"")?;
        if provider == "plausible" {
            self.unknown_fields(object, path, &["provider", "domain", "script"]);
            let domain = self.text(object, path, "domain", is_domain, "a domain such as example.com");
            let script = self.text_or(object, path, "script", PLAUSIBLE_SCRIPT, |url| https_origin(url).is_some(), "an https URL");
            Some(Analytics::Plausible {
                domain: domain?,
                script: script?,
            })
        } else {
            self.unknown_fields(object, path, &["provider", "code"]);
            let code = self.text(object, path, "code", is_goatcounter_code, "the site code of CODE.goatcounter.com");
            Some(Analytics::GoatCounter { code: code? })
        }
    }
}

fn is_name(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.'))
}

fn is_repo(text: &str) -> bool {
    text.split_once('/')
        .is_some_and(|(owner, name)| is_name(owner) && is_name(name))
}

fn is_id(text: &str) -> bool {
    is_name(text)
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
        assert!(script.attributes.contains(&("data-mapping", "pathname".into())));
        assert!(script.attributes.contains(&("data-lang", "de".into())));
        assert_eq!(giscus_lang("zh-Hant"), "zh-TW");
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
            ("data-goatcounter", "https://myblog.goatcounter.com/count".to_string())
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
                "site.comments.repo: \"me\" is not owner/name of a GitHub repository",
                "site.comments.extra: is not a known field and is ignored",
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
        assert_eq!(problems, ["site.analytics: must be an object, not a string"]);
    }

    #[test]
    fn origins_are_rebuilt_from_plain_host_names() {
        assert_eq!(https_origin("https://plausible.io/js/s.js"), Some("https://plausible.io".into()));
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
