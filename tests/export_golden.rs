//! Golden-file tests of the Markdown export: each case's output must equal
//! `tests/golden/<name>.md` byte for byte. Run with `UPDATE_GOLDEN=1` to
//! rewrite the files after an intended change, then review the diff.
//!
//! A fixed stand-in analyzer is used so these files pin the export's format;
//! the real heuristics are tested in the analyzer's own module.

use evident::core::analyzer::{Analysis, Finding, SectionInput, Severity, SignalEvidence};
use evident::core::attempt::{Attempt, ChecklistAnswer, HintState, RubricScores};
use evident::core::drills::RubricId;
use evident::core::export::{
    export_attempt_with, export_filename, export_history_with, HistoryFilter,
};
use evident::core::markdown::render_preview;
use evident::core::signals::Signal;
use evident::core::summary::AttemptSummary;
use evident::core::timer::Timer;
use std::path::PathBuf;

/// [`stand_in`] on each section.
fn stand_in_each(sections: &[SectionInput<'_>]) -> Vec<Analysis> {
    sections.iter().map(|s| stand_in(s.text)).collect()
}

/// Flags "we" and "obviously"; counts "users" as problem framing and
/// "rollback" as production judgment.
fn stand_in(text: &str) -> Analysis {
    let mut findings = Vec::new();
    for (word, rule, message, suggestion) in [
        (
            "we",
            "vague-we",
            "Who did this? \"we\" hides your part.",
            "Say what *you* decided or built.",
        ),
        (
            "obviously",
            "hidden-reasoning",
            "A conclusion with no reason.",
            "Add the because.",
        ),
    ] {
        let lower = text.to_lowercase();
        for (start, _) in lower.match_indices(word) {
            let end = start + word.len();
            let before = lower[..start].chars().next_back();
            let after = lower[end..].chars().next();
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            let line = lower[..start].matches('\n').count() + 1;
            let col = lower[..start]
                .rsplit('\n')
                .next()
                .map_or(0, |l| l.chars().count())
                + 1;
            findings.push(Finding {
                rule: evident::core::analyzer::RuleId::from_id(rule).expect("a known rule id"),
                start,
                end,
                line,
                col,
                severity: Severity::Warning,
                message: message.into(),
                suggestion: suggestion.into(),
            });
        }
    }
    findings.sort_by_key(|f| f.start);
    let signals = Signal::ALL
        .iter()
        .map(|&signal| {
            let word = match signal {
                Signal::ProblemFraming => "users",
                Signal::ProductionJudgment => "rollback",
                _ => "\u{0}",
            };
            let phrases = text
                .to_lowercase()
                .contains(word)
                .then(|| word.to_owned())
                .into_iter()
                .collect();
            SignalEvidence { signal, phrases }
        })
        .collect();
    Analysis {
        findings,
        signals,
        summary: String::new(),
    }
}

const T0: i64 = 1_699_999_990_000; // 2023-11-14 22:13:10 UTC

fn hint_recovery() -> Attempt {
    let mut a = Attempt::new(
        "a-1",
        "hint-recovery",
        "Design a notification service that emails users when their order ships.",
        T0,
        60,
    );
    a.timer.started_at = Some(T0 + 10_000);
    a.timer.paused_total_ms = 30_000;
    a.timer.finished_at = Some(T0 + 10_000 + 30_000 + 15 * 60_000 + 42_000);
    a.set_section(
        "answer",
        "We obviously need a queue.\n\n# Step 1\n- poll the orders table\n- send with <b>SES</b> | retry 3x\n\n```sql\nSELECT * FROM orders WHERE shipped = true; -- # not escaped\n```",
        T0 + 500_000,
    );
    a.set_section(
        "recovery",
        "The constraint: 10 requests a second.\nSo I batch sends, and users get one email per order.\n1. token bucket\n2. rollback flag",
        T0 + 900_000,
    );
    a.hint = Some(HintState {
        index: 1,
        text: "The provider rate-limits you to 10 requests a second.".into(),
        at_active_ms: 7 * 60_000 + 5_000,
        acknowledged: true,
    });
    a.record_scores(RubricScores {
        rubric: RubricId::FailureDiagnostic,
        values: [2, 3, 2, 1, 2, 3, 4].map(Some).to_vec(),
        note: "Restated once, *no* apology.".into(),
        scored_at_ms: T0 + 1_000_000,
    });
    a.set_notes(
        "> next time: name the threshold\n<script>alert('x')</script>\n[link](javascript:alert(1))",
        T0 + 1_000_000,
    );
    a
}

fn evidence_replay() -> Attempt {
    let mut a = Attempt::new(
        "b-2",
        "evidence-replay",
        "Tell me about a project you are proud of.",
        T0 + 86_400_000 * 3,
        -300,
    );
    a.timer.started_at = Some(T0 + 86_400_000 * 3);
    a.set_section(
        "weak",
        "We made checkout *much* faster.",
        a.created_at_ms + 1,
    );
    a.set_section(
        "senior",
        "p95 went from 900 ms to 280 ms.",
        a.created_at_ms + 2,
    );
    a.set_section(
        "old-draft",
        "A section the catalogue no longer has.",
        a.created_at_ms + 3,
    );
    a
}

fn attribution() -> Attempt {
    let mut a = Attempt::new(
        "c-3",
        "attribution-split",
        "Walk me through the biggest project you worked on last year.",
        T0 - 86_400_000,
        0,
    );
    a.timer.started_at = Some(a.created_at_ms);
    a.timer.finished_at = Some(a.created_at_ms + 19 * 60_000);
    a.set_section(
        "my-ownership",
        "I designed the rollback plan.",
        a.created_at_ms + 1,
    );
    // Said aloud in 1:44 of its two minutes.
    let mut spoken = Timer::new(2);
    spoken.start(a.created_at_ms + 15 * 60_000);
    spoken.finish(a.created_at_ms + 15 * 60_000 + 104_000);
    a.spoken_summary = Some(spoken);
    a.record_scores(RubricScores {
        rubric: RubricId::FailureDiagnostic,
        // Attribution split tests reasoning and ownership only; the rest is
        // left "not tested in this drill".
        values: vec![None, Some(3), None, None, Some(1), None, None],
        note: String::new(),
        scored_at_ms: a.created_at_ms + 20 * 60_000,
    });
    a
}

/// A finished rollout plan with the time spent per step and a score.
fn rollout_plan() -> Attempt {
    let mut a = Attempt::new(
        "d-4",
        "rollout-plan",
        "Change the default HTTP client timeout in a shared library from 30 seconds to 3 seconds; forty services use the library.",
        T0 + 86_400_000 * 5,
        60,
    );
    let start = a.created_at_ms + 20_000;
    a.timer.started_at = Some(start);
    a.timer.finished_at = Some(start + 19 * 60_000 + 30_000);
    a.set_section(
        "risk",
        "Every call through the client drops from 30 s to 3 s; slow exports would fail.",
        start + 1,
    );
    a.set_section(
        "stages",
        "1. one instance, a day: error rate within 0.1 points\n2. 5% of instances: no new timeouts\n3. all",
        start + 2,
    );
    a.set_section(
        "rollback",
        "Trigger: 5xx up by 0.5 points. The flag flips back in under a minute; no rollback of data needed.",
        start + 3,
    );
    a.set_section(
        "metrics",
        "Checkout completion (96%), edge 5xx (<0.3%), retries per destination.",
        start + 4,
    );
    for (step, ms) in [
        ("risk", 2 * 60_000 + 40_000),
        ("stages", 7 * 60_000 + 5_000),
        ("rollback", 4 * 60_000 + 10_000),
        ("flag", 60_000),
        ("metrics", 2 * 60_000 + 35_000),
        ("no-deploy", 2 * 60_000),
    ] {
        a.step_ms.insert(step.into(), ms);
    }
    a.record_scores(RubricScores {
        rubric: RubricId::FailureDiagnostic,
        values: vec![Some(3), Some(3), Some(3), Some(2), None, Some(4), None],
        note: String::new(),
        scored_at_ms: start + 21 * 60_000,
    });
    a
}

/// A postmortem of the user's own incident (their own prompt, typed over the
/// drawn one), unfinished, with two action items.
fn postmortem() -> Attempt {
    let mut a = Attempt::new(
        "e-5",
        "postmortem",
        "Our *search* outage | March 2024",
        T0 + 86_400_000 * 6,
        0,
    );
    a.drawn_prompt = Some(
        "Write the postmortem of the most serious production incident you were part of.".into(),
    );
    let start = a.created_at_ms + 5_000;
    a.timer.started_at = Some(start);
    a.set_section(
        "timeline",
        "09:12 certificate expires\n09:14 first failed logins\n09:41 new certificate live",
        start + 1,
    );
    a.set_section(
        "impact",
        "31 minutes without logins: 4,800 failed attempts, 120 tickets.",
        start + 2,
    );
    a.set_section(
        "actions",
        "- I own an expiry alert 30 days ahead, due 3 May.\n- Lina owns automated renewal, due 17 May.",
        start + 3,
    );
    a.step_ms.insert("timeline".into(), 4 * 60_000 + 12_000);
    a.step_ms.insert("impact".into(), 2 * 60_000 + 3_000);
    a.set_notes("Say the detection gap first next time.", start + 4);
    a
}

/// An incident triage with its impact checklist partly answered.
fn incident_triage() -> Attempt {
    let mut a = Attempt::new(
        "f-6",
        "incident-triage",
        "Users suddenly cannot complete bookings in production.",
        T0 + 86_400_000 * 7,
        60,
    );
    a.timer.started_at = Some(a.created_at_ms);
    a.checklist.insert(
        "deploy".into(),
        ChecklistAnswer {
            ticked: true,
            answer: "booking-api 3.14 at 13:55 | 7 min before".into(),
        },
    );
    a.checklist.insert(
        "scope".into(),
        ChecklistAnswer {
            ticked: false,
            answer: "all regions, web and app".into(),
        },
    );
    a.checklist.insert(
        "cost".into(),
        ChecklistAnswer {
            ticked: true,
            answer: String::new(),
        },
    );
    a.set_section(
        "stabilise",
        "Roll back to 3.13: no schema change, reversible.",
        a.created_at_ms + 1,
    );
    a.set_section(
        "stakeholder-update",
        "Written before the per-audience updates.",
        a.created_at_ms + 2,
    );
    a
}

fn golden_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(format!("{name}.md"))
}

fn check(name: &str, actual: &str) {
    let path = golden_path(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).expect("write golden file");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "missing {}: {e}; run with UPDATE_GOLDEN=1 to create it",
            path.display()
        )
    });
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "{name}.md differs from the export at line {} (UPDATE_GOLDEN=1 rewrites it)\n--- expected\n{}\n--- actual\n{}",
            line + 1,
            expected.lines().nth(line).unwrap_or("<end>"),
            actual.lines().nth(line).unwrap_or("<end>"),
        );
    }
    // Whatever the export holds, its preview stays inert.
    let html = render_preview(actual).to_lowercase();
    for bad in ["<script", "<img", "onerror=", "href=\"javascript:"] {
        assert!(!html.contains(bad), "{bad} in the preview of {name}");
    }
}

/// Every attempt's summary: the pool the gates read.
fn pool(all: &[Attempt]) -> Vec<AttemptSummary> {
    all.iter().map(AttemptSummary::of).collect()
}

#[test]
fn hint_recovery_finished_with_overtime_and_scores() {
    let a = hint_recovery();
    let all = vec![attribution(), a.clone()];
    check(
        "hint-recovery-finished",
        &export_attempt_with(&a, &pool(&all), &stand_in_each),
    );
}

#[test]
fn evidence_replay_in_progress_unscored() {
    check(
        "evidence-replay-in-progress",
        &export_attempt_with(&evidence_replay(), &[], &stand_in_each),
    );
}

#[test]
fn history_of_all_drills() {
    let all = vec![attribution(), hint_recovery(), evidence_replay()];
    check(
        "history-all",
        &export_history_with(&all, &pool(&all), HistoryFilter::All, &stand_in_each),
    );
}

#[test]
fn history_of_one_drill() {
    let all = vec![attribution(), hint_recovery(), evidence_replay()];
    check(
        "history-hint-recovery",
        &export_history_with(
            &all,
            &pool(&all),
            HistoryFilter::Drill("hint-recovery"),
            &stand_in_each,
        ),
    );
}

#[test]
fn rollout_plan_finished_with_time_per_step() {
    let a = rollout_plan();
    check(
        "rollout-plan-finished",
        &export_attempt_with(&a, &pool(std::slice::from_ref(&a)), &stand_in_each),
    );
}

#[test]
fn postmortem_in_progress_with_the_users_own_prompt() {
    check(
        "postmortem-in-progress",
        &export_attempt_with(&postmortem(), &[], &stand_in_each),
    );
}

#[test]
fn incident_triage_with_its_impact_checklist_and_a_former_section() {
    check(
        "incident-triage-checklist",
        &export_attempt_with(&incident_triage(), &[], &stand_in_each),
    );
}

#[test]
fn file_names_use_the_local_date() {
    assert_eq!(
        export_filename(&hint_recovery()),
        "evident-hint-recovery-2023-11-14.md"
    );
    assert_eq!(
        export_filename(&evidence_replay()),
        "evident-evidence-replay-2023-11-17.md"
    );
}
