//! Folio's pure logic, shared by the reader app (compiled to wasm) and the `folio` CLI.
//!
//! Nothing here does IO or touches the browser, so nothing in the environment can make it
//! fail and its tests need no setup. Everything that reads outside data (manifest text,
//! Markdown, URL parameters) returns errors instead of panicking.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod case;
pub mod css;
pub mod date;
pub mod highlight;
pub mod html;
pub mod i18n;
pub mod images;
pub mod integrations;
pub mod json;
pub mod manifest;
pub mod markdown;
pub mod order;
pub mod problem;
pub mod query;
pub mod reading_time;
pub mod record;
pub mod route;
pub mod sanitize;
pub mod slug;
pub mod text_index;

pub use date::PostDate;
pub use manifest::{
    parse, Drafts, FeedContent, Manifest, ManifestError, ParseOptions, Post, Site, Term,
};
pub use markdown::{render, RenderOptions, SafeHtml};
pub use problem::{Problem, ProblemKind, Severity};
pub use route::Route;
pub use slug::Slug;
