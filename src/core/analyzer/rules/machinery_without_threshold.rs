//! `machinery-without-threshold`: TODO

use super::{Raw, Rule, RuleId, RuleInfo};
use crate::core::analyzer::context::Ctx;
use crate::core::analyzer::lexicon::Phrases;
use crate::core::analyzer::Severity;

pub const INFO: RuleInfo = RuleInfo {
    id: "machinery-without-threshold",
    title: "Machinery without a threshold",
    description: "A heavy component (queue, Kafka, microservices, sharding, cache, Kubernetes…) proposed with no condition that justifies it.",
    example_fix: "One Postgres instance handles this; I would add a durable queue when retry isolation becomes the main constraint, around 500 jobs a second.",
    severity: Severity::Warning,
};

pub struct MachineryWithoutThreshold;

impl Rule for MachineryWithoutThreshold {
    fn id(&self) -> RuleId {
        RuleId::MachineryWithoutThreshold
    }

    fn lists(&self, _out: &mut Vec<&'static Phrases>) {}

    fn check(&self, _cx: &Ctx, _out: &mut Vec<Raw>) {}
}
