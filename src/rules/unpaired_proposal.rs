use std::path::Path;

use super::{Context, declare_rule};
use crate::finding::{Finding, Severity};
use crate::pairing::Pairing;
use crate::vocab::{DocKind, RuleId};

declare_rule! {
    /// ## What it does
    /// Says when a proposal was checked without its brief: two briefs sit where brieflint
    /// looked for one (so it cannot tell which the proposal answers), none was found in the
    /// proposal's folder or the folders above it, or the front matter's `brief:` names a
    /// file that cannot be used (missing, or outside the project).
    ///
    /// ## Why is this bad?
    /// Without the brief, the checks that matter most — a plan aimed at the wrong funnel
    /// stage, KPIs the brief asks for and the proposal ignores — cannot run, and the
    /// proposal passes without them.
    ///
    /// ## Example
    /// ```markdown
    /// clients/acme/brief-2025.md
    /// clients/acme/brief-2026.md
    /// clients/acme/proposal.md      ← which brief does it answer?
    /// ```
    ///
    /// Use instead (in the proposal's front matter):
    /// ```markdown
    /// ---
    /// brief: brief-2026.md
    /// ---
    /// ```
    pub static UNPAIRED_PROPOSAL = Rule {
        id: RuleId::UnpairedProposal,
        severity: Severity::Note,
        summary: "A proposal checked without its brief (several briefs, none, or a bad `brief:`)",
        check: check,
    };
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let doc = ctx.doc;
    let (Some(pairing), None) = (ctx.pairing, ctx.brief) else {
        return;
    };
    let anchor = doc.anchor(false);
    let name = |path: &Path| {
        path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into(),
        )
    };
    let finding = match pairing {
        Pairing::Ambiguous { folder, briefs } if doc.kind == DocKind::Proposal => {
            let names: Vec<String> = briefs.iter().map(|b| name(b)).collect();
            Finding::new(
                UNPAIRED_PROPOSAL.id,
                UNPAIRED_PROPOSAL.default_severity,
                anchor,
                format!(
                    "checked without a brief: {} briefs in {} ({}), and nothing says which this proposal answers",
                    briefs.len(),
                    folder.display(),
                    names.join(", ")
                ),
            )
            .with_label("which brief?")
            .with_help(format!(
                "name it in the front matter (`brief: {}`) or with --brief",
                names[0]
            ))
        }
        Pairing::NotFound if doc.kind == DocKind::Proposal => Finding::new(
            UNPAIRED_PROPOSAL.id,
            UNPAIRED_PROPOSAL.default_severity,
            anchor,
            "checked without a brief: none in its folder or the folders above it, so the objective and KPI checks did not run",
        )
        .with_label("no brief")
        .with_help("put the brief beside it, or name it in the front matter (`brief: path/to/brief.md`) or with --brief"),
        Pairing::BadDeclaration { declared, problem } => Finding::new(
            UNPAIRED_PROPOSAL.id,
            Severity::Error,
            declaration_span(doc).unwrap_or(anchor),
            format!("the front matter's `brief: {declared}` cannot be used ({problem}): checked without a brief"),
        )
        .with_label("this brief")
        .with_help("`brief:` is a path relative to this file, inside the project"),
        _ => return,
    };
    out.push(finding);
}

/// The `brief:` line of the front matter.
fn declaration_span(doc: &crate::analysis::Analysis) -> Option<std::ops::Range<usize>> {
    let front = doc.doc.front_matter.as_ref()?;
    let text = &doc.doc.source.text[front.range.clone()];
    let mut offset = front.range.start;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed.starts_with("brief") {
            return Some(offset..offset + trimmed.len());
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::analyse;

    fn run(doc: &crate::analysis::Analysis, pairing: &Pairing) -> Vec<(Severity, String)> {
        let ctx = Context {
            doc,
            brief: None,
            pairing: Some(pairing),
            dicts: crate::dictionary::Dictionaries::embedded(),
        };
        let mut out = Vec::new();
        check(&ctx, &mut out);
        out.into_iter().map(|f| (f.severity, f.message)).collect()
    }

    #[test]
    fn ambiguous_and_missing_briefs_are_notes_on_proposals_only() {
        let proposal = analyse("proposal.md", "# Plan\n\nText.\n");
        let ambiguous = Pairing::Ambiguous {
            folder: "/repo/c".into(),
            briefs: vec!["/repo/c/brief-a.md".into(), "/repo/c/brief-b.md".into()],
        };
        let found = run(&proposal, &ambiguous);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, Severity::Note);
        assert!(found[0].1.contains("brief-a.md, brief-b.md"), "{found:?}");
        assert_eq!(run(&proposal, &Pairing::NotFound).len(), 1);
        let article = analyse("notes.md", "# Notes\n\nText.\n");
        assert_eq!(run(&article, &Pairing::NotFound), vec![]);
    }

    #[test]
    fn a_bad_declaration_is_an_error_on_its_line() {
        let doc = analyse(
            "proposal.md",
            "---\nkind: proposal\nbrief: ../../etc/passwd\n---\n# Plan\n",
        );
        let ctx_pairing = Pairing::BadDeclaration {
            declared: "../../etc/passwd".into(),
            problem: "it is outside the project".into(),
        };
        let found = run(&doc, &ctx_pairing);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, Severity::Error);
        assert!(!found[0].1.contains("root:"), "never the target's content");
        assert_eq!(
            declaration_span(&doc).map(|s| &doc.doc.source.text[s]),
            Some("brief: ../../etc/passwd")
        );
    }
}
