//! History's progress parts, kept apart from the list and backup code:
//! `Progress` (readiness on each rubric from every drill, one drill to run
//! next, habits per rule, the dimensions holding the gates back) and
//! `Trends` (small multiples per rubric, following the drill filter).
//!
//! Both render one escaped markup string from core functions
//! (`core::progress`, `core::readiness`, `core::trend`): compiled-in titles
//! and numbers only, and far less wasm than a view per line.

use super::analysis::{use_analyzer, Analyses};
use super::history::is_listed;
use super::scoring::gate_html;
use super::state::use_app_state;
use crate::core::attempt::Attempt;
use crate::core::drills::{self, RubricId};
use crate::core::export::local_time;
use crate::core::markdown::escape_into;
use crate::core::progress::{self, Habit, Holdback, WINDOW};
use crate::core::readiness;
use crate::core::route::Route;
use crate::core::sorting;
use crate::core::trend::{trend_html, TrendRound};
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

/// The whole progress block as markup. SAFETY (XSS): every piece of text is
/// compiled in (titles, reasons built from titles and numbers) and escaped.
fn progress_html(all: &[Attempt], analyses: Option<&Analyses>, pending: &str) -> String {
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

    // Habits over the latest answers: only those need analysing.
    let mut answers: Vec<&Attempt> = all
        .iter()
        .filter(|a| a.sections.values().any(|t| !t.trim().is_empty()))
        .collect();
    sorting::sort_by(&mut answers, |a, b| {
        (b.created_at_ms, &b.id).cmp(&(a.created_at_ms, &a.id))
    });
    let fired: Vec<Vec<&'static str>> = match analyses {
        Some(analyses) => answers
            .iter()
            .take(2 * WINDOW)
            .map(|a| progress::fired_rules(a, &|t| analyses.of_text(t)))
            .collect(),
        None => Vec::new(),
    };
    let habits = progress::habits(&fired);
    html.push_str("<h3>Habits</h3>");
    if analyses.is_none() && !answers.is_empty() {
        html.push_str("<p class=\"analysing\">");
        escape_into(&mut html, pending);
        html.push_str("</p>");
    } else if fired.is_empty() {
        html.push_str("<p>Write an answer to see which habits the feedback finds.</p>");
    } else if habits.is_empty() {
        html.push_str("<p>No rule fired in your recent answers.</p>");
    } else {
        list(&mut html, "habit-list", habits.iter().map(Habit::line));
    }

    html.push_str("<h3>Holding the gate back</h3>");
    if holdbacks.is_empty() {
        html.push_str("<p>No dimension has held a gate back yet.</p>");
    } else {
        list(
            &mut html,
            "holdback-list",
            holdbacks.iter().take(HOLDBACKS_SHOWN).map(Holdback::line),
        );
    }
    html
}

/// Readiness, the next drill, habits and what holds the gates back, over
/// every drill (the gate counts every round of its rubric).
#[component]
pub fn Progress(analyses: ReadSignal<Option<Analyses>>) -> impl IntoView {
    let state = use_app_state();
    let analyzer = use_analyzer();
    let html = Memo::new(move |_| {
        let analyses = analyses.get();
        let pending = analyzer.pending_note();
        state.attempts.with(|all| {
            let listed: Vec<Attempt> = all.iter().filter(|a| is_listed(a)).cloned().collect();
            progress_html(&listed, analyses.as_ref(), &pending)
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
        state.attempts.with(|all| {
            let mut html = String::new();
            for id in RubricId::ALL {
                let rounds: Vec<TrendRound> = readiness::rounds(all, id)
                    .into_iter()
                    .enumerate()
                    .filter(|(_, r)| drill.is_empty() || r.attempt.drill_id == drill)
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
                if !rounds.is_empty() {
                    html.push_str(&trend_html(id, &rounds, &scope));
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
