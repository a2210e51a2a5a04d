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
//!    dictionary word across the junction (jieba) continues it too. Lines of one column
//!    come in turns with the other columns' (pdftotext orders them by baseline): a column
//!    that gets a second line before another column has had one since costs a little, so
//!    that the turns decide where the text is silent.
//!
//! # When it must not fire
//! Text that no one fused: a line with a space inside (a byline `本报记者 王 强`, a date
//! `2025年2月5日 星期三`) is cut only where the text before the space is a full column line,
//! and a block needs several such lines. Clean text (one paragraph a line) has no lines of
//! one width. Space-separated wrap segments of one column (seed 002) run to ten or more a
//! line. The rewritten block has no cut left, so a second run changes nothing.

use std::collections::HashMap;
use std::ops::Range;

use newsclean_core::chars::{is_cjk, is_cjk_punct, is_sentence_end};
use newsclean_core::{Block, BlockKind, Context, Page, Pass, PassError, TextEdit};

use crate::text::{cells, ends_sentence};
use crate::words::spanning_word;

/// The rule id of the edits.
pub const RULE: &str = "layout.fused-columns";
/// The text before a cut is at least this share of the column width.
pub const FULL: f32 = 0.75;
/// The narrowest column (cells) read apart.
pub const MIN_WIDTH: f32 = 8.0;
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
        if page.blocks().iter().all(|b| b.kind == BlockKind::Unknown) {
            let blocks = segment(page.text());
            page.set_blocks(blocks);
        }
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
    for block in blocks(text) {
        let lines: Vec<&str> = text[block.clone()].split('\n').collect();
        if let Some((replacement, note)) = read_block(&lines) {
            edits.push(TextEdit::replace(block, replacement, RULE).with_note(note));
        }
    }
    edits
}

/// The cheap gate: a single space next to a wide character somewhere.
fn has_wide_space(text: &str) -> bool {
    text.match_indices(' ').any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + 1..].chars().next();
        matches!((before, after), (Some(b), Some(a)) if !a.is_whitespace() && !b.is_whitespace() && (wide(a) || wide(b)))
    })
}

fn wide(c: char) -> bool {
    is_cjk(c) || is_cjk_punct(c) || matches!(c as u32, 0xFF01..=0xFF60)
}

/// Byte ranges of the runs of non-blank lines of `text` (without their last newline).
fn blocks(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<Range<usize>> = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let r = at..at + body.len();
        at += line.len();
        if body.trim().is_empty() {
            out.extend(open.take());
        } else {
            open = Some(open.map_or(r.clone(), |o| o.start..r.end));
        }
    }
    out.extend(open);
    out
}

/// Where a line may be cut: byte offsets of single spaces between two non-space characters,
/// one of them wide.
fn cut_candidates(line: &str) -> Vec<usize> {
    if line.len() > MAX_LINE {
        return Vec::new();
    }
    line.match_indices(' ')
        .filter(|&(i, _)| {
            let before = line[..i].chars().next_back();
            let after = line[i + 1..].chars().next();
            matches!((before, after), (Some(b), Some(a)) if !a.is_whitespace() && !b.is_whitespace() && (wide(a) || wide(b)))
        })
        .map(|(i, _)| i)
        .collect()
}

/// The column width of a block: the most frequent width (to the cell) of the text before the
/// first cut candidate that is at least [`MIN_WIDTH`] wide, on each line; between two as
/// frequent, the wider. `None` when fewer than [`MIN_FUSED`] lines agree (within a cell).
fn block_width(lines: &[&str], candidates: &[Vec<usize>]) -> Option<f32> {
    let mut counts: HashMap<u32, usize> = HashMap::new();
    for (line, cands) in lines.iter().zip(candidates) {
        if let Some(w) = cands.iter().map(|&c| cells(&line[..c])).find(|&w| w >= MIN_WIDTH) {
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
    for &c in cands {
        if c < start {
            continue;
        }
        let w = cells(&line[start..c]);
        if (lo..=hi).contains(&w) {
            out.push(&line[start..c]);
            start = c + 1;
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
fn read_block(lines: &[&str]) -> Option<(String, String)> {
    if lines.len() < MIN_FUSED {
        return None;
    }
    let candidates: Vec<Vec<usize>> = lines.iter().map(|l| cut_candidates(l)).collect();
    if candidates.iter().filter(|c| !c.is_empty()).count() < MIN_FUSED {
        return None;
    }
    let width = block_width(lines, &candidates)?;
    let rows: Vec<Vec<&str>> = lines.iter().zip(&candidates).map(|(l, c)| fragments(l, c, width)).collect();
    let fused = rows.iter().filter(|r| r.len() > 1).count();
    let columns = rows.iter().map(Vec::len).max().unwrap_or(1);
    if fused < MIN_FUSED || fused * 5 < lines.len() || columns > MAX_COLUMNS {
        return None;
    }
    let frags: Vec<Frag> =
        rows.iter().enumerate().flat_map(|(row, r)| r.iter().map(move |t| Frag { text: t, row })).collect();
    let narrow = frags.iter().filter(|f| cells(f.text) <= width + 1.0).count();
    if narrow * 10 < frags.len() * 8 {
        return None;
    }
    let assignment = assign(&rows, &frags, columns, width)?;
    let mut streams: Vec<Vec<&str>> = vec![Vec::new(); columns];
    for (f, &c) in frags.iter().zip(&assignment) {
        streams[c].push(f.text.trim());
    }
    let replacement =
        streams.iter().filter(|s| !s.is_empty()).map(|s| s.join("\n")).collect::<Vec<_>>().join("\n\n");
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
    score: f32,
    /// Index into the history arena of the last row's choice.
    history: usize,
}

/// Assign each fragment to a column (the result is indexed like `frags`); `None` when no
/// assignment is left (every state kept had done columns that a later line needed).
fn assign(rows: &[Vec<&str>], frags: &[Frag], columns: usize, width: f32) -> Option<Vec<usize>> {
    let ends: Vec<End> = frags.iter().map(|f| end_of(f.text.trim(), width)).collect();
    let mut junctions: HashMap<(Option<usize>, usize), f32> = HashMap::new();
    let mut junction = |a: Option<usize>, b: usize| -> f32 {
        *junctions
            .entry((a, b))
            .or_insert_with(|| junction_score(a.map(|a| frags[a].text), frags[b].text, width))
    };
    // History arena: (parent, columns chosen for the row's fragments).
    let mut arena: Vec<(usize, Vec<usize>)> = vec![(usize::MAX, Vec::new())];
    let mut beam = vec![State { last: vec![None; columns], done: 0, score: 0.0, history: 0 }];
    let mut first = 0; // index of the row's first fragment
    for row in rows {
        let n = row.len();
        let choices = increasing_tuples(columns, n);
        let mut next: HashMap<(Vec<Option<usize>>, u32), State> = HashMap::new();
        for state in &beam {
            for choice in &choices {
                if choice.iter().any(|&c| state.done & (1 << c) != 0) {
                    continue;
                }
                let mut score = state.score;
                let mut last = state.last.clone();
                // Columns that missed their turn: their last line is older than the
                // previous line of a column that gets one now.
                let mut waiting = 0u32;
                for (k, &c) in choice.iter().enumerate() {
                    let f = first + k;
                    score += junction(state.last[c], f);
                    if let Some(prev) = state.last[c] {
                        let prev_row = frags[prev].row;
                        for d in 0..columns {
                            if d != c
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
                    let key = (last.clone(), done);
                    if next.get(&key).is_none_or(|s| score > s.score) {
                        arena.push((state.history, choice.clone()));
                        let history = arena.len() - 1;
                        next.insert(key, State { last: last.clone(), done, score, history });
                    }
                }
            }
        }
        let mut states: Vec<State> = next.into_values().collect();
        states.sort_by(|a, b| {
            b.score.total_cmp(&a.score).then_with(|| a.last.cmp(&b.last)).then_with(|| a.done.cmp(&b.done))
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
    // Walk the best state's history back.
    let mut choices: Vec<&Vec<usize>> = Vec::with_capacity(rows.len());
    let mut h = beam[0].history;
    while h != 0 {
        choices.push(&arena[h].1);
        h = arena[h].0;
    }
    choices.reverse();
    Some(choices.into_iter().flatten().copied().collect())
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

/// Blocks over `text`: runs of lines that are not blank.
fn segment(text: &str) -> Vec<Block> {
    blocks(text).into_iter().map(Block::new).collect()
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
}
