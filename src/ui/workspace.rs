//! The drill workspace: one model per section (its text and its analysis,
//! computed once per change), shared by the section editors, the Feedback
//! panel and the Signals meter.

use super::state::AppState;
use crate::core::analyzer::{analyze, Analysis, Finding};
use crate::core::drills::Section;
use crate::core::feedback;
use leptos::prelude::*;
use std::time::Duration;

/// Texts up to this size are analysed on every input (well under a frame);
/// longer ones, such as a 10,000-word paste, wait for a pause in typing.
const SYNC_ANALYSIS_LIMIT: usize = 30_000;
const LARGE_TEXT_DEBOUNCE: Duration = Duration::from_millis(200);

/// One section's text and the analysis of its settled text.
#[derive(Clone, Copy)]
pub struct SectionModel {
    pub section: &'static Section,
    pub text: Memo<String>,
    /// The text the current `analysis` describes (lags `text` only for huge texts).
    pub analysed: RwSignal<String>,
    pub analysis: Memo<Analysis>,
    /// The findings the user still wants to see: rules not muted, not dismissed.
    pub shown: Memo<Vec<Finding>>,
}

impl SectionModel {
    pub fn new(
        state: AppState,
        attempt_id: StoredValue<String>,
        section: &'static Section,
    ) -> Self {
        let text = Memo::new(move |_| {
            state.attempts.with(|all| {
                all.iter()
                    .find(|a| a.id == attempt_id.get_value())
                    .map(|a| a.section_text(section.id).to_owned())
                    .unwrap_or_default()
            })
        });
        let analysed = RwSignal::new(text.get_untracked());
        let pending = StoredValue::new(None::<TimeoutHandle>);
        Effect::new(move |_| {
            let current = text.get();
            if let Some(handle) = pending.get_value() {
                handle.clear();
            }
            if current.len() <= SYNC_ANALYSIS_LIMIT {
                analysed.set(current);
            } else {
                let handle =
                    set_timeout_with_handle(move || analysed.set(current), LARGE_TEXT_DEBOUNCE)
                        .ok();
                pending.set_value(handle);
            }
        });
        let analysis = Memo::new(move |_| analysed.with(|t| timed_analysis(t)));
        let shown = Memo::new(move |_| {
            let text = analysed.get();
            analysis.with(|a| {
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
        self.analysed.with(|a| self.text.with(|t| a == t))
    }
}

/// Runs the analyzer between Performance API marks (`evident-analyze`
/// measures), so the cost per keystroke is visible in DevTools and in tests.
fn timed_analysis(text: &str) -> Analysis {
    let performance = web_sys::window().and_then(|w| w.performance());
    if let Some(p) = &performance {
        let _ = p.mark("evident-analyze-start");
    }
    let analysis = analyze(text);
    if let Some(p) = &performance {
        let _ = p.measure_with_start_mark("evident-analyze", "evident-analyze-start");
        // Keep the timeline bounded over a long session.
        if p.get_entries_by_name("evident-analyze").length() > 500 {
            p.clear_measures_with_measure_name("evident-analyze");
        }
    }
    analysis
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
