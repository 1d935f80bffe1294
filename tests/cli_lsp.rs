//! A scripted language-server session over stdio: the test is the editor.
//! initialize → didOpen → publishDiagnostics → hover → codeAction → didChange
//! (incremental, applying the quick fix) → publishDiagnostics → shutdown → exit.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

/// How long any single reply may take before the test fails (no hangs).
const REPLY: Duration = Duration::from_secs(20);

struct Client {
    child: Child,
    stdin: ChildStdin,
    inbox: Receiver<Value>,
}

impl Client {
    fn start() -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_evident-check"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("spawn evident-check lsp");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, inbox) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut header = String::new();
                    if reader.read_line(&mut header).unwrap_or(0) == 0 {
                        return;
                    }
                    let header = header.trim_end();
                    if header.is_empty() {
                        break;
                    }
                    if let Some(n) = header.strip_prefix("Content-Length: ") {
                        length = n.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; length.expect("Content-Length header")];
                if reader.read_exact(&mut body).is_err() {
                    return;
                }
                let message: Value = serde_json::from_slice(&body).expect("JSON message");
                if tx.send(message).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            inbox,
        }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        self.stdin.flush().expect("flush");
    }

    fn request(&mut self, id: i64, method: &str, params: Value) -> Value {
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        let reply = self.until(|m| m["id"] == id && m.get("method").is_none());
        assert!(reply.get("error").is_none(), "{method}: {reply}");
        reply["result"].clone()
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// The next message matching `want`, skipping others (log messages).
    fn until(&self, want: impl Fn(&Value) -> bool) -> Value {
        loop {
            let m = self
                .inbox
                .recv_timeout(REPLY)
                .expect("the server replied in time");
            if want(&m) {
                return m;
            }
        }
    }

    fn diagnostics(&self, version: i64) -> Vec<Value> {
        let m = self.until(|m| m["method"] == "textDocument/publishDiagnostics");
        assert_eq!(m["params"]["version"], version, "{m}");
        m["params"]["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .clone()
    }
}

fn range(l1: u32, c1: u32, l2: u32, c2: u32) -> Value {
    json!({ "start": { "line": l1, "character": c1 }, "end": { "line": l2, "character": c2 } })
}

/// (code, severity, range) of each diagnostic.
fn summary(diags: &[Value]) -> Vec<(String, i64, Value)> {
    diags
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or("").to_string(),
                d["severity"].as_i64().unwrap_or(0),
                d["range"].clone(),
            )
        })
        .collect()
}

#[test]
fn a_scripted_editor_session() {
    let dir: PathBuf = std::env::temp_dir().join(format!("evident-lsp-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    // The server reads the document's .evident.toml: vague-we is an error here.
    std::fs::write(dir.join(".evident.toml"), "[rules]\nvague-we = \"error\"\n").expect("config");
    let uri = format!("file://{}/story.md", dir.display());

    let mut c = Client::start();
    let init = c.request(
        1,
        "initialize",
        json!({ "processId": null, "rootUri": null, "capabilities": {} }),
    );
    let caps = &init["capabilities"];
    assert_eq!(caps["textDocumentSync"], 2, "incremental sync");
    assert_eq!(caps["positionEncoding"], "utf-16");
    assert_eq!(caps["hoverProvider"], true);
    assert_eq!(
        caps["codeActionProvider"]["codeActionKinds"],
        json!(["quickfix"])
    );
    assert_eq!(init["serverInfo"]["name"], "evident-check");
    c.notify("initialized", json!({}));

    // The rocket is two UTF-16 units: columns after it prove the encoding.
    let text = "# Team outcome\n\nWe rebuilt onboarding 🚀 and it was a huge success.\n";
    c.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "markdown", "version": 1, "text": text } }),
    );
    let opened = c.diagnostics(1);
    assert_eq!(
        summary(&opened),
        [
            ("vague-we".to_string(), 1, range(2, 0, 2, 21)),
            ("vague-impact".to_string(), 2, range(2, 29, 2, 50)),
        ]
    );
    assert_eq!(opened[0]["source"], "evident");
    assert!(opened[0]["message"]
        .as_str()
        .is_some_and(|m| m.contains("\"We rebuilt onboarding\" credits the team")));

    let hover = c.request(
        2,
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 2, "character": 3 } }),
    );
    let value = hover["contents"]["value"].as_str().expect("markdown hover");
    assert_eq!(hover["contents"]["kind"], "markdown");
    assert!(
        value.starts_with("**Vague \"we\"** (`vague-we`)"),
        "{value}"
    );
    assert!(value.contains("A team claim"), "{value}");
    assert_eq!(hover["range"], range(2, 0, 2, 21));

    let actions = c.request(
        3,
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri },
            "range": range(2, 1, 2, 1),
            "context": { "diagnostics": [opened[0]] },
        }),
    );
    let actions = actions.as_array().expect("actions");
    let titles: Vec<&str> = actions.iter().filter_map(|a| a["title"].as_str()).collect();
    assert_eq!(
        titles,
        [
            "Disable vague-we for this line",
            "Disable vague-we in this file"
        ]
    );
    assert!(actions.iter().all(|a| a["kind"] == "quickfix"));
    let line_edit = &actions[0]["edit"]["changes"][&uri][0];
    assert_eq!(line_edit["range"], range(2, 51, 2, 51));
    assert_eq!(
        line_edit["newText"],
        " <!-- evident-disable-line vague-we -->"
    );
    let file_edit = &actions[1]["edit"]["changes"][&uri][0];
    assert_eq!(file_edit["range"], range(0, 0, 0, 0));
    assert_eq!(file_edit["newText"], "<!-- evident-disable vague-we -->\n");

    // Incremental changes: measure the impact, then apply the line quick fix.
    c.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": uri, "version": 2 },
            "contentChanges": [
                { "range": range(2, 36, 2, 50), "text": "done in 4 minutes, not 9" },
            ],
        }),
    );
    assert_eq!(
        summary(&c.diagnostics(2)),
        [("vague-we".to_string(), 1, range(2, 0, 2, 21))]
    );
    c.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": uri, "version": 3 },
            "contentChanges": [
                { "range": range(2, 61, 2, 61), "text": line_edit["newText"] },
            ],
        }),
    );
    assert_eq!(
        c.diagnostics(3),
        Vec::<Value>::new(),
        "the quick fix silenced the finding"
    );

    // The quick fix that is now unused is greyed out as unnecessary once the
    // sentence no longer says "we".
    c.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": uri, "version": 4 },
            "contentChanges": [ { "range": range(2, 0, 2, 10), "text": "I rebuilt" } ],
        }),
    );
    let unused = c.diagnostics(4);
    assert_eq!(summary(&unused)[0].0, "unused-suppression");
    assert_eq!(unused[0]["tags"], json!([1]));

    let shutdown = c.request(4, "shutdown", Value::Null);
    assert_eq!(shutdown, Value::Null);
    c.notify("exit", Value::Null);
    let status = wait(c.child);
    assert_eq!(status, Some(0));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Waits for the server to exit, failing instead of hanging.
fn wait(child: Child) -> Option<i32> {
    let (tx, rx) = channel();
    let mut child = child;
    std::thread::spawn(move || {
        let _ = tx.send(child.wait().ok().and_then(|s| s.code()));
    });
    rx.recv_timeout(REPLY)
        .expect("the server exited after `exit`")
}
