use super::{Context, declare_rule};
use crate::finding::{Finding, Severity};
use crate::vocab::{Cue, RuleId, SectionKind, Stage};

declare_rule! {
    /// ## What it does
    /// Reports a document whose objective is conversion (sales, leads, calls, CPA, ROAS)
    /// but that says nothing of how results will be counted and attributed: no tracking or
    /// call tracking, no CRM or offline/phone sales, no baseline or control period.
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
    if analysis.objective.stage != Some(Stage::Conversion) {
        return;
    }
    let measured = (0..analysis.doc.segments.len()).any(|i| {
        analysis.cues_in(i, Cue::Measurement).next().is_some()
            || analysis.sections[i].has(SectionKind::Measurement)
    });
    if measured {
        return;
    }
    let span = analysis
        .strongest_evidence(1)
        .first()
        .map_or_else(|| analysis.anchor(true), |m| m.span.clone());
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
}
