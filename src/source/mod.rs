//! A document's source: its text, where it came from, and the index from byte offsets to
//! the lines and columns a person sees.

mod line_index;

use std::path::PathBuf;
use std::sync::Arc;

pub use line_index::{LineCol, LineIndex};

use crate::project::ProjectPath;

/// The text of one input and the index to turn offsets into lines.
#[derive(Debug)]
pub struct SourceFile {
    /// Where the file was read from (for fixes and pairing), if it is a file.
    pub path: Option<PathBuf>,
    /// The name shown in reports.
    pub name: String,
    /// Its identity in the project (`None` for text that is not a located input).
    pub project: Option<ProjectPath>,
    pub text: String,
    pub lines: LineIndex,
}

impl SourceFile {
    pub fn new(path: Option<PathBuf>, name: String, text: String) -> Arc<Self> {
        Self::build(path, name, None, text)
    }

    /// A source read from an input located in its project.
    pub fn located(
        path: Option<PathBuf>,
        name: String,
        project: ProjectPath,
        text: String,
    ) -> Arc<Self> {
        Self::build(path, name, Some(project), text)
    }

    fn build(
        path: Option<PathBuf>,
        name: String,
        project: Option<ProjectPath>,
        text: String,
    ) -> Arc<Self> {
        let lines = LineIndex::new(&text);
        Arc::new(Self {
            path,
            name,
            project,
            text,
            lines,
        })
    }

    /// The same file with another text (a fixed version of it).
    pub fn with_text(&self, text: String) -> Arc<Self> {
        Self::build(
            self.path.clone(),
            self.name.clone(),
            self.project.clone(),
            text,
        )
    }

    /// The project-relative path (the identity used by baselines, SARIF and changed
    /// lines), else the reported name.
    pub fn project_key(&self) -> &str {
        self.project.as_ref().map_or(&self.name, |p| &p.relative)
    }

    pub fn line_col(&self, offset: usize) -> LineCol {
        self.lines.line_col(&self.text, offset)
    }
}
