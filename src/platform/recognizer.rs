//! The browser's speech recogniser, used only when it runs on the device.
//!
//! The Web Speech API's `SpeechRecognition` sends audio to a server unless
//! told otherwise, so this adapter starts one only when all of these hold:
//! the constructor (`SpeechRecognition` or `webkitSpeechRecognition`) has a
//! `processLocally` member and a static `available`, `available({langs,
//! processLocally: true})` resolves to "available", and an instance reads
//! back `processLocally == true` once set. Anything else and nothing starts:
//! there is no cloud fallback. web-sys has none of the on-device members,
//! so they are reached through `js_sys::Reflect` (and, to keep the wasm
//! small, so is the rest of the interface).

use crate::core::audio::transcript::{allows, Finals, RecognitionError};
use js_sys::{Array, Function, Object, Promise, Reflect};
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// How long Stop waits for the recogniser's last results before taking
/// what it has: a recogniser that never ends must not hold the recording.
const END_WAIT_MS: u32 = 3_000;

/// Restarts after the recogniser ends on its own (a long silence ends a
/// session in Chrome) before the user stops; a bound, so a recogniser that
/// ends at once cannot spin.
const MAX_RESTARTS: u32 = 20;

/// What a recogniser heard during one recording.
pub struct Heard {
    /// The final results, joined; may be empty.
    pub text: String,
    /// The first error it reported, if any.
    pub error: Option<RecognitionError>,
}

/// A speech recogniser that keeps audio on the device. `WebSpeech` is the
/// browser's.
pub trait Recognizer: Sized {
    /// Whether recognition of `lang` is guaranteed to run on this device.
    fn on_device(lang: &str) -> impl Future<Output = bool>;
    /// Starts recognising `lang` on the device; `None` when that cannot be
    /// guaranteed (and then nothing was started).
    fn start(lang: &str) -> impl Future<Output = Option<Self>>;
    /// Stops listening now and resolves with what was heard.
    fn stop(self) -> impl Future<Output = Heard>;
}

type Handler = Closure<dyn Fn(JsValue)>;

pub struct WebSpeech {
    recognition: JsValue,
    finals: Rc<RefCell<Finals>>,
    error: Rc<RefCell<Option<RecognitionError>>>,
    /// Set once the user stops: an end is then final, not a restart.
    stopping: Rc<Cell<bool>>,
    ended: Rc<Cell<bool>>,
    /// Called on the final end (Stop waits on it).
    on_ended: Rc<RefCell<Option<Function>>>,
    _handlers: [Handler; 3],
}

fn get(target: &JsValue, key: &str) -> JsValue {
    Reflect::get(target, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn set(target: &JsValue, key: &str, value: &JsValue) -> bool {
    Reflect::set(target, &JsValue::from_str(key), value).unwrap_or(false)
}

/// Calls `target[method]()`; false when it is missing or throws.
fn call(target: &JsValue, method: &str) -> bool {
    get(target, method)
        .dyn_into::<Function>()
        .is_ok_and(|f| f.call0(target).is_ok())
}

/// The page's recogniser constructor, standard name first.
fn constructor() -> Option<Function> {
    let window: JsValue = web_sys::window()?.into();
    ["SpeechRecognition", "webkitSpeechRecognition"]
        .into_iter()
        .find_map(|name| get(&window, name).dyn_into::<Function>().ok())
}

/// The constructor, if it can promise on-device processing of `lang`.
async fn on_device_constructor(lang: &str) -> Option<Function> {
    let ctor = constructor()?;
    // Without a `processLocally` member an instance may use a server.
    let prototype = get(&ctor, "prototype");
    if !prototype.is_object()
        || !Reflect::has(&prototype, &JsValue::from_str("processLocally")).unwrap_or(false)
    {
        return None;
    }
    let available = get(&ctor, "available").dyn_into::<Function>().ok()?;
    let options = Object::new();
    set(&options, "langs", &Array::of1(&JsValue::from_str(lang)));
    set(&options, "processLocally", &JsValue::TRUE);
    let answer = available.call1(&ctor, &options).ok()?;
    // `Promise.resolve` also takes a plain value or a thenable.
    let status = JsFuture::from(Promise::resolve(&answer)).await.ok()?;
    status.as_string().filter(|s| allows(s)).map(|_| ctor)
}

/// Final results of a `result` event, from its `resultIndex` on.
fn take_results(ev: &JsValue, finals: &RefCell<Finals>) {
    let results = get(ev, "results");
    let len = get(&results, "length").as_f64().unwrap_or(0.0) as u32;
    let from = get(ev, "resultIndex").as_f64().unwrap_or(0.0) as u32;
    for i in from..len {
        let result = Reflect::get_u32(&results, i).unwrap_or(JsValue::UNDEFINED);
        if get(&result, "isFinal").as_bool() != Some(true) {
            continue;
        }
        let best = Reflect::get_u32(&result, 0).unwrap_or(JsValue::UNDEFINED);
        if let Some(text) = get(&best, "transcript").as_string() {
            finals.borrow_mut().set(i as usize, &text);
        }
    }
}

impl Recognizer for WebSpeech {
    async fn on_device(lang: &str) -> bool {
        on_device_constructor(lang).await.is_some()
    }

    async fn start(lang: &str) -> Option<Self> {
        let ctor = on_device_constructor(lang).await?;
        let recognition: JsValue = Reflect::construct(&ctor, &Array::new()).ok()?;
        // Read back: a member that ignores the value would leave the
        // recogniser free to use a server.
        if !set(&recognition, "processLocally", &JsValue::TRUE)
            || get(&recognition, "processLocally").as_bool() != Some(true)
        {
            return None;
        }
        set(&recognition, "lang", &JsValue::from_str(lang));
        set(&recognition, "continuous", &JsValue::TRUE);
        set(&recognition, "interimResults", &JsValue::FALSE);
        set(&recognition, "maxAlternatives", &JsValue::from_f64(1.0));

        let finals = Rc::new(RefCell::new(Finals::default()));
        let error = Rc::new(RefCell::new(None::<RecognitionError>));
        let stopping = Rc::new(Cell::new(false));
        let ended = Rc::new(Cell::new(false));
        let on_ended = Rc::new(RefCell::new(None::<Function>));

        let sink = finals.clone();
        let on_result = Handler::new(move |ev: JsValue| take_results(&ev, &sink));
        let failed = error.clone();
        let on_error = Handler::new(move |ev: JsValue| {
            let code = get(&ev, "error").as_string().unwrap_or_default();
            failed
                .borrow_mut()
                .get_or_insert_with(|| RecognitionError::from_code(&code));
        });
        let (again, restarts) = (recognition.clone(), Cell::new(0));
        let (sessions, errored) = (finals.clone(), error.clone());
        let (stop_asked, done, notify) = (stopping.clone(), ended.clone(), on_ended.clone());
        let on_end = Handler::new(move |_: JsValue| {
            // Ended on its own while the user still speaks: listen on, in
            // a new session, unless it ended on an error.
            if !stop_asked.get() && errored.borrow().is_none() && restarts.get() < MAX_RESTARTS {
                restarts.set(restarts.get() + 1);
                sessions.borrow_mut().new_session();
                if call(&again, "start") {
                    return;
                }
            }
            done.set(true);
            if let Some(resolve) = notify.borrow_mut().take() {
                let _ = resolve.call0(&JsValue::UNDEFINED);
            }
        });
        set(&recognition, "onresult", on_result.as_ref());
        set(&recognition, "onerror", on_error.as_ref());
        set(&recognition, "onend", on_end.as_ref());

        let speech = WebSpeech {
            recognition,
            finals,
            error,
            stopping,
            ended,
            on_ended,
            _handlers: [on_result, on_error, on_end],
        };
        // A start that throws (another recognition running) started nothing.
        call(&speech.recognition, "start").then_some(speech)
    }

    fn stop(self) -> impl Future<Output = Heard> {
        // Stop listening at once (the user pressed Stop); the last results
        // arrive before `end`.
        self.stopping.set(true);
        let ended = Promise::new(&mut |resolve, _| {
            if self.ended.get() {
                let _ = resolve.call0(&JsValue::UNDEFINED);
                return;
            }
            gloo_timers::callback::Timeout::new(END_WAIT_MS, {
                let resolve = resolve.clone();
                move || {
                    let _ = resolve.call0(&JsValue::UNDEFINED);
                }
            })
            .forget();
            *self.on_ended.borrow_mut() = Some(resolve);
        });
        if !self.ended.get() && !call(&self.recognition, "stop") {
            // It could not be stopped, so no `end` will come: take what it has.
            self.ended.set(true);
            if let Some(resolve) = self.on_ended.borrow_mut().take() {
                let _ = resolve.call0(&JsValue::UNDEFINED);
            }
        }
        async move {
            let _ = JsFuture::from(ended).await;
            let text = self.finals.borrow().text();
            let error = self.error.borrow_mut().take();
            Heard { text, error }
        }
    }
}

impl Drop for WebSpeech {
    /// A recogniser abandoned (the screen left while recording, or Stop
    /// done) stops listening and lets go of its handlers.
    fn drop(&mut self) {
        self.stopping.set(true);
        if !self.ended.get() {
            call(&self.recognition, "abort");
        }
        for event in ["onresult", "onerror", "onend"] {
            set(&self.recognition, event, &JsValue::NULL);
        }
    }
}
