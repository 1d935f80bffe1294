//! `trait-claim`: a quality asserted instead of shown: "I'm a strong
//! owner", "I'm detail-oriented", "I care deeply about …", "I'm someone who
//! always takes ownership", "I always design for scale from day one".
//!
//! Why an interviewer cares: a trait claim is the one kind of sentence they
//! are trained to discount. It costs time and invites the follow-up "tell me
//! about a time", which is the story you should have told.
//!
//! What counts: the speaker describing themselves with a trait (an
//! adjective of character or skill, a persona noun: "a natural leader", "a
//! team player", "the kind of engineer who …", "the person people come to"),
//! a habit of virtue ("I always start from the user"), a passion ("I care
//! deeply about", "I'm passionate about"), or a skill ("I'm good at", "my
//! strength is"). Not flagged: a concrete act that shows it in the same
//! sentence ("I care about accessibility, so I ran the screen-reader audit
//! myself"; not a manner that restates the trait: "so I tested it quite
//! thoroughly"), a role ("I'm a backend engineer"), self-deprecation (that is
//! `apology-spiral`), and quoted claims being discussed.
//!
//! Better shape: the story that shows the trait: "When the release slipped,
//! I wrote the recovery plan that night and walked the team through it."

use super::{clip, Raw, Rule, RuleId, RuleInfo};
use crate::core::analyzer::clause::Link;
use crate::core::analyzer::context::{is_agency, Ctx};
use crate::core::analyzer::lexicon::Phrases;
use crate::core::analyzer::text::Kind;
use crate::core::analyzer::Severity;

pub const INFO: RuleInfo = RuleInfo {
    id: "trait-claim",
    title: "Trait claim",
    description: "A quality asserted instead of shown (\"I'm a strong owner\", \"I'm passionate about\").",
    example_fix: "When the release slipped, I wrote the recovery plan that night and walked the team through it the next morning.",
    severity: Severity::Warning,
};

/// Self-descriptions by trait.
pub static TRAITS: Phrases = Phrases {
    name: "trait-claims",
    items: &[
        "{i'm|i am} {very |really |pretty |}{strong|good|great|excellent|solid} {in|at|with}",
        "{i'm|i am} {very |really |pretty |super |extremely |quite |}{good|great|strong|excellent} at",
        "{i'm|i am} {very |really |}good with",
        "{i'm|i am} {also |}{someone|somebody|a person|the kind of engineer|the kind of person|the kind of developer|the kind of lead|the type of engineer|the type of person|the sort of person|the sort of engineer} who",
        // A knack claimed: "I'm a natural at getting people on board", "I'm
        // normally really quick at this sort of design stuff".
        "{i'm|i am} {a |}natural at",
        "{i'm|i am} {normally |usually |generally |always |}{really |very |pretty |super |}{quick|fast|good|great|strong} at",
        "{i'm|i am} {equal parts|known as|known for|the guy|the person|the one people|the go-to}",
        "{i|i've} {really |}{care|cared|always cared} {deeply|a lot|so much|a great deal} about",
        "{i'm|i am} {also |}{really |very |so |super |deeply |truly |extremely |}passionate about",
        "{i was|i'm|i am} {pretty much |basically |really |}always the one",
        "{i|i've} {always|consistently} {design|go|start|push|make|prioritise|prioritize|put|think|take|focus|bring|look|try|deliver|ask|build}",
        "that's something i've always {prioritized|prioritised|done|cared about|valued}",
        "{my|one of my} {best|biggest|greatest|main|key|core} {skill|strength|strengths|skills} {is|are}",
        "{my strength is|my strong point|this is my strong point|is my strong point|my thing|kind of my thing|sort of my thing|is my superpower}",
        "{incidents|debugging|performance|this} {are|is} {kind of |sort of |}my thing",
        "i've got a {really |very |}good {instinct|eye|sense|nose}", "i have a {really |very |}good {instinct|eye|sense}",
        "{i'm|i am} not afraid to", "i'd describe myself as", "i would describe myself as",
        "{i|i'm} {sometimes |}care too much", "i'm a big believer", "i am a big believer",
        "{i'm|i am} confident i'd be a great fit", "i'd be a great fit",
        "{i'm|i am} {pretty |very |really |}calm under pressure",
        "i pride myself", "i consider myself", "{i'd|i would} say i'm", "i thrive {on|under|in}", "i have a {real |genuine |deep |}passion for",
        "{i'm|i am} {a |an |}{very |really |}{hands-on|hard worker|perfectionist|people person|self-driven|ownership-minded}",
        "{i'm|i am} always {the first to|eager to|willing to}", "i {always |}go above and beyond", "i never give up",
        "{i'm|i am} {really |very |extremely |}{approachable|empathetic|patient|persistent|tenacious|versatile|accountable|transparent|honest|reliable|adaptable|resourceful}",
        "{i'm|i am} {recognised|recognized|known} {as|for}", "i'm obsessed with", "i love {solving|building|mentoring|learning|fixing}",
        "{i|i'm|i am} {always |}{the one|the guy|the person} {people|everyone} {look|looks|come|comes|turn|turns} to",
        "!{i'm|i am} {not great|not good|bad|terrible|hopeless|not so good|kind of bad|really bad} {at|with}",
        "!i always {ask|check} {that|whether|what}",
        "{people|everyone|colleagues|my team|my manager|they} {know|knows|see|sees|describe|describes|call|calls} me as",
    ],
};

/// The speaker describing themselves, completed by a [`TRAIT_WORDS`] entry
/// a few words on ("I'm a very detail-oriented engineer", "I've always been
/// a natural leader"): two short lists instead of every combination.
pub static SELF_DESCRIPTIONS: Phrases = Phrases {
    name: "self-descriptions",
    items: &[
        "i'm",
        "i am",
        "i've always been",
        "i have always been",
        "i was always",
        "i consider myself",
        "i'd describe myself as",
        "i would describe myself as",
        "i'd say i'm",
        "i would say i'm",
    ],
};

/// Traits and personas: adjectives of character or skill, and the nouns of
/// self-branding.
pub static TRAIT_WORDS: Phrases = Phrases {
    name: "trait-words",
    items: &[
        "{calm|detail-oriented|detail oriented|results-oriented|people-oriented|customer-oriented|goal-oriented|solution-oriented|mission-driven|impact-driven|growth-minded|organised|organized|results-driven|results driven|pragmatic|passionate|product-minded|data-driven|self-motivated|proactive|hardworking|hard-working|reliable|dependable|creative|curious|collaborative|analytical|meticulous|driven|ambitious|resilient|adaptable|flexible|humble|thorough|disciplined|motivated|dedicated|strategic|customer-obsessed|customer-focused|user-focused|efficient|decisive|fearless|calm under pressure}",
        "{team player|problem solver|problem-solver|leader|mentor|owner|people person|communicator|learner|quick learner|fast learner|self-starter|perfectionist|go-getter|doer|believer|engineer who|person who|guy people|person people|trusted advisor|details person|detail person|people-person|multitasker|thinker|coder|programmer|debugger|get-it-done person|can-do person}",
    ],
};

/// An adjective of character by its shape, describing the speaker as a
/// kind of person: "a very *careful* person", "*responsible* person", "a
/// *people-first* manager", "*security-minded* by nature". Compounds in
/// -minded, -oriented, -first, -driven, -focused, and -ful / -ible / -ive
/// adjectives before a person noun. Not "responsible for the API" (a role):
/// a complement after the adjective makes it a fact, not a trait.
fn character_adjective(doc: &crate::core::analyzer::text::Doc, k: usize, end: usize) -> bool {
    let w = doc.norm_of(k);
    let compound = [
        "-minded",
        "-oriented",
        "-first",
        "-driven",
        "-focused",
        "-centric",
        "-conscious",
    ]
    .iter()
    .any(|suffix| w.len() > suffix.len() + 2 && w.ends_with(suffix));
    let shaped = ["ful", "ible", "ive"]
        .iter()
        .any(|suffix| w.len() > suffix.len() + 3 && w.ends_with(suffix));
    let next = if k + 1 < end { doc.norm_of(k + 1) } else { "" };
    let person_noun = |n: &str| {
        matches!(
            n,
            "person"
                | "engineer"
                | "manager"
                | "leader"
                | "lead"
                | "developer"
                | "guy"
                | "type"
                | "teammate"
                | "worker"
                | "individual"
                | "colleague"
                | "one"
                | "coder"
                | "thinker"
                | "programmer"
        )
    };
    // "security-minded by nature", "careful by nature".
    let by_nature = next == "by" && k + 2 < end && doc.norm_of(k + 2) == "nature";
    let ends = next.is_empty() || doc.tokens[k + 1].kind == Kind::Punct;
    // A noun modifier may sit between: "the most careful infra person".
    let person_after = person_noun(next)
        || (k + 2 < end && doc.tokens[k + 1].kind == Kind::Word && person_noun(doc.norm_of(k + 2)));
    compound && (ends || person_after || by_nature) || shaped && (person_after || by_nature)
}

/// Words that may sit between a self-description and its trait: articles,
/// degree and hedge words ("I'm *also a very* …", "I'm *a true* …").
fn is_trait_filler(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "very"
            | "really"
            | "pretty"
            | "super"
            | "extremely"
            | "highly"
            | "quite"
            | "so"
            | "truly"
            | "genuinely"
            | "naturally"
            | "incredibly"
            | "also"
            | "just"
            | "true"
            | "real"
            | "natural"
            | "strong"
            | "great"
            | "good"
            | "big"
            | "born"
            | "genuine"
            | "kind"
            | "of"
            | "bit"
            | "definitely"
            | "always"
            | "somewhat"
            | "fairly"
            | "most"
            | "much"
    )
}

pub struct TraitClaim;

impl Rule for TraitClaim {
    fn id(&self) -> RuleId {
        RuleId::TraitClaim
    }

    fn lists(&self, out: &mut Vec<&'static Phrases>) {
        out.extend([&TRAITS, &SELF_DESCRIPTIONS, &TRAIT_WORDS]);
    }

    fn check(&self, cx: &Ctx, out: &mut Vec<Raw>) {
        let doc = cx.doc;
        let mut hits: Vec<crate::core::analyzer::lexicon::Hit> = cx.hits_of(&TRAITS).to_vec();
        for d in cx.hits_of(&SELF_DESCRIPTIONS) {
            let s = d.sentence as usize;
            let mut k = d.last as usize;
            while k < doc.sentences[s].last
                && k < d.last as usize + 5
                && is_trait_filler(doc.norm_of(k))
            {
                k += 1;
            }
            // "I am very structured communicator": a describing word or two
            // may sit before the persona noun.
            let end = doc.sentences[s].last;
            let described = |t: &&crate::core::analyzer::lexicon::Hit| {
                let first = t.first as usize;
                first > k
                    && first <= k + 2
                    && (k..first).all(|n| {
                        doc.tokens[n].kind == Kind::Word
                            // "the main communicator with the vendor" is a role.
                            && !matches!(
                                doc.norm_of(n),
                                "and" | "but" | "who" | "that" | "not" | "main" | "primary"
                                    | "only" | "sole" | "designated" | "official" | "first"
                            )
                    })
            };
            if let Some(t) = cx
                .hits_in(&TRAIT_WORDS, s)
                .iter()
                .find(|t| t.first as usize == k)
                .or_else(|| {
                    cx.hits_in(&TRAIT_WORDS, s)
                        .iter()
                        .filter(|t| (t.last as usize) <= end)
                        .find(described)
                })
            {
                hits.push(crate::core::analyzer::lexicon::Hit {
                    first: d.first,
                    last: t.last,
                    sentence: d.sentence,
                });
            } else if k < doc.sentences[s].last
                && character_adjective(doc, k, doc.sentences[s].last)
            {
                hits.push(crate::core::analyzer::lexicon::Hit {
                    first: d.first,
                    last: (k + 1) as u32,
                    sentence: d.sentence,
                });
            }
        }
        hits.sort_by_key(|h| (h.first, h.last));
        for h in &hits {
            let (s, t) = (h.sentence as usize, h.first as usize);
            if doc.tokens[t].quoted || doc.sentences[s].is_structure() {
                continue;
            }
            let Some(ci) = cx.clauses.at(s, t) else {
                continue;
            };
            let c = &cx.clauses.list[ci];
            // The claim is the speaker's own: it is worded in the first person.
            let first_person = (t..h.last as usize).any(|k| {
                matches!(
                    doc.norm_of(k),
                    "i" | "i'm" | "i've" | "i'd" | "i'll" | "my" | "me" | "myself"
                )
            });
            if c.mention || !first_person || c.mood == crate::core::analyzer::clause::Mood::Question
            {
                continue;
            }
            // A concrete act that the claim leads to, in a clause right after:
            // "I care about accessibility, so I ran the screen-reader audit".
            // A habit ("people follow when I set the direction") or the next
            // item of a list ("…, and I did a lot of the React stuff") is not it.
            let (_, end) = cx.clauses.by_sentence[s];
            // "…, so I tested the state machine quite thoroughly" restates
            // the trait as a manner: nothing in it can be checked.
            let shown = cx.clauses.list[ci + 1..end].first().is_some_and(|k| {
                matches!(k.link, Link::Result | Link::Purpose)
                    && is_agency(doc, k)
                    && k.tense != crate::core::analyzer::clause::Tense::Present
                    && !k.words(doc).any(|w| {
                        matches!(
                            w,
                            "thoroughly" | "carefully" | "properly" | "closely" | "diligently"
                        )
                    })
            });
            if shown {
                continue;
            }
            let first = t;
            let mut last = (h.last as usize).max(t + 1);
            while last < c.last && last < h.last as usize + 3 && doc.tokens[last].kind == Kind::Word
            {
                last += 1;
            }
            let seen = cx.slice(first, last);
            out.push(Raw {
                first,
                last,
                message: format!("\"{}\" asserts a trait instead of showing it", clip(seen, 48)),
                suggestion: "Replace the claim with the moment that shows it: what happened, what you did, what changed.".to_string(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{check, check_table};
    use super::super::RuleId;

    #[test]
    fn table() {
        check_table(
            RuleId::TraitClaim,
            &[
                // A knack, "somebody who", a persona noun after a describing
                // word, a manner that restates the trait.
                "I'm a natural at getting people on board, the drivers would trust it.",
                "I'm normally really quick at this sort of design stuff, so that part's fine.",
                "Reflection, I think, is that I'm somebody who owns things end to end.",
                "I'm naturally a structured thinker, so this part comes easily.",
                "I'm quite an intuitive coder, I don't overthink.",
                "I'm very much a get-it-done person, so I'm comfortable with that.",
                "I'm a very detail-oriented engineer, so I tested the state machine quite thoroughly.",
                "I'm a strong owner.",
                "I care deeply about code quality.",
                "I'm passionate about getting things out the door.",
                "I'm a natural leader, so people come to me.",
                "I'm someone who always takes ownership when things break.",
                "I'm good at this kind of system design.",
                "I always design for scale from day one.",
                "I am very strong in debugging, I think this is my best skill.",
                "I'm detail-oriented, so I'd also write up the timeline.",
                "I'm a really pragmatic engineer in general.",
                "Incidents are kind of my thing.",
                "I'm not afraid to speak truth to power.",
                "My strength is that I am very organised.",
                "I'm pretty calm under pressure.",
                "I'm the kind of engineer who sees the whole picture.",
                "I am very hard-working person and I always give 200% for the team.",
                "I'm a people-first manager.",
                "I'm security-minded by nature.",
                "I'm the most careful infra person on the team.",
                "People know me as the one who fixes the build.",
                "I'm a natural leader, people follow when I set the direction.",
                "I was the frontend lead, I'm a natural leader so people sort of came to me with questions, and I did a lot of the React stuff.",
                "I am very structured communicator.",
            ],
            &[
                "I owned the launch checklist.",
                "I care about accessibility, so I ran the screen-reader audit myself and fixed 14 issues.",
                "I'm a backend engineer on the payments team.",
                "I'm not great at scaling questions.",
                "She opened with 'I'm passionate about reliability', which is a claim.",
                "The notes said she claims to be detail-oriented.",
                "I've also stopped opening with \"I'm a strong owner\".",
                "I now ask that on every payment-path review.",
                "I'm confident the rollback works because I rehearsed it twice.",
                "I was calm enough to roll back first.",
                "I'm going to start with the data model.",
                "I'm happy to go deeper on any part.",
                "I always ask what happens on a timeout now.",
                "Dana is a natural mentor.",
                "I'm good to go.",
                "I'm responsible for the billing API.",
                "I'm responsive to pages within five minutes because the rota says so.",
                "The team is data-driven about launches.",
                "I am the main communicator with the vendor, and I send the weekly status on Fridays.",
            ],
        );
    }

    #[test]
    fn spans_and_messages() {
        check(
            RuleId::TraitClaim,
            "Honestly, I'm a natural leader.",
            &[(
                "I'm a natural leader",
                "\"I'm a natural leader\" asserts a trait instead of showing it",
            )],
        );
    }
}
