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

use crate::dictionary::{Dictionaries, DomainSet, Hit};
use crate::document::{Document, Segment, SegmentKind};
use crate::text::fold::fold_form;
use crate::text::sentence::{self, is_capitalised};

/// What the capitals of a match say about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Capitals {
    /// Lower case: the word itself.
    Lower,
    /// Starts with two capitals: an acronym (ASAP) or a word made from one (ROIste), never
    /// a name.
    Acronym,
    /// A capital where capitals say nothing: the start of a sentence, a list item or a
    /// table cell, a heading, Title Case. The rest of the document decides.
    Unknown,
    /// A capital mid-sentence on a Latin word standing alone ("a tinted SPF called
    /// Seamless"): a name, unless the document also writes the word in lower case.
    Likely,
    /// A name: quoted («Драйв», "Seamless"), next to other capitalised words (Blue Sky
    /// Charters, Bank of the West), or a Cyrillic capital mid-sentence (Russian and
    /// Ukrainian do not capitalise common nouns).
    Name,
}

/// Removes from `jargon` (hits per segment of `doc`) those that are names, literal senses
/// or precise terms of another trade.
pub fn drop_non_jargon(doc: &Document, dicts: &Dictionaries, jargon: &mut [Vec<Hit<u32>>]) {
    if jargon.iter().all(Vec::is_empty) {
        return;
    }
    let capitals: Vec<Capitals> = doc
        .segments
        .iter()
        .zip(jargon.iter())
        .flat_map(|(segment, hits)| hits.iter().map(|hit| capitals(segment, hit.folded.clone())))
        .collect();
    let usage = Usage::new(doc, jargon, &capitals);
    let names: Vec<String> = doc
        .front_matter
        .iter()
        .flat_map(|front| &front.names)
        .map(|name| fold_form(name))
        .filter(|name| !name.is_empty())
        .collect();
    let mut domains = DomainCache::default();
    let mut capitals = capitals.into_iter();
    for (index, (segment, hits)) in doc.segments.iter().zip(jargon.iter_mut()).enumerate() {
        hits.retain(|hit| {
            let capitals = capitals.next().unwrap_or(Capitals::Lower);
            let entry = &dicts.entries[hit.payload as usize];
            let surface = &segment.folded.text[hit.folded.clone()];
            let is_jargon = match capitals {
                Capitals::Lower | Capitals::Acronym => true,
                Capitals::Name => false,
                Capitals::Likely => usage.written_lower(surface),
                Capitals::Unknown => usage.written_lower(surface) || !usage.named(surface),
            };
            is_jargon
                && !names
                    .iter()
                    .any(|name| overlaps_name(segment, name, &hit.folded))
                && !(entry.near
                    && dicts.is_near(
                        hit.payload,
                        &segment.text,
                        &segment.folded,
                        sentence::sentence_around(&segment.folded.text, hit.folded.clone()),
                    ))
                && (entry.domains == 0 || entry.domains & domains.around(doc, dicts, index) == 0)
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
        let mut seen = HashMap::new();
        if capitals
            .iter()
            .any(|c| matches!(c, Capitals::Unknown | Capitals::Likely))
        {
            let surfaces = doc.segments.iter().zip(jargon).flat_map(|(segment, hits)| {
                hits.iter()
                    .map(|hit| &segment.folded.text[hit.folded.clone()])
            });
            for (surface, capitals) in surfaces.zip(capitals) {
                let (lower, named) = seen.entry(surface).or_insert((false, false));
                *lower |= *capitals == Capitals::Lower;
                *named |= matches!(capitals, Capitals::Likely | Capitals::Name);
            }
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

/// What the capitals of the match at `folded` (a range of the segment's folded text) say.
fn capitals(segment: &Segment, folded: Range<usize>) -> Capitals {
    let text = segment.text.as_str();
    let range = segment.folded.original_range(folded);
    let found = &text[range.clone()];
    if !is_capitalised(found) {
        return Capitals::Lower;
    }
    if sentence::starts_with_acronym(found) {
        return Capitals::Acronym;
    }
    if sentence::quotation_around(text, range.clone()).is_some_and(|q| !q.opens_clause) {
        return Capitals::Name;
    }
    let heading = matches!(
        segment.kind,
        SegmentKind::Heading { .. } | SegmentKind::TableRow { header: true }
    );
    if heading || sentence::is_title_case(&text[sentence::clause_around(text, range.clone())]) {
        return Capitals::Unknown;
    }
    let mut words = sentence::words(found);
    let every_word_capitalised = words.all(|w| is_capitalised(&found[w]));
    let multiword = every_word_capitalised && sentence::words(found).nth(1).is_some();
    if sentence::opens_clause(text, range.start) {
        return if multiword {
            Capitals::Likely
        } else {
            Capitals::Unknown
        };
    }
    if found
        .chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(|c| ('\u{0400}'..='\u{04ff}').contains(&c))
    {
        return Capitals::Name;
    }
    let (before, after) = sentence::neighbours(text, range);
    let before = before.is_some_and(|w| {
        is_capitalised(&text[w.clone()]) && !sentence::opens_clause(text, w.start)
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
    segment.folded.text.match_indices(name).any(|(at, _)| {
        let range = at..at + name.len();
        range.start < folded.end && folded.start < range.end && segment.folded.is_whole_words(range)
    })
}

/// The domains each segment's text uses, worked out once per segment that needs them.
#[derive(Default)]
struct DomainCache {
    found: Vec<Option<DomainSet>>,
}

impl DomainCache {
    /// The domains used by segment `index` or by the heading it sits under.
    fn around(&mut self, doc: &Document, dicts: &Dictionaries, index: usize) -> DomainSet {
        let segment = &doc.segments[index];
        let heading = if segment.is_heading() {
            None
        } else {
            segment.section
        };
        self.of(doc, dicts, index) | heading.map_or(0, |h| self.of(doc, dicts, h))
    }

    fn of(&mut self, doc: &Document, dicts: &Dictionaries, index: usize) -> DomainSet {
        if self.found.is_empty() {
            self.found = vec![None; doc.segments.len()];
        }
        *self.found[index].get_or_insert_with(|| {
            let segment = &doc.segments[index];
            dicts.domains_in(segment.lang, &segment.text, &segment.folded)
        })
    }
}
