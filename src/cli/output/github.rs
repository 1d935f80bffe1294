//! GitHub Actions workflow commands: `::warning file=…,line=…::message`
//! lines become annotations on the pull request's diff.

use super::super::rules::Level;
use super::Run;
use std::io::{self, Write};

pub fn write(run: &Run, out: &mut dyn Write) -> io::Result<()> {
    for (path, d) in run.diagnostics() {
        let command = match d.level {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Info => "notice",
        };
        let mut message = d.message.clone();
        if !d.suggestion.is_empty() {
            message.push_str("\n\nBetter: ");
            message.push_str(&d.suggestion);
        }
        // GitHub's end column is inclusive: the column of the span's last char.
        let end_col = if d.end.line == d.start.line {
            d.end.col.saturating_sub(1).max(d.start.col)
        } else {
            d.end.col
        };
        writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            property(path),
            d.start.line,
            d.start.col,
            d.end.line,
            end_col,
            property(&format!("evident-check {}", d.code)),
            data(&message)
        )?;
    }
    for e in &run.errors {
        writeln!(
            out,
            "::error file={},title=evident-check::{}",
            property(&e.path),
            data(&e.message)
        )?;
    }
    Ok(())
}

/// Escapes a command's message.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command's property value.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_workflow_command_rules() {
        assert_eq!(data("100%\r\nnext"), "100%25%0D%0Anext");
        assert_eq!(property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
