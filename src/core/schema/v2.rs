//! Schema version 2 of a stored attempt, the current one.
//!
//! Adds to version 1: the time-zone offset the attempt was created in (so an
//! export shows the local date), whether the hint-recovery interruption was
//! acknowledged, and a note per round of scores. Frozen once released, like
//! version 1; the conversion to and from the domain `Attempt` lives here
//! because only the current version talks to the domain.

use super::record::record;
use super::shape::Kind;
use super::v1::{limits, StoredTimerV1, SECTIONS, VALUES};
use crate::core::attempt::{Attempt, HintState, RubricScores};
use crate::core::drills::RubricId;
use crate::core::timer::Timer;
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

/// One round of scores as stored.
pub fn stored_scores(s: &RubricScores) -> StoredScoresV2 {
    StoredScoresV2 {
        rubric: rubric_to_str(s.rubric).to_owned(),
        values: s.values.clone(),
        note: s.note.clone(),
        scored_at_ms: s.scored_at_ms,
    }
}

/// One stored round of scores in the domain; the error names the field
/// inside the round ("rubric` names an unknown rubric").
pub fn domain_scores(sc: StoredScoresV2) -> Result<RubricScores, String> {
    let rubric = rubric_from_str(&sc.rubric).ok_or("rubric` names an unknown rubric")?;
    Ok(RubricScores {
        rubric,
        values: sc.values,
        note: sc.note,
        scored_at_ms: sc.scored_at_ms,
    })
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
            scores: a.scores.iter().map(stored_scores).collect(),
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
            .map(|(i, sc)| domain_scores(sc).map_err(|e| format!("field `scores[{i}].{e}")))
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
        })
    }
}
