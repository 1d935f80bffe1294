//! Turning a thrown JavaScript value into words for a message.

use wasm_bindgen::JsValue;

/// The `message` of a thrown error, the value itself when it is a string,
/// or "unknown error". One helper for every adapter, and no `{:?}` of a
/// `JsValue` (which would ship wasm-bindgen's whole debug printer).
pub fn message_of(err: &JsValue) -> String {
    js_sys::Reflect::get(err, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .filter(|m| !m.is_empty())
        .or_else(|| err.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}
