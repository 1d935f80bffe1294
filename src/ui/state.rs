//! App-wide state: every attempt and the preferences, loaded once at start,
//! saved per attempt (debounced, flushed when the page hides), and refreshed
//! when another tab writes. Storage trouble becomes a banner, never lost words.

use crate::core::attempt::Attempt;
use crate::core::schema::{self, Prefs};
use crate::core::store::{KeyValueStore, MemoryStore, StorageError};
use crate::platform::storage::LocalStorage;
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::time::Duration;

/// How long typing may pause before a save (local-first apps use about 300 ms).
const SAVE_DEBOUNCE: Duration = Duration::from_millis(300);

/// Whether writes are reaching the browser's storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageHealth {
    Ok,
    /// Private mode or storage disabled: work lives in memory for this tab only.
    Unavailable,
    /// QuotaExceededError: the latest changes are only in memory.
    Full,
    Failed(String),
}

thread_local! {
    static STORE: Box<dyn KeyValueStore> = match LocalStorage::open() {
        Ok(store) => Box::new(store),
        Err(_) => Box::new(MemoryStore::default()),
    };
    static SAVE_TIMER: RefCell<Option<TimeoutHandle>> = const { RefCell::new(None) };
}

fn with_store<R>(f: impl FnOnce(&dyn KeyValueStore) -> R) -> R {
    STORE.with(|store| f(store.as_ref()))
}

/// Shared by every screen through context.
#[derive(Clone, Copy)]
pub struct AppState {
    /// Every readable attempt (any order).
    pub attempts: RwSignal<Vec<Attempt>>,
    pub prefs: RwSignal<Prefs>,
    pub health: RwSignal<StorageHealth>,
    /// Messages about stored data the user should read (quarantine, newer versions).
    pub notices: RwSignal<Vec<String>>,
    /// Attempts changed in memory and not yet written.
    dirty: RwSignal<BTreeSet<String>>,
}

impl AppState {
    /// Loads everything from storage. Nothing is written before this returns.
    pub fn load() -> AppState {
        let state = AppState {
            attempts: RwSignal::new(Vec::new()),
            prefs: RwSignal::new(Prefs::default()),
            health: RwSignal::new(StorageHealth::Ok),
            notices: RwSignal::new(Vec::new()),
            dirty: RwSignal::new(BTreeSet::new()),
        };
        if LocalStorage::open().is_err() {
            state.health.set(StorageHealth::Unavailable);
        }
        state.reload(false);
        state
    }

    /// Re-reads storage, keeping any attempt this tab has not saved yet.
    /// `from_other_tab` announces attempts that another tab added or changed.
    pub fn reload(&self, from_other_tab: bool) {
        match with_store(schema::load_all) {
            Ok(report) => {
                let dirty = self.dirty.get_untracked();
                let before = self.attempts.get_untracked();
                // A set of owned strings like the app's other id sets (one
                // copy of the B-tree code), built by inserts (collecting would
                // sort first: one more copy of the sorting code).
                let mut stored: BTreeSet<String> = BTreeSet::new();
                stored.extend(report.attempts.iter().map(|a| a.id.clone()));
                // Keep what only this tab has: unsaved edits, and drafts not yet
                // written (a drill opened here while another tab saved).
                let mine: Vec<Attempt> = before
                    .iter()
                    .filter(|a| dirty.contains(&a.id) || !stored.contains(&a.id))
                    .cloned()
                    .collect();
                let mut attempts: Vec<Attempt> = report
                    .attempts
                    .iter()
                    .filter(|a| !dirty.contains(&a.id))
                    .cloned()
                    .collect();
                let changed_elsewhere = from_other_tab
                    && attempts.iter().any(|theirs| {
                        before
                            .iter()
                            .find(|ours| ours.id == theirs.id)
                            .is_none_or(|ours| ours.sections != theirs.sections)
                    });
                attempts.extend(mine);
                self.attempts.set(attempts);
                self.prefs.set(report.prefs.clone());
                let mut messages = report.messages();
                if changed_elsewhere {
                    messages.push(
                        "A drill was changed in another tab or window; this tab now shows its latest text."
                            .to_owned(),
                    );
                }
                if !messages.is_empty() {
                    self.notices.update(|n| {
                        for m in messages {
                            if !n.contains(&m) {
                                n.push(m);
                            }
                        }
                    });
                }
            }
            Err(err) => self.report(err),
        }
    }

    /// The attempt with this id, if any.
    pub fn attempt(&self, id: &str) -> Option<Attempt> {
        self.attempts
            .with(|all| all.iter().find(|a| a.id == id).cloned())
    }

    /// Adds an attempt that is not worth saving yet (a drill opened but not
    /// started or typed in); its first edit saves it.
    pub fn put_draft(&self, attempt: Attempt) {
        self.attempts.update(|all| all.push(attempt));
    }

    /// Adds or replaces an attempt and saves it soon.
    pub fn put(&self, attempt: Attempt) {
        let id = attempt.id.clone();
        self.attempts
            .update(|all| match all.iter_mut().find(|a| a.id == id) {
                Some(existing) => *existing = attempt,
                None => all.push(attempt),
            });
        self.mark_dirty(id);
    }

    /// Changes one attempt in place and saves it soon.
    pub fn edit(&self, id: &str, change: impl FnOnce(&mut Attempt)) {
        let mut changed = false;
        self.attempts.update(|all| {
            if let Some(a) = all.iter_mut().find(|a| a.id == id) {
                change(a);
                changed = true;
            }
        });
        if changed {
            self.mark_dirty(id.to_owned());
        }
    }

    /// Deletes an attempt from memory and storage.
    pub fn delete(&self, id: &str) {
        self.attempts.update(|all| all.retain(|a| a.id != id));
        self.dirty.update(|d| {
            d.remove(id);
        });
        if let Err(err) = with_store(|s| schema::delete_attempt(s, id)) {
            self.report(err);
        }
    }

    /// Changes the preferences and saves them at once.
    pub fn edit_prefs(&self, change: impl FnOnce(&mut Prefs)) {
        self.prefs.update(change);
        let prefs = self.prefs.get_untracked();
        match with_store(|s| schema::save_prefs(s, &prefs)) {
            Ok(()) => {}
            Err(err) => self.report(err),
        }
    }

    fn mark_dirty(&self, id: String) {
        self.dirty.update(|d| {
            d.insert(id);
        });
        let state = *self;
        SAVE_TIMER.with(|timer| {
            if let Some(handle) = timer.borrow_mut().take() {
                handle.clear();
            }
            *timer.borrow_mut() =
                set_timeout_with_handle(move || state.flush(), SAVE_DEBOUNCE).ok();
        });
    }

    /// Writes every changed attempt now (also called when the page hides).
    pub fn flush(&self) {
        let dirty = self.dirty.get_untracked();
        if dirty.is_empty() {
            return;
        }
        let mut still_dirty = BTreeSet::new();
        let mut failure = None;
        self.attempts.with_untracked(|all| {
            for attempt in all.iter().filter(|a| dirty.contains(&a.id)) {
                if let Err(err) = with_store(|s| schema::save_attempt(s, attempt)) {
                    still_dirty.insert(attempt.id.clone());
                    failure = Some(err);
                }
            }
        });
        self.dirty.set(still_dirty);
        match failure {
            Some(err) => self.report(err),
            None => {
                if self.health.get_untracked() != StorageHealth::Unavailable {
                    self.health.set(StorageHealth::Ok);
                }
            }
        }
    }

    fn report(&self, err: StorageError) {
        self.health.set(match err {
            StorageError::Unavailable => StorageHealth::Unavailable,
            StorageError::QuotaExceeded => StorageHealth::Full,
            StorageError::Other(msg) => StorageHealth::Failed(msg),
        });
    }

    /// Everything as a backup file (JSON). Attempts held in memory go in too,
    /// so a full or unavailable store loses nothing; untouched blank drafts
    /// (a drill opened, never started or typed in) are left out.
    pub fn export_backup(&self) -> String {
        let unsaved: Vec<Attempt> = self.attempts.with_untracked(|all| {
            all.iter()
                .filter(|a| {
                    a.is_started()
                        || !a.scores.is_empty()
                        || !a.notes.trim().is_empty()
                        || a.sections.values().any(|t| !t.trim().is_empty())
                })
                .cloned()
                .collect()
        });
        with_store(|s| schema::export_backup(s, &unsaved))
    }

    /// Imports a backup file: pending changes are written first, then the
    /// file is validated and merged (nothing changes when it is refused), and
    /// the attempts are re-read.
    pub fn import_backup(&self, json: &str) -> Result<schema::ImportReport, schema::ImportError> {
        self.flush();
        let report = with_store(|s| schema::import_backup(s, json))?;
        self.reload(false);
        Ok(report)
    }
}

/// Installs the state in context and wires page lifecycle and cross-tab events.
pub fn provide_app_state() -> AppState {
    let state = AppState::load();
    provide_context(state);
    let visibility = window_event_listener(leptos::ev::visibilitychange, move |_| state.flush());
    let pagehide = window_event_listener(leptos::ev::pagehide, move |_| state.flush());
    let storage =
        window_event_listener(leptos::ev::storage, move |event: web_sys::StorageEvent| {
            // Another tab wrote; our own writes never fire this event here.
            if event.key().is_none_or(|k| k.starts_with("evident.")) {
                state.reload(true);
            }
        });
    on_cleanup(move || {
        visibility.remove();
        pagehide.remove();
        storage.remove();
    });
    state
}

/// The app state from context.
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
