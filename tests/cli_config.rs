//! `evident-check` end to end: `.evident.toml` discovery and errors, directory
//! walks (.gitignore, hidden files, include and exclude), suppressions.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fresh directory under the system temp dir, removed on drop.
struct TempTree(PathBuf);

impl TempTree {
    fn new(name: &str) -> TempTree {
        let dir = std::env::temp_dir().join(format!("evident-cli-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempTree(dir)
    }

    fn write(&self, rel: &str, contents: &str) -> &TempTree {
        let path = self.0.join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("dirs");
        std::fs::write(path, contents).expect("write");
        self
    }

    fn path(&self, rel: &str) -> String {
        self.0.join(rel).to_string_lossy().into_owned()
    }
}

impl Drop for TempTree {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_evident-check"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run evident-check")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// `file:line:col: rule` of each text-format line.
fn hits(o: &Output) -> Vec<String> {
    stdout(o)
        .lines()
        .map(|l| l.splitn(5, ':').take(4).collect::<Vec<_>>().join(":"))
        .collect()
}

const WEAK: &str = "We rebuilt onboarding and it was a huge success.\n";

#[test]
fn an_invalid_config_is_an_error_with_its_line_and_exit_two() {
    let t = TempTree::new("bad-config");
    t.write(".evident.toml", "# rules\n[rules]\nvague-we = \"loud\"\n")
        .write("story.md", WEAK);
    let o = run_in(&t.0, &["story.md"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stdout(&o),
        "",
        "no findings are printed under a broken config"
    );
    assert_eq!(
        stderr(&o),
        format!(
            "evident-check: {}:3:12: invalid config: `vague-we` must be \"off\", \"on\", \"info\", \"warning\", \"error\", true or false, not \"loud\"\n",
            t.path(".evident.toml")
        )
    );

    t.write(".evident.toml", "[rules]\nvague-we = \"off\"\n\n[rulez]\n");
    let o = run_in(&t.0, &["story.md"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(".evident.toml:4:2: invalid config: unknown field `rulez`"),
        "{}",
        stderr(&o)
    );

    t.write(".evident.toml", "[rules]\nvague-wee = \"off\"\n");
    let o = run_in(&t.0, &["story.md"]);
    assert!(
        stderr(&o).contains(
            ":2:1: invalid config: unknown rule `vague-wee` in [rules] (known: vague-we, "
        ),
        "{}",
        stderr(&o)
    );
}

#[test]
fn config_levels_and_off_switches_apply_to_the_output() {
    let t = TempTree::new("levels");
    t.write(
        ".evident.toml",
        "[rules]\nvague-we = \"error\"\nvague-impact = false\n",
    )
    .write("story.md", WEAK);
    let o = run_in(&t.0, &["--format", "jsonl", "story.md"]);
    assert_eq!(o.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 1, "{}", stdout(&o));
    assert_eq!(lines[0]["rule"], "vague-we");
    assert_eq!(lines[0]["severity"], "error");
}

#[test]
fn the_nearest_config_walking_up_applies_and_config_overrides() {
    let t = TempTree::new("discovery");
    t.write(".evident.toml", "[rules]\nvague-impact = \"off\"\n")
        .write("a/b/story.md", WEAK)
        .write("a/.evident.toml", "[rules]\nvague-we = \"off\"\n")
        .write("top.md", WEAK)
        .write(
            "elsewhere/all-off.toml",
            "[rules]\nvague-we = \"off\"\nvague-impact = \"off\"\n",
        );
    let o = run_in(&t.0, &["top.md", "a/b/story.md"]);
    // a/.evident.toml is nearest to a/b/story.md and is not merged with the root one.
    assert_eq!(
        hits(&o),
        ["a/b/story.md:1:27: vague-impact", "top.md:1:1: vague-we"]
    );
    let o = run_in(
        &t.0,
        &[
            "--config",
            "elsewhere/all-off.toml",
            "top.md",
            "a/b/story.md",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let o = run_in(&t.0, &["--config", "missing.toml", "top.md"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("missing.toml: invalid config: cannot read: "),
        "{}",
        stderr(&o)
    );
}

#[test]
fn directory_walks_respect_gitignore_hidden_files_include_and_exclude() {
    let t = TempTree::new("walk");
    t.write(".gitignore", "scratch/\n")
        .write("stories/a.md", WEAK)
        .write("stories/b.txt", WEAK)
        .write("stories/code.rs", WEAK)
        .write("scratch/ignored.md", WEAK)
        .write(".obsidian/hidden.md", WEAK)
        .write("stories/drafts/wip.md", WEAK);
    let o = run_in(&t.0, &["."]);
    let files: Vec<String> = hits(&o)
        .iter()
        .map(|h| h.split(':').next().unwrap_or("").to_string())
        .collect();
    let mut unique = files.clone();
    unique.dedup();
    assert_eq!(
        unique,
        [
            "./stories/a.md",
            "./stories/b.txt",
            "./stories/drafts/wip.md"
        ]
    );
    assert!(stderr(&o).ends_with("in 3 of 3 files\n"), "{}", stderr(&o));

    t.write(
        ".evident.toml",
        "include = [\"stories/**/*.md\"]\nexclude = [\"drafts\"]\n",
    );
    let o = run_in(&t.0, &["stories"]);
    assert_eq!(
        hits(&o),
        [
            "stories/a.md:1:1: vague-we",
            "stories/a.md:1:27: vague-impact"
        ]
    );
    // A file named on the command line is linted even if no include matches
    // (as text, by its extension), but never when excluded.
    let o = run_in(&t.0, &["stories/code.rs", "stories/drafts/wip.md"]);
    assert_eq!(
        hits(&o),
        [
            "stories/code.rs:1:1: vague-we",
            "stories/code.rs:1:27: vague-impact"
        ]
    );
    let o = run_in(&t.0, &["stories/drafts/wip.md"]);
    assert_eq!((o.status.code(), stdout(&o)), (Some(0), String::new()));
    assert!(
        stderr(&o).contains("no findings in 0 files"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn many_files_are_linted_in_parallel_and_reported_in_path_order() {
    let t = TempTree::new("many");
    for i in 0..60 {
        t.write(&format!("s/{i:02}.md"), &format!("# Story {i}\n\n{WEAK}"));
    }
    let o = run_in(&t.0, &["-q", "s"]);
    assert_eq!(o.status.code(), Some(1));
    let got = hits(&o);
    assert_eq!(got.len(), 120);
    let expected: Vec<String> = (0..60)
        .flat_map(|i| {
            [
                format!("s/{i:02}.md:3:1: vague-we"),
                format!("s/{i:02}.md:3:27: vague-impact"),
            ]
        })
        .collect();
    assert_eq!(got, expected);
    assert_eq!(stderr(&o), "", "--quiet drops the summary");
}

#[test]
fn suppressions_silence_report_unused_and_flag_unknown_rules() {
    let t = TempTree::new("suppress");
    t.write(
        "story.md",
        "<!-- evident-disable-next-line vague-we -- the team did it -->\n\
         We rebuilt onboarding.\n\
         \n\
         Our team rebuilt billing and it was a huge success. <!-- evident-disable-line vague-impact -->\n\
         \n\
         <!-- evident-disable -->\n\
         Obviously the cache was the answer.\n\
         <!-- evident-enable -->\n\
         Obviously the queue was the answer.\n\
         <!-- evident-disable-next-line blame, vague-we -->\n\
         We shipped it.\n\
         <!-- evident-disable-line vague-wee -->\n",
    );
    let o = run_in(&t.0, &["story.md"]);
    assert_eq!(
        hits(&o),
        [
            "story.md:4:1: vague-we",
            "story.md:9:1: hidden-reasoning",
            "story.md:12:1: invalid-suppression",
        ]
    );
    assert!(stderr(&o).contains("; 4 suppressed"), "{}", stderr(&o));
    let o = run_in(&t.0, &["--report-unused-suppressions", "story.md"]);
    let out = stdout(&o);
    let unused: Vec<&str> = out
        .lines()
        .filter(|l| l.contains(": unused-suppression: "))
        .collect();
    assert_eq!(
        unused,
        ["story.md:10:1: unused-suppression: `evident-disable-next-line blame` silences no finding"]
    );
    let o = run_in(&t.0, &["--format", "json", "story.md"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    let reasons: Vec<&serde_json::Value> = v["files"][0]["suppressed"]
        .as_array()
        .expect("suppressed")
        .iter()
        .map(|s| &s["reason"])
        .collect();
    assert_eq!(reasons[0], "the team did it");
    assert!(reasons[1..].iter().all(|r| r.is_null()));
}
