//! Browser glue tested in headless Chromium (`make test-wasm`).
#![cfg(target_arch = "wasm32")]

use evident::core::store::{KeyValueStore, StorageError};
use evident::platform::storage::LocalStorage;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn fresh_store() -> LocalStorage {
    let store = LocalStorage::open().expect("localStorage is available in Chromium");
    for key in store.keys("").expect("keys") {
        store.remove(&key).expect("remove");
    }
    store
}

#[wasm_bindgen_test]
fn local_storage_round_trips_and_lists_keys_by_prefix() {
    let store = fresh_store();
    store.set("evident.test.a", "alpha").unwrap();
    store.set("evident.test.b", "béta ✓").unwrap();
    store.set("unrelated", "x").unwrap();
    assert_eq!(
        store.get("evident.test.b").unwrap().as_deref(),
        Some("béta ✓")
    );
    let mut keys = store.keys("evident.test.").unwrap();
    keys.sort();
    assert_eq!(keys, vec!["evident.test.a", "evident.test.b"]);
    store.remove("evident.test.a").unwrap();
    assert_eq!(store.get("evident.test.a").unwrap(), None);
}

#[wasm_bindgen_test]
fn a_write_past_the_quota_is_reported_as_quota_exceeded_and_keeps_old_value() {
    let store = fresh_store();
    store.set("evident.test.keep", "safe").unwrap();
    // Chromium allows about 5 MiB per origin; 6 Mi UTF-16 code units is over it.
    let huge = "x".repeat(6 * 1024 * 1024);
    assert_eq!(
        store.set("evident.test.huge", &huge),
        Err(StorageError::QuotaExceeded)
    );
    assert_eq!(
        store.get("evident.test.keep").unwrap().as_deref(),
        Some("safe")
    );
    assert_eq!(store.get("evident.test.huge").unwrap(), None);
}

#[wasm_bindgen_test]
fn a_corrupt_attempt_in_local_storage_is_quarantined_not_overwritten() {
    use evident::core::schema;
    let store = fresh_store();
    store.set("evident.attempt.broken", "{not json").unwrap();
    let report = schema::load_all(&store).expect("load never fails on bad data");
    assert!(report.attempts.is_empty());
    assert_eq!(report.quarantined.len(), 1);
    let note = &report.quarantined[0];
    assert_eq!(note.original_key, "evident.attempt.broken");
    assert_eq!(
        store.get("evident.attempt.broken").unwrap(),
        None,
        "moved aside"
    );
    let kept = store
        .get(&note.key)
        .unwrap()
        .expect("quarantine record exists");
    assert!(
        kept.contains("{not json"),
        "the raw text is kept verbatim: {kept}"
    );
    assert!(!report.messages().is_empty(), "the user is told");
}
