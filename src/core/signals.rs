//! The seven senior signals an interview samples (see the product brief).

use serde::{Deserialize, Serialize};

/// One of the seven senior signals, in the brief's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Signal {
    ProblemFraming,
    CodingFluency,
    ArchitecturalJudgment,
    ProductionJudgment,
    DeliveryJudgment,
    LeadershipInfluence,
    CommunicationReflection,
}

impl Signal {
    /// All seven, in the order the brief lists them.
    pub const ALL: [Signal; 7] = [
        Signal::ProblemFraming,
        Signal::CodingFluency,
        Signal::ArchitecturalJudgment,
        Signal::ProductionJudgment,
        Signal::DeliveryJudgment,
        Signal::LeadershipInfluence,
        Signal::CommunicationReflection,
    ];

    /// Stable id used in JSON output and storage.
    pub fn id(self) -> &'static str {
        match self {
            Signal::ProblemFraming => "problem-framing",
            Signal::CodingFluency => "coding-fluency",
            Signal::ArchitecturalJudgment => "architectural-judgment",
            Signal::ProductionJudgment => "production-judgment",
            Signal::DeliveryJudgment => "delivery-judgment",
            Signal::LeadershipInfluence => "leadership-influence",
            Signal::CommunicationReflection => "communication-reflection",
        }
    }

    /// Human title as shown in the UI.
    pub fn title(self) -> &'static str {
        match self {
            Signal::ProblemFraming => "Problem framing",
            Signal::CodingFluency => "Coding fluency",
            Signal::ArchitecturalJudgment => "Architectural judgment",
            Signal::ProductionJudgment => "Production judgment",
            Signal::DeliveryJudgment => "Delivery judgment",
            Signal::LeadershipInfluence => "Leadership and influence",
            Signal::CommunicationReflection => "Communication and reflection",
        }
    }

    /// What the signal covers, in a phrase.
    pub fn scope(self) -> &'static str {
        match self {
            Signal::ProblemFraming => "users, goals, constraints, unacceptable failures",
            Signal::CodingFluency => "correct, tested, readable code",
            Signal::ArchitecturalJudgment => "fit-for-purpose design, trade-offs, thresholds",
            Signal::ProductionJudgment => "failure, security, observability, operations, cost",
            Signal::DeliveryJudgment => "users, product, business outcome",
            Signal::LeadershipInfluence => "ownership, influence, bringing others along",
            Signal::CommunicationReflection => "clear structure, reflection, what you would change",
        }
    }
}
