//! The Feedback panel (findings of the focused section, in text order, with
//! per-rule counts, muting and "Not an issue here"), the Signals meter over the
//! whole workspace, and the legend of marks.

use super::analysis::use_analyzer;
use super::editor::select_in_section;
use super::state::use_app_state;
use super::workspace::WorkspaceCx;
use crate::core::analyzer::{rule_info, Finding, SignalEvidence, RULES};
use crate::core::attempt::merge_signals;
use crate::core::feedback;
use crate::core::markdown::escape_into;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// How many findings the panel lists before "Show all".
const LIST_LIMIT: usize = 40;

/// Moves focus to the panel's first finding ("Go to text" takes it back to
/// the words), or to its heading when the section has none. The panel may
/// still be rendering the section just chosen (or waiting for the worker):
/// then it looks again on the next frames, for up to about a second.
pub fn focus_feedback() {
    focus_feedback_within(FOCUS_FRAMES);
}

/// Frames `focus_feedback` waits for the panel to show a verdict.
const FOCUS_FRAMES: u32 = 60;

fn focus_feedback_within(frames_left: u32) {
    request_animation_frame(move || {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let first = doc
            .query_selector(".feedback-panel .finding-jump")
            .ok()
            .flatten();
        let settled = first.is_some()
            || doc
                .query_selector(".feedback-panel .no-findings")
                .ok()
                .flatten()
                .is_some();
        if !settled && frames_left > 0 {
            return focus_feedback_within(frames_left - 1);
        }
        let target = first.or_else(|| doc.get_element_by_id("feedback-heading"));
        if let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    });
}

#[component]
pub fn FeedbackPanel() -> impl IntoView {
    let state = use_app_state();
    let analyzer = use_analyzer();
    let cx = expect_context::<WorkspaceCx>();
    let section_label = move || cx.focused_model().map_or("", |m| m.section.label);
    // (text the findings refer to, visible findings) of the focused section.
    // A memo: the list is rebuilt only when what it shows changed, so a
    // focus moved into it (Feedback, then the first finding) is not lost to
    // a re-render of the same findings.
    let focused = Memo::new(move |_| {
        let Some(model) = cx.focused_model() else {
            return (String::new(), Vec::<Finding>::new());
        };
        let text = model.analysed.get();
        let shown = model.shown.get();
        (text, shown)
    });
    let focused = move || focused.get();
    let counts = move || {
        let (_, fs) = focused();
        RULES
            .iter()
            .filter_map(|r| {
                let n = fs.iter().filter(|f| f.rule.id() == r.id).count();
                (n > 0).then_some((r.id, r.title, n))
            })
            .collect::<Vec<_>>()
    };
    // A huge paste can hold hundreds of findings: list the first ones, offer the rest.
    let show_all = RwSignal::new(false);
    let muted = move || {
        state
            .prefs
            .with(|p| p.muted_rules.iter().cloned().collect::<Vec<_>>())
    };

    let finding_item = move |f: Finding, text: String| {
        let title = f.rule.title();
        let phrase = text.get(f.start..f.end).unwrap_or_default().to_owned();
        let key = feedback::dismissal_key(&text, &f);
        let section_id = cx.focused_model().map_or("", |m| m.section.id);
        let (start, end) = (f.start, f.end);
        let jump_text = text.clone();
        view! {
            <li class=format!("finding finding-{}", f.rule.id())>
                <button
                    class="finding-jump"
                    on:click=move |_| select_in_section(section_id, &jump_text, start, end)
                >
                    <span class=format!("rule-chip chip-{}", f.rule.id())>{title}</span>
                    <q>{phrase}</q>
                    <span class="go-to-text">"Go to text"</span>
                </button>
                <p class="finding-message">{f.message.clone()}</p>
                <p class="finding-suggestion"><span class="label">"Better: "</span>{f.suggestion.clone()}</p>
                <button
                    class="quiet"
                    on:click=move |_| {
                        let key = key.clone();
                        state.edit_prefs(|p| {
                            p.dismissed_findings.insert(key);
                        });
                    }
                >"Not an issue here"</button>
            </li>
        }
    };

    view! {
        <section class="feedback-panel" aria-labelledby="feedback-heading">
            <h2 id="feedback-heading" tabindex="-1">"Feedback"</h2>
            <p class="muted">{move || format!("On: {}", section_label())}</p>
            <ul class="rule-counts">
                {move || {
                    counts()
                        .into_iter()
                        .map(|(id, title, n)| {
                            view! {
                                <li>
                                    <span class=format!("rule-chip chip-{id}")>{format!("{title} × {n}")}</span>
                                    <button
                                        class="quiet"
                                        aria-label=format!("Mute {title}")
                                        on:click=move |_| {
                                            state.edit_prefs(|p| {
                                                p.muted_rules.insert(id.to_owned());
                                            });
                                        }
                                    >"Mute"</button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            {move || {
                if cx.focused_model().is_some_and(|m| m.analysis.with(Option::is_none)) {
                    return view! { <p class="analysing" role="status">{analyzer.pending_note()}</p> }.into_any();
                }
                let (text, findings) = focused();
                let total = findings.len();
                let limit = if show_all.get() { total } else { total.min(LIST_LIMIT) };
                if findings.is_empty() {
                    view! { <p class="no-findings">"No findings in this section."</p> }.into_any()
                } else {
                    view! {
                        <ol class="findings">
                            {findings.into_iter().take(limit).map(|f| finding_item(f, text.clone())).collect_view()}
                        </ol>
                        {(limit < total).then(|| view! {
                            <button on:click=move |_| show_all.set(true)>{format!("Show all {total} findings")}</button>
                        })}
                    }
                    .into_any()
                }
            }}
            <Show when=move || !muted().is_empty()>
                <p class="muted-rules">
                    "Muted: "
                    {move || {
                        muted()
                            .into_iter()
                            .map(|id| {
                                let title = rule_info(&id).map_or("rule", |r| r.title);
                                view! {
                                    <button
                                        class="quiet"
                                        aria-label=format!("Unmute {title}")
                                        on:click=move |_| {
                                            let id = id.clone();
                                            state.edit_prefs(|p| {
                                                p.muted_rules.remove(&id);
                                            });
                                        }
                                    >{format!("{title} (unmute)")}</button>
                                }
                            })
                            .collect_view()
                    }}
                </p>
            </Show>
            <SignalsMeter/>
            <Legend/>
        </section>
    }
}

#[component]
fn SignalsMeter() -> impl IntoView {
    let cx = expect_context::<WorkspaceCx>();
    // A plain closure: the analyses it merges are memos already.
    let analyzer = use_analyzer();
    let signals = move || {
        let parts: Vec<Vec<SignalEvidence>> = cx.models.with_value(|ms| {
            ms.iter()
                .map(|m| m.analysis.with(|a| a.as_ref().map(|a| a.signals.clone())))
                .collect::<Option<_>>()
        })?;
        Some(merge_signals(parts.iter().map(Vec::as_slice)))
    };
    let shown_count = move || {
        signals().map_or_else(
            || analyzer.pending_note(),
            |s| {
                format!(
                    "{} of 7 shown so far",
                    s.iter().filter(|e| e.shown()).count()
                )
            },
        )
    };
    view! {
        <section class="signals" aria-labelledby="signals-heading">
            <h3 id="signals-heading">"Signals"</h3>
            <p class="muted">{shown_count}</p>
            <ul class="signal-list">
                {move || {
                    signals()
                        .unwrap_or_default()
                        .into_iter()
                        .map(|e| {
                            let shown = e.shown();
                            view! {
                                <li class="signal" class:shown=shown>
                                    <span class="signal-state" aria-hidden="true">{if shown { "●" } else { "○" }}</span>
                                    <span class="signal-name">{e.signal.title()}</span>
                                    <span class="signal-verdict">{if shown { "shown" } else { "not shown" }}</span>
                                    // Fixed for this render: no `<Show>` needed.
                                    {shown.then(|| view! {
                                        <span class="signal-phrases">{format!("“{}”", e.phrases.join("”, “"))}</span>
                                    })}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </section>
    }
}

#[component]
fn Legend() -> impl IntoView {
    // SAFETY (XSS): the rule catalogue is compiled in and every text is
    // escaped; one HTML string is much less wasm than a view per rule.
    let mut html = String::with_capacity(4096);
    for r in RULES {
        html.push_str("<dt><span class=\"mark-sample mark-");
        escape_into(&mut html, r.id);
        html.push_str("\">");
        escape_into(&mut html, r.title);
        html.push_str("</span></dt><dd>");
        escape_into(&mut html, r.description);
        html.push_str("<br><span class=\"label\">Better: </span>");
        escape_into(&mut html, r.example_fix);
        html.push_str("</dd>");
    }
    view! {
        <details class="legend">
            <summary>"What the marks mean"</summary>
            <dl inner_html=html></dl>
        </details>
    }
}
