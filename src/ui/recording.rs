//! A drill's spoken answer: Record, a recording indicator with the elapsed
//! time, Stop; then the recording to play, a timeline marking its pauses,
//! the measurements in plain words, Download and Delete, and the
//! transcript, an ordinary section (autosaved, analysed, exported).
//!
//! The microphone is asked for only when the user presses Record; a refusal
//! or a missing device is one plain sentence and the drill goes on in
//! writing. The audio stays in this browser (`platform::audio_store`).
//!
//! Where the browser can transcribe on the device (`platform::recognizer`
//! checks; never a cloud recogniser), the recogniser listens while the
//! recording runs and its text is added to the transcript on Stop, after
//! anything already typed; elsewhere the page says to type or paste it.

use super::clock::use_now;
use super::editor::SectionEditor;
use super::state::{database, use_app_state};
use super::workspace::{SectionModel, WorkspaceCx};
use crate::core::audio::metrics::{measure, SpeechMetrics};
use crate::core::audio::reading::{self, clock};
use crate::core::audio::recording::{audio_key, Recording, TranscriptSource};
use crate::core::audio::slot::SpokenSlot;
use crate::core::audio::transcript::{self, add_heard, RecognitionError, Support};
use crate::core::drills::Drill;
use crate::platform::clock::now_ms;
use crate::platform::recognizer::{Heard, Recognizer, WebSpeech};
use crate::platform::recorder::{MediaRecorderMic, Microphone};
use crate::platform::task::spawn;
use crate::platform::{audio_store, decode, share};
use leptos::prelude::*;

/// Where the recorder is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    Idle,
    /// Waiting for the permission prompt or the device.
    Asking,
    Recording {
        since_ms: i64,
    },
    /// Decoding and measuring.
    Measuring,
}

/// The workspace's models with the spoken slot's transcript placed after
/// the section it belongs to (or last).
pub fn with_transcript(
    drill: &'static Drill,
    slot: &SpokenSlot,
    mut models: Vec<SectionModel>,
    transcript: SectionModel,
) -> Vec<SectionModel> {
    let at = slot
        .after
        .and_then(|after| drill.sections.iter().position(|s| s.id == after))
        .map_or(models.len(), |i| (i + 1).min(models.len()));
    models.insert(at, transcript);
    models
}

/// An object URL for a stored recording; the one it replaces is revoked
/// once the player has let go of it (a player still on the page may read
/// its source once more while it is removed).
fn set_url(url: RwSignal<Option<String>>, blob: Option<&web_sys::Blob>) {
    if let Some(old) = url.try_get_untracked().flatten() {
        gloo_timers::callback::Timeout::new(5_000, move || {
            let _ = web_sys::Url::revoke_object_url(&old);
        })
        .forget();
    }
    let _ = url.try_set(blob.and_then(|b| web_sys::Url::create_object_url_with_blob(b).ok()));
}

fn extension(mime: &str) -> &'static str {
    match mime.split(';').next().unwrap_or_default() {
        "audio/ogg" => "ogg",
        "audio/mp4" => "m4a",
        "audio/wav" => "wav",
        _ => "webm",
    }
}

#[component]
pub fn SpokenAnswer(model: SectionModel, index: usize, spoken: SpokenSlot) -> impl IntoView {
    let state = use_app_state();
    let cx = expect_context::<WorkspaceCx>();
    let slot_id = spoken.transcript.id;
    // Read when a handler starts, never after an await: the task may end
    // after the drill screen (and the stored id with it) has gone.
    let key = move || audio_key(&cx.attempt_id.get_value(), slot_id);
    let phase = RwSignal::new(Phase::Idle);
    let problem = RwSignal::new(None::<String>);
    let url = RwSignal::new(None::<String>);
    let mic = StoredValue::new_local(None::<MediaRecorderMic>);
    let listener = StoredValue::new_local(None::<WebSpeech>);
    let support = RwSignal::new(Support::Checking);
    // Whether this recording's transcript went after typed text (for the note).
    let appended = RwSignal::new(false);
    let now = use_now();

    let recording = move || {
        state.attempts.with(|all| {
            all.iter()
                .find(|a| a.id == cx.attempt_id.get_value())
                .and_then(|a| a.recording(slot_id).cloned())
        })
    };
    // A recording made before a reload: its audio from the store.
    let stored = key();
    spawn(async move {
        if let Ok(Some(blob)) = audio_store::get(&database(), &stored).await {
            set_url(url, Some(&blob));
        }
    });
    on_cleanup(move || set_url(url, None));
    // Say up front which case applies; Record checks again before starting.
    spawn(async move {
        let on_device = WebSpeech::on_device(transcript::LANG).await;
        let _ = support.try_set(if on_device {
            Support::OnDevice
        } else {
            Support::NotOnDevice
        });
    });

    let on_record = move |_| {
        problem.set(None);
        phase.set(Phase::Asking);
        spawn(async move {
            match MediaRecorderMic::start().await {
                Ok(m) => {
                    mic.set_value(Some(m));
                    let since_ms = now_ms();
                    phase.set(Phase::Recording { since_ms });
                    // Only a recogniser guaranteed to run on the device
                    // starts; a Stop pressed meanwhile lets it go at once.
                    if let Some(s) = WebSpeech::start(transcript::LANG).await {
                        if phase.try_get_untracked() == Some(Phase::Recording { since_ms }) {
                            listener.set_value(Some(s));
                        }
                    }
                }
                Err(e) => {
                    problem.set(Some(e.to_string()));
                    phase.set(Phase::Idle);
                }
            }
        });
    };
    let on_stop = move |_| {
        let (key, attempt) = (key(), cx.attempt_id.get_value());
        let Some(m) = mic.try_update_value(Option::take).flatten() else {
            return;
        };
        // The recogniser stops listening now, with the microphone.
        let hearing = listener
            .try_update_value(Option::take)
            .flatten()
            .map(WebSpeech::stop);
        phase.set(Phase::Measuring);
        spawn(async move {
            let finished = async {
                let captured = m.stop().await?;
                let samples = decode::decode(&captured.blob).await?;
                Ok::<_, crate::core::audio::recording::MicError>((captured, samples))
            }
            .await;
            let heard = match hearing {
                Some(h) => Some(h.await),
                None => None,
            };
            match finished {
                Ok((captured, samples)) => {
                    let metrics = measure(&samples, decode::SAMPLE_RATE as u32);
                    if let Err(e) = audio_store::put(&database(), &key, &captured.blob).await {
                        problem.set(Some(format!(
                            "The recording could not be kept in this browser ({e}); its measurements are saved."
                        )));
                    }
                    set_url(url, Some(&captured.blob));
                    let recording = Recording {
                        slot: slot_id.to_owned(),
                        mime: captured.mime,
                        bytes: captured.blob.size() as u64,
                        recorded_at_ms: now_ms(),
                        metrics,
                        transcript_source: TranscriptSource::Typed,
                    };
                    // The heard text joins the section as it is now, so
                    // words typed while recording are kept before it.
                    let mut made = None;
                    state.edit(&attempt, |a| {
                        let at = now_ms();
                        let mut recording = recording;
                        if let Some((text, after_typed)) = heard
                            .as_ref()
                            .and_then(|h| add_heard(a.section_text(slot_id), &h.text))
                        {
                            a.set_section(slot_id, text, at);
                            recording.transcript_source = TranscriptSource::OnDevice;
                            made = Some(after_typed);
                        }
                        a.set_recording(recording, at);
                    });
                    match (made, heard) {
                        (Some(after_typed), _) => appended.set(after_typed),
                        (None, Some(Heard { error, .. })) => {
                            let why = error.unwrap_or(RecognitionError::NoSpeech);
                            problem.update(|p| {
                                p.get_or_insert_with(|| why.to_string());
                            });
                        }
                        (None, None) => {}
                    }
                }
                Err(e) => problem.set(Some(e.to_string())),
            }
            phase.set(Phase::Idle);
        });
    };
    let on_delete = move |_| {
        let (key, attempt) = (key(), cx.attempt_id.get_value());
        spawn(async move {
            if let Err(e) = audio_store::delete(&database(), &key).await {
                problem.set(Some(format!("The recording could not be deleted ({e}).")));
                return;
            }
            set_url(url, None);
            state.edit(&attempt, |a| a.remove_recording(slot_id, now_ms()));
        });
    };
    let on_download = move |_| {
        let key = key();
        spawn(async move {
            let Ok(Some(blob)) = audio_store::get(&database(), &key).await else {
                problem.set(Some(
                    "The recording's audio is not in this browser.".to_owned(),
                ));
                return;
            };
            let name = format!("evident-{slot_id}.{}", extension(&blob.type_()));
            if let Err(e) = share::download_blob(&name, &blob) {
                problem.set(Some(e.to_string()));
            }
        });
    };

    let elapsed = move || match phase.get() {
        Phase::Recording { since_ms } => clock((now.get() - since_ms).max(0) as u32),
        _ => String::new(),
    };
    let heading_id = format!("{slot_id}-heading");
    let labelled_by = heading_id.clone();

    view! {
        <section class="spoken" aria-labelledby=labelled_by>
            <h3 id=heading_id>"Spoken answer"</h3>
            <p class="muted">"Recorded and measured on this device; the audio never leaves it."</p>
            <div class="row">
                {move || match phase.get() {
                    Phase::Idle => view! {
                        <button on:click=on_record>
                            {move || if recording().is_some() { "Record again" } else { "Record spoken answer" }}
                        </button>
                    }.into_any(),
                    Phase::Asking => view! {
                        <button disabled=true>"Waiting for the microphone…"</button>
                    }.into_any(),
                    Phase::Recording { .. } => view! {
                        <button class="stop" on:click=on_stop>"Stop recording"</button>
                        <span class="recording-dot" aria-hidden="true"></span>
                        <span class="clock small" role="timer" aria-label="Recording time">{elapsed}</span>
                    }.into_any(),
                    Phase::Measuring => view! {
                        <button disabled=true>"Measuring…"</button>
                    }.into_any(),
                }}
            </div>
            <p class="recorder-status" role="status" aria-live="polite">
                {move || match phase.get() {
                    Phase::Recording { .. } => "Recording",
                    Phase::Measuring => "Measuring the recording",
                    _ => "",
                }}
            </p>
            {move || problem.get().map(|p| view! { <p class="recorder-problem" role="alert">{p}</p> })}
            {move || recording().map(|r| view! {
                <RecordingView recording=r limit_ms=spoken.limit_ms url=url.read_only()/>
                <div class="row">
                    <button on:click=on_download>"Download recording"</button>
                    <button on:click=on_delete>"Delete recording"</button>
                </div>
            })}
            <p class="muted transcript-note" role="status" aria-live="polite">
                {move || match recording().map(|r| r.transcript_source) {
                    Some(TranscriptSource::OnDevice) => transcript::made_note(appended.get()),
                    _ => support.get().note(),
                }}
            </p>
            <SectionEditor model=model index=index/>
        </section>
    }
}

/// The player, the timeline and the measurements of one recording.
#[component]
fn RecordingView(
    recording: Recording,
    limit_ms: Option<u32>,
    url: ReadSignal<Option<String>>,
) -> impl IntoView {
    let m = recording.metrics;
    let lines = reading::lines(&m, limit_ms);
    view! {
        {move || match url.get() {
            Some(src) => view! { <audio controls=true src=src aria-label="Play the recording"></audio> }.into_any(),
            None => view! { <p class="muted">"The audio of this recording is not in this browser; its measurements are kept."</p> }.into_any(),
        }}
        <Timeline metrics=m.clone()/>
        <ul class="speech-metrics" aria-label="Measurements of the recording">
            {lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
        </ul>
    }
}

/// The recording as a bar, its pauses marked (SVG attributes, no inline
/// styles, so the strict CSP holds).
#[component]
fn Timeline(metrics: SpeechMetrics) -> impl IntoView {
    let total = metrics.duration_ms.max(1) as f64;
    let x = move |ms: u32| format!("{:.1}", f64::from(ms) / total * 1000.0);
    let label = match metrics.pauses.len() {
        0 => "Timeline: no pauses of a second or more".to_owned(),
        _ => format!(
            "Timeline: pauses at {}",
            metrics
                .pauses
                .iter()
                .map(|p| format!("{} ({})", clock(p.start_ms), reading::seconds(p.len_ms())))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    let first = metrics.first_word_ms.unwrap_or(metrics.duration_ms);
    view! {
        <svg class="timeline" role="img" aria-label=label viewBox="0 0 1000 20" preserveAspectRatio="none">
            <rect class="timeline-track" x="0" y="6" width="1000" height="8"></rect>
            <rect class="timeline-lead" x="0" y="6" width=x(first) height="8"></rect>
            {metrics.pauses.iter().map(|p| view! {
                <rect class="timeline-pause" x=x(p.start_ms) y="0" width=x(p.len_ms()) height="20"></rect>
            }).collect_view()}
        </svg>
    }
}
