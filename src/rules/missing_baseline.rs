use super::{Context, declare_rule};
use crate::analysis::figures::Kind;
use crate::figures::Unit;
use crate::finding::{Finding, Payload, Severity};
use crate::vocab::RuleId;

declare_rule! {
    /// ## What it does
    /// Finds targets stated as a change ("+15 %", "double", "vs last year", "на 20 % больше",
    /// "у 2 рази", "de 15 % par rapport à 2025") for a KPI whose current or reference figure
    /// the document gives nowhere: no level of that KPI in the objectives, the background
    /// or a table. Brand lift and ad recall in points, measured against a control group,
    /// never need one.
    ///
    /// ## Why is this bad?
    /// "+15 %" of an unknown number cannot be planned, bought or checked: the agency and
    /// the client will each pick the baseline that suits them when the results come in.
    ///
    /// ## Example
    /// ```markdown
    /// - Grow average customer lifetime value (LTV) by 15%
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// - Grow average customer lifetime value (LTV) by 15%, from £420 in 2025 to £483
    /// ```
    pub static MISSING_BASELINE = Rule {
        id: RuleId::MissingBaseline,
        severity: Severity::Warning,
        summary: "A target stated as a change, with no figure for what it changes from",
        check: check,
    };
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let figures = &ctx.doc.figures.figures;
    for figure in figures {
        let (Some(kpi), Some(amount)) = (figure.kpi, figure.amount()) else {
            continue;
        };
        let change = figure.kind == Kind::Target
            && figure.committed
            && figure.role == crate::analysis::figures::Role::Stated
            && amount.relative.is_some();
        let key = ctx.dicts.kpi(kpi).key.as_str();
        let controlled = figure.controlled || (key == "brand_lift" && amount.unit == Unit::Points);
        if !change || controlled {
            continue;
        }
        let level_known = figures
            .iter()
            .any(|f| f.kpi == Some(kpi) && f.amount().is_some_and(|a| a.relative.is_none()));
        if level_known {
            continue;
        }
        let name = &ctx.dicts.kpi(kpi).name;
        let quoted = ctx.doc.doc.source.text[figure.span.clone()].trim();
        out.push(
            Finding::new(
                MISSING_BASELINE.id,
                MISSING_BASELINE.default_severity,
                figure.span.clone(),
                format!("“{quoted}” is a change in {name}, but no current or reference figure for {name} is given"),
            )
            .with_payload(Payload::Kpi { kpi })
            .with_label("a change from what?")
            .with_help(
                "give the level it starts from, e.g. “from 2.8% to 1.9%” or “contre 10,5 % en 2025”, so both sides measure the change the same way",
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{analyse, run};

    fn found(text: &str) -> Vec<(usize, String)> {
        run(&MISSING_BASELINE, &analyse("brief.md", text), None)
    }

    #[test]
    fn changes_without_a_level_are_reported_in_four_languages() {
        assert_eq!(
            found(
                "# Brief\n\n## Objectives\n\n- Grow average customer lifetime value (LTV) by 15%\n"
            ),
            vec![(5, "15%".into())]
        );
        assert_eq!(
            found(
                "# Brief\n\n## Objectifs\n\n- NPS des clients fidèles : +12 points par rapport à l'enquête de septembre\n"
            ),
            vec![(5, "+12 points".into())]
        );
        assert_eq!(
            found("# Бриф\n\n## Цели\n\n- Заявки: в 2 раза больше, чем весной\n"),
            vec![(5, "2 раза".into())]
        );
        assert_eq!(
            found(
                "# Бриф\n\n## Цілі\n\n- Повторні покупки: учасники приходять на 20 % частіше, ніж узимку\n"
            ),
            vec![(5, "20 %".into())]
        );
        // The KPI in any case form: a named period with no figure for it is no baseline.
        assert_eq!(
            found(
                "# Бриф\n\n## Цели\n\n- Новые регистрации: в 2 раза больше, чем в апреле 2025 года\n"
            ),
            vec![(5, "2 раза".into())]
        );
        assert_eq!(
            found("# Бриф\n\n## Цілі\n\n- Нові реєстрації: у 2 рази більше, ніж торік\n"),
            vec![(5, "2 рази".into())]
        );
    }

    #[test]
    fn changes_with_a_level_brand_lift_and_background_are_not() {
        for text in [
            "# Brief\n\n## Objectives\n\n- LTV up 15%, from £420 today\n",
            "# Brief\n\n## Objectives\n\n- Ad recall uplift (brand lift) of +8 points, exposed against a control group\n",
            "# Reco\n\n## Objectifs\n\n- Réservations des familles belges : +30 % par rapport à 2025 (1 150 réservations en 2025)\n",
            "# Бриф\n\n## Ситуация\n\nВ прошлом году продажи выросли на 12 %.\n\n## Цели\n\n- Охват 60 %\n",
            "# Бриф\n\n## Цілі\n\n- Утримання: на 10 % більше\n\n## Ситуація\n\nЗараз утримання 38 %.\n",
        ] {
            assert_eq!(found(text), vec![], "{text}");
        }
    }
}
