use std::ops::Range;

use super::{Context, declare_rule};
use crate::dictionary::JargonEntry;
use crate::finding::{Finding, Fix, Payload, Severity};
use crate::text::fold::is_word_char;
use crate::text::french::{self, Junction};
use crate::vocab::{Lang, RuleId};

declare_rule! {
    /// ## What it does
    /// Finds agency jargon in prose: buzzwords ("move the needle", "synergy"), franglais in
    /// French ("ROIste", "from scratch", "à date"), anglicisms in Russian and Ukrainian
    /// ("перфомить", "інсайти"), bureaucratese ("на сегодняшний день") and empty
    /// intensifiers, in every inflected form. Words used as names (tariff «Драйв», Blue Sky
    /// Charters, the front matter's `brand:`), in a literal sense (a deep dive to 30 metres)
    /// or as another trade's term (incentive trips in a hotel brief) are not reported.
    ///
    /// ## Why is this bad?
    /// The reader is a client, not a colleague. Jargon hides what the agency will actually
    /// do and makes a proposal sound like every other one.
    ///
    /// ## Example
    /// ```markdown
    /// Nous avons construit cette propal from scratch, avec une approche ROIste.
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// Nous avons construit cette proposition de zéro, avec une approche centrée sur la rentabilité.
    /// ```
    pub static JARGON = Rule {
        id: RuleId::Jargon,
        severity: Severity::Warning,
        summary: "Agency jargon, franglais, anglicisms and bureaucratese, with plain replacements",
        check: check,
    };
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let doc = &ctx.doc.doc;
    let text = doc.source.text.as_str();
    for (segment, hits) in doc.segments.iter().zip(&ctx.doc.jargon) {
        for hit in hits {
            if out.len() > super::MAX_PER_RULE {
                return;
            }
            let entry = ctx.dicts.entry(hit.payload);
            let span = segment.source_range_of_folded(hit.folded.clone());
            let found = &text[span.clone()];
            let own_form = segment.folded.text[hit.folded.clone()] == entry.folded_term;
            let mut suggestion = Suggestion::new(entry, found, span.clone(), own_form);
            if entry.lang == Lang::Fr {
                let apostrophe = if segment.text.contains('’') {
                    '’'
                } else {
                    '\''
                };
                suggestion.join_french(text, segment.source_span().start, apostrophe);
            }
            let alternatives = if entry.replace.len() > 1 {
                format!(" (or: {})", entry.replace[1..].join(", "))
            } else {
                String::new()
            };
            let in_place_of = if suggestion.span == span {
                String::new()
            } else {
                format!(" in place of “{}”", &text[suggestion.span.clone()])
            };
            let note = suggestion
                .note
                .as_ref()
                .map_or_else(String::new, |note| format!("; {note}"));
            let mut finding = Finding::new(
                JARGON.id,
                JARGON.default_severity,
                span.clone(),
                format!(
                    "“{found}” is {}: {}",
                    article(entry.category.describe()),
                    entry.reason
                ),
            )
            .with_payload(Payload::Jargon { entry: hit.payload })
            .with_label(format!("write “{}”", suggestion.text))
            .with_help(format!(
                "write “{}”{in_place_of}{alternatives}{note}",
                suggestion.text
            ));
            // Reported either way; fixed only where the source holds the words as they
            // read, so a fix never swallows a markup edge or a line break.
            let plain = segment
                .verbatim_source_range(hit.folded.clone(), text)
                .is_some()
                && is_plain_text(text, &suggestion.span, &span);
            if suggestion.fixable && plain {
                finding.fix = Some(Fix {
                    span: suggestion.span,
                    replacement: suggestion.text.clone(),
                });
            }
            finding.suggestion = Some(suggestion.text);
            out.push(finding);
        }
    }
}

/// What to write in place of a match, and whether `--fix` may write it.
///
/// `--fix` writes `replace[0]` only where it reads right as it is: the entry says so
/// (`fix = true`), the match is the headword's own form, or the entry says the
/// replacement fits every form (`invariable = true`: "на сегодняшний момент" → "сейчас"),
/// and the French words before it take it (elision, contraction). Otherwise the
/// replacement is a suggestion, with a note when something around it must change: an
/// inflected form ("leveraged" is not "use"), Russian or Ukrainian whose replacement may
/// govern another case or tense, a French article whose gender we do not know.
struct Suggestion {
    /// The replacement where it lands, with the word before it when that word changes.
    text: String,
    /// The source range `text` takes the place of.
    span: Range<usize>,
    /// Why it is not written automatically, when the writer must adapt something.
    note: Option<String>,
    fixable: bool,
}

impl Suggestion {
    fn new(entry: &JargonEntry, found: &str, span: Range<usize>, own_form: bool) -> Self {
        let text = match_case(found, &entry.replace[0]);
        let note = if !entry.fix {
            matches!(entry.lang, Lang::Ru | Lang::Uk)
                .then(|| "adapt the case of the words after it and the tense to it".to_string())
        } else if !own_form && !entry.invariable {
            Some(format!(
                "“{}” stands for “{}”: give it the form of “{found}”",
                entry.replace[0], entry.term
            ))
        } else {
            None
        };
        Self {
            fixable: entry.fix && note.is_none() && !found.contains('\n'),
            text,
            span,
            note,
        }
    }

    /// Makes the French word before the match (from `segment_start` on) agree with the
    /// replacement: "la customer experience" → "l'expérience client".
    fn join_french(&mut self, source: &str, segment_start: usize, apostrophe: char) {
        let Some(before) = word_before(source, segment_start, self.span.start) else {
            return;
        };
        match french::junction(&source[before.clone()], &self.text, apostrophe) {
            Junction::Unchanged => {}
            Junction::Rewritten(text) => {
                self.text = text;
                self.span = before.start..self.span.end;
            }
            Junction::Unsure(note) => {
                self.fixable = false;
                self.note.get_or_insert_with(|| note.to_string());
            }
        }
    }
}

/// The word just before `at` in `source` (not before `from`), on the same line: either
/// elided and joined to it (`l'`, `d’`, apostrophe included) or one space before it.
fn word_before(source: &str, from: usize, at: usize) -> Option<Range<usize>> {
    let before = source.get(from..at)?;
    let (end, elided) = match before.chars().next_back()? {
        '\'' | '’' => (before.len(), true),
        ' ' | '\u{a0}' => (before.len() - before.chars().next_back()?.len_utf8(), false),
        _ => return None,
    };
    let word_end = if elided {
        end - before[..end].chars().next_back()?.len_utf8()
    } else {
        end
    };
    let start = before[..word_end]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word_char(c))
        .last()
        .map(|(i, _)| i)?;
    Some(from + start..from + end)
}

/// Whether the parts of `fix` outside `term` (an article a French elision takes along)
/// are plain words, with no markup between them and the term.
fn is_plain_text(text: &str, fix: &Range<usize>, term: &Range<usize>) -> bool {
    let outside = [
        fix.start..term.start.max(fix.start),
        term.end.min(fix.end)..fix.end,
    ];
    outside.iter().all(|part| {
        !text[part.clone()].contains(['*', '_', '~', '`', '[', ']', '<', '>', '\\', '&', '\n'])
    })
}

fn article(noun: &str) -> String {
    // Mass nouns take no article: "is franglais", "is bureaucratese".
    if matches!(noun, "franglais" | "bureaucratese") {
        return noun.to_string();
    }
    let vowel = noun.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {noun}", if vowel { "an" } else { "a" })
}

/// Gives `replacement` the capitalisation pattern of `original`: ALL CAPS stays all caps,
/// a capitalised word stays capitalised.
pub fn match_case(original: &str, replacement: &str) -> String {
    let letters: Vec<char> = original.chars().filter(|c| c.is_alphabetic()).collect();
    let all_upper = letters.len() > 1 && letters.iter().all(|c| c.is_uppercase());
    if all_upper {
        return replacement.to_uppercase();
    }
    if letters.first().is_some_and(|c| c.is_uppercase()) {
        let mut chars = replacement.chars();
        return chars.next().map_or_else(String::new, |first| {
            first.to_uppercase().chain(chars).collect()
        });
    }
    replacement.to_string()
}

#[cfg(test)]
mod tests {
    use std::sync::OnceLock;

    use super::*;
    use crate::analysis::Analysis;
    use crate::dictionary::{Dictionaries, DictionarySet, Source};
    use crate::document::Document;
    use crate::rules::testing::{analyse, run};
    use crate::source::SourceFile;

    #[test]
    fn finds_jargon_in_four_languages_with_inflection() {
        let doc = analyse(
            "p.md",
            "# Plan\n\nWe will leverage synergy to move the needle.\n\nNous avons construit cette propal from scratch.\n\nКампания будет драйвить продажи, инсайтами делимся.\n",
        );
        let found: Vec<String> = run(&JARGON, &doc, None)
            .into_iter()
            .map(|(_, t)| t.to_lowercase())
            .collect();
        for expected in [
            "leverage",
            "synergy",
            "move the needle",
            "propal",
            "from scratch",
            "драйвить",
            "инсайтами",
        ] {
            assert!(
                found.iter().any(|f| f == expected),
                "{expected} not in {found:?}"
            );
        }
    }

    #[test]
    fn literal_uses_code_and_urls_are_not_flagged() {
        let doc = analyse(
            "b.md",
            "The long handle gives enough leverage to open the frame.\n\nSee `synergy` and https://example.com/synergy-leverage.\n",
        );
        assert_eq!(run(&JARGON, &doc, None), vec![]);
    }

    const FRENCH: &str = r#"
lang = "fr"

[[entry]]
term = "customer experience"
category = "franglais"
replace = ["expérience client"]
reason = "Franglais."
fix = true

[[entry]]
term = "insight"
forms = ["insights"]
category = "franglais"
replace = ["constat"]
reason = "Franglais."
fix = true

[[entry]]
term = "la data"
category = "franglais"
replace = ["les données"]
reason = "Franglais."
fix = true
"#;

    /// The jargon findings of a French `text`, with a dictionary built for the test.
    fn french_findings(text: &str) -> Vec<Finding> {
        static DICTS: OnceLock<Dictionaries> = OnceLock::new();
        let dicts = DICTS.get_or_init(|| {
            let set = DictionarySet {
                jargon: vec![Source::new("fr.toml", FRENCH)],
                ..DictionarySet::default()
            };
            Dictionaries::compile(&set).unwrap_or_else(|e| panic!("{e:?}"))
        });
        let text = format!("---\nlang: fr\n---\n{text}\n");
        let source = SourceFile::new(None, "p.md".into(), text);
        let doc = Analysis::new(Document::parse(source, None), dicts);
        let ctx = Context {
            doc: &doc,
            brief: None,
            pairing: None,
            dicts,
        };
        let mut out = Vec::new();
        check(&ctx, &mut out);
        out
    }

    /// The text a fix replaces and its replacement.
    fn fix_of(text: &str, finding: &Finding) -> Option<(String, String)> {
        let text = format!("---\nlang: fr\n---\n{text}\n");
        let fix = finding.fix.as_ref()?;
        Some((text[fix.span.clone()].to_string(), fix.replacement.clone()))
    }

    #[test]
    fn french_fixes_take_the_article_before_them_along() {
        let text = "Nous voulons améliorer la customer experience en magasin.";
        let found = french_findings(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].suggestion.as_deref(), Some("l'expérience client"));
        assert_eq!(
            fix_of(text, &found[0]),
            Some((
                "la customer experience".into(),
                "l'expérience client".into()
            ))
        );
        let help = found[0].help.as_deref().unwrap_or_default();
        assert!(
            help.contains("in place of “la customer experience”"),
            "{help}"
        );

        let text = "Le coût de la data a doublé.";
        let found = french_findings(text);
        assert_eq!(
            fix_of(text, &found[0]),
            Some(("de la data".into(), "des données".into()))
        );
    }

    #[test]
    fn french_fixes_that_need_a_gender_or_another_form_are_only_suggested() {
        let text = "Voici l’insight du trimestre, puis les insights.";
        let found = french_findings(text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].fix, None);
        let help = found[0].help.as_deref().unwrap_or_default();
        assert!(help.contains("« le » or « la »"), "{help}");
        assert_eq!(found[1].fix, None);
        let help = found[1].help.as_deref().unwrap_or_default();
        assert!(help.contains("give it the form of “insights”"), "{help}");
    }

    fn entry(lang: Lang, fix: bool, invariable: bool) -> JargonEntry {
        JargonEntry {
            term: "инсайт".into(),
            folded_term: "инсайт".into(),
            lang,
            category: crate::dictionary::Category::Anglicism,
            replace: vec!["вывод".into()],
            reason: "x".into(),
            fix,
            invariable,
            capitalised: false,
            near: false,
            domains: 0,
        }
    }

    #[test]
    fn only_the_headword_s_own_form_is_fixed_unless_the_replacement_is_invariable() {
        let own = Suggestion::new(&entry(Lang::Ru, true, false), "Инсайт", 0..12, true);
        assert!(own.fixable && own.note.is_none());
        assert_eq!(own.text, "Вывод");
        let inflected = Suggestion::new(&entry(Lang::Ru, true, false), "инсайтами", 0..18, false);
        assert!(!inflected.fixable);
        assert_eq!(
            inflected.note.as_deref(),
            Some("“вывод” stands for “инсайт”: give it the form of “инсайтами”")
        );
        let invariable = Suggestion::new(&entry(Lang::Ru, true, true), "инсайтами", 0..18, false);
        assert!(invariable.fixable && invariable.note.is_none());
    }

    #[test]
    fn russian_and_ukrainian_suggestions_without_a_fix_carry_a_note() {
        for lang in [Lang::Ru, Lang::Uk] {
            let suggestion = Suggestion::new(&entry(lang, false, false), "инсайт", 0..12, true);
            assert!(!suggestion.fixable && suggestion.note.is_some());
        }
        let english = Suggestion::new(&entry(Lang::En, false, false), "insight", 0..7, true);
        assert!(!english.fixable && english.note.is_none());
    }

    #[test]
    fn the_word_before_is_found_on_the_same_line_only() {
        let text = "Voir l’insight et la data.\nsynergy";
        let at = |word: &str| text.find(word).unwrap();
        assert_eq!(
            word_before(text, 0, at("insight")).map(|r| &text[r]),
            Some("l’")
        );
        assert_eq!(
            word_before(text, 0, at("data")).map(|r| &text[r]),
            Some("la")
        );
        assert_eq!(word_before(text, 0, at("synergy")), None);
        assert_eq!(
            word_before(text, at("et"), at("la")),
            Some(at("et")..at("et") + 2)
        );
        assert_eq!(
            word_before(text, at("la"), at("data")),
            Some(at("la")..at("la") + 2)
        );
        assert_eq!(word_before(text, at("data"), at("data")), None);
    }

    #[test]
    fn suggestions_keep_the_capitalisation() {
        assert_eq!(match_case("Utilize", "use"), "Use");
        assert_eq!(
            match_case("ASAP", "as soon as possible"),
            "AS SOON AS POSSIBLE"
        );
        assert_eq!(match_case("à date", "à ce jour"), "à ce jour");
    }
}
