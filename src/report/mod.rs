//! Reporters: they render results as they come, file by file, and never decide anything
//! about them. Each file's part is rendered on the worker thread that checked it
//! ([`Reporter::render`], a pure function of the file); the main thread only adds what
//! depends on the output order ([`Written`]) and writes.

mod excerpt;
mod github;
mod human;
mod json;
mod sarif;
mod short;

use std::io::{self, Write};
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use serde::Serialize;

use crate::batch::{BatchResult, FileResult};
use crate::finding::Severity;
use crate::input::InputError;
use crate::source::{LineCol, SourceFile};
use crate::vocab::DocKind;

pub use excerpt::escape_control;
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

/// Renders a run as it goes: each file's part (anywhere), then, in output order, the
/// separators and the end of the report.
pub trait Reporter: Sync {
    /// One checked file's part of the report, from the file alone, so that the workers
    /// render files in parallel.
    fn render(&self, file: &FileResult, out: &mut Vec<u8>) -> io::Result<()>;
    /// Writes a file's `rendered` part in output order, with what the order decides.
    fn write(
        &self,
        _written: &mut Written,
        _file: &FileResult,
        rendered: &[u8],
        out: &mut dyn Write,
    ) -> io::Result<()> {
        out.write_all(rendered)
    }
    /// The end: the files that could not be checked, and the totals.
    fn finish(
        &self,
        written: &Written,
        errors: &[InputError],
        totals: &Totals,
        out: &mut dyn Write,
    ) -> io::Result<()>;
}

/// What a report remembers in output order, kept apart from the reporter so that the
/// workers can render while the main thread writes.
#[derive(Default)]
pub struct Written {
    /// Items written so far: files in JSON, results in SARIF (the first has no comma).
    items: usize,
    /// Project roots in order of first use (SARIF's `%SRCROOT%`, `%SRCROOT2%`…).
    roots: Vec<Arc<Path>>,
}

/// The reporter for `format`.
pub fn reporter(format: Format, human: &HumanOptions) -> Box<dyn Reporter> {
    match format {
        Format::Human => Box::new(human::Human::new(human)),
        Format::Json => Box::new(json::Json),
        Format::Short => Box::new(short::Short),
        Format::Sarif => Box::new(sarif::Sarif),
        Format::Github => Box::new(github::Github),
    }
}

/// Renders a collected `result` in `format`.
pub fn write(
    format: Format,
    result: &BatchResult,
    human: &HumanOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let reporter = reporter(format, human);
    let mut written = Written::default();
    let mut rendered = Vec::new();
    for file in &result.files {
        rendered.clear();
        reporter.render(file, &mut rendered)?;
        reporter.write(&mut written, file, &rendered, out)?;
    }
    reporter.finish(&written, &result.errors, &Totals::of(result), out)
}

/// Writes `value` as pretty JSON whose lines after the first are indented by `indent`,
/// so a streamed document reads as if it had been printed whole.
fn write_nested_json(out: &mut dyn Write, value: &impl Serialize, indent: &str) -> io::Result<()> {
    let out = Indented {
        out,
        indent: indent.as_bytes(),
    };
    Ok(serde_json::to_writer_pretty(out, value)?)
}

/// A writer that follows every line break with `indent`. JSON strings escape their line
/// breaks, so in serialised JSON every one is the serialiser's.
struct Indented<'a, W: Write + ?Sized> {
    out: &'a mut W,
    indent: &'a [u8],
}

impl<W: Write + ?Sized> Write for Indented<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.write_all(buf)?;
        Ok(buf.len())
    }

    fn write_all(&mut self, mut buf: &[u8]) -> io::Result<()> {
        while let Some(at) = buf.iter().position(|&b| b == b'\n') {
            self.out.write_all(&buf[..=at])?;
            self.out.write_all(self.indent)?;
            buf = &buf[at + 1..];
        }
        self.out.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// Where a span is, in every unit a consumer may want.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Location<'a> {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub byte_offset: usize,
    pub byte_len: usize,
    /// The exact source text of the span.
    pub text: &'a str,
}

impl<'a> Location<'a> {
    pub fn new(source: &'a SourceFile, span: &Range<usize>) -> Self {
        let (start, end) = line_cols(source, span);
        Self {
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            byte_offset: span.start,
            byte_len: span.len(),
            text: source.text.get(span.clone()).unwrap_or_default(),
        }
    }
}

/// Where `span` starts and ends. A span within one line ends on the line it starts on:
/// its characters are counted instead of looking the end up again.
fn line_cols(source: &SourceFile, span: &Range<usize>) -> (LineCol, LineCol) {
    let start = source.line_col(span.start);
    let end = match source.text.get(span.clone()) {
        Some(text) if !text.contains(['\n', '\r']) => LineCol {
            line: start.line,
            column: start.column + text.chars().count(),
        },
        _ => source.line_col(span.end),
    };
    (start, end)
}

/// Counts of findings by severity.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Totals {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
    pub unreadable: usize,
    /// Proposals checked without a brief (the pair rules did not run on them).
    pub unpaired: usize,
    /// Safe fixes applied (or shown, with `--diff`).
    pub fixed: usize,
}

impl Totals {
    pub fn of(result: &BatchResult) -> Self {
        let mut totals = Totals {
            unreadable: result.errors.len(),
            ..Default::default()
        };
        for file in &result.files {
            totals.add(file);
        }
        totals
    }

    /// Counts one more checked file.
    pub fn add(&mut self, file: &FileResult) {
        self.files += 1;
        if file.analysis.kind == DocKind::Proposal && file.brief.is_none() {
            self.unpaired += 1;
        }
        self.fixed += file.fix.as_ref().map_or(0, |f| f.fixed);
        for finding in &file.findings {
            match finding.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Note => self.notes += 1,
            }
        }
    }

    /// "3 files checked: 1 error, 14 warnings, 1 note; 1 proposal checked without a brief
    /// (1 file could not be read)"; after `--fix`: "3 files checked: 5 fixed, 2 remaining
    /// (0 errors, 2 warnings)".
    pub fn sentence(&self) -> String {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let remaining = self.errors + self.warnings + self.notes;
        let mut counts = vec![
            plural(self.errors, "error"),
            plural(self.warnings, "warning"),
        ];
        if self.notes > 0 {
            counts.push(plural(self.notes, "note"));
        }
        let counts = counts.join(", ");
        let mut line = format!("{} checked: ", plural(self.files, "file"));
        line += &match (self.fixed, remaining) {
            (0, 0) => "no findings".to_string(),
            (0, _) => counts,
            (fixed, 0) => format!("{fixed} fixed, 0 remaining"),
            (fixed, remaining) => format!("{fixed} fixed, {remaining} remaining ({counts})"),
        };
        if self.unpaired > 0 {
            line += &format!(
                "; {} checked without a brief",
                plural(self.unpaired, "proposal")
            );
        }
        if self.unreadable > 0 {
            line += &format!(" ({} could not be read)", plural(self.unreadable, "file"));
        }
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_ends_where_looking_its_end_up_says() {
        let text = "Plan\r\nна 2026: охват\rreach\n\nlast";
        let source = SourceFile::new(None, "p.md".into(), text.into());
        for start in 0..=text.len() {
            for end in start..=text.len() {
                let span = start..end;
                let looked_up = (source.line_col(start), source.line_col(end));
                assert_eq!(line_cols(&source, &span), looked_up, "{span:?}");
            }
        }
    }

    #[test]
    fn nested_json_is_indented_after_each_line_break() {
        let mut out = Vec::new();
        let value = serde_json::json!({ "a": [1, "x\ny"] });
        write_nested_json(&mut out, &value, "  ").unwrap();
        let pretty = serde_json::to_string_pretty(&value).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            pretty.replace('\n', "\n  ")
        );
    }
}
