//! `--changed-since REV`: keep only findings on lines changed since a git revision, so a
//! pull request is judged on what it touches.
//!
//! One `git diff -U0 REV` over the repository gives the changed lines of every tracked file
//! (against the working tree, so unstaged edits count). A file that did not exist at `REV`
//! (new, untracked) is changed throughout; a file at `REV` that the diff does not mention
//! is unchanged.

use std::collections::{HashMap, HashSet};
use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::batch::FileResult;

/// The lines changed since a revision, by file.
#[derive(Debug, Default)]
pub struct ChangedLines {
    root: PathBuf,
    /// Changed line ranges (1-based, new side) of each file the diff mentions.
    changed: HashMap<PathBuf, Vec<RangeInclusive<usize>>>,
    /// Every file that existed at the revision, relative to the root.
    at_revision: HashSet<PathBuf>,
}

fn git(args: &[&str]) -> Result<String, String> {
    let output = Command::new("git")
        .args(["-c", "core.quotepath=off"])
        .args(args)
        .output()
        .map_err(|err| format!("--changed-since needs git, which cannot be run: {err}"))?;
    if !output.status.success() {
        let message = String::from_utf8_lossy(&output.stderr);
        return Err(format!(
            "--changed-since: git {} failed: {}",
            args.join(" "),
            message.trim()
        ));
    }
    String::from_utf8(output.stdout)
        .map_err(|_| "--changed-since: git printed non-UTF-8 paths".into())
}

impl ChangedLines {
    /// Asks git (in the current folder's repository) what changed since `revision`.
    pub fn since(revision: &str) -> Result<Self, String> {
        let root = PathBuf::from(git(&["rev-parse", "--show-toplevel"])?.trim_end());
        let commit = format!("{revision}^{{commit}}");
        git(&["rev-parse", "--verify", "--quiet", &commit]).map_err(|_| {
            format!("--changed-since: {revision:?} is not a commit of this repository")
        })?;
        let at_revision = git(&["ls-tree", "-r", "-z", "--name-only", revision])?
            .split('\0')
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
            .collect();
        let diff = git(&[
            "diff",
            "-U0",
            "--no-color",
            "--no-ext-diff",
            "--no-renames",
            revision,
        ])?;
        Ok(Self {
            root,
            changed: parse_diff(&diff),
            at_revision,
        })
    }

    /// Drops the findings of `file` that lie on unchanged lines. A file outside the
    /// repository keeps them all: nothing can be said of it.
    pub fn filter(&self, file: &mut FileResult) {
        let source = file.analysis.doc.source.clone();
        let Some(relative) = source
            .path
            .as_deref()
            .and_then(|path| path.canonicalize().ok())
            .and_then(|path| path.strip_prefix(&self.root).ok().map(Path::to_path_buf))
        else {
            return;
        };
        if !self.at_revision.contains(&relative) {
            return;
        }
        let ranges = self.changed.get(&relative).map_or(&[][..], Vec::as_slice);
        file.findings.retain(|finding| {
            let start = source.line_col(finding.span.start).line;
            let end = source.line_col(finding.span.end).line;
            ranges
                .iter()
                .any(|r| *r.start() <= end && start <= *r.end())
        });
    }
}

/// Changed line ranges by file from `git diff -U0` output.
fn parse_diff(diff: &str) -> HashMap<PathBuf, Vec<RangeInclusive<usize>>> {
    let mut changed: HashMap<PathBuf, Vec<RangeInclusive<usize>>> = HashMap::new();
    let mut current: Option<PathBuf> = None;
    for line in diff.lines() {
        if let Some(path) = line.strip_prefix("+++ ") {
            current = path.strip_prefix("b/").map(PathBuf::from);
        } else if let (Some(hunk), Some(path)) = (line.strip_prefix("@@ "), &current)
            && let Some(range) = new_side(hunk)
        {
            changed.entry(path.clone()).or_default().push(range);
        }
    }
    changed
}

/// The new-side lines of a hunk header `-a,b +c,d @@`; `None` for a pure deletion.
fn new_side(hunk: &str) -> Option<RangeInclusive<usize>> {
    let new = hunk.split(' ').find_map(|part| part.strip_prefix('+'))?;
    let (start, count) = match new.split_once(',') {
        Some((start, count)) => (start.parse().ok()?, count.parse().ok()?),
        None => (new.parse().ok()?, 1),
    };
    (count > 0).then(|| start..=start + count - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hunks_give_new_side_lines() {
        let diff = "diff --git a/p.md b/p.md\n--- a/p.md\n+++ b/p.md\n@@ -3 +3 @@\n-x\n+y\n@@ -10,0 +11,2 @@\n+a\n+b\n@@ -20,2 +21,0 @@\n-c\n-d\ndiff --git a/gone.md b/gone.md\n--- a/gone.md\n+++ /dev/null\n@@ -1 +0,0 @@\n-z\n";
        let changed = parse_diff(diff);
        assert_eq!(changed[Path::new("p.md")], vec![3..=3, 11..=12]);
        assert_eq!(changed.len(), 1);
    }
}
