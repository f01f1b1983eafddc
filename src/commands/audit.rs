//! `brieflint audit`: the batch audit of an archive.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use super::say;
use super::workspace::{self, Request};
use super::{EXIT_CLEAN, EXIT_ERROR, print};
use crate::audit::{self, Tally};
use crate::cli::{AuditArgs, AuditFormat};
use crate::engine::Engine;
use crate::project::Locator;
use crate::report::{self, HumanOptions};

/// Below this many files a run is short: no progress bar.
const PROGRESS_FROM: usize = 200;

pub fn run(args: AuditArgs) -> u8 {
    super::set_threads(args.threads);
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::hidden();
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {pos} files analysed ({per_sec})")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        bar
    });
    let seen = AtomicUsize::new(0);
    let tick = || {
        let count = seen.fetch_add(1, Ordering::Relaxed) + 1;
        if let Some(bar) = &bar {
            if count == PROGRESS_FROM {
                bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
                bar.set_position(count as u64);
            } else if count > PROGRESS_FROM {
                bar.inc(1);
            }
        }
    };
    let request = Request {
        paths: &args.paths,
        brief: None,
        stdin_filename: "<stdin>",
        config: args.config.as_deref(),
        lang: None,
        force_exclude: false,
        max_file_size: crate::input::DEFAULT_MAX_BYTES,
        progress: Some(&tick),
    };
    let mut tally = Tally::default();
    let result = workspace::run(&request, &Engine::default(), &|_| (), &mut |file, ()| {
        tally.add(&file);
        true
    });
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let errors = match result {
        Ok(outcome) => outcome.errors,
        Err(err) => {
            let options = HumanOptions {
                color: std::io::stderr().is_terminal(),
                width: super::check::terminal_width(),
            };
            super::eprint_text(format_args!("{}", report::render(&err, &options)));
            return EXIT_ERROR;
        }
    };
    for error in &errors {
        say!("error: {}: {}", error.path, error.message);
    }
    let summary = tally.summary(errors.len());
    if let Some(path) = &args.html
        && let Err(err) = std::fs::write(path, html(&summary, path, &args.paths))
    {
        say!("error: cannot write {}: {err}", path.display());
        return EXIT_ERROR;
    }
    let written = print(|out| match args.format {
        AuditFormat::Human => audit::write_text(&summary, out),
        AuditFormat::Json => audit::write_json(&summary, out),
        AuditFormat::Csv => audit::write_csv(&summary, out),
    });
    if written.is_err() || !errors.is_empty() {
        EXIT_ERROR
    } else {
        EXIT_CLEAN
    }
}

/// The HTML report to write at `path`, made now from `sources`.
fn html(summary: &audit::Summary, path: &Path, sources: &[PathBuf]) -> String {
    let locator = Locator::new();
    // The folder the report is written in, "." for a bare file name.
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let provenance = audit::Provenance {
        made: audit::timestamp(now()),
        sources: sources.iter().map(|s| locator.absolute(s)).collect(),
    };
    audit::html(summary, &locator.absolute(folder), &provenance)
}

/// Seconds since the Unix epoch: `SOURCE_DATE_EPOCH` when set (reproducible builds'
/// convention, so a report can be made again byte for byte), else the clock.
fn now() -> u64 {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs())
        })
}
