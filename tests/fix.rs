//! `--fix` through the binary: it never damages a document (markup, links, permissions,
//! owners) and never loses an edit made beside it (locks, changes on disk, signals, closed
//! pipes, a concurrent writer).

use std::fs;
use std::path::Path;

use assert_cmd::Command;

fn brieflint(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("brieflint").unwrap();
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100");
    cmd
}

fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join(".git")).unwrap();
    dir
}

fn short(dir: &Path, args: &[&str]) -> String {
    let out = brieflint(dir)
        .args(["check", "--format", "short"])
        .args(args)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn fixes_never_cross_inline_markup_but_findings_are_still_reported() {
    let dir = repo();
    let path = dir.path().join("p.md");
    let original = "We act at this point in *time*, and **Going** forward we test.\n\n\
                    We [utilize](https://x.example) it, ~~prior to~~ launch, `utilize` and _utilize_.\n\n\
                    At this point in [time](https://x.example) and prior\nto launch.\n";
    fs::write(&path, original).unwrap();
    let before = short(dir.path(), &["p.md"]);
    for term in [
        "at this point in *time",
        "Going** forward",
        "At this point in [time",
    ] {
        assert!(before.contains(term), "{term} reported: {before}");
    }
    brieflint(dir.path())
        .args(["check", "--fix", "p.md"])
        .assert()
        .code(0);
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "We act at this point in *time*, and **Going** forward we test.\n\n\
         We [use](https://x.example) it, ~~before~~ launch, `utilize` and _use_.\n\n\
         At this point in [time](https://x.example) and prior\nto launch.\n"
    );
    let after = short(dir.path(), &["p.md"]);
    for term in ["at this point in *time", "Going** forward", "prior\\nto"] {
        assert!(after.contains(term), "{term} still reported: {after}");
    }
}
