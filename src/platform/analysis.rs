//! The analyzer in a Web Worker of its own: both ends of
//! `core::analysis_protocol`. [`serve`] is the worker's entry point
//! (`src/bin/analysis-worker.rs`); [`AnalysisWorker`] is the page's handle.

use super::worker::{self, Event, Worker};
use crate::core::analysis_protocol::{self, Done, Job};
use wasm_bindgen::JsValue;

/// Where Trunk puts the worker's loader; the release build renames it with a
/// content hash and names it in `<meta name="evident-analysis-worker">`.
const DEFAULT_URL: &str = "./analysis-worker_loader.js";
const META: &str = "evident-analysis-worker";

/// The worker side: answer every job.
pub fn serve() {
    worker::serve(|data| {
        let answer = analysis_protocol::answer(&data.as_string()?)?;
        Some(JsValue::from_str(&answer))
    });
}

/// What the worker said.
pub enum AnalysisEvent {
    /// It has loaded and takes jobs.
    Ready,
    Done(Done),
    /// It could not load, crashed or answered nonsense; the text says why.
    Failed(String),
}

/// The page's handle on the analysis worker; dropping it stops the worker.
pub struct AnalysisWorker {
    worker: Worker,
}

impl AnalysisWorker {
    /// Starts the worker; `on_event` gets everything it says.
    pub fn start(on_event: impl Fn(AnalysisEvent) + 'static) -> Result<AnalysisWorker, String> {
        let worker = Worker::start(META, DEFAULT_URL, move |event| {
            on_event(match event {
                Event::Ready => AnalysisEvent::Ready,
                Event::Message(data) => {
                    match analysis_protocol::decode_done(&data.as_string().unwrap_or_default()) {
                        Ok(done) => AnalysisEvent::Done(done),
                        Err(why) => AnalysisEvent::Failed(why),
                    }
                }
                Event::Failed(why) => AnalysisEvent::Failed(why),
            })
        })?;
        Ok(AnalysisWorker { worker })
    }

    /// Posts a job (the queue sends none before `Ready`).
    pub fn post(&self, job: &Job) {
        self.worker
            .post(JsValue::from_str(&analysis_protocol::encode_job(job)));
    }
}
