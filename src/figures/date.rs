//! Dates and windows: days, months, quarters, half-years and seasons, alone or joined into
//! a window ("du 15 juillet au 15 septembre", "1.04–30.06.2026"), with the cue that makes
//! them a start ("à partir du"), a deadline ("d'ici fin juin", "до 1 вересня") or a point.
//!
//! A paragraph is cut into number, word and punctuation tokens once; each date form is a
//! short pattern over tokens. Cue words are matched on the text before a date.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::text::{
    Table, char_before, fold, is_letter, longest_at, longest_before, skip_ws, skip_ws_back,
};
use crate::vocab::Lang;

/// A calendar day. `year` is `None` when the text does not say it; `day` is `None` for a
/// day known only to its month. Days read from text always carry a day: a month is read as
/// its first and last days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Day {
    pub year: Option<i32>,
    pub month: u8,
    pub day: Option<u8>,
}

impl Day {
    /// This day with `year` when its own year is unknown.
    pub fn or_year(self, year: i32) -> Day {
        Day {
            year: self.year.or(Some(year)),
            ..self
        }
    }

    /// Days in `month`; February of an unknown year counts 29 so that month ends bound it.
    pub fn days_in_month(year: Option<i32>, month: u8) -> u8 {
        match month {
            4 | 6 | 9 | 11 => 30,
            2 => match year {
                Some(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
                _ => 29,
            },
            _ => 31,
        }
    }

    fn first(year: Option<i32>, month: u8) -> Day {
        Day {
            year,
            month,
            day: Some(1),
        }
    }

    fn last(year: Option<i32>, month: u8) -> Day {
        Day {
            year,
            month,
            day: Some(Day::days_in_month(year, month)),
        }
    }
}

/// Days compare only when both years are known or both unknown: "15 March" is not before
/// "1 April 2026", it is undecided. A missing day sorts before the days of its month.
impl PartialOrd for Day {
    fn partial_cmp(&self, other: &Day) -> Option<Ordering> {
        if self.year.is_some() != other.year.is_some() {
            return None;
        }
        Some((self.year, self.month, self.day).cmp(&(other.year, other.month, other.day)))
    }
}

/// What a date says about time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateKind {
    /// A day or a period: "le 12 mai", "Q1 2026", "in March".
    Point,
    /// From one date to another: "2 March – 30 April 2026".
    Window,
    /// From a date on: "à partir du 1er mars", "з 1 квітня".
    Start,
    /// By a date: "d'ici fin juin", "no later than 14 November", "до 1 вересня".
    Deadline,
}

/// A date or window read from text.
#[derive(Debug, Clone, PartialEq)]
pub struct DateSpan {
    /// Bytes of the date itself, cue words excluded.
    pub range: Range<usize>,
    /// First day covered. For a start or a deadline, the day it names: a day as written
    /// ("avant le 14 novembre" and "by 14 November" are both 14 November), the first day of a
    /// period after "before" words ("avant juin", "до мая": 1 June, 1 May), its last day
    /// after "by" words ("d'ici juin", "jusqu'en juin", "не позднее мая": 30 June, 31 May).
    pub start: Day,
    /// Last day covered; equal to `start` for a single day, a start or a deadline.
    pub end: Day,
    pub kind: DateKind,
    /// The words that made the kind ("du", "d'ici", "не пізніше", "au plus tard").
    pub cue: Option<Range<usize>>,
}

impl DateSpan {
    /// This span with `year` for the ends whose year is unknown; a window that runs from a
    /// later month to an earlier one ("du 15 décembre au 15 janvier") starts the year before.
    pub fn or_year(&self, year: i32) -> DateSpan {
        let end = self.end.or_year(year);
        let wraps = self.start.year.is_none()
            && self.end.year.is_none()
            && (self.start.month, self.start.day) > (self.end.month, self.end.day);
        let start = self.start.or_year(if wraps { year - 1 } else { year });
        DateSpan {
            start,
            end,
            ..self.clone()
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Tok {
    Num(u32),
    Word,
    Punct(char),
}

#[derive(Debug, Clone, Copy)]
struct Token {
    tok: Tok,
    /// What a word token names, looked up once.
    word: Lexeme,
    start: usize,
    end: usize,
    /// Whitespace before the token.
    gap: bool,
}

impl Token {
    fn digits(&self) -> usize {
        self.end - self.start
    }
}

fn tokenize(text: &str) -> Vec<Token> {
    let lexicon = lexicon();
    let mut folded = String::new();
    let mut out = Vec::new();
    let mut gap = false;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            gap = true;
            continue;
        }
        let mut end = i + c.len_utf8();
        let mut word = Lexeme::default();
        let tok = if c.is_ascii_digit() {
            while let Some(&(j, d)) = it.peek().filter(|(_, d)| d.is_ascii_digit()) {
                end = j + d.len_utf8();
                it.next();
            }
            Tok::Num(text[i..end].parse().unwrap_or(u32::MAX))
        } else if is_letter(c) {
            while let Some(&(j, d)) = it.peek().filter(|(_, d)| is_letter(*d)) {
                end = j + d.len_utf8();
                it.next();
            }
            if end - i <= lexicon.longest {
                folded.clear();
                folded.extend(text[i..end].chars().map(fold));
                if let Some(&found) = lexicon.words.get(folded.as_str()) {
                    word = found;
                }
            }
            Tok::Word
        } else {
            Tok::Punct(c)
        };
        out.push(Token {
            tok,
            word,
            start: i,
            end,
            gap,
        });
        gap = false;
    }
    out
}

/// What a word can name in a date. A word may be several things ("second", "mars").
#[derive(Debug, Clone, Copy, Default)]
struct Lexeme {
    /// A French, Russian or Ukrainian month, and whether abbreviated.
    month: Option<(u8, bool)>,
    /// An English month (read only when capitalised), and whether abbreviated.
    english_month: Option<(u8, bool)>,
    /// A season's months, and whether the word stands alone.
    season: Option<(u8, u8, bool)>,
    /// A quarter (3) or half-year (6) noun.
    period: Option<u8>,
    /// An ordinal word ("second", "перше", "IV").
    ordinal: Option<u8>,
}

/// Every date word, folded, and the length in bytes of the longest, built once.
struct Lexicon {
    words: HashMap<&'static str, Lexeme, BuildHasherDefault<Fnv>>,
    longest: usize,
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut words: HashMap<&'static str, Lexeme, BuildHasherDefault<Fnv>> = HashMap::default();
        for &(w, m, abbr) in MONTHS {
            words.entry(w).or_default().month = Some((m, abbr));
        }
        for &(w, m, abbr) in MONTHS_EN {
            words.entry(w).or_default().english_month = Some((m, abbr));
        }
        for &(w, a, b, alone) in SEASONS {
            words.entry(w).or_default().season = Some((a, b, alone));
        }
        for &(w, len) in PERIODS {
            words.entry(w).or_default().period = Some(len);
        }
        for &(w, n) in ORDINAL_WORDS {
            words.entry(w).or_default().ordinal = Some(n);
        }
        // Upper-case letters fold to lower-case ones of the same length in these scripts.
        let longest = words.keys().map(|w| w.len()).max().unwrap_or(0);
        Lexicon { words, longest }
    })
}

/// FNV-1a: date words are short, and SipHash's protection buys nothing here.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// Month names in every case form briefs use, and their abbreviations (`true`), which
/// only stand next to a day or year.
const MONTHS: &[(&str, u8, bool)] = &[
    ("janvier", 1, false),
    ("janv", 1, true),
    ("février", 2, false),
    ("fevrier", 2, false),
    ("févr", 2, true),
    ("fevr", 2, true),
    ("mars", 3, false),
    ("avril", 4, false),
    ("avr", 4, true),
    ("mai", 5, false),
    ("juin", 6, false),
    ("juillet", 7, false),
    ("juil", 7, true),
    ("août", 8, false),
    ("aout", 8, false),
    ("septembre", 9, false),
    ("sept", 9, true),
    ("octobre", 10, false),
    ("oct", 10, true),
    ("novembre", 11, false),
    ("nov", 11, true),
    ("décembre", 12, false),
    ("decembre", 12, false),
    ("déc", 12, true),
    ("dec", 12, true),
    ("январь", 1, false),
    ("января", 1, false),
    ("январе", 1, false),
    ("янв", 1, true),
    ("февраль", 2, false),
    ("февраля", 2, false),
    ("феврале", 2, false),
    ("фев", 2, true),
    ("февр", 2, true),
    ("март", 3, false),
    ("марта", 3, false),
    ("марте", 3, false),
    ("мар", 3, true),
    ("апрель", 4, false),
    ("апреля", 4, false),
    ("апреле", 4, false),
    ("апр", 4, true),
    ("май", 5, false),
    ("мая", 5, false),
    ("мае", 5, false),
    ("июнь", 6, false),
    ("июня", 6, false),
    ("июне", 6, false),
    ("июн", 6, true),
    ("июль", 7, false),
    ("июля", 7, false),
    ("июле", 7, false),
    ("июл", 7, true),
    ("август", 8, false),
    ("августа", 8, false),
    ("августе", 8, false),
    ("авг", 8, true),
    ("сентябрь", 9, false),
    ("сентября", 9, false),
    ("сентябре", 9, false),
    ("сен", 9, true),
    ("сент", 9, true),
    ("октябрь", 10, false),
    ("октября", 10, false),
    ("октябре", 10, false),
    ("окт", 10, true),
    ("ноябрь", 11, false),
    ("ноября", 11, false),
    ("ноябре", 11, false),
    ("ноя", 11, true),
    ("нояб", 11, true),
    ("декабрь", 12, false),
    ("декабря", 12, false),
    ("декабре", 12, false),
    ("дек", 12, true),
    ("січень", 1, false),
    ("січня", 1, false),
    ("січні", 1, false),
    ("січ", 1, true),
    ("лютий", 2, false),
    ("лютого", 2, false),
    ("лютому", 2, false),
    ("лют", 2, true),
    ("березень", 3, false),
    ("березня", 3, false),
    ("березні", 3, false),
    ("бер", 3, true),
    ("квітень", 4, false),
    ("квітня", 4, false),
    ("квітні", 4, false),
    ("квіт", 4, true),
    ("травень", 5, false),
    ("травня", 5, false),
    ("травні", 5, false),
    ("трав", 5, true),
    ("червень", 6, false),
    ("червня", 6, false),
    ("червні", 6, false),
    ("черв", 6, true),
    ("липень", 7, false),
    ("липня", 7, false),
    ("липні", 7, false),
    ("лип", 7, true),
    ("серпень", 8, false),
    ("серпня", 8, false),
    ("серпні", 8, false),
    ("серп", 8, true),
    ("вересень", 9, false),
    ("вересня", 9, false),
    ("вересні", 9, false),
    ("вер", 9, true),
    ("жовтень", 10, false),
    ("жовтня", 10, false),
    ("жовтні", 10, false),
    ("жовт", 10, true),
    ("листопад", 11, false),
    ("листопада", 11, false),
    ("листопаді", 11, false),
    ("лист", 11, true),
    ("грудень", 12, false),
    ("грудня", 12, false),
    ("грудні", 12, false),
    ("груд", 12, true),
];

/// English month names, read only when capitalised ("may" and "march" are verbs).
const MONTHS_EN: &[(&str, u8, bool)] = &[
    ("january", 1, false),
    ("jan", 1, true),
    ("february", 2, false),
    ("feb", 2, true),
    ("march", 3, false),
    ("mar", 3, true),
    ("april", 4, false),
    ("apr", 4, true),
    ("may", 5, false),
    ("june", 6, false),
    ("jun", 6, true),
    ("july", 7, false),
    ("jul", 7, true),
    ("august", 8, false),
    ("aug", 8, true),
    ("september", 9, false),
    ("sep", 9, true),
    ("sept", 9, true),
    ("october", 10, false),
    ("oct", 10, true),
    ("november", 11, false),
    ("nov", 11, true),
    ("december", 12, false),
    ("dec", 12, true),
];

/// Seasons as month spans, and whether the word names a date on its own ("летом") or
/// needs a year ("été" is also a verb form, "fall" a verb).
const SEASONS: &[(&str, u8, u8, bool)] = &[
    ("spring", 3, 5, false),
    ("printemps", 3, 5, false),
    ("весна", 3, 5, false),
    ("весной", 3, 5, true),
    ("навесні", 3, 5, true),
    ("summer", 6, 8, false),
    ("été", 6, 8, false),
    ("лето", 6, 8, false),
    ("летом", 6, 8, true),
    ("літо", 6, 8, false),
    ("влітку", 6, 8, true),
    ("autumn", 9, 11, false),
    ("fall", 9, 11, false),
    ("automne", 9, 11, false),
    ("осень", 9, 11, false),
    ("осенью", 9, 11, true),
    ("осінь", 9, 11, false),
    ("восени", 9, 11, true),
    ("rentrée", 9, 9, false),
];

/// Nouns of quarters (3 months) and half-years (6 months).
const PERIODS: &[(&str, u8)] = &[
    ("trimestre", 3),
    ("quarter", 3),
    ("квартал", 3),
    ("квартала", 3),
    ("квартале", 3),
    ("кварталі", 3),
    ("кварталу", 3),
    ("кв", 3),
    ("semestre", 6),
    ("half", 6),
    ("полугодие", 6),
    ("полугодия", 6),
    ("полугодии", 6),
    ("півріччя", 6),
    ("півріччі", 6),
    ("півріччям", 6),
];

/// Ordinal words before a period noun ("second semestre", "перше півріччя").
const ORDINAL_WORDS: &[(&str, u8)] = &[
    ("premier", 1),
    ("première", 1),
    ("first", 1),
    ("deuxième", 2),
    ("second", 2),
    ("seconde", 2),
    ("troisième", 3),
    ("third", 3),
    ("quatrième", 4),
    ("fourth", 4),
    ("первый", 1),
    ("первом", 1),
    ("первого", 1),
    ("первое", 1),
    ("второй", 2),
    ("втором", 2),
    ("второго", 2),
    ("второе", 2),
    ("третий", 3),
    ("третьем", 3),
    ("третьего", 3),
    ("четвертый", 4),
    ("четвертом", 4),
    ("четвертого", 4),
    ("перший", 1),
    ("першому", 1),
    ("першого", 1),
    ("перше", 1),
    ("другий", 2),
    ("другому", 2),
    ("другого", 2),
    ("друге", 2),
    ("третій", 3),
    ("третьому", 3),
    ("третього", 3),
    ("четвертий", 4),
    ("четвертому", 4),
    ("i", 1),
    ("ii", 2),
    ("iii", 3),
    ("iv", 4),
];

/// Ordinal endings glued to a day ("1er", "2nd", "1-го").
const DAY_SUFFIXES: &[&str] = &[
    "er", "re", "st", "nd", "rd", "th", "e", "ème", "го", "е", "й", "ого",
];

/// Words after a year ("2026 г.", "2026 року").
const YEAR_WORDS: &[&str] = &[
    "г", "гг", "года", "году", "год", "р", "рр", "року", "рік", "році",
];

/// Words joining the two ends of a window; `true`: only after "between", "entre", "между".
static JOINS: Table<bool> = Table::new(&[
    ("to", false),
    ("through", false),
    ("thru", false),
    ("until", false),
    ("till", false),
    ("au", false),
    ("à", false),
    ("jusqu'au", false),
    ("по", false),
    ("до", false),
    ("and", true),
    ("et", true),
    ("и", true),
    ("і", true),
    ("та", true),
]);

/// Where in a period a modifier points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Start,
    Mid,
    End,
}

static MODIFIERS: Table<Part> = Table::new(&[
    ("fin", Part::End),
    ("fin de", Part::End),
    ("fin du mois de", Part::End),
    ("la fin de", Part::End),
    ("la fin du mois de", Part::End),
    ("end of", Part::End),
    ("the end of", Part::End),
    ("end-", Part::End),
    ("late", Part::End),
    ("конца", Part::End),
    ("конец", Part::End),
    ("конце", Part::End),
    ("кінця", Part::End),
    ("кінець", Part::End),
    ("кінці", Part::End),
    ("наприкінці", Part::End),
    ("début", Part::Start),
    ("début de", Part::Start),
    ("le début de", Part::Start),
    ("beginning of", Part::Start),
    ("the beginning of", Part::Start),
    ("start of", Part::Start),
    ("the start of", Part::Start),
    ("early", Part::Start),
    ("начала", Part::Start),
    ("начало", Part::Start),
    ("начале", Part::Start),
    ("початку", Part::Start),
    ("початок", Part::Start),
    ("на початку", Part::Start),
    ("mi-", Part::Mid),
    ("mid-", Part::Mid),
    ("mid", Part::Mid),
    ("the middle of", Part::Mid),
    ("middle of", Part::Mid),
    ("середины", Part::Mid),
    ("середина", Part::Mid),
    ("середине", Part::Mid),
    ("середини", Part::Mid),
    ("середині", Part::Mid),
    ("посередині", Part::Mid),
]);

/// What a cue before a date makes of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// Opens a window, or starts from the date.
    From,
    /// Opens a window only ("between").
    Between,
    /// A deadline at the start of the period named ("avant juin", "до мая").
    Before,
    /// A deadline at the end of the period named ("by June", "jusqu'en juin").
    By,
    /// Just places the date ("in", "en", "в").
    In,
}

static CUES: Table<Cue> = Table::new(&[
    ("from", Cue::From),
    ("starting", Cue::From),
    ("starting on", Cue::From),
    ("starting from", Cue::From),
    ("as of", Cue::From),
    ("w/c", Cue::From),
    ("week commencing", Cue::From),
    ("as from", Cue::From),
    ("since", Cue::From),
    ("du", Cue::From),
    ("de", Cue::From),
    ("à partir du", Cue::From),
    ("à partir de", Cue::From),
    ("dès le", Cue::From),
    ("dès", Cue::From),
    ("à compter du", Cue::From),
    ("depuis le", Cue::From),
    ("с", Cue::From),
    ("со", Cue::From),
    ("начиная с", Cue::From),
    ("з", Cue::From),
    ("із", Cue::From),
    ("від", Cue::From),
    ("починаючи з", Cue::From),
    ("between", Cue::Between),
    ("entre", Cue::Between),
    ("entre le", Cue::Between),
    ("между", Cue::Between),
    ("між", Cue::Between),
    ("before", Cue::Before),
    ("before the", Cue::Before),
    ("prior to", Cue::Before),
    ("avant", Cue::Before),
    ("avant le", Cue::Before),
    ("avant la", Cue::Before),
    ("до", Cue::Before),
    ("перед", Cue::Before),
    ("by", Cue::By),
    ("by the", Cue::By),
    ("until", Cue::By),
    ("till", Cue::By),
    ("no later than", Cue::By),
    ("not later than", Cue::By),
    ("due", Cue::By),
    ("due by", Cue::By),
    ("deadline", Cue::By),
    ("d'ici", Cue::By),
    ("d'ici le", Cue::By),
    ("d'ici la", Cue::By),
    ("d'ici à", Cue::By),
    ("d'ici au", Cue::By),
    ("jusqu'au", Cue::By),
    ("jusqu'à", Cue::By),
    ("jusqu'en", Cue::By),
    ("au plus tard le", Cue::By),
    ("au plus tard", Cue::By),
    ("не позднее", Cue::By),
    ("не позже", Cue::By),
    ("к", Cue::By),
    ("не пізніше", Cue::By),
    ("не пізніше ніж", Cue::By),
    ("in", Cue::In),
    ("on", Cue::In),
    ("during", Cue::In),
    ("en", Cue::In),
    ("le", Cue::In),
    ("au mois de", Cue::In),
    ("durant", Cue::In),
    ("pendant", Cue::In),
    ("courant", Cue::In),
    ("в", Cue::In),
    ("во", Cue::In),
    ("у", Cue::In),
    ("протягом", Cue::In),
    ("в течение", Cue::In),
]);

/// Weekday names, skipped between a cue or join and a day ("du lundi 3 au vendredi 7").
static WEEKDAYS: Table<()> = Table::new(&[
    ("monday", ()),
    ("tuesday", ()),
    ("wednesday", ()),
    ("thursday", ()),
    ("friday", ()),
    ("saturday", ()),
    ("sunday", ()),
    ("mon", ()),
    ("tue", ()),
    ("wed", ()),
    ("thu", ()),
    ("fri", ()),
    ("sat", ()),
    ("sun", ()),
    ("lundi", ()),
    ("mardi", ()),
    ("mercredi", ()),
    ("jeudi", ()),
    ("vendredi", ()),
    ("samedi", ()),
    ("dimanche", ()),
    ("понедельник", ()),
    ("вторник", ()),
    ("среда", ()),
    ("среду", ()),
    ("четверг", ()),
    ("пятница", ()),
    ("пятницу", ()),
    ("суббота", ()),
    ("субботу", ()),
    ("воскресенье", ()),
    ("понеділок", ()),
    ("вівторок", ()),
    ("середа", ()),
    ("середу", ()),
    ("четвер", ()),
    ("п'ятниця", ()),
    ("п'ятницю", ()),
    ("субота", ()),
    ("суботу", ()),
    ("неділя", ()),
    ("неділю", ()),
]);

/// Words after a date that make it a deadline.
static LATEST: Table<()> = Table::new(&[
    ("au plus tard", ()),
    ("at the latest", ()),
    ("крайний срок", ()),
]);

/// A month word read at a token.
#[derive(Debug, Clone, Copy)]
struct Month {
    month: u8,
    abbr: bool,
    english: bool,
    /// Token after the word and its abbreviation dot.
    next: usize,
}

/// One date as written: a day, a month, a quarter or a season, or a bare day number that
/// only a window can complete ("du 1er au 15 mars").
#[derive(Debug, Clone, Copy)]
struct Piece {
    start: usize,
    end: usize,
    /// Token after the piece.
    next: usize,
    day: Option<u8>,
    months: Option<(u8, u8)>,
    year: Option<i32>,
    /// Reads as a date without help: it has a day and month, or a year.
    strong: bool,
    /// A year alone: a date only after a deadline cue or a modifier ("d'ici fin 2026").
    bare_year: bool,
    /// Reads as a decimal too ("1.10"): a date only in a window whose other end has a year.
    decimal_like: bool,
}

impl Piece {
    fn bounds(&self) -> (Day, Day) {
        let (a, b) = self.months.unwrap_or((1, 1));
        match self.day {
            Some(d) => {
                let day = Day {
                    year: self.year,
                    month: a,
                    day: Some(d),
                };
                (day, day)
            }
            None => (Day::first(self.year, a), Day::last(self.year, b)),
        }
    }
}

struct Parser<'a> {
    text: &'a str,
    toks: Vec<Token>,
    lang: Lang,
}

pub(super) fn scan(text: &str, lang: Lang) -> Vec<DateSpan> {
    if !may_hold(text) {
        return Vec::new();
    }
    let p = Parser {
        text,
        toks: tokenize(text),
        lang,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < p.toks.len() {
        if !p.may_start(i) {
            i += 1;
            continue;
        }
        match p.expression(i) {
            Some((span, next)) => {
                out.push(span);
                i = next;
            }
            None => i += 1,
        }
    }
    out
}

/// Whether a paragraph can hold a date at all: a month, season or period word, a period
/// code ("Q1", "H2"), digits joined by ".", "/" or a dash ("1.04", "03/03", "2026-04-01"),
/// or a year after a cue.
/// One automaton pass and a byte scan, where tokenizing costs tens of times more; most
/// paragraphs with a number hold no date.
fn may_hold(text: &str) -> bool {
    static WORDS: OnceLock<AhoCorasick> = OnceLock::new();
    let bytes = text.as_bytes();
    let joined = bytes.windows(3).any(|w| {
        w[0].is_ascii_digit()
            && matches!(w[1], b'.' | b'/' | b'-' | 0xE2)
            && (w[2].is_ascii_digit() || w[1] == 0xE2)
    });
    let code = bytes
        .windows(2)
        .any(|w| matches!(w[0], b'Q' | b'H' | b'T' | b'S') && w[1].is_ascii_digit());
    if joined || code || cued_year(text) {
        return true;
    }
    let words = WORDS.get_or_init(|| {
        let forms = MONTHS
            .iter()
            .map(|m| m.0)
            .chain(MONTHS_EN.iter().map(|m| m.0))
            .chain(SEASONS.iter().map(|s| s.0))
            .chain(PERIODS.iter().map(|p| p.0));
        let patterns = forms.flat_map(|w| {
            let mut chars = w.chars();
            let first: String = chars
                .next()
                .into_iter()
                .flat_map(char::to_uppercase)
                .collect();
            [w.to_string(), first + chars.as_str()]
        });
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns)
            .expect("date words build")
    });
    words.find_iter(text).any(|m| {
        !char_before(text, m.start()).is_some_and(is_letter)
            && !text[m.end()..].chars().next().is_some_and(is_letter)
    })
}

/// A year right after a cue or a part of a period ("d'ici fin 2026", "до 2027 года", "by the
/// end of 2026"): the only dates that are a year alone.
fn cued_year(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let year = i - start == 4 && matches!(&text[start..start + 2], "19" | "20");
        let lead = skip_ws_back(text, start);
        if year
            && (longest_before(text, lead, &CUES).is_some()
                || longest_before(text, lead, &MODIFIERS).is_some())
        {
            return true;
        }
    }
    false
}

impl Parser<'_> {
    /// Whether a date can start at token `i`: a number, a date word, or a period letter
    /// ("Q1"). Most tokens are neither, and every parser would be tried on them.
    fn may_start(&self, i: usize) -> bool {
        let t = &self.toks[i];
        match t.tok {
            Tok::Num(_) => true,
            Tok::Punct(_) => false,
            Tok::Word => {
                let w = t.word;
                w.month.is_some()
                    || w.english_month.is_some()
                    || w.season.is_some()
                    || w.period.is_some()
                    || w.ordinal.is_some()
                    || matches!(&self.text[t.start..t.end], "Q" | "T" | "H" | "S")
            }
        }
    }

    fn tok(&self, i: usize) -> Option<&Token> {
        self.toks.get(i)
    }

    fn word(&self, i: usize) -> Option<&str> {
        self.tok(i)
            .filter(|t| t.tok == Tok::Word)
            .map(|t| &self.text[t.start..t.end])
    }

    fn num(&self, i: usize) -> Option<(u32, usize)> {
        self.tok(i).and_then(|t| match t.tok {
            Tok::Num(n) => Some((n, t.digits())),
            _ => None,
        })
    }

    fn punct(&self, i: usize) -> Option<char> {
        self.tok(i).and_then(|t| match t.tok {
            Tok::Punct(c) => Some(c),
            _ => None,
        })
    }

    fn glued(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| !t.gap)
    }

    /// The month a word names, whether it is an abbreviation, and whether it is English
    /// (only English puts the day after the month).
    fn month(&self, i: usize) -> Option<Month> {
        let t = self.tok(i).filter(|t| t.tok == Tok::Word)?;
        let capital = self.text[t.start..].starts_with(char::is_uppercase);
        let (english, (month, abbr)) = match (t.word.english_month, t.word.month) {
            (Some(m), _) if capital => (true, m),
            (_, Some(m)) => (false, m),
            _ => return None,
        };
        Some(Month {
            month,
            abbr,
            english,
            next: i + 1,
        })
    }

    /// A month word and its optional abbreviation dot.
    fn month_word(&self, i: usize) -> Option<Month> {
        let m = self.month(i)?;
        let dot = m.abbr && self.punct(i + 1) == Some('.') && self.glued(i + 1);
        Some(Month {
            next: if dot { i + 2 } else { i + 1 },
            ..m
        })
    }

    /// A year at `i`, with its "г." or "року", optionally after a comma or "of".
    fn year(&self, i: usize) -> Option<(i32, usize)> {
        let mut i = i;
        if self.punct(i) == Some(',')
            || self
                .word(i)
                .is_some_and(|w| eq_fold(w, "of") || eq_fold(w, "de"))
        {
            i += 1;
        }
        let (n, d) = self.num(i)?;
        if d != 4 || !(1900..=2100).contains(&n) || self.glued(i + 1) && self.num(i + 1).is_some() {
            return None;
        }
        let mut next = i + 1;
        if let Some(w) = self
            .word(next)
            .filter(|w| YEAR_WORDS.iter().any(|y| eq_fold(w, y)))
        {
            next += 1;
            // "р." and "г." take their dot, "року." ends a sentence.
            if w.chars().count() <= 2 && self.punct(next) == Some('.') && self.glued(next) {
                next += 1;
            }
        }
        Some((n as i32, next))
    }

    /// A day number (1–31) with its ordinal ending: day, next token.
    fn day(&self, i: usize) -> Option<(u8, usize)> {
        let (n, d) = self.num(i)?;
        if d > 2 || !(1..=31).contains(&n) {
            return None;
        }
        let mut next = i + 1;
        if self.glued(next)
            && self
                .word(next)
                .is_some_and(|w| DAY_SUFFIXES.iter().any(|s| eq_fold(w, s)))
        {
            next += 1;
        } else if self.punct(next) == Some('-')
            && self.glued(next)
            && self.glued(next + 1)
            && self
                .word(next + 1)
                .is_some_and(|w| DAY_SUFFIXES.iter().any(|s| eq_fold(w, s)))
        {
            next += 2;
        }
        // "15 000" is a number, "14:30" a time, "1.5" a decimal, "10h" an hour.
        let busy = self.glued(next)
            && matches!(self.punct(next), Some(':' | ',' | '.' | '/'))
            && self.glued(next + 1)
            && self.num(next + 1).is_some()
            || self.num(next).is_some_and(|(_, d)| d == 3)
            || self.glued(next) && self.word(next).is_some();
        (!busy).then_some((n as u8, next))
    }

    fn piece(&self, i: usize) -> Option<Piece> {
        self.numeric(i)
            .or_else(|| self.period(i))
            .or_else(|| self.day_month(i))
            .or_else(|| self.month_day(i))
            .or_else(|| self.season(i))
            .or_else(|| self.bare_year(i))
    }

    fn make(
        &self,
        i: usize,
        next: usize,
        day: Option<u8>,
        months: (u8, u8),
        year: Option<i32>,
        strong: bool,
    ) -> Option<Piece> {
        if let Some(d) = day
            && (d == 0 || d > Day::days_in_month(year, months.0) || months.0 != months.1)
        {
            return None;
        }
        if !(1..=12).contains(&months.0) || !(1..=12).contains(&months.1) {
            return None;
        }
        Some(Piece {
            start: self.toks[i].start,
            end: self.toks[next - 1].end,
            next,
            day,
            months: Some(months),
            year,
            strong,
            bare_year: false,
            decimal_like: false,
        })
    }

    /// "2026-04-01", "01/04/2026", "1.04.2026", "1.04" (weak).
    fn numeric(&self, i: usize) -> Option<Piece> {
        let (a, ad) = self.num(i)?;
        let sep = self.punct(i + 1).filter(|c| matches!(c, '.' | '/' | '-'))?;
        let glued = |k| self.glued(k);
        if !(glued(i + 1) && glued(i + 2)) {
            return None;
        }
        let (b, bd) = self.num(i + 2)?;
        let third = (self.punct(i + 3) == Some(sep) && glued(i + 3) && glued(i + 4))
            .then(|| self.num(i + 4))
            .flatten();
        let next = if third.is_some() { i + 5 } else { i + 3 };
        // Not part of a longer dotted run (versions, IP addresses) or a decimal.
        if self.glued(next)
            && matches!(self.punct(next), Some('.' | '/' | '-' | ','))
            && self.num(next + 1).is_some()
        {
            return None;
        }
        if ad == 4 {
            let (c, cd) = third?;
            if sep != '-' || bd > 2 || cd > 2 {
                return None;
            }
            return self.make(
                i,
                next,
                Some(c as u8),
                (b as u8, b as u8),
                Some(a as i32),
                true,
            );
        }
        if ad > 2 || bd != 2 && !(bd == 1 && third.is_some()) {
            return None;
        }
        let year = match third {
            Some((c, 4)) => Some(c as i32),
            Some((c, 2)) => Some(2000 + c as i32),
            Some(_) => return None,
            None if sep == '-' => return None,
            None => None,
        };
        let (day, month) = if self.lang == Lang::En && sep == '/' && b > 12 && a <= 12 {
            (b, a)
        } else {
            (a, b)
        };
        // "1.10–1.20 €" are prices, not days.
        let unit_after = skip_ws(self.text, self.toks[next - 1].end);
        let priced = self.text[unit_after..].starts_with(['€', '$', '£', '₽', '₴', '%']);
        if month > 12 || day > 31 || year.is_none() && priced {
            return None;
        }
        let piece = self.make(
            i,
            next,
            Some(day as u8),
            (month as u8, month as u8),
            year,
            year.is_some(),
        )?;
        let decimal_like = sep == '.' && ad == 1 && year.is_none();
        Some(Piece {
            decimal_like,
            ..piece
        })
    }

    /// "Q1 2026", "H2", "1er trimestre", "I квартал", "II–III квартал", "перше півріччя",
    /// "first half of 2026".
    fn period(&self, i: usize) -> Option<Piece> {
        let (first, last, len, next) = self.period_code(i).or_else(|| self.period_words(i))?;
        if first == 0 || last < first || last > 12 / len {
            return None;
        }
        let (year, next) = match self.year(next) {
            Some((y, k)) => (Some(y), k),
            None => (None, next),
        };
        self.make(
            i,
            next,
            None,
            ((first - 1) * len + 1, last * len),
            year,
            true,
        )
    }

    /// "Q1", "T3 2026", "H2", "S1 2026": first and last period, months per period, next token.
    fn period_code(&self, i: usize) -> Option<(u8, u8, u8, usize)> {
        let w = self
            .word(i)
            .filter(|w| matches!(*w, "Q" | "T" | "H" | "S"))?;
        let (n, _) = self.num(i + 1).filter(|_| self.glued(i + 1))?;
        let n = u8::try_from(n).ok()?;
        let len = if matches!(w, "Q" | "T") { 3 } else { 6 };
        // "T" and "S" also name weeks and codes: only with a year. "H2O" is no half-year.
        let glued_word = self
            .tok(i + 2)
            .is_some_and(|t| !t.gap && t.tok == Tok::Word);
        if matches!(w, "T" | "S") && self.year(i + 2).is_none() || glued_word {
            return None;
        }
        Some((n, n, len, i + 2))
    }

    /// "1er trimestre", "2-й квартал", "second semestre", "II–III квартал".
    fn period_words(&self, i: usize) -> Option<(u8, u8, u8, usize)> {
        let (first, k) = self.period_ordinal(i)?;
        let dash = matches!(self.punct(k), Some('–' | '—' | '-'));
        let (last, after) = match self.period_ordinal(k + 1).filter(|_| dash) {
            Some((last, after)) => (last, after),
            None => (first, k),
        };
        let len = self
            .tok(after)
            .filter(|t| t.tok == Tok::Word)?
            .word
            .period?;
        let dot = self.punct(after + 1) == Some('.') && self.glued(after + 1);
        Some((first, last, len, if dot { after + 2 } else { after + 1 }))
    }

    /// An ordinal that can stand before a period noun ("1er", "2-й", "second", "IV"): its
    /// number and the next token.
    fn period_ordinal(&self, i: usize) -> Option<(u8, usize)> {
        match (self.num(i), self.word(i)) {
            (Some((n, 1)), _) => {
                let mut k = i + 1;
                if self.punct(k) == Some('-') && self.glued(k) {
                    k += 1;
                }
                let suffix =
                    |w: &str| DAY_SUFFIXES.iter().any(|s| eq_fold(w, s)) || eq_fold(w, "ое");
                if self.glued(k) && self.word(k).is_some_and(suffix) {
                    k += 1;
                }
                Some((n as u8, k))
            }
            (None, Some(w)) => {
                let n = self.toks[i].word.ordinal?;
                // "i" is a word in Ukrainian; Roman numerals are written in capitals.
                let roman = w.len() <= 3 && w.chars().all(|c| c.is_ascii_uppercase());
                (n > 1 || w.len() > 3 || roman).then_some((n, i + 1))
            }
            _ => None,
        }
    }

    /// "2 March 2026", "1er mars", "4 марта 2025 года", "1-го квітня".
    fn day_month(&self, i: usize) -> Option<Piece> {
        let (day, k) = self.day(i)?;
        let Month {
            month: m, next: k, ..
        } = self.month_word(k)?;
        let (year, next) = match self.year(k) {
            Some((y, n)) => (Some(y), n),
            None => (None, k),
        };
        self.make(i, next, Some(day), (m, m), year, true)
    }

    /// "March 2, 2026", "March 2026", "mars", "в марте".
    fn month_day(&self, i: usize) -> Option<Piece> {
        let Month {
            month: m,
            abbr,
            english,
            next: k,
        } = self.month_word(i)?;
        if let Some((y, next)) = self.year(k) {
            return self.make(i, next, None, (m, m), Some(y), true);
        }
        if let Some((day, k2)) = self
            .day(k)
            .filter(|_| english && self.tok(k).is_some_and(|t| t.gap))
        {
            let (year, next) = match self.year(k2) {
                Some((y, n)) => (Some(y), n),
                None => (None, k2),
            };
            return self.make(i, next, Some(day), (m, m), year, true);
        }
        if abbr {
            return None;
        }
        self.make(i, k, None, (m, m), None, false)
    }

    /// "summer 2026", "летом", "l'été 2026".
    fn season(&self, i: usize) -> Option<Piece> {
        let (a, b, alone) = self.tok(i)?.word.season?;
        match self.year(i + 1) {
            Some((y, next)) => self.make(i, next, None, (a, b), Some(y), true),
            None => self.make(i, i + 1, None, (a, b), None, alone),
        }
    }

    /// "2026" in "d'ici fin 2026", "до 2027 года", "by 2027".
    fn bare_year(&self, i: usize) -> Option<Piece> {
        self.num(i)?;
        let (year, next) = self.year(i)?;
        let piece = self.make(i, next, None, (1, 12), Some(year), false)?;
        Some(Piece {
            bare_year: true,
            ..piece
        })
    }

    /// A bare day that a window completes: "1" in "from 1 to 15 March".
    fn bare_day(&self, i: usize) -> Option<Piece> {
        let (day, next) = self.day(i)?;
        Some(Piece {
            start: self.toks[i].start,
            end: self.toks[next - 1].end,
            next,
            day: Some(day),
            months: None,
            year: None,
            strong: false,
            bare_year: false,
            decimal_like: false,
        })
    }

    /// The join after a window's first end: the token where the second end starts, and
    /// whether the join is a dash.
    fn join(&self, i: usize, between: bool) -> Option<(usize, bool)> {
        let t = self.tok(i)?;
        let dash = matches!(t.tok, Tok::Punct('–' | '—' | '-'));
        let after = match t.tok {
            _ if dash => i + 1,
            Tok::Word => {
                let (e, needs_between) = longest_at(self.text, t.start, &JOINS)?;
                if needs_between && !between {
                    return None;
                }
                self.token_after(i, e)
            }
            _ => return None,
        };
        // An article or weekday before the second end: "au 15", "to the 15th", "au vendredi 7".
        let mut k = after;
        if self
            .word(k)
            .is_some_and(|w| eq_fold(w, "le") || eq_fold(w, "the"))
        {
            k += 1;
        }
        if let Some((e, ())) = self
            .tok(k)
            .and_then(|t| longest_at(self.text, t.start, &WEEKDAYS))
        {
            k = self.token_after(k, e);
        }
        Some((k, dash))
    }

    /// The first token at or after `i` that starts at or after byte `end`.
    fn token_after(&self, mut i: usize, end: usize) -> usize {
        while self.tok(i).is_some_and(|t| t.start < end) {
            i += 1;
        }
        i
    }

    fn expression(&self, i: usize) -> Option<(DateSpan, usize)> {
        let first = self.piece(i).or_else(|| self.bare_day(i))?;
        // Most numbers are no day: leave before looking for cues.
        if first.months.is_none() && self.join(first.next, true).is_none() {
            return None;
        }
        let (cue, cue_range, part1) = self.cue_before(first.start);
        // "between 3 and 24 February", and "3 and 4 March" where a bare day asks for a month.
        let between = cue == Some(Cue::Between) || first.months.is_none();
        if let Some((k, dash)) = self.join(first.next, between)
            && let Some(second) = self.piece(k).or_else(|| {
                // "March 2–30", "du 1er au 15": a bare second day; "3 mars à 10" is no window.
                self.bare_day(k)
                    .filter(|_| first.months.is_some() && (dash || cue.is_some()))
            })
            && let Some(span) = self.window(first, second, part1, cue_range.clone(), dash)
        {
            return Some((span, second.next));
        }
        let deadline = matches!(cue, Some(Cue::By | Cue::Before));
        if first.months.is_none()
            || first.decimal_like
            || !first.strong && cue.is_none() && part1.is_none()
            || first.bare_year && !deadline && part1.is_none()
        {
            return None;
        }
        let (start, end) = apply(first.bounds(), part1);
        let after = skip_ws(self.text, first.end);
        let latest = longest_at(self.text, after, &LATEST);
        let (kind, day, cue_range) = match (cue, latest) {
            (_, Some((e, ()))) => (DateKind::Deadline, end, Some(after..e)),
            (Some(Cue::By), _) => (DateKind::Deadline, end, cue_range),
            (Some(Cue::Before), _) => (DateKind::Deadline, start, cue_range),
            (Some(Cue::From), _) => (DateKind::Start, start, cue_range),
            _ => {
                return Some((
                    DateSpan {
                        range: first.start..first.end,
                        start,
                        end,
                        kind: DateKind::Point,
                        cue: None,
                    },
                    first.next,
                ));
            }
        };
        let span = DateSpan {
            range: first.start..first.end,
            start: day,
            end: day,
            kind,
            cue: cue_range,
        };
        Some((span, first.next))
    }

    fn window(
        &self,
        mut a: Piece,
        mut b: Piece,
        part_a: Option<Part>,
        cue: Option<Range<usize>>,
        dash: bool,
    ) -> Option<DateSpan> {
        // A bare day takes its month from the other end: "du 1er au 15 mars", "March 2–30".
        match (a.months, b.months) {
            (None, Some(m)) => a.months = Some((m.0, m.0)),
            (Some(m), None) => b.months = Some((m.1, m.1)),
            (None, None) => return None,
            _ => {}
        }
        // Two weak ends need a dash or a cue: "03/03–30/04", "mars–avril", "de mars à mai".
        let weak = !a.strong && !b.strong && b.year.is_none() && cue.is_none() && !dash;
        let decimal = a.decimal_like && b.year.is_none() || b.decimal_like;
        if weak || decimal || a.bare_year || b.bare_year {
            return None;
        }
        let (_, part_b) = self.modifier_before(b.start);
        if a.year.is_none()
            && let Some(y) = b.year
        {
            let later =
                (a.months.map(|m| m.0), a.day) > (b.months.map(|m| m.1), b.day.or(Some(31)));
            a.year = Some(if later { y - 1 } else { y });
        }
        if b.year.is_none() {
            b.year = a.year;
        }
        let (start, _) = apply(a.bounds(), part_a);
        let (_, end) = apply(b.bounds(), part_b);
        // Without years, "du 15 décembre au 15 janvier" runs over New Year.
        if start.year.is_some() && start.partial_cmp(&end) == Some(Ordering::Greater) {
            return None;
        }
        Some(DateSpan {
            range: a.start..b.end,
            start,
            end,
            kind: DateKind::Window,
            cue,
        })
    }

    fn modifier_before(&self, pos: usize) -> (usize, Option<Part>) {
        let lead = skip_ws_back(self.text, pos);
        match longest_before(self.text, lead, &MODIFIERS) {
            Some((s, part))
                if lead == pos
                    || !MODIFIERS
                        .entries
                        .iter()
                        .any(|(m, _)| m.ends_with('-') && self.text[s..lead].ends_with(m)) =>
            {
                (s, Some(part))
            }
            _ => (pos, None),
        }
    }

    /// The cue and modifier before a date at `pos`.
    fn cue_before(&self, pos: usize) -> (Option<Cue>, Option<Range<usize>>, Option<Part>) {
        // "du lundi 3 au vendredi 7 mars", "до 18:00 25 серпня": the cue stands before the
        // weekday or the time.
        let lead = skip_ws_back(self.text, pos);
        let pos = longest_before(self.text, lead, &WEEKDAYS)
            .map(|(s, ())| s)
            .or_else(|| time_before(self.text, lead))
            .unwrap_or(pos);
        let (from, part) = self.modifier_before(pos);
        let lead = skip_ws_back(self.text, from);
        let lead = if char_before(self.text, lead) == Some(':') {
            skip_ws_back(self.text, lead - 1)
        } else {
            lead
        };
        match longest_before(self.text, lead, &CUES) {
            Some((s, cue)) => (Some(cue), Some(s..lead), part),
            None => (None, None, part),
        }
    }
}

/// Start of a time of day ending at `end`: "18:00", "9h30", "18h".
fn time_before(text: &str, end: usize) -> Option<usize> {
    let b = &text.as_bytes()[..end];
    let digits_back = |to: usize| {
        to - b[..to]
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let mut i = digits_back(end);
    if i < end && i > 0 && matches!(b[i - 1], b':' | b'h') {
        i -= 1; // "18:00", "9h30"
    } else if i == end && end > 0 && b[end - 1] == b'h' {
        i = end - 1; // "18h"
    } else {
        return None;
    }
    let start = digits_back(i);
    (start < i && i - start <= 2 && !b[..start].last().is_some_and(u8::is_ascii_alphanumeric))
        .then_some(start)
}

/// Narrows a period to the part a modifier names: "fin juin" is 30 June.
fn apply((start, end): (Day, Day), part: Option<Part>) -> (Day, Day) {
    match part {
        Some(Part::Start) => (start, start),
        Some(Part::End) => (end, end),
        Some(Part::Mid) => {
            let mid = Day {
                day: Some(15),
                ..start
            };
            (mid, mid)
        }
        None => (start, end),
    }
}

fn eq_fold(word: &str, name: &str) -> bool {
    let mut w = word.chars();
    name.chars().all(|c| w.next().is_some_and(|x| fold(x) == c)) && w.next().is_none()
}
