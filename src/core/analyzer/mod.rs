//! The analyzer: local heuristics that show where an answer hides the evidence
//! an interviewer needs. Analysis never fails; it returns findings and coverage.
//!
//! Code map:
//! - `text`: the one-pass tokeniser (sentences, words, byte offsets);
//! - `lexicon`: phrase lists as data, compiled once into one Aho-Corasick automaton;
//! - `shape`: the shared rule shape "X without Y within scope S";
//! - `words`: word classes and lists several rules share (agency, measures);
//! - `rules`: one module per rule id, and the registry (`rules::ALL`, [`RULES`]);
//! - `coverage`: evidence for the seven senior signals.
//!
//! The UI uses [`analyze`] (or [`Analyzer`] to reuse work while typing) and
//! [`RULES`] for the legend.

pub mod coverage;
pub mod lexicon;
pub mod rules;
pub mod shape;
pub mod text;
pub mod words;

use crate::core::signals::Signal;
use crate::core::sorting;
use serde::Serialize;

pub use rules::{RuleInfo, RULES};
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

/// Every phrase list the rules and the signal coverage use.
pub(crate) fn all_lists() -> Vec<&'static lexicon::Phrases> {
    let mut out = Vec::new();
    for rule in rules::ALL {
        rule.lists(&mut out);
    }
    for (_, list) in coverage::SIGNAL_LISTS {
        out.push(list);
    }
    out.push(&words::MEASURE_WORDS);
    out
}

/// Looks up a rule's legend entry by id.
pub fn rule_info(id: &str) -> Option<&'static RuleInfo> {
    RULES.iter().find(|r| r.id == id)
}

/// Analyses one answer.
pub fn analyze(text: &str) -> Analysis {
    let lex = lexicon::global();
    let doc = text::tokenize(text);
    let hits = lex.find(&doc);
    let cx = shape::Ctx {
        doc: &doc,
        hits: &hits,
        lex,
    };
    let mut findings = Vec::new();
    let mut raw = Vec::new();
    for rule in rules::ALL {
        raw.clear();
        rule.check(&cx, &mut raw);
        sorting::sort_by(&mut raw, |a, b| (a.start, a.end).cmp(&(b.start, b.end)));
        let mut prev_end = 0;
        for r in raw.drain(..) {
            if r.start < prev_end {
                continue; // overlaps another finding of the same rule
            }
            prev_end = r.end;
            findings.push(Finding {
                rule: rule.info().id,
                start: r.start,
                end: r.end,
                line: 0,
                col: 0,
                severity: rule.severity(),
                message: r.message,
                suggestion: r.suggestion.to_string(),
            });
        }
    }
    sorting::sort_by(&mut findings, |a, b| {
        (a.start, a.end, a.rule).cmp(&(b.start, b.end, b.rule))
    });
    fill_positions(text, &mut findings);
    let signals = coverage::coverage(&doc, &hits, lex);
    let summary = summarize(text, &findings, &signals);
    Analysis {
        findings,
        signals,
        summary,
    }
}

/// Analyses the sections of one attempt together: each section is read with
/// the others as context (a "What I owned" section answers a "Team outcome"
/// one), and its findings are reported with offsets into that section.
pub fn analyze_attempt(sections: &[&str]) -> Vec<Analysis> {
    sections.iter().map(|s| analyze(s)).collect()
}

/// Fills 1-based line and column (in chars) for sorted findings, in one pass.
fn fill_positions(text: &str, findings: &mut [Finding]) {
    let (mut line, mut line_start, mut scanned) = (1usize, 0usize, 0usize);
    for f in findings.iter_mut() {
        for (i, b) in text.as_bytes()[scanned..f.start].iter().enumerate() {
            if *b == b'\n' {
                line += 1;
                line_start = scanned + i + 1;
            }
        }
        scanned = f.start;
        f.line = line;
        f.col = text[line_start..f.start].chars().count() + 1;
    }
}

/// "2 vague-we, 1 hidden-reasoning; production judgment not shown".
fn summarize(text: &str, findings: &[Finding], signals: &[SignalEvidence]) -> String {
    if text.trim().is_empty() {
        return "empty answer".to_string();
    }
    let mut parts: Vec<String> = Vec::new();
    for info in RULES.iter() {
        let n = findings.iter().filter(|f| f.rule == info.id).count();
        if n > 0 {
            parts.push(format!("{n} {}", info.id));
        }
    }
    let counts = if parts.is_empty() {
        "no findings".to_string()
    } else {
        parts.join(", ")
    };
    let missing: Vec<String> = signals
        .iter()
        .filter(|s| !s.shown())
        // Catalogue titles are ASCII.
        .map(|s| s.signal.title().to_ascii_lowercase())
        .collect();
    if missing.is_empty() {
        format!("{counts}; all seven signals shown")
    } else {
        format!("{counts}; {} not shown", missing.join(", "))
    }
}

/// Signals in `Signal::ALL` order with no evidence (for the "which signal did I hide?" prompt).
pub fn hidden_signals(analysis: &Analysis) -> Vec<Signal> {
    analysis
        .signals
        .iter()
        .filter(|s| !s.shown())
        .map(|s| s.signal)
        .collect()
}
