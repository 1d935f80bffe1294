//! `solving-before-framing`: TODO

use super::{Raw, Rule, RuleId, RuleInfo};
use crate::core::analyzer::context::Ctx;
use crate::core::analyzer::lexicon::Phrases;
use crate::core::analyzer::Severity;

pub const INFO: RuleInfo = RuleInfo {
    id: "solving-before-framing",
    title: "Solving before framing",
    description: "A design or coding answer that commits to a solution before any question, assumption, constraint, scale or success criterion.",
    example_fix: "Before I pick anything: how many bookings a day, and what failure is unacceptable? Assuming 50,000 a day, one Postgres handles it.",
    severity: Severity::Warning,
};

pub struct SolvingBeforeFraming;

impl Rule for SolvingBeforeFraming {
    fn id(&self) -> RuleId {
        RuleId::SolvingBeforeFraming
    }

    fn lists(&self, _out: &mut Vec<&'static Phrases>) {}

    fn check(&self, _cx: &Ctx, _out: &mut Vec<Raw>) {}
}
