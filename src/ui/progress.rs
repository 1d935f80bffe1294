//! History's progress parts, kept apart from the list and backup code:
//! `Progress` (readiness on each rubric from every drill, one drill to run
//! next, habits per rule, the dimensions holding the gates back) and
//! `Trends` (small multiples per rubric, following the drill filter).
//!
//! Both render one escaped markup string from core functions
//! (`core::progress`, `core::readiness`, `core::trend`): compiled-in titles
//! and numbers only, and far less wasm than a view per line.
//!
//! Built for years of practice: gates, holdbacks, the suggestion and the
//! trends read the attempts' summaries; only the habits need text, and they
//! read the latest `2 × WINDOW` answers in full, however many there are.

use super::scoring::gate_html;
use super::state::use_app_state;
use crate::core::drills::{self, RubricId};
use crate::core::export::local_time;
use crate::core::markdown::escape_into;
use crate::core::progress::{self, Habit, Holdback, WINDOW};
use crate::core::readiness;
use crate::core::route::Route;
use crate::core::summary::AttemptSummary;
use crate::core::trend::{trend_html, TrendRound, SHOWN};
use crate::platform::task::spawn;
use leptos::prelude::*;

/// How many dimensions the "holding the gate back" list names.
const HOLDBACKS_SHOWN: usize = 3;

fn list(html: &mut String, class: &str, lines: impl Iterator<Item = String>) {
    html.push_str("<ul class=\"");
    html.push_str(class);
    html.push_str("\">");
    for line in lines {
        html.push_str("<li>");
        escape_into(html, &line);
        html.push_str("</li>");
    }
    html.push_str("</ul>");
}

/// The whole progress block as markup. `fired` holds, for the latest
/// answers newest first, the rules that fired in each (`None` while they are
/// read). SAFETY (XSS): every piece of text is compiled in (titles, reasons
/// built from titles and numbers) and escaped.
fn progress_html(all: &[AttemptSummary], fired: Option<&[Vec<&'static str>]>) -> String {
    let mut html = String::with_capacity(2048);

    html.push_str("<div class=\"gate-grid\">");
    for id in RubricId::ALL {
        let r = readiness::now(all, id);
        if r.gate.rounds == 0 {
            continue;
        }
        let class = if r.gate.ready {
            "gate gate-ready"
        } else {
            "gate gate-not-yet"
        };
        html.push_str("<div class=\"");
        html.push_str(class);
        html.push_str("\">");
        html.push_str(&gate_html(&r));
        html.push_str("</div>");
    }
    html.push_str("</div>");

    let holdbacks = progress::holdbacks(all);
    if let Some(s) = progress::suggest(all, &holdbacks) {
        html.push_str(
            "<h3>Next drill</h3><p class=\"next-drill\"><a class=\"button primary\" href=\"",
        );
        escape_into(&mut html, &Route::Drill(s.drill.id.to_owned()).href());
        html.push_str("\">");
        escape_into(&mut html, &format!("Run {}", s.drill.title));
        html.push_str("</a></p><p>");
        escape_into(&mut html, &s.reason);
        html.push_str("</p>");
    }

    html.push_str("<h3>Habits</h3>");
    let Some(fired) = fired else {
        html.push_str("<p>Reading your latest answers…</p>");
        holdbacks_html(&mut html, &holdbacks);
        return html;
    };
    let habits = progress::habits(fired);
    if fired.is_empty() {
        html.push_str("<p>Write an answer to see which habits the feedback finds.</p>");
    } else if habits.is_empty() {
        html.push_str("<p>No rule fired in your recent answers.</p>");
    } else {
        list(&mut html, "habit-list", habits.iter().map(Habit::line));
    }
    holdbacks_html(&mut html, &holdbacks);
    html
}

fn holdbacks_html(html: &mut String, holdbacks: &[Holdback]) {
    html.push_str("<h3>Holding the gate back</h3>");
    if holdbacks.is_empty() {
        html.push_str("<p>No dimension has held a gate back yet.</p>");
    } else {
        list(
            html,
            "holdback-list",
            holdbacks.iter().take(HOLDBACKS_SHOWN).map(Holdback::line),
        );
    }
}

/// The latest answers, newest first (summaries are kept newest first), as
/// `(id, updated_at_ms)`: the habits read these in full, again whenever one
/// of them changes.
fn latest_answers(all: &[AttemptSummary]) -> Vec<(String, i64)> {
    all.iter()
        .filter(|s| s.has_text)
        .take(2 * WINDOW)
        .map(|s| (s.id.clone(), s.updated_at_ms))
        .collect()
}

/// Readiness, the next drill, habits and what holds the gates back, over
/// every drill (the gate counts every round of its rubric).
#[component]
pub fn Progress() -> impl IntoView {
    let state = use_app_state();
    let answers = Memo::new(move |_| state.summaries.with(|all| latest_answers(all)));
    let fired = RwSignal::new(None::<Vec<Vec<&'static str>>>);
    Effect::new(move |_| {
        let wanted = answers.get();
        let ids: Vec<String> = wanted.iter().map(|(id, _)| id.clone()).collect();
        spawn(async move {
            let found = state.read_attempts(ids.clone()).await;
            // A newer list was asked for meanwhile: its own read sets it.
            if answers.with_untracked(|now| *now != wanted) {
                return;
            }
            let rules = ids
                .iter()
                .filter_map(|id| found.iter().find(|a| a.id == *id))
                .map(progress::fired_rules)
                .collect();
            fired.set(Some(rules));
        });
    });
    let html = Memo::new(move |_| {
        fired.with(|fired| {
            state
                .summaries
                .with(|all| progress_html(all, fired.as_deref()))
        })
    });
    view! {
        <section aria-labelledby="progress-heading" class="progress">
            <h2 id="progress-heading">"Progress"</h2>
            <p class="help">"Across every drill: a gate counts every round of its rubric."</p>
            <div inner_html=move || html.get()></div>
        </section>
    }
}

/// One small plot per dimension of each rubric, for the drill filter.
#[component]
pub fn Trends(filter: RwSignal<String>) -> impl IntoView {
    let state = use_app_state();
    let html = move || {
        let drill = filter.get();
        let scope = match drills::drill(&drill) {
            Some(d) => format!("{} rounds only", d.title),
            None => "from every drill".to_owned(),
        };
        state.summaries.with(|all| {
            let mut html = String::new();
            for id in RubricId::ALL {
                // Numbered among every round of the rubric, as the gate
                // numbers them; only the rounds drawn get a label.
                let chosen: Vec<(usize, readiness::ScoredRound<'_>)> = readiness::rounds(all, id)
                    .into_iter()
                    .enumerate()
                    .filter(|(_, r)| drill.is_empty() || r.attempt.drill_id == drill)
                    .collect();
                let latest: Vec<TrendRound> = chosen[chosen.len().saturating_sub(SHOWN)..]
                    .iter()
                    .map(|(i, r)| TrendRound {
                        number: i + 1,
                        label: format!(
                            "{}, {}",
                            local_time(r.scores.scored_at_ms, r.attempt.tz_offset_minutes).date(),
                            r.attempt.drill_title()
                        ),
                        values: r.scores.values.clone(),
                    })
                    .collect();
                if !latest.is_empty() {
                    html.push_str(&trend_html(id, &latest, chosen.len(), &scope));
                }
            }
            if html.is_empty() {
                html.push_str("<p>Score a finished drill to see your trend here.</p>");
            }
            html
        })
    };
    view! {
        <section aria-labelledby="trends-heading" class="trends">
            <h2 id="trends-heading">"Trends"</h2>
            <div class="trend-grid" inner_html=html></div>
        </section>
    }
}
