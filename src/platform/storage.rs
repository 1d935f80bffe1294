//! The rest of the browser's storage: the `localStorage` of the first
//! releases (read to migrate, then emptied key by key), the rescue copies
//! of unsaved work written when the page hides, persistent storage and the
//! usage estimate, and the channel that tells other tabs about a save.

use crate::core::rescue::{pending_id, pending_key};
use js_sys::{Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

thread_local! {
    /// This page's name in its rescue keys, drawn once per page load: each
    /// tab writes and drops only its own copies (see `core::rescue`).
    static TAB: String = format!("{:x}", (js_sys::Math::random() * 2f64.powi(52)) as u64);
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Every `localStorage` pair whose key passes `keep`.
pub fn local_pairs(keep: impl Fn(&str) -> bool) -> Vec<(String, String)> {
    let Some(storage) = local() else {
        return Vec::new();
    };
    let len = storage.length().unwrap_or(0);
    let mut out = Vec::new();
    for i in 0..len {
        if let Ok(Some(key)) = storage.key(i) {
            if keep(&key) {
                if let Ok(Some(value)) = storage.get_item(&key) {
                    out.push((key, value));
                }
            }
        }
    }
    out
}

/// Removes `localStorage` keys (after their copies were verified).
pub fn remove_local(keys: &[String]) {
    if let Some(storage) = local() {
        for key in keys {
            let _ = storage.remove_item(key);
        }
    }
}

fn own_key(id: &str) -> String {
    TAB.with(|tab| pending_key(id, tab))
}

/// Writes this tab's rescue copy of an attempt at once (synchronously, so
/// it survives the page being closed); false when `localStorage` refused it.
pub fn write_pending(id: &str, value: &str) -> bool {
    local().is_some_and(|s| s.set_item(&own_key(id), value).is_ok())
}

/// Drops this tab's rescue copy of an attempt once the database holds it
/// (never another tab's: that one may hold words no database write has).
pub fn clear_pending(id: &str) {
    if let Some(storage) = local() {
        let _ = storage.remove_item(&own_key(id));
    }
}

/// Drops every tab's rescue copy of an attempt (it was deleted).
pub fn clear_every_pending(id: &str) {
    let keys: Vec<String> = local_pairs(|k| pending_id(k) == Some(id))
        .into_iter()
        .map(|(key, _)| key)
        .collect();
    remove_local(&keys);
}

/// Whether the site's storage is persistent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Persistence {
    /// The browser will not clear it to free space.
    Persistent,
    /// It may be cleared when space runs low or the site goes unused.
    BestEffort,
    /// The browser cannot say (no Storage API).
    Unknown,
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // Older browsers have no `navigator.storage`.
    Reflect::has(&navigator, &"storage".into())
        .ok()
        .filter(|has| *has)
        .map(|_| navigator.storage())
}

async fn settle(promise: Result<Promise, JsValue>) -> Option<JsValue> {
    JsFuture::from(promise.ok()?).await.ok()
}

fn persistence_of(granted: Option<JsValue>) -> Persistence {
    match granted.and_then(|v| v.as_bool()) {
        Some(true) => Persistence::Persistent,
        Some(false) => Persistence::BestEffort,
        None => Persistence::Unknown,
    }
}

/// The current persistence state.
pub async fn persisted() -> Persistence {
    match storage_manager() {
        Some(m) => persistence_of(settle(m.persisted()).await),
        None => Persistence::Unknown,
    }
}

/// Asks the browser to keep the site's storage (Firefox asks the user;
/// Chromium decides from engagement, and says no for a site never
/// bookmarked or installed).
pub async fn request_persistence() -> Persistence {
    match storage_manager() {
        Some(m) => persistence_of(settle(m.persist()).await),
        None => Persistence::Unknown,
    }
}

/// Bytes used by the site and the browser's quota for it, when known.
pub async fn estimate() -> Option<(f64, f64)> {
    let estimate = settle(storage_manager()?.estimate()).await?;
    let field = |name: &str| {
        Reflect::get(&estimate, &name.into())
            .ok()
            .and_then(|v| v.as_f64())
    };
    Some((field("usage")?, field("quota")?))
}

/// A `BroadcastChannel` between this origin's tabs: a save announces the
/// attempt's id, and every other tab re-reads it.
pub struct Tabs {
    channel: Option<web_sys::BroadcastChannel>,
    _on_message: Option<Closure<dyn Fn(web_sys::MessageEvent)>>,
}

impl Tabs {
    /// Joins the channel; `on_saved` gets the id another tab saved (or
    /// deleted).
    pub fn join(on_saved: impl Fn(String) + 'static) -> Tabs {
        let Ok(channel) = web_sys::BroadcastChannel::new("evident") else {
            return Tabs {
                channel: None,
                _on_message: None,
            };
        };
        let on_message =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                if let Some(id) = ev.data().as_string() {
                    on_saved(id);
                }
            });
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        Tabs {
            channel: Some(channel),
            _on_message: Some(on_message),
        }
    }

    /// Tells the other tabs that `id` changed.
    pub fn announce(&self, id: &str) {
        if let Some(c) = &self.channel {
            let _ = c.post_message(&JsValue::from_str(id));
        }
    }
}
