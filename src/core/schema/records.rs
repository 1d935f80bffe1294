//! The small shared records next to the attempts: the index, the preferences
//! and the quarantine wrapper. Each is versioned like the attempts.

use super::json::FromJson;
use super::migrate::{read_version, scores_v2_to_v3};
use super::record::record;
use super::shape::{self, Kind};
use super::v1::limits;
use super::v2::StoredScoresV2;
use super::v3::{domain_scores, stored_scores, StoredScoresV3};
use crate::core::summary::AttemptSummary;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeSet;

/// How a versioned record read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Read<T> {
    Ok(T),
    Newer(u32),
    Corrupt(String),
}

/// Reads a single-version record (`version` must be 1) of the given shape.
fn read_v1<T: FromJson>(raw: &str, kind: &Kind) -> Read<T> {
    let value: Value = match serde_json::from_str(raw) {
        Ok(v) => v,
        Err(e) => return Read::Corrupt(format!("not valid JSON ({e})")),
    };
    read_v1_value(&value, kind)
}

/// Checks the version and the shape, then reads the record.
pub(super) fn read_v1_value<T: FromJson>(value: &Value, kind: &Kind) -> Read<T> {
    match read_version(value) {
        Err(reason) => Read::Corrupt(reason),
        Ok(v) if v > 1 => Read::Newer(v),
        Ok(_) => match shape::check(value, kind).and_then(|()| T::from_json(value)) {
            Ok(t) => Read::Ok(t),
            Err(reason) => Read::Corrupt(reason),
        },
    }
}

fn with_version<T: Serialize>(record: &T) -> String {
    with_version_number(1, record)
}

fn with_version_number<T: Serialize>(version: u32, record: &T) -> String {
    #[derive(Serialize)]
    struct Envelope<'a, T> {
        version: u32,
        #[serde(flatten)]
        record: &'a T,
    }
    serde_json::to_string(&Envelope { version, record }).unwrap_or_default()
}

// ---------------------------------------------------------------- index

record! {
    /// The localStorage index of the first releases (read only to migrate):
    /// which attempt ids existed, with a revision bumped on every write.
    pub struct StoredIndexV1 {
        revision: u64 = Kind::Int,
        ids: BTreeSet<String> = Kind::Array { item: &Kind::Str { max: 128 }, max: 100_000 },
    }
}

const INDEX_SHAPE: Kind = StoredIndexV1::SHAPE;

pub fn read_index(raw: &str) -> Read<StoredIndexV1> {
    read_v1(raw, &INDEX_SHAPE)
}

#[cfg(test)]
pub fn encode_index(index: &StoredIndexV1) -> String {
    with_version(index)
}

// ---------------------------------------------------------------- prefs

/// The user's preferences. The default has nothing muted or dismissed and the
/// tone off: a sound in a quiet office is a surprise the user must opt into.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Prefs {
    /// Analyzer rule ids the user turned off.
    pub muted_rules: BTreeSet<String>,
    /// Hashes of single findings the user dismissed (computed by the caller,
    /// opaque here).
    pub dismissed_findings: BTreeSet<String>,
    /// Whether the end-of-drill tone plays.
    pub tone: bool,
}

impl Prefs {
    /// Union of the sets; `self`'s tone wins (the device's own setting).
    pub fn merged_with(&self, other: &Prefs) -> Prefs {
        // Extended, not collected: collecting into a set sorts first, one
        // more copy of the sorting code in the wasm.
        let mut merged = self.clone();
        merged.muted_rules.extend(other.muted_rules.iter().cloned());
        merged
            .dismissed_findings
            .extend(other.dismissed_findings.iter().cloned());
        merged
    }
}

const STR_LIST: Kind = Kind::Array {
    item: &Kind::Str { max: 128 },
    max: 10_000,
};

record! {
    pub struct StoredPrefsV1 {
        muted_rules: Vec<String> = STR_LIST,
        dismissed_findings: Vec<String> = STR_LIST,
        tone: bool = Kind::Bool,
    }
}

pub(super) const PREFS_SHAPE: Kind = StoredPrefsV1::SHAPE;

impl From<&Prefs> for StoredPrefsV1 {
    fn from(p: &Prefs) -> Self {
        StoredPrefsV1 {
            muted_rules: p.muted_rules.iter().cloned().collect(),
            dismissed_findings: p.dismissed_findings.iter().cloned().collect(),
            tone: p.tone,
        }
    }
}

impl From<StoredPrefsV1> for Prefs {
    fn from(s: StoredPrefsV1) -> Self {
        // Sets filled by inserts: collecting into a set sorts first, one more
        // copy of the sorting code in the wasm.
        let mut prefs = Prefs {
            tone: s.tone,
            ..Prefs::default()
        };
        prefs.muted_rules.extend(s.muted_rules);
        prefs.dismissed_findings.extend(s.dismissed_findings);
        prefs
    }
}

pub fn read_prefs(raw: &str) -> Read<Prefs> {
    match read_v1::<StoredPrefsV1>(raw, &PREFS_SHAPE) {
        Read::Ok(p) => Read::Ok(p.into()),
        Read::Newer(v) => Read::Newer(v),
        Read::Corrupt(r) => Read::Corrupt(r),
    }
}

pub fn encode_prefs(p: &Prefs) -> String {
    with_version(&StoredPrefsV1::from(p))
}

// ---------------------------------------------------------------- quarantine

record! {
    /// A value moved aside: the raw text exactly as it was, where it came
    /// from and why it could not be read.
    pub struct StoredQuarantineV1 {
        original_key: String = Kind::Str { max: 1_024 },
        reason: String = Kind::Str { max: 4_096 },
        raw: String = Kind::Str { max: 200 * 1024 * 1024 },
    }
}

const QUARANTINE_SHAPE: Kind = StoredQuarantineV1::SHAPE;

pub fn read_quarantine(raw: &str) -> Read<StoredQuarantineV1> {
    read_v1(raw, &QUARANTINE_SHAPE)
}

pub fn encode_quarantine(q: &StoredQuarantineV1) -> String {
    with_version(q)
}

// ---------------------------------------------------------------- summary

record! {
    /// What History needs of one attempt (see `core::summary`), stored next
    /// to it. Derived data: an unreadable summary is rebuilt from its attempt.
    /// Version 1, written with attempts of schema 2: rounds without "not
    /// tested" marks. Read, never written.
    pub struct StoredSummaryV1 {
        id: String = Kind::Str { max: limits::ID },
        drill_id: String = Kind::Str { max: limits::DRILL_ID },
        created_at_ms: i64 = Kind::Int,
        updated_at_ms: i64 = Kind::Int,
        tz_offset_minutes: i32 = Kind::Int,
        started: bool = Kind::Bool,
        finished: bool = Kind::Bool,
        has_text: bool = Kind::Bool,
        scores: Vec<StoredScoresV2> = Kind::Array {
            item: &StoredScoresV2::SHAPE,
            max: limits::SCORE_ROUNDS,
        },
    }
}

record! {
    /// Version 2, written with attempts of schema 3: the rounds as schema 3
    /// stores them (`null` for a dimension not tested).
    pub struct StoredSummaryV2 {
        id: String = Kind::Str { max: limits::ID },
        drill_id: String = Kind::Str { max: limits::DRILL_ID },
        created_at_ms: i64 = Kind::Int,
        updated_at_ms: i64 = Kind::Int,
        tz_offset_minutes: i32 = Kind::Int,
        started: bool = Kind::Bool,
        finished: bool = Kind::Bool,
        has_text: bool = Kind::Bool,
        scores: Vec<StoredScoresV3> = Kind::Array {
            item: &StoredScoresV3::SHAPE,
            max: limits::SCORE_ROUNDS,
        },
    }
}

/// The summary version [`encode_summary`] writes.
const SUMMARY_VERSION: u32 = 2;

impl From<StoredSummaryV1> for StoredSummaryV2 {
    /// Its rounds upgraded as an attempt's are (`migrate::scores_v2_to_v3`).
    fn from(s: StoredSummaryV1) -> Self {
        StoredSummaryV2 {
            id: s.id,
            drill_id: s.drill_id,
            created_at_ms: s.created_at_ms,
            updated_at_ms: s.updated_at_ms,
            tz_offset_minutes: s.tz_offset_minutes,
            started: s.started,
            finished: s.finished,
            has_text: s.has_text,
            scores: s.scores.into_iter().map(scores_v2_to_v3).collect(),
        }
    }
}

pub fn encode_summary(s: &AttemptSummary) -> String {
    with_version_number(
        SUMMARY_VERSION,
        &StoredSummaryV2 {
            id: s.id.clone(),
            drill_id: s.drill_id.clone(),
            created_at_ms: s.created_at_ms,
            updated_at_ms: s.updated_at_ms,
            tz_offset_minutes: s.tz_offset_minutes,
            started: s.started,
            finished: s.finished,
            has_text: s.has_text,
            scores: s.scores.iter().map(stored_scores).collect(),
        },
    )
}

/// Reads a stored summary of either version; `None` when it is unreadable,
/// of a newer version, or of an unknown rubric (it is rebuilt from the
/// attempt then).
pub fn read_summary(raw: &str) -> Option<AttemptSummary> {
    fn checked<T: FromJson>(value: &Value, kind: &Kind) -> Option<T> {
        shape::check(value, kind).ok()?;
        T::from_json(value).ok()
    }
    let value: Value = serde_json::from_str(raw).ok()?;
    let s = match read_version(&value).ok()? {
        1 => checked::<StoredSummaryV1>(&value, &StoredSummaryV1::SHAPE)?.into(),
        2 => checked::<StoredSummaryV2>(&value, &StoredSummaryV2::SHAPE)?,
        _ => return None,
    };
    let mut scores = Vec::with_capacity(s.scores.len());
    for sc in s.scores {
        scores.push(domain_scores(sc).ok()?);
    }
    Some(AttemptSummary {
        id: s.id,
        drill_id: s.drill_id,
        created_at_ms: s.created_at_ms,
        updated_at_ms: s.updated_at_ms,
        tz_offset_minutes: s.tz_offset_minutes,
        started: s.started,
        finished: s.finished,
        has_text: s.has_text,
        scores,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PREFS_V1: &str = include_str!("../../../tests/fixtures/storage/prefs-v1.json");
    const INDEX_V1: &str = include_str!("../../../tests/fixtures/storage/index-v1.json");
    const SUMMARY_V1: &str = include_str!("../../../tests/fixtures/storage/summary-v1.json");
    const SUMMARY_V2: &str = include_str!("../../../tests/fixtures/storage/summary-v2.json");

    /// Summaries of both versions read; version 1's rounds (schema 2) have
    /// every dimension scored, version 2's keep their "not tested" marks.
    #[test]
    fn summary_fixtures_of_every_version_read() {
        let v1 = read_summary(SUMMARY_V1).expect("v1 summary reads");
        assert_eq!(v1.drill_id, "evidence-replay");
        assert_eq!(
            v1.scores[0].values,
            [3, 3, 2, 2, 3, 2, 3].map(Some).to_vec()
        );
        let v2 = read_summary(SUMMARY_V2).expect("v2 summary reads");
        assert_eq!(v2.tz_offset_minutes, -300);
        assert_eq!(
            v2.scores[0].values,
            [Some(3), Some(3), Some(4), None, None, Some(2), None]
        );
        // Written as version 2, read back unchanged.
        let again = encode_summary(&v2);
        assert!(again.starts_with(r#"{"version":2,"#), "{again}");
        assert_eq!(read_summary(&again), Some(v2));
        assert_eq!(read_summary(&encode_summary(&v1)), Some(v1));
        // A newer or damaged summary is rebuilt from its attempt.
        assert_eq!(read_summary(r#"{"version":3,"id":"x"}"#), None);
        assert_eq!(read_summary(&SUMMARY_V2.replace("null", "\"x\"")), None);
    }

    #[test]
    fn fixtures_of_version_1_read() {
        let Read::Ok(prefs) = read_prefs(PREFS_V1) else {
            panic!("prefs fixture must read");
        };
        assert!(prefs.muted_rules.contains("vague-we"));
        assert!(!prefs.tone);
        let Read::Ok(index) = read_index(INDEX_V1) else {
            panic!("index fixture must read");
        };
        assert_eq!(index.revision, 7);
        assert_eq!(index.ids.len(), 2);
    }

    #[test]
    fn records_round_trip() {
        let prefs = Prefs {
            muted_rules: ["blame".to_string()].into(),
            dismissed_findings: ["abc".to_string()].into(),
            tone: false,
        };
        assert_eq!(read_prefs(&encode_prefs(&prefs)), Read::Ok(prefs));
        let index = StoredIndexV1 {
            revision: 3,
            ids: ["a".to_string(), "b".to_string()].into(),
        };
        assert_eq!(read_index(&encode_index(&index)), Read::Ok(index));
        let q = StoredQuarantineV1 {
            original_key: "k".into(),
            reason: "r".into(),
            raw: "{oops".into(),
        };
        assert_eq!(read_quarantine(&encode_quarantine(&q)), Read::Ok(q));
    }

    #[test]
    fn newer_and_corrupt_records_are_told_apart() {
        assert_eq!(read_prefs(r#"{"version":2}"#), Read::Newer(2));
        assert!(matches!(read_prefs("nope"), Read::Corrupt(_)));
        assert_eq!(
            read_prefs(r#"{"version":1,"muted_rules":[],"dismissed_findings":[]}"#),
            Read::Corrupt("field `tone` is missing".into())
        );
    }

    /// Values the shape check allows but the record cannot hold are corrupt;
    /// repeated ids count once.
    #[test]
    fn index_values_past_the_shape_check() {
        let cases = [
            (
                r#"{"version":1,"revision":-1,"ids":[]}"#,
                Read::Corrupt(
                    "field `revision` must be a whole number from 0, found a number".into(),
                ),
            ),
            (
                r#"{"version":1,"revision":2,"ids":["b","a","b"]}"#,
                Read::Ok(StoredIndexV1 {
                    revision: 2,
                    ids: ["a".to_string(), "b".to_string()].into(),
                }),
            ),
            (
                r#"{"version":1,"revision":2,"ids":["a",3]}"#,
                Read::Corrupt("field `ids[1]` must be a string, found a number".into()),
            ),
        ];
        for (raw, want) in cases {
            assert_eq!(read_index(raw), want, "{raw}");
        }
    }

    /// The readers alone (no shape check first) refuse wrong values by path.
    #[test]
    fn readers_name_the_field_without_the_shape_check() {
        use serde_json::json;
        let cases: Vec<(Result<(), String>, &str)> = vec![
            (
                StoredPrefsV1::from_json(
                    &json!({"muted_rules": [], "dismissed_findings": [1], "tone": true}),
                )
                .map(drop),
                "field `dismissed_findings[0]` must be a string, found a number",
            ),
            (
                StoredPrefsV1::from_json(
                    &json!({"muted_rules": [], "dismissed_findings": [], "tone": 1}),
                )
                .map(drop),
                "field `tone` must be true or false, found a number",
            ),
            (
                StoredQuarantineV1::from_json(&json!({"original_key": "k", "reason": "r"}))
                    .map(drop),
                "field `raw` is missing",
            ),
            (
                StoredIndexV1::from_json(&json!({"revision": 1, "ids": "a"})).map(drop),
                "field `ids` must be an array, found a string",
            ),
        ];
        for (got, want) in cases {
            assert_eq!(got.err().as_deref(), Some(want));
        }
    }

    #[test]
    fn merging_prefs_unions_sets_and_keeps_own_tone() {
        let mine = Prefs {
            muted_rules: ["a".to_string()].into(),
            dismissed_findings: Default::default(),
            tone: false,
        };
        let theirs = Prefs {
            muted_rules: ["b".to_string()].into(),
            dismissed_findings: ["h".to_string()].into(),
            tone: true,
        };
        let m = mine.merged_with(&theirs);
        assert_eq!(m.muted_rules.len(), 2);
        assert_eq!(m.dismissed_findings.len(), 1);
        assert!(!m.tone);
    }
}
