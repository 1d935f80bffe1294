//! The two self-score rubrics of the brief and their readiness gates.
//!
//! Each level carries its own description because the UI shows it next to the
//! control: scoring against written anchors is honest, scoring a bare number is
//! vibes. The level texts of "Failure diagnostic" follow the brief's anchors
//! (0 = the failure, 2 = partial, 4 = the senior form); 1 and 3 are the steps
//! between. The gates are implemented exactly as the brief words them.

use crate::core::drills::RubricId;

/// One scored level of a dimension, with the anchor the user scores against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Level {
    pub score: u8,
    pub description: &'static str,
}

/// One scored dimension of a rubric. `levels` is ordered from `min` to `max`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dimension {
    /// Stable id (kebab-case), safe to persist.
    pub id: &'static str,
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
    pub dimensions: &'static [Dimension],
    pub min: u8,
    pub max: u8,
    /// The readiness gate in one sentence, as the brief states it.
    pub gate_rule: &'static str,
    /// The score line a trend plot marks: Failure diagnostic counts scores
    /// below 2 against readiness; Sampled performance needs an average of 4.
    pub gate_line: u8,
}

const fn lv(score: u8, description: &'static str) -> Level {
    Level { score, description }
}

const fn dim(id: &'static str, title: &'static str, levels: &'static [Level]) -> Dimension {
    Dimension { id, title, levels }
}

static FAILURE_DIAGNOSTIC: Rubric = Rubric {
    id: RubricId::FailureDiagnostic,
    title: "Failure diagnostic",
    min: 0,
    max: 4,
    gate_rule: "Ready once the two most recent rounds exist and no dimension scored 0 or 1 in both of them.",
    gate_line: 2,
    dimensions: &[
        dim("clarification", "Clarification", &[
            lv(0, "Starts solving at once: no questions, no stated assumptions."),
            lv(1, "Asks a question or two but does not use the answers; assumptions stay unstated."),
            lv(2, "Clarifies some of users, goals and constraints, or states some assumptions; misses scale or what failure is unacceptable."),
            lv(3, "Clarifies users, goals and the main constraints and states assumptions; one of unacceptable failures or success measures is missing."),
            lv(4, "Frames users, goals, constraints and unacceptable failures before solving, and says what is assumed."),
        ]),
        dim("reasoning-visibility", "Reasoning visibility", &[
            lv(0, "Conclusions only: decisions appear with no reason."),
            lv(1, "An occasional \"because\", but most decisions are silent and no alternative is named."),
            lv(2, "Explains the main decisions, rarely names alternatives or what was traded away."),
            lv(3, "Names alternatives and a reason for most key decisions; some trade-offs stay implicit."),
            lv(4, "Makes alternatives and trade-offs visible at every key decision: what was considered, what was chosen, what it costs."),
        ]),
        dim("scope-control", "Scope control", &[
            lv(0, "Over-builds (heavy machinery with no stated need) or under-builds (misses a core requirement)."),
            lv(1, "Roughly fits, but adds a component nothing needs or skips one that is needed."),
            lv(2, "A workable baseline, but heavier parts arrive without a stated reason to add them."),
            lv(3, "Fit-for-purpose baseline; heavier parts tied to conditions, some of them vague (\"at scale\")."),
            lv(4, "Fit-for-purpose baseline with a named threshold (a number, a condition) for each heavier component."),
        ]),
        dim("correctness-testing", "Correctness and testing", &[
            lv(0, "No validation: never checks that the solution works."),
            lv(1, "Walks the happy path once; edge cases and tests waved away."),
            lv(2, "Checks the happy path and an edge case or two; failure paths untested."),
            lv(3, "Tests edge cases and most failure paths and says how they would be tested."),
            lv(4, "Tests edge and failure paths deliberately, names what is covered and what risk remains."),
        ]),
        dim("ownership-evidence", "Ownership evidence", &[
            lv(0, "Vague \"we\" throughout, or claims the team's work as one's own."),
            lv(1, "Mostly \"we\"; an \"I\" appears but what I did stays unclear."),
            lv(2, "Says what I did, but the team outcome and my part blur, or others' roles go unmentioned."),
            lv(3, "Separates my contribution from the team outcome; influence or others' ownership is thin."),
            lv(4, "Separates team outcome, my own contribution, my influence, and what others owned."),
        ]),
        dim("production-judgment", "Production judgment", &[
            lv(0, "Operations as an afterthought: no failure modes, monitoring, security or cost."),
            lv(1, "Production concerns only when prompted, as a list rather than decisions."),
            lv(2, "Covers one or two of failure, observability, security, cost and rollout unprompted."),
            lv(3, "Covers most of failure, observability, security, cost and rollout, mostly as part of the design."),
            lv(4, "Integrates failure, observability, security, cost and rollout into the design from the start."),
        ]),
        dim("recovery", "Recovery", &[
            lv(0, "Freezes, argues, or keeps apologising after a hint or new information."),
            lv(1, "Accepts the new information but restarts from scratch or apologises repeatedly."),
            lv(2, "Adjusts after new information, but slowly or without restating what changed."),
            lv(3, "Restates the new information and revises the plan, with some hesitation."),
            lv(4, "Revises calmly after new information: restates it, says what changes and why, and continues."),
        ]),
    ],
};

static SAMPLED_PERFORMANCE: Rubric = Rubric {
    id: RubricId::SampledPerformance,
    title: "Sampled performance",
    min: 1,
    max: 5,
    gate_rule: "Ready when the latest round averages 4 or more with no dimension below 3.",
    gate_line: 4,
    dimensions: &[
        dim("framing", "Framing", &[
            lv(1, "Starts without framing; the goal of the answer is unclear."),
            lv(2, "States the goal loosely; constraints and audience are missing."),
            lv(3, "Frames the goal and the main constraints; what matters most stays implicit."),
            lv(4, "Goal, constraints and what success looks like, stated before the details."),
            lv(5, "Sharp framing up front that shapes the whole answer; the listener always knows where it is going."),
        ]),
        dim("evidence", "Evidence", &[
            lv(1, "Claims without evidence: adjectives, traits, \"we did great\"."),
            lv(2, "Some concrete actions, but impact is unmeasured."),
            lv(3, "Concrete actions and some measured impact; ownership partly clear."),
            lv(4, "Concrete actions, measured impact (numbers, from–to) and clear ownership."),
            lv(5, "Every main claim backed by a specific action, a measure and a reason; nothing has to be taken on trust."),
        ]),
        dim("time-control", "Time control", &[
            lv(1, "Runs far over or stops far short; no sense of the clock."),
            lv(2, "Unbalanced: too long on setup, rushed at the end."),
            lv(3, "Finishes about on time; one step crowded."),
            lv(4, "On time, with a sensible split across the steps."),
            lv(5, "On time with a deliberate split, adjusting pace mid-answer to leave room for the key point."),
        ]),
        dim("signal-coverage", "Signal coverage", &[
            lv(1, "Shows one signal at most; the prompt's key signals stay hidden."),
            lv(2, "Shows a few signals; key ones are missing."),
            lv(3, "Shows most signals the prompt tests; one key signal hidden."),
            lv(4, "Shows every signal the prompt tests, some only briefly."),
            lv(5, "Shows every signal the prompt tests with clear evidence, and leaves irrelevant ones alone."),
        ]),
        dim("recovery", "Recovery", &[
            lv(1, "Freezes or spirals after a mistake or a new constraint."),
            lv(2, "Recovers slowly, with repeated apology or a restart from scratch."),
            lv(3, "Names the problem and changes course, with some hesitation."),
            lv(4, "Names the wrong assumption plainly and revises the plan calmly."),
            lv(5, "Names the wrong assumption once, explains how the model changes, and continues with momentum."),
        ]),
        dim("reflection", "Reflection", &[
            lv(1, "No reflection: nothing learned, nothing to change."),
            lv(2, "Generic reflection (\"I'd communicate better\")."),
            lv(3, "Names one specific thing to change."),
            lv(4, "Names a specific change and why, tied to evidence from this attempt."),
            lv(5, "Specific, evidence-based reflection with a concrete next step and how to tell it worked."),
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

/// Checks one round of scores: one score per dimension, in dimension order,
/// each within the rubric's range. The message is shown to the user as is.
pub fn validate_scores(id: RubricId, scores: &[u8]) -> Result<(), String> {
    let r = rubric(id);
    if scores.len() != r.dimensions.len() {
        return Err(format!(
            "{} needs {} scores, got {}.",
            r.title,
            r.dimensions.len(),
            scores.len()
        ));
    }
    for (d, &s) in r.dimensions.iter().zip(scores) {
        if !(r.min..=r.max).contains(&s) {
            return Err(format!(
                "{}: score {s} is outside {}–{}.",
                d.title, r.min, r.max
            ));
        }
    }
    Ok(())
}

/// The readiness gate's verdict, ready to show: "Ready" or "Not yet: …".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GateResult {
    pub ready: bool,
    /// Titles of the dimensions holding readiness back, in rubric order.
    pub holding_back: Vec<&'static str>,
    pub summary: String,
}

impl GateResult {
    fn ready() -> Self {
        GateResult {
            ready: true,
            holding_back: Vec::new(),
            summary: "Ready".to_string(),
        }
    }

    fn not_yet(holding_back: Vec<&'static str>, reason: String) -> Self {
        GateResult {
            ready: false,
            holding_back,
            summary: format!("Not yet: {reason}"),
        }
    }
}

/// Computes the readiness gate of a rubric from its rounds of scores, newest
/// first (each round in dimension order). Invalid rounds never panic: the gate
/// says "Not yet" and names the problem, since a gate built on bad data is not
/// one the user should trust.
pub fn gate(id: RubricId, rounds_newest_first: &[&[u8]]) -> GateResult {
    match id {
        RubricId::FailureDiagnostic => gate_failure_diagnostic(rounds_newest_first),
        RubricId::SampledPerformance => gate_sampled_performance(rounds_newest_first),
    }
}

/// Brief: ready once the two most recent rounds exist and no dimension scored
/// 0 or 1 in both of them. Older rounds do not count.
fn gate_failure_diagnostic(rounds: &[&[u8]]) -> GateResult {
    let id = RubricId::FailureDiagnostic;
    let (newest, previous) = match rounds {
        [] => return GateResult::not_yet(Vec::new(), "needs two rounds (none scored yet)".into()),
        [_] => {
            return GateResult::not_yet(Vec::new(), "needs two rounds (one scored so far)".into())
        }
        [a, b, ..] => (*a, *b),
    };
    if let Some(bad) = invalid_round(id, &[newest, previous]) {
        return bad;
    }
    let low = |s: u8| s <= 1;
    let holding: Vec<&'static str> = rubric(id)
        .dimensions
        .iter()
        .zip(newest.iter().zip(previous))
        .filter(|(_, (&a, &b))| low(a) && low(b))
        .map(|(d, _)| d.title)
        .collect();
    if holding.is_empty() {
        GateResult::ready()
    } else {
        let reason = format!(
            "{} scored 0–1 in both of the last two rounds",
            join_titles(&holding)
        );
        GateResult::not_yet(holding, reason)
    }
}

/// Brief: average of the latest round ≥ 4 with no dimension below 3.
/// The average is compared in integers (sum ≥ 4 × count) so that exactly 4.0
/// is never lost to floating point. When the average alone falls short, the
/// dimensions below 4 are the ones holding it back: raising any of them is
/// what lifts the average.
fn gate_sampled_performance(rounds: &[&[u8]]) -> GateResult {
    let id = RubricId::SampledPerformance;
    let Some(&latest) = rounds.first() else {
        return GateResult::not_yet(Vec::new(), "no round scored yet".into());
    };
    if let Some(bad) = invalid_round(id, &[latest]) {
        return bad;
    }
    let dims = rubric(id).dimensions;
    let sum: u32 = latest.iter().map(|&s| u32::from(s)).sum();
    let count = latest.len() as u32;
    let average_ok = sum >= 4 * count;
    let below = |limit: u8| -> Vec<&'static str> {
        dims.iter()
            .zip(latest)
            .filter(|(_, &s)| s < limit)
            .map(|(d, _)| d.title)
            .collect()
    };
    let below_three = below(3);
    if average_ok && below_three.is_empty() {
        return GateResult::ready();
    }
    let mut reasons = Vec::new();
    if !average_ok {
        // Tenths, rounded down, so a 3.95 never displays as "4.0".
        let tenths = sum * 10 / count;
        reasons.push(format!(
            "average {}.{} (needs 4.0)",
            tenths / 10,
            tenths % 10
        ));
    }
    if !below_three.is_empty() {
        reasons.push(format!("{} below 3", join_titles(&below_three)));
    }
    let holding = if below_three.is_empty() {
        below(4)
    } else {
        below_three
    };
    GateResult::not_yet(holding, reasons.join("; "))
}

fn invalid_round(id: RubricId, rounds: &[&[u8]]) -> Option<GateResult> {
    rounds.iter().enumerate().find_map(|(i, r)| {
        validate_scores(id, r).err().map(|e| {
            let which = if i == 0 {
                "latest round"
            } else {
                "previous round"
            };
            GateResult::not_yet(Vec::new(), format!("the {which} has invalid scores. {e}"))
        })
    })
}

/// "A", "A and B", "A, B and C".
fn join_titles(titles: &[&str]) -> String {
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
        for id in [FD, SP] {
            assert_eq!(rubric(id).id, id);
            assert_eq!(rubric(id).title, id.title());
        }
    }

    #[test]
    fn every_dimension_describes_every_level_in_order() {
        for id in [FD, SP] {
            let r = rubric(id);
            let mut ids = std::collections::HashSet::new();
            for d in r.dimensions {
                assert!(ids.insert(d.id), "duplicate id {}", d.id);
                let scores: Vec<u8> = d.levels.iter().map(|l| l.score).collect();
                let want: Vec<u8> = (r.min..=r.max).collect();
                assert_eq!(scores, want, "{}", d.title);
                for l in d.levels {
                    assert!(l.description.len() > 20, "{} {}", d.title, l.score);
                    assert!(l.description.ends_with('.'), "{} {}", d.title, l.score);
                }
                assert!(d.level(r.max).is_some());
                assert!(d.level(r.max + 1).is_none());
            }
        }
    }

    #[test]
    fn validate_scores_checks_length_and_range() {
        let cases: &[(RubricId, &[u8], bool)] = &[
            (FD, &[0, 1, 2, 3, 4, 4, 0], true),
            (FD, &[0, 1, 2, 3, 4, 4], false),
            (FD, &[0, 1, 2, 3, 4, 4, 0, 0], false),
            (FD, &[0, 1, 2, 3, 4, 5, 0], false),
            (FD, &[], false),
            (SP, &[1, 2, 3, 4, 5, 5], true),
            (SP, &[0, 2, 3, 4, 5, 5], false),
            (SP, &[1, 2, 3, 4, 5, 6], false),
            (SP, &[1, 2, 3, 4, 5], false),
        ];
        for (id, scores, ok) in cases {
            assert_eq!(
                validate_scores(*id, scores).is_ok(),
                *ok,
                "{id:?} {scores:?}"
            );
        }
        let err = validate_scores(SP, &[0, 2, 3, 4, 5, 5]).unwrap_err();
        assert!(err.contains("Framing"), "{err}");
        let err = validate_scores(FD, &[1]).unwrap_err();
        assert!(err.contains("needs 7 scores, got 1"), "{err}");
    }

    /// (rounds newest first, ready, holding back, summary)
    type Case<'a> = (&'a [&'a [u8]], bool, &'a [&'a str], &'a str);

    fn check(id: RubricId, cases: &[Case]) {
        for (rounds, ready, holding, summary) in cases {
            let g = gate(id, rounds);
            assert_eq!(g.ready, *ready, "{rounds:?}: {}", g.summary);
            assert_eq!(g.holding_back, *holding, "{rounds:?}");
            assert_eq!(g.summary, *summary, "{rounds:?}");
        }
    }

    #[test]
    fn failure_diagnostic_gate() {
        let all2: &[u8] = &[2, 2, 2, 2, 2, 2, 2];
        let all4: &[u8] = &[4, 4, 4, 4, 4, 4, 4];
        let rec0: &[u8] = &[4, 4, 4, 4, 4, 4, 0];
        let rec1: &[u8] = &[4, 4, 4, 4, 4, 4, 1];
        let low: &[u8] = &[1, 4, 0, 4, 4, 4, 1];
        check(
            FD,
            &[
                (&[], false, &[], "Not yet: needs two rounds (none scored yet)"),
                (&[all4], false, &[], "Not yet: needs two rounds (one scored so far)"),
                (&[all4, all4], true, &[], "Ready"),
                // 2 is the lowest passing score in each of the two rounds.
                (&[all2, all2], true, &[], "Ready"),
                // A 0 or 1 in only one of the two rounds does not hold it back.
                (&[rec0, all4], true, &[], "Ready"),
                (&[all4, rec1], true, &[], "Ready"),
                (
                    &[rec1, rec0],
                    false,
                    &["Recovery"],
                    "Not yet: Recovery scored 0–1 in both of the last two rounds",
                ),
                (
                    &[low, low],
                    false,
                    &["Clarification", "Scope control", "Recovery"],
                    "Not yet: Clarification, Scope control and Recovery scored 0–1 in both of the last two rounds",
                ),
                // Only the two most recent rounds count.
                (&[all4, all2, rec0, rec0], true, &[], "Ready"),
                (
                    &[rec0, rec0, all4],
                    false,
                    &["Recovery"],
                    "Not yet: Recovery scored 0–1 in both of the last two rounds",
                ),
            ],
        );
    }

    #[test]
    fn sampled_performance_gate() {
        check(
            SP,
            &[
                (&[], false, &[], "Not yet: no round scored yet"),
                (&[&[4, 4, 4, 4, 4, 4]], true, &[], "Ready"),
                // Average exactly 4.0 with a dimension exactly 3.
                (&[&[3, 5, 4, 4, 4, 4]], true, &[], "Ready"),
                (&[&[5, 5, 5, 5, 5, 5]], true, &[], "Ready"),
                // Average 4.5 but a 2: held back by the floor.
                (
                    &[&[2, 5, 5, 5, 5, 5]],
                    false,
                    &["Framing"],
                    "Not yet: Framing below 3",
                ),
                // Average 23/6 = 3.83, all at least 3.
                (
                    &[&[3, 4, 4, 4, 4, 4]],
                    false,
                    &["Framing"],
                    "Not yet: average 3.8 (needs 4.0)",
                ),
                // Both reasons at once.
                (
                    &[&[1, 2, 4, 4, 4, 4]],
                    false,
                    &["Framing", "Evidence"],
                    "Not yet: average 3.1 (needs 4.0); Framing and Evidence below 3",
                ),
                // Only the latest round counts.
                (
                    &[&[4, 4, 4, 4, 4, 4], &[1, 1, 1, 1, 1, 1]],
                    true,
                    &[],
                    "Ready",
                ),
                (
                    &[&[3, 3, 3, 3, 3, 3], &[5, 5, 5, 5, 5, 5]],
                    false,
                    &[
                        "Framing",
                        "Evidence",
                        "Time control",
                        "Signal coverage",
                        "Recovery",
                        "Reflection",
                    ],
                    "Not yet: average 3.0 (needs 4.0)",
                ),
            ],
        );
    }

    #[test]
    fn just_below_four_never_displays_as_four() {
        // 3.83 rounds to 3.8; a hypothetical 3.95 would also stay below "4.0".
        let g = gate(SP, &[&[3, 4, 4, 4, 4, 4]]);
        assert!(!g.summary.contains("average 4.0"), "{}", g.summary);
    }

    #[test]
    fn invalid_rounds_say_not_yet_without_panicking() {
        let g = gate(FD, &[&[4, 4, 4, 4, 4, 4, 4], &[4, 4]]);
        assert!(!g.ready);
        assert!(
            g.summary
                .starts_with("Not yet: the previous round has invalid scores."),
            "{}",
            g.summary
        );
        let g = gate(SP, &[&[9, 4, 4, 4, 4, 4]]);
        assert!(!g.ready);
        assert!(g.summary.contains("latest round"), "{}", g.summary);
        let g = gate(SP, &[&[]]);
        assert!(!g.ready);
    }

    #[test]
    fn join_titles_reads_as_english() {
        assert_eq!(join_titles(&[]), "");
        assert_eq!(join_titles(&["A"]), "A");
        assert_eq!(join_titles(&["A", "B"]), "A and B");
        assert_eq!(join_titles(&["A", "B", "C"]), "A, B and C");
    }
}
