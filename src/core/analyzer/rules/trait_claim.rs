//! `trait-claim`: TODO

use super::{Raw, Rule, RuleId, RuleInfo};
use crate::core::analyzer::context::Ctx;
use crate::core::analyzer::lexicon::Phrases;
use crate::core::analyzer::Severity;

pub const INFO: RuleInfo = RuleInfo {
    id: "trait-claim",
    title: "Trait claim",
    description: "A quality asserted instead of shown (\"I'm a strong owner\", \"I'm passionate about\").",
    example_fix: "When the release slipped, I wrote the recovery plan that night and walked the team through it the next morning.",
    severity: Severity::Warning,
};

pub struct TraitClaim;

impl Rule for TraitClaim {
    fn id(&self) -> RuleId {
        RuleId::TraitClaim
    }

    fn lists(&self, _out: &mut Vec<&'static Phrases>) {}

    fn check(&self, _cx: &Ctx, _out: &mut Vec<Raw>) {}
}
