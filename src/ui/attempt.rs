//! One attempt after the drill. A short summary first (planned against
//! actual time, "Which signal did I hide?" over the signals the drill tests,
//! findings per rule, the hint-recovery check), then self-scoring, so a phone
//! reaches the form without scrolling past every answer; then the answers
//! read-only with their findings, notes and export.

use super::analysis::{use_analyses, use_analyzer, Analyses};
use super::export::ExportPanel;
use super::not_found::NotFound;
use super::scoring::ScoringForm;
use super::state::use_app_state;
use crate::core::analyzer::Finding;
use crate::core::attempt::{rule_title, Attempt};
use crate::core::drills::{self, RubricId};
use crate::core::export::local_time;
use crate::core::markdown::escape_into;
use crate::core::recovery::{check_recovery, RecoveryCheck};
use crate::core::route::Route;
use crate::core::signal_scope::{self, SignalScope};
use crate::core::timer::format_elapsed;
use crate::platform::clock::now_ms;
use leptos::prelude::*;

#[component]
pub fn AttemptScreen(id: String) -> impl IntoView {
    let state = use_app_state();
    let id = StoredValue::new(id);
    view! {
        // `<Show>` memoizes `when` itself: no memo of our own needed.
        <Show
            when=move || state.attempts.with(|all| all.iter().any(|a| a.id == id.get_value()))
            fallback=move || view! { <NotFound path=format!("attempt/{}", id.get_value())/> }
        >
            <Results id=id.get_value()/>
        </Show>
    }
}

/// "Planned 20:00 · actual 23:40, 3:40 over" as parts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeSummary {
    pub planned: String,
    /// `None` while unfinished.
    pub actual: Option<String>,
    /// "3:40 over the plan" when the actual time exceeds the planned time.
    pub overtime: Option<String>,
    pub started: bool,
}

impl TimeSummary {
    pub fn of(a: &Attempt) -> TimeSummary {
        let planned_ms = a.timer.duration_ms;
        let actual_ms = a.timer.actual_ms();
        TimeSummary {
            planned: format_elapsed(planned_ms),
            actual: actual_ms.map(format_elapsed),
            overtime: actual_ms
                .filter(|&ms| ms >= planned_ms + 1_000)
                .map(|ms| format!("{} over the plan", format_elapsed(ms - planned_ms))),
            started: a.is_started(),
        }
    }

    /// One line for lists: "Planned 20:00 · actual 3:12".
    pub fn line(&self) -> String {
        let actual = match (&self.actual, self.started) {
            (Some(actual), _) => format!("actual {actual}"),
            (None, true) => "not finished".to_owned(),
            (None, false) => "not started".to_owned(),
        };
        let over = self
            .overtime
            .as_ref()
            .map(|o| format!(" ({o})"))
            .unwrap_or_default();
        format!("Planned {} · {actual}{over}", self.planned)
    }
}

/// The parts of the attempt the results header shows.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Head {
    drill_id: String,
    title: String,
    prompt: String,
    when: String,
    time: TimeSummary,
    finished: bool,
    rubrics: Vec<RubricId>,
}

/// One section, read-only, with its findings (phrase quoted).
#[derive(Clone, Debug, PartialEq, Eq)]
struct SectionResult {
    label: String,
    text: String,
    findings: Vec<(Finding, String)>,
}

/// Everything derived from what the user wrote (recomputed only when the
/// text or the hint changes, not when notes or scores do).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Body {
    sections: Vec<SectionResult>,
    signals: SignalScope,
    counts: Vec<(&'static str, usize)>,
    /// The hint, whether it interrupted, and the check of the recovery.
    recovery: Option<(String, bool, Option<RecoveryCheck>)>,
}

fn body_of(a: &Attempt, analyses: &Analyses) -> Body {
    let analyses = a.analyze_sections_with(&|s| analyses.of_sections(s));
    let counts = crate::core::attempt::finding_counts(&analyses)
        .into_iter()
        .collect();
    let signals = signal_scope::scope(a.drill(), crate::core::attempt::signal_coverage(&analyses));
    let sections = a
        .section_views()
        .into_iter()
        .filter(|s| !s.text.trim().is_empty())
        .map(|s| {
            let findings = analyses
                .iter()
                .find(|x| x.section.id == s.id)
                .map(|x| {
                    x.analysis
                        .findings
                        .iter()
                        .map(|f| {
                            let phrase = s.text.get(f.start..f.end).unwrap_or_default().to_owned();
                            (f.clone(), phrase)
                        })
                        .collect()
                })
                .unwrap_or_default();
            SectionResult {
                label: s.label.to_owned(),
                text: s.text.to_owned(),
                findings,
            }
        })
        .collect();
    let recovery = a.hint.as_ref().map(|h| {
        let check = drills::HINTS
            .get(h.index)
            .map(|hint| check_recovery(hint, a.section_text("recovery")));
        (h.text.clone(), h.acknowledged, check)
    });
    Body {
        sections,
        signals,
        counts,
        recovery,
    }
}

#[component]
fn Results(id: String) -> impl IntoView {
    let state = use_app_state();
    let id = StoredValue::new(id);
    let head = Memo::new(move |_| {
        state.attempts.with(|all| {
            all.iter().find(|a| a.id == id.get_value()).map(|a| {
                let t = local_time(a.created_at_ms, a.tz_offset_minutes);
                Head {
                    drill_id: a.drill_id.clone(),
                    title: a.drill_title().to_owned(),
                    prompt: a.prompt.clone(),
                    when: format!("{} ({})", t.date_time(), t.zone()),
                    time: TimeSummary::of(a),
                    finished: a.is_finished(),
                    rubrics: a.drill().map(|d| d.rubrics.to_vec()).unwrap_or_default(),
                }
            })
        })
    });
    // What the analysis depends on: the text and the hint only.
    let content = Memo::new(move |_| {
        state.attempts.with(|all| {
            all.iter()
                .find(|a| a.id == id.get_value())
                .map(|a| (a.drill_id.clone(), a.sections.clone(), a.hint.clone()))
        })
    });
    // The analyses come from the analysis worker: `None` until it answers.
    let analyses = use_analyses(move || {
        content.with(|c| {
            c.as_ref().map_or_else(Vec::new, |(drill_id, sections, _)| {
                let mut a = Attempt::new(id.get_value(), drill_id.clone(), "", 0, 0);
                a.sections = sections.clone();
                vec![a.sections_to_analyse()]
            })
        })
    });
    let body = Memo::new(move |_| {
        let analyses = analyses.get()?;
        content.with(|c| {
            c.as_ref().map(|(drill_id, sections, hint)| {
                let mut a = Attempt::new(id.get_value(), drill_id.clone(), "", 0, 0);
                a.sections = sections.clone();
                a.hint = hint.clone();
                body_of(&a, &analyses)
            })
        })
    });
    let analyzer = use_analyzer();
    let pending = move || {
        body.with(Option::is_none)
            .then(|| view! { <p class="analysing" role="status">{analyzer.pending_note()}</p> })
    };
    // A plain closure: the notes only feed the textarea's value.
    let notes = move || {
        state.attempts.with(|all| {
            all.iter()
                .find(|a| a.id == id.get_value())
                .map(|a| a.notes.clone())
                .unwrap_or_default()
        })
    };

    let title = move || head.with(|h| h.as_ref().map(|h| h.title.clone()).unwrap_or_default());

    view! {
        <article class="results">
            <header class="results-header">
                <h1>{move || format!("{}: results", title())}</h1>
                <p class="meta">{move || head.with(|h| h.as_ref().map(|h| h.when.clone()))}</p>
                <blockquote class="prompt-text">{move || head.with(|h| h.as_ref().map(|h| h.prompt.clone()))}</blockquote>
            </header>
            <div class="results-summary">
                <section aria-labelledby="time-heading" class="results-time">
                    <h2 id="time-heading">"Time"</h2>
                    {move || head.get().map(|h| view! { <TimeView time=h.time finished=h.finished drill_id=h.drill_id/> })}
                </section>
                <section aria-labelledby="findings-heading" class="finding-counts">
                    <h2 id="findings-heading">"Findings by rule"</h2>
                    {pending}
                    {move || body.with(|b| b.as_ref().map(|b| counts_view(&b.counts)))}
                </section>
                <section aria-labelledby="signals-heading" class="signals">
                    <h2 id="signals-heading">"Which signal did I hide?"</h2>
                    {pending}
                    <div inner_html=move || body.with(|b| b.as_ref().map(|b| coverage_html(&b.signals)).unwrap_or_default())></div>
                </section>
            </div>
            {move || body.with(|b| b.as_ref().and_then(|b| b.recovery.clone())).map(|(hint, shown, check)| view! { <RecoveryView hint=hint shown=shown check=check/> })}
            <section aria-labelledby="scoring-heading" class="scoring">
                <h2 id="scoring-heading">"Score yourself"</h2>
                <p class="help">"Pick the level whose description matches what you actually wrote, not what you meant. A dimension this drill does not exercise starts as not tested."</p>
                {move || head.with(|h| h.as_ref().map(|h| h.rubrics.clone())).unwrap_or_default()
                    .into_iter()
                    .map(|r| view! { <ScoringForm attempt_id=id.get_value() rubric_id=r/> })
                    .collect_view()}
            </section>
            <div class="results-grid">
                <section aria-labelledby="answers-heading" class="answers">
                    <h2 id="answers-heading">"Your answers"</h2>
                    {pending}
                    {move || body.with(|b| b.as_ref().map(|b| answers_view(&b.sections)))}
                </section>
                <section class="notes">
                    <div class="field">
                        <label for="attempt-notes" class="notes-label">"Notes"</label>
                        <p class="help" id="attempt-notes-help">"What to try next time. Saved with this attempt as you type and included in the export."</p>
                        <textarea
                            id="attempt-notes"
                            aria-describedby="attempt-notes-help"
                            rows="5"
                            prop:value=notes
                            on:input=move |ev| {
                                let value = event_target_value(&ev);
                                state.edit(&id.get_value(), |a| a.set_notes(value, now_ms()));
                            }
                        ></textarea>
                    </div>
                </section>
            </div>
            <ExportPanel attempt_id=id.get_value()/>
        </article>
    }
}

#[component]
fn TimeView(time: TimeSummary, finished: bool, drill_id: String) -> impl IntoView {
    let actual = match (&time.actual, time.started) {
        (Some(a), _) => a.clone(),
        (None, true) => "Not finished yet".to_owned(),
        (None, false) => "Not started".to_owned(),
    };
    view! {
        <dl class="times">
            <div><dt>"Planned"</dt><dd>{time.planned.clone()}</dd></div>
            <div>
                <dt>"Actual"</dt>
                <dd>
                    {actual}
                    {time.overtime.clone().map(|o| view! { <span class="overtime">{format!(" ({o})")}</span> })}
                </dd>
            </div>
        </dl>
        {(!finished).then(|| view! {
            <p><a href=Route::Drill(drill_id).href()>"Back to the drill"</a></p>
        })}
    }
}

/// The signals this drill tests, hidden first; the rest apart as "not
/// tested here". SAFETY (XSS): signal titles and scopes are compiled in, the
/// phrases are the user's words; all escaped. One string is far less wasm
/// than a view per signal.
fn coverage_html(scope: &SignalScope) -> String {
    let mut html = String::from("<h3>Hidden</h3>");
    if scope.hidden.is_empty() {
        html.push_str("<p>None: every signal this drill tests shows some evidence.</p>");
    } else {
        html.push_str("<ul class=\"signal-list hidden-signals\">");
        for s in &scope.hidden {
            html.push_str("<li><strong>");
            escape_into(&mut html, s.title());
            html.push_str("</strong><span class=\"signal-scope\"> — ");
            escape_into(&mut html, s.scope());
            html.push_str("</span></li>");
        }
        html.push_str("</ul>");
    }
    html.push_str("<h3>Shown, and the phrases that counted</h3>");
    if scope.shown.is_empty() {
        html.push_str("<p>No signal this drill tests shows evidence yet.</p>");
    } else {
        html.push_str("<ul class=\"signal-list shown-signals\">");
        for e in &scope.shown {
            html.push_str("<li><strong>");
            escape_into(&mut html, e.signal.title());
            html.push_str("</strong>: ");
            let phrases: Vec<String> = e.phrases.iter().map(|p| format!("“{p}”")).collect();
            escape_into(&mut html, &phrases.join(", "));
            html.push_str("</li>");
        }
        html.push_str("</ul>");
    }
    if !scope.not_tested.is_empty() {
        html.push_str("<p class=\"not-tested\">Not tested here: ");
        escape_into(&mut html, &signal_scope::titles(&scope.not_tested));
        html.push_str(".</p>");
    }
    html
}

fn counts_view(counts: &[(&'static str, usize)]) -> AnyView {
    if counts.is_empty() {
        return view! { <p>"No findings."</p> }.into_any();
    }
    // SAFETY (XSS): rule titles are compiled in, escaped; one string is far
    // less wasm than a view per rule.
    let mut html = String::new();
    for (rule, n) in counts {
        html.push_str("<li><strong>");
        escape_into(&mut html, rule_title(rule));
        html.push_str(&format!("</strong>: {n}</li>"));
    }
    view! { <ul class="count-list" inner_html=html></ul> }.into_any()
}

/// The answers read-only, each with its findings. SAFETY (XSS): the user's
/// text, phrases and section labels go through `escape_into`; only the tags
/// written here are markup. One string: far less wasm than a view per finding.
fn answers_view(sections: &[SectionResult]) -> AnyView {
    if sections.is_empty() {
        return view! { <p>"Nothing was written in this attempt."</p> }.into_any();
    }
    let mut html = String::new();
    for s in sections {
        html.push_str("<section class=\"answer\"><h3>");
        escape_into(&mut html, &s.label);
        html.push_str("</h3><div class=\"answer-text\">");
        escape_into(&mut html, &s.text);
        html.push_str("</div>");
        if s.findings.is_empty() {
            html.push_str("<p class=\"no-findings\">No findings in this section.</p></section>");
            continue;
        }
        html.push_str("<ul class=\"findings\">");
        for (f, phrase) in &s.findings {
            html.push_str("<li class=\"finding rule-");
            escape_into(&mut html, f.rule.id());
            html.push_str("\"><strong>");
            escape_into(&mut html, f.rule.title());
            html.push_str("</strong> ");
            escape_into(&mut html, &format!("“{phrase}”: {}", f.message));
            if !f.suggestion.is_empty() {
                html.push_str("<span class=\"suggestion\"> Try: ");
                escape_into(&mut html, &f.suggestion);
                html.push_str("</span>");
            }
            html.push_str("</li>");
        }
        html.push_str("</ul></section>");
    }
    view! { <div inner_html=html></div> }.into_any()
}

#[component]
fn RecoveryView(hint: String, shown: bool, check: Option<RecoveryCheck>) -> impl IntoView {
    let yes_no = |b: bool| if b { "yes" } else { "no" };
    // One section with optional parts: cheaper in wasm than two whole views.
    view! {
        <section aria-labelledby="recovery-heading" class="recovery-check">
            <h2 id="recovery-heading">"Hint and recovery"</h2>
            {(!shown).then(|| view! {
                <p>"The drill ended before the hint interrupted, so there is no recovery to check this time."</p>
            })}
            {shown.then(|| view! { <p class="hint-callout"><strong>"The hint: "</strong>{hint}</p> })}
            {check.filter(|_| shown).map(|c| view! {
                <ul class="check-list">
                    <li>{format!("Restated the constraint: {}", yes_no(c.restated_constraint))}</li>
                    <li>{format!("Revised the plan: {}", yes_no(c.revised_plan))}</li>
                    <li>{format!("Apologies: {}", c.apologies)}</li>
                </ul>
                <p>{c.summary}</p>
            })}
        </section>
    }
}
