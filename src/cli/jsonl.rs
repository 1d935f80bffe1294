//! `--jsonl`: JSON Lines in (`{"text": …}` per line), exactly one result per
//! line out: `{"findings": [...], "signals": {...}}` or `{"error": "..."}`.
//! The corpus scorers (`corpus-score`, `span-score`) read this; its shape is
//! fixed. Each text is analysed as plain text, whole.

use crate::core::analyzer::{analyze, Analysis};
use serde_json::{json, Map, Value};
use std::io::{BufRead, Write};
use std::process::ExitCode;

fn signals_json(a: &Analysis) -> Value {
    let mut map = Map::new();
    for s in &a.signals {
        map.insert(s.signal.id().to_string(), json!(s.phrases));
    }
    Value::Object(map)
}

/// The output line for one input line, and whether it has findings.
pub fn line(bytes: &[u8]) -> (Value, bool) {
    let err = |m: String| (json!({ "error": m }), false);
    let line = match std::str::from_utf8(bytes) {
        Ok(l) => l,
        Err(e) => return err(format!("invalid UTF-8 at byte offset {}", e.valid_up_to())),
    };
    let value: Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return err(format!("malformed JSON: {e}")),
    };
    let Some(text) = value.get("text").and_then(Value::as_str) else {
        return err("expected an object with a string `text` field".to_string());
    };
    let a = analyze(text);
    let findings: Vec<Value> = a
        .findings
        .iter()
        .map(|f| serde_json::to_value(f).unwrap_or(Value::Null))
        .collect();
    let any = !findings.is_empty();
    (
        json!({ "findings": findings, "signals": signals_json(&a) }),
        any,
    )
}

pub fn run() -> ExitCode {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut any = false;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match input.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                eprintln!("evident-check: cannot read standard input: {e}");
                return ExitCode::from(2);
            }
        }
        let mut bytes: &[u8] = &buf;
        while let [rest @ .., b'\n' | b'\r'] = bytes {
            bytes = rest;
        }
        let (value, found) = line(bytes);
        any |= found;
        if let Err(e) = writeln!(out, "{value}") {
            if e.kind() != std::io::ErrorKind::BrokenPipe {
                eprintln!("evident-check: cannot write output: {e}");
            }
            return ExitCode::from(2);
        }
    }
    if out.flush().is_err() {
        return ExitCode::from(2);
    }
    if any {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
