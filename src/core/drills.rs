//! The drill catalogue: the eleven drills of the brief, their steps, workspace
//! sections and prompt banks, the rubric dimensions each drill exercises and
//! the senior signals it tests. Ids and titles are a public contract.
//!
//! A new drill is data only: one `Drill` entry names its rubrics, its
//! dimensions (in order of emphasis) and its signals; scoring, the gates,
//! "Which signal did I hide?" and the History suggestion follow from them.

use crate::core::signals::Signal;
use serde::Serialize;

pub mod hints;
mod prompts;

pub use hints::HINTS;

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

/// What a drill's prompt asks for. Prompts of one kind in one drill form a
/// prompt family: one model answer each (see `model_answers`). For hint
/// recovery it also decides which hints fit: a design prompt never gets an
/// algorithm hint.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PromptKind {
    /// A system to design.
    Design,
    /// A function to write.
    Coding,
    /// A story from the user's own work.
    Story,
    /// A transcript of an answer to replay.
    Replay,
    /// A prompt whose signals are to be labelled.
    Labels,
    /// A production incident to triage.
    Incident,
    /// A risky change to roll out.
    Rollout,
    /// An incident to review.
    Postmortem,
}

/// One prompt of a bank.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Prompt {
    pub text: &'static str,
    pub kind: PromptKind,
    /// Hint recovery: the hints that invalidate the path a typical answer to
    /// this prompt takes (one is drawn). Empty elsewhere.
    pub hints: &'static [&'static Hint],
    /// Recovery practice: the prompt's new fact, checked like a hint.
    pub fact: Option<&'static Hint>,
}

/// What a step is for, which decides where its time comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepKind {
    /// Reading before writing: the time before the first section is edited.
    Read,
    /// Writing the step's sections: the time spent editing them.
    Write,
    /// Taking hint recovery's interrupt: from the hint to the next edit. The
    /// hint arrives inside the window of the `Write` step before it.
    Hint,
}

/// One step of a drill with its suggested share of the time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    /// Stable id (kebab-case), the key of the time spent on it.
    pub id: &'static str,
    pub label: &'static str,
    pub minutes: u32,
    pub kind: StepKind,
    /// The sections written in this step (ids); none for `Read` and `Hint`.
    pub sections: &'static [&'static str],
}

/// One question of a section's checklist, to tick or answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChecklistItem {
    /// Stable id (kebab-case), the key of the stored answer.
    pub id: &'static str,
    pub question: &'static str,
}

/// What a section offers beside its text area.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SectionAid {
    None,
    /// Questions to tick or answer (incident triage's impact questions).
    Checklist(&'static [ChecklistItem]),
    /// A sub-timer for saying the section aloud, with Start, Done and Reset.
    SpokenTimer {
        minutes: u32,
    },
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
    pub aid: SectionAid,
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
    /// Sections an earlier catalogue had, so attempts written then still show
    /// their labels (never offered for new writing).
    pub former_sections: &'static [Section],
    pub prompts: &'static [Prompt],
}

const fn section(id: &'static str, label: &'static str, help: &'static str) -> Section {
    Section {
        id,
        label,
        help,
        aid: SectionAid::None,
    }
}

const fn section_with(
    id: &'static str,
    label: &'static str,
    help: &'static str,
    aid: SectionAid,
) -> Section {
    Section {
        id,
        label,
        help,
        aid,
    }
}

/// A writing step of one section, named and keyed after it.
const fn write(section: &'static [&'static str; 1], label: &'static str, minutes: u32) -> Step {
    Step {
        id: section[0],
        label,
        minutes,
        kind: StepKind::Write,
        sections: section,
    }
}

/// A writing step over several sections.
const fn write_all(
    id: &'static str,
    label: &'static str,
    minutes: u32,
    sections: &'static [&'static str],
) -> Step {
    Step {
        id,
        label,
        minutes,
        kind: StepKind::Write,
        sections,
    }
}

const fn read(id: &'static str, label: &'static str, minutes: u32) -> Step {
    Step {
        id,
        label,
        minutes,
        kind: StepKind::Read,
        sections: &[],
    }
}

const fn check(id: &'static str, question: &'static str) -> ChecklistItem {
    ChecklistItem { id, question }
}

use RubricId::{FailureDiagnostic as FD, SampledPerformance as SP};
use Signal as S;

/// Incident triage's impact questions: who, where, what changed, which
/// dependency, and what it costs.
pub const IMPACT_CHECKLIST: [ChecklistItem; 8] = [
    check(
        "scope",
        "Who is affected: all users, or some (a region, a platform, an app version, a plan)?",
    ),
    check(
        "layer",
        "Which layer fails: the web or app client, the API, a service behind it, the database?",
    ),
    check(
        "deploy",
        "Did anything deploy or change just before (code, config, a feature flag, infrastructure)?",
    ),
    check(
        "external",
        "Is an external API or provider failing, slow or answering wrongly?",
    ),
    check("queues", "Are queues or background jobs backing up?"),
    check(
        "errors",
        "Which errors: timeouts, rate limits, authentication or authorisation failures?",
    ),
    check(
        "failure-kind",
        "Is it a functional failure (nothing works) or a degradation (slow, partial)?",
    ),
    check(
        "cost",
        "What does every minute cost: bookings, money, customers, promises made?",
    ),
];

/// The eleven drills, core four first.
pub const DRILLS: [Drill; 11] = [
    Drill {
        id: "evidence-replay",
        title: "Evidence replay",
        minutes: 20,
        purpose: "Tell one past project three times: weak, mid, and senior with context, alternatives, decision, measured impact and reflection.",
        rubrics: &[FD, SP],
        dimensions: &[Dim::Evidence, Dim::ReasoningVisibility, Dim::OwnershipEvidence, Dim::Reflection, Dim::Clarification, Dim::Framing, Dim::SignalCoverage, Dim::TimeControl],
        signals: &[S::ProblemFraming, S::ArchitecturalJudgment, S::DeliveryJudgment, S::LeadershipInfluence, S::CommunicationReflection],
        steps: &[write(&["weak"], "Weak version", 4), write(&["mid"], "Mid version", 6), write(&["senior"], "Senior version", 10)],
        sections: &[
            section("weak", "Weak version", "The vague version: how it sounds when the evidence stays invisible."),
            section("mid", "Mid version", "The tasks you did, in order."),
            section("senior", "Senior version", "Context, alternatives, the decision and why, measured impact, what you would change."),
        ],
        former_sections: &[],
        prompts: &prompts::EVIDENCE_REPLAY,
    },
    Drill {
        id: "attribution-split",
        title: "Attribution split",
        minutes: 20,
        purpose: "Split one major project into team outcome, what you directly owned and what others owned, then say it in under two minutes.",
        rubrics: &[FD],
        dimensions: &[Dim::OwnershipEvidence, Dim::ReasoningVisibility],
        signals: &[S::DeliveryJudgment, S::LeadershipInfluence, S::CommunicationReflection],
        steps: &[
            write(&["team-outcome"], "Team outcome", 4),
            write(&["my-ownership"], "My direct ownership", 6),
            write(&["others-ownership"], "Others' ownership", 4),
            write(&["spoken-summary"], "Spoken summary", 6),
        ],
        sections: &[
            section("team-outcome", "Team outcome", "What the team achieved together, with numbers."),
            section("my-ownership", "My direct ownership", "What you decided, built or led yourself: start sentences with I."),
            section("others-ownership", "Others' ownership", "What others owned, by name or role."),
            section_with("spoken-summary", "Spoken summary", "Under two minutes aloud: neither shrink nor inflate your part.", SectionAid::SpokenTimer { minutes: 2 }),
        ],
        former_sections: &[],
        prompts: &prompts::ATTRIBUTION_SPLIT,
    },
    Drill {
        id: "baseline-before-machinery",
        title: "Baseline before machinery",
        minutes: 15,
        purpose: "Design the simplest thing that works at moderate scale, then name the exact threshold that would justify each heavier component.",
        rubrics: &[FD],
        dimensions: &[Dim::ScopeControl, Dim::Clarification, Dim::ReasoningVisibility, Dim::ProductionJudgment],
        signals: &[S::ProblemFraming, S::ArchitecturalJudgment, S::ProductionJudgment],
        steps: &[
            write(&["baseline"], "Baseline design", 7),
            write_all("thresholds", "Thresholds", 8, &["queue", "cache", "shard", "search-index", "stream-processor", "workflow-engine"]),
        ],
        sections: &[
            section("baseline", "Baseline design", "The simplest design that works at moderate scale."),
            section("queue", "Queue threshold", "The condition that would justify adding a queue."),
            section("cache", "Cache threshold", "The condition that would justify adding a cache."),
            section("shard", "Shard threshold", "The condition that would justify sharding."),
            section("search-index", "Search index threshold", "The condition that would justify a search index."),
            section("stream-processor", "Stream processor threshold", "The condition that would justify a stream processor."),
            section("workflow-engine", "Workflow engine threshold", "The condition that would justify a workflow engine."),
        ],
        former_sections: &[],
        prompts: &prompts::BASELINE,
    },
    Drill {
        id: "hint-recovery",
        title: "Hint recovery",
        minutes: 15,
        purpose: "Answer a prompt; partway through a new constraint arrives. Restate it, revise the plan and continue without apologising.",
        rubrics: &[FD],
        dimensions: &[Dim::Recovery, Dim::Clarification, Dim::ReasoningVisibility, Dim::ScopeControl, Dim::CorrectnessTesting],
        signals: &[S::ProblemFraming, S::CodingFluency, S::ArchitecturalJudgment, S::CommunicationReflection],
        steps: &[
            write(&["answer"], "Answer", 7),
            Step { id: "take-hint", label: "Take the hint", minutes: 1, kind: StepKind::Hint, sections: &[] },
            write(&["recovery"], "Recover and continue", 7),
        ],
        sections: &[
            section("answer", "Answer", "Your answer, thinking aloud in writing."),
            section("recovery", "Recovery", "Restate the new constraint, say what changes in the plan, and continue."),
        ],
        former_sections: &[],
        prompts: &prompts::HINT_RECOVERY,
    },
    Drill {
        id: "failure-taxonomy-replay",
        title: "Failure taxonomy replay",
        minutes: 25,
        purpose: "Take an answer that went badly, label each failure, and rewrite only its first three minutes.",
        rubrics: &[FD],
        dimensions: &[Dim::Clarification, Dim::ReasoningVisibility, Dim::ScopeControl, Dim::CorrectnessTesting, Dim::OwnershipEvidence, Dim::ProductionJudgment, Dim::Recovery],
        signals: &[S::ProblemFraming, S::CodingFluency, S::ArchitecturalJudgment, S::ProductionJudgment, S::DeliveryJudgment, S::LeadershipInfluence, S::CommunicationReflection],
        steps: &[
            write(&["original"], "Recall the answer", 7),
            write(&["labels"], "Label the failures", 8),
            write(&["rewrite"], "Rewrite the first three minutes", 10),
        ],
        sections: &[
            section("original", "The answer that went badly", "What you said, as close to verbatim as you can."),
            section("labels", "Failure labels", "Framing, hidden reasoning, overengineering, testing, attribution, impact, production judgment, trade-off, communication, recovery: which ones, where."),
            section("rewrite", "First three minutes, rewritten", "The opening you wish you had given."),
        ],
        former_sections: &[],
        prompts: &prompts::FAILURE_TAXONOMY,
    },
    Drill {
        id: "signal-labeling",
        title: "Signal labeling",
        minutes: 15,
        purpose: "For one prompt, write one observable behaviour under each of the seven senior signals; leave blank the ones it should not test.",
        rubrics: &[SP],
        dimensions: &[Dim::SignalCoverage, Dim::Framing, Dim::Evidence, Dim::TimeControl],
        signals: &[S::ProblemFraming, S::CodingFluency, S::ArchitecturalJudgment, S::ProductionJudgment, S::DeliveryJudgment, S::LeadershipInfluence, S::CommunicationReflection],
        steps: &[
            read("read", "Read the prompt", 2),
            write_all("label", "Label the signals", 13, &["problem-framing", "coding-fluency", "architectural-judgment", "production-judgment", "delivery-judgment", "leadership-influence", "communication-reflection"]),
        ],
        sections: &[
            section("problem-framing", "Problem framing", "One observable behaviour."),
            section("coding-fluency", "Coding fluency", "One observable behaviour."),
            section("architectural-judgment", "Architectural judgment", "One observable behaviour."),
            section("production-judgment", "Production judgment", "One observable behaviour."),
            section("delivery-judgment", "Delivery judgment", "One observable behaviour."),
            section("leadership-influence", "Leadership and influence", "One observable behaviour."),
            section("communication-reflection", "Communication and reflection", "One observable behaviour."),
        ],
        former_sections: &[],
        prompts: &prompts::SIGNAL_LABELING,
    },
    Drill {
        id: "hidden-reasoning-audit",
        title: "Hidden reasoning audit",
        minutes: 25,
        purpose: "Solve a small prompt, then mark every decision you made silently and rewrite each as a one-sentence explanation.",
        rubrics: &[SP],
        dimensions: &[Dim::Evidence, Dim::Reflection, Dim::Framing, Dim::SignalCoverage, Dim::TimeControl],
        signals: &[S::ProblemFraming, S::CodingFluency, S::ArchitecturalJudgment, S::CommunicationReflection],
        steps: &[
            write(&["solution"], "Solve", 12),
            write(&["silent-decisions"], "Mark silent decisions", 5),
            write(&["explanations"], "Explain each", 8),
        ],
        sections: &[
            section("solution", "Solution", "Solve the prompt as you would in the room."),
            section("silent-decisions", "Silent decisions", "Every decision you made without saying why, one per line."),
            section("explanations", "Decisions explained", "Each silent decision as one sentence with its reason."),
        ],
        former_sections: &[],
        prompts: &prompts::HIDDEN_REASONING,
    },
    Drill {
        id: "recovery-practice",
        title: "Recovery practice",
        minutes: 15,
        purpose: "Take a flawed solution, say plainly which assumption was too strong and how the model changes, and continue.",
        rubrics: &[SP],
        dimensions: &[Dim::Recovery, Dim::Reflection, Dim::Framing, Dim::SignalCoverage, Dim::TimeControl],
        signals: &[S::ProblemFraming, S::ArchitecturalJudgment, S::ProductionJudgment, S::CommunicationReflection],
        steps: &[
            read("read", "Read the flawed solution", 3),
            write(&["assumption"], "Name the assumption", 4),
            write_all("revise", "Revise and continue", 8, &["model-change", "continue"]),
        ],
        sections: &[
            section("assumption", "The assumption that was too strong", "Say it plainly, once."),
            section("model-change", "How the model changes", "What is different now and why."),
            section("continue", "Continue", "Carry on with the revised plan."),
        ],
        former_sections: &[],
        prompts: &prompts::RECOVERY_PRACTICE,
    },
    Drill {
        id: "incident-triage",
        title: "Incident triage",
        minutes: 20,
        purpose: "Users suddenly cannot complete bookings in production: impact first, the investigation order, a reversible first mitigation, roles, and updates per audience.",
        rubrics: &[FD],
        dimensions: &[Dim::ProductionJudgment, Dim::Clarification, Dim::ReasoningVisibility, Dim::ScopeControl],
        signals: &[S::ProblemFraming, S::ProductionJudgment, S::DeliveryJudgment, S::LeadershipInfluence, S::CommunicationReflection],
        steps: &[
            write(&["impact-questions"], "Impact questions", 4),
            write(&["investigation-order"], "Investigation order", 4),
            write(&["stabilise"], "First mitigation", 4),
            write(&["roles"], "Roles", 2),
            write_all("updates", "Stakeholder updates", 6, &["update-engineers", "update-support", "update-executives"]),
        ],
        sections: &[
            section_with("impact-questions", "Impact questions", "Tick each question you would ask first and note what you found or assume; add any other question below.", SectionAid::Checklist(&IMPACT_CHECKLIST)),
            section("investigation-order", "Investigation order", "What you check first, second, third, and why in that order."),
            section("stabilise", "First mitigation", "Rollback, feature flag or failover: what you do first, whether it can be undone, and why stabilising comes before optimising."),
            section("roles", "Roles", "Who diagnoses, who communicates, who may deploy, and who decides."),
            section("update-engineers", "Update for engineers", "What is known, what is being tried, what not to touch; the time of the next update."),
            section("update-support", "Update for support", "What to tell customers, any workaround; the time of the next update."),
            section("update-executives", "Update for executives", "Impact in numbers, the decision taken, the risk; the time of the next update."),
        ],
        former_sections: &[section("stakeholder-update", "First stakeholder update", "The message you send in the first fifteen minutes.")],
        prompts: &prompts::INCIDENT_TRIAGE,
    },
    Drill {
        id: "rollout-plan",
        title: "Rollout plan",
        minutes: 20,
        purpose: "For a risky change: the stages, the signal and threshold that gate each, what triggers rollback and how fast, what the feature flag covers, the customer metrics watched, and when not to deploy.",
        rubrics: &[FD],
        dimensions: &[Dim::ProductionJudgment, Dim::CorrectnessTesting, Dim::ScopeControl, Dim::ReasoningVisibility, Dim::Clarification],
        signals: &[S::ProblemFraming, S::ArchitecturalJudgment, S::ProductionJudgment, S::DeliveryJudgment, S::CommunicationReflection],
        steps: &[
            write(&["risk"], "The change and its risk", 3),
            write(&["stages"], "Stages and gates", 6),
            write(&["rollback"], "Rollback", 4),
            write(&["flag"], "Feature flag", 3),
            write(&["metrics"], "Metrics watched", 2),
            write(&["no-deploy"], "When not to deploy", 2),
        ],
        sections: &[
            section("risk", "The change and its risk", "What changes, what could break, and for whom."),
            section("stages", "Stages and gates", "One instance, a few percent, more, all: the signal and the threshold that lets each stage go on."),
            section("rollback", "Rollback", "What triggers it, who may pull it, and how many minutes it takes."),
            section("flag", "Feature flag", "What the flag switches, what it cannot switch back, and how the data migration is covered."),
            section("metrics", "Metrics watched", "The customer-facing numbers you watch, not just CPU, and their normal values."),
            section("no-deploy", "When not to deploy", "The days, events or states in which this change waits."),
        ],
        former_sections: &[],
        prompts: &prompts::ROLLOUT_PLAN,
    },
    Drill {
        id: "postmortem",
        title: "Postmortem",
        minutes: 20,
        purpose: "A blameless review of an incident you lived through: timeline with times, impact in numbers, contributing factors (systems and decisions, not people), what went well, action items with an owner and a date.",
        rubrics: &[FD],
        dimensions: &[Dim::OwnershipEvidence, Dim::ProductionJudgment, Dim::ReasoningVisibility, Dim::CorrectnessTesting],
        signals: &[S::ProductionJudgment, S::DeliveryJudgment, S::LeadershipInfluence, S::CommunicationReflection],
        steps: &[
            write(&["timeline"], "Timeline", 5),
            write(&["impact"], "Impact", 3),
            write(&["factors"], "Contributing factors", 5),
            write(&["went-well"], "What went well", 2),
            write(&["actions"], "Action items", 5),
        ],
        sections: &[
            section("timeline", "Timeline", "Times and events, from the first signal to all clear."),
            section("impact", "Impact", "In numbers: users, requests or orders, minutes, money."),
            section("factors", "Contributing factors", "Systems and decisions that made it possible, not people to blame."),
            section("went-well", "What went well", "What limited the damage, so it is kept."),
            section("actions", "Action items", "Each with one owner and a date or a trigger."),
        ],
        former_sections: &[],
        prompts: &prompts::POSTMORTEM,
    },
];

/// An interrupting hint or new constraint (`hint-recovery`), or a new fact
/// (`recovery-practice`).
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
    /// The kind of prompt it can interrupt.
    pub fits: PromptKind,
    /// Whether it fits any prompt of that kind, so it may interrupt a prompt
    /// the user wrote themselves.
    pub general: bool,
}

/// The position of a hint in the bank (what `HintPlan::hint_index` stores).
pub fn hint_index(hint: &Hint) -> Option<usize> {
    HINTS.iter().position(|h| h.id == hint.id)
}

/// Picks the opening prompt of a new attempt from a caller-supplied random draw.
pub fn pick_prompt(drill: &Drill, rand: u32) -> &'static str {
    match drill.prompts.len() {
        0 => "",
        n => drill.prompts[rand as usize % n].text,
    }
}

/// Picks "another prompt": uniformly among the drill's prompts other than
/// `current` (which may be the user's own text, then any prompt will do).
/// `rand` is a random draw supplied by the caller; the core has no randomness.
pub fn another_prompt(drill: &Drill, current: &str, rand: u32) -> &'static str {
    let others: Vec<&'static str> = drill
        .prompts
        .iter()
        .map(|p| p.text)
        .filter(|p| *p != current)
        .collect();
    match others.len() {
        // A bank of one prompt: nothing else to offer.
        0 => drill.prompts.first().map_or("", |p| p.text),
        n => others[rand as usize % n],
    }
}

/// Words that open a coding prompt the user wrote ("Write a function …").
const CODING_OPENINGS: &[&str] = &[
    "write",
    "implement",
    "code",
    "given",
    "return",
    "find",
    "parse",
    "reverse",
    "sort",
    "merge",
];

impl Drill {
    /// Whether the drill exercises this rubric dimension.
    pub fn exercises(&self, dim: Dim) -> bool {
        self.dimensions.contains(&dim)
    }

    /// Whether the drill tests this senior signal.
    pub fn tests_signal(&self, signal: Signal) -> bool {
        self.signals.contains(&signal)
    }

    /// The bank prompt with exactly this text.
    pub fn prompt(&self, text: &str) -> Option<&'static Prompt> {
        self.prompts.iter().find(|p| p.text == text)
    }

    /// The kinds of prompt in the bank, in bank order, each once: the
    /// drill's prompt families.
    pub fn kinds(&self) -> Vec<PromptKind> {
        let mut kinds = Vec::new();
        for p in self.prompts {
            if !kinds.contains(&p.kind) {
                kinds.push(p.kind);
            }
        }
        kinds
    }

    /// The kind of a prompt: the bank's for a bank prompt; for the user's own
    /// text, coding when the drill has coding prompts and it reads like one
    /// ("Write a function …"), otherwise the kind of the drill's first prompt.
    pub fn kind_of(&self, text: &str) -> PromptKind {
        if let Some(p) = self.prompt(text) {
            return p.kind;
        }
        let first_word: String = text
            .trim_start()
            .chars()
            .take_while(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect();
        let lower = text.to_ascii_lowercase();
        let reads_as_code = CODING_OPENINGS.contains(&first_word.as_str())
            || lower.contains("function")
            || lower.contains("algorithm");
        let kinds = self.kinds();
        if reads_as_code && kinds.contains(&PromptKind::Coding) {
            PromptKind::Coding
        } else {
            kinds.first().copied().unwrap_or(PromptKind::Story)
        }
    }

    /// The step the interrupt belongs to (hint recovery's "Take the hint").
    pub fn hint_step(&self) -> Option<usize> {
        self.steps.iter().position(|s| s.kind == StepKind::Hint)
    }

    /// When the interrupt may come, in active drill time: the second half of
    /// the writing step before the hint step ([from, until)), so there is an
    /// answer to invalidate and the hint never arrives after that step ends.
    pub fn hint_window(&self) -> Option<(i64, i64)> {
        let hint = self.hint_step()?;
        let answer = hint.checked_sub(1)?;
        let start: i64 = self.steps[..answer]
            .iter()
            .map(|s| i64::from(s.minutes) * 60_000)
            .sum();
        let len = i64::from(self.steps[answer].minutes) * 60_000;
        Some((start + len / 2, start + len))
    }

    /// The hints that may interrupt this prompt: a bank prompt's own, or for
    /// the user's own prompt the general hints of its kind. None when the
    /// drill has no interrupt.
    pub fn fitting_hints(&self, prompt: &str) -> Vec<&'static Hint> {
        if self.hint_step().is_none() {
            return Vec::new();
        }
        if let Some(p) = self.prompt(prompt) {
            return p.hints.to_vec();
        }
        let kind = self.kind_of(prompt);
        HINTS
            .iter()
            .filter(|h| h.general && h.fits == kind)
            .collect()
    }

    /// Recovery practice: the new fact of a bank prompt.
    pub fn fact(&self, prompt: &str) -> Option<&'static Hint> {
        self.prompt(prompt).and_then(|p| p.fact)
    }

    /// The step a section is written in.
    pub fn step_of_section(&self, section: &str) -> Option<&'static Step> {
        self.steps.iter().find(|s| s.sections.contains(&section))
    }

    /// The step the time before the first edit belongs to: the first step
    /// (a reading step where the drill opens with one).
    pub fn opening_step(&self) -> Option<&'static Step> {
        self.steps.first()
    }

    /// The label of a section, also of a former one.
    pub fn section_label(&self, id: &str) -> Option<&'static str> {
        self.sections
            .iter()
            .chain(self.former_sections)
            .find(|s| s.id == id)
            .map(|s| s.label)
    }

    /// The planned milliseconds of each step, in order.
    pub fn step_ms(&self) -> impl Iterator<Item = (&'static Step, i64)> {
        self.steps
            .iter()
            .map(|s| (s, i64::from(s.minutes) * 60_000))
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
    fn catalogue_has_the_eleven_drills_of_the_brief_with_their_minutes() {
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
            ("rollout-plan", "Rollout plan", 20),
            ("postmortem", "Postmortem", 20),
        ];
        assert_eq!(DRILLS.len(), expected.len());
        for (id, title, minutes) in expected {
            let d = drill(id).unwrap_or_else(|| panic!("missing drill {id}"));
            assert_eq!(d.title, title);
            assert_eq!(d.minutes, minutes, "{id}");
        }
    }

    #[test]
    fn drill_ids_section_ids_step_ids_and_checklist_ids_are_unique() {
        let ids: HashSet<_> = DRILLS.iter().map(|d| d.id).collect();
        assert_eq!(ids.len(), DRILLS.len());
        for d in &DRILLS {
            let sections: HashSet<_> = d
                .sections
                .iter()
                .chain(d.former_sections)
                .map(|s| s.id)
                .collect();
            assert_eq!(
                sections.len(),
                d.sections.len() + d.former_sections.len(),
                "{}",
                d.id
            );
            let steps: HashSet<_> = d.steps.iter().map(|s| s.id).collect();
            assert_eq!(steps.len(), d.steps.len(), "{}", d.id);
            for s in d.sections {
                if let SectionAid::Checklist(items) = s.aid {
                    let items_ids: HashSet<_> = items.iter().map(|i| i.id).collect();
                    assert_eq!(items_ids.len(), items.len(), "{}", d.id);
                    assert!(items.iter().all(|i| i.question.ends_with('?')));
                }
            }
        }
    }

    #[test]
    fn every_drill_has_steps_whose_minutes_add_up_and_that_cover_every_section_once() {
        for d in &DRILLS {
            assert!(!d.steps.is_empty(), "{}", d.id);
            let total: u32 = d.steps.iter().map(|s| s.minutes).sum();
            assert_eq!(total, d.minutes, "{}", d.id);
            assert!(d.steps.iter().all(|s| s.minutes > 0), "{}", d.id);
            for s in d.sections {
                let steps = d
                    .steps
                    .iter()
                    .filter(|st| st.sections.contains(&s.id))
                    .count();
                assert_eq!(steps, 1, "{}: section {} in one step", d.id, s.id);
            }
            for st in d.steps {
                for id in st.sections {
                    assert!(d.sections.iter().any(|s| s.id == *id), "{}: {id}", d.id);
                }
                assert_eq!(
                    st.sections.is_empty(),
                    st.kind != StepKind::Write,
                    "{}: only writing steps have sections",
                    d.id
                );
            }
            // A reading step can only come first: its time is the time before the first edit.
            for (i, st) in d.steps.iter().enumerate() {
                if st.kind == StepKind::Read {
                    assert_eq!(i, 0, "{}", d.id);
                }
            }
            assert!(!d.sections.is_empty(), "{}", d.id);
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
            assert!(!d.dimensions.is_empty(), "{}", d.id);
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
    fn the_production_drills_train_production_judgment_first_or_ownership() {
        let first = |id: &str| drill(id).map(|d| d.dimensions[0]);
        assert_eq!(first("rollout-plan"), Some(Dim::ProductionJudgment));
        assert_eq!(first("incident-triage"), Some(Dim::ProductionJudgment));
        // A blameless review is about owned action items first.
        assert_eq!(first("postmortem"), Some(Dim::OwnershipEvidence));
        for id in ["rollout-plan", "postmortem", "incident-triage"] {
            let d = drill(id).expect("drill exists");
            assert!(d.tests_signal(Signal::ProductionJudgment), "{id}");
        }
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
            let unique: HashSet<_> = d.prompts.iter().map(|p| p.text).collect();
            assert_eq!(unique.len(), d.prompts.len(), "{}", d.id);
            for p in d.prompts {
                assert!(
                    p.text.len() >= 20 && p.text.len() <= 600,
                    "{}: {}",
                    d.id,
                    p.text
                );
                assert!(
                    !p.text.contains('\n'),
                    "{}: prompts are one paragraph",
                    d.id
                );
                assert_eq!(d.kind_of(p.text), p.kind, "{}: {}", d.id, p.text);
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
                assert!(p.text.starts_with(marker), "{id}: {}", p.text);
            }
        }
    }

    #[test]
    fn every_recovery_practice_prompt_ends_with_a_new_fact_the_check_can_read() {
        use crate::core::recovery::check_recovery;
        let d = drill("recovery-practice").expect("drill exists");
        for p in d.prompts {
            let fact = p.fact.unwrap_or_else(|| panic!("no fact: {}", p.text));
            assert!(
                p.text.ends_with(&format!("New fact: {}", fact.text)),
                "{}",
                p.text
            );
            assert_eq!(d.fact(p.text), Some(fact));
            // The fact restates itself, an unrelated answer does not, and a
            // pasted-back fact revises nothing.
            let own = check_recovery(fact, fact.text);
            assert!(own.restated_constraint, "{}: {}", fact.id, own.summary);
            assert!(!own.passed(), "{}", fact.id);
            let unrelated = check_recovery(fact, "I would keep the design and add monitoring.");
            assert!(!unrelated.restated_constraint, "{}", fact.id);
        }
        let ids: HashSet<_> = d
            .prompts
            .iter()
            .filter_map(|p| p.fact)
            .map(|f| f.id)
            .collect();
        assert_eq!(ids.len(), d.prompts.len());
        assert!(
            ids.iter().all(|id| !HINTS.iter().any(|h| h.id == *id)),
            "facts are not drawn as hints"
        );
        for other in DRILLS.iter().filter(|x| x.id != d.id) {
            assert!(
                other.prompts.iter().all(|p| p.fact.is_none()),
                "{}",
                other.id
            );
        }
    }

    #[test]
    fn incident_triage_keeps_the_scenario_of_the_brief_and_varies_what_is_behind_it() {
        let d = drill("incident-triage").expect("drill exists");
        for p in d.prompts {
            assert!(p
                .text
                .starts_with("Users suddenly cannot complete bookings in production."));
        }
        // The issue's scenarios: a recent deploy, a provider returning garbage,
        // stale authorisation data, a retry storm.
        for needle in [
            "deployed 10 minutes ago",
            "garbled",
            "permissions cache",
            "retries",
        ] {
            assert!(
                d.prompts.iter().any(|p| p.text.contains(needle)),
                "{needle}"
            );
        }
    }

    #[test]
    fn incident_triage_asks_the_impact_questions_and_has_mitigation_roles_and_updates_per_audience()
    {
        let d = drill("incident-triage").expect("drill exists");
        let impact = d
            .sections
            .iter()
            .find(|s| s.id == "impact-questions")
            .expect("impact");
        let SectionAid::Checklist(items) = impact.aid else {
            panic!("impact questions are a checklist");
        };
        let ids: Vec<_> = items.iter().map(|i| i.id).collect();
        assert_eq!(
            ids,
            [
                "scope",
                "layer",
                "deploy",
                "external",
                "queues",
                "errors",
                "failure-kind",
                "cost"
            ]
        );
        let labels: Vec<_> = d.sections.iter().map(|s| s.label).collect();
        for label in [
            "First mitigation",
            "Roles",
            "Update for engineers",
            "Update for support",
            "Update for executives",
        ] {
            assert!(labels.contains(&label), "{label}");
        }
        for s in d.sections.iter().filter(|s| s.id.starts_with("update-")) {
            assert!(s.help.contains("next update"), "{}", s.id);
        }
        assert!(
            d.sections.iter().any(|s| s.help.contains("undone")),
            "reversibility is asked"
        );
        // An attempt written before keeps its label.
        assert_eq!(
            d.section_label("stakeholder-update"),
            Some("First stakeholder update")
        );
    }

    #[test]
    fn only_attribution_split_has_a_spoken_timer_and_only_incident_triage_a_checklist() {
        for d in &DRILLS {
            let spoken = d
                .sections
                .iter()
                .filter(|s| matches!(s.aid, SectionAid::SpokenTimer { .. }))
                .count();
            let lists = d
                .sections
                .iter()
                .filter(|s| matches!(s.aid, SectionAid::Checklist(_)))
                .count();
            assert_eq!(spoken, usize::from(d.id == "attribution-split"), "{}", d.id);
            assert_eq!(lists, usize::from(d.id == "incident-triage"), "{}", d.id);
        }
    }

    #[test]
    fn another_prompt_is_always_a_different_bank_prompt() {
        for d in &DRILLS {
            let texts: Vec<&str> = d.prompts.iter().map(|p| p.text).collect();
            for current in &texts {
                let mut seen = HashSet::new();
                for rand in 0..64u32 {
                    let next = another_prompt(d, current, rand.wrapping_mul(0x9E37_79B9));
                    assert_ne!(next, *current, "{}", d.id);
                    assert!(texts.contains(&next));
                    seen.insert(next);
                }
                assert_eq!(
                    seen.len(),
                    texts.len() - 1,
                    "{}: every other prompt is reachable",
                    d.id
                );
            }
            // The user's own prompt is not in the bank: any bank prompt will do.
            let own = another_prompt(d, "My own prompt", u32::MAX);
            assert!(texts.contains(&own));
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
        const ONLY: [Prompt; 1] = [Prompt {
            text: "Only one",
            kind: PromptKind::Story,
            hints: &[],
            fact: None,
        }];
        let mut d = DRILLS[0];
        d.prompts = &ONLY;
        assert_eq!(another_prompt(&d, "Only one", 7), "Only one");
        d.prompts = &[];
        assert_eq!(another_prompt(&d, "x", 7), "");
    }

    #[test]
    fn hint_bank_has_ids_texts_and_key_terms() {
        assert!(HINTS.len() >= 12);
        let ids: HashSet<_> = HINTS.iter().map(|h| h.id).collect();
        assert_eq!(ids.len(), HINTS.len());
        // Append only: stored attempts point at these positions.
        let first = [
            "write-volume-100x",
            "provider-rate-limit",
            "exactly-once",
            "p99-latency",
            "single-region-data",
            "memory-limit",
            "read-heavy",
            "offline-clients",
            "team-of-two",
            "ordering",
            "sorted-input",
            "no-extra-memory",
            "deletes-gdpr",
            "dependency-down",
        ];
        for (i, id) in first.iter().enumerate() {
            assert_eq!(HINTS[i].id, *id);
        }
        for h in &HINTS {
            assert!(h.text.ends_with('.'), "{}", h.id);
            assert!(!h.key_terms.is_empty(), "{}", h.id);
            assert_eq!(hint_index(h).map(|i| HINTS[i].id), Some(h.id));
            for group in h.key_terms {
                assert!(!group.is_empty(), "{}", h.id);
                for term in *group {
                    assert!(!term.is_empty(), "{}", h.id);
                    assert_eq!(*term, term.to_lowercase(), "{}: terms are lower case", h.id);
                }
            }
        }
    }

    /// The issue: "a design prompt never gets an algorithm hint", and every
    /// hint-recovery prompt has at least two hints that fit it.
    #[test]
    fn every_hint_recovery_prompt_has_at_least_two_fitting_hints_and_a_design_prompt_no_algorithm_hint(
    ) {
        let d = drill("hint-recovery").expect("drill exists");
        let kinds = d.kinds();
        assert!(kinds.contains(&PromptKind::Design) && kinds.contains(&PromptKind::Coding));
        for p in d.prompts {
            let hints = d.fitting_hints(p.text);
            assert!(hints.len() >= 2, "{}: {} hints", p.text, hints.len());
            let unique: HashSet<_> = hints.iter().map(|h| h.id).collect();
            assert_eq!(unique.len(), hints.len(), "{}", p.text);
            for h in &hints {
                assert_eq!(h.fits, p.kind, "{} gets {}", p.text, h.id);
                assert!(hint_index(h).is_some(), "{} is in the bank", h.id);
            }
            if p.kind == PromptKind::Design {
                for algorithmic in ["sorted-input", "no-extra-memory", "memory-limit"] {
                    assert!(
                        hints.iter().all(|h| h.id != algorithmic),
                        "{}: {algorithmic}",
                        p.text
                    );
                }
            }
        }
        // Every hint of the bank is used by some prompt or may interrupt an own prompt.
        for h in &HINTS {
            assert!(
                h.general
                    || d.prompts
                        .iter()
                        .any(|p| p.hints.iter().any(|x| x.id == h.id)),
                "{} is never drawn",
                h.id
            );
        }
        for other in DRILLS.iter().filter(|x| x.id != d.id) {
            assert!(
                other.fitting_hints(other.prompts[0].text).is_empty(),
                "{}",
                other.id
            );
        }
    }

    #[test]
    fn an_own_prompt_gets_general_hints_of_the_kind_it_reads_as() {
        let d = drill("hint-recovery").expect("drill exists");
        let cases = [
            (
                "Design a ticket queue for a 20-person support team.",
                PromptKind::Design,
            ),
            (
                "Write a function that rotates a matrix by 90 degrees.",
                PromptKind::Coding,
            ),
            (
                "Implement a trie with insert and prefix search.",
                PromptKind::Coding,
            ),
            ("How would you build a chat app?", PromptKind::Design),
            ("", PromptKind::Design),
        ];
        for (text, kind) in cases {
            assert_eq!(d.kind_of(text), kind, "{text}");
            let hints = d.fitting_hints(text);
            assert!(hints.len() >= 2, "{text}");
            assert!(hints.iter().all(|h| h.general && h.fits == kind), "{text}");
        }
        // A drill without coding prompts never reads a prompt as coding.
        let story = drill("evidence-replay").expect("drill exists");
        assert_eq!(story.kind_of("Write a function for me"), PromptKind::Story);
    }

    #[test]
    fn the_hint_window_is_the_second_half_of_the_answer_step() {
        let d = drill("hint-recovery").expect("drill exists");
        assert_eq!(d.hint_step(), Some(1));
        assert_eq!(d.steps[0].label, "Answer");
        assert_eq!(d.hint_window(), Some((210_000, 420_000)));
        for other in DRILLS.iter().filter(|x| x.id != d.id) {
            assert_eq!(other.hint_window(), None, "{}", other.id);
        }
    }

    #[test]
    fn steps_are_found_by_section_and_the_opening_step_comes_first() {
        let d = drill("incident-triage").expect("drill exists");
        assert_eq!(
            d.step_of_section("update-support").map(|s| s.id),
            Some("updates")
        );
        assert_eq!(d.step_of_section("nope"), None);
        let labeling = drill("signal-labeling").expect("drill exists");
        assert_eq!(
            labeling.opening_step().map(|s| s.kind),
            Some(StepKind::Read)
        );
    }
}
