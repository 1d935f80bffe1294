//! Self-scoring one attempt on a rubric: a radio group per dimension with
//! each level's written anchor next to it, "Not tested in this drill" for a
//! dimension the drill does not exercise (chosen by default, still scorable),
//! an optional note, "Save <rubric> scores", and the readiness gate as it
//! stood after this round (`core::readiness`, the same words History and the
//! export show).

use super::state::use_app_state;
use crate::core::attempt::RubricScores;
use crate::core::drills::RubricId;
use crate::core::markdown::escape_into;
use crate::core::readiness::{self, Readiness};
use crate::core::rubric::{self, join_titles, Mark};
use crate::platform::clock::now_ms;
use leptos::prelude::*;

/// The verdict as markup: "Readiness on X", "Not yet: <reason>", the rounds
/// counted. SAFETY (XSS): compiled-in titles and numbers only, escaped.
pub fn gate_html(r: &Readiness) -> String {
    let mut html = String::from("<p class=\"gate-title\">Readiness on ");
    escape_into(&mut html, rubric::rubric(r.rubric).title);
    html.push_str("</p><p class=\"gate-verdict\"><strong>");
    html.push_str(r.gate.verdict());
    html.push_str("</strong>: ");
    escape_into(&mut html, &r.gate.reason);
    html.push_str("</p><p class=\"gate-rounds\">");
    escape_into(&mut html, &r.rounds_line());
    html.push_str("</p>");
    html
}

/// The gate verdict in its coloured box.
#[component]
pub fn GateVerdict(readiness: Readiness) -> impl IntoView {
    let ready = readiness.gate.ready;
    view! {
        <div class="gate" class:gate-ready=ready class:gate-not-yet=!ready inner_html=gate_html(&readiness)></div>
    }
}

/// The scoring form of one rubric for one attempt.
#[component]
pub fn ScoringForm(attempt_id: String, rubric_id: RubricId) -> impl IntoView {
    let state = use_app_state();
    let r = rubric::rubric(rubric_id);
    let id = StoredValue::new(attempt_id.clone());
    let (initial, tested) = state.attempts.with_untracked(|all| {
        let a = all.iter().find(|a| a.id == id.get_value());
        (
            a.and_then(|a| a.scores_for(rubric_id).cloned()),
            rubric::tested_in(a.and_then(|a| a.drill()), rubric_id),
        )
    });
    // Per dimension: `None` not chosen yet, `Some(mark)` chosen. A dimension
    // the drill does not exercise starts as "not tested".
    let choices: RwSignal<Vec<Option<Mark>>> = RwSignal::new(
        tested
            .iter()
            .enumerate()
            .map(|(i, &t)| match &initial {
                Some(s) => s.values.get(i).copied(),
                None => (!t).then_some(None),
            })
            .collect(),
    );
    let note = RwSignal::new(initial.as_ref().map(|s| s.note.clone()).unwrap_or_default());
    let error = RwSignal::new(String::new());
    let saved_message = RwSignal::new(String::new());
    // The gate shows once this attempt has scores for the rubric.
    // Gates read every attempt's rounds: the summaries hold them all.
    let gate = Memo::new(move |_| {
        state.summaries.with(|all| {
            all.iter()
                .find(|a| a.id == id.get_value())
                .and_then(|a| readiness::after(all, a, rubric_id))
        })
    });

    let slug = rubric_id.id();
    let prefix = format!("{slug}-{attempt_id}");
    let heading_id = format!("score-{slug}");
    let note_id = format!("{prefix}-note");
    let radio_id = {
        let prefix = prefix.clone();
        move |dim: &str, choice: &str| format!("{prefix}-{dim}-{choice}")
    };

    let focus = |dom_id: &str| {
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(dom_id))
        {
            use wasm_bindgen::JsCast;
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    };

    let radio_id_submit = radio_id.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved_message.set(String::new());
        let picked = choices.get_untracked();
        let missing: Vec<(&'static str, &'static str)> = r
            .dimensions
            .iter()
            .zip(&picked)
            .filter(|(_, c)| c.is_none())
            .map(|(d, _)| (d.id.id(), d.title))
            .collect();
        if let Some(&(first_id, _)) = missing.first() {
            let titles: Vec<&str> = missing.iter().map(|(_, t)| *t).collect();
            error.set(format!(
                "Choose a score for {} before saving.",
                join_titles(&titles)
            ));
            focus(&radio_id_submit(first_id, &r.min.to_string()));
            return;
        }
        let values: Vec<Mark> = picked.into_iter().flatten().collect();
        if let Err(e) = rubric::validate_scores(rubric_id, &values) {
            error.set(e);
            return;
        }
        error.set(String::new());
        let at = now_ms();
        let round = RubricScores {
            rubric: rubric_id,
            values,
            note: note.get_untracked(),
            scored_at_ms: at,
        };
        state.edit(&id.get_value(), move |a| a.record_scores(round));
        // An explicit save is written at once, not after the typing debounce.
        state.flush();
        saved_message.set(format!("{} scores saved.", r.title));
    };

    let dimensions = r
        .dimensions
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let dim_id = d.id.id();
            let group = format!("{prefix}-{dim_id}");
            let set = move |mark: Mark| {
                choices.update(|c| {
                    if let Some(slot) = c.get_mut(i) {
                        *slot = Some(mark);
                    }
                });
                error.set(String::new());
            };
            let radio = |mark: Mark, rid: String, name: String| {
                view! {
                    <input
                        type="radio"
                        id=rid
                        name=name
                        prop:checked=move || choices.with(|c| c.get(i).copied().flatten() == Some(mark))
                        on:change=move |_| set(mark)
                    />
                }
            };
            let levels = d
                .levels
                .iter()
                .map(|level| {
                    let score = level.score;
                    let rid = radio_id(dim_id, &score.to_string());
                    let label_for = rid.clone();
                    view! {
                        <label class="level" for=label_for>
                            {radio(Some(score), rid, group.clone())}
                            <span class="level-score">{score.to_string()}</span>
                            " "
                            <span class="level-text">{level.description}</span>
                        </label>
                    }
                })
                .collect_view();
            let untested_id = radio_id(dim_id, "not-tested");
            let untested_for = untested_id.clone();
            let untested = view! {
                <label class="level level-not-tested" for=untested_for>
                    {radio(None, untested_id, group.clone())}
                    <span class="level-text">"Not tested in this drill: left out of averages and the gate."</span>
                </label>
            };
            let is_tested = tested.get(i).copied().unwrap_or(true);
            let scored_anyway = !is_tested
                && initial
                    .as_ref()
                    .is_some_and(|s| s.values.get(i).copied().flatten().is_some());
            let body = if is_tested {
                view! { <div class="levels">{levels}{untested}</div> }.into_any()
            } else {
                view! {
                    <div class="levels">{untested}</div>
                    <details class="score-anyway" open=scored_anyway>
                        <summary>{format!("Score {} anyway", d.title)}</summary>
                        <div class="levels">{levels}</div>
                    </details>
                }
                .into_any()
            };
            view! {
                <fieldset class="dimension" class:dimension-untested=!is_tested class:dimension-missing=move || !error.with(String::is_empty) && choices.with(|c| c.get(i).copied().flatten().is_none())>
                    <legend>{d.title}{(!is_tested).then_some(" (not tested in this drill)")}</legend>
                    {body}
                </fieldset>
            }
        })
        .collect_view();

    let labelled_by = heading_id.clone();
    let note_for = note_id.clone();
    view! {
        <form class="scoring-form" aria-labelledby=labelled_by on:submit=on_submit novalidate>
            <h3 id=heading_id>{r.title}</h3>
            <p class="rubric-about">{r.about}</p>
            <p class="rubric-meta">
                {format!("{} dimensions, scored {}–{}. {}", r.dimensions.len(), r.min, r.max, r.gate_rule)}
            </p>
            {dimensions}
            <div class="field">
                <label for=note_for>"Note (optional)"</label>
                <textarea
                    id=note_id
                    rows="3"
                    prop:value=move || note.get()
                    on:input=move |ev| note.set(event_target_value(&ev))
                ></textarea>
            </div>
            <p class="form-error" role="alert">{move || error.get()}</p>
            <div class="row">
                <button type="submit" class="primary">{format!("Save {} scores", r.title)}</button>
            </div>
            <div class="score-result" role="status">
                <p class="saved-message">{move || saved_message.get()}</p>
                {move || gate.get().map(|g| view! { <GateVerdict readiness=g/> })}
            </div>
        </form>
    }
}
