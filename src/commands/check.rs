//! `brieflint check`.

use std::io::{IsTerminal, Write};

use super::say;
use super::workspace::{self, Failure, Request};
use super::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};
use crate::baseline::{Baseline, Recorder};
use crate::changed::ChangedLines;
use crate::cli::{CheckArgs, ColorChoice};
use crate::engine::{Engine, FileResult, FixMode};
use crate::finding::Severity;
use crate::report::{self, Format, HumanOptions, Totals, Written};

pub fn run(args: CheckArgs) -> u8 {
    super::set_threads(args.threads);
    let human = HumanOptions {
        color: use_color(args.color),
        width: terminal_width(),
    };
    let stdin_fix = args.fix && args.paths.iter().any(|p| p.as_os_str() == "-");
    let request = Request {
        paths: &args.paths,
        brief: args.brief.as_deref(),
        stdin_filename: &args.stdin_filename,
        config: args.config.as_deref(),
        lang: args.lang,
        force_exclude: args.force_exclude,
        max_file_size: args.max_file_size,
        progress: None,
    };
    let engine = match engine(&args) {
        Ok(engine) => engine,
        Err(message) => {
            say!("error: {message}");
            return EXIT_ERROR;
        }
    };
    let mut recorder = args.write_baseline.as_ref().map(|_| Recorder::default());
    // With `--fix -` the fixed text (or its diff) is the output: findings go to stderr.
    let mut out: Box<dyn Write> = if stdin_fix {
        Box::new(std::io::BufWriter::new(std::io::stderr().lock()))
    } else {
        Box::new(std::io::BufWriter::new(std::io::stdout().lock()))
    };
    let reporter = report::reporter(args.format, &human);
    let mut state = Written::default();
    // Each file's part of the report is rendered on the worker that checked it; this
    // thread only writes.
    let diff = args.diff;
    let render = |file: &FileResult| {
        let mut rendered = Vec::new();
        if !diff {
            reporter.render(file, &mut rendered)?;
        }
        Ok(rendered)
    };
    let mut totals = Totals::default();
    let mut fails = false;
    let mut fix_failed = false;
    let mut write_error = None;
    // A closed output (`--fix | head -1`) does not stop the fixes: the files are what the
    // user asked for; the report is only a view of them.
    let keep_going = engine.fix == FixMode::Write;
    let result = workspace::run(&request, &engine, &render, &mut |file, rendered| {
        if let Some(recorder) = &mut recorder {
            recorder.record(&file);
        }
        totals.add(&file);
        let level = args.deny.or(file.config.deny).unwrap_or(Severity::Error);
        fails |= file.findings.iter().any(|f| f.severity >= level);
        if let Some(fix) = &file.fix {
            if let Some(error) = &fix.error {
                say!("error: {error}");
                fix_failed = true;
            } else if fix.fixed > 0 && engine.fix == FixMode::Write {
                let plural = if fix.fixed == 1 { "" } else { "s" };
                say!(
                    "fixed {} finding{plural} in {}",
                    fix.fixed,
                    file.analysis.path_name()
                );
            }
        }
        if write_error.is_some() {
            // The output is gone: the rest of the report is not written.
            return keep_going;
        }
        let mut written = Ok(());
        if let Some(fix) = &file.fix {
            written = match (&fix.diff, &fix.text) {
                (Some(diff), _) if stdin_fix => super::print(|o| o.write_all(diff.as_bytes())),
                (Some(diff), _) => out.write_all(diff.as_bytes()),
                (None, Some(text)) if !args.diff => super::print(|o| o.write_all(text.as_bytes())),
                _ => Ok(()),
            };
        }
        if written.is_ok() && !args.diff {
            written = rendered.and_then(|r| reporter.write(&mut state, &file, &r, &mut out));
        }
        match written {
            Ok(()) => true,
            Err(err) => {
                write_error = Some(err);
                keep_going
            }
        }
    });
    let outcome = match result {
        Ok(outcome) => outcome,
        Err(Failure::Usage(message)) => {
            say!("error: {message}");
            return EXIT_ERROR;
        }
        Err(err) => {
            let options = HumanOptions {
                color: human.color && std::io::stderr().is_terminal(),
                ..human
            };
            super::eprint_text(format_args!("{}", report::render(&err, &options)));
            return EXIT_ERROR;
        }
    };
    if outcome.nothing_found {
        let paths: Vec<String> = args.paths.iter().map(|p| p.display().to_string()).collect();
        say!(
            "warning: no Markdown files (*.md, *.markdown) found in {}",
            paths.join(", ")
        );
    }
    totals.unreadable = outcome.errors.len();
    if let (Some(recorder), Some(path)) = (recorder, &args.write_baseline)
        && let Err(err) = recorder.write(path)
    {
        say!("error: cannot write the baseline {}: {err}", path.display());
        return EXIT_ERROR;
    }
    if args.format != Format::Json {
        for error in &outcome.errors {
            say!("error: {}: {}", error.path, error.message);
        }
    }
    if write_error.is_none() && !args.diff {
        write_error = reporter
            .finish(&state, &outcome.errors, &totals, &mut out)
            .err();
    }
    if let Err(err) = super::unless_closed(write_error.map_or_else(|| out.flush(), Err)) {
        say!("error: cannot write the report: {err}");
        return EXIT_ERROR;
    }
    if fix_failed || !outcome.errors.is_empty() {
        EXIT_ERROR
    } else if fails && !args.diff {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

/// The filters after the rules, from the arguments.
fn engine(args: &CheckArgs) -> Result<Engine, String> {
    Ok(Engine {
        baseline: args.baseline.as_deref().map(Baseline::load).transpose()?,
        changed: args
            .changed_since
            .as_deref()
            .map(ChangedLines::since)
            .transpose()?,
        fix: match (args.fix, args.diff) {
            (false, _) => FixMode::Off,
            (true, true) => FixMode::Diff,
            (true, false) => FixMode::Write,
        },
        record: args.write_baseline.is_some(),
    })
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
