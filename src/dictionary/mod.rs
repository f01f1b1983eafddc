//! Dictionaries: jargon, KPI vocabulary and rule cues, compiled once per process.
//!
//! The data lives in `dictionaries/` (TOML) and is embedded in the binary; user files from
//! the configuration are merged in with the same schema. A paragraph is scanned once, by
//! the [`Matcher`] of its language, which holds every vocabulary (jargon, KPIs, section
//! headings, document kinds, cues, domains) of that language first, then English (agency
//! writing in every language borrows English words). A language's matcher is compiled the
//! first time a paragraph in that language is met: a French-only repository never folds or
//! compiles the Russian forms, and an empty file compiles nothing.

pub mod forms;
mod matcher;
mod schema;

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::sync::OnceLock;

use miette::{Diagnostic, NamedSource, SourceSpan};
use rayon::prelude::*;
use serde::de::DeserializeOwned;

pub use matcher::{Hit, Matcher, MatcherBuilder};
pub use schema::Category;
use schema::{CueFile, JargonFile, JargonSpec, KpiFile, TaxonomyFile};

use crate::source::LineIndex;
use crate::text::fold::{Folded, fold_form};
use crate::vocab::{Cue, DocKind, KpiId, Lang, SectionKind};

/// A jargon entry, compiled.
#[derive(Debug, Clone)]
pub struct JargonEntry {
    pub term: String,
    /// The headword folded for matching: a hit with this text is the headword's own form.
    pub folded_term: String,
    pub lang: Lang,
    pub category: Category,
    pub replace: Vec<String>,
    pub reason: String,
    /// `replace[0]` can stand for the headword's own form as is.
    pub fix: bool,
    /// `replace[0]` fits every form of the entry.
    pub invariable: bool,
    /// The dictionary writes the word with a capital (Instagrammable): a capital in the
    /// text is its spelling, not a sign of a name.
    pub capitalised: bool,
    /// Whether the entry has `near` forms: words that, in the same sentence, make its word
    /// literal (see [`Vocabulary::near`]).
    pub near: bool,
    /// The domains where the entry's word is a precise term.
    pub domains: DomainSet,
}

/// A set of domains (`[domains]` of the cue files), one bit per domain.
pub type DomainSet = u64;

/// How many domains a [`DomainSet`] holds.
const MAX_DOMAINS: usize = DomainSet::BITS as usize;

/// A KPI of the taxonomy.
#[derive(Debug, Clone)]
pub struct Kpi {
    pub key: String,
    pub name: String,
    /// Weight per [`Stage`], in `Stage::ALL` order, summing to 1.
    pub weights: [f32; 4],
}

/// The vocabularies a matcher holds, one selection group each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Group {
    Jargon,
    Kpi,
    Sections,
    Kinds,
    Cues,
    Domains,
    Near,
}

/// What a matched form means, whichever vocabulary it is from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Term {
    Jargon(u32),
    Kpi(KpiId),
    Section(SectionKind),
    Kind(DocKind),
    Cue(Cue),
    Domain(DomainSet),
    Near(u32),
}

/// What a paragraph's one scan finds, by vocabulary; each list in text order, without
/// overlaps (a domain's words only say that the domain is present; `near` words, which
/// make an entry's word literal, are all kept).
#[derive(Debug, Default, Clone)]
pub struct Vocabulary {
    pub jargon: Vec<Hit<u32>>,
    pub kpi: Vec<Hit<KpiId>>,
    pub sections: Vec<Hit<SectionKind>>,
    pub kinds: Vec<Hit<DocKind>>,
    pub cues: Vec<Hit<Cue>>,
    pub domains: DomainSet,
    /// Payload: the jargon entry whose word a `near` form makes literal.
    pub near: Vec<Hit<u32>>,
}

/// One language's forms, expanded but not compiled, by vocabulary (jargon apart: see
/// [`Jargon`]).
#[derive(Debug, Default)]
struct PackBuilder {
    kpi: MatcherBuilder<KpiId>,
    sections: MatcherBuilder<SectionKind>,
    kinds: MatcherBuilder<DocKind>,
    cues: MatcherBuilder<Cue>,
    domains: MatcherBuilder<DomainSet>,
}

/// One language's jargon: its entries, their forms and `near` forms. Jargon is three
/// quarters of the dictionary text, so it is parsed when its language is first met.
#[derive(Debug, Default)]
struct Jargon {
    entries: Vec<JargonEntry>,
    forms: MatcherBuilder<u32>,
    near: MatcherBuilder<u32>,
}

/// A jargon entry's id: its language in the top bits, its index in the language's entries
/// below; ids are stable whichever language is parsed first.
const ENTRY_LANG_SHIFT: u32 = 24;

fn entry_id(lang: Lang, index: usize) -> u32 {
    ((lang as u32) << ENTRY_LANG_SHIFT) | index as u32
}

/// How many words of one vocabulary a paragraph may hold: ten times what a rule reports
/// per file. Past it the paragraph is a dump (a 50 MB line of "leverage synergy"), and its
/// hits would only cost memory.
pub const MAX_HITS: usize = 10_000;

/// Every dictionary, compiled.
#[derive(Debug)]
pub struct Dictionaries {
    pub kpis: Vec<Kpi>,
    /// Domain names, by bit of [`DomainSet`].
    pub domains: Vec<String>,
    domain_ids: BTreeMap<String, u32>,
    /// Each language's KPI, section, kind, cue and domain forms.
    forms: [PackBuilder; 4],
    /// Jargon files not parsed yet, by language.
    jargon_sources: [Vec<Source>; 4],
    /// Each language's jargon, parsed on first use.
    jargon: [OnceLock<Jargon>; 4],
    /// Phrases never reported as jargon, in every language.
    allow: Vec<String>,
    /// The matcher for paragraphs in each language, built on first use.
    matchers: [OnceLock<Matcher<Term>>; 4],
}

/// One dictionary file's name and text.
#[derive(Debug, Clone)]
pub struct Source {
    pub name: String,
    pub text: String,
    /// The language a jargon file is known to declare before it is parsed (the embedded
    /// files say it in their path): such a file is parsed when that language is first met.
    pub lang: Option<Lang>,
}

impl Source {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            text: text.into(),
            lang: None,
        }
    }
}

/// The files to compile.
#[derive(Debug, Clone, Default)]
pub struct DictionarySet {
    pub taxonomy: Vec<Source>,
    pub kpi: Vec<Source>,
    pub jargon: Vec<Source>,
    pub cues: Vec<Source>,
    /// Phrases never reported as jargon (the client's own names and terms).
    pub allow: Vec<String>,
}

macro_rules! embedded {
    ($($path:literal),* $(,)?) => {
        [$(($path, include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/", $path)))),*]
    };
}

/// The dictionary files built into the binary, by path.
pub const EMBEDDED: [(&str, &str); 13] = embedded!(
    "dictionaries/kpi/taxonomy.toml",
    "dictionaries/kpi/en.toml",
    "dictionaries/kpi/fr.toml",
    "dictionaries/kpi/ru.toml",
    "dictionaries/kpi/uk.toml",
    "dictionaries/jargon/en.toml",
    "dictionaries/jargon/fr.toml",
    "dictionaries/jargon/ru.toml",
    "dictionaries/jargon/uk.toml",
    "dictionaries/cues/en.toml",
    "dictionaries/cues/fr.toml",
    "dictionaries/cues/ru.toml",
    "dictionaries/cues/uk.toml",
);

impl DictionarySet {
    /// The embedded dictionaries.
    pub fn embedded() -> Self {
        let mut set = Self::default();
        for (path, text) in EMBEDDED {
            let source = Source::new(path, text);
            match path.split('/').nth(1) {
                Some("kpi") if path.ends_with("taxonomy.toml") => set.taxonomy.push(source),
                Some("kpi") => set.kpi.push(source),
                Some("jargon") => set.jargon.push(Source {
                    lang: path
                        .rsplit('/')
                        .next()
                        .and_then(|file| file.strip_suffix(".toml"))
                        .and_then(Lang::from_code),
                    ..source
                }),
                _ => set.cues.push(source),
            }
        }
        set
    }
}

/// A dictionary file that cannot be used, pointing at the offending line.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("{file}: {message}")]
#[diagnostic(code(brieflint::dictionary))]
pub struct DictionaryError {
    pub file: String,
    pub message: String,
    #[source_code]
    source_code: NamedSource<String>,
    #[label("here")]
    span: Option<SourceSpan>,
    #[help]
    help: Option<String>,
}

impl DictionaryError {
    fn new(source: &Source, span: Option<Range<usize>>, message: impl Into<String>) -> Self {
        Self {
            file: source.name.clone(),
            message: message.into(),
            source_code: NamedSource::new(&source.name, source.text.clone()),
            span: span.map(|r| trim_span(&source.text, r).into()),
            help: Some("the dictionary format is described in dictionaries/README.md".into()),
        }
    }

    /// The 1-based line the error points at, if it points anywhere.
    pub fn line(&self) -> Option<usize> {
        let offset = self.span?.offset();
        Some(self.source_code.inner()[..offset].matches('\n').count() + 1)
    }
}

/// A span that starts on a newline renders as a multi-line arrow: start at the first
/// visible character.
fn trim_span(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = text.get(range.clone()).unwrap_or("");
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.end.min(start + slice.trim().len()).max(start);
    start..end
}

fn parse<T: DeserializeOwned>(source: &Source) -> Result<T, DictionaryError> {
    toml::from_str(&source.text)
        .map_err(|err| DictionaryError::new(source, err.span(), err.message().trim()))
}

fn parse_lang(source: &Source, lang: &toml::Spanned<String>) -> Result<Lang, DictionaryError> {
    Lang::from_code(lang.get_ref()).ok_or_else(|| {
        DictionaryError::new(
            source,
            Some(lang.span()),
            format!(
                "unknown language {:?} (use en, fr, ru or uk)",
                lang.get_ref()
            ),
        )
    })
}

fn add_forms<P: Clone + Send + Sync>(
    source: &Source,
    builder: &mut MatcherBuilder<P>,
    forms: &[toml::Spanned<String>],
    payload: Option<P>,
    case_sensitive: bool,
) -> Result<(), DictionaryError> {
    for form in forms {
        builder
            .add(form.get_ref(), payload.clone(), case_sensitive)
            .map_err(|err| DictionaryError::new(source, Some(form.span()), err.to_string()))?;
    }
    Ok(())
}

/// Every jargon form of `set` as written (braces expanded, ignore phrases left out), with
/// its entry's term and language: what `brieflint dict export` prints.
pub fn jargon_forms(set: &DictionarySet) -> Result<Vec<(Lang, String, String)>, DictionaryError> {
    let mut out = Vec::new();
    for source in &set.jargon {
        let file: JargonFile = parse(source)?;
        let lang = parse_lang(source, &file.lang)?;
        for spec in &file.entries {
            let patterns = std::iter::once(&spec.term)
                .chain(&spec.forms)
                .chain(&spec.exact);
            for pattern in patterns {
                let forms = forms::expand(pattern.get_ref()).map_err(|err| {
                    DictionaryError::new(source, Some(pattern.span()), err.to_string())
                })?;
                out.extend(
                    forms
                        .into_iter()
                        .map(|form| (lang, spec.term.get_ref().clone(), form.trim().to_string())),
                );
            }
        }
    }
    Ok(out)
}

/// A jargon file, checked and expanded: its forms, its `near` forms, its entries.
type JargonSlice = (MatcherBuilder<u32>, MatcherBuilder<u32>, Vec<JargonEntry>);

/// Checks and expands a jargon file's entries (numbered within the file, from `first_id`).
fn jargon_slice(
    source: &Source,
    lang: Lang,
    first_id: u32,
    domains: &BTreeMap<String, u32>,
    slice: impl ExactSizeIterator<Item = (usize, JargonSpec)>,
) -> Result<JargonSlice, DictionaryError> {
    let mut jargon = MatcherBuilder::default();
    let mut near = MatcherBuilder::default();
    let mut entries = Vec::with_capacity(slice.len());
    for (index, spec) in slice {
        let replace = spec.replace.get_ref();
        if replace.is_empty() || replace.iter().any(|r| r.trim().is_empty()) {
            return Err(DictionaryError::new(
                source,
                Some(spec.replace.span()),
                format!(
                    "{:?} needs at least one non-empty replacement",
                    spec.term.get_ref()
                ),
            ));
        }
        if spec.reason.get_ref().trim().is_empty() {
            return Err(DictionaryError::new(
                source,
                Some(spec.reason.span()),
                "the reason is empty",
            ));
        }
        let id = Some(first_id + index as u32);
        add_forms(
            source,
            &mut jargon,
            std::slice::from_ref(&spec.term),
            id,
            false,
        )?;
        add_forms(source, &mut jargon, &spec.forms, id, false)?;
        add_forms(source, &mut jargon, &spec.exact, id, true)?;
        add_forms(source, &mut jargon, &spec.ignore, None, false)?;
        add_forms(source, &mut near, &spec.near, id, false)?;
        let mut entry_domains: DomainSet = 0;
        for name in &spec.domains {
            let bit = domains.get(name.get_ref()).ok_or_else(|| {
                let known: Vec<&str> = domains.keys().map(String::as_str).collect();
                DictionaryError::new(
                    source,
                    Some(name.span()),
                    format!(
                        "unknown domain {:?} (the [domains] of the cue files name: {})",
                        name.get_ref(),
                        known.join(", ")
                    ),
                )
            })?;
            entry_domains |= 1 << bit;
        }
        let invariable = match spec.invariable {
            Some(flag) if *flag.get_ref() && !spec.fix => {
                return Err(DictionaryError::new(
                    source,
                    Some(flag.span()),
                    "`invariable` only says which forms `fix` applies to: set `fix = true` too",
                ));
            }
            Some(flag) => flag.into_inner(),
            None => false,
        };
        entries.push(JargonEntry {
            folded_term: fold_form(spec.term.get_ref()),
            capitalised: spec
                .term
                .get_ref()
                .chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase),
            term: spec.term.into_inner(),
            lang,
            category: spec.category,
            replace: spec.replace.into_inner(),
            reason: spec.reason.into_inner(),
            fix: spec.fix,
            invariable,
            near: !spec.near.is_empty(),
            domains: entry_domains,
        });
    }
    Ok((jargon, near, entries))
}

/// The KPI taxonomy, and each KPI's id by key.
fn taxonomy(sources: &[Source]) -> Result<(Vec<Kpi>, HashMap<String, KpiId>), DictionaryError> {
    let mut kpis = Vec::new();
    let mut kpi_ids: HashMap<String, KpiId> = HashMap::new();
    for source in sources {
        let file: TaxonomyFile = parse(source)?;
        for (key, spec) in file.kpi {
            let span = spec.span();
            let spec = spec.into_inner();
            let w = spec.weights;
            let weights = [w.awareness, w.consideration, w.conversion, w.loyalty];
            let total: f32 = weights.iter().sum();
            if weights.iter().any(|w| *w < 0.0) || (total - 1.0).abs() > 0.01 {
                return Err(DictionaryError::new(
                    source,
                    Some(span),
                    format!(
                        "the weights of KPI {key:?} must be positive and sum to 1 (they sum to {total})"
                    ),
                ));
            }
            kpi_ids.insert(key.clone(), kpis.len() as KpiId);
            kpis.push(Kpi {
                key,
                name: spec.name,
                weights,
            });
        }
    }
    Ok((kpis, kpi_ids))
}

/// What a dictionary file holds, by its folder (jargon files are parsed apart: see
/// [`Jargon`]).
#[derive(Clone, Copy)]
enum Role {
    Kpi,
    Cues,
}

/// A KPI or cue file, parsed.
enum Parsed {
    Kpi(KpiFile),
    Cues(CueFile),
}

/// One KPI or cue file's contribution: its language's forms.
struct Fragment {
    lang: Lang,
    pack: PackBuilder,
}

impl Parsed {
    fn parse(source: &Source, role: Role) -> Result<Self, DictionaryError> {
        Ok(match role {
            Role::Kpi => Parsed::Kpi(parse(source)?),
            Role::Cues => Parsed::Cues(parse(source)?),
        })
    }

    /// Checks the file and expands its forms.
    fn fragment(self, source: &Source, ids: &Ids) -> Result<Fragment, DictionaryError> {
        let mut pack = PackBuilder::default();
        let lang = match self {
            Parsed::Kpi(file) => {
                for kpi in &file.kpi {
                    let id = *ids.kpis.get(kpi.key.get_ref()).ok_or_else(|| {
                        DictionaryError::new(
                            source,
                            Some(kpi.key.span()),
                            format!("KPI {:?} is not in the taxonomy", kpi.key.get_ref()),
                        )
                    })?;
                    add_forms(source, &mut pack.kpi, &kpi.forms, Some(id), false)?;
                    add_forms(source, &mut pack.kpi, &kpi.exact, Some(id), true)?;
                    add_forms(source, &mut pack.kpi, &kpi.ignore, None, false)?;
                }
                parse_lang(source, &file.lang)?
            }
            Parsed::Cues(file) => {
                for (name, forms) in &file.sections {
                    // `other`: section names of no kind that would otherwise read as one
                    // ("evaluation criteria" is not measurement).
                    let kind = match name.as_str() {
                        "other" => None,
                        _ => Some(
                            section_kind(name)
                                .ok_or_else(|| unknown_key(source, "section", name, forms))?,
                        ),
                    };
                    add_forms(source, &mut pack.sections, forms, kind, false)?;
                }
                for (name, forms) in &file.kinds {
                    let kind = match name.as_str() {
                        "brief" => DocKind::Brief,
                        "proposal" => DocKind::Proposal,
                        "neither" => DocKind::Unknown,
                        _ => return Err(unknown_key(source, "kind", name, forms)),
                    };
                    add_forms(source, &mut pack.kinds, forms, Some(kind), false)?;
                }
                for (name, forms) in &file.cues {
                    let cue =
                        cue_kind(name).ok_or_else(|| unknown_key(source, "cue", name, forms))?;
                    add_forms(source, &mut pack.cues, forms, Some(cue), false)?;
                }
                for (name, forms) in &file.domains {
                    let set: DomainSet = 1 << ids.domains[name];
                    add_forms(source, &mut pack.domains, forms, Some(set), false)?;
                }
                parse_lang(source, &file.lang)?
            }
        };
        Ok(Fragment { lang, pack })
    }
}

/// What files refer to by name: KPIs by taxonomy key, domains by their bit.
struct Ids {
    kpis: HashMap<String, KpiId>,
    domains: BTreeMap<String, u32>,
}

/// Every domain the cue files name, in name order, with its bit.
fn domain_ids(
    parsed: &[Parsed],
    files: &[(&Source, Role)],
) -> Result<BTreeMap<String, u32>, DictionaryError> {
    let mut ids = BTreeMap::new();
    for (file, (source, _)) in parsed.iter().zip(files) {
        let Parsed::Cues(cues) = file else { continue };
        for (name, forms) in &cues.domains {
            if !ids.contains_key(name) && ids.len() == MAX_DOMAINS {
                return Err(DictionaryError::new(
                    source,
                    forms.first().map(|f| f.span()),
                    format!("more than {MAX_DOMAINS} domains: merge some"),
                ));
            }
            ids.entry(name.clone()).or_insert(0);
        }
    }
    for (bit, id) in ids.values_mut().enumerate() {
        *id = bit as u32;
    }
    Ok(ids)
}

impl PackBuilder {
    fn append(&mut self, other: PackBuilder) {
        self.kpi.append(other.kpi);
        self.sections.append(other.sections);
        self.kinds.append(other.kinds);
        self.cues.append(other.cues);
        self.domains.append(other.domains);
    }

    /// Copies these forms into `into` at `rank`; the domain words too unless `domains` is
    /// false.
    fn merge_into(&self, into: &mut MatcherBuilder<Term>, rank: u8, domains: bool) {
        into.merge(&self.kpi, Group::Kpi as u8, rank, |&id| Term::Kpi(id));
        into.merge(&self.sections, Group::Sections as u8, rank, |&k| {
            Term::Section(k)
        });
        into.merge(&self.kinds, Group::Kinds as u8, rank, |&k| Term::Kind(k));
        into.merge(&self.cues, Group::Cues as u8, rank, |&c| Term::Cue(c));
        if domains {
            into.merge(&self.domains, Group::Domains as u8, rank, |&d| {
                Term::Domain(d)
            });
        }
    }
}

impl Jargon {
    /// Checks and expands one language's parsed jargon files, in order; entry ids count on
    /// from one file to the next. `allow` phrases are added as ignore phrases.
    fn new(
        lang: Lang,
        files: Vec<(&Source, JargonFile)>,
        domains: &BTreeMap<String, u32>,
        allow: &[String],
    ) -> Result<Self, DictionaryError> {
        let mut jargon = Jargon::default();
        for (source, file) in files {
            let declared = parse_lang(source, &file.lang)?;
            if declared != lang {
                return Err(DictionaryError::new(
                    source,
                    Some(file.lang.span()),
                    format!(
                        "this file is named for {} but declares {}",
                        lang.code(),
                        declared.code()
                    ),
                ));
            }
            // Within a file; a user's file may define a term the built-in one has.
            duplicate_terms([(source, &file)])?;
            let first_id = entry_id(lang, jargon.entries.len());
            let (forms, near, entries) = jargon_slice(
                source,
                lang,
                first_id,
                domains,
                file.entries.into_iter().enumerate(),
            )?;
            jargon.forms.append(forms);
            jargon.near.append(near);
            jargon.entries.extend(entries);
        }
        for phrase in allow {
            // The allow-list comes from configuration, which reports its own errors.
            let _ = jargon.forms.add(phrase, None, false);
        }
        Ok(jargon)
    }
}

impl Dictionaries {
    /// The embedded dictionaries, compiled on first use.
    pub fn embedded() -> &'static Dictionaries {
        static EMBEDDED: OnceLock<Dictionaries> = OnceLock::new();
        EMBEDDED.get_or_init(|| {
            Dictionaries::compile(&DictionarySet::embedded())
                .expect("embedded dictionaries are valid (checked by tests)")
        })
    }

    /// Parses and checks a set of dictionary files. The taxonomy, KPI and cue files are
    /// parsed now, in parallel; jargon files whose language is known from their name (the
    /// embedded ones) when their language is first met, others now, so that a user's file
    /// is checked at start-up. Nothing is folded or compiled until a language is met.
    /// Errors are reported in file order.
    pub fn compile(set: &DictionarySet) -> Result<Self, DictionaryError> {
        let (kpis, kpi_ids) = taxonomy(&set.taxonomy)?;
        let files: Vec<(&Source, Role)> = set
            .kpi
            .iter()
            .map(|s| (s, Role::Kpi))
            .chain(set.cues.iter().map(|s| (s, Role::Cues)))
            .collect();
        let parsed: Vec<Parsed> = files
            .par_iter()
            .map(|&(source, role)| Parsed::parse(source, role))
            .collect::<Result<_, _>>()?;
        let ids = Ids {
            kpis: kpi_ids,
            domains: domain_ids(&parsed, &files)?,
        };
        let fragments: Vec<Fragment> = parsed
            .into_par_iter()
            .zip(files)
            .map(|(file, (source, _))| file.fragment(source, &ids))
            .collect::<Result<_, _>>()?;
        let mut forms: [PackBuilder; 4] = Default::default();
        for fragment in fragments {
            forms[fragment.lang as usize].append(fragment.pack);
        }
        let mut dicts = Self {
            kpis,
            domains: ids.domains.keys().cloned().collect(),
            domain_ids: ids.domains,
            forms,
            jargon_sources: Default::default(),
            jargon: Default::default(),
            allow: set.allow.clone(),
            matchers: Default::default(),
        };
        if set.jargon.iter().all(|source| source.lang.is_some()) {
            for source in &set.jargon {
                let lang = source.lang.expect("checked above");
                dicts.jargon_sources[lang as usize].push(source.clone());
            }
            return Ok(dicts);
        }
        // A file whose language is known only once parsed: parse them all now, by language.
        let files: Vec<JargonFile> = set.jargon.par_iter().map(parse).collect::<Result<_, _>>()?;
        let mut by_lang: [Vec<(&Source, JargonFile)>; 4] = Default::default();
        for (source, file) in set.jargon.iter().zip(files) {
            let lang = match source.lang {
                Some(lang) => lang,
                None => parse_lang(source, &file.lang)?,
            };
            by_lang[lang as usize].push((source, file));
        }
        let parsed: Vec<Jargon> = Lang::ALL
            .into_par_iter()
            .zip(by_lang)
            .map(|(lang, files)| Jargon::new(lang, files, &dicts.domain_ids, &set.allow))
            .collect::<Result<_, _>>()?;
        for (slot, jargon) in dicts.jargon.iter_mut().zip(parsed) {
            *slot = OnceLock::from(jargon);
        }
        Ok(dicts)
    }

    /// Builds every language's matcher now, in parallel: for a large run, which meets most
    /// languages anyway, so that the workers do not wait in turn for each one's first use.
    pub fn prepare(&self) {
        Lang::ALL.par_iter().for_each(|&lang| {
            self.matcher(lang);
        });
    }

    /// One language's jargon, parsed on first use.
    fn jargon(&self, lang: Lang) -> &Jargon {
        self.jargon[lang as usize].get_or_init(|| {
            self.jargon_sources[lang as usize]
                .iter()
                .map(|source| Ok((source, parse(source)?)))
                .collect::<Result<_, DictionaryError>>()
                .and_then(|files| Jargon::new(lang, files, &self.domain_ids, &self.allow))
                .unwrap_or_else(|err| panic!("embedded jargon is valid (checked by tests): {err}"))
        })
    }

    /// A jargon entry by id (a [`Hit`]'s payload).
    pub fn entry(&self, id: u32) -> &JargonEntry {
        let lang = Lang::ALL[(id >> ENTRY_LANG_SHIFT) as usize];
        &self.jargon(lang).entries[(id & ((1 << ENTRY_LANG_SHIFT) - 1)) as usize]
    }

    /// Every jargon entry, language by language (parsing those not parsed yet).
    pub fn entries(&self) -> impl Iterator<Item = &JargonEntry> {
        Lang::ALL
            .into_iter()
            .flat_map(|lang| self.jargon(lang).entries.iter())
    }

    /// The matcher for paragraphs in `lang`: every vocabulary of the language; for Russian
    /// and Ukrainian, the other Cyrillic language's KPI, section, kind and cue words
    /// (telling them apart in a short line is unreliable, and the metric words barely
    /// differ; jargon stays per language, as a Russian word can be plain in Ukrainian);
    /// then every English vocabulary. Built on first use, without rayon: a worker waiting
    /// here must not pick up another file's task that waits here too.
    fn matcher(&self, lang: Lang) -> &Matcher<Term> {
        self.matchers[lang as usize].get_or_init(|| {
            let mut forms = MatcherBuilder::default();
            let mut add_jargon = |lang: Lang, rank: u8| {
                let jargon = self.jargon(lang);
                forms.merge(&jargon.forms, Group::Jargon as u8, rank, |&id| {
                    Term::Jargon(id)
                });
                forms.merge(&jargon.near, Group::Near as u8, rank, |&id| Term::Near(id));
            };
            add_jargon(lang, 0);
            if lang != Lang::En {
                add_jargon(Lang::En, 2);
            }
            self.forms[lang as usize].merge_into(&mut forms, 0, true);
            let other_cyrillic = match lang {
                Lang::Ru => Some(Lang::Uk),
                Lang::Uk => Some(Lang::Ru),
                _ => None,
            };
            if let Some(other) = other_cyrillic {
                self.forms[other as usize].merge_into(&mut forms, 1, false);
            }
            if lang != Lang::En {
                self.forms[Lang::En as usize].merge_into(&mut forms, 2, true);
            }
            forms.build()
        })
    }

    /// Every vocabulary's words in a paragraph in `lang`, in one scan.
    pub fn scan(&self, lang: Lang, text: &str, folded: &Folded) -> Vocabulary {
        let mut found = Vocabulary::default();
        let overlapping = 1 << Group::Domains as u8 | 1 << Group::Near as u8;
        self.matcher(lang)
            .scan(text, folded, overlapping, MAX_HITS, |_, hit| {
                match hit.payload {
                    Term::Jargon(id) => found.jargon.push(hit.with(id)),
                    Term::Kpi(id) => found.kpi.push(hit.with(id)),
                    Term::Section(kind) => found.sections.push(hit.with(kind)),
                    Term::Kind(kind) => found.kinds.push(hit.with(kind)),
                    Term::Cue(cue) => found.cues.push(hit.with(cue)),
                    Term::Domain(set) => found.domains |= set,
                    Term::Near(id) => found.near.push(hit.with(id)),
                }
            });
        found
    }

    pub fn kpi(&self, id: KpiId) -> &Kpi {
        &self.kpis[id as usize]
    }

    pub fn kpi_by_key(&self, key: &str) -> Option<KpiId> {
        self.kpis
            .iter()
            .position(|k| k.key == key)
            .map(|i| i as KpiId)
    }
}

/// How many forms all the user's dictionaries together may expand to: about three times
/// the built-in jargon. A 2 MB file of brace patterns once cost 70 s and 2.3 GB at every
/// start-up.
pub const MAX_USER_FORMS: usize = 50_000;

/// Checks the user's dictionary files (named by configuration) before they are compiled:
/// the forms they expand to, counted without expanding anything, stay under
/// [`MAX_USER_FORMS`]; no jargon term is defined twice, in a file or across them.
pub fn check_user(jargon: &[Source], kpi: &[Source]) -> Result<(), DictionaryError> {
    let mut total = 0usize;
    let mut count = |source: &Source, patterns: &[&toml::Spanned<String>]| {
        for pattern in patterns {
            total = total.saturating_add(expansion_count(pattern.get_ref()));
            if total > MAX_USER_FORMS {
                return Err(DictionaryError::new(
                    source,
                    Some(pattern.span()),
                    format!(
                        "the user dictionaries expand to more than {MAX_USER_FORMS} forms in \
                         all (this pattern passes the limit), which would slow every start-up; \
                         drop rare forms or brace groups"
                    ),
                ));
            }
        }
        Ok(())
    };
    let mut files = Vec::with_capacity(jargon.len());
    for source in jargon {
        let file: JargonFile = parse(source)?;
        for spec in &file.entries {
            let patterns: Vec<_> = std::iter::once(&spec.term)
                .chain(&spec.forms)
                .chain(&spec.exact)
                .chain(&spec.ignore)
                .collect();
            count(source, &patterns)?;
        }
        files.push((source, file));
    }
    for source in kpi {
        let file: KpiFile = parse(source)?;
        for spec in &file.kpi {
            let patterns: Vec<_> = spec
                .forms
                .iter()
                .chain(&spec.exact)
                .chain(&spec.ignore)
                .collect();
            count(source, &patterns)?;
        }
    }
    duplicate_terms(files.iter().map(|(source, file)| (*source, file)))
}

/// How many forms `pattern` expands to (the product of its brace groups' sizes), counted
/// without building them; malformed patterns are reported when expanded.
fn expansion_count(pattern: &str) -> usize {
    pattern
        .split('{')
        .skip(1)
        .filter_map(|group| group.split_once('}'))
        .fold(1usize, |product, (alternatives, _)| {
            product.saturating_mul(alternatives.matches(',').count() + 1)
        })
}

/// The first jargon term defined twice for one language among `files`, located at its
/// second definition: the two entries would compete for the same words, with different
/// advice.
fn duplicate_terms<'a>(
    files: impl IntoIterator<Item = (&'a Source, &'a JargonFile)>,
) -> Result<(), DictionaryError> {
    let mut seen: HashMap<(Lang, String), (&Source, usize)> = HashMap::new();
    for (source, file) in files {
        let lang = parse_lang(source, &file.lang)?;
        for spec in &file.entries {
            let key = (lang, crate::text::fold::fold_form(spec.term.get_ref()));
            if let Some((first, offset)) = seen.get(&key) {
                let line = LineIndex::new(&first.text)
                    .line_col(&first.text, *offset)
                    .line;
                let place = if std::ptr::eq(*first, source) {
                    format!("line {line}")
                } else {
                    format!("{}, line {line}", first.name)
                };
                return Err(DictionaryError::new(
                    source,
                    Some(spec.term.span()),
                    format!(
                        "the term {:?} is defined twice (first at {place}): keep one entry",
                        spec.term.get_ref()
                    ),
                ));
            }
            seen.insert(key, (source, spec.term.span().start));
        }
    }
    Ok(())
}

fn unknown_key(
    source: &Source,
    what: &str,
    name: &str,
    forms: &[toml::Spanned<String>],
) -> DictionaryError {
    DictionaryError::new(
        source,
        forms.first().map(|f| f.span()),
        format!("unknown {what} {name:?}"),
    )
}

fn section_kind(name: &str) -> Option<SectionKind> {
    Some(match name {
        "objectives" => SectionKind::Objectives,
        "kpis" => SectionKind::Kpis,
        "audience" => SectionKind::Audience,
        "budget" => SectionKind::Budget,
        "timing" => SectionKind::Timing,
        "background" => SectionKind::Background,
        "measurement" => SectionKind::Measurement,
        _ => return None,
    })
}

fn cue_kind(name: &str) -> Option<Cue> {
    Some(match name {
        "negation" => Cue::Negation,
        "negation_after" => Cue::NegationAfter,
        "not_negation" => Cue::NotNegation,
        "contrast" => Cue::Contrast,
        "raise_verbs" => Cue::RaiseVerb,
        "spend_words" => Cue::SpendWord,
        "keep_or_cut" => Cue::KeepOrCut,
        "measurement" => Cue::Measurement,
        "date_words" => Cue::DateWord,
        "brief_signals" => Cue::BriefSignal,
        "proposal_signals" => Cue::ProposalSignal,
        "recommendation_signals" => Cue::RecommendationSignal,
        "neither_signals" => Cue::NeitherSignal,
        "goal_nouns" => Cue::GoalNoun,
        "main_goals" => Cue::MainGoal,
        "goal_wishes" => Cue::GoalWish,
        "not_a_goal" => Cue::NotAGoal,
        "others_spend" => Cue::OthersSpend,
        "conditions" => Cue::Condition,
        _ => return None,
    })
}
