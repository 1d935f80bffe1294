//! `over-claiming`: TODO

use super::{Raw, Rule, RuleId, RuleInfo};
use crate::core::analyzer::context::Ctx;
use crate::core::analyzer::lexicon::Phrases;
use crate::core::analyzer::Severity;

pub const INFO: RuleInfo = RuleInfo {
    id: "over-claiming",
    title: "Over-claiming",
    description: "The whole of shared work claimed as yours (\"I did everything\", \"single-handedly\") with no one else's part named.",
    example_fix: "I designed the sync protocol and wrote the conflict resolver; Dana built the mobile client and Li ran the load tests.",
    severity: Severity::Warning,
};

pub struct OverClaiming;

impl Rule for OverClaiming {
    fn id(&self) -> RuleId {
        RuleId::OverClaiming
    }

    fn lists(&self, _out: &mut Vec<&'static Phrases>) {}

    fn check(&self, _cx: &Ctx, _out: &mut Vec<Raw>) {}
}
