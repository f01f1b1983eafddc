//! `brieflint rules` and `brieflint explain RULE`.

use super::{EXIT_CLEAN, EXIT_ERROR, print};
use crate::rules::{self, RULES};
use crate::vocab::RuleId;

pub fn list() -> u8 {
    let width = RULES.iter().map(|r| r.id.name().len()).max().unwrap_or(0);
    let result = print(|out| {
        for rule in RULES {
            writeln!(
                out,
                "{:width$}  {:7}  {}",
                rule.id,
                rule.default_severity.name(),
                rule.summary
            )?;
        }
        Ok(())
    });
    if result.is_ok() {
        EXIT_CLEAN
    } else {
        EXIT_ERROR
    }
}

pub fn explain(id: RuleId) -> u8 {
    let rule = rules::rule(id);
    let result = print(|out| {
        writeln!(
            out,
            "# {} ({})\n\n{}\n",
            rule.id,
            rule.default_severity.name(),
            rule.summary
        )?;
        writeln!(out, "{}", rule.documentation().trim_end())
    });
    if result.is_ok() {
        EXIT_CLEAN
    } else {
        EXIT_ERROR
    }
}
