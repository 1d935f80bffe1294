//! `vague-we`: "we" (or "our team", "the team") as the actor of a claim, with
//! no sentence nearby saying what *I* did.
//!
//! Why an interviewer cares: they are hiring you, not your team. A story told
//! entirely in "we" gives them nothing to attribute, so they either assume the
//! worst or spend their follow-ups digging for it.
//!
//! Better shape: keep the team outcome, then say your part in the first
//! person: "We cut checkout errors by half; I owned the retry budget and the
//! provider timeouts."
//!
//! Shape: a collective subject followed by a past action verb ("we rebuilt",
//! "our team delivered") without first-person agency ("I owned", "my part
//! was") within three sentences either side.

use super::{RuleInfo, ShapeRule};
use crate::core::analyzer::lexicon::Phrases;
use crate::core::analyzer::shape::{Next, Scope, Shape, Term, Unless};
use crate::core::analyzer::words::{WordClass, AGENCY};
use crate::core::analyzer::Severity;

pub const INFO: RuleInfo = RuleInfo {
    id: "vague-we",
    title: "Vague \"we\"",
    description: "A team claim (\"we shipped\", \"our team delivered\") with no nearby sentence saying what you did.",
    example_fix: "We shipped the payments migration on time; I owned the reconciliation job and wrote its nightly checks.",
};

/// Collective subjects; the word after them must be a past action verb.
pub static COLLECTIVE: Phrases = Phrases {
    name: "collective-actors",
    items: &[
        "we",
        "we've",
        "we have",
        "we had",
        "{our|the|my} {whole |entire |engineering |dev |platform |backend |frontend |}{team|squad|group|org|teams}",
        "{our|the|my} {team|squad} {has|had|have}",
        "everyone",
        "!{if|suppose|say|assume|assuming|imagine|unless|whether|once|before} we",
        "!{what|how|why|where|when} we",
    ],
};

/// Collective claims that need no verb test.
pub static COLLECTIVE_CLAIMS: Phrases = Phrases {
    name: "collective-claims",
    items: &[
        "{we|the team|our team|my team} {were|was} able to",
        "{we|the team|our team|my team} managed to",
        "we {pulled it off|got it done|made it happen|nailed it|crushed it}",
        // A negative claim is still a claim about the team's work.
        "{we|the team|our team|my team} {didn't|did not|never|couldn't|could not|failed to} {test|ship|deliver|finish|build|write|fix|catch|hit|meet|document|review|validate|monitor|deploy|launch|migrate|plan|scope|estimate|communicate|handle|release}",
        "!{if|whether|unless|suppose|assuming} {we|the team|our team|my team} {didn't|did not|never|couldn't|could not|failed to}",
        "{thanks to|because of} {the team|our team|my team|the team's|our team's} {work|effort|efforts|hard work}",
    ],
};

static TRIGGER: [Term; 2] = [
    Term::Then(&COLLECTIVE, Next::Class(WordClass::Claim)),
    Term::Any(&COLLECTIVE_CLAIMS),
];

/// Status updates speak for the team by design: "we" is right there.
pub static UPDATE_CONTEXT: Phrases = Phrases {
    name: "update-context",
    items: &[
        "{status|stakeholder|stakeholders|first|customer|customers|incident|public|internal|next|exec|executive} update",
        "status page",
        "update to {the |}{stakeholders|customers|leadership|support}",
    ],
};

static UNLESS: [Unless; 3] = [
    Unless {
        term: Term::Any(&UPDATE_CONTEXT),
        scope: Scope::Paragraph,
    },
    Unless {
        term: AGENCY[0],
        scope: Scope::Around(3),
    },
    Unless {
        term: AGENCY[1],
        scope: Scope::Around(3),
    },
];

pub static RULE: ShapeRule = ShapeRule {
    info: INFO,
    severity: Severity::Warning,
    shapes: &[Shape {
        trigger: &TRIGGER,
        with: &[],
        unless: &UNLESS,
        min_count: 1,
        message: "\"{}\" credits the team, and nothing nearby says what you did",
        suggestion: "Keep the team outcome, then add your part: \"I owned …\", \"I wrote …\", \"My part was …\".",
    }],
};

#[cfg(test)]
mod tests {
    use super::super::testing::check_table;

    #[test]
    fn table() {
        check_table(
            "vague-we",
            &[
                "We rebuilt the search page and it went live in March.",
                "Our team delivered the new billing system.",
                "The team migrated every service to the new cluster.",
                "We then rolled it out to all regions.",
                "My team shipped the redesign ahead of the holiday freeze.",
                "We’ve shipped three major releases this year.",
                "We were able to cut the backlog in half.",
                "The whole team rewrote the ingestion pipeline over the summer.",
                "We managed to hit the date despite the outage.",
                "In the end we successfully launched in Germany.",
                "Together we designed the new permission model.",
                "We fixed the flaky deploys and moved on to the mobile app.",
                "Our squad built the fraud scoring service from scratch.",
                "we migrated off the old queue last spring",
                "It was tough, but we delivered. The client signed the renewal.",
                "We had migrated half the tables by the time the freeze started.",
                "Our team never documented the failover steps.",
                "We failed to hit the Q3 date and the launch moved.",
            ],
            &[
                "We shipped the migration; I owned the cut-over plan.",
                "We delivered on time. My part was the reconciliation job.",
                "The team rebuilt onboarding, and I wrote the account-linking step.",
                "I led the rollout while the team handled support tickets. We finished in May.",
                "We need to decide whether this is read-heavy.",
                "If we cached the results, reads would drop.",
                "What we learned was to ask for mocks a sprint earlier.",
                "We were late, and we knew it.",
                "I think we could have done better.",
                "We should shard by tenant once one node is not enough.",
                "We're seeing a spike in checkout errors right now.",
                "Our team has four engineers and a designer.",
                "I joined the team in 2021.",
                "We agreed on a weekly demo.",
                "We shipped the import tool. I personally wrote the CSV parser and its tests.",
                "Can we assume the data fits in memory?",
                "Suppose we used a single Postgres instance for now.",
                "We used Postgres for everything back then.",
                "Status update: we've rolled back the 14:02 deploy and bookings are recovering.",
                "If we didn't ship by Friday, the contract would lapse.",
                "We never tested the failover, and that was my miss: I owned the runbook.",
            ],
        );
    }
}
