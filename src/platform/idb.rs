//! IndexedDB behind the core storage port (`core::store::Store`).
//!
//! Thin `web-sys` calls, no wrapper crate: `idb`, `indexed_db_futures` and
//! `rexie` each add 12–21 KB of gzipped wasm for the same open/get/put
//! (measured, see ARCHITECTURE.md), and the start-up wasm has about 1 KB of
//! room. A request becomes a future by handing the two functions of a
//! `Promise` to its `onsuccess`/`onerror`: no Rust closure per request.
//! Futures run as microtasks inside the request's event, so the next
//! request is issued while the transaction is still active.
//!
//! Values are stored as objects (`JSON.parse` of the record's JSON text),
//! so the attempts table can have its time index and the records read well
//! in the browser's developer tools; they are read back with
//! `JSON.stringify`.
//!
//! Database `evident`, version 1: tables `attempts` (index `by_time` on
//! `[created_at_ms, id]`), `summaries`, `prefs`, `quarantine`, and `audio`
//! (blobs of spoken answers, used by spoken practice).

use crate::core::store::{Op, Progress, StorageError, Store, Table};
use js_sys::{Array, Promise, JSON};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    IdbDatabase, IdbKeyRange, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode,
};

/// The app's database.
pub const DB_NAME: &str = "evident";
/// Its schema version (object stores and indexes, not record versions).
pub const DB_VERSION: u32 = 1;
/// The table of recorded audio (spoken practice), created with the others.
pub const AUDIO: &str = "audio";
/// Writes issued between two waits in a large update.
const BATCH: usize = 400;

/// An open connection, or none (every operation then fails as
/// unavailable, and the app keeps work in memory).
pub struct IdbStore {
    db: Option<IdbDatabase>,
    /// Set when a newer Evident asked for the database: this connection
    /// closed itself so the upgrade can go on, and refuses further work.
    closed: Rc<Cell<bool>>,
    _on_version_change: Option<Closure<dyn Fn()>>,
}

/// Words for a failed request or transaction.
pub fn classify(err: &JsValue) -> StorageError {
    match err.dyn_ref::<web_sys::DomException>() {
        Some(e) if e.name() == "QuotaExceededError" => StorageError::QuotaExceeded,
        Some(e) if e.name() == "SecurityError" => StorageError::Unavailable,
        Some(e) if e.name() == "InvalidStateError" => StorageError::VersionChanged,
        Some(e) => StorageError::Other(e.message()),
        None => StorageError::Other(super::errors::message_of(err)),
    }
}

/// The result of a request, once it succeeded.
async fn done(req: &IdbRequest) -> Result<JsValue, StorageError> {
    let settled = Promise::new(&mut |resolve, reject| {
        req.set_onsuccess(Some(&resolve));
        req.set_onerror(Some(&reject));
    });
    match JsFuture::from(settled).await {
        Ok(_) => req.result().map_err(|e| classify(&e)),
        Err(_) => Err(req.error().ok().flatten().map_or_else(
            || StorageError::Other("the request failed".into()),
            |e| classify(&e),
        )),
    }
}

/// Resolves when the transaction commits; rejects with its error.
fn committed(tx: &IdbTransaction) -> JsFuture {
    JsFuture::from(Promise::new(&mut |resolve, reject| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onabort(Some(&reject));
    }))
}

fn tx_error(tx: &IdbTransaction) -> StorageError {
    match tx.error() {
        Some(e) => classify(&e),
        None => StorageError::Other("the transaction was aborted".into()),
    }
}

/// The JSON text of a stored value (its string itself if it is not JSON-able).
fn text_of(value: &JsValue) -> String {
    JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| String::from(js_sys::JsString::from(value.clone())))
}

fn key_text(key: &JsValue) -> String {
    key.as_string()
        .unwrap_or_else(|| String::from(js_sys::JsString::from(key.clone())))
}

/// Opens `name` at `version`, creating missing object stores. `on_blocked`
/// runs when another tab holds an older version open (the open waits until
/// it closes); `on_version_change` when this connection later gives way to
/// a newer version opened elsewhere.
pub async fn open(
    name: &str,
    version: u32,
    on_blocked: impl Fn() + 'static,
    on_version_change: impl Fn() + 'static,
) -> Result<IdbStore, StorageError> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or(StorageError::Unavailable)?;
    let req = factory
        .open_with_u32(name, version)
        .map_err(|_| StorageError::Unavailable)?;
    let upgrading = req.clone();
    let on_upgrade = Closure::<dyn Fn()>::new(move || {
        if let Some(db) = upgrading
            .result()
            .ok()
            .and_then(|r| r.dyn_into::<IdbDatabase>().ok())
        {
            create_stores(&db);
        }
    });
    req.set_onupgradeneeded(Some(on_upgrade.as_ref().unchecked_ref()));
    let on_blocked = Closure::<dyn Fn()>::new(on_blocked);
    req.set_onblocked(Some(on_blocked.as_ref().unchecked_ref()));
    let db: IdbDatabase = done(&req)
        .await
        .map_err(|e| match e {
            StorageError::Other(_) | StorageError::VersionChanged => StorageError::Unavailable,
            other => other,
        })?
        .unchecked_into();
    req.set_onupgradeneeded(None);
    req.set_onblocked(None);

    let closed = Rc::new(Cell::new(false));
    let (flag, conn) = (closed.clone(), db.clone());
    let on_change = Closure::<dyn Fn()>::new(move || {
        conn.close();
        flag.set(true);
        on_version_change();
    });
    db.set_onversionchange(Some(on_change.as_ref().unchecked_ref()));
    Ok(IdbStore {
        db: Some(db),
        closed,
        _on_version_change: Some(on_change),
    })
}

/// Version 1's object stores (each created only if missing).
fn create_stores(db: &IdbDatabase) {
    let names = db.object_store_names();
    for table in Table::ALL.iter().map(|t| t.name()).chain([AUDIO]) {
        if names.contains(table) {
            continue;
        }
        if let Ok(store) = db.create_object_store(table) {
            if table == Table::Attempts.name() {
                let path = Array::of2(&"created_at_ms".into(), &"id".into());
                let _ = store.create_index_with_str_sequence("by_time", &path);
            }
        }
    }
}

impl IdbStore {
    /// No database: the browser refused one.
    pub fn unavailable() -> IdbStore {
        IdbStore {
            db: None,
            closed: Rc::new(Cell::new(false)),
            _on_version_change: None,
        }
    }

    fn tx(&self, mode: IdbTransactionMode) -> Result<IdbTransaction, StorageError> {
        if self.closed.get() {
            return Err(StorageError::VersionChanged);
        }
        let db = self.db.as_ref().ok_or(StorageError::Unavailable)?;
        let names = Array::new();
        for t in Table::ALL {
            names.push(&t.name().into());
        }
        db.transaction_with_str_sequence_and_mode(&names, mode)
            .map_err(|e| classify(&e))
    }

    fn table(tx: &IdbTransaction, table: Table) -> Result<IdbObjectStore, StorageError> {
        tx.object_store(table.name()).map_err(|e| classify(&e))
    }

    /// Keys and values of a range of `table` (all of it for `None`).
    async fn read_rows(
        &self,
        table: Table,
        range: Option<&IdbKeyRange>,
        limit: Option<u32>,
    ) -> Result<Vec<(String, String)>, StorageError> {
        let tx = self.tx(IdbTransactionMode::Readonly)?;
        let store = Self::table(&tx, table)?;
        let (keys, values) = match (range, limit) {
            (Some(r), Some(n)) => (
                store.get_all_keys_with_key_and_limit(r, n),
                store.get_all_with_key_and_limit(r, n),
            ),
            (None, Some(n)) => (
                store.get_all_keys_with_key_and_limit(&JsValue::UNDEFINED, n),
                store.get_all_with_key_and_limit(&JsValue::UNDEFINED, n),
            ),
            _ => (store.get_all_keys(), store.get_all()),
        };
        let keys: Array = done(&keys.map_err(|e| classify(&e))?)
            .await?
            .unchecked_into();
        let values: Array = done(&values.map_err(|e| classify(&e))?)
            .await?
            .unchecked_into();
        Ok(keys
            .iter()
            .zip(values.iter())
            .map(|(k, v)| (key_text(&k), text_of(&v)))
            .collect())
    }

    /// The underlying connection, if any (tests look at its stores).
    pub fn database(&self) -> Option<&IdbDatabase> {
        self.db.as_ref()
    }
}

impl Drop for IdbStore {
    fn drop(&mut self) {
        if let Some(db) = &self.db {
            db.set_onversionchange(None);
            db.close();
        }
    }
}

impl Store for IdbStore {
    async fn get_all(&self, table: Table) -> Result<Vec<(String, String)>, StorageError> {
        self.read_rows(table, None, None).await
    }

    async fn keys(&self, table: Table) -> Result<Vec<String>, StorageError> {
        let tx = self.tx(IdbTransactionMode::Readonly)?;
        let req = Self::table(&tx, table)?
            .get_all_keys()
            .map_err(|e| classify(&e))?;
        let keys: Array = done(&req).await?.unchecked_into();
        Ok(keys.iter().map(|k| key_text(&k)).collect())
    }

    async fn chunk(
        &self,
        table: Table,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Vec<(String, String)>, StorageError> {
        match after {
            None => self.read_rows(table, None, Some(limit)).await,
            Some(key) => {
                let range = IdbKeyRange::lower_bound_with_open(&key.into(), true)
                    .map_err(|e| classify(&e))?;
                self.read_rows(table, Some(&range), Some(limit)).await
            }
        }
    }

    async fn update<T>(
        &self,
        reads: &[(Table, String)],
        decide: impl FnOnce(Vec<Option<String>>) -> (Vec<Op>, T),
        progress: Progress<'_>,
    ) -> Result<T, StorageError> {
        let tx = self.tx(IdbTransactionMode::Readwrite)?;
        let commit = committed(&tx);
        let result = async {
            let mut requests = Vec::with_capacity(reads.len());
            for (table, key) in reads {
                let req = Self::table(&tx, *table)?
                    .get(&key.into())
                    .map_err(|e| classify(&e))?;
                requests.push(req);
            }
            let mut found = Vec::with_capacity(requests.len());
            for req in &requests {
                let value = done(req).await?;
                found.push((!value.is_undefined()).then(|| text_of(&value)));
            }
            let (ops, answer) = decide(found);
            let total = ops.len();
            for (n, batch) in ops.chunks(BATCH).enumerate() {
                let mut last = None;
                for op in batch {
                    let req = match op {
                        Op::Put { table, key, value } => {
                            let object = JSON::parse(value).map_err(|e| classify(&e))?;
                            Self::table(&tx, *table)?.put_with_key(&object, &key.into())
                        }
                        Op::Delete { table, key } => Self::table(&tx, *table)?.delete(&key.into()),
                    };
                    last = Some(req.map_err(|e| classify(&e))?);
                }
                if let Some(req) = last {
                    done(&req).await?;
                }
                progress((n * BATCH + batch.len()).min(total), total);
            }
            Ok(answer)
        }
        .await;
        match result {
            Ok(answer) => match commit.await {
                Ok(_) => Ok(answer),
                Err(_) => Err(tx_error(&tx)),
            },
            Err(e) => {
                // Nothing of a failed update may stay.
                let _ = tx.abort();
                let _ = commit.await;
                Err(match tx.error() {
                    Some(_) => tx_error(&tx),
                    None => e,
                })
            }
        }
    }
}
