//! The smaller workflow items, through the binary: YAML front matter, `disable-line`,
//! misspelt directives, the man page and rule-name completion.

mod common;

use common::{brieflint, repo};

use std::fs;

use assert_cmd::Command;
use clap::CommandFactory;
use serde_json::Value;

fn stdout(cmd: &mut Command) -> String {
    String::from_utf8(cmd.output().unwrap().stdout).unwrap()
}

/// `(line, rule)` of each finding in a JSON report of one file.
fn findings(report: &Value) -> Vec<(u64, String)> {
    report["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["line"].as_u64().unwrap(),
                f["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_quoted_brief_path_with_a_hash_pairs_the_proposal() {
    let dir = repo();
    fs::create_dir(dir.path().join("client #2")).unwrap();
    fs::write(
        dir.path().join("client #2/brief.md"),
        "# Brief\n\n## Objectives\n\nGrow online sales by 20% by June.\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("plan.md"),
        "---\nkind: proposal # the answer\nbrief: \"client #2/brief.md\"\n---\n# Our plan\n\nWe grow online sales by 20% by June.\n",
    )
    .unwrap();
    let out = stdout(brieflint(dir.path()).args(["check", "--format", "json", "plan.md"]));
    let report: Value = serde_json::from_str(&out).unwrap();
    let file = &report["files"][0];
    assert_eq!(file["kind"], "proposal", "{file:#}");
    assert!(
        file["brief"]
            .as_str()
            .is_some_and(|b| b.ends_with("client #2/brief.md")),
        "{file:#}"
    );
    assert!(
        !findings(&report)
            .iter()
            .any(|(_, rule)| rule == "unpaired-proposal"),
        "{file:#}"
    );
}

#[test]
fn malformed_front_matter_is_skipped_and_the_document_still_checked() {
    let dir = repo();
    fs::write(
        dir.path().join("a.md"),
        "---\ntitle: [we leverage synergies\nkind: brief\n---\nWe will leverage our assets.\n",
    )
    .unwrap();
    let out = brieflint(dir.path())
        .args(["check", "--format", "json", "a.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(findings(&report), vec![(5, "jargon".to_string())]);
}

#[test]
fn disable_line_and_misspelt_directives() {
    let dir = repo();
    fs::write(
        dir.path().join("a.md"),
        "We will leverage our assets. <!-- brieflint-disable-line jargon -->\n\
         We will leverage our assets.\n\n\
         A holistic plan. <!-- brieflint-disable-nextline -->\n\
         A holistic plan.\n\n\
         <!-- briefing notes from Ann -->\n",
    )
    .unwrap();
    let out = stdout(brieflint(dir.path()).args(["check", "--format", "json", "a.md"]));
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        findings(&report),
        vec![
            (2, "jargon".to_string()),
            (4, "jargon".to_string()),
            (4, "invalid-suppression".to_string()),
            (5, "jargon".to_string()),
        ]
    );
    let misspelt = &report["files"][0]["findings"][2];
    assert_eq!(
        misspelt["help"], "did you mean `brieflint-disable-next-line`?",
        "{misspelt:#}"
    );
}

#[test]
fn the_man_page_covers_every_command_option_key_and_section() {
    let dir = repo();
    let page = stdout(brieflint(dir.path()).arg("man"));
    let mut cli = brieflint::cli::Cli::command().bin_name("brieflint");
    cli.build();
    let mut commands = vec![&cli];
    let mut index = 0;
    while let Some(command) = commands.get(index).copied() {
        commands.extend(command.get_subcommands().filter(|s| s.get_name() != "help"));
        index += 1;
    }
    let leaves: Vec<&str> = commands
        .iter()
        .filter(|c| !c.has_subcommands())
        .map(|c| c.get_bin_name().unwrap())
        .collect();
    assert!(leaves.contains(&"brieflint dict export"), "{leaves:?}");
    for leaf in &leaves {
        assert!(page.contains(&format!(".SS \"{leaf}\"\n")), "{leaf}");
    }
    for command in &commands {
        for arg in command.get_arguments() {
            if let Some(long) = arg.get_long() {
                let roff = format!("\\fB\\-\\-{}\\fR", long.replace('-', "\\-"));
                assert!(page.contains(&roff), "--{long} of {}", command.get_name());
            }
        }
    }
    for section in [
        "NAME",
        "SYNOPSIS",
        "DESCRIPTION",
        "OPTIONS",
        "COMMANDS",
        "RULES",
        "\"FRONT MATTER\"",
        "SUPPRESSIONS",
        "CONFIGURATION",
        "\"EXIT STATUS\"",
        "ENVIRONMENT",
        "FILES",
    ] {
        assert!(page.contains(&format!("\n.SH {section}\n")), "{section}");
    }
    // Every key the starter configuration mentions, commented out or not, and its tables.
    let (top, _) = brieflint::config::STARTER.split_once("\n[rules]").unwrap();
    let key = regex::Regex::new(r"(?m)^(?:# )?([a-z]+) = ").unwrap();
    let keys: Vec<&str> = key
        .captures_iter(top)
        .map(|c| c.get(1).unwrap().as_str())
        .chain(["[rules]"])
        .collect();
    assert!(keys.len() >= 8, "{keys:?}");
    for key in keys {
        assert!(
            page.contains(&format!("\\fB{key}")),
            "configuration key {key}"
        );
    }
    for rule in brieflint::rules::names() {
        assert!(
            page.contains(&format!("\\fB{}", rule.replace('-', "\\-"))),
            "{rule}"
        );
    }
    for word in ["NO_COLOR", "COLUMNS", "brieflint.toml", ".gitignore"] {
        assert!(page.contains(word), "{word}");
    }
    for code in 0..=2 {
        assert!(
            page.contains(&format!(".TP\n\\fB{code}\\fR\n")),
            "exit code {code}"
        );
    }
    // Nothing refers to a page that is not installed (clap_mangen's `brieflint-check(1)`).
    let reference = regex::Regex::new(r"[a-z]\(\d\)").unwrap();
    assert!(
        reference.find(&page).is_none(),
        "{:?}",
        reference.find(&page)
    );
}

/// The part of `script` from `start` to the next `end`.
fn block<'a>(script: &'a str, start: &str, end: &str) -> &'a str {
    let from = script.find(start).unwrap_or_else(|| panic!("no {start:?}"));
    let rest = &script[from..];
    &rest[..rest[start.len()..]
        .find(end)
        .map_or(rest.len(), |i| start.len() + i)]
}

#[test]
fn completions_offer_rule_names_after_explain() {
    let dir = repo();
    for (shell, start, end) in [
        ("bash", "brieflint__subcmd__explain)", ";;"),
        ("zsh", "\n(explain)", ";;"),
        (
            "fish",
            "__fish_brieflint_using_subcommand explain\" -f -a \"",
            "\"\n",
        ),
    ] {
        let script = stdout(brieflint(dir.path()).args(["completions", shell]));
        let explain = block(&script, start, end);
        for rule in brieflint::rules::RULES {
            assert!(explain.contains(rule.id.name()), "{shell}: {explain}");
        }
        if shell != "bash" {
            assert!(
                explain.contains("Agency jargon"),
                "{shell}: summaries: {explain}"
            );
        }
    }
}
