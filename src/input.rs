//! Reading inputs: files found on disk or standard input, decoded to UTF-8 text.
//!
//! A file that cannot be read as text is an error for that file only: the run goes on.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::source::SourceFile;

/// Where a document comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Input {
    File(PathBuf),
    /// Standard input, reported under this name.
    Stdin(String),
}

impl Input {
    pub fn name(&self) -> String {
        match self {
            Input::File(path) => path.display().to_string(),
            Input::Stdin(name) => name.clone(),
        }
    }

    pub fn path(&self) -> Option<&Path> {
        match self {
            Input::File(path) => Some(path),
            Input::Stdin(_) => None,
        }
    }
}

/// A file that could not be checked, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, miette::Diagnostic)]
#[error("{path}: {message}")]
#[diagnostic(code(brieflint::input))]
pub struct InputError {
    pub path: String,
    pub message: String,
}

impl InputError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            message: message.into(),
        }
    }
}

/// Reads and decodes an input.
pub fn read(input: &Input) -> Result<Arc<SourceFile>, InputError> {
    let name = input.name();
    let bytes = match input {
        Input::File(path) => std::fs::read(path)
            .map_err(|err| InputError::new(&name, describe_io_error(path, &err)))?,
        Input::Stdin(_) => {
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes).map_err(|err| {
                InputError::new(&name, format!("cannot read standard input: {err}"))
            })?;
            bytes
        }
    };
    let text = decode(bytes).map_err(|message| InputError::new(&name, message))?;
    Ok(SourceFile::new(
        input.path().map(Path::to_path_buf),
        name,
        text,
    ))
}

/// A read error in words a person can act on.
pub fn describe_io_error(path: &Path, err: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match err.kind() {
        ErrorKind::NotFound if path.symlink_metadata().is_ok() => {
            "broken symbolic link (its target does not exist)".into()
        }
        ErrorKind::NotFound => "no such file (was it deleted while brieflint ran?)".into(),
        ErrorKind::PermissionDenied => "permission denied".into(),
        ErrorKind::IsADirectory => "is a directory".into(),
        _ if err.raw_os_error() == Some(40) => {
            "too many levels of symbolic links (a symlink loop)".into()
        }
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
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&valid[line_start..])
            .chars()
            .count()
            + 1;
        format!(
            "not valid UTF-8 at line {line}, column {column} (byte {}); save the file as UTF-8",
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
