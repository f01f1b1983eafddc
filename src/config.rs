//! `brieflint.toml`: rule severities, the failing level, languages, extra dictionaries,
//! the client's own terms, paths to skip.
//!
//! Found from each checked file's folder up to the repository root (the nearest file
//! wins), or given with `--config`. Unknown keys are errors, located on the key with the
//! closest valid one suggested, so a typo never silently does nothing.
//!
//! A configuration found in the tree is repository content, written by whoever can open a
//! pull request: the files it names must be inside the repository (symbolic links
//! resolved), and no line of a file is quoted in an error before the file has parsed as
//! brieflint's own format, so `dictionaries = ["/proc/self/environ"]` or a link to a
//! credentials file cannot print secrets into a CI log. `--config` is the user's choice:
//! the files it names may be anywhere.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use miette::{Diagnostic, NamedSource, SourceSpan};
use serde::Deserialize;
use toml::Spanned;
use toml::de::DeTable;

use crate::dictionary::{self, Dictionaries, DictionaryError, DictionarySet, Source};
use crate::finding::Severity;
use crate::input::{self, Refused};
use crate::project::{self, lexical};
use crate::rules::{self, Rule};
use crate::source::LineIndex;
use crate::vocab::{Lang, RuleId};

/// The file name brieflint looks for.
pub const FILE_NAME: &str = "brieflint.toml";

/// Larger configuration files are refused: a real one is a few hundred bytes.
const MAX_CONFIG_BYTES: u64 = 1 << 20;

/// What the user dictionaries of one configuration may weigh together: the largest
/// built-in dictionary is 155 KB.
const MAX_DICTIONARY_BYTES: u64 = 1 << 20;

/// Whose choice a configuration file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trust {
    /// Named with `--config`: the user's own; the files it names may be anywhere.
    Given,
    /// Found in the tree: repository content; the files it names must be inside its
    /// repository, or inside its own folder outside a repository.
    Found,
}

/// A rule's level in the configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Off,
    Warning,
    Error,
}

/// The top-level keys of [`RawConfig`], checked before it is deserialized so that an
/// unknown key is reported at the key, with a suggestion, and no line of a file that is
/// not a configuration is quoted.
const KEYS: [&str; 8] = [
    "deny",
    "lang",
    "languages",
    "allow",
    "exclude",
    "dictionaries",
    "kpi",
    "rules",
];

/// The top-level keys of the user dictionary files a configuration names.
const JARGON_KEYS: [&str; 2] = ["lang", "entry"];
const KPI_KEYS: [&str; 2] = ["lang", "kpi"];

/// `brieflint.toml` as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    deny: Option<Severity>,
    lang: Option<Spanned<String>>,
    languages: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    allow: Vec<String>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    #[serde(default)]
    dictionaries: Vec<Spanned<String>>,
    #[serde(default)]
    kpi: Vec<Spanned<String>>,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Spanned<Level>>,
}

/// A configuration ready to use.
#[derive(Debug)]
pub struct Config {
    /// The file it came from (`None`: built-in defaults).
    pub path: Option<PathBuf>,
    pub deny: Option<Severity>,
    /// Language for documents that do not say.
    pub lang: Option<Lang>,
    /// Dictionaries of these languages only (all four if empty).
    pub languages: Vec<Lang>,
    pub exclude: Arc<Exclude>,
    pub rules: BTreeMap<RuleId, Level>,
    pub dicts: DictsRef,
}

/// The embedded dictionaries, or a set compiled for this configuration.
#[derive(Debug, Clone)]
pub enum DictsRef {
    Embedded,
    Custom(Arc<Dictionaries>),
}

impl DictsRef {
    pub fn get(&self) -> &Dictionaries {
        match self {
            DictsRef::Embedded => Dictionaries::embedded(),
            DictsRef::Custom(dicts) => dicts,
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        Self {
            path: None,
            deny: None,
            lang: None,
            languages: Vec::new(),
            exclude: Arc::default(),
            rules: BTreeMap::new(),
            dicts: DictsRef::Embedded,
        }
    }
}

/// A configuration that cannot be used, pointing at its line.
#[derive(Debug, thiserror::Error, Diagnostic)]
pub enum ConfigError {
    /// A mistake in a file that parsed as a configuration: shown with its lines.
    #[error("{path}: {message}")]
    #[diagnostic(
        code(brieflint::config),
        help("see `brieflint init` for a commented example")
    )]
    Invalid {
        path: String,
        message: String,
        #[source_code]
        source_code: NamedSource<String>,
        #[label("{message}")]
        span: Option<SourceSpan>,
    },
    /// A file that is not (yet) a configuration, in TOML or in its keys: located by line
    /// and column only, since it may be any file.
    #[error("{path}:{line}:{column}: {message}")]
    #[diagnostic(
        code(brieflint::config),
        help("see `brieflint init` for a commented example")
    )]
    Unrecognised {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}: cannot read: {message}")]
    #[diagnostic(code(brieflint::config))]
    Unreadable { path: String, message: String },
    #[error(transparent)]
    #[diagnostic(transparent)]
    Dictionary(#[from] DictionaryError),
}

impl ConfigError {
    fn invalid(
        path: &Path,
        text: &str,
        span: Option<Range<usize>>,
        message: impl Into<String>,
    ) -> Self {
        ConfigError::Invalid {
            path: path.display().to_string(),
            message: message.into(),
            source_code: NamedSource::new(path.display().to_string(), text.to_string()),
            span: span.map(Into::into),
        }
    }

    fn unreadable(path: &Path, message: impl Into<String>) -> Self {
        ConfigError::Unreadable {
            path: path.display().to_string(),
            message: message.into(),
        }
    }
}

/// Where in a file a problem is, and what it is.
struct Problem {
    span: Range<usize>,
    message: String,
}

impl Problem {
    /// The 1-based line and column of the problem in `text`.
    fn line_col(&self, text: &str) -> (usize, usize) {
        let at = LineIndex::new(text).line_col(text, self.span.start);
        (at.line, at.column)
    }
}

/// Parses `text` as TOML whose top-level keys are all among `keys` (and include
/// `required`): what makes a file brieflint's. Until then a file may be anything, so a
/// problem is described by its position and the parser's words, never by its lines.
fn recognise<'t>(
    text: &'t str,
    keys: &[&str],
    required: Option<&str>,
) -> Result<Spanned<DeTable<'t>>, Problem> {
    let table = DeTable::parse(text).map_err(|err| Problem {
        span: err.span().unwrap_or(0..0),
        message: err.message().trim().replace('\n', "; "),
    })?;
    let first_unknown = table
        .get_ref()
        .keys()
        .filter(|key| !keys.contains(&key.get_ref().as_ref()))
        .min_by_key(|key| key.span().start);
    if let Some(key) = first_unknown {
        return Err(Problem {
            span: key.span(),
            message: unknown_name("key", key.get_ref(), keys),
        });
    }
    if let Some(required) = required
        && !table.get_ref().keys().any(|key| key.get_ref() == required)
    {
        return Err(Problem {
            span: 0..0,
            message: format!("no `{required}` key"),
        });
    }
    Ok(table)
}

/// "unknown key `alow`; did you mean `allow`?", or the valid names when none is close.
fn unknown_name(what: &str, name: &str, valid: &[&str]) -> String {
    match did_you_mean(name, valid.iter().copied()) {
        Some(close) => format!("unknown {what} `{name}`; did you mean `{close}`?"),
        None => format!(
            "unknown {what} `{name}`; the {what}s are: {}",
            valid.join(", ")
        ),
    }
}

/// The candidate closest to `typed`, if it is close enough to be a typo of it: at most
/// one edit (a transposition counts as one) per three characters.
pub fn did_you_mean<'a>(
    typed: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let typed: Vec<char> = typed.to_lowercase().chars().collect();
    let allowed = (typed.len() / 3).max(1);
    candidates
        .into_iter()
        .map(|candidate| (edit_distance(&typed, candidate), candidate))
        .filter(|(distance, _)| *distance <= allowed)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// Optimal string alignment distance between `a` and `b`.
fn edit_distance(a: &[char], b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut rows: Vec<Vec<usize>> = vec![(0..=b.len()).collect()];
    for i in 1..=a.len() {
        let mut row = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (rows[i - 1][j] + 1)
                .min(row[j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(rows[i - 2][j - 2] + 1);
            }
        }
        rows.push(row);
    }
    rows[a.len()][b.len()]
}

/// The files a configuration names: where they are resolved from, where they must stay,
/// and how many bytes remain for them.
struct Named<'a> {
    config: &'a Path,
    text: &'a str,
    folder: &'a Path,
    /// The folder they must be in (`None`: anywhere).
    inside: Option<PathBuf>,
    budget: u64,
}

impl Named<'_> {
    /// Reads the user dictionary that `key` names at `file`: a regular file, within the
    /// byte budget, TOML with the top-level `keys` (else none of it is shown).
    fn dictionary(
        &mut self,
        key: &str,
        file: &Spanned<String>,
        keys: &[&str],
    ) -> Result<Source, ConfigError> {
        let fail = |message: String| {
            ConfigError::invalid(
                self.config,
                self.text,
                Some(file.span()),
                format!("`{key}`: {message}"),
            )
        };
        let path = self.resolve(file.get_ref()).map_err(fail)?;
        let name = path.display().to_string();
        let bytes = input::read_regular_file(&path, self.budget).map_err(|refused| {
            fail(match refused {
                Refused::TooLarge(_) => format!(
                    "{name}: too large: the dictionaries of a configuration may hold {} KB in all",
                    MAX_DICTIONARY_BYTES >> 10
                ),
                other => format!("{name}: {other}"),
            })
        })?;
        self.budget -= bytes.len() as u64;
        let text = input::decode(bytes).map_err(|message| fail(format!("{name}: {message}")))?;
        if let Err(problem) = recognise(&text, keys, Some("lang")) {
            let (line, column) = problem.line_col(&text);
            return Err(fail(format!(
                "{name}:{line}:{column}: not a brieflint dictionary: {}",
                problem.message
            )));
        }
        Ok(Source::new(name, text))
    }

    /// `named` relative to the configuration's folder, refused outside `inside`.
    fn resolve(&self, named: &str) -> Result<PathBuf, String> {
        let full = self.folder.join(named);
        let Some(inside) = &self.inside else {
            return Ok(full);
        };
        let outside = || {
            format!(
                "{named:?} is outside {}, not read: a configuration found in the tree \
                 names files inside it only (use --config for others)",
                inside.display()
            )
        };
        match full.canonicalize() {
            Ok(target) if target.starts_with(inside) => Ok(target),
            Ok(_) => Err(outside()),
            Err(_) if !lexical(&full).starts_with(inside) => Err(outside()),
            Err(err) => Err(format!(
                "{}: {}",
                full.display(),
                input::describe_io_error(&full, &err)
            )),
        }
    }
}

/// The folder the files named by a configuration found in the tree must be in: its
/// repository, or its own folder outside a repository.
fn confinement(folder: &Path) -> PathBuf {
    let folder = folder
        .canonicalize()
        .unwrap_or_else(|_| folder.to_path_buf());
    project::repository_root(&folder)
        .map(Path::to_path_buf)
        .unwrap_or(folder)
}

impl Config {
    /// Reads and validates a configuration file (and compiles its extra dictionaries).
    pub fn load(path: &Path, trust: Trust) -> Result<Self, ConfigError> {
        let mut read_from = path.to_path_buf();
        if trust == Trust::Found
            && let Ok(target) = path.canonicalize()
        {
            let inside = confinement(path.parent().unwrap_or(Path::new(".")));
            if !target.starts_with(&inside) {
                return Err(ConfigError::unreadable(
                    path,
                    format!(
                        "a symbolic link to a file outside {}, not read",
                        inside.display()
                    ),
                ));
            }
            read_from = target;
        }
        let bytes = input::read_regular_file(&read_from, MAX_CONFIG_BYTES)
            .map_err(|refused| ConfigError::unreadable(path, refused.to_string()))?;
        let text =
            input::decode(bytes).map_err(|message| ConfigError::unreadable(path, message))?;
        Self::parse(path, &text, trust)
    }

    /// Parses configuration `text` that was read from `path`.
    pub fn parse(path: &Path, text: &str, trust: Trust) -> Result<Self, ConfigError> {
        let table = recognise(text, &KEYS, None).map_err(|problem| {
            let (line, column) = problem.line_col(text);
            ConfigError::Unrecognised {
                path: path.display().to_string(),
                line,
                column,
                message: problem.message,
            }
        })?;
        let raw = RawConfig::deserialize(toml::de::Deserializer::from(table))
            .map_err(|err| ConfigError::invalid(path, text, err.span(), err.message().trim()))?;
        let lang_of = |value: &Spanned<String>| {
            Lang::from_code(value.get_ref()).ok_or_else(|| {
                ConfigError::invalid(
                    path,
                    text,
                    Some(value.span()),
                    format!(
                        "unknown language {:?}: use en, fr, ru or uk",
                        value.get_ref()
                    ),
                )
            })
        };
        let lang = raw.lang.as_ref().map(lang_of).transpose()?;
        let languages = raw
            .languages
            .iter()
            .flatten()
            .map(lang_of)
            .collect::<Result<Vec<_>, _>>()?;
        let mut levels = BTreeMap::new();
        for (name, level) in &raw.rules {
            let rule: &Rule = rules::find(name.get_ref()).ok_or_else(|| {
                ConfigError::invalid(
                    path,
                    text,
                    Some(name.span()),
                    unknown_name("rule", name.get_ref(), &rules::names()),
                )
            })?;
            levels.insert(rule.id, *level.get_ref());
        }
        let folder = path.parent().unwrap_or(Path::new("."));
        let mut named = Named {
            config: path,
            text,
            folder,
            inside: (trust == Trust::Found).then(|| confinement(folder)),
            budget: MAX_DICTIONARY_BYTES,
        };
        let extra_jargon = raw
            .dictionaries
            .iter()
            .map(|file| named.dictionary("dictionaries", file, &JARGON_KEYS))
            .collect::<Result<Vec<_>, _>>()?;
        let extra_kpi = raw
            .kpi
            .iter()
            .map(|file| named.dictionary("kpi", file, &KPI_KEYS))
            .collect::<Result<Vec<_>, _>>()?;
        dictionary::check_user(&extra_jargon, &extra_kpi)?;
        let custom = !extra_jargon.is_empty()
            || !extra_kpi.is_empty()
            || !raw.allow.is_empty()
            || !languages.is_empty();
        let dicts = if custom {
            let mut set = DictionarySet::embedded();
            if !languages.is_empty() {
                set.jargon.retain(|s| {
                    languages
                        .iter()
                        .any(|l| s.name.ends_with(&format!("/{}.toml", l.code())))
                });
            }
            set.jargon.extend(extra_jargon);
            set.kpi.extend(extra_kpi);
            set.allow = raw.allow.clone();
            DictsRef::Custom(Arc::new(Dictionaries::compile(&set)?))
        } else {
            DictsRef::Embedded
        };
        let exclude = Exclude::new(folder, &raw.exclude)
            .map_err(|(span, message)| ConfigError::invalid(path, text, Some(span), message))?;
        Ok(Self {
            path: Some(path.to_path_buf()),
            deny: raw.deny,
            lang,
            languages,
            exclude: Arc::new(exclude),
            rules: levels,
            dicts,
        })
    }

    /// The severity the configuration sets for a rule, if it sets one.
    pub fn configured_severity(&self, rule: RuleId) -> Option<Severity> {
        match self.rules.get(&rule)? {
            Level::Off => None,
            Level::Warning => Some(Severity::Warning),
            Level::Error => Some(Severity::Error),
        }
    }

    /// Whether a rule runs, and at what severity.
    pub fn severity(&self, rule: &Rule) -> Option<Severity> {
        match self.rules.get(&rule.id) {
            Some(Level::Off) => None,
            Some(Level::Warning) => Some(Severity::Warning),
            Some(Level::Error) => Some(Severity::Error),
            None => Some(rule.default_severity),
        }
    }
}

/// `exclude` globs, anchored at the configuration file's folder.
///
/// A pattern with a `/` is matched against the path relative to that folder (`archive/**`,
/// `clients/*/drafts`); one without is matched against every file and folder name
/// (`drafts`, `*.draft.md`). A path is excluded when it or any folder above it (below the
/// configuration's folder) matches, so `archive` excludes everything under it.
#[derive(Debug, Default)]
pub struct Exclude {
    folder: PathBuf,
    anchored: Option<globset::GlobSet>,
    names: Option<globset::GlobSet>,
}

impl Exclude {
    /// Compiles `patterns`; an invalid glob is reported at its span.
    fn new(
        folder: &Path,
        patterns: &[Spanned<String>],
    ) -> Result<Self, (std::ops::Range<usize>, String)> {
        let mut anchored = globset::GlobSetBuilder::new();
        let mut names = globset::GlobSetBuilder::new();
        let (mut any_anchored, mut any_name) = (false, false);
        for pattern in patterns {
            let text = pattern.get_ref().trim();
            let text = text.strip_prefix("./").unwrap_or(text);
            let text = text.strip_prefix('/').unwrap_or(text);
            let text = text.strip_suffix('/').unwrap_or(text);
            let glob = globset::GlobBuilder::new(text)
                .literal_separator(true)
                .build()
                .map_err(|err| {
                    (
                        pattern.span(),
                        format!("invalid glob {:?}: {}", pattern.get_ref(), err.kind()),
                    )
                })?;
            if text.contains('/') {
                anchored.add(glob);
                any_anchored = true;
            } else {
                names.add(glob);
                any_name = true;
            }
        }
        let build = |builder: globset::GlobSetBuilder, any: bool| {
            any.then(|| builder.build())
                .transpose()
                .map_err(|err| (0..0, format!("invalid exclude globs: {err}")))
        };
        let folder = if folder.as_os_str().is_empty() {
            Path::new(".")
        } else {
            folder
        };
        let folder = folder
            .canonicalize()
            .unwrap_or_else(|_| folder.to_path_buf());
        Ok(Self {
            folder,
            anchored: build(anchored, any_anchored)?,
            names: build(names, any_name)?,
        })
    }

    pub fn is_empty(&self) -> bool {
        self.anchored.is_none() && self.names.is_none()
    }

    /// Whether `absolute` (a file or folder, absolute) is excluded.
    pub fn excludes(&self, absolute: &Path) -> bool {
        if self.is_empty() {
            return false;
        }
        let Ok(relative) = absolute.strip_prefix(&self.folder) else {
            return false;
        };
        let mut prefix = PathBuf::new();
        for component in relative.components() {
            prefix.push(component);
            let name_matches = self
                .names
                .as_ref()
                .is_some_and(|names| names.is_match(component.as_os_str()));
            let path_matches = self
                .anchored
                .as_ref()
                .is_some_and(|anchored| anchored.is_match(&prefix));
            if name_matches || path_matches {
                return true;
            }
        }
        false
    }
}

/// The nearest `brieflint.toml` from `start` upwards, stopping at the repository root
/// (a folder holding `.git`).
pub fn discover(start: &Path) -> Option<PathBuf> {
    let start = start.canonicalize().ok()?;
    let mut folder = if start.is_dir() {
        start.as_path()
    } else {
        start.parent()?
    };
    loop {
        let candidate = folder.join(FILE_NAME);
        // Anything but a folder: a FIFO or a broken link named brieflint.toml is reported
        // when it is read, rather than passed over for a configuration further up.
        if candidate
            .symlink_metadata()
            .is_ok_and(|meta| !meta.is_dir())
            && !candidate.is_dir()
        {
            return Some(candidate);
        }
        if folder.join(".git").exists() {
            return None;
        }
        folder = folder.parent()?;
    }
}

/// A commented starter configuration, written by `brieflint init`.
pub const STARTER: &str = r#"# brieflint configuration. brieflint reads the nearest brieflint.toml, from each
# checked file's folder up to the repository root.

# Fail (exit code 1) on findings of this severity or worse: "warning" or "error".
deny = "error"

# Language of documents that neither declare one (front matter `lang:`) nor make it
# obvious: "en", "fr", "ru" or "uk".
# lang = "fr"

# Use the jargon dictionaries of these languages only (default: all four).
# languages = ["en", "fr"]

# The client's own trademarks and terms: never reported as jargon.
allow = [
  # "Drive-to-Store Pro",
]

# Paths to skip: globs relative to this file's folder ("archive/**"), or names matched
# anywhere ("drafts", "*.old.md"). Files named on the command line are skipped too with
# --force-exclude (the pre-commit hook passes it).
exclude = [
  # "archive/**",
]

# Extra jargon dictionaries and KPI vocabulary, in the schema of the built-in ones
# (see dictionaries/README.md in the brieflint repository). Paths are relative to this file,
# inside the repository (a configuration given with --config may name any file).
dictionaries = []
kpi = []

# Rule levels: "off", "warning" or "error". `brieflint rules` lists the rules.
[rules]
# jargon = "warning"
# objective-mismatch = "error"
# missing-section = "off"
"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(Path::new("brieflint.toml"), text, Trust::Found)
    }

    /// The 1-based line and column an error points at, whether or not it shows the file.
    fn location(err: &ConfigError) -> (usize, usize) {
        match err {
            ConfigError::Invalid {
                span: Some(span),
                source_code,
                ..
            } => {
                let text = source_code.inner();
                let at = LineIndex::new(text).line_col(text, span.offset());
                (at.line, at.column)
            }
            ConfigError::Unrecognised { line, column, .. } => (*line, *column),
            other => panic!("not located: {other:?}"),
        }
    }

    #[test]
    fn the_starter_configuration_is_valid() {
        let config = parse(STARTER).unwrap();
        assert_eq!(config.deny, Some(Severity::Error));
    }

    #[test]
    fn the_checked_keys_are_the_deserialized_fields() {
        let err = toml::from_str::<RawConfig>("no-such-key = 1").unwrap_err();
        let expected = err.message().split("expected one of").nth(1).unwrap();
        let fields: Vec<&str> = expected
            .split(',')
            .map(|f| f.trim().trim_matches('`'))
            .collect();
        assert_eq!(fields, KEYS);
    }

    #[test]
    fn errors_point_at_their_line() {
        let text = "deny = \"error\"\n\n[rules]\njargon = \"loud\"\n";
        assert_eq!(location(&parse(text).unwrap_err()), (4, 10));
        let syntax = parse("deny = \"error\"\n[rules\n").unwrap_err();
        assert_eq!(location(&syntax), (2, 7));
    }

    #[test]
    fn a_mistyped_key_is_pointed_at_with_the_closest_valid_one() {
        let typo = parse("deny = \"error\"\nalow = [\"Acme\"]\n").unwrap_err();
        assert_eq!(location(&typo), (2, 1));
        assert!(typo.to_string().contains("did you mean `allow`?"), "{typo}");
        let rule = parse("[rules]\njargn = \"off\"\n").unwrap_err();
        assert_eq!(location(&rule), (2, 1));
        assert!(
            rule.to_string().contains("did you mean `jargon`?"),
            "{rule}"
        );
        let far = parse("[rules]\nno-such-rule = \"off\"\n").unwrap_err();
        assert!(far.to_string().contains("the rules are: jargon,"), "{far}");
        assert!(!far.to_string().contains("did you mean"), "{far}");
    }

    #[test]
    fn suggestions_allow_one_edit_per_three_characters() {
        let keys = KEYS.iter().copied();
        assert_eq!(
            did_you_mean("dictionary", keys.clone()),
            Some("dictionaries")
        );
        assert_eq!(did_you_mean("lagn", keys.clone()), Some("lang"));
        assert_eq!(did_you_mean("Exclude", keys.clone()), Some("exclude"));
        assert_eq!(did_you_mean("colour", keys.clone()), None);
        assert_eq!(did_you_mean("x", keys), None);
    }

    #[test]
    fn a_file_that_is_not_a_configuration_is_never_quoted() {
        let secret = "[service]\ntoken = \"s3cr3t\"\n";
        let err = parse(secret).unwrap_err();
        assert!(
            matches!(err, ConfigError::Unrecognised { line: 1, .. }),
            "{err:?}"
        );
        let shown = format!("{err:?}");
        assert!(!shown.contains("s3cr3t"), "{shown}");
    }

    #[test]
    fn rules_can_be_turned_off_or_raised() {
        let config = parse("[rules]\njargon = \"error\"\nmissing-section = \"off\"\n").unwrap();
        assert_eq!(
            config.severity(rules::find("jargon").unwrap()),
            Some(Severity::Error)
        );
        assert_eq!(
            config.severity(rules::find("missing-section").unwrap()),
            None
        );
        assert_eq!(
            config.severity(rules::find("objective-mismatch").unwrap()),
            Some(Severity::Error)
        );
    }

    #[test]
    fn the_embedded_dictionaries_have_the_shape_of_user_ones() {
        for (path, text) in crate::dictionary::EMBEDDED {
            let keys: &[&str] = if path.contains("/jargon/") {
                &JARGON_KEYS
            } else if path.contains("/kpi/") && !path.ends_with("taxonomy.toml") {
                &KPI_KEYS
            } else {
                continue;
            };
            assert!(recognise(text, keys, Some("lang")).is_ok(), "{path}");
        }
    }
}
