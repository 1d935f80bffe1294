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
//! overkill", "more trouble than they're worth"), declined in a plan or as a
//! habit ("I wouldn't build a test harness", "the provider integration
//! itself I don't test"), left to people watching production ("QA can find
//! problems after release", "if it breaks we'd see it in the error rate"),
//! a check switched off ("it kept failing, so I turned it off"), silence
//! taken as proof ("if nothing pages, it's fine"), a check said to be
//! impossible ("run it on staging first was not possible"), a check with
//! "nothing there to test", left "untested for now", judged "by eye", put off
//! "until the farmers start complaining", skipped as the norm ("nobody
//! validates data up front"), or "what QA is paid for",
//! or a team's "we didn't write tests", a question that answers itself
//! ("who's going to test crane alerts before they're on the quay?"), the
//! check priced out ("testing would have eaten the afternoon"), said to be
//! unneeded ("edge cases not need test", "I didn't think it needed
//! testing"), left out ("I left this out"), said to show nothing ("staging
//! doesn't tell you anything"), impossible through a pronoun ("testing on
//! real finishes, you can't really do that"), put after a milestone
//! ("pencilled in for after go-live", "unit tests after the MVP"), checked
//! "only in production", or excused under its label ("- Testing: didn't come
//! up because we ran out of time"). What answers it: a mitigation in the same or the next
//! sentence ("…, so I had a second engineer check its output", "; instead I
//! diffed the rendered output"). Not flagged: the speaker admitting a miss in
//! reflection ("I hadn't tested the mapping against real records" in a
//! postmortem), a test being added, mentions.
//!
//! Better shape: "I skipped unit tests for the one-off script; instead I
//! diffed its output against the old job on a week of real data."

use super::{clip, Raw, Rule, RuleId, RuleInfo};
use crate::core::analyzer::clause::{Actor, Clause, Link, Mood};
use crate::core::analyzer::context::{Ctx, Role};
use crate::core::analyzer::lexicon::Phrases;
use crate::core::analyzer::text::Kind;
use crate::core::analyzer::words;
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
        "staged",
        "canary",
        "through {the |our |}{pipeline|ci}",
        "the ci pipeline",
        "~check",
        "dry run",
        "dry-run",
        "dry-running",
        "staging",
        "a staging run",
        "~rehearse",
        "rehearsal",
        "~benchmark",
        "code review",
        "edge cases",
        "regression suite",
        "test suite",
        "test coverage",
        "device farm",
        "test environment",
        "uat",
        "smoke test",
        "regression tests",
        "regression pass",
        "phased release",
        "phased rollout",
        "{percentage|gradual|incremental|progressive|percentage-based} rollout",
        "staged release",
        "holdout",
        "holdout set",
        "test harness",
        "threat model",
        "pen test",
        "penetration test",
        "security review",
        "approval",
        "approvals",
        "sign-off",
        "~replay",
        // Replaying as design, not as a check: a queue drained later, an
        // event log rebuilt into state.
        "!~replay {later|them later|it later|on reconnect}",
        "!~replay the {log|logs|event log|events|queue|backlog|journal|wal}",
        "~rerun",
        "simulation",
        "~simulate",
        "trial run",
        "!~test {accounts|account|data|environment|users|user}",
        "!test accounts",
    ],
};

/// Waving validation away, wherever it is said.
pub static WAVED_AWAY: Phrases = Phrases {
    name: "waved-away",
    items: &[
        "{no|wasn't|was no|there wasn't|there was no|didn't have|didn't really have|not enough|never had|won't have} time {for|to}",
        "wasn't time", "there wasn't time", "no time to", "no time {left|remaining}",
        "{don't|didn't|do not|did not|won't|wouldn't|never} {really |}{have|had|get|got} the luxury of",
        "too {simple|small|trivial|straightforward|minor|tiny|obvious|low-risk} to {really |properly |actually |even |}{test|need tests|bother|need testing|be worth testing}",
        "{~test|~check|~validate|~verify} {it |things |them |}{directly |basically |only |really |}in {production|prod}",
        "{test|testing} it in production", "test in prod", "in production with the beta users",
        "{qa|qa team|the qa team|testers|uat|the uat team|their uat team|their qa team|their qa|the testers|the test team} {will|would|'ll|should|can|is going to} catch",
        "{was|were} supposed to catch", "the vendor already tested",
        "{can|will|could|we can|we'll} {come|do|do it|happen|wait} {later|after release|after the release|after launch}",
        "{later|after release} {we can|we'll}",
        "{wouldn't|won't|didn't|don't} bother", "more trouble than {they're|it's|they are} worth",
        "{~feel|~seem|is|was|would be} {like |a bit of |}overkill", "usually gets cut", "gets cut",
        "nothing {there |here |much |really |}to {test|check|validate|verify}",
        "untested {for now|until|for the moment|for a while}", "{~leave} {it|them|that|those} untested",
        "by eye", "~eyeball", "looked {right|fine|good|ok|okay} to me",
        "{wasn't|was no|isn't|is no|there wasn't|there was no} {any |enough |really |}time {for|to}",
        "{is|are} what {qa|testers|the testers|the qa team|qa team} {is|are} {paid for|there for|for}",
        "{that's|that is} what {qa|testers|the testers} {is|are} for",
        "{nobody|no one} {validates|tests|verifies|checks}",
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
        "{no|without|skipped|skip|skipping} {qa|code review|review|staging|a staging run}", "{~push|~deploy|~ship|~go|~merge|~send} {it |them |the change |}{directly|straight} to {prod|production|main|master|live}", "straight to prod",
        "{we'll|we will|i'll|we can} fix it {later|in prod|in production|if it breaks}", "if it breaks {we'll|we can|i'll}",
        "{test|tested|testing} {it |}live", "no need to test", "{don't|didn't|doesn't} need {tests|testing|a test}", "not worth testing",
        "{is|are|was|were} {kind of |basically |sort of |really |effectively |}our {qa|testing|testers|test suite|tests}",
        "too {simple|small|trivial|minor|obvious} to be worth it", "{can|could|will} be {skipped|dropped|cut}",
        "tests slow us down", "testing takes too long", "{works|worked|work|working} on my {machine|laptop|phone|device}", "manual testing {was|is} enough", "{we'll|we will} see in production",
        "{we'd|we'll|we will|we would|i'd|i'll|you'd|you'll} {just |}see {on the day|in production|in prod|on the night|what happens}",
        "{ran|run|running} out of time",
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

/// Relying on luck instead of a check: strong on its own.
pub static HOPE: Phrases = Phrases {
    name: "validation-hope",
    items: &[
        "{~hope} for the best",
        "see what {breaks|falls over|goes wrong|blows up}",
        "fingers crossed",
        "{cross|crossed|crossing} {our|my} fingers",
    ],
};

/// Putting a check off: "for later", "to the next sprint".
pub static DEFERRED: Phrases = Phrases {
    name: "validation-deferred",
    items: &[
        "{for|until|till} later",
        "{until|till} after {launch|release|the release|the launch|go-live}",
        "{to|for|until|till} {the |}next {sprint|quarter|release|week|iteration|phase|milestone}",
        "{for|to} {a |the |}{follow-up|followup|v2|phase two|phase 2}",
        "someday",
        "{~defer|~postpone|~punt|~park}",
        "{can|could|will|would} wait {until|till}",
        // A release milestone the check is put after: "pencilled in for
        // after go-live", "Unit tests after the MVP".
        "{for|until|till} after {go-live|launch|release|the release|the launch|the mvp|mvp|cutover|the cutover|launch day}",
        "after {the |}{mvp|go-live}",
    ],
};

/// Validation called not worth doing: "a waste of time", "overkill".
pub static DISMISSED: Phrases = Phrases {
    name: "validation-dismissed",
    items: &[
        "waste of time",
        "overkill",
        "unnecessary",
        "pointless",
        "a luxury",
        "nice-to-have",
        "nice to have",
        "{~slow} {us|me|the team|everyone|things|delivery} down",
        "overhead we {couldn't|could not} afford",
    ],
};

/// The whole audience of a rollout, for a rollout with no stages.
pub static EVERYONE: Phrases = Phrases {
    name: "rollout-everyone",
    items: &[
        "everyone",
        "everybody",
        "{all|every} {users|user|customers|customer|tenants|tenant|regions|region|traffic|servers|hosts|stores|devices}",
        "all {two|three|four|five|six|seven|eight|nine|ten|twelve} {regions|servers|hosts|stores|clusters|data centers|datacenters|sites|markets}",
        "the whole fleet",
        "{100|a hundred} {%|percent}",
        "the full fleet",
    ],
};

/// A rollout done in one step.
pub static AT_ONCE: Phrases = Phrases {
    name: "rollout-at-once",
    items: &[
        "at once",
        "in one go",
        "in one shot",
        "immediately",
        "right away",
        "on day one",
        "big bang",
        "big-bang",
        "in a single step",
    ],
};

pub struct SkippedValidation;

impl Rule for SkippedValidation {
    fn id(&self) -> RuleId {
        RuleId::SkippedValidation
    }

    fn lists(&self, out: &mut Vec<&'static Phrases>) {
        out.extend([
            &VALIDATION,
            &WAVED_AWAY,
            &MITIGATION,
            &HOPE,
            &DEFERRED,
            &DISMISSED,
            &EVERYONE,
            &AT_ONCE,
        ]);
    }

    fn check(&self, cx: &Ctx, out: &mut Vec<Raw>) {
        let doc = cx.doc;
        for (s, sentence) in doc.sentences.iter().enumerate() {
            // A diagnosis names the gap on purpose ("no canary" as a
            // contributing factor); it is the analysis, not the gap.
            if sentence.is_structure() || cx.facts[s].mention || cx.roles[s] == Role::Diagnosis {
                continue;
            }
            // One sentence waves a check away once: "Testing of the edge
            // cases we were leaving for the brokers, they will tell us" is
            // one finding over both clauses.
            let mut span_here: Option<(usize, usize)> = None;
            for c in cx.clauses.of(s) {
                if c.mention {
                    continue;
                }
                let found = if c.mood == Mood::Question {
                    rhetorical_dismissal(cx, c)
                } else if c.mood == Mood::Counterfactual {
                    // "Unit tests would have slowed us down" still waves them away.
                    dismissed(cx, c)
                } else {
                    skipped(cx, c)
                };
                let Some((first, last)) = found else {
                    continue;
                };
                if mitigated(cx, s, c.last) {
                    continue;
                }
                span_here =
                    Some(span_here.map_or((first, last), |(a, b)| (a.min(first), b.max(last))));
            }
            if let Some((first, last)) = span_here {
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
    // "Threat model: I'd do it later": the label names what the item is about.
    let label_names_check =
        s > 0 && doc.sentences[s - 1].is_structure() && cx.has(&VALIDATION, s - 1);
    let under_label =
        label_names_check && cx.clauses.of(s).first().is_some_and(|k| std::ptr::eq(k, c));
    // "- Testing: not discussed, as there was no time", "Input validation
    // (end before start): I left this out": a label inside the sentence
    // names what the rest of it is about.
    let labelled = cx.hits_in(&VALIDATION, s).iter().any(|h| {
        let after = h.last as usize;
        after < c.first && (after..c.first.min(after + 7)).any(|k| doc.norm_of(k) == ":")
    });
    // "Testing didn't come up because there wasn't time": the excuse is its
    // own clause; what it excuses is named just before it.
    // ("- Testing: didn't come up because we ran out of time": or by the label.)
    let excused = c.link == Link::Reason
        && (label_names_check
            || cx
                .hits_in(&VALIDATION, s)
                .iter()
                .any(|h| (h.first as usize) < c.first && (h.first as usize) + 12 >= c.first));
    let validation_here = in_clause(&VALIDATION).is_some()
        || validation_near(cx, c)
        || under_label
        || labelled
        || excused;
    // "I don't think we can skip the canary": negated by the opinion over
    // it, the wave-away is denied.
    let denied_by_opinion = c.negated
        && !(c.first..c.last).any(|k| {
            let w = doc.norm_of(k);
            words::is_negation(w) || w.ends_with("n't")
        });
    if let Some((a, b)) = in_clause(&WAVED_AWAY).filter(|_| !denied_by_opinion) {
        let phrase = cx.slice(a, b).to_ascii_lowercase();
        // Phrases that carry the skipped check in them: "untested for
        // now", "right by eye", "looked fine to me".
        let strong = phrase.contains("prod")
            || phrase.ends_with(" live")
            || phrase.contains("on the night")
            || phrase.contains("untested")
            || phrase.contains("eye")
            || phrase.starts_with("looked")
            || doc.norm_of(a) == "qa";
        // "There wasn't any time to run it through the test environment":
        // the check follows the lack of time in the sentence.
        let time_for_check = phrase.contains("time")
            && cx
                .hits_in(&VALIDATION, s)
                .iter()
                .any(|h| (h.first as usize) >= b && (h.first as usize) < b + 8);
        // "…, but realistically that usually gets cut": the test is named earlier in the sentence.
        // "I don't write tests for UI components. They're too simple to be
        // worth it.": the test is named in the sentence before.
        let anaphor = c.subject.1 > c.subject.0
            && matches!(
                doc.norm_of(c.subject.0),
                "that" | "it" | "this" | "they" | "they're" | "those" | "these"
            );
        let named_before = anaphor
            && (cx
                .hits_in(&VALIDATION, s)
                .iter()
                .any(|h| (h.first as usize) < a)
                || s > 0
                    && doc.sentences[s - 1].paragraph == doc.sentences[s].paragraph
                    && cx.has(&VALIDATION, s - 1));
        if validation_here || strong || named_before || time_for_check {
            // "the replay of the failing images … was skipped": a passive
            // skip starts at what was skipped.
            let skipped_subject = c.passive
                && validations(cx, c).any(|(v, _)| (c.subject.0..c.subject.1).contains(&v));
            let from = if skipped_subject { c.subject.0 } else { a };
            if excused {
                // The span runs from what is excused to the excuse.
                let start = cx.clauses.before(c).map_or(c.first, |k| k.first);
                return Some((start, b));
            }
            return Some(span(cx, c, from, b));
        }
    }
    if let Some(found) = without_validation(cx, c)
        .or_else(|| dismissed(cx, c))
        .or_else(|| deferred(cx, c, validation_here))
        .or_else(|| delegated(cx, c))
        .or_else(|| unstaged_rollout(cx, c))
        .or_else(|| disabled(cx, c))
        .or_else(|| silence_as_check(cx, c))
        .or_else(|| in_clause(&HOPE))
    {
        return Some(if found.0 < c.first + 8 {
            span(cx, c, found.0, found.1)
        } else {
            found
        });
    }
    // "I skipped tests since it was only a prototype", "I'd probably skip the
    // phased release", "the integration tests I'd drop for now": skipping
    // named outright, done or planned.
    // Not a bare label ("- skipped validation"), which has no subject.
    // "I left this out": leaving a check out is skipping it.
    let left_out = c.verb_base == "leave"
        && c.verb
            .is_some_and(|v| (v + 1..(v + 4).min(c.last)).any(|k| doc.norm_of(k) == "out"));
    // The check is what is skipped: the verb's object, or a noun phrase
    // fronted before the subject ("The integration tests I'd drop"). "Cut"
    // also takes power and cables ("a bench test with a network switch I
    // can cut"), so with it the check must be the object.
    let object = c
        .verb
        .is_some_and(|v| validations(cx, c).any(|(a, _)| a > v));
    let skipped_object = object || c.verb_base != "cut";
    if (matches!(c.verb_base.as_str(), "skip" | "drop" | "cut") || left_out)
        && skipped_object
        && !c.negated
        && c.actor != Actor::None
        && c.subject.0 >= c.first
        && c.subject.1 > c.subject.0
        && (c.mood.is_fact() || c.mood.is_proposal())
        && validation_here
    {
        return Some(span(cx, c, c.first, c.last));
    }
    // "I wouldn't build a test harness", "Testing I will not do now", "The
    // provider integration itself I don't test": validation declined in a
    // plan, or as a habit.
    // Not "I wouldn't skip the canary": declining a skip is doing the check.
    if c.negated
        && validation_here
        && matches!(c.actor, Actor::I | Actor::We | Actor::Team)
        && !matches!(
            c.verb_base.as_str(),
            "skip" | "drop" | "cut" | "bypass" | "leave" | "ship" | "release" | "deploy" | "merge"
        )
        && (matches!(c.mood, Mood::Plan | Mood::Possible)
            || c.mood.is_fact() && c.tense == crate::core::analyzer::clause::Tense::Present)
    {
        return Some(span(cx, c, c.first, c.last));
    }
    if let Some(found) = found_in_production(cx, c) {
        return Some(found);
    }
    if let Some(found) = impossible_check(cx, c) {
        return Some(found);
    }
    // "Edge cases not need test", "we don't need a canary for this": the
    // check said to be unneeded, whatever the actor.
    // "Validation of the files we don't need to do": the check fronted.
    let need_to = c.mood == Mood::Obligation
        && (c.first..c.verb.unwrap_or(c.last))
            .any(|k| matches!(doc.norm_of(k), "need" | "needs" | "needed"))
        && validation_here;
    let needed_object = c.verb_base == "need"
        && c.verb
            .is_some_and(|v| validations(cx, c).any(|(a, _)| a > v))
        && (c.mood.is_fact() || c.mood.is_proposal());
    if c.negated && (needed_object || need_to) {
        return Some(span(cx, c, c.first, c.last));
    }
    // "Nobody ever tested the failover path".
    // Not "No tests failed", which counts failures.
    let nobody = c.subject.1 > c.subject.0
        && matches!(doc.norm_of(c.subject.0), "nobody" | "no")
        && !matches!(c.verb_base.as_str(), "fail" | "break" | "regress" | "flake");
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
        && (c.link == Link::Result || justified_skip(cx, s))
    {
        return Some(span(cx, c, c.first, c.last));
    }
    None
}

/// "Testing the model on real finishes, you can't really do that before
/// regatta day": a check named first, then said to be impossible through a
/// pronoun ("can't do that", "couldn't run it").
fn impossible_check(cx: &Ctx, c: &Clause) -> Option<(usize, usize)> {
    let doc = cx.doc;
    let v = c.verb?;
    if !c.negated
        || c.mood != Mood::Possible
        || !matches!(
            c.verb_base.as_str(),
            "do" | "run" | "test" | "check" | "try"
        )
        || v + 1 >= c.last
        || !matches!(doc.norm_of(v + 1), "that" | "it" | "this" | "them")
    {
        return None;
    }
    let named = cx
        .hits_in(&VALIDATION, c.sentence)
        .iter()
        .map(|h| h.first as usize)
        .filter(|&t| t < v && t + 15 >= c.first && !doc.tokens[t].quoted)
        .min()?;
    Some((named, c.last))
}

/// A question that answers itself: "who's going to test crane alerts before
/// they're on the quay?", "who would bother replaying a week of data?". It
/// asks who is "going to" (or would bother to) do the check, so no one will.
/// Not "who owns the load test?" or "who would review the results?", real
/// questions.
fn rhetorical_dismissal(cx: &Ctx, c: &Clause) -> Option<(usize, usize)> {
    let doc = cx.doc;
    let (a, b) = c.subject;
    if c.negated || b != a + 1 || !matches!(doc.norm_of(a), "who" | "who's") {
        return None;
    }
    let verb = c.verb.unwrap_or(c.last);
    let future = (b..verb.min(c.last)).any(|k| {
        let w = doc.norm_of(k);
        matches!(w, "going" | "gonna" | "wants" | "bother" | "bothers")
    });
    (future && validations(cx, c).next().is_some()).then(|| span(cx, c, c.first, c.last))
}

/// The validation phrases of clause `c`, as token ranges, not quoted.
fn validations<'c>(cx: &'c Ctx, c: &'c Clause) -> impl Iterator<Item = (usize, usize)> + 'c {
    cx.hits_in(&VALIDATION, c.sentence)
        .iter()
        .filter(move |h| {
            (c.first..c.last).contains(&(h.first as usize))
                && !cx.doc.tokens[h.first as usize].quoted
        })
        .map(|h| (h.first as usize, h.last as usize))
}

/// "without a dry run", "with no load test", "there were no tests for the
/// retry logic": validation governed by a negative word a few words before.
/// Not "no tests failed", where "no" counts failures.
fn without_validation(cx: &Ctx, c: &Clause) -> Option<(usize, usize)> {
    let doc = cx.doc;
    // "Derek pushed a config change without checking it": another person's
    // unchecked change, told as what happened, is blame, not the speaker's
    // skipped check.
    if c.actor == Actor::Others && c.mood.is_fact() {
        return None;
    }
    validations(cx, c).find(|&(a, b)| {
        // "The legacy code had no tests" describes what the speaker found.
        let found_state = c.actor == Actor::Thing && c.verb_base == "have";
        let governed = !found_state
            && (a.saturating_sub(3).max(c.first)..a)
                .rev()
                .take_while(|&k| doc.tokens[k].kind != Kind::Punct)
                .any(|k| matches!(doc.norm_of(k), "without" | "no" | "zero"));
        let counts_failures = b < c.last
            && matches!(
                doc.norm_of(b),
                "failed"
                    | "fail"
                    | "failing"
                    | "broke"
                    | "broken"
                    | "regressed"
                    | "flaked"
                    | "caught"
            );
        governed && !counts_failures
    })
}

/// Validation called a waste, overkill or a drag ("writing tests felt like a
/// waste of time", "tests weren't a priority"), not negated ("tests are never
/// a waste").
fn dismissed(cx: &Ctx, c: &Clause) -> Option<(usize, usize)> {
    let doc = cx.doc;
    let (a, _) = validations(cx, c).next()?;
    let said_not_worth = cx
        .hits_in(&DISMISSED, c.sentence)
        .iter()
        .find(|h| {
            let at = h.first as usize;
            (a..c.last).contains(&at)
                && !c.negated
                && !(c.first..at).any(|k| words::is_negation(doc.norm_of(k)))
        })
        .map(|h| h.last as usize);
    // "Run it on staging first was not possible": the negation may follow
    // the validation when the validation is the subject.
    let first_negation = (a..c.last).find(|&n| words::is_negation(doc.norm_of(n)));
    let not_a_priority = || {
        (a..c.last)
            .filter(|&k| c.negated || first_negation.is_some_and(|n| n < k))
            .find(|&k| {
                matches!(
                    doc.norm_of(k),
                    "priority"
                        | "important"
                        | "crucial"
                        | "essential"
                        | "needed"
                        | "necessary"
                        | "required"
                        | "worth"
                        | "possible"
                        | "feasible"
                        | "realistic"
                        | "practical"
                )
            })
            .map(|k| k + 1)
    };
    // "Testing would have eaten the afternoon": the check as the subject of
    // what it would have cost, told as what did not happen.
    let priced_out = || {
        let in_subject = (c.subject.0..c.subject.1).contains(&a);
        let costs = matches!(
            c.verb_base.as_str(),
            "eat"
                | "take"
                | "cost"
                | "burn"
                | "kill"
                | "blow"
                | "waste"
                | "chew"
                | "use"
                | "slow"
                | "delay"
                | "hold"
                | "add"
                | "drag"
        );
        (c.mood == Mood::Counterfactual && in_subject && costs && !c.negated).then_some(c.last)
    };
    // "Staging doesn't tell you anything for hearing aids": the check said
    // to show nothing.
    let says_nothing = || {
        let in_subject = (c.subject.0..c.subject.1).contains(&a);
        let shows = matches!(
            c.verb_base.as_str(),
            "tell" | "show" | "prove" | "catch" | "find" | "reveal"
        );
        let nothing = c.verb.is_some_and(|v| {
            (v + 1..c.last.min(v + 4)).any(|k| {
                let w = doc.norm_of(k);
                w == "nothing" || c.negated && matches!(w, "anything" | "much")
            })
        });
        (in_subject && shows && nothing).then_some(c.last)
    };
    let end = said_not_worth
        .or_else(not_a_priority)
        .or_else(priced_out)
        .or_else(says_nothing)?;
    Some((c.first.max(a.saturating_sub(3)), end))
}

/// Validation put off ("the edge cases we left for later", "load tests can
/// wait for the next sprint").
fn deferred(cx: &Ctx, c: &Clause, validation_here: bool) -> Option<(usize, usize)> {
    if !validation_here || c.negated {
        return None;
    }
    // "We ran the load tests after the MVP demo": a check done after a
    // milestone is not put off.
    // (An "after …" time clause belongs to the clause before it.)
    let host = if c.link == Link::Time {
        cx.clauses.before(c).unwrap_or(c)
    } else {
        c
    };
    let done = host.mood.is_fact()
        && host.tense != crate::core::analyzer::clause::Tense::Present
        && matches!(host.actor, Actor::I | Actor::We | Actor::Team)
        && !host.passive;
    let listed = cx
        .hits_in(&DEFERRED, c.sentence)
        .iter()
        .find(|h| {
            (c.first..c.last).contains(&(h.first as usize))
                && !(done && cx.doc.norm_of(h.first as usize) == "after")
        })
        .map(|h| (c.first, h.last as usize));
    // "Threat model: I'd do it later, once it's built": a plan put off.
    let later = || {
        c.mood
            .is_proposal()
            .then(|| {
                (c.first..c.last)
                    .find(|&k| matches!(cx.doc.norm_of(k), "later" | "afterwards" | "eventually"))
            })
            .flatten()
            .map(|k| (c.first, k + 1))
    };
    listed.or_else(later)
}

/// A check switched off: "the check kept failing, so I turned it off",
/// "we disabled the flaky tests", "commented out the assertion".
fn disabled(cx: &Ctx, c: &Clause) -> Option<(usize, usize)> {
    let doc = cx.doc;
    let v = c.verb?;
    let next = |k: usize| {
        if v + k < c.last {
            doc.norm_of(v + k)
        } else {
            ""
        }
    };
    let off = match c.verb_base.as_str() {
        "disable" | "mute" | "silence" | "bypass" => true,
        "turn" | "switch" => (1..=3).any(|k| next(k) == "off"),
        "comment" => (1..=3).any(|k| next(k) == "out"),
        _ => false,
    };
    if !off || c.negated || c.mood == Mood::Question {
        return None;
    }
    // The check is the object, or what the pronoun points back to in the
    // sentence ("The check kept failing, so I turned it off").
    let object_check = validations(cx, c).any(|(a, _)| a > v);
    let pointed = matches!(next(1), "it" | "them" | "those" | "that")
        && cx
            .hits_in(&VALIDATION, c.sentence)
            .iter()
            .any(|h| (h.first as usize) < c.first);
    (object_check || pointed).then_some((c.first, c.last))
}

/// Silence taken as proof: "if nothing pages, it's fine", "as long as no
/// one complains we're good".
fn silence_as_check(cx: &Ctx, c: &Clause) -> Option<(usize, usize)> {
    let doc = cx.doc;
    let verdict = c.verb_base == "be"
        || c.verb.is_some_and(|v| doc.norm_of(v) == "fine")
        || matches!(c.verb_base.as_str(), "fine" | "good" | "ok" | "okay");
    let fine = (c.first..c.last)
        .any(|k| matches!(doc.norm_of(k), "fine" | "ok" | "okay" | "good" | "safe"));
    if !verdict || !fine || c.negated {
        return None;
    }
    let condition = cx.clauses.of(c.sentence).iter().find(|k| {
        k.link == Link::Condition
            && k.last <= c.first
            && k.subject.1 > k.subject.0
            && matches!(doc.norm_of(k.subject.0), "nothing" | "nobody" | "no")
            && matches!(
                k.verb_base.as_str(),
                "page" | "alert" | "break" | "complain" | "fail" | "fire" | "go"
            )
    })?;
    Some((condition.first, c.last))
}

/// Validation handed to someone else ("I left testing to the QA team").
fn delegated(cx: &Ctx, c: &Clause) -> Option<(usize, usize)> {
    let doc = cx.doc;
    if !matches!(
        c.verb_base.as_str(),
        "leave" | "hand" | "offload" | "delegate"
    ) || c.negated
    {
        return None;
    }
    // "I'd leave those for QA": the receiver is a tester, so what is left is
    // the testing even when the clause only points at it.
    let validator = |w: &str| matches!(w, "qa" | "testers" | "uat" | "users" | "customers");
    let to_word = |k: usize| matches!(doc.norm_of(k), "to" | "for");
    let end = c.last.saturating_sub(1);
    let to_validator = (c.first..end).find(|&k| to_word(k) && validator(doc.norm_of(k + 1)));
    let to = to_validator.or_else(|| {
        let (_, b) = validations(cx, c).next()?;
        (b..end).find(|&k| {
            to_word(k)
                && matches!(
                    doc.norm_of(k + 1),
                    "the" | "ops" | "a" | "our" | "another" | "someone" | "them" | "whoever"
                )
        })
    })?;
    Some((c.first, (to + 3).min(c.last)))
}

/// Problems left to be found after release, by people watching: "QA can find
/// problems after release", "we can validate with real users once it's
/// live", "if it breaks we'd see it in the error rate", "the business would
/// tell us if it was wrong". A plan, not a report ("QA found two bugs after
/// release" is what happened); an alert that pages someone is a mitigation,
/// not a person noticing.
fn found_in_production(cx: &Ctx, c: &Clause) -> Option<(usize, usize)> {
    let doc = cx.doc;
    if c.negated || !(c.mood.is_proposal() || c.mood == Mood::Conditional) {
        return None;
    }
    let noticing = matches!(
        c.verb_base.as_str(),
        "find"
            | "catch"
            | "see"
            | "notice"
            | "tell"
            | "know"
            | "hear"
            | "spot"
            | "report"
            | "let"
            | "validate"
            | "test"
            | "verify"
            | "learn"
    );
    // "the laundries will report us if a count is wrong": whoever tells or
    // reports is a person, even when named by a place.
    let telling = matches!(c.verb_base.as_str(), "tell" | "report" | "let" | "complain");
    if !noticing
        || !(matches!(c.actor, Actor::I | Actor::We | Actor::Team | Actor::Others)
            || telling && c.actor == Actor::Thing)
    {
        return None;
    }
    let sentence = &doc.sentences[c.sentence];
    let words: Vec<&str> = (sentence.first..sentence.last)
        .map(|k| doc.norm_of(k))
        .collect();
    let released = |w: &str| {
        matches!(
            w,
            "release" | "launch" | "go-live" | "rollout" | "deploy" | "cutover" | "switch"
        )
    };
    let after_release = words.windows(2).enumerate().any(|(k, p)| {
        matches!(
            p,
            ["after", "release" | "launch" | "go-live" | "it's" | "we"]
                | ["in", "production" | "prod"]
                | ["it's" | "is", "live"]
        ) || p == ["after", "the"] && words.get(k + 2).is_some_and(|w| released(w))
    });
    // "if it breaks", "if it was wrong", "if something is off", "if nothing pages".
    let failure_condition = cx.clauses.of(c.sentence).iter().any(|k| {
        k.link == Link::Condition
            && (k.first..k.last).any(|t| {
                matches!(
                    doc.norm_of(t),
                    "breaks"
                        | "broken"
                        | "incorrect"
                        | "fails"
                        | "wrong"
                        | "off"
                        | "pages"
                        | "regresses"
                        | "complains"
                        | "dies"
                        | "stops"
                        | "crashes"
                        | "drifts"
                        | "misbehaves"
                )
            })
    });
    (after_release || failure_condition).then(|| span(cx, c, c.first, c.last))
}

/// A rollout to everyone in one step ("we pushed it to everyone at once"):
/// the staged rollout skipped.
fn unstaged_rollout(cx: &Ctx, c: &Clause) -> Option<(usize, usize)> {
    let rollout_verb = matches!(
        c.verb_base.as_str(),
        "roll" | "push" | "ship" | "deploy" | "release" | "flip" | "enable" | "turn" | "launch"
    );
    if !rollout_verb || c.negated {
        return None;
    }
    let in_clause = |list: &Phrases| {
        cx.hits_in(list, c.sentence)
            .iter()
            .find(|h| (c.first..c.last).contains(&(h.first as usize)))
            .map(|h| h.last as usize)
    };
    // "… at once after it held on one canary host": a stage came first.
    let staged = cx.has(&VALIDATION, c.sentence)
        || (c.first..cx.doc.sentences[c.sentence].last).any(|k| match cx.doc.norm_of(k) {
            "after" | "until" => true,
            "once" => k == 0 || cx.doc.norm_of(k - 1) != "at",
            _ => false,
        });
    if staged {
        return None;
    }
    let everyone = in_clause(&EVERYONE)?;
    let at_once = in_clause(&AT_ONCE)?;
    Some((c.first, everyone.max(at_once)))
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
                | "later"
                | "urgent"
                | "hurry"
                | "asap"
                // "I haven't thought about tests yet but that's fine"
                | "fine"
                | "okay"
        ) || cx.doc.norm_of(t) == "only"
            && t + 1 < sentence.last
            && matches!(
                cx.doc.norm_of(t + 1),
                "one" | "a" | "two" | "three" | "a few" | "few"
            )
    })
}

/// A mitigation after the skip, in its sentence or the next: a named
/// mitigation, or validation the speaker then did ("had no tests, so I wrote
/// characterisation tests first").
fn mitigated(cx: &Ctx, s: usize, after: usize) -> bool {
    // "I trusted the library and didn't verify the output" mitigates nothing.
    let affirmed = |n: usize, h: &crate::core::analyzer::lexicon::Hit| {
        cx.clauses
            .at(n, h.first as usize)
            .is_none_or(|i| !cx.clauses.list[i].negated)
    };
    let count = cx.doc.sentences.len();
    let next = (s + 1 < count).then_some(s + 1);
    // "I'm not writing pixel-diff tests. The risk is a layout break. What
    // covers it: …": a sentence naming the risk carries the mitigation on.
    let risk_named = next.is_some_and(|n| {
        let sentence = &cx.doc.sentences[n];
        (sentence.first..sentence.last).any(|k| matches!(cx.doc.norm_of(k), "risk" | "risks"))
    });
    let after_risk = (risk_named && s + 2 < count).then_some(s + 2);
    let named = cx
        .hits_in(&MITIGATION, s)
        .iter()
        .any(|h| h.first as usize >= after && affirmed(s, h))
        || [next, after_risk]
            .into_iter()
            .flatten()
            .any(|n| cx.hits_in(&MITIGATION, n).iter().any(|h| affirmed(n, h)));
    let validated_then = [Some(s), next].into_iter().flatten().any(|n| {
        cx.clauses.of(n).iter().any(|c| {
            (n > s || c.first >= after) && performs_validation(cx, c) && !bare_check(cx, c)
        })
    });
    named || validated_then
}

/// A check with nothing checked: "…, like we run it and check". It names no
/// test, so it covers no risk.
fn bare_check(cx: &Ctx, c: &Clause) -> bool {
    let mut hits = validations(cx, c);
    let last_word = (c.first..c.last)
        .rev()
        .find(|&k| cx.doc.tokens[k].kind != Kind::Punct);
    // The check is the clause's verb and its last word: nothing follows it.
    // "…and check": the check is a bare verb ending the clause.
    hits.all(|(a, b)| {
        b == a + 1
            && Some(a) == last_word
            && (c.verb == Some(a) || a > c.first && matches!(cx.doc.norm_of(a - 1), "and" | "then"))
    })
}

/// The speaker (or their team) doing validation: "I wrote characterisation
/// tests", "we load-tested it at twice the peak".
fn performs_validation(cx: &Ctx, c: &Clause) -> bool {
    !c.negated
        && !c.mention
        && matches!(c.mood, Mood::Fact | Mood::Plan)
        && matches!(c.actor, Actor::I | Actor::We | Actor::Team)
        && validations(cx, c).next().is_some()
        && !cx.has_in_span(&WAVED_AWAY, c.sentence, c.first, c.last)
        && !cx.has_in_span(&DEFERRED, c.sentence, c.first, c.last)
        && !cx.has_in_span(&DISMISSED, c.sentence, c.first, c.last)
        && !matches!(
            c.verb_base.as_str(),
            "skip" | "leave" | "bother" | "drop" | "cut"
        )
}

/// From the clause's start (or the phrase, when the clause is long) to the
/// phrase's end, trimmed.
fn span(cx: &Ctx, c: &Clause, a: usize, b: usize) -> (usize, usize) {
    let doc = cx.doc;
    // A phrase may start before the clause (a condition it depends on).
    let mut first = if a <= c.first + 8 { c.first.min(a) } else { a };
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
                "We shipped the migration without a dry run on staging.",
                "There were no tests for the retry logic.",
                "Honestly we just merged it and hoped for the best.",
                "The edge cases we left for later.",
                "We pushed it to everyone at once on Friday.",
                "Writing tests felt like a waste of time for a two-line fix.",
                "Unit tests would have slowed us down, so we skipped them.",
                "Tests weren't a priority that quarter.",
                "I left testing to the QA team.",
                "We'd deploy it and see what breaks.",
                "We rolled it out to 100% immediately.",
                "I'd probably skip the phased release because the deadline is tight.",
                "Testing I will not do now because time is short.",
                "I wouldn't build a test harness for the Flink job.",
                "The provider integration itself I don't test.",
                "I didn't write tests for the loading logic, I'll add them later.",
                "We released it on a Friday without the regression pass.",
                "The pen test can be skipped, it's internal only.",
                "I'd leave those for QA.",
                "QA can find problems after release.",
                "If it breaks we'd see it in the error rate.",
                "The business would tell us if it was wrong.",
                "Honestly the App Store review is kind of our QA.",
                "Then I push with Ansible to all three regions at once.",
                "I don't write tests for UI components. They're too simple to be worth it.",
                "I'd ship it straight to prod and we'd monitor it there.",
                "We don't really do the whole staged thing.",
                "The check kept failing, so I turned it off until launch.",
                "It was urgent, so I didn't push it through the pipeline.",
                "Run it on staging first was not possible, the copy takes six hours to refresh.",
                // Said impossible or useless, put after a milestone, checked
                // only in production, excused under its label, declined
                // through a negated opinion.
                "A percentage rollout isn't really possible either, because the store releases to everyone at once.",
                "Staging doesn't tell you anything for hearing aids, every ear canal is different.",
                "Testing the model on real finishes, you can't really do that before regatta day.",
                "Parser tests were pencilled in for after go-live.",
                "- Unit tests after the MVP.",
                "A staging environment was never approved, so changes can only really be checked in production.",
                "- Testing: didn't come up because we ran out of time.",
                "I'd migrate the data with a script; I didn't think it needed testing because it's only names.",
                "Threat model:\nI'd do it later, once it's built.",
                "For monitoring, if nothing pages, it's fine.",
                "I didn't add a regression test for the loader; it's a config file, there's nothing there to test.",
                "Validation can wait until the farmers start complaining.",
                "I'd leave the conflict paths untested for now.",
                "I could see it was right by eye.",
                "If something's off, the maintenance techs will notice on their Monday rounds.",
                "Dry-running it on a production snapshot felt like overkill.",
                "This is normal in ML, nobody validates data up front.",
                "Honestly, catching bugs is what QA is paid for.",
                "Testing, I mean, who's going to test the door alarms before they're fitted?",
                "A full soak test would have eaten the whole weekend.",
                "The replay of last week's orders against the new pricing was skipped.",
                "Edge cases not need test, it is small function.",
                "I haven't written tests for the importer yet, but that's fine for now.",
                "We don't really have the luxury of rerunning the backfill first.",
                "The edge cases like two trucks on one bay I'd leave for the yard staff to sort out.",
            ],
            &[
                "We ran the load tests after the MVP demo and fixed two timeouts.",
                "Staging caught the bad migration before it reached anyone.",
                "I don't think we can skip the canary: it caught two bad builds last quarter.",
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
                "The legacy billing code had no tests, so I wrote characterisation tests before I touched it.",
                "We ran the migration without a single failed check.",
                "No tests failed after the upgrade.",
                "Tests are never a waste of time on payment code.",
                "I handed the rollback runbook to the on-call engineer.",
                "We rolled back immediately when the error rate crossed two percent.",
                "We rolled the fix out to all regions at once after it held on one canary host for an hour.",
                "I trusted the library's docs. I verified its output against a week of real orders.",
                "I wouldn't skip the canary here, because the blast radius is every checkout.",
                "If it breaks, the rollback takes one minute and the alert on checkout errors pages me.",
                "QA found two bugs after release, both in the date picker.",
                "- \"Tests can come later\" - skipped validation.",
                "I'm not writing pixel-diff tests for all 140 templates. The risk is a layout break in a rare template. What covers it: I render the 30 most used templates with both renderers and diff them.",
                "I disabled the old cron job once the new scheduler had run clean for a week.",
                "If nothing pages for an hour, we move from 5% to 25% of traffic.",
                "The staged rollout took three days and caught one bad host.",
                "I'll write it up later today.",
                "- \"Tests can come later\" - skipped validation.",
                "I tested the loader against last season's config files; there was nothing else to check.",
                "The nurses reviewed every label by eye before we switched, and we diffed the output too.",
                "The maintenance techs will notice the new panel on their Monday rounds.",
                "Who owns the load test for the booking API?",
                "Who would review the replay results before the cutover?",
                "The load test would have taken two days, so I ran a four-hour one at twice the peak instead.",
                "We replay the event log on startup to rebuild the read model.",
                "We don't need a separate canary; instead every deploy already goes to 5% of traffic first.",
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
        check(
            RuleId::SkippedValidation,
            "We pushed it to everyone at once on Friday.",
            &[("We pushed it to everyone at once on Friday", "\"We pushed it to everyone at once on Friday\" waves validation away without saying what covers the risk")],
        );
        check(
            RuleId::SkippedValidation,
            "We shipped the migration without a dry run on staging.",
            &[("We shipped the migration without a dry run on staging", "\"We shipped the migration without a dry run on st…\" waves validation away without saying what covers the risk")],
        );
    }
}
