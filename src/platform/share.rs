//! Getting text out of the app and files into it: a download, the clipboard,
//! the share sheet, and reading a picked file. Thin wrappers; every failure
//! comes back as a message the UI can show.
//!
//! The Clipboard and Web Share APIs are reached through `js_sys::Reflect`:
//! web-sys gates `Clipboard` behind `web_sys_unstable_apis`, and feature
//! detection (`'share' in navigator`) needs a property check anyway.

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why a browser API call did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// The browser has no such API here (or no window).
    Missing,
    /// The user or the browser refused (permission, user cancelled, …).
    Refused { name: String, message: String },
}

impl ShareError {
    /// The user closed the share sheet: not worth a message.
    pub fn is_abort(&self) -> bool {
        matches!(self, ShareError::Refused { name, .. } if name == "AbortError")
    }
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShareError::Missing => write!(f, "this browser does not offer it here"),
            ShareError::Refused { message, name } if message.is_empty() => write!(f, "{name}"),
            ShareError::Refused { message, .. } => write!(f, "{message}"),
        }
    }
}

fn refused(err: JsValue) -> ShareError {
    let get = |key: &str| {
        Reflect::get(&err, &JsValue::from_str(key))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    let (name, message) = (get("name"), get("message"));
    if name.is_empty() && message.is_empty() {
        ShareError::Refused {
            name: "Error".into(),
            message: err.as_string().unwrap_or_default(),
        }
    } else {
        ShareError::Refused { name, message }
    }
}

fn navigator() -> Option<web_sys::Navigator> {
    web_sys::window().map(|w| w.navigator())
}

/// `obj[key]` when it is a function.
fn method(obj: &JsValue, key: &str) -> Option<Function> {
    Reflect::get(obj, &JsValue::from_str(key))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
}

/// Downloads `text` as a file named `filename` through a Blob, an object URL
/// and a temporary `<a download>`. Nothing leaves the device.
pub fn download_text(filename: &str, mime: &str, text: &str) -> Result<(), ShareError> {
    download_js_parts(filename, mime, &Array::of1(&JsValue::from_str(text)))
}

/// Downloads a file made of `parts` joined (a large backup is built in
/// pieces; the Blob joins them without one huge string).
pub fn download_parts(filename: &str, mime: &str, parts: &[String]) -> Result<(), ShareError> {
    let array = Array::new();
    for p in parts {
        array.push(&JsValue::from_str(p));
    }
    download_js_parts(filename, mime, &array)
}

fn download_js_parts(filename: &str, mime: &str, parts: &Array) -> Result<(), ShareError> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(ShareError::Missing)?;
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(parts, &options).map_err(refused)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(refused)?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(refused)?
        .dyn_into()
        .map_err(|_| ShareError::Missing)?;
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.set_hidden(true);
    let body = document.body().ok_or(ShareError::Missing)?;
    body.append_child(&anchor).map_err(refused)?;
    anchor.click();
    anchor.remove();
    // Revoke after the click has been handled; revoking at once can cancel
    // the download in some browsers.
    gloo_timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Writes `text` to the clipboard (`navigator.clipboard.writeText`).
pub async fn copy_text(text: &str) -> Result<(), ShareError> {
    let nav = navigator().ok_or(ShareError::Missing)?;
    let clipboard =
        Reflect::get(&nav, &JsValue::from_str("clipboard")).map_err(|_| ShareError::Missing)?;
    if clipboard.is_undefined() || clipboard.is_null() {
        return Err(ShareError::Missing);
    }
    let write = method(&clipboard, "writeText").ok_or(ShareError::Missing)?;
    let promise: Promise = write
        .call1(&clipboard, &JsValue::from_str(text))
        .map_err(refused)?
        .dyn_into()
        .map_err(|_| ShareError::Missing)?;
    JsFuture::from(promise).await.map(|_| ()).map_err(refused)
}

/// Whether the share sheet exists (`navigator.share`).
pub fn can_share() -> bool {
    navigator().is_some_and(|nav| method(&nav, "share").is_some())
}

/// Opens the share sheet with a title and text (`navigator.share`).
pub async fn share_text(title: &str, text: &str) -> Result<(), ShareError> {
    let nav = navigator().ok_or(ShareError::Missing)?;
    let share = method(&nav, "share").ok_or(ShareError::Missing)?;
    let data = Object::new();
    Reflect::set(&data, &"title".into(), &JsValue::from_str(title)).map_err(refused)?;
    Reflect::set(&data, &"text".into(), &JsValue::from_str(text)).map_err(refused)?;
    let promise: Promise = share
        .call1(&nav, &data)
        .map_err(refused)?
        .dyn_into()
        .map_err(|_| ShareError::Missing)?;
    JsFuture::from(promise).await.map(|_| ()).map_err(refused)
}

/// Reads a picked file as text (`Blob.text()`, UTF-8).
pub async fn read_file_text(file: &web_sys::File) -> Result<String, ShareError> {
    let text = JsFuture::from(file.text()).await.map_err(refused)?;
    text.as_string().ok_or(ShareError::Missing)
}
