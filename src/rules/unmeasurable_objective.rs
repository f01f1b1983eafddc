use super::{Context, declare_rule};
use crate::analysis::has_target_number;
use crate::finding::{Finding, Severity};
use crate::vocab::{Cue, DocKind, RuleId};

declare_rule! {
    /// ## What it does
    /// Finds objectives of a brief or proposal that carry no number, percentage, amount or
    /// date: "increase sales", "boost awareness", "augmenter la notoriété", "увеличить
    /// продажи". An objective is a list item or table row of an objectives, goals or KPI
    /// section, an `Objective: …` line, or a sentence that states the document's goal ("The
    /// goal of this campaign is to…", "L'objectif de la campagne est de…", "Задача — …",
    /// "Метою кампанії є…"; reported on that sentence). Lead-in lines such as "This year we
    /// want to:" are not objectives, nor past goals ("L'objectif était…", "Перед нами стояла
    /// задача…"). An age range ("18-25 ans") is not a target.
    ///
    /// ## Why is this bad?
    /// An objective without a target cannot be missed, so it cannot be met either: at the
    /// end of the campaign, agency and client will each read it their own way.
    ///
    /// ## Example
    /// ```markdown
    /// ## Objectives
    /// - Increase online sales
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// ## Objectives
    /// - Increase online sales by 15% (to €1.3M) between 15 July and 15 September
    /// ```
    pub static UNMEASURABLE_OBJECTIVE = Rule {
        id: RuleId::UnmeasurableObjective,
        severity: Severity::Warning,
        summary: "An objective with no number, percentage, amount or date",
        check: check,
    };
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let analysis = ctx.doc;
    // An article or a case study reports goals; only a brief or a proposal sets them.
    if !matches!(analysis.kind, DocKind::Brief | DocKind::Proposal) {
        return;
    }
    for statement in &analysis.statements {
        let segment = &analysis.doc.segments[statement.segment];
        let span = segment.source_range_of_folded(statement.folded.clone());
        let text = &analysis.doc.source.text[span.clone()];
        let dated = analysis
            .cues_within(statement.segment, statement.folded.clone())
            .iter()
            .any(|h| h.payload == Cue::DateWord);
        if dated || has_target_number(text) {
            continue;
        }
        out.push(
            Finding::new(
                UNMEASURABLE_OBJECTIVE.id,
                UNMEASURABLE_OBJECTIVE.default_severity,
                span,
                format!("“{text}” has no number, percentage, amount or date: nobody can tell whether it was reached"),
            )
            .with_label("no target")
            .with_help("give it a target and a deadline, e.g. “+15% by 31 December” or “CPA ≤ €25 in Q3”"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{analyse, run};

    #[test]
    fn objectives_without_targets_are_reported_in_every_language() {
        let doc = analyse(
            "brief.md",
            "# Brief\n\n## Objectives\n\nThis year we want to:\n\n- Increase online sales\n- Reduce churn from 2.8% to 1.9% by December\n- Lift NPS by the November survey\n\n## Background\n\n- Grow the brand\n",
        );
        assert_eq!(
            run(&UNMEASURABLE_OBJECTIVE, &doc, None),
            vec![(7, "Increase online sales".to_string())]
        );
        let fr = analyse(
            "brief.md",
            "# Brief\n\n## Objectifs\n\n- Augmenter la notoriété\n",
        );
        assert_eq!(run(&UNMEASURABLE_OBJECTIVE, &fr, None).len(), 1);
        let ru = analyse(
            "brief.md",
            "# Бриф\n\n## Цели\n\n- Увеличить продажи\n- Продажи: 1 200 штук\n",
        );
        assert_eq!(
            run(&UNMEASURABLE_OBJECTIVE, &ru, None),
            vec![(5, "Увеличить продажи".to_string())]
        );
    }

    #[test]
    fn table_rows_count_but_the_header_does_not() {
        let doc = analyse(
            "proposal.md",
            "## KPI\n\n| KPI | Objectif |\n|---|---|\n| CPA | 20 € |\n| Notoriété | en hausse |\n",
        );
        assert_eq!(
            run(&UNMEASURABLE_OBJECTIVE, &doc, None),
            vec![(6, "Notoriété | en hausse".to_string())]
        );
    }

    #[test]
    fn goal_sentences_are_checked_in_briefs_and_proposals_only() {
        let text = concat!(
            "# Lignes express\n\n",
            "L'objectif de la campagne est d'accroître la notoriété des lignes express auprès des 18-25 ans.\n\n",
            "The goal of this campaign is to sell 12,000 gift boxes online.\n",
        );
        assert_eq!(
            run(&UNMEASURABLE_OBJECTIVE, &analyse("brief.md", text), None),
            vec![(
                3,
                "L'objectif de la campagne est d'accroître la notoriété des lignes express auprès des 18-25 ans."
                    .to_string()
            )]
        );
        assert_eq!(
            run(&UNMEASURABLE_OBJECTIVE, &analyse("post.md", text), None),
            vec![]
        );
    }
}
