//! Loading and saving over the storage port (IndexedDB in the browser).
//!
//! Invariants:
//! - An unreadable value is never overwritten or dropped: it is written to
//!   the quarantine table in the same transaction that removes it, so it is
//!   moved, never lost. If that fails (store full), it stays where it is and
//!   is reported.
//! - A value written by a newer Evident is left untouched and reported;
//!   saving over it is refused.
//! - Every attempt is saved with its summary in one transaction, as a merge
//!   with what is stored now (see `merge`), so two tabs never lose each
//!   other's words.
//! - Records have logical names that stay the same in messages, quarantine
//!   keys and backup files: `evident.attempt.<id>`, `evident.prefs`,
//!   `evident.quarantine.<original name>[.<hash>]` (the localStorage keys of
//!   the first releases).

use super::merge::{merge_attempt, merge_prefs};
use super::migrate::{decode_attempt, encode_attempt, Decoded, StoredAttempt};
use super::records::{
    encode_prefs, encode_quarantine, encode_summary, read_prefs, read_quarantine, read_summary,
    Prefs, Read, StoredQuarantineV1,
};
use crate::core::attempt::Attempt;
use crate::core::store::{get_many, write, Op, StorageError, Store, Table};
use crate::core::summary::AttemptSummary;
use std::collections::BTreeSet;

/// The logical name of an attempt: `evident.attempt.<id>`.
pub const ATTEMPT_PREFIX: &str = "evident.attempt.";
/// The localStorage index of the first releases (migrated away).
pub const INDEX_KEY: &str = "evident.index";
/// The logical name of the preferences.
pub const PREFS_KEY: &str = "evident.prefs";
/// Unreadable values moved aside: `evident.quarantine.<original name>…`.
pub const QUARANTINE_PREFIX: &str = "evident.quarantine.";
/// The preferences' key in the prefs table.
pub const PREFS_RECORD: &str = "prefs";
/// Set once persistent storage was requested, so it is asked only once.
pub const PERSIST_ASKED: &str = "persist-asked";

/// The logical name of one attempt.
pub fn attempt_key(id: &str) -> String {
    format!("{ATTEMPT_PREFIX}{id}")
}

/// Attempt ids become part of a storage key and a file name: 1–128 ASCII
/// letters, digits, `-`, `_`, `.` or `:`.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 128
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
}

/// An unreadable value, kept aside (or left in place when that failed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuarantineNote {
    /// Its quarantine key, or its own name when it could not be moved.
    pub key: String,
    pub original_key: String,
    pub reason: String,
    /// True when it was found during this load (tell the user now); false for
    /// values quarantined earlier (still listed until the user discards them).
    pub new: bool,
}

/// A value written by a newer Evident, left untouched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewerVersionNote {
    pub key: String,
    pub version: u32,
}

/// What reading found besides readable records.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Notes {
    pub quarantined: Vec<QuarantineNote>,
    pub newer_version: Vec<NewerVersionNote>,
    /// Storage failures met on the way (reading carried on).
    pub problems: Vec<String>,
}

impl Notes {
    /// One line per thing the user should be told, ready for a banner.
    pub fn messages(&self) -> Vec<String> {
        let mut out = Vec::new();
        for q in &self.quarantined {
            if q.key == q.original_key {
                out.push(format!(
                    "Could not read `{}` ({}); it was left in place, untouched. Export a backup to keep a copy.",
                    q.original_key, q.reason
                ));
            } else if q.new {
                out.push(format!(
                    "Could not read `{}` ({}); it was kept aside and is included in backups.",
                    q.original_key, q.reason
                ));
            }
        }
        for n in &self.newer_version {
            out.push(format!(
                "`{}` was saved by a newer version of Evident (schema {}); it was left untouched.",
                n.key, n.version
            ));
        }
        out.extend(self.problems.iter().cloned());
        out
    }
}

/// Everything [`load`] found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LoadReport {
    /// Every readable attempt, without its text, newest first.
    pub summaries: Vec<AttemptSummary>,
    /// In full: each drill's most recently changed unfinished attempt (what
    /// a drill screen resumes).
    pub open: Vec<Attempt>,
    pub prefs: Prefs,
    pub notes: Notes,
}

/// A short, stable hash of a value (FNV-1a), to give each distinct value
/// kept aside its own quarantine key.
pub(super) fn hash(raw: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in raw.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    format!("{:08x}", h >> 32)
}

/// The quarantine key for `raw` found at `original_key`.
pub fn quarantine_key(original_key: &str, raw: &str) -> String {
    format!("{QUARANTINE_PREFIX}{original_key}.{}", hash(raw))
}

/// The write that keeps `raw` aside. Returns the op and its key.
pub fn quarantine_op(original_key: &str, raw: &str, reason: &str) -> (Op, String) {
    let key = quarantine_key(original_key, raw);
    let record = StoredQuarantineV1 {
        original_key: original_key.to_owned(),
        reason: reason.to_owned(),
        raw: raw.to_owned(),
    };
    (
        Op::Put {
            table: Table::Quarantine,
            key: key.clone(),
            value: encode_quarantine(&record),
        },
        key,
    )
}

/// The writes that store an attempt: its record and its summary.
pub fn attempt_ops(a: &Attempt) -> [Op; 2] {
    [
        Op::Put {
            table: Table::Attempts,
            key: a.id.clone(),
            value: encode_attempt(&StoredAttempt::from(a)),
        },
        Op::Put {
            table: Table::Summaries,
            key: a.id.clone(),
            value: encode_summary(&AttemptSummary::of(a)),
        },
    ]
}

fn delete(table: Table, key: &str) -> Op {
    Op::Delete {
        table,
        key: key.to_owned(),
    }
}

pub(super) enum AttemptReadError {
    Newer(u32),
    Corrupt(String),
}

/// Decodes the value named `key` into a domain attempt, checking that its id
/// matches its name (a mismatch means it was copied by hand or damaged).
pub(super) fn read_attempt_at(key: &str, raw: &str) -> Result<(Attempt, u32), AttemptReadError> {
    match decode_attempt(raw) {
        Decoded::Ok {
            attempt,
            from_version,
        } => {
            if attempt_key(&attempt.id) != key {
                return Err(AttemptReadError::Corrupt(format!(
                    "its id `{}` does not match its key",
                    attempt.id
                )));
            }
            Attempt::try_from(*attempt)
                .map(|a| (a, from_version))
                .map_err(AttemptReadError::Corrupt)
        }
        Decoded::Newer { version } => Err(AttemptReadError::Newer(version)),
        Decoded::Corrupt { reason } => Err(AttemptReadError::Corrupt(reason)),
    }
}

/// Moves unreadable attempts aside in one transaction per call; a failure
/// leaves them in place and is noted.
async fn set_aside<S: Store>(store: &S, bad: Vec<(String, String, String)>, notes: &mut Notes) {
    if bad.is_empty() {
        return;
    }
    let mut ops = Vec::new();
    let mut moved = Vec::new();
    for (id, raw, reason) in &bad {
        let name = attempt_key(id);
        let (op, key) = quarantine_op(&name, raw, reason);
        ops.push(op);
        ops.push(delete(Table::Attempts, id));
        ops.push(delete(Table::Summaries, id));
        moved.push((key, name, reason.clone()));
    }
    let ok = match write(store, ops).await {
        Ok(()) => true,
        Err(e) => {
            notes
                .problems
                .push(format!("Could not keep unreadable attempts aside: {e}."));
            false
        }
    };
    for (key, name, reason) in moved {
        notes.quarantined.push(QuarantineNote {
            key: if ok { key } else { name.clone() },
            original_key: name,
            reason,
            new: true,
        });
    }
}

/// Reads attempts in full (the ones a screen opens). Unreadable ones are
/// moved aside, newer ones left alone; both are noted. Missing ids (deleted
/// in another tab) are skipped.
pub async fn load_attempts<S: Store>(
    store: &S,
    ids: &[String],
    notes: &mut Notes,
) -> Result<Vec<Attempt>, StorageError> {
    let found = get_many(store, Table::Attempts, ids).await?;
    let mut out = Vec::new();
    let mut bad = Vec::new();
    for (id, raw) in ids.iter().zip(found) {
        let Some(raw) = raw else { continue };
        match read_attempt_at(&attempt_key(id), &raw) {
            Ok((a, _)) => out.push(a),
            Err(AttemptReadError::Newer(version)) => notes.newer_version.push(NewerVersionNote {
                key: attempt_key(id),
                version,
            }),
            Err(AttemptReadError::Corrupt(reason)) => bad.push((id.clone(), raw, reason)),
        }
    }
    set_aside(store, bad, notes).await;
    Ok(out)
}

/// How many attempts one read of a rebuild takes.
const CHUNK: usize = 200;

/// Loads what the app needs at start: every summary, each drill's open
/// attempt, the preferences, and notes on what could not be read. Repairs
/// derived data on the way: a missing or unreadable summary is rebuilt from
/// its attempt, a summary whose attempt is gone is removed.
pub async fn load<S: Store>(store: &S) -> Result<LoadReport, StorageError> {
    let mut report = LoadReport::default();
    let mut ids: BTreeSet<String> = BTreeSet::new();
    ids.extend(store.keys(Table::Attempts).await?);

    let mut repairs = Vec::new();
    let mut summarized: BTreeSet<String> = BTreeSet::new();
    for (key, raw) in store.get_all(Table::Summaries).await? {
        if !ids.contains(&key) {
            repairs.push(delete(Table::Summaries, &key));
            continue;
        }
        if let Some(s) = read_summary(&raw).filter(|s| s.id == key) {
            summarized.insert(key);
            report.summaries.push(s);
        }
    }
    let missing: Vec<String> = ids.difference(&summarized).cloned().collect();
    for chunk in missing.chunks(CHUNK) {
        for a in load_attempts(store, chunk, &mut report.notes).await? {
            let summary = AttemptSummary::of(&a);
            repairs.push(Op::Put {
                table: Table::Summaries,
                key: a.id.clone(),
                value: encode_summary(&summary),
            });
            report.summaries.push(summary);
        }
    }
    if let Err(e) = write(store, repairs).await {
        report
            .notes
            .problems
            .push(format!("Could not update the list of attempts: {e}."));
    }
    newest_first(&mut report.summaries);

    let found = get_many(store, Table::Prefs, &[PREFS_RECORD.to_owned()]).await?;
    if let Some(raw) = found.into_iter().next().flatten() {
        match read_prefs(&raw) {
            Read::Ok(p) => report.prefs = p,
            Read::Newer(version) => report.notes.newer_version.push(NewerVersionNote {
                key: PREFS_KEY.into(),
                version,
            }),
            Read::Corrupt(reason) => {
                let (op, key) = quarantine_op(PREFS_KEY, &raw, &reason);
                let moved = write(store, vec![op, delete(Table::Prefs, PREFS_RECORD)]).await;
                report.notes.quarantined.push(QuarantineNote {
                    key: if moved.is_ok() { key } else { PREFS_KEY.into() },
                    original_key: PREFS_KEY.into(),
                    reason,
                    new: true,
                });
            }
        }
    }

    let fresh: Vec<String> = report
        .notes
        .quarantined
        .iter()
        .map(|q| q.key.clone())
        .collect();
    for (key, raw) in store.get_all(Table::Quarantine).await? {
        if fresh.contains(&key) {
            continue;
        }
        let (original_key, reason) = match read_quarantine(&raw) {
            Read::Ok(q) => (q.original_key, q.reason),
            Read::Newer(v) => (
                key.clone(),
                format!("kept aside by a newer Evident (schema {v})"),
            ),
            Read::Corrupt(r) => (key.clone(), format!("unreadable quarantine record: {r}")),
        };
        report.notes.quarantined.push(QuarantineNote {
            key,
            original_key,
            reason,
            new: false,
        });
    }

    let open = open_ids(&report.summaries);
    report.open = load_attempts(store, &open, &mut report.notes).await?;
    if report.open.len() != open.len() {
        // An open attempt was unreadable: its summary went with it.
        report
            .summaries
            .retain(|s| !open.contains(&s.id) || report.open.iter().any(|a| a.id == s.id));
    }
    Ok(report)
}

/// Newest first by creation, then id (the order History lists them in).
pub fn newest_first(summaries: &mut Vec<AttemptSummary>) {
    crate::core::sorting::sort_by(summaries, |a: &AttemptSummary, b: &AttemptSummary| {
        b.created_at_ms
            .cmp(&a.created_at_ms)
            .then_with(|| b.id.cmp(&a.id))
    });
}

/// Each drill's most recently changed unfinished attempt.
fn open_ids(summaries: &[AttemptSummary]) -> Vec<String> {
    // A list scanned per drill: a handful of drills, and one B-tree type
    // fewer in the wasm.
    let mut latest: Vec<&AttemptSummary> = Vec::new();
    for s in summaries.iter().filter(|s| !s.finished) {
        match latest.iter_mut().find(|l| l.drill_id == s.drill_id) {
            Some(slot) if s.updated_at_ms > slot.updated_at_ms => *slot = s,
            Some(_) => {}
            None => latest.push(s),
        }
    }
    latest.iter().map(|s| s.id.clone()).collect()
}

/// Saves one attempt as a merge: in one transaction it reads the stored
/// copy, merges this tab's changes since `base` into it, and writes the
/// result with its summary. Returns what was stored. Refuses to overwrite a
/// newer Evident's record; moves an unreadable one aside first.
pub async fn save_attempt<S: Store>(
    store: &S,
    base: Option<&Attempt>,
    ours: &Attempt,
) -> Result<Attempt, StorageError> {
    if !valid_id(&ours.id) {
        return Err(StorageError::Other(format!(
            "attempt id `{}` is not valid",
            ours.id
        )));
    }
    let name = attempt_key(&ours.id);
    store
        .update(
            &[(Table::Attempts, ours.id.clone())],
            |found| {
                let mut ops = Vec::new();
                let merged = match found.into_iter().next().flatten() {
                    None => ours.clone(),
                    Some(raw) => match read_attempt_at(&name, &raw) {
                        Ok((theirs, _)) => merge_attempt(base, ours, &theirs),
                        Err(AttemptReadError::Newer(version)) => {
                            return (
                                Vec::new(),
                                Err(StorageError::Other(format!(
                                    "`{name}` was saved by a newer version of Evident (schema {version}); not overwritten"
                                ))),
                            )
                        }
                        Err(AttemptReadError::Corrupt(reason)) => {
                            ops.push(quarantine_op(&name, &raw, &reason).0);
                            ours.clone()
                        }
                    },
                };
                ops.extend(attempt_ops(&merged));
                (ops, Ok(merged))
            },
            &|_, _| {},
        )
        .await?
}

/// Deletes one attempt and its summary.
pub async fn delete_attempt<S: Store>(store: &S, id: &str) -> Result<(), StorageError> {
    write(
        store,
        vec![delete(Table::Attempts, id), delete(Table::Summaries, id)],
    )
    .await
}

/// Saves the preferences as a merge with what another tab may have stored
/// since `base`; returns what was stored. A newer record is not overwritten;
/// an unreadable one is moved aside first.
pub async fn save_prefs<S: Store>(
    store: &S,
    base: &Prefs,
    ours: &Prefs,
) -> Result<Prefs, StorageError> {
    store
        .update(
            &[(Table::Prefs, PREFS_RECORD.to_owned())],
            |found| {
                let mut ops = Vec::new();
                let merged = match found.into_iter().next().flatten() {
                    None => ours.clone(),
                    Some(raw) => match read_prefs(&raw) {
                        Read::Ok(theirs) => merge_prefs(base, ours, &theirs),
                        Read::Newer(v) => {
                            return (
                                Vec::new(),
                                Err(StorageError::Other(format!(
                                    "`{PREFS_KEY}` was saved by a newer version of Evident (schema {v}); not overwritten"
                                ))),
                            )
                        }
                        Read::Corrupt(reason) => {
                            ops.push(quarantine_op(PREFS_KEY, &raw, &reason).0);
                            ours.clone()
                        }
                    },
                };
                ops.push(Op::Put {
                    table: Table::Prefs,
                    key: PREFS_RECORD.to_owned(),
                    value: encode_prefs(&merged),
                });
                (ops, Ok(merged))
            },
            &|_, _| {},
        )
        .await?
}

/// Lets the user drop a quarantined value (after exporting a backup).
pub async fn discard_quarantined<S: Store>(store: &S, key: &str) -> Result<(), StorageError> {
    write(store, vec![delete(Table::Quarantine, key)]).await
}

/// Whether persistent storage was requested before (it is asked once).
pub async fn persist_asked<S: Store>(store: &S) -> Result<bool, StorageError> {
    let found = get_many(store, Table::Prefs, &[PERSIST_ASKED.to_owned()]).await?;
    Ok(found.into_iter().next().flatten().is_some())
}

/// Remembers that persistent storage was requested.
pub async fn mark_persist_asked<S: Store>(store: &S) -> Result<(), StorageError> {
    write(
        store,
        vec![Op::Put {
            table: Table::Prefs,
            key: PERSIST_ASKED.to_owned(),
            value: "true".to_owned(),
        }],
    )
    .await
}

#[cfg(test)]
mod tests;
