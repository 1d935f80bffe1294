//! `apology-spiral`: TODO

use super::{Raw, Rule, RuleId, RuleInfo};
use crate::core::analyzer::context::Ctx;
use crate::core::analyzer::lexicon::Phrases;
use crate::core::analyzer::Severity;

pub const INFO: RuleInfo = RuleInfo {
    id: "apology-spiral",
    title: "Apology spiral",
    description: "Repeated apology or self-deprecation (two or more in one answer) instead of restating and moving on.",
    example_fix: "Good catch, that breaks my ordering assumption. I'll key the dedupe on the event id instead and keep going.",
    severity: Severity::Warning,
};

pub struct ApologySpiral;

impl Rule for ApologySpiral {
    fn id(&self) -> RuleId {
        RuleId::ApologySpiral
    }

    fn lists(&self, _out: &mut Vec<&'static Phrases>) {}

    fn check(&self, _cx: &Ctx, _out: &mut Vec<Raw>) {}
}
