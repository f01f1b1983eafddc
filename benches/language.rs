//! Language detection throughput over the bundled fixtures (all four languages), folded as
//! the pipeline folds segments: `cargo bench --bench language`. Throughput is per byte.

use brieflint::document;
use brieflint::text::fold::fold;
use divan::counter::BytesCount;
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

/// Every fixture as a list of folded paragraphs (split on blank lines), sorted by path.
fn documents() -> Vec<Vec<String>> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
    let mut paths: Vec<_> = ignore::Walk::new(root)
        .flatten()
        .map(|entry| entry.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "md") && !p.ends_with("README.md"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).unwrap();
            text.split("\n\n").map(|p| fold(p).text).collect()
        })
        .collect()
}

/// About 4 MB: the fixtures repeated.
fn corpus() -> (Vec<Vec<String>>, usize) {
    let once = documents();
    let mut all = Vec::new();
    let mut bytes = 0;
    while bytes < 4 << 20 {
        for document in &once {
            bytes += document.iter().map(String::len).sum::<usize>();
            all.push(document.clone());
        }
    }
    (all, bytes)
}

/// Each paragraph with the document's language as the prior.
#[divan::bench]
fn paragraph_language(bencher: Bencher) {
    let (documents, bytes) = corpus();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        for paragraph in documents.iter().flatten() {
            black_box(document::paragraph_language(
                paragraph,
                brieflint::vocab::Lang::Fr,
            ));
        }
    });
}

/// Each document's language from all its paragraphs.
#[divan::bench]
fn document_language(bencher: Bencher) {
    let (documents, bytes) = corpus();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        for document in &documents {
            black_box(document::document_language(
                document.iter().map(String::as_str),
            ));
        }
    });
}
