//! Getting notes out: the export actions of one attempt (download, copy,
//! share, preview) and the backup download shared by History and the banner.

use super::analysis::{use_analyses, use_analyzer, Analyses};
use super::state::{use_app_state, AppState};
use crate::core::export::{export_attempt_with, export_filename, local_time};
use crate::platform::clock::{now_ms, tz_offset_minutes};
use crate::platform::preview::{PreviewReply, PreviewWorker};
use crate::platform::share::{self, ShareError};
use crate::platform::task::spawn;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Today's local date, `YYYY-MM-DD`, for file names.
pub fn today() -> String {
    local_time(now_ms(), tz_offset_minutes()).date()
}

/// Downloads a full backup, reading storage in chunks (`progress` hears how
/// far), with the recordings' audio when `audio`; returns the file name or
/// why it failed.
pub async fn download_backup(
    state: AppState,
    audio: bool,
    progress: crate::core::store::Progress<'_>,
) -> Result<String, String> {
    let parts = state.export_backup(audio, progress).await;
    let name = format!("evident-backup-{}.json", today());
    share::download_parts(&name, "application/json", &parts)
        .map(|()| name)
        .map_err(|e| format!("The backup could not be downloaded: {e}."))
}

/// What the last export action did.
#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    None,
    Done(String),
    Problem(String),
    /// Copying was refused: the text is shown selected for copying by hand.
    CopyByHand(String),
}

/// The rendered preview, as far as the worker got.
#[derive(Clone, Debug, PartialEq)]
enum PreviewState {
    Waiting,
    Ready(String),
    Failed(String),
}

/// "Export Markdown", "Copy Markdown", "Share" and "Preview" for one attempt.
#[component]
pub fn ExportPanel(attempt_id: String) -> impl IntoView {
    let state = use_app_state();
    let id = StoredValue::new(attempt_id);
    let analyzer = use_analyzer();
    let wanted = move || {
        state.attempts.with(|all| {
            all.iter()
                .find(|a| a.id == id.get_value())
                .map(|a| vec![a.sections_to_analyse()])
                .unwrap_or_default()
        })
    };
    // Asked for as soon as the panel shows (the results above need the same
    // answers), so a click finds them cached and the preview follows edits.
    let analyses = use_analyses(wanted);
    // Built on demand: not on each keystroke in the notes unless the preview is open.
    let markdown_with = move |analyses: &Analyses| {
        state.attempts.with(|all| {
            all.iter().find(|a| a.id == id.get_value()).map(|a| {
                (
                    export_filename(a),
                    a.drill_title().to_owned(),
                    state
                        .summaries
                        .with(|pool| export_attempt_with(a, pool, &|s| analyses.of_sections(s))),
                )
            })
        })
    };
    // For a click: the analyses as soon as the worker has them (at once
    // from the cache); if it cannot load, the export goes out without
    // findings rather than not at all.
    let markdown = move || async move {
        let wanted = untrack(wanted);
        let found = analyzer
            .analyze(None, wanted.clone())
            .await
            .unwrap_or_default();
        let analyses = Analyses::of(wanted, found);
        untrack(|| markdown_with(&analyses))
    };
    let outcome = RwSignal::new(Outcome::None);
    let preview_open = RwSignal::new(false);
    let fallback_ref = NodeRef::<leptos::html::Textarea>::new();
    let can_share = share::can_share();

    let on_download = move |_| {
        state.flush();
        spawn(async move {
            let Some((name, _, text)) = markdown().await else {
                return;
            };
            let _ = outcome.try_set(
                match share::download_text(&name, "text/markdown;charset=utf-8", &text) {
                    Ok(()) => Outcome::Done(format!("Downloaded {name}.")),
                    Err(e) => Outcome::Problem(format!("The file could not be downloaded: {e}.")),
                },
            );
        });
    };
    let on_copy = move |_| {
        spawn(async move {
            let Some((_, _, text)) = markdown().await else {
                return;
            };
            match share::copy_text(&text).await {
                Ok(()) => outcome.set(Outcome::Done("Copied".into())),
                Err(_) => outcome.set(Outcome::CopyByHand(text)),
            }
        });
    };
    let on_share = move |_| {
        spawn(async move {
            let Some((_, title, text)) = markdown().await else {
                return;
            };
            match share::share_text(&format!("{title}: drill notes"), &text).await {
                Ok(()) => outcome.set(Outcome::Done("Shared.".into())),
                Err(e) if e.is_abort() => outcome.set(Outcome::None),
                Err(ShareError::Missing) => outcome.set(Outcome::Problem(
                    "Sharing is not available in this browser; use Export Markdown or Copy Markdown."
                        .into(),
                )),
                Err(e) => outcome.set(Outcome::Problem(format!("Sharing failed: {e}."))),
            }
        });
    };

    // The preview renders in a worker (see platform::preview), started the
    // first time the preview opens. Only the answer to the latest request is
    // shown, so a slow render never overwrites a newer one.
    let preview = RwSignal::new(PreviewState::Waiting);
    let worker = StoredValue::new_local(None::<PreviewWorker>);
    let latest = StoredValue::new(0u32);
    Effect::new(move |_| {
        if !preview_open.get() {
            return;
        }
        let Some(analyses) = analyses.get() else {
            return preview.set(PreviewState::Waiting);
        };
        let Some((_, _, md)) = markdown_with(&analyses) else {
            return;
        };
        if worker.with_value(Option::is_none) {
            let started = PreviewWorker::start(move |reply| match reply {
                PreviewReply::Html { id, html } if id == latest.get_value() => {
                    preview.set(PreviewState::Ready(html));
                }
                PreviewReply::Html { .. } => {}
                PreviewReply::Failed(why) => preview.set(PreviewState::Failed(why)),
            });
            match started {
                Ok(w) => worker.set_value(Some(w)),
                Err(why) => return preview.set(PreviewState::Failed(why)),
            }
        }
        latest.update_value(|n| *n += 1);
        worker.with_value(|w| {
            if let Some(w) = w {
                w.render(latest.get_value(), &md);
            }
        });
    });

    // Select the fallback text as soon as it appears, so copying by hand is
    // one gesture away.
    Effect::new(move |_| {
        if let Outcome::CopyByHand(text) = outcome.get() {
            if let Some(el) = fallback_ref.get() {
                // Set the value here, before selecting: a later write of a
                // different value would collapse the selection.
                el.set_value(&text);
                let _ = el.focus();
                el.select();
            }
        }
    });

    view! {
        <section class="export-panel" aria-labelledby="export-heading">
            <h2 id="export-heading">"Export"</h2>
            <div class="row export-actions">
                <button type="button" on:click=on_download>"Export Markdown"</button>
                <button type="button" on:click=on_copy>"Copy Markdown"</button>
                {can_share.then(|| view! {
                    <button type="button" on:click=on_share>"Share"</button>
                })}
                <button
                    type="button"
                    aria-expanded=move || preview_open.get().to_string()
                    aria-controls="export-preview"
                    on:click=move |_| preview_open.update(|o| *o = !*o)
                >"Preview"</button>
            </div>
            <p class="export-status" role="status">
                {move || match outcome.get() {
                    Outcome::Done(msg) | Outcome::Problem(msg) => msg,
                    Outcome::CopyByHand(_) => "Copying was not allowed here. The Markdown is selected below: copy it by hand (Ctrl+C, or long-press and Copy).".to_owned(),
                    Outcome::None => String::new(),
                }}
            </p>
            {move || match outcome.get() {
                Outcome::CopyByHand(text) => Some(view! {
                    <label class="field copy-fallback">
                        <span>"Markdown to copy"</span>
                        <textarea node_ref=fallback_ref readonly rows="10" prop:value=text></textarea>
                    </label>
                }),
                _ => None,
            }}
            <div id="export-preview" class="export-preview-wrap" hidden=move || !preview_open.get()>
                <Show when=move || preview_open.get()>
                    <h3>"Preview"</h3>
                    {move || match preview.get() {
                        PreviewState::Waiting => view! { <p class="muted" role="status">"Rendering the preview…"</p> }.into_any(),
                        PreviewState::Failed(why) => view! { <p class="preview-problem" role="status">{format!("Sorry, {why}. Export Markdown and Copy Markdown still work.")}</p> }.into_any(),
                        // SAFETY (XSS): this HTML comes from `render_preview` (in the
                        // preview worker), which writes only its own structural tags,
                        // escapes every piece of text, shows raw HTML as text, drops
                        // non-http(s)/mailto links and never loads images (see
                        // core::markdown and its injection tests). That guarantee is the
                        // only reason `inner_html` is acceptable here; do not pass
                        // anything else.
                        PreviewState::Ready(html) => view! { <div class="markdown-preview" inner_html=html></div> }.into_any(),
                    }}
                </Show>
            </div>
        </section>
    }
}

/// The `<input type=file>` of a change event.
pub fn picked_file(ev: &leptos::ev::Event) -> Option<(web_sys::HtmlInputElement, web_sys::File)> {
    let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
    let file = input.files()?.get(0)?;
    Some((input, file))
}
