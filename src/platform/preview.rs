//! The Markdown preview, rendered by pulldown-cmark in a Web Worker of its own.
//!
//! Why a worker: pulldown-cmark (with its HTML entity and Unicode case
//! tables) is about 60 KB of gzipped wasm, a sixth of the app, and the
//! preview is opened in a minority of sessions. In its own wasm, loaded the
//! first time someone opens a preview, it costs nothing at start-up; the
//! service worker precaches it like every other build file, so the preview
//! works offline too. Rendering off the main thread also keeps typing smooth
//! while a long export renders.
//!
//! Both ends live here: [`serve`] is the worker's entry point
//! (`src/bin/preview-worker.rs`), [`PreviewWorker`] the page's handle. A
//! message to the worker is `[id, markdown]`; the answer is `[id, html]`.
//! The worker first says `"ready"`: a message posted while its wasm is still
//! loading would reach a worker with no handler yet and be lost, so the page
//! holds the latest request until then.

use crate::core::markdown::render_preview;
use js_sys::Array;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Requests waiting for the worker to load.
enum Queue {
    Loading(Option<Array>),
    Ready,
}

/// Where Trunk puts the worker's loader; the release build renames it with a
/// content hash and names it in `<meta name="evident-preview-worker">`.
const DEFAULT_URL: &str = "./preview-worker_loader.js";

/// The worker side: answer every `[id, markdown]` with `[id, html]`.
pub fn serve() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let request = Array::from(&ev.data());
            let markdown = request.get(1).as_string().unwrap_or_default();
            let answer = Array::of2(
                &request.get(0),
                &JsValue::from_str(&render_preview(&markdown)),
            );
            // Posting a string array cannot fail (nothing to clone but strings).
            let _ = reply_to.post_message(&answer);
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(READY));
}

const READY: &str = "ready";

/// What the worker sent back.
pub enum PreviewReply {
    /// The HTML for request `id`.
    Html { id: u32, html: String },
    /// The worker could not load or crashed; the message says why.
    Failed(String),
}

/// The page's handle on the preview worker; dropping it stops the worker.
pub struct PreviewWorker {
    worker: web_sys::Worker,
    /// Until the worker is ready: the latest request, sent when it is.
    queue: Rc<RefCell<Queue>>,
    _on_message: Closure<dyn Fn(web_sys::MessageEvent)>,
    _on_error: Closure<dyn Fn(web_sys::Event)>,
}

impl PreviewWorker {
    /// Starts the worker; `on_reply` gets every answer and failure.
    pub fn start(on_reply: impl Fn(PreviewReply) + 'static) -> Result<PreviewWorker, String> {
        let worker = web_sys::Worker::new(&worker_url()).map_err(|e| {
            format!(
                "the preview could not start ({})",
                super::errors::message_of(&e)
            )
        })?;
        let on_reply = Rc::new(on_reply);
        let reply = on_reply.clone();
        let queue = Rc::new(RefCell::new(Queue::Loading(None)));
        let (flush_queue, flush_to) = (queue.clone(), worker.clone());
        let on_message =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                if ev.data().as_string().as_deref() == Some(READY) {
                    let waiting = std::mem::replace(&mut *flush_queue.borrow_mut(), Queue::Ready);
                    if let Queue::Loading(Some(request)) = waiting {
                        let _ = flush_to.post_message(&request);
                    }
                    return;
                }
                let answer = Array::from(&ev.data());
                let id = answer.get(0).as_f64().map_or(0, |n| n as u32);
                let html = answer.get(1).as_string().unwrap_or_default();
                reply(PreviewReply::Html { id, html });
            });
        let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
            // A failed load is an ErrorEvent with a message; keep it generic otherwise.
            let message = js_sys::Reflect::get(&ev, &JsValue::from_str("message"))
                .ok()
                .and_then(|m| m.as_string())
                .filter(|m| !m.is_empty())
                .unwrap_or_else(|| "its script did not load".to_owned());
            on_reply(PreviewReply::Failed(format!(
                "the preview could not be rendered ({message})"
            )));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(PreviewWorker {
            worker,
            queue,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// Asks for the HTML of `markdown`; the reply carries `id`.
    pub fn render(&self, id: u32, markdown: &str) {
        let request = Array::of2(&JsValue::from(id), &JsValue::from_str(markdown));
        match &mut *self.queue.borrow_mut() {
            Queue::Loading(waiting) => *waiting = Some(request),
            // Strings always clone; a terminated worker just never answers.
            Queue::Ready => {
                let _ = self.worker.post_message(&request);
            }
        }
    }
}

impl Drop for PreviewWorker {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// The worker loader's URL: the hashed name the release build wrote into the
/// page, or Trunk's own name in a development build.
fn worker_url() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector("meta[name=evident-preview-worker]")
                .ok()
                .flatten()
        })
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_else(|| DEFAULT_URL.to_owned())
}
