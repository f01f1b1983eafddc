//! Workflow features run through the binary: configuration, suppressions, --fix, CI
//! formats, init, completions, man page, audit.

mod common;

use common::{brieflint, repo};

use std::fs;
use std::path::Path;

use predicates::prelude::*;
use serde_json::Value;

#[test]
fn nearest_config_sets_rules_deny_and_allow_list() {
    let dir = repo();
    fs::create_dir(dir.path().join("client")).unwrap();
    fs::write(dir.path().join("brieflint.toml"), "deny = \"warning\"\n").unwrap();
    fs::write(
        dir.path().join("client/brieflint.toml"),
        "allow = [\"Synergy Suite\"]\n[rules]\njargon = \"error\"\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("client/a.md"),
        "We sell the Synergy Suite.\n",
    )
    .unwrap();
    fs::write(dir.path().join("b.md"), "We will leverage synergy.\n").unwrap();
    brieflint(dir.path())
        .args(["check", "client/a.md"])
        .assert()
        .code(0);
    brieflint(dir.path())
        .args(["check", "b.md"])
        .assert()
        .code(1);
    fs::write(dir.path().join("client/a.md"), "Our synergy plan.\n").unwrap();
    brieflint(dir.path())
        .args(["check", "--format", "short", "client/a.md"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[jargon]"));
}

#[test]
fn malformed_config_points_at_its_line_and_exits_2() {
    let dir = repo();
    fs::write(
        dir.path().join("brieflint.toml"),
        "deny = \"error\"\n[rules]\njargon = \"loud\"\n",
    )
    .unwrap();
    fs::write(dir.path().join("a.md"), "Text.\n").unwrap();
    brieflint(dir.path())
        .args(["check", "a.md"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("brieflint.toml:3:")
                .and(predicate::str::contains("unknown variant")),
        );
}

#[test]
fn suppression_comments_silence_and_unknown_rules_are_reported() {
    let dir = repo();
    fs::write(
        dir.path().join("a.md"),
        "<!-- brieflint-disable-next-line jargon -->\nWe will leverage synergy.\n\nA holistic plan.\n\n<!-- brieflint-disable jargn -->\n",
    )
    .unwrap();
    let out = brieflint(dir.path())
        .args(["check", "--format", "short", "a.md"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains("a.md:2:"), "{text}");
    assert!(text.contains("a.md:4:3: warning[jargon]"), "{text}");
    assert!(
        text.contains("a.md:6:1: warning[invalid-suppression]"),
        "{text}"
    );
}

#[test]
fn fix_rewrites_safely_and_diff_writes_nothing() {
    let dir = repo();
    let path = dir.path().join("a.md");
    let original =
        "\u{feff}# Plan\r\n\r\nWe will utilize the data prior to launch. See `utilize`.\r\n";
    fs::write(&path, original).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    }
    brieflint(dir.path())
        .args(["check", "--fix", "--diff", "a.md"])
        .assert()
        .code(0)
        .stdout(
            predicate::str::contains("-We will utilize the data prior to launch.")
                .and(predicate::str::contains("+We will use")),
        );
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        original,
        "--diff writes nothing"
    );
    brieflint(dir.path())
        .args(["check", "--fix", "a.md"])
        .assert()
        .code(0);
    let fixed = fs::read_to_string(&path).unwrap();
    assert_eq!(
        fixed,
        "\u{feff}# Plan\r\n\r\nWe will use the data before launch. See `utilize`.\r\n"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o640
        );
    }
}

#[test]
fn sarif_and_github_formats() {
    let dir = repo();
    fs::write(dir.path().join("a b.md"), "We will leverage synergy.\n").unwrap();
    let out = brieflint(dir.path())
        .args(["check", "--format", "sarif", "a b.md"])
        .output()
        .unwrap();
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    assert!(
        run["tool"]["driver"]["rules"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["id"] == "objective-mismatch")
    );
    let result = &run["results"][0];
    assert_eq!(result["ruleId"], "jargon");
    assert_eq!(
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "a%20b.md"
    );
    assert_eq!(
        result["locations"][0]["physicalLocation"]["region"]["startColumn"],
        9
    );
    brieflint(dir.path())
        .args(["check", "--format", "github", "a b.md"])
        .assert()
        .stdout(predicate::str::contains(
            "::warning file=a b.md,line=1,col=9,endLine=1,endColumn=17,title=brieflint jargon::",
        ));
}

#[test]
fn init_completions_and_man() {
    let dir = repo();
    brieflint(dir.path()).arg("init").assert().code(0);
    assert!(
        fs::read_to_string(dir.path().join("brieflint.toml"))
            .unwrap()
            .contains("[rules]")
    );
    brieflint(dir.path()).arg("init").assert().code(2);
    fs::write(dir.path().join("a.md"), "Text.\n").unwrap();
    brieflint(dir.path())
        .args(["check", "a.md"])
        .assert()
        .code(0);
    brieflint(dir.path())
        .args(["completions", "bash"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("brieflint"));
    brieflint(dir.path())
        .arg("man")
        .assert()
        .code(0)
        .stdout(predicate::str::contains(".TH brieflint"));
}

#[test]
fn audit_summarises_an_archive() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = brieflint(root)
        .args(["audit", "--format", "json", "fixtures/pairs"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["files"], 28);
    assert_eq!(summary["mismatches"].as_array().unwrap().len(), 4);
    let csv = brieflint(root)
        .args(["audit", "--format", "csv", "fixtures/pairs"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(csv.stdout).unwrap().lines().count(), 29);
}

#[test]
fn front_matter_names_the_brief_a_proposal_answers() {
    let dir = repo();
    fs::create_dir(dir.path().join("briefs")).unwrap();
    fs::write(
        dir.path().join("briefs/client.md"),
        "---\nkind: brief\n---\n# Brief\n\n## Objectives\n\n- 1,200 sales at a CPA under €25\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("plan.md"),
        "---\nkind: proposal\nbrief: briefs/client.md\n---\n# Plan\n\n## Goals\n\n- Reach 70% of adults\n- 350 GRP\n",
    )
    .unwrap();
    let out = brieflint(dir.path())
        .args(["check", "--format", "json", "plan.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let file = &report["files"][0];
    assert!(
        file["brief"]
            .as_str()
            .unwrap()
            .ends_with("briefs/client.md")
    );
    let mismatch = file["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "objective-mismatch")
        .unwrap();
    assert_eq!(mismatch["line"], 9);
    assert_eq!(mismatch["related"][0]["line"], 8);
}

#[test]
fn baseline_hides_known_findings_even_after_lines_move() {
    let dir = repo();
    fs::write(
        dir.path().join("a.md"),
        "# Plan\n\nWe will leverage the network.\n",
    )
    .unwrap();
    brieflint(dir.path())
        .args([
            "check",
            "--write-baseline",
            "base.json",
            "--deny",
            "warning",
            "a.md",
        ])
        .assert()
        .code(1);
    brieflint(dir.path())
        .args([
            "check",
            "--baseline",
            "base.json",
            "--deny",
            "warning",
            "a.md",
        ])
        .assert()
        .code(0);
    fs::write(
        dir.path().join("a.md"),
        "# Plan\n\nA new intro.\n\nWe will leverage the network.\n\nA holistic plan.\n",
    )
    .unwrap();
    let out = brieflint(dir.path())
        .args([
            "check",
            "--baseline",
            "base.json",
            "--format",
            "short",
            "a.md",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.contains("a.md:7:3: warning[jargon]"), "{text}");
}

fn git(dir: &Path, args: &[&str]) {
    let status = std::process::Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
        .args(args)
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

#[test]
fn changed_since_reports_only_changed_lines_and_new_files() {
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q", "-b", "main"]);
    fs::write(
        dir.path().join("old.md"),
        "# Plan\n\nWe will leverage the data.\n\nPlain line.\n",
    )
    .unwrap();
    fs::write(dir.path().join("same.md"), "We need synergy.\n").unwrap();
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "start"]);
    // A new line with jargon above the old one: the old finding moves to line 5.
    fs::write(
        dir.path().join("old.md"),
        "# Plan\n\nWe will move the needle.\n\nWe will leverage the data.\n\nPlain line.\n",
    )
    .unwrap();
    fs::write(dir.path().join("new.md"), "Let us circle back.\n").unwrap();
    let out = brieflint(dir.path())
        .args(["check", "--format", "short", "--changed-since", "HEAD"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[0].ends_with("new.md:1:8: warning[jargon] “circle back” is a buzzword: Meeting jargon; say when and how you will follow up."), "{out}");
    assert!(
        lines[1].contains("old.md:3:9: warning[jargon] “move the needle”"),
        "{out}"
    );
    // Without the option, everything is reported.
    let all = brieflint(dir.path())
        .args(["check", "--format", "short"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(all.stdout).unwrap().lines().count(), 4);
    brieflint(dir.path())
        .args(["check", "--changed-since", "no-such-rev"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("\"no-such-rev\" is not a commit"));
}

#[test]
fn fix_refuses_a_file_changed_on_disk_since_it_was_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.md");
    fs::write(&path, "We will utilize TV.\n").unwrap();
    let input = brieflint::input::Input::file(&path, &mut brieflint::project::Locator::new());
    let source = brieflint::input::read(&input, brieflint::input::DEFAULT_MAX_BYTES).unwrap();
    // Someone saves the file between brieflint's read and its write.
    fs::write(&path, "We will utilize TV and radio.\n").unwrap();
    let err = brieflint::fix::write(&source, &path, "We will use TV.\n").unwrap_err();
    assert!(err.to_string().contains("changed on disk"), "{err}");
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "We will utilize TV and radio.\n"
    );
    // Unchanged, the same write goes through.
    let source = brieflint::input::read(&input, brieflint::input::DEFAULT_MAX_BYTES).unwrap();
    brieflint::fix::write(&source, &path, "We will use TV and radio.\n").unwrap();
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "We will use TV and radio.\n"
    );
}

#[test]
fn dict_export_lists_every_form_and_the_entries() {
    let dir = tempfile::tempdir().unwrap();
    let terms = brieflint(dir.path())
        .args(["dict", "export", "--terms"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let terms = String::from_utf8(terms).unwrap();
    let terms: Vec<&str> = terms.lines().collect();
    for expected in ["move the needle", "from scratch", "перфомить", "інсайти"] {
        assert!(terms.contains(&expected), "{expected} missing");
    }
    assert!(terms.windows(2).all(|w| w[0] < w[1]), "sorted and unique");
    assert!(terms.iter().all(|t| !t.contains('{')), "braces expanded");
    let entries = brieflint(dir.path())
        .args(["dict", "export", "--lang", "fr"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let entries: Value = serde_json::from_slice(&entries).unwrap();
    let entries = entries.as_array().unwrap();
    assert!(entries.len() > 100);
    assert!(entries.iter().all(|e| e["lang"] == "fr"
        && !e["reason"].as_str().unwrap().is_empty()
        && !e["forms"].as_array().unwrap().is_empty()));
}
