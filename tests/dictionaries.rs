//! The dictionaries are product content: this checks their canonical form (schema, sorted,
//! no duplicates, a replacement and a reason for every entry, nothing that suggests itself,
//! `near` forms that expand, `domains` that the cue files define) and that they compile.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use brieflint::dictionary::forms::expand;
use brieflint::dictionary::{Dictionaries, DictionarySet, EMBEDDED, Source};
use brieflint::text::fold::{fold, fold_form};
use brieflint::vocab::Lang;

fn table(path: &str, text: &str) -> toml::Table {
    text.parse().unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn strings(value: Option<&toml::Value>) -> Vec<String> {
    value
        .and_then(|v| v.as_array())
        .map(|a| {
            a.iter()
                .map(|v| v.as_str().expect("forms are strings").to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn embedded_dictionaries_compile() {
    // Parsed now, as a user's files are, so that an error is returned rather than met when
    // a language is first used.
    let mut set = DictionarySet::embedded();
    assert!(set.jargon.iter().all(|source| source.lang.is_some()));
    for source in &mut set.jargon {
        source.lang = None;
    }
    let dicts = Dictionaries::compile(&set).unwrap_or_else(|e| panic!("{e:?}"));
    let eager: Vec<(Lang, String)> = dicts.entries().map(|e| (e.lang, e.term.clone())).collect();
    assert!(!eager.is_empty());
    // The same entries in the same order when each language is parsed on first use.
    let lazy = Dictionaries::compile(&DictionarySet::embedded()).unwrap();
    let english = fold("we leverage synergies");
    let hit = &lazy
        .scan(Lang::En, "we leverage synergies", &english)
        .jargon[0];
    assert_eq!(lazy.entry(hit.payload).lang, Lang::En);
    let lazy: Vec<(Lang, String)> = lazy.entries().map(|e| (e.lang, e.term.clone())).collect();
    assert_eq!(eager, lazy);
    assert!(
        dicts.kpis.len() >= 30,
        "taxonomy has {} KPIs",
        dicts.kpis.len()
    );
}

/// Every domain named in the `[domains]` of the cue files, each with forms that expand.
fn cue_domains() -> BTreeSet<String> {
    let mut domains = BTreeSet::new();
    for (path, text) in EMBEDDED.iter().filter(|(p, _)| p.contains("/cues/")) {
        let file = table(path, text);
        let Some(table) = file.get("domains").and_then(|d| d.as_table()) else {
            continue;
        };
        for (name, forms) in table {
            let forms = strings(Some(forms));
            assert!(!forms.is_empty(), "{path}: domain {name:?} has no forms");
            for pattern in &forms {
                for form in expand(pattern).unwrap_or_else(|e| panic!("{path}: {name}: {e}")) {
                    assert!(!fold_form(&form).is_empty(), "{path}: {name}: empty form");
                }
            }
            domains.insert(name.clone());
        }
    }
    domains
}

#[test]
fn jargon_files_are_canonical_and_large_enough() {
    let minimum = HashMap::from([("en", 450), ("fr", 450), ("ru", 350), ("uk", 350)]);
    let domains = cue_domains();
    for (path, text) in EMBEDDED.iter().filter(|(p, _)| p.contains("/jargon/")) {
        let lang = path.rsplit('/').next().unwrap().trim_end_matches(".toml");
        let file = table(path, text);
        let entries = file["entry"]
            .as_array()
            .unwrap_or_else(|| panic!("{path}: no [[entry]]"));
        assert!(
            entries.len() >= minimum[lang],
            "{path}: {} entries, need {}",
            entries.len(),
            minimum[lang]
        );
        let mut seen: HashMap<String, String> = HashMap::new();
        let mut previous = String::new();
        for entry in entries {
            let term = entry["term"].as_str().unwrap();
            let key = term.to_lowercase();
            assert!(
                key >= previous,
                "{path}: {term:?} is out of order (after {previous:?})"
            );
            previous = key;
            let replace = strings(entry.get("replace"));
            assert!(!replace.is_empty(), "{path}: {term:?} has no replacement");
            assert!(
                entry
                    .get("reason")
                    .and_then(|r| r.as_str())
                    .is_some_and(|r| !r.trim().is_empty()),
                "{path}: {term:?} has no reason"
            );
            let mut forms = vec![term.to_string()];
            forms.extend(strings(entry.get("forms")));
            forms.extend(strings(entry.get("exact")));
            for pattern in &forms {
                for form in expand(pattern).unwrap_or_else(|e| panic!("{path}: {term:?}: {e}")) {
                    let folded = fold_form(&form);
                    if let Some(other) = seen.insert(folded.clone(), term.to_string()) {
                        panic!("{path}: form {folded:?} of {term:?} is also a form of {other:?}");
                    }
                    assert!(
                        replace.iter().all(|r| fold_form(r) != folded),
                        "{path}: {term:?} suggests itself ({form:?})"
                    );
                }
            }
            for pattern in strings(entry.get("near")) {
                for form in expand(&pattern).unwrap_or_else(|e| panic!("{path}: {term:?}: {e}")) {
                    let folded = fold_form(&form);
                    assert!(!folded.is_empty(), "{path}: {term:?}: empty near form");
                    assert!(
                        forms.iter().all(|f| fold_form(f) != folded),
                        "{path}: {term:?} is near itself ({form:?})"
                    );
                }
            }
            for domain in strings(entry.get("domains")) {
                assert!(
                    domains.contains(&domain),
                    "{path}: {term:?}: domain {domain:?} is not in the [domains] of the cue files ({domains:?})"
                );
            }
            if entry.get("invariable").is_some() {
                assert_eq!(
                    entry.get("fix").and_then(|f| f.as_bool()),
                    Some(true),
                    "{path}: {term:?}: invariable without fix"
                );
            }
        }
    }
}

#[test]
fn kpi_files_name_taxonomy_keys_with_weights_that_sum_to_one() {
    let taxonomy = EMBEDDED
        .iter()
        .find(|(p, _)| p.ends_with("taxonomy.toml"))
        .unwrap();
    let kpis = table(taxonomy.0, taxonomy.1);
    let keys: BTreeMap<&String, &toml::Value> = kpis["kpi"].as_table().unwrap().iter().collect();
    for (path, text) in EMBEDDED
        .iter()
        .filter(|(p, _)| p.contains("/kpi/") && !p.ends_with("taxonomy.toml"))
    {
        let file = table(path, text);
        let mut covered = 0;
        for kpi in file["kpi"].as_array().unwrap() {
            let key = kpi["key"].as_str().unwrap().to_string();
            assert!(
                keys.contains_key(&key),
                "{path}: {key} is not in the taxonomy"
            );
            covered += 1;
        }
        assert!(
            covered >= keys.len() * 3 / 4,
            "{path} covers only {covered} of {} KPIs",
            keys.len()
        );
    }
}

#[test]
fn a_malformed_dictionary_points_at_its_line() {
    let mut set = DictionarySet::embedded();
    set.jargon.push(Source::new(
        "team.toml",
        "lang = \"en\"\n\n[[entry]]\nterm = \"blue-sky thinking\"\ncategory = \"buzword\"\nreplace = [\"new ideas\"]\nreason = \"Vague.\"\n",
    ));
    let err = Dictionaries::compile(&set).unwrap_err();
    assert_eq!(err.line(), Some(5), "{err:?}");
    assert!(err.to_string().contains("team.toml"));

    let mut set = DictionarySet::embedded();
    set.jargon.push(Source::new("team.toml", "lang = \"en\"\n[[entry]]\nterm = \"a{b\"\ncategory = \"buzzword\"\nreplace = [\"x\"]\nreason = \"y\"\n"));
    let err = Dictionaries::compile(&set).unwrap_err();
    assert_eq!(err.line(), Some(3), "{err:?}");
}

/// A team dictionary with one entry whose last lines are `extra`, and a cue file that
/// defines the domain "weather" in French.
fn team_entry(extra: &str) -> DictionarySet {
    let mut set = DictionarySet::embedded();
    set.cues.push(Source::new(
        "team-cues.toml",
        "lang = \"fr\"\n[domains]\nweather = [\"météo\", \"nuage{,s}\"]\n",
    ));
    set.jargon.push(Source::new(
        "team.toml",
        format!(
            "lang = \"en\"\n[[entry]]\nterm = \"lunar-leap thinking\"\ncategory = \"buzzword\"\nreplace = [\"new ideas\"]\nreason = \"Vague.\"\n{extra}"
        ),
    ));
    set
}

#[test]
fn unknown_domains_bad_near_forms_and_a_lone_invariable_are_located() {
    let err = Dictionaries::compile(&team_entry("domains = [\"weather\",\n  \"astrology\"]\n"))
        .unwrap_err();
    assert_eq!(err.line(), Some(8), "{err:?}");
    assert!(
        err.to_string().contains("unknown domain \"astrology\""),
        "{err}"
    );

    let err = Dictionaries::compile(&team_entry("near = [\"sky{\"]\n")).unwrap_err();
    assert_eq!(err.line(), Some(7), "{err:?}");

    let err = Dictionaries::compile(&team_entry("invariable = true\n")).unwrap_err();
    assert_eq!(err.line(), Some(7), "{err:?}");
    assert!(err.to_string().contains("fix"), "{err}");
}

#[test]
fn near_forms_and_domains_compile_and_are_found() {
    let set = team_entry("near = [\"cloud{,s}\", \"weather\"]\ndomains = [\"weather\"]\n");
    let dicts = Dictionaries::compile(&set).unwrap_or_else(|e| panic!("{e:?}"));
    let text = "Lunar-leap thinking. Then clouds came.";
    let folded = fold(text);
    let found = dicts.scan(Lang::En, text, &folded);
    let entry = found.jargon[0].payload;
    assert_eq!(dicts.entry(entry).term, "lunar-leap thinking");
    let weather = dicts.domains.iter().position(|d| d == "weather").unwrap();
    assert_eq!(dicts.entry(entry).domains, 1 << weather);
    // Near words of every entry are found ("lunar" makes another entry literal).
    let near: Vec<_> = found
        .near
        .into_iter()
        .filter(|hit| hit.payload == entry)
        .map(|hit| (hit.folded, hit.payload))
        .collect();
    let clouds = folded.text.find("clouds").unwrap();
    assert_eq!(near, [(clouds..clouds + "clouds".len(), entry)]);
    let text = "La météo est bonne, the nuages are gone.";
    let folded = fold(text);
    assert_eq!(dicts.scan(Lang::Fr, text, &folded).domains, 1 << weather);
    assert_eq!(
        dicts.scan(Lang::En, text, &folded).domains,
        0,
        "French vocabulary, English text"
    );
}

#[test]
fn more_domains_than_a_set_holds_is_an_error() {
    let mut set = DictionarySet::embedded();
    let table: String = (0..70).map(|i| format!("d{i} = [\"word{i}\"]\n")).collect();
    set.cues.push(Source::new(
        "many.toml",
        format!("lang = \"en\"\n[domains]\n{table}"),
    ));
    let err = Dictionaries::compile(&set).unwrap_err();
    assert!(err.to_string().contains("more than 64 domains"), "{err}");
    assert!(err.line().is_some(), "{err:?}");
}
