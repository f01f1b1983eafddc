//! Suppressions written in the document as HTML comments:
//!
//! - `<!-- brieflint-disable-file -->` / `<!-- brieflint-disable-file RULE… -->`
//! - `<!-- brieflint-disable RULE… -->` … `<!-- brieflint-enable RULE… -->`
//! - `<!-- brieflint-disable-next-line RULE… -->`
//! - `… prose … <!-- brieflint-disable-line RULE… -->` (at the end of the line it silences)
//!
//! No rule named means every rule. Directives naming unknown rules, and comments meant for
//! brieflint whose directive is misspelt (they silence nothing), are reported by the
//! `invalid-suppression` rule.

use std::ops::Range;

use crate::document::Document;
use crate::finding::Finding;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Directive {
    DisableFile,
    Disable,
    Enable,
    DisableNextLine,
    DisableLine,
    /// A comment addressed to brieflint whose directive is none of the above: it silences
    /// nothing, so it is reported rather than ignored like any other comment.
    Misspelt {
        /// The words taken for the directive, as written.
        written: String,
        /// The directive it is closest to, when it is close enough to be a typo.
        suggestion: Option<&'static str>,
    },
}

/// The directives, by name.
const NAMES: [(&str, Directive); 5] = [
    ("brieflint-disable-file", Directive::DisableFile),
    ("brieflint-disable", Directive::Disable),
    ("brieflint-enable", Directive::Enable),
    ("brieflint-disable-next-line", Directive::DisableNextLine),
    ("brieflint-disable-line", Directive::DisableLine),
];

/// One directive comment.
#[derive(Debug)]
pub struct Parsed {
    pub directive: Directive,
    /// Rules named; empty = every rule (and always empty for a misspelt directive).
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
    let words: Vec<&str> = body
        .split([' ', ',', '\t', '\n', '\r'])
        .filter(|w| !w.is_empty())
        .collect();
    let first = *words.first()?;
    let Some((_, directive)) = NAMES.iter().find(|(name, _)| *name == first) else {
        return misspelt(&words).map(|directive| Parsed {
            directive,
            rules: Vec::new(),
            range,
        });
    };
    let rules = words[1..]
        .iter()
        .take_while(|w| **w != "--")
        .map(|w| w.to_string())
        .collect();
    Some(Parsed {
        directive: directive.clone(),
        rules,
        range,
    })
}

/// The directives' names, for messages that list them.
pub fn directive_names() -> String {
    NAMES.map(|(name, _)| name).join(", ")
}

/// Edits (Damerau-Levenshtein) within which a misspelt directive gets a "did you mean".
const SUGGEST_WITHIN: usize = 3;

/// The misspelt directive of a comment that starts with a word close to "brieflint"
/// ("briefling-disable", "Brieflint-disable", "brief-lint disable"); other comments are
/// none of brieflint's business.
fn misspelt(words: &[&str]) -> Option<Directive> {
    let first: Vec<char> = words[0]
        .chars()
        .take(10)
        .flat_map(char::to_lowercase)
        .collect();
    let addressed = (8..=10).any(|len| {
        let head: String = first.iter().take(len).collect();
        strsim::damerau_levenshtein(&head, "brieflint") <= 1
    });
    if !addressed {
        return None;
    }
    // The directive may have been split into words ("brieflint disable next-line"): try
    // the first one to four words joined by hyphens and keep the closest to a directive
    // (at equal distance, the one that explains more words). Long runs of text are no
    // directive and would only make the distance slow.
    let (distance, taken, name) = (1..=words.len().min(4))
        .map(|taken| {
            (
                taken,
                words[..taken].join("-").to_lowercase().replace('_', "-"),
            )
        })
        .filter(|(_, joined)| joined.len() <= 40)
        .flat_map(|(taken, joined)| {
            NAMES
                .iter()
                .map(move |(name, _)| (strsim::damerau_levenshtein(&joined, name), taken, *name))
        })
        .min_by_key(|(distance, taken, _)| (*distance, std::cmp::Reverse(*taken)))
        .unwrap_or((usize::MAX, 1, ""));
    let close = distance <= SUGGEST_WITHIN;
    Some(Directive::Misspelt {
        written: words[..if close { taken } else { 1 }].join(" "),
        suggestion: close.then_some(name),
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
            Directive::DisableLine => silences.push(Silence {
                rules: directive.rules.clone(),
                lines: start..start + 1,
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
            Directive::Misspelt { .. } => {}
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
    fn disable_line_silences_its_own_line_only() {
        let text = "We leverage it. <!-- brieflint-disable-line jargon -->\nWe leverage it.\n\n- A list item <!-- brieflint-disable-line -->\n";
        assert_eq!(apply_to(text, &[1, 2, 4]), vec![(2, "jargon")]);
        let other = "We leverage it. <!-- brieflint-disable-line missing-section -->\n";
        assert_eq!(apply_to(other, &[1]), vec![(1, "jargon")]);
    }

    fn misspelling(body: &str) -> Option<(String, Option<&'static str>)> {
        match parse(body, 0..0)?.directive {
            Directive::Misspelt {
                written,
                suggestion,
            } => Some((written, suggestion)),
            _ => None,
        }
    }

    #[test]
    fn misspelt_directives_are_recognised_with_the_one_meant() {
        for (body, written, meant) in [
            (
                "brieflint-disable-nextline jargon",
                "brieflint-disable-nextline",
                "brieflint-disable-next-line",
            ),
            (
                "brieflint-disabled",
                "brieflint-disabled",
                "brieflint-disable",
            ),
            (
                "brieflint disable jargon",
                "brieflint disable",
                "brieflint-disable",
            ),
            (
                "briefling-disable",
                "briefling-disable",
                "brieflint-disable",
            ),
            (
                "Brieflint disable next line",
                "Brieflint disable next line",
                "brieflint-disable-next-line",
            ),
            (
                "brieflint-enable: jargon",
                "brieflint-enable:",
                "brieflint-enable",
            ),
        ] {
            assert_eq!(
                misspelling(body),
                Some((written.to_string(), Some(meant))),
                "{body}"
            );
        }
        assert_eq!(
            misspelling("brieflint-ignore-everything please"),
            Some(("brieflint-ignore-everything".to_string(), None))
        );
    }

    #[test]
    fn other_comments_and_real_directives_are_not_misspellings() {
        for body in [
            "briefing: updated on 3 May",
            "brief v2 (Ann)",
            "TODO brieflint later?",
            "lint-disable",
            "brieflint-disable-next-line jargn",
            "brieflint-disable-line",
        ] {
            assert_eq!(misspelling(body), None, "{body}");
        }
    }

    #[test]
    fn a_misspelt_directive_silences_nothing() {
        assert_eq!(
            apply_to("<!-- brieflint-disable-nextline -->\na\n", &[2]),
            vec![(2, "jargon")]
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
