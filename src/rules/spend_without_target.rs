use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::{Context, declare_rule};
use crate::analysis::{Analysis, word_count};
use crate::document::{Segment, SegmentKind};
use crate::finding::{Finding, Severity};
use crate::vocab::{Cue, DocKind, RuleId};

declare_rule! {
    /// ## What it does
    /// Finds recommendations to raise the budget or spend ("increase the budget by 30%",
    /// "augmenter les investissements", "збільшити бюджет", "add €20,000 to YouTube") with
    /// no KPI target in the same sentence, list item or table row. Keeping or cutting a
    /// budget is not a raise.
    ///
    /// ## Why is this bad?
    /// Advertisers' most common complaint: recommendations that only ever raise spend,
    /// with nothing to judge the extra money by.
    ///
    /// ## Example
    /// ```markdown
    /// We recommend raising the TV budget by £60,000.
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// We recommend adding £60,000 to paid search to bring ROAS from 4.2 to 5.
    /// ```
    pub static SPEND_WITHOUT_TARGET = Rule {
        id: RuleId::SpendWithoutTarget,
        severity: Severity::Warning,
        summary: "A recommendation to raise spend with no KPI target beside it",
        check: check,
    };
}

fn money() -> &'static Regex {
    static MONEY: OnceLock<Regex> = OnceLock::new();
    MONEY.get_or_init(|| {
        Regex::new(concat!(
            r"[€$£₽₴]\s?\d|\d[\d\s.,]*\s?(?:k|m|м|тис\.?|тыс\.?|млн|млрд|million|millions|mille)?\s?",
            r"(?:€|\$|£|₽|₴|\beur\b|\beuros?\b|\busd\b|\bgbp\b|\buah\b|\brub\b|грн|руб|гривень|гривн|доларів|долларов|\bdollars?\b|\bpounds?\b)"
        ))
        .expect("money pattern is valid")
    })
}

fn number() -> &'static Regex {
    static NUMBER: OnceLock<Regex> = OnceLock::new();
    NUMBER.get_or_init(|| Regex::new(r"\d").expect("number pattern is valid"))
}

/// Sentences of a paragraph (list items and table rows are one unit each), as ranges of
/// the folded text. A full stop ends a sentence only before a capital or a digit, so
/// abbreviations ("800 тис. грн", "300 тыс. ₽") do not cut one in two.
fn units(segment: &Segment) -> Vec<Range<usize>> {
    let folded = segment.folded.text.as_str();
    if !matches!(segment.kind, SegmentKind::Paragraph) {
        return std::iter::once(0..folded.len()).collect();
    }
    let starts_sentence = |at: usize| {
        let original = segment.folded.original_range(at..at).start;
        segment.text[original..]
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric() || "«\"“(*_".contains(c))
    };
    let mut out = Vec::new();
    let mut start = 0;
    for (at, c) in folded.char_indices() {
        let end = at + c.len_utf8();
        let boundary = matches!(c, '.' | '!' | '?' | '…')
            && folded[end..].starts_with(' ')
            && starts_sentence(end + 1)
            || end == folded.len();
        if boundary {
            out.push(start..end);
            start = end;
        }
    }
    out
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let analysis = ctx.doc;
    if analysis.kind == DocKind::Brief {
        return;
    }
    for (index, segment) in analysis.doc.segments.iter().enumerate() {
        if segment.is_heading() {
            continue;
        }
        let folded = &segment.folded.text;
        for unit in units(segment) {
            let cues = analysis.cues_within(index, unit.clone());
            let of = |cue: Cue| cues.iter().filter(move |h| h.payload == cue);
            // "keep the increased budget" is not a raise.
            let raised = of(Cue::RaiseVerb).any(|raise| {
                !of(Cue::KeepOrCut).any(|k| {
                    k.folded.end <= raise.folded.start
                        && word_count(&folded[k.folded.end..raise.folded.start]) <= 2
                })
            });
            if !raised {
                continue;
            }
            let spend_word = of(Cue::SpendWord).next().is_some();
            let amount = money().is_match(&folded[unit.clone()]);
            if !(spend_word || amount) || has_target(analysis, index, &unit) {
                continue;
            }
            let trimmed = trim(folded, unit.clone());
            let span = segment.source_range_of_folded(trimmed);
            out.push(
                Finding::new(
                    SPEND_WITHOUT_TARGET.id,
                    SPEND_WITHOUT_TARGET.default_severity,
                    span,
                    "this recommends more spend without a KPI target to judge it by",
                )
                .with_label("more spend, no target")
                .with_help("say what the extra budget must deliver, e.g. “add €20,000 to bring ROAS to 5.5” or “… for 300 more leads at ≤ €40”"),
            );
        }
    }
}

/// A KPI with a number a few words after it ("ROAS of paid search to 5.5", "CPA ≤ 25 €") or just before it
/// ("2,000 leads") in the same unit.
fn has_target(analysis: &Analysis, segment: usize, unit: &Range<usize>) -> bool {
    let folded = &analysis.doc.segments[segment].folded.text;
    analysis
        .mentions_within(segment, unit.clone())
        .iter()
        .any(|m| {
            let after = &folded[m.folded.end..unit.end];
            let after_words: String = after
                .split(' ')
                .filter(|w| !w.is_empty())
                .take(6)
                .collect::<Vec<_>>()
                .join(" ");
            let before = &folded[unit.start..m.folded.start];
            let mut before_words: Vec<&str> = before
                .rsplit(' ')
                .filter(|w| !w.is_empty())
                .take(2)
                .collect();
            before_words.reverse();
            let before_words = before_words.join(" ");
            number().is_match(&after_words) || number().is_match(&before_words)
        })
}

fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    start..start + slice.trim().len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{analyse, run};

    #[test]
    fn a_raise_without_target_is_reported_in_four_languages() {
        let doc = analyse(
            "proposal.md",
            "# Plan\n\nWe recommend raising the TV budget by £60,000. It is a strong idea.\n\n- Augmenter le budget de 20 000 € pour porter le ROAS à 5,5.\n- Збільшити бюджет на YouTube на 800 тис. грн.\n- Увеличить бюджет на ретейл-медиа на 30%.\n",
        );
        let lines: Vec<usize> = run(&SPEND_WITHOUT_TARGET, &doc, None)
            .into_iter()
            .map(|(l, _)| l)
            .collect();
        assert_eq!(lines, vec![3, 6, 7]);
    }

    #[test]
    fn keeping_or_cutting_and_briefs_are_not_raises() {
        let doc = analyse(
            "proposal.md",
            "# Plan\n\nWe keep the budget at £150,000 and cut TV by £20,000.\n",
        );
        assert_eq!(run(&SPEND_WITHOUT_TARGET, &doc, None), vec![]);
        let brief = analyse(
            "brief.md",
            "# Brief\n\nWe will increase the budget by 30%.\n",
        );
        assert_eq!(run(&SPEND_WITHOUT_TARGET, &brief, None), vec![]);
    }
}
