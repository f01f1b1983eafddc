//! The audit of an archive: what a batch says about the agency's writing as a whole.
//!
//! A [`Tally`] takes each checked file as it goes by and keeps only what the summary
//! needs; [`Tally::summary`] computes the rest. The writers only render the [`Summary`]
//! (text, JSON, CSV, self-contained HTML).

mod html;
mod text;

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

pub use html::html;
pub use text::write_text;

use crate::analysis::word_count;
use crate::batch::FileResult;
use crate::finding::Payload;
use crate::vocab::Lang;
use crate::vocab::{DocKind, RuleId, Stage};

/// One audited file.
#[derive(Debug, Clone, Serialize)]
pub struct FileRow {
    pub path: String,
    pub kind: DocKind,
    pub lang: Lang,
    pub words: usize,
    pub jargon: usize,
    /// Jargon findings per 1,000 words of prose.
    pub density: f64,
    pub stage: Option<Stage>,
    pub errors: usize,
    pub warnings: usize,
}

/// A jargon term and how often it was used.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct TermCount {
    pub term: String,
    pub count: usize,
}

/// A proposal that answers its brief with another objective.
#[derive(Debug, Clone, Serialize)]
pub struct Mismatch {
    pub proposal: String,
    pub line: usize,
    pub brief: String,
    pub proposal_stage: Option<Stage>,
    pub brief_stage: Option<Stage>,
    pub message: String,
}

/// Everything the audit reports.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub files: usize,
    pub unreadable: usize,
    pub words: usize,
    pub jargon: usize,
    /// Jargon findings per 1,000 words over the whole archive.
    pub density: f64,
    pub top_terms: Vec<TermCount>,
    /// Documents per objective stage (`none` for no KPI vocabulary).
    pub stages: BTreeMap<String, usize>,
    pub mismatches: Vec<Mismatch>,
    /// Files by jargon density, worst first (at most 10).
    pub worst: Vec<FileRow>,
    pub rows: Vec<FileRow>,
}

fn density(findings: usize, words: usize) -> f64 {
    if words == 0 {
        0.0
    } else {
        (findings as f64 * 1000.0 / words as f64 * 10.0).round() / 10.0
    }
}

/// What the audit keeps of each file.
#[derive(Debug, Default)]
pub struct Tally {
    terms: BTreeMap<String, usize>,
    stages: BTreeMap<String, usize>,
    rows: Vec<FileRow>,
    mismatches: Vec<Mismatch>,
}

impl Tally {
    pub fn add(&mut self, file: &FileResult) {
        let analysis = &file.analysis;
        let source = &analysis.doc.source;
        let words = analysis
            .doc
            .segments
            .iter()
            .map(|s| word_count(&s.text))
            .sum();
        let mut jargon = 0;
        let entries = &file.config.dicts.get().entries;
        for finding in &file.findings {
            if let Payload::Jargon { entry } = finding.payload {
                jargon += 1;
                // By dictionary entry: "перфомила" and "перфомить" are one term.
                let term = &entries[entry as usize].term;
                *self.terms.entry(term.clone()).or_default() += 1;
            }
            if finding.rule == RuleId::ObjectiveMismatch {
                self.mismatches.push(Mismatch {
                    proposal: source.name.clone(),
                    line: source.line_col(finding.span.start).line,
                    brief: file
                        .brief
                        .as_ref()
                        .map(|b| b.doc.source.name.clone())
                        .unwrap_or_default(),
                    proposal_stage: analysis.objective.stage,
                    brief_stage: file.brief.as_ref().and_then(|b| b.objective.stage),
                    message: finding.message.clone(),
                });
            }
        }
        let stage = analysis.objective.stage;
        *self
            .stages
            .entry(stage.map_or("none", Stage::name).to_string())
            .or_default() += 1;
        let errors = file
            .findings
            .iter()
            .filter(|f| f.severity == crate::finding::Severity::Error)
            .count();
        self.rows.push(FileRow {
            path: source.name.clone(),
            kind: analysis.kind,
            lang: analysis.doc.lang,
            words,
            jargon,
            density: density(jargon, words),
            stage,
            errors,
            warnings: file.findings.len() - errors,
        });
    }

    /// The summary of every file added, `unreadable` files aside.
    pub fn summary(self, unreadable: usize) -> Summary {
        let Tally {
            terms,
            stages,
            rows,
            mismatches,
        } = self;
        let mut top_terms: Vec<TermCount> = terms
            .into_iter()
            .map(|(term, count)| TermCount { term, count })
            .collect();
        top_terms.sort_by(|a, b| b.count.cmp(&a.count).then(a.term.cmp(&b.term)));
        top_terms.truncate(15);
        let mut worst: Vec<FileRow> = rows.iter().filter(|r| r.jargon > 0).cloned().collect();
        worst.sort_by(|a, b| b.density.total_cmp(&a.density).then(a.path.cmp(&b.path)));
        worst.truncate(10);
        let words: usize = rows.iter().map(|r| r.words).sum();
        let jargon: usize = rows.iter().map(|r| r.jargon).sum();
        Summary {
            files: rows.len(),
            unreadable,
            words,
            jargon,
            density: density(jargon, words),
            top_terms,
            stages,
            mismatches,
            worst,
            rows,
        }
    }
}

/// The summary as one JSON object.
pub fn write_json(summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, summary)?;
    writeln!(out)
}

/// One CSV row per file (RFC 4180 quoting).
pub fn write_csv(summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "path,kind,lang,words,jargon,density_per_1000_words,stage,errors,warnings"
    )?;
    for row in &summary.rows {
        let quoted = format!("\"{}\"", row.path.replace('"', "\"\""));
        let kind = serde_json::to_value(row.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        writeln!(
            out,
            "{quoted},{kind},{},{},{},{},{},{},{}",
            row.lang,
            row.words,
            row.jargon,
            row.density,
            row.stage.map_or("none", Stage::name),
            row.errors,
            row.warnings
        )?;
    }
    Ok(())
}
