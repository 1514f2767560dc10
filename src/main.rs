//! The browser entry point: report panics to the console, then mount the app.

/// The allocator: talc, smaller than the default dlmalloc in the wasm and faster, growing
/// the memory in steps (`folio_alloc`).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: folio_alloc::Allocator = folio_alloc::allocator();

fn main() {
    report_panics();
    folio_app::use_browser_lowercase();
    leptos::mount::mount_to_body(folio_app::App);
}

/// A panic's message and place go to the console as an error ("panicked at file:line:col:
/// message"). Debug builds add the JavaScript stack (`console_error_panic_hook`); a release
/// build has no function names for a stack to show, and leaving the stack out makes its
/// download 303 bytes smaller.
fn report_panics() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    #[cfg(not(debug_assertions))]
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
    }));
}
