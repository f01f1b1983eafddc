//! A prose segment: one heading, paragraph, list item or table row, as decoded text with a
//! piece table back to the raw source.
//!
//! pulldown-cmark decodes entities and escapes (`a&amp;b` is one `&` over five bytes), and
//! we replace code spans and URLs with a placeholder so no match can reach into them. The
//! piece table maps every byte of the segment text back to the source, exactly for
//! verbatim text and to the whole source range for a decoded entity or a placeholder.

use std::ops::Range;

use crate::text::fold::{self, Folded};
use crate::vocab::Lang;

/// Stands in for code, URLs and inline HTML: not a word character, so it breaks words and
/// phrases, and it never appears in a dictionary.
pub const PLACEHOLDER: char = '\u{fffc}';

/// What kind of block a segment is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegmentKind {
    /// `level` 1–6; a paragraph made only of bold text counts as level 7, and a plain line
    /// that reads as a title by its form alone (see [`is_title_line`]) as level 8.
    Heading {
        level: u8,
    },
    Paragraph,
    /// A list item's own text (nested items are segments of their own).
    ListItem {
        has_sublist: bool,
    },
    /// Cells joined by `|`.
    TableRow {
        header: bool,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Piece {
    text: Range<usize>,
    source: Range<usize>,
    /// Byte `i` of the text comes from byte `i` of the source (same length): true of
    /// verbatim prose and of a line break read as a space, so neighbours merge into one
    /// piece and a paragraph costs one piece, not two per line.
    verbatim: bool,
}

/// One block of prose.
#[derive(Debug, Clone)]
pub struct Segment {
    pub kind: SegmentKind,
    /// Decoded prose, code and URLs replaced by [`PLACEHOLDER`].
    pub text: String,
    /// `text` folded for matching.
    pub folded: Folded,
    /// Language of this segment (its own if it says enough, else the document's).
    pub lang: Lang,
    pieces: Vec<Piece>,
}

impl Segment {
    /// Source byte range of a range of `text`.
    pub fn source_range(&self, text: Range<usize>) -> Range<usize> {
        if self.pieces.is_empty() {
            return 0..0;
        }
        let first = self.piece_at(text.start, false);
        let last = self.piece_at(text.end, true);
        let start = if first.verbatim {
            first.source.start + (text.start - first.text.start)
        } else {
            first.source.start
        };
        let end = if last.verbatim {
            last.source.start + (text.end - last.text.start)
        } else {
            last.source.end
        };
        start..end.max(start)
    }

    /// Source range of a range of the folded text.
    pub fn source_range_of_folded(&self, folded: Range<usize>) -> Range<usize> {
        self.source_range(self.folded.original_range(folded))
    }

    /// Source range of a range of the folded text if the source holds that text as is:
    /// inside one run of prose, with no markup edge (emphasis, strikethrough, link text,
    /// code), escape, entity or line break within. Only such a range can be replaced
    /// without unbalancing the markup ("at this point in *time*" must not become "now*").
    pub fn verbatim_source_range(
        &self,
        folded: Range<usize>,
        source: &str,
    ) -> Option<Range<usize>> {
        let text = self.folded.original_range(folded);
        let piece = self
            .pieces
            .get(self.pieces.partition_point(|p| p.text.end <= text.start))?;
        if !piece.verbatim || text.start < piece.text.start || text.end > piece.text.end {
            return None;
        }
        let start = piece.source.start + (text.start - piece.text.start);
        let range = start..start + text.len();
        (source.get(range.clone()) == self.text.get(text)).then_some(range)
    }

    /// Source range of the whole segment.
    pub fn source_span(&self) -> Range<usize> {
        self.source_range(0..self.text.len())
    }

    fn piece_at(&self, offset: usize, is_end: bool) -> &Piece {
        let index = if is_end {
            self.pieces.partition_point(|p| p.text.end < offset)
        } else {
            self.pieces.partition_point(|p| p.text.end <= offset)
        };
        &self.pieces[index.min(self.pieces.len() - 1)]
    }

    pub fn is_heading(&self) -> bool {
        matches!(self.kind, SegmentKind::Heading { .. })
    }
}

/// Builds a segment's text and piece table event by event.
#[derive(Debug)]
pub struct SegmentBuilder {
    pub kind: SegmentKind,
    text: String,
    pieces: Vec<Piece>,
}

impl SegmentBuilder {
    pub fn new(kind: SegmentKind) -> Self {
        Self {
            kind,
            text: String::new(),
            pieces: Vec::new(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Adds decoded `text` that pulldown-cmark read from `source[range]`, aligning the two
    /// so verbatim runs map byte for byte.
    pub fn push_text(&mut self, text: &str, source: &str, range: Range<usize>) {
        let raw = &source[range.clone()];
        if raw == text {
            self.push_piece(text, range, true);
            return;
        }
        let (mut i, mut j) = (0, 0);
        let mut run_start: Option<(usize, usize)> = None;
        while i < text.len() {
            let c = text[i..].chars().next().unwrap_or(PLACEHOLDER);
            let entity =
                entity_len(&raw[j..]).filter(|&len| !text[i..].starts_with(&raw[j..j + len]));
            if entity.is_none() && raw[j..].starts_with(c) {
                run_start.get_or_insert((i, j));
                i += c.len_utf8();
                j += c.len_utf8();
                continue;
            }
            if let Some((ti, sj)) = run_start.take() {
                self.push_piece(&text[ti..i], range.start + sj..range.start + j, true);
            }
            if raw[j..].starts_with('\\') && raw[j + 1..].starts_with(c) {
                j += 1;
            } else if let Some(len) = entity {
                self.push_piece(
                    &text[i..i + c.len_utf8()],
                    range.start + j..range.start + j + len,
                    false,
                );
                i += c.len_utf8();
                j += len;
            } else {
                // Cannot align: the rest maps to the rest of the source as one piece.
                self.push_piece(&text[i..], range.start + j..range.end, false);
                return;
            }
        }
        if let Some((ti, sj)) = run_start {
            self.push_piece(&text[ti..], range.start + sj..range.start + j, true);
        }
    }

    /// Adds a stand-in for something that is not prose (code, HTML) at `range`.
    pub fn push_placeholder(&mut self, range: Range<usize>) {
        let mut buf = [0; 4];
        self.push_piece(PLACEHOLDER.encode_utf8(&mut buf), range, false);
    }

    /// Adds a synthetic separator (`" "` for a line break, `" | "` between cells).
    pub fn push_separator(&mut self, text: &str, range: Range<usize>) {
        self.push_piece(text, range, false);
    }

    /// Splits the text at byte `at` (a character boundary): `self` keeps `..at`, the
    /// returned builder holds `at..` with its piece table.
    pub fn split_off(&mut self, at: usize) -> SegmentBuilder {
        let mut rest = SegmentBuilder::new(self.kind);
        rest.text = self.text.split_off(at);
        let first = self.pieces.partition_point(|p| p.text.end <= at);
        let mut tail = self.pieces.split_off(first);
        if let Some(piece) = tail.first_mut()
            && piece.text.start < at
        {
            // A piece across the cut: a verbatim one is cut at the same source byte, any
            // other maps both halves to its whole source.
            let mut head = piece.clone();
            head.text.end = at;
            if piece.verbatim {
                head.source.end = piece.source.start + (at - piece.text.start);
                piece.source.start = head.source.end;
            }
            piece.text.start = at;
            self.pieces.push(head);
        }
        for piece in &mut tail {
            piece.text = piece.text.start - at..piece.text.end - at;
        }
        rest.pieces = tail;
        rest
    }

    fn push_piece(&mut self, text: &str, source: Range<usize>, verbatim: bool) {
        if text.is_empty() {
            return;
        }
        let start = self.text.len();
        self.text.push_str(text);
        let verbatim = verbatim || text.len() == source.len();
        if let Some(last) = self.pieces.last_mut()
            && verbatim
            && last.verbatim
            && last.text.end == start
            && last.source.end == source.start
        {
            last.text.end = self.text.len();
            last.source.end = source.end;
            return;
        }
        self.pieces.push(Piece {
            text: start..self.text.len(),
            source,
            verbatim,
        });
    }

    /// Replaces each of `ranges` (sorted, disjoint ranges of the text) by one placeholder.
    fn mask(self, ranges: &[Range<usize>]) -> Self {
        if ranges.is_empty() {
            return self;
        }
        let probe = self.clone_as_segment();
        let mut out = SegmentBuilder::new(self.kind);
        let mut masks = ranges.iter().peekable();
        let mut skip_until = 0;
        for piece in &self.pieces {
            let mut cursor = piece.text.start.max(skip_until);
            while cursor < piece.text.end {
                if let Some(mask) = masks.peek()
                    && mask.start <= cursor
                {
                    out.push_placeholder(probe.source_range((*mask).clone()));
                    skip_until = mask.end;
                    masks.next();
                    cursor = cursor.max(skip_until);
                    continue;
                }
                let end = masks
                    .peek()
                    .map_or(piece.text.end, |m| m.start.min(piece.text.end));
                let text = &self.text[cursor..end];
                if piece.verbatim {
                    let from = piece.source.start + (cursor - piece.text.start);
                    out.push_piece(text, from..from + text.len(), true);
                } else {
                    out.push_piece(text, piece.source.clone(), false);
                }
                cursor = end;
            }
        }
        out
    }

    fn clone_as_segment(&self) -> Segment {
        Segment {
            kind: self.kind,
            text: self.text.clone(),
            folded: Folded::default(),
            lang: Lang::En,
            pieces: self.pieces.clone(),
        }
    }

    /// Finishes the segment: masks URLs and e-mail addresses, folds the text.
    pub fn finish(self) -> Segment {
        let urls: Vec<Range<usize>> = url_pattern()
            .find_iter(&self.text)
            .map(|m| m.range())
            .collect();
        let mut built = self.mask(&urls);
        built.text.shrink_to_fit();
        built.pieces.shrink_to_fit();
        Segment {
            kind: built.kind,
            folded: fold::fold(&built.text),
            text: built.text,
            lang: Lang::En,
            pieces: built.pieces,
        }
    }
}

/// Length of an HTML entity or numeric character reference at the start of `raw`.
fn entity_len(raw: &str) -> Option<usize> {
    if !raw.starts_with('&') {
        return None;
    }
    let end = raw.char_indices().take(40).find(|&(_, c)| c == ';')?.0;
    let name = &raw[1..end];
    let valid = !name.is_empty()
        && (name.chars().all(|c| c.is_ascii_alphanumeric())
            || name.strip_prefix('#').is_some_and(|n| {
                n.chars().all(|c| c.is_ascii_digit())
                    || n.strip_prefix(['x', 'X'])
                        .is_some_and(|h| h.chars().all(|c| c.is_ascii_hexdigit()))
            }));
    valid.then_some(end + 1)
}

fn url_pattern() -> &'static regex::Regex {
    static PATTERN: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    PATTERN.get_or_init(|| {
        regex::Regex::new(
            r"(?i)(?-u:\b)(?:https?://|ftp://|www\.)[^\s<>\u{fffc}]*[^\s<>\u{fffc}.,;:!?)\]»”'\x22]|(?-u:\b)[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
        )
        .expect("URL pattern is valid")
    })
}

/// Length of a section number at the start of a line: `3. `, `1.2 `, `4) `, `IV - `,
/// `ARTICLE 6 – `, `Статья 2. ` (Word and PDF exports keep numbered titles as plain text).
/// A number must be followed by a letter: `3.5 million` and `100 visitors` are not
/// numbered.
pub fn numbering_len(line: &str) -> usize {
    static PATTERN: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let pattern = PATTERN.get_or_init(|| {
        regex::Regex::new(concat!(
            r"^(?:(?i:article|section|chapter|chapitre|partie|статья|раздел|глава|стаття|розділ)\s+\d{1,3}\s*[.:)\-–—]?\s*",
            r"|\d{1,3}(?:\.\d{1,3})*[.)]\s*|\d{1,3}(?:\.\d{1,3})+\s+|[IVXLC]{1,6}\s*[.)\-–—]\s*)",
        ))
        .expect("numbering pattern is valid")
    });
    let Some(found) = pattern.find(line) else {
        return 0;
    };
    // `1.2 Title` needs its capital: `3.5 million` is a number.
    let bare = found
        .as_str()
        .trim_end()
        .ends_with(|c: char| c.is_ascii_digit());
    let next = line[found.end()..].chars().next();
    match next {
        Some(c) if c.is_alphabetic() && (c.is_uppercase() || !bare) => found.end(),
        _ => 0,
    }
}

/// Whether `text` is written in capitals: no lowercase letter, and a word of four letters
/// or more (so `CPA ≤ €25` or `KPI` is not a shouted title).
pub fn is_capitals(text: &str) -> bool {
    !text.chars().any(char::is_lowercase)
        && text
            .split(|c: char| !c.is_alphabetic())
            .any(|w| w.chars().filter(|c| c.is_uppercase()).count() >= 4)
}

/// Where the colon of a `Label: value` line (or of a title ending with a colon) is: the
/// label, after any section number, is one to six words that start with a letter and hold
/// no sentence punctuation. The range is the colon's bytes (a full-width `：` is three).
pub fn label_colon(line: &str) -> Option<Range<usize>> {
    let start = numbering_len(line);
    let at = start + line[start..].find([':', '：'])?;
    let colon = at..at + line[at..].chars().next().map_or(1, char::len_utf8);
    let label = line[start..colon.start].trim();
    let words = label.split_whitespace().count();
    let starts_with_letter = label.chars().next().is_some_and(char::is_alphabetic);
    (starts_with_letter && (1..=6).contains(&words) && !label.contains(['.', '!', '?', ';']))
        .then_some(colon)
}

/// A line that is a title by its form alone: in capitals (`LES OBJECTIFS`, `5. BUDGET`),
/// or numbered, short and with no sentence punctuation at its end (`2. Цели и задачи`). A
/// capitals sentence that ends with a full stop is shouting, not a title.
pub fn is_title_line(line: &str, numbered: bool) -> bool {
    let number = numbering_len(line);
    let body = line[number..].trim();
    let words = body.split_whitespace().count();
    if words == 0 || words > 12 {
        return false;
    }
    let full_stop = body.ends_with('.');
    if is_capitals(body) {
        return !full_stop || words <= 6;
    }
    (numbered || number > 0)
        && words <= 10
        && body.chars().next().is_some_and(char::is_uppercase)
        && !body.ends_with([',', ';', '!', '?'])
        && (!full_stop || words <= 5)
        && label_colon(body).is_none_or(|colon| body[colon.end..].trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_colon_spans_the_colon_whatever_its_width() {
        assert_eq!(label_colon("Budget: 95 000 €"), Some(6..7));
        let wide = "Objectifs： ventes";
        let colon = label_colon(wide).unwrap();
        assert_eq!(&wide[colon.clone()], "：");
        assert_eq!(wide[colon.end..].trim(), "ventes");
        assert_eq!(label_colon("Our goal was simple. Sell: more"), None);
    }
}
