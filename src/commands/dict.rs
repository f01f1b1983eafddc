//! `brieflint dict export`: the embedded jargon dictionaries, for other tools.

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use super::say;
use super::{EXIT_CLEAN, EXIT_ERROR, print};
use crate::dictionary::{Dictionaries, DictionarySet, jargon_forms};
use crate::vocab::Lang;

#[derive(Serialize)]
struct EntryJson<'a> {
    term: &'a str,
    lang: Lang,
    category: crate::dictionary::Category,
    replace: &'a [String],
    reason: &'a str,
    fix: bool,
    forms: Vec<&'a str>,
}

pub fn export(terms_only: bool, lang: Option<Lang>) -> u8 {
    let forms = match jargon_forms(&DictionarySet::embedded()) {
        Ok(forms) => forms,
        Err(err) => {
            say!("error: {err}");
            return EXIT_ERROR;
        }
    };
    let forms: Vec<(Lang, String, String)> = forms
        .into_iter()
        .filter(|(l, _, _)| lang.is_none_or(|wanted| *l == wanted))
        .collect();
    let written = if terms_only {
        let unique: BTreeSet<&str> = forms.iter().map(|(_, _, form)| form.as_str()).collect();
        print(|out| {
            for form in unique {
                writeln!(out, "{form}")?;
            }
            Ok(())
        })
    } else {
        let mut forms_of: HashMap<(Lang, &str), Vec<&str>> = HashMap::new();
        for (lang, term, form) in &forms {
            forms_of.entry((*lang, term)).or_default().push(form);
        }
        let entries: Vec<EntryJson> = Dictionaries::embedded()
            .entries()
            .filter(|e| lang.is_none_or(|wanted| e.lang == wanted))
            .map(|e| EntryJson {
                term: &e.term,
                lang: e.lang,
                category: e.category,
                replace: &e.replace,
                reason: &e.reason,
                fix: e.fix,
                forms: forms_of
                    .remove(&(e.lang, e.term.as_str()))
                    .unwrap_or_default(),
            })
            .collect();
        print(|out| {
            serde_json::to_writer_pretty(&mut *out, &entries)?;
            writeln!(out)
        })
    };
    if written.is_ok() {
        EXIT_CLEAN
    } else {
        EXIT_ERROR
    }
}
