//! Turning command-line paths into the list of Markdown files to check.
//!
//! Directories are walked recursively honouring `.gitignore` and `.ignore`; only `*.md`
//! and `*.markdown` are taken from them, while a file named explicitly is always checked.
//! The result is sorted within each directory so the output order never depends on the
//! file system.

use std::path::{Path, PathBuf};

use crate::input::{Input, InputError};

/// Whether a file found in a directory is Markdown.
pub fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

/// Expands `paths` (files, directories, `-`) into inputs, plus the errors met on the way.
pub fn discover(
    paths: &[PathBuf],
    stdin_name: &str,
    exclude: &[String],
) -> (Vec<Input>, Vec<InputError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin(stdin_name.to_string()));
            continue;
        }
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, exclude, &mut inputs, &mut errors),
            Ok(_) => inputs.push(Input::File(path.clone())),
            // Let reading report it precisely (broken link, loop, missing, permission).
            Err(_) => inputs.push(Input::File(path.clone())),
        }
    }
    let mut seen = std::collections::HashSet::new();
    inputs.retain(|input| seen.insert(input.clone()));
    errors.sort_by(|a, b| a.path.cmp(&b.path));
    (inputs, errors)
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
        ignore::Error::Loop { child, .. } => Some(InputError::new(
            child.display().to_string(),
            "symbolic link loop (it points to a folder that contains it), skipped",
        )),
        ignore::Error::Io(io) => {
            let path = at.unwrap_or(root);
            let checked = path == root || path.is_dir() || is_markdown(path);
            // The walker's error has lost its OS code; asking again gets it back.
            let fresh = std::fs::metadata(path).err();
            checked.then(|| {
                InputError::new(
                    path.display().to_string(),
                    crate::input::describe_io_error(path, fresh.as_ref().unwrap_or(io)),
                )
            })
        }
        other => Some(InputError::new(
            at.unwrap_or(root).display().to_string(),
            other.to_string(),
        )),
    }
}

fn walk(root: &Path, exclude: &[String], inputs: &mut Vec<Input>, errors: &mut Vec<InputError>) {
    let mut overrides = ignore::overrides::OverrideBuilder::new(root);
    for pattern in exclude {
        let _ = overrides.add(&format!("!{pattern}"));
    }
    let mut builder = ignore::WalkBuilder::new(root);
    builder
        .hidden(true)
        .git_ignore(true)
        .git_global(false)
        .git_exclude(true)
        .require_git(false)
        .follow_links(true);
    if let Ok(overrides) = overrides.build() {
        builder.overrides(overrides);
    }
    let mut found = Vec::new();
    for entry in builder.build() {
        match entry {
            Ok(entry) => {
                let is_file = entry
                    .file_type()
                    .is_some_and(|t| t.is_file() || t.is_symlink());
                if is_file && is_markdown(entry.path()) {
                    found.push(entry.into_path());
                }
            }
            Err(err) => errors.extend(walk_error(root, None, &err)),
        }
    }
    found.sort();
    inputs.extend(found.into_iter().map(Input::File));
}
