//! The binary, run as a user runs it: formats, exit codes, inputs, errors.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn brieflint() -> Command {
    let mut cmd = Command::cargo_bin("brieflint").unwrap();
    cmd.env("NO_COLOR", "1").env("COLUMNS", "100");
    cmd
}

fn json_of(output: &[u8]) -> Value {
    serde_json::from_slice(output)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(output)))
}

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    fs::write(&path, text).unwrap();
    path
}

const FRANGLAIS: &str = "---\nkind: proposal\nlang: fr\n---\n# Notre reco\n\nNous avons construit cette propal from scratch.\n\nLe lien `propal_2025` et https://exemple.fr/propal ne comptent pas.\n";

#[test]
fn json_reports_exact_spans_lines_and_columns() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "memo.md", FRANGLAIS);
    let out = brieflint()
        .args(["check", "--format", "json"])
        .arg(&path)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let report = json_of(&out);
    let file = &report["files"][0];
    assert_eq!(file["kind"], "proposal");
    assert_eq!(file["lang"], "fr");
    let findings = file["findings"].as_array().unwrap();
    let jargon: Vec<(u64, u64, &str)> = findings
        .iter()
        .filter(|f| f["rule"] == "jargon")
        .map(|f| {
            (
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
                f["text"].as_str().unwrap(),
            )
        })
        .collect();
    assert!(jargon.contains(&(7, 28, "propal")), "{jargon:?}");
    assert!(jargon.contains(&(7, 35, "from scratch")), "{jargon:?}");
    assert!(
        jargon.iter().all(|(line, _, _)| *line != 9),
        "code and URLs are not prose: {jargon:?}"
    );
    for finding in findings {
        let offset = finding["byte_offset"].as_u64().unwrap() as usize;
        let len = finding["byte_len"].as_u64().unwrap() as usize;
        assert_eq!(
            &FRANGLAIS[offset..offset + len],
            finding["text"].as_str().unwrap()
        );
        assert!(finding["suggestion"].is_string() || finding["rule"] != "jargon");
    }
}

#[test]
fn cyrillic_columns_count_characters_and_crlf_lines_count() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "status.md",
        "# Статус\r\n\r\nКоманда обговорила інсайти та зашерила звіт.\r\n",
    );
    let out = brieflint()
        .args(["check", "--format", "json", "--lang", "uk"])
        .arg(&path)
        .assert()
        .get_output()
        .stdout
        .clone();
    let report = json_of(&out);
    let finding = report["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| {
            f["text"]
                .as_str()
                .is_some_and(|t| t.to_lowercase() == "інсайти")
        })
        .cloned()
        .expect("інсайти found");
    assert_eq!(
        (finding["line"].as_u64(), finding["column"].as_u64()),
        (Some(3), Some(20))
    );
    assert_eq!(finding["end_column"].as_u64(), Some(27));
}

#[test]
fn short_format_is_one_line_per_finding() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "memo.md", FRANGLAIS);
    brieflint()
        .args(["check", "--format", "short"])
        .arg(&path)
        .assert()
        .code(0)
        .stdout(predicate::str::is_match(r"memo\.md:7:28: warning\[jargon\] “propal”").unwrap());
}

#[test]
fn human_output_shows_rule_line_help_and_summary() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "memo.md", FRANGLAIS);
    let out = brieflint()
        .arg("check")
        .arg(&path)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("jargon"), "{text}");
    assert!(
        text.contains("7 │ Nous avons construit cette propal from scratch."),
        "{text}"
    );
    assert!(text.contains("help:"), "{text}");
    assert!(
        text.trim_end().ends_with(
            "1 file checked: 0 errors, 3 warnings, 1 note; 1 proposal checked without a brief"
        ),
        "{text}"
    );
    assert!(
        !text.contains('\u{1b}'),
        "no colour when NO_COLOR is set and stdout is not a terminal"
    );
}

#[test]
fn deny_warning_makes_warnings_fail() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "memo.md", FRANGLAIS);
    brieflint()
        .args(["check", "--deny", "warning"])
        .arg(&path)
        .assert()
        .code(1);
    let clean = write(
        dir.path(),
        "clean.md",
        "# Note\n\nWe will call the client on Monday.\n",
    );
    brieflint()
        .args(["check", "--deny", "warning"])
        .arg(&clean)
        .assert()
        .code(0);
}

#[test]
fn standard_input_is_read_under_the_given_name() {
    let out = brieflint()
        .args([
            "check",
            "--format",
            "short",
            "--stdin-filename",
            "reco.md",
            "-",
        ])
        .write_stdin("Une reco ROIste, à date.\n")
        .assert()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("reco.md:1:"), "{text}");
}

#[test]
fn directories_are_walked_sorted_and_gitignore_is_honoured() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("b")).unwrap();
    write(dir.path(), ".ignore", "skipped.md\n");
    write(dir.path(), "skipped.md", "synergy\n");
    write(dir.path(), "notes.txt", "synergy\n");
    write(&dir.path().join("b"), "z.md", "# Z\n");
    write(dir.path(), "a.markdown", "# A\n");
    let out = brieflint()
        .args(["check", "--format", "json"])
        .arg(dir.path())
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let report = json_of(&out);
    let names: Vec<String> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            Path::new(f["path"].as_str().unwrap())
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(names, ["a.markdown", "z.md"]);
}

#[test]
fn bad_files_are_reported_and_the_others_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.md", "We will leverage synergy.\n");
    fs::write(dir.path().join("latin1.md"), b"Le d\xe9p\xf4t\n").unwrap();
    fs::write(dir.path().join("binary.md"), b"\x00\x01\x02PNG").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path().join("missing.md"), dir.path().join("broken.md"))
        .unwrap();
    let assert = brieflint()
        .args(["check", "--format", "short"])
        .arg(dir.path())
        .assert()
        .code(2);
    let output = assert.get_output();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("good.md:1:"),
        "good file still checked: {stdout}"
    );
    assert!(
        stderr.contains("latin1.md: not valid UTF-8 at line 1, column 5"),
        "{stderr}"
    );
    assert!(stderr.contains("binary.md: binary file"), "{stderr}");
    #[cfg(unix)]
    assert!(stderr.contains("broken.md"), "{stderr}");
}

#[test]
fn a_missing_file_is_a_clear_error_with_exit_2() {
    brieflint()
        .args(["check", "does-not-exist.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("does-not-exist.md: no such file"));
}

#[test]
fn usage_errors_exit_2() {
    brieflint()
        .args(["check", "--format", "yaml"])
        .assert()
        .code(2);
    brieflint()
        .args(["explain", "no-such-rule"])
        .assert()
        .code(2);
}

#[test]
fn explain_prints_the_rule_documentation() {
    brieflint()
        .args(["explain", "objective-mismatch"])
        .assert()
        .code(0)
        .stdout(
            predicate::str::contains("## Why is this bad?")
                .and(predicate::str::contains("Use instead")),
        );
    let out = brieflint()
        .arg("rules")
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    for rule in [
        "jargon",
        "objective-mismatch",
        "kpi-not-addressed",
        "unmeasurable-objective",
        "spend-without-target",
        "missing-measurement",
        "missing-section",
    ] {
        assert!(text.contains(rule), "{rule} missing from {text}");
    }
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::Read;
    use std::process::{Command as Std, Stdio};
    let dir = tempfile::tempdir().unwrap();
    for i in 0..200 {
        write(
            dir.path(),
            &format!("f{i:03}.md"),
            "We will leverage synergy to move the needle.\n",
        );
    }
    let mut child = Std::new(assert_cmd::cargo::cargo_bin("brieflint"))
        .args(["check", "--format", "short"])
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 10];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // stdout is dropped here: the pipe is closed while brieflint is still writing.
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(status.code().is_some(), "killed by a signal: {status:?}");
}
