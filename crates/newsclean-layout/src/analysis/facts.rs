//! Page facts: what the layout passes all need to know about a page, computed once.
//!
//! The questions here are about the page as it was laid out (is it raw extraction output or
//! already clean text? which script? how wide are its columns?), not about the text a pass
//! has already edited: asked of edited text they drift (a join removes the blank line that
//! made a page "raw"), and the idempotence bugs of earlier rounds came from passes that
//! disagreed about it. [`facts`] computes them the first time a pass asks, from the text as
//! the geometry stage laid it out (columns read apart, lines split: the first pass that asks
//! is the furniture pass, which runs right after; the geometry passes change only white space
//! and line order), and every later ask gets the same answer.
//!
//! ```
//! use newsclean_core::{Page, Script};
//! use newsclean_layout::analysis::facts;
//!
//! let mut page = Page::new("本报讯 今年以来，我省持续\n推进乡村振兴，\n\n增收。\n");
//! let f = facts(&mut page);
//! assert_eq!(f.script, Script::Cjk);
//! assert!(f.blank_lines && f.raw_layout);
//! ```

use std::sync::Arc;

use newsclean_core::{Page, Script};

use crate::text::{cells, ends_clause, shows_wrapping};

// The one script detector lives in `newsclean_core::script` (the Latin pass, in its own
// crate, reads it too); its old paths here stay.
pub use newsclean_core::script::{CJK_MIN_SHARE, LATIN_MAX_CJK_SHARE, ScriptCounts, script};

/// What every layout pass may ask about the page, computed once ([`facts`]).
#[derive(Clone, Debug, PartialEq)]
pub struct PageFacts {
    /// The letters of the page by script.
    pub counts: ScriptCounts,
    /// The page's script ([`ScriptCounts::script`]).
    pub script: Script,
    /// A blank line stands between two lines of text somewhere.
    pub blank_lines: bool,
    /// Hard-wrapped column lines without blank lines ([`shows_wrapping`]). Looked for only on
    /// a page without blank lines (false on the others: the blank lines already show raw
    /// layout, and the test reads the dictionary at every line break).
    pub wrapping: bool,
    /// The page shows raw layout: blank lines or hard wrapping. Clean output has neither, so
    /// decisions that raw layout would have prevented the first time are taken only here,
    /// and cleaning clean text changes nothing.
    pub raw_layout: bool,
    /// The most frequent width, in cells, of the lines that may be wrapped column lines
    /// (6-40 cells, not ending a clause), when at least [`MODAL_MIN_LINES`] lines share it.
    pub modal_width: Option<f32>,
    /// Non-blank lines of the page.
    pub lines: usize,
}

/// Lines that must share a width for [`PageFacts::modal_width`] to name one.
pub const MODAL_MIN_LINES: usize = 3;

impl PageFacts {
    /// The facts of `text`.
    pub fn of(text: &str) -> Self {
        Self::with_counts(text, ScriptCounts::of(text))
    }

    /// The facts of `text`, whose letters `counts` counted.
    fn with_counts(text: &str, counts: ScriptCounts) -> Self {
        let blank_lines = text.trim_end_matches('\n').split('\n').any(|l| l.trim().is_empty());
        let wrapping = !blank_lines && shows_wrapping(text);
        let mut widths: Vec<(u32, usize)> = Vec::new();
        let mut lines = 0;
        for l in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            lines += 1;
            let w = cells(l);
            if (6.0..=40.0).contains(&w) && !ends_clause(l) {
                let key = (w * 2.0).round() as u32;
                match widths.iter_mut().find(|(k, _)| *k == key) {
                    Some(e) => e.1 += 1,
                    None => widths.push((key, 1)),
                }
            }
        }
        let modal_width = widths
            .iter()
            .map(|&(k, _)| {
                (k, widths.iter().filter(|(k2, _)| k2.abs_diff(k) <= 1).map(|(_, n)| n).sum::<usize>())
            })
            .max_by_key(|&(k, n)| (n, k))
            .filter(|&(_, n)| n >= MODAL_MIN_LINES)
            .map(|(k, _)| k as f32 / 2.0);
        PageFacts {
            counts,
            script: counts.script(),
            blank_lines,
            wrapping,
            raw_layout: blank_lines || wrapping,
            modal_width,
            lines,
        }
    }
}

/// The page's facts: computed from the page's text the first time a pass asks, then kept
/// for the rest of its cleaning (see the module's documentation).
pub fn facts(page: &mut Page) -> Arc<PageFacts> {
    page.facts_or_init(|p| match p.lines::<ScriptCounts>() {
        // The counts of the current text, kept since it last changed (the facade counts the
        // page's letters for its script before the passes; the geometry passes seldom edit).
        Some(counts) => PageFacts::with_counts(p.text(), *counts),
        None => PageFacts::of(p.text()),
    })
}

/// The page's facts for a pass that holds the page read-only: the kept facts, or, when no
/// pass asked yet, those of the page's input (not kept).
pub fn facts_of(page: &Page) -> Arc<PageFacts> {
    page.facts::<PageFacts>().unwrap_or_else(|| Arc::new(PageFacts::of(page.input())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_are_computed_once_and_kept_whatever_the_passes_change() {
        let raw = "本报讯 今年以来，我省持续\n推进乡村振兴，\n\n增收。\n";
        let mut page = Page::new(raw);
        let f = facts(&mut page);
        assert!(f.raw_layout && f.blank_lines && !f.wrapping);
        assert_eq!((f.script, f.lines), (Script::Cjk, 3));
        // A pass removes the blank line: the page was raw, and stays raw for every later pass.
        let at = raw.find("\n\n").unwrap();
        page.apply(vec![newsclean_core::TextEdit::delete(at..at + 1, "layout.paragraphs.column-break")])
            .unwrap();
        assert!(!PageFacts::of(page.text()).raw_layout);
        assert!(facts(&mut page).raw_layout);
        // Clean text shows no raw layout.
        assert!(!PageFacts::of("一行一段。\n又一段。\n").raw_layout);
    }

    #[test]
    fn modal_width_needs_three_lines_of_one_width() {
        let wrapped =
            "甲乙丙丁戊己庚辛壬癸子丑\n甲乙丙丁戊己庚辛壬癸子丑\n甲乙丙丁戊己庚辛壬癸子寅\n结束。\n";
        assert_eq!(PageFacts::of(wrapped).modal_width, Some(12.0));
        assert_eq!(PageFacts::of("甲乙丙丁戊己庚辛壬癸子丑\n结束。\n").modal_width, None);
    }
}
