//! Sentence tables in `tests/data/sentences/`: in `jargon-*.tsv` every line is
//! `TERM<TAB>SENTENCE` and exactly that term must be reported as jargon; in `traps-*.tsv`
//! every line is `KIND<TAB>SENTENCE` (name, literal, technical, plain…) and nothing may be.
//!
//! Each sentence is checked as a document of its own, in its table's language: the last
//! part of the file name (`traps-fr.tsv`), or a `# lang: xx` line, which sets it for the
//! lines below. `\n` in a sentence is a line break, so one line can carry front matter or a
//! heading (`---\nbrand: Драйв\n---\nДрайв …`). Other lines starting with `#` are comments.
//! Every failing line is named with its file and line number.

use brieflint::analysis::Analysis;
use brieflint::dictionary::Dictionaries;
use brieflint::document::Document;
use brieflint::rules::{self, Context};
use brieflint::source::SourceFile;
use brieflint::vocab::{Lang, RuleId};

const TABLES: &str = "tests/data/sentences";

/// One sentence of a table.
struct Line {
    number: usize,
    lang: Option<Lang>,
    /// The term (jargon tables) or the kind of trap.
    label: String,
    text: String,
}

/// The sentences of table `name`, or the first line that is not in the format.
fn parse_table(name: &str, content: &str) -> Result<Vec<Line>, String> {
    let stem = name.trim_end_matches(".tsv");
    let mut lang = stem.rsplit('-').next().and_then(Lang::from_code);
    let mut lines = Vec::new();
    for (index, line) in content.lines().enumerate() {
        let number = index + 1;
        if line.trim().is_empty() {
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            if let Some(code) = comment.trim().strip_prefix("lang:") {
                lang = Some(Lang::from_code(code.trim()).ok_or_else(|| {
                    format!("{name}:{number}: unknown language {:?}", code.trim())
                })?);
            }
            continue;
        }
        let Some((label, text)) = line.split_once('\t') else {
            return Err(format!(
                "{name}:{number}: no tab between label and sentence"
            ));
        };
        if label.trim().is_empty() || text.trim().is_empty() {
            return Err(format!("{name}:{number}: empty label or sentence"));
        }
        lines.push(Line {
            number,
            lang,
            label: label.trim().to_string(),
            text: text.replace("\\n", "\n"),
        });
    }
    Ok(lines)
}

fn document(text: &str, lang: Option<Lang>) -> Document {
    let source = SourceFile::new(None, "sentence.md".into(), format!("{text}\n"));
    Document::parse(source, lang)
}

/// The jargon reported in `text`, as the source text of each finding.
fn reported(dicts: &Dictionaries, text: &str, lang: Option<Lang>) -> Vec<String> {
    let analysis = Analysis::new(document(text, lang), dicts);
    let ctx = Context {
        doc: &analysis,
        brief: None,
        pairing: None,
        dicts,
    };
    rules::check(&ctx, |rule| rule.id == RuleId::Jargon)
        .iter()
        .map(|f| analysis.doc.source.text[f.span.clone()].to_string())
        .collect()
}

/// What the dictionaries match in `text` before judging the context (names, literal and
/// technical senses).
fn matched(dicts: &Dictionaries, text: &str, lang: Option<Lang>) -> Vec<String> {
    let doc = document(text, lang);
    doc.segments
        .iter()
        .flat_map(|s| {
            dicts
                .scan(s.lang, &s.text, &s.folded)
                .jargon
                .into_iter()
                .map(|hit| doc.source.text[s.source_range_of_folded(hit.folded)].to_string())
        })
        .collect()
}

/// One message per failing line of table `name`.
fn check_table(dicts: &Dictionaries, name: &str, content: &str) -> Vec<String> {
    let lines = match parse_table(name, content) {
        Ok(lines) => lines,
        Err(message) => return vec![message],
    };
    let jargon_table = name.starts_with("jargon-");
    let mut failures = Vec::new();
    for line in lines {
        let found = reported(dicts, &line.text, line.lang);
        let ok = if jargon_table {
            found == [line.label.as_str()]
        } else {
            found.is_empty()
        };
        if !ok {
            let wanted = if jargon_table {
                format!("{:?}", line.label)
            } else {
                format!("nothing ({})", line.label)
            };
            failures.push(format!(
                "{name}:{}: wanted {wanted}, reported {found:?} in {:?}",
                line.number, line.text
            ));
        }
    }
    failures
}

fn tables() -> Vec<(String, String)> {
    let mut tables: Vec<(String, String)> = std::fs::read_dir(TABLES)
        .unwrap_or_else(|e| panic!("{TABLES}: {e}"))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "tsv"))
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&path).unwrap())
        })
        .filter(|(name, _)| name.starts_with("jargon-") || name.starts_with("traps-"))
        .collect();
    tables.sort();
    tables
}

#[test]
fn every_sentence_table_passes() {
    let dicts = Dictionaries::embedded();
    let tables = tables();
    assert!(
        tables.iter().any(|(n, _)| n.starts_with("jargon-"))
            && tables.iter().any(|(n, _)| n.starts_with("traps-")),
        "no sentence tables in {TABLES}"
    );
    let failures: Vec<String> = tables
        .iter()
        .flat_map(|(name, content)| check_table(dicts, name, content))
        .collect();
    assert!(
        failures.is_empty(),
        "{} failing sentences:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// A name trap proves something only if the dictionaries match a word in it: the filter
/// for names is what keeps it quiet.
#[test]
fn every_name_trap_holds_a_dictionary_word() {
    let dicts = Dictionaries::embedded();
    let content = std::fs::read_to_string(format!("{TABLES}/traps-names.tsv")).unwrap();
    let lines = parse_table("traps-names.tsv", &content).unwrap();
    assert!(lines.len() >= 80, "{} lines", lines.len());
    let langs: std::collections::BTreeSet<_> = lines.iter().filter_map(|l| l.lang).collect();
    assert_eq!(langs.len(), 4, "every language: {langs:?}");
    let unarmed: Vec<String> = lines
        .iter()
        .filter(|line| matched(dicts, &line.text, line.lang).is_empty())
        .map(|line| format!("traps-names.tsv:{}: {:?}", line.number, line.text))
        .collect();
    assert!(
        unarmed.is_empty(),
        "no dictionary word in:\n{}",
        unarmed.join("\n")
    );
}

#[test]
fn the_harness_names_every_failing_line() {
    let dicts = Dictionaries::embedded();
    let jargon = "# lang: en\nsynergy\tWe expect synergy between the two teams.\nleverage\tThe plan is clear.\n\n# lang: fr\nfrom scratch\tNous repartons from scratch.\n";
    let failures = check_table(dicts, "jargon-self.tsv", jargon);
    assert_eq!(failures.len(), 1, "{failures:#?}");
    assert!(
        failures[0].starts_with("jargon-self.tsv:3: wanted \"leverage\", reported []"),
        "{failures:#?}"
    );
    let traps =
        "name\tThe sun cream called \"Synergy\" sells well.\nplain\tWe will leverage the data.\n";
    let failures = check_table(dicts, "traps-self-en.tsv", traps);
    assert_eq!(failures.len(), 1, "{failures:#?}");
    assert!(
        failures[0]
            .starts_with("traps-self-en.tsv:2: wanted nothing (plain), reported [\"leverage\"]"),
        "{failures:#?}"
    );
    assert_eq!(
        check_table(dicts, "traps-x.tsv", "name without a tab\n"),
        ["traps-x.tsv:1: no tab between label and sentence"]
    );
}

#[test]
fn front_matter_and_headings_fit_on_one_line() {
    let lines = parse_table("t-uk.tsv", "name\t---\\nbrand: Вайб\\n---\\n# Вайб\n").unwrap();
    assert_eq!(lines[0].text, "---\nbrand: Вайб\n---\n# Вайб");
    assert_eq!(lines[0].lang, Some(Lang::Uk));
    let doc = document(&lines[0].text, lines[0].lang);
    let front = doc.front_matter.unwrap();
    assert_eq!(front.names().collect::<Vec<_>>(), ["Вайб"]);
}
