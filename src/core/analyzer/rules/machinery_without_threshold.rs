//! `machinery-without-threshold`: a heavy component (message queue, Kafka,
//! microservices, sharding, a cache or Redis, event sourcing, CQRS, a service
//! mesh, Kubernetes, a workflow engine, a stream processor) *proposed* with no
//! condition that justifies it: no "when", "once", "if", "beyond", number or
//! negation in that sentence or the next.
//!
//! Why an interviewer cares: senior design starts from the simplest thing
//! that works and names the point where it stops working. Machinery without a
//! threshold reads as cargo cult: it adds failure modes and cost, and shows no
//! judgment about when they are worth paying.
//!
//! Better shape: the baseline first, then the trigger for the heavier piece:
//! "One Postgres handles this; I'd add a durable queue when retry isolation
//! becomes the main constraint, around 500 jobs a second."

use super::{RuleInfo, ShapeRule};
use crate::core::analyzer::lexicon::Phrases;
use crate::core::analyzer::shape::{Scope, Shape, Term, Unless};
use crate::core::analyzer::Severity;

pub const INFO: RuleInfo = RuleInfo {
    id: "machinery-without-threshold",
    title: "Machinery without a threshold",
    description: "A heavy component (queue, Kafka, microservices, sharding, cache, Kubernetes…) proposed with no condition that justifies it.",
    example_fix: "One Postgres instance handles this; I would add a durable queue when retry isolation becomes the main constraint, around 500 jobs a second.",
};

/// Heavy components.
pub static HEAVY: Phrases = Phrases {
    name: "heavy-machinery",
    items: &[
        "{message|job|task|work|durable|distributed|event|retry} queue",
        "queue",
        "queues",
        "message broker",
        "kafka",
        "rabbitmq",
        "sqs",
        "kinesis",
        "pulsar",
        "nats",
        "pub / sub",
        "pubsub",
        "event bus",
        "microservice",
        "microservices",
        "micro-services",
        "micro-service",
        "micro services",
        "shard",
        "shards",
        "sharding",
        "sharded",
        "cache",
        "caches",
        "caching",
        "redis",
        "memcached",
        "event sourcing",
        "event-sourced",
        "event sourced",
        "cqrs",
        "service mesh",
        "istio",
        "linkerd",
        "kubernetes",
        "k8s",
        "workflow engine",
        "workflow engines",
        "airflow",
        "step functions",
        "temporal cluster",
        "stream processor",
        "stream processors",
        "stream processing",
        "kafka streams",
        "flink",
        "spark streaming",
        "elasticsearch",
        "search cluster",
        "distributed transactions",
        "graph database",
        "!{cache|queue} {hit|miss|hits|misses|key|keys|ttl|invalidation|size} {rate|ratio|}",
        "!queue {depth|length|lag|time}",
        "!{browser|http|cdn|local|in-memory|query|plan|build|page|dns} cache",
    ],
};

/// Words that make a mention a proposal.
pub static PROPOSALS: Phrases = Phrases {
    name: "proposal-verbs",
    items: &[
        "would",
        "i'd",
        "we'd",
        "you'd",
        "i'll",
        "we'll",
        "let's",
        "should",
        "shall",
        "will",
        "need",
        "needs",
        "needed",
        "must",
        "add",
        "adding",
        "introduce",
        "introducing",
        "use",
        "using",
        "put",
        "split",
        "splitting",
        "move to",
        "migrate to",
        "go with",
        "adopt",
        "require",
        "requires",
        "required",
        "plan to",
        "propose",
        "proposed",
        "suggest",
        "recommend",
        "run it on",
        "run on",
        "build",
        "stand up",
        "spin up",
        "reach for",
        "bring in",
        "going to",
        "gonna",
        "wrap",
        "back it with",
        "throw",
        "front it with",
        "{my|this|the proposed|our proposed} {design|proposal|architecture|solution|plan|approach|sketch|baseline}",
        "in front",
        "you'll",
        "they'd",
        "it'd",
    ],
};

/// Conditions, thresholds and negations that justify (or decline) machinery.
pub static CONDITIONS: Phrases = Phrases {
    name: "machinery-conditions",
    items: &[
        "when",
        "once",
        "if",
        "unless",
        "beyond",
        "above",
        "exceed",
        "exceeds",
        "exceeded",
        "past",
        "over",
        "more than",
        "at which point",
        "threshold",
        "as soon as",
        "until",
        "only after",
        "reaches",
        "reach",
        "hits",
        "grows",
        "outgrow",
        "outgrows",
        "earn",
        "earns",
        "justify",
        "justifies",
        "justified",
        "the point where",
        "at that point",
        "whenever",
        "in case",
        "only when",
        "trigger",
        "not",
        "no",
        "never",
        "without",
        "avoid",
        "skip",
        "instead of",
        "rather than",
        "hold off",
        "defer",
        "don't",
        "doesn't",
        "didn't",
        "won't",
        "wouldn't",
        "shouldn't",
        "isn't",
        "aren't",
        "wasn't",
        "can't",
        "cannot",
        "needn't",
        "later",
        "eventually",
        "limit",
        "bottleneck",
        "saturate",
        "saturates",
        "because",
        "since",
        "given",
    ],
};

static TRIGGER: [Term; 1] = [Term::Any(&HEAVY)];
static WITH: [Term; 1] = [Term::Any(&PROPOSALS)];

static UNLESS: [Unless; 2] = [
    Unless {
        term: Term::Any(&CONDITIONS),
        scope: Scope::NextSentence,
    },
    Unless {
        term: Term::Measure,
        scope: Scope::NextSentence,
    },
];

pub static RULE: ShapeRule = ShapeRule {
    info: INFO,
    severity: Severity::Warning,
    shapes: &[Shape {
        trigger: &TRIGGER,
        with: &WITH,
        unless: &UNLESS,
        min_count: 1,
        message: "\"{}\" is proposed with no threshold that would justify it",
        suggestion: "Start with the simplest design, then name the trigger: \"I'd add X when … passes …\" or \"once … becomes the bottleneck\".",
    }],
};

#[cfg(test)]
mod tests {
    use super::super::testing::check_table;

    #[test]
    fn table() {
        check_table(
            "machinery-without-threshold",
            &[
                "I would put a Redis cache in front of the API.",
                "We'll use Kafka for all the events.",
                "I'd break the app into microservices.",
                "The orders table should be sharded by customer.",
                "Let's run the whole thing on Kubernetes.",
                "I'd add a message queue between checkout and email.",
                "A workflow engine is needed to orchestrate the steps.",
                "I would use event sourcing for the ledger.",
                "I'd build it with CQRS and a read model.",
                "We need a service mesh for the internal calls.",
                "I'd introduce a stream processor for the click events.",
                "Clearly caching is required here.",
                "I'll put Elasticsearch behind the search box.",
                "I would adopt microservices so each team can deploy on its own schedule, and add a service mesh.",
                "I'd use SQS between the upload service and the thumbnailer.",
                "You’d want Redis for the sessions.",
                "My design puts Kafka between the checkout service and the ledger.",
                "The proposed architecture runs on Kubernetes with Istio.",
            ],
            &[
                "I would add a durable queue when retry isolation becomes the main constraint.",
                "One Postgres handles this; I'd shard only once writes pass 5,000 per second.",
                "I would not add a cache yet.",
                "Our Redis cache went down at 2am last Tuesday.",
                "We migrated to Kubernetes in 2019.",
                "I'd start with a cron job. If jobs miss their window, a workflow engine earns its cost.",
                "I would keep the monolith instead of splitting into microservices.",
                "The cache hit rate should stay above 90%.",
                "I'd add Kafka if we ever need to replay events for new consumers.",
                "Beyond about 10,000 messages a second, I would move the fan-out to a queue.",
                "I'd avoid Kubernetes for a team of three.",
                "I'd check the queue depth first.",
                "Reading from Redis was the slow part, as the trace showed.",
                "I would use a cache, since reads are 95% of traffic and can be a minute stale.",
                "A queue isn't needed while one worker keeps up.",
                "I'd use the browser cache for the static assets.",
                "My design uses one Postgres instance and adds Redis only once reads pass 10k a second.",
            ],
        );
    }
}
