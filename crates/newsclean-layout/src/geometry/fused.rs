//! Read apart the columns that pdftotext's default mode fused and interleaved.
//!
//! # What it does
//! Without `-layout`, pdftotext writes the lines of a text block in the order of their
//! baselines. Where two to five columns of a broadsheet stand close together it takes them
//! for one block: lines of different columns that share a baseline are *fused* into one line
//! with a single space between them, and lines that do not share one follow each other, so
//! the columns are interleaved line by line:
//!
//! ```text
//! 本报讯市委副书记、市长周军波近日赴市民兵训
//! 上个星期刚签约的艾本德中国技术中心平湖项
//! 练中心，实地视察今年上半年征兵工作开展情况。市 目，主要生产艾本德明星产品离心机。项目计划于
//! 领导李文健、许静参加。
//! 2024年初投产，一期达产后预计年产值可达5亿元，
//! ```
//!
//! This pass cuts the fused lines into their column lines (*fragments*), assigns every
//! fragment of the block to a column, and rewrites the block as column 1's lines, a blank
//! line, column 2's lines, and so on: one edit under `layout.fused-columns` per block, whose
//! note says how many columns, how wide, and how many lines were cut.
//!
//! # Why
//! Every later pass reads a page line after line; interleaved columns put the sentences of
//! two articles in turns, and a fused line joins them in mid-sentence.
//!
//! # How
//! 1. A block is a run of lines without a blank line (pdftotext's own blocks). A *cut* is a
//!    single space next to a CJK character or full-width form (CJK text has no spaces of its
//!    own) where the text before it, since the line's start or the last cut, is a full column
//!    line: between [`FULL`] of the column width and one cell more. The column width is the
//!    most frequent width of the text before such a space (at least [`MIN_WIDTH`] cells).
//! 2. The block is read as fused columns when at least [`MIN_FUSED`] lines (and a fifth of
//!    its lines) are cut, no line falls into more than [`MAX_COLUMNS`] fragments, and most
//!    fragments are no wider than a column (seed pages whose wrap points became spaces hold
//!    whole paragraphs of ten or more segments on a line: they are not columns).
//! 3. The number of columns is the most fragments on a line. Every line's fragments go to
//!    columns in their order (left to right), a line of one fragment to any column. A beam
//!    search over the lines scores each assignment by what the text shows at every junction
//!    of a column's stream: a fragment that starts with a comma or a full stop continues an
//!    open line (a full line without a sentence end) and cannot follow a paragraph's end; a
//!    dictionary word across the junction (jieba) continues it too. Two readings are
//!    searched: the columns' lines come in *turns* (pdftotext orders them by baseline: a
//!    column that gets a second line before another column has had one since costs a
//!    little, unless its text ended there and it takes no more lines), or each column's lines
//!    come in a *run* (a line of one fragment never goes left of the last one). The reading
//!    whose order, column after column, has the better junctions (a column's last line goes
//!    on at the next column's top) is written.
//! 4. An *opening line*: where the columns' first lines share a baseline, pdftotext may fuse
//!    just them, on a block of their own, and print each column's other lines in blocks
//!    below, one column after another. A one-line block of three full column lines or more
//!    is read with the blocks below it in runs, each block in one column, a column passed
//!    over (left with its first line only) costing much.
//!
//! # When it must not fire
//! Text that no one fused: a line with a space inside (a byline `本报记者 王 强`, a date
//! `2025年2月5日 星期三`) is cut only where the text before the space is a full column line,
//! and a block needs several such lines. Clean text (one paragraph a line) has no lines of
//! one width. Space-separated wrap segments of one column (seed 002) run to ten or more a
//! line. The rewritten block has no cut left, so a second run changes nothing.

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

use newsclean_core::chars::{is_cjk, is_cjk_punct, is_sentence_end};
use newsclean_core::{Context, Page, Pass, PassError, TextEdit};

use crate::text::{cells, ends_sentence};
use crate::words::spanning_word;

/// The rule id of the edits.
pub const RULE: &str = "layout.fused-columns";
/// The text before a cut is at least this share of the column width.
pub const FULL: f32 = 0.75;
/// The narrowest column (cells) read apart.
pub const MIN_WIDTH: f32 = 10.0;
/// The fewest cut lines in a block.
pub const MIN_FUSED: usize = 3;
/// The most columns (fragments on one line).
pub const MAX_COLUMNS: usize = 5;
/// States kept by the beam search.
const BEAM: usize = 128;
/// Score of a comma or stop that continues an open line.
const PUNCT_CONTINUES: f32 = 3.0;
/// Score of a comma or stop after a paragraph's end (or at a column's top).
const PUNCT_AFTER_END: f32 = -6.0;
/// Score of a dictionary word across a junction.
const WORD_ACROSS: f32 = 2.0;
/// Score of any line after an open line (its text must go on somewhere): where the text is
/// silent, a line goes to a column whose text is open rather than to one that ended.
const OPEN_GOES_ON: f32 = 0.5;
/// Cost of a column's second line before another column had one.
const OUT_OF_TURN: f32 = 1.5;
/// Cost of a column left with no line of its own run (model `Runs`).
const SKIPPED: f32 = 6.0;
/// Blocks of more lines are not read (no column block of a page is this long; the search
/// grows with the lines).
const MAX_ROWS: usize = 1000;
/// Lines longer than this (bytes) are not looked at (no column line is this long).
const MAX_LINE: usize = 4096;

/// The fused-columns pass.
#[derive(Debug, Default)]
pub struct FusedColumns;

impl Pass for FusedColumns {
    fn id(&self) -> &str {
        RULE
    }

    fn run(&self, page: &mut Page, _ctx: &Context) -> Result<(), PassError> {
        let edits = fused_edits(page.text());
        if edits.is_empty() {
            return Ok(());
        }
        page.apply(edits).map_err(|source| PassError::Edit { pass: RULE.into(), source })?;
        crate::columns::resegment(page);
        Ok(())
    }
}

/// The edits that rewrite every fused block of `text` as column streams (empty when no
/// block shows fused columns).
pub fn fused_edits(text: &str) -> Vec<TextEdit> {
    if !has_wide_space(text) {
        return Vec::new();
    }
    let mut edits = Vec::new();
    let spans: Vec<Range<usize>> = crate::columns::segment(text).into_iter().map(|b| b.range).collect();
    let lines_of = |k: usize, id: usize| text[spans[k].clone()].split('\n').map(move |l| (l, id));
    let mut i = 0;
    while i < spans.len() {
        let lines: Vec<(&str, usize)> = lines_of(i, 0).collect();
        // Most blocks have no line with a space to cut at: skip them before any reading.
        let with_space = lines.iter().filter(|(l, _)| has_wide_space(l)).count();
        if with_space == 0 {
            i += 1;
            continue;
        }
        if with_space >= MIN_FUSED
            && let Some((replacement, note)) = read_block(&lines, false)
        {
            edits.push(TextEdit::replace(spans[i].clone(), replacement, RULE).with_note(note));
            i += 1;
            continue;
        }
        if lines.len() == 1 && may_open(lines[0].0) {
            // An opening line: the columns' first lines fused on a block of their own, each
            // column's other lines in the blocks below, one column after another.
            let mut combined = lines;
            let mut j = i;
            while j + 1 < spans.len() && j - i < 2 * MAX_COLUMNS {
                let next: Vec<(&str, usize)> = lines_of(j + 1, j + 1 - i).collect();
                if next.iter().filter(|(l, _)| !cut_candidates(l).is_empty()).count() >= MIN_FUSED {
                    break; // a fused block of its own
                }
                combined.extend(next);
                j += 1;
            }
            if j > i
                && let Some((replacement, note)) = read_block(&combined, true)
            {
                edits
                    .push(TextEdit::replace(spans[i].start..spans[j].end, replacement, RULE).with_note(note));
                i = j + 1;
                continue;
            }
        }
        i += 1;
    }
    edits
}

/// The cheap gate of an opening line: two cut candidates or more, wide enough for three
/// columns.
fn may_open(line: &str) -> bool {
    cut_candidates(line).len() >= 2 && cells(line) >= 3.0 * MIN_WIDTH
}

/// The cheap gate: a single space next to a wide character somewhere.
fn has_wide_space(text: &str) -> bool {
    memchr::memchr_iter(b' ', text.as_bytes()).any(|i| is_cut_candidate(text, i))
}

/// True when the space at byte `i` of `text` may be a cut: a single space between two
/// non-space characters, one of them wide.
fn is_cut_candidate(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    // A wide character is 3 bytes or more in UTF-8: look at the bytes around the space
    // before decoding anything.
    let wide_near = (i > 0 && b[i - 1] >= 0x80) || b.get(i + 1).is_some_and(|&c| c >= 0xC0);
    wide_near
        && {
            let before = text[..i].chars().next_back();
            let after = text[i + 1..].chars().next();
            matches!((before, after), (Some(b), Some(a)) if !a.is_whitespace() && !b.is_whitespace() && (wide(a) || wide(b)))
        }
}

fn wide(c: char) -> bool {
    is_cjk(c) || is_cjk_punct(c) || matches!(c as u32, 0xFF01..=0xFF60)
}

/// Where a line may be cut: byte offsets of single spaces between two non-space characters,
/// one of them wide.
fn cut_candidates(line: &str) -> Vec<usize> {
    if line.len() > MAX_LINE {
        return Vec::new();
    }
    memchr::memchr_iter(b' ', line.as_bytes()).filter(|&i| is_cut_candidate(line, i)).collect()
}

/// The column width of a block: the most frequent width (to the cell) of the text before the
/// first cut candidate that is at least [`MIN_WIDTH`] wide, on each line; between two as
/// frequent, the wider. `None` when fewer than [`MIN_FUSED`] lines agree (within a cell).
fn block_width(lines: &[&str], candidates: &[Vec<usize>]) -> Option<f32> {
    let mut counts: HashMap<u32, usize> = HashMap::default();
    for (line, cands) in lines.iter().zip(candidates) {
        let w = if cands.is_empty() {
            // A wrapped column line of its own (not a sentence's end, which may be short).
            Some(cells(line)).filter(|_| !ends_sentence(line))
        } else {
            cands.iter().map(|&c| cells(&line[..c])).find(|&w| w >= MIN_WIDTH)
        };
        if let Some(w) = w.filter(|&w| w >= MIN_WIDTH) {
            *counts.entry(w.round() as u32).or_default() += 1;
        }
    }
    let near =
        |k: u32| -> usize { counts.iter().filter(|(k2, _)| k2.abs_diff(k) <= 1).map(|(_, n)| n).sum() };
    let (best, n) = counts.keys().map(|&k| (k, near(k))).max_by_key(|&(k, n)| (n, k))?;
    // The widest width of the cluster: ragged lines fall short of the column, never over.
    let width = counts.keys().filter(|k| k.abs_diff(best) <= 1).max().copied().unwrap_or(best);
    (n >= MIN_FUSED).then_some(width as f32)
}

/// Cut `line` into its column lines: at each candidate where the text since the last cut is
/// a full column line of `width` cells.
fn fragments<'a>(line: &'a str, cands: &[usize], width: f32) -> Vec<&'a str> {
    let (lo, hi) = ((width * FULL).max(MIN_WIDTH), width + 1.0);
    let mut out = Vec::new();
    let mut start = 0;
    // The width since `start`, kept up to the last candidate looked at (each piece of the
    // line is measured once).
    let (mut w, mut measured) = (0.0, 0);
    for &c in cands {
        w += cells(&line[measured..c]);
        measured = c;
        if (lo..=hi).contains(&w) {
            out.push(&line[start..c]);
            start = c + 1;
            (w, measured) = (0.0, start);
        }
    }
    out.push(&line[start..]);
    out
}

/// One fragment: a column line.
struct Frag<'a> {
    text: &'a str,
    /// The line of the block it came from.
    row: usize,
}

/// How a column's line ends, for the junction with the next line of that column.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum End {
    /// A full line without a sentence end: the text goes on.
    Open,
    /// A short line that ends a sentence: a paragraph's end.
    Closed,
    /// Anything else (a title, a byline, a full line ending a sentence).
    Other,
}

fn end_of(text: &str, width: f32) -> End {
    let w = cells(text);
    if ends_sentence(text) && w <= width - 2.0 {
        End::Closed
    } else if !ends_sentence(text) && w >= width * FULL {
        End::Open
    } else {
        End::Other
    }
}

/// True when the text starts with punctuation that only continues a sentence.
fn starts_with_continuing_punct(text: &str) -> bool {
    text.chars().next().is_some_and(|c| {
        is_sentence_end(c)
            || matches!(c, '，' | '、' | '；' | '：' | '）' | '》' | '」' | '』' | ',' | ';' | ':')
    })
}

/// Read one block apart. Returns its replacement text and the edit's note, or `None` when
/// the block shows no fused columns.
///
/// `lines` are the block's lines with the pdftotext block each came from (a blank line is
/// kept between lines of two blocks in a column). With `opening`, the first line is an
/// opening line of three columns or more and the others follow column after column.
fn read_block(block: &[(&str, usize)], opening: bool) -> Option<(String, String)> {
    if block.len() < MIN_FUSED || block.len() > MAX_ROWS {
        return None;
    }
    let lines: Vec<&str> = block.iter().map(|(l, _)| *l).collect();
    let lines = &lines[..];
    let candidates: Vec<Vec<usize>> = lines.iter().map(|l| cut_candidates(l)).collect();
    if !opening && candidates.iter().filter(|c| !c.is_empty()).count() < MIN_FUSED {
        return None;
    }
    let width = block_width(lines, &candidates)?;
    let rows: Vec<Vec<&str>> = lines.iter().zip(&candidates).map(|(l, c)| fragments(l, c, width)).collect();
    // An opening line: three column lines or more, each of them full (the last too: the
    // columns' first lines are no paragraph's end), over at least two lines a column.
    let full = |t: &str| (width * FULL..=width + 1.0).contains(&cells(t));
    if opening && (rows[0].len() < 3 || !rows[0].iter().all(|t| full(t)) || rows.len() < 2 * rows[0].len()) {
        return None;
    }
    // Fused lines of columns differ; a line repeated (a fake-bold credit read three times) is
    // no evidence of columns.
    let distinct: std::collections::HashSet<&Vec<&str>> = rows.iter().filter(|r| r.len() > 1).collect();
    let fused = distinct.len();
    let columns = rows.iter().map(Vec::len).max().unwrap_or(1);
    // Several fused lines, or one line of three columns or more (the columns' first lines
    // share a baseline; pdftotext may then print each column's other lines in turn).
    let evidence = opening || fused >= MIN_FUSED && fused * 5 >= lines.len();
    if !evidence || columns > MAX_COLUMNS {
        return None;
    }
    let frags: Vec<Frag> =
        rows.iter().enumerate().flat_map(|(row, r)| r.iter().map(move |t| Frag { text: t, row })).collect();
    let narrow = frags.iter().filter(|f| cells(f.text) <= width + 1.0).count();
    if narrow * 10 < frags.len() * 8 {
        return None;
    }
    let ends: Vec<End> = frags.iter().map(|f| end_of(f.text.trim(), width)).collect();
    let mut junctions = Junctions { frags: &frags, width, memo: HashMap::default() };
    // Two readings of the block: the columns' lines in turns, or each column's lines in a
    // run. The text decides: the one whose reading order has the better junctions.
    let mut best: Option<(f32, Vec<usize>)> = None;
    let models: &[Model] = if opening { &[Model::Runs] } else { &[Model::Turns, Model::Runs] };
    for &model in models {
        let sources: Vec<usize> = block.iter().map(|(_, b)| *b).collect();
        let Some(a) = assign(&rows, &frags, &ends, &sources, columns, model, &mut junctions) else {
            continue;
        };
        let score = reading_score(&a, columns, &mut junctions);
        if best.as_ref().is_none_or(|(b, _)| score > *b) {
            best = Some((score, a));
        }
    }
    let (_, assignment) = best?;
    let mut streams: Vec<String> = vec![String::new(); columns];
    let mut from: Vec<Option<usize>> = vec![None; columns];
    for (f, &c) in frags.iter().zip(&assignment) {
        let source = block[f.row].1;
        match from[c] {
            None => {}
            // An opening line's part goes on in the block below it.
            Some(b) if b == source || opening && b == block[0].1 => streams[c].push('\n'),
            Some(_) => streams[c].push_str("\n\n"),
        }
        streams[c].push_str(f.text.trim());
        from[c] = Some(source);
    }
    let replacement = streams.iter().filter(|s| !s.is_empty()).cloned().collect::<Vec<_>>().join("\n\n");
    let note = format!(
        "{columns} columns of {width} cells; {fused} of {} lines cut into column lines; read column after column",
        lines.len()
    );
    Some((replacement, note))
}

/// A state of the beam search: the last fragment of each column, the columns that are
/// done (they get no more lines), and the score so far.
#[derive(Clone)]
struct State {
    last: Vec<Option<usize>>,
    done: u32,
    /// [`Model::Runs`]: the column of the last line of one fragment.
    floor: usize,
    /// The first fragment of each column.
    first: Vec<Option<usize>>,
    score: f32,
    /// Index into the history arena of the last row's choice.
    history: usize,
}

/// How pdftotext ordered the lines of the columns it took for one block.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Model {
    /// By baseline: the columns' lines come in turns.
    Turns,
    /// Each column's lines in a run, after a first line that fused them (the columns'
    /// first lines share a baseline): a line of one fragment never goes to a column left of
    /// the last such line's.
    Runs,
}

/// The junction scores of a block's fragments, computed once.
struct Junctions<'f, 'a> {
    frags: &'f [Frag<'a>],
    width: f32,
    memo: HashMap<(Option<usize>, usize), f32>,
}

impl Junctions<'_, '_> {
    /// What a column's last line `end` going on at the next column's top `top` adds to the
    /// score of `top` as a column's top (nothing without a last line).
    fn goes_on(&mut self, end: Option<usize>, top: usize) -> f32 {
        if end.is_none() {
            return 0.0;
        }
        self.get(end, top) - self.get(None, top)
    }

    fn get(&mut self, a: Option<usize>, b: usize) -> f32 {
        let (frags, width) = (self.frags, self.width);
        *self
            .memo
            .entry((a, b))
            .or_insert_with(|| junction_score(a.map(|a| frags[a].text), frags[b].text, width))
    }
}

/// The junction scores along the reading order of an assignment: column after column.
fn reading_score(assignment: &[usize], columns: usize, junctions: &mut Junctions) -> f32 {
    let mut prev = None;
    let mut score = 0.0;
    for c in 0..columns {
        for (f, _) in assignment.iter().enumerate().filter(|(_, a)| **a == c) {
            score += junctions.get(prev, f);
            prev = Some(f);
        }
    }
    score
}

/// Assign each fragment to a column (the result is indexed like `frags`); `None` when no
/// assignment is left (every state kept had done columns that a later line needed).
fn assign(
    rows: &[Vec<&str>],
    frags: &[Frag],
    ends: &[End],
    sources: &[usize],
    columns: usize,
    model: Model,
    junctions: &mut Junctions,
) -> Option<Vec<usize>> {
    // History arena: (parent, columns chosen for the row's fragments).
    let mut arena: Vec<(usize, Vec<usize>)> = vec![(usize::MAX, Vec::new())];
    let mut beam = vec![State {
        last: vec![None; columns],
        done: 0,
        floor: 0,
        first: vec![None; columns],
        score: 0.0,
        history: 0,
    }];
    let mut first = 0; // index of the row's first fragment
    for (r, row) in rows.iter().enumerate() {
        let n = row.len();
        // Runs: a pdftotext block below the first line stays in one column.
        let same_block = r > 1 && sources[r] == sources[r - 1] && rows[r - 1].len() == 1;
        let choices = increasing_tuples(columns, n);
        let mut next: HashMap<(Vec<Option<usize>>, u32, usize), State> = HashMap::default();
        for state in &beam {
            for choice in &choices {
                if choice.iter().any(|&c| state.done & (1 << c) != 0) {
                    continue;
                }
                if model == Model::Runs
                    && n == 1
                    && (choice[0] < state.floor || same_block && choice[0] != state.floor)
                {
                    continue;
                }
                let floor = if model == Model::Runs && n == 1 { choice[0] } else { state.floor };
                let mut score = state.score;
                let mut last = state.last.clone();
                let mut first_of = state.first.clone();
                if model == Model::Runs && floor > state.floor {
                    // The runs of the columns left behind end: each goes on at the top of
                    // the next column.
                    for c in state.floor..floor {
                        if let Some(top) = state.first[c + 1] {
                            score += junctions.goes_on(state.last[c], top);
                        }
                    }
                    // A column passed over keeps only its first line: a column's text does
                    // not stop after one line.
                    score -= SKIPPED * (floor - state.floor - 1) as f32;
                }
                // Columns that missed their turn: their last line is older than the
                // previous line of a column that gets one now.
                let mut waiting = 0u32;
                for (k, &c) in choice.iter().enumerate() {
                    let f = first + k;
                    score += junctions.get(state.last[c], f);
                    first_of[c].get_or_insert(f);
                    if let Some(prev) = state.last[c] {
                        let prev_row = frags[prev].row;
                        for d in 0..columns {
                            if model == Model::Turns
                                && d != c
                                && !choice.contains(&d)
                                && state.done & (1 << d) == 0
                                && state.last[d].is_some_and(|p| frags[p].row < prev_row)
                            {
                                waiting |= 1 << d;
                            }
                        }
                    }
                    last[c] = Some(f);
                }
                // A waiting column either pays for the missed turn or is done, which it can
                // be only where its text ends (not in the middle of a line's sentence).
                let finishable = (0..columns)
                    .filter(|&d| waiting & (1 << d) != 0)
                    .filter(|&d| state.last[d].is_some_and(|p| ends[p] != End::Open))
                    .fold(0u32, |m, d| m | (1 << d));
                let paid = score - OUT_OF_TURN * waiting.count_ones() as f32;
                let finished = score - OUT_OF_TURN * (waiting & !finishable).count_ones() as f32;
                let mut outcomes = vec![(state.done, paid)];
                if finishable != 0 {
                    outcomes.push((state.done | finishable, finished));
                }
                for (done, score) in outcomes {
                    let key = (last.clone(), done, floor);
                    if next.get(&key).is_none_or(|s| score > s.score) {
                        arena.push((state.history, choice.clone()));
                        let history = arena.len() - 1;
                        let first = first_of.clone();
                        next.insert(key, State { last: last.clone(), done, floor, first, score, history });
                    }
                }
            }
        }
        let mut states: Vec<State> = next.into_values().collect();
        states.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.last.cmp(&b.last))
                .then_with(|| a.done.cmp(&b.done))
                .then_with(|| a.floor.cmp(&b.floor))
        });
        // Keep the best state with no column done, whatever its rank: a later line may need
        // every column, and only such a state can take it.
        let open = states.iter().position(|s| s.done == 0).filter(|&i| i >= BEAM);
        if let Some(i) = open {
            states.swap(BEAM - 1, i);
        }
        states.truncate(BEAM);
        if states.is_empty() {
            return None;
        }
        beam = states;
        first += n;
    }
    // The best final state, with the junctions from each column's end to the next
    // column's top (a column's text goes on at the top of the next) counted in.
    let walk = |state: &State| -> Vec<usize> {
        let mut choices: Vec<&Vec<usize>> = Vec::with_capacity(rows.len());
        let mut h = state.history;
        while h != 0 {
            choices.push(&arena[h].1);
            h = arena[h].0;
        }
        choices.reverse();
        choices.into_iter().flatten().copied().collect()
    };
    let mut best: Option<(f32, Vec<usize>)> = None;
    for state in &beam {
        let a = walk(state);
        // Runs: the runs left behind were scored on the way; the rest end here.
        let score = match model {
            Model::Turns => state.score + across_columns(&a, columns, junctions),
            Model::Runs => {
                let mut score = state.score;
                for c in state.floor..columns - 1 {
                    if let Some(top) = state.first[c + 1] {
                        score += junctions.goes_on(state.last[c], top);
                    }
                }
                score
            }
        };
        if best.as_ref().is_none_or(|(b, _)| score > *b) {
            best = Some((score, a));
        }
    }
    best.map(|(_, a)| a)
}

/// What the junctions from each column's last line to the next column's first line add to
/// the columns' own scores (where a column's first line was scored as a column's top).
fn across_columns(assignment: &[usize], columns: usize, junctions: &mut Junctions) -> f32 {
    let mut firsts: Vec<Option<usize>> = vec![None; columns];
    let mut lasts: Vec<Option<usize>> = vec![None; columns];
    for (f, &c) in assignment.iter().enumerate() {
        firsts[c].get_or_insert(f);
        lasts[c] = Some(f);
    }
    let mut prev: Option<usize> = None;
    let mut score = 0.0;
    for c in 0..columns {
        if let Some(first) = firsts[c] {
            score += junctions.goes_on(prev, first);
            prev = lasts[c];
        }
    }
    score
}

/// All strictly increasing `n`-tuples of column indices below `columns`.
fn increasing_tuples(columns: usize, n: usize) -> Vec<Vec<usize>> {
    fn go(from: usize, columns: usize, n: usize, cur: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
        if cur.len() == n {
            out.push(cur.clone());
            return;
        }
        for c in from..columns {
            if columns - c < n - cur.len() {
                break;
            }
            cur.push(c);
            go(c + 1, columns, n, cur, out);
            cur.pop();
        }
    }
    let mut out = Vec::new();
    go(0, columns, n, &mut Vec::new(), &mut out);
    out
}

/// What the text shows at the junction of a column's line `a` (none at the column's top)
/// and the next line `b` of that column.
fn junction_score(a: Option<&str>, b: &str, width: f32) -> f32 {
    let b = b.trim();
    let end = a.map(|a| end_of(a.trim(), width));
    if starts_with_continuing_punct(b) {
        return match end {
            Some(End::Open) => PUNCT_CONTINUES,
            Some(End::Closed) | None => PUNCT_AFTER_END,
            Some(End::Other) => PUNCT_AFTER_END / 3.0,
        };
    }
    match (a, end) {
        (Some(a), Some(End::Open)) if spanning_word(a, b).is_some() => WORD_ACROSS + OPEN_GOES_ON,
        (Some(_), Some(End::Open)) => OPEN_GOES_ON,
        _ => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Page {
        let mut page = Page::new(text);
        FusedColumns.run(&mut page, &Context::default()).unwrap();
        page
    }

    /// The opening of generated page 003 as pdftotext's default mode wrote it.
    const FUSED: &str = "本报讯市委副书记、市长周军波近日赴市民兵训
上个星期刚签约的艾本德中国技术中心平湖项
练中心，实地视察今年上半年征兵工作开展情况。市 目，主要生产艾本德明星产品离心机。项目计划于
领导李文健、许静参加。
2024年初投产，一期达产后预计年产值可达5亿元，
“大家工作辛苦了！”“今年参与征兵体检的人 亩均产值将突破9000万元。该项目的到来，进一步
数有多少？合格率怎么样？”一到市民兵训练中心， 丰富了我市生物医药产业链发展，其签约落地正是平
周军波就走进各体检科室，向工作人员表示慰问，并 湖推动产业链招商的有力证明。为推动产业链招商取
认真察看征兵体检流程，详细了解了应征青年的体检 得实效，我市成立了8个产业链招商工作组，实现
情况。在得知今年我市征兵工作开展顺利，应征青年 “挂帅领导（链长）+牵头单位（副链长）+产业分
";

    #[test]
    fn fused_columns_are_read_apart() {
        let page = run(FUSED);
        assert_eq!(
            page.text(),
            "本报讯市委副书记、市长周军波近日赴市民兵训
练中心，实地视察今年上半年征兵工作开展情况。市
领导李文健、许静参加。
“大家工作辛苦了！”“今年参与征兵体检的人
数有多少？合格率怎么样？”一到市民兵训练中心，
周军波就走进各体检科室，向工作人员表示慰问，并
认真察看征兵体检流程，详细了解了应征青年的体检
情况。在得知今年我市征兵工作开展顺利，应征青年

上个星期刚签约的艾本德中国技术中心平湖项
目，主要生产艾本德明星产品离心机。项目计划于
2024年初投产，一期达产后预计年产值可达5亿元，
亩均产值将突破9000万元。该项目的到来，进一步
丰富了我市生物医药产业链发展，其签约落地正是平
湖推动产业链招商的有力证明。为推动产业链招商取
得实效，我市成立了8个产业链招商工作组，实现
“挂帅领导（链长）+牵头单位（副链长）+产业分
"
        );
        assert_eq!(page.log().undo(page.text()), FUSED);
        assert!(page.log().edits()[0].note.as_deref().unwrap().contains("2 columns"));
        // A second run finds nothing to cut.
        assert!(run(page.text()).log().is_empty());
    }

    #[test]
    fn spaces_inside_a_column_are_not_cuts() {
        for text in [
            "■记者 胡琳霞 沈辉建\n通讯员 唐梓涛 武平\n\n溪岳新闻\n2025年2月5日 星期三\n本报记者 毛 睿 莫静峰\n",
            // Clean text: one paragraph a line, a byline with spaces.
            "本报记者 王强 通讯员 李明\n本报讯今年以来，我省持续推进乡村振兴，全省共建成示范村一百多个，带动农民增收致富。\n近日，市委召开常委会会议 研究部署下一阶段重点工作。会议强调，要坚持稳中求进工作总基调。\n",
        ] {
            let page = run(text);
            assert!(page.log().is_empty(), "fired on {text}");
        }
    }

    #[test]
    fn wrap_points_turned_to_spaces_are_not_columns() {
        // Seed 002's shape: one column's wrapped lines joined by spaces into a paragraph.
        let text = "本报讯 昨天,市委常委会 会议暨市委学习贯彻习近平新时 代中国特色社会主义思想主题教 育领导小组第一次会议召开,学 习习近平总书记在二十届中央政 治局第四次集体学习时和在学习 贯彻习近平新时代中国特色社会 主义思想主题教育工作会议上的\n\
会议强调,要高站位开展主 题教育。习近平总书记关于主题 教育的系列重要讲话,为我们抓 好主题教育指明了方向、提供了 遵循、明确了坐标。要深入学习 贯彻习近平总书记重要讲话精 神,以高度的政治自觉、严肃的政\n\
会议指出,要高标准完成各 项任务。要把牢主题教育工作方 得实效。要把握主题教育的工作 化发展首位战略等具有平湖辨 识度的元素,体现平湖特色。\n";
        assert!(run(text).log().is_empty());
    }

    /// Generated page 009: the first lines of four columns fused on a block of their own,
    /// each column's other lines in a block below it.
    const OPENING: &str = "（上接第1版）党建强，则根 景？市委组织部常务副部长、市 和党员干部勇猛精进、勇争一 十大精神开局之年，也是平湖

基稳；根基稳，则社会兴。如何
为打造中国式现代化的金平湖璀
程给出了答案。
建强基”，新工程有着怎样的新

党建强基工程指挥部办公室主任
何小云表示，新一年，党建强基
个高地”，推动全市各级党组织

流，为打造长三角城市群重要中
心城市璀璨明珠夯实党建基础。
的队伍保证；在全面贯彻党的二

着“七连捷”创新奋进之年，党
建强基全新启航。一个工程的迭
";

    #[test]
    fn an_opening_line_goes_to_the_tops_of_the_columns_below() {
        let page = run(OPENING);
        let streams: Vec<&str> = page.text().split("\n\n").collect();
        assert_eq!(streams.len(), 4, "{}", page.text());
        assert!(streams[0].starts_with("（上接第1版）党建强，则根\n基稳；"), "{}", page.text());
        assert!(streams[1].starts_with("景？市委组织部常务副部长、市\n党建强基"), "{}", page.text());
        assert!(streams[2].starts_with("和党员干部勇猛精进、勇争一\n流，"), "{}", page.text());
        assert!(streams[3].starts_with("十大精神开局之年，也是平湖\n着“七连捷”"), "{}", page.text());
        assert_eq!(page.log().undo(page.text()), OPENING);
        assert!(run(page.text()).log().is_empty());
    }

    #[test]
    fn a_line_of_credits_is_no_opening_line() {
        // Seed 000's footer: spaces between credits, the last item a long notice.
        let text = "本社常年法律顾问/浙江天卓律师事务所 孙伟强律师 电话0573-85286100编辑/戴 琰 电话/85018195 版式/李春霞 校对/张 真 本报及所属新媒体刊登的所有原创内容，未经本报授权，一律不得复制、转载、摘编。

本报讯今年以来，我省持续推进
乡村振兴，全省共建成示范村一
百多个，带动农民增收，成效明

显。各地因地制宜，发展特色产
业，群众得到实惠。
";
        assert!(run(text).log().is_empty());
        // Two columns' first lines are not enough to read the blocks below as columns.
        let two = "本报讯今年以来，我省持续推进 近日，市委召开常委会会议，研\n\n乡村振兴，全省共建成示范村一\n百多个，带动农民增收，成效明\n\n究部署下一阶段重点工作。会议\n强调，要坚持稳中求进工作总基\n";
        assert!(run(two).log().is_empty());
        // A credit line read three times (found by the property test).
        let thrice = "业务。\u{3000}新华社记者 胡侃 摄\n".repeat(3);
        assert!(run(&thrice).log().is_empty());
    }

    #[test]
    fn the_turns_decide_where_the_text_is_silent() {
        // Lines that share no baseline come in turns; without evidence, the turns decide.
        let text = "甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲一 乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙一
甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲二
乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙二
甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲三 乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙三
甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲四 乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙四
甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲五
乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙五
";
        let page = run(text);
        let streams: Vec<&str> = page.text().split("\n\n").collect();
        assert_eq!(streams.len(), 2, "{}", page.text());
        assert!(streams[0].lines().all(|l| l.starts_with('甲')), "{}", page.text());
        assert!(streams[1].lines().all(|l| l.starts_with('乙')), "{}", page.text());
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// Columns of wrapped lines (`width` characters; a paragraph's last line shorter,
        /// ending in 。) and a schedule: at each step the columns that print a line there
        /// (one line alone, or several fused with one space, as pdftotext writes them).
        fn fused_page() -> impl Strategy<Value = (Vec<Vec<String>>, String)> {
            (2usize..=4, 10usize..=18).prop_flat_map(|(k, width)| {
                let line = prop_oneof![
                    4 => proptest::collection::vec("[党建强基稳社会兴如何打造中国式现代化]", width)
                        .prop_map(|v| v.concat()),
                    1 => proptest::collection::vec("[党建强基稳社会兴如何打造]", 2..width - 1)
                        .prop_map(|v| v.concat() + "。"),
                ];
                let columns = proptest::collection::vec(proptest::collection::vec(line, 4..10), k);
                let schedule = proptest::collection::vec(proptest::collection::vec(any::<bool>(), k), 40);
                (columns, schedule).prop_map(|(columns, schedule)| {
                    let mut next = vec![0usize; columns.len()];
                    let mut out = String::new();
                    let mut step = 0;
                    while next.iter().zip(&columns).any(|(n, c)| *n < c.len()) {
                        let pick = &schedule[step % schedule.len()];
                        step += 1;
                        let mut chosen: Vec<usize> =
                            (0..columns.len()).filter(|&c| pick[c] && next[c] < columns[c].len()).collect();
                        if chosen.is_empty() {
                            // The schedule picks none that has lines left: the first that has.
                            chosen.extend((0..columns.len()).find(|&c| next[c] < columns[c].len()));
                        }
                        let mut row: Vec<&str> = Vec::new();
                        for c in chosen {
                            row.push(columns[c][next[c]].as_str());
                            next[c] += 1;
                        }
                        // pdftotext fuses a line with the next column's only where it runs to the
                        // gutter: a paragraph's short last line ends the printed line.
                        let mut printed = String::new();
                        for piece in row {
                            if !printed.is_empty() {
                                printed.push(' ');
                            }
                            printed.push_str(piece);
                            if piece.ends_with('。') {
                                out.push_str(&printed);
                                out.push('\n');
                                printed.clear();
                            }
                        }
                        if !printed.is_empty() {
                            out.push_str(&printed);
                            out.push('\n');
                        }
                    }
                    (columns, out)
                })
            })
        }

        proptest! {
            #![proptest_config(ProptestConfig {
                cases: 64,
                rng_seed: proptest::test_runner::RngSeed::Fixed(0x6675_7365),
                ..ProptestConfig::default()
            })]

            /// Lossless, a fixed point, and every line written is a whole column line of the
            /// input, in its column's order.
            #[test]
            fn read_apart_losslessly((columns, text) in fused_page()) {
                let page = run(&text);
                prop_assert_eq!(page.log().undo(page.text()), text.clone());
                prop_assert!(run(page.text()).log().is_empty(), "second run changed:\n{}", page.text());
                if !page.log().is_empty() {
                    for stream in page.text().split("\n\n") {
                        for line in stream.lines() {
                            prop_assert!(columns.iter().flatten().any(|l| l == line), "not a column line: {}", line);
                        }
                    }
                }
            }
        }
    }
}
