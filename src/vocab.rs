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

    /// Parses a language as users write it: a code (`fr`, `fra`, `ua`), a tag with a region
    /// (`fr-FR`, `uk_UA`), or a name in English or in the language itself (`Français`,
    /// `русский`). The one parser for configuration, front matter and the command line.
    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.trim();
        // `fr-FR`, `en_GB`: the primary subtag names the language.
        let primary = code.split(['-', '_']).next().unwrap_or(code);
        match primary.to_lowercase().as_str() {
            "en" | "eng" | "english" | "anglais" => Some(Lang::En),
            "fr" | "fra" | "fre" | "french" | "français" | "francais" => Some(Lang::Fr),
            "ru" | "rus" | "russian" | "русский" => Some(Lang::Ru),
            "uk" | "ua" | "ukr" | "ukrainian" | "українська" => Some(Lang::Uk),
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
    /// "proposals are due", "le titulaire", "очікувана вартість": a brief asks.
    BriefSignal,
    /// "prepared for", "votre demande", "що ви просили": a proposal is addressed to its
    /// client, or signed by its agency.
    ProposalSignal,
    /// "we recommend", "nous proposons", "пропонуємо": a proposal recommends, and so does
    /// an article.
    RecommendationSignal,
    /// "interview with", "propos recueillis par", "кейс": an article, case study or interview.
    NeitherSignal,
    /// "the goal of", "l'objectif", "задача", "метою": a sentence that may state a goal.
    GoalNoun,
    /// "the main goal", "l'objectif principal", "головна мета": the goal that weighs most.
    MainGoal,
    /// "we want to", "nous souhaitons", "хочемо": a wish, a goal only in an objectives section.
    GoalWish,
    /// Past tense, "any campaign", "this RFP", "your proposal": the goal is not this
    /// document's own, present one.
    NotAGoal,
    /// Spending that is not the advertiser's: "visitor spend", "середній чек", "their own
    /// money", and spend as a trend ("when the budget grows").
    OthersSpend,
    /// "if", "si", "если", "якщо": a condition that may set a KPI target.
    Condition,
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
