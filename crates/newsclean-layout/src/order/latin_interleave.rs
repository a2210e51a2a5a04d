//! Two Latin columns interleaved line by line, read apart by the words at their junctions:
//! rule `layout.latin-interleaved` (issue 18, item 5, the Latin counterpart of
//! [`crate::order::interleave`]).
//!
//! # What it does
//! pdftotext's default mode writes the lines of columns that stand close together in the
//! order of their baselines: two columns of one line pitch come in turns, and where a
//! paragraph ends or a headline stands the turns slip. A Latin line break falls between
//! words, so no dictionary word spans the junction as in CJK text; what the junction shows
//! is grammar:
//! - *bad*: a sentence's end before a lower-case word (`of the year.` / `the state for…`); an
//!   article or preposition before a word that cannot follow it (`have asked the` / `for the
//!   widening…`, `at a` / `of the year`), or before a capitalised function word that opens a
//!   sentence (`the` / `The council…`);
//! - *good*: a line-end hyphen whose two halves make a word of the English word list
//!   (`govern-` / `ment`, strong), an open line continued in lower case, a sentence end before
//!   a capital.
//!
//! A *stretch* is a run of prose lines with no blank line between them (at least two words,
//! not a title or a byline by their capitals, no wider than a column: a line of fused
//! columns ends the stretch). A run of one-word lines (pdftotext breaks some justified lines
//! word by word) counts as the one printed line it was. Every reading of the stretch as two
//! streams (each line to stream A or B, each stream's lines in page order) is scored by the
//! junctions of its streams, by dynamic programming over (this line's stream, the other
//! stream's last line); a line that follows its own stream's line before costs a little,
//! since baseline order gives turns. The best reading is written, stream A's lines and then
//! stream B's, only when the printed order shows at least [`MIN_BAD`] bad junctions (and a
//! fifth of its junctions), the reading has none, its junctions beat the printed ones by
//! [`MIN_MARGIN`], and both streams show new good junctions. Stream B's runs that stand
//! before stream A's last line are moved after it: one delete per run and one insertion,
//! each with a note naming the bad junctions it mends, so the log undoes it.
//!
//! # When it must not fire
//! One column's prose in order (its junctions read well: fewer than [`MIN_BAD`] bad ones);
//! clean text (one paragraph a line: no line of a column's width); poems, lists, Markdown,
//! tables (lines that are not prose lines, or that read well); pages of another script;
//! pages that show no raw layout.
//!
//! # Limits
//! Two streams per stretch. Lines of several columns fused on one line end a stretch (they
//! are not cut here); three or more columns in turns are read as two at best.

use std::ops::Range;

use newsclean_core::Script;
use newsclean_core::chars::is_closing;
use newsclean_core::{Context, Page, Pass, PassError, TextEdit};

use crate::latin::lexicon::ENGLISH;
use crate::text::ends_sentence;

/// The rule id of the edits (and the pass's id).
pub const RULE: &str = "layout.latin-interleaved";
/// Fewest bad junctions in the printed order of a stretch.
pub const MIN_BAD: usize = 3;
/// How much better the reading's junctions must score than the printed order's.
pub const MIN_MARGIN: f32 = 6.0;
/// Longest stretch read (lines); the search grows with the square of it.
const MAX_STRETCH: usize = 240;
/// Score of a bad junction.
const BAD: f32 = -2.0;
/// Score of a good junction.
const FITS: f32 = 0.5;
/// Score of a line-end hyphen that makes a word.
const HYPHEN_WORD: f32 = 2.0;
/// Cost of a line that follows its own stream's line (turns are the rule in baseline order).
const OUT_OF_TURN: f32 = 0.1;

/// The pass.
#[derive(Debug, Default)]
pub struct LatinInterleave;

impl Pass for LatinInterleave {
    fn id(&self) -> &str {
        RULE
    }

    fn run(&self, page: &mut Page, _ctx: &Context) -> Result<(), PassError> {
        let script = if page.meta.script == Script::Unknown {
            newsclean_core::script::script(page.input())
        } else {
            page.meta.script
        };
        if script != Script::Latin || !crate::latin::shows_raw_layout(page.input()) {
            return Ok(());
        }
        let edits = edits(page);
        if edits.is_empty() {
            return Ok(());
        }
        crate::reading_order::apply_moves(page, edits, RULE)?;
        Ok(())
    }
}

/// One printed line: a line of an open block, or a run of one-word lines.
#[derive(Clone, Debug)]
struct Piece {
    /// Its text in page bytes (trimmed; a run of one-word lines keeps its line breaks).
    range: Range<usize>,
    /// Its text with every run of white space one space.
    text: String,
}

/// True when a line is a single word (letters, an apostrophe or hyphen inside, punctuation
/// after), not all capitals (a headline broken word by word) unless one letter long.
fn one_word(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() || t.contains(char::is_whitespace) {
        return false;
    }
    let core = t.trim_end_matches(|c: char| matches!(c, '.' | ',' | ';' | ':' | '!' | '?') || is_closing(c));
    let core = core.trim_start_matches(['"', '“', '‘', '\'', '(']);
    let letters = core.chars().filter(|c| c.is_alphabetic()).count();
    letters > 0
        && core.chars().all(|c| c.is_alphabetic() || c == '\'' || c == '’' || c == '-' || c.is_ascii_digit())
        && (letters == 1 || core.chars().any(|c| c.is_lowercase()))
}

/// The open lines of the page as pieces, in page order, each with whether a blank line (or a
/// closed block) stands between it and the piece before.
fn pieces(page: &Page) -> Vec<(Piece, bool)> {
    let text = page.text();
    let mut lines: Vec<(Range<usize>, bool)> = Vec::new();
    let mut last_end: Option<usize> = None;
    for (i, b) in page.blocks().iter().enumerate() {
        if !crate::text::is_open(b.kind) {
            last_end = None;
            continue;
        }
        for (range, line) in page.block_lines(i) {
            let s = range.start + (line.len() - line.trim_start().len());
            let e = range.start + line.trim_end().len();
            if s >= e {
                last_end = None;
                continue;
            }
            let apart = last_end.is_none_or(|le| text[le..s].matches('\n').count() != 1);
            lines.push((s..e, apart));
            last_end = Some(e);
        }
    }
    let mut out: Vec<(Piece, bool)> = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        let (r, apart) = lines[k].clone();
        let mut end = k + 1;
        if one_word(&text[r.clone()]) {
            while end < lines.len() && !lines[end].1 && one_word(&text[lines[end].0.clone()]) {
                end += 1;
            }
            if end - k < 2 {
                end = k + 1;
            }
        }
        let range = r.start..lines[end - 1].0.end;
        let joined = text[range.clone()].split_whitespace().collect::<Vec<_>>().join(" ");
        out.push((Piece { range, text: joined }, apart));
        k = end;
    }
    out
}

/// True when `t` (one space between words) may be a column line of prose: two words or
/// more, letters mostly, no markup, not a title or a byline by its capitals.
fn prose_line(t: &str) -> bool {
    let words: Vec<&str> = t.split(' ').collect();
    if words.len() < 2 || t.contains("://") || t.contains('@') || t.contains('|') {
        return false;
    }
    let first = t.chars().next().unwrap_or(' ');
    if !(first.is_alphanumeric() || matches!(first, '"' | '“' | '‘' | '\'' | '(' | '$')) {
        return false;
    }
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    let non_space = t.chars().filter(|c| !c.is_whitespace()).count();
    if letters * 10 < non_space * 7 {
        return false;
    }
    if !t.chars().any(|c| c.is_lowercase()) {
        return false;
    }
    let capital = words.iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count();
    // A title or a byline: most words capitalised.
    if words.len() >= 2 && capital * 5 >= words.len() * 3 && !ends_sentence(t) {
        return false;
    }
    if t.starts_with("By ") && !ends_sentence(t) {
        return false;
    }
    // A short line is a column line only where it ends a paragraph.
    t.chars().count() >= 25 || ends_sentence(t)
}

/// Determiners: a word must follow them.
const DETERMINERS: &[&str] =
    &["the", "a", "an", "this", "these", "those", "their", "its", "his", "her", "our", "my", "your", "every"];
/// Prepositions and the infinitive `to`: a noun phrase (or a verb) must follow them.
const PREPOSITIONS: &[&str] = &[
    "of", "to", "for", "by", "with", "from", "at", "in", "on", "into", "onto", "over", "under", "after",
    "before", "during", "without", "between", "against", "towards", "toward", "upon", "than",
];
/// Conjunctions and pronouns that need a word after them at a line's end.
const CONJUNCTIONS: &[&str] =
    &["and", "or", "but", "nor", "that", "which", "who", "whom", "whose", "if", "because"];
/// Auxiliaries and verbs of saying that cannot directly follow a determiner or a preposition.
const AUXILIARIES: &[&str] =
    &["is", "was", "were", "are", "be", "been", "has", "have", "had", "will", "would", "said", "did", "does"];

fn is_in(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

/// The evidence at a junction.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Junction {
    /// It reads badly (see the module docs).
    Bad,
    /// It reads well.
    Fits,
    /// A line-end hyphen whose halves make a word.
    HyphenWord,
    /// Nothing to say (an open line before a capital word: a name may go on there).
    Neutral,
}

impl Junction {
    fn value(self) -> f32 {
        match self {
            Junction::Bad => BAD,
            Junction::Fits => FITS,
            Junction::HyphenWord => HYPHEN_WORD,
            Junction::Neutral => 0.0,
        }
    }
}

/// A word as the lists spell it: lower case, no punctuation around it.
fn bare(w: &str) -> String {
    w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()
}

/// Abbreviations that end in a full stop inside a sentence.
fn abbreviation(w: &str) -> bool {
    let b = bare(w);
    matches!(
        b.as_str(),
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "st"
            | "no"
            | "nos"
            | "co"
            | "inc"
            | "jr"
            | "sr"
            | "vs"
            | "etc"
            | "gen"
            | "gov"
            | "rev"
            | "ft"
            | "mt"
            | "prof"
            | "sen"
            | "rep"
            | "vol"
            | "pp"
            | "p"
            | "fig"
            | "ltd"
            | "corp"
    ) || b.contains('.')
        || (b.len() == 1 && b.chars().all(char::is_alphabetic))
        || w.trim_end_matches('.').contains('.')
}

/// The evidence at the junction of line `a` and line `b` (each one space between words).
fn junction(a: &str, b: &str) -> Junction {
    let last = a.rsplit(' ').next().unwrap_or(a);
    let first = b.split(' ').next().unwrap_or(b);
    let first_bare = bare(first);
    let b_start = first.trim_start_matches(['"', '“', '‘', '\'', '(']).chars().next();
    let lower = b_start.is_some_and(char::is_lowercase);
    let upper = b_start.is_some_and(char::is_uppercase);
    // A line-end hyphen after a letter, and a lower-case word after it.
    if let Some(stem) = last.strip_suffix('-')
        && stem.chars().next_back().is_some_and(char::is_alphabetic)
        && lower
    {
        let stem = stem.rsplit('-').next().unwrap_or(stem);
        let whole = format!("{}{}", bare(stem), first_bare);
        return if ENGLISH.zipf(&whole) > 0.0 { Junction::HyphenWord } else { Junction::Neutral };
    }
    if ends_sentence(a) && !abbreviation(last) {
        return if lower {
            Junction::Bad
        } else if upper {
            Junction::Fits
        } else {
            Junction::Neutral
        };
    }
    let last_bare = bare(last);
    let open_end = last.chars().next_back().is_some_and(char::is_alphabetic);
    if open_end && (is_in(DETERMINERS, &last_bare) || is_in(PREPOSITIONS, &last_bare)) {
        // After a determiner no function word; after a preposition no other preposition
        // or conjunction (a determiner is what follows it most).
        let function = is_in(PREPOSITIONS, &first_bare)
            || is_in(CONJUNCTIONS, &first_bare)
            || (is_in(DETERMINERS, &last_bare)
                && (is_in(DETERMINERS, &first_bare) || is_in(AUXILIARIES, &first_bare)));
        if function {
            return Junction::Bad;
        }
    }
    if open_end
        && is_in(CONJUNCTIONS, &last_bare)
        && (is_in(CONJUNCTIONS, &first_bare) || is_in(PREPOSITIONS, &first_bare))
        && last_bare != "that"
    {
        return Junction::Bad;
    }
    if lower { Junction::Fits } else { Junction::Neutral }
}

/// A stretch read apart: the lines (indices into the stretch) of stream B that stand before
/// stream A's last line, as runs; that line; the bad junctions of the printed order.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Reading {
    pub runs: Vec<Range<usize>>,
    pub after: usize,
    pub bad_printed: usize,
}

/// Read `lines` (one stretch, one space between words) as two streams; `None` when the
/// printed order reads well enough or no reading is clearly better.
pub(crate) fn read_apart(lines: &[&str]) -> Option<Reading> {
    let n = lines.len();
    if !(4..=MAX_STRETCH).contains(&n) {
        return None;
    }
    let printed: Vec<Junction> = (1..n).map(|i| junction(lines[i - 1], lines[i])).collect();
    let bad_printed = printed.iter().filter(|j| **j == Junction::Bad).count();
    if bad_printed < MIN_BAD || bad_printed * 5 < n - 1 {
        return None;
    }
    let printed_score: f32 = printed.iter().map(|j| j.value()).sum();
    // The junction of every pair (i, j), i < j, worked out once when asked.
    let mut memo: Vec<Option<Junction>> = vec![None; n * n];
    let mut at = |i: usize, j: usize| -> Junction {
        *memo[i * n + j]
            .get_or_insert_with(|| if j == i + 1 { printed[i] } else { junction(lines[i], lines[j]) })
    };
    // State after line i: (stream of line i, the other stream's last line + 1, 0 for none).
    // Scores are of junctions only plus the turn costs; back pointers rebuild the reading.
    const NONE: f32 = f32::NEG_INFINITY;
    let width = n + 1;
    let idx = |s: usize, o: usize| s * width + o;
    let mut score = vec![NONE; 2 * width];
    score[idx(0, 0)] = 0.0;
    let mut back: Vec<Vec<u32>> = Vec::with_capacity(n);
    back.push(vec![u32::MAX; 2 * width]);
    for i in 1..n {
        let mut next = vec![NONE; 2 * width];
        let mut from = vec![u32::MAX; 2 * width];
        for s in 0..2 {
            for o in 0..=i {
                let cur = score[idx(s, o)];
                if cur == NONE {
                    continue;
                }
                // Line i in the same stream as line i - 1.
                let v = cur + at(i - 1, i).value() - OUT_OF_TURN;
                let t = idx(s, o);
                if v > next[t] {
                    next[t] = v;
                    from[t] = idx(s, o) as u32;
                }
                // Line i in the other stream: it follows that stream's last line, if any.
                let v = cur + if o == 0 { 0.0 } else { at(o - 1, i).value() };
                let t = idx(1 - s, i);
                if v > next[t] {
                    next[t] = v;
                    from[t] = idx(s, o) as u32;
                }
            }
        }
        score = next;
        back.push(from);
    }
    let (mut best, mut best_state) = (NONE, 0);
    for (k, &v) in score.iter().enumerate() {
        if v > best {
            best = v;
            best_state = k;
        }
    }
    // Rebuild the streams.
    let mut stream = vec![0usize; n];
    let mut state = best_state;
    for i in (0..n).rev() {
        stream[i] = state / width;
        if i > 0 {
            state = back[i][state] as usize;
        }
    }
    // Line 0 opens stream A.
    if stream[0] == 1 {
        stream.iter_mut().for_each(|s| *s = 1 - *s);
    }
    // The junctions of the reading, without the turn costs.
    let mut last: [Option<usize>; 2] = [None, None];
    let (mut total, mut bad, mut new_good) = (0.0f32, 0usize, [0usize; 2]);
    for (k, &s) in stream.iter().enumerate() {
        if let Some(j) = last[s] {
            let jn = at(j, k);
            total += jn.value();
            if jn == Junction::Bad {
                bad += 1;
            }
            if j + 1 != k && matches!(jn, Junction::Fits | Junction::HyphenWord) {
                new_good[s] += 1;
            }
        }
        last[s] = Some(k);
    }
    if bad > 0 || total - printed_score < MIN_MARGIN || new_good.contains(&0) {
        return None;
    }
    let mut runs: Vec<(usize, Range<usize>)> = Vec::new();
    for (i, &s) in stream.iter().enumerate() {
        match runs.last_mut() {
            Some((rs, r)) if *rs == s => r.end = i + 1,
            _ => runs.push((s, i..i + 1)),
        }
    }
    let after = runs.iter().rev().find(|(s, _)| *s == 0).map(|(_, r)| r.end - 1)?;
    let moved: Vec<Range<usize>> =
        runs.iter().filter(|(s, r)| *s == 1 && r.end <= after).map(|(_, r)| r.clone()).collect();
    if moved.is_empty() {
        return None;
    }
    Some(Reading { runs: moved, after, bad_printed })
}

/// The widest a column line may be: a third over the page's typical full prose line, the
/// 40th percentile of the prose lines of 25 characters or more (a line of fused columns is
/// twice as wide or more; where they are many, they are the longer lines). `None` on a page
/// of fewer than eight such lines.
fn max_width(pieces: &[(Piece, bool)]) -> Option<f32> {
    let mut widths: Vec<usize> = pieces
        .iter()
        .filter(|(p, _)| prose_line(&p.text))
        .map(|(p, _)| p.text.chars().count())
        .filter(|&w| w >= 25)
        .collect();
    if widths.len() < 8 {
        return None;
    }
    widths.sort_unstable();
    Some(widths[widths.len() * 2 / 5] as f32 * 1.3)
}

/// The edits that read apart every interleaved stretch of the page.
fn edits(page: &Page) -> Vec<TextEdit> {
    let text = page.text();
    let pieces = pieces(page);
    let Some(max_width) = max_width(&pieces) else { return Vec::new() };
    let ok: Vec<bool> = pieces
        .iter()
        .map(|(p, _)| prose_line(&p.text) && p.text.chars().count() as f32 <= max_width)
        .collect();
    let mut edits = Vec::new();
    let mut k = 0;
    while k < pieces.len() {
        if !ok[k] {
            k += 1;
            continue;
        }
        let start = k;
        k += 1;
        while k < pieces.len() && ok[k] && !pieces[k].1 {
            k += 1;
        }
        let lines: Vec<&str> = (start..k).map(|i| pieces[i].0.text.as_str()).collect();
        let Some(r) = read_apart(&lines) else { continue };
        let after = &pieces[start + r.after].0;
        let la = crate::reading_order::line_of(text, after.range.start);
        let moved_lines: usize = r.runs.iter().map(|x| x.len()).sum();
        let note = format!(
            "two columns interleaved: {moved_lines} lines of the second moved after line {la}; the printed order has {} junctions that read badly (a sentence end before lower case, an article or preposition before a function word), the new one none",
            r.bad_printed
        );
        let mut moved = String::new();
        for run in &r.runs {
            let (s, e) = (&pieces[start + run.start].0, &pieces[start + run.end - 1].0);
            let removal = text[..s.range.start].trim_end().len()..e.range.end;
            moved.push_str(&text[removal.clone()]);
            edits.push(TextEdit::delete(removal, RULE).with_note(note.clone()));
        }
        edits.push(TextEdit::insert(after.range.end, moved, RULE).with_note(note));
    }
    edits
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Column A and column B of a two-column page, each read in order.
    const A: [&str; 8] = [
        "A group of shopkeepers have asked the state",
        "for the widening of Market Street before the end",
        "of the year. The county engineer said they would",
        "oppose repairs to the old grammar school before",
        "the end of the year. Members of the committee",
        "will consider next week the purchase of land for",
        "a park, according to figures released on Friday.",
        "The mayor agreed after a long debate to fund a",
    ];
    const B: [&str; 8] = [
        "The new railway company have asked the",
        "state for the purchase of land for a park, at a",
        "cost of about $45,000. No decision has yet",
        "been taken on the route. The council have asked",
        "the state for a tax on motor vehicles, at a cost of",
        "about $45,000. The mayor said they would oppose",
        "a new bridge over the river. Farmers in the",
        "valley expressed concern about the sale of the",
    ];

    fn run(text: &str) -> Page {
        let mut p = Page::new(text.to_string());
        crate::lines::SplitLines.run(&mut p, &Context::default()).unwrap();
        LatinInterleave.run(&mut p, &Context::default()).unwrap();
        p
    }

    fn turns() -> String {
        let mut s = String::from("Headline Over Two Columns\n\n");
        for k in 0..8 {
            s.push_str(A[k]);
            s.push('\n');
            s.push_str(B[k]);
            s.push('\n');
        }
        s.push_str("\nThe end of the page has a paragraph of its own.\n");
        s
    }

    #[test]
    fn lines_in_turns_are_read_apart_losslessly_and_once() {
        let raw = turns();
        let p = run(&raw);
        let want: Vec<&str> = A.iter().chain(B.iter()).copied().collect();
        let got: Vec<&str> = p.text().lines().filter(|l| !l.is_empty()).skip(1).take(16).collect();
        assert_eq!(got, want, "{}", p.text());
        assert!(p.log().edits().iter().all(|e| e.rule == RULE));
        assert_eq!(p.log().undo(p.text()), raw);
        let again = run(p.text());
        assert_eq!(again.text(), p.text());
    }

    #[test]
    fn one_word_lines_count_as_the_line_they_were() {
        let mut raw = String::new();
        for k in 0..8 {
            raw.push_str(A[k]);
            raw.push('\n');
            if k == 3 {
                for w in B[k].split(' ') {
                    raw.push_str(w);
                    raw.push('\n');
                }
            } else {
                raw.push_str(B[k]);
                raw.push('\n');
            }
        }
        let p = run(&raw);
        let flat: Vec<String> = p.text().lines().map(str::to_string).collect();
        let pos = |s: &str| flat.iter().position(|l| l == s).unwrap();
        assert!(pos(A[7]) < pos(B[0]), "{}", p.text());
        assert!(pos("been") > pos(A[7]), "{}", p.text());
        assert_eq!(p.log().undo(p.text()), raw);
    }

    fn unchanged(text: &str) {
        let p = run(text);
        assert_eq!(p.text(), text);
        assert!(p.log().edits().is_empty());
    }

    #[test]
    fn one_column_in_order_stays() {
        let mut s: String = A.iter().chain(B.iter()).map(|l| format!("{l}\n")).collect();
        unchanged(&s);
        s.insert(0, '\n');
        unchanged(&s);
    }

    #[test]
    fn clean_prose_poems_lists_and_markdown_stay() {
        let clean = format!("{}\n{}\n", A.join(" "), B.join(" "));
        unchanged(&clean);
        let poem = "The woods are lovely, dark and deep,\nBut I have promises to keep,\nAnd miles to go before I sleep,\nAnd miles to go before I sleep.\n\nWhose woods these are I think I know.\nHis house is in the village though;\nHe will not see me stopping here\nTo watch his woods fill up with snow.\n";
        unchanged(poem);
        let list = "Items for the meeting:\n\n- the budget of the year.\n- of the new bridge, at a\n- the state for a tax on\n- for the widening of the\n- of the year. the mayor\n- at the town hall on the\n- the end of the year. the\n- in the spring. the\n";
        unchanged(list);
        let md = "# The report of the\n\n## for the widening of the\n\n* of the year. the state\n* at the town hall. the\n\n```\nof the year. the state for a\nthe end. of the year for the\n```\n";
        unchanged(md);
    }

    #[test]
    fn junctions_read_as_grammar() {
        assert_eq!(junction("have asked the", "for the widening"), Junction::Bad);
        assert_eq!(junction("of the year.", "the state for"), Junction::Bad);
        assert_eq!(junction("at a", "of the year."), Junction::Bad);
        assert_eq!(junction("next week the", "The council"), Junction::Bad);
        assert_eq!(junction("have asked the", "state for the"), Junction::Fits);
        assert_eq!(junction("said Mr.", "Smith and"), Junction::Neutral);
        assert_eq!(junction("on 3 p.m.", "on Friday"), Junction::Fits);
        assert_eq!(junction("the govern-", "ment said"), Junction::HyphenWord);
        assert_eq!(junction("widening of", "Market Street"), Junction::Neutral);
        assert_eq!(junction("school before", "the end of"), Junction::Fits);
        assert_eq!(junction("according to", "the figures"), Junction::Fits);
    }

    #[test]
    fn cjk_and_mixed_pages_are_not_read() {
        let cjk = "本报讯今年以来，我省持续推\n进乡村振兴工作，在主题教育\n".repeat(6);
        unchanged(&cjk);
    }
}
