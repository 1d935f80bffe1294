//! The rule registry. Every rule lives in its own module named after its id;
//! [`RuleId`] and [`RULES`] below are the whole set, readable in one screen.

use super::context::Ctx;
use super::lexicon::Phrases;
use super::Severity;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub mod apology_spiral;
pub mod blame;
pub mod hidden_reasoning;
pub mod machinery_without_threshold;
pub mod over_claiming;
pub mod skipped_validation;
pub mod solving_before_framing;
pub mod trait_claim;
pub mod vague_action_item;
pub mod vague_impact;
pub mod vague_we;

/// A rule's public identity. The ids (`vague-we`, …) are a public contract:
/// the CLI, the JSON output, stored preferences and exports use them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RuleId {
    VagueWe,
    HiddenReasoning,
    VagueImpact,
    MachineryWithoutThreshold,
    Blame,
    SkippedValidation,
    TraitClaim,
    ApologySpiral,
    SolvingBeforeFraming,
    OverClaiming,
    VagueActionItem,
}

impl RuleId {
    /// Every rule, in the order of the brief.
    pub const ALL: [RuleId; 11] = [
        RuleId::VagueWe,
        RuleId::HiddenReasoning,
        RuleId::VagueImpact,
        RuleId::MachineryWithoutThreshold,
        RuleId::Blame,
        RuleId::SkippedValidation,
        RuleId::TraitClaim,
        RuleId::ApologySpiral,
        RuleId::SolvingBeforeFraming,
        RuleId::OverClaiming,
        RuleId::VagueActionItem,
    ];

    /// The public id, e.g. `vague-we`.
    pub fn id(self) -> &'static str {
        self.info().id
    }

    /// The rule's legend entry.
    pub fn info(self) -> &'static RuleInfo {
        &RULES[self as usize]
    }

    /// Short human title, e.g. "Vague \"we\"".
    pub fn title(self) -> &'static str {
        self.info().title
    }

    /// The rule with public id `id`.
    pub fn from_id(id: &str) -> Option<RuleId> {
        RuleId::ALL.into_iter().find(|r| r.id() == id)
    }
}

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

impl Serialize for RuleId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

/// Read back from its public id (the analysis worker's answers).
impl<'de> Deserialize<'de> for RuleId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let id = String::deserialize(d)?;
        RuleId::from_id(&id)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown rule id {id:?}")))
    }
}

/// What the UI shows about a rule (its legend entry).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct RuleInfo {
    /// Public, stable id, e.g. `vague-we`.
    pub id: &'static str,
    /// Short human title.
    pub title: &'static str,
    /// One line: what the rule catches and why an interviewer cares.
    pub description: &'static str,
    /// A good rewrite showing the better shape.
    pub example_fix: &'static str,
    pub severity: Severity,
}

/// A raw finding: tokens `first..last` plus the texts for the user.
#[derive(Clone, Debug)]
pub struct Raw {
    pub first: usize,
    pub last: usize,
    pub message: String,
    pub suggestion: String,
}

/// A rule: looks at a document and reports findings.
pub trait Rule: Sync {
    fn id(&self) -> RuleId;
    /// Every phrase list the rule needs compiled.
    fn lists(&self, out: &mut Vec<&'static Phrases>);
    fn check(&self, cx: &Ctx, out: &mut Vec<Raw>);
}

/// Every rule, in [`RuleId`] order.
pub static ALL: [&dyn Rule; 11] = [
    &vague_we::VagueWe,
    &hidden_reasoning::HiddenReasoning,
    &vague_impact::VagueImpact,
    &machinery_without_threshold::MachineryWithoutThreshold,
    &blame::Blame,
    &skipped_validation::SkippedValidation,
    &trait_claim::TraitClaim,
    &apology_spiral::ApologySpiral,
    &solving_before_framing::SolvingBeforeFraming,
    &over_claiming::OverClaiming,
    &vague_action_item::VagueActionItem,
];

/// The legend: id, title, description and example fix of every rule, in
/// [`RuleId`] order.
pub const RULES: [RuleInfo; 11] = [
    vague_we::INFO,
    hidden_reasoning::INFO,
    vague_impact::INFO,
    machinery_without_threshold::INFO,
    blame::INFO,
    skipped_validation::INFO,
    trait_claim::INFO,
    apology_spiral::INFO,
    solving_before_framing::INFO,
    over_claiming::INFO,
    vague_action_item::INFO,
];

/// Shortens `s` to at most `max` chars, on a char boundary, with an ellipsis.
pub fn clip(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// Shared helpers for the per-rule tests: sentences in, findings out.
#[cfg(test)]
pub(crate) mod testing {
    use super::RuleId;
    use crate::core::analyzer::analyze;

    /// The quoted spans of `rule`'s findings on `text`.
    pub fn spans(rule: RuleId, text: &str) -> Vec<String> {
        analyze(text)
            .findings
            .iter()
            .filter(|f| f.rule == rule)
            .map(|f| text[f.start..f.end].to_string())
            .collect()
    }

    /// Asserts that `rule` fires on every text and stays silent on every negative.
    pub fn check_table(rule: RuleId, fire: &[&str], silent: &[&str]) {
        assert!(
            fire.len() >= 15 && silent.len() >= 15,
            "tables need 15 + 15 cases"
        );
        let mut failures = Vec::new();
        for text in fire {
            if spans(rule, text).is_empty() {
                failures.push(format!("should fire: {text}"));
            }
        }
        for text in silent {
            let got = spans(rule, text);
            if !got.is_empty() {
                failures.push(format!("should not fire: {text}  (on {got:?})"));
            }
        }
        assert!(failures.is_empty(), "{rule}:\n{}", failures.join("\n"));
    }

    /// Asserts the exact spans and messages `rule` reports on `text`.
    pub fn check(rule: RuleId, text: &str, expected: &[(&str, &str)]) {
        let got: Vec<(String, String)> = analyze(text)
            .findings
            .iter()
            .filter(|f| f.rule == rule)
            .map(|f| (text[f.start..f.end].to_string(), f.message.clone()))
            .collect();
        let want: Vec<(String, String)> = expected
            .iter()
            .map(|(s, m)| (s.to_string(), m.to_string()))
            .collect();
        assert_eq!(got, want, "{rule} on {text:?}");
    }
}
