//! Edits with reasons and the edit log: the single source of truth for everything a
//! reviewer sees (diffs, per-rule counts, `explain`, the removed-text sidecar) and the
//! promise that nothing is silently lost.

use std::ops::Range;

use serde::Serialize;

use crate::RuleId;

/// One change a pass asks for: replace `range` of the page's current text by `replacement`,
/// because of rule `rule`. Handed to [`crate::Page::apply`] in batches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextEdit {
    /// Byte range in the page's current text.
    pub range: Range<usize>,
    /// The text that replaces it.
    pub replacement: String,
    /// The stable id of the rule that asked for it (`layout.paragraphs.join-cjk`, `zh.comma`, …).
    pub rule: RuleId,
    /// Optional evidence a reviewer needs to trust the change (frequencies, counts, a reason).
    pub note: Option<String>,
}

impl TextEdit {
    /// Replace `range` by `replacement`.
    pub fn replace(range: Range<usize>, replacement: impl Into<String>, rule: impl Into<RuleId>) -> Self {
        TextEdit { range, replacement: replacement.into(), rule: rule.into(), note: None }
    }

    /// Delete `range`.
    pub fn delete(range: Range<usize>, rule: impl Into<RuleId>) -> Self {
        Self::replace(range, String::new(), rule)
    }

    /// Insert `text` at byte offset `at`.
    pub fn insert(at: usize, text: impl Into<String>, rule: impl Into<RuleId>) -> Self {
        Self::replace(at..at, text, rule)
    }

    /// Attach evidence to the edit.
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }
}

/// A recorded change: what a rule replaced, where, and by what.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Edit {
    /// The rule that made it (interned: an edit holds no copy of the id).
    pub rule: RuleId,
    /// Which batch of the log it belongs to (batches are applied in order).
    pub batch: usize,
    /// Byte range of `before` in the text as it was before this batch.
    pub span: Range<usize>,
    /// Byte offset of `after` in the text as it was after this batch.
    pub new_start: usize,
    /// The text that was there.
    pub before: String,
    /// The text that replaced it.
    pub after: String,
    /// Evidence for the change, when the pass gave any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Edit {
    /// Byte range of `after` in the text after this edit's batch.
    pub fn new_span(&self) -> Range<usize> {
        self.new_start..self.new_start + self.after.len()
    }

    /// True when the edit only removes text.
    pub fn is_removal(&self) -> bool {
        self.after.is_empty() && !self.before.is_empty()
    }
}

/// Why a batch of edits was refused. A refused batch changes nothing.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum EditError {
    /// Two edits of one batch touch the same text.
    #[error("rule {second} overlaps rule {first} at bytes {at}")]
    Overlap {
        /// The rule of the earlier edit.
        first: String,
        /// The rule of the later edit.
        second: String,
        /// Where they meet.
        at: usize,
    },
    /// An edit's range is outside the text or not on a character boundary.
    #[error("rule {rule}: range {start}..{end} is outside the text or splits a character")]
    BadRange {
        /// The rule that asked for it.
        rule: String,
        /// Range start.
        start: usize,
        /// Range end.
        end: usize,
    },
}

/// The ordered record of every batch of edits applied to a page.
#[derive(Clone, Debug, Default, Serialize)]
pub struct EditLog {
    edits: Vec<Edit>,
    /// `batches[i]` is the range of `edits` applied as batch i.
    batches: Vec<Range<usize>>,
}

impl EditLog {
    /// Every edit, batch by batch, each batch in text order.
    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }

    /// Number of batches applied.
    pub fn batch_count(&self) -> usize {
        self.batches.len()
    }

    /// The edits of batch `i`.
    pub fn batch(&self, i: usize) -> &[Edit] {
        &self.edits[self.batches[i].clone()]
    }

    /// True when nothing was changed.
    pub fn is_empty(&self) -> bool {
        self.edits.is_empty()
    }

    /// Validate and apply `edits` to `text`, record them as one batch and return the new
    /// text. Edits are sorted by position; two edits that overlap (or two insertions at
    /// one point) refuse the whole batch.
    pub fn apply(&mut self, text: &str, mut edits: Vec<TextEdit>) -> Result<String, EditError> {
        edits.retain(|e| text.get(e.range.clone()) != Some(e.replacement.as_str()));
        edits.sort_by_key(|e| (e.range.start, e.range.end));
        let mut last_end = 0usize;
        let mut last_rule: Option<&str> = None;
        let mut last_was_insert_at = None;
        for e in &edits {
            let Range { start, end } = e.range;
            if start > end || end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end)
            {
                return Err(EditError::BadRange { rule: e.rule.to_string(), start, end });
            }
            if let Some(first) = last_rule {
                let clash = start < last_end || (start == end && last_was_insert_at == Some(start));
                if clash {
                    return Err(EditError::Overlap {
                        first: first.to_string(),
                        second: e.rule.to_string(),
                        at: start,
                    });
                }
            }
            last_end = end;
            last_rule = Some(&e.rule);
            last_was_insert_at = (start == end).then_some(start);
        }
        if edits.is_empty() {
            return Ok(text.to_string());
        }
        let batch = self.batches.len();
        let first = self.edits.len();
        let mut out = String::with_capacity(text.len() + 16);
        let mut cursor = 0;
        for e in edits {
            out.push_str(&text[cursor..e.range.start]);
            let new_start = out.len();
            out.push_str(&e.replacement);
            cursor = e.range.end;
            self.edits.push(Edit {
                rule: e.rule,
                batch,
                before: text[e.range.clone()].to_string(),
                span: e.range,
                new_start,
                after: e.replacement,
                note: e.note,
            });
        }
        out.push_str(&text[cursor..]);
        self.batches.push(first..self.edits.len());
        Ok(out)
    }

    /// Undo every batch, newest first: from the text the log ends in, rebuild the text it
    /// started from. `undo(clean) == decoded input` is the lossless promise.
    pub fn undo(&self, text: &str) -> String {
        let mut text = text.to_string();
        for b in self.batches.iter().rev() {
            let edits = &self.edits[b.clone()];
            let mut out = String::with_capacity(text.len());
            let mut cursor = 0;
            for e in edits {
                let ns = e.new_span();
                out.push_str(text.get(cursor..ns.start).unwrap_or(""));
                out.push_str(&e.before);
                cursor = ns.end;
            }
            out.push_str(text.get(cursor..).unwrap_or(""));
            text = out;
        }
        text
    }

    /// Map a byte offset in the text before batch `batch` back to the text the log started
    /// from (the decoded input). An offset inside text that a batch inserted maps to where
    /// that insertion was made.
    pub fn to_source(&self, batch: usize, mut pos: usize) -> usize {
        for b in self.batches[..batch.min(self.batches.len())].iter().rev() {
            pos = map_back(&self.edits[b.clone()], pos);
        }
        pos
    }

    /// The range in the decoded input of edit `i`'s `before` text.
    pub fn source_span(&self, i: usize) -> Range<usize> {
        let e = &self.edits[i];
        let start = self.to_source(e.batch, e.span.start);
        let end = if e.span.is_empty() { start } else { self.to_source(e.batch, e.span.end).max(start) };
        start..end
    }

    /// Map a byte offset in the text after the last batch back to the decoded input.
    pub fn final_to_source(&self, pos: usize) -> usize {
        self.to_source(self.batches.len(), pos)
    }

    /// The range in the text after the last batch that descends from edit `i`'s `after`
    /// text: its replacement carried through every later batch. Text a later batch inserts
    /// at either edge is not part of it; a later replacement that cuts into it is. Empty when
    /// the edit only removed text, or when a later batch removed what it wrote; it then sits
    /// where that text was.
    pub fn final_span(&self, i: usize) -> Range<usize> {
        let e = &self.edits[i];
        let mut r = e.new_span();
        for b in &self.batches[(e.batch + 1).min(self.batches.len())..] {
            let later = &self.edits[b.clone()];
            let start = carry_forward(later, r.start, true);
            let end = carry_forward(later, r.end, false).max(start);
            r = start..end;
        }
        r
    }

    /// Count of edits per rule, in rule order.
    pub fn counts_by_rule(&self) -> std::collections::BTreeMap<&str, usize> {
        let mut m = std::collections::BTreeMap::new();
        for e in &self.edits {
            *m.entry(e.rule.as_str()).or_insert(0) += 1;
        }
        m
    }
}

/// Map an offset in the text after one batch back to the text before it.
fn map_back(edits: &[Edit], pos: usize) -> usize {
    // Edits are sorted by position; find the last one starting at or before `pos`.
    let i = edits.partition_point(|e| e.new_start <= pos);
    if i == 0 {
        return pos;
    }
    let e = &edits[i - 1];
    let ns = e.new_span();
    if pos < ns.end {
        // Inside the replacement: it came from where the edit was made, as far into what
        // was there as it is into the replacement, on a character boundary of what was there
        // (`before` starts on one), never inside a character of the text before.
        let mut k = (pos - ns.start).min(e.before.len());
        while !e.before.is_char_boundary(k) {
            k -= 1;
        }
        e.span.start + k
    } else {
        pos - ns.end + e.span.end
    }
}

/// Carry one edge of a range through a later batch (see [`EditLog::final_span`]): an
/// insertion exactly at the edge stays outside the range; a replacement the edge falls
/// strictly inside is taken in whole.
fn carry_forward(edits: &[Edit], pos: usize, is_start: bool) -> usize {
    let mut delta: isize = 0;
    for e in edits {
        let (s, t) = (e.span.start, e.span.end);
        let insertion = s == t;
        if s > pos || (s == pos && !(insertion && is_start)) {
            break;
        }
        if s < pos && pos < t {
            return if is_start { e.new_start } else { e.new_start + e.after.len() };
        }
        delta += e.after.len() as isize - (t - s) as isize;
    }
    (pos as isize + delta) as usize
}

/// Map an offset in the text before a batch of sorted, non-overlapping edits to the text
/// after it. `Bias::Left` keeps a position at an insertion point before the inserted text;
/// `Bias::Right` moves it past. The reference for [`ForwardMap`], which the page uses.
#[cfg(test)]
pub(crate) fn map_forward(edits: &[(Range<usize>, usize)], pos: usize, bias: Bias) -> usize {
    let mut delta: isize = 0;
    for (r, new_len) in edits {
        let before = match bias {
            Bias::Left => pos <= r.start,
            Bias::Right => pos < r.start || (pos == r.start && r.start != r.end),
        };
        if before {
            break;
        }
        if pos < r.end {
            // Inside a replaced range: clamp to the replacement's start or end.
            let new_start = (r.start as isize + delta) as usize;
            return match bias {
                Bias::Left => new_start,
                Bias::Right => new_start + new_len,
            };
        }
        delta += *new_len as isize - (r.end - r.start) as isize;
    }
    (pos as isize + delta) as usize
}

/// [`map_forward`] for many offsets: the batch's length change before each edit is summed
/// once, and each offset is then mapped with a binary search, so moving every block of a page
/// through a batch costs O((blocks + edits) log edits) instead of O(blocks × edits).
pub(crate) struct ForwardMap<'a> {
    edits: &'a [(Range<usize>, usize)],
    /// `delta_before[i]`: the length change of edits `..i` (one more entry than edits).
    delta_before: Vec<isize>,
}

impl<'a> ForwardMap<'a> {
    /// The map of a batch of sorted, non-overlapping edits given as (range, replacement length).
    pub(crate) fn new(edits: &'a [(Range<usize>, usize)]) -> Self {
        let mut delta_before = Vec::with_capacity(edits.len() + 1);
        let mut delta: isize = 0;
        delta_before.push(0);
        for (r, new_len) in edits {
            delta += *new_len as isize - (r.end - r.start) as isize;
            delta_before.push(delta);
        }
        ForwardMap { edits, delta_before }
    }

    /// The same as [`map_forward`] over the same edits.
    pub(crate) fn map(&self, pos: usize, bias: Bias) -> usize {
        let before = |r: &Range<usize>| match bias {
            Bias::Left => pos <= r.start,
            Bias::Right => pos < r.start || (pos == r.start && r.start != r.end),
        };
        // Edits are sorted, so "the position lies before this edit" is false and then true.
        let k = self.edits.partition_point(|(r, _)| !before(r));
        if k > 0 {
            let (r, new_len) = &self.edits[k - 1];
            if pos < r.end {
                // Inside a replaced range: clamp to the replacement's start or end.
                let new_start = (r.start as isize + self.delta_before[k - 1]) as usize;
                return match bias {
                    Bias::Left => new_start,
                    Bias::Right => new_start + new_len,
                };
            }
        }
        (pos as isize + self.delta_before[k]) as usize
    }
}

/// Which way a position at an edit boundary moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Bias {
    /// Stay before text inserted at the position (for range starts).
    Left,
    /// Move after text inserted at the position (for range ends).
    Right,
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn forward_map_equals_map_forward(
            spans in proptest::collection::vec((0usize..4, 0usize..4, 0usize..4), 0..12),
            positions in proptest::collection::vec(0usize..80, 1..20),
        ) {
            // Build sorted, non-overlapping edits from (gap, length, replacement length);
            // a gap of 0 after an insertion would be two insertions at one point, so skip it.
            let mut edits: Vec<(Range<usize>, usize)> = Vec::new();
            let mut at = 0;
            for (gap, len, new_len) in spans {
                let prev_insert = edits.last().is_some_and(|(r, _)| r.is_empty() && r.end == at);
                let gap = if prev_insert && gap == 0 && len == 0 { 1 } else { gap };
                let start = at + gap;
                edits.push((start..start + len, new_len));
                at = start + len;
            }
            let map = ForwardMap::new(&edits);
            for pos in positions {
                for bias in [Bias::Left, Bias::Right] {
                    proptest::prop_assert_eq!(map.map(pos, bias), map_forward(&edits, pos, bias), "pos {} {:?} {:?}", pos, bias, edits);
                }
            }
        }
    }

    #[test]
    fn apply_and_undo() {
        let mut log = EditLog::default();
        let t = "ab\ncd\n\nef";
        let t2 = log
            .apply(t, vec![TextEdit::delete(2..3, "join"), TextEdit::replace(5..7, "\n", "para")])
            .unwrap();
        assert_eq!(t2, "abcd\nef");
        let t3 = log.apply(&t2, vec![TextEdit::insert(0, "X", "ins")]).unwrap();
        assert_eq!(t3, "Xabcd\nef");
        assert_eq!(log.undo(&t3), t);
        assert_eq!(log.source_span(1), 5..7);
        assert_eq!(log.final_to_source(4), 4); // the d of "Xabcd"
        assert_eq!(log.final_to_source(5), 5); // the joined paragraph break
    }

    #[test]
    fn overlap_refused() {
        let mut log = EditLog::default();
        let err =
            log.apply("abcdef", vec![TextEdit::delete(0..3, "a"), TextEdit::delete(2..4, "b")]).unwrap_err();
        assert!(matches!(err, EditError::Overlap { .. }));
        assert!(log.is_empty());
        let err =
            log.apply("abc", vec![TextEdit::insert(1, "x", "a"), TextEdit::insert(1, "y", "b")]).unwrap_err();
        assert!(matches!(err, EditError::Overlap { .. }));
    }

    #[test]
    fn bad_range_refused() {
        let mut log = EditLog::default();
        assert!(log.apply("党", vec![TextEdit::delete(0..1, "a")]).is_err());
        assert!(log.apply("ab", vec![TextEdit::delete(1..9, "a")]).is_err());
    }

    #[test]
    fn noop_edits_are_dropped() {
        let mut log = EditLog::default();
        let t = log.apply("abc", vec![TextEdit::replace(0..1, "a", "same")]).unwrap();
        assert_eq!(t, "abc");
        assert!(log.is_empty());
        assert_eq!(log.batch_count(), 0);
    }

    #[test]
    fn final_span_follows_later_batches() {
        let mut log = EditLog::default();
        // Batch 0: a comma replaced; batch 1: a join before it, an insertion at its edge.
        let t1 = log.apply("ab\ncd,ef", vec![TextEdit::replace(5..6, "，", "zh.comma")]).unwrap();
        assert_eq!(t1, "ab\ncd，ef");
        let t2 =
            log.apply(&t1, vec![TextEdit::delete(2..3, "join"), TextEdit::insert(5, "X", "ins")]).unwrap();
        assert_eq!(t2, "abcdX，ef");
        let r = log.final_span(0);
        assert_eq!(&t2[r], "，");
        // A removal sits, empty, where it was made.
        assert_eq!(log.final_span(1), 2..2);
        assert_eq!(&t2[log.final_span(2)], "X");
        // A later replacement that cuts into the text is taken whole; a later removal of
        // all of it leaves an empty range.
        let t3 = log.apply(&t2, vec![TextEdit::replace(5..9, "!", "punct")]).unwrap();
        assert_eq!(t3, "abcdX!f");
        assert_eq!(&t3[log.final_span(0)], "!");
        let t4 = log.apply(&t3, vec![TextEdit::delete(5..6, "gone")]).unwrap();
        assert_eq!(t4, "abcdXf");
        assert_eq!(log.final_span(0), 5..5);
        // An insertion right after the text does not join it.
        let t5 = log.apply(&t4, vec![TextEdit::insert(5, "Y", "ins")]).unwrap();
        assert_eq!(t5, "abcdXYf");
        assert_eq!(&t5[log.final_span(2)], "X");
    }

    #[test]
    fn forward_mapping() {
        let edits = vec![(2..3, 0), (5..5, 2)];
        assert_eq!(map_forward(&edits, 1, Bias::Left), 1);
        assert_eq!(map_forward(&edits, 2, Bias::Left), 2);
        assert_eq!(map_forward(&edits, 3, Bias::Left), 2);
        assert_eq!(map_forward(&edits, 5, Bias::Left), 4);
        assert_eq!(map_forward(&edits, 5, Bias::Right), 6);
        assert_eq!(map_forward(&edits, 6, Bias::Right), 7);
    }
}
