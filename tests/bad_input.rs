//! Inputs that are not clean UTF-8 Markdown files: undecodable, binary, empty, absurdly
//! nested, unreadable, dangling, vanishing, misconfigured, huge or very many. Each one is
//! run beside a good file with jargon, to show that one bad file is reported (path and
//! reason on standard error, exit 2 at the end) and never stops the others being checked.
//!
//! `tests/cli.rs` already covers the simple cases met while walking a folder (a Latin-1
//! file on line 1, a `\0\1\2` file, a broken link) and `a_closed_pipe_ends_quietly`;
//! these go further.

mod common;

use common::{Run, brieflint, write};

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command as Std;
use std::sync::Arc;
use std::time::Instant;

use serde_json::Value;

/// The good file of every run: "leverage" is jargon (1:9); "synergies" and "from scratch"
/// are left alone in English text.
const GOOD: &str = "We will leverage synergies from scratch.\n";
/// How the good file's finding looks in `--format short`.
const GOOD_FINDING: &str = "good.md:1:9: warning[jargon]";

const BIN: &str = env!("CARGO_BIN_EXE_brieflint");

/// A folder that is its own repository, so no `brieflint.toml` above it is picked up.
fn workspace() -> tempfile::TempDir {
    workspace_in(&std::env::temp_dir()).unwrap()
}

fn workspace_in(base: &Path) -> std::io::Result<tempfile::TempDir> {
    let dir = tempfile::tempdir_in(base)?;
    fs::create_dir(dir.path().join(".git"))?;
    fs::write(dir.path().join("good.md"), GOOD)?;
    Ok(dir)
}

fn run(dir: &Path, args: &[&str]) -> Run {
    Run::of(brieflint(dir).args(args).output().unwrap())
}

/// The `--format json` report's file object whose path ends with `name`.
fn file_named<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"].as_str().unwrap().ends_with(name))
        .unwrap_or_else(|| panic!("{name} not among the checked files: {report:#}"))
}

/// `(line, column, text)` of a file's jargon findings.
fn jargon_of(file: &Value) -> Vec<(u64, u64, String)> {
    file["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "jargon")
        .map(|f| {
            (
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
                f["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

// 1. Not UTF-8 ------------------------------------------------------------------------

#[test]
fn latin1_is_located_by_line_and_character_column() {
    let dir = workspace();
    // Line 1 is valid UTF-8; on line 2, "Résumé: d" is 9 characters (11 bytes) before the
    // Latin-1 é, so the column counts characters: 10.
    let mut bytes = "Café au lait.\nRésumé: d".as_bytes().to_vec();
    bytes.extend_from_slice(b"\xe9p\xf4t\n");
    write(dir.path(), "latin1.md", bytes);
    run(
        dir.path(),
        &["check", "--format", "short", "latin1.md", "good.md"],
    )
    .expect_code(2)
    .expect_stderr("error: latin1.md: not valid UTF-8 at line 2, column 10")
    .expect_stdout(GOOD_FINDING);
}

// 2. UTF-16 with a byte-order mark -------------------------------------------------------

fn utf16(text: &str, little: bool) -> Vec<u8> {
    let mut bytes = if little {
        vec![0xff, 0xfe]
    } else {
        vec![0xfe, 0xff]
    };
    for unit in text.encode_utf16() {
        bytes.extend(if little {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    bytes
}

#[test]
fn utf16_with_a_bom_is_decoded_and_checked_at_the_right_line() {
    let dir = workspace();
    write(
        dir.path(),
        "le.md",
        utf16(
            "# Plan\n\nA first paragraph.\n\nWe will leverage synergies from scratch.\n",
            true,
        ),
    );
    write(
        dir.path(),
        "be.md",
        utf16(
            "# Plan\r\n\r\nUn résumé, déjà.\r\n\r\nWe will leverage synergies from scratch.\r\n",
            false,
        ),
    );
    let checked = run(
        dir.path(),
        &[
            "check", "--format", "json", "--deny", "warning", "le.md", "be.md", "good.md",
        ],
    );
    checked.expect_code(1);
    let report = checked.json();
    assert_eq!(report["errors"], serde_json::json!([]), "{report:#}");
    for name in ["le.md", "be.md", "good.md"] {
        let line = if name == "good.md" { 1 } else { 5 };
        assert_eq!(
            jargon_of(file_named(&report, name)),
            vec![(line, 9, "leverage".to_string())],
            "{name}"
        );
    }

    // A UTF-16 file that does not decode (a lone surrogate) is an error for that file only.
    let mut lone = vec![0xff, 0xfe, 0x00, 0xd8];
    lone.extend(utf16("A", true).split_off(2));
    write(dir.path(), "lone.md", lone);
    run(
        dir.path(),
        &["check", "--format", "short", "lone.md", "good.md"],
    )
    .expect_code(2)
    .expect_stderr("error: lone.md: invalid UTF-16")
    .expect_stdout(GOOD_FINDING);
}

// 3. Binary -------------------------------------------------------------------------------

#[test]
fn a_binary_file_is_skipped_and_named() {
    let dir = workspace();
    // A PNG signature and the start of its IHDR chunk: the first NUL is byte 8.
    write(
        dir.path(),
        "logo.md",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x01\x00",
    );
    // UTF-16 without a byte-order mark cannot be told from binary.
    let mut no_bom = utf16("We will leverage it.\n", true);
    no_bom.drain(..2);
    write(dir.path(), "nobom.md", no_bom);
    run(
        dir.path(),
        &[
            "check", "--format", "short", "logo.md", "nobom.md", "good.md",
        ],
    )
    .expect_code(2)
    .expect_stderr("error: logo.md: binary file (NUL byte at offset 8), skipped")
    .expect_stderr("error: nobom.md: binary file (NUL byte at offset 1), skipped")
    .expect_stdout(GOOD_FINDING);

    // In JSON the errors are part of the report, beside the good file's findings.
    let json = run(
        dir.path(),
        &["check", "--format", "json", "logo.md", "good.md"],
    );
    json.expect_code(2);
    let report = json.json();
    assert_eq!(
        report["errors"],
        serde_json::json!([{
            "path": "logo.md",
            "message": "binary file (NUL byte at offset 8), skipped",
        }])
    );
    assert_eq!(
        jargon_of(file_named(&report, "good.md")),
        vec![(1, 9, "leverage".to_string())]
    );
    assert_eq!(report["summary"]["unreadable"], 1);
}

// 4. Empty --------------------------------------------------------------------------------

#[test]
fn empty_and_whitespace_only_files_are_checked_and_clean() {
    let dir = workspace();
    let empties: [(&str, &[u8]); 5] = [
        ("empty.md", b""),
        ("blank.md", b"  \n\t\n   \r\n\n"),
        ("crlf.md", b"\r\n\r\n"),
        ("bom8.md", b"\xef\xbb\xbf"),
        ("bom16.md", b"\xff\xfe"),
    ];
    for (name, bytes) in empties {
        write(dir.path(), name, bytes);
    }
    let mut args = vec!["check", "--format", "json", "--deny", "warning"];
    args.extend(empties.iter().map(|(name, _)| *name));
    let alone = run(dir.path(), &args);
    alone.expect_code(0);
    let report = alone.json();
    assert_eq!(report["summary"]["files"], empties.len(), "{report:#}");
    for (name, _) in empties {
        assert_eq!(
            file_named(&report, name)["findings"],
            serde_json::json!([]),
            "{name}"
        );
    }

    let mut args = vec!["check", "--format", "short", "--deny", "warning"];
    args.extend(empties.iter().map(|(name, _)| *name));
    args.push("good.md");
    let with_good = run(dir.path(), &args);
    with_good.expect_code(1).expect_stdout(GOOD_FINDING);
    assert_eq!(with_good.stdout.lines().count(), 1, "{}", with_good.stdout);
    assert_eq!(with_good.stderr, "");
}

// 5. Deep nesting ---------------------------------------------------------------------------

#[test]
fn deeply_nested_markdown_does_not_crash() {
    const DEPTH: usize = 5_000;
    let dir = workspace();
    let tail = "We will leverage synergies.\n";
    let nested = [
        ("lists.md", format!("{}{tail}", "- ".repeat(DEPTH))),
        ("ordered.md", format!("{}{tail}", "1. ".repeat(DEPTH))),
        ("quotes.md", format!("{}{tail}", "> ".repeat(DEPTH))),
        ("mixed.md", format!("{}{tail}", "> - ".repeat(DEPTH / 2))),
        (
            "brackets.md",
            format!(
                "{}{}{}\n\n{}{}\n\n{}\n",
                "[".repeat(DEPTH),
                tail.trim_end(),
                "]".repeat(DEPTH),
                "(".repeat(DEPTH),
                ")".repeat(DEPTH),
                "[a](".repeat(DEPTH),
            ),
        ),
        (
            "emphasis.md",
            format!("{0}{1}{0}\n", "*".repeat(DEPTH), tail.trim_end()),
        ),
        // A thousand levels of list items on their own lines (1 MB of indentation).
        (
            "indented.md",
            (0..1_000)
                .map(|level| format!("{}- item\n", "  ".repeat(level)))
                .chain([format!("\n{tail}")])
                .collect(),
        ),
    ];
    for (name, text) in &nested {
        write(dir.path(), name, text);
    }
    let mut args = vec!["check", "--format", "json"];
    args.extend(nested.iter().map(|(name, _)| *name));
    args.push("good.md");
    let checked = run(dir.path(), &args);
    assert_ne!(checked.code, Some(101), "panicked:\n{}", checked.stderr);
    assert!(
        matches!(checked.code, Some(0 | 1)),
        "exit {:?}:\n{}",
        checked.code,
        checked.stderr
    );
    assert!(!checked.stderr.contains("panicked"), "{}", checked.stderr);
    let report = checked.json();
    assert_eq!(report["errors"], serde_json::json!([]));
    assert_eq!(
        jargon_of(file_named(&report, "good.md")),
        vec![(1, 9, "leverage".to_string())]
    );
    // The parser keeps the innermost text as prose, so its jargon is still found.
    for (name, _) in &nested {
        let words: Vec<String> = jargon_of(file_named(&report, name))
            .into_iter()
            .map(|(_, _, text)| text.to_lowercase())
            .collect();
        assert!(words.contains(&"leverage".to_string()), "{name}: {words:?}");
    }
}

// 6. Permission denied ------------------------------------------------------------------------

/// The effective user id, from /proc (no libc).
fn effective_uid() -> Option<u32> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("Uid:"))?;
    line.split_whitespace().nth(2)?.parse().ok()
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

/// Runs brieflint in `dir` as a user who cannot read a mode-000 file: root can read
/// anything, so as root (CI containers) it runs as `nobody` through setpriv.
#[cfg(unix)]
fn run_unprivileged(dir: &Path, args: &[&str]) -> Run {
    let mut cmd = if effective_uid() == Some(0) {
        let has_setpriv = Std::new("setpriv")
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success());
        assert!(
            has_setpriv,
            "running as root, where mode 000 does not stop reads: this test needs `setpriv` \
             (util-linux) to drop to an unprivileged user; install util-linux"
        );
        let mut cmd = Std::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups", BIN]);
        cmd
    } else {
        Std::new(BIN)
    };
    let output = cmd
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .output()
        .unwrap();
    Run::of(output)
}

#[cfg(unix)]
#[test]
fn permission_denied_is_reported_and_the_rest_checked() {
    // Under target/tmp rather than $TMPDIR: the unprivileged user must be able to reach
    // it, and it can reach the binary beside it.
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    fs::create_dir(dir.path().join(".git")).unwrap();
    let good = write(dir.path(), "docs/good.md", GOOD);
    let locked = write(dir.path(), "docs/locked.md", "We will leverage synergy.\n");
    let vault = dir.path().join("docs/vault");
    write(&vault, "inside.md", "We will leverage synergy.\n");
    for folder in [dir.path(), &dir.path().join("docs")] {
        set_mode(folder, 0o755);
    }
    set_mode(&good, 0o644);
    set_mode(&locked, 0o000);
    set_mode(&vault, 0o000);

    let explicit = run_unprivileged(
        dir.path(),
        &[
            "check",
            "--format",
            "short",
            "docs/locked.md",
            "docs/good.md",
        ],
    );
    let walked = run_unprivileged(dir.path(), &["check", "--format", "short", "docs"]);
    set_mode(&vault, 0o755); // so that the temporary folder can be removed
    set_mode(&locked, 0o644);

    explicit
        .expect_code(2)
        .expect_stderr("error: docs/locked.md: permission denied")
        .expect_stdout(&format!("docs/{GOOD_FINDING}"));
    walked
        .expect_code(2)
        .expect_stderr("error: docs/locked.md: permission denied")
        .expect_stdout(&format!("docs/{GOOD_FINDING}"));
    let vault_error = walked
        .stderr
        .lines()
        .find(|l| l.starts_with("error: docs/vault"))
        .unwrap_or_else(|| panic!("the unreadable folder is not reported:\n{}", walked.stderr));
    assert!(
        vault_error.to_lowercase().contains("permission denied"),
        "{vault_error}"
    );
}

// 7. Symbolic links ------------------------------------------------------------------------------

#[cfg(unix)]
fn dangling_links(dir: &Path) {
    use std::os::unix::fs::symlink;
    symlink("missing.md", dir.join("broken.md")).unwrap();
    symlink("b.md", dir.join("a.md")).unwrap();
    symlink("a.md", dir.join("b.md")).unwrap();
}

#[cfg(unix)]
#[test]
fn broken_and_looping_symlinks_named_explicitly_are_reported() {
    let dir = workspace();
    dangling_links(dir.path());
    run(
        dir.path(),
        &[
            "check",
            "--format",
            "short",
            "broken.md",
            "a.md",
            "b.md",
            "good.md",
        ],
    )
    .expect_code(2)
    .expect_stderr("error: broken.md: broken symbolic link (its target does not exist)")
    .expect_stderr("error: a.md: too many levels of symbolic links (a symlink loop)")
    .expect_stderr("error: b.md: too many levels of symbolic links (a symlink loop)")
    .expect_stdout(GOOD_FINDING);
}

#[cfg(unix)]
#[test]
fn broken_and_looping_symlinks_met_in_a_walk_are_reported() {
    let dir = workspace();
    dangling_links(dir.path());
    // The walk follows links: ignore's error text is passed on, minus its prefix.
    let walked = run(dir.path(), &["check", "--format", "short", "."]);
    walked
        .expect_code(2)
        .expect_stdout(&format!("./{GOOD_FINDING}"));
    let error_of = |name: &str| -> String {
        let prefix = format!("error: ./{name}: ");
        let line = walked
            .stderr
            .lines()
            .find(|l| l.starts_with(&prefix))
            .unwrap_or_else(|| panic!("{name} is not reported:\n{}", walked.stderr));
        line[prefix.len()..].to_lowercase()
    };
    // A walk words them as naming the file would, not with the OS's raw text.
    let broken = error_of("broken.md");
    assert_eq!(broken, "broken symbolic link (its target does not exist)");
    for name in ["a.md", "b.md"] {
        let looping = error_of(name);
        assert_eq!(
            looping,
            "too many levels of symbolic links (a symlink loop)"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_dangling_link_to_a_file_that_is_not_markdown_is_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("good.md"), GOOD).unwrap();
    std::os::unix::fs::symlink("nowhere.png", dir.path().join("logo.png")).unwrap();
    brieflint(dir.path())
        .args(["check", "--format", "short", "."])
        .assert()
        .code(0)
        .stderr(predicates::str::is_empty());
}

#[cfg(unix)]
#[test]
fn a_folder_symlink_loop_is_reported_at_the_link() {
    let dir = workspace();
    fs::create_dir(dir.path().join("sub")).unwrap();
    fs::rename(dir.path().join("good.md"), dir.path().join("sub/good.md")).unwrap();
    std::os::unix::fs::symlink("..", dir.path().join("sub/up")).unwrap();
    let walked = run(dir.path(), &["check", "--format", "short", "."]);
    walked
        .expect_code(2)
        .expect_stdout(&format!("./sub/{GOOD_FINDING}"));
    assert_eq!(
        walked.stdout.lines().count(),
        1,
        "the loop is not followed:\n{}",
        walked.stdout
    );
    // The error must name the link that loops, not only the folder the walk started at.
    let error = walked
        .stderr
        .lines()
        .find(|l| l.contains("loop"))
        .unwrap_or_else(|| panic!("the loop is not reported:\n{}", walked.stderr));
    assert!(
        error.starts_with("error: ./sub/up: "),
        "the loop is not located at its link ./sub/up: {error:?}"
    );
}

// 8. A file deleted between listing and reading ---------------------------------------------------

#[test]
fn a_file_deleted_after_listing_is_an_error_for_that_file_only() {
    use brieflint::batch::{BatchResult, Settings};
    use brieflint::config::Config;
    use brieflint::input::Input;

    let dir = workspace();
    for name in ["a.md", "b.md", "c.md"] {
        write(dir.path(), name, "We will leverage synergy.\n");
    }
    let (files, errors) =
        brieflint::discover::walk(dir.path(), dir.path(), Default::default(), &mut |_| false);
    assert!(errors.is_empty(), "{errors:?}");
    let mut locator = brieflint::project::Locator::new();
    let inputs: Vec<Input> = files.iter().map(|f| Input::file(f, &mut locator)).collect();
    let listed: Vec<String> = inputs
        .iter()
        .map(|i| {
            i.path()
                .unwrap()
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(listed, ["a.md", "b.md", "c.md", "good.md"]);

    fs::remove_file(dir.path().join("b.md")).unwrap();
    let config_of = |_: &Input| Arc::new(Config::default());
    let engine = brieflint::engine::Engine::default();
    let settings = Settings {
        brief: None,
        lang: None,
        config_of: &config_of,
        progress: None,
        max_bytes: brieflint::input::DEFAULT_MAX_BYTES,
        engine: &engine,
    };
    let result = BatchResult::collect(inputs, &settings).unwrap();

    assert_eq!(result.errors.len(), 1, "{:?}", result.errors);
    let error = &result.errors[0];
    assert!(error.path.ends_with("b.md"), "{error:?}");
    assert!(error.message.contains("no such file"), "{error:?}");
    let checked: Vec<(String, usize)> = result
        .files
        .iter()
        .map(|f| {
            let name = Path::new(&f.analysis.doc.source.name)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let jargon = f
                .findings
                .iter()
                .filter(|x| x.rule == brieflint::vocab::RuleId::Jargon)
                .count();
            (name, jargon)
        })
        .collect();
    assert_eq!(
        checked,
        [
            ("a.md".to_string(), 2),
            ("c.md".to_string(), 2),
            ("good.md".to_string(), 1)
        ]
    );
}

// 9. Malformed configuration ------------------------------------------------------------------------

/// Runs `check .` under a configuration that cannot be used. A configuration error stops
/// the whole run before anything is checked (src/commands/workspace.rs: results under a
/// configuration the user did not mean would be wrong), so nothing is on stdout here.
fn run_misconfigured(dir: &Path) -> Run {
    let run = Run::of(
        brieflint(dir)
            .env("COLUMNS", "400")
            .args(["check", "--format", "short", "."])
            .output()
            .unwrap(),
    );
    run.expect_code(2);
    assert_eq!(
        run.stdout, "",
        "nothing is checked under a broken configuration"
    );
    run
}

fn canonical(path: PathBuf) -> String {
    path.canonicalize().unwrap().display().to_string()
}

#[test]
fn a_config_syntax_error_points_at_its_line() {
    let dir = workspace();
    let config = write(
        dir.path(),
        "brieflint.toml",
        "deny = \"error\"\nlang = \"en\"\n[rules\njargon = \"warning\"\n",
    );
    run_misconfigured(dir.path()).expect_stderr(&format!("{}:3:", canonical(config)));
}

#[test]
fn an_unknown_config_key_is_named_on_its_line() {
    let dir = workspace();
    let config = write(
        dir.path(),
        "brieflint.toml",
        "deny = \"error\"\nlang = \"en\"\ncolour = \"never\"\n",
    );
    run_misconfigured(dir.path())
        .expect_stderr(&format!("{}:3:1", canonical(config)))
        .expect_stderr("unknown key `colour`");
}

#[test]
fn a_malformed_user_dictionary_points_at_its_own_line() {
    let dir = workspace();
    write(
        dir.path(),
        "brieflint.toml",
        "deny = \"error\"\ndictionaries = [\"my.toml\"]\n",
    );
    let dictionary = write(
        dir.path(),
        "my.toml",
        "lang = \"en\"\n\n[[entry]]\nterm = \"circle back\"\ncategory = \n",
    );
    run_misconfigured(dir.path()).expect_stderr(&format!("{}:5:", canonical(dictionary)));

    // A dictionary that cannot be read is reported on the configuration's line.
    let config = write(
        dir.path(),
        "brieflint.toml",
        "deny = \"error\"\ndictionaries = [\"nope.toml\"]\n",
    );
    run_misconfigured(dir.path())
        .expect_stderr(&format!("{}:2:", canonical(config)))
        .expect_stderr("nope.toml");
}

// 10. Standard output closed early ---------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn output_piped_into_head_ends_without_a_panic() {
    let dir = workspace();
    // 300 files × 20 findings of ~100 bytes: far more than a pipe buffer holds, so
    // brieflint is still writing when head exits.
    let text = "We will leverage it.\n\n".repeat(20);
    for i in 0..300 {
        write(dir.path(), &format!("many/f{i:03}.md"), &text);
    }
    let has_bash = Std::new("bash")
        .args(["-c", "true"])
        .status()
        .is_ok_and(|s| s.success());
    assert!(has_bash, "this test needs bash (for PIPESTATUS)");
    let output = Std::new("bash")
        .args([
            "-c",
            r#""$0" check --format short many | head -n 1; exit "${PIPESTATUS[0]}""#,
            BIN,
        ])
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let piped = Run::of(output);
    assert!(!piped.stderr.contains("panicked"), "{}", piped.stderr);
    assert!(
        matches!(piped.code, Some(0 | 1)),
        "brieflint exited {:?} (101: panic; 141: killed by SIGPIPE):\n{}",
        piped.code,
        piped.stderr
    );
    assert_eq!(piped.stderr, "", "a closed pipe is not an error");
    assert!(
        piped
            .stdout
            .starts_with("many/f000.md:1:9: warning[jargon]"),
        "{}",
        piped.stdout
    );
    assert_eq!(piped.stdout.lines().count(), 1);
}

// 11. Twenty thousand files -------------------------------------------------------------------------------

#[test]
fn twenty_thousand_files_are_checked_in_a_stable_sorted_order() {
    const FOLDERS: usize = 200;
    const FILES: usize = 100;
    let started = Instant::now();
    // Created in reverse, so that creation order is not the expected order.
    let tree = |root: &Path| -> std::io::Result<()> {
        for folder in (0..FOLDERS).rev() {
            let path = root.join(format!("tree/d{folder:03}"));
            fs::create_dir_all(&path)?;
            for file in (0..FILES).rev() {
                fs::write(path.join(format!("f{file:03}.md")), "We leverage it.\n")?;
            }
        }
        Ok(())
    };
    // Creating 20,000 files takes ~25 s of kernel time on some CI disks and under a second
    // on tmpfs: use /dev/shm when it is there and has room (Docker's default is 64 MB, and
    // each tiny file takes a 4 KB page), else the usual temporary folder.
    let in_shm = workspace_in(Path::new("/dev/shm"))
        .ok()
        .filter(|dir| tree(dir.path()).is_ok());
    let dir = in_shm.unwrap_or_else(|| {
        let dir = workspace();
        tree(dir.path()).unwrap();
        dir
    });
    let written = started.elapsed();
    let check = || {
        let run = run(
            dir.path(),
            &["check", "--format", "short", "--threads", "2", "tree"],
        );
        run.expect_code(0);
        assert_eq!(run.stderr, "");
        run.stdout
    };
    let first = check();
    let second = check();
    assert!(first == second, "two runs differ");
    let lines: Vec<&str> = first.lines().collect();
    assert_eq!(lines.len(), FOLDERS * FILES);
    let expected = (0..FOLDERS).flat_map(|d| (0..FILES).map(move |f| (d, f)));
    for (line, (folder, file)) in lines.iter().zip(expected) {
        let prefix = format!("tree/d{folder:03}/f{file:03}.md:1:4: warning[jargon] “leverage”");
        assert!(
            line.starts_with(&prefix),
            "expected {prefix:?}, got {line:?}"
        );
    }
    eprintln!(
        "20,000 files: written in {written:?}, two runs in {:?}",
        started.elapsed() - written
    );
}

// 12. A large single-line file ------------------------------------------------------------------------------

#[test]
fn a_twenty_megabyte_line_is_checked_in_bounded_memory() {
    const SIZE: usize = 20 << 20;
    let time = Path::new("/usr/bin/time");
    assert!(
        time.exists(),
        "this test measures peak memory with GNU /usr/bin/time: install `time` (apt-get install time)"
    );
    let dir = workspace();
    let sentence =
        "The team will write a clear plan for the client and measure the results every week. ";
    let mut prose = sentence.repeat(2_040 / sentence.len() + 1);
    prose.truncate(2_040);
    let mut text = String::with_capacity(SIZE + 4_096);
    let mut jargon = 0;
    while text.len() < SIZE {
        text.push_str(&prose);
        text.push_str(" We leverage it. ");
        jargon += 1;
    }
    text.push('\n');
    let path = write(dir.path(), "big.md", &text);
    let size = fs::metadata(&path).unwrap().len();
    drop(text);

    let rss_file = dir.path().join("rss.txt");
    let started = Instant::now();
    let output = Std::new(time)
        .arg("-f")
        .arg("%M")
        .arg("-o")
        .arg(&rss_file)
        .arg(BIN)
        .args([
            "check", "--format", "json", "--deny", "warning", "big.md", "good.md",
        ])
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let elapsed = started.elapsed();
    let checked = Run::of(output);
    checked.expect_code(1);
    let report = checked.json();
    let big = jargon_of(file_named(&report, "big.md"));
    assert!(jargon > 10_000, "{jargon} jargon words written");
    // At most 1000 findings per rule and file, then one note for the rest.
    assert_eq!(
        big.len(),
        1_001,
        "{:?}",
        &big[big.len().saturating_sub(3)..]
    );
    assert!(
        big[..1_000]
            .iter()
            .all(|(line, _, text)| *line == 1 && text == "leverage")
    );
    let note = file_named(&report, "big.md")["findings"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(note.starts_with("more than 1000 jargon findings"), "{note}");
    assert_eq!(
        jargon_of(file_named(&report, "good.md")),
        vec![(1, 9, "leverage".to_string())]
    );
    assert_eq!(report["summary"]["warnings"], 1_001 + 1);

    // GNU time writes "Command exited with non-zero status 1" before the figure.
    let rss_kb: u64 = fs::read_to_string(&rss_file)
        .unwrap()
        .lines()
        .last()
        .and_then(|l| l.trim().parse().ok())
        .expect("peak RSS in KB from /usr/bin/time");
    let rss = rss_kb * 1024;
    // A generous ceiling for a debug build: the product target is 2× the file size,
    // measured separately (release build) by the benchmark.
    let ceiling = (64 << 20) + 4 * size;
    eprintln!(
        "{} MB file: peak RSS {} MB (ceiling {} MB), {elapsed:?}",
        size >> 20,
        rss >> 20,
        ceiling >> 20
    );
    assert!(
        rss <= ceiling,
        "peak RSS {} MB over {} MB for a {} MB file",
        rss >> 20,
        ceiling >> 20,
        size >> 20
    );
}
