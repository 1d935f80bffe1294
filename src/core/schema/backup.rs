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
//! the second time. Writes go through a journal: if the store fills up midway
//! every write is undone, leaving the store as it was.

use super::json::{self, FromJson};
use super::migrate::{decode_attempt_value, encode_attempt_value, Decoded, StoredAttempt};
use super::records::{
    encode_prefs, read_prefs, read_v1_value, Prefs, Read, StoredPrefsV1, StoredQuarantineV1,
    PREFS_SHAPE,
};
use super::repo::{
    attempt_key, place_aside, quarantine, read_attempt_at, update_index, valid_id,
    AttemptReadError, ATTEMPT_PREFIX, INDEX_KEY, PREFS_KEY, QUARANTINE_PREFIX,
};
use super::shape::{self, field, Kind};
use crate::core::attempt::Attempt;
use crate::core::rubric;
use crate::core::sorting;
use crate::core::store::{KeyValueStore, StorageError};
use serde::Serialize;
use serde_json::Value;
use std::cell::RefCell;
use std::collections::BTreeSet;

/// The `format` field of a backup file.
pub const BACKUP_FORMAT: &str = "evident-backup";
/// The backup file version this build writes and the newest it reads.
pub const BACKUP_VERSION: u32 = 1;
/// Larger files are refused before parsing.
pub const MAX_BACKUP_BYTES: usize = 20 * 1024 * 1024;
/// At most this many attempts in one file.
pub const MAX_BACKUP_ATTEMPTS: usize = 10_000;
/// Import lists at most this many problems, then says how many more.
const MAX_PROBLEMS: usize = 30;

#[derive(Serialize)]
struct BackupFile {
    format: &'static str,
    version: u32,
    attempts: Vec<Value>,
    prefs: Option<Value>,
    quarantined: Vec<AsideEntry>,
    newer_version: Vec<NewerEntry>,
    /// What could not be read while exporting (the export still went on).
    problems: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
struct AsideEntry {
    key: String,
    original_key: String,
    reason: String,
    raw: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
struct NewerEntry {
    key: String,
    raw: String,
}

impl FromJson for AsideEntry {
    fn from_json(v: &Value) -> Result<Self, String> {
        Ok(AsideEntry {
            key: json::field(v, "key")?,
            original_key: json::field(v, "original_key")?,
            reason: json::field(v, "reason")?,
            raw: json::field(v, "raw")?,
        })
    }
}

impl FromJson for NewerEntry {
    fn from_json(v: &Value) -> Result<Self, String> {
        Ok(NewerEntry {
            key: json::field(v, "key")?,
            raw: json::field(v, "raw")?,
        })
    }
}

const ASIDE_SHAPE: Kind = Kind::Object(&[
    field("key", Kind::Str { max: 1_024 }),
    field("original_key", Kind::Str { max: 1_024 }),
    field("reason", Kind::Str { max: 4_096 }),
    field(
        "raw",
        Kind::Str {
            max: MAX_BACKUP_BYTES,
        },
    ),
]);

const NEWER_SHAPE: Kind = Kind::Object(&[
    field("key", Kind::Str { max: 1_024 }),
    field(
        "raw",
        Kind::Str {
            max: MAX_BACKUP_BYTES,
        },
    ),
]);

/// Exports everything as pretty JSON. Never writes to the store.
///
/// `unsaved` are attempts held in memory (pass all of them, or none): when
/// the store is full or unavailable they are the only copy, so each one is
/// exported unless the store holds a newer version of it. Storage failures do
/// not abort the export; they are listed in the file's `problems`.
pub fn export_backup(store: &dyn KeyValueStore, unsaved: &[Attempt]) -> String {
    let mut problems = Vec::new();
    let mut stored: Vec<Attempt> = Vec::new();
    let mut quarantined = Vec::new();
    let mut newer_version = Vec::new();
    let mut prefs = None;

    let mut keys = Vec::new();
    for prefix in [ATTEMPT_PREFIX, QUARANTINE_PREFIX] {
        match store.keys(prefix) {
            Ok(k) => keys.extend(k),
            Err(e) => problems.push(format!("could not list stored values: {e}")),
        }
    }
    keys.push(PREFS_KEY.to_owned());

    for key in keys {
        let raw = match store.get(&key) {
            Ok(Some(raw)) => raw,
            Ok(None) => continue,
            Err(e) => {
                problems.push(format!("could not read `{key}`: {e}"));
                continue;
            }
        };
        if key.starts_with(QUARANTINE_PREFIX) {
            let (original_key, reason, raw) = match super::records::read_quarantine(&raw) {
                Read::Ok(q) => (q.original_key, q.reason, q.raw),
                _ => (key.clone(), "unreadable quarantine record".to_owned(), raw),
            };
            quarantined.push(AsideEntry {
                key,
                original_key,
                reason,
                raw,
            });
        } else if key == PREFS_KEY {
            match read_prefs(&raw) {
                Read::Ok(p) => prefs = serde_json::from_str(&encode_prefs(&p)).ok(),
                Read::Newer(_) => newer_version.push(NewerEntry { key, raw }),
                Read::Corrupt(reason) => quarantined.push(aside_in_place(key, reason, raw)),
            }
        } else {
            match read_attempt_at(&key, &raw) {
                Ok((a, _)) => stored.push(a),
                Err(AttemptReadError::Newer(_)) => newer_version.push(NewerEntry { key, raw }),
                Err(AttemptReadError::Corrupt(reason)) => {
                    quarantined.push(aside_in_place(key, reason, raw))
                }
            }
        }
    }
    // One copy per id, the most recently updated; on a tie the unsaved copy
    // (listed first, and the sort is stable) wins.
    let mut attempts: Vec<Attempt> = unsaved.to_vec();
    attempts.extend(stored);
    sorting::sort_by(&mut attempts, |a, b| {
        a.id.cmp(&b.id)
            .then_with(|| b.updated_at_ms.cmp(&a.updated_at_ms))
    });
    attempts.dedup_by(|later, kept| later.id == kept.id);
    sorting::sort_by(&mut attempts, |a, b| {
        b.created_at_ms
            .cmp(&a.created_at_ms)
            .then_with(|| a.id.cmp(&b.id))
    });

    let file = BackupFile {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        attempts: attempts
            .iter()
            .map(|a| encode_attempt_value(&StoredAttempt::from(a)))
            .collect(),
        prefs,
        quarantined,
        newer_version,
        problems,
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// An unreadable value found during export, not yet moved aside (export
/// never writes): it goes into the file under its own key.
fn aside_in_place(key: String, reason: String, raw: String) -> AsideEntry {
    AsideEntry {
        original_key: key.clone(),
        key: format!("{QUARANTINE_PREFIX}{key}"),
        reason,
        raw,
    }
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

/// A validated backup, ready to merge.
struct ValidBackup {
    attempts: Vec<Attempt>,
    prefs: Option<Prefs>,
    aside: Vec<StoredQuarantineV1>,
    aside_keys: Vec<String>,
    newer: Vec<(String, String)>,
}

/// Imports a backup file into the store: validates everything first, then
/// merges. On any error nothing is changed.
pub fn import_backup(store: &dyn KeyValueStore, json: &str) -> Result<ImportReport, ImportError> {
    let backup = validate(json)?;
    let journal = Journal::new(store);
    match merge(&journal, &backup) {
        Ok(report) => Ok(report),
        Err(e) => {
            journal.rollback();
            Err(ImportError::Storage(e))
        }
    }
}

/// Checks the whole file and collects every problem.
fn validate(json: &str) -> Result<ValidBackup, ImportError> {
    if json.len() > MAX_BACKUP_BYTES {
        return Err(ImportError::TooLarge { bytes: json.len() });
    }
    let root: Value =
        serde_json::from_str(json).map_err(|e| ImportError::NotJson(e.to_string()))?;
    let Some(obj) = root.as_object() else {
        return Err(invalid(vec![format!(
            "the file must hold a JSON object, found {}",
            shape::found(&root)
        )]));
    };
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
    match super::migrate::read_version(&root) {
        Err(reason) => return Err(invalid(vec![reason])),
        Ok(v) if v > BACKUP_VERSION => {
            return Err(invalid(vec![format!(
                "the backup was written by a newer version of Evident (backup version {v}); update Evident to import it"
            )]))
        }
        Ok(_) => {}
    }

    let mut problems = Vec::new();
    let mut out = ValidBackup {
        attempts: Vec::new(),
        prefs: None,
        aside: Vec::new(),
        aside_keys: Vec::new(),
        newer: Vec::new(),
    };

    match obj.get("attempts") {
        None => problems.push("field `attempts` is missing".into()),
        Some(Value::Array(items)) if items.len() > MAX_BACKUP_ATTEMPTS => problems.push(format!(
            "field `attempts` has too many items ({}, at most {MAX_BACKUP_ATTEMPTS})",
            items.len()
        )),
        Some(Value::Array(items)) => {
            // Ids seen so far, and each kept attempt's item number (for the
            // rare duplicate's message). A set of strings shares its code with
            // the app's other string sets.
            let mut seen: BTreeSet<String> = BTreeSet::new();
            let mut numbers: Vec<usize> = Vec::new();
            for (i, item) in items.iter().enumerate() {
                let n = i + 1;
                let label = attempt_label(n, item);
                match validate_attempt(item) {
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
                            problems
                                .push(format!("{label}: the same id appears in attempt {first}"));
                        }
                    }
                    Err(reason) => problems.push(format!("{label}: {reason}")),
                }
            }
        }
        Some(other) => problems.push(format!(
            "field `attempts` must be an array, found {}",
            shape::found(other)
        )),
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

    for (i, item) in array_field(obj, "quarantined", &mut problems)
        .iter()
        .enumerate()
    {
        match read_part::<AsideEntry>(item, &ASIDE_SHAPE) {
            Err(reason) => problems.push(format!("quarantined value {}: {reason}", i + 1)),
            Ok(entry) => {
                if !entry.key.starts_with(QUARANTINE_PREFIX) {
                    problems.push(format!(
                        "quarantined value {}: field `key` must start with `{QUARANTINE_PREFIX}`",
                        i + 1
                    ));
                    continue;
                }
                out.aside_keys.push(entry.key);
                out.aside.push(StoredQuarantineV1 {
                    original_key: entry.original_key,
                    reason: entry.reason,
                    raw: entry.raw,
                });
            }
        }
    }

    for (i, item) in array_field(obj, "newer_version", &mut problems)
        .iter()
        .enumerate()
    {
        match read_part::<NewerEntry>(item, &NEWER_SHAPE) {
            Err(reason) => problems.push(format!("newer-version value {}: {reason}", i + 1)),
            Ok(NewerEntry { key, raw }) => {
                let allowed = key == PREFS_KEY
                    || key == INDEX_KEY
                    || key.strip_prefix(ATTEMPT_PREFIX).is_some_and(valid_id);
                if allowed {
                    out.newer.push((key, raw));
                } else {
                    problems.push(format!(
                        "newer-version value {}: field `key` is not an Evident key",
                        i + 1
                    ));
                }
            }
        }
    }

    if problems.is_empty() {
        Ok(out)
    } else {
        Err(invalid(problems))
    }
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
    if !valid_id(&stored.base.id) {
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

/// Applies a validated backup.
fn merge(store: &dyn KeyValueStore, backup: &ValidBackup) -> Result<ImportReport, StorageError> {
    let mut report = ImportReport::default();
    let mut ids: BTreeSet<String> = BTreeSet::new();

    for incoming in &backup.attempts {
        let key = attempt_key(&incoming.id);
        let write = match store.get(&key)? {
            None => {
                report.added += 1;
                true
            }
            Some(raw) => match read_attempt_at(&key, &raw) {
                Ok((existing, _)) => {
                    if incoming.updated_at_ms > existing.updated_at_ms && *incoming != existing {
                        report.updated += 1;
                        true
                    } else {
                        report.unchanged += 1;
                        false
                    }
                }
                Err(AttemptReadError::Newer(_)) => {
                    report.kept_newer += 1;
                    false
                }
                Err(AttemptReadError::Corrupt(reason)) => {
                    quarantine(store, &key, &raw, &reason)?;
                    report.added += 1;
                    true
                }
            },
        };
        if write {
            let stored = StoredAttempt::from(incoming);
            store.set(&key, &super::migrate::encode_attempt(&stored))?;
            ids.insert(incoming.id.clone());
        }
    }

    if let Some(incoming) = &backup.prefs {
        let merged = match store.get(PREFS_KEY)? {
            None => Some(incoming.clone()),
            Some(raw) => match read_prefs(&raw) {
                Read::Ok(current) => {
                    let merged = current.merged_with(incoming);
                    (merged != current).then_some(merged)
                }
                Read::Newer(_) => None,
                Read::Corrupt(reason) => {
                    quarantine(store, PREFS_KEY, &raw, &reason)?;
                    Some(incoming.clone())
                }
            },
        };
        if let Some(p) = merged {
            store.set(PREFS_KEY, &encode_prefs(&p))?;
            report.prefs_written = true;
        }
    }

    for (record, key) in backup.aside.iter().zip(&backup.aside_keys) {
        if place_aside(store, key, record)?.1 {
            report.restored_raw += 1;
        }
    }
    for (key, raw) in &backup.newer {
        if store.get(key)?.is_none() {
            store.set(key, raw)?;
            report.restored_raw += 1;
        }
    }

    if !ids.is_empty() {
        update_index(store, |set| {
            let before = set.len();
            set.extend(ids.iter().cloned());
            set.len() != before
        })?;
    }
    Ok(report)
}

/// A store wrapper that remembers the first prior value of every key it
/// touches, so a failed import can be undone exactly.
struct Journal<'a> {
    inner: &'a dyn KeyValueStore,
    before: RefCell<Vec<(String, Option<String>)>>,
}

impl<'a> Journal<'a> {
    fn new(inner: &'a dyn KeyValueStore) -> Self {
        Journal {
            inner,
            before: RefCell::new(Vec::new()),
        }
    }

    fn remember(&self, key: &str) -> Result<(), StorageError> {
        if self.before.borrow().iter().any(|(k, _)| k == key) {
            return Ok(());
        }
        let prior = self.inner.get(key)?;
        self.before.borrow_mut().push((key.to_owned(), prior));
        Ok(())
    }

    /// Best effort, newest change first: removals first free the space that
    /// restoring needs.
    fn rollback(&self) {
        let before = self.before.borrow();
        for (key, prior) in before.iter().rev() {
            if prior.is_none() {
                let _ = self.inner.remove(key);
            }
        }
        for (key, prior) in before.iter().rev() {
            if let Some(value) = prior {
                let _ = self.inner.set(key, value);
            }
        }
    }
}

impl KeyValueStore for Journal<'_> {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.inner.get(key)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.remember(key)?;
        self.inner.set(key, value)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.remember(key)?;
        self.inner.remove(key)
    }

    fn keys(&self, prefix: &str) -> Result<Vec<String>, StorageError> {
        self.inner.keys(prefix)
    }
}

#[cfg(test)]
mod tests;
