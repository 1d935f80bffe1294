//! The analyzer as the screens see it: `analyze(slot, texts).await`,
//! answered from the cache or by the analysis worker (`platform::analysis`),
//! which starts the first time a screen asks. Until it has loaded, screens
//! say "Analysing…" ([`Analyzer::status`]); typing never waits for it.

use crate::core::analysis_queue::{Asked, Queue, Ticket};
use crate::core::analyzer::{Analysis, SignalEvidence};
use crate::core::signals;
use crate::platform::analysis::{AnalysisEvent, AnalysisWorker};
use crate::platform::task::spawn;
use futures_channel::oneshot;
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

/// Where the worker is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    /// Nothing has asked yet: the worker is not loaded.
    Idle,
    /// Its wasm is loading; requests wait.
    Loading,
    Ready,
    /// It could not load or crashed: no feedback this session.
    Failed(String),
}

/// Why no analysis came back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotAnalysed {
    /// A newer request from the same slot replaced this one.
    Superseded,
    Failed(String),
}

type Answer = Result<Vec<Analysis>, NotAnalysed>;

struct Inner {
    queue: Queue,
    worker: Option<AnalysisWorker>,
    answers: HashMap<Ticket, oneshot::Sender<Answer>>,
}

/// The app's analyzer, in context.
#[derive(Clone, Copy)]
pub struct Analyzer {
    inner: StoredValue<Inner, LocalStorage>,
    pub status: RwSignal<Status>,
}

impl Analyzer {
    fn new() -> Analyzer {
        Analyzer {
            inner: StoredValue::new_local(Inner {
                queue: Queue::default(),
                worker: None,
                answers: HashMap::new(),
            }),
            status: RwSignal::new(Status::Idle),
        }
    }

    /// The analyses of `texts` if all are cached (no worker needed).
    pub fn cached(&self, texts: &[String]) -> Option<Vec<Analysis>> {
        self.inner.with_value(|i| i.queue.cached(texts))
    }

    /// The analyses of `texts`, in order. A request from `slot` (one section
    /// being typed in) replaces that slot's earlier one, which then ends as
    /// [`NotAnalysed::Superseded`].
    pub async fn analyze(self, slot: Option<String>, texts: Vec<String>) -> Answer {
        if let Status::Failed(why) = self.status.get_untracked() {
            return Err(NotAnalysed::Failed(why));
        }
        let asked = self.inner.try_update_value(|i| i.queue.ask(slot, texts));
        let ticket = match asked {
            Some(Asked::Answered(found)) => return Ok(found),
            Some(Asked::Queued { ticket, superseded }) => {
                if let Some(old) = superseded {
                    self.inner.update_value(|i| drop(i.answers.remove(&old)));
                }
                ticket
            }
            None => return Err(NotAnalysed::Superseded),
        };
        let (tx, rx) = oneshot::channel();
        self.inner.update_value(|i| {
            i.answers.insert(ticket, tx);
        });
        self.start();
        self.pump();
        // A dropped sender is a superseded request.
        rx.await.unwrap_or(Err(NotAnalysed::Superseded))
    }

    /// Starts the worker if nothing has yet.
    fn start(self) {
        if self.status.get_untracked() != Status::Idle {
            return;
        }
        self.status.set(Status::Loading);
        match AnalysisWorker::start(move |event| self.on_event(event)) {
            Ok(worker) => self.inner.update_value(|i| i.worker = Some(worker)),
            Err(why) => self.fail(why),
        }
    }

    /// Posts the next job if the worker is ready and idle.
    fn pump(self) {
        self.inner.update_value(|i| {
            if let (Some(job), Some(worker)) = (i.queue.next_job(), &i.worker) {
                worker.post(&job);
            }
        });
    }

    fn on_event(self, event: AnalysisEvent) {
        match event {
            AnalysisEvent::Ready => {
                self.inner.update_value(|i| i.queue.set_ready());
                self.status.set(Status::Ready);
            }
            AnalysisEvent::Done(done) => self.inner.update_value(|i| {
                for (ticket, found) in i.queue.done(done) {
                    if let Some(tx) = i.answers.remove(&ticket) {
                        let _ = tx.send(Ok(found));
                    }
                }
            }),
            AnalysisEvent::Failed(why) => return self.fail(why),
        }
        self.pump();
    }

    fn fail(self, why: String) {
        let why = format!("the analyzer could not load ({why})");
        self.status.set(Status::Failed(why.clone()));
        self.inner.update_value(|i| {
            i.worker = None;
            for ticket in i.queue.fail() {
                if let Some(tx) = i.answers.remove(&ticket) {
                    let _ = tx.send(Err(NotAnalysed::Failed(why.clone())));
                }
            }
        });
    }

    /// What a screen shows instead of findings it does not have yet.
    pub fn pending_note(&self) -> String {
        match self.status.get() {
            Status::Failed(why) => format!("Feedback is unavailable: {why}. Your text is saved."),
            _ => "Analysing…".to_owned(),
        }
    }
}

/// Installs the analyzer in context (the worker starts on first use).
pub fn provide_analyzer() {
    provide_context(Analyzer::new());
}

/// The analyzer from context.
pub fn use_analyzer() -> Analyzer {
    expect_context::<Analyzer>()
}

/// Analyses by text, for a screen that needs several attempts' sections.
#[derive(Clone, Debug)]
pub struct Analyses {
    texts: Arc<Vec<String>>,
    by_text: Arc<HashMap<String, Analysis>>,
}

impl PartialEq for Analyses {
    fn eq(&self, other: &Analyses) -> bool {
        self.texts == other.texts
    }
}

impl Analyses {
    /// `found[i]` is the analysis of `texts[i]`.
    pub fn of(texts: Vec<String>, found: Vec<Analysis>) -> Analyses {
        let by_text = texts.iter().cloned().zip(found).collect();
        Analyses {
            texts: Arc::new(texts),
            by_text: Arc::new(by_text),
        }
    }

    /// The analysis of `text` (asked for by the screen, so present; a text
    /// that was not asked for reads as having no findings).
    pub fn of_text(&self, text: &str) -> Analysis {
        self.by_text.get(text).cloned().unwrap_or_else(not_analysed)
    }
}

/// An analysis with no findings and no signal shown.
fn not_analysed() -> Analysis {
    Analysis {
        findings: Vec::new(),
        signals: signals::Signal::ALL
            .iter()
            .map(|&signal| SignalEvidence {
                signal,
                phrases: Vec::new(),
            })
            .collect(),
        summary: String::new(),
    }
}

/// The analyses of `texts()`, kept current as they change: `None` until the
/// worker has answered (at once when every text is cached).
pub fn use_analyses(
    texts: impl Fn() -> Vec<String> + Send + Sync + 'static,
) -> ReadSignal<Option<Analyses>> {
    let analyzer = use_analyzer();
    let initial = untrack(&texts);
    let out = RwSignal::new(
        analyzer
            .cached(&initial)
            .map(|found| Analyses::of(initial, found)),
    );
    let latest = StoredValue::new(0u64);
    Effect::new(move |_| {
        let wanted = texts();
        if out.with_untracked(|o| o.as_ref().is_some_and(|a| *a.texts == wanted)) {
            return;
        }
        latest.update_value(|n| *n += 1);
        let generation = latest.get_value();
        if let Some(found) = analyzer.cached(&wanted) {
            return out.set(Some(Analyses::of(wanted, found)));
        }
        out.set(None);
        spawn(async move {
            let answer = analyzer.analyze(None, wanted.clone()).await;
            // The screen may have gone while the worker worked.
            if latest.try_get_value() != Some(generation) {
                return;
            }
            match answer {
                Ok(found) => {
                    let _ = out.try_set(Some(Analyses::of(wanted, found)));
                }
                // Shown through `Analyzer::status`.
                Err(NotAnalysed::Failed(_) | NotAnalysed::Superseded) => {}
            }
        });
    });
    out.read_only()
}
