//! `path:line:column: severity[rule] message`: one finding per line, for editors and grep.

use std::io::{self, Write};

use super::{Reporter, Totals, Written, escape_control};
use crate::batch::FileResult;
use crate::input::InputError;

pub struct Short;

impl Reporter for Short {
    fn render(&self, file: &FileResult, out: &mut Vec<u8>) -> io::Result<()> {
        let source = &file.analysis.doc.source;
        for finding in &file.findings {
            let at = source.line_col(finding.span.start);
            writeln!(
                out,
                "{}:{}:{}: {}[{}] {}",
                escape_control(&source.name),
                at.line,
                at.column,
                finding.severity.name(),
                finding.rule,
                escape_control(&finding.message)
            )?;
        }
        Ok(())
    }

    fn finish(
        &self,
        _: &Written,
        _: &[InputError],
        _: &Totals,
        _: &mut dyn Write,
    ) -> io::Result<()> {
        Ok(())
    }
}
