//! The browser entry point: report panics to the console, then mount the app.

/// The allocator: talc, smaller than the default dlmalloc in the wasm and faster, growing
/// the memory in steps (`folio_alloc`).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: folio_alloc::Allocator = folio_alloc::allocator();

fn main() {
    console_error_panic_hook::set_once();
    folio_app::use_browser_lowercase();
    leptos::mount::mount_to_body(folio_app::App);
    // Release builds keep what readers open for offline reading (style/sw.js).
    if !cfg!(debug_assertions) {
        folio_app::register_service_worker();
    }
}
