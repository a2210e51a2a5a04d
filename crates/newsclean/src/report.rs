//! The machine-readable report of one cleaned file (`newsclean clean --format json`) and the
//! removed-text sidecar (`--removed FILE`). The schema is versioned by [`SCHEMA`] and
//! documented in `docs/json.md`; a field is never renamed or given another meaning within one
//! schema version, new fields may be added.
//!
//! ```
//! use newsclean::report::FileReport;
//!
//! let cleaner = newsclean::Cleaner::new(newsclean::DEFAULT_PROFILE).unwrap();
//! let raw = "\n\n标题\n\n\n正文第一段\n";
//! let cleaned = cleaner.clean(raw.as_bytes()).unwrap();
//! let report = FileReport::new("page.txt", &cleaned, raw.as_bytes());
//! assert_eq!(report.schema, newsclean::report::SCHEMA);
//! assert!(report.changed);
//! assert_eq!(report.text, cleaned.text);
//! ```

use std::collections::BTreeMap;

use newsclean_core::{BlockKind, Edit, EditLog, PageMeta};
use newsclean_decode::DecodeReport;
use serde::Serialize;

use crate::Cleaned;

/// The schema id every JSON object written by newsclean carries in its `schema` field.
pub const SCHEMA: &str = "newsclean/1";

/// Everything about one cleaned file: one JSON object per file, in input order.
#[derive(Clone, Debug, Serialize)]
pub struct FileReport {
    /// Always [`SCHEMA`].
    pub schema: &'static str,
    /// The input as the user named it (`-` for standard input).
    pub file: String,
    /// True when the clean text differs from the input's bytes.
    pub changed: bool,
    /// The clean text (UTF-8, one block per line, `\n` after the last).
    pub text: String,
    /// The blocks of the clean page, in order.
    pub blocks: Vec<BlockReport>,
    /// Every edit, batch by batch, with its position in the decoded input.
    pub edits: Vec<EditReport>,
    /// Number of edits per rule id.
    pub rule_counts: BTreeMap<String, usize>,
    /// What the passes learned about the page.
    pub meta: PageMeta,
    /// How the bytes were decoded.
    pub decode: DecodeReport,
}

/// One block of the clean page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BlockReport {
    /// The block's kind (`headline`, `body`, …).
    pub kind: BlockKind,
    /// The rule that decided the kind, when one did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// Byte range in the clean text.
    pub start: usize,
    /// End of the byte range in the clean text.
    pub end: usize,
    /// The block's text.
    pub text: String,
}

/// One edit of the log with its position in the decoded input.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EditReport {
    /// The rule that made it.
    pub rule: String,
    /// The batch it belongs to (batches are applied in order).
    pub batch: usize,
    /// The text that was there.
    pub before: String,
    /// The text that replaced it.
    pub after: String,
    /// Evidence for the change, when the pass gave any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Where `before` was in the decoded input (for an insertion: where it was made).
    pub source: SourcePos,
    /// Where `before` was in the text as it was before this edit's batch (byte range): with
    /// `before` and `after`, enough to replay the log (undo it batch by batch, last first).
    pub span: std::ops::Range<usize>,
}

/// A position in the decoded input: byte range, and line and column of its start.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct SourcePos {
    /// Byte offset of the start in the decoded input.
    pub start: usize,
    /// Byte offset of the end in the decoded input.
    pub end: usize,
    /// 1-based line of the start.
    pub line: usize,
    /// 1-based column of the start, counted in characters (not bytes, not display cells).
    pub column: usize,
}

/// One removed piece of text, a line of the `--removed` JSON Lines sidecar.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Removed {
    /// Always [`SCHEMA`].
    pub schema: &'static str,
    /// The input as the user named it.
    pub file: String,
    /// The rule that removed it.
    pub rule: String,
    /// Where it was in the decoded input.
    pub source: SourcePos,
    /// The text that was there.
    pub before: String,
    /// What replaced it (empty for a pure deletion).
    pub after: String,
    /// Evidence for the change, when the pass gave any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A file that could not be cleaned: written in place of its [`FileReport`] so that JSON
/// Lines output has one object per input, in input order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ErrorReport {
    /// Always [`SCHEMA`].
    pub schema: &'static str,
    /// The input as the user named it.
    pub file: String,
    /// What went wrong and what to do.
    pub error: String,
}

impl ErrorReport {
    /// An error report for `file`.
    pub fn new(file: impl Into<String>, error: impl Into<String>) -> Self {
        ErrorReport { schema: SCHEMA, file: file.into(), error: error.into() }
    }
}

/// Maps byte offsets of a text to 1-based line and column (in characters), each in
/// O(log lines + [`CHAR_CHECKPOINT`]) whatever the line's length.
#[derive(Clone, Debug)]
pub struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset of the start of each line.
    starts: Vec<usize>,
    /// `chars_before[k]`: the characters in the first `k * CHAR_CHECKPOINT` bytes.
    chars_before: Vec<usize>,
}

/// Every this many bytes, [`LineIndex`] notes how many characters came before.
pub const CHAR_CHECKPOINT: usize = 1024;

impl<'a> LineIndex<'a> {
    /// Index the lines of `text`.
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(newline_offsets(text).map(|i| i + 1));
        let mut chars_before = vec![0];
        let mut n = 0;
        for block in text.as_bytes().chunks(CHAR_CHECKPOINT) {
            n += char_starts(block);
            chars_before.push(n);
        }
        LineIndex { text, starts, chars_before }
    }

    /// The characters in `text[..at]` (`at` on a character boundary).
    fn chars_to(&self, at: usize) -> usize {
        let k = at / CHAR_CHECKPOINT;
        self.chars_before[k] + char_starts(&self.text.as_bytes()[k * CHAR_CHECKPOINT..at])
    }

    /// The position of byte range `start..end` (clamped to the text).
    pub fn pos(&self, start: usize, end: usize) -> SourcePos {
        let start = start.min(self.text.len());
        let end = end.clamp(start, self.text.len());
        let line = self.starts.partition_point(|&s| s <= start);
        let line_start = self.starts[line - 1];
        let mut col_end = start;
        while !self.text.is_char_boundary(col_end) {
            col_end -= 1;
        }
        let column = self.chars_to(col_end) - self.chars_to(line_start) + 1;
        SourcePos { start, end, line, column }
    }
}

/// The characters that start in `bytes` (UTF-8): the bytes that are not continuation bytes.
fn char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

fn newline_offsets(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i)
}

/// True when edit `e` removed text: it deleted something, or what replaced it has fewer
/// non-white-space characters than what was there (a collapsed duplicate, a dropped mark).
/// Substitutions of equal visible length (`,` → `，`) and white-space-only insertions are not
/// removals.
pub fn is_removal(e: &Edit) -> bool {
    let visible = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count();
    (e.after.is_empty() && !e.before.is_empty()) || visible(&e.after) < visible(&e.before)
}

fn edit_reports(log: &EditLog, input: &str) -> Vec<EditReport> {
    let index = LineIndex::new(input);
    log.edits()
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let span = log.source_span(i);
            EditReport {
                rule: e.rule.to_string(),
                batch: e.batch,
                before: e.before.clone(),
                after: e.after.clone(),
                note: e.note.clone(),
                source: index.pos(span.start, span.end),
                span: e.span.clone(),
            }
        })
        .collect()
}

impl FileReport {
    /// The report of `cleaned`, made from the input bytes `original` of the file named `file`.
    pub fn new(file: impl Into<String>, cleaned: &Cleaned, original: &[u8]) -> Self {
        let page = &cleaned.page;
        let blocks = page
            .blocks()
            .iter()
            .enumerate()
            .map(|(i, b)| BlockReport {
                kind: b.kind,
                rule: b.rule.clone(),
                start: b.range.start,
                end: b.range.end,
                text: page.block_text(i).to_string(),
            })
            .collect();
        let rule_counts =
            page.log().counts_by_rule().into_iter().map(|(rule, n)| (rule.to_string(), n)).collect();
        FileReport {
            schema: SCHEMA,
            file: file.into(),
            changed: cleaned.text.as_bytes() != original,
            text: cleaned.text.clone(),
            blocks,
            edits: edit_reports(page.log(), &cleaned.input),
            rule_counts,
            meta: page.meta.clone(),
            decode: cleaned.report.clone(),
        }
    }

    /// The removed pieces of text of this report (see [`is_removal`]), in log order.
    pub fn removed(&self, cleaned: &Cleaned) -> Vec<Removed> {
        let edits = cleaned.page.log().edits();
        self.edits
            .iter()
            .zip(edits)
            .filter(|(_, e)| is_removal(e))
            .map(|(r, _)| Removed {
                schema: SCHEMA,
                file: self.file.clone(),
                rule: r.rule.clone(),
                source: r.source,
                before: r.before.clone(),
                after: r.after.clone(),
                note: r.note.clone(),
            })
            .collect()
    }
}

/// The removed pieces of text of a cleaned page (see [`is_removal`]), with their positions in
/// the decoded input. Cheaper than building a whole [`FileReport`].
pub fn removed(file: &str, cleaned: &Cleaned) -> Vec<Removed> {
    let log = cleaned.page.log();
    let index = LineIndex::new(&cleaned.input);
    log.edits()
        .iter()
        .enumerate()
        .filter(|(_, e)| is_removal(e))
        .map(|(i, e)| {
            let span = log.source_span(i);
            Removed {
                schema: SCHEMA,
                file: file.to_string(),
                rule: e.rule.to_string(),
                source: index.pos(span.start, span.end),
                before: e.before.clone(),
                after: e.after.clone(),
                note: e.note.clone(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Cleaner, DEFAULT_PROFILE};

    fn edit(before: &str, after: &str) -> Edit {
        Edit {
            rule: "t".into(),
            batch: 0,
            span: 0..before.len(),
            new_start: 0,
            before: before.into(),
            after: after.into(),
            note: None,
        }
    }

    /// Issue 21 item 4: `--format json` on one long line with many edits counted the
    /// characters from the line's start for every edit (quadratic: 48.5 MB took over 10
    /// minutes). Columns now cost at most a checkpoint's bytes each; at this size the old count
    /// takes minutes.
    #[test]
    fn columns_on_one_long_line_are_linear() {
        let line = "党,".repeat(1_000_000);
        let index = LineIndex::new(&line);
        let step = 4 * 20;
        for k in (0..line.len()).step_by(step).take(50_000) {
            let pos = index.pos(k, k);
            assert_eq!(pos.column, k / 4 * 2 + 1);
            assert_eq!(pos.line, 1);
        }
        let text = "a\n党建\nxyz党";
        let index = LineIndex::new(text);
        assert_eq!((index.pos(5, 5).line, index.pos(5, 5).column), (2, 2));
        assert_eq!((index.pos(9, 9).line, index.pos(9, 9).column), (3, 1));
        assert_eq!(index.pos(12, 12).column, 4);
    }

    #[test]
    fn removal_classes() {
        assert!(is_removal(&edit("页眉", "")));
        assert!(is_removal(&edit("\n", "")));
        assert!(is_removal(&edit("党党", "党")));
        assert!(!is_removal(&edit(",", "，")));
        assert!(!is_removal(&edit("", "\n")));
        assert!(!is_removal(&edit("\n\n\n", "\n")));
    }

    #[test]
    fn line_index_counts_characters() {
        let idx = LineIndex::new("ab\n党建强\n\nx");
        assert_eq!(idx.pos(0, 1), SourcePos { start: 0, end: 1, line: 1, column: 1 });
        assert_eq!(idx.pos(2, 3).line, 1);
        assert_eq!(idx.pos(2, 3).column, 3);
        // "强" starts at byte 3 + 6 = 9: line 2, third character.
        assert_eq!(idx.pos(9, 12), SourcePos { start: 9, end: 12, line: 2, column: 3 });
        assert_eq!(idx.pos(13, 13).line, 3);
        assert_eq!(idx.pos(14, 15), SourcePos { start: 14, end: 15, line: 4, column: 1 });
        // Clamped, never panics.
        assert_eq!(idx.pos(99, 3).start, 15);
        assert_eq!(LineIndex::new("").pos(0, 0).line, 1);
        // An offset inside a character counts the character it is in.
        assert_eq!(idx.pos(4, 4).column, 1);
    }

    #[test]
    fn report_positions_point_into_the_input() {
        let raw = "报头\n\n\n  第一段\n";
        let cleaned = Cleaner::new(DEFAULT_PROFILE).unwrap().clean(raw.as_bytes()).unwrap();
        let report = FileReport::new("p.txt", &cleaned, raw.as_bytes());
        assert!(report.changed);
        assert!(!report.edits.is_empty());
        for e in &report.edits {
            assert!(e.source.start <= e.source.end && e.source.end <= cleaned.input.len(), "{e:?}");
            // The first batch works on the decoded input itself: its text is found there.
            if e.batch == 0 {
                assert_eq!(&cleaned.input[e.source.start..e.source.end], e.before, "{e:?}");
            }
        }
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(json["schema"], SCHEMA);
        assert_eq!(json["file"], "p.txt");
        assert!(json["blocks"].is_array());
        assert_eq!(report.removed(&cleaned), removed("p.txt", &cleaned));
    }

    #[test]
    fn unchanged_input_reports_unchanged() {
        let raw = "正文\n";
        let cleaned = Cleaner::new(DEFAULT_PROFILE).unwrap().clean(raw.as_bytes()).unwrap();
        let report = FileReport::new("p.txt", &cleaned, raw.as_bytes());
        assert!(!report.changed);
        assert!(report.edits.is_empty());
    }
}
