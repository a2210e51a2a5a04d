//! Latin-script line joining: the wrapped lines of a paragraph become running text, words
//! broken at a line end are mended, compounds broken at their own hyphen keep it, and short
//! all-caps headings stay on their own line.
//!
//! Every junction between two lines of a Latin block is decided from evidence, never from a
//! list of words:
//!
//! - the page's own vocabulary: how often the page writes the joined form (`section`), the
//!   hyphenated form (`to-day`) or the two words apart (`a round`) inside its lines, where no
//!   line break can have touched them;
//! - the English word frequencies of the wordfreq project ([`lexicon`]): how common the joined
//!   word is against its two parts, and how much more often a part starts or ends longer words
//!   than it stands alone (`dis`, `tion` are fragments; `the`, `man` are words).
//!
//! Each junction becomes one edit with its rule id and the evidence in the note:
//! `layout.latin.dehyphen` (`sec-`/`tion` -> `section`), `layout.latin.keep-hyphen` (`to-`/`day` ->
//! `to-day`), `layout.latin.join-lost-hyphen` (`dis`/`close` -> `disclose`, where the OCR lost the
//! hyphen) and `layout.latin.join-space` (one space). No recognised character is ever changed: OCR
//! errors (`Crown Lnnd`) stay as they are.
//!
//! Before joining, a drop cap standing apart from its word goes back to it (`layout.latin.drop-cap`):
//! a one-letter line before a line that opens in lower case (also past furniture lines between
//! them), or a capital standing apart at a line's start (`O nce again`), only where letter and
//! rest make a word of the word list (`A` / `new day` stays: both are words).
//!
//! This crate is the layout stage's Latin pass (`newsclean_layout::latin` re-exports it,
//! and `newsclean_layout::passes` runs [`JoinLatin`] in the join stage). It is a crate of
//! its own for its licence: the code is MIT OR Apache-2.0, but the word list compiled into
//! it (`data/en-words.txt`, see `data/WORDFREQ-LICENSE.md`) is CC BY-SA 4.0, so the crate
//! is `(MIT OR Apache-2.0) AND CC-BY-SA-4.0` and the other crates stay MIT OR Apache-2.0.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod byline;
pub mod lexicon;
pub mod script;

use std::collections::HashSet;
use std::hash::Hasher as _;
use std::ops::Range;

use newsclean_core::{
    Block, BlockKind, Context, Page, Pass, PassError, Safety, Script, TextEdit, WordCounts,
};

use lexicon::{ENGLISH, Lexicon};
use rustc_hash::{FxHashMap, FxHasher};
pub use script::script;

/// Share of a block's line junctions where the next line plainly goes on (starts in lowercase,
/// or the line ends in a word hyphen or a comma) that wrap evidence needs.
const MIN_GOES_ON_SHARE: f32 = 0.2;

/// Rule id: a word split at a line end with a hyphen, joined without it.
pub const DEHYPHEN: &str = "layout.latin.dehyphen";
/// Rule id: a compound broken at its own hyphen, joined with the hyphen kept.
pub const KEEP_HYPHEN: &str = "layout.latin.keep-hyphen";
/// Rule id: a word split at a line end whose hyphen the OCR lost, joined.
pub const JOIN_LOST_HYPHEN: &str = "layout.latin.join-lost-hyphen";
/// Rule id: two lines of a paragraph joined with one space.
pub const JOIN_SPACE: &str = "layout.latin.join-space";
/// Rule id: a Latin block decided to be a paragraph of running text (its lines joined).
pub const PARAGRAPH: &str = "layout.latin.paragraph";
/// Rule id: a short all-caps heading line split off into a block of its own, or a
/// title-case line right over a byline taken for the article's heading.
pub const HEADING: &str = "layout.latin.heading";
/// Rule id: a Latin byline or credit (`By JOHN SMITH`, `From our Correspondent`, `Photo:
/// Mary Smith`, `Staff Writer` under a byline) classified as a byline block.
pub const BYLINE: &str = "layout.latin.byline";
/// Rule id: a heading wrapped over several title-case lines over a byline, joined into one
/// heading line; and a short line between a paragraph's end and a capitalised line set apart
/// as a subhead.
pub const HEADING_WRAP: &str = "layout.latin.heading-wrap";
/// Rule id: the pieces of one printed line that the extractor wrote one a line (each but the
/// last ending in a single space: it cut the line at wide word gaps) joined back into the line.
pub const WORD_GAPS: &str = "layout.latin.word-gaps";

/// Lost-hyphen join by word frequencies: log10 of P(joined word) / (P(left) P(right)) must
/// reach this (the joined word is at least 100 times likelier than the two words by chance).
const MIN_JOIN_LOG_RATIO: f32 = 2.0;
/// Two parts both at least this common (Zipf) are words in their own right (`some`/`thing`,
/// `in`/`to`): never joined on frequencies alone.
const COMMON_WORD_ZIPF: f32 = 4.5;
/// Lost-hyphen join by a near word: the joined form is one or two OCR errors from a common
/// word; each edit costs this much Zipf...
const NEAR_PER_EDIT: f32 = 1.5;
/// ...and the near word, so discounted, must beat the two parts by this log ratio.
const NEAR_MIN_LOG_RATIO: f32 = 3.0;
/// A fragment starts (or ends) at least 10^this times more word mass than it has as a word.
const FRAGMENT_LOG_RATIO: f64 = 1.0;
/// Parts of a compound at least this common (Zipf) are words for the page-style evidence...
const PATTERN_MIN_ZIPF: f32 = 3.0;
/// ...unless they begin (or end) this many times more word mass than they have as words.
const AFFIX_RATIO: f64 = 3.0;
/// A compound broken at its own hyphen (`well-`/`known`, `long-`/`term`, `year-`/`old`): both
/// parts words at least this common (Zipf)...
const COMPOUND_PART_ZIPF: f32 = 3.0;
/// ...and the joined form rarer than this (Zipf)...
const COMPOUND_JOINED_MAX_ZIPF: f32 = 3.0;
/// ...and than the rarer part by this much...
const COMPOUND_JOINED_GAP: f32 = 1.5;
/// ...each part at least this many letters and no more an affix than a word: the words that
/// begin with the first part (end with the second) weigh at most this many times the part
/// itself (`walt-`/`ing`, `ni-`/`ton`, `pre-`/`se` are pieces of words, not words).
const COMPOUND_PART_LEN: usize = 3;
const COMPOUND_AFFIX_RATIO: f64 = 5.0;
/// ...and one part one of the productive elements English writes with a hyphen, a closed class
/// (the style guides' hyphenated prefixes and compound-adjective heads): `self-`, `well-`,
/// `long-`, `-based`, `-old`. Word frequency alone does not tell these from closed compounds
/// broken by the printer, which are as rare written solid (`horse-`/`woman`, `after-`/`words`,
/// `show-`/`ground`, `hence-`/`forward`: Zipf 1.8-2.3, against 1.6 for `wellknown` and 2.8 for
/// `longterm`); their parts are no such element.
const COMPOUND_FIRST_ELEMENTS: &[&str] = &[
    "all", "cross", "far", "full", "half", "high", "ill", "long", "low", "non", "quasi", "self", "short",
    "well",
];
const COMPOUND_SECOND_ELEMENTS: &[&str] = &[
    "based", "born", "elect", "free", "known", "like", "made", "minded", "old", "owned", "proof", "related",
    "scale", "sized", "style", "term", "wide",
];
/// The shortest part of a word broken across lines (hyphenation leaves at least two letters).
const MIN_PART_LEN: usize = 2;
/// The word list does not speak for a page when fewer than this share of the page's distinct
/// in-line words (of [`LANGUAGE_WORD_LEN`] letters or more) are in it at [`LANGUAGE_KNOWN_ZIPF`]:
/// on the realpages dev pages French text shows 0.35-0.45 (`salle`, `maire`, `disent` are rare
/// English words, so `la`/`salle` read as the English name `lasalle`), English 0.96-1.00; but
/// OCR'd English (the real set) goes down to 0.34 with misread words, hence the second test.
const LANGUAGE_SHARE: f32 = 0.55;
/// ...and fewer than this share of the words the page writes twice or more: misreadings
/// seldom repeat, a language's own words do (French dev pages 0.29-0.52; the real English set
/// 0.55 at the least).
const LANGUAGE_REPEATED_SHARE: f32 = 0.6;
/// Fewest words written twice or more for [`LANGUAGE_REPEATED_SHARE`] to decide.
const LANGUAGE_MIN_REPEATED: usize = 10;
/// The shortest word counted for [`LANGUAGE_SHARE`] (two-letter words are shared by languages).
const LANGUAGE_WORD_LEN: usize = 3;
/// The Zipf frequency at which a word counts as one of the word list's language.
const LANGUAGE_KNOWN_ZIPF: f32 = 3.0;
/// Fewest distinct words for [`LANGUAGE_SHARE`] to decide; below, the word list is trusted.
const LANGUAGE_MIN_WORDS: usize = 20;
/// The longest line that can be a printed column line; longer lines are paragraphs already.
const MAX_COLUMN: usize = 100;
/// A line ending a sentence at most this share of the width of the lines around it is the
/// last line of its paragraph.
const SHORT_LAST_LINE: f32 = 0.75;
/// A column has at least this many lines of its width…
const MIN_COLUMN_LINES: usize = 3;
/// …that are at least this share of its lines (but the last)…
const MIN_COLUMN_SHARE: f32 = 0.6;
/// …where a line is of the column's width when its length is within this share of the median…
const COLUMN_TOLERANCE: f32 = 0.35;
/// …and its lines are this many characters long (median): the narrowest newspaper columns
/// hold 20-30 characters of Latin text.
const MIN_COLUMN_CHARS: usize = 16;
/// A run of lines is wrapped text when at least this share of its line ends are mid-sentence.
const MIN_OPEN_SHARE: f32 = 0.25;
/// A heading line: at most this many characters and words, all its letters capitals.
const HEADING_MAX_CHARS: usize = 60;
const HEADING_MAX_WORDS: usize = 8;
const HEADING_MIN_LETTERS: usize = 3;

/// The pass `layout.latin`.
#[derive(Clone, Copy, Debug, Default)]
pub struct JoinLatin;

/// The pass's id, the prefix of its `layout.latin.*` rule ids.
pub const PASS_ID: &str = "layout.latin";

impl Pass for JoinLatin {
    fn id(&self) -> &str {
        PASS_ID
    }

    fn run(&self, page: &mut Page, ctx: &Context) -> Result<(), PassError> {
        if page.meta.script == Script::Unknown {
            // The page's script as the layout's page facts have it: the one detector over
            // the page's letters, which the geometry passes (white space and line order
            // only) do not change, so the input's count is theirs.
            page.meta.script = script(page.input());
        }
        // A CJK page's stray Latin lines (mastermasts, names) are the CJK passes' business.
        if !matches!(page.meta.script, Script::Latin | Script::Mixed) {
            return Ok(());
        }
        remove_furniture_inside_latin_text(page)?;
        join_word_gaps(page)?;
        classify_bylines(page)?;
        rejoin_drop_caps(page, &ENGLISH)?;
        let mut open: Vec<bool> = (0..page.blocks().len()).map(|i| is_open_latin_block(page, i)).collect();
        if !open.iter().any(|&o| o) {
            return Ok(());
        }
        // It only adds blocks to the open ones (a number line after an open block).
        open_number_tails(page, &mut open);
        let mut starts = regroup(page, &open);
        let mut subheads = HashSet::new();
        split_paragraphs(page, &mut starts, &mut subheads);
        let mine: Vec<usize> =
            (0..page.blocks().len()).filter(|&i| starts.contains(&page.blocks()[i].range.start)).collect();
        let headings: Vec<bool> =
            mine.iter().map(|&i| page.block_lines(i).all(|(_, l)| is_heading_line(l))).collect();
        let subhead: Vec<bool> =
            mine.iter().map(|&i| subheads.contains(&page.blocks()[i].range.start)).collect();
        let mut vocab = PageVocab::build(page, &mine);
        vocab.other_language = !lexicon_speaks_for(page, &mine, &ENGLISH);
        let mut edits = Vec::new();
        for &i in &mine {
            let lines: Vec<(Range<usize>, &str)> =
                page.block_lines(i).filter(|(_, l)| !l.trim().is_empty()).collect();
            for pair in lines.windows(2) {
                let (prev, next) = (&pair[0], &pair[1]);
                if let Some(edit) = junction_edit(prev, next, &vocab, &ENGLISH, ctx) {
                    edits.push(edit);
                }
            }
        }
        page.apply(edits).map_err(|source| PassError::Edit { pass: self.id().into(), source })?;
        remove_trailing_jumps(page, &mine)?;
        // Joining never empties a block, so the indices still hold. The blocks are decided:
        // later passes find them classified and leave them whole.
        for ((&i, &heading), &subhead) in mine.iter().zip(&headings).zip(&subhead) {
            if subhead {
                page.classify_because(
                    i,
                    BlockKind::Headline,
                    HEADING_WRAP,
                    "a short line between a sentence end and a capitalised line: a subhead",
                );
            } else if heading {
                page.classify(i, BlockKind::Headline, HEADING);
            } else {
                page.classify(i, BlockKind::Body, PARAGRAPH);
            }
        }
        Ok(())
    }
}

/// Furniture lines that sit inside Latin text (an open Latin line, the furniture, an open
/// Latin line, one line break apart each) are removed now, under the rule that classified them,
/// rather than at the end: the text around them is then one run, as it is on the clean page,
/// so the same junction is decided the same way when clean text is cleaned again. So are
/// furniture and junk lines with blank lines around them when the text before runs on into
/// the text after ([`continues`]): on the clean page the two meet on consecutive lines, and a
/// second clean joins them (found on a realpages page: `… opening hours at the`, a footer
/// line and a blank line, `about $45,000. …`).
fn remove_furniture_inside_latin_text(page: &mut Page) -> Result<(), PassError> {
    let blocks = page.blocks();
    let text = page.text();
    let single_break = |a: usize, b: usize| text[a..b].chars().filter(|&c| c == '\n').count() == 1;
    let removed = |j: usize| matches!(blocks[j].kind, BlockKind::Furniture | BlockKind::Junk);
    let mut edits = Vec::new();
    let mut i = 1;
    while i < blocks.len() {
        if !removed(i) {
            i += 1;
            continue;
        }
        let run_end = (i..blocks.len()).find(|&j| !removed(j)).unwrap_or(blocks.len());
        let inside = run_end < blocks.len()
            && is_open_latin_block(page, i - 1)
            && is_open_latin_block(page, run_end)
            && ((i..=run_end).all(|j| single_break(blocks[j - 1].range.end, blocks[j].range.start))
                || continues(page.block_text(i - 1), page.block_text(run_end)));
        if inside {
            for b in &blocks[i..run_end] {
                let rule = b.rule.clone().unwrap_or_else(|| match b.kind {
                    BlockKind::Junk => "page.junk".into(),
                    _ => "page.furniture".into(),
                });
                // The line and the line break after it.
                let end = b.range.end + text[b.range.end..].find('\n').map_or(0, |n| n + 1);
                let edit = TextEdit::delete(b.range.start..end, rule);
                edits.push(match &b.note {
                    Some(note) => edit.with_note(format!("{note}; inside running text")),
                    None => edit,
                });
            }
        }
        i = run_end;
    }
    page.apply(edits).map_err(|source| PassError::Edit { pass: PASS_ID.into(), source })?;
    Ok(())
}

/// A run of word-gap pieces and the line that ends it, joined, is at most this share of the
/// width of the column lines around it.
const WORD_GAPS_MAX_WIDTH: f32 = 1.25;
/// Lines around a run of pieces whose widths give the column's width: this many either side.
const WORD_GAPS_WINDOW: usize = 10;
/// The page shows word-gap pieces: at least this many go on into a lower-case word...
const WORD_GAPS_MIN_LOWER: usize = 2;
/// ...and at most this share of its lines with letters are pieces.
const WORD_GAPS_MAX_SHARE: f32 = 0.5;

/// PyMuPDF writes a justified line of a column as several pieces, one a line, where the line
/// has wide word gaps: every piece but the last ends in a single space (`he ` / `county ` /
/// `engineer ` / `expressed`). The pieces are joined back into their line before bylines,
/// headings and paragraphs are read from the lines (`layout.latin.word-gaps`): deleting the
/// line break after the space.
///
/// Only on a page that shows the shape: at least [`WORD_GAPS_MIN_LOWER`] pieces going on into
/// a lower-case word, and pieces at most [`WORD_GAPS_MAX_SHARE`] of the page's lines (text
/// whose every line ends in a space shows nothing). A run of pieces is joined when it and the
/// line that ends it fit one column line (at most [`WORD_GAPS_MAX_WIDTH`] of the median width
/// of the whole lines around it). Never across a blank line, two trailing spaces (a Markdown
/// line break), a list item or Markdown line, nor from a sentence end into a heading, title
/// or byline line.
fn join_word_gaps(page: &mut Page) -> Result<(), PassError> {
    if page.is_disabled(WORD_GAPS) {
        return Ok(());
    }
    struct Line<'a> {
        /// Offset of the line's end (its `\n`, or the text's end).
        end: usize,
        /// Characters without the white space around.
        len: usize,
        piece: bool,
        open: bool,
        text: &'a str,
    }
    let text = page.text();
    // Open Latin blocks, and open blocks without letters (`112 `, `3, `: pieces too).
    let open_ranges: Vec<Range<usize>> = (0..page.blocks().len())
        .filter(|&i| {
            is_open_latin_block(page, i)
                || page.blocks()[i].kind == BlockKind::Unknown && !has_letters(page.block_text(i))
        })
        .map(|i| page.blocks()[i].range.clone())
        .collect();
    let in_open = |at: usize| -> bool {
        let k = open_ranges.partition_point(|r| r.end <= at);
        open_ranges.get(k).is_some_and(|r| r.start <= at)
    };
    let mut lines = Vec::new();
    let mut at = 0;
    for l in text.split('\n') {
        let t = l.trim();
        let start = at + (l.len() - l.trim_start().len());
        let open = !t.is_empty() && in_open(start);
        let piece = open && l.ends_with(' ') && !l.ends_with("  ") && t.chars().any(char::is_alphanumeric);
        lines.push(Line { end: at + l.len(), len: t.chars().count(), piece, open, text: t });
        at += l.len() + 1;
    }
    let pieces = lines.iter().filter(|l| l.piece).count();
    let with_letters = lines.iter().filter(|l| l.open && has_letters(l.text)).count();
    let goes_on_lower = lines
        .windows(2)
        .filter(|w| w[0].piece && w[1].open && w[1].text.chars().next().is_some_and(char::is_lowercase))
        .count();
    if goes_on_lower < WORD_GAPS_MIN_LOWER || pieces as f32 > WORD_GAPS_MAX_SHARE * with_letters as f32 {
        return Ok(());
    }
    // A list item or Markdown line: a marker and text after it (`- bread`, `1. bread`, `# News`);
    // a number alone (`1919. `, `3, `) is a piece of a sentence.
    let markup = |t: &str| -> bool {
        let mut words = t.split_whitespace();
        let first = words.next().unwrap_or("");
        let item = matches!(first, "-" | "*" | "+" | "•" | ">" | "|")
            || first.starts_with('#')
            || first
                .strip_suffix(['.', ')'])
                .is_some_and(|n| (1..=2).contains(&n.len()) && n.chars().all(|c| c.is_ascii_digit()));
        item && words.next().is_some()
    };
    // May piece `m` be joined to line `m + 1`?
    let joins = |m: usize| -> bool {
        let (a, b) = (&lines[m], lines.get(m + 1));
        let Some(b) = b else { return false };
        a.piece
            && b.open
            && !markup(a.text)
            && !markup(b.text)
            && !(ends_sentence(a.text)
                && (is_heading_line(b.text)
                    || is_title_line(b.text)
                    || byline::byline_shape(b.text, false).is_some()))
    };
    let mut edits = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        if !joins(k) {
            k += 1;
            continue;
        }
        // The run: pieces k.. joined on to line j.
        let mut j = k;
        while joins(j) {
            j += 1;
        }
        let run_len = lines[k..=j].iter().map(|l| l.len).sum::<usize>() + (j - k);
        let (lo, hi) = (k.saturating_sub(WORD_GAPS_WINDOW), (j + WORD_GAPS_WINDOW + 1).min(lines.len()));
        let mut widths: Vec<usize> = lines[lo..hi]
            .iter()
            .filter(|l| l.open && !l.piece && (MIN_COLUMN_CHARS..=MAX_COLUMN).contains(&l.len))
            .map(|l| l.len)
            .collect();
        widths.sort_unstable();
        let fits = widths.len() >= MIN_COLUMN_LINES && {
            let median = widths[widths.len() / 2];
            run_len as f32 <= WORD_GAPS_MAX_WIDTH * median as f32
        };
        if fits {
            let note = format!(
                "{} pieces of one line, each but the last ending in a single space, {run_len} characters joined, within the column's width",
                j - k + 1
            );
            for line in &lines[k..j] {
                edits.push(TextEdit::delete(line.end..line.end + 1, WORD_GAPS).with_note(note.clone()));
            }
        }
        k = j + 1;
    }
    // Where each deleted line break lands in the new text: its blocks meet there.
    let meets: Vec<usize> = edits.iter().enumerate().map(|(n, e)| e.range.start - n).collect();
    if page.apply(edits).map_err(|source| PassError::Edit { pass: PASS_ID.into(), source })? == 0 {
        return Ok(());
    }
    for &at in meets.iter().rev() {
        let blocks = page.blocks();
        let i = blocks.partition_point(|b| b.range.start < at);
        if i == 0 || i >= blocks.len() || blocks[i].range.start != at {
            continue;
        }
        if blocks[i - 1].range.end + 1 == at
            && blocks[i - 1].kind == BlockKind::Unknown
            && blocks[i].kind == BlockKind::Unknown
        {
            page.merge_blocks(i - 1, i, BlockKind::Unknown);
        }
    }
    Ok(())
}

/// The rule id of a jump line (furniture) the Latin pass removes from a paragraph's end.
pub const JUMP: &str = "layout.furniture.jump";

/// A jump marker printed at the end of a paragraph's last line, after its last sentence
/// (`… the engineer said. Continued on Page 4`), is furniture: removed with the space before
/// it (`layout.furniture.jump`). Decided on the joined paragraph, so a marker that a wrap cut
/// in two is found as it is in clean text.
fn remove_trailing_jumps(page: &mut Page, mine: &[usize]) -> Result<(), PassError> {
    let mut edits = Vec::new();
    for &i in mine {
        let t = page.block_text(i).trim_end();
        if let Some(at) = trailing_jump(t) {
            let start = page.blocks()[i].range.start;
            edits.push(
                TextEdit::delete(start + at..start + t.len(), JUMP)
                    .with_note("jump: a page reference after the paragraph's last sentence; at its end"),
            );
        }
    }
    page.apply(edits).map_err(|source| PassError::Edit { pass: PASS_ID.into(), source })?;
    Ok(())
}

/// Where a jump marker ends `t` after a sentence end: the offset of the white space before it.
pub fn trailing_jump(t: &str) -> Option<usize> {
    let starts: Vec<usize> = t
        .char_indices()
        .filter(|&(k, c)| c.is_whitespace() && !t[k + c.len_utf8()..].starts_with(char::is_whitespace))
        .map(|(k, c)| k + c.len_utf8())
        .collect();
    for &q in starts.iter().rev().take(6) {
        let tail = &t[q..];
        let before = t[..q].trim_end();
        if tail.chars().count() <= 40 && ends_sentence(before) && is_jump_tail(tail) {
            return Some(before.len());
        }
    }
    None
}

/// A jump marker's shape: `Continued on Page 4`, `Continued from page 1`, `Please turn to Page
/// 6`, `See FOOTBALL, Page 5`, `suite page 3`, `● a pagina 12`, in parentheses or not.
fn is_jump_tail(tail: &str) -> bool {
    let t = tail.trim();
    let t = t.strip_prefix('(').and_then(|t| t.strip_suffix(')')).unwrap_or(t);
    let w: Vec<&str> = t.split_whitespace().collect();
    let Some(num) = w.last() else { return false };
    if !(1..=3).contains(&num.len()) || !num.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let page_word = |x: &str| matches!(x, "Page" | "page" | "PAGE");
    match w.as_slice() {
        ["Continued", "on" | "from", p, _] => page_word(p),
        ["Please", "turn", "to", p, _] => page_word(p),
        ["See", word, p, _] => {
            page_word(p)
                && word
                    .strip_suffix(',')
                    .is_some_and(|x| x.chars().count() >= 3 && x.chars().all(char::is_uppercase))
        }
        ["suite" | "Suite", "page", _] => true,
        ["●" | "■" | "Segue", "a", "pagina", _] => true,
        _ => false,
    }
}

/// The rule id of a drop cap joined back to its word.
pub const DROP_CAP: &str = "layout.latin.drop-cap";
/// The least Zipf frequency of the word a drop cap makes with its rest.
const DROP_CAP_MIN_ZIPF: f32 = 3.0;

/// A drop cap (the first letter of an article set two or three lines high) joined back to
/// the rest of its word (`layout.latin.drop-cap`), only where the page shows it: a line holding one
/// capital letter right before a line that opens in lower case (`T` / `he council met`), or a
/// capital standing apart at the start of a line before a lower-case rest (`O nce again`); the
/// letter and the rest must make a word of the word list, and `A` or `I` (words themselves)
/// only when the rest alone is none (`A` / `new day` stays).
fn rejoin_drop_caps(page: &mut Page, lex: &Lexicon) -> Result<(), PassError> {
    let first_word = |t: &str| -> String { t.chars().take_while(|c| c.is_alphabetic()).collect() };
    // The page's own words (inside its lines), for languages the word list does not hold
    // (`S` / `elon la préfecture`: the page writes `selon`).
    let latin: Vec<usize> = (0..page.blocks().len()).filter(|&i| is_open_latin_block(page, i)).collect();
    let mut vocab = PageVocab::build(page, &latin);
    // A capitalised word opening a line is whole too (no line break cut it on the left, and
    // a word follows it on the line): the raw page's `Secondo il sindaco` counts as clean
    // text's `… marzo. Secondo il sindaco` does, so the same rests are found both times.
    // So is a word at a line's edge that punctuation closes off from the line break: the
    // first word after a line ending in a mark (`dix-huit mois,` / `selon les services`) and
    // a line's last word ending in one (`… la fête du lac.`); no line break cut them, and clean
    // text has them inside a line (found on a realpages page cut in three: `S` / `elon …`
    // was rejoined only by a second clean, once `… mois, selon les …` met on one line).
    let mut after_mark = false;
    let mut prev_end: Option<usize> = None;
    for &i in &latin {
        // The line before is the previous Latin block's last, when only a line break parts them.
        let start = page.blocks()[i].range.start;
        if prev_end.is_none_or(|e| e > start || page.text()[e..start].matches('\n').count() != 1) {
            after_mark = false;
        }
        prev_end = Some(page.blocks()[i].range.end);
        for (_, line) in page.block_lines(i) {
            let toks: Vec<&str> = line.split_whitespace().collect();
            if let [first, _, ..] = toks[..]
                && first.chars().last().is_some_and(char::is_alphanumeric)
                && (after_mark || first.chars().next().is_some_and(char::is_uppercase))
            {
                vocab.add_word(first);
            }
            if let [.., last] = toks[..]
                && toks.len() >= 2
                && ends_in_mark(last)
            {
                vocab.add_word(last);
            }
            after_mark = toks.last().is_some_and(|t| ends_in_mark(t));
        }
    }
    let makes_word = |cap: char, rest: &str| -> Option<String> {
        let rest_word = first_word(rest);
        if rest_word.is_empty() || !rest_word.chars().next().is_some_and(char::is_lowercase) {
            return None;
        }
        let joined = format!("{cap}{rest_word}").to_lowercase();
        let z = lex.zipf(&joined);
        let rest_is_word = lex.zipf(&rest_word) >= DROP_CAP_MIN_ZIPF || vocab.word(&rest_word) > 0;
        if matches!(cap, 'A' | 'I') && rest_is_word {
            return None;
        }
        if z >= DROP_CAP_MIN_ZIPF {
            Some(format!("zipf {z:.1}"))
        } else if vocab.word(&joined) > 0 && vocab.word(&rest_word) == 0 {
            Some(format!("the page writes {joined} {} times", vocab.word(&joined)))
        } else {
            None
        }
    };
    let mut edits = Vec::new();
    let n = page.blocks().len();
    let line_of = |page: &Page, i: usize| page.block_text(i).trim().to_string();
    let one_letter = |page: &Page, i: usize| -> Option<char> {
        let t = line_of(page, i);
        let mut cs = t.chars();
        let c = cs.next().filter(|c| c.is_uppercase() && c.is_alphabetic())?;
        // The furniture pass may have taken a letter at the page's edge for a band label; a
        // rest that it makes a word with says it is a drop cap.
        let band = page.blocks()[i].kind == BlockKind::Furniture
            && page.blocks()[i].rule.as_deref() == Some("layout.furniture.band");
        (cs.next().is_none() && (band || is_open_latin_block(page, i))).then_some(c)
    };
    let skipped =
        |page: &Page, j: usize| matches!(page.blocks()[j].kind, BlockKind::Furniture | BlockKind::Junk);
    // A rest: an open Latin line opening in lower case where no line of text runs on into it:
    // the line before is a byline, a heading, a one-letter line, or there is none. (A line
    // ending a sentence is no such evidence: clean text joins a lower-case line after it.)
    let is_rest = |page: &Page, j: usize| -> bool {
        if !is_open_latin_block(page, j) || !line_of(page, j).chars().next().is_some_and(char::is_lowercase) {
            return false;
        }
        let Some(p) = (0..j).rev().find(|&p| !skipped(page, p)) else { return true };
        let prev = line_of(page, p);
        matches!(page.blocks()[p].kind, BlockKind::Byline | BlockKind::Headline)
            || one_letter(page, p).is_some()
            || is_heading_line(&prev)
            || is_title_line(&prev)
    };
    let rests: Vec<usize> = (0..n).filter(|&j| is_rest(page, j)).collect();
    let letters: Vec<usize> = (0..n).filter(|&i| one_letter(page, i).is_some()).collect();
    // Letters printed as a run at the top of the page (PyMuPDF puts floated drop caps first),
    // before any line of text: they go to the page's rests in order, when the counts agree.
    let mut top: Vec<usize> = letters
        .iter()
        .copied()
        .take_while(|&i| (0..i).all(|k| skipped(page, k) || one_letter(page, k).is_some()))
        .collect();
    // ...and the run stands over the page's head (a masthead, a heading), not over text.
    let after_top =
        top.last().and_then(|&l| (l + 1..n).find(|&k| !skipped(page, k) && one_letter(page, k).is_none()));
    if !after_top.is_none_or(|k| {
        let line = line_of(page, k);
        skipped(page, k)
            || page.blocks()[k].kind == BlockKind::Headline
            || is_heading_line(&line)
            || is_title_line(&line)
    }) {
        top.clear();
    }
    // A rest right under a one-letter line of its own is that letter's (`A` / `spokesman`,
    // a real word set one a line in justified type, keeps its rest).
    let free_rests: Vec<usize> = rests
        .iter()
        .copied()
        .filter(|&j| {
            !(0..j)
                .rev()
                .find(|&p| !skipped(page, p))
                .is_some_and(|p| one_letter(page, p).is_some() && !top.contains(&p))
        })
        .collect();
    let mut pairs: Vec<(usize, usize, &'static str)> = Vec::new();
    if !top.is_empty() && top.len() == free_rests.len() && free_rests.iter().all(|&j| j > top[top.len() - 1])
    {
        pairs.extend(
            top.iter().zip(&free_rests).map(|(&i, &j)| (i, j, "a run of one-letter lines at the page's top")),
        );
    }
    let mut taken: HashSet<usize> = pairs.iter().map(|p| p.1).collect();
    for &i in &letters {
        if pairs.iter().any(|p| p.0 == i) {
            continue;
        }
        // The nearest rest after the letter, past what heads an article: furniture, bylines,
        // headings, lines without letters, and a caption's lines that a credit closes. Any
        // other line of text between and the letter is left alone (the counts of lines do not
        // decide: clean text has fewer of them).
        // Caption text is counted in letters, not lines (joining changes only white space).
        let (mut text_since_byline, mut text, mut last_text_ends_sentence) = (0, 0, false);
        for j in i + 1..n {
            if skipped(page, j) || !has_letters(page.block_text(j)) {
                continue;
            }
            if page.blocks()[j].kind == BlockKind::Byline {
                // Only a photo credit closes a caption; text over a byline was an article's.
                // Only a photo credit closes a caption, and a byline a heading (text of a
                // heading's length that ends no sentence); other text over a byline was an
                // article's.
                let credit = page.blocks()[j].note.as_deref().is_some_and(|n| n.contains("photo credit"));
                let heading = text_since_byline <= HEADLINE_MAX_LETTERS && !last_text_ends_sentence;
                if text_since_byline > 0 && !credit && !heading {
                    break;
                }
                text_since_byline = 0;
                continue;
            }
            if one_letter(page, j).is_some() || text_since_byline > 0 && rests.contains(&j) {
                break;
            }
            if rests.contains(&j) {
                if !taken.contains(&j) {
                    taken.insert(j);
                    pairs.push((i, j, "a one-letter line"));
                }
                break;
            }
            let line = line_of(page, j);
            let heading = page.blocks()[j].kind == BlockKind::Headline
                || is_heading_line(&line)
                || is_title_line(&line);
            if heading && text_since_byline > 0 {
                // Text, then a heading: the text was an article's, not a caption.
                break;
            }
            if !heading {
                let letters = line.chars().filter(|c| c.is_alphanumeric()).count();
                last_text_ends_sentence = ends_sentence(&line);
                text_since_byline += letters;
                text += letters;
                if !is_open_latin_block(page, j) || text > CAPTION_MAX_LETTERS {
                    break;
                }
            }
        }
    }
    for (i, j, why) in pairs {
        let Some(cap) = one_letter(page, i) else { continue };
        let next = page.block_text(j).trim_start();
        let Some(evidence) = makes_word(cap, next) else { continue };
        if page.blocks()[i].kind == BlockKind::Furniture {
            page.classify(i, BlockKind::Unknown, DROP_CAP);
        }
        let next = page.block_text(j).trim_start();
        let t = page.block_text(i);
        let start = page.blocks()[i].range.start + (t.len() - t.trim_start().len());
        let next_start = page.blocks()[j].range.start + (page.block_text(j).len() - next.len());
        let across = if j > i + 1 { ", across the lines between" } else { "" };
        let note =
            format!("{why} before a lower-case rest{across}: {cap} + {} ({evidence})", first_word(next));
        edits.push(TextEdit::delete(start..start + cap.len_utf8(), DROP_CAP).with_note(note.clone()));
        edits.push(TextEdit::insert(next_start, cap.to_string(), DROP_CAP).with_note(note));
    }
    for i in 0..n {
        if !is_open_latin_block(page, i) {
            continue;
        }
        let t = page.block_text(i);
        let start = page.blocks()[i].range.start + (t.len() - t.trim_start().len());
        let line = t.trim();
        let mut cs = line.chars();
        let Some(cap) = cs.next().filter(char::is_ascii_uppercase) else { continue };
        // One space, or a run of them (`pdftotext -layout`: `T      he hospital`, which the
        // Latin profile squeezes to `T he hospital` for a second clean to rejoin). After a
        // run, the rest must read as running text: its word, one space, another word (a table
        // row's cells stand apart by runs of spaces).
        let rest = cs.as_str();
        let after = rest.trim_start_matches(' ');
        let gap = rest.len() - after.len();
        let runs_on = || {
            let word = first_word(after);
            after[word.len()..]
                .strip_prefix(' ')
                .is_some_and(|t| t.chars().next().is_some_and(char::is_alphabetic))
        };
        if (gap == 1 || gap > 1 && runs_on())
            && let Some(evidence) = makes_word(cap, after)
        {
            edits.push(TextEdit::delete(start + 1..start + 1 + gap, DROP_CAP).with_note(format!(
                "a capital standing apart before a lower-case rest: {cap} + {} ({evidence})",
                first_word(after)
            )));
        }
    }
    edits.sort_by_key(|e| (e.range.start, e.range.end));
    page.apply(edits).map_err(|source| PassError::Edit { pass: PASS_ID.into(), source })?;
    Ok(())
}

/// True when a token ends in a sentence or clause mark after a letter or digit (`mois,`,
/// `lac.`, `said:"`), closing quotes and brackets after: the line break after it cut no word.
fn ends_in_mark(token: &str) -> bool {
    let t = token.trim_end_matches(['"', '\'', ')', ']', '”', '’', '»']);
    let mut rev = t.chars().rev();
    rev.next().is_some_and(|c| matches!(c, ',' | ';' | ':' | '.' | '!' | '?'))
        && rev.next().is_some_and(char::is_alphanumeric)
}

/// The most letters of a heading's text between a drop cap's letter and a byline.
const HEADLINE_MAX_LETTERS: usize = 60;
/// The most letters of caption text between a drop cap's letter and its rest.
const CAPTION_MAX_LETTERS: usize = 200;

/// True when `t` holds a letter.
fn has_letters(t: &str) -> bool {
    t.chars().any(char::is_alphabetic)
}

/// Classify the Latin bylines and credits that stand as lines of their own
/// ([`byline::byline_shape`]) as [`BlockKind::Byline`] (`layout.latin.byline`), so no paragraph
/// takes them in, and a title-case line right over one as a heading (`layout.latin.heading`).
///
/// A byline-shaped line that the line before runs into is read as running text only on a page
/// whose input shows raw layout ([`shows_raw_layout`]): on clean text (one paragraph a line)
/// a byline the first clean kept apart sits between two lines of running text just so, and
/// stays apart.
fn classify_bylines(page: &mut Page) -> Result<(), PassError> {
    let n = page.blocks().len();
    let raw_layout = shows_raw_layout(page.input());
    let mut prev_byline = false;
    // Headings wrapped over several lines: (first block, last block) of each.
    let mut wrapped: Vec<(usize, usize)> = Vec::new();
    for i in 0..n {
        if !is_open_latin_block(page, i) {
            prev_byline = page.blocks()[i].kind == BlockKind::Byline && prev_byline;
            continue;
        }
        let text = page.text();
        let adjacent = |a: usize, b: usize| -> bool {
            text[page.blocks()[a].range.end..page.blocks()[b].range.start].matches('\n').count() <= 1
        };
        let line = page.block_text(i).trim().to_string();
        let role_allowed = prev_byline && i > 0 && adjacent(i - 1, i);
        let Some(why) = byline::byline_shape(&line, role_allowed) else {
            prev_byline = false;
            continue;
        };
        // The line before, when it runs on into this one (ends mid-sentence and is no
        // heading), makes a lower-case byline word or a one-word name running text.
        let prev = (i > 0 && adjacent(i - 1, i) && is_open_latin_block(page, i - 1))
            .then(|| page.block_text(i - 1).trim().to_string());
        // A capital alone on its line (a drop cap whose rest is further on) runs into no
        // byline: the first clean, with blank lines around, keeps them apart, and so must the
        // second.
        let runs_on = prev.as_deref().is_some_and(|p| {
            !(ends_sentence(p)
                || p.chars().count() == 1 && p.chars().all(char::is_uppercase)
                || is_heading_line(p)
                || is_title_line(p)
                || byline::byline_shape(p, false).is_some())
        });
        let prev_heading =
            prev.as_deref().is_some_and(|p| !is_heading_line(p) && !ends_sentence(p) && is_title_line(p));
        let next_lower = i + 1 < n
            && adjacent(i, i + 1)
            && page.block_text(i + 1).trim_start().chars().next().is_some_and(char::is_lowercase);
        let lower_word = line.chars().next().is_some_and(char::is_lowercase);
        // A lower-case byline word (`di`, `par`, `by`) that the line before runs into is
        // running text, unless the line after starts anew (a capital, one line break on):
        // then the name closes no sentence, which prose does not do, and on the clean page
        // (no blank lines) that is how a byline that blank lines kept apart stands under
        // its heading (found on realpages pages: `Le vieux pont sera rénové` / `par Luc
        // Moreau` / `Les habitants …`, a byline the first clean kept and a second joined).
        // Nothing after it (the end of the text) starts anew too: a later pass may remove
        // the line after (a duplicate), and the clean text then ends with the name.
        let next_anew = i + 1 >= n
            || adjacent(i, i + 1)
                && page.block_text(i + 1).trim_start().chars().next().is_some_and(char::is_uppercase);
        if raw_layout
            && (runs_on && (lower_word && !next_anew || byline::one_word_name(&line))
                || byline::one_word_name(&line) && next_lower)
        {
            prev_byline = false;
            continue;
        }
        page.classify_because(i, BlockKind::Byline, BYLINE, why);
        prev_byline = true;
        if role_allowed {
            continue;
        }
        let (elements, last, over_letter) = if page.is_disabled(HEADING_WRAP) {
            (Vec::new(), None, false)
        } else {
            wrapped_headings(page, i)
        };
        let last_wrapped = elements.iter().any(|e| Some(e.1) == last);
        wrapped.extend(elements);
        let last_heading = match last {
            Some(l) if over_letter => {
                let p = page.block_text(l).trim();
                is_open_latin_block(page, l) && !is_heading_line(p) && is_title_line(p)
            }
            _ => prev_heading,
        };
        if last_heading && !last_wrapped {
            let (at, why) = match last {
                Some(l) if over_letter => (l, "a title-case line over a drop cap's letter over a byline"),
                _ => (i - 1, "a title-case line right over a byline"),
            };
            page.classify_because(at, BlockKind::Headline, HEADING, why);
        }
    }
    wrapped.sort_unstable();
    wrapped.dedup();
    // Join each wrapped heading's lines with one space, then make its blocks one.
    let text = page.text();
    let mut edits = Vec::new();
    for &(first, last) in &wrapped {
        let lines = last - first + 1;
        for k in first..last {
            let gap = page.blocks()[k].range.end..page.blocks()[k + 1].range.start;
            if &text[gap.clone()] != " " {
                edits.push(TextEdit::replace(gap, " ", HEADING_WRAP).with_note(format!(
                    "a heading wrapped over {lines} title-case lines right over a byline"
                )));
            }
        }
    }
    page.apply(edits).map_err(|source| PassError::Edit { pass: PASS_ID.into(), source })?;
    for &(first, last) in wrapped.iter().rev() {
        page.merge_blocks(first, last, BlockKind::Unknown);
        page.classify_because(
            first,
            BlockKind::Headline,
            HEADING_WRAP,
            "a heading wrapped over title-case lines right over a byline",
        );
    }
    Ok(())
}

/// The most lines of the headings over a byline.
const HEADING_WRAP_MAX_LINES: usize = 6;
/// A heading's last line at most this share of the line before it is what the wrap left over.
const HEADING_WRAP_REST: f32 = 0.6;
/// Lower-case words a title line does not end with: a wrap cut the title after them.
const TITLE_FUNCTION_WORDS: &[&str] = &[
    "a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with", "de", "di",
    "du", "la", "le", "les", "des", "et", "il", "per",
];

/// The headings right over the byline `byline` that the page wrapped over several lines: the
/// title-case lines above it (open Latin, each a piece of a title, [`is_title_piece`], not all
/// capitals), as the clean page has them: blank lines, furniture and junk between are passed
/// over, and so is a drop cap's letter right over the byline (PyMuPDF writes the floated letter
/// there; the drop-cap pass takes it away later). Read from the byline up, each junction is a
/// wrap when it shows one: the line ends in a lower-case function word (`Library to Open on` /
/// `Sundays`), the next opens in lower case (`Library to Open` / `on Sundays`), or the next is
/// what a wrap leaves over, at most [`HEADING_WRAP_REST`] of the line's length (`Park Land
/// Purchase` / `Approved`); above a heading of two lines or more, a line is its first line too
/// when the next line's first word would not have fit on it within the heading's widest line
/// (greedy wrapping). Lines that show no wrap are headings of their own (a title over a
/// subtitle), so clean text, one heading a line, is left as it is.
///
/// Returns each heading of two lines or more as (first block, last block): consecutive blocks
/// (only blank lines between), its first line opening in a capital, the joined heading a title
/// line, and no text running on into it from above; then the block of the line over the
/// byline, and whether a drop cap's letter stands between them.
fn wrapped_headings(page: &Page, byline: usize) -> (Vec<(usize, usize)>, Option<usize>, bool) {
    let line = |k: usize| page.block_text(k).trim();
    let kept = |k: usize| !matches!(page.blocks()[k].kind, BlockKind::Furniture | BlockKind::Junk);
    let prev_kept = |k: usize| (0..k).rev().find(|&p| kept(p));
    let piece =
        |k: usize| is_open_latin_block(page, k) && is_title_piece(line(k)) && !is_heading_line(line(k));
    let drop_cap = |k: usize| {
        let mut cs = line(k).chars();
        is_open_latin_block(page, k)
            && cs.next().is_some_and(|c| c.is_uppercase() && c.is_alphabetic())
            && cs.next().is_none()
    };
    let Some(mut last) = prev_kept(byline) else { return (Vec::new(), None, false) };
    let over_letter = drop_cap(last);
    if over_letter {
        match prev_kept(last) {
            Some(l) => last = l,
            None => return (Vec::new(), None, false),
        }
    }
    if !piece(last) {
        return (Vec::new(), Some(last), over_letter);
    }
    // The run of pieces, from the byline up.
    let mut run = vec![last];
    while run.len() < HEADING_WRAP_MAX_LINES {
        match prev_kept(run[run.len() - 1]) {
            Some(p) if piece(p) => run.push(p),
            _ => break,
        }
    }
    run.reverse();
    // Lengths as printed, a run of spaces counting as one ([`squeezed_len`]): a heading whose
    // words `pdftotext -layout` set apart (`Farmers      Fear   Another Summer`) is no longer
    // than its words, or a second clean of the first clean's lines finds a wrap the first did
    // not (found on a realpages page).
    let len = |k: usize| squeezed_len(line(k));
    let first_word = |k: usize| line(k).split_whitespace().next().map_or(0, |w| w.chars().count());
    let shows_wrap = |a: usize, b: usize| -> bool {
        let ends_function_word =
            line(a).split_whitespace().last().is_some_and(|w| TITLE_FUNCTION_WORDS.contains(&w));
        let next_lower = line(b).chars().next().is_some_and(char::is_lowercase);
        let rest = (len(b) as f32) <= HEADING_WRAP_REST * len(a) as f32
            || line(b).split_whitespace().nth(1).is_none();
        ends_function_word || next_lower || rest
    };
    // From the byline up: the heading being read is run[m + 1 ..= end].
    let mut out = Vec::new();
    let mut end = run.len() - 1;
    for m in (0..run.len() - 1).rev() {
        let (a, b) = (run[m], run[m + 1]);
        let joins = b == a + 1
            && (shows_wrap(a, b)
                || end > m + 1 && {
                    let widest = run[m + 1..=end].iter().map(|&k| len(k)).max().unwrap_or(0);
                    len(a) + 1 + first_word(b) > widest
                });
        if !joins {
            if end > m + 1 {
                out.push((m + 1, end));
            }
            end = m;
        }
    }
    if end > 0 {
        out.push((0, end));
    }
    let above_runs_on = |first: usize| {
        prev_kept(first).is_some_and(|p| {
            is_open_latin_block(page, p)
                && !ends_sentence(line(p))
                && !is_heading_line(line(p))
                && !piece(p)
                && !drop_cap(p)
        })
    };
    let mut blocks: Vec<(usize, usize)> = out
        .into_iter()
        .map(|(f, e)| (run[f], run[e]))
        .filter(|&(first, end)| {
            let joined = (first..=end).map(line).collect::<Vec<_>>().join(" ");
            line(first).chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                && is_title_line(&joined)
                && !above_runs_on(first)
        })
        .collect();
    blocks.reverse();
    (blocks, Some(last), over_letter)
}

/// A piece of a title-case heading: no mark that ends a sentence or a clause at its end, no
/// sentence end inside, at most [`HEADING_MAX_WORDS`] words, every word of four letters or more
/// capitalised, at least one.
fn is_title_piece(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() || ends_sentence(t) || t.ends_with([',', ';', ':', '-']) || ends_sentence_inside(t) {
        return false;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() > HEADING_MAX_WORDS {
        return false;
    }
    let long: Vec<&str> =
        words.iter().copied().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4).collect();
    // A piece of short words only is the title's small words (`to`, `on`) or capitalised ones.
    let small_words = long.is_empty()
        && words
            .iter()
            .all(|w| TITLE_FUNCTION_WORDS.contains(w) || w.chars().next().is_some_and(char::is_uppercase));
    (!long.is_empty() || small_words)
        && long.iter().all(|w| w.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase))
}

/// Line breaks of hard-wrapped prose a page needs to show raw layout without a blank line.
const RAW_MIN_WRAPS: usize = 3;

/// True when `text` (a page's input) shows raw layout: a blank line between two lines of
/// text, or at least [`RAW_MIN_WRAPS`] line breaks of hard-wrapped prose: a line of at most a
/// printed column's width ([`MAX_COLUMN`]) that ends open (a letter, digit, comma or hyphen),
/// then a line that starts in lower case, neither of them byline-shaped. A sentence end
/// before a lower-case line is no evidence of wrapping (`… said.` / `di Anna Riva`). Clean
/// text has no blank line and joins such breaks, so it shows none of this.
pub fn shows_raw_layout(text: &str) -> bool {
    let text = text.trim_matches(char::is_whitespace);
    if text.split('\n').any(|l| l.trim().is_empty()) {
        return true;
    }
    let mut lines = text.split('\n').map(str::trim);
    let Some(mut prev) = lines.next() else { return false };
    let mut wraps = 0;
    for l in lines {
        let open = ends_open(prev) && !ends_sentence(prev) && squeezed_len(prev) <= MAX_COLUMN;
        if open
            && l.chars().next().is_some_and(char::is_lowercase)
            && byline::byline_shape(prev, false).is_none()
            && byline::byline_shape(l, false).is_none()
        {
            wraps += 1;
        }
        prev = l;
    }
    wraps >= RAW_MIN_WRAPS
}

/// A title-case line: no sentence mark at its end, at most [`HEADING_MAX_WORDS`] + 4 words,
/// every word of four letters or more capitalised, at least two of them.
fn is_title_line(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() || ends_sentence(t) || t.ends_with([',', ';', ':', '-']) || ends_sentence_inside(t) {
        return false;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() > HEADING_MAX_WORDS + 4 {
        return false;
    }
    let long: Vec<&str> =
        words.iter().copied().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4).collect();
    long.len() >= 2
        && long.iter().all(|w| w.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase))
}

/// True when a sentence ends inside `t` and another begins: a period after a number or a word
/// of four letters or more, then a capital (`March 3, 1925. Members of the`: the line of a
/// column, no title; `Mr. Smith` and `St. Louis` end no sentence). Clean text joins such a
/// line into its paragraph, so reading it as a title on the raw page made the first clean
/// decide differently from the second.
fn ends_sentence_inside(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    words.windows(2).any(|w| {
        let Some(stem) = w[0].strip_suffix('.') else { return false };
        let letters = stem.chars().filter(|c| c.is_alphabetic()).count();
        let number = !stem.is_empty() && stem.chars().all(|c| c.is_ascii_digit());
        let word = letters >= 4
            && stem.chars().all(char::is_alphabetic)
            && stem.chars().last().is_some_and(char::is_lowercase);
        (number || word) && w[1].chars().next().is_some_and(char::is_uppercase)
    })
}

/// A block no pass has classified yet, in Latin script.
fn is_open_latin_block(page: &Page, i: usize) -> bool {
    page.blocks()[i].kind == BlockKind::Unknown && script(page.block_text(i)) == Script::Latin
}

/// The longest line [`is_number_tail`] takes for the tail of a sentence (`3, 1925.`).
const NUMBER_TAIL_MAX_CHARS: usize = 16;

/// True for a line of a number and a mark that ends or cuts a sentence, nothing else:
/// `1921.`, `$45,000.`, `3, 1925.`, `14,`. Its script is no script (no letters), so it is no
/// open Latin block by itself.
fn is_number_tail(line: &str) -> bool {
    let t = line.trim();
    let body = t.trim_end_matches(['"', '\'', ')', '”', '’']);
    let Some(core) = body.strip_suffix(['.', ',', ';', ':', '!', '?']) else { return false };
    t.chars().count() <= NUMBER_TAIL_MAX_CHARS
        && core.chars().any(|c| c.is_ascii_digit())
        && core.chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | ' ' | '$' | '£' | '€' | '%'))
}

/// A sentence whose last words are a number that the wrap put on a line of its own
/// (`… the third such proposal since` / `1921.`, `… at a cost of about` / `$45,000.`): the
/// number's line has no letters, so it is no open Latin block and would stay a paragraph of
/// its own. It is one (`layout.latin.paragraph` joins it) when it is a number and a
/// sentence mark alone ([`is_number_tail`]), one line break under an open Latin block whose
/// last line ends in a word or a comma (no sentence end, no heading): the sentence goes on
/// into it. A page number stands without a mark; a list item (`1.`) follows no open line.
fn open_number_tails(page: &Page, open: &mut [bool]) {
    let text = page.text();
    for i in 1..open.len() {
        let b = &page.blocks()[i];
        if open[i] || !open[i - 1] || b.kind != BlockKind::Unknown {
            continue;
        }
        let t = page.block_text(i);
        if t.trim().contains('\n') || !is_number_tail(t) {
            continue;
        }
        let gap = &text[page.blocks()[i - 1].range.end..b.range.start];
        let Some(last) = page.block_text(i - 1).trim_end().lines().last() else { continue };
        if gap.matches('\n').count() == 1
            && last.chars().last().is_some_and(|c| c.is_alphabetic() || c == ',')
            && !is_heading_line(last)
        {
            open[i] = true;
        }
    }
}

/// Gather the open Latin blocks into paragraphs: lines that follow each other with no blank
/// line between are one run (as [`Page::new`] segments them, whatever split them since),
/// and a blank line that cuts a sentence in two (`... the Austra` / `lian Youth ...`: no
/// sentence-final mark before it, a lowercase letter after it) is joined across. Returns the
/// start offsets of the resulting Latin blocks.
fn regroup(page: &mut Page, open: &[bool]) -> HashSet<usize> {
    let text = page.text();
    let mut out: Vec<Block> = Vec::with_capacity(page.blocks().len());
    let mut mine: Vec<bool> = Vec::with_capacity(page.blocks().len());
    for (b, &is_open) in page.blocks().iter().zip(open) {
        if is_open && mine.last() == Some(&true) {
            let last = out.last_mut().expect("mine and out have the same length");
            let newlines = text[last.range.end..b.range.start].matches('\n').count();
            if newlines <= 1 || continues(&text[last.range.clone()], &text[b.range.clone()]) {
                last.range.end = b.range.end;
                continue;
            }
        }
        out.push(b.clone());
        mine.push(is_open);
    }
    let starts = out.iter().zip(&mine).filter(|(_, m)| **m).map(|(b, _)| b.range.start).collect();
    page.set_blocks(out);
    starts
}

/// True when a blank line between `before` and `after` cuts a sentence rather than ending a
/// paragraph.
///
/// The same two cases as a wrap inside a block ([`split_paragraphs`]): the sentence goes on
/// into a lowercase word, or the line ends in a word hyphen (`sec-`). Clean output has no
/// blank lines, so a join refused here would be made by a second clean (found by a property
/// test: `a-`, blank, `A《`).
fn continues(before: &str, after: &str) -> bool {
    let last = before.trim_end();
    let ends_open = ends_open(last);
    let ends_word_hyphen = ends_word_hyphen(last);
    let next_lower = after.trim_start().chars().next().is_some_and(char::is_lowercase);
    let heading = before.lines().last().is_some_and(is_heading_line);
    // Two heading lines with no sentence end between them are one heading, as they are when
    // no blank line parts them ([`split_paragraphs`]); clean text keeps no blank line, so a
    // second clean would join them (found by a property test: `AAA`, blank, `AAA!`).
    let heading_goes_on =
        heading && !ends_sentence(last) && after.lines().next().is_some_and(is_heading_line);
    (ends_open && next_lower || ends_word_hyphen) && !heading || heading_goes_on
}

/// True when the line ends open, in a letter, digit, comma or hyphen: its sentence goes on.
fn ends_open(line: &str) -> bool {
    line.chars().last().is_some_and(|c| c.is_alphanumeric() || c == ',' || c == '-')
}

/// True when the line ends in a hyphen after a letter or digit (`sec-`, `1842-`).
fn ends_word_hyphen(line: &str) -> bool {
    let mut rev = line.trim_end().chars().rev();
    rev.next() == Some('-') && rev.next().is_some_and(char::is_alphanumeric)
}

/// True for a short line whose letters are all capitals (`LAND SALE.`, `THE WAR.`).
pub fn is_heading_line(line: &str) -> bool {
    let line = line.trim();
    if line.chars().count() > HEADING_MAX_CHARS || line.split_whitespace().count() > HEADING_MAX_WORDS {
        return false;
    }
    let mut upper = 0;
    for c in line.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_uppercase() {
            upper += 1;
        }
    }
    upper >= HEADING_MIN_LETTERS
}

/// One non-blank line of a Latin block, as the paragraph split reads it.
struct LineShape {
    /// Offset of its first non-space character.
    start: usize,
    /// Characters, without the white space around.
    len: usize,
    heading: bool,
    ends_sentence: bool,
    /// Ends a sentence after a word that cannot be an initial or a title before a name
    /// ([`ends_sentence_after_word`]): `the money.`, `in 1880.`, `said!`, not `by J.`, `Mr.`.
    ends_sentence_word: bool,
    /// Ends in a letter, digit, comma or hyphen: the sentence goes on.
    ends_open: bool,
    /// Starts with a lowercase letter.
    starts_lower: bool,
    /// Ends in a hyphen after a letter or digit (`sec-`, `1842-`): a word cut by the wrap.
    ends_word_hyphen: bool,
    /// Ends in a comma.
    ends_comma: bool,
    /// Starts with an upper-case letter.
    starts_upper: bool,
    /// Characters of its first word.
    first_word: usize,
    /// Ends in a semicolon or colon.
    ends_clause: bool,
    /// Estimated printed width in em ([`natural_width`]), without the white space around.
    width: f32,
    /// Estimated printed width of its first word in em.
    first_word_width: f32,
}

/// A subhead line is at most this share of the longer of the lines around it.
const SUBHEAD_SHORT: f32 = 0.6;

/// Split the Latin blocks (by their start offsets in `starts`) into paragraphs; the parts
/// join `starts`. A block is cut after line `k` when
/// - a run of heading lines meets a run of text lines (the heading keeps its own line), or a
///   heading line ends a sentence (`LAND SALE.` over `TO THE EDITOR.`: two headings);
/// - line `k` is longer than a printed column ([`MAX_COLUMN`]): such lines are paragraphs
///   already (clean text), so cleaning clean text changes nothing;
/// - line `k` ends a sentence and is clearly shorter than the lines around it: the last line
///   of a paragraph;
/// - the block does not look wrapped (fewer than [`MIN_OPEN_SHARE`] of its lines, or fewer
///   than two, are column lines that end mid-sentence, as in clean text) and line `k` + 1 does not plainly continue line `k`.
fn split_paragraphs(page: &mut Page, starts: &mut HashSet<usize>, subheads: &mut HashSet<usize>) {
    for i in (0..page.blocks().len()).rev() {
        if !starts.contains(&page.blocks()[i].range.start) {
            continue;
        }
        let lines: Vec<LineShape> = page
            .block_lines(i)
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(r, l)| LineShape {
                start: r.start + l.len() - l.trim_start().len(),
                len: squeezed_len(l),
                heading: is_heading_line(l),
                ends_sentence: ends_sentence(l),
                ends_sentence_word: ends_sentence_after_word(l),
                ends_open: ends_open(l.trim_end()),
                starts_lower: l.trim_start().chars().next().is_some_and(char::is_lowercase),
                ends_word_hyphen: ends_word_hyphen(l),
                ends_comma: l.trim_end().ends_with(','),
                starts_upper: l.trim_start().chars().next().is_some_and(char::is_uppercase),
                first_word: l.split_whitespace().next().map_or(0, |w| w.chars().count()),
                ends_clause: l.trim_end().ends_with([';', ':']),
                width: natural_width(l.trim()),
                first_word_width: l.split_whitespace().next().map_or(0.0, natural_width),
            })
            .collect();
        // Wrapped column text ends most lines mid-sentence; text with one paragraph a line
        // (clean text) ends nearly all of them with a sentence.
        let junctions = lines.len().saturating_sub(1);
        let open = lines.iter().take(junctions).filter(|l| !l.ends_sentence && l.len <= MAX_COLUMN).count();
        // Wrap evidence needs a column: a few lines of a printed column's width, two of
        // them ending mid-sentence at least. Scraps of text (a title, a name, one-word
        // lines) are no column, and joining them would join clean output again.
        // And a wrap shows in the next line: prose cut at a column edge goes on in lowercase
        // (or after a hyphen or comma) at least now and then; one short paragraph a line of
        // clean text starts each line anew (found by a property test: four short lines that
        // a blank line kept apart were joined by a second clean).
        // A sentence end before a lower-case line is no evidence of a wrap: clean text that
        // keeps lines apart (a sentence, then a line a blank line parted from it the first
        // time) shows it too (found by the idempotence property test: `… recommendations.` /
        // `agreed after a long debate to fund`).
        let goes_on = lines
            .windows(2)
            .filter(|w| w[1].starts_lower && !w[0].ends_sentence || w[0].ends_word_hyphen || w[0].ends_comma)
            .count();
        let wrapped = is_column(&lines)
            && open as f32 >= MIN_OPEN_SHARE * junctions as f32
            && open >= 2
            && goes_on as f32 >= MIN_GOES_ON_SHARE * junctions as f32
            // One lowercase continuation among many lines is chance, not a column: lines a
            // blank line kept apart the first time meet in clean text, and a second clean
            // took them for one (found by a property test with a random seed).
            && (goes_on >= 2 || junctions <= 2);
        // A short line opening in a capital and ending no sentence, between a sentence end
        // and a line opening in a capital, in wrapped text: a subhead, a block of its own.
        let subhead = |m: usize| -> bool {
            let l = &lines[m];
            wrapped
                && m > 0
                && m + 1 < lines.len()
                && lines[m - 1].ends_sentence
                && !lines[m - 1].heading
                && !l.heading
                && l.starts_upper
                && !l.ends_sentence
                && !l.ends_comma
                && !l.ends_word_hyphen
                && !l.ends_clause
                && lines[m + 1].starts_upper
                && (l.len as f32) < SUBHEAD_SHORT * lines[m - 1].len.max(lines[m + 1].len) as f32
        };
        for k in (0..junctions).rev() {
            let (line, next) = (&lines[k], &lines[k + 1]);
            if subhead(k + 1) || subhead(k) {
                if subhead(k + 1) && !page.is_disabled(HEADING_WRAP) {
                    subheads.insert(next.start);
                }
                page.split_block(i, next.start, BlockKind::Unknown);
                starts.insert(next.start);
                continue;
            }
            let around = k.checked_sub(1).map_or(0, |p| lines[p].len).max(next.len);
            let paragraph_end = line.ends_sentence
                && ((line.len as f32) < SHORT_LAST_LINE * around as f32
                    || wrapped
                        && next.starts_upper
                        && (next_word_fits(&lines, k)
                            || line.ends_sentence_word && indented_first_line(&lines, k + 1)));
            // A line followed by a line longer than any printed column (a paragraph of clean
            // text) was not cut by a wrap: it is a title or a paragraph of its own.
            let not_column_line = next.len > MAX_COLUMN;
            let cut = if line.heading != next.heading {
                true
            } else if line.heading {
                line.ends_sentence
            } else {
                line.len > MAX_COLUMN
                    || paragraph_end
                    || not_column_line
                    || !(wrapped || line.ends_open && next.starts_lower || line.ends_word_hyphen)
            };
            if cut {
                page.split_block(i, next.start, BlockKind::Unknown);
                starts.insert(next.start);
            }
        }
    }
}

/// Lines around a junction whose widths [`next_word_fits`] reads: this many either side.
const FIT_WINDOW: usize = 6;

/// True when the first word of line `k + 1` would have fit on line `k`, by the column's width
/// there (the median length of the column lines within [`FIT_WINDOW`] lines, at least five of
/// them): the wrap did not end line `k`, so its sentence end ends the paragraph (a justified
/// column whose indent the extractor dropped). Character counts stand for widths, so the
/// word must fit with room to spare: the line and the word are shorter than the median.
fn next_word_fits(lines: &[LineShape], k: usize) -> bool {
    let (lo, hi) = (k.saturating_sub(FIT_WINDOW), (k + FIT_WINDOW + 1).min(lines.len()));
    let mut widths: Vec<usize> =
        lines[lo..hi].iter().map(|l| l.len).filter(|n| (MIN_COLUMN_CHARS..=MAX_COLUMN).contains(n)).collect();
    if widths.len() < 5 {
        return false;
    }
    widths.sort_unstable();
    let median = widths[widths.len() / 2];
    lines[k].len + 1 + lines[k + 1].first_word < median
}

/// An em of indent at most: a paragraph's first line in a newspaper column is indented by
/// one to two ems; a line shorter than the column by more is no indented full line.
const MAX_INDENT_EM: f32 = 2.5;

/// True when line `m` is the indented first line of a paragraph of a justified column whose
/// indents the extractor dropped (PyMuPDF does): the first word of line `m + 1` would have
/// fit on a full-width line (the column's width is the second-widest line within
/// [`FIT_WINDOW`] lines, at least five of them; the widest may be a heading or an overfull
/// line), yet the wrap took it, and the line falls short of the column by no more than an
/// indent ([`MAX_INDENT_EM`]). Widths are estimated in em ([`natural_width`]) as characters
/// are too coarse: `The hospital trustees said` / `they` is short by an indent, not by a count.
/// A line that ends a sentence or is shorter than a column line is a paragraph's last line or
/// a scrap, not a first line.
fn indented_first_line(lines: &[LineShape], m: usize) -> bool {
    let Some(after) = lines.get(m + 1) else { return false };
    let line = &lines[m];
    if line.ends_sentence || line.ends_word_hyphen || !after.starts_lower || line.len < MIN_COLUMN_CHARS {
        return false;
    }
    let (lo, hi) = (m.saturating_sub(FIT_WINDOW), (m + FIT_WINDOW + 1).min(lines.len()));
    let mut widths: Vec<f32> = lines[lo..hi]
        .iter()
        .filter(|l| (MIN_COLUMN_CHARS..=MAX_COLUMN).contains(&l.len))
        .map(|l| l.width)
        .collect();
    if widths.len() < 5 {
        return false;
    }
    widths.sort_unstable_by(f32::total_cmp);
    let column = widths[widths.len() - 2];
    let with_word = line.width + SPACE_EM + after.first_word_width;
    with_word <= column && with_word >= column - MAX_INDENT_EM
}

/// The width of a word space in em.
const SPACE_EM: f32 = 0.25;

/// The printed width of a text in em, estimated from the shape classes of a roman text face
/// (narrow `i l t . ,`, wide `m w M W`, capitals, digits, other lower case): character counts
/// misjudge a line of capitals or of `ill` by several characters, more than an indent.
fn natural_width(s: &str) -> f32 {
    s.chars()
        .map(|c| match c {
            c if c.is_whitespace() => SPACE_EM,
            'i' | 'j' | 'l' | 't' | '.' | ',' | ';' | ':' | '\'' | '!' | '|' | '’' | '‘' => 0.28,
            'f' | 'r' | 'I' | '(' | ')' | '-' | '"' | '“' | '”' | '[' | ']' | '/' => 0.34,
            'm' | 'w' | 'M' | 'W' => 0.8,
            c if c.is_uppercase() => 0.68,
            c if c.is_ascii_digit() => 0.5,
            _ => 0.47,
        })
        .sum()
}

/// The characters of a line without the white space around it, a run of white space inside
/// counting as one: the length the line has once the profile's rules squeeze runs of spaces
/// (`pdftotext -layout` leaves them where it printed columns side by side). Measured with the
/// runs, a line longer than a printed column in the first clean was one in the second, and
/// the second joined it (found on realpages pages).
fn squeezed_len(l: &str) -> usize {
    let mut n = 0;
    let mut space = false;
    for c in l.trim().chars() {
        if c.is_whitespace() {
            if !space {
                n += 1;
            }
            space = true;
        } else {
            n += 1;
            space = false;
        }
    }
    n
}

/// True when the lines look like a printed column: justified lines of one width. Among the
/// lines but the last (a paragraph's last line is short), at least [`MIN_COLUMN_LINES`] and
/// [`MIN_COLUMN_SHARE`] of them are within [`COLUMN_TOLERANCE`] of their median length, which
/// is at least [`MIN_COLUMN_CHARS`]. Clean text (paragraphs of any length, one a line, and
/// short titles between them) fails this, so it is not joined again.
fn is_column(lines: &[LineShape]) -> bool {
    let body = &lines[..lines.len().saturating_sub(1)];
    // A scrap shorter than a column line that the next line plainly continues (`A` / `a …`)
    // counts with it, as one line: the join this pass makes must not change its own decision
    // on a second clean (found by a property test with a random seed).
    let mut lens: Vec<usize> = Vec::with_capacity(body.len());
    let mut k = 0;
    while k < body.len() {
        let l = &body[k];
        if l.len < MIN_COLUMN_CHARS && l.ends_open && body.get(k + 1).is_some_and(|n| n.starts_lower) {
            lens.push(l.len + 1 + body[k + 1].len);
            k += 2;
        } else {
            lens.push(l.len);
            k += 1;
        }
    }
    lens.sort_unstable();
    let Some(&median) = lens.get(lens.len() / 2) else { return false };
    if !(MIN_COLUMN_CHARS..=MAX_COLUMN).contains(&median) {
        return false;
    }
    let tolerance = median as f32 * COLUMN_TOLERANCE;
    let fitting = lens.iter().filter(|&&n| (n as f32 - median as f32).abs() <= tolerance).count();
    fitting >= MIN_COLUMN_LINES && fitting as f32 >= MIN_COLUMN_SHARE * lens.len() as f32
}

/// True when a line ends a sentence: `.`, `!` or `?`, closing quotes and brackets after.
fn ends_sentence(line: &str) -> bool {
    let t = line.trim_end().trim_end_matches(['"', '\'', ')', ']', '”', '’']);
    t.ends_with(['.', '!', '?'])
}

/// The fewest letters of a capitalised word before a full stop that ends a sentence for
/// [`ends_sentence_after_word`]: initials (`J.`) and the titles before a name (`Mr.`, `Mrs.`,
/// `Dr.`, `St.`, `Rev.`) are shorter.
const SENTENCE_NAME_MIN_LETTERS: usize = 4;

/// [`ends_sentence`], and not after an initial or a title that a name follows: a `!` or `?`,
/// or a full stop after a number, after a lower-case word (`ago.`, `the money.`), or after a
/// capitalised word of [`SENTENCE_NAME_MIN_LETTERS`] letters or more that ends in a lower-case
/// letter (`Meadows.`). Not `witnessed by "J.` nor `(Mr.`: the name goes on on the next line.
fn ends_sentence_after_word(line: &str) -> bool {
    if !ends_sentence(line) {
        return false;
    }
    let t = line.trim_end().trim_end_matches(['"', '\'', ')', ']', '”', '’']);
    let Some(stem) = t.strip_suffix('.') else { return true };
    let word = stem.rsplit(char::is_whitespace).next().unwrap_or("");
    let word = word.trim_start_matches(['"', '\'', '(', '[', '“', '‘']);
    if !word.is_empty() && word.chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    let Some(first) = word.chars().next() else { return false };
    if first.is_lowercase() {
        return true;
    }
    word.chars().filter(|c| c.is_alphabetic()).count() >= SENTENCE_NAME_MIN_LETTERS
        && word.chars().last().is_some_and(char::is_lowercase)
}

/// In-line word counts of a page: tokens inside a line (not its first or last, which a line
/// break may have cut), case-folded, and the pairs of words written apart on one line.
///
/// Words are kept as 64-bit hashes (FxHash): counting is the Latin pass's hot loop, and a
/// page's few thousand words never share a hash in practice.
#[derive(Debug, Default)]
pub struct PageVocab {
    words: FxHashMap<u64, u32>,
    pairs: FxHashMap<u64, u32>,
    /// In-line compounds by their first part (`to-day` counts for `to`) and by their last.
    heads: FxHashMap<u64, u32>,
    tails: FxHashMap<u64, u32>,
    /// The page is written in a language the word list does not speak for
    /// ([`lexicon_speaks_for`]): its frequencies do not join two lines' words.
    pub other_language: bool,
}

/// True unless the page's in-line words of the given blocks show another language than the
/// word list's: fewer than [`LANGUAGE_SHARE`] of its distinct words of [`LANGUAGE_WORD_LEN`]
/// letters or more, and fewer than [`LANGUAGE_REPEATED_SHARE`] of those it writes twice or
/// more, are words of `lex` at [`LANGUAGE_KNOWN_ZIPF`]. Pages of fewer than
/// [`LANGUAGE_MIN_WORDS`] such words, or [`LANGUAGE_MIN_REPEATED`] repeated ones: true.
pub fn lexicon_speaks_for(page: &Page, blocks: &[usize], lex: &Lexicon) -> bool {
    let mut counts: FxHashMap<String, u32> = FxHashMap::default();
    let mut w = String::new();
    for &i in blocks {
        for (_, line) in page.block_lines(i) {
            let toks: Vec<&str> = line.split_whitespace().collect();
            let n = toks.len();
            for (k, t) in toks.iter().enumerate() {
                if token_word_into(t, k, n, &mut w) == Some(true)
                    && w.chars().count() >= LANGUAGE_WORD_LEN
                    && w.chars().all(char::is_alphabetic)
                {
                    *counts.entry(w.clone()).or_default() += 1;
                }
            }
        }
    }
    let repeated = counts.values().filter(|&&c| c >= 2).count();
    if counts.len() < LANGUAGE_MIN_WORDS || repeated < LANGUAGE_MIN_REPEATED {
        return true;
    }
    let known = |w: &String| lex.zipf(w) >= LANGUAGE_KNOWN_ZIPF;
    let known_all = counts.keys().filter(|w| known(w)).count();
    let known_repeated = counts.iter().filter(|(w, c)| **c >= 2 && known(w)).count();
    known_all as f32 >= LANGUAGE_SHARE * counts.len() as f32
        || known_repeated as f32 >= LANGUAGE_REPEATED_SHARE * repeated as f32
}

/// The key of a word in a [`PageVocab`].
fn word_key(word: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(word.as_bytes());
    h.finish()
}

/// The key of two words written apart (`a round`).
fn pair_key(left: &str, right: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(left.as_bytes());
    h.write_u8(b' ');
    h.write(right.as_bytes());
    h.finish()
}

impl PageVocab {
    /// Count the in-line words of the given blocks of `page`.
    pub fn build(page: &Page, blocks: &[usize]) -> Self {
        let mut v = PageVocab::default();
        let mut toks = Vec::new();
        for &i in blocks {
            for (_, line) in page.block_lines(i) {
                v.add_line_with(line, &mut toks);
            }
        }
        v
    }

    /// Count one token as a whole written word (case-folded, without the punctuation around).
    pub fn add_word(&mut self, token: &str) {
        let mut w = String::new();
        normalize_into(token, &mut w);
        if !w.is_empty() {
            *self.words.entry(word_key(&w)).or_default() += 1;
        }
    }

    /// Count one line.
    pub fn add_line(&mut self, line: &str) {
        self.add_line_with(line, &mut Vec::new());
    }

    /// Count one line, splitting it into `toks` (a buffer reused across lines).
    fn add_line_with<'a>(&mut self, line: &'a str, toks: &mut Vec<&'a str>) {
        toks.clear();
        toks.extend(line.split_whitespace());
        let n = toks.len();
        let (mut prev, mut cur) = (String::new(), String::new());
        let mut has_prev = false;
        for (k, t) in toks.iter().enumerate() {
            let Some(whole) = token_word_into(t, k, n, &mut cur) else {
                has_prev = false;
                continue;
            };
            if let Some((head, tail)) = compound_parts(&cur) {
                *self.heads.entry(word_key(head)).or_default() += 1;
                *self.tails.entry(word_key(tail)).or_default() += 1;
            }
            if whole {
                *self.words.entry(word_key(&cur)).or_default() += 1;
            }
            if has_prev {
                *self.pairs.entry(pair_key(&prev, &cur)).or_default() += 1;
            }
            // Punctuation after a word ends the pair (`round, table` is not `round table`).
            has_prev = t.chars().last().is_some_and(char::is_alphanumeric);
            std::mem::swap(&mut prev, &mut cur);
        }
    }

    /// How often the page writes `word` inside a line.
    pub fn word(&self, word: &str) -> u32 {
        self.words.get(&word_key(word)).copied().unwrap_or(0)
    }

    /// How many in-line compounds of the page begin with `head-`.
    pub fn compounds_with_head(&self, head: &str) -> u32 {
        self.heads.get(&word_key(head)).copied().unwrap_or(0)
    }

    /// How many in-line compounds of the page end with `-tail`.
    pub fn compounds_with_tail(&self, tail: &str) -> u32 {
        self.tails.get(&word_key(tail)).copied().unwrap_or(0)
    }

    /// How often the page writes `left right` as two words on one line.
    pub fn pair(&self, left: &str, right: &str) -> u32 {
        self.pairs.get(&pair_key(left, right)).copied().unwrap_or(0)
    }
}

/// Token `k` of the `n` of a line, case-folded without the punctuation around it, into `out`,
/// and whether it is a whole written word: a compound is whole wherever it stands (`to-day` at
/// a line end), other words only inside the line, where no line break can have cut them.
/// `None` for a token of no letters or digits and for a word broken at the line end (`sec-`).
fn token_word_into(token: &str, k: usize, n: usize, out: &mut String) -> Option<bool> {
    if k + 1 == n && token.ends_with('-') {
        return None;
    }
    normalize_into(token, out);
    if out.is_empty() {
        return None;
    }
    Some((k > 0 && k + 1 < n) || compound_parts(out).is_some())
}

/// Count into `counts` the whole written words of `text` that the batch evidence of
/// [`JoinLatin`] asks about: words of letters and compounds of them (`section`, `to-day`),
/// found as [`PageVocab`] finds them. Run over every page of a batch, the counts go into
/// [`Context::batch_words`]: where a page's own text is silent on `to-`/`day`, the batch decides
/// between `to-day` and `today`.
pub fn count_batch_words(text: &str, counts: &mut WordCounts) {
    let (mut toks, mut w) = (Vec::new(), String::new());
    for line in text.lines() {
        toks.clear();
        toks.extend(line.split_whitespace());
        let n = toks.len();
        for (k, t) in toks.iter().enumerate() {
            if token_word_into(t, k, n, &mut w) == Some(true)
                && (w.chars().all(char::is_alphabetic) || compound_parts(&w).is_some())
            {
                counts.add(&w);
            }
        }
    }
}

/// The first and last part of a compound of letters (`north-west` -> `north`, `west`).
fn compound_parts(word: &str) -> Option<(&str, &str)> {
    let (head, _) = word.split_once('-')?;
    let (_, tail) = word.rsplit_once('-')?;
    let letters = |s: &str| !s.is_empty() && s.chars().all(char::is_alphabetic);
    (letters(head) && letters(tail) && word.split('-').all(letters)).then_some((head, tail))
}

/// A token case-folded, without the punctuation around it (`"Gold-fields,"` -> `gold-fields`),
/// into `out` (no allocation for ASCII tokens once `out` has grown).
fn normalize_into(token: &str, out: &mut String) {
    let t = token.trim_matches(|c: char| !c.is_alphanumeric());
    out.clear();
    if t.is_ascii() {
        out.push_str(t);
        out.make_ascii_lowercase();
    } else {
        out.push_str(&t.to_lowercase());
    }
}

/// What to do at one line junction.
#[derive(Clone, Debug, PartialEq)]
enum Decision {
    /// One space.
    Space,
    /// Delete the line-end hyphen and join.
    Dehyphen(String),
    /// Keep the hyphen, join without space.
    KeepHyphen(String),
    /// Join without space (the OCR lost the hyphen), at this safety.
    JoinLost(String, Safety),
}

/// The edit for the junction between line `prev` and line `next` (absolute ranges in `text`).
fn junction_edit(
    prev: &(Range<usize>, &str),
    next: &(Range<usize>, &str),
    vocab: &PageVocab,
    lex: &Lexicon,
    ctx: &Context,
) -> Option<TextEdit> {
    let left = prev.1.trim_end();
    let right = next.1.trim_start();
    if left.is_empty() || right.is_empty() {
        return None;
    }
    let gap_start = prev.0.start + left.len();
    let gap_end = next.0.start + (next.1.len() - right.len());
    let edit = match decide(left, right, vocab, ctx.batch_words.as_deref(), lex) {
        Decision::Space => TextEdit::replace(gap_start..gap_end, " ", JOIN_SPACE),
        Decision::Dehyphen(note) => TextEdit::delete(gap_start - 1..gap_end, DEHYPHEN).with_note(note),
        Decision::KeepHyphen(note) => TextEdit::delete(gap_start..gap_end, KEEP_HYPHEN).with_note(note),
        Decision::JoinLost(note, safety) => {
            if ctx.allows(safety) {
                TextEdit::delete(gap_start..gap_end, JOIN_LOST_HYPHEN).with_note(note)
            } else {
                TextEdit::replace(gap_start..gap_end, " ", JOIN_SPACE)
                    .with_note(format!("review-level lost-hyphen join not applied: {note}"))
            }
        }
    };
    Some(edit)
}

/// The letters at the end of `s`.
fn trailing_letters(s: &str) -> &str {
    let start =
        s.char_indices().rev().take_while(|(_, c)| c.is_alphabetic()).last().map_or(s.len(), |(i, _)| i);
    &s[start..]
}

/// The letters at the start of `s`.
fn leading_letters(s: &str) -> &str {
    let end = s.char_indices().find(|(_, c)| !c.is_alphabetic()).map_or(s.len(), |(i, _)| i);
    &s[..end]
}

/// Decide a junction from the end of one line and the start of the next.
fn decide(left: &str, right: &str, vocab: &PageVocab, batch: Option<&WordCounts>, lex: &Lexicon) -> Decision {
    let first = right.chars().next().unwrap_or(' ');
    if let Some(body) = left.strip_suffix('-') {
        let before = body.chars().last().unwrap_or(' ');
        if !before.is_alphanumeric() {
            // A dash set apart (`word -`, `word --`): text goes on after a space.
            return Decision::Space;
        }
        if before.is_ascii_digit() || first.is_ascii_digit() {
            if first.is_alphanumeric() {
                return Decision::KeepHyphen("a number on one side (1842-/43)".into());
            }
            return Decision::Space;
        }
        let l = trailing_letters(body);
        let r = leading_letters(right);
        if l.is_empty() || r.is_empty() {
            return Decision::Space;
        }
        return decide_hyphen(l, r, vocab, batch, lex);
    }
    decide_no_hyphen(left, right, first, vocab, lex)
}

/// A line ending in `l-` and the next starting with `r`: a broken word or a compound?
fn decide_hyphen(l: &str, r: &str, vocab: &PageVocab, batch: Option<&WordCounts>, lex: &Lexicon) -> Decision {
    let (lf, rf) = (l.to_lowercase(), r.to_lowercase());
    let joined = format!("{lf}{rf}");
    let hyphenated = format!("{lf}-{rf}");
    let (hy, so) = (vocab.word(&hyphenated), vocab.word(&joined));
    if hy > so {
        return Decision::KeepHyphen(format!("page writes {hyphenated} {hy}x, {joined} {so}x"));
    }
    if so > hy {
        return Decision::Dehyphen(format!("page writes {joined} {so}x, {hyphenated} {hy}x"));
    }
    // The page is silent: the other pages of the batch (the same paper's spelling of its day).
    if let Some(batch) = batch {
        let (hy, so) = (batch.get(&hyphenated), batch.get(&joined));
        if hy > so {
            return Decision::KeepHyphen(format!("batch writes {hyphenated} {hy}x, {joined} {so}x"));
        }
        if so > hy {
            return Decision::Dehyphen(format!("batch writes {joined} {so}x, {hyphenated} {hy}x"));
        }
    }
    let mut rc = r.chars();
    let capital = rc.next().is_some_and(char::is_uppercase) && rc.any(char::is_lowercase);
    if capital {
        return Decision::KeepHyphen(format!("capitalised second part ({l}-/{r})"));
    }
    if let Some(note) = compound_pattern_evidence(&lf, &rf, vocab, lex) {
        return Decision::KeepHyphen(note);
    }
    // Both parts are words, the joined form is rare and one part is an element that forms
    // hyphenated compounds: a compound broken at its own hyphen (`well-known`, `self-employed`,
    // `long-term`), not a word broken by the printer (`horse-`/`woman`, `after-`/`words`).
    let (zl, zr, zj) = (lex.zipf(&lf), lex.zipf(&rf), lex.zipf(&joined));
    if zl >= COMPOUND_PART_ZIPF
        && zr >= COMPOUND_PART_ZIPF
        && lf.chars().count() >= COMPOUND_PART_LEN
        && rf.chars().count() >= COMPOUND_PART_LEN
        && lex.prefix_mass(&lf) / lex.freq(&lf) <= COMPOUND_AFFIX_RATIO
        && lex.suffix_mass(&rf) / lex.freq(&rf) <= COMPOUND_AFFIX_RATIO
        && zj < COMPOUND_JOINED_MAX_ZIPF
        && zj + COMPOUND_JOINED_GAP < zl.min(zr)
        && (COMPOUND_FIRST_ELEMENTS.contains(&lf.as_str()) || COMPOUND_SECOND_ELEMENTS.contains(&rf.as_str()))
    {
        let element =
            if COMPOUND_FIRST_ELEMENTS.contains(&lf.as_str()) { format!("{lf}-") } else { format!("-{rf}") };
        return Decision::KeepHyphen(format!(
            "no page evidence; {lf} {zl:.1} and {rf} {zr:.1} are words, {joined} is rare ({zj:.1}), \
             {element} forms hyphenated compounds: a compound"
        ));
    }
    Decision::Dehyphen(format!("no page evidence for {hyphenated}; zipf {joined} {:.1}", lex.zipf(&joined)))
}

/// The page's style for compounds: it writes other in-line compounds that begin with `l-`
/// (`to-day` when `to-`/`morrow` is broken) or end with `-r` (`half-back` for `full-`/`back`).
/// Only for two parts that are words in their own right, not prefixes (`re-`, `co-`) or
/// suffixes, which begin or end far more words than they are.
fn compound_pattern_evidence(l: &str, r: &str, vocab: &PageVocab, lex: &Lexicon) -> Option<String> {
    let is_word = |z: f32| z >= PATTERN_MIN_ZIPF;
    let (zl, zr) = (lex.zipf(l), lex.zipf(r));
    if !is_word(zl) || !is_word(zr) {
        return None;
    }
    // The part the pattern shares must be a word, not a prefix or suffix.
    let heads =
        if lex.prefix_mass(l) / lex.freq(l) <= AFFIX_RATIO { vocab.compounds_with_head(l) } else { 0 };
    let tails =
        if lex.suffix_mass(r) / lex.freq(r) <= AFFIX_RATIO { vocab.compounds_with_tail(r) } else { 0 };
    (heads + tails > 0).then(|| {
        format!("page writes {heads} in-line compound(s) {l}-..., {tails} ...-{r}; {l} and {r} are words")
    })
}

/// A line ending in a word and the next starting with a word: did the OCR lose a hyphen?
fn decide_no_hyphen(left: &str, right: &str, first: char, vocab: &PageVocab, lex: &Lexicon) -> Decision {
    // The shape of a broken word: a line ending in a letter, the next starting lowercase.
    if !left.chars().last().is_some_and(char::is_alphabetic) || !first.is_lowercase() {
        return Decision::Space;
    }
    let last_token = left.rsplit(char::is_whitespace).next().unwrap_or(left);
    let l = trailing_letters(last_token);
    // The part is a whole token or the last part of a compound (`rabbit-kill`), not the end
    // of a token with digits in it (`4th`).
    let lead = !last_token[..last_token.len() - l.len()].chars().last().is_some_and(|c| c.is_numeric());
    let r = leading_letters(right);
    let after_r = right[r.len()..].chars().next();
    let r_ends_word = after_r.is_none_or(|c| !c.is_alphanumeric() && c != '-');
    if !lead || !r_ends_word || l.chars().count() < MIN_PART_LEN || r.chars().count() < MIN_PART_LEN {
        return Decision::Space;
    }
    let (lf, rf) = (l.to_lowercase(), r.to_lowercase());
    let joined = format!("{lf}{rf}");
    let apart = vocab.pair(&lf, &rf);
    if apart > 0 {
        return Decision::Space;
    }
    let (zl, zr, zj) = (lex.zipf(&lf), lex.zipf(&rf), lex.zipf(&joined));
    let both_common = zl >= COMMON_WORD_ZIPF && zr >= COMMON_WORD_ZIPF;
    if both_common {
        // `some`/`thing`, `in`/`to`, `a round`: two words in their own right.
        return Decision::Space;
    }
    let on_page = vocab.word(&joined);
    if on_page > 0 {
        return Decision::JoinLost(
            format!("page writes {joined} {on_page}x and never {lf} {rf}"),
            Safety::Safe,
        );
    }
    // The word list's frequencies are English ones: on a page of another language they do
    // not say that two of its words are one (`la`/`salle`, `se`/`disent`).
    if vocab.other_language {
        return Decision::Space;
    }
    if zj > 0.0 {
        let log_ratio = zj - zl - zr + 9.0;
        if log_ratio >= MIN_JOIN_LOG_RATIO {
            return Decision::JoinLost(
                format!("zipf {joined} {zj:.1} vs {lf} {zl:.1} + {rf} {zr:.1} (log ratio {log_ratio:.1})"),
                Safety::Safe,
            );
        }
    }
    if let Some(note) = near_word_evidence(&lf, &rf, zl, zr, lex) {
        return Decision::JoinLost(note, Safety::Safe);
    }
    // Review level: both parts look like fragments of longer words and neither is written
    // as a word elsewhere on the page.
    if vocab.word(&lf) == 0 && vocab.word(&rf) == 0 {
        let eps = 1e-9;
        let starts = ((lex.prefix_mass(&lf) + eps) / (lex.freq(&lf) + eps)).log10();
        let ends = ((lex.suffix_mass(&rf) + eps) / (lex.freq(&rf) + eps)).log10();
        if starts >= FRAGMENT_LOG_RATIO && ends >= FRAGMENT_LOG_RATIO {
            return Decision::JoinLost(
                format!(
                    "fragments: {lf} starts words 10^{starts:.1}x its own frequency, {rf} ends words 10^{ends:.1}x"
                ),
                Safety::Review,
            );
        }
    }
    Decision::Space
}

/// Evidence that `l` + `r` is one word the OCR misread a letter or two of (`pas`/`seneers`
/// is one edit from `passengers`): the nearest common word, when it is far likelier than the
/// two parts apart, spans both parts, and is not just one of them misread.
fn near_word_evidence(l: &str, r: &str, zl: f32, zr: f32, lex: &Lexicon) -> Option<String> {
    if r.chars().count() < 3 {
        return None;
    }
    let joined = format!("{l}{r}");
    let max_dist = if joined.len() <= 7 { 1 } else { 2 };
    let (w, zw, d) = lex.nearest(&joined, max_dist, NEAR_PER_EDIT)?;
    // Each part must be mostly intact: the second (at least three letters) with fewer edits
    // than half its letters, the first (often two letters) with fewer edits than letters.
    if w.len() + d < joined.len()
        || d >= l.len()
        || 2 * d >= r.len()
        || lexicon::levenshtein_within(w.as_bytes(), l.as_bytes(), 2).is_some()
        || lexicon::levenshtein_within(w.as_bytes(), r.as_bytes(), 2).is_some()
    {
        return None;
    }
    let score = zw - NEAR_PER_EDIT * d as f32;
    let log_ratio = score - zl - zr + 9.0;
    (log_ratio >= NEAR_MIN_LOG_RATIO).then(|| {
        format!(
            "{joined} is {d} edit(s) from {w} (zipf {zw:.1}) vs {l} {zl:.1} + {r} {zr:.1} (log ratio {log_ratio:.1})"
        )
    })
}

#[cfg(test)]
mod tests;
