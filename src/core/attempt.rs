//! The domain model of one drill attempt: what the user wrote, the clock, the
//! hint they were given, their self-scores and notes.
//!
//! These are domain types, not storage types: they carry no serde derives on
//! purpose, so changing them can never silently change what is persisted.
//! `schema` owns the versioned serialised form and converts at the boundary.
//! Ids and instants are passed in; nothing here reads a clock or draws random
//! numbers.

use crate::core::analysis_protocol::{SectionText, Sections};
use crate::core::analyzer::{self, Analysis, SectionInput, SignalEvidence};
use crate::core::audio::recording::Recording;
use crate::core::audio::slot;
use crate::core::drills::{self, Drill, RubricId};
use crate::core::rubric::Mark;
use crate::core::signals::Signal;
use crate::core::timer::Timer;
use std::collections::BTreeMap;

/// An analyzer of one attempt's sections read together:
/// `analyzer::analyze_sections` in the app's worker and the CLI; the answers
/// the worker gave, on the page; a fixed one in golden tests.
pub type Analyze<'a> = &'a dyn Fn(&[SectionInput<'_>]) -> Vec<Analysis>;

/// The interrupting hint of a hint-recovery drill, as shown to the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HintState {
    /// Index into the drill's hint bank (kept so history can group by hint).
    pub index: usize,
    /// The hint text as shown; copied so a later change of the bank does not
    /// rewrite history.
    pub text: String,
    /// Active (unpaused) drill time at which the hint appeared.
    pub at_active_ms: i64,
    /// Whether the user dismissed the interruption and went on.
    pub acknowledged: bool,
}

/// The user's answer to one item of a drill's checklist (incident triage's
/// impact questions): ticked as asked, and what they found or assumed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChecklistAnswer {
    pub ticked: bool,
    pub answer: String,
}

impl ChecklistAnswer {
    /// Ticked or answered: the question was asked.
    pub fn is_asked(&self) -> bool {
        self.ticked || !self.answer.trim().is_empty()
    }
}

/// One round of self-scores on one rubric.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RubricScores {
    pub rubric: RubricId,
    /// One mark per rubric dimension, in the rubric's dimension order:
    /// a score, or `None` for "not tested in this drill".
    pub values: Vec<Mark>,
    /// Optional free-text note next to the scores.
    pub note: String,
    pub scored_at_ms: i64,
}

/// One attempt at one drill.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attempt {
    pub id: String,
    pub drill_id: String,
    pub prompt: String,
    /// Section id → text. A `BTreeMap` so iteration (and export) is stable.
    pub sections: BTreeMap<String, String>,
    pub timer: Timer,
    pub hint: Option<HintState>,
    /// At most one entry per rubric (see [`Attempt::record_scores`]).
    pub scores: Vec<RubricScores>,
    pub notes: String,
    pub created_at_ms: i64,
    pub updated_at_ms: i64,
    /// Minutes east of UTC at creation (`-new Date().getTimezoneOffset()`),
    /// so exports show the local date the user saw.
    pub tz_offset_minutes: i32,
    /// What is kept of each spoken answer (at most one per spoken slot);
    /// the transcript is a section, the audio is in the browser.
    pub recordings: Vec<Recording>,
    /// Active drill time credited to each step (by step id), from the section
    /// being edited (see `steps`). Their sum is the active time credited so far.
    pub step_ms: BTreeMap<String, i64>,
    /// The spoken-summary sub-timer of a drill with a spoken step: `None`
    /// until started (or after Reset); finished when the user pressed Done.
    pub spoken_summary: Option<Timer>,
    /// Checklist item id → the user's answer (incident triage's impact questions).
    pub checklist: BTreeMap<String, ChecklistAnswer>,
    /// `Some` while the user writes their own prompt: the bank prompt set
    /// aside, one tap away. `prompt` then holds exactly what they typed.
    pub drawn_prompt: Option<String>,
}

/// One workspace section of an attempt, labelled for display.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SectionView<'a> {
    pub id: &'a str,
    /// The catalogue label, or the raw id for a section the catalogue no
    /// longer knows (kept rather than dropped).
    pub label: &'a str,
    pub text: &'a str,
}

/// The analysis of one section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionAnalysis<'a> {
    pub section: SectionView<'a>,
    pub analysis: Analysis,
}

impl Attempt {
    /// A fresh, not yet started attempt with the drill's planned time.
    /// An unknown drill id gets a zero duration rather than a panic: the UI
    /// only offers catalogue drills, and imports are validated elsewhere.
    pub fn new(
        id: impl Into<String>,
        drill_id: impl Into<String>,
        prompt: impl Into<String>,
        now_ms: i64,
        tz_offset_minutes: i32,
    ) -> Self {
        let drill_id = drill_id.into();
        let minutes = drills::drill(&drill_id).map_or(0, |d| d.minutes);
        Attempt {
            id: id.into(),
            drill_id,
            prompt: prompt.into(),
            sections: BTreeMap::new(),
            timer: Timer {
                duration_ms: i64::from(minutes) * 60_000,
                started_at: None,
                paused_total_ms: 0,
                paused_since: None,
                finished_at: None,
            },
            hint: None,
            scores: Vec::new(),
            notes: String::new(),
            created_at_ms: now_ms,
            updated_at_ms: now_ms,
            tz_offset_minutes,
            recordings: Vec::new(),
            step_ms: BTreeMap::new(),
            spoken_summary: None,
            checklist: BTreeMap::new(),
            drawn_prompt: None,
        }
    }

    /// The catalogue entry, if the drill id is known.
    pub fn drill(&self) -> Option<&'static Drill> {
        drills::drill(&self.drill_id)
    }

    /// The drill title, falling back to the raw id.
    pub fn drill_title(&self) -> &str {
        self.drill().map_or(self.drill_id.as_str(), |d| d.title)
    }

    /// Finished means the user pressed Finish (or the app finished it); an
    /// overtime drill is still open for writing.
    pub fn is_finished(&self) -> bool {
        self.timer.finished_at.is_some()
    }

    /// Whether the clock was ever started.
    pub fn is_started(&self) -> bool {
        self.timer.started_at.is_some()
    }

    /// The text of one section ("" when never written).
    pub fn section_text(&self, id: &str) -> &str {
        self.sections.get(id).map_or("", String::as_str)
    }

    /// Sets one section's text and bumps `updated_at_ms`.
    pub fn set_section(&mut self, id: &str, text: impl Into<String>, now_ms: i64) {
        self.sections.insert(id.to_owned(), text.into());
        self.touch(now_ms);
    }

    /// Sets the notes and bumps `updated_at_ms`.
    pub fn set_notes(&mut self, notes: impl Into<String>, now_ms: i64) {
        self.notes = notes.into();
        self.touch(now_ms);
    }

    /// Records `updated_at_ms` monotonically: a skewed clock never moves it
    /// back, because merge-on-import keeps the newer `updated_at_ms`.
    pub fn touch(&mut self, now_ms: i64) {
        self.updated_at_ms = self.updated_at_ms.max(now_ms);
    }

    /// Records one round of scores, replacing an earlier round on the same
    /// rubric (an attempt is one round per rubric; re-scoring corrects it).
    pub fn record_scores(&mut self, scores: RubricScores) {
        let at = scores.scored_at_ms;
        match self.scores.iter_mut().find(|s| s.rubric == scores.rubric) {
            Some(existing) => *existing = scores,
            None => self.scores.push(scores),
        }
        self.touch(at);
    }

    /// This attempt's scores on `rubric`, if scored.
    pub fn scores_for(&self, rubric: RubricId) -> Option<&RubricScores> {
        self.scores.iter().find(|s| s.rubric == rubric)
    }

    /// The recording of a spoken slot, if one was made.
    pub fn recording(&self, slot: &str) -> Option<&Recording> {
        self.recordings.iter().find(|r| r.slot == slot)
    }

    /// Keeps `recording` in its slot, replacing an earlier one there.
    pub fn set_recording(&mut self, recording: Recording, now_ms: i64) {
        self.recordings.retain(|r| r.slot != recording.slot);
        self.recordings.push(recording);
        self.touch(now_ms);
    }

    /// Forgets the recording of `slot` (its transcript stays a section).
    pub fn remove_recording(&mut self, slot: &str, now_ms: i64) {
        self.recordings.retain(|r| r.slot != slot);
        self.touch(now_ms);
    }

    /// Whether every rubric of the drill has been scored.
    pub fn is_fully_scored(&self) -> bool {
        self.drill()
            .is_some_and(|d| d.rubrics.iter().all(|&r| self.scores_for(r).is_some()))
    }

    /// Sections in catalogue order, then any sections the catalogue does not
    /// know (in id order), so nothing the user wrote is ever hidden.
    /// Catalogue sections are listed even when empty.
    pub fn section_views(&self) -> Vec<SectionView<'_>> {
        let mut views: Vec<SectionView<'_>> = Vec::new();
        let known: &[drills::Section] = self.drill().map_or(&[], |d| d.sections);
        for s in known {
            views.push(SectionView {
                id: s.id,
                label: s.label,
                text: self.section_text(s.id),
            });
        }
        for (id, text) in &self.sections {
            if !known.iter().any(|s| s.id == id) {
                // A spoken slot's transcript, or a section of an earlier
                // catalogue, keeps its label.
                let label = slot::transcript_section(id)
                    .map(|s| s.label)
                    .or_else(|| self.drill().and_then(|d| d.section_label(id)));
                views.push(SectionView {
                    id,
                    label: label.unwrap_or(id),
                    text,
                });
            }
        }
        views
    }

    /// Runs the analyzer over the attempt's non-empty sections together, so
    /// each is read with the others as context (the "What I owned" section
    /// answers the "Team outcome" one). Findings' spans refer to their own
    /// section's text.
    pub fn analyze_sections(&self) -> Vec<SectionAnalysis<'_>> {
        self.analyze_sections_with(&analyzer::analyze_sections)
    }

    /// [`Attempt::analyze_sections`] with a given analyzer: the app passes
    /// the analysis worker's answers (see `core::analysis_protocol`), the
    /// export's golden tests a fixed one.
    pub fn analyze_sections_with(&self, analyze: Analyze<'_>) -> Vec<SectionAnalysis<'_>> {
        let views: Vec<SectionView<'_>> = self
            .section_views()
            .into_iter()
            .filter(|s| !s.text.trim().is_empty())
            .collect();
        let inputs: Vec<SectionInput<'_>> = views
            .iter()
            .map(|s| SectionInput {
                label: s.label,
                text: s.text,
            })
            .collect();
        let mut analyses = analyze(&inputs).into_iter();
        views
            .into_iter()
            .map(|section| SectionAnalysis {
                analysis: analyses.next().unwrap_or_else(Analysis::nothing),
                section,
            })
            .collect()
    }

    /// What [`Attempt::analyze_sections`] analyses, owned: what the app asks
    /// the analysis worker for.
    pub fn sections_to_analyse(&self) -> Sections {
        self.section_views()
            .into_iter()
            .filter(|s| !s.text.trim().is_empty())
            .map(|s| SectionText {
                label: s.label.to_owned(),
                text: s.text.to_owned(),
            })
            .collect()
    }

    /// Finding counts by rule id over all sections (rule ids sorted).
    pub fn finding_counts(&self) -> Vec<(&'static str, usize)> {
        finding_counts(&self.analyze_sections())
    }

    /// Signal coverage over the whole attempt: a signal is shown when any
    /// section shows it; phrases are collected in section order, deduplicated.
    pub fn signal_coverage(&self) -> Vec<SignalEvidence> {
        signal_coverage(&self.analyze_sections())
    }
}

/// A rule's title for people ("Vague \"we\""); ids stay in the CLI and JSON.
pub fn rule_title(rule: &'static str) -> &'static str {
    analyzer::rule_info(rule).map_or(rule, |r| r.title)
}

/// "2 Vague \"we\", 1 Hidden reasoning", or `None` when there are no findings.
pub fn counts_line(counts: &[(&'static str, usize)]) -> Option<String> {
    (!counts.is_empty()).then(|| {
        counts
            .iter()
            .map(|(rule, n)| format!("{n} {}", rule_title(rule)))
            .collect::<Vec<_>>()
            .join(", ")
    })
}

/// Finding counts by rule over already computed analyses (lets callers that
/// also need the findings analyse once), sorted by rule id. A sorted list,
/// not a map: there are at most eight rules, and a map keyed by `&str` would
/// compile one more copy of the B-tree code into the wasm.
pub fn finding_counts(analyses: &[SectionAnalysis<'_>]) -> Vec<(&'static str, usize)> {
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    for a in analyses {
        for f in &a.analysis.findings {
            match counts.iter().position(|(rule, _)| *rule >= f.rule.id()) {
                Some(i) if counts[i].0 == f.rule.id() => counts[i].1 += 1,
                Some(i) => counts.insert(i, (f.rule.id(), 1)),
                None => counts.push((f.rule.id(), 1)),
            }
        }
    }
    counts
}

/// Merged signal coverage over already computed analyses, in `Signal::ALL` order.
pub fn signal_coverage(analyses: &[SectionAnalysis<'_>]) -> Vec<SignalEvidence> {
    merge_signals(analyses.iter().map(|a| a.analysis.signals.as_slice()))
}

/// Merges per-section evidence: a signal is shown when any part shows it;
/// phrases in part order, deduplicated. In `Signal::ALL` order.
pub fn merge_signals<'a>(
    parts: impl IntoIterator<Item = &'a [SignalEvidence]> + Clone,
) -> Vec<SignalEvidence> {
    Signal::ALL
        .iter()
        .map(|&signal| {
            let mut phrases: Vec<String> = Vec::new();
            for part in parts.clone() {
                for ev in part.iter().filter(|e| e.signal == signal) {
                    for p in &ev.phrases {
                        if !phrases.contains(p) {
                            phrases.push(p.clone());
                        }
                    }
                }
            }
            SignalEvidence { signal, phrases }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Attempt {
        Attempt::new("a1", "hint-recovery", "Design X", 1_000, 60)
    }

    #[test]
    fn new_attempt_takes_the_drill_duration_and_is_not_started() {
        let cases = [
            ("hint-recovery", 15 * 60_000),
            ("evidence-replay", 20 * 60_000),
            ("no-such-drill", 0),
        ];
        for (drill, ms) in cases {
            let a = Attempt::new("x", drill, "", 0, 0);
            assert_eq!(a.timer.duration_ms, ms, "{drill}");
            assert!(!a.is_started());
            assert!(!a.is_finished());
        }
    }

    #[test]
    fn drill_title_falls_back_to_the_id() {
        assert_eq!(sample().drill_title(), "Hint recovery");
        assert_eq!(Attempt::new("x", "gone", "", 0, 0).drill_title(), "gone");
    }

    #[test]
    fn finished_follows_the_timer() {
        let mut a = sample();
        a.timer.started_at = Some(1);
        assert!(!a.is_finished());
        a.timer.finished_at = Some(2);
        assert!(a.is_finished());
    }

    #[test]
    fn edits_bump_updated_at_but_never_backwards() {
        let mut a = sample();
        a.set_section("answer", "hello", 5_000);
        assert_eq!(a.updated_at_ms, 5_000);
        a.set_notes("n", 4_000);
        assert_eq!(a.updated_at_ms, 5_000);
        assert_eq!(a.section_text("answer"), "hello");
        assert_eq!(a.section_text("recovery"), "");
    }

    #[test]
    fn rescoring_a_rubric_replaces_the_round() {
        let mut a = Attempt::new("x", "evidence-replay", "", 0, 0);
        let fd = |v: u8, at| RubricScores {
            rubric: RubricId::FailureDiagnostic,
            values: vec![Some(v); 7],
            note: String::new(),
            scored_at_ms: at,
        };
        a.record_scores(fd(1, 10));
        a.record_scores(fd(3, 20));
        assert_eq!(a.scores.len(), 1);
        assert_eq!(
            a.scores_for(RubricId::FailureDiagnostic)
                .map(|s| s.values[0]),
            Some(Some(3))
        );
        assert!(!a.is_fully_scored(), "evidence replay needs both rubrics");
        a.record_scores(RubricScores {
            rubric: RubricId::SampledPerformance,
            values: vec![Some(4); 6],
            note: String::new(),
            scored_at_ms: 30,
        });
        assert!(a.is_fully_scored());
        assert_eq!(a.updated_at_ms, 30);
    }

    #[test]
    fn section_views_follow_the_catalogue_and_keep_unknown_sections() {
        let mut a = sample();
        a.set_section("zzz-old", "kept", 1);
        a.set_section("recovery", "r", 1);
        let views = a.section_views();
        let ids: Vec<_> = views.iter().map(|v| (v.id, v.label, v.text)).collect();
        assert_eq!(
            ids,
            vec![
                ("answer", "Answer", ""),
                ("recovery", "Recovery", "r"),
                ("zzz-old", "zzz-old", "kept"),
            ]
        );
    }

    #[test]
    fn analysis_skips_empty_sections_and_coverage_lists_all_signals() {
        let mut a = sample();
        a.set_section("answer", "I chose a queue.", 1);
        let analyses = a.analyze_sections();
        assert_eq!(analyses.len(), 1);
        assert_eq!(analyses[0].section.id, "answer");
        let coverage = a.signal_coverage();
        assert_eq!(coverage.len(), Signal::ALL.len());
        let total: usize = a.finding_counts().iter().map(|(_, n)| n).sum();
        assert_eq!(total, analyses[0].analysis.findings.len());
    }
}
