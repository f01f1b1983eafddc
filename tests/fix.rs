//! `--fix` through the binary: it never damages a document (markup, links, permissions,
//! owners) and never loses an edit made beside it (locks, changes on disk, signals, closed
//! pipes, a concurrent writer).

mod common;

use common::{brieflint, repo};

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use brieflint::fix::FixError;
use brieflint::input::{self, Input};
use brieflint::project::Locator;
use predicates::prelude::*;

/// The binary as a plain process, for runs that are interrupted or raced.
fn spawn(dir: &Path, args: &[&str], stdout: Stdio) -> Child {
    std::process::Command::new(assert_cmd::cargo::cargo_bin("brieflint"))
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(args)
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn short(dir: &Path, args: &[&str]) -> String {
    let out = brieflint(dir)
        .args(["check", "--format", "short"])
        .args(args)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

/// `count` proposals with one safe fix each, in `dir/docs`.
fn many_files(dir: &Path, count: usize) -> Vec<PathBuf> {
    fs::create_dir(dir.join("docs")).unwrap();
    (0..count)
        .map(|i| {
            let path = dir.join(format!("docs/p{i:05}.md"));
            fs::write(&path, format!("# Plan {i}\n\nWe will utilize TV.\n")).unwrap();
            path
        })
        .collect()
}

fn temp_files_left(dir: &Path) -> Vec<PathBuf> {
    walk(dir)
        .into_iter()
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(".brieflint-fix"))
        })
        .collect()
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(walk(&path));
        } else {
            found.push(path);
        }
    }
    found
}

#[test]
fn fixes_never_cross_inline_markup_but_findings_are_still_reported() {
    let dir = repo();
    let path = dir.path().join("p.md");
    let original = "We act at this point in *time*, and **going** forward we test.\n\n\
                    We [utilize](https://x.example) it, ~~prior to~~ launch, `utilize` and _utilize_.\n\n\
                    At this point in [time](https://x.example) and prior\nto launch.\n";
    fs::write(&path, original).unwrap();
    let before = short(dir.path(), &["p.md"]);
    for term in [
        "at this point in *time",
        "going** forward",
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
        "We act at this point in *time*, and **going** forward we test.\n\n\
         We [use](https://x.example) it, ~~before~~ launch, `utilize` and _use_.\n\n\
         At this point in [time](https://x.example) and prior\nto launch.\n"
    );
    let after = short(dir.path(), &["p.md"]);
    for term in ["at this point in *time", "going** forward", "prior\\nto"] {
        assert!(after.contains(term), "{term} still reported: {after}");
    }
}

#[test]
fn fixes_write_through_symbolic_links() {
    let dir = repo();
    fs::create_dir(dir.path().join("real")).unwrap();
    let target = dir.path().join("real/p.md");
    fs::write(&target, "We will utilize TV.\n").unwrap();
    let link = dir.path().join("p.md");
    std::os::unix::fs::symlink("real/p.md", &link).unwrap();
    brieflint(dir.path())
        .args(["check", "--fix", "p.md"])
        .assert()
        .code(0);
    assert!(fs::symlink_metadata(&link).unwrap().is_symlink());
    assert_eq!(fs::read_link(&link).unwrap(), Path::new("real/p.md"));
    assert_eq!(fs::read_to_string(&target).unwrap(), "We will use TV.\n");
    assert!(temp_files_left(dir.path()).is_empty());
}

#[test]
fn read_only_and_hard_linked_files_are_refused_and_left_alone() {
    use std::os::unix::fs::PermissionsExt;
    let dir = repo();
    let text = "We will utilize TV.\n";
    let read_only = dir.path().join("ro.md");
    fs::write(&read_only, text).unwrap();
    fs::set_permissions(&read_only, fs::Permissions::from_mode(0o444)).unwrap();
    brieflint(dir.path())
        .args(["check", "--fix", "ro.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("ro.md: read-only; not fixed"));
    assert_eq!(fs::read_to_string(&read_only).unwrap(), text);
    assert_eq!(
        fs::metadata(&read_only).unwrap().permissions().mode() & 0o777,
        0o444
    );

    let linked = dir.path().join("a.md");
    fs::write(&linked, text).unwrap();
    fs::hard_link(&linked, dir.path().join("b.md")).unwrap();
    brieflint(dir.path())
        .args(["check", "--fix", "a.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "a.md: has 2 hard links; not fixed",
        ));
    assert_eq!(fs::read_to_string(&linked).unwrap(), text);
    assert_eq!(fs::read_to_string(dir.path().join("b.md")).unwrap(), text);
    assert!(temp_files_left(dir.path()).is_empty());
}

#[test]
fn the_owner_and_group_are_kept() {
    use std::os::unix::fs::MetadataExt;
    let dir = repo();
    let path = dir.path().join("p.md");
    fs::write(&path, "We will utilize TV.\n").unwrap();
    if fs::metadata(&path).unwrap().uid() != 0 {
        eprintln!("skipped: only root can give a file to another user");
        return;
    }
    std::os::unix::fs::chown(&path, Some(4321), Some(8765)).unwrap();
    brieflint(dir.path())
        .args(["check", "--fix", "p.md"])
        .assert()
        .code(0);
    let meta = fs::metadata(&path).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (4321, 8765));
    assert_eq!(fs::read_to_string(&path).unwrap(), "We will use TV.\n");
}

#[test]
fn after_fixing_the_report_shows_fresh_positions_and_what_remains() {
    let dir = repo();
    let original = "We utilize synergy.\n\nWe utilize it prior to a holistic launch.\n";
    let path = dir.path().join("p.md");
    fs::write(&path, original).unwrap();
    let fixing = short(dir.path(), &["--fix", "p.md"]);
    let fresh = short(dir.path(), &["p.md"]);
    assert_eq!(
        fixing, fresh,
        "positions after the fix are those of the fixed file"
    );
    assert!(
        fresh.starts_with("p.md:1:8: warning[jargon] “synergy”"),
        "{fresh}"
    );
    assert!(fresh.contains("p.md:3:20:"), "holistic moved left: {fresh}");

    fs::write(&path, original).unwrap();
    let summary = brieflint(dir.path())
        .args(["check", "--fix", "p.md"])
        .output()
        .unwrap();
    let report = String::from_utf8(summary.stdout).unwrap();
    assert!(
        report.ends_with("1 file checked: 3 fixed, 2 remaining (0 errors, 2 warnings)\n"),
        "{report}"
    );
    assert!(report.contains("╭─[p.md:3:20]"), "{report}");
    assert!(
        String::from_utf8(summary.stderr)
            .unwrap()
            .contains("fixed 3 findings in p.md")
    );
}

#[test]
fn standard_input_fixed_text_and_diff_go_to_standard_output() {
    let dir = repo();
    let text = "We will utilize TV prior to launch.\nA holistic plan.\n";
    brieflint(dir.path())
        .args(["check", "--fix", "-"])
        .write_stdin(text)
        .assert()
        .code(0)
        .stdout("We will use TV before launch.\nA holistic plan.\n")
        .stderr(
            predicate::str::contains("<stdin>:2:3").and(predicate::str::contains(
                "2 fixed, 1 remaining (0 errors, 1 warning)",
            )),
        );
    brieflint(dir.path())
        .args(["check", "--fix", "--diff", "-"])
        .write_stdin(text)
        .assert()
        .code(0)
        .stdout(
            "--- a/<stdin>\n+++ b/<stdin>\n@@ -1,2 +1,2 @@\n\
             -We will utilize TV prior to launch.\n\
             +We will use TV before launch.\n A holistic plan.\n",
        );
}

#[test]
fn two_runs_at_once_never_both_fix_a_file() {
    let dir = repo();
    let files = many_files(dir.path(), 300);
    let runs: Vec<Child> = (0..2)
        .map(|_| spawn(dir.path(), &["check", "--fix", "docs"], Stdio::null()))
        .collect();
    let mut fixed_by = vec![0; files.len()];
    for run in runs {
        let out = run.wait_with_output().unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        for line in stderr.lines() {
            if let Some(name) = line.strip_prefix("fixed 1 finding in docs/p") {
                fixed_by[name.trim_end_matches(".md").parse::<usize>().unwrap()] += 1;
            } else {
                assert!(line.contains("changed on disk"), "{line}");
            }
        }
    }
    assert!(fixed_by.iter().all(|&n| n == 1), "{fixed_by:?}");
    for (i, path) in files.iter().enumerate() {
        assert_eq!(
            fs::read_to_string(path).unwrap(),
            format!("# Plan {i}\n\nWe will use TV.\n")
        );
    }
}

#[test]
fn interrupted_runs_leave_no_temporary_files() {
    for signal in ["INT", "TERM"] {
        let dir = repo();
        let files = many_files(dir.path(), 1000);
        let mut run = spawn(
            dir.path(),
            &["check", "--fix", "--threads", "4", "docs"],
            Stdio::null(),
        );
        // Interrupt it while it is writing: once the first file was fixed.
        let started = Instant::now();
        while !files
            .iter()
            .any(|p| fs::read_to_string(p).is_ok_and(|t| t.contains("use TV")))
            && started.elapsed() < Duration::from_secs(60)
        {
            std::thread::sleep(Duration::from_millis(1));
        }
        let killed = std::process::Command::new("kill")
            .args([&format!("-{signal}"), &run.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let status = run.wait().unwrap();
        assert!(!status.success(), "SIG{signal} ended the run: {status:?}");
        assert_eq!(temp_files_left(dir.path()), Vec::<PathBuf>::new());
        let unfixed = files
            .iter()
            .filter(|p| fs::read_to_string(p).unwrap().contains("utilize"))
            .count();
        assert!(unfixed > 0, "SIG{signal} came before the run was over");
    }
}

#[test]
fn closed_output_pipes_do_not_stop_the_fixes() {
    let dir = repo();
    // More than a chunk of files, each with a finding left to report after the fix.
    let files = many_files(dir.path(), 1200);
    for path in &files {
        let text = fs::read_to_string(path).unwrap();
        fs::write(path, text + "A holistic plan.\n").unwrap();
    }
    let mut run = spawn(
        dir.path(),
        &["check", "--fix", "--format", "short", "docs"],
        Stdio::piped(),
    );
    // `--fix 2>&1 | head -1`: both outputs closed before the first line.
    drop(run.stdout.take());
    drop(run.stderr.take());
    assert_eq!(run.wait().unwrap().code(), Some(0), "exit as usual");
    let unfixed: Vec<&PathBuf> = files
        .iter()
        .filter(|p| fs::read_to_string(p).unwrap().contains("utilize"))
        .collect();
    assert!(unfixed.is_empty(), "{} not fixed", unfixed.len());
}

/// A writer appends lines while the file is fixed again and again, through the library
/// (the binary's start-up would allow a few runs a second): read, compute the fixes, write.
/// The writer locks the file as brieflint does (and appends to the file the path names
/// once it holds the lock): no line may be lost; each round fixes the file or leaves it.
#[test]
fn a_concurrent_writer_never_loses_a_line() {
    const ROUNDS: usize = 400;
    let dir = repo();
    let path = dir.path().join("log.md");
    fs::write(&path, "# Notes\n\n").unwrap();
    let done = Arc::new(AtomicBool::new(false));
    let writer = {
        let (path, done) = (path.clone(), done.clone());
        std::thread::spawn(move || {
            let mut lines = 0;
            while !done.load(Ordering::Relaxed) {
                append(&path, &format!("- note {lines}: we utilize TV\n"));
                lines += 1;
                // Bursts and pauses, so that some rounds find the file quiet.
                let pause = if lines % 16 == 0 { 5000 } else { 100 };
                std::thread::sleep(Duration::from_micros(pause));
            }
            lines
        })
    };
    let input = Input::file(&path, &mut Locator::new());
    let (mut fixed, mut refused) = (0, 0);
    while fixed + refused < ROUNDS {
        let source = input::read(&input, input::DEFAULT_MAX_BYTES).unwrap();
        let text = source.text.replace("utilize", "use");
        if text == source.text {
            std::thread::sleep(Duration::from_micros(100));
            continue;
        }
        match brieflint::fix::write(&source, &path, &text) {
            Ok(()) => fixed += 1,
            Err(FixError::Changed(_)) => refused += 1,
            Err(err) => panic!("{err}"),
        }
    }
    done.store(true, Ordering::Relaxed);
    let lines = writer.join().unwrap();
    let text = fs::read_to_string(&path).unwrap();
    let notes: Vec<usize> = text
        .lines()
        .filter_map(|l| l.strip_prefix("- note ")?.split(':').next()?.parse().ok())
        .collect();
    eprintln!(
        "{ROUNDS} rounds: {fixed} fixed, {refused} refused as changed; {lines} lines appended, {} kept",
        notes.len()
    );
    assert_eq!(
        notes,
        (0..lines).collect::<Vec<_>>(),
        "every line, once, in order"
    );
    assert!(
        fixed > 0 && text.contains("we use TV"),
        "some rounds fixed the file"
    );
    assert!(temp_files_left(dir.path()).is_empty());
}

/// Appends `line` under the advisory lock brieflint takes, to the file `path` names once
/// the lock is held (a fix may have replaced the one opened while waiting).
fn append(path: &Path, line: &str) {
    use std::os::unix::fs::MetadataExt;
    loop {
        let mut file = fs::OpenOptions::new().append(true).open(path).unwrap();
        file.lock().unwrap();
        let (held, named) = (file.metadata().unwrap(), fs::metadata(path).unwrap());
        if (held.dev(), held.ino()) == (named.dev(), named.ino()) {
            file.write_all(line.as_bytes()).unwrap();
            return;
        }
    }
}
