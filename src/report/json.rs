//! `--format json`: one object `{"files": [...], "errors": [...], "summary": {...}}`.
//! Field names are a contract (`score.py` and CI scripts read them): add, never rename.

use std::io::{self, Write};

use serde::Serialize;

use super::{Location, Reporter, Totals, Written, write_nested_json};
use crate::analysis::Analysis;
use crate::analysis::figures::{Kind, Shown};
use crate::batch::FileResult;
use crate::dictionary::Dictionaries;
use crate::finding::{Finding, Severity};
use crate::input::InputError;
use crate::vocab::{DocKind, Stage};
use crate::vocab::{Lang, RuleId};

#[derive(Serialize)]
struct ErrorJson<'a> {
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    path_bytes: Option<&'a [u8]>,
    message: &'a str,
}

#[derive(Serialize)]
struct FileJson<'a> {
    path: &'a str,
    /// The file name's bytes, only when it is not UTF-8 (`path` then shows `\xNN`
    /// escapes): a script can find the file from them.
    #[serde(skip_serializing_if = "Option::is_none")]
    path_bytes: Option<&'a [u8]>,
    kind: DocKind,
    /// The few spans that decided `kind` from the text (empty when the front matter or the
    /// file name did, or when nothing did).
    kind_evidence: Vec<Location<'a>>,
    lang: Lang,
    brief: Option<&'a str>,
    objective: ObjectiveJson<'a>,
    findings: Vec<FindingJson<'a>>,
    figures: Vec<FigureJson<'a>>,
}

/// A figure the document states: its targets, budgets, dates, totals and shares (background
/// facts, baselines, conditions and a KPI's figures in passing are left out).
#[derive(Serialize)]
struct FigureJson<'a> {
    kind: &'static str,
    kpi: Option<&'a str>,
    comparator: &'static str,
    value: Shown,
    unit: &'static str,
    line: usize,
    column: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct ObjectiveJson<'a> {
    stage: Option<Stage>,
    scores: Scores,
    kpis: Vec<&'a str>,
    evidence: Vec<EvidenceJson<'a>>,
}

#[derive(Serialize)]
struct Scores {
    awareness: f32,
    consideration: f32,
    conversion: f32,
    loyalty: f32,
}

#[derive(Serialize)]
struct EvidenceJson<'a> {
    kpi: &'a str,
    weight: f32,
    #[serde(flatten)]
    location: Location<'a>,
}

#[derive(Serialize)]
struct FindingJson<'a> {
    rule: RuleId,
    severity: Severity,
    message: &'a str,
    #[serde(flatten)]
    location: Location<'a>,
    suggestion: Option<&'a str>,
    help: Option<&'a str>,
    related: Vec<RelatedJson<'a>>,
}

#[derive(Serialize)]
struct RelatedJson<'a> {
    path: &'a str,
    label: &'a str,
    #[serde(flatten)]
    location: Location<'a>,
}

/// The bytes of `path` when it is not UTF-8.
fn path_bytes(path: Option<&std::path::Path>) -> Option<&[u8]> {
    let name = path?.as_os_str();
    name.to_str().is_none().then_some(name.as_encoded_bytes())
}

fn round(x: f32) -> f32 {
    (x * 1000.0).round() / 1000.0
}

fn objective<'a>(analysis: &'a Analysis, dicts: &'a Dictionaries) -> ObjectiveJson<'a> {
    let [awareness, consideration, conversion, loyalty] = analysis.objective.scores.map(round);
    ObjectiveJson {
        stage: analysis.objective.stage,
        scores: Scores {
            awareness,
            consideration,
            conversion,
            loyalty,
        },
        kpis: analysis
            .objective_kpis()
            .into_iter()
            .map(|k| dicts.kpi(k).key.as_str())
            .collect(),
        evidence: analysis
            .objective
            .evidence
            .iter()
            .map(|&i| {
                let mention = &analysis.mentions[i];
                EvidenceJson {
                    kpi: dicts.kpi(mention.kpi).key.as_str(),
                    weight: round(mention.weight),
                    location: Location::new(&analysis.doc.source, &mention.span),
                }
            })
            .collect(),
    }
}

fn figures<'a>(analysis: &'a Analysis, dicts: &'a Dictionaries) -> Vec<FigureJson<'a>> {
    let source = &analysis.doc.source;
    analysis
        .figures
        .stated()
        // A KPI's figure in passing is no target: only those the document commits to.
        .filter(|figure| figure.kind != Kind::Target || figure.committed)
        .map(|figure| {
            let at = source.line_col(figure.span.start);
            FigureJson {
                kind: figure.kind.name(),
                kpi: figure.kpi.map(|k| dicts.kpi(k).key.as_str()),
                comparator: figure.comparator_name(),
                value: figure.shown(),
                unit: figure.unit_name(),
                line: at.line,
                column: at.column,
                text: source.text.get(figure.span.clone()).unwrap_or_default(),
            }
        })
        .collect()
}

fn finding<'a>(file: &'a FileResult, finding: &'a Finding) -> FindingJson<'a> {
    FindingJson {
        rule: finding.rule,
        severity: finding.severity,
        message: &finding.message,
        location: Location::new(&file.analysis.doc.source, &finding.span),
        suggestion: finding.suggestion.as_deref(),
        help: finding.help.as_deref(),
        related: finding
            .related
            .iter()
            .map(|r| RelatedJson {
                path: &r.source.name,
                label: &r.label,
                location: Location::new(&r.source, &r.span),
            })
            .collect(),
    }
}

/// Streams `{"files": [...], "errors": [...], "summary": {...}}`, one file at a time.
pub struct Json;

impl Reporter for Json {
    fn render(&self, file: &FileResult, out: &mut Vec<u8>) -> io::Result<()> {
        let json = FileJson {
            path: &file.analysis.doc.source.name,
            path_bytes: path_bytes(file.analysis.doc.source.path.as_deref()),
            kind: file.analysis.kind,
            kind_evidence: file
                .analysis
                .kind_evidence
                .iter()
                .map(|span| Location::new(&file.analysis.doc.source, span))
                .collect(),
            lang: file.analysis.doc.lang,
            brief: file.brief.as_ref().map(|b| b.doc.source.name.as_str()),
            objective: objective(&file.analysis, file.config.dicts.get()),
            findings: file.findings.iter().map(|f| finding(file, f)).collect(),
            figures: figures(&file.analysis, file.config.dicts.get()),
        };
        write_nested_json(out, &json, "    ")
    }

    fn write(
        &self,
        written: &mut Written,
        _: &FileResult,
        rendered: &[u8],
        out: &mut dyn Write,
    ) -> io::Result<()> {
        out.write_all(if written.items == 0 {
            b"{\n  \"files\": [\n    "
        } else {
            b",\n    "
        })?;
        written.items += 1;
        out.write_all(rendered)
    }

    fn finish(
        &self,
        written: &Written,
        errors: &[InputError],
        totals: &Totals,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        out.write_all(if written.items == 0 {
            b"{\n  \"files\": []"
        } else {
            b"\n  ]"
        })?;
        let errors: Vec<ErrorJson> = errors
            .iter()
            .map(|e| ErrorJson {
                path: &e.path,
                path_bytes: path_bytes(e.raw.as_deref()),
                message: &e.message,
            })
            .collect();
        out.write_all(b",\n  \"errors\": ")?;
        write_nested_json(out, &errors, "  ")?;
        out.write_all(b",\n  \"summary\": ")?;
        write_nested_json(out, totals, "  ")?;
        out.write_all(b"\n}\n")
    }
}
