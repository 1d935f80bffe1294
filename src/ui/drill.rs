//! A drill screen: title, purpose, rubric, prompt, steps (the current one
//! highlighted as the clock runs), the clock, and the structured workspace of
//! labelled sections that autosave as the user types.

use super::clock::use_now;
use super::editor::{textarea_id, SectionEditor};
use super::feedback::FeedbackPanel;
use super::hint::HintDialog;
use super::not_found::NotFound;
use super::recording::{with_transcript, SpokenAnswer};
use super::state::{use_app_state, AppState};
use super::timer::TimerPanel;
use super::workspace::{SectionModel, WorkspaceCx};
use crate::core::attempt::{Attempt, ChecklistAnswer};
use crate::core::audio::slot::spoken_slot;
use crate::core::drills::{self, another_prompt, ChecklistItem, Drill, Section, SectionAid};
use crate::core::route::Route;
use crate::core::steps;
use crate::core::timer::{format_clock, refit_hint, HintPlan, Phase, Timer};
use crate::platform::clock::{new_id, now_ms, random_u32, tz_offset_minutes};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Typing credits time to its step at most this often: the stored step
/// times stay within a few seconds of the truth without a save per key.
const CREDIT_WHILE_TYPING_MS: i64 = 5_000;

/// The unfinished attempt of this drill, or a fresh draft with a random
/// prompt and, for hint recovery, a hint that fits it.
fn active_attempt(state: AppState, drill: &'static Drill) -> String {
    let existing = state.attempts.with_untracked(|all| {
        all.iter()
            .filter(|a| a.drill_id == drill.id && !a.is_finished())
            .max_by_key(|a| a.updated_at_ms)
            .map(|a| a.id.clone())
    });
    if let Some(id) = existing {
        return id;
    }
    let prompt = another_prompt(drill, "", random_u32());
    let mut attempt = Attempt::new(new_id(), drill.id, prompt, now_ms(), tz_offset_minutes());
    attempt.hint = HintPlan::draw(drill, prompt, random_u32()).map(|p| p.state());
    let id = attempt.id.clone();
    state.put_draft(attempt);
    id
}

/// Which section the user is editing on this page, so the time since the
/// last credit goes to its step (see `core::steps`). Shared with the clock
/// and the hint, which credit before a pause, a finish or the hint is taken.
#[derive(Clone, Copy)]
pub struct StepTracker {
    drill: &'static Drill,
    editing: StoredValue<Option<&'static str>>,
}

impl StepTracker {
    /// Credits the uncredited active time of the attempt, then records that
    /// the user now edits `next` (when given). Saves only when at least
    /// `min_gap_ms` is uncredited.
    pub fn credit(
        &self,
        state: AppState,
        attempt_id: &str,
        next: Option<&'static str>,
        min_gap_ms: i64,
    ) {
        let now = now_ms();
        let due = state.attempts.with_untracked(|all| {
            all.iter().find(|a| a.id == attempt_id).is_some_and(|a| {
                a.timer.active_elapsed_ms(now) - a.step_ms.values().sum::<i64>()
                    >= min_gap_ms.max(1)
            })
        });
        // A focus or input event can arrive as the screen goes (the focused
        // field is removed on Finish): then there is nothing to credit.
        let Some(editing) = self.editing.try_get_value() else {
            return;
        };
        let drill = self.drill;
        if due {
            state.edit(attempt_id, |a| {
                if steps::credit(a, drill, editing, next, now) {
                    a.touch(now);
                }
            });
        }
        if next.is_some() {
            let _ = self.editing.try_set_value(next);
        }
    }
}

#[component]
pub fn DrillScreen(id: String) -> impl IntoView {
    let Some(drill) = drills::drill(&id) else {
        return view! { <NotFound path=format!("drill/{id}")/> }.into_any();
    };
    let state = use_app_state();
    let draft_id = StoredValue::new(active_attempt(state, drill));
    // A fresh draft gives way to this drill's attempt from another tab, so two
    // tabs on one drill write to one attempt; anything typed or started here stays.
    let active = Memo::new(move |_| {
        let draft = draft_id.get_value();
        state.attempts.with(|all| {
            let in_use = |a: &Attempt| a.is_started() || a.sections.values().any(|t| !t.is_empty());
            if all.iter().any(|a| a.id == draft && in_use(a)) {
                return draft;
            }
            all.iter()
                .filter(|a| {
                    a.drill_id == drill.id && !a.is_finished() && a.id != draft && in_use(a)
                })
                .max_by_key(|a| a.updated_at_ms)
                .map_or(draft, |a| a.id.clone())
        })
    });
    let now = use_now();
    provide_context(StepTracker {
        drill,
        editing: StoredValue::new(None),
    });
    let on_finish = Callback::new(move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window
                .location()
                .set_hash(&Route::Attempt(active.get_untracked()).href());
        }
    });
    let rubrics = drill
        .rubrics
        .iter()
        .map(|r| r.title())
        .collect::<Vec<_>>()
        .join(" and ");

    view! {
        <article class=format!("drill drill-{}", drill.id)>
            <header class="drill-header">
                <h1>{drill.title}</h1>
                <p class="purpose">{drill.purpose}</p>
                <p class="meta">{format!("{} minutes · scored on the {} rubric", drill.minutes, rubrics)}</p>
                {drill.rubrics.iter().map(|&r| view! { <p class="help rubric-about">{crate::core::rubric::rubric(r).about}</p> }).collect_view()}
            </header>
            {move || {
                let attempt_id = active.get();
                view! {
            <PromptPicker attempt_id=attempt_id.clone() drill=drill/>
            <Steps attempt_id=attempt_id.clone() drill=drill now=now/>
            <TimerPanel attempt_id=attempt_id.clone() now=now title=drill.title on_finish=on_finish/>
            <HintDialog attempt_id=attempt_id.clone() now=now/>
            <Workspace attempt_id=attempt_id drill=drill now=now/>
                }
            }}
        </article>
    }
    .into_any()
}

/// The steps with their suggested time; while the clock runs, the step it
/// says the user should be on is highlighted with the time left in it.
#[component]
fn Steps(attempt_id: String, drill: &'static Drill, now: ReadSignal<i64>) -> impl IntoView {
    let state = use_app_state();
    let id = StoredValue::new(attempt_id);
    let current = Memo::new(move |_| {
        let now = now.get();
        state.attempts.with(|all| {
            all.iter()
                .find(|a| a.id == id.get_value())
                .and_then(|a| steps::current(drill, a, now))
        })
    });
    let index = Memo::new(move |_| current.get().map(|c| c.index));
    let left = move || {
        current.get().map(|c| {
            if c.left_ms > 0 {
                format!("Now: {} left in this step", format_clock(c.left_ms))
            } else {
                "Now: past the planned time".to_owned()
            }
        })
    };
    view! {
        <section class="steps" aria-labelledby="steps-heading">
            <h2 id="steps-heading">"Steps"</h2>
            <ol>
                {(0..drill.steps.len())
                    .map(|i| {
                        let is_current = move || index.get() == Some(i);
                        view! {
                            <li class:current-step=is_current aria-current=move || is_current().then_some("step")>
                                <span class="step-line">{steps::step_line(drill, i)}</span>
                                <Show when=is_current>
                                    <span class="step-now">{left}</span>
                                </Show>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}

/// The prompt, "Another prompt", and the user's own prompt: an empty field
/// when chosen, with the drawn prompt one tap away; what is typed is exactly
/// the prompt saved.
#[component]
fn PromptPicker(attempt_id: String, drill: &'static Drill) -> impl IntoView {
    let state = use_app_state();
    let id = StoredValue::new(attempt_id);
    // Plain closures: they only feed texts and a value.
    let prompt = move || {
        state.attempts.with(|all| {
            all.iter()
                .find(|a| a.id == id.get_value())
                .map(|a| a.prompt.clone())
                .unwrap_or_default()
        })
    };
    let drawn = move || {
        state.attempts.with(|all| {
            all.iter()
                .find(|a| a.id == id.get_value())
                .and_then(|a| a.drawn_prompt.clone())
        })
    };
    let own = Memo::new(move |_| drawn().is_some());
    let change = move |f: Box<dyn FnOnce(&mut Attempt)>| {
        let at = now_ms();
        state.edit(&id.get_value(), |a| {
            f(a);
            refit_hint(a, at);
            a.touch(at);
        });
    };
    let own_box = NodeRef::<leptos::html::Textarea>::new();
    view! {
        <section class="prompt" aria-labelledby="prompt-heading">
            <h2 id="prompt-heading">"Prompt"</h2>
            <Show
                when=move || own.get()
                fallback=move || view! { <blockquote class="prompt-text">{prompt}</blockquote> }
            >
                <label class="field">
                    <span>"Your own prompt"</span>
                    <textarea
                        rows="3"
                        node_ref=own_box
                        placeholder="Type the question you want to practise"
                        prop:value=prompt
                        on:input=move |ev| {
                            let text = event_target_value(&ev);
                            change(Box::new(move |a| a.prompt = text));
                        }
                    ></textarea>
                </label>
                <p class="drawn-prompt muted">
                    "Drawn prompt: "
                    <q>{move || drawn().unwrap_or_default()}</q>
                </p>
            </Show>
            <div class="row">
                <button on:click=move |_| {
                    change(Box::new(move |a| {
                        let from = a.drawn_prompt.take().unwrap_or_else(|| a.prompt.clone());
                        a.prompt = another_prompt(drill, &from, random_u32()).to_owned();
                    }));
                }>"Another prompt"</button>
                <Show
                    when=move || own.get()
                    fallback=move || view! {
                        <button on:click=move |_| {
                            change(Box::new(|a| {
                                a.drawn_prompt = Some(std::mem::take(&mut a.prompt));
                            }));
                            // The field exists once the change has rendered (and
                            // the screen may be gone by then).
                            request_animation_frame(move || {
                                if let Some(el) = own_box.try_get_untracked().flatten() {
                                    let _ = el.focus();
                                }
                            });
                        }>"Use my own prompt"</button>
                    }
                >
                    <button on:click=move |_| {
                        change(Box::new(|a| {
                            if let Some(drawn) = a.drawn_prompt.take() {
                                a.prompt = drawn;
                            }
                        }));
                    }>"Use the drawn prompt"</button>
                </Show>
            </div>
        </section>
    }
}

/// The section a focus or input event happened in: its text area, or an
/// element inside a `data-section` wrapper (a checklist).
fn section_of(drill: &'static Drill, ev: &web_sys::Event) -> Option<&'static str> {
    let el = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let id = match el.closest("[data-section]").ok().flatten() {
        Some(wrapper) => wrapper.get_attribute("data-section")?,
        None => el.id(),
    };
    drill
        .sections
        .iter()
        .find(|s| s.id == id || textarea_id(s.id) == id)
        .map(|s| s.id)
}

/// The drill's labelled sections beside the Feedback panel. Hint recovery's
/// recovery section appears once the hint has been taken.
#[component]
fn Workspace(attempt_id: String, drill: &'static Drill, now: ReadSignal<i64>) -> impl IntoView {
    let state = use_app_state();
    let tracker = expect_context::<StepTracker>();
    let id = StoredValue::new(attempt_id);
    let slot = spoken_slot(drill.id);
    let models: Vec<SectionModel> = drill
        .sections
        .iter()
        .map(|section| SectionModel::new(state, id, section))
        .collect();
    let transcript = SectionModel::new(state, id, slot.transcript);
    let models = with_transcript(drill, &slot, models, transcript);
    let cx = WorkspaceCx::new(state, id, drill.id, models.clone());
    provide_context(cx);
    // No memo: `<Show>` memoizes its `when`, and the text is cheap.
    let hint = move || {
        state.attempts.with(|all| {
            all.iter()
                .find(|a| a.id == id.get_value())
                .and_then(|a| a.hint.clone())
        })
    };
    let on_focus = move |ev: web_sys::FocusEvent| {
        if let (Some(section), Some(id)) = (section_of(drill, &ev), id.try_get_value()) {
            tracker.credit(state, &id, Some(section), 0);
        }
    };
    let on_input = move |ev: web_sys::Event| {
        if let (Some(section), Some(id)) = (section_of(drill, &ev), id.try_get_value()) {
            tracker.credit(state, &id, Some(section), CREDIT_WHILE_TYPING_MS);
        }
    };
    view! {
        <div class="drill-body">
            <section class="workspace" aria-labelledby="workspace-heading">
                <h2 id="workspace-heading">"Workspace"</h2>
                <div class=format!("sections sections-{}", drill.id) on:focusin=on_focus on:input=on_input>
                    {models
                        .into_iter()
                        .enumerate()
                        .map(|(index, model)| {
                            let section: &'static Section = model.section;
                            match section.aid {
                                _ if section.id == slot.transcript.id => view! {
                                    <SpokenAnswer model=model index=index spoken=slot/>
                                }
                                .into_any(),
                                _ if section.id == "recovery" && drill.hint_step().is_some() => view! {
                                    <Show when=move || hint().is_some_and(|h| h.acknowledged)>
                                        <div class="hint-callout" role="note">
                                            <strong>"New constraint: "</strong>
                                            {move || hint().map(|h| h.text).unwrap_or_default()}
                                        </div>
                                        <SectionEditor model=model index=index/>
                                    </Show>
                                }
                                .into_any(),
                                SectionAid::Checklist(items) => view! {
                                    <div class=format!("section-with-aid section-{}", section.id)>
                                        <Checklist attempt_id=id.get_value() section=section items=items/>
                                        <SectionEditor model=model index=index/>
                                    </div>
                                }
                                .into_any(),
                                SectionAid::SpokenTimer { minutes } => view! {
                                    <div class=format!("section-with-aid section-{}", section.id)>
                                        <SectionEditor model=model index=index/>
                                        <SpokenTimer attempt_id=id.get_value() minutes=minutes now=now/>
                                    </div>
                                }
                                .into_any(),
                                SectionAid::None => view! { <SectionEditor model=model index=index/> }.into_any(),
                            }
                        })
                        .collect_view()}
                </div>
            </section>
            // On a narrow screen the panel follows the section in use (see `SectionEditor`).
            {move || cx.wide.get().then(|| view! { <FeedbackPanel/> })}
        </div>
    }
}

/// A section's checklist: each question ticked as asked and answered in a
/// line, saved with the attempt as the user goes.
#[component]
fn Checklist(
    attempt_id: String,
    section: &'static Section,
    items: &'static [ChecklistItem],
) -> impl IntoView {
    let state = use_app_state();
    let id = StoredValue::new(attempt_id);
    let answer_of = move |item: &'static str| {
        state.attempts.with(|all| {
            all.iter()
                .find(|a| a.id == id.get_value())
                .and_then(|a| a.checklist.get(item).cloned())
                .unwrap_or_default()
        })
    };
    let edit = move |item: &'static str, f: Box<dyn FnOnce(&mut ChecklistAnswer)>| {
        let at = now_ms();
        state.edit(&id.get_value(), |a| {
            f(a.checklist.entry(item.to_owned()).or_default());
            a.touch(at);
        });
    };
    let asked = move || {
        state.attempts.with(|all| {
            all.iter().find(|a| a.id == id.get_value()).map_or(0, |a| {
                items
                    .iter()
                    .filter(|i| a.checklist.get(i.id).is_some_and(ChecklistAnswer::is_asked))
                    .count()
            })
        })
    };
    let heading_id = format!("checklist-{}", section.id);
    view! {
        <fieldset class="checklist" data-section=section.id aria-describedby=format!("{heading_id}-count")>
            <legend id=heading_id.clone()>{format!("{}: tick or answer", section.label)}</legend>
            <p class="muted" id=format!("{heading_id}-count") aria-live="polite">{move || format!("{} of {} asked", asked(), items.len())}</p>
            <ol>
                {items
                    .iter()
                    .map(|item| {
                        let check_id = format!("check-{}", item.id);
                        let answer_id = format!("answer-{}", item.id);
                        view! {
                            <li>
                                <label class="check">
                                    <input
                                        type="checkbox"
                                        id=check_id
                                        prop:checked=move || answer_of(item.id).ticked
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            edit(item.id, Box::new(move |c| c.ticked = on));
                                        }
                                    />
                                    <span>{item.question}</span>
                                </label>
                                <input
                                    type="text"
                                    id=answer_id
                                    class="check-answer"
                                    aria-label=format!("Answer: {}", item.question)
                                    placeholder="What you found or assume"
                                    prop:value=move || answer_of(item.id).answer
                                    on:input=move |ev| {
                                        let text = event_target_value(&ev);
                                        edit(item.id, Box::new(move |c| c.answer = text));
                                    }
                                />
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </fieldset>
    }
}

/// A change of the spoken-summary sub-timer at an instant.
type SpokenChange = Box<dyn FnOnce(&mut Option<Timer>, i64)>;

/// The spoken-summary sub-timer beside its section: Start, Done (the time
/// is saved with the attempt, shown in the results and exported) and Reset.
#[component]
fn SpokenTimer(attempt_id: String, minutes: u32, now: ReadSignal<i64>) -> impl IntoView {
    let state = use_app_state();
    let id = StoredValue::new(attempt_id);
    let timer = move || {
        state.attempts.with(|all| {
            all.iter()
                .find(|a| a.id == id.get_value())
                .and_then(|a| a.spoken_summary.clone())
        })
    };
    let phase = Memo::new(move |_| timer().map_or(Phase::NotStarted, |t| t.phase(now.get())));
    let text = move || match timer() {
        Some(t) if t.is_finished() => t.actual_ms().map(format_clock).unwrap_or_default(),
        Some(t) => format_clock(t.remaining_ms(now.get())),
        None => format_clock(i64::from(minutes) * 60_000),
    };
    let set = move |f: SpokenChange| {
        let at = now_ms();
        state.edit(&id.get_value(), |a| {
            f(&mut a.spoken_summary, at);
            a.touch(at);
        });
        state.flush();
    };
    let done_line = move || {
        timer().and_then(|t| t.actual_ms()).map(|ms| {
            let planned = i64::from(minutes) * 60_000;
            if ms > planned {
                format!(
                    "Done in {}: {} over two minutes; cut it shorter next time.",
                    crate::core::timer::format_elapsed(ms),
                    crate::core::timer::format_elapsed(ms - planned)
                )
            } else {
                format!(
                    "Done in {}, saved with this attempt.",
                    crate::core::timer::format_elapsed(ms)
                )
            }
        })
    };
    view! {
        <div class="sub-timer" role="group" aria-labelledby="spoken-heading">
            <h3 id="spoken-heading">"Say it aloud in under two minutes"</h3>
            <p class="muted">
                "Read your three columns once, then give the spoken summary without looking: neither shrink nor inflate your part."
            </p>
            <div class="row">
                <div class="clock small" role="timer" aria-label="Spoken summary time">{text}</div>
                <Show when=move || phase.get() == Phase::NotStarted>
                    <button class="primary" on:click=move |_| set(Box::new(move |t, at| {
                        let mut fresh = Timer::new(minutes);
                        fresh.start(at);
                        *t = Some(fresh);
                    }))>"Start the spoken summary"</button>
                </Show>
                <Show when=move || matches!(phase.get(), Phase::Running | Phase::Overtime)>
                    <button class="primary" on:click=move |_| set(Box::new(|t, at| {
                        if let Some(t) = t.as_mut() {
                            t.finish(at);
                        }
                    }))>"Done"</button>
                </Show>
                <Show when=move || phase.get() != Phase::NotStarted>
                    <button on:click=move |_| set(Box::new(|t, _| *t = None))>"Reset"</button>
                </Show>
            </div>
            <Show when=move || phase.get() == Phase::Overtime>
                <p class="overtime-note" role="status">"Two minutes are up: finish the sentence and press Done."</p>
            </Show>
            <p class="spoken-done" role="status">{done_line}</p>
        </div>
    }
}
