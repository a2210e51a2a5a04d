//! Building the facade's [`newsclean::Config`] from the command line: profile, rule files
//! (`newsclean.yaml` found in the working folder or a parent, then each `--rules FILE`),
//! review level and encoding. The rules crate parses the rules; this module only reads files.

use std::path::{Path, PathBuf};

use anyhow::Context as _;

/// The name of the project rule file looked for in the working folder and its parents.
pub const PROJECT_RULES: &str = "newsclean.yaml";

/// What the user asked for, before any file is read.
#[derive(Debug, Default)]
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

/// Find `newsclean.yaml` in `start` or the nearest parent that has one.
pub fn find_project_rules(start: &Path) -> Option<PathBuf> {
    start.ancestors().map(|d| d.join(PROJECT_RULES)).find(|p| p.is_file())
}

/// Build the configuration. Returns it with the rule files used, in the order applied.
pub fn build(w: &Wanted<'_>) -> anyhow::Result<(newsclean::Config, Vec<PathBuf>)> {
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
        && let Some(p) = std::env::current_dir().ok().and_then(|d| find_project_rules(&d))
    {
        files.push(p);
    }
    files.extend(w.rules.iter().cloned());
    for path in &files {
        let text = std::fs::read_to_string(path).with_context(|| {
            format!("{}: cannot read the rule file; check the path given to --rules", path.display())
        })?;
        config.rule_files.push((path.clone(), text));
    }
    Ok((config, files))
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let err = build(&w).unwrap_err().to_string();
        assert!(err.contains("klingon"), "{err}");
    }
}

/// The cleaning configuration flags, shared by `clean`, `review` and `explain`, so that
/// `review` and `explain` show exactly what `clean` does with the same flags.
#[derive(Debug, clap::Args)]
pub struct ConfigArgs {
    /// The built-in rule profile to start from.
    #[arg(long, value_name = "NAME")]
    pub profile: Option<String>,
    /// A YAML rule file applied over the profile (repeatable; later files win).
    #[arg(long = "rules", value_name = "FILE")]
    pub rules: Vec<PathBuf>,
    /// Do not read a newsclean.yaml from the working folder or its parents.
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

    /// The cleaner these flags ask for.
    pub fn cleaner(&self) -> anyhow::Result<newsclean::Cleaner> {
        let (config, _) = build(&self.wanted())?;
        Ok(newsclean::Cleaner::from_config(&config)?)
    }
}
