//! Moving a localStorage profile of every stored version into the database.

use super::*;
use crate::core::schema::repo::{load, load_attempts, save_attempt, Notes};
use crate::core::store::{block_on, MemoryStore};

const V1: &str = include_str!("../../../../tests/fixtures/storage/attempt-v1.json");
const V2: &str = include_str!("../../../../tests/fixtures/storage/attempt-v2.json");
const INDEX_V1: &str = include_str!("../../../../tests/fixtures/storage/index-v1.json");
const PREFS_V1: &str = include_str!("../../../../tests/fixtures/storage/prefs-v1.json");
const QUARANTINE_V1: &str = include_str!("../../../../tests/fixtures/storage/quarantine-v1.json");

/// A profile of the first releases: every kind of key, every version.
fn profile() -> Vec<(String, String)> {
    [
        ("evident.attempt.a-1700000000000-01", V1),
        ("evident.attempt.a-1710000000000-7f", V2),
        ("evident.index", INDEX_V1),
        ("evident.prefs", PREFS_V1),
        ("evident.quarantine.evident.attempt.old", QUARANTINE_V1),
        ("evident.attempt.broken", "{half a record"),
        ("evident.attempt.future", r#"{"version":9,"id":"future"}"#),
        ("unrelated", "not ours"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect()
}

fn all_attempts(store: &MemoryStore) -> Vec<Attempt> {
    let report = block_on(load(store)).unwrap();
    let ids: Vec<String> = report.summaries.iter().map(|s| s.id.clone()).collect();
    block_on(load_attempts(store, &ids, &mut Notes::default())).unwrap()
}

#[test]
fn a_profile_of_every_version_moves_record_by_record() {
    let store = MemoryStore::default();
    let report = block_on(migrate_local(&store, &profile())).unwrap();
    assert_eq!(report.failed, vec![]);
    assert_eq!(report.attempts, 2);
    assert_eq!(report.aside, 1, "the broken attempt");
    let mut verified = report.verified.clone();
    verified.sort();
    assert_eq!(
        verified,
        [
            "evident.attempt.a-1700000000000-01",
            "evident.attempt.a-1710000000000-7f",
            "evident.attempt.broken",
            "evident.attempt.future",
            "evident.index",
            "evident.prefs",
            "evident.quarantine.evident.attempt.old",
        ]
    );
    let messages = report.messages();
    assert_eq!(
        messages[0],
        "Moved 2 saved attempts to the browser's database, each checked after copying."
    );
    assert!(messages[1].starts_with("Could not read `evident.attempt.broken` (not valid JSON"));

    // Each record reads back as the same domain attempt the old storage gave.
    let attempts = all_attempts(&store);
    for (key, raw) in [
        ("evident.attempt.a-1700000000000-01", V1),
        ("evident.attempt.a-1710000000000-7f", V2),
    ] {
        let (want, _) = read_attempt_at(key, raw).ok().expect("fixture reads");
        assert!(attempts.contains(&want), "{key}");
    }
    let loaded = block_on(load(&store)).unwrap();
    assert!(loaded.prefs.muted_rules.contains("vague-we"));
    let originals: Vec<&str> = loaded
        .notes
        .quarantined
        .iter()
        .map(|q| q.original_key.as_str())
        .collect();
    assert!(originals.contains(&"evident.attempt.broken"));
    assert!(originals.contains(&"evident.attempt.old"));
    assert_eq!(loaded.notes.newer_version[0].key, "evident.attempt.future");
    assert_eq!(
        store.peek(Table::Attempts, "future").as_deref(),
        Some(r#"{"version":9,"id":"future"}"#)
    );
}

#[test]
fn migrating_again_after_a_reload_midway_changes_nothing() {
    let store = MemoryStore::default();
    block_on(migrate_local(&store, &profile())).unwrap();
    let once = store.entries();
    // The page reloaded before the old keys were removed: all of them again.
    let again = block_on(migrate_local(&store, &profile())).unwrap();
    assert_eq!(again.failed, vec![]);
    assert_eq!(again.verified.len(), 7);
    assert_eq!(store.entries(), once);
}

#[test]
fn a_failed_copy_writes_nothing_and_removes_nothing() {
    let store = MemoryStore::default();
    store.fail_next_update(StorageError::QuotaExceeded);
    assert_eq!(
        block_on(migrate_local(&store, &profile())),
        Err(StorageError::QuotaExceeded)
    );
    assert!(store.entries().is_empty());
}

#[test]
fn a_newer_copy_in_the_database_wins_and_a_conflicting_one_is_kept_aside() {
    let store = MemoryStore::default();
    let (mut v2, _) = read_attempt_at("evident.attempt.a-1710000000000-7f", V2)
        .ok()
        .unwrap();
    v2.set_notes("edited after a first migration", v2.updated_at_ms + 1);
    block_on(save_attempt(&store, None, &v2)).unwrap();
    store.plant(Table::Attempts, "a-1700000000000-01", r#"{"version":9}"#);
    let legacy = &profile()[..2];
    let report = block_on(migrate_local(&store, legacy)).unwrap();
    assert_eq!(report.failed, vec![]);
    assert_eq!(report.verified.len(), 2);
    assert!(all_attempts(&store).contains(&v2), "the newer copy stays");
    let aside = store
        .entries()
        .into_iter()
        .filter(|(t, _, v)| *t == Table::Quarantine && v.contains("a-1700000000000-01"))
        .count();
    assert_eq!(aside, 1, "the legacy v1 copy is kept aside, not dropped");
}

#[test]
fn only_legacy_keys_are_taken() {
    assert!(is_legacy_key("evident.attempt.x"));
    assert!(is_legacy_key("evident.index"));
    assert!(is_legacy_key("evident.quarantine.y"));
    assert!(!is_legacy_key("evident.pending.x"));
    assert!(!is_legacy_key("other"));
}
