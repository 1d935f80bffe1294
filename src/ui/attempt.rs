//! One attempt after the drill. A short summary first (planned against
//! actual time and the time per step, the spoken summary, "Which signal did I
//! hide?" over the signals the drill tests, findings per rule, the recovery
//! check of hint recovery and recovery practice), then self-scoring, so a
//! phone reaches the form without scrolling past every answer; then the
//! answers read-only with their findings, once finished beside the strong
//! answer of their prompt family and its signals; notes and export.

use super::analysis::{use_analyses, use_analyzer, Analyses};
use super::export::ExportPanel;
use super::not_found::NotFound;
use super::scoring::ScoringForm;
use super::state::use_app_state;
use crate::core::analyzer::Finding;
use crate::core::attempt::{rule_title, Attempt};
use crate::core::drills::{self, RubricId, SectionAid};
use crate::core::export::{local_time, spoken_line};
use crate::core::markdown::escape_into;
use crate::core::model_answers;
use crate::core::recovery::{check_recovery, RecoveryCheck};
use crate::core::route::Route;
use crate::core::signal_scope::{self, SignalScope};
use crate::core::steps::{self, StepTime};
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
    own_prompt: bool,
    when: String,
    time: TimeSummary,
    steps: Vec<StepTime>,
    spoken: Option<String>,
    finished: bool,
    rubrics: Vec<RubricId>,
}

/// One section, read-only, with its findings (phrase quoted).
#[derive(Clone, Debug, PartialEq, Eq)]
struct SectionResult {
    label: String,
    text: String,
    findings: Vec<(Finding, String)>,
    /// A checklist section: (question, asked, answer) per item.
    checklist: Vec<(&'static str, bool, String)>,
    /// The model answer's text of this section, once the drill is finished.
    model: Option<&'static str>,
}

/// Everything derived from what the user wrote (recomputed only when the
/// text or the hint changes, not when notes or scores do).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Body {
    sections: Vec<SectionResult>,
    signals: SignalScope,
    counts: Vec<(&'static str, usize)>,
    /// The hint (or recovery practice's new fact), whether it interrupted,
    /// and the check of the recovery.
    recovery: Option<(String, bool, Option<RecoveryCheck>)>,
    /// Shown only once the drill is finished.
    model: Option<ModelView>,
}

/// The strong answer of the attempt's prompt family and what it shows.
#[derive(Clone, Debug, PartialEq, Eq)]
struct ModelView {
    prompt: &'static str,
    hint: Option<&'static str>,
    checklist: Vec<(&'static str, &'static str)>,
    signals: SignalScope,
}

fn body_of(a: &Attempt, found: &Analyses) -> Body {
    let model = a
        .drill()
        .filter(|_| a.is_finished())
        .and_then(|d| model_answers::for_prompt(d, &a.prompt).map(|m| (d, m)));
    let analyses = a.analyze_sections_with(&|s| found.of_sections(s));
    let counts = crate::core::attempt::finding_counts(&analyses)
        .into_iter()
        .collect();
    let signals = signal_scope::scope(a.drill(), crate::core::attempt::signal_coverage(&analyses));
    let sections = a
        .section_views()
        .into_iter()
        // Beside a model answer every section shows, so the two line up.
        .filter(|s| {
            !s.text.trim().is_empty() || model.is_some_and(|(_, m)| !m.section(s.id).is_empty())
        })
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
            let checklist = a
                .drill()
                .and_then(|d| d.sections.iter().find(|x| x.id == s.id))
                .map(|x| match x.aid {
                    SectionAid::Checklist(items) => items
                        .iter()
                        .map(|i| {
                            let c = a.checklist.get(i.id).cloned().unwrap_or_default();
                            (i.question, c.is_asked(), c.answer)
                        })
                        .collect(),
                    _ => Vec::new(),
                })
                .unwrap_or_default();
            SectionResult {
                label: s.label.to_owned(),
                text: s.text.to_owned(),
                findings,
                checklist,
                model: model
                    .map(|(_, m)| m.section(s.id))
                    .filter(|t| !t.is_empty()),
            }
        })
        .collect();
    let recovery = match (&a.hint, a.drill().and_then(|d| d.fact(&a.prompt))) {
        (Some(h), _) => {
            let check = drills::HINTS
                .get(h.index)
                .map(|hint| check_recovery(hint, a.section_text("recovery")));
            Some((h.text.clone(), h.acknowledged, check))
        }
        // Recovery practice: the whole answer against the prompt's new fact.
        (None, Some(fact)) => {
            let text: Vec<&str> = a.section_views().iter().map(|s| s.text).collect();
            let written = text.iter().any(|t| !t.trim().is_empty());
            Some((
                fact.text.to_owned(),
                true,
                written.then(|| check_recovery(fact, &text.join("\n\n"))),
            ))
        }
        (None, None) => None,
    };
    let model = model.map(|(d, m)| {
        let analyses = found.of_sections(&m.inputs(d));
        let merged = crate::core::attempt::merge_signals(
            analyses
                .iter()
                .map(|x| x.signals.as_slice())
                .collect::<Vec<_>>(),
        );
        ModelView {
            prompt: m.prompt,
            hint: m.hint.map(|h| h.text),
            checklist: m
                .checklist
                .iter()
                .filter_map(|(id, answer)| {
                    d.sections.iter().find_map(|s| match s.aid {
                        SectionAid::Checklist(items) => items
                            .iter()
                            .find(|i| i.id == *id)
                            .map(|i| (i.question, *answer)),
                        _ => None,
                    })
                })
                .collect(),
            signals: signal_scope::scope(Some(d), merged),
        }
    });
    Body {
        sections,
        signals,
        counts,
        recovery,
        model,
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
                    own_prompt: a.drawn_prompt.is_some(),
                    when: format!("{} ({})", t.date_time(), t.zone()),
                    time: TimeSummary::of(a),
                    steps: a
                        .drill()
                        .map(|d| steps::step_times(d, a))
                        .unwrap_or_default(),
                    spoken: spoken_line(a),
                    finished: a.is_finished(),
                    rubrics: a.drill().map(|d| d.rubrics.to_vec()).unwrap_or_default(),
                }
            })
        })
    });
    // What the analysis depends on: the text and the hint only.
    // (The prompt picks the model answer and the fact; finishing shows it.)
    let content = Memo::new(move |_| {
        state.attempts.with(|all| {
            all.iter().find(|a| a.id == id.get_value()).map(|a| {
                (
                    a.drill_id.clone(),
                    a.prompt.clone(),
                    a.sections.clone(),
                    a.hint.clone(),
                    a.checklist.clone(),
                    a.timer.finished_at,
                )
            })
        })
    });
    // The analyses come from the analysis worker: `None` until it answers.
    let analyses = use_analyses(move || {
        content.with(|c| {
            c.as_ref().map_or_else(
                Vec::new,
                |(drill_id, prompt, sections, _, _, finished_at)| {
                    let mut a = Attempt::new(id.get_value(), drill_id.clone(), "", 0, 0);
                    a.sections = sections.clone();
                    let mut wanted = vec![a.sections_to_analyse()];
                    // The strong answer shown beside a finished attempt.
                    let model = a.drill().filter(|_| finished_at.is_some()).and_then(|d| {
                        model_answers::for_prompt(d, prompt).map(|m| m.sections_to_analyse(d))
                    });
                    wanted.extend(model);
                    wanted
                },
            )
        })
    });
    let body = Memo::new(move |_| {
        let analyses = analyses.get()?;
        content.with(|c| {
            c.as_ref().map(
                |(drill_id, prompt, sections, hint, checklist, finished_at)| {
                    let mut a =
                        Attempt::new(id.get_value(), drill_id.clone(), prompt.clone(), 0, 0);
                    a.sections = sections.clone();
                    a.hint = hint.clone();
                    a.checklist = checklist.clone();
                    a.timer.started_at = *finished_at;
                    a.timer.finished_at = *finished_at;
                    body_of(&a, &analyses)
                },
            )
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
                {move || head.with(|h| h.as_ref().is_some_and(|h| h.own_prompt)).then(|| view! { <p class="muted">"Your own prompt:"</p> })}
                <blockquote class="prompt-text">{move || head.with(|h| h.as_ref().map(|h| h.prompt.clone()))}</blockquote>
            </header>
            <div class="results-summary">
                <section aria-labelledby="time-heading" class="results-time">
                    <h2 id="time-heading">"Time"</h2>
                    {move || head.get().map(|h| view! { <TimeView time=h.time finished=h.finished drill_id=h.drill_id steps=h.steps spoken=h.spoken/> })}
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
            {move || body.with(|b| b.as_ref().and_then(|b| b.recovery.clone())).map(|(hint, shown, check)| view! { <RecoveryView hint=hint shown=shown check=check is_fact=head.with(|h| h.as_ref().is_some_and(|h| h.drill_id != "hint-recovery"))/> })}
            <section aria-labelledby="scoring-heading" class="scoring">
                <h2 id="scoring-heading">"Score yourself"</h2>
                <p class="help">"Pick the level whose description matches what you actually wrote, not what you meant. A dimension this drill does not exercise starts as not tested."</p>
                {move || head.with(|h| h.as_ref().map(|h| h.rubrics.clone())).unwrap_or_default()
                    .into_iter()
                    .map(|r| view! { <ScoringForm attempt_id=id.get_value() rubric_id=r/> })
                    .collect_view()}
            </section>
            <div class="results-grid" class:with-model=move || body.with(|b| b.as_ref().is_some_and(|b| b.model.is_some()))>
                <section aria-labelledby="answers-heading" class="answers">
                    <h2 id="answers-heading">
                        {move || if body.with(|b| b.as_ref().is_some_and(|b| b.model.is_some())) { "Your answers beside a strong one" } else { "Your answers" }}
                    </h2>
                    {pending}
                    {move || body.with(|b| b.as_ref().and_then(|b| b.model.clone())).map(|m| view! { <div inner_html=model_intro_html(&m)></div> })}
                    {move || body.with(|b| b.as_ref().map(|b| answers_view(&b.sections)))}
                    {move || body.with(|b| b.as_ref().and_then(|b| b.model.clone())).map(|m| view! {
                        <section class="model-signals" aria-labelledby="model-signals-heading">
                            <h3 id="model-signals-heading">"What the strong answer shows"</h3>
                            <div inner_html=model_signals_html(&m.signals)></div>
                        </section>
                    })}
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
fn TimeView(
    time: TimeSummary,
    finished: bool,
    drill_id: String,
    steps: Vec<StepTime>,
    spoken: Option<String>,
) -> impl IntoView {
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
            {spoken.map(|line| view! { <div><dt>"Spoken summary"</dt><dd>{line}</dd></div> })}
        </dl>
        {(!steps.is_empty()).then(|| view! {
            // Scrolls on its own at a large font size; the page never does.
            <div class="table-scroll" tabindex="0" role="region" aria-label="Time per step, scrollable">
                <table class="step-times">
                    <caption>"Time per step"</caption>
                    <thead><tr><th scope="col">"Step"</th><th scope="col">"Suggested"</th><th scope="col">"Spent"</th></tr></thead>
                    <tbody inner_html=step_rows_html(&steps)></tbody>
                </table>
            </div>
        })}
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
        html.push_str("</h3>");
        if let Some(model) = s.model {
            html.push_str("<div class=\"answer-pair\"><div class=\"mine\"><h4>Yours</h4>");
            answer_html(&mut html, s);
            html.push_str(
                "</div><div class=\"model\"><h4>Strong answer</h4><div class=\"answer-text\">",
            );
            escape_into(&mut html, model);
            html.push_str("</div></div></div></section>");
        } else {
            answer_html(&mut html, s);
            html.push_str("</section>");
        }
    }
    view! { <div inner_html=html></div> }.into_any()
}

/// One section's text, checklist and findings (escaped, see `answers_view`).
fn answer_html(html: &mut String, s: &SectionResult) {
    if !s.checklist.is_empty() {
        let asked = s.checklist.iter().filter(|(_, asked, _)| *asked).count();
        html.push_str(&format!("<p class=\"checklist-count\">Asked {asked} of {} impact questions</p><ul class=\"checklist-results\">", s.checklist.len()));
        for (question, asked, answer) in &s.checklist {
            html.push_str(if *asked {
                "<li class=\"asked\"><span>Asked: </span>"
            } else {
                "<li class=\"not-asked\"><span>Not asked: </span>"
            });
            escape_into(html, question);
            if !answer.trim().is_empty() {
                html.push_str(" <em>");
                escape_into(html, answer);
                html.push_str("</em>");
            }
            html.push_str("</li>");
        }
        html.push_str("</ul>");
    }
    html.push_str("<div class=\"answer-text\">");
    if s.text.trim().is_empty() {
        html.push_str("<em>Left empty.</em>");
    } else {
        escape_into(html, &s.text);
    }
    html.push_str("</div>");
    if s.findings.is_empty() {
        if !s.text.trim().is_empty() {
            html.push_str("<p class=\"no-findings\">No findings in this section.</p>");
        }
        return;
    }
    {
        html.push_str("<ul class=\"findings\">");
        for (f, phrase) in &s.findings {
            html.push_str("<li class=\"finding rule-");
            escape_into(html, f.rule.id());
            html.push_str("\"><strong>");
            escape_into(html, f.rule.title());
            html.push_str("</strong> ");
            escape_into(html, &format!("“{phrase}”: {}", f.message));
            if !f.suggestion.is_empty() {
                html.push_str("<span class=\"suggestion\"> Try: ");
                escape_into(html, &f.suggestion);
                html.push_str("</span>");
            }
            html.push_str("</li>");
        }
        html.push_str("</ul>");
    }
}

/// What the model answers and, for hint recovery, the hint it recovers from;
/// its impact questions too. SAFETY (XSS): compiled-in text, escaped.
fn model_intro_html(m: &ModelView) -> String {
    let mut html = String::from(
        "<p class=\"model-intro\">A strong answer, written for Evident, to the prompt “",
    );
    escape_into(&mut html, m.prompt);
    html.push_str("”. Compare the shape, not the topic.</p>");
    if let Some(hint) = m.hint {
        html.push_str("<p class=\"hint-callout\"><strong>Its hint: </strong>");
        escape_into(&mut html, hint);
        html.push_str("</p>");
    }
    if !m.checklist.is_empty() {
        html.push_str("<details class=\"model-checklist\"><summary>The strong answer's impact questions</summary><ul>");
        for (question, answer) in &m.checklist {
            html.push_str("<li>");
            escape_into(&mut html, question);
            html.push_str(" <em>");
            escape_into(&mut html, answer);
            html.push_str("</em></li>");
        }
        html.push_str("</ul></details>");
    }
    html
}

/// The signals the model answer shows, each with its sentences.
/// SAFETY (XSS): compiled-in text, escaped.
fn model_signals_html(scope: &SignalScope) -> String {
    let mut html = String::from("<ul class=\"signal-list shown-signals\">");
    for e in &scope.shown {
        html.push_str("<li><strong>");
        escape_into(&mut html, e.signal.title());
        html.push_str("</strong>: ");
        let phrases: Vec<String> = e.phrases.iter().map(|p| format!("“{p}”")).collect();
        escape_into(&mut html, &phrases.join(", "));
        html.push_str("</li>");
    }
    html.push_str("</ul>");
    html
}

/// Rows of the time-per-step table. SAFETY (XSS): compiled-in labels, escaped.
fn step_rows_html(steps: &[StepTime]) -> String {
    let mut html = String::new();
    for t in steps {
        html.push_str("<tr><th scope=\"row\">");
        escape_into(&mut html, t.label);
        html.push_str(&format!(
            "</th><td>{}</td><td>{}</td></tr>",
            format_elapsed(t.planned_ms),
            format_elapsed(t.spent_ms)
        ));
    }
    html
}

#[component]
fn RecoveryView(
    hint: String,
    shown: bool,
    check: Option<RecoveryCheck>,
    is_fact: bool,
) -> impl IntoView {
    let yes_no = |b: bool| if b { "yes" } else { "no" };
    // One section with optional parts: cheaper in wasm than two whole views.
    view! {
        <section aria-labelledby="recovery-heading" class="recovery-check">
            <h2 id="recovery-heading">{if is_fact { "New fact and recovery" } else { "Hint and recovery" }}</h2>
            {(!shown).then(|| view! {
                <p>"The drill ended before the hint interrupted, so there is no recovery to check this time."</p>
            })}
            {shown.then(|| view! { <p class="hint-callout"><strong>{if is_fact { "The new fact: " } else { "The hint: " }}</strong>{hint}</p> })}
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
