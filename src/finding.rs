//! What a rule reports: a located problem with a message, help and suggestions.

use std::ops::Range;
use std::sync::Arc;

use serde::Serialize;

use crate::source::SourceFile;
use crate::vocab::{KpiId, RuleId, Stage};

/// How serious a finding is. Ordered: `Warning < Error`.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    serde::Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Information that never fails a run unless `--deny note`.
    Note,
    Warning,
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A span in another file (the brief, for a proposal's finding) shown next to the finding.
#[derive(Debug, Clone)]
pub struct Related {
    pub source: Arc<SourceFile>,
    pub span: Range<usize>,
    pub label: String,
}

/// A secondary span in the same file.
#[derive(Debug, Clone)]
pub struct Label {
    pub span: Range<usize>,
    pub text: String,
}

/// A replacement that `--fix` may apply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub span: Range<usize>,
    pub replacement: String,
}

/// What a finding is about, typed, for the consumers that need more than its message
/// (the audit counts jargon by dictionary entry, mismatches by stage).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Payload {
    #[default]
    None,
    /// A jargon entry, by index in `Dictionaries::entries`.
    Jargon { entry: u32 },
    /// The proposal's objective stage, and the brief's.
    Mismatch { ours: Stage, theirs: Stage },
    /// A KPI the finding is about.
    Kpi { kpi: KpiId },
}

/// One problem found in one document.
#[derive(Debug, Clone)]
pub struct Finding {
    pub rule: RuleId,
    pub payload: Payload,
    pub severity: Severity,
    pub message: String,
    /// Byte range in the document's source.
    pub span: Range<usize>,
    /// What the primary label under the span says.
    pub label: String,
    pub secondary: Vec<Label>,
    pub related: Vec<Related>,
    pub help: Option<String>,
    pub suggestion: Option<String>,
    pub fix: Option<Fix>,
}

impl Finding {
    pub fn new(
        rule: RuleId,
        severity: Severity,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            rule,
            payload: Payload::None,
            severity,
            message: message.into(),
            span,
            label: String::new(),
            secondary: Vec::new(),
            related: Vec::new(),
            help: None,
            suggestion: None,
            fix: None,
        }
    }

    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_payload(mut self, payload: Payload) -> Self {
        self.payload = payload;
        self
    }

    /// Adds a span of another document (the brief) that the finding is judged against.
    pub fn with_related(
        mut self,
        source: &Arc<SourceFile>,
        span: Range<usize>,
        label: impl Into<String>,
    ) -> Self {
        self.related.push(Related {
            source: source.clone(),
            span,
            label: label.into(),
        });
        self
    }
}
