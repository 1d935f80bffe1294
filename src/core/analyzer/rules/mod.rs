//! The rule registry. Every rule lives in its own module named after its id;
//! the list below is the whole set, readable in one screen.

use super::lexicon::Phrases;
use super::shape::{Ctx, Raw, Shape};
use super::Severity;

pub mod apology_spiral;
pub mod blame;
pub mod hidden_reasoning;
pub mod machinery_without_threshold;
pub mod skipped_validation;
pub mod trait_claim;
pub mod vague_impact;
pub mod vague_we;

/// What the UI shows about a rule (its legend entry).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct RuleInfo {
    /// Public, stable id, e.g. `vague-we`.
    pub id: &'static str,
    /// Short human title.
    pub title: &'static str,
    /// One line: what the rule catches and why an interviewer cares.
    pub description: &'static str,
    /// A good rewrite showing the better shape.
    pub example_fix: &'static str,
}

/// A rule: looks at a document and reports findings.
pub trait Rule: Sync {
    fn info(&self) -> &RuleInfo;
    fn severity(&self) -> Severity;
    /// Every phrase list the rule needs compiled.
    fn lists(&self, out: &mut Vec<&'static Phrases>);
    fn check(&self, cx: &Ctx, out: &mut Vec<Raw>);
}

/// A rule made of one or more [`Shape`]s: data only.
pub struct ShapeRule {
    pub info: RuleInfo,
    pub severity: Severity,
    pub shapes: &'static [Shape],
}

impl Rule for ShapeRule {
    fn info(&self) -> &RuleInfo {
        &self.info
    }
    fn severity(&self) -> Severity {
        self.severity
    }
    fn lists(&self, out: &mut Vec<&'static Phrases>) {
        for shape in self.shapes {
            shape.lists(out);
        }
    }
    fn check(&self, cx: &Ctx, out: &mut Vec<Raw>) {
        for shape in self.shapes {
            shape.check(cx, out);
        }
    }
}

/// Every rule, in the order of the brief.
pub static ALL: [&dyn Rule; 8] = [
    &vague_we::RULE,
    &hidden_reasoning::RULE,
    &vague_impact::RULE,
    &machinery_without_threshold::RULE,
    &blame::RULE,
    &skipped_validation::RULE,
    &trait_claim::RULE,
    &apology_spiral::RULE,
];

/// The legend: id, title, description and example fix of every rule.
pub const RULES: [RuleInfo; 8] = [
    vague_we::INFO,
    hidden_reasoning::INFO,
    vague_impact::INFO,
    machinery_without_threshold::INFO,
    blame::INFO,
    skipped_validation::INFO,
    trait_claim::INFO,
    apology_spiral::INFO,
];

/// Shared helpers for the per-rule tables: sentences in, findings out.
#[cfg(test)]
pub(crate) mod testing {
    use crate::core::analyzer::analyze;

    /// Rule ids that fire on `text`.
    pub fn fired(text: &str) -> Vec<&'static str> {
        analyze(text).findings.iter().map(|f| f.rule).collect()
    }

    /// Asserts that `rule` fires on every text and stays silent on every negative.
    pub fn check_table(rule: &str, fire: &[&str], silent: &[&str]) {
        assert!(
            fire.len() >= 15 && silent.len() >= 15,
            "tables need 15 + 15 cases"
        );
        let mut failures = Vec::new();
        for text in fire {
            if !fired(text).contains(&rule) {
                failures.push(format!("should fire: {text}"));
            }
        }
        for text in silent {
            if fired(text).contains(&rule) {
                let f = analyze(text);
                let spans: Vec<&str> = f
                    .findings
                    .iter()
                    .filter(|f| f.rule == rule)
                    .map(|f| &text[f.start..f.end])
                    .collect();
                failures.push(format!("should not fire: {text}  (on {spans:?})"));
            }
        }
        assert!(failures.is_empty(), "{rule}:\n{}", failures.join("\n"));
    }
}
