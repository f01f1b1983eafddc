//! Command-line interface (clap derive).

use std::path::PathBuf;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::finding::Severity;
use crate::report::Format;
use crate::vocab::{Lang, RuleId};

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
    /// Compare a proposal with its brief, side by side: each brief KPI's target against the
    /// proposal's figure, then budget, timing and funnel stage (exit 1 on a conflict).
    Compare(CompareArgs),
    /// Audit an archive: lint every brief and proposal and summarise (density of jargon,
    /// top terms, objective stages, mismatched pairs, worst files).
    Audit(AuditArgs),
    /// List the rules.
    Rules,
    /// Print a rule's documentation, with a bad and a good example.
    Explain {
        /// Rule id, e.g. objective-mismatch.
        #[arg(value_parser = rule_ids())]
        rule: RuleId,
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

    /// Language of documents that do not say (front matter `lang:` always wins): en, fr,
    /// ru or uk (or the language's name).
    #[arg(long, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<Lang>,

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

    /// Apply the configuration's `exclude` to files named on the command line too (as a
    /// pre-commit hook does, which names every changed file).
    #[arg(long)]
    pub force_exclude: bool,

    /// Skip files larger than this many bytes (suffixes K, M, G), with an error.
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = parse_size)]
    pub max_file_size: u64,

    /// Number of threads (default, or 0: one per core).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

/// `--lang`: the one language-name parser, shared with the configuration.
fn parse_lang(value: &str) -> Result<Lang, String> {
    Lang::from_code(value).ok_or_else(|| {
        format!("unknown language {value:?}: use en, fr, ru or uk (or english, français, русский, українська)")
    })
}

/// The rules, offered by name with their summaries (shells complete `explain RULE` from
/// them).
fn rule_ids() -> impl TypedValueParser<Value = RuleId> {
    PossibleValuesParser::new(
        crate::rules::RULES
            .iter()
            .map(|rule| PossibleValue::new(rule.id.name()).help(rule.summary)),
    )
    .try_map(|name| RuleId::from_name(&name).ok_or("unknown rule"))
}

/// `--max-file-size`: bytes, or with a K, M or G suffix (powers of 1024).
fn parse_size(value: &str) -> Result<u64, String> {
    let value = value.trim();
    let (digits, unit) = match value.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((at, _)) => value.split_at(at),
        None => (value, ""),
    };
    let shift = match unit.trim().to_ascii_uppercase().trim_end_matches('B') {
        "" => 0,
        "K" => 10,
        "M" => 20,
        "G" => 30,
        _ => return Err(format!("{value:?} is not a size (e.g. 64M, 500K, 1G)")),
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(1 << shift))
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("{value:?} is not a size (e.g. 64M, 500K, 1G)"))
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The client brief.
    #[arg(value_name = "BRIEF")]
    pub brief: PathBuf,

    /// The agency proposal that answers it.
    #[arg(value_name = "PROPOSAL")]
    pub proposal: PathBuf,

    /// Output format: a table for the terminal, a GitHub Markdown table, or JSON.
    #[arg(long, value_enum, default_value_t = CompareFormat::Human)]
    pub format: CompareFormat,

    /// Use this configuration file instead of looking for brieflint.toml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Language of documents that do not say: en, fr, ru or uk.
    #[arg(long, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<Lang>,
}

/// Output formats of `brieflint compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    Human,
    Markdown,
    Json,
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
        #[arg(long, value_name = "LANG", value_parser = parse_lang)]
        lang: Option<Lang>,
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
