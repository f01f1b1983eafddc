use super::{Context, declare_rule};
use crate::finding::{Finding, Payload, Severity};
use crate::vocab::RuleId;

declare_rule! {
    /// ## What it does
    /// Lists each KPI the brief sets in its objectives that the proposal never mentions,
    /// under any of its names or in any language ("chiffre d'affaires" answers "revenue",
    /// "конверсія" answers "conversion rate").
    ///
    /// ## Why is this bad?
    /// A KPI the client asked for and the agency ignored is the first thing the client will
    /// ask about, and the first thing both sides will argue over at the end of the campaign.
    ///
    /// ## Example
    /// Brief: `- Monthly churn from 2.8% to 1.9%`. A proposal that speaks only of video
    /// views and CTR leaves churn unanswered.
    ///
    /// Use instead: say how the plan moves churn, with a target and a way to measure it.
    pub static KPI_NOT_ADDRESSED = Rule {
        id: RuleId::KpiNotAddressed,
        severity: Severity::Warning,
        summary: "A KPI the brief asks for that the proposal never mentions",
        check: check,
    };
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some((doc, brief)) = ctx.proposal_and_brief() else {
        return;
    };
    let anchor = doc.anchor(true);
    for kpi in brief.objective_kpis() {
        if doc.mentions_kpi(kpi) {
            continue;
        }
        let name = &ctx.dicts.kpi(kpi).name;
        // Point at the brief's objectives line, not a passing mention in its title.
        let asked = brief.mentions.iter().filter(|m| m.kpi == kpi && !m.negated);
        let Some(asked) = asked
            .clone()
            .find(|m| brief.sections[m.segment].is_objectives())
            .or_else(|| asked.clone().next())
        else {
            continue;
        };
        let words = brief.doc.source.text[asked.span.clone()].trim();
        let finding = Finding::new(
            KPI_NOT_ADDRESSED.id,
            KPI_NOT_ADDRESSED.default_severity,
            anchor.clone(),
            format!("the brief asks for {name} (“{words}”), which this proposal never mentions"),
        )
        .with_payload(Payload::Kpi { kpi })
        .with_label(format!("no {name} here"))
        .with_help(format!(
            "say how the plan delivers {name}, with a target and how it will be measured"
        ));
        let label = format!("the brief asks for {name}");
        out.push(finding.with_related(&brief.doc.source, asked.span.clone(), label));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{analyse, run};

    #[test]
    fn reports_each_brief_kpi_the_proposal_ignores() {
        let brief = analyse(
            "brief.md",
            "# Brief\n\n## Objectives\n\n- Reduce churn to 1.9%\n- NPS of 40\n",
        );
        let proposal = analyse(
            "proposal.md",
            "# Plan\n\n## Goals\n\n- NPS 42 by November\n- 1.5 million video views\n",
        );
        let found = run(&KPI_NOT_ADDRESSED, &proposal, Some(&brief));
        assert_eq!(found, vec![(3, "Goals".to_string())]);
    }

    #[test]
    fn a_kpi_named_in_another_language_counts() {
        let brief = analyse(
            "brief.md",
            "# Brief\n\n## Objectives\n\n- Revenue of €1.3M\n",
        );
        let proposal = analyse(
            "proposal.md",
            "---\nlang: fr\n---\n# Reco\n\n## Objectifs\n\n- Chiffre d'affaires : 1,35 M€\n",
        );
        assert_eq!(run(&KPI_NOT_ADDRESSED, &proposal, Some(&brief)), vec![]);
    }
}
