//! The audit as one self-contained HTML file: inline CSS and SVG, no script, no network.
//!
//! Names come from the repository, so every one is escaped, and every link is built here:
//! relative to the page, `./`-prefixed and percent-encoded, so that no file or folder name
//! (`client #2`, `javascript:alert(1)`) can break a link or become a scheme.

use std::fmt::Write;
use std::path::{Component, Path, PathBuf};

use super::{FileRef, FileRow, Summary, uri};
use crate::vocab::Stage;

/// What the report says about itself: when it was made and from what.
#[derive(Debug, Clone)]
pub struct Provenance {
    /// When the report was made, as shown (see [`timestamp`]).
    pub made: String,
    /// The folders and files audited, absolute.
    pub sources: Vec<PathBuf>,
}

/// Seconds since the Unix epoch as a UTC date and time, "2026-05-14 09:30 UTC".
pub fn timestamp(unix_seconds: u64) -> String {
    // Days to a civil date: Howard Hinnant's `civil_from_days`, for days since 1970.
    let days = unix_seconds / 86_400 + 719_468;
    let (era, day_of_era) = (days / 146_097, days % 146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + u64::from(month <= 2);
    let minutes = unix_seconds % 86_400 / 60;
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02} UTC",
        minutes / 60,
        minutes % 60
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// `target` as a link from a page in `folder` (both absolute): `./`, then `..` up to
/// their common folder, then the rest of `target`, each name percent-encoded. `None`
/// when they share nothing (another drive).
fn link(target: &Path, folder: &Path) -> Option<String> {
    let common = target
        .components()
        .zip(folder.components())
        .take_while(|(a, b)| a == b)
        .count();
    if common == 0 {
        return None;
    }
    let ups = folder.components().count() - common;
    let rest = target.components().skip(common).filter_map(|c| match c {
        Component::Normal(name) => Some(name),
        _ => None,
    });
    let parent = std::ffi::OsStr::new("..");
    let path = uri::relative(std::iter::repeat_n(parent, ups).chain(rest));
    Some(if path.is_empty() {
        "./".to_string()
    } else {
        format!("./{path}")
    })
}

/// `text` linked to `target` when there is a link to make, else plain.
fn anchor(text: &str, target: Option<&Path>, folder: &Path) -> String {
    match target.and_then(|t| link(t, folder)) {
        Some(href) => format!("<a href=\"{}\">{}</a>", escape(&href), escape(text)),
        None => escape(text),
    }
}

fn file(file: &FileRef, folder: &Path) -> String {
    anchor(&file.name, file.absolute.as_deref(), folder)
}

/// A horizontal bar chart: one labelled bar per (label, value).
fn bars(title: &str, rows: &[(String, f64)]) -> String {
    let max = rows
        .iter()
        .map(|r| r.1)
        .fold(0.0, f64::max)
        .max(f64::EPSILON);
    let height = rows.len() * 22 + 10;
    let mut svg = format!(
        "<h2>{}</h2><svg role=\"img\" aria-label=\"{0}\" width=\"760\" height=\"{height}\">",
        escape(title)
    );
    for (i, (label, value)) in rows.iter().enumerate() {
        let y = i * 22 + 5;
        let width = (value / max * 420.0).round();
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{}\" class=\"l\">{}</text><rect x=\"300\" y=\"{y}\" width=\"{width}\" height=\"16\"/><text x=\"{}\" y=\"{}\">{value}</text>",
            y + 13,
            escape(label),
            306.0 + width,
            y + 13
        );
    }
    svg + "</svg>"
}

/// Every proposal checked against a brief, those with problems first.
fn pairs_table(summary: &Summary, folder: &Path) -> String {
    let mut pairs: Vec<&FileRow> = summary.pairs().collect();
    pairs.sort_by_key(|r| {
        (
            std::cmp::Reverse(r.numeric_conflicts),
            !r.mismatch.unwrap_or(false),
        )
    });
    let mut table = format!(
        "<h2>Proposals and their briefs</h2><p id=\"pairs\">{} proposals checked against \
         their brief, {} numeric conflicts.</p><table><tr><th>Proposal</th><th>Brief</th>\
         <th>Objective mismatch</th><th>Numeric conflicts</th></tr>",
        pairs.len(),
        summary.numeric_conflicts
    );
    for row in pairs {
        let mismatch = if row.mismatch == Some(true) {
            "<strong>yes</strong>"
        } else {
            "no"
        };
        let _ = write!(
            table,
            "<tr><td>{}</td><td>{}</td><td>{mismatch}</td><td>{}</td></tr>",
            file(&row.path, folder),
            row.brief
                .as_ref()
                .map_or(String::new(), |b| file(b, folder)),
            row.numeric_conflicts
        );
    }
    table + "</table>"
}

/// The report as one self-contained page; file links are relative to `folder` (absolute),
/// where the page is written.
pub fn html(summary: &Summary, folder: &Path, provenance: &Provenance) -> String {
    let density: Vec<(String, f64)> = summary
        .worst
        .iter()
        .map(|r| (r.path.name.clone(), r.density))
        .collect();
    let terms: Vec<(String, f64)> = summary
        .top_terms
        .iter()
        .map(|t| (format!("{} ({})", t.term, t.lang), t.count as f64))
        .collect();
    let stages: Vec<(String, f64)> = summary
        .stages
        .groups()
        .into_iter()
        .flat_map(|(group, counts)| {
            counts
                .iter()
                .map(move |(stage, n)| (format!("{group}: {stage}"), *n as f64))
        })
        .collect();
    let sources: Vec<String> = provenance
        .sources
        .iter()
        .map(|s| anchor(&s.to_string_lossy(), Some(s), folder))
        .collect();
    let mut mismatches = String::from("<h2>Mismatched pairs</h2><ul>");
    for m in &summary.mismatches {
        let stage = |s: Option<Stage>| s.map_or("none", Stage::name);
        let _ = write!(
            mismatches,
            "<li>{}:{} optimises {} but {} asks for {}</li>",
            file(&m.proposal, folder),
            m.line,
            stage(m.proposal_stage),
            file(&m.brief, folder),
            stage(m.brief_stage)
        );
    }
    mismatches.push_str("</ul>");
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>brieflint audit</title><style>\
body{{font:15px/1.4 system-ui,sans-serif;margin:2em;color:#222}}rect{{fill:#3b6ea5}}text{{font-size:12px}}\
.l{{fill:#333}}dl{{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}}dt{{font-weight:600}}\
table{{border-collapse:collapse}}th,td{{text-align:left;padding:.2em .8em;border-bottom:1px solid #ddd}}\
</style></head><body><h1>brieflint audit</h1><dl><dt>Made</dt><dd id=\"made\">{}</dd><dt>Source</dt>\
<dd id=\"sources\">{}</dd><dt>Files</dt><dd id=\"files\">{}</dd><dt>Words of prose</dt>\
<dd id=\"words\">{}</dd><dt>Jargon</dt><dd id=\"jargon\">{}</dd><dt>Jargon per 1,000 words</dt><dd id=\"density\">{}</dd>\
<dt>Mismatched pairs</dt><dd id=\"mismatches\">{}</dd><dt>Numeric conflicts</dt><dd id=\"numeric-conflicts\">{}</dd>\
</dl>{}{}{}{}{}</body></html>\n",
        escape(&provenance.made),
        sources.join("<br>"),
        summary.files,
        summary.words,
        summary.jargon,
        summary.density,
        summary.mismatches.len(),
        summary.numeric_conflicts,
        bars(
            &format!(
                "Jargon per 1,000 words, worst files of {}+ words",
                summary.worst_min_words
            ),
            &density
        ),
        bars("Top jargon terms", &terms),
        bars("Objective stages", &stages),
        mismatches,
        pairs_table(summary, folder)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_utc_calendar_dates() {
        assert_eq!(timestamp(0), "1970-01-01 00:00 UTC");
        assert_eq!(timestamp(951_782_400), "2000-02-29 00:00 UTC");
        assert_eq!(timestamp(1_700_000_000), "2023-11-14 22:13 UTC");
        assert_eq!(timestamp(4_107_542_399), "2100-02-28 23:59 UTC");
    }

    #[cfg(unix)]
    #[test]
    fn links_are_relative_dot_prefixed_and_encoded() {
        let folder = Path::new("/srv/reports");
        assert_eq!(
            link(Path::new("/srv/archive/client #2/proposal.md"), folder).unwrap(),
            "./../archive/client%20%232/proposal.md"
        );
        assert_eq!(
            link(Path::new("/srv/reports/javascript:alert(1)/a.md"), folder).unwrap(),
            "./javascript%3Aalert%281%29/a.md"
        );
        assert_eq!(link(folder, folder).unwrap(), "./");
    }

    #[test]
    fn names_are_escaped_in_text_and_attributes() {
        assert_eq!(
            anchor("<b>'x'\"", None, Path::new("/")),
            "&lt;b&gt;&#39;x&#39;&quot;"
        );
    }
}
