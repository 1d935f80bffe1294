//! Markdown export of one attempt or of the history.
//!
//! The output must read well in Obsidian, GitHub and Notion and lose nothing
//! the user wrote. So every piece of user text goes through [`escape_block`]
//! or [`escape_inline`]: Markdown punctuation is backslash-escaped so `#`, `|`,
//! `*`, `_`, leading `1.`/`-`/`>`, backticks and `<tags>` show as typed and
//! cannot open a heading, table, list or HTML block; each typed line ends in
//! a hard break so the lines stay lines; fenced code blocks the user wrote
//! (```` ``` ```` or `~~~`) are copied verbatim and stay code blocks (an
//! unclosed one is closed so it cannot swallow the rest of the document).
//!
//! Gate results: the caller passes the summary of every attempt it has
//! (`all`, any order; it may include the exported attempt itself or be
//! empty): the gates need only the rounds, and the app keeps every
//! attempt's summary, not every attempt. For each rubric the gate is read by
//! `readiness::after`, as it stood when this attempt was scored, in the same
//! words the results screen and History show. With `&[]` the gate sees this
//! attempt alone.
//!
//! Findings are named by their rule titles and signals by their titles; the
//! rule ids stay in the CLI and JSON.
//!
//! Dates use `created_at_ms` shifted by the attempt's own `tz_offset_minutes`,
//! computed with a small days-to-civil function (no date crate).

use crate::core::analyzer;
use crate::core::attempt::{self, Analyze, Attempt, SectionAnalysis, SectionView};
use crate::core::audio::reading;
use crate::core::audio::recording::{Recording, TranscriptSource};
use crate::core::audio::slot::{spoken_slot, transcript_section};
use crate::core::drills::{RubricId, SectionAid};
use crate::core::readiness;
use crate::core::rubric;
use crate::core::signal_scope;
use crate::core::sorting;
use crate::core::steps;
use crate::core::summary::AttemptSummary;
use crate::core::timer::format_elapsed;
use std::fmt::Write;

/// Which attempts a history export holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistoryFilter<'a> {
    All,
    /// Only attempts of this drill id.
    Drill(&'a str),
}

/// One attempt as a Markdown document.
pub fn export_attempt(attempt: &Attempt, all: &[AttemptSummary]) -> String {
    export_attempt_with(attempt, all, &analyzer::analyze_sections)
}

/// [`export_attempt`] with a given analyzer (a fixed one in the golden
/// tests, so they pin the export's format, not the heuristics).
pub fn export_attempt_with(
    attempt: &Attempt,
    all: &[AttemptSummary],
    analyze: Analyze<'_>,
) -> String {
    let mut out = String::new();
    let title = format!(
        "{}, {}",
        attempt.drill_title(),
        local_datetime(attempt).date()
    );
    write_attempt(&mut out, attempt, all, analyze, 1, &title);
    finish(out)
}

/// The history (all attempts, or one drill's) as one document with a table
/// of contents, newest first. `attempts` are the attempts to write out, in
/// full; `all` is every attempt's summary, the pool for gate results (a
/// filtered export still counts every drill's rounds, as the gate does).
pub fn export_history(
    attempts: &[Attempt],
    all: &[AttemptSummary],
    filter: HistoryFilter<'_>,
) -> String {
    export_history_with(attempts, all, filter, &analyzer::analyze_sections)
}

/// [`export_history`] with a given analyzer.
pub fn export_history_with(
    attempts: &[Attempt],
    all: &[AttemptSummary],
    filter: HistoryFilter<'_>,
    analyze: Analyze<'_>,
) -> String {
    let mut chosen: Vec<&Attempt> = attempts
        .iter()
        .filter(|a| match filter {
            HistoryFilter::All => true,
            HistoryFilter::Drill(id) => a.drill_id == id,
        })
        .collect();
    sorting::sort_by(&mut chosen, |a, b| {
        b.created_at_ms
            .cmp(&a.created_at_ms)
            .then_with(|| a.id.cmp(&b.id))
    });

    let mut out = String::from("# Evident drill notes\n\n");
    let scope = match filter {
        HistoryFilter::All => "All drills".to_owned(),
        HistoryFilter::Drill(id) => {
            escape_inline(crate::core::drills::drill(id).map_or(id, |d| d.title))
        }
    };
    let count = match chosen.len() {
        1 => "1 attempt".to_owned(),
        n => format!("{n} attempts"),
    };
    let _ = writeln!(out, "{scope}, {count}, newest first.\n");
    if chosen.is_empty() {
        return finish(out);
    }

    let titles: Vec<String> = chosen
        .iter()
        .enumerate()
        .map(|(i, a)| {
            format!(
                "{}. {}, {}",
                i + 1,
                a.drill_title(),
                local_datetime(a).date_time()
            )
        })
        .collect();
    out.push_str("## Contents\n\n");
    for title in &titles {
        let _ = writeln!(out, "- [{}](#{})", escape_inline(title), slug(title));
    }
    for (a, title) in chosen.iter().zip(&titles) {
        out.push('\n');
        write_attempt(&mut out, a, all, analyze, 2, title);
    }
    finish(out)
}

/// Ends a document with exactly one newline.
fn finish(mut out: String) -> String {
    let len = out.trim_end_matches('\n').len();
    out.truncate(len);
    out.push('\n');
    out
}

/// `evident-<drill-id>-<YYYY-MM-DD>.md`, the local date of creation. Any
/// character unsafe in a file name is replaced by `-`.
pub fn export_filename(attempt: &Attempt) -> String {
    let drill: String = attempt
        .drill_id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    format!("evident-{drill}-{}.md", local_datetime(attempt).date())
}

// ------------------------------------------------------------------ document

fn heading(out: &mut String, level: usize, text: &str) {
    let _ = writeln!(out, "{} {}\n", "#".repeat(level.min(6)), text);
}

fn write_attempt(
    out: &mut String,
    a: &Attempt,
    all: &[AttemptSummary],
    analyze: Analyze<'_>,
    level: usize,
    title: &str,
) {
    heading(out, level, &escape_inline(title));
    let sub = level + 1;

    // The attempt's sections read together, as its results screen shows them.
    let analyses: Vec<SectionAnalysis<'_>> = a.analyze_sections_with(analyze);
    let counts = attempt::finding_counts(&analyses);

    write_meta(out, a, &counts);
    write_step_times(out, a, sub);

    heading(out, sub, "Prompt");
    if a.drawn_prompt.is_some() {
        out.push_str("_Your own prompt._\n\n");
    }
    write_block(out, &a.prompt, "No prompt.");

    let is_hint_drill = a.drill_id == "hint-recovery";
    let mut hint_written = false;
    for s in a.section_views() {
        if is_hint_drill && s.id == "recovery" {
            write_hint(out, a, sub);
            hint_written = true;
        }
        write_section(out, a, &s, sub);
    }
    if !hint_written && (is_hint_drill || a.hint.is_some()) {
        write_hint(out, a, sub);
    }
    for r in &a.recordings {
        write_recording(out, a, r, sub);
    }

    write_findings(out, &analyses, sub);
    write_coverage(out, a, &analyses, sub);
    write_scores(out, a, all, sub);

    heading(out, sub, "Notes");
    write_block(out, &a.notes, "No notes.");
}

fn write_meta(out: &mut String, a: &Attempt, counts: &[(&'static str, usize)]) {
    let t = &a.timer;
    let actual = match t.actual_ms() {
        Some(ms) if ms > t.duration_ms => format!(
            "{} ({} overtime)",
            format_elapsed(ms),
            format_elapsed(ms - t.duration_ms)
        ),
        Some(ms) => format_elapsed(ms),
        None if t.started_at.is_some() => "not finished".to_owned(),
        None => "not started".to_owned(),
    };
    let findings = attempt::counts_line(counts).unwrap_or_else(|| "none".to_owned());
    let dt = local_datetime(a);
    let _ = writeln!(out, "- Drill: {}", escape_inline(a.drill_title()));
    let _ = writeln!(out, "- Date: {} ({})", dt.date_time(), dt.zone());
    let _ = writeln!(out, "- Planned time: {}", format_elapsed(t.duration_ms));
    let _ = writeln!(out, "- Actual time: {actual}");
    if let Some(spoken) = spoken_line(a) {
        let _ = writeln!(out, "- Spoken summary: {spoken}");
    }
    let _ = writeln!(out, "- Findings: {findings}\n");
}

/// The spoken summary's time for a drill that has one: "1:44 of 2:00",
/// "started, not done", or "not timed".
pub fn spoken_line(a: &Attempt) -> Option<String> {
    let minutes = a.drill()?.sections.iter().find_map(|s| match s.aid {
        SectionAid::SpokenTimer { minutes } => Some(minutes),
        _ => None,
    })?;
    let planned = format_elapsed(i64::from(minutes) * 60_000);
    Some(match &a.spoken_summary {
        Some(t) => match t.actual_ms() {
            Some(ms) if ms > t.duration_ms => format!(
                "{} of {planned} ({} over)",
                format_elapsed(ms),
                format_elapsed(ms - t.duration_ms)
            ),
            Some(ms) => format!("{} of {planned}", format_elapsed(ms)),
            None => "started, not marked done".to_owned(),
        },
        None => "not timed".to_owned(),
    })
}

/// The time spent per step against the plan, when any was recorded.
fn write_step_times(out: &mut String, a: &Attempt, level: usize) {
    let Some(drill) = a.drill() else { return };
    let times = steps::step_times(drill, a);
    if times.is_empty() {
        return;
    }
    heading(out, level, "Time per step");
    out.push_str("| Step | Suggested | Spent |\n| --- | --- | --- |\n");
    for t in &times {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            escape_inline(t.label),
            format_elapsed(t.planned_ms),
            format_elapsed(t.spent_ms)
        );
    }
    out.push('\n');
}

fn write_section(out: &mut String, a: &Attempt, s: &SectionView<'_>, level: usize) {
    heading(out, level, &escape_inline(s.label));
    let checklist = a
        .drill()
        .and_then(|d| d.sections.iter().find(|x| x.id == s.id))
        .and_then(|x| match x.aid {
            SectionAid::Checklist(items) => Some(items),
            _ => None,
        });
    if let Some(items) = checklist {
        let asked = items
            .iter()
            .filter(|i| a.checklist.get(i.id).is_some_and(|c| c.is_asked()))
            .count();
        let _ = writeln!(out, "Asked {asked} of {} impact questions:\n", items.len());
        for item in items {
            let answer = a.checklist.get(item.id);
            let mark = if answer.is_some_and(|c| c.is_asked()) {
                'x'
            } else {
                ' '
            };
            let _ = write!(out, "- [{mark}] {}", escape_inline(item.question));
            match answer.map(|c| c.answer.trim()).filter(|t| !t.is_empty()) {
                Some(text) => {
                    let _ = writeln!(out, " — {}", escape_inline(text));
                }
                None => out.push('\n'),
            }
        }
        out.push('\n');
    }
    write_block(out, s.text, "Left empty.");
}

/// A recording's measurements (the audio stays in the browser).
fn write_recording(out: &mut String, a: &Attempt, r: &Recording, level: usize) {
    heading(out, level, "Spoken answer");
    let slot = spoken_slot(&a.drill_id);
    let limit = (slot.transcript.id == r.slot)
        .then_some(slot.limit_ms)
        .flatten();
    for line in reading::lines(&r.metrics, limit) {
        let _ = writeln!(out, "- {}", escape_inline(&line));
    }
    let transcript = match r.transcript_source {
        TranscriptSource::Typed => "typed",
        TranscriptSource::OnDevice => "made on this device",
    };
    let label = transcript_section(&r.slot).map_or(r.slot.as_str(), |s| s.label);
    let _ = writeln!(
        out,
        "- Transcript ({transcript}): see \"{}\"\n",
        escape_inline(label)
    );
}

fn write_hint(out: &mut String, a: &Attempt, level: usize) {
    heading(out, level, "Hint");
    match &a.hint {
        None => out.push_str("No hint appeared in this attempt.\n\n"),
        Some(h) => {
            let _ = writeln!(out, "> {}\n", escape_inline(&h.text));
            let _ = writeln!(
                out,
                "Appeared at {} of drill time; {}.\n",
                format_elapsed(h.at_active_ms),
                if h.acknowledged {
                    "acknowledged"
                } else {
                    "not acknowledged"
                }
            );
        }
    }
}

fn write_findings(out: &mut String, analyses: &[SectionAnalysis<'_>], level: usize) {
    heading(out, level, "Findings");
    // Rule by rule (ids sorted), each rule's findings in section order.
    let counts = attempt::finding_counts(analyses);
    if counts.is_empty() {
        out.push_str("No findings.\n\n");
        return;
    }
    for (rule, n) in counts {
        let title = escape_inline(attempt::rule_title(rule));
        heading(out, level + 1, &format!("{title} ({n})"));
        for sa in analyses {
            for f in sa.analysis.findings.iter().filter(|f| f.rule.id() == rule) {
                let phrase = sa.section.text.get(f.start..f.end).unwrap_or("");
                let _ = write!(
                    out,
                    "- {}, line {}: “{}” — {}",
                    escape_inline(sa.section.label),
                    f.line,
                    escape_inline(phrase),
                    escape_inline(&f.message)
                );
                if !f.suggestion.is_empty() {
                    let _ = write!(out, " Try: {}", escape_inline(&f.suggestion));
                }
                out.push('\n');
            }
        }
        out.push('\n');
    }
}

fn write_coverage(out: &mut String, a: &Attempt, analyses: &[SectionAnalysis<'_>], level: usize) {
    heading(out, level, "Signal coverage");
    let scope = signal_scope::scope(a.drill(), attempt::signal_coverage(analyses));
    for ev in &scope.shown {
        let phrases: Vec<String> = ev
            .phrases
            .iter()
            .map(|p| format!("“{}”", escape_inline(p)))
            .collect();
        let _ = writeln!(
            out,
            "- {}: shown ({})",
            ev.signal.title(),
            phrases.join(", ")
        );
    }
    for s in &scope.hidden {
        let _ = writeln!(out, "- {}: not shown", s.title());
    }
    out.push('\n');
    if !scope.not_tested.is_empty() {
        let _ = writeln!(
            out,
            "Not tested here: {}.\n",
            signal_scope::titles(&scope.not_tested)
        );
    }
    if scope.hidden.is_empty() {
        out.push_str("Which signal did I hide? None: every signal this drill tests shows.\n\n");
    } else {
        let _ = writeln!(
            out,
            "Which signal did I hide? {}.\n",
            signal_scope::titles(&scope.hidden)
        );
    }
}

fn write_scores(out: &mut String, a: &Attempt, all: &[AttemptSummary], level: usize) {
    heading(out, level, "Scores");
    let summary = AttemptSummary::of(a);
    let rubrics: Vec<RubricId> = match a.drill() {
        Some(d) => d.rubrics.to_vec(),
        None => a.scores.iter().map(|s| s.rubric).collect(),
    };
    if rubrics.is_empty() {
        out.push_str("Not scored.\n\n");
    }
    for id in rubrics {
        let r = rubric::rubric(id);
        heading(out, level + 1, r.title);
        let _ = writeln!(out, "_{}_\n", escape_inline(r.about));
        let (Some(scores), Some(readiness)) =
            (a.scores_for(id), readiness::after(all, &summary, id))
        else {
            out.push_str("Not scored yet.\n\n");
            continue;
        };
        out.push_str("| Dimension | Score | Level |\n| --- | --- | --- |\n");
        for (i, d) in r.dimensions.iter().enumerate() {
            let (score, level_text) = match scores.values.get(i) {
                Some(Some(v)) => (
                    format!("{v} of {}–{}", r.min, r.max),
                    d.level(*v).map_or("out of range", |l| l.description),
                ),
                Some(None) => (
                    "not tested in this drill".to_owned(),
                    "Left out of averages and the gate.",
                ),
                None => ("missing".to_owned(), ""),
            };
            let _ = writeln!(
                out,
                "| {} | {score} | {} |",
                escape_inline(d.title),
                escape_inline(level_text)
            );
        }
        out.push('\n');
        let _ = writeln!(
            out,
            "Gate: **{}**  \n{}\n",
            escape_inline(&readiness.gate.summary()),
            escape_inline(&readiness.rounds_line())
        );
        if !scores.note.trim().is_empty() {
            out.push_str("Note:\n\n");
            write_block(out, &scores.note, "");
        }
    }
}

/// Writes user text as a block, or the placeholder when it is blank.
fn write_block(out: &mut String, text: &str, empty: &str) {
    if text.trim().is_empty() {
        if !empty.is_empty() {
            let _ = writeln!(out, "_{empty}_\n");
        }
        return;
    }
    out.push_str(&escape_block(text));
    out.push_str("\n\n");
}

// ------------------------------------------------------------------ escaping

/// Characters backslash-escaped anywhere in user text. Beyond CommonMark's
/// specials this covers GFM tables and strikethrough (`|`, `~`), entities
/// (`&`), and Obsidian's tags, math and comments (`#`, `$`, `%`).
const ESCAPE_ALWAYS: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '~', '&', '$', '%',
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum LineKind {
    Text,
    Blank,
    Code,
}

/// Escapes multi-line user text. Text lines are escaped and joined with hard
/// breaks; blank lines separate paragraphs; fenced code blocks are verbatim.
/// Line endings are normalised to `\n`; whitespace-only lines become blank.
pub fn escape_block(text: &str) -> String {
    let mut lines: Vec<(LineKind, String)> = Vec::new();
    let mut fence: Option<(char, usize)> = None;
    for raw in text.split('\n') {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if let Some((ch, len)) = fence {
            if is_closing_fence(line, ch, len) {
                fence = None;
            }
            lines.push((LineKind::Code, line.to_owned()));
        } else if let Some(open) = opening_fence(line) {
            fence = Some(open);
            lines.push((LineKind::Code, line.to_owned()));
        } else if line.trim().is_empty() {
            lines.push((LineKind::Blank, String::new()));
        } else {
            lines.push((LineKind::Text, escape_line(line)));
        }
    }
    if let Some((ch, len)) = fence {
        lines.push((LineKind::Code, ch.to_string().repeat(len)));
    }
    // Trim leading and trailing blank lines: the caller owns block spacing.
    while lines.last().is_some_and(|(k, _)| *k == LineKind::Blank) {
        lines.pop();
    }
    let first = lines
        .iter()
        .position(|(k, _)| *k != LineKind::Blank)
        .unwrap_or(lines.len());
    let lines = &lines[first..];

    let mut out = String::new();
    for (i, (kind, line)) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(line);
        let next_is_text = lines.get(i + 1).is_some_and(|(k, _)| *k == LineKind::Text);
        if *kind == LineKind::Text && next_is_text {
            out.push_str("  ");
        }
    }
    out
}

/// Escapes user text for one line (a heading, a list item, a table cell):
/// line breaks become spaces.
pub fn escape_inline(text: &str) -> String {
    let flat: String = text
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    escape_line(flat.trim())
}

/// Escapes one line of text so it renders as typed.
fn escape_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let rest_start = line.len() - line.trim_start_matches([' ', '\t']).len();
    let (indent, rest) = line.split_at(rest_start);
    // Four columns of indentation would start an indented code block; an
    // entity for the first whitespace character keeps the rest literal.
    if indent.contains('\t') || indent.len() >= 4 {
        let mut chars = indent.chars();
        match chars.next() {
            Some('\t') => out.push_str("&#9;"),
            _ => out.push_str("&#32;"),
        }
        out.push_str(chars.as_str());
    } else {
        out.push_str(indent);
    }
    // Line-start markers: list bullets, setext underlines, ordered lists.
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let mut escape_at: Option<usize> = None;
    if rest.starts_with(['-', '+', '=']) {
        escape_at = Some(0);
    } else if (1..=9).contains(&digits) && rest[digits..].starts_with(['.', ')']) {
        escape_at = Some(digits);
    }
    for (i, c) in rest.char_indices() {
        if ESCAPE_ALWAYS.contains(&c) || escape_at == Some(i) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// An opening code fence: up to three spaces, then three or more backticks
/// (with no backtick in the info string) or tildes.
fn opening_fence(line: &str) -> Option<(char, usize)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = &line[indent..];
    let ch = rest.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let len = rest.len() - rest.trim_start_matches(ch).len();
    if len < 3 || (ch == '`' && rest[len..].contains('`')) {
        return None;
    }
    Some((ch, len))
}

fn is_closing_fence(line: &str, ch: char, open_len: usize) -> bool {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return false;
    }
    let rest = &line[indent..];
    let len = rest.len() - rest.trim_start_matches(ch).len();
    len >= open_len && rest[len..].trim().is_empty()
}

/// GitHub's heading anchor: lower case, punctuation dropped, spaces to `-`.
fn slug(title: &str) -> String {
    // Char by char: `str::to_lowercase` would add its own 4 KB to the wasm
    // for a final-sigma rule no heading here needs.
    title
        .chars()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

// ------------------------------------------------------------------ dates

/// A local wall-clock time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocalDateTime {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub offset_minutes: i32,
}

impl LocalDateTime {
    /// `YYYY-MM-DD`.
    pub fn date(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `YYYY-MM-DD HH:MM`.
    pub fn date_time(&self) -> String {
        format!("{} {:02}:{:02}", self.date(), self.hour, self.minute)
    }

    /// `UTC+01:00`, `UTC-05:30`, `UTC`.
    pub fn zone(&self) -> String {
        let m = self.offset_minutes;
        if m == 0 {
            return "UTC".to_owned();
        }
        let sign = if m < 0 { '-' } else { '+' };
        let abs = m.unsigned_abs();
        format!("UTC{sign}{:02}:{:02}", abs / 60, abs % 60)
    }
}

/// `12345` as `12,345`: counts in History and the trend captions.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The local time of an epoch-millisecond instant at a fixed offset.
pub fn local_time(epoch_ms: i64, offset_minutes: i32) -> LocalDateTime {
    let local_ms = epoch_ms.saturating_add(i64::from(offset_minutes) * 60_000);
    let days = local_ms.div_euclid(86_400_000);
    let ms_of_day = local_ms.rem_euclid(86_400_000);
    let (year, month, day) = civil_from_days(days);
    let minutes = ms_of_day / 60_000;
    LocalDateTime {
        year,
        month,
        day,
        hour: (minutes / 60) as u32,
        minute: (minutes % 60) as u32,
        offset_minutes,
    }
}

fn local_datetime(a: &Attempt) -> LocalDateTime {
    local_time(a.created_at_ms, a.tz_offset_minutes)
}

/// Days since 1970-01-01 to (year, month, day) in the proleptic Gregorian
/// calendar (Howard Hinnant's `civil_from_days`).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097); // [0, 146096]
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365; // [0, 399]
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // [0, 365]
    let mp = (5 * doy + 2) / 153; // [0, 11]
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32; // [1, 31]
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32; // [1, 12]
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests;
