//! `evident-check lsp`: a language server over standard input and output
//! (lsp-server, the scaffold rust-analyzer uses, and lsp-types). Documents are
//! synced incrementally and relinted on every change (a 1,500-word story takes
//! well under a millisecond), diagnostics are published with the document's
//! version, and code actions and hovers read the latest report.

mod document;
mod features;

use super::position::Encoding;
use document::Document;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, Notification as _,
    PublishDiagnostics, ShowMessage,
};
use lsp_types::request::{CodeActionRequest, HoverRequest, Request as _};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionParams, CodeActionProviderCapability,
    DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    HoverParams, HoverProviderCapability, InitializeParams, MessageType, PositionEncodingKind,
    PublishDiagnosticsParams, ServerCapabilities, ShowMessageParams, TextDocumentSyncCapability,
    TextDocumentSyncKind, Uri,
};
use std::collections::HashMap;
use std::process::ExitCode;

/// Runs the server until the client says `exit`.
pub fn run() -> ExitCode {
    let (connection, io_threads) = Connection::stdio();
    let served = serve(&connection);
    drop(connection);
    let joined = io_threads.join();
    match (served, joined) {
        (Ok(()), Ok(())) => ExitCode::SUCCESS,
        (Err(e), _) => {
            eprintln!("evident-check lsp: {e}");
            ExitCode::from(2)
        }
        (_, Err(e)) => {
            eprintln!("evident-check lsp: {e}");
            ExitCode::from(2)
        }
    }
}

/// UTF-8 when the client offers it (no conversion), UTF-16 otherwise.
fn negotiate(init: &InitializeParams) -> (Encoding, PositionEncodingKind) {
    let offered = init
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref());
    if offered.is_some_and(|o| o.contains(&PositionEncodingKind::UTF8)) {
        (Encoding::Utf8, PositionEncodingKind::UTF8)
    } else {
        (Encoding::Utf16, PositionEncodingKind::UTF16)
    }
}

fn capabilities(encoding: PositionEncodingKind) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding),
        text_document_sync: Some(TextDocumentSyncCapability::Kind(
            TextDocumentSyncKind::INCREMENTAL,
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        })),
        ..ServerCapabilities::default()
    }
}

struct Server<'c> {
    connection: &'c Connection,
    encoding: Encoding,
    documents: HashMap<Uri, Document>,
}

fn serve(connection: &Connection) -> Result<(), String> {
    let (id, params) = connection.initialize_start().map_err(|e| e.to_string())?;
    let init: InitializeParams =
        serde_json::from_value(params).map_err(|e| format!("bad initialize params: {e}"))?;
    let (encoding, kind) = negotiate(&init);
    let result = serde_json::json!({
        "capabilities": capabilities(kind),
        "serverInfo": { "name": "evident-check", "version": env!("CARGO_PKG_VERSION") },
    });
    connection
        .initialize_finish(id, result)
        .map_err(|e| e.to_string())?;
    let mut server = Server {
        connection,
        encoding,
        documents: HashMap::new(),
    };
    for message in &connection.receiver {
        match message {
            Message::Request(req) => {
                if connection
                    .handle_shutdown(&req)
                    .map_err(|e| e.to_string())?
                {
                    return Ok(());
                }
                server.request(req);
            }
            Message::Notification(n) => server.notification(n),
            Message::Response(_) => {}
        }
    }
    Ok(())
}

impl Server<'_> {
    fn send(&self, message: impl Into<Message>) {
        // The client went away: the receive loop ends on its own.
        let _ = self.connection.sender.send(message.into());
    }

    fn request(&mut self, req: Request) {
        let response = match req.method.as_str() {
            HoverRequest::METHOD => self.respond(&req, |s, p: HoverParams| {
                let at = p.text_document_position_params;
                s.documents
                    .get(&at.text_document.uri)
                    .and_then(|d| features::hover(d, at.position, s.encoding))
            }),
            CodeActionRequest::METHOD => self.respond(&req, |s, p: CodeActionParams| {
                let uri = p.text_document.uri;
                s.documents
                    .get(&uri)
                    .map(|d| features::code_actions(d, &uri, p.range, s.encoding))
            }),
            _ => Response::new_err(
                req.id.clone(),
                ErrorCode::MethodNotFound as i32,
                format!("unhandled method {}", req.method),
            ),
        };
        self.send(response);
    }

    fn respond<P, R>(&self, req: &Request, f: impl FnOnce(&Self, P) -> R) -> Response
    where
        P: serde::de::DeserializeOwned,
        R: serde::Serialize,
    {
        match serde_json::from_value::<P>(req.params.clone()) {
            Ok(params) => Response::new_ok(req.id.clone(), f(self, params)),
            Err(e) => Response::new_err(
                req.id.clone(),
                ErrorCode::InvalidParams as i32,
                e.to_string(),
            ),
        }
    }

    fn notification(&mut self, n: Notification) {
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidOpenTextDocumentParams>(n.params) {
                    let d = p.text_document;
                    let (doc, problem) = Document::open(&d.uri, &d.language_id, d.version, d.text);
                    if let Some(message) = problem {
                        self.send(Notification::new(
                            ShowMessage::METHOD.to_string(),
                            ShowMessageParams {
                                typ: MessageType::ERROR,
                                message: format!("evident-check: {message}; using the defaults"),
                            },
                        ));
                    }
                    self.documents.insert(d.uri.clone(), doc);
                    self.publish(&d.uri);
                }
            }
            DidChangeTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidChangeTextDocumentParams>(n.params) {
                    let uri = p.text_document.uri;
                    if let Some(doc) = self.documents.get_mut(&uri) {
                        doc.change(p.text_document.version, p.content_changes, self.encoding);
                        self.publish(&uri);
                    }
                }
            }
            DidCloseTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidCloseTextDocumentParams>(n.params) {
                    self.documents.remove(&p.text_document.uri);
                    self.send(Notification::new(
                        PublishDiagnostics::METHOD.to_string(),
                        PublishDiagnosticsParams {
                            uri: p.text_document.uri,
                            diagnostics: Vec::new(),
                            version: None,
                        },
                    ));
                }
            }
            _ => {}
        }
    }

    fn publish(&self, uri: &Uri) {
        if let Some(doc) = self.documents.get(uri) {
            self.send(Notification::new(
                PublishDiagnostics::METHOD.to_string(),
                PublishDiagnosticsParams {
                    uri: uri.clone(),
                    diagnostics: features::diagnostics(doc, self.encoding),
                    version: Some(doc.version),
                },
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn init(encodings: serde_json::Value) -> InitializeParams {
        serde_json::from_value(serde_json::json!({
            "processId": null,
            "rootUri": null,
            "capabilities": { "general": { "positionEncodings": encodings } },
        }))
        .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn utf8_positions_when_offered_utf16_otherwise() {
        assert_eq!(
            negotiate(&init(serde_json::json!(["utf-8", "utf-16"]))).0,
            Encoding::Utf8
        );
        assert_eq!(
            negotiate(&init(serde_json::json!(["utf-32", "utf-16"]))).0,
            Encoding::Utf16
        );
        assert_eq!(negotiate(&init(serde_json::Value::Null)).0, Encoding::Utf16);
    }
}
