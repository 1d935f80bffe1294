//! `over-claiming`: the speaker claims the whole of shared work as theirs:
//! "I did everything", "single-handedly", "I basically built the whole
//! thing", "without me it wouldn't have shipped", with no one else's part
//! named anywhere in the answer.
//!
//! Why an interviewer cares: senior work is shared work. Claiming all of it
//! is as hard to believe as claiming none of it, and the reference check or
//! the next question will test it.
//!
//! What counts: a first-person claim over the whole ("everything", "all of
//! it", "the whole thing / project / system", "single-handedly", "all by
//! myself", "on my own", "it was all me", "without me …"). What answers it:
//! another person's or group's part named anywhere in the attempt ("Arjun
//! built the relay", "two colleagues made the new API", "Dana owned the
//! rollout"). Helping does not count as a part ("the rest of the team helped
//! where they could"). Mentions are not claims.
//!
//! Better shape: "I designed the sync protocol and wrote the conflict
//! resolver; Dana built the mobile client and Li ran the load tests."

use super::{clip, Raw, Rule, RuleId, RuleInfo};
use crate::core::analyzer::clause::Actor;
use crate::core::analyzer::context::{is_work_claim, Ctx};
use crate::core::analyzer::lexicon::Phrases;
use crate::core::analyzer::text::Kind;
use crate::core::analyzer::Severity;

pub const INFO: RuleInfo = RuleInfo {
    id: "over-claiming",
    title: "Over-claiming",
    description: "The whole of shared work claimed as yours (\"I did everything\", \"single-handedly\") with no one else's part named.",
    example_fix: "I designed the sync protocol and wrote the conflict resolver; Dana built the mobile client and Li ran the load tests.",
    severity: Severity::Warning,
};

/// Claims over the whole of the work.
pub static WHOLE_CLAIMS: Phrases = Phrases {
    name: "whole-claims",
    items: &[
        "i {basically |pretty much |kind of |literally |really |just |}{did|handled|built|wrote|designed|owned|ran|led|drove|delivered|fixed|made} {everything|it all|all of it|the whole thing|the whole project|the whole system|the whole platform|the whole migration|the entire thing|the entire project|the entire system|all the work|most of the work}",
        "single-handedly", "single handedly", "{all |completely |entirely |}by myself", "{all |entirely |completely |}on my own",
        "{it|this|that|everything} was {all |basically |pretty much |really |}me", "this one was basically me",
        "without me {the|it|this|that|nothing|the product|the project|we}", "i alone", "nobody else {did|touched|helped|wrote}",
        "{carrying|carried} the whole thing", "{holding|held} it all together", "made it all happen",
        "{i was|i'm|i am} responsible for {all|everything|the whole|the entire}", "i owned {everything|all of it|the whole}",
        "i basically did everything", "i did all of",
        "i did {most of|the bulk of|nearly all of|almost all of} {the work|it|the project}", "i was the only {one|person|engineer|developer}",
        "the only {one|person|engineer} who", "i carried {the team|the project|it|everyone}", "{all|most of} the heavy lifting",
        "i did the heavy lifting", "{the entire|the whole} {system|thing|platform|project|migration|codebase|stack} was {mine|me}",
        "i owned the entire", "i {built|wrote|designed|did} {it|everything|the whole thing} from scratch", "it was my project",
        "{pretty much|basically|essentially} {alone|solo}", "i was solely responsible", "solely",
        "!on my own {time|initiative}",
    ],
};

pub struct OverClaiming;

impl Rule for OverClaiming {
    fn id(&self) -> RuleId {
        RuleId::OverClaiming
    }

    fn lists(&self, out: &mut Vec<&'static Phrases>) {
        out.push(&WHOLE_CLAIMS);
    }

    fn check(&self, cx: &Ctx, out: &mut Vec<Raw>) {
        let doc = cx.doc;
        if cx.attempt.others_named || others_named_here(cx) {
            return;
        }
        for h in cx.hits_of(&WHOLE_CLAIMS) {
            let (s, t) = (h.sentence as usize, h.first as usize);
            if doc.tokens[t].quoted || doc.sentences[s].is_structure() {
                continue;
            }
            let Some(c) = cx.clause_at(s, t) else {
                continue;
            };
            // The claim is the speaker's: worded in the first person ("I …",
            // "without me", "it was all me") or denying anyone else a part.
            let own = c.actor == Actor::I
                || (t..h.last as usize)
                    .any(|k| matches!(doc.norm_of(k), "i" | "me" | "myself" | "nobody"));
            if c.mention
                || c.mood == crate::core::analyzer::clause::Mood::Question
                || !own
                || matches!(c.actor, Actor::We | Actor::Team)
            {
                continue;
            }
            let mut last = h.last as usize;
            while last < c.last && last < h.last as usize + 4 && doc.tokens[last].kind == Kind::Word
            {
                last += 1;
            }
            let seen = cx.slice(t, last);
            out.push(Raw {
                first: t,
                last,
                message: format!("\"{}\" claims the whole of shared work, and no one else's part is named", clip(seen, 48)),
                suggestion: "Say your part precisely and name the others': \"I designed …; Dana built …; Li ran …\".".to_string(),
            });
        }
    }
}

/// Another person's part named in this section: "Arjun built the relay".
fn others_named_here(cx: &Ctx) -> bool {
    cx.clauses.list.iter().any(|c| {
        c.actor == Actor::Others
            && !c.mention
            && is_work_claim(cx.doc, c)
            && !matches!(c.verb_base.as_str(), "help" | "support" | "assist")
    })
}

#[cfg(test)]
mod tests {
    use super::super::testing::{check, check_table};
    use super::super::RuleId;

    #[test]
    fn table() {
        check_table(
            RuleId::OverClaiming,
            &[
                "I basically did everything: the investigation, the fix, the comms.",
                "I single-handedly rebuilt the billing pipeline.",
                "I basically built the whole thing.",
                "Honestly this one was basically me carrying the whole thing.",
                "I did it all by myself over two weekends.",
                "Without me the product would not ship.",
                "I was responsible for all firmware of the smart lock.",
                "I wrote the whole system on my own.",
                "It was all me, from the schema to the rollout.",
                "I handled everything from design to launch.",
                "I owned everything on the backend and the mobile side.",
                "I did all of the migration work.",
                "I led the whole project and the rest of the team helped where they could.",
                "Nobody else touched the ingestion code.",
                "I made it all happen in one quarter.",
            ],
            &[
                "I designed the sync protocol; Dana built the mobile client.",
                "I did everything on the backend, and Arjun built the relay.",
                "We did everything we could.",
                "I wrote the codemod, and two other engineers handled the theming API.",
                "She claims she did everything by herself.",
                "The answer said 'I did everything', which I now split by owner.",
                "I did it on my own time.",
                "I owned the reconciliation job.",
                "Did you do everything yourself?",
                "I built the whole thing with Priya; she wrote the parser.",
                "The team did everything else.",
                "I'm responsible for the billing service.",
                "I checked everything twice.",
                "I did the code review for all pull requests, and Mei ran the load tests.",
                "Everything was on fire.",
            ],
        );
    }

    #[test]
    fn spans_and_messages() {
        check(
            RuleId::OverClaiming,
            "I basically did everything.",
            &[("I basically did everything", "\"I basically did everything\" claims the whole of shared work, and no one else's part is named")],
        );
    }
}
