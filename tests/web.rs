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

/// Times the analyzer on a 1,500-word answer in the browser's wasm engine and
/// prints the figures; the bound is one frame (16 ms), far above the measured cost.
#[wasm_bindgen_test]
fn analysing_a_1500_word_answer_in_the_browser_takes_well_under_a_frame() {
    use evident::core::analyzer::analyze;
    let sentence = "We moved the nightly import to streaming and I owned the cut-over plan because the batch window was closing; it was much faster. ";
    let words = sentence.split_whitespace().count();
    let answer = sentence.repeat(1500 / words + 1);
    let performance = web_sys::window()
        .and_then(|w| w.performance())
        .expect("performance is available");
    let _warm_up = analyze(&answer); // compiles the phrase lexicon once
    let mut times: Vec<f64> = (0..30)
        .map(|_| {
            let start = performance.now();
            let analysis = analyze(&answer);
            let elapsed = performance.now() - start;
            assert!(!analysis.findings.is_empty());
            elapsed
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    console_log!(
        "analyze on {} words: median {median:.2} ms, max {:.2} ms",
        answer.split_whitespace().count(),
        times[times.len() - 1]
    );
    assert!(median < 16.0, "median {median} ms");
}
