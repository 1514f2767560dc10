//! Progress bars for long runs: shown on a terminal, hidden in CI, in pipes and with --quiet.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};

use indicatif::{ProgressBar, ProgressStyle};

static QUIET: AtomicBool = AtomicBool::new(false);

/// Turns progress output off (`--quiet`).
pub fn set_quiet() {
    QUIET.store(true, Ordering::Relaxed);
}

/// Whether `--quiet` was given.
pub fn is_quiet() -> bool {
    QUIET.load(Ordering::Relaxed)
}

/// A bar of `n_steps` labelled `what`, or a hidden one when nobody would see it.
pub fn bar(n_steps: usize, what: &str) -> ProgressBar {
    let is_visible =
        !is_quiet() && std::env::var_os("CI").is_none() && std::io::stderr().is_terminal();
    if !is_visible || n_steps < 200 {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(n_steps as u64);
    if let Ok(style) = ProgressStyle::with_template("{prefix:>8} [{bar:30}] {pos}/{len} {elapsed}")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_prefix(what.to_string());
    bar
}
