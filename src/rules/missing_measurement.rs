use super::{Context, declare_rule};
use crate::analysis::Role;
use crate::finding::{Finding, Severity};
use crate::vocab::{Cue, DocKind, RuleId, SectionKind, Stage};

declare_rule! {
    /// ## What it does
    /// Reports a brief or proposal whose objective is conversion (sales, leads, calls, CPA,
    /// ROAS) but that says nothing of how results will be counted and attributed: no
    /// tracking or call tracking, no CRM or offline/phone sales, no attribution, no baseline,
    /// control group or before/after comparison, no named data source ("according to the
    /// payment partner's data"). The finding points at the first objective that names a
    /// conversion KPI.
    ///
    /// ## Why is this bad?
    /// Most end-of-campaign disputes are about what was to be measured: calls or sales,
    /// phone sales nobody tracked, a year-over-year comparison with no baseline.
    ///
    /// ## Example
    /// ```markdown
    /// ## Objectives
    /// - 2,000 sales at a CPA under €25
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// ## Objectives
    /// - 2,000 sales at a CPA under €25, counted in the CRM (web and phone sales, with call
    ///   tracking), against the same weeks of last year as a baseline
    /// ```
    pub static MISSING_MEASUREMENT = Rule {
        id: RuleId::MissingMeasurement,
        severity: Severity::Warning,
        summary: "A conversion objective with no word on tracking, attribution or baseline",
        check: check,
    };
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let analysis = ctx.doc;
    let plan = matches!(analysis.kind, DocKind::Brief | DocKind::Proposal);
    if !plan || analysis.objective.stage != Some(Stage::Conversion) {
        return;
    }
    // A measurement section, or measurement words anywhere. A label is not a section:
    // "Interim report: 1 November" gives a date, not a method.
    let measured = (0..analysis.doc.segments.len()).any(|i| {
        analysis.cues_in(i, Cue::Measurement).next().is_some()
            || matches!(analysis.roles[i], Role::Title { .. } | Role::Body)
                && analysis.sections[i].has(SectionKind::Measurement)
    });
    if measured {
        return;
    }
    // The first objective that names a conversion KPI: where a reader adds how it is
    // counted.
    let conversion = Stage::Conversion as usize;
    let first = analysis.mentions.iter().find(|m| {
        let weights = ctx.dicts.kpi(m.kpi).weights;
        let dominant = weights.iter().all(|&w| w <= weights[conversion]);
        !m.negated && dominant && analysis.is_objective(m)
    });
    // A stage read from the background alone is no stated objective.
    let Some(first) = first else {
        return;
    };
    let span = first.span.clone();
    out.push(
        Finding::new(
            MISSING_MEASUREMENT.id,
            MISSING_MEASUREMENT.default_severity,
            span,
            "the objective is conversion, but nothing says how results will be counted and attributed",
        )
        .with_label("measured how?")
        .with_help("say how sales, leads or calls are tracked (tracking, call tracking, CRM or offline sales) and against which baseline or control period"),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{analyse, run};

    #[test]
    fn conversion_without_measurement_is_reported_once() {
        let doc = analyse(
            "brief.md",
            "# Brief\n\n## Objectives\n\n- 2,000 sales at a CPA under €25\n",
        );
        assert_eq!(run(&MISSING_MEASUREMENT, &doc, None).len(), 1);
        let measured = analyse(
            "brief.md",
            "# Brief\n\n## Objectives\n\n- 2,000 sales at a CPA under €25, counted in the CRM\n",
        );
        assert_eq!(run(&MISSING_MEASUREMENT, &measured, None), vec![]);
        let awareness = analyse(
            "brief.md",
            "# Brief\n\n## Objectives\n\n- Reach 60% of adults\n",
        );
        assert_eq!(run(&MISSING_MEASUREMENT, &awareness, None), vec![]);
    }

    #[test]
    fn a_named_data_source_is_measurement_and_articles_are_not_checked() {
        let sourced = analyse(
            "brief.md",
            "# Бриф\n\n## Цілі\n\n- Збільшити кількість покупок на 15 % (за даними платіжного партнера)\n",
        );
        assert_eq!(run(&MISSING_MEASUREMENT, &sourced, None), vec![]);
        let article = analyse(
            "post.md",
            "# Sales\n\n## Objectives\n\n- 2,000 sales at a CPA under €25\n",
        );
        assert_eq!(run(&MISSING_MEASUREMENT, &article, None), vec![]);
    }

    #[test]
    fn the_finding_points_at_the_first_conversion_objective() {
        let doc = analyse(
            "proposal.md",
            "# План\n\n## Цілі\n\n- Охоплення 60 %\n- 900 заявок на тест-драйв\n- Вартість заявки — не більше 1 200 грн\n",
        );
        assert_eq!(
            run(&MISSING_MEASUREMENT, &doc, None),
            vec![(6, "заявок".to_string())]
        );
    }
}
