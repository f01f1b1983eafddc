//! The documents of `fixtures/real/` (briefs, RFPs, tenders, proposals, articles, case
//! studies and interviews in the layouts real ones have) against
//! `fixtures/real/expected.json`: each document's kind, the exact rule and line of every
//! finding of the brief and proposal rules, the lines that open a section and their kind,
//! and the lines of its objective statements. Jargon is left out: its dictionaries grow
//! elsewhere.

use std::collections::BTreeMap;
use std::path::Path;

use assert_cmd::Command;
use brieflint::analysis::{Analysis, Role};
use brieflint::dictionary::Dictionaries;
use brieflint::document::Document;
use brieflint::source::SourceFile;
use brieflint::vocab::SectionKind;
use serde_json::Value;

const ROOT: &str = "fixtures/real";

/// The rules these fixtures judge (the pair rules are out of their scope: no proposal in
/// them has a single brief beside it).
const RULES: [&str; 4] = [
    "unmeasurable-objective",
    "spend-without-target",
    "missing-measurement",
    "missing-section",
];

fn expected() -> BTreeMap<String, Value> {
    let text = std::fs::read_to_string(Path::new(ROOT).join("expected.json")).unwrap();
    let json: Value = serde_json::from_str(&text).unwrap();
    json["files"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(name, value)| (name.clone(), value.clone()))
        .collect()
}

fn analyse(name: &str) -> Analysis {
    let path = Path::new(ROOT).join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    let source = SourceFile::new(Some(path), name.to_string(), text);
    Analysis::new(Document::parse(source, None), Dictionaries::embedded())
}

fn line_of(analysis: &Analysis, segment: usize) -> usize {
    let start = analysis.doc.segments[segment].source_span().start;
    analysis.doc.source.line_col(start).line
}

/// (rule, line) of each finding, sorted, duplicates kept.
fn findings(list: &Value) -> Vec<(String, u64)> {
    let mut out: Vec<(String, u64)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
            )
        })
        .filter(|(rule, _)| RULES.contains(&rule.as_str()))
        .collect();
    out.sort();
    out
}

#[test]
fn every_real_layout_gets_its_kind_and_exactly_its_findings() {
    let out = Command::cargo_bin("brieflint")
        .unwrap()
        .args(["check", "--format", "json", ROOT])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let files = report["files"].as_array().unwrap();
    let expected = expected();
    assert_eq!(files.len(), expected.len(), "the README is not linted");
    let mut problems = Vec::new();
    for (name, want) in &expected {
        let Some(got) = files
            .iter()
            .find(|f| f["path"].as_str().unwrap().ends_with(name.as_str()))
        else {
            problems.push(format!("{name}: not in the report"));
            continue;
        };
        let kind = match want["kind"].as_str().unwrap() {
            "neither" => "unknown",
            kind => kind,
        };
        if got["kind"] != kind {
            problems.push(format!("{name}: kind {}, expected {kind}", got["kind"]));
        }
        if kind != "unknown" && got["kind_evidence"].as_array().unwrap().is_empty() {
            problems.push(format!("{name}: no kind evidence"));
        }
        let (want, got) = (findings(&want["findings"]), findings(&got["findings"]));
        if want != got {
            problems.push(format!("{name}: findings {got:?}, expected {want:?}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn section_name(kind: SectionKind) -> &'static str {
    match kind {
        SectionKind::Objectives => "objectives",
        SectionKind::Kpis => "kpis",
        SectionKind::Audience => "audience",
        SectionKind::Budget => "budget",
        SectionKind::Timing => "timing",
        SectionKind::Background => "background",
        SectionKind::Measurement => "measurement",
    }
}

const KINDS: [SectionKind; 7] = [
    SectionKind::Objectives,
    SectionKind::Kpis,
    SectionKind::Audience,
    SectionKind::Budget,
    SectionKind::Timing,
    SectionKind::Background,
    SectionKind::Measurement,
];

/// The section kinds a segment names itself, by name.
fn named_kinds(analysis: &Analysis, index: usize) -> Vec<&'static str> {
    let kinds = analysis.roles[index].kinds();
    KINDS
        .into_iter()
        .filter(|&k| kinds.has(k))
        .map(section_name)
        .collect()
}

/// Checks the outline of a brief or proposal against the sections a planner sees in it:
/// every section listed opens on its line with its kind (`other`: a title of no kind, which
/// ends the section before it), and every title or label we read as a section kind is
/// listed, unless it is the document's first line (its title) or repeats the kind of the
/// section it stands in ("Budget: £420,000" under "5. BUDGET", "Задачи:" under "2. Цели и
/// задачи").
fn outline_problems(analysis: &Analysis, want: &[(usize, String)]) -> Vec<String> {
    let mut problems = Vec::new();
    let at_line = |line: usize| {
        (0..analysis.roles.len())
            .filter(move |&i| line_of(analysis, i) == line && analysis.roles[i] != Role::Body)
    };
    for (line, kind) in want {
        let found = at_line(*line).any(|i| match kind.as_str() {
            "other" => {
                matches!(analysis.roles[i], Role::Title { .. })
                    && named_kinds(analysis, i).is_empty()
            }
            kind => named_kinds(analysis, i).contains(&kind),
        });
        if !found {
            problems.push(format!("line {line}: no {kind} section"));
        }
    }
    for index in 1..analysis.roles.len() {
        let names = named_kinds(analysis, index);
        let kinds = analysis.roles[index].kinds();
        let before = analysis.sections[index - 1];
        let repeats = KINDS.into_iter().all(|k| !kinds.has(k) || before.has(k));
        if names.is_empty() || repeats {
            continue;
        }
        let line = line_of(analysis, index);
        if !want
            .iter()
            .any(|(l, kind)| *l == line && names.contains(&kind.as_str()))
        {
            problems.push(format!("line {line}: unexpected {names:?} section"));
        }
    }
    problems
}

#[test]
fn sections_open_where_a_planner_sees_them() {
    let mut problems = Vec::new();
    for (name, want) in expected() {
        if want["kind"] == "neither" {
            continue;
        }
        let sections: Vec<(usize, String)> = want["sections"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                (
                    s["line"].as_u64().unwrap() as usize,
                    s["kind"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        for problem in outline_problems(&analyse(&name), &sections) {
            problems.push(format!("{name}: {problem}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn objective_statements_are_the_goals_a_brief_or_proposal_sets() {
    let mut problems = Vec::new();
    for (name, want) in expected() {
        // An article's or a case study's goal sentences are reported, not set: the rules
        // skip such documents, whatever their sentences read like.
        if want["kind"] == "neither" {
            continue;
        }
        let analysis = analyse(&name);
        let mut got: Vec<u64> = analysis
            .statements
            .iter()
            .map(|s| {
                let span =
                    analysis.doc.segments[s.segment].source_range_of_folded(s.folded.clone());
                analysis.doc.source.line_col(span.start).line as u64
            })
            .collect();
        got.dedup();
        let want: Vec<u64> = want["objective_statements"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l.as_u64().unwrap())
            .collect();
        if got != want {
            problems.push(format!("{name}: statements on {got:?}, expected {want:?}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
