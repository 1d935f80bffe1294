//! The CLI's view of the analyzer's rule registry, and its own severity levels.
//!
//! This is the one module that knows how the analyzer spells a rule id: every
//! other CLI module goes through [`RuleRef`]. Ids are read through `Display`
//! (`to_string`), so they work whether the analyzer hands out `&str` ids or a
//! typed id that displays as its public string.

use crate::core::analyzer::{Finding, RuleInfo, Severity, RULES};
use serde::Serialize;
use std::fmt;
use std::sync::LazyLock;

/// Every rule id, in registry order, computed once.
static IDS: LazyLock<Vec<String>> = LazyLock::new(|| RULES.iter().map(|r| display(r.id)).collect());

/// An id as its public string, whichever type the analyzer uses for it.
fn display(id: impl fmt::Display) -> String {
    id.to_string()
}

/// One analyzer rule: its index in [`RULES`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RuleRef(usize);

impl RuleRef {
    /// Every rule, in registry order.
    pub fn all() -> impl Iterator<Item = RuleRef> {
        (0..RULES.len()).map(RuleRef)
    }

    /// The rule with this public id, if any.
    pub fn from_id(id: &str) -> Option<RuleRef> {
        IDS.iter().position(|known| known == id).map(RuleRef)
    }

    /// The rule that produced a finding.
    pub fn of(finding: &Finding) -> Option<RuleRef> {
        RuleRef::from_id(&display(finding.rule))
    }

    /// The public id, e.g. `vague-we`.
    pub fn id(self) -> &'static str {
        IDS[self.0].as_str()
    }

    /// The legend entry: title, description, example fix.
    pub fn info(self) -> &'static RuleInfo {
        &RULES[self.0]
    }

    /// Position in the registry (SARIF's `ruleIndex`).
    pub fn index(self) -> usize {
        self.0
    }
}

/// Every rule id, comma separated (for error messages).
pub fn known_ids() -> String {
    IDS.join(", ")
}

/// How much a diagnostic matters to the CLI: the analyzer's severity, or the
/// one a config sets for the rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Info,
    Warning,
    Error,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Info => "info",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

impl From<Severity> for Level {
    fn from(s: Severity) -> Level {
        match s {
            Severity::Info => Level::Info,
            Severity::Warning => Level::Warning,
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a diagnostic is about: an analyzer rule, or a problem with a
/// suppression comment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    Rule(RuleRef),
    /// A suppression comment that silenced nothing (`--report-unused-suppressions`).
    UnusedSuppression,
    /// A suppression comment naming an unknown rule or directive.
    InvalidSuppression,
}

impl Code {
    /// The id shown in every output format.
    pub fn id(self) -> &'static str {
        match self {
            Code::Rule(r) => r.id(),
            Code::UnusedSuppression => "unused-suppression",
            Code::InvalidSuppression => "invalid-suppression",
        }
    }

    pub fn rule(self) -> Option<RuleRef> {
        match self {
            Code::Rule(r) => Some(r),
            _ => None,
        }
    }

    /// Codes that are not analyzer rules, with a one-line description each.
    pub const META: [(Code, &'static str); 2] = [
        (
            Code::UnusedSuppression,
            "An evident-disable comment that silences no finding.",
        ),
        (
            Code::InvalidSuppression,
            "An evident- comment with an unknown directive or rule id.",
        ),
    ];
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_through_the_registry() {
        for r in RuleRef::all() {
            assert_eq!(RuleRef::from_id(r.id()), Some(r));
            assert_eq!(display(r.info().id), r.id());
        }
        assert_eq!(
            RuleRef::from_id("vague-we").map(RuleRef::id),
            Some("vague-we")
        );
        assert_eq!(RuleRef::from_id("no-such-rule"), None);
    }
}
