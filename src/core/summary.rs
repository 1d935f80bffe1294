//! What History needs of every attempt, without its text.
//!
//! Years of practice are thousands of attempts and tens of megabytes of
//! answers; History, the trends and the readiness gates only need dates,
//! drills, whether an attempt was started or finished, and the scores. An
//! [`AttemptSummary`] holds exactly that; `schema` stores one next to each
//! attempt, written in the same transaction, so opening History reads a few
//! hundred bytes per attempt instead of the answers.

use crate::core::attempt::{Attempt, RubricScores};
use crate::core::drills::{self, RubricId};

/// One attempt, without its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttemptSummary {
    pub id: String,
    pub drill_id: String,
    pub created_at_ms: i64,
    pub updated_at_ms: i64,
    pub tz_offset_minutes: i32,
    pub started: bool,
    pub finished: bool,
    /// Whether any section has text (listed in History even when not started).
    pub has_text: bool,
    pub scores: Vec<RubricScores>,
}

impl AttemptSummary {
    pub fn of(a: &Attempt) -> AttemptSummary {
        AttemptSummary {
            id: a.id.clone(),
            drill_id: a.drill_id.clone(),
            created_at_ms: a.created_at_ms,
            updated_at_ms: a.updated_at_ms,
            tz_offset_minutes: a.tz_offset_minutes,
            started: a.is_started(),
            finished: a.is_finished(),
            has_text: a.sections.values().any(|t| !t.trim().is_empty()),
            scores: a.scores.clone(),
        }
    }

    /// The drill title, falling back to the raw id.
    pub fn drill_title(&self) -> &str {
        drills::drill(&self.drill_id).map_or(self.drill_id.as_str(), |d| d.title)
    }

    /// Listed in History: started, scored, or with something written.
    pub fn is_listed(&self) -> bool {
        self.started || !self.scores.is_empty() || self.has_text
    }

    pub fn scores_for(&self, rubric: RubricId) -> Option<&RubricScores> {
        self.scores.iter().find(|s| s.rubric == rubric)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_keeps_what_history_needs() {
        let mut a = Attempt::new("a1", "evidence-replay", "Prompt", 1_000, 60);
        let s = AttemptSummary::of(&a);
        assert!(!s.is_listed());
        assert_eq!(s.drill_title(), "Evidence replay");
        a.set_section("weak", "We did it.", 2_000);
        a.timer.started_at = Some(1_500);
        a.record_scores(RubricScores {
            rubric: RubricId::FailureDiagnostic,
            values: vec![Some(2); 7],
            note: String::new(),
            scored_at_ms: 3_000,
        });
        let s = AttemptSummary::of(&a);
        assert!(s.is_listed() && s.started && s.has_text && !s.finished);
        // Scored but never started nor written in (scored from the results
        // screen of an imported attempt): still listed.
        let mut scored_only = Attempt::new("a2", "evidence-replay", "Prompt", 1_000, 60);
        scored_only.scores = a.scores.clone();
        assert!(AttemptSummary::of(&scored_only).is_listed());
        assert_eq!(s.updated_at_ms, 3_000);
        assert_eq!(
            s.scores_for(RubricId::FailureDiagnostic)
                .map(|r| r.values.len()),
            Some(7)
        );
    }
}
