//! From command-line paths to a checked batch: list the files, find each one's
//! configuration, run the batch. Shared by `check` and `audit`.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::batch::{self, FileResult, Settings};
use crate::config::{self, Config, ConfigError, Trust};
use crate::discover;
use crate::engine::Engine;
use crate::input::{Input, InputError};
use crate::project::Locator;
use crate::vocab::Lang;

/// What to check.
pub struct Request<'a> {
    pub paths: &'a [PathBuf],
    pub brief: Option<&'a Path>,
    pub stdin_filename: &'a str,
    pub config: Option<&'a Path>,
    pub lang: Option<Lang>,
    /// Apply the configuration's `exclude` to files named on the command line too.
    pub force_exclude: bool,
    pub max_file_size: u64,
    /// Called once per file analysed (from worker threads).
    pub progress: Option<&'a (dyn Fn() + Sync)>,
}

/// Why a run could not start.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum Failure {
    #[error(transparent)]
    #[diagnostic(transparent)]
    Config(#[from] ConfigError),
    #[error("{0}")]
    Usage(String),
}

/// What a run did besides the results it handed on.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Files that could not be checked.
    pub errors: Vec<InputError>,
    /// No Markdown file was found under the paths given.
    pub nothing_found: bool,
}

/// Lists, configures and checks, handing each file's result to `emit` in order with what
/// `render` made of it on the worker thread (`emit` returns `false` to stop). A configuration error stops everything (exit 2): results under a
/// configuration the user did not mean would be wrong.
pub fn run<R: Send>(
    request: &Request<'_>,
    engine: &Engine,
    render: &(dyn Fn(&FileResult) -> R + Sync),
    emit: &mut dyn FnMut(FileResult, R) -> bool,
) -> Result<Outcome, Failure> {
    let mut configs = Configs::new(request.config);
    let mut locator = Locator::new();
    let (inputs, mut errors) = configs.list(request, &mut locator)?;
    let brief = request.brief.map(|path| {
        if path.as_os_str() == "-" {
            Input::stdin(request.stdin_filename, &mut locator)
        } else {
            Input::file(path, &mut locator)
        }
    });
    let nothing_found = inputs.is_empty() && errors.is_empty() && brief.is_none();
    for input in inputs.iter().chain(brief.as_ref()) {
        configs.for_input(input)?;
    }
    let configs = Mutex::new(configs);
    let config_of = |input: &Input| {
        let mut configs = configs.lock().unwrap_or_else(|e| e.into_inner());
        // Every input's configuration was loaded above, so this cannot fail.
        configs.for_input(input).unwrap_or_default()
    };
    let settings = Settings {
        brief,
        lang: request.lang,
        config_of: &config_of,
        progress: request.progress,
        max_bytes: request.max_file_size,
        engine,
    };
    errors.extend(batch::check(inputs, &settings, render, emit).map_err(Failure::Usage)?);
    Ok(Outcome {
        errors,
        nothing_found,
    })
}

/// Configurations by file: `--config`, else the nearest brieflint.toml, loaded once each.
struct Configs {
    forced: Option<PathBuf>,
    loaded: HashMap<Option<PathBuf>, Arc<Config>>,
    /// The configuration of each folder files were found in: an archive has thousands of
    /// files per folder, and looking up the tree costs a dozen system calls each time.
    by_folder: HashMap<PathBuf, Arc<Config>>,
}

impl Configs {
    fn new(forced: Option<&Path>) -> Self {
        Self {
            forced: forced.map(Path::to_path_buf),
            loaded: HashMap::new(),
            by_folder: HashMap::new(),
        }
    }

    fn load(&mut self, path: Option<PathBuf>) -> Result<Arc<Config>, ConfigError> {
        if let Some(config) = self.loaded.get(&path) {
            return Ok(config.clone());
        }
        let trust = if self.forced.is_some() {
            Trust::Given
        } else {
            Trust::Found
        };
        let config = Arc::new(match &path {
            Some(path) => Config::load(path, trust)?,
            None => Config::default(),
        });
        self.loaded.insert(path, config.clone());
        Ok(config)
    }

    /// The configuration of files in `folder` (absolute).
    fn for_folder(&mut self, folder: &Path) -> Result<Arc<Config>, ConfigError> {
        if let Some(config) = self.by_folder.get(folder) {
            return Ok(config.clone());
        }
        let found = self.forced.clone().or_else(|| config::discover(folder));
        let config = self.load(found)?;
        self.by_folder.insert(folder.to_path_buf(), config.clone());
        Ok(config)
    }

    fn for_input(&mut self, input: &Input) -> Result<Arc<Config>, ConfigError> {
        let folder = input.project.absolute.parent().unwrap_or(Path::new("/"));
        self.for_folder(folder)
    }

    /// Lists the inputs: walked folders without what their configuration excludes, and
    /// files named on the command line (without what it excludes, with `--force-exclude`),
    /// each file once however it was spelt.
    fn list(
        &mut self,
        request: &Request<'_>,
        locator: &mut Locator,
    ) -> Result<(Vec<Input>, Vec<InputError>), ConfigError> {
        let mut inputs: Vec<Input> = Vec::new();
        let mut seen: HashSet<Input> = HashSet::new();
        let mut errors = Vec::new();
        for path in request.paths {
            if path.as_os_str() == "-" {
                let input = Input::stdin(request.stdin_filename, locator);
                if seen.insert(input.clone()) {
                    inputs.push(input);
                }
                continue;
            }
            let found: Vec<Input> = if path.is_dir() {
                let absolute = locator.absolute(path);
                let exclude = self.for_folder(&absolute)?.exclude.clone();
                let inside = locator.root_of(&absolute);
                let mut failure = None;
                let (files, failed) = discover::walk(path, &inside, exclude, &mut |file| {
                    let absolute = locator.absolute(file);
                    let folder = absolute.parent().unwrap_or(Path::new("/"));
                    match self.for_folder(folder) {
                        Ok(config) => config.exclude.excludes(&absolute),
                        Err(err) => {
                            failure.get_or_insert(err);
                            true
                        }
                    }
                });
                if let Some(err) = failure {
                    return Err(err);
                }
                errors.extend(failed);
                files.iter().map(|f| Input::file(f, locator)).collect()
            } else {
                let input = Input::file(path, locator);
                let excluded = request.force_exclude
                    && self
                        .for_input(&input)?
                        .exclude
                        .excludes(&input.project.absolute);
                if excluded { Vec::new() } else { vec![input] }
            };
            inputs.extend(found.into_iter().filter(|i| seen.insert(i.clone())));
        }
        Ok((inputs, errors))
    }
}
