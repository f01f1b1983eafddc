//! Markdown → prose segments, with pulldown-cmark's source offsets.
//!
//! Prose is headings, paragraphs, list items, table rows, block quotes and link text.
//! Code (fenced, indented, inline), HTML, link destinations, autolinks and images are
//! not prose: they never reach a segment (inline ones leave a placeholder so that words
//! on either side are not glued together). HTML comments are kept for directives.
//!
//! Documents exported from Word or PDF have no Markdown headings: their titles are plain
//! lines, and their header blocks are `Label: value` lines that Markdown joins into one
//! paragraph. So a paragraph is cut into its lines where they stand alone (see
//! [`split_lines`]), and a plain line that reads as a title by its form becomes a heading
//! of level 8, as does a numbered title that Markdown took for a one-item ordered list.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::segment::{
    Segment, SegmentBuilder, SegmentKind, is_title_line, label_colon, numbering_len,
};

/// An HTML comment (`<!-- … -->`) found outside code, with its source range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlComment {
    pub range: Range<usize>,
    /// The text between `<!--` and `-->`, trimmed.
    pub body: String,
}

/// Prose segments and HTML comments of `source[offset..]` (the part after front matter).
pub fn parse(source: &str, offset: usize) -> (Vec<Segment>, Vec<HtmlComment>) {
    let body = &source[offset..];
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS;
    let mut walker = Walker::default();
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let range = range.start + offset..range.end + offset;
        walker.event(event, range, source);
    }
    walker.flush();
    (walker.segments, walker.comments)
}

#[derive(Default)]
struct Walker {
    segments: Vec<Segment>,
    comments: Vec<HtmlComment>,
    current: Option<SegmentBuilder>,
    /// Inside fenced/indented code, images or autolinks: text here is not prose.
    opaque_depth: usize,
    strong_depth: usize,
    /// Whether the open paragraph has any text outside bold (else it is a bold title).
    plain_text_seen: bool,
    row_has_cell: bool,
    in_autolink: bool,
    /// Where the open paragraph's line breaks are, as offsets of its text.
    breaks: Vec<usize>,
    /// The lists being read, innermost last.
    lists: Vec<ListState>,
}

/// A list being read: a numbered title is an ordered list with a single item.
struct ListState {
    ordered: bool,
    items: usize,
    /// Index of the first segment read inside it.
    first_segment: usize,
}

impl Walker {
    fn event(&mut self, event: Event<'_>, range: Range<usize>, source: &str) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag),
            Event::Text(text) if self.opaque_depth == 0 => {
                if self.strong_depth == 0 && text.chars().any(char::is_alphanumeric) {
                    self.plain_text_seen = true;
                }
                self.open(SegmentKind::Paragraph)
                    .push_text(&text, source, range);
            }
            Event::Code(_) | Event::InlineHtml(_) | Event::InlineMath(_)
                if self.opaque_depth == 0 =>
            {
                if let Event::InlineHtml(html) = &event {
                    self.comment(html, range.clone());
                }
                self.plain_text_seen = true;
                self.open(SegmentKind::Paragraph).push_placeholder(range);
            }
            Event::Html(html) => self.comment(&html, range),
            Event::SoftBreak | Event::HardBreak if self.opaque_depth == 0 => {
                if let Some(current) = self.current.as_mut() {
                    if current.kind == SegmentKind::Paragraph {
                        self.breaks.push(current.text().len());
                    }
                    current.push_separator(LINE_BREAK, range);
                }
            }
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        match tag {
            Tag::Heading { level, .. } => self.begin(SegmentKind::Heading { level: level as u8 }),
            Tag::Paragraph => {
                let continues_item = self.current.as_ref().is_some_and(|c| {
                    matches!(c.kind, SegmentKind::ListItem { .. }) && c.is_empty()
                });
                if !continues_item {
                    self.begin(SegmentKind::Paragraph);
                }
                self.plain_text_seen = false;
            }
            Tag::Item => {
                if let Some(list) = self.lists.last_mut() {
                    list.items += 1;
                }
                self.begin(SegmentKind::ListItem { has_sublist: false })
            }
            Tag::List(first) => {
                if let Some(current) = self.current.as_mut()
                    && let SegmentKind::ListItem { has_sublist } = &mut current.kind
                {
                    *has_sublist = true;
                }
                self.flush();
                self.lists.push(ListState {
                    ordered: first.is_some(),
                    items: 0,
                    first_segment: self.segments.len(),
                });
            }
            Tag::TableHead => {
                self.begin(SegmentKind::TableRow { header: true });
                self.row_has_cell = false;
            }
            Tag::TableRow => {
                self.begin(SegmentKind::TableRow { header: false });
                self.row_has_cell = false;
            }
            Tag::TableCell => {
                if self.row_has_cell {
                    self.open(SegmentKind::TableRow { header: false })
                        .push_separator(" | ", range.start..range.start);
                }
                self.row_has_cell = true;
            }
            Tag::CodeBlock(_) | Tag::Image { .. } | Tag::MetadataBlock(_) => {
                if matches!(tag, Tag::Image { .. }) && self.opaque_depth == 0 {
                    self.open(SegmentKind::Paragraph).push_placeholder(range);
                } else {
                    self.flush();
                }
                self.opaque_depth += 1;
            }
            Tag::Link {
                link_type: LinkType::Autolink | LinkType::Email,
                ..
            } => {
                if self.opaque_depth == 0 {
                    self.open(SegmentKind::Paragraph).push_placeholder(range);
                }
                self.opaque_depth += 1;
                self.in_autolink = true;
            }
            Tag::Strong => self.strong_depth += 1,
            Tag::BlockQuote(_) | Tag::FootnoteDefinition(_) | Tag::HtmlBlock => self.flush(),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_)
            | TagEnd::Item
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::BlockQuote(_) => self.flush(),
            TagEnd::Paragraph => {
                let bold_title = !self.plain_text_seen
                    && self.current.as_ref().is_some_and(|c| {
                        c.kind == SegmentKind::Paragraph
                            && !c.is_empty()
                            && c.text().split_whitespace().count() <= 10
                    });
                if bold_title && let Some(current) = self.current.as_mut() {
                    current.kind = SegmentKind::Heading { level: 7 };
                }
                if !self
                    .current
                    .as_ref()
                    .is_some_and(|c| matches!(c.kind, SegmentKind::ListItem { .. }))
                {
                    self.flush();
                }
            }
            TagEnd::CodeBlock | TagEnd::Image | TagEnd::MetadataBlock(_) => {
                self.opaque_depth = self.opaque_depth.saturating_sub(1)
            }
            TagEnd::Link if self.in_autolink => {
                self.in_autolink = false;
                self.opaque_depth = self.opaque_depth.saturating_sub(1);
            }
            TagEnd::Strong => self.strong_depth = self.strong_depth.saturating_sub(1),
            TagEnd::List(_) => self.end_list(),
            _ => {}
        }
    }

    /// `3. Objectives and KPIs` followed by a paragraph is an ordered list of one item to
    /// Markdown, and a numbered title to its reader.
    fn end_list(&mut self) {
        let Some(list) = self.lists.pop() else {
            return;
        };
        if !list.ordered || list.items != 1 || self.segments.len() != list.first_segment + 1 {
            return;
        }
        if let Some(item) = self.segments.last_mut()
            && item.kind == (SegmentKind::ListItem { has_sublist: false })
            && is_title_line(&item.text, true)
        {
            item.kind = SegmentKind::Heading { level: 8 };
        }
    }

    fn comment(&mut self, html: &str, range: Range<usize>) {
        let trimmed = html.trim();
        if let Some(body) = trimmed
            .strip_prefix("<!--")
            .and_then(|b| b.strip_suffix("-->"))
        {
            let start = range.start + (html.len() - html.trim_start().len());
            let range = start..start + trimmed.len();
            self.comments.push(HtmlComment {
                range,
                body: body.trim().to_string(),
            });
        }
    }

    fn open(&mut self, kind: SegmentKind) -> &mut SegmentBuilder {
        self.current
            .get_or_insert_with(|| SegmentBuilder::new(kind))
    }

    fn begin(&mut self, kind: SegmentKind) {
        self.flush();
        self.current = Some(SegmentBuilder::new(kind));
    }

    fn flush(&mut self) {
        let breaks = std::mem::take(&mut self.breaks);
        let Some(current) = self.current.take() else {
            return;
        };
        if current.kind != SegmentKind::Paragraph {
            if !current.is_empty() {
                self.segments.push(current.finish());
            }
            return;
        }
        for line in split_lines(current, &breaks) {
            if !line.is_empty() {
                self.segments.push(line.finish());
            }
        }
    }
}

/// What a line break in a paragraph becomes in its segment's text.
const LINE_BREAK: &str = " ";

/// The longest line, in words, cut from the text below it as a possible title.
const NAME_WORDS: usize = 6;

/// Cuts a paragraph into the lines that stand alone, and gives each piece its kind.
///
/// - A header block (`RFP Number: …`, `Proposal Due Date: …`, or `4.1. …` lines), where
///   more than half of the lines are `Label: value` or numbered lines, becomes one segment
///   per line; its numbered lines are list items.
/// - Otherwise, leading lines that are titles (`REQUEST FOR PROPOSALS`, `Scope of Work:`,
///   `Executive Summary` above a sentence) are cut from the text below them, as a PDF
///   export leaves them; whether a cut line names a section is the outline's call.
///
/// A piece of one line that reads as a title by its form is a heading of level 8. Wrapped
/// prose (long lines, the odd colon) stays one paragraph.
fn split_lines(mut paragraph: SegmentBuilder, breaks: &[usize]) -> Vec<SegmentBuilder> {
    let text = paragraph.text();
    let mut lines = Vec::with_capacity(breaks.len() + 1);
    let mut start = 0;
    for &at in breaks {
        lines.push(start..at);
        start = at + LINE_BREAK.len();
    }
    lines.push(start..text.len());
    let line = |i: usize| text[lines[i].clone()].trim();
    let has_value = |l: &str| label_colon(l).is_some_and(|colon| !l[colon.end..].trim().is_empty());
    let listed = |i: usize| numbering_len(line(i)) > 0 || has_value(line(i));
    // A title, or a short line with no punctuation above a line that starts a sentence:
    // "Executive Summary" over its text, as a PDF export leaves it.
    let is_head = |l: &str, next: &str| {
        is_title_line(l, false)
            || (label_colon(l).is_some() && !has_value(l))
            || (l.split_whitespace().count() <= NAME_WORDS
                && !l.ends_with(|c: char| c.is_ascii_punctuation())
                && next.starts_with(|c: char| c.is_uppercase() || c.is_numeric()))
    };
    let count = lines.len();
    let header_block = count >= 2 && (0..count).filter(|&i| listed(i)).count() * 2 > count;
    // Indexes of the lines that start a new piece.
    let cuts: Vec<usize> = if header_block {
        (1..count).collect()
    } else {
        (1..count)
            .take_while(|&i| is_head(line(i - 1), line(i)))
            .collect()
    };
    let kinds: Vec<SegmentKind> = std::iter::once(0)
        .chain(cuts.iter().copied())
        .enumerate()
        .map(|(piece, first)| {
            let last = cuts.get(piece).map_or(count, |&next| next) - 1;
            let single = line(first);
            if first != last {
                SegmentKind::Paragraph
            } else if header_block && numbering_len(single) > 0 {
                SegmentKind::ListItem { has_sublist: false }
            } else if is_title_line(single, false) {
                SegmentKind::Heading { level: 8 }
            } else {
                SegmentKind::Paragraph
            }
        })
        .collect();
    let starts: Vec<usize> = cuts.iter().map(|&i| lines[i].start).collect();
    let mut pieces = Vec::with_capacity(kinds.len());
    for at in starts.into_iter().rev() {
        let mut rest = paragraph.split_off(at - LINE_BREAK.len());
        pieces.push(rest.split_off(LINE_BREAK.len()));
    }
    pieces.push(paragraph);
    pieces.reverse();
    for (piece, kind) in pieces.iter_mut().zip(kinds) {
        piece.kind = kind;
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each segment's kind and the source text it spans.
    fn segments(text: &str) -> Vec<(SegmentKind, String)> {
        parse(text, 0)
            .0
            .iter()
            .map(|s| (s.kind, text[s.source_span()].to_string()))
            .collect()
    }

    const TITLE: SegmentKind = SegmentKind::Heading { level: 8 };
    const PARAGRAPH: SegmentKind = SegmentKind::Paragraph;
    const ITEM: SegmentKind = SegmentKind::ListItem { has_sublist: false };

    #[test]
    fn plain_lines_in_capitals_or_numbered_are_titles() {
        let found = segments(
            "LES OBJECTIFS\n\n2. Цели и задачи\n\nText.\n\nI. ВИХІДНА ІНФОРМАЦІЯ\n\n1.2. Целевая аудитория\n\nCPA ≤ €25\n\nPROPOSALS WILL NOT BE ACCEPTED AFTER THE DUE DATE.\n",
        );
        let kinds: Vec<SegmentKind> = found.iter().map(|(k, _)| *k).collect();
        assert_eq!(
            kinds,
            vec![TITLE, TITLE, PARAGRAPH, TITLE, TITLE, PARAGRAPH, PARAGRAPH]
        );
    }

    #[test]
    fn an_ordered_list_of_several_items_is_a_list() {
        let found = segments(
            "1. Grow sales\n2. Build awareness\n\nText.\n\n3. Objectives and KPIs\n\nText.\n",
        );
        let kinds: Vec<SegmentKind> = found.iter().map(|(k, _)| *k).collect();
        assert_eq!(kinds, vec![ITEM, ITEM, PARAGRAPH, TITLE, PARAGRAPH]);
        assert_eq!(found[3].1, "Objectives and KPIs");
    }

    #[test]
    fn header_blocks_become_one_segment_per_line() {
        let text = "Запит пропозиції № RFP-2025-031\nНазва: Кампанія «Вода»\nДата закінчення прийому пропозицій: 27 червня 2025 р.\n";
        assert_eq!(
            segments(text),
            vec![
                (PARAGRAPH, "Запит пропозиції № RFP-2025-031".to_string()),
                (PARAGRAPH, "Назва: Кампанія «Вода»".to_string()),
                (
                    PARAGRAPH,
                    "Дата закінчення прийому пропозицій: 27 червня 2025 р.".to_string()
                ),
            ]
        );
        let numbered =
            segments("4.1. Исполнитель размещает ролики.\n4.2. Исполнитель согласует план.\n");
        assert!(numbered.iter().all(|(k, _)| *k == ITEM), "{numbered:?}");
    }

    #[test]
    fn cut_lines_keep_their_source_offsets() {
        let text = "Budget: 5 &amp; 6 k€\nTiming: *now* and `later`\n";
        let document = parse(text, 0).0;
        let spans: Vec<&str> = document.iter().map(|s| &text[s.source_span()]).collect();
        assert_eq!(
            spans,
            vec!["Budget: 5 &amp; 6 k€", "Timing: *now* and `later`"]
        );
        let amp = document[0].text.find('&').unwrap();
        assert_eq!(&text[document[0].source_range(amp..amp + 1)], "&amp;");
        let now = document[1].text.find("now").unwrap();
        assert_eq!(&text[document[1].source_range(now..now + 3)], "now");
    }

    #[test]
    fn a_title_line_is_cut_from_the_text_below_it() {
        assert_eq!(
            segments(
                "REQUEST FOR PROPOSALS\nMedia Buying Services 2025\n\nScope of Work:\nThe agency shall buy media.\n"
            ),
            vec![
                (TITLE, "REQUEST FOR PROPOSALS".to_string()),
                (PARAGRAPH, "Media Buying Services 2025".to_string()),
                (PARAGRAPH, "Scope of Work:".to_string()),
                (PARAGRAPH, "The agency shall buy media.".to_string()),
            ]
        );
        assert_eq!(
            segments("Executive Summary\nThe board is seeking an agency.\n"),
            vec![
                (PARAGRAPH, "Executive Summary".to_string()),
                (PARAGRAPH, "The board is seeking an agency.".to_string()),
            ]
        );
    }

    #[test]
    fn wrapped_prose_stays_one_paragraph() {
        let text = "We looked at last year's results: sales grew by 4% while reach\nfell, so this year the plan moves money: search first, then social.\n";
        assert_eq!(
            segments(text),
            vec![(PARAGRAPH, text.trim_end().to_string())]
        );
    }
}
