use super::{Context, declare_rule};
use crate::analysis::figures::{Measure, kpi_comparisons};
use crate::finding::{Finding, Payload, Severity};
use crate::vocab::RuleId;

declare_rule! {
    /// ## What it does
    /// Compares each figure the proposal commits to or forecasts for a KPI with the brief's
    /// target for the same KPI, and reports the figures that are worse: a cost (CPA, CPL,
    /// CPC, CPM, CPV) or churn above the brief's cap, a volume, rate or return below its
    /// floor. Only comparable figures count: same unit, currency and period, with
    /// multipliers ("k", "M", "тыс.", "тис.", "млн") applied. Last year's figures, a
    /// competitor's, baselines and the thresholds of "if …" rules are not commitments.
    ///
    /// ## Why is this bad?
    /// A proposal that names the right KPIs with the wrong figures is the first thing a
    /// client's marketing director spots, and the start of the argument at the end of the
    /// campaign about what was agreed.
    ///
    /// ## Example
    /// Brief: `- Coût par souscription (CPA média) : 48 € maximum`.
    /// ```markdown
    /// | Coût par souscription (CPA média) | 52 € |
    /// ```
    ///
    /// Use instead: commit to the brief's target, or say why it cannot be met and agree a
    /// new one before the proposal goes out:
    /// ```markdown
    /// | Coût par souscription (CPA média) | 47 € |
    /// ```
    pub static TARGET_CONFLICT = Rule {
        id: RuleId::TargetConflict,
        severity: Severity::Error,
        summary: "A proposal's figure for a KPI worse than the brief's target",
        check: check,
    };
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some((doc, brief)) = ctx.proposal_and_brief() else {
        return;
    };
    for row in kpi_comparisons(brief, doc, ctx.dicts) {
        let kpi = ctx.dicts.kpi(row.kpi);
        let lower = Measure::of(&kpi.key).is_some_and(|m| m.lower_is_better);
        let (bound, side) = if lower {
            ("cap", "above")
        } else {
            ("target", "below")
        };
        for (offered, asked) in row.conflicts {
            let ours = doc.doc.source.text[offered.span.clone()].trim();
            let theirs = brief.doc.source.text[asked.span.clone()].trim();
            let finding = Finding::new(
                TARGET_CONFLICT.id,
                TARGET_CONFLICT.default_severity,
                offered.span.clone(),
                format!(
                    "{ours} for {} is {side} the brief's {bound} of {theirs}",
                    kpi.name
                ),
            )
            .with_payload(Payload::Kpi { kpi: row.kpi })
            .with_label(format!("{side} the brief's {theirs}"))
            .with_help(format!(
                "commit to the brief's {} or better, or explain why it cannot be met and agree a new target with the client",
                kpi.name
            ));
            let label = format!("the brief's {bound} for {}", kpi.name);
            out.push(finding.with_related(&brief.doc.source, asked.span.clone(), label));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run_pair;

    fn found(brief: &str, proposal: &str) -> Vec<(usize, String)> {
        run_pair(&TARGET_CONFLICT, brief, proposal)
    }

    #[test]
    fn worse_costs_and_volumes_are_reported_in_four_languages() {
        assert_eq!(
            found(
                "# Brief\n\n## Objectives\n\n- CPA: no more than £32\n- 4,800 bookings\n",
                "# Plan\n\n## Forecast\n\n| KPI | Forecast |\n|---|---|\n| CPA | £36 |\n| Bookings | 4,500 |\n",
            ),
            vec![(7, "£36".into()), (8, "4,500".into())]
        );
        assert_eq!(
            found(
                "# Brief\n\n## Objectifs\n\n- Coût par souscription (CPA) : 48 € maximum\n",
                "# Reco\n\n## Objectifs\n\n- CPA prévu : 52 €\n",
            ),
            vec![(5, "52 €".into())]
        );
        assert_eq!(
            found(
                "# Бриф\n\n## Цели\n\n- Стоимость заявки (CPL): не выше 4 800 ₽\n",
                "# Предложение\n\n## KPI\n\n- CPL: 5 000 ₽\n",
            ),
            vec![(5, "5 000 ₽".into())]
        );
        assert_eq!(
            found(
                "# Бриф\n\n## Цілі\n\n- Заявки: 2 400\n",
                "# Пропозиція\n\n## Цілі\n\n- Заявки: 2 100\n",
            ),
            vec![(5, "2 100".into())]
        );
    }

    #[test]
    fn figures_that_meet_the_brief_or_do_not_compare_are_not() {
        // Better, equal, another currency, monthly against the whole campaign.
        assert_eq!(
            found(
                "# Brief\n\n## Objectives\n\n- CPA: no more than £32\n- 4,800 bookings\n- CTR of at least 1%\n",
                "# Plan\n\n## Forecast\n\n- CPA: £30\n- 4,800 bookings\n- CTR 1.0%\n",
            ),
            vec![]
        );
        assert_eq!(
            found(
                "# Brief\n\n## Objectifs\n\n- CPA : 48 € maximum\n",
                "# Reco\n\n## Objectifs\n\n- CPA : 52 $\n",
            ),
            vec![]
        );
        assert_eq!(
            found(
                "# Бриф\n\n## Цели\n\n- 1 800 заявок\n",
                "# Предложение\n\n## Цели\n\n- 300 заявок в месяц\n",
            ),
            vec![]
        );
    }

    #[test]
    fn facts_baselines_and_conditions_are_not_commitments() {
        assert_eq!(
            found(
                "# Brief\n\n## Objectives\n\n- CPA: no more than £32\n",
                "# Plan\n\n## Forecast\n\n- CPA: £30, an improvement on last spring's £41\n- If CPA rises above £40, we move money to search\n",
            ),
            vec![]
        );
        // "с 22 % до 17 %": 22 % is where churn starts from.
        assert_eq!(
            found(
                "# Бриф\n\n## Цели\n\n- Снизить отток с 22 % до 17 %\n",
                "# Предложение\n\n## Цели\n\n- Отток: с 22 % до 16,5 %\n",
            ),
            vec![]
        );
    }
}
