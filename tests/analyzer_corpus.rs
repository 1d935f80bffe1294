//! Corpus tests: the shared labelled corpus must pass case by case, our own
//! larger corpus must meet the precision and recall targets, and the held-out
//! corpus (written without running the analyzer, never tuned on) must stay
//! above modest floors: it measures how the rules generalise.
//!
//! A case is `{"text", "expect": [rule ids that must fire], "forbid": [rule ids that must not]}`.

use evident::core::analyzer::{analyze, RULES};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

#[derive(Deserialize)]
struct Case {
    text: String,
    #[serde(default)]
    expect: Vec<String>,
    #[serde(default)]
    forbid: Vec<String>,
    #[serde(default)]
    drill: Option<String>,
}

fn load(path: &PathBuf) -> Vec<Case> {
    let data = std::fs::read_to_string(path).expect("corpus readable");
    data.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), i + 1))
        })
        .collect()
}

#[derive(Default)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
    misses: Vec<String>,
    per_rule: BTreeMap<String, (usize, usize, usize)>,
}

fn score(cases: &[Case]) -> Score {
    let mut s = Score::default();
    for c in cases {
        let fired: Vec<&str> = analyze(&c.text)
            .findings
            .iter()
            .map(|f| f.rule.id())
            .collect();
        for r in &c.expect {
            let e = s.per_rule.entry(r.clone()).or_default();
            if fired.contains(&r.as_str()) {
                s.tp += 1;
                e.0 += 1;
            } else {
                s.fn_ += 1;
                e.2 += 1;
                s.misses.push(format!("MISS {r}: {}", c.text));
            }
        }
        for r in &c.forbid {
            if fired.contains(&r.as_str()) {
                s.fp += 1;
                s.per_rule.entry(r.clone()).or_default().1 += 1;
                s.misses.push(format!("FALSE {r}: {}", c.text));
            }
        }
    }
    s
}

fn known_rule(id: &str) -> bool {
    RULES.iter().any(|r| r.id == id)
}

#[test]
fn shared_corpus_every_case_passes() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/answers.jsonl");
    if !path.exists() {
        eprintln!(
            "note: {} is absent; skipping the shared corpus",
            path.display()
        );
        return;
    }
    let cases = load(&path);
    assert!(!cases.is_empty());
    let s = score(&cases);
    assert!(
        s.misses.is_empty(),
        "shared corpus failures:\n{}",
        s.misses.join("\n")
    );
}

#[test]
fn own_corpus_meets_precision_and_recall() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/answers.jsonl");
    let cases = load(&path);
    assert!(
        cases.len() >= 150,
        "the corpus needs at least 150 answers, has {}",
        cases.len()
    );
    for c in &cases {
        for r in c.expect.iter().chain(&c.forbid) {
            assert!(known_rule(r), "unknown rule id {r} in: {}", c.text);
        }
    }
    let drills: std::collections::BTreeSet<&str> =
        cases.iter().filter_map(|c| c.drill.as_deref()).collect();
    assert_eq!(drills.len(), 9, "answers from all nine drills: {drills:?}");
    let s = score(&cases);
    let precision = s.tp as f64 / (s.tp + s.fp).max(1) as f64;
    let recall = s.tp as f64 / (s.tp + s.fn_).max(1) as f64;
    for (rule, (tp, fp, fn_)) in &s.per_rule {
        eprintln!("{rule:30} tp {tp:3} fp {fp:3} fn {fn_:3}");
    }
    eprintln!("micro precision {precision:.3} recall {recall:.3}");
    eprintln!("{}", s.misses.join("\n"));
    assert!(precision >= 0.95, "precision {precision:.3} < 0.95");
    assert!(recall >= 0.90, "recall {recall:.3} < 0.90");
}

#[test]
fn heldout_corpus_generalises() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/heldout.jsonl");
    let cases = load(&path);
    assert!(cases.len() >= 80, "held-out corpus has {}", cases.len());
    for c in &cases {
        for r in c.expect.iter().chain(&c.forbid) {
            assert!(known_rule(r), "unknown rule id {r} in: {}", c.text);
        }
    }
    let s = score(&cases);
    let precision = s.tp as f64 / (s.tp + s.fp).max(1) as f64;
    let recall = s.tp as f64 / (s.tp + s.fn_).max(1) as f64;
    eprintln!("held-out micro precision {precision:.3} recall {recall:.3}");
    eprintln!("{}", s.misses.join("\n"));
    // Floors sit below what the rules reach (1.00 / 1.00 when set), so a
    // regression shows up without pinning every case.
    assert!(
        precision >= 0.95,
        "held-out precision {precision:.3} < 0.95"
    );
    assert!(recall >= 0.90, "held-out recall {recall:.3} < 0.90");
}

/// A long answer labelled span by span (see ../shared/corpus/long/README.md).
#[derive(Deserialize)]
struct LongCase {
    text: String,
    #[serde(default)]
    must: Vec<Span>,
    #[serde(default)]
    may: Vec<Span>,
}

#[derive(Deserialize)]
struct Span {
    rule: String,
    quote: String,
}

/// Span-level precision and recall over long answers, for the rules in
/// `rules` (a finding is right when it overlaps a must or may span of its
/// rule; a must span is found when a finding of its rule overlaps it).
fn span_score(cases: &[LongCase], rules: &[&str]) -> (f64, f64) {
    let (mut right, mut wrong, mut found, mut missed) = (0usize, 0usize, 0usize, 0usize);
    for c in cases {
        let spans = |list: &[Span]| -> Vec<(String, usize, usize)> {
            list.iter()
                .filter(|s| rules.contains(&s.rule.as_str()))
                .filter_map(|s| {
                    c.text
                        .find(&s.quote)
                        .map(|i| (s.rule.clone(), i, i + s.quote.len()))
                })
                .collect()
        };
        let (must, may) = (spans(&c.must), spans(&c.may));
        let got: Vec<(&str, usize, usize)> = analyze(&c.text)
            .findings
            .iter()
            .filter(|f| rules.contains(&f.rule.id()))
            .map(|f| (f.rule.id(), f.start, f.end))
            .collect();
        let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
        for (r, s, e) in &must {
            if got
                .iter()
                .any(|(gr, gs, ge)| gr == r && overlaps((*gs, *ge), (*s, *e)))
            {
                found += 1;
            } else {
                missed += 1;
            }
        }
        for (gr, gs, ge) in &got {
            if must
                .iter()
                .chain(&may)
                .any(|(r, s, e)| r == gr && overlaps((*gs, *ge), (*s, *e)))
            {
                right += 1;
            } else {
                wrong += 1;
            }
        }
    }
    let ratio = |a: usize, b: usize| {
        if a + b == 0 {
            1.0
        } else {
            a as f64 / (a + b) as f64
        }
    };
    (ratio(right, wrong), ratio(found, missed))
}

fn load_long(dir: &std::path::Path) -> Vec<LongCase> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "jsonl"));
    files.sort();
    files
        .iter()
        .flat_map(|p| {
            std::fs::read_to_string(p)
                .unwrap_or_default()
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| {
                    serde_json::from_str::<LongCase>(l)
                        .unwrap_or_else(|e| panic!("{}: {e}", p.display()))
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The eight rules the shared long corpus labels (the three newer ones are
/// not labelled there, so their findings would all count as false).
const LABELLED_IN_SHARED: [&str; 8] = [
    "vague-we",
    "hidden-reasoning",
    "vague-impact",
    "machinery-without-threshold",
    "blame",
    "skipped-validation",
    "trait-claim",
    "apology-spiral",
];

#[test]
fn shared_long_answers_meet_the_span_targets() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/long");
    if !dir.exists() {
        eprintln!("note: {} is absent; skipping", dir.display());
        return;
    }
    let cases = load_long(&dir);
    assert!(cases.len() >= 100, "{} long answers", cases.len());
    let (p, r) = span_score(&cases, &LABELLED_IN_SHARED);
    eprintln!("shared long answers: span precision {p:.3} recall {r:.3}");
    // The targets on the development set.
    assert!(p >= 0.95, "span precision {p:.3} < 0.95");
    assert!(r >= 0.90, "span recall {r:.3} < 0.90");
}

#[test]
fn blind_long_answers_are_measured_not_tuned() {
    // Written by writers who never saw the rules; scored, never tuned on.
    // The floors sit well below the first score, to catch a collapse only.
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/blind");
    let cases = load_long(&dir);
    assert!(cases.len() >= 40, "{} blind answers", cases.len());
    let all: Vec<&str> = RULES.iter().map(|r| r.id).collect();
    let (p, r) = span_score(&cases, &all);
    eprintln!("blind long answers: span precision {p:.3} recall {r:.3}");
    assert!(
        p >= 0.75 && r >= 0.55,
        "blind span precision {p:.3}, recall {r:.3}"
    );
}
