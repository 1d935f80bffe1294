//! Schema version 4 of a stored attempt, the current one.
//!
//! Changes from version 3: `recordings`, what the attempt keeps of its
//! spoken answers (issue 18): per spoken slot, the measurements of the
//! recording, its container type and size, and where its transcript came
//! from. The transcript itself is a section like any other, and the audio
//! lives in the `audio` table, not in the record. Everything else is as in
//! version 3. An Evident that knows only version 3 sees a newer `version`
//! and leaves the record untouched, so it cannot drop the recordings by
//! saving over them. The conversion to and from the domain `Attempt` lives
//! here because only the current version talks to the domain.

use super::record::record;
use super::shape::Kind;
use super::v1::{limits, SECTIONS};
use super::v3::{
    domain_checklist, domain_scores, domain_step_times, domain_timer, limits3, stored_checklist,
    stored_scores, stored_step_times, stored_timer, StoredChecklistV3, StoredHintV3,
    StoredScoresV3, StoredStepTimeV3, StoredTimerV3,
};
use crate::core::attempt::{Attempt, HintState};
use crate::core::audio::metrics::{Pause, SpeechMetrics};
use crate::core::audio::recording::{Recording, TranscriptSource};
use std::collections::BTreeMap;

/// Recordings an attempt may hold (one per spoken slot; a drill has one).
const RECORDINGS: usize = 16;
/// Pauses of a second or more: one an hour's recording could not exceed.
const PAUSES: usize = 4_000;

record! {
    pub struct StoredPauseV4 {
        start_ms: u32 = Kind::Count,
        end_ms: u32 = Kind::Count,
    }
}

record! {
    /// `core::audio::metrics::SpeechMetrics`, field for field.
    pub struct StoredMetricsV4 {
        duration_ms: u32 = Kind::Count,
        speaking_ms: u32 = Kind::Count,
        first_word_ms: Option<u32> = Kind::Nullable(&Kind::Count),
        pauses: Vec<StoredPauseV4> = Kind::Array { item: &StoredPauseV4::SHAPE, max: PAUSES },
        syllables: u32 = Kind::Count,
    }
}

record! {
    pub struct StoredRecordingV4 {
        /// The transcript section id of the spoken slot.
        slot: String = Kind::Str { max: limits::SECTION_KEY },
        mime: String = Kind::Str { max: 128 },
        bytes: u64 = Kind::Int,
        recorded_at_ms: i64 = Kind::Int,
        metrics: StoredMetricsV4 = StoredMetricsV4::SHAPE,
        /// `typed` or `on-device`.
        transcript: String = Kind::Str { max: 16 },
    }
}

record! {
    /// A version 4 attempt (its `version` field is the envelope's).
    pub struct StoredAttemptV4 {
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
        recordings: Vec<StoredRecordingV4> = Kind::Array {
            item: &StoredRecordingV4::SHAPE,
            max: RECORDINGS,
        },
    }
}

/// The shape of a version 4 record (without its `version` field).
pub const SHAPE: Kind = StoredAttemptV4::SHAPE;

fn source_to_str(s: TranscriptSource) -> &'static str {
    match s {
        TranscriptSource::Typed => "typed",
        TranscriptSource::OnDevice => "on-device",
    }
}

fn source_from_str(s: &str) -> Option<TranscriptSource> {
    match s {
        "typed" => Some(TranscriptSource::Typed),
        "on-device" => Some(TranscriptSource::OnDevice),
        _ => None,
    }
}

fn stored_recording(r: &Recording) -> StoredRecordingV4 {
    let m = &r.metrics;
    StoredRecordingV4 {
        slot: r.slot.clone(),
        mime: r.mime.clone(),
        bytes: r.bytes,
        recorded_at_ms: r.recorded_at_ms,
        metrics: StoredMetricsV4 {
            duration_ms: m.duration_ms,
            speaking_ms: m.speaking_ms,
            first_word_ms: m.first_word_ms,
            pauses: m
                .pauses
                .iter()
                .map(|p| StoredPauseV4 {
                    start_ms: p.start_ms,
                    end_ms: p.end_ms,
                })
                .collect(),
            syllables: m.syllables,
        },
        transcript: source_to_str(r.transcript_source).to_owned(),
    }
}

fn domain_recording(r: StoredRecordingV4) -> Result<Recording, String> {
    let transcript_source =
        source_from_str(&r.transcript).ok_or("transcript` names an unknown source")?;
    let m = r.metrics;
    Ok(Recording {
        slot: r.slot,
        mime: r.mime,
        bytes: r.bytes,
        recorded_at_ms: r.recorded_at_ms,
        metrics: SpeechMetrics {
            duration_ms: m.duration_ms,
            speaking_ms: m.speaking_ms,
            first_word_ms: m.first_word_ms,
            pauses: m
                .pauses
                .into_iter()
                .map(|p| Pause {
                    start_ms: p.start_ms,
                    end_ms: p.end_ms,
                })
                .collect(),
            syllables: m.syllables,
        },
        transcript_source,
    })
}

impl From<&Attempt> for StoredAttemptV4 {
    fn from(a: &Attempt) -> Self {
        StoredAttemptV4 {
            id: a.id.clone(),
            drill_id: a.drill_id.clone(),
            prompt: a.prompt.clone(),
            sections: a.sections.clone(),
            timer: stored_timer(&a.timer),
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
            step_times: stored_step_times(&a.step_ms),
            spoken_summary: a.spoken_summary.as_ref().map(stored_timer),
            checklist: stored_checklist(&a.checklist),
            drawn_prompt: a.drawn_prompt.clone(),
            recordings: a.recordings.iter().map(stored_recording).collect(),
        }
    }
}

impl TryFrom<StoredAttemptV4> for Attempt {
    type Error = String;

    /// Fails only on what the domain cannot represent (an unknown rubric id or transcript source);
    /// the message names the field. A step or checklist item listed twice
    /// adds up / keeps the last answer.
    fn try_from(s: StoredAttemptV4) -> Result<Self, String> {
        let scores = s
            .scores
            .into_iter()
            .enumerate()
            .map(|(i, sc)| domain_scores(sc).map_err(|e| format!("field `scores[{i}].{e}")))
            .collect::<Result<Vec<_>, String>>()?;
        let recordings = s
            .recordings
            .into_iter()
            .enumerate()
            .map(|(i, r)| domain_recording(r).map_err(|e| format!("field `recordings[{i}].{e}")))
            .collect::<Result<Vec<_>, String>>()?;
        Ok(Attempt {
            id: s.id,
            drill_id: s.drill_id,
            prompt: s.prompt,
            sections: s.sections,
            timer: domain_timer(s.timer),
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
            step_ms: domain_step_times(s.step_times),
            spoken_summary: s.spoken_summary.map(domain_timer),
            checklist: domain_checklist(s.checklist),
            drawn_prompt: s.drawn_prompt,
            recordings,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::attempt::{ChecklistAnswer, RubricScores};
    use crate::core::drills::RubricId;
    use crate::core::schema::json::FromJson;
    use crate::core::schema::migrate::v3_to_v4;
    use crate::core::schema::shape;
    use crate::core::schema::v3::StoredAttemptV3;
    use crate::core::timer::Timer;
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
        let stored = StoredAttemptV4::from(&a);
        let value = serde_json::to_value(&stored).expect("serialises");
        assert_eq!(
            value["scores"][0]["values"],
            json!([3, 0, 4, null, null, 2, null])
        );
        assert_eq!(shape::check(&value, &SHAPE), Ok(()));
        let read = StoredAttemptV4::from_json(&value).expect("reads");
        let back = Attempt::try_from(read).expect("readable");
        assert_eq!(back.scores[0].values, values);
    }

    #[test]
    fn a_recording_is_stored_with_its_measurements_and_read_back() {
        let mut a = Attempt::new("a", "attribution-split", "", 0, 0);
        a.recordings.push(Recording {
            slot: "spoken-summary-transcript".into(),
            mime: "audio/webm;codecs=opus".into(),
            bytes: 48_000,
            recorded_at_ms: 5,
            metrics: SpeechMetrics {
                duration_ms: 95_000,
                speaking_ms: 70_000,
                first_word_ms: Some(1_200),
                pauses: vec![Pause {
                    start_ms: 10_000,
                    end_ms: 12_500,
                }],
                syllables: 240,
            },
            transcript_source: TranscriptSource::OnDevice,
        });
        let value = serde_json::to_value(StoredAttemptV4::from(&a)).expect("serialises");
        assert_eq!(value["recordings"][0]["transcript"], json!("on-device"));
        assert_eq!(
            value["recordings"][0]["metrics"]["pauses"],
            json!([{"start_ms": 10_000, "end_ms": 12_500}])
        );
        assert_eq!(shape::check(&value, &SHAPE), Ok(()));
        let back = Attempt::try_from(StoredAttemptV4::from_json(&value).expect("reads"))
            .expect("readable");
        assert_eq!(back, a);

        let mut bad = value.clone();
        bad["recordings"][0]["transcript"] = json!("cloud");
        let read = StoredAttemptV4::from_json(&bad).expect("shape is fine");
        assert_eq!(
            Attempt::try_from(read).err().as_deref(),
            Some("field `recordings[0].transcript` names an unknown source")
        );
    }

    const OWN_PROMPT: &str =
        include_str!("../../../tests/fixtures/storage/attempt-v3-own-prompt.json");

    #[test]
    fn the_issue_16_fixture_reads_with_every_new_field() {
        let value: serde_json::Value = serde_json::from_str(OWN_PROMPT).expect("fixture is JSON");
        let stored = v3_to_v4(StoredAttemptV3::from_json(&value).expect("fixture is v3"));
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
        assert_eq!(StoredAttemptV4::from(&a), stored);
    }

    #[test]
    fn the_issue_16_fields_round_trip_through_the_domain() {
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
        let stored = StoredAttemptV4::from(&a);
        let value = serde_json::to_value(&stored).expect("serialises");
        assert_eq!(value["step_times"][0]["step"], "impact");
        assert_eq!(value["checklist"][0]["answer"], "booking-api 14:02");
        assert_eq!(shape::check(&value, &SHAPE), Ok(()));
        let back =
            Attempt::try_from(StoredAttemptV4::from_json(&value).expect("reads")).expect("domain");
        assert_eq!(back, a);
    }
}
