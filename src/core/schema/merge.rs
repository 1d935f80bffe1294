//! Three-way merges: what two tabs wrote since they last agreed.
//!
//! A tab remembers the stored version it last read or wrote (the base). When
//! it saves, it reads what is stored now (theirs: maybe another tab wrote
//! since) and keeps, field by field and section by section, its own value
//! where it changed that field since the base, and theirs everywhere else.
//! Two tabs writing different sections of one attempt, however close
//! together, both keep every word. When both changed the same section, the
//! later save wins that section and the other text is kept beside it as a
//! section of its own ("<section> (other tab)"), shown on the results screen,
//! so even then no word is lost.

use crate::core::attempt::Attempt;
use crate::core::schema::records::Prefs;
use std::collections::{BTreeMap, BTreeSet};

/// The suffix of a section that holds the other tab's text of a conflict.
pub const CONFLICT_SUFFIX: &str = " (other tab)";

fn pick<T: Clone + PartialEq>(base: &T, ours: &T, theirs: &T) -> T {
    if ours != base {
        ours.clone()
    } else {
        theirs.clone()
    }
}

/// Entry by entry: ours where this tab changed (or removed) the entry since
/// the base, theirs everywhere else.
fn pick_each<V: Clone + PartialEq>(
    base: &BTreeMap<String, V>,
    ours: &BTreeMap<String, V>,
    theirs: &BTreeMap<String, V>,
) -> BTreeMap<String, V> {
    let mut merged = theirs.clone();
    for key in ours.keys().chain(base.keys()) {
        match (base.get(key), ours.get(key)) {
            (b, o) if b == o => {}
            (_, Some(v)) => {
                merged.insert(key.clone(), v.clone());
            }
            (_, None) => {
                merged.remove(key);
            }
        }
    }
    merged
}

/// Merges `ours` into `theirs` given the `base` both started from. Without a
/// base (this tab never saw a stored copy), every field this tab has filled
/// counts as its change.
pub fn merge_attempt(base: Option<&Attempt>, ours: &Attempt, theirs: &Attempt) -> Attempt {
    let empty;
    let base = match base {
        Some(b) => b,
        None => {
            let mut b = theirs.clone();
            b.sections = BTreeMap::new();
            b.notes = String::new();
            b.recordings = Vec::new();
            b.step_ms = BTreeMap::new();
            b.checklist = BTreeMap::new();
            empty = b;
            &empty
        }
    };
    let mut merged = theirs.clone();
    merged.prompt = pick(&base.prompt, &ours.prompt, &theirs.prompt);
    merged.timer = pick(&base.timer, &ours.timer, &theirs.timer);
    merged.hint = pick(&base.hint, &ours.hint, &theirs.hint);
    merged.notes = pick(&base.notes, &ours.notes, &theirs.notes);
    merged.recordings = pick(&base.recordings, &ours.recordings, &theirs.recordings);
    merged.tz_offset_minutes = pick(
        &base.tz_offset_minutes,
        &ours.tz_offset_minutes,
        &theirs.tz_offset_minutes,
    );
    merged.spoken_summary = pick(
        &base.spoken_summary,
        &ours.spoken_summary,
        &theirs.spoken_summary,
    );
    merged.drawn_prompt = pick(&base.drawn_prompt, &ours.drawn_prompt, &theirs.drawn_prompt);
    merged.step_ms = pick_each(&base.step_ms, &ours.step_ms, &theirs.step_ms);
    merged.checklist = pick_each(&base.checklist, &ours.checklist, &theirs.checklist);

    // Owned ids: the app's one set type (each B-tree type is more wasm).
    let mut ids: BTreeSet<String> = BTreeSet::new();
    ids.extend(ours.sections.keys().cloned());
    ids.extend(theirs.sections.keys().cloned());
    for id in &ids {
        let (b, o, t) = (
            base.sections.get(id),
            ours.sections.get(id),
            theirs.sections.get(id),
        );
        if o == b || o == t {
            continue; // unchanged here, or both wrote the same: theirs stands
        }
        if let (Some(theirs_text), true) = (t, t != b) {
            // Both changed this section: ours wins, theirs is kept beside it.
            if !theirs_text.trim().is_empty() {
                let aside = format!("{id}{CONFLICT_SUFFIX}");
                if merged.sections.get(&aside) != Some(theirs_text) {
                    merged.sections.insert(aside, theirs_text.clone());
                }
            }
        }
        match o {
            Some(text) => merged.sections.insert(id.clone(), text.clone()),
            None => merged.sections.remove(id),
        };
    }

    // Scores: one round per rubric; a rubric this tab re-scored takes ours.
    for round in &ours.scores {
        let before = base.scores.iter().find(|s| s.rubric == round.rubric);
        if before != Some(round) {
            match merged.scores.iter_mut().find(|s| s.rubric == round.rubric) {
                Some(existing) => *existing = round.clone(),
                None => merged.scores.push(round.clone()),
            }
        }
    }
    merged.updated_at_ms = ours.updated_at_ms.max(theirs.updated_at_ms);
    merged
}

/// Merges preference sets: theirs, plus what this tab added, minus what it
/// removed since the base; the tone follows this tab only if it changed it.
pub fn merge_prefs(base: &Prefs, ours: &Prefs, theirs: &Prefs) -> Prefs {
    fn sets(
        base: &BTreeSet<String>,
        ours: &BTreeSet<String>,
        theirs: &BTreeSet<String>,
    ) -> BTreeSet<String> {
        let mut out = theirs.clone();
        out.extend(ours.difference(base).cloned());
        for gone in base.difference(ours) {
            out.remove(gone);
        }
        out
    }
    Prefs {
        muted_rules: sets(&base.muted_rules, &ours.muted_rules, &theirs.muted_rules),
        dismissed_findings: sets(
            &base.dismissed_findings,
            &ours.dismissed_findings,
            &theirs.dismissed_findings,
        ),
        tone: pick(&base.tone, &ours.tone, &theirs.tone),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::attempt::RubricScores;
    use crate::core::drills::RubricId;

    fn base() -> Attempt {
        let mut a = Attempt::new("a1", "evidence-replay", "Prompt", 1_000, 0);
        a.set_section("weak", "first", 1_001);
        a
    }

    /// Issue 16's fields: one tab ticks a checklist item and times the
    /// spoken summary while the other credits step time and answers another
    /// item; both keep all of it.
    #[test]
    fn two_tabs_keep_each_others_checklist_answers_step_times_and_spoken_summary() {
        use crate::core::attempt::ChecklistAnswer;
        use crate::core::timer::Timer;
        let mut b = base();
        b.step_ms.insert("weak".into(), 10_000);
        let answer = |ticked, text: &str| ChecklistAnswer {
            ticked,
            answer: text.into(),
        };
        let mut ours = b.clone();
        ours.checklist.insert("deploy".into(), answer(true, ""));
        let mut spoken = Timer::new(2);
        spoken.start(5_000);
        ours.spoken_summary = Some(spoken.clone());
        let mut theirs = b.clone();
        theirs.step_ms.insert("weak".into(), 25_000);
        theirs.step_ms.insert("mid".into(), 4_000);
        theirs
            .checklist
            .insert("who".into(), answer(false, "all users"));
        theirs.drawn_prompt = Some("Drawn".into());
        let m = merge_attempt(Some(&b), &ours, &theirs);
        assert_eq!(m.step_ms, theirs.step_ms);
        assert_eq!(m.checklist.get("deploy"), Some(&answer(true, "")));
        assert_eq!(m.checklist.get("who"), Some(&answer(false, "all users")));
        assert_eq!(m.spoken_summary, Some(spoken));
        assert_eq!(m.drawn_prompt.as_deref(), Some("Drawn"));
        // An item this tab cleared away is gone, not resurrected from theirs.
        let mut cleared = m.clone();
        cleared.checklist.remove("who");
        let again = merge_attempt(Some(&m), &cleared, &m);
        assert_eq!(again.checklist.get("who"), None);
    }

    #[test]
    fn two_tabs_writing_different_sections_keep_both() {
        let b = base();
        let mut ours = b.clone();
        ours.set_section("mid", "ours mid", 2_000);
        let mut theirs = b.clone();
        theirs.set_section("senior", "theirs senior", 2_010);
        theirs.set_section("weak", "first, edited there", 2_010);
        let m = merge_attempt(Some(&b), &ours, &theirs);
        assert_eq!(m.section_text("mid"), "ours mid");
        assert_eq!(m.section_text("senior"), "theirs senior");
        assert_eq!(m.section_text("weak"), "first, edited there");
        assert_eq!(m.updated_at_ms, 2_010);
        // Merging again changes nothing (the next save of either tab).
        assert_eq!(merge_attempt(Some(&m), &m, &m), m);
    }

    #[test]
    fn a_section_both_tabs_changed_keeps_the_other_text_aside() {
        let b = base();
        let mut ours = b.clone();
        ours.set_section("weak", "ours", 2_000);
        let mut theirs = b.clone();
        theirs.set_section("weak", "theirs", 2_000);
        let m = merge_attempt(Some(&b), &ours, &theirs);
        assert_eq!(m.section_text("weak"), "ours");
        assert_eq!(m.section_text("weak (other tab)"), "theirs");
    }

    #[test]
    fn without_a_base_our_filled_fields_win_and_theirs_stay() {
        let mut theirs = base();
        theirs.set_notes("their notes", 1_500);
        let mut ours = Attempt::new("a1", "evidence-replay", "Prompt", 1_000, 0);
        ours.set_section("mid", "ours", 1_600);
        let m = merge_attempt(None, &ours, &theirs);
        assert_eq!(m.section_text("weak"), "first");
        assert_eq!(m.section_text("mid"), "ours");
        assert_eq!(m.notes, "their notes");
    }

    #[test]
    fn scores_and_fields_follow_the_tab_that_changed_them() {
        let b = base();
        let mut ours = b.clone();
        ours.record_scores(RubricScores {
            rubric: RubricId::SampledPerformance,
            values: vec![Some(3); 6],
            note: String::new(),
            scored_at_ms: 3_000,
        });
        let mut theirs = b.clone();
        theirs.timer.finished_at = Some(2_500);
        theirs.set_notes("n", 2_500);
        let m = merge_attempt(Some(&b), &ours, &theirs);
        assert_eq!(m.timer.finished_at, Some(2_500));
        assert_eq!(m.notes, "n");
        assert_eq!(m.scores.len(), 1);
    }

    #[test]
    fn prefs_merge_as_sets_of_changes() {
        let set = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
        let base = Prefs {
            muted_rules: set(&["a", "b"]),
            ..Prefs::default()
        };
        let ours = Prefs {
            muted_rules: set(&["a", "c"]),
            tone: true,
            ..Prefs::default()
        };
        let theirs = Prefs {
            muted_rules: set(&["a", "b", "d"]),
            ..Prefs::default()
        };
        let m = merge_prefs(&base, &ours, &theirs);
        assert_eq!(m.muted_rules, set(&["a", "c", "d"]));
        assert!(m.tone);
    }
}
