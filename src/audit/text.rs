//! The audit summary for a terminal. Names and terms come from the repository: their
//! control characters are escaped, as in the check formats.

use std::io::{self, Write};

use super::Summary;
use crate::report::escape_control as clean;
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
            writeln!(
                out,
                "  {:>5}  {} ({})",
                term.count,
                clean(&term.term),
                term.lang
            )?;
        }
    }
    write_stages(summary, out)?;
    let pairs = summary.pairs().count();
    writeln!(
        out,
        "\nProposals checked against their brief: {pairs}, numeric conflicts: {}",
        summary.numeric_conflicts
    )?;
    for row in summary.pairs().filter(|r| r.numeric_conflicts > 0) {
        writeln!(
            out,
            "  {:>5}  {}",
            row.numeric_conflicts,
            clean(&row.path.name)
        )?;
    }
    writeln!(out, "\nMismatched pairs: {}", summary.mismatches.len())?;
    for m in &summary.mismatches {
        let stage = |s: Option<Stage>| s.map_or("none", Stage::name);
        writeln!(
            out,
            "  {}:{} ({}) answers {} ({})",
            clean(&m.proposal.name),
            m.line,
            stage(m.proposal_stage),
            clean(&m.brief.name),
            stage(m.brief_stage)
        )?;
    }
    if !summary.worst.is_empty() {
        writeln!(
            out,
            "\nWorst files (jargon per 1,000 words, files of {}+ words):",
            summary.worst_min_words
        )?;
        for row in &summary.worst {
            writeln!(
                out,
                "  {:>6}  {} ({} occurrences in {} words)",
                row.density,
                clean(&row.path.name),
                row.jargon,
                row.words
            )?;
        }
    }
    Ok(())
}

/// One column per kind of document, one line per stage any of them has.
fn write_stages(summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
    let groups = summary.stages.groups();
    let mut stages: Vec<&String> = groups.iter().flat_map(|(_, g)| g.keys()).collect();
    stages.sort();
    stages.dedup();
    write!(out, "\nObjective stages:{:6}", "")?;
    for (label, _) in groups {
        write!(out, "  {label:>9}")?;
    }
    writeln!(out)?;
    for stage in stages {
        write!(out, "  {stage:<21}")?;
        for (_, group) in groups {
            write!(out, "  {:>9}", group.get(stage).copied().unwrap_or(0))?;
        }
        writeln!(out)?;
    }
    Ok(())
}
