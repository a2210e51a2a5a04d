//! The page: one text, the blocks over it, what was learned about it, and its edit log.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Serialize;

use std::any::Any;
use std::sync::Arc;

use crate::edit::{Bias, EditError, EditLog, ForwardMap, TextEdit};
use crate::registry::Disabled;

/// What a block of the page is, in the reader's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    /// Not classified yet.
    Unknown,
    /// A headline element: kicker or main title.
    Headline,
    /// A subtitle (often opening with ——).
    Subtitle,
    /// A byline or credit: ■记者 …, 通讯员 …, ■摄影 ….
    Byline,
    /// A paragraph of article text.
    Body,
    /// A photo caption, picture title or credit, a box of other kept content.
    Caption,
    /// Page furniture: masthead, page label, date line, hotline, copyright, jump line.
    Furniture,
    /// Artefacts: duplicated text, markup, picture noise.
    Junk,
}

impl BlockKind {
    /// The lowercase name used in rule scopes and JSON.
    pub fn name(self) -> &'static str {
        match self {
            BlockKind::Unknown => "unknown",
            BlockKind::Headline => "headline",
            BlockKind::Subtitle => "subtitle",
            BlockKind::Byline => "byline",
            BlockKind::Body => "body",
            BlockKind::Caption => "caption",
            BlockKind::Furniture => "furniture",
            BlockKind::Junk => "junk",
        }
    }

    /// True for kinds whose text is kept in the clean output.
    pub fn is_content(self) -> bool {
        !matches!(self, BlockKind::Furniture | BlockKind::Junk)
    }
}

/// A block of the page: a byte range of the page's text and what it is. Blocks are sorted,
/// never overlap, and the text between two blocks is only white space.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Block {
    /// Byte range in the page's current text.
    pub range: Range<usize>,
    /// What the block is.
    pub kind: BlockKind,
    /// The rule that decided the kind, when a pass classified it; a furniture or junk block
    /// is removed under this rule id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// Why the rule decided so (the evidence that added up); the note of the edit that
    /// removes a furniture or junk block.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Block {
    /// A block of unknown kind over `range`.
    pub fn new(range: Range<usize>) -> Self {
        Block { range, kind: BlockKind::Unknown, rule: None, note: None }
    }
}

/// The writing system a page (or block) is in; it picks the joining conventions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Script {
    /// Not decided yet.
    #[default]
    Unknown,
    /// Chinese, Japanese, Korean: no spaces between words.
    Cjk,
    /// Latin script: words separated by spaces, hyphenation at line ends.
    Latin,
    /// Both, in runs.
    Mixed,
}

/// What the passes learned about the page: publication, date, issue, page label.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct PageMeta {
    /// The page's script.
    pub script: Script,
    /// Facts found in furniture, keyed by name (`date`, `issue`, `page_label`, `publication`,
    /// `lunar_date`, `weekday`, …). The first value found wins.
    pub facts: BTreeMap<String, String>,
    /// Warnings for a reviewer (a pass that was unsure and left something alone).
    pub warnings: Vec<String>,
}

impl PageMeta {
    /// Record a fact unless one of that name is already known.
    pub fn learn(&mut self, key: &str, value: impl Into<String>) {
        self.facts.entry(key.to_string()).or_insert_with(|| value.into());
    }
}

/// One page of text under cleaning.
#[derive(Clone, Debug)]
pub struct Page {
    text: String,
    blocks: Vec<Block>,
    log: EditLog,
    /// What the passes learned about the page.
    pub meta: PageMeta,
    /// The rule ids the user switched off: edits and classifications under them are dropped.
    disabled: Option<Arc<Disabled>>,
    /// The text the passes started from (what undoing the log gives back, less the edits
    /// decoding made before the page was segmented: see [`Page::with_prior_edits`]).
    input: Arc<str>,
    /// What the analysis layer found about the page, computed once (`newsclean_layout::analysis`).
    facts: Option<Arc<dyn Any + Send + Sync>>,
    /// The analysis layer's table of the current text's lines, dropped when the text changes.
    lines: Option<Arc<dyn Any + Send + Sync>>,
    /// How many batches changed the text so far: a cache of the text is valid for one version.
    version: u64,
}

impl Page {
    /// A page over decoded text, segmented into blocks: runs of non-blank lines.
    pub fn new(text: impl Into<String>) -> Self {
        let text = text.into();
        let blocks = segment(&text);
        let input: Arc<str> = Arc::from(text.as_str());
        Page {
            text,
            blocks,
            log: EditLog::default(),
            meta: PageMeta::default(),
            disabled: None,
            input,
            facts: None,
            lines: None,
            version: 0,
        }
    }

    /// A page over `source` after `steps` of edits made before the page is segmented
    /// (decoding: a byte-order mark, mojibake, line breaks, invisible characters, NFC): each
    /// step is logged as a batch, then the result is segmented into blocks. Undoing the log
    /// gives back `source`.
    pub fn with_prior_edits(source: impl Into<String>, steps: Vec<Vec<TextEdit>>) -> Result<Self, EditError> {
        let mut log = EditLog::default();
        let mut text = source.into();
        for step in steps {
            if !step.is_empty() {
                text = log.apply(&text, step)?;
            }
        }
        // The passes start from the decoded text: that is the page's input for them (the log
        // goes back further, to `source`).
        let mut page = Page::new(text);
        page.log = log;
        Ok(page)
    }

    /// The current text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text the passes started from, before any pass changed it (undoing the log gives it
    /// back, and before it the edits decoding made: see [`Page::with_prior_edits`]).
    pub fn input(&self) -> &str {
        &self.input
    }

    /// [`Page::input`], shared rather than copied (a caller that keeps the input beside the
    /// page holds one copy of it, not two).
    pub fn shared_input(&self) -> Arc<str> {
        Arc::clone(&self.input)
    }

    /// How many batches of edits changed the text so far; a value derived from the text is
    /// valid as long as this is unchanged.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// The page's facts of type `T`, computed by `init` the first time they are asked for and
    /// kept for the rest of the page's cleaning, whatever the passes change afterwards. The
    /// analysis layer (`newsclean_layout::analysis::facts`) owns this slot; a second type asked
    /// for is computed each time and not kept.
    pub fn facts_or_init<T: Any + Send + Sync>(&mut self, init: impl FnOnce(&Page) -> T) -> Arc<T> {
        if let Some(f) = self.facts.clone().and_then(|f| f.downcast::<T>().ok()) {
            return f;
        }
        let f = Arc::new(init(self));
        if self.facts.is_none() {
            self.facts = Some(f.clone());
        }
        f
    }

    /// The facts kept by [`Page::facts_or_init`], if they were computed and are of type `T`.
    pub fn facts<T: Any + Send + Sync>(&self) -> Option<Arc<T>> {
        self.facts.clone().and_then(|f| f.downcast::<T>().ok())
    }

    /// The table kept by [`Page::lines_or_init`], if it is of type `T` and the text has not
    /// changed since it was made.
    pub fn lines<T: Any + Send + Sync>(&self) -> Option<Arc<T>> {
        self.lines.clone().and_then(|t| t.downcast::<T>().ok())
    }

    /// The table of type `T` derived from the current text, computed by `init` when it is
    /// missing or the text changed since ([`Page::apply`] drops it). The analysis layer
    /// (`newsclean_layout::analysis::lines`; the facade keeps the script counts it reads the
    /// page's script from here, for the page facts) owns this slot.
    pub fn lines_or_init<T: Any + Send + Sync>(&mut self, init: impl FnOnce(&Page) -> T) -> Arc<T> {
        if let Some(t) = self.lines.clone().and_then(|t| t.downcast::<T>().ok()) {
            return t;
        }
        let t = Arc::new(init(self));
        self.lines = Some(t.clone());
        t
    }

    /// The blocks, in text order.
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// The text of block `i`.
    pub fn block_text(&self, i: usize) -> &str {
        &self.text[self.blocks[i].range.clone()]
    }

    /// The lines of block `i` as (byte range in the page's text, line text without `\n`).
    pub fn block_lines(&self, i: usize) -> impl Iterator<Item = (Range<usize>, &str)> + '_ {
        let r = self.blocks[i].range.clone();
        lines_in(&self.text, r)
    }

    /// Change the kind of block `i`.
    pub fn set_kind(&mut self, i: usize, kind: BlockKind) {
        self.blocks[i].kind = kind;
    }

    /// Classify block `i` as `kind` because of rule `rule`. Nothing happens when the user
    /// switched that rule off ([`Page::set_disabled`]).
    pub fn classify(&mut self, i: usize, kind: BlockKind, rule: impl Into<String>) {
        let rule = rule.into();
        if self.is_disabled(&rule) {
            return;
        }
        self.blocks[i].kind = kind;
        self.blocks[i].rule = Some(rule);
        self.blocks[i].note = None;
    }

    /// Classify block `i` as `kind` because of rule `rule`, with the evidence that decided it
    /// (`note`: the note of the edit that removes a furniture or junk block).
    pub fn classify_because(
        &mut self,
        i: usize,
        kind: BlockKind,
        rule: impl Into<String>,
        note: impl Into<String>,
    ) {
        let rule = rule.into();
        if self.is_disabled(&rule) {
            return;
        }
        self.classify(i, kind, rule);
        self.blocks[i].note = Some(note.into());
    }

    /// Switch off these rule ids for the rest of the page's cleaning: [`Page::apply`] drops
    /// their edits and [`Page::classify`] ignores them. [`crate::Pipeline::run`] sets this from
    /// [`crate::Context::disabled`].
    pub fn set_disabled(&mut self, disabled: Option<Arc<Disabled>>) {
        self.disabled = disabled.filter(|d| !d.is_empty());
    }

    /// True when the user switched `rule` off; a pass may ask before it decides.
    pub fn is_disabled(&self, rule: &str) -> bool {
        self.disabled.as_ref().is_some_and(|d| d.covers(rule))
    }

    /// The edit log.
    pub fn log(&self) -> &EditLog {
        &self.log
    }

    /// Apply `edits` as one batch: record them in the log and move the blocks with the
    /// text. A block whose text is entirely removed is dropped. Returns the number of edits
    /// applied (edits that change nothing are dropped).
    pub fn apply(&mut self, mut edits: Vec<TextEdit>) -> Result<usize, EditError> {
        if let Some(d) = &self.disabled {
            edits.retain(|e| !d.covers(&e.rule));
        }
        if edits.is_empty() {
            return Ok(0);
        }
        let before = self.log.edits().len();
        let new_text = self.log.apply(&self.text, edits)?;
        let applied = &self.log.edits()[before..];
        if applied.is_empty() {
            return Ok(0);
        }
        let moves: Vec<(Range<usize>, usize)> =
            applied.iter().map(|e| (e.span.clone(), e.after.len())).collect();
        let n = applied.len();
        let map = ForwardMap::new(&moves);
        for b in &mut self.blocks {
            let start = map.map(b.range.start, Bias::Left);
            let end = map.map(b.range.end, Bias::Right);
            b.range = start..end.max(start);
        }
        self.text = new_text;
        self.version += 1;
        self.lines = None;
        self.fix_blocks();
        Ok(n)
    }

    /// Replace the block structure: passes that split, merge or reorder blocks build the
    /// new list and hand it over. Blocks are sorted, clamped to the text and to character
    /// boundaries, overlaps are cut, and empty blocks dropped.
    pub fn set_blocks(&mut self, blocks: Vec<Block>) {
        self.blocks = blocks;
        self.fix_blocks();
    }

    /// Merge blocks `i..=j` into one block of kind `kind` (their text and what lies between
    /// is kept; a pass removes separators with [`Page::apply`]).
    pub fn merge_blocks(&mut self, i: usize, j: usize, kind: BlockKind) {
        if i >= j || j >= self.blocks.len() {
            return;
        }
        let end = self.blocks[j].range.end;
        self.blocks[i].range.end = end;
        self.blocks[i].kind = kind;
        self.blocks.drain(i + 1..=j);
    }

    /// Split block `i` at byte offset `at` (absolute in the page's text); the second part
    /// gets `kind`. White space around the cut is left between the two blocks.
    pub fn split_block(&mut self, i: usize, at: usize, kind: BlockKind) {
        let r = self.blocks[i].range.clone();
        if at <= r.start || at >= r.end || !self.text.is_char_boundary(at) {
            return;
        }
        self.blocks[i].range.end = at;
        self.blocks.insert(i + 1, Block { range: at..r.end, kind, rule: None, note: None });
        self.fix_blocks();
    }

    /// Bring the text into its output form, as one logged batch: furniture and junk blocks
    /// removed under the rule that classified them (`page.furniture` / `page.junk` when none
    /// did), exactly one `\n` between blocks and after the last, nothing before the first.
    /// After this, [`Page::text`] is the clean text.
    pub fn finalize(&mut self) -> Result<usize, EditError> {
        self.adopt_orphan_text();
        let mut edits = Vec::new();
        let mut cursor = 0;
        let mut first_kept = true;
        for b in &self.blocks {
            let sep = if first_kept { "" } else { "\n" };
            if b.kind.is_content() {
                edits.push(TextEdit::replace(cursor..b.range.start, sep, "page.separator"));
                first_kept = false;
                cursor = b.range.end;
            } else {
                let rule = b.rule.clone().unwrap_or_else(|| match b.kind {
                    BlockKind::Junk => "page.junk".to_string(),
                    _ => "page.furniture".to_string(),
                });
                // The separator before the removed block goes with it.
                let edit = TextEdit::delete(cursor..b.range.end, rule);
                edits.push(match &b.note {
                    Some(note) => edit.with_note(note.clone()),
                    None => edit,
                });
                cursor = b.range.end;
            }
        }
        let tail = if first_kept { "" } else { "\n" };
        edits.push(TextEdit::replace(cursor..self.text.len(), tail, "page.separator"));
        // Empty no-op edits would clash as two insertions at one point: drop them here.
        edits.retain(|e| !(e.range.is_empty() && e.replacement.is_empty()));
        // Merge adjacent edits so no two insertions meet at one point.
        self.apply(edits)
    }

    /// The text as output: after [`Page::finalize`], the clean text.
    pub fn render(&self) -> String {
        self.text.clone()
    }

    /// Blocks never leave text outside them but white space; should a pass break that,
    /// each line of text between blocks becomes an [`BlockKind::Unknown`] block of its own,
    /// so that finalize keeps it rather than treating it as a separator.
    fn adopt_orphan_text(&mut self) {
        let mut orphans = Vec::new();
        let mut cursor = 0;
        let ends = self
            .blocks
            .iter()
            .map(|b| (b.range.start, b.range.end))
            .chain([(self.text.len(), self.text.len())]);
        for (start, end) in ends {
            let gap = &self.text[cursor..start.max(cursor)];
            if !gap.trim().is_empty() {
                let mut at = cursor;
                for line in gap.split_inclusive('\n') {
                    if !line.trim().is_empty() {
                        orphans.push(Block {
                            range: at..at + line.len(),
                            kind: BlockKind::Unknown,
                            rule: None,
                            note: None,
                        });
                    }
                    at += line.len();
                }
            }
            cursor = cursor.max(end);
        }
        if !orphans.is_empty() {
            self.blocks.extend(orphans);
            self.fix_blocks();
        }
    }

    fn fix_blocks(&mut self) {
        fix_block_ranges(&self.text, &mut self.blocks);
    }
}

/// Sort `blocks`, clamp them to `text` and to character boundaries, cut overlaps, trim white
/// space at their edges and drop the empty ones.
fn fix_block_ranges(text: &str, blocks: &mut Vec<Block>) {
    blocks.sort_by_key(|b| (b.range.start, b.range.end));
    let mut prev_end = 0;
    for b in blocks.iter_mut() {
        let mut s = b.range.start.max(prev_end).min(text.len());
        let mut e = b.range.end.min(text.len()).max(s);
        while !text.is_char_boundary(s) {
            s += 1;
        }
        while !text.is_char_boundary(e) {
            e += 1;
        }
        // Trim surrounding white space so a block is exactly its text.
        let inner = &text[s..e];
        let lead = inner.len() - inner.trim_start().len();
        let trail = inner.len() - inner.trim_end().len();
        s += lead;
        e = (e - trail).max(s);
        b.range = s..e;
        prev_end = e;
    }
    blocks.retain(|b| !b.range.is_empty());
}

/// Split a text into blocks: maximal runs of lines that are not blank, trimmed.
fn segment(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    for (r, line) in lines_in(text, 0..text.len()) {
        if line.trim().is_empty() {
            if let Some(s) = start.take() {
                blocks.push(Block::new(s..end));
            }
        } else {
            if start.is_none() {
                start = Some(r.start);
            }
            end = r.end;
        }
    }
    if let Some(s) = start {
        blocks.push(Block::new(s..end));
    }
    fix_block_ranges(text, &mut blocks);
    blocks
}

/// The lines of `text[range]` as (absolute byte range without the `\n`, line text).
pub fn lines_in(text: &str, range: Range<usize>) -> impl Iterator<Item = (Range<usize>, &str)> + '_ {
    let base = range.start;
    let slice = &text[range];
    let mut offset = 0;
    slice.split('\n').map(move |line| {
        let s = base + offset;
        offset += line.len() + 1;
        (s..s + line.len(), line)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disabled_rules_neither_edit_nor_classify_and_the_log_still_undoes() {
        let raw = "甲\n乙\n\n丙";
        let mut page = Page::new(raw);
        page.set_disabled(Some(Arc::new(Disabled::new(["layout.paragraphs.join-cjk", "layout.furniture"]))));
        let n = page
            .apply(vec![
                TextEdit::delete(3..4, "layout.paragraphs.join-cjk"),
                TextEdit::replace(7..9, "\n", "layout.paragraphs.column-break"),
            ])
            .unwrap();
        assert_eq!((n, page.text()), (1, "甲\n乙\n丙"));
        assert_eq!(page.log().edits()[0].rule, "layout.paragraphs.column-break");
        page.classify(0, BlockKind::Furniture, "layout.furniture.date");
        assert_eq!(page.blocks()[0].kind, BlockKind::Unknown);
        page.classify(0, BlockKind::Junk, "layout.junk.marks");
        assert_eq!(page.blocks()[0].kind, BlockKind::Junk);
        assert!(page.is_disabled("layout.furniture.app-promo") && !page.is_disabled("layout.junk.marks"));
        page.finalize().unwrap();
        assert_eq!(page.log().undo(page.text()), raw);
        assert_eq!(page.input(), raw);
    }

    #[test]
    fn text_that_no_block_holds_is_kept_by_finalize() {
        let mut p = Page::new("甲\n\n乙\n\n丙\n");
        let first = p.blocks()[0].clone();
        p.set_blocks(vec![first]);
        p.finalize().unwrap();
        assert_eq!(p.text(), "甲\n乙\n丙\n");
        assert_eq!(p.log().undo(p.text()), "甲\n\n乙\n\n丙\n");
    }

    #[test]
    fn segments_on_blank_lines() {
        let p = Page::new("\nab\ncd\n\n  \nef\n");
        let texts: Vec<&str> = (0..p.blocks().len()).map(|i| p.block_text(i)).collect();
        assert_eq!(texts, ["ab\ncd", "ef"]);
        let lines: Vec<&str> = p.block_lines(0).map(|(_, l)| l).collect();
        assert_eq!(lines, ["ab", "cd"]);
    }

    #[test]
    fn blocks_follow_edits() {
        let mut p = Page::new("ab\ncd\n\nef\n");
        // Join the lines of block 0 and delete block 1.
        p.apply(vec![TextEdit::delete(2..3, "join"), TextEdit::delete(7..10, "furniture")]).unwrap();
        assert_eq!(p.text(), "abcd\n\n");
        assert_eq!(p.blocks().len(), 1);
        assert_eq!(p.block_text(0), "abcd");
        assert_eq!(p.log().undo(p.text()), "ab\ncd\n\nef\n");
    }

    #[test]
    fn insertion_at_block_edges_belongs_to_block() {
        let mut p = Page::new("ab\n\ncd");
        p.apply(vec![TextEdit::insert(0, "<", "x"), TextEdit::insert(2, ">", "x")]).unwrap();
        assert_eq!(p.block_text(0), "<ab>");
        assert_eq!(p.block_text(1), "cd");
    }

    #[test]
    fn finalize_removes_furniture_and_normalises_separators() {
        let raw = "\n\nJIAXING\n\nbody one\n\n\n body two \n\n";
        let mut p = Page::new(raw);
        p.classify(0, BlockKind::Furniture, "furniture.masthead");
        p.finalize().unwrap();
        assert_eq!(p.render(), "body one\nbody two\n");
        assert!(
            p.log().edits().iter().any(|e| e.rule == "furniture.masthead" && e.before.contains("JIAXING"))
        );
        assert_eq!(p.log().undo(p.text()), raw);
        // Finalizing clean text changes nothing.
        let mut q = Page::new(p.render());
        q.finalize().unwrap();
        assert!(q.log().is_empty());
    }

    #[test]
    fn finalize_empty_page() {
        let mut p = Page::new(" \n\t\n");
        p.finalize().unwrap();
        assert_eq!(p.render(), "");
        let mut p = Page::new("x");
        p.finalize().unwrap();
        assert_eq!(p.render(), "x\n");
    }
}
