//! The audit summary for a terminal.

use std::io::{self, Write};

use super::Summary;
use crate::vocab::Stage;

pub fn write_text(summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "Audited {} files, {} words of prose",
        summary.files, summary.words
    )?;
    if summary.unreadable > 0 {
        writeln!(
            out,
            "{} files could not be read (see above)",
            summary.unreadable
        )?;
    }
    writeln!(
        out,
        "Jargon: {} occurrences, {} per 1,000 words",
        summary.jargon, summary.density
    )?;
    if !summary.top_terms.is_empty() {
        writeln!(out, "\nTop jargon terms:")?;
        for term in &summary.top_terms {
            writeln!(out, "  {:>5}  {}", term.count, term.term)?;
        }
    }
    writeln!(out, "\nObjective stages:")?;
    for (stage, count) in &summary.stages {
        writeln!(out, "  {count:>5}  {stage}")?;
    }
    writeln!(out, "\nMismatched pairs: {}", summary.mismatches.len())?;
    for m in &summary.mismatches {
        let stage = |s: Option<Stage>| s.map_or("none", Stage::name);
        writeln!(
            out,
            "  {}:{} ({}) answers {} ({})",
            m.proposal,
            m.line,
            stage(m.proposal_stage),
            m.brief,
            stage(m.brief_stage)
        )?;
    }
    if !summary.worst.is_empty() {
        writeln!(out, "\nWorst files (jargon per 1,000 words):")?;
        for row in &summary.worst {
            writeln!(
                out,
                "  {:>6}  {} ({} occurrences in {} words)",
                row.density, row.path, row.jargon, row.words
            )?;
        }
    }
    Ok(())
}
