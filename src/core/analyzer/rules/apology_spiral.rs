//! `apology-spiral`: repeated apology or self-deprecation in one answer (two
//! or more of "sorry", "apologies", "I'm bad at this", "this is probably all
//! wrong", "ugh, I keep messing this up").
//!
//! Why an interviewer cares: recovery is one of the things being sampled.
//! One polite "sorry, could you repeat that?" is fine; a spiral spends your
//! time and their attention on your nerves instead of the problem, and reads
//! as freezing under new information.
//!
//! Better shape: acknowledge once, restate and continue: "Good catch, that
//! breaks my ordering assumption. I'll key the dedupe on the event id instead."

use super::{RuleInfo, ShapeRule};
use crate::core::analyzer::lexicon::Phrases;
use crate::core::analyzer::shape::{Next, Shape, Term};
use crate::core::analyzer::Severity;

pub const INFO: RuleInfo = RuleInfo {
    id: "apology-spiral",
    title: "Apology spiral",
    description: "Repeated apology or self-deprecation (two or more in one answer) instead of restating and moving on.",
    example_fix: "Good catch, that breaks my ordering assumption. I'll key the dedupe on the event id instead and keep going.",
};

/// Apologies and self-deprecation.
pub static APOLOGIES: Phrases = Phrases {
    name: "apologies",
    items: &[
        "sorry", "apologies", "i apologise", "i apologize", "my apologies", "my bad",
        "!{feel|felt|feeling|sorry state|sorry to hear|no need to be} sorry",
        "!sorry {state|to hear}",
        "{probably|likely} {all |completely |}wrong",
        "{stupid|dumb|silly} {question|mistake|of me}",
        "i keep {messing|screwing} {this|it|things} up",
        "i {messed|screwed} {this|it|that} up",
        "{i'm|i am} {blanking|drawing a blank|rambling|so confused|an idiot|so stupid|so dumb|useless|hopeless}",
        "my mind {went|is going} blank",
        "ugh", "argh", "bear with me", "forgive me",
        "i don't know what i'm doing",
        "i'm so nervous", "i'm really nervous",
    ],
};

/// "I'm (really) …" and "this is (probably all) …", completed by the lists below.
pub static SELF_AND_WORK: Phrases = Phrases {
    name: "self-and-work",
    items: &[
        "{i'm|i am|i've always been}",
        "{this|that|it|all this|all of this|my answer|my approach|my whole approach} {is|was}",
    ],
};

/// Completions that make the phrase self-deprecation.
pub static DEPRECATIONS: Phrases = Phrases {
    name: "deprecations",
    items: &[
        "{bad|terrible|awful|hopeless|useless|rubbish|not good|not great} at {this|these|interviews|whiteboarding|this kind of thing|these questions|live coding}",
        "{wrong|garbage|a mess|nonsense|stupid|dumb|silly|terrible}",
    ],
};

static TRIGGER: [Term; 2] = [
    Term::Any(&APOLOGIES),
    Term::Then(&SELF_AND_WORK, Next::List(&DEPRECATIONS)),
];

pub static RULE: ShapeRule = ShapeRule {
    info: INFO,
    severity: Severity::Warning,
    shapes: &[Shape {
        trigger: &TRIGGER,
        with: &[],
        unless: &[],
        min_count: 2,
        message: "\"{}\" is one of several apologies in this answer",
        suggestion: "Acknowledge once, restate the new constraint, and continue: \"Good catch — that breaks X. I'll do Y instead.\"",
    }],
};

#[cfg(test)]
mod tests {
    use super::super::testing::check_table;

    #[test]
    fn table() {
        check_table(
            "apology-spiral",
            &[
                "Sorry, I'm blanking. Sorry, where was I?",
                "Apologies, that's wrong. Sorry, ugh.",
                "Sorry. I'm really bad at these questions.",
                "This is probably all wrong, sorry.",
                "Ugh, I keep messing this up. Sorry.",
                "Sorry, let me restart. My bad, I meant the other table.",
                "I'm terrible at whiteboarding, sorry about the mess.",
                "Sorry — I messed that up. I apologise, let me try again.",
                "My apologies. I'm drawing a blank on the name.",
                "Sorry for the long pause. Sorry, I'm nervous. Sorry.",
                "Bear with me, sorry, I'm rambling.",
                "Stupid mistake, sorry. I'll fix the loop.",
                "I'm so nervous, sorry, this is probably wrong.",
                "Sorry! Forgive me, I read the limit as per minute.",
                "I'm bad at this, honestly. Ugh.",
            ],
            &[
                "Sorry, did you say the limit is per user or per tenant?",
                "Good catch. That breaks my ordering assumption, so I'll key on the event id.",
                "I felt sorry for the on-call engineer, so I rewrote the runbook.",
                "The codebase was in a sorry state when I joined. I wrote tests first.",
                "Apologies for the delay in the last update; the root cause is now fixed.",
                "I was wrong about the write volume, so I'll move the fan-out to a queue.",
                "That assumption doesn't hold. Restating: writes are 100x reads.",
                "The customer was sorry to hear about the outage.",
                "I paused, restated the constraint, and continued.",
                "Sorry, one more clarification: is this read-heavy?",
                "I made a mistake in the index choice and fixed it the next day.",
                "I'll restate the problem before I start.",
                "I was not good at estimating back then, so now I add a buffer.",
                "Let me rethink that: the limit changes the batch size.",
                "We apologised to the customers in the status page update.",
            ],
        );
    }
}
