//! Tells the reader that some posts could not be shown, and why.

use folio_core::{Manifest, Severity};
use leptos::prelude::*;

use crate::components::markdown_body::HtmlBlock;
use crate::markup;

/// A notice listing the manifest errors that made posts disappear (from
/// `folio_core::html::Markup::skipped_notice`); nothing if none did.
pub fn skipped_notice_for(manifest: &Manifest) -> impl IntoView {
    let reasons: Vec<String> = manifest
        .problems
        .iter()
        .filter(|problem| problem.severity == Severity::Error)
        .map(ToString::to_string)
        .collect();
    markup()
        .skipped_notice(manifest.n_skipped(), &reasons)
        .map(|html| view! { <HtmlBlock class="skipped-notice" html /> })
}
