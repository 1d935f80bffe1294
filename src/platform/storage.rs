//! `localStorage` adapted to the core key-value store port.

use crate::core::store::{KeyValueStore, StorageError};
use wasm_bindgen::JsValue;

/// `window.localStorage`.
pub struct LocalStorage {
    storage: web_sys::Storage,
}

impl LocalStorage {
    /// Opens `localStorage`; fails when the browser refuses it.
    pub fn open() -> Result<Self, StorageError> {
        let window = web_sys::window().ok_or(StorageError::Unavailable)?;
        match window.local_storage() {
            Ok(Some(storage)) => Ok(LocalStorage { storage }),
            _ => Err(StorageError::Unavailable),
        }
    }
}

fn classify(err: JsValue) -> StorageError {
    use wasm_bindgen::JsCast;
    match err.dyn_into::<web_sys::DomException>() {
        Ok(e) if e.name() == "QuotaExceededError" || e.code() == 22 => StorageError::QuotaExceeded,
        Ok(e) if e.name() == "SecurityError" => StorageError::Unavailable,
        Ok(e) => StorageError::Other(e.message()),
        Err(other) => StorageError::Other(super::errors::message_of(&other)),
    }
}

impl KeyValueStore for LocalStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.storage.get_item(key).map_err(classify)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.storage.set_item(key, value).map_err(classify)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.storage.remove_item(key).map_err(classify)
    }

    fn keys(&self, prefix: &str) -> Result<Vec<String>, StorageError> {
        let len = self.storage.length().map_err(classify)?;
        let mut keys = Vec::new();
        for i in 0..len {
            if let Some(key) = self.storage.key(i).map_err(classify)? {
                if key.starts_with(prefix) {
                    keys.push(key);
                }
            }
        }
        Ok(keys)
    }
}
