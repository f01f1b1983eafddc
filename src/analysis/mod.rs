//! Everything the rules need to know about one document, computed once: its kind, its
//! outline (the section each segment belongs to), its objective statements, jargon, KPI
//! mentions (with negation), cues, and the objective profile.

pub mod figures;
mod goals;
mod kind;
mod sections;
mod senses;
mod sentences;

use std::ops::Range;

use serde::Serialize;

pub use goals::{Statement, has_target_number, is_quantified};
use kind::document_kind;
pub use kind::kind_from_file_name;
use sections::Outline;
pub use sections::{Role, Sections};
pub use sentences::{sentences, trim};

use crate::dictionary::{Dictionaries, Hit, Vocabulary};
use crate::document::{Document, Segment};
use crate::vocab::{Cue, DocKind, KpiId, SectionKind, Stage};

/// One mention of a KPI.
#[derive(Debug, Clone)]
pub struct KpiMention {
    pub kpi: KpiId,
    pub segment: usize,
    /// Range in the segment's folded text.
    pub folded: Range<usize>,
    /// Byte range in the source.
    pub span: Range<usize>,
    /// "reach is not the goal", "pas une campagne de notoriété".
    pub negated: bool,
    /// How much this mention says about the document's objective (0 when negated).
    pub weight: f32,
}

/// A document's objective: scores per funnel stage and the mentions behind them.
#[derive(Debug, Clone, Serialize)]
pub struct Objective {
    /// The dominant stage, or `None` when the document has no KPI vocabulary.
    pub stage: Option<Stage>,
    /// Normalised scores in [`Stage::ALL`] order.
    #[serde(skip)]
    pub scores: [f32; 4],
    /// Mention indexes, strongest first.
    #[serde(skip)]
    pub evidence: Vec<usize>,
}

/// A document with everything the rules need.
#[derive(Debug)]
pub struct Analysis {
    pub doc: Document,
    pub kind: DocKind,
    /// The source spans that decided the kind from the text (empty when the file name did).
    pub kind_evidence: Vec<Range<usize>>,
    /// Per segment: whether it opens a section or labels its line.
    pub roles: Vec<Role>,
    /// Per segment: the sections it sits in.
    pub sections: Vec<Sections>,
    /// Objective statements, in document order.
    pub statements: Vec<Statement>,
    /// Per segment: jargon hits (payload = entry index).
    pub jargon: Vec<Vec<Hit<u32>>>,
    /// Per segment: cue hits.
    pub cues: Vec<Vec<Hit<Cue>>>,
    pub mentions: Vec<KpiMention>,
    pub objective: Objective,
    /// Every figure of the prose: targets, budgets, dates, totals, shares.
    pub figures: figures::DocFigures,
    /// Address of the dictionaries this analysis was made with (KPI ids are theirs):
    /// compared, never followed.
    pub dicts_id: usize,
}

/// How much more the goal a document calls its main one weighs than its other objectives.
const MAIN_GOAL_WEIGHT: f32 = 2.0;

/// Weight of a KPI mention by where it stands: an objective statement or the objectives
/// section is what the document is judged on; background ("our awareness is already high")
/// hardly counts.
fn section_weight(
    sections: Sections,
    segment: &Segment,
    untitled: bool,
    statement: Option<&Statement>,
) -> f32 {
    let weight: f32 = if statement.is_some_and(|s| s.main) {
        MAIN_GOAL_WEIGHT
    } else if statement.is_some() || sections.is_objectives() {
        1.0
    } else if sections.has(SectionKind::Background) {
        0.02
    } else if sections.has(SectionKind::Measurement) {
        0.3
    } else if sections.is_empty() && untitled {
        // Before any title, or the title itself: the document's subject.
        0.3
    } else {
        0.1
    };
    if segment.is_heading() && !sections.is_objectives() {
        weight.max(0.3)
    } else {
        weight
    }
}

impl Analysis {
    pub fn new(doc: Document, dicts: &Dictionaries) -> Self {
        let mut vocabulary = scan(&doc, dicts);
        let outline = Outline::new(&doc, &vocabulary);
        let titles = outline.titles_above();
        let Outline { roles, sections } = outline;
        let mut jargon: Vec<Vec<Hit<u32>>> = vocabulary
            .iter_mut()
            .map(|found| std::mem::take(&mut found.jargon))
            .collect();
        senses::drop_non_jargon(&doc, dicts, &titles, &vocabulary, &mut jargon);
        let cues: Vec<Vec<Hit<Cue>>> = vocabulary
            .iter_mut()
            .map(|found| std::mem::take(&mut found.cues))
            .collect();
        let statements = goals::statements(&doc, &roles, &sections, &cues);
        let first_title = roles.iter().position(|r| matches!(r, Role::Title { .. }));
        let mut mentions = Vec::new();
        for (index, segment) in doc.segments.iter().enumerate() {
            let untitled = first_title.is_none_or(|first| index <= first);
            for hit in std::mem::take(&mut vocabulary[index].kpi) {
                let negated = is_negated(segment, &cues[index], hit.folded.clone());
                let statement = statement_in(&statements, index, &hit.folded);
                let weight = section_weight(sections[index], segment, untitled, statement);
                mentions.push(KpiMention {
                    kpi: hit.payload,
                    segment: index,
                    span: segment.source_range_of_folded(hit.folded.clone()),
                    folded: hit.folded,
                    negated,
                    weight: if negated { 0.0 } else { weight },
                });
            }
        }
        let objective = profile(&mentions, dicts);
        let figures = figures::DocFigures::new(&figures::Inputs {
            doc: &doc,
            sections: &sections,
            mentions: &mentions,
            cues: &cues,
            dicts,
        });
        let (kind, kind_evidence) = document_kind(&doc, &vocabulary, &roles, &cues);
        Self {
            doc,
            kind,
            kind_evidence,
            roles,
            sections,
            statements,
            jargon,
            cues,
            mentions,
            objective,
            figures,
            dicts_id: dicts_id(dicts),
        }
    }

    /// The objective statement that holds `folded` (a range of segment `segment`'s folded
    /// text), if any.
    pub fn statement_of(&self, segment: usize, folded: &Range<usize>) -> Option<&Statement> {
        statement_in(&self.statements, segment, folded)
    }

    /// Whether a mention states what the document is judged on: it stands in an objective
    /// statement or an objectives section.
    pub fn is_objective(&self, mention: &KpiMention) -> bool {
        self.sections[mention.segment].is_objectives()
            || self
                .statement_of(mention.segment, &mention.folded)
                .is_some()
    }

    /// KPIs this document sets in its objective statements and objectives/KPI sections
    /// (or, with neither, everywhere but the background), in order of first mention.
    pub fn objective_kpis(&self) -> Vec<KpiId> {
        let in_objectives = self
            .mentions
            .iter()
            .any(|m| !m.negated && self.is_objective(m));
        let mut keys = Vec::new();
        for mention in &self.mentions {
            let counts = if in_objectives {
                self.is_objective(mention)
            } else {
                !self.sections[mention.segment].has(SectionKind::Background)
            };
            if counts && !mention.negated && !keys.contains(&mention.kpi) {
                keys.push(mention.kpi);
            }
        }
        keys
    }

    /// Whether the document mentions a KPI anywhere in its prose.
    pub fn mentions_kpi(&self, kpi: KpiId) -> bool {
        self.mentions.iter().any(|m| m.kpi == kpi)
    }

    pub fn cues_in(&self, segment: usize, cue: Cue) -> impl Iterator<Item = &Hit<Cue>> {
        self.cues[segment].iter().filter(move |h| h.payload == cue)
    }

    /// The cues of a segment that lie within `folded` (a range of its folded text), found
    /// by binary search: cues are in text order and never overlap.
    pub fn cues_within(&self, segment: usize, folded: Range<usize>) -> &[Hit<Cue>] {
        within(&self.cues[segment], folded)
    }

    /// The KPI mentions that lie within `folded` of a segment, by binary search: mentions
    /// are in (segment, text) order.
    pub fn mentions_within(&self, segment: usize, folded: Range<usize>) -> &[KpiMention] {
        let from = self
            .mentions
            .partition_point(|m| (m.segment, m.folded.start) < (segment, folded.start));
        let to = self
            .mentions
            .partition_point(|m| (m.segment, m.folded.start) < (segment, folded.end));
        let found = &self.mentions[from..to.max(from)];
        let whole = found.partition_point(|m| m.folded.end <= folded.end);
        &found[..whole]
    }

    pub fn path_name(&self) -> &str {
        &self.doc.source.name
    }
}

/// Identifies a set of dictionaries for [`Analysis::dicts_id`].
/// Each segment's vocabulary, one scan per segment.
fn scan(doc: &Document, dicts: &Dictionaries) -> Vec<Vocabulary> {
    doc.segments
        .iter()
        .map(|segment| dicts.scan(segment.lang, &segment.text, &segment.folded))
        .collect()
}

pub fn dicts_id(dicts: &Dictionaries) -> usize {
    dicts as *const Dictionaries as usize
}

/// Punctuation that ends a clause: a negation does not reach across it.
pub fn has_clause_break(text: &str) -> bool {
    text.contains([
        ',',
        ';',
        ':',
        '.',
        '!',
        '?',
        '|',
        '(',
        ')',
        '—',
        '–',
        crate::document::segment::PLACEHOLDER,
    ])
}

/// The statement of `statements` (in document order) that holds `folded` of `segment`.
fn statement_in<'a>(
    statements: &'a [Statement],
    segment: usize,
    folded: &Range<usize>,
) -> Option<&'a Statement> {
    let at = statements.partition_point(|s| (s.segment, s.folded.end) < (segment, folded.end));
    statements
        .get(at)
        .filter(|s| s.segment == segment && s.folded.start <= folded.start)
}

/// The hits of `hits` (in text order, not overlapping) that lie within `range`.
fn within<P>(hits: &[Hit<P>], range: Range<usize>) -> &[Hit<P>] {
    let from = hits.partition_point(|h| h.folded.start < range.start);
    let to = hits.partition_point(|h| h.folded.end <= range.end);
    &hits[from..to.max(from)]
}

/// How far before a KPI a negation can be, in folded bytes: "not" + three words, generously.
const NEGATION_REACH: usize = 160;

/// Number of words in `text`.
pub fn word_count(text: &str) -> usize {
    text.split(|c: char| !crate::text::fold::is_word_char(c))
        .filter(|w| !w.is_empty())
        .count()
}

/// A KPI mention is negated by a negation a few words before it in the same clause
/// ("not reach", "pas une campagne de notoriété", "не охват, а продажи") or by a negating
/// phrase right after it ("reach is not the goal").
fn is_negated(segment: &Segment, cues: &[Hit<Cue>], kpi: Range<usize>) -> bool {
    let text = &segment.folded.text;
    let near = kpi.start.saturating_sub(NEGATION_REACH)..(kpi.end + NEGATION_REACH).min(text.len());
    let cues = within(cues, near);
    cues.iter().any(|hit| match hit.payload {
        Cue::Negation if hit.folded.end <= kpi.start => {
            let between = &text[hit.folded.end..kpi.start];
            !has_clause_break(between)
                && word_count(between) <= 3
                && !has_contrast(cues, hit.folded.end..kpi.start)
        }
        Cue::NegationAfter if hit.folded.start >= kpi.end => {
            let between = &text[kpi.end..hit.folded.start];
            !has_clause_break(between) && word_count(between) <= 2
        }
        _ => false,
    })
}

/// "not X but Y": a contrast word between a negation and a KPI ends the negation's reach.
fn has_contrast(cues: &[Hit<Cue>], range: Range<usize>) -> bool {
    cues.iter().any(|h| {
        h.payload == Cue::Contrast && h.folded.start >= range.start && h.folded.end <= range.end
    })
}

fn profile(mentions: &[KpiMention], dicts: &Dictionaries) -> Objective {
    let mut scores = [0f32; 4];
    for mention in mentions {
        let weights = dicts.kpi(mention.kpi).weights;
        for (score, weight) in scores.iter_mut().zip(weights) {
            *score += mention.weight * weight;
        }
    }
    let total: f32 = scores.iter().sum();
    if total <= f32::EPSILON {
        return Objective {
            stage: None,
            scores: [0.0; 4],
            evidence: Vec::new(),
        };
    }
    scores.iter_mut().for_each(|s| *s /= total);
    let best = (0..4)
        .max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)))
        .unwrap_or(0);
    let stage = Stage::ALL[best];
    let mut evidence: Vec<usize> = (0..mentions.len())
        .filter(|&i| mentions[i].weight > 0.0 && dicts.kpi(mentions[i].kpi).weights[best] > 0.0)
        .collect();
    evidence.sort_by(|&a, &b| {
        let strength = |i: usize| mentions[i].weight * dicts.kpi(mentions[i].kpi).weights[best];
        strength(b).total_cmp(&strength(a)).then(a.cmp(&b))
    });
    Objective {
        stage: Some(stage),
        scores,
        evidence,
    }
}

impl Analysis {
    /// The strongest mention of each of up to `n` distinct KPIs behind the objective.
    pub fn strongest_evidence(&self, n: usize) -> Vec<&KpiMention> {
        let mut seen = Vec::new();
        let mut out = Vec::new();
        for &index in &self.objective.evidence {
            let mention = &self.mentions[index];
            if !seen.contains(&mention.kpi) {
                seen.push(mention.kpi);
                out.push(mention);
                if out.len() == n {
                    break;
                }
            }
        }
        out
    }

    /// The surface words of mentions, quoted and joined: `reach, GRP, CPM`.
    pub fn mention_words(&self, mentions: &[&KpiMention]) -> String {
        let words: Vec<&str> = mentions
            .iter()
            .map(|m| self.doc.source.text[m.span.clone()].trim())
            .collect();
        words.join(", ")
    }

    /// Where a finding about the whole document points. With `objectives`: the first title
    /// of an objectives section, else the first objective statement; otherwise (or
    /// failing those) the document's first line, which is its title or subject.
    pub fn anchor(&self, objectives: bool) -> Range<usize> {
        let title = || {
            (0..self.doc.segments.len()).find(
                |&i| matches!(self.roles[i], Role::Title { kinds, .. } if kinds.is_objectives()),
            )
        };
        let statement = || self.statements.first().map(|s| s.segment);
        let index = objectives
            .then(|| title().or_else(statement))
            .flatten()
            .or((!self.doc.segments.is_empty()).then_some(0));
        match index {
            Some(i) => self.doc.segments[i].source_span(),
            None => {
                let text = &self.doc.source.text;
                0..text.find(['\r', '\n']).unwrap_or(text.len())
            }
        }
    }
}
