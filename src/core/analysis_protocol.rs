//! What the page and the analysis worker say to each other.
//!
//! The analyzer (its clause layer, rules, lexicon and signal coverage) is
//! most of what the app would otherwise compile into its start-up wasm, and
//! no screen needs it before a drill is open. So it runs in a Web Worker of
//! its own (`src/bin/analysis-worker.rs`, `platform::analysis`), and this
//! module is the whole protocol: a [`Job`] is attempts in (each the
//! non-empty sections of one attempt, read together as
//! `analyzer::analyze_sections` reads them), its [`Done`] is one list of
//! [`Analysis`] per attempt out, exactly as the analyzer returns it (nothing
//! in the analysis changes on the way). Both travel as JSON strings: a
//! string is the one message every browser posts without a structured-clone
//! surprise, and serde's derives do the reading on both sides.

use crate::core::analyzer::{analyze_sections, Analysis, SectionInput};
use serde::{Deserialize, Serialize};

/// One section of an attempt, owned: its label (which tells the analyzer
/// the section's role) and its text.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SectionText {
    pub label: String,
    pub text: String,
}

/// The sections of one attempt, analysed together.
pub type Sections = Vec<SectionText>;

/// The analyzer's view of owned sections.
pub fn inputs(sections: &[SectionText]) -> Vec<SectionInput<'_>> {
    sections
        .iter()
        .map(|s| SectionInput {
            label: &s.label,
            text: &s.text,
        })
        .collect()
}

/// Attempts to analyse, each on its own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Job {
    /// Chosen by the page; the answer carries it back.
    pub id: u32,
    pub attempts: Vec<Sections>,
}

/// The answer to the job `id`: `analyses[i][j]` describes section `j` of
/// `attempts[i]`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Done {
    pub id: u32,
    pub analyses: Vec<Vec<Analysis>>,
}

/// Runs a job (in the worker).
pub fn run(job: &Job) -> Done {
    Done {
        id: job.id,
        analyses: job
            .attempts
            .iter()
            .map(|sections| analyze_sections(&inputs(sections)))
            .collect(),
    }
}

/// The worker's side: one message in, the answer out, or `None` for a
/// message that is not a job (nothing the page sends; ignored).
pub fn answer(message: &str) -> Option<String> {
    let job: Job = serde_json::from_str(message).ok()?;
    serde_json::to_string(&run(&job)).ok()
}

/// A job as the message the page posts.
pub fn encode_job(job: &Job) -> String {
    // A struct of a number and strings always serialises.
    serde_json::to_string(job).unwrap_or_default()
}

/// The worker's answer, read by the page.
pub fn decode_done(message: &str) -> Result<Done, String> {
    serde_json::from_str(message).map_err(|e| format!("an unreadable answer ({e})"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::examples::example;

    fn section(label: &str, text: &str) -> SectionText {
        SectionText {
            label: label.to_owned(),
            text: text.to_owned(),
        }
    }

    #[test]
    fn an_answer_carries_exactly_what_the_analyzer_returns() {
        let attempts = vec![
            vec![
                section(
                    "Weak version",
                    example("evidence-replay", "senior").map_or("", |e| e.weak),
                ),
                section("Senior version", "We shipped it and the team fixed it."),
            ],
            Vec::new(),
            vec![section(
                "",
                "Naïve “quotes”, emoji 🚀 and a \"backslash\\\" survive the trip.",
            )],
            vec![
                section("Team outcome", "We cut the p99 latency to 80 ms."),
                section("What I owned", "I owned the cache rollout."),
            ],
        ];
        let job = Job { id: 7, attempts };
        let reply = answer(&encode_job(&job)).expect("a job is answered");
        let done = decode_done(&reply).expect("the answer reads back");
        assert_eq!(done.id, 7);
        assert_eq!(done.analyses.len(), 4);
        for (sections, analyses) in job.attempts.iter().zip(&done.analyses) {
            assert_eq!(analyses, &analyze_sections(&inputs(sections)));
        }
        assert!(!done.analyses[0][0].findings.is_empty());
        assert!(done.analyses[1].is_empty());
    }

    #[test]
    fn anything_but_a_job_gets_no_answer() {
        for message in [
            "",
            "ready",
            "{\"id\":1}",
            "[1,\"text\"]",
            "{\"id\":-1,\"attempts\":[]}",
            "{\"id\":1,\"attempts\":[\"text\"]}",
        ] {
            assert_eq!(answer(message), None, "{message}");
        }
    }

    #[test]
    fn an_unreadable_answer_is_an_error_with_a_reason() {
        let err =
            decode_done("{\"id\":1,\"analyses\":[[{\"findings\":[{\"rule\":\"no-such-rule\"}]}]]}")
                .expect_err("an unknown rule is refused");
        assert!(err.starts_with("an unreadable answer ("), "{err}");
    }
}
