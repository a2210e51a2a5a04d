//! What a survey of a folder of pages found: the lines that repeat near the top or bottom of
//! its pages, digits and dates folded (`newsclean_layout::analysis::survey` finds them and
//! decides which lines are alike). A pass reads it through [`crate::Context::survey`] as
//! evidence that a line is page furniture.
//!
//! Lines are kept as 64-bit hashes of their folded form, like [`crate::WordCounts`]: a folder
//! of many pages costs a fixed few bytes per line whatever its length. Only lookups reach
//! output, never the table's order.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

/// Where and how often one folded line was seen over the pages of a folder.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Repeat {
    /// On how many pages it stood (once a page at most).
    pub pages: u32,
    /// On how many of them in the page's top band.
    pub top: u32,
    /// On how many of them in the page's bottom band.
    pub bottom: u32,
}

impl Repeat {
    /// Add the counts of another part of the folder.
    pub fn merge(&mut self, other: Repeat) {
        self.pages = self.pages.saturating_add(other.pages);
        self.top = self.top.saturating_add(other.top);
        self.bottom = self.bottom.saturating_add(other.bottom);
    }
}

/// The repeated lines of one folder: folded line → where it was seen, and how many pages the
/// folder had.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Survey {
    pages: u32,
    lines: HashMap<u64, Repeat>,
}

/// The key of a folded line: the same in every process of one build (fixed SipHash keys).
pub fn survey_key(folded: &str) -> u64 {
    let mut h = DefaultHasher::new();
    folded.hash(&mut h);
    h.finish()
}

impl Survey {
    /// A survey of `pages` pages that found `lines` (folded-line keys, [`survey_key`]).
    pub fn new(pages: u32, lines: HashMap<u64, Repeat>) -> Self {
        Survey { pages, lines }
    }

    /// How many pages the folder had.
    pub fn pages(&self) -> u32 {
        self.pages
    }

    /// How many repeated lines it found.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// True when it found none.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Where the line folded as `folded` was seen, if it repeats.
    pub fn get(&self, folded: &str) -> Option<Repeat> {
        self.lines.get(&survey_key(folded)).copied()
    }
}
