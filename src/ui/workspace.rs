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
use wasm_bindgen::JsCast;

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
            // The drill screen may have gone while the worker worked.
            let _ = analysed.try_set(text);
            let _ = analysis.try_set(found.pop());
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
    /// The workspace of one attempt's sections; while it shows, the page
    /// also follows the on-screen keyboard (see [`follow_keyboard`]).
    pub fn new(
        attempt_id: StoredValue<String>,
        drill_id: &'static str,
        models: Vec<SectionModel>,
    ) -> WorkspaceCx {
        follow_keyboard();
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
