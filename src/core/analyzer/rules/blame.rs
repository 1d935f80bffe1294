//! `blame`: a failure attributed to others or to circumstances (leadership,
//! management, product, requirements, another team, legacy code, the
//! deadline) with no first-person agency nearby.
//!
//! Why an interviewer cares: every project has a late design team and a
//! moving deadline. What they are sampling is what *you* did about it. A story
//! where things happened to you reads as low ownership, and it is the
//! failure interviewers remember.
//!
//! Better shape: name the circumstance in a clause, then your part: "The
//! priority shift mattered, but my miss was not re-planning the scope that
//! week; now I re-cut the plan the day priorities move."
//!
//! Shape: another party (or a circumstance) and a failure word in the same
//! sentence, without "I" + an action or an admission ("my miss", "I had
//! not") within two sentences either side, and not framed as a hypothesis
//! ("if", "might", a question) during an investigation.

use super::{RuleInfo, ShapeRule};
use crate::core::analyzer::lexicon::Phrases;
use crate::core::analyzer::shape::{Scope, Shape, Term, Unless};
use crate::core::analyzer::words::AGENCY;
use crate::core::analyzer::Severity;

pub const INFO: RuleInfo = RuleInfo {
    id: "blame",
    title: "Blame",
    description: "A failure put on others or circumstances (management, another team, legacy code, the deadline) with no first-person agency nearby.",
    example_fix: "Design was late too, but I had not asked for the mocks until the sprint started; now I ask a sprint ahead.",
};

/// Other parties and circumstances.
pub static OTHERS: Phrases = Phrases {
    name: "other-parties",
    items: &[
        "leadership", "management", "upper management", "senior management", "execs",
        "executives", "the ceo", "the cto", "the vp", "higher-ups",
        "{my|our|the} {manager|boss|director|lead|tech lead|pm|product manager|product owner|architect|em}",
        "{the |}{design|ux|qa|ops|infra|infrastructure|platform|security|legal|sales|marketing|finance|data|backend|frontend|mobile|sre|devops|dba|database|partner|vendor|client|api|payments|payment|billing|checkout|search|identity|auth|growth|core|web|ios|android|other|product|release|compliance|networking|analytics|ml} {team|team's|teams|folks|people|guys|org}",
        "{their|his|her} {deploy|deployment|change|changes|release|config|configuration|code|migration|service|api|sdk|pr|push|patch|schema|script|update|team}",
        "{another|a different|the other|other|some other|an external|a partner|an upstream|the upstream} {team|teams|group|department|org}",
        "{product|sales|marketing|design|legal|security|finance|ops|infra} {kept|changed|never|didn't|pushed|decided|wanted|asked|insisted|refused|dropped|added|forced|was|were|overpromised|promised|sold|committed|signed|missed|blocked|delayed}",
        "^ design {was|were|didn't|never|kept|changed|missed}",
        "designers", "the designers", "qa", "testers", "the testers", "ops", "the ops folks",
        "{the |unclear |changing |vague |shifting |}requirements", "the spec", "the specs",
        "scope creep", "legacy code", "the legacy code", "legacy system", "the legacy system",
        "the old system", "the old code", "tech debt", "technical debt", "the codebase",
        "the monolith", "the deadline", "deadlines", "the timeline", "the schedule",
        "the client", "the customer", "stakeholders", "the stakeholders", "the business",
        "the vendor", "the provider", "the third party", "contractors", "the contractor",
        "the contractors", "the previous team", "the previous owner", "the previous engineer",
        "whoever wrote", "the intern", "the junior", "the new hire", "someone else",
        "somebody else", "nobody", "no one", "the reorg", "a reorg", "the priority shift",
        "shifting priorities", "changing priorities", "bad luck", "circumstances",
        "the budget", "budget cuts", "headcount", "politics", "the org",
        "legacy", "the interviewer", "the interviewers", "the question", "the prompt",
        "!{to|for|with|update|told|tell|inform|informed|updated|asked|notify|notified} {the |}{stakeholders|client|customer|business|leadership|management|interviewer}",
        "{the vendor's|the provider's|the client's|the customer's|the contractor's|the other team's|another team's|management's|leadership's|product's|design's|qa's|my manager's|our manager's|the manager's}",
    ],
};

/// Failure words.
pub static FAILURES: Phrases = Phrases {
    name: "failure-words",
    items: &[
        "late",
        "slipped",
        "slip",
        "delayed",
        "delay",
        "delays",
        "failed",
        "fail",
        "fails",
        "failing",
        "broke",
        "broken",
        "blocked",
        "blocking",
        "never",
        "didn't",
        "did not",
        "wouldn't",
        "couldn't",
        "refused",
        "ignored",
        "missed",
        "forgot",
        "kept changing",
        "kept moving",
        "kept adding",
        "kept pushing",
        "went badly",
        "kept {interrupting|ignoring|blocking|cancelling|canceling|overriding|delaying|breaking}",
        "changed",
        "changing",
        "moving the goalposts",
        "moved the goalposts",
        "unclear",
        "vague",
        "wrong",
        "fault",
        "to blame",
        "mess",
        "messy",
        "impossible",
        "too tight",
        "unrealistic",
        "rushed",
        "forced",
        "made us",
        "made it impossible",
        "slow",
        "slowed",
        "held us up",
        "held up",
        "dropped the ball",
        "no support",
        "bad",
        "poor",
        "terrible",
        "awful",
        "incompetent",
        "killed",
        "derailed",
        "sank",
        "sunk",
        "hurt",
        "ruined",
        "messed up",
        "screwed up",
        "overruled",
        "caused",
        "disaster",
        "chaos",
        "nightmare",
        "useless",
        "buggy",
        "flaky",
        "nothing anyone could do",
        "nothing we could do",
        "nothing i could do",
        "out of our hands",
        "out of my hands",
        "out of our control",
        "out of my control",
        "beyond our control",
        "beyond my control",
        "not my fault",
        "wasn't my fault",
        "kept us from",
        "stopped us",
        "pulled the plug",
        "cancelled",
        "canceled",
        "shipped broken",
        "overpromised",
        "over-promised",
        "{fell|falling|falls} {apart|through|over|behind}",
        "{blew|blown} up",
        "went sideways",
        "collapsed",
        "suffered",
        "{was|were|is|'s|it's|that's|fell|left it|landed} on them",
        "their {mess|fault|problem|bug|screw-up|screwup|mistake|miss}",
        "{bugs|issues|problems|incidents|outages|errors|failures|regressions|delays} {all |mostly |}{came from|come from|stemmed from|were caused by|was caused by|traced back to|were down to|was down to}",
        "took {it|us|prod|production|the site|everything|checkout|bookings} down",
        "{pushed|shipped|deployed|merged|made} a {bad|broken|faulty|buggy}",
        "!{not|wasn't|isn't} {slow|bad|wrong|late}",
    ],
};

/// Hypotheses during an investigation ("the provider may have failed?").
pub static HYPOTHESES: Phrases = Phrases {
    name: "hypotheses",
    items: &[
        "if",
        "whether",
        "might",
        "may",
        "maybe",
        "could be",
        "possibly",
        "perhaps",
        "suspect",
        "check",
        "?",
        "hypothesis",
        "assume",
        "assuming",
        "rule out",
        "in case",
    ],
};

/// Circumstance blame that needs no other party.
pub static HELPLESS: Phrases = Phrases {
    name: "helplessness",
    items: &[
        "nothing {anyone|we|i} could {do|have done}",
        "{out of|beyond|outside} {our|my} {hands|control}",
        "{not|wasn't|isn't} {my|our} fault",
        "{our|my} hands were tied",
    ],
};

static TRIGGER: [Term; 1] = [Term::Any(&OTHERS)];
static WITH: [Term; 1] = [Term::Any(&FAILURES)];
static TRIGGER_HELPLESS: [Term; 1] = [Term::Any(&HELPLESS)];

static UNLESS: [Unless; 3] = [
    Unless {
        term: AGENCY[0],
        scope: Scope::Around(2),
    },
    Unless {
        term: AGENCY[1],
        scope: Scope::Around(2),
    },
    Unless {
        term: Term::Any(&HYPOTHESES),
        scope: Scope::Sentence,
    },
];

static UNLESS_HELPLESS: [Unless; 2] = [
    Unless {
        term: AGENCY[0],
        scope: Scope::Around(2),
    },
    Unless {
        term: AGENCY[1],
        scope: Scope::Around(2),
    },
];

const SUGGESTION: &str =
    "Name the circumstance briefly, then your part: \"…, but my miss was …; now I …\".";

pub static RULE: ShapeRule = ShapeRule {
    info: INFO,
    severity: Severity::Warning,
    shapes: &[
        Shape {
            trigger: &TRIGGER,
            with: &WITH,
            unless: &UNLESS,
            min_count: 1,
            message: "Puts the failure on \"{}\" with no word about your own part",
            suggestion: SUGGESTION,
        },
        Shape {
            trigger: &TRIGGER_HELPLESS,
            with: &[],
            unless: &UNLESS_HELPLESS,
            min_count: 1,
            message: "\"{}\" puts the outcome outside your control",
            suggestion: SUGGESTION,
        },
    ],
};

#[cfg(test)]
mod tests {
    use super::super::testing::check_table;

    #[test]
    fn table() {
        check_table(
            "blame",
            &[
                "The launch slipped because the platform team was late with the API.",
                "Management kept changing priorities every sprint.",
                "The requirements were unclear, so the feature failed.",
                "Legacy code made every change slow.",
                "The deadline was unrealistic from day one.",
                "Product never told us about the enterprise customers.",
                "The other team broke our integration twice.",
                "QA missed the regression.",
                "The vendor's SDK was buggy and the release slipped.",
                "My manager overruled the design and it failed in production.",
                "It was out of my hands.",
                "Honestly it wasn't my fault; the spec changed at the last minute.",
                "Scope creep killed the project.",
                "Leadership pulled the plug before we could prove it.",
                "Nobody told me the schema changed.",
                "The old system was a mess and nothing anyone could do would fix it in time.",
                "The billing team's release broke invoices, so it was on them to clean it up.",
                "Their schema change took checkout down for an afternoon.",
                "Most of the incidents came from the legacy scheduler.",
                "The search folks pushed a bad index mapping and it was their mess.",
                "Marketing overpromised the launch date and the whole thing fell apart.",
            ],
            &[
                "The platform team was late, so I built a stub of their API and kept us moving.",
                "Design was late too, but I had not asked for the mocks early; now I ask a sprint ahead.",
                "The priority shift mattered, but my miss was not re-planning that week.",
                "Management approved the plan in one meeting.",
                "The deadline was the end of the quarter.",
                "I missed the edge case with empty carts.",
                "If the provider is failing, I'd switch traffic to the backup.",
                "Which dependency changed in the last hour?",
                "The legacy code had no tests, so I wrote characterization tests first.",
                "My manager helped me get time for the rewrite.",
                "The requirements were clear and written down.",
                "Our QA team caught the bug before release.",
                "The design team owned the copy and the illustrations.",
                "The release slipped two weeks, which was my call: I held it for the data migration.",
                "I'd check whether the payments team deployed a change.",
                "The client was late paying, and I set up reminders that cut late invoices.",
                "The billing team's release broke invoices; I had not added a contract test, so I wrote one that week.",
                "Their API was down, so I switched bookings to the backup provider within ten minutes.",
                "The platform team's dashboards have alerts on them for every queue.",
                "The search team's index mapping was their call, and it worked well.",
                "Sales signed the deal in March and I scoped the integration with them.",
            ],
        );
    }
}
