//! Sentences: the unit a goal is stated in and a spend recommendation is judged in.

use std::ops::Range;

use crate::document::{Segment, SegmentKind};

/// Sentences of a paragraph (a heading, list item or table row is one unit), as ranges of
/// the folded text. A full stop ends a sentence only before a capital, a digit or an opening
/// quote, so abbreviations ("800 тис. грн", "300 тыс. ₽", "a.m.") do not cut one in two.
pub fn sentences(segment: &Segment) -> Vec<Range<usize>> {
    let folded = segment.folded.text.as_str();
    if segment.kind != SegmentKind::Paragraph {
        return std::iter::once(0..folded.len()).collect();
    }
    let starts_sentence = |at: usize| {
        let original = segment.folded.original_range(at..at).start;
        segment.text[original..]
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric() || "«\"“(*_".contains(c))
    };
    let mut out = Vec::new();
    let mut start = 0;
    for (at, c) in folded.char_indices() {
        let end = at + c.len_utf8();
        let boundary = matches!(c, '.' | '!' | '?' | '…')
            && folded[end..].starts_with(' ')
            && starts_sentence(end + 1)
            || end == folded.len();
        if boundary {
            out.push(start..end);
            start = end;
        }
    }
    out
}

/// `range` of `text` without its leading and trailing whitespace.
pub fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    start..start + slice.trim().len()
}
