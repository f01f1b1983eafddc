use super::{Context, declare_rule};
use crate::finding::{Finding, Label, Payload, Related, Severity};
use crate::vocab::RuleId;

declare_rule! {
    /// ## What it does
    /// Compares the funnel stage a proposal optimises for (awareness, consideration,
    /// conversion, loyalty) with the stage its brief asks for, judged from the KPIs each
    /// sets in its objectives and KPI sections, and reports when they differ.
    ///
    /// ## Why is this bad?
    /// This is the proposal that loses the client: a branding plan judged on reach, GRP and
    /// CPM sent in answer to a brief that asked for sales, CPA and ROI. However good the
    /// plan, it answers a question the client did not ask.
    ///
    /// ## Example
    /// Brief: `- CPA ≤ 25 €` and `- 1,200 sales in September`.
    /// ```markdown
    /// ## Objectives
    /// - Reach 70% of adults 25-54, 350 GRP, CPM under €9
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// ## Objectives
    /// - 1,250 sales in September at a CPA of €23, measured in the client's CRM
    /// ```
    pub static OBJECTIVE_MISMATCH = Rule {
        id: RuleId::ObjectiveMismatch,
        severity: Severity::Error,
        summary: "The proposal optimises a different funnel stage than the brief asks for",
        check: check,
    };
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some((doc, brief)) = ctx.proposal_and_brief() else {
        return;
    };
    let (Some(ours), Some(theirs)) = (doc.objective.stage, brief.objective.stage) else {
        return;
    };
    if ours == theirs {
        return;
    }
    let evidence = doc.strongest_evidence(3);
    let asked = brief.strongest_evidence(3);
    let Some(first) = evidence.first() else {
        return;
    };
    let asked_names: Vec<&str> = asked
        .iter()
        .map(|m| ctx.dicts.kpi(m.kpi).name.as_str())
        .collect();
    let mut finding = Finding::new(
        OBJECTIVE_MISMATCH.id,
        OBJECTIVE_MISMATCH.default_severity,
        first.span.clone(),
        format!(
            "this plan optimises {} ({}) but the brief asks for {} ({})",
            ours.name(),
            doc.mention_words(&evidence),
            theirs.name(),
            brief.mention_words(&asked)
        ),
    )
    .with_payload(Payload::Mismatch { ours, theirs })
    .with_label(format!("{} KPI", ours.name()))
    .with_help(format!(
        "rework the objectives around {}: commit to {} with targets, or explain to the client why the plan should aim at {} instead",
        theirs.name(),
        asked_names.join(", "),
        ours.name()
    ));
    finding.secondary = evidence[1..]
        .iter()
        .map(|m| Label {
            span: m.span.clone(),
            text: format!("{} KPI", ours.name()),
        })
        .collect();
    finding.related = asked
        .iter()
        .map(|m| Related {
            source: brief.doc.source.clone(),
            span: m.span.clone(),
            label: format!("the brief asks for {}", ctx.dicts.kpi(m.kpi).name),
        })
        .collect();
    out.push(finding);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{analyse, run};

    const BRIEF: &str =
        "# Brief\n\n## Objectives\n\n- 1,200 sales in September\n- CPA under €25\n- ROAS of 5\n";

    #[test]
    fn branding_plan_for_a_sales_brief_is_a_mismatch() {
        let brief = analyse("brief.md", BRIEF);
        let proposal = analyse(
            "proposal.md",
            "# Proposal\n\n## Goals\n\n- Reach 70% of adults\n- 350 GRP\n- CPM under €9\n",
        );
        let found = run(&OBJECTIVE_MISMATCH, &proposal, Some(&brief));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, 5);
    }

    #[test]
    fn aligned_pair_and_negated_awareness_are_not() {
        let brief = analyse("brief.md", BRIEF);
        let aligned = analyse(
            "proposal.md",
            "# Proposal\n\n## Goals\n\n- 1,300 sales at a CPA of €22\n- Reach is not the goal; ROAS 5.5\n",
        );
        assert_eq!(run(&OBJECTIVE_MISMATCH, &aligned, Some(&brief)), vec![]);
    }
}
