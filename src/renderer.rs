//! The client of the render worker (`crates/folio-render-worker`): sends a post's Markdown
//! there and awaits its HTML. The worker starts on the first post a reader opens, so
//! listings never download the Markdown renderer.

use std::cell::RefCell;
use std::rc::Rc;

use folio_core::markdown::RenderOptions;
use folio_core::sanitize::RawHtml;
use folio_core::SafeHtml;
use js_sys::{Array, Function, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ErrorEvent, MessageEvent, Worker};

use crate::api::LoadError;

/// The worker's loader, relative to the site root. Trunk names worker files without a
/// content hash, so the app can start it by this name.
pub const WORKER_URL: &str = "folio-render-worker_loader.js";

/// A post rendered by the worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// The post's HTML, from `folio_core::render`.
    pub html: SafeHtml,
    /// Reading time computed from the Markdown.
    pub minutes: u32,
}

/// Requests waiting for an answer, and those waiting for the worker to be ready.
#[derive(Default)]
struct Queue {
    is_ready: bool,
    unsent: Vec<Array>,
    /// By request id. Rarely more than one: a list, not a hash map (whose code a map of
    /// this type alone would add to the app's download).
    pending: Vec<(u32, (Function, Function))>,
}

type Shared = Rc<RefCell<Queue>>;

/// A running worker and the requests it has not answered yet.
struct Client {
    worker: Worker,
    queue: Shared,
    next_id: u32,
    // The handlers must live as long as the worker.
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(ErrorEvent)>,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
}

impl Client {
    fn start() -> Result<Client, LoadError> {
        let worker = Worker::new(WORKER_URL).map_err(|error| renderer_error(&error))?;
        let queue: Shared = Rc::default();
        let answered = Rc::clone(&queue);
        let sender = worker.clone();
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            if data.as_string().as_deref() == Some("ready") {
                let unsent = {
                    let mut queue = answered.borrow_mut();
                    queue.is_ready = true;
                    std::mem::take(&mut queue.unsent)
                };
                for request in unsent {
                    let _ = send(&sender, &request);
                }
                return;
            }
            let answer: Array = data.unchecked_into();
            let id = answer.get(0).as_f64().unwrap_or(-1.0) as u32;
            let waiting = {
                let pending = &mut answered.borrow_mut().pending;
                let at = pending.iter().position(|(waiting, _)| *waiting == id);
                at.map(|at| pending.swap_remove(at).1)
            };
            if let Some((resolve, _)) = waiting {
                let _ = resolve.call1(&JsValue::NULL, &answer);
            }
        });
        let failed = Rc::clone(&queue);
        let on_error = Closure::<dyn Fn(ErrorEvent)>::new(move |event: ErrorEvent| {
            // The worker could not load, or it trapped: fail every waiting request and
            // start a fresh worker for the next one.
            event.prevent_default();
            let message = JsValue::from_str(&event.message());
            let waiting = std::mem::take(&mut failed.borrow_mut().pending);
            for (_, (_, reject)) in waiting {
                let _ = reject.call1(&JsValue::NULL, &message);
            }
            CLIENT.with(|client| {
                if let Ok(mut client) = client.try_borrow_mut() {
                    if let Some(old) = client.take() {
                        old.worker.terminate();
                    }
                }
            });
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(Client {
            worker,
            queue,
            next_id: 0,
            _on_message: on_message,
            _on_error: on_error,
        })
    }
}

/// Renders a post's Markdown in the worker.
pub async fn render(markdown: &str, options: &RenderOptions<'_>) -> Result<Rendered, LoadError> {
    let request = Array::new();
    // UTF-8 bytes in a buffer of their own, handed over (see the worker's protocol).
    let markdown = Uint8Array::from(markdown.as_bytes());
    request.push(&markdown);
    request.push(&JsValue::from_str(options.file()));
    request.push(&JsValue::from_str(options.page()));
    let raw_html = match options.raw_html() {
        RawHtml::Trusted => "trusted",
        RawHtml::Allowlist => "allowlist",
    };
    request.push(&JsValue::from_str(raw_html));
    request.push(&JsValue::from_str(options.lang().code()));
    // The image sizes as "path width height" lines (paths have no line breaks).
    let sizes: String = options
        .image_sizes()
        .iter()
        .map(|size| format!("{} {} {}\n", size.path, size.width, size.height))
        .collect();
    request.push(&JsValue::from_str(&sizes));
    for (file, href) in options.post_links() {
        request.push(&JsValue::from_str(file));
        request.push(&JsValue::from_str(href));
    }
    let promise = CLIENT.with(|cell| -> Result<Promise, LoadError> {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            *cell = Some(Client::start()?);
        }
        let Some(client) = cell.as_mut() else {
            return Err(LoadError::Renderer {
                reason: "the worker did not start".into(),
            });
        };
        let id = client.next_id;
        client.next_id = client.next_id.wrapping_add(1);
        request.unshift(&JsValue::from(id));
        let promise = Promise::new(&mut |resolve, reject| {
            client
                .queue
                .borrow_mut()
                .pending
                .push((id, (resolve, reject)));
        });
        let is_ready = client.queue.borrow().is_ready;
        if is_ready {
            send(&client.worker, &request).map_err(|error| renderer_error(&error))?;
        } else {
            client.queue.borrow_mut().unsent.push(request);
        }
        Ok(promise)
    })?;
    let answer: Array = JsFuture::from(promise)
        .await
        .map_err(|error| renderer_error(&error))?
        .unchecked_into();
    let html = answer
        .get(1)
        .dyn_into::<Uint8Array>()
        .ok()
        .and_then(|html| String::from_utf8(html.to_vec()).ok())
        .ok_or_else(|| LoadError::Renderer {
            reason: "the worker's answer is not UTF-8 text".into(),
        })?;
    Ok(Rendered {
        html: SafeHtml::from_rendered(html),
        minutes: answer.get(2).as_f64().unwrap_or(1.0) as u32,
    })
}

/// Posts a request, handing over the buffer of its Markdown (the request's second item).
fn send(worker: &Worker, request: &Array) -> Result<(), JsValue> {
    let markdown: Uint8Array = request.get(1).unchecked_into();
    worker.post_message_with_transfer(request, &Array::of1(&markdown.buffer()))
}

fn renderer_error(error: &JsValue) -> LoadError {
    let reason = error
        .as_string()
        .or_else(|| {
            error
                .dyn_ref::<js_sys::Error>()
                .map(|error| String::from(error.message()))
        })
        .unwrap_or_else(|| "unknown error".into());
    LoadError::Renderer { reason }
}
