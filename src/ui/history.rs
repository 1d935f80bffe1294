//! History: every attempt worth keeping, newest first, with a drill filter,
//! progress and trends (`progress`), delete with undo, Markdown export of the
//! list, and the full backup (export and import).

use super::analysis::{use_analyses, use_analyzer, Analyses};
use super::attempt::TimeSummary;
use super::export::{download_backup, picked_file, today};
use super::progress::{Progress, Trends};
use super::state::use_app_state;
use crate::core::attempt::{counts_line, finding_counts, Attempt};
use crate::core::drills::{self, DRILLS};
use crate::core::export::{export_history_with, local_time, HistoryFilter};
use crate::core::markdown::escape_into;
use crate::core::route::Route;
use crate::core::rubric;
use crate::core::schema::{ImportError, ImportReport, MAX_BACKUP_BYTES};
use crate::core::sorting;
use crate::platform::share::{download_text, read_file_text};
use crate::platform::task::spawn;
use leptos::prelude::*;

/// Attempts worth listing: started, scored, or with something written.
pub fn is_listed(a: &Attempt) -> bool {
    a.is_started() || !a.scores.is_empty() || a.sections.values().any(|t| !t.trim().is_empty())
}

/// The first `max` characters of a prompt, cut at a word, with "…".
fn excerpt(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => cut[..i].to_owned(),
        _ => cut,
    };
    format!("{}…", cut.trim_end_matches([',', '.', ';', ':']))
}

/// One line of a history entry.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Row {
    id: String,
    title: String,
    when: String,
    prompt: String,
    time: String,
    findings: String,
    scores: Vec<String>,
    finished: bool,
}

fn row_of(a: &Attempt, analyses: Option<&Analyses>) -> Row {
    let findings = match analyses {
        Some(analyses) => {
            let counts = finding_counts(&a.analyze_sections_with(&|t| analyses.of_text(t)));
            counts_line(&counts).unwrap_or_else(|| "No findings".to_owned())
        }
        None if a.texts_to_analyse().is_empty() => "No findings".to_owned(),
        None => "Findings: analysing…".to_owned(),
    };
    let scores = a.scores.iter().map(scores_line).collect();
    Row {
        id: a.id.clone(),
        title: a.drill_title().to_owned(),
        when: local_time(a.created_at_ms, a.tz_offset_minutes).date_time(),
        prompt: excerpt(&a.prompt, 140),
        time: TimeSummary::of(a).line(),
        findings,
        scores,
        finished: a.is_finished(),
    }
}

/// "Failure diagnostic: Clarification 3 · Reasoning visibility 3 · …; not
/// tested: Recovery": every score named.
fn scores_line(s: &crate::core::attempt::RubricScores) -> String {
    let r = rubric::rubric(s.rubric);
    let (mut scored, mut untested) = (Vec::new(), Vec::new());
    for (d, &m) in r.dimensions.iter().zip(&s.values) {
        match m {
            Some(v) => scored.push(format!("{} {v}", d.title)),
            None => untested.push(d.title),
        }
    }
    let mut line = format!("{}: {}", r.title, scored.join(" · "));
    if !untested.is_empty() {
        line.push_str("; not tested: ");
        line.push_str(&untested.join(", "));
    }
    line
}

fn describe_import(r: &ImportReport) -> String {
    let mut parts = vec![
        format!(
            "{} attempt{} added",
            r.added,
            if r.added == 1 { "" } else { "s" }
        ),
        format!("{} updated", r.updated),
        format!("{} already up to date", r.unchanged),
    ];
    if r.kept_newer > 0 {
        parts.push(format!(
            "{} kept because this device has a newer version",
            r.kept_newer
        ));
    }
    if r.restored_raw > 0 {
        parts.push(format!(
            "{} unreadable value(s) restored aside",
            r.restored_raw
        ));
    }
    if r.prefs_written {
        parts.push("preferences merged".to_owned());
    }
    format!("Backup imported: {}.", parts.join(", "))
}

/// The empty list's text and link: static markup as one string.
const NO_ATTEMPTS: &str = "No attempts yet. <a href=\"#/\">Pick a drill</a> to start one.";

/// The drill filter's options. SAFETY (XSS): compiled-in catalogue text,
/// escaped; one string is far less wasm than a view per option.
fn drill_options() -> String {
    let mut html = String::from("<option value=\"\">All drills</option>");
    for d in DRILLS {
        html.push_str("<option value=\"");
        escape_into(&mut html, d.id);
        html.push_str("\">");
        escape_into(&mut html, d.title);
        html.push_str("</option>");
    }
    html
}

#[component]
pub fn HistoryScreen() -> impl IntoView {
    let state = use_app_state();
    let analyzer = use_analyzer();
    let filter = RwSignal::new(String::new());
    let message = RwSignal::new(String::new());
    let import_error = RwSignal::new(String::new());
    let deleted = RwSignal::new(None::<Attempt>);

    // Every listed answer's analysis (for the findings lines, the habits and
    // the Markdown export), from the analysis worker.
    let texts = move || {
        state.attempts.with(|all| {
            let mut texts: Vec<String> = Vec::new();
            for a in all.iter().filter(|a| is_listed(a)) {
                texts.extend(a.texts_to_analyse());
            }
            texts
        })
    };
    let analyses = use_analyses(texts);
    // A plain closure: `<Show>` memoizes its `when`, `<For>` diffs by key.
    let rows = move || {
        let drill = filter.get();
        let analyses = analyses.get();
        state.attempts.with(|all| {
            let mut listed: Vec<&Attempt> = all
                .iter()
                .filter(|a| is_listed(a) && (drill.is_empty() || a.drill_id == drill))
                .collect();
            sorting::sort_by(&mut listed, |a, b| {
                b.created_at_ms
                    .cmp(&a.created_at_ms)
                    .then_with(|| b.id.cmp(&a.id))
            });
            listed
                .into_iter()
                .map(|a| row_of(a, analyses.as_ref()))
                .collect::<Vec<_>>()
        })
    };
    let filter_title = move || {
        let id = filter.get();
        drills::drill(&id).map(|d| d.title)
    };

    let on_delete = move |id: String| {
        let Some(attempt) = state.attempt(&id) else {
            return;
        };
        message.set(String::new());
        state.delete(&id);
        deleted.set(Some(attempt));
    };
    // The Delete button is gone with its entry: keep keyboard focus on the
    // way back, the Undo button.
    let undo_ref = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if deleted.with(Option::is_some) {
            if let Some(button) = undo_ref.get() {
                let _ = button.focus();
            }
        }
    });
    let on_undo = move |_| {
        if let Some(attempt) = deleted.get_untracked() {
            let title = attempt.drill_title().to_owned();
            state.put(attempt);
            state.flush();
            deleted.set(None);
            message.set(format!("Restored the {title} attempt."));
        }
    };
    let on_export_backup = move |_| {
        deleted.set(None);
        import_error.set(String::new());
        message.set(match download_backup(state) {
            Ok(name) => format!("Downloaded {name}."),
            Err(e) => e,
        });
    };
    let on_export_markdown = move |_| {
        deleted.set(None);
        state.flush();
        let drill = filter.get_untracked();
        spawn(async move {
            // At once when the list's analyses are in; without findings if
            // the analyzer cannot load (the answers still go out).
            let wanted = untrack(texts);
            let found = analyzer
                .analyze(None, wanted.clone())
                .await
                .unwrap_or_default();
            let analyses = Analyses::of(wanted, found);
            let text = state.attempts.with_untracked(|all| {
                let listed: Vec<Attempt> = all.iter().filter(|a| is_listed(a)).cloned().collect();
                let f = if drill.is_empty() {
                    HistoryFilter::All
                } else {
                    HistoryFilter::Drill(&drill)
                };
                export_history_with(&listed, f, &|t| analyses.of_text(t))
            });
            let name = if drill.is_empty() {
                format!("evident-history-{}.md", today())
            } else {
                format!("evident-{drill}-history-{}.md", today())
            };
            let _ = message.try_set(
                match download_text(&name, "text/markdown;charset=utf-8", &text) {
                    Ok(()) => format!("Downloaded {name}."),
                    Err(e) => format!("The file could not be downloaded: {e}."),
                },
            );
        });
    };
    let on_import = move |ev: leptos::ev::Event| {
        let Some((input, file)) = picked_file(&ev) else {
            return;
        };
        deleted.set(None);
        message.set(String::new());
        import_error.set(String::new());
        let bytes = file.size() as usize;
        if bytes > MAX_BACKUP_BYTES {
            import_error.set(ImportError::TooLarge { bytes }.to_string());
            input.set_value("");
            return;
        }
        spawn(async move {
            match read_file_text(&file).await {
                Err(e) => import_error.set(format!("The file could not be read: {e}.")),
                Ok(text) => match state.import_backup(&text) {
                    Ok(report) => message.set(describe_import(&report)),
                    Err(e) => import_error.set(e.to_string()),
                },
            }
            // Picking the same file again must fire `change` again.
            input.set_value("");
        });
    };

    view! {
        <section class="history">
            <h1>"History"</h1>
            <div class="history-toolbar">
                <label class="field drill-filter">
                    <span>"Drill"</span>
                    // The options before the value, so the value finds its option.
                    <select
                        inner_html=drill_options()
                        on:change=move |ev| filter.set(event_target_value(&ev))
                        prop:value=move || filter.get()
                    ></select>
                </label>
                <div class="row history-actions">
                    <button type="button" on:click=on_export_markdown>
                        {move || match filter_title() {
                            Some(t) => format!("Export {t} as Markdown"),
                            None => "Export all as Markdown".to_owned(),
                        }}
                    </button>
                    <button type="button" on:click=on_export_backup>"Export backup"</button>
                    <label class="button file-button">
                        "Import backup"
                        <input type="file" accept=".json,application/json" class="visually-hidden" on:change=on_import/>
                    </label>
                </div>
            </div>
            <div class="history-status" role="status">
                {move || match deleted.get() {
                    Some(a) => view! {
                        <p>
                            {format!(
                                "Deleted the {} attempt of {}. ",
                                a.drill_title(),
                                local_time(a.created_at_ms, a.tz_offset_minutes).date_time()
                            )}
                            <button type="button" node_ref=undo_ref on:click=on_undo>"Undo"</button>
                        </p>
                    }
                    .into_any(),
                    None => view! { <p>{move || message.get()}</p> }.into_any(),
                }}
            </div>
            <div class="import-error" role="alert">
                {move || (!import_error.with(String::is_empty)).then(|| view! { <p>{import_error.get()}</p> })}
            </div>

            <Progress analyses=analyses/>
            <Trends filter=filter/>

            <section aria-labelledby="attempts-heading" class="attempts">
                <h2 id="attempts-heading">"Attempts"</h2>
                <Show
                    when=move || !rows().is_empty()
                    fallback=|| view! { <p inner_html=NO_ATTEMPTS></p> }
                >
                    <ol class="history-list">
                        <For
                            each=rows
                            key=|row| row.clone()
                            children=move |row| {
                                let id = row.id.clone();
                                let name = format!("{}, {}", row.title, row.when);
                                view! {
                                    <li class="history-item">
                                        <h3><a href=Route::Attempt(row.id.clone()).href()>{name.clone()}</a></h3>
                                        {(!row.prompt.is_empty()).then(|| view! { <p class="excerpt">{row.prompt.clone()}</p> })}
                                        <p class="meta">
                                            {row.time.clone()}
                                            {(!row.finished).then_some(" · in progress")}
                                        </p>
                                        <p class="meta">{row.findings.clone()}</p>
                                        {row.scores.iter().map(|s| view! { <p class="meta scores">{s.clone()}</p> }).collect_view()}
                                        <button
                                            type="button"
                                            class="danger"
                                            aria-label=format!("Delete {name}")
                                            on:click=move |_| on_delete(id.clone())
                                        >"Delete"</button>
                                    </li>
                                }
                            }
                        />
                    </ol>
                </Show>
            </section>
        </section>
    }
}
