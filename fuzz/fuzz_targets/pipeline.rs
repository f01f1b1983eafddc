//! The whole pipeline on arbitrary bytes: decode, parse, analyse, check against a brief,
//! suppress, fix, and render in every format. Nothing may panic, and every span must be a
//! valid slice of the text it points into.
//!
//! A first byte of 0x01..=0x04 is taken off and forces a language (En, Fr, Ru, Uk), as
//! configuration would; any other input is used whole with language detection.

#![no_main]

use std::ops::Range;
use std::sync::Arc;

use brieflint::analysis::Analysis;
use brieflint::batch::{BatchResult, FileResult};
use brieflint::config::Config;
use brieflint::dictionary::Dictionaries;
use brieflint::document::Document;
use brieflint::source::SourceFile;
use brieflint::vocab::Lang;
use brieflint::report::{self, Format, HumanOptions};
use brieflint::rules::{self, Context};
use libfuzzer_sys::fuzz_target;

const BRIEF: &str = "---\nkind: brief\n---\n# Brief\n\n## Objectives\n\n- CPA ≤ 25 €\n- Increase sales by 30% in Q3\n\n## Audience\n\nSmall retailers in Lyon.\n\n## Budget\n\n50 000 €\n";

fn valid(text: &str, span: &Range<usize>) -> bool {
    span.start <= span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

fuzz_target!(|data: &[u8]| {
    let (forced_lang, bytes) = match data.first() {
        Some(&b @ 1..=4) => (Some(Lang::ALL[usize::from(b - 1)]), &data[1..]),
        _ => (None, data),
    };
    let Ok(text) = brieflint::input::decode(bytes.to_vec()) else {
        return;
    };

    let dicts = Dictionaries::embedded();
    let brief_source = SourceFile::new(None, "brief.md".into(), BRIEF.into());
    let brief = Arc::new(Analysis::new(Document::parse(brief_source, None), dicts));
    let source = SourceFile::new(None, "doc.md".into(), text.clone());
    let analysis = Arc::new(Analysis::new(Document::parse(source, forced_lang), dicts));

    for segment in &analysis.doc.segments {
        let span = segment.source_span();
        assert!(valid(&text, &span), "segment span {span:?} is not a valid slice of {} bytes", text.len());
    }

    let ctx = Context {
        doc: &analysis,
        brief: Some(&brief),
        pairing: None,
        dicts,
    };
    let mut findings = rules::check(&ctx, |_| true);
    for finding in &findings {
        let rule = finding.rule;
        assert!(
            valid(&text, &finding.span),
            "{rule}: span {:?} is not a valid slice of {} bytes",
            finding.span,
            text.len()
        );
        for label in &finding.secondary {
            assert!(
                valid(&text, &label.span),
                "{rule}: secondary span {:?} is not a valid slice of {} bytes",
                label.span,
                text.len()
            );
        }
        for related in &finding.related {
            assert!(
                valid(&related.source.text, &related.span),
                "{rule}: related span {:?} is not a valid slice of {} ({} bytes)",
                related.span,
                related.source.name,
                related.source.text.len()
            );
        }
        if let Some(fix) = &finding.fix {
            assert!(
                valid(&text, &fix.span),
                "{rule}: fix span {:?} is not a valid slice of {} bytes",
                fix.span,
                text.len()
            );
        }
    }

    brieflint::suppress::apply(&analysis.doc, &mut findings);
    let _ = brieflint::fix::apply(&text, &findings);

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
        .expect("rendering into a Vec cannot fail");
    }
});
