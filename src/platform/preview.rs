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

use super::worker::{self, Event, Worker};
use crate::core::markdown::render_preview;
use js_sys::Array;
use wasm_bindgen::JsValue;

/// Where Trunk puts the worker's loader; the release build renames it with a
/// content hash and names it in `<meta name="evident-preview-worker">`.
const DEFAULT_URL: &str = "./preview-worker_loader.js";
const META: &str = "evident-preview-worker";

/// The worker side: answer every `[id, markdown]` with `[id, html]`.
pub fn serve() {
    worker::serve(|data| {
        let request = Array::from(&data);
        let markdown = request.get(1).as_string().unwrap_or_default();
        let html = JsValue::from_str(&render_preview(&markdown));
        Some(Array::of2(&request.get(0), &html).into())
    });
}

/// What the worker sent back.
pub enum PreviewReply {
    /// The HTML for request `id`.
    Html { id: u32, html: String },
    /// The worker could not load or crashed; the message says why.
    Failed(String),
}

/// The page's handle on the preview worker; dropping it stops the worker.
pub struct PreviewWorker {
    worker: Worker,
}

impl PreviewWorker {
    /// Starts the worker; `on_reply` gets every answer and failure.
    pub fn start(on_reply: impl Fn(PreviewReply) + 'static) -> Result<PreviewWorker, String> {
        let worker = Worker::start(META, DEFAULT_URL, move |event| match event {
            Event::Ready => {}
            Event::Message(data) => {
                let answer = Array::from(&data);
                let id = answer.get(0).as_f64().map_or(0, |n| n as u32);
                let html = answer.get(1).as_string().unwrap_or_default();
                on_reply(PreviewReply::Html { id, html });
            }
            Event::Failed(why) => on_reply(PreviewReply::Failed(format!(
                "the preview could not be rendered ({why})"
            ))),
        })
        .map_err(|e| format!("the preview could not start ({e})"))?;
        Ok(PreviewWorker { worker })
    }

    /// Asks for the HTML of `markdown`; the reply carries `id`.
    pub fn render(&self, id: u32, markdown: &str) {
        self.worker
            .post(Array::of2(&JsValue::from(id), &JsValue::from_str(markdown)).into());
    }
}
