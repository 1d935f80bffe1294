//! The storage port: the storage logic in core talks to [`Store`];
//! `platform::idb` adapts IndexedDB to it, and [`MemoryStore`] serves tests
//! (and the app when the browser refuses storage).
//!
//! The port is shaped like IndexedDB's transactions, not like a key-value
//! map: a store holds named tables of JSON records keyed by strings, reads
//! are whole tables, key lists or chunks, and every change is one
//! [`Store::update`]: read some keys, decide the writes from what was read,
//! apply them, all in one transaction. Nothing happens between the read and
//! the write (another tab's transaction waits), so a read-modify-write never
//! loses the other tab's change, and a failure (a full store) applies none of
//! the writes.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::future::Future;

/// Why a storage operation failed, in words a user can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser refused storage (private mode, disabled by policy).
    Unavailable,
    /// The store is full (QuotaExceededError).
    QuotaExceeded,
    /// A newer Evident in another tab upgraded the database; this tab must
    /// reload before it may write again.
    VersionChanged,
    /// Anything else the browser reported.
    Other(String),
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageError::Unavailable => write!(f, "browser storage is unavailable"),
            StorageError::QuotaExceeded => write!(f, "browser storage is full"),
            StorageError::VersionChanged => write!(
                f,
                "a newer version of Evident opened in another tab; reload this tab"
            ),
            StorageError::Other(msg) => write!(f, "browser storage failed: {msg}"),
        }
    }
}

/// The tables (IndexedDB object stores) of Evident's database.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Table {
    /// One stored attempt per id (indexed on `[created_at_ms, id]`).
    Attempts,
    /// One small summary per attempt id, derived from the attempt and
    /// written in the same transaction: History reads these, not the attempts.
    Summaries,
    /// The preferences and a few flags, by name.
    Prefs,
    /// Values that could not be read, kept aside with the reason.
    Quarantine,
}

impl Table {
    pub const ALL: [Table; 4] = [
        Table::Attempts,
        Table::Summaries,
        Table::Prefs,
        Table::Quarantine,
    ];

    /// The object store's name.
    pub fn name(self) -> &'static str {
        match self {
            Table::Attempts => "attempts",
            Table::Summaries => "summaries",
            Table::Prefs => "prefs",
            Table::Quarantine => "quarantine",
        }
    }
}

/// One write of an update.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Op {
    /// Stores `value` (JSON text) under `key`.
    Put {
        table: Table,
        key: String,
        value: String,
    },
    Delete {
        table: Table,
        key: String,
    },
}

/// Told how many writes of a large update are done, out of how many.
pub type Progress<'a> = &'a dyn Fn(usize, usize);

/// A database of JSON records. Futures, because IndexedDB is asynchronous;
/// [`MemoryStore`]'s are ready at once.
pub trait Store {
    /// Every record of `table`, in key order: `(key, JSON text)`.
    fn get_all(
        &self,
        table: Table,
    ) -> impl Future<Output = Result<Vec<(String, String)>, StorageError>>;

    /// Every key of `table`, in key order.
    fn keys(&self, table: Table) -> impl Future<Output = Result<Vec<String>, StorageError>>;

    /// At most `limit` records with keys after `after` (from the first when
    /// `None`), in key order: a large table read in chunks, so the page
    /// stays responsive between them.
    fn chunk(
        &self,
        table: Table,
        after: Option<&str>,
        limit: u32,
    ) -> impl Future<Output = Result<Vec<(String, String)>, StorageError>>;

    /// One transaction: reads the records at `reads`, passes what it found
    /// (in the same order) to `decide`, applies the writes it returns, and
    /// gives back its answer. All or nothing: when any write fails, none is
    /// kept.
    fn update<T>(
        &self,
        reads: &[(Table, String)],
        decide: impl FnOnce(Vec<Option<String>>) -> (Vec<Op>, T),
        progress: Progress<'_>,
    ) -> impl Future<Output = Result<T, StorageError>>;
}

/// Reads some records of one table, in the order of `keys`.
pub async fn get_many<S: Store>(
    store: &S,
    table: Table,
    keys: &[String],
) -> Result<Vec<Option<String>>, StorageError> {
    let reads: Vec<(Table, String)> = keys.iter().map(|k| (table, k.clone())).collect();
    store
        .update(&reads, |found| (Vec::new(), found), &|_, _| {})
        .await
}

/// Applies writes in one transaction.
pub async fn write<S: Store>(store: &S, ops: Vec<Op>) -> Result<(), StorageError> {
    store.update(&[], |_| (ops, ()), &|_, _| {}).await
}

/// An in-memory store for tests (and for a tab whose browser refuses
/// storage), with an optional byte quota and a switch that fails the next
/// update, to test that a failure changes nothing.
#[derive(Default)]
pub struct MemoryStore {
    tables: RefCell<BTreeMap<(Table, String), String>>,
    quota_bytes: Option<usize>,
    fail_next: Cell<Option<StorageError>>,
}

impl MemoryStore {
    pub fn with_quota(quota_bytes: usize) -> Self {
        MemoryStore {
            quota_bytes: Some(quota_bytes),
            ..MemoryStore::default()
        }
    }

    /// Every record, in table and key order: a snapshot tests compare
    /// before and after an operation that must change nothing.
    pub fn entries(&self) -> Vec<(Table, String, String)> {
        self.tables
            .borrow()
            .iter()
            .map(|((t, k), v)| (*t, k.clone(), v.clone()))
            .collect()
    }

    /// Reads one record at once (tests).
    pub fn peek(&self, table: Table, key: &str) -> Option<String> {
        self.tables.borrow().get(&(table, key.to_owned())).cloned()
    }

    /// Writes one record at once, bypassing the checks (tests plant
    /// corrupt or foreign values this way).
    pub fn plant(&self, table: Table, key: &str, value: &str) {
        self.tables
            .borrow_mut()
            .insert((table, key.to_owned()), value.to_owned());
    }

    /// Makes the next update fail with `err` after deciding (tests).
    pub fn fail_next_update(&self, err: StorageError) {
        self.fail_next.set(Some(err));
    }

    fn rows(&self, table: Table) -> Vec<(String, String)> {
        self.tables
            .borrow()
            .iter()
            .filter(|((t, _), _)| *t == table)
            .map(|((_, k), v)| (k.clone(), v.clone()))
            .collect()
    }
}

impl Store for MemoryStore {
    async fn get_all(&self, table: Table) -> Result<Vec<(String, String)>, StorageError> {
        Ok(self.rows(table))
    }

    async fn keys(&self, table: Table) -> Result<Vec<String>, StorageError> {
        Ok(self.rows(table).into_iter().map(|(k, _)| k).collect())
    }

    async fn chunk(
        &self,
        table: Table,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Vec<(String, String)>, StorageError> {
        Ok(self
            .rows(table)
            .into_iter()
            .filter(|(k, _)| after.is_none_or(|a| k.as_str() > a))
            .take(limit as usize)
            .collect())
    }

    async fn update<T>(
        &self,
        reads: &[(Table, String)],
        decide: impl FnOnce(Vec<Option<String>>) -> (Vec<Op>, T),
        progress: Progress<'_>,
    ) -> Result<T, StorageError> {
        let found = {
            let tables = self.tables.borrow();
            reads.iter().map(|r| tables.get(r).cloned()).collect()
        };
        let (ops, answer) = decide(found);
        if let Some(err) = self.fail_next.take() {
            return Err(err);
        }
        // Applied to a copy first: all or nothing.
        let mut next = self.tables.borrow().clone();
        for op in &ops {
            match op {
                Op::Put { table, key, value } => {
                    next.insert((*table, key.clone()), value.clone());
                }
                Op::Delete { table, key } => {
                    next.remove(&(*table, key.clone()));
                }
            }
        }
        if let Some(quota) = self.quota_bytes {
            let used: usize = next.iter().map(|((_, k), v)| k.len() + v.len()).sum();
            if used > quota {
                return Err(StorageError::QuotaExceeded);
            }
        }
        *self.tables.borrow_mut() = next;
        progress(ops.len(), ops.len());
        Ok(answer)
    }
}

/// Runs a future that never waits (every [`MemoryStore`] operation) to its
/// end: the native tests' executor.
#[cfg(test)]
pub fn block_on<F: Future>(f: F) -> F::Output {
    use std::task::{Context, Poll, Waker};
    let mut f = std::pin::pin!(f);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(out) = f.as_mut().poll(&mut cx) {
            return out;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn put(table: Table, key: &str, value: &str) -> Op {
        Op::Put {
            table,
            key: key.into(),
            value: value.into(),
        }
    }

    #[test]
    fn memory_store_round_trips_reads_in_chunks_and_updates_atomically() {
        let store = MemoryStore::default();
        block_on(write(
            &store,
            vec![
                put(Table::Attempts, "a", "1"),
                put(Table::Attempts, "b", "2"),
                put(Table::Attempts, "c", "3"),
                put(Table::Prefs, "prefs", "{}"),
            ],
        ))
        .unwrap();
        assert_eq!(
            block_on(store.keys(Table::Attempts)).unwrap(),
            vec!["a", "b", "c"]
        );
        let chunk = block_on(store.chunk(Table::Attempts, Some("a"), 1)).unwrap();
        assert_eq!(chunk, vec![("b".to_owned(), "2".to_owned())]);
        let found = block_on(get_many(&store, Table::Attempts, &["c".into(), "z".into()]));
        assert_eq!(found.unwrap(), vec![Some("3".to_owned()), None]);

        // Read, decide, write in one step.
        let answer = block_on(store.update(
            &[(Table::Attempts, "a".into())],
            |found| {
                let next = format!("{}+", found[0].clone().unwrap_or_default());
                (vec![put(Table::Attempts, "a", &next)], next)
            },
            &|_, _| {},
        ));
        assert_eq!(answer.unwrap(), "1+");
        assert_eq!(store.peek(Table::Attempts, "a").as_deref(), Some("1+"));
    }

    #[test]
    fn a_failed_update_changes_nothing() {
        let store = MemoryStore::with_quota(12);
        block_on(write(&store, vec![put(Table::Attempts, "k", "12345")])).unwrap();
        let before = store.entries();
        let too_much = vec![
            put(Table::Attempts, "j", "1"),
            put(Table::Attempts, "i", "123456789"),
        ];
        assert_eq!(
            block_on(write(&store, too_much)),
            Err(StorageError::QuotaExceeded)
        );
        assert_eq!(store.entries(), before);
        store.fail_next_update(StorageError::Other("boom".into()));
        assert!(block_on(write(&store, vec![put(Table::Attempts, "j", "1")])).is_err());
        assert_eq!(store.entries(), before);
    }
}
