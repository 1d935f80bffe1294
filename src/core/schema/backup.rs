//! Full backup: export everything to one JSON file, import it back by merging.
//!
//! The file carries its own format name and version, every attempt as a
//! stored record (any known schema version imports, through the same
//! migrations as storage), the preferences, and — so nothing is ever lost —
//! the raw text of values kept aside as unreadable and of values written by a
//! newer Evident.
//!
//! Import validates the whole file before writing anything and reports every
//! problem with its place ("attempt 3 (id …): field `drill_id` is missing").
//! It then merges by attempt id (the newer `updated_at_ms` wins; equal or
//! older leaves the stored attempt alone), so importing twice changes nothing
//! the second time. All writes are one transaction: if the store fills up
//! midway, none is kept.
//!
//! Both directions work in pieces, so a 50 MB file keeps the page responsive:
//! export reads the database in chunks and returns the file as parts (one
//! per attempt); import finds the attempts with `split` and parses them a few
//! at a time, pausing (`pause`, given by the caller) between batches.
//!
//! Recordings' audio goes in only when the user asks (`audio`): see the
//! `audio` submodule for its entries and why they never block an import.

use super::json::FromJson;
use super::migrate::{decode_attempt_value, encode_attempt_value, Decoded, StoredAttempt};
use super::record::record;
use super::records::{
    encode_prefs, encode_quarantine, read_prefs, read_quarantine, read_summary, read_v1_value,
    Prefs, Read, StoredPrefsV1, StoredQuarantineV1, PREFS_SHAPE,
};
use super::repo::{
    attempt_key, attempt_ops, hash, quarantine_op, read_attempt_at, valid_id, AttemptReadError,
    ATTEMPT_PREFIX, INDEX_KEY, PREFS_KEY, PREFS_RECORD, QUARANTINE_PREFIX,
};
use super::shape::{self, Kind};
use super::split::{self, Items};
use crate::core::attempt::Attempt;
use crate::core::rubric;
use crate::core::store::{Op, Progress, StorageError, Store, Table};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeSet;
use std::future::Future;

mod audio;
#[cfg(test)]
pub use audio::MemoryAudio;
pub use audio::{AudioBlob, AudioStore, MAX_RECORDING_BYTES};

/// The `format` field of a backup file.
pub const BACKUP_FORMAT: &str = "evident-backup";
/// The newest backup file version this build reads, and the one it writes
/// when the file carries recordings (version 2 adds the `audio` array).
pub const BACKUP_VERSION: u32 = 2;
/// The version of a file without recordings: nothing in it differs from
/// version 1, so an Evident that reads only version 1 still imports it.
const BACKUP_VERSION_WITHOUT_AUDIO: u32 = 1;
/// Larger files are refused before parsing.
pub const MAX_BACKUP_BYTES: usize = 200 * 1024 * 1024;
/// At most this many attempts in one file.
pub const MAX_BACKUP_ATTEMPTS: usize = 100_000;
/// Import lists at most this many problems, then says how many more.
const MAX_PROBLEMS: usize = 30;
/// Attempts read from the database per chunk while exporting.
const EXPORT_CHUNK: u32 = 200;
/// Bytes of attempts parsed between two pauses while importing.
const IMPORT_SLICE: usize = 512 * 1024;

/// The file without its attempts (they are written as parts in between).
#[derive(Serialize)]
struct BackupFile {
    format: &'static str,
    version: u32,
    attempts: [(); 0],
    /// Present (and filled in like `attempts`) only with recordings.
    #[serde(skip_serializing_if = "Option::is_none")]
    audio: Option<[(); 0]>,
    prefs: Option<Value>,
    quarantined: Vec<AsideEntry>,
    newer_version: Vec<NewerEntry>,
    /// What could not be read while exporting (the export still went on).
    problems: Vec<String>,
}

record! {
    /// A value kept aside, as a backup carries it.
    pub struct AsideEntry {
        key: String = Kind::Str { max: 1_024 },
        original_key: String = Kind::Str { max: 1_024 },
        reason: String = Kind::Str { max: 4_096 },
        raw: String = Kind::Str { max: MAX_BACKUP_BYTES },
    }
}

record! {
    /// A value of a newer Evident, as a backup carries it.
    pub struct NewerEntry {
        key: String = Kind::Str { max: 1_024 },
        raw: String = Kind::Str { max: MAX_BACKUP_BYTES },
    }
}

/// An unreadable value found during export, not yet moved aside (export
/// never writes): it goes into the file under its own quarantine key.
fn aside_in_place(key: String, reason: String, raw: String) -> AsideEntry {
    AsideEntry {
        key: super::repo::quarantine_key(&key, &raw),
        original_key: key,
        reason,
        raw,
    }
}

/// One attempt as a part of the file: pretty JSON indented to sit in the
/// `attempts` array. (JSON strings hold no raw newline, so re-indenting
/// every line cannot touch user text.)
fn attempt_part(a: &Attempt) -> String {
    let pretty = serde_json::to_string_pretty(&encode_attempt_value(&StoredAttempt::from(a)))
        .unwrap_or_default();
    format!("    {}", pretty.replace('\n', "\n    "))
}

/// Exports everything as the parts of one pretty JSON file (concatenate
/// them). Never writes to the store.
///
/// `unsaved` are attempts held in memory (pass all of them, or none): when
/// the store is full or unavailable they are the only copy, so each one is
/// exported unless the store holds a newer version of it. `audio`: the
/// recordings' table when the user asked for their audio, else `None`.
/// Storage failures do not abort the export; they are listed in the file's
/// `problems`.
pub async fn export_backup<S: Store, A: AudioStore>(
    store: &S,
    audio: Option<&A>,
    unsaved: &[Attempt],
    progress: Progress<'_>,
) -> Vec<String> {
    let mut problems = Vec::new();
    let mut quarantined = Vec::new();
    let mut newer_version = Vec::new();
    let mut prefs = None;
    let mut parts: Vec<String> = Vec::new();
    // The ids written, so only their recordings go in.
    let mut ids: BTreeSet<String> = BTreeSet::new();

    // Unsaved copies win over stored ones as new or older (ties included).
    // A list, not a map: a few open attempts, one B-tree type fewer.
    let mut memory: Vec<(&Attempt, bool)> = unsaved.iter().map(|a| (a, true)).collect();
    let total = match store.keys(Table::Attempts).await {
        Ok(keys) => keys.len(),
        Err(e) => {
            problems.push(format!("could not list stored attempts: {e}"));
            0
        }
    };
    let mut after: Option<String> = None;
    let mut done = 0;
    loop {
        let chunk = match store
            .chunk(Table::Attempts, after.as_deref(), EXPORT_CHUNK)
            .await
        {
            Ok(c) => c,
            Err(e) => {
                problems.push(format!("could not read stored attempts: {e}"));
                break;
            }
        };
        let Some((last, _)) = chunk.last() else { break };
        after = Some(last.clone());
        for (id, raw) in chunk {
            let name = attempt_key(&id);
            match read_attempt_at(&name, &raw) {
                Ok((a, _)) => match memory.iter_mut().find(|(m, _)| m.id == a.id) {
                    Some((m, keep)) if m.updated_at_ms >= a.updated_at_ms => {
                        *keep = true;
                    }
                    Some((_, keep)) => {
                        *keep = false;
                        ids.insert(a.id.clone());
                        parts.push(attempt_part(&a));
                    }
                    None => {
                        ids.insert(a.id.clone());
                        parts.push(attempt_part(&a));
                    }
                },
                Err(AttemptReadError::Newer(_)) => {
                    ids.insert(id);
                    newer_version.push(NewerEntry { key: name, raw })
                }
                Err(AttemptReadError::Corrupt(reason)) => {
                    quarantined.push(aside_in_place(name, reason, raw))
                }
            }
            done += 1;
        }
        progress(done, total.max(done));
    }
    for (a, keep) in &memory {
        if *keep {
            ids.insert(a.id.clone());
            parts.push(attempt_part(a));
        }
    }

    match super::super::store::get_many(store, Table::Prefs, &[PREFS_RECORD.to_owned()]).await {
        Ok(found) => {
            if let Some(raw) = found.into_iter().next().flatten() {
                match read_prefs(&raw) {
                    Read::Ok(p) => prefs = serde_json::from_str(&encode_prefs(&p)).ok(),
                    Read::Newer(_) => newer_version.push(NewerEntry {
                        key: PREFS_KEY.into(),
                        raw,
                    }),
                    Read::Corrupt(reason) => {
                        quarantined.push(aside_in_place(PREFS_KEY.into(), reason, raw))
                    }
                }
            }
        }
        Err(e) => problems.push(format!("could not read `{PREFS_KEY}`: {e}")),
    }
    match store.get_all(Table::Quarantine).await {
        Ok(rows) => {
            for (key, raw) in rows {
                let (original_key, reason, raw) = match read_quarantine(&raw) {
                    Read::Ok(q) => (q.original_key, q.reason, q.raw),
                    _ => (key.clone(), "unreadable quarantine record".to_owned(), raw),
                };
                quarantined.push(AsideEntry {
                    key,
                    original_key,
                    reason,
                    raw,
                });
            }
        }
        Err(e) => problems.push(format!("could not read the values kept aside: {e}")),
    }
    let audio_parts = match audio {
        Some(audio) => audio::export_parts(audio, &ids, &mut problems).await,
        None => Vec::new(),
    };

    let with_audio = !audio_parts.is_empty();
    let file = BackupFile {
        format: BACKUP_FORMAT,
        version: if with_audio {
            BACKUP_VERSION
        } else {
            BACKUP_VERSION_WITHOUT_AUDIO
        },
        attempts: [],
        audio: with_audio.then_some([]),
        prefs,
        quarantined,
        newer_version,
        problems,
    };
    let frame = serde_json::to_string_pretty(&file).unwrap_or_default();
    // The frame's first `"attempts": []` is the empty array above: format
    // and version come first, and no JSON string holds an unescaped quote.
    // `"audio": []`, when there, follows it.
    let (before, rest) = frame
        .split_once("\"attempts\": []")
        .unwrap_or((frame.as_str(), ""));
    let mut out = Vec::with_capacity((parts.len() + audio_parts.len()) * 2 + 5);
    out.push(format!("{before}\"attempts\": ["));
    push_items(&mut out, parts);
    match rest.split_once("\"audio\": []") {
        Some((between, after)) if with_audio => {
            out.push(format!("{between}\"audio\": ["));
            push_items(&mut out, audio_parts);
            out.push(after.to_owned());
        }
        _ => out.push(rest.to_owned()),
    }
    out
}

/// The items of an array of the file and its closing bracket, as parts.
fn push_items(out: &mut Vec<String>, parts: Vec<String>) {
    let n = parts.len();
    for (i, part) in parts.into_iter().enumerate() {
        out.push(if i == 0 {
            "\n".to_owned()
        } else {
            ",\n".to_owned()
        });
        out.push(part);
    }
    out.push(if n == 0 {
        "]".to_owned()
    } else {
        "\n  ]".to_owned()
    });
}

/// What an import changed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Attempts that were not in the store.
    pub added: usize,
    /// Attempts replaced by a newer copy from the file.
    pub updated: usize,
    /// Attempts already present and as new or newer in the store.
    pub unchanged: usize,
    /// Attempts the store holds in a newer schema, left untouched.
    pub kept_newer: usize,
    /// Unreadable or newer-version values from the file restored aside.
    pub restored_raw: usize,
    /// Whether preferences were written (merged or restored).
    pub prefs_written: bool,
    /// Recordings' audio written to this device.
    pub recordings_restored: usize,
    /// Recordings left out, each naming its attempt and why (the attempts
    /// and their measurements imported all the same).
    pub recording_problems: Vec<String>,
}

/// Why an import was refused; nothing was changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
    },
    NotJson(String),
    /// Every problem found, each with its place in the file.
    Invalid(Vec<String>),
    /// The store failed while writing; all writes were undone.
    Storage(StorageError),
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::TooLarge { bytes } => write!(
                f,
                "The file is too large ({}.{} MB; a backup can be at most {} MB).",
                // Tenths of a megabyte in integers: float formatting would
                // add about 15 KB to the gzipped wasm for this one message.
                bytes / (1024 * 1024),
                bytes / 1024 * 10 / 1024 % 10,
                MAX_BACKUP_BYTES / (1024 * 1024)
            ),
            ImportError::NotJson(e) => write!(f, "The file is not valid JSON: {e}."),
            ImportError::Invalid(problems) => {
                write!(f, "The backup was not imported:")?;
                for p in problems {
                    write!(f, "\n- {p}")?;
                }
                Ok(())
            }
            ImportError::Storage(e) => write!(
                f,
                "The backup was not imported because {e}; nothing was changed."
            ),
        }
    }
}

/// How far an import has got, for a progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportStage {
    /// Checking the file: bytes of it read so far.
    Checking { done: usize, total: usize },
    /// Writing: records written so far.
    Saving { done: usize, total: usize },
}

/// A validated backup, ready to merge (its audio borrowed from the file).
struct ValidBackup<'a> {
    attempts: Vec<Attempt>,
    prefs: Option<Prefs>,
    aside: Vec<AsideEntry>,
    newer: Vec<(String, String)>,
    audio: Vec<audio::AudioEntry<'a>>,
    audio_problems: Vec<String>,
}

/// serde's own message for why the whole text is not JSON (it names the
/// line and column); used whenever splitting or parsing a part fails.
fn not_json(json: &str) -> ImportError {
    match serde_json::from_str::<serde::de::IgnoredAny>(json) {
        Err(e) => ImportError::NotJson(e.to_string()),
        Ok(_) => ImportError::NotJson("its structure could not be followed".into()),
    }
}

/// Imports a backup file into the store: validates everything first, then
/// merges in one transaction. On any error nothing is changed. `pause` lets
/// the page breathe between batches (natively: return a ready future).
///
/// The file's recordings, if any, are written to `audio` after that
/// transaction, one at a time; a recording that cannot be read or saved is
/// named in the report's `recording_problems` and changes nothing else.
pub async fn import_backup<S: Store, A: AudioStore, F: Future<Output = ()>>(
    store: &S,
    audio: &A,
    json: &str,
    progress: &dyn Fn(ImportStage),
    pause: impl Fn() -> F,
) -> Result<ImportReport, ImportError> {
    let backup = validate(json, progress, pause).await?;
    let (mut report, from_file) = merge(store, &backup, progress)
        .await
        .map_err(ImportError::Storage)?;
    let restored = audio::restore(audio, &backup.audio, &from_file).await;
    report.recordings_restored = restored.written;
    report.recording_problems = backup.audio_problems;
    report.recording_problems.extend(restored.problems);
    Ok(report)
}

/// Checks the whole file and collects every problem.
async fn validate<'a, F: Future<Output = ()>>(
    json: &'a str,
    progress: &dyn Fn(ImportStage),
    pause: impl Fn() -> F,
) -> Result<ValidBackup<'a>, ImportError> {
    if json.len() > MAX_BACKUP_BYTES {
        return Err(ImportError::TooLarge { bytes: json.len() });
    }
    let trimmed = json.trim_start();
    if !trimmed.starts_with('{') {
        let root: Value =
            serde_json::from_str(json).map_err(|e| ImportError::NotJson(e.to_string()))?;
        return Err(invalid(vec![format!(
            "the file must hold a JSON object, found {}",
            shape::found(&root)
        )]));
    }
    let members = split::members(json).map_err(|_| not_json(json))?;
    let mut obj = serde_json::Map::new();
    let mut attempts_text = None;
    let mut audio_text = None;
    for (key, text) in members {
        let key: String = serde_json::from_str(key).map_err(|_| not_json(json))?;
        if key == "attempts" {
            attempts_text = Some(text);
            continue;
        }
        // Read entry by entry, borrowed: the audio is most of a large file.
        if key == "audio" {
            audio_text = Some(text);
            continue;
        }
        let value: Value = serde_json::from_str(text).map_err(|_| not_json(json))?;
        obj.insert(key, value);
    }
    match obj.get("format").and_then(Value::as_str) {
        Some(BACKUP_FORMAT) => {}
        Some(other) => {
            return Err(invalid(vec![format!(
            "this is not an Evident backup (field `format` is {:?}, expected {BACKUP_FORMAT:?})",
            clip(other)
        )]))
        }
        None => {
            return Err(invalid(vec![
                "this is not an Evident backup (field `format` is missing)".into(),
            ]))
        }
    }
    let root = Value::Object(obj);
    match super::migrate::read_version(&root) {
        Err(reason) => return Err(invalid(vec![reason])),
        Ok(v) if v > BACKUP_VERSION => {
            return Err(invalid(vec![format!(
                "the backup was written by a newer version of Evident (backup version {v}); update Evident to import it"
            )]))
        }
        Ok(_) => {}
    }
    let Value::Object(obj) = root else {
        return Err(not_json(json));
    };

    let mut problems = Vec::new();
    let mut out = ValidBackup {
        attempts: Vec::new(),
        prefs: None,
        aside: Vec::new(),
        newer: Vec::new(),
        audio: Vec::new(),
        audio_problems: Vec::new(),
    };

    match attempts_text {
        None => problems.push("field `attempts` is missing".into()),
        Some(text) => match Items::of(text) {
            None => {
                let value: Value = serde_json::from_str(text).map_err(|_| not_json(json))?;
                problems.push(format!(
                    "field `attempts` must be an array, found {}",
                    shape::found(&value)
                ));
            }
            Some(mut items) => {
                // Ids seen so far, and each kept attempt's item number (for
                // the rare duplicate's message).
                let mut seen: BTreeSet<String> = BTreeSet::new();
                let mut numbers: Vec<usize> = Vec::new();
                let mut n = 0;
                let mut next_pause = IMPORT_SLICE;
                while let Some(item) = items.next() {
                    let item = item.map_err(|_| not_json(json))?;
                    n += 1;
                    if n > MAX_BACKUP_ATTEMPTS {
                        problems.push(format!(
                            "field `attempts` has too many items (more than {MAX_BACKUP_ATTEMPTS})"
                        ));
                        break;
                    }
                    let value: Value = serde_json::from_str(item).map_err(|_| not_json(json))?;
                    let label = attempt_label(n, &value);
                    match validate_attempt(&value) {
                        Ok(a) => {
                            if seen.insert(a.id.clone()) {
                                out.attempts.push(a);
                                numbers.push(n);
                            } else {
                                let first = out
                                    .attempts
                                    .iter()
                                    .position(|kept| kept.id == a.id)
                                    .map_or(0, |at| numbers[at]);
                                problems.push(format!(
                                    "{label}: the same id appears in attempt {first}"
                                ));
                            }
                        }
                        Err(reason) => problems.push(format!("{label}: {reason}")),
                    }
                    if items.position() >= next_pause {
                        next_pause = items.position() + IMPORT_SLICE;
                        progress(ImportStage::Checking {
                            done: items.position(),
                            total: text.len(),
                        });
                        pause().await;
                    }
                }
            }
        },
    }

    match obj.get("prefs") {
        None | Some(Value::Null) => {}
        Some(value) => match read_v1_value::<StoredPrefsV1>(value, &PREFS_SHAPE) {
            Read::Ok(p) => out.prefs = Some(p.into()),
            Read::Newer(v) => problems.push(format!(
                "prefs: written by a newer version of Evident (schema {v}); update Evident to import it"
            )),
            Read::Corrupt(reason) => problems.push(format!("prefs: {reason}")),
        },
    }

    for (i, item) in array_field(&obj, "quarantined", &mut problems)
        .iter()
        .enumerate()
    {
        match read_part::<AsideEntry>(item, &AsideEntry::SHAPE) {
            Err(reason) => problems.push(format!("quarantined value {}: {reason}", i + 1)),
            Ok(entry) => {
                if !entry.key.starts_with(QUARANTINE_PREFIX) {
                    problems.push(format!(
                        "quarantined value {}: field `key` must start with `{QUARANTINE_PREFIX}`",
                        i + 1
                    ));
                    continue;
                }
                out.aside.push(entry);
            }
        }
    }

    for (i, item) in array_field(&obj, "newer_version", &mut problems)
        .iter()
        .enumerate()
    {
        match read_part::<NewerEntry>(item, &NewerEntry::SHAPE) {
            Err(reason) => problems.push(format!("newer-version value {}: {reason}", i + 1)),
            Ok(NewerEntry { key, raw }) => {
                let allowed = key == PREFS_KEY
                    || key == INDEX_KEY
                    || key.strip_prefix(ATTEMPT_PREFIX).is_some_and(valid_id);
                if !allowed {
                    problems.push(format!(
                        "newer-version value {}: field `key` is not an Evident key",
                        i + 1
                    ));
                } else if serde_json::from_str::<Value>(&raw).is_err() {
                    problems.push(format!(
                        "newer-version value {}: field `raw` is not JSON",
                        i + 1
                    ));
                } else if key != INDEX_KEY {
                    // The index of the first releases is not kept any more.
                    out.newer.push((key, raw));
                }
            }
        }
    }

    if !problems.is_empty() {
        return Err(invalid(problems));
    }
    // Only now: an audio entry is checked against the attempts it belongs to.
    if let Some(text) = audio_text.filter(|t| t.trim() != "null") {
        audio::check(text, &mut out);
    }
    Ok(out)
}

/// One attempt of the file: any known schema version, then the checks the
/// domain needs (a usable id, known rubrics, scores in range).
fn validate_attempt(item: &Value) -> Result<Attempt, String> {
    let stored = match decode_attempt_value(item.clone()) {
        Decoded::Ok { attempt, .. } => attempt,
        Decoded::Newer { version } => {
            return Err(format!(
            "written by a newer version of Evident (schema {version}); update Evident to import it"
        ))
        }
        Decoded::Corrupt { reason } => return Err(reason),
    };
    if !valid_id(&stored.id) {
        return Err("field `id` must be 1–128 letters, digits, `-`, `_`, `.` or `:`".into());
    }
    let attempt = Attempt::try_from(*stored)?;
    for (i, s) in attempt.scores.iter().enumerate() {
        rubric::validate_scores(s.rubric, &s.values)
            .map_err(|e| format!("field `scores[{i}].values`: {e}"))?;
    }
    Ok(attempt)
}

fn attempt_label(n: usize, item: &Value) -> String {
    match item.get("id").and_then(Value::as_str) {
        Some(id) => format!("attempt {n} (id {})", clip(id)),
        None => format!("attempt {n}"),
    }
}

/// Shortens user-controlled text echoed in an error message.
fn clip(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() <= MAX {
        s.to_owned()
    } else {
        let head: String = s.chars().take(MAX).collect();
        format!("{head}…")
    }
}

fn array_field<'a>(
    obj: &'a serde_json::Map<String, Value>,
    name: &str,
    problems: &mut Vec<String>,
) -> &'a [Value] {
    match obj.get(name) {
        None | Some(Value::Null) => &[],
        Some(Value::Array(items)) => items,
        Some(other) => {
            problems.push(format!(
                "field `{name}` must be an array, found {}",
                shape::found(other)
            ));
            &[]
        }
    }
}

/// One entry of a backup list: its shape, then its fields.
fn read_part<T: FromJson>(item: &Value, kind: &Kind) -> Result<T, String> {
    shape::check(item, kind)?;
    T::from_json(item)
}

fn invalid(mut problems: Vec<String>) -> ImportError {
    if problems.len() > MAX_PROBLEMS {
        let more = problems.len() - MAX_PROBLEMS;
        problems.truncate(MAX_PROBLEMS);
        problems.push(format!("… and {more} more problems"));
    }
    ImportError::Invalid(problems)
}

/// Where a newer-version value of the file goes in the database.
fn newer_target(key: &str) -> (Table, String) {
    match key.strip_prefix(ATTEMPT_PREFIX) {
        Some(id) => (Table::Attempts, id.to_owned()),
        None => (Table::Prefs, PREFS_RECORD.to_owned()),
    }
}

/// Applies a validated backup in one transaction; also says which
/// attempts were written from the file.
async fn merge<S: Store>(
    store: &S,
    backup: &ValidBackup<'_>,
    progress: &dyn Fn(ImportStage),
) -> Result<(ImportReport, BTreeSet<String>), StorageError> {
    // Attempts stored without a readable summary (a newer Evident's, or
    // unreadable ones) are read in full to decide.
    let mut unsummarized: BTreeSet<String> = BTreeSet::new();
    unsummarized.extend(store.keys(Table::Attempts).await?);
    for (key, raw) in store.get_all(Table::Summaries).await? {
        if read_summary(&raw).is_some_and(|s| s.id == key) {
            unsummarized.remove(&key);
        }
    }

    let mut reads: Vec<(Table, String)> = Vec::new();
    for a in &backup.attempts {
        reads.push((Table::Summaries, a.id.clone()));
        reads.push((Table::Attempts, a.id.clone()));
    }
    reads.push((Table::Prefs, PREFS_RECORD.to_owned()));
    for entry in &backup.aside {
        reads.push((Table::Quarantine, entry.key.clone()));
    }
    for (key, _) in &backup.newer {
        reads.push(newer_target(key));
    }
    // Reading every stored attempt in full would read as much as the import
    // again: only those without a readable summary are read.
    let reads: Vec<(Table, String)> = reads
        .into_iter()
        .filter(|(t, k)| *t != Table::Attempts || unsummarized.contains(k))
        .collect();
    let saving = |done: usize, total: usize| progress(ImportStage::Saving { done, total });
    store
        .update(&reads, |found| decide(backup, &reads, found), &saving)
        .await
}

fn decide(
    backup: &ValidBackup<'_>,
    reads: &[(Table, String)],
    found: Vec<Option<String>>,
) -> (Vec<Op>, (ImportReport, BTreeSet<String>)) {
    // What was read, taken in the order the reads were listed (an
    // attempt's full read is there only when it had no summary).
    let mut cursor = reads.iter().zip(found).peekable();
    let mut get = |t: Table, k: &str| match cursor.peek() {
        Some(((rt, rk), _)) if *rt == t && rk == k => cursor.next().and_then(|(_, v)| v),
        _ => None,
    };
    let mut report = ImportReport::default();
    let mut from_file = BTreeSet::new();
    let mut ops = Vec::new();

    for incoming in &backup.attempts {
        let stored_updated =
            match get(Table::Summaries, &incoming.id).and_then(|s| read_summary(&s)) {
                Some(summary) => Some(summary.updated_at_ms),
                None => match get(Table::Attempts, &incoming.id) {
                    None => None,
                    Some(raw) => match read_attempt_at(&attempt_key(&incoming.id), &raw) {
                        Ok((existing, _)) => Some(existing.updated_at_ms),
                        Err(AttemptReadError::Newer(_)) => {
                            report.kept_newer += 1;
                            continue;
                        }
                        Err(AttemptReadError::Corrupt(reason)) => {
                            ops.push(quarantine_op(&attempt_key(&incoming.id), &raw, &reason).0);
                            None
                        }
                    },
                },
            };
        match stored_updated {
            None => report.added += 1,
            Some(t) if incoming.updated_at_ms > t => report.updated += 1,
            Some(_) => {
                report.unchanged += 1;
                continue;
            }
        }
        from_file.insert(incoming.id.clone());
        ops.extend(attempt_ops(incoming));
    }

    if let Some(incoming) = &backup.prefs {
        let merged = match get(Table::Prefs, PREFS_RECORD) {
            None => Some(incoming.clone()),
            Some(raw) => match read_prefs(&raw) {
                Read::Ok(current) => {
                    let merged = current.merged_with(incoming);
                    (merged != current).then_some(merged)
                }
                Read::Newer(_) => None,
                Read::Corrupt(reason) => {
                    ops.push(quarantine_op(PREFS_KEY, &raw, &reason).0);
                    Some(incoming.clone())
                }
            },
        };
        if let Some(p) = merged {
            ops.push(Op::Put {
                table: Table::Prefs,
                key: PREFS_RECORD.to_owned(),
                value: encode_prefs(&p),
            });
            report.prefs_written = true;
        }
    }

    for entry in &backup.aside {
        let record = StoredQuarantineV1 {
            original_key: entry.original_key.clone(),
            reason: entry.reason.clone(),
            raw: entry.raw.clone(),
        };
        let value = encode_quarantine(&record);
        let key = match get(Table::Quarantine, &entry.key)
            .as_deref()
            .map(read_quarantine)
        {
            None => entry.key.clone(),
            Some(Read::Ok(q)) if q.raw == entry.raw && q.original_key == entry.original_key => {
                continue
            }
            Some(_) => format!("{}.{}", entry.key, hash(&entry.raw)),
        };
        ops.push(Op::Put {
            table: Table::Quarantine,
            key,
            value,
        });
        report.restored_raw += 1;
    }
    for (key, raw) in &backup.newer {
        let (table, k) = newer_target(key);
        if get(table, &k).is_none() {
            if table == Table::Attempts {
                from_file.insert(k.clone());
            }
            ops.push(Op::Put {
                table,
                key: k,
                value: raw.clone(),
            });
            report.restored_raw += 1;
        }
    }
    (ops, (report, from_file))
}

#[cfg(test)]
mod tests;
