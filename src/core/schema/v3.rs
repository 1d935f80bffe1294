//! Schema version 3 of a stored attempt, the current one.
//!
//! Version 2 plus four fields, nothing renamed or removed (issue 16): the
//! active time credited to each step, the spoken-summary sub-timer, the
//! answers of a drill's checklist (incident triage's impact questions), and
//! the bank prompt set aside while the user writes their own. A record is a
//! version 2 record with these fields next to its own, so it is checked
//! against both shapes and read as both. Frozen once released, like 1 and 2;
//! the conversion to and from the domain `Attempt` lives here because only the
//! current version talks to the domain.

use super::json::{self, FromJson};
use super::shape::{field, Field, Kind};
use super::v1::{limits, StoredTimerV1, TIMER};
use super::v2::StoredAttemptV2;
use crate::core::attempt::{Attempt, ChecklistAnswer};
use crate::core::timer::Timer;
use serde::Serialize;
use serde_json::Value;

/// Limits of the version 3 fields.
pub mod limits3 {
    /// Step and checklist item ids are catalogue ids, a few words long.
    pub const KEY: usize = 64;
    /// No drill has more than a dozen steps or checklist items.
    pub const ENTRIES: usize = 64;
    /// A checklist answer is a line or two.
    pub const ANSWER: usize = 4_000;
}

/// Active drill time credited to one step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StoredStepTimeV3 {
    pub step: String,
    pub ms: i64,
}

/// One checklist answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StoredChecklistV3 {
    pub item: String,
    pub ticked: bool,
    pub answer: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StoredAttemptV3 {
    /// Every version 2 field, unchanged, at the top level of the record.
    #[serde(flatten)]
    pub base: StoredAttemptV2,
    /// In catalogue order of the steps when written; read in any order.
    pub step_times: Vec<StoredStepTimeV3>,
    pub spoken_summary: Option<StoredTimerV1>,
    pub checklist: Vec<StoredChecklistV3>,
    pub drawn_prompt: Option<String>,
}

impl FromJson for StoredStepTimeV3 {
    fn from_json(v: &Value) -> Result<Self, String> {
        Ok(StoredStepTimeV3 {
            step: json::field(v, "step")?,
            ms: json::field(v, "ms")?,
        })
    }
}

impl FromJson for StoredChecklistV3 {
    fn from_json(v: &Value) -> Result<Self, String> {
        Ok(StoredChecklistV3 {
            item: json::field(v, "item")?,
            ticked: json::field(v, "ticked")?,
            answer: json::field(v, "answer")?,
        })
    }
}

impl FromJson for StoredAttemptV3 {
    fn from_json(v: &Value) -> Result<Self, String> {
        Ok(StoredAttemptV3 {
            base: StoredAttemptV2::from_json(v)?,
            step_times: json::field(v, "step_times")?,
            spoken_summary: json::field(v, "spoken_summary")?,
            checklist: json::field(v, "checklist")?,
            drawn_prompt: json::field(v, "drawn_prompt")?,
        })
    }
}

const STEP_TIME: &[Field] = &[
    field("step", Kind::Str { max: limits3::KEY }),
    field("ms", Kind::Int),
];

const CHECKLIST: &[Field] = &[
    field("item", Kind::Str { max: limits3::KEY }),
    field("ticked", Kind::Bool),
    field(
        "answer",
        Kind::Str {
            max: limits3::ANSWER,
        },
    ),
];

/// The fields version 3 adds; a version 3 record also has every field of
/// `v2::SHAPE`.
pub const EXTRA_SHAPE: Kind = Kind::Object(&[
    field(
        "step_times",
        Kind::Array {
            item: &Kind::Object(STEP_TIME),
            max: limits3::ENTRIES,
        },
    ),
    field("spoken_summary", Kind::Nullable(&Kind::Object(TIMER))),
    field(
        "checklist",
        Kind::Array {
            item: &Kind::Object(CHECKLIST),
            max: limits3::ENTRIES,
        },
    ),
    field(
        "drawn_prompt",
        Kind::Nullable(&Kind::Str {
            max: limits::PROMPT,
        }),
    ),
]);

/// Version 2 → 3: nothing was timed per step, no spoken summary was kept,
/// there was no checklist, and the prompt in use was the prompt.
pub fn v2_to_v3(base: StoredAttemptV2) -> StoredAttemptV3 {
    StoredAttemptV3 {
        base,
        step_times: Vec::new(),
        spoken_summary: None,
        checklist: Vec::new(),
        drawn_prompt: None,
    }
}

fn stored_timer(t: &Timer) -> StoredTimerV1 {
    StoredTimerV1 {
        duration_ms: t.duration_ms,
        started_at: t.started_at,
        paused_total_ms: t.paused_total_ms,
        paused_since: t.paused_since,
        finished_at: t.finished_at,
    }
}

fn domain_timer(t: StoredTimerV1) -> Timer {
    Timer {
        duration_ms: t.duration_ms,
        started_at: t.started_at,
        paused_total_ms: t.paused_total_ms,
        paused_since: t.paused_since,
        finished_at: t.finished_at,
    }
}

impl From<&Attempt> for StoredAttemptV3 {
    fn from(a: &Attempt) -> Self {
        StoredAttemptV3 {
            base: StoredAttemptV2::from(a),
            step_times: a
                .step_ms
                .iter()
                .map(|(step, ms)| StoredStepTimeV3 {
                    step: step.clone(),
                    ms: *ms,
                })
                .collect(),
            spoken_summary: a.spoken_summary.as_ref().map(stored_timer),
            checklist: a
                .checklist
                .iter()
                .map(|(item, c)| StoredChecklistV3 {
                    item: item.clone(),
                    ticked: c.ticked,
                    answer: c.answer.clone(),
                })
                .collect(),
            drawn_prompt: a.drawn_prompt.clone(),
        }
    }
}

impl TryFrom<StoredAttemptV3> for Attempt {
    type Error = String;

    /// Fails only where version 2 fails (an unknown rubric id). A step or
    /// checklist item listed twice adds up / keeps the last answer.
    fn try_from(s: StoredAttemptV3) -> Result<Self, String> {
        let mut a = Attempt::try_from(s.base)?;
        for t in s.step_times {
            *a.step_ms.entry(t.step).or_insert(0) += t.ms;
        }
        a.spoken_summary = s.spoken_summary.map(domain_timer);
        for c in s.checklist {
            a.checklist.insert(
                c.item,
                ChecklistAnswer {
                    ticked: c.ticked,
                    answer: c.answer,
                },
            );
        }
        a.drawn_prompt = s.drawn_prompt;
        Ok(a)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::schema::shape;

    const V3: &str = include_str!("../../../tests/fixtures/storage/attempt-v3.json");

    #[test]
    fn the_fixture_reads_with_every_new_field() {
        let value: Value = serde_json::from_str(V3).expect("fixture is JSON");
        assert_eq!(shape::check(&value, &super::super::v2::SHAPE), Ok(()));
        assert_eq!(shape::check(&value, &EXTRA_SHAPE), Ok(()));
        let stored = StoredAttemptV3::from_json(&value).expect("fixture is v3");
        let a = Attempt::try_from(stored.clone()).expect("domain");
        assert_eq!(a.step_ms.get("my-ownership"), Some(&400_000));
        assert_eq!(
            a.step_ms.values().sum::<i64>(),
            1_140_000,
            "the whole drill"
        );
        let spoken = a.spoken_summary.as_ref().expect("spoken summary");
        assert_eq!(spoken.actual_ms(), Some(104_000));
        assert!(a.checklist.is_empty(), "attribution split has no checklist");
        assert_eq!(
            a.drawn_prompt.as_deref(),
            Some("Walk me through the biggest project you worked on last year.")
        );
        assert_eq!(
            a.prompt,
            "Walk me through the payments re-platforming you led in 2024."
        );
        // Written back, it is the same record.
        assert_eq!(StoredAttemptV3::from(&a), stored);
    }

    #[test]
    fn new_fields_round_trip_through_the_domain() {
        let mut a = Attempt::new("x", "incident-triage", "p", 1, 0);
        a.step_ms.insert("impact".into(), 61_000);
        a.checklist.insert(
            "deploy".into(),
            ChecklistAnswer {
                ticked: true,
                answer: "booking-api 14:02".into(),
            },
        );
        let mut spoken = Timer::new(2);
        spoken.start(10);
        a.spoken_summary = Some(spoken);
        a.drawn_prompt = Some("drawn".into());
        let stored = StoredAttemptV3::from(&a);
        let json = serde_json::to_value(&stored).expect("serialises");
        assert_eq!(json["step_times"][0]["step"], "impact");
        assert_eq!(json["checklist"][0]["answer"], "booking-api 14:02");
        assert_eq!(
            json["drill_id"], "incident-triage",
            "version 2 fields stay at the top"
        );
        let back =
            Attempt::try_from(StoredAttemptV3::from_json(&json).expect("reads")).expect("domain");
        assert_eq!(back, a);
    }

    #[test]
    fn a_wrong_new_field_is_named() {
        let mut value: Value = serde_json::from_str(V3).expect("fixture is JSON");
        value["step_times"][0]["ms"] = "long".into();
        assert_eq!(
            shape::check(&value, &EXTRA_SHAPE),
            Err("field `step_times[0].ms` must be an integer, found a string".into())
        );
        value["step_times"] = Value::Array(vec![]);
        if let Some(o) = value.as_object_mut() {
            o.remove("checklist");
        }
        assert_eq!(
            shape::check(&value, &EXTRA_SHAPE),
            Err("field `checklist` is missing".into())
        );
    }
}
