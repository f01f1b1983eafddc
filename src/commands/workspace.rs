//! From command-line paths to a checked batch: list the files, find each one's
//! configuration, run the batch. Shared by `check` and `audit`.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::batch::{self, FileResult, Settings};
use crate::config::{self, Config, ConfigError};
use crate::discover;
use crate::input::{Input, InputError};
use crate::vocab::Lang;

/// What to check.
pub struct Request<'a> {
    pub paths: &'a [PathBuf],
    pub brief: Option<&'a Path>,
    pub stdin_filename: &'a str,
    pub config: Option<&'a Path>,
    pub lang: Option<Lang>,
    /// Called once per file analysed (from worker threads).
    pub progress: Option<&'a (dyn Fn() + Sync)>,
}

/// Lists, configures and checks, handing each file's result to `emit` in order (it returns
/// `false` to stop); returns the files that could not be checked. A configuration error
/// stops everything (exit 2): results under a configuration the user did not mean would be
/// wrong.
pub fn run(
    request: &Request<'_>,
    emit: &mut dyn FnMut(FileResult) -> bool,
) -> Result<Vec<InputError>, ConfigError> {
    let mut configs = Configs::new(request.config);
    let (inputs, mut errors) = configs.list(request)?;
    let brief = request.brief.map(|path| {
        if path.as_os_str() == "-" {
            Input::Stdin(request.stdin_filename.to_string())
        } else {
            Input::File(path.to_path_buf())
        }
    });
    let resolved: HashMap<Input, Arc<Config>> = inputs
        .iter()
        .chain(brief.as_ref())
        .map(|input| configs.for_input(input).map(|c| (input.clone(), c)))
        .collect::<Result<_, _>>()?;
    let config_of = |input: &Input| resolved.get(input).cloned().unwrap_or_default();
    let settings = Settings {
        brief,
        lang: request.lang,
        config_of: &config_of,
        progress: request.progress,
    };
    errors.extend(batch::check(inputs, &settings, emit));
    Ok(errors)
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
        let config = Arc::new(match &path {
            Some(path) => Config::load(path)?,
            None => Config::default(),
        });
        self.loaded.insert(path, config.clone());
        Ok(config)
    }

    fn for_path(&mut self, path: &Path) -> Result<Arc<Config>, ConfigError> {
        let found = self.forced.clone().or_else(|| config::discover(path));
        self.load(found)
    }

    fn for_input(&mut self, input: &Input) -> Result<Arc<Config>, ConfigError> {
        match input {
            Input::File(path) => {
                let folder = path.parent().unwrap_or(Path::new("")).to_path_buf();
                if let Some(config) = self.by_folder.get(&folder) {
                    return Ok(config.clone());
                }
                let config = self.for_path(path)?;
                self.by_folder.insert(folder, config.clone());
                Ok(config)
            }
            Input::Stdin(_) => self.for_path(Path::new(".")),
        }
    }

    /// Lists the inputs, skipping each walked folder's configured `exclude` paths.
    fn list(
        &mut self,
        request: &Request<'_>,
    ) -> Result<(Vec<Input>, Vec<InputError>), ConfigError> {
        let mut inputs: Vec<Input> = Vec::new();
        let mut seen: HashSet<Input> = HashSet::new();
        let mut errors = Vec::new();
        for path in request.paths {
            let exclude = if path.is_dir() {
                self.for_path(path)?.exclude.clone()
            } else {
                Vec::new()
            };
            let (found, failed) =
                discover::discover(std::slice::from_ref(path), request.stdin_filename, &exclude);
            inputs.extend(found.into_iter().filter(|i| seen.insert(i.clone())));
            errors.extend(failed);
        }
        Ok((inputs, errors))
    }
}
