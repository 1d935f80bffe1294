//! The storage schema: what Evident persists, how old versions are upgraded,
//! and how unreadable data is kept aside instead of lost.
//!
//! Storage types are not domain types. `v1`, `v2`, … hold frozen serialised
//! records (`StoredAttemptV1`, `StoredAttemptV2`, `StoredAttemptV3`); `migrate`
//! upgrades any known version to the current one, and `v3` (with `v2` for the
//! fields it keeps) converts the current one to and from `attempt::Attempt`
//! at the boundary.
//!
//! Key layout (all values are JSON with a `version` field):
//! - `evident.attempt.<id>`  one attempt per key, so tabs never overwrite
//!   each other's attempts;
//! - `evident.index`         `{revision, ids}`; the revision is bumped on every
//!   write and checked by a read-back;
//! - `evident.prefs`         muted rules, dismissed finding hashes, tone;
//! - `evident.quarantine.<original key>[.<n>]`  unreadable values moved aside,
//!   each `{original_key, reason, raw}` with the raw text unchanged.
//!
//! Entry points for the UI: [`load_all`], [`save_attempt`],
//! [`delete_attempt`], [`load_prefs`], [`save_prefs`],
//! [`discard_quarantined`], [`export_backup`], [`import_backup`].

mod backup;
mod json;
mod migrate;
mod records;
mod repo;
mod shape;
pub mod v1;
pub mod v2;
pub mod v3;

pub use backup::{
    export_backup, import_backup, ImportError, ImportReport, BACKUP_FORMAT, BACKUP_VERSION,
    MAX_BACKUP_BYTES,
};
pub use migrate::{
    decode_attempt, encode_attempt, v1_to_v2, Decoded, StoredAttempt, CURRENT_VERSION,
};
pub use records::Prefs;
pub use repo::{
    attempt_key, delete_attempt, discard_quarantined, load_all, load_prefs, save_attempt,
    save_prefs, valid_id, LoadReport, NewerVersionNote, QuarantineNote, ATTEMPT_PREFIX, INDEX_KEY,
    PREFS_KEY, QUARANTINE_PREFIX,
};
