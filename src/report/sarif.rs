//! `--format sarif`: SARIF 2.1.0, for GitHub code scanning and other CI dashboards.
//! Columns are counted in Unicode code points (`columnKind`), like ours.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::Location;
use crate::batch::BatchResult;
use crate::document::SourceFile;
use crate::finding::Severity;
use crate::rules::RULES;

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// A relative URI reference for a path: forward slashes, everything outside the
/// unreserved set percent-encoded.
pub fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    let mut out = String::new();
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

fn physical(source: &SourceFile, span: &std::ops::Range<usize>) -> Value {
    let at = Location::new(source, span);
    json!({
        "artifactLocation": { "uri": uri(&source.name) },
        "region": {
            "startLine": at.line,
            "startColumn": at.column,
            "endLine": at.end_line,
            "endColumn": at.end_column,
            "snippet": { "text": at.text },
        }
    })
}

pub fn write(result: &BatchResult, out: &mut dyn Write) -> io::Result<()> {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|rule| {
            json!({
                "id": rule.id,
                "name": rule.id,
                "shortDescription": { "text": rule.summary },
                "fullDescription": { "text": rule.summary },
                "help": { "text": rule.documentation(), "markdown": rule.documentation() },
                "defaultConfiguration": { "level": level(rule.default_severity) },
            })
        })
        .collect();
    let mut results = Vec::new();
    for file in &result.files {
        let source = &file.analysis.doc.source;
        for finding in &file.findings {
            let mut text = finding.message.clone();
            if let Some(help) = &finding.help {
                text.push_str(&format!(" Help: {help}"));
            }
            let mut entry = json!({
                "ruleId": finding.rule,
                "level": level(finding.severity),
                "message": { "text": text },
                "locations": [{ "physicalLocation": physical(source, &finding.span) }],
            });
            if let Some(index) = RULES.iter().position(|r| r.id == finding.rule) {
                entry["ruleIndex"] = json!(index);
            }
            let related: Vec<Value> = finding
                .related
                .iter()
                .enumerate()
                .map(|(id, r)| json!({ "id": id, "message": { "text": r.label }, "physicalLocation": physical(&r.source, &r.span) }))
                .collect();
            if !related.is_empty() {
                entry["relatedLocations"] = json!(related);
            }
            if let Some(fix) = &finding.fix {
                let at = Location::new(source, &fix.span);
                entry["fixes"] = json!([{
                    "description": { "text": format!("Replace with “{}”", fix.replacement) },
                    "artifactChanges": [{
                        "artifactLocation": { "uri": uri(&source.name) },
                        "replacements": [{
                            "deletedRegion": { "startLine": at.line, "startColumn": at.column, "endLine": at.end_line, "endColumn": at.end_column },
                            "insertedContent": { "text": fix.replacement },
                        }]
                    }]
                }]);
            }
            results.push(entry);
        }
    }
    let notifications: Vec<Value> = result
        .errors
        .iter()
        .map(|e| json!({ "level": "error", "message": { "text": format!("{}: {}", e.path, e.message) } }))
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "brieflint",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "invocations": [{ "executionSuccessful": result.errors.is_empty(), "toolExecutionNotifications": notifications }],
            "results": results,
        }]
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_and_encoded() {
        assert_eq!(
            uri("./briefs/Бриф 1.md"),
            "briefs/%D0%91%D1%80%D0%B8%D1%84%201.md"
        );
        assert_eq!(uri("a\\b.md"), "a/b.md");
    }
}
