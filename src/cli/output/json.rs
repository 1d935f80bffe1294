//! `--format json` (one versioned document) and `--format jsonl` (one finding
//! per line). The schema is documented in docs/cli-json.md; a change that
//! removes or renames a key, or changes a value's meaning, bumps
//! [`SCHEMA_VERSION`]. The structs below are the schema (keys in this order).

use super::super::lint::Diagnostic;
use super::Run;
use serde::Serialize;
use std::io::{self, Write};

/// The `version` of the JSON document.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'r> {
    version: u32,
    tool: Tool,
    files: Vec<File<'r>>,
    errors: Vec<Error<'r>>,
    summary: Summary,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct File<'r> {
    path: &'r str,
    findings: Vec<Finding<'r>>,
    suppressed: Vec<Finding<'r>>,
}

#[derive(Serialize)]
struct Error<'r> {
    path: &'r str,
    message: &'r str,
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    files_with_findings: usize,
    findings: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
    suppressed: usize,
    unreadable: usize,
}

/// One finding. `reason` only on suppressed findings (null when none was
/// given), `file` only in JSON Lines.
#[derive(Serialize)]
pub struct Finding<'r> {
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'r str>,
    rule: &'static str,
    severity: &'static str,
    message: &'r str,
    suggestion: &'r str,
    start: usize,
    end: usize,
    line: usize,
    col: usize,
    end_line: usize,
    end_col: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<Option<&'r str>>,
}

impl<'r> Finding<'r> {
    pub fn new(d: &'r Diagnostic) -> Finding<'r> {
        Finding {
            file: None,
            rule: d.code.id(),
            severity: d.level.as_str(),
            message: &d.message,
            suggestion: &d.suggestion,
            start: d.span.start,
            end: d.span.end,
            line: d.start.line,
            col: d.start.col,
            end_line: d.end.line,
            end_col: d.end.col,
            reason: None,
        }
    }
}

fn document(run: &Run) -> Document<'_> {
    let s = run.summary();
    Document {
        version: SCHEMA_VERSION,
        tool: Tool {
            name: "evident-check",
            version: env!("CARGO_PKG_VERSION"),
        },
        files: run
            .files
            .iter()
            .map(|f| File {
                path: &f.path,
                findings: f.report.diagnostics.iter().map(Finding::new).collect(),
                suppressed: f
                    .report
                    .suppressed
                    .iter()
                    .map(|s| Finding {
                        reason: Some(s.reason.as_deref()),
                        ..Finding::new(&s.diagnostic)
                    })
                    .collect(),
            })
            .collect(),
        errors: run
            .errors
            .iter()
            .map(|e| Error {
                path: &e.path,
                message: &e.message,
            })
            .collect(),
        summary: Summary {
            files: s.files,
            files_with_findings: s.files_with_findings,
            findings: s.findings,
            errors: s.errors,
            warnings: s.warnings,
            infos: s.infos,
            suppressed: s.suppressed,
            unreadable: s.unreadable,
        },
    }
}

pub fn write(run: &Run, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &document(run))?;
    writeln!(out)
}

/// One line per finding, each with a `file` key; an unreadable input is a
/// line `{"file": …, "error": …}`.
pub fn write_lines(run: &Run, out: &mut dyn Write) -> io::Result<()> {
    for (path, d) in run.diagnostics() {
        let line = Finding {
            file: Some(path),
            ..Finding::new(d)
        };
        serde_json::to_writer(&mut *out, &line)?;
        writeln!(out)?;
    }
    for e in &run.errors {
        serde_json::to_writer(
            &mut *out,
            &serde_json::json!({ "file": e.path, "error": e.message }),
        )?;
        writeln!(out)?;
    }
    Ok(())
}
