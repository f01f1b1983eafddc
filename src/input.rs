//! Reading inputs: files found on disk or standard input, decoded to UTF-8 text.
//!
//! A file that cannot be read as text is an error for that file only: the run goes on.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::project::{Locator, ProjectPath};
use crate::source::{LineIndex, SourceFile};

/// Where a document comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Origin {
    File(PathBuf),
    Stdin,
}

/// A document to check: where to read it, the name to report it under, and its identity.
///
/// Two inputs are the same document when their project paths are: `a.md ./a.md` is
/// checked once.
#[derive(Debug, Clone)]
pub struct Input {
    pub origin: Origin,
    /// The path as given or walked, or `--stdin-filename`; non-UTF-8 bytes escaped.
    pub name: String,
    pub project: ProjectPath,
}

impl PartialEq for Input {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl Eq for Input {}

impl std::hash::Hash for Input {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.key().hash(state);
    }
}

impl Input {
    /// A file, located in its project.
    pub fn file(path: &Path, locator: &mut Locator) -> Self {
        Self {
            origin: Origin::File(path.to_path_buf()),
            name: display_name(path),
            project: locator.locate(path),
        }
    }

    /// Standard input, reported as `name`.
    pub fn stdin(name: &str, locator: &mut Locator) -> Self {
        Self {
            origin: Origin::Stdin,
            name: name.to_string(),
            project: locator.stdin(name),
        }
    }

    fn key(&self) -> (bool, &Path) {
        (matches!(self.origin, Origin::Stdin), &self.project.absolute)
    }

    pub fn name(&self) -> String {
        self.name.clone()
    }

    /// The path to read, if it is a file.
    pub fn path(&self) -> Option<&Path> {
        match &self.origin {
            Origin::File(path) => Some(path),
            Origin::Stdin => None,
        }
    }
}

/// A path as reports show it: as given (like ripgrep), with bytes that are not UTF-8
/// escaped so the name maps back to the file.
pub fn display_name(path: &Path) -> String {
    crate::project::escape_os(path.as_os_str())
}

/// A file that could not be checked, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, miette::Diagnostic)]
#[error("{path}: {message}")]
#[diagnostic(code(brieflint::input))]
pub struct InputError {
    pub path: String,
    pub message: String,
    /// The file's name as the file system spells it, when that is not UTF-8 (`path` then
    /// shows escapes): JSON reports carry its bytes so a script can find the file.
    pub raw: Option<PathBuf>,
}

impl InputError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            message: message.into(),
            raw: None,
        }
    }

    /// An error about the file at `path`, named as reports name it.
    pub fn at(path: &Path, message: impl Into<String>) -> Self {
        Self {
            raw: path.to_str().is_none().then(|| path.to_path_buf()),
            ..Self::new(display_name(path), message)
        }
    }
}

/// Files larger than this are not read unless `--max-file-size` says otherwise: a
/// proposal is kilobytes; a multi-gigabyte file is a mistake or an attack.
pub const DEFAULT_MAX_BYTES: u64 = 64 << 20;

/// Reads and decodes an input, at most `max_bytes` of it.
pub fn read(input: &Input, max_bytes: u64) -> Result<Arc<SourceFile>, InputError> {
    let name = input.name();
    let error = |message: String| match &input.origin {
        Origin::File(path) => InputError {
            path: name.clone(),
            ..InputError::at(path, message)
        },
        Origin::Stdin => InputError::new(&name, message),
    };
    let bytes = match &input.origin {
        Origin::File(path) => read_regular_file(path, max_bytes).map_err(|refused| {
            error(match refused {
                Refused::TooLarge(_) => {
                    format!("{refused}, skipped; raise --max-file-size to check it")
                }
                Refused::Special(_) => format!("{refused}, skipped"),
                Refused::Other(message) => message,
            })
        })?,
        Origin::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .take(max_bytes + 1)
                .read_to_end(&mut bytes)
                .map_err(|err| {
                    InputError::new(&name, format!("cannot read standard input: {err}"))
                })?;
            if bytes.len() as u64 > max_bytes {
                return Err(error(format!(
                    "{}, skipped; raise --max-file-size to check it",
                    Refused::TooLarge(max_bytes)
                )));
            }
            bytes
        }
    };
    let text = decode(bytes).map_err(error)?;
    Ok(SourceFile::located(
        input.path().map(Path::to_path_buf),
        name,
        input.project.clone(),
        text,
    ))
}

/// Why a file was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// Larger than the limit (in bytes) the caller set.
    TooLarge(u64),
    /// A device, FIFO or socket: what it is.
    Special(&'static str),
    /// Unreadable: why, in words.
    Other(String),
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refused::TooLarge(max) if *max >= 1 << 20 => {
                write!(f, "too large (over {} MB)", max >> 20)
            }
            Refused::TooLarge(max) => write!(f, "too large (over {} KB)", max >> 10),
            Refused::Special(kind) => write!(f, "not a regular file ({kind})"),
            Refused::Other(message) => f.write_str(message),
        }
    }
}

/// The bytes of a regular file of at most `max_bytes`. Devices, FIFOs and sockets are
/// refused before they are opened: reading `/dev/zero` never ends, a FIFO blocks. Every
/// file brieflint reads goes through here: documents, briefs, configuration, dictionaries.
pub fn read_regular_file(path: &Path, max_bytes: u64) -> Result<Vec<u8>, Refused> {
    let failed = |err: std::io::Error| Refused::Other(describe_io_error(path, &err));
    let meta = std::fs::metadata(path).map_err(failed)?;
    check_regular(&meta, max_bytes)?;
    let file = std::fs::File::open(path).map_err(failed)?;
    // Checked again on the open file: it may have been swapped since.
    let meta = file.metadata().map_err(failed)?;
    check_regular(&meta, max_bytes)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(failed)?;
    if bytes.len() as u64 > max_bytes {
        return Err(Refused::TooLarge(max_bytes));
    }
    Ok(bytes)
}

fn check_regular(meta: &std::fs::Metadata, max_bytes: u64) -> Result<(), Refused> {
    let kind = meta.file_type();
    if kind.is_dir() {
        return Err(Refused::Other("is a directory".into()));
    }
    if !kind.is_file() {
        return Err(Refused::Special(special_kind(&kind)));
    }
    if meta.len() > max_bytes {
        return Err(Refused::TooLarge(max_bytes));
    }
    Ok(())
}

fn special_kind(kind: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
    }
    let _ = kind;
    "not a file"
}

/// A read error in words a person can act on.
pub fn describe_io_error(path: &Path, err: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match err.kind() {
        ErrorKind::NotFound if path.symlink_metadata().is_ok() => {
            "broken symbolic link (its target does not exist)".into()
        }
        ErrorKind::NotFound => "no such file or directory".into(),
        ErrorKind::PermissionDenied => "permission denied".into(),
        ErrorKind::IsADirectory => "is a directory".into(),
        _ if err.raw_os_error() == Some(40) => {
            "too many levels of symbolic links (a symlink loop)".into()
        }
        ErrorKind::InvalidFilename => "path or file name too long for the system, skipped".into(),
        _ => format!("cannot read: {err}"),
    }
}

/// UTF-8 (with or without BOM) as is; UTF-16 with a BOM is decoded; anything else that
/// is not UTF-8, or that holds NUL bytes, is refused with the position of the problem.
pub fn decode(bytes: Vec<u8>) -> Result<String, String> {
    if let Some(units) = utf16_units(&bytes) {
        return String::from_utf16(&units).map_err(|_| {
            "invalid UTF-16 (the file starts with a UTF-16 byte-order mark)".to_string()
        });
    }
    if let Some(at) = bytes.iter().take(8192).position(|&b| b == 0) {
        return Err(format!("binary file (NUL byte at offset {at}), skipped"));
    }
    String::from_utf8(bytes).map_err(|err| {
        let valid = &err.as_bytes()[..err.utf8_error().valid_up_to()];
        let valid = std::str::from_utf8(valid).unwrap_or_default();
        // Counted as findings are, so the line is the one an editor shows.
        let at = LineIndex::new(valid).line_col(valid, valid.len());
        format!(
            "not valid UTF-8 at line {}, column {} (byte {}); save the file as UTF-8",
            at.line,
            at.column,
            valid.len()
        )
    })
}

fn utf16_units(bytes: &[u8]) -> Option<Vec<u16>> {
    let little = match bytes {
        [0xff, 0xfe, ..] => true,
        [0xfe, 0xff, ..] => false,
        _ => return None,
    };
    let units = bytes[2..]
        .chunks(2)
        .map(|pair| {
            let pair = [pair[0], *pair.get(1).unwrap_or(&0)];
            if little {
                u16::from_le_bytes(pair)
            } else {
                u16::from_be_bytes(pair)
            }
        })
        .collect();
    Some(units)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_and_utf16_are_decoded() {
        assert_eq!(decode("\u{feff}# Brief".into()).unwrap(), "\u{feff}# Brief");
        let utf16: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("Бриф".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(utf16).unwrap(), "Бриф");
    }

    #[test]
    fn binary_and_invalid_utf8_are_located() {
        assert!(
            decode(b"PK\x03\x04\x00\x00".to_vec())
                .unwrap_err()
                .starts_with("binary file")
        );
        let err = decode(b"ok\nd\xe9j\xe0 vu".to_vec()).unwrap_err();
        assert!(err.contains("line 2, column 2"), "{err}");
    }
}
