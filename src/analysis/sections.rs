//! Which sections each segment sits in: the headings above it name them.

use crate::vocab::SectionKind;

/// Sections a segment sits in (a heading can name several: "Budget et calendrier").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sections(u8);

impl Sections {
    pub(super) fn with(self, kind: SectionKind) -> Self {
        Sections(self.0 | 1 << kind as u8)
    }

    pub fn has(self, kind: SectionKind) -> bool {
        self.0 & (1 << kind as u8) != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// An objectives or KPI section: where a document states what it is judged on.
    pub fn is_objectives(self) -> bool {
        self.has(SectionKind::Objectives) || self.has(SectionKind::Kpis)
    }
}
