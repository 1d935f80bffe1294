//! Loading and saving over a memory store: summaries, open attempts,
//! quarantine, newer versions, merges of two tabs, and repairs.

use super::*;
use crate::core::attempt::RubricScores;
use crate::core::drills::RubricId;
use crate::core::store::{block_on, MemoryStore};

const V2: &str = include_str!("../../../../tests/fixtures/storage/attempt-v2.json");
const SUMMARY_V1: &str = include_str!("../../../../tests/fixtures/storage/summary-v1.json");

fn sample(id: &str, drill: &str, created: i64) -> Attempt {
    let mut a = Attempt::new(id, drill, "Prompt", created, 0);
    a.set_section("weak", "We did it.", created + 1);
    a
}

fn save(store: &MemoryStore, a: &Attempt) -> Attempt {
    block_on(save_attempt(store, None, a)).expect("saves")
}

#[test]
fn load_lists_summaries_newest_first_and_opens_each_drills_latest_draft() {
    let store = MemoryStore::default();
    let mut finished = sample("f", "evidence-replay", 1_000);
    finished.timer.started_at = Some(1_000);
    finished.timer.finished_at = Some(2_000);
    save(&store, &finished);
    save(&store, &sample("old-draft", "evidence-replay", 3_000));
    let mut newer_draft = sample("new-draft", "evidence-replay", 2_000);
    newer_draft.touch(9_000);
    save(&store, &newer_draft);
    save(&store, &sample("other", "hint-recovery", 4_000));

    let report = block_on(load(&store)).unwrap();
    let ids: Vec<&str> = report.summaries.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["other", "old-draft", "new-draft", "f"]);
    let mut open: Vec<&str> = report.open.iter().map(|a| a.id.as_str()).collect();
    open.sort_unstable();
    assert_eq!(open, ["new-draft", "other"]);
    assert_eq!(
        report.open.iter().find(|a| a.id == "other"),
        Some(&sample("other", "hint-recovery", 4_000))
    );
    assert!(report.notes.messages().is_empty());
}

#[test]
fn a_corrupt_attempt_is_moved_aside_with_its_raw_text_and_reported_once() {
    let store = MemoryStore::default();
    save(&store, &sample("good", "evidence-replay", 1));
    store.plant(Table::Attempts, "bad", "{not json");
    let report = block_on(load(&store)).unwrap();
    assert_eq!(report.summaries.len(), 1);
    let q = &report.notes.quarantined;
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].original_key, "evident.attempt.bad");
    assert!(q[0].new);
    assert_eq!(store.peek(Table::Attempts, "bad"), None, "moved");
    let kept = store
        .peek(Table::Quarantine, &q[0].key)
        .expect("kept aside");
    assert!(matches!(read_quarantine(&kept), Read::Ok(r) if r.raw == "{not json"));
    assert_eq!(
        report.notes.messages(),
        vec![format!(
            "Could not read `evident.attempt.bad` ({}); it was kept aside and is included in backups.",
            q[0].reason
        )]
    );
    // Next time it is listed but not announced again.
    let again = block_on(load(&store)).unwrap();
    assert_eq!(again.notes.quarantined.len(), 1);
    assert!(!again.notes.quarantined[0].new);
    assert!(again.notes.messages().is_empty());
    block_on(discard_quarantined(&store, &q[0].key)).unwrap();
    assert!(block_on(load(&store)).unwrap().notes.quarantined.is_empty());
}

#[test]
fn a_record_of_a_newer_evident_is_left_untouched_and_never_overwritten() {
    let store = MemoryStore::default();
    let raw = r#"{"version":9,"id":"future","whatever":true}"#;
    store.plant(Table::Attempts, "future", raw);
    let report = block_on(load(&store)).unwrap();
    assert_eq!(
        report.notes.newer_version,
        vec![NewerVersionNote {
            key: "evident.attempt.future".into(),
            version: 9
        }]
    );
    let err = block_on(save_attempt(
        &store,
        None,
        &sample("future", "evidence-replay", 1),
    ));
    assert!(matches!(err, Err(StorageError::Other(m)) if m.contains("newer version")));
    assert_eq!(store.peek(Table::Attempts, "future").as_deref(), Some(raw));
}

#[test]
fn a_missing_or_broken_summary_is_rebuilt_and_an_orphan_one_removed() {
    let store = MemoryStore::default();
    let a = save(&store, &sample("a1", "evidence-replay", 1));
    store.plant(Table::Summaries, "a1", "{broken");
    store.plant(Table::Attempts, "v2", V2);
    store.plant(Table::Summaries, "gone", "{}");
    let report = block_on(load(&store)).unwrap();
    let ids: Vec<&str> = report.summaries.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["a1"]);
    assert!(report
        .summaries
        .iter()
        .any(|s| s.id == "a1" && *s == AttemptSummary::of(&a)));
    assert_eq!(store.peek(Table::Summaries, "gone"), None);
    let summary = store
        .peek(Table::Summaries, "a1")
        .and_then(|s| read_summary(&s));
    assert_eq!(summary, Some(AttemptSummary::of(&a)));
    // The v2 fixture is stored under a key that is not its id: kept aside.
    assert!(report
        .notes
        .quarantined
        .iter()
        .any(|q| q.original_key == "evident.attempt.v2"));
}

/// What the previous release stored (a schema 2 attempt, a version 1
/// summary) loads as it is, its summary not rebuilt; a round saved now keeps
/// its "not tested" marks in the attempt and in its summary.
#[test]
fn not_tested_marks_survive_a_save_and_the_previous_releases_records_load() {
    let store = MemoryStore::default();
    let old = "a-1710000000000-7f";
    store.plant(Table::Attempts, old, V2);
    store.plant(Table::Summaries, old, SUMMARY_V1);
    let report = block_on(load(&store)).unwrap();
    assert_eq!(report.summaries.len(), 1);
    assert_eq!(
        report.summaries[0].scores[1].values,
        [4, 4, 3, 3, 4, 4].map(Some).to_vec()
    );
    assert_eq!(
        store.peek(Table::Summaries, old).as_deref(),
        Some(SUMMARY_V1)
    );
    assert_eq!(store.peek(Table::Attempts, old).as_deref(), Some(V2));

    let marks = vec![Some(3), Some(3), Some(4), None, None, Some(2), None];
    let mut a = sample("nt", "baseline-before-machinery", 1);
    a.record_scores(RubricScores {
        rubric: RubricId::FailureDiagnostic,
        values: marks.clone(),
        note: String::new(),
        scored_at_ms: 2,
    });
    save(&store, &a);
    let raw = store.peek(Table::Attempts, "nt").expect("stored");
    assert!(raw.starts_with(r#"{"version":3,"#), "{raw}");
    assert!(
        raw.contains(r#""values":[3,3,4,null,null,2,null]"#),
        "{raw}"
    );
    let report = block_on(load(&store)).unwrap();
    let summary = report
        .summaries
        .iter()
        .find(|s| s.id == "nt")
        .expect("listed");
    assert_eq!(summary.scores[0].values, marks);
    let mut notes = Notes::default();
    let full = block_on(load_attempts(&store, &["nt".to_owned()], &mut notes)).unwrap();
    assert_eq!(full[0].scores[0].values, marks);
}

#[test]
fn two_tabs_saving_one_attempt_keep_both_sections() {
    let store = MemoryStore::default();
    let base = save(&store, &sample("a1", "evidence-replay", 1));
    let mut tab_a = base.clone();
    tab_a.set_section("mid", "from tab A", 10);
    let mut tab_b = base.clone();
    tab_b.set_section("senior", "from tab B", 11);
    block_on(save_attempt(&store, Some(&base), &tab_a)).unwrap();
    let stored = block_on(save_attempt(&store, Some(&base), &tab_b)).unwrap();
    assert_eq!(stored.section_text("mid"), "from tab A");
    assert_eq!(stored.section_text("senior"), "from tab B");
    assert_eq!(stored.section_text("weak"), "We did it.");
    let mut notes = Notes::default();
    let loaded = block_on(load_attempts(&store, &["a1".into()], &mut notes)).unwrap();
    assert_eq!(loaded, vec![stored]);
}

#[test]
fn saving_over_an_unreadable_record_keeps_it_aside_first() {
    let store = MemoryStore::default();
    store.plant(Table::Attempts, "a1", "{oops");
    save(&store, &sample("a1", "evidence-replay", 1));
    let aside: Vec<_> = store
        .entries()
        .into_iter()
        .filter(|(t, _, _)| *t == Table::Quarantine)
        .collect();
    assert_eq!(aside.len(), 1);
    assert!(aside[0].2.contains("{oops"));
}

#[test]
fn a_full_store_refuses_a_save_and_changes_nothing() {
    let store = MemoryStore::with_quota(600);
    let mut big = sample("a1", "evidence-replay", 1);
    big.set_section("weak", "x".repeat(1_000), 2);
    let before = store.entries();
    assert_eq!(
        block_on(save_attempt(&store, None, &big)),
        Err(StorageError::QuotaExceeded)
    );
    assert_eq!(store.entries(), before);
}

#[test]
fn deleting_removes_the_attempt_and_its_summary() {
    let store = MemoryStore::default();
    save(&store, &sample("a1", "evidence-replay", 1));
    block_on(delete_attempt(&store, "a1")).unwrap();
    assert!(store.entries().is_empty());
}

#[test]
fn prefs_save_as_a_merge_and_an_unreadable_record_is_kept_aside() {
    let store = MemoryStore::default();
    store.plant(Table::Prefs, PREFS_RECORD, "nope");
    let report = block_on(load(&store)).unwrap();
    assert_eq!(report.prefs, Prefs::default());
    assert_eq!(report.notes.quarantined[0].original_key, PREFS_KEY);
    let base = Prefs::default();
    let mut a = base.clone();
    a.muted_rules.insert("blame".into());
    let mut b = base.clone();
    b.muted_rules.insert("vague-we".into());
    block_on(save_prefs(&store, &base, &a)).unwrap();
    let stored = block_on(save_prefs(&store, &base, &b)).unwrap();
    assert_eq!(stored.muted_rules.len(), 2);
    assert_eq!(block_on(load(&store)).unwrap().prefs, stored);
}

#[test]
fn persistent_storage_is_asked_for_once() {
    let store = MemoryStore::default();
    assert!(!block_on(persist_asked(&store)).unwrap());
    block_on(mark_persist_asked(&store)).unwrap();
    assert!(block_on(persist_asked(&store)).unwrap());
}

#[test]
fn quarantine_keys_differ_per_value_and_repeat_per_value() {
    let a = quarantine_key("evident.attempt.x", "one");
    assert_eq!(a, quarantine_key("evident.attempt.x", "one"));
    assert_ne!(a, quarantine_key("evident.attempt.x", "two"));
    assert!(a.starts_with("evident.quarantine.evident.attempt.x."));
}
