//! `.evident.toml`: which rules run, at what level, and which files are linted.
//!
//! ```toml
//! include = ["stories/**/*.md"]   # files linted when a directory is walked
//! exclude = ["drafts", "*.tmp.md"] # never linted, even when named
//!
//! [rules]
//! vague-we = "error"     # "off", "info", "warning", "error", or true / false
//! trait-claim = "off"
//! ```
//!
//! The nearest `.evident.toml` walking up from a file applies to it (no
//! merging); `--config FILE` applies one file to every input. Globs are
//! relative to the config file's directory; a pattern without a `/` matches at
//! any depth, and a pattern matching a directory matches everything in it (as
//! in `.gitignore`). An invalid config is an error with its line and column.

use super::rules::{known_ids, Level, RuleRef};
use globset::{Glob, GlobBuilder, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use toml::Spanned;

/// The file name looked for.
pub const FILE_NAME: &str = ".evident.toml";

/// What a walk lints when no `include` is set.
pub const DEFAULT_INCLUDE: [&str; 3] = ["*.md", "*.markdown", "*.txt"];

/// One rule's setting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleSetting {
    Off,
    /// On, at the analyzer's own severity.
    On,
    At(Level),
}

/// A loaded config (or the defaults).
#[derive(Clone, Debug)]
pub struct Config {
    /// The file read, if any.
    pub path: Option<PathBuf>,
    /// The directory globs are relative to.
    root: PathBuf,
    rules: Vec<RuleSetting>,
    include: GlobSet,
    exclude: GlobSet,
}

/// An unreadable or invalid config file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    /// 1-based, when the problem has a place in the file.
    pub line: Option<usize>,
    pub col: Option<usize>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let (Some(line), Some(col)) = (self.line, self.col) {
            write!(f, ":{line}:{col}")?;
        }
        write!(f, ": invalid config: {}", self.message)
    }
}

/// The file as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    include: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
}

impl Config {
    /// Every rule on at its own severity; the default includes; no excludes.
    pub fn defaults(root: &Path) -> Config {
        Config {
            path: None,
            root: root.to_path_buf(),
            rules: RuleRef::all().map(|_| RuleSetting::On).collect(),
            include: default_include(),
            exclude: GlobSet::empty(),
        }
    }

    /// Reads and checks a config file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let path = absolute(path);
        let text = std::fs::read_to_string(&path).map_err(|e| ConfigError {
            path: path.clone(),
            line: None,
            col: None,
            message: format!("cannot read: {e}"),
        })?;
        Config::parse(&path, &text)
    }

    /// Parses config text; `path` names it in errors and roots its globs.
    pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
        let error_at = |span: Option<std::ops::Range<usize>>, message: String| {
            let (line, col) = span.map_or((None, None), |s| {
                let (l, c) = line_col(text, s.start);
                (Some(l), Some(c))
            });
            ConfigError {
                path: path.to_path_buf(),
                line,
                col,
                message,
            }
        };
        let raw: RawConfig =
            toml::from_str(text).map_err(|e| error_at(e.span(), e.message().to_string()))?;
        let root = path.parent().map_or_else(PathBuf::new, Path::to_path_buf);
        let mut config = Config::defaults(&root);
        config.path = Some(path.to_path_buf());
        for (name, value) in &raw.rules {
            let Some(rule) = RuleRef::from_id(name.get_ref()) else {
                return Err(error_at(
                    Some(name.span()),
                    format!(
                        "unknown rule `{}` in [rules] (known: {})",
                        name.get_ref(),
                        known_ids()
                    ),
                ));
            };
            let setting = match value.get_ref() {
                toml::Value::Boolean(false) => RuleSetting::Off,
                toml::Value::Boolean(true) => RuleSetting::On,
                toml::Value::String(s) => match s.as_str() {
                    "off" => RuleSetting::Off,
                    "on" => RuleSetting::On,
                    "info" => RuleSetting::At(Level::Info),
                    "warning" => RuleSetting::At(Level::Warning),
                    "error" => RuleSetting::At(Level::Error),
                    other => {
                        return Err(error_at(
                            Some(value.span()),
                            format!(
                                "`{}` must be \"off\", \"on\", \"info\", \"warning\", \"error\", true or false, not \"{other}\"",
                                name.get_ref()
                            ),
                        ))
                    }
                },
                other => {
                    return Err(error_at(
                        Some(value.span()),
                        format!(
                            "`{}` must be \"off\", \"on\", \"info\", \"warning\", \"error\", true or false, not {}",
                            name.get_ref(),
                            other.type_str()
                        ),
                    ))
                }
            };
            config.rules[rule.index()] = setting;
        }
        let globs = |patterns: &[Spanned<String>]| -> Result<GlobSet, ConfigError> {
            let mut set = GlobSetBuilder::new();
            for p in patterns {
                set.add(glob(p.get_ref()).map_err(|e| {
                    error_at(Some(p.span()), format!("bad glob `{}`: {e}", p.get_ref()))
                })?);
            }
            set.build()
                .map_err(|e| error_at(None, format!("bad globs: {e}")))
        };
        if let Some(include) = &raw.include {
            config.include = globs(include)?;
        }
        config.exclude = globs(&raw.exclude)?;
        Ok(config)
    }

    pub fn setting(&self, rule: RuleRef) -> RuleSetting {
        self.rules
            .get(rule.index())
            .copied()
            .unwrap_or(RuleSetting::On)
    }

    /// The level a finding of `rule` is reported at (the analyzer's own is
    /// `default`), or `None` when the rule is off.
    pub fn level(&self, rule: RuleRef, default: Level) -> Option<Level> {
        match self.setting(rule) {
            RuleSetting::Off => None,
            RuleSetting::On => Some(default),
            RuleSetting::At(level) => Some(level),
        }
    }

    /// Whether an `exclude` pattern matches the file or a directory holding it.
    pub fn excludes(&self, file: &Path) -> bool {
        let Some(rel) = self.relative(file) else {
            return false;
        };
        rel.ancestors()
            .filter(|a| !a.as_os_str().is_empty())
            .any(|a| self.exclude.is_match(a))
    }

    /// Whether a file found by walking a directory is linted: an `include`
    /// pattern matches the file itself, and no `exclude` does.
    pub fn includes(&self, file: &Path) -> bool {
        let rel = self.relative(file).unwrap_or(file);
        self.include.is_match(rel) && !self.excludes(file)
    }

    fn relative<'p>(&self, file: &'p Path) -> Option<&'p Path> {
        file.strip_prefix(&self.root).ok()
    }
}

/// A `.gitignore`-like glob: `*` stays within a path segment, and a pattern
/// without a `/` matches at any depth.
fn glob(pattern: &str) -> Result<Glob, globset::Error> {
    let trimmed = pattern.trim_end_matches('/');
    let anchored = trimmed.trim_start_matches('/');
    let full = if trimmed.contains('/') {
        anchored.to_string()
    } else {
        format!("**/{anchored}")
    };
    GlobBuilder::new(&full).literal_separator(true).build()
}

fn default_include() -> GlobSet {
    let mut set = GlobSetBuilder::new();
    for p in DEFAULT_INCLUDE {
        if let Ok(g) = glob(p) {
            set.add(g);
        }
    }
    set.build().unwrap_or_else(|_| GlobSet::empty())
}

/// 1-based line and column (in chars) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = super::position::floor_boundary(text, offset);
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// `path` made absolute against the working directory (symlinks untouched).
pub fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Finds each file's config, reading each `.evident.toml` once.
pub struct Discovery {
    forced: Option<Arc<Config>>,
    /// Per directory: the config that applies there.
    by_dir: HashMap<PathBuf, Arc<Config>>,
}

impl Discovery {
    /// `forced` (from `--config`) applies to every file when given.
    pub fn new(forced: Option<Config>) -> Discovery {
        Discovery {
            forced: forced.map(Arc::new),
            by_dir: HashMap::new(),
        }
    }

    /// The config for a file (or, for standard input, the working directory).
    pub fn for_file(&mut self, file: Option<&Path>) -> Result<Arc<Config>, ConfigError> {
        if let Some(c) = &self.forced {
            return Ok(c.clone());
        }
        let dir = match file {
            Some(f) => absolute(f).parent().map(Path::to_path_buf),
            None => Some(absolute(Path::new("."))),
        }
        .unwrap_or_default();
        self.for_dir(&dir)
    }

    fn for_dir(&mut self, dir: &Path) -> Result<Arc<Config>, ConfigError> {
        if let Some(c) = self.by_dir.get(dir) {
            return Ok(c.clone());
        }
        let candidate = dir.join(FILE_NAME);
        let config = if candidate.is_file() {
            Arc::new(Config::load(&candidate)?)
        } else {
            match dir.parent() {
                Some(parent) => self.for_dir(parent)?,
                None => Arc::new(Config::defaults(dir)),
            }
        };
        self.by_dir.insert(dir.to_path_buf(), config.clone());
        Ok(config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(Path::new("/repo/.evident.toml"), text)
    }

    fn rule(id: &str) -> RuleRef {
        RuleRef::from_id(id).unwrap_or_else(|| panic!("{id} is a rule"))
    }

    #[test]
    fn rules_can_be_turned_off_and_given_levels() {
        let c = parse("[rules]\nvague-we = \"error\"\nblame = false\ntrait-claim = \"off\"\nvague-impact = true\n")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            c.level(rule("vague-we"), Level::Warning),
            Some(Level::Error)
        );
        assert_eq!(c.level(rule("blame"), Level::Warning), None);
        assert_eq!(c.level(rule("trait-claim"), Level::Warning), None);
        assert_eq!(
            c.level(rule("vague-impact"), Level::Info),
            Some(Level::Info)
        );
        assert_eq!(
            c.level(rule("apology-spiral"), Level::Warning),
            Some(Level::Warning)
        );
    }

    #[test]
    fn errors_name_the_line_and_column() {
        let cases = [
            ("[rules]\nvague-we = \"loud\"\n", 2, 12, "not \"loud\""),
            (
                "[rules]\n\nvage-we = \"off\"\n",
                3,
                1,
                "unknown rule `vage-we`",
            ),
            ("colour = 1\n", 1, 1, "unknown field `colour`"),
            ("[rules\n", 1, 7, "expected `]`"),
            ("exclude = [\"[\"]\n", 1, 12, "bad glob"),
            ("[rules]\nblame = 3\n", 2, 9, "not integer"),
        ];
        for (text, line, col, needle) in cases {
            let e = parse(text)
                .err()
                .unwrap_or_else(|| panic!("{text:?} must fail"));
            assert_eq!((e.line, e.col), (Some(line), Some(col)), "{text:?}: {e}");
            assert!(e.message.contains(needle), "{text:?}: {e}");
            assert!(e.to_string().starts_with(&format!(
                "/repo/.evident.toml:{line}:{col}: invalid config: "
            )));
        }
    }

    #[test]
    fn globs_work_like_gitignore_relative_to_the_config() {
        let c = parse("include = [\"stories/**/*.md\", \"*.story\"]\nexclude = [\"drafts\", \"stories/old/*.md\"]\n")
            .unwrap_or_else(|e| panic!("{e}"));
        let p = |s: &str| PathBuf::from(format!("/repo/{s}"));
        assert!(c.includes(&p("stories/a.md")));
        assert!(c.includes(&p("deep/x.story")));
        assert!(!c.includes(&p("notes/a.md")));
        assert!(c.excludes(&p("stories/drafts/a.md")));
        assert!(c.excludes(&p("drafts/a.md")));
        assert!(c.excludes(&p("stories/old/a.md")));
        assert!(!c.excludes(&p("stories/old/deeper/a.md")));
        assert!(!c.excludes(Path::new("/elsewhere/drafts/a.md")));
    }

    #[test]
    fn defaults_include_markdown_and_text() {
        let c = Config::defaults(Path::new("/r"));
        assert!(c.includes(Path::new("/r/a/b.md")));
        assert!(c.includes(Path::new("/r/b.txt")));
        assert!(!c.includes(Path::new("/r/b.rs")));
    }
}
