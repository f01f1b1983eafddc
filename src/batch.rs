//! Checking many documents at once, in bounded memory and deterministic order.
//!
//! Inputs are grouped by folder (a proposal's brief sits beside it) and cut into chunks of
//! a few megabytes. Each chunk is read and analysed in parallel (rayon), its proposals are
//! paired with their briefs ([`crate::pairing`]: from the chunk, or from disk when the
//! brief is not an input), the [`Engine`] runs the rules and filters on the workers, and
//! each result is rendered there too (its part of the report), and the results are handed
//! on in order before the next chunk is read, so memory follows the chunk, not the
//! archive. Output order is the input order, each folder's files
//! together.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::analysis::{Analysis, kind_from_file_name};
use crate::config::Config;
use crate::discover::is_markdown;
pub use crate::engine::FileResult;
use crate::engine::{self, Engine};
use crate::input::{self, Input, InputError};
use crate::pairing::{self, Disk, Pairing};
use crate::project::Locator;
use crate::vocab::{DocKind, Lang};

/// Source bytes analysed together: enough work for every core, little enough memory.
const CHUNK_BYTES: u64 = 2 << 20;
/// Files analysed together, whatever their size.
const CHUNK_FILES: usize = 512;
/// Folders whose briefs are remembered; past this the memory is given back.
const FOLDER_CACHE: usize = 4096;
/// Briefs read from disk (not inputs) kept analysed for the proposals that follow.
const BRIEF_CACHE: usize = 64;
/// A file that is not an input is read to see whether it is a brief only up to this size
/// (briefs are kilobytes; an export of a whole archive beside a proposal is not one).
const BRIEF_MAX_BYTES: u64 = 1 << 20;

/// How to check a batch.
pub struct Settings<'a> {
    /// `--brief`: the brief every proposal answers, unless its front matter names another.
    pub brief: Option<Input>,
    /// `--lang`: language to assume where a document does not declare one.
    pub lang: Option<Lang>,
    /// The configuration of each input.
    pub config_of: &'a (dyn Fn(&Input) -> Arc<Config> + Sync),
    /// Called once per file analysed (from worker threads), for progress bars.
    pub progress: Option<&'a (dyn Fn() + Sync)>,
    /// Files larger than this are skipped with an error.
    pub max_bytes: u64,
    /// What happens after the rules.
    pub engine: &'a Engine,
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
    pub fn collect(inputs: Vec<Input>, settings: &Settings<'_>) -> Result<Self, String> {
        let mut files = Vec::new();
        let errors = check(inputs, settings, &|_| (), &mut |file, ()| {
            files.push(file);
            true
        })?;
        Ok(Self { files, errors })
    }
}

/// Reads and analyses one input with its configuration.
pub fn analyse(
    input: &Input,
    config: &Config,
    lang: Option<Lang>,
    max_bytes: u64,
) -> Result<Analysis, InputError> {
    Ok(engine::analyse(
        input::read(input, max_bytes)?,
        config,
        lang,
    ))
}

/// Checks `inputs` (and the `--brief`, first), handing each document's result to `emit` in
/// order with what `render` made of it on the worker thread; `emit` returns `false` to stop
/// early (say, the output was closed). Returns the inputs that could not be checked, or a
/// usage error (a `--brief` that is a proposal).
pub fn check<R: Send>(
    mut inputs: Vec<Input>,
    settings: &Settings<'_>,
    render: &(dyn Fn(&FileResult) -> R + Sync),
    emit: &mut dyn FnMut(FileResult, R) -> bool,
) -> Result<Vec<InputError>, String> {
    let mut run = Run::new(settings);
    if let Some(input) = &settings.brief {
        inputs.retain(|i| i != input);
        let config = (settings.config_of)(input);
        match analyse(input, &config, settings.lang, settings.max_bytes) {
            Ok(brief) if brief.kind == DocKind::Proposal => {
                return Err(format!(
                    "--brief {}: this document is a proposal, not a brief (its front matter, name or content says so)",
                    input.name
                ));
            }
            Ok(mut brief) => {
                brief.kind = DocKind::Brief;
                let brief = Arc::new(brief);
                run.cli_brief = Some((input.project.absolute.clone(), brief.clone()));
                let result = settings
                    .engine
                    .process(brief, config, None, None, settings.lang);
                let rendered = render(&result);
                if !emit(result, rendered) {
                    return Ok(run.errors);
                }
            }
            Err(err) => run.errors.push(err),
        }
    }
    let sizes: Vec<u64> = inputs.par_iter().map(size_of).collect();
    if sizes.iter().sum::<u64>() >= PREPARE_BYTES
        && let Some(first) = inputs.first()
    {
        (settings.config_of)(first).dicts.get().prepare();
    }
    let mut chunk: Vec<Input> = Vec::new();
    let mut chunk_bytes = 0;
    for (input, size) in group_by_folder(inputs.into_iter().zip(sizes))
        .into_iter()
        .flatten()
    {
        if !chunk.is_empty() && (chunk_bytes + size > CHUNK_BYTES || chunk.len() >= CHUNK_FILES) {
            if !run.chunk(std::mem::take(&mut chunk), render, emit) {
                return Ok(run.errors);
            }
            chunk_bytes = 0;
        }
        chunk_bytes += size;
        chunk.push(input);
    }
    run.chunk(chunk, render, emit);
    Ok(run.errors)
}

/// From this many bytes of input, every language's matcher is built at the start, in
/// parallel (a few tens of milliseconds of CPU); below it, only the languages met are.
const PREPARE_BYTES: u64 = 1 << 20;

/// The state of one batch run.
struct Run<'r, 'a> {
    settings: &'r Settings<'a>,
    /// The `--brief`, analysed once, by absolute path.
    cli_brief: Option<(PathBuf, Arc<Analysis>)>,
    errors: Vec<InputError>,
    /// The briefs of each folder looked at so far.
    folder_briefs: HashMap<PathBuf, Vec<PathBuf>>,
    /// Briefs analysed, by absolute path, that are not in the current chunk.
    briefs: HashMap<PathBuf, Arc<Analysis>>,
    locator: Locator,
}

/// One analysed input of a chunk.
struct Loaded {
    analysis: Arc<Analysis>,
    config: Arc<Config>,
}

impl<'r, 'a> Run<'r, 'a> {
    fn new(settings: &'r Settings<'a>) -> Self {
        Self {
            settings,
            cli_brief: None,
            errors: Vec::new(),
            folder_briefs: HashMap::new(),
            briefs: HashMap::new(),
            locator: Locator::new(),
        }
    }

    /// Reads, analyses, pairs, checks and renders a chunk in parallel, then emits it in
    /// order.
    fn chunk<R: Send>(
        &mut self,
        inputs: Vec<Input>,
        render: &(dyn Fn(&FileResult) -> R + Sync),
        emit: &mut dyn FnMut(FileResult, R) -> bool,
    ) -> bool {
        let settings = self.settings;
        let loaded: Vec<Result<Loaded, InputError>> = inputs
            .par_iter()
            .map(|input| {
                let config = (settings.config_of)(input);
                let analysis = analyse(input, &config, settings.lang, settings.max_bytes);
                if let Some(progress) = settings.progress {
                    progress();
                }
                analysis.map(|mut analysis| {
                    if settings.brief.is_some() && analysis.kind == DocKind::Unknown {
                        analysis.kind = DocKind::Proposal;
                    }
                    Loaded {
                        analysis: Arc::new(analysis),
                        config,
                    }
                })
            })
            .collect();
        let mut docs = Vec::with_capacity(loaded.len());
        for result in loaded {
            match result {
                Ok(doc) => docs.push(doc),
                Err(err) => self.errors.push(err),
            }
        }
        let index: HashMap<PathBuf, Arc<Analysis>> = docs
            .iter()
            .filter_map(|d| Some((absolute(&d.analysis)?.to_path_buf(), d.analysis.clone())))
            .collect();
        let pairs: Vec<(Option<Arc<Analysis>>, Option<Pairing>)> =
            docs.iter().map(|doc| self.pair(doc, &index)).collect();
        let lang = settings.lang;
        let results: Vec<(FileResult, R)> = docs
            .into_par_iter()
            .zip(pairs)
            .map(|(doc, (brief, pairing))| {
                let brief = brief.map(|b| same_dictionaries(b, &doc.config, lang));
                let result =
                    settings
                        .engine
                        .process(doc.analysis, doc.config, brief, pairing, lang);
                let rendered = render(&result);
                (result, rendered)
            })
            .collect();
        if self.briefs.len() > BRIEF_CACHE {
            self.briefs.clear();
        }
        if self.folder_briefs.len() > FOLDER_CACHE {
            self.folder_briefs.clear();
        }
        results
            .into_iter()
            .all(|(result, rendered)| emit(result, rendered))
    }

    /// The brief of one document of the chunk, and how it was looked for.
    fn pair(
        &mut self,
        doc: &Loaded,
        index: &HashMap<PathBuf, Arc<Analysis>>,
    ) -> (Option<Arc<Analysis>>, Option<Pairing>) {
        let analysis = &doc.analysis;
        let Some(project) = analysis.doc.source.project.as_ref() else {
            // Standard input: only `--brief` can pair it.
            return (self.cli_brief.as_ref().map(|(_, b)| b.clone()), None);
        };
        if analysis.kind == DocKind::Brief {
            return (None, None);
        }
        let declared = analysis
            .doc
            .front_matter
            .as_ref()
            .and_then(|f| f.brief.as_deref());
        if analysis.kind == DocKind::Unknown && declared.is_none() {
            // Notes, articles, case studies: not answers to a brief, so never judged
            // against one found beside them (with --brief they are taken as proposals).
            return (None, None);
        }
        let proposal = pairing::Proposal {
            path: &project.absolute,
            root: &project.root,
            declared,
        };
        let cli = self.cli_brief.as_ref().map(|(path, _)| path.clone());
        let mut disk = ChunkDisk {
            run: self,
            index,
            config: &doc.config,
        };
        let found = pairing::find(&proposal, cli.as_deref(), &mut disk);
        let Pairing::Paired { brief, .. } = &found else {
            return (None, Some(found));
        };
        match self.brief_at(brief, index, &doc.config) {
            Ok(analysis) => (Some(analysis), Some(found)),
            Err(err) => (
                None,
                Some(Pairing::BadDeclaration {
                    declared: declared.unwrap_or_default().to_string(),
                    problem: err.message,
                }),
            ),
        }
    }

    /// The analysed brief at `path`: the command line's, one of the chunk, or read.
    fn brief_at(
        &mut self,
        path: &Path,
        index: &HashMap<PathBuf, Arc<Analysis>>,
        config: &Config,
    ) -> Result<Arc<Analysis>, InputError> {
        if let Some((cli, brief)) = &self.cli_brief
            && cli == path
        {
            return Ok(brief.clone());
        }
        if let Some(brief) = index.get(path).or_else(|| self.briefs.get(path)) {
            return Ok(brief.clone());
        }
        let input = Input::file(path, &mut self.locator);
        let mut brief = analyse(&input, config, self.settings.lang, self.settings.max_bytes)?;
        brief.kind = DocKind::Brief;
        let brief = Arc::new(brief);
        self.briefs.insert(path.to_path_buf(), brief.clone());
        Ok(brief)
    }
}

/// What pairing sees of the disk during one chunk: the chunk's own documents, and other
/// files read when a folder is looked at for the first time.
struct ChunkDisk<'x, 'r, 'a> {
    run: &'x mut Run<'r, 'a>,
    index: &'x HashMap<PathBuf, Arc<Analysis>>,
    /// The configuration of the proposal being paired (its brief is read under it).
    config: &'x Arc<Config>,
}

impl Disk for ChunkDisk<'_, '_, '_> {
    fn briefs_in(&mut self, folder: &Path) -> Vec<PathBuf> {
        if let Some(known) = self.run.folder_briefs.get(folder) {
            return known.clone();
        }
        let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|entry| entry.path())
                    .filter(|path| is_markdown(path) && !is_hidden(path))
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        let settings = self.run.settings;
        let config = self.config;
        // Only files that may be briefs are read: not those whose name says proposal, not
        // large ones.
        let unread: Vec<PathBuf> = files
            .iter()
            .filter_map(|path| path.canonicalize().ok())
            .filter(|path| !self.index.contains_key(path) && !self.run.briefs.contains_key(path))
            .filter(|path| kind_from_file_name(path) != Some(DocKind::Proposal))
            .filter(|path| std::fs::metadata(path).is_ok_and(|m| m.len() <= BRIEF_MAX_BYTES))
            .collect();
        let unread: Vec<Input> = unread
            .iter()
            .map(|path| Input::file(path, &mut self.run.locator))
            .collect();
        let read: Vec<(PathBuf, Analysis)> = unread
            .par_iter()
            .filter_map(|input| {
                let analysis = analyse(input, config, settings.lang, settings.max_bytes).ok()?;
                Some((input.project.absolute.clone(), analysis))
            })
            .collect();
        for (path, analysis) in read {
            if analysis.kind == DocKind::Brief {
                self.run.briefs.insert(path, Arc::new(analysis));
            }
        }
        let briefs: Vec<PathBuf> = files
            .iter()
            .filter_map(|path| path.canonicalize().ok())
            .filter(|path| {
                self.index
                    .get(path)
                    .or_else(|| self.run.briefs.get(path))
                    .is_some_and(|a| a.kind == DocKind::Brief)
            })
            .collect();
        self.run
            .folder_briefs
            .insert(folder.to_path_buf(), briefs.clone());
        briefs
    }

    fn canonical(&self, path: &Path) -> Option<PathBuf> {
        path.canonicalize().ok()
    }
}

/// A brief analysed under another configuration's dictionaries is analysed again under
/// the proposal's, so both sides speak of the same KPIs.
fn same_dictionaries(brief: Arc<Analysis>, config: &Config, lang: Option<Lang>) -> Arc<Analysis> {
    if brief.dicts_id == crate::analysis::dicts_id(config.dicts.get()) {
        return brief;
    }
    let mut again = engine::analyse(brief.doc.source.clone(), config, lang);
    again.kind = brief.kind;
    Arc::new(again)
}

fn absolute(analysis: &Analysis) -> Option<&Path> {
    analysis
        .doc
        .source
        .project
        .as_ref()
        .map(|p| p.absolute.as_path())
        .filter(|_| analysis.doc.source.path.is_some())
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.as_encoded_bytes().starts_with(b"."))
}

/// Inputs grouped by folder, folders in order of first appearance, files in input order.
fn group_by_folder<T>(inputs: impl Iterator<Item = (Input, T)>) -> Vec<Vec<(Input, T)>> {
    let mut groups: Vec<Vec<(Input, T)>> = Vec::new();
    let mut index: HashMap<Option<PathBuf>, usize> = HashMap::new();
    for (input, extra) in inputs {
        let folder = input
            .path()
            .and_then(|_| input.project.absolute.parent())
            .map(Path::to_path_buf);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_keep_first_appearance_order() {
        let dir = tempfile::tempdir().unwrap();
        for folder in ["a", "b"] {
            std::fs::create_dir(dir.path().join(folder)).unwrap();
        }
        let mut locator = Locator::new();
        let inputs = ["a/1.md", "b/1.md", "a/2.md", "b/2.md", "a/3.md"]
            .map(|f| Input::file(&dir.path().join(f), &mut locator));
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
