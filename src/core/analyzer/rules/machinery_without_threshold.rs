//! `machinery-without-threshold`: a heavy component (a message queue or
//! Kafka, microservices, sharding, a cache or Redis, event sourcing, CQRS, a
//! service mesh, Kubernetes, a workflow engine, a stream processor, a
//! Cassandra or NoSQL cluster) proposed or used as the design with no
//! condition that justifies *it*.
//!
//! Why an interviewer cares: senior design starts from the simplest thing
//! that works and names the point where it stops working. Machinery without
//! a threshold reads as cargo cult: it adds failure modes and cost, and shows
//! no judgment about when they are worth paying.
//!
//! Every component is judged on its own, even in a list ("microservices on
//! Kubernetes, Kafka as the backbone, Redis once reads pass 5k/s" flags the
//! first three). A component is justified by a condition attached to it that
//! names something measurable ("a queue *once* due rows wait more than two
//! minutes", "*only if* that lookup shows up as more than a few
//! milliseconds", "sharding *past* 20,000 writes a second"), or a reason about
//! this situation ("*since* reads are 95% of traffic"). A condition about
//! something else ("when I was at my last job") or a reason that says
//! nothing about this system ("because it scales", "so lookups fly", "for
//! speed") does not count. Not flagged: a rejected component ("I would not
//! add Kafka", "instead of a streaming pipeline"), an existing system
//! described as context ("the old Redis cluster was the bottleneck", "the
//! platform group already ran a Redis cluster"), compounds about it ("cache
//! hit rate", "queue depth"), mentions.
//!
//! Design usage also covers what a proposing sentence describes in the
//! present ("there's a bunch of microservices", "the screen reads out of a
//! Redis cache"), a component placed in a list item ("- Lobby state in
//! Cassandra", "- Redis in front of the ticket database so lookups are
//! instant": the item's head is read before its purpose or participle), a
//! tentative fragment asked ("- Maybe a workflow engine later?"), a plan to
//! weigh a move ("I'd think about putting a queue in between"), the component as the speaker's verb ("maybe I shard workers
//! by user id") and a proposal put as a question ("why not put Redis in
//! front?"); a definite re-mention of a judged component ("the queue") is not
//! judged again.
//!
//! Better shape: the baseline first, then the trigger for the heavier piece:
//! "One Postgres handles this; I'd add a durable queue when retry isolation
//! becomes the main constraint, around 500 jobs a second."

use super::{clip, Raw, Rule, RuleId, RuleInfo};
use crate::core::analyzer::clause::{Actor, Clause, Link, Mood, Tense};
use crate::core::analyzer::context::{Ctx, CONVENTION};
use crate::core::analyzer::lexicon::{Hit, Phrases};
use crate::core::analyzer::text::Kind;
use crate::core::analyzer::words::{base_or_stripped, is_aux, is_modal, is_past_form, verb_base};
use crate::core::analyzer::Severity;

pub const INFO: RuleInfo = RuleInfo {
    id: "machinery-without-threshold",
    title: "Machinery without a threshold",
    description: "A heavy component (queue, Kafka, microservices, sharding, cache, Kubernetes…) proposed with no condition that justifies it.",
    example_fix: "One Postgres instance handles this; I would add a durable queue when retry isolation becomes the main constraint, around 500 jobs a second.",
    severity: Severity::Warning,
};

/// Heavy components.
pub static HEAVY: Phrases = Phrases {
    name: "heavy-machinery",
    items: &[
        "{message|job|task|work|durable|distributed|event|retry} queue", "queue", "queues", "message broker",
        "{split|splits|break|broke|splitting|breaking|broken} {it|the app|the monolith|the backend|everything|the service|this|the system} {up |}into",
        "kafka", "rabbitmq", "sqs", "kinesis", "pulsar", "pub / sub", "pubsub", "pub-sub", "event bus",
        "event-driven architecture", "~microservice", "micro-services", "micro-service", "micro services",
        "microservices architecture", "separate microservice",
        "~shard", "sharding", "~cache", "caching", "caching layer", "redis", "memcached",
        "event sourcing", "event-sourced", "event sourced", "cqrs", "service mesh", "istio", "linkerd",
        "kubernetes", "k8s", "workflow engine", "workflow engines", "temporal", "airflow",
        "step functions", "stream processor", "stream processors", "stream processing", "kafka streams",
        "flink", "spark streaming", "streaming pipeline", "cassandra", "nosql cluster", "distributed lock",
        "!{cache|queue} {hit|miss|hits|misses|key|keys|ttl|invalidation|size|stampede|depth|length|lag|time|times|hit rate|misses}",
        "!{cache|caches} {from|of}",
        "!{browser|http|cdn|local|in-memory|query|plan|build|page|dns|apollo|on-disk|disk|dependency|layer} cache",
        "!{queue|queues} {grows|grow|up|backing}", "!~queue {up|bookings}", "!cached {decision|price|value|result|results|layer}",
        "!were cached", "!was cached", "!cache: \"", "!temporal {data|order|ordering|join|joins}",
    ],
};

/// What makes a condition measurable: a load, a latency, a named bottleneck.
pub static LOAD_WORDS: Phrases = Phrases {
    name: "load-words",
    items: &[
        "~read",
        "~write",
        "traffic",
        "load",
        "volume",
        "throughput",
        "latency",
        "~request",
        "rps",
        "qps",
        "p99",
        "p95",
        "p50",
        "peak",
        "~fall behind",
        "falls behind",
        "can't keep up",
        "bottleneck",
        "main constraint",
        "the constraint",
        "~outgrow",
        "~exceed",
        "~saturate",
        "cpu",
        "memory",
        "lag",
        "~fan out",
        "consumers",
        "~grow past",
        "~reach",
        "headroom",
        "limit",
        "shows up",
        "~show up",
        "~become the",
        "multi-step",
        "ordering",
        "replay",
        "~retry",
        "~spike",
        "per second",
        "a second",
        "concurrent",
        "connections",
        "ms",
        "milliseconds",
        "seconds",
        "minutes",
        "gb",
        "tb",
        "rows",
        "events",
        "jobs",
        "users",
        "sends",
        "instances",
        "window",
        "hourly",
        "daily",
        "nightly",
        "cannot finish",
        "can't finish",
        "keep up",
        "backlog",
        "~wait",
        "volume",
        "capacity",
    ],
};

/// Phrases that make the component a threshold by themselves: "earns its
/// cost", "becomes worth it", "would only be worth it if".
pub static THRESHOLD_PHRASES: Phrases = Phrases {
    name: "threshold-phrases",
    items: &[
        "earns its {cost|place|keep|complexity}",
        "{becomes|become|would be|is only|only} worth it",
        "worth {it|adding|the cost} {if|when|once}",
        "only {if|when|once|after|past|beyond}",
        "at which point",
        "the point where",
        "the trigger {is|for}",
        "{i'd|i would|we'd} revisit",
        "{i'd|i would} only",
        "not until",
        "until then",
    ],
};

/// Words before a component that reject it or mark it as not part of the design.
fn rejected_before(cx: &Ctx, c: &Clause, at: usize) -> bool {
    let doc = cx.doc;
    let sentence_first = doc.sentences[c.sentence].first;
    let from_strong = if c.link == Link::Coord && c.verb.is_none_or(|v| v > at) {
        sentence_first
    } else {
        c.first
    };
    // "why not put a cache in front?" proposes it.
    let why_not = |k: usize| k > 0 && doc.norm_of(k) == "not" && doc.norm_of(k - 1) == "why";
    let strong = (from_strong..at).any(|k| {
        !why_not(k)
            && matches!(
                doc.norm_of(k),
                "avoid"
                    | "not"
                    | "never"
                    | "wouldn't"
                    | "won't"
                    | "don't"
                    | "without"
                    | "instead"
                    | "rather"
            )
    });
    if strong {
        return true;
    }
    let from = at.saturating_sub(5).max(c.first);
    (from..at).any(|k| {
        !why_not(k)
            && matches!(
                doc.norm_of(k),
                "no" | "not"
                    | "without"
                    | "instead"
                    | "rather"
                    | "avoid"
                    | "against"
                    | "than"
                    | "skip"
                    | "wouldn't"
                    | "won't"
                    | "don't"
                    | "didn't"
                    | "never"
                    | "overkill"
                    | "nor"
                    | "considered"
                    | "consider"
                    | "revisit"
                    | "ruled"
                    | "rules"
                    | "remove"
                    | "removed"
                    | "drop"
            )
    }) || (at..(at + 6).min(c.last)).any(|k| {
        matches!(
            doc.norm_of(k),
            "overkill" | "unnecessary" | "isn't" | "wasn't" | "aren't" | "out"
        )
    })
}

/// An existing system described as context: "the old Redis cluster was the
/// bottleneck", "the platform group already ran a Redis cluster".
fn existing_context(cx: &Ctx, c: &Clause, at: usize) -> bool {
    let doc = cx.doc;
    let from = at.saturating_sub(4).max(c.first);
    let near = |k: usize| {
        matches!(
            doc.norm_of(k),
            "old" | "existing" | "current" | "shared" | "legacy" | "already" | "previous"
        )
    };
    (from..at).any(near) && !c.mood.is_proposal()
}

/// Verbs that put a component into a design.
fn is_design_verb(base: &str) -> bool {
    matches!(
        base,
        "put"
            | "add"
            | "use"
            | "move"
            | "split"
            | "break"
            | "run"
            | "migrate"
            | "deploy"
            | "build"
            | "set"
            | "stand"
            | "spin"
            | "introduce"
            | "adopt"
            | "go"
            | "back"
            | "front"
            | "wrap"
            | "shard"
            | "cache"
            | "keep"
            | "store"
            | "send"
            | "publish"
            | "push"
            | "route"
            | "champion"
            | "switch"
            | "replace"
            | "rely"
            | "get"
            | "talk"
            | "sit"
            | "live"
            | "flow"
            | "pass"
            | "throw"
            | "bring"
            | "install"
            | "implement"
            | "integrate"
            | "hook"
            | "plug"
            | "need"
            | "require"
            | "make"
            | "give"
            | "propose"
            | "suggest"
            | "recommend"
            | "decide"
            | "plan"
            | "pitch"
            | "scale"
            | "partition"
            | "choose"
            | "pick"
            | "select"
    )
}

/// Whether the clause proposes or reports the component as part of the
/// speaker's design: a plan ("I'd add", "we'll use", an imperative, "the
/// first thing I'd do is …"), the speaker's past work ("we put Redis in front
/// of …", "a cache was added"), a design fragment ("- Cassandra for
/// bookings"), or a present description with the component as object ("all
/// of this runs on Kubernetes").
fn design_usage(cx: &Ctx, c: &Clause, at: usize) -> bool {
    let doc = cx.doc;
    let reasoning_verb = matches!(
        c.verb_base.as_str(),
        "mean"
            | "imply"
            | "cost"
            | "entail"
            | "buy"
            | "want"
            | "consider"
            | "discuss"
            | "mention"
            | "name"
            | "ask"
            | "say"
            | "tell"
            | "think"
            | "know"
            | "learn"
            | "like"
            | "wonder"
            | "revisit"
            | "rule"
            | "own"
    );
    if c.actor == Actor::Others {
        return false;
    }
    if c.mood == Mood::Question {
        return why_not(cx, c);
    }
    // "Also maybe I shard workers by user id": the component is the verb.
    if c.verb == Some(at)
        && matches!(c.actor, Actor::I | Actor::We)
        && c.tense == Tense::Present
        && matches!(c.mood, Mood::Fact | Mood::Plan | Mood::Possible)
        && is_design_verb(&c.verb_base)
    {
        return true;
    }
    // The sentence proposes (I, we or you plan): "I'd stream every sensor
    // into Kafka, and then there's a bunch of microservices, and the screen
    // reads out of a Redis cache" — what it describes in the present is the
    // design too.
    let proposing = cx
        .clauses
        .of(c.sentence)
        .iter()
        .any(|k| k.mood.is_proposal() && matches!(k.actor, Actor::I | Actor::We | Actor::You));
    let existential = (c.subject.0..c.subject.1)
        .any(|k| matches!(doc.norm_of(k), "there" | "there's"))
        && c.verb_base == "be";
    let described_present = c.actor == Actor::Thing
        && c.tense == Tense::Present
        && c.mood == Mood::Fact
        && c.verb.is_some_and(|v| v < at)
        && doc.norm_of(c.subject.0) != "our"
        && !cx.measure_in_span(c.sentence, c.first, c.last);
    if proposing && (existential || described_present) && !reasoning_verb {
        return true;
    }
    // "The standard way is a message queue, so I'd add one": a proposal by anaphor.
    let anaphoric_plan = cx.clauses.of(c.sentence).iter().any(|k| {
        k.first > at
            && k.mood.is_proposal()
            && is_design_verb(&k.verb_base)
            // Keeping what runs adds nothing: "Our Kafka handles …, and I'd keep it".
            && k.verb_base != "keep"
            && k.verb.is_some_and(|v| {
                v + 1 < k.last && matches!(doc.norm_of(v + 1), "one" | "it" | "them")
            })
    });
    if anaphoric_plan {
        return true;
    }
    // "The first thing I'd do is break it into microservices": a plan in a pseudo-cleft.
    let modal_before = (c.first..at).any(|k| {
        matches!(
            doc.norm_of(k),
            "i'd" | "we'd" | "would" | "will" | "i'll" | "we'll" | "let's"
        )
    });
    // "I'd maybe think about putting a queue in between": a plan to weigh
    // a design move is still the move proposed.
    let weighs_design = matches!(c.verb_base.as_str(), "think" | "consider" | "look")
        && c.verb.is_some_and(|v| {
            (v + 1..at).any(|k| is_ing_design(doc.norm_of(k)) && doc.tokens[k].kind == Kind::Word)
        });
    if c.mood.is_proposal() || (modal_before && c.mood != Mood::Question) {
        return !reasoning_verb || weighs_design && c.mood == Mood::Plan;
    }
    // "Obviously you want a Redis cache in front of it": design voice, a
    // recommendation put as what anyone would want.
    let you_want = c.actor == Actor::You
        && c.tense == Tense::Present
        && matches!(c.verb_base.as_str(), "want" | "need")
        && c.verb.is_some_and(|v| v < at);
    if you_want && c.mood == Mood::Fact {
        return true;
    }
    if c.mood != Mood::Fact {
        return false;
    }
    let object = c.verb.is_some_and(|v| v < at);
    // "The plan is fifteen services on Kubernetes": the design named as what
    // the plan is.
    let design_subject = (c.subject.0..c.subject.1).any(|k| {
        matches!(
            doc.norm_of(k),
            "plan"
                | "design"
                | "architecture"
                | "setup"
                | "approach"
                | "proposal"
                | "stack"
                | "idea"
        )
    });
    if c.verb_base == "be" && object && design_subject && c.tense == Tense::Present {
        return true;
    }
    // "We'd want autoscaling on every service, so k8s handles that": the
    // component, as the subject, given a job in a sentence that proposes.
    let subject_is_component = (c.subject.0..c.subject.1).contains(&at);
    // Not the running system described with its load: "Our Kafka handles
    // two million events a day".
    let described =
        doc.norm_of(c.subject.0) == "our" || cx.measure_in_span(c.sentence, c.first, c.last);
    if subject_is_component
        && proposing
        && !described
        && c.tense == Tense::Present
        && matches!(
            c.verb_base.as_str(),
            "handle"
                | "give"
                | "take"
                | "deal"
                | "manage"
                | "absorb"
                | "guarantee"
                | "provide"
                | "buffer"
                | "decouple"
                | "solve"
                | "cover"
                | "smooth"
                | "do"
        )
    {
        return true;
    }
    if is_fragment(cx, c) {
        // Not a list of someone else's options: "She compares …: a bigger
        // instance, and a Redis cluster".
        let others_before = cx
            .clauses
            .of(c.sentence)
            .iter()
            .any(|k| k.first < c.first && k.actor == Actor::Others);
        if others_before {
            return false;
        }
        // A design fragment names the component first: "- Redis cache in
        // front of availability", "Cassandra for bookings", "Everything on Kubernetes".
        let in_component = |k: usize| {
            cx.hits_in(&HEAVY, c.sentence)
                .iter()
                .any(|h| (h.first as usize..h.last as usize).contains(&k))
        };
        let lead = (c.first..at)
            .filter(|&k| {
                doc.tokens[k].kind == Kind::Word
                    && !in_component(k)
                    && !matches!(
                        doc.norm_of(k),
                        "a" | "an"
                            | "the"
                            | "and"
                            | "then"
                            | "everything"
                            | "on"
                            | "with"
                            | "straight"
                            | "to"
                            | "also"
                            | "plus"
                            | "go"
                            | "maybe"
                            | "perhaps"
                            | "probably"
                            | "possibly"
                            | "just"
                    )
            })
            .count();
        // Or, in a list item or after a label, the thing then where it
        // lives: "- Lobby state in Cassandra", "- All of it on Kubernetes".
        let sentence = &doc.sentences[c.sentence];
        let listed =
            sentence.list_item || c.first > sentence.first && doc.norm_of(c.first - 1) == ":";
        let placed = at > c.first
            && matches!(
                doc.norm_of(at - 1),
                "in" | "on" | "into" | "behind" | "via" | "through" | "over"
            );
        return lead == 0 || listed && placed;
    }
    // The design verb may be the main verb or sit in a complement before the
    // component: "took the opportunity to break the monolith into …".
    let design_verb = is_design_verb(&c.verb_base)
        || (c.verb.map_or(c.first, |v| v + 1)..at).any(|k| {
            verb_base(doc.norm_of(k)).is_some_and(is_design_verb)
                && doc.tokens[k].kind == Kind::Word
        });
    if reasoning_verb || !design_verb {
        return false;
    }
    match c.tense {
        Tense::Past | Tense::Perfect => {
            matches!(c.actor, Actor::I | Actor::We | Actor::Team) && object
                || c.passive
                || c.actor == Actor::Thing && object
        }
        Tense::Present => object,
    }
}

/// A design verb's "-ing" form: "putting", "moving", "adding".
fn is_ing_design(w: &str) -> bool {
    w.ends_with("ing") && verb_base(w).is_some_and(is_design_verb)
}

/// "Why not put a Redis cache in front?": a proposal put as a question.
fn why_not(cx: &Ctx, c: &Clause) -> bool {
    let doc = cx.doc;
    // "- Maybe a workflow engine later for the calibration jobs?": a
    // tentative fragment is a proposal said with rising intonation.
    let opener = (c.first..c.last).find(|&k| doc.tokens[k].kind == Kind::Word);
    if opener.is_some_and(|o| matches!(doc.norm_of(o), "maybe" | "perhaps" | "possibly"))
        && is_fragment(cx, c)
    {
        return true;
    }
    (c.first..c.last.saturating_sub(1))
        .any(|k| doc.norm_of(k) == "why" && doc.norm_of(k + 1) == "not")
}

/// A clause with no finite verb: "Redis cache in front of availability".
fn is_fragment(cx: &Ctx, c: &Clause) -> bool {
    let doc = cx.doc;
    let person_verb = matches!(c.actor, Actor::I | Actor::We | Actor::Team | Actor::You)
        && c.verb.is_some_and(|v| verb_base(doc.norm_of(v)).is_some());
    // Only the head counts: "- Redis in front of the ticket database so
    // lookups are instant", "- Cassandra for the time series, sharded by
    // sensor id" are fragments with a purpose or a participle after them.
    let head_end = (c.first..c.last)
        .find(|&k| {
            k > c.first
                && matches!(
                    doc.norm_of(k),
                    "so" | "because" | "since" | "which" | "that" | "where" | "while" | ","
                )
        })
        .unwrap_or(c.last);
    !person_verb
        && !(c.first..head_end).any(|k| {
            let w = doc.norm_of(k);
            doc.tokens[k].kind == Kind::Word
                && (is_aux(w)
                    || is_modal(w)
                    || (is_past_form(w) && verb_base(w) != Some(w))
                    || (w.ends_with('s')
                        && verb_base(w).is_some_and(|b| b != w)
                        && !w.ends_with("ss")))
        })
}

/// Whether the component at `at` in clause `c` is justified.
fn justified(cx: &Ctx, c: &Clause, at: usize, hits: &[Hit]) -> bool {
    let s = c.sentence;
    let clauses = cx.clauses.of(s);
    let Some(ci) = clauses.iter().position(|k| std::ptr::eq(k, c)) else {
        return false;
    };
    // The next component after this one in the sentence: a condition past it
    // belongs to that one.
    let mut next_component = None;
    let mut prev: Option<&Hit> = hits.iter().find(|h| h.first as usize == at);
    for h in hits
        .iter()
        .filter(|h| h.first as usize > at && h.sentence as usize == s)
    {
        if prev.is_some_and(|p| same_component(cx, p, h)) {
            prev = Some(h);
            continue;
        }
        next_component = Some(h.first as usize);
        break;
    }
    // A threshold phrase after it in the sentence (before the next
    // component), or in its own clause.
    if cx.hits_in(&THRESHOLD_PHRASES, s).iter().any(|h| {
        let f = h.first as usize;
        (f >= c.first && f < c.last) || (f > at && next_component.is_none_or(|n| f < n))
    }) {
        return true;
    }
    // A threshold opening the sentence covers it: "Beyond about 10,000
    // messages a second, I would move the fan-out to a queue."
    let sentence = &cx.doc.sentences[s];
    let opener = (sentence.first..sentence.last).find(|&k| cx.doc.tokens[k].kind == Kind::Word);
    if let Some(o) = opener {
        if matches!(
            cx.doc.norm_of(o),
            "beyond" | "past" | "above" | "over" | "once" | "after" | "with" | "at"
        ) {
            let comma = (o..sentence.last)
                .find(|&k| cx.doc.norm_of(k) == ",")
                .unwrap_or(at);
            let end = comma.min(at);
            if cx.measure_in_span(s, o, end)
                && (comma < at || cx.has_in_span(&LOAD_WORDS, s, o, end))
            {
                return true;
            }
        }
    }
    // A threshold inside the clause, after the component and before the next
    // one: "Redis once reads pass 5k a second", "sharding past 20,000 writes".
    let doc = cx.doc;
    let stop = next_component.filter(|&n| n < c.last).unwrap_or(c.last);
    for k in at..stop {
        let w = doc.norm_of(k);
        let opens = matches!(
            w,
            "once"
                | "when"
                | "whenever"
                | "if"
                | "unless"
                | "until"
                | "past"
                | "beyond"
                | "above"
                | "exceeds"
                | "exceed"
                | "over"
                | "after"
        );
        if opens
            && (cx.measure_in_span(s, k + 1, stop) || cx.has_in_span(&LOAD_WORDS, s, k + 1, stop))
        {
            return true;
        }
    }
    // A measurable condition clause attached to it: right after it (before
    // the next component), or opening the sentence before it.
    for (k, other) in clauses.iter().enumerate() {
        // A condition opening the sentence covers all of it; one after the
        // component covers it until the next component.
        let attached = (k == 0 && ci > 0)
            || k == ci
            || (k > ci && next_component.is_none_or(|n| other.first < n));
        let condition = matches!(other.link, Link::Condition)
            || (other.link == Link::Time && other.mood != Mood::Fact);
        if !attached || !condition {
            continue;
        }
        // A condition runs on through the clauses coordinated with it: "once
        // restaurants need live dashboards and bookings pass 200 a minute".
        let mut last = other.last;
        for more in clauses[k + 1..]
            .iter()
            .take_while(|m| m.link == Link::Coord && next_component.is_none_or(|n| m.first < n))
        {
            last = more.last;
        }
        if !cx.measure_in_span(s, other.first, last)
            && !cx.has_in_span(&LOAD_WORDS, s, other.first, last)
        {
            continue;
        }
        if other.first > at && next_component.is_some_and(|n| n < other.first) {
            continue;
        }
        return true;
    }
    // A reason with a measure, attached the same way: "since reads are 95%
    // of traffic". "Because it's write-heavy" explains; it sets no threshold.
    for (k, other) in clauses.iter().enumerate() {
        if k != ci + 1 || !matches!(other.link, Link::Reason | Link::Purpose | Link::Result) {
            continue;
        }
        if next_component.is_some_and(|n| n < other.first) {
            continue;
        }
        if cx.has_in_span(&CONVENTION, s, other.first, other.last) {
            continue;
        }
        if cx.measure_in_span(s, other.first, other.last) || measured_evidence(cx, other) {
            return true;
        }
    }
    // The same person measured first: "I measured each stage, moved the
    // tests onto runners and cached the download".
    let measured_word = |k: usize| {
        matches!(
            cx.doc.norm_of(k),
            "measured" | "profiled" | "benchmarked" | "traced"
        )
    };
    if (c.first..at).any(measured_word)
        || clauses[..ci]
            .iter()
            .any(|k| k.actor == c.actor && measured_evidence(cx, k))
    {
        return true;
    }
    // The component is the consequence of a measured clause before it: "…
    // 170k writes a second, so the hot tier needs sharding".
    if c.link == Link::Result && ci > 0 {
        let before = &clauses[ci - 1];
        if cx.measure_in_span(s, before.first, before.last) {
            return true;
        }
    }
    false
}

/// Evidence that something was measured: "because the logs showed …".
fn measured_evidence(cx: &Ctx, c: &Clause) -> bool {
    c.words(cx.doc).any(|w| {
        matches!(
            w,
            "showed" | "measured" | "profiled" | "traces" | "benchmark" | "benchmarked"
        )
    })
}

pub struct MachineryWithoutThreshold;

impl Rule for MachineryWithoutThreshold {
    fn id(&self) -> RuleId {
        RuleId::MachineryWithoutThreshold
    }

    fn lists(&self, out: &mut Vec<&'static Phrases>) {
        out.extend([&HEAVY, &LOAD_WORDS, &THRESHOLD_PHRASES]);
    }

    fn check(&self, cx: &Ctx, out: &mut Vec<Raw>) {
        let doc = cx.doc;
        let hits = cx.hits_of(&HEAVY);
        // Components already justified in this section: a later mention of
        // the same one elaborates it ("I would shard only past 5,000 writes
        // a second; the city would be the shard key").
        let mut justified_families: Vec<String> = Vec::new();
        let mut proposed_families: Vec<String> = Vec::new();
        for (i, h) in hits.iter().enumerate() {
            let (s, t) = (h.sentence as usize, h.first as usize);
            if doc.tokens[t].quoted || doc.sentences[s].is_structure() {
                continue;
            }
            // "Redis pub/sub", "a workflow engine like Temporal", "a service
            // mesh, Istio probably": one component, judged once.
            if i > 0 && same_component(cx, &hits[i - 1], h) {
                continue;
            }
            let Some(c) = cx.clause_at(s, t) else {
                continue;
            };
            if run_in_heading(cx, s, c) {
                continue;
            }
            if c.mention
                || c.negated
                || c.mood == Mood::Question && !why_not(cx, c)
                || c.mood == Mood::Counterfactual
            {
                continue;
            }
            if matches!(c.link, Link::Condition) {
                continue; // "if we ever need to replay events, Kafka …": the component is the condition's
            }
            if rejected_before(cx, c, t)
                || existing_context(cx, c, t)
                || meta(cx, c)
                || !design_usage(cx, c, t)
            {
                continue;
            }
            let family = base_or_stripped(doc.norm_of(t));
            if justified_families.contains(&family) {
                continue;
            }
            // "… a message queue, so the writes go to *the queue*": a
            // definite re-mention of a component already judged.
            let definite = t > 0 && matches!(doc.norm_of(t - 1), "the" | "that" | "this");
            let head = base_or_stripped(doc.norm_of(h.last as usize - 1));
            if definite && proposed_families.contains(&head) {
                continue;
            }
            proposed_families.push(head);
            if justified(cx, c, t, hits) {
                justified_families.push(family);
                continue;
            }
            let next_start = hits
                .get(i + 1)
                .filter(|n| n.sentence == h.sentence)
                .map(|n| n.first as usize);
            let (first, last) = span(cx, c, h, next_start);
            let name = cx.slice(h.first as usize, h.last as usize);
            out.push(Raw {
                first,
                last,
                message: format!(
                    "\"{}\" is proposed with no load or condition that needs it",
                    clip(name, 40)
                ),
                suggestion: format!(
                    "Start from the simplest design that works, then name the trigger: \"I'd add {} when … passes …\".",
                    clip(name, 32)
                ),
            });
        }
    }
}

/// A sentence that is only a component's name, as a run-in heading: "Queue.",
/// "Partitioning and sharding.", "Then caching:".
fn run_in_heading(cx: &Ctx, s: usize, c: &Clause) -> bool {
    let clause_words = c.words(cx.doc).count();
    if clause_words <= 3 && c.last > c.first && cx.doc.norm_of(c.last - 1) == ":" {
        return true;
    }
    let sentence = &cx.doc.sentences[s];
    let words = (sentence.first..sentence.last)
        .filter(|&k| cx.doc.tokens[k].kind == Kind::Word)
        .count();
    let ends_colon = sentence.last > sentence.first && cx.doc.norm_of(sentence.last - 1) == ":";
    words <= 3 && (ends_colon || sentence.last - sentence.first <= words + 1)
}

/// Whether `h` continues the component `prev`: adjacent ("Redis cache",
/// "Redis pub/sub") or in apposition ("like Temporal", ", Istio probably").
fn same_component(cx: &Ctx, prev: &Hit, h: &Hit) -> bool {
    if prev.sentence != h.sentence {
        return false;
    }
    let (end, start) = (prev.last as usize, h.first as usize);
    if start < end {
        return true;
    }
    if start - end > 4 {
        return false;
    }
    start - end <= 4
        && (end..start).all(|k| {
            matches!(
                cx.doc.norm_of(k),
                "like"
                    | "such"
                    | "as"
                    | "e.g"
                    | ","
                    | "("
                    | "or"
                    | "say"
                    | "probably"
                    | "something"
                    | "um"
                    | "uh"
                    | "-"
                    | "well"
                    | "too"
                    | "maybe"
            )
        })
}

/// Talk about a component rather than a use of it: "the Redis part is weak
/// in my answer", "words like cluster and sharding".
fn meta(cx: &Ctx, c: &Clause) -> bool {
    c.words(cx.doc).any(|w| {
        matches!(
            w,
            "part" | "words" | "word" | "term" | "answer" | "mentioned" | "named" | "question"
        )
    }) && !c.mood.is_proposal()
}

/// The component plus a few words of where it goes ("Redis cache in front
/// of"), or the clause's verb when it is close ("we put Redis …").
fn span(cx: &Ctx, c: &Clause, h: &Hit, next: Option<usize>) -> (usize, usize) {
    let (mut first, mut last) = (h.first as usize, h.last as usize);
    if let Some(v) = c.verb.filter(|&v| verb_base(cx.doc.norm_of(v)).is_some()) {
        if v < first && first - v <= 3 && v >= c.first {
            first = v;
        }
    }
    let mut end = last;
    let stop = next.unwrap_or(usize::MAX).min(c.last);
    while end < stop && end < last + 3 {
        let t = &cx.doc.tokens[end];
        if t.kind == Kind::Punct
            || matches!(
                cx.doc.norm_of(end),
                "and" | "so" | "because" | "since" | "which" | "but"
            )
        {
            break;
        }
        end += 1;
    }
    last = end;
    (first, last)
}

#[cfg(test)]
mod tests {
    use super::super::testing::{check, check_table};
    use super::super::RuleId;

    #[test]
    fn table() {
        check_table(
            RuleId::MachineryWithoutThreshold,
            &[
                // A list item's head with a purpose or participle after it; a
                // tentative fragment asked; "it'll run on"; weighing a move.
                "Design:\n- Redis in front of the ticket database so lookups are instant",
                "Design:\n- Cassandra for the time series, sharded by sensor id.",
                "Design:\n- Maybe a workflow engine later for the calibration jobs?",
                "It'll run on Kubernetes so it's self-healing.",
                "Then I'd shard Mongo, and maybe a Redis layer for the dashboard so it stays snappy.",
                "If I did it again I'd maybe think about putting a queue in between the tablets and the backend.",
                // What a proposing sentence describes in the present; a
                // placed component in a list; the component as the verb; a
                // proposal put as a question.
                "I'd just stream every sensor straight into Kafka, and then there's a bunch of microservices.",
                "I'd put the readings in Postgres, and the screen reads out of a Redis cache so it's snappy.",
                "Ratings:\n\n- Lobby state in Cassandra, obviously.\n- All of it on Kubernetes with autoscaling.",
                "Also maybe I shard workers by user id.",
                "For the teacher views, why not put Redis cache in front?",
                "Then once it's stable we'd obviously move the booking flow onto a queue so this can't happen again.",
                "I would put a Redis cache in front of the API.",
                "We'll use Kafka for all the events.",
                "I'd break the app into microservices.",
                "The orders table should be sharded by customer.",
                "Let's run the whole thing on Kubernetes.",
                "I'd add a message queue between checkout and email.",
                "I would use event sourcing for the ledger.",
                "We need a service mesh for the internal calls.",
                "Redis, because caching is always a good idea.",
                "We used Kafka because it scales.",
                "Cassandra for bookings since it scales horizontally.",
                "I'd put Redis in front of it for speed.",
                "When I was at my last job we put Kafka between every service.",
                "We also moved token storage to Redis.",
                "Everything would talk over Kafka.",
                "Microservices on Kubernetes, Kafka as the backbone, and Redis once reads pass 5k a second.",
                "Obviously you want a Redis cache in front of the preferences database.",
                "I chose Cassandra for the log.",
                "All of this runs on Kubernetes.",
                "The plan is about fifteen services on Kubernetes.",
                "We'd want autoscaling on every service, so k8s handles that.",
            ],
            &[
                "I would shard only past 5,000 writes a second; the city would be the shard key.",
                "I'd add a stream processor once dashboards need updates within 5 seconds and bookings pass 200 a minute.",
                "I measured each stage, moved the tests onto four runners and cached the dependency download.",
                "I would add a durable queue when retry isolation becomes the main constraint.",
                "One Postgres handles this; I'd shard only once writes pass 5,000 per second.",
                "I would not add a cache yet.",
                "Our old Redis cluster was the bottleneck last Tuesday.",
                "I'd start with a cron job. If jobs miss their window, a workflow engine earns its cost.",
                "I would keep the monolith instead of splitting into microservices.",
                "The cache hit rate should stay above 90%.",
                "Beyond about 10,000 messages a second, I would move the fan-out to a queue.",
                "I'd check the queue depth first.",
                "I would use a cache, since reads are 95% of traffic and can be a minute stale.",
                "A queue isn't needed while one worker keeps up.",
                "The platform group already ran a Redis cluster with headroom.",
                "I'd add an in-process cache with a 30-second TTL only if that lookup shows up in the traces.",
                "She rejected the Redis cluster because our largest keyspace fits on one node.",
                "The passage says \"just moved everything to Kafka\" with no reason.",
                "Actual sharding across databases I'd only consider past roughly 20,000 sustained writes a second.",
                "You want a Redis cache once reads pass 5,000 a second.",
                "Our Kafka handles about two million events a day, and I'd keep it.",
                "The design is one Postgres; I'd add a queue once jobs wait more than two minutes.",
                "The plan is to measure the queue depth first.",
            ],
        );
    }

    #[test]
    fn every_component_in_a_list_is_judged() {
        check(
            RuleId::MachineryWithoutThreshold,
            "Microservices on Kubernetes, and Redis once reads pass 5k a second.",
            &[
                (
                    "Microservices on",
                    "\"Microservices\" is proposed with no load or condition that needs it",
                ),
                (
                    "Kubernetes",
                    "\"Kubernetes\" is proposed with no load or condition that needs it",
                ),
            ],
        );
    }
}
