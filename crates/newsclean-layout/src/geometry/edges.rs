//! Latin columns read apart by their left edges (`layout.columns.edges`), where `pdftotext
//! -layout` leaves no gutter of spaces on every line.
//!
//! A Latin column's text begins at one display column, its left edge: pdftotext prints each
//! column line there unless the column to its left runs long, when it pushes the line right
//! (or, on a compressed line, a few columns left) and leaves a single space at the boundary,
//! sometimes none (`theyreleased`). The gutter finder of [`super`] needs two spaces or more
//! at a gutter on most lines, so on such pages it finds nothing and the paragraph pass joins
//! the lines of four or five articles into one another.
//!
//! # How
//! 1. Edges: a display column where many lines' text begins after a run of two spaces or more
//!    with text on its left (half a vote for a line that begins there): at least
//!    [`MIN_EDGE_LINES`] such lines and [`EDGE_SHARE`] of the page's lines of text. Votes
//!    within [`super::MIN_COLUMN`] columns of each other are one edge (an indented first line
//!    is a few columns right of its edge), at the position most lines share.
//! 2. Cuts: a line is cut at each edge where its text begins at the edge or right of it, or
//!    ends before it; else at the run of spaces after which text begins nearest the edge
//!    (within [`NEAR`] columns; two spaces or more within [`EXACT`] of it first); else, only
//!    as the page's edges are proven by the lines above, inside a word that crosses the edge
//!    when the word is no word of the English word list and both halves are
//!    (`theyreleased` → `they` / `released`, `station.the` → `station.` / `the`). A line with
//!    no cut at some edge (a headline across columns, a band line, a caption across two
//!    columns) stays where it is and ends the region.
//! 3. A region of consecutive lines that fit is read out column after column when it has
//!    [`super::MIN_LINES`] lines with text in two columns or more and its columns hold prose:
//!    in at least two columns the median piece is [`super::MIN_PIECE`] display columns wide
//!    or more and holds [`MIN_WORDS`] words or more (a list of names, a table of numbers,
//!    Markdown table rows and aligned code comments do not).
//!
//! # When it must not fire
//! CJK pages (the gutter finder of [`super`] reads them); English prose (single spaces, at
//! different places on each line: no shared edge after two spaces); a centred poem; indented
//! code (its text begins after indentation, with nothing on its left); tables and lists of
//! short cells; clean output (one column, no gaps): a second run changes nothing.

use std::ops::Range;

use newsclean_core::TextEdit;
use newsclean_latin::lexicon::ENGLISH;

use super::{Band, Cut, Line, MIN_COLUMN, MIN_LINES, MIN_PIECE, is_space, is_wide_text};

/// The rule id of the edits.
pub const RULE: &str = "layout.columns.edges";
/// The fewest lines whose text begins at an edge after a gap.
pub const MIN_EDGE_LINES: usize = 6;
/// The least share of the page's lines of text that vote for an edge.
pub const EDGE_SHARE: f64 = 0.12;
/// How far (display columns) the text after a cut may begin from its edge.
pub const NEAR: usize = 7;
/// How close to its edge a run of two spaces or more is preferred to any other cut.
pub const EXACT: usize = 3;
/// The fewest words of a column's median piece (prose, not a list).
pub const MIN_WORDS: usize = 4;

/// A run of spaces inside a line's text, any length.
#[derive(Debug, Clone)]
struct Space {
    cells: Range<usize>,
    /// Display column where the text after it begins.
    end_col: usize,
    strong: bool,
}

fn spaces(line: &Line) -> Vec<Space> {
    let mut out = Vec::new();
    let (first, last) = (line.text_cells.start, line.text_cells.end);
    let mut i = first;
    while i < last {
        if is_space(line.cells[i].ch) {
            let mut j = i;
            while is_space(line.cells[j].ch) {
                j += 1;
            }
            out.push(Space { cells: i..j, end_col: line.cells[j].col, strong: j - i >= 2 });
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// How a line was cut at one edge (for the note and the evidence).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// The line's text begins at or right of the edge, or ends left of it.
    Outside,
    /// Two spaces or more, the text after them at the edge.
    AtEdge,
    /// Another run of spaces near the edge (often one space: a pushed column).
    Near,
    /// Inside a word glued across the edge.
    Glued,
}

/// The edits that read out the Latin column regions of `text` (empty when none).
pub(super) fn edits(text: &str, lines: &[Line], bands: &[Band]) -> Vec<TextEdit> {
    if newsclean_core::script::ScriptCounts::of(text).cjk_majority() {
        return Vec::new();
    }
    let edges = find_edges(lines);
    if edges.is_empty() {
        return Vec::new();
    }
    let cuts: Vec<Option<Vec<(Cut, Kind)>>> = lines
        .iter()
        .zip(bands)
        .map(|(l, b)| {
            if l.blank {
                Some(Vec::new())
            } else if *b != Band::No || l.cells.iter().any(|c| is_wide_text(c.ch)) {
                None
            } else {
                cuts(l, &edges)
            }
        })
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if cuts[i].is_none() || lines[i].blank {
            i += 1;
            continue;
        }
        let mut b = i;
        while b < lines.len() && cuts[b].is_some() {
            b += 1;
        }
        let mut e = b;
        while e > i && lines[e - 1].blank {
            e -= 1;
        }
        if let Some(edit) = region_edit(text, lines, &cuts, i..e, &edges) {
            out.push(edit);
        }
        i = b;
    }
    out
}

/// The page's column edges (display columns, left to right).
fn find_edges(lines: &[Line]) -> Vec<usize> {
    let texts: Vec<&Line> =
        lines.iter().filter(|l| !l.blank && !l.cells.iter().any(|c| is_wide_text(c.ch))).collect();
    let width = texts.iter().map(|l| l.text_cols.end).max().unwrap_or(0);
    if texts.len() < MIN_EDGE_LINES || width == 0 {
        return Vec::new();
    }
    // Votes ×2: a begin after a gap with text on its left 2, an indentation 1.
    let mut votes = vec![0usize; width + 1];
    let mut inner = vec![0usize; width + 1];
    for l in &texts {
        if l.text_cols.start > 0 {
            votes[l.text_cols.start] += 1;
        }
        for s in spaces(l).iter().filter(|s| s.strong) {
            votes[s.end_col] += 2;
            inner[s.end_col] += 1;
        }
    }
    let need = (MIN_EDGE_LINES * 2).max((EDGE_SHARE * 2.0 * texts.len() as f64).ceil() as usize);
    let mut edges: Vec<usize> = Vec::new();
    let mut x = 1;
    while x <= width {
        if votes[x] < need || inner[x] < MIN_LINES {
            x += 1;
            continue;
        }
        // A group of strong positions within MIN_COLUMN: the one most lines share.
        let start = x;
        let mut best = x;
        while x <= width && x < start + MIN_COLUMN {
            if votes[x] > votes[best] && inner[x] >= MIN_LINES {
                best = x;
            }
            x += 1;
        }
        if edges.last().is_none_or(|&last| best >= last + MIN_COLUMN) {
            edges.push(best);
        }
    }
    edges
}

/// Is `w` (letters only, lower-cased) a word of the English list?
fn known(w: &str) -> bool {
    let letters: String = w.chars().filter(|c| c.is_alphabetic()).flat_map(char::to_lowercase).collect();
    !letters.is_empty() && ENGLISH.zipf(&letters) > 0.0
}

/// The cuts of a line at `edges`, `None` when some edge has no cut.
fn cuts(line: &Line, edges: &[usize]) -> Option<Vec<(Cut, Kind)>> {
    let runs = spaces(line);
    let mut out: Vec<(Cut, Kind)> = Vec::with_capacity(edges.len());
    let mut after = 0; // cell index the next cut may not start before
    for &e in edges {
        let cut = if line.text_cols.start + EXACT >= e && line.text_cells.start >= after {
            (Cut::Gap { cells: 0..line.text_cells.start, strong: false, both: false }, Kind::Outside)
        } else if line.text_cols.end <= e + EXACT {
            (
                Cut::Gap { cells: line.text_cells.end..line.cells.len(), strong: false, both: false },
                Kind::Outside,
            )
        } else if let Some(s) = runs
            .iter()
            .filter(|s| s.cells.start >= after && s.strong && s.end_col + EXACT >= e && s.end_col <= e + NEAR)
            .min_by_key(|s| s.end_col.abs_diff(e))
        {
            // Two spaces or more, the text after them at the edge (or indented a little).
            (Cut::Gap { cells: s.cells.clone(), strong: true, both: true }, Kind::AtEdge)
        } else if let Some(s) = runs.iter().find(|s| {
            s.cells.start >= after && s.strong && line.cells[s.cells.start].col < e && s.end_col > e + NEAR
        }) {
            // A gap across the edge: this column is empty on the line; the text after the
            // gap belongs to a later edge.
            (Cut::Gap { cells: s.cells.start..s.cells.start, strong: true, both: false }, Kind::Outside)
        } else {
            let near = runs
                .iter()
                .filter(|s| s.cells.start >= after && s.end_col.abs_diff(e) <= NEAR)
                .min_by_key(|s| (s.end_col.abs_diff(e), s.end_col < e));
            let glue = glued(line, e, after);
            match (near, glue) {
                (Some(s), Some(g)) if line.cells[g].col.abs_diff(e) < s.end_col.abs_diff(e) => {
                    (Cut::Cjk { at: g }, Kind::Glued)
                }
                (Some(s), _) => {
                    (Cut::Gap { cells: s.cells.clone(), strong: s.strong, both: true }, Kind::Near)
                }
                (None, Some(g)) => (Cut::Cjk { at: g }, Kind::Glued),
                (None, None) => return None,
            }
        };
        after = cut.0.cells().end;
        out.push(cut);
    }
    Some(out)
}

/// The cell where a word glued across edge `e` splits: the word is no word of the list, both
/// halves are; the split nearest the edge.
fn glued(line: &Line, e: usize, after: usize) -> Option<usize> {
    let cells = &line.cells;
    let at = cells.iter().position(|c| c.col >= e)?;
    if at <= after || is_space(cells[at].ch) {
        return None;
    }
    let mut a = at;
    while a > after && !is_space(cells[a - 1].ch) {
        a -= 1;
    }
    let mut b = at;
    while b < cells.len() && !is_space(cells[b].ch) {
        b += 1;
    }
    let word: String = cells[a..b].iter().map(|c| c.ch).collect();
    if known(&word) || !word.chars().any(char::is_alphabetic) {
        return None;
    }
    let chunk = |r: Range<usize>| cells[r].iter().map(|c| c.ch).collect::<String>();
    (a + 1..b)
        .filter(|&k| cells[k].col.abs_diff(e) <= NEAR)
        .filter(|&k| {
            // A split between two letters, or after sentence punctuation before a letter.
            let (l, r) = (cells[k - 1].ch, cells[k].ch);
            r.is_alphabetic() && (l.is_alphabetic() || matches!(l, '.' | ',' | ';' | ':'))
        })
        .filter(|&k| {
            let (left, right) = (chunk(a..k), chunk(k..b));
            let letters = |s: &str| s.chars().filter(|c| c.is_alphabetic()).count();
            letters(&left) >= 1 && letters(&right) >= 2 && known(&left) && known(&right)
        })
        .min_by_key(|&k| cells[k].col.abs_diff(e))
}

/// The edit that reads out lines `range` as columns, when they hold prose in columns.
fn region_edit(
    text: &str,
    lines: &[Line],
    cuts: &[Option<Vec<(Cut, Kind)>>],
    range: Range<usize>,
    edges: &[usize],
) -> Option<TextEdit> {
    let ncols = edges.len() + 1;
    let mut multi = 0;
    let mut widths: Vec<Vec<usize>> = vec![Vec::new(); ncols];
    let mut words: Vec<Vec<usize>> = vec![Vec::new(); ncols];
    let mut pieces_of: Vec<Vec<Range<usize>>> = Vec::with_capacity(range.len());
    let (mut near, mut glued) = (0, 0);
    for k in range.clone() {
        let line = &lines[k];
        let Some(c) = &cuts[k] else { return None };
        if line.blank {
            pieces_of.push(Vec::new());
            continue;
        }
        let plain: Vec<Cut> = c.iter().map(|(cut, _)| cut.clone()).collect();
        near += usize::from(c.iter().any(|(_, k)| *k == Kind::Near));
        glued += c.iter().filter(|(_, k)| *k == Kind::Glued).count();
        let pieces = line.pieces(&plain);
        let filled = pieces.iter().filter(|p| !p.is_empty()).count();
        multi += usize::from(filled >= 2);
        for (col, p) in pieces.iter().enumerate() {
            if !p.is_empty() {
                widths[col].push(line.width_of(p.clone()));
                words[col].push(text[p.clone()].split_whitespace().count());
            }
        }
        pieces_of.push(pieces);
    }
    if multi < MIN_LINES {
        return None;
    }
    for v in widths.iter_mut().chain(words.iter_mut()) {
        v.sort_unstable();
    }
    let prose = (0..ncols)
        .filter(|&c| widths[c].len() >= MIN_LINES)
        .filter(|&c| widths[c][widths[c].len() / 2] >= MIN_PIECE && words[c][words[c].len() / 2] >= MIN_WORDS)
        .count();
    if prose < 2 {
        return None;
    }
    // Column streams, an empty stretch inside a column kept as one blank line.
    let mut streams: Vec<Vec<&str>> = vec![Vec::new(); ncols];
    let mut gap_pending = vec![false; ncols];
    for pieces in &pieces_of {
        if pieces.is_empty() {
            for (k, g) in gap_pending.iter_mut().enumerate() {
                *g = !streams[k].is_empty();
            }
            continue;
        }
        for (k, piece) in pieces.iter().enumerate() {
            if piece.is_empty() {
                gap_pending[k] = !streams[k].is_empty();
                continue;
            }
            if gap_pending[k] {
                streams[k].push("");
                gap_pending[k] = false;
            }
            streams[k].push(&text[piece.clone()]);
        }
    }
    let body =
        streams.iter().filter(|s| !s.is_empty()).map(|s| s.join("\n")).collect::<Vec<_>>().join("\n\n");
    let start = lines[range.start].range.start;
    let end = lines[range.end - 1].range.end;
    let before = range.start > 0 && !lines[range.start - 1].blank;
    let after = range.end < lines.len() && !lines[range.end].blank;
    let replacement = format!("{}{}{}", if before { "\n" } else { "" }, body, if after { "\n" } else { "" });
    if replacement == text[start..end] {
        return None;
    }
    let list: Vec<String> = edges.iter().map(usize::to_string).collect();
    let mut note = format!(
        "{} columns side by side on lines {}-{}: column left edges at display columns {} (text begins there after a gap on many lines)",
        ncols,
        range.start + 1,
        range.end,
        list.join(", ")
    );
    if near > 0 {
        note.push_str(&format!("; {near} line(s) cut at a space near an edge (a pushed column)"));
    }
    if glued > 0 {
        note.push_str(&format!("; {glued} word(s) glued across an edge cut where both halves are words"));
    }
    Some(TextEdit::replace(start..end, replacement, RULE).with_note(note))
}

#[cfg(test)]
mod debug {
    use super::*;

    /// `EDGES_DEBUG=page.txt cargo test -p newsclean-layout edges_debug -- --nocapture`
    #[test]
    fn edges_debug() {
        let Ok(path) = std::env::var("EDGES_DEBUG") else { return };
        let text = std::fs::read_to_string(path).unwrap();
        let lines: Vec<Line> = super::super::line_ranges(&text).map(|r| Line::new(&text, r)).collect();
        let edges = find_edges(&lines);
        eprintln!("edges {edges:?}");
        for (k, l) in lines.iter().enumerate() {
            let c = if l.blank { Some(Vec::new()) } else { cuts(l, &edges) };
            let tag = match &c {
                None => "NOFIT".to_string(),
                Some(c) => c.iter().map(|(_, k)| format!("{k:?}").chars().next().unwrap()).collect(),
            };
            eprintln!("{k:3} {tag:6} {}", &text[l.range.clone()]);
        }
    }
}
