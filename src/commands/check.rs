//! `brieflint check`.

use std::io::IsTerminal;

use super::workspace::{self, Request};
use super::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, print};
use crate::baseline;
use crate::batch::BatchResult;
use crate::cli::{CheckArgs, ColorChoice};
use crate::document::Lang;
use crate::finding::Severity;
use crate::fix;
use crate::report::{self, Format, HumanOptions};

pub fn run(args: CheckArgs) -> u8 {
    if let Some(threads) = args.threads {
        // Fails only if a pool already exists, which cannot happen this early.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(threads.max(1))
            .build_global();
    }
    let human = HumanOptions {
        color: use_color(args.color),
        width: terminal_width(),
    };
    let request = Request {
        paths: &args.paths,
        brief: args.brief.as_deref(),
        stdin_filename: &args.stdin_filename,
        config: args.config.as_deref(),
        lang: args.lang.as_deref().and_then(Lang::from_code),
        progress: None,
    };
    let result = match workspace::run(&request) {
        Ok(result) => result,
        Err(err) => {
            eprint!(
                "{}",
                report::render(
                    &err,
                    &HumanOptions {
                        color: human.color && std::io::stderr().is_terminal(),
                        ..human
                    }
                )
            );
            return EXIT_ERROR;
        }
    };
    let mut result = result;
    if let Some(path) = &args.write_baseline
        && let Err(err) = baseline::write(&result, path)
    {
        eprintln!("error: cannot write the baseline {}: {err}", path.display());
        return EXIT_ERROR;
    }
    if let Some(path) = &args.baseline
        && let Err(err) = baseline::apply(&mut result, path)
    {
        eprintln!("error: {err}");
        return EXIT_ERROR;
    }
    let fix_failed = args.fix && fix_files(&mut result, args.diff).is_err();
    if args.diff {
        return if fix_failed { EXIT_ERROR } else { EXIT_CLEAN };
    }
    if args.format != Format::Json {
        for error in &result.errors {
            eprintln!("error: {}: {}", error.path, error.message);
        }
    }
    if let Err(err) = print(|out| report::write(args.format, &result, &human, out)) {
        eprintln!("error: cannot write the report: {err}");
        return EXIT_ERROR;
    }
    if fix_failed {
        return EXIT_ERROR;
    }
    exit_code(&result, args.deny)
}

/// 2 if a file could not be checked, else 1 if a finding reaches the failing level (the
/// command line's, else each file's configuration, else error), else 0.
pub fn exit_code(result: &BatchResult, deny: Option<Severity>) -> u8 {
    if !result.errors.is_empty() {
        return EXIT_ERROR;
    }
    let fails = result.files.iter().any(|file| {
        let level = deny.or(file.config.deny).unwrap_or(Severity::Error);
        file.findings.iter().any(|f| f.severity >= level)
    });
    if fails { EXIT_FINDINGS } else { EXIT_CLEAN }
}

/// Applies safe fixes to every file (or prints them as a diff), and drops the findings
/// that were fixed from the report.
fn fix_files(result: &mut BatchResult, diff_only: bool) -> Result<(), ()> {
    let mut diffs = String::new();
    let mut failed = false;
    for file in &mut result.files {
        let source = file.analysis.doc.source.clone();
        let Some(path) = source.path.as_deref() else {
            continue;
        };
        let (fixed, count) = fix::apply(&source.text, &file.findings);
        if count == 0 {
            continue;
        }
        if diff_only {
            diffs.push_str(&fix::diff(&source.name, &source.text, &fixed));
            continue;
        }
        match fix::write(&source, path, &fixed) {
            Ok(()) => {
                eprintln!(
                    "fixed {count} finding{} in {}",
                    if count == 1 { "" } else { "s" },
                    source.name
                );
                file.findings.retain(|f| f.fix.is_none());
            }
            Err(err) => {
                eprintln!("error: {err}");
                failed = true;
            }
        }
    }
    if diff_only && print(|out| out.write_all(diffs.as_bytes())).is_err() {
        return Err(());
    }
    if failed { Err(()) } else { Ok(()) }
}

pub(super) fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

pub(super) fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|&w| w >= 40)
        .unwrap_or(100)
}
