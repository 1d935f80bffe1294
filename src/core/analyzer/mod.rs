//! The analyzer: local heuristics that show where an answer hides the evidence
//! an interviewer needs. Analysis never fails; it returns findings and coverage.
//!
//! (Stub: the analyzer issue fills in tokeniser, rules and coverage.)

use crate::core::signals::Signal;
use serde::Serialize;

/// How much a finding matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
}

/// One flagged span of the user's text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Public rule id, e.g. `vague-we`.
    pub rule: &'static str,
    /// Byte offsets into the analysed text, on char boundaries.
    pub start: usize,
    pub end: usize,
    /// 1-based line and column (column in chars).
    pub line: usize,
    pub col: usize,
    pub severity: Severity,
    pub message: String,
    pub suggestion: String,
}

/// Evidence for one senior signal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SignalEvidence {
    pub signal: Signal,
    /// Phrases of the text that count as evidence (empty when not shown).
    pub phrases: Vec<String>,
}

impl SignalEvidence {
    pub fn shown(&self) -> bool {
        !self.phrases.is_empty()
    }
}

/// Everything the analyzer says about one text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Analysis {
    /// Sorted by start offset.
    pub findings: Vec<Finding>,
    /// One entry per signal, in `Signal::ALL` order.
    pub signals: Vec<SignalEvidence>,
    /// One line, e.g. "2 vague-we, 1 hidden-reasoning; production judgment not shown".
    pub summary: String,
}

/// Analyses one answer.
pub fn analyze(_text: &str) -> Analysis {
    Analysis {
        findings: Vec::new(),
        signals: Signal::ALL
            .iter()
            .map(|&signal| SignalEvidence {
                signal,
                phrases: Vec::new(),
            })
            .collect(),
        summary: String::new(),
    }
}
