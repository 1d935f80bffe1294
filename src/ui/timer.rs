//! The drill clock: a countdown with role `timer`, its controls, and the
//! time's-up cues (vibration, a flashing title, an optional tone) plus a
//! screen wake lock while the drill runs.

use super::drill::StepTracker;
use super::state::use_app_state;
use crate::core::timer::{format_clock, Phase, Timer};
use crate::platform::{clock::now_ms, cues};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::cell::RefCell;

/// What the countdown shows: remaining time, or "+m:ss" in overtime.
fn clock_text(timer: &Timer, now: i64) -> String {
    match timer.phase(now) {
        Phase::Finished => timer.actual_ms().map(format_clock).unwrap_or_default(),
        _ => format_clock(timer.remaining_ms(now)),
    }
}

/// The timer of one attempt. `now` ticks; `title` is the drill title for the page title.
#[component]
pub fn TimerPanel(
    attempt_id: String,
    now: ReadSignal<i64>,
    title: &'static str,
    /// Called after the user finishes the drill.
    on_finish: Callback<()>,
) -> impl IntoView {
    let state = use_app_state();
    let id = StoredValue::new(attempt_id);
    // A plain closure: `phase` below is the memo the effects hang on, and the
    // clock text changes every tick anyway.
    let timer = move || {
        state.attempts.with(|all| {
            all.iter()
                .find(|a| a.id == id.get_value())
                .map(|a| a.timer.clone())
        })
    };
    let phase = Memo::new(move |_| timer().map_or(Phase::NotStarted, |t| t.phase(now.get())));
    let text = move || {
        timer()
            .map(|t| clock_text(&t, now.get()))
            .unwrap_or_default()
    };

    let tracker = use_context::<StepTracker>();
    let act = move |change: fn(&mut Timer, i64) -> bool| {
        // Time up to a pause or the finish goes to the step being edited.
        if let Some(t) = tracker {
            t.credit(state, &id.get_value(), None, 0);
        }
        let at = now_ms();
        state.edit(&id.get_value(), |a| {
            if change(&mut a.timer, at) {
                a.touch(at);
            }
        });
    };

    Effect::new(move |_| {
        let title_text = if phase.get() == Phase::Overtime {
            let flash = if (now.get() / 1000) % 2 == 0 {
                "●"
            } else {
                "○"
            };
            format!("{flash} Time's up · {title} · Evident")
        } else {
            format!("{title} · Evident")
        };
        cues::set_title(&title_text);
    });
    on_cleanup(|| cues::set_title("Evident"));

    // Keep the screen awake while the clock runs; re-acquire when visible again.
    let wake_lock = SendWrapper::new(RefCell::new(None::<js_sys::Promise>));
    let wake_lock = StoredValue::new(wake_lock);
    let sync_wake_lock = move || {
        let running = matches!(phase.get_untracked(), Phase::Running | Phase::Overtime);
        wake_lock.with_value(|slot| {
            let mut slot = slot.borrow_mut();
            match (running && cues::page_visible(), slot.take()) {
                (true, None) => *slot = cues::request_wake_lock(),
                (true, Some(held)) => *slot = Some(held),
                (false, Some(held)) => cues::release_wake_lock(&held),
                (false, None) => {}
            }
        });
    };
    // Cues: once when the deadline passes while watching; the title flashes
    // for as long as the drill is in overtime.
    let seen_running = StoredValue::new(false);
    Effect::new(move |_| {
        let phase = phase.get();
        match phase {
            Phase::Running => seen_running.set_value(true),
            Phase::Overtime if seen_running.get_value() => {
                seen_running.set_value(false);
                cues::vibrate(&[200, 100, 200]);
                if state.prefs.with_untracked(|p| p.tone) {
                    cues::play_tone();
                }
            }
            _ => {}
        }
        // One effect for both: each follows the phase alone.
        sync_wake_lock();
    });
    let visibility = window_event_listener(leptos::ev::visibilitychange, move |_| {
        // The browser drops the lock when the page hides; take it again on return.
        wake_lock.with_value(|slot| {
            slot.borrow_mut().take();
        });
        sync_wake_lock();
    });
    on_cleanup(move || {
        visibility.remove();
        wake_lock.with_value(|slot| {
            if let Some(held) = slot.borrow_mut().take() {
                cues::release_wake_lock(&held);
            }
        });
    });

    let phase_label = move || match phase.get() {
        Phase::NotStarted => "Ready when you are",
        Phase::Running => "Running",
        Phase::Paused => "Paused",
        Phase::Overtime => "Overtime: keep going or finish",
        Phase::Finished => "Finished",
    };

    view! {
        <section class="timer-panel" class:overtime=move || phase.get() == Phase::Overtime aria-label="Drill clock">
            <div class="clock" role="timer" aria-label="Time left" aria-live="off">{text}</div>
            <p class="phase" aria-live="polite">{phase_label}</p>
            <div class="timer-controls">
                <Show when=move || phase.get() == Phase::NotStarted>
                    <button class="primary" on:click=move |_| { act(Timer::start); }>"Start drill"</button>
                </Show>
                <Show when=move || matches!(phase.get(), Phase::Running | Phase::Overtime)>
                    <button on:click=move |_| { act(Timer::pause); }>"Pause"</button>
                </Show>
                <Show when=move || phase.get() == Phase::Paused>
                    <button class="primary" on:click=move |_| { act(Timer::resume); }>"Resume"</button>
                </Show>
                <Show when=move || matches!(phase.get(), Phase::Running | Phase::Paused | Phase::Overtime)>
                    <button on:click=move |_| {
                        state.edit(&id.get_value(), |a| {
                            if a.timer.add_minute() {
                                a.touch(now_ms());
                            }
                        });
                    }>"Add a minute"</button>
                    <button class="primary" on:click=move |_| {
                        act(Timer::finish);
                        state.flush();
                        on_finish.run(());
                    }>"Finish drill"</button>
                </Show>
            </div>
        </section>
        <label class="tone-setting">
                <input
                    type="checkbox"
                    prop:checked=move || state.prefs.with(|p| p.tone)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        state.edit_prefs(|p| p.tone = on);
                    }
                />
            "Tone when time is up"
        </label>
    }
}
