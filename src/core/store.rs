//! The key-value store port: the storage logic in core talks to this trait;
//! `platform::storage` adapts `localStorage` to it, and `MemoryStore` serves tests.

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
    /// Every key and value, in key order: a snapshot tests compare before and
    /// after an operation that must change nothing.
    pub fn entries(&self) -> Vec<(String, String)> {
        self.entries
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }

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
