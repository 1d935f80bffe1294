//! SARIF 2.1.0, the format GitHub code scanning and IDE viewers read.
//! Suppressed findings are included with an in-source suppression (and its
//! reason as the justification), as the standard asks, so viewers can show
//! them as silenced rather than lose them.

use super::super::lint::Diagnostic;
use super::super::rules::{Code, Level, RuleRef};
use super::Run;
use crate::core::analyzer::RULES;
use serde_json::{json, Value};
use std::io::{self, Write};

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub fn write(run: &Run, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &log(run))?;
    writeln!(out)
}

pub fn log(run: &Run) -> Value {
    let mut results = Vec::new();
    for f in &run.files {
        for d in &f.report.diagnostics {
            results.push(result(&f.path, d));
        }
        for s in &f.report.suppressed {
            let mut r = result(&f.path, &s.diagnostic);
            let mut suppression = json!({ "kind": "inSource" });
            if let Some(reason) = &s.reason {
                suppression["justification"] = json!(reason);
            }
            r["suppressions"] = json!([suppression]);
            results.push(r);
        }
    }
    let notifications: Vec<Value> = run
        .errors
        .iter()
        .map(|e| {
            json!({
                "level": "error",
                "message": { "text": e.message },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": uri(&e.path) } } }],
            })
        })
        .collect();
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "evident-check",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules(),
            } },
            "columnKind": "unicodeCodePoints",
            "results": results,
            "invocations": [{
                "executionSuccessful": run.errors.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
        }],
    })
}

/// A descriptor per analyzer rule, then the suppression codes.
fn rules() -> Vec<Value> {
    let mut out: Vec<Value> = RuleRef::all()
        .map(|r| {
            let info = r.info();
            json!({
                "id": r.id(),
                "name": pascal_case(r.id()),
                "shortDescription": { "text": info.title },
                "fullDescription": { "text": info.description },
                "help": { "text": format!("{}\n\nA better shape: {}", info.description, info.example_fix) },
            })
        })
        .collect();
    for (code, description) in Code::META {
        out.push(json!({
            "id": code.id(),
            "name": pascal_case(code.id()),
            "shortDescription": { "text": description },
        }));
    }
    out
}

fn rule_index(code: Code) -> usize {
    match code {
        Code::Rule(r) => r.index(),
        meta => RULES.len() + Code::META.iter().position(|(c, _)| *c == meta).unwrap_or(0),
    }
}

fn result(path: &str, d: &Diagnostic) -> Value {
    let level = match d.level {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Info => "note",
    };
    let mut text = d.message.clone();
    if !d.suggestion.is_empty() {
        text.push_str(" Better: ");
        text.push_str(&d.suggestion);
    }
    json!({
        "ruleId": d.code.id(),
        "ruleIndex": rule_index(d.code),
        "level": level,
        "message": { "text": text },
        "locations": [{ "physicalLocation": {
            "artifactLocation": { "uri": uri(path) },
            "region": {
                "startLine": d.start.line,
                "startColumn": d.start.col,
                "endLine": d.end.line,
                "endColumn": d.end.col,
                "byteOffset": d.span.start,
                "byteLength": d.span.len(),
            },
        } }],
    })
}

/// `vague-we` → `VagueWe`.
fn pascal_case(id: &str) -> String {
    id.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// A path as a URI reference: `/` separators, percent-encoded; absolute
/// paths become `file://` URIs.
fn uri(path: &str) -> String {
    let slashed = path.replace('\\', "/");
    let mut out = String::with_capacity(slashed.len());
    for b in slashed.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    if slashed.starts_with('/') {
        format!("file://{out}")
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("stories/my story.md"), "stories/my%20story.md");
        assert_eq!(uri("/abs/ü.md"), "file:///abs/%C3%BC.md");
        assert_eq!(uri("a\\b:c.md"), "a/b%3Ac.md");
        assert_eq!(
            pascal_case("machinery-without-threshold"),
            "MachineryWithoutThreshold"
        );
    }
}
