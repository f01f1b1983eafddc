//! The few lines a diagnostic shows, cut to a readable window and made safe to print.
//!
//! miette draws whatever source it is given, whole lines at a time, and finds a label's
//! line by scanning from byte 0. A proposal pasted from Word is one 3,000-character line
//! per paragraph, and a large file has thousands of findings, so we hand miette an
//! [`Excerpt`] instead: only the lines around the labels, each cut to a window of about
//! [`WINDOW`] characters around what it points at (`…` marks a cut), with control
//! characters escaped (a document cannot clear the screen or retitle the terminal), and
//! the original line numbers and columns. Building one costs the size of the window, so
//! rendering is linear in the number of findings.

use std::fmt::Write as _;
use std::ops::Range;

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use crate::source::{LineCol, SourceFile};

/// Characters of a line shown at most (plus the `…` marks).
const WINDOW: usize = 100;
/// Characters kept before a label's start when a line is cut.
const LEAD: usize = 30;

/// A window of a source file, as miette sees it.
#[derive(Debug)]
pub struct Excerpt {
    name: String,
    text: String,
    /// 0-based line number of the excerpt's first line.
    first_line: usize,
    line_count: usize,
    /// Where each mapped label starts in the excerpt, and where it starts in the source.
    starts: Vec<(usize, LineCol)>,
}

/// One line of the excerpt: the part of a source line it shows.
struct Piece {
    line: Range<usize>,
    shown: Range<usize>,
}

impl Excerpt {
    /// The lines of `spans` (and `context` lines around them), windowed. Returns the
    /// excerpt and each span mapped into it.
    pub fn new(
        source: &SourceFile,
        spans: &[Range<usize>],
        context: usize,
    ) -> (Self, Vec<Range<usize>>) {
        let text = &source.text;
        let line_of = |offset: usize| source.line_col(offset.min(text.len())).line;
        let first = spans.iter().map(|s| line_of(s.start)).min().unwrap_or(1);
        let last = spans
            .iter()
            .map(|s| line_of(s.end.saturating_sub(1).max(s.start)))
            .max()
            .unwrap_or(first);
        let first_shown = first.saturating_sub(context).max(1);
        let last_shown = (last + context).min(source.lines.line_count());
        let pieces: Vec<Piece> = (first_shown..=last_shown)
            .map(|number| {
                let line = source.lines.line_range(text, number);
                let shown = window(text, &line, spans);
                Piece { line, shown }
            })
            // A long line of context says little: keep the lines the labels are on.
            .filter(|p| {
                p.shown == p.line
                    || spans
                        .iter()
                        .any(|s| s.start <= p.line.end && p.line.start <= s.end)
            })
            .collect();
        let mut out = String::new();
        let mut map: Vec<(usize, usize)> = Vec::new(); // (source offset, excerpt offset)
        for (index, piece) in pieces.iter().enumerate() {
            if index > 0 {
                out.push('\n');
            }
            if piece.shown.start > piece.line.start {
                out.push('…');
            }
            let mut at = piece.shown.start;
            for c in text[piece.shown.clone()].chars() {
                map.push((at, out.len()));
                push_escaped(&mut out, c);
                at += c.len_utf8();
            }
            map.push((at, out.len()));
            if piece.shown.end < piece.line.end {
                out.push('…');
            }
        }
        let mapped: Vec<Range<usize>> = spans
            .iter()
            .map(|span| {
                let start = locate(&map, span.start);
                start..locate(&map, span.end).max(start)
            })
            .collect();
        let starts = spans
            .iter()
            .zip(&mapped)
            .map(|(span, mapped)| (mapped.start, source.line_col(span.start)))
            .collect();
        let first_line = pieces
            .first()
            .map_or(0, |p| line_of(p.line.start).saturating_sub(1));
        let excerpt = Self {
            name: escape_control(&source.name),
            text: out,
            first_line,
            line_count: pieces.len(),
            starts,
        };
        (excerpt, mapped)
    }
}

/// The part of `line` to show: all of it if it is short, else a window around the first
/// span that touches it.
fn window(text: &str, line: &Range<usize>, spans: &[Range<usize>]) -> Range<usize> {
    let slice = &text[line.clone()];
    if slice.chars().count() <= WINDOW {
        return line.clone();
    }
    let focus = spans
        .iter()
        .find(|s| s.start <= line.end && line.start <= s.end)
        .map_or(line.start, |s| s.start.clamp(line.start, line.end));
    let start = back_chars(text, focus, LEAD).max(line.start);
    let end = forward_chars(text, start, WINDOW).min(line.end);
    start..end
}

fn back_chars(text: &str, from: usize, count: usize) -> usize {
    text[..from]
        .char_indices()
        .rev()
        .nth(count.saturating_sub(1))
        .map_or(0, |(at, _)| at)
}

fn forward_chars(text: &str, from: usize, count: usize) -> usize {
    text[from..]
        .char_indices()
        .nth(count)
        .map_or(text.len(), |(at, _)| from + at)
}

/// The excerpt offset of a source offset: exact inside the shown windows, else the
/// nearest shown position.
fn locate(map: &[(usize, usize)], source: usize) -> usize {
    let index = map.partition_point(|&(at, _)| at < source);
    match map.get(index) {
        Some(&(at, excerpt)) if at == source => excerpt,
        Some(&(_, excerpt)) => excerpt,
        None => map.last().map_or(0, |&(_, excerpt)| excerpt),
    }
}

/// Whether printing `c` could act on a terminal rather than show: C0 and C1 controls
/// (escape sequences start there) and the bidirectional overrides that reorder what a
/// reader sees.
fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn push_escaped(out: &mut String, c: char) {
    if !is_unsafe(c) {
        out.push(c);
    } else if (c as u32) < 0x80 {
        let _ = write!(out, "\\x{:02x}", c as u32);
    } else {
        let _ = write!(out, "\\u{{{:04x}}}", c as u32);
    }
}

/// `text` with control characters (and line breaks) escaped, for one-line output: names
/// and messages in the short, human and GitHub formats.
pub fn escape_control(text: &str) -> String {
    if !text.chars().any(|c| is_unsafe(c) || c == '\n' || c == '\t') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c => push_escaped(&mut out, c),
        }
    }
    out
}

impl SourceCode for Excerpt {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        if span.offset() + span.len() > self.text.len() {
            return Err(MietteError::OutOfBounds);
        }
        if before == 0 && after == 0 {
            // The location in the header: where the label starts in the source.
            if let Some((_, at)) = self
                .starts
                .iter()
                .find(|(start, _)| *start == span.offset())
            {
                return Ok(Box::new(MietteSpanContents::new_named(
                    self.name.clone(),
                    &self.text.as_bytes()[span.offset()..span.offset() + span.len()],
                    *span,
                    at.line - 1,
                    at.column - 1,
                    1,
                )));
            }
        }
        // The excerpt is already the window: always show all of it.
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            self.text.as_bytes(),
            (0, self.text.len()).into(),
            self.first_line,
            0,
            self.line_count,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The excerpt around one span, and the span mapped into it.
    fn excerpt(text: &str, span: Range<usize>) -> (Excerpt, Vec<Range<usize>>) {
        let source = SourceFile::new(None, "p.md".into(), text.into());
        Excerpt::new(&source, &[span], 1)
    }

    #[test]
    fn long_lines_are_cut_around_the_label_and_map_exactly() {
        let text = format!(
            "# Title\n\n{} leverage {}\n",
            "word ".repeat(200),
            "tail ".repeat(200)
        );
        let at = text.find("leverage").unwrap();
        let (excerpt, mapped) = excerpt(&text, at..at + 8);
        assert_eq!(&excerpt.text[mapped[0].clone()], "leverage");
        for line in excerpt.text.lines() {
            assert!(line.chars().count() <= WINDOW + 2, "{line}");
        }
        assert!(excerpt.text.contains('…'));
        assert_eq!(
            excerpt.starts[0].1,
            LineCol {
                line: 3,
                column: 1002
            }
        );
    }

    #[test]
    fn control_characters_never_reach_the_terminal() {
        let text = "Plan \u{1b}]0;owned\u{7} leverage \u{1b}[2J here\u{202e}\n";
        let at = text.find("leverage").unwrap();
        let (excerpt, mapped) = excerpt(text, at..at + 8);
        assert!(!excerpt.text.chars().any(is_unsafe), "{:?}", excerpt.text);
        assert!(excerpt.text.contains("\\x1b]0;owned\\x07"));
        assert_eq!(&excerpt.text[mapped[0].clone()], "leverage");
        assert_eq!(escape_control("a\nb\u{1b}c"), "a\\nb\\x1bc");
    }

    #[test]
    fn short_lines_keep_their_context() {
        let text = "one\ntwo leverage\nthree\nfour\n";
        let at = text.find("leverage").unwrap();
        let (excerpt, mapped) = excerpt(text, at..at + 8);
        assert_eq!(excerpt.text, "one\ntwo leverage\nthree");
        assert_eq!(excerpt.first_line, 0);
        assert_eq!(&excerpt.text[mapped[0].clone()], "leverage");
    }
}
