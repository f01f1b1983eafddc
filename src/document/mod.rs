//! A document: its source, front matter, prose segments and language.

mod front_matter;
mod language;
mod markdown;
pub mod segment;

use std::sync::Arc;

pub use front_matter::FrontMatter;
pub use language::{document_language, paragraph_language};
pub use markdown::HtmlComment;
pub use segment::{Segment, SegmentKind};

use crate::source::SourceFile;
use crate::vocab::Lang;

/// A parsed Markdown document.
#[derive(Debug)]
pub struct Document {
    pub source: Arc<SourceFile>,
    pub front_matter: Option<FrontMatter>,
    pub segments: Vec<Segment>,
    pub comments: Vec<HtmlComment>,
    /// The main language: front matter `lang:`, else detected from all the prose.
    pub lang: Lang,
}

impl Document {
    /// Parses `source` as Markdown. `forced_lang` (from configuration) wins over detection
    /// but not over the document's own front matter.
    pub fn parse(source: Arc<SourceFile>, forced_lang: Option<Lang>) -> Self {
        let text = source.text.as_str();
        let front_matter = front_matter::parse(text);
        let body_start = match &front_matter {
            Some(front) => front.range.end,
            None if text.starts_with('\u{feff}') => 3,
            None => 0,
        };
        let (mut segments, comments) = markdown::parse(text, body_start);
        let declared = front_matter
            .as_ref()
            .and_then(|f| f.lang.as_deref())
            .and_then(Lang::from_code);
        // A declared language is the prior; paragraphs are still read one by one, since
        // a French memo quotes English and a Ukrainian brief borrows Russian.
        let lang = declared.or(forced_lang).unwrap_or_else(|| {
            language::document_language(segments.iter().map(|s| s.folded.text.as_str()))
        });
        for segment in &mut segments {
            segment.lang = language::paragraph_language(&segment.folded.text, lang);
        }
        Self {
            source,
            front_matter,
            segments,
            comments,
            lang,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        Document::parse(SourceFile::new(None, "test.md".into(), text.into()), None)
    }

    /// Every segment word maps back to the identical source bytes.
    fn assert_maps_back(document: &Document, word: &str) -> String {
        for segment in &document.segments {
            if let Some(at) = segment.text.find(word) {
                let range = segment.source_range(at..at + word.len());
                return document.source.text[range].to_string();
            }
        }
        panic!("{word:?} not found in any segment");
    }

    #[test]
    fn code_urls_and_front_matter_are_not_prose() {
        let document = doc(
            "---\ntags: synergy\n---\n# Plan\n\nUse `synergy` and see https://x.example/synergy or [synergy](https://y.example/best).\n\n```\nsynergy\n```\n",
        );
        let prose: Vec<&str> = document.segments.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(prose.len(), 2, "{prose:?}");
        assert_eq!(
            prose[1].matches("synergy").count(),
            1,
            "only the link text: {prose:?}"
        );
        assert!(!prose.iter().any(|p| p.contains("best")));
    }

    #[test]
    fn offsets_survive_entities_escapes_and_block_quotes() {
        let document = doc("Test &amp; learn, 5\\*3 leverage\n> quoted\n> synergy here\n");
        assert_eq!(assert_maps_back(&document, "leverage"), "leverage");
        assert_eq!(assert_maps_back(&document, "synergy"), "synergy");
        let segment = &document.segments[0];
        let amp = segment.text.find('&').unwrap();
        assert_eq!(
            &document.source.text[segment.source_range(amp..amp + 1)],
            "&amp;"
        );
    }

    #[test]
    fn tables_lists_and_bold_titles_become_segments() {
        let document = doc(
            "**Objectifs :**\n\n- Sales:\n  - +20%\n\n| KPI | Target |\n|---|---|\n| CPA | 20 € |\n",
        );
        let kinds: Vec<SegmentKind> = document.segments.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            vec![
                SegmentKind::Heading { level: 7 },
                SegmentKind::ListItem { has_sublist: true },
                SegmentKind::ListItem { has_sublist: false },
                SegmentKind::TableRow { header: true },
                SegmentKind::TableRow { header: false },
            ]
        );
        assert_eq!(document.segments[4].text, "CPA | 20 €");
    }

    #[test]
    fn language_comes_from_front_matter_then_detection() {
        assert_eq!(doc("---\nlang: uk\n---\nText").lang, Lang::Uk);
        assert_eq!(
            doc("Nous avons construit cette propal pour vous et avec vous.").lang,
            Lang::Fr
        );
    }
}
