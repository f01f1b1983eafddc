use super::{Context, declare_rule};
use crate::finding::{Finding, Severity};
use crate::suppress;
use crate::vocab::RuleId;

declare_rule! {
    /// ## What it does
    /// Reports a `<!-- brieflint-disable… -->` directive that names a rule brieflint does
    /// not know.
    ///
    /// ## Why is this bad?
    /// A misspelt rule name silences nothing, and the findings its author meant to accept
    /// keep coming back, or worse, the author believes a section is checked when it is not.
    ///
    /// ## Example
    /// ```markdown
    /// <!-- brieflint-disable-next-line jargn -->
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// <!-- brieflint-disable-next-line jargon -->
    /// ```
    pub static INVALID_SUPPRESSION = Rule {
        id: RuleId::InvalidSuppression,
        severity: Severity::Warning,
        summary: "A suppression comment naming a rule that does not exist",
        check: check,
    };
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let known = super::names();
    for directive in suppress::directives(&ctx.doc.doc) {
        for rule in directive
            .rules
            .iter()
            .filter(|r| !known.contains(&r.as_str()))
        {
            out.push(
                Finding::new(
                    INVALID_SUPPRESSION.id,
                    INVALID_SUPPRESSION.default_severity,
                    directive.range.clone(),
                    format!("unknown rule “{rule}” in a brieflint directive: it silences nothing"),
                )
                .with_label("unknown rule")
                .with_help(format!("the rules are: {}", known.join(", "))),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{analyse, run};

    #[test]
    fn unknown_rule_names_are_reported_known_ones_are_not() {
        let doc = analyse(
            "p.md",
            "<!-- brieflint-disable jargn, jargon -->\n\nText.\n\n<!-- brieflint-disable-file -->\n",
        );
        assert_eq!(
            run(&INVALID_SUPPRESSION, &doc, None),
            vec![(1, "<!-- brieflint-disable jargn, jargon -->".to_string())]
        );
    }
}
