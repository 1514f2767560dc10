//! Which files of Trunk's output are the reader app. Shared by `build.rs` (which embeds
//! them) and `folio build --app DIR` (which copies them), so the two never disagree.

/// The app itself: scripts, wasm, styles and `index.html`; not the demo content, not the
/// `404.html` copy (the build writes its own).
pub fn is_app_file(name: &str) -> bool {
    name.ends_with(".js")
        || name.ends_with(".wasm")
        || name.ends_with(".css")
        || name.ends_with(".woff2")
        || name == "index.html"
        || name == "diagram.html"
}
