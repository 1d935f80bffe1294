//! One open document: its text, kept current by incremental edits, and its
//! latest report.

use super::super::config::{Config, Discovery};
use super::super::input::Syntax;
use super::super::lint::{lint, FileReport, Options};
use super::super::position::{Encoding, LineIndex};
use lsp_types::{Range, TextDocumentContentChangeEvent, Uri};
use std::path::PathBuf;
use std::sync::Arc;

pub struct Document {
    pub text: String,
    pub version: i32,
    pub syntax: Syntax,
    pub lines: LineIndex,
    pub report: FileReport,
    config: Arc<Config>,
    /// Excluded by its config: no diagnostics.
    excluded: bool,
}

/// A `file:` URI's path.
pub fn file_path(uri: &Uri) -> Option<PathBuf> {
    if !uri
        .scheme()
        .is_some_and(|s| s.as_str().eq_ignore_ascii_case("file"))
    {
        return None;
    }
    let decoded = uri.path().as_estr().decode().into_string().ok()?;
    // `file:///C:/x` on Windows: drop the slash before the drive letter.
    let bytes = decoded.as_bytes();
    let path = if cfg!(windows) && bytes.len() > 2 && bytes[0] == b'/' && bytes[2] == b':' {
        &decoded[1..]
    } else {
        &decoded[..]
    };
    Some(PathBuf::from(path))
}

impl Document {
    /// Opens a document; a config that cannot be read is returned as the
    /// error text alongside a document linted with the defaults.
    pub fn open(
        uri: &Uri,
        language_id: &str,
        version: i32,
        text: String,
    ) -> (Document, Option<String>) {
        let path = file_path(uri);
        let syntax = match language_id {
            "markdown" | "mdx" => Syntax::Markdown,
            "plaintext" | "text" => Syntax::Text,
            _ => path.as_deref().map_or(Syntax::Text, Syntax::for_path),
        };
        let mut discovery = Discovery::new(None);
        let (config, problem) = match discovery.for_file(path.as_deref()) {
            Ok(c) => (c, None),
            Err(e) => (
                Arc::new(Config::defaults(std::path::Path::new("/"))),
                Some(e.to_string()),
            ),
        };
        let excluded = path.as_deref().is_some_and(|p| config.excludes(p));
        let mut doc = Document {
            lines: LineIndex::new(&text),
            text,
            version,
            syntax,
            report: FileReport::default(),
            config,
            excluded,
        };
        doc.relint();
        (doc, problem)
    }

    /// Applies the changes of one `didChange`, in order.
    pub fn change(
        &mut self,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
        enc: Encoding,
    ) {
        for c in changes {
            match c.range {
                Some(range) => {
                    let span = self.span(range, enc);
                    self.text.replace_range(span, &c.text);
                }
                None => self.text = c.text,
            }
            self.lines = LineIndex::new(&self.text);
        }
        self.version = version;
        self.relint();
    }

    /// Byte span of an LSP range (start and end ordered).
    pub fn span(&self, range: Range, enc: Encoding) -> std::ops::Range<usize> {
        let a = self
            .lines
            .offset(&self.text, range.start.line, range.start.character, enc);
        let b = self
            .lines
            .offset(&self.text, range.end.line, range.end.character, enc);
        a.min(b)..a.max(b)
    }

    /// The LSP range of a byte span.
    pub fn range(&self, span: &std::ops::Range<usize>, enc: Encoding) -> Range {
        let pos = |offset: usize| {
            let (line, character) = self.lines.lsp_position(&self.text, offset, enc);
            lsp_types::Position { line, character }
        };
        Range {
            start: pos(span.start),
            end: pos(span.end),
        }
    }

    fn relint(&mut self) {
        self.report = if self.excluded {
            FileReport::default()
        } else {
            let options = Options {
                report_unused_suppressions: true,
            };
            lint(&self.text, self.syntax, &self.config, options)
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::Position;
    use std::str::FromStr;

    fn uri(s: &str) -> Uri {
        Uri::from_str(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    fn range(a: (u32, u32), b: (u32, u32)) -> Option<Range> {
        Some(Range {
            start: Position {
                line: a.0,
                character: a.1,
            },
            end: Position {
                line: b.0,
                character: b.1,
            },
        })
    }

    #[test]
    fn file_uris_decode_to_paths() {
        assert_eq!(
            file_path(&uri("file:///tmp/my%20stories/a.md")),
            Some(PathBuf::from("/tmp/my stories/a.md"))
        );
        assert_eq!(file_path(&uri("untitled:Untitled-1")), None);
    }

    #[test]
    fn incremental_edits_apply_in_order_in_utf16() {
        let (mut doc, _) = Document::open(
            &uri("untitled:a"),
            "markdown",
            1,
            "I 🚀 led it.\nok".to_string(),
        );
        let change = |range, text: &str| TextDocumentContentChangeEvent {
            range,
            range_length: None,
            text: text.to_string(),
        };
        // "led" starts at UTF-16 column 5 (the rocket is two units).
        doc.change(
            2,
            vec![
                change(range((0, 5), (0, 8)), "ran"),
                change(range((1, 2), (1, 2)), "!"),
            ],
            Encoding::Utf16,
        );
        assert_eq!(doc.text, "I 🚀 ran it.\nok!");
        assert_eq!(doc.version, 2);
        doc.change(3, vec![change(None, "We did it.")], Encoding::Utf16);
        assert_eq!(doc.text, "We did it.");
        assert_eq!(
            doc.report.diagnostics.first().map(|d| d.code.id()),
            Some("vague-we")
        );
    }
}
