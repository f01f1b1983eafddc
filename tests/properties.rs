//! Property tests: whatever the input, the pipeline never panics and every span it reports
//! is inside the file, on character boundaries, and renders in every format.

use std::sync::Arc;

use brieflint::analysis::Analysis;
use brieflint::batch::{BatchResult, FileResult};
use brieflint::config::Config;
use brieflint::dictionary::Dictionaries;
use brieflint::document::Document;
use brieflint::report::{self, Format, HumanOptions};
use brieflint::rules::{self, Context};
use brieflint::source::SourceFile;
use proptest::prelude::*;

/// Markdown-ish text: structure characters, entities, jargon, Cyrillic, CRLF.
fn markdownish() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "# ",
        "## Objectives\n",
        "## Цілі\n",
        "- ",
        "  - ",
        "> ",
        "| a | b |\n|---|---|\n",
        "```\n",
        "`",
        "**",
        "_",
        "[",
        "](https://x.example/synergy)",
        "<!-- brieflint-disable jargon -->",
        "&amp;",
        "&#x41;",
        "\\*",
        "\r\n",
        "\n",
        "\n\n",
        " ",
        "synergy",
        "leverage",
        "from scratch",
        "à date",
        "инсайтами",
        "заапрувити",
        "хелікоптер в’ю",
        "CPA ≤ 25 €",
        "increase the budget by 30%",
        "не охват, а продажи",
        "ROAS",
        "reach",
        "---\nkind: brief\n---\n",
        "é",
        "İ",
        "ß",
        "😀",
        "\u{feff}",
        "\t",
        "1.",
        "2,5 %",
        "<b>",
        "https://a.example/b",
        "\u{00a0}",
        "Ё",
    ]);
    prop::collection::vec(atoms, 0..60).prop_map(|parts| parts.concat())
}

fn check_all(text: &str) {
    let dicts = Dictionaries::embedded();
    let brief_source = SourceFile::new(
        None,
        "brief.md".into(),
        "## Objectives\n\n- CPA ≤ 25 €\n".into(),
    );
    let brief = Arc::new(Analysis::new(Document::parse(brief_source, None), dicts));
    let source = SourceFile::new(None, "doc.md".into(), text.to_string());
    let analysis = Arc::new(Analysis::new(Document::parse(source.clone(), None), dicts));
    let ctx = Context {
        doc: &analysis,
        brief: Some(&brief),
        pairing: None,
        dicts,
    };
    let findings = rules::check(&ctx, |_| true);
    for finding in &findings {
        let span = finding.span.clone();
        assert!(
            span.start <= span.end && span.end <= text.len(),
            "{span:?} out of {}",
            text.len()
        );
        assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "{span:?} splits a character"
        );
        for related in &finding.related {
            assert!(related.source.text.get(related.span.clone()).is_some());
        }
    }
    for segment in &analysis.doc.segments {
        let span = segment.source_span();
        assert!(
            text.get(span.clone()).is_some(),
            "segment span {span:?} is not a valid slice"
        );
    }
    let result = BatchResult {
        files: vec![FileResult {
            analysis,
            config: Arc::new(Config::default()),
            brief: Some(brief),
            pairing: None,
            findings,
            recorded: Vec::new(),
            fix: None,
        }],
        errors: Vec::new(),
    };
    for format in [
        Format::Human,
        Format::Json,
        Format::Short,
        Format::Sarif,
        Format::Github,
    ] {
        let mut out = Vec::new();
        report::write(
            format,
            &result,
            &HumanOptions {
                color: false,
                width: 80,
            },
            &mut out,
        )
        .unwrap();
        assert!(!out.is_empty() || format != Format::Json);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn pipeline_never_panics_and_spans_are_valid(text in markdownish()) {
        check_all(&text);
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,200}") {
        check_all(&text);
    }
}

#[test]
fn deep_nesting_does_not_overflow() {
    let lists: String = (0..2000)
        .map(|i| format!("{}- item synergy\n", "  ".repeat(i % 200)))
        .collect();
    check_all(&lists);
    let quotes = format!("{} synergy\n", ">".repeat(5000));
    check_all(&quotes);
}
