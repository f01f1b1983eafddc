//! The audit of an archive: what a batch says about the agency's writing as a whole.
//!
//! A [`Tally`] takes each checked file as it goes by and keeps only what the summary
//! needs; [`Tally::summary`] computes the rest. The writers only render the [`Summary`]
//! (text, JSON, CSV, self-contained HTML).

mod html;
mod text;
pub mod uri;

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::PathBuf;

use serde::{Serialize, Serializer};

pub use html::{Provenance, html, timestamp};
pub use text::write_text;

use crate::analysis::word_count;
use crate::batch::FileResult;
use crate::finding::{Payload, Severity};
use crate::source::SourceFile;
use crate::vocab::{DocKind, Lang, RuleId, Stage};

/// Files shorter than this stay out of the worst-files chart: three buzzwords in a
/// 40-word note make a density that says nothing about how the agency writes.
pub const WORST_MIN_WORDS: usize = 150;

/// The rules whose findings are figures a proposal and its brief disagree on (or a plan's
/// own sums that do not add up). Counted by name, so the count holds whichever of them a
/// build has.
pub const NUMERIC_CONFLICT_RULES: [&str; 4] = [
    "target-conflict",
    "budget-conflict",
    "timing-conflict",
    "plan-arithmetic",
];

/// A file as the report names it, and where it is on disk, for links. Serialised as the
/// name alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRef {
    pub name: String,
    /// Absolute, from the file's project path (`None` for standard input).
    pub absolute: Option<PathBuf>,
}

impl FileRef {
    pub fn of(source: &SourceFile) -> Self {
        Self {
            name: source.name.clone(),
            absolute: source
                .path
                .as_ref()
                .and(source.project.as_ref())
                .map(|p| p.absolute.clone()),
        }
    }
}

impl Serialize for FileRef {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.name)
    }
}

/// One audited file.
#[derive(Debug, Clone, Serialize)]
pub struct FileRow {
    pub path: FileRef,
    pub kind: DocKind,
    pub lang: Lang,
    pub words: usize,
    pub jargon: usize,
    /// Jargon findings per 1,000 words of prose.
    pub density: f64,
    pub stage: Option<Stage>,
    pub errors: usize,
    pub warnings: usize,
    /// The brief it was checked against.
    pub brief: Option<FileRef>,
    /// Whether it answers its brief with another objective (`None` without a brief).
    pub mismatch: Option<bool>,
    /// Findings of the [`NUMERIC_CONFLICT_RULES`].
    pub numeric_conflicts: usize,
}

/// A jargon dictionary entry and how often it was used, in any of its forms.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct TermCount {
    pub term: String,
    pub lang: Lang,
    pub count: usize,
}

/// A proposal that answers its brief with another objective.
#[derive(Debug, Clone, Serialize)]
pub struct Mismatch {
    pub proposal: FileRef,
    pub line: usize,
    pub brief: FileRef,
    pub proposal_stage: Option<Stage>,
    pub brief_stage: Option<Stage>,
    pub message: String,
}

/// Documents per objective stage (`none` for no KPI vocabulary), briefs and proposals
/// apart: an archive of conversion briefs answered by awareness plans must not read as
/// "half and half".
#[derive(Debug, Clone, Default, Serialize)]
pub struct Stages {
    pub briefs: BTreeMap<String, usize>,
    pub proposals: BTreeMap<String, usize>,
    /// Documents that are neither (memos, notes, status reports).
    pub neither: BTreeMap<String, usize>,
}

impl Stages {
    fn add(&mut self, kind: DocKind, stage: Option<Stage>) {
        let group = match kind {
            DocKind::Brief => &mut self.briefs,
            DocKind::Proposal => &mut self.proposals,
            DocKind::Unknown => &mut self.neither,
        };
        *group
            .entry(stage.map_or("none", Stage::name).to_string())
            .or_default() += 1;
    }

    /// The groups with their labels, in reading order.
    pub fn groups(&self) -> [(&'static str, &BTreeMap<String, usize>); 3] {
        [
            ("briefs", &self.briefs),
            ("proposals", &self.proposals),
            ("neither", &self.neither),
        ]
    }
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
    pub stages: Stages,
    pub mismatches: Vec<Mismatch>,
    /// Findings of the [`NUMERIC_CONFLICT_RULES`] over the whole archive.
    pub numeric_conflicts: usize,
    /// Files shorter than this many words are not ranked in `worst`.
    pub worst_min_words: usize,
    /// Files by jargon density, worst first (at most 10).
    pub worst: Vec<FileRow>,
    pub rows: Vec<FileRow>,
}

impl Summary {
    /// The proposals checked against a brief, in input order.
    pub fn pairs(&self) -> impl Iterator<Item = &FileRow> {
        self.rows.iter().filter(|r| r.brief.is_some())
    }
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
    /// By dictionary entry: term and language, the same in every configuration.
    terms: BTreeMap<(String, Lang), usize>,
    stages: Stages,
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
        let mut errors = 0;
        let mut numeric_conflicts = 0;
        let mut mismatch = false;
        let dicts = file.config.dicts.get();
        for finding in &file.findings {
            errors += usize::from(finding.severity == Severity::Error);
            if NUMERIC_CONFLICT_RULES.contains(&finding.rule.name()) {
                numeric_conflicts += 1;
            }
            if let Payload::Jargon { entry } = finding.payload {
                jargon += 1;
                // By dictionary entry: "перфомила" and "перфомить" are one term.
                let entry = dicts.entry(entry);
                *self
                    .terms
                    .entry((entry.term.clone(), entry.lang))
                    .or_default() += 1;
            }
            if finding.rule == RuleId::ObjectiveMismatch
                && let Some(brief) = &file.brief
            {
                mismatch = true;
                self.mismatches.push(Mismatch {
                    proposal: FileRef::of(source),
                    line: source.line_col(finding.span.start).line,
                    brief: FileRef::of(&brief.doc.source),
                    proposal_stage: analysis.objective.stage,
                    brief_stage: brief.objective.stage,
                    message: finding.message.clone(),
                });
            }
        }
        let stage = analysis.objective.stage;
        self.stages.add(analysis.kind, stage);
        let brief = file.brief.as_ref().map(|b| FileRef::of(&b.doc.source));
        self.rows.push(FileRow {
            path: FileRef::of(source),
            kind: analysis.kind,
            lang: analysis.doc.lang,
            words,
            jargon,
            density: density(jargon, words),
            stage,
            errors,
            warnings: file.findings.len() - errors,
            mismatch: brief.is_some().then_some(mismatch),
            brief,
            numeric_conflicts,
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
            .map(|((term, lang), count)| TermCount { term, lang, count })
            .collect();
        top_terms.sort_by(|a, b| b.count.cmp(&a.count).then(a.term.cmp(&b.term)));
        top_terms.truncate(15);
        let mut worst: Vec<FileRow> = rows
            .iter()
            .filter(|r| r.jargon > 0 && r.words >= WORST_MIN_WORDS)
            .cloned()
            .collect();
        worst.sort_by(|a, b| {
            b.density
                .total_cmp(&a.density)
                .then(a.path.name.cmp(&b.path.name))
        });
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
            numeric_conflicts: rows.iter().map(|r| r.numeric_conflicts).sum(),
            worst_min_words: WORST_MIN_WORDS,
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

/// A CSV text field: RFC 4180 quoting, and a leading `'` before `=`, `+`, `-`, `@` or a
/// tab or carriage return, so that a spreadsheet never runs a file name as a formula.
fn csv_text(text: &str) -> String {
    let guard = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        "'"
    } else {
        ""
    };
    format!("\"{guard}{}\"", text.replace('"', "\"\""))
}

/// One CSV row per file.
pub fn write_csv(summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "path,kind,lang,words,jargon,density_per_1000_words,stage,errors,warnings,brief,mismatch,numeric_conflicts"
    )?;
    for row in &summary.rows {
        let kind = serde_json::to_value(row.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        writeln!(
            out,
            "{},{kind},{},{},{},{},{},{},{},{},{},{}",
            csv_text(&row.path.name),
            row.lang,
            row.words,
            row.jargon,
            row.density,
            row.stage.map_or("none", Stage::name),
            row.errors,
            row.warnings,
            row.brief
                .as_ref()
                .map_or(String::new(), |b| csv_text(&b.name)),
            row.mismatch
                .map_or("", |m| if m { "true" } else { "false" }),
            row.numeric_conflicts,
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_text_is_quoted_and_never_a_formula() {
        assert_eq!(csv_text("a \"b\".md"), "\"a \"\"b\"\".md\"");
        assert_eq!(
            csv_text("=HYPERLINK(\"x\").md"),
            "\"'=HYPERLINK(\"\"x\"\").md\""
        );
        assert_eq!(csv_text("-2 plan.md"), "\"'-2 plan.md\"");
        assert_eq!(csv_text("plan-2.md"), "\"plan-2.md\"");
    }

    /// A numeric conflict rule added to the registry is counted (by its name here).
    #[test]
    fn every_conflict_rule_is_counted_as_a_numeric_conflict() {
        for rule in RuleId::ALL {
            if rule.name().ends_with("-conflict") || rule.name().ends_with("-arithmetic") {
                assert!(NUMERIC_CONFLICT_RULES.contains(&rule.name()), "{rule}");
            }
        }
    }
}
