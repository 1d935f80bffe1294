//! `hidden-reasoning`: a decision or conclusion with no reason given.
//!
//! Two kinds of trigger: words that wave a conclusion through ("obviously",
//! "clearly", "just add", "simply", "the standard way", "best practice"), and
//! a choice ("I chose", "I went with", "I decided on") with no because, so
//! that, given, trade-off or instead-of in that sentence or the next.
//!
//! Why an interviewer cares: the interview samples your reasoning, not your
//! conclusions. A silent decision scores like a guess, and "obviously" tells
//! the interviewer you did not see the alternative they had in mind.
//!
//! Better shape: name the choice, the reason and what you gave up: "I went
//! with a monorepo because four services shared one schema package, at the
//! cost of slower CI."

use super::{RuleInfo, ShapeRule};
use crate::core::analyzer::lexicon::Phrases;
use crate::core::analyzer::shape::{Scope, Shape, Term, Unless};
use crate::core::analyzer::Severity;

pub const INFO: RuleInfo = RuleInfo {
    id: "hidden-reasoning",
    title: "Hidden reasoning",
    description: "A decision or conclusion with no reason: \"obviously\", \"just\", \"the standard way\", or a choice with no because / trade-off.",
    example_fix: "I went with a monorepo because four services shared one schema package; the cost was slower CI, which I capped with build caching.",
};

/// Words that wave a conclusion through.
pub static BARE_CERTAINTY: Phrases = Phrases {
    name: "bare-certainty",
    items: &[
        "obviously",
        "!not obviously",
        "{^|,|;|:|-|(} {clearly|naturally|of course|evidently}",
        "{is|was|were|are|'s|it's|that's|be|i|we|it|this|that|they|you} clearly",
        "{i|we|you|they|i'd|i'll|we'd|we'll|you'd|you'll|would|could|can|should|will|then|so} just",
        "!{i|we|you|they} just {joined|started|arrived|finished|moved|came|returned|wanted|need|needed|want|had|got back|heard|found out|learned|realised|realized|noticed}",
        "!{would|could|should|can|will|i|we} just {like|love|say|mention|note|add that|clarify|check|confirm|ask|want}",
        "!just {in case|in time|before|after|as|now|to be clear|to confirm|to check|to clarify}",
        "^ just {use|add|put|cache|throw|restart|retry|spin|run|do|ship|go with|make|rewrite|delete|drop|scale}",
        "{i|we|you|would|could|can|i'd|we'd|then|,|was|is|were|are|'s|it's|that's} simply",
        "{the fix|the answer|the solution|the plan|the idea|the approach|the move|the trick|all i did|all we did} {was|is|'s} just",
        "^ simply {use|add|put|cache|restart|retry|rewrite}",
        "!simply put",
        "{the|it's|its|it is|that's|that is|was|is} {standard|obvious|usual|normal|right|correct|only sensible} {way|approach|choice|answer|pattern|thing to do|solution|move|option}",
        "{industry|a} {standard|best practice}",
        "best practice",
        "best practices",
        "!{not|despite} best practice",
        "everyone {uses|does|knows|did}",
        "{no-brainer|no brainer|goes without saying|needless to say|it's standard|that's standard|as is standard|because that's how it's done|that's how it's done|because i said so}",
    ],
};

/// Announced choices. The reason must follow within this sentence or the next.
pub static CHOICES: Phrases = Phrases {
    name: "choices",
    items: &[
        "{i|we|the team} {chose|picked|selected|opted for|went with|decided on|decided to|decided that|decided|settled on|landed on|ended up with|ended up going with|ended up using|went for|standardised on|standardized on}",
        "{i'd|i would|i'll|i will|we'd|we would|we'll|we will|i'm going to} {go with|choose|pick|opt for|settle on|go for}",
        "{my|our|the} {choice|decision|pick|call} {was|is} to",
        "{i|we} made the {call|decision} to",
        "!{why|how} {i|we} {chose|picked|decided|went with}",
    ],
};

/// Reasons, purposes, trade-offs and alternatives.
pub static REASONS: Phrases = Phrases {
    name: "reasons",
    items: &[
        "because", "'cause", "cause", "since", "as it", "as they", "as the", "as we", "as our",
        "given", "so that", "so it",
        // "so I could …" is a purpose; "so I added …" is only the next step.
        "so {i|we} {could|can|can't|couldn't|would|wouldn't|'d|will|won't|might|don't|didn't have to|never|only|always|get|keep|avoid|stay}", "so the", "so users", "so each",
        "so every", "so nobody", "so no", "in order to",
        "!so that {is|was|'s|would be}", "!so that's", "!so i {did|went|chose|picked|decided}",
        "!so {we|i} {just|simply}",
        "!so that {one|part|bit|piece|signal|box|step|section}",
        "{it|this|that|which} {keeps|avoids|prevents|saves|lets|gives|removes|cuts|reduces|simplifies|protects|guarantees|ensures|makes sure|means}",
        "avoids", "avoiding", "prevents", "ensures", "guarantees",
        "trade-off", "trade-offs", "tradeoff", "tradeoffs", "trade off", "instead of",
        "rather than", "reason", "reasons", "why", "due to", "thanks to", "because of",
        "to {avoid|keep|reduce|cut|save|make sure|ensure|prevent|limit|minimise|minimize|isolate|support|meet|stay|get|handle|protect|unblock|simplify|speed}",
        "at the cost of", "cost", "costs", "cheaper", "downside", "downsides", "upside",
        "drawback", "risk", "risks", "which meant", "which means", "that meant", "this meant",
        "meaning", "which let", "which lets", "that let", "that lets", "letting", "otherwise",
        "versus", "vs", "compared to", "compared with", "alternative", "alternatives",
        "considered", "weighed", "over the", "the data showed",
        "measured", "benchmark", "benchmarks", "benchmarked", "profiled", "profiling",
        "the main driver", "driven by", "the goal", "our goal", "my goal", "the point was",
        "in exchange", "we gave up", "i gave up", "at the expense of", "the catch",
    ],
};

static TRIGGER: [Term; 2] = [Term::Any(&BARE_CERTAINTY), Term::Any(&CHOICES)];

static UNLESS: [Unless; 1] = [Unless {
    term: Term::Any(&REASONS),
    scope: Scope::NextSentence,
}];

pub static RULE: ShapeRule = ShapeRule {
    info: INFO,
    severity: Severity::Warning,
    shapes: &[Shape {
        trigger: &TRIGGER,
        with: &[],
        unless: &UNLESS,
        min_count: 1,
        message: "\"{}\" gives a decision without the reason behind it",
        suggestion: "Say why, and what you gave up: \"I chose X because …, at the cost of …\" or \"X instead of Y, given …\".",
    }],
};

#[cfg(test)]
mod tests {
    use super::super::testing::check_table;

    #[test]
    fn table() {
        check_table(
            "hidden-reasoning",
            &[
                "Obviously the right store here is DynamoDB.",
                "Clearly, the old scheduler had to go.",
                "I just restarted the pods and it recovered.",
                "You just put a load balancer in front of it.",
                "I picked Go for the rewrite.",
                "We went with GraphQL for the mobile API.",
                "I'd simply denormalise the table.",
                "That's the standard approach for this kind of system.",
                "Using an ORM is best practice.",
                "I decided to rewrite the parser. It took three weeks.",
                "Naturally, I reached for the same framework as last time.",
                "Of course I used feature branches.",
                "I settled on a nightly batch job.",
                "It was clearly a database problem.",
                "Everyone uses React for this, so I did too.",
                "I’d go with Postgres.",
                "The team decided on a rewrite and I started on the data layer.",
                "The answer was simply to add an index.",
                "Clearly the cache was stale, so I flushed it.",
                "The trick is just to sort the input first.",
            ],
            &[
                "I picked Go because the team already ran three Go services in production.",
                "I went with a nightly batch. Real-time was not needed, since reports are read once a day.",
                "I chose polling over webhooks, given the partner could not guarantee delivery.",
                "I decided to keep the monolith instead of splitting it up.",
                "I'd go with Postgres. The main reason is that we need transactions across orders and payments.",
                "I explained the plan clearly in the design review.",
                "I just joined the team when the incident happened.",
                "The spec grew naturally over three quarters.",
                "Just to confirm, is the limit per user?",
                "I settled on SQLite so that the app works offline.",
                "I chose the smaller instance to keep costs under the budget.",
                "We picked Rust; the trade-off was a slower first month for fewer memory bugs.",
                "The trade-off was clear: more storage for fewer joins.",
                "I wrote the migration script and ran it in staging first.",
                "Can you explain why you chose Kafka?",
                "I went with the managed service rather than running our own cluster.",
                "I'd like to clarify the requirements first.",
                "I chose a heap so I could always pop the earliest deadline.",
                "The fix was just to restart the pod, because the leak was slow and a restart bought a week.",
            ],
        );
    }
}
