//! Which language a paragraph is in: English, French, Russian or Ukrainian.
//!
//! One pass over the text gathers evidence: how many Latin and Cyrillic letters, and points
//! for each language from telltale letters (`і ї є ґ` / `ы э ъ ё`), letter pairs Ukrainian
//! never writes (`и` next to a vowel), endings (`-ння`, `-ия`), French accents and elisions,
//! and a table of function words and common brief words. The script picks the pair of
//! languages; the points pick one of the pair. Paragraphs are short, so the document's
//! language (the prior) wins unless the paragraph clearly says otherwise: a French
//! paragraph full of English buzzwords keeps its French function words and stays French.
//!
//! The tables are built at compile time: a word lookup is one hash of the word (built
//! while scanning it) and a probe, a pair of Cyrillic letters one index; no allocation and
//! nothing to build at start-up.

pub use crate::vocab::Lang;

impl Lang {
    fn script(self) -> Script {
        match self {
            Lang::En | Lang::Fr => Script::Latin,
            Lang::Ru | Lang::Uk => Script::Cyrillic,
        }
    }
}

/// The language of one paragraph (list item, table row), given the document's language.
///
/// `folded` is the paragraph's folded text (see `dictionary::fold`; unfolded text works
/// too, only a little slower to tell). The prior wins unless the paragraph clearly says
/// otherwise: a short cell (`Budget`, `CPA | 20 €`) keeps it, and so does Latin text in a
/// Cyrillic document unless it reads as English or French prose (acronyms and brand names
/// are not prose).
pub fn paragraph_language(folded: &str, prior: Lang) -> Lang {
    let mut evidence = Evidence::default();
    evidence.scan(folded);
    evidence.paragraph(prior)
}

/// The language a reader would give a whole document, from its paragraphs' folded text
/// (the body only: front matter is not prose). Evidence is summed over the paragraphs, so
/// a mostly French document with English buzzwords is French, and a short one still gets
/// the language its few words point to. English when nothing tells.
pub fn document_language<'a>(paragraphs: impl IntoIterator<Item = &'a str>) -> Lang {
    let mut evidence = Evidence::default();
    let mut read = 0;
    for paragraph in paragraphs {
        evidence.scan(paragraph);
        read += paragraph.len();
        if read >= DOCUMENT_SAMPLE {
            break;
        }
    }
    evidence
        .script()
        .map_or(Lang::En, |script| evidence.leader(script))
}

/// Bytes of a document read to tell its language: more would only cost time.
const DOCUMENT_SAMPLE: usize = 256 * 1024;

/// Points of a common function word (`and`, `de`, `та`). A Latin paragraph needs more than
/// this over the prior before it takes the other Latin language: more than a buzz phrase
/// (`test and learn`); a strong function word (`the`, `nous`) and anything else will do.
const FUNCTION_WORD: i32 = 6;

/// Points a Cyrillic paragraph needs over the prior before it takes the other Cyrillic
/// language: one telltale letter, pair or ending, but not one weak word.
const CYRILLIC_MARGIN: i32 = 4;

/// Points for a letter one language of a pair never writes (`і` in Russian, `ы` in
/// Ukrainian), a pair of letters, or an ending only one of them has.
const TELLTALE: i32 = 6;

/// Points for a word with a French accent, counted once per word: English text quotes
/// French names (`Société Générale`), so accents alone weigh less than function words.
const ACCENT: i32 = 4;

/// Latin letters in a word for it to count towards prose in a Cyrillic document: `CPA`,
/// `ROAS` and `KPI` are shorter.
const PROSE_WORD: u32 = 5;

/// Cyrillic letters weigh this many Latin ones when telling the script: Cyrillic text
/// quotes Latin brand names and acronyms (`TikTok`, `CPV`), the reverse is rare.
const CYRILLIC_WEIGHT: u32 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Cyrillic,
}

impl Script {
    /// The two languages of the script, the one chosen on a tie first.
    fn langs(self) -> [Lang; 2] {
        match self {
            Script::Latin => [Lang::En, Lang::Fr],
            Script::Cyrillic => [Lang::Ru, Lang::Uk],
        }
    }

    fn margin(self) -> i32 {
        match self {
            Script::Latin => FUNCTION_WORD,
            Script::Cyrillic => CYRILLIC_MARGIN,
        }
    }
}

/// What a text says about its language.
#[derive(Debug, Default, Clone, Copy)]
struct Evidence {
    /// Points per language, indexed by `Lang as usize`.
    points: [i32; 4],
    /// Characters of Latin and of Cyrillic words (apostrophes inside words count).
    latin: u32,
    cyrillic: u32,
    /// Latin words of at least [`PROSE_WORD`] letters.
    latin_words: u32,
}

impl Evidence {
    fn points(&self, lang: Lang) -> i32 {
        self.points[lang as usize]
    }

    fn add(&mut self, lang: Lang, points: i32) {
        self.points[lang as usize] += points;
    }

    fn script(&self) -> Option<Script> {
        let latin = self.points(Lang::En) + self.points(Lang::Fr);
        let cyrillic = self.points(Lang::Ru) + self.points(Lang::Uk);
        if self.latin + self.cyrillic == 0 {
            None
        // Function words tell the script of a row of brand names: `Facebook та Instagram`.
        } else if cyrillic >= latin + FUNCTION_WORD {
            Some(Script::Cyrillic)
        } else if latin >= cyrillic + FUNCTION_WORD {
            Some(Script::Latin)
        } else if self.cyrillic * CYRILLIC_WEIGHT >= self.latin {
            Some(Script::Cyrillic)
        } else {
            Some(Script::Latin)
        }
    }

    /// The language of `script` with more points (the first of the pair on a tie).
    fn leader(&self, script: Script) -> Lang {
        let [first, second] = script.langs();
        if self.points(second) > self.points(first) {
            second
        } else {
            first
        }
    }

    /// The paragraph's language given the document's: see [`paragraph_language`].
    fn paragraph(&self, prior: Lang) -> Lang {
        let Some(script) = self.script() else {
            return prior;
        };
        if script == prior.script() {
            let [first, second] = script.langs();
            let other = if prior == first { second } else { first };
            return if self.points(other) > self.points(prior) + script.margin() {
                other
            } else {
                prior
            };
        }
        let says_so = match script {
            // Any Cyrillic word is a Russian or Ukrainian one.
            Script::Cyrillic => {
                self.cyrillic >= 3
                    || self.points(Lang::Ru).max(self.points(Lang::Uk)) >= FUNCTION_WORD
            }
            // Latin in a Cyrillic document: prose (long words or a function word), not
            // acronyms and brand names.
            Script::Latin => {
                self.latin_words >= 2
                    || self.points(Lang::En).max(self.points(Lang::Fr)) >= FUNCTION_WORD
            }
        };
        if says_so { self.leader(script) } else { prior }
    }

    /// Adds what `text` says.
    fn scan(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let mut word = Word::default();
        let mut at = 0;
        while at < bytes.len() {
            let byte = bytes[at];
            // Runs of letters are most of the text: tight loops for lowercase ASCII and
            // Cyrillic, the general path below for the rest.
            if ascii_letter(byte).is_some() {
                let start = at;
                let mut hash = word.hash;
                while let Some(letter) = bytes.get(at).and_then(|&b| ascii_letter(b)) {
                    hash = mix(hash, char::from(letter));
                    at += 1;
                }
                word.hash = hash;
                word.len += (at - start) as u32;
                word.script = Script::Latin;
                continue;
            }
            if cyrillic_letter(bytes, at).is_some() {
                let (mut russian, mut ukrainian) = (0, 0);
                while let Some(c) = cyrillic_letter(bytes, at) {
                    let (r, u) = word.push_cyrillic(c);
                    russian += r;
                    ukrainian += u;
                    at += 2;
                }
                self.add(Lang::Ru, russian);
                self.add(Lang::Uk, ukrainian);
                continue;
            }
            if byte.is_ascii() {
                at += 1;
                if byte == b'\'' && word.len > 0 {
                    word = self.apostrophe(word);
                } else if word.len > 0 {
                    self.end_word(word);
                    word = Word::default();
                }
                continue;
            }
            let (c, next) = if byte < 0xe0 {
                // Cyrillic and accented Latin letters take two bytes.
                let code = (u32::from(byte & 0x1f) << 6) | u32::from(bytes[at + 1] & 0x3f);
                (char::from_u32(code).unwrap_or(' '), at + 2)
            } else {
                decode(text, at)
            };
            at = next;
            // Folded text is lowercase: try its letters before lowercasing.
            let c = match c {
                'а'..='я' | 'ѐ'..='џ' | 'ґ' | 'ß'..='ÿ' => c,
                _ => lowercase(c),
            };
            match c {
                'а'..='я' | 'ѐ'..='џ' | 'ґ' => {
                    let (russian, ukrainian) = word.push_cyrillic(c);
                    self.add(Lang::Ru, russian);
                    self.add(Lang::Uk, ukrainian);
                }
                'ß'..='ö' | 'ø'..='ÿ' | '\u{100}'..='\u{24f}' => {
                    word.accent |= is_french_accent(c);
                    word.push(c, Script::Latin);
                }
                '\u{2019}' | '\u{2bc}' if word.len > 0 => word = self.apostrophe(word),
                _ if word.len > 0 => {
                    self.end_word(word);
                    word = Word::default();
                }
                _ => {}
            }
        }
        self.end_word(word);
    }

    /// An apostrophe after a letter: returns the word that goes on.
    fn apostrophe(&mut self, mut word: Word) -> Word {
        match word.script {
            // `п'ять`, `зв'язок`: the apostrophe is a Ukrainian letter.
            Script::Cyrillic => {
                self.add(Lang::Uk, TELLTALE);
                word.push('\'', Script::Cyrillic);
                word
            }
            // `l'agence`, `qu'elle` and `don't`, `client's`: the part before the apostrophe
            // is looked up with it (French elisions), else without; the part after starts
            // with it (`'s`, `'ll`).
            Script::Latin => {
                match lookup(mix(word.hash, '\''), word.len + 1) {
                    Some((lang, points)) => {
                        self.add(lang, points);
                        self.latin += word.len;
                    }
                    None => self.end_word(word),
                }
                let mut after = Word::default();
                after.push('\'', Script::Latin);
                after
            }
        }
    }

    /// Scores a finished word: the word table, accents, endings, prose length.
    fn end_word(&mut self, word: Word) {
        if word.len == 0 {
            return;
        }
        if let Some((lang, points)) = lookup(word.hash, word.len) {
            self.add(lang, points);
        }
        match word.script {
            Script::Latin => {
                self.latin += word.len;
                if word.accent {
                    self.add(Lang::Fr, ACCENT);
                }
                if word.len >= PROSE_WORD {
                    self.latin_words += 1;
                }
            }
            Script::Cyrillic => {
                self.cyrillic += word.len;
                self.cyrillic_ending(word);
            }
        }
    }

    /// Endings only one of Russian and Ukrainian has.
    fn cyrillic_ending(&mut self, word: Word) {
        match word.last {
            // `кампания`, `предложения`: Ukrainian ends in `-ія`.
            ['я', 'и', _] => self.add(Lang::Ru, TELLTALE),
            // `завдання`, `життя`: a doubled consonant before a final `я`.
            ['я', a, b] if a == b && !is_cyrillic_vowel(a) => self.add(Lang::Uk, TELLTALE),
            // Russian adjective endings: `рекламной`, `целевая`, `новое`, `последняя`
            // (Ukrainian: `-ної`, `-ва`, `-е`, `-я`); `той` is both.
            ['й', 'о', _] if word.len >= 4 => self.add(Lang::Ru, TELLTALE),
            ['я', 'а' | 'я', _] | ['е', 'о', _] => self.add(Lang::Ru, TELLTALE),
            _ => {}
        }
    }
}

/// The word being scanned.
#[derive(Debug, Clone, Copy)]
struct Word {
    hash: u64,
    /// Characters so far.
    len: u32,
    script: Script,
    accent: bool,
    /// The last three Cyrillic letters, the latest first.
    last: [char; 3],
}

impl Default for Word {
    fn default() -> Self {
        Word {
            hash: FNV_OFFSET,
            len: 0,
            script: Script::Latin,
            accent: false,
            last: ['\0'; 3],
        }
    }
}

impl Word {
    fn push(&mut self, c: char, script: Script) {
        self.hash = mix(self.hash, c);
        self.len += 1;
        self.script = script;
    }

    /// Pushes a lowercase Cyrillic letter, returning its telltale points (Russian,
    /// Ukrainian).
    fn push_cyrillic(&mut self, c: char) -> (i32, i32) {
        // The row of the letter before, or the last row at the start of the word.
        let before = (self.last[0] as usize)
            .wrapping_sub(0x430)
            .min(CYRILLIC_SPAN);
        let tells = CYRILLIC_PAIRS[before][c as usize - 0x430];
        let ukrainian = tells & UKRAINIAN != 0
            || (tells & UKRAINIAN_AFTER_SIBILANT != 0 && matches!(self.last[1], 'с' | 'ц' | 'з'));
        // `ё` is folded to `е` before matching, and in the word table.
        let c = if c == 'ё' { 'е' } else { c };
        self.push(c, Script::Cyrillic);
        self.last = [c, self.last[0], self.last[1]];
        (
            TELLTALE * i32::from(tells & RUSSIAN),
            TELLTALE * i32::from(ukrainian),
        )
    }
}

/// The lowercase of an ASCII letter, in three instructions.
fn ascii_letter(byte: u8) -> Option<u8> {
    let lower = byte | 0x20;
    (lower.wrapping_sub(b'a') < 26).then_some(lower)
}

/// Cyrillic letters from `а` (U+0430) to `ґ` (U+0491), by offset from `а`.
const CYRILLIC_SPAN: usize = 0x62;

/// What a Cyrillic letter tells after the letter before it in its word (row
/// [`CYRILLIC_SPAN`] when it starts the word): one lookup per letter.
static CYRILLIC_PAIRS: [[u8; CYRILLIC_SPAN]; CYRILLIC_SPAN + 1] = cyrillic_pairs();

const RUSSIAN: u8 = 1;
const UKRAINIAN: u8 = 2;
/// Ukrainian if the letter before the pair is `с`, `ц` or `з`: `-ськ-`, `-цьк-`, `-зьк-`
/// (Russian: `-ск-`, `-цк-`).
const UKRAINIAN_AFTER_SIBILANT: u8 = 4;

const fn cyrillic_pairs() -> [[u8; CYRILLIC_SPAN]; CYRILLIC_SPAN + 1] {
    // (letters before, letters, what the pair tells); `*` before: whatever comes before.
    let rules: [(&str, &str, u8); 6] = [
        // Letters only one language has.
        ("*", "іїєґ", UKRAINIAN),
        ("*", "ыэъё", RUSSIAN),
        // Ukrainian writes `ї` after a vowel and `і` before one where Russian writes `и`
        // (`мои`/`мої`, `медиа`/`медіа`); `ия` is left to the ending check, since
        // Ukrainian has `вияв-`.
        ("аеоуюяиыэ", "и", RUSSIAN),
        ("и", "аеоуюи", RUSSIAN),
        // `його`, `сьогодні`: Russian writes `ьё`.
        ("ь", "о", UKRAINIAN),
        ("ь", "к", UKRAINIAN_AFTER_SIBILANT),
    ];
    let mut table = [[0; CYRILLIC_SPAN]; CYRILLIC_SPAN + 1];
    let mut rule = 0;
    while rule < rules.len() {
        let (before, letters, tells) = rules[rule];
        let mut row = 0;
        while row <= CYRILLIC_SPAN {
            let applies = if before.len() == 1 && before.as_bytes()[0] == b'*' {
                true
            } else {
                let mut found = false;
                let mut at = 0;
                while at < before.len() {
                    let (c, next) = decode(before, at);
                    found |= c as usize - 0x430 == row;
                    at = next;
                }
                found
            };
            if applies {
                let mut at = 0;
                while at < letters.len() {
                    let (c, next) = decode(letters, at);
                    table[row][c as usize - 0x430] |= tells;
                    at = next;
                }
            }
            row += 1;
        }
        rule += 1;
    }
    table
}

/// The lowercase Cyrillic letter at byte `at`, decoded from its two bytes.
fn cyrillic_letter(bytes: &[u8], at: usize) -> Option<char> {
    let code = match (*bytes.get(at)?, *bytes.get(at + 1)?) {
        // а–п
        (0xd0, second @ 0xb0..=0xbf) => 0x400 + u32::from(second & 0x3f),
        // р–я, ѐ–џ
        (0xd1, second @ 0x80..=0x9f) => 0x440 + u32::from(second & 0x3f),
        (0xd2, 0x91) => 'ґ' as u32,
        _ => return None,
    };
    char::from_u32(code)
}

/// Lowercase of the letters we score, without the general Unicode tables: folded text is
/// already lowercase, so this only costs a comparison or two per character.
const fn lowercase(c: char) -> char {
    let shift = match c {
        'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' | 'А'..='Я' => 0x20,
        'Ѐ'..='Џ' => 0x50,
        'Œ' | 'Ґ' => 1,
        _ => return c,
    };
    match char::from_u32(c as u32 + shift) {
        Some(lower) => lower,
        None => c,
    }
}

fn is_french_accent(c: char) -> bool {
    matches!(
        c,
        'à' | 'â' | 'ç' | 'é' | 'è' | 'ê' | 'ë' | 'î' | 'ï' | 'ô' | 'ù' | 'û' | 'œ'
    )
}

fn is_cyrillic_vowel(c: char) -> bool {
    matches!(c, 'а' | 'е' | 'о' | 'у' | 'ю' | 'я' | 'и' | 'ы' | 'э')
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a over characters: the same at compile time (the table) and at run time.
const fn mix(hash: u64, c: char) -> u64 {
    (hash ^ c as u64).wrapping_mul(0x0100_0000_01b3)
}

/// Function words and the commonest brief words of each language, folded and separated by
/// spaces, with the points each gives. A word both languages of a pair use (`для`,
/// `budget`, `on`) is not listed; English words French briefs borrow (`brand`, `deadline`,
/// `store`, `weekly`) neither.
const WORDS: &[(Lang, i32, &str)] = &[
    (
        Lang::En,
        8,
        "the is are we will our this that be been your you they their which have has was were \
         not but can should would must into than these those who what how when why each about \
         after before only there them he she does did please because while within across \
         between through during against already where whether could its it any also 'll 't \
         're 've week weeks every among then here now other such both many much",
    ),
    (
        Lang::En,
        6,
        "of and to in for with by an at as or all from more most over under so if do my may \
         need just still too very well some new next last yes let monday tuesday wednesday \
         thursday friday saturday sunday january february march april june july august \
         september october november december per needs make get give take keep want own same \
         few less two three four five ten",
    ),
    (
        Lang::En,
        4,
        "'s 'm 'd us up out campaign campaigns customers stores results approach agency \
         agencies proposal people month months year sales goals objectives research shoppers \
         spend channels launch a",
    ),
    (
        Lang::Fr,
        8,
        "le les des du et est une pour sur dans avec sans chez vers depuis pendant après \
         avant sous selon afin ainsi donc mais ou où que qui quoi dont ce cet cette ces il \
         ils elle elles je nous vous notre nos votre vos leur leurs ses sont ont avons avez \
         sera seront être avoir faut doit doivent peut peuvent été était vont comme même \
         aussi déjà très tout tous toute toutes moins chaque hors ttc merci mois semaine \
         semaines jours ça quel quels quelle quelles pourquoi quand lors au aux d' l' qu' n' \
         c' j' jusqu' lorsqu' puisqu' deux trois quatre cinq dix autre autres plusieurs \
         beaucoup ici maintenant alors puis notamment également",
    ),
    (
        Lang::Fr,
        6,
        "la de un par en si ne pas fait va encore bien entre contre ht ci ans jour mes s' m' \
         janvier février avril mai juin juillet août septembre octobre novembre décembre \
         lundi mardi mercredi jeudi vendredi samedi dimanche peu trop",
    ),
    (
        Lang::Fr,
        4,
        "plus y sa ma mars objectifs objectif cible cibles ventes vente marque marques \
         campagne campagnes enjeux livrables calendrier magasin magasins agence agences \
         lancement enseigne enseignes dispositif leviers levier chiffre affaires achat achats \
         prix statut risque prochaines",
    ),
    (
        Lang::Ru,
        8,
        "и что это как он она они его ее их от или если чтобы который которая которое которые \
         которых котором также будет будут был была были мы вы только уже еще нужно надо \
         можно нет есть где когда потому поэтому сейчас сегодня из к о об со во с под между \
         после но ли бы всех свой свои своих наши ваши здесь очень более менее чем кто какой \
         какие какая какое каких года году лет неделя недели неделю недель неделям неделях \
         месяц месяца месяцев даже тоже итого январь января январе февраль февраля феврале \
         март марта марте апрель апреля апреле май мая мае июнь июня июне июль июля июле \
         август августа августе сентябрь сентября сентябре октябрь октября октябре ноябрь \
         ноября ноябре декабрь декабря декабре понедельник вторник среда среду четверг \
         пятница пятницу пятницы суббота субботу воскресенье нужен нужна теперь всегда \
         ежедневно еженедельно ежемесячно может могут зачем почему сколько куда откуда \
         тогда",
    ),
    (
        Lang::Ru,
        6,
        "цели цель целей количество охват охвата сетях отчет отчеты отчетность узнаваемость \
         увеличить повысить привлечь снизить рублей руб задачи сроки продажи сети рост \
         площадка площадки площадок итоги",
    ),
    (Lang::Ru, 4, "срок сеть доля"),
    (
        Lang::Uk,
        8,
        "що це як ми ви він вона вони його її їх від або але якщо щоб який яка яке які якої \
         якого також буде будуть був була були лише тільки вже ще треба потрібно можна немає \
         є де коли тому зараз сьогодні з із зі після між під й і чи усі всі свій свої наші \
         ваші цей ця ці цього цієї дуже більше менше ніж хто року роки років році тиждень \
         тижні тижня тижнів тижнях місяць місяця місяців навіть теж щодо січень січня лютий \
         лютого березень березня квітень квітня травень травня червень червня липень липня \
         серпень серпня вересень вересня жовтень жовтня листопад листопада грудень грудня \
         понеділок вівторок середа середу четвер п'ятниця п'ятницю п'ятниці субота суботу \
         неділя неділю потрібен потрібна завжди щотижня щомісяця щодня може можуть навіщо \
         чому скільки куди звідки тоді",
    ),
    (
        Lang::Uk,
        6,
        "та ціль цілі цілей кількість охоплення пошук мережах мережі мережа звіт звіти \
         звітність вартість впізнаваність зростання збільшити підвищити залучити знизити \
         ринку ринок гривень гривні грн тис майданчик майданчики майданчиків підсумки",
    ),
    (Lang::Uk, 4, "б терміни разом частка частку"),
];

/// Slots in the word table: a power of two, at least twice the number of words.
const SLOTS: usize = 2048;

/// Characters in the longest listed word (an apostrophe counts).
const MAX_WORD: u32 = longest_word();

#[derive(Clone, Copy)]
struct Slot {
    /// The word's hash; 0 for an empty slot.
    key: u64,
    lang: Lang,
    points: i32,
}

/// The word table, open addressing with linear probing, built by the compiler.
static TABLE: [Slot; SLOTS] = build_table();

/// The language and points of the word with `hash` and `len` characters, if listed.
fn lookup(hash: u64, len: u32) -> Option<(Lang, i32)> {
    if len > MAX_WORD {
        return None;
    }
    let mut at = hash as usize & (SLOTS - 1);
    loop {
        let slot = TABLE[at];
        if slot.key == hash {
            return Some((slot.lang, slot.points));
        }
        if slot.key == 0 {
            return None;
        }
        at = (at + 1) & (SLOTS - 1);
    }
}

/// The character at byte `at` of `text` and the byte after it (at compile time too).
const fn decode(text: &str, at: usize) -> (char, usize) {
    let bytes = text.as_bytes();
    let first = bytes[at] as u32;
    let (mut code, len) = match first {
        0..0x80 => (first, 1),
        0xc0..0xe0 => (first & 0x1f, 2),
        0xe0..0xf0 => (first & 0x0f, 3),
        _ => (first & 0x07, 4),
    };
    let mut next = at + 1;
    while next < at + len {
        code = (code << 6) | (bytes[next] as u32 & 0x3f);
        next += 1;
    }
    match char::from_u32(code) {
        Some(c) => (c, next),
        None => panic!("word table: not UTF-8"),
    }
}

/// The first word of `words` at or after byte `at`: its hash, its length in characters and
/// the byte after it.
const fn next_word(words: &str, mut at: usize) -> Option<(u64, u32, usize)> {
    let bytes = words.as_bytes();
    while at < bytes.len() && bytes[at] == b' ' {
        at += 1;
    }
    if at == bytes.len() {
        return None;
    }
    let (mut hash, mut len) = (FNV_OFFSET, 0);
    while at < bytes.len() && bytes[at] != b' ' {
        let (c, next) = decode(words, at);
        // Words are matched folded: lowercase, `е` for `ё`.
        assert!(lowercase(c) == c && c != 'ё', "word table: fold the word");
        hash = mix(hash, c);
        len += 1;
        at = next;
    }
    Some((hash, len, at))
}

const fn longest_word() -> u32 {
    let mut longest = 0;
    let mut group = 0;
    while group < WORDS.len() {
        let mut at = 0;
        while let Some((_, len, next)) = next_word(WORDS[group].2, at) {
            if len > longest {
                longest = len;
            }
            at = next;
        }
        group += 1;
    }
    longest
}

const fn build_table() -> [Slot; SLOTS] {
    let empty = Slot {
        key: 0,
        lang: Lang::En,
        points: 0,
    };
    let mut table = [empty; SLOTS];
    let mut count = 0;
    let mut group = 0;
    while group < WORDS.len() {
        let (lang, points, words) = WORDS[group];
        let mut at = 0;
        while let Some((key, _, next)) = next_word(words, at) {
            assert!(key != 0, "word table: a hash of 0 marks an empty slot");
            let mut slot = key as usize & (SLOTS - 1);
            while table[slot].key != 0 {
                assert!(table[slot].key != key, "word table: a word is listed twice");
                slot = (slot + 1) & (SLOTS - 1);
            }
            table[slot] = Slot { key, lang, points };
            count += 1;
            at = next;
        }
        group += 1;
    }
    assert!(count * 2 <= SLOTS, "word table: raise SLOTS");
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_word_is_found_with_its_language() {
        for &(lang, points, words) in WORDS {
            for word in words.split_whitespace() {
                let mut scanned = Word::default();
                for c in word.chars() {
                    scanned.push(c, Script::Latin);
                }
                assert_eq!(
                    lookup(scanned.hash, scanned.len),
                    Some((lang, points)),
                    "{word}"
                );
            }
        }
        let mut unlisted = Word::default();
        for c in "synergy".chars() {
            unlisted.push(c, Script::Latin);
        }
        assert_eq!(lookup(unlisted.hash, unlisted.len), None);
    }

    #[test]
    fn the_prior_wins_unless_the_paragraph_says_otherwise() {
        // Nothing tells: the document decides.
        for prior in Lang::ALL {
            assert_eq!(paragraph_language("q3 2025 | +5 %", prior), prior);
        }
        assert_eq!(paragraph_language("budget", Lang::Fr), Lang::Fr);
        assert_eq!(paragraph_language("budget", Lang::En), Lang::En);
        assert_eq!(paragraph_language("бюджет", Lang::Uk), Lang::Uk);
        assert_eq!(paragraph_language("бюджет", Lang::Ru), Lang::Ru);
        // One English function word in a French document is a buzz phrase, not English.
        assert_eq!(paragraph_language("test and learn", Lang::Fr), Lang::Fr);
        // A paragraph that says otherwise wins.
        assert_eq!(
            paragraph_language("nous avons revu le plan média avec vos équipes.", Lang::En),
            Lang::Fr
        );
        assert_eq!(
            paragraph_language("please find our answers below.", Lang::Fr),
            Lang::En
        );
    }

    #[test]
    fn russian_and_ukrainian_by_letters_words_and_endings() {
        assert_eq!(paragraph_language("цілі кампанії", Lang::Ru), Lang::Uk);
        assert_eq!(paragraph_language("цели кампании", Lang::Uk), Lang::Ru);
        // `ия` ending and `и` before a vowel.
        assert_eq!(paragraph_language("медиа | кампания", Lang::Uk), Lang::Ru);
        // A doubled consonant before a final `я`, and the apostrophe.
        assert_eq!(
            paragraph_language("завдання на п'ятницю", Lang::Ru),
            Lang::Uk
        );
        // A shared word: the prior breaks the tie.
        assert_eq!(paragraph_language("дедлайн", Lang::Uk), Lang::Uk);
        assert_eq!(paragraph_language("дедлайн", Lang::Ru), Lang::Ru);
    }

    #[test]
    fn script_decides_when_the_text_is_prose() {
        // A Cyrillic word in an English document is Russian or Ukrainian.
        assert_eq!(paragraph_language("цілі", Lang::En), Lang::Uk);
        assert_eq!(paragraph_language("цели", Lang::En), Lang::Ru);
        // Acronyms in a Cyrillic document are not English prose; sentences are.
        assert_eq!(paragraph_language("cpa | 95 ₽", Lang::Ru), Lang::Ru);
        assert_eq!(
            paragraph_language("we will share the plan on friday.", Lang::Uk),
            Lang::En
        );
        // Brand names and acronyms in a Cyrillic sentence do not make it Latin.
        assert_eq!(
            paragraph_language(
                "запуск у tiktok та youtube shorts, cpv до 0,2 грн",
                Lang::En
            ),
            Lang::Uk
        );
    }

    #[test]
    fn a_short_or_mixed_document_gets_the_language_a_reader_gives_it() {
        assert_eq!(
            document_language(["on repart from scratch. il faut être plus roiste."]),
            Lang::Fr
        );
        assert_eq!(
            document_language(["# objectifs", "- reach | 4,5 m", "le kick off est calé"]),
            Lang::Fr
        );
        assert_eq!(document_language(["бюджет: 4 млн грн"]), Lang::Uk);
        assert_eq!(document_language(["cpa | 20"]), Lang::En);
        assert_eq!(document_language([]), Lang::En);
    }

    #[test]
    fn unfolded_text_reads_the_same() {
        assert_eq!(
            paragraph_language("ЦІЛІ ТА ЗАВДАННЯ КАМПАНІЇ", Lang::Ru),
            Lang::Uk
        );
        assert_eq!(
            paragraph_language(
                "On repart from scratch. Il faut être plus ROIste.",
                Lang::En
            ),
            Lang::Fr
        );
        assert_eq!(
            paragraph_language("We’ll share the plan.", Lang::Fr),
            Lang::En
        );
    }

    #[test]
    fn language_names_parse() {
        for (name, lang) in [
            ("en", Lang::En),
            ("English", Lang::En),
            ("en-GB", Lang::En),
            ("fr_FR", Lang::Fr),
            ("Français", Lang::Fr),
            ("francais", Lang::Fr),
            ("FRE", Lang::Fr),
            ("русский", Lang::Ru),
            ("RU", Lang::Ru),
            ("Українська", Lang::Uk),
            ("ukrainian", Lang::Uk),
            ("ua", Lang::Uk),
            (" uk-UA ", Lang::Uk),
        ] {
            assert_eq!(Lang::from_code(name), Some(lang), "{name}");
        }
        assert_eq!(Lang::from_code("de"), None);
        assert_eq!(Lang::from_code(""), None);
    }
}
