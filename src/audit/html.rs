//! The audit as one self-contained HTML file: inline CSS and SVG, no script, no network.

use std::fmt::Write;
use std::path::Path;

use super::Summary;
use crate::vocab::Stage;

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
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

/// Renders the HTML report.
/// `target` (a path as reported) as a link from a report written in `folder`, so the links
/// work wherever the report is opened; the path as reported when that cannot be worked out.
fn link(target: &str, folder: &Path) -> String {
    let (Ok(target_abs), Ok(folder)) = (Path::new(target).canonicalize(), folder.canonicalize())
    else {
        return target.replace('\\', "/");
    };
    let common = target_abs
        .components()
        .zip(folder.components())
        .take_while(|(a, b)| a == b)
        .count();
    let ups = folder.components().count() - common;
    let rest = target_abs.components().skip(common);
    std::iter::repeat_n("..".to_string(), ups)
        .chain(rest.map(|c| c.as_os_str().to_string_lossy().into_owned()))
        .collect::<Vec<_>>()
        .join("/")
}

/// The report as one self-contained page; file links are relative to `folder`, where the
/// page is written.
pub fn html(summary: &Summary, folder: &Path) -> String {
    let density: Vec<(String, f64)> = summary
        .worst
        .iter()
        .map(|r| (r.path.clone(), r.density))
        .collect();
    let terms: Vec<(String, f64)> = summary
        .top_terms
        .iter()
        .map(|t| (t.term.clone(), t.count as f64))
        .collect();
    let stages: Vec<(String, f64)> = summary
        .stages
        .iter()
        .map(|(s, n)| (s.clone(), *n as f64))
        .collect();
    let mut mismatches = String::from("<h2>Mismatched pairs</h2><ul>");
    for m in &summary.mismatches {
        let stage = |s: Option<Stage>| s.map_or("none", Stage::name);
        let _ = write!(
            mismatches,
            "<li><a href=\"{}\">{}</a>:{} optimises {} but <a href=\"{}\">{}</a> asks for {}</li>",
            escape(&link(&m.proposal, folder)),
            escape(&m.proposal),
            m.line,
            stage(m.proposal_stage),
            escape(&link(&m.brief, folder)),
            escape(&m.brief),
            stage(m.brief_stage)
        );
    }
    mismatches.push_str("</ul>");
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>brieflint audit</title><style>\
body{{font:15px/1.4 system-ui,sans-serif;margin:2em;color:#222}}rect{{fill:#3b6ea5}}text{{font-size:12px}}\
.l{{fill:#333}}dl{{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}}dt{{font-weight:600}}\
</style></head><body><h1>brieflint audit</h1><dl><dt>Files</dt><dd id=\"files\">{}</dd><dt>Words of prose</dt>\
<dd id=\"words\">{}</dd><dt>Jargon</dt><dd id=\"jargon\">{}</dd><dt>Jargon per 1,000 words</dt><dd id=\"density\">{}</dd>\
<dt>Mismatched pairs</dt><dd id=\"mismatches\">{}</dd></dl>{}{}{}{}</body></html>\n",
        summary.files,
        summary.words,
        summary.jargon,
        summary.density,
        summary.mismatches.len(),
        bars("Jargon per 1,000 words, worst files", &density),
        bars("Top jargon terms", &terms),
        bars("Objective stages", &stages),
        mismatches
    )
}
