//! A trend plot per rubric, drawn by hand as inline SVG: one line per
//! dimension across rounds (x = round order, y = score), the gate line
//! marked, a legend, and the values as a table for screen readers and for
//! anyone who wants the numbers.

use crate::core::drills::RubricId;
use crate::core::markdown::escape_into;
use crate::core::rubric;
use leptos::prelude::*;

/// One scored round: a label (the date) and one score per dimension.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Round {
    pub label: String,
    pub values: Vec<u8>,
}

// The drawing's own coordinate system; the SVG scales to its container.
const W: f64 = 360.0;
const H: f64 = 200.0;
const LEFT: f64 = 30.0;
/// Room on the right for the gate label, clear of every data point.
const RIGHT: f64 = 40.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 30.0;

/// `v` with one decimal, as SVG wants it. Written by hand: Rust's float
/// formatting costs about 15 KB of the gzipped wasm, and the plot is its only
/// user.
fn num(v: f64) -> String {
    let tenths = (v * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let t = tenths.unsigned_abs();
    format!("{sign}{}.{}", t / 10, t % 10)
}

/// Marker shapes, so lines differ by more than colour.
fn marker(shape: usize, x: f64, y: f64) -> String {
    const R: f64 = 3.6;
    let (r, d) = (num(R), num(2.0 * R));
    match shape % 4 {
        // circle as a path keeps every marker one element type
        0 => format!(
            "M{},{}a{r},{r} 0 1,0 {d},0a{r},{r} 0 1,0 -{d},0",
            num(x - R),
            num(y)
        ),
        1 => format!("M{},{}h{d}v{d}h-{d}z", num(x - R), num(y - R)),
        2 => format!("M{},{}l{r},{d}h-{d}z", num(x), num(y - R)),
        _ => format!("M{},{}l{r},{r}l-{r},{r}l-{r},-{r}z", num(x), num(y - R)),
    }
}

#[component]
pub fn TrendPlot(rubric_id: RubricId, rounds: Vec<Round>) -> impl IntoView {
    let r = rubric::rubric(rubric_id);
    let n = rounds.len();
    let dims = r.dimensions.len();
    let (min, max) = (f64::from(r.min), f64::from(r.max));
    let plot_w = W - LEFT - RIGHT;
    let plot_h = H - TOP - BOTTOM;
    // Points keep clear of the axes so the first and last markers show whole.
    const INSET: f64 = 10.0;
    let x_of = move |i: usize| {
        if n <= 1 {
            LEFT + plot_w / 2.0
        } else {
            LEFT + INSET + (plot_w - 2.0 * INSET) * (i as f64) / ((n - 1) as f64)
        }
    };
    // Dimensions with equal scores would hide each other: spread them by a
    // pixel or two around the true value.
    let y_of = move |score: u8, dim: usize| {
        let spread = (dim as f64 - (dims as f64 - 1.0) / 2.0) * 1.2;
        TOP + plot_h * (max - f64::from(score)) / (max - min) + spread
    };
    let gate_y = TOP + plot_h * (max - f64::from(r.gate_line)) / (max - min);
    let slug = super::scoring::rubric_slug(rubric_id);

    // The drawing is numbers and fixed words only, so it goes in as one SVG
    // string: a few dozen `view!` elements cost far more wasm than the text.
    let mut svg = String::with_capacity(2048);
    for s in r.min..=r.max {
        let y = TOP + plot_h * (max - f64::from(s)) / (max - min);
        svg.push_str(&format!(
            "<line class=\"grid\" x1=\"{}\" x2=\"{}\" y1=\"{y}\" y2=\"{y}\"></line>\
             <text class=\"axis-label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{s}</text>",
            num(LEFT),
            num(W - RIGHT),
            num(LEFT - 8.0),
            num(y + 4.0),
            y = num(y),
        ));
    }
    svg.push_str(&format!(
        "<line class=\"gate-line\" x1=\"{}\" x2=\"{}\" y1=\"{gy}\" y2=\"{gy}\"></line>\
         <text class=\"gate-label\" x=\"{}\" y=\"{}\" text-anchor=\"start\">gate</text>",
        num(LEFT),
        num(W - RIGHT),
        num(W - RIGHT + 4.0),
        num(gate_y + 4.0),
        gy = num(gate_y),
    ));
    // At most about six labels, always the first and the last.
    let step = n.div_ceil(6).max(1);
    for i in (0..n).filter(|i| i % step == 0 || i + 1 == n) {
        svg.push_str(&format!(
            "<text class=\"axis-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            num(x_of(i)),
            num(H - BOTTOM + 16.0),
            i + 1
        ));
    }
    svg.push_str(&format!(
        "<text class=\"axis-title\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">round</text>",
        num(LEFT + plot_w / 2.0),
        num(H - 2.0)
    ));
    for d in 0..dims {
        let points: Vec<(f64, f64)> = rounds
            .iter()
            .enumerate()
            .filter_map(|(i, round)| round.values.get(d).map(|&v| (x_of(i), y_of(v, d))))
            .collect();
        let line = points
            .iter()
            .map(|&(x, y)| format!("{},{}", num(x), num(y)))
            .collect::<Vec<_>>()
            .join(" ");
        let markers: String = points.iter().map(|&(x, y)| marker(d, x, y)).collect();
        svg.push_str(&format!(
            "<g class=\"series series-{d}\"><polyline points=\"{line}\" fill=\"none\"></polyline>\
             <path d=\"{markers}\"></path></g>"
        ));
    }

    let latest = rounds.last().map(|round| {
        r.dimensions
            .iter()
            .zip(&round.values)
            .map(|(d, v)| format!("{} {v}", d.title))
            .collect::<Vec<_>>()
            .join(", ")
    });
    let label = format!(
        "{} trend over {} scored round{}, scores {}–{}, gate line at {}. Latest round: {}. The values are in the table below.",
        r.title,
        n,
        if n == 1 { "" } else { "s" },
        r.min,
        r.max,
        r.gate_line,
        latest.unwrap_or_default()
    );

    // Dimension titles come from the compiled-in rubric, escaped.
    let mut legend = String::with_capacity(512);
    for (d, dim) in r.dimensions.iter().enumerate() {
        legend.push_str(&format!(
            "<li class=\"series series-{d}\"><svg class=\"swatch\" viewBox=\"0 0 24 12\" \
             width=\"24\" height=\"12\" aria-hidden=\"true\"><line x1=\"0\" x2=\"24\" \
             y1=\"6\" y2=\"6\"></line><path d=\"{}\"></path></svg>",
            marker(d, 12.0, 6.0)
        ));
        escape_into(&mut legend, dim.title);
        legend.push_str("</li>");
    }

    let table_rows = rounds
        .iter()
        .enumerate()
        .map(|(i, round)| {
            view! {
                <tr>
                    <th scope="row">{format!("{} ({})", i + 1, round.label)}</th>
                    {round.values.iter().map(|v| view! { <td>{v.to_string()}</td> }).collect_view()}
                </tr>
            }
        })
        .collect_view();

    view! {
        <figure class="trend" aria-labelledby=format!("trend-{slug}-title")>
            <figcaption id=format!("trend-{slug}-title")>
                <strong>{r.title}</strong>
                {format!(" — {} round{}", n, if n == 1 { "" } else { "s" })}
            </figcaption>
            <svg
                class="trend-plot"
                viewBox=format!("0 0 {} {}", num(W), num(H))
                role="img"
                aria-label=label
                preserveAspectRatio="xMidYMid meet"
                inner_html=svg
            ></svg>
            <ul class="legend" aria-label=format!("{} legend", r.title) inner_html=legend></ul>
            <details class="trend-values">
                <summary>{format!("{} values", r.title)}</summary>
                // Focusable so keyboard users can scroll a wide table on a phone.
                <div class="table-scroll" tabindex="0" role="region" aria-label=format!("{} values table", r.title)>
                    <table>
                        <caption>{format!("{} scores by round (gate line at {})", r.title, r.gate_line)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Round"</th>
                                {r.dimensions.iter().map(|d| view! { <th scope="col">{d.title}</th> }).collect_view()}
                            </tr>
                        </thead>
                        <tbody>{table_rows}</tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
}
