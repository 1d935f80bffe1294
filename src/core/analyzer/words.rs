//! Closed word classes and the verb table the clause layer reads sentences
//! with. Each class is a `match` over normalised (lowercase, straight
//! apostrophe) words, so a lookup is a few comparisons.

use super::inflect::{forms, strip_suffixes, IRREGULAR};
use super::lexicon::AddrHasher;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

/// Base verbs the clause layer knows. Their forms come from `inflect::forms`.
pub const VERBS: &[&str] = &[
    "accept",
    "add",
    "address",
    "adjust",
    "adopt",
    "advise",
    "agree",
    "alert",
    "align",
    "allow",
    "analyse",
    "analyze",
    "answer",
    "apply",
    "approve",
    "architect",
    "argue",
    "arrange",
    "ask",
    "assess",
    "assign",
    "assume",
    "attach",
    "audit",
    "automate",
    "avoid",
    "back",
    "backfill",
    "balance",
    "ban",
    "batch",
    "benchmark",
    "block",
    "book",
    "boost",
    "bootstrap",
    "bother",
    "bump",
    "call",
    "cancel",
    "cap",
    "care",
    "change",
    "charge",
    "chase",
    "check",
    "claim",
    "clean",
    "clear",
    "close",
    "coach",
    "code",
    "collect",
    "commit",
    "communicate",
    "compare",
    "compile",
    "complain",
    "complete",
    "compress",
    "compute",
    "configure",
    "confirm",
    "connect",
    "consider",
    "consolidate",
    "contact",
    "contribute",
    "control",
    "convert",
    "convince",
    "coordinate",
    "copy",
    "correct",
    "cover",
    "crash",
    "create",
    "credit",
    "cross",
    "crush",
    "debug",
    "decide",
    "declare",
    "decouple",
    "decrease",
    "default",
    "define",
    "delay",
    "delete",
    "deliver",
    "demo",
    "deploy",
    "deprecate",
    "deprioritise",
    "deprioritize",
    "describe",
    "design",
    "detect",
    "develop",
    "diagnose",
    "diff",
    "disable",
    "discover",
    "discuss",
    "dispatch",
    "distil",
    "distill",
    "document",
    "double",
    "downgrade",
    "drain",
    "drop",
    "dump",
    "duplicate",
    "edit",
    "eliminate",
    "email",
    "embed",
    "enable",
    "encode",
    "encrypt",
    "end",
    "enforce",
    "ensure",
    "escalate",
    "establish",
    "estimate",
    "evaluate",
    "evict",
    "examine",
    "exceed",
    "execute",
    "expand",
    "expect",
    "experiment",
    "explain",
    "export",
    "expose",
    "extend",
    "extract",
    "facilitate",
    "fail",
    "fear",
    "fetch",
    "figure",
    "file",
    "fill",
    "filter",
    "finish",
    "fire",
    "fix",
    "flag",
    "flip",
    "focus",
    "follow",
    "force",
    "fork",
    "form",
    "freeze",
    "gate",
    "gather",
    "generate",
    "guarantee",
    "guess",
    "guide",
    "halve",
    "handle",
    "hate",
    "help",
    "hire",
    "hook",
    "hope",
    "host",
    "identify",
    "ignore",
    "implement",
    "import",
    "impose",
    "improve",
    "include",
    "increase",
    "index",
    "influence",
    "inform",
    "ingest",
    "inherit",
    "initiate",
    "inject",
    "insist",
    "inspect",
    "install",
    "instrument",
    "integrate",
    "intend",
    "interview",
    "introduce",
    "investigate",
    "involve",
    "invite",
    "isolate",
    "join",
    "judge",
    "jump",
    "kick",
    "kill",
    "label",
    "land",
    "launch",
    "learn",
    "like",
    "limit",
    "link",
    "list",
    "listen",
    "load",
    "localize",
    "lock",
    "log",
    "look",
    "love",
    "lower",
    "maintain",
    "manage",
    "map",
    "mark",
    "match",
    "measure",
    "mentor",
    "merge",
    "migrate",
    "miss",
    "mitigate",
    "mock",
    "model",
    "modernise",
    "modernize",
    "monitor",
    "move",
    "name",
    "need",
    "negotiate",
    "notice",
    "notify",
    "observe",
    "obtain",
    "offer",
    "onboard",
    "open",
    "operate",
    "optimise",
    "optimize",
    "order",
    "organise",
    "organize",
    "overhaul",
    "own",
    "page",
    "pair",
    "parse",
    "partition",
    "pass",
    "patch",
    "pause",
    "perform",
    "persuade",
    "pick",
    "pilot",
    "pin",
    "pitch",
    "plan",
    "play",
    "plot",
    "poll",
    "port",
    "post",
    "practise",
    "practice",
    "prefer",
    "prepare",
    "present",
    "prevent",
    "print",
    "prioritise",
    "prioritize",
    "probe",
    "process",
    "produce",
    "profile",
    "promote",
    "prompt",
    "propose",
    "protect",
    "prototype",
    "prove",
    "provide",
    "provision",
    "publish",
    "pull",
    "purge",
    "push",
    "query",
    "queue",
    "raise",
    "rank",
    "reach",
    "react",
    "realise",
    "realize",
    "rearchitect",
    "receive",
    "recommend",
    "reconcile",
    "record",
    "recover",
    "redesign",
    "reduce",
    "refactor",
    "refine",
    "refresh",
    "refund",
    "register",
    "reject",
    "relaunch",
    "release",
    "rely",
    "remain",
    "remember",
    "remove",
    "rename",
    "render",
    "reorder",
    "replace",
    "replay",
    "replicate",
    "report",
    "reproduce",
    "request",
    "require",
    "rerun",
    "research",
    "reset",
    "resize",
    "resolve",
    "respond",
    "restart",
    "restore",
    "restructure",
    "resume",
    "retire",
    "retrain",
    "retry",
    "return",
    "reuse",
    "revert",
    "review",
    "revise",
    "revisit",
    "revoke",
    "rework",
    "roll",
    "rotate",
    "route",
    "sample",
    "save",
    "scale",
    "schedule",
    "scope",
    "score",
    "script",
    "search",
    "secure",
    "segment",
    "select",
    "serve",
    "settle",
    "shard",
    "share",
    "shift",
    "ship",
    "shorten",
    "shrink",
    "sign",
    "simplify",
    "size",
    "skip",
    "slash",
    "slip",
    "slow",
    "solve",
    "sort",
    "spike",
    "spot",
    "stabilise",
    "stabilize",
    "staff",
    "stage",
    "start",
    "stay",
    "step",
    "stop",
    "store",
    "stream",
    "streamline",
    "stress",
    "stretch",
    "strip",
    "struggle",
    "submit",
    "succeed",
    "suggest",
    "summarise",
    "summarize",
    "supervise",
    "support",
    "suppose",
    "surface",
    "survey",
    "suspect",
    "swap",
    "switch",
    "sync",
    "tackle",
    "tag",
    "talk",
    "target",
    "test",
    "thank",
    "tighten",
    "time",
    "tolerate",
    "touch",
    "trace",
    "track",
    "train",
    "transfer",
    "transform",
    "translate",
    "treat",
    "trigger",
    "trim",
    "triple",
    "trust",
    "try",
    "tune",
    "turn",
    "type",
    "unblock",
    "unify",
    "unlock",
    "update",
    "upgrade",
    "upload",
    "use",
    "validate",
    "verify",
    "version",
    "visit",
    "vote",
    "wait",
    "walk",
    "want",
    "warn",
    "watch",
    "weigh",
    "widen",
    "wire",
    "wish",
    "wonder",
    "work",
    "worry",
    "wrap",
    // Design verbs and causes: "Hash every invoice into a Redis set".
    "hash",
    "throttle",
    "debounce",
    "dedupe",
    "cause",
    "carve",
];

/// What a known verb form is.
#[derive(Clone, Copy)]
struct Form {
    base: &'static str,
    /// A past tense or participle ("shipped", "wrote", "cut").
    past: bool,
}

/// Every known verb form → its base and kind, built once. A hash map keyed
/// by the word: the clause layer asks about every token, several times.
fn verb_table() -> &'static HashMap<String, Form, BuildHasherDefault<AddrHasher>> {
    static TABLE: OnceLock<HashMap<String, Form, BuildHasherDefault<AddrHasher>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: HashMap<String, Form, BuildHasherDefault<AddrHasher>> = HashMap::default();
        for &base in VERBS.iter().chain(IRREGULAR.iter().map(|(b, _)| b)) {
            let irregular: &[&str] = IRREGULAR
                .iter()
                .find(|(b, _)| *b == base)
                .map_or(&[], |(_, f)| f);
            for form in forms(base) {
                // Nouns of the family ("improvement") are not verb forms.
                if form.ends_with("ment")
                    || form.ends_with("ments")
                    || form.ends_with("ion")
                    || form.ends_with("ions")
                {
                    continue;
                }
                let past = if irregular.contains(&form.as_str()) {
                    !matches!(form.as_str(), "is" | "are" | "am" | "has" | "does" | "goes")
                } else {
                    form != base && form.ends_with("ed")
                };
                table.entry(form).or_insert(Form { base, past });
            }
        }
        table
    })
}

/// The base of a known verb form ("shipped" → "ship", "wrote" → "write").
pub fn verb_base(w: &str) -> Option<&'static str> {
    verb_table().get(w).map(|f| f.base)
}

/// The base form of `w` if it is a known verb, else its suffixes stripped.
pub fn base_or_stripped(w: &str) -> String {
    verb_base(w).map_or_else(|| strip_suffixes(w), str::to_string)
}

/// A past-tense or participle form: a known verb's "-ed" or irregular past,
/// or an unknown word ending in "-ed" that is not one of the "-eed" nouns.
pub fn is_past_form(w: &str) -> bool {
    if let Some(form) = verb_table().get(w) {
        return form.past;
    }
    w.len() >= 5
        && w.ends_with("ed")
        && !w.ends_with("eed")
        && !matches!(
            w,
            "hundred"
                | "sacred"
                | "naked"
                | "wicked"
                | "kindred"
                | "rugged"
                | "jagged"
                | "crooked"
                | "beloved"
                | "embed"
                | "biased"
                | "based"
                | "detailed"
                | "skilled"
                | "experienced"
                | "talented"
                | "advanced"
                | "automated"
                | "dedicated"
                | "distributed"
                | "complicated"
                | "sophisticated"
                | "outdated"
                | "limited"
                | "interested"
                | "excited"
                | "tired"
                | "bored"
                | "worried"
                | "scared"
                | "stressed"
                | "confused"
                | "frustrated"
                | "focused"
                | "motivated"
                | "organised"
                | "organized"
                | "self-motivated"
                | "results-driven"
                | "data-driven"
                | "detail-oriented"
                | "product-minded"
        )
        && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
}

/// A known verb in its base form ("add", "use"), for imperatives and after modals.
pub fn is_base_verb(w: &str) -> bool {
    verb_base(w) == Some(w)
}

/// A verb form ending in "-ing".
pub fn is_ing(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ing") && verb_base(w).is_some()
}

/// A pronoun with its verb contracted onto it ("i'm", "it's", "they've",
/// "we'll"): the clause already has its finite verb.
pub fn is_contracted_verb(w: &str) -> bool {
    let Some((head, tail)) = w.split_once('\'') else {
        return false;
    };
    matches!(tail, "m" | "s" | "re" | "ve" | "d" | "ll")
        && matches!(
            head,
            "i" | "we"
                | "you"
                | "they"
                | "he"
                | "she"
                | "it"
                | "that"
                | "there"
                | "here"
                | "what"
                | "who"
        )
}

/// Subject pronouns and their contractions.
pub fn is_first_singular(w: &str) -> bool {
    matches!(w, "i" | "i'm" | "i've" | "i'd" | "i'll" | "me" | "myself")
}

pub fn is_first_plural(w: &str) -> bool {
    matches!(
        w,
        "we" | "we're" | "we've" | "we'd" | "we'll" | "us" | "ourselves"
    )
}

pub fn is_third_person(w: &str) -> bool {
    matches!(
        w,
        "they"
            | "they're"
            | "they've"
            | "they'd"
            | "they'll"
            | "he"
            | "he's"
            | "he'd"
            | "he'll"
            | "she"
            | "she's"
            | "she'd"
            | "she'll"
            | "them"
            | "him"
            | "her"
    )
}

/// Words that refer to things, not people, as a subject.
pub fn is_thing_pronoun(w: &str) -> bool {
    matches!(
        w,
        "it" | "it's"
            | "it'll"
            | "it'd"
            | "that'll"
            | "that'd"
            | "there'll"
            | "there'd"
            | "its"
            | "this"
            | "that"
            | "that's"
            | "these"
            | "those"
            | "there"
            | "there's"
            | "which"
            | "what"
            | "everything"
            | "something"
            | "nothing"
            | "anything"
    )
}

pub fn is_modal(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "would"
            | "shall"
            | "should"
            | "could"
            | "can"
            | "may"
            | "might"
            | "must"
            | "ought"
            | "'ll"
            | "'d"
            | "won't"
            | "wouldn't"
            | "shouldn't"
            | "couldn't"
            | "can't"
            | "cannot"
            | "mustn't"
            | "gonna"
            | "wanna"
            | "gotta"
    )
}

/// Forms of "be", "have", "do" that start a verb group.
pub fn is_aux(w: &str) -> bool {
    matches!(
        w,
        "am" | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "'s"
            | "'re"
            | "'m"
            | "has"
            | "have"
            | "had"
            | "'ve"
            | "do"
            | "does"
            | "did"
            | "isn't"
            | "aren't"
            | "wasn't"
            | "weren't"
            | "hasn't"
            | "haven't"
            | "hadn't"
            | "don't"
            | "doesn't"
            | "didn't"
            | "ain't"
    )
}

pub fn is_negation(w: &str) -> bool {
    matches!(
        w,
        "not"
            | "never"
            | "no"
            | "none"
            | "nothing"
            | "nobody"
            | "without"
            | "neither"
            | "nor"
            | "isn't"
            | "aren't"
            | "wasn't"
            | "weren't"
            | "hasn't"
            | "haven't"
            | "hadn't"
            | "don't"
            | "doesn't"
            | "didn't"
            | "won't"
            | "wouldn't"
            | "shouldn't"
            | "couldn't"
            | "can't"
            | "cannot"
            | "mustn't"
            | "ain't"
            | "needn't"
    )
}

pub fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "our"
            | "my"
            | "their"
            | "his"
            | "her"
            | "its"
            | "your"
            | "this"
            | "that"
            | "these"
            | "those"
            | "each"
            | "every"
            | "some"
            | "any"
            | "all"
            | "both"
            | "another"
            | "other"
            | "one"
            | "no"
            | "whole"
            | "entire"
    )
}

pub fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "at"
            | "of"
            | "for"
            | "with"
            | "to"
            | "from"
            | "by"
            | "into"
            | "onto"
            | "over"
            | "under"
            | "between"
            | "behind"
            | "across"
            | "through"
            | "about"
            | "around"
            | "per"
            | "via"
            | "within"
            | "without"
            | "against"
            | "toward"
            | "towards"
            | "off"
            | "out"
            | "up"
            | "down"
            | "like"
            | "than"
            | "as"
    )
}

/// Fillers and discourse markers skipped when looking for a clause's subject.
pub fn is_discourse(w: &str) -> bool {
    matches!(
        w,
        "and"
            | "but"
            | "or"
            | "so"
            | "then"
            | "also"
            | "plus"
            | "yet"
            | "um"
            | "uh"
            | "erm"
            | "er"
            | "uhm"
            | "hmm"
            | "ah"
            | "oh"
            | "like"
            | "yeah"
            | "yes"
            | "okay"
            | "ok"
            | "well"
            | "right"
            | "honestly"
            | "basically"
            | "actually"
            | "really"
            | "anyway"
            | "anyways"
            | "now"
            | "first"
            | "firstly"
            | "second"
            | "secondly"
            | "third"
            | "thirdly"
            | "finally"
            | "lastly"
            | "later"
            | "afterwards"
            | "afterward"
            | "eventually"
            | "overall"
            | "ultimately"
            | "together"
            | "again"
            | "still"
            | "meanwhile"
            | "sure"
            | "frankly"
            | "personally"
            | "luckily"
            | "unfortunately"
            | "fortunately"
            | "initially"
            | "originally"
            | "quickly"
            | "immediately"
            | "soon"
            | "next"
            | "instead"
            | "otherwise"
            | "obviously"
            | "clearly"
            | "naturally"
            | "pretty"
            | "just"
            | "truly"
            | "simply"
            | "probably"
            | "maybe"
            | "perhaps"
            | "definitely"
            | "certainly"
            | "always"
            | "usually"
            | "often"
            | "sometimes"
            | "generally"
            | "mostly"
            | "largely"
            | "already"
            | "even"
            | "only"
            | "both"
            | "either"
            | "directly"
            | "jointly"
            | "collectively"
            | "successfully"
            | "proactively"
            | "deliberately"
            | "literally"
    )
}

/// Adverbs and fillers that may sit inside a verb group ("I *then* wrote",
/// "we *pretty quickly* figured out", "I'm *a very* …").
pub fn is_verb_group_filler(w: &str) -> bool {
    is_discourse(w)
        && !matches!(
            w,
            "and" | "but" | "or" | "so" | "yet" | "plus" | "instead" | "otherwise"
        )
        || (w.len() > 4
            && w.ends_with("ly")
            && !matches!(
                w,
                "only"
                    | "early"
                    | "family"
                    | "apply"
                    | "reply"
                    | "supply"
                    | "daily"
                    | "weekly"
                    | "monthly"
                    | "fly"
                    | "rely"
            ))
        || matches!(
            w,
            "never" | "not" | "all" | "myself" | "ourselves" | "personally" | "there" | "here"
        )
}

/// Nouns that name people or groups of people (not "we").
pub fn is_people_noun(w: &str) -> bool {
    matches!(
        w,
        "team"
            | "teams"
            | "management"
            | "leadership"
            | "manager"
            | "managers"
            | "boss"
            | "director"
            | "lead"
            | "leads"
            | "pm"
            | "pms"
            | "product"
            | "marketing"
            | "sales"
            | "design"
            | "designer"
            | "designers"
            | "qa"
            | "ops"
            | "finance"
            | "legal"
            | "security"
            | "engineer"
            | "engineers"
            | "developer"
            | "developers"
            | "people"
            | "folks"
            | "guys"
            | "contractor"
            | "contractors"
            | "vendor"
            | "vendors"
            | "client"
            | "clients"
            | "customer"
            | "customers"
            | "user"
            | "users"
            | "interviewer"
            | "stakeholders"
            | "executives"
            | "execs"
            | "ceo"
            | "cto"
            | "vp"
            | "cfo"
            | "colleague"
            | "colleagues"
            | "teammate"
            | "teammates"
            | "someone"
            | "somebody"
            | "nobody"
            | "everyone"
            | "everybody"
            | "anyone"
            | "anybody"
            | "org"
            | "organisation"
            | "organization"
            | "company"
            | "department"
            | "squad"
            | "group"
            | "owner"
            | "owners"
            | "analyst"
            | "analysts"
            | "dba"
            | "dbas"
            | "sre"
            | "sres"
            | "architect"
            | "producers"
            | "producer"
            | "reviewer"
            | "reviewers"
            | "partner"
            | "partners"
            | "techs"
            | "technicians"
            | "operators"
            | "nurses"
            | "dispatchers"
            | "clerks"
            | "inspectors"
            | "growers"
            | "farmers"
            | "volunteers"
            | "intern"
            | "hire"
            | "support"
            | "staff"
            | "testers"
            | "tester"
            | "founder"
            | "founders"
            | "business"
            | "dev"
            | "devs"
            | "agent"
            | "agents"
            | "person"
            | "backend"
            | "frontend"
            // Organisations and the people who act for them: "the airport
            // authority", "the payment provider", "the procurement office".
            | "authority"
            | "authorities"
            | "office"
            | "provider"
            | "providers"
            | "supplier"
            | "suppliers"
            | "manufacturer"
            | "manufacturers"
            | "operator"
            | "council"
            | "ministry"
            | "agency"
            | "regulator"
            | "regulators"
            | "government"
            | "committee"
            | "board"
            | "bureau"
            | "insurer"
            | "carrier"
            | "landlord"
            | "integrator"
            | "consultancy"
            | "consultant"
            | "consultants"
            | "subcontractor"
            | "subcontractors"
            | "installer"
            | "auditor"
            | "auditors"
            | "planners"
            | "crew"
            | "shift"
            | "desk"
            | "headquarters"
            | "hq"
            | "corporate"
            | "procurement"
            | "hr"
            | "facilities"
            | "compliance"
            | "admin"
            | "admins"
            | "administrator"
            | "administrators"
            | "maintainer"
            | "maintainers"
            // People by what they do: who notices, decides or is left with it.
            | "supervisor"
            | "supervisors"
            | "drivers"
            | "pilots"
            | "crews"
            | "teachers"
            | "doctors"
            | "clinicians"
            | "residents"
            | "students"
            | "parents"
            | "players"
            | "riders"
            | "passengers"
            | "citizens"
            | "coordinators"
            | "controllers"
            | "surveyors"
            | "librarians"
            | "pharmacists"
            | "engineering"
    )
}

/// People the work serves: they suffer a failure, they do not cause it
/// ("because riders then miss the next one too").
pub fn is_served_people(w: &str) -> bool {
    matches!(
        w,
        "user"
            | "users"
            | "customer"
            | "customers"
            | "people"
            | "riders"
            | "passengers"
            | "residents"
            | "students"
            | "parents"
            | "citizens"
            | "players"
            | "patients"
    )
}

/// Proper nouns of technology: capitalised, but not people.
pub fn is_tech_name(w: &str) -> bool {
    matches!(
        w,
        "kafka"
            | "redis"
            | "postgres"
            | "postgresql"
            | "mysql"
            | "kubernetes"
            | "k8s"
            | "docker"
            | "cassandra"
            | "elasticsearch"
            | "airflow"
            | "temporal"
            | "flink"
            | "spark"
            | "aws"
            | "gcp"
            | "azure"
            | "sqs"
            | "sns"
            | "kinesis"
            | "rabbitmq"
            | "memcached"
            | "istio"
            | "linkerd"
            | "react"
            | "android"
            | "ios"
            | "safari"
            | "chrome"
            | "firefox"
            | "linux"
            | "java"
            | "go"
            | "rust"
            | "python"
            | "node"
            | "graphql"
            | "rest"
            | "grpc"
            | "sql"
            | "s3"
            | "dynamodb"
            | "mongodb"
            | "mongo"
            | "bigquery"
            | "snowflake"
            | "dbt"
            | "terraform"
            | "jenkins"
            | "github"
            | "gitlab"
            | "vault"
            | "prometheus"
            | "grafana"
            | "datadog"
            | "sentry"
            | "kibana"
            | "twilio"
            | "stripe"
            | "oracle"
            | "aurora"
            | "lambda"
            | "api"
            | "ci"
            | "cd"
            | "cdn"
            | "dns"
            | "tls"
            | "http"
            | "https"
            | "json"
            | "yaml"
            | "csv"
            | "ml"
            | "ai"
            | "ui"
            | "ux"
            | "mvp"
            | "sla"
            | "slo"
            | "p99"
            | "p95"
            | "p50"
            | "db"
            | "etl"
            | "okr"
            | "kpi"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "q1"
            | "q2"
            | "q3"
            | "q4"
            | "black"
            | "google"
            | "amazon"
            | "microsoft"
            | "meta"
            | "apple"
            | "slack"
            | "jira"
            | "zoom"
            | "excel"
            | "english"
            | "european"
            | "eu"
            | "us"
            | "uk"
            | "emea"
            | "apac"
            | "prod"
            | "staging"
            | "shadow"
            | "stage"
            | "phase"
            | "tier"
            | "version"
            | "step"
            | "situation"
            | "task"
            | "action"
            | "result"
    )
}

/// Verbs of saying: their complement clause is reported speech.
pub fn is_say_verb(base: &str) -> bool {
    matches!(
        base,
        "say"
            | "tell"
            | "mention"
            | "claim"
            | "argue"
            | "answer"
            | "reply"
            | "respond"
            | "note"
            | "admit"
            | "insist"
            | "complain"
            | "ask"
            | "write"
            | "call"
            | "describe"
            | "state"
            | "put"
    )
}

/// Verbs that report a state of mind, possession or perception, not work done.
pub fn is_non_claim_verb(base: &str) -> bool {
    matches!(
        base,
        "be" | "have"
            | "need"
            | "want"
            | "like"
            | "love"
            | "hope"
            | "wish"
            | "think"
            | "believe"
            | "know"
            | "feel"
            | "seem"
            | "sound"
            | "appear"
            | "happen"
            | "learn"
            | "realise"
            | "realize"
            | "notice"
            | "understand"
            | "expect"
            | "assume"
            | "guess"
            | "wonder"
            | "remember"
            | "forget"
            | "prefer"
            | "enjoy"
            | "hate"
            | "fear"
            | "worry"
            | "mean"
            | "see"
            | "hear"
            | "say"
            | "tell"
            | "talk"
            | "discuss"
            | "struggle"
            | "agree"
            | "intend"
            | "suppose"
            | "trust"
            | "care"
            | "stay"
            | "remain"
            | "wait"
            | "can"
            | "let"
            | "try"
            | "mind"
            | "bother"
            | "consider"
            | "become"
            | "seem to"
            | "tend"
            | "start"
            | "begin"
    )
}

/// Spelled-out numbers and multipliers.
pub fn is_number_word(w: &str) -> bool {
    matches!(
        w,
        "zero"
            | "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "thirteen"
            | "fourteen"
            | "fifteen"
            | "sixteen"
            | "seventeen"
            | "eighteen"
            | "nineteen"
            | "twenty"
            | "thirty"
            | "forty"
            | "fifty"
            | "sixty"
            | "seventy"
            | "eighty"
            | "ninety"
            | "hundred"
            | "hundreds"
            | "thousand"
            | "thousands"
            | "million"
            | "millions"
            | "billion"
            | "billions"
            | "dozen"
            | "dozens"
            | "half"
            | "halved"
            | "halving"
            | "twice"
            | "doubled"
            | "tripled"
            | "quadrupled"
            | "tenfold"
            | "ten-fold"
            | "percent"
            | "%"
            | "third"
            | "quarter"
            | "thirds"
            | "quarters"
            | "twofold"
            | "threefold"
            | "fivefold"
            | "hundredfold"
            | "nine-fold"
            | "twenty-four"
            | "forty-five"
            | "ninety-nine"
            | "thirty-two"
    )
}

/// Units of time, size, rate and money that make a number a measure.
pub fn is_unit(w: &str) -> bool {
    matches!(
        w,
        "ms" | "millisecond"
            | "milliseconds"
            | "s"
            | "sec"
            | "secs"
            | "second"
            | "seconds"
            | "minute"
            | "minutes"
            | "min"
            | "mins"
            | "hour"
            | "hours"
            | "hr"
            | "hrs"
            | "day"
            | "days"
            | "week"
            | "weeks"
            | "month"
            | "months"
            | "year"
            | "years"
            | "kb"
            | "mb"
            | "gb"
            | "tb"
            | "pb"
            | "rps"
            | "qps"
            | "tps"
            | "percent"
            | "points"
            | "point"
            | "$"
            | "€"
            | "£"
            | "k"
            | "x"
            | "fps"
            | "users"
            | "requests"
            | "errors"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verb_table_knows_forms() {
        assert_eq!(verb_base("shipped"), Some("ship"));
        assert_eq!(verb_base("wrote"), Some("write"));
        assert_eq!(verb_base("profiled"), Some("profile"));
        assert_eq!(verb_base("used"), Some("use"));
        assert_eq!(verb_base("improvement"), None);
        assert_eq!(base_or_stripped("foobarred"), "foobarr");
    }

    #[test]
    fn past_forms() {
        for w in [
            "shipped",
            "wrote",
            "built",
            "led",
            "migrated",
            "cut",
            "made",
            "unheardofed",
        ] {
            assert!(is_past_form(w), "{w}");
        }
        for w in [
            "ship", "need", "speed", "red", "hundred", "build", "is", "write",
        ] {
            assert!(!is_past_form(w), "{w}");
        }
    }
}
