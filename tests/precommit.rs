//! The hook definitions in `.pre-commit-hooks.yaml`, run by the real `pre-commit` tool
//! (from PyPI; `scripts/test.sh` installs it) in a temporary git repository, the way a
//! team adopts them: a commit that touches only the proposal must still be checked against
//! the brief beside it, `exclude` must hold for the files pre-commit names, and the
//! failing level comes from the configuration.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BRIEF: &str = "# Brief: Kestrel e-bikes\n\n## Objectives\n\n- Sales: 1,650 e-bikes sold between 1 May and 31 July 2025\n- Cost per acquisition (CPA): £95 or less per online order\n\n## Measurement\n\nOnline orders are tracked in the CRM against the same period last year.\n";
/// Answers a sales brief with reach and GRPs: `objective-mismatch`, an error.
const WRONG: &str = "# Proposal: Kestrel e-bikes\n\n## Objectives\n\n- Reach 70% of commuters aged 28 to 55\n- 350 GRPs on TV in May\n- Brand awareness from 12% to 20%\n";
/// Answers it, with one jargon warning.
const RIGHT: &str = "# Proposal: Kestrel e-bikes\n\n## Objectives\n\n- 1,700 e-bikes sold between 1 May and 31 July 2025 at a CPA of £90\n\n## Plan\n\nWe will leverage the shops; online orders are tracked in the CRM.\n";

fn run(command: &mut Command) -> Output {
    command
        .output()
        .unwrap_or_else(|err| panic!("cannot run {command:?}: {err}"))
}

fn git(dir: &Path, args: &[&str]) {
    let out = run(Command::new("git").current_dir(dir).args(args));
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// This repository's HEAD, which pre-commit clones the hooks from.
fn head() -> String {
    let out = run(Command::new("git")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["rev-parse", "HEAD"]));
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

struct Repo {
    dir: tempfile::TempDir,
    home: tempfile::TempDir,
}

impl Repo {
    fn new(hook: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path();
        git(path, &["init", "-q"]);
        git(path, &["config", "user.email", "planner@example.com"]);
        git(path, &["config", "user.name", "Planner"]);
        std::fs::write(
            path.join(".pre-commit-config.yaml"),
            format!(
                "repos:\n  - repo: {}\n    rev: {}\n    hooks:\n      - id: {hook}\n",
                env!("CARGO_MANIFEST_DIR"),
                head()
            ),
        )
        .unwrap();
        std::fs::create_dir_all(path.join("clients/acme")).unwrap();
        std::fs::create_dir_all(path.join("archive")).unwrap();
        std::fs::write(path.join("clients/acme/brief.md"), BRIEF).unwrap();
        std::fs::write(path.join("brieflint.toml"), "exclude = [\"archive/**\"]\n").unwrap();
        git(path, &["add", "."]);
        git(path, &["commit", "-qm", "brief"]);
        Self {
            dir,
            home: tempfile::tempdir().unwrap(),
        }
    }

    fn write(&self, name: &str, text: &str) {
        std::fs::write(self.dir.path().join(name), text).unwrap();
        git(self.dir.path(), &["add", name]);
    }

    /// `pre-commit run` on the staged files, as `git commit` would.
    fn pre_commit(&self) -> Output {
        let bin = PathBuf::from(env!("CARGO_BIN_EXE_brieflint"));
        let path =
            std::env::join_paths(std::iter::once(bin.parent().unwrap().to_path_buf()).chain(
                std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
            ))
            .unwrap();
        let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/pre-commit");
        run(Command::new(pre_commit_tool())
            .current_dir(self.dir.path())
            .env("PATH", path)
            .env("PRE_COMMIT_HOME", self.home.path())
            // The Rust hook's `cargo install` reuses one build between runs, unoptimised:
            // this tests the hook definition, not the optimiser (a release build takes
            // minutes on a 2-core CI machine).
            .env("CARGO_TARGET_DIR", target)
            .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "0")
            .env("CARGO_PROFILE_RELEASE_LTO", "false")
            .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "256")
            .env("CARGO_PROFILE_RELEASE_DEBUG", "false")
            .env("NO_COLOR", "1")
            .args(["run", "--color", "never"]))
    }
}

fn pre_commit_tool() -> &'static str {
    let found = Command::new("pre-commit").arg("--version").output();
    assert!(
        found.is_ok_and(|o| o.status.success()),
        "the pre-commit tool is missing: `python3 -m pip install pre-commit` (scripts/test.sh installs it)"
    );
    "pre-commit"
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// The scenario both hook definitions must pass.
fn check_hook(hook: &str) {
    let repo = Repo::new(hook);
    // Only the proposal is staged: the hook must still find the brief beside it.
    repo.write("clients/acme/proposal.md", WRONG);
    let out = repo.pre_commit();
    assert!(
        !out.status.success(),
        "a wrong-stage proposal passed:\n{}",
        text(&out)
    );
    assert!(text(&out).contains("objective-mismatch"), "{}", text(&out));

    // A proposal that answers the brief passes; its jargon warning does not fail the
    // commit until the configuration says `deny = "warning"`.
    repo.write("clients/acme/proposal.md", RIGHT);
    let out = repo.pre_commit();
    assert!(out.status.success(), "{}", text(&out));
    std::fs::write(
        repo.dir.path().join("brieflint.toml"),
        "deny = \"warning\"\nexclude = [\"archive/**\"]\n",
    )
    .unwrap();
    git(repo.dir.path(), &["add", "brieflint.toml"]);
    let out = repo.pre_commit();
    assert!(
        !out.status.success(),
        "deny from the configuration is ignored:\n{}",
        text(&out)
    );
    assert!(text(&out).contains("jargon"), "{}", text(&out));

    // An excluded file named by pre-commit is skipped (--force-exclude).
    repo.write(
        "clients/acme/proposal.md",
        &RIGHT.replace("leverage", "use"),
    );
    repo.write("archive/old-proposal.md", WRONG);
    let out = repo.pre_commit();
    assert!(
        out.status.success(),
        "exclude does not hold for named files:\n{}",
        text(&out)
    );
}

#[test]
fn the_system_hook_pairs_checks_and_excludes() {
    check_hook("brieflint-system");
}

/// Builds brieflint from the repository through `cargo install`, as pre-commit's Rust
/// support does: minutes on the first run, then reused through `target/pre-commit`.
#[test]
fn the_rust_hook_pairs_checks_and_excludes() {
    check_hook("brieflint");
}
