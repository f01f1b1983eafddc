//! Human output: miette's graphical diagnostics, one per finding, with the labelled span
//! on its line, the related spans in the brief, and a `help:` line; then a summary.

use std::fmt;
use std::io::{self, Write};
use std::sync::Arc;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};

use super::{Reporter, Totals};
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

/// A source file as miette sees it: its text, under its name.
#[derive(Debug)]
struct NamedFile(Arc<SourceFile>);

impl SourceCode for NamedFile {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self.0.text.read_span(span, before, after)?;
        Ok(Box::new(MietteSpanContents::new_named(
            self.0.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line(),
            inner.column(),
            inner.line_count(),
        )))
    }
}

/// One finding (or one related span of it) as a miette diagnostic.
#[derive(Debug)]
struct Shown {
    code: Option<String>,
    message: String,
    severity: miette::Severity,
    help: Option<String>,
    source: NamedFile,
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
fn label(source: &SourceFile, span: &std::ops::Range<usize>, text: &str) -> LabeledSpan {
    let slice = source.text.get(span.clone()).unwrap_or("");
    let start = span.start + (slice.len() - slice.trim_start().len());
    let len = slice.trim().len();
    let text = (!text.is_empty()).then(|| text.to_string());
    LabeledSpan::new(text, start, len)
}

fn shown(source: &Arc<SourceFile>, finding: &Finding) -> Shown {
    let mut labels = vec![label(source, &finding.span, &finding.label)];
    labels.extend(
        finding
            .secondary
            .iter()
            .map(|l| label(source, &l.span, &l.text)),
    );
    let related = finding
        .related
        .iter()
        .map(|r| Shown {
            code: None,
            message: r.label.clone(),
            severity: miette::Severity::Advice,
            help: None,
            source: NamedFile(r.source.clone()),
            labels: vec![label(&r.source, &r.span, &r.label)],
            related: Vec::new(),
        })
        .collect();
    Shown {
        code: Some(finding.rule.to_string()),
        message: finding.message.clone(),
        severity: match finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Note => miette::Severity::Advice,
        },
        help: finding.help.clone(),
        source: NamedFile(source.clone()),
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
    fn file(&mut self, file: &FileResult, out: &mut dyn Write) -> io::Result<()> {
        let source = &file.analysis.doc.source;
        for finding in &file.findings {
            out.write_all(render(&shown(source, finding), &self.options).as_bytes())?;
            writeln!(out)?;
        }
        Ok(())
    }

    fn finish(&mut self, _: &[InputError], totals: &Totals, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "{}", totals.sentence())
    }
}
