//! Paragraph-aware alignment of the decoded input with the clean text: each clean line is
//! mapped back through the edit log to the raw lines it came from, so a joined paragraph is
//! shown as its raw lines over the one clean line they became, and the characters that
//! changed inside are found by a character diff (CJK has no spaces to diff words by).

use std::ops::Range;

use newsclean_core::EditLog;
use similar::{Algorithm, ChangeTag, TextDiff};

use crate::style::{Mark, NEWLINE_SYMBOL, Pieces, push_piece};

/// The lines of a text: line `i` is `text[starts[i]..end(i)]` without its `\n`. A final
/// `\n` does not open another line; an empty text has no lines.
pub(crate) struct Lines<'a> {
    pub(crate) text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let mut starts = Vec::new();
        if !text.is_empty() {
            starts.push(0);
            starts.extend(text.match_indices('\n').map(|(i, _)| i + 1).filter(|&i| i < text.len()));
        }
        Lines { text, starts }
    }

    pub(crate) fn len(&self) -> usize {
        self.starts.len()
    }

    /// Byte range of line `i`, without its `\n`.
    pub(crate) fn range(&self, i: usize) -> Range<usize> {
        let start = self.starts[i];
        let end = match self.starts.get(i + 1) {
            Some(&next) => next - 1,
            None if self.text.ends_with('\n') => self.text.len() - 1,
            None => self.text.len(),
        };
        start..end
    }

    /// The line holding byte `pos` (a `\n` belongs to the line it ends).
    pub(crate) fn line_of(&self, pos: usize) -> usize {
        self.starts.partition_point(|&s| s <= pos).saturating_sub(1)
    }

    /// Byte range covering lines `lines` (without the last line's `\n`); empty at the
    /// start of the first line after them when `lines` is empty.
    pub(crate) fn span(&self, lines: Range<usize>) -> Range<usize> {
        if lines.is_empty() {
            let at = self.starts.get(lines.start).copied().unwrap_or(self.text.len());
            return at..at;
        }
        self.range(lines.start).start..self.range(lines.end - 1).end
    }

    /// The text of lines `lines`, joined by `\n`.
    pub(crate) fn text_of(&self, lines: Range<usize>) -> &'a str {
        &self.text[self.span(lines)]
    }
}

/// A run of raw lines shown against the run of clean lines it became.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Segment {
    /// Raw (decoded input) line indices.
    pub(crate) raw: Range<usize>,
    /// Clean line indices.
    pub(crate) clean: Range<usize>,
    /// False when the raw lines are exactly the clean lines.
    pub(crate) changed: bool,
}

/// Align `raw` with `clean` through `log` (which turns `raw` into `clean`). Every raw and
/// every clean line belongs to exactly one segment, in order.
pub(crate) fn align(raw: &Lines<'_>, clean: &Lines<'_>, log: &EditLog) -> Vec<Segment> {
    let mut segs: Vec<Segment> = Vec::new();
    let mut next_raw = 0; // first raw line not yet in a segment
    for j in 0..clean.len() {
        let r = clean.range(j);
        let s = floor_char(raw.text, log.final_to_source(r.start));
        // The end through the line's last character: the line break after it was made by
        // whatever edit joined the next kept block, which may lie past removed furniture.
        let e = match clean.text[r.clone()].chars().next_back() {
            Some(c) => {
                let last = floor_char(raw.text, log.final_to_source(r.end - c.len_utf8()));
                let len = raw.text[last..].chars().next().map_or(0, char::len_utf8);
                (last + len).max(s)
            }
            None => s,
        };
        let (a, b) = if raw.len() == 0 {
            (0, 0)
        } else {
            let a = raw.line_of(s);
            let last = if e > s { raw.line_of(e - 1) } else { a };
            (a, last.max(a) + 1)
        };
        match segs.last_mut() {
            // Shares raw lines with the previous clean line (a split line, an insertion):
            // one segment shows both.
            Some(prev) if a < next_raw && !prev.clean.is_empty() => {
                prev.raw.end = prev.raw.end.max(b);
                prev.clean.end = j + 1;
            }
            _ => {
                let a = a.max(next_raw);
                if a > next_raw {
                    segs.push(Segment { raw: next_raw..a, clean: j..j, changed: true });
                }
                segs.push(Segment { raw: a..b.max(a), clean: j..j + 1, changed: true });
            }
        }
        next_raw = next_raw.max(segs.last().map_or(0, |s| s.raw.end));
    }
    if next_raw < raw.len() {
        segs.push(Segment { raw: next_raw..raw.len(), clean: clean.len()..clean.len(), changed: true });
    }
    for s in &mut segs {
        s.changed = s.clean.is_empty() || raw.text_of(s.raw.clone()) != clean.text_of(s.clean.clone());
    }
    segs
}

/// The largest character boundary of `text` at or before `pos`.
fn floor_char(text: &str, pos: usize) -> usize {
    let mut p = pos.min(text.len());
    while !text.is_char_boundary(p) {
        p -= 1;
    }
    p
}

/// Character diff of one segment: the raw lines and the clean lines as pieces, marked
/// where characters were removed or inserted. A removed line break shows as ⏎ at the end of
/// its raw line; an inserted one as ⏎ at the end of its clean line.
pub(crate) fn char_lines(old: &str, new: &str) -> (Vec<Pieces>, Vec<Pieces>) {
    let diff = TextDiff::configure().algorithm(Algorithm::Myers).diff_chars(old, new);
    let mut olds: Vec<Pieces> = vec![Vec::new()];
    let mut news: Vec<Pieces> = vec![Vec::new()];
    let nl = NEWLINE_SYMBOL.to_string();
    for ch in diff.iter_all_changes() {
        let v = ch.value();
        let (to_old, to_new, mark) = match ch.tag() {
            ChangeTag::Equal => (true, true, Mark::Same),
            ChangeTag::Delete => (true, false, Mark::Del),
            ChangeTag::Insert => (false, true, Mark::Ins),
        };
        for (side, wanted) in [(&mut olds, to_old), (&mut news, to_new)] {
            if !wanted {
                continue;
            }
            let line = side.last_mut().expect("never empty");
            if v == "\n" {
                if mark != Mark::Same {
                    push_piece(line, &nl, mark);
                }
                side.push(Vec::new());
            } else {
                push_piece(line, v, mark);
            }
        }
    }
    (olds, news)
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsclean_core::{Page, TextEdit};

    fn text_of(p: &Pieces) -> String {
        p.iter()
            .map(|(t, m)| match m {
                Mark::Same => t.clone(),
                Mark::Del => format!("[-{t}-]"),
                Mark::Ins => format!("{{+{t}+}}"),
            })
            .collect()
    }

    #[test]
    fn lines_and_positions() {
        let l = Lines::new("ab\ncd\n");
        assert_eq!(l.len(), 2);
        assert_eq!(l.range(1), 3..5);
        assert_eq!(l.line_of(2), 0);
        assert_eq!(l.line_of(3), 1);
        assert_eq!(l.text_of(0..2), "ab\ncd");
        assert_eq!(Lines::new("").len(), 0);
        assert_eq!(Lines::new("x").range(0), 0..1);
        assert_eq!(Lines::new("\n\n").len(), 2);
    }

    #[test]
    fn joined_paragraph_aligns_its_raw_lines_with_one_clean_line() {
        let raw = "head\n\n党建强，则社\n会兴。\n\n\nfoot\n";
        let mut page = Page::new(raw);
        let nl = raw.find("社\n").unwrap() + "社".len();
        page.apply(vec![TextEdit::delete(nl..nl + 1, "join")]).unwrap();
        page.finalize().unwrap();
        assert_eq!(page.text(), "head\n党建强，则社会兴。\nfoot\n");
        let (r, c) = (Lines::new(raw), Lines::new(page.text()));
        let segs = align(&r, &c, page.log());
        let shape: Vec<(Range<usize>, Range<usize>, bool)> =
            segs.iter().map(|s| (s.raw.clone(), s.clean.clone(), s.changed)).collect();
        assert_eq!(
            shape,
            [
                (0..1, 0..1, false),
                (1..2, 1..1, true),
                (2..4, 1..2, true),
                (4..6, 2..2, true),
                (6..7, 2..3, false)
            ]
        );
    }

    #[test]
    fn untouched_page_is_one_unchanged_segment_per_line() {
        let raw = "a\nb\n";
        let mut page = Page::new(raw);
        page.finalize().unwrap();
        let segs = align(&Lines::new(raw), &Lines::new(page.text()), page.log());
        assert!(segs.iter().all(|s| !s.changed));
        assert_eq!(segs.len(), 2);
    }

    #[test]
    fn split_line_shares_one_segment() {
        // A pass splits one raw line into two clean lines: both clean lines face it.
        let raw = "甲乙。丙丁。\n";
        let mut page = Page::new(raw);
        let at = raw.find('丙').unwrap();
        page.apply(vec![TextEdit::insert(at, "\n\n", "split")]).unwrap();
        page.set_blocks(vec![
            newsclean_core::Block::new(0..at),
            newsclean_core::Block::new(at + 2..page.text().len()),
        ]);
        page.finalize().unwrap();
        assert_eq!(page.text(), "甲乙。\n丙丁。\n");
        let segs = align(&Lines::new(raw), &Lines::new(page.text()), page.log());
        assert_eq!(segs, [Segment { raw: 0..1, clean: 0..2, changed: true }]);
    }

    #[test]
    fn removed_line_break_is_marked_on_the_raw_line() {
        let (o, n) = char_lines("则社\n会兴", "则社会兴");
        assert_eq!(o.iter().map(text_of).collect::<Vec<_>>(), ["则社[-⏎-]", "会兴"]);
        assert_eq!(n.iter().map(text_of).collect::<Vec<_>>(), ["则社会兴"]);
        let (o, n) = char_lines("a,b", "a，b");
        assert_eq!(text_of(&o[0]), "a[-,-]b");
        assert_eq!(text_of(&n[0]), "a{+，+}b");
    }
}
