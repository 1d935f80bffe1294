//! `blame`: a failure put on other people or on circumstances (management,
//! product, another team, QA, the interviewer, legacy code, the deadline)
//! with no first-person agency about that failure nearby.
//!
//! Why an interviewer cares: they are sampling how you will talk about the
//! next failure on their team. Blame without your own part reads as someone
//! who will not learn from it, however true the facts are.
//!
//! What counts, per clause: another party as the actor of something going
//! wrong ("the backend team changed the auth response *without telling
//! anyone*", "the QA contractor missed the rounding bug", "product kept adding
//! requirements", "management hadn't given us the headcount"), an obligation
//! put on them after the fact ("QA should have caught this", "marketing
//! shouldn't set launch dates", "other teams need to communicate better"), a
//! circumstance judged ("the deadline was insane", "the legacy ledger was a
//! mess"), a faulty part put on whoever wrote it ("the sync code, which Kevin
//! had written before he moved teams, and frankly it was a mess", "written by
//! a contractor who is long gone"), a resource withheld ("Ops never gives us
//! access"), a decision imposed with a bad consequence ("Product insisted on
//! launching that week, which didn't help"), a cleft naming them as the cause
//! ("it was totally their config change that took us down", "it was the night
//! manager who didn't escalate"), a fault traced from them ("poor communication
//! from billing"), their delivery followed by a breakage ("the vendor shipped a
//! build that broke the scanners"), the interviewer given the duty ("you could
//! have said that at the start") or the question called unfair, stalling
//! ("the procurement office sat on the contract", "couldn't make up its
//! mind"), a hedged placing or one set against the speaker ("that's kind of
//! on them", "that's on the format more than me"), or the failure explained
//! by them ("it failed because the analytics team wrote bad SQL", "that was
//! on them"), or a word of cause joining a failure and a party either way
//! round ("which caused most of our delays", "the poor outcome was
//! attributable to the interviewer", "the root cause lay with the data
//! supplier", "most of what went wrong was the interviewer"), the speaker's
//! part disowned ("not my call, that's how the mobile team set it up", "not
//! really a failure on my side"), the prompt blamed ("that wasn't in the
//! original question"), a decision "pushed onto us", "because of them", or
//! another party's thing failing its duty ("Dev team's alerts didn't catch
//! it"). Organisations count as parties ("the airport authority", "the
//! payment provider"); the people a system serves do not ("because riders
//! then miss the next one"). What answers it: the speaker's own
//! part in the same failure within two sentences ("my miss was", "I should
//! have", "I didn't ask", "that part was on me"). Not blame: a neutral root
//! cause about a system ("the 30-second timeout was a library default"),
//! another party doing their job ("the ranking team's manager owned the
//! go/no-go", "the interviewer asked how I'd split the data"), a blameless
//! review, mentions.
//!
//! Better shape: "The priority shift mattered, but my miss was not flagging
//! the risk in week one; I now raise schedule risks in the first planning
//! meeting."

use super::{clip, Raw, Rule, RuleId, RuleInfo};
use crate::core::analyzer::clause::{Actor, Clause, Link, Mood};
use crate::core::analyzer::context::Ctx;
use crate::core::analyzer::lexicon::Phrases;
use crate::core::analyzer::text::Kind;
use crate::core::analyzer::Severity;

pub const INFO: RuleInfo = RuleInfo {
    id: "blame",
    title: "Blame",
    description: "A failure put on others or circumstances (management, another team, legacy code, the deadline) with no first-person agency about it nearby.",
    example_fix: "The priority shift mattered, but my miss was not flagging the risk in week one; I now raise schedule risks in the first planning meeting.",
    severity: Severity::Warning,
};

/// Phrases that put a failure on someone else, whoever the clause's actor is.
pub static BLAME_PHRASES: Phrases = Phrases {
    name: "blame-phrases",
    items: &[
        "{that|it|this} {was|is} {all |}on them", "{was|is|that's|it's} {more|mostly|all|really} their {side|fault|problem|call}",
        "on their side", "their fault", "{is|was|'s} not {really |fully |entirely |totally |}{our|my} {problem|fault}", "not really our problem",
        "{that's|it's} {all |mostly |really |}on them", "{it's|it is|it was} {always |probably |usually |}them",
        "{it's|it was|that's|that was} {probably |just |}{a |}{third-party|vendor|their|someone else's|another team's} {thing|issue|problem}",
        "not {mine|my call|my decision|my job} to {set|make|decide|fix|own}",
        "mistakes were made", "{the ball|balls} {was|were|got} dropped",
        "{his|her|their|someone else's} {mistakes|mistake|errors|bugs|mess}",
        "{out of|not in|beyond} {our|my} control", "{out of|not in} {our|my} hands",
        "{dropped|drop|drops|dropping} the ball", "let us down", "{a bit of a |a |}trick question",
        "wanted something special", "{need|needs} to communicate better", "to follow the change process",
        "a communication failure", "{their|the other team's} {mess|mistake|bug|screw-up}",
        "{came|comes|come} from {the spec|the requirements|their side|product|management|leadership|the product manager|the other team|the legacy code|legacy code|the old code|their code|the previous team}",
        "{shows|showed|show} up halfway", "nothing {anyone|we|i|anybody} could {do|have done}",
        "{management's|leadership's|product's|marketing's|the other team's|the client's|the vendor's|qa's|sales'} fault", "the fault of",
        "{it's|it is|it was|that's|that was} {always |usually |probably |just |}{someone else's|somebody else's|another team's|other people's}",
        // The question judged instead of answered: "so that's a bit unfair".
        "{that's|that is|it's|it is|that was|it was} {a bit |kind of |pretty |really |quite |a little |a little bit |}unfair",
        "{was|is|were|are} the {real |main |obvious |}culprit{s|}", "{was|were|is|are} {entirely |totally |clearly |}at fault", "{was|were|is|are} to blame",
        // The speaker's part disowned: "not my call, that's how the mobile
        // team set it up", "not really a failure on my side", "the records
        // department's rule, not ours", "it is their process".
        "not {really |}my {call|decision|doing|responsibility|department|area|side}",
        "not {really |}{a |}{failure|problem|mistake|issue|fault} on my side",
        // (Not "that was her call, not mine": a call credited, not a failure.)
        "{rule|process|fault|problem|policy}, not {ours|mine}",
        "{is|was|'s} their {process|rule|decision|call|doing|policy}",
        // The prompt blamed for what the answer missed: "that wasn't in the
        // original question", "a limit that wasn't in the prompt".
        "{wasn't|was not|isn't|is not|weren't|were not|never} {in|part of|mentioned in} the {original |}{prompt|question|brief|problem statement}",
        "not in the prompt",
        // Imposed on us: "the date got pushed onto us by the board".
        "{pushed|forced|dumped|sprung|landed|imposed} {onto|on|upon} us",
        "{because of|due to} {them|him|her}",
        "legacy code from", "{inherited|left} {from|by} the previous",
    ],
};

/// Phrases that blame when another party is the clause's actor: "the DBA
/// team ran a migration *without telling anyone*".
pub static OTHERS_FAILING: Phrases = Phrases {
    name: "others-failing",
    items: &[
        "without {telling|informing|warning|asking|consulting|notifying|involving|checking with}",
        "on a friday {afternoon|evening|night|}",
        "{only|ever} {asked|cared} for", "only ever asked for",
        "{kept|keeps|keep|always} {adding|changing|pushing|moving|saying no|cutting|shifting|interrupting}",
        "always {was changing|changing|late|slow|slow to}", "{are|is|were|was} always slow",
        "wrote bad", "{pretty |very |}junior", "understaffed", "questionable calls", "bolted together",
        "people who've left", "who've left", "~rush", "{had |}fixed the {release|launch} date",
        "{fixed|set|decided|dictated} by {marketing|management|leadership|product|sales}",
        "{was|were} late", "{weeks|days|months} late", "nobody told {me|us}", "no one told {me|us}", "sent {events|data|it|the data} late", "cut late",
        "!without telling {me|us} {first|why}",
        "with no {warning|notice|heads-up}", "without {any |}{warning|notice|a heads-up}",
        "do {whatever|what} {they|he|she} {want|wants|like|likes|please}",
        "{changing|changed|change|changes} {their|his|her} {mind|minds}",
        "without {him |her |them |anyone |anybody |}{actually |even |really |ever |}{running|testing|checking|reading|reviewing|verifying|trying|looking at}",
        "in {a |}{very |really |}{confusing|misleading|unclear|vague|strange} way",
        // Stalling: "the procurement office sat on the contract for four
        // months", "the grid operator dragging its feet", "couldn't make up its mind".
        "{sat|sits|sit|sitting} on {the|our|my|it|that|this}",
        "{dragging|dragged|drag|drags} {its|their|his|her} feet",
        "{couldn't|could not|can't|cannot|never|wouldn't} make up {its|their|his|her} {mind|minds}",
    ],
};

/// Circumstances a failure gets pinned on.
pub static CIRCUMSTANCES: Phrases = Phrases {
    name: "blame-circumstances",
    items: &[
        "{the |our |}deadline", "{the |}timeline", "{the |}legacy {code|system|stuff|ledger|coordinator|points ledger|platform|codebase|system}",
        "legacy", "{the |}old {code|system|algorithm|codebase|platform|team|pipeline}", "{the |}previous {team|lead|owner|engineers|team's}",
        "{the |}requirements", "{the |}spec", "{the |}process", "{the |}infrastructure", "{the |}culture",
        "{the |}codebase", "tech debt", "technical debt", "{the |}budget", "headcount", "politics",
        "{the |}interviewer", "{the |}prompt", "{the |}format of the {round|interview}", "{the |}launch date", "{the |}release date", "{the |}schedule",
    ],
};

/// Judgements that make a circumstance the culprit.
pub static BAD_STATES: Phrases = Phrases {
    name: "blame-bad-states",
    items: &[
        "insane", "a mess", "messy", "too messy", "unrealistic", "too tight", "impossible", "the problem",
        "slow", "too slow", "late", "wrong", "bad", "poor", "sloppy", "careless", "incompetent", "buggy",
        "unresponsive", "unhelpful", "disorganized", "disorganised", "chaotic", "clueless", "useless",
        "overloaded", "too busy", "absent", "unavailable", "behind schedule", "difficult to work with",
        "a house of cards", "terrible", "awful", "garbage", "a nightmare", "crazy", "ridiculous",
        "nobody understood", "nobody understands", "a disaster", "broken", "the real problem", "wrong from the start",
        "unclear", "vague", "always changing", "constantly changing",
        "{made|makes} {every|each|any} {change|release|deploy|fix} {slow|hard|painful|impossible|risky}",
        "{made|makes} everything {slow|hard|painful|impossible}",
    ],
};

/// Verbs that report another party making something go wrong.
fn is_failure_verb(base: &str) -> bool {
    matches!(
        base,
        "cancel"
            | "reject"
            | "lose"
            | "leak"
            | "corrupt"
            | "skip"
            | "abandon"
            | "neglect"
            | "miss"
            | "break"
            | "fail"
            | "rush"
            | "forget"
            | "ignore"
            | "refuse"
            | "block"
            | "delay"
            | "drop"
            | "overrule"
            | "force"
            | "mess"
            | "screw"
            | "slip"
            | "cut"
            | "derail"
            | "sink"
            | "ruin"
            | "pull"
            | "push"
            | "change"
            | "overpromise"
            | "bolt"
            | "hurt"
    )
}

/// Verbs for which "never/didn't X" or "should X" puts a failure on someone.
fn is_duty_verb(base: &str) -> bool {
    matches!(
        base,
        "prioritise"
            | "prioritize"
            | "give"
            | "treat"
            | "catch"
            | "tell"
            | "inform"
            | "test"
            | "follow"
            | "version"
            | "communicate"
            | "set"
            | "push"
            | "document"
            | "review"
            | "warn"
            | "fund"
            | "support"
            | "listen"
            | "provide"
            | "deliver"
            | "send"
            | "respect"
            | "plan"
            | "decide"
            | "fix"
            | "own"
            | "care"
            | "check"
            | "ask"
            | "write"
            | "update"
            | "maintain"
            | "run"
            | "understand"
            | "respond"
            | "reply"
            | "share"
            | "specify"
            | "coordinate"
            | "approve"
            // Telling and handing on: what a party owes the people after it.
            | "escalate"
            | "alert"
            | "notify"
            | "answer"
            | "flag"
            | "report"
            | "handle"
            | "patch"
            | "renew"
            | "sign"
            | "raise"
            | "return"
            | "mention"
            | "monitor"
    )
}

/// Failures in the main clause that a "because …" pins on someone.
fn is_failure_word(w: &str) -> bool {
    matches!(
        w,
        "failed"
            | "fail"
            | "failing"
            | "slipped"
            | "slip"
            | "late"
            | "delayed"
            | "broke"
            | "broken"
            | "crashed"
            | "skipped"
            | "missed"
            | "stalled"
            | "outage"
            | "incident"
            | "wrong"
            | "bug"
            | "bugs"
            | "problems"
            | "issues"
            | "down"
            | "blocked"
            | "wasn't"
            | "couldn't"
            | "didn't"
            | "break"
            | "breaks"
            | "rework"
            | "slow"
            | "high"
            | "errors"
            | "crash"
            | "crashes"
            | "crashing"
            | "unstable"
            | "lost"
            | "behind"
            | "outages"
            | "delays"
            | "delay"
            | "deprioritized"
            | "deprioritised"
            | "dropped"
            | "slipped,"
            | "happened"
            | "suffered"
    )
}

pub struct Blame;

impl Rule for Blame {
    fn id(&self) -> RuleId {
        RuleId::Blame
    }

    fn lists(&self, out: &mut Vec<&'static Phrases>) {
        out.extend([&BLAME_PHRASES, &OTHERS_FAILING, &CIRCUMSTANCES, &BAD_STATES]);
    }

    fn check(&self, cx: &Ctx, out: &mut Vec<Raw>) {
        let doc = cx.doc;
        for c in &cx.clauses.list {
            let s = c.sentence;
            if c.mention || doc.sentences[s].is_structure() || c.mood == Mood::Question {
                continue;
            }
            let Some(why) = blames(cx, c) else { continue };
            if owned_nearby(cx, s) {
                continue;
            }
            let (first, last) = span(cx, c);
            if first >= last {
                continue;
            }
            let seen = cx.slice(first, last);
            out.push(Raw {
                first,
                last,
                message: format!("\"{}\" {why}, and nothing nearby says what your part was", clip(seen, 48)),
                suggestion: "Keep the fact, then own your part of it: \"…, and my miss was …\" or \"I should have …; now I …\".".to_string(),
            });
        }
    }
}

/// What the clause pins on someone else, if anything.
fn blames(cx: &Ctx, c: &Clause) -> Option<&'static str> {
    let doc = cx.doc;
    let s = c.sentence;
    let by_others = passive_by_party(cx, c);
    let others = c.actor == Actor::Others || circumstance_subject(cx, c) || by_others;
    let in_clause = |list: &Phrases| {
        cx.hits_in(list, s).iter().any(|h| {
            (c.first..c.last).contains(&(h.first as usize)) && !doc.tokens[h.first as usize].quoted
        })
    };
    if in_clause(&BLAME_PHRASES) && !matches!(c.actor, Actor::I) {
        return Some("puts the failure on someone else");
    }
    // The people served suffering a failure are not its cause: "because
    // riders then miss the next one too".
    let served_suffer = c.actor == Actor::Others
        && (c.subject.0..c.subject.1)
            .any(|k| super::super::words::is_served_people(doc.norm_of(k)))
        && is_failure_verb(&c.verb_base)
        && matches!(c.verb_base.as_str(), "miss" | "lose" | "fail" | "drop");
    if served_suffer {
        return None;
    }
    let people_in_clause = (c.first..c.last).any(|t| {
        let w = doc.norm_of(t);
        (super::super::words::is_people_noun(w)
            && !super::super::words::is_served_people(w)
            && !matches!(w, "everyone" | "everybody" | "person"))
            || matches!(w, "they" | "them" | "their")
    });
    if (c.actor == Actor::Others || by_others || people_in_clause && c.actor != Actor::I)
        && in_clause(&OTHERS_FAILING)
    {
        return Some("puts the failure on someone else");
    }
    // "The team failed to execute": the team, not "we", blamed for a failure.
    let the_team =
        c.actor == Actor::Team && c.subject.1 > c.subject.0 && doc.norm_of(c.subject.0) == "the";
    if the_team
        && c.mood.is_fact()
        && matches!(
            c.verb_base.as_str(),
            "fail" | "miss" | "drop" | "break" | "blow" | "mess" | "screw"
        )
    {
        return Some("puts the failure on the team");
    }
    if handed_over(cx, c) {
        return Some("puts the failure on what someone else handed you");
    }
    if responsibility_placed(cx, c) {
        return Some("puts the failure on someone else");
    }
    // "The deadline was fixed by finance": a circumstance imposed by others.
    if by_others
        && circumstance_subject(cx, c)
        && matches!(
            c.verb_base.as_str(),
            "fix"
                | "set"
                | "decide"
                | "dictate"
                | "impose"
                | "mandate"
                | "choose"
                | "cut"
                | "change"
        )
    {
        return Some("blames the circumstances");
    }
    if authored_by_other(cx, c) && (judged_after(cx, c) || author_gone(cx, c)) {
        return Some("puts the failure on whoever wrote it");
    }
    if cleft_on_others(cx, c) {
        return Some("names someone else as the cause");
    }
    if cause_attributed(cx, c) {
        return Some("names someone else as the cause");
    }
    if judged_from_party(cx, c) {
        return Some("puts the failure on someone else");
    }
    // "You could have said that at the start": the interviewer given the
    // duty for what the answer missed.
    if c.actor == Actor::You && matches!(c.mood, Mood::Counterfactual) && tells_information(cx, c) {
        return Some("puts the duty for the miss on the interviewer");
    }
    if matches!(c.actor, Actor::I | Actor::We | Actor::Team | Actor::You) {
        return None;
    }
    // "Dev team's alerts didn't catch it", "their monitoring never
    // alerted": another party's thing failing its duty.
    let party_owned = c.actor == Actor::Thing
        && (c.subject.0..c.subject.1).any(|k| {
            let w = doc.norm_of(k);
            w == "their"
                || w.strip_suffix("'s").is_some_and(|stem| {
                    super::super::words::is_people_noun(stem)
                        && !super::super::words::is_served_people(stem)
                })
        });
    if party_owned && c.mood.is_fact() && c.negated && is_duty_verb(&c.verb_base) {
        return Some("puts the failure on someone else");
    }
    if others {
        // A circumstance judged: "the deadline was insane".
        // Not "the prompt was vague on purpose": a state someone meant is
        // described, not complained about.
        let meant = (c.first..c.last).any(|k| {
            matches!(
                doc.norm_of(k),
                "deliberately" | "intentionally" | "purposely"
            ) || doc.norm_of(k) == "purpose" && k > c.first && doc.norm_of(k - 1) == "on"
        });
        if circumstance_subject(cx, c) && cx.has_in_span(&BAD_STATES, s, c.first, c.last) && !meant
        {
            return Some("blames the circumstances");
        }
        // Another party judged: "the vendor was slow", "their QA was sloppy".
        if c.actor == Actor::Others
            && c.mood.is_fact()
            && c.verb_base == "be"
            && cx.has_in_span(&BAD_STATES, s, c.first, c.last)
        {
            return Some("puts the failure on someone else");
        }
        // "Someone needs to own the payment integration": a duty for the
        // future given to nobody is an ownerless follow-up, not blame.
        let nobody_yet = c.mood == Mood::Obligation
            && c.subject.1 > c.subject.0
            && matches!(
                doc.norm_of(c.subject.0),
                "someone" | "somebody" | "anyone" | "anybody"
            );
        if c.actor == Actor::Others && !nobody_yet {
            let base = c.verb_base.as_str();
            match c.mood {
                // "QA should have caught this", "backend should version their changes".
                Mood::Counterfactual | Mood::Obligation
                    if is_duty_verb(base) || is_failure_verb(base) =>
                {
                    return Some("puts the duty for the failure on someone else");
                }
                Mood::Fact if c.negated && (is_duty_verb(base) || base == "have") => {
                    return Some("puts the failure on someone else");
                }
                // "Ops never gives us access", "which never gave us budget".
                Mood::Fact if c.negated && withholds_from_us(cx, c) => {
                    return Some("puts the failure on someone else");
                }
                // "Product insisted on launching the same week, which didn't help".
                Mood::Fact
                    if matches!(base, "insist" | "demand")
                        && (failure_after(cx, c) || unhelpful_after(cx, c)) =>
                {
                    return Some("puts the failure on someone else");
                }
                // "He did not say the size", not "Dana didn't say much".
                Mood::Fact if c.negated && tells_information(cx, c) => {
                    return Some("puts the failure on someone else");
                }
                Mood::Counterfactual | Mood::Obligation if tells_information(cx, c) => {
                    return Some("puts the duty for the failure on someone else");
                }
                // "…, but he never did and the launch slipped".
                Mood::Fact if c.negated && failure_after(cx, c) => {
                    return Some("puts the failure on someone else");
                }
                Mood::Fact if is_failure_verb(base) && !c.negated && failure_context(cx, c) => {
                    return Some("puts the failure on someone else");
                }
                // "The gateway vendor shipped a firmware build that broke
                // the scanners": their delivery, then the breakage.
                Mood::Fact
                    if is_delivery_verb(base)
                        && !c.negated
                        && (failure_after(cx, c) || broke_within(cx, c)) =>
                {
                    return Some("puts the failure on someone else");
                }
                _ => {}
            }
            // "My manager wanted it shipped in three weeks, so we didn't test",
            // "management gave us an impossible deadline, so quality suffered".
            if c.mood.is_fact() && consequence_is_failure(cx, c) {
                return Some("makes someone else the reason for the failure");
            }
            // "Nobody had documented any of it": a duty nobody did.
            let nobody =
                c.subject.1 > c.subject.0 && matches!(doc.norm_of(c.subject.0), "nobody" | "no");
            let relative = doc.norm_of(c.first) == "that";
            if nobody && !relative && c.mood.is_fact() && is_duty_verb(base) {
                return Some("puts the failure on someone else");
            }
        }
    }
    // "It failed because the analytics team wrote bad SQL": a failure explained by another party.
    if c.link == Link::Reason
        && (c.actor == Actor::Others || circumstance_subject(cx, c) || circumstance_in(cx, c))
    {
        let main_fails = cx.clauses.of(s).iter().any(|k| {
            k.last <= c.first && (k.first..k.last).any(|t| is_failure_word(doc.norm_of(t)))
        });
        // "… because the requirements we were handed never said which
        // currency": a duty not done explains it too.
        let duty_undone = c.negated && (is_duty_verb(&c.verb_base) || tells_information(cx, c));
        if main_fails && (!c.negated || duty_undone) {
            return Some("explains the failure by someone else");
        }
    }
    None
}

/// A failure and another party joined by a word of cause, either way
/// round: "which caused most of our delays" (after "the vendor owned the
/// SCADA side"), "the poor outcome was chiefly attributable to the
/// interviewer", "the root cause lay with the data supplier", "the mistake
/// come from their information", "the answer went badly mostly due to the
/// format of the round", "was caused by the front-end team's change". Not
/// the speaker's own cause ("my change caused the outage") nor a thing's
/// ("the timeout was caused by a library default").
fn cause_attributed(cx: &Ctx, c: &Clause) -> bool {
    let doc = cx.doc;
    if !c.mood.is_fact() || c.negated || matches!(c.actor, Actor::I | Actor::We | Actor::Team) {
        return false;
    }
    let norm = |k: usize| if k < c.last { doc.norm_of(k) } else { "" };
    let cause_at = (c.first..c.last).find(|&k| match norm(k) {
        "caused" | "causes" | "cause" | "source" | "attributable" | "responsible" => true,
        "due" | "owing" => norm(k + 1) == "to",
        "lay" | "lies" | "lie" | "lying" | "rests" | "rested" | "sat" | "sits" => {
            norm(k + 1) == "with"
        }
        "came" | "come" | "comes" | "stemmed" | "stems" => norm(k + 1) == "from",
        "because" => norm(k + 1) == "of",
        "down" => norm(k + 1) == "to",
        _ => false,
    });
    // "most of what went wrong was the interviewer": a pseudo-cleft whose
    // subject is the failure.
    let what_failed = || {
        (c.subject.1 > c.subject.0
            && (c.subject.0..c.subject.1).any(|k| doc.norm_of(k) == "what")
            && c.verb_base != "be")
            .then(|| (c.subject.1..c.last).find(|&k| matches!(norm(k), "was" | "is" | "were")))
            .flatten()
            // "what went wrong was …", not "what happened was …".
            .filter(|&at| {
                (c.subject.1..at).any(|k| is_failure_word(norm(k)) && norm(k) != "happened")
            })
    };
    let Some(at) = cause_at.or_else(what_failed) else {
        return false;
    };
    // The causer is not the speaker ("my change caused the outage"); the
    // sufferer may be ("caused most of our delays").
    let mine = |k: usize| matches!(doc.norm_of(k), "my" | "me" | "i" | "we" | "us" | "myself");
    let party = |k: usize| {
        is_party(cx, k) && !is_capitalised_start(cx, c, k)
            || cx.has_in_span(&CIRCUMSTANCES, c.sentence, k, k + 1)
    };
    let failure = |k: usize| names_failure(doc.norm_of(k));
    let clause_before = cx.clauses.before(c);
    // The party before the cause word, or the antecedent of "which" in the
    // clause before ("The vendor owned the SCADA side, which caused …").
    let antecedent_party =
        c.link == Link::Relative && clause_before.is_some_and(|k| k.actor == Actor::Others);
    let before = c.first..at;
    let after = at + 1..c.last;
    let party_before = before.clone().any(party) || antecedent_party;
    let party_after = after.clone().any(party);
    // "the answer went badly mostly due to the format": a reason clause's
    // failure is in the clause it explains.
    let explained =
        c.link == Link::Reason && clause_before.is_some_and(|k| (k.first..k.last).any(failure));
    let failure_before = before.clone().any(failure) || explained;
    let failure_after = after.clone().any(failure);
    party_before && failure_after && !before.clone().any(mine)
        || failure_before && party_after && !after.clone().any(mine)
}

/// A word that names a failure or its cause: "the mistake", "our delays",
/// "the root cause", "the poor outcome", "went badly".
fn names_failure(w: &str) -> bool {
    is_failure_word(w)
        || matches!(
            w,
            "mistake"
                | "mistakes"
                | "delays"
                | "badly"
                | "outcome"
                | "failure"
                | "failures"
                | "problem"
                | "defect"
                | "defects"
                | "root"
        )
}

/// A capitalised word that only opens the clause ("Contributing factors:
/// The root cause …") is no name.
fn is_capitalised_start(cx: &Ctx, c: &Clause, k: usize) -> bool {
    let doc = cx.doc;
    let w = doc.norm_of(k);
    (c.first..k).all(|x| doc.tokens[x].kind == Kind::Punct)
        && !super::super::words::is_people_noun(w.strip_suffix("'s").unwrap_or(w))
}

/// Verbs of handing work to production: what another party shipped can be
/// the cause when a breakage follows it in the sentence.
fn is_delivery_verb(base: &str) -> bool {
    matches!(
        base,
        "ship"
            | "release"
            | "deploy"
            | "roll"
            | "send"
            | "update"
            | "upgrade"
            | "rotate"
            | "publish"
    )
}

/// A breakage inside the clause after its verb: "shipped a firmware build
/// that broke the scanners" (where the relative is not split off: after a
/// compound like "firmware build" the clause layer cannot tell noun from verb).
fn broke_within(cx: &Ctx, c: &Clause) -> bool {
    let doc = cx.doc;
    c.verb.is_some_and(|v| {
        (v + 1..c.last).any(|k| {
            matches!(doc.norm_of(k), "that" | "which")
                && (k + 1..(k + 3).min(c.last)).any(|t| {
                    matches!(
                        doc.norm_of(t),
                        "broke" | "crashed" | "corrupted" | "bricked" | "took" | "killed" | "wiped"
                    )
                })
        })
    })
}

/// Whether token `k` names another party: a pronoun, a people noun (also
/// possessive: "the hardware team's"), or a capitalised name.
fn is_party(cx: &Ctx, k: usize) -> bool {
    let doc = cx.doc;
    let w = doc.norm_of(k);
    let bare = w.strip_suffix("'s").unwrap_or(w);
    matches!(w, "them" | "him" | "her" | "they" | "their" | "his")
        || super::super::words::is_people_noun(bare) && !super::super::words::is_served_people(bare)
        || doc.tokens[k].kind == Kind::Word
            && doc.text[doc.tokens[k].start..doc.tokens[k].end]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
            && !matches!(bare, "i" | "monday" | "friday" | "honestly")
            && !super::super::words::is_tech_name(bare)
}

/// A cleft that names the cause as another party's work: "it was totally
/// their config change that took us down", "honestly it was the lock
/// vendor's update", "it was the night manager who didn't escalate". The
/// subject is a bare "it"/"that", the complement another party's thing or
/// the party with a relative that failed.
fn cleft_on_others(cx: &Ctx, c: &Clause) -> bool {
    let doc = cx.doc;
    if c.verb_base != "be" || c.negated || !c.mood.is_fact() || c.subject.1 != c.subject.0 + 1 {
        return false;
    }
    if !matches!(doc.norm_of(c.subject.0), "it" | "that" | "this") {
        return false;
    }
    let Some(v) = c.verb else { return false };
    let mut k = v + 1;
    while k < c.last
        && matches!(
            doc.norm_of(k),
            "totally"
                | "honestly"
                | "really"
                | "just"
                | "all"
                | "probably"
                | "clearly"
                | "obviously"
                | "basically"
                | "entirely"
                | "100%"
                | "definitely"
                | "the"
                | "a"
        )
    {
        k += 1;
    }
    if k >= c.last {
        return false;
    }
    let w = doc.norm_of(k);
    // "their config change", "the lock vendor's update".
    let possessive_thing = (w == "their" || w == "his" || w == "her")
        || (k..(k + 3).min(c.last)).any(|n| {
            let x = doc.norm_of(n);
            x.ends_with("'s") && is_party(cx, n)
        });
    let causal_thing = (k..(k + 5).min(c.last)).any(|n| {
        matches!(
            doc.norm_of(n),
            "change"
                | "update"
                | "deploy"
                | "push"
                | "release"
                | "config"
                | "patch"
                | "firmware"
                | "migration"
                | "script"
                | "code"
                | "fault"
                | "bug"
                | "mistake"
                | "upgrade"
                | "rollout"
                | "boards"
        )
    });
    // "the night manager who didn't escalate": the party, then its failure.
    // The relative is a clause of its own, so look to the sentence's end.
    let end = doc.sentences[c.sentence].last;
    let party_who_failed = (k..(k + 3).min(c.last)).any(|n| is_party(cx, n))
        && (k + 1..end).any(|r| {
            matches!(doc.norm_of(r), "who" | "that")
                && (r + 1..(r + 4).min(end)).any(|t| {
                    let x = doc.norm_of(t);
                    super::super::words::is_negation(x) || is_failure_word(x)
                })
        });
    possessive_thing && causal_thing || party_who_failed
}

/// A fault judged and traced to a party: "there was poor communication from
/// billing", "most of the bad data came from the integration team".
fn judged_from_party(cx: &Ctx, c: &Clause) -> bool {
    let doc = cx.doc;
    if !c.mood.is_fact() || c.negated || c.actor == Actor::I {
        return false;
    }
    let Some(from) = (c.first..c.last).find(|&k| doc.norm_of(k) == "from") else {
        return false;
    };
    let judged = cx.hits_in(&BAD_STATES, c.sentence).iter().any(|h| {
        (c.first..from).contains(&(h.first as usize))
            && matches!(
                doc.norm_of(h.first as usize),
                "poor" | "bad" | "wrong" | "sloppy" | "broken" | "buggy" | "careless"
            )
    });
    // "from billing", "from ops": a bare noun closing the clause is a department.
    let department = from + 2 <= c.last
        && doc.tokens[from + 1].kind == Kind::Word
        && (from + 2 == c.last || doc.tokens[from + 2].kind == Kind::Punct);
    judged && (department || (from + 1..(from + 4).min(c.last)).any(|k| is_party(cx, k)))
}

/// Another party wrote or built the part: "it was written by a contractor",
/// "the sync code, which Kevin had written".
fn authored_by_other(cx: &Ctx, c: &Clause) -> bool {
    let authoring = matches!(
        c.verb_base.as_str(),
        "write" | "build" | "design" | "create" | "implement" | "code" | "architect" | "configure"
    );
    authoring
        && c.mood.is_fact()
        && !c.negated
        && (passive_by_party(cx, c) || c.actor == Actor::Others && c.link == Link::Relative)
}

/// The part judged bad in the clause or a clause after it in the sentence:
/// "…, and frankly it was a mess".
fn judged_after(cx: &Ctx, c: &Clause) -> bool {
    cx.clauses
        .of(c.sentence)
        .iter()
        .filter(|k| k.first >= c.first)
        .any(|k| {
            k.actor == Actor::Thing && cx.has_in_span(&BAD_STATES, c.sentence, k.first, k.last)
        })
}

/// The author is gone, so the part is nobody's: "a contractor who is long
/// gone", "before he moved teams", "people who've left".
fn author_gone(cx: &Ctx, c: &Clause) -> bool {
    let doc = cx.doc;
    let sentence = &doc.sentences[c.sentence];
    (c.first..sentence.last).any(|k| {
        let w = doc.norm_of(k);
        let next = if k + 1 < sentence.last {
            doc.norm_of(k + 1)
        } else {
            ""
        };
        w == "gone"
            || matches!(w, "left" | "quit")
                && matches!(next, "the" | "." | "," | "years" | "ages" | "")
            || w == "moved" && matches!(next, "teams" | "on")
    })
}

/// A resource withheld from the speaker's side: "never gives us access",
/// "didn't give us budget", "wouldn't grant me the role".
fn withholds_from_us(cx: &Ctx, c: &Clause) -> bool {
    let doc = cx.doc;
    matches!(
        c.verb_base.as_str(),
        "give" | "provide" | "grant" | "allocate" | "fund" | "approve" | "share"
    ) && c
        .verb
        .is_some_and(|v| v + 1 < c.last && matches!(doc.norm_of(v + 1), "us" | "me" | "my" | "our"))
}

/// A clause after `c` saying it made things worse: "which didn't help anyone".
fn unhelpful_after(cx: &Ctx, c: &Clause) -> bool {
    cx.clauses
        .of(c.sentence)
        .iter()
        .any(|k| k.first >= c.last && k.negated && k.verb_base == "help")
}

/// A verb of saying with information as its object: "say the size",
/// "mention that the key was shared", "said the key was shared".
fn tells_information(cx: &Ctx, c: &Clause) -> bool {
    let doc = cx.doc;
    if !matches!(c.verb_base.as_str(), "say" | "mention" | "warn") {
        return false;
    }
    let Some(v) = c.verb else { return false };
    let next_clause_reported = cx
        .clauses
        .of(c.sentence)
        .iter()
        .any(|k| k.first == c.last && k.link == Link::Report);
    next_clause_reported
        || v + 1 < c.last
            && matches!(
                doc.norm_of(v + 1),
                "the"
                    | "that"
                    | "it"
                    | "this"
                    | "anything"
                    | "which"
                    | "what"
                    | "how"
                    | "who"
                    | "when"
                    | "where"
                    | "whether"
            )
}

/// A passive whose agent is a person or team: "was fixed by finance", "was
/// approved by Sam".
fn passive_by_party(cx: &Ctx, c: &Clause) -> bool {
    let doc = cx.doc;
    c.passive
        && (c.first..c.last.saturating_sub(1)).any(|t| {
            doc.norm_of(t) == "by" && {
                let n = t + 1;
                let raw = &doc.text[doc.tokens[n].start..doc.tokens[n].end];
                let name = doc.tokens[n].kind == Kind::Word
                    && raw.chars().next().is_some_and(char::is_uppercase)
                    && !super::super::words::is_tech_name(doc.norm_of(n));
                name || (n..(n + 3).min(c.last))
                    .any(|k| super::super::words::is_people_noun(doc.norm_of(k)))
            }
        })
}

/// Responsibility placed on another party by location: "this one was on
/// them", "that part's on him", "the miss is with them", "the outage was on
/// the platform team". The subject is the failure or a pointer to it; the
/// place is a person or team, not a thing ("the rota was on the wiki").
fn responsibility_placed(cx: &Ctx, c: &Clause) -> bool {
    let doc = cx.doc;
    if !c.mood.is_fact() || c.negated {
        return false;
    }
    let failure_subject = (c.first..c.last).take(6).any(|k| {
        matches!(
            doc.norm_of(k),
            "this"
                | "that"
                | "it"
                | "part"
                | "part's"
                | "miss"
                | "mistake"
                | "fault"
                | "blame"
                | "outage"
                | "incident"
                | "bug"
                | "failure"
                | "problem"
                | "one"
                | "that's"
                | "it's"
        )
    });
    failure_subject
        && (c.first + 1..c.last.saturating_sub(1)).any(|k| {
            let w = doc.norm_of(k);
            // A hedge may sit between the copula and "on": "that's kind of
            // on them", "it's mostly on the vendor".
            let mut b = k - 1;
            while b > c.first
                && matches!(
                    doc.norm_of(b),
                    "kind"
                        | "sort"
                        | "of"
                        | "mostly"
                        | "largely"
                        | "partly"
                        | "honestly"
                        | "more"
                        | "totally"
                        | "probably"
                        | "just"
                        | "pretty"
                        | "much"
                )
            {
                b -= 1;
            }
            let prev = doc.norm_of(b);
            let copula = matches!(
                prev,
                "was" | "is" | "were" | "are" | "squarely" | "entirely" | "really" | "all"
            ) || prev.ends_with("'s");
            // "the whole incident sits with them": a verb of resting places it.
            let rests = matches!(prev, "sits" | "sat" | "lies" | "lay" | "rests" | "rested");
            // A party, or the question itself: "that's on the prompt, not me".
            let party = |n: usize| {
                is_party(cx, n) || matches!(doc.norm_of(n), "prompt" | "question" | "interviewer")
            };
            // Or anything at all set against the speaker: "that's on the
            // format more than me".
            let not_me = (k + 2..(k + 8).min(c.last))
                .any(|n| doc.norm_of(n) == "me" && matches!(doc.norm_of(n - 1), "than" | "not"));
            let place = not_me
                || (k + 1..(k + 4).min(c.last))
                    .take_while(|&n| doc.tokens[n].kind == Kind::Word)
                    .any(party);
            // "with" places blame only for a named fault: "the miss is
            // with them", not "where it got hard was with the design team".
            let fault = (c.first..k).any(|n| {
                matches!(
                    doc.norm_of(n),
                    "miss" | "mistake" | "fault" | "blame" | "failure"
                )
            });
            (w == "on" && copula || w == "with" && (fault && copula || rests)) && place
        })
}

/// Verbs of receiving work from someone else: "the script we were *given*",
/// "the alerting we *inherited*", "product *handed* us a spec".
fn is_handover_verb(base: &str) -> bool {
    matches!(
        base,
        "give" | "hand" | "inherit" | "receive" | "get" | "dump" | "throw" | "pass" | "send"
    )
}

/// A failure pinned on what another party handed over: a thing received
/// ("the migration script we were given didn't handle the key", "the
/// alerting we inherited from the previous team didn't cover row counts"),
/// or another party handing over something that then went wrong ("product
/// handed us a spec that changed every week", "we were handed a schema
/// change by the data platform group").
fn handed_over(cx: &Ctx, c: &Clause) -> bool {
    let doc = cx.doc;
    if !c.mood.is_fact() {
        return false;
    }
    let went_wrong = |k: &Clause| {
        k.negated && k.verb_base != "be"
            || (k.first..k.last).any(|t| is_failure_word(doc.norm_of(t)))
            || cx.has_in_span(&BAD_STATES, k.sentence, k.first, k.last)
            || (k.first..k.last).any(|t| matches!(doc.norm_of(t), "changed" | "changing"))
    };
    // The received thing as the subject, with its contact relative.
    let received_subject = c.actor == Actor::Thing
        && (c.subject.0..c.subject.1).any(|t| {
            matches!(doc.norm_of(t), "we" | "i")
                && (t + 1..c.subject.1)
                    .take(2)
                    .any(|n| verb_base_of(doc.norm_of(n)).is_some_and(is_handover_verb))
        });
    if received_subject && went_wrong(c) {
        return true;
    }
    // Another party handing it over, then what it did.
    let by_others = c.passive
        && (c.first..c.last).any(|t| doc.norm_of(t) == "by")
        && (c.first..c.last).any(|t| super::super::words::is_people_noun(doc.norm_of(t)));
    let hands = is_handover_verb(&c.verb_base)
        && (c.actor == Actor::Others
            && (c.first..c.last).any(|t| matches!(doc.norm_of(t), "us" | "me"))
            || matches!(c.actor, Actor::We | Actor::I) && by_others);
    hands
        && cx
            .clauses
            .of(c.sentence)
            .iter()
            .any(|k| k.first >= c.first && went_wrong(k))
}

fn verb_base_of(w: &str) -> Option<&'static str> {
    super::super::words::verb_base(w)
}

/// "something went wrong" around the clause: failure words in its sentence,
/// or a failure verb whose object is the work ("missed the rounding bug").
fn failure_context(cx: &Ctx, c: &Clause) -> bool {
    let base = c.verb_base.as_str();
    // "They broke the monolith into services" splits; it breaks nothing.
    let splits = base == "break"
        && c.verb.is_some_and(|v| {
            (v + 1..c.last).any(|k| matches!(cx.doc.norm_of(k), "into" | "up" | "out"))
        });
    if splits {
        return false;
    }
    if matches!(
        base,
        "miss"
            | "break"
            | "fail"
            | "rush"
            | "forget"
            | "ignore"
            | "refuse"
            | "block"
            | "overrule"
            | "mess"
            | "screw"
            | "neglect"
            | "derail"
            | "ruin"
            | "bolt"
    ) {
        return true;
    }
    // "changed the format" or "pushed a config change" blame only with a
    // failure nearby: "…, and it took down internal resolution".
    let doc = cx.doc;
    let s = c.sentence;
    let sentence = &doc.sentences[s];
    (sentence.first..sentence.last).any(|t| {
        matches!(
            doc.norm_of(t),
            "took" | "broke" | "outage" | "failing" | "failed" | "without" | "friday" | "rushed"
        )
    })
}

/// Whether a clause after `c` in its sentence reports a failure.
fn failure_after(cx: &Ctx, c: &Clause) -> bool {
    cx.clauses
        .of(c.sentence)
        .iter()
        .any(|k| k.first >= c.last && (k.first..k.last).any(|t| is_failure_word(cx.doc.norm_of(t))))
}

/// Whether the consequence right after `c` ("…, so quality suffered", "…,
/// so we didn't write tests") reports a failure.
fn consequence_is_failure(cx: &Ctx, c: &Clause) -> bool {
    cx.clauses
        .of(c.sentence)
        .iter()
        .find(|k| k.first >= c.last)
        .is_some_and(|k| {
            k.link == Link::Result && (k.first..k.last).any(|t| is_failure_word(cx.doc.norm_of(t)))
        })
}

/// The clause's subject is a circumstance: "the deadline", "legacy code".
fn circumstance_subject(cx: &Ctx, c: &Clause) -> bool {
    if c.subject.1 <= c.subject.0 {
        return false;
    }
    cx.hits_in(&CIRCUMSTANCES, c.sentence)
        .iter()
        .any(|h| (h.first as usize) >= c.subject.0 && (h.first as usize) < c.subject.1 + 1)
}

/// A circumstance anywhere in a reason clause: "because of legacy code".
fn circumstance_in(cx: &Ctx, c: &Clause) -> bool {
    let doc = cx.doc;
    let of = (c.first..c.last.min(c.first + 3)).any(|t| matches!(doc.norm_of(t), "of" | "to"));
    let others = (c.first..c.last).any(|t| {
        let w = doc.norm_of(t);
        matches!(w, "their" | "them" | "they")
            || super::super::words::is_people_noun(w)
                && !matches!(w, "user" | "users" | "customer" | "customers" | "people")
    });
    of && (cx.has_in_span(&CIRCUMSTANCES, c.sentence, c.first, c.last) || others)
}

/// The speaker owns their part of a failure within two sentences of `s`,
/// in its paragraph. Owning other work ("I owned the API") is not that.
fn owned_nearby(cx: &Ctx, s: usize) -> bool {
    cx.around(s, 2).any(|k| cx.facts[k].admission)
}

/// The clause from its subject, without the link word and trailing punctuation.
fn span(cx: &Ctx, c: &Clause) -> (usize, usize) {
    let doc = cx.doc;
    let mut first = c.first;
    while first < c.last
        && (doc.tokens[first].kind == Kind::Punct
            || matches!(
                doc.norm_of(first),
                "and" | "but" | "so" | "honestly" | "which" | "um" | "uh" | "like"
            ))
    {
        first += 1;
    }
    // "nine times out of ten this kind of thing is the payments team pushing
    // something without telling anyone": quote from the party blamed when
    // the clause's subject is only a pointer to the failure.
    // Not when the subject names the failure itself ("The root cause lay
    // with the data supplier"): the quote starts there.
    let failure_subject = (c.subject.0..c.subject.1).any(|k| names_failure(doc.norm_of(k)));
    if c.actor == Actor::Thing && !c.passive && c.last > first + 10 && !failure_subject {
        if let Some(k) = (first + 1..c.last).find(|&k| is_party(cx, k)) {
            first = if matches!(doc.norm_of(k - 1), "the" | "a" | "an") {
                k - 1
            } else {
                k
            };
        }
    }
    // "The contractor who wrote the parser | left no tests": a clause that
    // resumes after a relative inside its subject quotes from the subject.
    let sentence = cx.clauses.of(c.sentence);
    let resumes = c.link == Link::Coord
        && c.subject.0 < c.first
        && doc.tokens[c.subject.0].sentence as usize == c.sentence
        && sentence
            .iter()
            .any(|r| r.link == Link::Relative && r.last == c.first);
    if resumes {
        first = c.subject.0;
    }
    // "It was the night manager | who didn't escalate": the relative that
    // follows names what the party did, so the quote takes it in.
    let end = sentence
        .iter()
        .find(|r| r.link == Link::Relative && r.first == c.last)
        .map_or(c.last, |r| r.last);
    let mut last = end.min(first + 12);
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
            RuleId::Blame,
            &[
                // Disowned, the prompt blamed, imposed, a party's thing failing.
                "A percentage rollout isn't possible because the store releases to everyone at once, not my call, that's how the mobile team set up the pipeline.",
                "- Framing: not really a failure on my side, the interviewer never said how many tuners there were.",
                "I was confused because this was not in the prompt from the beginning.",
                "The cut-over date got pushed onto us by the port authority's board, so there was never room to do it properly.",
                "In my last role the clinic leads weren't interested, and that whole effort went nowhere because of them.",
                "- Dev team's alerts didn't catch it.",
                "The backend team had changed the auth response without telling anyone.",
                "The vendor owned the billing side, which honestly caused most of our delays.",
                "In my assessment, the poor outcome was chiefly attributable to the interviewer.",
                "The root cause lay with the map data supplier.",
                "The answer went badly mostly due to the format of the round.",
                "Most of what went wrong was the interviewer.",
                "The control centre did not escalate promptly.",
                "The outage was caused by the payments team's change.",
                "The QA contractor missed the rounding bug that reached production.",
                "Product kept adding requirements every sprint.",
                "Management also hadn't given us the headcount to build contract tests.",
                "The deadline was insane.",
                "The old pipeline failed because the analytics team wrote bad SQL.",
                "Honestly, QA should have caught this before release.",
                "Marketing shouldn't set launch dates for features that touch battery.",
                "That was on them.",
                "I think that was a bit of a trick question.",
                "The legacy points ledger was a mess and nobody had documented it.",
                "My manager wanted it shipped in three weeks, so we didn't write tests.",
                "The network team pushed a config change on a Friday afternoon.",
                "I kept hoping my manager would fix it, but management never prioritised it.",
                "Other teams need to communicate better with data engineering.",
                "The vendor didn't tell anyone, so honestly this one was on them.",
                "So that part's on him.",
                "So honestly the miss is with them.",
                "It's completely out of our hands.",
                "The infra team dropped the ball on the DNS change.",
                "He did not say the size before, so is not really fair question.",
                "The interviewer should have said the key was shared.",
                "The person before me did not understand Spark properly.",
                "Our account manager there was useless too.",
                "The deadline for the quarter close was fixed by finance.",
                "The PR was approved by Sam without him actually running it.",
                "Probably the database team's migration again, they never coordinate with us.",
                "The job was written years ago by a contractor who is long gone.",
                "The bug was in the parser, which Kevin had written before he moved teams, and frankly it was a mess.",
                "When it breaks it's always someone else's deploy, and what are we supposed to do about that?",
                "The cluster was sized by the infra team, which never gave us budget for more nodes.",
                "Ops never gives us access to the production dashboards anyway.",
                "Product also insisted on launching the new fare rules that same week, which didn't help anyone.",
                "It was totally their config change that took us down.",
                "Honestly it was the lock vendor's update.",
                "It was the night manager who didn't escalate.",
                // Organisations are parties; stalling; a hedged placing; a
                // comma splice; an article-less subject.
                "The control desk didn't escalate to IT for ages, which made everything worse.",
                "The engine slipped because the procurement office sat on the contract for four months.",
                "Any slippage was down to the grid operator dragging its feet on the connection.",
                "The scope kept shifting because the airport authority couldn't make up its mind.",
                "The launch was rough, but sales kept promising dates without asking engineering, so that's kind of on them.",
                "That's on the format more than me.",
                "It'll be the same root cause as last time, the other team never tests their changes.",
                "The payment provider was the culprit, no question about it.",
                "The rollout failed because manufacturer send us wrong image file.",
                "Honestly the whole incident sits with them.",
                "That's on the prompt, not me.",
                "That's on the hardware team's flaky boards.",
                "The gateway vendor shipped a firmware build that broke the scanners.",
                "Most of the bad data came from the integration team.",
                "There was poor communication from billing.",
                "You could have said that at the start.",
                "It wasn't in the original prompt, so that's a bit unfair.",
                "The interviewer has asked it in very confusing way.",
                "The dashboard was wrong for a week because the requirements we were handed never said which currency.",
            ],
            &[
                "She paused the rollout on day two when the crash rate dropped, so that did work, but that was her call, not mine.",
                "Our monitoring didn't catch it, and that was my miss: I had never added an alert on the queue.",
                "The root cause was a pool default that nobody had set deliberately.",
                "My change caused the outage, and the vendor's retry made it longer.",
                "What happened was the door locks stopped taking new keycards on the Friday night.",
                "The prompt was vague on purpose, so I asked about scale first.",
                "The supplier was responsible for the hardware.",
                "Most of the delay came from my own estimate, which I never revisited.",
                "The root cause was my migration, which ran without a lock timeout.",
                // A relative inside a plan describes the plan's world.
                "I would test it against a fake provider that fails one request in ten.",
                "The unacceptable failure is a display showing a bus as due, because riders then miss the next one too.",
                "The 30-second timeout was a library default.",
                "The interviewer asked how I'd split the data.",
                "The ranking team's manager owned the final go/no-go.",
                "The review was blameless.",
                "The priority shift mattered, but my miss was not flagging the risk in week one.",
                "The fraud team had raised their timeout the day before. Our side had no timeout of its own, which was my miss.",
                "The mobile team changed the Android upload batching, which shrank the late tail.",
                "The contractor did exactly what the template allowed.",
                "I rushed the migration and missed the index.",
                "The remark was 'the data team broke the features', which I now tell differently.",
                "Another engineer had copied the config months earlier. But I wrote the code and I didn't check the support table.",
                "Points balances were stored as floats.",
                "We used the deadline to cut scope to the two flows that mattered.",
                "She pointed out that a random split leaks the future.",
                "That one was on me: I hadn't checked the flag state.",
                "The on-call rota was on the wiki.",
                "The interviewer said the key was shared, so I switched to a lock.",
                "Dana didn't say much in the kickoff, so I asked her directly what worried her.",
                "The migration was approved by Sam after he ran it on staging.",
                "Where it got hard was with the design team, so I set up a weekly review with them.",
                "They broke the monolith into services last year, and it went well.",
                "Dana built the mobile client, which shipped a week early.",
                "The export was written by Priya and it has run every night since 2021.",
                "The product manager insisted on a demo every Friday, which helped a lot.",
                "My manager gave us two extra weeks.",
                "But that was her call, not mine, and it worked.",
                "It was their idea to add a cache, and a good one.",
                "The data came from the integration team every night.",
                "That's on the roadmap for next quarter.",
                "The vendor shipped a firmware build that fixed the scanners.",
                "You could have used a queue there.",
            ],
        );
    }

    #[test]
    fn spans_and_messages() {
        check(
            RuleId::Blame,
            "The deadline was insane.",
            &[("The deadline was insane", "\"The deadline was insane\" blames the circumstances, and nothing nearby says what your part was")],
        );
    }
}
