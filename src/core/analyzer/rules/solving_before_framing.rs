//! `solving-before-framing`: a design or coding answer that commits to a
//! solution before any question, assumption, constraint, scale or success
//! criterion.
//!
//! Why an interviewer cares: framing is scored first ("Clarification" on the
//! rubric). A solution offered before the problem is pinned down may solve
//! the wrong problem, and it hides whether the candidate can tell which
//! constraints matter.
//!
//! How it reads an answer: the first commitment is the first clause that
//! proposes a design ("I'd use …", "we'll put a queue …", an imperative such
//! as "Add a cache", or a design list item such as "Kafka as the backbone"),
//! or a design stated as what the answer is ("The answer here is a token
//! bucket in Redis", "it's websockets into a gateway, Kafka behind it", a
//! fragment opening with the component: "Kafka plus a pool of workers"), a
//! plan of the speaker's naming a heavy component ("I'd just stream every
//! sensor into Kafka"), the approach named then its verb ("my approach is to
//! call the routing API …"), a part prescribed ("the leaderboard should just
//! be a Redis sorted set"), or a build told in the present by the speaker in
//! an answer that is not a story ("I write function in Python"), the
//! solution announced ("My design for the linen tracking is as follows:",
//! "the design I'd draw is microservices from day one"). One commitment is
//! enough when it names a heavy component, comes with code, is announced,
//! or the speaker says they dived in ("straight away", "right off the
//! bat"); such a move is itself a commitment in any tense ("I went
//! straight into writing it", "I restarted the booking service straight
//! away"), unless it answers an alert ("we jumped on it right away") or
//! sits under a failure the speaker named ("- Framing: I started to draw
//! the tables immediately"). A STAR task line ("T: Stop the bleeding, find
//! the cause") states the goal: it frames and proposes nothing. A version label ("Rewrite of the first three minutes:") starts a
//! new answer, so framing told before it does not count for what follows.
//! Framing is anything before it that asks or pins the problem down: a
//! question, an assumption ("let's assume", "say we have"), a number of
//! users, requests or data, a latency or budget, a goal or success
//! criterion, an unacceptable failure, or a stated intent to clarify ("first
//! I want to understand …"); the prompt restated ("the prompt was to design
//! … for 50,000 seats") is the interviewer's framing, not the speaker's. Only answers that propose a design are judged,
//! so a story of past work is never flagged; only the first commitment is
//! flagged.
//!
//! Better shape: "Before I pick anything: how many bookings a day, and what
//! failure is unacceptable? Assuming 50,000 a day, one Postgres handles it."

use super::{clip, Raw, Rule, RuleId, RuleInfo};
use crate::core::analyzer::clause::{Actor, Clause, Mood};
use crate::core::analyzer::context::Ctx;
use crate::core::analyzer::lexicon::Phrases;
use crate::core::analyzer::rules::machinery_without_threshold::HEAVY;
use crate::core::analyzer::text::Kind;
use crate::core::analyzer::Severity;

pub const INFO: RuleInfo = RuleInfo {
    id: "solving-before-framing",
    title: "Solving before framing",
    description: "A design or coding answer that commits to a solution before any question, assumption, constraint, scale or success criterion.",
    example_fix: "Before I pick anything: how many bookings a day, and what failure is unacceptable? Assuming 50,000 a day, one Postgres handles it.",
    severity: Severity::Warning,
};

/// Words that frame a problem: assumptions, constraints, goals, intent to clarify.
pub static FRAMING: Phrases = Phrases {
    name: "framing",
    items: &[
        "~assume", "assuming", "assumption", "assumptions", "let's say", "say we have", "suppose",
        "~constraint", "requirement", "requirements", "the goal", "my goal", "our goal", "success means",
        "success looks like", "what matters", "unacceptable", "the failure that matters",
        "{first|before} i {want|need|'d like|would like} to {know|understand|ask|pin|clarify|check}",
        "before {i|we} {pick|draw|design|choose|commit|start|build}", "pin down", "~clarify",
        "how many", "how much", "how big", "what scale", "which users", "who {is|are} the users",
        "it depends on", "the numbers", "read-heavy", "write-heavy", "latency budget", "budget",
        "sla", "slo", "p99", "p95", "per second", "a second", "a day", "per day", "a minute",
        "users", "requests", "qps", "rps", "at peak", "peak", "the problem is", "the actual problem",
        "the real problem", "what we're building", "what we know", "must", "needs to", "has to",
        "have to", "you have to know", "start by asking", "~ask", "the question is", "what we're protecting",
        "the constraint", "depends on",
    ],
};

/// Verbs that commit to a design.
fn is_commit_verb(base: &str) -> bool {
    matches!(
        base,
        "use"
            | "put"
            | "add"
            | "build"
            | "start"
            | "go"
            | "store"
            | "have"
            | "split"
            | "shard"
            | "cache"
            | "deploy"
            | "keep"
            | "write"
            | "send"
            | "run"
            | "make"
            | "break"
            | "create"
            | "design"
            | "model"
            | "implement"
            | "pick"
            | "choose"
            | "set"
            | "stand"
            | "spin"
            | "introduce"
            | "move"
            | "back"
            | "push"
            | "queue"
            | "render"
            | "query"
            | "sort"
            | "index"
            | "map"
            | "do"
            | "code"
            | "loop"
            | "iterate"
            | "return"
            | "call"
            | "hash"
            | "replay"
            | "partition"
            | "process"
            | "compute"
            | "aggregate"
            | "batch"
            | "poll"
            | "publish"
            | "consume"
            | "count"
            | "serve"
            | "route"
            | "load"
            | "fetch"
            | "scan"
            | "merge"
            | "switch"
            | "swap"
            | "migrate"
            | "replace"
            | "rebuild"
            // Incident moves, committed to before the impact is scoped.
            | "restart"
            | "roll"
            | "revert"
            | "reboot"
            | "failover"
            | "scale"
            | "bounce"
    )
}

pub struct SolvingBeforeFraming;

impl Rule for SolvingBeforeFraming {
    fn id(&self) -> RuleId {
        RuleId::SolvingBeforeFraming
    }

    fn lists(&self, out: &mut Vec<&'static Phrases>) {
        out.push(&FRAMING);
    }

    fn check(&self, cx: &Ctx, out: &mut Vec<Raw>) {
        let doc = cx.doc;
        // Only design answers are judged: at least two design proposals.
        let commitments: Vec<&Clause> = cx
            .clauses
            .list
            .iter()
            .filter(|c| is_commitment(cx, c))
            .collect();
        let heavy = commitments.iter().any(|c| {
            cx.has_in_span(
                &HEAVY,
                c.sentence,
                c.first,
                cx.doc.sentences[c.sentence].last,
            )
        });
        // A coding answer with code in it is a design answer too.
        let code = doc.text.contains("```");
        // "My solution, straight away: …", "I went straight into writing
        // it": the speaker says they dived in.
        let dived_in = commitments
            .iter()
            .any(|c| dives_in(cx, c.sentence) || announces_solution(cx, c));
        if commitments.len() < 2 && !((heavy || code || dived_in) && commitments.len() == 1) {
            return;
        }
        if cx.framed_in_earlier_section {
            return;
        }
        let Some(first) = cx.clauses.list.iter().find(|c| is_commitment(cx, c)) else {
            return;
        };
        let s = first.sentence;
        // "Rewrite of the first three minutes: I'd start with …": a version
        // label starts a new answer, so only framing after it counts.
        let from = (0..=s).rev().find(|&k| opens_version(cx, k)).unwrap_or(0);
        // Anything framing before the commitment answers it.
        let framed_before = (from..s).any(|k| frames(cx, k, usize::MAX))
            || frames(cx, s, first.verb.unwrap_or(first.first))
            || cx.clauses.of(s).iter().any(|c| {
                c.last <= first.first && c.link == crate::core::analyzer::clause::Link::Condition
            });
        if framed_before {
            return;
        }
        let (a, b) = span(cx, first);
        if a >= b {
            return;
        }
        let seen = cx.slice(a, b);
        let _ = doc;
        out.push(Raw {
            first: a,
            last: b,
            message: format!(
                "\"{}\" commits to a solution before any question, assumption or constraint",
                clip(seen, 48)
            ),
            suggestion: "Frame first, even briefly: who uses it, how much load, what failure is unacceptable, then \"Given that, I'd …\".".to_string(),
        });
    }
}

/// A clause that proposes a design.
fn is_commitment(cx: &Ctx, c: &Clause) -> bool {
    let doc = cx.doc;
    let sentence = &doc.sentences[c.sentence];
    // "Prompt: design a job scheduler …" restates the question; it is not
    // the speaker's answer.
    let prompt_label = |t: &crate::core::analyzer::text::Sentence| {
        t.first < t.last && matches!(doc.norm_of(t.first), "prompt" | "question")
    };
    let restated_prompt = prompt_label(sentence)
        && sentence.first + 1 < sentence.last
        && doc.norm_of(sentence.first + 1) == ":"
        || c.sentence > 0
            && doc.sentences[c.sentence - 1].is_structure()
            && prompt_label(&doc.sentences[c.sentence - 1]);
    // "**Going straight to my stack:**": a label that says the speaker
    // dived in commits by itself.
    if sentence.is_structure()
        && !c.mention
        && (sentence.first..sentence.last.saturating_sub(1)).any(|k| {
            doc.norm_of(k) == "straight" && matches!(doc.norm_of(k + 1), "to" | "into" | "in")
        })
    {
        return true;
    }
    if c.mention
        || sentence.is_structure()
        || restated_prompt
        || label_before(cx, c.sentence).is_some_and(|l| l.task || l.situation)
    {
        return false;
    }
    if pseudo_cleft_plan(cx, c)
        || design_statement(cx, c)
        || announces_solution(cx, c)
        || dive_clause(cx, c)
    {
        return true;
    }
    // "I'll go through the labels" is no design; "I'd go with Kafka" is.
    let go_without_choice = c.verb_base == "go"
        && c.verb
            .is_some_and(|v| v + 1 >= c.last || !matches!(cx.doc.norm_of(v + 1), "with" | "for"));
    // "the usual way you'd do it": a generic "you" inside a reason or
    // relative clause describes a habit, not the speaker's plan.
    let generic_you = c.actor == Actor::You
        && (!matches!(
            c.link,
            crate::core::analyzer::clause::Link::Main | crate::core::analyzer::clause::Link::Coord
        ) || c.subject.0 > c.first.saturating_sub(1)
            && c.subject.0 > 0
            && matches!(
                cx.doc.norm_of(c.subject.0 - 1),
                "way" | "how" | "thing" | "what" | "whatever" | "where"
            ));
    let proposal = (c.mood == Mood::Plan
        && matches!(c.actor, Actor::I | Actor::We | Actor::You | Actor::Thing)
        && !generic_you
        // "audit a design doc I wrote": the actor read after the imperative
        // is the relative's, so only a bare imperative proposes.
        || c.mood == Mood::Imperative && c.actor == Actor::You)
        && is_commit_verb(&c.verb_base)
        && !go_without_choice;
    let heavy = cx.has_in_span(&HEAVY, c.sentence, c.first, c.last);
    // "I'd start by asking what we're protecting" frames; it does not commit.
    // Only near the verb: in "I will make one solver service that take
    // constraints of all fourteen schools" the constraints are the design's.
    let verb_at = c.verb.unwrap_or(c.first);
    let frames_itself = cx
        .hits_in(&FRAMING, c.sentence)
        .iter()
        .any(|h| (c.first..c.last.min(verb_at + 4)).contains(&(h.first as usize)));
    // "I write function in Python", "Day one I push the firmware": a design
    // told in the present by its builder, in an answer that is not a story.
    // (Not the consequence of a condition: "if something goes wrong we roll back".)
    let after_condition = cx
        .clauses
        .of(c.sentence)
        .iter()
        .any(|k| k.last <= c.first && k.link == crate::core::analyzer::clause::Link::Condition);
    let present_build = c.mood == Mood::Fact
        && c.tense == crate::core::analyzer::clause::Tense::Present
        // (Not "we": "we run it and check" tells a practice.)
        && c.actor == Actor::I
        && matches!(
            c.link,
            crate::core::analyzer::clause::Link::Main | crate::core::analyzer::clause::Link::Coord
        )
        && !after_condition
        && !go_without_choice
        && is_commit_verb(&c.verb_base)
        && !habitual(cx, c)
        && !cx.clauses.list.iter().any(|k| {
            k.mood == Mood::Fact
                && matches!(k.tense, crate::core::analyzer::clause::Tense::Past)
                && matches!(k.actor, Actor::I | Actor::We)
                && !k.mention
        });
    // "I'd just stream every sensor straight into Kafka": any plan of mine
    // that names a heavy component commits to it.
    let heavy_plan = c.mood == Mood::Plan && matches!(c.actor, Actor::I | Actor::We) && heavy;
    (proposal || present_build || heavy_plan)
        && (heavy || c.actor != Actor::Thing)
        && !c.negated
        && !frames_itself
        && !conditional(cx, c)
}

/// A design stated as what the answer is, with a heavy component in it:
/// "The answer here is a token bucket in Redis", "So basically it's
/// websockets into a gateway, Kafka behind it", "My approach: a Go service
/// with Redis for hot links", "Kafka plus a pool of workers". Present
/// tense only: "the answer was a cache" tells a story.
fn design_statement(cx: &Ctx, c: &Clause) -> bool {
    let doc = cx.doc;
    // "The leaderboard should just be a Redis sorted set per region": the
    // design prescribed for a part of the system.
    if matches!(c.mood, Mood::Obligation | Mood::Plan)
        && c.verb_base == "be"
        && c.actor == Actor::Thing
        && !c.negated
        && !conditional(cx, c)
        && c.verb
            .is_some_and(|v| cx.has_in_span(&HEAVY, c.sentence, v, c.last))
    {
        return true;
    }
    if c.mood != Mood::Fact
        || c.negated
        || c.tense != crate::core::analyzer::clause::Tense::Present
        || !cx.has_in_span(&HEAVY, c.sentence, c.first, c.last)
        // "A cache once the query passes 100 ms" waits for its trigger.
        || conditional(cx, c)
    {
        return false;
    }
    let subject: Vec<&str> = (c.subject.0..c.subject.1).map(|k| doc.norm_of(k)).collect();
    let design_subject = subject.iter().any(|w| {
        matches!(
            *w,
            "answer"
                | "approach"
                | "design"
                | "plan"
                | "solution"
                | "idea"
                | "architecture"
                | "setup"
        )
    });
    let copula = c.verb_base == "be"
        && (design_subject || matches!(subject.as_slice(), ["it"] | ["this"]))
        || subject.as_slice() == ["it's"];
    // A verbless clause that opens with the component or follows a label:
    // "Kafka plus a pool of workers", "My approach: a Go service …".
    let verbless = c
        .verb
        .is_none_or(|v| crate::core::analyzer::words::verb_base(doc.norm_of(v)).is_none());
    let fragment = verbless && c.actor == Actor::Thing && {
        let sentence = &doc.sentences[c.sentence];
        let opens_sentence = (sentence.first..c.first).all(|k| doc.tokens[k].kind == Kind::Punct);
        let after_label = c.first > sentence.first && doc.norm_of(c.first - 1) == ":"
            || opens_sentence && c.sentence > 0 && {
                let prev = &doc.sentences[c.sentence - 1];
                prev.last > prev.first && doc.norm_of(prev.last - 1) == ":"
            };
        // The component is the first word, or the first after an article.
        let lead = if matches!(doc.norm_of(c.first), "a" | "an" | "the") {
            c.first + 1
        } else {
            c.first
        };
        let opens_with_component = cx
            .hits_in(&HEAVY, c.sentence)
            .iter()
            .any(|h| h.first as usize == lead);
        opens_sentence && opens_with_component || after_label
    };
    copula || fragment
}

/// A sentence that opens with a label naming a new version of the answer:
/// "Rewrite of the first three minutes: …", "Better version: …", "Redo: …".
fn opens_version(cx: &Ctx, s: usize) -> bool {
    let doc = cx.doc;
    let sentence = &doc.sentences[s];
    let Some(colon) =
        (sentence.first..sentence.last.min(sentence.first + 8)).find(|&k| doc.norm_of(k) == ":")
    else {
        return false;
    };
    (sentence.first..colon).any(|k| {
        matches!(
            doc.norm_of(k),
            "rewrite" | "rewritten" | "redo" | "redone" | "retake" | "version" | "rewording"
        )
    })
}

/// The speaker says they went at the solution at once: "straight away",
/// "straight into", "right off the bat", "right away", "directly",
/// "immediately".
fn dives_in(cx: &Ctx, s: usize) -> bool {
    let doc = cx.doc;
    let sentence = &doc.sentences[s];
    (sentence.first..sentence.last).any(|k| {
        let next = if k + 1 < sentence.last {
            doc.norm_of(k + 1)
        } else {
            ""
        };
        match doc.norm_of(k) {
            "straight" => matches!(next, "away" | "into" | "in" | "to"),
            "right" => matches!(next, "away" | "off"),
            "directly" | "immediately" => true,
            _ => false,
        }
    })
}

/// What the structural label just before sentence `s` says the sentence is
/// ("T:", "Task:", "S:", "- Framing:").
struct Label {
    /// The task or goal: it frames the problem and proposes nothing.
    task: bool,
    /// The situation: context, not a proposal.
    situation: bool,
    /// A failure category named by the speaker ("Framing:", "Clarification:").
    framing: bool,
}

fn label_before(cx: &Ctx, s: usize) -> Option<Label> {
    let doc = cx.doc;
    let prev = doc.sentences.get(s.checked_sub(1)?)?;
    if !prev.is_structure() {
        return None;
    }
    let words: Vec<&str> = (prev.first..prev.last)
        .filter(|&k| doc.tokens[k].kind == Kind::Word)
        .map(|k| doc.norm_of(k))
        .collect();
    let only = |w: &[&str]| words.len() <= 2 && words.iter().any(|x| w.contains(x));
    Some(Label {
        task: only(&["t", "task", "goal", "objective", "brief"]),
        situation: only(&["s", "situation", "context", "background"]),
        framing: words
            .iter()
            .any(|w| w.starts_with("fram") || w.starts_with("clarif") || w.starts_with("scop")),
    })
}

/// "I went straight into writing it", "I'd go straight into the schema",
/// "I directly restarted the booking servers", "I start directly": the
/// speaker's own move made at once, in any tense. Telling it is the
/// commitment: whatever came first, the move came before any framing.
/// Moves that hand over ("I immediately paged the vendor") or that are the
/// destination of a release ("shipped straight to production", a skipped
/// validation) are not dives into a solution.
fn dive_clause(cx: &Ctx, c: &Clause) -> bool {
    let doc = cx.doc;
    // "- Framing: I started to draw the tables immediately": the speaker has
    // already named the failure.
    if !matches!(c.actor, Actor::I | Actor::We)
        || label_before(cx, c.sentence).is_some_and(|l| l.framing)
        || c.negated
        || c.mention
        || !matches!(c.mood, Mood::Fact | Mood::Plan)
        || conditional(cx, c)
    {
        return false;
    }
    let Some(verb) = c.verb else {
        return false;
    };
    // "we jumped on it right away" answers an alert; it dives into nothing.
    let motion = matches!(
        c.verb_base.as_str(),
        "jump" | "dive" | "launch" | "begin" | "head" | "get"
    );
    if motion && verb + 1 < c.last && matches!(doc.norm_of(verb + 1), "on" | "at" | "onto" | "back")
    {
        return false;
    }
    let diving_verb = matches!(
        c.verb_base.as_str(),
        "jump" | "dive" | "launch" | "begin" | "head" | "get"
    ) || is_commit_verb(&c.verb_base)
        && !matches!(c.verb_base.as_str(), "send" | "call" | "have");
    if !diving_verb {
        return false;
    }
    let word = |k: usize| if k < c.last { doc.norm_of(k) } else { "" };
    let released = |k: usize| {
        matches!(
            word(k),
            "production" | "prod" | "live" | "main" | "master" | "customers" | "users" | "everyone"
        ) || matches!(word(k), "the" | "a")
            && matches!(
                word(k + 1),
                "production" | "live" | "main" | "master" | "customers" | "users" | "fleet"
            )
    };
    // The adverb belongs to the verb: right before it ("I directly
    // restarted") or after it in the clause ("went straight into",
    // "restarted the service straight away", "I start directly:").
    (c.subject.1.max(c.first)..c.last).any(|k| match doc.norm_of(k) {
        "straight" => match word(k + 1) {
            "away" => k > verb,
            "into" | "in" | "to" => k > verb && !released(k + 2),
            _ => false,
        },
        "right" => k > verb && matches!(word(k + 1), "away" | "off"),
        "directly" | "immediately" => {
            (k + 1 == verb
                || k > verb && !matches!(word(k + 1), "to" | "into" | "on" | "from" | "with"))
                && !released(k + 1)
        }
        _ => false,
    })
}

/// "My design for the linen tracking is following.", "My first plan: a
/// worker pool of 50 threads …", "My solution, straight away: …": the
/// speaker announces the solution and gives it next.
fn announces_solution(cx: &Ctx, c: &Clause) -> bool {
    let doc = cx.doc;
    if c.subject.1 <= c.subject.0 || !matches!(doc.norm_of(c.subject.0), "my" | "our") {
        return false;
    }
    let names_solution = (c.subject.0..c.subject.1.min(c.subject.0 + 3)).any(|k| {
        matches!(
            doc.norm_of(k),
            "solution" | "design" | "plan" | "approach" | "answer" | "architecture"
        )
    });
    let sentence = &doc.sentences[c.sentence];
    let announced = (c.subject.1..sentence.last)
        .take(6)
        .any(|k| matches!(doc.norm_of(k), ":" | "following" | "follows"));
    names_solution
        && announced
        && !c.negated
        && c.tense != crate::core::analyzer::clause::Tense::Past
}

/// "First thing I'd do is restart the booking pods", "what I'd do is add a
/// cache": a plan put as a pseudo-cleft, whose verb comes after "is".
fn pseudo_cleft_plan(cx: &Ctx, c: &Clause) -> bool {
    let doc = cx.doc;
    // "My approach is to call the routing API for every ambulance": the
    // design named as the approach, then its verb.
    let design_subject = (c.subject.0..c.subject.1).any(|k| {
        matches!(
            doc.norm_of(k),
            "approach" | "plan" | "idea" | "move" | "step" | "solution" | "instinct"
        )
    });
    let approach_is_to = design_subject
        && c.verb_base == "be"
        && c.verb.is_some_and(|v| {
            v + 2 < c.last
                && doc.norm_of(v + 1) == "to"
                && crate::core::analyzer::words::verb_base(doc.norm_of(v + 2))
                    .is_some_and(is_commit_verb)
        })
        && !conditional(cx, c);
    // "the design I'd draw is microservices from day one": the design
    // named with the speaker's plan, then what it is.
    let design_id_draw = (c.first..c.last.saturating_sub(2)).any(|k| {
        matches!(
            doc.norm_of(k),
            "design" | "architecture" | "solution" | "answer"
        ) && matches!(doc.norm_of(k + 1), "i'd" | "we'd" | "i'll" | "i")
            && (k + 2..c.last.min(k + 5)).any(|v| doc.norm_of(v) == "is")
            && cx.has_in_span(&HEAVY, c.sentence, k, c.last)
    });
    approach_is_to
        || design_id_draw
        || (c.first + 2..c.last.saturating_sub(1)).any(|k| {
            // "… is just restart the booking pods": a hedge may come first.
            let verb = if matches!(
                doc.norm_of(k + 1),
                "just" | "probably" | "basically" | "simply"
            ) {
                k + 2
            } else {
                k + 1
            };
            doc.norm_of(k) == "is"
                && doc.norm_of(k - 1) == "do"
                && matches!(
                    doc.norm_of(k - 2),
                    "i'd" | "we'd" | "would" | "i'll" | "we'll"
                )
                && verb < c.last
                && crate::core::analyzer::words::verb_base(doc.norm_of(verb))
                    .is_some_and(is_commit_verb)
                && !conditional(cx, c)
        })
}

/// A proposal held back until a condition: "I would add a queue once
/// retries must survive a deploy", "I'd add a cache if p99 passes 100 ms".
/// The condition is its framing; it commits to nothing yet.
fn conditional(cx: &Ctx, c: &Clause) -> bool {
    let clauses = cx.clauses.of(c.sentence);
    let next_is_condition = clauses
        .iter()
        .position(|k| std::ptr::eq(k, c))
        .and_then(|i| clauses.get(i + 1))
        .is_some_and(|k| k.link == crate::core::analyzer::clause::Link::Condition);
    let opener_inside = (c.verb.unwrap_or(c.first)..c.last).any(|k| {
        matches!(
            cx.doc.norm_of(k),
            "once" | "if" | "when" | "whenever" | "unless" | "only"
        )
    });
    next_is_condition || opener_inside
}

/// "I usually write it in Python", "at work we use Kafka": a habit, not a
/// design proposed here.
fn habitual(cx: &Ctx, c: &Clause) -> bool {
    (c.first..c.last).any(|k| {
        matches!(
            cx.doc.norm_of(k),
            "usually" | "normally" | "always" | "often" | "typically" | "generally" | "currently"
        )
    })
}

/// "Prompt: design flood warnings from 300 river-level gauges", "the
/// prompt was to design the ticket drop for 50,000 seats": the numbers are
/// the interviewer's, so restating them frames nothing ("the question is
/// how stale a badge can be" is the speaker's own question, and frames).
fn restates_prompt(cx: &Ctx, s: usize) -> bool {
    let doc = cx.doc;
    let sentence = &doc.sentences[s];
    (sentence.first..sentence.last).any(|k| {
        matches!(doc.norm_of(k), "prompt" | "question" | "task" | "brief")
            && k + 1 < sentence.last
            && (doc.norm_of(k + 1) == ":"
                || doc.norm_of(k + 1) == "was"
                    && k + 2 < sentence.last
                    && matches!(doc.norm_of(k + 2), "to" | "design" | "build" | "how"))
    })
}

/// Whether any sentence of the section frames the problem.
pub fn section_frames(cx: &Ctx) -> bool {
    (0..cx.doc.sentences.len()).any(|s| frames(cx, s, usize::MAX))
}

/// Whether sentence `s` (up to token `before`) frames the problem.
fn frames(cx: &Ctx, s: usize, before: usize) -> bool {
    let doc = cx.doc;
    let sentence = &doc.sentences[s];
    let end = sentence.last.min(before);
    if sentence.first >= end || restates_prompt(cx, s) {
        return false;
    }
    // "T: Stop the bleeding, find the cause": the task stated is its goal.
    if label_before(cx, s).is_some_and(|l| l.task) {
        return true;
    }
    // A version label's own words ("Rewrite of the first three minutes:")
    // frame nothing; what follows it may.
    let start = if opens_version(cx, s) {
        (sentence.first..end)
            .find(|&k| doc.norm_of(k) == ":")
            .map_or(sentence.first, |k| k + 1)
    } else {
        sentence.first
    };
    let question =
        (sentence.first..sentence.last).any(|k| doc.norm_of(k) == "?") && before == usize::MAX;
    let quoted_only =
        (start..end).all(|k| doc.tokens[k].quoted || doc.tokens[k].kind == Kind::Punct);
    if quoted_only && !question {
        return false;
    }
    question
        || cx.measure_in_span(s, start, end)
        || cx
            .hits_in(&FRAMING, s)
            .iter()
            .any(|h| (h.first as usize) >= start && (h.first as usize) < end)
}

fn span(cx: &Ctx, c: &Clause) -> (usize, usize) {
    let doc = cx.doc;
    let mut first = if (c.first..c.last).contains(&c.subject.0) {
        c.subject.0
    } else {
        c.first
    };
    // "…, right, first thing I'd do is just restart the pods": quote the
    // plan from its pseudo-cleft, not the symptom the clause opened with.
    if let Some(k) = (c.first + 2..c.last).find(|&k| {
        doc.norm_of(k) == "is"
            && doc.norm_of(k - 1) == "do"
            && matches!(
                doc.norm_of(k - 2),
                "i'd" | "we'd" | "would" | "i'll" | "we'll"
            )
    }) {
        let opener = (c.first.max(k.saturating_sub(5))..k - 2)
            .find(|&n| matches!(doc.norm_of(n), "first" | "what" | "the"));
        first = first.max(opener.unwrap_or(k - 2));
    }
    while first < c.last
        && (doc.tokens[first].kind == Kind::Punct
            || matches!(
                doc.norm_of(first),
                "so" | "and" | "um" | "uh" | "okay" | "well"
            ))
    {
        first += 1;
    }
    // The committing sentence, not only its first clause: "I'd just loop
    // over the balls and add them up per bowler" commits in both.
    let sentence_end = doc.sentences[c.sentence].last;
    let mut last = sentence_end.min(first + 16).max(c.last.min(first + 9));
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
            RuleId::SolvingBeforeFraming,
            &[
                "I'd put the bookings in Postgres and add a Redis cache in front of it.",
                "Right off the bat, the design I'd draw is microservices from day one, each with its own database.",
                "My design for the linen tracking is as follows: one table of tags and one of scans, and a nightly job that counts them.",
                "OK so straight away I would do a service that calls every pharmacy's system live and returns the top three.",
                "The interview went badly because I never asked how many users there were.\n\nRewrite of the first three minutes: I'd start with the keg table, a Kafka topic for scan events, and Cassandra for the history.",
                "I'd go straight to microservices on Kubernetes, with Kafka between upload and thumbnailing.",
                "So for the booking flow I'd have the booking service write to the database, and I'd send the email from a queue.",
                "Add a cache in front of the API. Then shard the orders table by customer.",
                "We'll use Kafka for the events and we'll store them in Cassandra.",
                "I'd start with a monolith in Rails and deploy it on Kubernetes.",
                "I would build a REST API and I'd keep sessions in Redis.",
                "First, I'd use a hash map for the counts. Then I'd sort the keys and return the top ten.",
                "I'd use WebSockets for the live updates, and I'd put a message queue between the services.",
                "I'll write the events to a log and I'll replay them into a read model.",
                "Let's put everything behind a load balancer and run three instances of the API.",
                "I'd split it into a holds service and a payment service, and I'd add a cache for the seat map.",
                "I'd store each reminder as a row and I'd run a worker every minute.",
                "The design: I'd put Redis in front and I'd use Kafka for fan-out.",
                "I'd render the whole table with a map over the rows, and I'd sort it in place.",
                "First thing I'd do is restart the booking pods, because that usually fixes it. If that doesn't help I'd roll back whatever went out last.",
                "Okay, I will use a hash map to count every word, then sort by count.\n\n```python\ncounts = Counter(words)\n```",
                "Prompt: design a rate limiter.\nThe answer here is a token bucket in Redis, keyed by API key. Each request decrements the bucket with a Lua script.",
                "Prompt: design a chat backend.\nSo basically it's websockets into a gateway, Kafka behind it, and Cassandra for message history. The gateway fans out to the users online.",
                "Prompt: design a notification service.\nKafka plus a pool of workers, one per channel. Each worker reads its topic and calls the provider.",
                "Prompt: design a URL shortener.\nMy approach: a Go service behind a load balancer, with Redis for hot links and Postgres for the rest. Writes go to Postgres first, reads hit Redis.",
                // A plan naming a heavy component; the approach named, then its
                // verb; a bare imperative; a present-tense build; a part prescribed.
                "I'd just stream every sensor on every crane straight into Kafka, and the screen reads out of a Redis cache.",
                "My approach is to call the routing API for every ambulance, and I'd sort them by drive time.",
                "Hash every invoice into a Redis set and reject repeats.",
                "I write function in Python. I take dictionary from caller cell to list of calls and I sort it.",
                "My take on the design: the leaderboard should just be a Redis sorted set per region, sharded by player id.",
                // The speaker's own move made at once, in any tense.
                "The prompt was the charge rounding for card readers, and I went straight into writing it, I used floats for the money.",
                "A: I restarted the booking service straight away, then rolled back Friday's release.",
                "I start directly: for each user I call provider endpoint.",
                // A label that says the speaker dived in.
                "**Going straight to my stack:**\n- Kafka for every scan event coming off the turnstiles.",
                // The prompt's numbers are the interviewer's, not framing.
                "The prompt was to design the ticket drop for 50,000 seats. So I'd put everyone in a virtual waiting room and I'd hold seats in Redis.",
            ],
            &[
                "My design was a single Postgres table, which held up at 300 writes a second.",
                "Rewrite: how many scans a day, and who reads them? Assuming 300 bars, one Postgres table is enough, and I'd start with that.",
                "I would add a queue once retries must survive a deploy, and I'd add a cache if p99 passes 100 ms.",
                "Before I pick anything: how many bookings a day? Assuming 50,000, I'd use one Postgres and I'd add a cache only past 5k reads a second.",
                "Let's assume 2,000 clinics and 300,000 reminders a day. I'd store each reminder as a row and I'd run a worker every minute.",
                "Is it read-heavy or write-heavy? I'd start with Postgres, and I'd add replicas once reads pass 10k a second.",
                "The failure that matters is a patient missing a reminder. So I'd use at-least-once delivery and I'd make duplicates rare.",
                "We rebuilt the booking flow last year. I wrote the hold logic.",
                "I'd use Postgres.",
                "First I want to understand the numbers: how many partners, and what peak rate? Then I'd put the counter in the gateway and I'd move it to Redis past twenty instances.",
                "At 40 writes a second, I'd use one Postgres primary, and I'd shard only past 2 TB.",
                "The question is how stale a badge can be. I'd call the inventory service at render time and I'd add a cache if p99 passes 100 ms.",
                "I said \"I'd use Redis and I'd add Kafka\" and the interviewer stopped me.",
                "What are the users doing, and how many are there? I'd use a queue, and I'd add workers.",
                "The goal is delivery within five minutes. I'd use a deliveries table and I'd poll it.",
                "Suppose the input is sorted. I'd use two pointers and I'd return early on a match.",
                "It depends on the write rate. I'd use Postgres, and I'd add a queue past 500 jobs a second.",
                "I wouldn't add Kafka, and I wouldn't shard.",
                "Prompt: design a cron-like job scheduler for 2,000 internal jobs.\n\nFirst I'd ask how often jobs run. Then I'd start from one scheduler process with a Postgres table.",
                "Prompt: design a rate limiter.\nFirst, what are we limiting, per user or per key, and how many requests a second at peak? Assuming 5,000 a second, a token bucket in Redis keyed by API key is enough.",
                "The answer was a cache in the end: we put Redis in front of the catalogue and p99 fell from 900 ms to 80 ms.",
                "The exercise: audit a design doc I wrote two years ago, for a feature store serving 14 models, and flag every decision stated without a reason.",
                "I'll go through the failure labels the drill asks for and then rewrite the start.",
                "I'd go with a big-bang release on a Tuesday night. If something goes wrong we roll back the deployment.",
                // Answering an alert, a release's destination, a handover, a
                // failure the speaker already named, a task stated.
                "And we jumped on it right away, we got the bridge going.",
                "We shipped it straight to production.",
                "I immediately paged the database team.",
                "Failures I can find:\n- Framing: I started to draw the tables immediately.",
                "T: Stop the bleeding, find the cause, and keep support informed.",
                "The float thing, because that's the usual way you'd do it.",
            ],
        );
    }

    #[test]
    fn spans_and_messages() {
        check(
            RuleId::SolvingBeforeFraming,
            "I'd use Kafka for the events. I'd put Redis in front of the API.",
            &[(
                "I'd use Kafka for the events",
                "\"I'd use Kafka for the events\" commits to a solution before any question, assumption or constraint",
            )],
        );
        check(
            RuleId::SolvingBeforeFraming,
            "So bookings are failing on the app, right, first thing I'd do is just restart the booking pods. Then I'd add a Redis cache.",
            &[(
                "first thing I'd do is just restart the booking pods",
                "\"first thing I'd do is just restart the booking p…\" commits to a solution before any question, assumption or constraint",
            )],
        );
    }
}
