//! Inline suppressions: HTML comments that silence findings.
//!
//! - `<!-- evident-disable-next-line RULE… -->`: findings starting on the next line;
//! - `<!-- evident-disable-line RULE… -->`: findings starting on the comment's line(s);
//! - `<!-- evident-disable RULE… -->` … `<!-- evident-enable RULE… -->`: findings
//!   starting in between (to the end of the file without an enable).
//!
//! No rule means every rule; rules are separated by spaces or commas; a reason
//! may follow `--`. A directive that silences nothing is reported with
//! `--report-unused-suppressions`; an unknown directive or rule id always is.

use super::position::LineIndex;
use super::rules::RuleRef;
use std::collections::BTreeMap;
use std::ops::Range;

/// What a directive does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    NextLine,
    Line,
    Disable,
    Enable,
}

impl Kind {
    fn parse(word: &str) -> Option<Kind> {
        match word {
            "evident-disable-next-line" => Some(Kind::NextLine),
            "evident-disable-line" => Some(Kind::Line),
            "evident-disable" => Some(Kind::Disable),
            "evident-enable" => Some(Kind::Enable),
            _ => None,
        }
    }

    pub fn keyword(self) -> &'static str {
        match self {
            Kind::NextLine => "evident-disable-next-line",
            Kind::Line => "evident-disable-line",
            Kind::Disable => "evident-disable",
            Kind::Enable => "evident-enable",
        }
    }
}

/// One parsed suppression comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directive {
    pub kind: Kind,
    /// The rules named; empty means every rule.
    pub rules: Vec<RuleRef>,
    pub reason: Option<String>,
    /// The comment, `<!--` to `-->`.
    pub span: Range<usize>,
}

/// A comment that looks like a directive but is not a valid one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invalid {
    pub span: Range<usize>,
    pub message: String,
}

/// Parses the comments of a file into directives; comments not starting with
/// `evident-` are ignored.
pub fn parse(source: &str, comments: &[Range<usize>]) -> (Vec<Directive>, Vec<Invalid>) {
    let mut directives = Vec::new();
    let mut invalid = Vec::new();
    for span in comments {
        let body = source[span.clone()]
            .trim_start_matches("<!--")
            .trim_end_matches("-->")
            .trim();
        if !body.starts_with("evident-") {
            continue;
        }
        let (head, reason) = match body.split_once("--") {
            Some((head, reason)) => (head, Some(reason.trim().to_string())),
            None => (body, None),
        };
        let mut words = head.split(|c: char| c.is_whitespace() || c == ',');
        let keyword = words.next().unwrap_or_default();
        let Some(kind) = Kind::parse(keyword) else {
            invalid.push(Invalid {
                span: span.clone(),
                message: format!(
                    "unknown directive `{keyword}` (expected evident-disable-next-line, \
                     evident-disable-line, evident-disable or evident-enable)"
                ),
            });
            continue;
        };
        let mut rules = Vec::new();
        let mut named = false;
        for word in words.filter(|w| !w.is_empty()) {
            named = true;
            match RuleRef::from_id(word) {
                Some(r) => rules.push(r),
                None => invalid.push(Invalid {
                    span: span.clone(),
                    message: format!(
                        "unknown rule `{word}` in `{keyword}` (see evident-check --rules)"
                    ),
                }),
            }
        }
        if named && rules.is_empty() {
            // Only unknown rules: silencing every rule instead would hide a typo.
            continue;
        }
        directives.push(Directive {
            kind,
            rules,
            reason: reason.filter(|r| !r.is_empty()),
            span: span.clone(),
        });
    }
    (directives, invalid)
}

/// Where one directive silences one rule (or every rule).
#[derive(Clone, Debug)]
struct Region {
    directive: usize,
    rule: Option<RuleRef>,
    bytes: Range<usize>,
    used: bool,
}

/// The silenced regions of one file.
#[derive(Debug)]
pub struct Suppressions {
    directives: Vec<Directive>,
    regions: Vec<Region>,
}

impl Suppressions {
    pub fn new(source: &str, lines: &LineIndex, directives: Vec<Directive>) -> Suppressions {
        let mut regions = Vec::new();
        // Open disable ranges per rule: (directive, start).
        let mut open: BTreeMap<RuleRef, (usize, usize)> = BTreeMap::new();
        for (i, d) in directives.iter().enumerate() {
            let named: Vec<RuleRef> = if d.rules.is_empty() {
                RuleRef::all().collect()
            } else {
                d.rules.clone()
            };
            let last_line = lines.line_of(d.span.end.saturating_sub(1).max(d.span.start));
            let mut line_region = |bytes: Range<usize>| {
                if d.rules.is_empty() {
                    regions.push(Region {
                        directive: i,
                        rule: None,
                        bytes: bytes.clone(),
                        used: false,
                    });
                }
                for &r in &d.rules {
                    regions.push(Region {
                        directive: i,
                        rule: Some(r),
                        bytes: bytes.clone(),
                        used: false,
                    });
                }
            };
            match d.kind {
                Kind::NextLine => {
                    let next = last_line + 1;
                    line_region(lines.line_start(next)..lines.line_end(source, next));
                }
                Kind::Line => {
                    let first = lines.line_of(d.span.start);
                    line_region(lines.line_start(first)..lines.line_end(source, last_line));
                }
                Kind::Disable => {
                    for r in named {
                        open.entry(r).or_insert((i, d.span.end));
                    }
                }
                Kind::Enable => {
                    for r in named {
                        if let Some((directive, start)) = open.remove(&r) {
                            regions.push(Region {
                                directive,
                                rule: Some(r),
                                bytes: start..d.span.start,
                                used: false,
                            });
                        }
                    }
                }
            }
        }
        for (r, (directive, start)) in open {
            regions.push(Region {
                directive,
                rule: Some(r),
                bytes: start..source.len(),
                used: false,
            });
        }
        Suppressions {
            directives,
            regions,
        }
    }

    /// Whether a finding of `rule` starting at `offset` is silenced; if so,
    /// the reason given (if any). Marks the silencing region used.
    pub fn silence(&mut self, rule: RuleRef, offset: usize) -> Option<Option<String>> {
        let mut found: Option<usize> = None;
        for region in &mut self.regions {
            let covers = region.bytes.start <= offset && offset <= region.bytes.end;
            if covers && region.rule.is_none_or(|r| r == rule) {
                region.used = true;
                found.get_or_insert(region.directive);
            }
        }
        found.map(|d| self.directives[d].reason.clone())
    }

    /// Directives (and the rules of them) that silenced nothing, for the rules
    /// `enabled` says are on: (comment span, message).
    pub fn unused(&self, enabled: impl Fn(RuleRef) -> bool) -> Vec<(Range<usize>, String)> {
        let mut out = Vec::new();
        for (i, d) in self.directives.iter().enumerate() {
            if d.kind == Kind::Enable {
                continue;
            }
            let mine = || self.regions.iter().filter(move |r| r.directive == i);
            if d.rules.is_empty() {
                if !mine().any(|r| r.used) {
                    out.push((
                        d.span.clone(),
                        format!("`{}` silences no finding", d.kind.keyword()),
                    ));
                }
                continue;
            }
            for &rule in d.rules.iter().filter(|&&r| enabled(r)) {
                if !mine().any(|r| r.used && r.rule == Some(rule)) {
                    out.push((
                        d.span.clone(),
                        format!("`{} {}` silences no finding", d.kind.keyword(), rule.id()),
                    ));
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(id: &str) -> RuleRef {
        RuleRef::from_id(id).unwrap_or_else(|| panic!("{id} is a rule"))
    }

    fn comments(src: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut from = 0;
        while let Some(i) = src[from..].find("<!--") {
            let s = from + i;
            let e = src[s..].find("-->").map_or(src.len(), |j| s + j + 3);
            out.push(s..e);
            from = e;
        }
        out
    }

    fn suppressions(src: &str) -> Suppressions {
        let (d, invalid) = parse(src, &comments(src));
        assert!(invalid.is_empty(), "{invalid:?}");
        Suppressions::new(src, &LineIndex::new(src), d)
    }

    #[test]
    fn directives_parse_rules_commas_and_reasons() {
        let src = "<!-- evident-disable-next-line vague-we, blame -- the team did it -->";
        let (d, invalid) = parse(src, &comments(src));
        assert!(invalid.is_empty());
        assert_eq!(d[0].kind, Kind::NextLine);
        assert_eq!(d[0].rules, [rule("vague-we"), rule("blame")]);
        assert_eq!(d[0].reason.as_deref(), Some("the team did it"));
        let src = "<!--evident-enable-->";
        let (d, _) = parse(src, &comments(src));
        assert_eq!((d[0].kind, d[0].rules.len()), (Kind::Enable, 0));
        let src = "<!-- a note -->";
        let (d, _) = parse(src, &comments(src));
        assert!(d.is_empty());
    }

    #[test]
    fn unknown_directives_and_rules_are_invalid() {
        let src = "<!-- evident-disabel vague-we --> <!-- evident-disable vage-we -->";
        let (d, invalid) = parse(src, &comments(src));
        assert!(
            d.is_empty(),
            "a directive naming only unknown rules silences nothing"
        );
        let messages: Vec<&str> = invalid.iter().map(|i| i.message.as_str()).collect();
        assert!(messages[0].starts_with("unknown directive `evident-disabel`"));
        assert!(messages[1].starts_with("unknown rule `vage-we`"));
    }

    #[test]
    fn next_line_covers_only_the_next_line() {
        let src = "<!-- evident-disable-next-line vague-we -->\nWe did it.\nWe again.";
        let mut s = suppressions(src);
        let second = src.find("We did").unwrap_or(0);
        let third = src.find("We again").unwrap_or(0);
        assert_eq!(s.silence(rule("vague-we"), second), Some(None));
        assert_eq!(s.silence(rule("blame"), second), None);
        assert_eq!(s.silence(rule("vague-we"), third), None);
    }

    #[test]
    fn ranges_run_to_enable_or_the_end_and_enable_can_be_partial() {
        let src =
            "A <!-- evident-disable -->B<!-- evident-enable blame -->C<!-- evident-enable -->D";
        let mut s = suppressions(src);
        let at = |c: &str| src.rfind(c).unwrap_or(0);
        assert!(s.silence(rule("blame"), at("B")).is_some());
        assert!(s.silence(rule("blame"), at("C")).is_none());
        assert!(s.silence(rule("vague-we"), at("C")).is_some());
        assert!(s.silence(rule("vague-we"), at("D")).is_none());
        assert!(s.silence(rule("vague-we"), 0).is_none());
    }

    #[test]
    fn unused_reports_each_rule_that_silenced_nothing() {
        let src =
            "<!-- evident-disable-line vague-we blame --> x\n<!-- evident-disable-next-line -->\ny";
        let mut s = suppressions(src);
        assert!(s
            .silence(rule("vague-we"), src.find('x').unwrap_or(0))
            .is_some());
        let unused: Vec<String> = s.unused(|_| true).into_iter().map(|u| u.1).collect();
        assert_eq!(
            unused,
            [
                "`evident-disable-line blame` silences no finding",
                "`evident-disable-next-line` silences no finding"
            ]
        );
        let blame_off: Vec<String> = s
            .unused(|r| r != rule("blame"))
            .into_iter()
            .map(|u| u.1)
            .collect();
        assert_eq!(blame_off.len(), 1);
    }
}
