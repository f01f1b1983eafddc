//! Baselines: adopt brieflint on an existing repository by recording today's findings
//! (`--write-baseline FILE`) and reporting only new ones later (`--baseline FILE`).
//!
//! A finding is keyed by rule, file and matched text with a little of the line around it,
//! never by line number, so edits elsewhere in the file do not resurrect old findings.
//! Keys are counted: two identical sentences with jargon need two baseline entries.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::engine::FileResult;
use crate::finding::Finding;
use crate::source::SourceFile;

/// How many characters of context on each side of the span are part of the key.
const CONTEXT: usize = 24;

/// What identifies a finding in a baseline.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Key {
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

/// The key of a finding: rule, project path, text and the words around it.
pub fn key(source: &SourceFile, finding: &Finding) -> Key {
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
        rule: finding.rule.name().to_string(),
        path: source.project_key().to_string(),
        text: text[finding.span.clone()].to_string(),
        context: format!("{}⟨⟩{}", before.trim_start(), after.trim_end()),
    }
}

/// Counts findings as files go by, to write them as a baseline at the end.
#[derive(Debug, Default)]
pub struct Recorder {
    counts: BTreeMap<Key, usize>,
}

impl Recorder {
    pub fn record(&mut self, file: &FileResult) {
        for key in &file.recorded {
            *self.counts.entry(key.clone()).or_default() += 1;
        }
    }

    /// Writes what was recorded, sorted, so the file diffs well under version control.
    pub fn write(self, path: &Path) -> std::io::Result<()> {
        let file = File {
            version: 1,
            findings: self
                .counts
                .into_iter()
                .map(|(key, count)| Entry { key, count })
                .collect(),
        };
        let json = serde_json::to_string_pretty(&file).map_err(std::io::Error::other)?;
        std::fs::write(path, json + "\n")
    }
}

/// A baseline read back: how many of each finding are already known.
#[derive(Debug)]
pub struct Baseline {
    budget: BTreeMap<Key, usize>,
}

impl Baseline {
    pub fn load(path: &Path) -> Result<Self, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read the baseline: {e}", path.display()))?;
        let file: File = serde_json::from_str(&text)
            .map_err(|e| format!("{}: not a brieflint baseline: {e}", path.display()))?;
        Ok(Self {
            budget: file
                .findings
                .into_iter()
                .map(|e| (e.key, e.count))
                .collect(),
        })
    }

    /// Drops from one file's findings those the baseline records (as many of each as it
    /// counts: a second identical sentence is new).
    pub fn filter(&self, source: &SourceFile, findings: &mut Vec<Finding>) {
        let mut used: HashMap<Key, usize> = HashMap::new();
        findings.retain(|finding| {
            let key = key(source, finding);
            let known = self.budget.get(&key).copied().unwrap_or(0);
            let seen = used.entry(key).or_default();
            *seen += 1;
            *seen > known
        });
    }
}
