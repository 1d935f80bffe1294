//! The drill workspace: one model per section (its text and its analysis),
//! shared by the section editors, the Feedback panel and the Signals meter.
//!
//! A keystroke wakes only its own section: the text is read through
//! `AppState::section_text`, and each section's analysis is a signal of its
//! own, set only when the worker's answer changes it. The analysis comes
//! from the analysis worker (`ui::analysis`), one request per attempt (its
//! sections are read together), so typing never waits for the analyzer.

use super::analysis::{use_analyzer, Analyzer};
use super::state::AppState;
use crate::core::analyzer::{Analysis, Finding};
use crate::core::drills::Section;
use crate::core::feedback;
use crate::platform::task::spawn;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// Attempts up to this size are sent on every input; longer ones, such as a
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
        let text = Memo::new(move |_| state.section_text(&attempt_id.get_value(), section.id));
        let analysed = RwSignal::new(String::new());
        let analysis = RwSignal::new(None::<Analysis>);
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

    /// Takes the worker's analysis of `text`, waking this section's readers
    /// only if something changed. The answer may arrive after the drill
    /// screen has gone (Finish while the worker worked): then it is dropped.
    fn take(&self, text: String, analysis: Analysis) {
        if self.analysed.try_with_untracked(|a| *a != text) == Some(true) {
            let _ = self.analysed.try_set(text);
        }
        if self
            .analysis
            .try_with_untracked(|a| a.as_ref() != Some(&analysis))
            == Some(true)
        {
            let _ = self.analysis.try_set(Some(analysis));
        }
    }
}

/// Keeps every section's analysis current: whenever a text changes, the
/// attempt's sections go to the worker together (as the results screen asks
/// for them, so it finds them cached); the answer is shared out by section.
fn analyse_as_typed(state: AppState, attempt_id: StoredValue<String>, models: Vec<SectionModel>) {
    let analyzer = use_analyzer();
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        for m in &models {
            m.text.track();
        }
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        if untrack(|| models.iter().all(SectionModel::in_sync)) {
            return;
        }
        let models = models.clone();
        let size: usize = models
            .iter()
            .map(|m| m.text.with_untracked(String::len))
            .sum();
        if size <= EVERY_INPUT_LIMIT {
            request(analyzer, state, attempt_id, models);
        } else {
            let handle = set_timeout_with_handle(
                move || request(analyzer, state, attempt_id, models),
                LARGE_TEXT_DEBOUNCE,
            )
            .ok();
            pending.set_value(handle);
        }
    });
}

/// Asks the worker about the attempt as it is now; the answer replaces each
/// section's analysis unless a newer keystroke superseded it.
fn request(
    analyzer: Analyzer,
    state: AppState,
    attempt_id: StoredValue<String>,
    models: Vec<SectionModel>,
) {
    let Some(id) = attempt_id.try_get_value() else {
        return;
    };
    let Some((ids, sections)) = state.attempts.with_untracked(|all| {
        let a = all.iter().find(|a| a.id == id)?;
        let ids: Vec<String> = a
            .section_views()
            .into_iter()
            .filter(|s| !s.text.trim().is_empty())
            .map(|s| s.id.to_owned())
            .collect();
        Some((ids, a.sections_to_analyse()))
    }) else {
        return;
    };
    if sections.is_empty() {
        // Nothing written: nothing to find, and no worker to load for it.
        for m in &models {
            m.take(m.text.get_untracked(), Analysis::nothing());
        }
        return;
    }
    spawn(async move {
        let Ok(mut found) = analyzer.analyze(Some(id), vec![sections.clone()]).await else {
            return;
        };
        let analyses = found.pop().unwrap_or_default();
        for m in &models {
            let at = ids.iter().position(|i| i == m.section.id);
            match at.and_then(|j| Some((sections.get(j)?, analyses.get(j)?))) {
                Some((s, a)) => m.take(s.text.clone(), a.clone()),
                // Empty (or only spaces): nothing to find.
                None => m.take(
                    m.text.try_get_untracked().unwrap_or_default(),
                    Analysis::nothing(),
                ),
            }
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
    /// Whether the Feedback panel sits beside the sections (a wide screen);
    /// on a narrow one it follows the section in use, so a section's findings
    /// are never more than a screen away from it.
    pub wide: ReadSignal<bool>,
}

/// The width from which the panel is a column beside the sections
/// (`.drill-body` in style/drill.css).
const WIDE: &str = "(min-width: 60rem)";

impl WorkspaceCx {
    /// The workspace of one attempt's sections, analysed as they are typed;
    /// while it shows, the page also follows the on-screen keyboard (see
    /// [`follow_keyboard`]).
    pub fn new(
        state: AppState,
        attempt_id: StoredValue<String>,
        drill_id: &'static str,
        models: Vec<SectionModel>,
    ) -> WorkspaceCx {
        follow_keyboard();
        analyse_as_typed(state, attempt_id, models.clone());
        WorkspaceCx {
            attempt_id,
            drill_id,
            models: StoredValue::new(models),
            focused: RwSignal::new(0),
            wide: media_query(WIDE),
        }
    }

    pub fn focused_model(&self) -> Option<SectionModel> {
        let i = self.focused.get();
        self.models.with_value(|m| m.get(i).copied())
    }
}

/// A media query as a signal.
fn media_query(query: &str) -> ReadSignal<bool> {
    let list = web_sys::window().and_then(|w| w.match_media(query).ok().flatten());
    let (matches, set_matches) = signal(list.as_ref().is_some_and(|l| l.matches()));
    if let Some(list) = list {
        let on_change = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(
            move |ev: web_sys::MediaQueryListEvent| {
                let _ = set_matches.try_set(ev.matches());
            },
        );
        let _ = list.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        let handler = send_wrapper::SendWrapper::new((list, on_change));
        on_cleanup(move || {
            let (list, on_change) = &*handler;
            let _ = list
                .remove_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        });
    }
    matches
}

/// The class `keyboard-up` on `<html>` while a text field has focus on a
/// touch screen and the on-screen keyboard takes the bottom of it (the visual
/// viewport under three quarters of the tallest the page has been): the
/// drill clock then collapses to one line (style/drill.css) so it never
/// covers the words being typed.
fn follow_keyboard() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let tallest = StoredValue::new(
        window
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0),
    );
    let update = move || {
        let Some(window) = web_sys::window() else {
            return;
        };
        let Some(doc) = window.document() else {
            return;
        };
        let layout = window
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        tallest.update_value(|t| *t = t.max(layout));
        let visible = window.visual_viewport().map_or(layout, |v| v.height());
        let typing = doc.active_element().is_some_and(|el| {
            el.tag_name() == "TEXTAREA"
                || (el.tag_name() == "INPUT"
                    && el.get_attribute("type").is_none_or(|t| t == "text"))
        });
        let touch = window
            .match_media("(pointer: coarse)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches());
        let up = typing && touch && visible < 0.75 * tallest.get_value();
        if let Some(html) = doc.document_element() {
            let _ = html.class_list().toggle_with_force("keyboard-up", up);
        }
    };
    let on_resize = window_event_listener(leptos::ev::resize, move |_| update());
    let on_focus_in = window_event_listener(leptos::ev::focusin, move |_| update());
    let on_focus_out = window_event_listener(leptos::ev::focusout, move |_| {
        // Focus moves on (to the next field, or nowhere) after this event.
        request_animation_frame(update);
    });
    let viewport = window.visual_viewport().map(|v| {
        let on_change = wasm_bindgen::closure::Closure::<dyn Fn()>::new(update);
        let _ = v.add_event_listener_with_callback("resize", on_change.as_ref().unchecked_ref());
        send_wrapper::SendWrapper::new((v, on_change))
    });
    on_cleanup(move || {
        on_resize.remove();
        on_focus_in.remove();
        on_focus_out.remove();
        if let Some(held) = viewport {
            let (v, on_change) = &*held;
            let _ =
                v.remove_event_listener_with_callback("resize", on_change.as_ref().unchecked_ref());
        }
        if let Some(html) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = html.class_list().remove_1("keyboard-up");
        }
    });
}
