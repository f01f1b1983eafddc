//! Whether a document is the client's brief, the agency's proposal, or neither (an
//! article, a case study, an interview).
//!
//! Front matter `kind:` wins, then the file name; otherwise the text decides. A brief asks
//! and sets conditions ("proposals are due", "le titulaire", "очікувана вартість", "ждём
//! от вас медиаплан"); a proposal answers ("we recommend", "notre compréhension de votre
//! demande", "пропонуємо"); an article, a case study or an interview says what it is
//! ("interview with", "propos recueillis par", "блог агенції", a run of questions). Title
//! words ("REQUEST FOR PROPOSALS", "медиаплан") weigh more than words of the text, but a
//! title alone decides nothing: articles about briefs carry the same titles. A genre word
//! or a question in the document's own title ("How to write an RFP", "Кейс: …") makes it
//! neither. Each signal counts once. When no side clearly wins, the kind is unknown and
//! the brief and proposal rules stay quiet.

use std::collections::HashSet;
use std::ops::Range;
use std::path::Path;

use super::sections::Role;
use crate::dictionary::{Hit, Vocabulary};
use crate::document::{Document, SegmentKind};
use crate::vocab::{Cue, DocKind};

/// A title word ("REQUEST FOR PROPOSALS", "медиаплан", "Case study") counts as this many
/// words of the text.
const TITLE_WEIGHT: u32 = 3;

/// A word that names the genre ("interview with", "case study", "блог агентства") counts
/// as this many words of a brief or a proposal, which only behave like one.
const GENRE_WEIGHT: u32 = 2;

/// A document whose prose is mostly questions and answers is an interview: at least this
/// many question titles or dash-led replies, worth this much.
const INTERVIEW_TURNS: usize = 3;
const INTERVIEW_WEIGHT: u32 = 2;

/// Evidence below this weight decides nothing.
const MIN_WEIGHT: u32 = 2;

/// The title is among the first segments: the headings among these, and the first one if
/// it is short.
const TITLE_SEGMENTS: usize = 5;
const TITLE_WORDS: usize = 12;

/// How many spans `kind_evidence` lists.
const EVIDENCE: usize = 3;

/// The document's kind, and the spans of the source that decided it (none when the file
/// name did).
pub(super) fn document_kind(
    doc: &Document,
    vocabulary: &[Vocabulary],
    roles: &[Role],
    cues: &[Vec<Hit<Cue>>],
) -> (DocKind, Vec<Range<usize>>) {
    if let Some(front) = &doc.front_matter
        && let Some(kind) = front.kind.as_deref()
    {
        let declared = match kind.trim().to_lowercase().as_str() {
            "brief" => Some(DocKind::Brief),
            "proposal" | "recommendation" | "reco" | "propal" => Some(DocKind::Proposal),
            _ => None,
        };
        if let Some(declared) = declared {
            return (
                declared,
                kind_line(doc, front.range.clone()).into_iter().collect(),
            );
        }
    }
    if let Some(kind) = doc.source.path.as_deref().and_then(kind_from_file_name) {
        return (kind, Vec::new());
    }
    from_content(doc, vocabulary, roles, cues)
}

/// The `kind:` line of the front matter.
fn kind_line(doc: &Document, front: Range<usize>) -> Option<Range<usize>> {
    let text = &doc.source.text[front.clone()];
    let mut offset = front.start;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed.trim_start().to_lowercase().starts_with("kind") {
            let indent = trimmed.len() - trimmed.trim_start().len();
            return Some(offset + indent..offset + trimmed.len());
        }
        offset += line.len();
    }
    None
}

/// Weighed evidence for one kind.
#[derive(Default)]
struct Tally {
    weight: u32,
    spans: Vec<(u32, Range<usize>)>,
}

impl Tally {
    fn add(&mut self, weight: u32, span: Range<usize>) {
        self.weight += weight;
        self.spans.push((weight, span));
    }

    /// The strongest spans, in document order.
    fn evidence(mut self) -> Vec<Range<usize>> {
        self.spans
            .sort_by_key(|(weight, span)| (std::cmp::Reverse(*weight), span.start));
        self.spans.truncate(EVIDENCE);
        let mut spans: Vec<Range<usize>> = self.spans.into_iter().map(|(_, span)| span).collect();
        spans.sort_by_key(|span| span.start);
        spans
    }
}

/// Index of a kind's tally.
fn slot(kind: DocKind) -> usize {
    match kind {
        DocKind::Brief => 0,
        DocKind::Proposal => 1,
        DocKind::Unknown => 2,
    }
}

fn from_content(
    doc: &Document,
    vocabulary: &[Vocabulary],
    roles: &[Role],
    cues: &[Vec<Hit<Cue>>],
) -> (DocKind, Vec<Range<usize>>) {
    let mut tallies: [Tally; 3] = Default::default();
    let titles: Vec<usize> = (0..doc.segments.len().min(TITLE_SEGMENTS))
        .filter(|&i| is_title(doc, roles, i))
        .collect();
    for (rank, &index) in titles.iter().enumerate() {
        let segment = &doc.segments[index];
        let hits = &vocabulary[index].kinds;
        if rank == 0 {
            // The document's own title says it is an article, a case study or an
            // interview ("How to write an RFP", "Кейс: …", or a question): whatever its
            // text quotes of briefs, it is neither.
            let genre: Vec<Range<usize>> = hits
                .iter()
                .filter(|hit| hit.payload == DocKind::Unknown)
                .map(|hit| segment.source_range_of_folded(hit.folded.clone()))
                .collect();
            if !genre.is_empty() {
                return (DocKind::Unknown, genre);
            }
            if segment.text.trim_end().ends_with('?') {
                return (DocKind::Unknown, vec![segment.source_span()]);
            }
        }
        for hit in hits.iter().filter(|hit| hit.payload != DocKind::Unknown) {
            let span = segment.source_range_of_folded(hit.folded.clone());
            tallies[slot(hit.payload)].add(TITLE_WEIGHT, span);
        }
    }
    // Each signal counts once: a guide that says "evaluation criteria" five times has
    // said one thing.
    let mut seen: HashSet<(Cue, &str)> = HashSet::new();
    let mut backed = [false; 3];
    for (segment, hits) in doc.segments.iter().zip(cues) {
        for hit in hits {
            // "Always give a “proposal due date”": a quoted phrase is mentioned, not used.
            let at = segment.folded.original_range(hit.folded.clone()).start;
            if is_quoted(&segment.text, at) {
                continue;
            }
            let (kind, weight) = match hit.payload {
                Cue::BriefSignal => (DocKind::Brief, 1),
                Cue::ProposalSignal | Cue::RecommendationSignal => (DocKind::Proposal, 1),
                Cue::NeitherSignal => (DocKind::Unknown, GENRE_WEIGHT),
                _ => continue,
            };
            if !seen.insert((hit.payload, &segment.folded.text[hit.folded.clone()])) {
                continue;
            }
            // Advice recommends too: only words addressed to a client back a proposal.
            backed[slot(kind)] |= hit.payload != Cue::RecommendationSignal;
            tallies[slot(kind)].add(weight, segment.source_range_of_folded(hit.folded.clone()));
        }
    }
    let turns: Vec<usize> = (0..doc.segments.len())
        .filter(|&i| is_turn(doc, i))
        .collect();
    if turns.len() >= INTERVIEW_TURNS {
        tallies[slot(DocKind::Unknown)].add(INTERVIEW_WEIGHT, doc.segments[turns[0]].source_span());
    }
    let [brief, proposal, neither] = tallies;
    let best = brief.weight.max(proposal.weight);
    let undecided = best < MIN_WEIGHT || neither.weight >= best || brief.weight == proposal.weight;
    // A title alone ("LE CAHIER DES CHARGES", "Как составить ТЗ") is what an article about
    // briefs has too: the text must also ask, or answer.
    if undecided {
        (DocKind::Unknown, neither.evidence())
    } else if brief.weight > proposal.weight && backed[slot(DocKind::Brief)] {
        (DocKind::Brief, brief.evidence())
    } else if proposal.weight > brief.weight && backed[slot(DocKind::Proposal)] {
        (DocKind::Proposal, proposal.evidence())
    } else {
        (DocKind::Unknown, neither.evidence())
    }
}

/// Whether a segment among the first ones is a title: a heading, a title line, or a short
/// first line (an e-mail subject, a document name); a first paragraph is not.
fn is_title(doc: &Document, roles: &[Role], index: usize) -> bool {
    let segment = &doc.segments[index];
    segment.is_heading()
        || matches!(roles[index], Role::Title { .. })
        || (index == 0 && segment.text.split_whitespace().count() <= TITLE_WORDS)
}

/// Whether byte `at` of `text` lies between quotation marks (`"…"`, `“…”`, `«…»`, `„…“`).
fn is_quoted(text: &str, at: usize) -> bool {
    let (mut straight, mut open) = (false, 0i32);
    for c in text[..at].chars() {
        match c {
            '"' => straight = !straight,
            '“' | '«' | '„' => open += 1,
            '”' | '»' => open -= 1,
            _ => {}
        }
    }
    straight || open > 0
}

/// A turn of an interview: a question as a title ("**Q: What changed?**", "**Чого ви
/// чекаєте від брифу?**"), or a reply led by a dash ("— Наоборот.").
fn is_turn(doc: &Document, index: usize) -> bool {
    let segment = &doc.segments[index];
    let text = segment.text.trim();
    match segment.kind {
        SegmentKind::Heading { .. } => text.ends_with('?'),
        SegmentKind::Paragraph => doc.source.text[segment.source_span()].starts_with(['—', '–']),
        _ => false,
    }
}

/// A file name that says what the document is, by whole words of its stem: `brief`,
/// `client-brief`, `бриф_2026` → brief; `proposal`, `reco-2026`, `propal_v2` → proposal.
/// Never a prefix: `records.md` and `recovery-plan.md` say nothing. A repository's own
/// documentation (`README.md`, `CHANGELOG.md`) is neither, whatever it quotes of briefs:
/// read as a brief, it would pair with every proposal below it.
pub fn kind_from_file_name(path: &Path) -> Option<DocKind> {
    const DOCUMENTATION: &[&str] = &["readme", "changelog", "contributing", "license", "licence"];
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
    if DOCUMENTATION.contains(&stem.as_str()) {
        return Some(DocKind::Unknown);
    }
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
    use crate::rules::testing::analyse;

    /// The kind of `text` read from a file name that says nothing, and its evidence.
    fn kind(text: &str) -> (DocKind, Vec<String>) {
        let doc = analyse("doc-12.md", text);
        let evidence = doc
            .kind_evidence
            .iter()
            .map(|span| doc.doc.source.text[span.clone()].to_string())
            .collect();
        (doc.kind, evidence)
    }

    #[test]
    fn briefs_ask_in_four_languages() {
        for text in [
            "REQUEST FOR PROPOSALS\n\nProposal Due Date: 7 March 2025\n\nThe selected agency will buy media.\n",
            "Objet : campagne 2025\n\nMerci de nous faire parvenir votre proposition avant le 23 janvier.\n",
            "ТЕХНИЧЕСКОЕ ЗАДАНИЕ\n\nНачальная (максимальная) цена контракта: 4 850 000 руб.\n",
            "Запит пропозиції № 12\nДата закінчення прийому пропозицій: 27 червня 2025 р.\n",
        ] {
            let (kind, evidence) = kind(text);
            assert_eq!(kind, DocKind::Brief, "{text}");
            assert!(
                !evidence.is_empty() && evidence.len() <= EVIDENCE,
                "{evidence:?}"
            );
        }
    }

    #[test]
    fn proposals_answer_in_four_languages() {
        for text in [
            "# Plan\n\nPrepared for Kelso by Fieldhouse.\n\nWe recommend adding radio.\n",
            "# Saison 2026\n\n## Notre compréhension de votre demande\n\nNous recommandons la radio.\n",
            "# Весна\n\n## Что вы просили\n\nПредлагаем добавить радио.\n",
            "# Осінь\n\nПідготувала агенція «Смерека».\n\nПропонуємо додати радіо.\n",
        ] {
            assert_eq!(kind(text).0, DocKind::Proposal, "{text}");
        }
    }

    #[test]
    fn articles_case_studies_and_interviews_are_neither() {
        for text in [
            "# Case study: Tern Outdoor\n\nWe recommend reading the results. We propose a test.\n",
            "# Titre\n\n*Entretien avec C. L.*\n\nNous recommandons la mesure et nous proposons un test.\n",
            "# Ковалёв\n\n— Что изменилось?\n\n— Мы рекомендуем считать продажи и предлагаем промокоды.\n\n— А бюджеты?\n\n— Выросли.\n",
            "# Продажі до і після\n\n*Блог агенції «Поле»*\n\nРадимо рахувати продажі й пропонуємо промокоди.\n",
            "# Notes\n\nSales went up last year.\n",
            "# Radio in 2026\n\nWe recommend testing radio first. We propose one rule: measure before you buy.\n",
        ] {
            assert_eq!(kind(text).0, DocKind::Unknown, "{text}");
        }
    }

    #[test]
    fn guides_to_writing_a_brief_are_not_briefs() {
        for text in [
            "# How to write an agency RFP\n\nAn RFP sets evaluation criteria. Always state the evaluation criteria and the proposal due date.\n",
            "LE CAHIER DES CHARGES\nLe cahier des charges a une valeur contractuelle entre l'annonceur et le prestataire.\n",
            "# Что такое техническое задание?\n\nЗаказчик описывает цели, а исполнитель должен их понять.\n",
            "# Запит пропозицій: що це\n\nУ цій статті пояснюємо, що таке очікувана вартість.\n",
        ] {
            assert_eq!(kind(text).0, DocKind::Unknown, "{text}");
        }
    }

    #[test]
    fn quoted_phrases_are_mentions_not_signals() {
        let text = "# Briefs\n\nA brief asks: \"proposals are due\", \"the selected agency will\", «le titulaire».\n";
        assert_eq!(kind(text), (DocKind::Unknown, Vec::new()));
        let text = "# Media\n\nProposals are due on 7 March. The selected agency will buy media.\n";
        assert_eq!(kind(text).0, DocKind::Brief);
    }

    #[test]
    fn front_matter_and_file_name_win_over_the_text() {
        let doc = analyse(
            "doc.md",
            "---\nkind: proposal\n---\nREQUEST FOR PROPOSALS\n\nProposals are due on 7 March.\n",
        );
        assert_eq!(doc.kind, DocKind::Proposal);
        assert_eq!(
            &doc.doc.source.text[doc.kind_evidence[0].clone()],
            "kind: proposal"
        );
        let doc = analyse("brief.md", "# Plan\n\nWe recommend radio. We propose TV.\n");
        assert_eq!((doc.kind, doc.kind_evidence.len()), (DocKind::Brief, 0));
    }

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
        for name in ["README.md", "readme.markdown", "CHANGELOG.md"] {
            assert_eq!(kind(name), Some(DocKind::Unknown), "{name}");
        }
    }
}
