//! Recordings' audio in a backup, only when the user asks for it.
//!
//! The audio lives in the browser's `audio` table, outside the storage port
//! (Blobs, not JSON records), so backup reaches it through [`AudioStore`],
//! which the page implements over IndexedDB and tests over memory.
//!
//! In the file (backup version 2) each recording is one entry of the
//! `audio` array: its attempt, its slot, its container type, its length in
//! bytes and the bytes as base64. A file without recordings is written as
//! version 1, so an older Evident still reads it. On import, an audio entry
//! that is unreadable, too large or for an attempt not in the file is
//! reported by name and skipped: it never stops the attempts (with their
//! measurements and transcripts) from importing.

use super::super::repo::ATTEMPT_PREFIX;
use super::super::shape::found;
use super::{clip, ValidBackup};
use crate::core::attempt::Attempt;
use crate::core::audio::recording::{attempt_of_audio_key, audio_key};
use crate::core::audio::slot::transcript_section;
use crate::core::base64;
use crate::core::store::StorageError;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeSet;
use std::future::Future;

/// One recording can be at most this large in a backup (a two-minute
/// Opus answer is about 1 MB; this leaves room for long ones).
pub const MAX_RECORDING_BYTES: usize = 32 * 1024 * 1024;

/// A recording's audio as the store holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AudioBlob {
    /// The container type ("audio/webm;codecs=opus").
    pub mime: String,
    pub bytes: Vec<u8>,
}

/// The recordings' `audio` table, keyed `<attempt id>/<slot>`.
pub trait AudioStore {
    /// Every key, in key order.
    fn keys(&self) -> impl Future<Output = Result<Vec<String>, StorageError>>;
    fn read(&self, key: &str) -> impl Future<Output = Result<Option<AudioBlob>, StorageError>>;
    /// Stores one recording, replacing any there.
    fn write(
        &self,
        key: &str,
        mime: &str,
        bytes: &[u8],
    ) -> impl Future<Output = Result<(), StorageError>>;
}

/// One entry of the file's `audio` array, as written.
#[derive(Serialize)]
struct AudioPart<'a> {
    attempt_id: &'a str,
    slot: &'a str,
    mime: &'a str,
    bytes: usize,
    data: &'a str,
}

/// One entry as read: borrowed from the file's text, so the base64 is not
/// copied until its recording is written (one at a time).
#[derive(Deserialize)]
struct AudioItem<'a> {
    #[serde(borrow)]
    attempt_id: &'a str,
    #[serde(borrow)]
    slot: &'a str,
    #[serde(borrow)]
    mime: &'a str,
    bytes: u64,
    #[serde(borrow)]
    data: &'a str,
}

/// A checked audio entry, waiting to be written after the attempts.
pub(super) struct AudioEntry<'a> {
    key: String,
    label: String,
    mime: &'a str,
    data: &'a str,
}

/// The entries of the exported recordings, for `attempts` (the ids written
/// to the file, newer-version ones included). Read failures are listed in
/// `problems`; the export goes on.
pub(super) async fn export_parts<A: AudioStore>(
    audio: &A,
    attempts: &BTreeSet<String>,
    problems: &mut Vec<String>,
) -> Vec<String> {
    let keys = match audio.keys().await {
        Ok(keys) => keys,
        Err(e) => {
            problems.push(format!("could not list the recordings: {e}"));
            return Vec::new();
        }
    };
    let mut parts = Vec::new();
    for key in keys {
        // A recording whose attempt is gone has nowhere to go back to.
        let Some((id, slot)) = key.split_once('/') else {
            continue;
        };
        if !attempts.contains(id) {
            continue;
        }
        match audio.read(&key).await {
            Ok(Some(blob)) => {
                let data = base64::encode(&blob.bytes);
                let part = AudioPart {
                    attempt_id: id,
                    slot,
                    mime: &blob.mime,
                    bytes: blob.bytes.len(),
                    data: &data,
                };
                let pretty = serde_json::to_string_pretty(&part).unwrap_or_default();
                parts.push(format!("    {}", pretty.replace('\n', "\n    ")));
            }
            Ok(None) => {}
            Err(e) => problems.push(format!("could not read the recording `{key}`: {e}")),
        }
    }
    parts
}

/// Words for the attempt an audio entry belongs to (and its slot, when it
/// is one).
fn label_of(attempts: &[Attempt], id: &str, slot: &str) -> String {
    let slot = transcript_section(slot).map(|s| s.label);
    match attempts.iter().position(|a| a.id == id) {
        Some(i) => format!(
            "The recording of attempt {} (id {}, {}{})",
            i + 1,
            clip(id),
            attempts[i].drill_title(),
            slot.map_or(String::new(), |s| format!("; {s}"))
        ),
        None => format!(
            "The recording of attempt id {}{}",
            clip(id),
            slot.map_or(String::new(), |s| format!(" ({s})"))
        ),
    }
}

/// Why an entry could not be read, by field, in the words the rest of the
/// import uses (serde's own message would give places inside the entry).
fn unreadable(item: &str, attempts: &[Attempt]) -> String {
    let value = serde_json::from_str::<Value>(item).ok();
    let field = |f: &str| value.as_ref().and_then(|v| v.get(f));
    let text = |f: &str| field(f).and_then(Value::as_str).unwrap_or_default();
    let who = match field("attempt_id").and_then(Value::as_str) {
        Some(id) => label_of(attempts, id, text("slot")),
        None => "A recording of the backup".to_owned(),
    };
    let why = ["attempt_id", "slot", "mime", "data"]
        .into_iter()
        .find_map(|f| match field(f) {
            Some(Value::String(_)) => None,
            Some(other) => Some(format!(
                "field `{f}` must be a string, found {}",
                found(other)
            )),
            None => Some(format!("field `{f}` is missing")),
        })
        .or_else(|| match field("bytes") {
            Some(v) if v.is_u64() => None,
            Some(other) => Some(format!(
                "field `bytes` must be a whole number, found {}",
                found(other)
            )),
            None => Some("field `bytes` is missing".to_owned()),
        })
        .unwrap_or_else(|| "it is not a JSON object of the expected fields".to_owned());
    format!("{who} was not imported: {why}.")
}

/// Checks the file's `audio` array (its text): good entries go into
/// `backup.audio`, bad ones become messages in `backup.audio_problems`.
pub(super) fn check<'a>(text: &'a str, backup: &mut ValidBackup<'a>) {
    let items = match super::split::Items::of(text) {
        Some(items) => items,
        None => {
            backup.audio_problems.push(
                "The backup's recordings were not imported: field `audio` is not an array.".into(),
            );
            return;
        }
    };
    let newer: BTreeSet<&str> = backup
        .newer
        .iter()
        .filter_map(|(k, _)| k.strip_prefix(ATTEMPT_PREFIX))
        .collect();
    let mut seen = BTreeSet::new();
    for (i, item) in items.enumerate() {
        let n = i + 1;
        let Ok(item) = item else {
            backup.audio_problems.push(format!(
                "Recording {n} of the backup and those after it were not imported: the `audio` list is cut short."
            ));
            return;
        };
        match check_item(item, backup, &newer) {
            Ok(entry) => {
                if seen.insert(entry.key.clone()) {
                    backup.audio.push(entry);
                } else {
                    backup.audio_problems.push(format!(
                        "{} appears twice in the backup; the first copy was imported.",
                        entry.label
                    ));
                }
            }
            Err(problem) => backup.audio_problems.push(problem),
        }
    }
}

fn check_item<'a>(
    item: &'a str,
    backup: &ValidBackup<'a>,
    newer: &BTreeSet<&str>,
) -> Result<AudioEntry<'a>, String> {
    const KEPT: &str = "the attempt and its measurements are imported without it";
    let parsed: AudioItem<'a> =
        serde_json::from_str(item).map_err(|_| unreadable(item, &backup.attempts))?;
    let label = label_of(&backup.attempts, parsed.attempt_id, parsed.slot);
    let known = backup.attempts.iter().any(|a| a.id == parsed.attempt_id)
        || newer.contains(parsed.attempt_id);
    if !known {
        return Err(format!(
            "{label} was not imported: no attempt with this id is in the backup."
        ));
    }
    if transcript_section(parsed.slot).is_none() {
        return Err(format!(
            "{label} was not imported: `{}` is not a spoken answer's slot; {KEPT}.",
            clip(parsed.slot)
        ));
    }
    if parsed.mime.len() > 128
        || !parsed
            .mime
            .bytes()
            .all(|b| b.is_ascii_graphic() || b == b' ')
    {
        return Err(format!(
            "{label} was not imported: its audio type is not a media type; {KEPT}."
        ));
    }
    // Checked on the text's length before the rest of it is read.
    let pad = parsed
        .data
        .bytes()
        .rev()
        .take(2)
        .take_while(|&c| c == b'=')
        .count();
    let size = (parsed.data.len() / 4 * 3).saturating_sub(pad);
    if size > MAX_RECORDING_BYTES || parsed.bytes > MAX_RECORDING_BYTES as u64 {
        return Err(format!(
            "{label} was not imported: it is {} MB, and a backup may carry at most {} MB per recording; {KEPT}.",
            megabytes(size.max(parsed.bytes as usize)),
            MAX_RECORDING_BYTES / (1024 * 1024)
        ));
    }
    match base64::decoded_len(parsed.data) {
        Err(bad) => Err(format!(
            "{label} was not imported: its audio is damaged (not base64 at character {}); {KEPT}.",
            bad.at + 1
        )),
        Ok(len) if len as u64 != parsed.bytes => Err(format!(
            "{label} was not imported: its audio is damaged ({len} bytes where the backup says {}); {KEPT}.",
            parsed.bytes
        )),
        Ok(_) => Ok(AudioEntry {
            key: audio_key(parsed.attempt_id, parsed.slot),
            label,
            mime: parsed.mime,
            data: parsed.data,
        }),
    }
}

/// Megabytes with one decimal, in integers (float formatting costs wasm).
fn megabytes(bytes: usize) -> String {
    let tenths = bytes / 1024 * 10 / 1024;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// What writing the recordings did.
#[derive(Default)]
pub(super) struct Restored {
    pub written: usize,
    pub problems: Vec<String>,
}

/// Writes the checked recordings, one decoded at a time. A recording goes
/// in when its attempt came from the file (added or updated); for an
/// attempt the device already had as new or newer, only where the device
/// holds no audio under that key, so a newer recording is never replaced.
pub(super) async fn restore<A: AudioStore>(
    audio: &A,
    entries: &[AudioEntry<'_>],
    from_file: &BTreeSet<String>,
) -> Restored {
    let mut out = Restored::default();
    let present: BTreeSet<String> = match audio.keys().await {
        Ok(keys) => keys.into_iter().collect(),
        Err(e) => {
            out.problems.push(format!(
                "The backup's recordings were not imported: {e}. The attempts and their measurements are imported."
            ));
            return out;
        }
    };
    for entry in entries {
        let from_file = attempt_of_audio_key(&entry.key).is_some_and(|id| from_file.contains(id));
        if !from_file && present.contains(&entry.key) {
            continue;
        }
        // Checked by `check`: an error here would be a bug, reported as damage.
        let result = match base64::decode(entry.data) {
            Ok(bytes) => audio
                .write(&entry.key, entry.mime, &bytes)
                .await
                .map_err(|e| e.to_string()),
            Err(_) => Err("its audio is damaged".to_owned()),
        };
        match result {
            Ok(()) => out.written += 1,
            Err(why) => out.problems.push(format!(
                "{} could not be saved: {why}. The attempt and its measurements are imported.",
                entry.label
            )),
        }
    }
    out
}

/// The `audio` table in memory, for tests.
#[cfg(test)]
#[derive(Default)]
pub struct MemoryAudio {
    pub blobs: std::cell::RefCell<std::collections::BTreeMap<String, AudioBlob>>,
    pub fail_writes: std::cell::Cell<bool>,
}

#[cfg(test)]
impl AudioStore for MemoryAudio {
    async fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.blobs.borrow().keys().cloned().collect())
    }
    async fn read(&self, key: &str) -> Result<Option<AudioBlob>, StorageError> {
        Ok(self.blobs.borrow().get(key).cloned())
    }
    async fn write(&self, key: &str, mime: &str, bytes: &[u8]) -> Result<(), StorageError> {
        if self.fail_writes.get() {
            return Err(StorageError::QuotaExceeded);
        }
        let blob = AudioBlob {
            mime: mime.to_owned(),
            bytes: bytes.to_vec(),
        };
        self.blobs.borrow_mut().insert(key.to_owned(), blob);
        Ok(())
    }
}

#[cfg(test)]
mod tests;
