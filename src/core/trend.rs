//! The trend of one rubric as small multiples: one small SVG plot per
//! dimension (and, for a gate with an average, one of the average), each
//! point labelled with its value, the gate line drawn half a score below the
//! lowest passing score so no point ever sits on it or is nudged across it.
//! Rounds are numbered as the gate's reasons number them ("round 3").
//!
//! Markup, not a view: a few hundred fixed elements as one escaped string
//! cost far less wasm than as Leptos views (the same reason as `core::home`).
//! Coordinates are integer tenths, so no float formatting reaches the wasm.

use crate::core::drills::RubricId;
use crate::core::export::thousands;
use crate::core::markdown::escape_into;
use crate::core::rubric::{self, Mark};
use std::fmt::Write;

/// How many of the latest rounds the plots and the table show.
pub const SHOWN: usize = 12;

/// One round as the trend shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrendRound {
    /// The round's number among all rounds of the rubric (1 = oldest).
    pub number: usize,
    /// "2024-03-09, Incident triage".
    pub label: String,
    pub values: Vec<Mark>,
}

// One small plot's drawing, in viewBox units.
const W: i32 = 150;
const H: i32 = 92;
const LEFT: i32 = 6;
const RIGHT: i32 = 8;
const TOP: i32 = 16;
const BOTTOM: i32 = 16;

/// Tenths as an SVG number: 125 → "12.5".
fn n(t: i32) -> String {
    let sign = if t < 0 { "-" } else { "" };
    let a = t.unsigned_abs();
    if a.is_multiple_of(10) {
        format!("{sign}{}", a / 10)
    } else {
        format!("{sign}{}.{}", a / 10, a % 10)
    }
}

/// One series: values in tenths of a score (`None`: not tested that round).
struct Series<'a> {
    title: &'a str,
    values: Vec<Option<i32>>,
    /// Gate line, in tenths of a score.
    gate: i32,
    /// "2 or more", "4.0 or more".
    gate_text: String,
    /// An average: labelled with a decimal, and a value on the gate line
    /// passes (the gate is "4 or more").
    average: bool,
}

/// The trend of rubric `id`: `latest` are its latest rounds, oldest first
/// (only the last [`SHOWN`] are drawn), out of `total` rounds in all, so a
/// caller with thousands of rounds labels only the ones shown. `scope` says
/// which rounds these are, e.g. "from every drill" or "Evidence replay
/// rounds only".
pub fn trend_html(id: RubricId, latest: &[TrendRound], total: usize, scope: &str) -> String {
    let r = rubric::rubric(id);
    let shown = &latest[latest.len().saturating_sub(SHOWN)..];
    let total = total.max(shown.len());
    let slug = id.id();
    let mut series: Vec<Series<'_>> = r
        .dimensions
        .iter()
        .enumerate()
        .map(|(i, d)| Series {
            title: d.title,
            values: shown
                .iter()
                .map(|x| {
                    x.values
                        .get(i)
                        .copied()
                        .flatten()
                        .map(|s| i32::from(s) * 10)
                })
                .collect(),
            gate: i32::from(r.pass_from) * 10 - 5,
            gate_text: format!("{} or more", r.pass_from),
            average: false,
        })
        .collect();
    if let Some(avg) = r.average_from {
        series.push(Series {
            title: "Average",
            values: shown.iter().map(|x| average_tenths(&x.values)).collect(),
            gate: i32::from(avg) * 10,
            gate_text: format!("{avg}.0 or more"),
            average: true,
        });
    }

    let mut out = String::with_capacity(8192);
    let _ = write!(
        out,
        "<figure class=\"trend\" id=\"trend-{slug}\"><figcaption><strong>"
    );
    escape_into(&mut out, r.title);
    let count = if shown.len() < total {
        format!("the latest {} of {} rounds", shown.len(), thousands(total))
    } else if total == 1 {
        "1 round".to_owned()
    } else {
        format!("{} rounds", thousands(total))
    };
    out.push_str("</strong> — ");
    escape_into(
        &mut out,
        &format!("{count}, {scope}. Dashed line: the gate; a point below it holds readiness back."),
    );
    out.push_str("</figcaption><ul class=\"small-multiples\">");
    let numbers: Vec<usize> = shown.iter().map(|x| x.number).collect();
    for s in &series {
        small_plot(&mut out, r.min, r.max, s, &numbers);
    }
    out.push_str("</ul>");
    values_table(&mut out, r, shown);
    out.push_str("</figure>");
    out
}

/// The average of a round's scored dimensions in tenths, rounded down (as
/// the gate's reason shows it).
fn average_tenths(values: &[Mark]) -> Option<i32> {
    let scored: Vec<i32> = values.iter().flatten().map(|&s| i32::from(s)).collect();
    let count = scored.len() as i32;
    (count > 0).then(|| scored.iter().sum::<i32>() * 10 / count)
}

/// The y of a value in tenths of a score, in tenths of a viewBox unit.
fn y_of(min: u8, max: u8, v: i32) -> i32 {
    let (lo, hi) = (i32::from(min) * 10, i32::from(max) * 10);
    (TOP * 10) + (H - TOP - BOTTOM) * 10 * (hi - v) / (hi - lo)
}

fn x_of(i: usize, count: usize) -> i32 {
    let span = (W - LEFT - RIGHT - 12) * 10;
    let left = (LEFT + 6) * 10;
    if count <= 1 {
        left + span / 2
    } else {
        left + span * i as i32 / (count as i32 - 1)
    }
}

/// "3", or "3.5" for an average.
fn value_text(v: i32, tenths: bool) -> String {
    if tenths {
        format!("{}.{}", v / 10, v % 10)
    } else {
        (v / 10).to_string()
    }
}

fn small_plot(out: &mut String, min: u8, max: u8, s: &Series<'_>, numbers: &[usize]) {
    let is_average = s.average;
    let latest = s
        .values
        .iter()
        .rev()
        .flatten()
        .next()
        .map(|&v| value_text(v, is_average));
    let mut label = format!("{}: ", s.title);
    let points: Vec<String> = s
        .values
        .iter()
        .zip(numbers)
        .map(|(v, num)| match v {
            Some(v) => format!("round {num} {}", value_text(*v, is_average)),
            None => format!("round {num} not tested"),
        })
        .collect();
    label.push_str(&points.join(", "));
    let _ = write!(label, ". Gate line: {}.", s.gate_text);

    out.push_str("<li class=\"small-plot\"><p class=\"small-plot-title\">");
    escape_into(out, s.title);
    if let Some(v) = &latest {
        let _ = write!(out, " <span class=\"latest\">latest {v}</span>");
    }
    out.push_str("</p><svg class=\"trend-plot\" viewBox=\"0 0 ");
    let _ = write!(out, "{W} {H}\" role=\"img\" aria-label=\"");
    escape_into(out, &label);
    out.push_str("\">");
    // Grid lines at the lowest and highest score; every point carries its
    // value, so the y axis needs no labels.
    for score in [min, max] {
        let y = n(y_of(min, max, i32::from(score) * 10));
        let _ = write!(
            out,
            "<line class=\"grid\" x1=\"{LEFT}\" x2=\"{}\" y1=\"{y}\" y2=\"{y}\"></line>",
            W - RIGHT
        );
    }
    let gy = n(y_of(min, max, s.gate));
    let _ = write!(
        out,
        "<line class=\"gate-line\" x1=\"{LEFT}\" x2=\"{}\" y1=\"{gy}\" y2=\"{gy}\"></line>",
        W - RIGHT
    );
    // Round numbers: all of them up to six, else every other and the last.
    let count = s.values.len();
    let step = if count > 6 { 2 } else { 1 };
    for (i, num) in numbers.iter().enumerate() {
        if i % step == 0 || i + 1 == count {
            let _ = write!(
                out,
                "<text class=\"axis-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{num}</text>",
                n(x_of(i, count)),
                H - 3
            );
        }
    }
    // The line, broken where a round left the dimension untested.
    let mut runs: Vec<Vec<(i32, i32)>> = vec![Vec::new()];
    for (i, v) in s.values.iter().enumerate() {
        match v {
            Some(v) => {
                if let Some(run) = runs.last_mut() {
                    run.push((x_of(i, count), y_of(min, max, *v)));
                }
            }
            None => runs.push(Vec::new()),
        }
    }
    for run in runs.iter().filter(|r| r.len() > 1) {
        let pts: Vec<String> = run
            .iter()
            .map(|&(x, y)| format!("{},{}", n(x), n(y)))
            .collect();
        let _ = write!(
            out,
            "<polyline class=\"series-line\" points=\"{}\"></polyline>",
            pts.join(" ")
        );
    }
    for (i, v) in s.values.iter().enumerate() {
        let Some(v) = v else { continue };
        let (x, y) = (x_of(i, count), y_of(min, max, *v));
        let passes = *v > s.gate || (is_average && *v == s.gate);
        // A passing value is labelled above its point; a failing one (below
        // the line) to its right, so no label ever crosses the gate line.
        let (pass, lx, ly, anchor) = if passes {
            ("pass", x, y - 55, "middle")
        } else {
            ("fail", x + 50, y + 40, "start")
        };
        let _ = write!(
            out,
            "<circle class=\"point {pass}\" cx=\"{}\" cy=\"{}\" r=\"3\"></circle><text class=\"value\" x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\">{}</text>",
            n(x),
            n(y),
            n(lx),
            n(ly),
            value_text(*v, is_average)
        );
    }
    out.push_str("</svg></li>");
}

fn values_table(out: &mut String, r: &rubric::Rubric, shown: &[TrendRound]) {
    out.push_str("<details class=\"trend-values\"><summary>");
    escape_into(out, &format!("{} values", r.title));
    out.push_str(
        "</summary><div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"",
    );
    escape_into(out, &format!("{} values table", r.title));
    out.push_str("\"><table><caption>");
    escape_into(
        out,
        &format!(
            "{} scores by round (a dash: not tested in that drill)",
            r.title
        ),
    );
    out.push_str("</caption><thead><tr><th scope=\"col\">Round</th>");
    for d in r.dimensions {
        out.push_str("<th scope=\"col\">");
        escape_into(out, d.title);
        out.push_str("</th>");
    }
    out.push_str("</tr></thead><tbody>");
    for round in shown {
        out.push_str("<tr><th scope=\"row\">");
        escape_into(out, &format!("{} ({})", round.number, round.label));
        out.push_str("</th>");
        for i in 0..r.dimensions.len() {
            let cell = match round.values.get(i).copied().flatten() {
                Some(v) => v.to_string(),
                None => "–".to_owned(),
            };
            let _ = write!(out, "<td>{cell}</td>");
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div></details>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use RubricId::{FailureDiagnostic as FD, SampledPerformance as SP};

    fn rounds(values: &[Vec<Mark>]) -> Vec<TrendRound> {
        values
            .iter()
            .enumerate()
            .map(|(i, v)| TrendRound {
                number: i + 1,
                label: format!("2024-03-0{}, Hint recovery", i + 1),
                values: v.clone(),
            })
            .collect()
    }

    #[test]
    fn no_score_ever_sits_on_or_across_its_gate_line() {
        for id in RubricId::ALL {
            let r = rubric::rubric(id);
            let gate = y_of(r.min, r.max, i32::from(r.pass_from) * 10 - 5);
            for s in r.min..=r.max {
                let y = y_of(r.min, r.max, i32::from(s) * 10);
                // SVG y grows downwards: passing scores are drawn above the line.
                if s >= r.pass_from {
                    assert!(y < gate - 20, "{id:?} {s}: {y} vs {gate}");
                } else {
                    assert!(y > gate + 20, "{id:?} {s}: {y} vs {gate}");
                }
            }
        }
    }

    #[test]
    fn one_small_plot_per_dimension_with_every_value_labelled() {
        let html = trend_html(
            FD,
            &rounds(&[
                vec![Some(3); 7],
                vec![Some(4), Some(4), Some(4), None, Some(4), Some(4), Some(4)],
                vec![Some(0); 7],
            ]),
            3,
            "from every drill",
        );
        assert_eq!(html.matches("<li class=\"small-plot\">").count(), 7);
        assert!(html.contains("<strong>Failure diagnostic</strong> — 3 rounds, from every drill. Dashed line: the gate; a point below it holds readiness back."), "{html}");
        assert!(html.contains("aria-label=\"Clarification: round 1 3, round 2 4, round 3 0. Gate line: 2 or more.\""), "{html}");
        assert!(html.contains("aria-label=\"Correctness and testing: round 1 3, round 2 not tested, round 3 0. Gate line: 2 or more.\""));
        assert!(html.contains("Recovery <span class=\"latest\">latest 0</span>"));
        // 3 + 2 + 3 labelled points per series except the untested one.
        assert_eq!(html.matches("<text class=\"value\"").count(), 7 * 3 - 1);
        // The untested round breaks Correctness's line: no polyline for a lone point.
        assert_eq!(html.matches("<polyline").count(), 6);
        assert_eq!(html.matches("class=\"point fail\"").count(), 7);
        assert!(html.contains("<td>–</td>"));
    }

    #[test]
    fn sampled_performance_adds_the_average_with_its_own_gate() {
        let html = trend_html(
            SP,
            &rounds(&[
                vec![Some(4), Some(4), Some(4), Some(4), Some(3), Some(5)],
                vec![Some(3), None, Some(3), Some(4), Some(4), Some(5)],
            ]),
            2,
            "Recovery practice rounds only",
        );
        assert_eq!(html.matches("<li class=\"small-plot\">").count(), 7);
        assert!(
            html.contains(
                "aria-label=\"Average: round 1 4.0, round 2 3.8. Gate line: 4.0 or more.\""
            ),
            "{html}"
        );
        assert!(html.contains("Average <span class=\"latest\">latest 3.8</span>"));
    }

    #[test]
    fn only_the_latest_rounds_are_drawn_and_the_caption_says_so() {
        let many: Vec<Vec<Mark>> = (0..20).map(|i| vec![Some((i % 5) as u8); 7]).collect();
        let html = trend_html(FD, &rounds(&many), 20, "from every drill");
        assert!(html.contains("the latest 12 of 20 rounds"), "{html}");
        assert_eq!(html.matches("<tr><th scope=\"row\">").count(), 12);
        assert!(
            html.contains("aria-label=\"Clarification: round 9 3, round 10 4"),
            "{html}"
        );
        // Given only the rounds it shows, it draws the same and counts all.
        let tail = rounds(&many).split_off(8);
        assert_eq!(trend_html(FD, &tail, 20, "from every drill"), html);
        let ten_thousand = trend_html(FD, &tail, 10_000, "from every drill");
        assert!(ten_thousand.contains("the latest 12 of 10,000 rounds"));
    }

    #[test]
    fn numbers_are_tenths_written_by_hand() {
        assert_eq!(n(125), "12.5");
        assert_eq!(n(120), "12");
        assert_eq!(n(-5), "-0.5");
        assert_eq!(average_tenths(&[Some(3), None, Some(4)]), Some(35));
        assert_eq!(average_tenths(&[None]), None);
    }
}
