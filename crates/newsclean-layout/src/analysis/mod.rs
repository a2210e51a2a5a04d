//! Analysis: what the passes read about a page and its lines.

pub mod text;
pub mod words;
