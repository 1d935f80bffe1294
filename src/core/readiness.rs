//! The readiness gate over the stored attempts: the rounds of one rubric from
//! every drill, numbered oldest first, and the verdict as it stood after one
//! attempt's round or as it stands now. The results of an attempt, History
//! and the Markdown export all read the gate here, so they cannot disagree.
//!
//! It reads attempt summaries (`core::summary`), which every attempt has in
//! memory however many there are, never the attempts' text.

use crate::core::attempt::RubricScores;
use crate::core::drills::RubricId;
use crate::core::rubric::{self, GateResult, Mark};
use crate::core::sorting;
use crate::core::summary::AttemptSummary;

/// One scored round of a rubric and the attempt it belongs to.
#[derive(Clone, Copy, Debug)]
pub struct ScoredRound<'a> {
    pub attempt: &'a AttemptSummary,
    pub scores: &'a RubricScores,
}

/// Every round of `id` in `all`, oldest first (round 1 first): by when it
/// was scored, ties by attempt id so the numbering is stable.
pub fn rounds(all: &[AttemptSummary], id: RubricId) -> Vec<ScoredRound<'_>> {
    let mut out: Vec<ScoredRound<'_>> = all
        .iter()
        .filter_map(|attempt| {
            attempt
                .scores_for(id)
                .map(|scores| ScoredRound { attempt, scores })
        })
        .collect();
    sorting::sort_by(&mut out, |a, b| {
        (a.scores.scored_at_ms, &a.attempt.id).cmp(&(b.scores.scored_at_ms, &b.attempt.id))
    });
    out
}

/// The gate of one rubric and where it was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Readiness {
    pub rubric: RubricId,
    pub gate: GateResult,
    /// Rounds of the rubric scored in all, including any after the one the
    /// gate was read at.
    pub total: usize,
}

impl Readiness {
    /// Says which rounds were counted: "Counted over your 3 Failure
    /// diagnostic rounds, from every drill.", or, read at an older round,
    /// "As it stood after round 2 of your 3 Failure diagnostic rounds (from
    /// every drill)."
    pub fn rounds_line(&self) -> String {
        if self.gate.rounds < self.total {
            format!(
                "As it stood after round {} of your {} {} rounds (from every drill).",
                self.gate.rounds,
                self.total,
                rubric::rubric(self.rubric).title
            )
        } else {
            self.gate.rounds_line(self.rubric)
        }
    }
}

fn gate_over(id: RubricId, oldest_first: &[ScoredRound<'_>], total: usize) -> Readiness {
    let newest_first: Vec<&[Mark]> = oldest_first
        .iter()
        .rev()
        .map(|r| r.scores.values.as_slice())
        .collect();
    Readiness {
        rubric: id,
        gate: rubric::gate(id, &newest_first),
        total,
    }
}

/// The gate as it stands now, over every round of `id` in `all`.
pub fn now(all: &[AttemptSummary], id: RubricId) -> Readiness {
    let rounds = rounds(all, id);
    gate_over(id, &rounds, rounds.len())
}

/// The gate as it stood once `attempt` was scored on `id`: its round and
/// every round scored before it. `all` may or may not hold `attempt` itself
/// (its own copy wins). `None` when the attempt has no round on `id`.
pub fn after(all: &[AttemptSummary], attempt: &AttemptSummary, id: RubricId) -> Option<Readiness> {
    let mine = attempt.scores_for(id)?;
    let mut pool: Vec<ScoredRound<'_>> = all
        .iter()
        .filter(|a| a.id != attempt.id)
        .filter_map(|a| {
            a.scores_for(id)
                .map(|scores| ScoredRound { attempt: a, scores })
        })
        .collect();
    pool.push(ScoredRound {
        attempt,
        scores: mine,
    });
    sorting::sort_by(&mut pool, |a, b| {
        (a.scores.scored_at_ms, &a.attempt.id).cmp(&(b.scores.scored_at_ms, &b.attempt.id))
    });
    let position = pool
        .iter()
        .position(|r| r.attempt.id == attempt.id)
        .unwrap_or(pool.len() - 1);
    Some(gate_over(id, &pool[..=position], pool.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::attempt::Attempt;
    use RubricId::FailureDiagnostic as FD;

    fn scored(id: &str, drill: &str, at: i64, v: u8) -> AttemptSummary {
        let mut a = Attempt::new(id, drill, "", at, 0);
        a.record_scores(RubricScores {
            rubric: FD,
            values: vec![Some(v); 7],
            note: String::new(),
            scored_at_ms: at,
        });
        AttemptSummary::of(&a)
    }

    #[test]
    fn rounds_come_from_every_drill_oldest_first_with_stable_ties() {
        let all = [
            scored("c", "incident-triage", 30, 0),
            scored("a", "evidence-replay", 10, 1),
            scored("b2", "hint-recovery", 20, 3),
            scored("b1", "baseline-before-machinery", 20, 3),
            AttemptSummary::of(&Attempt::new("unscored", "incident-triage", "", 5, 0)),
        ];
        let ids: Vec<&str> = rounds(&all, FD)
            .iter()
            .map(|r| r.attempt.id.as_str())
            .collect();
        assert_eq!(ids, ["a", "b1", "b2", "c"]);
    }

    /// The journey of issue 15: two good rounds on one drill, then a zero on
    /// another. Every reading of the gate says the same "Not yet".
    #[test]
    fn a_zero_round_after_two_good_ones_is_not_yet_wherever_it_is_read() {
        let all = [
            scored("1", "baseline-before-machinery", 10, 3),
            scored("2", "baseline-before-machinery", 20, 4),
            scored("3", "incident-triage", 30, 0),
        ];
        let want = "Not yet: all 7 dimensions scored 0 in round 3";
        let current = now(&all, FD);
        assert_eq!(current.gate.summary(), want);
        let latest = after(&all, &all[2], FD).expect("scored");
        assert_eq!(latest, current);
        assert_eq!(
            latest.rounds_line(),
            "Counted over your 3 Failure diagnostic rounds, from every drill."
        );
        // Exported on its own, the attempt still counts the rounds before it.
        let alone = after(&all[..2], &all[2], FD).expect("scored");
        assert_eq!(alone.gate.summary(), want);

        // Read at round 2, the gate says what it said then, and says so.
        let earlier = after(&all, &all[1], FD).expect("scored");
        assert!(earlier.gate.ready, "{}", earlier.gate.summary());
        assert_eq!(
            earlier.rounds_line(),
            "As it stood after round 2 of your 3 Failure diagnostic rounds (from every drill)."
        );
    }

    #[test]
    fn an_unscored_attempt_has_no_reading() {
        let all = [scored("1", "hint-recovery", 10, 3)];
        let fresh = AttemptSummary::of(&Attempt::new("2", "hint-recovery", "", 20, 0));
        assert!(after(&all, &fresh, FD).is_none());
        assert_eq!(
            now(&[], FD).gate.summary(),
            "Not yet: no round scored yet; readiness needs two"
        );
    }
}
