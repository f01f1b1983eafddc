//! Dictionary compilation on an arbitrary user file, as configuration hands it over: the
//! user checks (form cap, duplicate terms), then compilation beside the built-in taxonomy,
//! then matching. Nothing may panic, every error must render, and every match must be a
//! valid slice of the text.
//!
//! The first byte chooses the file's role: even, a jargon dictionary; odd, KPI vocabulary.

#![no_main]

use brieflint::dictionary::{self, Dictionaries, DictionarySet, Source};
use brieflint::report::{HumanOptions, render};
use brieflint::text::fold::fold;
use brieflint::vocab::Lang;
use libfuzzer_sys::fuzz_target;

const TEXT: &str = "We will leverage synergies to drive ROAS, CPA and brand awareness. \
                    Nous allons booster le ROI. Мы увеличим охват и конверсию.";

fuzz_target!(|data: &[u8]| {
    let Some((&role, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let user = vec![Source::new("user.toml", text)];
    let (jargon, kpi) = if role % 2 == 0 {
        (user, Vec::new())
    } else {
        (Vec::new(), user)
    };
    let options = HumanOptions {
        color: false,
        width: 80,
    };
    if let Err(err) = dictionary::check_user(&jargon, &kpi) {
        render(&err, &options);
        return;
    }
    let set = DictionarySet {
        taxonomy: DictionarySet::embedded().taxonomy,
        jargon,
        kpi,
        ..DictionarySet::default()
    };
    let dicts = match Dictionaries::compile(&set) {
        Ok(dicts) => dicts,
        Err(err) => {
            render(&err, &options);
            return;
        }
    };
    let folded = fold(TEXT);
    let valid = |range: std::ops::Range<usize>| {
        assert!(folded.text.get(range.clone()).is_some(), "folded {range:?}");
        let original = folded.original_range(range);
        assert!(
            TEXT.get(original.clone()).is_some(),
            "original {original:?}"
        );
    };
    for lang in Lang::ALL {
        for hit in dicts.find_jargon(lang, TEXT, &folded) {
            valid(hit.folded);
        }
        for hit in dicts.find(lang, TEXT, &folded, |pack| &pack.kpi) {
            valid(hit.folded);
        }
    }
});
