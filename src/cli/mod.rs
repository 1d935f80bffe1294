//! `evident-check`: the analyzer for stories kept as Markdown or text files,
//! in a terminal, in CI and in editors. Native only; `src/bin/evident-check.rs`
//! calls [`main`].
//!
//! - `args`: the command line;
//! - `input`: Markdown-aware reading (prose kept at its offsets, sections by heading);
//! - `suppress`: `<!-- evident-disable… -->` comments;
//! - `config`: `.evident.toml`, found walking up from each file;
//! - `lint`: one file in, diagnostics out;
//! - `walk`: arguments → files (respecting .gitignore) → reports, in parallel;
//! - `output`: text, json, jsonl, sarif, github, checkstyle;
//! - `jsonl`: the `--jsonl` batch mode the corpus scorers use;
//! - `lsp`: the language server;
//! - `rules`, `position`: rule ids and levels; offsets ↔ lines and columns.

pub mod args;
pub mod config;
pub mod input;
pub mod jsonl;
pub mod lint;
pub mod lsp;
pub mod output;
pub mod position;
pub mod rules;
pub mod suppress;
pub mod walk;

use args::{Cli, Command};
use clap::Parser;
use config::{Config, Discovery};
use std::io::Write;
use std::process::ExitCode;

/// Runs the command line; the exit status is 0 (no findings), 1 (findings)
/// or 2 (usage, config or input errors).
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    if let Some(Command::Lsp) = cli.command {
        return lsp::run();
    }
    if cli.rules {
        print_rules();
        return ExitCode::SUCCESS;
    }
    if cli.jsonl {
        return jsonl::run();
    }
    check(cli)
}

fn print_rules() {
    let rules: Vec<rules::RuleRef> = rules::RuleRef::all().collect();
    let width = rules.iter().map(|r| r.id().len()).max().unwrap_or(0);
    for r in rules {
        println!("{:width$}  {}", r.id(), r.info().description);
    }
}

fn check(cli: Cli) -> ExitCode {
    let forced = match cli.config.as_deref().map(Config::load).transpose() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("evident-check: {e}");
            return ExitCode::from(2);
        }
    };
    let mut discovery = Discovery::new(forced);
    let paths = if cli.paths.is_empty() {
        vec!["-".to_string()]
    } else {
        cli.paths
    };
    let collected = match walk::collect(&paths, &mut discovery, cli.input.forced()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("evident-check: {e}");
            return ExitCode::from(2);
        }
    };
    let options = lint::Options {
        report_unused_suppressions: cli.report_unused_suppressions,
    };
    let run = walk::lint_all(collected, options);
    for e in &run.errors {
        eprintln!("evident-check: {}: {}", e.path, e.message);
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let written = output::write(cli.format, &run, &mut out).and_then(|_| out.flush());
    if let Err(e) = written {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("evident-check: cannot write output: {e}");
            return ExitCode::from(2);
        }
    }
    let summary = run.summary();
    if !cli.quiet {
        eprintln!("evident-check: {}", summary.line());
    }
    if !run.errors.is_empty() {
        ExitCode::from(2)
    } else if summary.findings > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
