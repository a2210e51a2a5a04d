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
//!    (`theyreleased` → `they` / `released`, `station.the` → `station.` / `the`). Such weak
//!    cuts need their edge to hold near the line: [`LOCAL_SUPPORT`] lines within [`LOCAL`]
//!    lines begin text at the edge after a gap. A line with no cut at some edge (a headline
//!    across columns, a band line, a caption across two columns) stays where it is and ends
//!    the region.
//! 3. A region of consecutive lines that fit is read out column after column when it has
//!    [`super::MIN_LINES`] lines with text in two columns or more and its columns hold prose:
//!    in at least two columns the median piece is [`super::MIN_PIECE`] display columns wide
//!    or more and holds [`MIN_WORDS`] words or more, and [`PROSE_TOKENS`] of its tokens are
//!    words (a list of names, a table of numbers, Markdown table rows and code with aligned
//!    comments do not).
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
/// How many lines above and below a weak cut are looked at for its edge's evidence.
pub const LOCAL: usize = 8;
/// The fewest lines near a weak cut that begin text at its edge after a gap.
pub const LOCAL_SUPPORT: usize = 2;
/// The least share of a prose column's tokens that are words ([`wordish`]).
pub const PROSE_TOKENS: f64 = 0.85;

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
pub(super) fn edits(text: &str, lines: &[Line], bands: &[Band], edges: &[usize]) -> Vec<TextEdit> {
    let cuts: Vec<Option<Vec<(Cut, Kind)>>> = lines
        .iter()
        .zip(bands)
        .map(|(l, b)| {
            if l.blank {
                Some(Vec::new())
            } else if *b != Band::No || l.cells.iter().any(|c| is_wide_text(c.ch)) {
                None
            } else {
                cuts(l, edges)
            }
        })
        .collect();
    let cuts = held_locally(cuts);
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
        if let Some(edit) = region_edit(text, lines, &cuts, i..e, edges) {
            out.push(edit);
        }
        i = b;
    }
    out
}

/// Keep a line's weak cuts (a space near an edge, a glued word) only where its edge holds
/// near the line: [`LOCAL_SUPPORT`] lines within [`LOCAL`] lines above or below begin text
/// at that edge after a gap. Elsewhere (a part of the page laid out in other columns) the
/// line does not fit and stays whole.
fn held_locally(mut cuts: Vec<Option<Vec<(Cut, Kind)>>>) -> Vec<Option<Vec<(Cut, Kind)>>> {
    let at_edge = |c: &Option<Vec<(Cut, Kind)>>, j: usize| {
        c.as_ref().and_then(|c| c.get(j)).is_some_and(|(_, k)| *k == Kind::AtEdge)
    };
    let n = cuts.len();
    let edges = cuts.iter().flatten().map(Vec::len).max().unwrap_or(0);
    let mut drop = vec![false; n];
    for j in 0..edges {
        // Prefix counts of lines with text at edge j after a gap.
        let mut pre = vec![0usize; n + 1];
        for k in 0..n {
            pre[k + 1] = pre[k] + usize::from(at_edge(&cuts[k], j));
        }
        for (k, c) in cuts.iter().enumerate() {
            let weak =
                c.as_ref().and_then(|c| c.get(j)).is_some_and(|(_, k)| matches!(k, Kind::Near | Kind::Glued));
            if weak {
                let (a, b) = (k.saturating_sub(LOCAL), (k + LOCAL + 1).min(n));
                if pre[b] - pre[a] < LOCAL_SUPPORT {
                    drop[k] = true;
                }
            }
        }
    }
    for (c, d) in cuts.iter_mut().zip(drop) {
        if d {
            *c = None;
        }
    }
    cuts
}

/// The column edges of a page that is not CJK (display columns, left to right; empty for a
/// CJK page).
pub(super) fn page_edges(text: &str, lines: &[Line]) -> Vec<usize> {
    if newsclean_core::script::ScriptCounts::of(text).cjk_majority() {
        return Vec::new();
    }
    find_edges(lines)
}

/// The column edges that the lines show (display columns, left to right).
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
                    (Cut::Inside { at: g }, Kind::Glued)
                }
                (Some(s), _) => {
                    (Cut::Gap { cells: s.cells.clone(), strong: s.strong, both: true }, Kind::Near)
                }
                (None, Some(g)) => (Cut::Inside { at: g }, Kind::Glued),
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

/// Is token `t` a word of prose (letters or digits, with the punctuation of running text)
/// rather than code or table markup (`=`, `|`, `compute(total);`)?
fn wordish(t: &str) -> bool {
    let core = t
        .trim_start_matches(['"', '\'', '‘', '“', '$', '€', '£'])
        .trim_end_matches(['.', ',', ';', ':', '!', '?', '"', '\'', '’', '”', '%']);
    core.chars().any(char::is_alphanumeric)
        && core.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | '.' | ',' | '/'))
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
    let mut tokens = vec![(0usize, 0usize); ncols];
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
                for t in text[p.clone()].split_whitespace() {
                    tokens[col].0 += 1;
                    tokens[col].1 += usize::from(wordish(t));
                }
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
        .filter(|&c| tokens[c].1 as f64 >= PROSE_TOKENS * tokens[c].0 as f64)
        .count();
    if prose < 2 {
        return None;
    }
    // Column streams, an empty stretch inside a column kept as one blank line.
    let (span, replacement) = super::read_out(text, lines, range.clone(), ncols, pieces_of.into_iter());
    if replacement == text[span.clone()] {
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
    Some(TextEdit::replace(span, replacement, RULE).with_note(note))
}

#[cfg(test)]
mod tests {
    // The column pass's own test helpers: its reading step past the gate, and the streams a
    // region becomes.
    use super::super::tests::{assert_unchanged, run, streams};

    /// Lay columns out at fixed left edges (`width` apart) as pdftotext -layout does: a piece
    /// that runs past the next edge pushes the next column right, one space after it.
    fn pushed(columns: &[&[&str]], width: usize) -> String {
        let rows = columns.iter().map(|c| c.len()).max().unwrap_or(0);
        let mut out = String::new();
        for r in 0..rows {
            let mut line = String::new();
            for (k, col) in columns.iter().enumerate() {
                let piece = col.get(r).copied().unwrap_or("");
                if piece.is_empty() {
                    continue;
                }
                let at = k * width;
                if line.len() < at {
                    line.push_str(&" ".repeat(at - line.len()));
                } else if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(piece);
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }

    const W: usize = 28;

    const A: [&str; 8] = [
        "The council met on Monday",
        "to discuss the new budget",
        "for the coming year, which",
        "rises by four percent and",
        "pays for roads and schools",
        "in the north of the county",
        "where the population grew",
        "fast in the last ten years.",
    ];
    const B: [&str; 8] = [
        "Rain is expected over the",
        "weekend, with strong winds",
        "along the coast and cooler",
        "nights inland, the weather",
        "office said on Friday, and",
        "farmers in the valley fear",
        "another dry summer after a",
        "spring with little rain.",
    ];
    const C: [&str; 8] = [
        "The library opens its new",
        "wing next week after two",
        "years of building work and",
        "a long public debate over",
        "the cost of the project, a",
        "spokesman for the board",
        "said, adding that the old",
        "reading room stays open.",
    ];

    #[test]
    fn latin_columns_with_single_space_boundaries() {
        // The longest line of A runs to B's edge: one space is left there.
        let raw = pushed(&[&A, &B, &C], W);
        assert!(raw.lines().any(|l| l.contains("years. spring")), "{raw}");
        let page = run(&raw);
        assert_eq!(page.text(), streams(&[&A, &B, &C]), "{raw}");
        let edit = &page.log().edits()[0];
        assert_eq!(edit.rule, super::RULE);
        assert!(edit.note.as_deref().unwrap().contains("column left edges at display columns 28, 56"));
        assert_eq!(page.log().undo(page.text()), raw);
        // Idempotent: the streams are left alone.
        assert_unchanged(page.text());
    }

    #[test]
    fn a_glued_boundary_is_cut_where_both_halves_are_words() {
        let mut raw = pushed(&[&A, &B, &C], W);
        // pdftotext left no space: `years. spring` → `years.spring` (no word; both halves are).
        raw = raw.replacen("years. spring", "years.spring", 1);
        let page = run(&raw);
        assert_eq!(page.text(), streams(&[&A, &B, &C]), "{raw}");
        assert!(page.log().edits()[0].note.as_deref().unwrap().contains("1 word(s) glued"));
        assert_eq!(page.log().undo(page.text()), raw);
    }

    #[test]
    fn rows_of_only_some_columns_and_a_gap_across_an_edge() {
        // Column B begins two lines lower; a row holds only column C; column B is empty on a
        // row where A and C have text (a gap across B's edge).
        let a: Vec<&str> = A.to_vec();
        let mut b: Vec<&str> = vec!["", ""];
        b.extend(&B[..6]);
        let c: Vec<&str> = C.to_vec();
        let raw = pushed(&[&a, &b, &c], 30);
        let page = run(&raw);
        let want = format!("{}\n\n{}\n\n{}\n", A.join("\n"), B[..6].join("\n"), C.join("\n"));
        assert_eq!(page.text(), want, "{raw}");
    }

    #[test]
    fn must_not_fire_on_prose_lists_tables_poems_code_and_markdown() {
        // English prose, no columns.
        assert_unchanged(
            "The council met on Monday to discuss the budget for the coming year.  Members\n\
             asked for more money for roads and for schools in the north of the county,\n\
             where the population grew fast.  The leader said the plan would be published\n\
             next month.  A vote follows in March, after a public consultation.  Residents\n\
             can send comments by post or online, and the library keeps a printed copy.\n\
             The mayor said the money would be better spent on schools and on the roads.\n",
        );
        // A table with aligned columns of numbers.
        let table = "Region          2023      2024      Change\n".to_string()
            + &(0..8)
                .map(|k| {
                    format!(
                        "District {k}      {:>6}    {:>6}    {:>6}\n",
                        1200 + k * 37,
                        1300 + k * 41,
                        k * 4
                    )
                })
                .collect::<String>();
        assert_unchanged(&table);
        // A centred poem.
        assert_unchanged(
            "          The woods are lovely, dark and deep,\n\
             But I have promises to keep,\n\
             And miles to go before I sleep,\n\
             And miles to go before I sleep.\n\
             Whose woods these are I think I know.\n\
             His house is in the village though;\n",
        );
        // Indented code with aligned comments.
        assert_unchanged(
            "fn main() {\n    let total = a + b;          // the sum of both parts\n    let mean = total / 2;       // their mean value\n    if mean > limit {           // too large for us\n        warn(mean);             // tell the user now\n    }\n    let x = compute(total);     // and carry on here\n    println!(\"{x}\");            // print the result\n}\n",
        );
        // Markdown tables.
        assert_unchanged(
            "| Name            | Town         | Role               |\n\
             |-----------------|--------------|--------------------|\n\
             | John Smith      | Harlan       | mayor of the town  |\n\
             | Mary Keane      | Brookfield   | staff writer       |\n\
             | Grace Ashcroft  | Riverton     | harbour board      |\n\
             | Walter Dunmore  | Stourley     | county engineer    |\n\
             | Alice Fenwick   | Eastwick     | school committee   |\n",
        );
        // A two-column list of names.
        let names = [
            ("John Smith", "Mary Keane"),
            ("Grace Ashcroft", "Walter Dunmore"),
            ("Alice Fenwick", "Edward Pritchard"),
            ("Helen Harlow", "Arthur Whitby"),
            ("Luc Moreau", "Jeanne Martin"),
            ("Marco Rossi", "Arthur Fenwick"),
            ("Edward Whitby", "Grace Dunmore"),
            ("Alice Keane", "Walter Keane"),
        ];
        let list: String = names.iter().map(|(a, b)| format!("{a:<28}{b}\n")).collect();
        assert_unchanged(&list);
    }

    #[test]
    fn already_split_output_is_left_byte_identical() {
        let raw = pushed(&[&A, &B, &C], W);
        let once = run(&raw);
        let twice = run(once.text());
        assert!(twice.log().is_empty());
        assert_eq!(twice.text(), once.text());
    }
}
