//! Baselines: adopt brieflint on an existing repository by recording today's findings
//! (`--write-baseline FILE`) and reporting only new ones later (`--baseline FILE`).
//!
//! A finding is keyed by rule, file and matched text with a little of the line around it,
//! never by line number, so edits elsewhere in the file do not resurrect old findings.
//! Keys are counted: two identical sentences with jargon need two baseline entries.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::batch::BatchResult;
use crate::document::SourceFile;
use crate::finding::Finding;

/// How many characters of context on each side of the span are part of the key.
const CONTEXT: usize = 24;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
struct Key {
    rule: String,
    path: String,
    text: String,
    context: String,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct File {
    version: u32,
    findings: Vec<Entry>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Entry {
    #[serde(flatten)]
    key: Key,
    count: usize,
}

fn key(source: &SourceFile, finding: &Finding) -> Key {
    let text = &source.text;
    let line = source
        .lines
        .line_range(text, source.line_col(finding.span.start).line);
    let before: String = text[line.start..finding.span.start.max(line.start)]
        .chars()
        .rev()
        .take(CONTEXT)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let end = finding
        .span
        .end
        .min(line.end)
        .max(finding.span.start.min(line.end));
    let after: String = text[end..line.end].chars().take(CONTEXT).collect();
    Key {
        rule: finding.rule.to_string(),
        path: source.name.replace('\\', "/"),
        text: text[finding.span.clone()].to_string(),
        context: format!("{}⟨⟩{}", before.trim_start(), after.trim_end()),
    }
}

/// Writes the findings of `result` as a baseline.
pub fn write(result: &BatchResult, path: &Path) -> std::io::Result<()> {
    let mut counts: BTreeMap<Key, usize> = BTreeMap::new();
    for file in &result.files {
        for finding in &file.findings {
            *counts
                .entry(key(&file.analysis.doc.source, finding))
                .or_default() += 1;
        }
    }
    let file = File {
        version: 1,
        findings: counts
            .into_iter()
            .map(|(key, count)| Entry { key, count })
            .collect(),
    };
    let json = serde_json::to_string_pretty(&file).map_err(std::io::Error::other)?;
    std::fs::write(path, json + "\n")
}

/// Drops from `result` the findings the baseline at `path` records.
pub fn apply(result: &mut BatchResult, path: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot read the baseline: {e}", path.display()))?;
    let file: File = serde_json::from_str(&text)
        .map_err(|e| format!("{}: not a brieflint baseline: {e}", path.display()))?;
    let mut budget: BTreeMap<Key, usize> = file
        .findings
        .into_iter()
        .map(|e| (e.key, e.count))
        .collect();
    for result in &mut result.files {
        let source = result.analysis.doc.source.clone();
        result
            .findings
            .retain(|finding| match budget.get_mut(&key(&source, finding)) {
                Some(left) if *left > 0 => {
                    *left -= 1;
                    false
                }
                _ => true,
            });
    }
    Ok(())
}
