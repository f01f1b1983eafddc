use super::{Context, declare_rule};
use crate::analysis::{Analysis, Sections, is_quantified};
use crate::finding::{Finding, Severity};
use crate::vocab::{DocKind, RuleId, SectionKind};

declare_rule! {
    /// ## What it does
    /// Checks that a brief has the five things an agency needs to answer it: objectives,
    /// a target audience, KPIs with targets, a budget and a timing. Each may be a heading,
    /// a plain-line or bold title ("Objectifs", "ЦІЛЬОВА АУДИТОРІЯ", "5. BUDGET", "**Сроки**")
    /// or a labelled line or table row ("Budget: £150,000", "Очікувана вартість: …");
    /// objectives may also be a sentence ("The goal of this campaign is to…"). Only briefs
    /// are checked; the finding points at the brief's first line.
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
    let present = present_sections(analysis);
    let anchor = analysis.anchor(false);
    for (kind, name, help) in EXPECTED {
        if present.has(kind) {
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

/// Sections named by a title or a label (a `Label: value` line, a labelled table row);
/// objectives also by an objective statement; KPIs only by a KPI with a number in an
/// objective, or a quantified objective statement.
fn present_sections(analysis: &Analysis) -> Sections {
    let mut present = analysis
        .roles
        .iter()
        .fold(Sections::default(), |present, role| {
            present.union(role.kinds())
        })
        .without(SectionKind::Kpis);
    if !analysis.statements.is_empty() || analysis.sections.iter().any(|s| s.is_objectives()) {
        present = present.with(SectionKind::Objectives);
    }
    let targeted = analysis.mentions.iter().any(|m| {
        let text = &analysis.doc.segments[m.segment].folded.text;
        let objective = match analysis.statement_of(m.segment, &m.folded) {
            Some(statement) => &text[statement.folded.clone()],
            None if analysis.sections[m.segment].is_objectives() => text.as_str(),
            None => return false,
        };
        !m.negated && objective.chars().any(|c| c.is_numeric())
    });
    // "Grow overnight stays by 12% over the 2024 baseline": a quantified objective sets a
    // KPI target even in words the KPI dictionary does not know.
    let quantified = analysis.statements.iter().any(|s| {
        let segment = &analysis.doc.segments[s.segment];
        is_quantified(&segment.folded.text[s.folded.clone()])
    });
    if targeted || quantified {
        present = present.with(SectionKind::Kpis);
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

    #[test]
    fn plain_line_titles_labels_and_goal_sentences_count() {
        let doc = analyse(
            "brief.md",
            concat!(
                "ЗАПИТ ПРОПОЗИЦІЇ\n",
                "Очікувана вартість: 1 480 000,00 грн\n",
                "Кінцевий строк подання пропозицій: 28 квітня 2025 р.\n\n",
                "Метою кампанії є залучити 120 нових підприємців.\n\n",
                "ЦІЛЬОВА АУДИТОРІЯ\n\n",
                "Мешканці громади 18–60 років.\n",
            ),
        );
        assert_eq!(run(&MISSING_SECTION, &doc, None), vec![]);
    }

    #[test]
    fn findings_point_at_the_first_line() {
        let doc = analyse(
            "brief.md",
            "Subject: Christmas media\n\nHi Tom,\n\n**Background**\n\nSix shops.\n\n**Budget**\n\n£60,000.\n",
        );
        let found = run(&MISSING_SECTION, &doc, None);
        assert_eq!(
            found.len(),
            4,
            "objectives, audience, KPIs, timing: {found:?}"
        );
        assert!(
            found
                .iter()
                .all(|(line, text)| *line == 1 && text == "Subject: Christmas media")
        );
    }
}
