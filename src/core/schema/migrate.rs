//! Reading any stored attempt version and upgrading it to the current one.
//!
//! Migrations are numbered with no gaps: `v1_to_v2` upgrades version 1 to 2,
//! `v2_to_v3` upgrades 2 to 3, `v3_to_v4` 3 to 4, and `upgrade` chains them. Each is
//! a small pure function tested on a fixture file of the version before it
//! (`tests/fixtures/storage/attempt-v<N>.json`). Records are upgraded in
//! memory only; the stored value keeps its old version until the attempt is
//! saved again, so a failed upgrade never costs the original.

use super::json::FromJson;
use super::shape;
use super::v1::{self, StoredAttemptV1};
use super::v2::{self, StoredAttemptV2, StoredHintV2, StoredScoresV2};
use super::v3::{self, StoredAttemptV3, StoredScoresV3};
use super::v4::{self, StoredAttemptV4};
use serde::Serialize;
use serde_json::Value;

/// The version `save_attempt` writes.
pub const CURRENT_VERSION: u32 = 4;

/// The current stored type.
pub type StoredAttempt = StoredAttemptV4;

/// What a stored attempt value turned out to be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decoded {
    /// Readable; upgraded to the current version. `from_version` is the
    /// version it was stored in.
    Ok {
        attempt: Box<StoredAttempt>,
        from_version: u32,
    },
    /// Written by a newer Evident: leave it untouched and report it.
    Newer { version: u32 },
    /// Not a readable attempt of any known version; the reason says why.
    Corrupt { reason: String },
}

/// Version 1 → 2. Version 1 knew no time zone, so its attempts are taken as
/// UTC (offset 0); it showed the hint inline with no acknowledgement step, so
/// a stored hint counts as acknowledged; its score rounds had no note.
pub fn v1_to_v2(a: StoredAttemptV1) -> StoredAttemptV2 {
    StoredAttemptV2 {
        id: a.id,
        drill_id: a.drill_id,
        prompt: a.prompt,
        sections: a.sections,
        timer: a.timer,
        hint: a.hint.map(|h| StoredHintV2 {
            index: h.index,
            text: h.text,
            at_active_ms: h.at_active_ms,
            acknowledged: true,
        }),
        scores: a
            .scores
            .into_iter()
            .map(|s| StoredScoresV2 {
                rubric: s.rubric,
                values: s.values,
                note: String::new(),
                scored_at_ms: s.scored_at_ms,
            })
            .collect(),
        notes: a.notes,
        created_at_ms: a.created_at_ms,
        updated_at_ms: a.updated_at_ms,
        tz_offset_minutes: 0,
    }
}

/// The value development builds of issue 15 wrote into version 2 records
/// for a dimension "not tested in this drill", before version 3 existed.
/// Outside every rubric's range (0–5), so it was never a real score.
pub const V2_NOT_TESTED: u8 = 255;

/// One round, version 2 → 3: every value is a score, except
/// [`V2_NOT_TESTED`], which becomes the "not tested" mark it stood for.
pub fn scores_v2_to_v3(s: StoredScoresV2) -> StoredScoresV3 {
    StoredScoresV3 {
        rubric: s.rubric,
        values: s
            .values
            .into_iter()
            .map(|v| (v != V2_NOT_TESTED).then_some(v))
            .collect(),
        note: s.note,
        scored_at_ms: s.scored_at_ms,
    }
}

/// Version 2 → 3. Version 2 had no "not tested" mark: its rounds become
/// rounds with every dimension scored (see [`scores_v2_to_v3`]). Nothing was
/// timed per step, no spoken summary was kept, there was no checklist, and
/// the prompt in use was the prompt (no drawn one set aside).
pub fn v2_to_v3(a: StoredAttemptV2) -> StoredAttemptV3 {
    StoredAttemptV3 {
        id: a.id,
        drill_id: a.drill_id,
        prompt: a.prompt,
        sections: a.sections,
        timer: a.timer,
        hint: a.hint,
        scores: a.scores.into_iter().map(scores_v2_to_v3).collect(),
        notes: a.notes,
        created_at_ms: a.created_at_ms,
        updated_at_ms: a.updated_at_ms,
        tz_offset_minutes: a.tz_offset_minutes,
        step_times: Vec::new(),
        spoken_summary: None,
        checklist: Vec::new(),
        drawn_prompt: None,
    }
}

/// Version 3 → 4. Version 3 had no recordings; nothing else changed.
pub fn v3_to_v4(a: StoredAttemptV3) -> StoredAttemptV4 {
    StoredAttemptV4 {
        id: a.id,
        drill_id: a.drill_id,
        prompt: a.prompt,
        sections: a.sections,
        timer: a.timer,
        hint: a.hint,
        scores: a.scores,
        notes: a.notes,
        created_at_ms: a.created_at_ms,
        updated_at_ms: a.updated_at_ms,
        tz_offset_minutes: a.tz_offset_minutes,
        step_times: a.step_times,
        spoken_summary: a.spoken_summary,
        checklist: a.checklist,
        drawn_prompt: a.drawn_prompt,
        recordings: Vec::new(),
    }
}

/// Parses a stored value (the JSON text of one `evident.attempt.*` key).
pub fn decode_attempt(raw: &str) -> Decoded {
    match serde_json::from_str::<Value>(raw) {
        Ok(value) => decode_attempt_value(value),
        Err(e) => Decoded::Corrupt {
            reason: format!("not valid JSON ({e})"),
        },
    }
}

/// Reads the `version` field and upgrades the record to the current version.
pub fn decode_attempt_value(value: Value) -> Decoded {
    let version = match read_version(&value) {
        Ok(v) => v,
        Err(reason) => return Decoded::Corrupt { reason },
    };
    if version > CURRENT_VERSION {
        return Decoded::Newer { version };
    }
    match upgrade(version, value) {
        Ok(attempt) => Decoded::Ok {
            attempt: Box::new(attempt),
            from_version: version,
        },
        Err(reason) => Decoded::Corrupt { reason },
    }
}

/// The `version` field of a record: present, a whole number, at least 1.
pub fn read_version(value: &Value) -> Result<u32, String> {
    let Some(obj) = value.as_object() else {
        return Err(format!(
            "the record must be an object, found {}",
            shape::found(value)
        ));
    };
    match obj.get("version") {
        None => Err("field `version` is missing".into()),
        Some(v) => match v.as_u64().and_then(|n| u32::try_from(n).ok()) {
            Some(n) if n >= 1 => Ok(n),
            _ => Err("field `version` must be a whole number from 1".into()),
        },
    }
}

/// Runs the migration chain from `version` up to the current version.
fn upgrade(version: u32, value: Value) -> Result<StoredAttempt, String> {
    match version {
        1 => read::<StoredAttemptV1>(&value, &v1::SHAPE)
            .map(v1_to_v2)
            .map(v2_to_v3)
            .map(v3_to_v4),
        2 => read::<StoredAttemptV2>(&value, &v2::SHAPE)
            .map(v2_to_v3)
            .map(v3_to_v4),
        3 => read::<StoredAttemptV3>(&value, &v3::SHAPE).map(v3_to_v4),
        4 => read::<StoredAttemptV4>(&value, &v4::SHAPE),
        other => Err(format!("unknown schema version {other}")),
    }
}

/// Checks the shape, then reads the record. The shape check covers nearly
/// everything `from_json` checks; its error is a backstop (e.g. an offset
/// outside i32).
fn read<T: FromJson>(value: &Value, kind: &shape::Kind) -> Result<T, String> {
    shape::check(value, kind)?;
    T::from_json(value)
}

/// The stored text of a current-version record: the fields plus `version`.
pub fn encode_attempt(a: &StoredAttempt) -> String {
    #[derive(Serialize)]
    struct Envelope<'a> {
        version: u32,
        #[serde(flatten)]
        record: &'a StoredAttempt,
    }
    // Serialising plain strings, integers and maps cannot fail.
    serde_json::to_string(&Envelope {
        version: CURRENT_VERSION,
        record: a,
    })
    .unwrap_or_default()
}

/// The current-version record as a JSON value (for backups).
pub fn encode_attempt_value(a: &StoredAttempt) -> Value {
    serde_json::from_str(&encode_attempt(a)).unwrap_or(Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;

    const V1: &str = include_str!("../../../tests/fixtures/storage/attempt-v1.json");
    const V2: &str = include_str!("../../../tests/fixtures/storage/attempt-v2.json");
    const V3: &str = include_str!("../../../tests/fixtures/storage/attempt-v3.json");
    const V4: &str = include_str!("../../../tests/fixtures/storage/attempt-v4.json");

    #[test]
    fn v3_fixture_migrates_to_v4_with_no_recordings() {
        let value: Value = serde_json::from_str(V3).expect("fixture is JSON");
        let v3 = StoredAttemptV3::from_json(&value).expect("fixture is v3");
        let v4 = v3_to_v4(v3.clone());
        assert_eq!(v4.id, v3.id);
        assert_eq!(v4.sections, v3.sections);
        assert_eq!(v4.timer, v3.timer);
        assert_eq!(v4.hint, v3.hint);
        assert_eq!(v4.scores, v3.scores);
        assert_eq!(v4.notes, v3.notes);
        assert_eq!(v4.tz_offset_minutes, v3.tz_offset_minutes);
        assert!(v4.recordings.is_empty());
    }

    #[test]
    fn v4_fixture_reads_with_its_recording() {
        let Decoded::Ok {
            attempt,
            from_version,
        } = decode_attempt(V4)
        else {
            panic!("v4 fixture decodes");
        };
        assert_eq!(from_version, 4);
        let domain = crate::core::attempt::Attempt::try_from(*attempt).expect("readable");
        let r = &domain.recordings[0];
        assert_eq!(r.slot, "spoken-summary-transcript");
        assert_eq!(r.metrics.first_word_ms, Some(1_400));
        assert_eq!(r.metrics.pauses.len(), 2);
        assert_eq!(r.metrics.rate_per_min(), Some(210));
        assert!(domain
            .section_text("spoken-summary-transcript")
            .starts_with("The team cut"));
    }

    #[test]
    fn v1_fixture_migrates_to_v2() {
        let value: Value = serde_json::from_str(V1).expect("fixture is JSON");
        let v1 = StoredAttemptV1::from_json(&value).expect("fixture is v1");
        let v2 = v1_to_v2(v1.clone());
        assert_eq!(v2.id, v1.id);
        assert_eq!(v2.sections, v1.sections);
        assert_eq!(v2.timer, v1.timer);
        assert_eq!(v2.notes, v1.notes);
        assert_eq!(v2.tz_offset_minutes, 0);
        let hint = v2.hint.expect("fixture has a hint");
        assert!(hint.acknowledged);
        assert_eq!(hint.text, v1.hint.expect("v1 hint").text);
        assert_eq!(v2.scores.len(), v1.scores.len());
        assert!(v2.scores.iter().all(|s| s.note.is_empty()));
        assert_eq!(v2.scores[0].values, v1.scores[0].values);
    }

    #[test]
    fn v2_fixture_migrates_to_v3_with_every_dimension_scored() {
        let value: Value = serde_json::from_str(V2).expect("fixture is JSON");
        let v2 = StoredAttemptV2::from_json(&value).expect("fixture is v2");
        let v3 = v2_to_v3(v2.clone());
        assert_eq!(v3.id, v2.id);
        assert_eq!(v3.sections, v2.sections);
        assert_eq!(v3.timer, v2.timer);
        assert_eq!(v3.hint, v2.hint);
        assert_eq!(v3.notes, v2.notes);
        assert_eq!(v3.tz_offset_minutes, v2.tz_offset_minutes);
        assert_eq!(v3.scores.len(), v2.scores.len());
        for (new, old) in v3.scores.iter().zip(&v2.scores) {
            assert_eq!(new.rubric, old.rubric);
            assert_eq!(new.note, old.note);
            assert_eq!(new.scored_at_ms, old.scored_at_ms);
            let scored: Vec<Option<u8>> = old.values.iter().copied().map(Some).collect();
            assert_eq!(new.values, scored);
        }
        assert!(v3.step_times.is_empty());
        assert!(v3.checklist.is_empty());
        assert_eq!(v3.spoken_summary, None);
        assert_eq!(v3.drawn_prompt, None);
    }

    /// Development builds of issue 15 marked "not tested" as 255 inside
    /// version 2; the upgrade reads that byte as the mark, nothing else.
    #[test]
    fn a_v2_value_of_255_becomes_not_tested() {
        let raw = V2.replace("[3, 3, 2, 2, 3, 2, 3]", "[3, 255, 2, 2, 3, 2, 255]");
        assert_ne!(raw, V2);
        let Decoded::Ok { attempt, .. } = decode_attempt(&raw) else {
            panic!("edited v2 fixture must decode");
        };
        assert_eq!(
            attempt.scores[0].values,
            [Some(3), None, Some(2), Some(2), Some(3), Some(2), None]
        );
        assert_eq!(
            attempt.scores[1].values,
            [4, 4, 3, 3, 4, 4].map(Some).to_vec()
        );
    }

    #[test]
    fn v3_fixture_keeps_its_not_tested_marks() {
        let Decoded::Ok {
            attempt,
            from_version,
        } = decode_attempt(V3)
        else {
            panic!("v3 fixture must decode");
        };
        assert_eq!(from_version, 3);
        assert_eq!(
            attempt.scores[0].values,
            [Some(3), Some(3), Some(4), None, None, Some(2), None]
        );
        let domain = crate::core::attempt::Attempt::try_from(*attempt).expect("domain");
        assert_eq!(domain.scores[0].values[3], None);
        assert_eq!(domain.tz_offset_minutes, -300);
    }

    #[test]
    fn every_fixture_decodes_to_the_current_version() {
        for (raw, version) in [(V1, 1), (V2, 2), (V3, 3)] {
            match decode_attempt(raw) {
                Decoded::Ok { from_version, .. } => assert_eq!(from_version, version),
                other => panic!("v{version}: {other:?}"),
            }
        }
    }

    #[test]
    fn encode_then_decode_is_identity_for_the_current_version() {
        let Decoded::Ok { attempt, .. } = decode_attempt(V3) else {
            panic!("v3 fixture must decode");
        };
        let again = decode_attempt(&encode_attempt(&attempt));
        assert_eq!(
            again,
            Decoded::Ok {
                attempt,
                from_version: CURRENT_VERSION
            }
        );
    }

    #[test]
    fn versions_and_corruption_are_classified() {
        let cases: &[(&str, &str)] = &[
            ("{not json", "corrupt"),
            ("[]", "corrupt"),
            (r#"{"id":"x"}"#, "corrupt"),
            (r#"{"version":0}"#, "corrupt"),
            (r#"{"version":"2"}"#, "corrupt"),
            (r#"{"version":2,"id":"x"}"#, "corrupt"),
            (r#"{"version":3,"id":"x"}"#, "corrupt"),
            (r#"{"version":4,"id":"x"}"#, "corrupt"),
            (r#"{"version":5,"anything":true}"#, "newer"),
            (r#"{"version":99}"#, "newer"),
        ];
        for (raw, want) in cases {
            let got = match decode_attempt(raw) {
                Decoded::Ok { .. } => "ok",
                Decoded::Newer { .. } => "newer",
                Decoded::Corrupt { .. } => "corrupt",
            };
            assert_eq!(got, *want, "{raw}");
        }
    }

    /// What the shape check lets through but the record cannot hold.
    #[test]
    fn out_of_range_values_past_the_shape_check_are_corrupt() {
        let cases = [
            (
                ("\"tz_offset_minutes\": 120", "\"tz_offset_minutes\": 2147483648"),
                "field `tz_offset_minutes` must be an integer from -2147483648 to 2147483647, found a number",
            ),
            (
                ("\"tz_offset_minutes\": 120", "\"tz_offset_minutes\": -2147483649"),
                "field `tz_offset_minutes` must be an integer from -2147483648 to 2147483647, found a number",
            ),
        ];
        for ((from, to), want) in cases {
            let raw = V2.replace(from, to);
            assert_ne!(raw, V2, "{to}");
            match decode_attempt(&raw) {
                Decoded::Corrupt { reason } => assert_eq!(reason, want, "{to}"),
                other => panic!("{to}: {other:?}"),
            }
        }
    }

    /// The readers alone (no shape check first) still refuse a wrong value
    /// with its path, so a gap in a shape table can never panic.
    #[test]
    fn readers_name_the_path_of_a_wrong_value_without_the_shape_check() {
        type Edit = fn(&mut Value);
        let cases: &[(Edit, &str)] = &[
            (
                |v| v["id"] = 7.into(),
                "field `id` must be a string, found a number",
            ),
            (
                |v| v["timer"]["finished_at"] = "late".into(),
                "field `timer.finished_at` must be an integer, found a string",
            ),
            (
                |v| {
                    if let Some(t) = v["timer"].as_object_mut() {
                        t.remove("paused_since");
                    }
                },
                "field `timer.paused_since` is missing",
            ),
            (
                |v| v["hint"] = serde_json::json!({"index": -1, "text": "t", "at_active_ms": 0, "acknowledged": true}),
                "field `hint.index` must be an integer from 0 to 4294967295, found a number",
            ),
            (
                |v| v["hint"] = serde_json::json!({"index": 0, "text": "t", "at_active_ms": 0}),
                "field `hint.acknowledged` is missing",
            ),
            (
                |v| v["scores"][1]["values"][2] = 256.into(),
                "field `scores[1].values[2]` must be an integer from 0 to 255, found a number",
            ),
            (
                |v| v["scores"][0]["note"] = Value::Null,
                "field `scores[0].note` must be a string, found null",
            ),
            (
                |v| v["sections"]["mid"] = true.into(),
                "field `sections.mid` must be a string, found true/false",
            ),
            (
                |v| v["sections"] = serde_json::json!(["weak"]),
                "field `sections` must be an object of strings, found an array",
            ),
            (
                |v| v["scores"] = serde_json::json!({}),
                "field `scores` must be an array, found an object",
            ),
        ];
        let fixture: Value = serde_json::from_str(V2).expect("fixture is JSON");
        assert!(StoredAttemptV2::from_json(&fixture).is_ok());
        for (edit, want) in cases {
            let mut value = fixture.clone();
            edit(&mut value);
            assert_eq!(
                StoredAttemptV2::from_json(&value).err().as_deref(),
                Some(*want)
            );
        }
        let mut v1: Value = serde_json::from_str(V1).expect("fixture is JSON");
        v1["created_at_ms"] = 1.5.into();
        assert_eq!(
            StoredAttemptV1::from_json(&v1).err().as_deref(),
            Some("field `created_at_ms` must be an integer, found a number")
        );
    }

    #[test]
    fn corrupt_reasons_name_the_field() {
        let raw = V2.replace("\"drill_id\"", "\"drill\"");
        match decode_attempt(&raw) {
            Decoded::Corrupt { reason } => assert_eq!(reason, "field `drill_id` is missing"),
            other => panic!("{other:?}"),
        }
    }
}
