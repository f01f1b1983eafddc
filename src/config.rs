//! `brieflint.toml`: rule severities, the failing level, languages, extra dictionaries,
//! the client's own terms, paths to skip.
//!
//! Found from each checked file's folder up to the repository root (the nearest file
//! wins), or given with `--config`. Unknown keys are errors, located on their line, so a
//! typo never silently does nothing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use miette::{Diagnostic, NamedSource, SourceSpan};
use serde::Deserialize;
use toml::Spanned;

use crate::dictionary::{Dictionaries, DictionaryError, DictionarySet, Source};
use crate::finding::Severity;
use crate::rules::{self, Rule};
use crate::vocab::{Lang, RuleId};

/// The file name brieflint looks for.
pub const FILE_NAME: &str = "brieflint.toml";

/// A rule's level in the configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Off,
    Warning,
    Error,
}

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
    rules: BTreeMap<String, Spanned<Level>>,
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
        span: Option<std::ops::Range<usize>>,
        message: impl Into<String>,
    ) -> Self {
        ConfigError::Invalid {
            path: path.display().to_string(),
            message: message.into(),
            source_code: NamedSource::new(path.display().to_string(), text.to_string()),
            span: span.map(Into::into),
        }
    }
}

impl Config {
    /// Reads and validates a configuration file (and compiles its extra dictionaries).
    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|err| ConfigError::Unreadable {
            path: path.display().to_string(),
            message: err.to_string(),
        })?;
        Self::parse(path, &text)
    }

    /// Parses configuration `text` that was read from `path`.
    pub fn parse(path: &Path, text: &str) -> Result<Self, ConfigError> {
        let raw: RawConfig = toml::from_str(text)
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
            let rule: &Rule = rules::find(name).ok_or_else(|| {
                let known = rules::names();
                ConfigError::invalid(
                    path,
                    text,
                    Some(level.span()),
                    format!("unknown rule {name:?}; the rules are: {}", known.join(", ")),
                )
            })?;
            levels.insert(rule.id, *level.get_ref());
        }
        let folder = path.parent().unwrap_or(Path::new("."));
        let read = |file: &Spanned<String>| -> Result<Source, ConfigError> {
            let full = folder.join(file.get_ref());
            std::fs::read_to_string(&full)
                .map(|content| Source::new(full.display().to_string(), content))
                .map_err(|err| {
                    ConfigError::invalid(
                        path,
                        text,
                        Some(file.span()),
                        format!("cannot read {}: {err}", full.display()),
                    )
                })
        };
        let extra_jargon = raw
            .dictionaries
            .iter()
            .map(read)
            .collect::<Result<Vec<_>, _>>()?;
        let extra_kpi = raw.kpi.iter().map(read).collect::<Result<Vec<_>, _>>()?;
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
        if candidate.is_file() {
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
# (see dictionaries/README.md in the brieflint repository). Paths are relative to this file.
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

    #[test]
    fn the_starter_configuration_is_valid() {
        let config = Config::parse(Path::new("brieflint.toml"), STARTER).unwrap();
        assert_eq!(config.deny, Some(Severity::Error));
    }

    #[test]
    fn errors_point_at_their_line() {
        let text = "deny = \"error\"\n\n[rules]\njargon = \"loud\"\n";
        let err = Config::parse(Path::new("brieflint.toml"), text).unwrap_err();
        let ConfigError::Invalid {
            span: Some(span),
            message,
            ..
        } = &err
        else {
            panic!("{err:?}")
        };
        assert_eq!(
            text[..span.offset()].matches('\n').count() + 1,
            4,
            "{message}"
        );
        let unknown =
            Config::parse(Path::new("b.toml"), "[rules]\nno-such-rule = \"off\"\n").unwrap_err();
        assert!(
            unknown
                .to_string()
                .contains("unknown rule \"no-such-rule\"")
        );
        let typo = Config::parse(Path::new("b.toml"), "deny = \"error\"\nalow = []\n").unwrap_err();
        let ConfigError::Invalid {
            span: Some(span), ..
        } = &typo
        else {
            panic!("{typo:?}")
        };
        assert_eq!(span.offset(), 15);
    }

    #[test]
    fn rules_can_be_turned_off_or_raised() {
        let config = Config::parse(
            Path::new("b.toml"),
            "[rules]\njargon = \"error\"\nmissing-section = \"off\"\n",
        )
        .unwrap();
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
}
