//! Schema version 1 of a stored attempt: the first release's format.
//!
//! Frozen: these types and their shape must never change, because records of
//! this version may sit in a user's browser or backup file for years. A change
//! is a new version plus a migration in `migrate`.

use super::json::{self, FromJson};
use super::shape::{field, Field, Kind};
use serde::Serialize;
use serde_json::Value;
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

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StoredTimerV1 {
    pub duration_ms: i64,
    pub started_at: Option<i64>,
    pub paused_total_ms: i64,
    pub paused_since: Option<i64>,
    pub finished_at: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StoredHintV1 {
    pub index: u32,
    pub text: String,
    pub at_active_ms: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StoredScoresV1 {
    /// `failure-diagnostic` or `sampled-performance`.
    pub rubric: String,
    pub values: Vec<u8>,
    pub scored_at_ms: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StoredAttemptV1 {
    pub id: String,
    pub drill_id: String,
    pub prompt: String,
    pub sections: BTreeMap<String, String>,
    pub timer: StoredTimerV1,
    pub hint: Option<StoredHintV1>,
    pub scores: Vec<StoredScoresV1>,
    pub notes: String,
    pub created_at_ms: i64,
    pub updated_at_ms: i64,
}

impl FromJson for StoredTimerV1 {
    fn from_json(v: &Value) -> Result<Self, String> {
        Ok(StoredTimerV1 {
            duration_ms: json::field(v, "duration_ms")?,
            started_at: json::field(v, "started_at")?,
            paused_total_ms: json::field(v, "paused_total_ms")?,
            paused_since: json::field(v, "paused_since")?,
            finished_at: json::field(v, "finished_at")?,
        })
    }
}

impl FromJson for StoredHintV1 {
    fn from_json(v: &Value) -> Result<Self, String> {
        Ok(StoredHintV1 {
            index: json::field(v, "index")?,
            text: json::field(v, "text")?,
            at_active_ms: json::field(v, "at_active_ms")?,
        })
    }
}

impl FromJson for StoredScoresV1 {
    fn from_json(v: &Value) -> Result<Self, String> {
        Ok(StoredScoresV1 {
            rubric: json::field(v, "rubric")?,
            values: json::field(v, "values")?,
            scored_at_ms: json::field(v, "scored_at_ms")?,
        })
    }
}

impl FromJson for StoredAttemptV1 {
    fn from_json(v: &Value) -> Result<Self, String> {
        Ok(StoredAttemptV1 {
            id: json::field(v, "id")?,
            drill_id: json::field(v, "drill_id")?,
            prompt: json::field(v, "prompt")?,
            sections: json::field(v, "sections")?,
            timer: json::field(v, "timer")?,
            hint: json::field(v, "hint")?,
            scores: json::field(v, "scores")?,
            notes: json::field(v, "notes")?,
            created_at_ms: json::field(v, "created_at_ms")?,
            updated_at_ms: json::field(v, "updated_at_ms")?,
        })
    }
}

const OPT_INT: Kind = Kind::Nullable(&Kind::Int);

pub const TIMER: &[Field] = &[
    field("duration_ms", Kind::Int),
    field("started_at", OPT_INT),
    field("paused_total_ms", Kind::Int),
    field("paused_since", OPT_INT),
    field("finished_at", OPT_INT),
];

pub const SECTIONS: Kind = Kind::StrMap {
    max: limits::SECTIONS,
    max_key: limits::SECTION_KEY,
    max_value: limits::SECTION_TEXT,
};

pub const VALUES: Kind = Kind::Array {
    item: &Kind::Byte,
    max: limits::SCORE_VALUES,
};

const HINT: &[Field] = &[
    field("index", Kind::Count),
    field(
        "text",
        Kind::Str {
            max: limits::HINT_TEXT,
        },
    ),
    field("at_active_ms", Kind::Int),
];

const SCORES: &[Field] = &[
    field(
        "rubric",
        Kind::Str {
            max: limits::RUBRIC_ID,
        },
    ),
    field("values", VALUES),
    field("scored_at_ms", Kind::Int),
];

/// The shape of a version 1 record (without its `version` field).
pub const SHAPE: Kind = Kind::Object(&[
    field("id", Kind::Str { max: limits::ID }),
    field(
        "drill_id",
        Kind::Str {
            max: limits::DRILL_ID,
        },
    ),
    field(
        "prompt",
        Kind::Str {
            max: limits::PROMPT,
        },
    ),
    field("sections", SECTIONS),
    field("timer", Kind::Object(TIMER)),
    field("hint", Kind::Nullable(&Kind::Object(HINT))),
    field(
        "scores",
        Kind::Array {
            item: &Kind::Object(SCORES),
            max: limits::SCORE_ROUNDS,
        },
    ),
    field("notes", Kind::Str { max: limits::NOTES }),
    field("created_at_ms", Kind::Int),
    field("updated_at_ms", Kind::Int),
]);
