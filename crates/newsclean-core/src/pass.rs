//! Passes and the pipeline that runs them in order.

use serde::{Deserialize, Serialize};

use crate::edit::EditError;
use crate::page::Page;
use crate::registry::Disabled;
use crate::words::WordCounts;

/// How sure a rule is that its change is right.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Safety {
    /// Applied by default.
    #[default]
    Safe,
    /// Applied only when the user asks for review-level changes.
    Review,
}

/// Settings every pass may read. Passes hold their own configuration; this carries only what
/// the run as a whole decides.
#[derive(Clone, Debug, Default)]
pub struct Context {
    /// Apply changes of [`Safety::Review`] too.
    pub apply_review: bool,
    /// Words counted over the whole batch the page belongs to, when the run counted them
    /// (`newsclean clean --batch-evidence`): evidence a pass may weigh when the page's own
    /// is silent.
    pub batch_words: Option<std::sync::Arc<WordCounts>>,
    /// The rule ids the user switched off (`disable:` in a rule file), YAML and layout alike:
    /// [`Pipeline::run`] hands them to the page, which drops their edits and classifications.
    pub disabled: Option<std::sync::Arc<Disabled>>,
    /// The lines that repeat near the edges of the pages of the folder (or batch) the page
    /// belongs to, when the run surveyed it (`newsclean clean DIR`): evidence that such a line
    /// is page furniture. `None` for a page cleaned alone.
    pub survey: Option<std::sync::Arc<crate::survey::Survey>>,
}

impl Context {
    /// True when a change of this safety is to be applied.
    pub fn allows(&self, safety: Safety) -> bool {
        safety == Safety::Safe || self.apply_review
    }
}

/// Why a pass failed. A failed pass fails the page, never the batch.
#[derive(Debug, thiserror::Error)]
pub enum PassError {
    /// The pass produced edits the log refused (a bug in the pass).
    #[error("pass {pass}: {source}")]
    Edit {
        /// The pass.
        pass: String,
        /// What the log said.
        #[source]
        source: EditError,
    },
    /// Rules that keep changing the text.
    #[error("pass {pass} did not converge after {rounds} rounds; still changing: {rules}")]
    NoConvergence {
        /// The pass.
        pass: String,
        /// Rounds run.
        rounds: usize,
        /// Rule ids that changed the text in the last round.
        rules: String,
    },
    /// Anything else a pass needs to say.
    #[error("pass {pass}: {message}")]
    Other {
        /// The pass.
        pass: String,
        /// What went wrong.
        message: String,
    },
}

/// One step of cleaning. A pass reads the page and changes it only through
/// [`Page::apply`] (text) and the block methods (structure), so every change is logged.
pub trait Pass: Send + Sync {
    /// A stable id, used as the prefix of the rule ids the pass logs (`layout.join`).
    fn id(&self) -> &str;

    /// Run over the page.
    fn run(&self, page: &mut Page, ctx: &Context) -> Result<(), PassError>;
}

/// An ordered list of passes; [`Pipeline::run`] runs them and then [`Page::finalize`]s the
/// page, so the page's text is the clean text.
#[derive(Default)]
pub struct Pipeline {
    passes: Vec<Box<dyn Pass>>,
}

impl Pipeline {
    /// An empty pipeline: it only finalizes (block separators, furniture removal).
    pub fn new() -> Self {
        Self::default()
    }

    /// Append a pass.
    pub fn push(&mut self, pass: Box<dyn Pass>) -> &mut Self {
        self.passes.push(pass);
        self
    }

    /// Append several passes.
    pub fn extend(&mut self, passes: impl IntoIterator<Item = Box<dyn Pass>>) -> &mut Self {
        self.passes.extend(passes);
        self
    }

    /// The ids of the passes, in order.
    pub fn ids(&self) -> Vec<&str> {
        self.passes.iter().map(|p| p.id()).collect()
    }

    /// Run every pass in order, then finalize the page.
    pub fn run(&self, page: &mut Page, ctx: &Context) -> Result<(), PassError> {
        if ctx.disabled.is_some() {
            page.set_disabled(ctx.disabled.clone());
        }
        for pass in &self.passes {
            pass.run(page, ctx)?;
        }
        page.finalize().map_err(|source| PassError::Edit { pass: "page.finalize".into(), source })?;
        Ok(())
    }
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.ids()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TextEdit;

    struct Upper;
    impl Pass for Upper {
        fn id(&self) -> &str {
            "test.upper"
        }
        fn run(&self, page: &mut Page, _: &Context) -> Result<(), PassError> {
            let edits = page
                .text()
                .char_indices()
                .filter(|(_, c)| c.is_ascii_lowercase())
                .map(|(i, c)| TextEdit::replace(i..i + 1, c.to_ascii_uppercase().to_string(), "test.upper"))
                .collect();
            page.apply(edits).map_err(|source| PassError::Edit { pass: self.id().into(), source })?;
            Ok(())
        }
    }

    #[test]
    fn pipeline_runs_and_finalizes() {
        let mut pl = Pipeline::new();
        pl.push(Box::new(Upper));
        let raw = "ab\n\n\ncd";
        let mut page = Page::new(raw);
        pl.run(&mut page, &Context::default()).unwrap();
        assert_eq!(page.text(), "AB\nCD\n");
        assert_eq!(page.log().undo(page.text()), raw);
        assert_eq!(format!("{pl:?}"), "[\"test.upper\"]");
    }
}
