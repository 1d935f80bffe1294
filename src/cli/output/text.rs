//! `FILE:LINE:COL: RULE: message`, the format compilers and editors parse.

use super::Run;
use std::io::{self, Write};

pub fn write(run: &Run, out: &mut dyn Write) -> io::Result<()> {
    for (path, d) in run.diagnostics() {
        writeln!(
            out,
            "{path}:{}:{}: {}: {}",
            d.start.line, d.start.col, d.code, d.message
        )?;
    }
    Ok(())
}
