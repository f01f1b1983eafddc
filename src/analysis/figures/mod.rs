//! The figures of one document, read once for the numeric rules and `brieflint compare`:
//! every amount and date of its prose with what it states (a target, a budget, a date, a
//! total, a share), the KPI it measures, and whether the document commits to it or reports
//! a fact ("last year our CPA was 41 €", a competitor's price, the baseline of a change).
//!
//! Only segments with a digit or a number word are read. A figure's KPI is the nearest KPI
//! mention of its clause whose unit fits (a cost in money, a rate in percent), or in a table
//! the KPI its row's first cell or its column's header names. Its role comes from the
//! section (background) and from the words around it: a baseline ("contre 10,5 %", "сейчас
//! 47 %", the first figure of "с 22 % до 17 %"), a fact (a past year, "last spring's", "было",
//! a competitor), a condition ("if CPA holds below £12"). Tables (and lists with a total
//! item) keep one amount per cell for the arithmetic of plans.

use std::ops::Range;

mod pair;
mod words;

pub use pair::{
    BudgetComparison, Flight, KpiComparison, Total, TotalSource, Verdict, Window, budget, flights,
    kpi_comparisons, window,
};
use words::Word;

use super::{KpiMention, Sections};
use crate::dictionary::{Dictionaries, Hit};
use crate::document::{Document, Segment, SegmentKind};
use crate::figures::{self, Amount, Comparator, DateKind, DateSpan, Tax, Unit};
use crate::vocab::{Cue, KpiId, SectionKind};

/// What a figure states (the `kind` of `check --format json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A level or change of a KPI.
    Target,
    /// Money for the campaign or a line of it.
    Budget,
    Date,
    /// The stated total of a table or list.
    Total,
    /// A part of the whole, in percent ("40 %" of the budget).
    Share,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Target => "target",
            Kind::Budget => "budget",
            Kind::Date => "date",
            Kind::Total => "total",
            Kind::Share => "share",
        }
    }
}

/// Whether the document commits to a figure or reports something else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// What the document aims at, plans, forecasts or schedules.
    Stated,
    /// The level a change is measured from: "contre 10,5 %", "сейчас 47 %", "from 2.8%".
    Baseline,
    /// A fact: last year's figure, a competitor's, anything in the background section.
    Background,
    /// A threshold for a decision: "if CPA holds below £12", "якщо … CPL понад 1 400 грн".
    Condition,
}

/// What a date is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateUse {
    /// The campaign or a phase of it: a flight, a wave, a media-plan row.
    Campaign,
    /// A meeting, report, shoot, approval, event or the proposal's due date.
    Event,
    Other,
}

/// The part of the campaign a figure covers, when it says ("par mois", "щотижня").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Day,
    Week,
    Month,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Amount(Amount),
    Date(DateSpan, DateUse),
}

/// One figure of the document.
#[derive(Debug, Clone)]
pub struct Figure {
    pub segment: usize,
    /// Byte range in the source.
    pub span: Range<usize>,
    pub kind: Kind,
    pub role: Role,
    pub kpi: Option<KpiId>,
    pub value: Value,
    /// A target the document sets: in its objectives or KPI section, in a KPI table, or
    /// next to words such as "target", "forecast", "прогноз".
    pub committed: bool,
    /// The figure of one line of a plan (a channel's row), not of the whole campaign.
    pub partial: bool,
    pub period: Option<Period>,
    /// Its own tax scope, else its sentence's or column's.
    pub tax: Option<Tax>,
    /// Measured against a control group ("+8 points, exposed against a control group"):
    /// a change that needs no baseline figure.
    pub controlled: bool,
}

impl Figure {
    pub fn amount(&self) -> Option<&Amount> {
        match &self.value {
            Value::Amount(amount) => Some(amount),
            Value::Date(..) => None,
        }
    }

    pub fn date(&self) -> Option<(&DateSpan, DateUse)> {
        match &self.value {
            Value::Date(date, purpose) => Some((date, *purpose)),
            Value::Amount(_) => None,
        }
    }

    /// A target level (not a change) the document commits to for a KPI.
    pub fn is_target_level(&self) -> bool {
        self.kind == Kind::Target
            && self.role == Role::Stated
            && self.committed
            && self.amount().is_some_and(|a| a.relative.is_none())
    }
}

/// One amount of a table cell (or list item), in the column's unit.
#[derive(Debug, Clone)]
pub struct Cell {
    pub amount: Amount,
    /// Byte range in the source.
    pub span: Range<usize>,
}

/// A row of a table, or an item of a list of amounts.
#[derive(Debug, Clone)]
pub struct Row {
    pub segment: usize,
    /// The first cell (or the item's label) names a total: "Total", "Итого", "Разом".
    pub total: bool,
    /// One entry per column: the cell's amount when it holds exactly one.
    pub cells: Vec<Option<Cell>>,
}

/// A column of a table, as its header describes it.
#[derive(Debug, Clone, Default)]
pub struct Column {
    /// Shares of a whole: "Share", "Доля", "Частка", "%".
    pub share: bool,
    /// A budget column: its header names money ("Budget HT", "Бюджет, тыс. ₽").
    pub money: bool,
    /// A KPI that does not add up across rows (reach, rates) is named in the header.
    pub not_additive: bool,
}

/// A table, or a list of amounts that ends with a total item.
#[derive(Debug, Clone)]
pub struct Table {
    pub columns: Vec<Column>,
    /// Body rows, header excluded.
    pub rows: Vec<Row>,
}

/// Every figure of a document.
#[derive(Debug, Default)]
pub struct DocFigures {
    /// In document order.
    pub figures: Vec<Figure>,
    pub tables: Vec<Table>,
    /// The year the campaign runs in (its window's, else the latest year written).
    pub year: Option<i32>,
}

/// Where an amount's KPI came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum KpiFrom {
    /// The clause, the row's first cell or a "Label: value" label: the figure's own.
    Label,
    /// Another cell of the row or the column header: one line of a plan.
    Row,
}

/// A segment, read.
struct Read<'a> {
    index: usize,
    segment: &'a Segment,
    figures: figures::Figures,
    /// Word hits as ranges of the segment text.
    words: Vec<(Range<usize>, Word)>,
    /// Non-negated KPI mentions as ranges of the segment text.
    mentions: Vec<(Range<usize>, KpiId)>,
    /// Clauses as ranges of the segment text: sentences, lines, or table cells.
    clauses: Vec<Range<usize>>,
}

impl Read<'_> {
    fn words_in(&self, range: &Range<usize>) -> impl Iterator<Item = Word> + '_ {
        let range = range.clone();
        self.words
            .iter()
            .filter(move |(r, _)| r.start >= range.start && r.end <= range.end)
            .map(|(_, w)| *w)
    }

    fn has(&self, range: &Range<usize>, word: Word) -> bool {
        self.words_in(range).any(|w| w == word)
    }

    fn clause_of(&self, at: usize) -> Range<usize> {
        self.clauses
            .iter()
            .find(|c| c.start <= at && at < c.end.max(c.start + 1))
            .cloned()
            .unwrap_or(0..self.segment.text.len())
    }
}

/// What the analysis knows about the document, borrowed to read its figures.
pub(super) struct Inputs<'a> {
    pub doc: &'a Document,
    pub sections: &'a [Sections],
    pub mentions: &'a [KpiMention],
    pub cues: &'a [Vec<Hit<crate::vocab::Cue>>],
    pub dicts: &'a Dictionaries,
}

impl DocFigures {
    pub(super) fn new(inputs: &Inputs<'_>) -> Self {
        let doc = inputs.doc;
        let mut read: Vec<Read<'_>> = Vec::new();
        let mut first_mention = 0;
        for (index, segment) in doc.segments.iter().enumerate() {
            let mentions_from = first_mention;
            while first_mention < inputs.mentions.len()
                && inputs.mentions[first_mention].segment <= index
            {
                first_mention += 1;
            }
            let is_header = matches!(segment.kind, SegmentKind::TableRow { header: true });
            // A ratio in words ("doubler les ventes") is a target only in the objectives.
            let numbers = segment.text.bytes().any(|b| b.is_ascii_digit())
                || inputs.sections[index].is_objectives()
                    && figures::may_hold_figures(&segment.text);
            if !numbers && !is_header {
                continue;
            }
            let to_text = |r: Range<usize>| segment.folded.original_range(r);
            let words = words::find(&segment.folded)
                .into_iter()
                .map(|(r, w)| (to_text(r), w))
                .collect();
            let mentions = inputs.mentions[mentions_from..first_mention]
                .iter()
                .filter(|m| !m.negated)
                .map(|m| (to_text(m.folded.clone()), m.kpi))
                .collect();
            read.push(Read {
                index,
                segment,
                figures: if numbers {
                    figures::read(&segment.text, segment.lang)
                } else {
                    figures::Figures::default()
                },
                words,
                mentions,
                clauses: clauses(doc, segment),
            });
        }
        let mut builder = Builder {
            inputs,
            read: &read,
            year: None,
            out: DocFigures::default(),
        };
        builder.year = builder.campaign_year();
        builder.out.year = builder.year;
        builder.build();
        builder.out
    }

    /// The figures that state something (no background, baselines or conditions).
    pub fn stated(&self) -> impl Iterator<Item = &Figure> {
        self.figures.iter().filter(|f| f.role == Role::Stated)
    }
}

/// Clauses of a segment, as ranges of its text: a table row's cells; otherwise sentences and
/// lines, so that a KPI and a figure are paired within one statement.
fn clauses(doc: &Document, segment: &Segment) -> Vec<Range<usize>> {
    let text = &segment.text;
    if let SegmentKind::TableRow { .. } = segment.kind {
        return cells(text);
    }
    let source = &doc.source.text;
    let multiline = source
        .get(segment.source_span())
        .is_some_and(|s| s.contains('\n'));
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let end = at + c.len_utf8();
        let next = chars.peek().map(|&(_, n)| n);
        let boundary = match c {
            ';' => true,
            '.' | '!' | '?' | '…' => {
                next == Some(' ')
                    && text[end..]
                        .trim_start()
                        .chars()
                        .next()
                        .is_some_and(|n| n.is_uppercase() || n.is_numeric())
            }
            // A line break inside a paragraph ("**Budget:** …" then "**Timing:** …").
            ' ' => {
                multiline
                    && source
                        .get(segment.source_range(at..end))
                        .is_some_and(|s| s.contains('\n'))
            }
            _ => false,
        };
        if boundary {
            out.push(start..end);
            start = end;
        }
    }
    if start < text.len() || out.is_empty() {
        out.push(start..text.len());
    }
    out
}

/// The cells of a table row's text (cells are joined by " | ").
fn cells(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (at, _) in text.match_indices(" | ") {
        out.push(start..at);
        start = at + 3;
    }
    out.push(start..text.len());
    out
}

/// The units a KPI's figures come in, and whether less is better.
#[derive(Debug, Clone, Copy)]
pub struct Measure {
    /// Costs and churn: a figure above the brief's is worse.
    pub lower_is_better: bool,
    money: bool,
    percent: bool,
    count: bool,
    points: bool,
    ratio: bool,
    seconds: bool,
}

impl Measure {
    /// How a KPI of the taxonomy is measured; `None` for keys brieflint does not know
    /// (a user's own KPIs), whose figures it does not compare.
    pub fn of(key: &str) -> Option<Measure> {
        let m = |lower, money, percent, count, points, ratio, seconds| Measure {
            lower_is_better: lower,
            money,
            percent,
            count,
            points,
            ratio,
            seconds,
        };
        Some(match key {
            "cpa" | "cpl" | "cpc" | "cpm" | "cpv" => {
                m(true, true, false, false, false, false, false)
            }
            "churn" => m(true, false, true, false, true, false, false),
            "revenue" | "ltv" => m(false, true, false, false, false, false, false),
            "donations" | "sales" => m(false, true, false, true, false, false, false),
            "leads" | "calls" | "bookings" | "impressions" | "grp" | "video_views"
            | "site_visits" => m(false, false, false, true, false, false, false),
            "reach" | "repeat_purchase" => m(false, false, true, true, true, false, false),
            "ctr" | "engagement_rate" | "vtr" | "conversion_rate" | "retention"
            | "share_of_voice" | "brand_awareness" => {
                m(false, false, true, false, true, false, false)
            }
            "brand_lift" => m(false, false, true, false, true, false, false),
            "nps" => m(false, false, false, true, true, false, false),
            "roas" | "roi" => m(false, false, true, true, false, true, false),
            "time_on_site" => m(false, false, false, false, false, false, true),
            _ => return None,
        })
    }

    /// Whether a level in `unit` can measure this KPI.
    fn fits(self, unit: Unit) -> bool {
        match unit {
            Unit::Currency(_) => self.money,
            Unit::Percent => self.percent,
            Unit::Points => self.points,
            Unit::Count => self.count || self.ratio,
            Unit::Times => self.ratio,
            Unit::Seconds => self.seconds,
            Unit::Age => false,
        }
    }
}

struct Builder<'a, 'r> {
    inputs: &'a Inputs<'a>,
    read: &'r [Read<'a>],
    /// The year the campaign runs in: older years are the past.
    year: Option<i32>,
    out: DocFigures,
}

impl Builder<'_, '_> {
    fn sections(&self, index: usize) -> Sections {
        self.inputs.sections[index]
    }

    /// The start year of the first campaign window (else the latest year of any date):
    /// figures of earlier years are facts, not targets.
    fn campaign_year(&self) -> Option<i32> {
        let mut latest = None;
        for r in self.read {
            for date in &r.figures.dates {
                let Some(year) = date.start.year.or(date.end.year) else {
                    continue;
                };
                let clause = r.clause_of(date.range.start);
                let campaign = date.kind == DateKind::Window
                    && (r.has(&clause, Word::Flight)
                        || self.sections(r.index).is_objectives()
                        || self.sections(r.index).has(SectionKind::Timing));
                if campaign && !self.sections(r.index).has(SectionKind::Background) {
                    return Some(year);
                }
                latest = latest.max(Some(year));
            }
        }
        latest
    }

    fn build(&mut self) {
        let read = self.read;
        let mut i = 0;
        while i < read.len() {
            let r = &read[i];
            match r.segment.kind {
                SegmentKind::TableRow { .. } => {
                    let end = self.table_end(i);
                    i = end + usize::from(self.table(i..end));
                }
                SegmentKind::ListItem { .. } => {
                    let end = self.list_end(i);
                    i = end + usize::from(self.list(i..end));
                }
                _ => {
                    self.prose(r);
                    i += 1;
                }
            }
        }
    }

    /// End (exclusive, in `read`) of the table starting at `start`: the rows that follow
    /// (rows without figures between them included), the next header starting another.
    fn table_end(&self, start: usize) -> usize {
        let body = |s: &Segment| matches!(s.kind, SegmentKind::TableRow { header: false });
        let segments = &self.inputs.doc.segments;
        let mut end = start + 1;
        while end < self.read.len()
            && segments[self.read[end - 1].index + 1..=self.read[end].index]
                .iter()
                .all(body)
        {
            end += 1;
        }
        end
    }

    /// End of a run of consecutive list items.
    fn list_end(&self, start: usize) -> usize {
        let mut end = start + 1;
        while end < self.read.len()
            && self.read[end].index == self.read[end - 1].index + 1
            && matches!(self.read[end].segment.kind, SegmentKind::ListItem { .. })
        {
            end += 1;
        }
        end
    }

    /// A paragraph "Total: …" (or "**Разом: …**") right after a table or list, read as its
    /// total row.
    fn total_after<'r>(read: &'r [Read<'_>], last: usize) -> Option<&'r Read<'r>> {
        let next = read.get(last + 1)?;
        let line = matches!(
            next.segment.kind,
            SegmentKind::Paragraph | SegmentKind::Heading { level: 7 }
        );
        let label_total = line
            && next.index == read[last].index + 1
            && label(&next.segment.text).is_some_and(|l| next.has(&l, Word::Total));
        label_total.then_some(next)
    }

    /// Reads a table; returns whether it read the "Total: …" paragraph after it too.
    fn table(&mut self, rows: Range<usize>) -> bool {
        let read = self.read;
        let header = matches!(
            read[rows.start].segment.kind,
            SegmentKind::TableRow { header: true }
        )
        .then(|| &read[rows.start]);
        let columns = header.map(|h| self.columns(h)).unwrap_or_default();
        if let Some(h) = header {
            self.dates(h, false);
        }
        let body = rows.start + usize::from(header.is_some())..rows.end;
        let mut table = Table {
            columns: columns.iter().map(|c| c.column.clone()).collect(),
            rows: Vec::new(),
        };
        let budget_table = columns.iter().any(|c| c.column.money);
        let budget_section = self
            .sections(read[rows.start].index)
            .has(SectionKind::Budget);
        for r in &read[body.clone()] {
            let cells = cells(&r.segment.text);
            let first = cells.first().cloned().unwrap_or(0..0);
            let total = r.has(&first, Word::Total);
            let label_kpi = self.label_kpi(r, &first);
            let summary = total || r.has(&first, Word::Target);
            let mut row = Row {
                segment: r.index,
                total,
                cells: vec![None; cells.len()],
            };
            for (col, cell) in cells.iter().enumerate().skip(1) {
                let header = columns.get(col);
                let in_cell: Vec<&Amount> = r
                    .figures
                    .amounts
                    .iter()
                    .filter(|a| a.range.start >= cell.start && a.range.end <= cell.end)
                    .collect();
                for &amount in &in_cell {
                    let amount = header.map_or_else(|| amount.clone(), |h| h.apply(amount));
                    let budget_column = header.is_some_and(|h| h.column.money);
                    let kpi = label_kpi
                        .filter(|&k| self.fits(k, &amount))
                        .map(|k| (k, KpiFrom::Label))
                        .or_else(|| {
                            let own = self.nearest_kpi(r, cell, &amount);
                            let head = header
                                .and_then(|h| h.kpi)
                                .filter(|&k| self.fits(k, &amount));
                            own.or(head).map(|k| (k, KpiFrom::Row))
                        });
                    let role = header.and_then(|h| h.role).unwrap_or(Role::Stated);
                    let role = self.role(r, cell, &amount.range, role, true);
                    // A KPI table's row, or a plan's total row under a KPI column.
                    let committed = self.committed(r, cell)
                        || kpi.is_some_and(|(_, from)| from == KpiFrom::Label || summary);
                    // A budget column holds money for the row's line, whatever KPI the
                    // row's label names ("Наружная реклама у офиса продаж").
                    let kpi = kpi.filter(|_| !(budget_column && amount.unit.is_money()));
                    let kind = if total && (amount.unit.is_money() || budget_column) {
                        Some(Kind::Total)
                    } else if kpi.is_some() {
                        Some(Kind::Target)
                    } else if header.is_some_and(|h| h.column.share) && amount.unit == Unit::Percent
                    {
                        Some(Kind::Share)
                    } else if amount.unit.is_money() && (budget_column || budget_section) {
                        Some(Kind::Budget)
                    } else {
                        None
                    };
                    if let Some(kind) = kind {
                        let figure = Figure {
                            segment: r.index,
                            span: r.segment.source_range(amount.range.clone()),
                            kind,
                            role,
                            kpi: kpi.map(|(k, _)| k),
                            partial: kpi.is_some_and(|(_, from)| from == KpiFrom::Row) && !summary,
                            committed,
                            period: self
                                .period(r, cell)
                                .or_else(|| self.period(r, &first))
                                .or(header.and_then(|h| h.period)),
                            tax: amount.tax.or(header.and_then(|h| h.tax)),
                            controlled: r.has(cell, Word::Control),
                            value: Value::Amount(amount.clone()),
                        };
                        self.out.figures.push(figure);
                    }
                }
                if let [amount] = in_cell.as_slice() {
                    let amount = header.map_or_else(|| (*amount).clone(), |h| h.apply(amount));
                    row.cells[col] = Some(Cell {
                        span: r.segment.source_range(amount.range.clone()),
                        amount,
                    });
                }
            }
            let media_row = budget_table || r.figures.amounts.iter().any(|a| a.unit.is_money());
            self.dates(r, media_row);
            table.rows.push(row);
        }
        let total = Self::total_after(read, rows.end - 1);
        if let Some(total) = total {
            self.prose(total);
            if let Some(row) = self.total_row(total, table.columns.len().max(2)) {
                table.rows.push(row);
            }
        }
        self.out.tables.push(table);
        total.is_some()
    }

    /// A "Total: …" paragraph or list item as a row whose last column holds its amount.
    fn total_row(&self, r: &Read<'_>, width: usize) -> Option<Row> {
        let [amount] = r.figures.amounts.as_slice() else {
            return None;
        };
        let mut cells = vec![None; width];
        cells[width - 1] = Some(Cell {
            amount: amount.clone(),
            span: r.segment.source_range(amount.range.clone()),
        });
        Some(Row {
            segment: r.index,
            total: true,
            cells,
        })
    }

    /// A run of list items: each read as prose; the items with one amount each, ending with
    /// a total item, also make a one-column table.
    fn list(&mut self, items: Range<usize>) -> bool {
        let read = self.read;
        let mut table = Table {
            columns: vec![Column::default(), Column::default()],
            rows: Vec::new(),
        };
        for r in &read[items.clone()] {
            self.prose(r);
            let is_total = label(&r.segment.text).is_some_and(|l| r.has(&l, Word::Total));
            if let [amount] = r.figures.amounts.as_slice()
                && amount.relative.is_none()
            {
                table.rows.push(Row {
                    segment: r.index,
                    total: is_total,
                    cells: vec![
                        None,
                        Some(Cell {
                            amount: amount.clone(),
                            span: r.segment.source_range(amount.range.clone()),
                        }),
                    ],
                });
            } else {
                table.rows.clear();
            }
        }
        let total = Self::total_after(read, items.end - 1);
        if let Some(total) = total {
            self.prose(total);
            if let Some(row) = self.total_row(total, 2) {
                table.rows.push(row);
            }
        }
        if table.rows.iter().any(|r| r.total) && table.rows.len() >= 3 {
            self.out.tables.push(table);
        }
        total.is_some()
    }

    /// The columns of a table, from its header row.
    fn columns(&self, header: &Read<'_>) -> Vec<HeaderCell> {
        let year = self.year;
        cells(&header.segment.text)
            .into_iter()
            .map(|cell| {
                let text = &header.segment.text[cell.clone()];
                let unit = figures::header_unit(text, header.segment.lang);
                let kpi = header
                    .mentions
                    .iter()
                    .find(|(r, _)| r.start >= cell.start && r.end <= cell.end)
                    .map(|(_, k)| *k);
                let past_year = header.figures.amounts.is_empty()
                    && year_in(text).is_some_and(|y| year.is_some_and(|now| y < now));
                let role = if header.has(&cell, Word::Baseline) || header.has(&cell, Word::Current)
                {
                    Some(Role::Baseline)
                } else if header.has(&cell, Word::Past) || past_year {
                    Some(Role::Background)
                } else {
                    None
                };
                let not_additive = kpi.is_some_and(|k| {
                    let key = self.inputs.dicts.kpi(k).key.as_str();
                    key == "reach" || Measure::of(key).is_some_and(|m| m.percent && !m.count)
                });
                let money = unit.as_ref().is_some_and(|u| u.unit.is_money())
                    || self.spend_word(header, &cell);
                HeaderCell {
                    column: Column {
                        share: header.has(&cell, Word::Share) || text.trim() == "%",
                        money,
                        not_additive,
                    },
                    kpi,
                    role,
                    period: self.period(header, &cell),
                    tax: unit
                        .as_ref()
                        .and_then(|u| u.tax)
                        .or_else(|| figures::tax_in(text).map(|(t, _)| t)),
                    unit,
                }
            })
            .collect()
    }

    fn spend_word(&self, r: &Read<'_>, range: &Range<usize>) -> bool {
        self.inputs.cues[r.index].iter().any(|h| {
            h.payload == Cue::SpendWord && {
                let text = r.segment.folded.original_range(h.folded.clone());
                text.start >= range.start && text.end <= range.end
            }
        })
    }

    /// The KPI a row's first cell names.
    fn label_kpi(&self, r: &Read<'_>, first: &Range<usize>) -> Option<KpiId> {
        r.mentions
            .iter()
            .find(|(m, _)| m.start >= first.start && m.end <= first.end)
            .map(|(_, k)| *k)
    }

    fn fits(&self, kpi: KpiId, amount: &Amount) -> bool {
        Measure::of(&self.inputs.dicts.kpi(kpi).key)
            .is_some_and(|m| amount.relative.is_some() || m.fits(amount.unit))
    }

    /// The KPI mention of `clause` nearest to `amount` whose unit fits.
    fn nearest_kpi(&self, r: &Read<'_>, clause: &Range<usize>, amount: &Amount) -> Option<KpiId> {
        r.mentions
            .iter()
            .filter(|(m, _)| m.start >= clause.start && m.end <= clause.end)
            .filter(|&&(_, k)| self.fits(k, amount))
            .min_by_key(|(m, _)| {
                if m.end <= amount.range.start {
                    amount.range.start - m.end
                } else {
                    m.start.saturating_sub(amount.range.end) + 1
                }
            })
            .map(|(_, k)| *k)
    }

    fn period(&self, r: &Read<'_>, range: &Range<usize>) -> Option<Period> {
        r.words_in(range).find_map(|w| match w {
            Word::Period(p) => Some(p),
            _ => None,
        })
    }

    /// Whether a clause sets a target: the objectives or KPI section, or target words.
    fn committed(&self, r: &Read<'_>, clause: &Range<usize>) -> bool {
        self.sections(r.index).is_objectives() || r.has(clause, Word::Target)
    }

    /// The role of the amount at `range` from its section and the words around it;
    /// `baseline_words`: whether "contre", "сейчас", "up from" before it make it a baseline
    /// (not for the end of a move, whose opening words belong to its start).
    fn role(
        &self,
        r: &Read<'_>,
        clause: &Range<usize>,
        range: &Range<usize>,
        default: Role,
        baseline_words: bool,
    ) -> Role {
        let sections = self.sections(r.index);
        if sections.has(SectionKind::Background) && !sections.is_objectives() {
            return Role::Background;
        }
        let (lead, tail) = self.surroundings(r, clause, range);
        if conditional(r, clause, range.start) {
            return Role::Condition;
        }
        let current = r.has(&lead, Word::Current) || r.has(&tail, Word::Current);
        if baseline_words && (r.has(&lead, Word::Baseline) || current || self.opens_move(r, range))
        {
            return Role::Baseline;
        }
        // After a change, "than last year", "par rapport à 2025" name its baseline: the
        // change is no past fact.
        let relative = r
            .figures
            .amounts
            .iter()
            .any(|a| a.range.end == range.end && a.relative.is_some());
        let past = |range: &Range<usize>| {
            r.has(range, Word::Past)
                || r.figures.dates.iter().any(|d| {
                    d.range.start >= range.start
                        && d.range.end <= range.end
                        && d.end.year.zip(self.year).is_some_and(|(y, now)| y < now)
                })
                || year_in(&r.segment.text[range.clone()])
                    .zip(self.year)
                    .is_some_and(|(y, now)| y < now)
        };
        if past(&lead) || (!relative && past(&tail)) || r.has(clause, Word::Competitor) {
            return Role::Background;
        }
        default
    }

    /// The text that belongs to an amount within its clause: back to the previous figure
    /// or an opening parenthesis, on to the next figure or a parenthesis.
    fn surroundings(
        &self,
        r: &Read<'_>,
        clause: &Range<usize>,
        range: &Range<usize>,
    ) -> (Range<usize>, Range<usize>) {
        let text = &r.segment.text;
        let previous = r
            .figures
            .amounts
            .iter()
            .map(|a| a.range.end)
            .chain(r.figures.dates.iter().map(|d| d.range.end))
            .filter(|&e| e <= range.start && e >= clause.start)
            .max()
            .unwrap_or(clause.start);
        let lead_start = text[previous..range.start]
            .rfind('(')
            .map_or(previous, |p| previous + p + 1);
        let next = r
            .figures
            .amounts
            .iter()
            .map(|a| a.range.start)
            .chain(r.figures.dates.iter().map(|d| d.range.start))
            .filter(|&s| s >= range.end && s <= clause.end)
            .min()
            .unwrap_or(clause.end)
            .max(range.end);
        let tail_end = text[range.end..next]
            .find(['(', ')'])
            .map_or(next, |p| range.end + p);
        (lead_start..range.start, range.end..tail_end)
    }

    /// The first figure of a move "from X to Y" ("с 22 % до 17 %", "de 10,5 % à 14 %"):
    /// the level the change starts from.
    fn opens_move(&self, r: &Read<'_>, range: &Range<usize>) -> bool {
        let amounts = &r.figures.amounts;
        amounts
            .iter()
            .position(|a| a.range == *range)
            .and_then(|i| amounts.get(i..i + 2))
            .is_some_and(|pair| closes(r, &pair[0], &pair[1]))
    }

    /// Reads the amounts and dates of a paragraph, list item or heading.
    fn prose(&mut self, r: &Read<'_>) {
        let text = &r.segment.text;
        let budget_section = self.sections(r.index).has(SectionKind::Budget);
        for (amount, move_end) in moves(r) {
            if amount.unit == Unit::Age
                || is_frequency(text, &amount)
                || is_time_span(text, &amount)
            {
                continue;
            }
            let clause = r.clause_of(amount.range.start);
            let role = self.role(r, &clause, &amount.range, Role::Stated, !move_end);
            let kpi = self.nearest_kpi(r, &clause, &amount);
            let labelled = label(text).filter(|l| l.end <= amount.range.start);
            let total = labelled.as_ref().is_some_and(|l| r.has(l, Word::Total));
            let budget_words = self.spend_word(r, &clause);
            let kind = if kpi.is_some() {
                Kind::Target
            } else if !amount.unit.is_money() {
                continue;
            } else if total {
                Kind::Total
            } else if budget_section || budget_words {
                Kind::Budget
            } else {
                continue;
            };
            let figure = Figure {
                segment: r.index,
                span: r.segment.source_range(amount.range.clone()),
                kind,
                role,
                kpi,
                committed: self.committed(r, &clause),
                partial: false,
                period: self.period(r, &clause),
                tax: amount.tax.or_else(|| {
                    amount
                        .unit
                        .is_money()
                        .then(|| figures::tax_in(&text[clause.clone()]).map(|(t, _)| t))
                        .flatten()
                }),
                controlled: r.has(&clause, Word::Control),
                value: Value::Amount(amount),
            };
            self.out.figures.push(figure);
        }
        self.dates(r, false);
    }

    /// Reads the dates of a segment; `media_row`: a table row of a media plan, whose dates
    /// are flights unless the row names a meeting or a report.
    fn dates(&mut self, r: &Read<'_>, media_row: bool) {
        for date in &r.figures.dates {
            let clause = r.clause_of(date.range.start);
            let scope = if let SegmentKind::TableRow { .. } = r.segment.kind {
                0..r.segment.text.len()
            } else {
                clause.clone()
            };
            let purpose = if r.has(&scope, Word::Event) {
                DateUse::Event
            } else if media_row
                || r.has(&scope, Word::Flight)
                || (r.segment.is_heading()
                    && (self.sections(r.index).is_objectives()
                        || self.sections(r.index).has(SectionKind::Timing)))
            {
                DateUse::Campaign
            } else {
                DateUse::Other
            };
            let sections = self.sections(r.index);
            let role = if sections.has(SectionKind::Background) && !sections.is_objectives() {
                Role::Background
            } else if conditional(r, &clause, date.range.start) {
                Role::Condition
            } else if r.has(&clause, Word::Past) {
                Role::Background
            } else {
                Role::Stated
            };
            self.out.figures.push(Figure {
                segment: r.index,
                span: r.segment.source_range(date.range.clone()),
                kind: Kind::Date,
                role,
                kpi: None,
                value: Value::Date(date.clone(), purpose),
                committed: false,
                partial: false,
                period: None,
                tax: None,
                controlled: false,
            });
        }
    }
}

/// What a column header says about its cells.
struct HeaderCell {
    column: Column,
    kpi: Option<KpiId>,
    role: Option<Role>,
    period: Option<Period>,
    tax: Option<Tax>,
    /// One cell unit in the header's currency and multiplier ("тыс. ₽").
    unit: Option<Amount>,
}

impl HeaderCell {
    /// A cell's amount in the header's unit: "3 600" under "Бюджет, тыс. ₽" is 3.6 m RUB.
    fn apply(&self, amount: &Amount) -> Amount {
        let mut amount = amount.clone();
        if let Some(unit) = &self.unit
            && amount.unit == Unit::Count
            && amount.multiplier == 1.0
            && amount.relative.is_none()
        {
            amount.value *= unit.value;
            amount.high = amount.high.map(|h| h * unit.value);
            amount.multiplier = unit.multiplier;
            amount.unit = unit.unit;
        }
        amount.tax = amount.tax.or(self.tax);
        amount
    }
}

/// Whether the figure at `at` follows an "if" in its clause: both the threshold and what
/// it would trigger are conditional ("If CPA holds below £12 in May, we …", "If the first
/// flight goes well, … a second burst in May", "Если канал … даёт CPL выше 6 000 ₽, …").
fn conditional(r: &Read<'_>, clause: &Range<usize>, at: usize) -> bool {
    r.words
        .iter()
        .any(|(w, word)| *word == Word::Condition && w.start >= clause.start && w.end <= at)
}

/// The label of a "Label: value" segment: the text before its first colon or dash.
fn label(text: &str) -> Option<Range<usize>> {
    let end = text.find([':', '—', '–'])?;
    (end > 0 && end <= 80).then_some(0..end)
}

/// A four-digit year standing alone in `text` ("в 2025 году", "2024", "en 2025").
fn year_in(text: &str) -> Option<i32> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse::<i32>().ok())
        .find(|y| (1990..=2100).contains(y))
}

/// The word right after `at` (past spaces and a hyphen), lowercased.
fn word_after(text: &str, at: usize) -> String {
    text[at..]
        .trim_start_matches(|c: char| c.is_whitespace() || c == '-')
        .chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect()
}

/// How many characters before a figure are read for the words that lead to it.
const LEAD_WINDOW: usize = 32;

/// The last characters before `at`, lowercased and trimmed: enough for the words that lead
/// to a figure ("up from", "jusqu'à", "бюджет до") without copying its paragraph.
pub(super) fn lower_before(text: &str, at: usize) -> String {
    let start = text[..at]
        .char_indices()
        .rev()
        .nth(LEAD_WINDOW)
        .map_or(0, |(i, _)| i);
    text[start..at].trim_end().to_lowercase()
}

/// "three times", "3 fois par semaine": how often, not how much.
fn is_frequency(text: &str, amount: &Amount) -> bool {
    amount.unit == Unit::Count
        && ["times", "time", "fois", "раз", "рази", "разів", "раза"]
            .contains(&word_after(text, amount.range.end).as_str())
}

/// "6 mois", "12-month", "3 года": a span of time a figure is measured over, not a figure.
fn is_time_span(text: &str, amount: &Amount) -> bool {
    const TIME_NOUNS: &[&str] = &[
        "day",
        "week",
        "month",
        "year",
        "jour",
        "semaine",
        "mois",
        "an",
        "année",
        "ans",
        "день",
        "дня",
        "дней",
        "дні",
        "днів",
        "недел",
        "месяц",
        "год",
        "лет",
        "тиж",
        "місяц",
        "рік",
        "рок",
    ];
    if amount.unit != Unit::Count || amount.relative.is_some() {
        return false;
    }
    let word = word_after(text, amount.range.end);
    TIME_NOUNS
        .iter()
        .any(|noun| word.starts_with(noun) && (noun.chars().count() >= 3 || word == *noun))
}

/// The amounts of a segment, each with whether it ends a move: the end of "с 22 % до
/// 17 %" is a level ("до" there is no cap), and a range that is a move ("з 41 до 55", "up
/// from 1.8% to 2.6%") is read as its end alone (its start is the baseline).
fn moves(r: &Read<'_>) -> Vec<(Amount, bool)> {
    let text = &r.segment.text;
    let mut out: Vec<(Amount, bool)> = Vec::new();
    for (i, amount) in r.figures.amounts.iter().enumerate() {
        let (Comparator::Range, Some(high)) = (amount.comparator, amount.high) else {
            let previous = i.checked_sub(1).map(|p| &r.figures.amounts[p]);
            let ends_move = previous.is_some_and(|p| closes(r, p, amount));
            let mut amount = amount.clone();
            if ends_move && amount.comparator == Comparator::Cap {
                amount.comparator = Comparator::Exact;
                amount.comparator_cue = None;
            }
            out.push((amount, ends_move));
            continue;
        };
        let before = lower_before(text, amount.range.start);
        let moved = ["с", "з", "із"].iter().any(|w| ends_with_word(&before, w))
            || [
                "up from",
                "down from",
                "rise from",
                "grow from",
                "increase from",
            ]
            .iter()
            .any(|w| before.ends_with(w));
        if !moved {
            out.push((amount.clone(), false));
            continue;
        }
        let to = text[amount.range.clone()]
            .char_indices()
            .rfind(|(_, c)| c.is_whitespace())
            .map_or(amount.range.start, |(p, c)| {
                amount.range.start + p + c.len_utf8()
            });
        let end = Amount {
            range: to..amount.range.end,
            value: high,
            high: None,
            comparator: Comparator::Exact,
            comparator_cue: None,
            ..amount.clone()
        };
        out.push((end, true));
    }
    out
}

/// Whether `to` ends a move that `from` starts ("с 22 % до 17 %", "from £41 to £32").
fn closes(r: &Read<'_>, from: &Amount, to: &Amount) -> bool {
    let text = &r.segment.text;
    if from.range.end > to.range.start {
        return false;
    }
    let gap = &text[from.range.end..to.range.start];
    if gap.len() > 12 {
        return false;
    }
    let gap = gap.trim().to_lowercase();
    let before = lower_before(text, from.range.start);
    let opened = MOVE_OPENERS.iter().any(|w| ends_with_word(&before, w));
    opened && MOVE_JOINS.contains(&gap.as_str()) && (to.unit == from.unit || to.unit == Unit::Count)
}

/// Words before the start of a move.
const MOVE_OPENERS: &[&str] = &["from", "de", "с", "з", "із", "от", "від"];
/// Words between the start and the end of a move.
const MOVE_JOINS: &[&str] = &["to", "à", "a", "до", "→", "->", "по"];

/// Whether `text` ends with `word` as a whole word.
fn ends_with_word(text: &str, word: &str) -> bool {
    text.strip_suffix(word)
        .is_some_and(|rest| !rest.ends_with(char::is_alphanumeric))
}

trait UnitExt {
    fn is_money(&self) -> bool;
}

impl UnitExt for Unit {
    fn is_money(&self) -> bool {
        matches!(self, Unit::Currency(_))
    }
}

/// A figure's value for messages: thousands grouped with spaces, at most two decimals
/// ("118 000", "2.5", "0.04").
pub fn format_value(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    let whole = rounded.trunc().abs() as u64;
    let digits = whole.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(' ');
        }
        grouped.push(c);
    }
    let fraction = format!("{:.2}", rounded.fract().abs());
    let fraction = fraction.trim_start_matches('0').trim_end_matches('0');
    let sign = if rounded < 0.0 { "-" } else { "" };
    format!("{sign}{grouped}{}", fraction.trim_end_matches('.'))
}

/// A day as ISO 8601 ("2026-03-02", or "--03-02" when the year is not written).
pub fn format_day(day: figures::Day) -> String {
    let d = day.day.unwrap_or(1);
    match day.year {
        Some(year) => format!("{year:04}-{:02}-{d:02}", day.month),
        None => format!("--{:02}-{d:02}", day.month),
    }
}

/// A figure's value as reports show it: a number, a range, or a date in ISO 8601.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(untagged)]
pub enum Shown {
    Number(f64),
    Range([f64; 2]),
    Text(String),
}

impl Figure {
    /// The value: a number, `[low, high]` for a range, "2026-03-02/2026-05-31" for a window.
    pub fn shown(&self) -> Shown {
        match &self.value {
            Value::Amount(a) => match a.high {
                Some(high) if a.comparator == Comparator::Range => Shown::Range([a.value, high]),
                _ => Shown::Number(a.value),
            },
            Value::Date(d, _) => Shown::Text(match d.kind {
                DateKind::Window => format!("{}/{}", format_day(d.start), format_day(d.end)),
                _ if d.start == d.end => format_day(d.start),
                DateKind::Point => format!("{}/{}", format_day(d.start), format_day(d.end)),
                DateKind::Start => format_day(d.start),
                DateKind::Deadline => format_day(d.end),
            }),
        }
    }

    /// The unit: an ISO currency code, "%", "pp" (points), "s", "x" (a ratio), "years",
    /// "count", or "date".
    pub fn unit_name(&self) -> &'static str {
        match &self.value {
            Value::Amount(a) => match a.unit {
                Unit::Currency(c) => c.code(),
                Unit::Percent => "%",
                Unit::Points => "pp",
                Unit::Seconds => "s",
                Unit::Times => "x",
                Unit::Age => "years",
                Unit::Count => "count",
            },
            Value::Date(..) => "date",
        }
    }

    /// "exact", "cap", "floor" or "range"; a window is a range, a start a floor and a
    /// deadline a cap.
    pub fn comparator_name(&self) -> &'static str {
        let comparator = match &self.value {
            Value::Amount(a) => a.comparator,
            Value::Date(d, _) => match d.kind {
                DateKind::Point => Comparator::Exact,
                DateKind::Window => Comparator::Range,
                DateKind::Start => Comparator::Floor,
                DateKind::Deadline => Comparator::Cap,
            },
        };
        match comparator {
            Comparator::Exact => "exact",
            Comparator::Cap => "cap",
            Comparator::Floor => "floor",
            Comparator::Range => "range",
        }
    }
}
