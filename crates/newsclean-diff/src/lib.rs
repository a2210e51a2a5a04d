//! Rendering changes for reviewers: terminal diffs of the decoded page against the clean page
//! (unified with character-level highlighting, side by side, per-rule counts), `explain`
//! listings of every edit, the static HTML review report and the JSON Lines review summary.
//!
//! Everything here reads a page's edit log and writes to any [`std::io::Write`]; nothing
//! prints or touches files.
//!
//! ```
//! use newsclean_core::{Context, Page, Pipeline};
//! use newsclean_diff::{DiffMode, DiffOptions, render_diff};
//!
//! let input = "党建强，则社\n会兴\n\n\n";
//! let mut page = Page::new(input);
//! Pipeline::new().run(&mut page, &Context::default()).unwrap();
//! let mut out = Vec::new();
//! render_diff(&mut out, "a.txt", input, &page, DiffMode::Unified, &DiffOptions::default()).unwrap();
//! let text = String::from_utf8(out).unwrap();
//! assert!(text.contains("@@ -2,3 +2,1 @@ page.separator ×1"));
//! ```
#![deny(clippy::print_stdout, clippy::print_stderr)]

mod align;
pub mod explain;
pub mod report;
mod style;
mod terminal;

use std::io;

use newsclean_core::Page;

pub use style::escape_visible;
pub use terminal::render_diff;

/// How a terminal diff is laid out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DiffMode {
    /// Unified diff, paragraph-aligned, with the changed characters highlighted.
    #[default]
    Unified,
    /// Raw and clean side by side, wrapped to [`DiffOptions::width`].
    Side,
    /// Counts of edits (and characters removed and inserted) per rule.
    Rules,
}

impl DiffMode {
    /// Parse the name used on the command line (`unified`, `side`, `rules`).
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "unified" => Some(DiffMode::Unified),
            "side" => Some(DiffMode::Side),
            "rules" => Some(DiffMode::Rules),
            _ => None,
        }
    }
}

/// Settings of a terminal diff.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiffOptions {
    /// Colour with ANSI escapes. Without colour, changed characters are marked inline as
    /// `[-removed-]` and `{+inserted+}`.
    pub color: bool,
    /// Total width in terminal columns for [`DiffMode::Side`] (CJK characters count two).
    pub width: usize,
    /// Unchanged paragraphs shown around each change.
    pub context: usize,
}

impl Default for DiffOptions {
    fn default() -> Self {
        DiffOptions { color: false, width: 100, context: 1 }
    }
}

/// Why something could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// Writing the output failed.
    #[error(transparent)]
    Io(#[from] io::Error),
    /// The page's edit log does not lead from the given input to the page's text, so no
    /// faithful diff can be drawn.
    #[error("{name}: the edit log does not turn this input into the page's text")]
    LogMismatch {
        /// The file's name.
        name: String,
    },
    /// The summary could not be serialised.
    #[error(transparent)]
    Json(#[from] serde_json::Error),
}

/// Check that `page`'s log turns `input` into `page.text()`: every renderer maps positions
/// through the log, and a mismatch would draw a diff of something else.
pub(crate) fn check_log(name: &str, input: &str, page: &Page) -> Result<(), RenderError> {
    if page.log().undo(page.text()) == input {
        Ok(())
    } else {
        Err(RenderError::LogMismatch { name: name.to_string() })
    }
}

/// What a pass did to text, by the shape of one edit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EditKind {
    /// Text added where there was none.
    Insert,
    /// Text removed.
    Delete,
    /// Text replaced by other text.
    Replace,
}

impl EditKind {
    /// The kind of one recorded edit.
    pub fn of(edit: &newsclean_core::Edit) -> Self {
        match (edit.before.is_empty(), edit.after.is_empty()) {
            (true, _) => EditKind::Insert,
            (false, true) => EditKind::Delete,
            (false, false) => EditKind::Replace,
        }
    }
}

/// A line diff of two texts with no edit log (`-`/`+` lines, hunks of two lines of context,
/// coloured with ANSI when `color`). For a cleaned page prefer [`render_diff`], which aligns
/// paragraphs, highlights characters and names the rules.
pub fn unified(
    out: &mut dyn io::Write,
    name: &str,
    before: &str,
    after: &str,
    color: bool,
) -> io::Result<()> {
    let diff = similar::TextDiff::from_lines(before, after);
    let text =
        diff.unified_diff().context_radius(2).header(&format!("a/{name}"), &format!("b/{name}")).to_string();
    for line in text.lines() {
        let (pre, post) = match (color, line.chars().next()) {
            (true, Some('-')) if !line.starts_with("---") => ("\x1b[31m", "\x1b[0m"),
            (true, Some('+')) if !line.starts_with("+++") => ("\x1b[32m", "\x1b[0m"),
            (true, Some('@')) => ("\x1b[36m", "\x1b[0m"),
            _ => ("", ""),
        };
        writeln!(out, "{pre}{line}{post}")?;
    }
    Ok(())
}

/// Every edit's range in the decoded input, in log order (computed once per page).
pub(crate) fn source_spans(page: &Page) -> Vec<std::ops::Range<usize>> {
    (0..page.log().edits().len()).map(|i| page.log().source_span(i)).collect()
}
