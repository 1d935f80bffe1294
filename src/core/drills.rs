//! The drill catalogue: the nine drills of the brief, their steps, workspace
//! sections and prompt banks. Ids and titles are a public contract.

use serde::{Deserialize, Serialize};

/// Which self-score rubric a drill uses (see `rubric`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RubricId {
    /// Seven dimensions scored 0–4.
    FailureDiagnostic,
    /// Six dimensions scored 1–5.
    SampledPerformance,
}

impl RubricId {
    pub fn title(self) -> &'static str {
        match self {
            RubricId::FailureDiagnostic => "Failure diagnostic",
            RubricId::SampledPerformance => "Sampled performance",
        }
    }
}

/// One step of a drill with its suggested share of the time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    pub label: &'static str,
    pub minutes: u32,
}

/// One labelled text area of a drill's workspace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Section {
    /// Stable id, used as the storage key of the draft text.
    pub id: &'static str,
    /// The label shown on the text area (its accessible name).
    pub label: &'static str,
    /// A one-line prompt of what goes in it.
    pub help: &'static str,
}

/// A drill in the catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Drill {
    pub id: &'static str,
    pub title: &'static str,
    pub minutes: u32,
    /// One line: what the user produces.
    pub purpose: &'static str,
    /// Rubrics the drill is scored on (evidence replay uses both).
    pub rubrics: &'static [RubricId],
    pub steps: &'static [Step],
    pub sections: &'static [Section],
    pub prompts: &'static [&'static str],
}

const fn section(id: &'static str, label: &'static str, help: &'static str) -> Section {
    Section { id, label, help }
}

const fn step(label: &'static str, minutes: u32) -> Step {
    Step { label, minutes }
}

use RubricId::{FailureDiagnostic as FD, SampledPerformance as SP};

/// The nine drills, core four first.
pub const DRILLS: [Drill; 9] = [
    Drill {
        id: "evidence-replay",
        title: "Evidence replay",
        minutes: 20,
        purpose: "Tell one past project three times: weak, mid, and senior with context, alternatives, decision, measured impact and reflection.",
        rubrics: &[FD, SP],
        steps: &[step("Weak version", 4), step("Mid version", 6), step("Senior version", 10)],
        sections: &[
            section("weak", "Weak version", "The vague version: how it sounds when the evidence stays invisible."),
            section("mid", "Mid version", "The tasks you did, in order."),
            section("senior", "Senior version", "Context, alternatives, the decision and why, measured impact, what you would change."),
        ],
        prompts: &["Tell me about a project you are proud of."],
    },
    Drill {
        id: "attribution-split",
        title: "Attribution split",
        minutes: 20,
        purpose: "Split one major project into team outcome, what you directly owned and what others owned, then say it in under two minutes.",
        rubrics: &[FD],
        steps: &[step("Team outcome", 4), step("My direct ownership", 6), step("Others' ownership", 4), step("Spoken summary", 6)],
        sections: &[
            section("team-outcome", "Team outcome", "What the team achieved together, with numbers."),
            section("my-ownership", "My direct ownership", "What you decided, built or led yourself: start sentences with I."),
            section("others-ownership", "Others' ownership", "What others owned, by name or role."),
            section("spoken-summary", "Spoken summary", "Under two minutes aloud: neither shrink nor inflate your part."),
        ],
        prompts: &["Walk me through the biggest project you worked on last year."],
    },
    Drill {
        id: "baseline-before-machinery",
        title: "Baseline before machinery",
        minutes: 15,
        purpose: "Design the simplest thing that works at moderate scale, then name the exact threshold that would justify each heavier component.",
        rubrics: &[FD],
        steps: &[step("Baseline design", 7), step("Thresholds", 8)],
        sections: &[
            section("baseline", "Baseline design", "The simplest design that works at moderate scale."),
            section("queue", "Queue threshold", "The condition that would justify adding a queue."),
            section("cache", "Cache threshold", "The condition that would justify adding a cache."),
            section("shard", "Shard threshold", "The condition that would justify sharding."),
            section("search-index", "Search index threshold", "The condition that would justify a search index."),
            section("stream-processor", "Stream processor threshold", "The condition that would justify a stream processor."),
            section("workflow-engine", "Workflow engine threshold", "The condition that would justify a workflow engine."),
        ],
        prompts: &["Design a URL shortener for an internal company tool."],
    },
    Drill {
        id: "hint-recovery",
        title: "Hint recovery",
        minutes: 15,
        purpose: "Answer a prompt; partway through a new constraint arrives. Restate it, revise the plan and continue without apologising.",
        rubrics: &[FD],
        steps: &[step("Answer", 7), step("Take the hint", 1), step("Recover and continue", 7)],
        sections: &[
            section("answer", "Answer", "Your answer, thinking aloud in writing."),
            section("recovery", "Recovery", "Restate the new constraint, say what changes in the plan, and continue."),
        ],
        prompts: &["Design a notification service that emails users when their order ships."],
    },
    Drill {
        id: "failure-taxonomy-replay",
        title: "Failure taxonomy replay",
        minutes: 25,
        purpose: "Take an answer that went badly, label each failure, and rewrite only its first three minutes.",
        rubrics: &[FD],
        steps: &[step("Recall the answer", 7), step("Label the failures", 8), step("Rewrite the first three minutes", 10)],
        sections: &[
            section("original", "The answer that went badly", "What you said, as close to verbatim as you can."),
            section("labels", "Failure labels", "Framing, hidden reasoning, overengineering, testing, attribution, impact, production judgment, trade-off, communication, recovery: which ones, where."),
            section("rewrite", "First three minutes, rewritten", "The opening you wish you had given."),
        ],
        prompts: &["An interview answer of yours that went badly."],
    },
    Drill {
        id: "signal-labeling",
        title: "Signal labeling",
        minutes: 15,
        purpose: "For one prompt, write one observable behaviour under each of the seven senior signals; leave blank the ones it should not test.",
        rubrics: &[SP],
        steps: &[step("Read the prompt", 2), step("Label the signals", 13)],
        sections: &[
            section("problem-framing", "Problem framing", "One observable behaviour."),
            section("coding-fluency", "Coding fluency", "One observable behaviour."),
            section("architectural-judgment", "Architectural judgment", "One observable behaviour."),
            section("production-judgment", "Production judgment", "One observable behaviour."),
            section("delivery-judgment", "Delivery judgment", "One observable behaviour."),
            section("leadership-influence", "Leadership and influence", "One observable behaviour."),
            section("communication-reflection", "Communication and reflection", "One observable behaviour."),
        ],
        prompts: &["Design a rate limiter for a public API."],
    },
    Drill {
        id: "hidden-reasoning-audit",
        title: "Hidden reasoning audit",
        minutes: 25,
        purpose: "Solve a small prompt, then mark every decision you made silently and rewrite each as a one-sentence explanation.",
        rubrics: &[SP],
        steps: &[step("Solve", 12), step("Mark silent decisions", 5), step("Explain each", 8)],
        sections: &[
            section("solution", "Solution", "Solve the prompt as you would in the room."),
            section("silent-decisions", "Silent decisions", "Every decision you made without saying why, one per line."),
            section("explanations", "Decisions explained", "Each silent decision as one sentence with its reason."),
        ],
        prompts: &["Write a function that merges overlapping calendar intervals."],
    },
    Drill {
        id: "recovery-practice",
        title: "Recovery practice",
        minutes: 15,
        purpose: "Take a flawed solution, say plainly which assumption was too strong and how the model changes, and continue.",
        rubrics: &[SP],
        steps: &[step("Read the flawed solution", 3), step("Name the assumption", 4), step("Revise and continue", 8)],
        sections: &[
            section("assumption", "The assumption that was too strong", "Say it plainly, once."),
            section("model-change", "How the model changes", "What is different now and why."),
            section("continue", "Continue", "Carry on with the revised plan."),
        ],
        prompts: &["Your cache-aside design assumed reads never see stale prices; the business now says a stale price for more than one second is unacceptable."],
    },
    Drill {
        id: "incident-triage",
        title: "Incident triage",
        minutes: 20,
        purpose: "Users suddenly cannot complete bookings in production: impact questions, investigation order, first stakeholder update, stabilise before optimise.",
        rubrics: &[FD],
        steps: &[step("Impact questions", 4), step("Investigation order", 6), step("First stakeholder update", 4), step("Stabilise before optimise", 6)],
        sections: &[
            section("impact-questions", "Impact questions", "Who is affected, what changed, which dependency."),
            section("investigation-order", "Investigation order", "What you check first, second, third, and why."),
            section("stakeholder-update", "First stakeholder update", "The message you send in the first fifteen minutes."),
            section("stabilise", "Stabilise before optimise", "Rollback, feature flag or failover: the decision and its reason."),
        ],
        prompts: &["Users suddenly cannot complete bookings in production."],
    },
];

/// An interrupting hint or new constraint for `hint-recovery`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hint {
    /// Stable id (kebab-case), safe to persist.
    pub id: &'static str,
    /// What the dialog says.
    pub text: &'static str,
    /// Groups of interchangeable terms; a recovery that restates the constraint
    /// mentions at least one term of every group (see `recovery`). Numbers are
    /// written as digits; the check also accepts spelled-out forms and `x`/`×`.
    pub key_terms: &'static [&'static [&'static str]],
}

const fn hint(
    id: &'static str,
    text: &'static str,
    key_terms: &'static [&'static [&'static str]],
) -> Hint {
    Hint {
        id,
        text,
        key_terms,
    }
}

/// The hint bank of `hint-recovery`: each one invalidates a common first path.
pub const HINTS: [Hint; 14] = [
    hint(
        "write-volume-100x",
        "The write volume is 100× what you assumed.",
        &[&["100x"], &["write", "writes"]],
    ),
    hint(
        "provider-rate-limit",
        "The provider rate-limits you to 10 requests a second.",
        &[
            &["10"],
            &[
                "rate limit",
                "rate-limit",
                "requests a second",
                "requests per second",
                "rps",
                "throttl",
            ],
        ],
    ),
    hint(
        "exactly-once",
        "Duplicates are unacceptable: a user must never be charged twice.",
        &[&[
            "duplicate",
            "twice",
            "exactly once",
            "exactly-once",
            "idempoten",
        ]],
    ),
    hint(
        "p99-latency",
        "The p99 latency budget for this call is 50 ms end to end.",
        &[&["50"], &["latency", "p99", "ms"]],
    ),
    hint(
        "single-region-data",
        "Legal says EU users' data may not leave the EU region.",
        &[&["eu", "europe", "region", "residency"]],
    ),
    hint(
        "memory-limit",
        "The input no longer fits in memory: it is 2 TB and arrives as a stream.",
        &[&["2"], &["memory", "stream", "tb"]],
    ),
    hint(
        "read-heavy",
        "Reads outnumber writes 1000 to 1, and most reads hit the same 1% of items.",
        &[&["1000", "1%"], &["read", "reads", "hot", "skew"]],
    ),
    hint(
        "offline-clients",
        "Half the clients are mobile apps that go offline for hours and sync later.",
        &[&["offline", "sync"]],
    ),
    hint(
        "team-of-two",
        "You have two engineers and six weeks; nothing you run yourself can need an on-call rota.",
        &[
            &["2", "6"],
            &[
                "engineer", "weeks", "on-call", "on call", "operat", "managed",
            ],
        ],
    ),
    hint(
        "ordering",
        "Events for the same account must be processed in the order they happened.",
        &[
            &["order", "ordering", "sequence"],
            &[
                "account",
                "per-account",
                "per account",
                "same key",
                "partition",
            ],
        ],
    ),
    hint(
        "sorted-input",
        "The input is already sorted, and it can be as large as 10 million items.",
        &[&["sorted"], &["10"]],
    ),
    hint(
        "no-extra-memory",
        "You may use only constant extra memory.",
        &[
            &["constant", "o(1)", "in place", "in-place"],
            &["memory", "space"],
        ],
    ),
    hint(
        "deletes-gdpr",
        "Users can ask for deletion, and their data must be gone everywhere within 30 days.",
        &[&["delet", "erase", "removal"], &["30", "month"]],
    ),
    hint(
        "dependency-down",
        "The downstream payment provider is down for up to an hour about once a week.",
        &[
            &["down", "outage", "unavailable", "fail"],
            &["hour", "1", "week"],
        ],
    ),
];

/// Finds a drill by id.
pub fn drill(id: &str) -> Option<&'static Drill> {
    DRILLS.iter().find(|d| d.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn catalogue_has_the_nine_drills_of_the_brief_with_their_minutes() {
        let expected = [
            ("evidence-replay", "Evidence replay", 20),
            ("attribution-split", "Attribution split", 20),
            ("baseline-before-machinery", "Baseline before machinery", 15),
            ("hint-recovery", "Hint recovery", 15),
            ("failure-taxonomy-replay", "Failure taxonomy replay", 25),
            ("signal-labeling", "Signal labeling", 15),
            ("hidden-reasoning-audit", "Hidden reasoning audit", 25),
            ("recovery-practice", "Recovery practice", 15),
            ("incident-triage", "Incident triage", 20),
        ];
        assert_eq!(DRILLS.len(), 9);
        for (id, title, minutes) in expected {
            let d = drill(id).unwrap_or_else(|| panic!("missing drill {id}"));
            assert_eq!(d.title, title);
            assert_eq!(d.minutes, minutes, "{id}");
        }
    }

    #[test]
    fn drill_ids_and_section_ids_are_unique() {
        let ids: HashSet<_> = DRILLS.iter().map(|d| d.id).collect();
        assert_eq!(ids.len(), DRILLS.len());
        for d in &DRILLS {
            let sections: HashSet<_> = d.sections.iter().map(|s| s.id).collect();
            assert_eq!(sections.len(), d.sections.len(), "{}", d.id);
        }
    }

    #[test]
    fn step_minutes_add_up_to_the_drill_minutes() {
        for d in &DRILLS {
            let total: u32 = d.steps.iter().map(|s| s.minutes).sum();
            assert_eq!(total, d.minutes, "{}", d.id);
        }
    }

    #[test]
    fn rubrics_follow_the_brief() {
        for d in &DRILLS {
            let fd = d.rubrics.contains(&RubricId::FailureDiagnostic);
            let sp = d.rubrics.contains(&RubricId::SampledPerformance);
            let (want_fd, want_sp) = match d.id {
                "evidence-replay" => (true, true),
                "signal-labeling" | "hidden-reasoning-audit" | "recovery-practice" => (false, true),
                _ => (true, false),
            };
            assert_eq!((fd, sp), (want_fd, want_sp), "{}", d.id);
        }
    }

    #[test]
    fn unknown_id_is_none() {
        assert!(drill("nope").is_none());
    }
}
