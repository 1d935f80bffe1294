//! The output formats, all over one [`Run`]: every file's report and every
//! file that could not be read.

mod checkstyle;
mod github;
mod json;
mod sarif;
mod text;

use super::lint::{Diagnostic, FileReport};
use super::rules::Level;
use std::io::{self, Write};

pub use json::SCHEMA_VERSION;

/// `--format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// `FILE:LINE:COL: RULE: message`, one line per finding.
    Text,
    /// One versioned JSON document (docs/cli-json.md).
    Json,
    /// One JSON object per finding, one per line.
    Jsonl,
    /// SARIF 2.1.0 (GitHub code scanning, IDE viewers).
    Sarif,
    /// GitHub Actions workflow commands (annotations on the pull request).
    Github,
    /// Checkstyle XML (Jenkins, GitLab, reviewdog).
    Checkstyle,
}

/// One linted file.
#[derive(Clone, Debug)]
pub struct FileResult {
    /// As shown: the path given or found, `<stdin>` for standard input.
    pub path: String,
    pub report: FileReport,
}

/// One input that could not be linted.
#[derive(Clone, Debug)]
pub struct InputError {
    pub path: String,
    pub message: String,
}

/// Everything one invocation found, files sorted by path.
#[derive(Clone, Debug, Default)]
pub struct Run {
    pub files: Vec<FileResult>,
    pub errors: Vec<InputError>,
}

/// Counts for the summary line and the JSON summary.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub files_with_findings: usize,
    pub findings: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub suppressed: usize,
    pub unreadable: usize,
}

impl Run {
    pub fn diagnostics(&self) -> impl Iterator<Item = (&str, &Diagnostic)> {
        self.files.iter().flat_map(|f| {
            f.report
                .diagnostics
                .iter()
                .map(move |d| (f.path.as_str(), d))
        })
    }

    pub fn summary(&self) -> Summary {
        let mut s = Summary {
            files: self.files.len(),
            unreadable: self.errors.len(),
            ..Summary::default()
        };
        for f in &self.files {
            s.suppressed += f.report.suppressed.len();
            if !f.report.diagnostics.is_empty() {
                s.files_with_findings += 1;
            }
            for d in &f.report.diagnostics {
                s.findings += 1;
                match d.level {
                    Level::Error => s.errors += 1,
                    Level::Warning => s.warnings += 1,
                    Level::Info => s.infos += 1,
                }
            }
        }
        s
    }
}

impl Summary {
    /// "3 findings (1 error, 2 warnings) in 2 of 10 files; 1 suppressed".
    pub fn line(&self) -> String {
        let files = plural(self.files, "file");
        let mut out = if self.findings == 0 {
            format!("no findings in {files}")
        } else {
            let levels: Vec<String> = [
                (self.errors, "error"),
                (self.warnings, "warning"),
                (self.infos, "info"),
            ]
            .into_iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, what)| {
                if what == "info" {
                    format!("{n} info")
                } else {
                    plural(n, what)
                }
            })
            .collect();
            format!(
                "{} ({}) in {} of {files}",
                plural(self.findings, "finding"),
                levels.join(", "),
                self.files_with_findings
            )
        };
        if self.suppressed > 0 {
            out.push_str(&format!("; {} suppressed", self.suppressed));
        }
        if self.unreadable > 0 {
            out.push_str(&format!(
                "; {} could not be read",
                plural(self.unreadable, "input")
            ));
        }
        out
    }
}

fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// Writes the run in `format`.
pub fn write(format: Format, run: &Run, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Text => text::write(run, out),
        Format::Json => json::write(run, out),
        Format::Jsonl => json::write_lines(run, out),
        Format::Sarif => sarif::write(run, out),
        Format::Github => github::write(run, out),
        Format::Checkstyle => checkstyle::write(run, out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_lines_read_well() {
        let mut s = Summary {
            files: 10,
            ..Summary::default()
        };
        assert_eq!(s.line(), "no findings in 10 files");
        s.findings = 3;
        s.files_with_findings = 2;
        s.errors = 1;
        s.warnings = 2;
        s.suppressed = 1;
        s.unreadable = 1;
        assert_eq!(
            s.line(),
            "3 findings (1 error, 2 warnings) in 2 of 10 files; 1 suppressed; 1 input could not be read"
        );
    }
}
