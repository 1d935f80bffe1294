//! A ticking `now` for the screens that show a clock. The tick only prompts a
//! re-render; every displayed time is computed from wall-clock instants.

use crate::platform::clock::now_ms;
use gloo_timers::callback::Interval;
use leptos::prelude::*;
use send_wrapper::SendWrapper;

/// Four ticks a second keeps the displayed second within 250 ms of true.
const TICK_MS: u32 = 250;

/// `Date.now()` as a signal, refreshed every tick and when the page becomes visible.
pub fn use_now() -> ReadSignal<i64> {
    let (now, set_now) = signal(now_ms());
    let interval = SendWrapper::new(Interval::new(TICK_MS, move || set_now.set(now_ms())));
    let visible =
        window_event_listener(leptos::ev::visibilitychange, move |_| set_now.set(now_ms()));
    on_cleanup(move || {
        drop(interval);
        visible.remove();
    });
    now
}
