//! Numerals: digit groups with thousands and decimal separators, as briefs write them.
//!
//! Spaces (plain, no-break, thin) only ever separate thousands. A lone `,` or `.` before
//! exactly three digits is the one real ambiguity ("1,200", "1.200"): English reads `,` as
//! thousands and `.` as decimal, French, Russian and Ukrainian the other way round, and a
//! group of "000" is thousands in every language.

use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sep {
    Space,
    Comma,
    Dot,
    Apostrophe,
}

/// A numeral read at a byte offset.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Numeral {
    pub range: Range<usize>,
    pub value: f64,
    /// No decimal part.
    pub integer: bool,
    /// Digits before the decimal separator, thousands groups included.
    pub int_digits: usize,
    /// Written with thousands separators.
    pub grouped: bool,
    /// Starts with a zero followed by more integer digits ("01", "007").
    pub leading_zero: bool,
    /// A lone "," or "." before three digits, read by the language ("1,200", "1.200").
    pub tie: bool,
}

impl Numeral {
    /// Four digits from 1900 to 2100 and nothing else: a year, unless a unit says otherwise.
    pub fn is_year(&self) -> bool {
        self.integer
            && !self.grouped
            && self.int_digits == 4
            && (1900.0..=2100.0).contains(&self.value)
    }
}

const MAX_GROUPS: usize = 8;

fn digits_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    i
}

/// The separator at `i` and its length in bytes.
fn separator(b: &[u8], i: usize) -> Option<(Sep, usize)> {
    match b.get(i..)? {
        [b' ', ..] => Some((Sep::Space, 1)),
        [b',', ..] => Some((Sep::Comma, 1)),
        [b'.', ..] => Some((Sep::Dot, 1)),
        [b'\'', ..] => Some((Sep::Apostrophe, 1)),
        [0xC2, 0xA0, ..] => Some((Sep::Space, 2)),
        [0xE2, 0x80, 0x89 | 0xAF, ..] => Some((Sep::Space, 3)),
        _ => None,
    }
}

/// End of the run of digits and single `.,/:'-` between digits that starts at `start`: the
/// stretch a numeral, a date or a code occupies, skipped whole when it is none of them.
pub(super) fn run_end(text: &str, start: usize) -> usize {
    let b = text.as_bytes();
    let mut i = digits_end(b, start);
    while i + 1 < b.len()
        && matches!(b[i], b'.' | b',' | b'/' | b':' | b'\'' | b'-')
        && b[i + 1].is_ascii_digit()
    {
        i = digits_end(b, i + 1);
    }
    i
}

/// Reads the numeral starting at the digit at `start`. `english` decides the lone-separator
/// ambiguity. `None` when the digits and separators make no number (dates, codes).
pub(super) fn numeral(text: &str, start: usize, english: bool) -> Option<Numeral> {
    let b = text.as_bytes();
    let mut groups = [(Sep::Space, 0usize, 0usize); MAX_GROUPS];
    let mut n = 1;
    groups[0] = (Sep::Space, start, digits_end(b, start));
    let mut end = groups[0].2;
    while let Some((sep, len)) = separator(b, end) {
        let from = end + len;
        let to = digits_end(b, from);
        if to == from || n == MAX_GROUPS {
            break;
        }
        if sep == Sep::Space {
            let first_len = groups[0].2 - groups[0].1;
            let all_spaces = groups[1..n].iter().all(|g| g.0 == Sep::Space);
            if to - from != 3 || first_len > 3 || !all_spaces {
                break;
            }
        }
        groups[n] = (sep, from, to);
        n += 1;
        end = to;
    }
    let groups = &groups[..n];
    let (decimal_at, tie) = decimal_group(b, groups, english)?;
    // Digits and one '.' gathered on the stack, then parsed: correctly rounded ("0,3" is
    // 0.3, not 0.30000000000000004).
    let mut buf = [0u8; 64];
    let mut len = 0;
    let mut int_digits = 0;
    for (k, &(_, from, to)) in groups.iter().enumerate() {
        if Some(k) == decimal_at {
            *buf.get_mut(len)? = b'.';
            len += 1;
        } else {
            int_digits += to - from;
        }
        buf.get_mut(len..len + (to - from))?
            .copy_from_slice(&b[from..to]);
        len += to - from;
    }
    let value: f64 = std::str::from_utf8(&buf[..len]).ok()?.parse().ok()?;
    let (_, first_from, first_to) = groups[0];
    Some(Numeral {
        range: start..end,
        value,
        integer: decimal_at.is_none(),
        int_digits,
        grouped: decimal_at.map_or(n, |k| k) > 1,
        leading_zero: b[first_from] == b'0' && first_to - first_from > 1,
        tie,
    })
}

/// Index of the decimal group (`None` for an integer) and whether the language decided it;
/// `None` when the separators contradict each other ("1.04.2026", "1,2.3").
fn decimal_group(
    b: &[u8],
    groups: &[(Sep, usize, usize)],
    english: bool,
) -> Option<(Option<usize>, bool)> {
    let len = |k: usize| groups[k].2 - groups[k].1;
    let mut marks = (1..groups.len()).filter(|&k| groups[k].0 != Sep::Space);
    let Some(first_mark) = marks.next() else {
        return Some((None, false));
    };
    let last = marks.next_back().unwrap_or(first_mark);
    let last_sep = groups[last].0;
    let thousands_ok = |upto: usize| len(0) <= 3 && (1..upto).all(|k| len(k) == 3);
    let earlier_marks = (1..last).filter(|&k| groups[k].0 != Sep::Space);
    let (mut same, mut differ) = (0, 0);
    for k in earlier_marks {
        if groups[k].0 == last_sep {
            same += 1;
        } else {
            differ += 1;
        }
    }
    if last_sep == Sep::Apostrophe || same > 0 {
        // "1'200'000", "1,200,000", "1.200.000": all thousands, or nothing.
        return (differ == 0 && thousands_ok(groups.len())).then_some((None, false));
    }
    if differ > 0 {
        // "1,200.50", "1.200,50": the last mark is the decimal one.
        return (last == groups.len() - 1 && thousands_ok(last)).then_some((Some(last), false));
    }
    // A single mark, the last group.
    if last != groups.len() - 1 {
        return None;
    }
    let (_, from, to) = groups[last];
    let zeros = b[from..to].iter().all(|&d| d == b'0');
    let shape = len(last) == 3 && len(0) <= 3 && groups.len() == 2;
    let tie = shape && !zeros;
    let thousands = shape && (zeros || (last_sep == Sep::Comma) == english);
    Some((if thousands { None } else { Some(last) }, tie))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str, english: bool) -> Option<(f64, usize)> {
        numeral(s, 0, english).map(|n| (n.value, n.range.end))
    }

    #[test]
    fn spaces_of_every_kind_separate_thousands() {
        assert_eq!(read("1 200 000 €", false), Some((1_200_000.0, 9)));
        assert_eq!(read("1\u{a0}200\u{a0}000", false), Some((1_200_000.0, 11)));
        assert_eq!(read("95\u{202f}000 €", false), Some((95_000.0, 8)));
        assert_eq!(read("12\u{2009}000", false), Some((12_000.0, 8)));
        assert_eq!(read("13 478 472.27 UAH", false), Some((13_478_472.27, 13)));
    }

    #[test]
    fn spaces_need_groups_of_three() {
        assert_eq!(read("2025 120", false), Some((2025.0, 4)));
        assert_eq!(read("30 55", false), Some((30.0, 2)));
        assert_eq!(read("1 2000", false), Some((1.0, 1)));
    }

    #[test]
    fn lone_comma_or_dot_follows_the_language() {
        assert_eq!(read("1,200", true), Some((1200.0, 5)));
        assert_eq!(read("1,200", false), Some((1.2, 5)));
        assert_eq!(read("1.200", false), Some((1200.0, 5)));
        assert_eq!(read("1.200", true), Some((1.2, 5)));
        assert_eq!(read("60,000", false), Some((60_000.0, 6)));
        assert_eq!(read("3,5", true), Some((3.5, 3)));
        assert_eq!(read("0,3", false), Some((0.3, 3)));
        assert_eq!(read("1 200,05", false), Some((1200.05, 8)));
        assert_eq!(read("1.5", false), Some((1.5, 3)));
        assert_eq!(read("1 200,500", true), Some((1200.5, 9)));
    }

    #[test]
    fn mixed_marks_put_the_decimal_last() {
        assert_eq!(read("1,200.50", false), Some((1200.5, 8)));
        assert_eq!(read("1.200,50", true), Some((1200.5, 8)));
        assert_eq!(read("1,200,000", false), Some((1_200_000.0, 9)));
        assert_eq!(read("5.260.544", true), Some((5_260_544.0, 9)));
        assert_eq!(read("1'200'000", true), Some((1_200_000.0, 9)));
    }

    #[test]
    fn contradictory_marks_are_no_number() {
        assert_eq!(read("1.04.2026", false), None);
        assert_eq!(read("1,2.3", false), None);
        assert_eq!(read("1.200,5.2", false), None);
    }

    #[test]
    fn runs_cover_dates_and_codes() {
        assert_eq!(run_end("01/04/2026 x", 0), 10);
        assert_eq!(run_end("2026-04-01", 0), 10);
        assert_eq!(run_end("14:30", 0), 5);
        assert_eq!(run_end("3. Item", 0), 1);
    }

    #[test]
    fn ties_are_flagged() {
        assert!(numeral("1,200", 0, false).unwrap().tie);
        assert!(numeral("1.200", 0, true).unwrap().tie);
        assert!(!numeral("1,000", 0, false).unwrap().tie);
        assert!(!numeral("1,25", 0, false).unwrap().tie);
        assert!(!numeral("1,200.5", 0, false).unwrap().tie);
    }

    #[test]
    fn years_are_four_bare_digits() {
        assert!(numeral("2026", 0, false).unwrap().is_year());
        assert!(!numeral("2 026", 0, false).unwrap().is_year());
        assert!(!numeral("2500", 0, false).unwrap().is_year());
        assert!(!numeral("2026,5", 0, false).unwrap().is_year());
    }

    #[test]
    fn reports_shape() {
        let n = numeral("007", 0, false).unwrap();
        assert!(n.leading_zero && n.integer && !n.grouped);
        let n = numeral("1 200,5", 0, false).unwrap();
        assert!(!n.integer && n.grouped && n.int_digits == 4);
    }
}
