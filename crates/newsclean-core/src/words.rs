//! Word counts over a whole batch of pages, for passes that weigh a page's own evidence against
//! the batch's (`to-day` written in-line on other pages of the same paper).
//!
//! Words are kept as 64-bit hashes, not strings: a batch of millions of pages has millions of
//! distinct OCR tokens, and a count costs a fixed 16 bytes (a hash and a count, padded) and the
//! table's overhead, whatever the word's length. Two words whose hashes collide share a count;
//! among a million distinct words the chance that any two collide is about 3 in 100 million
//! (n² / 2^65).

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

/// How often each word occurs in a batch. Which tokens count as words, and how they are
/// folded, is the business of the pass that fills and reads it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WordCounts {
    counts: HashMap<u64, u32>,
}

/// The key of a word: the same in every process of one build (fixed SipHash keys).
fn key(word: &str) -> u64 {
    let mut h = DefaultHasher::new();
    word.hash(&mut h);
    h.finish()
}

impl WordCounts {
    /// No words.
    pub fn new() -> Self {
        Self::default()
    }

    /// Count one occurrence of `word`.
    pub fn add(&mut self, word: &str) {
        let n = self.counts.entry(key(word)).or_default();
        *n = n.saturating_add(1);
    }

    /// How often `word` was counted.
    pub fn get(&self, word: &str) -> u32 {
        self.counts.get(&key(word)).copied().unwrap_or(0)
    }

    /// Add the counts of `other` (order does not matter: the sum is the same).
    pub fn merge(&mut self, other: WordCounts) {
        let (mut big, small) = if self.counts.len() >= other.counts.len() {
            (std::mem::take(&mut self.counts), other.counts)
        } else {
            (other.counts, std::mem::take(&mut self.counts))
        };
        for (k, n) in small {
            let e = big.entry(k).or_default();
            *e = e.saturating_add(n);
        }
        self.counts = big;
    }

    /// Distinct words counted.
    pub fn len(&self) -> usize {
        self.counts.len()
    }

    /// True when nothing was counted.
    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_add_up_and_merge_in_any_order() {
        let mut a = WordCounts::new();
        a.add("to-day");
        a.add("to-day");
        a.add("section");
        let mut b = WordCounts::new();
        b.add("to-day");
        b.add("today");
        assert_eq!((a.get("to-day"), a.get("today"), a.get("absent")), (2, 0, 0));
        let mut ab = a.clone();
        ab.merge(b.clone());
        let mut ba = b;
        ba.merge(a);
        assert_eq!(ab, ba);
        assert_eq!((ab.get("to-day"), ab.get("today"), ab.get("section")), (3, 1, 1));
        assert_eq!(ab.len(), 3);
        assert!(!ab.is_empty() && WordCounts::new().is_empty());
    }
}
