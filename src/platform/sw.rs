//! The service worker: registration and the "a new version is ready" handshake.
//!
//! `public/sw.js` precaches the build and serves it offline. A new build's worker
//! installs in the background and then waits; the page is told (`on_update_ready`)
//! and shows a Reload button. Only when the user presses it does the page ask the
//! waiting worker to take over (`skip-waiting`) and reload once it has. Nothing ever
//! reloads on its own, so a running drill is never interrupted.
//!
//! Registered only in release builds served over http(s) by a browser that has
//! service workers (a debug build's `sw.js` has no precache list; a debug build
//! unregisters any worker a release build left on the same origin).

use crate::platform::task::spawn;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// The worker script, relative to the page: its directory is the worker's scope.
const SCRIPT: &str = "./sw.js";
/// The message `sw.js` answers with `self.skipWaiting()`.
const SKIP_WAITING: &str = "skip-waiting";

thread_local! {
    static REGISTRATION: RefCell<Option<ServiceWorkerRegistration>> = const { RefCell::new(None) };
    static RELOAD_REQUESTED: Cell<bool> = const { Cell::new(false) };
}

/// The page's service worker container, if this page may have a worker at all.
fn container() -> Option<ServiceWorkerContainer> {
    let window = web_sys::window()?;
    let protocol = window.location().protocol().ok()?;
    if protocol != "http:" && protocol != "https:" {
        return None;
    }
    let navigator = window.navigator();
    // Absent on insecure origins and in browsers without service workers.
    let present = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker"))
        .map(|v| !v.is_undefined() && !v.is_null())
        .unwrap_or(false);
    present.then(|| navigator.service_worker())
}

/// Registers `sw.js` once the page has loaded (so precaching never competes with
/// the first render) and calls `on_update_ready` when a new version is waiting.
pub fn register(on_update_ready: impl Fn() + 'static) {
    let Some(container) = container() else {
        return;
    };
    if cfg!(debug_assertions) {
        // `trunk serve` on an origin where a release build once ran: drop that
        // worker, or it would keep serving the old build from its cache.
        spawn(unregister_all(container));
        return;
    }
    let notify: Rc<dyn Fn()> = Rc::new(on_update_ready);
    let start = move || {
        let container = container.clone();
        let notify = notify.clone();
        spawn(async move {
            // A failed registration (offline first visit, a host without sw.js)
            // leaves the app working as a plain page.
            let Ok(value) = JsFuture::from(container.register(SCRIPT)).await else {
                return;
            };
            let Ok(registration) = value.dyn_into::<ServiceWorkerRegistration>() else {
                return;
            };
            watch(&container, &registration, notify);
            REGISTRATION.with(|r| *r.borrow_mut() = Some(registration));
        });
    };
    let Some(window) = web_sys::window() else {
        return;
    };
    let loaded = window
        .document()
        .map(|d| d.ready_state() == "complete")
        .unwrap_or(true);
    if loaded {
        start();
    } else {
        let once = Closure::once_into_js(start);
        let _ = window.add_event_listener_with_callback("load", once.unchecked_ref());
    }
}

async fn unregister_all(container: ServiceWorkerContainer) {
    let Ok(list) = JsFuture::from(container.get_registrations()).await else {
        return;
    };
    for registration in js_sys::Array::from(&list).iter() {
        if let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() {
            if let Ok(done) = registration.unregister() {
                let _ = JsFuture::from(done).await;
            }
        }
    }
}

/// Wires the update notifications for one registration.
fn watch(
    container: &ServiceWorkerContainer,
    registration: &ServiceWorkerRegistration,
    notify: Rc<dyn Fn()>,
) {
    // A worker already waiting from an earlier visit. Without a controller this is
    // the first install, which is not an update.
    if registration.waiting().is_some() && container.controller().is_some() {
        notify();
    }
    let on_update_found = {
        let registration = registration.clone();
        let container = container.clone();
        Closure::<dyn FnMut()>::new(move || {
            let Some(installing) = registration.installing() else {
                return;
            };
            let worker = installing.clone();
            let container = container.clone();
            let notify = notify.clone();
            let on_state = Closure::<dyn FnMut()>::new(move || {
                if worker.state() == ServiceWorkerState::Installed
                    && container.controller().is_some()
                {
                    notify();
                }
            })
            .into_js_value();
            installing.set_onstatechange(Some(on_state.unchecked_ref()));
        })
        .into_js_value()
    };
    registration.set_onupdatefound(Some(on_update_found.unchecked_ref()));

    // The new worker took over: reload, but only because the user asked for it.
    let on_controller_change = Closure::<dyn FnMut()>::new(|| {
        if RELOAD_REQUESTED.with(Cell::get) {
            reload();
        }
    })
    .into_js_value();
    container.set_oncontrollerchange(Some(on_controller_change.unchecked_ref()));

    // An installed app may stay open for days: look for a new version whenever it
    // comes back to the foreground (and is online; the check is a plain fetch).
    let on_visible = {
        let registration = registration.clone();
        Closure::<dyn FnMut()>::new(move || {
            let Some(window) = web_sys::window() else {
                return;
            };
            let visible = window
                .document()
                .map(|d| d.visibility_state() == web_sys::VisibilityState::Visible)
                .unwrap_or(false);
            if !visible || !window.navigator().on_line() {
                return;
            }
            if let Ok(promise) = registration.update() {
                spawn(async move {
                    let _ = JsFuture::from(promise).await;
                });
            }
        })
        .into_js_value()
    };
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        let _ = document
            .add_event_listener_with_callback("visibilitychange", on_visible.unchecked_ref());
    }
}

/// The user pressed Reload: let the waiting worker take over, then reload.
pub fn apply_update() {
    RELOAD_REQUESTED.with(|r| r.set(true));
    let waiting = REGISTRATION.with(|r| r.borrow().as_ref().and_then(|r| r.waiting()));
    match waiting {
        Some(worker) => {
            if worker
                .post_message(&JsValue::from_str(SKIP_WAITING))
                .is_err()
            {
                reload();
            }
        }
        // Another tab already activated it: this page only needs to reload.
        None => reload(),
    }
}

fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}
