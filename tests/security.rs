//! Repository content is untrusted: a pull request can add a `brieflint.toml`, dictionaries,
//! symbolic links and odd file names. Each test here is an attack or an accident that once
//! leaked a file's content, hung, ate memory, skipped files silently or misreported them
//! (see SECURITY.md). Every run also checks `good.md`, to show the rest is still checked.

mod common;

use common::Run;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use serde_json::Value;

/// "leverage" is jargon at 1:9.
const GOOD: &str = "We will leverage synergies.\n";
const GOOD_FINDING: &str = "good.md:1:9: warning[jargon]";
/// What secret files hold; it must never reach the output.
const SECRET: &str = "s3cr3t-t0ken-4242";

/// A valid one-entry jargon dictionary.
const DICTIONARY: &str = "lang = \"en\"\n\n[[entry]]\nterm = \"touch base\"\ncategory = \"buzzword\"\nreplace = [\"talk\"]\nreason = \"Meeting jargon.\"\n";

/// A folder that holds `repo/` (a repository with `good.md`) and files outside it.
struct Tree {
    dir: tempfile::TempDir,
}

impl Tree {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("repo/.git")).unwrap();
        fs::write(dir.path().join("repo/good.md"), GOOD).unwrap();
        fs::write(dir.path().join("secret.txt"), format!("TOKEN={SECRET}\n")).unwrap();
        Self { dir }
    }

    fn top(&self) -> &Path {
        self.dir.path()
    }

    fn repo(&self) -> PathBuf {
        self.dir.path().join("repo")
    }

    /// Writes `text` at `name` under the top folder.
    fn write(&self, name: &str, text: impl AsRef<[u8]>) -> PathBuf {
        let path = self.top().join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, text).unwrap();
        path
    }

    #[cfg(unix)]
    fn link(&self, target: impl AsRef<Path>, name: &str) {
        std::os::unix::fs::symlink(target, self.top().join(name)).unwrap();
    }
}

/// What a run must not have printed.
trait Leaks {
    /// Fails if the secret, or anything else in `leaked`, was printed.
    fn shows_none_of(&self, leaked: &[&str]) -> &Self;
}

impl Leaks for Run {
    fn shows_none_of(&self, leaked: &[&str]) -> &Self {
        for text in leaked.iter().chain([&SECRET]) {
            assert!(
                !self.stdout.contains(text) && !self.stderr.contains(text),
                "{text:?} leaked:\n{}\n{}",
                self.stdout,
                self.stderr
            );
        }
        self
    }
}

fn brieflint(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("brieflint").unwrap();
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "300")
        .timeout(Duration::from_secs(60));
    cmd
}

fn run(dir: &Path, args: &[&str]) -> Run {
    Run::of(brieflint(dir).args(args).output().unwrap())
}

fn check(dir: &Path) -> Run {
    run(dir, &["check", "--format", "short", "."])
}

// 1. Paths named by repository content stay in the repository ---------------------------------

#[cfg(target_os = "linux")]
#[test]
fn a_found_configuration_cannot_read_the_environment() {
    let tree = Tree::new();
    tree.write(
        "repo/brieflint.toml",
        "dictionaries = [\"/proc/self/environ\"]\n",
    );
    let run = Run::of(
        brieflint(&tree.repo())
            .env("CI_DEPLOY_KEY", SECRET)
            .args(["check", "--format", "short", "."])
            .output()
            .unwrap(),
    );
    run.expect_code(2)
        .expect_stderr("`dictionaries`: \"/proc/self/environ\" is outside")
        .shows_none_of(&["CI_DEPLOY_KEY"]);
}

#[test]
fn dictionaries_and_kpi_outside_the_repository_are_refused_by_key() {
    let tree = Tree::new();
    for key in ["dictionaries", "kpi"] {
        tree.write(
            "repo/brieflint.toml",
            format!("deny = \"error\"\n{key} = [\"../secret.txt\"]\n"),
        );
        check(&tree.repo())
            .expect_code(2)
            .expect_stderr("brieflint.toml:2:")
            .expect_stderr(&format!("`{key}`: \"../secret.txt\" is outside"))
            .shows_none_of(&["TOKEN"]);
    }
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_inside_the_repository_to_a_file_outside_is_refused() {
    let tree = Tree::new();
    tree.write("outside.toml", DICTIONARY);
    tree.link("../outside.toml", "repo/mine.toml");
    tree.write("repo/brieflint.toml", "dictionaries = [\"mine.toml\"]\n");
    check(&tree.repo())
        .expect_code(2)
        .expect_stderr("`dictionaries`: \"mine.toml\" is outside");
    // A link that stays inside is followed.
    tree.write("repo/dicts/real.toml", DICTIONARY);
    fs::remove_file(tree.top().join("repo/mine.toml")).unwrap();
    tree.link("dicts/real.toml", "repo/mine.toml");
    tree.write("repo/notes.md", "Let us touch base on Monday.\n");
    check(&tree.repo())
        .expect_code(0)
        .expect_stdout("notes.md:1:8: warning[jargon]");
}

#[test]
fn outside_a_repository_the_configuration_folder_is_the_boundary() {
    let tree = Tree::new();
    fs::remove_dir(tree.top().join("repo/.git")).unwrap();
    tree.write(
        "repo/team/brieflint.toml",
        "dictionaries = [\"../../secret.txt\"]\n",
    );
    tree.write("repo/team/good.md", GOOD);
    run(
        &tree.repo().join("team"),
        &["check", "--format", "short", "good.md"],
    )
    .expect_code(2)
    .expect_stderr("is outside")
    .shows_none_of(&["TOKEN"]);
}

#[test]
fn a_configuration_given_on_the_command_line_may_name_any_file() {
    let tree = Tree::new();
    let shared = tree.write("shared/agency.toml", DICTIONARY);
    let config = tree.write(
        "mine/brieflint.toml",
        format!("dictionaries = [{:?}]\n", shared.display().to_string()),
    );
    tree.write("repo/notes.md", "Let us touch base on Monday.\n");
    let config = config.display().to_string();
    run(
        &tree.repo(),
        &["check", "--format", "short", "--config", &config, "."],
    )
    .expect_code(0)
    .expect_stdout("notes.md:1:8: warning[jargon]");
    // Even then, a file that is not a dictionary is never quoted.
    tree.write(
        "mine/brieflint.toml",
        "dictionaries = [\"../secret.txt\"]\n",
    );
    run(&tree.repo(), &["check", "--config", &config, "."])
        .expect_code(2)
        .expect_stderr("secret.txt:1:")
        .expect_stderr("not a brieflint dictionary")
        .shows_none_of(&["TOKEN"]);
}

#[test]
fn a_file_that_is_not_a_dictionary_is_located_but_never_quoted() {
    let tree = Tree::new();
    // Inside the repository, and valid TOML: `.env`, or git's own file with a CI token.
    tree.write("repo/.env", format!("API_TOKEN = \"{SECRET}\"\n"));
    tree.write(
        "repo/.git/config",
        format!("[core]\n\tbare = false\n[http \"https://example.com/\"]\n\textraheader = AUTHORIZATION: basic {SECRET}\n"),
    );
    for (named, at) in [(".env", ".env:1:1"), (".git/config", "config:3:")] {
        tree.write(
            "repo/brieflint.toml",
            format!("dictionaries = [\"{named}\"]\n"),
        );
        check(&tree.repo())
            .expect_code(2)
            .expect_stderr(at)
            .expect_stderr("not a brieflint dictionary")
            .shows_none_of(&["extraheader"]);
    }
}

#[cfg(unix)]
#[test]
fn a_configuration_that_links_to_another_file_is_never_quoted() {
    let tree = Tree::new();
    tree.write(
        "repo/.streamlit/secrets.toml",
        format!("token = \"{SECRET}\"\n"),
    );
    tree.link(".streamlit/secrets.toml", "repo/brieflint.toml");
    check(&tree.repo())
        .expect_code(2)
        .expect_stderr("brieflint.toml:1:1: unknown key `token`")
        .shows_none_of(&[]);
    fs::remove_file(tree.top().join("repo/brieflint.toml")).unwrap();
    tree.link("../secret.txt", "repo/brieflint.toml");
    check(&tree.repo())
        .expect_code(2)
        .expect_stderr("a symbolic link to a file outside")
        .shows_none_of(&["TOKEN"]);
}

#[cfg(unix)]
#[test]
fn a_walk_does_not_follow_links_out_of_the_project() {
    let tree = Tree::new();
    let outside = tree.write("elsewhere/notes.md", format!("We leverage {SECRET}.\n"));
    tree.link(&outside, "repo/evil.md");
    tree.link("../elsewhere", "repo/docs");
    tree.link("good.md", "repo/same.md");
    let walked = check(&tree.repo());
    walked
        .expect_code(2)
        .expect_stderr("./evil.md: symbolic link to a file outside the project, not followed")
        .expect_stderr("./docs: symbolic link to a folder outside the project, not followed")
        .expect_stdout(GOOD_FINDING)
        .shows_none_of(&["evil.md:1:", "notes.md:1:"]);
    assert_eq!(walked.stdout.matches("warning[jargon]").count(), 1);
    // Named on the command line, the same link is the user's choice.
    run(&tree.repo(), &["check", "--format", "short", "evil.md"])
        .expect_code(0)
        .expect_stdout("evil.md:1:4: warning[jargon]");
}

// 2. Regular files only, and bounded -----------------------------------------------------------

#[cfg(unix)]
fn fifo(path: &Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(made.success());
}

#[cfg(unix)]
#[test]
fn a_named_pipe_as_dictionary_or_configuration_is_refused_without_blocking() {
    let tree = Tree::new();
    fifo(&tree.top().join("repo/words.toml"));
    tree.write("repo/brieflint.toml", "dictionaries = [\"words.toml\"]\n");
    let started = Instant::now();
    check(&tree.repo())
        .expect_code(2)
        .expect_stderr("`dictionaries`: ")
        .expect_stderr("words.toml: not a regular file (a named pipe)");
    fs::remove_file(tree.top().join("repo/brieflint.toml")).unwrap();
    fifo(&tree.top().join("repo/brieflint.toml"));
    check(&tree.repo())
        .expect_code(2)
        .expect_stderr("brieflint.toml: cannot read: not a regular file (a named pipe)");
    assert!(started.elapsed() < Duration::from_secs(30));
}

#[test]
fn user_dictionaries_are_capped_in_bytes() {
    let tree = Tree::new();
    let mut big = String::from("lang = \"en\"\n");
    for i in 0.. {
        if big.len() > 1 << 20 {
            break;
        }
        big.push_str(&format!(
            "[[entry]]\nterm = \"word{i}\"\ncategory = \"buzzword\"\nreplace = [\"w\"]\nreason = \"r\"\n"
        ));
    }
    tree.write("repo/big.toml", big);
    tree.write("repo/brieflint.toml", "dictionaries = [\"big.toml\"]\n");
    check(&tree.repo()).expect_code(2).expect_stderr(
        "big.toml: too large: the dictionaries of a configuration may hold 1024 KB in all",
    );
}

#[test]
fn brace_expansion_is_capped_before_it_is_done() {
    let tree = Tree::new();
    // 512 forms a pattern: 98 patterns pass 50,000 forms in a 15 KB file.
    let group = "{a,b,c,d,e,f,g,h}";
    let mut text = String::from("lang = \"en\"\n");
    for i in 0..200 {
        text.push_str(&format!(
            "[[entry]]\nterm = \"t{i}\"\nforms = [\"w{i}{group}{group}{group}\"]\ncategory = \"buzzword\"\nreplace = [\"x\"]\nreason = \"r\"\n"
        ));
    }
    tree.write("repo/wide.toml", &text);
    tree.write("repo/brieflint.toml", "dictionaries = [\"wide.toml\"]\n");
    let line = text
        .lines()
        .position(|l| l.starts_with("forms = [\"w97{"))
        .unwrap()
        + 1;
    check(&tree.repo())
        .expect_code(2)
        .expect_stderr("expand to more than 50000 forms")
        .expect_stderr(&format!("wide.toml:{line}:"));
}

// 3. Configuration mistakes are pointed at the key, with a suggestion --------------------------

#[test]
fn a_mistyped_key_or_rule_is_pointed_at_with_the_closest_valid_name() {
    let tree = Tree::new();
    tree.write(
        "repo/brieflint.toml",
        "deny = \"error\"\nalow = [\"Acme\"]\n",
    );
    check(&tree.repo())
        .expect_code(2)
        .expect_stderr("brieflint.toml:2:1: unknown key `alow`; did you mean `allow`?");
    tree.write(
        "repo/brieflint.toml",
        "deny = \"error\"\n\n[rules]\nmissing-sections = \"off\"\n",
    );
    check(&tree.repo())
        .expect_code(2)
        .expect_stderr("brieflint.toml:4:1]")
        .expect_stderr("unknown rule `missing-sections`; did you mean `missing-section`?");
}

// 4. The rest --------------------------------------------------------------------------------

#[test]
fn a_path_over_the_system_limit_is_an_error_not_a_silent_skip() {
    let tree = Tree::new();
    // Built with short names, then renamed from the bottom up, so that no single call
    // needs the whole path.
    let mut chain = tree.repo().join("deep");
    let mut levels = Vec::new();
    for _ in 0..20 {
        chain.push("a");
        levels.push(chain.clone());
    }
    fs::create_dir_all(&chain).unwrap();
    fs::write(chain.join("notes.md"), GOOD).unwrap();
    for level in levels.iter().rev() {
        fs::rename(level, level.with_file_name("d".repeat(250))).unwrap();
    }
    check(&tree.repo())
        .expect_code(2)
        .expect_stderr("path or file name too long for the system")
        .expect_stdout(GOOD_FINDING);
    let named = format!("{}/{}.md", tree.repo().display(), "x/".repeat(2100));
    run(
        &tree.repo(),
        &["check", "--format", "short", &named, "good.md"],
    )
    .expect_code(2)
    .expect_stderr("too long for the system")
    .expect_stdout(GOOD_FINDING);
}

#[test]
fn a_file_named_twice_is_checked_once() {
    let tree = Tree::new();
    let absolute = tree.repo().join("good.md").display().to_string();
    let run = run(
        &tree.repo(),
        &[
            "check",
            "--format",
            "json",
            "good.md",
            "./good.md",
            &absolute,
            ".",
        ],
    );
    run.expect_code(0);
    assert_eq!(
        run.json()["files"].as_array().unwrap().len(),
        1,
        "{}",
        run.stdout
    );
}

#[test]
fn a_lone_carriage_return_ends_a_line() {
    let tree = Tree::new();
    tree.write(
        "repo/old-mac.md",
        "# Brief\r\rSome context.\r\rWe will leverage it.\r- first\r- we circle back\r",
    );
    run(&tree.repo(), &["check", "--format", "short", "old-mac.md"])
        .expect_code(0)
        .expect_stdout("old-mac.md:5:9: warning[jargon]")
        .expect_stdout("old-mac.md:7:6: warning[jargon]");
}

#[test]
fn a_term_defined_twice_is_a_located_error() {
    let tree = Tree::new();
    let twice = format!(
        "{DICTIONARY}\n{}",
        &DICTIONARY[DICTIONARY.find("[[entry]]").unwrap()..]
    );
    tree.write("repo/twice.toml", &twice);
    tree.write("repo/brieflint.toml", "dictionaries = [\"twice.toml\"]\n");
    check(&tree.repo())
        .expect_code(2)
        .expect_stderr("the term \"touch base\" is defined twice (first at line 4)")
        .expect_stderr("twice.toml:10:");
    tree.write("repo/one.toml", DICTIONARY);
    tree.write(
        "repo/two.toml",
        DICTIONARY.replace("touch base", "Touch  Base"),
    );
    tree.write(
        "repo/brieflint.toml",
        "dictionaries = [\"one.toml\", \"two.toml\"]\n",
    );
    check(&tree.repo())
        .expect_code(2)
        .expect_stderr("one.toml, line 4")
        .expect_stderr("two.toml:4:");
}

#[cfg(target_os = "linux")]
#[test]
fn json_carries_names_that_are_not_utf8_as_bytes() {
    use std::os::unix::ffi::OsStrExt;
    let tree = Tree::new();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.md");
    fs::write(tree.repo().join(name), GOOD).unwrap();
    let binary = std::ffi::OsStr::from_bytes(b"d\xe9j\xe0.md");
    fs::write(tree.repo().join(binary), b"PK\x03\x04\x00").unwrap();
    let run = run(&tree.repo(), &["check", "--format", "json", "."]);
    run.expect_code(2);
    let report = run.json();
    let bytes = |value: &Value| -> Vec<u8> {
        value["path_bytes"]
            .as_array()
            .unwrap_or_else(|| panic!("no path_bytes in {value}"))
            .iter()
            .map(|b| b.as_u64().unwrap() as u8)
            .collect()
    };
    let files = report["files"].as_array().unwrap();
    let cafe = files.iter().find(|f| f["path"] == "./caf\\xE9.md").unwrap();
    assert_eq!(bytes(cafe), b"./caf\xe9.md");
    let good = files.iter().find(|f| f["path"] == "./good.md").unwrap();
    assert!(good.get("path_bytes").is_none(), "{good}");
    let error = &report["errors"][0];
    assert_eq!(error["path"], "./d\\xE9j\\xE0.md");
    assert_eq!(bytes(error), b"./d\xe9j\xe0.md");
}
