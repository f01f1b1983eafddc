//! Figures in prose: amounts (money, percentages, counts, durations, ratios) and dates, read
//! from one decoded paragraph (a sentence, a list item, or a table row with its cells joined
//! by " | ") with exact byte ranges, so that rules can compare a proposal's figures with its
//! brief's. [`read`] returns both kinds in one pass; numbers inside dates are not amounts.
//!
//! An [`Amount`] is a number with everything written next to it that changes what it means:
//! - its multiplier ("1,2 M€", "9 500 тыс. ₽", "60k", "2 millions d'euros"), applied to
//!   [`Amount::value`] and kept in [`Amount::multiplier`];
//! - its [`Unit`]: a currency (ISO code), percent, percentage points, seconds, a ratio ("×2",
//!   "в 2 раза", "doubler"), an age ("25–45 ans"), or a plain count ("1 200 ventes");
//! - its [`Comparator`]: a cap ("at most", "jusqu'à", "не более", "до"), a floor ("au
//!   moins", "щонайменше", "від", "10 000+"), a range ("20–25 €", "entre 3 et 4 %"), or
//!   exact. [`Amount::bounds`] turns it into lower and upper bounds;
//! - its [`Tax`] scope: excluding VAT ("HT", "ex VAT", "без НДС") or including it ("TTC",
//!   "з ПДВ");
//! - a [`Relative`] change rather than a level: a sign ("+15 %"), change words before ("en
//!   hausse de", "рост на") or a change verb a few words before "de"/"by"/"на" ("augmenter
//!   les ventes de 20 %"), a comparative after ("на 20 % більше", "15 % de plus"), and the
//!   baseline words when written ("vs N-1", "по сравнению с прошлым годом").
//!
//! Every cue that decided a comparator, tax scope or change is exposed with its byte range,
//! so that a rule can quote it. Separators follow the language only where they are truly
//! ambiguous: "1,200" is 1200 in English and 1.2 in French; a currency written before the
//! number ("€1,200") reads the English way.
//!
//! A [`DateSpan`] is a day, month, quarter, half-year or season, or a window between two of
//! them ("du 15 juillet au 15 septembre", "1.04–30.06.2026"), and is a [`DateKind::Point`],
//! a [`DateKind::Window`], a [`DateKind::Start`] ("à partir du 1er mars") or a
//! [`DateKind::Deadline`] ("d'ici fin juin", "до 1 вересня"). A [`Day`] whose year is not
//! written compares only with other such days; [`DateSpan::or_year`] fills the year from
//! context.
//!
//! Deliberately not read, because a linter that cries wolf gets uninstalled: years ("in
//! 2026", "2025–2026"), list numbering ("3."), ordinals ("1st", "2e", "3-й"), times of day
//! ("14h30", "à 9 h", "9:00", "9 am"), phone numbers, codes, identifiers and model numbers
//! ("GA4", "4K", "iPhone 15", "Phase 2", "№ 034/22", "ИНН 7701234567"), picture formats
//! ("16:9"), banner sizes ("300x250"), footnote marks (`[2]`), fractions ("24/7"), numbers
//! glued to letters this module does not know, years alone as dates, approximations ("about",
//! "environ": read as exact), and which KPI a figure belongs to, which needs the section and
//! the sentence.

mod amount;
mod date;
mod number;
mod text;
mod words;

use std::ops::Range;

pub use date::{DateKind, DateSpan, Day};

use crate::vocab::Lang;

/// A number and the words around it that decide what it means.
#[derive(Debug, Clone, PartialEq)]
pub struct Amount {
    /// Bytes of the currency, sign, number(s), multiplier, unit and tax words.
    pub range: Range<usize>,
    /// The value with its multiplier applied; the low end of a range.
    pub value: f64,
    /// The high end of a range ("20–25 €").
    pub high: Option<f64>,
    pub unit: Unit,
    /// The multiplier that was applied: 1, 1e3, 1e6 or 1e9.
    pub multiplier: f64,
    pub comparator: Comparator,
    /// The words that made the comparator ("au maximum", "≤", "от", "minimum").
    pub comparator_cue: Option<Range<usize>>,
    pub tax: Option<Tax>,
    /// The words that gave the tax scope ("HT", "з ПДВ").
    pub tax_cue: Option<Range<usize>>,
    /// Set when the figure is a change rather than a level.
    pub relative: Option<Relative>,
}

impl Amount {
    /// The lowest and highest values the figure allows: a cap has no floor, a floor no cap,
    /// an exact figure is both ("CPA max 48 €" allows up to 48; "20–25 €" from 20 to 25).
    pub fn bounds(&self) -> (Option<f64>, Option<f64>) {
        match self.comparator {
            Comparator::Exact => (Some(self.value), Some(self.value)),
            Comparator::Cap => (None, Some(self.value)),
            Comparator::Floor => (Some(self.value), None),
            Comparator::Range => (Some(self.value), self.high),
        }
    }
}

/// What an amount counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Currency(Currency),
    Percent,
    /// Percentage points ("+2 pp", "3 п.п.").
    Points,
    /// A duration, in seconds ("30''", "2 min 45 s", "1 h 30").
    Seconds,
    /// A ratio or multiplier ("×2", "в 2 раза", "doubler").
    Times,
    /// An age of people ("25–45 ans", "18–35 років").
    Age,
    /// A plain number: units, leads, sales, GRPs.
    Count,
}

/// Currencies that briefs in the four languages use, named by ISO 4217 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Currency {
    Eur,
    Usd,
    Gbp,
    Rub,
    Uah,
    Chf,
    Cad,
    Pln,
}

impl Currency {
    pub fn code(self) -> &'static str {
        match self {
            Currency::Eur => "EUR",
            Currency::Usd => "USD",
            Currency::Gbp => "GBP",
            Currency::Rub => "RUB",
            Currency::Uah => "UAH",
            Currency::Chf => "CHF",
            Currency::Cad => "CAD",
            Currency::Pln => "PLN",
        }
    }
}

/// How the figure bounds the quantity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparator {
    Exact,
    /// An upper bound: at most, up to, не более, jusqu'à.
    Cap,
    /// A lower bound: at least, plus de, не менее, від.
    Floor,
    /// Between [`Amount::value`] and [`Amount::high`].
    Range,
}

/// Whether a money amount includes VAT.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tax {
    /// HT, hors taxes, ex VAT, без НДС, без ПДВ.
    Excl,
    /// TTC, incl. VAT, с НДС, з ПДВ.
    Incl,
}

/// A change ("+15 %", "baisse de 10 %", "×2") rather than a level.
#[derive(Debug, Clone, PartialEq)]
pub struct Relative {
    pub direction: Direction,
    /// The sign or words that made it a change ("+", "en hausse de", "больше").
    pub cue: Range<usize>,
    /// What it is compared with, when written ("vs N-1", "порівняно з 2024 роком").
    pub baseline: Option<Range<usize>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    /// A change whose direction is not written ("±5 %", "15 % vs last year").
    Unstated,
}

/// Both kinds of figure of one paragraph.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figures {
    pub amounts: Vec<Amount>,
    pub dates: Vec<DateSpan>,
}

/// Reads the amounts and dates of one paragraph. Numbers inside dates are not amounts.
pub fn read(text: &str, lang: Lang) -> Figures {
    let dates = date::scan(text, lang);
    let amounts = amount::scan(text, lang, &dates);
    Figures { amounts, dates }
}

/// Whether a paragraph may hold a figure: a digit or a ratio word ("double", "вдвое").
/// Cheap, so that callers read only the paragraphs that can.
pub fn may_hold_figures(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit()) || amount::has_ratio_word(text)
}

/// The amounts of one paragraph, in text order. Use [`read`] when the dates are needed too.
pub fn amounts(text: &str, lang: Lang) -> Vec<Amount> {
    read(text, lang).amounts
}

/// The dates and windows of one paragraph, in text order.
pub fn dates(text: &str, lang: Lang) -> Vec<DateSpan> {
    date::scan(text, lang)
}

/// The first tax scope named anywhere in `text` ("Budget (ex. VAT)", "Бюджет, тис. грн з
/// ПДВ"), with its range: a sentence or a column header can give the scope of figures that
/// do not repeat it.
pub fn tax_in(haystack: &str) -> Option<(Tax, Range<usize>)> {
    let word_start = |i: usize| !text::char_before(haystack, i).is_some_and(char::is_alphanumeric);
    haystack
        .char_indices()
        .filter(|&(i, c)| (c.is_alphabetic() && word_start(i)) || c == '+')
        .find_map(|(i, _)| {
            text::longest_at(haystack, i, &words::TAX).map(|(end, tax)| (tax, i..end))
        })
}

/// The currency and multiplier a table's column header gives its cells ("Бюджет, тыс. ₽",
/// "Budget (k€)", "Бюджет, тис. грн з ПДВ"), as the amount one cell unit stands for, with
/// the header's tax scope; `None` when the header names neither.
pub fn header_unit(header: &str, lang: Lang) -> Option<Amount> {
    let starts = header
        .char_indices()
        .filter(|&(_, c)| matches!(c, ',' | '(' | '/' | ':'))
        .map(|(i, c)| i + c.len_utf8());
    starts.chain([0]).find_map(|start| {
        let tail = header[start..].trim_start().trim_end_matches(')');
        let probe = format!("1 {tail}");
        let found = amounts(&probe, lang);
        let unit = found.first().filter(|a| {
            a.range.start == 0
                && a.relative.is_none()
                && (matches!(a.unit, Unit::Currency(_)) || a.multiplier != 1.0)
        })?;
        let mut unit = unit.clone();
        unit.range = 0..0;
        unit.tax = unit.tax.or_else(|| tax_in(header).map(|(tax, _)| tax));
        unit.tax_cue = None;
        Some(unit)
    })
}
