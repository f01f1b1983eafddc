//! Every fixture against `fixtures/expected.json`: the exact rule and line of every
//! finding (nothing more, nothing less), each document's objective stage, and for the
//! brief/proposal pairs the mismatch, its related line in the brief and the KPIs left
//! unaddressed.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

fn run(args: &[&str]) -> Value {
    let out = Command::cargo_bin("brieflint")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn expected() -> Value {
    serde_json::from_str(&std::fs::read_to_string("fixtures/expected.json").unwrap()).unwrap()
}

fn relative(path: &str) -> String {
    path.strip_prefix("fixtures/").unwrap_or(path).to_string()
}

#[test]
fn every_fixture_gives_exactly_its_expected_findings_and_stage() {
    let report = run(&["check", "--format", "json", "fixtures/"]);
    let expected = expected();
    let mut problems = Vec::new();
    let files = report["files"].as_array().unwrap();
    // brieflint.toml excludes `README.md` by name, in every folder: documentation is not a
    // fixture.
    for file in files {
        let path = file["path"].as_str().unwrap();
        assert!(!path.ends_with("README.md"), "{path} was linted");
    }
    for (name, want) in expected["files"].as_object().unwrap() {
        let Some(got) = files
            .iter()
            .find(|f| relative(f["path"].as_str().unwrap()) == *name)
        else {
            problems.push(format!("{name}: not in the report"));
            continue;
        };
        // (rule, line) of each finding, sorted, duplicates kept: two missing sections on
        // one line are two findings.
        let pairs = |list: &Value| -> Vec<(String, u64)> {
            let mut pairs: Vec<(String, u64)> = list
                .as_array()
                .unwrap()
                .iter()
                .map(|f| {
                    (
                        f["rule"].as_str().unwrap().to_string(),
                        f["line"].as_u64().unwrap(),
                    )
                })
                .collect();
            pairs.sort();
            pairs
        };
        let (want_findings, got_findings) = (pairs(&want["findings"]), pairs(&got["findings"]));
        if want_findings != got_findings {
            problems.push(format!(
                "{name}: findings {got_findings:?}, expected {want_findings:?}"
            ));
        }
        if let Some(stage) = want["stage"].as_str()
            && got["objective"]["stage"] != stage
        {
            problems.push(format!(
                "{name}: stage {}, expected {stage}",
                got["objective"]["stage"]
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn pairs_report_mismatch_with_the_brief_line_and_unaddressed_kpis() {
    let expected = expected();
    for (name, want) in expected["pairs"].as_object().unwrap() {
        let folder = Path::new("fixtures/pairs").join(name);
        let report = run(&["check", "--format", "json", folder.to_str().unwrap()]);
        let proposal = report["files"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["path"].as_str().unwrap().ends_with("proposal.md"))
            .unwrap();
        assert!(
            proposal["brief"]
                .as_str()
                .is_some_and(|b| b.ends_with("brief.md")),
            "{name}: not paired"
        );
        let findings = proposal["findings"].as_array().unwrap();
        let mismatch = findings.iter().find(|f| f["rule"] == "objective-mismatch");
        assert_eq!(
            mismatch.is_some(),
            want["mismatch"].as_bool().unwrap(),
            "{name}: {findings:#?}"
        );
        if let Some(mismatch) = mismatch {
            let related = &mismatch["related"][0];
            assert!(
                related["path"].as_str().unwrap().ends_with("brief.md"),
                "{name}"
            );
            let brief = std::fs::read_to_string(folder.join("brief.md")).unwrap();
            let line = brief
                .lines()
                .nth(related["line"].as_u64().unwrap() as usize - 1)
                .unwrap();
            assert!(
                line.contains(related["text"].as_str().unwrap()),
                "{name}: related line {line:?}"
            );
        }
        let unaddressed = findings
            .iter()
            .filter(|f| f["rule"] == "kpi-not-addressed")
            .count();
        assert_eq!(
            unaddressed,
            want["not_addressed"].as_array().unwrap().len(),
            "{name}: {findings:#?}"
        );
        assert_eq!(
            proposal["objective"]["stage"], want["proposal_stage"],
            "{name}"
        );
    }
}

#[test]
fn clean_documents_produce_nothing_at_all() {
    let report = run(&[
        "check",
        "--format",
        "json",
        "fixtures/clean",
        "fixtures/traps",
    ]);
    for file in report["files"].as_array().unwrap() {
        // The trap proposals are checked alone: the note that says so is all they get.
        let findings: Vec<&Value> = file["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] != "unpaired-proposal")
            .collect();
        assert!(findings.is_empty(), "{}: {findings:#?}", file["path"]);
    }
}

#[test]
fn human_output_snapshot() {
    let out = Command::cargo_bin("brieflint")
        .unwrap()
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .args([
            "check",
            "fixtures/pairs/mismatch-en/proposal.md",
            "--brief",
            "fixtures/pairs/mismatch-en/brief.md",
        ])
        .output()
        .unwrap();
    insta::assert_snapshot!(String::from_utf8(out.stdout).unwrap());
}
