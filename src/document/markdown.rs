//! Markdown → prose segments, with pulldown-cmark's source offsets.
//!
//! Prose is headings, paragraphs, list items, table rows, block quotes and link text.
//! Code (fenced, indented, inline), HTML, link destinations, autolinks and images are
//! not prose: they never reach a segment (inline ones leave a placeholder so that words
//! on either side are not glued together). HTML comments are kept for directives.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::segment::{Segment, SegmentBuilder, SegmentKind};

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
                    current.push_separator(" ", range);
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
            Tag::Item => self.begin(SegmentKind::ListItem { has_sublist: false }),
            Tag::List(_) => {
                if let Some(current) = self.current.as_mut()
                    && let SegmentKind::ListItem { has_sublist } = &mut current.kind
                {
                    *has_sublist = true;
                }
                self.flush();
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
            _ => {}
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
        if let Some(current) = self.current.take()
            && !current.is_empty()
        {
            self.segments.push(current.finish());
        }
    }
}
