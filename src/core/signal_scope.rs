//! "Which signal did I hide?", asked only about the signals the drill tests
//! (`drills::Drill::signals`); the others are listed apart as "not tested
//! here", so a baseline design is never told it hid leadership.

use crate::core::analyzer::SignalEvidence;
use crate::core::drills::Drill;
use crate::core::signals::Signal;

/// Signal coverage of one attempt, split by what its drill tests.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SignalScope {
    /// Tested here and not shown: the answer to "Which signal did I hide?".
    pub hidden: Vec<Signal>,
    /// Tested here and shown, with the phrases that counted.
    pub shown: Vec<SignalEvidence>,
    /// Not tested by this drill, whether or not the answer shows them.
    pub not_tested: Vec<Signal>,
}

/// Splits merged coverage (one entry per signal, `Signal::ALL` order) by
/// the drill's signals. An unknown drill tests every signal.
pub fn scope(drill: Option<&Drill>, coverage: Vec<SignalEvidence>) -> SignalScope {
    let mut out = SignalScope::default();
    for ev in coverage {
        if !drill.is_none_or(|d| d.tests_signal(ev.signal)) {
            out.not_tested.push(ev.signal);
        } else if ev.shown() {
            out.shown.push(ev);
        } else {
            out.hidden.push(ev.signal);
        }
    }
    out
}

/// "Coding fluency, Delivery judgment" (titles in order).
pub fn titles(signals: &[Signal]) -> String {
    signals
        .iter()
        .map(|s| s.title())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::drills::drill;
    use Signal::*;

    fn coverage(shown: &[Signal]) -> Vec<SignalEvidence> {
        Signal::ALL
            .iter()
            .map(|&signal| SignalEvidence {
                signal,
                phrases: if shown.contains(&signal) {
                    vec![format!("{} phrase", signal.id())]
                } else {
                    Vec::new()
                },
            })
            .collect()
    }

    /// (drill, shown by the answer, hidden, shown and tested, not tested)
    type Case<'a> = (
        &'a str,
        &'a [Signal],
        &'a [Signal],
        &'a [Signal],
        &'a [Signal],
    );

    #[test]
    fn hidden_signals_are_only_those_the_drill_tests() {
        let cases: &[Case] = &[
            (
                "baseline-before-machinery",
                &[],
                &[ProblemFraming, ArchitecturalJudgment, ProductionJudgment],
                &[],
                &[
                    CodingFluency,
                    DeliveryJudgment,
                    LeadershipInfluence,
                    CommunicationReflection,
                ],
            ),
            (
                "baseline-before-machinery",
                // Leadership shows, but this drill does not test it.
                &[ArchitecturalJudgment, LeadershipInfluence],
                &[ProblemFraming, ProductionJudgment],
                &[ArchitecturalJudgment],
                &[
                    CodingFluency,
                    DeliveryJudgment,
                    LeadershipInfluence,
                    CommunicationReflection,
                ],
            ),
            (
                "attribution-split",
                &[LeadershipInfluence],
                &[DeliveryJudgment, CommunicationReflection],
                &[LeadershipInfluence],
                &[
                    ProblemFraming,
                    CodingFluency,
                    ArchitecturalJudgment,
                    ProductionJudgment,
                ],
            ),
            ("signal-labeling", &Signal::ALL, &[], &Signal::ALL, &[]),
        ];
        for (id, shown, hidden, tested_shown, not_tested) in cases {
            let s = scope(drill(id), coverage(shown));
            assert_eq!(s.hidden, *hidden, "{id}");
            let got: Vec<Signal> = s.shown.iter().map(|e| e.signal).collect();
            assert_eq!(got, *tested_shown, "{id}");
            assert!(s.shown.iter().all(|e| !e.phrases.is_empty()));
            assert_eq!(s.not_tested, *not_tested, "{id}");
        }
    }

    #[test]
    fn an_unknown_drill_tests_every_signal() {
        let s = scope(None, coverage(&[CodingFluency]));
        assert_eq!(s.hidden.len(), 6);
        assert!(s.not_tested.is_empty());
        assert_eq!(
            titles(&s.hidden[..2]),
            "Problem framing, Architectural judgment"
        );
    }
}
