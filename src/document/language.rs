//! Which language a text is in: English, French, Russian or Ukrainian.
//!
//! Cyrillic vs Latin by script; Ukrainian vs Russian by the letters only one of them has
//! (і ї є ґ / ы э ъ ё) and common words; English vs French by accents and function words.
//! Short texts often say nothing: `detect` then returns `None` and the caller falls back
//! to the document's language.

pub use crate::vocab::Lang;

/// Bytes in the longest word of the lists below.
const MAX_FUNCTION_WORD: usize = 16;

const EN_WORDS: &[&str] = &[
    "the", "and", "of", "to", "is", "are", "for", "we", "with", "that", "our", "this", "will",
    "on", "by", "it", "be", "from", "your", "you", "they", "their", "which", "have", "has", "was",
    "an", "in", "at", "as", "or",
];
const FR_WORDS: &[&str] = &[
    "le", "la", "les", "des", "et", "est", "pour", "nous", "une", "un", "du", "que", "avec", "sur",
    "dans", "au", "aux", "par", "vous", "sont", "qui", "ce", "cette", "notre", "nos", "votre",
    "vos", "de", "en", "pas", "plus",
];
const RU_WORDS: &[&str] = &[
    "и",
    "что",
    "это",
    "как",
    "мы",
    "он",
    "она",
    "они",
    "его",
    "для",
    "от",
    "по",
    "не",
    "но",
    "или",
    "года",
    "если",
    "чтобы",
    "который",
    "также",
    "был",
    "была",
    "были",
    "будет",
    "нам",
    "нас",
    "вы",
    "при",
    "же",
    "только",
];
const UK_WORDS: &[&str] = &[
    "і",
    "й",
    "та",
    "що",
    "це",
    "як",
    "ми",
    "він",
    "вона",
    "вони",
    "його",
    "для",
    "від",
    "по",
    "не",
    "але",
    "або",
    "року",
    "якщо",
    "щоб",
    "який",
    "також",
    "був",
    "була",
    "були",
    "буде",
    "нам",
    "нас",
    "ви",
    "при",
    "же",
    "лише",
];

/// The script most letters of `text` are in: `Some(true)` Cyrillic, `Some(false)` Latin.
pub fn is_cyrillic(text: &str) -> Option<bool> {
    let (mut latin, mut cyrillic) = (0usize, 0usize);
    for c in text.chars() {
        if c.is_ascii_alphabetic() || ('\u{00c0}'..='\u{024f}').contains(&c) {
            latin += 1;
        } else if ('\u{0400}'..='\u{04ff}').contains(&c) {
            cyrillic += 1;
        }
    }
    (latin + cyrillic > 0).then_some(cyrillic > latin)
}

/// Detects the language of `text`, or `None` if it gives too little evidence.
pub fn detect(text: &str) -> Option<Lang> {
    let mut scores = [0i32; 4];
    let (mut latin, mut cyrillic) = (0usize, 0usize);
    for c in text.chars() {
        match c {
            'a'..='z' | 'A'..='Z' => latin += 1,
            'à' | 'â' | 'ç' | 'é' | 'è' | 'ê' | 'ë' | 'î' | 'ï' | 'ô' | 'û' | 'ù' | 'œ' | 'À'
            | 'Ç' | 'É' | 'È' | 'Ê' => {
                latin += 1;
                scores[1] += 1;
            }
            'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ' => {
                cyrillic += 1;
                scores[3] += 2;
            }
            'ы' | 'э' | 'ъ' | 'ё' | 'Ы' | 'Э' | 'Ё' => {
                cyrillic += 1;
                scores[2] += 2;
            }
            '\u{0400}'..='\u{04ff}' => cyrillic += 1,
            _ => {}
        }
    }
    // The telling words are short function words: longer ones need no lowercasing.
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty() && w.len() <= MAX_FUNCTION_WORD)
    {
        let word = word.to_lowercase();
        for (index, list) in [EN_WORDS, FR_WORDS, RU_WORDS, UK_WORDS].iter().enumerate() {
            if list.contains(&word.as_str()) {
                scores[index] += 2;
            }
        }
    }
    let (candidates, letters) = if cyrillic > latin {
        ([2, 3], cyrillic)
    } else {
        ([0, 1], latin)
    };
    if letters < 3 {
        return None;
    }
    let [a, b] = candidates.map(|i| scores[i]);
    let pick = match a.cmp(&b) {
        std::cmp::Ordering::Greater => candidates[0],
        std::cmp::Ordering::Less => candidates[1],
        // No telling letter or word (or a tie): let the document decide.
        std::cmp::Ordering::Equal => return None,
    };
    Some(Lang::ALL[pick])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_the_four_languages() {
        assert_eq!(
            detect("We will leverage the store network for the launch."),
            Some(Lang::En)
        );
        assert_eq!(
            detect("Nous avons construit cette propal à partir de vos données."),
            Some(Lang::Fr)
        );
        assert_eq!(
            detect("Мы предлагаем кампанию, которая будет драйвить продажи."),
            Some(Lang::Ru)
        );
        assert_eq!(
            detect("Ми пропонуємо кампанію, яка буде драйвити продажі."),
            Some(Lang::Uk)
        );
    }

    #[test]
    fn no_telling_word_is_longer_than_the_limit() {
        for word in [EN_WORDS, FR_WORDS, RU_WORDS, UK_WORDS].concat() {
            assert!(word.len() <= MAX_FUNCTION_WORD, "{word}");
        }
    }

    #[test]
    fn too_short_or_ambiguous_gives_none() {
        assert_eq!(detect("CPA"), None);
        assert_eq!(detect("Бюджет"), None);
    }
}
