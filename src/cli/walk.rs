//! From command-line arguments to reports: files and directories (walked
//! respecting `.gitignore`, `.ignore` and hidden files), each with its config,
//! linted in parallel when there are enough of them to pay for the threads.

use super::config::{absolute, Config, ConfigError, Discovery};
use super::input::Syntax;
use super::lint::{lint, Options};
use super::output::{FileResult, InputError, Run};
use rayon::prelude::*;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Below this many inputs, one thread is faster than starting a pool.
const PARALLEL_FROM: usize = 16;

/// One file to lint.
#[derive(Clone, Debug)]
pub struct Input {
    /// `None` for standard input.
    pub path: Option<PathBuf>,
    /// As shown in the output.
    pub display: String,
    pub config: Arc<Config>,
    pub syntax: Syntax,
}

/// The inputs named and found, and the ones a walk could not read.
#[derive(Debug, Default)]
pub struct Collected {
    pub inputs: Vec<Input>,
    pub errors: Vec<InputError>,
}

/// Expands arguments into inputs: `-` is standard input, a directory is
/// walked for the files its config includes, a file is linted unless its
/// config excludes it. `syntax` forces how every input is read.
pub fn collect(
    args: &[String],
    discovery: &mut Discovery,
    syntax: Option<Syntax>,
) -> Result<Collected, ConfigError> {
    let mut out = Collected::default();
    for arg in args {
        if arg == "-" {
            out.inputs.push(Input {
                path: None,
                display: "<stdin>".to_string(),
                config: discovery.for_file(None)?,
                syntax: syntax.unwrap_or(Syntax::Text),
            });
            continue;
        }
        let path = Path::new(arg);
        if !path.is_dir() {
            let config = discovery.for_file(Some(path))?;
            if !config.excludes(&absolute(path)) {
                out.inputs.push(input(path, config, syntax));
            }
            continue;
        }
        let walk = ignore::WalkBuilder::new(path)
            .standard_filters(true)
            .require_git(false)
            .build();
        for entry in walk {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    out.errors.push(InputError {
                        path: arg.clone(),
                        message: e.to_string(),
                    });
                    continue;
                }
            };
            if !entry.file_type().is_some_and(|t| t.is_file()) {
                continue;
            }
            let config = discovery.for_file(Some(entry.path()))?;
            if config.includes(&absolute(entry.path())) {
                out.inputs.push(input(entry.path(), config, syntax));
            }
        }
    }
    out.inputs.sort_by(|a, b| a.display.cmp(&b.display));
    out.inputs.dedup_by(|a, b| a.display == b.display);
    Ok(out)
}

fn input(path: &Path, config: Arc<Config>, syntax: Option<Syntax>) -> Input {
    Input {
        path: Some(path.to_path_buf()),
        display: path.to_string_lossy().into_owned(),
        config,
        syntax: syntax.unwrap_or_else(|| Syntax::for_path(path)),
    }
}

/// Reads and lints every input; the run lists files and errors by path.
pub fn lint_all(collected: Collected, options: Options) -> Run {
    // Standard input is read once, before any thread starts.
    let stdin = collected
        .inputs
        .iter()
        .any(|i| i.path.is_none())
        .then(read_stdin);
    let one = |i: &Input| -> Result<FileResult, InputError> {
        let text = match &i.path {
            Some(p) => std::fs::read(p)
                .map_err(|e| format!("cannot read: {e}"))
                .and_then(decode),
            None => stdin.clone().unwrap_or_else(|| Ok(String::new())),
        }
        .map_err(|message| InputError {
            path: i.display.clone(),
            message,
        })?;
        Ok(FileResult {
            path: i.display.clone(),
            report: lint(&text, i.syntax, &i.config, options),
        })
    };
    let results: Vec<Result<FileResult, InputError>> = if collected.inputs.len() < PARALLEL_FROM {
        collected.inputs.iter().map(one).collect()
    } else {
        collected.inputs.par_iter().map(one).collect()
    };
    let mut run = Run {
        errors: collected.errors,
        ..Run::default()
    };
    for r in results {
        match r {
            Ok(f) => run.files.push(f),
            Err(e) => run.errors.push(e),
        }
    }
    run
}

fn read_stdin() -> Result<String, String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read standard input: {e}"))?;
    decode(bytes)
}

/// Decodes bytes as UTF-8, reporting the byte offset of the first invalid sequence.
pub fn decode(bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "invalid UTF-8 at byte offset {}",
            e.utf8_error().valid_up_to()
        )
    })
}
