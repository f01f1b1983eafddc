//! `--format sarif` against the official OASIS SARIF 2.1.0 JSON schema.
//!
//! `tests/data/sarif-schema-2.1.0.json` is vendored verbatim from the OASIS SARIF TC
//! repository, github.com/oasis-tcs/sarif-spec, file `Schemata/sarif-schema-2.1.0.json`
//! at commit 0a8091f7d4057e57b6d8d9b56129e5f918747b34: the SARIF 2.1.0 Errata 01 schema,
//! id "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
//! (112,768 bytes, SHA-256 ddddcccbf95c7c50c037b5b07eff4140556278ca574ff374db46786b5fce7949).
//! It is a JSON Schema draft-04 document (it spells its identifier `id`) whose `$ref`s are
//! all internal (`#/definitions/...`): the validator is built for draft 4 with `format`
//! checked, and never fetches anything (jsonschema is built without its HTTP and file
//! resolvers). `uri-reference`, unknown to draft 4, is checked on its own under draft 7.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use jsonschema::Validator;
use serde_json::Value;

const SCHEMA: &str = "tests/data/sarif-schema-2.1.0.json";

fn schema() -> Value {
    let text = fs::read_to_string(SCHEMA).unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{SCHEMA} is not JSON: {e}"))
}

fn validator() -> Validator {
    jsonschema::draft4::options()
        .should_validate_formats(true)
        .build(&schema())
        .unwrap_or_else(|e| panic!("{SCHEMA} does not compile: {e}"))
}

/// Every way `log` breaks the schema, one line each: instance path, message, schema path.
fn violations(validator: &Validator, log: &Value) -> Vec<String> {
    validator
        .iter_errors(log)
        .map(|e| {
            format!(
                "at {:?}: {e} (schema {})",
                e.instance_path().as_str(),
                e.schema_path().as_str()
            )
        })
        .collect()
}

/// Every `artifactLocation.uri` in `log`, wherever it is.
fn uris(value: &Value, found: &mut Vec<Value>) {
    match value {
        Value::Object(map) => {
            if let Some(uri) = map.get("artifactLocation").and_then(|l| l.get("uri")) {
                found.push(uri.clone());
            }
            map.values().for_each(|v| uris(v, found));
        }
        Value::Array(items) => items.iter().for_each(|v| uris(v, found)),
        _ => {}
    }
}

/// The schema gives `artifactLocation.uri` the format `uri-reference`, which draft 4 does
/// not define (it came with draft 6), so a draft-4 validator lets any string through:
/// check it under draft 7, where the format is known.
fn bad_uris(log: &Value) -> Vec<String> {
    let uri_reference = jsonschema::draft7::options()
        .should_validate_formats(true)
        .build(&serde_json::json!({ "type": "string", "format": "uri-reference" }))
        .unwrap();
    let mut found = Vec::new();
    uris(log, &mut found);
    assert!(!found.is_empty() || log["runs"][0]["results"] == serde_json::json!([]));
    found
        .iter()
        .filter(|uri| !uri_reference.is_valid(uri))
        .map(|uri| format!("artifactLocation.uri {uri} is not a URI reference"))
        .collect()
}

fn assert_valid(validator: &Validator, log: &Value, what: &str) {
    let mut found = violations(validator, log);
    found.extend(bad_uris(log));
    assert!(
        found.is_empty(),
        "SARIF for {what} breaks the SARIF 2.1.0 schema in {} place(s):\n{}",
        found.len(),
        found.join("\n")
    );
}

/// `brieflint check --format sarif ARGS` in `dir`, its exit code and its stdout as JSON.
fn sarif(dir: &Path, args: &[&str]) -> (i32, Value) {
    let out = Command::cargo_bin("brieflint")
        .unwrap()
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(["check", "--format", "sarif"])
        .args(args)
        .output()
        .unwrap();
    let code = out.status.code().unwrap();
    let log = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}), exit {code}\nstdout: {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (code, log)
}

/// A folder that config discovery does not climb out of.
fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join(".git")).unwrap();
    dir
}

fn fixtures_log() -> Value {
    let (code, log) = sarif(Path::new("."), &["fixtures/"]);
    assert_eq!(code, 1, "the fixtures have findings");
    log
}

/// What the schema cannot say: results point at rules that exist, by id and by index, and
/// every rule carries its documentation.
fn assert_rules_are_consistent(log: &Value) {
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(!rules.is_empty());
    for rule in rules {
        let help = rule["help"]["text"].as_str().unwrap_or_default();
        assert!(!help.trim().is_empty(), "rule without help: {rule}");
        assert!(
            rule["shortDescription"]["text"]
                .as_str()
                .is_some_and(|t| !t.is_empty()),
            "rule without a short description: {rule}"
        );
    }
    for result in run["results"].as_array().unwrap() {
        let id = result["ruleId"].as_str().unwrap();
        let position = rules.iter().position(|r| r["id"] == id);
        assert!(
            position.is_some(),
            "ruleId {id} is not in tool.driver.rules"
        );
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(
            Some(index),
            position,
            "ruleIndex {index} of a {id} result points at {}",
            rules[index]["id"]
        );
    }
}

#[test]
fn vendored_schema_is_the_oasis_sarif_2_1_0_schema() {
    let schema = schema();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-04/schema#");
    assert_eq!(
        schema["id"],
        "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    );
    assert_eq!(
        schema["title"],
        "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    );
    assert_eq!(
        schema["properties"]["version"]["enum"],
        serde_json::json!(["2.1.0"])
    );
    let definitions = schema["definitions"].as_object().unwrap();
    assert_eq!(definitions.len(), 52);
    for name in ["run", "result", "location", "region", "fix", "notification"] {
        assert!(definitions.contains_key(name), "no definition {name}");
    }
    // Every reference is internal, so validation needs nothing from the network.
    let text = fs::read_to_string(SCHEMA).unwrap();
    for (at, _) in text.match_indices("\"$ref\"") {
        let rest = text[at + 6..].trim_start_matches([':', ' ']);
        assert!(
            rest.starts_with("\"#/definitions/"),
            "external $ref: {}",
            &rest[..rest.len().min(60)]
        );
    }
}

#[test]
fn fixtures_log_is_valid_sarif_with_related_locations_and_fixes() {
    let log = fixtures_log();
    assert_valid(&validator(), &log, "fixtures/");
    let run = &log["runs"][0];
    let results = run["results"].as_array().unwrap();
    assert!(results.len() > 50, "{} results", results.len());
    assert!(
        results.iter().any(|r| r["relatedLocations"]
            .as_array()
            .is_some_and(|l| !l.is_empty())),
        "the brief/proposal pairs give results with relatedLocations"
    );
    assert!(
        results
            .iter()
            .any(|r| r["ruleId"] == "jargon" && r["fixes"].is_array()),
        "jargon results carry fixes"
    );
    assert!(results.iter().any(|r| r["level"] == "error"));
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);
    assert_rules_are_consistent(&log);
}

#[test]
fn unreadable_file_gives_valid_sarif_with_notifications() {
    let dir = repo();
    fs::write(dir.path().join("memo.md"), "We will leverage synergy.\n").unwrap();
    fs::write(dir.path().join("latin1.md"), b"Caf\xe9 cr\xe8me\n").unwrap();
    let (code, log) = sarif(dir.path(), &["."]);
    assert_eq!(code, 2, "an unreadable input is an error");
    assert_valid(&validator(), &log, "a folder with a non-UTF-8 file");
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notifications = invocation["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notifications.len(), 1, "{notifications:?}");
    assert!(
        notifications[0]["message"]["text"]
            .as_str()
            .unwrap()
            .contains("latin1.md"),
        "{notifications:?}"
    );
    assert!(
        !log["runs"][0]["results"].as_array().unwrap().is_empty(),
        "the readable file is still checked"
    );
    assert_rules_are_consistent(&log);
}

#[test]
fn empty_markdown_file_gives_valid_sarif_without_results() {
    let dir = repo();
    fs::write(dir.path().join("empty.md"), "").unwrap();
    let (code, log) = sarif(dir.path(), &["empty.md"]);
    assert_eq!(code, 0);
    assert_valid(&validator(), &log, "an empty Markdown file");
    let run = &log["runs"][0];
    assert_eq!(run["results"], serde_json::json!([]));
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);
    assert_rules_are_consistent(&log);
}

/// The validator bites: the same valid log, broken in ways SARIF forbids, is refused, and
/// the violation is reported where it is.
#[test]
fn validator_rejects_logs_that_break_the_schema() {
    let validator = validator();
    let log = fixtures_log();
    assert!(violations(&validator, &log).is_empty());

    let mut bad_level = log.clone();
    bad_level["runs"][0]["results"][0]["level"] = "fatal".into();
    let found = violations(&validator, &bad_level);
    assert!(
        found.iter().any(|v| v.contains("/runs/0/results/0/level")),
        "{found:?}"
    );

    let mut no_version = log.clone();
    no_version.as_object_mut().unwrap().remove("version");
    let found = violations(&validator, &no_version);
    assert!(found.iter().any(|v| v.contains("version")), "{found:?}");

    let mut wrong_version = log.clone();
    wrong_version["version"] = "2.0.0".into();
    assert!(!validator.is_valid(&wrong_version));

    let mut line_zero = log.clone();
    line_zero["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        0.into();
    let found = violations(&validator, &line_zero);
    assert!(
        found
            .iter()
            .any(|v| v.contains("/runs/0/results/0/locations/0/physicalLocation/region")),
        "{found:?}"
    );

    let mut bad_uri = log.clone();
    bad_uri["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] =
        "a b%zz.md".into();
    assert_eq!(bad_uris(&bad_uri).len(), 1, "{:?}", bad_uris(&bad_uri));

    let mut unknown_property = log.clone();
    unknown_property["runs"][0]["results"][0]["severity"] = "high".into();
    assert!(!validator.is_valid(&unknown_property));

    let mut no_message = log;
    no_message["runs"][0]["invocations"][0]["toolExecutionNotifications"] =
        serde_json::json!([{ "level": "error" }]);
    assert!(!validator.is_valid(&no_message));
}

/// Every `artifactLocation` in `value`, wherever it is.
fn artifact_locations<'a>(value: &'a Value, found: &mut Vec<&'a Value>) {
    match value {
        Value::Object(map) => {
            if let Some(location) = map.get("artifactLocation") {
                found.push(location);
            }
            map.values().for_each(|v| artifact_locations(v, found));
        }
        Value::Array(items) => items.iter().for_each(|v| artifact_locations(v, found)),
        _ => {}
    }
}

/// A mismatched brief and proposal (so results with related locations in another file)
/// in `folder`.
fn mismatched_pair(folder: &Path) {
    let pairs = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/pairs/mismatch-en");
    fs::create_dir_all(folder).unwrap();
    for name in ["brief.md", "proposal.md"] {
        fs::copy(pairs.join(name), folder.join(name)).unwrap();
    }
}

fn fingerprint(result: &Value) -> &str {
    result["partialFingerprints"]["brieflint/v1"]
        .as_str()
        .unwrap_or_else(|| panic!("no brieflint/v1 fingerprint: {result}"))
}

#[test]
fn log_is_the_same_from_any_folder_and_any_spelling_of_the_paths() {
    let dir = repo();
    let root = dir.path().canonicalize().unwrap();
    mismatched_pair(&root.join("clients/acme #1"));
    fs::write(
        root.join("clients/memo 2.md"),
        "We will leverage synergy.\n",
    )
    .unwrap();
    let absolute = root.join("clients").display().to_string();
    let runs = [
        (root.clone(), "clients"),
        (root.clone(), "./clients/"),
        (root.clone(), absolute.as_str()),
        (root.join("clients"), "."),
        (root.join("clients/acme #1"), ".."),
        (root.join("clients/acme #1"), absolute.as_str()),
    ];
    let validator = validator();
    let logs: Vec<Value> = runs
        .iter()
        .map(|(cwd, path)| {
            let (code, log) = sarif(cwd, &[path]);
            assert_eq!(code, 1, "the mismatch is an error");
            assert_valid(&validator, &log, path);
            log
        })
        .collect();
    for ((cwd, path), log) in runs.iter().zip(&logs) {
        assert!(
            *log == logs[0],
            "from {} with {path}, the log differs from the first",
            cwd.display()
        );
    }
    let run = &logs[0]["runs"][0];
    assert_eq!(
        run["originalUriBaseIds"],
        serde_json::json!({ "%SRCROOT%": { "uri": format!("file://{}/", root.display()) } })
    );
    let mut locations = Vec::new();
    artifact_locations(run, &mut locations);
    let mut uris: Vec<&str> = locations
        .iter()
        .map(|l| {
            assert_eq!(l["uriBaseId"], "%SRCROOT%", "{l}");
            l["uri"].as_str().unwrap()
        })
        .collect();
    uris.sort();
    uris.dedup();
    assert_eq!(
        uris,
        [
            "clients/acme%20%231/brief.md",
            "clients/acme%20%231/proposal.md",
            "clients/memo%202.md"
        ]
    );
    let results = run["results"].as_array().unwrap();
    let mut fingerprints: Vec<&str> = results.iter().map(fingerprint).collect();
    fingerprints.sort();
    fingerprints.dedup();
    assert_eq!(fingerprints.len(), results.len(), "fingerprints are unique");
}

#[test]
fn fingerprints_follow_a_finding_when_lines_move_and_count_repeats() {
    let dir = repo();
    let sentence = "We will leverage the network.\n";
    fs::write(dir.path().join("a.md"), format!("{sentence}\n{sentence}")).unwrap();
    let (_, before) = sarif(dir.path(), &["a.md"]);
    let before = before["runs"][0]["results"].as_array().unwrap().clone();
    assert_eq!(before.len(), 2);
    let (first, second) = (fingerprint(&before[0]), fingerprint(&before[1]));
    let (hash, occurrence) = first.split_once(':').unwrap();
    assert!(
        hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()) && occurrence == "1",
        "{first}"
    );
    assert_eq!(second, format!("{hash}:2"), "the same sentence again");

    fs::write(
        dir.path().join("a.md"),
        format!("# Plan\n\nA new introduction.\n\n{sentence}\n{sentence}"),
    )
    .unwrap();
    let (_, after) = sarif(dir.path(), &["a.md"]);
    let after = after["runs"][0]["results"].as_array().unwrap();
    let line = |r: &Value| r["locations"][0]["physicalLocation"]["region"]["startLine"].clone();
    assert_ne!(line(&after[0]), line(&before[0]), "the finding moved");
    assert_eq!(fingerprint(&after[0]), first);
    assert_eq!(fingerprint(&after[1]), second);

    fs::write(dir.path().join("a.md"), "We will leverage the data.\n").unwrap();
    let (_, other) = sarif(dir.path(), &["a.md"]);
    assert_ne!(
        fingerprint(&other["runs"][0]["results"][0]),
        first,
        "another sentence is another finding"
    );
}

#[test]
fn every_rule_links_to_its_section_of_the_readme() {
    let readme =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let log = fixtures_log();
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    for rule in rules {
        let id = rule["id"].as_str().unwrap();
        assert_eq!(
            rule["helpUri"],
            format!("https://github.com/brieflint/brieflint/blob/main/README.md#{id}")
        );
        assert!(
            readme.lines().any(|l| l == format!("### {id}")),
            "README.md has no `### {id}` section for the rule's helpUri"
        );
    }
}
