//! Checkstyle XML, read by Jenkins' warnings plugin, reviewdog and others.
//!
//! Written by hand: escaping five characters is all it takes, and an XML
//! crate would add nothing here.

use super::Run;
use std::io::{self, Write};

pub fn write(run: &Run, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<checkstyle version="4.3">"#)?;
    for f in &run.files {
        writeln!(out, r#"  <file name="{}">"#, escape(&f.path))?;
        for d in &f.report.diagnostics {
            writeln!(
                out,
                r#"    <error line="{}" column="{}" severity="{}" message="{}" source="evident-check.{}"/>"#,
                d.start.line,
                d.start.col,
                d.level,
                escape(&d.message),
                d.code
            )?;
        }
        writeln!(out, "  </file>")?;
    }
    for e in &run.errors {
        writeln!(out, r#"  <file name="{}">"#, escape(&e.path))?;
        writeln!(
            out,
            r#"    <error severity="error" message="{}" source="evident-check"/>"#,
            escape(&e.message)
        )?;
        writeln!(out, "  </file>")?;
    }
    writeln!(out, "</checkstyle>")
}

/// Escapes text for an XML attribute; characters XML 1.0 cannot carry become U+FFFD.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\t' => out.push_str("&#9;"),
            '\r' => out.push_str("&#13;"),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn attributes_are_escaped() {
        assert_eq!(
            escape("a<b & \"c\" 'd'\n\u{1}"),
            "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&#10;\u{fffd}"
        );
    }
}
