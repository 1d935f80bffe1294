//! The analyzer as the screens see it: `analyze(slot, attempts).await`,
//! answered from the cache or by the analysis worker (`platform::analysis`),
//! which starts the first time a screen asks. Until it has loaded, screens
//! say "Analysing…" ([`Analyzer::status`]); typing never waits for it.

use crate::core::analysis_protocol::{SectionText, Sections};
use crate::core::analysis_queue::{Asked, Queue, Ticket};
use crate::core::analyzer::{Analysis, SectionInput};
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

/// Per attempt asked, one analysis per section.
type Answer = Result<Vec<Vec<Analysis>>, NotAnalysed>;

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

    /// The analyses of `wanted` if all are cached (no worker needed).
    pub fn cached(&self, wanted: &[Sections]) -> Option<Vec<Vec<Analysis>>> {
        self.inner.with_value(|i| i.queue.cached(wanted))
    }

    /// The analyses of `wanted`, in order. A request from `slot` (one attempt
    /// being typed in) replaces that slot's earlier one, which then ends as
    /// [`NotAnalysed::Superseded`].
    pub async fn analyze(self, slot: Option<String>, wanted: Vec<Sections>) -> Answer {
        if let Status::Failed(why) = self.status.get_untracked() {
            return Err(NotAnalysed::Failed(why));
        }
        let asked = self.inner.try_update_value(|i| i.queue.ask(slot, wanted));
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

/// Analyses by attempt, for a screen that needs several attempts.
#[derive(Clone, Debug)]
pub struct Analyses {
    wanted: Arc<Vec<Sections>>,
    by_sections: Arc<HashMap<Sections, Vec<Analysis>>>,
}

impl PartialEq for Analyses {
    fn eq(&self, other: &Analyses) -> bool {
        self.wanted == other.wanted
    }
}

impl Analyses {
    /// `found[i]` holds the analyses of `wanted[i]`.
    pub fn of(wanted: Vec<Sections>, found: Vec<Vec<Analysis>>) -> Analyses {
        let by_sections = wanted.iter().cloned().zip(found).collect();
        Analyses {
            wanted: Arc::new(wanted),
            by_sections: Arc::new(by_sections),
        }
    }

    /// The analyses of one attempt's sections, as `core::attempt::Analyze`
    /// wants them (asked for by the screen, so present; sections that were
    /// not asked for read as having no findings).
    pub fn of_sections(&self, sections: &[SectionInput<'_>]) -> Vec<Analysis> {
        let key: Sections = sections
            .iter()
            .map(|s| SectionText {
                label: s.label.to_owned(),
                text: s.text.to_owned(),
            })
            .collect();
        self.by_sections
            .get(&key)
            .cloned()
            .unwrap_or_else(|| sections.iter().map(|_| Analysis::nothing()).collect())
    }
}

/// The analyses of `wanted()` (attempts' sections), kept current as they
/// change: `None` until the worker has answered (at once when every attempt
/// is cached).
pub fn use_analyses(
    wanted: impl Fn() -> Vec<Sections> + Send + Sync + 'static,
) -> ReadSignal<Option<Analyses>> {
    let analyzer = use_analyzer();
    let initial = untrack(&wanted);
    let out = RwSignal::new(
        analyzer
            .cached(&initial)
            .map(|found| Analyses::of(initial, found)),
    );
    let latest = StoredValue::new(0u64);
    Effect::new(move |_| {
        let asked = wanted();
        if out.with_untracked(|o| o.as_ref().is_some_and(|a| *a.wanted == asked)) {
            return;
        }
        latest.update_value(|n| *n += 1);
        let generation = latest.get_value();
        if let Some(found) = analyzer.cached(&asked) {
            return out.set(Some(Analyses::of(asked, found)));
        }
        out.set(None);
        spawn(async move {
            let answer = analyzer.analyze(None, asked.clone()).await;
            // The screen may have gone while the worker worked.
            if latest.try_get_value() != Some(generation) {
                return;
            }
            match answer {
                Ok(found) => {
                    let _ = out.try_set(Some(Analyses::of(asked, found)));
                }
                // Shown through `Analyzer::status`.
                Err(NotAnalysed::Failed(_) | NotAnalysed::Superseded) => {}
            }
        });
    });
    out.read_only()
}
