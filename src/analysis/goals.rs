//! Objective statements: where a document says what it must achieve.
//!
//! - A list item or table row of an objectives or KPI section ("- Grow sales by 15%"),
//!   except a lead-in ("This year we want to:").
//! - A sentence that states the document's own goal, wherever it stands but in the
//!   background: "The goal of this campaign is to…", "L'objectif de la campagne est de…",
//!   "Задача — получить…", "Метою кампанії є…". A wish ("we want to", "nous souhaitons",
//!   "хочемо, щоб") states a goal only inside an objectives section: elsewhere it is a
//!   request ("we would like to receive your proposal"). A goal in the past tense ("était",
//!   "стояла задача") is last year's or a case study's, a goal of "any campaign" is a
//!   generalisation, and "the purpose of this RFP" is procurement: none is a statement.
//! - An `Objective: …` label line.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::sections::{Role, Sections};
use super::sentences::{sentences, trim};
use super::{within, word_count};
use crate::dictionary::Hit;
use crate::document::segment::{label_colon, numbering_len};
use crate::document::{Document, Segment, SegmentKind};
use crate::vocab::{Cue, SectionKind};

/// One objective statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    pub segment: usize,
    /// Range of the segment's folded text, trimmed.
    pub folded: Range<usize>,
    /// Called the main goal ("Главная цель — продать…"): it weighs most.
    pub main: bool,
}

/// A goal word opens its sentence: at most this many words stand before it ("Cette
/// année, nous voulons", "The main goal of").
const GOAL_START_WORDS: usize = 4;

/// How many words around a goal word a past tense, a generalisation or another party's
/// purpose reaches ("L'objectif de la campagne 2023 était", "Перед нами стояла задача").
const NOT_A_GOAL_REACH: usize = 6;

/// The longest label of an objective line, in words.
const LABEL_WORDS: usize = 4;

/// The shortest goal sentence, in words.
const MIN_SENTENCE_WORDS: usize = 4;

/// Every objective statement of `doc`, in document order.
pub(super) fn statements(
    doc: &Document,
    roles: &[Role],
    sections: &[Sections],
    cues: &[Vec<Hit<Cue>>],
) -> Vec<Statement> {
    let mut out = Vec::new();
    for (index, segment) in doc.segments.iter().enumerate() {
        let folded = segment.folded.text.as_str();
        let whole = trim(folded, 0..folded.len());
        let objectives = sections[index].is_objectives();
        let statement = |range: Range<usize>| Statement {
            segment: index,
            main: within(&cues[index], range.clone())
                .iter()
                .any(|h| h.payload == Cue::MainGoal),
            folded: range,
        };
        match (segment.kind, roles[index]) {
            (
                SegmentKind::ListItem { has_sublist: false }
                | SegmentKind::TableRow { header: false },
                Role::Body | Role::Label { .. },
            ) if objectives && is_item(&folded[whole.clone()]) => {
                out.push(statement(whole));
            }
            (SegmentKind::Paragraph, Role::Label { kinds })
                if kinds.is_objectives() && is_objective_label(segment, &cues[index]) =>
            {
                out.push(statement(whole));
            }
            (SegmentKind::Paragraph, Role::Body)
                if !sections[index].has(SectionKind::Background) =>
            {
                for sentence in sentences(segment) {
                    let sentence = trim(folded, sentence);
                    if is_goal(
                        folded,
                        &sentence,
                        within(&cues[index], sentence.clone()),
                        objectives,
                    ) {
                        out.push(statement(sentence));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// `Objective: …`, `2. Цель кампании: …`: a label of a few words. "Our objective was
/// simple: boost sales" is a past sentence.
fn is_objective_label(segment: &Segment, cues: &[Hit<Cue>]) -> bool {
    let text = segment.text.as_str();
    let Some(colon) = label_colon(text) else {
        return false;
    };
    let past = cues.iter().any(|hit| {
        hit.payload == Cue::NotAGoal
            && segment.folded.original_range(hit.folded.clone()).start < colon.start
    });
    !past && word_count(&text[numbering_len(text)..colon.start]) <= LABEL_WORDS
}

/// An objective item: two words at least, and not a lead-in.
fn is_item(text: &str) -> bool {
    !is_lead_in(text) && word_count(text) >= 2
}

/// "This year we want to:", "Задачи:": introduces the statements, is not one.
fn is_lead_in(text: &str) -> bool {
    text.ends_with([':', '：'])
}

fn is_goal(folded: &str, sentence: &Range<usize>, cues: &[Hit<Cue>], objectives: bool) -> bool {
    let text = &folded[sentence.clone()];
    if is_lead_in(text) || word_count(text) < MIN_SENTENCE_WORDS {
        return false;
    }
    let Some(goal) = cues.iter().find(|hit| {
        let states = matches!(hit.payload, Cue::GoalNoun | Cue::MainGoal)
            || (objectives && hit.payload == Cue::GoalWish);
        states && word_count(&folded[sentence.start..hit.folded.start]) <= GOAL_START_WORDS
    }) else {
        return false;
    };
    // Words of a brief near the goal word ("the purpose of this RFP", "l'objectif du
    // titulaire") make it the procurement's purpose, not the campaign's.
    !cues.iter().any(|hit| {
        matches!(hit.payload, Cue::NotAGoal | Cue::BriefSignal)
            && if hit.folded.end <= goal.folded.start {
                word_count(&folded[hit.folded.end..goal.folded.start]) < NOT_A_GOAL_REACH
            } else {
                word_count(&folded[goal.folded.end..hit.folded.start]) < NOT_A_GOAL_REACH
            }
    })
}

/// Whether `text` holds a number that can be a target: not an age range ("18-25 ans",
/// "aged 25–44", "в возрасте от 30 до 70 лет" say who, not how much). A year counts: it is
/// a date.
pub fn has_target_number(text: &str) -> bool {
    ages().replace_all(text, " ").chars().any(char::is_numeric)
}

/// Whether `text` sets a quantity: a number that is neither an age range nor a year ("renew
/// for 2026" sets a date, not a KPI target). A year is four digits from 1900 to 2099 with no
/// currency, percent sign or digit beside it (`£2000`, `2000 %`, `2000.5` are amounts).
pub fn is_quantified(text: &str) -> bool {
    static YEARS: OnceLock<Regex> = OnceLock::new();
    let years =
        YEARS.get_or_init(|| Regex::new(r"\b(?:19|20)\d\d\b").expect("year pattern is valid"));
    let text = ages().replace_all(text, " ");
    let mut rest = String::with_capacity(text.len());
    let mut last = 0;
    for found in years.find_iter(&text) {
        let (before, after) = (&text[..found.start()], &text[found.end()..]);
        let currency = |c: char| "€$£₽₴".contains(c);
        let amount = before
            .chars()
            .next_back()
            .is_some_and(|c| c.is_numeric() || currency(c) || ".,".contains(c))
            || before.trim_end().chars().next_back().is_some_and(currency)
            || after.starts_with(char::is_numeric)
            || (after.starts_with(['.', ',']) && after[1..].starts_with(char::is_numeric))
            || after
                .trim_start()
                .starts_with(|c: char| c == '%' || currency(c));
        if !amount {
            rest.push_str(&text[last..found.start()]);
            last = found.end();
        }
    }
    rest.push_str(&text[last..]);
    rest.chars().any(char::is_numeric)
}

fn ages() -> &'static Regex {
    static AGES: OnceLock<Regex> = OnceLock::new();
    AGES.get_or_init(|| {
        Regex::new(concat!(
            r"(?i)\b(?:aged|âgé(?:e|s|es)? de|в возрасте(?: от)?|віком(?: від)?)\s*\d+(?:\s*(?:[-–—]|à|to|до)\s*\d+)?\+?",
            r"|\d+\s*(?:[-–—]|à|to|до)\s*\d+\s*(?:ans|лет|років|роки|years?(?: old)?|year-olds)\b",
            r"|\b\d+\+",
        ))
        .expect("age pattern is valid")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::analyse;

    /// The text of each objective statement of a brief, and whether it is the main goal.
    fn statements(text: &str) -> Vec<(String, bool)> {
        let doc = analyse("brief.md", text);
        doc.statements
            .iter()
            .map(|s| {
                let segment = &doc.doc.segments[s.segment];
                let span = segment.source_range_of_folded(s.folded.clone());
                (doc.doc.source.text[span].to_string(), s.main)
            })
            .collect()
    }

    fn texts(text: &str) -> Vec<String> {
        statements(text).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn goal_sentences_state_objectives_in_four_languages() {
        for (text, goal) in [
            (
                "# Brief\n\nHello. The goal of this campaign is to bring awareness of the islands to couples. Thanks.\n",
                "The goal of this campaign is to bring awareness of the islands to couples.",
            ),
            (
                "# Brief\n\nL'objectif de la campagne est d'accroître la notoriété des lignes express.\n",
                "L'objectif de la campagne est d'accroître la notoriété des lignes express.",
            ),
            (
                "# Бриф\n\nЗадача — получить максимальные охваты в районах рядом с клубами.\n",
                "Задача — получить максимальные охваты в районах рядом с клубами.",
            ),
            (
                "# Запит\n\nМетою кампанії є підвищення обізнаності мешканців про безпечну воду.\n",
                "Метою кампанії є підвищення обізнаності мешканців про безпечну воду.",
            ),
        ] {
            assert_eq!(texts(text), vec![goal], "{text}");
        }
        assert_eq!(
            statements("# Бриф\n\n## Задачи\n\nГлавная цель — продать 2 000 абонементов.\n"),
            vec![(
                "Главная цель — продать 2 000 абонементов.".to_string(),
                true
            )]
        );
    }

    #[test]
    fn past_generic_procurement_and_background_goals_are_not_statements() {
        for text in [
            "# Case\n\nOur objective was simple: boost online sales of the range.\n",
            "# Cas\n\nL'objectif de la campagne 2023 était d'accroître la sensibilisation.\n",
            "# Кейс\n\nПеред нами стояла задача получить максимальные охваты.\n",
            "# Інтерв'ю\n\nМета будь-якої реклами — продавати більше.\n",
            "# RFP\n\nThe purpose of this RFP is to appoint an agency of record.\n",
            "# Brief\n\n## Background\n\nThe goal of the brand is to be the first choice of families.\n",
            "# Бриф\n\nЗадача агентства — разработать медиаплан на весну.\n",
        ] {
            assert_eq!(texts(text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn a_wish_is_a_goal_only_in_an_objectives_section() {
        assert_eq!(
            texts(
                "# Brief\n\nWe would like to receive your plan by Friday.\n\n## What we want to achieve\n\nWe would also like Kelso to become the name people think of first.\n"
            ),
            vec!["We would also like Kelso to become the name people think of first."]
        );
        assert_eq!(
            texts(
                "# Лист\n\n**Чого ми хочемо**\n\nТакож хочемо, щоб «Зерно» асоціювалося з найсмачнішою кавою.\n"
            ),
            vec!["Також хочемо, щоб «Зерно» асоціювалося з найсмачнішою кавою."]
        );
    }

    #[test]
    fn items_and_objective_labels_are_statements_but_lead_ins_are_not() {
        assert_eq!(
            texts(
                "# Brief\n\n## Objectives\n\nThis year we want to:\n\n- Grow online sales\n- Sales\n\nObjective: be the first bakery people think of.\n"
            ),
            vec![
                "Grow online sales",
                "Objective: be the first bakery people think of."
            ]
        );
    }

    #[test]
    fn an_age_range_is_no_target_and_a_year_is_no_quantity() {
        assert!(!has_target_number("auprès des 18-25 ans"));
        assert!(!has_target_number("couples aged 45–70 and people 60+"));
        assert!(!has_target_number("жителей в возрасте от 30 до 70 лет"));
        assert!(has_target_number("reach 60% of adults aged 25–44"));
        assert!(has_target_number("renew for 2026"));
        assert!(!is_quantified("renew for 2026 and 2025–2026"));
        assert!(is_quantified("2,000 leads in 2026"));
        assert!(is_quantified("£2000 more than in 2024"));
    }
}
