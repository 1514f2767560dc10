//! Tells the reader that some posts could not be shown, and why.

use folio_core::{Manifest, Severity};
use leptos::prelude::*;

/// A notice listing the manifest errors that made posts disappear; nothing if none did.
#[component]
pub fn SkippedNotice(
    /// How many posts were skipped.
    n_skipped: usize,
    /// One line per error.
    reasons: Vec<String>,
) -> impl IntoView {
    (n_skipped > 0).then(|| {
        let t = crate::strings();
        let summary = t.count(&t.skipped, n_skipped);
        let reasons = reasons
            .into_iter()
            .map(|reason| view! { <li><code>{reason}</code></li> })
            .collect_view();
        view! {
            <details class="notice skipped" role="status">
                <summary>{summary}</summary>
                <ul>{reasons}</ul>
            </details>
        }
    })
}

/// The notice for a manifest.
pub fn skipped_notice_for(manifest: &Manifest) -> impl IntoView {
    let reasons: Vec<String> = manifest
        .problems
        .iter()
        .filter(|problem| problem.severity == Severity::Error)
        .map(ToString::to_string)
        .collect();
    view! { <SkippedNotice n_skipped=manifest.n_skipped() reasons /> }
}
