//! Recordings in IndexedDB's `audio` table, next to their attempts.
//!
//! Values are the Blobs themselves (IndexedDB stores them natively, so the
//! audio is neither copied into wasm memory nor inflated as text), keyed by
//! `core::audio::recording::audio_key`: `<attempt id>/<slot>`. They count in
//! `navigator.storage.estimate()` like every other stored byte.

use super::idb::{classify, done, IdbStore, AUDIO};
use crate::core::audio::recording::audio_key_range;
use crate::core::store::StorageError;
use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, IdbKeyRange, IdbObjectStore, IdbTransactionMode};

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
