//! Signal coverage: which of the seven senior signals the answer shows
//! *evidence* for, each with the sentences that show it. Naming Kafka is
//! not architectural judgment; comparing it with a simpler option at a
//! stated load is. Each signal is an evidence shape, tested per sentence:
//!
//! - problem framing: a question about the problem, an assumption, or a
//!   goal, constraint, scale or unacceptable failure stated with a measure;
//! - coding fluency: complexity, an invariant or constraint enforced in
//!   code, a data structure with its reason, a specific test, or code;
//! - architectural judgment: an alternative compared with a reason, a named
//!   trade-off, a baseline, or a heavy component with a measured threshold
//!   (or rejected with a reason);
//! - production judgment: a staged rollout or a rollback with its trigger or
//!   speed, an alert tied to a user-facing measure, a failure mode with its
//!   handling, a timeout or retry policy, security, operations;
//! - delivery judgment: a user or business outcome with a measure, or
//!   scoping and sequencing for delivery;
//! - leadership and influence: bringing others along by a specific act (got
//!   a team to agree by showing evidence, paired with or mentored a named
//!   person, ran the review, delegated roles);
//! - communication and reflection: what the speaker would do differently and
//!   why, a clean correction ("you're right, …"), or explicit structure for
//!   the listener.
//!
//! Quoted and reported words, and other people's answers being analysed,
//! are not the speaker's evidence.

use super::clause::{Actor, Clause, Link, Mood};
use super::context::Ctx;
use super::lexicon::Phrases;
use super::rules::machinery_without_threshold::HEAVY;
use super::text::Kind;
use super::SignalEvidence;
use crate::core::signals::Signal;

/// At most this many sentences are cited per signal.
const MAX_EVIDENCE: usize = 6;

pub static QUESTION_TOPICS: Phrases = Phrases {
    name: "question-topics",
    items: &[
        "users",
        "user",
        "segment",
        "region",
        "scale",
        "load",
        "traffic",
        "rate",
        "latency",
        "budget",
        "stale",
        "ratio",
        "requirement",
        "requirements",
        "constraint",
        "success",
        "failure",
        "~fail",
        "limit",
        "peak",
        "volume",
        "data",
        "payment",
        "version",
        "acceptable",
        "~need",
        "expected",
        "target",
        "deadline",
        "~deploy",
        "~change",
        "how many",
        "how much",
        "how big",
        "how often",
        "how long",
        "read",
        "write",
        "retention",
        "compliance",
        "phones",
        "devices",
        "customers",
        "wired up",
        "hypothetical",
        "every user",
        "all users",
    ],
};

pub static FRAMING_STATEMENTS: Phrases = Phrases {
    name: "framing-statements",
    items: &[
        "~assume", "assuming", "my assumption", "assumptions", "let's say", "say we have", "suppose",
        "the failure that matters", "the failures that matter", "unacceptable", "the unacceptable failure",
        "the constraint", "constraints", "latency budget", "success means", "success looks like",
        "i'd call it resolved when", "what matters", "what we're protecting", "the real problem",
        "the actual problem", "the problem isn't", "before i {pick|draw|design|change|start|commit|choose}",
        "{first|before anything} i {want|need|'d like|would like} to {know|understand|pin|check|ask}",
        "pin down", "~clarify", "which is worse", "is worse", "the goal {is|was} to", "the goal:",
        "must", "has to", "have to", "needs to", "we need to know", "the question is", "depends on",
        "what is known", "who is affected", "who's affected", "how wide", "how sudden", "what changed",
    ],
};

pub static CODING: Phrases = Phrases {
    name: "coding-evidence",
    items: &[
        "o(n)",
        "o(1)",
        "o(log n)",
        "o(n log n)",
        "o(n^2)",
        "log n",
        "quadratic",
        "linear time",
        "with the square of",
        "invariant",
        "check constraint",
        "unique constraint",
        "unique index",
        "idempotency key",
        "idempotent",
        "skip locked",
        "for update",
        "on conflict",
        "atomic",
        "atomically",
        "transaction",
        "race",
        "out of order",
        "out-of-order",
        "off-by-one",
        "null ref",
        "edge case",
        "edge cases",
        "asserts",
        "assert",
        "table-driven",
        "property test",
        "unit test",
        "unit tests",
        "a test that",
        "test that",
        "tests for",
        "test which",
        "heap snapshots",
        "memory leak",
        "listener",
        "cache misses",
        "contiguous arrays",
        "hash map",
        "sorted set",
        "ring buffer",
        "lru",
        "debounce",
        "abortcontroller",
        "index on",
        "partial index",
        "composite index",
        "query plan",
        "sequential scan",
        "deduplicate",
        "de-duplicates",
        "de-duplicate",
        "dedupe",
        "sorted by",
        "sort by",
        "in place",
        "on a copy",
        "windowing",
        "binary search",
        "two pointers",
        "polyfill",
        "fixed row height",
        "start index",
        "event time",
        "sequence number",
        "sequence numbers",
        "checksum",
        "lock",
        "locks",
        "mutex",
        "retries with backoff",
        "exactly-once",
        "at-least-once",
        "overwrites",
        "compare-and-swap",
        "negative-sampling",
        "per query",
        "time-based split",
        "schema",
        // Code-level mechanisms a speaker describes building: the artefact
        // and how it behaves ("a matcher that joins on the reference, then
        // falls back to …", "a counter per partner in a fixed window").
        "parser",
        "normaliser",
        "normalizer",
        "matcher",
        "codemod",
        "regex",
        "content hash",
        "hashing",
        "fixed window",
        "sliding window",
        "fixed-window",
        "sliding-window",
        "falls back",
        "fall back",
        "string concatenation",
        "data structure",
        "recursion",
        "recursive",
        "pagination",
        "cursor",
        "in-memory",
        "in memory",
    ],
};

pub static ARCHITECTURE: Phrases = Phrases {
    name: "architecture-evidence",
    items: &[
        "instead of",
        "rather than",
        "versus",
        "vs",
        "trade-off",
        "tradeoff",
        "trade-offs",
        "the downside",
        "at the cost of",
        "i weighed",
        "i compared",
        "compared {it|them|this|that} {with|to|against}",
        "the baseline {is|was|would be}",
        "baseline:",
        "baseline design",
        "simplest version",
        "simplest design",
        "start with one",
        "one postgres",
        "a single postgres",
        "single-region",
        "fit for purpose",
        "fit-for-purpose",
        "would add a",
        "i'd only",
        "only if",
        "would only",
        "i'd revisit",
        "revisit",
        "earns its",
        "becomes worth it",
        "worth it when",
        "no new dependency",
        "no dual-write",
        "dual-write problem",
        "outbox",
        "isolation",
        "i would not",
        "i wouldn't",
        "deliberately not",
        "not doing",
        "ruled out",
        "ruled it out",
        "over publishing",
        "the trigger for",
        "headroom",
        "keep the monolith",
        "modular monolith",
    ],
};

pub static PRODUCTION: Phrases = Phrases {
    name: "production",
    items: &[
        "canary",
        "staged rollout",
        "staged",
        "shadow",
        "% of traffic",
        "percent of traffic",
        "of the fleet",
        "feature flag",
        "behind a flag",
        "kill switch",
        "toggle",
        "{roll|rolled|rolling} back",
        "rollback",
        "revert",
        "reverts",
        "fall back",
        "fallback",
        "falls back",
        "circuit breaker",
        "timeout",
        "timeouts",
        "retry",
        "retries",
        "backoff",
        "rate limit",
        "429",
        "alert on",
        "alert when",
        "alerting on",
        "page on",
        "pages me",
        "paged",
        "on-call",
        "runbook",
        "incident channel",
        "status page",
        "blast radius",
        "failure mode",
        "worst case",
        "goes down",
        "is down",
        "is unreachable",
        "fails closed",
        "fail closed",
        "secret",
        "secrets",
        "encryption",
        "signed",
        "least privilege",
        "audit log",
        "credentials",
        "p99",
        "p95",
        "error rate",
        "success rate",
        "completion rate",
        "oldest",
        "synthetic",
        "soak",
        "load test",
        "load-tested",
        "incident commander",
        "next update",
        "mitigation",
        "stabilise",
        "stabilize",
        "mitigate",
        "deploy log",
        "config push",
        "watchdog",
        "idempotent",
        "idempotency",
        "duplicates",
        "failover",
        "replica lag",
        "observability",
        "on call",
        "paused the rollout",
        "pause the rollout",
        "dry-run",
        "dry run",
        "compare against",
        "diff",
        "reconciliation",
        "egress proxy",
        "private address",
        "replay",
        "dead",
        "lockout",
    ],
};

pub static DELIVERY: Phrases = Phrases {
    name: "delivery",
    items: &[
        "conversion",
        "revenue",
        "bookings",
        "purchases",
        "user retention",
        "retention rate",
        "churn",
        "tickets",
        "engagement",
        "lost bookings",
        "per session",
        "adoption",
        "$",
        "lost",
        "cost the business",
        "month-end close",
        "on time",
        "credibility",
        "complaints",
        "orders per",
        "saves",
        "mvp",
        "v1",
        "first version",
        "rather ship",
        "cut from",
        "sequenced",
        "sequenced it",
        "i ranked",
        "the top 40",
        "what to ship first",
        "ship first",
        "smallest",
        "scope",
        "out of scope",
        "cutoff",
        "money",
        "misroute",
        "misrouted",
        "minute of",
    ],
};

pub static LEADERSHIP: Phrases = Phrases {
    name: "leadership",
    items: &[
        "{got|get|getting} {the|them|their|each|every|both|two|three|all|other|14|fourteen} {teams|team|owners|service owners|skeptics|security|risk|data|platform|product} {to|onto}",
        "{got|get} {them|her|him|everyone} to", "signed off", "~convince", "~persuade",
        "changed {their|his|her|the|my} {mind|minds|decision}", "what changed minds",
        "i showed {them|her|him|each|the|every}", "set up a session", "~mentor", "on her own", "on his own",
        "ended up maintaining", "to be operations lead", "to run comms", "so she'd know", "so he'd know",
        "pairing first with", "agreed to", "added a freshness field", "i brought them", "brought them the",
        "their lead tried", "i didn't win that by arguing", "i argued for", "i asked the author",
        "pushed back on", "the skeptics", "i split the work", "got the weekly review to use",
        "i aligned", "aligned {the|both|three|two|all}", "brought {them|both teams|the teams|everyone} together", "~coach",
        "i onboarded", "i ran a workshop", "i organised a", "i organized a", "they adopted", "~adopt it", "got agreement",
        "~negotiate", "i unblocked", "i delegated", "i assigned", "i asked {her|him|them|each} to own", "won over", "~rally",
        "i wrote an rfc", "i wrote a proposal", "i wrote the proposal", "i presented", "walked {them|the team|leadership} through",
    ],
};

pub static REFLECTION: Phrases = Phrases {
    name: "reflection",
    items: &[
        "if i did it again",
        "if i ran it again",
        "next time",
        "what i'd do differently",
        "what i would do differently",
        "i'd do differently",
        "do differently",
        "in hindsight",
        "looking back",
        "the lesson for me",
        "the bigger lesson",
        "i now",
        "what i'd change",
        "what i would change",
        "i'd change",
        "i would change",
        "i should have",
        "i should've",
        "where i'd push back",
        "my own slip",
        "what i got wrong",
        "what went badly",
        "what went less well",
        "what i still",
        "where i'm still weak",
        "where the recovery was weaker",
        "you're right",
        "good point",
        "fair point",
        "correcting what i said",
        "let me correct",
        "i overstated",
        "i made an arithmetic error",
        "i withdrew",
        "i take back",
        "that changes it",
        "that doesn't add up",
        "i'll walk through",
        // Signposts: the speaker lays out the answer for the listener.
        "here's the baseline",
        "here is the baseline",
        "here's the plan",
        "here's how i'd",
        "i'll start with",
        "let me start with",
        "i'd like to start with",
        "i'll go through",
        "in the order",
        "two parts",
        "three parts",
        "the short version",
        "to summarise",
        "to summarize",
        "and then where",
        "i'll split it",
        "in the order i'd",
        "my rule now",
        "the rule i use now",
        "since then i",
        "what i'd add",
        "what i still leave out",
        "one thing version",
        "it was my gap",
        "was my gap",
        "my part and their part",
        "the next update",
        "next update",
        "update the status page",
        "every 30 minutes",
        "every 20 minutes",
        "every fifteen minutes",
        "every hour",
        "fixed format",
        "one-page",
        "one paragraph",
        "i'd post in",
        "i posted",
        "i wrote the first two",
        "here's what we know",
        "in under two minutes",
        "if i had less time",
        "if the interviewer only has",
        "trimmed",
        "i'd lead with",
        "lead with",
        "i should stop",
        "weak in my answer",
        "less sure about",
        "might regret",
        "thinking again",
        "put it differently",
        "correction to what i said",
        "i was wrong",
        "i was scanning",
        "the exact habit",
        "my own bias",
        "i'm also wary",
        "i'm tempted",
        "i'd rate",
        "does well",
        "i can't say how much",
        "i didn't measure",
        "i never measured",
        "good point:",
        "i read the wrong",
        "i jumped to",
        "was too harsh",
        "on a second read",
        "where my own",
        "i'd now",
        "i now put",
        "i've practised",
    ],
};

/// Every list the coverage needs compiled.
pub fn lists(out: &mut Vec<&'static Phrases>) {
    out.extend([
        &QUESTION_TOPICS,
        &FRAMING_STATEMENTS,
        &CODING,
        &ARCHITECTURE,
        &PRODUCTION,
        &DELIVERY,
        &LEADERSHIP,
        &REFLECTION,
    ]);
}

/// Evidence for each of the seven signals, in `Signal::ALL` order.
pub fn coverage(cx: &Ctx, findings: usize) -> Vec<SignalEvidence> {
    let mut found: Vec<Vec<usize>> = vec![Vec::new(); Signal::ALL.len()];
    let code_block = cx.doc.text.contains("```");
    let words = cx
        .doc
        .tokens
        .iter()
        .filter(|t| t.kind == Kind::Word)
        .count()
        .max(1);
    // An answer dense with weak phrasing needs more than one piece of
    // evidence per signal: one good sentence does not carry it.
    // A single finding is not density, however short the answer.
    let dense = findings >= 2 && findings * 100 > words * 2;
    let needed = if dense { 2 } else { 1 };
    for s in 0..cx.doc.sentences.len() {
        if !speaker_sentence(cx, s) {
            continue;
        }
        for (i, &signal) in Signal::ALL.iter().enumerate() {
            if found[i].len() < MAX_EVIDENCE && shows(cx, s, signal) {
                found[i].push(s);
            }
        }
    }
    Signal::ALL
        .iter()
        .enumerate()
        .map(|(i, &signal)| {
            let mut phrases: Vec<String> = if found[i].len() >= needed {
                found[i]
                    .iter()
                    .take(3)
                    .map(|&s| sentence_text(cx, s))
                    .collect()
            } else {
                Vec::new()
            };
            if phrases.is_empty() && !dense && signal == Signal::CodingFluency && code_block {
                phrases.push("(a code block)".to_string());
            }
            if phrases.is_empty() && !dense && signal == Signal::CommunicationReflection {
                if let Some(outline) = outline(cx) {
                    phrases.push(outline);
                }
            }
            SignalEvidence { signal, phrases }
        })
        .collect()
}

/// An answer laid out for the listener: at least three labelled parts or
/// headings. Cited as the labels themselves.
///
/// A part is a heading or label, or a sentence that opens with an ordinal
/// signpost ("First, …", "Second, …", "Finally, …").
fn outline(cx: &Ctx) -> Option<String> {
    let doc = cx.doc;
    let part = |s: &crate::core::analyzer::text::Sentence| {
        if s.is_structure() {
            return true;
        }
        if s.first >= s.last {
            return false;
        }
        let signpost = matches!(
            doc.norm_of(s.first),
            "first"
                | "firstly"
                | "second"
                | "secondly"
                | "third"
                | "thirdly"
                | "finally"
                | "lastly"
        ) && s.first + 1 < s.last
            && matches!(doc.norm_of(s.first + 1), "," | ":" | "i" | "i'd" | "we");
        signpost
    };
    let labels: Vec<&str> = doc
        .sentences
        .iter()
        .filter(|s| part(s))
        .map(|s| {
            let end = if s.is_structure() {
                s.last
            } else {
                (s.first + 4).min(s.last)
            };
            cx.slice(s.first, end)
        })
        .collect();
    (labels.len() >= 3).then(|| super::rules::clip(&labels.join(" · "), 160))
}

/// A sentence of the speaker's own: not structure, not quoted or reported,
/// not about another candidate's answer.
fn speaker_sentence(cx: &Ctx, s: usize) -> bool {
    let doc = cx.doc;
    let sentence = &doc.sentences[s];
    if sentence.is_structure() || cx.facts[s].mention {
        return false;
    }
    let words = (sentence.first..sentence.last)
        .filter(|&k| doc.tokens[k].kind != Kind::Punct)
        .count();
    let quoted = (sentence.first..sentence.last)
        .filter(|&k| doc.tokens[k].kind != Kind::Punct && doc.tokens[k].quoted)
        .count();
    // "She ends with what she'd do differently: …" describes someone else's answer.
    let about_someone_else = cx.clauses.of(s).first().is_some_and(|c| {
        c.actor == Actor::Others
            && matches!(
                doc.norm_of(c.subject.0.min(doc.tokens.len() - 1)),
                "she" | "he" | "they" | "she'd" | "he'd"
            )
    });
    quoted * 2 < words.max(1) && !about_someone_else
}

fn sentence_text(cx: &Ctx, s: usize) -> String {
    let sentence = &cx.doc.sentences[s];
    let text = cx.slice(sentence.first, sentence.last);
    super::rules::clip(text, 160)
}

/// Clauses of sentence `s` that are the speaker's (not mentions, not
/// another person's reported answer).
fn own_clauses<'a>(cx: &'a Ctx, s: usize) -> impl Iterator<Item = &'a Clause> + 'a {
    cx.clauses
        .of(s)
        .iter()
        .filter(|c| !c.mention && c.actor != Actor::Others)
}

fn has_own(cx: &Ctx, list: &Phrases, s: usize) -> bool {
    let doc = cx.doc;
    cx.hits_in(list, s).iter().any(|h| {
        let t = h.first as usize;
        !doc.tokens[t].quoted
            && cx
                .clause_at(s, t)
                .is_some_and(|c| !c.mention && c.actor != Actor::Others)
    })
}

fn count_own(cx: &Ctx, list: &Phrases, s: usize) -> usize {
    let doc = cx.doc;
    cx.hits_in(list, s)
        .iter()
        .filter(|h| {
            let t = h.first as usize;
            !doc.tokens[t].quoted
                && cx
                    .clause_at(s, t)
                    .is_some_and(|c| !c.mention && c.actor != Actor::Others)
        })
        .count()
}

fn is_question(cx: &Ctx, s: usize) -> bool {
    let sentence = &cx.doc.sentences[s];
    (sentence.first..sentence.last).any(|k| cx.doc.norm_of(k) == "?")
}

fn shows(cx: &Ctx, s: usize, signal: Signal) -> bool {
    let measure = cx.facts[s].measure;
    match signal {
        Signal::ProblemFraming => {
            (is_question(cx, s) && has_own(cx, &QUESTION_TOPICS, s) && !rhetorical(cx, s))
                || (has_own(cx, &FRAMING_STATEMENTS, s) && (measure || strong_framing(cx, s)))
                || stated_problem(cx, s)
        }
        Signal::CodingFluency => {
            count_own(cx, &CODING, s) >= 2
                || (has_own(cx, &CODING, s) && (measure || reasoned(cx, s)))
        }
        Signal::ArchitecturalJudgment => {
            (has_own(cx, &ARCHITECTURE, s) && (measure || reasoned(cx, s)))
                || measured_component(cx, s)
        }
        Signal::ProductionJudgment => {
            count_own(cx, &PRODUCTION, s) >= 2
                || (has_own(cx, &PRODUCTION, s) && (measure || reasoned(cx, s)))
        }
        Signal::DeliveryJudgment => {
            !degradation(cx, s)
                && ((has_own(cx, &DELIVERY, s) && measure && outcome_or_scope(cx, s))
                    || measured_outcome(cx, s)
                    || phased(cx, s))
        }
        Signal::LeadershipInfluence => {
            has_own(cx, &LEADERSHIP, s)
                && own_clauses(cx, s).any(|c| {
                    matches!(c.actor, Actor::I | Actor::We | Actor::Others) && c.mood.is_fact()
                })
                || influenced(cx, s)
        }
        Signal::CommunicationReflection => {
            has_own(cx, &REFLECTION, s)
                && (reasoned(cx, s) || own_clauses(cx, s).count() >= 2 || measure)
                && !self_excusing(cx, s)
        }
    }
}

/// "What if payment succeeds but the write fails?", "you're saying WAL
/// doesn't allow it?": a question the speaker answers or echoes.
fn rhetorical(cx: &Ctx, s: usize) -> bool {
    let doc = cx.doc;
    let sentence = &doc.sentences[s];
    let words: Vec<&str> = (sentence.first..sentence.last)
        .map(|k| doc.norm_of(k))
        .collect();
    let joined = words.join(" ");
    joined.starts_with("what if")
        || joined.contains("you're saying")
        || joined.contains(" right ?")
        || joined.contains("how many times")
}

/// The problem stated with its scale before the work: "About 300 customers
/// were charged twice over a two-hour window", "mobile converted at 2.1%
/// against 3.4% on desktop". A measure with a scale or problem word, early
/// in the answer or under a situation label, and not a result.
fn stated_problem(cx: &Ctx, s: usize) -> bool {
    if !cx.facts[s].measure {
        return false;
    }
    let doc = cx.doc;
    let sentence = &doc.sentences[s];
    let words: Vec<&str> = (sentence.first..sentence.last)
        .map(|k| doc.norm_of(k))
        .collect();
    let scale = words.iter().any(|w| {
        matches!(
            *w,
            "users"
                | "customers"
                | "requests"
                | "orders"
                | "bookings"
                | "events"
                | "rows"
                | "errors"
                | "tickets"
                | "devices"
                | "%"
                | "percent"
                | "ms"
                | "seconds"
                | "minutes"
                | "hours"
                | "per"
                | "day"
                | "second"
                | "traffic"
                | "rate"
                | "latency"
                | "cost"
                | "$"
                | "million"
                | "thousand"
                | "engineers"
                | "services"
                | "fps"
                | "writes"
                | "reads"
                | "target"
                | "clinics"
                | "drivers"
                | "partners"
                | "apps"
                | "teams"
        )
    });
    let result = words.iter().any(|w| {
        matches!(
            *w,
            "went"
                | "dropped"
                | "cut"
                | "improved"
                | "reduced"
                | "fell"
                | "rose"
                | "saved"
                | "recovered"
                | "after"
        )
    }) || words.windows(2).any(|p| p[0] == "from" && p[1] != "the");
    // An event narrated in the past ("On 3 June the label service returned
    // errors for 47 minutes") is the incident's impact, not the problem
    // framed before solving it; it frames only when it names what the work
    // had to meet ("the target was a steady 60").
    let constraint = words.iter().any(|w| {
        matches!(
            *w,
            "target"
                | "goal"
                | "budget"
                | "sla"
                | "slo"
                | "requirement"
                | "limit"
                | "deadline"
                | "constraint"
                | "must"
                | "needed"
                | "without"
                | "within"
        )
    }) || words.windows(2).any(|p| p == ["had", "to"]);
    if !scale || result && !constraint {
        return false;
    }
    let narrated =
        own_clauses(cx, s).all(|c| c.mood.is_fact() && c.tense == super::clause::Tense::Past);
    if narrated && !constraint {
        return false;
    }
    let prose: Vec<usize> = (0..doc.sentences.len())
        .filter(|&k| !doc.sentences[k].is_structure())
        .collect();
    let position = prose.iter().position(|&k| k == s).unwrap_or(usize::MAX);
    let early = position < 3.max(prose.len() / 3);
    let situation = cx.roles[s] == super::context::Role::Situation;
    early || situation
}

/// Reflection that excuses rather than learns: "I don't think I'd change
/// much", "If I did it again, I'd push harder, because leadership kept saying no".
fn self_excusing(cx: &Ctx, s: usize) -> bool {
    let doc = cx.doc;
    let sentence = &doc.sentences[s];
    let text: Vec<&str> = (sentence.first..sentence.last)
        .map(|k| doc.norm_of(k))
        .collect();
    let joined = text.join(" ");
    joined.contains("don't think i'd change")
        || joined.contains("kept saying no")
        || joined.contains("leadership") && joined.contains("budget")
}

/// Framing that needs no measure: an explicit assumption, an unacceptable
/// failure, a success criterion, an intent to pin the problem down.
fn strong_framing(cx: &Ctx, s: usize) -> bool {
    let doc = cx.doc;
    let sentence = &doc.sentences[s];
    (sentence.first..sentence.last).any(|k| {
        matches!(
            doc.norm_of(k),
            "assume"
                | "assuming"
                | "assumption"
                | "unacceptable"
                | "matters"
                | "protecting"
                | "worse"
                | "pin"
                | "clarify"
                | "affected"
                | "resolved"
                | "depends"
                | "understand"
                | "sudden"
                | "wide"
                | "changed"
        )
    })
}

/// The sentence gives a reason or a consequence: because, since, so that,
/// which means, a comparison.
fn reasoned(cx: &Ctx, s: usize) -> bool {
    own_clauses(cx, s).any(|c| {
        matches!(
            c.link,
            Link::Reason | Link::Purpose | Link::Result | Link::Condition
        ) && c.words(cx.doc).count() >= 3
    })
}

/// A heavy component with a measured condition or rejected with a reason.
fn measured_component(cx: &Ctx, s: usize) -> bool {
    if !cx.has(&HEAVY, s) {
        return false;
    }
    let doc = cx.doc;
    let sentence = &doc.sentences[s];
    let condition = own_clauses(cx, s).any(|c| matches!(c.link, Link::Condition) || c.negated);
    let threshold = (sentence.first..sentence.last).any(|k| {
        matches!(
            doc.norm_of(k),
            "past" | "beyond" | "above" | "once" | "until" | "only"
        )
    });
    (condition || threshold) && (cx.facts[s].measure || reasoned(cx, s))
}

/// A result of the work with its measure: "chargeback losses fell from
/// 0.31% to 0.22%", "the bill went from $410k to $290k".
fn measured_outcome(cx: &Ctx, s: usize) -> bool {
    if !cx.facts[s].measure {
        return false;
    }
    let doc = cx.doc;
    let sentence = &doc.sentences[s];
    let words: Vec<&str> = (sentence.first..sentence.last)
        .map(|k| doc.norm_of(k))
        .collect();
    let change = words
        .windows(2)
        .any(|p| p[0] == "from" && p[1] != "the" && p[1] != "a")
        && words.contains(&"to")
        || words.iter().any(|w| {
            matches!(
                *w,
                "fell" | "dropped" | "rose" | "cut" | "halved" | "doubled" | "saved" | "grew"
            )
        });
    change
        && own_clauses(cx, s).any(|c| {
            c.mood.is_fact() && c.tense != super::clause::Tense::Present
                || c.mood.is_fact() && c.link != Link::Condition
        })
}

/// The speaker bringing named others along, whatever the wording: a
/// first-person act of influence ("I convinced", "I paired with", "I
/// mentored", "I walked … through", "I got … onto") whose object is a person
/// or a team ("Priya", "the data team", "14 product teams", "them"), done,
/// not planned.
fn influenced(cx: &Ctx, s: usize) -> bool {
    let doc = cx.doc;
    cx.clauses.of(s).iter().any(|c| {
        let influence = matches!(
            c.verb_base.as_str(),
            "convince"
                | "persuade"
                | "align"
                | "mentor"
                | "coach"
                | "pair"
                | "onboard"
                | "negotiate"
                | "delegate"
                | "unblock"
                | "rally"
                | "win"
                | "walk"
                | "get"
                | "bring"
                | "teach"
                | "train"
                | "sponsor"
                | "recruit"
                | "propose"
                | "pitch"
                | "lobby"
                | "advocate"
                | "champion"
                | "facilitate"
                | "brief"
                | "sit"
                | "go"
                | "review"
        );
        let Some(v) = c.verb else { return false };
        // Consent won from someone: "I'll get explicit sign-off from the
        // security lead on that trade-off". A plan counts: arranging the
        // consent before the risky step is the act.
        let consent = matches!(c.verb_base.as_str(), "get" | "win" | "secure" | "seek")
            && (v + 1..c.last.min(v + 4)).any(|k| {
                matches!(
                    doc.norm_of(k),
                    "sign-off" | "signoff" | "buy-in" | "approval" | "agreement"
                )
            });
        let planned = matches!(c.mood, Mood::Plan);
        if c.actor != Actor::I
            || !(c.mood.is_fact() || consent && planned)
            || c.negated
            || c.mention
            || !(influence || consent)
        {
            return false;
        }
        // "get" and "bring" influence only when they move someone: "got
        // them to", "brought both teams together", not "got the data".
        let moves = consent
            || !matches!(
                c.verb_base.as_str(),
                "get" | "bring" | "walk" | "win" | "sit" | "go" | "review"
            )
            || (v + 1..c.last).any(|k| {
                matches!(
                    doc.norm_of(k),
                    "to" | "onto" | "together" | "through" | "over"
                )
            }) && !matches!(c.verb_base.as_str(), "sit" | "go" | "review")
            // "I sat with two finance analysts", "I went through the
            // disagreements with the analysts": working it out with them.
            || matches!(c.verb_base.as_str(), "sit" | "go" | "review")
                && (v + 1..c.last).any(|k| doc.norm_of(k) == "with");
        let party = (v + 1..c.last.min(v + 9)).any(|k| {
            let w = doc.norm_of(k);
            let raw = &doc.text[doc.tokens[k].start..doc.tokens[k].end];
            matches!(w, "them" | "her" | "him" | "everyone" | "both" | "skeptics")
                || super::words::is_people_noun(w) && !matches!(w, "users" | "customers" | "people")
                || doc.tokens[k].kind == Kind::Word
                    && raw.chars().next().is_some_and(char::is_uppercase)
                    && !super::words::is_tech_name(w)
        });
        moves && party
    })
}

/// A measured change for the worse: the symptom of a failure, not an
/// outcome of the work. "p99 went from 300 ms to around 4 seconds", "median
/// queue time went from ~20 seconds to over 6 minutes", "the rating dropped
/// from 4.4 to 4.1", "heap grew by about 40 MB an hour". The direction comes
/// from the metric's polarity (latency is better low, conversion better
/// high) and the change: the two magnitudes of a from–to, or its verb.
fn degradation(cx: &Ctx, s: usize) -> bool {
    let doc = cx.doc;
    let sentence = &doc.sentences[s];
    // Runs for every sentence on every analysis: no allocation.
    let words = || (sentence.first..sentence.last).map(|k| doc.norm_of(k));
    let lower_is_better = words().any(|w| {
        matches!(
            w,
            "latency"
                | "p99"
                | "p95"
                | "p50"
                | "time"
                | "queue"
                | "errors"
                | "error"
                | "timeouts"
                | "tickets"
                | "crashes"
                | "heap"
                | "memory"
                | "downtime"
                | "failures"
                | "churn"
                | "backlog"
        )
    });
    let higher_is_better = words().any(|w| {
        matches!(
            w,
            "rating"
                | "conversion"
                | "revenue"
                | "completions"
                | "bookings"
                | "auc"
                | "accuracy"
                | "recall"
                | "precision"
                | "throughput"
                | "retention"
                | "availability"
        )
    });
    if lower_is_better == higher_is_better {
        return false;
    }
    let up_verb = words().any(|w| {
        matches!(
            w,
            "grew" | "rose" | "spiked" | "jumped" | "climbed" | "doubled" | "tripled"
        )
    });
    let down_verb =
        words().any(|w| matches!(w, "dropped" | "fell" | "declined" | "plunged" | "halved"));
    let rising = match from_to(cx, s) {
        Some((a, b)) => b > a,
        None if up_verb != down_verb => up_verb,
        None => return false,
    };
    rising == lower_is_better
}

/// The magnitudes of "from X to Y" in sentence `s`, each with its unit in
/// seconds when it has one ("from 300 ms to around 4 seconds").
fn from_to(cx: &Ctx, s: usize) -> Option<(f64, f64)> {
    let doc = cx.doc;
    let sentence = &doc.sentences[s];
    let magnitude_after = |k: usize| -> Option<(f64, usize)> {
        let n =
            (k + 1..(k + 4).min(sentence.last)).find(|&n| doc.tokens[n].kind == Kind::Number)?;
        let raw: String = doc
            .norm_of(n)
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        let value: f64 = raw.parse().ok()?;
        let unit = |w: &str| match w {
            "ms" | "milliseconds" => 0.001,
            "minutes" | "minute" | "min" | "mins" => 60.0,
            "hours" | "hour" | "h" => 3600.0,
            "days" | "day" => 86400.0,
            _ => 1.0,
        };
        let suffix = doc
            .norm_of(n)
            .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
        let factor = if suffix.is_empty() && n + 1 < sentence.last {
            unit(doc.norm_of(n + 1))
        } else {
            unit(suffix)
        };
        Some((value * factor, n))
    };
    let from = (sentence.first..sentence.last).find(|&k| doc.norm_of(k) == "from")?;
    let (a, n) = magnitude_after(from)?;
    let to = (n + 1..(n + 4).min(sentence.last)).find(|&k| doc.norm_of(k) == "to")?;
    let (b, _) = magnitude_after(to)?;
    Some((a, b))
}

/// Delivery in stages with their sizes: "then 5% of users, then 25%",
/// "Phase 1: canary, 1 service then 5", "one region first".
fn phased(cx: &Ctx, s: usize) -> bool {
    let doc = cx.doc;
    let sentence = &doc.sentences[s];
    let words: Vec<&str> = (sentence.first..sentence.last)
        .map(|k| doc.norm_of(k))
        .collect();
    let thens = words.iter().filter(|w| **w == "then").count();
    let staged = words
        .iter()
        .any(|w| matches!(*w, "phase" | "stage" | "tier" | "wave" | "cohort"));
    cx.facts[s].measure
        && (thens >= 2
            || staged && thens >= 1
            || words.windows(2).any(|p| {
                p[1] == "first"
                    && matches!(p[0], "region" | "market" | "service" | "team" | "cohort")
            }))
}

/// A delivery sentence reports an outcome or scopes the work: a fact, or a
/// plan about what ships first.
fn outcome_or_scope(cx: &Ctx, s: usize) -> bool {
    own_clauses(cx, s).any(|c| c.mood.is_fact() || matches!(c.mood, Mood::Plan))
}

#[cfg(test)]
mod tests {
    use crate::core::analyzer::analyze;
    use crate::core::signals::Signal;

    fn evidence(text: &str, signal: Signal) -> Vec<String> {
        analyze(text)
            .signals
            .into_iter()
            .find(|e| e.signal == signal)
            .map(|e| e.phrases)
            .unwrap_or_default()
    }

    #[test]
    fn a_change_for_the_worse_is_a_symptom_not_delivery() {
        for symptom in [
            "When the alert fired, p99 latency went from 300 ms to around 4 seconds.",
            "Median queue time went from 20 seconds to over 6 minutes.",
            "The Play Store rating dropped from 4.4 to 4.1 and reviews mentioned battery drain.",
        ] {
            assert!(
                evidence(symptom, Signal::DeliveryJudgment).is_empty(),
                "{symptom}"
            );
        }
        let outcome = "Checkout p99 latency went from 4 seconds to 300 ms after I moved the fraud call off the request path.";
        assert_eq!(
            evidence(outcome, Signal::DeliveryJudgment),
            vec![outcome.to_string()]
        );
    }

    #[test]
    fn influence_is_an_act_on_named_others() {
        let shown = "As platform lead I got 14 product teams onto the shared CI templates in one quarter by pairing with each team's most skeptical engineer.";
        assert_eq!(
            evidence(shown, Signal::LeadershipInfluence),
            vec![shown.to_string()]
        );
        for silent in [
            "I got the data from the warehouse in one query.",
            "I'd convince the data team with a prototype.",
            "I led the project.",
        ] {
            assert!(
                evidence(silent, Signal::LeadershipInfluence).is_empty(),
                "{silent}"
            );
        }
    }

    #[test]
    fn ordinal_signposts_are_an_outline() {
        let text = "First, I'd pin down who is affected. Second, I'd look at what changed in the last hour. Finally, I'd decide between rollback and a fix.";
        assert_eq!(
            evidence(text, Signal::CommunicationReflection),
            vec!["First, I'd pin · Second, I'd look · Finally, I'd decide".to_string()]
        );
    }

    #[test]
    fn an_incident_narrated_is_impact_not_framing() {
        for impact in [
            "On 3 June our shipment-label service returned errors for 47 minutes, and roughly 1,100 orders were delayed by a day.",
            "Last spring our checkout service started timing out for about 4% of requests every evening.",
        ] {
            assert!(
                evidence(impact, Signal::ProblemFraming).is_empty(),
                "{impact}"
            );
        }
        let framed = "Our racing game dropped to about 40 fps on mid-range phones once a race had more than 12 cars, and the target was a steady 60.";
        assert_eq!(
            evidence(framed, Signal::ProblemFraming),
            vec![framed.to_string()]
        );
    }
}
