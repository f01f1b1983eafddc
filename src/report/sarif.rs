//! `--format sarif`: SARIF 2.1.0, for GitHub code scanning and other CI dashboards.
//! Columns are counted in Unicode code points (`columnKind`), like ours. Locations are
//! relative to the project root (`%SRCROOT%`), and each result carries a fingerprint of its
//! baseline key, so dashboards track a finding across runs, machines and line moves.

use std::collections::HashMap;
use std::io::{self, Write};
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use serde_json::{Value, json};

use super::{Location, Reporter, Totals, Written, write_nested_json};
use crate::audit::uri;
use crate::baseline;
use crate::batch::FileResult;
use crate::finding::{Finding, Severity};
use crate::input::InputError;
use crate::rules::{RULES, Rule};
use crate::source::SourceFile;

/// The name (and version) of brieflint's fingerprint in `partialFingerprints`.
const FINGERPRINT: &str = "brieflint/v1";

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// A stable hash (64-bit FNV-1a) in hex: a fingerprint must not change with the Rust
/// version or the platform, which rules out the standard library's hashers.
fn fingerprint(bytes: &[u8]) -> String {
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}

/// Where each rule is documented: its section of the README.
fn help_uri(rule: &Rule) -> String {
    format!(
        "{}/blob/main/README.md#{}",
        env!("CARGO_PKG_REPOSITORY"),
        rule.id
    )
}

fn rules() -> Vec<Value> {
    RULES
        .iter()
        .map(|rule| {
            json!({
                "id": rule.id,
                "name": rule.id,
                "shortDescription": { "text": rule.summary },
                "fullDescription": { "text": rule.summary },
                "help": { "text": rule.documentation(), "markdown": rule.documentation() },
                "helpUri": help_uri(rule),
                "defaultConfiguration": { "level": level(rule.default_severity) },
            })
        })
        .collect()
}

/// Streams one SARIF log with one run: the tool and its rules first, then each result as
/// its file is checked, then the project roots the results are relative to and the
/// invocation with the files that could not be read.
pub struct Sarif;

fn start(out: &mut dyn Write) -> io::Result<()> {
    let tool = json!({ "driver": {
        "name": "brieflint",
        "version": env!("CARGO_PKG_VERSION"),
        "informationUri": env!("CARGO_PKG_REPOSITORY"),
        "rules": rules(),
    }});
    out.write_all(
        b"{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n      \"tool\": ",
    )?;
    write_nested_json(out, &tool, "      ")?;
    out.write_all(b",\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [")
}

fn base_id(index: usize) -> String {
    match index {
        0 => "%SRCROOT%".to_string(),
        n => format!("%SRCROOT{}%", n + 1),
    }
}

/// The file relative to its project root (so the log is the same from any working
/// directory and for any spelling of the path), or its name when it has no project.
/// `roots` are the project roots in order of first use: the first is `%SRCROOT%`, any
/// other (files of another repository in the same run) `%SRCROOT2%`, `%SRCROOT3%`…
fn artifact(source: &SourceFile, roots: &mut Vec<Arc<Path>>) -> Value {
    let Some(project) = &source.project else {
        return json!({ "uri": uri::of_relative_path(Path::new(&source.name)) });
    };
    let index = match roots.iter().position(|r| *r == project.root) {
        Some(index) => index,
        None => {
            roots.push(project.root.clone());
            roots.len() - 1
        }
    };
    json!({
        "uri": uri::of_relative_path(project.relative_path()),
        "uriBaseId": base_id(index),
    })
}

fn physical(source: &SourceFile, span: &Range<usize>, roots: &mut Vec<Arc<Path>>) -> Value {
    let at = Location::new(source, span);
    json!({
        "artifactLocation": artifact(source, roots),
        "region": {
            "startLine": at.line,
            "startColumn": at.column,
            "endLine": at.end_line,
            "endColumn": at.end_column,
            "snippet": { "text": at.text },
        }
    })
}

/// One result; `seen` counts the fingerprints already given in this file, so that two
/// identical sentences get `…:1` and `…:2`, as GitHub's own fingerprints do.
fn result(
    source: &SourceFile,
    finding: &Finding,
    roots: &mut Vec<Arc<Path>>,
    seen: &mut HashMap<String, usize>,
) -> Value {
    let mut text = finding.message.clone();
    if let Some(help) = &finding.help {
        text.push_str(&format!(" Help: {help}"));
    }
    let key = serde_json::to_vec(&baseline::key(source, finding)).unwrap_or_default();
    let hash = fingerprint(&key);
    let occurrence = seen.entry(hash.clone()).or_default();
    *occurrence += 1;
    let mut entry = json!({
        "ruleId": finding.rule,
        "level": level(finding.severity),
        "message": { "text": text },
        "locations": [{ "physicalLocation": physical(source, &finding.span, roots) }],
        "partialFingerprints": { (FINGERPRINT): format!("{hash}:{occurrence}") },
    });
    if let Some(index) = RULES.iter().position(|r| r.id == finding.rule) {
        entry["ruleIndex"] = json!(index);
    }
    let related: Vec<Value> = finding
        .related
        .iter()
        .enumerate()
        .map(|(id, r)| json!({ "id": id, "message": { "text": r.label }, "physicalLocation": physical(&r.source, &r.span, roots) }))
        .collect();
    if !related.is_empty() {
        entry["relatedLocations"] = json!(related);
    }
    if let Some(fix) = &finding.fix {
        let at = Location::new(source, &fix.span);
        entry["fixes"] = json!([{
            "description": { "text": format!("Replace with “{}”", fix.replacement) },
            "artifactChanges": [{
                "artifactLocation": artifact(source, roots),
                "replacements": [{
                    "deletedRegion": { "startLine": at.line, "startColumn": at.column, "endLine": at.end_line, "endColumn": at.end_column },
                    "insertedContent": { "text": fix.replacement },
                }]
            }]
        }]);
    }
    entry
}

/// A file's results, comma-separated, numbering project roots after `roots`.
fn results(file: &FileResult, roots: &mut Vec<Arc<Path>>, out: &mut dyn Write) -> io::Result<()> {
    let source = &file.analysis.doc.source;
    let mut seen = HashMap::new();
    for (index, finding) in file.findings.iter().enumerate() {
        if index > 0 {
            out.write_all(b",\n        ")?;
        }
        write_nested_json(out, &result(source, finding, roots, &mut seen), "        ")?;
    }
    Ok(())
}

/// The project roots a file's results point into, each once.
fn roots_of(file: &FileResult) -> Vec<&Arc<Path>> {
    let sources = file.findings.iter().flat_map(|finding| {
        std::iter::once(&*file.analysis.doc.source)
            .chain(finding.related.iter().map(|r| &*r.source))
    });
    let mut roots: Vec<&Arc<Path>> = Vec::new();
    for project in sources.filter_map(|source| source.project.as_ref()) {
        if !roots.contains(&&project.root) {
            roots.push(&project.root);
        }
    }
    roots
}

impl Reporter for Sarif {
    fn render(&self, file: &FileResult, out: &mut Vec<u8>) -> io::Result<()> {
        results(file, &mut Vec::new(), out)
    }

    fn write(
        &self,
        written: &mut Written,
        file: &FileResult,
        rendered: &[u8],
        out: &mut dyn Write,
    ) -> io::Result<()> {
        if file.findings.is_empty() {
            return Ok(());
        }
        if written.items == 0 {
            start(out)?;
            out.write_all(b"\n        ")?;
        } else {
            out.write_all(b",\n        ")?;
        }
        written.items += file.findings.len();
        // The workers number each file's roots from `%SRCROOT%`: right for a file in the
        // run's first project (nearly every run); any other is rendered again in order.
        match roots_of(file)[..] {
            [] => out.write_all(rendered),
            [root] if written.roots.first().is_none_or(|first| first == root) => {
                if written.roots.is_empty() {
                    written.roots.push(root.clone());
                }
                out.write_all(rendered)
            }
            _ => results(file, &mut written.roots, out),
        }
    }

    fn finish(
        &self,
        written: &Written,
        errors: &[InputError],
        _: &Totals,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        if written.items == 0 {
            start(out)?;
            out.write_all(b"],")?;
        } else {
            out.write_all(b"\n      ],")?;
        }
        if !written.roots.is_empty() {
            let bases: serde_json::Map<String, Value> = written
                .roots
                .iter()
                .enumerate()
                .map(|(i, root)| (base_id(i), json!({ "uri": uri::folder(root) })))
                .collect();
            out.write_all(b"\n      \"originalUriBaseIds\": ")?;
            write_nested_json(out, &bases, "      ")?;
            out.write_all(b",")?;
        }
        let notifications: Vec<Value> = errors
            .iter()
            .map(|e| json!({ "level": "error", "message": { "text": format!("{}: {}", e.path, e.message) } }))
            .collect();
        let invocations = json!([{
            "executionSuccessful": errors.is_empty(),
            "toolExecutionNotifications": notifications,
        }]);
        out.write_all(b"\n      \"invocations\": ")?;
        write_nested_json(out, &invocations, "      ")?;
        out.write_all(b"\n    }\n  ]\n}\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_fnv1a_and_spread() {
        // The FNV-1a reference values for "" and "a".
        assert_eq!(fingerprint(b""), "cbf29ce484222325");
        assert_eq!(fingerprint(b"a"), "af63dc4c8601ec8c");
        assert_ne!(fingerprint(b"jargon a.md"), fingerprint(b"jargon b.md"));
    }

    #[test]
    fn every_rule_links_to_its_readme_section() {
        let rule = crate::rules::find("objective-mismatch").unwrap();
        assert_eq!(
            help_uri(rule),
            "https://github.com/brieflint/brieflint/blob/main/README.md#objective-mismatch"
        );
    }
}
