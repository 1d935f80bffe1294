//! `vague-we`: "we" (or "our team", "the team", "everyone") as the actor of a
//! claim of work, with nothing nearby saying what *I* did in it.
//!
//! Why an interviewer cares: they are hiring you, not your team. A story told
//! entirely in "we" gives them nothing to attribute, so they either assume the
//! worst or spend their follow-ups digging for it.
//!
//! What counts, clause by clause: a collective actor, a fact (not a plan,
//! "we could", "let's", a question or a condition), in the past or perfect,
//! with a verb of work ("we rebuilt", "the team added", "was executed by the
//! team"; not "we had forty warehouses", "we learned", "we agreed"), and not
//! a quotation. What answers it: a first-person clause of concrete work in
//! the same sentence ("I suggested a cache and we rolled that out"), in the
//! sentence before or after (unless the claim is an extra piece of work:
//! "we *also* moved …"), an explicit ownership statement within two
//! sentences ("My part was …", "I was tech lead for this"), or the attempt's
//! structure: a "Team outcome" section answered by a "What I owned" section
//! that says what the speaker did. Helping, leading and driving are not
//! saying what you did ("I helped with many things", "I led the migration").
//!
//! Better shape: keep the team outcome, then say your part in the first
//! person: "We cut checkout errors by half; I owned the retry budget and the
//! provider timeouts."

use super::{clip, Raw, Rule, RuleId, RuleInfo};
use crate::core::analyzer::clause::{Actor, Clause, Link};
use crate::core::analyzer::context::{is_work_claim, Ctx, Role, TEAM_CLAIMS};
use crate::core::analyzer::lexicon::Phrases;
use crate::core::analyzer::Severity;

pub const INFO: RuleInfo = RuleInfo {
    id: "vague-we",
    title: "Vague \"we\"",
    description: "A team claim (\"we shipped\", \"our team delivered\") with no nearby sentence saying what you did.",
    example_fix: "We shipped the payments migration on time; I owned the reconciliation job and wrote its nightly checks.",
    severity: Severity::Warning,
};

/// Status updates speak for the team by design: "we" is right there.
pub static UPDATE_CONTEXT: Phrases = Phrases {
    name: "update-context",
    items: &[
        "{status|stakeholder|stakeholders|first|customer|customers|incident|public|internal|next|exec|executive} update",
        "status page",
        "update to {the |}{stakeholders|customers|leadership|support}",
    ],
};

/// Words that mark a claim as an extra piece of work, not the one the
/// neighbouring first-person sentence describes.
fn is_additional(cx: &Ctx, c: &Clause) -> bool {
    c.words(cx.doc)
        .any(|w| matches!(w, "also" | "additionally" | "too"))
}

pub struct VagueWe;

impl Rule for VagueWe {
    fn id(&self) -> RuleId {
        RuleId::VagueWe
    }

    fn lists(&self, out: &mut Vec<&'static Phrases>) {
        out.push(&UPDATE_CONTEXT);
    }

    fn check(&self, cx: &Ctx, out: &mut Vec<Raw>) {
        let doc = cx.doc;
        for c in &cx.clauses.list {
            let s = c.sentence;
            if doc.sentences[s].is_structure() || !matches!(c.actor, Actor::We | Actor::Team) {
                continue;
            }
            // A time or condition clause is background ("once we found the
            // issue, …"); the claim is what follows.
            let backgrounded = matches!(c.link, Link::Condition)
                || (c.link == Link::Time && doc.norm_of(c.first) != "after");
            if !is_work_claim(doc, c) || backgrounded {
                continue;
            }
            if !answered(cx, c) {
                let start = if (c.first..c.last).contains(&c.subject.0) {
                    c.subject.0
                } else {
                    c.first
                };
                push(cx, start, claim_end(cx, c), out);
            }
        }
        // Collective claims that need no clause reading: "it was a team effort".
        for h in cx.hits_of(&TEAM_CLAIMS) {
            let s = h.sentence as usize;
            let t = h.first as usize;
            if doc.tokens[t].quoted || doc.sentences[s].is_structure() {
                continue;
            }
            let Some(c) = cx.clause_at(s, t) else {
                continue;
            };
            if c.mention || !c.mood.is_fact() || answered(cx, c) {
                continue;
            }
            push(cx, h.first as usize, h.last as usize, out);
        }
    }
}

/// The end of the highlighted claim: the subject through the verb and a few
/// words of its object.
fn claim_end(cx: &Ctx, c: &Clause) -> usize {
    let from = c.verb.map_or(c.subject.1, |v| v + 1);
    let mut end = from;
    while end < c.last && end < from + 4 {
        let t = &cx.doc.tokens[end];
        let w = cx.doc.norm_of(end);
        if t.kind == crate::core::analyzer::text::Kind::Punct
            || matches!(w, "and" | "or" | "but" | "so" | "then" | "because")
        {
            break;
        }
        end += 1;
    }
    end
}

fn push(cx: &Ctx, first: usize, last: usize, out: &mut Vec<Raw>) {
    let (mut first, mut last) = (first, last);
    while first < last
        && (cx.doc.tokens[first].kind == crate::core::analyzer::text::Kind::Punct
            || matches!(cx.doc.norm_of(first), "and" | "so" | "then" | "but" | "or"))
    {
        first += 1;
    }
    while last > first && cx.doc.tokens[last - 1].kind == crate::core::analyzer::text::Kind::Punct {
        last -= 1;
    }
    if first >= last {
        return;
    }
    let claim = cx.slice(first, last);
    out.push(Raw {
        first,
        last,
        message: format!(
            "\"{}\" credits the team, and nothing nearby says what you did in it",
            clip(claim, 48)
        ),
        suggestion: format!(
            "Keep \"{}\", then add your part in the first person: \"I owned …\", \"My part was …\".",
            clip(claim, 40)
        ),
    });
}

/// Whether something near the claim says what the speaker did.
fn answered(cx: &Ctx, c: &Clause) -> bool {
    let s = c.sentence;
    let doc = cx.doc;
    // The same sentence pairs the team claim with the speaker's part.
    if cx.facts[s].agency || cx.facts[s].ownership {
        return true;
    }
    // A weaker first-person act tied to the claim: "I suggested a cache and
    // we rolled that out".
    let tied = c
        .words(doc)
        .any(|w| matches!(w, "that" | "it" | "this" | "them" | "those"));
    if cx.facts[s].first_person_act && tied {
        return true;
    }
    // A status update speaks for the team by design: the claim is in one, or
    // follows a label naming one ("First stakeholder update: …").
    let label_before = (0..s)
        .rev()
        .take_while(|&k| {
            doc.sentences[k].paragraph == doc.sentences[s].paragraph
                || doc.sentences[k].is_structure()
        })
        .find(|&k| doc.sentences[k].is_structure());
    if cx.has(&UPDATE_CONTEXT, s) || label_before.is_some_and(|k| cx.has(&UPDATE_CONTEXT, k)) {
        return true;
    }
    // An ownership statement within three sentences.
    if cx.around(s, 3).any(|k| cx.facts[k].ownership) {
        return true;
    }
    // Concrete first-person work in the sentence before or after, unless this
    // claim adds another piece of work.
    if !is_additional(cx, c)
        && cx
            .around(s, 1)
            .any(|k| k != s && (cx.facts[k].agency || cx.facts[k].anaphoric_act))
    {
        return true;
    }
    // The attempt's structure: the team outcome, answered by a section that
    // says what the speaker owned.
    let role = cx.roles[s];
    if role == Role::TeamOutcome && cx.attempt.owned_section_with_agency {
        return true;
    }
    // The paragraph just before a "What I did" part that says it concretely.
    let p = doc.sentences[s].paragraph;
    let owned_next = (s + 1..doc.sentences.len())
        .take_while(|&k| doc.sentences[k].paragraph <= p + 1)
        .filter(|&k| doc.sentences[k].paragraph == p + 1)
        .any(|k| cx.roles[k] == Role::Owned && (cx.facts[k].agency || cx.facts[k].ownership));
    owned_next && role != Role::Owned
}

#[cfg(test)]
mod tests {
    use super::super::testing::{check, check_table};
    use super::super::RuleId;

    #[test]
    fn table() {
        check_table(
            RuleId::VagueWe,
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
                "The cutover was executed by the team over a weekend.",
                "Everyone pulled together and it was a team effort.",
                "I added a leeway on expiry. We also moved token storage to Redis.",
                "What I owned: I helped with many things. Team outcome: we finished it in one quarter.",
                "I led the migration to Aurora. We did a full assessment of the schema.",
            ],
            &[
                "We shipped the migration; I owned the cut-over plan.",
                "We delivered on time. My part was the reconciliation job.",
                "The team rebuilt onboarding, and I wrote the account-linking step.",
                "I led the rollout while the team handled support tickets. I wrote the runbook. We finished in May.",
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
                "Status update: we've rolled back the 14:02 deploy and bookings are recovering.",
                "If we didn't ship by Friday, the contract would lapse.",
                "We never tested the failover, and that was my miss: I owned the runbook.",
                "The passage says “we rebuilt the date picker” with no owner.",
                "We had about forty warehouses.",
                "We track accepts per minute per city.",
                "I suggested a caching layer and we rolled that out over two sprints.",
                "We rolled back first and debugged second. I recommended it and Jonas triggered the rollback.",
                "The rest of the team helped where they could.",
                "Our PM and I committed to closing a third of the gap.",
                "We sort of figured the region rollout was the test.",
            ],
        );
    }

    #[test]
    fn spans_and_messages() {
        check(
            RuleId::VagueWe,
            "The team added some indexes and rewrote a couple of queries.",
            &[(
                "The team added some indexes",
                "\"The team added some indexes\" credits the team, and nothing nearby says what you did in it",
            )],
        );
    }

    #[test]
    fn the_owned_section_answers_the_team_outcome() {
        use crate::core::analyzer::{analyze_sections, SectionInput};
        let vague = analyze_sections(&[
            SectionInput {
                label: "Team outcome",
                text: "We made offline mode for the field sales app.",
            },
            SectionInput {
                label: "What I owned",
                text: "I was part of the team and I helped with many things.",
            },
        ]);
        assert_eq!(vague[0].findings.len(), 1);
        let answered = analyze_sections(&[
            SectionInput {
                label: "Team outcome",
                text: "We made offline mode for the field sales app.",
            },
            SectionInput {
                label: "What I owned",
                text: "I wrote the sync queue and its conflict tests.",
            },
        ]);
        assert!(answered[0].findings.is_empty());
    }
}
