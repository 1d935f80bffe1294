//! `apology-spiral`: repeated apology or self-deprecation in one answer (two
//! or more of "sorry", "apologies", "I'm bad at this", "this is probably all
//! wrong", "I'm hopeless at remembering metrics").
//!
//! Why an interviewer cares: recovery is one of the things being sampled.
//! One polite "sorry, could you repeat that?" is fine; a spiral spends your
//! time and their attention on your nerves instead of the problem, and reads
//! as freezing under new information.
//!
//! Self-deprecation is read from the clause as well as from phrases: the
//! speaker's "I am" and, past any hedges, a word of poor skill ("I'm kinda
//! bad at these audit ones") or a negated word of good skill ("I am really
//! not strong in this kind of questions"), in the present.
//!
//! Counting: apologies and self-deprecations that are not requests ("sorry,
//! could you repeat the last part?", "sorry, the same ten minutes?") and not
//! clean corrections ("my mistake, let me correct it", "I overstated it").
//! With two or more, each occurrence is flagged, polite ones included.
//! Quoted apologies are mentions.
//!
//! Better shape: acknowledge once, restate and continue: "Good catch, that
//! breaks my ordering assumption. I'll key the dedupe on the event id instead."

use super::{clip, Raw, Rule, RuleId, RuleInfo};
use crate::core::analyzer::clause::{Actor, Clause, Tense};
use crate::core::analyzer::context::Ctx;
use crate::core::analyzer::lexicon::{Hit, Phrases};
use crate::core::analyzer::text::Kind;
use crate::core::analyzer::Severity;

pub const INFO: RuleInfo = RuleInfo {
    id: "apology-spiral",
    title: "Apology spiral",
    description: "Repeated apology or self-deprecation (two or more in one answer) instead of restating and moving on.",
    example_fix: "Good catch, that breaks my ordering assumption. I'll key the dedupe on the event id instead and keep going.",
    severity: Severity::Warning,
};

/// Apologies.
pub static APOLOGIES: Phrases = Phrases {
    name: "apologies",
    items: &[
        "sorry",
        "apologies",
        "~apologise",
        "~apologize",
        "my apologies",
        "my bad",
        "sorry in advance",
        "!{feel|felt|feeling} sorry",
        "!sorry {to hear|for my english|for the noise}",
        "!no need to be sorry",
        "{please |}forgive {me|the mess|my|this}",
        "excuse me",
    ],
};

/// Self-deprecation.
pub static SELF_DEPRECATION: Phrases = Phrases {
    name: "self-deprecation",
    items: &[
        "{i'm|i am} {really |so |kind of |pretty |just |honestly |very |quite |always |genuinely |}{bad|terrible|awful|hopeless|useless|rubbish|not good|not great|not so good|no good|weak} {at|with|in}",
        "{is|are|'s} {really |always |honestly |definitely |}my {weak spot|weak point|weakness|achilles heel}",
        "{gets|get|got|makes|make} me {so |really |}{flustered|nervous|panicky}",
        "{this|that|it|my answer|all this|all of this} {is|was} {probably |likely |}{all |completely |}wrong {anyway|}",
        "probably all wrong", "{i|i'm} usually freeze", "i {always |usually |}freeze {on|up|when}",
        "{was|were|is} all over the place",
        "i'm rambling", "i'm blanking", "i lost my train of thought", "my mind {went|is going} blank",
        "i {haven't|have never|never} done one of these", "{i'm|i am} not great at telling",
        "that's probably not {the depth|the kind of answer|what} you {wanted|want|were looking for}",
        "probably not the kind of answer", "i know that was a lot", "i'm so nervous", "i'm really nervous",
        "i don't know what i'm doing", "ugh", "argh", "let me start over", "{stupid|dumb|silly} {question|mistake|of me}",
        "{a |an |}{dumb|stupid|silly|terrible|awful|weird|bad} answer", "{it's|this is|that's|it is} {probably |}all off",
    ],
};

/// A request or clarification right after "sorry": polite, not a spiral.
fn is_request(cx: &Ctx, h: &Hit) -> bool {
    let doc = cx.doc;
    let s = h.sentence as usize;
    let sentence = &doc.sentences[s];
    let question = (sentence.first..sentence.last).any(|k| doc.norm_of(k) == "?");
    let after: Vec<&str> = (h.last as usize..sentence.last.min(h.last as usize + 4))
        .filter(|&k| doc.tokens[k].kind == Kind::Word)
        .map(|k| doc.norm_of(k))
        .collect();
    let asks = after.first().is_some_and(|w| {
        matches!(
            *w,
            "could"
                | "can"
                | "would"
                | "do"
                | "did"
                | "what"
                | "is"
                | "are"
                | "the"
                | "one"
                | "fair"
                | "which"
        )
    });
    question || asks
}

pub struct ApologySpiral;

impl Rule for ApologySpiral {
    fn id(&self) -> RuleId {
        RuleId::ApologySpiral
    }

    fn lists(&self, out: &mut Vec<&'static Phrases>) {
        out.extend([&APOLOGIES, &SELF_DEPRECATION]);
    }

    fn check(&self, cx: &Ctx, out: &mut Vec<Raw>) {
        let doc = cx.doc;
        let mut strong: Vec<(usize, usize)> = Vec::new();
        let mut polite: Vec<(usize, usize)> = Vec::new();
        for h in cx
            .hits_of(&APOLOGIES)
            .iter()
            .chain(cx.hits_of(&SELF_DEPRECATION))
        {
            let t = h.first as usize;
            if doc.tokens[t].quoted
                || cx
                    .clause_at(h.sentence as usize, t)
                    .is_some_and(|c| c.mention)
            {
                continue;
            }
            let span = extend(cx, h);
            if doc.norm_of(t) == "sorry" && is_request(cx, h) {
                polite.push(span);
            } else {
                strong.push(span);
            }
        }
        // "I'm kinda bad at these audit ones", "I am really not strong in
        // this kind of questions": the speaker's own competence run down,
        // whatever the hedges between.
        for c in &cx.clauses.list {
            if c.mention || doc.sentences[c.sentence].is_structure() {
                continue;
            }
            if let Some(span) = self_deprecation(cx, c) {
                if !strong.iter().any(|&(a, b)| a < span.1 && span.0 < b) {
                    strong.push(span);
                }
            }
        }
        if strong.len() < 2 {
            return;
        }
        let total = strong.len() + polite.len();
        strong.extend(polite);
        strong.sort_unstable();
        for (first, last) in strong {
            let seen = cx.slice(first, last);
            out.push(Raw {
                first,
                last,
                message: format!("\"{}\" is one of {total} apologies in this answer", clip(seen, 40)),
                suggestion: "Acknowledge once, restate the new constraint, and continue: \"Good catch — that breaks X. I'll do Y instead.\"".to_string(),
            });
        }
    }
}

/// A clause of the speaker running their own competence down: "I am" and,
/// after any hedges, a word of poor skill ("bad", "terrible", "hopeless")
/// or a negated word of good skill ("not strong", "not very good"). Present
/// tense: "I was weak on capacity planning then" is a reflection.
fn self_deprecation(cx: &Ctx, c: &Clause) -> Option<(usize, usize)> {
    let doc = cx.doc;
    if c.actor != Actor::I || c.verb_base != "be" || c.tense != Tense::Present || !c.mood.is_fact()
    {
        return None;
    }
    let from = c.verb.map_or(c.subject.1, |v| v + 1);
    let word = (from..c.last.min(from + 5)).find(|&k| {
        let w = doc.norm_of(k);
        matches!(
            w,
            "bad" | "terrible" | "awful" | "hopeless" | "useless" | "rubbish" | "weak" | "clumsy"
        ) || matches!(w, "good" | "strong" | "great" | "confident")
            && (c.negated
                || (from..k).any(|n| crate::core::analyzer::words::is_negation(doc.norm_of(n))))
    })?;
    // "at/in/with" and what follows: "… at these live things".
    let mut last = word + 1;
    if last < c.last && matches!(doc.norm_of(last), "at" | "in" | "with") {
        last = (last + 4).min(c.last);
    }
    while last > word + 1 && doc.tokens[last - 1].kind == Kind::Punct {
        last -= 1;
    }
    Some((c.subject.0.min(word), last))
}

/// The apology and a few words after it, to the end of its clause.
fn extend(cx: &Ctx, h: &Hit) -> (usize, usize) {
    let doc = cx.doc;
    let (first, mut last) = (h.first as usize, h.last as usize);
    let stop = cx
        .clause_at(h.sentence as usize, first)
        .map_or(last, |c| c.last)
        .min(last + 6);
    while last < stop && doc.tokens[last].kind != Kind::Punct {
        last += 1;
    }
    (first, last)
}

#[cfg(test)]
mod tests {
    use super::super::testing::{check, check_table};
    use super::super::RuleId;

    #[test]
    fn table() {
        check_table(
            RuleId::ApologySpiral,
            &[
                "Sorry, I didn't think about that. Sorry, let me try again.",
                "Sorry, I'm rambling. This is probably all wrong.",
                "I'm bad at these questions, sorry.",
                "Apologies, I lost my train of thought. My bad.",
                "Oh, sorry, sorry, yeah, you're right.",
                "Sorry in advance, it's a long story, and I'm not great at telling these in order.",
                "I'm hopeless at remembering metrics. My bad, I don't have the number.",
                "Sorry, I am not so good with these design questions. Sorry, this is probably all wrong.",
                "Ah, sorry, yes. Sorry, this is probably all wrong.",
                "I usually freeze on meta questions, and this is probably all wrong.",
                "Sorry, I haven't done one of these before. Sorry, what was the question again?",
                "My bad. I'm really bad with the database details, sorry.",
                "Sorry, I'm kind of jumping around. Sorry, this is probably not the kind of answer you want.",
                "Sorry, that's probably not the depth you wanted. I'm kind of bad at these why-did-you questions.",
                "I'm terrible at this. Apologies.",
                "Sorry. Whiteboard rounds always get me flustered.",
                "Geo stuff is really my weak spot, sorry.",
                "I'm honestly terrible at these conflict questions. I am not good in these exercises.",
                "Sorry, I am very bad in this kind of question.",
                "I am really not strong in this kind of questions, please forgive me for this.",
                "Ugh, my bad. I'm kinda bad at these audit ones.",
                "This is prob a dumb answer, yeah, I'm honestly terrible at these live things.",
            ],
            &[
                "Sorry, could you repeat the last part?",
                "I was weak on capacity planning then, so I took the course and now I size every service myself.",
                "I'm not good at Go yet, so I wrote the worker in Python, which the team reviews daily.",
                "Sorry, one clarification I'd ask you: is the second processor wired up?",
                "My mistake. Let me correct it: the pipeline is at-least-once.",
                "I made an arithmetic error, let me redo that.",
                "Sorry, fair, that rules out Temporal.",
                "You're right, and I overstated it.",
                "I should have asked about the spike at the start.",
                "Sorry, the same ten minutes?",
                "The answer opened with 'sorry, sorry, I'm bad at this', which costs a minute.",
                "I feel sorry for whoever inherits that code.",
                "Sorry, could you repeat that? And sorry, one more: is it read-heavy?",
                "Where I'm still weak: I tend to say 'we' when I'm nervous.",
                "That's a fair point.",
                "Sorry for my English, I will try to be clear.",
                "I'm not sure, so I'd measure it first.",
                "Latency is my weak spot metric on this dashboard, and I track it weekly.",
            ],
        );
    }

    #[test]
    fn spans_and_messages() {
        check(
            RuleId::ApologySpiral,
            "Sorry, I'm rambling. This is probably all wrong.",
            &[
                ("Sorry", "\"Sorry\" is one of 3 apologies in this answer"),
                (
                    "I'm rambling",
                    "\"I'm rambling\" is one of 3 apologies in this answer",
                ),
                (
                    "This is probably all wrong",
                    "\"This is probably all wrong\" is one of 3 apologies in this answer",
                ),
            ],
        );
    }
}
