//! A proposal's figures against its brief's: the brief's target for each KPI against the
//! proposal's commitment, the proposal's total against the budget, its flights against the
//! campaign window. The rules `target-conflict`, `budget-conflict` and `timing-conflict`
//! report the conflicts; `brieflint compare` shows every row. When two figures are not
//! comparable (units, currencies, tax scopes or periods differ) there is no verdict but
//! "not comparable": brieflint does not guess.

use std::ops::Range;

use super::{DateUse, Figure, Kind, Measure, Period};
use crate::analysis::Analysis;
use crate::dictionary::Dictionaries;
use crate::document::SegmentKind;
use crate::figures::{Amount, Currency, DateKind, Day, Tax, Unit};
use crate::vocab::{Cue, KpiId, SectionKind};

/// How a proposal's figure stands against the brief's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Meets,
    Conflict,
    /// The proposal gives no figure for it.
    NotAddressed,
    /// Both give figures that cannot be compared (or the brief gives none).
    NotComparable,
}

impl Verdict {
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Meets => "meets",
            Verdict::Conflict => "conflict",
            Verdict::NotAddressed => "not-addressed",
            Verdict::NotComparable => "not-comparable",
        }
    }
}

/// A brief KPI: its target and the proposal's figures for it.
#[derive(Debug, Clone)]
pub struct KpiComparison<'a> {
    pub kpi: KpiId,
    /// The brief's target (the most lenient, when it gives several; its change when it
    /// gives no level).
    pub brief: Option<&'a Figure>,
    /// The proposal's figure shown beside it: the first that conflicts, else the first
    /// comparable one, else its first.
    pub proposal: Option<&'a Figure>,
    pub verdict: Verdict,
    /// Each proposal figure worse than the brief's target, with that target.
    pub conflicts: Vec<(&'a Figure, &'a Figure)>,
}

/// A level in a unit two documents can share: ROAS "8:1", "8" and "800 %" are one scale.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Scale {
    Money(Currency),
    Percent,
    Points,
    Count,
    Ratio,
    Seconds,
}

/// The scale and bounds (low, high) of a KPI's level, normalised.
fn level(key: &str, amount: &Amount) -> Option<(Scale, Option<f64>, Option<f64>)> {
    if amount.relative.is_some() {
        return None;
    }
    let (scale, factor) = match (key, amount.unit) {
        ("roas", Unit::Times | Unit::Count) => (Scale::Ratio, 1.0),
        ("roas", Unit::Percent) => (Scale::Ratio, 0.01),
        ("roi", Unit::Times | Unit::Count) => (Scale::Ratio, 1.0),
        ("nps", Unit::Count | Unit::Points) => (Scale::Count, 1.0),
        (_, Unit::Currency(c)) => (Scale::Money(c), 1.0),
        (_, Unit::Percent) => (Scale::Percent, 1.0),
        (_, Unit::Points) => (Scale::Points, 1.0),
        (_, Unit::Count) => (Scale::Count, 1.0),
        (_, Unit::Times) => (Scale::Ratio, 1.0),
        (_, Unit::Seconds) => (Scale::Seconds, 1.0),
        (_, Unit::Age) => return None,
    };
    let (low, high) = amount.bounds();
    Some((scale, low.map(|v| v * factor), high.map(|v| v * factor)))
}

/// A little room for figures written with fewer decimals.
const EPSILON: f64 = 1e-9;

/// Whether the proposal's figure `p` is worse than the brief's target `b`: `Some(true)`
/// when worse, `Some(false)` when it meets or beats it, `None` when they do not compare.
fn worse(key: &str, measure: Measure, b: &Figure, p: &Figure) -> Option<bool> {
    if b.period != p.period {
        return None;
    }
    let (b_scale, b_low, b_high) = level(key, b.amount()?)?;
    let (p_scale, p_low, p_high) = level(key, p.amount()?)?;
    if b_scale != p_scale {
        return None;
    }
    if measure.lower_is_better {
        // The brief caps it; the proposal's best case is its low end.
        let cap = b_high?;
        let best = p_low.or(p_high)?;
        Some(best > cap * (1.0 + EPSILON))
    } else {
        let floor = b_low?;
        let best = p_high.or(p_low)?;
        Some(best < floor * (1.0 - EPSILON))
    }
}

/// The target figures a document commits to for a KPI (whole campaign, not a channel's).
fn targets(doc: &Analysis, kpi: KpiId) -> impl Iterator<Item = &Figure> {
    doc.figures
        .figures
        .iter()
        .filter(move |f| f.kpi == Some(kpi) && f.is_target_level() && !f.partial)
}

/// One comparison per KPI the brief sets (its objectives' KPIs first, then any other KPI
/// it gives a target for).
pub fn kpi_comparisons<'a>(
    brief: &'a Analysis,
    proposal: &'a Analysis,
    dicts: &Dictionaries,
) -> Vec<KpiComparison<'a>> {
    let mut kpis = brief.objective_kpis();
    for figure in &brief.figures.figures {
        if let Some(kpi) = figure.kpi
            && figure.is_target_level()
            && !kpis.contains(&kpi)
        {
            kpis.push(kpi);
        }
    }
    kpis.into_iter()
        .map(|kpi| compare_kpi(brief, proposal, dicts, kpi))
        .collect()
}

fn compare_kpi<'a>(
    brief: &'a Analysis,
    proposal: &'a Analysis,
    dicts: &Dictionaries,
    kpi: KpiId,
) -> KpiComparison<'a> {
    let key = dicts.kpi(kpi).key.as_str();
    let asked: Vec<&Figure> = targets(brief, kpi).collect();
    let offered: Vec<&Figure> = targets(proposal, kpi).collect();
    let mut conflicts = Vec::new();
    let mut comparable = None;
    if let Some(measure) = Measure::of(key) {
        for &p in &offered {
            // Against the most lenient brief target it compares with.
            let verdicts: Vec<(&Figure, bool)> = asked
                .iter()
                .filter_map(|&b| worse(key, measure, b, p).map(|w| (b, w)))
                .collect();
            if verdicts.is_empty() {
                continue;
            }
            comparable.get_or_insert(p);
            if verdicts.iter().all(|(_, w)| *w) {
                let lenient = verdicts
                    .iter()
                    .map(|(b, _)| *b)
                    .max_by(|x, y| {
                        let bound = |f: &Figure| {
                            let (low, high) = f.amount().map_or((None, None), Amount::bounds);
                            if measure.lower_is_better {
                                high.unwrap_or(f64::MAX)
                            } else {
                                -low.unwrap_or(f64::MIN)
                            }
                        };
                        bound(x).total_cmp(&bound(y))
                    })
                    .unwrap_or(verdicts[0].0);
                conflicts.push((p, lenient));
            }
        }
    }
    let verdict = if !conflicts.is_empty() {
        Verdict::Conflict
    } else if comparable.is_some() {
        Verdict::Meets
    } else if offered.is_empty() {
        Verdict::NotAddressed
    } else {
        Verdict::NotComparable
    };
    // Shown when the brief sets no level: its change ("+12 points"), for the reader.
    let change = || {
        brief
            .figures
            .stated()
            .find(|f| f.kpi == Some(kpi) && f.committed && f.kind == Kind::Target && !f.partial)
    };
    let brief_figure = conflicts.first().map(|(_, b)| *b).or_else(|| {
        asked
            .iter()
            .find(|f| brief.sections[f.segment].is_objectives())
            .or(asked.first())
            .copied()
            .or_else(change)
    });
    KpiComparison {
        kpi,
        brief: brief_figure,
        proposal: conflicts
            .first()
            .map(|(p, _)| *p)
            .or(comparable)
            .or(offered.first().copied()),
        verdict,
        conflicts,
    }
}

/// Where a proposal's total comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TotalSource {
    /// A total row, a "Total: …" line, or the budget a sentence states ("Budget: £95,000",
    /// "nous maintenons le budget à 45 000 € HT").
    Stated,
    /// "Raise the budget to X", "porter le budget à X", "увеличить бюджет до X".
    Raise,
    /// The sum of a budget table that states no total (reported on its last row).
    Sum,
}

/// A total the proposal asks for.
#[derive(Debug, Clone)]
pub struct Total {
    pub value: f64,
    pub currency: Currency,
    pub tax: Option<Tax>,
    pub period: Option<Period>,
    /// Byte range in the proposal's source.
    pub span: Range<usize>,
    pub source: TotalSource,
}

/// The brief's budget against the proposal's totals.
#[derive(Debug, Clone)]
pub struct BudgetComparison<'a> {
    pub brief: Option<&'a Figure>,
    /// Every total the proposal states, raises to or implies by a budget table.
    pub totals: Vec<Total>,
    pub verdict: Verdict,
    /// Indexes in `totals` of those above the budget.
    pub conflicts: Vec<usize>,
}

fn money(figure: &Figure) -> Option<(Currency, &Amount)> {
    let amount = figure.amount()?;
    match amount.unit {
        Unit::Currency(c) if amount.relative.is_none() => Some((c, amount)),
        _ => None,
    }
}

/// The brief's budget: a stated total, else its one budget figure in prose (the largest
/// when a sentence splits it, none when a list itemises it without a total).
fn brief_budget(brief: &Analysis) -> Option<&Figure> {
    let candidates: Vec<&Figure> = brief
        .figures
        .stated()
        .filter(|f| matches!(f.kind, Kind::Budget | Kind::Total) && money(f).is_some())
        .collect();
    if let Some(total) = candidates.iter().find(|f| f.kind == Kind::Total) {
        return Some(total);
    }
    let prose: Vec<&Figure> = candidates
        .into_iter()
        .filter(|f| {
            !matches!(
                brief.doc.segments[f.segment].kind,
                SegmentKind::TableRow { .. }
            )
        })
        .collect();
    let items = prose
        .iter()
        .filter(|f| {
            matches!(
                brief.doc.segments[f.segment].kind,
                SegmentKind::ListItem { .. }
            )
        })
        .map(|f| f.segment)
        .collect::<std::collections::BTreeSet<_>>();
    if items.len() > 1 {
        return None;
    }
    let currency = money(prose.first()?)?.0;
    prose
        .into_iter()
        .filter(|f| money(f).is_some_and(|(c, _)| c == currency))
        .max_by(|a, b| upper(a).total_cmp(&upper(b)))
}

/// The most a budget figure allows.
fn upper(figure: &Figure) -> f64 {
    figure
        .amount()
        .map(|a| a.bounds().1.unwrap_or(a.value))
        .unwrap_or(0.0)
}

/// Words between "budget" and an amount that make it the budget's level ("porter le budget
/// à", "raise the budget to", "увеличить бюджет до"); after a raise verb, "de", "by" and
/// "на" give an increment instead.
const LEVEL_AFTER_RAISE: &[&str] = &["to", "à", "a", "au", "до", "jusqu'à", "jusqu’à"];
/// The same without a raise verb: "Budget: £95,000", "maintenons le budget à 45 000 €",
/// "Бюджет — 5 млн ₽".
const LEVEL: &[&str] = &[
    "to",
    "à",
    "a",
    "au",
    "до",
    "jusqu'à",
    "jusqu’à",
    ":",
    "—",
    "–",
    "-",
    "of",
    "de",
    "is",
    "est",
    "is now",
    "составит",
    "становить",
    "складе",
];

/// How far before the amount its budget word (or raise phrase) may stand ("бюджет на
/// подарки до").
const BUDGET_WORD_REACH: usize = 30;

/// The totals a proposal states or asks for, in document order.
fn proposal_totals(proposal: &Analysis) -> Vec<Total> {
    let mut totals = Vec::new();
    for figure in proposal.figures.stated() {
        let Some((currency, amount)) = money(figure) else {
            continue;
        };
        let segment = &proposal.doc.segments[figure.segment];
        let source = match figure.kind {
            Kind::Total if !figure.partial => TotalSource::Stated,
            Kind::Budget if !matches!(segment.kind, SegmentKind::TableRow { .. }) => {
                let start = amount.range.start;
                let before_amount = |h: &crate::dictionary::Hit<Cue>| {
                    segment.folded.original_range(h.folded.clone()).end <= start
                };
                let raised = proposal
                    .cues_in(figure.segment, Cue::RaiseVerb)
                    .any(before_amount);
                // "budget", or a raise phrase that names it ("porter le budget").
                let budget_word = proposal.cues[figure.segment]
                    .iter()
                    .filter(|h| matches!(h.payload, Cue::SpendWord | Cue::RaiseVerb))
                    .filter(|h| before_amount(h))
                    .any(|h| {
                        segment.folded.original_range(h.folded.clone()).end + BUDGET_WORD_REACH
                            >= start
                    });
                let before = super::lower_before(&segment.text, start);
                let ends = |words: &[&str]| {
                    words.iter().any(|w| {
                        before
                            .strip_suffix(w)
                            .is_some_and(|rest| !rest.ends_with(char::is_alphanumeric))
                    })
                };
                let level = if raised {
                    ends(LEVEL_AFTER_RAISE)
                } else {
                    ends(LEVEL)
                };
                if !(budget_word && level) {
                    continue;
                }
                if raised {
                    TotalSource::Raise
                } else {
                    TotalSource::Stated
                }
            }
            _ => continue,
        };
        totals.push(Total {
            value: amount.bounds().1.unwrap_or(amount.value),
            currency,
            tax: figure.tax,
            period: figure.period,
            span: figure.span.clone(),
            source,
        });
    }
    for table in &proposal.figures.tables {
        for (col, column) in table.columns.iter().enumerate() {
            if !column.money || table.rows.iter().any(|r| r.total && cell(r, col).is_some()) {
                continue;
            }
            let cells: Vec<&super::Cell> = table.rows.iter().filter_map(|r| cell(r, col)).collect();
            let Some(last) = cells.last() else {
                continue;
            };
            let Unit::Currency(currency) = last.amount.unit else {
                continue;
            };
            if cells.len() < 2 || cells.iter().any(|c| c.amount.unit != last.amount.unit) {
                continue;
            }
            totals.push(Total {
                value: cells.iter().map(|c| c.amount.value).sum(),
                currency,
                tax: last.amount.tax,
                period: None,
                span: last.span.clone(),
                source: TotalSource::Sum,
            });
        }
    }
    totals.sort_by_key(|t| t.span.start);
    totals
}

fn cell(row: &super::Row, col: usize) -> Option<&super::Cell> {
    row.cells.get(col).and_then(Option::as_ref)
}

/// The brief's budget against the proposal's totals: a total above it in the same currency
/// and tax scope conflicts.
pub fn budget<'a>(brief: &'a Analysis, proposal: &'a Analysis) -> BudgetComparison<'a> {
    let budget = brief_budget(brief);
    let totals = proposal_totals(proposal);
    let mut conflicts = Vec::new();
    let mut comparable = false;
    if let Some((currency, _)) = budget.and_then(money) {
        let limit = budget.map_or(0.0, upper);
        let tax = budget.and_then(|b| b.tax);
        let period = budget.and_then(|b| b.period);
        let mut reported: Vec<f64> = Vec::new();
        for (i, total) in totals.iter().enumerate() {
            let same_tax = tax.is_none() || total.tax.is_none() || tax == total.tax;
            if total.currency != currency || !same_tax || total.period != period {
                continue;
            }
            comparable = true;
            let repeated = reported
                .iter()
                .any(|&v| (v - total.value).abs() <= v * EPSILON);
            if total.value > limit * (1.0 + EPSILON) && !repeated {
                reported.push(total.value);
                conflicts.push(i);
            }
        }
    }
    let verdict = if !conflicts.is_empty() {
        Verdict::Conflict
    } else if comparable {
        Verdict::Meets
    } else if totals.is_empty() {
        Verdict::NotAddressed
    } else {
        Verdict::NotComparable
    };
    BudgetComparison {
        brief: budget,
        totals,
        verdict,
        conflicts,
    }
}

/// The brief's campaign window: from `start` to `end` (either may be open).
#[derive(Debug, Clone)]
pub struct Window<'a> {
    pub start: Option<Day>,
    pub end: Option<Day>,
    /// The figures it was read from.
    pub figures: Vec<&'a Figure>,
    /// Only a deadline was given: flights must start by `end`.
    pub deadline_only: bool,
}

/// A flight of the proposal (the campaign or a phase of it) and whether it runs outside
/// the brief's window.
#[derive(Debug, Clone)]
pub struct Flight<'a> {
    pub figure: &'a Figure,
    pub start: Option<Day>,
    pub end: Option<Day>,
    pub outside: bool,
}

/// Days since year 0, roughly (31-day months): enough to order days and measure gaps.
fn ordinal(day: Day) -> Option<i64> {
    Some(i64::from(day.year?) * 372 + i64::from(day.month) * 31 + i64::from(day.day.unwrap_or(1)))
}

/// The campaign window the brief sets: its campaign windows (else the windows of its
/// timing section) joined, else a campaign deadline.
pub fn window(brief: &Analysis) -> Option<Window<'_>> {
    let year = brief.figures.year;
    let dates: Vec<&Figure> = brief
        .figures
        .stated()
        .filter(|f| f.kind == Kind::Date)
        .collect();
    let campaign = |f: &&Figure| f.date().is_some_and(|(_, u)| u == DateUse::Campaign);
    let timing = |f: &&Figure| brief.sections[f.segment].has(SectionKind::Timing);
    let of_kind = |kind: DateKind| move |f: &&Figure| f.date().is_some_and(|(d, _)| d.kind == kind);
    let mut windows: Vec<&Figure> = dates
        .iter()
        .copied()
        .filter(campaign)
        .filter(of_kind(DateKind::Window))
        .collect();
    if windows.is_empty() {
        windows = dates
            .iter()
            .copied()
            .filter(timing)
            .filter(of_kind(DateKind::Window))
            .collect();
    }
    if windows.is_empty() {
        let deadline = dates
            .iter()
            .copied()
            .filter(campaign)
            .find(of_kind(DateKind::Deadline))?;
        let (date, _) = deadline.date()?;
        let end = year.map_or(date.end, |y| date.end.or_year(y));
        return Some(Window {
            start: None,
            end: Some(end),
            figures: vec![deadline],
            deadline_only: true,
        });
    }
    let spans: Vec<(Day, Day)> = windows
        .iter()
        .filter_map(|f| f.date())
        .map(|(d, _)| match year {
            Some(y) => {
                let d = d.or_year(y);
                (d.start, d.end)
            }
            None => (d.start, d.end),
        })
        .collect();
    let start = spans
        .iter()
        .map(|s| s.0)
        .reduce(|a, b| if b < a { b } else { a });
    let end = spans
        .iter()
        .map(|s| s.1)
        .reduce(|a, b| if b > a { b } else { a });
    Some(Window {
        start,
        end,
        figures: windows,
        deadline_only: false,
    })
}

/// The proposal's flights, each placed in the year nearest the window when it gives none.
pub fn flights<'a>(proposal: &'a Analysis, window: &Window<'_>) -> Vec<Flight<'a>> {
    let year = window
        .start
        .and_then(|d| d.year)
        .or(window.end.and_then(|d| d.year))
        .or(proposal.figures.year);
    proposal
        .figures
        .stated()
        .filter_map(|figure| {
            let (date, purpose) = figure.date()?;
            if purpose != DateUse::Campaign {
                return None;
            }
            let placed = match year {
                Some(y) if date.start.year.is_none() || date.end.year.is_none() => {
                    [y - 1, y, y + 1]
                        .into_iter()
                        .map(|y| date.or_year(y))
                        .min_by_key(|d| distance(d.start, d.end, window))
                        .unwrap_or_else(|| date.clone())
                }
                _ => date.clone(),
            };
            let (start, end) = match placed.kind {
                DateKind::Start => (Some(placed.start), None),
                DateKind::Deadline => (None, Some(placed.end)),
                DateKind::Point | DateKind::Window => (Some(placed.start), Some(placed.end)),
            };
            // "уже в апреле" against a window from 7 April: a month compares by months.
            let text = &proposal.doc.source.text[figure.span.clone()];
            let by_month = !text
                .split(|c: char| !c.is_ascii_digit())
                .any(|n| (1..=2).contains(&n.len()));
            let key = |d: Day| if by_month { Day { day: None, ..d } } else { d };
            let window_key = |d: Option<Day>| d.map(key);
            let outside = if window.deadline_only {
                start
                    .zip(window_key(window.end))
                    .is_some_and(|(s, e)| key(s) > e)
            } else {
                start
                    .zip(window_key(window.start))
                    .is_some_and(|(s, w)| key(s) < w)
                    || end
                        .zip(window_key(window.end))
                        .is_some_and(|(e, w)| key(e) > w)
            };
            Some(Flight {
                figure,
                start,
                end,
                outside,
            })
        })
        .collect()
}

/// How far a span lies outside the window, in days (0 inside).
fn distance(start: Day, end: Day, window: &Window<'_>) -> i64 {
    let before = window
        .start
        .and_then(ordinal)
        .zip(ordinal(start))
        .map_or(0, |(w, s)| (w - s).max(0));
    let after = window
        .end
        .and_then(ordinal)
        .zip(ordinal(end))
        .map_or(0, |(w, e)| (e - w).max(0));
    before + after
}
