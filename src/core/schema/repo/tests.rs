//! Storage behaviour over `MemoryStore`: round trips, quarantine, newer
//! versions, a full store and racing index writes.

use super::*;
use crate::core::attempt::RubricScores;
use crate::core::drills::RubricId;
use crate::core::store::MemoryStore;

const V1: &str = include_str!("../../../../tests/fixtures/storage/attempt-v1.json");
const V1_ID: &str = "a-1700000000000-01";

pub(crate) fn sample(id: &str, created: i64) -> Attempt {
    let mut a = Attempt::new(id, "hint-recovery", "Design a notifier.", created, 60);
    a.set_section("answer", "I would start with one worker.", created + 1);
    a.record_scores(RubricScores {
        rubric: RubricId::FailureDiagnostic,
        values: vec![Some(2); 7],
        note: "ok".into(),
        scored_at_ms: created + 2,
    });
    a
}

#[test]
fn saved_attempts_load_back_newest_first() {
    let store = MemoryStore::default();
    let older = sample("a1", 1_000);
    let newer = sample("a2", 2_000);
    save_attempt(&store, &older).unwrap();
    save_attempt(&store, &newer).unwrap();
    let report = load_all(&store).unwrap();
    assert_eq!(report.attempts, vec![newer, older]);
    assert_eq!(report.index_revision, 2);
    assert!(report.messages().is_empty());
}

#[test]
fn resaving_an_unchanged_index_entry_does_not_bump_the_revision() {
    let store = MemoryStore::default();
    let mut a = sample("a1", 1_000);
    save_attempt(&store, &a).unwrap();
    a.set_notes("more", 5_000);
    save_attempt(&store, &a).unwrap();
    let report = load_all(&store).unwrap();
    assert_eq!(report.index_revision, 1);
    assert_eq!(report.attempts[0].notes, "more");
}

#[test]
fn a_corrupt_attempt_is_moved_aside_never_dropped() {
    let store = MemoryStore::default();
    save_attempt(&store, &sample("good", 1)).unwrap();
    let key = attempt_key("bad");
    store.set(&key, "{\"version\":2,\"id\":").unwrap();

    let report = load_all(&store).unwrap();
    assert_eq!(report.attempts.len(), 1);
    assert_eq!(report.quarantined.len(), 1);
    let note = &report.quarantined[0];
    assert!(note.new);
    assert_eq!(note.original_key, key);
    assert_eq!(note.key, format!("{QUARANTINE_PREFIX}{key}"));
    assert!(note.reason.starts_with("not valid JSON"), "{}", note.reason);
    assert_eq!(
        store.get(&key).unwrap(),
        None,
        "original removed after the copy"
    );
    let kept = store.get(&note.key).unwrap().unwrap_or_default();
    assert!(
        kept.contains(r#"{\"version\":2,\"id\":"#),
        "raw kept verbatim: {kept}"
    );
    assert_eq!(report.messages().len(), 1);

    // A second load still lists it, but no longer as news.
    let again = load_all(&store).unwrap();
    assert_eq!(again.quarantined.len(), 1);
    assert!(!again.quarantined[0].new);
    assert!(again.messages().is_empty());
}

#[test]
fn corrupt_values_of_each_kind_are_quarantined() {
    let cases = [
        (
            attempt_key("x"),
            r#"{"version":2,"id":"x"}"#,
            "field `drill_id` is missing",
        ),
        (
            attempt_key("x"),
            r#"{"id":"x"}"#,
            "field `version` is missing",
        ),
        (
            attempt_key("x"),
            "[1,2]",
            "the record must be an object, found an array",
        ),
        (
            PREFS_KEY.to_owned(),
            r#"{"version":1}"#,
            "field `muted_rules` is missing",
        ),
        (INDEX_KEY.to_owned(), "not json", "not valid JSON"),
    ];
    for (key, raw, reason) in cases {
        let store = MemoryStore::default();
        store.set(&key, raw).unwrap();
        let report = load_all(&store).unwrap();
        assert_eq!(report.quarantined.len(), 1, "{key} {raw}");
        assert!(
            report.quarantined[0].reason.starts_with(reason),
            "{:?}",
            report.quarantined
        );
        assert_eq!(store.get(&key).unwrap(), None);
    }
}

#[test]
fn an_attempt_whose_id_does_not_match_its_key_is_quarantined() {
    let store = MemoryStore::default();
    save_attempt(&store, &sample("real", 1)).unwrap();
    let raw = store.get(&attempt_key("real")).unwrap().unwrap_or_default();
    store.set(&attempt_key("copy"), &raw).unwrap();
    let report = load_all(&store).unwrap();
    assert_eq!(report.attempts.len(), 1);
    assert_eq!(report.quarantined[0].original_key, attempt_key("copy"));
}

#[test]
fn when_the_store_is_full_a_corrupt_value_stays_in_place_and_is_reported() {
    let store = MemoryStore::with_quota(120);
    let key = attempt_key("bad");
    store.set(&key, &"x".repeat(80)).unwrap();
    let report = load_all(&store).unwrap();
    assert_eq!(store.get(&key).unwrap(), Some("x".repeat(80)));
    assert_eq!(report.quarantined[0].key, key);
    assert_eq!(report.problems.len(), 1);
    assert!(report.messages()[0].contains("left in place"));
}

#[test]
fn a_newer_version_is_left_untouched_reported_and_never_overwritten() {
    let store = MemoryStore::default();
    let raw = r#"{"version":9,"id":"n","future":true}"#;
    store.set(&attempt_key("n"), raw).unwrap();
    store.set(PREFS_KEY, r#"{"version":4}"#).unwrap();
    let report = load_all(&store).unwrap();
    assert!(report.attempts.is_empty());
    assert!(report.quarantined.is_empty());
    assert_eq!(
        report.newer_version,
        vec![
            NewerVersionNote {
                key: attempt_key("n"),
                version: 9
            },
            NewerVersionNote {
                key: PREFS_KEY.into(),
                version: 4
            },
        ]
    );
    assert!(matches!(
        save_attempt(&store, &sample("n", 1)),
        Err(StorageError::Other(_))
    ));
    assert!(matches!(
        save_prefs(&store, &Prefs::default()),
        Err(StorageError::Other(_))
    ));
    assert_eq!(store.get(&attempt_key("n")).unwrap().as_deref(), Some(raw));
}

#[test]
fn saving_over_a_corrupt_value_quarantines_it_first() {
    let store = MemoryStore::default();
    store.set(&attempt_key("a1"), "garbage").unwrap();
    store.set(PREFS_KEY, "garbage too").unwrap();
    save_attempt(&store, &sample("a1", 1)).unwrap();
    save_prefs(&store, &Prefs::default()).unwrap();
    let report = load_all(&store).unwrap();
    assert_eq!(report.attempts.len(), 1);
    let raws: Vec<String> = report
        .quarantined
        .iter()
        .filter_map(|q| store.get(&q.key).ok().flatten())
        .collect();
    assert_eq!(raws.len(), 2);
    assert!(raws.iter().any(|r| r.contains("garbage too")));
}

#[test]
fn a_full_store_fails_with_quota_exceeded_and_changes_nothing() {
    let store = MemoryStore::with_quota(1_200);
    save_attempt(&store, &sample("a1", 1)).unwrap();
    let before = store.entries();
    let mut big = sample("a2", 2);
    big.set_notes("n".repeat(2_000), 3);
    assert_eq!(save_attempt(&store, &big), Err(StorageError::QuotaExceeded));
    assert_eq!(store.entries(), before);
    assert_eq!(load_all(&store).unwrap().attempts.len(), 1);
}

#[test]
fn an_attempt_saved_when_only_the_index_write_fails_still_loads() {
    let a = sample("a1", 1);
    let attempt_len = attempt_key("a1").len() + encode_attempt(&StoredAttempt::from(&a)).len();
    let store = MemoryStore::with_quota(attempt_len + 5);
    assert_eq!(save_attempt(&store, &a), Err(StorageError::QuotaExceeded));
    assert_eq!(load_all(&store).unwrap().attempts, vec![a]);
}

#[test]
fn a_stale_index_written_by_another_tab_never_hides_an_attempt() {
    let store = MemoryStore::default();
    // Tab 1 and tab 2 both read the empty index; tab 1 saves A, then tab 2's
    // read-modify-write lands with only B, based on its stale read.
    save_attempt(&store, &sample("A", 1)).unwrap();
    store
        .set(
            &attempt_key("B"),
            &encode_attempt(&StoredAttempt::from(&sample("B", 2))),
        )
        .unwrap();
    store
        .set(
            INDEX_KEY,
            &encode_index(&StoredIndexV1 {
                revision: 1,
                ids: ["B".to_string()].into(),
            }),
        )
        .unwrap();
    let report = load_all(&store).unwrap();
    let ids: Vec<_> = report.attempts.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, vec!["B", "A"]);
    // The next save repairs the index as a union.
    save_attempt(&store, &sample("C", 3)).unwrap();
    let Some(Read::Ok(index)) = store.get(INDEX_KEY).unwrap().map(|r| read_index(&r)) else {
        panic!("index must read");
    };
    assert!(index.ids.contains("B") && index.ids.contains("C"));
}

/// A store where "another tab" overwrites the index right after our first
/// index write, as can happen between two tabs' read-modify-write.
struct RacyStore {
    inner: MemoryStore,
    raced: std::cell::Cell<bool>,
}

impl KeyValueStore for RacyStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.inner.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.inner.set(key, value)?;
        if key == INDEX_KEY && !self.raced.replace(true) {
            let other = StoredIndexV1 {
                revision: 1,
                ids: ["other-tab".to_string()].into(),
            };
            self.inner.set(INDEX_KEY, &encode_index(&other))?;
        }
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.inner.remove(key)
    }
    fn keys(&self, prefix: &str) -> Result<Vec<String>, StorageError> {
        self.inner.keys(prefix)
    }
}

#[test]
fn the_index_revision_check_retries_after_a_racing_write() {
    let store = RacyStore {
        inner: MemoryStore::default(),
        raced: std::cell::Cell::new(false),
    };
    save_attempt(&store, &sample("mine", 1)).unwrap();
    let Some(Read::Ok(index)) = store.get(INDEX_KEY).unwrap().map(|r| read_index(&r)) else {
        panic!("index must read");
    };
    assert_eq!(index.revision, 2);
    assert!(index.ids.contains("mine") && index.ids.contains("other-tab"));
}

#[test]
fn a_corrupt_index_is_quarantined_and_rebuilt_from_the_keys() {
    let store = MemoryStore::default();
    save_attempt(&store, &sample("a1", 1)).unwrap();
    store.set(INDEX_KEY, "{broken").unwrap();
    save_attempt(&store, &sample("a2", 2)).unwrap();
    let Some(Read::Ok(index)) = store.get(INDEX_KEY).unwrap().map(|r| read_index(&r)) else {
        panic!("index must read");
    };
    assert_eq!(index.ids.len(), 2);
    assert_eq!(store.keys(QUARANTINE_PREFIX).unwrap().len(), 1);
}

#[test]
fn a_version_1_record_loads_upgraded_and_is_rewritten_on_save() {
    let store = MemoryStore::default();
    let key = attempt_key(V1_ID);
    store.set(&key, V1).unwrap();
    let report = load_all(&store).unwrap();
    assert_eq!(report.upgraded, vec![key.clone()]);
    let a = &report.attempts[0];
    assert_eq!(a.tz_offset_minutes, 0);
    assert!(a.hint.as_ref().is_some_and(|h| h.acknowledged));
    assert_eq!(
        store.get(&key).unwrap().as_deref(),
        Some(V1),
        "load never rewrites"
    );
    save_attempt(&store, a).unwrap();
    assert!(load_all(&store).unwrap().upgraded.is_empty());
}

#[test]
fn delete_removes_the_key_and_the_index_entry() {
    let store = MemoryStore::default();
    save_attempt(&store, &sample("a1", 1)).unwrap();
    save_attempt(&store, &sample("a2", 2)).unwrap();
    delete_attempt(&store, "a1").unwrap();
    let report = load_all(&store).unwrap();
    assert_eq!(report.attempts.len(), 1);
    assert_eq!(store.get(&attempt_key("a1")).unwrap(), None);
    let Some(Read::Ok(index)) = store.get(INDEX_KEY).unwrap().map(|r| read_index(&r)) else {
        panic!("index must read");
    };
    assert!(!index.ids.contains("a1"));
}

#[test]
fn invalid_ids_are_refused() {
    for id in ["", "has space", "slash/", &"x".repeat(129), "ünï"] {
        assert!(!valid_id(id), "{id}");
        assert!(save_attempt(&MemoryStore::default(), &sample(id, 1)).is_err());
    }
    for id in ["a", "a-1700000000000-7f", "x_y.z:1"] {
        assert!(valid_id(id), "{id}");
    }
}

#[test]
fn prefs_round_trip_and_default_when_missing() {
    let store = MemoryStore::default();
    assert_eq!(load_prefs(&store).unwrap(), Prefs::default());
    let prefs = Prefs {
        muted_rules: ["blame".to_string()].into(),
        dismissed_findings: ["h1".to_string()].into(),
        tone: false,
    };
    save_prefs(&store, &prefs).unwrap();
    assert_eq!(load_prefs(&store).unwrap(), prefs);
    assert_eq!(load_all(&store).unwrap().prefs, prefs);
}

#[test]
fn quarantined_values_can_be_discarded_only_by_their_quarantine_key() {
    let store = MemoryStore::default();
    store.set(&attempt_key("bad"), "junk").unwrap();
    let report = load_all(&store).unwrap();
    let qkey = report.quarantined[0].key.clone();
    assert!(discard_quarantined(&store, PREFS_KEY).is_err());
    discard_quarantined(&store, &qkey).unwrap();
    assert!(load_all(&store).unwrap().quarantined.is_empty());
}

#[test]
fn quarantining_the_same_key_twice_keeps_both_values() {
    let store = MemoryStore::default();
    let key = attempt_key("bad");
    store.set(&key, "first").unwrap();
    load_all(&store).unwrap();
    store.set(&key, "second").unwrap();
    let report = load_all(&store).unwrap();
    let keys: Vec<_> = report.quarantined.iter().map(|q| q.key.as_str()).collect();
    let base = format!("{QUARANTINE_PREFIX}{key}");
    assert_eq!(keys, vec![base.clone(), format!("{base}.2")]);
}
