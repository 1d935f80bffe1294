//! Where a drill's spoken answer sits, and the section its transcript is
//! kept in.
//!
//! The transcript is an ordinary attempt section (`<slot>` below), so it is
//! autosaved, merged between tabs, analysed, exported and backed up exactly
//! like written text; its recording's measurements sit in
//! `Attempt::recordings` under the same id.

use crate::core::drills::{Section, SectionAid};

/// One drill's place for a spoken answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SpokenSlot {
    /// The written section it is said next to; `None`: after all of them.
    pub after: Option<&'static str>,
    /// The transcript's section; its id is the recording's id too.
    pub transcript: &'static Section,
    /// A limit on the recording's length, checked against its real length.
    pub limit_ms: Option<u32>,
}

/// Attribution split's spoken version must stay under two minutes.
pub const SPOKEN_SUMMARY_LIMIT_MS: u32 = 120_000;

const SPOKEN_SUMMARY: Section = Section {
    id: "spoken-summary-transcript",
    label: "Transcript of the spoken summary",
    help: "What you said aloud, typed or pasted.",
    aid: SectionAid::None,
};
const RECOVERY_LINE: Section = Section {
    id: "recovery-transcript",
    label: "Transcript of the spoken recovery",
    help: "The recovery line as you said it aloud.",
    aid: SectionAid::None,
};
const ASSUMPTION_LINE: Section = Section {
    id: "assumption-transcript",
    label: "Transcript of the spoken assumption",
    help: "The assumption and the change, as you said them aloud.",
    aid: SectionAid::None,
};
const SPOKEN_ANSWER: Section = Section {
    id: "spoken-transcript",
    label: "Transcript of the spoken answer",
    help: "What you said aloud, typed or pasted.",
    aid: SectionAid::None,
};

/// Every transcript section, for labelling stored sections.
const ALL: [&Section; 4] = [
    &SPOKEN_SUMMARY,
    &RECOVERY_LINE,
    &ASSUMPTION_LINE,
    &SPOKEN_ANSWER,
];

/// The spoken slot of a drill: next to the field the material asks to say
/// aloud, and after the written sections elsewhere.
pub fn spoken_slot(drill_id: &str) -> SpokenSlot {
    let (after, transcript, limit_ms) = match drill_id {
        "attribution-split" => (
            Some("spoken-summary"),
            &SPOKEN_SUMMARY,
            Some(SPOKEN_SUMMARY_LIMIT_MS),
        ),
        "hint-recovery" => (Some("recovery"), &RECOVERY_LINE, None),
        "recovery-practice" => (Some("model-change"), &ASSUMPTION_LINE, None),
        _ => (None, &SPOKEN_ANSWER, None),
    };
    SpokenSlot {
        after,
        transcript,
        limit_ms,
    }
}

/// The transcript section with this id, if it is one.
pub fn transcript_section(id: &str) -> Option<&'static Section> {
    ALL.into_iter().find(|s| s.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::drills::DRILLS;

    #[test]
    fn each_drill_has_one_slot_after_a_section_it_has() {
        for drill in &DRILLS {
            let slot = spoken_slot(drill.id);
            if let Some(after) = slot.after {
                assert!(drill.sections.iter().any(|s| s.id == after), "{}", drill.id);
            }
            assert!(drill.sections.iter().all(|s| s.id != slot.transcript.id));
            assert_eq!(
                transcript_section(slot.transcript.id),
                Some(slot.transcript)
            );
        }
        assert_eq!(
            spoken_slot("attribution-split").limit_ms,
            Some(SPOKEN_SUMMARY_LIMIT_MS)
        );
        assert_eq!(spoken_slot("incident-triage").limit_ms, None);
        assert_eq!(transcript_section("senior"), None);
    }
}
