//! `vague-action-item`: a follow-up or lesson with no owner and no date or
//! trigger: "we should improve our monitoring", "need better tests", "better
//! dashboards for queue health", "going forward we'll communicate better".
//!
//! Why an interviewer cares: the action items are where a postmortem shows
//! whether anything will change. An item nobody owns, with no date, is the
//! one that does not happen, and saying it that way signals the habit.
//!
//! What counts: an improvement put as an obligation or intention for a
//! collective or for nobody ("we should …", "we need to …", "going forward
//! we'll …", "the team has to …"), or an improvement item in an action-item
//! list or after an action-item cue ("action items: improve alerting, better
//! dashboards", "what I'd change: pick vendors more carefully"), including
//! comparatives of manner ("more carefully", "take more ownership") and
//! soft verbs ("check", "align"), a need stated about the thing itself ("vendor
//! communication needs work", "better preparation is needed"), and the
//! speaker's own open-ended item ("I need to work on the architecture part",
//! "… at some point": an owner, but nothing to check by any time), soft
//! verbs that leave nothing to check ("look at our alerting", "revisit"), a
//! short fragment soon after a cue ("Follow-ups: … More testing."), an item
//! asked of nobody ("should somebody look into …?"), and a lesson of
//! attitude even when owned ("the main lesson for me is to communicate
//! better"). Other people owing the change is blame, not an item. What answers it: an owner (a named person, "I", "me",
//! "owner: …", a named team that owns it) or a date or trigger ("by Friday",
//! "due 12 March", "next sprint", "in two weeks", "before every season
//! launch", "when the backlog passes …") in the item, not in what should
//! have happened ("this should have paged us before the clerks rang"), and
//! "own" only with someone to own it ("someone needs to own the
//! integration" names nobody). Not flagged: blame on
//! another party (that is `blame`), questions, mentions.
//!
//! Better shape: "I own the p99 alert on checkout completion, due 12 March;
//! Priya owns the runbook update by the end of the sprint."

use super::{clip, Raw, Rule, RuleId, RuleInfo};
use crate::core::analyzer::clause::{Actor, Clause, Mood};
use crate::core::analyzer::context::{Ctx, Role};
use crate::core::analyzer::lexicon::Phrases;
use crate::core::analyzer::text::Kind;
use crate::core::analyzer::words::is_tech_name;
use crate::core::analyzer::Severity;

pub const INFO: RuleInfo = RuleInfo {
    id: "vague-action-item",
    title: "Vague action item",
    description: "A follow-up or lesson with no owner and no date or trigger (\"we should improve our monitoring\").",
    example_fix: "I own the p99 alert on checkout completion, due 12 March; Priya owns the runbook update by the end of the sprint.",
    severity: Severity::Warning,
};

/// Improvements a follow-up promises.
pub static IMPROVEMENTS: Phrases = Phrases {
    name: "improvements",
    items: &[
        "~improve", "better", "more {monitoring|alerting|alerts|tests|testing|documentation|docs|communication|reviews|visibility|observability|process|care|checks|training}",
        "~communicate {better|more}", "be more careful", "~do better", "make sure {this|it|that} {doesn't|does not|never|won't}",
        "~add {more |better |}{monitoring|alerting|alerts|tests|dashboards|checks|documentation|docs|runbooks|a runbook}",
        "~document", "~revisit", "~invest in", "~prioritise", "~prioritize", "~look into", "~review the",
        "~update the runbook", "~fix the process", "~tighten", "~clean up", "more {careful|rigorous|thorough}",
        "~automate", "~train", "~educate", "~monitor", "~alert on", "~ensure", "~make sure", "~be more", "~avoid",
        "~prevent", "~set up", "~introduce", "~write a runbook", "~look at", "~investigate", "~consider", "~explore",
        "~practise more", "~practice more", "~fix", "~update", "~review", "~add", "~create", "~share", "~follow up", "~reduce", "~increase", "~define", "~agree on",
        "~check", "~align", "~coordinate", "~sync", "~take more", "~take {ownership|responsibility}", "properly", "more carefully", "more closely", "more often", "more regularly",
        // A need stated with no act in it: "vendor communication needs work",
        // "rollout planning needs more practice", "alerting has to get a proper overhaul".
        "~need {work|some work|more work|attention|more attention}", "more practice", "~overhaul", "a proper {overhaul|look|review|fix|cleanup|load test}",
        "~work on", "~get {its|their|our} act together", "~strengthen", "~figure out", "more widely",
        // More of an act with no amount: "Ask more questions, somehow".
        "~ask more", "~do more", "more questions", "~talk more", "~write more",
    ],
};

/// Cues that what follows is a follow-up: "action items", "going forward".
pub static FOLLOW_UP_CUES: Phrases = Phrases {
    name: "follow-up-cues",
    items: &[
        "action item",
        "action items",
        "follow-up",
        "follow-ups",
        "follow up",
        "next steps",
        "going forward",
        "moving forward",
        "in the future",
        "in future",
        "next time",
        "from now on",
        "lessons",
        "the lesson",
        "{main|biggest|key|big|one} lesson",
        "takeaways",
        "to prevent this",
        "so it doesn't happen again",
        "{what|the thing} {i'd|i would|we'd|we would} {change|do differently|do better}",
        "if {i|we} did it again",
        "if {i|we} {could|were to} do it again",
    ],
};

/// Dates and triggers that make an item real.
pub static WHEN: Phrases = Phrases {
    name: "follow-up-when",
    items: &[
        "by {friday|monday|tuesday|wednesday|thursday|the end of|end of|next|q1|q2|q3|q4|tomorrow|then}",
        "due", "deadline", "next {sprint|week|month|quarter|release|planning}", "this {sprint|week|quarter}",
        "{in|within} {a|one|two|three|four|five|six|a couple of|the next} {days|day|weeks|week|months|month|sprints|sprint}",
        "before {every|each|the next|the|launch|release}", "on the launch checklist", "on the checklist",
        "every {release|launch|deploy|review|sprint|season}", "end of {quarter|the quarter|sprint|month}",
        "shipped in", "hotfix", "owner", "owned by", "assigned to", "~own",
        "{january|february|march|april|june|july|august|september|october|november|december}",
    ],
};

pub struct VagueActionItem;

impl Rule for VagueActionItem {
    fn id(&self) -> RuleId {
        RuleId::VagueActionItem
    }

    fn lists(&self, out: &mut Vec<&'static Phrases>) {
        out.extend([&IMPROVEMENTS, &FOLLOW_UP_CUES, &WHEN]);
    }

    fn check(&self, cx: &Ctx, out: &mut Vec<Raw>) {
        let doc = cx.doc;
        for c in &cx.clauses.list {
            let s = c.sentence;
            if c.mention
                || doc.sentences[s].is_structure()
                || c.mood == Mood::Question && !someone_asked(cx, c)
                || c.negated
            {
                continue;
            }
            let Some(at) = improvement_at(cx, c) else {
                continue;
            };
            if !is_follow_up(cx, c) || has_owner_or_date(cx, c) {
                continue;
            }
            let (first, last) = span(cx, c, at);
            if first >= last {
                continue;
            }
            let seen = cx.slice(first, last);
            out.push(Raw {
                first,
                last,
                // The speaker's own item has an owner; what it lacks is an act
                // to check and a time.
                message: if c.actor == Actor::I {
                    format!("\"{}\" is a follow-up with nothing to check and no date", clip(seen, 48))
                } else {
                    format!("\"{}\" is a follow-up with no owner and no date", clip(seen, 48))
                },
                suggestion: format!(
                    "Give it an owner and a date or trigger: \"I own {} by …\" or \"<name> owns …, due …\".",
                    clip(cx.slice(at, last), 32)
                ),
            });
        }
    }
}

/// The first improvement word of the clause, outside quotations.
fn improvement_at(cx: &Ctx, c: &Clause) -> Option<usize> {
    cx.hits_in(&IMPROVEMENTS, c.sentence)
        .iter()
        .map(|h| h.first as usize)
        .find(|&t| (c.first..c.last).contains(&t) && !cx.doc.tokens[t].quoted)
}

/// A follow-up: an obligation or intention for a collective or nobody, or
/// an item in an action-item list or after a follow-up cue.
fn is_follow_up(cx: &Ctx, c: &Clause) -> bool {
    let s = c.sentence;
    // "Someone should look at the timeouts" names no one: the classic
    // ownerless item.
    let someone = c.subject.1 > c.subject.0
        && matches!(
            cx.doc.norm_of(c.subject.0),
            "someone" | "somebody" | "anyone" | "people"
        )
        || c.mood == Mood::Question && someone_asked(cx, c);
    if c.mood == Mood::Question {
        return someone;
    }
    let collective = someone
        || matches!(
            c.actor,
            Actor::We | Actor::Team | Actor::None | Actor::You | Actor::Thing
        );
    let intention = matches!(c.mood, Mood::Obligation | Mood::Plan | Mood::Imperative)
        || (c.mood == Mood::Fact
            && c.tense == crate::core::analyzer::clause::Tense::Present
            && matches!(c.verb_base.as_str(), "need" | "want"));
    let infinitive =
        improvement_at(cx, c).is_some_and(|t| t > c.first && cx.doc.norm_of(t - 1) == "to");
    let cue_before = cx
        .hits_in(&FOLLOW_UP_CUES, s)
        .iter()
        .any(|h| (h.first as usize) < c.last)
        || (s > 0
            && cx.doc.sentences[s - 1].paragraph == cx.doc.sentences[s].paragraph
            && cx.has(&FOLLOW_UP_CUES, s - 1)
            && cx.doc.sentences[s].list_item);
    // "Follow-ups: … More testing.": a short fragment soon after a cue in
    // its paragraph is one of the items.
    let cue_before = cue_before
        || fragment(cx, c)
            && (s.saturating_sub(2)..s).any(|p| {
                cx.doc.sentences[p].paragraph == cx.doc.sentences[s].paragraph
                    && cx.has(&FOLLOW_UP_CUES, p)
            });
    let in_list = cx.roles[s] == Role::ActionItems
        && (cx.doc.sentences[s].list_item || c.mood != Mood::Fact || fragment(cx, c));
    // "Lessons: I must be more careful with releases" has an owner but no
    // act to own: a resolution of attitude after a cue is still vague.
    // "I need to work on the architecture part", "I should look at the
    // habit at some point": the speaker owns it, but there is nothing to do
    // by any time.
    let open_ended = matches!(c.mood, Mood::Obligation | Mood::Plan) || intention;
    // "The main lesson is that other teams need to communicate better":
    // other people owing the change is blame, not an item.
    let others_owe = improvement_at(cx, c).is_some_and(|at| {
        (c.first..at.saturating_sub(1)).any(|k| {
            let w = cx.doc.norm_of(k);
            let people =
                w == "they" || crate::core::analyzer::words::is_people_noun(w) && w.ends_with('s');
            people
                && matches!(
                    cx.doc.norm_of(k + 1),
                    "need" | "should" | "must" | "have" | "ought"
                )
        })
    });
    if others_owe {
        return false;
    }
    if !collective {
        // (Another party's duty is blame, not an item: "other teams need to
        // communicate better".)
        return c.actor != Actor::Others && attitude_only(cx, c) && (cue_before || in_list)
            || c.actor == Actor::I && open_ended && open_ended_content(cx, c);
    }
    // "Vendor communication needs work", "better preparation is needed": a
    // need stated about the thing itself is the item.
    let stated_need = c.actor == Actor::Thing
        && c.mood == Mood::Fact
        && c.tense == crate::core::analyzer::clause::Tense::Present
        && c.verb_base == "need"
        // What is needed is the vague part ("needs work", "better
        // preparation"), not a resource ("needs a signal to sync").
        && (vague_content(cx, c)
            || improvement_at(cx, c).is_some_and(|t| {
                matches!(cx.doc.norm_of(t), "need" | "needs" | "more" | "a" | "work")
            }));
    if stated_need {
        return true;
    }
    // A bare imperative step ("Add a circuit breaker around the acquirer
    // client") is the speaker's own plan: its doer is implied. It is vague
    // only when its content is ("Add more alerts", "Write a runbook at some
    // point").
    // ("Need a proper look at alerting" is a need stated by nobody, not a step.)
    if c.mood == Mood::Imperative && !someone && c.verb_base != "need" && !vague_content(cx, c) {
        return false;
    }
    // "We'll need better monitoring" is an obligation put in the future.
    let obligation = c.mood == Mood::Obligation
        || (c.mood == Mood::Plan && matches!(c.verb_base.as_str(), "need" | "have"));
    (intention && (obligation || cue_before || in_list))
        || (in_list && fragment(cx, c))
        || (cue_before && (fragment(cx, c) || infinitive || lesson_complement(cx, c)))
}

/// "Should somebody talk to the vendor about their release notes?": an
/// item put as a question to nobody in particular.
fn someone_asked(cx: &Ctx, c: &Clause) -> bool {
    let doc = cx.doc;
    (c.first..c.last.saturating_sub(1)).any(|k| {
        doc.norm_of(k) == "should"
            && matches!(
                doc.norm_of(k + 1),
                "someone" | "somebody" | "anyone" | "anybody"
            )
    })
}

/// The item as what a lesson is: "the lesson was pick vendors more
/// carefully", the improvement after the copula.
fn lesson_complement(cx: &Ctx, c: &Clause) -> bool {
    c.verb_base == "be"
        && c.verb
            .is_some_and(|v| improvement_at(cx, c).is_some_and(|t| t > v))
}

/// A verbless item: "Better dashboards for queue health", "more monitoring".
fn fragment(cx: &Ctx, c: &Clause) -> bool {
    c.verb.is_none_or(|v| {
        let w = cx.doc.norm_of(v);
        crate::core::analyzer::words::verb_base(w).is_none() || cx.doc.tokens[v].kind != Kind::Word
    })
}

/// An owner or a date anywhere in the clause's sentence (items often put the
/// owner after a colon: "Batch rating loads: owner Kenji, shipped …").
fn has_owner_or_date(cx: &Ctx, c: &Clause) -> bool {
    let doc = cx.doc;
    let s = c.sentence;
    // A date or an owner word counts where it sets the item: not in what
    // should have happened ("this should have paged us before the clerks
    // rang"), and "own" only with someone to own it ("someone needs to own
    // the integration" names nobody).
    let dated = cx.hits_in(&WHEN, s).iter().any(|h| {
        let t = h.first as usize;
        // (Nor in a past time clause: "… before the clerks rang".)
        let counterfactual = cx.clause_at(s, t).is_some_and(|k| {
            k.mood == Mood::Counterfactual
                || k.link == crate::core::analyzer::clause::Link::Time
                    && k.tense == crate::core::analyzer::clause::Tense::Past
        });
        let nobody_owns = doc.norm_of(t).starts_with("own")
            && (t.saturating_sub(3)..t).any(|k| {
                matches!(
                    doc.norm_of(k),
                    "someone" | "somebody" | "anyone" | "anybody" | "nobody" | "people"
                )
            });
        !doc.tokens[t].quoted && !counterfactual && !nobody_owns
    });
    if dated || cx.facts[s].measure && cx.doc.sentences[s].list_item {
        return true;
    }
    // A resolution about attitude ("I must be more careful with releases")
    // has an owner but nothing to check: only a date or trigger makes it real.
    if attitude_only(cx, c) || c.actor == Actor::I && open_ended_content(cx, c) {
        return false;
    }
    let sentence = &doc.sentences[s];
    (sentence.first..sentence.last).any(|k| {
        let w = doc.norm_of(k);
        let raw = &doc.text[doc.tokens[k].start..doc.tokens[k].end];
        // A capitalised word past the first is a name; an acronym ("QA",
        // "CI") is not.
        let acronym = raw.chars().count() > 1 && raw.chars().all(|ch| !ch.is_lowercase());
        let name = k > sentence.first
            && !acronym
            && raw.chars().next().is_some_and(char::is_uppercase)
            && doc.tokens[k].kind == Kind::Word
            && !is_tech_name(w)
            && w != "i";
        // "Should improve how I talk about testing": the speaker inside a
        // wh-complement is its topic, not the item's owner.
        let topic = w == "i"
            && k > sentence.first
            && matches!(
                doc.norm_of(k - 1),
                "how" | "what" | "when" | "where" | "why"
            );
        matches!(w, "i" | "i'll" | "me" | "i'm" | "my") && !topic || name
    })
}

/// The item promises more or better of something, or puts it off to no
/// time at all: "more alerts", "better dashboards", "at some point",
/// "somewhere", "eventually".
fn vague_content(cx: &Ctx, c: &Clause) -> bool {
    let words: Vec<&str> = c.words(cx.doc).collect();
    words.iter().any(|w| {
        matches!(
            *w,
            "more"
                | "better"
                | "improve"
                | "improved"
                | "somewhere"
                | "somehow"
                | "eventually"
                | "properly"
        )
    }) || words.windows(2).any(|p| {
        matches!(
            p,
            ["some", "point"]
                | ["in", "general"]
                | ["make", "sure"]
                // Soft verbs: nothing to check when they are done.
                | ["look", "at"]
                | ["look", "into"]
                | ["think", "about"]
        )
    }) || words
        .iter()
        .any(|w| matches!(*w, "revisit" | "consider" | "explore" | "investigate"))
        || attitude_only(cx, c)
}

/// Work with no end to check it by: "work on", "look at … at some point",
/// "in general".
fn open_ended_content(cx: &Ctx, c: &Clause) -> bool {
    let words: Vec<&str> = c.words(cx.doc).collect();
    words.windows(2).any(|p| {
        matches!(
            p,
            ["work", "on"] | ["some", "point"] | ["in", "general"] | ["one", "day"]
        )
    }) || words.contains(&"someday")
}

/// The item promises a state of mind, not an act: "be more careful", "do
/// better", "be more thorough".
fn attitude_only(cx: &Ctx, c: &Clause) -> bool {
    let doc = cx.doc;
    let words: Vec<&str> = c.words(doc).collect();
    words.windows(2).any(|p| {
        matches!(
            p,
            ["be", "more"]
                | ["do", "better"]
                | ["be", "careful"]
                | ["be", "better"]
                | ["more", "carefully"]
                | ["more", "thoroughly"]
                | ["communicate", "better"]
                | ["get", "better"]
        )
    })
}

fn span(cx: &Ctx, c: &Clause, at: usize) -> (usize, usize) {
    let doc = cx.doc;
    let mut first = if at - c.first <= 6 { c.first } else { at };
    while first < at
        && (doc.tokens[first].kind == Kind::Punct
            || matches!(
                doc.norm_of(first),
                "and" | "so" | "but" | "like" | "um" | "uh"
            ))
    {
        first += 1;
    }
    let mut last = c.last.min(at + 6);
    while last > first && doc.tokens[last - 1].kind == Kind::Punct {
        last -= 1;
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
            RuleId::VagueActionItem,
            &[
                // A postmortem's "Actions" list; one owned item answers only itself.
                "**Actions**\n- Improve comms with the consortium\n- Priya to add an expiry alert, 30 days ahead, by 14 June",
                "**Actions**\n- Look at the on-call situation",
                // "own" with nobody to own it; the speaker as a topic, not an owner.
                "Afterwards: someone needs to own the payment integration properly.",
                "Lessons:\n- Should improve how I talk about testing.\n- Ask more questions, somehow.",
                // A past time clause dates nothing.
                "**After**\n- Need a proper look at alerting, this should have paged us before the clerks rang.",
                "Action items:\n- Communication with the supplier should be strengthened.",
                // A soft verb; a fragment soon after the cue; a question to
                // nobody; a lesson of attitude owned by me.
                "Follow-ups: look at our alerting, and the provider needs to sort out their reliability.",
                "Follow-ups:\nWe wrote the timeline up. More testing.",
                "Should somebody look into the vendor's release notes too?",
                "The main lesson for me is to communicate better.",
                "We should improve our monitoring.",
                "Going forward we need better tests.",
                "Action items:\n- Improve the runbook\n- Better dashboards for queue health",
                "The main lesson is that we have to communicate better.",
                "Going forward, we'll be more careful with config changes.",
                "We need to add more alerting around the sync job.",
                "## Action items\n- More monitoring on the gateway\n- Document the failover steps",
                "The team should revisit the retry policy.",
                "Next time we should prioritise the contract tests.",
                "We should make sure this doesn't happen again.",
                "Follow-ups: better alerting and a better change process.",
                "We must improve how we review migrations.",
                "In the future the team needs to document the schema changes.",
                "Action items were to improve alerting and update the runbook.",
                "We should invest in better observability.",
                "Someone should look at the retry timeouts.",
                "**After**\n- Add more alerts.\n- Write a runbook at some point.",
                "What I learn: I must be more careful with releases in future.",
                "Honestly everyone needs to take more ownership.",
                "What I'd change: pick vendors more carefully, basically.",
                "So the lesson for me was pick vendors more carefully, basically.",
                "We'll also need better monitoring on the invoice side in general.",
                "Action items:\n1. Team will check about schema contract with orders team.",
                "Vendor communication needs work.",
                "Also alerting has to get a proper overhaul.",
                "Rollout planning needs more practice in general.",
                "Better preparation for this kind of questions is needed.",
                "I need to work on the architecture part.",
                "I should look at the overengineering habit at some point.",
            ],
            &[
                "So, um, can we assume fixed height for now?",
                "I think the main lesson is that other teams need to communicate better with data engineering.",
                "I own the p99 alert on checkout completion, due 12 March.",
                "Priya owns the runbook update by the end of the sprint.",
                "Action items:\n- Batch rating loads: owner Kenji, shipped in the day-3 hotfix.\n- Load test at 3x peak before every season launch: owner me.",
                "Performance improved a lot.",
                "I'd improve the index first.",
                "Should we improve the alerting?",
                "The remark 'we should improve our monitoring' is exactly the vague kind.",
                "We improved the alerting in May.",
                "I now ask that on every payment-path review.",
                "Mask by value rather than by name. Owner Priya, due in two weeks.",
                "I added a nightly job that fails if the heap grows more than 20%.",
                "We should shard once writes pass 5,000 a second.",
                "Dana will update the dashboard next sprint.",
                "Other teams need to communicate better with us.",
                "It got better after the fix.",
                "- **After.** Add a circuit breaker around the acquirer client.",
                "Lessons: I must be more careful with releases, starting with the 3 June release.",
                "The lesson was that the cache hid the problem.",
                "We'll check the logs first and then decide.",
                "We need a cache because the p99 is 900 ms.",
                "The service needs 4 GB of memory per instance.",
                "I need to finish the migration by Friday.",
                "The tablet needs a signal to sync.",
            ],
        );
    }

    #[test]
    fn spans_and_messages() {
        check(
            RuleId::VagueActionItem,
            "We should improve our monitoring.",
            &[(
                "We should improve our monitoring",
                "\"We should improve our monitoring\" is a follow-up with no owner and no date",
            )],
        );
    }
}
