//! The TOML schema of dictionary files (see `dictionaries/README.md`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use toml::Spanned;

/// What kind of jargon an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Buzzword,
    Anglicism,
    Franglais,
    Bureaucratese,
    Weasel,
}

impl Category {
    /// How the category reads in a message.
    pub fn describe(self) -> &'static str {
        match self {
            Category::Buzzword => "buzzword",
            Category::Anglicism => "anglicism",
            Category::Franglais => "franglais",
            Category::Bureaucratese => "bureaucratese",
            Category::Weasel => "empty intensifier",
        }
    }
}

/// `jargon/<lang>.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JargonFile {
    pub lang: Spanned<String>,
    #[serde(default, rename = "entry")]
    pub entries: Vec<JargonSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JargonSpec {
    pub term: Spanned<String>,
    #[serde(default)]
    pub forms: Vec<Spanned<String>>,
    #[serde(default)]
    pub exact: Vec<Spanned<String>>,
    #[serde(default)]
    pub ignore: Vec<Spanned<String>>,
    pub category: Category,
    pub replace: Spanned<Vec<String>>,
    pub reason: Spanned<String>,
    /// `replace[0]` can stand for the headword's own form as is.
    #[serde(default)]
    pub fix: bool,
    /// `replace[0]` fits every form of the entry (an adverb or a set phrase), so `--fix`
    /// applies to inflected forms too.
    #[serde(default)]
    pub invariable: Option<Spanned<bool>>,
    /// Forms that, anywhere in the same sentence, show the word is meant literally
    /// ("deep dive" near "metres", "diver", "reef").
    #[serde(default)]
    pub near: Vec<Spanned<String>>,
    /// Domains (named in `cues/<lang>.toml` `[domains]`) where the word is a precise term
    /// ("incentive" in travel, "360" in photography).
    #[serde(default)]
    pub domains: Vec<Spanned<String>>,
}

/// `kpi/taxonomy.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaxonomyFile {
    pub kpi: BTreeMap<String, Spanned<KpiSpec>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KpiSpec {
    pub name: String,
    pub weights: StageWeights,
}

#[derive(Debug, Deserialize, Default, Clone, Copy)]
#[serde(deny_unknown_fields)]
pub struct StageWeights {
    #[serde(default)]
    pub awareness: f32,
    #[serde(default)]
    pub consideration: f32,
    #[serde(default)]
    pub conversion: f32,
    #[serde(default)]
    pub loyalty: f32,
}

/// `kpi/<lang>.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KpiFile {
    pub lang: Spanned<String>,
    #[serde(default)]
    pub kpi: Vec<KpiForms>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KpiForms {
    pub key: Spanned<String>,
    #[serde(default)]
    pub forms: Vec<Spanned<String>>,
    #[serde(default)]
    pub exact: Vec<Spanned<String>>,
    #[serde(default)]
    pub ignore: Vec<Spanned<String>>,
}

/// `cues/<lang>.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CueFile {
    pub lang: Spanned<String>,
    #[serde(default)]
    pub sections: BTreeMap<String, Vec<Spanned<String>>>,
    #[serde(default)]
    pub kinds: BTreeMap<String, Vec<Spanned<String>>>,
    #[serde(default)]
    pub cues: BTreeMap<String, Vec<Spanned<String>>>,
    /// Vocabulary of the trades where some jargon words are precise terms.
    #[serde(default)]
    pub domains: BTreeMap<String, Vec<Spanned<String>>>,
}
