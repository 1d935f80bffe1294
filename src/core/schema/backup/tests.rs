//! Backup export and import: validation messages, merge rules, idempotence,
//! and restoring everything into an empty store.

use super::*;
use crate::core::schema::repo::{self as r, NewerVersionNote, Notes, QuarantineNote};
use crate::core::store::{block_on, MemoryStore};

// The async entry points, run to completion over a memory store.

fn save_attempt(store: &MemoryStore, a: &Attempt) -> Result<(), StorageError> {
    block_on(r::save_attempt(store, None, a)).map(drop)
}

fn save_prefs(store: &MemoryStore, p: &Prefs) -> Result<(), StorageError> {
    block_on(r::save_prefs(store, &Prefs::default(), p)).map(drop)
}

struct Loaded {
    attempts: Vec<Attempt>,
    prefs: Prefs,
    quarantined: Vec<QuarantineNote>,
    newer_version: Vec<NewerVersionNote>,
}

/// Every readable attempt in full, newest first, with the load's notes.
fn load_all(store: &MemoryStore) -> Result<Loaded, StorageError> {
    let report = block_on(r::load(store))?;
    let ids: Vec<String> = report.summaries.iter().map(|s| s.id.clone()).collect();
    let mut notes = Notes::default();
    let attempts = block_on(r::load_attempts(store, &ids, &mut notes))?;
    Ok(Loaded {
        attempts,
        prefs: report.prefs,
        quarantined: report.notes.quarantined,
        newer_version: report.notes.newer_version,
    })
}

fn export_backup(store: &MemoryStore, unsaved: &[Attempt]) -> String {
    block_on(super::export_backup(
        store,
        None::<&MemoryAudio>,
        unsaved,
        &|_, _| {},
    ))
    .concat()
}

fn import_backup(store: &MemoryStore, json: &str) -> Result<ImportReport, ImportError> {
    let audio = MemoryAudio::default();
    block_on(super::import_backup(
        store,
        &audio,
        json,
        &|_| {},
        || async {},
    ))
}

fn validate(json: &str) -> Result<ValidBackup<'_>, ImportError> {
    block_on(super::validate(json, &|_| {}, || async {}))
}

const V1: &str = include_str!("../../../../tests/fixtures/storage/attempt-v1.json");
const BACKUP_V1: &str = include_str!("../../../../tests/fixtures/storage/backup-v1.json");

fn sample(id: &str, created: i64) -> Attempt {
    let mut a = Attempt::new(
        id,
        "evidence-replay",
        "Tell me about a project.",
        created,
        -300,
    );
    a.set_section("weak", "We did | stuff *a lot*.", created + 1);
    a.set_notes("# not a heading", created + 2);
    a
}

fn full_store() -> MemoryStore {
    let store = MemoryStore::default();
    save_attempt(&store, &sample("a1", 1_000)).unwrap();
    save_attempt(&store, &sample("a2", 2_000)).unwrap();
    save_prefs(
        &store,
        &Prefs {
            muted_rules: ["blame".to_string()].into(),
            dismissed_findings: ["f00d".to_string()].into(),
            tone: false,
        },
    )
    .unwrap();
    store.plant(Table::Attempts, "broken", "{half a record");
    store.plant(Table::Attempts, "future", r#"{"version":7,"id":"future"}"#);
    load_all(&store).unwrap(); // moves "broken" aside
    store
}

#[test]
fn export_then_import_into_an_empty_store_restores_everything() {
    let source = full_store();
    let before = load_all(&source).unwrap();
    let json = export_backup(&source, &[]);

    let target = MemoryStore::default();
    let report = import_backup(&target, &json).unwrap();
    assert_eq!(report.added, 2);
    assert_eq!(
        report.restored_raw, 2,
        "the quarantined and the newer value"
    );
    assert!(report.prefs_written);

    let after = load_all(&target).unwrap();
    assert_eq!(after.attempts, before.attempts);
    assert_eq!(after.prefs, before.prefs);
    assert_eq!(after.quarantined.len(), 1);
    assert_eq!(after.newer_version, before.newer_version);
    let qkey = &before.quarantined[0].key;
    assert_eq!(
        target.peek(Table::Quarantine, qkey),
        source.peek(Table::Quarantine, qkey)
    );
    assert_eq!(
        target.peek(Table::Attempts, "future"),
        source.peek(Table::Attempts, "future")
    );
}

/// A round with dimensions "not tested in this drill" leaves in a backup as
/// `null` and comes back as the same marks, in the attempt and its summary.
#[test]
fn not_tested_marks_survive_a_backup() {
    use crate::core::attempt::RubricScores;
    use crate::core::drills::RubricId;
    let source = MemoryStore::default();
    let marks = vec![Some(3), Some(3), Some(4), None, None, Some(2), None];
    let mut a = sample("nt", 1_000);
    a.drill_id = "baseline-before-machinery".into();
    a.record_scores(RubricScores {
        rubric: RubricId::FailureDiagnostic,
        values: marks.clone(),
        note: String::new(),
        scored_at_ms: 1_100,
    });
    save_attempt(&source, &a).unwrap();
    let json = export_backup(&source, &[]);
    assert!(json.contains("null,"), "{json}");

    let target = MemoryStore::default();
    assert_eq!(import_backup(&target, &json).unwrap().added, 1);
    let after = load_all(&target).unwrap();
    assert_eq!(after.attempts[0].scores[0].values, marks);
    let summary = block_on(r::load(&target)).unwrap().summaries;
    assert_eq!(summary[0].scores[0].values, marks);
}

#[test]
fn export_never_writes_and_includes_unread_values() {
    let store = MemoryStore::default();
    save_attempt(&store, &sample("a1", 1)).unwrap();
    store.plant(Table::Attempts, "bad", "junk");
    let before = store.entries();
    let json = export_backup(&store, &[]);
    assert_eq!(store.entries(), before);
    let value: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["format"], BACKUP_FORMAT);
    // Without recordings the file is version 1, for older Evidents.
    assert_eq!(value["version"], 1);
    assert!(value.get("audio").is_none());
    assert_eq!(value["attempts"].as_array().map(Vec::len), Some(1));
    assert_eq!(value["quarantined"][0]["raw"], "junk");
}

#[test]
fn export_includes_unsaved_attempts_unless_the_store_is_newer() {
    let store = MemoryStore::default();
    let mut stored = sample("a1", 1);
    stored.set_notes("stored, newer", 50);
    save_attempt(&store, &stored).unwrap();
    let mut stale = sample("a1", 1);
    stale.set_notes("memory, older", 10);
    let unsaved = sample("only-in-memory", 5);
    let json = export_backup(&store, &[stale, unsaved.clone()]);
    let target = MemoryStore::default();
    import_backup(&target, &json).unwrap();
    let loaded = load_all(&target).unwrap().attempts;
    assert_eq!(loaded.len(), 2);
    assert!(loaded.contains(&stored));
    assert!(loaded.contains(&unsaved));
}

#[test]
fn export_prefers_the_newer_copy_and_the_unsaved_one_on_a_tie() {
    // (stored notes time, unsaved notes time, expected notes)
    let cases = [(10, 50, "memory"), (50, 10, "stored"), (30, 30, "memory")];
    for (stored_at, memory_at, want) in cases {
        let store = MemoryStore::default();
        let mut stored = sample("a1", 1);
        stored.set_notes("stored", stored_at);
        save_attempt(&store, &stored).unwrap();
        let mut memory = sample("a1", 1);
        memory.set_notes("memory", memory_at);
        let target = MemoryStore::default();
        import_backup(&target, &export_backup(&store, &[memory])).unwrap();
        let loaded = load_all(&target).unwrap().attempts;
        assert_eq!(loaded.len(), 1, "{stored_at} vs {memory_at}");
        assert_eq!(loaded[0].notes, want, "{stored_at} vs {memory_at}");
    }
}

#[test]
fn importing_twice_changes_nothing_the_second_time() {
    let json = export_backup(&full_store(), &[]);
    let target = MemoryStore::default();
    import_backup(&target, &json).unwrap();
    let once = target.entries();
    let report = import_backup(&target, &json).unwrap();
    assert_eq!(
        report,
        ImportReport {
            unchanged: 2,
            ..ImportReport::default()
        }
    );
    assert_eq!(target.entries(), once);
}

#[test]
fn merge_keeps_the_newer_copy_of_each_attempt_and_drops_nothing() {
    let target = MemoryStore::default();
    let mut local_newer = sample("both-local-newer", 1);
    local_newer.set_notes("local", 900);
    let mut local_older = sample("both-file-newer", 1);
    local_older.set_notes("local", 100);
    save_attempt(&target, &local_newer).unwrap();
    save_attempt(&target, &local_older).unwrap();
    save_attempt(&target, &sample("only-local", 1)).unwrap();

    let source = MemoryStore::default();
    let mut file_older = local_newer.clone();
    file_older.notes = "file".into();
    file_older.updated_at_ms = 500;
    let mut file_newer = local_older.clone();
    file_newer.set_notes("file", 800);
    save_attempt(&source, &file_older).unwrap();
    save_attempt(&source, &file_newer).unwrap();
    save_attempt(&source, &sample("only-file", 1)).unwrap();

    let report = import_backup(&target, &export_backup(&source, &[])).unwrap();
    assert_eq!((report.added, report.updated, report.unchanged), (1, 1, 1));
    let loaded = load_all(&target).unwrap().attempts;
    let notes = |id: &str| {
        loaded
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.notes.clone())
            .unwrap_or_default()
    };
    assert_eq!(loaded.len(), 4);
    assert_eq!(notes("both-local-newer"), "local");
    assert_eq!(notes("both-file-newer"), "file");
}

#[test]
fn import_merges_prefs_as_a_union_keeping_the_local_tone() {
    let target = MemoryStore::default();
    save_prefs(
        &target,
        &Prefs {
            muted_rules: ["vague-we".to_string()].into(),
            dismissed_findings: Default::default(),
            tone: true,
        },
    )
    .unwrap();
    import_backup(&target, &export_backup(&full_store(), &[])).unwrap();
    let prefs = load_all(&target).unwrap().prefs;
    assert_eq!(prefs.muted_rules.len(), 2);
    assert!(prefs.dismissed_findings.contains("f00d"));
    assert!(prefs.tone);
}

#[test]
fn the_version_1_backup_fixture_imports_through_the_migrations() {
    let target = MemoryStore::default();
    let report = import_backup(&target, BACKUP_V1).unwrap();
    assert_eq!(report.added, 2);
    let loaded = load_all(&target).unwrap();
    assert_eq!(loaded.attempts.len(), 2);
    assert!(loaded.prefs.muted_rules.contains("vague-we"));
}

/// Replaces the first attempt of a valid file with `attempt` (a JSON text).
fn with_first_attempt(attempt: &str) -> String {
    let mut file: Value = serde_json::from_str(BACKUP_V1).unwrap();
    file["attempts"][0] = serde_json::from_str(attempt).unwrap();
    file.to_string()
}

#[test]
fn bad_files_are_refused_with_exact_reasons_and_change_nothing() {
    let v1_without_drill = V1.replace("\"drill_id\": \"hint-recovery\",", "");
    let v1_bad_score = V1.replace("[2, 3, 2, 1, 2, 3, 4]", "[2, 3, 9, 1, 2, 3, 4]");
    let v1_bad_id = V1.replace("\"a-1700000000000-01\"", "\"has space\"");
    let mut two_same: Value = serde_json::from_str(BACKUP_V1).unwrap();
    two_same["attempts"][1] = two_same["attempts"][0].clone();
    let cases: Vec<(String, Vec<&str>)> = vec![
        ("[]".into(), vec!["the file must hold a JSON object, found an array"]),
        (r#"{"version":1}"#.into(), vec![
            "this is not an Evident backup (field `format` is missing)",
        ]),
        (r#"{"format":"zip","version":1}"#.into(), vec![
            "this is not an Evident backup (field `format` is \"zip\", expected \"evident-backup\")",
        ]),
        (r#"{"format":"evident-backup"}"#.into(), vec!["field `version` is missing"]),
        (r#"{"format":"evident-backup","version":3,"attempts":[]}"#.into(), vec![
            "the backup was written by a newer version of Evident (backup version 3); update Evident to import it",
        ]),
        (r#"{"format":"evident-backup","version":1}"#.into(), vec!["field `attempts` is missing"]),
        (r#"{"format":"evident-backup","version":1,"attempts":{}}"#.into(), vec![
            "field `attempts` must be an array, found an object",
        ]),
        (with_first_attempt(&v1_without_drill), vec![
            "attempt 1 (id a-1700000000000-01): field `drill_id` is missing",
        ]),
        (with_first_attempt(&v1_bad_score), vec![
            "attempt 1 (id a-1700000000000-01): field `scores[0].values`: Scope control: score 9 is outside 0–4.",
        ]),
        (with_first_attempt(&v1_bad_id), vec![
            "attempt 1 (id has space): field `id` must be 1–128 letters, digits, `-`, `_`, `.` or `:`",
        ]),
        (with_first_attempt(r#"{"version":5,"id":"x"}"#), vec![
            "attempt 1 (id x): written by a newer version of Evident (schema 5); update Evident to import it",
        ]),
        (with_first_attempt(r#"{"id":"x"}"#), vec!["attempt 1 (id x): field `version` is missing"]),
        (two_same.to_string(), vec![
            "attempt 2 (id a-1700000000000-01): the same id appears in attempt 1",
        ]),
        (
            r#"{"format":"evident-backup","version":1,"attempts":[],"prefs":{"version":1,"tone":1}}"#.into(),
            vec!["prefs: field `muted_rules` is missing"],
        ),
        (
            r#"{"format":"evident-backup","version":1,"attempts":[],"quarantined":[{"key":"evident.attempt.x","original_key":"k","reason":"r","raw":""}]}"#.into(),
            vec!["quarantined value 1: field `key` must start with `evident.quarantine.`"],
        ),
        (
            r#"{"format":"evident-backup","version":1,"attempts":[{"version":2},{"version":1,"id":7}]}"#.into(),
            vec![
                "attempt 1: field `id` is missing",
                "attempt 2: field `id` must be a string, found a number",
            ],
        ),
    ];
    for (json, want) in cases {
        let store = full_store();
        let before = store.entries();
        match import_backup(&store, &json) {
            Err(ImportError::Invalid(problems)) => assert_eq!(problems, want, "{json}"),
            other => panic!("{json}: {other:?}"),
        }
        assert_eq!(store.entries(), before, "{json}");
    }
}

#[test]
fn oversized_and_non_json_files_are_refused() {
    let store = MemoryStore::default();
    let huge = " ".repeat(MAX_BACKUP_BYTES + 1);
    assert_eq!(
        import_backup(&store, &huge),
        Err(ImportError::TooLarge {
            bytes: MAX_BACKUP_BYTES + 1
        })
    );
    assert!(matches!(
        import_backup(&store, "{oops"),
        Err(ImportError::NotJson(_))
    ));
    let long_prompt = V1.replace(
        "\"Design a notification service that emails users when their order ships.\"",
        &format!("\"{}\"", "p".repeat(20_001)),
    );
    match import_backup(&store, &with_first_attempt(&long_prompt)) {
        Err(ImportError::Invalid(p)) => assert_eq!(
            p,
            vec!["attempt 1 (id a-1700000000000-01): field `prompt` is too long (20001 bytes, at most 20000)"]
        ),
        other => panic!("{other:?}"),
    }
    assert!(store.entries().is_empty());
}

#[test]
fn a_store_that_fills_up_midway_is_rolled_back() {
    let json = export_backup(&full_store(), &[]);
    let size =
        |s: &MemoryStore| -> usize { s.entries().iter().map(|(_, k, v)| k.len() + v.len()).sum() };
    // Room for the local attempt and about half of what the import needs.
    let probe = MemoryStore::default();
    save_attempt(&probe, &sample("local", 1)).unwrap();
    let local = size(&probe);
    import_backup(&probe, &json).unwrap();
    let store = MemoryStore::with_quota(local + (size(&probe) - local) / 2);
    save_attempt(&store, &sample("local", 1)).unwrap();
    let before = store.entries();
    assert_eq!(
        import_backup(&store, &json),
        Err(ImportError::Storage(StorageError::QuotaExceeded))
    );
    assert_eq!(store.entries(), before);
}

#[test]
fn error_messages_read_as_sentences() {
    let e = ImportError::Invalid(vec!["attempt 3 (id x): field `drill_id` is missing".into()]);
    assert_eq!(
        e.to_string(),
        "The backup was not imported:\n- attempt 3 (id x): field `drill_id` is missing"
    );
    let many: Vec<String> = (0..40).map(|i| format!("p{i}")).collect();
    let ImportError::Invalid(listed) = invalid(many) else {
        panic!("invalid() builds Invalid");
    };
    assert_eq!(listed.len(), MAX_PROBLEMS + 1);
    assert_eq!(
        listed.last().map(String::as_str),
        Some("… and 10 more problems")
    );
}

/// The list entries of a backup: the shape check's words through `validate`,
/// and the readers alone refusing wrong values by field.
#[test]
fn list_entries_are_checked_then_read() {
    let file = |list: &str, entry: &str| {
        format!(r#"{{"format":"evident-backup","version":1,"attempts":[],"{list}":[{entry}]}}"#)
    };
    let cases = [
        (
            file("newer_version", r#"{"key":"evident.prefs"}"#),
            "newer-version value 1: field `raw` is missing",
        ),
        (
            file("newer_version", r#"{"key":"evident.other","raw":""}"#),
            "newer-version value 1: field `key` is not an Evident key",
        ),
        (
            file(
                "quarantined",
                r#"{"key":"evident.quarantine.k","original_key":"k","reason":5,"raw":""}"#,
            ),
            "quarantined value 1: field `reason` must be a string, found a number",
        ),
    ];
    for (json, want) in cases {
        assert_eq!(
            validate(&json).err(),
            Some(ImportError::Invalid(vec![want.to_owned()])),
            "{json}"
        );
    }

    let readers: [(Result<(), String>, &str); 2] = [
        (
            AsideEntry::from_json(
                &serde_json::json!({"key": "k", "original_key": "o", "reason": "r"}),
            )
            .map(drop),
            "field `raw` is missing",
        ),
        (
            NewerEntry::from_json(&serde_json::json!({"key": [], "raw": ""})).map(drop),
            "field `key` must be a string, found an array",
        ),
    ];
    for (got, want) in readers {
        assert_eq!(got.err().as_deref(), Some(want));
    }
}
