//! Recordings in a backup: left out unless asked for, round trip, damaged
//! and oversized entries named by attempt without losing the attempt, and
//! older files importing as before.

use super::super::{export_backup, import_backup, ImportReport};
use super::*;
use crate::core::audio::metrics::SpeechMetrics;
use crate::core::audio::recording::{Recording, TranscriptSource};
use crate::core::schema::repo::{self as r, Notes};
use crate::core::store::{block_on, MemoryStore};

const SLOT: &str = "spoken-summary-transcript";
const BACKUP_V1: &str = include_str!("../../../../../tests/fixtures/storage/backup-v1.json");

/// An attribution split attempt with a measured recording of `bytes`.
fn spoken(id: &str, bytes: &[u8]) -> Attempt {
    let mut a = Attempt::new(id, "attribution-split", "A migration.", 1_000, 0);
    a.set_section(SLOT, "I designed the cutover.", 1_001);
    let metrics = SpeechMetrics {
        duration_ms: 4_000,
        speaking_ms: 3_000,
        first_word_ms: Some(500),
        pauses: Vec::new(),
        syllables: 12,
    };
    a.set_recording(
        Recording {
            slot: SLOT.into(),
            mime: "audio/webm;codecs=opus".into(),
            bytes: bytes.len() as u64,
            recorded_at_ms: 1_002,
            metrics,
            transcript_source: TranscriptSource::Typed,
        },
        1_003,
    );
    a
}

/// A store with one spoken attempt and its audio.
fn device(id: &str, bytes: &[u8]) -> (MemoryStore, MemoryAudio) {
    let (store, audio) = (MemoryStore::default(), MemoryAudio::default());
    block_on(r::save_attempt(&store, None, &spoken(id, bytes))).unwrap();
    block_on(audio.write(&audio_key(id, SLOT), "audio/webm;codecs=opus", bytes)).unwrap();
    (store, audio)
}

fn export(store: &MemoryStore, audio: Option<&MemoryAudio>) -> String {
    block_on(export_backup(store, audio, &[], &|_, _| {})).concat()
}

fn import(store: &MemoryStore, audio: &MemoryAudio, json: &str) -> ImportReport {
    block_on(import_backup(store, audio, json, &|_| {}, || async {})).unwrap()
}

fn attempts(store: &MemoryStore) -> Vec<Attempt> {
    let ids: Vec<String> = block_on(r::load(store))
        .unwrap()
        .summaries
        .iter()
        .map(|s| s.id.clone())
        .collect();
    block_on(r::load_attempts(store, &ids, &mut Notes::default())).unwrap()
}

/// The file with its first audio entry's field `field` set to `value`.
fn with_audio_field(json: &str, field: &str, value: Value) -> String {
    let mut file: Value = serde_json::from_str(json).unwrap();
    file["audio"][0][field] = value;
    serde_json::to_string_pretty(&file).unwrap()
}

#[test]
fn recordings_stay_out_of_a_backup_unless_asked_for() {
    let (store, audio) = device("a1", b"opus bytes");
    let plain: Value = serde_json::from_str(&export(&store, None)).unwrap();
    assert_eq!(plain["version"], 1);
    assert!(plain.get("audio").is_none());
    // The measurements and transcript go in either way.
    assert_eq!(plain["attempts"][0]["recordings"][0]["bytes"], 10);

    let with: Value = serde_json::from_str(&export(&store, Some(&audio))).unwrap();
    assert_eq!(with["version"], 2);
    assert_eq!(
        with["audio"],
        serde_json::json!([{
            "attempt_id": "a1",
            "slot": SLOT,
            "mime": "audio/webm;codecs=opus",
            "bytes": 10,
            "data": "b3B1cyBieXRlcw==",
        }])
    );
}

#[test]
fn a_backup_with_recordings_restores_them_next_to_their_attempts() {
    let bytes: Vec<u8> = (0..=255u8).cycle().take(5_000).collect();
    let (store, audio) = device("a1", &bytes);
    let json = export(&store, Some(&audio));

    let (target, target_audio) = (MemoryStore::default(), MemoryAudio::default());
    let report = import(&target, &target_audio, &json);
    assert_eq!((report.added, report.recordings_restored), (1, 1));
    assert_eq!(report.recording_problems, Vec::<String>::new());
    assert_eq!(attempts(&target), attempts(&store));
    assert_eq!(
        block_on(target_audio.read(&audio_key("a1", SLOT))).unwrap(),
        Some(AudioBlob {
            mime: "audio/webm;codecs=opus".into(),
            bytes
        })
    );
    // Importing again changes nothing.
    let again = import(&target, &target_audio, &json);
    assert_eq!((again.unchanged, again.recordings_restored), (1, 0));
}

#[test]
fn an_attempt_the_device_already_has_gets_back_only_missing_audio() {
    let (store, audio) = device("a1", b"old take");
    let json = export(&store, Some(&audio));
    // Re-recorded here after the backup: the newer take stays.
    block_on(audio.write(&audio_key("a1", SLOT), "audio/ogg", b"new take")).unwrap();
    let report = import(&store, &audio, &json);
    assert_eq!((report.unchanged, report.recordings_restored), (1, 0));
    assert_eq!(
        block_on(audio.read(&audio_key("a1", SLOT)))
            .unwrap()
            .map(|b| b.bytes),
        Some(b"new take".to_vec())
    );
    // Its audio lost (the attempt kept): the backup's copy comes back.
    audio.blobs.borrow_mut().clear();
    assert_eq!(import(&store, &audio, &json).recordings_restored, 1);
}

#[test]
fn a_damaged_recording_is_named_and_the_attempt_still_imports() {
    let (store, audio) = device("a1", b"opus bytes");
    let json = export(&store, Some(&audio));
    let cases = [
        (
            with_audio_field(&json, "data", "b3B1cyB!eXRlcw==".into()),
            "The recording of attempt 1 (id a1, Attribution split; Transcript of the spoken summary) was not imported: its audio is damaged (not base64 at character 8); the attempt and its measurements are imported without it.",
        ),
        (
            with_audio_field(&json, "bytes", 11.into()),
            "The recording of attempt 1 (id a1, Attribution split; Transcript of the spoken summary) was not imported: its audio is damaged (10 bytes where the backup says 11); the attempt and its measurements are imported without it.",
        ),
        (
            with_audio_field(&json, "bytes", Value::from(40u64 << 20)),
            "The recording of attempt 1 (id a1, Attribution split; Transcript of the spoken summary) was not imported: it is 40.0 MB, and a backup may carry at most 32 MB per recording; the attempt and its measurements are imported without it.",
        ),
        (
            with_audio_field(&json, "data", Value::Null),
            "The recording of attempt 1 (id a1, Attribution split; Transcript of the spoken summary) was not imported: field `data` must be a string, found null.",
        ),
        (
            with_audio_field(&json, "attempt_id", "zz".into()),
            "The recording of attempt id zz (Transcript of the spoken summary) was not imported: no attempt with this id is in the backup.",
        ),
    ];
    for (file, message) in cases {
        let (target, target_audio) = (MemoryStore::default(), MemoryAudio::default());
        let report = import(&target, &target_audio, &file);
        assert_eq!(report.recording_problems, vec![message.to_owned()]);
        assert_eq!((report.added, report.recordings_restored), (1, 0));
        assert!(target_audio.blobs.borrow().is_empty());
        // The attempt came in with its measurements and transcript.
        let back = attempts(&target);
        assert_eq!(
            back[0].recording(SLOT),
            spoken("a1", b"opus bytes").recording(SLOT)
        );
        assert_eq!(back[0].section_text(SLOT), "I designed the cutover.");
    }
}

#[test]
fn an_oversized_recording_is_refused_before_its_text_is_read() {
    let (store, audio) = device("a1", b"x");
    let json = export(&store, Some(&audio));
    let huge = "A".repeat((MAX_RECORDING_BYTES / 3 + 1) * 4);
    let file = with_audio_field(&json, "data", huge.into());
    let (target, target_audio) = (MemoryStore::default(), MemoryAudio::default());
    let report = import(&target, &target_audio, &file);
    assert_eq!(
        report.recording_problems,
        vec!["The recording of attempt 1 (id a1, Attribution split; Transcript of the spoken summary) was not imported: it is 32.0 MB, and a backup may carry at most 32 MB per recording; the attempt and its measurements are imported without it.".to_owned()]
    );
    assert_eq!(report.added, 1);
}

#[test]
fn a_recording_the_device_cannot_store_is_named_and_nothing_else_is_lost() {
    let (store, audio) = device("a1", b"opus bytes");
    let json = export(&store, Some(&audio));
    let (target, target_audio) = (MemoryStore::default(), MemoryAudio::default());
    target_audio.fail_writes.set(true);
    let report = import(&target, &target_audio, &json);
    assert_eq!(
        report.recording_problems,
        vec!["The recording of attempt 1 (id a1, Attribution split; Transcript of the spoken summary) could not be saved: browser storage is full. The attempt and its measurements are imported.".to_owned()]
    );
    assert_eq!(attempts(&target).len(), 1);
}

#[test]
fn older_backups_import_as_before() {
    let (target, audio) = (MemoryStore::default(), MemoryAudio::default());
    let report = import(&target, &audio, BACKUP_V1);
    assert!(report.added > 0);
    assert_eq!(report.recordings_restored, 0);
    assert!(report.recording_problems.is_empty());
    // And a file without recordings written now reads as version 1.
    let (store, _) = device("a1", b"x");
    let plain = export(&store, None);
    assert!(plain.contains("\"version\": 1,"), "{plain}");
    assert_eq!(import(&MemoryStore::default(), &audio, &plain).added, 1);
}

#[test]
fn a_backup_from_a_newer_format_is_refused() {
    let (store, audio) = device("a1", b"x");
    let json = export(&store, Some(&audio)).replacen("\"version\": 2", "\"version\": 3", 1);
    let err = block_on(import_backup(
        &MemoryStore::default(),
        &audio,
        &json,
        &|_| {},
        || async {},
    ));
    assert_eq!(
        err.map_err(|e| e.to_string()),
        Err("The backup was not imported:\n- the backup was written by a newer version of Evident (backup version 3); update Evident to import it".to_owned())
    );
}
