//! `apology-spiral`: repeated apology or self-deprecation in one answer (two
//! or more of "sorry", "apologies", "I'm bad at this", "this is probably all
//! wrong", "I'm hopeless at remembering metrics").
//!
//! Why an interviewer cares: recovery is one of the things being sampled.
//! One polite "sorry, could you repeat that?" is fine; a spiral spends your
//! time and their attention on your nerves instead of the problem, and reads
//! as freezing under new information.
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
            ],
            &[
                "Sorry, could you repeat the last part?",
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
