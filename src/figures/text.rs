//! Case-insensitive phrase matching at byte offsets, forwards and backwards, without
//! allocating: cue tables are matched around each number instead of lower-casing the text.
//!
//! Patterns are written in lower case; a space in a pattern matches one or more whitespace
//! characters (including no-break and thin spaces), and typographic apostrophes match `'`.

/// Folds a character for comparison: lower case, `ё` as `е`, every apostrophe as `'`.
pub(super) fn fold(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' => '\'',
        'ё' | 'Ё' => 'е',
        c if c.is_ascii() => c.to_ascii_lowercase(),
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
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
    if first_word && char_before(text, pos).is_some_and(char::is_alphabetic) {
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
    if last_word && char_at(text, end).is_some_and(char::is_alphabetic) {
        return None;
    }
    Some(start)
}

/// Longest entry of `table` starting at `pos`: its end and value.
pub(super) fn longest_at<T: Copy>(
    text: &str,
    pos: usize,
    table: &[(&str, T)],
) -> Option<(usize, T)> {
    // Entries are tried only when their first character matches: tables run on every number.
    let first = fold(char_at(text, pos)?);
    table
        .iter()
        .filter(|(pat, _)| pat.starts_with(first))
        .filter_map(|&(pat, v)| match_at(text, pos, pat).map(|end| (end, v)))
        .max_by_key(|&(end, _)| end)
}

/// Longest entry of `table` ending at `end`: its start and value.
pub(super) fn longest_before<T: Copy>(
    text: &str,
    end: usize,
    table: &[(&str, T)],
) -> Option<(usize, T)> {
    let last = fold(char_before(text, end)?);
    table
        .iter()
        .filter(|(pat, _)| pat.ends_with(last))
        .filter_map(|&(pat, v)| match_before(text, end, pat).map(|start| (start, v)))
        .min_by_key(|&(start, _)| start)
}

/// The last word of `text[from..to]` that starts with one of `stems`, with its value.
pub(super) fn last_stem<T: Copy>(
    text: &str,
    from: usize,
    to: usize,
    stems: &[(&str, T)],
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
            if let Some(&(_, v)) = stems.iter().find(|(stem, _)| match_prefix(word, stem)) {
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
        let t = "Augmenter les ventes de";
        assert_eq!(
            last_stem(t, 0, t.len(), &[("augment", 1), ("rédu", 2)]),
            Some(1)
        );
        assert_eq!(last_stem(t, 0, t.len(), &[("vent", 1)]), Some(1));
        assert_eq!(last_stem(t, 0, t.len(), &[("hauss", 1)]), None);
    }
}
