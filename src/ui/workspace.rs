//! The drill workspace: one model per section (its text and its analysis),
//! shared by the section editors, the Feedback panel and the Signals meter.
//! The analysis comes from the analysis worker (`ui::analysis`): a keystroke
//! only posts the text, so typing never waits for the analyzer.

use super::analysis::{use_analyzer, Analyzer};
use super::state::AppState;
use crate::core::analyzer::{Analysis, Finding};
use crate::core::drills::Section;
use crate::core::feedback;
use crate::platform::task::spawn;
use leptos::prelude::*;
use std::time::Duration;

/// Texts up to this size are sent on every input; longer ones, such as a
/// 10,000-word paste, wait for a pause in typing (each answer is decoded and
/// drawn on the page, so a huge text is not redrawn per keystroke).
const EVERY_INPUT_LIMIT: usize = 30_000;
const LARGE_TEXT_DEBOUNCE: Duration = Duration::from_millis(200);

/// One section's text and the analysis of its latest analysed text.
#[derive(Clone, Copy)]
pub struct SectionModel {
    pub section: &'static Section,
    pub text: Memo<String>,
    /// The text the current `analysis` describes (lags `text` while the
    /// worker works).
    pub analysed: RwSignal<String>,
    /// `None` until the worker has answered for this section once.
    pub analysis: RwSignal<Option<Analysis>>,
    /// The findings the user still wants to see: rules not muted, not dismissed.
    pub shown: Memo<Vec<Finding>>,
}

impl SectionModel {
    pub fn new(
        state: AppState,
        attempt_id: StoredValue<String>,
        section: &'static Section,
    ) -> Self {
        let analyzer = use_analyzer();
        let text = Memo::new(move |_| {
            state.attempts.with(|all| {
                all.iter()
                    .find(|a| a.id == attempt_id.get_value())
                    .map(|a| a.section_text(section.id).to_owned())
                    .unwrap_or_default()
            })
        });
        let first = text.get_untracked();
        let cached = analyzer.cached(std::slice::from_ref(&first));
        let analysed = RwSignal::new(first);
        let analysis = RwSignal::new(cached.and_then(|mut found| found.pop()));
        let pending = StoredValue::new(None::<TimeoutHandle>);
        Effect::new(move |_| {
            let current = text.get();
            if let Some(handle) = pending.get_value() {
                handle.clear();
            }
            if analysis.with_untracked(Option::is_some)
                && analysed.with_untracked(|a| *a == current)
            {
                return;
            }
            let slot = format!("{}/{}", attempt_id.get_value(), section.id);
            if current.len() <= EVERY_INPUT_LIMIT {
                request(analyzer, slot, current, analysed, analysis);
            } else {
                let handle = set_timeout_with_handle(
                    move || request(analyzer, slot, current, analysed, analysis),
                    LARGE_TEXT_DEBOUNCE,
                )
                .ok();
                pending.set_value(handle);
            }
        });
        let shown = Memo::new(move |_| {
            let text = analysed.get();
            analysis.with(|a| {
                let Some(a) = a else { return Vec::new() };
                state.prefs.with(|p| {
                    feedback::visible(&text, &a.findings, &p.muted_rules, &p.dismissed_findings)
                        .into_iter()
                        .cloned()
                        .collect()
                })
            })
        });
        SectionModel {
            section,
            text,
            analysed,
            analysis,
            shown,
        }
    }

    /// Whether the analysis describes exactly what is in the text area now.
    pub fn in_sync(&self) -> bool {
        self.analysis.with(Option::is_some) && self.analysed.with(|a| self.text.with(|t| a == t))
    }
}

/// Asks the worker about `text` for this section's slot; the answer replaces
/// the section's analysis unless a newer keystroke superseded it.
fn request(
    analyzer: Analyzer,
    slot: String,
    text: String,
    analysed: RwSignal<String>,
    analysis: RwSignal<Option<Analysis>>,
) {
    spawn(async move {
        if let Ok(mut found) = analyzer.analyze(Some(slot), vec![text.clone()]).await {
            analysed.set(text);
            analysis.set(found.pop());
        }
    });
}

/// The workspace shared with the Feedback panel through context.
#[derive(Clone, Copy)]
pub struct WorkspaceCx {
    pub attempt_id: StoredValue<String>,
    pub drill_id: &'static str,
    pub models: StoredValue<Vec<SectionModel>>,
    /// Index of the section the user last focused (0 until then).
    pub focused: RwSignal<usize>,
}

impl WorkspaceCx {
    pub fn focused_model(&self) -> Option<SectionModel> {
        let i = self.focused.get();
        self.models.with_value(|m| m.get(i).copied())
    }
}
