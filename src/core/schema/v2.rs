//! Schema version 2 of a stored attempt.
//!
//! Adds to version 1: the time-zone offset the attempt was created in (so an
//! export shows the local date), whether the hint-recovery interruption was
//! acknowledged, and a note per round of scores. Frozen once released, like
//! version 1: a change is a new version plus a migration in `migrate`
//! (version 3 added "not tested" dimensions and the fields of issue 16).

use super::record::record;
use super::shape::Kind;
use super::v1::{limits, StoredTimerV1, SECTIONS, VALUES};
use std::collections::BTreeMap;

/// Unchanged since version 1.
pub type StoredTimerV2 = StoredTimerV1;

record! {
    pub struct StoredHintV2 {
        index: u32 = Kind::Count,
        text: String = Kind::Str { max: limits::HINT_TEXT },
        at_active_ms: i64 = Kind::Int,
        acknowledged: bool = Kind::Bool,
    }
}

record! {
    pub struct StoredScoresV2 {
        /// `failure-diagnostic` or `sampled-performance`.
        rubric: String = Kind::Str { max: limits::RUBRIC_ID },
        values: Vec<u8> = VALUES,
        note: String = Kind::Str { max: limits::NOTE },
        scored_at_ms: i64 = Kind::Int,
    }
}

record! {
    /// A version 2 attempt (its `version` field is the envelope's).
    pub struct StoredAttemptV2 {
        id: String = Kind::Str { max: limits::ID },
        drill_id: String = Kind::Str { max: limits::DRILL_ID },
        prompt: String = Kind::Str { max: limits::PROMPT },
        sections: BTreeMap<String, String> = SECTIONS,
        timer: StoredTimerV2 = StoredTimerV2::SHAPE,
        hint: Option<StoredHintV2> = Kind::Nullable(&StoredHintV2::SHAPE),
        scores: Vec<StoredScoresV2> = Kind::Array {
            item: &StoredScoresV2::SHAPE,
            max: limits::SCORE_ROUNDS,
        },
        notes: String = Kind::Str { max: limits::NOTES },
        created_at_ms: i64 = Kind::Int,
        updated_at_ms: i64 = Kind::Int,
        /// Checked against i32 when read (`FromJson`); offsets are within ±14 h.
        tz_offset_minutes: i32 = Kind::Int,
    }
}

/// The shape of a version 2 record (without its `version` field).
pub const SHAPE: Kind = StoredAttemptV2::SHAPE;
