//! `brieflint init`, `brieflint completions SHELL`, `brieflint man`.

use std::path::Path;

use clap::CommandFactory;

use super::{EXIT_CLEAN, EXIT_ERROR, print};
use crate::cli::Cli;
use crate::config;

pub fn init(force: bool) -> u8 {
    let path = Path::new(config::FILE_NAME);
    if path.exists() && !force {
        eprintln!(
            "error: {} already exists (use --force to overwrite it)",
            config::FILE_NAME
        );
        return EXIT_ERROR;
    }
    match std::fs::write(path, config::STARTER) {
        Ok(()) => {
            eprintln!("wrote {}", config::FILE_NAME);
            EXIT_CLEAN
        }
        Err(err) => {
            eprintln!("error: cannot write {}: {err}", config::FILE_NAME);
            EXIT_ERROR
        }
    }
}

pub fn completions(shell: clap_complete::Shell) -> u8 {
    let mut command = Cli::command();
    let result = print(|out| {
        clap_complete::generate(shell, &mut command, "brieflint", out);
        Ok(())
    });
    if result.is_ok() {
        EXIT_CLEAN
    } else {
        EXIT_ERROR
    }
}

pub fn man() -> u8 {
    let result = print(|out| clap_mangen::Man::new(Cli::command()).render(out));
    if result.is_ok() {
        EXIT_CLEAN
    } else {
        EXIT_ERROR
    }
}
