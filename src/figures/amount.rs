//! Amounts: a numeral read with its currency, multiplier, unit, comparator, tax scope and
//! change cues. Each number is read once, left to right; a range consumes both numbers.

use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::number::{Numeral, numeral, run_end};
use super::text::{
    Table, char_at, char_before, chars_back, is_letter, is_letter_or_digit, last_stem, longest_at,
    longest_before, match_at, match_before, skip_ws, skip_ws_back,
};
use super::words::{
    AGE_CUES, BASELINES, CHANGE_BEFORE, CHANGE_PREPOSITIONS, CHANGE_STEMS, COMPARATIVE_AFTER,
    COMPARATOR_AFTER, COMPARATOR_BEFORE, CURRENCY_AFTER, CURRENCY_BEFORE, DURATION_CUES, DURATIONS,
    HOURS, LABELS, LOOSE_POINTS, MOVE_STEMS, MULTIPLIERS, ORDINALS, PERCENT, POINTS, RANGE_JOINS,
    RANGE_OPENERS, RATIO_WORDS, TAX, TIME_CUES, TIMES, YEARS_OLD,
};
use super::{Amount, Comparator, Currency, DateSpan, Direction, Relative, Tax, Unit};
use crate::vocab::Lang;

/// How many characters back a change verb may stand from its preposition ("augmenter les
/// ventes de", "збільшити кількість заявок на", "grow average customer lifetime value
/// (LTV) by").
const STEM_WINDOW: usize = 60;

pub(super) fn scan(text: &str, lang: Lang, dates: &[DateSpan]) -> Vec<Amount> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut dates = dates.iter().peekable();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        while dates.next_if(|d| d.range.end <= i).is_some() {}
        if let Some(d) = dates.peek().filter(|d| d.range.start <= i) {
            i = d.range.end;
            continue;
        }
        let floor = out.last().map_or(0, |a: &Amount| a.range.end);
        match read(text, floor, i, lang) {
            Ok((amount, end)) => {
                i = end.max(i + 1);
                out.push(amount);
            }
            Err(skip) => i = skip.max(run_end(text, i)),
        }
    }
    ratio_words(text, &mut out);
    out
}

/// A currency, sign or "×" written before the digits.
#[derive(Default)]
struct Prefix {
    start: usize,
    currency: Option<Currency>,
    sign: Option<(Direction, Range<usize>)>,
    times: Option<Range<usize>>,
}

/// The prefix of the number at `start`, not reaching back before `floor` (the end of the
/// previous figure, whose "€" in "1€1" is not this one's).
fn prefix(text: &str, floor: usize, start: usize) -> Prefix {
    let mut p = Prefix {
        start,
        ..Prefix::default()
    };
    let near = skip_ws_back(text, start);
    if let Some((from, cur)) =
        longest_before(text, near, &CURRENCY_BEFORE).filter(|&(from, _)| from >= floor)
    {
        p.currency = Some(cur);
        p.start = from;
    } else if let Some(c @ ('x' | 'X' | '×')) = char_before(text, near) {
        let x = near - c.len_utf8();
        let before = char_before(text, x);
        let lone = !before.is_some_and(is_letter_or_digit);
        let after_number =
            char_before(text, skip_ws_back(text, x)).is_some_and(|c| c.is_ascii_digit());
        if lone && !after_number && x >= floor {
            p.times = Some(x..start);
            p.start = x;
        }
    }
    if let Some(c @ ('+' | '-' | '−' | '–' | '±')) = char_before(text, p.start) {
        let s = p.start - c.len_utf8();
        if s >= floor
            && !char_before(text, s)
                .is_some_and(|c| is_letter_or_digit(c) || matches!(c, '-' | '.' | ','))
        {
            let dir = match c {
                '+' => Direction::Up,
                '±' => Direction::Unstated,
                _ => Direction::Down,
            };
            p.sign = Some((dir, s..p.start));
            p.start = s;
        }
    }
    p
}

/// A number with its multiplier and unit, the part two ends of a range share.
struct Core {
    num: Numeral,
    /// The numeral's value, or a duration's total in seconds.
    raw: f64,
    multiplier: f64,
    unit: Option<Unit>,
    /// Ends of the numeral and multiplier, then of the unit when there is one.
    end: usize,
    unit_cue: Option<Range<usize>>,
}

impl Core {
    fn value(&self) -> f64 {
        self.raw * self.multiplier
    }
}

/// Reads the number at `start` (a digit) and what follows it. `Err` gives where to resume.
fn read(text: &str, floor: usize, start: usize, lang: Lang) -> Result<(Amount, usize), usize> {
    let fail = run_end(text, start);
    let pre = prefix(text, floor, start);
    if pre.currency.is_none() && pre.times.is_none() && glued_before(text, start) {
        return Err(fail);
    }
    if let Some(end) = phone_end(text, pre.start) {
        return Err(end);
    }
    // A currency before the number is the English order ("€1,200", "$1,200.50").
    let english = lang == Lang::En || pre.currency.is_some();
    let num = numeral(text, start, english).ok_or(fail)?;
    let after = char_at(text, num.range.end);
    if after == Some(':') {
        return clock(text, &pre, num).ok_or(fail);
    }
    if let Some(end) = time_of_day_end(text, &num, lang) {
        return Err(end);
    }
    if matches!(after, Some('/' | '°' | '^')) && pre.currency.is_none()
        || longest_at(text, num.range.end, &ORDINALS).is_some()
    {
        return Err(fail);
    }
    let mut first = core(text, &num, pre.currency, lang).ok_or(fail)?;
    // A count has no thousandths: "1,200 leads" in a French paragraph is 1200 leads.
    if num.tie && !num.integer && first.unit.is_none() && first.multiplier == 1.0 {
        let whole = numeral(text, start, !english).ok_or(fail)?;
        first = core(text, &whole, pre.currency, lang).ok_or(fail)?;
    }
    if first.unit.is_none() && is_reference(text, &pre, &first.num) {
        return Err(fail);
    }
    let lead = skip_ws_back(text, pre.start);
    let lead = if char_before(text, lead) == Some(':') {
        skip_ws_back(text, lead - 1)
    } else {
        lead
    };
    let opener = longest_before(text, lead, &RANGE_OPENERS);
    // "passer de 2 % à 3 %" is a move, not a range; looked up only when a word joins.
    let changing = || {
        let window = chars_back(text, lead, STEM_WINDOW);
        last_stem(text, window, lead, &CHANGE_STEMS).is_some()
            || last_stem(text, window, lead, &MOVE_STEMS).is_some()
    };
    let second = range_end(text, &first, opener.is_some(), changing, lang);
    let (value, high, mut unit, multiplier, mut end) = match &second {
        Some((s, low)) => (
            *low,
            Some(s.value()),
            s.unit.or(first.unit),
            s.multiplier,
            s.end,
        ),
        None => (first.value(), None, first.unit, first.multiplier, first.end),
    };
    if unit == Some(Unit::Age)
        && second.is_none()
        && longest_before(text, lead, &AGE_CUES).is_none()
    {
        return Err(first.end);
    }
    if unit.is_none() && multiplier == 1.0 && pre.currency.is_none() && first.num.is_year() {
        return Err(end);
    }
    // Codes: "007", "0800".
    if unit.is_none() && first.num.leading_zero && first.num.integer {
        return Err(end);
    }
    if unit.is_none() && pre.sign.is_none() && first.num.int_digits >= 6 && !first.num.grouped {
        return Err(end);
    }
    let unit_end = end;
    let mut relative = pre
        .sign
        .clone()
        .map(|(direction, cue)| change(direction, cue));
    if let Some(x) = pre.times.clone() {
        unit = Some(Unit::Times);
        relative = Some(change(Direction::Up, x));
    }
    if unit == Some(Unit::Times) && relative.is_none() {
        relative = Some(change(
            Direction::Up,
            first.unit_cue.clone().unwrap_or(start..end),
        ));
    }
    let mut tax = None;
    let mut tax_cue = None;
    if matches!(unit, None | Some(Unit::Currency(_)))
        && let Some((t, cue, e)) = tax_after(text, end)
    {
        tax = Some(t);
        tax_cue = Some(cue);
        end = e;
    }
    let after = cues_after(
        text,
        end,
        unit.is_some() || match_before(text, lead, "на").is_some(),
    );
    let (mut comparator, mut comparator_cue) = match after.comparator {
        Some((c, cue)) => (c, Some(cue)),
        None => (Comparator::Exact, None),
    };
    if let Some((dir, cue)) = after.comparative {
        match &mut relative {
            Some(r) if unit == Some(Unit::Times) => r.direction = dir,
            Some(_) => {}
            None => relative = Some(change(dir, cue)),
        }
    }
    if second.is_some() {
        comparator = Comparator::Range;
        comparator_cue = opener.map(|(s, ())| s..lead);
    } else if let Some((s, c)) = longest_before(text, lead, &COMPARATOR_BEFORE) {
        comparator = c;
        comparator_cue = Some(s..lead);
    }
    if relative.is_none() {
        relative = change_before(text, lead);
    }
    if let Some(baseline) = after.baseline {
        let r = relative.get_or_insert_with(|| change(Direction::Unstated, baseline.clone()));
        r.baseline = Some(baseline);
    }
    // "+6 points" is percentage points, "6 points" may be anything.
    if unit.is_none() && relative.is_some() {
        let s = skip_ws(text, unit_end);
        if let Some((e, ())) = longest_at(text, s, &LOOSE_POINTS) {
            unit = Some(Unit::Points);
            end = end.max(e);
        }
    }
    let amount = Amount {
        range: pre.start..end,
        value,
        high,
        unit: unit.unwrap_or(Unit::Count),
        multiplier,
        comparator,
        comparator_cue,
        tax,
        tax_cue,
        relative,
    };
    Ok((amount, end))
}

/// An exact amount with no cues.
fn plain(range: Range<usize>, value: f64, unit: Unit) -> Amount {
    Amount {
        range,
        value,
        high: None,
        unit,
        multiplier: 1.0,
        comparator: Comparator::Exact,
        comparator_cue: None,
        tax: None,
        tax_cue: None,
        relative: None,
    }
}

fn change(direction: Direction, cue: Range<usize>) -> Relative {
    Relative {
        direction,
        cue,
        baseline: None,
    }
}

/// Tax words after a money figure, in parentheses or after a comma too ("180 000 € (HT)",
/// "2,5 млн грн, з ПДВ"): the scope, its cue and where the figure now ends.
fn tax_after(text: &str, end: usize) -> Option<(Tax, Range<usize>, usize)> {
    let s = skip_ws(text, end);
    let (open, s) = match char_at(text, s) {
        Some('(') => (true, skip_ws(text, s + 1)),
        Some(',') => (false, skip_ws(text, s + 1)),
        _ => (false, s),
    };
    let (e, tax) = longest_at(text, s, &TAX)?;
    let end = if open && char_at(text, e) == Some(')') {
        e + 1
    } else {
        e
    };
    Some((tax, s..e, end))
}

/// Cues written after a figure, each with its range.
struct After {
    /// "max", "minimum", "ou plus", a glued "+".
    comparator: Option<(Comparator, Range<usize>)>,
    /// "de plus", "більше", "less".
    comparative: Option<(Direction, Range<usize>)>,
    /// "vs N-1", "по сравнению с прошлым годом".
    baseline: Option<Range<usize>>,
}

/// The comparator, comparative and baseline after a figure ending at `end`, in that order.
/// `comparatives`: whether "plus"/"больше" there make a change (after a unit, or after "на").
fn cues_after(text: &str, end: usize, comparatives: bool) -> After {
    let mut tail = skip_ws(text, end);
    let comparator = if char_at(text, end) == Some('+')
        && !char_at(text, end + 1).is_some_and(is_letter_or_digit)
    {
        tail = skip_ws(text, end + 1);
        Some((Comparator::Floor, end..end + 1))
    } else {
        comparator_after(text, tail).map(|(from, e, c)| {
            tail = skip_ws(text, e);
            (c, from..e)
        })
    };
    let comparative = longest_at(text, tail, &COMPARATIVE_AFTER)
        .filter(|_| comparatives)
        .map(|(e, dir)| {
            let cue = tail..e;
            tail = skip_ws(text, e);
            (dir, cue)
        });
    if matches!(char_at(text, tail), Some(',' | '(')) {
        tail = skip_ws(text, tail + 1);
    }
    let baseline = longest_at(text, tail, &BASELINES)
        .filter(|&(e, ())| !compares_a_value(text, e))
        .map(|(e, ())| tail..baseline_end(text, e));
    After {
        comparator,
        comparative,
        baseline,
    }
}

/// "vs 0,52 €" compares two levels; "vs 2024" and "vs N-1" name a baseline period.
fn compares_a_value(text: &str, cue_end: usize) -> bool {
    let s = skip_ws(text, cue_end);
    let s = longest_at(text, s, &CURRENCY_BEFORE).map_or(s, |(e, _)| skip_ws(text, e));
    if !text.as_bytes().get(s).is_some_and(u8::is_ascii_digit) {
        return false;
    }
    numeral(text, s, true).is_some_and(|n| !n.is_year())
}

/// A change cue before the number: "en hausse de", "рост на", or a change verb a few words
/// before "de", "by", "на" ("augmenter les ventes de", "збільшити кількість заявок на").
fn change_before(text: &str, lead: usize) -> Option<Relative> {
    if let Some((s, dir)) = longest_before(text, lead, &CHANGE_BEFORE) {
        return Some(change(dir, s..lead));
    }
    let (s, ()) = longest_before(text, lead, &CHANGE_PREPOSITIONS)?;
    let dir = last_stem(text, chars_back(text, s, STEM_WINDOW), s, &CHANGE_STEMS)?;
    Some(change(dir, s..lead))
}

/// A letter, or a sign or slash glued to a word, right before the digits: "GA4", "N-1",
/// "B2B", "24/7", "v1.2".
fn glued_before(text: &str, start: usize) -> bool {
    match char_before(text, start) {
        Some(c) if is_letter(c) => true,
        Some(c @ ('-' | '+' | '/' | '.' | ',' | '_' | '^' | '#' | '№')) => {
            let s = start - c.len_utf8();
            matches!(c, '^' | '#' | '№') || char_before(text, s).is_some_and(is_letter_or_digit)
        }
        _ => false,
    }
}

/// A number that names rather than counts: after a label ("Phase 2", "p. 12"), a list
/// number at the start ("3."), a footnote ("[2]").
fn is_reference(text: &str, pre: &Prefix, num: &Numeral) -> bool {
    let lead = skip_ws_back(text, pre.start);
    if pre.sign.is_none() && longest_before(text, lead, &LABELS).is_some() {
        return true;
    }
    let after = char_at(text, num.range.end);
    let then = char_at(text, num.range.end + 1);
    if lead == 0
        && num.integer
        && matches!(after, Some('.' | ')'))
        && then.is_none_or(char::is_whitespace)
    {
        return true;
    }
    let enclosed = |open, close| char_before(text, pre.start) == Some(open) && after == Some(close);
    pre.sign.is_none()
        && num.integer
        && (enclosed('[', ']') || enclosed('(', ')') && num.int_digits <= 2)
}

/// End of a phone number starting at `start`: at least nine digits in groups that are not
/// thousands ("+33 1 23 45 67 89", "8 800 555-35-35", "(044) 123 4567").
fn phone_end(text: &str, start: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = start;
    let intl = b.get(i) == Some(&b'+');
    if intl {
        i += 1;
    }
    let (mut digits, mut groups, mut odd_group, mut end) = (0, 0, false, i);
    let mut paren = false;
    while i < b.len() {
        match b[i] {
            b'0'..=b'9' => {
                let from = i;
                while i < b.len() && b[i].is_ascii_digit() {
                    i += 1;
                }
                let len = i - from;
                digits += len;
                // "13 478 472.27": a decimal tail is no phone group.
                let continues = b.get(i).is_some_and(|c| matches!(c, b' ' | b'-' | b'.'))
                    && b.get(i + 1).is_some_and(u8::is_ascii_digit);
                let decimal = from > 0 && b[from - 1] == b'.' && !continues;
                if groups > 0 && len != 3 && !decimal {
                    odd_group = true;
                }
                groups += 1;
                end = i;
            }
            b'(' | b')' => {
                paren = true;
                i += 1;
            }
            b' ' | b'-' | b'.' if i + 1 < b.len() && matches!(b[i + 1], b'0'..=b'9' | b'(') => {
                i += 1
            }
            _ => break,
        }
    }
    let starts_zero = b.get(start) == Some(&b'0');
    (digits >= 9 && groups >= 3 && (intl || paren || odd_group || starts_zero)).then_some(end)
}

/// Multiplier and unit after a numeral.
fn core(text: &str, num: &Numeral, prefix_currency: Option<Currency>, lang: Lang) -> Option<Core> {
    let pos = num.range.end;
    let s = skip_ws(text, pos);
    let glued = s == pos;
    let mut end = pos;
    let mut multiplier = 1.0;
    let mut currency = prefix_currency;
    let mut unit_cue = None;
    if let Some((e, m)) = longest_at(text, s, &MULTIPLIERS) {
        multiplier = m;
        end = e;
    } else if let Some((e, m)) =
        multiplier_letter(text, s, glued, prefix_currency.is_some() || !num.integer)
    {
        multiplier = m;
        end = e;
    }
    let mut u = skip_ws(text, end);
    if multiplier >= 1e6 && end > pos {
        // "millions d'euros", "million de dollars"
        for glue in ["d'", "de "] {
            if let Some(e) = match_at(text, u, glue)
                && longest_at(text, skip_ws(text, e), &CURRENCY_AFTER).is_some()
            {
                u = skip_ws(text, e);
            }
        }
    }
    let mut unit = None;
    if let Some((e, c)) = longest_at(text, u, &CURRENCY_AFTER) {
        currency = Some(c);
        unit_cue = Some(u..e);
        end = e;
    }
    if let Some(c) = currency {
        unit = Some(Unit::Currency(c));
    } else if multiplier == 1.0 || end > pos {
        let u = skip_ws(text, end);
        let unit_glued = u == end;
        if let Some((e, ())) = longest_at(text, u, &PERCENT) {
            unit = Some(Unit::Percent);
            unit_cue = Some(u..e);
            end = e;
        } else if let Some((e, ())) = longest_at(text, u, &POINTS) {
            unit = Some(Unit::Points);
            unit_cue = Some(u..e);
            end = e;
        } else if multiplier == 1.0 {
            if let Some((e, seconds)) = duration(text, num, u, unit_glued, lang) {
                unit = Some(Unit::Seconds);
                unit_cue = Some(u..e);
                end = e;
                return Some(Core {
                    num: num.clone(),
                    raw: seconds,
                    multiplier,
                    unit,
                    end,
                    unit_cue,
                });
            }
            if let Some((e, ())) = longest_at(text, u, &TIMES) {
                // "2 x 30''" is a product, not a ratio.
                if !char_at(text, skip_ws(text, e)).is_some_and(|c| c.is_ascii_digit()) {
                    if is_ratio(text, num, u, e) {
                        unit = Some(Unit::Times);
                    }
                    unit_cue = Some(u..e);
                    end = e;
                }
            } else if let Some((e, ())) = longest_at(text, u, &YEARS_OLD) {
                unit = Some(Unit::Age);
                unit_cue = Some(u..e);
                end = e;
            }
        }
    }
    if unit.is_none() && end == pos && char_at(text, pos).is_some_and(is_letter) {
        return None;
    }
    Some(Core {
        num: num.clone(),
        raw: num.value,
        multiplier,
        unit,
        end,
        unit_cue,
    })
}

/// Whether "fois", "times", "раз" after a number make a ratio: always as "x" or "×", and as
/// a word only with a comparative ("2 fois plus"), after "в"/"у" ("в 2 раза") or a change
/// verb ("increase threefold"). Otherwise they count occurrences ("vue 13 000 fois", "3
/// fois par semaine").
fn is_ratio(text: &str, num: &Numeral, unit_start: usize, unit_end: usize) -> bool {
    if !text[unit_start..].starts_with(is_letter)
        || text[unit_start..unit_end].eq_ignore_ascii_case("x")
    {
        return true;
    }
    let lead = skip_ws_back(text, num.range.start);
    longest_at(text, skip_ws(text, unit_end), &COMPARATIVE_AFTER).is_some()
        || match_before(text, lead, "в").is_some()
        || match_before(text, lead, "у").is_some()
        || last_stem(
            text,
            chars_back(text, lead, STEM_WINDOW),
            lead,
            &CHANGE_STEMS,
        )
        .is_some()
}

/// "k", "K", "M", "m", "bn"-style letters, where case and gluing decide.
fn multiplier_letter(text: &str, s: usize, glued: bool, money_like: bool) -> Option<(usize, f64)> {
    let c = char_at(text, s)?;
    if c == 'K'
        && glued
        && !money_like
        && matches!(&text[..s], t if t.ends_with(['4', '8']) && !t[..t.len() - 1].ends_with(|d: char| d.is_ascii_digit()))
    {
        return None; // "4K", "8K": screen resolutions
    }
    let m = match c {
        'k' | 'K' => 1e3,
        'M' => 1e6,
        'm' if glued && money_like => 1e6,
        'b' | 'B' if glued && money_like => 1e9,
        _ => return None,
    };
    let e = s + 1;
    let next = char_at(text, e);
    let ok = !next.is_some_and(is_letter_or_digit)
        || next.is_some_and(|n| {
            CURRENCY_AFTER
                .entries
                .iter()
                .any(|(p, _)| p.starts_with(n) && !is_letter(n))
        });
    ok.then_some((e, m))
}

/// A duration unit at `u` and the total in seconds, with a second part ("2 min 45 s",
/// "1 h 30"). Times of day are ruled out before.
fn duration(text: &str, num: &Numeral, u: usize, glued: bool, lang: Lang) -> Option<(usize, f64)> {
    let hyphen = char_at(text, u) == Some('-');
    let at = if hyphen { u + 1 } else { u };
    if let Some((e, per)) = longest_at(text, at, &DURATIONS) {
        let word = &text[at..e];
        if hyphen && per == 1.0 && word.len() < 3 {
            return None;
        }
        if word == "s" && glued && num.int_digits == 4 && num.value % 10.0 == 0.0 {
            return None; // "1990s"
        }
        if matches!(word, "\"" | "''" | "″") && !glued {
            return None;
        }
        let mut total = num.value * per;
        let mut end = e;
        if per == 60.0
            && let Some((e2, secs)) = part(text, e, 1.0)
        {
            total += secs;
            end = e2;
        }
        return Some((end, total));
    }
    if let Some(e) = cyrillic_seconds(text, u) {
        return Some((e, num.value));
    }
    let (e, _) = hour_unit(text, u, lang)?;
    if !num.integer {
        return None;
    }
    let minutes = minutes_after(text, e);
    let (end, extra) = minutes.unwrap_or((e, 0.0));
    Some((end, num.value * 3600.0 + extra))
}

/// An hour unit at `u`: its end, and whether it is a bare letter ("h", "ч").
fn hour_unit(text: &str, u: usize, lang: Lang) -> Option<(usize, bool)> {
    let (e, ()) = longest_at(text, u, &HOURS)?;
    let word = &text[u..e];
    // "год" is an hour in Ukrainian, a year in Russian.
    if word.starts_with("год") && lang != Lang::Uk {
        return None;
    }
    Some((e, word.chars().count() <= 2))
}

/// End of a time of day starting with `num`: "à 10 h", "14h30", "о 10 год", "9 am". A
/// bare "h" after more than four is a time too; "1 h 30" and "6 heures" are durations.
fn time_of_day_end(text: &str, num: &Numeral, lang: Lang) -> Option<usize> {
    let u = skip_ws(text, num.range.end);
    static AM_PM: Table<()> = Table::new(&[("am", ()), ("pm", ()), ("a.m.", ()), ("p.m.", ())]);
    if let Some((e, ())) = longest_at(text, u, &AM_PM) {
        return Some(e);
    }
    let (e, short) = hour_unit(text, u, lang)?;
    let lead = skip_ws_back(text, num.range.start);
    let timed = longest_before(text, lead, &TIME_CUES).is_some() || short && num.value > 4.0;
    timed.then(|| minutes_after(text, e).map_or(e, |(end, _)| end))
}

/// Minutes after an hour: "30 min" or a bare "30" ("1 h 30", "14h30"): end and seconds.
fn minutes_after(text: &str, e: usize) -> Option<(usize, f64)> {
    part(text, e, 60.0).or_else(|| {
        let s = skip_ws(text, e);
        let d = text[s..].bytes().take_while(u8::is_ascii_digit).count();
        (d == 2 && !char_at(text, s + d).is_some_and(is_letter_or_digit))
            .then(|| (s + d, text[s..s + d].parse::<f64>().unwrap_or(0.0) * 60.0))
    })
}

/// "с" (seconds) only where nothing follows it: "45 с" but not "100 000 с НДС".
fn cyrillic_seconds(text: &str, u: usize) -> Option<usize> {
    let e = match_at(text, u, "с")?;
    let e = if char_at(text, e) == Some('.') {
        e + 1
    } else {
        e
    };
    (!char_at(text, skip_ws(text, e)).is_some_and(is_letter_or_digit)).then_some(e)
}

/// A second "number unit" part of a duration, whose unit is worth `per` seconds.
fn part(text: &str, from: usize, per: f64) -> Option<(usize, f64)> {
    let s = skip_ws(text, from);
    let d = text[s..].bytes().take_while(u8::is_ascii_digit).count();
    if d == 0 || d > 2 {
        return None;
    }
    let u = skip_ws(text, s + d);
    let e = match longest_at(text, u, &DURATIONS) {
        Some((e, unit)) if unit == per => e,
        _ if per == 1.0 => cyrillic_seconds(text, u)?,
        _ => return None,
    };
    Some((e, text[s..s + d].parse::<f64>().unwrap_or(0.0) * per))
}

/// "m:ss" durations ("2:40", "0:30") and "6:1" ratios; times of day ("14:30") are none.
fn clock(text: &str, pre: &Prefix, num: Numeral) -> Option<(Amount, usize)> {
    let colon = num.range.end;
    let d = text[colon + 1..]
        .bytes()
        .take_while(u8::is_ascii_digit)
        .count();
    let end = colon + 1 + d;
    // A decimal only in a ratio: "6.5:1", "9,2:1".
    if (!num.integer && d != 1)
        || num.int_digits > 2
        || char_at(text, end).is_some_and(|c| is_letter_or_digit(c) || c == ':')
    {
        return None;
    }
    let right: f64 = text[colon + 1..end].parse().ok()?;
    // Picture formats: "16:9", "9:16", "4:5", "1:1".
    const ASPECTS: [(f64, f64); 10] = [
        (16.0, 9.0),
        (9.0, 16.0),
        (4.0, 5.0),
        (5.0, 4.0),
        (4.0, 3.0),
        (3.0, 4.0),
        (1.0, 1.0),
        (21.0, 9.0),
        (2.0, 3.0),
        (3.0, 2.0),
    ];
    if ASPECTS.contains(&(num.value, right)) {
        return None;
    }
    let (value, unit) = if d == 1 && right > 0.0 {
        (num.value / right, Unit::Times)
    } else if d == 2 && right < 60.0 {
        let lead = skip_ws_back(text, pre.start);
        let timed = longest_before(text, lead, &TIME_CUES).is_some();
        let cue = last_stem(
            text,
            chars_back(text, lead, STEM_WINDOW),
            lead,
            &DURATION_CUES,
        )
        .is_some();
        let odd = num.value < 10.0 && !matches!(right as u32, 0 | 15 | 30 | 45);
        if timed || !(cue || num.value == 0.0 || odd) {
            return None;
        }
        (num.value * 60.0 + right, Unit::Seconds)
    } else {
        return None;
    };
    Some((plain(pre.start..end, value, unit), end))
}

/// The high end of a range after `first`: "20–25 €", "20 € à 25 €", "entre 3 et 4 %".
/// `changing`: a change verb precedes, so "de 2 % à 3 %" is a move, not a range. Returns
/// the high end and the low value.
fn range_end(
    text: &str,
    first: &Core,
    opened: bool,
    changing: impl Fn() -> bool,
    lang: Lang,
) -> Option<(Core, f64)> {
    let s = skip_ws(text, first.end);
    let (e, join) = longest_at(text, s, &RANGE_JOINS)?;
    let word_join = text[s..e].chars().next().is_some_and(is_letter);
    if join.needs_opener && !opened || word_join && changing() {
        return None;
    }
    let t = skip_ws(text, e);
    let pre = prefix(text, first.end, t);
    let (num_start, currency) = match longest_at(text, t, &CURRENCY_BEFORE) {
        Some((ce, c)) => (skip_ws(text, ce), Some(c)),
        None => (t, None),
    };
    if pre.sign.is_some()
        || !text
            .as_bytes()
            .get(num_start)
            .is_some_and(u8::is_ascii_digit)
    {
        return None;
    }
    let english = lang == Lang::En
        || matches!(
            currency.or(first_currency(first)),
            Some(Currency::Usd | Currency::Gbp)
        );
    let num = numeral(text, num_start, english)?;
    if matches!(char_at(text, num.range.end), Some(':' | '/'))
        || longest_at(text, num.range.end, &ORDINALS).is_some()
    {
        return None;
    }
    let mut second = core(text, &num, currency, lang)?;
    // "18-34s" is an age band, not seconds.
    if first.unit.is_none()
        && second.unit == Some(Unit::Seconds)
        && second
            .unit_cue
            .as_ref()
            .is_some_and(|c| &text[c.clone()] == "s")
    {
        second.unit = Some(Unit::Age);
    }
    let compatible = match (first.unit, second.unit) {
        (Some(a), Some(b)) => a == b,
        (Some(_), None) => false,
        _ => true,
    };
    // A bare low end takes the high end's multiplier and unit size ("1,2–1,5 M€", "4–6
    // хвилин"), unless it is already larger than the high numeral ("500 000 – 1 M€").
    let low = if first.unit.is_none()
        && first.multiplier == 1.0
        && first.raw <= num.value
        && num.value > 0.0
    {
        first.raw * second.value() / num.value
    } else {
        first.value()
    };
    let years = first.num.is_year() && second.num.is_year();
    (compatible && low < second.value() && !years).then_some((second, low))
}

fn first_currency(core: &Core) -> Option<Currency> {
    match core.unit {
        Some(Unit::Currency(c)) => Some(c),
        _ => None,
    }
}

/// A comparator after the figure, or after the one word that names it ("10 000 leads
/// minimum", "5 000 заявок або більше"): its start, end and kind.
fn comparator_after(text: &str, s: usize) -> Option<(usize, usize, Comparator)> {
    if let Some((e, c)) = longest_at(text, s, &COMPARATOR_AFTER) {
        return Some((s, e, c));
    }
    let word = text[s..]
        .char_indices()
        .find(|&(_, c)| !is_letter(c))
        .map_or(text.len(), |(k, _)| s + k);
    if word == s {
        return None;
    }
    let t = skip_ws(text, word);
    if t == word {
        return None;
    }
    let (e, c) = longest_at(text, t, &COMPARATOR_AFTER)?;
    Some((t, e, c))
}

/// End of a baseline phrase: up to five words, stopping at punctuation.
fn baseline_end(text: &str, cue_end: usize) -> usize {
    let mut end = cue_end;
    let mut words = 0;
    let mut i = cue_end;
    while words < 5 {
        let s = skip_ws(text, i);
        let w = text[s..]
            .char_indices()
            .find(|&(_, c)| !(is_letter_or_digit(c) || matches!(c, '-' | '\'' | '’' | '/')))
            .map_or(text.len(), |(k, _)| s + k);
        if w == s {
            break;
        }
        end = w;
        i = w;
        words += 1;
        if matches!(
            char_at(text, w),
            Some(',' | ';' | ':' | ')' | '(' | '|' | '.')
        ) {
            break;
        }
    }
    end
}

/// Whether `text` holds a ratio word ("doubler", "вдвое"): a figure without a digit.
pub(super) fn has_ratio_word(text: &str) -> bool {
    ratio_matcher().is_match(text)
}

fn ratio_matcher() -> &'static AhoCorasick {
    static MATCHER: OnceLock<AhoCorasick> = OnceLock::new();
    MATCHER.get_or_init(|| {
        let patterns = RATIO_WORDS.iter().flat_map(|(p, _)| {
            let mut chars = p.chars();
            let first = chars
                .next()
                .map(|c| c.to_uppercase().collect::<String>())
                .unwrap_or_default();
            [p.to_string(), first + chars.as_str()]
        });
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns)
            .expect("ratio word patterns are valid")
    })
}

/// Ratios written in words: "doubler", "в два раза", "twice".
fn ratio_words(text: &str, out: &mut Vec<Amount>) {
    let matcher = ratio_matcher();
    let before = out.len();
    for m in matcher.find_iter(text) {
        let (pat, factor) = RATIO_WORDS[m.pattern().as_usize() / 2];
        let Some(end) = match_at(text, m.start(), pat) else {
            continue;
        };
        let s = skip_ws(text, end);
        let comparative = longest_at(text, s, &COMPARATIVE_AFTER);
        // "at least three times" counts exposures; "three times more" is a ratio.
        if comparative.is_none() && (pat.ends_with(" times") || pat.ends_with(" fois")) {
            continue;
        }
        let direction = match comparative {
            Some((_, Direction::Down)) => Direction::Down,
            _ => Direction::Up,
        };
        out.push(Amount {
            relative: Some(change(direction, m.start()..end)),
            ..plain(m.start()..end, factor, Unit::Times)
        });
    }
    if out.len() > before {
        out.sort_by_key(|a| a.range.start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The multiplier read after the numeral at the start of `text`.
    fn multiplier(text: &str, currency: Option<Currency>) -> f64 {
        let num = numeral(text, 0, false).unwrap();
        core(text, &num, currency, Lang::Fr).map_or(f64::NAN, |c| c.multiplier)
    }

    #[test]
    fn multiplier_letters_depend_on_case_and_glue() {
        assert_eq!(multiplier("60k", None), 1e3);
        assert_eq!(multiplier("20K€", None), 1e3);
        assert_eq!(multiplier("1,2 M€", None), 1e6);
        assert_eq!(multiplier("1,2m", Some(Currency::Eur)), 1e6);
        assert_eq!(multiplier("6,1m", None), 1e6);
        assert!(
            multiplier("5m", None).is_nan(),
            "5 metres or minutes: no amount"
        );
        assert_eq!(multiplier("5 m", Some(Currency::Eur)), 1.0);
        assert_eq!(multiplier("2b", Some(Currency::Usd)), 1e9);
        assert!(multiplier("4K", None).is_nan(), "a screen resolution");
        assert_eq!(multiplier("14K", None), 1e3);
    }

    #[test]
    fn multiplier_words_in_every_language() {
        for (text, m) in [
            ("2 Mds €", 1e9),
            ("3 milliards", 1e9),
            ("1,5 million", 1e6),
            ("9 500 тыс. ₽", 1e3),
            ("4 тысячи", 1e3),
            ("38 млн", 1e6),
            ("2 млрд грн", 1e9),
            ("850 тисяч", 1e3),
            ("3 мільйони", 1e6),
            ("1.5bn", 1e9),
        ] {
            assert_eq!(multiplier(text, None), m, "{text}");
        }
    }

    #[test]
    fn phones_are_told_from_thousands() {
        for phone in [
            "+33 1 23 45 67 89",
            "8 800 555-35-35",
            "(044) 123 4567",
            "01 23 45 67 89",
        ] {
            assert!(phone_end(phone, 0).is_some(), "{phone}");
        }
        for amount in ["12 000 000 000", "13 478 472.27", "+15", "1 200 000"] {
            assert_eq!(phone_end(amount, 0), None, "{amount}");
        }
    }
}
