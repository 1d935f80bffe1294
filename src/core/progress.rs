//! What History says about progress, in sentences a user can act on: per
//! rule, in how many recent answers it fired and how that changed (habits);
//! the dimensions that most often held a readiness gate back; and one drill
//! to run next, with the reason.
//!
//! Rules come from the analyzer's registry (`analyzer::RULES`), so a new
//! rule shows up here with no change; dimensions and drills come from the
//! catalogue.
//!
//! Gates, holdbacks and the suggestion read attempt summaries (every attempt
//! has one in memory); habits read the text of the latest answers only, so
//! the caller reads at most `2 × WINDOW` attempts in full.

use crate::core::analyzer::RULES;
use crate::core::attempt::{finding_counts, Analyze, Attempt};
use crate::core::drills::{Dim, Drill, RubricId, DRILLS};
use crate::core::readiness;
use crate::core::rubric::{self, Mark};
use crate::core::sorting;
use crate::core::summary::AttemptSummary;

/// How many recent answers a habit counts over, and the window before it.
pub const WINDOW: usize = 10;

/// One rule's recent frequency.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Habit {
    pub rule: &'static str,
    pub title: &'static str,
    /// Answers among the latest `window` in which the rule fired.
    pub recent: usize,
    pub window: usize,
    /// The same over the (up to) `WINDOW` answers before those, if any:
    /// (answers it fired in, answers counted).
    pub before: Option<(usize, usize)>,
}

impl Habit {
    /// "Vague \"we\" in 6 of your last 10 answers, down from 9".
    pub fn line(&self) -> String {
        let now = match self.window {
            1 if self.recent == 1 => "in your last answer".to_owned(),
            1 => "not in your last answer".to_owned(),
            w => format!("in {} of your last {w} answers", self.recent),
        };
        let trend = match self.before {
            None => String::new(),
            Some((b, n)) => {
                let of = if n == self.window {
                    String::new()
                } else {
                    format!(" of the {n} before")
                };
                if b == self.recent && n == self.window {
                    format!(", as in the {n} before")
                } else if b * self.window > self.recent * n {
                    format!(", down from {b}{of}")
                } else if b * self.window < self.recent * n {
                    format!(", up from {b}{of}")
                } else {
                    format!(", as often as in the {n} before")
                }
            }
        };
        format!("{} {now}{trend}", self.title)
    }
}

/// The rule ids that fired at least once in an attempt, by `analyze`.
pub fn fired_rules(a: &Attempt, analyze: Analyze<'_>) -> Vec<&'static str> {
    finding_counts(&a.analyze_sections_with(analyze))
        .into_iter()
        .map(|(rule, _)| rule)
        .collect()
}

/// Habits over answers given newest first (each: the rules that fired in
/// it). Every rule that fired in either window, most frequent first, ties in
/// registry order.
pub fn habits(fired_newest_first: &[Vec<&'static str>]) -> Vec<Habit> {
    let window = fired_newest_first.len().min(WINDOW);
    if window == 0 {
        return Vec::new();
    }
    let (recent, rest) = fired_newest_first.split_at(window);
    let earlier = &rest[..rest.len().min(WINDOW)];
    let count = |answers: &[Vec<&'static str>], rule: &str| {
        answers.iter().filter(|a| a.contains(&rule)).count()
    };
    let mut out: Vec<Habit> = RULES
        .iter()
        .map(|info| Habit {
            rule: info.id,
            title: info.title,
            recent: count(recent, info.id),
            window,
            before: (!earlier.is_empty()).then(|| (count(earlier, info.id), earlier.len())),
        })
        .filter(|h| h.recent > 0 || h.before.is_some_and(|(b, _)| b > 0))
        .collect();
    sorting::sort_by(&mut out, |a, b| {
        (b.recent, b.before.map(|x| x.0)).cmp(&(a.recent, a.before.map(|x| x.0)))
    });
    out
}

/// A dimension that held a gate back, and how often.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Holdback {
    pub rubric: RubricId,
    pub dim: Dim,
    pub title: &'static str,
    /// Rounds after which the gate named this dimension.
    pub times: usize,
    /// Rounds of the rubric in all.
    pub rounds: usize,
}

impl Holdback {
    /// "Recovery held the Failure diagnostic gate back after 3 of your 4 rounds".
    pub fn line(&self) -> String {
        let r = rubric::rubric(self.rubric).title;
        match self.rounds {
            1 => format!("{} held the {r} gate back after your one round", self.title),
            n => format!(
                "{} held the {r} gate back after {} of your {n} rounds",
                self.title, self.times
            ),
        }
    }
}

/// For every rubric, the gate read after each of its rounds (the same
/// `rubric::gate` every screen uses); dimensions by how often it named them,
/// most often first.
pub fn holdbacks(all: &[AttemptSummary]) -> Vec<Holdback> {
    let mut out = Vec::new();
    for id in RubricId::ALL {
        let r = rubric::rubric(id);
        let rounds = readiness::rounds(all, id);
        let newest_first: Vec<&[Mark]> = rounds
            .iter()
            .rev()
            .map(|x| x.scores.values.as_slice())
            .collect();
        let n = newest_first.len();
        let mut times = vec![0usize; r.dimensions.len()];
        for k in 1..=n {
            let g = rubric::gate(id, &newest_first[n - k..]);
            for (i, d) in r.dimensions.iter().enumerate() {
                if g.holding_back.contains(&d.title) {
                    times[i] += 1;
                }
            }
        }
        for (d, &t) in r.dimensions.iter().zip(&times) {
            if t > 0 {
                out.push(Holdback {
                    rubric: id,
                    dim: d.id,
                    title: d.title,
                    times: t,
                    rounds: n,
                });
            }
        }
    }
    sorting::sort_by(&mut out, |a, b| b.times.cmp(&a.times));
    out
}

/// The drill to run next and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    pub drill: &'static Drill,
    pub reason: String,
}

/// The drill on `id` that trains `dim` most directly: the one listing it
/// earliest among its dimensions of that rubric, then the one with the fewest
/// such dimensions (the most focused), then catalogue order.
pub fn drill_for(id: RubricId, dim: Dim) -> Option<&'static Drill> {
    let on_rubric = |d: &Drill| -> Vec<Dim> {
        let r = rubric::rubric(id);
        d.dimensions
            .iter()
            .copied()
            .filter(|x| r.dimensions.iter().any(|rd| rd.id == *x))
            .collect()
    };
    DRILLS
        .iter()
        .filter(|d| d.rubrics.contains(&id))
        .filter_map(|d| {
            let dims = on_rubric(d);
            dims.iter()
                .position(|x| *x == dim)
                .map(|pos| ((pos, dims.len()), d))
        })
        .min_by_key(|(key, _)| *key)
        .map(|(_, d)| d)
}

/// When each drill was last run (`None`: never), in catalogue order. A
/// draft opened and left untouched (not listed in History) is no run.
fn last_run(all: &[AttemptSummary]) -> Vec<(&'static Drill, Option<i64>)> {
    DRILLS
        .iter()
        .map(|d| {
            let last = all
                .iter()
                .filter(|a| a.drill_id == d.id && a.is_listed())
                .map(|a| a.created_at_ms)
                .max();
            (d, last)
        })
        .collect()
}

/// The drill (of `rubric`, or any) run least recently; never run comes first.
fn least_recent(
    all: &[AttemptSummary],
    rubric: Option<RubricId>,
) -> Option<(&'static Drill, bool)> {
    last_run(all)
        .into_iter()
        .filter(|(d, _)| rubric.is_none_or(|r| d.rubrics.contains(&r)))
        .min_by_key(|(_, last)| last.map_or(i64::MIN, |t| t))
        .map(|(d, last)| (d, last.is_none()))
}

fn run_before(drill: &Drill, never: bool) -> String {
    if never {
        format!("you have not run {} yet", drill.title)
    } else {
        format!("{} is the one you ran least recently", drill.title)
    }
}

/// One drill to run next: the drill that trains the dimension holding a gate
/// back most often (among gates that read "Not yet" now); else, for a gate
/// that only needs more rounds, that rubric's least recently run drill; else
/// the least recently run drill of all.
pub fn suggest(all: &[AttemptSummary], holdbacks: &[Holdback]) -> Option<Suggestion> {
    let current: Vec<readiness::Readiness> = RubricId::ALL
        .iter()
        .map(|&id| readiness::now(all, id))
        .collect();
    let still_holding = holdbacks.iter().find(|h| {
        current
            .iter()
            .any(|c| c.rubric == h.rubric && c.gate.holding_back.contains(&h.title))
    });
    if let Some(h) = still_holding {
        if let Some(drill) = drill_for(h.rubric, h.dim) {
            return Some(Suggestion {
                drill,
                reason: format!("{}; {} trains it most directly.", h.line(), drill.title),
            });
        }
    }
    if let Some(c) = current
        .iter()
        .find(|c| !c.gate.ready && c.gate.rounds > 0 && c.gate.holding_back.is_empty())
    {
        if let Some((drill, never)) = least_recent(all, Some(c.rubric)) {
            let title = rubric::rubric(c.rubric).title;
            return Some(Suggestion {
                drill,
                reason: format!(
                    "Readiness on {title} needs another scored round, and {}.",
                    run_before(drill, never)
                ),
            });
        }
    }
    least_recent(all, None).map(|(drill, never)| {
        let mut reason = run_before(drill, never);
        reason[..1].make_ascii_uppercase();
        reason.push('.');
        Suggestion { drill, reason }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::attempt::RubricScores;
    use RubricId::{FailureDiagnostic as FD, SampledPerformance as SP};

    fn answers(pattern: &str) -> Vec<Vec<&'static str>> {
        // One char per answer, newest first: 'w' vague-we fired, 'b' both
        // vague-we and blame, '.' nothing.
        pattern
            .chars()
            .map(|c| match c {
                'w' => vec!["vague-we"],
                'b' => vec!["vague-we", "blame"],
                _ => vec![],
            })
            .collect()
    }

    #[test]
    fn habits_count_answers_per_rule_over_two_windows() {
        // (answers newest first, expected lines)
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            ("..........", &[]),
            ("w", &["Vague \"we\" in your last answer"]),
            ("www.", &["Vague \"we\" in 3 of your last 4 answers"]),
            // The example: 6 of the last 10, 9 of the 10 before.
            (
                "wwwwww....wwwwwwwww.",
                &["Vague \"we\" in 6 of your last 10 answers, down from 9"],
            ),
            (
                "bb........w.........",
                &[
                    "Vague \"we\" in 2 of your last 10 answers, up from 1",
                    "Blame in 2 of your last 10 answers, up from 0",
                ],
            ),
            (
                "w.........w.........",
                &["Vague \"we\" in 1 of your last 10 answers, as in the 10 before"],
            ),
            // A partial earlier window is named with its size.
            (
                "w.........ww",
                &["Vague \"we\" in 1 of your last 10 answers, down from 2 of the 2 before"],
            ),
            // A habit that stopped is still worth a line.
            (
                "..........ww",
                &["Vague \"we\" in 0 of your last 10 answers, down from 2 of the 2 before"],
            ),
            // Answers beyond the two windows do not count.
            (
                "..........w.........wwwwwwwwww",
                &["Vague \"we\" in 0 of your last 10 answers, down from 1"],
            ),
        ];
        for (pattern, want) in cases {
            let got: Vec<String> = habits(&answers(pattern)).iter().map(Habit::line).collect();
            assert_eq!(got, *want, "{pattern}");
        }
    }

    #[test]
    fn habits_follow_the_registry() {
        let every: Vec<&'static str> = RULES.iter().map(|r| r.id).collect();
        let h = habits(&[every]);
        let titles: Vec<&str> = h.iter().map(|x| x.title).collect();
        let want: Vec<&str> = RULES.iter().map(|r| r.title).collect();
        assert_eq!(titles, want);
    }

    fn round(
        id: &str,
        drill: &str,
        at: i64,
        rubric: RubricId,
        values: Vec<Mark>,
    ) -> AttemptSummary {
        let mut a = Attempt::new(id, drill, "", at, 0);
        a.record_scores(RubricScores {
            rubric,
            values,
            note: String::new(),
            scored_at_ms: at,
        });
        AttemptSummary::of(&a)
    }

    fn fd(recovery: u8, ownership: u8) -> Vec<Mark> {
        vec![
            Some(3),
            Some(3),
            Some(3),
            Some(3),
            Some(ownership),
            Some(3),
            Some(recovery),
        ]
    }

    #[test]
    fn holdbacks_count_the_gate_after_each_round() {
        let all = [
            round("1", "hint-recovery", 10, FD, fd(1, 3)),
            round("2", "hint-recovery", 20, FD, fd(1, 1)),
            round("3", "failure-taxonomy-replay", 30, FD, fd(3, 3)),
            round("4", "failure-taxonomy-replay", 40, FD, fd(0, 3)),
        ];
        let lines: Vec<String> = holdbacks(&all).iter().map(Holdback::line).collect();
        assert_eq!(
            lines,
            [
                "Recovery held the Failure diagnostic gate back after 4 of your 4 rounds",
                "Ownership evidence held the Failure diagnostic gate back after 2 of your 4 rounds",
            ]
        );
        assert!(holdbacks(&[]).is_empty());
    }

    #[test]
    fn drill_for_picks_the_drill_that_trains_the_dimension_first() {
        let cases = [
            (FD, Dim::Recovery, "hint-recovery"),
            (FD, Dim::OwnershipEvidence, "attribution-split"),
            (FD, Dim::ScopeControl, "baseline-before-machinery"),
            (FD, Dim::ProductionJudgment, "incident-triage"),
            (FD, Dim::ReasoningVisibility, "evidence-replay"),
            (SP, Dim::Recovery, "recovery-practice"),
            (SP, Dim::SignalCoverage, "signal-labeling"),
        ];
        for (r, dim, want) in cases {
            assert_eq!(drill_for(r, dim).map(|d| d.id), Some(want), "{r:?} {dim:?}");
        }
        // Every dimension of every rubric has a drill to suggest.
        for id in RubricId::ALL {
            for d in rubric::rubric(id).dimensions {
                assert!(drill_for(id, d.id).is_some(), "{id:?} {:?}", d.id);
            }
        }
        assert!(drill_for(SP, Dim::ScopeControl).is_none());
    }

    #[test]
    fn one_suggestion_with_its_reason() {
        let holding = [
            round("1", "failure-taxonomy-replay", 10, FD, fd(1, 3)),
            round("2", "failure-taxonomy-replay", 20, FD, fd(0, 3)),
        ];
        let s = suggest(&holding, &holdbacks(&holding)).expect("a suggestion");
        assert_eq!(s.drill.id, "hint-recovery");
        assert_eq!(
            s.reason,
            "Recovery held the Failure diagnostic gate back after 2 of your 2 rounds; Hint recovery trains it most directly."
        );

        // One good round: the gate needs another round on its rubric.
        let one = [round("1", "evidence-replay", 10, FD, fd(3, 3))];
        let s = suggest(&one, &holdbacks(&one)).expect("a suggestion");
        assert_eq!(s.drill.id, "attribution-split");
        assert_eq!(
            s.reason,
            "Readiness on Failure diagnostic needs another scored round, and you have not run Attribution split yet."
        );

        // Nothing yet: the first drill of the catalogue.
        let s = suggest(&[], &[]).expect("a suggestion");
        assert_eq!(
            (s.drill.id, s.reason.as_str()),
            ("evidence-replay", "You have not run Evidence replay yet.")
        );

        // Every drill run, every gate ready or untouched: the stalest drill.
        let run = |i: usize, drill: &str, at: i64| {
            let mut a = Attempt::new(format!("a{i}"), drill, "", at, 0);
            a.timer.started_at = Some(at);
            AttemptSummary::of(&a)
        };
        let mut all: Vec<AttemptSummary> = DRILLS
            .iter()
            .enumerate()
            .map(|(i, d)| run(i, d.id, 100 - i as i64))
            .collect();
        all.push(round("r1", "hint-recovery", 200, FD, fd(3, 3)));
        all.push(round("r2", "hint-recovery", 201, FD, fd(3, 3)));
        let s = suggest(&all, &holdbacks(&all)).expect("a suggestion");
        // The last drill of the catalogue was created first.
        assert_eq!(s.drill.id, "postmortem");
        assert_eq!(s.reason, "Postmortem is the one you ran least recently.");

        // A draft opened and left untouched is no run: still suggested.
        let last = all.iter().position(|a| a.drill_id == "postmortem");
        let mut blank = all[last.expect("in the catalogue")].clone();
        blank.started = false;
        all.retain(|a| a.drill_id != "postmortem");
        all.push(blank);
        let s = suggest(&all, &holdbacks(&all)).expect("a suggestion");
        assert_eq!(
            (s.drill.id, s.reason.as_str()),
            ("postmortem", "You have not run Postmortem yet.")
        );
    }
}
