//! `blame`: TODO

use super::{Raw, Rule, RuleId, RuleInfo};
use crate::core::analyzer::context::Ctx;
use crate::core::analyzer::lexicon::Phrases;
use crate::core::analyzer::Severity;

pub const INFO: RuleInfo = RuleInfo {
    id: "blame",
    title: "Blame",
    description: "A failure put on others or circumstances (management, another team, legacy code, the deadline) with no first-person agency about it nearby.",
    example_fix: "The priority shift mattered, but my miss was not flagging the risk in week one; I now raise schedule risks in the first planning meeting.",
    severity: Severity::Warning,
};

pub struct Blame;

impl Rule for Blame {
    fn id(&self) -> RuleId {
        RuleId::Blame
    }

    fn lists(&self, _out: &mut Vec<&'static Phrases>) {}

    fn check(&self, _cx: &Ctx, _out: &mut Vec<Raw>) {}
}
