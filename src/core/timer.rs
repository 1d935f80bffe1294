//! The drill timer as pure arithmetic over a persisted wall-clock deadline.
//! The browser only feeds it `now_ms` (epoch milliseconds); nothing counts ticks,
//! so a locked phone or a throttled tab never makes it drift, and a reload at
//! any moment reads the right second from the stored state.
//!
//! The deadline is `started_at + duration_ms + paused time`; remaining time is
//! `deadline - now`. Transitions are guarded: each returns whether it changed
//! anything, and an out-of-order call (pause while paused, resume while running,
//! anything after finish) is a no-op, so double taps and replays are harmless.
//!
//! Display rounding: the countdown shows remaining seconds rounded **up**, so it
//! reads "20:00" for the whole first second and reaches "0:00" exactly at the
//! deadline, never early. Overtime counts up with seconds rounded **down**
//! ("+0:00" for the first second past the deadline), so every displayed second
//! lasts one real second on both sides of zero.

use serde::{Deserialize, Serialize};

use crate::core::attempt::{Attempt, HintState};
use crate::core::drills::{drill, hint_index, Drill, HINTS};

const MINUTE_MS: i64 = 60_000;

/// Where a drill's clock is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Phase {
    NotStarted,
    Running,
    Paused,
    /// Past the deadline and still running: the drill stays editable, counting up.
    Overtime,
    Finished,
}

/// Persisted timer state. All instants are epoch milliseconds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timer {
    /// Planned time plus any added minutes.
    pub duration_ms: i64,
    pub started_at: Option<i64>,
    /// Sum of completed pauses.
    pub paused_total_ms: i64,
    /// Set while paused.
    pub paused_since: Option<i64>,
    pub finished_at: Option<i64>,
}

impl Timer {
    /// A timer that has not started, planned for `planned_minutes`.
    pub fn new(planned_minutes: u32) -> Timer {
        Timer::with_duration_ms(i64::from(planned_minutes) * MINUTE_MS)
    }

    /// A timer that has not started, planned for `duration_ms`.
    pub fn with_duration_ms(duration_ms: i64) -> Timer {
        Timer {
            duration_ms,
            started_at: None,
            paused_total_ms: 0,
            paused_since: None,
            finished_at: None,
        }
    }

    /// Starts the clock. No-op once started.
    pub fn start(&mut self, now: i64) -> bool {
        if self.started_at.is_some() {
            return false;
        }
        self.started_at = Some(now);
        true
    }

    /// Pauses a running (or overtime) clock. No-op when not started, already
    /// paused or finished.
    pub fn pause(&mut self, now: i64) -> bool {
        if self.started_at.is_none() || self.paused_since.is_some() || self.is_finished() {
            return false;
        }
        self.paused_since = Some(now);
        true
    }

    /// Resumes a paused clock; the pause is added to the deadline. No-op when
    /// not paused.
    pub fn resume(&mut self, now: i64) -> bool {
        if self.is_finished() {
            return false;
        }
        self.close_pause(now)
    }

    /// Adds one minute to the planned time (before or during the drill, also
    /// in overtime, which can bring the clock back to a countdown). No-op once
    /// finished, since the planned time of a finished drill is history.
    pub fn add_minute(&mut self) -> bool {
        if self.is_finished() {
            return false;
        }
        self.duration_ms += MINUTE_MS;
        true
    }

    /// Finishes the drill. Finishing while paused ends the pause at `now`, so the
    /// paused span does not count as drill time. No-op when not started (the
    /// UI offers "Finish drill" only after "Start drill") or already finished.
    pub fn finish(&mut self, now: i64) -> bool {
        let Some(started) = self.started_at else {
            return false;
        };
        if self.is_finished() {
            return false;
        }
        self.close_pause(now);
        // A clock that went backwards must not finish before the start.
        self.finished_at = Some(now.max(started));
        true
    }

    fn close_pause(&mut self, now: i64) -> bool {
        let Some(since) = self.paused_since.take() else {
            return false;
        };
        self.paused_total_ms += (now - since).max(0);
        true
    }

    pub fn is_finished(&self) -> bool {
        self.finished_at.is_some()
    }

    /// Where the clock is at `now`. Time is up (overtime) from the deadline on,
    /// when the countdown reads "0:00".
    pub fn phase(&self, now: i64) -> Phase {
        if self.is_finished() {
            Phase::Finished
        } else if self.started_at.is_none() {
            Phase::NotStarted
        } else if self.paused_since.is_some() {
            Phase::Paused
        } else if self.remaining_ms(now) <= 0 {
            Phase::Overtime
        } else {
            Phase::Running
        }
    }

    /// Drill time spent so far, excluding pauses: frozen while paused and after
    /// finish; 0 before the start or if the clock reads earlier than the start.
    pub fn active_elapsed_ms(&self, now: i64) -> i64 {
        let Some(started) = self.started_at else {
            return 0;
        };
        let end = self.finished_at.or(self.paused_since).unwrap_or(now);
        (end - started - self.paused_total_ms).max(0)
    }

    /// Time left before the deadline; negative in overtime.
    pub fn remaining_ms(&self, now: i64) -> i64 {
        self.duration_ms - self.active_elapsed_ms(now)
    }

    /// Time past the deadline, 0 before it.
    pub fn overtime_ms(&self, now: i64) -> i64 {
        (-self.remaining_ms(now)).max(0)
    }

    /// The wall-clock deadline as of `now` (it moves later while paused);
    /// `None` before the start.
    pub fn deadline_ms(&self, now: i64) -> Option<i64> {
        let started = self.started_at?;
        let open_pause = match (self.paused_since, self.finished_at) {
            (Some(since), None) => (now - since).max(0),
            _ => 0,
        };
        Some(started + self.duration_ms + self.paused_total_ms + open_pause)
    }

    /// Active time a finished drill took (the "actual time" of history).
    pub fn actual_ms(&self) -> Option<i64> {
        self.finished_at.map(|end| self.active_elapsed_ms(end))
    }

    /// The countdown text at `now`: "m:ss", or "+m:ss" in overtime.
    pub fn display(&self, now: i64) -> String {
        format_clock(self.remaining_ms(now))
    }

    /// Milliseconds until the displayed second changes, so the UI can schedule
    /// its next repaint on the boundary instead of ticking blindly. Always in
    /// 1..=1000.
    pub fn ms_to_next_second(&self, now: i64) -> i64 {
        match self.remaining_ms(now).rem_euclid(1000) {
            0 => 1000,
            ms => ms,
        }
    }
}

/// Formats a countdown value: `ms >= 0` as "m:ss" with seconds rounded up
/// (so 0:00 is exactly the deadline); `ms < 0` as overtime "+m:ss" with
/// seconds rounded down. Minutes are not wrapped into hours ("75:00").
pub fn format_clock(ms: i64) -> String {
    if ms >= 0 {
        mss(ms.unsigned_abs().div_ceil(1000))
    } else {
        format!("+{}", mss(ms.unsigned_abs() / 1000))
    }
}

/// Formats a spent duration (such as `actual_ms`) as "m:ss", seconds rounded
/// down: 4:59.9 took "4:59", never a second it did not take.
pub fn format_elapsed(ms: i64) -> String {
    mss(ms.max(0).unsigned_abs() / 1000)
}

fn mss(total_seconds: u64) -> String {
    format!("{}:{:02}", total_seconds / 60, total_seconds % 60)
}

/// When the hint of a `hint-recovery` drill interrupts, and which hint it is.
/// The moment is drawn once from a random number the caller supplies and
/// stored with the attempt, so a reload never moves it; the hint is the one
/// the moment selects among the hints that fit the prompt, so changing the
/// prompt before the hint appears changes the hint to one that fits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HintPlan {
    /// Active (unpaused) drill time at which the hint appears.
    pub at_active_ms: i64,
    /// Index into `drills::HINTS`.
    pub hint_index: usize,
}

impl HintPlan {
    /// The moment is uniform over the drill's hint window (the second half of
    /// its Answer step), to the millisecond, taken from `rand`; `None` for a
    /// drill without an interrupt or a prompt no hint fits.
    pub fn draw(drill: &Drill, prompt: &str, rand: u32) -> Option<HintPlan> {
        let (lo, hi) = drill.hint_window()?;
        let span = (hi - lo).max(0) as u128;
        let at = lo + ((span * u128::from(rand)) >> 32) as i64;
        HintPlan::at(drill, prompt, at)
    }

    /// The plan for a moment already drawn: the hint is the moment's choice
    /// among the prompt's fitting hints.
    pub fn at(drill: &Drill, prompt: &str, at_active_ms: i64) -> Option<HintPlan> {
        let hints = drill.fitting_hints(prompt);
        let n = hints.len() as i64;
        if n == 0 {
            return None;
        }
        let hint = hints[at_active_ms.rem_euclid(n) as usize];
        Some(HintPlan {
            at_active_ms,
            hint_index: hint_index(hint)?,
        })
    }

    /// The hint as the attempt stores it (not yet taken).
    pub fn state(&self) -> HintState {
        HintState {
            index: self.hint_index,
            text: HINTS
                .get(self.hint_index)
                .map_or_else(String::new, |h| h.text.to_owned()),
            at_active_ms: self.at_active_ms,
            acknowledged: false,
        }
    }

    /// Whether the hint should be showing: the drill has started and its
    /// active time reached the planned moment. Stays true once reached, so a
    /// reload after the moment shows the hint again.
    pub fn is_due(&self, timer: &Timer, now: i64) -> bool {
        timer.started_at.is_some() && timer.active_elapsed_ms(now) >= self.at_active_ms
    }

    /// Active time left until the hint is due (0 when due): how long the UI
    /// may sleep before checking again, if the clock is running.
    pub fn ms_until_due(&self, timer: &Timer, now: i64) -> i64 {
        (self.at_active_ms - timer.active_elapsed_ms(now)).max(0)
    }
}

/// After the prompt changed: a hint that has not appeared yet becomes the
/// one its moment selects for the new prompt (or none, if none fits). A hint
/// that has appeared is history and stays. Returns whether it changed.
pub fn refit_hint(a: &mut Attempt, now: i64) -> bool {
    let Some(drill) = drill(&a.drill_id) else {
        return false;
    };
    let at = match &a.hint {
        Some(h) if h.acknowledged || a.timer.active_elapsed_ms(now) >= h.at_active_ms => {
            return false
        }
        Some(h) => h.at_active_ms,
        None => return false,
    };
    let next = HintPlan::at(drill, &a.prompt, at).map(|p| p.state());
    let changed = next != a.hint;
    // A prompt no hint fits keeps the hint it had: the drill still interrupts.
    if changed && next.is_some() {
        a.hint = next;
    }
    changed && a.hint.is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: i64 = 1_700_000_000_000;
    const S: i64 = 1000;
    const M: i64 = 60 * S;

    /// Serialises and restores, as a reload does.
    fn reload(t: &Timer) -> Timer {
        let json = serde_json::to_string(t).expect("timer serialises");
        serde_json::from_str(&json).expect("timer deserialises")
    }

    #[test]
    fn new_timer_is_not_started_and_shows_the_planned_time() {
        let t = Timer::new(20);
        assert_eq!(t.duration_ms, 20 * M);
        assert_eq!(t.phase(T0), Phase::NotStarted);
        assert_eq!(t.remaining_ms(T0), 20 * M);
        assert_eq!(t.display(T0), "20:00");
        assert_eq!(t.deadline_ms(T0), None);
        assert_eq!(t.actual_ms(), None);
    }

    #[test]
    fn countdown_is_computed_from_the_deadline() {
        let mut t = Timer::new(20);
        assert!(t.start(T0));
        // (offset from start, remaining, display, phase)
        let cases = [
            (0, 20 * M, "20:00", Phase::Running),
            (800, 20 * M - 800, "20:00", Phase::Running),
            (S, 20 * M - S, "19:59", Phase::Running),
            (5 * M, 15 * M, "15:00", Phase::Running),
            (20 * M - 999, 999, "0:01", Phase::Running),
            (20 * M - 1, 1, "0:01", Phase::Running),
            (20 * M, 0, "0:00", Phase::Overtime),
            (20 * M + 999, -999, "+0:00", Phase::Overtime),
            (21 * M + 5 * S, -(M + 5 * S), "+1:05", Phase::Overtime),
        ];
        for (offset, remaining, display, phase) in cases {
            let now = T0 + offset;
            assert_eq!(t.remaining_ms(now), remaining, "{offset}");
            assert_eq!(t.display(now), display, "{offset}");
            assert_eq!(t.phase(now), phase, "{offset}");
        }
        assert_eq!(t.deadline_ms(T0 + 5 * M), Some(T0 + 20 * M));
        assert_eq!(t.overtime_ms(T0 + 21 * M), M);
        assert_eq!(t.overtime_ms(T0 + 19 * M), 0);
    }

    #[test]
    fn reload_mid_drill_reads_the_right_second() {
        let mut t = Timer::new(20);
        t.start(T0);
        let t = reload(&t);
        // Five minutes later, e.g. after the phone was locked: no ticks needed.
        assert_eq!(t.display(T0 + 5 * M), "15:00");
        assert_eq!(t.display(T0 + 5 * M + 300), "15:00");
        assert_eq!(t.display(T0 + 5 * M + S), "14:59");
    }

    #[test]
    fn pause_survives_reload_and_moves_the_deadline() {
        let mut t = Timer::new(20);
        t.start(T0);
        assert!(t.pause(T0 + 5 * M));
        let mut t = reload(&t);
        // While paused, time stands still however long the reload takes.
        assert_eq!(t.phase(T0 + 9 * M), Phase::Paused);
        assert_eq!(t.display(T0 + 9 * M), "15:00");
        assert_eq!(t.deadline_ms(T0 + 9 * M), Some(T0 + 24 * M));
        assert!(t.resume(T0 + 10 * M));
        let t = reload(&t);
        assert_eq!(t.paused_total_ms, 5 * M);
        assert_eq!(t.phase(T0 + 10 * M), Phase::Running);
        assert_eq!(t.display(T0 + 10 * M), "15:00");
        assert_eq!(t.display(T0 + 12 * M), "13:00");
        assert_eq!(t.deadline_ms(T0 + 12 * M), Some(T0 + 25 * M));
        assert_eq!(t.phase(T0 + 25 * M), Phase::Overtime);
        assert_eq!(t.active_elapsed_ms(T0 + 12 * M), 7 * M);
    }

    #[test]
    fn transitions_are_guarded() {
        let mut t = Timer::new(15);
        // Before start: nothing but start and add_minute does anything.
        assert!(!t.pause(T0));
        assert!(!t.resume(T0));
        assert!(!t.finish(T0));
        assert!(t.start(T0));
        assert!(!t.start(T0 + M), "second start must not move the clock");
        assert_eq!(t.started_at, Some(T0));
        assert!(!t.resume(T0 + M), "resume while running");
        assert!(t.pause(T0 + M));
        assert!(
            !t.pause(T0 + 2 * M),
            "pause while paused keeps the first instant"
        );
        assert_eq!(t.paused_since, Some(T0 + M));
        assert!(t.resume(T0 + 3 * M));
        assert!(!t.resume(T0 + 4 * M));
        assert_eq!(t.paused_total_ms, 2 * M);
        assert!(t.finish(T0 + 5 * M));
        let done = t.clone();
        assert!(!t.finish(T0 + 6 * M));
        assert!(!t.pause(T0 + 6 * M));
        assert!(!t.resume(T0 + 6 * M));
        assert!(!t.add_minute());
        assert!(!t.start(T0 + 6 * M));
        assert_eq!(t, done, "nothing changes after finish");
    }

    #[test]
    fn add_minute_extends_the_deadline_even_in_overtime() {
        let mut t = Timer::new(15);
        assert!(t.add_minute(), "before start");
        assert_eq!(t.display(T0), "16:00");
        t.start(T0);
        assert_eq!(t.phase(T0 + 16 * M + 30 * S), Phase::Overtime);
        assert_eq!(t.display(T0 + 16 * M + 30 * S), "+0:30");
        t.add_minute();
        let t = reload(&t);
        assert_eq!(t.duration_ms, 17 * M);
        assert_eq!(t.phase(T0 + 16 * M + 30 * S), Phase::Running);
        assert_eq!(t.display(T0 + 16 * M + 30 * S), "0:30");
    }

    #[test]
    fn finish_records_actual_active_time() {
        let mut t = Timer::new(20);
        t.start(T0);
        t.pause(T0 + 2 * M);
        t.resume(T0 + 3 * M);
        t.finish(T0 + 22 * M + 10 * S);
        assert_eq!(t.phase(T0 + 30 * M), Phase::Finished);
        assert_eq!(t.actual_ms(), Some(21 * M + 10 * S));
        assert_eq!(format_elapsed(t.actual_ms().unwrap_or_default()), "21:10");
        // Frozen: later reads do not grow.
        assert_eq!(t.active_elapsed_ms(T0 + 99 * M), 21 * M + 10 * S);
        assert_eq!(reload(&t).actual_ms(), Some(21 * M + 10 * S));
    }

    #[test]
    fn finish_while_paused_does_not_count_the_pause() {
        let mut t = Timer::new(20);
        t.start(T0);
        t.pause(T0 + 4 * M);
        assert!(t.finish(T0 + 50 * M));
        assert_eq!(t.paused_since, None);
        assert_eq!(t.actual_ms(), Some(4 * M));
        assert_eq!(t.phase(T0 + 50 * M), Phase::Finished);
    }

    #[test]
    fn a_clock_that_goes_backwards_never_gives_negative_elapsed_time() {
        let mut t = Timer::new(10);
        t.start(T0);
        assert_eq!(t.active_elapsed_ms(T0 - 5 * S), 0);
        assert_eq!(t.display(T0 - 5 * S), "10:00");
        t.pause(T0 + M);
        t.resume(T0 + M - 5 * S);
        assert_eq!(t.paused_total_ms, 0);
        t.finish(T0 - M);
        assert_eq!(t.actual_ms(), Some(0));
    }

    #[test]
    fn format_clock_rounds_up_before_the_deadline_and_down_after() {
        let cases = [
            (20 * M, "20:00"),
            (19 * M + 59 * S + 200, "20:00"),
            (4 * M + 5 * S, "4:05"),
            (4 * M + 4 * S + 1, "4:05"),
            (75 * M, "75:00"),
            (1, "0:01"),
            (0, "0:00"),
            (-1, "+0:00"),
            (-S, "+0:01"),
            (-(M + 5 * S), "+1:05"),
            (-(M + 5 * S + 999), "+1:05"),
            (i64::MIN, "+153722867280912:55"),
        ];
        for (ms, want) in cases {
            assert_eq!(format_clock(ms), want, "{ms}");
        }
        assert_eq!(format_elapsed(4 * M + 59 * S + 900), "4:59");
        assert_eq!(format_elapsed(-5), "0:00");
    }

    #[test]
    fn next_repaint_lands_on_the_second_boundary() {
        let mut t = Timer::new(1);
        t.start(T0);
        let cases = [(0, 1000), (200, 800), (S, 1000), (M - 1, 1), (M + 300, 700)];
        for (offset, want) in cases {
            let now = T0 + offset;
            let wait = t.ms_to_next_second(now);
            assert_eq!(wait, want, "{offset}");
            assert_ne!(t.display(now + wait - 1), t.display(now + wait), "{offset}");
        }
    }

    #[test]
    fn spoken_summary_sub_timer_is_two_minutes_and_done_stops_it() {
        use crate::core::drills::SectionAid;
        let spoken = drill("attribution-split")
            .and_then(|d| d.sections.iter().find(|s| s.id == "spoken-summary"))
            .map(|s| s.aid);
        let Some(SectionAid::SpokenTimer { minutes }) = spoken else {
            panic!("attribution split has a spoken timer");
        };
        let mut t = Timer::new(minutes);
        assert_eq!(t.display(T0), "2:00");
        t.start(T0);
        assert_eq!(t.display(T0 + 90 * S), "0:30");
        assert_eq!(t.phase(T0 + 2 * M), Phase::Overtime);
        // Done: the time taken is kept and stops growing.
        assert!(t.finish(T0 + 104 * S));
        assert_eq!(t.actual_ms(), Some(104 * S));
        assert_eq!(reload(&t).actual_ms(), Some(104 * S));
    }

    #[test]
    fn the_hint_comes_inside_the_answer_steps_window_and_fits_the_prompt() {
        let hr = drill("hint-recovery").expect("drill exists");
        let (lo, hi) = hr.hint_window().expect("a window");
        let answer_end: i64 = i64::from(hr.steps[0].minutes) * M;
        assert_eq!(hi, answer_end, "never after the Answer step");
        // Property-style: a deterministic spread of random values, plus the extremes.
        let mut x: u32 = 0x9E37_79B9;
        let mut draws = vec![0, u32::MAX, u32::MAX / 2];
        for _ in 0..5_000 {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            draws.push(x);
        }
        for p in hr.prompts {
            let mut seen = std::collections::HashSet::new();
            let (mut lowest, mut highest) = (i64::MAX, i64::MIN);
            for &r in &draws {
                let plan = HintPlan::draw(hr, p.text, r).expect("a plan");
                assert!(plan.at_active_ms >= lo && plan.at_active_ms < hi, "{r}");
                let hint = &HINTS[plan.hint_index];
                assert!(
                    p.hints.iter().any(|h| h.id == hint.id),
                    "{} got {}",
                    p.text,
                    hint.id
                );
                seen.insert(hint.id);
                lowest = lowest.min(plan.at_active_ms);
                highest = highest.max(plan.at_active_ms);
            }
            assert_eq!(
                seen.len(),
                p.hints.len(),
                "every hint of {} can be drawn",
                p.text
            );
            assert_eq!(lowest, lo);
            assert!(highest >= hi - 1, "{highest}");
        }
        // The 9:40 of the issue is outside the window; 7:00 is the Answer step's end.
        assert!(hi <= 7 * M);
        let other = drill("incident-triage").expect("drill exists");
        assert_eq!(HintPlan::draw(other, other.prompts[0].text, 7), None);
    }

    #[test]
    fn changing_the_prompt_before_the_hint_changes_the_hint_to_one_that_fits() {
        let hr = drill("hint-recovery").expect("drill exists");
        let design = hr.prompts[0].text;
        let coding = "Write a function that returns the k most frequent words in a log file.";
        let mut a = Attempt::new("a", hr.id, design, T0, 0);
        a.hint = HintPlan::draw(hr, design, 12_345).map(|p| p.state());
        let at = a.hint.as_ref().map(|h| h.at_active_ms).expect("a hint");
        a.prompt = coding.to_owned();
        assert!(refit_hint(&mut a, T0));
        let h = a.hint.clone().expect("still a hint");
        assert_eq!(h.at_active_ms, at, "the moment stays");
        assert_eq!(HINTS[h.index].fits, crate::core::drills::PromptKind::Coding);
        assert_eq!(h.text, HINTS[h.index].text);
        // The user's own design prompt: a general design hint.
        a.prompt = "Design a ticket queue for a support team.".to_owned();
        refit_hint(&mut a, T0);
        let own = &HINTS[a.hint.as_ref().expect("hint").index];
        assert!(own.general && own.fits == crate::core::drills::PromptKind::Design);
        // Once it has appeared it is history.
        a.timer.start(T0);
        let shown = a.hint.clone();
        a.prompt = coding.to_owned();
        assert!(!refit_hint(&mut a, T0 + at));
        assert_eq!(a.hint, shown);
    }

    #[test]
    fn hint_is_due_by_active_time_and_survives_reload() {
        let plan = HintPlan {
            at_active_ms: 7 * M,
            hint_index: 3,
        };
        assert_eq!(plan.state().text, HINTS[3].text);
        let mut t = Timer::new(15);
        assert!(!plan.is_due(&t, T0 + 60 * M), "not before start");
        t.start(T0);
        t.pause(T0 + 5 * M);
        // A long pause does not bring the hint forward.
        assert!(!plan.is_due(&t, T0 + 30 * M));
        t.resume(T0 + 30 * M);
        assert_eq!(plan.ms_until_due(&t, T0 + 30 * M), 2 * M);
        assert!(!plan.is_due(&t, T0 + 32 * M - 1));
        let (t, plan) = (reload(&t), {
            let json = serde_json::to_string(&plan).expect("plan serialises");
            serde_json::from_str::<HintPlan>(&json).expect("plan deserialises")
        });
        assert!(plan.is_due(&t, T0 + 32 * M));
        assert!(plan.is_due(&t, T0 + 40 * M), "stays due");
        assert_eq!(plan.ms_until_due(&t, T0 + 40 * M), 0);
    }
}
