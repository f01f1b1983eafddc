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

use super::{Location, Reporter, Totals, write_nested_json};
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
#[derive(Default)]
pub struct Sarif {
    results: usize,
    /// Project roots in order of first use: the first is `%SRCROOT%`, any other (files of
    /// another repository in the same run) `%SRCROOT2%`, `%SRCROOT3%`…
    roots: Vec<Arc<Path>>,
}

impl Sarif {
    fn start(&self, out: &mut dyn Write) -> io::Result<()> {
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
    fn artifact(&mut self, source: &SourceFile) -> Value {
        let Some(project) = &source.project else {
            return json!({ "uri": uri::of_relative_path(Path::new(&source.name)) });
        };
        let index = match self.roots.iter().position(|r| *r == project.root) {
            Some(index) => index,
            None => {
                self.roots.push(project.root.clone());
                self.roots.len() - 1
            }
        };
        json!({
            "uri": uri::of_relative_path(project.relative_path()),
            "uriBaseId": Self::base_id(index),
        })
    }

    fn physical(&mut self, source: &SourceFile, span: &Range<usize>) -> Value {
        let at = Location::new(source, span);
        json!({
            "artifactLocation": self.artifact(source),
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
        &mut self,
        source: &SourceFile,
        finding: &Finding,
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
            "locations": [{ "physicalLocation": self.physical(source, &finding.span) }],
            "partialFingerprints": { (FINGERPRINT): format!("{hash}:{occurrence}") },
        });
        if let Some(index) = RULES.iter().position(|r| r.id == finding.rule) {
            entry["ruleIndex"] = json!(index);
        }
        let related: Vec<Value> = finding
            .related
            .iter()
            .enumerate()
            .map(|(id, r)| json!({ "id": id, "message": { "text": r.label }, "physicalLocation": self.physical(&r.source, &r.span) }))
            .collect();
        if !related.is_empty() {
            entry["relatedLocations"] = json!(related);
        }
        if let Some(fix) = &finding.fix {
            let at = Location::new(source, &fix.span);
            entry["fixes"] = json!([{
                "description": { "text": format!("Replace with “{}”", fix.replacement) },
                "artifactChanges": [{
                    "artifactLocation": self.artifact(source),
                    "replacements": [{
                        "deletedRegion": { "startLine": at.line, "startColumn": at.column, "endLine": at.end_line, "endColumn": at.end_column },
                        "insertedContent": { "text": fix.replacement },
                    }]
                }]
            }]);
        }
        entry
    }
}

impl Reporter for Sarif {
    fn file(&mut self, file: &FileResult, out: &mut dyn Write) -> io::Result<()> {
        let source = &file.analysis.doc.source;
        let mut seen = HashMap::new();
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
            let result = self.result(source, finding, &mut seen);
            write_nested_json(out, &result, "        ")?;
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
        if !self.roots.is_empty() {
            let bases: serde_json::Map<String, Value> = self
                .roots
                .iter()
                .enumerate()
                .map(|(i, root)| (Self::base_id(i), json!({ "uri": uri::folder(root) })))
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
