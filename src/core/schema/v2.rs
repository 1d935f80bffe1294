//! Schema version 2 of a stored attempt.
//!
//! Adds to version 1: the time-zone offset the attempt was created in (so an
//! export shows the local date), whether the hint-recovery interruption was
//! acknowledged, and a note per round of scores. Frozen once released, like
//! version 1. Version 3 is this record plus four fields, so the conversion of
//! these fields to and from the domain `Attempt` stays here and `v3` adds its
//! own (a version 2 record alone reads with those four empty).

use super::json::{self, FromJson};
use super::shape::{field, Field, Kind};
use super::v1::{limits, StoredTimerV1, SECTIONS, TIMER, VALUES};
use crate::core::attempt::{Attempt, HintState, RubricScores};
use crate::core::drills::RubricId;
use crate::core::timer::Timer;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// Unchanged since version 1.
pub type StoredTimerV2 = StoredTimerV1;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StoredHintV2 {
    pub index: u32,
    pub text: String,
    pub at_active_ms: i64,
    pub acknowledged: bool,
}

/// The stored mark of a dimension "not tested in this drill" (the domain's
/// `None`). A byte, not `null`, on purpose: a tab still running an older build
/// reads it as an out-of-range score (its gate says "Not yet: invalid
/// scores") instead of failing the record's shape check and moving the
/// whole attempt aside.
pub const NOT_TESTED: u8 = 255;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StoredScoresV2 {
    /// `failure-diagnostic` or `sampled-performance`.
    pub rubric: String,
    /// One byte per dimension; [`NOT_TESTED`] for an untested one.
    pub values: Vec<u8>,
    pub note: String,
    pub scored_at_ms: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StoredAttemptV2 {
    pub id: String,
    pub drill_id: String,
    pub prompt: String,
    pub sections: BTreeMap<String, String>,
    pub timer: StoredTimerV2,
    pub hint: Option<StoredHintV2>,
    pub scores: Vec<StoredScoresV2>,
    pub notes: String,
    pub created_at_ms: i64,
    pub updated_at_ms: i64,
    pub tz_offset_minutes: i32,
}

impl FromJson for StoredHintV2 {
    fn from_json(v: &Value) -> Result<Self, String> {
        Ok(StoredHintV2 {
            index: json::field(v, "index")?,
            text: json::field(v, "text")?,
            at_active_ms: json::field(v, "at_active_ms")?,
            acknowledged: json::field(v, "acknowledged")?,
        })
    }
}

impl FromJson for StoredScoresV2 {
    fn from_json(v: &Value) -> Result<Self, String> {
        Ok(StoredScoresV2 {
            rubric: json::field(v, "rubric")?,
            values: json::field(v, "values")?,
            note: json::field(v, "note")?,
            scored_at_ms: json::field(v, "scored_at_ms")?,
        })
    }
}

impl FromJson for StoredAttemptV2 {
    fn from_json(v: &Value) -> Result<Self, String> {
        Ok(StoredAttemptV2 {
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
            tz_offset_minutes: json::field(v, "tz_offset_minutes")?,
        })
    }
}

const HINT: &[Field] = &[
    field("index", Kind::Count),
    field(
        "text",
        Kind::Str {
            max: limits::HINT_TEXT,
        },
    ),
    field("at_active_ms", Kind::Int),
    field("acknowledged", Kind::Bool),
];

const SCORES: &[Field] = &[
    field(
        "rubric",
        Kind::Str {
            max: limits::RUBRIC_ID,
        },
    ),
    field("values", VALUES),
    field("note", Kind::Str { max: limits::NOTE }),
    field("scored_at_ms", Kind::Int),
];

/// The shape of a version 2 record (without its `version` field).
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
    // The i32 range is checked when the record is read (`FromJson`);
    // offsets are within ±14 h anyway.
    field("tz_offset_minutes", Kind::Int),
]);

/// The persisted spelling of a rubric id (kept here, not derived from the
/// domain enum's serde, so renaming the enum cannot change stored data).
pub fn rubric_to_str(id: RubricId) -> &'static str {
    match id {
        RubricId::FailureDiagnostic => "failure-diagnostic",
        RubricId::SampledPerformance => "sampled-performance",
    }
}

pub fn rubric_from_str(s: &str) -> Option<RubricId> {
    match s {
        "failure-diagnostic" => Some(RubricId::FailureDiagnostic),
        "sampled-performance" => Some(RubricId::SampledPerformance),
        _ => None,
    }
}

impl From<&Attempt> for StoredAttemptV2 {
    fn from(a: &Attempt) -> Self {
        StoredAttemptV2 {
            id: a.id.clone(),
            drill_id: a.drill_id.clone(),
            prompt: a.prompt.clone(),
            sections: a.sections.clone(),
            timer: StoredTimerV2 {
                duration_ms: a.timer.duration_ms,
                started_at: a.timer.started_at,
                paused_total_ms: a.timer.paused_total_ms,
                paused_since: a.timer.paused_since,
                finished_at: a.timer.finished_at,
            },
            hint: a.hint.as_ref().map(|h| StoredHintV2 {
                // Hint banks are a handful of entries; saturate rather than panic.
                index: u32::try_from(h.index).unwrap_or(u32::MAX),
                text: h.text.clone(),
                at_active_ms: h.at_active_ms,
                acknowledged: h.acknowledged,
            }),
            scores: a
                .scores
                .iter()
                .map(|s| StoredScoresV2 {
                    rubric: rubric_to_str(s.rubric).to_owned(),
                    values: s.values.iter().map(|m| m.unwrap_or(NOT_TESTED)).collect(),
                    note: s.note.clone(),
                    scored_at_ms: s.scored_at_ms,
                })
                .collect(),
            notes: a.notes.clone(),
            created_at_ms: a.created_at_ms,
            updated_at_ms: a.updated_at_ms,
            tz_offset_minutes: a.tz_offset_minutes,
        }
    }
}

impl TryFrom<StoredAttemptV2> for Attempt {
    type Error = String;

    /// Fails only on what the domain cannot represent (an unknown rubric id);
    /// the message names the field.
    fn try_from(s: StoredAttemptV2) -> Result<Self, String> {
        let scores = s
            .scores
            .into_iter()
            .enumerate()
            .map(|(i, sc)| {
                let rubric = rubric_from_str(&sc.rubric)
                    .ok_or_else(|| format!("field `scores[{i}].rubric` names an unknown rubric"))?;
                Ok(RubricScores {
                    rubric,
                    values: sc
                        .values
                        .into_iter()
                        .map(|v| (v != NOT_TESTED).then_some(v))
                        .collect(),
                    note: sc.note,
                    scored_at_ms: sc.scored_at_ms,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(Attempt {
            id: s.id,
            drill_id: s.drill_id,
            prompt: s.prompt,
            sections: s.sections,
            timer: Timer {
                duration_ms: s.timer.duration_ms,
                started_at: s.timer.started_at,
                paused_total_ms: s.timer.paused_total_ms,
                paused_since: s.timer.paused_since,
                finished_at: s.timer.finished_at,
            },
            hint: s.hint.map(|h| HintState {
                index: h.index as usize,
                text: h.text,
                at_active_ms: h.at_active_ms,
                acknowledged: h.acknowledged,
            }),
            scores,
            notes: s.notes,
            created_at_ms: s.created_at_ms,
            updated_at_ms: s.updated_at_ms,
            tz_offset_minutes: s.tz_offset_minutes,
            // Version 3's fields: `v3` fills them in.
            step_ms: BTreeMap::new(),
            spoken_summary: None,
            checklist: BTreeMap::new(),
            drawn_prompt: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_tested_marks_round_trip_as_a_byte_older_builds_can_still_read() {
        let mut a = Attempt::new("a", "baseline-before-machinery", "", 0, 0);
        let values = vec![Some(3), Some(0), Some(4), None, None, Some(2), None];
        a.record_scores(RubricScores {
            rubric: RubricId::FailureDiagnostic,
            values: values.clone(),
            note: String::new(),
            scored_at_ms: 1,
        });
        let stored = StoredAttemptV2::from(&a);
        assert_eq!(stored.scores[0].values, [3, 0, 4, 255, 255, 2, 255]);
        let back = Attempt::try_from(stored).expect("readable");
        assert_eq!(back.scores[0].values, values);
    }
}
