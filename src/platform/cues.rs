//! Attention cues for the drill clock: vibration, the page title, a short tone,
//! and the Screen Wake Lock. Every one is optional in browsers, so each call
//! quietly does nothing where the API is missing or refused.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Vibrates once for `ms` where supported (most Android phones).
pub fn vibrate(pattern_ms: &[u32]) {
    if let Some(window) = web_sys::window() {
        let pattern = js_sys::Array::new();
        for ms in pattern_ms {
            pattern.push(&JsValue::from(*ms));
        }
        let _ = window.navigator().vibrate_with_pattern(&pattern);
    }
}

/// Sets `document.title`.
pub fn set_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

/// Plays a short two-note tone through Web Audio (when the user enabled it).
pub fn play_tone() {
    let Ok(ctx) = web_sys::AudioContext::new() else {
        return;
    };
    let now = ctx.current_time();
    for (i, freq) in [880.0_f32, 660.0].into_iter().enumerate() {
        let (Ok(osc), Ok(gain)) = (ctx.create_oscillator(), ctx.create_gain()) else {
            return;
        };
        let start = now + i as f64 * 0.25;
        osc.frequency().set_value(freq);
        gain.gain().set_value(0.15);
        let _ = gain.gain().linear_ramp_to_value_at_time(0.0, start + 0.22);
        let _ = osc.connect_with_audio_node(&gain);
        let _ = gain.connect_with_audio_node(&ctx.destination());
        let _ = osc.start_with_when(start);
        let _ = osc.stop_with_when(start + 0.24);
    }
}

/// Whether the page is visible (a wake lock can only be taken then).
pub fn page_visible() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_none_or(|d| d.visibility_state() == web_sys::VisibilityState::Visible)
}

/// Asks for a screen wake lock; returns the pending request, or `None` where
/// the API is missing. Released by [`release_wake_lock`].
pub fn request_wake_lock() -> Option<Promise> {
    let navigator = web_sys::window()?.navigator();
    let wake_lock = Reflect::get(&navigator, &JsValue::from_str("wakeLock")).ok()?;
    if wake_lock.is_undefined() {
        return None;
    }
    let request: Function = Reflect::get(&wake_lock, &JsValue::from_str("request"))
        .ok()?
        .dyn_into()
        .ok()?;
    let promise: Promise = request
        .call1(&wake_lock, &JsValue::from_str("screen"))
        .ok()?
        .dyn_into()
        .ok()?;
    // A refusal (page hidden, battery saver) is not an error worth reporting.
    let ignore = Closure::<dyn FnMut(JsValue)>::new(|_: JsValue| {});
    let guarded = promise.catch(&ignore);
    // The callback must outlive the promise; it is tiny and runs at most once.
    ignore.forget();
    Some(guarded)
}

/// Releases a lock obtained by [`request_wake_lock`] once it has resolved.
pub fn release_wake_lock(pending: &Promise) {
    let release = Closure::<dyn FnMut(JsValue)>::new(|sentinel: JsValue| {
        if let Ok(release) = Reflect::get(&sentinel, &JsValue::from_str("release")) {
            if let Ok(release) = release.dyn_into::<Function>() {
                let _ = release.call0(&sentinel);
            }
        }
    });
    let _ = pending.then(&release);
    release.forget();
}
