//! Reading order, a first step: a printed line of one column that extraction put among the
//! lines of another is moved back where a word shows it belongs.
//!
//! # What it does
//! Reads the open lines of the page (not yet classified as furniture or bylines) as a
//! sequence of printed lines, *pieces*: a line of the text, or, where extraction turned the
//! wrap points into spaces (`…工作方 得实效。…`), each space-separated segment of it. A
//! piece P is moved, under rule `layout.reading-order`, to the junction between two other
//! pieces A and B when all of this holds:
//! - the page is wrapped in columns there ([`crate::text::column_width`] finds a width) and
//!   A and P are full printed lines of it (a piece cut from another column is a whole line);
//! - a dictionary word spans A|P and another spans P|B ([`crate::words`]: `一体` / `化`,
//!   `平湖辨` / `识度`), while no word spans A|B, nor P's junctions where it stands;
//! - that junction is the only one within [`MAX_DISTANCE`] pieces that fits P, no other
//!   piece fits it, and P is not itself an A or B of another move.
//!
//! The move is one batch of two edits (P and its separator deleted where it stood, and
//! inserted after A as a line of its own), so the log undoes it; the note names the words
//! that decided it. A piece with a word on one side only (`副董事长、总` / `经理盛跃…`
//! elsewhere) is left where it is and named in the page's warnings, for a reviewer.
//!
//! Before that, the pass reads apart two columns that extraction interleaved in runs of one
//! to three lines, where words span the junctions of the new order in both columns and none
//! spans a junction it breaks ([`crate::order::interleave`], rule
//! `layout.reading-order.interleaved`); the single-line moves are then sought in its output.
//!
//! # Why
//! Layout extraction reads columns in the wrong order: a line of the next column lands in
//! the middle of a paragraph, which then reads as nonsense twice (where the line is, and
//! where it is missing).
//!
//! # Example
//! `…全面融入长三角一体` · `识度的元素，…` on one side and `…的工作 化发展首位战略等具有平湖辨`
//! on the other: the piece `化发展首位战略等具有平湖辨` goes between the first two
//! (`一体化发展…平湖辨识度的元素`).
//!
//! # When it must not fire
//! Text that shows no column wrapping (clean text, one paragraph a line: so cleaning clean
//! output changes nothing); a piece whose words fit where it stands; a junction that a word
//! already spans; evidence on one side only; two candidate places, or two candidate pieces
//! for one place; pieces that end a sentence.

use std::collections::HashMap;
use std::ops::Range;

use newsclean_core::chars::is_cjk;
use newsclean_core::{Block, Context, Page, Pass, PassError, TextEdit};

use crate::order::interleave;
use crate::text::cjk_inner_spaces;
use crate::text::{cells, column_widths, ends_sentence, is_open};
use crate::words::spanning_word;

/// How far, in pieces, a line may have strayed from its place.
pub const MAX_DISTANCE: usize = 48;
/// How far a full printed line's width may be from the column width, in cells.
pub(crate) const FULL_LINE_SLACK: f32 = 1.5;
/// Fewest CJK characters of a piece that may be moved.
const MIN_PIECE_CHARS: usize = 4;

/// The reading-order pass.
#[derive(Debug, Default)]
pub struct ReadingOrder;

/// One printed line in reading order.
#[derive(Clone, Debug)]
struct Piece {
    /// Index of its block.
    block: usize,
    /// Its text, in page bytes (trimmed).
    range: Range<usize>,
    /// What to delete with it when it moves: its separator (the space before it, or the
    /// line break before it) and itself.
    removal: Range<usize>,
}

/// A move of piece `piece` to the junction after piece `after`.
#[derive(Clone, Debug, PartialEq)]
struct Move {
    piece: usize,
    after: usize,
    words: [String; 2],
}

/// What the pass found: the moves to make, and pieces with one-sided evidence.
#[derive(Debug, Default)]
struct Findings {
    moves: Vec<Move>,
    doubts: Vec<(usize, usize, String)>,
}

/// The pass's id and rule id.
pub const RULE: &str = "layout.reading-order";

impl Pass for ReadingOrder {
    fn id(&self) -> &str {
        RULE
    }

    fn run(&self, page: &mut Page, _ctx: &Context) -> Result<(), PassError> {
        // The pieces and their widths serve both steps when reading apart changed nothing
        // (nearly every page).
        let mut p = pieces_and_widths(page);
        if deinterleave_pieces(page, &p)? {
            p = pieces_and_widths(page);
        }
        let Pieces { pieces, widths, columns } = p;
        let found = find(page.text(), &pieces, &widths, &columns);
        for (p, other, word) in &found.doubts {
            let (lp, lo) = (
                line_of(page.text(), pieces[*p].range.start),
                line_of(page.text(), pieces[*other].range.start),
            );
            page.meta.warnings.push(format!(
                "reading order: line {lp} `{}` may belong next to line {lo} ({word} spans the break), left in place",
                &page.text()[pieces[*p].range.clone()]
            ));
        }
        if found.moves.is_empty() {
            return Ok(());
        }
        let text = page.text();
        let mut edits = Vec::new();
        for m in &found.moves {
            let (p, a) = (&pieces[m.piece], &pieces[m.after]);
            let moved = &text[p.range.clone()];
            let (lp, la) = (line_of(text, p.range.start), line_of(text, a.range.start));
            let note = format!(
                "{} and {} span the breaks; moved from line {lp} to after line {la}",
                m.words[0], m.words[1]
            );
            edits.push(TextEdit::delete(p.removal.clone(), "layout.reading-order").with_note(note.clone()));
            // Where A's line holds its printed lines one space apart, P joins it the same
            // way; otherwise it becomes a line of its own.
            let line_start = text[..a.range.start].rfind('\n').map_or(0, |i| i + 1);
            let sep = if line_start < a.range.start { " " } else { "\n" };
            edits.push(
                TextEdit::insert(a.range.end, format!("{sep}{moved}"), "layout.reading-order")
                    .with_note(note),
            );
        }
        let before = page.log().edits().len();
        page.apply(edits).map_err(|e| PassError::Edit { pass: self.id().to_string(), source: e })?;
        // Each inserted piece is a line block of its own, cut off the block it was inserted
        // into (that block's end took the insertion in).
        let inserted: Vec<Range<usize>> = page.log().edits()[before..]
            .iter()
            .filter(|e| e.before.is_empty() && e.after.starts_with('\n'))
            .map(|e| e.new_start + 1..e.new_start + e.after.len())
            .collect();
        let mut blocks: Vec<Block> = Vec::with_capacity(page.blocks().len() + inserted.len());
        for b in page.blocks() {
            match inserted.iter().find(|r| b.range.start < r.start && r.end <= b.range.end) {
                Some(r) => {
                    blocks.push(Block { range: b.range.start..r.start - 1, ..b.clone() });
                    blocks.push(Block::new(r.clone()));
                    if r.end < b.range.end {
                        blocks.push(Block { range: r.end..b.range.end, ..b.clone() });
                    }
                }
                None => blocks.push(b.clone()),
            }
        }
        // An insertion that no block took in (it cannot happen while a block's end maps to
        // the right of text inserted there) still becomes a block: text outside blocks is
        // white space to finalize.
        for r in &inserted {
            if !blocks.iter().any(|b| b.range == *r) {
                blocks.push(Block::new(r.clone()));
            }
        }
        page.set_blocks(blocks);
        Ok(())
    }
}

/// [`deinterleave_pieces`] over the page's own pieces.
#[cfg(test)]
fn deinterleave(page: &mut Page) -> Result<(), PassError> {
    let p = pieces_and_widths(page);
    deinterleave_pieces(page, &p).map(|_| ())
}

/// Read apart the stretches of two columns interleaved in runs of a few lines
/// ([`crate::order::interleave`]): one batch for the page, given its pieces; true when it
/// changed the page.
fn deinterleave_pieces(page: &mut Page, p: &Pieces) -> Result<bool, PassError> {
    let edits = interleave_edits(page.text(), &p.pieces, &p.widths, &p.columns);
    if edits.is_empty() {
        return Ok(false);
    }
    apply_moves(page, edits, RULE)?;
    Ok(true)
}

/// Apply a batch of line moves (deletes and insertions of whole lines) and cut every block
/// that took lines in at their line breaks, so the moved lines stay lines.
pub(crate) fn apply_moves(page: &mut Page, edits: Vec<TextEdit>, rule: &str) -> Result<(), PassError> {
    let before = page.log().edits().len();
    page.apply(edits).map_err(|e| PassError::Edit { pass: rule.to_string(), source: e })?;
    // The moved lines stay lines: a block that took an insertion in is cut at its line breaks
    // (blocks are lines here; a block the move emptied is dropped by `set_blocks`).
    let cuts: Vec<usize> = page.log().edits()[before..]
        .iter()
        .filter(|e| e.before.is_empty())
        .flat_map(|e| e.after.match_indices('\n').map(move |(i, _)| e.new_start + i).collect::<Vec<_>>())
        .collect();
    if cuts.is_empty() {
        return Ok(());
    }
    let mut blocks: Vec<Block> = Vec::with_capacity(page.blocks().len() + cuts.len());
    for b in page.blocks() {
        let mut start = b.range.start;
        for &c in cuts.iter().filter(|&&c| b.range.start < c && c < b.range.end) {
            blocks.push(Block { range: start..c, ..b.clone() });
            start = c + 1;
        }
        blocks.push(Block { range: start..b.range.end, ..b.clone() });
    }
    page.set_blocks(blocks);
    Ok(())
}

/// The edits that read apart every interleaved stretch of `pieces`.
fn interleave_edits(
    text: &str,
    pieces: &[Piece],
    widths: &[(f32, bool)],
    columns: &[Option<f32>],
) -> Vec<TextEdit> {
    let n = pieces.len();
    let piece_text = |k: usize| &text[pieces[k].range.clone()];
    let ok: Vec<bool> = (0..n)
        .map(|k| {
            interleave::stretch_line(piece_text(k), widths[k].0, columns[k], FULL_LINE_SLACK, MIN_PIECE_CHARS)
        })
        .collect();
    // Pieces k-1 and k are neighbours: nothing but white space, no blank line, between them.
    let joined = |k: usize| {
        let gap = &text[pieces[k - 1].range.end..pieces[k].range.start];
        gap.trim().is_empty() && gap.matches('\n').count() < 2
    };
    let mut edits = Vec::new();
    let mut k = 0;
    while k < n {
        if !ok[k] {
            k += 1;
            continue;
        }
        let start = k;
        k += 1;
        while k < n && ok[k] && joined(k) {
            k += 1;
        }
        let lines: Vec<&str> = (start..k).map(piece_text).collect();
        let Some(d) = interleave::deinterleave(&lines) else { continue };
        let after = start + d.after;
        let (la, moved_lines) =
            (line_of(text, pieces[after].range.start), d.runs.iter().map(|r| r.len()).sum::<usize>());
        let note = format!(
            "two columns interleaved in runs of one to three lines: {moved_lines} lines of the second moved after line {la}; words across the new junctions: {}; none across the {} junctions broken",
            d.words.join(", "),
            d.broken
        );
        let mut moved = String::new();
        for r in &d.runs {
            let (s, e) = (start + r.start, start + r.end - 1);
            let removal = pieces[s - 1].range.end..pieces[e].range.end;
            moved.push_str(&text[removal.clone()]);
            edits.push(TextEdit::delete(removal, interleave::RULE).with_note(note.clone()));
        }
        edits.push(TextEdit::insert(pieces[after].range.end, moved, interleave::RULE).with_note(note));
    }
    edits
}

/// The 1-based line number of byte `at` in `text`.
pub(crate) fn line_of(text: &str, at: usize) -> usize {
    text[..at].matches('\n').count() + 1
}

/// The printed lines of the open blocks, in page order.
fn pieces(page: &Page) -> Vec<Piece> {
    let mut out = Vec::new();
    let text = page.text();
    for (i, b) in page.blocks().iter().enumerate() {
        if !is_open(b.kind) {
            continue;
        }
        for (range, line) in page.block_lines(i) {
            let trimmed_start = range.start + (line.len() - line.trim_start().len());
            let trimmed_end = range.start + line.trim_end().len();
            if trimmed_start >= trimmed_end {
                continue;
            }
            // The line break before a line goes with it (the line before stays whole).
            let line_removal_start = text[..trimmed_start].trim_end().len();
            let mut start = trimmed_start;
            let mut sep_start = line_removal_start;
            for gap in cjk_inner_spaces(&text[trimmed_start..trimmed_end]) {
                let (gs, ge) = (trimmed_start + gap.start, trimmed_start + gap.end);
                out.push(Piece { block: i, range: start..gs, removal: sep_start..gs });
                start = ge;
                sep_start = gs;
            }
            out.push(Piece { block: i, range: start..trimmed_end, removal: sep_start..trimmed_end });
        }
    }
    // A line's first piece takes the space after it instead of the line break before it,
    // when the line goes on: the line then starts where the next piece starts.
    for k in 0..out.len() {
        let line_goes_on = out.get(k + 1).is_some_and(|n| {
            n.block == out[k].block && !page.text()[out[k].range.end..n.range.start].contains('\n')
        });
        let first_of_line = k == 0
            || page.text()[out[k - 1].range.end..out[k].range.start].contains('\n')
            || out[k - 1].block != out[k].block;
        if first_of_line && line_goes_on {
            out[k].removal = out[k].range.start..out[k + 1].range.start;
        }
    }
    out
}

/// The page's [`pieces`], each one's width in cells and whether it ends a sentence, and the
/// column width around each ([`column_widths`] over a radius of 8 pieces).
fn pieces_and_widths(page: &Page) -> Pieces {
    let pieces = pieces(page);
    let text = page.text();
    let widths: Vec<(f32, bool)> = pieces
        .iter()
        .map(|p| {
            let t = &text[p.range.clone()];
            (cells(t), ends_sentence(t))
        })
        .collect();
    let columns = column_widths(&widths, 8);
    Pieces { pieces, widths, columns }
}

/// The printed lines of a page ([`pieces_and_widths`]).
struct Pieces {
    pieces: Vec<Piece>,
    widths: Vec<(f32, bool)>,
    columns: Vec<Option<f32>>,
}

/// Decide the moves (and the doubts) over `pieces` of `text` (with their `widths`).
fn find(text: &str, pieces: &[Piece], widths: &[(f32, bool)], columns: &[Option<f32>]) -> Findings {
    let n = pieces.len();
    let piece_text = |k: usize| &text[pieces[k].range.clone()];
    // A blank line (a column or page break, where extraction cut) lies after piece k.
    let breaks: Vec<bool> = (0..n)
        .map(|k| k + 1 < n && text[pieces[k].range.end..pieces[k + 1].range.start].matches('\n').count() >= 2)
        .collect();
    let break_after = |k: usize| breaks[k];
    // Whether each piece next to a break (the only ones that can move or receive) is a full
    // printed line of a column, decided once per piece.
    let full: Vec<bool> = (0..n)
        .map(|k| {
            let t = piece_text(k);
            (break_after(k) || (k > 0 && break_after(k - 1)))
                && !widths[k].1
                && t.chars().filter(|c| is_cjk(*c)).count() >= MIN_PIECE_CHARS
                && columns[k].is_some_and(|w| (widths[k].0 - w).abs() <= FULL_LINE_SLACK)
        })
        .collect();
    let full_line = |k: usize| full[k];
    // Each junction asked once: the neighbours of every stray line within `MAX_DISTANCE` ask
    // about the same pairs of pieces.
    let mut asked: HashMap<(usize, usize), Option<String>> = HashMap::new();
    let mut span = |a: usize, b: usize| {
        asked.entry((a, b)).or_insert_with(|| spanning_word(piece_text(a), piece_text(b))).clone()
    };
    let mut found = Findings::default();
    // candidates[k] = the junctions (after piece j) where piece k fits.
    let mut candidates: HashMap<usize, Vec<(usize, [String; 2])>> = HashMap::new();
    for k in 0..n {
        // A stray line sits at a break (it ends a run of lines or starts one): see `full`.
        if !full_line(k) {
            continue;
        }
        // Where it stands, no word ties it to its neighbours.
        if (k > 0 && span(k - 1, k).is_some()) || (k + 1 < n && span(k, k + 1).is_some()) {
            continue;
        }
        let lo = k.saturating_sub(MAX_DISTANCE);
        let hi = (k + MAX_DISTANCE).min(n.saturating_sub(1));
        for a in lo..hi {
            let b = a + 1;
            if a == k || b == k || a + 1 == k {
                continue;
            }
            if !break_after(a) || !full_line(a) || span(a, b).is_some() {
                continue;
            }
            match (span(a, k), span(k, b)) {
                (Some(w1), Some(w2)) => candidates.entry(k).or_default().push((a, [w1, w2])),
                // One side only: not enough to move; worth a reviewer's look when the word is
                // long enough to be unlikely by chance.
                (Some(w), None) | (None, Some(w)) if w.chars().count() > 4 => found.doubts.push((k, a, w)),
                _ => {}
            }
        }
    }
    let mut keys: Vec<usize> = candidates.keys().copied().collect();
    keys.sort_unstable();
    let mut moves: Vec<Move> = keys
        .iter()
        .filter(|k| candidates[k].len() == 1)
        .map(|&k| {
            let (after, words) = candidates[&k][0].clone();
            Move { piece: k, after, words }
        })
        .collect();
    // A junction wanted by two pieces, or a piece that is another move's neighbour, is not
    // clear.
    let snapshot = moves.clone();
    moves.retain(|m| {
        snapshot.iter().filter(|o| o.after == m.after).count() == 1
            && !snapshot.iter().any(|o| {
                o.piece == m.after || o.piece == m.after + 1 || o.after == m.piece || o.after + 1 == m.piece
            })
    });
    found.moves = moves;
    found.doubts.retain(|(k, _, _)| !found.moves.iter().any(|m| m.piece == *k));
    found.doubts.sort();
    found.doubts.dedup_by_key(|d| d.0);
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{byline::Bylines, furniture::Furniture, lines::SplitLines};

    /// The text after the passes up to this one, and the page.
    fn run(text: &str) -> Page {
        let mut p = Page::new(text);
        for pass in [&SplitLines as &dyn Pass, &Furniture, &Bylines, &ReadingOrder] {
            pass.run(&mut p, &Context::default()).unwrap();
        }
        assert_eq!(p.log().undo(p.text()), text, "the log undoes the pass");
        p
    }

    fn moves(p: &Page) -> usize {
        p.log().edits().iter().filter(|e| e.rule == "layout.reading-order").count() / 2
    }

    /// Two paragraphs in columns 13 characters wide; the last line of the second run
    /// (`化发展…平湖辨`) belongs at the break inside the first (`长三角一体` / `识度的元素`).
    const STRAY: &str = "本报讯今年以来，我省持续推\n进乡村振兴工作，在主题教育\n中紧紧围绕新的发展目标和任\n务，坚持全面融入长三角一体\n\n识度的元素，取得明显成效。\n\n据介绍，下一步将继续加大投\n入力度，推动各项工作落实落\n细，确保走深走实，力求实效\n化发展首位战略等具有平湖辨\n\n会议要求，要高质量交出答卷。\n";

    #[test]
    fn a_stray_line_goes_back_between_the_words_it_completes() {
        let p = run(STRAY);
        assert_eq!(moves(&p), 1);
        assert!(p.text().contains("长三角一体\n化发展首位战略等具有平湖辨\n\n识度的元素"), "{}", p.text());
        assert!(p.text().contains("力求实效\n\n会议要求"), "{}", p.text());
        let note = p.log().edits().iter().find_map(|e| e.note.clone()).unwrap();
        assert!(note.contains("一体|化") && note.contains("辨|识"), "{note}");
        let blocks: Vec<&str> = (0..p.blocks().len()).map(|i| p.block_text(i)).collect();
        assert!(blocks.contains(&"化发展首位战略等具有平湖辨"), "{blocks:?}");
    }

    #[test]
    fn wrap_points_turned_into_spaces_move_the_same_way() {
        // Seed 002's shape: each run of printed lines is one line, the lines a space apart.
        let spaced: String =
            STRAY.split("\n\n").map(|run| run.trim_end().replace('\n', " ")).collect::<Vec<_>>().join("\n\n");
        let p = run(&spaced);
        assert_eq!(moves(&p), 1);
        assert!(p.text().contains("长三角一体 化发展首位战略等具有平湖辨\n\n识度"), "{}", p.text());
        assert!(p.text().contains("力求实效\n\n会议要求"), "{}", p.text());
    }

    #[test]
    fn the_whole_pipeline_reads_the_paragraph_in_order() {
        let mut p = Page::new(STRAY);
        let mut pipeline = newsclean_core::Pipeline::new();
        pipeline.extend(crate::passes());
        pipeline.run(&mut p, &Context::default()).unwrap();
        assert!(
            p.text().contains("长三角一体化发展首位战略等具有平湖辨识度的元素，取得明显成效。"),
            "{}",
            p.text()
        );
        assert_eq!(p.log().undo(p.text()), STRAY);
        // Clean output shows no column wrapping: nothing moves again.
        let mut again = Page::new(p.text());
        pipeline.run(&mut again, &Context::default()).unwrap();
        assert_eq!(again.text(), p.text());
    }

    #[test]
    fn evidence_on_one_side_only_moves_nothing() {
        let p = run(&STRAY.replace("识度的元素", "的这些元素"));
        assert_eq!(moves(&p), 0, "{}", p.text());
    }

    #[test]
    fn a_long_word_on_one_side_is_a_warning_not_a_move() {
        let one_sided = STRAY
            .replace("融入长三角一体", "融入长三角地区")
            .replace("具有平湖辨", "具有中华人")
            .replace("识度的元素，取得明显成效。", "民共和国的元素，取得明显。");
        let p = run(&one_sided);
        assert_eq!(moves(&p), 0, "{}", p.text());
        assert_eq!(p.meta.warnings.len(), 1, "{:?}", p.meta.warnings);
        assert!(p.meta.warnings[0].contains("中华人|民共和国"), "{:?}", p.meta.warnings);
        // Two-character words on one side are too common by chance to name.
        assert!(run(&STRAY.replace("识度的元素", "的这些元素")).meta.warnings.is_empty());
    }

    #[test]
    fn a_junction_without_a_break_is_no_place_for_a_line() {
        let p = run(&STRAY.replace("长三角一体\n\n识度", "长三角一体\n识度"));
        assert_eq!(moves(&p), 0, "{}", p.text());
    }

    #[test]
    fn a_line_that_fits_where_it_stands_stays() {
        // `统一` / `化…` spans a word where the line stands.
        let p = run(&STRAY.replace("力求实效\n", "力求统一\n"));
        assert_eq!(moves(&p), 0, "{}", p.text());
    }

    #[test]
    fn two_places_that_fit_are_not_clear() {
        let twice = format!(
            "{STRAY}\n本报讯今年以来，我省持续推\n进乡村振兴工作，在主题教育\n中紧紧围绕新的发展目标和任\n务，坚持全面融入长三角一体\n\n识度的元素，取得明显成效。\n"
        );
        let p = run(&twice);
        assert_eq!(moves(&p), 0, "{}", p.text());
    }

    #[test]
    fn a_line_that_ends_a_sentence_is_not_moved() {
        let p = run(&STRAY.replace("化发展首位战略等具有平湖辨", "化发展首位战略等具有平湖。"));
        assert_eq!(moves(&p), 0, "{}", p.text());
    }

    fn interleaved(p: &Page) -> usize {
        p.log().edits().iter().filter(|e| e.rule == interleave::RULE).count()
    }

    use crate::order::interleave::tests_data::{A, B};

    fn page_of(lines: &[&str]) -> String {
        format!("{}\n", lines.join("\n"))
    }

    #[test]
    fn interleaved_columns_are_read_apart_losslessly_and_once() {
        let lines = [A[0], B[0], A[1], B[1], A[2], B[2], A[3], B[3], A[4], B[4], A[5], B[5]];
        let text = page_of(&lines);
        let p = run(&text);
        assert_eq!(
            p.text(),
            page_of(&[A[0], A[1], A[2], A[3], A[4], A[5], B[0], B[1], B[2], B[3], B[4], B[5]])
        );
        // Five lines of B moved (B5 ends the stretch and stays), one insertion.
        assert_eq!(interleaved(&p), 6, "{:?}", p.log().edits());
        let note =
            p.log().edits().iter().find(|e| e.rule == interleave::RULE).and_then(|e| e.note.clone()).unwrap();
        assert!(note.contains("辨|识") && note.contains("财|政"), "{note}");
        // Every moved line is a block of its own.
        let blocks: Vec<&str> = (0..p.blocks().len()).map(|i| p.block_text(i)).collect();
        assert!(blocks.contains(&B[0]) && blocks.contains(&B[1]), "{blocks:?}");
        // Read again, the page is in order: nothing moves.
        let again = run(p.text());
        assert_eq!(interleaved(&again), 0);
        // The whole pipeline reads both paragraphs whole and is idempotent.
        let mut pipeline = newsclean_core::Pipeline::new();
        pipeline.extend(crate::passes());
        let mut whole = Page::new(text.as_str());
        pipeline.run(&mut whole, &Context::default()).unwrap();
        assert_eq!(whole.log().undo(whole.text()), text);
        assert!(whole.text().contains(&A.concat()), "{}", whole.text());
        assert!(whole.text().contains(&B.concat()), "{}", whole.text());
        let mut twice = Page::new(whole.text());
        pipeline.run(&mut twice, &Context::default()).unwrap();
        assert_eq!(twice.text(), whole.text());
    }

    #[test]
    fn interleaved_wrap_segments_are_read_apart_too() {
        let lines = [A[0], B[0], A[1], B[1], A[2], B[2], A[3], B[3], A[4], B[4], A[5], B[5]];
        let text = format!("{}\n", lines.join(" "));
        let p = run(&text);
        assert_eq!(p.text(), format!("{} {}\n", A.join(" "), B.join(" ")));
    }

    #[test]
    fn columns_one_after_another_stay() {
        // Two articles (or two columns) in order: every junction a split would make is worse.
        let p = run(&page_of(&[&A[..], &B[..]].concat()));
        assert_eq!(interleaved(&p), 0, "{}", p.text());
        let p = run(&page_of(&[&B[..], &A[..]].concat()));
        assert_eq!(interleaved(&p), 0, "{}", p.text());
    }

    #[test]
    fn wrapped_prose_of_one_column_is_never_reordered() {
        // Seed 000's and 002's wrapped prose, one column in order: no split of it is taken.
        for seed in
            ["000_754509dbfb55a7fd", "001_4761a9b087fadb1d", "004_21d0c9da4e890f31", "003_921ff9284966c71a"]
        {
            let path = format!("{}/../../seeds/{seed}.txt", env!("CARGO_MANIFEST_DIR"));
            let text = std::fs::read_to_string(path).unwrap();
            let p = run(&text);
            assert_eq!(
                interleaved(&p),
                0,
                "{seed}: {:?}",
                p.log().edits().iter().filter(|e| e.rule == interleave::RULE).collect::<Vec<_>>()
            );
        }
        let prose = "会议强调，要高站位开展主\n题教育。习近平总书记关于主\n题教育的系列重要讲话，为我\n们抓好主题教育指明了方向、\n提供了遵循、明确了坐标。要\n深入学习贯彻习近平总书记重\n要讲话精神，以高度的政治自\n觉、严肃的政治态度、饱满的\n政治热情，高质量开展主题教\n育，确保走深走实、见到实效\n";
        assert_eq!(interleaved(&run(prose)), 0);
    }

    #[test]
    fn poems_lists_tables_latin_and_clean_text_stay() {
        let poem = "床前明月光，\n疑是地上霜。\n举头望明月，\n低头思故乡。\n春眠不觉晓，\n处处闻啼鸟。\n夜来风雨声，\n花落知多少。\n";
        let list = "一、加强组织领导\n二、压实工作责任\n三、强化督促检查\n四、营造良好氛围\n五、健全长效机制\n六、推动成果转化\n";
        let table = "2021年 125.3 118.2 6.1%\n2022年 131.7 122.9 5.2%\n2023年 140.2 130.4 6.4%\n2024年 151.0 139.8 7.7%\n2025年 160.4 150.1 6.2%\n";
        let latin = "The council have asked the state for a second\nfire station. The mayor announced plans for a\nnew bridge over the river on March 3, 1925.\nThe council said they would oppose a survey\nof the harbour wall, the third such proposal\nsince 1921. Farmers in the valley will consider\n";
        let clean = format!("{}\n{}\n", A.concat(), B.concat());
        for text in [poem, list, table, latin, clean.as_str()] {
            let p = run(text);
            assert_eq!(interleaved(&p), 0, "{text}: {}", p.text());
            assert_eq!(p.text(), text);
        }
    }

    #[test]
    fn one_sided_or_weak_evidence_moves_nothing() {
        // B's lines in turns with A's, but B's own junctions show no word: one side only.
        let silent_b = [
            "据介绍，下一步将继续加大。",
            "会议指出，要高标准完成各。",
            "要把牢主题教育工作方法。",
            "各成员单位及办公室要充分。",
            "要找准主题教育的工作路。",
            "吃透几项重点措施的要求。",
        ];
        let lines: Vec<&str> = (0..6).flat_map(|k| [A[k], silent_b[k]]).collect();
        let p = run(&page_of(&lines));
        assert_eq!(interleaved(&p), 0, "{}", p.text());
    }

    /// The gold seeds' wrapped paragraphs, two at a time, their full lines interleaved by the
    /// patterns of two line pitches: the pass either reads them apart exactly or leaves them.
    #[test]
    fn interleaved_seed_paragraphs_are_read_apart_exactly_or_left() {
        let mut paragraphs: Vec<Vec<String>> = Vec::new();
        for seed in ["000_754509dbfb55a7fd", "001_4761a9b087fadb1d", "004_21d0c9da4e890f31"] {
            let path = format!("{}/../../seeds/{seed}.txt", env!("CARGO_MANIFEST_DIR"));
            let text = std::fs::read_to_string(path).unwrap();
            for block in text.split("\n\n") {
                let lines: Vec<String> = block.lines().map(|l| l.trim().to_string()).collect();
                // The full lines of a wrapped paragraph: all but its last, of one width.
                if lines.len() < 5 {
                    continue;
                }
                let full = &lines[..lines.len() - 1];
                let w = cells(&full[0]);
                if full.iter().all(|l| (cells(l) - w).abs() <= 1.0 && !l.contains(' ')) {
                    paragraphs.push(full.to_vec());
                }
            }
        }
        let (mut tried, mut read_apart) = (0, 0);
        let mut seed = 7u32;
        let pairs =
            (0..paragraphs.len()).flat_map(|i| (i + 1..(i + 8).min(paragraphs.len())).map(move |j| (i, j)));
        for (i, j) in pairs {
            let (a, b) = (&paragraphs[i], &paragraphs[j]);
            if (cells(&a[0]) - cells(&b[0])).abs() > 1.0 {
                continue;
            }
            // The lines in turns by one of the patterns of two line pitches (AB, AAB, ABB,
            // AABB, AAAB), both columns to their ends.
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let pattern: &[bool] = [
                &[false, true][..],
                &[false, false, true],
                &[false, true, true],
                &[false, false, true, true],
                &[false, false, false, true],
            ][(seed >> 16) as usize % 5];
            let (mut ia, mut ib, mut mixed, mut k) = (0, 0, Vec::new(), 0);
            while ia < a.len() && ib < b.len() {
                if pattern[k % pattern.len()] {
                    mixed.push(b[ib].clone());
                    ib += 1;
                } else {
                    mixed.push(a[ia].clone());
                    ia += 1;
                }
                k += 1;
            }
            let (a, b) = (&a[..ia], &b[..ib]);
            let text = format!("{}\n", mixed.join("\n"));
            let mut p = Page::new(text.as_str());
            SplitLines.run(&mut p, &Context::default()).unwrap();
            deinterleave(&mut p).unwrap();
            tried += 1;
            let apart = format!("{}\n{}\n", a.join("\n"), b.join("\n"));
            if p.text() != text {
                assert_eq!(p.text(), apart, "read apart wrongly: {:?}", p.log().edits());
                assert_eq!(p.log().undo(p.text()), text);
                read_apart += 1;
            }
        }
        assert!(tried >= 30, "{tried}");
        // 5 of the 34 pairs are read apart today (the others show too few words); none wrongly.
        assert!(read_apart >= 3, "{read_apart} of {tried}");
    }

    #[test]
    fn clean_text_is_left_alone() {
        let clean = "本报讯今年以来，我省持续推进乡村振兴工作，坚持全面融入长三角一体\n识度的元素，取得明显成效。\n化发展首位战略等具有平湖辨\n会议要求，要高质量交出答卷。\n";
        let p = run(clean);
        assert_eq!(moves(&p), 0, "{}", p.text());
    }
}
