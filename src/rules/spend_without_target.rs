use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::{Context, declare_rule};
use crate::analysis::{Analysis, sentences, trim, word_count};
use crate::dictionary::Hit;
use crate::finding::{Finding, Severity};
use crate::vocab::{Cue, DocKind, RuleId, SectionKind};

declare_rule! {
    /// ## What it does
    /// Finds recommendations, in a proposal, to raise the budget or spend ("increase the
    /// budget by 30%", "augmenter les investissements", "збільшити бюджет", "add €20,000 to
    /// YouTube") with no KPI target in the same sentence, list item or table row. A KPI
    /// condition anywhere in the sentence ("if cost per booking stays under £14") is a
    /// target. Not raises: keeping or cutting a budget; moving money within a fixed total
    /// ("increase the budget of the best campaigns and decrease it elsewhere"); other
    /// people's spending ("increase average visitor spend"); spend as a trend ("when the
    /// budget grows, CPA rises"); the background of the proposal. Briefs, articles, case
    /// studies and interviews are not checked: they report spend, they do not recommend it.
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

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let analysis = ctx.doc;
    // Only the agency's answer recommends spend; a brief, an article or a case study
    // reports it.
    if analysis.kind != DocKind::Proposal {
        return;
    }
    for (index, segment) in analysis.doc.segments.iter().enumerate() {
        if segment.is_heading() || analysis.sections[index].has(SectionKind::Background) {
            continue;
        }
        let folded = &segment.folded.text;
        for unit in sentences(segment) {
            let cues = analysis.cues_within(index, unit.clone());
            if !raises_own_spend(folded, &unit, cues) || has_target(analysis, index, &unit) {
                continue;
            }
            let span = segment.source_range_of_folded(trim(folded, unit));
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

/// Whether a sentence raises the advertiser's own spend: a raise verb, not right after
/// "keep" ("keep the increased budget"), and not followed by a cut or a fixed total
/// ("increase the budget of the best campaigns and decrease it elsewhere", "à budget
/// constant": money moved, not added); of a spend word or an amount that is not someone
/// else's spending ("visitor spend", "середній чек", "their own money").
fn raises_own_spend(folded: &str, unit: &Range<usize>, cues: &[Hit<Cue>]) -> bool {
    let of = |cue: Cue| cues.iter().filter(move |h| h.payload == cue);
    let raise = of(Cue::RaiseVerb).find(|raise| {
        !of(Cue::KeepOrCut).any(|k| {
            k.folded.end <= raise.folded.start
                && word_count(&folded[k.folded.end..raise.folded.start]) <= 2
        })
    });
    let Some(raise) = raise else {
        return false;
    };
    if of(Cue::KeepOrCut).any(|k| k.folded.start >= raise.folded.end) {
        return false;
    }
    let others = of(Cue::OthersSpend).next().is_some();
    of(Cue::SpendWord).next().is_some() || (!others && money().is_match(&folded[unit.clone()]))
}

/// A KPI with a number a few words after it ("ROAS of paid search to 5.5", "CPA ≤ 25 €") or
/// just before it ("2,000 leads"), or a condition with a number that is not about spend
/// ("if cost per booking stays under £14", "si le coût par location reste sous 9 €",
/// "якщо вартість заявки буде нижчою за 1 100 грн") in the same sentence.
fn has_target(analysis: &Analysis, segment: usize, unit: &Range<usize>) -> bool {
    let folded = &analysis.doc.segments[segment].folded.text;
    let near_kpi = analysis
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
        });
    near_kpi || has_kpi_condition(analysis, segment, unit)
}

/// A condition clause (from "if" to the next clause break) with a number and no spend word:
/// a KPI threshold the raise depends on.
fn has_kpi_condition(analysis: &Analysis, segment: usize, unit: &Range<usize>) -> bool {
    let folded = &analysis.doc.segments[segment].folded.text;
    let cues = analysis.cues_within(segment, unit.clone());
    cues.iter()
        .filter(|h| h.payload == Cue::Condition)
        .any(|condition| {
            let rest = &folded[condition.folded.end..unit.end];
            let clause = condition.folded.end
                ..condition.folded.end + rest.find([',', ';', ':', '—']).unwrap_or(rest.len());
            number().is_match(&folded[clause.clone()])
                && !cues.iter().any(|h| {
                    h.payload == Cue::SpendWord
                        && h.folded.start >= clause.start
                        && h.folded.end <= clause.end
                })
        })
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

    #[test]
    fn others_spending_moved_money_trends_and_kpi_conditions_are_not_flagged() {
        let doc = analyse(
            "proposal.md",
            concat!(
                "# Plan\n\n## Objectives\n\n",
                "- Increase average visitor spend per trip from £142 to £155\n",
                "- Augmenter la dépense moyenne par séjour de 410 € à 450 €\n",
                "- Увеличить средние траты туриста с 18 400 до 20 000 ₽\n",
                "- Збільшити середні витрати туриста з 3 200 до 3 600 грн\n\n",
                "## Rules\n\n",
                "Every fortnight we increase the budget for the best campaigns and decrease it elsewhere.\n\n",
                "Nous augmentons le budget des meilleures campagnes, à enveloppe constante.\n\n",
                "Увеличиваем бюджет лучших кампаний и сокращаем на остальных.\n\n",
                "Збільшуємо бюджет кращих кампаній у межах загальної суми.\n\n",
                "When the budget grows, CPA rises. Hotels add their own money to the shared pot.\n\n",
                "- If cost per booking stays under £14, we recommend adding £10,000 to social.\n",
                "- Si le coût par location reste sous 9 €, nous proposons d'ajouter 8 000 €.\n",
                "- Если стоимость заказа будет не выше 1 800 ₽, добавим 300 тыс. ₽.\n",
                "- Якщо вартість заявки буде нижчою за 1 100 грн, додамо 100 000 грн.\n",
            ),
        );
        assert_eq!(run(&SPEND_WITHOUT_TARGET, &doc, None), vec![]);
    }

    #[test]
    fn only_a_proposal_outside_its_background_is_checked() {
        let raise = "We recommend increasing the radio budget by £12,000.\n";
        let article = analyse("post.md", &format!("# How to plan\n\n{raise}"));
        assert_eq!(run(&SPEND_WITHOUT_TARGET, &article, None), vec![]);
        let proposal = analyse(
            "proposal.md",
            &format!("# Plan\n\n## What you asked us for\n\n{raise}\n## Budget\n\n{raise}"),
        );
        assert_eq!(
            run(&SPEND_WITHOUT_TARGET, &proposal, None),
            vec![(9, raise.trim().to_string())]
        );
    }
}
