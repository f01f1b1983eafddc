//! Command-line interface (clap derive).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::finding::Severity;
use crate::report::Format;

/// Lint marketing briefs and agency proposals: jargon, and proposals that answer the wrong brief.
#[derive(Debug, Parser)]
#[command(name = "brieflint", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check Markdown briefs and proposals.
    Check(CheckArgs),
    /// Audit an archive: lint every brief and proposal and summarise (density of jargon,
    /// top terms, objective stages, mismatched pairs, worst files).
    Audit(AuditArgs),
    /// List the rules.
    Rules,
    /// Print a rule's documentation, with a bad and a good example.
    Explain {
        /// Rule id, e.g. objective-mismatch.
        rule: String,
    },
    /// Write a commented starter brieflint.toml in the current folder.
    Init {
        /// Overwrite an existing brieflint.toml.
        #[arg(long)]
        force: bool,
    },
    /// Work with the embedded dictionaries.
    #[command(subcommand)]
    Dict(DictCommand),
    /// Print a shell completion script.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    Man,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files and directories to check (directories: *.md and *.markdown, recursively,
    /// honouring .gitignore); `-` reads standard input.
    #[arg(value_name = "PATH", default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// The client brief the given proposals answer (it is checked too).
    #[arg(long, value_name = "FILE")]
    pub brief: Option<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Name to report for standard input.
    #[arg(long, value_name = "NAME", default_value = "<stdin>")]
    pub stdin_filename: String,

    /// Fail (exit 1) on findings of this severity or worse [default: the configuration's
    /// `deny`, else error].
    #[arg(long, value_enum)]
    pub deny: Option<Severity>,

    /// Use this configuration file instead of looking for brieflint.toml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Language of documents that do not say (front matter `lang:` always wins).
    #[arg(long, value_parser = ["en", "fr", "ru", "uk"])]
    pub lang: Option<String>,

    /// When to use colour in human output (NO_COLOR is honoured).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Replace jargon with its plain replacement where that is safe (entries marked `fix`).
    #[arg(long)]
    pub fix: bool,

    /// With --fix: print the changes as a unified diff and write nothing.
    #[arg(long, requires = "fix")]
    pub diff: bool,

    /// Report only findings not recorded in this baseline file.
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    pub baseline: Option<PathBuf>,

    /// Record today's findings in this baseline file (and report them as usual).
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,

    /// Report only findings on lines changed since this git revision (e.g. origin/main):
    /// lines edited in the working tree or in commits since then, and new files.
    #[arg(long, value_name = "REV")]
    pub changed_since: Option<String>,

    /// Number of threads (default: one per core).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

#[derive(Debug, Subcommand)]
pub enum DictCommand {
    /// Print the jargon entries as JSON (term, language, category, replacements, reason,
    /// forms), or with --terms every form brieflint matches, one per line.
    Export {
        /// One form per line (braces expanded), e.g. for `rg -F -i -f`.
        #[arg(long)]
        terms: bool,
        /// Only this language's dictionary.
        #[arg(long, value_parser = ["en", "fr", "ru", "uk"])]
        lang: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct AuditArgs {
    /// Folders (or files) to audit.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,

    /// Format of the summary on standard output.
    #[arg(long, value_enum, default_value_t = AuditFormat::Human)]
    pub format: AuditFormat,

    /// Also write a self-contained HTML report (charts included) to this file.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,

    /// Use this configuration file instead of looking for brieflint.toml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Number of threads (default: one per core).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

/// Output formats of `brieflint audit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AuditFormat {
    Human,
    Json,
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}
