//! `brieflint rules` and `brieflint explain RULE`.

use super::{EXIT_CLEAN, EXIT_ERROR, print};
use crate::rules::{self, RULES};

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

pub fn explain(id: &str) -> u8 {
    let Some(rule) = rules::find(id) else {
        let known = rules::names();
        eprintln!(
            "error: unknown rule {id:?}; the rules are: {}",
            known.join(", ")
        );
        return EXIT_ERROR;
    };
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
