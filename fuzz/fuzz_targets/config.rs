//! `brieflint.toml` parsing on arbitrary text, as a configuration found in a repository:
//! nothing may panic, every error must render, and an error about a file that did not
//! parse as a configuration must carry none of its text to quote.
//!
//! The configuration's folder does not exist, so the dictionaries it names are refused
//! (outside it) or missing (inside it): no file of the machine is ever read.

#![no_main]

use std::path::Path;

use brieflint::config::{Config, ConfigError, Trust};
use brieflint::report::{HumanOptions, render};
use libfuzzer_sys::fuzz_target;
use miette::Diagnostic;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new("/nonexistent/brieflint-fuzz/brieflint.toml");
    let Err(err) = Config::parse(path, text, Trust::Found) else {
        return;
    };
    let shown = render(
        &err,
        &HumanOptions {
            color: false,
            width: 80,
        },
    );
    assert!(!shown.is_empty());
    if let ConfigError::Unrecognised { .. } = err {
        assert!(
            err.source_code().is_none(),
            "an unrecognised file can be quoted"
        );
    }
});
