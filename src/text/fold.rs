//! Case, punctuation and Unicode folding with a map back to the original bytes.
//!
//! aho-corasick folds ASCII case only, so we fold the text ourselves: NFC composition (text
//! pasted from macOS is often decomposed, `a` + U+0300), lowercase in every script, `ё` →
//! `е`, typographic apostrophes → `'`, and every run of whitespace or hyphens → one space
//! (so `go-to-market` = `go to market`, and a phrase may wrap across lines). Zero-width
//! characters and combining marks left over after composition (a Russian stress mark) are
//! dropped, so they neither split a word nor hide it. Each folded byte remembers the
//! original characters it came from, so a match found in folded text maps back to an exact
//! span of the original.

use std::ops::Range;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Folded text and the map back to the original.
///
/// Most characters fold to as many bytes as they had (ASCII and Cyrillic case, `ё`), so
/// the map is kept as runs: within a *linear* run folded byte `i` comes from original byte
/// `original + (i - folded)`; within any other run (a gap of spaces, an apostrophe, a letter
/// whose lowercase is longer or shorter, a letter with its combining marks) every byte
/// comes from the same original bytes, `original..original + len`. A run starts only where
/// that rule changes, so the map costs a few bytes per line rather than four bytes per byte
/// of text.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    pub text: String,
    runs: Vec<Run>,
    /// The original's length, where the folded text's end maps to.
    original_len: u32,
}

#[derive(Debug, Clone, Copy)]
struct Run {
    folded: u32,
    original: u32,
    /// Length of the original characters every byte of a non-linear run comes from; 0 for
    /// a linear run.
    len: u32,
}

impl Folded {
    /// The original byte range a folded range came from: from the first folded character's
    /// original to the end of the last one's (its combining marks included; zero-width
    /// characters around the range left out).
    pub fn original_range(&self, folded: Range<usize>) -> Range<usize> {
        let start = self.origin(folded.start);
        if folded.end <= folded.start {
            return start..start;
        }
        start..self.origin_end(folded.end).max(start)
    }

    /// The original offset of the character that produced folded byte `at`.
    fn origin(&self, at: usize) -> usize {
        if at >= self.text.len() {
            return self.original_len as usize;
        }
        let Some(run) = self.run_at(at) else {
            return 0;
        };
        if run.len == 0 {
            run.original as usize + (at - run.folded as usize)
        } else {
            run.original as usize
        }
    }

    /// The original offset just past the character whose folded bytes end at `end`.
    fn origin_end(&self, end: usize) -> usize {
        let end = end.min(self.text.len());
        let Some(run) = end.checked_sub(1).and_then(|last| self.run_at(last)) else {
            return 0;
        };
        if run.len == 0 {
            run.original as usize + (end - run.folded as usize)
        } else {
            (run.original + run.len) as usize
        }
    }

    fn run_at(&self, at: usize) -> Option<Run> {
        let index = self.runs.partition_point(|run| run.folded as usize <= at);
        index.checked_sub(1).map(|i| self.runs[i])
    }

    /// Appends `c`, which came from the original characters at `origin..origin + len`;
    /// `alone` when it is their only folded character.
    fn push(&mut self, c: char, origin: usize, len: usize, alone: bool) {
        let at = self.text.len() as u32;
        let origin = origin as u32;
        let len = if alone && c.len_utf8() == len {
            0
        } else {
            len as u32
        };
        let continues = self.runs.last().is_some_and(|run| {
            if run.len == 0 {
                len == 0 && run.original + (at - run.folded) == origin
            } else {
                run.original == origin && run.len == len
            }
        });
        if !continues {
            self.runs.push(Run {
                folded: at,
                original: origin,
                len,
            });
        }
        self.text.push(c);
    }

    /// Whether `range` stands alone as a word (or words) in the folded text.
    pub fn is_whole_words(&self, range: Range<usize>) -> bool {
        let before = self.text[..range.start].chars().next_back();
        let after = self.text[range.end..].chars().next();
        !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
    }
}

/// Letters, digits and the underscore (so `utm_synergy` is one word). ASCII and Cyrillic
/// letters, most of what we read, skip the general Unicode table lookup.
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        matches!(c, '\u{0400}'..='\u{0481}' | '\u{048a}'..='\u{04ff}') || c.is_alphanumeric()
    }
}

/// Lowercase of a Cyrillic capital (Russian and Ukrainian alphabets) without the general
/// Unicode tables, else `None`.
fn cyrillic_lower(c: char) -> Option<char> {
    let lower = match c {
        'А'..='Я' => c as u32 + 0x20,
        'Ѐ'..='Џ' => c as u32 + 0x50,
        'Ґ' => 'ґ' as u32,
        'а'..='я' | 'ѐ'..='џ' | 'ґ' => c as u32,
        _ => return None,
    };
    char::from_u32(lower)
}

/// An ASCII character that folds to itself, or to its lowercase: not a space, a hyphen or
/// a backtick (an apostrophe).
fn is_plain_ascii(c: char) -> bool {
    c.is_ascii() && !is_joiner(c) && c != '`'
}

fn is_joiner(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Characters that show nothing and may sit inside a word: zero-width space, non-joiner,
/// joiner, word joiner, zero-width no-break space, soft hyphen.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{00ad}'
    )
}

/// Characters that are in NFC on their own and never combine with the one before: all of
/// Latin-1 and Latin Extended, and the Cyrillic letters, so most text skips the Unicode
/// normalisation tables.
fn is_stable(c: char) -> bool {
    (c as u32) < 0x300 || matches!(c, '\u{0400}'..='\u{0482}' | '\u{048a}'..='\u{04ff}')
}

/// Whether `c` belongs to the character before it under NFC (a combining mark, or a
/// character that may compose with its predecessor).
fn joins_previous(c: char) -> bool {
    !is_stable(c) && (is_combining_mark(c) || is_nfc_quick(std::iter::once(c)) != IsNormalized::Yes)
}

fn fold_apostrophe(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02bc}' | '\u{02b9}' | '\u{0060}' | '\u{00b4}'
        | '\u{2032}' => '\'',
        _ => c,
    }
}

/// Folds `text` for matching, keeping the map back to `text`'s bytes.
pub fn fold(text: &str) -> Folded {
    fold_with(text, true)
}

/// Normalises punctuation, spacing and composition but keeps case: used for case-sensitive
/// forms.
pub fn normalize_keep_case(text: &str) -> String {
    fold_with(text, false).text
}

/// Folds a dictionary form the way text is folded, trimmed.
pub fn fold_form(form: &str) -> String {
    fold(form.trim()).text.trim().to_string()
}

fn fold_with(text: &str, lowercase: bool) -> Folded {
    let mut out = Folded {
        text: String::with_capacity(text.len()),
        runs: Vec::new(),
        original_len: text.len() as u32,
    };
    // The original range of the current run of spaces and hyphens, folded to one space
    // when it ends.
    let mut gap: Option<Range<usize>> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        if is_plain_ascii(c) {
            // Most text: a run of ASCII that folds byte for byte, copied and lowercased at
            // once. Its last character is left to the general path when a non-ASCII
            // character (maybe a combining mark) follows it.
            let rest = &text.as_bytes()[offset..];
            let mut len = rest
                .iter()
                .position(|&b| !is_plain_ascii(b as char))
                .unwrap_or(rest.len());
            if rest.get(len).is_some_and(|b| !b.is_ascii()) {
                len -= 1;
            }
            if len > 0 {
                if let Some(gap) = gap.take() {
                    out.push(' ', gap.start, gap.len(), true);
                }
                let start = out.text.len();
                out.push(c, offset, 1, true);
                out.text.push_str(&text[offset + 1..offset + len]);
                if lowercase {
                    out.text[start..].make_ascii_lowercase();
                }
                if len > 1 {
                    chars.nth(len - 2);
                }
                continue;
            }
        }
        if is_invisible(c) {
            continue;
        }
        let mut end = offset + c.len_utf8();
        if is_joiner(c) {
            gap = Some(gap.map_or(offset, |g| g.start)..end);
            continue;
        }
        if let Some(gap) = gap.take() {
            out.push(' ', gap.start, gap.len(), true);
        }
        while let Some(&(at, next)) = chars.peek()
            && joins_previous(next)
        {
            end = at + next.len_utf8();
            chars.next();
        }
        if end == offset + c.len_utf8()
            && (is_stable(c)
                || is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes && !is_combining_mark(c))
        {
            fold_char(&mut out, c, offset, end - offset, true, lowercase);
            continue;
        }
        // A character with its marks, or one NFC replaces: compose, then drop the marks
        // that did not combine (stress marks, stray accents).
        let composed: Vec<char> = text[offset..end]
            .nfc()
            .filter(|c| !is_combining_mark(*c))
            .collect();
        let alone = composed.len() == 1;
        for c in composed {
            fold_char(&mut out, c, offset, end - offset, alone, lowercase);
        }
    }
    if let Some(gap) = gap {
        out.push(' ', gap.start, gap.len(), true);
    }
    out
}

/// Appends the folded form of `c`, which came from the original `origin..origin + len`.
fn fold_char(out: &mut Folded, c: char, origin: usize, len: usize, alone: bool, lowercase: bool) {
    let c = fold_apostrophe(c);
    if !lowercase {
        out.push(c, origin, len, alone);
    } else if c.is_ascii() {
        out.push(c.to_ascii_lowercase(), origin, len, alone);
    } else if let Some(lower) = cyrillic_lower(c) {
        out.push(if lower == 'ё' { 'е' } else { lower }, origin, len, alone);
    } else {
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(single), None) => {
                out.push(if single == 'ё' { 'е' } else { single }, origin, len, alone)
            }
            (first, second) => {
                // Several characters from one (`İ` → `i̇`): all map to it.
                for extra in first.into_iter().chain(second).chain(lower) {
                    out.push(extra, origin, len, false);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The original text of the first occurrence of `folded_word` in `text`, folded.
    fn original_of<'a>(text: &'a str, folded_word: &str) -> &'a str {
        let folded = fold(text);
        let at = folded
            .text
            .find(folded_word)
            .unwrap_or_else(|| panic!("{folded_word:?} not in {:?}", folded.text));
        &text[folded.original_range(at..at + folded_word.len())]
    }

    #[test]
    fn folds_cyrillic_and_accented_case_and_maps_back() {
        let text = "Les ИНСАЙТЫ À  DATE";
        assert_eq!(fold(text).text, "les инсайты à date");
        assert_eq!(original_of(text, "à date"), "À  DATE");
    }

    #[test]
    fn decomposed_text_matches_composed_forms() {
        // macOS pastes NFD: `a` + U+0300, `и` + U+0306, `е` + U+0308.
        let text = "Le point a\u{300} date. Отчёт: краткии\u{306} обзор, е\u{308}мкость";
        let folded = fold(text);
        assert_eq!(
            folded.text,
            "le point à date. отчет: краткий обзор, емкость"
        );
        assert_eq!(original_of(text, "à date"), "a\u{300} date");
        assert_eq!(original_of(text, "краткий"), "краткии\u{306}");
        assert_eq!(fold_form("à date"), fold("a\u{300} date").text);
    }

    #[test]
    fn invisible_characters_and_stray_marks_neither_split_nor_hide_a_word() {
        let text =
            "syn\u{200b}ergy mar\u{ad}ket\u{ad}ing инса\u{301}йты leve\u{2060}rage\u{200b} x";
        let folded = fold(text);
        assert_eq!(folded.text, "synergy marketing инсайты leverage x");
        assert_eq!(original_of(text, "synergy"), "syn\u{200b}ergy");
        assert_eq!(original_of(text, "инсайты"), "инса\u{301}йты");
        // A zero-width character after a word is not part of it.
        assert_eq!(original_of(text, "leverage"), "leve\u{2060}rage");
        assert!(folded.is_whole_words(0..7));
    }

    #[test]
    fn the_fast_paths_agree_with_unicode() {
        for c in ('\u{0}'..='\u{02ff}').chain('\u{0400}'..='\u{04ff}') {
            if let Some(fast) = cyrillic_lower(c) {
                assert_eq!(
                    c.to_lowercase().collect::<String>(),
                    fast.to_string(),
                    "{c}"
                );
            }
            if c >= '\u{0400}' || c.is_alphanumeric() {
                assert_eq!(is_word_char(c), c.is_alphanumeric() || c == '_', "{c}");
            }
            if is_stable(c) {
                assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c}");
                assert!(!is_combining_mark(c), "{c:?}");
            }
        }
    }

    #[test]
    fn the_ascii_fast_path_agrees_with_the_general_one() {
        let text = "Go\u{0}-TO  Market`s e\u{301}te\u{301} at\tONCE\u{b}x à\u{200b}B";
        let folded = fold(text);
        assert_eq!(folded.text, "go\u{0} to market's été at once x àb");
        assert_eq!(original_of(text, "été"), "e\u{301}te\u{301}");
        assert_eq!(original_of(text, "market's"), "Market`s");
        assert_eq!(original_of(text, "once x"), "ONCE\u{b}x");
        assert_eq!(normalize_keep_case("Go-TO"), "Go TO");
    }

    #[test]
    fn hyphens_line_breaks_and_apostrophes_fold() {
        assert_eq!(fold("Go-to-\nmarket").text, "go to market");
        assert_eq!(fold("хелікоптер в’ю").text, "хелікоптер в'ю");
        assert_eq!(fold("отчёт").text, "отчет");
        assert_eq!(normalize_keep_case("CA  net"), "CA net");
        assert_eq!(normalize_keep_case("A\u{300} \u{200b}DATE"), "À DATE");
    }

    /// Every folded character maps back to the start of the original character (with its
    /// marks) or gap of spaces it came from, every original one that shows is mapped, and
    /// between one folded character's end and the next one's start lie only invisible
    /// characters and marks with nothing to combine with.
    fn assert_maps_exactly(text: &str) {
        let folded = fold(text);
        // Starts of the clusters (a character and the ones that join it) that show, and
        // of the gaps of spaces.
        let mut wanted = Vec::new();
        let mut cluster: Option<(usize, bool)> = None;
        let mut in_gap = false;
        for (offset, c) in text.char_indices() {
            let joins = !is_invisible(c) && !is_joiner(c) && joins_previous(c);
            if joins && let Some((_, shows)) = cluster.as_mut() {
                *shows |= !is_combining_mark(c);
                continue;
            }
            if let Some((start, true)) = cluster.take() {
                wanted.push(start);
            }
            if is_invisible(c) {
                continue;
            }
            if is_joiner(c) {
                if !in_gap {
                    wanted.push(offset);
                }
                in_gap = true;
                continue;
            }
            in_gap = false;
            cluster = Some((offset, !is_combining_mark(c)));
        }
        if let Some((start, true)) = cluster {
            wanted.push(start);
        }
        let starts: Vec<usize> = folded.text.char_indices().map(|(at, _)| at).collect();
        let mut mapped: Vec<usize> = starts.iter().map(|&at| folded.origin(at)).collect();
        mapped.dedup();
        assert_eq!(mapped, wanted, "{text:?} → {:?}", folded.text);
        for pair in starts.windows(2) {
            let at = pair[1];
            let (end, next) = (folded.origin_end(at), folded.origin(at));
            if next == folded.origin(pair[0]) {
                continue; // several folded characters from one (`İ` → `i̇`)
            }
            assert!(end <= next, "{text:?} at {at}");
            assert!(
                text[end..next]
                    .chars()
                    .all(|c| is_invisible(c) || is_combining_mark(c)),
                "{text:?}: {:?} is left between two characters",
                &text[end..next]
            );
        }
        assert_eq!(folded.origin(folded.text.len()), text.len());
    }

    #[test]
    fn every_folded_boundary_maps_to_its_original_character() {
        assert_maps_exactly("ÀB  c\u{2019}d\tİx — ẞ\u{212a}ё end");
        assert_maps_exactly(
            "A\u{300}B \u{200b} c\u{301}\u{327}d\u{ad}e Å\u{30a} и\u{306}й \u{301}x",
        );
        assert_maps_exactly("\u{feff}e\u{301}\u{200b}\u{301}f -\u{200b}- g\u{2060}");
    }

    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_mix_of_marks_and_invisible_characters_maps_exactly(
            text in prop::collection::vec(
                prop::sample::select(vec![
                    "a", "E", "и", "Й", "ё", "İ", "ẞ", "\u{212b}", "\u{300}", "\u{301}",
                    "\u{306}", "\u{327}", "\u{200b}", "\u{200d}", "\u{ad}", "\u{feff}",
                    "\u{2060}", " ", "-", "\n", "’", "😀", "\u{1100}", "\u{1161}",
                ]),
                0..40,
            ).prop_map(|parts| parts.concat())
        ) {
            assert_maps_exactly(&text);
            let folded = fold(&text);
            for (at, c) in folded.text.char_indices() {
                let range = folded.original_range(at..at + c.len_utf8());
                prop_assert!(range.start <= range.end && range.end <= text.len());
                prop_assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
            }
        }
    }

    #[test]
    fn whole_words_respect_unicode_letters() {
        let folded = fold("leadership lead l'insight");
        let lead = folded.text.find("lead").unwrap();
        assert!(!folded.is_whole_words(lead..lead + 4));
        let second = folded.text.rfind("lead ").unwrap();
        assert!(folded.is_whole_words(second..second + 4));
        let insight = folded.text.find("insight").unwrap();
        assert!(folded.is_whole_words(insight..insight + 7));
    }
}
