//! Self-scoring one attempt on a rubric: a radio group per dimension with
//! each level's written anchor next to it, an optional note, "Save scores",
//! and the readiness gate shown plainly once the round is saved.

use super::state::use_app_state;
use crate::core::attempt::RubricScores;
use crate::core::drills::RubricId;
use crate::core::rubric::{self, GateResult};
use crate::core::sorting;
use crate::core::summary::Scored;
use crate::platform::clock::now_ms;
use leptos::prelude::*;

/// Every round of `id` across all attempts, newest first by when it was
/// scored (ties by attempt id, so the order is stable).
pub fn rounds_newest_first<S: Scored>(all: &[S], id: RubricId) -> Vec<Vec<u8>> {
    let mut rounds: Vec<(&RubricScores, &str)> = all
        .iter()
        .filter_map(|a| a.scores_for(id).map(|s| (s, a.id())))
        .collect();
    sorting::sort_by(&mut rounds, |(a, ai), (b, bi)| {
        b.scored_at_ms.cmp(&a.scored_at_ms).then(bi.cmp(ai))
    });
    rounds.into_iter().map(|(s, _)| s.values.clone()).collect()
}

/// The readiness gate of `id` over every attempt's rounds.
pub fn current_gate<S: Scored>(all: &[S], id: RubricId) -> (GateResult, usize) {
    let rounds = rounds_newest_first(all, id);
    let slices: Vec<&[u8]> = rounds.iter().map(Vec::as_slice).collect();
    (rubric::gate(id, &slices), rounds.len())
}

/// A short stable prefix for element ids of a rubric.
pub fn rubric_slug(id: RubricId) -> &'static str {
    match id {
        RubricId::FailureDiagnostic => "failure-diagnostic",
        RubricId::SampledPerformance => "sampled-performance",
    }
}

/// "A", "A and B", "A, B and C".
fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The gate verdict: "Ready", or "Not yet" with what holds it back.
#[component]
pub fn GateVerdict(gate: GateResult, rounds: usize, title: &'static str) -> impl IntoView {
    let reason = gate
        .summary
        .strip_prefix("Not yet: ")
        .unwrap_or_default()
        .to_owned();
    let holding = join_and(&gate.holding_back);
    let rounds_text = match rounds {
        1 => "Based on 1 scored round.".to_owned(),
        n => format!("Based on {n} scored rounds."),
    };
    view! {
        <div class="gate" class:gate-ready=gate.ready class:gate-not-yet=!gate.ready>
            <p class="gate-verdict">
                <span>{format!("Readiness on {title}: ")}</span>
                <strong>{if gate.ready { "Ready" } else { "Not yet" }}</strong>
            </p>
            {(!gate.ready && !reason.is_empty()).then(|| view! { <p class="gate-reason">{format!("Why: {reason}.")}</p> })}
            {(!holding.is_empty()).then(|| view! { <p class="gate-holding">{format!("Holding it back: {holding}.")}</p> })}
            <p class="gate-rounds">{rounds_text}</p>
        </div>
    }
}

/// The scoring form of one rubric for one attempt.
#[component]
pub fn ScoringForm(attempt_id: String, rubric_id: RubricId) -> impl IntoView {
    let state = use_app_state();
    let r = rubric::rubric(rubric_id);
    let id = StoredValue::new(attempt_id.clone());
    let initial = state.attempts.with_untracked(|all| {
        all.iter()
            .find(|a| a.id == id.get_value())
            .and_then(|a| a.scores_for(rubric_id).cloned())
    });
    let choices: RwSignal<Vec<Option<u8>>> = RwSignal::new(
        (0..r.dimensions.len())
            .map(|i| initial.as_ref().and_then(|s| s.values.get(i).copied()))
            .collect(),
    );
    let note = RwSignal::new(initial.map(|s| s.note).unwrap_or_default());
    let error = RwSignal::new(String::new());
    let saved_message = RwSignal::new(String::new());
    // The gate shows once this attempt has scores for the rubric.
    // Gates read every attempt's rounds: the summaries hold them all.
    let gate = Memo::new(move |_| {
        state.summaries.with(|all| {
            all.iter()
                .any(|a| a.id == id.get_value() && a.scores_for(rubric_id).is_some())
                .then(|| current_gate(all, rubric_id))
        })
    });

    let slug = rubric_slug(rubric_id);
    let prefix = format!("{slug}-{attempt_id}");
    let heading_id = format!("score-{slug}");
    let note_id = format!("{prefix}-note");
    let radio_id = {
        let prefix = prefix.clone();
        move |dim: &str, score: u8| format!("{prefix}-{dim}-{score}")
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
            .map(|(d, _)| (d.id, d.title))
            .collect();
        if let Some(&(first_id, _)) = missing.first() {
            let titles: Vec<&str> = missing.iter().map(|(_, t)| *t).collect();
            error.set(format!(
                "Choose a score for {} before saving.",
                join_and(&titles)
            ));
            focus(&radio_id_submit(first_id, r.min));
            return;
        }
        let values: Vec<u8> = picked.into_iter().flatten().collect();
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
        saved_message.set("Scores saved.".to_owned());
    };

    let dimensions = r
        .dimensions
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let group = format!("{prefix}-{}", d.id);
            let legend_id = format!("{group}-legend");
            let levels = d
                .levels
                .iter()
                .map(|level| {
                    let score = level.score;
                    let rid = radio_id(d.id, score);
                    let rid_for = rid.clone();
                    view! {
                        <label class="level" for=rid_for>
                            <input
                                type="radio"
                                id=rid
                                name=group.clone()
                                value=score.to_string()
                                prop:checked=move || choices.with(|c| c.get(i).copied().flatten() == Some(score))
                                on:change=move |_| {
                                    choices.update(|c| {
                                        if let Some(slot) = c.get_mut(i) {
                                            *slot = Some(score);
                                        }
                                    });
                                    error.set(String::new());
                                }
                            />
                            <span class="level-score">{score.to_string()}</span>
                            " "
                            <span class="level-text">{level.description}</span>
                        </label>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="dimension" class:dimension-missing=move || !error.with(String::is_empty) && choices.with(|c| c.get(i).copied().flatten().is_none())>
                    <legend id=legend_id>{d.title}</legend>
                    <div class="levels">{levels}</div>
                </fieldset>
            }
        })
        .collect_view();

    let labelled_by = heading_id.clone();
    let note_for = note_id.clone();
    view! {
        <form class="scoring-form" aria-labelledby=labelled_by on:submit=on_submit novalidate>
            <h3 id=heading_id>{r.title}</h3>
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
                <button type="submit" class="primary">"Save scores"</button>
            </div>
            <div class="score-result" role="status">
                <p class="saved-message">{move || saved_message.get()}</p>
                {move || gate.get().map(|(g, n)| view! { <GateVerdict gate=g rounds=n title=r.title/> })}
            </div>
        </form>
    }
}
