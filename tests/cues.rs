//! The cue files work by leftmost-longest matching across all their lists ("visitor spend"
//! hides the spend word "spend"), so a form listed twice would carry whichever meaning the
//! matcher met first. This checks that every folded form of a cue file, sections and kinds
//! included, belongs to one list only.

use std::collections::BTreeMap;

use brieflint::dictionary::EMBEDDED;
use brieflint::dictionary::forms::expand;
use brieflint::text::fold::fold_form;

#[test]
fn every_cue_form_has_one_meaning() {
    let mut problems = Vec::new();
    for (path, text) in EMBEDDED.iter().filter(|(p, _)| p.contains("/cues/")) {
        let file: toml::Table = text.parse().unwrap_or_else(|e| panic!("{path}: {e}"));
        for table in ["sections", "kinds", "cues"] {
            let Some(lists) = file.get(table).and_then(|t| t.as_table()) else {
                continue;
            };
            let mut owner: BTreeMap<String, String> = BTreeMap::new();
            for (name, forms) in lists {
                for pattern in forms.as_array().unwrap() {
                    let pattern = pattern.as_str().unwrap();
                    for form in expand(pattern).unwrap() {
                        let folded = fold_form(&form);
                        let list = format!("{table}.{name}");
                        if let Some(first) = owner.insert(folded.clone(), list.clone())
                            && first != list
                        {
                            problems.push(format!("{path}: {folded:?} in {first} and {list}"));
                        }
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
