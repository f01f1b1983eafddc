//! A document's source: its text, where it came from, and the index from byte offsets to
//! the lines and columns a person sees.

mod line_index;

use std::path::PathBuf;
use std::sync::Arc;

pub use line_index::{LineCol, LineIndex};

/// The text of one input and the index to turn offsets into lines.
#[derive(Debug)]
pub struct SourceFile {
    /// Where the file was read from (for fixes and pairing), if it is a file.
    pub path: Option<PathBuf>,
    /// The name shown in reports.
    pub name: String,
    pub text: String,
    pub lines: LineIndex,
}

impl SourceFile {
    pub fn new(path: Option<PathBuf>, name: String, text: String) -> Arc<Self> {
        let lines = LineIndex::new(&text);
        Arc::new(Self {
            path,
            name,
            text,
            lines,
        })
    }

    pub fn line_col(&self, offset: usize) -> LineCol {
        self.lines.line_col(&self.text, offset)
    }
}
