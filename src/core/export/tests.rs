//! Unit tests of the export: dates, file names, escaping, round trips and
//! structure that user text cannot break. Whole documents are pinned by the
//! golden files of `tests/export_golden.rs`.

use super::*;
use crate::core::attempt::RubricScores;

/// Every attempt's summary: the pool the gates read.
fn pool(all: &[Attempt]) -> Vec<AttemptSummary> {
    all.iter().map(AttemptSummary::of).collect()
}
use crate::core::signals::Signal;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// Inverse of `escape_line` plus the hard break: what a reader of the raw
/// Markdown would type back.
fn unescape_line(line: &str) -> String {
    let line = line.strip_suffix("  ").unwrap_or(line);
    let line = if let Some(rest) = line.strip_prefix("&#32;") {
        format!(" {rest}")
    } else if let Some(rest) = line.strip_prefix("&#9;") {
        format!("\t{rest}")
    } else {
        line.to_owned()
    };
    let mut out = String::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(next) = chars.next() {
                out.push(next);
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Un-escapes a whole document, leaving fenced code lines as they are.
fn unescape_document(md: &str) -> Vec<String> {
    let mut fence: Option<(char, usize)> = None;
    md.lines()
        .map(|line| {
            if let Some((ch, len)) = fence {
                if is_closing_fence(line, ch, len) {
                    fence = None;
                }
                line.to_owned()
            } else if let Some(open) = opening_fence(line) {
                fence = Some(open);
                line.to_owned()
            } else {
                unescape_line(line)
            }
        })
        .collect()
}

const NASTY: &str = "# not a heading\n\
| a | b |\n\
|---|---|\n\
* not a bullet\n\
- not a bullet\n\
+ not a bullet\n\
1. not a list\n\
2) not a list\n\
> not a quote\n\
<script>alert(1)</script>\n\
<img src=x onerror=alert(1)>\n\
a **bold** _claim_ with `code` and [link](javascript:alert(1))\n\
&amp; &lt;b&gt; entity\n\
===\n\
---\n\
***\n\
    four spaces, not code\n\
\tand a tab\n\
#tag $math$ %%comment%% ~~strike~~ back\\slash\\\n\
[ref]: https://example.com\n\
```rust\n\
fn main() { println!(\"# *kept* | verbatim\"); }\n\
```\n\
after the code\n\
~~~\n\
unclosed tilde fence";

#[test]
fn civil_from_days_matches_known_dates() {
    let cases = [
        (0, (1970, 1, 1)),
        (-1, (1969, 12, 31)),
        (11_016, (2000, 2, 29)),
        (11_017, (2000, 3, 1)),
        (19_782, (2024, 2, 29)),
        (19_675, (2023, 11, 14)),
        (-25_508, (1900, 3, 1)),
        (47_846, (2100, 12, 31)),
        (-719_162, (1, 1, 1)),
    ];
    for (days, want) in cases {
        assert_eq!(civil_from_days(days), want, "{days}");
    }
}

#[test]
fn thousands_are_grouped_by_three() {
    let cases = [
        (0, "0"),
        (999, "999"),
        (1_000, "1,000"),
        (12_345, "12,345"),
        (1_234_567, "1,234,567"),
    ];
    for (n, want) in cases {
        assert_eq!(thousands(n), want);
    }
}

#[test]
fn local_time_applies_the_offset() {
    let cases = [
        (1_699_999_990_000, 0, "2023-11-14 22:13", "UTC"),
        (1_699_999_990_000, 120, "2023-11-15 00:13", "UTC+02:00"),
        (1_699_999_990_000, -330, "2023-11-14 16:43", "UTC-05:30"),
        (1_709_999_990_000, 120, "2024-03-09 17:59", "UTC+02:00"),
        (-1, 0, "1969-12-31 23:59", "UTC"),
    ];
    for (ms, offset, want, zone) in cases {
        let t = local_time(ms, offset);
        assert_eq!(t.date_time(), want, "{ms} {offset}");
        assert_eq!(t.zone(), zone);
    }
}

#[test]
fn filename_uses_the_drill_id_and_local_date() {
    let mut a = Attempt::new("a1", "hint-recovery", "", 1_699_999_990_000, 120);
    assert_eq!(export_filename(&a), "evident-hint-recovery-2023-11-15.md");
    a.drill_id = "../Weird id".into();
    a.tz_offset_minutes = 0;
    assert_eq!(export_filename(&a), "evident----weird-id-2023-11-14.md");
}

#[test]
fn escaping_shows_markup_as_typed() {
    let cases = [
        ("# h", r"\# h"),
        ("a | b", r"a \| b"),
        ("*x* _y_", r"\*x\* \_y\_"),
        ("- item", r"\- item"),
        ("+ item", r"\+ item"),
        ("1. item", r"1\. item"),
        ("12) item", r"12\) item"),
        ("2024. A year", r"2024\. A year"),
        ("1234567890. long", "1234567890. long"),
        ("> quote", r"\> quote"),
        ("<script>", r"\<script\>"),
        ("`code`", r"\`code\`"),
        ("===", r"\==="),
        ("a & b", r"a \& b"),
        ("back\\slash", r"back\\slash"),
        ("    code?", "&#32;   code?"),
        ("\tx", "&#9;x"),
        ("  two", "  two"),
        ("plain words stay plain", "plain words stay plain"),
    ];
    for (text, want) in cases {
        assert_eq!(escape_line(text), want, "{text:?}");
    }
}

#[test]
fn escape_block_keeps_lines_and_code_fences() {
    let cases = [
        ("a\nb", "a  \nb"),
        ("a\n\nb", "a\n\nb"),
        ("a\r\nb", "a  \nb"),
        ("\n\na\n\n", "a"),
        ("x\n```\n# raw *\n```\ny", "x\n```\n# raw *\n```\ny"),
        ("```\nnever closed", "```\nnever closed\n```"),
        ("````\n```\nstill code\n````", "````\n```\nstill code\n````"),
        ("~~~\n| t |\n~~~", "~~~\n| t |\n~~~"),
        ("``` a`b\nnot a fence", r"\`\`\` a\`b  "),
    ];
    for (text, want) in cases {
        let got = escape_block(text);
        assert!(got.starts_with(want) || got == want, "{text:?} → {got:?}");
    }
}

#[test]
fn every_line_of_user_text_appears_verbatim_after_unescaping() {
    let escaped = escape_block(NASTY);
    let lines = unescape_document(&escaped);
    for line in NASTY.lines().filter(|l| !l.trim().is_empty()) {
        assert!(
            lines.iter().any(|l| l == line),
            "{line:?} missing from\n{escaped}"
        );
    }
}

/// Every extension a target renderer might have, except smart punctuation
/// (which rewrites `---` to a dash by design and no target uses).
fn gfm_like() -> pulldown_cmark::Options {
    let mut o = pulldown_cmark::Options::all();
    o.remove(pulldown_cmark::Options::ENABLE_SMART_PUNCTUATION);
    o
}

/// What a reader sees: the rendered text of a block, lines joined with `\n`.
fn rendered_text(md: &str) -> String {
    let mut out = String::new();
    for event in Parser::new_ext(md, gfm_like()) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                out.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak => out.push('\n'),
            Event::End(TagEnd::Paragraph) => out.push_str("\n\n"),
            _ => {}
        }
    }
    out.trim_end().to_owned()
}

#[test]
fn escaped_text_renders_exactly_as_typed() {
    let cases = [
        "# not a heading\n| a | b |\n|---|---|\n- x\n1. y\n> q",
        "a **b** _c_ `d` [e](f) <g> &amp; ~~h~~ $i$ %%j%%",
        "===\n---\n***\n___",
        "back\\slash\\\nend",
        "para one\n\npara two",
        "[ref]: https://example.com\n[ref]",
    ];
    for text in cases {
        assert_eq!(rendered_text(&escape_block(text)), text, "{text:?}");
    }
}

/// The document's block structure: what user text must never add to.
fn structure(md: &str) -> Vec<String> {
    Parser::new_ext(md, gfm_like())
        .filter_map(|e| match e {
            Event::Start(
                t @ (Tag::Heading { .. }
                | Tag::List(_)
                | Tag::Item
                | Tag::Table(_)
                | Tag::BlockQuote(_)
                | Tag::HtmlBlock
                | Tag::CodeBlock(_)
                | Tag::Link { .. }
                | Tag::Image { .. }
                | Tag::FootnoteDefinition(_)
                | Tag::MetadataBlock(_)),
            ) => Some(format!("{t:?}")),
            Event::Html(_) | Event::InlineHtml(_) | Event::Rule => Some(format!("{e:?}")),
            _ => None,
        })
        .collect()
}

fn attempt_with_text(text: &str) -> Attempt {
    let mut a = Attempt::new("a1", "hint-recovery", text, 1_699_999_990_000, 60);
    a.set_section("answer", text, 1_700_000_000_000);
    a.set_section("recovery", text, 1_700_000_000_000);
    a.set_notes(text, 1_700_000_000_000);
    a.record_scores(RubricScores {
        rubric: RubricId::FailureDiagnostic,
        values: [2, 3, 2, 1, 2, 3, 4].map(Some).to_vec(),
        note: text.to_owned(),
        scored_at_ms: 1_700_000_000_000,
    });
    a
}

fn no_analysis(_: &str) -> Analysis {
    Analysis {
        findings: Vec::new(),
        signals: Signal::ALL
            .iter()
            .map(|&signal| crate::core::analyzer::SignalEvidence {
                signal,
                phrases: Vec::new(),
            })
            .collect(),
        summary: String::new(),
    }
}

#[test]
fn user_text_cannot_change_the_document_structure() {
    let code = "```rust\nfn main() {}\n```";
    let benign: String = NASTY
        .lines()
        .map(|l| if l.trim().is_empty() { "" } else { "plain" })
        .collect::<Vec<_>>()
        .join("\n");
    // Same fence in both so the code blocks match; the nasty text's own
    // fences are replaced by plain lines in the benign twin.
    let nasty = format!("{NASTY}\n~~~\n\n{code}");
    let benign = format!("{benign}\n\n{code}");
    let a = export_attempt_with(&attempt_with_text(&nasty), &[], &no_analysis);
    let b = export_attempt_with(&attempt_with_text(&benign), &[], &no_analysis);
    let (sa, sb) = (structure(&a), structure(&b));
    // The nasty text holds two code blocks of its own (``` and ~~~) in each
    // of its five places; nothing else may differ.
    let strip = |s: &[String]| -> Vec<String> {
        s.iter()
            .filter(|x| !x.starts_with("CodeBlock"))
            .cloned()
            .collect()
    };
    assert_eq!(strip(&sa), strip(&sb), "\n{a}");
    assert!(!a.contains("\n<script"), "{a}");
}

#[test]
fn the_whole_export_keeps_every_user_line() {
    let a = attempt_with_text(NASTY);
    let md = export_attempt_with(&a, &[], &no_analysis);
    let lines = unescape_document(&md);
    for line in NASTY.lines().filter(|l| !l.trim().is_empty()) {
        let n = lines.iter().filter(|l| *l == line).count();
        assert!(
            n >= 5,
            "{line:?} appears {n} times, expected in 5 places\n{md}"
        );
    }
}

#[test]
fn times_show_overtime_and_unfinished_states() {
    let mut a = Attempt::new("a1", "hint-recovery", "p", 0, 0);
    let md = export_attempt_with(&a, &[], &no_analysis);
    assert!(md.contains("- Actual time: not started\n"), "{md}");
    a.timer.started_at = Some(0);
    let md = export_attempt_with(&a, &[], &no_analysis);
    assert!(md.contains("- Actual time: not finished\n"));
    a.timer.finished_at = Some(16 * 60_000 + 10_000);
    let md = export_attempt_with(&a, &[], &no_analysis);
    assert!(md.contains("- Planned time: 15:00\n- Actual time: 16:10 (1:10 overtime)\n"));
    a.timer.finished_at = Some(14 * 60_000);
    let md = export_attempt_with(&a, &[], &no_analysis);
    assert!(md.contains("- Actual time: 14:00\n"));
}

#[test]
fn the_gate_counts_earlier_rounds_from_other_attempts() {
    let scored = |id: &str, at: i64, v: u8| {
        let mut a = Attempt::new(id, "attribution-split", "p", at, 0);
        a.record_scores(RubricScores {
            rubric: RubricId::FailureDiagnostic,
            values: vec![Some(v); 7],
            note: String::new(),
            scored_at_ms: at,
        });
        a
    };
    let first = scored("a1", 1_000, 3);
    let second = scored("a2", 2_000, 3);
    let later = scored("a3", 3_000, 0);
    let all = vec![first.clone(), second.clone(), later];
    let alone = export_attempt_with(&second, &[], &no_analysis);
    assert!(
        alone.contains(
            "Gate: **Not yet: readiness needs two rounds (1 so far)**  \nCounted over your 1 Failure diagnostic round, from every drill.\n"
        ),
        "{alone}"
    );
    let with_history = export_attempt_with(&second, &pool(&all), &no_analysis);
    assert!(
        with_history.contains(
            "Gate: **Ready: no dimension scored 0 or 1 in rounds 1 and 2, so no brittle pattern is left for a senior loop to find**  \nAs it stood after round 2 of your 3 Failure diagnostic rounds (from every drill).\n"
        ),
        "{with_history}"
    );
    let latest = export_attempt_with(&all[2], &pool(&all), &no_analysis);
    assert!(
        latest.contains("Gate: **Not yet: all 7 dimensions scored 0 in round 3**"),
        "{latest}"
    );
}

/// The app writes out only the listed attempts of one drill, but the gate
/// still counts every drill's rounds: from the summaries it is given.
#[test]
fn a_filtered_history_export_gates_over_every_drills_rounds() {
    let scored = |id: &str, drill: &str, at: i64, v: u8| {
        let mut a = Attempt::new(id, drill, "p", at, 0);
        a.record_scores(RubricScores {
            rubric: RubricId::FailureDiagnostic,
            values: vec![Some(v); 7],
            note: String::new(),
            scored_at_ms: at,
        });
        a
    };
    let all = vec![
        scored("e1", "evidence-replay", 1_000, 3),
        scored("e2", "evidence-replay", 2_000, 3),
        scored("i1", "incident-triage", 3_000, 0),
    ];
    let written = [all[2].clone()];
    let md = export_history_with(
        &written,
        &pool(&all),
        HistoryFilter::Drill("incident-triage"),
        &no_analysis,
    );
    assert!(
        md.contains("Gate: **Not yet: all 7 dimensions scored 0 in round 3**  \nCounted over your 3 Failure diagnostic rounds, from every drill.\n"),
        "{md}"
    );
}

#[test]
fn history_lists_contents_with_working_anchors() {
    let a = attempt_with_text("one");
    let mut b = Attempt::new("b1", "incident-triage", "p", 1_710_000_000_000, 0);
    b.set_notes("two", 1_710_000_000_001);
    let all = vec![a, b];
    let md = export_history_with(&all, &pool(&all), HistoryFilter::All, &no_analysis);
    assert!(md.starts_with("# Evident drill notes\n\nAll drills, 2 attempts, newest first.\n\n## Contents\n\n- [1\\. Incident triage, 2024-03-09 16:00](#1-incident-triage-2024-03-09-1600)\n- [2\\. Hint recovery, 2023-11-14 23:13](#2-hint-recovery-2023-11-14-2313)\n"), "{md}");
    assert!(md.contains("\n## 1\\. Incident triage, 2024-03-09 16:00\n"));
    let only = export_history_with(
        &all,
        &pool(&all),
        HistoryFilter::Drill("incident-triage"),
        &no_analysis,
    );
    assert!(only.contains("Incident triage, 1 attempt, newest first."));
    assert!(!only.contains("Hint recovery"));
    let none = export_history_with(&[], &[], HistoryFilter::All, &no_analysis);
    assert_eq!(
        none,
        "# Evident drill notes\n\nAll drills, 0 attempts, newest first.\n"
    );
}

#[test]
fn slugs_follow_github() {
    assert_eq!(
        slug("1. Hint recovery, 2023-11-14 22:19"),
        "1-hint-recovery-2023-11-14-2219"
    );
}
