//! One identity per file, whatever the spelling: the path relative to its project root.
//!
//! `a.md`, `./a.md`, `../repo/a.md` and `/abs/repo/a.md` are one file. Baseline keys,
//! `--changed-since`, SARIF URIs, audit links and `exclude` globs all use the
//! [`ProjectPath`] computed here once, at discovery, so the same repository gives the same
//! results from any working directory.
//!
//! The root is the nearest folder holding `.git` (a repository, worktree or submodule);
//! outside a repository, the nearest folder holding `brieflint.toml`; else the working
//! directory when the file is under it, else the file's own folder.

use std::collections::HashMap;
use std::ffi::OsStr;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use crate::config::FILE_NAME as CONFIG_FILE;

/// A file's path relative to its project root, `/`-separated.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ProjectPath {
    /// The project root, absolute.
    pub root: Arc<Path>,
    /// The file, absolute and free of `.`/`..` (symbolic links resolved where it exists).
    pub absolute: PathBuf,
    /// The file relative to `root`, components joined by `/`; bytes that are not UTF-8
    /// are written `\xNN` so that the key stays lossless and printable.
    pub relative: String,
}

impl ProjectPath {
    /// The relative path's components as the file system spells them.
    pub fn relative_path(&self) -> &Path {
        self.absolute
            .strip_prefix(&*self.root)
            .unwrap_or(&self.absolute)
    }
}

/// The working directory and the roots found so far, by folder.
#[derive(Debug)]
pub struct Locator {
    cwd: PathBuf,
    roots: HashMap<PathBuf, Arc<Path>>,
}

impl Default for Locator {
    fn default() -> Self {
        Self::new()
    }
}

impl Locator {
    pub fn new() -> Self {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("/"));
        let cwd = cwd.canonicalize().unwrap_or(cwd);
        Self {
            cwd,
            roots: HashMap::new(),
        }
    }

    /// The project path of a file (which may not exist: a mistyped path still gets one).
    pub fn locate(&mut self, path: &Path) -> ProjectPath {
        let absolute = self.absolute(path);
        self.project_path(absolute)
    }

    /// The project path standard input is reported under: `name` in the working
    /// directory's project.
    pub fn stdin(&mut self, name: &str) -> ProjectPath {
        let absolute = lexical(&self.cwd.join(name));
        self.project_path(absolute)
    }

    fn project_path(&mut self, absolute: PathBuf) -> ProjectPath {
        let folder = absolute.parent().unwrap_or(Path::new("/")).to_path_buf();
        let root = self.root_of(&folder);
        let relative = relative_key(&absolute, &root);
        ProjectPath {
            root,
            absolute,
            relative,
        }
    }

    /// `path` made absolute: canonical if it exists (symbolic links resolved, so a link
    /// and its target are one file), else cleaned lexically.
    pub fn absolute(&self, path: &Path) -> PathBuf {
        path.canonicalize()
            .unwrap_or_else(|_| lexical(&self.cwd.join(path)))
    }

    /// The project root of `folder` (absolute and canonical).
    pub fn root_of(&mut self, folder: &Path) -> Arc<Path> {
        if let Some(root) = self.roots.get(folder) {
            return root.clone();
        }
        let root: Arc<Path> = repository_root(folder)
            .or_else(|| marked(folder, CONFIG_FILE))
            .or_else(|| folder.starts_with(&self.cwd).then_some(self.cwd.as_path()))
            .unwrap_or(folder)
            .into();
        self.roots.insert(folder.to_path_buf(), root.clone());
        root
    }
}

/// The nearest folder from `folder` up that holds `marker`.
fn marked<'a>(folder: &'a Path, marker: &str) -> Option<&'a Path> {
    folder
        .ancestors()
        .find(|dir| dir.join(marker).symlink_metadata().is_ok())
}

/// The repository `folder` is in: the nearest folder up holding `.git` (a repository,
/// worktree or submodule).
pub fn repository_root(folder: &Path) -> Option<&Path> {
    marked(folder, ".git")
}

/// `path` without `.` and `..` components, by text alone.
pub fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The `/`-joined key of `absolute` under `root` (the absolute path if it is not under it).
fn relative_key(absolute: &Path, root: &Path) -> String {
    let relative = absolute.strip_prefix(root).unwrap_or(absolute);
    let parts: Vec<String> = relative
        .components()
        .filter_map(|c| match c {
            Component::Normal(name) => Some(escape_os(name)),
            _ => None,
        })
        .collect();
    if relative.is_absolute() {
        format!("/{}", parts.join("/"))
    } else {
        parts.join("/")
    }
}

/// A file name as text: UTF-8 as is, any other byte as `\xNN` (and a backslash as `\\`,
/// so the escape cannot be forged by a name that spells it).
pub fn escape_os(name: &OsStr) -> String {
    if let Some(text) = name.to_str() {
        return text.replace('\\', "\\\\");
    }
    let mut out = String::new();
    for chunk in name.as_encoded_bytes().utf8_chunks() {
        out.push_str(&chunk.valid().replace('\\', "\\\\"));
        for byte in chunk.invalid() {
            out.push_str(&format!("\\x{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_of_a_file_has_one_project_path() {
        let dir = tempfile::tempdir().unwrap();
        let repo = dir.path().canonicalize().unwrap();
        std::fs::create_dir_all(repo.join(".git")).unwrap();
        std::fs::create_dir_all(repo.join("clients/acme")).unwrap();
        std::fs::write(repo.join("clients/acme/proposal.md"), "x").unwrap();
        let mut locator = Locator::new();
        let spellings = [
            repo.join("clients/acme/proposal.md"),
            repo.join("clients/./acme/../acme/proposal.md"),
            repo.join("clients/acme//proposal.md"),
        ];
        for spelling in spellings {
            let found = locator.locate(&spelling);
            assert_eq!(found.relative, "clients/acme/proposal.md", "{spelling:?}");
            assert_eq!(&*found.root, repo.as_path());
        }
    }

    #[test]
    fn outside_a_repository_the_configuration_folder_is_the_root() {
        let dir = tempfile::tempdir().unwrap();
        let top = dir.path().canonicalize().unwrap();
        std::fs::create_dir_all(top.join("team/docs")).unwrap();
        std::fs::write(top.join("team").join(CONFIG_FILE), "").unwrap();
        let found = Locator::new().locate(&top.join("team/docs/missing.md"));
        assert_eq!(found.relative, "docs/missing.md");
    }

    #[cfg(unix)]
    #[test]
    fn non_utf8_names_are_escaped_losslessly() {
        use std::os::unix::ffi::OsStrExt;
        let name = OsStr::from_bytes(b"caf\xe9\\x.md");
        assert_eq!(escape_os(name), "caf\\xE9\\\\x.md");
    }
}
