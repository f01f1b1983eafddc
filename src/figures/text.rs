//! Case-insensitive phrase matching at byte offsets, forwards and backwards, without
//! allocating: cue tables are matched around each number instead of lower-casing the text.
//!
//! Patterns are written in lower case; a space in a pattern matches one or more whitespace
//! characters (including no-break and thin spaces), and typographic apostrophes match `'`.

use std::sync::OnceLock;

/// A table of phrases and what each means, looked up by the character a phrase starts or
/// ends with: cue tables are matched around every number, and the index keeps a lookup to
/// the few phrases that can match there.
pub(super) struct Table<T: 'static> {
    pub(super) entries: &'static [(&'static str, T)],
    index: OnceLock<Index>,
}

/// Entry numbers sorted by first character, and by last character.
struct Index {
    first: Vec<(char, u16)>,
    last: Vec<(char, u16)>,
}

impl<T> Table<T> {
    pub(super) const fn new(entries: &'static [(&'static str, T)]) -> Self {
        Table {
            entries,
            index: OnceLock::new(),
        }
    }

    fn index(&self) -> &Index {
        self.index.get_or_init(|| {
            let mut first = Vec::with_capacity(self.entries.len());
            let mut last = Vec::with_capacity(self.entries.len());
            for (i, (pat, _)) in self.entries.iter().enumerate() {
                let i = u16::try_from(i).expect("cue tables are small");
                if let (Some(f), Some(l)) = (pat.chars().next(), pat.chars().next_back()) {
                    first.push((f, i));
                    last.push((l, i));
                }
            }
            first.sort_unstable();
            last.sort_unstable();
            Index { first, last }
        })
    }

    /// The entries whose phrase starts with `c`, in table order.
    fn starting_with(&self, c: char) -> impl Iterator<Item = &(&'static str, T)> {
        Self::keyed(&self.index().first, c).map(|i| &self.entries[i])
    }

    /// The entries whose phrase ends with `c`, in table order.
    fn ending_with(&self, c: char) -> impl Iterator<Item = &(&'static str, T)> {
        Self::keyed(&self.index().last, c).map(|i| &self.entries[i])
    }

    fn keyed(keys: &[(char, u16)], c: char) -> impl Iterator<Item = usize> + '_ {
        let from = keys.partition_point(|&(k, _)| k < c);
        keys[from..]
            .iter()
            .take_while(move |&&(k, _)| k == c)
            .map(|&(_, i)| usize::from(i))
    }
}

/// Folds a character for comparison: lower case, `ё` as `е`, every apostrophe as `'`.
/// Latin-1 and Cyrillic letters, nearly all briefs are written in, skip the Unicode tables:
/// this runs on every character near every number.
#[inline]
pub(super) fn fold(c: char) -> char {
    let lower = match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' => return '\'',
        'ё' | 'Ё' => return 'е',
        c if c.is_ascii() => return c.to_ascii_lowercase(),
        'А'..='Я' | 'À'..='Þ' if c != '×' => c as u32 + 0x20,
        'Ѐ'..='Џ' => c as u32 + 0x50,
        'а'..='я' | 'ѐ'..='џ' | 'ß'..='ÿ' => return c,
        'Ґ' => return 'ґ',
        c => return c.to_lowercase().next().unwrap_or(c),
    };
    char::from_u32(lower).unwrap_or(c)
}

/// `char::is_alphabetic`, with ASCII, Latin-1, Cyrillic and common punctuation answered
/// without the Unicode tables.
pub(super) fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | 'А'..='я' | 'Ѐ'..='Џ' | 'ѐ'..='џ' | 'Ґ' | 'ґ' => true,
        'À'..='ÿ' => c != '×' && c != '÷',
        '\0'..='\u{bf}' | '\u{2000}'..='\u{206f}' | '€' | '₽' | '₴' => false,
        c => c.is_alphabetic(),
    }
}

/// `char::is_alphanumeric` with the same fast paths.
pub(super) fn is_letter_or_digit(c: char) -> bool {
    match c {
        '0'..='9' => true,
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\u{bf}' | '\u{2000}'..='\u{206f}' | '€' | '₽' | '₴' => false,
        c => is_letter(c) || c.is_numeric(),
    }
}

fn is_word_char(c: char) -> bool {
    is_letter_or_digit(c)
}

/// The character ending at `pos`; `None` at the start or off a character boundary.
pub(super) fn char_before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos)?.chars().next_back()
}

/// The character starting at `pos`; `None` at the end or off a character boundary.
pub(super) fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..)?.chars().next()
}

/// Position after the whitespace that starts at `pos`.
pub(super) fn skip_ws(text: &str, pos: usize) -> usize {
    text[pos..]
        .char_indices()
        .find(|&(_, c)| !c.is_whitespace())
        .map_or(text.len(), |(i, _)| pos + i)
}

/// Position before the whitespace that ends at `pos`.
pub(super) fn skip_ws_back(text: &str, pos: usize) -> usize {
    text[..pos]
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// End of `pat` matched at the start of `text[pos..]`, respecting word boundaries at both
/// ends of the match when the pattern starts or ends with a letter or digit.
pub(super) fn match_at(text: &str, pos: usize, pat: &str) -> Option<usize> {
    let hay = &text[pos..];
    let mut h = hay.char_indices().peekable();
    for pc in pat.chars() {
        if pc == ' ' {
            let mut seen = false;
            while let Some(&(_, c)) = h.peek() {
                if !c.is_whitespace() {
                    break;
                }
                seen = true;
                h.next();
            }
            if !seen {
                return None;
            }
        } else {
            let (_, c) = h.next()?;
            if fold(c) != pc {
                return None;
            }
        }
    }
    let end = h.peek().map_or(text.len(), |&(i, _)| pos + i);
    let first_word = pat.chars().next().is_some_and(is_word_char);
    let last_word = pat.chars().next_back().is_some_and(is_word_char);
    // A digit may touch the match: units are glued to numbers ("2bn", "15s").
    if first_word && char_before(text, pos).is_some_and(is_letter) {
        return None;
    }
    if last_word && char_at(text, end).is_some_and(is_word_char) {
        return None;
    }
    Some(end)
}

/// Start of `pat` matched so that it ends exactly at `end`, with the same boundary rules.
pub(super) fn match_before(text: &str, end: usize, pat: &str) -> Option<usize> {
    let hay = &text[..end];
    let mut h = hay.char_indices().rev().peekable();
    let mut start = end;
    for pc in pat.chars().rev() {
        if pc == ' ' {
            let mut seen = false;
            while let Some(&(i, c)) = h.peek() {
                if !c.is_whitespace() {
                    break;
                }
                seen = true;
                start = i;
                h.next();
            }
            if !seen {
                return None;
            }
        } else {
            let (i, c) = h.next()?;
            if fold(c) != pc {
                return None;
            }
            start = i;
        }
    }
    let first_word = pat.chars().next().is_some_and(is_word_char);
    let last_word = pat.chars().next_back().is_some_and(is_word_char);
    if first_word && char_before(text, start).is_some_and(is_word_char) {
        return None;
    }
    // A digit may follow: currency codes are glued to numbers ("USD1.2m").
    if last_word && char_at(text, end).is_some_and(is_letter) {
        return None;
    }
    Some(start)
}

/// Longest entry of `table` starting at `pos`: its end and value.
pub(super) fn longest_at<T: Copy>(text: &str, pos: usize, table: &Table<T>) -> Option<(usize, T)> {
    let first = fold(char_at(text, pos)?);
    table
        .starting_with(first)
        .filter_map(|&(pat, v)| match_at(text, pos, pat).map(|end| (end, v)))
        .max_by_key(|&(end, _)| end)
}

/// Longest entry of `table` ending at `end`: its start and value.
pub(super) fn longest_before<T: Copy>(
    text: &str,
    end: usize,
    table: &Table<T>,
) -> Option<(usize, T)> {
    let last = fold(char_before(text, end)?);
    table
        .ending_with(last)
        .filter_map(|&(pat, v)| match_before(text, end, pat).map(|start| (start, v)))
        .min_by_key(|&(start, _)| start)
}

/// The last word of `text[from..to]` that starts with one of `stems`, with its value.
pub(super) fn last_stem<T: Copy>(
    text: &str,
    from: usize,
    to: usize,
    stems: &Table<T>,
) -> Option<T> {
    let window = &text[from..to];
    let mut found = None;
    let mut word_start = None;
    for (i, c) in window
        .char_indices()
        .chain(std::iter::once((window.len(), ' ')))
    {
        if is_word_char(c) || c == '\'' || c == '\u{2019}' {
            word_start.get_or_insert(i);
        } else if let Some(s) = word_start.take() {
            let word = &window[s..i];
            let first = word.chars().next().map_or(' ', fold);
            if let Some(&(_, v)) = stems
                .starting_with(first)
                .find(|(stem, _)| match_prefix(word, stem))
            {
                found = Some(v);
            }
        }
    }
    found
}

fn match_prefix(word: &str, stem: &str) -> bool {
    let mut w = word.chars();
    stem.chars()
        .all(|sc| w.next().is_some_and(|c| fold(c) == sc))
}

/// The offset `chars` characters before `pos` (or 0).
pub(super) fn chars_back(text: &str, pos: usize, chars: usize) -> usize {
    text[..pos]
        .char_indices()
        .rev()
        .nth(chars.saturating_sub(1))
        .map_or(0, |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_across_case_spaces_and_apostrophes() {
        let t = "Jusqu\u{2019}à\u{a0}48";
        assert_eq!(match_at(t, 0, "jusqu'à "), Some(t.len() - 2));
        assert_eq!(match_before(t, t.len() - 2, "jusqu'à "), Some(0));
    }

    #[test]
    fn respects_word_boundaries() {
        assert_eq!(match_at("maximal", 0, "max"), None);
        assert_eq!(match_at("max.", 0, "max"), Some(3));
        assert_eq!(match_before("budget до", "budget до".len(), "до"), Some(7));
        assert_eq!(match_before("ПОДО", "ПОДО".len(), "до"), None);
    }

    #[test]
    fn finds_stems_in_a_window() {
        static CHANGES: Table<u8> = Table::new(&[("augment", 1), ("rédu", 2)]);
        static SALES: Table<u8> = Table::new(&[("vent", 1)]);
        static RISES: Table<u8> = Table::new(&[("hauss", 1)]);
        let t = "Augmenter les ventes de";
        assert_eq!(last_stem(t, 0, t.len(), &CHANGES), Some(1));
        assert_eq!(last_stem(t, 0, t.len(), &SALES), Some(1));
        assert_eq!(last_stem(t, 0, t.len(), &RISES), None);
    }
}
