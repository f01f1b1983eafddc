//! `brieflint check`.

use std::io::IsTerminal;

use std::io::Write;

use super::workspace::{self, Request};
use super::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};
use crate::baseline::{Baseline, Recorder};
use crate::batch::FileResult;
use crate::changed::ChangedLines;
use crate::cli::{CheckArgs, ColorChoice};
use crate::finding::Severity;
use crate::fix;
use crate::report::{self, Format, HumanOptions, Totals};
use crate::vocab::Lang;

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
    let mut baseline = match args.baseline.as_deref().map(Baseline::load).transpose() {
        Ok(baseline) => baseline,
        Err(err) => {
            eprintln!("error: {err}");
            return EXIT_ERROR;
        }
    };
    let changed = match args
        .changed_since
        .as_deref()
        .map(ChangedLines::since)
        .transpose()
    {
        Ok(changed) => changed,
        Err(err) => {
            eprintln!("error: {err}");
            return EXIT_ERROR;
        }
    };
    let mut recorder = args.write_baseline.as_ref().map(|_| Recorder::default());
    let mut reporter = report::reporter(args.format, &human);
    let mut totals = Totals::default();
    let mut fails = false;
    let mut fix_failed = false;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut write_error = None;
    let result = workspace::run(&request, &mut |mut file| {
        if let Some(recorder) = &mut recorder {
            recorder.record(&file);
        }
        if let Some(baseline) = &mut baseline {
            baseline.filter(&mut file);
        }
        if let Some(changed) = &changed {
            changed.filter(&mut file);
        }
        let diff = match args.fix.then(|| fix_file(&mut file, args.diff)) {
            Some(Ok(diff)) => diff,
            Some(Err(())) => {
                fix_failed = true;
                None
            }
            None => None,
        };
        totals.add(&file);
        let level = args.deny.or(file.config.deny).unwrap_or(Severity::Error);
        fails |= file.findings.iter().any(|f| f.severity >= level);
        let written = if args.diff {
            out.write_all(diff.unwrap_or_default().as_bytes())
        } else {
            reporter.file(&file, &mut out)
        };
        match written {
            Ok(()) => true,
            Err(err) => {
                write_error = Some(err);
                false
            }
        }
    });
    let errors = match result {
        Ok(errors) => errors,
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
    totals.unreadable = errors.len();
    if let (Some(recorder), Some(path)) = (recorder, &args.write_baseline)
        && let Err(err) = recorder.write(path)
    {
        eprintln!("error: cannot write the baseline {}: {err}", path.display());
        return EXIT_ERROR;
    }
    if args.format != Format::Json {
        for error in &errors {
            eprintln!("error: {}: {}", error.path, error.message);
        }
    }
    if write_error.is_none() && !args.diff {
        write_error = reporter.finish(&errors, &totals, &mut out).err();
    }
    if let Err(err) = super::unless_closed(write_error.map_or_else(|| out.flush(), Err)) {
        eprintln!("error: cannot write the report: {err}");
        return EXIT_ERROR;
    }
    if fix_failed || !errors.is_empty() {
        EXIT_ERROR
    } else if fails && !args.diff {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

/// Applies the safe fixes of one file and drops the findings that were fixed; with
/// `diff_only`, writes nothing and returns the changes as a unified diff instead.
fn fix_file(file: &mut FileResult, diff_only: bool) -> Result<Option<String>, ()> {
    let source = file.analysis.doc.source.clone();
    let Some(path) = source.path.as_deref() else {
        return Ok(None);
    };
    let (fixed, count) = fix::apply(&source.text, &file.findings);
    if count == 0 {
        return Ok(None);
    }
    if diff_only {
        return Ok(Some(fix::diff(&source.name, &source.text, &fixed)));
    }
    match fix::write(&source, path, &fixed) {
        Ok(()) => {
            eprintln!(
                "fixed {count} finding{} in {}",
                if count == 1 { "" } else { "s" },
                source.name
            );
            file.findings.retain(|f| f.fix.is_none());
            Ok(None)
        }
        Err(err) => {
            eprintln!("error: {err}");
            Err(())
        }
    }
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
