use super::{Context, declare_rule};
use crate::analysis::Analysis;
use crate::dictionary::Dictionaries;
use crate::finding::{Finding, Severity};
use crate::vocab::{DocKind, RuleId, SectionKind};

declare_rule! {
    /// ## What it does
    /// Checks that a brief has the five things an agency needs to answer it: objectives,
    /// a target audience, KPIs with targets, a budget and a timing. Each may be a heading
    /// ("Objectifs", "Цільова аудиторія", "Сроки") or a labelled line or table row
    /// ("Budget: £150,000").
    ///
    /// ## Why is this bad?
    /// A brief without a budget or KPI targets invites proposals that guess, and guesses
    /// are how an agency ends up answering the wrong question.
    ///
    /// ## Example
    /// A brief with a context and objectives but no budget and no timing.
    ///
    /// Use instead: add `## Budget` (amount, what it includes) and `## Timing` (answer
    /// date, campaign dates).
    pub static MISSING_SECTION = Rule {
        id: RuleId::MissingSection,
        severity: Severity::Warning,
        summary: "A brief without objectives, audience, KPI targets, budget or timing",
        check: check,
    };
}

const EXPECTED: [(SectionKind, &str, &str); 5] = [
    (
        SectionKind::Objectives,
        "objectives",
        "state what the campaign must achieve",
    ),
    (
        SectionKind::Audience,
        "target audience",
        "say who the campaign must reach",
    ),
    (
        SectionKind::Kpis,
        "KPIs with targets",
        "name the KPIs with numeric targets, e.g. “CPA ≤ €25”, “2,000 leads”",
    ),
    (
        SectionKind::Budget,
        "budget",
        "give the budget and what it covers",
    ),
    (
        SectionKind::Timing,
        "timing",
        "give the answer date and the campaign dates",
    ),
];

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let analysis = ctx.doc;
    if analysis.kind != DocKind::Brief {
        return;
    }
    let present = present_sections(analysis, ctx.dicts);
    let anchor = analysis.anchor(false);
    for (kind, name, help) in EXPECTED {
        if present.contains(&kind) {
            continue;
        }
        out.push(
            Finding::new(
                MISSING_SECTION.id,
                MISSING_SECTION.default_severity,
                anchor.clone(),
                format!("this brief has no {name}"),
            )
            .with_label(format!("no {name} in this brief"))
            .with_help(help),
        );
    }
}

/// Sections named by a heading or by a label at the start of a line or table row; KPIs
/// count only with a number in the objectives.
fn present_sections(analysis: &Analysis, dicts: &Dictionaries) -> Vec<SectionKind> {
    let mut present = Vec::new();
    for (index, segment) in analysis.doc.segments.iter().enumerate() {
        let hits = dicts.find(segment.lang, &segment.text, &segment.folded, |p| {
            &p.sections
        });
        for hit in hits {
            if segment.is_heading() || hit.folded.start == 0 {
                present.push(hit.payload);
            }
        }
        if analysis.sections[index].is_objectives() {
            present.push(SectionKind::Objectives);
        }
    }
    present.retain(|k| *k != SectionKind::Kpis);
    let targeted = analysis.mentions.iter().any(|m| {
        analysis.sections[m.segment].is_objectives()
            && analysis.doc.segments[m.segment]
                .text
                .chars()
                .any(|c| c.is_numeric())
    });
    if targeted {
        present.push(SectionKind::Kpis);
    }
    present
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{analyse, run};

    #[test]
    fn reports_what_a_brief_lacks() {
        let doc = analyse(
            "brief.md",
            "# Brief\n\n## Objectives\n\n- Grow sales\n\n## Audience\n\nParents.\n",
        );
        let found = run(&MISSING_SECTION, &doc, None);
        assert_eq!(
            found.len(),
            3,
            "KPIs with targets, budget, timing: {found:?}"
        );
    }

    #[test]
    fn labels_and_tables_count_and_proposals_are_skipped() {
        let doc = analyse(
            "brief.md",
            "# Brief\n\n| Item | Detail |\n|---|---|\n| Budget | £150,000 |\n\n## Objectives\n\n- Churn to 1.9% by December\n\n## Audience\n\nCustomers.\n\n## Timing\n\nLive from 1 March.\n",
        );
        assert_eq!(run(&MISSING_SECTION, &doc, None), vec![]);
        let proposal = analyse("proposal.md", "# Plan\n\nText.\n");
        assert_eq!(run(&MISSING_SECTION, &proposal, None), vec![]);
    }
}
