//! `evident-check`: the Evident analyzer on the command line.
//!
//! Only this edge does I/O; the analysis itself never fails.

use evident::core::analyzer::{analyze, Analysis, Finding, RULES};
use serde_json::{json, Map, Value};
use std::io::{BufRead, Read, Write};
use std::process::ExitCode;

const HELP: &str = "\
evident-check: flag where an interview answer hides the evidence an interviewer needs

USAGE:
    evident-check [OPTIONS] [FILE...]

Reads each FILE (or standard input when no FILE is given, or FILE is `-`) and
prints one line per finding, sorted by file, line and column:

    FILE:LINE:COL: RULE: message

LINE and COL are 1-based; COL counts characters. Standard input is shown as
`<stdin>`.

OPTIONS:
    --format text   The default, as above.
    --format json   A JSON array of finding objects with the keys rule, start,
                    end, line, col, severity, message, suggestion (start and end
                    are byte offsets). With more than one input, each object
                    also has a `file` key.
    --jsonl         Read JSON Lines from standard input, each an object with a
                    `text` field, and write exactly one line per input line:
                    {\"findings\": [...], \"signals\": {...}} where signals maps
                    each of the seven signal ids to the phrases that showed it
                    (empty when not shown), or {\"error\": \"...\"} for a
                    malformed line; processing carries on.
    --rules         List the rule ids with one-line descriptions.
    -h, --help      Show this help.

EXIT STATUS:
    0   no findings
    1   at least one finding
    2   usage error, unreadable file, or invalid UTF-8 (reported with its byte
        offset)
";

enum Format {
    Text,
    Json,
}

enum Mode {
    Check { format: Format, files: Vec<String> },
    Jsonl,
    Rules,
    Help,
}

fn parse_args(args: &[String]) -> Result<Mode, String> {
    let mut format = Format::Text;
    let mut files = Vec::new();
    let mut jsonl = false;
    let mut i = 0;
    let mut only_files = false;
    while i < args.len() {
        let a = args[i].as_str();
        if only_files {
            files.push(a.to_string());
            i += 1;
            continue;
        }
        match a {
            "-h" | "--help" => return Ok(Mode::Help),
            "--rules" => return Ok(Mode::Rules),
            "--jsonl" => jsonl = true,
            "--" => only_files = true,
            "--format" => {
                i += 1;
                format = parse_format(args.get(i).map(String::as_str))?;
            }
            _ if a.starts_with("--format=") => {
                format = parse_format(Some(&a["--format=".len()..]))?;
            }
            _ if a.starts_with('-') && a != "-" => {
                return Err(format!("unknown option `{a}` (see --help)"));
            }
            _ => files.push(a.to_string()),
        }
        i += 1;
    }
    if jsonl {
        if !files.is_empty() {
            return Err("--jsonl reads standard input only; do not pass files".to_string());
        }
        return Ok(Mode::Jsonl);
    }
    if files.is_empty() {
        files.push("-".to_string());
    }
    Ok(Mode::Check { format, files })
}

fn parse_format(v: Option<&str>) -> Result<Format, String> {
    match v {
        Some("text") => Ok(Format::Text),
        Some("json") => Ok(Format::Json),
        Some(other) => Err(format!("unknown format `{other}` (expected text or json)")),
        None => Err("--format needs a value: text or json".to_string()),
    }
}

/// Decodes bytes as UTF-8, reporting the byte offset of the first invalid sequence.
fn decode(bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "invalid UTF-8 at byte offset {}",
            e.utf8_error().valid_up_to()
        )
    })
}

fn read_input(name: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    if name == "-" {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
    } else {
        bytes = std::fs::read(name).map_err(|e| format!("cannot read: {e}"))?;
    }
    decode(bytes)
}

fn display_name(name: &str) -> &str {
    if name == "-" {
        "<stdin>"
    } else {
        name
    }
}

fn finding_json(f: &Finding, file: Option<&str>) -> Value {
    let mut v = serde_json::to_value(f).unwrap_or(Value::Null);
    if let (Some(file), Value::Object(map)) = (file, &mut v) {
        map.insert("file".to_string(), Value::String(file.to_string()));
    }
    v
}

fn signals_json(a: &Analysis) -> Value {
    let mut map = Map::new();
    for s in &a.signals {
        map.insert(s.signal.id().to_string(), json!(s.phrases));
    }
    Value::Object(map)
}

fn run_check(format: Format, files: Vec<String>) -> ExitCode {
    let mut errors = false;
    let mut results: Vec<(String, Vec<Finding>)> = Vec::new();
    for name in &files {
        match read_input(name) {
            Ok(text) => results.push((display_name(name).to_string(), analyze(&text).findings)),
            Err(e) => {
                eprintln!("evident-check: {}: {e}", display_name(name));
                errors = true;
            }
        }
    }
    results.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let any = results.iter().any(|(_, f)| !f.is_empty());
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = match format {
        Format::Text => {
            let mut r = Ok(());
            for (file, findings) in &results {
                for f in findings {
                    r = r.and_then(|_| {
                        writeln!(
                            out,
                            "{file}:{}:{}: {}: {}",
                            f.line, f.col, f.rule, f.message
                        )
                    });
                }
            }
            r
        }
        Format::Json => {
            let many = files.len() > 1;
            let arr: Vec<Value> = results
                .iter()
                .flat_map(|(file, findings)| {
                    findings
                        .iter()
                        .map(move |f| finding_json(f, many.then_some(file.as_str())))
                })
                .collect();
            writeln!(out, "{}", Value::Array(arr))
        }
    };
    if let Err(e) = written.and_then(|_| out.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("evident-check: cannot write output: {e}");
            return ExitCode::from(2);
        }
    }
    if errors {
        ExitCode::from(2)
    } else if any {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn jsonl_line(bytes: &[u8]) -> (Value, bool) {
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
    let findings: Vec<Value> = a.findings.iter().map(|f| finding_json(f, None)).collect();
    let any = !findings.is_empty();
    (
        json!({ "findings": findings, "signals": signals_json(&a) }),
        any,
    )
}

fn run_jsonl() -> ExitCode {
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
        let mut line: &[u8] = &buf;
        while let [rest @ .., b'\n' | b'\r'] = line {
            line = rest;
        }
        let (value, found) = jsonl_line(line);
        any |= found;
        if let Err(e) = writeln!(out, "{value}") {
            if e.kind() != std::io::ErrorKind::BrokenPipe {
                eprintln!("evident-check: cannot write output: {e}");
                return ExitCode::from(2);
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

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match parse_args(&args) {
        Ok(Mode::Help) => {
            print!("{HELP}");
            ExitCode::SUCCESS
        }
        Ok(Mode::Rules) => {
            let width = RULES.iter().map(|r| r.id.len()).max().unwrap_or(0);
            for r in RULES.iter() {
                println!("{:width$}  {}", r.id, r.description);
            }
            ExitCode::SUCCESS
        }
        Ok(Mode::Jsonl) => run_jsonl(),
        Ok(Mode::Check { format, files }) => run_check(format, files),
        Err(e) => {
            eprintln!("evident-check: {e}");
            eprintln!(
                "usage: evident-check [--format text|json] [--jsonl] [--rules] [--help] [FILE...]"
            );
            ExitCode::from(2)
        }
    }
}
