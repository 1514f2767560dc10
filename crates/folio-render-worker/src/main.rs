//! The render worker: folio-core's Markdown renderer in a Web Worker of its own.
//!
//! pulldown-cmark and its entity tables are about a third of the reader's WebAssembly.
//! Keeping them here lets listings load without them, and rendering a large post never
//! blocks the page. The app (`src/renderer.rs`) starts this worker on the first post.
//!
//! Protocol, as JS arrays (no serde on either side):
//! request `[id, markdown, file, page, rawHtml ("trusted" or "allowlist"), lang ("en",
//! "de", ...), imageSizes ("path width height" lines), linkFile0, linkHref0, linkFile1, ...]`,
//! answer `[id, html, minutes]`. The Markdown and the HTML travel as UTF-8 bytes
//! (`Uint8Array`s whose buffers are transferred, not copied): both sides hold them as Rust
//! strings, so no text is decoded into a JS string, cloned and encoded back on the way
//! (a third of the worker's time went to that). A request may also give the Markdown as a
//! string. Once its handler is installed the worker posts `"ready"`: messages that arrive
//! while the module is still loading would otherwise be lost.

use folio_core::markdown::RenderOptions;
use folio_core::sanitize::RawHtml;
use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// The allocator: the renderer allocates a lot of small strings, where talc is faster than
/// the default dlmalloc; it grows the memory in steps (`folio_alloc`).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: folio_alloc::Allocator = folio_alloc::allocator();

fn main() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_scope = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let request: Array = event.data().unchecked_into();
        let text = |index: u32| request.get(index).as_string().unwrap_or_default();
        let id = request.get(0);
        let markdown = request.get(1);
        let markdown = match markdown.as_string() {
            Some(markdown) => markdown,
            None => utf8(markdown.unchecked_into::<Uint8Array>().to_vec()),
        };
        let file = text(2);
        let page = text(3);
        let raw_html = if text(4) == "trusted" {
            RawHtml::Trusted
        } else {
            RawHtml::Allowlist
        };
        let lang = folio_core::i18n::Lang::from_tag(Some(&text(5)));
        let image_sizes = text(6)
            .lines()
            .filter_map(|line| {
                let mut parts = line.rsplitn(3, ' ');
                let height = parts.next()?.parse().ok()?;
                let width = parts.next()?.parse().ok()?;
                Some(folio_core::images::ImageSize {
                    path: parts.next()?.to_string(),
                    width,
                    height,
                })
            })
            .collect();
        let post_links = (7..request.length())
            .step_by(2)
            .map(|index| (text(index), text(index + 1)))
            .collect();
        let options = RenderOptions::from_parts(&file, &page, post_links, raw_html, lang)
            .with_image_sizes(image_sizes);
        let rendered = folio_core::markdown::render_counted(&markdown, &options);
        let html = Uint8Array::from(rendered.html.as_str().as_bytes());
        let answer = Array::of3(&id, &html, &JsValue::from(rendered.minutes()));
        // Posting only fails for values that cannot be cloned or transferred; a fresh
        // buffer, numbers and strings can.
        let _ = reply_scope.post_message_with_transfer(&answer, &Array::of1(&html.buffer()));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

/// Text from UTF-8 bytes; invalid sequences (which the app never sends) become U+FFFD.
fn utf8(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes)
        .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned())
}
