//! Recordings in IndexedDB's `audio` table, next to their attempts.
//!
//! Values are the Blobs themselves (IndexedDB stores them natively, so the
//! audio is neither copied into wasm memory nor inflated as text), keyed by
//! `core::audio::recording::audio_key`: `<attempt id>/<slot>`. They count in
//! `navigator.storage.estimate()` like every other stored byte.

use super::idb::{classify, done, IdbStore, AUDIO};
use crate::core::audio::recording::audio_key_range;
use crate::core::schema::{AudioBlob, AudioStore};
use crate::core::store::StorageError;
use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, IdbKeyRange, IdbObjectStore, IdbTransactionMode};

fn table(store: &IdbStore, mode: IdbTransactionMode) -> Result<IdbObjectStore, StorageError> {
    let db = store.database().ok_or(StorageError::Unavailable)?;
    db.transaction_with_str_and_mode(AUDIO, mode)
        .and_then(|tx| tx.object_store(AUDIO))
        .map_err(|e| classify(&e))
}

/// Stores `blob` under `key`, replacing any earlier recording there.
pub async fn put(store: &IdbStore, key: &str, blob: &Blob) -> Result<(), StorageError> {
    let req = table(store, IdbTransactionMode::Readwrite)?
        .put_with_key(blob, &key.into())
        .map_err(|e| classify(&e))?;
    done(&req).await.map(|_| ())
}

/// The recording under `key`, if there is one.
pub async fn get(store: &IdbStore, key: &str) -> Result<Option<Blob>, StorageError> {
    let req = table(store, IdbTransactionMode::Readonly)?
        .get(&key.into())
        .map_err(|e| classify(&e))?;
    Ok(done(&req).await?.dyn_into::<Blob>().ok())
}

/// Deletes the recording under `key`.
pub async fn delete(store: &IdbStore, key: &str) -> Result<(), StorageError> {
    let req = table(store, IdbTransactionMode::Readwrite)?
        .delete(&key.into())
        .map_err(|e| classify(&e))?;
    done(&req).await.map(|_| ())
}

fn attempt_range(attempt_id: &str) -> Result<IdbKeyRange, StorageError> {
    let (lo, hi) = audio_key_range(attempt_id);
    IdbKeyRange::bound_with_lower_open_and_upper_open(&lo.into(), &hi.into(), false, true)
        .map_err(|e| classify(&e))
}

/// Deletes every recording of one attempt (with the attempt).
pub async fn delete_attempt(store: &IdbStore, attempt_id: &str) -> Result<(), StorageError> {
    let range: JsValue = attempt_range(attempt_id)?.into();
    let req = table(store, IdbTransactionMode::Readwrite)?
        .delete(&range)
        .map_err(|e| classify(&e))?;
    done(&req).await.map(|_| ())
}

/// One attempt's recordings, copied out of the table (key, Blob), so they
/// outlive their deletion: History keeps them while it offers Undo. The
/// copies are read into fresh Blobs rather than kept as the table's own,
/// whose bytes a browser may release once the record is deleted.
pub async fn copy_attempt(
    store: &IdbStore,
    attempt_id: &str,
) -> Result<Vec<(String, Blob)>, StorageError> {
    let range: JsValue = attempt_range(attempt_id)?.into();
    let t = table(store, IdbTransactionMode::Readonly)?;
    let keys = t.get_all_keys_with_key(&range).map_err(|e| classify(&e))?;
    let values = t.get_all_with_key(&range).map_err(|e| classify(&e))?;
    let keys: Array = done(&keys).await?.unchecked_into();
    let values: Array = done(&values).await?.unchecked_into();
    let mut out = Vec::new();
    for (key, value) in keys.iter().zip(values.iter()) {
        let (Some(key), Ok(blob)) = (key.as_string(), value.dyn_into::<Blob>()) else {
            continue;
        };
        let bytes = read_bytes(&blob).await?;
        out.push((key, blob_of(&bytes, &blob.type_())?));
    }
    Ok(out)
}

/// The bytes of a Blob, in a JS array (not copied into wasm memory).
async fn read_bytes(blob: &Blob) -> Result<Uint8Array, StorageError> {
    let buffer = JsFuture::from(blob.array_buffer())
        .await
        .map_err(|e| classify(&e))?;
    Ok(Uint8Array::new(&buffer))
}

fn blob_of(bytes: &Uint8Array, mime: &str) -> Result<Blob, StorageError> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    Blob::new_with_u8_array_sequence_and_options(&Array::of1(bytes), &options)
        .map_err(|e| classify(&e))
}

/// Every recording's key, in key order.
pub async fn keys(store: &IdbStore) -> Result<Vec<String>, StorageError> {
    let req = table(store, IdbTransactionMode::Readonly)?
        .get_all_keys()
        .map_err(|e| classify(&e))?;
    let all: Array = done(&req).await?.unchecked_into();
    Ok(all.iter().filter_map(|k| k.as_string()).collect())
}

/// The `audio` table as backup sees it: bytes in and out, one recording at
/// a time (a backup's base64 is made and read in wasm).
pub struct BackupAudio<'a>(pub &'a IdbStore);

impl AudioStore for BackupAudio<'_> {
    async fn keys(&self) -> Result<Vec<String>, StorageError> {
        keys(self.0).await
    }

    async fn read(&self, key: &str) -> Result<Option<AudioBlob>, StorageError> {
        let Some(blob) = get(self.0, key).await? else {
            return Ok(None);
        };
        let bytes = read_bytes(&blob).await?.to_vec();
        Ok(Some(AudioBlob {
            mime: blob.type_(),
            bytes,
        }))
    }

    async fn write(&self, key: &str, mime: &str, bytes: &[u8]) -> Result<(), StorageError> {
        put(self.0, key, &blob_of(&Uint8Array::from(bytes), mime)?).await
    }
}

/// How many recordings are stored and their bytes.
pub async fn usage(store: &IdbStore) -> Result<(u32, f64), StorageError> {
    let req = table(store, IdbTransactionMode::Readonly)?
        .get_all()
        .map_err(|e| classify(&e))?;
    let all: Array = done(&req).await?.unchecked_into();
    let bytes = all
        .iter()
        .filter_map(|v| v.dyn_into::<Blob>().ok())
        .map(|b| b.size())
        .sum();
    Ok((all.length(), bytes))
}
