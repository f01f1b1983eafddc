//! Checking many documents at once: read and analyse in parallel (rayon), pair each
//! proposal with its brief, run the rules in parallel, and return results in input order.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::analysis::Analysis;
use crate::config::Config;
use crate::dictionary::DocKind;
use crate::document::{Document, Lang};
use crate::finding::Finding;
use crate::input::{self, Input, InputError};
use crate::rules::{self, Context};
use crate::suppress;

/// How to check a batch.
pub struct Settings<'a> {
    /// `--brief`: the brief every proposal answers.
    pub brief: Option<Input>,
    /// `--lang`: language to assume where a document does not declare one.
    pub lang: Option<Lang>,
    /// The configuration of each input.
    pub config_of: &'a (dyn Fn(&Input) -> Arc<Config> + Sync),
    /// Called once per file analysed (from worker threads), for progress bars.
    pub progress: Option<&'a (dyn Fn() + Sync)>,
}

/// The result for one document.
pub struct FileResult {
    pub analysis: Arc<Analysis>,
    pub config: Arc<Config>,
    /// The brief this document was checked against.
    pub brief: Option<Arc<Analysis>>,
    pub findings: Vec<Finding>,
}

/// The result of a batch: per-document results in input order, and per-file errors.
#[derive(Default)]
pub struct BatchResult {
    pub files: Vec<FileResult>,
    pub errors: Vec<InputError>,
}

/// Reads and analyses one input with its configuration.
pub fn analyse(input: &Input, config: &Config, lang: Option<Lang>) -> Result<Analysis, InputError> {
    let source = input::read(input)?;
    Ok(Analysis::new(
        Document::parse(source, lang.or(config.lang)),
        config.dicts.get(),
    ))
}

/// Checks `inputs` (and the `--brief`, listed first if it is not among them).
pub fn check(
    inputs: Vec<Input>,
    settings: &Settings<'_>,
    mut errors: Vec<InputError>,
) -> BatchResult {
    let mut inputs = inputs;
    if let Some(brief) = &settings.brief
        && !inputs.contains(brief)
    {
        inputs.insert(0, brief.clone());
    }
    let loaded: Vec<(Arc<Config>, Result<Analysis, InputError>)> = inputs
        .par_iter()
        .map(|input| {
            let config = (settings.config_of)(input);
            let analysis = analyse(input, &config, settings.lang);
            if let Some(progress) = settings.progress {
                progress();
            }
            (config, analysis)
        })
        .collect();
    let mut docs = Vec::new();
    for (input, (config, result)) in inputs.iter().zip(loaded) {
        match result {
            Ok(mut analysis) => {
                if settings.brief.as_ref() == Some(input) {
                    analysis.kind = DocKind::Brief;
                } else if settings.brief.is_some() && analysis.kind == DocKind::Unknown {
                    analysis.kind = DocKind::Proposal;
                }
                docs.push((Arc::new(analysis), config));
            }
            Err(err) => errors.push(err),
        }
    }
    let briefs = pair(&docs, settings, &mut errors);
    let files = docs
        .into_par_iter()
        .zip(briefs)
        .map(|((analysis, config), brief)| {
            let brief = brief.map(|b| same_dictionaries(b, &config, settings.lang));
            let ctx = Context {
                doc: &analysis,
                brief: brief.as_deref(),
                dicts: config.dicts.get(),
            };
            let mut findings = rules::check(&ctx, |rule| config.severity(rule).is_some());
            for finding in &mut findings {
                if let Some(severity) = rules::find(finding.rule).and_then(|r| config.severity(r)) {
                    finding.severity = severity;
                }
            }
            suppress::apply(&analysis.doc, &mut findings);
            FileResult {
                analysis,
                config,
                brief,
                findings,
            }
        })
        .collect();
    BatchResult { files, errors }
}

/// A brief analysed under another configuration's dictionaries is analysed again under
/// the proposal's, so both sides speak of the same KPIs.
fn same_dictionaries(brief: Arc<Analysis>, config: &Config, lang: Option<Lang>) -> Arc<Analysis> {
    if brief.dicts_id == crate::analysis::dicts_id(config.dicts.get()) {
        return brief;
    }
    let doc = Document::parse(brief.doc.source.clone(), lang.or(config.lang));
    let mut again = Analysis::new(doc, config.dicts.get());
    again.kind = brief.kind;
    Arc::new(again)
}

/// The brief of each document: `--brief`; else front matter `brief:` (relative to the
/// proposal); else the one brief in the proposal's folder, if there is exactly one.
fn pair(
    docs: &[(Arc<Analysis>, Arc<Config>)],
    settings: &Settings<'_>,
    errors: &mut Vec<InputError>,
) -> Vec<Option<Arc<Analysis>>> {
    let by_path: HashMap<PathBuf, &Arc<Analysis>> = docs
        .iter()
        .filter_map(|(d, _)| Some((canonical(d.doc.source.path.as_deref()?), d)))
        .collect();
    let cli_brief = settings
        .brief
        .as_ref()
        .and_then(|b| docs.iter().find(|(d, _)| d.doc.source.name == b.name()))
        .map(|(d, _)| d.clone());
    let mut folder_briefs: HashMap<PathBuf, Vec<&Arc<Analysis>>> = HashMap::new();
    for (doc, _) in docs.iter().filter(|(d, _)| d.kind == DocKind::Brief) {
        if let Some(path) = &doc.doc.source.path {
            folder_briefs.entry(folder_of(path)).or_default().push(doc);
        }
    }
    let mut briefs = Vec::with_capacity(docs.len());
    for (doc, config) in docs {
        if doc.kind == DocKind::Brief {
            briefs.push(None);
            continue;
        }
        if let Some(brief) = &cli_brief {
            briefs.push(Some(brief.clone()));
            continue;
        }
        let Some(path) = doc.doc.source.path.as_deref() else {
            briefs.push(None);
            continue;
        };
        let declared = doc
            .doc
            .front_matter
            .as_ref()
            .and_then(|f| f.brief.as_deref());
        let brief = match declared {
            Some(declared) => {
                let target = folder_of(path).join(declared);
                match by_path.get(&canonical(&target)) {
                    Some(found) => Some((*found).clone()),
                    None => match analyse(&Input::File(target), config, settings.lang) {
                        Ok(mut brief) => {
                            brief.kind = DocKind::Brief;
                            Some(Arc::new(brief))
                        }
                        Err(err) => {
                            errors.push(InputError::new(
                                doc.doc.source.name.clone(),
                                format!("its front matter names the brief {declared:?}, which cannot be read: {}", err.message),
                            ));
                            None
                        }
                    },
                }
            }
            None => match folder_briefs.get(&folder_of(path)).map(Vec::as_slice) {
                Some([only]) => Some((*only).clone()),
                _ => None,
            },
        };
        briefs.push(brief);
    }
    briefs
}

fn folder_of(path: &Path) -> PathBuf {
    let parent = path.parent().unwrap_or(Path::new(""));
    canonical(if parent.as_os_str().is_empty() {
        Path::new(".")
    } else {
        parent
    })
}

fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}
