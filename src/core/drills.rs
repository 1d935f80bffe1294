//! The drill catalogue: the nine drills of the brief, their steps, workspace
//! sections and prompt banks, the rubric dimensions each drill exercises and
//! the senior signals it tests. Ids and titles are a public contract.
//!
//! A new drill is data only: one `Drill` entry names its rubrics, its
//! dimensions (in order of emphasis) and its signals; scoring, the gates,
//! "Which signal did I hide?" and the History suggestion follow from them.

use crate::core::signals::Signal;
use serde::Serialize;

/// Which self-score rubric a drill uses (see `rubric`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RubricId {
    /// Seven dimensions scored 0–4.
    FailureDiagnostic,
    /// Six dimensions scored 1–5.
    SampledPerformance,
}

impl RubricId {
    /// Both rubrics, in the brief's order.
    pub const ALL: [RubricId; 2] = [RubricId::FailureDiagnostic, RubricId::SampledPerformance];

    /// Stable id (kebab-case), used in element ids.
    pub fn id(self) -> &'static str {
        match self {
            RubricId::FailureDiagnostic => "failure-diagnostic",
            RubricId::SampledPerformance => "sampled-performance",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            RubricId::FailureDiagnostic => "Failure diagnostic",
            RubricId::SampledPerformance => "Sampled performance",
        }
    }
}

/// A rubric dimension. Both rubrics score recovery after new information,
/// with the same meaning, so `Recovery` is one dimension of each; every other
/// dimension belongs to one rubric (see `rubric`, which lists them in order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dim {
    Clarification,
    ReasoningVisibility,
    ScopeControl,
    CorrectnessTesting,
    OwnershipEvidence,
    ProductionJudgment,
    Recovery,
    Framing,
    Evidence,
    TimeControl,
    SignalCoverage,
    Reflection,
}

impl Dim {
    /// Stable id (kebab-case), used in element ids.
    pub fn id(self) -> &'static str {
        match self {
            Dim::Clarification => "clarification",
            Dim::ReasoningVisibility => "reasoning-visibility",
            Dim::ScopeControl => "scope-control",
            Dim::CorrectnessTesting => "correctness-testing",
            Dim::OwnershipEvidence => "ownership-evidence",
            Dim::ProductionJudgment => "production-judgment",
            Dim::Recovery => "recovery",
            Dim::Framing => "framing",
            Dim::Evidence => "evidence",
            Dim::TimeControl => "time-control",
            Dim::SignalCoverage => "signal-coverage",
            Dim::Reflection => "reflection",
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
    /// The rubric dimensions the drill exercises, the one it trains most
    /// first. Any other dimension of its rubrics is "not tested in this
    /// drill": left out of averages and gates unless the user scores it.
    pub dimensions: &'static [Dim],
    /// The senior signals the drill tests, in `Signal::ALL` order. "Which
    /// signal did I hide?" asks about these; the rest are "not tested here".
    pub signals: &'static [Signal],
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
use Signal as S;

/// The nine drills, core four first.
pub const DRILLS: [Drill; 9] = [
    Drill {
        id: "evidence-replay",
        title: "Evidence replay",
        minutes: 20,
        purpose: "Tell one past project three times: weak, mid, and senior with context, alternatives, decision, measured impact and reflection.",
        rubrics: &[FD, SP],
        dimensions: &[Dim::Evidence, Dim::ReasoningVisibility, Dim::OwnershipEvidence, Dim::Reflection, Dim::Clarification, Dim::Framing, Dim::SignalCoverage, Dim::TimeControl],
        signals: &[S::ProblemFraming, S::ArchitecturalJudgment, S::DeliveryJudgment, S::LeadershipInfluence, S::CommunicationReflection],
        steps: &[step("Weak version", 4), step("Mid version", 6), step("Senior version", 10)],
        sections: &[
            section("weak", "Weak version", "The vague version: how it sounds when the evidence stays invisible."),
            section("mid", "Mid version", "The tasks you did, in order."),
            section("senior", "Senior version", "Context, alternatives, the decision and why, measured impact, what you would change."),
        ],
        prompts: &EVIDENCE_REPLAY_PROMPTS,
    },
    Drill {
        id: "attribution-split",
        title: "Attribution split",
        minutes: 20,
        purpose: "Split one major project into team outcome, what you directly owned and what others owned, then say it in under two minutes.",
        rubrics: &[FD],
        dimensions: &[Dim::OwnershipEvidence, Dim::ReasoningVisibility],
        signals: &[S::DeliveryJudgment, S::LeadershipInfluence, S::CommunicationReflection],
        steps: &[step("Team outcome", 4), step("My direct ownership", 6), step("Others' ownership", 4), step("Spoken summary", 6)],
        sections: &[
            section("team-outcome", "Team outcome", "What the team achieved together, with numbers."),
            section("my-ownership", "My direct ownership", "What you decided, built or led yourself: start sentences with I."),
            section("others-ownership", "Others' ownership", "What others owned, by name or role."),
            section("spoken-summary", "Spoken summary", "Under two minutes aloud: neither shrink nor inflate your part."),
        ],
        prompts: &ATTRIBUTION_SPLIT_PROMPTS,
    },
    Drill {
        id: "baseline-before-machinery",
        title: "Baseline before machinery",
        minutes: 15,
        purpose: "Design the simplest thing that works at moderate scale, then name the exact threshold that would justify each heavier component.",
        rubrics: &[FD],
        dimensions: &[Dim::ScopeControl, Dim::Clarification, Dim::ReasoningVisibility, Dim::ProductionJudgment],
        signals: &[S::ProblemFraming, S::ArchitecturalJudgment, S::ProductionJudgment],
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
        prompts: &BASELINE_PROMPTS,
    },
    Drill {
        id: "hint-recovery",
        title: "Hint recovery",
        minutes: 15,
        purpose: "Answer a prompt; partway through a new constraint arrives. Restate it, revise the plan and continue without apologising.",
        rubrics: &[FD],
        dimensions: &[Dim::Recovery, Dim::Clarification, Dim::ReasoningVisibility, Dim::ScopeControl, Dim::CorrectnessTesting],
        signals: &[S::ProblemFraming, S::CodingFluency, S::ArchitecturalJudgment, S::CommunicationReflection],
        steps: &[step("Answer", 7), step("Take the hint", 1), step("Recover and continue", 7)],
        sections: &[
            section("answer", "Answer", "Your answer, thinking aloud in writing."),
            section("recovery", "Recovery", "Restate the new constraint, say what changes in the plan, and continue."),
        ],
        prompts: &HINT_RECOVERY_PROMPTS,
    },
    Drill {
        id: "failure-taxonomy-replay",
        title: "Failure taxonomy replay",
        minutes: 25,
        purpose: "Take an answer that went badly, label each failure, and rewrite only its first three minutes.",
        rubrics: &[FD],
        dimensions: &[Dim::Clarification, Dim::ReasoningVisibility, Dim::ScopeControl, Dim::CorrectnessTesting, Dim::OwnershipEvidence, Dim::ProductionJudgment, Dim::Recovery],
        signals: &[S::ProblemFraming, S::CodingFluency, S::ArchitecturalJudgment, S::ProductionJudgment, S::DeliveryJudgment, S::LeadershipInfluence, S::CommunicationReflection],
        steps: &[step("Recall the answer", 7), step("Label the failures", 8), step("Rewrite the first three minutes", 10)],
        sections: &[
            section("original", "The answer that went badly", "What you said, as close to verbatim as you can."),
            section("labels", "Failure labels", "Framing, hidden reasoning, overengineering, testing, attribution, impact, production judgment, trade-off, communication, recovery: which ones, where."),
            section("rewrite", "First three minutes, rewritten", "The opening you wish you had given."),
        ],
        prompts: &FAILURE_TAXONOMY_PROMPTS,
    },
    Drill {
        id: "signal-labeling",
        title: "Signal labeling",
        minutes: 15,
        purpose: "For one prompt, write one observable behaviour under each of the seven senior signals; leave blank the ones it should not test.",
        rubrics: &[SP],
        dimensions: &[Dim::SignalCoverage, Dim::Framing, Dim::Evidence, Dim::TimeControl],
        signals: &[S::ProblemFraming, S::CodingFluency, S::ArchitecturalJudgment, S::ProductionJudgment, S::DeliveryJudgment, S::LeadershipInfluence, S::CommunicationReflection],
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
        prompts: &SIGNAL_LABELING_PROMPTS,
    },
    Drill {
        id: "hidden-reasoning-audit",
        title: "Hidden reasoning audit",
        minutes: 25,
        purpose: "Solve a small prompt, then mark every decision you made silently and rewrite each as a one-sentence explanation.",
        rubrics: &[SP],
        dimensions: &[Dim::Evidence, Dim::Reflection, Dim::Framing, Dim::SignalCoverage, Dim::TimeControl],
        signals: &[S::ProblemFraming, S::CodingFluency, S::ArchitecturalJudgment, S::CommunicationReflection],
        steps: &[step("Solve", 12), step("Mark silent decisions", 5), step("Explain each", 8)],
        sections: &[
            section("solution", "Solution", "Solve the prompt as you would in the room."),
            section("silent-decisions", "Silent decisions", "Every decision you made without saying why, one per line."),
            section("explanations", "Decisions explained", "Each silent decision as one sentence with its reason."),
        ],
        prompts: &HIDDEN_REASONING_PROMPTS,
    },
    Drill {
        id: "recovery-practice",
        title: "Recovery practice",
        minutes: 15,
        purpose: "Take a flawed solution, say plainly which assumption was too strong and how the model changes, and continue.",
        rubrics: &[SP],
        dimensions: &[Dim::Recovery, Dim::Reflection, Dim::Framing, Dim::SignalCoverage, Dim::TimeControl],
        signals: &[S::ProblemFraming, S::ArchitecturalJudgment, S::ProductionJudgment, S::CommunicationReflection],
        steps: &[step("Read the flawed solution", 3), step("Name the assumption", 4), step("Revise and continue", 8)],
        sections: &[
            section("assumption", "The assumption that was too strong", "Say it plainly, once."),
            section("model-change", "How the model changes", "What is different now and why."),
            section("continue", "Continue", "Carry on with the revised plan."),
        ],
        prompts: &RECOVERY_PRACTICE_PROMPTS,
    },
    Drill {
        id: "incident-triage",
        title: "Incident triage",
        minutes: 20,
        purpose: "Users suddenly cannot complete bookings in production: impact questions, investigation order, first stakeholder update, stabilise before optimise.",
        rubrics: &[FD],
        dimensions: &[Dim::ProductionJudgment, Dim::Clarification, Dim::ReasoningVisibility, Dim::ScopeControl],
        signals: &[S::ProblemFraming, S::ProductionJudgment, S::DeliveryJudgment, S::LeadershipInfluence, S::CommunicationReflection],
        steps: &[step("Impact questions", 4), step("Investigation order", 6), step("First stakeholder update", 4), step("Stabilise before optimise", 6)],
        sections: &[
            section("impact-questions", "Impact questions", "Who is affected, what changed, which dependency."),
            section("investigation-order", "Investigation order", "What you check first, second, third, and why."),
            section("stakeholder-update", "First stakeholder update", "The message you send in the first fifteen minutes."),
            section("stabilise", "Stabilise before optimise", "Rollback, feature flag or failover: the decision and its reason."),
        ],
        prompts: &INCIDENT_TRIAGE_PROMPTS,
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
/// Append only: a stored `HintPlan::hint_index` points into this list.
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
        &[&["sorted"], &["10 million", "10m"]],
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

// ---------------------------------------------------------------------------
// Prompt banks. Written for Evident: realistic senior-interview prompts. The
// first prompt of each bank is the default; the user may also type their own.
// Prompts of `failure-taxonomy-replay` and `recovery-practice` carry their
// material (a transcript, a flawed solution) so there is something to work on.

const EVIDENCE_REPLAY_PROMPTS: [&str; 6] = [
    "Tell me about a project you are proud of, and what you personally changed in it.",
    "Describe a time you made a system faster or more reliable. What did it cost, and what did it buy?",
    "Tell me about a technical decision you made that others disagreed with at the time.",
    "Walk me through a migration you led: what moved, why then, and how you knew it had worked.",
    "Tell me about a time you reduced operational toil or on-call load for your team.",
    "Describe a project that shipped late or went wrong. What was your part in it, and what do you do differently now?",
];

const ATTRIBUTION_SPLIT_PROMPTS: [&str; 6] = [
    "Walk me through the biggest project you worked on last year.",
    "Tell me about a cross-team launch you were part of. Who owned what?",
    "Describe an incident you helped resolve, from detection to the postmortem.",
    "Tell me about a platform, service or shared library your team built that other teams adopted.",
    "Describe a project where you led or mentored others to deliver something you did not build yourself.",
    "Tell me about a re-architecture whose first design came from someone else.",
];

const BASELINE_PROMPTS: [&str; 7] = [
    "Design a URL shortener for an internal company tool.",
    "Design the backend of a table-booking app for restaurants in one city.",
    "Design a system that sends a daily digest email to each user of a SaaS product.",
    "Design product search for an online shop with 50,000 items.",
    "Design an audit log that records every admin action in a B2B application.",
    "Design a webhook service that notifies customers' endpoints when their orders change.",
    "Design photo upload with thumbnails for a social feature in an existing web app.",
];

const HINT_RECOVERY_PROMPTS: [&str; 7] = [
    "Design a notification service that emails users when their order ships.",
    "Design an API that imports a customer's contacts from a CSV upload.",
    "Write a function that returns the k most frequent words in a log file.",
    "Design a leaderboard for a mobile game with daily and all-time rankings.",
    "Design a job that retries failed subscription payments.",
    "Write a function that deduplicates customer records whose names and emails may differ in case and whitespace.",
    "Design the sync between a shop's inventory database and three external marketplaces.",
];

const FAILURE_TAXONOMY_PROMPTS: [&str; 6] = [
    "Replay this answer (or one of your own). Q: \"Design a rate limiter for our public API.\" A: \"OK, so obviously we'd use Redis, and Kafka for the events, sharded by user. I built something like this at my last job, we did it with microservices and it was super successful. Tests — it's simple enough, we'd add them later. Sorry, I'm rambling. Sorry. Anyway, it scales.\"",
    "Replay this answer (or one of your own). Q: \"Tell me about a project that did not go to plan.\" A: \"Product kept changing the requirements, so the deadline slipped, which wasn't really our fault. We eventually shipped it and it was a huge improvement for users. I'm a strong owner, so I just pushed it through.\"",
    "Replay this answer (or one of your own). Q: \"Merge overlapping intervals.\" A: I started coding at once, sorted by start and merged as I went. Asked about an empty list and touching intervals like [1,2] and [2,3], I said it was fine without checking. When the interviewer showed a bug with an interval that contains the next one, I apologised several times, rewrote everything from scratch and ran out of time.",
    "Replay this answer (or one of your own). Q: \"Checkout errors doubled right after a deploy. What do you do?\" A: \"I'd read through the diff to find the bug, fix it and deploy the fix. Probably add more tests. Once it's fixed I'd let my manager know.\"",
    "Replay this answer (or one of your own). Q: \"Design a news feed for 10 million users.\" A: \"Microservices on Kubernetes, event sourcing and CQRS, a Cassandra cluster and a cache in front of everything; fan-out on write, the standard way.\" Asked about an account with 5 million followers: \"The cache handles that.\"",
    "Replay this answer (or one of your own). Q: \"SQL or NoSQL for an order system?\" A: \"NoSQL, because it scales better; SQL doesn't really scale. We used MongoDB at my last company and everything was much faster.\"",
];

const SIGNAL_LABELING_PROMPTS: [&str; 6] = [
    "Design a rate limiter for a public API.",
    "Tell me about a time you disagreed with your manager about a technical direction.",
    "Implement an LRU cache and explain how you would test it.",
    "Checkout conversion in our mobile app dropped 8% after the last release. Walk me through what you would do.",
    "How would you split a growing monolith that four teams deploy together?",
    "Tell me about a time you had to deliver bad news about a deadline.",
];

const HIDDEN_REASONING_PROMPTS: [&str; 7] = [
    "Write a function that merges overlapping calendar intervals.",
    "Write a function that checks whether a string of brackets ()[]{} is balanced.",
    "Design the database schema for a to-do app with lists shared between users.",
    "Write a function that returns the first non-repeating character of a string.",
    "Design the REST API for uploading, listing and deleting a user's profile photos.",
    "Write a function that parses a duration such as \"1h30m15s\" into seconds.",
    "Decide how to store user sessions for a web app running on two servers behind a load balancer.",
];

const RECOVERY_PRACTICE_PROMPTS: [&str; 6] = [
    "Flawed solution: product prices are served through a cache-aside Redis layer with a 10-minute TTL, refreshed by a nightly job. New fact: the business runs flash sales, and a price more than one second stale is unacceptable at checkout.",
    "Flawed solution: to find duplicate transactions, load the day's transactions into a hash map keyed by (account, amount, timestamp). New fact: a day is 400 GB, and two duplicates can differ by up to 3 seconds in timestamp.",
    "Flawed solution: the report scheduler is cron on a single VM that writes its results to local disk. New fact: the VM is replaced without warning during maintenance, and a missed run costs a customer a day of reports.",
    "Flawed solution: invoice URLs look like /users/1042/invoices, and the handler only checks that someone is logged in. New fact: a security review shows any customer can read another customer's invoices by changing the number.",
    "Flawed solution: to merge intervals, compare every pair and merge overlapping ones, repeating until nothing changes. New fact: inputs have up to 1 million intervals and the time limit is one second.",
    "Flawed solution: the order service calls the payment provider synchronously inside the database transaction that creates the order. New fact: the provider's p99 latency is 4 seconds and about 1% of calls time out, leaving order rows locked.",
];

const INCIDENT_TRIAGE_PROMPTS: [&str; 6] = [
    "Users suddenly cannot complete bookings in production.",
    "Users suddenly cannot complete bookings in production. Support has logged 40 tickets in 20 minutes; the booking service was deployed an hour ago.",
    "Users suddenly cannot complete bookings in production. Only card payments fail, and the payment provider's status page is green.",
    "Users suddenly cannot complete bookings in production. Only users of the newest mobile app version fail; web bookings work.",
    "Users suddenly cannot complete bookings in production. About 30% of attempts fail, and database CPU has been at 95% since this morning's marketing email.",
    "Users suddenly cannot complete bookings in production. Bookings seem to go through, but confirmations never arrive and users are booking twice.",
];

/// Picks the opening prompt of a new attempt from a caller-supplied random draw.
pub fn pick_prompt(drill: &Drill, rand: u32) -> &'static str {
    match drill.prompts.len() {
        0 => "",
        n => drill.prompts[rand as usize % n],
    }
}

/// Picks "another prompt": uniformly among the drill's prompts other than
/// `current` (which may be the user's own text, then any prompt will do).
/// `rand` is a random draw supplied by the caller; the core has no randomness.
pub fn another_prompt(drill: &Drill, current: &str, rand: u32) -> &'static str {
    let others: Vec<&'static str> = drill
        .prompts
        .iter()
        .copied()
        .filter(|p| *p != current)
        .collect();
    match others.len() {
        // A bank of one prompt: nothing else to offer.
        0 => drill.prompts.first().copied().unwrap_or(""),
        n => others[rand as usize % n],
    }
}

impl Drill {
    /// Whether the drill exercises this rubric dimension.
    pub fn exercises(&self, dim: Dim) -> bool {
        self.dimensions.contains(&dim)
    }

    /// Whether the drill tests this senior signal.
    pub fn tests_signal(&self, signal: Signal) -> bool {
        self.signals.contains(&signal)
    }

    /// The interrupting hints this drill uses: the bank for `hint-recovery`,
    /// none for the others.
    pub fn hints(&self) -> &'static [Hint] {
        if self.id == "hint-recovery" {
            &HINTS
        } else {
            &[]
        }
    }
}

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
    fn every_drill_exercises_some_dimension_of_each_of_its_rubrics() {
        use crate::core::rubric::rubric;
        for d in &DRILLS {
            let unique: HashSet<_> = d.dimensions.iter().collect();
            assert_eq!(unique.len(), d.dimensions.len(), "{}: no repeats", d.id);
            for r in d.rubrics {
                let dims = rubric(*r).dimensions;
                assert!(
                    dims.iter().any(|x| d.exercises(x.id)),
                    "{} exercises no dimension of {r:?}",
                    d.id
                );
            }
            for dim in d.dimensions {
                assert!(
                    d.rubrics
                        .iter()
                        .any(|r| rubric(*r).dimensions.iter().any(|x| x.id == *dim)),
                    "{}: {dim:?} is on none of its rubrics",
                    d.id
                );
            }
        }
    }

    #[test]
    fn every_rubric_dimension_is_exercised_by_some_drill_of_that_rubric() {
        use crate::core::rubric::rubric;
        for r in RubricId::ALL {
            for dim in rubric(r).dimensions {
                assert!(
                    DRILLS
                        .iter()
                        .any(|d| d.rubrics.contains(&r) && d.exercises(dim.id)),
                    "{r:?} {} is exercised by no drill",
                    dim.title
                );
            }
        }
    }

    #[test]
    fn the_issues_untested_dimensions_stay_untested() {
        let not = |id: &str, dim: Dim| !drill(id).is_some_and(|d| d.exercises(dim));
        assert!(not("baseline-before-machinery", Dim::Recovery));
        assert!(not("attribution-split", Dim::CorrectnessTesting));
    }

    #[test]
    fn every_drill_names_the_signals_it_tests_and_every_signal_is_tested() {
        for d in &DRILLS {
            assert!(!d.signals.is_empty(), "{}", d.id);
            let order: Vec<usize> = d
                .signals
                .iter()
                .map(|s| {
                    Signal::ALL
                        .iter()
                        .position(|x| x == s)
                        .unwrap_or(usize::MAX)
                })
                .collect();
            assert!(
                order.windows(2).all(|w| w[0] < w[1]),
                "{}: in Signal::ALL order, no repeats",
                d.id
            );
        }
        for s in Signal::ALL {
            assert!(
                DRILLS.iter().any(|d| d.tests_signal(s)),
                "{s:?} is tested by no drill"
            );
        }
        assert_eq!(drill("signal-labeling").map(|d| d.signals.len()), Some(7));
    }

    #[test]
    fn dimension_ids_are_unique_kebab_case() {
        use crate::core::rubric::rubric;
        let mut ids = HashSet::new();
        for r in RubricId::ALL {
            for d in rubric(r).dimensions {
                let id = d.id.id();
                assert!(
                    id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                    "{id}"
                );
                ids.insert(id);
            }
        }
        // Recovery is shared by both rubrics.
        assert_eq!(ids.len(), 12);
    }

    #[test]
    fn unknown_id_is_none() {
        assert!(drill("nope").is_none());
    }
    #[test]
    fn every_drill_has_a_bank_of_at_least_five_distinct_prompts() {
        for d in &DRILLS {
            assert!(d.prompts.len() >= 5, "{}", d.id);
            let unique: HashSet<_> = d.prompts.iter().collect();
            assert_eq!(unique.len(), d.prompts.len(), "{}", d.id);
            for p in d.prompts {
                assert!(p.len() >= 20 && p.len() <= 600, "{}: {p}", d.id);
                assert!(!p.contains('\n'), "{}: prompts are one paragraph", d.id);
            }
        }
    }

    #[test]
    fn material_drills_give_something_to_work_from() {
        let needs = [
            ("failure-taxonomy-replay", "Replay this answer"),
            ("recovery-practice", "Flawed solution:"),
        ];
        for (id, marker) in needs {
            let d = drill(id).expect("drill exists");
            for p in d.prompts {
                assert!(p.starts_with(marker), "{id}: {p}");
            }
        }
        for p in drill("recovery-practice").expect("drill exists").prompts {
            assert!(p.contains("New fact:"), "{p}");
        }
    }

    #[test]
    fn incident_triage_keeps_the_scenario_of_the_brief() {
        for p in drill("incident-triage").expect("drill exists").prompts {
            assert!(p.starts_with("Users suddenly cannot complete bookings in production."));
        }
    }

    #[test]
    fn another_prompt_is_always_a_different_bank_prompt() {
        for d in &DRILLS {
            for current in d.prompts {
                let mut seen = HashSet::new();
                for rand in 0..64u32 {
                    let next = another_prompt(d, current, rand.wrapping_mul(0x9E37_79B9));
                    assert_ne!(next, *current, "{}", d.id);
                    assert!(d.prompts.contains(&next));
                    seen.insert(next);
                }
                assert_eq!(
                    seen.len(),
                    d.prompts.len() - 1,
                    "{}: every other prompt is reachable",
                    d.id
                );
            }
            // The user's own prompt is not in the bank: any bank prompt will do.
            let own = another_prompt(d, "My own prompt", u32::MAX);
            assert!(d.prompts.contains(&own));
        }
    }

    #[test]
    fn pick_prompt_reaches_every_prompt_of_the_bank() {
        for d in &DRILLS {
            let picked: HashSet<_> = (0..d.prompts.len() as u32)
                .map(|r| pick_prompt(d, r))
                .collect();
            assert_eq!(picked.len(), d.prompts.len(), "{}", d.id);
        }
        let mut empty = DRILLS[0];
        empty.prompts = &[];
        assert_eq!(pick_prompt(&empty, u32::MAX), "");
    }

    #[test]
    fn another_prompt_with_a_single_prompt_bank_returns_it() {
        let mut d = DRILLS[0];
        d.prompts = &["Only one"];
        assert_eq!(another_prompt(&d, "Only one", 7), "Only one");
        d.prompts = &[];
        assert_eq!(another_prompt(&d, "x", 7), "");
    }

    #[test]
    fn hint_bank_has_at_least_twelve_hints_with_key_terms() {
        assert!(HINTS.len() >= 12);
        let ids: HashSet<_> = HINTS.iter().map(|h| h.id).collect();
        assert_eq!(ids.len(), HINTS.len());
        for h in &HINTS {
            assert!(h.text.ends_with('.'), "{}", h.id);
            assert!(!h.key_terms.is_empty(), "{}", h.id);
            for group in h.key_terms {
                assert!(!group.is_empty(), "{}", h.id);
                for term in *group {
                    assert!(!term.is_empty(), "{}", h.id);
                    assert_eq!(*term, term.to_lowercase(), "{}: terms are lower case", h.id);
                }
            }
        }
    }

    #[test]
    fn only_hint_recovery_has_hints() {
        for d in &DRILLS {
            assert_eq!(d.hints().is_empty(), d.id != "hint-recovery", "{}", d.id);
        }
    }
}
