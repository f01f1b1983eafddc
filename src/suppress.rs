//! Suppressions written in the document as HTML comments:
//!
//! - `<!-- brieflint-disable-file -->` / `<!-- brieflint-disable-file RULE… -->`
//! - `<!-- brieflint-disable RULE… -->` … `<!-- brieflint-enable RULE… -->`
//! - `<!-- brieflint-disable-next-line RULE… -->`
//!
//! No rule named means every rule. Directives naming unknown rules are reported by the
//! `invalid-suppression` rule.

use std::ops::Range;

use crate::document::Document;
use crate::finding::Finding;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Directive {
    DisableFile,
    Disable,
    Enable,
    DisableNextLine,
}

/// One directive comment.
#[derive(Debug)]
pub struct Parsed {
    directive: Directive,
    /// Rules named; empty = every rule.
    pub rules: Vec<String>,
    /// Source range of the comment.
    pub range: Range<usize>,
}

/// The directives of a document, in order.
pub fn directives(doc: &Document) -> Vec<Parsed> {
    doc.comments
        .iter()
        .filter_map(|c| parse(&c.body, c.range.clone()))
        .collect()
}

fn parse(body: &str, range: Range<usize>) -> Option<Parsed> {
    let mut words = body
        .split([' ', ',', '\t', '\n', '\r'])
        .filter(|w| !w.is_empty());
    let directive = match words.next()? {
        "brieflint-disable-file" => Directive::DisableFile,
        "brieflint-disable" => Directive::Disable,
        "brieflint-enable" => Directive::Enable,
        "brieflint-disable-next-line" => Directive::DisableNextLine,
        _ => return None,
    };
    let rules = words
        .take_while(|w| *w != "--")
        .map(str::to_string)
        .collect();
    Some(Parsed {
        directive,
        rules,
        range,
    })
}

/// A span where some rules (or all) are off.
#[derive(Debug)]
struct Silence {
    rules: Vec<String>,
    lines: Range<usize>,
}

impl Silence {
    fn covers(&self, rule: &str, line: usize) -> bool {
        self.lines.contains(&line)
            && (self.rules.is_empty() || self.rules.iter().any(|r| r == rule))
    }
}

/// Drops the findings the document silences.
pub fn apply(doc: &Document, findings: &mut Vec<Finding>) {
    let directives = directives(doc);
    if directives.is_empty() {
        return;
    }
    let source = &doc.source;
    let line_of = |offset: usize| source.line_col(offset).line;
    let mut silences = Vec::new();
    let mut open: Vec<(Vec<String>, usize)> = Vec::new();
    for directive in &directives {
        let start = line_of(directive.range.start);
        let end = line_of(
            directive
                .range
                .end
                .saturating_sub(1)
                .max(directive.range.start),
        );
        match directive.directive {
            Directive::DisableFile => silences.push(Silence {
                rules: directive.rules.clone(),
                lines: 0..usize::MAX,
            }),
            Directive::DisableNextLine => silences.push(Silence {
                rules: directive.rules.clone(),
                lines: end + 1..end + 2,
            }),
            Directive::Disable => open.push((directive.rules.clone(), start)),
            Directive::Enable => {
                let closes =
                    |rules: &Vec<String>| directive.rules.is_empty() || *rules == directive.rules;
                let (closed, still): (Vec<_>, Vec<_>) =
                    open.drain(..).partition(|(rules, _)| closes(rules));
                open = still;
                silences.extend(closed.into_iter().map(|(rules, from)| Silence {
                    rules,
                    lines: from..end + 1,
                }));
            }
        }
    }
    silences.extend(open.into_iter().map(|(rules, from)| Silence {
        rules,
        lines: from..usize::MAX,
    }));
    findings.retain(|f| {
        let line = line_of(f.span.start);
        !silences.iter().any(|s| s.covers(f.rule.name(), line))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Severity;
    use crate::source::SourceFile;

    fn apply_to(text: &str, lines: &[usize]) -> Vec<(usize, &'static str)> {
        let doc = Document::parse(SourceFile::new(None, "t.md".into(), text.into()), None);
        let mut findings: Vec<Finding> = lines
            .iter()
            .map(|&line| {
                let start = doc.source.lines.line_range(&doc.source.text, line).start;
                Finding::new(
                    crate::vocab::RuleId::Jargon,
                    Severity::Warning,
                    start..start + 1,
                    "x",
                )
            })
            .collect();
        apply(&doc, &mut findings);
        findings
            .iter()
            .map(|f| (doc.source.line_col(f.span.start).line, f.rule.name()))
            .collect()
    }

    #[test]
    fn next_line_and_ranges() {
        let text = "a\n<!-- brieflint-disable-next-line jargon -->\nb\nc\n<!-- brieflint-disable -->\nd\n<!-- brieflint-enable -->\ne\n";
        assert_eq!(
            apply_to(text, &[1, 3, 4, 6, 8]),
            vec![(1, "jargon"), (4, "jargon"), (8, "jargon")]
        );
    }

    #[test]
    fn whole_file_and_other_rules() {
        assert_eq!(
            apply_to("<!-- brieflint-disable-file -->\n\na\n", &[3]),
            vec![]
        );
        assert_eq!(
            apply_to(
                "<!-- brieflint-disable-file missing-section -->\n\na\n",
                &[3]
            ),
            vec![(3, "jargon")]
        );
    }

    #[test]
    fn a_directive_for_another_rule_keeps_the_finding() {
        assert_eq!(
            apply_to("<!-- brieflint-disable jargn -->\n\na\n", &[3]),
            vec![(3, "jargon")]
        );
    }
}
