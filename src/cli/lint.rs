//! One file in, diagnostics out: prose → sections → the analyzer → config
//! levels → suppressions. Never fails, like the analyzer.

use super::config::Config;
use super::input::{prepare, Syntax};
use super::position::{LineIndex, Pos};
use super::rules::{Code, Level, RuleRef};
use super::suppress::{self, Suppressions};
use crate::core::analyzer::analyze_attempt;
use std::ops::Range;

/// What to report besides the analyzer's findings.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Report suppression comments that silence nothing.
    pub report_unused_suppressions: bool,
}

/// One reported problem in a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    pub level: Level,
    /// Byte offsets into the file.
    pub span: Range<usize>,
    /// Where the span starts and ends (the end is exclusive).
    pub start: Pos,
    pub end: Pos,
    pub message: String,
    /// A better shape ("" for suppression problems).
    pub suggestion: String,
}

/// A finding a suppression comment silenced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suppressed {
    pub diagnostic: Diagnostic,
    pub reason: Option<String>,
}

/// Everything said about one file.
#[derive(Clone, Debug, Default)]
pub struct FileReport {
    /// Sorted by position.
    pub diagnostics: Vec<Diagnostic>,
    pub suppressed: Vec<Suppressed>,
    /// Where a file-wide suppression goes: past the front matter.
    pub body_start: usize,
}

/// Lints one file's text.
pub fn lint(source: &str, syntax: Syntax, config: &Config, options: Options) -> FileReport {
    let prepared = prepare(source, syntax);
    let lines = LineIndex::new(source);
    let diagnostic =
        |code: Code, level: Level, span: Range<usize>, message: String, suggestion: String| {
            Diagnostic {
                code,
                level,
                start: lines.pos(source, span.start),
                end: lines.pos(source, span.end),
                span,
                message,
                suggestion,
            }
        };

    let (directives, invalid) = suppress::parse(source, &prepared.comments);
    let mut suppressions = Suppressions::new(source, &lines, directives);
    let mut report = FileReport {
        body_start: prepared.body_start,
        ..FileReport::default()
    };

    let texts: Vec<&str> = prepared
        .sections
        .iter()
        .map(|r| &prepared.prose[r.clone()])
        .collect();
    for (section, analysis) in prepared.sections.iter().zip(analyze_attempt(&texts)) {
        for f in analysis.findings {
            let Some(rule) = RuleRef::of(&f) else {
                continue;
            };
            let Some(level) = config.level(rule, Level::from(f.severity)) else {
                continue;
            };
            let span = section.start + f.start..section.start + f.end;
            let start = span.start;
            let d = diagnostic(Code::Rule(rule), level, span, f.message, f.suggestion);
            match suppressions.silence(rule, start) {
                Some(reason) => report.suppressed.push(Suppressed {
                    diagnostic: d,
                    reason,
                }),
                None => report.diagnostics.push(d),
            }
        }
    }
    for i in invalid {
        report.diagnostics.push(diagnostic(
            Code::InvalidSuppression,
            Level::Warning,
            i.span,
            i.message,
            String::new(),
        ));
    }
    if options.report_unused_suppressions {
        let enabled = |r: RuleRef| config.level(r, Level::Warning).is_some();
        for (span, message) in suppressions.unused(enabled) {
            report.diagnostics.push(diagnostic(
                Code::UnusedSuppression,
                Level::Warning,
                span,
                message,
                "remove the comment".to_string(),
            ));
        }
    }
    report
        .diagnostics
        .sort_by_key(|d| (d.span.start, d.span.end, d.code));
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn ids(r: &FileReport) -> Vec<(&'static str, usize, usize)> {
        r.diagnostics
            .iter()
            .map(|d| (d.code.id(), d.start.line, d.start.col))
            .collect()
    }

    fn defaults() -> Config {
        Config::defaults(Path::new("/"))
    }

    #[test]
    fn offsets_lines_and_columns_are_true_to_the_file() {
        let md = "---\nteam: we\n---\n# Story\n\n`x` Ünï. We rebuilt onboarding.\n";
        let r = lint(md, Syntax::Markdown, &defaults(), Options::default());
        let d = &r.diagnostics[0];
        assert_eq!(d.code.id(), "vague-we");
        assert_eq!(&md[d.span.clone()], "We rebuilt onboarding");
        assert_eq!((d.start.line, d.start.col), (6, 10));
        assert_eq!(r.body_start, md.find("# Story").unwrap_or(0));
    }

    #[test]
    fn code_and_front_matter_are_never_flagged() {
        let md = "---\nsummary: We rebuilt it and it was a huge success.\n---\n```\nWe rebuilt it and it was a huge success.\n```\nInline `We rebuilt it, a huge success`.\n";
        let r = lint(md, Syntax::Markdown, &defaults(), Options::default());
        assert!(r.diagnostics.is_empty(), "{:?}", ids(&r));
        let plain = lint(md, Syntax::Text, &defaults(), Options::default());
        assert!(!plain.diagnostics.is_empty());
    }

    #[test]
    fn suppressed_findings_keep_their_reason() {
        let md =
            "<!-- evident-disable-next-line vague-we -- a team story -->\nWe rebuilt onboarding.\n";
        let r = lint(md, Syntax::Markdown, &defaults(), Options::default());
        assert!(r.diagnostics.is_empty(), "{:?}", ids(&r));
        assert_eq!(r.suppressed.len(), 1);
        assert_eq!(r.suppressed[0].reason.as_deref(), Some("a team story"));
    }

    #[test]
    fn config_levels_and_off_apply() {
        let c = Config::parse(
            Path::new("/r/.evident.toml"),
            "[rules]\nvague-we = \"error\"\nvague-impact = \"off\"\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let r = lint(
            "We shipped it and it was a success.",
            Syntax::Text,
            &c,
            Options::default(),
        );
        let got: Vec<(&str, Level)> = r
            .diagnostics
            .iter()
            .map(|d| (d.code.id(), d.level))
            .collect();
        assert_eq!(got, [("vague-we", Level::Error)]);
    }
}
