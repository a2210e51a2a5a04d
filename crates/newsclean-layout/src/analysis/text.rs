//! Shapes of lines that several passes decide on: how wide a line is in columns of a CJK
//! page, whether it ends a sentence, whether it reads like a title, the page's column
//! width estimated from its lines, and the spaces inside CJK text (lost wrap points, letter
//! spacing) that the paragraph, spaces and reading-order passes all look for.

use newsclean_core::chars::{is_cjk, is_cjk_punct, is_closing, is_hspace, is_sentence_end};
use newsclean_core::{BlockKind, Page};

/// Width of a line in CJK cells: a CJK character or full-width form is one cell, an ASCII
/// character (half-width digits, Latin) half a cell, white space nothing.
pub fn cells(line: &str) -> f32 {
    // Counted in half cells over the bytes: an ASCII byte is a character (half a cell unless
    // a space or tab), a lead byte starts a character of one cell unless it is one of the
    // non-ASCII spaces (`is_hspace`: U+00A0, U+2002-U+200A, U+202F, U+205F, U+3000).
    let b = line.as_bytes();
    let mut halves: u64 = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            halves += u64::from(c != b' ' && c != b'\t');
            i += 1;
            continue;
        }
        let (len, space) = match c {
            0xC0..=0xDF => (2, c == 0xC2 && b[i + 1] == 0xA0),
            0xE0..=0xEF => {
                let (x, y) = (b[i + 1], b[i + 2]);
                let space = match c {
                    0xE2 => x == 0x80 && (matches!(y, 0x82..=0x8A) || y == 0xAF) || x == 0x81 && y == 0x9F,
                    0xE3 => x == 0x80 && y == 0x80,
                    _ => false,
                };
                (3, space)
            }
            _ => (4, false),
        };
        halves += if space { 0 } else { 2 };
        i += len;
    }
    // The same sum as adding 0.5 and 1.0 a character in `f32`, which is exact below 2^24 half
    // cells; a longer line (a page on one line) is summed that way.
    if halves < 1 << 24 {
        halves as f32 / 2.0
    } else {
        line.chars().filter(|c| !is_hspace(*c)).map(|c| if c.is_ascii() { 0.5 } else { 1.0 }).sum()
    }
}

/// True when the line ends a sentence: its last character (after closing quotes and
/// brackets) is 。！？… or their ASCII forms.
pub fn ends_sentence(line: &str) -> bool {
    let t = line.trim_end_matches(|c: char| is_closing(c) || is_hspace(c));
    let mut rev = t.chars().rev();
    match (rev.next(), rev.next()) {
        // A full stop after a word ends a Latin sentence; not in a web address or a number.
        (Some('.'), Some(b)) => {
            let last_word = t.rsplit(char::is_whitespace).next().unwrap_or(t);
            (b.is_alphabetic() || b == '.') && !last_word.contains("://") && !last_word.contains("www.")
        }
        (Some(c), _) => is_sentence_end(c),
        _ => false,
    }
}

/// True when the line ends in any punctuation that continues or ends a clause (，、；：。！？…
/// and their ASCII forms): a title never does.
pub fn ends_clause(line: &str) -> bool {
    let t = line.trim_end_matches(|c: char| is_closing(c) || is_hspace(c));
    t.chars()
        .next_back()
        .is_some_and(|c| is_sentence_end(c) || matches!(c, '，' | '、' | '；' | '：' | ',' | ';' | ':' | '…'))
}

/// True when the line could be a title element: it holds no sentence end or semicolon
/// inside, at most one comma, its quotes and brackets are balanced (a line cut out of a
/// quotation is not a title), it does not end in clause punctuation and is not long.
pub fn is_title_like(line: &str) -> bool {
    let t = line.trim();
    if ends_clause(t) {
        return false;
    }
    // One pass over the characters (this runs for every line of every page).
    let (mut n, mut width, mut inner_stops, mut commas, mut any_cjk) =
        (0usize, 0.0f32, 0usize, 0usize, false);
    let mut open_close = [0i32; 3];
    for c in t.chars() {
        n += 1;
        if !is_hspace(c) {
            width += if c.is_ascii() { 0.5 } else { 1.0 };
        }
        match c {
            '。' | '！' | '？' | '；' | ';' | '!' | '?' => inner_stops += 1,
            '，' | ',' | '、' => commas += 1,
            '“' => open_close[0] += 1,
            '”' => open_close[0] -= 1,
            '《' => open_close[1] += 1,
            '》' => open_close[1] -= 1,
            '（' => open_close[2] += 1,
            '）' => open_close[2] -= 1,
            _ => any_cjk |= is_cjk(c),
        }
    }
    n >= 2 && width <= 48.0 && inner_stops == 0 && commas <= 1 && open_close == [0; 3] && any_cjk
}

/// True when a line starts like the continuation of a word or sentence cut by a wrap: one
/// CJK character then punctuation (程，), or a digit, or a lower-case letter.
pub fn starts_as_continuation(line: &str) -> bool {
    let mut it = line.trim_start().chars();
    match (it.next(), it.next()) {
        (Some(a), Some(b)) if is_cjk(a) && is_cjk_punct(b) && !matches!(b, '“' | '‘' | '（' | '《') => {
            true
        }
        (Some(a), _) => a.is_ascii_digit() || a.is_ascii_lowercase(),
        _ => false,
    }
}

/// True when a line opens with a news dateline (本报讯, 新华社电, 本报记者…): it starts an
/// article's first paragraph.
pub fn starts_dateline(line: &str) -> bool {
    let t = line.trim_start();
    ["本报讯", "本报记者", "新华社", "本报电", "据新华社", "中新网", "本报综合"]
        .iter()
        .any(|p| t.starts_with(p))
}

/// The typical width, in [`cells`], of wrapped lines around line `i` of `lens`: the most
/// frequent width (to the half cell) among lines that do not end a sentence and have a
/// neighbour of about their width, within `radius` lines, when at least three lines share it. `None` when the region shows no wrapping
/// (one paragraph per line, as in already clean text).
pub fn column_width(lens: &[(f32, bool)], i: usize, radius: usize) -> Option<f32> {
    let lo = i.saturating_sub(radius);
    let hi = (i + radius + 1).min(lens.len());
    let widths = (lo..hi).filter_map(|k| {
        let (w, ends) = lens[k];
        // A wrapped line has a neighbour of about its width; lines of unrelated widths
        // (titles, one paragraph per line) are no evidence of a column.
        let similar = |j: usize| lens.get(j).is_some_and(|&(v, _)| (v - w).abs() <= 1.0);
        (!ends && (4.0..=40.0).contains(&w) && (k > 0 && similar(k - 1) || similar(k + 1))).then_some(w)
    });
    modal_width(widths).filter(|&(_, n)| n >= 3).map(|(key, _)| key as f32 / 2.0)
}

/// [`column_width`] of every line of `lens` (`column_widths(lens, r)[i] == column_width(lens,
/// i, r)`), in one walk: each line's evidence (its width in half cells, or none) is worked out
/// once, and the widths within `radius` lines are counted in a window that moves down the
/// page, instead of counting the window again for every line.
pub fn column_widths(lens: &[(f32, bool)], radius: usize) -> Vec<Option<f32>> {
    let n = lens.len();
    // What line k shows, as `column_width` reads it: its width, when it is a wrapped line.
    let evidence: Vec<Option<f32>> = (0..n)
        .map(|k| {
            let (w, ends) = lens[k];
            let similar = |j: usize| lens.get(j).is_some_and(|&(v, _)| (v - w).abs() <= 1.0);
            (!ends && (4.0..=40.0).contains(&w) && (k > 0 && similar(k - 1) || similar(k + 1))).then_some(w)
        })
        .collect();
    // Counts by half cell (a wrapped line is 4 to 40 cells: keys 8 to 80), and the keys with
    // a count, in the order first counted (`modal_width`'s answer depends on the counts only).
    let mut counts = [0usize; 82];
    let mut present: Vec<u32> = Vec::new();
    let key_of = |w: f32| (w * 2.0).round() as u32;
    let mut out = Vec::with_capacity(n);
    let (mut lo, mut hi) = (0, 0);
    for i in 0..n {
        let (new_lo, new_hi) = (i.saturating_sub(radius), (i + radius + 1).min(n));
        while hi < new_hi {
            if let Some(w) = evidence[hi] {
                let k = key_of(w) as usize;
                if counts[k] == 0 {
                    present.push(k as u32);
                }
                counts[k] += 1;
            }
            hi += 1;
        }
        while lo < new_lo {
            if let Some(w) = evidence[lo] {
                let k = key_of(w) as usize;
                counts[k] -= 1;
                if counts[k] == 0 {
                    present.retain(|&p| p as usize != k);
                }
            }
            lo += 1;
        }
        // The most frequent key with its neighbours half a cell away; between two as
        // frequent, the wider (as `modal_width`).
        let best = present
            .iter()
            .map(|&k| {
                let k = k as usize;
                (k as u32, counts[k - 1] + counts[k] + counts[k + 1])
            })
            .max_by_key(|&(k, n)| (n, k));
        out.push(best.filter(|&(_, n)| n >= 3).map(|(key, _)| key as f32 / 2.0));
    }
    out
}

/// The most frequent of `widths` to the half cell, as (half cells, how many lines): widths one
/// half cell apart count together (a digit more or less is the same column); between two as
/// frequent, the wider.
fn modal_width(widths: impl IntoIterator<Item = f32>) -> Option<(u32, usize)> {
    let mut counts: Vec<(u32, usize)> = Vec::new();
    for w in widths {
        let key = (w * 2.0).round() as u32;
        match counts.iter_mut().find(|(k, _)| *k == key) {
            Some(e) => e.1 += 1,
            None => counts.push((key, 1)),
        }
    }
    counts
        .iter()
        .map(|&(k, _)| {
            (k, counts.iter().filter(|(k2, _)| k2.abs_diff(k) <= 1).map(|(_, n)| n).sum::<usize>())
        })
        .max_by_key(|&(k, n)| (n, k))
}

/// True when `text` still shows raw layout: a blank line between two lines of text, or
/// hard-wrapped column lines ([`shows_wrapping`]). Clean output has neither (one block a
/// line), so decisions that raw layout would have prevented the first time are taken only on
/// raw pages, and cleaning clean text changes nothing.
pub fn shows_raw_layout(text: &str) -> bool {
    text.trim_end_matches('\n').split('\n').any(|l| l.trim().is_empty()) || shows_wrapping(text)
}

/// Lines of one column width (to the cell) that at least this many lines of a page have…
const WRAP_MIN_LINES: usize = 8;
/// …and at least this share of the page's lines…
const WRAP_MIN_SHARE: f32 = 0.25;
/// …with a dictionary word cut by at least this many of the breaks between two of them…
const WRAP_MIN_CUT_WORDS: usize = 3;
/// …and by at least this share of those breaks (a break in running text falls inside a word
/// about half the time; between whole lines, titles or names, a word spans it by chance).
const WRAP_MIN_CUT_SHARE: f32 = 0.3;

/// True when the page holds hard-wrapped column lines even without a blank line (PyMuPDF and
/// some OCR engines print a column's lines with no blank line anywhere): many lines of one
/// width, not ending in clause punctuation, whose breaks cut words ([`crate::words`]). Every
/// width that [`WRAP_MIN_LINES`] lines share is a column (a page whose columns have two
/// widths shows wrapping in both), not only the most frequent one. Clean text (one paragraph
/// a line) has no such run, so it is still left alone.
pub fn shows_wrapping(text: &str) -> bool {
    let lines: Vec<(&str, f32)> =
        text.lines().map(str::trim).filter(|l| !l.is_empty()).map(|l| (l, cells(l))).collect();
    // The widths (half cells, a digit more or less) of lines that could be wrapped: 6-40
    // cells, not ending a clause; each shared by enough lines is a column's width.
    let mut counts: Vec<(u32, usize)> = Vec::new();
    for &(l, w) in &lines {
        if (6.0..=40.0).contains(&w) && !ends_clause(l) {
            let key = (w * 2.0).round() as u32;
            match counts.iter_mut().find(|(k, _)| *k == key) {
                Some(e) => e.1 += 1,
                None => counts.push((key, 1)),
            }
        }
    }
    let columns: Vec<u32> = counts
        .iter()
        .map(|&(k, _)| k)
        .filter(|&k| {
            counts.iter().filter(|(k2, _)| k2.abs_diff(k) <= 1).map(|(_, n)| n).sum::<usize>()
                >= WRAP_MIN_LINES
        })
        .collect();
    let full = |(l, w): (&str, f32)| {
        let key = (w * 2.0).round() as u32;
        columns.iter().any(|&c| c.abs_diff(key) <= 1) && !ends_clause(l)
    };
    let n = lines.iter().filter(|&&l| full(l)).count();
    if columns.is_empty() || (n as f32) < WRAP_MIN_SHARE * lines.len() as f32 {
        return shows_short_wrapping(&lines);
    }
    let (mut breaks, mut cut) = (0usize, 0usize);
    for pair in lines.windows(2) {
        if full(pair[0]) {
            breaks += 1;
            cut += usize::from(crate::words::word_spans(pair[0].0, pair[1].0));
        }
    }
    (cut >= WRAP_MIN_CUT_WORDS && cut as f32 >= WRAP_MIN_CUT_SHARE * breaks as f32)
        || shows_short_wrapping(&lines)
}

/// Full lines (at the common width, not ending a sentence) a short text needs to show
/// wrapping: as many as [`column_width`] needs to find the column.
const SHORT_WRAP_MIN_LINES: usize = 3;

/// The evidence of [`shows_wrapping`] for a short text, a pasted snippet of a few hard-wrapped
/// lines that is too short for the page-wide counts: every line belongs to a wrapped
/// paragraph (its lines but the last at one width, two cells more or less, none of them
/// ending a sentence; the last ends one and is no wider; each paragraph may have its own
/// column; the text's final paragraph may stop at the width), one paragraph at least is
/// whole, at least [`SHORT_WRAP_MIN_LINES`] lines are at their width, and at least one of
/// them ends inside a clause (no punctuation: the break cut running text). Clean text
/// (one paragraph a line, titles of their own widths) and verse (every line ends in
/// punctuation) show none of this.
fn shows_short_wrapping(lines: &[(&str, f32)]) -> bool {
    if lines.len() < SHORT_WRAP_MIN_LINES + 1 || !lines.iter().all(|(l, _)| l.chars().any(is_cjk)) {
        return false;
    }
    // Paragraph by paragraph (a pasted text may hold several, each of its own column): the
    // lines up to one that ends a sentence.
    let (mut n, mut cut_clause, mut paragraph) = (0usize, false, false);
    let mut start = 0;
    while start < lines.len() {
        let end =
            lines[start..].iter().position(|(l, _)| ends_sentence(l)).map_or(lines.len(), |k| start + k + 1);
        let run = &lines[start..end];
        let closed = ends_sentence(run[run.len() - 1].0);
        let full = if closed { &run[..run.len() - 1] } else { run };
        if !full.is_empty() {
            let lo = full.iter().map(|&(_, w)| w).fold(f32::MAX, f32::min);
            let hi = full.iter().map(|&(_, w)| w).fold(0.0, f32::max);
            // One width, two cells more or less (quotes and brackets are set narrower than a
            // cell); a wrapped line is 4-40 cells.
            if hi - lo > 2.0 || lo < 4.0 || hi > 40.0 {
                return false;
            }
            if closed {
                // The last line ends the paragraph: no wider than the column.
                if run[run.len() - 1].1 > hi + 1.0 {
                    return false;
                }
                paragraph = true;
            }
            n += full.len();
            cut_clause |= full.iter().any(|(l, _)| !ends_clause(l) && !l.ends_with(is_cjk_punct));
        }
        start = end;
    }
    // At least one whole paragraph: lines of one width that never end a sentence (verse
    // without punctuation, a stack of titles) are no wrapped text.
    paragraph && n >= SHORT_WRAP_MIN_LINES && cut_clause
}

/// True when the white space between blocks `i` and `i + 1` holds a blank line.
pub fn blank_between(page: &Page, i: usize) -> bool {
    let gap = &page.text()[page.blocks()[i].range.end..page.blocks()[i + 1].range.start];
    gap.matches('\n').count() >= 2
}

/// A lead of white space at least this wide (display columns) is no paragraph's indent but
/// where a column stands on the printed line (`pdftotext -layout` prints a column whose
/// neighbours the columns pass could not read apart at its place on the page).
const COLUMN_LEAD: usize = 8;

/// True when block `i` is indented in the source: white space before it on its own line. A
/// line set [`COLUMN_LEAD`] or more to the right is indented only when it stands further right
/// than the lines right above and below it that are set so far too (the lines of its column):
/// the column's own lead is no indent. Clean text has no leads, so a column's lines the first
/// clean left apart for their lead would be joined by a second clean (found on a realpages
/// page: a column of CJK lines 65 spaces right, none joined).
pub fn indented(page: &Page, i: usize) -> bool {
    let text = page.text();
    let start = page.blocks()[i].range.start;
    let line_start = text[..start].rfind('\n').map_or(0, |p| p + 1);
    if start <= line_start || i == 0 {
        return false;
    }
    let lead = &text[line_start..start];
    let lead = if lead.chars().all(char::is_whitespace) { lead_width(lead) } else { 0 };
    if lead < COLUMN_LEAD {
        return true;
    }
    let line_end = text[start..].find('\n').map_or(text.len(), |p| start + p);
    let above = line_start.checked_sub(1).map(|nl| &text[text[..nl].rfind('\n').map_or(0, |p| p + 1)..nl]);
    let below = (line_end < text.len()).then(|| {
        let rest = &text[line_end + 1..];
        &rest[..rest.find('\n').unwrap_or(rest.len())]
    });
    let base = [above, below]
        .into_iter()
        .flatten()
        .filter(|l| !l.trim().is_empty())
        .map(|l| lead_width(&l[..l.len() - l.trim_start().len()]))
        .filter(|&w| w >= COLUMN_LEAD)
        .min();
    base.is_none_or(|b| lead > b)
}

/// The display width of a line's leading white space (a tab counts one, an ideographic space
/// two).
fn lead_width(lead: &str) -> usize {
    lead.chars().map(newsclean_core::chars::display_width).sum()
}

/// True for a block that later passes still have to classify.
pub fn is_open(kind: BlockKind) -> bool {
    kind == BlockKind::Unknown
}

/// The blocks that later passes still have to classify and that are one line, as (block
/// index, start of the block in the page's text, its text).
pub fn open_lines(page: &Page) -> impl Iterator<Item = (usize, usize, &str)> {
    page.blocks().iter().enumerate().filter(|(_, b)| is_open(b.kind)).filter_map(|(i, b)| {
        let text = page.block_text(i);
        (!text.contains('\n')).then_some((i, b.range.start, text))
    })
}

/// The byte ranges of white space between two CJK characters (or CJK punctuation) inside
/// `text`: spaces that mark a lost wrap point or letter spacing.
pub fn cjk_inner_spaces(text: &str) -> Vec<std::ops::Range<usize>> {
    use newsclean_core::chars::is_cjk_or_punct;
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    let mut run: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if is_hspace(c) {
            if run.is_none() && prev.is_some_and(is_cjk_or_punct) {
                run = Some(i);
            }
            continue;
        }
        if let Some(s) = run.take()
            && is_cjk_or_punct(c)
        {
            out.push(s..i);
        }
        prev = Some(c);
    }
    out
}

/// The byte ranges of the spaces of letter-spaced runs in `text`: at least three single
/// CJK characters, each one space from the next, standing alone (no CJK character right
/// before or after the run).
pub fn letter_spacing(text: &str) -> Vec<std::ops::Range<usize>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let alone_start = i == 0 || !is_cjk(chars[i - 1].1);
        if !is_cjk(chars[i].1) || !alone_start {
            i += 1;
            continue;
        }
        // Extend: char, space, char, space, char ...
        let mut j = i;
        let mut spaces = Vec::new();
        while j + 2 < chars.len() && chars[j + 1].1 == ' ' && is_cjk(chars[j + 2].1) {
            spaces.push(chars[j + 1].0..chars[j + 1].0 + 1);
            j += 2;
        }
        let alone_end = j + 1 >= chars.len() || !is_cjk(chars[j + 1].1);
        if spaces.len() >= 2 && alone_end {
            out.extend(spaces);
            i = j + 1;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `cells` over the bytes gives the sum of its characters' widths: every white space
    /// and width class, and random text of them.
    #[test]
    fn cells_over_bytes_is_the_sum_over_characters() {
        use proptest::prelude::*;
        let by_chars = |l: &str| -> f32 {
            l.chars().filter(|c| !is_hspace(*c)).map(|c| if c.is_ascii() { 0.5 } else { 1.0 }).sum()
        };
        for c in (0u32..0x11_0000).filter_map(char::from_u32) {
            let l = format!("a{c}b{c}");
            assert_eq!(cells(&l), by_chars(&l), "U+{:04X}", c as u32);
        }
        let pool: Vec<char> =
            " \t\u{3000}\u{a0}\u{2002}\u{200a}\u{200b}\u{202f}\u{205f}\u{2060}a1.中文，。“”é€😀\u{e000}"
                .chars()
                .collect();
        let text = proptest::collection::vec(0..pool.len(), 0..80)
            .prop_map(move |ix| ix.iter().map(|&i| pool[i]).collect::<String>());
        let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(3000));
        runner
            .run(&text, |l| {
                prop_assert_eq!(cells(&l), by_chars(&l));
                Ok(())
            })
            .unwrap();
    }

    /// The one walk gives every line the width `column_width` gives it.
    #[test]
    fn column_widths_is_column_width_of_every_line() {
        use proptest::prelude::*;
        // Widths around a few columns (whole and half cells, some far off), sentence ends.
        let line = (
            prop_oneof![
                Just(12.0f32),
                Just(12.5),
                Just(13.0),
                Just(14.0),
                Just(20.0),
                Just(3.5),
                Just(40.0),
                Just(40.5),
                0.0f32..45.0
            ],
            any::<bool>(),
        )
            .prop_map(|(w, e)| ((w * 2.0).round() / 2.0, e));
        let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(2000));
        runner
            .run(&(proptest::collection::vec(line, 0..60), 0usize..10), |(lens, radius)| {
                let all = column_widths(&lens, radius);
                prop_assert_eq!(all.len(), lens.len());
                for (i, &w) in all.iter().enumerate() {
                    prop_assert_eq!(w, column_width(&lens, i, radius), "line {} of {:?}", i, lens);
                }
                Ok(())
            })
            .unwrap();
    }

    #[test]
    fn widths_and_ends() {
        assert_eq!(cells("党建强ab"), 4.0);
        assert!(ends_sentence("给出了答案。"));
        assert!(ends_sentence("他说。”"));
        assert!(!ends_sentence("“五个始终铭记”，"));
        assert!(!ends_sentence("www.example.com"));
        assert!(!ends_sentence("见 www.example.com."));
        assert!(!ends_sentence("增长了3."));
        assert!(ends_sentence("the section of the city."));
        assert!(ends_clause("“五个始终铭记”，"));
    }

    #[test]
    fn titles() {
        assert!(is_title_like("加强创新推进，构建大党建新格局"));
        assert!(is_title_like("五大“根基”筑实璀璨明珠坚强底座"));
        assert!(!is_title_like("党建强，则根基稳；根基稳，则社"));
        assert!(!is_title_like("春风吹，战鼓擂。迎着平湖"));
        assert!(!is_title_like("程给出了答案。"));
        assert!(!is_title_like("“建设平湖右先锋国际创新"));
    }

    #[test]
    fn continuations_and_datelines() {
        assert!(starts_as_continuation("程，为金平湖新崛起"));
        assert!(starts_as_continuation("20分钟医疗圈"));
        assert!(!starts_as_continuation("党建强基，重点在"));
        assert!(!starts_as_continuation("“项目为王”理念"));
        assert!(starts_dateline("本报讯 昨天上午"));
        assert!(!starts_dateline("据了解，本报讯"));
    }

    #[test]
    fn column_width_needs_three_lines() {
        let lens = [(15.0, false), (15.0, false), (14.5, false), (6.0, true)];
        assert_eq!(column_width(&lens, 0, 8), Some(15.0));
        let clean = [(120.0, true), (80.0, true), (12.0, false)];
        assert_eq!(column_width(&clean, 1, 8), None);
        // Titles of about one width, but not next to each other.
        let titles = [(10.0, false), (60.0, true), (10.0, false), (70.0, true), (10.0, false)];
        assert_eq!(column_width(&titles, 2, 8), None);
    }

    /// `text` cut into lines of `width` characters.
    fn wrap(text: &str, width: usize) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        chars.chunks(width).map(|c| c.iter().collect()).collect()
    }

    #[test]
    fn columns_of_two_widths_show_wrapping() {
        let a = "从铁军打造升级为党建强基新工程有着怎样的新景市委组织部常务副部长市党建强基工程指挥部办公室主任何小云表示新一年党建强基工程将围绕创新奋进主题主线筑牢筑强政治治理干部群众作风五个根基";
        let b = "持续六年推进的铁军打造工程为金平湖新崛起提供了坚强的队伍保证在全面贯彻党的二十大精神开局之年也是平湖向着七连捷创新奋进之年党建强基全新启航一个工程的迭代升级背后传递了怎样一种信号将构建怎样的新格局这是全市各级党组织和党员干部共同面对的问题";
        let long = "党建强，则根基稳；根基稳，则社会兴。如何为打造中国式现代化的金平湖璀璨明珠提供坚强的组织保证，为平湖经济社会高质量发展筑牢最坚实的根基？";
        let mut lines: Vec<String> = wrap(a, 9).into_iter().take(9).collect();
        lines.extend(wrap(b, 12).into_iter().take(9));
        lines.extend(std::iter::repeat_n(long.to_string(), 20));
        let page = lines.join("\n") + "\n";
        // Neither width alone is a quarter of the page's lines; both together are.
        assert!(shows_wrapping(&page), "{page}");
        // Must not fire: the same page as clean text, each paragraph on a line.
        let clean = format!("{a}。\n{b}。\n{}", format!("{long}\n").repeat(20));
        assert!(!shows_wrapping(&clean), "{clean}");
        // Nor lines of two widths that cut no word: titles, each a phrase of its own.
        let titles = ["加强创新推进构建大党建新格局", "五大根基筑实璀璨明珠坚强底座"];
        let mut lines: Vec<String> = Vec::new();
        for _ in 0..9 {
            lines.extend(titles.iter().map(|t| t.to_string()));
        }
        lines.extend(std::iter::repeat_n(long.to_string(), 20));
        assert!(!shows_wrapping(&(lines.join("\n") + "\n")));
    }

    #[test]
    fn a_short_snippet_shows_its_wrapping() {
        let snippet = "本报讯 今年以来，我省持续\n推进乡村振兴，全省共建成\n美丽乡村示范村一百多个，\n带动农民增收效果明显。\n";
        assert!(shows_wrapping(snippet));
        // Not: verse (every line ends in punctuation), titles over a paragraph, lines of
        // their own widths, a line of another width among them, two lines only.
        for text in [
            "床前明月光，\n疑是地上霜。\n举头望明月，\n低头思故乡。\n",
            "听取民意 汲取民智\n市人大常委会召开座谈会\n本报讯 昨天，市人大常委会召开座谈会，听取各方意见。\n",
            "我们走过\n长长的河岸\n看见灯火\n在远处亮起来\n",
            "加强创新推进，构建大党建新格局\n本报讯 今年以来，我省持续\n推进乡村振兴，全省共建成\n美丽乡村示范村一百多个，\n带动农民增收效果明显。\n",
            "本报讯 今年以来，我省持续\n带动农民增收。\n",
        ] {
            assert!(!shows_wrapping(text), "{text}");
        }
    }
}
