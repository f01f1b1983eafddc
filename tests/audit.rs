//! `brieflint audit` run through the binary on small archives made for each question: what
//! it counts (terms by dictionary entry, stages by kind of document, worst files of a fair
//! length, pairs) and how the HTML report links files whatever their names.

mod common;

use common::repo;

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn brieflint(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("brieflint").unwrap();
    cmd.current_dir(dir).env("NO_COLOR", "1");
    cmd
}

/// `audit ARGS` in `dir`: exit code 0 expected, standard output returned.
fn audit(dir: &Path, args: &[&str]) -> String {
    let out = brieflint(dir).arg("audit").args(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn audit_json(dir: &Path, path: &str) -> Value {
    serde_json::from_str(&audit(dir, &["--format", "json", path])).unwrap()
}

/// A mismatched brief and proposal (conversion asked, awareness answered) in `folder`.
fn mismatched_pair(folder: &Path) {
    let pairs = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/pairs/mismatch-en");
    fs::create_dir_all(folder).unwrap();
    for name in ["brief.md", "proposal.md"] {
        fs::copy(pairs.join(name), folder.join(name)).unwrap();
    }
}

/// `sentence` repeated until the text has at least `words` words.
fn prose(sentence: &str, words: usize) -> String {
    let per = sentence.split_whitespace().count();
    vec![sentence; words.div_ceil(per)].join(" ") + "\n"
}

#[test]
fn top_terms_are_dictionary_entries_not_surface_forms() {
    let dir = repo();
    fs::write(
        dir.path().join("otchet.md"),
        "# Отчёт за неделю\n\nВ прошлом месяце кампания перфомила хуже плана. \
         Баннеры на главной странице перформили лучше, чем видео. \
         Если ролик перфомит, мы продлим размещение до конца квартала.\n",
    )
    .unwrap();
    let summary = audit_json(dir.path(), ".");
    let terms = summary["top_terms"].as_array().unwrap();
    assert_eq!(
        terms,
        &[serde_json::json!({ "term": "перфомить", "lang": "ru", "count": 3 })],
        "{terms:?}"
    );
    let text = audit(dir.path(), &["."]);
    assert!(text.contains("      3  перфомить (ru)\n"), "{text}");
    assert!(!text.contains("перфомила"), "{text}");
    let report = dir.path().join("report.html");
    audit(dir.path(), &[".", "--html", "report.html"]);
    let html = fs::read_to_string(report).unwrap();
    assert!(html.contains(">перфомить (ru)</text>"), "{html}");
}

#[test]
fn stages_are_counted_apart_for_briefs_proposals_and_other_documents() {
    let dir = repo();
    mismatched_pair(&dir.path().join("kestrel"));
    // Not beside the brief: a document of no kind is paired with a brief of its folder.
    fs::write(
        dir.path().join("notes.md"),
        "# Call notes\n\nThe client wants more reach and brand awareness this summer.\n",
    )
    .unwrap();
    let stages = &audit_json(dir.path(), ".")["stages"];
    assert_eq!(
        stages,
        &serde_json::json!({
            "briefs": { "conversion": 1 },
            "proposals": { "awareness": 1 },
            "neither": { "awareness": 1 },
        })
    );
    let text = audit(dir.path(), &["."]);
    assert!(
        text.contains(
            "Objective stages:           briefs  proposals    neither\n  \
             awareness                      0          1          1\n  \
             conversion                     1          0          0\n"
        ),
        "{text}"
    );
}

#[test]
fn worst_files_leave_out_files_too_short_to_judge() {
    let dir = repo();
    // Dense but short: 3 occurrences in 12 words.
    fs::write(
        dir.path().join("memo.md"),
        "Let us circle back and touch base to move the needle.\n",
    )
    .unwrap();
    // Light but long enough: one occurrence in about 200 words.
    let long = prose(
        "The spring plan spreads the budget over radio, search and posters near the stores.",
        200,
    );
    fs::write(
        dir.path().join("plan.md"),
        format!("We will leverage the network.\n\n{long}"),
    )
    .unwrap();
    let summary = audit_json(dir.path(), ".");
    assert_eq!(summary["worst_min_words"], 150);
    let worst: Vec<&str> = summary["worst"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["path"].as_str().unwrap())
        .collect();
    assert_eq!(worst, ["./plan.md"], "{summary}");
    // The short file still counts everywhere else.
    assert_eq!(summary["jargon"], 4);
    let text = audit(dir.path(), &["."]);
    assert!(
        text.contains("Worst files (jargon per 1,000 words, files of 150+ words):"),
        "{text}"
    );
}

#[test]
fn csv_names_each_proposals_brief_mismatch_and_numeric_conflicts() {
    let dir = repo();
    mismatched_pair(&dir.path().join("kestrel"));
    let csv = audit(dir.path(), &["--format", "csv", "kestrel"]);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "path,kind,lang,words,jargon,density_per_1000_words,stage,errors,warnings,brief,mismatch,numeric_conflicts"
    );
    let brief = lines.iter().find(|l| l.contains("/brief.md\",")).unwrap();
    assert!(brief.ends_with(",,,0"), "a brief has no brief: {brief}");
    let proposal = lines
        .iter()
        .find(|l| l.contains("/proposal.md\","))
        .unwrap();
    assert!(
        // Its second burst in August is after the brief's window: one timing conflict.
        proposal.ends_with(",\"kestrel/brief.md\",true,1"),
        "{proposal}"
    );
}

/// Every `href` of a page, as written.
fn hrefs(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .map(|rest| rest[..rest.find('"').unwrap()].to_string())
        .collect()
}

/// A relative link followed from `folder` by hand: percent-decoded, `/`-separated.
fn follow(folder: &Path, href: &str) -> PathBuf {
    let mut bytes = Vec::new();
    let mut rest = href.as_bytes();
    while let Some((&byte, tail)) = rest.split_first() {
        if byte == b'%' {
            let hex = std::str::from_utf8(&tail[..2]).unwrap();
            bytes.push(u8::from_str_radix(hex, 16).unwrap());
            rest = &tail[2..];
        } else {
            bytes.push(byte);
            rest = tail;
        }
    }
    folder.join(String::from_utf8(bytes).unwrap())
}

#[cfg(unix)]
#[test]
fn html_links_are_relative_encoded_and_never_a_scheme() {
    let dir = repo();
    let root = dir.path().canonicalize().unwrap();
    mismatched_pair(&root.join("client #2"));
    mismatched_pair(&root.join("javascript:alert(document.domain)"));
    mismatched_pair(&root.join("50% off?"));
    fs::create_dir(root.join("reports")).unwrap();
    // From a sub-folder, the report in another one, and the sources spelt with `..`.
    audit(
        &root.join("reports"),
        &["..", "--html", "../reports/audit.html"],
    );
    let html = fs::read_to_string(root.join("reports/audit.html")).unwrap();
    let links = hrefs(&html);
    // 3 mismatches and 3 pairs, each with its proposal and brief, and the source.
    assert_eq!(links.len(), 13, "{links:?}");
    for link in &links {
        assert!(link.starts_with("./"), "{link}");
        assert!(
            link.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._~/%".contains(&b)),
            "{link}"
        );
        let target = follow(&root.join("reports"), link);
        assert!(target.exists(), "{link} leads nowhere");
    }
    for folder in ["client #2", "javascript:alert(document.domain)", "50% off?"] {
        for name in ["proposal.md", "brief.md"] {
            let target = root.join(folder).join(name);
            assert!(
                links
                    .iter()
                    .any(|l| follow(&root.join("reports"), l).canonicalize().unwrap() == target),
                "no link to {}: {links:?}",
                target.display()
            );
        }
    }
    assert!(
        html.contains("href=\"./../client%20%232/proposal.md\""),
        "{links:?}"
    );
    assert!(!html.contains("href=\"javascript"), "{links:?}");
    // Beside the sources, from a bare file name.
    audit(&root, &[".", "--html", "here.html"]);
    let html = fs::read_to_string(root.join("here.html")).unwrap();
    assert!(
        html.contains("href=\"./javascript%3Aalert%28document.domain%29/proposal.md\""),
        "{}",
        hrefs(&html).join("\n")
    );
}

#[test]
fn html_says_when_it_was_made_from_what_and_each_pairs_conflicts() {
    let dir = repo();
    let root = dir.path().canonicalize().unwrap();
    mismatched_pair(&root.join("kestrel"));
    let out = brieflint(&root)
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .args(["audit", "kestrel", "--html", "report.html"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let html = fs::read_to_string(root.join("report.html")).unwrap();
    assert!(
        html.contains("<dd id=\"made\">2023-11-14 22:13 UTC</dd>"),
        "{html}"
    );
    let source = root.join("kestrel").display().to_string();
    assert!(
        html.contains(&format!("<a href=\"./kestrel\">{source}</a>")),
        "{html}"
    );
    assert!(
        html.contains("<dd id=\"numeric-conflicts\">1</dd>"),
        "{html}"
    );
    assert!(
        html.contains(
            "<tr><td><a href=\"./kestrel/proposal.md\">kestrel/proposal.md</a></td>\
             <td><a href=\"./kestrel/brief.md\">kestrel/brief.md</a></td>\
             <td><strong>yes</strong></td><td>1</td></tr>"
        ),
        "{html}"
    );
}
