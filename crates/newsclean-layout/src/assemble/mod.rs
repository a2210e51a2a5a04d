//! Assembly: paragraphs and their kinds, joined lines, spaces, duplicates.

pub mod duplicates;
pub mod join;
pub mod paragraphs;
pub mod spaces;
