//! `path:line:column: severity[rule] message`: one finding per line, for editors and grep.

use std::io::{self, Write};

use crate::batch::BatchResult;

pub fn write(result: &BatchResult, out: &mut dyn Write) -> io::Result<()> {
    for file in &result.files {
        let source = &file.analysis.doc.source;
        for finding in &file.findings {
            let at = source.line_col(finding.span.start);
            writeln!(
                out,
                "{}:{}:{}: {}[{}] {}",
                source.name,
                at.line,
                at.column,
                finding.severity.name(),
                finding.rule,
                finding.message
            )?;
        }
    }
    Ok(())
}
