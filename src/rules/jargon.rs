use super::{Context, declare_rule};
use crate::finding::{Finding, Fix, Payload, Severity};
use crate::vocab::RuleId;

declare_rule! {
    /// ## What it does
    /// Finds agency jargon in prose: buzzwords ("move the needle", "synergy"), franglais in
    /// French ("ROIste", "from scratch", "à date"), anglicisms in Russian and Ukrainian
    /// ("перфомить", "інсайти"), bureaucratese ("на сегодняшний день") and empty
    /// intensifiers, in every inflected form.
    ///
    /// ## Why is this bad?
    /// The reader is a client, not a colleague. Jargon hides what the agency will actually
    /// do and makes a proposal sound like every other one.
    ///
    /// ## Example
    /// ```markdown
    /// Nous avons construit cette propal from scratch, avec une approche ROIste.
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// Nous avons construit cette proposition de zéro, avec une approche centrée sur la rentabilité.
    /// ```
    pub static JARGON = Rule {
        id: RuleId::Jargon,
        severity: Severity::Warning,
        summary: "Agency jargon, franglais, anglicisms and bureaucratese, with plain replacements",
        check: check,
    };
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let doc = &ctx.doc.doc;
    for (segment, hits) in doc.segments.iter().zip(&ctx.doc.jargon) {
        for hit in hits {
            if out.len() > super::MAX_PER_RULE {
                return;
            }
            let entry = &ctx.dicts.entries[hit.payload as usize];
            let span = segment.source_range_of_folded(hit.folded.clone());
            let found = &doc.source.text[span.clone()];
            let suggestion = match_case(found, &entry.replace[0]);
            let alternatives = if entry.replace.len() > 1 {
                format!(" (or: {})", entry.replace[1..].join(", "))
            } else {
                String::new()
            };
            let mut finding = Finding::new(
                JARGON.id,
                JARGON.default_severity,
                span.clone(),
                format!(
                    "“{found}” is {}: {}",
                    article(entry.category.describe()),
                    entry.reason
                ),
            )
            .with_payload(Payload::Jargon { entry: hit.payload })
            .with_label(format!("write “{suggestion}”"))
            .with_help(format!("write “{suggestion}”{alternatives}"));
            // Reported either way; fixed only where the source holds the words as they
            // read, so a fix never swallows a markup edge or a line break.
            if entry.fix
                && let Some(span) =
                    segment.verbatim_source_range(hit.folded.clone(), &doc.source.text)
            {
                finding.fix = Some(Fix {
                    span,
                    replacement: suggestion.clone(),
                });
            }
            finding.suggestion = Some(suggestion);
            out.push(finding);
        }
    }
}

fn article(noun: &str) -> String {
    // Mass nouns take no article: "is franglais", "is bureaucratese".
    if matches!(noun, "franglais" | "bureaucratese") {
        return noun.to_string();
    }
    let vowel = noun.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {noun}", if vowel { "an" } else { "a" })
}

/// Gives `replacement` the capitalisation pattern of `original`: ALL CAPS stays all caps,
/// a capitalised word stays capitalised.
pub fn match_case(original: &str, replacement: &str) -> String {
    let letters: Vec<char> = original.chars().filter(|c| c.is_alphabetic()).collect();
    let all_upper = letters.len() > 1 && letters.iter().all(|c| c.is_uppercase());
    if all_upper {
        return replacement.to_uppercase();
    }
    if letters.first().is_some_and(|c| c.is_uppercase()) {
        let mut chars = replacement.chars();
        return chars.next().map_or_else(String::new, |first| {
            first.to_uppercase().chain(chars).collect()
        });
    }
    replacement.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{analyse, run};

    #[test]
    fn finds_jargon_in_four_languages_with_inflection() {
        let doc = analyse(
            "p.md",
            "# Plan\n\nWe will leverage synergy to move the needle.\n\nNous avons construit cette propal from scratch.\n\nКампания будет драйвить продажи, инсайтами делимся.\n",
        );
        let found: Vec<String> = run(&JARGON, &doc, None)
            .into_iter()
            .map(|(_, t)| t.to_lowercase())
            .collect();
        for expected in [
            "leverage",
            "synergy",
            "move the needle",
            "propal",
            "from scratch",
            "драйвить",
            "инсайтами",
        ] {
            assert!(
                found.iter().any(|f| f == expected),
                "{expected} not in {found:?}"
            );
        }
    }

    #[test]
    fn literal_uses_code_and_urls_are_not_flagged() {
        let doc = analyse(
            "b.md",
            "The long handle gives enough leverage to open the frame.\n\nSee `synergy` and https://example.com/synergy-leverage.\n",
        );
        assert_eq!(run(&JARGON, &doc, None), vec![]);
    }

    #[test]
    fn suggestions_keep_the_capitalisation() {
        assert_eq!(match_case("Utilize", "use"), "Use");
        assert_eq!(
            match_case("ASAP", "as soon as possible"),
            "AS SOON AS POSSIBLE"
        );
        assert_eq!(match_case("à date", "à ce jour"), "à ce jour");
    }
}
