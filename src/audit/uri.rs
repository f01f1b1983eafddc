//! Paths as URI references, for the audit's HTML links and SARIF's artifact locations.
//!
//! Every byte of a name outside the unreserved set is percent-encoded, `:` included, so a
//! folder named `javascript:alert(1)` or `client #2` is a path segment, never a scheme or a
//! fragment; the bytes are the file system's own, so a name that is not UTF-8 maps back.

use std::ffi::OsStr;
use std::fmt::Write;
use std::path::{Component, Path};

/// Appends `segment` percent-encoded (RFC 3986: all but `A-Z a-z 0-9 - . _ ~`).
fn encode_segment(segment: &OsStr, out: &mut String) {
    for &byte in segment.as_encoded_bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
}

/// `segments` encoded and joined by `/`.
pub fn relative<'a>(segments: impl IntoIterator<Item = &'a OsStr>) -> String {
    let mut out = String::new();
    for (i, segment) in segments.into_iter().enumerate() {
        if i > 0 {
            out.push('/');
        }
        encode_segment(segment, &mut out);
    }
    out
}

/// A relative path (no root, no `..`) as a relative URI reference.
pub fn of_relative_path(path: &Path) -> String {
    relative(path.components().filter_map(|c| match c {
        Component::Normal(name) => Some(name),
        _ => None,
    }))
}

/// An absolute folder as a `file:` URI ending in `/`, so relative references resolve
/// inside it (SARIF's `originalUriBaseIds` requires the slash).
pub fn folder(path: &Path) -> String {
    let mut out = String::from("file://");
    for component in path.components() {
        match component {
            // A Windows drive ("C:") stays readable: `file:///C:/…`.
            Component::Prefix(prefix) => {
                out.push('/');
                out.push_str(&prefix.as_os_str().to_string_lossy().replace('\\', "/"));
            }
            Component::Normal(name) => {
                out.push('/');
                encode_segment(name, &mut out);
            }
            Component::RootDir | Component::CurDir | Component::ParentDir => {}
        }
    }
    out.push('/');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_cannot_become_a_scheme_a_query_or_a_fragment() {
        let path = Path::new("javascript:alert(document.domain)/client #2?x=1/Бриф 1.md");
        assert_eq!(
            of_relative_path(path),
            "javascript%3Aalert%28document.domain%29/client%20%232%3Fx%3D1/\
             %D0%91%D1%80%D0%B8%D1%84%201.md"
        );
    }

    #[test]
    fn relative_paths_lose_dot_components() {
        assert_eq!(of_relative_path(Path::new("./a/./b.md")), "a/b.md");
    }

    #[cfg(unix)]
    #[test]
    fn folders_are_file_uris_with_a_trailing_slash() {
        assert_eq!(
            folder(Path::new("/srv/agence Q3")),
            "file:///srv/agence%20Q3/"
        );
        assert_eq!(folder(Path::new("/")), "file:///");
    }

    #[cfg(unix)]
    #[test]
    fn non_utf8_bytes_are_encoded_as_themselves() {
        use std::os::unix::ffi::OsStrExt;
        assert_eq!(relative([OsStr::from_bytes(b"caf\xe9.md")]), "caf%E9.md");
    }
}
