//! Schema version 1 of a stored attempt: the first release's format.
//!
//! Frozen: these types and their shape must never change, because records of
//! this version may sit in a user's browser or backup file for years. A change
//! is a new version plus a migration in `migrate`.

use super::record::record;
use super::shape::Kind;
use std::collections::BTreeMap;

/// Size limits shared by the attempt shapes. They are generous for a timed
/// drill (a 25-minute answer is a few kilobytes) yet keep one broken or
/// hostile record from filling a ~5 MB browser store.
pub mod limits {
    pub const ID: usize = 128;
    pub const DRILL_ID: usize = 64;
    pub const PROMPT: usize = 20_000;
    pub const SECTION_KEY: usize = 64;
    pub const SECTION_TEXT: usize = 200_000;
    pub const SECTIONS: usize = 64;
    pub const HINT_TEXT: usize = 2_000;
    pub const RUBRIC_ID: usize = 64;
    pub const SCORE_ROUNDS: usize = 8;
    pub const SCORE_VALUES: usize = 16;
    pub const NOTE: usize = 20_000;
    pub const NOTES: usize = 200_000;
}

const OPT_INT: Kind = Kind::Nullable(&Kind::Int);

/// The attempt's sections: section id → text.
pub const SECTIONS: Kind = Kind::StrMap {
    max: limits::SECTIONS,
    max_key: limits::SECTION_KEY,
    max_value: limits::SECTION_TEXT,
};

/// One round's values, one per rubric dimension.
pub const VALUES: Kind = Kind::Array {
    item: &Kind::Byte,
    max: limits::SCORE_VALUES,
};

record! {
    /// The clock as persisted instants (see `core::timer`).
    pub struct StoredTimerV1 {
        duration_ms: i64 = Kind::Int,
        started_at: Option<i64> = OPT_INT,
        paused_total_ms: i64 = Kind::Int,
        paused_since: Option<i64> = OPT_INT,
        finished_at: Option<i64> = OPT_INT,
    }
}

record! {
    pub struct StoredHintV1 {
        index: u32 = Kind::Count,
        text: String = Kind::Str { max: limits::HINT_TEXT },
        at_active_ms: i64 = Kind::Int,
    }
}

record! {
    pub struct StoredScoresV1 {
        /// `failure-diagnostic` or `sampled-performance`.
        rubric: String = Kind::Str { max: limits::RUBRIC_ID },
        values: Vec<u8> = VALUES,
        scored_at_ms: i64 = Kind::Int,
    }
}

record! {
    /// A version 1 attempt (its `version` field is the envelope's).
    pub struct StoredAttemptV1 {
        id: String = Kind::Str { max: limits::ID },
        drill_id: String = Kind::Str { max: limits::DRILL_ID },
        prompt: String = Kind::Str { max: limits::PROMPT },
        sections: BTreeMap<String, String> = SECTIONS,
        timer: StoredTimerV1 = StoredTimerV1::SHAPE,
        hint: Option<StoredHintV1> = Kind::Nullable(&StoredHintV1::SHAPE),
        scores: Vec<StoredScoresV1> = Kind::Array {
            item: &StoredScoresV1::SHAPE,
            max: limits::SCORE_ROUNDS,
        },
        notes: String = Kind::Str { max: limits::NOTES },
        created_at_ms: i64 = Kind::Int,
        updated_at_ms: i64 = Kind::Int,
    }
}

/// The shape of a version 1 record (without its `version` field).
pub const SHAPE: Kind = StoredAttemptV1::SHAPE;
