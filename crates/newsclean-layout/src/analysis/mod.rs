//! Analysis: what the passes read about a page and its lines, worked out once.
//!
//! - [`facts`] ([`PageFacts`]): questions about the page as laid out (script, raw layout or
//!   clean text, hard wrapping, the modal column width), computed the first time a pass asks
//!   and kept whatever the passes change afterwards.
//! - [`lines`] ([`LineTable`]): per line of the current text, where it stands (the blank lines
//!   around it, indent, position from the top and bottom) and, when first asked, its shape
//!   ([`LineShape`]: width, sentence and clause end, title-likeness, script, digit, date and
//!   page-number shape); kept until an edit changes the text.
//! - [`survey`]: the lines that repeat near the edges of a folder's pages (evidence read
//!   through `Context::survey`, counted before the folder is cleaned).
//! - [`text`]: the shape tests the two are built from; [`words`]: the dictionary.

pub mod facts;
pub mod lines;
pub mod survey;
pub mod text;
pub mod words;

pub use facts::{PageFacts, ScriptCounts, facts, script};
pub use lines::{LineInfo, LineShape, LineTable, lines};
