//! `--format sarif`: SARIF 2.1.0, for GitHub code scanning and other CI dashboards.
//! Columns are counted in Unicode code points (`columnKind`), like ours.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::{Location, Reporter, Totals, write_nested_json};
use crate::batch::FileResult;
use crate::finding::{Finding, Severity};
use crate::input::InputError;
use crate::rules::RULES;
use crate::source::SourceFile;

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
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
                "defaultConfiguration": { "level": level(rule.default_severity) },
            })
        })
        .collect()
}

fn result(source: &SourceFile, finding: &Finding) -> Value {
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
    entry
}

/// Streams one SARIF log with one run: the tool and its rules first, then each result as
/// its file is checked, then the invocation with the files that could not be read.
#[derive(Default)]
pub struct Sarif {
    results: usize,
}

impl Sarif {
    fn start(&self, out: &mut dyn Write) -> io::Result<()> {
        let tool = json!({ "driver": {
            "name": "brieflint",
            "version": env!("CARGO_PKG_VERSION"),
            "rules": rules(),
        }});
        out.write_all(
            b"{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n      \"tool\": ",
        )?;
        write_nested_json(out, &tool, "      ")?;
        out.write_all(b",\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [")
    }
}

impl Reporter for Sarif {
    fn file(&mut self, file: &FileResult, out: &mut dyn Write) -> io::Result<()> {
        let source = &file.analysis.doc.source;
        for finding in &file.findings {
            if self.results == 0 {
                self.start(out)?;
            }
            out.write_all(if self.results == 0 {
                b"\n        "
            } else {
                b",\n        "
            })?;
            self.results += 1;
            write_nested_json(out, &result(source, finding), "        ")?;
        }
        Ok(())
    }

    fn finish(&mut self, errors: &[InputError], _: &Totals, out: &mut dyn Write) -> io::Result<()> {
        if self.results == 0 {
            self.start(out)?;
            out.write_all(b"],")?;
        } else {
            out.write_all(b"\n      ],")?;
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
    fn uris_are_relative_and_encoded() {
        assert_eq!(
            uri("./briefs/Бриф 1.md"),
            "briefs/%D0%91%D1%80%D0%B8%D1%84%201.md"
        );
        assert_eq!(uri("a\\b.md"), "a/b.md");
    }
}
