//! A drill's steps against its clock: which step the clock says the user
//! should be on (highlighted as it runs), and the active time actually spent
//! on each step, credited to the step of the section being edited.
//!
//! Crediting keeps one invariant: the step times of an attempt add up to the
//! active drill time credited so far, so "the time not yet credited" is
//! `active elapsed − sum`, and nothing else needs storing (a reload only loses
//! which section was being edited, and the next edit says it again).

use crate::core::attempt::Attempt;
use crate::core::drills::{Drill, Step, StepKind};
use crate::core::timer::Timer;

const MINUTE_MS: i64 = 60_000;

/// Where the clock is in the steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScheduledStep {
    pub index: usize,
    /// Active time left in this step by the plan; negative past the end of
    /// the last step (overtime).
    pub left_ms: i64,
}

/// Hint recovery's interrupt as the schedule needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HintMoment {
    /// Active time at which it appears.
    pub at_ms: i64,
    /// Whether the user has taken it (closed the dialog).
    pub taken: bool,
}

/// The step the plan puts at active time `elapsed_ms`. Steps follow each
/// other by their minutes, and the last lasts until the drill's planned time
/// (`duration_ms`, which "Add a minute" extends). An interrupt changes that:
/// the writing step before it ends when the hint appears, the hint step lasts
/// while the hint is showing (its minute is the budget), and once the hint is
/// taken the steps after it follow.
pub fn scheduled(
    drill: &Drill,
    duration_ms: i64,
    hint: Option<HintMoment>,
    elapsed_ms: i64,
) -> Option<ScheduledStep> {
    let last = drill.steps.len().checked_sub(1)?;
    let hint_step = drill.hint_step();
    if let (Some(h), Some(hs)) = (hint, hint_step) {
        if elapsed_ms >= h.at_ms {
            let budget = i64::from(drill.steps[hs].minutes) * MINUTE_MS;
            if !h.taken || hs == last {
                return Some(ScheduledStep {
                    index: hs,
                    left_ms: h.at_ms + budget - elapsed_ms,
                });
            }
            // Taken: the steps after it follow from the hint's minute on.
            let mut start = h.at_ms + budget;
            for (i, step) in drill.steps.iter().enumerate().skip(hs + 1) {
                let mut end = start + i64::from(step.minutes) * MINUTE_MS;
                if i == last {
                    end = end.max(duration_ms);
                }
                if elapsed_ms < end || i == last {
                    return Some(ScheduledStep {
                        index: i,
                        left_ms: end - elapsed_ms,
                    });
                }
                start = end;
            }
        }
    }
    let hint_at_ms = hint.map(|h| h.at_ms);
    let mut start = 0;
    for (i, step) in drill.steps.iter().enumerate() {
        let mut end = start + i64::from(step.minutes) * MINUTE_MS;
        if hint_step == Some(i + 1) {
            if let Some(at) = hint_at_ms {
                end = at.max(start);
            }
        }
        if i == last {
            end = end.max(duration_ms);
        }
        if elapsed_ms < end || i == last {
            return Some(ScheduledStep {
                index: i,
                left_ms: end - elapsed_ms,
            });
        }
        start = end;
    }
    None
}

/// [`scheduled`] for an attempt at `now`: `None` before the start and after
/// the finish (no step is current then).
pub fn current(drill: &Drill, a: &Attempt, now: i64) -> Option<ScheduledStep> {
    let t: &Timer = &a.timer;
    if t.started_at.is_none() || t.is_finished() {
        return None;
    }
    let hint = a.hint.as_ref().map(|h| HintMoment {
        at_ms: h.at_active_ms,
        taken: h.acknowledged,
    });
    scheduled(drill, t.duration_ms, hint, t.active_elapsed_ms(now))
}

/// Credits the active time not yet credited, up to `now`, to steps.
///
/// `editing` is the section the user was editing until now (`None` when this
/// page has not seen an edit yet) and `next` the one they move to. The time
/// goes to the step of `editing`; with no `editing`, to the opening step if
/// nothing was credited yet (reading the prompt), else to `next`'s step (the
/// page was reloaded mid-drill). Time after the hint appeared and before it
/// was taken goes to the hint step. Returns whether anything changed.
pub fn credit(
    a: &mut Attempt,
    drill: &Drill,
    editing: Option<&str>,
    next: Option<&str>,
    now: i64,
) -> bool {
    let elapsed = a.timer.active_elapsed_ms(now);
    let credited: i64 = a.step_ms.values().sum();
    if elapsed <= credited {
        return false;
    }
    let of = |section: Option<&str>| section.and_then(|s| drill.step_of_section(s));
    let step = match editing {
        Some(_) => of(editing),
        None if credited == 0 => drill.opening_step(),
        None => of(next),
    }
    .or_else(|| of(next))
    .or_else(|| drill.opening_step());
    let Some(step) = step else {
        return false;
    };
    let hint_step: Option<&Step> = drill.hint_step().map(|i| &drill.steps[i]);
    let split = match (hint_step, &a.hint) {
        (Some(h), Some(hint)) if credited < hint.at_active_ms && hint.at_active_ms < elapsed => {
            Some((h, hint.at_active_ms))
        }
        _ => None,
    };
    match split {
        Some((hint_step, at)) => {
            add(a, step.id, at - credited);
            add(a, hint_step.id, elapsed - at);
        }
        None => add(a, step.id, elapsed - credited),
    }
    true
}

fn add(a: &mut Attempt, step: &str, ms: i64) {
    if ms > 0 {
        *a.step_ms.entry(step.to_owned()).or_insert(0) += ms;
    }
}

/// One step with its planned and spent time, for the results and the export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepTime {
    pub label: &'static str,
    pub planned_ms: i64,
    pub spent_ms: i64,
}

/// Every step of the drill in order with the time spent on it (0 when none).
/// Empty when nothing was credited (an attempt from before step times, or
/// never started), so callers can say so instead of showing zeros.
pub fn step_times(drill: &Drill, a: &Attempt) -> Vec<StepTime> {
    if a.step_ms.values().all(|ms| *ms <= 0) {
        return Vec::new();
    }
    drill
        .step_ms()
        .map(|(s, planned_ms)| StepTime {
            label: s.label,
            planned_ms,
            spent_ms: a.step_ms.get(s.id).copied().unwrap_or(0),
        })
        .collect()
}

/// "Answer — 7 min", plus when the interrupt comes for the step it belongs to.
pub fn step_line(drill: &Drill, index: usize) -> String {
    let Some(step) = drill.steps.get(index) else {
        return String::new();
    };
    let mut line = format!("{} — {} min", step.label, step.minutes);
    if drill.hint_step() == Some(index + 1) {
        if let Some((from, until)) = drill.hint_window() {
            line.push_str(&format!(
                " · the new constraint arrives between {} and {}",
                crate::core::timer::format_elapsed(from),
                crate::core::timer::format_elapsed(until)
            ));
        }
    }
    if step.kind == StepKind::Read {
        line.push_str(" · before you write");
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::attempt::HintState;
    use crate::core::drills::drill;

    const M: i64 = MINUTE_MS;
    const S: i64 = 1000;
    const T0: i64 = 1_700_000_000_000;

    fn d(id: &str) -> &'static Drill {
        drill(id).expect("drill exists")
    }

    #[test]
    fn the_clock_walks_the_steps_by_their_minutes() {
        let it = d("incident-triage");
        // (elapsed, step index, left)
        let cases = [
            (0, 0, 4 * M),
            (4 * M - 1, 0, 1),
            (4 * M, 1, 4 * M),
            (12 * M + 30 * S, 3, 90 * S),
            (14 * M, 4, 6 * M),
            (20 * M + 5 * S, 4, -5 * S),
        ];
        for (elapsed, index, left) in cases {
            assert_eq!(
                scheduled(it, 20 * M, None, elapsed),
                Some(ScheduledStep {
                    index,
                    left_ms: left
                }),
                "{elapsed}"
            );
        }
        // An added minute goes to the last step.
        assert_eq!(
            scheduled(it, 21 * M, None, 20 * M),
            Some(ScheduledStep {
                index: 4,
                left_ms: M
            })
        );
    }

    #[test]
    fn in_hint_recovery_the_answer_step_ends_when_the_hint_appears() {
        let hr = d("hint-recovery");
        let at = 5 * M + 10 * S;
        let showing = HintMoment {
            at_ms: at,
            taken: false,
        };
        let taken = HintMoment {
            at_ms: at,
            taken: true,
        };
        // (hint, elapsed, step index, left)
        let cases = [
            (showing, 5 * M, 0, 10 * S),
            (showing, at, 1, M),
            // Still showing past its minute: the hint step, over its budget.
            (showing, at + 2 * M, 1, -M),
            // Taken early: the hint's minute is still counted, the rest is recovery.
            (taken, at + 20 * S, 2, 15 * M - at - 20 * S),
            (taken, at + 3 * M, 2, 15 * M - at - 3 * M),
            (taken, 16 * M, 2, -M),
        ];
        for (hint, elapsed, index, left) in cases {
            assert_eq!(
                scheduled(hr, 15 * M, Some(hint), elapsed),
                Some(ScheduledStep {
                    index,
                    left_ms: left
                }),
                "{hint:?} {elapsed}"
            );
        }
        // Without a hint the plan's minutes hold.
        assert_eq!(scheduled(hr, 15 * M, None, 7 * M).map(|s| s.index), Some(1));
    }

    #[test]
    fn no_step_is_current_before_the_start_or_after_the_finish() {
        let it = d("incident-triage");
        let mut a = Attempt::new("a", it.id, "", T0, 0);
        assert_eq!(current(it, &a, T0), None);
        a.timer.start(T0);
        assert_eq!(current(it, &a, T0 + 5 * M).map(|s| s.index), Some(1));
        a.timer.finish(T0 + 6 * M);
        assert_eq!(current(it, &a, T0 + 7 * M), None);
    }

    #[test]
    fn time_goes_to_the_step_of_the_section_being_edited() {
        let it = d("incident-triage");
        let mut a = Attempt::new("a", it.id, "", T0, 0);
        assert!(!credit(&mut a, it, None, Some("roles"), T0), "not started");
        a.timer.start(T0);
        // Reading, then the first edit in the impact questions after 30 s.
        assert!(credit(
            &mut a,
            it,
            None,
            Some("impact-questions"),
            T0 + 30 * S
        ));
        // Three minutes on the impact questions, then to the roles.
        credit(
            &mut a,
            it,
            Some("impact-questions"),
            Some("roles"),
            T0 + 3 * M + 30 * S,
        );
        // Two minutes on the roles, with a one-minute pause in the middle.
        a.timer.pause(T0 + 4 * M);
        a.timer.resume(T0 + 5 * M);
        credit(
            &mut a,
            it,
            Some("roles"),
            Some("update-support"),
            T0 + 6 * M + 30 * S,
        );
        // The three updates are one step.
        credit(
            &mut a,
            it,
            Some("update-support"),
            Some("update-engineers"),
            T0 + 8 * M + 30 * S,
        );
        a.timer.finish(T0 + 9 * M + 30 * S);
        credit(&mut a, it, Some("update-engineers"), None, T0 + 20 * M);
        let got: Vec<(&str, i64)> = a.step_ms.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        assert_eq!(
            got,
            [
                ("impact-questions", 3 * M + 30 * S),
                ("roles", 2 * M),
                ("updates", 3 * M)
            ]
        );
        assert_eq!(
            a.step_ms.values().sum::<i64>(),
            a.timer.actual_ms().unwrap_or_default(),
            "the steps add up to the drill's active time"
        );
        assert!(
            !credit(&mut a, it, Some("roles"), None, T0 + 30 * M),
            "nothing left"
        );
    }

    #[test]
    fn a_reading_step_gets_the_time_before_the_first_edit_and_a_reload_the_next_section() {
        let sl = d("signal-labeling");
        let mut a = Attempt::new("a", sl.id, "", T0, 0);
        a.timer.start(T0);
        credit(&mut a, sl, None, Some("coding-fluency"), T0 + 90 * S);
        credit(&mut a, sl, Some("coding-fluency"), None, T0 + 5 * M);
        // Reloaded: the page no longer knows the section, the next edit says it.
        credit(&mut a, sl, None, Some("delivery-judgment"), T0 + 6 * M);
        assert_eq!(a.step_ms.get("read"), Some(&(90 * S)));
        assert_eq!(a.step_ms.get("label"), Some(&(4 * M + 30 * S)));
    }

    #[test]
    fn the_time_between_the_hint_and_taking_it_goes_to_the_hint_step() {
        let hr = d("hint-recovery");
        let mut a = Attempt::new("a", hr.id, "", T0, 0);
        a.hint = Some(HintState {
            index: 0,
            text: String::new(),
            at_active_ms: 5 * M,
            acknowledged: false,
        });
        a.timer.start(T0);
        credit(&mut a, hr, None, Some("answer"), T0 + 20 * S);
        credit(&mut a, hr, Some("answer"), Some("answer"), T0 + 4 * M);
        // Taken 50 s after it appeared.
        credit(&mut a, hr, Some("answer"), None, T0 + 5 * M + 50 * S);
        credit(&mut a, hr, None, Some("recovery"), T0 + 6 * M);
        credit(&mut a, hr, Some("recovery"), None, T0 + 14 * M);
        let got: Vec<(&str, i64)> = a.step_ms.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        assert_eq!(
            got,
            [
                ("answer", 5 * M),
                ("recovery", 8 * M + 10 * S),
                ("take-hint", 50 * S)
            ]
        );
    }

    #[test]
    fn step_times_list_every_step_or_nothing() {
        let pm = d("postmortem");
        let mut a = Attempt::new("a", pm.id, "", T0, 0);
        assert!(step_times(pm, &a).is_empty());
        a.step_ms.insert("impact".into(), 2 * M);
        let times = step_times(pm, &a);
        assert_eq!(times.len(), pm.steps.len());
        assert_eq!(
            times[1],
            StepTime {
                label: "Impact",
                planned_ms: 3 * M,
                spent_ms: 2 * M
            }
        );
        assert_eq!(times[0].spent_ms, 0);
    }

    #[test]
    fn step_lines_say_the_suggested_time_and_when_the_hint_comes() {
        let hr = d("hint-recovery");
        assert_eq!(
            step_line(hr, 0),
            "Answer — 7 min · the new constraint arrives between 3:30 and 7:00"
        );
        assert_eq!(step_line(hr, 1), "Take the hint — 1 min");
        assert_eq!(
            step_line(d("signal-labeling"), 0),
            "Read the prompt — 2 min · before you write"
        );
        assert_eq!(step_line(hr, 9), "");
    }
}
