//! App-wide state: a summary of every attempt, the attempts open in full,
//! and the preferences, loaded once at start from IndexedDB (after moving the
//! first releases' `localStorage` data over, verified). Saves are debounced
//! per attempt and merged with what another tab stored (see
//! `schema::merge`); when the page hides, unsaved work is also copied to
//! `localStorage` at once (a database write may not finish before a tab
//! closes), one copy per tab (see `core::rescue`), and merged in at the next
//! start. Other tabs are told of each save on a `BroadcastChannel` and
//! re-read the attempt. Storage trouble becomes a banner, never lost words.

use crate::core::attempt::Attempt;
use crate::core::rescue::{Rescues, PENDING_PREFIX};
use crate::core::schema::{self, ImportStage, Notes, Prefs};
use crate::core::store::{Progress, StorageError};
use crate::core::summary::AttemptSummary;
use crate::platform::audio_store;
use crate::platform::idb::{self, IdbStore};
use crate::platform::storage::{self as browser, Persistence, Tabs};
use crate::platform::task::spawn;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;
use std::time::Duration;

/// How long typing may pause before a save (local-first apps use about 300 ms).
const SAVE_DEBOUNCE: Duration = Duration::from_millis(300);
/// The message on the channel when the preferences changed (not an id).
const PREFS_CHANGED: &str = "#prefs";

/// Whether writes are reaching the browser's storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageHealth {
    Ok,
    /// Private mode or storage disabled: work lives in memory for this tab only.
    Unavailable,
    /// QuotaExceededError: the latest changes are only in memory.
    Full,
    /// A newer Evident took over the database in another tab.
    Outdated,
    Failed(String),
}

thread_local! {
    static STORE: RefCell<Rc<IdbStore>> = RefCell::new(Rc::new(IdbStore::unavailable()));
    /// The stored version of each attempt open in full, as last read or
    /// written: the base of the next merge. (A list: one more B-tree type
    /// would cost the wasm more than a scan of a few open attempts.)
    static BASES: RefCell<Vec<Attempt>> = const { RefCell::new(Vec::new()) };
    static PREFS_BASE: RefCell<Prefs> = RefCell::new(Prefs::default());
    static TABS: RefCell<Option<Tabs>> = const { RefCell::new(None) };
    static SAVE_TIMER: RefCell<Option<TimeoutHandle>> = const { RefCell::new(None) };
    static FLUSHING: Cell<bool> = const { Cell::new(false) };
    static FLUSH_AGAIN: Cell<bool> = const { Cell::new(false) };
    static UNDO: RefCell<Option<Undoable>> = const { RefCell::new(None) };
    /// This tab's rescue copies and the revision of its edits: a save drops
    /// only a copy it holds every edit of.
    static RESCUES: RefCell<Rescues> = RefCell::new(Rescues::default());
}

/// The last deleted attempt, while History offers to undo it: its
/// deletion (a promise Undo waits for, so a restore never races the delete)
/// and its recordings, copied out before the `audio` table let them go.
/// Only in memory: a reload or a closed tab makes the delete final, and the
/// store then holds no audio of the attempt, so nothing is left behind.
struct Undoable {
    id: String,
    deletion: js_sys::Promise,
    audio: Rc<RefCell<Vec<(String, web_sys::Blob)>>>,
}

fn store() -> Rc<IdbStore> {
    STORE.with(|s| s.borrow().clone())
}

/// The open database, for the recordings' `audio` table.
pub fn database() -> Rc<IdbStore> {
    store()
}

fn base_of(id: &str) -> Option<Attempt> {
    BASES.with(|b| b.borrow().iter().find(|a| a.id == id).cloned())
}

fn set_base(a: &Attempt) {
    BASES.with(|b| {
        let mut bases = b.borrow_mut();
        match bases.iter_mut().find(|x| x.id == a.id) {
            Some(x) => *x = a.clone(),
            None => bases.push(a.clone()),
        }
    });
}

fn drop_base(id: &str) {
    BASES.with(|b| b.borrow_mut().retain(|a| a.id != id));
}

fn announce(id: &str) {
    TABS.with(|t| {
        if let Some(tabs) = t.borrow().as_ref() {
            tabs.announce(id);
        }
    });
}

/// Real work: something finished or scored (worth asking to keep).
fn is_real_work(a: &Attempt) -> bool {
    a.is_finished() || !a.scores.is_empty()
}

/// A rescue copy: the attempt and the base it was edited from.
fn pending_text(base: Option<&Attempt>, ours: &Attempt) -> String {
    let encode = |a: &Attempt| schema::encode_attempt(&schema::StoredAttempt::from(a));
    serde_json::to_string(&(base.map(encode), encode(ours))).unwrap_or_default()
}

fn read_pending(raw: &str) -> Option<(Option<Attempt>, Attempt)> {
    let value: serde_json::Value = serde_json::from_str(raw).ok()?;
    let decode = |v: &serde_json::Value| match schema::decode_attempt(v.as_str()?) {
        schema::Decoded::Ok { attempt, .. } => Attempt::try_from(*attempt).ok(),
        _ => None,
    };
    Some((decode(&value[0]), decode(&value[1])?))
}

/// Shared by every screen through context.
#[derive(Clone, Copy)]
pub struct AppState {
    /// Attempts open in full (each drill's open attempt, and any attempt a
    /// screen asked for with [`AppState::ensure_loaded`]); any order.
    /// Typing does not notify this signal (see [`AppState::edit_section`]):
    /// a keystroke wakes only the readers of its own section's text.
    pub attempts: RwSignal<Vec<Attempt>>,
    /// One trigger per section being read while it is typed in (attempt id,
    /// section id).
    section_triggers: StoredValue<HashMap<(String, String), ArcTrigger>, LocalStorage>,
    /// Every stored or changed attempt, without text, newest first.
    pub summaries: RwSignal<Vec<AttemptSummary>>,
    pub prefs: RwSignal<Prefs>,
    pub health: RwSignal<StorageHealth>,
    /// Messages about stored data the user should read (quarantine, newer
    /// versions, the move to the database).
    pub notices: RwSignal<Vec<String>>,
    /// False until the first load finished: screens that show or create
    /// attempts wait for it.
    pub ready: RwSignal<bool>,
    pub persistence: RwSignal<Persistence>,
    /// Bytes used and the quota, when the browser says.
    pub usage: RwSignal<Option<(f64, f64)>>,
    /// Attempts changed in memory and not yet written.
    dirty: RwSignal<BTreeSet<String>>,
}

impl AppState {
    fn new() -> AppState {
        AppState {
            attempts: RwSignal::new(Vec::new()),
            section_triggers: StoredValue::new_local(HashMap::new()),
            summaries: RwSignal::new(Vec::new()),
            prefs: RwSignal::new(Prefs::default()),
            health: RwSignal::new(StorageHealth::Ok),
            notices: RwSignal::new(Vec::new()),
            ready: RwSignal::new(false),
            persistence: RwSignal::new(Persistence::Unknown),
            usage: RwSignal::new(None),
            dirty: RwSignal::new(BTreeSet::new()),
        }
    }

    fn notify(&self, messages: Vec<String>) {
        if messages.is_empty() {
            return;
        }
        self.notices.update(|n| {
            for m in messages {
                if !n.contains(&m) {
                    n.push(m);
                }
            }
        });
    }

    /// Opens the database, moves legacy data in, merges rescue copies, and
    /// loads. Nothing is written before the legacy move is verified.
    async fn start(self) {
        let blocked = self;
        let outdated = self;
        let opened = idb::open(
            idb::DB_NAME,
            idb::DB_VERSION,
            move || blocked.notify(vec![
                "Evident is waiting for another of its tabs to close before it can update its storage.".to_owned(),
            ]),
            move || outdated.health.set(StorageHealth::Outdated),
        )
        .await;
        let legacy = browser::local_pairs(schema::is_legacy_key);
        let mut in_memory = false;
        match opened {
            Ok(db) => {
                STORE.with(|s| *s.borrow_mut() = Rc::new(db));
                if !legacy.is_empty() {
                    match schema::migrate_local(store().as_ref(), &legacy).await {
                        Ok(report) => {
                            browser::remove_local(&report.verified);
                            self.notify(report.messages());
                        }
                        Err(e) => {
                            // Work from a copy in memory; the old data stays.
                            in_memory = true;
                            self.use_memory_copy(&legacy);
                            self.notify(vec![format!(
                                "Your saved data could not be moved to the browser's database ({e}); it was left where it was, untouched, and this tab works from a copy. Export a backup to keep your work."
                            )]);
                            self.health.set(StorageHealth::Failed(e.to_string()));
                        }
                    }
                }
            }
            Err(_) => {
                in_memory = true;
                self.use_memory_copy(&legacy);
                self.health.set(StorageHealth::Unavailable);
            }
        }
        if in_memory {
            self.ready.set(true);
            return;
        }

        // Every tab's copies (of tabs closed before their saves landed).
        for (key, raw) in browser::local_pairs(|k| k.starts_with(PENDING_PREFIX)) {
            if let Some((base, ours)) = read_pending(&raw) {
                if schema::save_attempt(store().as_ref(), base.as_ref(), &ours)
                    .await
                    .is_ok()
                {
                    browser::remove_local(&[key]);
                }
            }
        }

        match schema::load(store().as_ref()).await {
            Ok(report) => {
                for a in &report.open {
                    set_base(a);
                }
                PREFS_BASE.with(|p| *p.borrow_mut() = report.prefs.clone());
                self.summaries.set(report.summaries);
                self.attempts.set(report.open);
                self.prefs.set(report.prefs);
                self.notify(report.notes.messages());
            }
            Err(err) => self.report(err),
        }
        self.ready.set(true);
        self.refresh_storage_info().await;
    }

    /// Works from the legacy data in memory (storage refused or the move
    /// failed): every readable legacy attempt is open, unsaved, in this tab.
    fn use_memory_copy(&self, legacy: &[(String, String)]) {
        STORE.with(|s| *s.borrow_mut() = Rc::new(IdbStore::unavailable()));
        let attempts = schema::legacy_attempts(legacy);
        let mut summaries: Vec<AttemptSummary> = attempts.iter().map(AttemptSummary::of).collect();
        schema::newest_first(&mut summaries);
        let mut ids = BTreeSet::new();
        ids.extend(attempts.iter().map(|a| a.id.clone()));
        self.dirty.set(ids);
        self.summaries.set(summaries);
        self.attempts.set(attempts);
    }

    /// Reads the persistence state and the usage estimate again.
    pub async fn refresh_storage_info(self) {
        self.persistence.set(browser::persisted().await);
        self.usage.set(browser::estimate().await);
    }

    /// The attempt with this id, if open in full.
    pub fn attempt(&self, id: &str) -> Option<Attempt> {
        self.attempts
            .with(|all| all.iter().find(|a| a.id == id).cloned())
    }

    /// Whether the attempt exists (stored or changed in this tab).
    pub fn knows(&self, id: &str) -> bool {
        self.summaries.with(|all| all.iter().any(|s| s.id == id))
            || self.attempts.with(|all| all.iter().any(|a| a.id == id))
    }

    /// Reads attempts in full that are not open yet (History's visible
    /// page, a results screen).
    pub fn ensure_loaded(&self, ids: Vec<String>) {
        let missing: Vec<String> = self.attempts.with_untracked(|all| {
            ids.into_iter()
                .filter(|id| !all.iter().any(|a| a.id == *id))
                .collect()
        });
        if missing.is_empty() {
            return;
        }
        let state = *self;
        spawn(async move {
            let mut notes = Notes::default();
            match schema::load_attempts(store().as_ref(), &missing, &mut notes).await {
                Ok(found) => {
                    for a in &found {
                        set_base(a);
                    }
                    state.attempts.update(|all| {
                        for a in found {
                            if !all.iter().any(|x| x.id == a.id) {
                                all.push(a);
                            }
                        }
                    });
                    // Unreadable ones were moved aside: no longer listed.
                    if !notes.quarantined.is_empty() {
                        state.summaries.update(|all| {
                            all.retain(|s| {
                                !notes
                                    .quarantined
                                    .iter()
                                    .any(|q| q.original_key == schema::attempt_key(&s.id))
                            })
                        });
                    }
                    state.notify(notes.messages());
                }
                Err(err) => state.report(err),
            }
        });
    }

    /// Attempts in full for a one-off job (the Markdown export of History):
    /// this tab's copies where open, the rest read in chunks, not kept.
    pub async fn read_attempts(self, ids: Vec<String>) -> Vec<Attempt> {
        let mut out: Vec<Attempt> = Vec::with_capacity(ids.len());
        let mut missing = Vec::new();
        self.attempts.with_untracked(|all| {
            for id in ids {
                match all.iter().find(|a| a.id == id) {
                    Some(a) => out.push(a.clone()),
                    None => missing.push(id),
                }
            }
        });
        for chunk in missing.chunks(200) {
            let mut notes = Notes::default();
            if let Ok(found) = schema::load_attempts(store().as_ref(), chunk, &mut notes).await {
                out.extend(found);
            }
        }
        out
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

    /// The text of one section of an open attempt, for a reader that follows
    /// it while it is typed in: it wakes on that section's keystrokes and on
    /// any other change to the attempts, never on another section's typing.
    pub fn section_text(&self, id: &str, section: &str) -> String {
        self.section_trigger(id, section).track();
        self.attempts.with(|all| {
            all.iter()
                .find(|a| a.id == id)
                .map(|a| a.section_text(section).to_owned())
                .unwrap_or_default()
        })
    }

    fn section_trigger(&self, id: &str, section: &str) -> ArcTrigger {
        let key = (id.to_owned(), section.to_owned());
        self.section_triggers
            .try_update_value(|map| map.entry(key).or_default().clone())
            .unwrap_or_default()
    }

    /// A keystroke: sets one section's text and saves soon. Only readers of
    /// that section ([`AppState::section_text`]) wake, except when the
    /// attempt gains its first words or loses its last (whether an attempt is
    /// in use is read from `attempts`).
    pub fn edit_section(&self, id: &str, section: &str, text: String, now_ms: i64) {
        let mut found = None;
        self.attempts.update_untracked(|all| {
            if let Some(a) = all.iter_mut().find(|a| a.id == id) {
                let had_text = a.sections.values().any(|t| !t.is_empty());
                a.set_section(section, text, now_ms);
                found = Some(had_text != a.sections.values().any(|t| !t.is_empty()));
            }
        });
        let Some(in_use_changed) = found else {
            return;
        };
        self.section_trigger(id, section).notify();
        if in_use_changed {
            self.attempts.notify();
        }
        self.mark_dirty(id.to_owned());
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

    /// Keeps the summary list in step with an attempt in memory.
    fn upsert_summary(&self, summary: AttemptSummary) {
        self.summaries
            .update(|all| match all.iter_mut().find(|s| s.id == summary.id) {
                Some(s) => *s = summary,
                None => {
                    all.push(summary);
                    schema::newest_first(all);
                }
            });
    }

    /// Deletes an attempt from memory and storage, its recordings too; they
    /// are kept in memory until [`AppState::undo_delete`] or
    /// [`AppState::forget_deleted`].
    pub fn delete(&self, id: &str) {
        self.attempts.update(|all| all.retain(|a| a.id != id));
        self.summaries.update(|all| all.retain(|s| s.id != id));
        self.dirty.update(|d| {
            d.remove(id);
        });
        drop_base(id);
        RESCUES.with(|r| r.borrow_mut().forget(id));
        browser::clear_every_pending(id);
        let (state, id) = (*self, id.to_owned());
        let kept = Rc::new(RefCell::new(Vec::new()));
        let (audio, attempt_id) = (kept.clone(), id.clone());
        let deletion = wasm_bindgen_futures::future_to_promise(async move {
            let db = store();
            // A copy that cannot be read costs only the undo of the audio.
            if let Ok(copies) = audio_store::copy_attempt(&db, &attempt_id).await {
                *audio.borrow_mut() = copies;
            }
            // The recordings go with their attempt.
            let deleted = match audio_store::delete_attempt(&db, &attempt_id).await {
                Ok(()) => schema::delete_attempt(db.as_ref(), &attempt_id).await,
                Err(err) => Err(err),
            };
            match deleted {
                Ok(()) => announce(&attempt_id),
                Err(err) => state.report(err),
            }
            Ok(wasm_bindgen::JsValue::UNDEFINED)
        });
        // One undo at a time, as History offers: an older one is final now.
        UNDO.with(|u| {
            *u.borrow_mut() = Some(Undoable {
                id,
                deletion,
                audio: kept,
            })
        });
    }

    /// Brings a deleted attempt back, with its recordings, once its deletion
    /// has finished. Says what could not come back. The kept recordings are
    /// taken at the call, not when the future first runs, so closing the
    /// undo window right after cannot drop them.
    pub fn undo_delete(
        self,
        attempt: Attempt,
    ) -> impl std::future::Future<Output = Result<(), StorageError>> {
        let undoable = UNDO
            .with(|u| u.borrow_mut().take())
            .filter(|u| u.id == attempt.id);
        self.restore(attempt, undoable)
    }

    async fn restore(
        self,
        attempt: Attempt,
        undoable: Option<Undoable>,
    ) -> Result<(), StorageError> {
        let mut failed = Ok(());
        if let Some(u) = undoable {
            let _ = wasm_bindgen_futures::JsFuture::from(u.deletion).await;
            // The audio first: a screen that shows the attempt finds it.
            for (key, blob) in u.audio.take() {
                if let Err(e) = audio_store::put(&store(), &key, &blob).await {
                    failed = Err(e);
                }
            }
        }
        self.put(attempt);
        self.flush();
        self.usage.set(browser::estimate().await);
        failed
    }

    /// The undo window closed: the deleted recordings' copies are dropped.
    pub fn forget_deleted(&self) {
        UNDO.with(|u| u.borrow_mut().take());
    }

    /// Changes the preferences and saves them at once (merged with another
    /// tab's changes).
    pub fn edit_prefs(&self, change: impl FnOnce(&mut Prefs)) {
        self.prefs.update(change);
        let (state, ours) = (*self, self.prefs.get_untracked());
        spawn(async move {
            let base = PREFS_BASE.with(|p| p.borrow().clone());
            match schema::save_prefs(store().as_ref(), &base, &ours).await {
                Ok(merged) => {
                    PREFS_BASE.with(|p| *p.borrow_mut() = merged.clone());
                    if state.prefs.get_untracked() == ours && merged != ours {
                        state.prefs.set(merged);
                    }
                    announce(PREFS_CHANGED);
                }
                Err(err) => state.report(err),
            }
        });
    }

    fn mark_dirty(&self, id: String) {
        if let Some(summary) = self
            .attempts
            .with_untracked(|all| all.iter().find(|a| a.id == id).map(AttemptSummary::of))
        {
            self.upsert_summary(summary);
        }
        RESCUES.with(|r| r.borrow_mut().edited());
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

    /// Writes every changed attempt soon (also called when the page hides).
    pub fn flush(&self) {
        if self.dirty.with_untracked(BTreeSet::is_empty) {
            return;
        }
        if FLUSHING.with(Cell::get) {
            FLUSH_AGAIN.with(|f| f.set(true));
            return;
        }
        FLUSHING.with(|f| f.set(true));
        let state = *self;
        spawn(async move {
            loop {
                FLUSH_AGAIN.with(|f| f.set(false));
                state.save_dirty().await;
                if !FLUSH_AGAIN.with(Cell::get) {
                    break;
                }
            }
            FLUSHING.with(|f| f.set(false));
        });
    }

    /// Copies unsaved work to `localStorage` at once: the page may be closing
    /// and a database write may not finish. Merged in at the next start.
    pub fn rescue(&self) {
        let dirty = self.dirty.get_untracked();
        self.attempts.with_untracked(|all| {
            for a in all.iter().filter(|a| dirty.contains(&a.id)) {
                if browser::write_pending(&a.id, &pending_text(base_of(&a.id).as_ref(), a)) {
                    RESCUES.with(|r| r.borrow_mut().wrote(&a.id));
                }
            }
        });
        self.flush();
    }

    async fn save_dirty(&self) {
        let dirty = self.dirty.get_untracked();
        let mut failure = None;
        for id in dirty {
            let Some(ours) = self.attempt(&id) else {
                self.dirty.update(|d| {
                    d.remove(&id);
                });
                continue;
            };
            // The edits this save holds: a rescue copy written after it was
            // taken (the page hid while it was under way) may hold more.
            let mut revision = RESCUES.with(|r| r.borrow().revision());
            let base = base_of(&id);
            match schema::save_attempt(store().as_ref(), base.as_ref(), &ours).await {
                Ok(stored) => {
                    set_base(&stored);
                    let mut still_dirty = false;
                    self.attempts.update(|all| {
                        if let Some(current) = all.iter_mut().find(|a| a.id == id) {
                            // Keep what was typed during the save; take what
                            // another tab added.
                            still_dirty = *current != ours;
                            *current = schema::merge_attempt(Some(&ours), current, &stored);
                        }
                    });
                    if !still_dirty {
                        // Nothing changed since: the save holds every edit.
                        revision = RESCUES.with(|r| r.borrow().revision());
                    }
                    // Only a copy this save supersedes goes; a newer one
                    // stays until a save of its words lands (or the next
                    // start merges it, if this tab closes first).
                    if RESCUES.with(|r| r.borrow_mut().saved(&id, revision)) {
                        browser::clear_pending(&id);
                    }
                    if !still_dirty {
                        self.dirty.update(|d| {
                            d.remove(&id);
                        });
                    }
                    self.upsert_summary(AttemptSummary::of(&stored));
                    announce(&id);
                    if is_real_work(&stored) {
                        self.ask_to_persist();
                    }
                }
                Err(err) => failure = Some(err),
            }
        }
        match failure {
            Some(err) => self.report(err),
            None => {
                if self.health.get_untracked() == StorageHealth::Full
                    || matches!(self.health.get_untracked(), StorageHealth::Failed(_))
                {
                    self.health.set(StorageHealth::Ok);
                }
            }
        }
    }

    /// Asks once, after real work is saved, that the browser keep the
    /// site's storage; tells the user why in one line.
    fn ask_to_persist(&self) {
        if self.persistence.get_untracked() == Persistence::Persistent {
            return;
        }
        let state = *self;
        spawn(async move {
            let db = store();
            if schema::persist_asked(db.as_ref()).await.unwrap_or(true) {
                return;
            }
            if schema::mark_persist_asked(db.as_ref()).await.is_err() {
                return;
            }
            state.notify(vec![
                "Evident asked your browser to keep its storage, so years of practice are not cleared when space runs low.".to_owned(),
            ]);
            state.persistence.set(browser::request_persistence().await);
            state.usage.set(browser::estimate().await);
        });
    }

    /// Another tab saved or deleted `id`: re-read it and merge.
    async fn refresh_from_other_tab(self, id: String) {
        let db = store();
        if id == PREFS_CHANGED {
            if let Ok(report) = schema::load(db.as_ref()).await {
                let base = PREFS_BASE.with(|p| p.borrow().clone());
                let merged = schema::merge_prefs(&base, &self.prefs.get_untracked(), &report.prefs);
                PREFS_BASE.with(|p| *p.borrow_mut() = report.prefs);
                self.prefs.set(merged);
            }
            return;
        }
        let mut notes = Notes::default();
        let Ok(found) =
            schema::load_attempts(db.as_ref(), std::slice::from_ref(&id), &mut notes).await
        else {
            return;
        };
        let dirty = self.dirty.with_untracked(|d| d.contains(&id));
        match found.into_iter().next() {
            None => {
                if !dirty {
                    self.summaries.update(|all| all.retain(|s| s.id != id));
                    self.attempts.update(|all| all.retain(|a| a.id != id));
                    drop_base(&id);
                }
            }
            Some(theirs) => {
                let base = base_of(&id);
                let mut shown_changed = false;
                self.attempts.update(|all| {
                    match all.iter_mut().find(|a| a.id == theirs.id) {
                        Some(current) => {
                            let next = schema::merge_attempt(base.as_ref(), current, &theirs);
                            shown_changed = next.sections != current.sections;
                            *current = next;
                        }
                        // An unfinished attempt started elsewhere is open here too,
                        // so a drill screen on a fresh draft can give way to it.
                        None if !theirs.is_finished() => all.push(theirs.clone()),
                        None => {}
                    }
                });
                set_base(&theirs);
                if !dirty {
                    self.upsert_summary(AttemptSummary::of(&theirs));
                }
                if shown_changed {
                    self.notify(vec![
                        "A drill was changed in another tab or window; this tab now shows its latest text."
                            .to_owned(),
                    ]);
                }
            }
        }
    }

    fn report(&self, err: StorageError) {
        self.health.set(match err {
            StorageError::Unavailable => StorageHealth::Unavailable,
            StorageError::QuotaExceeded => StorageHealth::Full,
            StorageError::VersionChanged => StorageHealth::Outdated,
            StorageError::Other(msg) => StorageHealth::Failed(msg),
        });
    }

    /// Everything as a backup file, in parts. Attempts held in memory go in
    /// too, so a full or unavailable store loses nothing; untouched blank
    /// drafts are left out.
    /// With `audio`, the recordings' audio goes in too.
    pub async fn export_backup(self, audio: bool, progress: Progress<'_>) -> Vec<String> {
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
        let db = store();
        let recordings = audio.then(|| audio_store::BackupAudio(&db));
        schema::export_backup(db.as_ref(), recordings.as_ref(), &unsaved, progress).await
    }

    /// Imports a backup file: pending changes are written first, then the
    /// file is validated and merged (nothing changes when it is refused),
    /// and the summaries are re-read.
    pub async fn import_backup(
        self,
        json: &str,
        progress: &dyn Fn(ImportStage),
    ) -> Result<schema::ImportReport, schema::ImportError> {
        self.save_dirty().await;
        let pause = || gloo_timers::future::TimeoutFuture::new(0);
        let db = store();
        let audio = audio_store::BackupAudio(&db);
        let report = schema::import_backup(db.as_ref(), &audio, json, progress, pause).await?;
        if let Ok(loaded) = schema::load(store().as_ref()).await {
            self.summaries.set(loaded.summaries);
            let base = PREFS_BASE.with(|p| p.borrow().clone());
            let prefs = schema::merge_prefs(&base, &self.prefs.get_untracked(), &loaded.prefs);
            PREFS_BASE.with(|p| *p.borrow_mut() = loaded.prefs);
            self.prefs.set(prefs);
        }
        // Open attempts the import replaced are re-read.
        let open: Vec<String> = self
            .attempts
            .with_untracked(|all| all.iter().map(|a| a.id.clone()).collect());
        for id in open {
            self.refresh_from_other_tab(id).await;
        }
        announce(PREFS_CHANGED);
        self.usage.set(browser::estimate().await);
        Ok(report)
    }

    /// Searches every attempt's text, a chunk at a time; `on_chunk` gets the
    /// matching ids so far and how many attempts were read. Stops early when
    /// `still_wanted` turns false (a newer search started).
    pub async fn search(
        self,
        query: String,
        on_chunk: impl Fn(Vec<String>, usize),
        still_wanted: impl Fn() -> bool,
    ) -> Result<(), StorageError> {
        let db = store();
        let mut after: Option<String> = None;
        let mut hits = Vec::new();
        let mut read = 0;
        loop {
            let (found, next, n) =
                schema::search_chunk(db.as_ref(), after.as_deref(), 250, &query).await?;
            if !still_wanted() {
                return Ok(());
            }
            hits.extend(found);
            read += n;
            // Attempts changed here and not yet saved are searched in memory.
            on_chunk(hits.clone(), read);
            match next {
                Some(key) => after = Some(key),
                None => break,
            }
            gloo_timers::future::TimeoutFuture::new(0).await;
        }
        let unsaved: Vec<String> = self.attempts.with_untracked(|all| {
            all.iter()
                .filter(|a| schema::matches(a, &query) && !hits.contains(&a.id))
                .map(|a| a.id.clone())
                .collect()
        });
        if !unsaved.is_empty() {
            hits.extend(unsaved);
            on_chunk(hits, read);
        }
        Ok(())
    }
}

/// Installs the state in context, starts loading, and wires page lifecycle
/// and cross-tab events.
pub fn provide_app_state() -> AppState {
    let state = AppState::new();
    provide_context(state);
    spawn(state.start());
    TABS.with(|t| {
        *t.borrow_mut() = Some(Tabs::join(move |id| {
            spawn(state.refresh_from_other_tab(id))
        }));
    });
    let visibility = window_event_listener(leptos::ev::visibilitychange, move |_| {
        let hidden = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden);
        if hidden {
            state.rescue();
        } else {
            state.flush();
        }
    });
    let pagehide = window_event_listener(leptos::ev::pagehide, move |_| state.rescue());
    on_cleanup(move || {
        visibility.remove();
        pagehide.remove();
    });
    state
}

/// The app state from context.
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
