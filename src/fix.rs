//! `--fix`: replace jargon with its plain replacement, safely.
//!
//! Only entries marked safe (`fix = true`) are applied, only in prose (findings never point
//! into code, URLs or front matter), keeping the original's capitalisation. The file is
//! written to a temporary file in the same folder, given the original's permissions and
//! renamed over it, so a crash never leaves half a file; a file that changed on disk since
//! it was read is left alone. Line endings and a UTF-8 BOM are untouched because only the
//! replaced spans change.

use std::io::Write;
use std::path::Path;

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
    #[error("{0}: cannot write the fixed file: {1}")]
    Io(String, std::io::Error),
}

/// Writes `fixed` over the file `source` was read from, atomically.
pub fn write(source: &SourceFile, path: &Path, fixed: &str) -> Result<(), FixError> {
    let name = source.name.clone();
    let on_disk = std::fs::read(path).map_err(|e| FixError::Io(name.clone(), e))?;
    if on_disk.starts_with(&[0xff, 0xfe]) || on_disk.starts_with(&[0xfe, 0xff]) {
        return Err(FixError::Utf16(name));
    }
    if on_disk != source.text.as_bytes() {
        return Err(FixError::Changed(name));
    }
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let permissions = std::fs::metadata(path)
        .map_err(|e| FixError::Io(name.clone(), e))?
        .permissions();
    let mut temp = tempfile::Builder::new()
        .prefix(".brieflint-fix")
        .tempfile_in(folder)
        .map_err(|e| FixError::Io(name.clone(), e))?;
    temp.write_all(fixed.as_bytes())
        .and_then(|_| temp.as_file().sync_all())
        .map_err(|e| FixError::Io(name.clone(), e))?;
    std::fs::set_permissions(temp.path(), permissions)
        .map_err(|e| FixError::Io(name.clone(), e))?;
    temp.persist(path)
        .map_err(|e| FixError::Io(name, e.error))?;
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
