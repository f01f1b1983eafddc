//! Case and punctuation folding with a map back to the original bytes.
//!
//! aho-corasick folds ASCII case only, so we fold the text ourselves: lowercase in every
//! script, `ё` → `е`, typographic apostrophes → `'`, and every run of whitespace or hyphens
//! → one space (so `go-to-market` = `go to market`, and a phrase may wrap across lines).
//! Each folded byte remembers the original byte it came from, so a match found in folded
//! text maps back to an exact span of the original.

use std::ops::Range;

/// Folded text and, for each of its bytes, the offset of the original character.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    pub text: String,
    /// `origin[i]` = offset in the original of the char that produced folded byte `i`;
    /// one extra entry at the end holds the original's length.
    origin: Vec<u32>,
}

impl Folded {
    /// The original byte range a folded range came from.
    pub fn original_range(&self, folded: Range<usize>) -> Range<usize> {
        let start = self.origin[folded.start] as usize;
        let end = self.origin[folded.end] as usize;
        start..end.max(start)
    }

    /// Whether `range` stands alone as a word (or words) in the folded text.
    pub fn is_whole_words(&self, range: Range<usize>) -> bool {
        let before = self.text[..range.start].chars().next_back();
        let after = self.text[range.end..].chars().next();
        !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
    }
}

/// Letters, digits and the underscore (so `utm_synergy` is one word).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
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
        origin: Vec::with_capacity(text.len() + 1),
    };
    let mut in_gap = false;
    for (offset, c) in text.char_indices() {
        if is_joiner(c) {
            if !in_gap {
                push(&mut out, ' ', offset);
                in_gap = true;
            }
            continue;
        }
        in_gap = false;
        let c = fold_apostrophe(c);
        if !lowercase {
            push(&mut out, c, offset);
        } else if c.is_ascii() {
            push(&mut out, c.to_ascii_lowercase(), offset);
        } else {
            for lower in c.to_lowercase() {
                push(&mut out, if lower == 'ё' { 'е' } else { lower }, offset);
            }
        }
    }
    out.origin.push(text.len() as u32);
    out
}

fn push(out: &mut Folded, c: char, origin: usize) {
    out.text.push(c);
    out.origin
        .extend(std::iter::repeat_n(origin as u32, c.len_utf8()));
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
    fn hyphens_line_breaks_and_apostrophes_fold() {
        assert_eq!(fold("Go-to-\nmarket").text, "go to market");
        assert_eq!(fold("хелікоптер в’ю").text, "хелікоптер в'ю");
        assert_eq!(fold("отчёт").text, "отчет");
        assert_eq!(normalize_keep_case("CA  net"), "CA net");
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
