//! What the CLI tests share: the binary run in a folder as a user would run it, and a
//! throwaway repository. Each test file uses a part of it.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// `brieflint` run in `dir`, without colour, at a fixed width.
pub fn brieflint(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("brieflint").unwrap();
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100");
    cmd
}

/// A temporary folder that brieflint takes for a repository root (it holds `.git`).
pub fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join(".git")).unwrap();
    dir
}

/// Writes `bytes` to `dir/name`, creating its folders.
pub fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&path, bytes).unwrap();
    path
}
