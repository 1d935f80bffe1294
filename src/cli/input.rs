//! What the analyzer reads of a file: its prose, cut into sections.
//!
//! Markdown is parsed with pulldown-cmark. Only prose is kept: paragraph,
//! list, quote and table text, plus list markers and `>` quote markers so the
//! tokeniser sees items and quotes as the structure they are. Front matter,
//! fenced and indented code, inline code, HTML (comments included), headings,
//! link destinations, images and reference definitions are blanked: every byte
//! becomes a space, newlines stay (a soft break inside a paragraph becomes a
//! space too: a wrapped line is one line to the reader). The prose therefore has exactly the file's
//! length, so every offset, line and column the analyzer reports is true to
//! the file. Each heading starts a new section, the way the app's labelled
//! sections do. Plain text is one section, as typed.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};
use std::ops::Range;
use std::path::Path;

/// How a file is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Syntax {
    Markdown,
    Text,
}

impl Syntax {
    /// Markdown for the usual Markdown extensions, plain text otherwise.
    pub fn for_path(path: &Path) -> Syntax {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("md" | "markdown" | "mdown" | "mkd" | "mkdn" | "mdx") => Syntax::Markdown,
            _ => Syntax::Text,
        }
    }
}

/// A file made ready for the analyzer.
#[derive(Clone, Debug)]
pub struct Prepared {
    /// The file with every byte that is not prose replaced by a space
    /// (newlines kept, except soft line breaks inside a paragraph, which
    /// become spaces): same length, same offsets.
    pub prose: String,
    /// Byte ranges of the sections, in order, covering the whole file: the
    /// text before the first heading (when it has prose), then one per heading.
    pub sections: Vec<Range<usize>>,
    /// Byte ranges of HTML comments (`<!-- … -->`) where a suppression may be.
    pub comments: Vec<Range<usize>>,
    /// Where the body starts: past the front matter (where a file-wide
    /// suppression is inserted).
    pub body_start: usize,
}

pub fn prepare(source: &str, syntax: Syntax) -> Prepared {
    match syntax {
        Syntax::Markdown => prepare_markdown(source),
        Syntax::Text => prepare_text(source),
    }
}

/// Plain text: analysed as typed, except `<!-- evident-… -->` comments.
fn prepare_text(source: &str) -> Prepared {
    let comments: Vec<Range<usize>> = find_comments(source, 0..source.len())
        .into_iter()
        .filter(|r| is_directive(&source[r.clone()]))
        .collect();
    let mut prose = Blanker::copy_of(source);
    for r in &comments {
        prose.blank(r.clone());
    }
    Prepared {
        prose: prose.finish(source),
        sections: std::iter::once(0..source.len()).collect(),
        comments,
        body_start: 0,
    }
}

fn is_directive(comment: &str) -> bool {
    comment
        .trim_start_matches("<!--")
        .trim_start()
        .starts_with("evident-")
}

fn markdown_options() -> Options {
    Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_TABLES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_GFM
        | Options::ENABLE_WIKILINKS
}

fn prepare_markdown(source: &str) -> Prepared {
    let mut prose = Blanker::blank_of(source);
    let mut headings: Vec<usize> = Vec::new();
    let mut html: Vec<Range<usize>> = Vec::new();
    let mut body_start = 0;
    // Text inside these is not prose (metadata, code, headings, images,
    // autolinks): one flag per open tag, and how many are set.
    let mut open: Vec<bool> = Vec::new();
    let mut hidden = 0usize;
    let mut events = Parser::new_ext(source, markdown_options()).into_offset_iter();
    for (event, range) in &mut events {
        match event {
            Event::Text(_) if hidden == 0 => prose.keep(source, range),
            // A wrapped line is one line to the reader: a capitalised word
            // after the break must not start a new sentence.
            Event::SoftBreak => prose.spaces(range),
            Event::Html(_) | Event::InlineHtml(_) => html.push(range),
            Event::Start(tag) => {
                match &tag {
                    Tag::Heading { .. } => headings.push(range.start),
                    Tag::Item => prose.keep(source, list_marker(source, range.start)),
                    Tag::BlockQuote(_) => keep_quote_markers(&mut prose, source, range),
                    _ => {}
                }
                let hides = hides_text(&tag);
                hidden += usize::from(hides);
                open.push(hides);
            }
            Event::End(end) => {
                if let TagEnd::MetadataBlock(_) = end {
                    body_start = line_after(source, range.end);
                }
                if open.pop() == Some(true) {
                    hidden -= 1;
                }
            }
            _ => {}
        }
    }
    let comments = html
        .into_iter()
        .flat_map(|r| find_comments(source, r))
        .collect();
    let prose = prose.finish(source);
    Prepared {
        sections: sections(&prose, &headings),
        prose,
        comments,
        body_start,
    }
}

fn hides_text(tag: &Tag) -> bool {
    match tag {
        Tag::MetadataBlock(_) | Tag::CodeBlock(_) | Tag::Heading { .. } | Tag::Image { .. } => true,
        Tag::Link { link_type, .. } => matches!(link_type, LinkType::Autolink | LinkType::Email),
        _ => false,
    }
}

/// Section ranges: one before the first heading (when it holds prose), then
/// one from each heading to the next.
fn sections(prose: &str, headings: &[usize]) -> Vec<Range<usize>> {
    let mut starts: Vec<usize> = headings.to_vec();
    starts.dedup();
    let first = starts.first().copied().unwrap_or(prose.len());
    let mut out = Vec::new();
    if starts.is_empty() || !prose[..first].trim().is_empty() {
        out.push(0..first);
    }
    for (i, &s) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(prose.len());
        out.push(s..end);
    }
    out
}

/// The marker of a list item starting at `start`: `-`, `*`, `+`, `1.` or `1)`.
fn list_marker(source: &str, start: usize) -> Range<usize> {
    let bytes = source.as_bytes();
    let mut end = start;
    while end < bytes.len() && bytes[end].is_ascii_digit() {
        end += 1;
    }
    match bytes.get(end) {
        Some(b'-' | b'*' | b'+') if end == start => end += 1,
        Some(b'.' | b')') if end > start => end += 1,
        _ => end = start,
    }
    start..end
}

/// Keeps the `>` markers that open a block quote (its first line). Markers
/// on wrapped lines are blanked: there the quote's text runs on.
fn keep_quote_markers(prose: &mut Blanker, source: &str, range: Range<usize>) {
    let bytes = source.as_bytes();
    let mut i = range.start;
    while i < range.end && matches!(bytes[i], b'>' | b' ' | b'\t') {
        if bytes[i] == b'>' {
            prose.keep(source, i..i + 1);
        }
        i += 1;
    }
}

/// The offset of the line after the one holding `offset`.
fn line_after(source: &str, offset: usize) -> usize {
    source[offset..]
        .find('\n')
        .map_or(source.len(), |i| offset + i + 1)
}

/// Every `<!-- … -->` inside `range` (an unclosed one runs to the range's end).
fn find_comments(source: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let piece = &source[range.clone()];
    let mut from = 0;
    while let Some(open) = piece[from..].find("<!--") {
        let start = from + open;
        let end = piece[start + 4..]
            .find("-->")
            .map_or(piece.len(), |i| start + 4 + i + 3);
        out.push(range.start + start..range.start + end);
        from = end;
    }
    out
}

/// Builds the prose copy byte by byte, keeping its length equal to the source's.
struct Blanker {
    bytes: Vec<u8>,
}

impl Blanker {
    /// All spaces, newlines where the source has them.
    fn blank_of(source: &str) -> Blanker {
        Blanker {
            bytes: source
                .bytes()
                .map(|b| if b == b'\n' { b'\n' } else { b' ' })
                .collect(),
        }
    }

    fn copy_of(source: &str) -> Blanker {
        Blanker {
            bytes: source.as_bytes().to_vec(),
        }
    }

    /// Copies the source's bytes of `range` (whole chars only).
    fn keep(&mut self, source: &str, range: Range<usize>) {
        if source.is_char_boundary(range.start) && source.is_char_boundary(range.end) {
            self.bytes[range.clone()].copy_from_slice(&source.as_bytes()[range]);
        }
    }

    /// Makes `range` spaces, newlines included (a soft line break).
    fn spaces(&mut self, range: Range<usize>) {
        for b in &mut self.bytes[range] {
            *b = b' ';
        }
    }

    /// Blanks `range` (newlines stay).
    fn blank(&mut self, range: Range<usize>) {
        for b in &mut self.bytes[range] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }

    /// The prose as a string. Whole chars are copied or every one of their
    /// bytes blanked, so it is valid UTF-8; were it not, nothing is kept.
    fn finish(self, source: &str) -> String {
        String::from_utf8(self.bytes).unwrap_or_else(|_| {
            source
                .bytes()
                .map(|b| if b == b'\n' { '\n' } else { ' ' })
                .collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose(md: &str) -> String {
        let p = prepare(md, Syntax::Markdown);
        assert_eq!(p.prose.len(), md.len(), "length must be kept");
        for (a, b) in p.prose.bytes().zip(md.bytes()) {
            assert!(
                a == b || a == b' ',
                "prose byte is either the source's or a space"
            );
            assert!(
                a != b'\n' || b == b'\n',
                "prose has no newline the file lacks"
            );
        }
        p.prose
    }

    #[test]
    fn front_matter_code_html_and_headings_are_blanked() {
        let md = "---\ntitle: We won\n---\n# We did it\nI led `we code` it.\n\n```\nwe\n```\n<!-- we -->\n";
        let p = prose(md);
        assert_eq!(p.trim(), "I led           it.");
        assert!(!p.contains("title"));
        let prepared = prepare(md, Syntax::Markdown);
        assert_eq!(prepared.body_start, md.find("# We").unwrap_or(0));
        assert_eq!(prepared.comments.len(), 1);
    }

    #[test]
    fn list_and_quote_markers_stay_link_targets_go() {
        let md = "- we did\n2. [the cut-over](http://x/we \"we\")\n\n> quoted\n> Again\n\n![we](we.png) ok <http://we.example>\n";
        let p = prose(md);
        let lines: Vec<&str> = p.lines().map(str::trim_end).collect();
        assert_eq!(lines[0], "- we did");
        assert_eq!(lines[1], "2.  the cut-over");
        // The quote's second line runs on from its first: one sentence.
        assert_eq!(lines[3], "> quoted   Again");
        assert_eq!(lines[5].trim(), "ok");
    }

    #[test]
    fn wrapped_lines_run_on_but_blocks_stay_apart() {
        let md = "We cut the cost on a\nSunday night.\n- First item\n- second item\n  wraps";
        let p = prose(md);
        assert_eq!(
            p,
            "We cut the cost on a Sunday night.\n- First item\n- second item   wraps"
        );
    }

    #[test]
    fn reference_definitions_and_table_pipes_are_blanked() {
        let md = "| We | I |\n|---|---|\n| a | b |\n\n[r]: http://we.example\n";
        let p = prose(md);
        assert_eq!(p.lines().next().map(str::trim), Some("We   I"));
        assert!(!p.contains("http"));
    }

    #[test]
    fn each_heading_starts_a_section() {
        let md = "intro\n## Team outcome\nWe shipped.\n## What I owned\nI owned it.\n";
        let p = prepare(md, Syntax::Markdown);
        let texts: Vec<&str> = p.sections.iter().map(|r| md[r.clone()].trim()).collect();
        assert_eq!(
            texts,
            [
                "intro",
                "## Team outcome\nWe shipped.",
                "## What I owned\nI owned it."
            ]
        );
        let no_intro = prepare("---\na: b\n---\n# T\nx\n", Syntax::Markdown);
        assert_eq!(no_intro.sections.len(), 1);
        assert_eq!(
            prepare("", Syntax::Markdown).sections.first(),
            Some(&(0..0))
        );
    }

    #[test]
    fn plain_text_keeps_everything_but_directives() {
        let t = "We did. <!-- evident-disable-line vague-we --> <!-- other -->";
        let p = prepare(t, Syntax::Text);
        let directive = "<!-- evident-disable-line vague-we -->";
        let blanked = t.replace(directive, &" ".repeat(directive.len()));
        assert_eq!(p.prose, blanked);
        assert_eq!(p.comments.len(), 1);
        assert_eq!(p.sections.len(), 1);
        assert_eq!(p.sections.first(), Some(&(0..t.len())));
    }

    #[test]
    fn multibyte_text_survives_blanking() {
        let md = "# Überschrift\nÜnïcode prose `cödé` — done.\n";
        let p = prose(md);
        assert!(p.contains("Ünïcode prose"));
        assert!(!p.contains("cödé"));
    }

    #[test]
    fn syntax_follows_the_extension() {
        assert_eq!(Syntax::for_path(Path::new("a/b.MD")), Syntax::Markdown);
        assert_eq!(Syntax::for_path(Path::new("a/b.txt")), Syntax::Text);
        assert_eq!(Syntax::for_path(Path::new("README")), Syntax::Text);
    }
}
