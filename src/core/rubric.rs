//! The two self-score rubrics of the brief and their readiness gates.
//!
//! Each level carries its own description because the UI shows it next to the
//! control: scoring against written anchors is honest, scoring a bare number is
//! vibes. The anchor levels (0, 2 and 4 of Failure diagnostic; 1, 3 and 5 of
//! Sampled performance) carry the brief's anchors word for word, so no point
//! of the source material is lost; the levels between are ours.
//!
//! A round holds one mark per dimension: a score, or "not tested in this
//! drill" (see `drills::Drill::dimensions`). Untested dimensions are left out
//! of averages and gates. [`gate`] is the one function that turns rounds into
//! a verdict; `readiness` collects the rounds for every screen and export.

use crate::core::drills::{Dim, Drill, RubricId};

/// One scored level of a dimension, with the anchor the user scores against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Level {
    pub score: u8,
    pub description: &'static str,
}

/// One scored dimension of a rubric. `levels` is ordered from `min` to `max`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dimension {
    pub id: Dim,
    /// Shown as the radio group's name.
    pub title: &'static str,
    pub levels: &'static [Level],
}

impl Dimension {
    /// The level with this score, if the score is in range.
    pub fn level(&self, score: u8) -> Option<&'static Level> {
        self.levels.iter().find(|l| l.score == score)
    }
}

/// A rubric: an ordered list of dimensions, all scored on `min..=max`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rubric {
    pub id: RubricId,
    pub title: &'static str,
    /// One line shown wherever the rubric is named: what it measures and
    /// when to use it.
    pub about: &'static str,
    pub dimensions: &'static [Dimension],
    pub min: u8,
    pub max: u8,
    /// The readiness gate in one sentence, as the brief states it.
    pub gate_rule: &'static str,
    /// What a "Ready" verdict lets the user rely on, ending its reason.
    pub gates: &'static str,
    /// The lowest score a dimension may have without holding the gate back
    /// (Failure diagnostic: 2, since 0 and 1 are brittle; Sampled
    /// performance: 3, "no dimension below 3"). Plots draw the gate line
    /// half a point below it, so no score ever sits on the line.
    pub pass_from: u8,
    /// The average the latest round needs, if the gate has one.
    pub average_from: Option<u8>,
}

/// One dimension's mark in a round: `Some(score)`, or `None` for "not
/// tested in this drill".
pub type Mark = Option<u8>;

const fn lv(score: u8, description: &'static str) -> Level {
    Level { score, description }
}

const fn dim(id: Dim, title: &'static str, levels: &'static [Level]) -> Dimension {
    Dimension { id, title, levels }
}

static FAILURE_DIAGNOSTIC: Rubric = Rubric {
    id: RubricId::FailureDiagnostic,
    title: "Failure diagnostic",
    about: "Failure diagnostic scores, 0 to 4, the seven ways strong engineers fail senior interviews; use it after core and scenario drills to find a brittle pattern before an interviewer does.",
    min: 0,
    max: 4,
    gate_rule: "Ready needs at least two scored rounds and no 0 or 1 in any dimension of the two most recent; a 0 or 1 in the latest round is always \"Not yet\".",
    gates: "no brittle pattern is left for a senior loop to find",
    pass_from: 2,
    average_from: None,
    dimensions: &[
        dim(Dim::Clarification, "Clarification", &[
            lv(0, "Starts solving at once."),
            lv(1, "Asks a question or two, then solves without using the answers."),
            lv(2, "Asks the obvious questions, misses success criteria or constraints."),
            lv(3, "Asks about goals, constraints and success criteria before solving; users, assumptions or unacceptable failures stay unstated."),
            lv(4, "Before committing, frames users, goals, constraints, assumptions and the failures that would be unacceptable."),
        ]),
        dim(Dim::ReasoningVisibility, "Reasoning visibility", &[
            lv(0, "Conclusions only."),
            lv(1, "An occasional reason, and only when asked; alternatives never named."),
            lv(2, "Explains some choices, and only when prompted."),
            lv(3, "Explains most choices unprompted and names some alternatives; trade-offs or the level of detail are uneven."),
            lv(4, "Decisions, alternatives and trade-offs visible, at the level of detail the round needs."),
        ]),
        dim(Dim::ScopeControl, "Scope control", &[
            lv(0, "Over- or under-builds."),
            lv(1, "Roughly fits, but adds a component nothing needs or leaves out one that is needed."),
            lv(2, "Plausible components, unevenly justified."),
            lv(3, "A fit-for-purpose baseline; some thresholds for evolving it named, others vague (\"at scale\")."),
            lv(4, "A fit-for-purpose baseline, and the thresholds at which it would evolve."),
        ]),
        dim(Dim::CorrectnessTesting, "Correctness and testing", &[
            lv(0, "Skips validation."),
            lv(1, "Walks one example through; testing waved away."),
            lv(2, "Happy paths, or tests mentioned only in general."),
            lv(3, "Edge cases and some failure paths; the assumptions that matter stay implicit."),
            lv(4, "Edge cases, failure paths, and the assumptions that matter to this round."),
        ]),
        dim(Dim::OwnershipEvidence, "Ownership evidence", &[
            lv(0, "Vague \"we\", or claims too much."),
            lv(1, "Mostly \"we\"; an \"I\" appears, but what I did stays unclear."),
            lv(2, "Some personal action."),
            lv(3, "Own contribution kept apart from the team outcome; influence or other owners thin."),
            lv(4, "Team outcome, own contribution, influence and other owners kept apart precisely."),
        ]),
        dim(Dim::ProductionJudgment, "Production judgment", &[
            lv(0, "Operations as an afterthought."),
            lv(1, "Production concerns only when asked, as a list."),
            lv(2, "Metrics or rollback mentioned in general."),
            lv(3, "Several of failure, observability, security, cost, rollout and support designed in; the rest missing or generic."),
            lv(4, "Failure, observability, security, cost, rollout and support built into the answer."),
        ]),
        dim(Dim::Recovery, "Recovery", &[
            lv(0, "Freezes, argues or keeps apologising."),
            lv(1, "Takes the new information only after resisting it, or starts over from scratch."),
            lv(2, "Takes the hint but loses the structure."),
            lv(3, "Takes the hint and keeps most of the structure, with some hesitation."),
            lv(4, "Uses the new information to revise calmly and keep moving."),
        ]),
    ],
};

static SAMPLED_PERFORMANCE: Rubric = Rubric {
    id: RubricId::SampledPerformance,
    title: "Sampled performance",
    about: "Sampled performance scores, 1 to 5, how one timed answer comes across as a sample of your work; use it on practice rounds to judge when live mock interviews can become your main practice.",
    min: 1,
    max: 5,
    gate_rule: "Ready when the latest round averages 4 or more with no dimension below 3.",
    gates: "you can rely on live mock interviews as your main practice",
    pass_from: 3,
    average_from: Some(4),
    dimensions: &[
        dim(Dim::Framing, "Framing", &[
            lv(1, "Jumps straight to answers."),
            lv(2, "Clarifies a requirement or two, then jumps in."),
            lv(3, "Clarifies the obvious requirements."),
            lv(4, "Clarifies the requirements and states goals and constraints; assumptions or the plan stay partial."),
            lv(5, "Turns ambiguity into goals, constraints, assumptions and a plan."),
        ]),
        dim(Dim::Evidence, "Evidence", &[
            lv(1, "Claims."),
            lv(2, "Claims with an example or two, thinly told."),
            lv(3, "Examples, but impact or trade-offs missing."),
            lv(4, "Concrete actions and outcomes; alternatives or reflection thin."),
            lv(5, "Concrete actions, alternatives considered, outcomes, and reflection."),
        ]),
        dim(Dim::TimeControl, "Time control", &[
            lv(1, "Often runs out of time."),
            lv(2, "Runs out of time in some rounds; depth goes to the wrong parts."),
            lv(3, "Finishes some rounds, depth uneven."),
            lv(4, "Finishes on time with depth where it matters, but adjusts late."),
            lv(5, "Spends time on purpose and adjusts when behind."),
        ]),
        dim(Dim::SignalCoverage, "Signal coverage", &[
            lv(1, "One strength only."),
            lv(2, "A second signal now and then; the round's main signal is thin."),
            lv(3, "Covers the round's main signal."),
            lv(4, "The round's main signal and one or two more relevant ones."),
            lv(5, "Several relevant senior signals visible."),
        ]),
        dim(Dim::Recovery, "Recovery", &[
            lv(1, "Freezes or turns defensive."),
            lv(2, "Accepts the hint, but slowly or grudgingly."),
            lv(3, "Takes the hint but loses the structure."),
            lv(4, "Takes the hint and keeps most of the structure."),
            lv(5, "Updates calmly and keeps moving."),
        ]),
        dim(Dim::Reflection, "Reflection", &[
            lv(1, "Ends answers abruptly."),
            lv(2, "A closing remark, but no lesson."),
            lv(3, "Lessons mentioned vaguely."),
            lv(4, "A specific lesson, not yet tied to a change."),
            lv(5, "Says what changed afterwards, in behaviour or in systems."),
        ]),
    ],
};

/// The rubric with this id.
pub fn rubric(id: RubricId) -> &'static Rubric {
    match id {
        RubricId::FailureDiagnostic => &FAILURE_DIAGNOSTIC,
        RubricId::SampledPerformance => &SAMPLED_PERFORMANCE,
    }
}

/// Per dimension of `id`, whether `drill` exercises it. An unknown drill
/// (an attempt of a drill no longer in the catalogue) tests everything.
pub fn tested_in(drill: Option<&Drill>, id: RubricId) -> Vec<bool> {
    rubric(id)
        .dimensions
        .iter()
        .map(|d| drill.is_none_or(|dr| dr.exercises(d.id)))
        .collect()
}

/// Checks one round: one mark per dimension, in dimension order, each score
/// within the rubric's range, at least one dimension scored. The message is
/// shown to the user as is.
pub fn validate_scores(id: RubricId, marks: &[Mark]) -> Result<(), String> {
    let r = rubric(id);
    if marks.len() != r.dimensions.len() {
        return Err(format!(
            "{} needs {} scores, got {}.",
            r.title,
            r.dimensions.len(),
            marks.len()
        ));
    }
    for (d, m) in r.dimensions.iter().zip(marks) {
        if let Some(s) = *m {
            if !(r.min..=r.max).contains(&s) {
                return Err(format!(
                    "{}: score {s} is outside {}–{}.",
                    d.title, r.min, r.max
                ));
            }
        }
    }
    if marks.iter().all(Option::is_none) {
        return Err(format!(
            "{}: score at least one dimension; all are marked not tested.",
            r.title
        ));
    }
    Ok(())
}

/// The readiness gate's verdict with its one-line reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GateResult {
    pub ready: bool,
    /// One line: for "Ready", the evidence and what it lets the user rely
    /// on; for "Not yet", which dimension scored what in which round.
    pub reason: String,
    /// Titles of the dimensions holding readiness back, in rubric order.
    pub holding_back: Vec<&'static str>,
    /// How many rounds of this rubric were counted (from every drill).
    pub rounds: usize,
}

impl GateResult {
    /// "Ready" or "Not yet".
    pub fn verdict(&self) -> &'static str {
        if self.ready {
            "Ready"
        } else {
            "Not yet"
        }
    }

    /// The verdict and its reason on one line, the same words everywhere.
    pub fn summary(&self) -> String {
        format!("{}: {}", self.verdict(), self.reason)
    }

    /// "Counted over your 3 Failure diagnostic rounds, from every drill."
    pub fn rounds_line(&self, id: RubricId) -> String {
        let title = rubric(id).title;
        match self.rounds {
            0 => format!("No {title} round scored yet."),
            1 => format!("Counted over your 1 {title} round, from every drill."),
            n => format!("Counted over your {n} {title} rounds, from every drill."),
        }
    }
}

/// Computes the readiness gate of a rubric from its rounds of marks, newest
/// first (each round in dimension order; the newest is round `len`). Invalid
/// rounds never panic: the gate says "Not yet" and names the problem, since a
/// gate built on bad data is not one the user should trust.
pub fn gate(id: RubricId, rounds_newest_first: &[&[Mark]]) -> GateResult {
    let r = rubric(id);
    let n = rounds_newest_first.len();
    let counted = match id {
        RubricId::FailureDiagnostic => 2,
        RubricId::SampledPerformance => 1,
    };
    let invalid = rounds_newest_first
        .iter()
        .take(counted)
        .enumerate()
        .find_map(|(i, round)| {
            validate_scores(id, round)
                .err()
                .map(|e| format!("round {} has invalid scores. {e}", n - i))
        });
    let (ready, reason, holding) = match invalid {
        Some(reason) => (false, reason, Vec::new()),
        None => match id {
            RubricId::FailureDiagnostic => failure_diagnostic(r, rounds_newest_first),
            RubricId::SampledPerformance => sampled_performance(r, rounds_newest_first),
        },
    };
    GateResult {
        ready,
        reason,
        holding_back: holding.into_iter().map(|i| r.dimensions[i].title).collect(),
        rounds: n,
    }
}

/// (ready, reason, indices of the dimensions holding it back)
type Verdict = (bool, String, Vec<usize>);

/// Brief: ready needs at least two scored rounds and no 0 or 1 in any
/// dimension of the two most recent; older rounds do not count.
fn failure_diagnostic(r: &Rubric, rounds: &[&[Mark]]) -> Verdict {
    let n = rounds.len();
    let Some(&latest) = rounds.first() else {
        return (
            false,
            "no round scored yet; readiness needs two".to_owned(),
            Vec::new(),
        );
    };
    let previous = rounds.get(1).copied();
    let low = |round: &[Mark], i: usize| round[i].is_some_and(|s| s < r.pass_from);
    let (mut both, mut latest_only, mut previous_only) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..r.dimensions.len() {
        match (low(latest, i), previous.is_some_and(|p| low(p, i))) {
            (true, true) => both.push(i),
            (true, false) => latest_only.push(i),
            (false, true) => previous_only.push(i),
            (false, false) => {}
        }
    }
    let mut parts = Vec::new();
    if let Some(prev) = previous {
        if !both.is_empty() {
            let place = format!("rounds {} and {n}", n - 1);
            parts.push(low_group(r, &both, &[prev, latest], &place));
        }
    }
    if !latest_only.is_empty() {
        parts.push(low_group(r, &latest_only, &[latest], &format!("round {n}")));
    }
    if let Some(prev) = previous {
        if !previous_only.is_empty() {
            let place = format!("round {}", n - 1);
            parts.push(low_group(r, &previous_only, &[prev], &place));
        }
    }
    if n < 2 {
        parts.push("readiness needs two rounds (1 so far)".to_owned());
    }
    if parts.is_empty() {
        let reason = format!(
            "no dimension scored 0 or 1 in rounds {} and {n}, so {}",
            n - 1,
            r.gates
        );
        return (true, reason, Vec::new());
    }
    // In rubric order; filtered, not sorted (a sort would add its own copy
    // of the sorting code to the wasm).
    let holding = (0..r.dimensions.len())
        .filter(|i| both.contains(i) || latest_only.contains(i) || previous_only.contains(i))
        .collect();
    (false, parts.join("; "), holding)
}

/// Brief: the latest round averages 4 or more with no dimension below 3.
/// Only scored dimensions count. The average is compared in integers
/// (sum ≥ 4 × count) so that exactly 4.0 is never lost to floating point.
/// When the average alone falls short, the dimensions below 4 hold it back:
/// raising any of them is what lifts the average.
fn sampled_performance(r: &Rubric, rounds: &[&[Mark]]) -> Verdict {
    let n = rounds.len();
    let Some(&latest) = rounds.first() else {
        return (false, "no round scored yet".to_owned(), Vec::new());
    };
    let need = u32::from(r.average_from.unwrap_or(r.min));
    let scored: Vec<(usize, u8)> = latest
        .iter()
        .enumerate()
        .filter_map(|(i, m)| m.map(|s| (i, s)))
        .collect();
    let sum: u32 = scored.iter().map(|&(_, s)| u32::from(s)).sum();
    // `validate_scores` guarantees at least one scored dimension.
    let count = (scored.len() as u32).max(1);
    let average = tenths(sum * 10 / count);
    let average_ok = sum >= need * count;
    let below = |limit: u8| -> Vec<usize> {
        scored
            .iter()
            .filter(|&&(_, s)| s < limit)
            .map(|&(i, _)| i)
            .collect()
    };
    let floor = below(r.pass_from);
    if average_ok && floor.is_empty() {
        let reason = format!(
            "round {n} averages {average} with nothing below {}, so {}",
            r.pass_from, r.gates
        );
        return (true, reason, Vec::new());
    }
    let mut parts = Vec::new();
    if !floor.is_empty() {
        parts.push(low_group(r, &floor, &[latest], &format!("round {n}")));
    }
    if !average_ok {
        let subject = if floor.is_empty() {
            format!("round {n} averages")
        } else {
            "its average is".to_owned()
        };
        parts.push(format!("{subject} {average} (needs {need}.0)"));
    }
    let holding = if floor.is_empty() {
        below(u8::try_from(need).unwrap_or(r.max))
    } else {
        floor
    };
    (false, parts.join("; "), holding)
}

/// "Recovery scored 1 in round 3", "Clarification and Recovery scored 0 or 1
/// in rounds 2 and 3", "all 7 dimensions scored 0 in round 3". `rounds` are
/// the rounds the group is low in; every listed dimension is scored in each.
fn low_group(r: &Rubric, dims: &[usize], rounds: &[&[Mark]], place: &str) -> String {
    let scores: Vec<u8> = rounds
        .iter()
        .flat_map(|round| dims.iter().filter_map(|&i| round[i]))
        .collect();
    let what = match scores.split_first() {
        Some((&first, rest)) if rest.iter().all(|&s| s == first) => format!("scored {first}"),
        // Both gates' failing range is two scores wide (0–1; 1–2).
        _ => format!("scored {} or {}", r.min, r.pass_from - 1),
    };
    let scored_in_latest = rounds
        .last()
        .map_or(0, |round| round.iter().filter(|m| m.is_some()).count());
    let subject = if dims.len() > 2 && dims.len() == scored_in_latest {
        if dims.len() == r.dimensions.len() {
            format!("all {} dimensions", dims.len())
        } else {
            format!("all {} tested dimensions", dims.len())
        }
    } else {
        let titles: Vec<&str> = dims.iter().map(|&i| r.dimensions[i].title).collect();
        join_titles(&titles)
    };
    format!("{subject} {what} in {place}")
}

/// Tenths as "3.8"; callers round down, so 3.95 never displays as "4.0".
fn tenths(t: u32) -> String {
    format!("{}.{}", t / 10, t % 10)
}

/// "A", "A and B", "A, B and C".
pub fn join_titles(titles: &[&str]) -> String {
    match titles {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use RubricId::{FailureDiagnostic as FD, SampledPerformance as SP};

    #[test]
    fn rubrics_match_the_brief() {
        let fd = rubric(FD);
        assert_eq!(fd.title, "Failure diagnostic");
        assert_eq!((fd.min, fd.max), (0, 4));
        let titles: Vec<_> = fd.dimensions.iter().map(|d| d.title).collect();
        assert_eq!(
            titles,
            [
                "Clarification",
                "Reasoning visibility",
                "Scope control",
                "Correctness and testing",
                "Ownership evidence",
                "Production judgment",
                "Recovery"
            ]
        );
        let sp = rubric(SP);
        assert_eq!(sp.title, "Sampled performance");
        assert_eq!((sp.min, sp.max), (1, 5));
        let titles: Vec<_> = sp.dimensions.iter().map(|d| d.title).collect();
        assert_eq!(
            titles,
            [
                "Framing",
                "Evidence",
                "Time control",
                "Signal coverage",
                "Recovery",
                "Reflection"
            ]
        );
        for id in RubricId::ALL {
            let r = rubric(id);
            assert_eq!(r.id, id);
            assert_eq!(r.title, id.title());
            assert!(r.about.starts_with(r.title), "{}", r.about);
            assert!(r.about.contains("; use it "), "{}", r.about);
            assert_eq!(r.pass_from - r.min, 2, "failing scores are the lowest two");
        }
    }

    /// The brief's anchors, word for word (BRIEF.md, "The two rubrics").
    const ANCHORS: &[(RubricId, &str, [&str; 3])] = &[
        (FD, "Clarification", [
            "starts solving at once",
            "asks the obvious questions, misses success criteria or constraints",
            "before committing, frames users, goals, constraints, assumptions and the failures that would be unacceptable",
        ]),
        (FD, "Reasoning visibility", [
            "conclusions only",
            "explains some choices, and only when prompted",
            "decisions, alternatives and trade-offs visible, at the level of detail the round needs",
        ]),
        (FD, "Scope control", [
            "over- or under-builds",
            "plausible components, unevenly justified",
            "a fit-for-purpose baseline, and the thresholds at which it would evolve",
        ]),
        (FD, "Correctness and testing", [
            "skips validation",
            "happy paths, or tests mentioned only in general",
            "edge cases, failure paths, and the assumptions that matter to this round",
        ]),
        (FD, "Ownership evidence", [
            "vague \"we\", or claims too much",
            "some personal action",
            "team outcome, own contribution, influence and other owners kept apart precisely",
        ]),
        (FD, "Production judgment", [
            "operations as an afterthought",
            "metrics or rollback mentioned in general",
            "failure, observability, security, cost, rollout and support built into the answer",
        ]),
        (FD, "Recovery", [
            "freezes, argues or keeps apologising",
            "takes the hint but loses the structure",
            "uses the new information to revise calmly and keep moving",
        ]),
        (SP, "Framing", [
            "jumps straight to answers",
            "clarifies the obvious requirements",
            "turns ambiguity into goals, constraints, assumptions and a plan",
        ]),
        (SP, "Evidence", [
            "claims",
            "examples, but impact or trade-offs missing",
            "concrete actions, alternatives considered, outcomes, and reflection",
        ]),
        (SP, "Time control", [
            "often runs out of time",
            "finishes some rounds, depth uneven",
            "spends time on purpose and adjusts when behind",
        ]),
        (SP, "Signal coverage", [
            "one strength only",
            "covers the round's main signal",
            "several relevant senior signals visible",
        ]),
        (SP, "Recovery", [
            "freezes or turns defensive",
            "takes the hint but loses the structure",
            "updates calmly and keeps moving",
        ]),
        (SP, "Reflection", [
            "ends answers abruptly",
            "lessons mentioned vaguely",
            "says what changed afterwards, in behaviour or in systems",
        ]),
    ];

    #[test]
    fn anchor_levels_carry_the_briefs_words() {
        let mut seen = 0;
        for (id, title, anchors) in ANCHORS {
            let r = rubric(*id);
            let d = r
                .dimensions
                .iter()
                .find(|d| d.title == *title)
                .unwrap_or_else(|| panic!("{title}"));
            for (k, anchor) in anchors.iter().enumerate() {
                let score = r.min + 2 * k as u8;
                let text = d.level(score).map(|l| l.description).unwrap_or_default();
                let mut want = anchor[..1].to_uppercase();
                want.push_str(&anchor[1..]);
                want.push('.');
                assert_eq!(text, want, "{title} {score}");
            }
            seen += 1;
        }
        let total: usize = RubricId::ALL
            .iter()
            .map(|&id| rubric(id).dimensions.len())
            .sum();
        assert_eq!(seen, total, "every dimension's anchors are checked");
    }

    #[test]
    fn every_dimension_describes_every_level_in_order() {
        for id in RubricId::ALL {
            let r = rubric(id);
            let mut ids = std::collections::HashSet::new();
            for d in r.dimensions {
                assert!(ids.insert(d.id), "duplicate id {:?}", d.id);
                let scores: Vec<u8> = d.levels.iter().map(|l| l.score).collect();
                let want: Vec<u8> = (r.min..=r.max).collect();
                assert_eq!(scores, want, "{}", d.title);
                for l in d.levels {
                    assert!(l.description.ends_with('.'), "{} {}", d.title, l.score);
                }
                assert!(d.level(r.max).is_some());
                assert!(d.level(r.max + 1).is_none());
            }
        }
    }

    #[test]
    fn validate_scores_checks_length_range_and_that_something_is_scored() {
        let s = |v: &[u8]| v.iter().map(|&x| Some(x)).collect::<Vec<Mark>>();
        let cases: &[(RubricId, Vec<Mark>, Result<(), &str>)] = &[
            (FD, s(&[0, 1, 2, 3, 4, 4, 0]), Ok(())),
            (
                FD,
                vec![Some(2), None, None, None, None, None, None],
                Ok(()),
            ),
            (
                FD,
                s(&[0, 1, 2, 3, 4, 4]),
                Err("Failure diagnostic needs 7 scores, got 6."),
            ),
            (
                FD,
                s(&[0, 1, 2, 3, 4, 4, 0, 0]),
                Err("Failure diagnostic needs 7 scores, got 8."),
            ),
            (
                FD,
                s(&[0, 1, 2, 3, 4, 5, 0]),
                Err("Production judgment: score 5 is outside 0–4."),
            ),
            (
                FD,
                vec![None; 7],
                Err("Failure diagnostic: score at least one dimension; all are marked not tested."),
            ),
            (FD, vec![], Err("Failure diagnostic needs 7 scores, got 0.")),
            (SP, s(&[1, 2, 3, 4, 5, 5]), Ok(())),
            (
                SP,
                s(&[0, 2, 3, 4, 5, 5]),
                Err("Framing: score 0 is outside 1–5."),
            ),
            (
                SP,
                s(&[1, 2, 3, 4, 5, 6]),
                Err("Reflection: score 6 is outside 1–5."),
            ),
        ];
        for (id, marks, want) in cases {
            let got = validate_scores(*id, marks);
            assert_eq!(
                got.as_ref().map_err(String::as_str),
                want.as_ref().map_err(|e| *e),
                "{id:?} {marks:?}"
            );
        }
    }

    /// (rounds newest first, ready, holding back, summary)
    type Case<'a> = (&'a [&'a [Mark]], bool, &'a [&'a str], &'a str);

    fn check(id: RubricId, cases: &[Case]) {
        for (rounds, ready, holding, summary) in cases {
            let g = gate(id, rounds);
            assert_eq!(g.summary(), *summary, "{rounds:?}");
            assert_eq!(g.ready, *ready, "{rounds:?}");
            assert_eq!(g.holding_back, *holding, "{rounds:?}");
            assert_eq!(g.rounds, rounds.len());
        }
    }

    const FD4: &[Mark] = &[Some(4); 7];
    const FD2: &[Mark] = &[Some(2); 7];
    const FD0: &[Mark] = &[Some(0); 7];
    const REC0: &[Mark] = &[
        Some(4),
        Some(4),
        Some(4),
        Some(4),
        Some(4),
        Some(4),
        Some(0),
    ];
    const REC1: &[Mark] = &[
        Some(4),
        Some(4),
        Some(4),
        Some(4),
        Some(4),
        Some(4),
        Some(1),
    ];
    /// Baseline before machinery: Correctness, Ownership and Recovery not tested.
    const BASE3: &[Mark] = &[Some(3), Some(3), Some(3), None, None, Some(3), None];
    const BASE0: &[Mark] = &[Some(0), Some(0), Some(0), None, None, Some(0), None];

    #[test]
    fn failure_diagnostic_gate() {
        let low: &[Mark] = &[
            Some(1),
            Some(4),
            Some(0),
            Some(4),
            Some(4),
            Some(4),
            Some(1),
        ];
        let clar1: &[Mark] = &[
            Some(1),
            Some(4),
            Some(4),
            Some(4),
            Some(4),
            Some(4),
            Some(4),
        ];
        let rec_untested: &[Mark] = &[Some(3), Some(3), Some(3), Some(3), Some(3), Some(3), None];
        check(FD, &[
            (&[], false, &[], "Not yet: no round scored yet; readiness needs two"),
            (&[FD4], false, &[], "Not yet: readiness needs two rounds (1 so far)"),
            (&[REC0], false, &["Recovery"], "Not yet: Recovery scored 0 in round 1; readiness needs two rounds (1 so far)"),
            (&[FD4, FD4], true, &[], "Ready: no dimension scored 0 or 1 in rounds 1 and 2, so no brittle pattern is left for a senior loop to find"),
            // 2 is the lowest passing score.
            (&[FD2, FD2], true, &[], "Ready: no dimension scored 0 or 1 in rounds 1 and 2, so no brittle pattern is left for a senior loop to find"),
            // A 0 or 1 in the latest round is always "Not yet", and says where.
            (&[REC0, FD4], false, &["Recovery"], "Not yet: Recovery scored 0 in round 2"),
            // ... and so is one in the round before it: both recent rounds count.
            (&[FD4, REC1], false, &["Recovery"], "Not yet: Recovery scored 1 in round 1"),
            (&[REC1, REC1], false, &["Recovery"], "Not yet: Recovery scored 1 in rounds 1 and 2"),
            (&[REC1, REC0], false, &["Recovery"], "Not yet: Recovery scored 0 or 1 in rounds 1 and 2"),
            // The journey: two good rounds, then a zero everywhere.
            (&[FD0, FD4, FD4], false, &["Clarification", "Reasoning visibility", "Scope control", "Correctness and testing", "Ownership evidence", "Production judgment", "Recovery"],
                "Not yet: all 7 dimensions scored 0 in round 3"),
            // Groups: low in both, low in the latest only, low in the previous only.
            (&[low, clar1], false, &["Clarification", "Scope control", "Recovery"],
                "Not yet: Clarification scored 1 in rounds 1 and 2; Scope control and Recovery scored 0 or 1 in round 2"),
            (&[clar1, low], false, &["Clarification", "Scope control", "Recovery"],
                "Not yet: Clarification scored 1 in rounds 1 and 2; Scope control and Recovery scored 0 or 1 in round 1"),
            // Only the two most recent rounds count.
            (&[FD4, FD2, REC0, REC0], true, &[], "Ready: no dimension scored 0 or 1 in rounds 3 and 4, so no brittle pattern is left for a senior loop to find"),
            (&[REC0, REC0, FD4], false, &["Recovery"], "Not yet: Recovery scored 0 in rounds 2 and 3"),
            // Not tested is never a low score, and never clears one either.
            (&[rec_untested, rec_untested], true, &[], "Ready: no dimension scored 0 or 1 in rounds 1 and 2, so no brittle pattern is left for a senior loop to find"),
            (&[rec_untested, REC1], false, &["Recovery"], "Not yet: Recovery scored 1 in round 1"),
            (&[BASE3, BASE3], true, &[], "Ready: no dimension scored 0 or 1 in rounds 1 and 2, so no brittle pattern is left for a senior loop to find"),
            (&[BASE0, FD4], false, &["Clarification", "Reasoning visibility", "Scope control", "Production judgment"],
                "Not yet: all 4 tested dimensions scored 0 in round 2"),
        ]);
    }

    #[test]
    fn sampled_performance_gate() {
        let s = |v: [u8; 6]| v.map(Some);
        let r44 = s([4, 4, 4, 4, 4, 4]);
        let r35 = s([3, 5, 4, 4, 4, 4]);
        let r2 = s([2, 5, 5, 5, 5, 5]);
        let r38 = s([3, 4, 4, 4, 4, 4]);
        let r12 = s([1, 2, 4, 4, 4, 4]);
        let r11 = s([1, 1, 1, 1, 1, 1]);
        let r33 = s([3, 3, 3, 3, 3, 3]);
        let r55 = s([5, 5, 5, 5, 5, 5]);
        // Recovery practice leaves Evidence untested.
        let untested: &[Mark] = &[Some(4), None, Some(4), Some(5), Some(4), Some(4)];
        let untested_low: &[Mark] = &[Some(3), None, None, None, None, None];
        check(SP, &[
            (&[], false, &[], "Not yet: no round scored yet"),
            (&[&r44], true, &[], "Ready: round 1 averages 4.0 with nothing below 3, so you can rely on live mock interviews as your main practice"),
            // Average exactly 4.0 with a dimension exactly 3.
            (&[&r35], true, &[], "Ready: round 1 averages 4.0 with nothing below 3, so you can rely on live mock interviews as your main practice"),
            (&[&r2], false, &["Framing"], "Not yet: Framing scored 2 in round 1"),
            // 23/6 = 3.83, shown rounded down.
            (&[&r38], false, &["Framing"], "Not yet: round 1 averages 3.8 (needs 4.0)"),
            (&[&r12], false, &["Framing", "Evidence"], "Not yet: Framing and Evidence scored 1 or 2 in round 1; its average is 3.1 (needs 4.0)"),
            // Only the latest round counts, and it is named by its number.
            (&[&r44, &r11], true, &[], "Ready: round 2 averages 4.0 with nothing below 3, so you can rely on live mock interviews as your main practice"),
            (&[&r33, &r55], false, &["Framing", "Evidence", "Time control", "Signal coverage", "Recovery", "Reflection"], "Not yet: round 2 averages 3.0 (needs 4.0)"),
            (&[&r11, &r55], false, &["Framing", "Evidence", "Time control", "Signal coverage", "Recovery", "Reflection"],
                "Not yet: all 6 dimensions scored 1 in round 2; its average is 1.0 (needs 4.0)"),
            // Untested dimensions are out of the average and the floor.
            (&[untested], true, &[], "Ready: round 1 averages 4.2 with nothing below 3, so you can rely on live mock interviews as your main practice"),
            (&[untested_low], false, &["Framing"], "Not yet: round 1 averages 3.0 (needs 4.0)"),
        ]);
    }

    #[test]
    fn invalid_rounds_say_not_yet_and_which_round() {
        let short: &[Mark] = &[Some(4), Some(4)];
        let g = gate(FD, &[FD4, short]);
        assert_eq!(
            g.summary(),
            "Not yet: round 1 has invalid scores. Failure diagnostic needs 7 scores, got 2."
        );
        let nine: &[Mark] = &[Some(9), Some(4), Some(4), Some(4), Some(4), Some(4)];
        let g = gate(SP, &[nine]);
        assert_eq!(
            g.summary(),
            "Not yet: round 1 has invalid scores. Framing: score 9 is outside 1–5."
        );
        // An invalid round older than the rounds that count does not matter.
        assert!(gate(FD, &[FD4, FD4, short]).ready);
        assert!(!gate(SP, &[&[]]).ready);
    }

    #[test]
    fn rounds_are_counted_per_rubric_in_words() {
        assert_eq!(
            gate(FD, &[]).rounds_line(FD),
            "No Failure diagnostic round scored yet."
        );
        assert_eq!(
            gate(FD, &[FD4]).rounds_line(FD),
            "Counted over your 1 Failure diagnostic round, from every drill."
        );
        assert_eq!(
            gate(FD, &[FD4, FD4, FD4]).rounds_line(FD),
            "Counted over your 3 Failure diagnostic rounds, from every drill."
        );
    }

    #[test]
    fn tested_in_follows_the_catalogue() {
        use crate::core::drills::drill;
        let t = |id: &str, r| tested_in(drill(id), r);
        // (drill, rubric, tested per dimension in rubric order)
        let cases: &[(&str, RubricId, &[bool])] = &[
            (
                "baseline-before-machinery",
                FD,
                &[true, true, true, false, false, true, false],
            ),
            (
                "attribution-split",
                FD,
                &[false, true, false, false, true, false, false],
            ),
            (
                "hint-recovery",
                FD,
                &[true, true, true, true, false, false, true],
            ),
            (
                "incident-triage",
                FD,
                &[true, true, true, false, false, true, false],
            ),
            ("failure-taxonomy-replay", FD, &[true; 7]),
            (
                "evidence-replay",
                FD,
                &[true, true, false, false, true, false, false],
            ),
            (
                "evidence-replay",
                SP,
                &[true, true, true, true, false, true],
            ),
            (
                "recovery-practice",
                SP,
                &[true, false, true, true, true, true],
            ),
            (
                "signal-labeling",
                SP,
                &[true, true, true, true, false, false],
            ),
        ];
        for (id, r, want) in cases {
            assert_eq!(t(id, *r), *want, "{id} {r:?}");
        }
        assert_eq!(
            tested_in(None, SP),
            vec![true; 6],
            "an unknown drill tests everything"
        );
    }

    #[test]
    fn join_titles_reads_as_english() {
        assert_eq!(join_titles(&[]), "");
        assert_eq!(join_titles(&["A"]), "A");
        assert_eq!(join_titles(&["A", "B"]), "A and B");
        assert_eq!(join_titles(&["A", "B", "C"]), "A, B and C");
    }
}
