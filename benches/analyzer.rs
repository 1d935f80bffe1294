//! Analyzer benchmark (plain `harness = false`, no criterion).
//!
//! Builds about 1 MB of answer text from the labelled corpora (the shared one
//! and `tests/corpus/`), cut into answers of about 1,500 words, then measures:
//! - throughput over the whole set (MB/s),
//! - latency per 1,500-word answer (mean, p50, p99),
//! - latency per short corpus answer.
//!
//! With `--out FILE` it also writes the answers as JSON Lines (`{"text": …}`)
//! so `benches/write_good.js` can time write-good on exactly the same text,
//! and prints `RUST_SECONDS_PER_PASS=…` for `scripts/bench.sh`.

use evident::core::analyzer::analyze;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

const TARGET_BYTES: usize = 1 << 20;
const WORDS_PER_ANSWER: usize = 1_500;

fn corpus_texts() -> Vec<String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut texts = Vec::new();
    for rel in [
        "../shared/corpus/answers.jsonl",
        "tests/corpus/answers.jsonl",
    ] {
        let Ok(data) = std::fs::read_to_string(root.join(rel)) else {
            eprintln!("note: {rel} not found, skipped");
            continue;
        };
        for line in data.lines().filter(|l| !l.trim().is_empty()) {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
                if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
                    texts.push(t.to_string());
                }
            }
        }
    }
    assert!(!texts.is_empty(), "no corpus text found");
    texts
}

/// Answers of about 1,500 words, paragraphs taken round-robin from the corpus.
fn long_answers(texts: &[String]) -> Vec<String> {
    let mut answers = Vec::new();
    let mut total = 0;
    let mut i = 0;
    while total < TARGET_BYTES {
        let mut answer = String::new();
        let mut words = 0;
        while words < WORDS_PER_ANSWER {
            let t = &texts[i % texts.len()];
            i += 1;
            if !answer.is_empty() {
                answer.push_str(if i % 3 == 0 { "\n\n" } else { " " });
            }
            answer.push_str(t);
            words += t.split_whitespace().count();
        }
        total += answer.len();
        answers.push(answer);
    }
    answers
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let idx = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[idx.min(sorted.len() - 1)]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let out = args
        .iter()
        .position(|a| a == "--out")
        .and_then(|i| args.get(i + 1))
        .cloned();

    let texts = corpus_texts();
    let answers = long_answers(&texts);
    let bytes: usize = answers.iter().map(String::len).sum();
    let words: usize = answers.iter().map(|a| a.split_whitespace().count()).sum();

    if let Some(path) = &out {
        let mut jsonl = String::new();
        for a in &answers {
            jsonl.push_str(&serde_json::json!({ "text": a }).to_string());
            jsonl.push('\n');
        }
        std::fs::write(path, jsonl).expect("write bench text");
    }

    // Warm up: compiles the lexicon once, faults in the code.
    let t0 = Instant::now();
    black_box(analyze("We shipped it."));
    let first_call = t0.elapsed();
    for a in answers.iter().take(10) {
        black_box(analyze(a));
    }

    // Throughput: whole passes over ~1 MB.
    let mut passes = 0u32;
    let start = Instant::now();
    let mut findings = 0usize;
    while passes < 3 || start.elapsed() < Duration::from_secs(2) {
        for a in &answers {
            findings += black_box(analyze(a)).findings.len();
        }
        passes += 1;
    }
    let per_pass = start.elapsed().as_secs_f64() / f64::from(passes);
    let mbps = bytes as f64 / per_pass / 1e6;

    // Latency per long answer.
    let mut lat: Vec<Duration> = Vec::with_capacity(answers.len() * 5);
    for _ in 0..5 {
        for a in &answers {
            let t = Instant::now();
            black_box(analyze(a));
            lat.push(t.elapsed());
        }
    }
    lat.sort();
    let mean = lat.iter().sum::<Duration>() / lat.len() as u32;

    // Latency per short corpus answer.
    let mut short: Vec<Duration> = Vec::with_capacity(texts.len() * 20);
    for _ in 0..20 {
        for t in &texts {
            let s = Instant::now();
            black_box(analyze(t));
            short.push(s.elapsed());
        }
    }
    short.sort();

    println!("analyzer benchmark (native, release)");
    println!(
        "  text: {} answers of ~{} words, {:.2} MB, {} words, {} findings per pass",
        answers.len(),
        words / answers.len(),
        bytes as f64 / 1e6,
        words,
        findings / passes as usize
    );
    println!(
        "  first call (lexicon compile): {:.2} ms",
        first_call.as_secs_f64() * 1e3
    );
    println!(
        "  throughput: {mbps:.1} MB/s ({:.2} ms per 1 MB pass, {passes} passes)",
        per_pass * 1e3
    );
    println!(
        "  per ~1,500-word answer: mean {:.0} µs, p50 {:.0} µs, p99 {:.0} µs",
        mean.as_secs_f64() * 1e6,
        percentile(&lat, 0.5).as_secs_f64() * 1e6,
        percentile(&lat, 0.99).as_secs_f64() * 1e6
    );
    println!(
        "  per short corpus answer ({} answers): p50 {:.1} µs, p99 {:.1} µs",
        texts.len(),
        percentile(&short, 0.5).as_secs_f64() * 1e6,
        percentile(&short, 0.99).as_secs_f64() * 1e6
    );
    println!("RUST_SECONDS_PER_PASS={per_pass:.6}");
    println!("RUST_BYTES={bytes}");
    println!(
        "RUST_P50_US={:.1}",
        percentile(&lat, 0.5).as_secs_f64() * 1e6
    );
}
