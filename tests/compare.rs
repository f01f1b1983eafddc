//! `brieflint compare BRIEF PROPOSAL` in its three formats, on the fixture pairs.

use assert_cmd::Command;
use serde_json::Value;

fn compare(pair: &str, format: &str) -> (Option<i32>, String) {
    let out = Command::cargo_bin("brieflint")
        .unwrap()
        .args([
            "compare",
            "--format",
            format,
            &format!("fixtures/pairs/{pair}/brief.md"),
            &format!("fixtures/pairs/{pair}/proposal.md"),
        ])
        .output()
        .unwrap();
    (out.status.code(), String::from_utf8(out.stdout).unwrap())
}

/// The human table's line for `label` (its first column).
fn row<'a>(table: &'a str, label: &str) -> &'a str {
    table
        .lines()
        .find(|l| l.starts_with(label))
        .unwrap_or_else(|| panic!("no row {label:?} in\n{table}"))
}

#[test]
fn json_follows_the_contract_and_gives_each_verdict() {
    let (code, out) = compare("numbers-en", "json");
    assert_eq!(code, Some(1), "a conflict exits 1");
    let json: Value = serde_json::from_str(&out).unwrap();
    assert!(json["brief"].as_str().unwrap().ends_with("brief.md"));
    assert!(json["proposal"].as_str().unwrap().ends_with("proposal.md"));
    let rows = json["rows"].as_array().unwrap();
    let kinds: Vec<&str> = rows.iter().map(|r| r["kind"].as_str().unwrap()).collect();
    assert_eq!(
        kinds,
        ["kpi", "kpi", "kpi", "kpi", "budget", "timing", "stage"]
    );
    for row in rows {
        let mut keys: Vec<&str> = row
            .as_object()
            .unwrap()
            .keys()
            .map(|k| k.as_str())
            .collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            ["brief", "kind", "kpi", "proposal", "verdict"],
            "{row}"
        );
        for side in [&row["brief"], &row["proposal"]] {
            if let Some(side) = side.as_object() {
                let mut keys: Vec<&str> = side.keys().map(|k| k.as_str()).collect();
                keys.sort_unstable();
                assert_eq!(
                    keys,
                    ["comparator", "line", "text", "unit", "value"],
                    "{row}"
                );
            }
        }
    }
    let kpi = |key: &str| rows.iter().find(|r| r["kpi"] == key).unwrap();
    let cpa = kpi("cpa");
    assert_eq!(cpa["verdict"], "conflict");
    assert_eq!(cpa["brief"]["value"], 11.0);
    assert_eq!(cpa["brief"]["unit"], "GBP");
    assert_eq!(cpa["brief"]["comparator"], "cap");
    assert_eq!(cpa["brief"]["line"], 19);
    assert_eq!(cpa["proposal"]["text"], "£12.50");
    assert_eq!(cpa["proposal"]["line"], 19);
    assert_eq!(kpi("sales")["verdict"], "conflict");
    assert_eq!(kpi("roas")["verdict"], "meets");
    assert_eq!(kpi("conversion_rate")["verdict"], "meets");
    let budget = &rows[4];
    assert_eq!(budget["kpi"], Value::Null);
    assert_eq!(budget["verdict"], "conflict");
    assert_eq!(budget["brief"]["value"], 95000.0);
    assert_eq!(budget["proposal"]["value"], 101000.0);
    let timing = &rows[5];
    assert_eq!(timing["verdict"], "conflict");
    assert_eq!(timing["brief"]["value"], "2026-03-02/2026-05-31");
    assert_eq!(timing["proposal"]["text"], "16 February – 1 March");
    assert_eq!(rows[6]["verdict"], "meets");
    assert_eq!(rows[6]["brief"]["value"], "conversion");
}

#[test]
fn human_table_fits_100_columns_in_every_language() {
    for pair in ["numbers-en", "numbers-fr", "numbers-ru", "numbers-uk"] {
        let (code, out) = compare(pair, "human");
        assert_eq!(code, Some(1), "{pair}");
        for line in out.lines() {
            assert!(line.chars().count() <= 100, "{pair}: {line:?}");
        }
        assert!(row(&out, "budget").ends_with("conflict"), "{out}");
        assert!(row(&out, "timing").ends_with("conflict"), "{out}");
        assert!(row(&out, "funnel stage").ends_with("meets"), "{out}");
    }
    let (_, out) = compare("numbers-fr", "human");
    let cpa = row(&out, "CPA");
    assert!(cpa.contains("≤ 32 € (19)"), "{cpa}");
    assert!(cpa.contains("35 € (19)"), "{cpa}");
    assert!(cpa.ends_with("conflict"), "{cpa}");
    assert!(row(&out, "revenue").ends_with("meets"), "{out}");
}

#[test]
fn markdown_is_a_github_table() {
    let (code, out) = compare("numbers-ru", "markdown");
    assert_eq!(code, Some(1));
    let table: Vec<&str> = out.lines().filter(|l| l.starts_with('|')).collect();
    assert_eq!(table[0], "| | Brief | Proposal | Verdict |");
    assert_eq!(table[1], "|---|---|---|---|");
    for line in &table {
        // Four cells: five pipes that are not escaped.
        let pipes = line.matches('|').count() - line.matches("\\|").count();
        assert_eq!(pipes, 5, "{line}");
    }
    let leads = table.iter().find(|l| l.starts_with("| leads |")).unwrap();
    assert!(
        table
            .iter()
            .any(|l| l.starts_with("| CPL | ≤ 1 200 ₽ (line 19) |")),
        "{out}"
    );
    assert_eq!(
        *leads,
        "| leads | ≥ 3 600 (line 18) | 3 300 (line 12) | **conflict** |"
    );
}

#[test]
fn a_proposal_that_meets_its_brief_exits_0_and_a_missing_file_2() {
    let (code, out) = compare("aligned-fr", "human");
    assert_eq!(code, Some(0), "{out}");
    assert!(out.ends_with("0 conflicts\n"), "{out}");
    assert!(row(&out, "churn").ends_with("meets"), "{out}");
    assert!(row(&out, "timing").ends_with("not-addressed"), "{out}");
    let out = Command::cargo_bin("brieflint")
        .unwrap()
        .args([
            "compare",
            "fixtures/pairs/aligned-fr/brief.md",
            "no/such/proposal.md",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/proposal.md"));
}
