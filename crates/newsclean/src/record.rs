//! A cleaned page as one record's text: the clean text ends in `\n`, a record's text keeps the
//! input's choice, and the stats leave out the final newline the record does not keep. This is
//! what `newsclean clean --jsonl` writes into a record (and its `--annotate` stats); library
//! users cleaning records (the Python package's datatrove step and `datasets` recipe) use it to
//! get the same output.
//!
//! ```
//! let cleaner = newsclean::Cleaner::new(newsclean::DEFAULT_PROFILE).unwrap();
//! let original = "党建强,则根基稳";
//! let cleaned = cleaner.clean(original.as_bytes()).unwrap();
//! let (text, stats) = newsclean::record::record_text(original, &cleaned);
//! assert_eq!(text, "党建强，则根基稳");
//! assert!(stats.changed);
//! assert_eq!(stats.rules.get("page.separator"), None);
//! ```

use std::collections::BTreeMap;

use serde::Serialize;

use crate::Cleaned;

/// What cleaning did to one record: `--annotate`'s `{"changed","edits","rules"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RecordStats {
    /// The record's text changed.
    pub changed: bool,
    /// Edits made to the record's text.
    pub edits: usize,
    /// Edits per rule id (sorted by id).
    pub rules: BTreeMap<String, usize>,
}

/// The text of a record whose field held `original`, cleaned into `cleaned`, and its stats.
/// The clean text keeps a final `\n` only when `original` ended in one; the final newline the
/// page added and the record does not keep is no edit of the record.
pub fn record_text(original: &str, cleaned: &Cleaned) -> (String, RecordStats) {
    let page = &cleaned.page;
    let mut text = cleaned.text.clone();
    let mut dropped_final_newline = false;
    if text.ends_with('\n') && !original.ends_with('\n') {
        text.pop();
        dropped_final_newline = true;
    }
    let mut rules: BTreeMap<String, usize> =
        page.log().counts_by_rule().into_iter().map(|(r, n)| (r.to_string(), n)).collect();
    let mut edits = page.log().edits().len();
    if dropped_final_newline {
        let last = page.log().edits().iter().rev().find(|e| e.rule == "page.separator");
        if let Some(last) = last
            && last.before.is_empty()
            && last.after == "\n"
            && last.new_span().end == page.text().len()
        {
            edits -= 1;
            if let Some(n) = rules.get_mut("page.separator") {
                *n -= 1;
                if *n == 0 {
                    rules.remove("page.separator");
                }
            }
        }
    }
    let changed = text != original;
    (text, RecordStats { changed, edits, rules })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Cleaner, DEFAULT_PROFILE};

    fn run(original: &str) -> (String, RecordStats) {
        let cleaner = Cleaner::new(DEFAULT_PROFILE).unwrap();
        let cleaned = cleaner.clean(original.as_bytes()).unwrap();
        record_text(original, &cleaned)
    }

    #[test]
    fn a_clean_record_without_final_newline_is_unchanged() {
        let (text, stats) = run("正文");
        assert_eq!(text, "正文");
        assert_eq!(stats, RecordStats { changed: false, edits: 0, rules: BTreeMap::new() });
    }

    #[test]
    fn a_final_newline_is_kept_when_the_record_had_one() {
        let (text, stats) = run("正文\n");
        assert_eq!(text, "正文\n");
        assert!(!stats.changed);
        let (text, stats) = run("党建强,则根基稳\n\n\n");
        assert_eq!(text, "党建强，则根基稳\n");
        assert_eq!(stats.rules.get("page.separator"), Some(&1));
        assert!(stats.changed);
        assert_eq!(stats.edits, stats.rules.values().sum::<usize>());
    }

    #[test]
    fn dropped_final_newline_is_not_counted() {
        let cleaner = Cleaner::new(DEFAULT_PROFILE).unwrap();
        let original = "党建强,则根基稳";
        let cleaned = cleaner.clean(original.as_bytes()).unwrap();
        let page_edits = cleaned.page.log().edits().len();
        let (text, stats) = record_text(original, &cleaned);
        assert_eq!(text, "党建强，则根基稳");
        assert_eq!(stats.edits, page_edits - 1);
        assert_eq!(stats.edits, stats.rules.values().sum::<usize>());
    }
}
