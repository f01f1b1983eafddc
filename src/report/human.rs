//! Human output: miette's graphical diagnostics, one per finding, with the labelled span
//! on its line, the related spans in the brief, and a `help:` line; then a summary.

use std::fmt;
use std::io::{self, Write};
use std::ops::Range;
use std::sync::Arc;

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode};

use super::excerpt::{Excerpt, escape_control};
use super::{Reporter, Totals, Written};
use crate::batch::FileResult;
use crate::finding::{Finding, Severity};
use crate::input::InputError;
use crate::source::SourceFile;

/// How to draw.
#[derive(Debug, Clone, Copy)]
pub struct HumanOptions {
    pub color: bool,
    pub width: usize,
}

/// One finding (or one related span of it) as a miette diagnostic.
#[derive(Debug)]
struct Shown {
    code: Option<String>,
    message: String,
    severity: miette::Severity,
    help: Option<String>,
    source: Excerpt,
    labels: Vec<LabeledSpan>,
    related: Vec<Shown>,
}

impl fmt::Display for Shown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Shown {}

impl Diagnostic for Shown {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.code
            .as_ref()
            .map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }
    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(self.related.iter().map(|r| r as &dyn Diagnostic)))
    }
}

/// A label must not start on a line break, or miette draws a multi-line arrow.
fn trimmed(source: &SourceFile, span: &Range<usize>) -> Range<usize> {
    let slice = source.text.get(span.clone()).unwrap_or("");
    let start = span.start + (slice.len() - slice.trim_start().len());
    start..start + slice.trim().len()
}

/// A diagnostic over an excerpt of `source` showing `spans` with their label texts.
fn excerpt_of(source: &SourceFile, spans: &[(&Range<usize>, &str)]) -> (Excerpt, Vec<LabeledSpan>) {
    let ranges: Vec<Range<usize>> = spans.iter().map(|(s, _)| trimmed(source, s)).collect();
    let (excerpt, mapped) = Excerpt::new(source, &ranges, 1);
    let labels = mapped
        .into_iter()
        .zip(spans)
        .map(|(range, (_, text))| {
            let text = (!text.is_empty()).then(|| escape_control(text));
            LabeledSpan::new(text, range.start, range.len())
        })
        .collect();
    (excerpt, labels)
}

fn shown(source: &Arc<SourceFile>, finding: &Finding) -> Shown {
    let mut spans = vec![(&finding.span, finding.label.as_str())];
    spans.extend(finding.secondary.iter().map(|l| (&l.span, l.text.as_str())));
    let (excerpt, labels) = excerpt_of(source, &spans);
    let related = finding
        .related
        .iter()
        .map(|r| {
            let (excerpt, labels) = excerpt_of(&r.source, &[(&r.span, r.label.as_str())]);
            Shown {
                code: None,
                message: escape_control(&r.label),
                severity: miette::Severity::Advice,
                help: None,
                source: excerpt,
                labels,
                related: Vec::new(),
            }
        })
        .collect();
    Shown {
        code: Some(finding.rule.to_string()),
        message: escape_control(&finding.message),
        severity: match finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Note => miette::Severity::Advice,
        },
        help: finding.help.as_deref().map(escape_control),
        source: excerpt,
        labels,
        related,
    }
}

pub fn handler(options: &HumanOptions) -> GraphicalReportHandler {
    let theme = if options.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    GraphicalReportHandler::new_themed(theme)
        .with_width(options.width)
        .with_links(false)
}

/// Renders any diagnostic (findings, configuration errors) the same way.
pub fn render(diagnostic: &dyn Diagnostic, options: &HumanOptions) -> String {
    let mut out = String::new();
    if handler(options)
        .render_report(&mut out, diagnostic)
        .is_err()
    {
        out = format!("{diagnostic}\n");
    }
    out
}

/// Diagnostics as miette draws them, then one sentence of totals.
pub struct Human {
    options: HumanOptions,
}

impl Human {
    pub fn new(options: &HumanOptions) -> Self {
        Self { options: *options }
    }
}

impl Reporter for Human {
    fn render(&self, file: &FileResult, out: &mut Vec<u8>) -> io::Result<()> {
        let source = &file.analysis.doc.source;
        for finding in &file.findings {
            out.write_all(render(&shown(source, finding), &self.options).as_bytes())?;
            writeln!(out)?;
        }
        Ok(())
    }

    fn finish(
        &self,
        _: &Written,
        _: &[InputError],
        totals: &Totals,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        writeln!(out, "{}", totals.sentence())
    }
}
