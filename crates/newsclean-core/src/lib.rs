//! The newsclean document model: a [`Page`] of [`Block`]s over one text, every change an
//! [`Edit`] with the rule that made it, and the [`Pipeline`] of [`Pass`]es that makes them.
//!
//! The one idea: passes never rewrite the text behind the log's back. They hand
//! [`TextEdit`]s to [`Page::apply`], which applies them as one batch, records each as an
//! [`Edit`] in the page's [`EditLog`] and keeps the blocks' ranges in step. The log can
//! undo every batch, so the decoded input is always recoverable from the clean text.
//!
//! ```
//! use newsclean_core::{Page, TextEdit};
//!
//! let mut page = Page::new("党建强,则根基稳\n");
//! let comma = page.text().find(',').unwrap();
//! page.apply(vec![TextEdit::replace(comma..comma + 1, "，", "punct.comma")]).unwrap();
//! assert_eq!(page.text(), "党建强，则根基稳\n");
//! assert_eq!(page.log().undo(page.text()), "党建强,则根基稳\n");
//! ```
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod chars;
pub mod edit;
pub mod page;
pub mod pass;
pub mod registry;
pub mod rule_id;
pub mod script;
pub mod survey;
pub mod tokens;
pub mod words;

pub use edit::{Edit, EditError, EditLog, TextEdit};
pub use page::{Block, BlockKind, Page, PageMeta, Script};
pub use pass::{Context, Pass, PassError, Pipeline, Safety};
pub use registry::{Disabled, RuleInfo};
pub use rule_id::RuleId;
pub use survey::{Repeat, Survey};
pub use words::WordCounts;
