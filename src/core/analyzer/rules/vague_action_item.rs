//! `vague-action-item`: TODO

use super::{Raw, Rule, RuleId, RuleInfo};
use crate::core::analyzer::context::Ctx;
use crate::core::analyzer::lexicon::Phrases;
use crate::core::analyzer::Severity;

pub const INFO: RuleInfo = RuleInfo {
    id: "vague-action-item",
    title: "Vague action item",
    description: "A follow-up or lesson with no owner and no date or trigger (\"we should improve our monitoring\").",
    example_fix: "I own the p99 alert on checkout completion, due 12 March; Priya owns the runbook update by the end of the sprint.",
    severity: Severity::Warning,
};

pub struct VagueActionItem;

impl Rule for VagueActionItem {
    fn id(&self) -> RuleId {
        RuleId::VagueActionItem
    }

    fn lists(&self, _out: &mut Vec<&'static Phrases>) {}

    fn check(&self, _cx: &Ctx, _out: &mut Vec<Raw>) {}
}
