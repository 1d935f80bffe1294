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
//! myself", "on my own", "it was all me", "without me …"), or by the
//! sentence's shape: work done alone ("which I have built alone"), over the
//! whole with "myself" ("I fixed the entire pipeline myself"), the whole
//! said to be the speaker ("the whole leaderboard was me", "the whole
//! charging scheduler was me, start to finish"), work done by the speaker
//! and nobody else ("the whole recovery was done by me alone", "ran through
//! me alone", "pretty much all mine"), a list of the
//! speaker's work closed by "everything",
//! the owned part answered "all of it", the others' part made nil ("what
//! the others did … close to empty"). What answers it:
//! another person's or group's part named anywhere in the attempt ("Arjun
//! built the relay", "two colleagues made the new API", "Dana owned the
//! rollout"). Helping does not count as a part ("the rest of the team helped
//! where they could"). A claim that denies others a part ("single-handedly",
//! "almost alone", "they mostly followed my plan", "I was the reason it
//! shipped", "I was the architect, the builder and the tester", "the whole
//! thing was me", "entirely my work", "I basically carried it", "there
//! wasn't really anyone else on the algorithm side") is not answered by
//! naming them: it contradicts them. A part claimed whole ("the ranking
//! service was mine top to bottom") is answered by the others' parts. Mentions are not claims.
//!
//! Better shape: "I designed the sync protocol and wrote the conflict
//! resolver; Dana built the mobile client and Li ran the load tests."

use super::{clip, Raw, Rule, RuleId, RuleInfo};
use crate::core::analyzer::clause::{Actor, Clause, Mood};
use crate::core::analyzer::context::{is_others_part, Ctx};
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
        "{it|this|that|everything} was {all |basically |pretty much |really |}me", "this one was basically me",
        // Indispensability: the work would not exist without the speaker.
        // The credit as a whole: "I was the reason it shipped", "the answer is me".
        // Others' part made the speaker's or made small.
        "{carrying|carried} the whole thing", "{holding|held} it all together", "made it all happen",
        "{i was|i'm|i am} responsible for {all|everything|the whole|the entire}", "i owned {everything|all of it|the whole}",
        "i basically did everything", "i did all of",
        "i did {most of|the bulk of|nearly all of|almost all of} {the work|it|the project}", "i was the only {one|person|engineer|developer}",
        "the only {one|person|engineer} who", "i carried {the team|the project|it|everyone}", "{all|most of} the heavy lifting",
        "i did the heavy lifting",
        // A part claimed whole is answered by the others' parts ("the
        // ranking service was mine top to bottom; Lena built the indexing").
        "was mine {end to end|end-to-end|start to finish|from start to finish|top to bottom}",
        "i owned the entire", "i {built|wrote|designed|did} {it|everything|the whole thing} from scratch", "it was my project",
        // "it all" describing how, not how much: "did it all by the book".
        "!i {did|do} it all {by the book|right|correctly|properly|again|over again}",
    ],
};

/// Words that extend a claim to all of the work ("the entire feature",
/// "every line of", "start to finish"), judged with the clause's verb.
/// Claims that deny anyone else a part: they over-claim even when others
/// are named elsewhere ("I single-handedly drove the migration", "they
/// mostly followed my plan", "I was the reason it shipped").
pub static EXCLUSIVE_CLAIMS: Phrases = Phrases {
    name: "exclusive-claims",
    items: &[
        "single-handedly", "single handedly", "single-handed",
        // The whole said to be the speaker's: it leaves no part for anyone
        // named elsewhere ("the whole thing was me", "entirely my work", "I
        // basically carried it"), or nobody else there at all.
        "{the entire|the whole} {system|thing|platform|project|migration|codebase|stack|app|product|backend|frontend|service} was {all |basically |pretty much |really |}{mine|me}",
        "{was|were|is} {entirely|completely|wholly|all|basically all|pretty much all} my {work|doing|code|design|project}",
        "{there wasn't|there was no|there was nobody|there weren't} {really |}{anyone|anybody|nobody|no one|any other} else",
        "i {basically |pretty much |kind of |really |just |}carried {it|the team|the project|everyone|the whole thing}", "{all |completely |entirely |}by myself", "{all |entirely |completely |}on my own",
        "{almost|nearly|mostly|practically|more or less|pretty much|basically|essentially} {alone|solo|on my own|by myself}",
        "without me {the|it|this|that|nothing|none|nobody|no one|the product|the project|we}",
        "without my {work|doc|design|code|plan|push} {the|it|this|that|nothing|none|nobody|no one|we}",
        "i alone", "nobody else {really |}{did|touched|helped|wrote}",
        // Idioms of carrying it alone: "a one-man job", "carried entirely on
        // my shoulders", "went through my hands", "done by me from
        // beginning to end".
        "a one-{man|person|woman} {job|show|band|effort|operation|team}",
        "{entirely |all |completely |}on my {shoulders|back}", "{went|ran|passed} through my hands",
        "by me {from beginning to end|from start to finish|start to finish|end to end}",
        "{i was|i'm|i am} the reason {it|we|this|that|the project|the launch|the release|the migration|the product|the feature|the team} {shipped|worked|launched|succeeded|happened|got|made|went|delivered|hit|finished|ever}",
        "the answer is me", "{it|this|that} was my baby",
        "{followed|follow|following} my {plan|lead|instructions|design|spec|tickets}", "along for the ride",
        "the {thinking|design|idea|vision|plan|architecture|hard part} was {all |really |}mine",
        "if you count {code review|code reviews|reviews|tickets|meetings} as",
        "i was solely responsible", "solely",
        // Done by the speaker and nobody else: "the whole recovery was done
        // by me alone", "the entire thing ran through me alone", "the
        // architecture was pretty much all mine".
        "{by|through} me alone", "{was|were|is} {pretty much |basically |really |almost |just |}all {mine|me}",
        "!on my own {time|initiative}",
    ],
};

pub static TOTALITY: Phrases = Phrases {
    name: "claim-totality",
    items: &[
        "every line of",
        "every part of",
        "every piece of",
        "{the|a} whole",
        "{the|an} entire",
        "end to end",
        "end-to-end",
        "{from |}start to finish",
        "top to bottom",
        "from the ground up",
    ],
};

/// Credit for the outcome taken whole: "thanks to me", "the credit goes to me".
pub static CREDIT: Phrases = Phrases {
    name: "claim-credit",
    items: &[
        "thanks to me",
        "credit {goes|went|belongs} to me",
        "{goes|went|belongs} to me",
        "i was the one who {made|make|saved|delivered|shipped|built|carried|pulled|got}",
        "{my work|my doing|all my work|all my doing|mine}",
    ],
};

pub struct OverClaiming;

impl Rule for OverClaiming {
    fn id(&self) -> RuleId {
        RuleId::OverClaiming
    }

    fn lists(&self, out: &mut Vec<&'static Phrases>) {
        out.extend([&WHOLE_CLAIMS, &EXCLUSIVE_CLAIMS, &TOTALITY, &CREDIT]);
    }

    fn check(&self, cx: &Ctx, out: &mut Vec<Raw>) {
        let doc = cx.doc;
        // Others' parts named answer a claim over the whole, but not one
        // that denies them a part.
        let others_named = cx.attempt.others_named || others_named_here(cx);
        let mut shapes = shape_claims(cx);
        shapes.extend(solo_claims(cx));
        let mut claims: Vec<(usize, usize, usize)> = cx
            .hits_of(&EXCLUSIVE_CLAIMS)
            .iter()
            .map(|h| (h.sentence as usize, h.first as usize, h.last as usize))
            .chain(role_stacks(cx))
            .chain(shapes.iter().copied())
            .collect();
        if !others_named {
            claims.extend(
                cx.hits_of(&WHOLE_CLAIMS)
                    .iter()
                    .map(|h| (h.sentence as usize, h.first as usize, h.last as usize)),
            );
            claims.extend(clause_claims(cx));
        }
        claims.sort_unstable();
        // Overlapping claims in a sentence are one claim over their union.
        claims.dedup_by(|b, a| {
            let overlap = a.0 == b.0 && b.1 < a.2;
            if overlap {
                a.2 = a.2.max(b.2);
            }
            overlap
        });
        let exclusive: Vec<(usize, usize)> = cx
            .hits_of(&EXCLUSIVE_CLAIMS)
            .iter()
            .map(|h| (h.first as usize, h.last as usize))
            .chain(shapes.iter().map(|&(_, a, b)| (a, b)))
            .collect();
        for (s, t, h_last) in claims {
            // "on my own phone" is possession, not working alone.
            if doc.norm_of(h_last - 1) == "own"
                && h_last < doc.sentences[s].last
                && doc.tokens[h_last].kind == Kind::Word
                && !crate::core::analyzer::words::is_preposition(doc.norm_of(h_last))
                && !matches!(
                    doc.norm_of(h_last),
                    "and" | "but" | "so" | "too" | "really" | "mostly"
                )
            {
                continue;
            }
            // Others minimised ("they mostly followed my plan", "along for
            // the ride") is a claim whoever the clause's subject is.
            let minimising = exclusive.contains(&(t, h_last))
                && !(t..h_last).any(|k| matches!(doc.norm_of(k), "i" | "me" | "myself"));
            if doc.tokens[t].quoted || doc.sentences[s].is_structure() {
                continue;
            }
            let Some(c) = cx.clause_at(s, t) else {
                continue;
            };
            // The claim is the speaker's: worded in the first person ("I …",
            // "without me", "it was all me") or denying anyone else a part.
            let own = c.actor == Actor::I
                || (t..h_last).any(|k| {
                    matches!(
                        doc.norm_of(k),
                        "i" | "me" | "my" | "mine" | "myself" | "nobody"
                    )
                });
            // "We did everything" shares the claim; "the team just followed
            // my plan" does not.
            let shared = matches!(c.actor, Actor::We | Actor::Team)
                && !(t..h_last).any(|k| matches!(doc.norm_of(k), "my" | "me"));
            if c.mention
                || c.mood == crate::core::analyzer::clause::Mood::Question
                || !own && !minimising
                || shared && !minimising
            {
                continue;
            }
            let mut last = h_last;
            while last < c.last && last < h_last + 4 && doc.tokens[last].kind == Kind::Word {
                last += 1;
            }
            // A passive's claim runs on to its agent: "… was done by me alone".
            if c.by_agent && c.subject.1 > last && c.subject.1 <= h_last + 8 {
                last = c.subject.1;
                if last < c.last && matches!(doc.norm_of(last), "alone" | "solo" | "myself") {
                    last += 1;
                }
            }
            // "I built the offline mode almost alone": the claim reads from
            // its first-person subject when that is close before it.
            let t = if c.actor == Actor::I && c.subject.0 < t && t - c.subject.0 <= 8 {
                c.subject.0
            } else if c.by_agent && c.first < t && t - c.first <= 8 {
                // "The whole recovery was done by me alone": from the work
                // claimed, not from its agent.
                (c.first..t)
                    .find(|&k| doc.tokens[k].kind == Kind::Word)
                    .unwrap_or(t)
            } else {
                t
            };
            let seen = cx.slice(t, last);
            out.push(Raw {
                first: t,
                last,
                // With others named, the claim contradicts them rather than
                // leaving them out.
                message: if others_named {
                    format!("\"{}\" denies the others named here their part in the work", clip(seen, 48))
                } else {
                    format!("\"{}\" claims the whole of shared work, and no one else's part is named", clip(seen, 48))
                },
                suggestion: "Say your part precisely and name the others': \"I designed …; Dana built …; Li ran …\".".to_string(),
            });
        }
    }
}

/// Work verbs whose object a totality word can extend to all of the work.
fn is_making_verb(base: &str) -> bool {
    matches!(
        base,
        "build"
            | "write"
            | "rewrite"
            | "design"
            | "do"
            | "ship"
            | "deliver"
            | "make"
            | "create"
            | "implement"
            | "code"
            | "develop"
            | "rebuild"
            | "redesign"
            | "run"
            | "lead"
            | "handle"
            | "architect"
            | "migrate"
            | "carry"
            | "fix"
            | "own"
            | "drive"
            | "refactor"
            | "automate"
    )
}

/// What a totality word cannot make a claim over: a small piece or a span of
/// time ("I rewrote the whole function", "I spent the entire weekend").
fn is_small_or_time(w: &str) -> bool {
    matches!(
        w,
        "function"
            | "method"
            | "file"
            | "line"
            | "page"
            | "query"
            | "script"
            | "class"
            | "test"
            | "loop"
            | "weekend"
            | "day"
            | "week"
            | "month"
            | "time"
            | "night"
            | "sprint"
            | "quarter"
            | "year"
            | "morning"
            | "afternoon"
            | "evening"
            | "way"
            | "call"
            | "meeting"
            | "incident"
            | "outage"
            | "list"
            | "table"
            | "row"
            | "document"
            | "doc"
            | "point"
            | "story"
            | "thing's"
    )
}

/// Claims the phrase list cannot see because they depend on the clause: a
/// first-person making verb over all of the work ("I personally designed,
/// built and shipped the entire feature", "I wrote every line of the new
/// service"), the whole work said to be the speaker's ("the whole redesign was
/// my work from start to finish"), or the credit taken ("I was the one who
/// made it a success"). Returns (sentence, first, last) token ranges.
fn clause_claims(cx: &Ctx) -> Vec<(usize, usize, usize)> {
    let doc = cx.doc;
    let mut out = Vec::new();
    for c in &cx.clauses.list {
        if c.negated || c.mention || c.mood != Mood::Fact {
            continue;
        }
        let s = c.sentence;
        let inside = |list: &Phrases| {
            cx.hits_in(list, s)
                .iter()
                .filter(|h| (c.first..c.last).contains(&(h.first as usize)))
                .map(|h| (h.first as usize, h.last as usize))
                .collect::<Vec<_>>()
        };
        let totality = inside(&TOTALITY).into_iter().find(|&(_, b)| {
            let next_word = (b..c.last.min(b + 3)).find(|&k| doc.tokens[k].kind == Kind::Word);
            !next_word.is_some_and(|k| is_small_or_time(doc.norm_of(k)))
        });
        let credit = inside(&CREDIT);
        // (A passive's agent "by me" comes after the work it claims.)
        let first = if c.subject.1 > c.subject.0 && !c.by_agent {
            c.subject.0
        } else {
            c.first
        };
        // "The whole charging scheduler was me, start to finish": the whole
        // work said to be the speaker.
        if c.verb_base == "be" && !c.by_agent {
            if let (Some((a, _)), Some(v)) = (totality, c.verb) {
                let mut k = v + 1;
                while k < c.last
                    && matches!(
                        doc.norm_of(k),
                        "pretty" | "much" | "basically" | "really" | "just" | "all" | "entirely"
                    )
                {
                    k += 1;
                }
                if a < v && k < c.last && matches!(doc.norm_of(k), "me" | "mine") {
                    out.push((s, first, k + 1));
                    continue;
                }
            }
        }
        if c.actor == Actor::I && is_making_verb(&c.verb_base) {
            if let Some((_, b)) = totality {
                out.push((s, first, b));
                continue;
            }
        }
        // "the whole redesign was my work": whole work, the speaker's.
        let mine = credit
            .iter()
            .find(|&&(a, _)| matches!(doc.norm_of(a), "my" | "mine" | "all"));
        if let (Some(_), Some(&(_, b))) = (totality, mine) {
            out.push((s, first, b));
            continue;
        }
        // "thanks to me", "the credit goes to me", "I was the one who made …".
        if let Some(&(a, b)) = credit.iter().find(|&&(a, _)| {
            !matches!(
                doc.norm_of(a),
                "my" | "mine" | "all" | "goes" | "went" | "belongs"
            ) || c.has(doc, "credit")
        }) {
            if !matches!(doc.norm_of(a), "my" | "mine" | "all") {
                out.push((s, first.min(a), b));
            }
        }
    }
    out
}

/// Work done with no one else, by the clause: a first-person making verb
/// followed by "alone" or "solo" ("which I have built alone for the whole
/// company"), or over all of the work with "myself" ("I fixed the entire
/// pipeline myself"), or the whole work said to be the speaker ("the whole
/// seasonal leaderboard was me"). These deny others a part, so naming them
/// elsewhere does not answer them.
fn solo_claims(cx: &Ctx) -> Vec<(usize, usize, usize)> {
    let doc = cx.doc;
    let mut out = Vec::new();
    for c in &cx.clauses.list {
        if let Some(claim) = whole_is_me(cx, c) {
            out.push(claim);
            continue;
        }
        if c.actor != Actor::I || c.negated || c.mention || c.mood != Mood::Fact {
            continue;
        }
        // The making verb is the clause's, or a second verb it shares its
        // subject with: "I took it on and built the entire platform myself".
        let second = || {
            (c.first + 1..c.last).find(|&k| {
                doc.norm_of(k - 1) == "and"
                    && crate::core::analyzer::words::verb_base(doc.norm_of(k))
                        .is_some_and(is_making_verb)
            })
        };
        let Some(v) = (if is_making_verb(&c.verb_base) {
            c.verb
        } else {
            second()
        }) else {
            continue;
        };
        let s = c.sentence;
        let first = if c.subject.1 > c.subject.0 {
            c.subject.0
        } else {
            c.first
        };
        let near = v + 1..c.last.min(v + 8);
        // "Leadership: no, I did it alone" reports working solo; it names
        // no work to claim.
        let alone = near
            .clone()
            .find(|&k| matches!(doc.norm_of(k), "alone" | "solo"))
            .filter(|_| c.verb_base != "do");
        let whole = cx.hits_in(&TOTALITY, s).iter().any(|h| {
            near.contains(&(h.first as usize))
                && !(h.last as usize..c.last.min(h.last as usize + 3))
                    .find(|&k| doc.tokens[k].kind == Kind::Word)
                    .is_some_and(|k| is_small_or_time(doc.norm_of(k)))
        });
        let myself = near.clone().find(|&k| doc.norm_of(k) == "myself");
        if let Some(k) = alone.or(myself.filter(|_| whole)) {
            out.push((s, first, k + 1));
        }
    }
    out
}

/// "The whole seasonal leaderboard was (basically) me": a copula whose
/// subject is all of the work and whose complement is the speaker alone.
fn whole_is_me(cx: &Ctx, c: &Clause) -> Option<(usize, usize, usize)> {
    let doc = cx.doc;
    if c.verb_base != "be" || c.negated || c.mention || c.subject.1 <= c.subject.0 {
        return None;
    }
    let v = c.verb?;
    let whole_subject = cx
        .hits_in(&TOTALITY, c.sentence)
        .iter()
        .any(|h| (c.subject.0..c.subject.1).contains(&(h.first as usize)));
    let complement: Vec<usize> = (v + 1..c.last)
        .filter(|&k| doc.tokens[k].kind == Kind::Word)
        .filter(|&k| {
            !matches!(
                doc.norm_of(k),
                "all" | "basically" | "really" | "pretty" | "much" | "just" | "honestly"
            )
        })
        .collect();
    // "… was me", "… was mine", "… was my project from start to finish".
    let me = complement.len() == 1 && matches!(doc.norm_of(complement[0]), "me" | "mine");
    let my_work = complement.len() >= 2
        && doc.norm_of(complement[0]) == "my"
        && matches!(
            doc.norm_of(complement[1]),
            "project" | "work" | "baby" | "doing" | "design" | "idea" | "thing"
        );
    (whole_subject && (me || my_work)).then(|| {
        let end = if my_work {
            complement[1]
        } else {
            complement[0]
        };
        (c.sentence, c.subject.0, end + 1)
    })
}

/// Whole-work claims made by the shape of the sentence, not a phrase:
/// a list of the speaker's work closed by "everything" ("I did the backend,
/// the dashboards, everything"), the owned part answered with all of it
/// ("What I owned: honestly, pretty much all of it"), and the others' part
/// made nil ("what the others did … would be close to empty").
fn shape_claims(cx: &Ctx) -> Vec<(usize, usize, usize)> {
    let doc = cx.doc;
    let mut out = Vec::new();
    // One buffer for every sentence: this runs on every analysis.
    let mut words: Vec<usize> = Vec::new();
    for (s, sentence) in doc.sentences.iter().enumerate() {
        if sentence.is_structure() || cx.facts[s].mention {
            continue;
        }
        words.clear();
        words.extend(
            (sentence.first..sentence.last)
                .filter(|&k| doc.tokens[k].kind == Kind::Word && !doc.tokens[k].quoted),
        );
        let w = |i: usize| words.get(i).map_or("", |&k| doc.norm_of(k));
        let Some(&last_word) = words.last() else {
            continue;
        };
        // The whole, at the end of the sentence: "everything", "all of it".
        let n = words.len();
        let whole_end = if w(n - 1) == "everything" {
            Some(n - 1)
        } else if n >= 3
            && w(n - 3) == "all"
            && w(n - 2) == "of"
            && matches!(w(n - 1), "it" | "that" | "them")
        {
            Some(n - 3)
        } else {
            None
        };
        if let Some(at) = whole_end {
            let start = words[at];
            let comma_before = start > sentence.first && doc.norm_of(start - 1) == ",";
            let by_me = cx.clauses.of(s).iter().any(|c| {
                c.actor == Actor::I
                    && c.mood == Mood::Fact
                    && !c.negated
                    && is_making_verb(&c.verb_base)
                    && c.first < start
            });
            // "What I owned: … all of it": the owned part asked and answered.
            let owned_label = (0..n.saturating_sub(2)).any(|i| {
                w(i) == "what"
                    && w(i + 1) == "i"
                    && matches!(
                        w(i + 2),
                        "owned" | "did" | "built" | "led" | "handled" | "own" | "do"
                    )
                    && i + 2 < at
                    && at - (i + 2) <= 5
            });
            // The label may stand as its own line: "What I owned:\nPretty much all of it."
            let label_before = s > 0 && doc.sentences[s - 1].is_structure() && n <= 6 && {
                let prev = &doc.sentences[s - 1];
                let lw: Vec<&str> = (prev.first..prev.last).map(|k| doc.norm_of(k)).collect();
                lw.windows(3).any(|p| {
                    p[0] == "what"
                        && p[1] == "i"
                        && matches!(
                            p[2],
                            "owned" | "did" | "built" | "led" | "handled" | "own" | "do"
                        )
                })
            };
            if comma_before && by_me || owned_label || label_before {
                out.push((s, words[0], last_word + 1));
                continue;
            }
        }
        // "what the others did … close to empty": their part made nothing.
        let others_part = (0..n.saturating_sub(2)).find(|&i| {
            w(i) == "what"
                && matches!(w(i + 1), "the" | "they" | "others" | "everyone")
                && (matches!(w(i + 1), "they" | "others" | "everyone")
                    || matches!(w(i + 2), "others" | "rest" | "team"))
        });
        if let Some(i) = others_part {
            let nil = (i + 2..n).find(|&j| {
                matches!(w(j), "empty" | "nothing")
                    || w(j) == "very" && w(j + 1) == "little"
                    || w(j) == "not" && w(j + 1) == "much"
            });
            if let Some(j) = nil {
                out.push((s, words[i], words[j] + 1));
            }
        }
    }
    out
}

/// Every role on the project claimed at once: "I was the architect, the
/// builder and the tester". Three or more role nouns after "I was".
fn role_stacks(cx: &Ctx) -> Vec<(usize, usize, usize)> {
    let doc = cx.doc;
    let role = |w: &str| {
        matches!(
            w,
            "architect"
                | "builder"
                | "tester"
                | "designer"
                | "developer"
                | "engineer"
                | "lead"
                | "pm"
                | "manager"
                | "qa"
                | "ops"
                | "reviewer"
                | "owner"
                | "planner"
                | "coder"
                | "analyst"
                | "researcher"
        )
    };
    cx.clauses
        .list
        .iter()
        .filter(|c| c.actor == Actor::I && c.verb_base == "be" && c.mood.is_fact() && !c.negated)
        .filter_map(|c| {
            // The list runs on past the clause ("…, the builder and the
            // tester"), to the end of the sentence or a colon.
            let end = doc.sentences[c.sentence].last;
            let roles: Vec<usize> = (c.first..end)
                .take_while(|&k| !matches!(doc.norm_of(k), ":" | ";" | "." | "because" | "so"))
                .filter(|&k| role(doc.norm_of(k)) && k > c.first && doc.norm_of(k - 1) == "the")
                .collect();
            let last = *roles.get(2)?;
            Some((c.sentence, c.subject.0.max(c.first), last + 1))
        })
        .collect()
}

/// Another person's part named in this section: "Arjun built the relay".
fn others_named_here(cx: &Ctx) -> bool {
    cx.clauses.list.iter().any(|c| is_others_part(cx.doc, c))
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
                // The whole said to be the speaker's, or nobody else there:
                // others named elsewhere do not answer it.
                "Design did some mockups. Honestly the whole thing was me, start to finish.",
                "Design did some mockups, but I basically carried it.",
                "Dana ran the pilot. The herd dashboard this feeds was entirely my work.",
                "The van crews helped, but the planner was mine end to end, there wasn't really anyone else on the algorithm side.",
                "I built a full routing engine during my internship more or less single-handed.",
                "It was honestly a one-man job once I got going.",
                "The project I described was carried entirely on my shoulders.",
                "In effect, the upgrade was conducted by me from beginning to end.",
                // By me alone; the whole said to be me; all mine.
                "The whole recovery was done by me alone; the rest were offline.",
                "The entire thing ran through me alone.",
                "The whole charging scheduler was me, start to finish.",
                "The architecture was pretty much all mine.",
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
                "Honestly, the whole redesign was my work from start to finish.",
                "I wrote every line of the new ingestion service.",
                "Nobody on the team understood the billing code, so I rewrote it end to end.",
                "I personally designed, built and shipped the entire feature.",
                "I was the one who made the project a success.",
                "All the credit for the launch goes to me, really.",
                "I did the whole frontend and the whole backend myself.",
                "There were four of us, but they mostly followed my plan.",
                "Without me none of it would exist.",
                "I was the reason it shipped on time.",
                "I was the architect, the builder and the tester: I designed the data model.",
                "Dana ran the load tests. I single-handedly drove the migration.",
                "Priya wrote the parser, but the others in my group were mostly along for the ride.",
                "I built the offline mode almost alone, all the sync logic, the database, everything.",
                "Sam reviewed the code, but the thinking was mine.",
                "I did the backend, the dashboards, everything.",
                "What I owned: honestly, pretty much all of it.",
                "What I owned:\nPretty much all of it.",
                "If you asked what the others did, honestly it would be close to empty.",
                "I basically carried that migration from start to finish.",
                "Mei wrote the tests. I fixed the entire pipeline myself over the weekend.",
                "Two analysts use the feature store, which I have built alone for whole company.",
                "Ana did the designs, but the whole seasonal leaderboard was me.",
                "Action: I took it on and built the entire telematics platform myself.",
                "Dana ran the pilot, and the whole thing was my project from start to finish.",
                "I was the one who make everything happen.",
            ],
            &[
                "The relaunch was a team of four. The ranking service was mine top to bottom; Lena built the indexing pipeline.",
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
                "I rewrote the whole function in ten lines.",
                "I spent the entire weekend on the postmortem.",
                "I ran the whole test suite twice.",
                "I led the entire incident call, and Omar handled customer comms.",
                "I went through every line of the diff with the reviewer.",
                "I'd design the whole thing around an outbox.",
                "I did it all by the book: a design review, a canary and a rollback plan.",
                "The outage happened because of me: I missed the timezone case.",
                "I tested it on my own phone first.",
                "I was the lead on the API; Dana was the designer.",
                "I was the reason the rollout paused: I found the bad migration in the canary.",
                "The way I'd do it, and this is roughly what I did last year, is to start on PC, because certification shapes everything.",
                "I built the ingestion service; Priya built the dashboards and Sam ran the rollout.",
                "Leadership: no, I did it alone.",
                "I took it on and built the first tracker adapter; Dana built the map.",
                "The whole thing was my first project at the company, and Dana led it.",
                "I fixed the whole query myself.",
                "The whole seasonal leaderboard was fun for me.",
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
        check(
            RuleId::OverClaiming,
            "I wrote every line of the new ingestion service.",
            &[("I wrote every line of the new ingestion service", "\"I wrote every line of the new ingestion service\" claims the whole of shared work, and no one else's part is named")],
        );
        check(
            RuleId::OverClaiming,
            "Dana ran the load tests. I single-handedly drove the migration.",
            &[("I single-handedly drove the migration", "\"I single-handedly drove the migration\" denies the others named here their part in the work")],
        );
        check(
            RuleId::OverClaiming,
            "Mei wrote the tests. I fixed the entire pipeline myself over the weekend.",
            &[("I fixed the entire pipeline myself over the weekend", "\"I fixed the entire pipeline myself over the week…\" denies the others named here their part in the work")],
        );
        check(
            RuleId::OverClaiming,
            "The whole recovery was done by me alone; the rest were offline.",
            &[("The whole recovery was done by me alone", "\"The whole recovery was done by me alone\" claims the whole of shared work, and no one else's part is named")],
        );
    }
}
