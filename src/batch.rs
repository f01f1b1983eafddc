//! Checking many documents at once, in bounded memory and deterministic order.
//!
//! Inputs are grouped by folder (a proposal's brief sits beside it) and cut into chunks of
//! a few megabytes. Each chunk is read, analysed and checked in parallel (rayon), and its
//! results are handed on in order before the next chunk is read, so memory follows the
//! chunk, not the archive. Output order is the input order, each folder's files together.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::analysis::Analysis;
use crate::config::Config;
use crate::document::Document;
use crate::finding::Finding;
use crate::input::{self, Input, InputError};
use crate::rules::{self, Context};
use crate::suppress;
use crate::vocab::DocKind;
use crate::vocab::Lang;

/// Source bytes analysed together: enough work for every core, little enough memory.
const CHUNK_BYTES: u64 = 2 << 20;
/// Files analysed together, whatever their size.
const CHUNK_FILES: usize = 512;

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

/// A whole batch collected in memory: per-document results in order, and per-file errors.
/// Reporters take it for small runs and tests; the command line streams instead.
#[derive(Default)]
pub struct BatchResult {
    pub files: Vec<FileResult>,
    pub errors: Vec<InputError>,
}

impl BatchResult {
    /// Checks `inputs` and keeps every result.
    pub fn collect(inputs: Vec<Input>, settings: &Settings<'_>) -> Self {
        let mut files = Vec::new();
        let errors = check(inputs, settings, &mut |file| {
            files.push(file);
            true
        });
        Self { files, errors }
    }
}

/// Reads and analyses one input with its configuration.
pub fn analyse(input: &Input, config: &Config, lang: Option<Lang>) -> Result<Analysis, InputError> {
    let source = input::read(input)?;
    Ok(Analysis::new(
        Document::parse(source, lang.or(config.lang)),
        config.dicts.get(),
    ))
}

/// Checks `inputs` (and the `--brief`, first), handing each document's result to `emit` in
/// order; `emit` returns `false` to stop early (say, the output was closed). Returns the
/// inputs that could not be checked.
pub fn check(
    mut inputs: Vec<Input>,
    settings: &Settings<'_>,
    emit: &mut dyn FnMut(FileResult) -> bool,
) -> Vec<InputError> {
    let mut errors = Vec::new();
    let mut run = Run {
        settings,
        cli_brief: None,
        errors: &mut errors,
    };
    if let Some(input) = &settings.brief {
        inputs.retain(|i| i != input);
        let config = (settings.config_of)(input);
        match analyse(input, &config, settings.lang) {
            Ok(mut brief) => {
                brief.kind = DocKind::Brief;
                let brief = Arc::new(brief);
                run.cli_brief = Some(brief.clone());
                if !emit(run.check_one(brief, config, None)) {
                    return errors;
                }
            }
            Err(err) => run.errors.push(err),
        }
    }
    let sizes: Vec<u64> = inputs.par_iter().map(size_of).collect();
    let mut chunk: Vec<Input> = Vec::new();
    let mut chunk_bytes = 0;
    for group in group_by_folder(inputs.into_iter().zip(sizes)) {
        let group_bytes: u64 = group.iter().map(|(_, size)| size).sum();
        let group: Vec<Input> = group.into_iter().map(|(input, _)| input).collect();
        if group_bytes > CHUNK_BYTES || group.len() > CHUNK_FILES {
            if !run.chunk(std::mem::take(&mut chunk), None, emit) {
                return errors;
            }
            chunk_bytes = 0;
            if !run.large_folder(group, emit) {
                return errors;
            }
            continue;
        }
        if chunk_bytes + group_bytes > CHUNK_BYTES || chunk.len() + group.len() > CHUNK_FILES {
            if !run.chunk(std::mem::take(&mut chunk), None, emit) {
                return errors;
            }
            chunk_bytes = 0;
        }
        chunk_bytes += group_bytes;
        chunk.extend(group);
    }
    run.chunk(chunk, None, emit);
    errors
}

/// The state of one batch run.
struct Run<'r, 'a> {
    settings: &'r Settings<'a>,
    /// The `--brief`, analysed once.
    cli_brief: Option<Arc<Analysis>>,
    errors: &'r mut Vec<InputError>,
}

/// The one brief of a folder, when a folder's files are split across chunks.
type FolderBrief = (PathBuf, Arc<Analysis>);

impl Run<'_, '_> {
    /// Reads, analyses, pairs and checks a chunk in parallel, then emits it in order.
    fn chunk(
        &mut self,
        inputs: Vec<Input>,
        folder_brief: Option<&FolderBrief>,
        emit: &mut dyn FnMut(FileResult) -> bool,
    ) -> bool {
        let settings = self.settings;
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
        for (config, result) in loaded {
            match result {
                Ok(mut analysis) => {
                    if settings.brief.is_some() && analysis.kind == DocKind::Unknown {
                        analysis.kind = DocKind::Proposal;
                    }
                    docs.push((Arc::new(analysis), config));
                }
                Err(err) => self.errors.push(err),
            }
        }
        let briefs = self.pair(&docs, folder_brief);
        let results: Vec<FileResult> = docs
            .into_par_iter()
            .zip(briefs)
            .map(|((analysis, config), brief)| {
                let brief = brief.map(|b| same_dictionaries(b, &config, settings.lang));
                self.check_one(analysis, config, brief)
            })
            .collect();
        results.into_iter().all(emit)
    }

    /// A folder too big for one chunk: find its briefs first (analysing each file and
    /// keeping only whether it is a brief), then check it chunk by chunk.
    fn large_folder(
        &mut self,
        inputs: Vec<Input>,
        emit: &mut dyn FnMut(FileResult) -> bool,
    ) -> bool {
        let settings = self.settings;
        let folder_brief = if settings.brief.is_some() {
            None
        } else {
            let briefs: Vec<usize> = inputs
                .par_iter()
                .enumerate()
                .filter(|(_, input)| {
                    let config = (settings.config_of)(input);
                    analyse(input, &config, settings.lang)
                        .is_ok_and(|analysis| analysis.kind == DocKind::Brief)
                })
                .map(|(index, _)| index)
                .collect();
            match briefs.as_slice() {
                [only] => {
                    let input = &inputs[*only];
                    let config = (settings.config_of)(input);
                    analyse(input, &config, settings.lang)
                        .ok()
                        .zip(input.path())
                        .map(|(brief, path)| (folder_of(path), Arc::new(brief)))
                }
                _ => None,
            }
        };
        let mut inputs = inputs.into_iter().peekable();
        while inputs.peek().is_some() {
            let piece: Vec<Input> = inputs.by_ref().take(CHUNK_FILES / 4).collect();
            if !self.chunk(piece, folder_brief.as_ref(), emit) {
                return false;
            }
        }
        true
    }

    /// Runs the rules on one document and applies its configuration and suppressions.
    fn check_one(
        &self,
        analysis: Arc<Analysis>,
        config: Arc<Config>,
        brief: Option<Arc<Analysis>>,
    ) -> FileResult {
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
    }

    /// The brief of each document: `--brief`; else front matter `brief:` (relative to the
    /// proposal); else the one brief in the proposal's folder, if there is exactly one.
    fn pair(
        &mut self,
        docs: &[(Arc<Analysis>, Arc<Config>)],
        folder_brief: Option<&FolderBrief>,
    ) -> Vec<Option<Arc<Analysis>>> {
        let by_path: HashMap<PathBuf, &Arc<Analysis>> = docs
            .iter()
            .filter_map(|(d, _)| Some((canonical(d.doc.source.path.as_deref()?), d)))
            .collect();
        let mut folder_briefs: HashMap<PathBuf, Vec<&Arc<Analysis>>> = HashMap::new();
        if let Some((folder, brief)) = folder_brief {
            folder_briefs.insert(folder.clone(), vec![brief]);
        } else {
            for (doc, _) in docs.iter().filter(|(d, _)| d.kind == DocKind::Brief) {
                if let Some(path) = &doc.doc.source.path {
                    folder_briefs.entry(folder_of(path)).or_default().push(doc);
                }
            }
        }
        let mut from_disk: HashMap<PathBuf, Result<Arc<Analysis>, String>> = HashMap::new();
        let mut briefs = Vec::with_capacity(docs.len());
        for (doc, config) in docs {
            if doc.kind == DocKind::Brief {
                briefs.push(None);
                continue;
            }
            if let Some(brief) = &self.cli_brief {
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
                    let key = canonical(&target);
                    match by_path.get(&key) {
                        Some(found) => Some((*found).clone()),
                        None => {
                            // Several proposals often name the same brief: read it once.
                            let read = from_disk.entry(key).or_insert_with(|| {
                                let mut brief =
                                    analyse(&Input::File(target), config, self.settings.lang)
                                        .map_err(|err| err.message)?;
                                brief.kind = DocKind::Brief;
                                Ok(Arc::new(brief))
                            });
                            match read {
                                Ok(brief) => Some(brief.clone()),
                                Err(message) => {
                                    self.errors.push(InputError::new(
                                        doc.doc.source.name.clone(),
                                        format!("its front matter names the brief {declared:?}, which cannot be read: {message}"),
                                    ));
                                    None
                                }
                            }
                        }
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

/// Inputs grouped by folder (as spelt), folders in order of first appearance, files in
/// input order.
fn group_by_folder<T>(inputs: impl Iterator<Item = (Input, T)>) -> Vec<Vec<(Input, T)>> {
    let mut groups: Vec<Vec<(Input, T)>> = Vec::new();
    let mut index: HashMap<Option<PathBuf>, usize> = HashMap::new();
    for (input, extra) in inputs {
        let folder = input
            .path()
            .map(|path| path.parent().unwrap_or(Path::new("")).to_path_buf());
        let at = *index.entry(folder).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[at].push((input, extra));
    }
    groups
}

fn size_of(input: &Input) -> u64 {
    input
        .path()
        .and_then(|path| std::fs::metadata(path).ok())
        .map_or(0, |meta| meta.len())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_keep_first_appearance_order() {
        let dir = tempfile::tempdir().unwrap();
        for folder in ["a", "b"] {
            std::fs::create_dir(dir.path().join(folder)).unwrap();
        }
        let file = |f: &str| Input::File(dir.path().join(f));
        let inputs = ["a/1.md", "b/1.md", "a/2.md", "b/2.md", "a/3.md"].map(file);
        let groups = group_by_folder(inputs.into_iter().map(|i| (i, ())));
        let names: Vec<Vec<String>> = groups
            .iter()
            .map(|g| {
                g.iter()
                    .map(|(i, _)| i.path().unwrap().strip_prefix(dir.path()).unwrap())
                    .map(|p| p.display().to_string())
                    .collect()
            })
            .collect();
        assert_eq!(
            names,
            vec![vec!["a/1.md", "a/2.md", "a/3.md"], vec!["b/1.md", "b/2.md"]]
        );
    }
}
