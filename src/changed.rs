//! `--changed-since REV`: keep only findings on lines changed since a git revision, so a
//! pull request is judged on what it touches.
//!
//! One `git diff -U0 REV` over the repository gives the changed lines of every tracked file
//! (against the working tree, so unstaged edits count). A file that did not exist at `REV`
//! (new, untracked) is changed throughout; a file at `REV` that the diff does not mention
//! is unchanged. Paths are compared as the bytes git prints, relative to the repository
//! root, with git's C-quoting undone, so names with spaces, quotes or non-UTF-8 bytes work.

use std::collections::{HashMap, HashSet};
use std::ffi::OsString;
use std::ops::RangeInclusive;
use std::path::PathBuf;
use std::process::Command;

use crate::finding::Finding;
use crate::source::SourceFile;

/// The lines changed since a revision, by file.
#[derive(Debug, Default)]
pub struct ChangedLines {
    root: PathBuf,
    /// Changed line ranges (1-based, new side) of each file the diff mentions.
    changed: HashMap<Vec<u8>, Vec<RangeInclusive<usize>>>,
    /// Every file that existed at the revision, relative to the root.
    at_revision: HashSet<Vec<u8>>,
}

fn git(args: &[&str]) -> Result<Vec<u8>, String> {
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
    Ok(output.stdout)
}

impl ChangedLines {
    /// Asks git (in the current folder's repository) what changed since `revision`.
    pub fn since(revision: &str) -> Result<Self, String> {
        let mut top = git(&["rev-parse", "--show-toplevel"])?;
        while top.last().is_some_and(|b| b.is_ascii_whitespace()) {
            top.pop();
        }
        let root = path_of(&top);
        let root = root.canonicalize().unwrap_or(root);
        let commit = format!("{revision}^{{commit}}");
        git(&["rev-parse", "--verify", "--quiet", &commit]).map_err(|_| {
            format!("--changed-since: {revision:?} is not a commit of this repository")
        })?;
        let at_revision = git(&[
            "ls-tree",
            "-r",
            "-z",
            "--name-only",
            "--full-tree",
            revision,
        ])?
        .split(|&b| b == 0)
        .filter(|p| !p.is_empty())
        .map(<[u8]>::to_vec)
        .collect();
        let diff = git(&[
            "diff",
            "-U0",
            "--no-color",
            "--no-ext-diff",
            "--no-renames",
            "--no-textconv",
            "--src-prefix=a/",
            "--dst-prefix=b/",
            revision,
        ])?;
        Ok(Self {
            root,
            changed: parse_diff(&diff),
            at_revision,
        })
    }

    /// Drops the findings of one file that lie on unchanged lines. A file outside the
    /// repository keeps them all: nothing can be said of it.
    pub fn filter(&self, source: &SourceFile, findings: &mut Vec<Finding>) {
        let Some(relative) = self.relative(source) else {
            return;
        };
        if !self.at_revision.contains(&relative) {
            return;
        }
        let ranges = self.changed.get(&relative).map_or(&[][..], Vec::as_slice);
        findings.retain(|finding| {
            let start = source.line_col(finding.span.start).line;
            let end = source.line_col(finding.span.end).line;
            ranges
                .iter()
                .any(|r| *r.start() <= end && start <= *r.end())
        });
    }

    /// The file's path relative to the repository root, as git spells it.
    fn relative(&self, source: &SourceFile) -> Option<Vec<u8>> {
        let project = source.project.as_ref()?;
        let relative = project.absolute.strip_prefix(&self.root).ok()?;
        let mut bytes = Vec::new();
        for (index, part) in relative.components().enumerate() {
            if index > 0 {
                bytes.push(b'/');
            }
            bytes.extend_from_slice(part.as_os_str().as_encoded_bytes());
        }
        Some(bytes)
    }
}

fn path_of(bytes: &[u8]) -> PathBuf {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        PathBuf::from(OsString::from_vec(bytes.to_vec()))
    }
    #[cfg(not(unix))]
    {
        PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
    }
}

/// Changed line ranges by file from `git diff -U0` output.
///
/// Hunk bodies are skipped by the counts in their headers, never by their look: an added
/// line that reads `++ x` shows as `+++ x`, and must not be taken for a file header.
fn parse_diff(diff: &[u8]) -> HashMap<Vec<u8>, Vec<RangeInclusive<usize>>> {
    let mut changed: HashMap<Vec<u8>, Vec<RangeInclusive<usize>>> = HashMap::new();
    let mut current: Option<Vec<u8>> = None;
    let (mut old_left, mut new_left) = (0usize, 0usize);
    for line in diff.split(|&b| b == b'\n') {
        if old_left + new_left > 0 {
            match line.first() {
                Some(b'-') => old_left = old_left.saturating_sub(1),
                Some(b'+') => new_left = new_left.saturating_sub(1),
                Some(b' ') => {
                    old_left = old_left.saturating_sub(1);
                    new_left = new_left.saturating_sub(1);
                }
                _ => {} // "\ No newline at end of file"
            }
            continue;
        }
        if line.starts_with(b"diff --git ") {
            current = None;
        } else if let Some(path) = line.strip_prefix(b"+++ ") {
            current = unquote(path).and_then(|p| p.strip_prefix(b"b/").map(<[u8]>::to_vec));
        } else if let Some(hunk) = line.strip_prefix(b"@@ ") {
            let Some((old, new)) = hunk_counts(hunk) else {
                continue;
            };
            old_left = old.1;
            new_left = new.1;
            if let Some(path) = &current
                && new.1 > 0
            {
                changed
                    .entry(path.clone())
                    .or_default()
                    .push(new.0..=new.0 + new.1 - 1);
            }
        }
    }
    changed
}

/// `(start, count)` of both sides of a hunk header `-a,b +c,d @@`.
fn hunk_counts(hunk: &[u8]) -> Option<((usize, usize), (usize, usize))> {
    let text = std::str::from_utf8(hunk).ok()?;
    let mut parts = text.split(' ');
    let side = |part: Option<&str>, sign: char| -> Option<(usize, usize)> {
        let range = part?.strip_prefix(sign)?;
        Some(match range.split_once(',') {
            Some((start, count)) => (start.parse().ok()?, count.parse().ok()?),
            None => (range.parse().ok()?, 1),
        })
    };
    Some((side(parts.next(), '-')?, side(parts.next(), '+')?))
}

/// A path as git prints it in a header: as is, or C-quoted (`"b/a\tb.md"`, octal bytes).
/// `None` for `/dev/null`.
fn unquote(path: &[u8]) -> Option<Vec<u8>> {
    let path = path.strip_suffix(b"\r").unwrap_or(path);
    if path == b"/dev/null" {
        return None;
    }
    let Some(inner) = path.strip_prefix(b"\"").and_then(|p| p.strip_suffix(b"\"")) else {
        return Some(path.to_vec());
    };
    let mut out = Vec::with_capacity(inner.len());
    let mut bytes = inner.iter().copied();
    while let Some(byte) = bytes.next() {
        if byte != b'\\' {
            out.push(byte);
            continue;
        }
        match bytes.next()? {
            b'a' => out.push(7),
            b'b' => out.push(8),
            b't' => out.push(b'\t'),
            b'n' => out.push(b'\n'),
            b'v' => out.push(11),
            b'f' => out.push(12),
            b'r' => out.push(b'\r'),
            digit @ b'0'..=b'3' => {
                let mut value = u32::from(digit - b'0');
                for _ in 0..2 {
                    value = value * 8 + u32::from(bytes.next()?.checked_sub(b'0')?);
                }
                out.push(u8::try_from(value).ok()?);
            }
            other => out.push(other),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn hunks_give_new_side_lines() {
        let diff = b"diff --git a/p.md b/p.md\n--- a/p.md\n+++ b/p.md\n@@ -3 +3 @@\n-x\n+y\n@@ -10,0 +11,2 @@\n+a\n+b\n@@ -20,2 +21,0 @@\n-c\n-d\ndiff --git a/gone.md b/gone.md\n--- a/gone.md\n+++ /dev/null\n@@ -1 +0,0 @@\n-z\n";
        let changed = parse_diff(diff);
        assert_eq!(changed[&b"p.md".to_vec()], vec![3..=3, 11..=12]);
        assert_eq!(changed.len(), 1);
    }

    #[test]
    fn lines_that_look_like_headers_inside_hunks_are_content() {
        // Added lines "++ b/evil.md", "-- x" and "@@ -1 +1 @@" inside a hunk of p.md.
        let diff = b"diff --git a/p.md b/p.md\n--- a/p.md\n+++ b/p.md\n@@ -1,2 +1,4 @@\n---- x\n-y\n++++ b/evil.md\n+@@ -1 +1 @@\n++ z\n+w\n@@ -9 +11 @@\n-q\n+r\n\\ No newline at end of file\n";
        let changed = parse_diff(diff);
        assert_eq!(changed.len(), 1, "{:?}", changed.keys());
        assert_eq!(changed[&b"p.md".to_vec()], vec![1..=4, 11..=11]);
    }

    #[test]
    fn quoted_names_are_unquoted() {
        assert_eq!(
            unquote(b"\"b/client \\\"2\\\"/a\\tb.md\"").unwrap(),
            b"b/client \"2\"/a\tb.md".to_vec()
        );
        assert_eq!(
            unquote(b"\"b/caf\\303\\251.md\"").unwrap(),
            "b/café.md".as_bytes().to_vec()
        );
        assert_eq!(
            unquote(b"b/plain name.md").unwrap(),
            b"b/plain name.md".to_vec()
        );
        assert_eq!(unquote(b"/dev/null"), None);
    }

    #[test]
    fn relative_paths_use_the_file_system_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::create_dir_all(root.join("a b")).unwrap();
        let file = root.join("a b/c.md");
        std::fs::write(&file, "x").unwrap();
        let changed = ChangedLines {
            root: root.clone(),
            ..ChangedLines::default()
        };
        let project = crate::project::Locator::new().locate(Path::new(&file));
        let source = SourceFile::located(Some(file), "c.md".into(), project, "x".into());
        assert_eq!(changed.relative(&source).unwrap(), b"a b/c.md".to_vec());
    }
}
