//! Building the facade's [`newsclean::Config`] from the command line: profile, rule files
//! (the nearest `newsclean.yaml` found from the folder of the file being cleaned, then each
//! `--rules FILE`), review level and encoding. The rules crate parses the rules; this module
//! only finds and reads files.
//!
//! The project rule file search (docs/cli.md, "The project rule file"): from the folder of the
//! file being cleaned (the working folder for standard input) up through its parents, stopping
//! after a repository root (a folder holding `.git` or `.hg`) or the user's home; the nearest
//! `newsclean.yaml` applies. A file not owned by the user or root, or writable by anyone, is
//! ignored with a note: on a shared machine anyone can write `/tmp/newsclean.yaml`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::Context as _;

/// The name of the project rule file looked for beside the file being cleaned and in its parents.
pub const PROJECT_RULES: &str = "newsclean.yaml";

/// What the user asked for, before any file is read.
#[derive(Debug, Default, Clone, Copy)]
pub struct Wanted<'a> {
    /// `--profile`.
    pub profile: Option<&'a str>,
    /// `--rules FILE`, in order.
    pub rules: &'a [PathBuf],
    /// `--no-config`: do not look for `newsclean.yaml`.
    pub no_config: bool,
    /// `--review`.
    pub review: bool,
    /// `--encoding NAME`.
    pub encoding: Option<&'a str>,
}

/// The project rule file search, remembered by folder (a batch has many files per folder).
#[derive(Debug, Default)]
pub struct Search {
    by_dir: HashMap<PathBuf, Option<PathBuf>>,
    /// What was ignored and why, once per file, for the user to see.
    pub ignored: Vec<String>,
}

impl Search {
    /// The project rule file that applies to the files in `dir`, if any.
    pub fn for_dir(&mut self, dir: &Path) -> Option<PathBuf> {
        if let Some(found) = self.by_dir.get(dir) {
            return found.clone();
        }
        let found = find_project_rules_noting(dir, &mut self.ignored);
        self.by_dir.insert(dir.to_path_buf(), found.clone());
        found
    }
}

/// The folder whose project rule file applies to `input`: its own folder, or the working folder
/// for standard input (`-`) and bare file names.
pub fn input_dir(input: &Path) -> PathBuf {
    if input.as_os_str() == "-" {
        return PathBuf::from(".");
    }
    match input.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Find the nearest `newsclean.yaml` from `start` up (see the module's documentation); add to
/// `ignored` a note for each one found and not trusted.
fn find_project_rules_noting(start: &Path, ignored: &mut Vec<String>) -> Option<PathBuf> {
    let start = std::fs::canonicalize(start).ok()?;
    let home = std::env::var_os("HOME").and_then(|h| std::fs::canonicalize(h).ok());
    for dir in start.ancestors() {
        let p = dir.join(PROJECT_RULES);
        if p.is_file() {
            match untrusted(&p) {
                None => return Some(p),
                Some(why) => {
                    let note = format!(
                        "ignored the rule file {}: {why} (name it with --rules if you trust it)",
                        p.display()
                    );
                    if !ignored.contains(&note) {
                        ignored.push(note);
                    }
                }
            }
        }
        let repo_root = dir.join(".git").exists() || dir.join(".hg").exists();
        if repo_root || home.as_deref() == Some(dir) {
            break;
        }
    }
    None
}

/// Why a project rule file found by the search must not be applied, if it must not: owned by
/// someone other than the user or root, or writable by everyone.
fn untrusted(p: &Path) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let me = current_uid();
    // A link planted by someone else is theirs, wherever it points.
    if let Ok(link) = std::fs::symlink_metadata(p)
        && link.file_type().is_symlink()
        && link.uid() != 0
        && Some(link.uid()) != me
    {
        return Some(format!("it is a link owned by user id {}, not by you or root", link.uid()));
    }
    let m = std::fs::metadata(p).ok()?;
    if m.uid() != 0 && Some(m.uid()) != me {
        return Some(format!("it is owned by user id {}, not by you or root", m.uid()));
    }
    if m.mode() & 0o002 != 0 {
        return Some(format!(
            "anyone can write to it (mode {:o}; `chmod o-w` it if it is yours)",
            m.mode() & 0o777
        ));
    }
    None
}

/// The user id this process runs as: the owner of a file it creates.
fn current_uid() -> Option<u32> {
    use std::os::unix::fs::MetadataExt;
    static UID: std::sync::OnceLock<Option<u32>> = std::sync::OnceLock::new();
    *UID.get_or_init(|| {
        std::fs::metadata("/proc/self")
            .ok()
            .map(|m| m.uid())
            .or_else(|| tempfile::tempfile().ok()?.metadata().ok().map(|m| m.uid()))
    })
}

/// Build the configuration with `project` (the project rule file found for the input, if any)
/// then each `--rules` file. Returns it with the rule files used, in the order applied.
pub fn build(w: &Wanted<'_>, project: Option<&Path>) -> anyhow::Result<(newsclean::Config, Vec<PathBuf>)> {
    let mut config = newsclean::Config::default();
    if let Some(p) = w.profile {
        // A profile the user names is used for every page, whatever its script.
        config.profile = p.to_string();
        config.latin_profile = None;
    }
    config.apply_review = w.review;
    if let Some(label) = w.encoding {
        config.decode.encoding = Some(newsclean::decode::encoding_for_label(label)?);
    }
    let mut files = Vec::new();
    if !w.no_config
        && let Some(p) = project
    {
        files.push(p.to_path_buf());
    }
    files.extend(w.rules.iter().cloned());
    for path in &files {
        let text = std::fs::read_to_string(path).with_context(|| {
            if path.exists() {
                format!("{}: cannot read the rule file", path.display())
            } else {
                let cwd = std::env::current_dir().map(|d| d.display().to_string()).unwrap_or_default();
                format!(
                    "{}: no such rule file (looked in {cwd}); check the path given to --rules",
                    path.display()
                )
            }
        })?;
        config.rule_files.push((path.clone(), text));
    }
    Ok((config, files))
}

/// One cleaner per project rule file in use, built once each, looked up by the input's folder:
/// files in different folders may have different `newsclean.yaml` files.
pub struct Cleaners<'a> {
    wanted: Wanted<'a>,
    search: Search,
    /// The cleaner of each project rule file (`None`: no project rule file), or why that
    /// file cannot be used: its files are then skipped, the other files still cleaned.
    by_file: HashMap<Option<PathBuf>, Result<usize, String>>,
    by_dir: HashMap<PathBuf, Result<usize, String>>,
    /// The cleaners, with the project rule file each applies (in the order first needed).
    pub list: Vec<(Option<PathBuf>, newsclean::Cleaner)>,
    /// Notes for the user, in order: which project rule files apply, which were ignored.
    pub notes: Vec<String>,
}

impl<'a> Cleaners<'a> {
    /// No cleaner yet: they are built as inputs are met.
    pub fn new(wanted: Wanted<'a>) -> Self {
        Cleaners {
            wanted,
            search: Search::default(),
            by_file: HashMap::new(),
            by_dir: HashMap::new(),
            list: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// Build the cleaner of the files that no project rule file applies to, now: a bad
    /// `--rules` file or profile is reported before any input is looked at.
    pub fn prepare(&mut self) -> anyhow::Result<()> {
        self.build_for(None).map(|_| ())
    }

    fn build_for(&mut self, project: Option<PathBuf>) -> anyhow::Result<usize> {
        if let Some(built) = self.by_file.get(&project) {
            return built.clone().map_err(anyhow::Error::msg);
        }
        let built = build(&self.wanted, project.as_deref())
            .and_then(|(config, _)| Ok(newsclean::Cleaner::from_config(&config)?));
        let cleaner = match (built, &project) {
            (Ok(c), _) => c,
            (Err(e), Some(p)) => {
                let msg = format!(
                    "the project rule file {} cannot be used ({e:#}); skipped (fix that file, or pass --no-config)",
                    p.display()
                );
                self.by_file.insert(project, Err(msg.clone()));
                anyhow::bail!(msg);
            }
            // The profile or a --rules file: every input needs them.
            (Err(e), None) => return Err(e),
        };
        if let Some(p) = &project {
            self.notes.push(format!(
                "using rule file {} (the nearest newsclean.yaml to the input; --no-config ignores it)",
                p.display()
            ));
        }
        self.list.push((project.clone(), cleaner));
        self.by_file.insert(project, Ok(self.list.len() - 1));
        Ok(self.list.len() - 1)
    }

    /// The index in [`Cleaners::list`] of the cleaner for `input` (a file or `-`), built
    /// (and its project rule file noted) when first needed. An error when its project rule
    /// file cannot be used (remembered: [`Cleaners::built_for`] gives it again).
    pub fn index_for(&mut self, input: &Path) -> anyhow::Result<usize> {
        let dir = input_dir(input);
        if let Some(found) = self.by_dir.get(&dir) {
            return found.clone().map_err(anyhow::Error::msg);
        }
        let project = if self.wanted.no_config { None } else { self.search.for_dir(&dir) };
        self.notes.append(&mut self.search.ignored);
        let built = self.build_for(project);
        match built {
            Ok(i) => {
                self.by_dir.insert(dir, Ok(i));
                Ok(i)
            }
            Err(e) => {
                self.by_dir.insert(dir, Err(format!("{e:#}")));
                Err(e)
            }
        }
    }

    /// The cleaner already built for `input`'s folder (see [`Cleaners::index_for`]), or why
    /// there is none.
    pub fn built_for(&self, input: &Path) -> Result<&newsclean::Cleaner, String> {
        match self.by_dir.get(&input_dir(input)) {
            Some(Ok(i)) => Ok(&self.list[*i].1),
            Some(Err(msg)) => Err(msg.clone()),
            None => Err("its folder appeared after the run started; skipped (run again)".into()),
        }
    }

    /// The cleaner for `input`, built when first needed.
    pub fn get(&mut self, input: &Path) -> anyhow::Result<&newsclean::Cleaner> {
        let i = self.index_for(input)?;
        Ok(&self.list[i].1)
    }

    /// Print the notes not printed yet on stderr (`newsclean: ...`), unless `quiet`.
    pub fn print_notes(&mut self, quiet: bool) {
        for n in self.notes.drain(..) {
            if !quiet {
                eprintln!("newsclean: {n}");
            }
        }
    }

    /// Apply `f` to every cleaner (batch evidence).
    pub fn map(&mut self, f: impl Fn(newsclean::Cleaner) -> newsclean::Cleaner) {
        self.list = std::mem::take(&mut self.list).into_iter().map(|(p, c)| (p, f(c))).collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find_project_rules(start: &Path) -> Option<PathBuf> {
        find_project_rules_noting(start, &mut Vec::new())
    }

    #[test]
    fn finds_the_nearest_project_rules() {
        let dir = tempfile::tempdir().unwrap();
        let deep = dir.path().join("a/b");
        std::fs::create_dir_all(&deep).unwrap();
        assert_eq!(find_project_rules(&deep).filter(|p| p.starts_with(dir.path())), None);
        std::fs::write(dir.path().join(PROJECT_RULES), "").unwrap();
        assert_eq!(find_project_rules(&deep), Some(dir.path().join(PROJECT_RULES)));
        std::fs::write(dir.path().join("a").join(PROJECT_RULES), "").unwrap();
        assert_eq!(find_project_rules(&deep), Some(dir.path().join("a").join(PROJECT_RULES)));
    }

    #[test]
    fn unknown_encoding_is_an_error() {
        let w = Wanted { encoding: Some("klingon"), no_config: true, ..Wanted::default() };
        let err = build(&w, None).unwrap_err().to_string();
        assert!(err.contains("klingon"), "{err}");
    }
}

/// The cleaning configuration flags, shared by `clean`, `review` and `explain`, so that
/// `review` and `explain` show exactly what `clean` does with the same flags.
#[derive(Debug, clap::Args)]
pub struct ConfigArgs {
    /// The built-in rule profile to use for every page (default: zh-newspaper for Chinese
    /// pages, en-newspaper for Latin-script ones).
    #[arg(long, value_name = "NAME", value_parser = crate::rules_cmd::profile_names())]
    pub profile: Option<String>,
    /// A YAML rule file applied over the profile (repeatable; later files win).
    #[arg(long = "rules", value_name = "FILE")]
    pub rules: Vec<PathBuf>,
    /// Do not read a newsclean.yaml beside the file (or in a parent folder, up to the
    /// repository root or your home).
    #[arg(long)]
    pub no_config: bool,
    /// Apply review-level rules too (changes that a person should look at).
    #[arg(long)]
    pub review: bool,
    /// Read the input in this encoding (a WHATWG label: utf-8, gb18030, big5, utf-16le, …).
    #[arg(long, value_name = "NAME")]
    pub encoding: Option<String>,
}

impl ConfigArgs {
    /// What these flags ask for.
    pub fn wanted(&self) -> Wanted<'_> {
        Wanted {
            profile: self.profile.as_deref(),
            rules: &self.rules,
            no_config: self.no_config,
            review: self.review,
            encoding: self.encoding.as_deref(),
        }
    }

    /// The cleaners these flags ask for, one per project rule file met.
    pub fn cleaners(&self) -> Cleaners<'_> {
        Cleaners::new(self.wanted())
    }
}
