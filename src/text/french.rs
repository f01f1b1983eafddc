//! French elision and contraction where a replacement meets the word before it.
//!
//! Replacing "customer experience" by "expérience client" in "la customer experience"
//! must give "l'expérience client"; "du brainstorming" by "atelier" gives "de l'atelier",
//! "de la data" by "les données" gives "des données". Some junctions cannot be settled
//! without the replacement's gender or its kind of h ("l'insight" → "le constat" or "la
//! constatation"?), so they are left to the writer with a note.

/// How the word before a replaced term reads with the replacement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Junction {
    /// As it is.
    Unchanged,
    /// The word before and the replacement become this text.
    Rewritten(String),
    /// Only the writer can tell; the note says what to check.
    Unsure(&'static str),
}

/// Words that lose their vowel before a vowel: le, la → l', de → d', que → qu'…
const ELIDING: [&str; 9] = ["le", "la", "de", "que", "je", "me", "te", "se", "ne"];

/// The full form of an elided word (`d'` → `de`); `l'` is left out: le or la?
fn unelided(word: &str) -> Option<&'static str> {
    Some(match word {
        "d" => "de",
        "qu" => "que",
        "j" => "je",
        "m" => "me",
        "t" => "te",
        "s" => "se",
        "n" => "ne",
        _ => return None,
    })
}

fn starts_with_vowel(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| "aeiouyàâäéèêëîïôöùûüœæAEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŒÆ".contains(c))
}

fn starts_with_h(text: &str) -> bool {
    text.starts_with(['h', 'H'])
}

const ARTICLE_NOTE: &str = "write « le » or « la » before it, as its gender asks";
const H_NOTE: &str = "check the elision before it (h muet or h aspiré)";
const CET_NOTE: &str = "write « cet » or « cette » before it, as its gender asks";

/// How `before` (the word just before the term, with its apostrophe if it is elided:
/// `la`, `l'`, `d’`, `du`) reads with `replacement`. `apostrophe` is the one to write in
/// a new elision.
pub fn junction(before: &str, replacement: &str, apostrophe: char) -> Junction {
    let (word, elided) = match before.strip_suffix(['\'', '’']) {
        Some(word) => (word, true),
        None => (before, false),
    };
    let lower = word.to_lowercase();
    // The words before, spelt out: "du" is "de le", "d'" is "de".
    let spelt: Vec<&str> = if elided {
        if lower == "l" {
            return if starts_with_vowel(replacement) {
                Junction::Unchanged
            } else if starts_with_h(replacement) {
                Junction::Unsure(H_NOTE)
            } else {
                Junction::Unsure(ARTICLE_NOTE)
            };
        }
        match unelided(&lower) {
            Some(full) => vec![full],
            None => return Junction::Unchanged,
        }
    } else {
        match lower.as_str() {
            "du" => vec!["de", "le"],
            "au" => vec!["à", "le"],
            "ce" if starts_with_vowel(replacement) || starts_with_h(replacement) => {
                return Junction::Unsure(CET_NOTE);
            }
            "cet" if !starts_with_vowel(replacement) && !starts_with_h(replacement) => {
                vec!["ce"]
            }
            "ma" | "ta" | "sa" if starts_with_vowel(replacement) => {
                vec![if lower == "ma" {
                    "mon"
                } else if lower == "ta" {
                    "ton"
                } else {
                    "son"
                }]
            }
            _ => vec![lower.as_str()],
        }
    };
    let mut words: Vec<String> = spelt.iter().map(|w| w.to_string()).collect();
    let mut rest = replacement;
    // "de" + "les données" → "des données"; "à" + "le point" → "au point".
    if let Some(last) = words.last_mut() {
        for (article, after_de, after_a) in [("le ", "du", "au"), ("les ", "des", "aux")] {
            if let Some(tail) = rest.strip_prefix(article)
                && matches!(last.as_str(), "de" | "à")
            {
                *last = (if last == "de" { after_de } else { after_a }).to_string();
                rest = tail;
                break;
            }
        }
    }
    let last = words.last().map(String::as_str).unwrap_or("");
    let elide = ELIDING.contains(&last);
    if elide && starts_with_h(rest) {
        return Junction::Unsure(H_NOTE);
    }
    let mut text = if elide && starts_with_vowel(rest) {
        let last = words.pop().unwrap_or_default();
        let mut text = words.join(" ");
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&last[..last.len() - 1]);
        text.push(apostrophe);
        text.push_str(rest);
        text
    } else {
        // "de le" left as it is contracts back: "du retour".
        let joined = words.join(" ");
        let joined = match joined.as_str() {
            "de le" => "du".to_string(),
            "à le" => "au".to_string(),
            _ => joined,
        };
        format!("{joined} {rest}")
    };
    if word.starts_with(char::is_uppercase) {
        let mut chars = text.chars();
        text = chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
    }
    let original = if elided {
        format!("{before}{replacement}")
    } else {
        format!("{before} {replacement}")
    };
    if text == original {
        Junction::Unchanged
    } else {
        Junction::Rewritten(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rewritten(before: &str, replacement: &str) -> String {
        match junction(before, replacement, '\'') {
            Junction::Rewritten(text) => text,
            other => panic!("{before} + {replacement}: {other:?}"),
        }
    }

    #[test]
    fn articles_and_prepositions_elide_before_a_vowel() {
        assert_eq!(rewritten("la", "expérience client"), "l'expérience client");
        assert_eq!(rewritten("La", "expérience client"), "L'expérience client");
        assert_eq!(rewritten("le", "insight"), "l'insight");
        assert_eq!(rewritten("de", "atelier"), "d'atelier");
        assert_eq!(rewritten("du", "atelier"), "de l'atelier");
        assert_eq!(rewritten("au", "atelier"), "à l'atelier");
        assert_eq!(rewritten("ma", "idée"), "mon idée");
        assert_eq!(
            junction("que", "on", '’'),
            Junction::Rewritten("qu’on".into())
        );
    }

    #[test]
    fn elided_words_are_spelt_out_before_a_consonant() {
        assert_eq!(rewritten("d'", "constats"), "de constats");
        assert_eq!(rewritten("qu’", "le client"), "que le client");
        assert_eq!(rewritten("cet", "constat"), "ce constat");
    }

    #[test]
    fn prepositions_contract_with_the_replacement_s_article() {
        assert_eq!(rewritten("de", "les données"), "des données");
        assert_eq!(rewritten("à", "le point"), "au point");
        assert_eq!(rewritten("à", "les équipes"), "aux équipes");
        assert_eq!(rewritten("d'", "le point"), "du point");
    }

    #[test]
    fn what_reads_right_is_left_alone() {
        for (before, replacement) in [
            ("du", "retour"),
            ("l'", "observation"),
            ("pour", "expérience"),
            ("la", "réunion"),
            ("de", "zéro"),
            ("à", "la réunion"),
            ("d'", "analyse"),
        ] {
            assert_eq!(
                junction(before, replacement, '\''),
                Junction::Unchanged,
                "{before} + {replacement}"
            );
        }
    }

    #[test]
    fn gender_and_h_are_left_to_the_writer() {
        assert_eq!(
            junction("l'", "constat", '\''),
            Junction::Unsure(ARTICLE_NOTE)
        );
        assert_eq!(junction("de", "hausse", '\''), Junction::Unsure(H_NOTE));
        assert_eq!(junction("l’", "hôtel", '\''), Junction::Unsure(H_NOTE));
        assert_eq!(junction("ce", "atelier", '\''), Junction::Unsure(CET_NOTE));
    }
}
