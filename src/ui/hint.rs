//! Hint recovery's interrupt: a modal dialog with the new constraint, shown
//! once the drill's active time reaches the stored moment (so a reload never
//! moves it), until the user continues. The moment lies in the second half of
//! the Answer step, as the steps say.

use super::drill::StepTracker;
use super::state::use_app_state;
use crate::platform::clock::now_ms;
use leptos::html::Dialog;
use leptos::prelude::*;

#[component]
pub fn HintDialog(attempt_id: String, now: ReadSignal<i64>) -> impl IntoView {
    let state = use_app_state();
    let id = StoredValue::new(attempt_id);
    // A plain closure: the effect below is idempotent, the text cheap.
    let due = move || {
        let now = now.get();
        state.attempts.with(|all| {
            all.iter().find(|a| a.id == id.get_value()).and_then(|a| {
                let hint = a.hint.as_ref()?;
                let reached = a.is_started()
                    && !a.is_finished()
                    && a.timer.active_elapsed_ms(now) >= hint.at_active_ms;
                (reached && !hint.acknowledged).then(|| hint.text.clone())
            })
        })
    };
    let dialog = NodeRef::<Dialog>::new();
    Effect::new(move |_| {
        let open = due().is_some();
        if let Some(el) = dialog.get() {
            if open && !el.open() {
                let _ = el.show_modal();
            } else if !open && el.open() {
                el.close();
            }
        }
    });
    let tracker = use_context::<StepTracker>();
    let acknowledge = move || {
        // The time since the hint appeared goes to "Take the hint".
        if let Some(t) = tracker {
            t.credit(state, &id.get_value(), None, 0);
        }
        state.edit(&id.get_value(), |a| {
            if let Some(h) = a.hint.as_mut() {
                h.acknowledged = true;
            }
            a.touch(now_ms());
        });
        state.flush();
    };
    view! {
        <dialog
            node_ref=dialog
            class="hint-dialog"
            aria-labelledby="hint-heading"
            on:cancel=move |ev: web_sys::Event| {
                ev.prevent_default();
                acknowledge();
            }
        >
            <h2 id="hint-heading">"New information"</h2>
            <p class="hint-text">{move || due().unwrap_or_default()}</p>
            <p class="muted">
                "Pause, restate the constraint in your own words, say what changes in your plan, and continue. One apology at most."
            </p>
            <button class="primary" autofocus on:click=move |_| acknowledge()>
                "Continue with the new constraint"
            </button>
        </dialog>
    }
}
