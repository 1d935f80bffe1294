//! `skipped-validation`: tests or validation skipped or waved away ("didn't
//! have time for tests", "too simple to test", "tests can come later") with
//! no named mitigation in that sentence or the next.
//!
//! Why an interviewer cares: skipping a test can be the right call, but only
//! as a visible trade-off. Waving testing away tells them you will ship the
//! next incident too; naming the risk and what covered it shows judgment.
//!
//! Better shape: the skip, the risk you accepted, and what covered it: "I
//! skipped end-to-end tests for the admin page, accepting that risk because it
//! had four internal users, and covered the permission check with unit tests."

use super::{RuleInfo, ShapeRule};
use crate::core::analyzer::lexicon::Phrases;
use crate::core::analyzer::shape::{Next, Scope, Shape, Term, Unless};
use crate::core::analyzer::Severity;

pub const INFO: RuleInfo = RuleInfo {
    id: "skipped-validation",
    title: "Skipped validation",
    description: "Tests or validation skipped or waved away (\"no time for tests\", \"tests can come later\") with no named risk or mitigation.",
    example_fix: "I skipped end-to-end tests for the admin page, accepting the risk because it had four internal users, and covered the permission check with unit tests.",
};

/// Waving validation away: whole phrases.
pub static SKIPS: Phrases = Phrases {
    name: "skipped-validation",
    items: &[
        "{didn't|did not|never} {test|write tests|write any tests|add tests|add any tests|bother testing|bother with tests|bother to test|get around to testing|get around to tests|got around to testing|got around to tests|tested it|validate|verify}",
        "{too simple|too small|too trivial|too obvious|so simple|too basic|too easy} to {test|need tests|need a test|be worth testing|bother testing|break}",
        "{doesn't|didn't|don't|does not|did not|do not|won't|wouldn't} need {tests|testing|a test|any tests|validation|a review}",
        "{not worth testing|not worth a test|not worth the tests|not worth writing tests|no need for tests|no need to test|tests weren't needed|tests were not needed|testing wasn't needed}",
        "{add|write|do|adding|writing|doing} {the |some |}{tests|testing} {later|afterwards|after launch|eventually|next sprint|some other time}",
        "{test|tested|testing|validate} {it |}in {prod|production}",
        "{the |our |}{users|customers} will {test|find|catch|report} {it|bugs|them|the bugs|any bugs}",
        "qa will catch",
        "{works|worked|it works} on my machine",
        "eyeballed it",
        "untested",
        "tests {would slow|slow|slowed} {us|me} down",
        "{no|not much|little|no real} {need|point} {to test|in testing|for tests|for testing|to write tests|to add tests|for a test|to validate|to verify|for validation}",
        "{never|nobody|no one|nobody ever|no one ever|never really|never actually|never even} {tested|validated|verified|load-tested|load tested|reviewed}",
        "{wasn't|weren't|was not|were not|hadn't been|had not been|haven't been|hasn't been|never got|never been|went out} {tested|validated|load-tested|load tested|untested}",
    ],
};

/// Tests or validation as the subject of a verdict ("testing was …",
/// "tests weren't …"); the verdict lists below complete it.
pub static TEST_VERDICT: Phrases = Phrases {
    name: "test-verdict",
    items: &[
        "{testing|tests|a test|any tests|unit tests|integration tests|test coverage|validation|qa|a review|code review} {is|are|was|were|felt|seemed|felt like|seemed like|looked like}",
    ],
};

/// Verdicts that wave validation away after [`TEST_VERDICT`].
pub static DISMISSED: Phrases = Phrases {
    name: "dismissed",
    items: &[
        "{overkill|a waste of time|unnecessary|optional|a luxury|not a priority|an afterthought|an after-thought|a nice-to-have|nice to have|a formality|skipped|not needed|not necessary|not required|not worth it|not worth the time|not worth the effort|not important}",
    ],
};

/// The same subjects with a negated copula ("testing wasn't …").
pub static TEST_VERDICT_NOT: Phrases = Phrases {
    name: "test-verdict-not",
    items: &[
        "{testing|tests|a test|any tests|unit tests|integration tests|validation|qa|a review|code review} {isn't|aren't|wasn't|weren't}",
    ],
};

/// What validation was said not to be ("wasn't *really* needed").
pub static NEEDED: Phrases = Phrases {
    name: "needed",
    items: &[
        "{needed|necessary|required|worth it|worth the time|worth the effort|a priority|important}",
    ],
};

/// Verbs of skipping; they fire when a test word follows within a few words.
pub static SKIP_VERBS: Phrases = Phrases {
    name: "skip-verbs",
    items: &[
        "{skipped|skip|skipping|dropped|ditched|left out|punted on|deferred|postponed|cut|skimped on}",
        "!{didn't|did not|never|don't|do not|wouldn't|would not|won't|will not|not|can't|cannot|shouldn't|rather not} {skip|skipped|cut|drop|dropped|skimp on|defer|postpone}",
        "{didn't|did not|don't|do not|never|wouldn't|won't} {have|get|got} {time|the time|enough time|a chance|the chance|bandwidth|the bandwidth}",
        "{no|not enough|zero} time",
        "{didn't|did not|never|don't|do not|won't|wouldn't} bother {with|writing|adding|running|to write|to add|to run|doing|}",
    ],
};

/// "without tests"; a separate shape so "I never ship without tests" can excuse it.
pub static WITHOUT: Phrases = Phrases {
    name: "without",
    items: &["without"],
};

/// "I never ship without tests": a rule kept, not a test skipped.
pub static NEVER_WITHOUT: Phrases = Phrases {
    name: "never-without",
    items: &[
        "{never|wouldn't|won't|don't|do not|didn't|did not|would never|not} {ship|merge|deploy|release|push|go live|change|touch|land}",
    ],
};

/// Named risks and mitigations.
pub static MITIGATIONS: Phrases = Phrases {
    name: "validation-mitigations",
    items: &[
        "covered",
        "cover",
        "covers",
        "covering",
        "coverage from",
        "mitigate",
        "mitigated",
        "mitigation",
        "mitigations",
        "feature flag",
        "feature-flag",
        "flag",
        "flagged",
        "canary",
        "canaried",
        "staged rollout",
        "gradual rollout",
        "percentage rollout",
        "rollback",
        "roll back",
        "rolled back",
        "kill switch",
        "monitor",
        "monitored",
        "monitoring",
        "alert",
        "alerts",
        "alerting",
        "dashboard",
        "dashboards",
        "{manually|by hand} {tested|verified|checked|tested it|verified it|checked it}",
        "{manual|smoke|contract|property|snapshot} {test|tests|testing|check|checks}",
        "tested {it |}{manually|by hand}",
        "verified",
        "dry run",
        "dry-run",
        "shadow",
        "shadowed",
        "relied on",
        "instead",
        "compensate",
        "compensated",
        "accept {the|that|this} risk",
        "accepted {the|that|this} risk",
        "accepting {the|that|this} risk",
        "the risk was",
        "risk i accepted",
        "risk we accepted",
        "reviewed",
        "pair-reviewed",
        "paired",
        "spot-checked",
        "spot checked",
        "backup",
        "backups",
        "read-only",
        "internal users only",
        "behind a flag",
        "typed",
        "type system",
        "the compiler",
        "assert",
        "assertions",
    ],
};

/// Putting something off ("can come later"); fires only next to a test word.
pub static DEFERRALS: Phrases = Phrases {
    name: "deferrals",
    items: &[
        "{can|could|will|would|should|'ll|had to|has to|have to|must} {come|wait|happen|be added|be written|be done|follow} {later|afterwards|after launch|after the launch|after release|next sprint|next quarter|eventually|some other time}",
        "{later|after launch|next sprint|some other time|eventually}, if {there's|there is|we have|i have} time",
        "{can|could|will|would|should|had to|has to|have to} wait",
        "wait until {after launch|after the launch|after release|later|next sprint|the next sprint|v2|the next release}",
        "if {there's|there is|we have|i have} time {left|later|}",
        "{add|write|do|adding|writing|doing} {them|it|those|these} {later|afterwards|after launch|eventually|next sprint}",
    ],
};

/// Words naming tests or validation.
pub static TEST_WORDS: Phrases = Phrases {
    name: "test-words",
    items: &[
        "test", "tests", "testing", "test coverage", "test suite", "test plan", "test cases",
        "{unit|integration|end-to-end|e2e|automated|regression|load|acceptance|smoke} {test|tests|testing}",
        "validation", "verification", "qa", "edge cases", "code review", "review", "reviews",
        "{integration|regression|e2e|end-to-end|unit|smoke|load|acceptance|ui} suite",
    ],
};

static TRIGGER: [Term; 4] = [
    Term::Any(&SKIPS),
    Term::Then(&SKIP_VERBS, Next::Near(&TEST_WORDS, 4)),
    Term::Then(&TEST_VERDICT, Next::List(&DISMISSED)),
    Term::Then(&TEST_VERDICT_NOT, Next::List(&NEEDED)),
];
static TRIGGER_WITHOUT: [Term; 1] = [Term::Then(&WITHOUT, Next::Near(&TEST_WORDS, 2))];
static TRIGGER_DEFERRAL: [Term; 1] = [Term::Any(&DEFERRALS)];
static WITH_TEST: [Term; 1] = [Term::Any(&TEST_WORDS)];

/// Adding validation afterwards ("so I wrote a fault-injection test").
pub static TEST_ACTIONS: Phrases = Phrases {
    name: "test-actions",
    items: &[
        "{wrote|added|ran|built|introduced|backfilled|set up|put in|reran}",
        "!{never|not|nobody|no one} {wrote|added|ran|built|introduced|backfilled|set up|put in|reran}",
    ],
};

static ADDED_TESTS: Term = Term::Then(&TEST_ACTIONS, Next::Near(&TEST_WORDS, 3));

static UNLESS: [Unless; 2] = [
    Unless {
        term: Term::Any(&MITIGATIONS),
        scope: Scope::NextSentence,
    },
    Unless {
        term: ADDED_TESTS,
        scope: Scope::NextSentence,
    },
];

static UNLESS_WITHOUT: [Unless; 3] = [
    Unless {
        term: Term::Any(&MITIGATIONS),
        scope: Scope::NextSentence,
    },
    Unless {
        term: ADDED_TESTS,
        scope: Scope::NextSentence,
    },
    Unless {
        term: Term::Any(&NEVER_WITHOUT),
        scope: Scope::Sentence,
    },
];

const SUGGESTION: &str = "If you skipped it, say the risk you accepted and what covered it: \"…, accepting that risk because …, and I covered … with …\".";

pub static RULE: ShapeRule = ShapeRule {
    info: INFO,
    severity: Severity::Warning,
    shapes: &[
        Shape {
            trigger: &TRIGGER,
            with: &[],
            unless: &UNLESS,
            min_count: 1,
            message: "\"{}\" waves validation away without naming the risk or what covered it",
            suggestion: SUGGESTION,
        },
        Shape {
            trigger: &TRIGGER_WITHOUT,
            with: &[],
            unless: &UNLESS_WITHOUT,
            min_count: 1,
            message: "\"{}\": shipped without validation and no named risk or mitigation",
            suggestion: SUGGESTION,
        },
        Shape {
            trigger: &TRIGGER_DEFERRAL,
            with: &WITH_TEST,
            unless: &UNLESS,
            min_count: 1,
            message: "Testing put off (\"{}\") without naming the risk or what covers it meanwhile",
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
            "skipped-validation",
            &[
                "I didn't have time for tests, so I shipped it.",
                "It was too simple to test.",
                "Tests can come later.",
                "We skipped the integration tests to hit the date.",
                "There was no time for testing that sprint.",
                "Honestly, I didn't write any tests for the importer.",
                "We'll add the tests later.",
                "That function doesn't need tests.",
                "We tested it in production.",
                "The users will find the bugs anyway.",
                "I merged it without review because everyone was out.",
                "The retry path was untested when we launched.",
                "Unit tests felt like overkill for a script.",
                "I cut testing to make the deadline.",
                "It works on my machine, so I moved on.",
                "We never got around to testing the migration.",
                "Testing wasn't necessary since the change was tiny.",
                "No one ever load-tested the new endpoint.",
                "I didn't bother running the regression suite before the release.",
                "There was no point in testing a config tweak.",
                "The retry logic was never tested before launch.",
                "Unit tests were an afterthought while the launch was being chased.",
            ],
            &[
                "I skipped end-to-end tests for the admin page, accepting that risk because it had four internal users, and I covered the permission check with unit tests.",
                "I didn't skip the tests even when the deadline moved.",
                "I wrote the tests before the fix.",
                "I skipped the load test. The change was behind a feature flag at 1% with an alert on error rate.",
                "I'd never ship without tests on the payment path.",
                "The test suite takes 40 minutes, so I split it into shards.",
                "We didn't have time for a full regression run, so I manually verified the three checkout paths.",
                "Tests caught the bug before it reached staging.",
                "How would you test this?",
                "I added property tests for the parser.",
                "Skipping the cache on writes kept it consistent.",
                "I skipped the meeting to finish the rollback plan.",
                "We deferred the review until the canary had run for an hour.",
                "Testing the retry path took most of a day.",
                "I wouldn't skip validation on user input.",
                "We ran the migration as a dry run first.",
                "Testing wasn't needed for the copy change because the snapshot tests covered the page.",
                "The retry path had never been tested, so I wrote a fault-injection test before touching it.",
                "I never skip the regression suite before a release.",
            ],
        );
    }
}
