//! Case and punctuation folding with a map back to the original bytes.
//!
//! aho-corasick folds ASCII case only, so we fold the text ourselves: lowercase in every
//! script, `ё` → `е`, typographic apostrophes → `'`, and every run of whitespace or hyphens
//! → one space (so `go-to-market` = `go to market`, and a phrase may wrap across lines).
//! Each folded byte remembers the original byte it came from, so a match found in folded
//! text maps back to an exact span of the original.

use std::ops::Range;

/// Folded text and the map back to the original.
///
/// Most characters fold to as many bytes as they had (ASCII and Cyrillic case, `ё`), so
/// the map is kept as runs: within a *linear* run folded byte `i` comes from original byte
/// `original + (i - folded)`; within any other run (a gap of spaces, an apostrophe, a letter
/// whose lowercase is longer or shorter) every byte comes from the run's original offset.
/// A run starts only where that rule changes, so the map costs a few bytes per line rather
/// than four bytes per byte of text.
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
    linear: bool,
}

impl Folded {
    /// The original byte range a folded range came from.
    pub fn original_range(&self, folded: Range<usize>) -> Range<usize> {
        let start = self.origin(folded.start);
        let end = self.origin(folded.end);
        start..end.max(start)
    }

    /// The original offset of the character that produced folded byte `at`.
    fn origin(&self, at: usize) -> usize {
        if at >= self.text.len() {
            return self.original_len as usize;
        }
        let index = self.runs.partition_point(|run| run.folded as usize <= at);
        let Some(run) = index.checked_sub(1).map(|i| self.runs[i]) else {
            return 0;
        };
        if run.linear {
            run.original as usize + (at - run.folded as usize)
        } else {
            run.original as usize
        }
    }

    /// Appends `c`, which came from the original character at `origin` of `origin_len`
    /// bytes.
    fn push(&mut self, c: char, origin: usize, origin_len: usize) {
        let at = self.text.len() as u32;
        let origin = origin as u32;
        let linear = c.len_utf8() == origin_len;
        let continues = self.runs.last().is_some_and(|run| {
            if run.linear {
                linear && run.original + (at - run.folded) == origin
            } else {
                !linear && run.original == origin
            }
        });
        if !continues {
            self.runs.push(Run {
                folded: at,
                original: origin,
                linear,
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

fn is_joiner(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{00ad}')
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

/// Normalises punctuation and spacing but keeps case: used for case-sensitive forms.
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
    let mut in_gap = false;
    for (offset, c) in text.char_indices() {
        let len = c.len_utf8();
        if is_joiner(c) {
            if !in_gap {
                out.push(' ', offset, len);
                in_gap = true;
            }
            continue;
        }
        in_gap = false;
        let c = fold_apostrophe(c);
        if !lowercase {
            out.push(c, offset, len);
        } else if c.is_ascii() {
            out.push(c.to_ascii_lowercase(), offset, len);
        } else if let Some(lower) = cyrillic_lower(c) {
            out.push(if lower == 'ё' { 'е' } else { lower }, offset, len);
        } else {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(single), None) => {
                    out.push(if single == 'ё' { 'е' } else { single }, offset, len)
                }
                (first, second) => {
                    // Several characters from one (`İ` → `i̇`): all map to its start.
                    for extra in first.into_iter().chain(second).chain(lower) {
                        out.push(extra, offset, usize::MAX);
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_cyrillic_and_accented_case_and_maps_back() {
        let text = "Les ИНСАЙТЫ À  DATE";
        let folded = fold(text);
        assert_eq!(folded.text, "les инсайты à date");
        let at = folded.text.find("à date").unwrap();
        let range = folded.original_range(at..at + "à date".len());
        assert_eq!(&text[range], "À  DATE");
    }

    #[test]
    fn the_cyrillic_fast_path_agrees_with_unicode() {
        for c in ('\u{0400}'..='\u{04ff}').chain('A'..='z') {
            if let Some(fast) = cyrillic_lower(c) {
                assert_eq!(
                    c.to_lowercase().collect::<String>(),
                    fast.to_string(),
                    "{c}"
                );
            }
            assert_eq!(is_word_char(c), c.is_alphanumeric() || c == '_', "{c}");
        }
    }

    #[test]
    fn hyphens_line_breaks_and_apostrophes_fold() {
        assert_eq!(fold("Go-to-\nmarket").text, "go to market");
        assert_eq!(fold("хелікоптер в’ю").text, "хелікоптер в'ю");
        assert_eq!(fold("отчёт").text, "отчет");
        assert_eq!(normalize_keep_case("CA  net"), "CA net");
    }

    #[test]
    fn every_folded_boundary_maps_to_its_original_character() {
        let text = "ÀB  c\u{2019}d\tİx — ẞ\u{212a}ё end";
        let folded = fold(text);
        // Every original character that is not inside a gap of spaces starts a run of
        // folded characters that all map back to it.
        let mut wanted = Vec::new();
        let mut in_gap = false;
        for (offset, c) in text.char_indices() {
            if !(in_gap && is_joiner(c)) {
                wanted.push(offset);
            }
            in_gap = is_joiner(c);
        }
        let mut mapped: Vec<usize> = folded
            .text
            .char_indices()
            .map(|(at, _)| folded.origin(at))
            .collect();
        mapped.dedup();
        assert_eq!(mapped, wanted, "{:?}", folded.text);
        assert_eq!(folded.origin(folded.text.len()), text.len());
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
