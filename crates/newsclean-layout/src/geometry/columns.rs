//! Split side-by-side columns (`pdftotext -layout` text) into one column stream after another.
//!
//! # What it does
//! `pdftotext -layout` prints a broadsheet as it stands: on each line, the lines of several
//! columns side by side, separated by runs of spaces (the gutters). This pass finds regions
//! of consecutive lines that share gutters and rewrites each region as column 1's lines,
//! a blank line, column 2's lines, and so on, each piece trimmed. Lines that span the
//! gutters (a header band, a headline across columns) end a region and stay where they are.
//! Each region is one edit under `layout.columns` whose note gives the gutter positions.
//!
//! # Why
//! Every later pass reads a page line after line; side-by-side columns interleave the
//! sentences of four articles. Read column after column, the wrapped lines of one article
//! follow each other and the paragraph pass can join them.
//!
//! # How
//! Positions are display columns (CJK and full-width characters count 2). A line's *gap
//! evidence* is a run of two or more spaces between text, or a single space between two
//! wide characters (pdftotext leaves only one where a CJK column runs to its edge; CJK
//! text has no spaces of its own).
//! 1. Gutters: in a window of 20 lines, a gutter's centre is a display column that
//!    is blank, or within [`SNAP`] columns of a run of spaces, on at least 70% of the lines;
//!    at least [`MIN_LINES`] lines have text on both sides of it, and at least 3 (and 30%) of
//!    those show gap evidence there. Its *edge* is where the next column's text begins
//!    unpushed (a low percentile of where text begins after a gap): pdftotext pushes a
//!    column right by the overflow of the text left of it, never left.
//! 2. Cuts: a line is cut at the first gap after which text begins at the edge or right of
//!    it (and no further than `2 × SNAP` past the centre), or at its indentation or its end;
//!    else at a wide run of spaces a little left of the edge, or the gap evidence nearest
//!    the edge; else, when the characters at the centre are CJK on both sides and the line
//!    has a real gap at another gutter, between those characters (the note counts these
//!    lines). A line with no cut at a gutter, or with a wide run of spaces left inside a
//!    piece (a header band), spans the gutters: it ends the region and stays as it is. So
//!    does a header or footer band line among the page's top or bottom lines (furniture
//!    items spaced apart across the page, `furniture::is_band_line`) even where its gaps
//!    fall on the gutters: a region stops at it, and the furniture pass reads it whole.
//! 3. A region grows from the window up and down while its lines fit; it is kept when, for
//!    each gutter, 70% of its lines are cut at a gap and the evidence above holds over the
//!    whole region, and each column's median piece is at least 12 display
//!    columns wide (table cells are narrower) and, in Latin text, holds three words or more
//!    (a list of names holds two).
//! 4. Latin pages (not CJK): where pdftotext leaves one space or none at a column boundary
//!    on many lines, the page's columns are found by their left edges instead
//!    ([`edges`], `layout.columns.edges`: text that begins at one display column after a gap
//!    on many lines; cuts at a space near each edge, or inside a glued word whose halves are
//!    words). Its regions replace the gutters' when its edges account for every gutter found
//!    above (the gutters then read only the lines with wide gaps) or none was found.
//! 5. The search repeats on the rewritten text until it finds no region (idempotence), and
//!    stops at a work budget on pathological pages.
//!
//! # Example
//! ```text
//! 本报讯今年以来，我省持续    全省共建成示范村一百多
//! 推进乡村振兴，成效明显。    个，带动农民增收致富。
//! ```
//! becomes `本报讯今年以来，我省持续` / `推进乡村振兴，成效明显。` / (blank) /
//! `全省共建成示范村一百多` / `个，带动农民增收致富。` (with at least four lines).
//!
//! # When it must not fire
//! Ordinary text: a page with fewer than [`MIN_LINES`] lines holding a run of two spaces
//! after text is left at once (most pages). Indented paragraphs, a centred poem, a table
//! line or two, English text (single spaces between words are no gap evidence), a single
//! run of spaces somewhere: none shows a gutter at one position on several lines with text
//! on both sides. Clean output has no gutters left, so a second run changes nothing.

use std::ops::Range;

use newsclean_core::chars::{is_cjk, is_cjk_punct};
use newsclean_core::{Block, BlockKind, Context, Page, Pass, PassError, TextEdit};
use unicode_width::UnicodeWidthChar;

#[path = "edges.rs"]
mod edges;
pub use edges::RULE as EDGES_RULE;

/// The rule id of the edits.
pub const RULE: &str = "layout.columns";
/// The fewest lines of a region, and the fewest lines with text on both sides of a gutter.
pub const MIN_LINES: usize = 4;
/// How far (display columns) a line's cut may lie from the region's gutter position.
pub const SNAP: usize = 8;
/// Share of a region's lines on which a gutter must be blank or near gap evidence.
const SUPPORT: f64 = 0.7;
/// Share of the lines with text on both sides of a gutter that must show two spaces or more.
const STRONG: f64 = 0.3;
/// Lines looked at to find a region's gutters before it is grown.
const WINDOW: usize = 20;
/// A run of spaces this wide inside a piece that is no cut marks a line spanning gutters.
const WIDE_RUN: usize = 4;
/// How far left of a gutter's edge the next column's text may begin.
const EDGE_SLACK: usize = 3;
/// Rounds of the search on one page (each reads out the regions it finds).
const MAX_ROUNDS: usize = 8;
/// Lines × display columns the gutter search may look at on one page; past it the pass
/// keeps the regions found so far and stops (a page of many very wide lines with spaces
/// everywhere is no newspaper page to read as columns).
const MAX_WORK: usize = 8_000_000;
/// The narrowest median piece of a column (display columns): table cells are narrower.
const MIN_PIECE: usize = 12;
/// The fewest words of a Latin column's median piece (a list of names has two).
const MIN_LATIN_WORDS: usize = 3;
/// The narrowest column (display columns) between two gutters.
const MIN_COLUMN: usize = 16;

/// The column-splitting pass.
#[derive(Debug, Default)]
pub struct Columns;

impl Pass for Columns {
    fn id(&self) -> &str {
        RULE
    }

    fn run(&self, page: &mut Page, _ctx: &Context) -> Result<(), PassError> {
        if !shows_geometry(page.text()) {
            return Ok(());
        }
        read_columns(page)
    }
}

/// Read every column region of the page apart (the pass, once [`shows_geometry`] has let
/// the page through).
fn read_columns(page: &mut Page) -> Result<(), PassError> {
    // Regions are found greedily from the top; once a region is read out, the lines around
    // it may show a region of their own. Repeat until the text shows none, so that a second
    // run finds nothing (idempotence).
    let mut changed = false;
    for _ in 0..MAX_ROUNDS {
        let edits = column_edits(page.text());
        if edits.is_empty() {
            break;
        }
        page.apply(edits).map_err(|source| PassError::Edit { pass: RULE.into(), source })?;
        changed = true;
    }
    if changed {
        resegment(page);
    }
    Ok(())
}

/// The edits that rewrite every column region of `text` as column streams (empty when the
/// text shows no columns).
pub fn column_edits(text: &str) -> Vec<TextEdit> {
    if !worth_a_look(text) {
        return Vec::new();
    }
    let lines: Vec<Line> = line_ranges(text).map(|r| Line::new(text, r)).collect();
    let bands = band_lines(text, &lines);
    let mut edits = Vec::new();
    let mut gutters: Vec<Gutter> = Vec::new();
    let mut i = 0;
    let mut floor = 0; // first line not yet in a region
    let mut work = 0;
    while i + MIN_LINES <= lines.len() && work <= MAX_WORK {
        let Some(region) = region_at(&lines, &bands, i, floor, &mut work) else {
            i += 1;
            continue;
        };
        edits.push(region.edit(text, &lines));
        gutters.extend(&region.gutters);
        floor = region.lines.end;
        i = region.lines.end;
    }
    // Latin columns by their left edges, where the page's edges account for every gutter
    // found above (which then read only the lines with wide gaps) or no gutter was found.
    if work <= MAX_WORK {
        let latin = edges::page_edges(text, &lines);
        if !latin.is_empty() && gutters.iter().all(|g| latin.iter().any(|&e| e.abs_diff(g.edge) <= SNAP)) {
            let latin_edits = edges::edits(text, &lines, &bands, &latin);
            if !latin_edits.is_empty() {
                return latin_edits;
            }
        }
    }
    edits
}

/// True when `text` still shows where its lines stood on the page: a blank line between two
/// lines of text, or a line that begins with a space or a tab (a column printed right of an
/// empty one, an indent). Clean text has neither: finalize trims every line and keeps no
/// blank line. A line of clean text that still holds runs of spaces (a region of columns the
/// first clean could not read apart, its lines' leading white space since trimmed) no longer
/// tells where its pieces stood, and read as columns again it changed the clean text (found
/// on a realpages page: four columns found on the clean page's lines, none on the raw page's).
fn shows_geometry(text: &str) -> bool {
    let mut lines = text.trim_matches('\n').split('\n');
    lines.any(|l| l.trim().is_empty() || l.starts_with([' ', '\t']))
}

/// The cheap gate: at least [`MIN_LINES`] lines hold a run of two spaces between text.
/// It jumps from one double space to the next, so a page with none costs one search.
fn worth_a_look(text: &str) -> bool {
    let b = text.as_bytes();
    let mut lines = 0;
    let mut from = 0;
    while let Some(p) = text[from..].find("  ").map(|p| p + from) {
        let mut e = p;
        while e < b.len() && b[e] == b' ' {
            e += 1;
        }
        let after_text = p > 0 && !matches!(b[p - 1], b'\n' | b'\r' | b'\t');
        let before_text = e < b.len() && !matches!(b[e], b'\n' | b'\r' | b'\t');
        if after_text && before_text {
            lines += 1;
            if lines >= MIN_LINES {
                return true;
            }
            // One count a line: go on from the next line.
            match text[e..].find('\n') {
                Some(n) => from = e + n + 1,
                None => return false,
            }
        } else {
            from = e;
        }
    }
    false
}

fn line_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut at = 0;
    text.split_inclusive('\n').map(move |l| {
        let start = at;
        at += l.len();
        let body = l.strip_suffix('\n').unwrap_or(l);
        let body = body.strip_suffix('\r').unwrap_or(body);
        start..start + body.len()
    })
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{00A0}')
}

fn is_wide_text(c: char) -> bool {
    !is_space(c) && c.width().unwrap_or(0) >= 2
}

fn is_cjk_char(c: char) -> bool {
    is_cjk(c) || is_cjk_punct(c)
}

#[derive(Debug, Clone, Copy)]
struct Cell {
    col: usize,
    byte: usize,
    ch: char,
}

/// A run of spaces between text: cells `cells` (indices), display columns `cols`.
#[derive(Debug, Clone)]
struct Run {
    cells: Range<usize>,
    cols: Range<usize>,
    /// Two spaces or more.
    strong: bool,
    /// Strong evidence of a gutter: two spaces or more, or one between two wide characters
    /// (CJK text has no spaces of its own).
    evidence: bool,
}

/// A gutter of a region: `center`, the display column blank on most lines, and `edge`,
/// where the column right of it begins when nothing pushes it (pdftotext moves a column
/// right by the overflow of the text left of it, never left).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Gutter {
    /// The display column blank (or near a gap) on most of the region's lines.
    center: usize,
    /// The display column where the next column's text begins, unpushed.
    edge: usize,
}

#[derive(Debug)]
struct Line {
    /// Byte range of the line in the text (without its newline).
    range: Range<usize>,
    cells: Vec<Cell>,
    /// Cell indices of the first and past the last character that is not a space.
    text_cells: Range<usize>,
    /// Display columns of the same.
    text_cols: Range<usize>,
    /// Interior runs of spaces that are gap evidence.
    runs: Vec<Run>,
    /// The line holds only spaces.
    blank: bool,
}

/// Where a line is cut at one gutter: the cells removed between the two pieces.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Cut {
    /// At a run of spaces (or the leading or trailing blank) `cells`; `strong`: two spaces
    /// or more with text on both sides.
    Gap { cells: Range<usize>, strong: bool, both: bool },
    /// Between two characters with no space: before cell `at` (two CJK characters at a
    /// gutter; a Latin word glued across a column edge, [`edges`]).
    Inside { at: usize },
}

impl Cut {
    fn cells(&self) -> Range<usize> {
        match self {
            Cut::Gap { cells, .. } => cells.clone(),
            Cut::Inside { at } => *at..*at,
        }
    }
}

impl Line {
    fn new(text: &str, range: Range<usize>) -> Line {
        let s = &text[range.clone()];
        let mut cells = Vec::with_capacity(s.len());
        let mut col = 0;
        for (b, ch) in s.char_indices() {
            cells.push(Cell { col, byte: range.start + b, ch });
            col += if ch == '\t' { 1 } else { ch.width().unwrap_or(0) };
        }
        let end_col = col;
        let first = cells.iter().position(|c| !is_space(c.ch));
        let Some(first) = first else {
            return Line { range, cells, text_cells: 0..0, text_cols: 0..0, runs: Vec::new(), blank: true };
        };
        let last = cells.iter().rposition(|c| !is_space(c.ch)).unwrap_or(first) + 1;
        let col_of = |i: usize| cells.get(i).map_or(end_col, |c| c.col);
        let mut runs = Vec::new();
        let mut i = first;
        while i < last {
            if is_space(cells[i].ch) {
                let mut j = i;
                while is_space(cells[j].ch) {
                    j += 1;
                }
                let strong = j - i >= 2;
                let (left, right) = (is_wide_text(cells[i - 1].ch), is_wide_text(cells[j].ch));
                if strong || left || right {
                    let evidence = strong || (left && right);
                    runs.push(Run { cells: i..j, cols: col_of(i)..col_of(j), strong, evidence });
                }
                i = j;
            } else {
                i += 1;
            }
        }
        let text_cols = col_of(first)..col_of(last);
        Line { range, cells, text_cells: first..last, text_cols, runs, blank: false }
    }

    /// Is display column `x` blank or within [`SNAP`] of gap evidence on this line?
    fn supports(&self, x: usize) -> bool {
        x < self.text_cols.start + SNAP
            || x + SNAP >= self.text_cols.end
            || self.runs.iter().any(|r| x + SNAP >= r.cols.start && x < r.cols.end + SNAP)
    }

    /// Is display column `x` blank on this line (no snapping)?
    fn blank_at(&self, x: usize) -> bool {
        x < self.text_cols.start || x >= self.text_cols.end || self.runs.iter().any(|r| r.cols.contains(&x))
    }

    /// Text on both sides of `x`, with gap evidence within [`SNAP`] of it?
    fn both_sides(&self, x: usize) -> (bool, bool) {
        let both = self.text_cols.start < x && self.text_cols.end > x + 1;
        let strong =
            both && self.runs.iter().any(|r| r.evidence && x + SNAP >= r.cols.start && x < r.cols.end + SNAP);
        (both, strong)
    }

    /// Where to cut this line at gutter `g`: at the first gap (or the blank before or
    /// after the text) after which text begins at the gutter's edge or right of it, and
    /// which begins no further than `2 × SNAP` right of its centre; else at a wide run of
    /// spaces up to `2 × SNAP` left of the edge; else at the gap evidence nearest to the
    /// edge within [`SNAP`]; else between two CJK characters at the centre; `None` when the line's text runs through the gutter.
    fn cut(&self, g: &Gutter) -> Option<Cut> {
        let low = g.edge.saturating_sub(EDGE_SLACK);
        let high = g.center + 2 * SNAP;
        let leading = (self.text_cols.start >= low && self.text_cols.start > 0).then_some(Cut::Gap {
            cells: 0..self.text_cells.start,
            strong: false,
            both: false,
        });
        let run = || {
            self.runs.iter().find(|r| r.cols.end >= low && r.cols.start <= high).map(|r| Cut::Gap {
                cells: r.cells.clone(),
                strong: r.evidence,
                both: true,
            })
        };
        let trailing = || {
            (self.text_cols.end <= high).then_some(Cut::Gap {
                cells: self.text_cells.end..self.cells.len(),
                strong: false,
                both: false,
            })
        };
        // A wide run of spaces a little left of the edge: the column began earlier here.
        let early = || {
            self.runs
                .iter()
                .rfind(|r| {
                    r.strong && r.cols.len() >= WIDE_RUN && r.cols.end < low && r.cols.end + 2 * SNAP >= low
                })
                .map(|r| Cut::Gap { cells: r.cells.clone(), strong: true, both: true })
        };
        // Any gap evidence whose text begins near the edge (a line where the next column
        // begins a little earlier than the edge).
        let near = || {
            self.runs
                .iter()
                .filter(|r| r.evidence && r.cols.end.abs_diff(g.edge) <= SNAP)
                .min_by_key(|r| r.cols.end.abs_diff(g.edge))
                .map(|r| Cut::Gap { cells: r.cells.clone(), strong: true, both: true })
        };
        if let Some(cut) = leading.or_else(run).or_else(trailing).or_else(early).or_else(near) {
            return Some(cut);
        }
        // No space near: cut between two CJK characters at the gutter's centre.
        let at = self.cells.iter().position(|c| c.col >= g.center)?;
        let prev = at.checked_sub(1)?;
        (is_cjk_char(self.cells[prev].ch) && is_cjk_char(self.cells[at].ch)).then_some(Cut::Inside { at })
    }

    /// The cuts of this line at `gutters`, when the line fits the column structure: every
    /// gutter has a cut, in order; a cut between CJK characters needs a real gap at another
    /// gutter of the line; no wide run of spaces is left inside a piece (a header band).
    fn cuts(&self, gutters: &[Gutter]) -> Option<Vec<Cut>> {
        let mut cuts = Vec::with_capacity(gutters.len());
        for g in gutters {
            let cut = self.cut(g)?;
            if let Some(prev) = cuts.last().map(Cut::cells)
                && cut.cells().start < prev.start
            {
                return None;
            }
            cuts.push(cut);
        }
        let has_cjk = cuts.iter().any(|c| matches!(c, Cut::Inside { .. }));
        let has_gap = cuts.iter().any(|c| matches!(c, Cut::Gap { both: true, .. }));
        if has_cjk && !has_gap {
            return None;
        }
        let used: Vec<Range<usize>> = cuts.iter().map(Cut::cells).collect();
        let wide_unused = self
            .runs
            .iter()
            .any(|r| r.strong && r.cols.len() >= WIDE_RUN && !used.iter().any(|u| u.start == r.cells.start));
        if wide_unused {
            return None;
        }
        Some(cuts)
    }

    /// The trimmed pieces of this line between `cuts`, as byte ranges (empty when none).
    fn pieces(&self, cuts: &[Cut]) -> Vec<Range<usize>> {
        let mut out = Vec::with_capacity(cuts.len() + 1);
        let mut from = 0;
        let end = self.cells.len();
        for (start, stop) in cuts.iter().map(|c| (c.cells().start, c.cells().end)).chain(Some((end, end))) {
            let to = start.max(from);
            out.push(self.trimmed(from..to));
            from = stop.max(from);
        }
        out
    }

    /// Display width of a byte range of the line.
    fn width_of(&self, bytes: Range<usize>) -> usize {
        let a = self.cells.partition_point(|c| c.byte < bytes.start);
        let b = self.cells.partition_point(|c| c.byte < bytes.end);
        self.cells.get(b).map_or_else(|| self.end_col(), |c| c.col) - self.cells[a].col
    }

    fn end_col(&self) -> usize {
        self.cells.last().map_or(0, |c| c.col + c.ch.width().unwrap_or(0))
    }

    fn trimmed(&self, cells: Range<usize>) -> Range<usize> {
        let slice = &self.cells[cells];
        let Some(a) = slice.iter().position(|c| !is_space(c.ch)) else {
            return 0..0;
        };
        let b = slice.iter().rposition(|c| !is_space(c.ch)).unwrap_or(a);
        let start = slice[a].byte;
        let end = slice[b].byte + slice[b].ch.len_utf8();
        start..end
    }
}

/// The gutters that a window of lines shows (display columns, left to right).
fn find_gutters(lines: &[Line], work: &mut usize) -> Vec<Gutter> {
    let text: Vec<&Line> = lines.iter().filter(|l| !l.blank).collect();
    let n = text.len();
    if n < MIN_LINES {
        return Vec::new();
    }
    let width = text.iter().map(|l| l.text_cols.end).max().unwrap_or(0);
    *work += width * n;
    let need = (SUPPORT * n as f64).ceil() as usize;
    let mut gutters = Vec::new();
    let mut x = 1;
    while x < width {
        if text.iter().filter(|l| l.supports(x)).count() < need {
            x += 1;
            continue;
        }
        // A stretch of supported columns: take its best position.
        let start = x;
        while x < width && text.iter().filter(|l| l.supports(x)).count() >= need {
            x += 1;
        }
        *work += (x - start) * n;
        let best = (start..x)
            .map(|g| {
                let blank = text.iter().filter(|l| l.blank_at(g)).count();
                let sides: Vec<(bool, bool)> = text.iter().map(|l| l.both_sides(g)).collect();
                let both = sides.iter().filter(|s| s.0).count();
                let strong = sides.iter().filter(|s| s.1).count();
                (g, blank, both, strong)
            })
            .filter(|&(_, _, both, strong)| {
                both >= MIN_LINES && strong >= 3 && strong as f64 >= STRONG * both as f64
            })
            .max_by_key(|&(g, blank, both, _)| (blank, both, std::cmp::Reverse(g)));
        if let Some((g, ..)) = best
            && gutters.last().is_none_or(|last: &Gutter| g >= last.center + MIN_COLUMN)
        {
            let edge = column_edge(&text, start, x).unwrap_or(g).min(g);
            gutters.push(Gutter { center: g, edge });
        }
    }
    gutters
}

/// Where the column right of a gutter whose supported stretch is `stretch_start..stretch_end`
/// begins unpushed: a low percentile of where text begins after a gap (or the line's
/// indentation) near the stretch.
fn column_edge(lines: &[&Line], stretch_start: usize, stretch_end: usize) -> Option<usize> {
    let low = stretch_start.saturating_sub(SNAP);
    let high = stretch_end + 2 * SNAP;
    let mut starts: Vec<usize> = Vec::new();
    for l in lines {
        let lead = (l.text_cols.start > 0).then_some(l.text_cols.start);
        let ends = l.runs.iter().filter(|r| r.evidence).map(|r| r.cols.end).chain(lead);
        starts.extend(ends.filter(|e| (low..high).contains(e)));
    }
    if starts.len() < MIN_LINES {
        return None;
    }
    starts.sort_unstable();
    Some(starts[starts.len() / 10])
}

/// A region of lines read as columns.
#[derive(Debug)]
struct Region {
    lines: Range<usize>,
    gutters: Vec<Gutter>,
    /// The cuts of each line of the region (`None` for a blank line).
    cuts: Vec<Option<Vec<Cut>>>,
}

/// Where a line stands that is a header or footer band printed on one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Band {
    /// No band line.
    No,
    /// A band line among the page's top lines: nothing above it belongs to a region below.
    Top,
    /// A band line among the page's bottom lines: nothing below it belongs to a region above.
    Bottom,
}

/// Which lines are a header or footer band printed on one line (the page label, the date and
/// the paper's name spaced apart across the page: furniture by
/// [`crate::classify::furniture::is_band_line`]) among the page's top and bottom
/// [`crate::analysis::survey::band_size`] lines of text. Such a line spans the columns even
/// where its wide gaps fall on the gutters: a region stops at it and it stays whole, so the
/// furniture pass still reads it as one band.
fn band_lines(text: &str, lines: &[Line]) -> Vec<Band> {
    let mut bands = vec![Band::No; lines.len()];
    let texts: Vec<usize> = (0..lines.len()).filter(|&k| !lines[k].blank).collect();
    let size = crate::analysis::survey::band_size(texts.len()).min(texts.len() / 2);
    let edge = texts[..size]
        .iter()
        .map(|&k| (k, Band::Top))
        .chain(texts[texts.len() - size..].iter().map(|&k| (k, Band::Bottom)));
    // A band line has a run of three spaces or more between its items.
    let spaced = |k: usize| lines[k].runs.iter().any(|r| r.cells.len() >= 3);
    let mut cjk_page = None;
    for (k, band) in edge {
        if !spaced(k) {
            continue;
        }
        let cjk =
            *cjk_page.get_or_insert_with(|| newsclean_core::script::ScriptCounts::of(text).cjk_majority());
        if crate::classify::furniture::is_band_line(text[lines[k].range.clone()].trim(), cjk) {
            bands[k] = band;
        }
    }
    bands
}

/// The region that starts at (or grows back from) line `i`, not reaching above `floor`; it
/// stops at a band line (`bands`), which stays whole: a top band line and what stands above
/// it, a bottom band line and what stands below it are left out.
fn region_at(lines: &[Line], bands: &[Band], i: usize, floor: usize, work: &mut usize) -> Option<Region> {
    let first = &lines[i];
    if first.blank || !first.runs.iter().any(|r| r.strong) {
        return None;
    }
    let end = (i + WINDOW).min(lines.len());
    let gutters = find_gutters(&lines[i..end], work);
    if gutters.is_empty() {
        return None;
    }
    let fits = |l: &Line| l.blank || l.cuts(&gutters).is_some();
    if !fits(first) {
        return None;
    }
    let mut b = i;
    while b < lines.len() && fits(&lines[b]) {
        b += 1;
    }
    let mut a = i;
    while a > floor && fits(&lines[a - 1]) {
        a -= 1;
    }
    if let Some(k) = (a..b).rev().find(|&k| bands[k] == Band::Top) {
        a = k + 1;
    }
    if let Some(k) = (a..b).find(|&k| bands[k] == Band::Bottom) {
        b = k;
    }
    while a < b && lines[a].blank {
        a += 1;
    }
    while b > a && lines[b - 1].blank {
        b -= 1;
    }
    let cuts: Vec<Option<Vec<Cut>>> =
        lines[a..b].iter().map(|l| if l.blank { None } else { l.cuts(&gutters) }).collect();
    // The evidence over the whole region, gutter by gutter.
    let n = cuts.iter().flatten().count();
    if n < MIN_LINES {
        return None;
    }
    for k in 0..gutters.len() {
        let at: Vec<&Cut> = cuts.iter().flatten().map(|c| &c[k]).collect();
        let gaps = at.iter().filter(|c| matches!(c, Cut::Gap { .. })).count();
        let both =
            at.iter().filter(|c| matches!(c, Cut::Gap { both: true, .. } | Cut::Inside { .. })).count();
        let strong = at.iter().filter(|c| matches!(c, Cut::Gap { strong: true, both: true, .. })).count();
        if (gaps as f64) < SUPPORT * n as f64
            || both < MIN_LINES
            || strong < 3
            || (strong as f64) < STRONG * both as f64
        {
            return None;
        }
    }
    // Columns of prose, not the cells of a table: each column's pieces are wide.
    // A Latin column's pieces hold several words (a list of names two).
    let mut widths: Vec<Vec<usize>> = vec![Vec::new(); gutters.len() + 1];
    let mut words: Vec<Vec<usize>> = vec![Vec::new(); gutters.len() + 1];
    for (line, cuts) in lines[a..b].iter().zip(&cuts) {
        let Some(cuts) = cuts else { continue };
        for (k, piece) in line.pieces(cuts).into_iter().enumerate() {
            if !piece.is_empty() {
                widths[k].push(line.width_of(piece.clone()));
                let chars: Vec<char> =
                    line.cells.iter().filter(|c| piece.contains(&c.byte)).map(|c| c.ch).collect();
                if !chars.iter().any(|&c| is_wide_text(c)) {
                    let starts = chars
                        .iter()
                        .enumerate()
                        .filter(|&(i, &c)| !is_space(c) && (i == 0 || is_space(chars[i - 1])))
                        .count();
                    words[k].push(starts);
                }
            }
        }
    }
    for (w, n) in widths.iter_mut().zip(&mut words) {
        w.sort_unstable();
        if w.len() < MIN_LINES || w[w.len() / 2] < MIN_PIECE {
            return None;
        }
        n.sort_unstable();
        if n.len() * 2 > w.len() && n[n.len() / 2] < MIN_LATIN_WORDS {
            return None;
        }
    }
    Some(Region { lines: a..b, gutters, cuts })
}

impl Region {
    /// The edit that replaces the region's lines by its column streams.
    fn edit(&self, text: &str, lines: &[Line]) -> TextEdit {
        let ncols = self.gutters.len() + 1;
        let mut cjk_cuts = 0;
        let rows = lines[self.lines.clone()].iter().zip(&self.cuts).filter_map(|(line, cuts)| {
            let cuts = cuts.as_ref()?;
            cjk_cuts += usize::from(cuts.iter().any(|c| matches!(c, Cut::Inside { .. })));
            Some(line.pieces(cuts))
        });
        let (range, replacement) = read_out(text, lines, self.lines.clone(), ncols, rows);
        let gutters: Vec<String> =
            self.gutters.iter().map(|g| format!("{} (next column from {})", g.center, g.edge)).collect();
        let mut note = format!(
            "{} columns side by side on lines {}-{}: gutters at display columns {}",
            ncols,
            self.lines.start + 1,
            self.lines.end,
            gutters.join(", ")
        );
        if cjk_cuts > 0 {
            note.push_str(&format!(
                "; {cjk_cuts} line(s) cut between CJK characters with no space at a gutter"
            ));
        }
        TextEdit::replace(range, replacement, RULE).with_note(note)
    }
}

/// A region's lines `region` read out column after column: the byte range of the page the
/// region spans and its replacement. `rows` holds each line's pieces, one a column, in order;
/// an empty piece (the column has nothing on that line) keeps one blank line inside its
/// column where the column goes on after it, and an empty row (a blank line across the
/// region) does so in every column.
fn read_out(
    text: &str,
    lines: &[Line],
    region: Range<usize>,
    ncols: usize,
    rows: impl Iterator<Item = Vec<Range<usize>>>,
) -> (Range<usize>, String) {
    let mut streams: Vec<Vec<&str>> = vec![Vec::new(); ncols];
    let mut gap_pending = vec![false; ncols];
    for pieces in rows {
        if pieces.is_empty() {
            for (k, g) in gap_pending.iter_mut().enumerate() {
                *g = !streams[k].is_empty();
            }
            continue;
        }
        for (k, piece) in pieces.into_iter().enumerate() {
            if piece.is_empty() {
                gap_pending[k] = !streams[k].is_empty();
                continue;
            }
            if gap_pending[k] {
                streams[k].push("");
                gap_pending[k] = false;
            }
            streams[k].push(&text[piece]);
        }
    }
    let body =
        streams.iter().filter(|s| !s.is_empty()).map(|s| s.join("\n")).collect::<Vec<_>>().join("\n\n");
    let start = lines[region.start].range.start;
    let end = lines[region.end - 1].range.end;
    let before = region.start > 0 && !lines[region.start - 1].blank;
    let after = region.end < lines.len() && !lines[region.end].blank;
    let replacement = format!("{}{}{}", if before { "\n" } else { "" }, body, if after { "\n" } else { "" });
    (start..end, replacement)
}

/// Re-segment the page after column streams were written, separated by blank lines (when
/// no pass decided blocks yet).
pub(crate) fn resegment(page: &mut Page) {
    if page.blocks().iter().all(|b| b.kind == BlockKind::Unknown) {
        let blocks = segment(page.text());
        page.set_blocks(blocks);
    }
}

/// Blocks over `text`: runs of lines that are not blank.
pub(crate) fn segment(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut open: Option<Range<usize>> = None;
    for r in line_ranges(text) {
        if text[r.clone()].trim().is_empty() {
            if let Some(b) = open.take() {
                blocks.push(Block::new(b));
            }
        } else {
            open = Some(open.map_or(r.clone(), |b| b.start..r.end));
        }
    }
    blocks.extend(open.map(Block::new));
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    /// Lay `columns` out side by side: column k padded to `width` display columns, then
    /// `gutter` spaces.
    fn side_by_side(columns: &[&[&str]], width: usize, gutter: usize) -> String {
        let rows = columns.iter().map(|c| c.len()).max().unwrap_or(0);
        let mut out = String::new();
        for r in 0..rows {
            let mut line = String::new();
            for (k, col) in columns.iter().enumerate() {
                let piece = col.get(r).copied().unwrap_or("");
                line.push_str(piece);
                if k + 1 < columns.len() {
                    line.push_str(&" ".repeat(width.saturating_sub(piece.width()) + gutter));
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }

    /// The geometry of the pass on `text`, past its gate ([`shows_geometry`]): the snippets
    /// below are regions alone, without the blank lines and indented lines around them that
    /// every raw page shows.
    pub(super) fn run(text: &str) -> Page {
        let mut page = Page::new(text);
        read_columns(&mut page).unwrap();
        page
    }

    pub(super) fn assert_unchanged(text: &str) {
        let page = run(text);
        assert!(page.log().is_empty(), "fired on:\n{text}\n=>\n{}", page.text());
        assert_eq!(page.text(), text);
    }

    const COL1: [&str; 5] = [
        "本报讯今年以来，我省持续推进",
        "乡村振兴，全省共建成示范村一",
        "百多个，带动农民增收，成效明",
        "显。各地因地制宜，发展特色产",
        "业，群众得到实惠。",
    ];
    const COL2: [&str; 5] = [
        "近日，市委召开常委会会议，研",
        "究部署下一阶段重点工作。会议",
        "强调，要坚持稳中求进工作总基",
        "调，扎实推进高质量发展，确保",
        "各项任务落到实处。",
    ];
    const COL3: [&str; 5] = [
        "记者从市交通局获悉，城南路延",
        "伸段工程已进入收尾阶段，预计",
        "下月底建成通车，届时将大大缓",
        "解主城区交通压力，方便市民出",
        "行。",
    ];
    const COL4: [&str; 5] = [
        "市图书馆新馆昨日开馆，馆内藏",
        "书五十万册，设有少儿阅览区、",
        "数字阅读区和自习区，每天开放",
        "十二小时，吸引了众多读者前来",
        "借阅。",
    ];

    pub(super) fn streams(cols: &[&[&str]]) -> String {
        cols.iter().map(|c| c.join("\n")).collect::<Vec<_>>().join("\n\n") + "\n"
    }

    #[test]
    fn three_cjk_columns_become_streams() {
        let raw = side_by_side(&[&COL1, &COL2, &COL3], 28, 4);
        let page = run(&raw);
        assert_eq!(page.text(), streams(&[&COL1, &COL2, &COL3]));
        let edits = page.log().edits();
        assert_eq!(edits.len(), 1);
        assert_eq!(edits[0].rule, RULE);
        assert!(edits[0].note.as_deref().unwrap().contains("gutters at display columns"));
        assert_eq!(page.log().undo(page.text()), raw);
        // The streams are blocks of their own.
        assert_eq!(page.blocks().len(), 3);
    }

    #[test]
    fn four_cjk_columns_with_one_space_gutters() {
        // pdftotext leaves one space where a CJK column runs to its edge: two of the three
        // gutters have a single space on most lines.
        let mut raw = String::new();
        for r in 0..5 {
            let pad = |s: &str, min: usize| {
                let w = s.width();
                format!("{s}{}", " ".repeat(if w >= 28 { min } else { 28 - w + min }))
            };
            raw.push_str(&pad(COL1[r], 1));
            raw.push_str(&pad(COL2[r], 4));
            raw.push_str(&pad(COL3[r], 1));
            raw.push_str(COL4[r]);
            raw = raw.trim_end().to_string();
            raw.push('\n');
        }
        let page = run(&raw);
        assert_eq!(page.text(), streams(&[&COL1, &COL2, &COL3, &COL4]), "{raw}");
        assert_eq!(page.log().undo(page.text()), raw);
    }

    #[test]
    fn a_pushed_column_and_a_cjk_cut_without_space() {
        // Line 3: column 1 runs into column 2 with no space at all (cut between two CJK
        // characters at the gutter, as the line has a real gap at the other gutter);
        // line 2: column 2 pushed right by two display columns.
        let raw = "\
本报讯今年以来，我省持续推进    近日，市委召开常委会会议，研    记者从市交通局获悉，城南路延
乡村振兴，全省共建成示范村一      究部署下一阶段重点工作。会议  伸段工程已进入收尾阶段，预计
百多个，带动农民增收，成效明强调，要坚持稳中求进工作总基    下月底建成通车，届时将大大缓
显。各地因地制宜，发展特色产    调，扎实推进高质量发展，确保    解主城区交通压力，方便市民出
业，群众得到实惠。              各项任务落到实处。              行。
";
        let page = run(raw);
        assert_eq!(page.text(), streams(&[&COL1, &COL2, &COL3]));
        let note = page.log().edits()[0].note.clone().unwrap();
        assert!(note.contains("1 line(s) cut between CJK characters"), "{note}");
    }

    #[test]
    fn no_cut_between_cjk_characters_without_a_gap_on_the_line() {
        // Two columns: the line that runs through the only gutter could as well be a
        // title across both columns, so the region ends there and the line stays whole.
        let raw = "\
本报讯今年以来，我省持续推进    近日，市委召开常委会会议，研
乡村振兴，全省共建成示范村一    究部署下一阶段重点工作。会议
百多个，带动农民增收，成效明    强调，要坚持稳中求进工作总基
显。各地因地制宜，发展特色产    调，扎实推进高质量发展，确保
业，群众得到实惠。全省共建成示范村一百多个，带动农民增收成效
";
        let page = run(raw);
        let want = "本报讯今年以来，我省持续推进\n乡村振兴，全省共建成示范村一\n百多个，带动农民增收，成效明\n显。各地因地制宜，发展特色产\n\n近日，市委召开常委会会议，研\n究部署下一阶段重点工作。会议\n强调，要坚持稳中求进工作总基\n调，扎实推进高质量发展，确保\n\n业，群众得到实惠。全省共建成示范村一百多个，带动农民增收成效\n";
        assert_eq!(page.text(), want);
    }

    #[test]
    fn four_latin_columns() {
        let a: [&str; 5] = [
            "The council met on",
            "Monday to discuss the",
            "new budget for the",
            "coming year, which",
            "rises by 4 percent.",
        ];
        let b: [&str; 5] = [
            "Rain is expected over",
            "the weekend, with",
            "strong winds along",
            "the coast and cooler",
            "nights inland.",
        ];
        let c: [&str; 5] = [
            "The library opens its",
            "new wing next week",
            "after two years of",
            "building work and a",
            "long public debate.",
        ];
        let d: [&str; 5] = [
            "Local schools report",
            "record enrolment in",
            "science courses this",
            "autumn, the board",
            "said on Friday.",
        ];
        let raw = side_by_side(&[&a, &b, &c, &d], 24, 3);
        let page = run(&raw);
        assert_eq!(page.text(), streams(&[&a, &b, &c, &d]));
    }

    #[test]
    fn a_header_band_line_stays_in_place() {
        let header = "责任编辑：程怡            溪岳新闻          2025年2月5日 星期三         区县新闻     3";
        let body = side_by_side(&[&COL1, &COL2, &COL3], 28, 4);
        let raw = format!("{header}\n{body}");
        let page = run(&raw);
        assert_eq!(page.text(), format!("{header}\n\n{}", streams(&[&COL1, &COL2, &COL3])));
    }

    #[test]
    fn a_band_line_whose_gaps_fall_on_the_gutters_stays_whole() {
        // The band's items stand where the columns begin: every gap of the line is a cut at
        // a gutter, yet it is one line of furniture across the page (top and bottom).
        let header = side_by_side(&[&["责任编辑：程怡"], &["2025年2月5日 星期三"], &["溪岳新闻  A3"]], 28, 4);
        let footer =
            side_by_side(&[&["新闻热线：0571-85858110"], &["网址：www.xiyue.cn"], &["溪岳新闻"]], 28, 4);
        let body = side_by_side(&[&COL1, &COL2, &COL3], 28, 4);
        let raw = format!("{header}{body}{footer}");
        let page = run(&raw);
        let want = format!("{header}\n{}\n{footer}", streams(&[&COL1, &COL2, &COL3]));
        assert_eq!(page.text(), want);
        assert_unchanged(page.text());
        // A Latin band the same.
        let header =
            side_by_side(&[&["SPORTS | 4"], &["Tuesday, March 3, 1925"], &["THE HARLAN HERALD"]], 28, 4);
        let raw = format!("{header}{body}");
        let page = run(&raw);
        assert_eq!(page.text(), format!("{header}\n{}", streams(&[&COL1, &COL2, &COL3])));
    }

    #[test]
    fn a_first_line_of_columns_that_is_no_band_is_cut() {
        // Column lines at the top whose pieces are not furniture are read as columns.
        let top: [&str; 1] = ["2025年2月5日 星期三"];
        let col1: Vec<&str> = top.iter().chain(&COL1).copied().collect();
        let col2: Vec<&str> = ["近日，市委召开会议，研究"].iter().chain(&COL2).copied().collect();
        let col3: Vec<&str> = ["记者从市交通局获悉，城南"].iter().chain(&COL3).copied().collect();
        let raw = side_by_side(&[&col1, &col2, &col3], 28, 4);
        let page = run(&raw);
        assert_eq!(page.text(), streams(&[&col1, &col2, &col3]));
    }

    #[test]
    fn a_line_spanning_the_columns_ends_the_region() {
        let top = side_by_side(&[&COL1, &COL2], 28, 4);
        let bottom = side_by_side(&[&COL3, &COL4], 28, 4);
        let title = "市图书馆新馆昨日正式开馆迎客，城南路延伸段工程进入收尾阶段";
        let raw = format!("{top}{title}\n{bottom}");
        let page = run(&raw);
        let want = format!("{}\n{title}\n\n{}", streams(&[&COL1, &COL2]), streams(&[&COL3, &COL4]));
        assert_eq!(page.text(), want);
        assert_eq!(page.log().undo(page.text()), raw);
    }

    #[test]
    fn idempotent() {
        let raw = side_by_side(&[&COL1, &COL2, &COL3, &COL4], 28, 3);
        let once = run(&raw);
        assert!(!once.log().is_empty());
        assert_unchanged(once.text());
    }

    /// The gate: lines of columns side by side on a page that shows no blank line and no
    /// indented line (clean text: the first clean trimmed every line, so where its pieces
    /// stood is lost) are left alone; the same lines on a raw page, a blank line under a
    /// masthead or a line set right of an empty column, are read apart.
    #[test]
    fn only_a_page_that_shows_geometry_is_read() {
        let region = side_by_side(&[&COL1, &COL2, &COL3], 28, 4);
        let mut page = Page::new(&region);
        Columns.run(&mut page, &Context::default()).unwrap();
        assert!(page.log().is_empty(), "{}", page.text());
        for raw in [format!("屿岳时报\n\n{region}"), format!("{region}{}行。\n", " ".repeat(64))] {
            let mut page = Page::new(&raw);
            Columns.run(&mut page, &Context::default()).unwrap();
            assert!(!page.log().is_empty(), "{raw}");
            assert!(page.text().contains(&COL2.join("\n")), "{}", page.text());
        }
    }

    #[test]
    fn must_not_fire_on_the_seeds() {
        for (name, text) in [
            ("000", include_str!("../../../../seeds/000_754509dbfb55a7fd.txt")),
            ("001", include_str!("../../../../seeds/001_4761a9b087fadb1d.txt")),
            ("002", include_str!("../../../../seeds/002_ed8b4f82a5f7e9b1.txt")),
            ("003", include_str!("../../../../seeds/003_921ff9284966c71a.txt")),
            ("004", include_str!("../../../../seeds/004_21d0c9da4e890f31.txt")),
        ] {
            assert!(column_edits(text).is_empty(), "seed {name}");
        }
    }

    #[test]
    fn must_not_fire_on_clean_or_flowing_text() {
        // Clean CJK output: one paragraph a line.
        assert_unchanged(&format!("{}\n{}\n{}\n", COL1.join(""), COL2.join(""), COL3.join("")));
        // PyMuPDF-like output: one column's lines in reading order, a stray space.
        assert_unchanged(&(COL1.join("\n") + "\n" + &COL2.join("\n") + "\n市委常委会 会议暨\n"));
        // English prose with two spaces after full stops, at different places on each line.
        assert_unchanged(
            "The council met on Monday.  It discussed the budget for the coming\n\
             year.  Members asked for more money for roads and for schools in the\n\
             north of the county, where the population grew fast.  The leader said\n\
             the plan would be published next month.  A vote follows in March, after\n\
             a public consultation.  Residents can send comments by post or online.\n",
        );
    }

    #[test]
    fn must_not_fire_on_tables_poems_and_indented_text() {
        // A table line or two.
        assert_unchanged("Name      Age    City\nWang      34     Hangzhou\nLi        29     Ningbo\n");
        // A table of short cells over several rows: cells, not columns of prose.
        assert_unchanged(
            "品名      单价      涨跌\n白菜      2.5       +0.1\n萝卜      1.8       -0.2\n土豆      3.0       +0.3\n番茄      4.2       0.0\n黄瓜      3.6       +0.5\n",
        );
        // A poem with centred lines.
        assert_unchanged("        春眠不觉晓\n      处处闻啼鸟\n        夜来风雨声\n      花落知多少\n");
        // Indented paragraphs.
        assert_unchanged(
            "    本报讯今年以来，我省持续推进乡村振兴。\n    全省共建成示范村一百多个。\n    带动农民增收，成效明显。\n    各地因地制宜，发展特色产业。\n",
        );
        // A single run of spaces somewhere.
        assert_unchanged(
            "本报讯今年以来，我省持续推进乡村振兴，\n全省共建成示范村        一百多个，\n带动农民增收，成效明显。\n",
        );
    }

    #[test]
    fn four_short_double_spaced_lines_do_not_make_columns() {
        // Two spaces at one position on a few lines, but with text on the right of only
        // two of them: no gutter.
        assert_unchanged(
            "第一条  总则\n第二条  适用范围\n本办法自发布之日起施行，由市政府负责解释。\n第三条  定义\n第四条  职责\n",
        );
    }

    #[test]
    fn a_pathological_page_stays_within_the_work_budget() {
        // Thousands of wide lines with spaces everywhere: the search stops at its budget
        // and leaves the page alone (cells one character wide are no columns anyway).
        let line = format!("x{}y", "  ".repeat(400));
        let text = vec![line; 3000].join("\n");
        assert!(column_edits(&text).is_empty());
    }

    proptest::proptest! {
        #[test]
        fn lossless_on_any_text(parts in proptest::collection::vec(
            proptest::sample::select(vec![" ", "  ", "     ", "中", "文字", "，", "a", "bc", "\n", "\u{3000}"]),
            0..400,
        )) {
            let text: String = parts.concat();
            let page = run(&text);
            proptest::prop_assert_eq!(page.log().undo(page.text()), text);
        }

        #[test]
        fn lossless_on_columns_with_noise(rows in proptest::collection::vec(
            (0usize..3, 0usize..28, 1usize..6),
            4..30,
        )) {
            // Three columns whose lines are cut short and pushed at random.
            let cols = [&COL1, &COL2, &COL3];
            let mut text = String::new();
            for (r, &(skip, cut, gap)) in rows.iter().enumerate() {
                for (k, col) in cols.iter().enumerate() {
                    let piece: String = if k == skip { String::new() } else { col[r % 5].chars().take(cut / 2 + 1).collect() };
                    text.push_str(&piece);
                    text.push_str(&" ".repeat(30 - piece.width().min(29) + gap));
                }
                text.push('\n');
            }
            let page = run(&text);
            proptest::prop_assert_eq!(page.log().undo(page.text()), text.clone());
            let again = run(page.text());
            proptest::prop_assert_eq!(again.text(), page.text());
        }
    }
}
