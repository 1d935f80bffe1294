//! The analyzer: local heuristics that show where an answer hides the evidence
//! an interviewer needs. Analysis never fails; it returns findings and coverage.
//!
//! Code map, from the text up:
//! - `text`: the one-pass tokeniser (structure, sentences, words, quotations);
//! - `inflect`, `words`: word families and closed word classes;
//! - `clause`: the linguistic layer (clauses with actor, verb, mood, tense,
//!   negation, mention);
//! - `lexicon`: phrase lists as data, compiled once into one byte trie;
//! - `context`: what every rule may ask about a document and its attempt
//!   (agency, ownership, measures, section roles);
//! - `rules`: one module per rule id, and the registry ([`RuleId`], [`RULES`]);
//! - `coverage`: evidence for the seven senior signals.
//!
//! The UI uses [`analyze`] for one text and [`analyze_sections`] for a whole
//! attempt; the CLI uses [`analyze_attempt`] for a Markdown file's sections.

pub mod clause;
pub mod context;
pub mod coverage;
pub mod inflect;
pub mod lexicon;
pub mod rules;
pub mod text;
pub mod words;

use crate::core::signals::Signal;
use crate::core::sorting;
use context::{AttemptFacts, Ctx, Role};
use serde::{Deserialize, Serialize};

pub use rules::{RuleId, RuleInfo, RULES};

/// How much a finding matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
}

/// One flagged span of the user's text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// The rule; serialised as its public id, e.g. `vague-we`.
    pub rule: RuleId,
    /// Byte offsets into the analysed text, on char boundaries.
    pub start: usize,
    pub end: usize,
    /// 1-based line and column (column in chars).
    pub line: usize,
    pub col: usize,
    pub severity: Severity,
    pub message: String,
    pub suggestion: String,
}

/// Evidence for one senior signal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignalEvidence {
    pub signal: Signal,
    /// The sentences of the text that show the signal (empty when not shown).
    pub phrases: Vec<String>,
}

impl SignalEvidence {
    pub fn shown(&self) -> bool {
        !self.phrases.is_empty()
    }
}

/// Everything the analyzer says about one text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Analysis {
    /// Sorted by start offset.
    pub findings: Vec<Finding>,
    /// One entry per signal, in `Signal::ALL` order.
    pub signals: Vec<SignalEvidence>,
    /// One line, e.g. "2 vague-we, 1 hidden-reasoning; production judgment not shown".
    pub summary: String,
}

impl Analysis {
    /// No findings and no signal shown: what a screen reads for a text it
    /// has no analysis of (the worker could not load).
    pub fn nothing() -> Analysis {
        Analysis {
            findings: Vec::new(),
            signals: Signal::ALL
                .iter()
                .map(|&signal| SignalEvidence {
                    signal,
                    phrases: Vec::new(),
                })
                .collect(),
            summary: String::new(),
        }
    }
}

/// One section of an attempt: its label ("Team outcome", "## What I owned",
/// or empty) and its text.
#[derive(Clone, Copy, Debug)]
pub struct SectionInput<'a> {
    pub label: &'a str,
    pub text: &'a str,
}

pub(crate) fn all_lists() -> Vec<&'static lexicon::Phrases> {
    let mut out = vec![
        &context::OWNERSHIP,
        &context::ADMISSION,
        &context::TEAM_CLAIMS,
        &context::MEASURE_WORDS,
        &context::CONVENTION,
    ];
    for rule in rules::ALL {
        rule.lists(&mut out);
    }
    coverage::lists(&mut out);
    out
}

/// Analyses one answer.
pub fn analyze(text: &str) -> Analysis {
    analyze_sections(&[SectionInput { label: "", text }])
        .pop()
        .unwrap_or_else(|| empty_analysis(text))
}

/// Analyses the sections of one attempt together: each section is read with
/// the others as context (a "What I owned" section answers a "Team outcome"
/// one), and its findings are reported with offsets into that section.
pub fn analyze_attempt(sections: &[&str]) -> Vec<Analysis> {
    let inputs: Vec<SectionInput> = sections
        .iter()
        .map(|text| SectionInput { label: "", text })
        .collect();
    analyze_sections(&inputs)
}

/// [`analyze_attempt`] with each section's label.
pub fn analyze_sections(sections: &[SectionInput]) -> Vec<Analysis> {
    let lex = lexicon::global();
    let docs: Vec<text::Doc> = sections
        .iter()
        .map(|s| {
            let mut doc = text::tokenize(s.text);
            unquote_performances(&mut doc);
            doc
        })
        .collect();
    let clause_lists: Vec<clause::Clauses> = docs.iter().map(clause::clauses).collect();
    let hit_lists: Vec<lexicon::Hits> = docs.iter().map(|d| lex.find(d)).collect();
    let mut contexts: Vec<Ctx> = docs
        .iter()
        .zip(&clause_lists)
        .zip(&hit_lists)
        .zip(sections)
        .map(|(((doc, cl), hits), input)| {
            Ctx::new(doc, cl, hits, lex, section_role(input.label, doc))
        })
        .collect();
    let attempt = attempt_facts(&contexts);
    let mut framed = false;
    for cx in &mut contexts {
        cx.attempt = attempt;
        cx.framed_in_earlier_section = framed;
        framed = framed || rules::solving_before_framing::section_frames(cx);
    }
    contexts
        .iter()
        .zip(sections)
        .map(|(cx, input)| analyze_one(cx, input.text))
        .collect()
}

/// The role a section's label gives it, or its first heading.
fn section_role(label: &str, doc: &text::Doc) -> Role {
    let label_doc = text::tokenize(label);
    let mut words: Vec<&str> = (0..label_doc.tokens.len())
        .filter(|&i| label_doc.tokens[i].kind == text::Kind::Word)
        .map(|i| label_doc.norm_of(i))
        .collect();
    if context::is_diagnosis_label(&words) {
        return Role::Diagnosis;
    }
    if words.is_empty() {
        if let Some(first) = doc
            .sentences
            .first()
            .filter(|s| s.kind == text::SentenceKind::Heading)
        {
            words = (first.first..first.last)
                .filter(|&i| doc.tokens[i].kind == text::Kind::Word)
                .map(|i| doc.norm_of(i))
                .collect();
        }
    }
    context::role_of_label(&words).unwrap_or(Role::None)
}

/// What each section contributes to the others.
fn attempt_facts(contexts: &[Ctx]) -> AttemptFacts {
    let mut facts = AttemptFacts::default();
    for cx in contexts {
        for (s, f) in cx.facts.iter().enumerate() {
            if cx.roles[s] == Role::Owned && (f.agency || f.ownership) {
                facts.owned_section_with_agency = true;
            }
        }
        if cx
            .clauses
            .list
            .iter()
            .any(|c| context::is_others_part(cx.doc, c))
        {
            facts.others_named = true;
        }
    }
    facts
}

/// Quotations the speaker performs rather than analyses: the versions of a
/// story told on purpose ("Weak version: \"We had a classifier …\"").
/// Quotes that follow a version label, or a short sentence naming a version
/// and ending in a colon, are the speaker's own answer and are analysed.
pub fn unquote_performances(doc: &mut text::Doc) {
    const VERSION_WORDS: &[&str] = &[
        "weak",
        "weakest",
        "mid",
        "middle",
        "medium",
        "strong",
        "strongest",
        "senior",
        "version",
        "better",
        "best",
        "rewrite",
        "rewritten",
        "draft",
        "take",
        "attempt",
    ];
    let n = doc.sentences.len();
    let mut s = 0;
    while s < n {
        let sentence = &doc.sentences[s];
        let last_word = (sentence.first..sentence.last)
            .rev()
            .find(|&i| doc.tokens[i].kind != text::Kind::Punct || doc.norm_of(i) == ":");
        let ends_colon = last_word.is_some_and(|i| doc.norm_of(i) == ":")
            || sentence.kind == text::SentenceKind::Label
            || sentence.kind == text::SentenceKind::Heading;
        let words: Vec<&str> = (sentence.first..sentence.last)
            .filter(|&i| doc.tokens[i].kind == text::Kind::Word)
            .map(|i| doc.norm_of(i))
            .collect();
        let names_version = words.len() <= 14 && words.iter().any(|w| VERSION_WORDS.contains(w));
        if !(ends_colon && names_version && !doc.tokens[sentence.first].quoted) {
            s += 1;
            continue;
        }
        // Unquote the quotations that follow, up to the next label or heading.
        let heading = sentence.kind == text::SentenceKind::Heading;
        let mut k = s + 1;
        while k < n {
            let next = &doc.sentences[k];
            if next.is_structure() && (heading || next.kind != text::SentenceKind::Prose) {
                break;
            }
            let (a, b) = (next.first, next.last);
            let any_quoted = doc.tokens[a..b].iter().any(|t| t.quoted);
            if !any_quoted && !heading {
                break;
            }
            for t in &mut doc.tokens[a..b] {
                t.quoted = false;
            }
            k += 1;
        }
        s = k.max(s + 1);
    }
}

fn empty_analysis(text: &str) -> Analysis {
    Analysis {
        summary: summarize(text, &[], &[]),
        ..Analysis::nothing()
    }
}

fn analyze_one(cx: &Ctx, text: &str) -> Analysis {
    let doc = cx.doc;
    let mut findings = Vec::new();
    let mut raw = Vec::new();
    for rule in rules::ALL {
        raw.clear();
        rule.check(cx, &mut raw);
        sorting::sort_by(&mut raw, |a: &rules::Raw, b: &rules::Raw| {
            (a.first, a.last).cmp(&(b.first, b.last))
        });
        let mut prev_end = 0;
        let id = rule.id();
        for r in raw.drain(..) {
            if r.first >= r.last || r.last > doc.tokens.len() {
                continue;
            }
            let (start, end) = (doc.tokens[r.first].start, doc.tokens[r.last - 1].end);
            if start < prev_end {
                continue; // overlaps another finding of the same rule
            }
            prev_end = end;
            findings.push(Finding {
                rule: id,
                start,
                end,
                line: 0,
                col: 0,
                severity: id.info().severity,
                message: r.message,
                suggestion: r.suggestion,
            });
        }
    }
    sorting::sort_by(&mut findings, |a: &Finding, b: &Finding| {
        (a.start, a.end, a.rule).cmp(&(b.start, b.end, b.rule))
    });
    fill_positions(text, &mut findings);
    let signals = coverage::coverage(cx, findings.len());
    let summary = summarize(text, &findings, &signals);
    Analysis {
        findings,
        signals,
        summary,
    }
}

/// Fills 1-based line and column (in chars) for sorted findings, in one pass.
fn fill_positions(text: &str, findings: &mut [Finding]) {
    let (mut line, mut line_start, mut scanned) = (1usize, 0usize, 0usize);
    for f in findings.iter_mut() {
        for (i, b) in text.as_bytes()[scanned..f.start].iter().enumerate() {
            if *b == b'\n' {
                line += 1;
                line_start = scanned + i + 1;
            }
        }
        scanned = f.start;
        f.line = line;
        f.col = text[line_start..f.start].chars().count() + 1;
    }
}

/// "2 vague-we, 1 hidden-reasoning; production judgment not shown".
fn summarize(text: &str, findings: &[Finding], signals: &[SignalEvidence]) -> String {
    if text.trim().is_empty() {
        return "empty answer".to_string();
    }
    let mut parts: Vec<String> = Vec::new();
    for rule in RuleId::ALL {
        let n = findings.iter().filter(|f| f.rule == rule).count();
        if n > 0 {
            parts.push(format!("{n} {}", rule.id()));
        }
    }
    let counts = if parts.is_empty() {
        "no findings".to_string()
    } else {
        parts.join(", ")
    };
    let missing: Vec<String> = signals
        .iter()
        .filter(|s| !s.shown())
        // Catalogue titles are ASCII.
        .map(|s| s.signal.title().to_ascii_lowercase())
        .collect();
    if signals.is_empty() {
        counts
    } else if missing.is_empty() {
        format!("{counts}; all seven signals shown")
    } else {
        format!("{counts}; {} not shown", missing.join(", "))
    }
}

/// Signals in `Signal::ALL` order with no evidence (for the "which signal did I hide?" prompt).
pub fn hidden_signals(analysis: &Analysis) -> Vec<Signal> {
    analysis
        .signals
        .iter()
        .filter(|s| !s.shown())
        .map(|s| s.signal)
        .collect()
}

/// Looks up a rule's legend entry by id.
pub fn rule_info(id: &str) -> Option<&'static RuleInfo> {
    RuleId::from_id(id).map(RuleId::info)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_is_consistent() {
        for (i, rule) in RuleId::ALL.iter().enumerate() {
            assert_eq!(*rule as usize, i);
            assert_eq!(rules::ALL[i].id(), *rule, "ALL[{i}]");
            assert_eq!(RuleId::from_id(rule.id()), Some(*rule));
        }
        let mut ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 11);
    }

    #[test]
    fn every_pattern_compiles_to_a_key() {
        for list in all_lists() {
            for item in list.items {
                let body = item.strip_prefix('!').unwrap_or(item);
                let mut alts = Vec::new();
                lexicon::expand(body, &mut alts);
                assert!(!alts.is_empty(), "{}: {item}", list.name);
                for alt in alts {
                    let key = text::pattern_key(&alt.replace('~', ""));
                    assert!(
                        !key.trim().is_empty(),
                        "{}: {item:?} has an empty alternative {alt:?}",
                        list.name
                    );
                }
            }
        }
    }

    #[test]
    fn findings_serialise_their_public_id() {
        let a = analyze("We rebuilt the search page and it went live in March.");
        let json = serde_json::to_string(&a.findings).unwrap_or_default();
        assert!(json.contains("\"rule\":\"vague-we\""), "{json}");
    }

    #[test]
    fn sections_answer_each_other() {
        let alone = analyze("We migrated every service to the new cluster.");
        assert_eq!(alone.findings.len(), 1);
        let together = analyze_sections(&[
            SectionInput {
                label: "Team outcome",
                text: "We migrated every service to the new cluster.",
            },
            SectionInput {
                label: "What I owned",
                text: "I wrote the cut-over runbook and ran the first twelve migrations myself.",
            },
        ]);
        assert!(
            together[0].findings.is_empty(),
            "{:?}",
            together[0].findings
        );
    }

    fn rules_of(a: &Analysis) -> Vec<(&'static str, usize, usize)> {
        a.findings
            .iter()
            .map(|f| (f.rule.id(), f.start, f.end))
            .collect()
    }

    #[test]
    fn an_earlier_section_frames_a_later_design() {
        let design = "I'd put the bookings in Postgres and add a Redis cache in front of it.";
        let alone = analyze_sections(&[SectionInput {
            label: "Design",
            text: design,
        }]);
        assert!(rules_of(&alone[0])
            .iter()
            .any(|r| r.0 == "solving-before-framing"));
        let framed = analyze_sections(&[
            SectionInput {
                label: "Baseline",
                text: "Assume 800 restaurants and about 40 bookings a second at peak.",
            },
            SectionInput {
                label: "Design",
                text: design,
            },
        ]);
        assert!(
            !rules_of(&framed[1])
                .iter()
                .any(|r| r.0 == "solving-before-framing"),
            "{:?}",
            framed[1].findings
        );
    }

    #[test]
    fn a_diagnosis_section_names_gaps_without_being_flagged_for_them() {
        let text = "Config changes went live on every instance at once, with no canary.";
        let as_plan = analyze_sections(&[SectionInput {
            label: "Rollout plan",
            text,
        }]);
        assert!(
            rules_of(&as_plan[0])
                .iter()
                .any(|r| r.0 == "skipped-validation"),
            "{:?}",
            as_plan[0].findings
        );
        let as_factor = analyze_sections(&[SectionInput {
            label: "Contributing factors",
            text,
        }]);
        assert!(
            as_factor[0].findings.is_empty(),
            "{:?}",
            as_factor[0].findings
        );
        // A heading inside an answer is the writer's own story: judged.
        let heading = format!("## Contributing factors\n\n{text}");
        let in_text = analyze(&heading);
        assert!(in_text
            .findings
            .iter()
            .any(|f| f.rule.id() == "skipped-validation"));
    }
}
