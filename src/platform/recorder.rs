//! The microphone: `getUserMedia` and `MediaRecorder` behind a small trait.
//!
//! The permission prompt appears only when the user presses Record
//! (`start`); the audio is kept as the recorder's chunks in memory until
//! `stop` joins them into one Blob. Nothing is sent anywhere.

use crate::core::audio::recording::MicError;
use js_sys::{Array, Promise};
use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobEvent, MediaRecorder, MediaStream, MediaStreamConstraints};

/// A finished recording.
pub struct Captured {
    pub blob: Blob,
    /// The container type the recorder chose ("audio/webm;codecs=opus").
    pub mime: String,
}

/// A source of spoken answers. `MediaRecorderMic` is the browser's.
pub trait Microphone: Sized {
    /// Asks for the microphone and starts recording.
    fn start() -> impl Future<Output = Result<Self, MicError>>;
    /// Stops recording and releases the microphone.
    fn stop(self) -> impl Future<Output = Result<Captured, MicError>>;
}

pub struct MediaRecorderMic {
    recorder: MediaRecorder,
    stream: MediaStream,
    chunks: Rc<RefCell<Vec<Blob>>>,
    _on_data: Closure<dyn Fn(BlobEvent)>,
}

/// The reason a `getUserMedia` or `MediaRecorder` call was refused.
fn classify(err: &JsValue) -> MicError {
    match err.dyn_ref::<web_sys::DomException>().map(|e| e.name()) {
        Some(name) if name == "NotAllowedError" || name == "SecurityError" => MicError::Denied,
        Some(name) if name == "NotFoundError" || name == "OverconstrainedError" => {
            MicError::NoDevice
        }
        Some(name) if name == "NotReadableError" || name == "AbortError" => MicError::Busy,
        _ => MicError::Unreadable(super::errors::message_of(err)),
    }
}

impl MediaRecorderMic {
    fn release(&self) {
        for track in self.stream.get_tracks().iter() {
            if let Ok(track) = track.dyn_into::<web_sys::MediaStreamTrack>() {
                track.stop();
            }
        }
    }
}

impl Microphone for MediaRecorderMic {
    async fn start() -> Result<Self, MicError> {
        let devices = web_sys::window()
            .and_then(|w| w.navigator().media_devices().ok())
            .ok_or(MicError::Unsupported)?;
        let constraints = MediaStreamConstraints::new();
        constraints.set_audio(&JsValue::TRUE);
        let request = devices
            .get_user_media_with_constraints(&constraints)
            .map_err(|e| classify(&e))?;
        let stream: MediaStream = JsFuture::from(request)
            .await
            .map_err(|e| classify(&e))?
            .unchecked_into();
        let recorder = match MediaRecorder::new_with_media_stream(&stream) {
            Ok(r) => r,
            Err(_) => {
                for track in stream.get_tracks().iter() {
                    if let Ok(track) = track.dyn_into::<web_sys::MediaStreamTrack>() {
                        track.stop();
                    }
                }
                return Err(MicError::Unsupported);
            }
        };
        let chunks = Rc::new(RefCell::new(Vec::new()));
        let sink = chunks.clone();
        let on_data = Closure::<dyn Fn(BlobEvent)>::new(move |ev: BlobEvent| {
            if let Some(data) = ev.data().filter(|d| d.size() > 0.0) {
                sink.borrow_mut().push(data);
            }
        });
        recorder.set_ondataavailable(Some(on_data.as_ref().unchecked_ref()));
        let mic = MediaRecorderMic {
            recorder,
            stream,
            chunks,
            _on_data: on_data,
        };
        mic.recorder.start().map_err(|e| {
            mic.release();
            classify(&e)
        })?;
        Ok(mic)
    }

    async fn stop(self) -> Result<Captured, MicError> {
        let recorder = self.recorder.clone();
        // The last chunk arrives before `stop` fires.
        let stopped = Promise::new(&mut |resolve, _| {
            recorder.set_onstop(Some(&resolve));
        });
        let stopping = recorder.stop();
        self.release();
        stopping.map_err(|e| classify(&e))?;
        let _ = JsFuture::from(stopped).await;
        recorder.set_onstop(None);
        recorder.set_ondataavailable(None);
        let mime = recorder.mime_type();
        let parts: Array = self.chunks.borrow().iter().collect();
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(&mime);
        let blob = Blob::new_with_blob_sequence_and_options(&parts, &options)
            .map_err(|e| MicError::Unreadable(super::errors::message_of(&e)))?;
        Ok(Captured { blob, mime })
    }
}

impl Drop for MediaRecorderMic {
    /// A recording abandoned (the screen left while recording) still frees
    /// the microphone.
    fn drop(&mut self) {
        self.release();
    }
}
