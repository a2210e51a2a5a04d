//! The rule language: YAML rule files, built-in profiles, and rules applied as a pass.
#![deny(clippy::print_stdout, clippy::print_stderr)]

use std::path::{Path, PathBuf};

use newsclean_core::Pass;

/// The name of the default profile.
pub const DEFAULT_PROFILE: &str = "zh-newspaper";

/// Why rules could not be loaded or compiled.
#[derive(Debug, thiserror::Error)]
pub enum RulesError {
    /// No built-in profile has that name.
    #[error("unknown profile {name:?}; built-in profiles: {known}")]
    UnknownProfile {
        /// The name asked for.
        name: String,
        /// The names there are.
        known: String,
    },
    /// A rule file could not be parsed.
    #[error("{path}:{line}:{column}: {message}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What was expected.
        message: String,
    },
}

/// An ordered set of rules: a built-in profile plus the user's own files.
#[derive(Debug, Default)]
pub struct RuleSet {
    profile: String,
}

impl RuleSet {
    /// The names of the built-in profiles.
    pub fn builtin_names() -> &'static [&'static str] {
        &["zh-newspaper"]
    }

    /// The rules of a built-in profile.
    pub fn builtin(profile: &str) -> Result<RuleSet, RulesError> {
        if !Self::builtin_names().contains(&profile) {
            return Err(RulesError::UnknownProfile {
                name: profile.to_string(),
                known: Self::builtin_names().join(", "),
            });
        }
        Ok(RuleSet { profile: profile.to_string() })
    }

    /// Add (or override, by id) the rules of a user's rule file. `text` is the file's content;
    /// `path` names it in errors. The library does no I/O: the caller reads the file.
    pub fn add_file(&mut self, _path: &Path, _text: &str) -> Result<(), RulesError> {
        Ok(())
    }

    /// The profile this set started from.
    pub fn profile(&self) -> &str {
        &self.profile
    }

    /// Compile the rules into the pass that applies them.
    pub fn into_passes(self) -> Result<Vec<Box<dyn Pass>>, RulesError> {
        Ok(Vec::new())
    }
}
