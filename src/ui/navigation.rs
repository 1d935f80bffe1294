//! Moving between screens. The route is a signal following the URL fragment;
//! each change also does what a reader needs (WCAG 2.4.3, and what people
//! expect from a page change):
//! - a new screen opens at the top, with keyboard and screen-reader focus on
//!   its heading (`<h1>`), not left on the body or on a link that is gone;
//! - Back and Forward return to where that screen was scrolled to.
//!
//! Where each history entry was scrolled to lives in the entry itself
//! (`history.state`, written when scrolling settles, before a link is
//! followed and when the page hides), so it survives a reload too. The
//! browser's own restoration is off: it would restore before the screen has
//! rendered, onto a page of the wrong height.

use crate::core::route::Route;
use js_sys::{Object, Reflect};
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsValue;

/// How long scrolling must pause before its position is written down.
const SCROLL_SETTLE: Duration = Duration::from_millis(150);
/// How many frames a restored position may wait for the screen to grow tall
/// enough (a list that renders once its data is in).
const RESTORE_FRAMES: u32 = 60;
const KEY: &str = "evidentScrollY";

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The scroll position recorded in the current history entry, if it is one
/// of ours.
fn recorded_position() -> Option<f64> {
    let state = web_sys::window()?.history().ok()?.state().ok()?;
    Reflect::get(&state, &JsValue::from_str(KEY)).ok()?.as_f64()
}

/// Writes the current scroll position into the current history entry.
fn record_position() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let y = window.scroll_y().unwrap_or(0.0);
    let state = Object::new();
    let _ = Reflect::set(&state, &JsValue::from_str(KEY), &JsValue::from_f64(y));
    if let Ok(history) = window.history() {
        let _ = history.replace_state(&state, "");
    }
}

/// The route as a signal, with the scroll and focus handling above.
pub fn use_navigation() -> ReadSignal<Route> {
    let (route, set_route) = signal(Route::parse(&current_hash()));
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
    if recorded_position().is_none() {
        record_position();
    }
    let settle = StoredValue::new(None::<TimeoutHandle>);
    let scroll = window_event_listener(leptos::ev::scroll, move |_| {
        if let Some(handle) = settle.get_value() {
            handle.clear();
        }
        settle.set_value(set_timeout_with_handle(record_position, SCROLL_SETTLE).ok());
    });
    // Before a link is followed (capture: ahead of the navigation it starts).
    let click = window_event_listener(leptos::ev::click, move |ev| {
        let link = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .and_then(|el| el.closest("a[href]").ok().flatten());
        if let Some(link) = link {
            if link.get_attribute("href").as_deref() == Some("#main") {
                // The skip link moves focus; it is not a screen.
                ev.prevent_default();
                focus_main();
            } else {
                record_position();
            }
        }
    });
    let pagehide = window_event_listener(leptos::ev::pagehide, |_| record_position());
    let hashchange = window_event_listener(leptos::ev::hashchange, move |_| {
        let next = Route::parse(&current_hash());
        // Back and Forward land on an entry this page wrote a position into;
        // a new screen's entry has none yet.
        let back_to = recorded_position();
        if back_to.is_none() {
            record_top();
        }
        if route.with_untracked(|r| *r != next) {
            set_route.set(next);
        }
        // The new screen renders on the microtasks after this event; the
        // next frame sees it.
        after_render(back_to.unwrap_or(0.0), RESTORE_FRAMES);
    });
    on_cleanup(move || {
        scroll.remove();
        click.remove();
        pagehide.remove();
        hashchange.remove();
    });
    route
}

/// Marks a new entry as ours, at the top.
fn record_top() {
    let state = Object::new();
    let _ = Reflect::set(&state, &JsValue::from_str(KEY), &JsValue::from_f64(0.0));
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state(&state, "");
    }
}

/// Scrolls to `y` and focuses the screen's heading once it has rendered;
/// a `y` below the end of a page still growing is tried again next frame.
fn after_render(y: f64, frames_left: u32) {
    request_animation_frame(move || {
        let Some(window) = web_sys::window() else {
            return;
        };
        window.scroll_to_with_x_and_y(0.0, y);
        let reached = window.scroll_y().unwrap_or(0.0) >= y - 1.0;
        if frames_left == RESTORE_FRAMES {
            focus_heading();
        }
        if !reached && frames_left > 0 {
            after_render(y, frames_left - 1);
        }
    });
}

/// Focuses the screen's `<h1>` without scrolling to it.
fn focus_heading() {
    let heading = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("main h1").ok().flatten());
    if let Some(h) = heading {
        focus_without_scroll(&h);
    }
}

fn focus_main() {
    let main = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("main"));
    if let Some(m) = main {
        focus_without_scroll(&m);
    }
}

/// Focuses an element that is not focusable by Tab (`tabindex="-1"`).
fn focus_without_scroll(el: &web_sys::Element) {
    if !el.has_attribute("tabindex") {
        let _ = el.set_attribute("tabindex", "-1");
    }
    if let Ok(el) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(el).ok_or(()) {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = el.focus_with_options(&options);
    }
}
