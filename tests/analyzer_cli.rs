//! Integration tests for the `evident-check` binary.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_evident-check"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn evident-check");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin)
        .expect("write stdin");
    child.wait_with_output().expect("wait")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn tmp_file(name: &str, contents: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("evident-check-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("write temp file");
    path.to_string_lossy().into_owned()
}

#[test]
fn clean_text_exits_zero_with_no_output() {
    let o = run(&[], b"I cut p95 from 900 ms to 280 ms by adding one index.");
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(stdout(&o), "");
}

#[test]
fn findings_print_file_line_col_rule_and_exit_one() {
    let o = run(
        &["-"],
        b"First line is fine.\nWe rebuilt onboarding and it was a huge success.",
    );
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[0].starts_with("<stdin>:2:1: vague-we: "), "{out}");
    assert!(lines[1].starts_with("<stdin>:2:"), "{out}");
    assert!(lines[1].contains(": vague-impact: "), "{out}");
}

#[test]
fn files_are_read_and_output_is_sorted() {
    let b = tmp_file("b.txt", b"Sorry. Sorry, I'm blanking.");
    let a = tmp_file(
        "a.txt",
        "Ünïcode first. Obviously I went with Kafka.".as_bytes(),
    );
    let o = run(&[&b, &a], b"");
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].starts_with(&format!("{a}:1:16: hidden-reasoning")),
        "{out}"
    );
    assert!(lines.last().is_some_and(|l| l.starts_with(&b)), "{out}");
    let mut sorted = lines.clone();
    sorted.sort_by_key(|l| l.split(':').next().map(str::to_string));
    assert_eq!(lines, sorted);
}

#[test]
fn json_format_is_a_versioned_document_with_the_documented_keys() {
    let o = run(
        &["--format", "json"],
        b"Our team delivered the payments migration on time.",
    );
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(v["version"], 1);
    assert_eq!(v["files"][0]["path"], "<stdin>");
    let arr = v["files"][0]["findings"].as_array().expect("findings");
    assert_eq!(arr.len(), 1);
    let obj = arr[0].as_object().expect("object");
    let mut keys: Vec<&str> = obj.keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "col",
            "end",
            "end_col",
            "end_line",
            "line",
            "message",
            "rule",
            "severity",
            "start",
            "suggestion"
        ]
    );
    assert_eq!(obj["rule"], "vague-we");
    assert_eq!(obj["start"], 0);
    assert_eq!(obj["severity"], "warning");
    assert_eq!(v["summary"]["findings"], 1);
}

#[test]
fn json_format_with_no_findings_has_empty_findings() {
    let o = run(&["--format=json"], b"I wrote the parser.");
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(v["files"][0]["findings"], serde_json::json!([]));
    assert_eq!(v["summary"]["findings"], 0);
    assert_eq!(v["errors"], serde_json::json!([]));
}

#[test]
fn jsonl_writes_one_line_per_input_line_and_survives_bad_lines() {
    let input = concat!(
        "{\"text\": \"We shipped it and it was a success.\"}\n",
        "not json\n",
        "{\"no_text\": 1}\n",
        "\n",
        "{\"text\": \"I got both teams to agree on the cut-over by showing them the error budget.\"}\n",
    );
    let o = run(&["--jsonl"], input.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 5);
    let rules: Vec<&str> = lines[0]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["rule"].as_str())
        .collect();
    assert_eq!(rules, ["vague-we", "vague-impact"]);
    assert!(lines[0]["signals"].as_object().expect("signals").len() == 7);
    assert!(lines[1]["error"].is_string());
    assert!(lines[2]["error"].is_string());
    assert!(lines[3]["error"].is_string());
    assert_eq!(lines[4]["findings"].as_array().map(Vec::len), Some(0));
    assert!(lines[4]["signals"]["leadership-influence"]
        .as_array()
        .is_some_and(|a| !a.is_empty()));
}

#[test]
fn jsonl_reports_invalid_utf8_per_line() {
    let o = run(
        &["--jsonl"],
        b"{\"text\": \"ok\"}\n{\"text\": \"bad \xff\"}\n",
    );
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(
        lines[1].contains("invalid UTF-8 at byte offset 14"),
        "{out}"
    );
}

#[test]
fn invalid_utf8_file_reports_the_byte_offset_and_exits_two() {
    let f = tmp_file("bad.txt", b"We shipped \xc3\x28 it.");
    let o = run(&[&f], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("invalid UTF-8 at byte offset 11"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn missing_file_exits_two_with_a_message() {
    let o = run(&["/definitely/not/here.txt"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("/definitely/not/here.txt"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn usage_errors_exit_two() {
    for args in [
        &["--bogus"][..],
        &["--format", "xml"],
        &["--format"],
        &["--jsonl", "x.txt"],
    ] {
        let o = run(args, b"");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(!stderr(&o).is_empty());
    }
}

#[test]
fn rules_lists_every_rule_id() {
    let o = run(&["--rules"], b"");
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    for id in [
        "vague-we",
        "hidden-reasoning",
        "vague-impact",
        "machinery-without-threshold",
        "blame",
        "skipped-validation",
        "trait-claim",
        "apology-spiral",
    ] {
        assert!(
            out.lines().any(|l| l.starts_with(id)),
            "{id} missing:\n{out}"
        );
    }
}

#[test]
fn help_documents_the_interface() {
    let o = run(&["--help"], b"");
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    for needle in [
        "--format json",
        "--jsonl",
        "--rules",
        "FILE:LINE:COL: RULE: message",
        "byte offset",
    ] {
        assert!(out.contains(needle), "help lacks {needle}");
    }
}
