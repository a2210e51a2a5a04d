//! Two columns interleaved in runs of a few lines, read apart: part of the reading-order pass
//! ([`crate::reading_order`]), under rule `layout.reading-order.interleaved`.
//!
//! # What it does
//! Extraction that orders lines by their baselines interleaves two columns of one width in
//! runs of one to three lines (`A1 A2 B1 A3 B2 B3 A4 …`). A *stretch* is a run of printed
//! lines ([`Piece`]s: lines, or a line's space-separated wrap segments) with no blank line,
//! no other text and no line of another width between them: every line is a full printed line
//! of the page's column width and has CJK text. A search over the stretch (dynamic
//! programming, linear in its length) splits it into alternating runs: the first run and a
//! last run of stream B may be of any length, every other run has one to three lines. A
//! split is scored by the junctions it makes, a run's first line after the last line of the
//! run before the previous one (the same stream's last line):
//! - a dictionary word across the new junction (jieba, [`crate::words::spanning_word`]), or
//!   a line that starts with a comma or stop after an open line, counts for it;
//! - an open line (no sentence end) that no word ties to the line after it counts against it;
//! - a junction the split breaks may show no word and no such comma: then the lines stay
//!   (a word across the break is evidence they are in order), and neither may a new junction
//!   put a comma after a sentence's end.
//!
//! The best split is written only when its new junctions show at least [`MIN_WORDS`] words,
//! twice as many words as silent open lines, and a word in each stream (evidence for one
//! stream only leaves the lines where they are). Stream B's runs that stand before stream A's
//! last line are moved, each with the separator before it, to after that line: one delete per
//! run and one insertion, each with a note naming the words that decided it.
//!
//! # When it must not fire
//! One column's wrapped prose (a word spans most of its junctions, and any split has to break
//! some of them every three lines); lines of another width (poems, lists, tables, titles);
//! Latin text (no dictionary words span its line breaks); clean text (one paragraph a line,
//! no lines of a column width); evidence on one side only, or weak.

use std::ops::Range;

use newsclean_core::chars::{is_cjk, is_cjk_punct};

use crate::text::ends_sentence;
use crate::words::spanning_word;

/// The rule id of the edits.
pub const RULE: &str = "layout.reading-order.interleaved";
/// Fewest new junctions that a word (or a continuing comma) must span.
pub const MIN_WORDS: usize = 2;
/// Longest run of one column inside the interleaved part.
const MAX_RUN: usize = 3;

/// What the search decided for one stretch: the pieces of stream B to move after `after`
/// (a piece index), the words that decided it, and how many junctions it breaks.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Deinterleave {
    /// Stream B's runs that move, as piece index ranges, in order.
    pub runs: Vec<Range<usize>>,
    /// The piece after which they go (stream A's last line).
    pub after: usize,
    /// The words across the new junctions.
    pub words: Vec<String>,
    /// Junctions broken (none shows a word).
    pub broken: usize,
}

/// The evidence at a junction of `before` and `after`.
#[derive(Clone, Debug, PartialEq)]
enum Junction {
    /// A word (or a comma after an open line) ties them.
    Tied(String),
    /// A comma or stop after a sentence's end: they cannot follow each other.
    Impossible,
    /// `before` ends a sentence: nothing to say.
    Neutral,
    /// `before` is open and nothing ties `after` to it.
    Silent,
}

fn junction(before: &str, after: &str) -> Junction {
    let starts_punct = after
        .trim_start()
        .chars()
        .next()
        .is_some_and(|c| matches!(c, '，' | '。' | '、' | '；' | '：' | '！' | '？'));
    let ends = ends_sentence(before);
    if starts_punct {
        return if ends {
            Junction::Impossible
        } else {
            Junction::Tied(format!("|{}", after.trim_start().chars().next().unwrap_or('，')))
        };
    }
    if ends {
        return Junction::Neutral;
    }
    match spanning_word(before, after) {
        Some(w) => Junction::Tied(w),
        None => Junction::Silent,
    }
}

/// Score of a tied new junction, and of a silent one.
const TIED: f32 = 1.0;
const SILENT: f32 = -1.0;
/// A tie-breaker: where two splits have the same words, the one with more turns.
const SWITCH: f32 = 0.01;

/// What a junction in the reading counts.
fn value(j: &Junction) -> f32 {
    match j {
        Junction::Tied(_) => TIED,
        Junction::Silent => SILENT,
        Junction::Neutral | Junction::Impossible => 0.0,
    }
}

/// One DP state: current run length (capped at `MAX_RUN + 1`), whether there was a run
/// before it, and the current run's stream (0: A, 1: B).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct State {
    run: usize,
    had_prev: bool,
    stream: usize,
}

fn state_index(s: State) -> usize {
    (s.run - 1) * 4 + usize::from(s.had_prev) * 2 + s.stream
}

const STATES: usize = (MAX_RUN + 1) * 4;

/// Split `lines` (one stretch's printed lines, in page order) into two interleaved streams;
/// `None` when no split is clearly better than the order they are in. Indices in the answer
/// are into `lines`.
pub(crate) fn deinterleave(lines: &[&str]) -> Option<Deinterleave> {
    let n = lines.len();
    if n < 4 {
        return None;
    }
    // Broken junctions allowed: no word, no comma tying the lines.
    let here: Vec<Junction> = (0..n - 1).map(|i| junction(lines[i], lines[i + 1])).collect();
    let breakable: Vec<bool> =
        here.iter().map(|j| matches!(j, Junction::Neutral | Junction::Silent)).collect();
    // best[i][state] = (score, back pointer (previous state index, switched))
    const NONE: f32 = f32::NEG_INFINITY;
    let mut best = vec![[NONE; STATES]; n];
    let mut back = vec![[usize::MAX; STATES]; n];
    best[0][state_index(State { run: 1, had_prev: false, stream: 0 })] = 0.0;
    for i in 0..n - 1 {
        for si in 0..STATES {
            let score = best[i][si];
            if score == NONE {
                continue;
            }
            let s = State { run: si / 4 + 1, had_prev: (si / 2) % 2 == 1, stream: si % 2 };
            let long_ok = !s.had_prev || s.stream == 1;
            // Stay in the run: the junction is kept, and what it shows counts as well.
            if s.run < MAX_RUN || long_ok {
                let t = State { run: (s.run + 1).min(MAX_RUN + 1), ..s };
                let ti = state_index(t);
                let kept = score + value(&here[i]);
                if kept > best[i + 1][ti] {
                    best[i + 1][ti] = kept;
                    back[i + 1][ti] = si;
                }
            }
            // Switch to the other stream at line i + 1.
            if !breakable[i] || (s.run > MAX_RUN && s.had_prev) {
                continue;
            }
            // Where the words are even, lines in turns are the likelier reading.
            let mut gain = SWITCH;
            if s.had_prev {
                // The other stream's last line ended the run before this one.
                let j = i - s.run;
                match junction(lines[j], lines[i + 1]) {
                    Junction::Impossible => continue,
                    j => gain += value(&j),
                }
            }
            let t = State { run: 1, had_prev: true, stream: 1 - s.stream };
            let ti = state_index(t);
            if score + gain > best[i + 1][ti] {
                best[i + 1][ti] = score + gain;
                back[i + 1][ti] = si + STATES;
            }
        }
    }
    // A valid end: a run before it, and a last run of stream A no longer than MAX_RUN.
    let end = (0..STATES)
        .filter(|&si| best[n - 1][si] > NONE)
        .filter(|&si| {
            let s = State { run: si / 4 + 1, had_prev: (si / 2) % 2 == 1, stream: si % 2 };
            s.had_prev && (s.stream == 1 || s.run <= MAX_RUN)
        })
        .max_by(|&a, &b| best[n - 1][a].total_cmp(&best[n - 1][b]).then(b.cmp(&a)))?;
    // Walk back: the stream of every line.
    let mut stream = vec![0usize; n];
    let mut si = end;
    for i in (0..n).rev() {
        stream[i] = si % 2;
        if i > 0 {
            si = back[i][si] % STATES;
        }
    }
    // The runs, and the evidence at every new junction.
    let mut runs: Vec<(usize, Range<usize>)> = Vec::new();
    for (i, &s) in stream.iter().enumerate() {
        match runs.last_mut() {
            Some((rs, r)) if *rs == s => r.end = i + 1,
            _ => runs.push((s, i..i + 1)),
        }
    }
    let (mut words, mut silent, mut sides) = (Vec::new(), 0usize, [false; 2]);
    for k in 2..runs.len() {
        match junction(lines[runs[k - 2].1.end - 1], lines[runs[k].1.start]) {
            Junction::Tied(w) => {
                words.push(w);
                sides[runs[k].0] = true;
            }
            Junction::Silent => silent += 1,
            Junction::Neutral => {}
            Junction::Impossible => return None,
        }
    }
    // Both streams show a word of their own, and the words outweigh the silence.
    if words.len() < MIN_WORDS || words.len() < 2 * silent || sides != [true; 2] {
        return None;
    }
    let after = runs.iter().rev().find(|(s, _)| *s == 0).map(|(_, r)| r.end - 1)?;
    let moved: Vec<Range<usize>> =
        runs.iter().filter(|(s, r)| *s == 1 && r.end <= after).map(|(_, r)| r.clone()).collect();
    if moved.is_empty() {
        return None;
    }
    Some(Deinterleave { runs: moved, after, words, broken: runs.len() - 1 })
}

/// True when a piece's text can stand in a stretch: CJK text, no more than `slack` cells
/// from the column width `width`.
pub(crate) fn stretch_line(text: &str, cells: f32, width: Option<f32>, slack: f32, min_chars: usize) -> bool {
    width.is_some_and(|w| (cells - w).abs() <= slack)
        && text.chars().filter(|c| is_cjk(*c)).count() >= min_chars
        && !text.chars().next().is_some_and(|c| is_cjk_punct(c) && matches!(c, '【' | '■' | '●'))
}

#[cfg(test)]
mod tests_data {
    /// Two columns of 13 characters, A's and B's lines in turns.
    pub const A: [&str; 6] = [
        "本报讯今年以来，我省持续推",
        "进乡村振兴工作，在主题教育",
        "中紧紧围绕新的发展目标和任",
        "务，坚持全面融入长三角一体",
        "化发展首位战略等具有平湖辨",
        "识度的元素，取得明显成效。",
    ];
    pub const B: [&str; 6] = [
        "据介绍，下一步将继续加大财",
        "政投入，推动各项工作全面落",
        "实，确保走深走实、力求成",
        "效，会议要求要高质量交出答",
        "卷，充分用好总书记留下的宝",
        "贵理论实践和精神财富之源。",
    ];
}

#[cfg(test)]
mod tests {
    use super::tests_data::*;
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        text.lines().collect()
    }

    #[test]
    fn lines_in_turns_are_read_apart() {
        let lines: Vec<&str> = (0..6).flat_map(|k| [A[k], B[k]]).collect();
        let d = deinterleave(&lines).expect("read apart");
        assert_eq!(d.after, 10, "{d:?}");
        assert!(d.words.len() >= 4, "{d:?}");
    }

    #[test]
    fn runs_of_two_and_one_are_read_apart() {
        let lines = vec![A[0], A[1], B[0], A[2], B[1], B[2], A[3], A[4], B[3], A[5], B[4], B[5]];
        let d = deinterleave(&lines).expect("read apart");
        assert_eq!(d.after, 9, "{d:?}");
        assert_eq!(d.runs, vec![2..3, 4..6, 8..9], "{d:?}");
    }

    #[test]
    fn one_column_in_order_stays() {
        let lines: Vec<&str> = A.iter().chain(B.iter()).copied().collect();
        assert_eq!(deinterleave(&lines), None);
        assert_eq!(deinterleave(&A), None);
    }

    #[test]
    fn wrapped_prose_is_never_split() {
        let prose = "会议强调，要高站位开展主\n题教育。习近平总书记关于主题\n教育的系列重要讲话，为我们抓\n好主题教育指明了方向、提供了\n遵循、明确了坐标。要深入学习\n贯彻习近平总书记重要讲话精\n神，以高度的政治自觉、严肃的政\n治态度、饱满的政治热情，高质量\n开展主题教育，确保走深走实、见\n实效。要明确主题教育的整体安\n排，市委主题教育领导小组各成\n员单位及办公室要充分发挥好统";
        assert_eq!(deinterleave(&split(prose)), None);
    }
}
