//! What the page and the analysis worker say to each other.
//!
//! The analyzer (its clause layer, rules, lexicon and signal coverage) is
//! most of what the app would otherwise compile into its start-up wasm, and
//! no screen needs it before a drill is open. So it runs in a Web Worker of
//! its own (`src/bin/analysis-worker.rs`, `platform::analysis`), and this
//! module is the whole protocol: a [`Job`] is texts in, its [`Done`] is one
//! [`Analysis`] per text out, each as the analyzer's own `analyze` returns
//! it (nothing in the analysis changes on the way). Both travel as JSON
//! strings: a string is the one message every browser posts without a
//! structured-clone surprise, and serde's derives do the reading on both
//! sides.

use crate::core::analyzer::{analyze, Analysis};
use serde::{Deserialize, Serialize};

/// Texts to analyse, each on its own (as `Attempt::analyze_sections` does).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Job {
    /// Chosen by the page; the answer carries it back.
    pub id: u32,
    pub texts: Vec<String>,
}

/// The answer to the job `id`: `analyses[i]` describes `texts[i]`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Done {
    pub id: u32,
    pub analyses: Vec<Analysis>,
}

/// Runs a job (in the worker).
pub fn run(job: &Job) -> Done {
    Done {
        id: job.id,
        analyses: job.texts.iter().map(|t| analyze(t)).collect(),
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
    use crate::core::feedback::example_answer;

    #[test]
    fn an_answer_carries_exactly_what_the_analyzer_returns() {
        let texts = vec![
            example_answer("evidence-replay").to_owned(),
            String::new(),
            "Naïve “quotes”, emoji 🚀 and a \"backslash\\\" survive the trip.".to_owned(),
            example_answer("incident-triage").to_owned(),
        ];
        let job = Job { id: 7, texts };
        let reply = answer(&encode_job(&job)).expect("a job is answered");
        let done = decode_done(&reply).expect("the answer reads back");
        assert_eq!(done.id, 7);
        assert_eq!(done.analyses.len(), 4);
        for (text, analysis) in job.texts.iter().zip(&done.analyses) {
            assert_eq!(analysis, &analyze(text), "{text}");
        }
        assert!(!done.analyses[0].findings.is_empty());
    }

    #[test]
    fn anything_but_a_job_gets_no_answer() {
        for message in [
            "",
            "ready",
            "{\"id\":1}",
            "[1,\"text\"]",
            "{\"id\":-1,\"texts\":[]}",
        ] {
            assert_eq!(answer(message), None, "{message}");
        }
    }

    #[test]
    fn an_unreadable_answer_is_an_error_with_a_reason() {
        let err =
            decode_done("{\"id\":1,\"analyses\":[{\"findings\":[{\"rule\":\"no-such-rule\"}]}]}")
                .expect_err("an unknown rule is refused");
        assert!(err.starts_with("an unreadable answer ("), "{err}");
    }
}
