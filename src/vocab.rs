//! The vocabulary every layer shares: languages, funnel stages, document and section
//! kinds, cue kinds and KPI ids. It depends on nothing else in the crate, so the layers
//! above it (source → document → dictionary → analysis → rules → report) never import
//! each other in a cycle.

use serde::Serialize;

/// A language brieflint has dictionaries for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Fr,
    Ru,
    Uk,
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Fr, Lang::Ru, Lang::Uk];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Ru => "ru",
            Lang::Uk => "uk",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "en" | "eng" | "english" => Some(Lang::En),
            "fr" | "fra" | "fre" | "french" | "français" => Some(Lang::Fr),
            "ru" | "rus" | "russian" => Some(Lang::Ru),
            "uk" | "ua" | "ukr" | "ukrainian" => Some(Lang::Uk),
            _ => None,
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// The funnel stages a KPI serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    Awareness,
    Consideration,
    Conversion,
    Loyalty,
}

impl Stage {
    pub const ALL: [Stage; 4] = [
        Stage::Awareness,
        Stage::Consideration,
        Stage::Conversion,
        Stage::Loyalty,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Stage::Awareness => "awareness",
            Stage::Consideration => "consideration",
            Stage::Conversion => "conversion",
            Stage::Loyalty => "loyalty",
        }
    }
}

/// Kinds of section a heading can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SectionKind {
    Objectives,
    Kpis,
    Audience,
    Budget,
    Timing,
    Background,
    Measurement,
}

/// Whether a document is the client's brief or the agency's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DocKind {
    Brief,
    Proposal,
    Unknown,
}

/// Words the rules look for besides KPIs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cue {
    Negation,
    NegationAfter,
    NotNegation,
    /// "but", "mais", "а": ends a negation's reach.
    Contrast,
    RaiseVerb,
    SpendWord,
    KeepOrCut,
    Measurement,
    DateWord,
}

/// Index of a KPI in `Dictionaries::kpis`.
pub type KpiId = u16;

/// Declares [`RuleId`]: each rule's variant and the stable name used in output,
/// configuration, suppressions and baselines.
macro_rules! rule_ids {
    ($($variant:ident => $name:literal),* $(,)?) => {
        /// A rule, by identity. Its name is a contract: never rename one.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum RuleId {
            $($variant),*
        }

        impl RuleId {
            pub const ALL: &[RuleId] = &[$(RuleId::$variant),*];

            pub fn name(self) -> &'static str {
                match self {
                    $(RuleId::$variant => $name),*
                }
            }
        }
    };
}

rule_ids! {
    Jargon => "jargon",
    ObjectiveMismatch => "objective-mismatch",
    KpiNotAddressed => "kpi-not-addressed",
    TargetConflict => "target-conflict",
    BudgetConflict => "budget-conflict",
    TimingConflict => "timing-conflict",
    UnmeasurableObjective => "unmeasurable-objective",
    SpendWithoutTarget => "spend-without-target",
    PlanArithmetic => "plan-arithmetic",
    MissingBaseline => "missing-baseline",
    MissingMeasurement => "missing-measurement",
    MissingSection => "missing-section",
    UnpairedProposal => "unpaired-proposal",
    InvalidSuppression => "invalid-suppression",
}

impl RuleId {
    /// The rule with this name.
    pub fn from_name(name: &str) -> Option<RuleId> {
        RuleId::ALL.iter().copied().find(|id| id.name() == name)
    }
}

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for RuleId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}
