//! `skipped-validation`: TODO

use super::{Raw, Rule, RuleId, RuleInfo};
use crate::core::analyzer::context::Ctx;
use crate::core::analyzer::lexicon::Phrases;
use crate::core::analyzer::Severity;

pub const INFO: RuleInfo = RuleInfo {
    id: "skipped-validation",
    title: "Skipped validation",
    description: "Tests or validation skipped or waved away (\"no time for tests\", \"QA will catch it\") with no named mitigation.",
    example_fix: "I skipped unit tests for the one-off script; instead I diffed its output against the old job on a week of real data.",
    severity: Severity::Warning,
};

pub struct SkippedValidation;

impl Rule for SkippedValidation {
    fn id(&self) -> RuleId {
        RuleId::SkippedValidation
    }

    fn lists(&self, _out: &mut Vec<&'static Phrases>) {}

    fn check(&self, _cx: &Ctx, _out: &mut Vec<Raw>) {}
}
