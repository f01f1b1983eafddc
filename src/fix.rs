//! `--fix`: replace jargon with its plain replacement, safely.
//!
//! Only entries marked safe (`fix = true`) are applied, only in prose (findings never point
//! into code, URLs or front matter) and never across a markup edge, keeping the original's
//! capitalisation. Line endings and a UTF-8 BOM are untouched because only the replaced
//! spans change.
//!
//! Writing never damages a file, and loses no edit made beside brieflint that it could see:
//! - the fixed text goes to a temporary file beside the file and is renamed over it, so a
//!   crash never leaves half a file; a symbolic link is followed (the link stays a link);
//! - a file that is read-only by its permission bits (root could write it anyway), that has
//!   other hard links (a rename would split them) or whose owner could not be kept is
//!   refused;
//! - brieflint's own fixes of a file are serialised by an advisory lock on it, and the file
//!   is compared (which file the path names, size, modification time, bytes) with the text
//!   the fixes were computed from when locked and again just before the rename: if it
//!   changed, that file is left alone. A writer that takes the same lock never loses a
//!   write; one that does not can still lose one made in the instant between the last
//!   comparison and the rename, or through a file it opened before the rename, as with any
//!   tool that replaces files by renaming them;
//! - temporary files are removed on any error and when SIGINT, SIGTERM or SIGHUP ends the
//!   run.

use std::fs::{File, Metadata};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, OnceLock, PoisonError};
use std::time::SystemTime;

use tempfile::NamedTempFile;

use crate::finding::{Finding, Fix};
use crate::source::SourceFile;

/// The text with every applicable fix applied, and how many were applied.
pub fn apply(text: &str, findings: &[Finding]) -> (String, usize) {
    let mut fixes: Vec<&Fix> = findings.iter().filter_map(|f| f.fix.as_ref()).collect();
    fixes.sort_by_key(|f| (f.span.start, f.span.end));
    let mut out = String::with_capacity(text.len());
    let mut cursor = 0;
    let mut applied = 0;
    for fix in fixes {
        if fix.span.start < cursor || fix.span.end > text.len() {
            continue;
        }
        out.push_str(&text[cursor..fix.span.start]);
        out.push_str(&fix.replacement);
        cursor = fix.span.end;
        applied += 1;
    }
    out.push_str(&text[cursor..]);
    (out, applied)
}

/// A unified diff from `before` to `after`, labelled with the file's name.
pub fn diff(name: &str, before: &str, after: &str) -> String {
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string()
}

/// Why a file was not rewritten.
#[derive(Debug, thiserror::Error)]
pub enum FixError {
    #[error("{0}: changed on disk since it was read; not fixed (run brieflint again)")]
    Changed(String),
    #[error("{0}: UTF-16 files are checked but not fixed; save it as UTF-8 to use --fix")]
    Utf16(String),
    #[error("{0}: read-only; not fixed (make it writable to use --fix)")]
    ReadOnly(String),
    #[error(
        "{0}: has {1} hard links; not fixed (a fix would give this name its own copy and leave the others unfixed)"
    )]
    HardLinked(String, u64),
    #[error("{0}: owned by another user; not fixed (rewriting it would make it yours)")]
    Owner(String),
    #[error("{0}: cannot write the fixed file: {1}")]
    Io(String, io::Error),
}

/// Writes `fixed` over the file `source` was read from (`path`, or the file a symbolic
/// link there points to), atomically, unless the file changed since it was read.
pub fn write(source: &SourceFile, path: &Path, fixed: &str) -> Result<(), FixError> {
    let name = || source.name.clone();
    let io = |err| FixError::Io(name(), err);
    let target = std::fs::canonicalize(path).map_err(io)?;
    let meta = std::fs::metadata(&target).map_err(io)?;
    if read_only(&meta) {
        return Err(FixError::ReadOnly(name()));
    }
    if links(&meta) > 1 {
        return Err(FixError::HardLinked(name(), links(&meta)));
    }
    // Opened for writing, though only read, so that a file the system would not let this
    // user write is refused (the rename needs only the folder to be writable).
    let mut file = File::options()
        .read(true)
        .write(true)
        .open(&target)
        .map_err(io)?;
    // Held until `file` is dropped, after the rename.
    file.lock().map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    let locked = Stamp::of(&meta);
    let bytes = contents(&mut file).map_err(io)?;
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(FixError::Utf16(name()));
    }
    let unchanged = |file: &mut File, bytes: &[u8]| -> io::Result<bool> {
        Ok(bytes == source.text.as_bytes()
            && Stamp::of(&file.metadata()?) == locked
            && Stamp::of(&std::fs::metadata(&target)?) == locked)
    };
    if !unchanged(&mut file, &bytes).map_err(io)? {
        return Err(FixError::Changed(name()));
    }
    let folder = target.parent().unwrap_or(Path::new("/"));
    let mut temp = Temp::new(folder).map_err(io)?;
    temp.file().write_all(fixed.as_bytes()).map_err(io)?;
    keep_owner(temp.file(), &meta).map_err(|err| match err.kind() {
        io::ErrorKind::PermissionDenied => FixError::Owner(name()),
        _ => io(err),
    })?;
    temp.file()
        .set_permissions(meta.permissions())
        .map_err(io)?;
    temp.file().sync_all().map_err(io)?;
    let bytes = contents(&mut file).map_err(io)?;
    if !unchanged(&mut file, &bytes).map_err(io)? {
        return Err(FixError::Changed(name()));
    }
    temp.persist(&target).map_err(io)
}

/// The whole file, read from its start.
fn contents(file: &mut File) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    file.rewind()?;
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// What tells that a file changed: which file it is, its size and modification time.
#[derive(Debug, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    /// Device and inode: a path that now names another file is a change.
    #[cfg(unix)]
    id: (u64, u64),
}

impl Stamp {
    fn of(meta: &Metadata) -> Self {
        #[cfg(unix)]
        use std::os::unix::fs::MetadataExt;
        Self {
            len: meta.len(),
            modified: meta.modified().ok(),
            #[cfg(unix)]
            id: (meta.dev(), meta.ino()),
        }
    }
}

/// Read-only by its permission bits (the owner's, on Unix): root may write any file, so
/// asking the system whether it is writable would not tell.
fn read_only(meta: &Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        meta.permissions().mode() & 0o200 == 0
    }
    #[cfg(not(unix))]
    meta.permissions().readonly()
}

/// How many names the file has.
fn links(meta: &Metadata) -> u64 {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        meta.nlink()
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        1
    }
}

/// Gives the new file the original's owner and group (as root, it would be root's).
fn keep_owner(temp: &File, meta: &Metadata) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let own = temp.metadata()?;
        if (own.uid(), own.gid()) != (meta.uid(), meta.gid()) {
            std::os::unix::fs::fchown(temp, Some(meta.uid()), Some(meta.gid()))?;
        }
    }
    #[cfg(not(unix))]
    let _ = (temp, meta);
    Ok(())
}

/// A temporary file beside the file being fixed: removed when dropped (any error) and
/// when a signal ends the run, since the paths of the live ones are kept in [`PENDING`].
struct Temp(Option<NamedTempFile>);

/// The temporary files being written.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn pending() -> MutexGuard<'static, Vec<PathBuf>> {
    PENDING.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Temp {
    fn new(folder: &Path) -> io::Result<Self> {
        static WATCH: OnceLock<Result<(), String>> = OnceLock::new();
        WATCH
            .get_or_init(|| watch_signals().map_err(|err| err.to_string()))
            .clone()
            .map_err(|err| io::Error::other(format!("cannot watch for Ctrl-C: {err}")))?;
        // Created and listed under the lock, so a signal never finds it unlisted.
        let mut pending = pending();
        let file = tempfile::Builder::new()
            .prefix(".brieflint-fix")
            .tempfile_in(folder)?;
        pending.push(file.path().to_path_buf());
        Ok(Self(Some(file)))
    }

    fn file(&mut self) -> &mut File {
        self.0
            .as_mut()
            .expect("a temporary file until persisted or dropped")
            .as_file_mut()
    }

    /// Renames it over `target` (under the lock, so a signal waits for the rename).
    fn persist(mut self, target: &Path) -> io::Result<()> {
        let Some(file) = self.0.take() else {
            return Ok(());
        };
        let mut pending = pending();
        pending.retain(|p| p != file.path());
        // On failure the file comes back inside the error, which removes it when dropped.
        file.persist(target).map(drop).map_err(|err| err.error)
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        if let Some(file) = self.0.take() {
            let mut pending = pending();
            pending.retain(|p| p != file.path());
            drop(file);
        }
    }
}

/// On SIGINT, SIGTERM or SIGHUP: removes the temporary files, then ends the process as the
/// signal would have (holding the list, so that no other is created or renamed meanwhile).
#[cfg(unix)]
fn watch_signals() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let pending = pending();
            for path in pending.iter() {
                let _ = std::fs::remove_file(path);
            }
            let _ = signal_hook::low_level::emulate_default_handler(signal);
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

#[cfg(not(unix))]
fn watch_signals() -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Severity;

    fn finding(span: std::ops::Range<usize>, replacement: &str) -> Finding {
        let mut f = Finding::new(
            crate::vocab::RuleId::Jargon,
            Severity::Warning,
            span.clone(),
            "x",
        );
        f.fix = Some(Fix {
            span,
            replacement: replacement.into(),
        });
        f
    }

    #[test]
    fn applies_non_overlapping_fixes_in_order() {
        let text = "Utilize it prior to launch.\r\n";
        let (fixed, count) = apply(
            text,
            &[
                finding(11..19, "before"),
                finding(0..7, "Use"),
                finding(12..15, "x"),
            ],
        );
        assert_eq!(fixed, "Use it before launch.\r\n");
        assert_eq!(count, 2);
    }

    #[test]
    fn diff_is_unified() {
        let d = diff("a.md", "one\ntwo\n", "one\n2\n");
        assert!(
            d.contains("--- a/a.md") && d.contains("-two") && d.contains("+2"),
            "{d}"
        );
    }
}
