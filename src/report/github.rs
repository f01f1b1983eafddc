//! `--format github`: GitHub Actions workflow commands, which the Actions runner turns
//! into annotations on the pull request's changed lines.

use std::io::{self, Write};

use super::{Reporter, Totals, Written, line_cols};
use crate::batch::FileResult;
use crate::finding::Severity;
use crate::input::InputError;

/// Escapes a message (`%`, CR, LF).
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (also `:` and `,`).
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

pub struct Github;

impl Reporter for Github {
    fn render(&self, file: &FileResult, out: &mut Vec<u8>) -> io::Result<()> {
        let source = &file.analysis.doc.source;
        for finding in &file.findings {
            let (start, end) = line_cols(source, &finding.span);
            let level = match finding.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Note => "notice",
            };
            let mut message = finding.message.clone();
            if let Some(help) = &finding.help {
                message.push_str("\nhelp: ");
                message.push_str(help);
            }
            writeln!(
                out,
                "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                property(&source.name),
                start.line,
                start.column,
                end.line,
                end.column,
                property(&format!("brieflint {}", finding.rule)),
                data(&message)
            )?;
        }
        Ok(())
    }

    fn finish(
        &self,
        _: &Written,
        errors: &[InputError],
        _: &Totals,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        for error in errors {
            writeln!(
                out,
                "::error file={},title=brieflint::{}",
                property(&error.path),
                data(&error.message)
            )?;
        }
        Ok(())
    }
}
