//! The rule registry. One file per rule: its documentation (printed by
//! `brieflint explain RULE`), its metadata and its check.

mod budget_conflict;
mod invalid_suppression;
mod jargon;
mod kpi_not_addressed;
mod missing_baseline;
mod missing_measurement;
mod missing_section;
mod objective_mismatch;
mod plan_arithmetic;
mod spend_without_target;
mod target_conflict;
mod timing_conflict;
mod unmeasurable_objective;
mod unpaired_proposal;

use crate::analysis::Analysis;
use crate::dictionary::Dictionaries;
use crate::finding::{Finding, Severity};
use crate::pairing::Pairing;
use crate::vocab::{DocKind, RuleId};

/// What a rule sees: the document, the brief it answers (for a proposal) and how it was
/// looked for, dictionaries.
pub struct Context<'a> {
    pub doc: &'a Analysis,
    pub brief: Option<&'a Analysis>,
    pub pairing: Option<&'a Pairing>,
    pub dicts: &'a Dictionaries,
}

impl<'a> Context<'a> {
    /// The document and its brief, for the rules that compare a proposal with its brief:
    /// `None` for a brief, or a document checked without one.
    pub fn proposal_and_brief(&self) -> Option<(&'a Analysis, &'a Analysis)> {
        let brief = self.brief?;
        (self.doc.kind != DocKind::Brief).then_some((self.doc, brief))
    }
}

/// A rule's metadata and check.
pub struct Rule {
    pub id: RuleId,
    pub default_severity: Severity,
    /// One line for `brieflint rules`.
    pub summary: &'static str,
    /// The rule's documentation: the doc comment of its declaration.
    pub doc: &'static str,
    pub check: fn(&Context<'_>, &mut Vec<Finding>),
}

impl Rule {
    /// The documentation as Markdown (doc comment lines lose their leading space).
    pub fn documentation(&self) -> String {
        self.doc
            .lines()
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Declares a rule whose doc comment is also its `explain` text.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        pub static $name:ident = Rule { id: $id:expr, severity: $severity:expr, summary: $summary:literal, check: $check:path $(,)? };
    ) => {
        $(#[doc = $doc])*
        pub static $name: $crate::rules::Rule = $crate::rules::Rule {
            id: $id,
            default_severity: $severity,
            summary: $summary,
            doc: concat!($($doc, "\n"),*),
            check: $check,
        };
    };
}
pub(crate) use declare_rule;

/// Every rule, in the order they are listed and run.
pub static RULES: [&Rule; 14] = [
    &jargon::JARGON,
    &objective_mismatch::OBJECTIVE_MISMATCH,
    &kpi_not_addressed::KPI_NOT_ADDRESSED,
    &target_conflict::TARGET_CONFLICT,
    &budget_conflict::BUDGET_CONFLICT,
    &timing_conflict::TIMING_CONFLICT,
    &unmeasurable_objective::UNMEASURABLE_OBJECTIVE,
    &spend_without_target::SPEND_WITHOUT_TARGET,
    &plan_arithmetic::PLAN_ARITHMETIC,
    &missing_baseline::MISSING_BASELINE,
    &missing_measurement::MISSING_MEASUREMENT,
    &missing_section::MISSING_SECTION,
    &unpaired_proposal::UNPAIRED_PROPOSAL,
    &invalid_suppression::INVALID_SUPPRESSION,
];

/// The rule with this name.
pub fn find(name: &str) -> Option<&'static Rule> {
    RuleId::from_name(name).map(rule)
}

/// The rule with this id.
pub fn rule(id: RuleId) -> &'static Rule {
    RULES
        .iter()
        .copied()
        .find(|r| r.id == id)
        .unwrap_or_else(|| unreachable!("every rule id is registered (tested)"))
}

/// Every rule's name, for messages that list them.
pub fn names() -> Vec<&'static str> {
    RULES.iter().map(|r| r.id.name()).collect()
}

/// Runs every enabled rule on one document.
/// Findings listed per rule and file. A file past this (a machine-made export, a
/// pasted dump) is not a proposal anyone will edit finding by finding, and listing
/// millions would only exhaust memory; rules may stop early once they exceed it.
pub const MAX_PER_RULE: usize = 1000;

/// Runs the enabled rules on one document, in source order.
pub fn check(ctx: &Context<'_>, enabled: impl Fn(&Rule) -> bool) -> Vec<Finding> {
    let mut findings = Vec::new();
    for rule in RULES.iter().filter(|r| enabled(r)) {
        let mut found = Vec::new();
        (rule.check)(ctx, &mut found);
        if found.len() > MAX_PER_RULE {
            let first_omitted = found[MAX_PER_RULE].span.clone();
            found.truncate(MAX_PER_RULE);
            found.push(Finding::new(
                rule.id,
                Severity::Warning,
                first_omitted,
                format!(
                    "more than {MAX_PER_RULE} {} findings in this file; the rest are not listed",
                    rule.id.name()
                ),
            ));
        }
        findings.append(&mut found);
    }
    findings.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(a.rule.cmp(&b.rule))
            .then(a.span.end.cmp(&b.span.end))
    });
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_id_is_registered_once() {
        for id in RuleId::ALL {
            assert_eq!(RULES.iter().filter(|r| r.id == *id).count(), 1, "{id}");
        }
        assert_eq!(RULES.len(), RuleId::ALL.len());
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! Runs one rule on Markdown written inline in a test.
    use super::*;
    use crate::document::Document;
    use crate::source::SourceFile;

    pub fn analyse(name: &str, text: &str) -> Analysis {
        let source = SourceFile::new(Some(name.into()), name.into(), text.into());
        Analysis::new(Document::parse(source, None), Dictionaries::embedded())
    }

    /// What `rule` finds in a proposal checked against its brief, as [`run`] gives it.
    pub fn run_pair(rule: &Rule, brief: &str, proposal: &str) -> Vec<(usize, String)> {
        let brief = analyse("brief.md", brief);
        run(rule, &analyse("proposal.md", proposal), Some(&brief))
    }

    /// The source text of each finding's span, with its line.
    pub fn run(rule: &Rule, doc: &Analysis, brief: Option<&Analysis>) -> Vec<(usize, String)> {
        let ctx = Context {
            doc,
            brief,
            pairing: None,
            dicts: Dictionaries::embedded(),
        };
        let mut findings = Vec::new();
        (rule.check)(&ctx, &mut findings);
        findings
            .iter()
            .map(|f| {
                (
                    doc.doc.source.line_col(f.span.start).line,
                    doc.doc.source.text[f.span.clone()].to_string(),
                )
            })
            .collect()
    }
}
