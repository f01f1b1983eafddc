//! What happens to a document after it is analysed, in one chain and one place:
//! rules → severity from the configuration → suppression comments → baseline → changed
//! lines → fix (then the fixed document is checked again, through the same chain).
//!
//! The chain is pure per file (a baseline's counts are per file, since its keys name the
//! file), so it runs on the worker threads; the main thread only writes reports.

use std::sync::Arc;

use crate::analysis::Analysis;
use crate::baseline::{self, Baseline};
use crate::changed::ChangedLines;
use crate::config::Config;
use crate::dictionary::Dictionaries;
use crate::document::Document;
use crate::finding::Finding;
use crate::fix;
use crate::pairing::Pairing;
use crate::rules::{self, Context};
use crate::source::SourceFile;
use crate::suppress;
use crate::vocab::Lang;

/// What `--fix` does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FixMode {
    #[default]
    Off,
    /// Rewrite the files.
    Write,
    /// Compute a unified diff; write nothing.
    Diff,
}

/// The filters after the rules, shared by every file of a run.
#[derive(Debug, Default)]
pub struct Engine {
    pub baseline: Option<Baseline>,
    pub changed: Option<ChangedLines>,
    pub fix: FixMode,
    /// Keep each file's baseline keys (`--write-baseline`).
    pub record: bool,
}

/// What `--fix` did to one file.
#[derive(Debug, Default)]
pub struct FixOutcome {
    /// Fixes applied (or, with `--diff`, that would be).
    pub fixed: usize,
    /// The unified diff (`--diff`).
    pub diff: Option<String>,
    /// The whole fixed text (standard input).
    pub text: Option<String>,
    /// Why the file could not be written.
    pub error: Option<String>,
}

/// The result for one document.
pub struct FileResult {
    pub analysis: Arc<Analysis>,
    pub config: Arc<Config>,
    /// The brief this document was checked against.
    pub brief: Option<Arc<Analysis>>,
    /// How its brief was looked for (`None`: a brief, or not looked for).
    pub pairing: Option<Pairing>,
    pub findings: Vec<Finding>,
    /// Baseline keys of the findings before the baseline and changed-lines filters.
    pub recorded: Vec<baseline::Key>,
    pub fix: Option<FixOutcome>,
}

impl Engine {
    /// Runs the whole chain on one analysed document. `lang` is `--lang`, for checking a
    /// fixed document again.
    pub fn process(
        &self,
        analysis: Arc<Analysis>,
        config: Arc<Config>,
        brief: Option<Arc<Analysis>>,
        pairing: Option<Pairing>,
        lang: Option<Lang>,
    ) -> FileResult {
        let mut result = FileResult {
            findings: Vec::new(),
            recorded: Vec::new(),
            fix: None,
            analysis,
            config,
            brief,
            pairing,
        };
        self.check(&mut result);
        if self.fix != FixMode::Off {
            self.fix(&mut result, lang);
        }
        result
    }

    /// Rules, severity, suppressions, then (recording the keys first) baseline and
    /// changed lines.
    fn check(&self, result: &mut FileResult) {
        let mut findings = findings(
            &result.analysis,
            result.brief.as_deref(),
            result.pairing.as_ref(),
            &result.config,
        );
        let source = &result.analysis.doc.source;
        if self.record {
            result.recorded = findings.iter().map(|f| baseline::key(source, f)).collect();
        }
        if let Some(baseline) = &self.baseline {
            baseline.filter(source, &mut findings);
        }
        if let Some(changed) = &self.changed {
            changed.filter(source, &mut findings);
        }
        result.findings = findings;
    }

    /// Applies the safe fixes among the reported findings, then checks the fixed text
    /// again, so the report shows what remains at its new position.
    fn fix(&self, result: &mut FileResult, lang: Option<Lang>) {
        let source = result.analysis.doc.source.clone();
        let (fixed, count) = fix::apply(&source.text, &result.findings);
        let mut outcome = FixOutcome {
            fixed: count,
            ..FixOutcome::default()
        };
        match (self.fix, source.path.as_deref()) {
            (FixMode::Off, _) => return,
            (FixMode::Diff, _) if count > 0 => {
                outcome.diff = Some(fix::diff(&source.name, &source.text, &fixed));
            }
            (FixMode::Diff, _) => {}
            // Standard input: the fixed text is the output (even when nothing changed).
            (FixMode::Write, None) => {
                outcome.text = Some(fixed.clone());
                if count > 0 {
                    self.recheck(result, &source, fixed, lang);
                }
            }
            (FixMode::Write, Some(_)) if count == 0 => {}
            (FixMode::Write, Some(path)) => match fix::write(&source, path, &fixed) {
                Ok(()) => self.recheck(result, &source, fixed, lang),
                Err(err) => {
                    outcome.fixed = 0;
                    outcome.error = Some(err.to_string());
                }
            },
        }
        result.fix = Some(outcome);
    }

    fn recheck(
        &self,
        result: &mut FileResult,
        before: &SourceFile,
        fixed: String,
        lang: Option<Lang>,
    ) {
        let source = before.with_text(fixed);
        let kind = result.analysis.kind;
        let mut analysis = analyse(source, &result.config, lang);
        analysis.kind = kind;
        result.analysis = Arc::new(analysis);
        self.check(result);
    }
}

/// Parses and analyses a source under a configuration (`lang`: `--lang`).
pub fn analyse(source: Arc<SourceFile>, config: &Config, lang: Option<Lang>) -> Analysis {
    Analysis::new(
        Document::parse(source, lang.or(config.lang)),
        config.dicts.get(),
    )
}

/// The findings of the enabled rules at their configured severity, without the ones the
/// document's own comments silence.
pub fn findings(
    analysis: &Analysis,
    brief: Option<&Analysis>,
    pairing: Option<&Pairing>,
    config: &Config,
) -> Vec<Finding> {
    let dicts: &Dictionaries = config.dicts.get();
    let ctx = Context {
        doc: analysis,
        brief,
        pairing,
        dicts,
    };
    let mut findings = rules::check(&ctx, |rule| config.severity(rule).is_some());
    for finding in &mut findings {
        if let Some(severity) = config.configured_severity(finding.rule) {
            finding.severity = severity;
        }
    }
    suppress::apply(&analysis.doc, &mut findings);
    findings
}
