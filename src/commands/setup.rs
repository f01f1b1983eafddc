//! `brieflint init`, `brieflint completions SHELL`, `brieflint man`.

use std::io::{self, Write};
use std::path::Path;

use clap::CommandFactory;
use clap_complete::Shell;
use clap_mangen::Man;
use clap_mangen::roff::{Inline, Roff, bold, italic, roman};

use super::say;
use super::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, print};
use crate::cli::Cli;
use crate::config;
use crate::rules::RULES;

pub fn init(force: bool) -> u8 {
    let path = Path::new(config::FILE_NAME);
    if path.exists() && !force {
        say!(
            "error: {} already exists (use --force to overwrite it)",
            config::FILE_NAME
        );
        return EXIT_ERROR;
    }
    match std::fs::write(path, config::STARTER) {
        Ok(()) => {
            say!("wrote {}", config::FILE_NAME);
            EXIT_CLEAN
        }
        Err(err) => {
            say!("error: cannot write {}: {err}", config::FILE_NAME);
            EXIT_ERROR
        }
    }
}

/// The command's name in completion scripts and the man page.
const BIN: &str = "brieflint";

pub fn completions(shell: Shell) -> u8 {
    let mut command = Cli::command();
    let result = print(|out| {
        clap_complete::generate(shell, &mut command, BIN, out);
        if shell == Shell::Fish {
            fish_positional_values(&command, out)?;
        }
        Ok(())
    });
    if result.is_ok() {
        EXIT_CLEAN
    } else {
        EXIT_ERROR
    }
}

/// clap_complete's fish script completes options only: this adds the values of the
/// subcommands' arguments (`explain RULE`, `completions SHELL`), as bash and zsh have them.
fn fish_positional_values(command: &clap::Command, out: &mut dyn Write) -> io::Result<()> {
    let quote = |text: &str| text.replace('\\', "\\\\").replace('\'', "\\'");
    for sub in command.get_subcommands() {
        for arg in sub.get_positionals() {
            let values: Vec<String> = arg
                .get_possible_values()
                .iter()
                .filter(|value| !value.is_hide_set())
                .map(|value| {
                    let help = value
                        .get_help()
                        .map(ToString::to_string)
                        .unwrap_or_default();
                    format!("{}\\t'{}'", value.get_name(), quote(&help))
                })
                .collect();
            if !values.is_empty() {
                writeln!(
                    out,
                    "complete -c {BIN} -n \"__fish_{BIN}_using_subcommand {}\" -f -a \"{}\"",
                    sub.get_name(),
                    values.join("\n")
                )?;
            }
        }
    }
    Ok(())
}

pub fn man() -> u8 {
    let result = print(|out| out.write_all(man_page().as_bytes()));
    if result.is_ok() {
        EXIT_CLEAN
    } else {
        EXIT_ERROR
    }
}

/// The whole manual on one page. clap_mangen renders one page per command, and its list of
/// subcommands names pages (`brieflint-check(1)`) that nothing installs: `brieflint man` is
/// how the page reaches users, so each command is a subsection here instead.
fn man_page() -> String {
    let mut root = Cli::command().bin_name(BIN);
    root.build();
    let man = Man::new(root.clone());
    // roff's preamble once, then every section without it.
    let mut page = Roff::new().render();
    page += &rendered(|w| man.render_title(w), true);
    page += &rendered(|w| man.render_name_section(w), true);
    page += &rendered(|w| man.render_synopsis_section(w), true);
    page += &rendered(|w| man.render_description_section(w), true);
    page += &rendered(|w| man.render_options_section(w), true);
    page += ".SH COMMANDS\n";
    for command in leaves(&root) {
        let name = command.get_bin_name().unwrap_or(command.get_name());
        let sub = Man::new(command.clone());
        page += &format!(".SS \"{name}\"\n");
        page += &rendered(|w| sub.render_synopsis_section(w), false);
        page += ".PP\n";
        page += &rendered(|w| sub.render_description_section(w), false);
        page += &rendered(|w| sub.render_options_section(w), false);
    }
    page += &rendered(|w| reference_sections().to_writer(w), true);
    page += &rendered(|w| man.render_version_section(w), true);
    page
}

/// A part of the page as roff renders it, without its preamble and, for a subsection,
/// without its `.SH` heading.
fn rendered(render: impl FnOnce(&mut dyn Write) -> io::Result<()>, heading: bool) -> String {
    let mut buffer = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = render(&mut buffer);
    let preamble = Roff::new().render();
    let text = String::from_utf8_lossy(&buffer);
    text.strip_prefix(preamble.as_str())
        .unwrap_or(&text)
        .lines()
        .filter(|line| heading || !line.starts_with(".SH "))
        .flat_map(|line| [line, "\n"])
        .collect()
}

/// The commands a user types, nested ones (`dict export`) included; not clap's `help`.
fn leaves(command: &clap::Command) -> Vec<&clap::Command> {
    command
        .get_subcommands()
        .filter(|sub| sub.get_name() != "help")
        .flat_map(|sub| {
            if sub.has_subcommands() {
                leaves(sub)
            } else {
                vec![sub]
            }
        })
        .collect()
}

/// What `--help` cannot say: rules, document metadata, configuration, exit codes,
/// environment and files.
fn reference_sections() -> Roff {
    let mut roff = Roff::new();
    let item = |roff: &mut Roff, term: Vec<Inline>, text: &str| {
        roff.control("TP", []).text(term).text([roman(text)]);
    };
    roff.control("SH", ["RULES"]);
    for rule in RULES {
        let term = vec![
            bold(rule.id.name()),
            roman(format!(" ({})", rule.default_severity.name())),
        ];
        item(&mut roff, term, rule.summary);
    }
    roff.control("PP", []).text([
        bold("brieflint explain "),
        italic("RULE"),
        roman(" prints a rule's documentation, with a bad and a good example."),
    ]);

    roff.control("SH", ["FRONT MATTER"]);
    roff.text([roman(
        "A document may start with YAML (---) or TOML (+++) front matter. It is never checked; brieflint reads these keys and ignores the others (and the whole block when it does not parse):",
    )]);
    for (key, text) in [
        (
            "kind",
            "brief or proposal (else the file name, else the title, decides).",
        ),
        (
            "lang",
            "en, fr, ru or uk (or the language's name); wins over --lang and the configuration.",
        ),
        (
            "brief",
            "the brief this proposal answers, a path relative to the document.",
        ),
        (
            "client, brand, product",
            "a name or a list of names (plural keys too): the client's own names, which the jargon rule leaves alone.",
        ),
    ] {
        item(&mut roff, vec![bold(key)], text);
    }

    roff.control("SH", ["SUPPRESSIONS"]);
    roff.text([roman(
        "HTML comments silence findings; rules are separated by spaces or commas, none means every rule, and -- ends the list:",
    )]);
    for (directive, text) in [
        (
            "<!-- brieflint-disable-line RULE... -->",
            "at the end of a line: that line.",
        ),
        (
            "<!-- brieflint-disable-next-line RULE... -->",
            "the line after the comment.",
        ),
        (
            "<!-- brieflint-disable RULE... -->",
            "until <!-- brieflint-enable RULE... --> (or the end of the file).",
        ),
        ("<!-- brieflint-disable-file RULE... -->", "the whole file."),
    ] {
        item(&mut roff, vec![bold(directive)], text);
    }
    roff.control("PP", []).text([roman(
        "An unknown rule name, or a comment meant for brieflint whose directive is misspelt, silences nothing and is reported by invalid-suppression.",
    )]);

    roff.control("SH", ["CONFIGURATION"]);
    roff.text([roman(format!(
        "brieflint reads the nearest {} from each checked file's folder up to the repository root, or the file given with --config. brieflint init writes a commented one. A malformed file is an error at its line and key (exit {EXIT_ERROR}). Keys:",
        config::FILE_NAME
    ))]);
    for (key, text) in [
        (
            "deny = \"note\" | \"warning\" | \"error\"",
            "fail (exit 1) on findings of this severity or worse; default error; --deny wins.",
        ),
        (
            "lang = \"en\" | \"fr\" | \"ru\" | \"uk\"",
            "language of documents that do not declare one; --lang wins.",
        ),
        (
            "languages = [\"en\", ...]",
            "use the jargon dictionaries of these languages only (default: all four).",
        ),
        (
            "allow = [\"Term\", ...]",
            "the client's own terms: never reported as jargon.",
        ),
        (
            "exclude = [\"glob\", ...]",
            "paths to skip: globs relative to the configuration file's folder, or names matched anywhere; files named on the command line too with --force-exclude.",
        ),
        (
            "dictionaries = [\"file.toml\", ...]",
            "extra jargon dictionaries, in the schema of the built-in ones, relative to the configuration file.",
        ),
        (
            "kpi = [\"file.toml\", ...]",
            "extra KPI vocabulary, likewise.",
        ),
        (
            "[rules] RULE = \"off\" | \"warning\" | \"error\"",
            "a rule's level.",
        ),
    ] {
        item(&mut roff, vec![bold(key)], text);
    }

    roff.control("SH", ["EXIT STATUS"]);
    for (code, text) in [
        (
            EXIT_CLEAN,
            "nothing at or above the deny severity (and for other commands: success).",
        ),
        (EXIT_FINDINGS, "findings at or above the deny severity."),
        (
            EXIT_ERROR,
            "usage, configuration or I/O error (an unreadable file is reported and the other files are still checked).",
        ),
    ] {
        item(&mut roff, vec![bold(code.to_string())], text);
    }

    roff.control("SH", ["ENVIRONMENT"]);
    item(
        &mut roff,
        vec![bold("NO_COLOR")],
        "when set and not empty, human output has no colour (with --color auto, the default).",
    );
    item(
        &mut roff,
        vec![bold("COLUMNS")],
        "width of the human output (default 100; under 40 is ignored).",
    );

    roff.control("SH", ["FILES"]);
    item(
        &mut roff,
        vec![bold(config::FILE_NAME)],
        "the configuration (see CONFIGURATION).",
    );
    item(
        &mut roff,
        vec![bold(".gitignore"), roman(", "), bold(".ignore")],
        "honoured when a folder is checked: files they ignore are skipped.",
    );
    item(
        &mut roff,
        vec![bold("*.md"), roman(", "), bold("*.markdown")],
        "the files checked in a folder, recursively.",
    );
    item(
        &mut roff,
        vec![italic("baseline"), roman(".json")],
        "findings recorded with --write-baseline and left out with --baseline.",
    );
    roff
}
