//! Which brief a proposal answers.
//!
//! A proposal is paired with, in order: the brief its front matter names (`brief:`,
//! relative to the proposal, and inside its project); the `--brief` of the command line;
//! the single brief of its folder; the single brief of the nearest parent folder that has
//! any, up to the project root. Two briefs at the level where the search stops leave the
//! proposal unpaired, and the caller says so, as it does when no brief is found: a
//! pre-commit hook that checks `clients/acme/proposal.md` alone must still compare it with
//! `clients/acme/brief.md`.
//!
//! The logic is pure: what is on disk comes through [`Disk`], so tests can describe a
//! tree without creating it, and the batch can answer from documents it has already read.

use std::path::{Path, PathBuf};

use crate::project::lexical;

/// What pairing needs to know about the file system.
pub trait Disk {
    /// The briefs among the Markdown files of `folder` (absolute), sorted.
    fn briefs_in(&mut self, folder: &Path) -> Vec<PathBuf>;
    /// `path` with symbolic links resolved, if it exists.
    fn canonical(&self, path: &Path) -> Option<PathBuf>;
}

/// How a brief was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    FrontMatter,
    CommandLine,
    /// The only brief of the proposal's folder, or of the nearest parent that has one.
    Folder,
}

/// The outcome of pairing one proposal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pairing {
    Paired {
        brief: PathBuf,
        via: Via,
    },
    /// Several briefs where the search stopped: the user must say which.
    Ambiguous {
        folder: PathBuf,
        briefs: Vec<PathBuf>,
    },
    /// Front matter names a brief that cannot be used.
    BadDeclaration {
        declared: String,
        problem: String,
    },
    NotFound,
}

/// What is known of the proposal being paired.
pub struct Proposal<'a> {
    /// Its absolute path.
    pub path: &'a Path,
    /// Its project root: the search never goes above it, and a declared brief must be
    /// inside it.
    pub root: &'a Path,
    /// Front matter `brief:`.
    pub declared: Option<&'a str>,
}

/// Finds the brief of `proposal`; `cli` is `--brief`, absolute.
pub fn find(proposal: &Proposal<'_>, cli: Option<&Path>, disk: &mut dyn Disk) -> Pairing {
    let folder = proposal.path.parent().unwrap_or(Path::new("/"));
    if let Some(declared) = proposal.declared {
        return from_front_matter(declared, folder, proposal.root, disk);
    }
    if let Some(cli) = cli {
        return Pairing::Paired {
            brief: cli.to_path_buf(),
            via: Via::CommandLine,
        };
    }
    for level in folder.ancestors() {
        let briefs: Vec<PathBuf> = disk
            .briefs_in(level)
            .into_iter()
            .filter(|b| b != proposal.path)
            .collect();
        match briefs.len() {
            0 => {}
            1 => {
                return Pairing::Paired {
                    brief: briefs.into_iter().next().unwrap_or_default(),
                    via: Via::Folder,
                };
            }
            _ => {
                return Pairing::Ambiguous {
                    folder: level.to_path_buf(),
                    briefs,
                };
            }
        }
        if level == proposal.root || !level.starts_with(proposal.root) {
            break;
        }
    }
    Pairing::NotFound
}

/// A brief named in front matter: relative to the proposal's folder, and (symbolic links
/// resolved) inside the project root, since a repository's content must not make
/// brieflint read files elsewhere on the machine.
fn from_front_matter(declared: &str, folder: &Path, root: &Path, disk: &mut dyn Disk) -> Pairing {
    let bad = |problem: &str| Pairing::BadDeclaration {
        declared: declared.to_string(),
        problem: problem.to_string(),
    };
    let target = lexical(&folder.join(declared));
    let Some(resolved) = disk.canonical(&target) else {
        return if target.starts_with(root) {
            bad("no such file")
        } else {
            bad("it is outside the project")
        };
    };
    if !resolved.starts_with(root) {
        return bad("it is outside the project");
    }
    Pairing::Paired {
        brief: resolved,
        via: Via::FrontMatter,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    /// A tree described in the test: folder → briefs; every listed path exists.
    #[derive(Default)]
    struct Tree {
        briefs: BTreeMap<PathBuf, Vec<PathBuf>>,
        files: Vec<PathBuf>,
        asked: Vec<PathBuf>,
    }

    impl Tree {
        fn brief(mut self, path: &str) -> Self {
            let path = PathBuf::from(path);
            let folder = path.parent().unwrap().to_path_buf();
            self.briefs.entry(folder).or_default().push(path.clone());
            self.files.push(path);
            self
        }
    }

    impl Disk for Tree {
        fn briefs_in(&mut self, folder: &Path) -> Vec<PathBuf> {
            self.asked.push(folder.to_path_buf());
            self.briefs.get(folder).cloned().unwrap_or_default()
        }
        fn canonical(&self, path: &Path) -> Option<PathBuf> {
            self.files.iter().find(|f| *f == path).cloned()
        }
    }

    fn proposal<'a>(path: &'a str, declared: Option<&'a str>) -> Proposal<'a> {
        Proposal {
            path: Path::new(path),
            root: Path::new("/repo"),
            declared,
        }
    }

    #[test]
    fn the_brief_beside_a_proposal_checked_alone_is_found() {
        let mut tree = Tree::default().brief("/repo/clients/acme/brief.md");
        assert_eq!(
            find(
                &proposal("/repo/clients/acme/proposal.md", None),
                None,
                &mut tree
            ),
            Pairing::Paired {
                brief: "/repo/clients/acme/brief.md".into(),
                via: Via::Folder
            }
        );
    }

    #[test]
    fn parent_folders_are_searched_up_to_the_root_only() {
        let mut tree = Tree::default().brief("/repo/clients/acme/brief.md");
        let found = find(
            &proposal("/repo/clients/acme/2026/q1/reco.md", None),
            None,
            &mut tree,
        );
        assert!(matches!(
            found,
            Pairing::Paired {
                via: Via::Folder,
                ..
            }
        ));
        let mut outside = Tree::default().brief("/brief.md");
        assert_eq!(
            find(&proposal("/repo/a/reco.md", None), None, &mut outside),
            Pairing::NotFound
        );
        assert_eq!(
            outside.asked,
            vec![PathBuf::from("/repo/a"), PathBuf::from("/repo")]
        );
    }

    #[test]
    fn two_briefs_are_ambiguous_and_front_matter_wins() {
        let mut tree = Tree::default()
            .brief("/repo/c/brief-a.md")
            .brief("/repo/c/brief-b.md");
        assert!(matches!(
            find(&proposal("/repo/c/p.md", None), None, &mut tree),
            Pairing::Ambiguous { ref briefs, .. } if briefs.len() == 2
        ));
        assert_eq!(
            find(
                &proposal("/repo/c/p.md", Some("brief-b.md")),
                None,
                &mut tree
            ),
            Pairing::Paired {
                brief: "/repo/c/brief-b.md".into(),
                via: Via::FrontMatter
            }
        );
    }

    #[test]
    fn the_command_line_brief_comes_after_front_matter_and_before_folders() {
        let mut tree = Tree::default().brief("/repo/c/brief.md");
        let cli = Path::new("/elsewhere/brief.md");
        assert_eq!(
            find(&proposal("/repo/c/p.md", None), Some(cli), &mut tree),
            Pairing::Paired {
                brief: cli.into(),
                via: Via::CommandLine
            }
        );
    }

    #[test]
    fn a_declared_brief_outside_the_project_or_missing_is_refused() {
        let mut tree = Tree::default().brief("/etc/passwd");
        for declared in ["../../etc/passwd", "/etc/passwd"] {
            assert_eq!(
                find(&proposal("/repo/c/p.md", Some(declared)), None, &mut tree),
                Pairing::BadDeclaration {
                    declared: declared.into(),
                    problem: "it is outside the project".into()
                }
            );
        }
        assert!(matches!(
            find(&proposal("/repo/c/p.md", Some("nope.md")), None, &mut tree),
            Pairing::BadDeclaration { ref problem, .. } if problem == "no such file"
        ));
    }
}
