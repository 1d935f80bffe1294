//! The storage schema: what Evident persists, how old versions are upgraded,
//! and how unreadable data is kept aside instead of lost.
//!
//! Storage types are not domain types. `v1` … `v4` hold frozen
//! serialised records (`StoredAttemptV1` … `StoredAttemptV4`), each field
//! declared once with its shape (`record!`); `migrate` upgrades any known
//! version to the current one, and `v4` converts the current one to and from
//! `attempt::Attempt` at the boundary.
//!
//! Tables (see `core::store`; all values are JSON with a `version` field):
//! - `attempts`: one record per attempt id (indexed on creation time);
//! - `summaries`: what History needs of each attempt, written with it;
//! - `prefs`: the preferences (`prefs`) and the persist-request flag;
//! - `quarantine`: unreadable values moved aside, each
//!   `{original_key, reason, raw}` with the raw text unchanged.
//!
//! The first releases kept everything in `localStorage`; `legacy` moves it
//! into the database once, verified record by record.
//!
//! Entry points for the UI: [`load`], [`load_attempts`], [`save_attempt`],
//! [`delete_attempt`], [`save_prefs`], [`discard_quarantined`],
//! [`migrate_local`], [`export_backup`], [`import_backup`], [`search`].

mod backup;
mod json;
mod legacy;
mod merge;
mod migrate;
mod record;
mod records;
mod repo;
mod search;
mod shape;
mod split;
pub mod v1;
pub mod v2;
pub mod v3;
pub mod v4;

pub use backup::{
    export_backup, import_backup, AudioBlob, AudioStore, ImportError, ImportReport, ImportStage,
    BACKUP_FORMAT, BACKUP_VERSION, MAX_BACKUP_BYTES, MAX_RECORDING_BYTES,
};
pub use legacy::{is_legacy_key, legacy_attempts, migrate_local, MigrationReport};
pub use merge::{merge_attempt, merge_prefs, CONFLICT_SUFFIX};
pub use migrate::{
    decode_attempt, encode_attempt, v1_to_v2, v2_to_v3, v3_to_v4, Decoded, StoredAttempt,
    CURRENT_VERSION,
};
pub use records::{read_summary, Prefs};
pub use repo::{
    attempt_key, delete_attempt, discard_quarantined, load, load_attempts, mark_persist_asked,
    newest_first, persist_asked, save_attempt, save_prefs, valid_id, LoadReport, NewerVersionNote,
    Notes, QuarantineNote, ATTEMPT_PREFIX, INDEX_KEY, PREFS_KEY, QUARANTINE_PREFIX,
};
pub use search::{matches, search_chunk};
