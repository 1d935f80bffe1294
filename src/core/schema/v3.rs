//! Schema version 3 of a stored attempt.
//!
//! Changes from version 2: a round of scores may mark a dimension "not
//! tested in this drill" (issue 15), stored as `null` in its `values`; and
//! four fields were added (issue 16): the active time credited to each step,
//! the spoken-summary sub-timer, the answers of a drill's checklist (incident
//! triage's impact questions), and the bank prompt set aside while the user
//! writes their own. Nothing was renamed or removed. Frozen once released, like the
//! versions before it. Its parts are still the current ones (version 4 only
//! adds recordings), so their conversions to and from the domain live here.
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
use crate::core::attempt::{ChecklistAnswer, RubricScores};
use crate::core::drills::RubricId;
use crate::core::timer::Timer;
use std::collections::BTreeMap;

/// Unchanged since version 1.
pub type StoredTimerV3 = StoredTimerV2;
/// Unchanged since version 2.
pub type StoredHintV3 = StoredHintV2;

/// Limits of the fields issue 16 added.
pub mod limits3 {
    /// Step and checklist item ids are catalogue ids, a few words long.
    pub const KEY: usize = 64;
    /// No drill has more than a dozen steps or checklist items.
    pub const ENTRIES: usize = 64;
    /// A checklist answer is a line or two.
    pub const ANSWER: usize = 4_000;
}

record! {
    /// Active drill time credited to one step.
    pub struct StoredStepTimeV3 {
        step: String = Kind::Str { max: limits3::KEY },
        ms: i64 = Kind::Int,
    }
}

record! {
    /// One checklist answer: ticked, typed, or both.
    pub struct StoredChecklistV3 {
        item: String = Kind::Str { max: limits3::KEY },
        ticked: bool = Kind::Bool,
        answer: String = Kind::Str { max: limits3::ANSWER },
    }
}

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
        /// In catalogue order of the steps when written; read in any order.
        step_times: Vec<StoredStepTimeV3> = Kind::Array {
            item: &StoredStepTimeV3::SHAPE,
            max: limits3::ENTRIES,
        },
        spoken_summary: Option<StoredTimerV3> = Kind::Nullable(&StoredTimerV3::SHAPE),
        checklist: Vec<StoredChecklistV3> = Kind::Array {
            item: &StoredChecklistV3::SHAPE,
            max: limits3::ENTRIES,
        },
        /// The bank prompt set aside while `prompt` is the user's own.
        drawn_prompt: Option<String> = Kind::Nullable(&Kind::Str { max: limits::PROMPT }),
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

pub fn stored_timer(t: &Timer) -> StoredTimerV3 {
    StoredTimerV3 {
        duration_ms: t.duration_ms,
        started_at: t.started_at,
        paused_total_ms: t.paused_total_ms,
        paused_since: t.paused_since,
        finished_at: t.finished_at,
    }
}

pub fn domain_timer(t: StoredTimerV3) -> Timer {
    Timer {
        duration_ms: t.duration_ms,
        started_at: t.started_at,
        paused_total_ms: t.paused_total_ms,
        paused_since: t.paused_since,
        finished_at: t.finished_at,
    }
}

/// Step times as stored, in catalogue-id order.
pub fn stored_step_times(step_ms: &BTreeMap<String, i64>) -> Vec<StoredStepTimeV3> {
    step_ms
        .iter()
        .map(|(step, ms)| StoredStepTimeV3 {
            step: step.clone(),
            ms: *ms,
        })
        .collect()
}

/// Stored step times in the domain: a step listed twice adds up.
pub fn domain_step_times(times: Vec<StoredStepTimeV3>) -> BTreeMap<String, i64> {
    let mut step_ms = BTreeMap::new();
    for t in times {
        *step_ms.entry(t.step).or_insert(0) += t.ms;
    }
    step_ms
}

/// Checklist answers as stored, in item-id order.
pub fn stored_checklist(checklist: &BTreeMap<String, ChecklistAnswer>) -> Vec<StoredChecklistV3> {
    checklist
        .iter()
        .map(|(item, c)| StoredChecklistV3 {
            item: item.clone(),
            ticked: c.ticked,
            answer: c.answer.clone(),
        })
        .collect()
}

/// Stored checklist answers in the domain: an item listed twice keeps the
/// last answer.
pub fn domain_checklist(answers: Vec<StoredChecklistV3>) -> BTreeMap<String, ChecklistAnswer> {
    answers
        .into_iter()
        .map(|c| {
            (
                c.item,
                ChecklistAnswer {
                    ticked: c.ticked,
                    answer: c.answer,
                },
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::schema::json::FromJson;
    use crate::core::schema::shape;
    use serde_json::json;

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

    const OWN_PROMPT: &str =
        include_str!("../../../tests/fixtures/storage/attempt-v3-own-prompt.json");

    #[test]
    fn a_wrong_issue_16_field_is_named() {
        let mut value: serde_json::Value =
            serde_json::from_str(OWN_PROMPT).expect("fixture is JSON");
        assert_eq!(shape::check(&value, &SHAPE), Ok(()));
        value["step_times"][0]["ms"] = "long".into();
        assert_eq!(
            shape::check(&value, &SHAPE),
            Err("field `step_times[0].ms` must be an integer, found a string".into())
        );
        value["step_times"] = serde_json::Value::Array(vec![]);
        if let Some(o) = value.as_object_mut() {
            o.remove("checklist");
        }
        assert_eq!(
            shape::check(&value, &SHAPE),
            Err("field `checklist` is missing".into())
        );
    }
}
