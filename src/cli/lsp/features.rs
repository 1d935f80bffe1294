//! What the server says about a document: diagnostics, quick fixes, hovers.

use super::super::lint::Diagnostic;
use super::super::position::Encoding;
use super::super::rules::{Code, Level};
use super::document::Document;
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, DiagnosticSeverity, DiagnosticTag, Hover,
    HoverContents, MarkupContent, MarkupKind, NumberOrString, Range, TextEdit, Uri, WorkspaceEdit,
};
use std::collections::HashMap;

/// `source` of every diagnostic.
pub const SOURCE: &str = "evident";

pub fn diagnostics(doc: &Document, enc: Encoding) -> Vec<lsp_types::Diagnostic> {
    doc.report
        .diagnostics
        .iter()
        .map(|d| to_lsp(doc, d, enc))
        .collect()
}

/// One diagnostic as the client sees it; an unused suppression is a hint,
/// shown as unnecessary (greyed out).
fn to_lsp(doc: &Document, d: &Diagnostic, enc: Encoding) -> lsp_types::Diagnostic {
    let unused = d.code == Code::UnusedSuppression;
    lsp_types::Diagnostic {
        range: doc.range(&d.span, enc),
        severity: Some(if unused {
            DiagnosticSeverity::HINT
        } else {
            match d.level {
                Level::Error => DiagnosticSeverity::ERROR,
                Level::Warning => DiagnosticSeverity::WARNING,
                Level::Info => DiagnosticSeverity::INFORMATION,
            }
        }),
        code: Some(NumberOrString::String(d.code.id().to_string())),
        source: Some(SOURCE.to_string()),
        message: d.message.clone(),
        tags: unused.then(|| vec![DiagnosticTag::UNNECESSARY]),
        ..lsp_types::Diagnostic::default()
    }
}

/// Diagnostics whose span meets `span` (an empty span at a diagnostic's end counts).
fn touching<'d>(
    doc: &'d Document,
    span: &std::ops::Range<usize>,
) -> impl Iterator<Item = &'d Diagnostic> {
    let span = span.clone();
    doc.report
        .diagnostics
        .iter()
        .filter(move |d| d.span.start <= span.end && span.start <= d.span.end)
}

/// Quick fixes for the diagnostics in `range`: disable the rule for the line
/// or the file; remove an unused suppression.
pub fn code_actions(
    doc: &Document,
    uri: &Uri,
    range: Range,
    enc: Encoding,
) -> Vec<CodeActionOrCommand> {
    let span = doc.span(range, enc);
    let mut actions: Vec<CodeAction> = Vec::new();
    for d in touching(doc, &span) {
        let edits = match d.code {
            Code::Rule(rule) => {
                let line = doc.lines.line_of(d.span.start);
                let eol = doc.lines.line_end(&doc.text, line);
                let line_edit = insert(
                    doc,
                    eol,
                    format!(" <!-- evident-disable-line {} -->", rule.id()),
                    enc,
                );
                let at = doc.report.body_start.min(doc.text.len());
                let lead = if at > 0 && !doc.text[..at].ends_with('\n') {
                    "\n"
                } else {
                    ""
                };
                let file_edit = insert(
                    doc,
                    at,
                    format!("{lead}<!-- evident-disable {} -->\n", rule.id()),
                    enc,
                );
                vec![
                    (format!("Disable {} for this line", rule.id()), line_edit),
                    (format!("Disable {} in this file", rule.id()), file_edit),
                ]
            }
            Code::UnusedSuppression => {
                vec![(
                    "Remove unused suppression".to_string(),
                    remove_comment(doc, d, enc),
                )]
            }
            Code::InvalidSuppression => Vec::new(),
        };
        for (title, edit) in edits {
            if actions.iter().any(|a| a.title == title) {
                continue;
            }
            actions.push(CodeAction {
                title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![to_lsp(doc, d, enc)]),
                edit: Some(WorkspaceEdit {
                    changes: Some(HashMap::from([(uri.clone(), vec![edit])])),
                    ..WorkspaceEdit::default()
                }),
                ..CodeAction::default()
            });
        }
    }
    actions
        .into_iter()
        .map(CodeActionOrCommand::CodeAction)
        .collect()
}

fn insert(doc: &Document, at: usize, text: String, enc: Encoding) -> TextEdit {
    TextEdit {
        range: doc.range(&(at..at), enc),
        new_text: text,
    }
}

/// Deletes a comment, with its line when nothing else is on it.
fn remove_comment(doc: &Document, d: &Diagnostic, enc: Encoding) -> TextEdit {
    let first = doc.lines.line_of(d.span.start);
    let last = doc
        .lines
        .line_of(d.span.end.saturating_sub(1).max(d.span.start));
    let (line_start, line_end) = (
        doc.lines.line_start(first),
        doc.lines.line_end(&doc.text, last),
    );
    let alone = doc.text[line_start..d.span.start].trim().is_empty()
        && doc.text[d.span.end..line_end].trim().is_empty();
    let span = if alone {
        line_start..doc.lines.line_start(last + 1)
    } else {
        // Take one space before a trailing comment with it.
        let before = if doc.text[..d.span.start].ends_with(' ') {
            1
        } else {
            0
        };
        d.span.start - before..d.span.end
    };
    TextEdit {
        range: doc.range(&span, enc),
        new_text: String::new(),
    }
}

/// The rule's explanation for the diagnostic under the cursor.
pub fn hover(doc: &Document, position: lsp_types::Position, enc: Encoding) -> Option<Hover> {
    let at = doc
        .lines
        .offset(&doc.text, position.line, position.character, enc);
    let d = touching(doc, &(at..at)).next()?;
    let value = match d.code.rule() {
        Some(rule) => {
            let info = rule.info();
            format!(
                "**{}** (`{}`)\n\n{}\n\n{}\n\n**Better:** {}\n\n**Example:** {}",
                info.title,
                rule.id(),
                d.message,
                info.description,
                d.suggestion,
                info.example_fix
            )
        }
        None => {
            let about = Code::META
                .iter()
                .find(|(c, _)| *c == d.code)
                .map_or("", |(_, about)| about);
            format!("**{}**\n\n{}\n\n{about}", d.code.id(), d.message)
        }
    };
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value,
        }),
        range: Some(doc.range(&d.span, enc)),
    })
}
