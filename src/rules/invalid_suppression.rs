use super::{Context, declare_rule};
use crate::finding::{Finding, Severity};
use crate::suppress::{self, Directive};
use crate::vocab::RuleId;

declare_rule! {
    /// ## What it does
    /// Reports a `<!-- brieflint-disable… -->` directive that names a rule brieflint does
    /// not know, and a comment meant for brieflint whose directive is misspelt
    /// (`brieflint-disable-nextline`, `brieflint disable`, `briefling-disable`).
    ///
    /// ## Why is this bad?
    /// A misspelt directive or rule name silences nothing, and the findings its author meant
    /// to accept keep coming back, or worse, the author believes a section is checked when
    /// it is not.
    ///
    /// ## Example
    /// ```markdown
    /// <!-- brieflint-disable-nextline jargn -->
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// <!-- brieflint-disable-next-line jargon -->
    /// ```
    pub static INVALID_SUPPRESSION = Rule {
        id: RuleId::InvalidSuppression,
        severity: Severity::Warning,
        summary: "A suppression comment with a misspelt directive or a rule that does not exist",
        check: check,
    };
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let known = super::names();
    for directive in suppress::directives(&ctx.doc.doc) {
        if let Directive::Misspelt {
            written,
            suggestion,
        } = &directive.directive
        {
            let help = match suggestion {
                Some(name) => format!("did you mean `{name}`?"),
                None => format!("the directives are: {}", suppress::directive_names()),
            };
            out.push(
                Finding::new(
                    INVALID_SUPPRESSION.id,
                    INVALID_SUPPRESSION.default_severity,
                    directive.range.clone(),
                    format!(
                        "“{written}” is not a brieflint directive: this comment silences nothing"
                    ),
                )
                .with_label("misspelt directive")
                .with_help(help),
            );
            continue;
        }
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
                .with_help(closest_rule(rule, &known).map_or_else(
                    || format!("the rules are: {}", known.join(", ")),
                    |name| format!("did you mean `{name}`?"),
                )),
            );
        }
    }
}

/// The rule a misspelt name most likely meant ("jargn", "objective_mismatch").
fn closest_rule<'a>(written: &str, known: &[&'a str]) -> Option<&'a str> {
    let written = written.to_lowercase().replace('_', "-");
    known
        .iter()
        .map(|name| (strsim::damerau_levenshtein(&written, name), *name))
        .filter(|(distance, _)| *distance <= 2)
        .min()
        .map(|(_, name)| name)
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

    #[test]
    fn a_misspelt_rule_name_gets_the_closest_rule() {
        let known = crate::rules::names();
        assert_eq!(closest_rule("jargn", &known), Some("jargon"));
        assert_eq!(
            closest_rule("Objective_Mismatch", &known),
            Some("objective-mismatch")
        );
        assert_eq!(closest_rule("tone", &known), None);
    }

    #[test]
    fn a_misspelt_directive_is_reported_with_the_one_meant() {
        let doc = analyse(
            "p.md",
            "We leverage it. <!-- brieflint-disable-lines jargon -->\n\n<!-- briefing notes -->\n",
        );
        let ctx = Context {
            doc: &doc,
            brief: None,
            pairing: None,
            dicts: crate::dictionary::Dictionaries::embedded(),
        };
        let mut out = Vec::new();
        check(&ctx, &mut out);
        let found: Vec<(&str, Option<&str>)> = out
            .iter()
            .map(|f| (f.message.as_str(), f.help.as_deref()))
            .collect();
        assert_eq!(
            found,
            vec![(
                "“brieflint-disable-lines” is not a brieflint directive: this comment silences nothing",
                Some("did you mean `brieflint-disable-line`?")
            )]
        );
    }
}
