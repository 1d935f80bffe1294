//! Schema version 3 of a stored attempt, the current one.
//!
//! Changes from version 2: a round of scores may mark a dimension "not
//! tested in this drill" (issue 15), stored as `null` in its `values`.
//! Everything else is as in version 2. Frozen once released, like the
//! versions before it; the conversion to and from the domain `Attempt` lives
//! here because only the current version talks to the domain.
//!
//! Why `null` and not a reserved byte: an older Evident reads the record's
//! `version`, sees a newer schema and leaves the record untouched (it never
//! reads the values), so the mark needs no disguise as a score; `null` is
//! what the domain means (`None`), and a reader cannot mistake it for a
//! score of 255.

use super::record::record;
use super::shape::Kind;
use super::v1::{limits, SECTIONS};
use super::v2::{StoredHintV2, StoredTimerV2};
use crate::core::attempt::{Attempt, HintState, RubricScores};
use crate::core::drills::RubricId;
use crate::core::timer::Timer;
use std::collections::BTreeMap;

/// Unchanged since version 1.
pub type StoredTimerV3 = StoredTimerV2;
/// Unchanged since version 2.
pub type StoredHintV3 = StoredHintV2;

/// One round's marks, one per rubric dimension: a score, or `null` for a
/// dimension not tested in the drill.
pub const MARKS: Kind = Kind::Array {
    item: &Kind::Nullable(&Kind::Byte),
    max: limits::SCORE_VALUES,
};

record! {
    pub struct StoredScoresV3 {
        /// `failure-diagnostic` or `sampled-performance`.
        rubric: String = Kind::Str { max: limits::RUBRIC_ID },
        values: Vec<Option<u8>> = MARKS,
        note: String = Kind::Str { max: limits::NOTE },
        scored_at_ms: i64 = Kind::Int,
    }
}

record! {
    /// A version 3 attempt (its `version` field is the envelope's).
    pub struct StoredAttemptV3 {
        id: String = Kind::Str { max: limits::ID },
        drill_id: String = Kind::Str { max: limits::DRILL_ID },
        prompt: String = Kind::Str { max: limits::PROMPT },
        sections: BTreeMap<String, String> = SECTIONS,
        timer: StoredTimerV3 = StoredTimerV3::SHAPE,
        hint: Option<StoredHintV3> = Kind::Nullable(&StoredHintV3::SHAPE),
        scores: Vec<StoredScoresV3> = Kind::Array {
            item: &StoredScoresV3::SHAPE,
            max: limits::SCORE_ROUNDS,
        },
        notes: String = Kind::Str { max: limits::NOTES },
        created_at_ms: i64 = Kind::Int,
        updated_at_ms: i64 = Kind::Int,
        /// Checked against i32 when read (`FromJson`); offsets are within ±14 h.
        tz_offset_minutes: i32 = Kind::Int,
    }
}

/// The shape of a version 3 record (without its `version` field).
pub const SHAPE: Kind = StoredAttemptV3::SHAPE;

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
pub fn stored_scores(s: &RubricScores) -> StoredScoresV3 {
    StoredScoresV3 {
        rubric: rubric_to_str(s.rubric).to_owned(),
        values: s.values.clone(),
        note: s.note.clone(),
        scored_at_ms: s.scored_at_ms,
    }
}

/// One stored round of scores in the domain; the error names the field
/// inside the round ("rubric` names an unknown rubric").
pub fn domain_scores(sc: StoredScoresV3) -> Result<RubricScores, String> {
    let rubric = rubric_from_str(&sc.rubric).ok_or("rubric` names an unknown rubric")?;
    Ok(RubricScores {
        rubric,
        values: sc.values,
        note: sc.note,
        scored_at_ms: sc.scored_at_ms,
    })
}

impl From<&Attempt> for StoredAttemptV3 {
    fn from(a: &Attempt) -> Self {
        StoredAttemptV3 {
            id: a.id.clone(),
            drill_id: a.drill_id.clone(),
            prompt: a.prompt.clone(),
            sections: a.sections.clone(),
            timer: StoredTimerV3 {
                duration_ms: a.timer.duration_ms,
                started_at: a.timer.started_at,
                paused_total_ms: a.timer.paused_total_ms,
                paused_since: a.timer.paused_since,
                finished_at: a.timer.finished_at,
            },
            hint: a.hint.as_ref().map(|h| StoredHintV3 {
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

impl TryFrom<StoredAttemptV3> for Attempt {
    type Error = String;

    /// Fails only on what the domain cannot represent (an unknown rubric id);
    /// the message names the field.
    fn try_from(s: StoredAttemptV3) -> Result<Self, String> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::schema::json::FromJson;
    use crate::core::schema::shape;
    use serde_json::json;

    #[test]
    fn not_tested_marks_are_stored_as_null_and_read_back() {
        let mut a = Attempt::new("a", "baseline-before-machinery", "", 0, 0);
        let values = vec![Some(3), Some(0), Some(4), None, None, Some(2), None];
        a.record_scores(RubricScores {
            rubric: RubricId::FailureDiagnostic,
            values: values.clone(),
            note: String::new(),
            scored_at_ms: 1,
        });
        let stored = StoredAttemptV3::from(&a);
        let value = serde_json::to_value(&stored).expect("serialises");
        assert_eq!(
            value["scores"][0]["values"],
            json!([3, 0, 4, null, null, 2, null])
        );
        assert_eq!(shape::check(&value, &SHAPE), Ok(()));
        let read = StoredAttemptV3::from_json(&value).expect("reads");
        let back = Attempt::try_from(read).expect("readable");
        assert_eq!(back.scores[0].values, values);
    }

    #[test]
    fn a_mark_that_is_neither_a_byte_nor_null_names_its_field_in_both_readers() {
        let round = json!({"rubric": "failure-diagnostic", "values": [1, "x"], "note": "", "scored_at_ms": 0});
        let want = "field `values[1]` must be an integer from 0 to 255, found a string";
        assert_eq!(
            shape::check(&round, &StoredScoresV3::SHAPE)
                .err()
                .as_deref(),
            Some(want)
        );
        assert_eq!(
            StoredScoresV3::from_json(&round).err().as_deref(),
            Some(want)
        );
    }
}
