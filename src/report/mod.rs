//! Reporters: they render a [`BatchResult`] and never decide anything about it.

mod github;
mod human;
mod json;
mod sarif;
mod short;

use std::io::{self, Write};
use std::ops::Range;

use serde::Serialize;

use crate::batch::BatchResult;
use crate::document::SourceFile;
use crate::finding::Severity;

pub use human::{HumanOptions, render};

/// Output formats of `brieflint check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Diagnostics with the source lines, for people.
    Human,
    /// One JSON object with every file, finding and objective profile.
    Json,
    /// `path:line:column: severity[rule] message`, one per line.
    Short,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
    /// GitHub Actions annotations.
    Github,
}

/// Renders `result` in `format`.
pub fn write(
    format: Format,
    result: &BatchResult,
    human: &HumanOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Human => human::write(result, human, out),
        Format::Json => json::write(result, out),
        Format::Short => short::write(result, out),
        Format::Sarif => sarif::write(result, out),
        Format::Github => github::write(result, out),
    }
}

/// Where a span is, in every unit a consumer may want.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub byte_offset: usize,
    pub byte_len: usize,
    /// The exact source text of the span.
    pub text: String,
}

impl Location {
    pub fn new(source: &SourceFile, span: &Range<usize>) -> Self {
        let start = source.line_col(span.start);
        let end = source.line_col(span.end);
        Self {
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            byte_offset: span.start,
            byte_len: span.len(),
            text: source
                .text
                .get(span.clone())
                .unwrap_or_default()
                .to_string(),
        }
    }
}

/// Counts of findings by severity.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Totals {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub unreadable: usize,
}

impl Totals {
    pub fn of(result: &BatchResult) -> Self {
        let mut totals = Totals {
            files: result.files.len(),
            unreadable: result.errors.len(),
            ..Default::default()
        };
        for finding in result.files.iter().flat_map(|f| &f.findings) {
            match finding.severity {
                Severity::Error => totals.errors += 1,
                Severity::Warning => totals.warnings += 1,
            }
        }
        totals
    }

    /// "3 files checked: 1 error, 14 warnings (1 file could not be read)".
    pub fn sentence(&self) -> String {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let mut line = format!("{} checked: ", plural(self.files, "file"));
        line += &if self.errors + self.warnings == 0 {
            "no findings".to_string()
        } else {
            format!(
                "{}, {}",
                plural(self.errors, "error"),
                plural(self.warnings, "warning")
            )
        };
        if self.unreadable > 0 {
            line += &format!(" ({} could not be read)", plural(self.unreadable, "file"));
        }
        line
    }
}
