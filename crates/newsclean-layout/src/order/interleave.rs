//! Two columns interleaved in runs of a few lines, read apart: part of the reading-order pass
//! ([`crate::reading_order`]), under rule `layout.reading-order.interleaved`.
//!
//! # What it does
//! Extraction that orders lines by their baselines interleaves two columns of one width in
//! turns: strictly (`A B A B …`) where the columns share a line pitch, in a regular pattern of
//! runs of one to three lines (`A A B A A B …`) where their pitches differ. A *stretch* is a
//! run of printed lines ([`Piece`](crate::reading_order)s: lines, or a line's space-separated
//! wrap segments) with no blank line, no other text and no line of another width between
//! them: every line is a full printed line of the page's column width and has CJK text. Each
//! regular pattern of period two to four ([`patterns`], every phase: about forty readings) is
//! scored over the stretch by the junctions of its reading, each stream's lines in order:
//! - a dictionary word across a junction (jieba, [`crate::words::spanning_word`]), or a line
//!   that starts with a comma or stop after an open line, counts one for it;
//! - an open line (no sentence end) that nothing ties to the next counts one against it;
//! - a junction the reading breaks must show no word and no such comma (a word across it is
//!   evidence the lines are in order), and no junction may put a comma after a sentence's end.
//!
//! The best reading is written only when its new junctions show at least [`MIN_WORDS`] words,
//! a word in each stream (evidence for one stream only leaves the lines where they are), no
//! more silent open lines than words, and its score beats the printed order's by
//! [`MIN_MARGIN`] and the next best reading's by [`MIN_GAP`]. Stream B's runs that stand
//! before stream A's last line are moved, each with the separator before it, to after that
//! line: one delete per run and one insertion, each with a note naming the words that decided
//! it. The work is linear in the page: a fixed number of readings per stretch, each scored in
//! one walk.
//!
//! # When it must not fire
//! One column's wrapped prose (a word spans many of its junctions, and every reading breaks
//! some); two columns one after the other; lines of another width (poems, lists, tables,
//! titles); Latin text (no dictionary words span its line breaks); clean text (one paragraph
//! a line, no lines of a column width); evidence on one side only, or weak, or two readings
//! near each other.
//!
//! # Limits
//! Only regular turns are read. Turns with no pattern (runs of one to three lines at random)
//! are not a reading it knows: the nearest pattern may fit the words as well, so such text is
//! not what it is for (baseline order gives regular turns inside a stretch, where neither
//! column has a paragraph break). Three or more columns in turns, and Latin columns, are left.

use std::ops::Range;

use newsclean_core::chars::{is_cjk, is_cjk_punct};

use crate::text::ends_sentence;
use crate::words::spanning_word;

/// The rule id of the edits.
pub const RULE: &str = "layout.reading-order.interleaved";
/// Fewest new junctions that a word (or a continuing comma) must span.
pub const MIN_WORDS: usize = 2;
/// How much better (in words across junctions, less silent junctions) the new reading must
/// be than the printed one. On the seeds and the development realpages no stretch printed in
/// order reaches 3; the gold seeds' paragraphs interleaved on purpose reach 5 to 13.
pub const MIN_MARGIN: f32 = 4.5;
/// The farthest a stream's line before can stand in a pattern (`AAAB`: four lines).
const MAX_BACK: usize = 4;
/// How much better the best reading must be than the next best one.
pub const MIN_GAP: f32 = 2.0;

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

/// What a junction in the reading counts.
fn value(j: &Junction) -> f32 {
    match j {
        Junction::Tied(_) => TIED,
        Junction::Silent => SILENT,
        Junction::Neutral | Junction::Impossible => 0.0,
    }
}

/// The turn patterns tried: one period of a stream sequence (`false`: stream A), every
/// period of two to four lines with both streams (runs of one to three lines). Two columns
/// of one line pitch come in strict turns (`AB`); pitches in a ratio of 2:1 or 3:1 give
/// `AAB`, `AAAB`; 3:2 gives `AABAB`… read as `AAB`/`AB` mixtures over a short stretch.
fn patterns() -> Vec<Vec<bool>> {
    let mut out = Vec::new();
    for len in 2..=4usize {
        for bits in 0..(1u32 << len) {
            let p: Vec<bool> = (0..len).map(|k| bits >> k & 1 == 1).collect();
            if p.iter().all(|&b| b) || p.iter().all(|&b| !b) {
                continue;
            }
            out.push(p);
        }
    }
    out
}

/// One candidate reading scored: the total of its junctions, the words at its new junctions,
/// which streams show a word, its silent new junctions.
struct Scored {
    stream: Vec<bool>,
    score: f32,
    words: Vec<String>,
    sides: [bool; 2],
    silent: usize,
}

/// The junction of `lines[i]` and `lines[i + 1]`, worked out once, when a reading needs it.
fn here_at<'j>(lines: &[&str], here: &'j mut [Option<Junction>], i: usize) -> &'j Junction {
    here[i].get_or_insert_with(|| junction(lines[i], lines[i + 1]))
}

/// Score the reading that takes `stream` (per line: `false` A, `true` B) apart; `None` when
/// it breaks a junction that a word or a comma ties, or makes an impossible one.
fn score(
    lines: &[&str],
    here: &mut [Option<Junction>],
    back: &mut [Option<Junction>],
    stream: &[bool],
) -> Option<Scored> {
    let n = stream.len();
    // The breaks first (no dictionary needed past the first tied one): most readings of one
    // column's prose fail here.
    if (1..n).any(|k| {
        stream[k - 1] != stream[k]
            && !matches!(here_at(lines, here, k - 1), Junction::Neutral | Junction::Silent)
    }) {
        return None;
    }
    let mut last: [Option<usize>; 2] = [None, None];
    let (mut total, mut words, mut sides, mut silent) = (0.0, Vec::new(), [false; 2], 0);
    for k in 0..n {
        let s = usize::from(stream[k]);
        if let Some(j) = last[s] {
            // A stream's line before is at most `MAX_BACK` lines back in every pattern.
            let junction: &Junction = if j + 1 == k {
                here_at(lines, here, j)
            } else {
                back[k * MAX_BACK + (k - j - 1)].get_or_insert_with(|| junction(lines[j], lines[k]))
            };
            match junction {
                Junction::Impossible => return None,
                Junction::Tied(w) if j + 1 != k => {
                    words.push(w.clone());
                    sides[s] = true;
                }
                Junction::Silent if j + 1 != k => silent += 1,
                _ => {}
            }
            total += value(junction);
        }
        last[s] = Some(k);
    }
    Some(Scored { stream: stream.to_vec(), score: total, words, sides, silent })
}

/// The length of the start of two turn streams that tells them apart: every pattern's period
/// (two to four lines, [`patterns`]) divides 12, so two streams that agree on their first 12
/// lines agree on all.
const PERIODS_LCM: usize = 12;

/// The distinct readings of a stretch of `m` lines (`READINGS[m]`, for `m` up to
/// [`PERIODS_LCM`]; a longer stretch reads as its first 12 lines, repeated): each pattern
/// ([`patterns`]) at each phase, stream A first, in the order first met, a reading met again
/// left out. Worked out once, not for every stretch.
static READINGS: std::sync::LazyLock<Vec<Vec<Vec<bool>>>> = std::sync::LazyLock::new(|| {
    (0..=PERIODS_LCM)
        .map(|m| {
            let mut seen: Vec<Vec<bool>> = Vec::new();
            for p in patterns() {
                for phase in 0..p.len() {
                    let mut key: Vec<bool> = (0..m).map(|k| p[(k + phase) % p.len()]).collect();
                    if key.first() == Some(&true) {
                        key.iter_mut().for_each(|b| *b = !*b);
                    }
                    if !seen.contains(&key) {
                        seen.push(key);
                    }
                }
            }
            seen
        })
        .collect()
});

/// Split `lines` (one stretch's printed lines, in page order) into two streams that come in
/// turns by a regular pattern ([`patterns`]); `None` when no reading is clearly better than
/// the printed order and than every other reading. Indices in the answer are into `lines`.
pub(crate) fn deinterleave(lines: &[&str]) -> Option<Deinterleave> {
    let n = lines.len();
    if n < 4 {
        return None;
    }
    // The junctions of every line with the next one and with the lines two to four before
    // it, each worked out once, when a reading needs it: most stretches are one column's
    // prose, where every reading breaks a tied junction within its first lines, and the
    // dictionary is then asked about those lines only.
    let mut here: Vec<Option<Junction>> = vec![None; n - 1];
    let mut back: Vec<Option<Junction>> = vec![None; n * MAX_BACK];
    let mut scored: Vec<Scored> = Vec::new();
    for key in &READINGS[n.min(PERIODS_LCM)] {
        // Every period divides 12: the stream repeats its first 12 lines.
        let stream: Vec<bool> = (0..n).map(|k| key[k % PERIODS_LCM]).collect();
        scored.extend(score(lines, &mut here, &mut back, &stream));
    }
    if scored.is_empty() {
        return None;
    }
    let printed: f32 = (0..n - 1).map(|i| value(here_at(lines, &mut here, i))).sum();
    scored.sort_by(|a, b| b.score.total_cmp(&a.score));
    let best = scored.first()?;
    let runner_up = scored.get(1).map_or(printed, |s| s.score.max(printed));
    // Both streams show a word of their own, the reading is clearly better than the printed
    // order and than the next best reading, and its new junctions show no more silent open
    // lines than words.
    if best.words.len() < MIN_WORDS
        || best.sides != [true; 2]
        || best.score - printed < MIN_MARGIN
        || best.score - runner_up < MIN_GAP
        || best.silent > best.words.len()
    {
        return None;
    }
    let mut runs: Vec<(bool, Range<usize>)> = Vec::new();
    for (i, &s) in best.stream.iter().enumerate() {
        match runs.last_mut() {
            Some((rs, r)) if *rs == s => r.end = i + 1,
            _ => runs.push((s, i..i + 1)),
        }
    }
    let after = runs.iter().rev().find(|(s, _)| !*s).map(|(_, r)| r.end - 1)?;
    let moved: Vec<Range<usize>> =
        runs.iter().filter(|(s, r)| *s && r.end <= after).map(|(_, r)| r.clone()).collect();
    if moved.is_empty() {
        return None;
    }
    Some(Deinterleave { runs: moved, after, words: best.words.clone(), broken: runs.len() - 1 })
}

/// True when a piece's text can stand in a stretch: CJK text, no more than `slack` cells
/// from the column width `width`.
pub(crate) fn stretch_line(text: &str, cells: f32, width: Option<f32>, slack: f32, min_chars: usize) -> bool {
    width.is_some_and(|w| (cells - w).abs() <= slack)
        && text.chars().filter(|c| is_cjk(*c)).count() >= min_chars
        && !text.chars().next().is_some_and(|c| is_cjk_punct(c) && matches!(c, '【' | '■' | '●'))
}

#[cfg(test)]
pub(crate) mod tests_data {
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
    fn runs_of_two_are_read_apart() {
        let lines = vec![A[0], A[1], B[0], B[1], A[2], A[3], B[2], B[3], A[4], A[5], B[4], B[5]];
        let d = deinterleave(&lines).expect("read apart");
        assert_eq!(d.after, 9, "{d:?}");
        assert_eq!(d.runs, vec![2..4, 6..8], "{d:?}");
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
