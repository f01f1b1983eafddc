//! `brieflint.toml` parsing on arbitrary text, as a configuration found in a repository:
//! nothing may panic, every error must render, and an error about a file that did not
//! parse as a configuration must quote none of it.
//!
//! The configuration's folder does not exist, so the dictionaries it names are refused
//! (outside it) or missing (inside it): no file of the machine is ever read.

#![no_main]

use std::path::Path;

use brieflint::config::{Config, ConfigError, Trust};
use brieflint::report::{HumanOptions, render};
use libfuzzer_sys::fuzz_target;

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
    if let ConfigError::Unrecognised { .. } = err {
        for line in text.lines().filter(|line| line.trim().len() > 12) {
            assert!(
                !shown.contains(line),
                "quoted {line:?} of an unrecognised file"
            );
        }
    }
});
