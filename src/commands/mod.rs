//! Subcommands: each turns parsed arguments into work and an exit code.

mod audit;
mod check;
mod compare;
mod dict;
mod explain;
mod setup;
mod workspace;

use std::io::{self, Write};
use std::process::ExitCode;

use crate::cli::{Cli, Command, DictCommand};

/// Exit codes: 0 clean, 1 findings that fail, 2 usage or I/O error.
pub const EXIT_CLEAN: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

pub fn run(cli: Cli) -> ExitCode {
    let code = match cli.command {
        Command::Check(args) => check::run(args),
        Command::Compare(args) => compare::run(args),
        Command::Audit(args) => audit::run(args),
        Command::Rules => explain::list(),
        Command::Explain { rule } => explain::explain(rule),
        Command::Init { force } => setup::init(force),
        Command::Dict(DictCommand::Export { terms, lang }) => dict::export(terms, lang),
        Command::Completions { shell } => setup::completions(shell),
        Command::Man => setup::man(),
    };
    ExitCode::from(code)
}

/// Most threads `--threads` gets: more only queue for the same cores (and once took 45 s
/// where two did it in one).
const MAX_THREADS_PER_CORE: usize = 4;

/// Sizes the thread pool: `--threads N` (0: one per core, the default), at most four per
/// core.
pub fn set_threads(requested: Option<usize>) {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let threads = match requested {
        None | Some(0) => cores,
        Some(n) if n > cores * MAX_THREADS_PER_CORE => {
            say!(
                "note: --threads {n} is more than this machine can use; using {}",
                cores * MAX_THREADS_PER_CORE
            );
            cores * MAX_THREADS_PER_CORE
        }
        Some(n) => n,
    };
    // Fails only if a pool already exists, which cannot happen this early.
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build_global();
}

/// Writes to standard output; a closed pipe (`brieflint … | head`) ends the output quietly.
pub fn print(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<(), io::Error> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    unless_closed(write(&mut out).and_then(|_| out.flush()))
}

/// Writes to standard error. What cannot be written (`--fix 2>&1 | head -1`) is dropped:
/// `eprintln!` would panic and stop the run halfway through its fixes.
pub fn eprint_text(text: std::fmt::Arguments<'_>) {
    let _ = io::stderr().write_fmt(text);
}

/// `eprintln!` that never panics: see [`eprint_text`].
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::commands::eprint_text(format_args!("{}\n", format_args!($($arg)*)))
    };
}
pub(crate) use say;

/// A write's result, where a reader that went away (`| head`) is not an error.
pub fn unless_closed(result: io::Result<()>) -> io::Result<()> {
    match result {
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}
