//! Turning command-line paths into the list of Markdown files to check.
//!
//! Directories are walked recursively honouring `.gitignore` and `.ignore`; only `*.md`
//! and `*.markdown` are taken from them, while a file named explicitly is always checked
//! (unless `--force-exclude` and the configuration's `exclude` say otherwise). The result is
//! sorted within each directory so the output order never depends on the file system.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::config::Exclude;
use crate::input::{InputError, describe_io_error};

/// Whether a file found in a directory is Markdown.
pub fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

/// The Markdown files under `root` (a directory), sorted, skipping what `exclude` (the
/// configuration of `root`) excludes; plus the errors met on the way. `excluded` is asked
/// again for each file found, with the configuration of its own folder.
///
/// Symbolic links are followed only to targets inside `inside` (the project root, absolute
/// and canonical): a pull request can add `evil.md -> /proc/self/environ` or a link to `/`.
/// Such links are reported, not read.
pub fn walk(
    root: &Path,
    inside: &Path,
    exclude: Arc<Exclude>,
    excluded: &mut dyn FnMut(&Path) -> bool,
) -> (Vec<PathBuf>, Vec<InputError>) {
    let mut builder = ignore::WalkBuilder::new(root);
    builder
        .hidden(true)
        .git_ignore(true)
        .git_global(false)
        .git_exclude(true)
        .require_git(false)
        .follow_links(true);
    let outside = Arc::new(Mutex::new(Vec::new()));
    let typed = root.to_path_buf();
    let absolute_root = root.canonicalize().unwrap_or_else(|_| typed.clone());
    let (inside, refused) = (inside.to_path_buf(), outside.clone());
    builder.filter_entry(move |entry| {
        // Excluded folders are not walked at all (`node_modules`, `archive/**`).
        if !exclude.is_empty() {
            let relative = entry.path().strip_prefix(&typed).unwrap_or(entry.path());
            if exclude.excludes(&absolute_root.join(relative)) {
                return false;
            }
        }
        if !escapes(entry, &inside) {
            return true;
        }
        // Reported when it would have been walked or checked (not a `logo.png` link).
        let folder = entry.file_type().is_some_and(|t| t.is_dir());
        if folder || is_markdown(entry.path()) {
            let what = if folder { "folder" } else { "file" };
            let message = format!("symbolic link to a {what} outside the project, not followed");
            let mut refused = refused.lock().unwrap_or_else(|e| e.into_inner());
            refused.push(InputError::at(entry.path(), message));
        }
        false
    });
    let mut found = Vec::new();
    let mut errors = Vec::new();
    for entry in builder.build() {
        match entry {
            Ok(entry) => {
                let is_file = entry
                    .file_type()
                    .is_some_and(|t| t.is_file() || t.is_symlink());
                if is_file && is_markdown(entry.path()) && !excluded(entry.path()) {
                    found.push(entry.into_path());
                }
            }
            Err(err) => errors.extend(walk_error(root, None, &err)),
        }
    }
    errors.append(&mut outside.lock().unwrap_or_else(|e| e.into_inner()));
    found.sort();
    errors.sort_by(|a, b| a.path.cmp(&b.path));
    (found, errors)
}

/// Whether a walked entry is a symbolic link whose target is outside `inside`.
fn escapes(entry: &ignore::DirEntry, inside: &Path) -> bool {
    entry.depth() > 0
        && entry.path_is_symlink()
        && entry
            .path()
            .canonicalize()
            .is_ok_and(|target| !target.starts_with(inside))
}

/// What went wrong on the way, named by the entry it happened at, in the words reading a
/// file would use. Entries that would not have been checked anyway (a broken `logo.png`
/// link) are not errors.
fn walk_error(root: &Path, at: Option<&Path>, err: &ignore::Error) -> Option<InputError> {
    match err {
        ignore::Error::WithPath { path, err } => walk_error(root, Some(path), err),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            walk_error(root, at, err)
        }
        ignore::Error::Loop { child, .. } => Some(InputError::at(
            child,
            "symbolic link loop (it points to a folder that contains it), skipped",
        )),
        ignore::Error::Io(io) => {
            let path = at.unwrap_or(root);
            // The walker's error has lost its OS code; asking again gets it back.
            let fresh = std::fs::metadata(path).err();
            let err = fresh.as_ref().unwrap_or(io);
            // A path over the system's limit cannot even be asked whether it is a folder:
            // it may hold Markdown, so it is reported rather than passed over.
            let checked = path == root
                || is_markdown(path)
                || path.is_dir()
                || err.kind() == std::io::ErrorKind::InvalidFilename;
            checked.then(|| InputError::at(path, describe_io_error(path, err)))
        }
        other => Some(InputError::at(at.unwrap_or(root), other.to_string())),
    }
}
