use super::{Context, declare_rule};
use crate::analysis::figures::{TotalSource, budget, format_value};
use crate::finding::{Finding, Severity};
use crate::vocab::RuleId;

declare_rule! {
    /// ## What it does
    /// Compares the proposal's total with the brief's budget: a stated total ("Total",
    /// "Итого", "Разом"), a recommendation to raise the budget to a new amount ("porter le
    /// budget à 420 000 €", "увеличить бюджет до 28 млн ₽"), or, when no total is stated, the
    /// sum of its budget table. Reports a total above the budget in the same currency and the
    /// same tax scope (HT/TTC, excl./incl. VAT, без НДС/с НДС, без ПДВ/з ПДВ); a scope
    /// written on one side only is taken to be the same.
    ///
    /// ## Why is this bad?
    /// A plan that spends more than the client has is either rejected or quietly cut by
    /// the client, channel by channel, without the agency.
    ///
    /// ## Example
    /// Brief: `95 000 € HT pour toute la campagne`.
    /// ```markdown
    /// | **Total** | | **112 k€** |
    /// ```
    ///
    /// Use instead: a plan within the budget, and any extra as a separate option with what
    /// it would bring:
    /// ```markdown
    /// | **Total** | | **95 k€** |
    ///
    /// Option : +17 k€ HT de vidéo en ligne pour 300 réservations de plus, à un CPA de 45 €.
    /// ```
    pub static BUDGET_CONFLICT = Rule {
        id: RuleId::BudgetConflict,
        severity: Severity::Error,
        summary: "A proposal's total above the brief's budget",
        check: check,
    };
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some((doc, brief)) = ctx.proposal_and_brief() else {
        return;
    };
    let comparison = budget(brief, doc);
    let Some(asked) = comparison.brief else {
        return;
    };
    let theirs = brief.doc.source.text[asked.span.clone()].trim();
    for &i in &comparison.conflicts {
        let total = &comparison.totals[i];
        let ours = doc.doc.source.text[total.span.clone()].trim();
        let message = match total.source {
            TotalSource::Stated => {
                format!("this plan totals {ours}, above the brief's budget of {theirs}")
            }
            TotalSource::Raise => {
                format!("this raises the budget to {ours}, above the brief's budget of {theirs}")
            }
            TotalSource::Sum => format!(
                "this budget table adds up to {} {}, above the brief's budget of {theirs}",
                format_value(total.value),
                total.currency.code()
            ),
        };
        let finding = Finding::new(
            BUDGET_CONFLICT.id,
            BUDGET_CONFLICT.default_severity,
            total.span.clone(),
            message,
        )
        .with_label("above the brief's budget")
        .with_help("fit the plan to the brief's budget and offer anything beyond it as an option, with what it would bring")
        .with_related(&brief.doc.source, asked.span.clone(), "the brief's budget");
        out.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run_pair;

    fn found(brief: &str, proposal: &str) -> Vec<(usize, String)> {
        run_pair(&BUDGET_CONFLICT, brief, proposal)
    }

    #[test]
    fn totals_raises_and_sums_above_the_budget_in_four_languages() {
        assert_eq!(
            found(
                "# Brief\n\n## Budget\n\nBudget: £900,000 for media and production.\n",
                "# Plan\n\n## Budget\n\n| Line | Budget |\n|---|---|\n| Search | £600,000 |\n| Social | £365,000 |\n| **Total** | **£965,000** |\n",
            ),
            vec![(9, "£965,000".into())]
        );
        assert_eq!(
            found(
                "# Brief\n\n## Budget\n\n350 000 € HT, production comprise.\n",
                "# Reco\n\n## Budget\n\nNous recommandons de porter le budget à 420 000 €.\n",
            ),
            vec![(5, "420 000 €".into())]
        );
        assert_eq!(
            found(
                "# Бриф\n\n## Бюджет\n\n24 млн ₽ на год.\n",
                "# Предложение\n\n## Бюджет\n\n| Канал | Бюджет, млн ₽ |\n|---|---|\n| ТВ | 20 |\n| Digital | 6 |\n",
            ),
            vec![(8, "6".into())]
        );
        assert_eq!(
            found(
                "# Бриф\n\n## Бюджет\n\n2,5 млн грн з ПДВ на весь період.\n",
                "# Пропозиція\n\n## Бюджет\n\nЗагалом: 2,8 млн грн з ПДВ.\n",
            ),
            vec![(5, "2,8 млн грн з ПДВ".into())]
        );
    }

    #[test]
    fn totals_within_the_budget_or_not_comparable_are_not() {
        // Within; another tax scope; another currency; an option added to a total that fits.
        for (brief, proposal) in [
            (
                "# Brief\n\n## Budget\n\n£120,000 for paid media, excluding VAT.\n",
                "# Plan\n\n## Budget\n\n| Line | Budget (ex. VAT) |\n|---|---|\n| Search | £70,000 |\n| Social | £50,000 |\n| **Total** | **£120,000** |\n",
            ),
            (
                "# Brief\n\n## Budget\n\n100 000 € HT.\n",
                "# Reco\n\n## Budget\n\nTotal : 115 000 € TTC.\n",
            ),
            (
                "# Бриф\n\n## Бюджет\n\n5 млн ₽.\n",
                "# Предложение\n\n## Бюджет\n\nИтого: 60 000 $.\n",
            ),
            (
                "# Бриф\n\n## Бюджет\n\n1,8 млн грн.\n",
                "# Пропозиція\n\n## Бюджет\n\n| Хвиля | Бюджет |\n|---|---|\n| Весна | 900 тис. грн |\n| Осінь | 800 тис. грн |\n| **Разом** | **1 700 тис. грн** |\n\nПропонуємо також додати 100 тис. грн на осінню хвилю.\n",
            ),
        ] {
            assert_eq!(found(brief, proposal), vec![], "{proposal}");
        }
    }
}
