//! `trait-claim`: asserting a quality instead of showing it: "I am a strong
//! owner", "I care deeply about quality", "I'm passionate about", "I'm a
//! natural leader", "I'm known for being a great communicator".
//!
//! Why an interviewer cares: every candidate says these words, so they carry
//! no information; worse, they invite the interviewer to test the claim. A
//! concrete action that demonstrates the trait is the evidence itself.
//!
//! Better shape: the behaviour and its result: "I review every migration line
//! by line; last quarter that caught two destructive ALTERs before production."

use super::{RuleInfo, ShapeRule};
use crate::core::analyzer::lexicon::Phrases;
use crate::core::analyzer::shape::{Next, Shape, Term};
use crate::core::analyzer::Severity;

pub const INFO: RuleInfo = RuleInfo {
    id: "trait-claim",
    title: "Trait claim",
    description: "Asserting a quality (\"I'm a strong owner\", \"I care deeply about\") instead of showing the behaviour that proves it.",
    example_fix: "I review every migration line by line; last quarter that caught two destructive ALTERs before they reached production.",
};

/// Ways of describing oneself.
pub static SELF_DESCRIPTION: Phrases = Phrases {
    name: "self-description",
    items: &[
        "{i am|i'm|im|i've always been|i have always been|i was always|i've been|i consider myself|i see myself as|i'd describe myself as|i would describe myself as|i'd call myself|i would call myself}",
        "{i'm|i am} {known|seen|regarded|considered|recognised|recognized} {for being|as}",
        "{people|colleagues|my manager|my team|others|everyone|my peers|my reports} {say|says|said|call|calls|called|describe me as|describes me as|see me as|would say|would describe me as|would call me|'d describe me as|'d call me|always say|tell me} {i'm|i am|me|that i'm|that i am|}",
        "i pride myself on being", "{i'm|i am} someone who is", "{i'm|i am} the kind of {person|engineer} who is",
        "i've been told {i'm|i am}",
    ],
};

/// Qualities (adjectives and role nouns) that are claimed rather than shown.
pub static TRAITS: Phrases = Phrases {
    name: "traits",
    items: &[
        "{strong|natural|born|great|good|excellent|effective|true|real|exceptional|servant} {owner|leader|communicator|collaborator|mentor|problem solver|problem-solver|team player|engineer|developer|listener|coder|programmer}",
        "the {glue|go-to person|go-to engineer|go-to guy|safe pair of hands}",
        "{team player|self-starter|self starter|problem solver|problem-solver|fast learner|quick learner|hard worker|go-getter|people person|perfectionist|rockstar|ninja|10x engineer|high performer|top performer|visionary|workaholic}",
        "{detail-oriented|detail oriented|results-driven|results-oriented|results oriented|data-driven|customer-obsessed|customer-focused|ownership-minded|mission-driven|impact-driven|growth-minded}",
        "{passionate|driven|motivated|proactive|meticulous|hard-working|hardworking|humble|curious|reliable|dependable|organized|organised|creative|innovative|strategic|collaborative|empathetic|resilient|adaptable|dedicated|diligent|thorough|obsessed|relentless|tenacious|pragmatic|analytical|a leader|an owner}",
        "!{passionate|obsessed|curious} about {whether|why|how|what}",
    ],
};

/// Trait claims made with a verb.
pub static TRAIT_VERBS: Phrases = Phrases {
    name: "trait-verbs",
    items: &[
        "i {care|cared} {deeply|so much|a lot|passionately} about",
        "i {really |truly |genuinely |always |honestly |}{deeply|really|truly|genuinely|always} {care|cared} {about|for}",
        "i {really |truly |genuinely |always |deeply |}{care|cared} {deeply|so much|a lot|passionately|immensely|hugely} {about|for}",
        "{i|someone who} {always |}{go|goes|went} {the extra mile|above and beyond}",
        "i love {solving problems|a challenge|challenges|learning|building things}",
        "i always {go above and beyond|give 110|give it my all|take ownership|deliver|get things done|put the customer first}",
        "i take ownership of everything",
        "i {thrive|work well|perform best|do my best work} under pressure",
        "i never give up",
        "i {live and breathe|eat, sleep and breathe}",
        "{ownership|quality|leadership|communication} is in my {dna|blood|nature}",
        "i'm {obsessed|passionate} with",
    ],
};

static TRIGGER: [Term; 2] = [
    Term::Then(&SELF_DESCRIPTION, Next::List(&TRAITS)),
    Term::Any(&TRAIT_VERBS),
];

pub static RULE: ShapeRule = ShapeRule {
    info: INFO,
    severity: Severity::Info,
    shapes: &[Shape {
        trigger: &TRIGGER,
        with: &[],
        unless: &[],
        min_count: 1,
        message: "\"{}\" asserts a trait instead of showing it",
        suggestion: "Replace the adjective with what you did that proves it: \"I review every … ; last quarter that caught …\".",
    }],
};

#[cfg(test)]
mod tests {
    use super::super::testing::check_table;

    #[test]
    fn table() {
        check_table(
            "trait-claim",
            &[
                "I am a strong owner.",
                "I care deeply about developer experience.",
                "I'm passionate about distributed systems.",
                "I’m a natural leader, so I stepped up.",
                "I'm a very detail-oriented engineer.",
                "I'm known for being a great communicator.",
                "I consider myself a team player.",
                "People say I'm extremely reliable.",
                "I've always been a self-starter.",
                "I really care about code quality.",
                "I thrive under pressure.",
                "I am someone who is very proactive.",
                "Honestly I'm a perfectionist about APIs.",
                "I always go above and beyond for customers.",
                "I would describe myself as results-driven.",
                "I'm a fast learner, so the new stack was fine.",
                "I genuinely care so much about developer experience.",
                "My peers would describe me as a strong collaborator.",
                "I always go the extra mile on launches.",
                "My team calls me the glue of the group.",
            ],
            &[
                "I review every migration line by line.",
                "Priya is a natural leader, and I learned from her.",
                "I'm not a natural leader, so I practised running the standup.",
                "I am the owner of the billing service.",
                "I'm a staff engineer on the payments team.",
                "I'm curious about whether the limit is per tenant.",
                "I mentored two juniors through their first on-call.",
                "The team cares deeply about latency.",
                "She said I was thorough in the review, and it caught two bugs.",
                "I care about p99 because checkout times out at two seconds.",
                "I'm passing the ball to the platform team for the DNS part.",
                "A strong owner would have paged the team earlier.",
                "I'm driving the migration this quarter.",
                "I'm responsible for the ingestion pipeline.",
                "I am a bit worried about the write volume.",
                "My peers described the runbook as the clearest one on the team.",
                "I care about the error budget because it decides when we freeze.",
                "I wrote the glue code between the two services.",
            ],
        );
    }
}
