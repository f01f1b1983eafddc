//! Micro-benchmarks of each pipeline step, on 1 MB of the bundled fixtures (all four
//! languages): `cargo bench --bench pipeline`. Throughput is reported per byte.

use std::sync::Arc;

use brieflint::analysis::Analysis;
use brieflint::dictionary::{Dictionaries, DictionarySet};
use brieflint::document::Document;
use brieflint::rules::{self, Context};
use brieflint::source::SourceFile;
use divan::counter::BytesCount;
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

/// About 1 MB of real briefs and proposals: every fixture, repeated.
fn megabyte() -> String {
    let mut paths: Vec<_> = walk(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures"
    )));
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let mut out = String::new();
    while out.len() < 1 << 20 {
        for text in &texts {
            out.push_str(text);
            out.push_str("\n\n");
        }
    }
    out
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(walk(&path));
        } else if path.extension().is_some_and(|e| e == "md") && !path.ends_with("README.md") {
            found.push(path);
        }
    }
    found
}

fn source(text: &str) -> Arc<SourceFile> {
    SourceFile::new(None, "bench.md".into(), text.to_string())
}

/// Markdown → prose segments with offsets (and language detection).
#[divan::bench]
fn markdown_to_segments(bencher: Bencher) {
    let text = megabyte();
    bencher
        .counter(BytesCount::of_str(&text))
        .with_inputs(|| source(&text))
        .bench_values(|source| Document::parse(source, None));
}

/// Every vocabulary's matching (one scan per segment) over already parsed segments.
#[divan::bench]
fn dictionary_matching(bencher: Bencher) {
    let text = megabyte();
    let dicts = Dictionaries::embedded();
    let doc = Document::parse(source(&text), None);
    bencher.counter(BytesCount::of_str(&text)).bench(|| {
        for segment in &doc.segments {
            black_box(dicts.scan(segment.lang, &segment.text, &segment.folded));
        }
    });
}

/// Bytes → document → analysis → every rule.
#[divan::bench]
fn whole_pipeline(bencher: Bencher) {
    let text = megabyte();
    let dicts = Dictionaries::embedded();
    bencher
        .counter(BytesCount::of_str(&text))
        .with_inputs(|| source(&text))
        .bench_values(|source| {
            let analysis = Analysis::new(Document::parse(source, None), dicts);
            let ctx = Context {
                doc: &analysis,
                brief: None,
                pairing: None,
                dicts,
            };
            rules::check(&ctx, |_| true)
        });
}

/// Parsing and compiling every embedded dictionary: most of start-up.
#[divan::bench(sample_count = 20)]
fn dictionary_compilation() -> Dictionaries {
    Dictionaries::compile(&DictionarySet::embedded()).unwrap()
}
