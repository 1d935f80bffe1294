//! Key-value storage: `localStorage` in the browser, a map in tests.

use std::cell::RefCell;
use std::collections::BTreeMap;

/// Why a storage operation failed, in words a user can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser refused storage (private mode, disabled by policy).
    Unavailable,
    /// The store is full (QuotaExceededError).
    QuotaExceeded,
    /// Anything else the browser reported.
    Other(String),
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageError::Unavailable => write!(f, "browser storage is unavailable"),
            StorageError::QuotaExceeded => write!(f, "browser storage is full"),
            StorageError::Other(msg) => write!(f, "browser storage failed: {msg}"),
        }
    }
}

/// A string key-value store.
pub trait KeyValueStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    /// All keys that start with `prefix`.
    fn keys(&self, prefix: &str) -> Result<Vec<String>, StorageError>;
}

/// An in-memory store for tests, with an optional byte quota.
#[derive(Default)]
pub struct MemoryStore {
    entries: RefCell<BTreeMap<String, String>>,
    quota_bytes: Option<usize>,
}

impl MemoryStore {
    pub fn with_quota(quota_bytes: usize) -> Self {
        MemoryStore {
            entries: RefCell::default(),
            quota_bytes: Some(quota_bytes),
        }
    }
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.entries.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        let mut entries = self.entries.borrow_mut();
        if let Some(quota) = self.quota_bytes {
            let others: usize = entries
                .iter()
                .filter(|(k, _)| k.as_str() != key)
                .map(|(k, v)| k.len() + v.len())
                .sum();
            if others + key.len() + value.len() > quota {
                return Err(StorageError::QuotaExceeded);
            }
        }
        entries.insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.entries.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self, prefix: &str) -> Result<Vec<String>, StorageError> {
        Ok(self
            .entries
            .borrow()
            .keys()
            .filter(|k| k.starts_with(prefix))
            .cloned()
            .collect())
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::LocalStorage;

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::{KeyValueStore, StorageError};
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
            Ok(e) if e.name() == "QuotaExceededError" || e.code() == 22 => {
                StorageError::QuotaExceeded
            }
            Ok(e) if e.name() == "SecurityError" => StorageError::Unavailable,
            Ok(e) => StorageError::Other(e.message()),
            Err(other) => StorageError::Other(format!("{other:?}")),
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_store_round_trips_and_lists_by_prefix() {
        let store = MemoryStore::default();
        store.set("evident.a", "1").unwrap();
        store.set("evident.b", "2").unwrap();
        store.set("other", "3").unwrap();
        assert_eq!(store.get("evident.a").unwrap().as_deref(), Some("1"));
        assert_eq!(
            store.keys("evident.").unwrap(),
            vec!["evident.a", "evident.b"]
        );
        store.remove("evident.a").unwrap();
        assert_eq!(store.get("evident.a").unwrap(), None);
    }

    #[test]
    fn memory_store_enforces_its_quota() {
        let store = MemoryStore::with_quota(10);
        store.set("k", "12345").unwrap();
        assert_eq!(
            store.set("j", "123456789"),
            Err(StorageError::QuotaExceeded)
        );
        assert_eq!(store.get("j").unwrap(), None);
    }
}
