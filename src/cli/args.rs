//! The command line (clap). `evident-check --help` is the reference.

use super::input::Syntax;
use super::output::Format;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

const ABOUT: &str = "Flag where an interview answer hides the evidence an interviewer needs";

const LONG_ABOUT: &str = "\
Flag where an interview answer hides the evidence an interviewer needs.

Reads each PATH: a file, a directory (walked for Markdown and text files,
respecting .gitignore, .ignore and hidden files), or `-` for standard input
(the default when no PATH is given). Markdown is read as Markdown: front
matter, code and HTML are skipped and each heading starts a new section.
Prints one line per finding, sorted by file, line and column:

    FILE:LINE:COL: RULE: message

LINE and COL are 1-based; COL counts characters. Standard input is shown as
`<stdin>`.";

const AFTER_LONG_HELP: &str = "\
FORMATS:
    --format text         The default, as above; a summary line goes to
                          standard error (not with --quiet).
    --format json         One JSON document, versioned (\"version\": 1): files,
                          their findings (rule, severity, message, suggestion,
                          start, end as byte offsets, line, col, end_line,
                          end_col) and suppressed findings, unreadable inputs,
                          a summary. Documented in docs/cli-json.md.
    --format jsonl        One finding per line, each with a `file` key.
    --format sarif        SARIF 2.1.0, for GitHub code scanning.
    --format github       GitHub Actions annotations (workflow commands).
    --format checkstyle   Checkstyle XML.
    --jsonl               Read JSON Lines from standard input, each an object
                          with a `text` field, and write exactly one line per
                          input line: {\"findings\": [...], \"signals\": {...}}
                          where signals maps each of the seven signal ids to
                          the phrases that showed it (empty when not shown),
                          or {\"error\": \"...\"} for a malformed line;
                          processing carries on.

SUPPRESSIONS (HTML comments, in Markdown and text):
    <!-- evident-disable-next-line vague-we -- reason -->
    <!-- evident-disable-line blame -->         (at the end of the line)
    <!-- evident-disable trait-claim -->  ...  <!-- evident-enable trait-claim -->
    No rule means every rule; rules are separated by spaces or commas.

CONFIG (.evident.toml, the nearest one walking up from each file):
    include = [\"stories/**/*.md\"]   exclude = [\"drafts\"]
    [rules]
    vague-we = \"error\"               # off, on, info, warning, error
    trait-claim = \"off\"

EXIT STATUS:
    0   no findings
    1   at least one finding
    2   usage error, invalid config, unreadable file, or invalid UTF-8
        (reported with its byte offset)

LANGUAGE SERVER:
    evident-check lsp     Speak the Language Server Protocol on standard
                          input and output (see the README for editor setup).";

/// How inputs are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum InputMode {
    /// Markdown for .md, .markdown, .mdown, .mkd, .mkdn, .mdx; text otherwise
    /// (standard input is text).
    Auto,
    Markdown,
    Text,
}

impl InputMode {
    /// The syntax forced on every input, if any.
    pub fn forced(self) -> Option<Syntax> {
        match self {
            InputMode::Auto => None,
            InputMode::Markdown => Some(Syntax::Markdown),
            InputMode::Text => Some(Syntax::Text),
        }
    }
}

#[derive(Debug, Parser)]
#[command(
    name = "evident-check",
    version,
    about = ABOUT,
    long_about = LONG_ABOUT,
    after_long_help = AFTER_LONG_HELP,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Read JSON Lines ({"text": ...}) from standard input; one result per line out.
    #[arg(long, conflicts_with = "paths")]
    pub jsonl: bool,

    /// List the rule ids with one-line descriptions.
    #[arg(long)]
    pub rules: bool,

    /// Use this config for every input instead of the nearest .evident.toml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Also report suppression comments that silence nothing.
    #[arg(long)]
    pub report_unused_suppressions: bool,

    /// How to read inputs.
    #[arg(long, value_enum, default_value_t = InputMode::Auto)]
    pub input: InputMode,

    /// No summary line on standard error.
    #[arg(short, long)]
    pub quiet: bool,

    /// Files or directories to check; `-` is standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the language server over standard input and output.
    Lsp,
}
