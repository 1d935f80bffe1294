//! `evident-check` output formats against golden files.
//!
//! Every format lints `tests/golden/cli/stories/` (Markdown with front matter,
//! code, lists, quotes and suppressions; a plain text file; a config that
//! raises one rule, turns one off and excludes `drafts/`; a file with invalid
//! UTF-8) and must print exactly `tests/golden/cli/expected/stories.*`.
//! After an intended change, regenerate with
//! `EVIDENT_BLESS=1 cargo test --test cli_formats` and review the diff.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/cli")
}

/// Runs the binary in `tests/golden/cli`, so paths print as `stories/…`.
fn lint_stories(format: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_evident-check"))
        .args([
            "--format",
            format,
            "--report-unused-suppressions",
            "stories",
        ])
        .current_dir(golden_dir())
        .output()
        .expect("run evident-check")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

/// Compares with (or, under EVIDENT_BLESS=1, rewrites) a golden file.
fn check_golden(name: &str, actual: &str) {
    let path = golden_dir().join("expected").join(name);
    if std::env::var_os("EVIDENT_BLESS").is_some() {
        std::fs::write(&path, actual).expect("write golden file");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (bless with EVIDENT_BLESS=1)", path.display()));
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(expected.lines().count().min(actual.lines().count()));
        panic!(
            "{name} differs from its golden file at line {}:\n expected: {:?}\n actual:   {:?}\n(bless with EVIDENT_BLESS=1 after reviewing)",
            first + 1,
            expected.lines().nth(first),
            actual.lines().nth(first)
        );
    }
}

fn golden_format(format: &str, file: &str) -> Output {
    let o = lint_stories(format);
    // bad.md is invalid UTF-8: every format reports it and the run exits 2.
    assert_eq!(o.status.code(), Some(2), "{format}");
    check_golden(file, &stdout(&o));
    o
}

#[test]
fn text_format_matches_golden_and_summarises_on_stderr() {
    let o = golden_format("text", "stories.txt");
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "evident-check: stories/bad.md: invalid UTF-8 at byte offset 11\n\
         evident-check: 10 findings (1 error, 9 warnings) in 3 of 3 files; 2 suppressed; 1 input could not be read\n"
    );
}

#[test]
fn json_format_matches_golden_and_every_key_is_documented() {
    let o = golden_format("json", "stories.json");
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(v["version"], 1);
    assert_eq!(v["summary"]["suppressed"], 2);
    assert_eq!(v["errors"][0]["path"], "stories/bad.md");
    let reason = &v["files"][0]["suppressed"][0]["reason"];
    assert_eq!(reason, "the team outcome is the point here");

    fn keys(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, v) in m {
                    out.push(k.clone());
                    keys(v, out);
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(|v| keys(v, out)),
            _ => {}
        }
    }
    let mut all = Vec::new();
    keys(&v, &mut all);
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/cli-json.md"))
            .expect("docs/cli-json.md");
    for k in all {
        assert!(
            doc.contains(&format!("`{k}`")),
            "docs/cli-json.md does not document `{k}`"
        );
    }
}

#[test]
fn jsonl_format_matches_golden_with_one_object_per_line() {
    let o = golden_format("jsonl", "stories.jsonl");
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 11);
    assert!(lines.iter().all(|l| l["file"].is_string()));
}

#[test]
fn sarif_format_matches_golden_and_reads_as_sarif_2_1_0() {
    let o = golden_format("sarif", "stories.sarif");
    let ours: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    // serde-sarif's types are generated from the SARIF 2.1.0 JSON schema. A
    // round trip through them keeps only what the schema defines, with the
    // types it defines: any misspelt or misplaced property would be lost.
    let typed: serde_sarif::sarif::Sarif =
        serde_json::from_value(ours.clone()).expect("SARIF 2.1.0 object model");
    let back = serde_json::to_value(&typed).expect("serialise");
    assert_eq!(
        back, ours,
        "SARIF round trip through serde-sarif changed the log"
    );
    // And the check has teeth: a property SARIF does not define is dropped.
    let mut misspelt = ours.clone();
    misspelt["runs"][0]["results"][0]["lineNumber"] = serde_json::json!(17);
    let typed: serde_sarif::sarif::Sarif =
        serde_json::from_value(misspelt.clone()).expect("still parses");
    assert_ne!(serde_json::to_value(&typed).expect("serialise"), misspelt);
    let run = &typed.runs[0];
    assert_eq!(run.results.as_ref().map(Vec::len), Some(12));
    let suppressed = run
        .results
        .iter()
        .flatten()
        .filter(|r| r.suppressions.as_ref().is_some_and(|s| !s.is_empty()))
        .count();
    assert_eq!(suppressed, 2);
}

#[test]
fn github_format_matches_golden_as_workflow_commands() {
    let o = golden_format("github", "stories.github.txt");
    for line in stdout(&o).lines() {
        assert!(
            line.starts_with("::warning file=")
                || line.starts_with("::error file=")
                || line.starts_with("::notice file="),
            "{line}"
        );
        assert!(!line.contains('\r'));
    }
}

#[test]
fn checkstyle_format_matches_golden() {
    let o = golden_format("checkstyle", "stories.checkstyle.xml");
    let out = stdout(&o);
    assert!(out.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle"));
    assert_eq!(
        out.matches("<file ").count(),
        out.matches("</file>").count()
    );
}

#[test]
fn markdown_on_standard_input_needs_input_markdown() {
    let run = |args: &[&str]| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_evident-check"))
            .args(args)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn");
        use std::io::Write;
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(b"---\nnote: we shipped it\n---\nHello.\n")
            .expect("write");
        child.wait_with_output().expect("wait")
    };
    let md = run(&["--input", "markdown", "-"]);
    assert_eq!(
        md.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&md.stdout)
    );
    let text = run(&["-"]);
    assert_eq!(text.status.code(), Some(1));
    // As plain text, the front matter is prose like any other.
    assert!(
        String::from_utf8_lossy(&text.stdout).starts_with("<stdin>:2:7: vague-we: "),
        "{}",
        String::from_utf8_lossy(&text.stdout)
    );
}
