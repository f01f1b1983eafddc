use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    brieflint::commands::run(brieflint::cli::Cli::parse())
}
