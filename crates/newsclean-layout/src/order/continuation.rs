//! Continuations: a run of paragraphs that extraction put out of reading order is moved
//! back after the paragraph it continues, where a word cut at the junction proves it.
//!
//! # What it does
//! Once paragraphs are formed, it looks at the body paragraphs of the page for two shapes,
//! each at the edge of a region of the page (where the extractor jumped):
//! - a **dangling** paragraph D ends on a CJK character (no sentence end, no clause
//!   punctuation) and its last printed line in the input is a full line of its column
//!   ([`crate::text::column_width`]); it *closes a region*: the next block starts another
//!   article (a title, or a dateline paragraph 本报讯…), so the extractor left the article
//!   there, at the foot of a column; and nothing says it goes on elsewhere: a paragraph
//!   follows it on the page (it is not the page's last), no jump line (（下转第2版）) follows
//!   it, and no dictionary word ties it to the block after it;
//! - an **orphan** O cannot open a paragraph ([`orphan_shape`]): it opens with one
//!   character and a pause (`移，`, `准、`) that is no function word (preposition,
//!   conjunction, adverb, pronoun, numeral, …) nor name, or with a bound morpheme that the
//!   word list leaves apart from what follows (`员` / `干部的…`); nothing continues into it
//!   where it stands (the block before it ends a sentence or is no body text, no word spans
//!   that junction, no jump line （上接第1版） opens it); and it *opens a region*: it is the
//!   page's first text (after the header), or comes right after furniture (a header or
//!   footer line that the extractor read between two regions). After article text that
//!   ends a sentence, an orphan's partner may as well be on another page or joined into
//!   another paragraph, and a word across a junction with some other dangling paragraph
//!   would be chance (on pages of shuffled paragraphs, `…跑出` + `身职能…` and `…的全` +
//!   `长。…` were). An orphan that opens with punctuation continuing a sentence (`，`, `”`)
//!   is only named in the page's warnings: no word can span that junction.
//!
//! When a dictionary word spans D|O ([`crate::words`]: `党|员`), D is the only dangling
//! paragraph that fits O and O the only orphan that fits D, the **run** from O on is moved,
//! under rule `layout.continuation`, to D's end, as one batch of two edits (the run and the
//! white space before it deleted where it stood, the run inserted after D): D and O become
//! one paragraph, the rest of the run follows as it was. The note names the word. The run is
//! O and the body paragraphs after it, up to and including the first that ends without a
//! sentence end (what follows a dangling paragraph where it stands does not continue it),
//! and before a title, byline, caption, furniture, a dateline paragraph (本报讯…: a new
//! article), another orphan, or D itself (then nothing moves). Pairs are moved one at a time,
//! the evidence read again after each move; an orphan that two dangling paragraphs fit (or
//! the other way round) is left in place and named in the page's warnings.
//!
//! # Why
//! pdftotext's default mode reads a page's blocks in an order of its own: the second column
//! of a lead article comes out at the top of the page, before the titles, and its first
//! column ends in mid-word before the next article (`…是对党` / … / `员干部的最基本要求。`).
//! Both places then read as nonsense. The reading-order pass ([`crate::reading_order`])
//! moves single printed lines before paragraphs exist; this pass moves whole paragraphs.
//!
//! # Example
//! `员干部的最基本要求。…` (first after the page header), then the next article, then
//! `“想为”是干部“敢为”的动力触发机制。…是对党` before a title: the run from `员干部…` goes
//! to the end of `…是对党`, which becomes `…是对党员干部的最基本要求。…`.
//!
//! # When it must not fire
//! A paragraph that opens with a quote, a number or a function word (`在…`); an orphan
//! right after article text (not at the start of a region); a dangling paragraph before a
//! byline, a caption or text of its own article (not the end of a region); a dangling
//! paragraph at the end of the page or before a jump line (its article goes on on another
//! page); an orphan after a continuation line (（上接第1版）); two dangling paragraphs that
//! fit one orphan, or two orphans that fit one dangling paragraph; no word across the new
//! junction, or a word across an old one; a last line shorter than the column; text that
//! shows no raw layout (clean text, one paragraph a line: so cleaning clean output changes
//! nothing).

use std::ops::Range;

use newsclean_core::chars::is_cjk;
use newsclean_core::{Block, BlockKind, Context, Page, Pass, PassError, TextEdit};

use crate::reading_order::{FULL_LINE_SLACK, line_of};
use crate::text::{cells, column_width, ends_sentence, starts_dateline};
use crate::words::{dictionary_entry, opening_words, spanning_word};

/// The rule id of the moves.
/// The pass's id and rule id.
pub const RULE: &str = "layout.continuation";
/// The rule id under which the furniture pass classifies and cuts out jump lines.
const JUMP_RULE: &str = "layout.furniture.jump";
/// A bound morpheme this frequent in the word list is used as a word of its own too (`今`
/// in `今起，…`, `此`, `每`): no evidence of a cut word.
const FREE_WORD_FREQ: usize = 20_000;
/// Word-list tags (their first letter: `uj`, `rr` and `mq` count) of words that open
/// sentences on their own: prepositions, conjunctions, adverbs, pronouns, particles,
/// numerals, measure words, directions, times, modal particles, interjections, onomatopoeia.
const OPENING_TAGS: &[char] = &['p', 'c', 'd', 'r', 'u', 'm', 'q', 'f', 't', 'y', 'e', 'o'];
/// Word-list tags of names (persons, places, organisations, other proper names; `nrfg`,
/// `nrt` start so): a surname the list keeps alone, or one before a given name it knows
/// (`仲` / `旭东`), opens a sentence about a person.
const NAME_TAGS: &[&str] = &["nr", "ns", "nt", "nz"];
/// More orphans or dangling paragraphs than this on one page is no clear evidence (and each
/// pair costs a segmentation).
const MAX_CANDIDATES: usize = 64;
/// How many moves one page may take (each consumes a dangling paragraph; a guard only).
const MAX_MOVES: usize = 16;

/// The continuation pass.
#[derive(Debug, Default)]
pub struct Continuations;

/// How an orphan shows that it cannot open a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrphanShape {
    /// One character and a pause (`移，`, `准、`): the end of a word cut by the break.
    Pause,
    /// A bound morpheme, which is no word of its own, that the word list leaves apart from
    /// what follows (`员` / `干部的…`): the end of a word cut by the break.
    Fragment,
    /// Punctuation that continues or closes a sentence (`，…`, `”的管理…`): the break fell
    /// right before it. No word can span such a junction, so it is never moved, only named
    /// in the page's warnings.
    Punctuation,
}

/// How paragraph `text` shows that it cannot open a paragraph, if it does: see
/// [`OrphanShape`]. A paragraph that opens with an opening quote or bracket, a digit or a Latin
/// letter, a numeral (`一、`), a function word (`在`, `对`, `但`), a name, a word of two
/// characters or more, or a free word of one (`稳投资，…`, `急企业之所急`) is a possible
/// opening.
pub fn orphan_shape(text: &str) -> Option<OrphanShape> {
    shape(text, true)
}

/// [`orphan_shape`], with `fragments` false the shapes that need no segmentation of the
/// opening beyond one character (a page with no dangling paragraph has no use for them).
fn shape(text: &str, fragments: bool) -> Option<OrphanShape> {
    let t = text.trim_start();
    let mut chars = t.chars();
    let (first, second) = (chars.next()?, chars.next()?);
    if matches!(first, '，' | '。' | '、' | '；' | '：' | '！' | '？' | '”' | '’' | '）' | '》' | '」' | '』')
    {
        return Some(OrphanShape::Punctuation);
    }
    if !is_cjk(first) {
        return None;
    }
    let pause = matches!(second, '，' | '、' | '；' | '：' | '。' | '！' | '？');
    if !(pause || fragments && is_cjk(second)) {
        return None;
    }
    // The first character's own entry in the word list: no function word, no name.
    let mut buf = [0u8; 4];
    let (tag, freq) = dictionary_entry(first.encode_utf8(&mut buf))?;
    let is_name = |tag: &str| NAME_TAGS.iter().any(|n| tag.starts_with(n));
    if tag.chars().next().is_some_and(|c| OPENING_TAGS.contains(&c)) || is_name(&tag) {
        return None;
    }
    if pause {
        return Some(OrphanShape::Pause);
    }
    // A bound morpheme (`zg`, `ng`, `vg`…; `k`, a suffix) that is rare as a word of its own…
    let bound = tag == "k" || tag.len() == 2 && tag.ends_with('g');
    if !bound || freq >= FREE_WORD_FREQ {
        return None;
    }
    // …that the word list leaves alone at the opening (hidden-Markov guessing on, so an
    // unknown name, `周军波指出`, is one word), not a surname before a given name the list
    // knows (`仲` / `旭东`).
    let words = opening_words(t);
    let alone = words.first().is_some_and(|w| w.chars().count() == 1);
    let before_name = words.get(1).and_then(|w| dictionary_entry(w)).is_some_and(|(tag, _)| is_name(&tag));
    (alone && !before_name).then_some(OrphanShape::Fragment)
}

/// A move of the run of blocks `orphan..=run_end` to the end of block `dangling`.
#[derive(Clone, Debug, PartialEq)]
struct Move {
    dangling: usize,
    orphan: usize,
    run_end: usize,
    /// The word across the new junction, with a `|` at the break.
    word: String,
}

/// What one look at the page found: the moves that are clear, and doubts for a reviewer.
#[derive(Debug, Default)]
struct Findings {
    moves: Vec<Move>,
    doubts: Vec<String>,
}

impl Pass for Continuations {
    fn id(&self) -> &str {
        RULE
    }

    fn run(&self, page: &mut Page, _ctx: &Context) -> Result<(), PassError> {
        // The input, read back through the log only when the page holds candidates (the
        // last printed line of a dangling paragraph is measured there; clean text shows no
        // raw layout).
        let mut source: Option<String> = None;
        for _ in 0..MAX_MOVES {
            let found = find(page, &mut source);
            let Some(m) = found.moves.into_iter().next() else {
                page.meta.warnings.extend(found.doubts);
                break;
            };
            let src = source.as_deref().unwrap_or_default();
            apply(page, &m, src).map_err(|e| PassError::Edit { pass: RULE.to_string(), source: e })?;
        }
        Ok(())
    }
}

/// True when block `i` is body text.
fn is_body(page: &Page, i: usize) -> bool {
    page.blocks()[i].kind == BlockKind::Body
}

/// True when block `k` starts another article: a title, or a dateline paragraph (本报讯…).
fn starts_article(page: &Page, k: usize) -> bool {
    match page.blocks()[k].kind {
        BlockKind::Headline | BlockKind::Subtitle => true,
        BlockKind::Body => starts_dateline(page.block_text(k)),
        _ => false,
    }
}

/// Where the jump lines that the furniture pass cut out of paragraphs (`…指出，■下转 C2版`,
/// `（上接第1版）党建强…`) were, in the current text.
fn cut_jumps(page: &Page) -> Vec<usize> {
    let log = page.log();
    (0..log.edits().len())
        .filter(|&i| log.edits()[i].rule == JUMP_RULE)
        .map(|i| log.final_span(i).start)
        .collect()
}

/// True when a jump line stands among `blocks` (furniture of its own), or was cut out at
/// `at`.
fn jump_among(page: &Page, blocks: Range<usize>, at: usize, cut: &[usize]) -> bool {
    blocks.into_iter().any(|k| page.blocks()[k].rule.as_deref() == Some(JUMP_RULE)) || cut.contains(&at)
}

/// True when the printed line that holds the last character of the text ending at byte
/// `end` (in the current text) is a full line of its column in `source`.
fn last_line_is_full(page: &Page, source: &str, end: usize) -> bool {
    let text = page.text();
    let Some(last) = text[..end].chars().next_back() else { return false };
    let at = page.log().final_to_source(end - last.len_utf8());
    // The character must be the source's own (not text a pass inserted) and end its line.
    if !source.get(at..).is_some_and(|s| s.starts_with(last)) {
        return false;
    }
    let after = &source[at + last.len_utf8()..];
    let line_end = at + last.len_utf8() + after.find('\n').unwrap_or(after.len());
    if !source[at + last.len_utf8()..line_end].trim().is_empty() {
        return false;
    }
    let line_start = source[..at].rfind('\n').map_or(0, |p| p + 1);
    // The non-blank lines around it, as the column width reads them.
    let radius = 8;
    let before: Vec<&str> =
        source[..line_start].lines().rev().filter(|l| !l.trim().is_empty()).take(radius).collect();
    let after_lines = source[line_end..].lines().filter(|l| !l.trim().is_empty()).take(radius);
    let idx = before.len();
    let lines: Vec<&str> =
        before.into_iter().rev().chain([&source[line_start..line_end]]).chain(after_lines).collect();
    let lens: Vec<(f32, bool)> = lines.iter().map(|l| (cells(l.trim()), ends_sentence(l))).collect();
    column_width(&lens, idx, radius).is_some_and(|w| (lens[idx].0 - w).abs() <= FULL_LINE_SLACK)
}

/// The 1-based line of the input (`source`) that byte `at` of the current text comes from.
fn input_line(page: &Page, source: &str, at: usize) -> usize {
    let mut at = page.log().final_to_source(at).min(source.len());
    while !source.is_char_boundary(at) {
        at -= 1;
    }
    line_of(source, at)
}

/// Look at the page: the clear moves, in page order of their orphans, and the doubts.
fn find(page: &Page, source: &mut Option<String>) -> Findings {
    let mut found = Findings::default();
    let n = page.blocks().len();
    let content: Vec<usize> = (0..n).filter(|&i| page.blocks()[i].kind.is_content()).collect();
    // The content blocks before and after block i (furniture and junk between are skipped).
    let next_content = |i: usize| content.get(content.partition_point(|&k| k <= i)).copied();
    let prev_content = |i: usize| content.partition_point(|&k| k < i).checked_sub(1).map(|p| content[p]);
    let text = |i: usize| page.block_text(i);
    let cut = cut_jumps(page);

    // Dangling paragraphs (the full-line test, which reads the input, comes last).
    let dangling: Vec<usize> = content
        .iter()
        .copied()
        .filter(|&d| {
            is_body(page, d)
                && text(d).chars().next_back().is_some_and(is_cjk)
                // The page's last paragraph ends the page, whatever titles or captions follow.
                && (d + 1..n).any(|k| is_body(page, k))
                && next_content(d).is_some_and(|k| {
                    starts_article(page, k)
                        && spanning_word(text(d), text(k)).is_none()
                        && !jump_among(page, d + 1..k, page.blocks()[d].range.end, &cut)
                })
        })
        .collect();
    // Orphans: body paragraphs of an orphan's shape that nothing continues into (fragments
    // are looked for only when some paragraph dangles: they are only ever moved).
    let fragments = !dangling.is_empty();
    let orphans: Vec<(usize, OrphanShape)> = content
        .iter()
        .filter(|&&o| is_body(page, o))
        .filter_map(|&o| shape(text(o), fragments).map(|s| (o, s)))
        .filter(|&(o, _)| match prev_content(o) {
            None => !jump_among(page, 0..o, page.blocks()[o].range.start, &cut),
            Some(p) => {
                (!is_body(page, p) || ends_sentence(text(p)))
                    && spanning_word(text(p), text(o)).is_none()
                    && !jump_among(page, p + 1..o, page.blocks()[o].range.start, &cut)
            }
        })
        .collect();
    // Only an orphan that opens a region of the page is moved (see the module's doc).
    let opens_region =
        |o: usize| prev_content(o).is_none_or(|p| (p + 1..o).any(|k| !page.blocks()[k].kind.is_content()));
    if orphans.is_empty() {
        return found;
    }
    if orphans.len() > MAX_CANDIDATES || dangling.len() > MAX_CANDIDATES {
        found.doubts.push(format!(
            "continuation: {} paragraphs cannot open one and {} end in mid-sentence: too many for clear evidence; left in place",
            orphans.len(),
            dangling.len()
        ));
        return found;
    }
    // Candidate pairs: a word across the new junction, not where the orphan stands already.
    let mut pairs: Vec<(usize, usize, String)> = Vec::new();
    for &(o, shape) in &orphans {
        if shape == OrphanShape::Punctuation || !opens_region(o) {
            continue;
        }
        for &d in &dangling {
            if prev_content(o) != Some(d)
                && let Some(w) = spanning_word(text(d), text(o))
            {
                pairs.push((d, o, w));
            }
        }
    }
    let named = orphans.iter().any(|&(_, s)| s != OrphanShape::Fragment);
    if pairs.is_empty() && !named {
        return found;
    }
    // The input shows where the lines were; clean text (no raw layout) is left alone.
    if !crate::analysis::facts::facts_of(page).raw_layout {
        return found;
    }
    let src = source.get_or_insert_with(|| page.input().to_string());
    let mut full: Vec<(usize, bool)> = Vec::new();
    pairs.retain(|&(d, _, _)| match full.iter().find(|f| f.0 == d) {
        Some(&(_, f)) => f,
        None => {
            let f = last_line_is_full(page, src, page.blocks()[d].range.end);
            full.push((d, f));
            f
        }
    });
    let short = |i: usize| -> String {
        let head: String = text(i).chars().take(8).collect();
        format!("input line {} `{head}…`", input_line(page, src, page.blocks()[i].range.start))
    };
    // The end of a cut word and a pause, or punctuation, with no place to go: worth a
    // reviewer's look.
    for &(o, shape) in &orphans {
        if shape == OrphanShape::Pause && !pairs.iter().any(|p| p.1 == o) {
            found.doubts.push(format!(
                "continuation: {} opens with the end of a cut word, and no paragraph that ends in mid-word fits it; left in place",
                short(o)
            ));
        } else if shape == OrphanShape::Punctuation {
            found.doubts.push(format!(
                "continuation: {} opens with punctuation that continues a sentence, which no word can prove the place of; left in place",
                short(o)
            ));
        }
    }
    for (d, o, word) in &pairs {
        let by_o = pairs.iter().filter(|p| p.1 == *o).count();
        let by_d = pairs.iter().filter(|p| p.0 == *d).count();
        if by_o > 1 || by_d > 1 {
            found.doubts.push(format!(
                "continuation: {} may continue the paragraph ending at input line {} ({word} spans the break), but the evidence is not unique; left in place",
                short(*o),
                input_line(page, src, page.blocks()[*d].range.end)
            ));
            continue;
        }
        // The run from the orphan on.
        let mut end = *o;
        while ends_sentence(text(end)) {
            let k = end + 1;
            if k >= n
                || k == *d
                || !is_body(page, k)
                || starts_dateline(text(k))
                || matches!(orphan_shape(text(k)), Some(OrphanShape::Pause | OrphanShape::Punctuation))
            {
                break;
            }
            end = k;
        }
        if (*o..=end).contains(d) {
            continue;
        }
        found.moves.push(Move { dangling: *d, orphan: *o, run_end: end, word: word.clone() });
    }
    found.doubts.sort();
    found.doubts.dedup();
    found
}

/// Make move `m` as one batch: the run and the white space before it deleted where it
/// stands, the run inserted at the dangling paragraph's end; then the blocks: the dangling
/// paragraph and the orphan one block, the rest of the run blocks as they were.
fn apply(page: &mut Page, m: &Move, source: &str) -> Result<(), newsclean_core::EditError> {
    let text = page.text();
    let blocks = page.blocks();
    let run = blocks[m.orphan].range.start..blocks[m.run_end].range.end;
    let removal = if m.orphan > 0 {
        blocks[m.orphan - 1].range.end..run.end
    } else {
        run.start..blocks.get(m.run_end + 1).map_or(text.len(), |b| b.range.start)
    };
    let at = blocks[m.dangling].range.end;
    let moved = text[run.clone()].to_string();
    // The run's blocks, as offsets into the moved text.
    let parts: Vec<(Range<usize>, BlockKind, Option<String>)> = blocks[m.orphan..=m.run_end]
        .iter()
        .map(|b| (b.range.start - run.start..b.range.end - run.start, b.kind, b.rule.clone()))
        .collect();
    let count = m.run_end - m.orphan + 1;
    let note = format!(
        "{} spans the new junction, no word spans the old ones; {count} paragraph{} from input line {} moved to the end of input line {}",
        m.word,
        if count == 1 { "" } else { "s" },
        input_line(page, source, run.start),
        input_line(page, source, at)
    );
    let edits = vec![
        TextEdit::delete(removal, RULE).with_note(note.clone()),
        TextEdit::insert(at, moved.clone(), RULE).with_note(note),
    ];
    let before = page.log().edits().len();
    page.apply(edits)?;
    let Some(start) = page.log().edits()[before..].iter().find(|e| e.before.is_empty()).map(|e| e.new_start)
    else {
        return Ok(());
    };
    // The dangling block's end took the insertion in; cut it back into the run's blocks.
    let mut out: Vec<Block> = Vec::with_capacity(page.blocks().len() + parts.len());
    let mut cut = false;
    for b in page.blocks() {
        if b.range.start < start && b.range.end >= start {
            out.push(Block { range: b.range.start..start + parts[0].0.end, ..b.clone() });
            cut = true;
        } else {
            out.push(b.clone());
        }
    }
    // (Should no block have taken the insertion in, the orphan stays a block of its own
    // rather than text outside blocks.)
    let rest = if cut { &parts[1..] } else { &parts[..] };
    for (r, kind, rule) in rest {
        out.push(Block {
            range: start + r.start..start + r.end,
            kind: *kind,
            rule: rule.clone(),
            note: None,
        });
    }
    page.set_blocks(out);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsclean_core::Pipeline;

    /// The shape of pdftotext's page 002: the second column of the lead article (`员干部…`,
    /// `“能为”…`) printed first, its first column ending in mid-word (`是对党`) before the
    /// next article's title.
    const LEAD: &str = "2024年11月15日 星期五

员干部的最基本要求。当前，全市上
下正全面贯彻党的二十大精神，认真
落实省、市部署要求，奋力推进打造
中国式现代化的金平湖璀璨明珠。
“能为”是“干部敢为”的前提
条件。“能为”就是能干事、干成
事。这就需要各级干部加强学习充
电，在真抓实干中提高抓落实能力。

周军波在“腾笼换鸟”整治提升暨“厂中厂”整治工作推进会上强调

推进“腾笼换鸟”实现“凤凰涅槃”
■记者 程梓梓 田嘉思

近日举行的第111期创新学堂主
题学习活动，专门聚焦推进“四敢争
先”实践活动，要求各级各部门对标
对表上级和市委部署要求，进一步提
振精神面貌。
“想为”是干部“敢为”的动力
触发机制。“想为”就是想作为、想
干事，爱岗敬业、履职尽责，是对党

平湖2023的每周六日历被招商两个字写满——

■记者 董丽子 陶琳英

上周六，市四套班子领导率队出征，赴上
海等地开展“一把手”招商活动。这是我市
“双招双引”暨“招大育强”专项行动工作推
进会后的具体行动。
";

    fn pipeline() -> Pipeline {
        let mut p = Pipeline::new();
        p.extend(crate::passes());
        p
    }

    /// The clean text of `raw`, checking that the log undoes it.
    fn clean(raw: &str) -> Page {
        let mut page = Page::new(raw);
        pipeline().run(&mut page, &Context::default()).unwrap();
        assert_eq!(page.log().undo(page.text()), raw, "the log undoes the page");
        page
    }

    fn moves(page: &Page) -> usize {
        page.log().edits().iter().filter(|e| e.rule == RULE).count() / 2
    }

    #[test]
    fn a_run_that_continues_a_dangling_paragraph_goes_back_to_it() {
        let page = clean(LEAD);
        assert_eq!(moves(&page), 1, "{}", page.text());
        let lines: Vec<&str> = page.text().lines().collect();
        assert!(lines[0].starts_with("周军波在"), "{}", page.text());
        let joined = lines.iter().position(|l| l.starts_with("“想为”")).unwrap();
        assert!(
            lines[joined].ends_with("是对党员干部的最基本要求。当前，全市上下正全面贯彻党的二十大精神，认真落实省、市部署要求，奋力推进打造中国式现代化的金平湖璀璨明珠。"),
            "{}",
            page.text()
        );
        assert!(lines[joined + 1].starts_with("“能为”是") && lines[joined + 1].ends_with("抓落实能力。"));
        assert!(lines[joined + 2].starts_with("平湖2023"), "{}", page.text());
        // One batch: the run deleted where it stood and inserted after `…是对党`; the note
        // names the word across the new junction.
        let e: Vec<_> = page.log().edits().iter().filter(|e| e.rule == RULE).collect();
        assert_eq!(e[0].batch, e[1].batch);
        let note = e[0].note.as_deref().unwrap();
        assert!(note.contains("党|员") && note.contains("2 paragraphs"), "{note}");
        let line = |end: &str| LEAD.lines().position(|l| l.ends_with(end)).unwrap() + 1;
        assert!(
            note.contains(&format!(
                "from input line {} moved to the end of input line {}",
                line("全市上"),
                line("是对党")
            )),
            "{note}"
        );
        // Clean output is a fixed point.
        let again = clean(page.text());
        assert_eq!(again.text(), page.text());
        assert_eq!(moves(&again), 0);
    }

    #[test]
    fn the_pass_alone_keeps_blocks_and_log_in_step() {
        let mut page = Page::new(LEAD);
        for pass in crate::passes() {
            pass.run(&mut page, &Context::default()).unwrap();
            if pass.id() == RULE {
                break;
            }
        }
        assert_eq!(page.log().undo(page.text()), LEAD);
        let blocks: Vec<(&str, BlockKind)> =
            (0..page.blocks().len()).map(|i| (page.block_text(i), page.blocks()[i].kind)).collect();
        let at = blocks.iter().position(|(t, _)| t.starts_with("“想为”")).unwrap();
        assert!(blocks[at].0.contains("是对党员干部") && blocks[at].1 == BlockKind::Body, "{blocks:?}");
        assert!(blocks[at + 1].0.starts_with("“能为”") && blocks[at + 1].1 == BlockKind::Body, "{blocks:?}");
        assert!(!blocks.iter().any(|(t, _)| t.starts_with("员干部")), "{blocks:?}");
    }

    #[test]
    fn orphan_shapes() {
        assert_eq!(orphan_shape("员干部的最基本要求。"), Some(OrphanShape::Fragment));
        assert_eq!(orphan_shape("移，综合运用“四种形态”"), Some(OrphanShape::Pause));
        assert_eq!(orphan_shape("准、高质量完成体检任务"), Some(OrphanShape::Pause));
        assert_eq!(orphan_shape("”的管理。坚持激浊扬清"), Some(OrphanShape::Punctuation));
        assert_eq!(orphan_shape("，积极推进"), Some(OrphanShape::Punctuation));
        // Possible openings: a quote, a number, a numeral, a function word, a name, a word
        // of two characters, a frequent free word.
        for t in [
            "“能为”是“干部敢为”的前提",
            "2023年，全市上下",
            "一、总体要求",
            "二是强化担当",
            "在全市上下",
            "但要看到",
            "周军波指出，",
            "仲旭东要求，要加强",
            "事业兴衰，关键在人",
            "会上，市领导",
            "（一）坚持",
            "——解码平湖",
            "……来自企业",
            "据介绍，",
            "今起，我市",
            "稳投资，方能稳经济",
            "急企业之所急，解企业之所难",
        ] {
            assert_eq!(orphan_shape(t), None, "{t}");
        }
    }

    #[test]
    fn an_opening_that_can_open_a_paragraph_stays() {
        for (from, to) in
            [("员干部的最基本要求。", "“干部”的最基本要求。"), ("员干部的最基本要求。", "2023年干部的要求。")]
        {
            let page = clean(&LEAD.replace(from, to));
            assert_eq!(moves(&page), 0, "{}", page.text());
        }
    }

    #[test]
    fn no_word_across_the_new_junction_moves_nothing() {
        let page = clean(&LEAD.replace("履职尽责，是对党", "履职尽责，是我们"));
        assert_eq!(moves(&page), 0, "{}", page.text());
    }

    #[test]
    fn two_dangling_paragraphs_that_fit_are_not_clear() {
        // A second article's paragraph also ends on `党` before a title.
        let twice = LEAD.replace(
            "平湖2023的每周六日历被招商两个字写满——",
            "市委理论学习中心组举行专题学习会\n\n■记者 袁瑶晨 曾涵志\n\n本报讯 7月29日下午，市委理论学\n习中心组举行专题学习会，专题学\n习重要讲话精神，要求全市广大党\n\n平湖2023的每周六日历被招商两个字写满——",
        );
        let page = clean(&twice);
        assert_eq!(moves(&page), 0, "{}", page.text());
        assert!(
            page.meta.warnings.iter().any(|w| w.starts_with("continuation:") && w.contains("党|员")),
            "{:?}",
            page.meta.warnings
        );
    }

    #[test]
    fn a_paragraph_that_goes_on_on_another_page_is_not_dangling() {
        // A jump line after it.
        let jump = LEAD.replace("是对党\n\n", "是对党\n（下转第2版）\n\n");
        assert_eq!(moves(&clean(&jump)), 0);
        // The end of the page, and the page's last paragraph before a last byline.
        let end = &LEAD[..LEAD.find("是对党").unwrap() + "是对党".len() + 1];
        assert_eq!(moves(&clean(end)), 0);
        assert_eq!(moves(&clean(&format!("{end}\n■记者 董丽子 陶琳英\n"))), 0);
        // A continuation line before the orphan.
        let cont = LEAD.replace("星期五\n\n", "星期五\n\n（上接第1版）\n");
        assert_eq!(moves(&clean(&cont)), 0);
        // The same, opening the orphan's first line (the furniture pass cuts it out).
        let inline = LEAD.replace("\n员干部", "\n（上接第1版）员干部");
        let page = clean(&inline);
        assert!(page.log().edits().iter().any(|e| e.rule == JUMP_RULE), "{}", page.text());
        assert_eq!(moves(&page), 0, "{}", page.text());
    }

    #[test]
    fn punctuation_opening_a_paragraph_is_a_warning_not_a_move() {
        let page = clean(&LEAD.replace("\n员干部的", "\n，干部的"));
        assert_eq!(moves(&page), 0, "{}", page.text());
        assert!(
            page.meta.warnings.iter().any(|w| w.contains("`，干部的") && w.contains("punctuation")),
            "{:?}",
            page.meta.warnings
        );
    }

    #[test]
    fn a_cut_word_end_with_no_place_to_go_is_a_warning() {
        // `移，…` cannot open a paragraph, but no paragraph ends in mid-word before it.
        let page = clean(&LEAD.replace("是对党\n", "是对党。\n").replace("\n员干部的", "\n移，干部的"));
        assert_eq!(moves(&page), 0, "{}", page.text());
        assert!(
            page.meta.warnings.iter().any(|w| w.contains("`移，干部的") && w.contains("cut word")),
            "{:?}",
            page.meta.warnings
        );
    }

    #[test]
    fn a_paragraph_that_no_article_start_follows_does_not_close_a_region() {
        // A byline, not a title, after `…是对党`.
        let page = clean(&LEAD.replace("平湖2023的每周六日历被招商两个字写满——\n\n", ""));
        assert_eq!(moves(&page), 0, "{}", page.text());
        // A dateline paragraph starts an article as a title does.
        let page = clean(&LEAD.replace(
            "平湖2023的每周六日历被招商两个字写满——\n\n■记者 董丽子 陶琳英\n\n上周六，",
            "本报讯 上周六，",
        ));
        assert_eq!(moves(&page), 1, "{}", page.text());
    }

    #[test]
    fn a_short_last_line_is_no_dangling_column_line() {
        let short = LEAD.replace("干事，爱岗敬业、履职尽责，是对党", "干事，爱岗敬业、履职尽责，\n是对党");
        assert_eq!(moves(&clean(&short)), 0);
    }

    #[test]
    fn clean_text_is_left_alone() {
        // One paragraph a line, the orphan first: no raw layout shows, nothing moves.
        let text: String = LEAD
            .split("\n\n")
            .skip(1)
            .map(|run| run.replace("。\n", "。\u{0}").replace('\n', "").replace('\u{0}', "。\n"))
            .collect::<Vec<_>>()
            .join("\n");
        let page = clean(&text);
        assert_eq!(moves(&page), 0, "{}", page.text());
    }

    #[test]
    fn a_word_across_an_old_junction_keeps_the_paragraph_where_it_is() {
        // The title after `…是对党` reads on from it (`党|史`): that junction is no break.
        let page = clean(&LEAD.replace("平湖2023的每周六日历被招商两个字写满——", "史学习教育走深走实"));
        assert_eq!(moves(&page), 0, "{}", page.text());
    }

    #[test]
    fn an_orphan_goes_back_only_from_the_start_of_a_region() {
        // Blocks as paragraphs leave them, set by hand: a paragraph, a footer line read
        // between two regions, the orphan `员干部…`, the dangling paragraph, a title, a
        // paragraph.
        let raw = "近日举行的第111期创新学堂主\n题学习活动，专门聚焦推进“四敢争\n先”实践活动，要求各级各部门对标\n对表上级和市委部署要求，进一步提\n\n网址：www.example.cn\n\n员干部的最基本要求。当前，全市上\n下正全面贯彻党的二十大精神。\n\n“想为”是干部“敢为”的动力\n触发机制。“想为”就是想作为、想\n干事，爱岗敬业、履职尽责，是对党\n\n平湖2023的每周六日历被写满\n\n上周六，市四套班子领导率队出征。\n";
        let run = |raw: &str| {
            let mut page = Page::new(raw);
            let footer =
                (0..page.blocks().len()).find(|&i| page.block_text(i).starts_with("网址")).map_or(99, |i| i);
            for i in 0..page.blocks().len() {
                match i {
                    _ if i == footer => page.classify(i, BlockKind::Furniture, "layout.continuation.web"),
                    _ if page.block_text(i).starts_with("平湖2023") => {
                        page.classify(i, BlockKind::Headline, "layout.paragraphs.headline")
                    }
                    _ => page.classify(i, BlockKind::Body, "layout.paragraphs.body"),
                }
            }
            Continuations.run(&mut page, &Context::default()).unwrap();
            assert_eq!(page.log().undo(page.text()), raw);
            page
        };
        // The paragraph before the footer does not end a sentence: `员干部…` may continue it
        // where it stands.
        assert_eq!(moves(&run(raw)), 0);
        // Once it ends one, the orphan opens a region after the footer line, and goes back.
        let ended = raw.replace("进一步提\n", "进一步提高。\n");
        let page = run(&ended);
        assert_eq!(moves(&page), 1, "{}", page.text());
        assert!(page.text().contains("是对党员干部的最基本要求。"), "{}", page.text());
        // Right after article text that ends a sentence, its partner may be on another page
        // or joined elsewhere: a word across would be chance, and nothing moves.
        let no_footer = ended.replace("网址：www.example.cn\n\n", "");
        assert_eq!(moves(&run(&no_footer)), 0);
    }
}
