//! The outline of a document as its reader sees it: which segments open a section, of
//! which kind, and the sections every segment sits in.
//!
//! Real briefs come out of Word, PDF or a procurement portal, so a section opens at a
//! Markdown heading, at a bold-only paragraph, at a plain line that reads as a title by its
//! form (capitals, a section number: see [`crate::document::segment::is_title_line`]), and
//! at a short line that names a section kind and ends with a colon or nothing else
//! ("Objectifs :", "Background"). A `Label: value` line ("Budget: 190 000 € HT",
//! "Дата закінчення прийому пропозицій: 15 липня 2022 р.") or a table row whose first cell
//! is such a label names the kind of its own line only: a header block does not open a
//! section per line.
//!
//! The sections of every segment come from one forward pass with a stack of the open
//! titles (at most one per level), so the cost is linear in the number of segments.

use super::goals::is_quantified;
use crate::dictionary::{Hit, Vocabulary};
use crate::document::segment::{is_title_line, label_colon, numbering_len};
use crate::document::{Document, Segment, SegmentKind};
use crate::vocab::SectionKind;

/// Sections a segment sits in (a heading can name several: "Budget et calendrier").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sections(u8);

impl Sections {
    pub fn with(self, kind: SectionKind) -> Self {
        Sections(self.0 | 1 << kind as u8)
    }

    pub fn union(self, other: Sections) -> Self {
        Sections(self.0 | other.0)
    }

    pub fn without(self, kind: SectionKind) -> Self {
        Sections(self.0 & !(1 << kind as u8))
    }

    pub fn has(self, kind: SectionKind) -> bool {
        self.0 & (1 << kind as u8) != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// An objectives or KPI section: where a document states what it is judged on.
    pub fn is_objectives(self) -> bool {
        self.has(SectionKind::Objectives) || self.has(SectionKind::Kpis)
    }
}

/// The level of a title that is not a Markdown heading (bold, plain line, label): below
/// every Markdown heading, and all such titles are siblings of one another.
const PLAIN_LEVEL: u8 = 7;

/// A plain-line title or label names its section in its first words: "Target audience:",
/// "Our objectives", "Кінцевий строк подання …" (not "The BOARD also wants to:").
const LEADING_WORDS: usize = 2;

/// The longest plain line (in words) read as a section name with no colon ("Background",
/// "Objectives for 2026", "Цели и задачи").
const NAME_WORDS: usize = 6;

/// The longest line ending with a colon read as a title ("Target audience:", "Завдання
/// кампанії:"); a longer one is a lead-in ("Les objectifs chiffrés sont les suivants :").
const COLON_TITLE_WORDS: usize = 4;

/// How a segment takes part in the outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Prose, a list item or a table row.
    Body,
    /// Opens a section of `kinds`; empty kinds is a section of no kind we know ("4. SCOPE
    /// OF SERVICES", "TACTICS"), which ends the one before it.
    Title { level: u8, kinds: Sections },
    /// A `Label: value` line or a labelled table row: its kinds apply to itself only.
    Label { kinds: Sections },
}

impl Role {
    /// The kinds this segment names itself, if it is a title or a label.
    pub fn kinds(self) -> Sections {
        match self {
            Role::Body => Sections::default(),
            Role::Title { kinds, .. } | Role::Label { kinds } => kinds,
        }
    }
}

/// The outline: each segment's role and the sections it sits in.
#[derive(Debug, Default)]
pub struct Outline {
    pub roles: Vec<Role>,
    pub sections: Vec<Sections>,
}

impl Outline {
    /// For each segment, the title it sits under (the nearest one above it), if any.
    pub fn titles_above(&self) -> Vec<Option<usize>> {
        let mut last = None;
        self.roles
            .iter()
            .enumerate()
            .map(|(index, role)| {
                let above = last;
                if matches!(role, Role::Title { .. }) {
                    last = Some(index);
                }
                above
            })
            .collect()
    }

    /// `vocabulary` holds each segment's scan.
    pub(super) fn new(doc: &Document, vocabulary: &[Vocabulary]) -> Self {
        let roles: Vec<Role> = doc
            .segments
            .iter()
            .zip(vocabulary)
            .map(|(segment, found)| role(doc, segment, &found.sections))
            .collect();
        let mut open: Vec<Open> = Vec::new();
        let sections = roles
            .iter()
            .map(|&role| match role {
                Role::Title { level, kinds } => {
                    while open.last().is_some_and(|o| o.level >= level) {
                        open.pop();
                    }
                    open.push(Open { level, kinds });
                    current(&open)
                }
                Role::Label { kinds } => current(&open).union(kinds),
                Role::Body => current(&open),
            })
            .collect();
        Self { roles, sections }
    }
}

/// A title still open at some point of the pass.
struct Open {
    level: u8,
    kinds: Sections,
}

/// The sections under the open titles: the innermost title that names a kind. A Markdown
/// subheading of no kind ("### Online" under "## Objectives") stays in its parent's
/// section; a plain or bold title of no kind ("TACTICS") ends it.
fn current(open: &[Open]) -> Sections {
    for title in open.iter().rev() {
        if !title.kinds.is_empty() || title.level >= PLAIN_LEVEL {
            return title.kinds;
        }
    }
    Sections::default()
}

fn role(doc: &Document, segment: &Segment, names: &[Hit<SectionKind>]) -> Role {
    let text = segment.text.trim_end();
    match segment.kind {
        SegmentKind::Heading { level } => Role::Title {
            level: level.min(PLAIN_LEVEL),
            kinds: named(segment, names, 0..text.len(), usize::MAX),
        },
        SegmentKind::TableRow { header: false } => {
            // A row labelled by its first cell: "| Budget | £150,000 |" (not "| Reach of
            // the target audience | 65 % |").
            let cell = text.find(" | ").unwrap_or(text.len());
            if text[..cell].split_whitespace().count() > NAME_WORDS {
                return Role::Body;
            }
            label(named(segment, names, 0..cell, 1))
        }
        SegmentKind::Paragraph | SegmentKind::ListItem { has_sublist: false } => {
            if doc.source.text[segment.source_span()].contains('\n') {
                return Role::Body;
            }
            let number = numbering_len(text);
            if let Some(colon) = label_colon(text) {
                let kinds = named(segment, names, number..colon.start, LEADING_WORDS);
                return if !text[colon.end..].trim().is_empty() {
                    label(kinds)
                } else if text[number..colon.start].split_whitespace().count() <= COLON_TITLE_WORDS
                {
                    title(kinds)
                } else {
                    Role::Body
                };
            }
            let name_line = match segment.kind {
                // A name alone on its line, as a PDF export leaves a title; "Target 2,000
                // leads" sets a quantity and is an objective, not a title.
                SegmentKind::Paragraph => {
                    text.split_whitespace().count() <= NAME_WORDS
                        && !text.ends_with(['.', ',', ';', '!', '?'])
                        && !is_quantified(text)
                }
                // A numbered title Markdown took for the last item of a numbered list.
                _ => {
                    is_ordered_item(doc, segment)
                        && is_title_line(text, true)
                        && !text.contains(|c: char| c.is_ascii_digit())
                }
            };
            if name_line {
                title(named(segment, names, number..text.len(), LEADING_WORDS))
            } else {
                Role::Body
            }
        }
        _ => Role::Body,
    }
}

fn title(kinds: Sections) -> Role {
    if kinds.is_empty() {
        Role::Body
    } else {
        Role::Title {
            level: PLAIN_LEVEL,
            kinds,
        }
    }
}

fn label(kinds: Sections) -> Role {
    if kinds.is_empty() {
        Role::Body
    } else {
        Role::Label { kinds }
    }
}

/// The section kinds named in `within` (a range of the segment's text), by a section word
/// (of `names`, the segment's) that starts within its first `leading` words.
fn named(
    segment: &Segment,
    names: &[Hit<SectionKind>],
    within: std::ops::Range<usize>,
    leading: usize,
) -> Sections {
    names
        .iter()
        .filter(|hit| {
            let at = segment.folded.original_range(hit.folded.clone());
            at.start >= within.start
                && at.end <= within.end
                && crate::analysis::word_count(&segment.text[within.start..at.start]) < leading
        })
        .fold(Sections::default(), |s, hit| s.with(hit.payload))
}

/// Whether a list item is numbered (`3. …`, `3) …`) in the source.
fn is_ordered_item(doc: &Document, segment: &Segment) -> bool {
    let start = segment.source_span().start;
    let text = &doc.source.text;
    let line_start = text[..start].rfind('\n').map_or(0, |at| at + 1);
    let marker = text[line_start..start].trim();
    marker.len() >= 2
        && marker.ends_with(['.', ')'])
        && marker[..marker.len() - 1]
            .chars()
            .all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::analyse;

    /// Each segment's text with the sections it sits in, objectives first.
    fn outline(text: &str) -> Vec<(String, Role, bool)> {
        let doc = analyse("brief.md", text);
        doc.doc
            .segments
            .iter()
            .enumerate()
            .map(|(i, s)| {
                (
                    s.text.clone(),
                    doc.roles[i],
                    doc.sections[i].is_objectives(),
                )
            })
            .collect()
    }

    fn in_objectives(text: &str) -> Vec<String> {
        outline(text)
            .into_iter()
            .filter(|(_, role, objectives)| *objectives && *role == Role::Body)
            .map(|(text, ..)| text)
            .collect()
    }

    #[test]
    fn a_plain_line_title_of_another_kind_ends_the_objectives() {
        for (text, objective) in [
            (
                "GOALS:\n\n- Grow sales\n\nTACTICS\n\n- Run radio\n",
                "Grow sales",
            ),
            (
                "Objectifs :\n\n- Augmenter les ventes\n\nContexte\n\n- La radio locale\n",
                "Augmenter les ventes",
            ),
            (
                "ЦЕЛИ КАМПАНИИ\n\n- Увеличить продажи\n\n3. Требования к оказанию услуг\n\n- Ролики на радио\n",
                "Увеличить продажи",
            ),
            (
                "**Мета:**\n\n- Збільшити продажі\n\n**Інше**\n\n- Ролики на радіо\n",
                "Збільшити продажі",
            ),
        ] {
            assert_eq!(in_objectives(text), vec![objective], "{text}");
        }
    }

    #[test]
    fn a_markdown_subheading_of_no_kind_stays_in_its_section() {
        assert_eq!(
            in_objectives(
                "## Objectives\n\n### Online\n\n- Grow sales\n\n## Audience\n\n- Parents\n"
            ),
            vec!["Grow sales"]
        );
    }

    #[test]
    fn a_quantity_alone_on_its_line_is_an_objective_not_a_title() {
        assert_eq!(
            in_objectives("## Objectives\n\nTarget 2,000 leads by June\n\n- Grow sales by 10%\n"),
            vec!["Target 2,000 leads by June", "Grow sales by 10%"]
        );
    }

    #[test]
    fn a_lead_in_ending_with_a_colon_opens_nothing() {
        assert_eq!(
            in_objectives("2. GOALS AND OBJECTIVES\n\nThe BOARD also wants to:\n\n- Grow sales\n"),
            vec!["The BOARD also wants to:", "Grow sales"]
        );
    }

    #[test]
    fn labels_name_their_own_line_only() {
        let found = outline(
            "Budget: 190 000 € HT\nДата закінчення прийому пропозицій: 15 липня 2022 р.\nRéférence : X-12\n\nText.\n",
        );
        let roles: Vec<Role> = found.iter().map(|(_, role, _)| *role).collect();
        let budget = Sections::default().with(SectionKind::Budget);
        let timing = Sections::default().with(SectionKind::Timing);
        assert_eq!(
            roles,
            vec![
                Role::Label { kinds: budget },
                Role::Label { kinds: timing },
                Role::Body,
                Role::Body
            ]
        );
        let doc = analyse("brief.md", "Budget: 190 000 € HT\n\nText.\n");
        assert!(doc.sections[1].is_empty());
    }

    #[test]
    fn a_numbered_title_read_as_the_last_item_of_a_list_is_a_title() {
        let found = outline(
            "Objectives:\n\n1. Grow sales\n2. Reach 60% of parents\n\n3. Target audience\n\nParents of young children.\n",
        );
        let audience = Sections::default().with(SectionKind::Audience);
        assert_eq!(
            found[3].1,
            Role::Title {
                level: PLAIN_LEVEL,
                kinds: audience
            }
        );
        assert_eq!(
            in_objectives(
                "Objectives:\n\n1. Grow sales\n2. Reach 60% of parents\n\n3. Target audience\n\nParents.\n"
            ),
            vec!["Grow sales", "Reach 60% of parents"]
        );
    }

    #[test]
    fn the_outline_is_linear_in_the_number_of_headings() {
        let dicts = crate::dictionary::Dictionaries::embedded();
        let time = |headings: usize| {
            let text: String = (0..headings)
                .map(|i| format!("## Part {i}\n\nText.\n\n"))
                .collect();
            let source = crate::source::SourceFile::new(None, "big.md".into(), text);
            let doc = Document::parse(source, None);
            let start = std::time::Instant::now();
            let vocabulary = super::super::scan(&doc, dicts);
            let outline = Outline::new(&doc, &vocabulary);
            assert_eq!(outline.sections.len(), doc.segments.len());
            start.elapsed()
        };
        let small = time(10_000);
        let large = time(100_000);
        // Ten times the headings: ten times the time when linear, a hundred when every
        // heading walks back through the ones before it.
        assert!(
            large < small * 30,
            "{small:?} for 10,000 headings, {large:?} for 100,000"
        );
    }
}
