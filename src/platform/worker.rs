//! Both ends of the app's Web Workers (the Markdown preview, the analyzer):
//! each is a wasm of its own, loaded the first time it is needed, that says
//! `"ready"` once its handler is installed and then answers every message.
//! The page's [`Worker`] holds what it is given until then: a message posted
//! while the worker's wasm is still loading would reach a worker with no
//! handler yet and be lost.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The worker's first message.
const READY: &str = "ready";

/// The worker side: installs `answer` for every message (`None`: no reply),
/// then says ready. Called from a worker binary's `main`.
pub fn serve(answer: impl Fn(JsValue) -> Option<JsValue> + 'static) {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            if let Some(reply) = answer(ev.data()) {
                // Strings and arrays of strings always clone.
                let _ = reply_to.post_message(&reply);
            }
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(READY));
}

/// What a worker sent the page.
pub enum Event {
    /// Its wasm has loaded (and what waited has been posted).
    Ready,
    /// An answer.
    Message(JsValue),
    /// It could not load or crashed; the text says why.
    Failed(String),
}

/// The page's handle on one worker; dropping it stops the worker.
pub struct Worker {
    worker: web_sys::Worker,
    /// Messages waiting for the worker to be ready (`None` once it is).
    waiting: Rc<RefCell<Option<Vec<JsValue>>>>,
    _on_message: Closure<dyn Fn(web_sys::MessageEvent)>,
    _on_error: Closure<dyn Fn(web_sys::Event)>,
}

impl Worker {
    /// Starts the worker whose loader the release build names in
    /// `<meta name="{meta}">` (content-hashed), or `default_url` in a
    /// development build; `on_event` gets everything it sends.
    pub fn start(
        meta: &str,
        default_url: &str,
        on_event: impl Fn(Event) + 'static,
    ) -> Result<Worker, String> {
        let worker = web_sys::Worker::new(&worker_url(meta, default_url))
            .map_err(|e| super::errors::message_of(&e))?;
        let waiting: Rc<RefCell<Option<Vec<JsValue>>>> = Rc::new(RefCell::new(Some(Vec::new())));
        let on_event = Rc::new(on_event);
        let (on_answer, flush, flush_to) = (on_event.clone(), waiting.clone(), worker.clone());
        let on_message =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                let data = ev.data();
                if data.as_string().as_deref() != Some(READY) {
                    return on_answer(Event::Message(data));
                }
                let held = flush.borrow_mut().take().unwrap_or_default();
                for message in &held {
                    let _ = flush_to.post_message(message);
                }
                on_answer(Event::Ready);
            });
        let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
            // A failed load is an ErrorEvent with a message; keep it generic otherwise.
            let message = js_sys::Reflect::get(&ev, &JsValue::from_str("message"))
                .ok()
                .and_then(|m| m.as_string())
                .filter(|m| !m.is_empty())
                .unwrap_or_else(|| "its script did not load".to_owned());
            on_event(Event::Failed(message));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(Worker {
            worker,
            waiting,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// Posts a message now, or as soon as the worker is ready. Strings always
    /// clone; a terminated worker just never answers.
    pub fn post(&self, message: JsValue) {
        match &mut *self.waiting.borrow_mut() {
            Some(held) => held.push(message),
            None => {
                let _ = self.worker.post_message(&message);
            }
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// The worker loader's URL: the hashed name the release build wrote into the
/// page, or Trunk's own name in a development build.
fn worker_url(meta: &str, default_url: &str) -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(&format!("meta[name={meta}]"))
                .ok()
                .flatten()
        })
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_else(|| default_url.to_owned())
}
