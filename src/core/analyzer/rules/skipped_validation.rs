//! `skipped-validation`: tests or validation skipped or waved away, with no
//! named mitigation.
//!
//! Why an interviewer cares: "correctness and testing" is scored on its own.
//! Skipping a test can be a fine call, but only when the risk is named and
//! something else covers it; waving testing away ("QA will catch it", "we'll
//! test in production", "too simple to test") shows the habit they are
//! screening out.
//!
//! What counts: a test, a load test, validation or a staged rollout that is
//! skipped, not done, or pushed to later or to someone else ("no time for
//! tests", "testing I'd skip", "tests can come later", "QA will catch it",
//! "we'll basically test in production", "a staged rollout feels like
//! overkill", "more trouble than they're worth"), or a team's "we didn't
//! write tests". What answers it: a mitigation in the same or the next
//! sentence ("…, so I had a second engineer check its output", "; instead I
//! diffed the rendered output"). Not flagged: the speaker admitting a miss in
//! reflection ("I hadn't tested the mapping against real records" in a
//! postmortem), a test being added, mentions.
//!
//! Better shape: "I skipped unit tests for the one-off script; instead I
//! diffed its output against the old job on a week of real data."

use super::{clip, Raw, Rule, RuleId, RuleInfo};
use crate::core::analyzer::clause::{Actor, Clause, Mood};
use crate::core::analyzer::context::Ctx;
use crate::core::analyzer::lexicon::Phrases;
use crate::core::analyzer::text::Kind;
use crate::core::analyzer::Severity;

pub const INFO: RuleInfo = RuleInfo {
    id: "skipped-validation",
    title: "Skipped validation",
    description: "Tests or validation skipped or waved away (\"no time for tests\", \"QA will catch it\") with no named mitigation.",
    example_fix: "I skipped unit tests for the one-off script; instead I diffed its output against the old job on a week of real data.",
    severity: Severity::Warning,
};

/// What validation is.
pub static VALIDATION: Phrases = Phrases {
    name: "validation-words",
    items: &[
        "~test",
        "testing",
        "tests",
        "unit tests",
        "load test",
        "load-test",
        "load testing",
        "end-to-end tests",
        "e2e tests",
        "integration tests",
        "test plan",
        "validation",
        "~validate",
        "~verify",
        "verification",
        "qa",
        "soak test",
        "battery test",
        "staged rollout",
        "canary",
        "~check",
        "!~test {accounts|account|data|environment|users|user}",
        "!test accounts",
    ],
};

/// Waving validation away, wherever it is said.
pub static WAVED_AWAY: Phrases = Phrases {
    name: "waved-away",
    items: &[
        "{no|wasn't|was no|there wasn't|there was no|didn't have|didn't really have|not enough|never had|won't have} time {for|to}",
        "wasn't time", "there wasn't time", "no time to",
        "too {simple|small|trivial|straightforward} to {test|need tests|bother}",
        "{test|testing|tested|check|checking} {it |things |}{directly |basically |}in production",
        "{test|testing} it in production", "test in prod", "in production with the beta users",
        "{qa|qa team|the qa team|testers} {will|would|'ll|should|can|is going to} catch",
        "{was|were} supposed to catch", "the vendor already tested",
        "{can|will|could|we can|we'll} {come|do|do it|happen|wait} {later|after release|after the release|after launch}",
        "{later|after release} {we can|we'll}",
        "{wouldn't|won't|didn't|don't} bother", "more trouble than {they're|it's|they are} worth",
        "{feels|seems|is|would be} {like |}overkill", "usually gets cut", "gets cut",
        "only find out {about that |}on the night", "ship and watch", "straight to production",
        "{wouldn't|won't|didn't|don't|wouldn't really} spend {a lot of |much |any |}time on",
        "leave to the integration environment", "{mostly |}leave to", "doesn't add much",
        "i'd skip", "we'd skip", "i would skip", "i'll skip", "we'll skip", "we can skip",
        "{~skip} the {load test|tests|testing|validation|test}", "{was|were|got} skipped",
        "{tests|testing|validation} {we|i} {did not|didn't|skipped|would skip|'d skip|can do}",
        "{so|because} {i|we} did not write test", "did not write test", "didn't write {much|many|any} {tests|in the way of tests}",
        "didn't write much in the way", "you can't test everything",
        "{the|a} {region |field }{rollout|trial} {was|is|will} {the test|show}",
        "without {any |much |proper |}{testing|tests|a test|validation|verification}",
        "{tests|testing|test} {later|after launch|after release}", "if there is time", "if there's time",
        "when we have time", "{could|can} wait until after", "{tests|testing} {could|can} wait",
        "{rather than|instead of} {spending time on|writing|doing|bothering with} {tests|testing|unit tests|a test plan}",
        "{no|without|skipped|skip|skipping} {qa|code review|review|staging|a staging run}", "{pushed|deployed|shipped|went} {it |}{directly|straight} to {prod|production|main|master|live}",
        "{we'll|we will|i'll|we can} fix it {later|in prod|in production|if it breaks}", "if it breaks {we'll|we can|i'll}",
        "{test|tested|testing} {it |}live", "no need to test", "{don't|didn't|doesn't} need {tests|testing|a test}", "not worth testing",
        "tests slow us down", "testing takes too long", "works on my machine", "manual testing {was|is} enough", "{we'll|we will} see in production",
    ],
};

/// A mitigation that covers a skipped test.
pub static MITIGATION: Phrases = Phrases {
    name: "validation-mitigation",
    items: &[
        "instead",
        "so i had",
        "a second engineer",
        "by hand",
        "~diff",
        "~compare",
        "~verify",
        "is the real test",
        "what gives confidence",
        "~cover",
        "shadow",
        "ran every",
        "side by side",
        "dry-run",
        "dry run",
        "checked its output",
        "against the old",
        "against a real",
        "which targeted",
        "covered by",
        "spot-check",
        "spot check",
    ],
};

pub struct SkippedValidation;

impl Rule for SkippedValidation {
    fn id(&self) -> RuleId {
        RuleId::SkippedValidation
    }

    fn lists(&self, out: &mut Vec<&'static Phrases>) {
        out.extend([&VALIDATION, &WAVED_AWAY, &MITIGATION]);
    }

    fn check(&self, cx: &Ctx, out: &mut Vec<Raw>) {
        let doc = cx.doc;
        for (s, sentence) in doc.sentences.iter().enumerate() {
            if sentence.is_structure() || cx.facts[s].mention {
                continue;
            }
            for c in cx.clauses.of(s) {
                if c.mention || c.mood == Mood::Question || c.mood == Mood::Counterfactual {
                    continue;
                }
                let Some((first, last)) = skipped(cx, c) else {
                    continue;
                };
                if mitigated(cx, s, c.last) {
                    continue;
                }
                let seen = cx.slice(first, last);
                out.push(Raw {
                    first,
                    last,
                    message: format!("\"{}\" waves validation away without saying what covers the risk", clip(seen, 48)),
                    suggestion: "Name the risk and what covered it: \"no unit tests for the script; I diffed its output against the old job on a week of data\".".to_string(),
                });
            }
        }
    }
}

/// The span of a skipped or waved-away validation in `c`, if any.
fn skipped(cx: &Ctx, c: &Clause) -> Option<(usize, usize)> {
    let doc = cx.doc;
    let s = c.sentence;
    let in_clause = |list: &Phrases| -> Option<(usize, usize)> {
        cx.hits_in(list, s)
            .iter()
            .find(|h| {
                (c.first..c.last).contains(&(h.first as usize))
                    && !doc.tokens[h.first as usize].quoted
            })
            .map(|h| (h.first as usize, h.last as usize))
    };
    let validation_here = in_clause(&VALIDATION).is_some() || validation_near(cx, c);
    if let Some((a, b)) = in_clause(&WAVED_AWAY) {
        let phrase = cx.slice(a, b).to_ascii_lowercase();
        let strong = phrase.contains("production")
            || phrase.contains("on the night")
            || doc.norm_of(a) == "qa";
        // "…, but realistically that usually gets cut": the test is named earlier in the sentence.
        let anaphor =
            c.subject.1 > c.subject.0 && matches!(doc.norm_of(c.subject.0), "that" | "it" | "this");
        let named_before = anaphor
            && cx
                .hits_in(&VALIDATION, s)
                .iter()
                .any(|h| (h.first as usize) < a);
        if validation_here || strong || named_before {
            return Some(span(cx, c, a, b));
        }
    }
    // "I skipped tests since it was only a prototype": skipping named outright.
    if c.verb_base == "skip"
        && c.mood.is_fact()
        && validation_here
        && matches!(c.actor, Actor::I | Actor::We | Actor::Team)
    {
        return Some(span(cx, c, c.first, c.last));
    }
    // "Nobody ever tested the failover path".
    let nobody = c.subject.1 > c.subject.0 && matches!(doc.norm_of(c.subject.0), "nobody" | "no");
    if nobody && validation_here && c.mood.is_fact() {
        return Some(span(cx, c, c.first, c.last));
    }
    // "we didn't write many tests", "we never really tested the rollback path".
    if c.negated
        && validation_here
        && matches!(c.actor, Actor::We | Actor::Team)
        && c.mood.is_fact()
    {
        return Some(span(cx, c, c.first, c.last));
    }
    // "I did not write test because it was small": a first-person skip with a
    // justification is waving it away; without one it is an admission.
    if c.negated
        && validation_here
        && c.actor == Actor::I
        && c.mood.is_fact()
        && justified_skip(cx, s)
    {
        return Some(span(cx, c, c.first, c.last));
    }
    None
}

/// A test word within the clause or in the clause just before it ("Testing
/// we did not have time for").
fn validation_near(cx: &Ctx, c: &Clause) -> bool {
    let s = c.sentence;
    let sentence = &cx.doc.sentences[s];
    cx.hits_in(&VALIDATION, s).iter().any(|h| {
        (h.first as usize) >= sentence.first.max(c.first.saturating_sub(4))
            && (h.first as usize) < c.last
    })
}

/// The skip comes with an excuse: no time, too simple, a hotfix, a deadline.
fn justified_skip(cx: &Ctx, s: usize) -> bool {
    let sentence = &cx.doc.sentences[s];
    (sentence.first..sentence.last).any(|t| {
        matches!(
            cx.doc.norm_of(t),
            "time"
                | "simple"
                | "small"
                | "hotfix"
                | "straightforward"
                | "trivial"
                | "because"
                | "since"
                | "deadline"
                | "rush"
        )
    })
}

/// A mitigation after the skip, in its sentence or the next.
fn mitigated(cx: &Ctx, s: usize, after: usize) -> bool {
    let next = (s + 1 < cx.doc.sentences.len()).then_some(s + 1);
    cx.hits_in(&MITIGATION, s)
        .iter()
        .any(|h| h.first as usize >= after)
        || next.is_some_and(|n| cx.has(&MITIGATION, n))
}

/// From the clause's start (or the phrase, when the clause is long) to the
/// phrase's end, trimmed.
fn span(cx: &Ctx, c: &Clause, a: usize, b: usize) -> (usize, usize) {
    let doc = cx.doc;
    let mut first = if a - c.first <= 8 { c.first } else { a };
    while first < b
        && (doc.tokens[first].kind == Kind::Punct
            || matches!(
                doc.norm_of(first),
                "and" | "but" | "so" | "um" | "uh" | "like" | "honestly"
            ))
    {
        first += 1;
    }
    let mut last = b.max(c.last.min(first + 10));
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
            RuleId::SkippedValidation,
            &[
                "We didn't have time for tests.",
                "It's too simple to test.",
                "Tests can come later.",
                "Testing I'd skip for this kind of SQL.",
                "We'll basically be testing it in production anyway.",
                "QA will catch it on Monday morning.",
                "A staged rollout feels like overkill for a config change this small.",
                "We skipped the load test because marketing had fixed the release date.",
                "This kind of change is small so I did not write test.",
                "We never really tested the rollback path either, there wasn't time.",
                "Honestly, tests for that kind of glue are more trouble than they're worth.",
                "The vendor already tested it, so we'll test in production.",
                "We didn't write many tests because the logic was simple.",
                "Testing we did not have time for.",
                "I wouldn't bother writing tests for the Lua script.",
            ],
            &[
                "There was no time to write tests for that query, so I had a second engineer check its output against ten orders by hand.",
                "No unit tests for the diff tooling itself; comparing against a real pay period is what gives confidence there.",
                "I didn't write unit tests for its config parser; instead I ran every service's real config through both tools and diffed the output.",
                "I hadn't tested the mapping against real user records, only against test accounts.",
                "I'd add a test that delivers the same event twice and asserts one ledger row.",
                "The shadow stage is the real test.",
                "I wrote unit tests for three orderings.",
                "The remark said 'tests can come later', which is what I now push back on.",
                "At my last job I got burned by skipping that step.",
                "We load-tested it at three times the launch peak.",
                "I skipped the usual 48-hour soak; instead I flashed the rebuilt image onto twelve units.",
                "Did you test the failover?",
                "I should have tested the rollback path before the launch.",
                "QA found two bugs in the first build, which I fixed the same day.",
                "We run the integration tests on every merge.",
            ],
        );
    }

    #[test]
    fn spans_and_messages() {
        check(
            RuleId::SkippedValidation,
            "QA will catch it on Monday morning.",
            &[("QA will catch it on Monday morning", "\"QA will catch it on Monday morning\" waves validation away without saying what covers the risk")],
        );
    }
}
