//! Whether a document is the client's brief, the agency's proposal, or neither.

use std::path::Path;

use crate::dictionary::Dictionaries;
use crate::document::{Document, SegmentKind};
use crate::vocab::DocKind;

/// Front matter `kind:`, else the file name, else the title.
pub(super) fn document_kind(doc: &Document, dicts: &Dictionaries) -> DocKind {
    if let Some(kind) = doc.front_matter.as_ref().and_then(|f| f.kind.as_deref()) {
        match kind.trim().to_lowercase().as_str() {
            "brief" => return DocKind::Brief,
            "proposal" | "recommendation" | "reco" | "propal" => return DocKind::Proposal,
            _ => {}
        }
    }
    if let Some(kind) = doc.source.path.as_deref().and_then(kind_from_file_name) {
        return kind;
    }
    let title = doc
        .segments
        .iter()
        .find(|s| matches!(s.kind, SegmentKind::Heading { .. }));
    title
        .and_then(|t| {
            dicts
                .find(t.lang, &t.text, &t.folded, |p| &p.kinds)
                .first()
                .map(|h| h.payload)
        })
        .unwrap_or(DocKind::Unknown)
}

/// A file name that says what the document is, by whole words of its stem: `brief`,
/// `client-brief`, `бриф_2026` → brief; `proposal`, `reco-2026`, `propal_v2` → proposal.
/// Never a prefix: `records.md` and `recovery-plan.md` say nothing.
pub fn kind_from_file_name(path: &Path) -> Option<DocKind> {
    const BRIEF: &[&str] = &["brief", "briefs", "rfp", "бриф", "брифа", "тз"];
    const PROPOSAL: &[&str] = &[
        "proposal",
        "proposals",
        "propal",
        "reco",
        "recommendation",
        "recommandation",
        "proposition",
        "предложение",
        "кп",
        "пропозиція",
        "пропозиции",
    ];
    let stem = path.file_stem()?.to_str()?.to_lowercase();
    let words: Vec<&str> = stem
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |list: &[&str]| words.iter().any(|w| list.contains(w));
    match (has(BRIEF), has(PROPOSAL)) {
        (true, false) => Some(DocKind::Brief),
        (false, true) => Some(DocKind::Proposal),
        // "reco-for-brief-12": the answer to a brief.
        (true, true) => Some(DocKind::Proposal),
        (false, false) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_count_by_whole_words() {
        let kind = |name: &str| kind_from_file_name(Path::new(name));
        for name in ["brief.md", "client-brief.md", "бриф_2026.md", "RFP 12.md"] {
            assert_eq!(kind(name), Some(DocKind::Brief), "{name}");
        }
        for name in [
            "proposal.md",
            "reco-2026.md",
            "propal_v2.md",
            "reco.md",
            "reply-to-brief-reco.md",
        ] {
            assert_eq!(kind(name), Some(DocKind::Proposal), "{name}");
        }
        for name in [
            "records.md",
            "recovery-plan.md",
            "briefing-notes.md",
            "doc-417.md",
        ] {
            assert_eq!(kind(name), None, "{name}");
        }
    }
}
