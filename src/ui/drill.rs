//! A drill screen: title, purpose, rubric, prompt, steps, the clock, and the
//! structured workspace of labelled sections that autosave as the user types.

use super::clock::use_now;
use super::editor::SectionEditor;
use super::feedback::FeedbackPanel;
use super::hint::HintDialog;
use super::not_found::NotFound;
use super::recording::{with_transcript, SpokenAnswer};
use super::state::{use_app_state, AppState};
use super::timer::TimerPanel;
use super::workspace::{SectionModel, WorkspaceCx};
use crate::core::attempt::{Attempt, HintState};
use crate::core::audio::slot::spoken_slot;
use crate::core::drills::{self, another_prompt, Drill};
use crate::core::markdown::escape_into;
use crate::core::route::Route;
use crate::core::timer::{format_clock, spoken_summary_timer, HintPlan, Phase};
use crate::platform::clock::{new_id, now_ms, random_u32, tz_offset_minutes};
use leptos::prelude::*;

/// The unfinished attempt of this drill, or a fresh draft with a random prompt.
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
    if let Some(hints) = Some(drill.hints()).filter(|h| !h.is_empty()) {
        let plan = HintPlan::draw(attempt.timer.duration_ms, random_u32(), random_u32());
        let hint = &hints[plan.hint_index % hints.len()];
        attempt.hint = Some(HintState {
            index: plan.hint_index % hints.len(),
            text: hint.text.to_owned(),
            at_active_ms: plan.at_active_ms,
            acknowledged: false,
        });
    }
    let id = attempt.id.clone();
    state.put_draft(attempt);
    id
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
            <section class="steps" aria-labelledby="steps-heading">
                <h2 id="steps-heading">"Steps"</h2>
                <ol inner_html=steps_html(drill)></ol>
            </section>
            <TimerPanel attempt_id=attempt_id.clone() now=now title=drill.title on_finish=on_finish/>
            <HintDialog attempt_id=attempt_id.clone() now=now/>
            <Workspace attempt_id=attempt_id drill=drill/>
                }
            }}
            // The drill never changes on this screen: no `<Show>` needed.
            {(drill.id == "attribution-split").then(|| view! { <SpokenSummaryTimer now=now/> })}
        </article>
    }
    .into_any()
}

/// The drill's steps as `<li>` items. SAFETY (XSS): compiled-in catalogue
/// text, escaped; one string is far less wasm than a view per step.
fn steps_html(drill: &Drill) -> String {
    let mut html = String::new();
    for s in drill.steps {
        html.push_str("<li>");
        escape_into(&mut html, &format!("{} — {} min", s.label, s.minutes));
        html.push_str("</li>");
    }
    html
}

/// The prompt, "Another prompt", and the user's own prompt.
#[component]
fn PromptPicker(attempt_id: String, drill: &'static Drill) -> impl IntoView {
    let state = use_app_state();
    let id = StoredValue::new(attempt_id);
    // A plain closure: it only feeds a text and a value.
    let prompt = move || {
        state.attempts.with(|all| {
            all.iter()
                .find(|a| a.id == id.get_value())
                .map(|a| a.prompt.clone())
                .unwrap_or_default()
        })
    };
    let (own, set_own) = signal(false);
    let set_prompt = move |text: String| {
        state.edit(&id.get_value(), |a| {
            a.prompt = text;
            a.touch(now_ms());
        });
    };
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
                        prop:value=prompt
                        on:input=move |ev| set_prompt(event_target_value(&ev))
                    ></textarea>
                </label>
            </Show>
            <div class="row">
                <button on:click=move |_| {
                    set_own.set(false);
                    set_prompt(another_prompt(drill, &untrack(prompt), random_u32()).to_owned());
                }>"Another prompt"</button>
                <button
                    aria-pressed=move || own.get().to_string()
                    on:click=move |_| set_own.update(|o| *o = !*o)
                >"Use my own prompt"</button>
            </div>
        </section>
    }
}

/// The drill's labelled sections beside the Feedback panel. Hint recovery's
/// recovery section appears once the hint has been taken.
#[component]
fn Workspace(attempt_id: String, drill: &'static Drill) -> impl IntoView {
    let state = use_app_state();
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
    view! {
        <div class="drill-body">
            <section class="workspace" aria-labelledby="workspace-heading">
                <h2 id="workspace-heading">"Workspace"</h2>
                <div class=format!("sections sections-{}", drill.id)>
                    {models
                        .into_iter()
                        .enumerate()
                        .map(|(index, model)| {
                            if model.section.id == slot.transcript.id {
                                view! { <SpokenAnswer model=model index=index spoken=slot/> }.into_any()
                            } else if model.section.id == "recovery" {
                                view! {
                                    <Show when=move || hint().is_some_and(|h| h.acknowledged)>
                                        <div class="hint-callout" role="note">
                                            <strong>"New constraint: "</strong>
                                            {move || hint().map(|h| h.text).unwrap_or_default()}
                                        </div>
                                        <SectionEditor model=model index=index/>
                                    </Show>
                                }
                                .into_any()
                            } else {
                                view! { <SectionEditor model=model index=index/> }.into_any()
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

/// Attribution split's 2-minute sub-timer for saying the summary aloud. It
/// lives in this tab only: it times one rehearsal, and restarting is cheap.
#[component]
fn SpokenSummaryTimer(now: ReadSignal<i64>) -> impl IntoView {
    let timer = RwSignal::new(spoken_summary_timer());
    let text = move || {
        let t = timer.get();
        format_clock(t.remaining_ms(now.get()))
    };
    let phase = move || timer.with(|t| t.phase(now.get()));
    view! {
        <section class="sub-timer" aria-labelledby="spoken-heading">
            <h2 id="spoken-heading">"Say it aloud in under two minutes"</h2>
            <p class="muted">
                "Read your three columns once, then give the spoken summary without looking: neither shrink nor inflate your part."
            </p>
            <div class="row">
                <div class="clock small" role="timer" aria-label="Spoken summary time left">{text}</div>
                <Show
                    when=move || phase() == Phase::NotStarted
                    fallback=move || {
                        view! {
                            <button on:click=move |_| timer.set(spoken_summary_timer())>
                                "Reset the summary timer"
                            </button>
                        }
                    }
                >
                    <button on:click=move |_| {
                        timer.update(|t| {
                            t.start(now_ms());
                        });
                    }>"Start the 2-minute summary"</button>
                </Show>
            </div>
            <Show when=move || phase() == Phase::Overtime>
                <p class="overtime-note" role="status">"Two minutes are up: cut it shorter next time."</p>
            </Show>
        </section>
    }
}
