//! The browser entry point: report panics to the console, then mount the app.

/// The allocator: talc is smaller than the default dlmalloc in the wasm, and faster.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    console_error_panic_hook::set_once();
    folio_app::use_browser_lowercase();
    leptos::mount::mount_to_body(folio_app::App);
    // Release builds keep what readers open for offline reading (style/sw.js).
    if !cfg!(debug_assertions) {
        folio_app::register_service_worker();
    }
}
