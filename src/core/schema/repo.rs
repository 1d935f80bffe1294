//! Loading and saving over the key-value port.
//!
//! Invariants:
//! - An unreadable value is never overwritten or dropped: it is copied under
//!   the quarantine prefix first, and only then removed. If the copy fails
//!   (store full), the original stays where it is and is reported.
//! - A value written by a newer Evident is left untouched and reported; saving
//!   over it is refused.
//! - One key per attempt, so tabs never overwrite each other's attempts. The
//!   index is a convenience with a revision number; loading reads the union of
//!   the index and the listed attempt keys, so a lost index update never hides
//!   an attempt.

use super::migrate::{decode_attempt, encode_attempt, Decoded, StoredAttempt};
use super::records::{
    encode_index, encode_prefs, encode_quarantine, read_index, read_prefs, read_quarantine, Prefs,
    Read, StoredIndexV1, StoredQuarantineV1,
};
use crate::core::attempt::Attempt;
use crate::core::sorting;
use crate::core::store::{KeyValueStore, StorageError};
use std::collections::BTreeSet;

/// Prefix of the one-key-per-attempt records: `evident.attempt.<id>`.
pub const ATTEMPT_PREFIX: &str = "evident.attempt.";
/// The index of attempt ids with its revision.
pub const INDEX_KEY: &str = "evident.index";
/// The user's preferences.
pub const PREFS_KEY: &str = "evident.prefs";
/// Unreadable values moved aside: `evident.quarantine.<original key>[.<n>]`.
pub const QUARANTINE_PREFIX: &str = "evident.quarantine.";

/// The key of one attempt.
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
    /// Where the raw value is now: a quarantine key, or the original key when
    /// it could not be moved.
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

/// Everything `load_all` found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LoadReport {
    /// Readable attempts, newest first (by `created_at_ms`, then id).
    pub attempts: Vec<Attempt>,
    /// Stored preferences, or the defaults when none are readable.
    pub prefs: Prefs,
    /// The index revision seen (0 when there is no index yet).
    pub index_revision: u64,
    pub quarantined: Vec<QuarantineNote>,
    pub newer_version: Vec<NewerVersionNote>,
    /// Keys of attempts read from an older schema version (upgraded in
    /// memory; rewritten on their next save).
    pub upgraded: Vec<String>,
    /// Storage failures met while loading (e.g. a value that could not be
    /// moved aside); loading carried on.
    pub problems: Vec<String>,
}

impl LoadReport {
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

/// Moves a raw value aside: writes the quarantine record, then removes the
/// original. Returns the quarantine key. Reuses an existing quarantine record
/// holding the very same value (a move interrupted after the copy).
pub fn quarantine(
    store: &dyn KeyValueStore,
    original_key: &str,
    raw: &str,
    reason: &str,
) -> Result<String, StorageError> {
    let record = StoredQuarantineV1 {
        original_key: original_key.to_owned(),
        reason: reason.to_owned(),
        raw: raw.to_owned(),
    };
    let (key, _) = place_aside(
        store,
        &format!("{QUARANTINE_PREFIX}{original_key}"),
        &record,
    )?;
    store.remove(original_key)?;
    Ok(key)
}

/// Writes a quarantine record under `base` or the first free `base.<n>`,
/// unless one of those already holds the same raw value from the same key.
/// Returns the key and whether anything was written.
pub(super) fn place_aside(
    store: &dyn KeyValueStore,
    base: &str,
    record: &StoredQuarantineV1,
) -> Result<(String, bool), StorageError> {
    for n in 1u32.. {
        let key = if n == 1 {
            base.to_owned()
        } else {
            format!("{base}.{n}")
        };
        match store.get(&key)? {
            None => {
                store.set(&key, &encode_quarantine(record))?;
                return Ok((key, true));
            }
            Some(existing) => {
                if matches!(read_quarantine(&existing),
                    Read::Ok(q) if q.raw == record.raw && q.original_key == record.original_key)
                {
                    return Ok((key, false));
                }
            }
        }
    }
    Err(StorageError::Other("no free quarantine key".into()))
}

/// Lets the user drop a quarantined value (after exporting a backup).
/// Only quarantine keys can be discarded this way.
pub fn discard_quarantined(store: &dyn KeyValueStore, key: &str) -> Result<(), StorageError> {
    if !key.starts_with(QUARANTINE_PREFIX) {
        return Err(StorageError::Other(format!(
            "`{key}` is not a quarantined value"
        )));
    }
    store.remove(key)
}

/// Loads everything: attempts, prefs, and what could not be read.
/// Fails only when the store itself cannot be listed or read.
pub fn load_all(store: &dyn KeyValueStore) -> Result<LoadReport, StorageError> {
    let mut report = LoadReport::default();
    let mut moved: Vec<String> = Vec::new();

    // Sets here are built by inserts: collecting into a set sorts first, and
    // each such sort is one more copy of the sorting code in the wasm.
    let mut keys = BTreeSet::new();
    keys.extend(store.keys(ATTEMPT_PREFIX)?);
    if let Some(raw) = store.get(INDEX_KEY)? {
        match read_index(&raw) {
            Read::Ok(index) => {
                report.index_revision = index.revision;
                keys.extend(
                    index
                        .ids
                        .iter()
                        .filter(|id| valid_id(id))
                        .map(|id| attempt_key(id)),
                );
            }
            Read::Newer(version) => report.newer_version.push(NewerVersionNote {
                key: INDEX_KEY.into(),
                version,
            }),
            Read::Corrupt(reason) => {
                set_aside(store, INDEX_KEY, &raw, &reason, &mut report, &mut moved)
            }
        }
    }

    for key in &keys {
        // An index entry whose key is gone (deleted in another tab) is skipped.
        let Some(raw) = store.get(key)? else { continue };
        match read_attempt_at(key, &raw) {
            Ok((attempt, from_version)) => {
                if from_version < super::migrate::CURRENT_VERSION {
                    report.upgraded.push(key.clone());
                }
                report.attempts.push(attempt);
            }
            Err(AttemptReadError::Newer(version)) => report.newer_version.push(NewerVersionNote {
                key: key.clone(),
                version,
            }),
            Err(AttemptReadError::Corrupt(reason)) => {
                set_aside(store, key, &raw, &reason, &mut report, &mut moved)
            }
        }
    }
    sorting::sort_by(&mut report.attempts, |a, b| {
        b.created_at_ms
            .cmp(&a.created_at_ms)
            .then_with(|| a.id.cmp(&b.id))
    });

    if let Some(raw) = store.get(PREFS_KEY)? {
        match read_prefs(&raw) {
            Read::Ok(prefs) => report.prefs = prefs,
            Read::Newer(version) => report.newer_version.push(NewerVersionNote {
                key: PREFS_KEY.into(),
                version,
            }),
            Read::Corrupt(reason) => {
                set_aside(store, PREFS_KEY, &raw, &reason, &mut report, &mut moved)
            }
        }
    }

    for key in store.keys(QUARANTINE_PREFIX)? {
        let Some(raw) = store.get(&key)? else {
            continue;
        };
        let (original_key, reason) = match read_quarantine(&raw) {
            Read::Ok(q) => (q.original_key, q.reason),
            Read::Newer(v) => (
                key.clone(),
                format!("kept aside by a newer Evident (schema {v})"),
            ),
            Read::Corrupt(r) => (key.clone(), format!("unreadable quarantine record: {r}")),
        };
        report.quarantined.push(QuarantineNote {
            new: moved.contains(&key),
            key,
            original_key,
            reason,
        });
    }
    Ok(report)
}

/// Quarantines during a load; a failure leaves the value in place and is
/// reported instead of aborting the load.
fn set_aside(
    store: &dyn KeyValueStore,
    key: &str,
    raw: &str,
    reason: &str,
    report: &mut LoadReport,
    moved: &mut Vec<String>,
) {
    match quarantine(store, key, raw, reason) {
        Ok(qkey) => moved.push(qkey),
        Err(e) => {
            report.quarantined.push(QuarantineNote {
                key: key.to_owned(),
                original_key: key.to_owned(),
                reason: reason.to_owned(),
                new: true,
            });
            report
                .problems
                .push(format!("Could not keep `{key}` aside: {e}."));
        }
    }
}

pub(super) enum AttemptReadError {
    Newer(u32),
    Corrupt(String),
}

/// Decodes the value at `key` into a domain attempt, checking that its id
/// matches its key (a mismatch means it was copied by hand or damaged).
pub(super) fn read_attempt_at(key: &str, raw: &str) -> Result<(Attempt, u32), AttemptReadError> {
    match decode_attempt(raw) {
        Decoded::Ok {
            attempt,
            from_version,
        } => {
            if attempt_key(&attempt.base.id) != key {
                return Err(AttemptReadError::Corrupt(format!(
                    "its id `{}` does not match its key",
                    attempt.base.id
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

/// Makes `key` safe to write: refuses when it holds a newer version's data,
/// quarantines it when it is unreadable. `is_readable` says whether the
/// current value is something this version may overwrite.
fn clear_for_write(
    store: &dyn KeyValueStore,
    key: &str,
    classify: impl Fn(&str) -> Result<(), AttemptReadError>,
) -> Result<(), StorageError> {
    let Some(raw) = store.get(key)? else {
        return Ok(());
    };
    match classify(&raw) {
        Ok(()) => Ok(()),
        Err(AttemptReadError::Newer(version)) => Err(StorageError::Other(format!(
            "`{key}` was saved by a newer version of Evident (schema {version}); not overwritten"
        ))),
        Err(AttemptReadError::Corrupt(reason)) => quarantine(store, key, &raw, &reason).map(|_| ()),
    }
}

/// Saves one attempt: its own key first, then the index (set union, revision
/// bump). If the index write fails the attempt is still saved and loadable
/// (loading lists keys); the error is returned so the UI can warn.
/// A full store returns `StorageError::QuotaExceeded` with nothing changed
/// when the attempt itself did not fit.
pub fn save_attempt(store: &dyn KeyValueStore, attempt: &Attempt) -> Result<(), StorageError> {
    if !valid_id(&attempt.id) {
        return Err(StorageError::Other(format!(
            "attempt id `{}` is not valid",
            attempt.id
        )));
    }
    let key = attempt_key(&attempt.id);
    clear_for_write(store, &key, |raw| read_attempt_at(&key, raw).map(|_| ()))?;
    store.set(&key, &encode_attempt(&StoredAttempt::from(attempt)))?;
    update_index(store, |ids| ids.insert(attempt.id.clone()))?;
    Ok(())
}

/// Deletes one attempt: the key first, then its index entry. An index entry
/// left behind by a failure is harmless (loading skips missing keys).
pub fn delete_attempt(store: &dyn KeyValueStore, id: &str) -> Result<(), StorageError> {
    if !valid_id(id) {
        return Ok(());
    }
    store.remove(&attempt_key(id))?;
    update_index(store, |ids| ids.remove(id))?;
    Ok(())
}

/// How many times a read-modify-write of the index retries when another tab
/// wrote between our write and our read-back.
const INDEX_RETRIES: usize = 3;

/// Read-modify-write of the index with a revision check: write revision r+1,
/// read it back, retry when someone else's write replaced ours. Gives up
/// quietly after a few rounds: loading lists the keys anyway. Returns the
/// revision now stored.
pub(super) fn update_index(
    store: &dyn KeyValueStore,
    change: impl Fn(&mut BTreeSet<String>) -> bool,
) -> Result<u64, StorageError> {
    let mut revision = 0;
    for _ in 0..INDEX_RETRIES {
        let mut rebuilt = false;
        let mut index = match store.get(INDEX_KEY)? {
            None => StoredIndexV1::default(),
            Some(raw) => match read_index(&raw) {
                Read::Ok(index) => index,
                // A newer index is not ours to rewrite.
                Read::Newer(_) => return Ok(0),
                Read::Corrupt(reason) => {
                    quarantine(store, INDEX_KEY, &raw, &reason)?;
                    // Rebuild from the keys so the new index is complete.
                    rebuilt = true;
                    StoredIndexV1 {
                        revision: 0,
                        ids: ids_from_keys(store)?,
                    }
                }
            },
        };
        revision = index.revision;
        if !change(&mut index.ids) && !rebuilt {
            return Ok(revision);
        }
        index.revision += 1;
        let written = encode_index(&index);
        store.set(INDEX_KEY, &written)?;
        if store.get(INDEX_KEY)?.as_deref() == Some(written.as_str()) {
            return Ok(index.revision);
        }
    }
    Ok(revision)
}

fn ids_from_keys(store: &dyn KeyValueStore) -> Result<BTreeSet<String>, StorageError> {
    let mut ids = BTreeSet::new();
    ids.extend(
        store
            .keys(ATTEMPT_PREFIX)?
            .into_iter()
            .filter_map(|k| k.strip_prefix(ATTEMPT_PREFIX).map(str::to_owned)),
    );
    Ok(ids)
}

/// Reads the preferences without writing anything: defaults when missing,
/// unreadable or newer (`load_all` reports those cases).
pub fn load_prefs(store: &dyn KeyValueStore) -> Result<Prefs, StorageError> {
    Ok(match store.get(PREFS_KEY)? {
        Some(raw) => match read_prefs(&raw) {
            Read::Ok(p) => p,
            _ => Prefs::default(),
        },
        None => Prefs::default(),
    })
}

/// Saves the preferences; an unreadable stored value is quarantined first,
/// a newer one is not overwritten.
pub fn save_prefs(store: &dyn KeyValueStore, prefs: &Prefs) -> Result<(), StorageError> {
    clear_for_write(store, PREFS_KEY, |raw| match read_prefs(raw) {
        Read::Ok(_) => Ok(()),
        Read::Newer(v) => Err(AttemptReadError::Newer(v)),
        Read::Corrupt(r) => Err(AttemptReadError::Corrupt(r)),
    })?;
    store.set(PREFS_KEY, &encode_prefs(prefs))
}

#[cfg(test)]
mod tests;
