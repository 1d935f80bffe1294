//! History: every attempt worth keeping, newest first, a page at a time,
//! with a drill filter and a text search, progress and trends (`progress`),
//! delete with undo, Markdown export of the list, the full backup (export
//! and import, with progress), and what storage holds and whether it is kept.
//!
//! Built for years of practice: the list, filter, progress and trends read
//! only the attempts' summaries; only the visible page is read in full.

use super::analysis::{use_analyses, use_analyzer, Analyses};
use super::attempt::TimeSummary;
use super::export::{download_backup, picked_file, today};
use super::progress::{Progress, Trends};
use super::state::{database, use_app_state};
use crate::core::attempt::{counts_line, finding_counts, Attempt};
use crate::core::drills::{self, DRILLS};
use crate::core::export::{export_history_with, local_time, thousands, HistoryFilter};
use crate::core::markdown::escape_into;
use crate::core::route::Route;
use crate::core::rubric;
use crate::core::schema::{ImportError, ImportReport, ImportStage, MAX_BACKUP_BYTES};
use crate::platform::audio_store;
use crate::platform::share::{download_text, read_file_text};
use crate::platform::storage::Persistence;
use crate::platform::task::spawn;
use leptos::prelude::*;

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
            let counts = finding_counts(&a.analyze_sections_with(&|s| analyses.of_sections(s)));
            counts_line(&counts).unwrap_or_else(|| "No findings".to_owned())
        }
        None if a.sections.values().all(|t| t.trim().is_empty()) => "No findings".to_owned(),
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
    if r.recordings_restored > 0 {
        parts.push(format!(
            "{} recording{} restored",
            r.recordings_restored,
            if r.recordings_restored == 1 { "" } else { "s" }
        ));
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

/// How many attempts a page of the list shows ("Show more" adds as many).
const PAGE: usize = 50;

/// Bytes in words, with one decimal computed in integers (float formatting
/// would add about 15 KB to the wasm).
fn bytes_text(bytes: f64) -> String {
    let b = bytes.max(0.0) as u64;
    let (unit, size) = match b {
        0..=999_999 => ("KB", 1_000u64),
        1_000_000..=999_999_999 => ("MB", 1_000_000),
        _ => ("GB", 1_000_000_000),
    };
    let tenths = b * 10 / size;
    format!("{}.{} {unit}", tenths / 10, tenths % 10)
}

/// The storage facts shown next to backup.
fn usage_line(usage: Option<(f64, f64)>, attempts: usize) -> String {
    let count = format!(
        "{} attempt{}",
        thousands(attempts),
        if attempts == 1 { "" } else { "s" }
    );
    match usage {
        Some((used, quota)) => format!(
            "{count} stored, using {} of the {} this browser allows Evident.",
            bytes_text(used),
            bytes_text(quota)
        ),
        None => format!("{count} stored."),
    }
}

/// The "Include recordings" label: how many there are and what they add
/// to the file (base64 carries 3 bytes in 4 characters).
fn recordings_label(stored: Option<(u32, f64)>) -> String {
    match stored {
        None => "Include recordings".to_owned(),
        Some((0, _)) => "Include recordings (none stored)".to_owned(),
        Some((n, bytes)) => format!(
            "Include recordings ({n} recording{}, adds about {})",
            if n == 1 { "" } else { "s" },
            bytes_text(bytes * 4.0 / 3.0)
        ),
    }
}

/// A progress bar's state: what is happening and how far (0–100).
#[derive(Clone, Debug, PartialEq)]
struct Busy {
    label: &'static str,
    text: String,
    percent: u32,
}

fn percent(done: usize, total: usize) -> u32 {
    (done.min(total) * 100).checked_div(total).unwrap_or(100) as u32
}

#[component]
pub fn HistoryScreen() -> impl IntoView {
    let state = use_app_state();
    let analyzer = use_analyzer();
    let filter = RwSignal::new(String::new());
    let query = RwSignal::new(String::new());
    // Ids matching the text search (None: no search), and its status line.
    let hits = RwSignal::new(None::<Vec<String>>);
    let search_status = RwSignal::new(String::new());
    let search_run = StoredValue::new(0u32);
    let shown = RwSignal::new(PAGE);
    let message = RwSignal::new(String::new());
    let import_error = RwSignal::new(String::new());
    let deleted = RwSignal::new(None::<Attempt>);
    let busy = RwSignal::new(None::<Busy>);
    // Off unless asked for: the audio can be most of a backup's size.
    let include_audio = RwSignal::new(false);
    let recordings = RwSignal::new(None::<(u32, f64)>);
    let count_recordings = move || {
        spawn(async move {
            if let Ok(found) = audio_store::usage(&database()).await {
                let _ = recordings.try_set(Some(found));
            }
        })
    };
    count_recordings();
    // The undo window closes when its message goes (another action, or
    // this screen left): the deleted recordings' copies go with it.
    Effect::new(move |_| {
        if deleted.with(Option::is_none) {
            state.forget_deleted();
        }
    });
    on_cleanup(move || state.forget_deleted());

    // Ids of the listed attempts, newest first: summaries only, so ten
    // thousand attempts cost a filter, not a read of their text.
    let listed = Memo::new(move |_| {
        let drill = filter.get();
        hits.with(|hits| {
            state.summaries.with(|all| {
                all.iter()
                    .filter(|a| a.is_listed() && (drill.is_empty() || a.drill_id == drill))
                    .filter(|a| hits.as_ref().is_none_or(|h| h.contains(&a.id)))
                    .map(|a| a.id.clone())
                    .collect::<Vec<_>>()
            })
        })
    });
    let page = Memo::new(move |_| {
        let n = shown.get();
        listed.with(|ids| ids.iter().take(n).cloned().collect::<Vec<_>>())
    });
    // The visible page is read in full (its findings need the text), and
    // analysed by the analysis worker.
    Effect::new(move |_| state.ensure_loaded(page.get()));
    let analyses = use_analyses(move || {
        page.with(|ids| {
            state.attempts.with(|all| {
                ids.iter()
                    .filter_map(|id| all.iter().find(|a| a.id == *id))
                    .map(Attempt::sections_to_analyse)
                    .collect()
            })
        })
    });
    // A plain closure: `<For>` diffs by key.
    let rows = move || {
        let analyses = analyses.get();
        page.with(|ids| {
            state.attempts.with(|all| {
                ids.iter()
                    .filter_map(|id| all.iter().find(|a| a.id == *id))
                    .map(|a| row_of(a, analyses.as_ref()))
                    .collect::<Vec<_>>()
            })
        })
    };
    let count_line = move || {
        let total = listed.with(Vec::len);
        let showing = shown.get().min(total);
        (total > 0).then(|| {
            if showing < total {
                format!(
                    "Showing the newest {} of {} attempts.",
                    thousands(showing),
                    thousands(total)
                )
            } else {
                format!(
                    "{} attempt{}.",
                    thousands(total),
                    if total == 1 { "" } else { "s" }
                )
            }
        })
    };
    let filter_title = move || {
        let id = filter.get();
        drills::drill(&id).map(|d| d.title)
    };

    let on_search = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        query.set(text.clone());
        shown.set(PAGE);
        let run = search_run.get_value() + 1;
        search_run.set_value(run);
        if text.trim().is_empty() {
            hits.set(None);
            search_status.set(String::new());
            return;
        }
        let total = state.summaries.with_untracked(Vec::len);
        search_status.set("Searching…".to_owned());
        spawn(async move {
            let wanted = move || search_run.try_get_value() == Some(run);
            let result = state
                .search(
                    text.trim().to_owned(),
                    move |found, read| {
                        if !wanted() {
                            return;
                        }
                        let n = found.len();
                        hits.set(Some(found));
                        search_status.set(if read < total {
                            format!(
                                "Searching… {} of {} attempts read.",
                                thousands(read),
                                thousands(total)
                            )
                        } else {
                            format!(
                                "{} {} “{}”.",
                                thousands(n),
                                if n == 1 {
                                    "attempt contains"
                                } else {
                                    "attempts contain"
                                },
                                text.trim()
                            )
                        });
                    },
                    wanted,
                )
                .await;
            if let Err(e) = result {
                search_status.set(format!("The search stopped: {e}."));
            }
        });
    };

    let on_delete = move |id: String| {
        let Some(attempt) = state.attempt(&id) else {
            return;
        };
        message.set(String::new());
        state.delete(&id);
        deleted.set(Some(attempt));
        count_recordings();
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
            // Takes the kept recordings before the message (and with it the
            // undo window) goes.
            let undo = state.undo_delete(attempt);
            deleted.set(None);
            spawn(async move {
                let restored = undo.await;
                let _ = message.try_set(match restored {
                    Ok(()) => format!("Restored the {title} attempt."),
                    Err(e) => format!("Restored the {title} attempt, but not its recording: {e}."),
                });
                count_recordings();
            });
        }
    };
    let on_export_backup = move |_| {
        if busy.with_untracked(Option::is_some) {
            return;
        }
        deleted.set(None);
        import_error.set(String::new());
        message.set(String::new());
        let with_audio = include_audio.get_untracked();
        spawn(async move {
            let progress = move |done: usize, total: usize| {
                busy.set(Some(Busy {
                    label: "Export progress",
                    text: format!(
                        "Reading attempts: {} of {}.",
                        thousands(done),
                        thousands(total)
                    ),
                    percent: percent(done, total),
                }))
            };
            let result = download_backup(state, with_audio, &progress).await;
            busy.set(None);
            message.set(match result {
                Ok(name) => format!("Downloaded {name}."),
                Err(e) => e,
            });
        });
    };
    let on_export_markdown = move |_| {
        deleted.set(None);
        state.flush();
        let drill = filter.get_untracked();
        let ids = listed.get_untracked();
        spawn(async move {
            let listed = state.read_attempts(ids).await;
            // At once when the list's analyses are cached; without findings
            // if the analyzer cannot load (the answers still go out).
            let wanted: Vec<_> = listed.iter().map(Attempt::sections_to_analyse).collect();
            let found = analyzer
                .analyze(None, wanted.clone())
                .await
                .unwrap_or_default();
            let analyses = Analyses::of(wanted, found);
            let f = if drill.is_empty() {
                HistoryFilter::All
            } else {
                HistoryFilter::Drill(&drill)
            };
            // The gates count every drill's rounds, so the pool is every
            // summary, not just the attempts written out.
            let text = state.summaries.with_untracked(|all| {
                export_history_with(&listed, all, f, &|s| analyses.of_sections(s))
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
        busy.set(Some(Busy {
            label: "Import progress",
            text: "Reading the file…".to_owned(),
            percent: 0,
        }));
        spawn(async move {
            match read_file_text(&file).await {
                Err(e) => import_error.set(format!("The file could not be read: {e}.")),
                Ok(text) => {
                    let progress = move |stage: ImportStage| {
                        busy.set(Some(match stage {
                            ImportStage::Checking { done, total } => Busy {
                                label: "Import progress",
                                text: format!("Checking the file: {}%.", percent(done, total)),
                                percent: percent(done, total) / 2,
                            },
                            ImportStage::Saving { done, total } => Busy {
                                label: "Import progress",
                                text: format!(
                                    "Saving: {} of {} records.",
                                    thousands(done),
                                    thousands(total)
                                ),
                                percent: 50 + percent(done, total) / 2,
                            },
                        }))
                    };
                    match state.import_backup(&text, &progress).await {
                        Ok(report) => {
                            message.set(describe_import(&report));
                            if !report.recording_problems.is_empty() {
                                import_error.set(format!(
                                    "Some recordings were not imported:\n- {}",
                                    report.recording_problems.join("\n- ")
                                ));
                            }
                            count_recordings();
                        }
                        Err(e) => import_error.set(e.to_string()),
                    }
                }
            }
            busy.set(None);
            // Picking the same file again must fire `change` again.
            input.set_value("");
        });
    };
    let persistence_line = move || {
        match state.persistence.get() {
        Persistence::Persistent => {
            "Persistent storage is on: the browser will not clear your practice to free space."
        }
        Persistence::BestEffort => {
            "Persistent storage is off: the browser may clear this site's storage when space runs low or after weeks unused. Export a backup now and then."
        }
        Persistence::Unknown => {
            "This browser does not say whether it keeps this site's storage. Export a backup now and then."
        }
    }
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
                        on:change=move |ev| {
                            shown.set(PAGE);
                            filter.set(event_target_value(&ev));
                        }
                        prop:value=move || filter.get()
                    ></select>
                </label>
                <label class="field history-search">
                    <span>"Search text"</span>
                    <input type="search" on:change=on_search prop:value=move || query.get()/>
                </label>
                <div class="row history-actions">
                    <button type="button" on:click=on_export_markdown>
                        {move || match filter_title() {
                            Some(t) => format!("Export {t} as Markdown"),
                            None => "Export all as Markdown".to_owned(),
                        }}
                    </button>
                    <label class="include-audio">
                        <input
                            type="checkbox"
                            prop:checked=move || include_audio.get()
                            on:change=move |ev| include_audio.set(event_target_checked(&ev))
                        />
                        {move || recordings_label(recordings.get())}
                    </label>
                    <button type="button" on:click=on_export_backup>"Export backup"</button>
                    <label class="button file-button">
                        "Import backup"
                        <input type="file" accept=".json,application/json" class="visually-hidden" on:change=on_import/>
                    </label>
                </div>
            </div>
            <section aria-labelledby="storage-heading" class="storage-info">
                <h2 id="storage-heading">"Storage"</h2>
                <p>{move || usage_line(state.usage.get(), state.summaries.with(Vec::len))}</p>
                <p class=move || if state.persistence.get() == Persistence::Persistent { "" } else { "nudge" }>
                    {persistence_line}
                </p>
            </section>
            {move || busy.get().map(|b| view! {
                <div class="busy">
                    <progress max="100" value=b.percent aria-label=b.label></progress>
                    <span>{b.text}</span>
                </div>
            })}
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

            <Progress/>
            <Trends filter=filter/>

            <section aria-labelledby="attempts-heading" class="attempts">
                <h2 id="attempts-heading">"Attempts"</h2>
                <p class="meta" role="status">{move || search_status.get()}</p>
                <Show
                    when=move || !listed.with(Vec::is_empty)
                    fallback=|| view! { <p inner_html=NO_ATTEMPTS></p> }
                >
                    <p class="meta">{count_line}</p>
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
                    {move || (shown.get() < listed.with(Vec::len)).then(|| view! {
                        <button type="button" on:click=move |_| shown.update(|n| *n += PAGE)>"Show more attempts"</button>
                    })}
                </Show>
            </section>
        </section>
    }
}
