//! Reports are rendered on the worker threads: whatever the thread count, every format
//! must come out in input order, byte for byte the same.

mod common;

use std::path::Path;

use common::{Run, brieflint, write};

const FORMATS: [&str; 5] = ["json", "sarif", "short", "github", "human"];

/// Sentences with jargon and KPIs, one set per language, varied per file below.
const BRIEFS: [&str; 4] = [
    "We need brand awareness and reach among young parents; the KPI is ad recall.\n",
    "Nous voulons des ventes en ligne : le KPI est le nombre de commandes et le coût par acquisition.\n",
    "Нам нужна узнаваемость бренда и охват; главный KPI — запоминаемость рекламы.\n",
    "Нам потрібні продажі онлайн: KPI — кількість замовлень і вартість залучення.\n",
];
const PROPOSALS: [&str; 4] = [
    "We will leverage synergies to move the needle, a best-in-class 360 approach that drives conversions and sales.\n",
    "Nous allons créer des synergies et un dispositif 360 best-in-class pour la notoriété et la portée.\n",
    "Мы обеспечим синергию и холистический подход, чтобы поднять конверсию и продажи.\n",
    "Ми забезпечимо синергію та холістичний підхід для впізнаваності бренду й охоплення.\n",
];
const LANGS: [&str; 4] = ["en", "fr", "ru", "uk"];

/// A brief and a proposal in each of `clients` folders of the repository `root`, the
/// proposals of various lengths, so that the workers finish them out of order.
fn clients(root: &Path, clients: usize) {
    std::fs::create_dir_all(root.join(".git")).unwrap();
    for client in 0..clients {
        let lang = client % 4;
        let folder = format!("{}/client-{client:03}", LANGS[lang]);
        write(
            root,
            &format!("{folder}/brief.md"),
            format!(
                "---\nkind: brief\nlang: {}\n---\n\n# Brief {client}\n\n{}",
                LANGS[lang], BRIEFS[lang]
            ),
        );
        write(
            root,
            &format!("{folder}/proposal.md"),
            format!(
                "---\nkind: proposal\nlang: {}\nbrief: brief.md\n---\n\n# Proposal {client}\n\n{}",
                LANGS[lang],
                PROPOSALS[lang].repeat(1 + client * 7 % 23)
            ),
        );
    }
}

fn check(dir: &Path, threads: usize, format: &str) -> Run {
    Run::of(
        brieflint(dir)
            .args([
                "check",
                "--threads",
                &threads.to_string(),
                "--format",
                format,
            ])
            .args(["second", "first"])
            .output()
            .unwrap(),
    )
}

#[test]
fn every_format_is_the_same_on_one_thread_and_four() {
    let dir = tempfile::tempdir().unwrap();
    // Two repositories: SARIF numbers their roots in order of first use.
    clients(&dir.path().join("first"), 60);
    clients(&dir.path().join("second"), 20);
    // A proposal answering a brief of the other repository points into both.
    write(
        dir.path(),
        "second/en/cross/proposal.md",
        format!(
            "---\nkind: proposal\nlang: en\nbrief: ../../../first/en/client-000/brief.md\n---\n\n# Cross\n\n{}",
            PROPOSALS[0]
        ),
    );
    for format in FORMATS {
        let one = check(dir.path(), 1, format);
        one.expect_code(1);
        let four = check(dir.path(), 4, format);
        assert!(
            one.stdout == four.stdout,
            "--format {format}: --threads 4 differs from --threads 1"
        );
        assert_eq!(one.code, four.code, "--format {format}");
        assert_eq!(one.stderr, four.stderr, "--format {format}");
    }
    let json = check(dir.path(), 4, "json").json();
    let paths: Vec<&str> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths.len(), 161);
    assert!(paths[0].starts_with("second/"), "{paths:?}");
    assert!(paths[paths.len() - 1].starts_with("first/"), "{paths:?}");
    let sarif = check(dir.path(), 4, "sarif").stdout;
    assert!(sarif.contains("%SRCROOT2%"), "one root only");
}
