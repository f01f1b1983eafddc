//! Sentences, clauses, quotations and capitals in a paragraph of prose.
//!
//! Judging a word in context needs to know where its sentence starts and ends (a literal
//! sense shows anywhere in the sentence), whether its capital says anything (not at the
//! start of a sentence, a list item, a table cell or after a colon, nor in Title Case),
//! and whether it stands in quotation marks. These work on any text, folded or not: they
//! only look at punctuation, spaces and letters.

use std::ops::Range;

use super::fold::is_word_char;

/// Ends a sentence: `.` before a space (not in `3.5`), `!`, `?`, `…`.
fn ends_sentence(text: &str, at: usize, c: char) -> bool {
    match c {
        '!' | '?' | '…' => true,
        '.' => text[at + 1..]
            .chars()
            .next()
            .is_none_or(|next| next.is_whitespace() || is_closing_punctuation(next)),
        _ => false,
    }
}

fn is_closing_punctuation(c: char) -> bool {
    matches!(c, ')' | ']' | '»' | '”' | '“' | '"' | '\'' | '’' | '›')
}

/// The sentence around `range` (a range of `text`), without its final punctuation.
pub fn sentence_around(text: &str, range: Range<usize>) -> Range<usize> {
    boundary_before(text, range.start, ends_sentence)
        ..boundary_after(text, range.end, ends_sentence)
}

/// How far from a word we look for the ends of its sentence or clause, in bytes. Past this
/// the text is no sentence anyone reads as one, and looking further would make long
/// unpunctuated text (a pasted dump on one line) quadratic in its matches.
const REACH: usize = 1024;

/// Just after the last boundary before `at`, looking back at most [`REACH`] bytes.
fn boundary_before(text: &str, at: usize, is_boundary: fn(&str, usize, char) -> bool) -> usize {
    let mut from = at.saturating_sub(REACH);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    text[from..at]
        .char_indices()
        .rev()
        .find(|&(i, c)| is_boundary(text, from + i, c))
        .map_or(from, |(i, c)| from + i + c.len_utf8())
}

/// The first boundary from `at` on, looking at most [`REACH`] bytes ahead.
fn boundary_after(text: &str, at: usize, is_boundary: fn(&str, usize, char) -> bool) -> usize {
    let mut to = (at + REACH).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    text[at..to]
        .char_indices()
        .find(|&(i, c)| is_boundary(text, at + i, c))
        .map_or(to, |(i, _)| at + i)
}

/// After these a capital says nothing: sentence ends, colons and semicolons, table cell
/// separators, bullets and opening brackets. (Not a dash: mid-sentence, as in «конкурент —
/// «Лайфхак»», what follows is lower case unless it is a name; at the start of a line
/// nothing stands before it anyway.)
fn resets_capitals(text: &str, at: usize, c: char) -> bool {
    ends_sentence(text, at, c) || matches!(c, ':' | ';' | '|' | '•' | '·' | '(' | '[')
}

/// The start of the clause `at` is in, for capitals: see [`resets_capitals`].
pub fn clause_start(text: &str, at: usize) -> usize {
    boundary_before(text, at, resets_capitals)
}

/// The clause around `range`, for capitals.
pub fn clause_around(text: &str, range: Range<usize>) -> Range<usize> {
    clause_start(text, range.start)..boundary_after(text, range.end, resets_capitals)
}

/// Whether the word at `at` is the first of its clause, where a capital says nothing.
/// Enumerations count as nothing: `1) Synergy`, `a. Synergy`.
pub fn opens_clause(text: &str, at: usize) -> bool {
    first_in_clause(text, clause_start(text, at), at)
}

/// [`opens_clause`] for a clause known to start at `clause_start`.
pub fn first_in_clause(text: &str, clause_start: usize, at: usize) -> bool {
    let before = &text[clause_start..at];
    let mut tokens = before
        .split(|c: char| !is_word_char(c))
        .filter(|t| !t.is_empty());
    match (tokens.next(), tokens.next()) {
        (None, _) => true,
        (Some(token), None) => {
            let enumerator = token.chars().all(|c| c.is_ascii_digit())
                || (token.chars().count() == 1 && token.chars().all(char::is_alphabetic));
            enumerator && before.trim_end().ends_with([')', '.'])
        }
        _ => false,
    }
}

/// A word starting with a capital, as opposed to lower case or a digit.
pub fn is_capitalised(word: &str) -> bool {
    word.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_uppercase)
}

/// A word that starts with an acronym (`ASAP`, `B2B`, `KPIs`, `ROIste`, `C-level`): its
/// capitals are its spelling, never a sign of a name.
pub fn starts_with_acronym(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let two_capitals = matches!(
        (letters.next(), letters.next()),
        (Some(a), Some(b)) if a.is_uppercase() && b.is_uppercase()
    );
    let capital_prefix = word.split_once(['-', '\u{2010}']).is_some_and(|(head, _)| {
        head.chars().any(char::is_alphabetic)
            && head
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
    });
    two_capitals || capital_prefix
}

/// The words of `text`: runs of word characters, with the apostrophes and hyphens inside
/// them (`go-to-market`, `l'insight`), as ranges.
pub fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut rest = 0;
    std::iter::from_fn(move || {
        let start = rest + text[rest..].find(is_word_char)?;
        let mut end = start;
        let mut chars = text[start..].char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let inner = matches!(c, '-' | '\'' | '’' | 'ʼ')
                && chars.peek().is_some_and(|&(_, next)| is_word_char(next));
            if !is_word_char(c) && !inner {
                break;
            }
            end = start + i + c.len_utf8();
        }
        rest = end;
        Some(start..end)
    })
}

/// Title Case: every word after the first is capitalised but for the small words titles
/// leave in lower case ("the", "with", "de", "и"), so capitals here say nothing about
/// names. A sentence that merely holds a long name ("tickets for the Game Changer Awards
/// go on sale") has other words in lower case.
pub fn is_title_case(text: &str) -> bool {
    let mut capitals = 0;
    for word in words(text).skip(1).map(|r| &text[r]) {
        if !word.starts_with(char::is_alphabetic) {
            continue;
        }
        if is_capitalised(word) {
            capitals += 1;
        } else if !is_small_word(word) {
            return false;
        }
    }
    capitals >= 2
}

/// Articles, conjunctions and prepositions that titles keep in lower case.
fn is_small_word(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "the"
            | "and"
            | "or"
            | "but"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "by"
            | "with"
            | "from"
            | "into"
            | "as"
            | "vs"
            | "via"
            | "per"
            | "de"
            | "du"
            | "des"
            | "la"
            | "le"
            | "les"
            | "et"
            | "ou"
            | "à"
            | "au"
            | "aux"
            | "en"
            | "sur"
            | "par"
            | "pour"
            | "avec"
            | "un"
            | "une"
            | "и"
            | "в"
            | "во"
            | "на"
            | "с"
            | "со"
            | "к"
            | "по"
            | "для"
            | "от"
            | "из"
            | "о"
            | "об"
            | "а"
            | "или"
            | "і"
            | "й"
            | "та"
            | "у"
            | "з"
            | "із"
            | "до"
            | "від"
            | "або"
    )
}

/// Longest quotation that still reads as a name («Ладога E», "Blue Sky Charters").
const NAME_WORDS: usize = 5;

/// How far a quotation mark can be from the words it quotes, in bytes.
const QUOTE_REACH: usize = 96;

/// A quotation around some words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quotation {
    /// The quoted text, marks excluded.
    pub inner: Range<usize>,
    /// The quotation opens its clause (`Client: «The ads are weak»`): quoted speech, not a
    /// name.
    pub opens_clause: bool,
}

/// The closing marks of an opening quotation mark.
fn closers(open: char) -> &'static [char] {
    match open {
        '«' => &['»'],
        '„' => &['“', '”'],
        '“' => &['”'],
        '‘' => &['’'],
        '‹' => &['›'],
        '"' => &['"'],
        '\'' => &['\''],
        _ => &[],
    }
}

/// A straight quote (`"`, `'`) opens when nothing of a word stands before it and a word
/// follows; it closes in the mirror position.
fn straight_quote_opens(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at + 1..].chars().next();
    !before.is_some_and(|c| is_word_char(c) || c == '.') && after.is_some_and(is_word_char)
}

fn straight_quote_closes(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at + 1..].chars().next();
    before.is_some_and(|c| !c.is_whitespace()) && !after.is_some_and(is_word_char)
}

/// The quotation of at most a few words, within one sentence, that `range` lies in.
pub fn quotation_around(text: &str, range: Range<usize>) -> Option<Quotation> {
    let (open_at, open) = text[..range.start]
        .char_indices()
        .rev()
        .take_while(|&(at, c)| range.start - at <= QUOTE_REACH && !ends_sentence(text, at, c))
        .find(|&(at, c)| {
            !closers(c).is_empty() && (!matches!(c, '"' | '\'') || straight_quote_opens(text, at))
        })?;
    let wanted = closers(open);
    let (close_at, _) = text[range.end..]
        .char_indices()
        .map(|(i, c)| (range.end + i, c))
        .take_while(|&(at, c)| at - range.end <= QUOTE_REACH && !ends_sentence(text, at, c))
        .find(|&(at, c)| {
            wanted.contains(&c) && (!matches!(c, '"' | '\'') || straight_quote_closes(text, at))
        })?;
    let inner = open_at + open.len_utf8()..close_at;
    let quoted = &text[inner.clone()];
    if words(quoted).count() > NAME_WORDS || quoted.contains(open) || quoted.contains(wanted) {
        return None;
    }
    Some(Quotation {
        opens_clause: opens_clause(text, open_at),
        inner,
    })
}

/// The words next to `range` in `clause` (the clause around it), skipping the small words
/// that join the parts of a name ("Bank of the West", "Musée des Arts", "Сад и Огород"),
/// only across spaces.
pub fn neighbours(
    text: &str,
    range: Range<usize>,
    clause: Range<usize>,
) -> (Option<Range<usize>>, Option<Range<usize>>) {
    let joined_by_spaces = |gap: &str| gap.chars().all(char::is_whitespace);
    let mut before = None;
    let mut cursor = range.start;
    for word in words(&text[clause.start..range.start])
        .map(|r| clause.start + r.start..clause.start + r.end)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .take(NAME_JOINS + 1)
    {
        if !joined_by_spaces(&text[word.end..cursor]) {
            break;
        }
        cursor = word.start;
        if !is_name_joint(&text[word.clone()]) {
            before = Some(word);
            break;
        }
    }
    let mut after = None;
    let mut cursor = range.end;
    for word in words(&text[range.end..clause.end])
        .map(|r| range.end + r.start..range.end + r.end)
        .take(NAME_JOINS + 1)
    {
        if !joined_by_spaces(&text[cursor..word.start]) {
            break;
        }
        cursor = word.end;
        if !is_name_joint(&text[word.clone()]) {
            after = Some(word);
            break;
        }
    }
    (before, after)
}

/// How many joining words may stand between two parts of a name.
const NAME_JOINS: usize = 2;

/// Small words inside names: "of", "de", "du", "и", "та".
fn is_name_joint(word: &str) -> bool {
    matches!(
        word,
        "of" | "the"
            | "and"
            | "de"
            | "des"
            | "du"
            | "la"
            | "le"
            | "les"
            | "et"
            | "von"
            | "van"
            | "der"
            | "di"
            | "da"
            | "del"
            | "y"
            | "и"
            | "та"
            | "і"
            | "й"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, word: &str) -> Range<usize> {
        let start = text.find(word).unwrap_or_else(|| panic!("{word:?}"));
        start..start + word.len()
    }

    #[test]
    fn sentences_end_at_their_punctuation_but_not_inside_numbers() {
        let text = "Budget 3.5 M€. A deep dive to 30 metres! Then more";
        let range = sentence_around(text, at(text, "deep dive"));
        assert_eq!(&text[range], " A deep dive to 30 metres");
        assert_eq!(
            &text[sentence_around(text, at(text, "Budget"))],
            "Budget 3.5 M€"
        );
        assert_eq!(&text[sentence_around(text, at(text, "more"))], " Then more");
    }

    #[test]
    fn long_unpunctuated_text_is_read_in_a_window() {
        let text = format!("Start. {} synergy {}", "ж".repeat(3000), "é".repeat(3000));
        let range = at(&text, "synergy");
        let sentence = sentence_around(&text, range.clone());
        assert!(sentence.start > 7 && sentence.end < text.len());
        assert!(sentence.len() <= 2 * REACH + range.len() + 4);
        assert!(!opens_clause(&text, range.start));
    }

    #[test]
    fn clause_starts_after_sentences_colons_cells_and_enumerations() {
        for (text, word) in [
            ("Synergy first", "Synergy"),
            ("Done. Synergy next", "Synergy"),
            ("Objectif : Synergie", "Synergie"),
            ("Канал | Инсайты", "Инсайты"),
            ("1) Synergy", "Synergy"),
            ("(«Synergy» was the word)", "Synergy"),
            ("— Synergy", "Synergy"),
        ] {
            assert!(opens_clause(text, at(text, word).start), "{text:?}");
        }
        for (text, word) in [
            ("we call it Synergy", "Synergy"),
            ("ЖК «Инсайт» рядом", "Инсайт"),
            ("In 2024, Synergy", "Synergy"),
            ("the so-called Synergy", "Synergy"),
            ("конкурент — «Лайфхак»", "Лайфхак"),
        ] {
            assert!(!opens_clause(text, at(text, word).start), "{text:?}");
        }
    }

    #[test]
    fn capitals_and_title_case() {
        assert!(is_capitalised("Драйв") && is_capitalised("«Seamless"));
        assert!(!is_capitalised("drive") && !is_capitalised("360°"));
        for acronym in ["ASAP", "B2B", "KPIs", "ROIste", "C-level", "A-list"] {
            assert!(starts_with_acronym(acronym), "{acronym}");
        }
        for word in [
            "A",
            "Asap",
            "McKinsey",
            "Драйв",
            "drive",
            "Go-to-market",
            "Blue-Sky",
        ] {
            assert!(!starts_with_acronym(word), "{word}");
        }
        assert!(is_title_case(
            "How We Move the Needle with Seamless Journeys"
        ));
        assert!(is_title_case("Наши Главные Инсайты"));
        assert!(!is_title_case(
            "Guests at The Quay in Fowey can join a trip with Blue Sky Charters"
        ));
        assert!(!is_title_case("Synergy Plan"));
        assert!(!is_title_case(
            "Tickets for the Game Changer Awards go on sale on 3 March"
        ));
        assert!(is_title_case("Leverage Our Data for the Spring Launch"));
    }

    #[test]
    fn words_keep_inner_apostrophes_and_hyphens() {
        let text = "l'insight go-to-market - «Драйв»";
        let found: Vec<&str> = words(text).map(|r| &text[r]).collect();
        assert_eq!(found, ["l'insight", "go-to-market", "Драйв"]);
    }

    #[test]
    fn short_quotations_are_found_long_ones_are_not() {
        let text = "тариф «Драйв» с фиксированной ценой";
        let quote = quotation_around(text, at(text, "Драйв")).unwrap();
        assert_eq!(&text[quote.inner], "Драйв");
        assert!(!quote.opens_clause);
        let text = "a tinted SPF 30 called \"Seamless\" for sensitive skin";
        assert!(quotation_around(text, at(text, "Seamless")).is_some());
        let text = "Клиент: «Креативы слабые»";
        assert!(
            quotation_around(text, at(text, "Креативы"))
                .unwrap()
                .opens_clause
        );
        let text = "He said “we need synergy across every one of our seven channels” today";
        assert_eq!(quotation_around(text, at(text, "synergy")), None);
        let text = "the clients' view of synergy' here";
        assert_eq!(quotation_around(text, at(text, "synergy")), None);
        let text = "«Драйв» and more. Then Synergy»";
        assert_eq!(quotation_around(text, at(text, "Synergy")), None);
    }

    #[test]
    fn neighbours_skip_the_small_words_inside_names() {
        let text = "a trip with Blue Sky Charters, then the Bank of the West";
        let (before, after) = neighbours(text, at(text, "Sky"), 0..text.len());
        assert_eq!(before.map(|r| &text[r]), Some("Blue"));
        assert_eq!(after.map(|r| &text[r]), Some("Charters"));
        let (_, after) = neighbours(text, at(text, "Charters"), 0..text.len());
        assert_eq!(after, None, "a comma ends the name");
        let (before, _) = neighbours(text, at(text, "West"), 0..text.len());
        assert_eq!(before.map(|r| &text[r]), Some("Bank"));
    }
}
