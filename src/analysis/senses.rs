//! Which dictionary matches are jargon where they stand.
//!
//! A match is only a candidate: the same letters can be a proper name (tariff «Драйв», a
//! sun cream called "Seamless", Blue Sky Charters), a literal sense (a deep dive to 30
//! metres) or another trade's precise term (incentive trips in travel). A linter that
//! flags those gets switched off, so this drops them: names from capitals read in context
//! and from the front matter; literal and technical senses from each entry's `near` and
//! `domains` data. Only segments with matches are looked at.

use std::collections::HashMap;
use std::ops::Range;

use crate::dictionary::{Dictionaries, DomainSet, Hit, Vocabulary};
use crate::document::{Document, Segment, SegmentKind};
use crate::text::fold::fold_form;
use crate::text::sentence::{self, is_capitalised};
use crate::vocab::Lang;

/// What the capitals of a match say about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Capitals {
    /// Lower case: the word itself.
    Lower,
    /// Capitals that are the word's spelling: an acronym (ASAP), a word made from one
    /// (ROIste, C-level), a word the dictionary writes with a capital (Instagrammable).
    Spelling,
    /// A capital where capitals say nothing: the start of a sentence, a list item or a
    /// table cell, a heading, Title Case. The rest of the document decides.
    Unknown,
    /// A capital mid-sentence on a Latin word standing alone ("a tinted SPF called
    /// Seamless"), or on any Latin word in Russian or Ukrainian prose: a name, unless the
    /// document also writes the word in lower case.
    Likely,
    /// A name: quoted («Драйв», "Seamless"), next to other capitalised words (Blue Sky
    /// Charters, Bank of the West), or a Cyrillic capital mid-sentence (Russian and
    /// Ukrainian do not capitalise common nouns).
    Name,
}

/// Removes from `jargon` (hits per segment of `doc`) those that are names, literal senses
/// or precise terms of another trade.
/// `titles` gives, for each segment, the title it sits under (whose vocabulary counts for
/// its domains too); `vocabulary`, each segment's domains and `near` words.
pub fn drop_non_jargon(
    doc: &Document,
    dicts: &Dictionaries,
    titles: &[Option<usize>],
    vocabulary: &[Vocabulary],
    jargon: &mut [Vec<Hit<u32>>],
) {
    if jargon.iter().all(Vec::is_empty) {
        return;
    }
    let capitals: Vec<Capitals> = doc
        .segments
        .iter()
        .zip(jargon.iter())
        .flat_map(|(segment, hits)| {
            hits.iter().map(|hit| {
                let entry = dicts.entry(hit.payload);
                capitals(segment, hit.folded.clone(), entry.capitalised)
            })
        })
        .collect();
    let usage = Usage::new(doc, jargon, &capitals);
    let names: Vec<String> = doc
        .front_matter
        .iter()
        .flat_map(|front| front.names())
        .map(|name| fold_form(name))
        .filter(|name| !name.is_empty())
        .collect();
    let domains = Domains::new(vocabulary);
    let mut capitals = capitals.into_iter();
    for (index, (segment, hits)) in doc.segments.iter().zip(jargon.iter_mut()).enumerate() {
        hits.retain(|hit| {
            let capitals = capitals.next().unwrap_or(Capitals::Lower);
            let entry = dicts.entry(hit.payload);
            let surface = &segment.folded.text[hit.folded.clone()];
            let is_jargon = match capitals {
                Capitals::Lower | Capitals::Spelling => true,
                Capitals::Name => false,
                Capitals::Likely => usage.written_lower(surface),
                Capitals::Unknown => usage.written_lower(surface) || !usage.named(surface),
            };
            is_jargon
                && !names
                    .iter()
                    .any(|name| overlaps_name(segment, name, &hit.folded))
                && !(entry.near && {
                    // The sentence is looked up only when the word's near words are in the
                    // paragraph at all.
                    let near = &vocabulary[index].near;
                    let mut own = near.iter().filter(|n| n.payload == hit.payload).peekable();
                    own.peek().is_some() && {
                        let sentence =
                            sentence::sentence_around(&segment.folded.text, hit.folded.clone());
                        own.any(|n| {
                            sentence.start <= n.folded.start && n.folded.end <= sentence.end
                        })
                    }
                })
                && (entry.domains == 0 || entry.domains & domains.around(titles, index) == 0)
        });
    }
}

/// How the document writes each matched word elsewhere: in lower case, or as a name.
struct Usage<'d> {
    /// Per folded surface: (written in lower case somewhere, written as a name somewhere).
    /// Empty when no match has an undecided capital.
    seen: HashMap<&'d str, (bool, bool)>,
}

impl<'d> Usage<'d> {
    fn new(doc: &'d Document, jargon: &[Vec<Hit<u32>>], capitals: &[Capitals]) -> Self {
        let hits = || jargon.iter().flatten();
        // Only the entries with an undecided capital somewhere need their usage counted.
        let mut undecided: Vec<u32> = hits()
            .zip(capitals)
            .filter(|(_, c)| matches!(c, Capitals::Unknown | Capitals::Likely))
            .map(|(hit, _)| hit.payload)
            .collect();
        undecided.sort_unstable();
        undecided.dedup();
        let mut seen = HashMap::new();
        if undecided.is_empty() {
            return Self { seen };
        }
        let surfaces = doc.segments.iter().zip(jargon).flat_map(|(segment, hits)| {
            hits.iter()
                .map(move |hit| (hit.payload, &segment.folded.text[hit.folded.clone()]))
        });
        for ((entry, surface), capitals) in surfaces.zip(capitals) {
            if undecided.binary_search(&entry).is_err() {
                continue;
            }
            let (lower, named) = seen.entry(surface).or_insert((false, false));
            *lower |= *capitals == Capitals::Lower;
            *named |= matches!(capitals, Capitals::Likely | Capitals::Name);
        }
        Self { seen }
    }

    fn written_lower(&self, surface: &str) -> bool {
        self.seen.get(surface).is_some_and(|(lower, _)| *lower)
    }

    fn named(&self, surface: &str) -> bool {
        self.seen.get(surface).is_some_and(|(_, named)| *named)
    }
}

/// What the capitals of the match at `folded` (a range of the segment's folded text) say;
/// `spelt_capitalised` when the dictionary writes the word with a capital.
fn capitals(segment: &Segment, folded: Range<usize>, spelt_capitalised: bool) -> Capitals {
    let text = segment.text.as_str();
    let range = segment.folded.original_range(folded);
    let found = &text[range.clone()];
    if !is_capitalised(found) {
        return Capitals::Lower;
    }
    if spelt_capitalised || sentence::starts_with_acronym(found) {
        return Capitals::Spelling;
    }
    if sentence::quotation_around(text, range.clone()).is_some_and(|q| !q.opens_clause) {
        return Capitals::Name;
    }
    let heading = matches!(
        segment.kind,
        SegmentKind::Heading { .. } | SegmentKind::TableRow { header: true }
    );
    if heading {
        return Capitals::Unknown;
    }
    let clause = sentence::clause_around(text, range.clone());
    let mut words = sentence::words(found);
    let every_word_capitalised = words.all(|w| is_capitalised(&found[w]));
    let multiword = every_word_capitalised && sentence::words(found).nth(1).is_some();
    if sentence::first_in_clause(text, clause.start, range.start) {
        return if multiword && !sentence::is_title_case(&text[clause]) {
            Capitals::Likely
        } else {
            Capitals::Unknown
        };
    }
    if sentence::is_title_case(&text[clause.clone()]) {
        return Capitals::Unknown;
    }
    if found
        .chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(|c| ('\u{0400}'..='\u{04ff}').contains(&c))
    {
        return Capitals::Name;
    }
    if matches!(segment.lang, Lang::Ru | Lang::Uk) {
        // An English word in Russian or Ukrainian prose is often capitalised as a term
        // ("Customer Journey Map"), not only as a name: the document decides.
        return Capitals::Likely;
    }
    let (before, after) = sentence::neighbours(text, range, clause.clone());
    let before = before.is_some_and(|w| {
        is_capitalised(&text[w.clone()]) && !sentence::first_in_clause(text, clause.start, w.start)
    });
    let after = after.is_some_and(|w| is_capitalised(&text[w]));
    if multiword || before || after {
        Capitals::Name
    } else {
        Capitals::Likely
    }
}

/// Whether the match at `folded` overlaps a whole-word occurrence of a declared name
/// (folded) in the segment.
fn overlaps_name(segment: &Segment, name: &str, folded: &Range<usize>) -> bool {
    // Only where an occurrence could overlap the match: a long segment with many matches
    // is not searched whole for each.
    let text = &segment.folded.text;
    let mut from = folded.start.saturating_sub(name.len());
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (folded.end + name.len()).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    text[from..to].match_indices(name).any(|(at, _)| {
        let range = from + at..from + at + name.len();
        range.start < folded.end && folded.start < range.end && segment.folded.is_whole_words(range)
    })
}

/// The domains each segment's text uses, worked out once per segment that needs them.
#[derive(Default)]
/// The domains each segment's vocabulary uses, and the document's own.
struct Domains<'a> {
    of: &'a [Vocabulary],
    /// The domains the whole document is about (see [`DOCUMENT_DOMAIN_SEGMENTS`]).
    document: DomainSet,
}

/// A domain whose vocabulary stands in this many paragraphs is the document's own trade
/// (a public tender, a hotel's brief): its precise terms are precise everywhere in it.
const DOCUMENT_DOMAIN_SEGMENTS: usize = 3;

impl<'a> Domains<'a> {
    fn new(of: &'a [Vocabulary]) -> Self {
        let mut counts = [0usize; DomainSet::BITS as usize];
        for found in of {
            let mut set = found.domains;
            while set != 0 {
                counts[set.trailing_zeros() as usize] += 1;
                set &= set - 1;
            }
        }
        let document = counts
            .iter()
            .enumerate()
            .filter(|(_, count)| **count >= DOCUMENT_DOMAIN_SEGMENTS)
            .fold(0, |set, (bit, _)| set | 1 << bit);
        Self { of, document }
    }

    /// The domains used by segment `index`, by the title it sits under, or by the document.
    fn around(&self, titles: &[Option<usize>], index: usize) -> DomainSet {
        let heading = titles.get(index).copied().flatten();
        self.of[index].domains | heading.map_or(0, |h| self.of[h].domains) | self.document
    }
}

#[cfg(test)]
mod tests {
    use std::sync::OnceLock;

    use super::*;
    use crate::dictionary::{DictionarySet, Source};
    use crate::source::SourceFile;

    const JARGON_EN: &str = r#"
lang = "en"

[[entry]]
term = "deep dive"
forms = ["deep-dive{s,d}"]
near = ["metre{,s}", "diver{,s}", "reef{,s}"]
category = "buzzword"
replace = ["close look"]
reason = "Workshop buzzword."

[[entry]]
term = "incentive"
forms = ["incentives"]
domains = ["travel"]
category = "buzzword"
replace = ["reward"]
reason = "Vague."

[[entry]]
term = "synergy"
category = "buzzword"
replace = ["joint work"]
reason = "Vague."

[[entry]]
term = "Instagrammable"
category = "buzzword"
replace = ["photogenic"]
reason = "Vague."
"#;

    const JARGON_RU: &str = r#"
lang = "ru"

[[entry]]
term = "инсайт"
forms = ["инсайт{а,у,ы,ов}"]
category = "anglicism"
replace = ["вывод"]
reason = "Anglicism."
"#;

    const CUES: &str = r#"
lang = "en"

[domains]
travel = ["hotel{,s}", "resort{,s}", "trip{,s}"]
"#;

    fn dicts() -> &'static Dictionaries {
        static DICTS: OnceLock<Dictionaries> = OnceLock::new();
        DICTS.get_or_init(|| {
            let set = DictionarySet {
                jargon: vec![
                    Source::new("en.toml", JARGON_EN),
                    Source::new("ru.toml", JARGON_RU),
                ],
                cues: vec![Source::new("cues.toml", CUES)],
                ..DictionarySet::default()
            };
            Dictionaries::compile(&set).unwrap_or_else(|e| panic!("{e:?}"))
        })
    }

    /// The jargon left in `text` after judging the context, as source text.
    fn jargon(text: &str) -> Vec<String> {
        let doc = Document::parse(SourceFile::new(None, "t.md".into(), text.into()), None);
        let mut vocabulary = super::super::scan(&doc, dicts());
        let mut hits: Vec<Vec<Hit<u32>>> = vocabulary
            .iter_mut()
            .map(|v| std::mem::take(&mut v.jargon))
            .collect();
        assert!(
            hits.iter().any(|h| !h.is_empty()),
            "the test text must hold a dictionary word"
        );
        let titles = super::super::sections::Outline::new(&doc, &vocabulary).titles_above();
        drop_non_jargon(&doc, dicts(), &titles, &vocabulary, &mut hits);
        doc.segments
            .iter()
            .zip(hits)
            .flat_map(|(segment, hits)| {
                hits.into_iter().map(|hit| {
                    doc.source.text[segment.source_range_of_folded(hit.folded)].to_string()
                })
            })
            .collect()
    }

    #[test]
    fn quoted_multiword_and_mid_sentence_names_are_not_jargon() {
        for text in [
            "Our loyalty tier, \"Synergy\", gives members free delivery.",
            "The venue is run by Synergy Partners from Leeds.",
            "The walk ends at the Bank of Synergy on the quay.",
            "The range includes a tinted lotion called Synergy.",
            "В соседнем квартале строится ЖК «Инсайт», там дешевле.",
            "В соседнем квартале строится ЖК Инсайт, там дешевле.",
            "Рекламу ведёт агентство Synergy Group из Казани.",
        ] {
            assert_eq!(jargon(text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn capitals_that_say_nothing_are_decided_by_the_rest_of_the_document() {
        // Only ever at the start of a sentence: jargon.
        assert_eq!(jargon("Synergy is what we want."), ["Synergy"]);
        assert_eq!(jargon("Инсайты покупателей собраны в марте."), ["Инсайты"]);
        // Named elsewhere, never in lower case: a name.
        assert_eq!(
            jargon("We booked it through Synergy Events. Synergy also does the catering."),
            Vec::<String>::new()
        );
        assert_eq!(
            jargon("# Synergy Events Plan\n\nWe booked it through Synergy Events."),
            Vec::<String>::new()
        );
        // Also in lower case elsewhere: jargon where the capital says nothing or little.
        assert_eq!(
            jargon("Synergy first. The Synergy we want is synergy between shops."),
            ["Synergy", "Synergy", "synergy"]
        );
        assert_eq!(
            jargon("Нам нужна Synergy Map, и synergy тоже нужна всем отделам."),
            ["Synergy", "synergy"]
        );
    }

    #[test]
    fn acronyms_and_words_spelt_with_a_capital_stay_jargon() {
        assert_eq!(jargon("Make the SYNERGY happen."), ["SYNERGY"]);
        assert_eq!(
            jargon("The terrace is designed to be Instagrammable."),
            ["Instagrammable"]
        );
    }

    #[test]
    fn front_matter_names_are_not_jargon() {
        assert_eq!(
            jargon("---\nbrand: Synergy\n---\nSynergy opens a shop in York."),
            Vec::<String>::new()
        );
        assert_eq!(
            jargon(
                "---\nproduct: [Synergy Box]\n---\nThe synergy box sells well; synergy matters."
            ),
            ["synergy"]
        );
    }

    #[test]
    fn near_forms_make_the_sentence_literal_not_the_paragraph() {
        assert_eq!(
            jargon("Each deep dive to 30 metres strains the regulator."),
            Vec::<String>::new()
        );
        assert_eq!(
            jargon("The reef is close. We start with a deep dive into sales data."),
            ["deep dive"]
        );
    }

    #[test]
    fn domain_vocabulary_in_the_paragraph_or_its_heading_makes_a_term_technical() {
        assert_eq!(
            jargon("Corporate incentive trips are sold by the events team."),
            Vec::<String>::new()
        );
        assert_eq!(
            jargon("## Hotel stays\n\nGroups on incentives get a late checkout."),
            Vec::<String>::new()
        );
        assert_eq!(
            jargon(
                "## Hotel stays\n\nRooms are clean.\n\n## Staff\n\nAn incentive for the shop staff."
            ),
            ["incentive"]
        );
    }

    #[test]
    fn a_document_of_the_trade_makes_its_terms_technical_everywhere() {
        let one = "## Rooms\n\nEach hotel room has a view.\n\n## Staff\n\nAn incentive for the shop staff.";
        assert_eq!(jargon(one), ["incentive"]);
        let three = "Our hotels reopen in May.\n\nThe resorts are full.\n\nTrips start at 9.\n\n\
                     ## Staff\n\nAn incentive for the shop staff.";
        assert_eq!(jargon(three), Vec::<String>::new());
    }
}
