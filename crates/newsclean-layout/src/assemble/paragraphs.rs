//! Paragraphs and block kinds: decide which lines are headlines, subtitles, captions and
//! body text, and join the wrapped lines of each paragraph into one block.
//!
//! # What it does
//! Works on the lines that the furniture and byline passes left open, in page order:
//! 1. A title line that holds a subtitle after a space (`军民同心谋发展 ——我市…`) is
//!    split there (`layout.paragraphs.headline.split`).
//! 2. Lines opening with —— are subtitles.
//! 3. **Title zones**: the title-like lines (no clause punctuation, no sentence inside, not
//!    long) right before a byline, a subtitle, furniture, or a dateline paragraph (本报讯…)
//!    are headlines; lines of one raw run are one headline, joined. Right after a picture
//!    credit (■摄影) they are the picture's title: captions.
//!    On a raw page, the one short line right before a picture credit under a title-like
//!    line it does not go on from is the picture's caption (`layout.paragraphs.caption-before-credit`:
//!    captions written at the end of the page, after titles).
//!    **Titles after their body** (a producer's order, PyMuPDF's page without blank lines):
//!    a run of title-like lines right after a sentence end, closed by the page's end, a
//!    caption or credit, or a dateline, is a title where one line goes on from another as a
//!    wrapped title does, a fake-bold copy is among them, or (at the page's end) its lines are
//!    of unequal widths short of the column (`layout.paragraphs.title-after-body`); it is
//!    kept where it stands. The lines of a fake-bold title and its copy are joined as one.
//! 4. The paragraph right before a picture credit (■摄影 …, or a credit ending in 摄:
//!    `本报记者 王强 摄`, [`crate::byline::is_photo_credit`]) is its caption.
//! 5. **Subheads** inside an article: a title-like line after the end of a paragraph that
//!    cannot be the first line of a paragraph: the next line is indented, or it is longer
//!    than an indented first line fits, or a blank line follows and the next line does not
//!    continue a cut word (`程，…`, or a dictionary word across the break, [`crate::words`]).
//! 6. The rest is body text, split into paragraphs: a paragraph ends at a line that ends a
//!    sentence (。！？…, closing quotes after) and is shorter than the column (estimated
//!    from the surrounding lines, [`crate::text::column_width`]), before an indented line
//!    or a dateline. A blank line inside a sentence is a column break and is joined
//!    across (`layout.paragraphs.column-break`), unless the line before it stops far short
//!    of the column (a caption or a title at a column's foot); wrapped lines are joined by [`crate::join`]
//!    (`layout.paragraphs.join-cjk`, `layout.paragraphs.join-latin`, `layout.paragraphs.join-hyphen`).
//!
//! # Why
//! Raw page text holds one printed line per line and loses where paragraphs and articles
//! begin; readers and corpora need one paragraph per line and to know a title from text.
//!
//! # Example
//! `党建强，则根基稳；根基稳，则社\n会兴。今年的党建强基工\n程给出了答案。` → one
//! paragraph `党建强，则根基稳；根基稳，则社会兴。今年的党建强基工程给出了答案。`.
//!
//! # When it must not fire
//! A full-width line that ends a sentence does not end the paragraph (the sentence ended at
//! the column edge); a short line that ends in a comma does not either; a title-like line
//! followed by a line that continues a cut word (`持续六年推进的铁军打造工` / `程，为…`) is
//! not a subhead; where lines show no wrapping (one paragraph per line, as in clean text),
//! or the page has no blank line at all (as clean text has none), lines are joined only
//! across blank lines, so cleaning clean text changes nothing.

use std::ops::Range;

use newsclean_core::chars::{is_cjk, is_hspace};
use newsclean_core::{Block, BlockKind, Context, Page, Pass, PassError, TextEdit};

use crate::byline::byline_form;
use crate::join::junction;
use crate::text::{
    blank_between, cells, column_widths, ends_clause, ends_sentence, indented, is_title_like,
    starts_as_continuation, starts_dateline,
};
use crate::words::word_spans;

/// The paragraph and block-kind pass.
#[derive(Debug, Default)]
pub struct Paragraphs;

/// Longest title zone, in lines.
const MAX_ZONE: usize = 4;
/// Longest caption, in lines.
const MAX_CAPTION: usize = 14;
/// A line shorter than this share of its column, before a blank line, is not joined across
/// it without a sentence end: the break did not cut it.
const SHORT_BEFORE_BREAK: f32 = 0.6;
/// The widest title-like line (cells) taken for a subhead of an article; on clean text, one
/// block a line, for a title. Wider lines are body text (two titles joined into one long
/// line stay body text both times).
pub(crate) const SUBHEAD_MAX_CELLS: f32 = 32.0;

/// One line of the page with what the decisions read.
#[derive(Debug)]
struct Line {
    block: usize,
    text: String,
    kind: BlockKind,
    /// Set for lines this pass classifies.
    open: bool,
    blank_before: bool,
    indent: bool,
    photo_credit: bool,
    /// A credit of the photo above it (`本报记者 王强 摄`): the paragraph before is its caption.
    shot_credit: bool,
    /// A title element split off the line before it by this pass.
    split_off: bool,
    /// Classified as a title (or a picture's title) by its place: joined like a title.
    title: bool,
    /// For a line of the caption before a picture credit: that credit's line.
    caption_of: Option<usize>,
    /// Its width in cells ([`cells`]), worked out once: the decisions ask it many times.
    cells: f32,
    /// It ends a sentence ([`ends_sentence`]).
    ends_sentence: bool,
    /// It ends in clause punctuation ([`ends_clause`]).
    ends_clause: bool,
    /// It could be a title element ([`is_title_like`]).
    title_like: bool,
    /// The rule and the evidence that decided its kind, when a rule of its own did
    /// ([`TITLE_AFTER_BODY`], [`CAPTION_BEFORE_CREDIT`]): the block's rule and note.
    why: Option<(&'static str, &'static str)>,
    /// Joined to the title line above: both are lines of one fake-bold title and its copy.
    joins_above: bool,
}

fn err(e: newsclean_core::EditError) -> PassError {
    PassError::Edit { pass: "layout.paragraphs".into(), source: e }
}

/// Split title lines that carry a subtitle after a space (`标题 ——副题`).
/// Returns where the split-off elements start.
fn split_subtitles(page: &mut Page) -> Result<Vec<usize>, PassError> {
    let mut edits = Vec::new();
    // Only on a page that shows raw layout (a blank line somewhere): clean text has none,
    // and its title lines are already split.
    let raw_layout = crate::analysis::facts(page).raw_layout;
    for i in 0..page.blocks().len() {
        if page.blocks()[i].kind != BlockKind::Unknown {
            continue;
        }
        let t = page.block_text(i);
        // A line standing alone between blank lines (or a byline or furniture below):
        // the shape of a title, not of a wrapped line.
        let n = page.blocks().len();
        let alone_before =
            i == 0 || blank_between(page, i - 1) || page.blocks()[i - 1].kind != BlockKind::Unknown;
        let alone_after =
            i + 1 >= n || blank_between(page, i) || page.blocks()[i + 1].kind != BlockKind::Unknown;
        if raw_layout && is_title_like(t) && !starts_dateline(t) && alone_before && alone_after {
            let base = page.blocks()[i].range.start;
            for r in title_element_breaks(t) {
                edits.push(TextEdit::replace(
                    base + r.start..base + r.end,
                    "\n",
                    "layout.paragraphs.headline.split",
                ));
            }
        } else if let Some(pos) = t.find(" ——").or_else(|| t.find("\u{3000}——")) {
            let head = &t[..pos];
            // A dash with no words after it (`…写满 ——`, a title that leads into the line
            // below) on clean text is one that the first clean kept on its title line (the
            // raw-layout branch above keeps it): already decided, not split off again.
            let bare_dash = t[pos..].trim_start_matches([' ', '\u{3000}', '—']).trim().is_empty();
            if pos > 0
                && (raw_layout || !bare_dash)
                && is_title_like(head)
                && !ends_clause(head)
                && t.chars().count() <= 60
            {
                let start = page.blocks()[i].range.start + pos;
                let sp = t[pos..].chars().next().map_or(1, char::len_utf8);
                edits.push(TextEdit::replace(start..start + sp, "\n", "layout.paragraphs.headline.split"));
            }
        }
    }
    if edits.is_empty() {
        return Ok(Vec::new());
    }
    page.apply(edits).map_err(err)?;
    let last = page.log().batch_count() - 1;
    let starts: Vec<usize> = page.log().batch(last).iter().map(|e| e.new_start + e.after.len()).collect();
    // Split the blocks at the new line breaks.
    crate::lines::split_undecided_blocks(page);
    // A split can free a byline glued to a title (漫 画 李泽峰 深耕“试验田”…).
    let mut edits = Vec::new();
    for i in 0..page.blocks().len() {
        if page.blocks()[i].kind == BlockKind::Unknown
            && let Some(form) = byline_form(page.block_text(i))
        {
            edits.push(TextEdit::replace(page.blocks()[i].range.clone(), form, "layout.byline.role"));
            page.classify(i, BlockKind::Byline, "layout.byline");
        }
    }
    page.apply(edits).map_err(err)?;
    Ok(starts)
}

/// True when the paragraph ends after line `p` (which ends a sentence) and `next` opens a
/// new one: a blank line between them, or `p` shorter than the column `width` (by more
/// for a paragraph's first line, which is indented), or `next` opens with a quotation
/// after a line that does not overfill the column. Without a column width (no wrapping
/// seen) every sentence end ends a paragraph.
fn para_ends(p: &Line, next: &Line, width: Option<f32>, first_of_para: bool) -> bool {
    let Some(w) = width else { return true };
    let c = p.cells;
    let short = if first_of_para { c <= w - 2.5 } else { c <= w - 1.0 };
    next.blank_before || short || next.text.starts_with(['“', '「']) && c <= w || dropped_indent(next, w)
}

/// True when `next`, after a line that ends a sentence, is a paragraph's first line whose
/// indent the extractor dropped (PyMuPDF prints no leading spaces): two cells short of the
/// column, and not a short line itself (it does not end a sentence).
fn dropped_indent(next: &Line, w: f32) -> bool {
    let c = next.cells;
    !next.indent && (w - 2.5..=w - 1.5).contains(&c) && !next.ends_clause
}

/// Where a one-line title holds several title elements (kicker, main title, subtitle) one
/// space apart, the spaces between elements: before a subtitle (——…), or between two
/// elements of which one is long (15 characters or more: a kicker or a main title, not a
/// half of a parallel couplet such as `听取民意 汲取民智`), or of very unequal length.
fn title_element_breaks(t: &str) -> Vec<Range<usize>> {
    let mut parts: Vec<(usize, &str)> = Vec::new();
    let mut pos = 0;
    for piece in t.split(' ') {
        if !piece.is_empty() {
            parts.push((pos, piece));
        }
        pos += piece.len() + 1;
    }
    let mut out = Vec::new();
    for w in parts.windows(2) {
        let ((_, a), (b_at, b)) = (w[0], w[1]);
        let (la, lb) = (a.chars().count(), b.chars().count());
        let unequal = la.max(lb) as f32 >= 2.5 * la.min(lb) as f32;
        let both_cjk = a.chars().any(is_cjk) && b.chars().any(is_cjk);
        if both_cjk && (b.starts_with("——") || la >= 15 || lb >= 15 || unequal && la.min(lb) >= 2) {
            // The spaces between the two parts.
            let start = t[..b_at].trim_end().len();
            out.push(start..b_at);
        }
    }
    out
}

/// A picture credit line: 图片由…提供, 照片由…提供.
fn is_picture_credit(t: &str) -> bool {
    let t = t.trim();
    (t.starts_with("图片由") || t.starts_with("照片由") || t.starts_with("图由"))
        && t.ends_with("提供")
        && t.chars().count() <= 24
}

fn is_subtitle(t: &str) -> bool {
    t.trim_start().starts_with("——") && !ends_sentence(t) && t.chars().count() <= 60
}

pub use crate::text::cjk_inner_spaces;

/// The pass's id.
pub const PASS_ID: &str = "layout.paragraphs";

/// A run of title-like lines after the end of an article's last paragraph, closed by the end
/// of the page, a picture's caption or credit, or a dateline: the article's headline printed
/// after its body (as layout software such as Founder's writes a page: the text of the
/// article, then its titles).
pub const TITLE_AFTER_BODY: &str = "layout.paragraphs.title-after-body";
/// Longest run of titles after a body, in lines: a two-line title and its fake-bold copy, and
/// a kicker.
const MAX_AFTER_BODY: usize = 6;

/// The one short line right before a picture credit, under a title-like line it does not
/// go on from: the picture's caption (the credit's caption printed after a title, as when the
/// captions are written at the end of the page).
pub const CAPTION_BEFORE_CREDIT: &str = "layout.paragraphs.caption-before-credit";

impl Pass for Paragraphs {
    fn id(&self) -> &str {
        PASS_ID
    }

    fn run(&self, page: &mut Page, _ctx: &Context) -> Result<(), PassError> {
        let split_starts = split_subtitles(page)?;
        let n = page.blocks().len();
        let mut lines: Vec<Line> = (0..n)
            .map(|i| {
                let b = &page.blocks()[i];
                let text = page.block_text(i).to_string();
                Line {
                    block: i,
                    photo_credit: b.kind == BlockKind::Byline
                        && (text.contains("摄影") || text.contains("摄像")),
                    shot_credit: b.kind == BlockKind::Byline && crate::byline::is_photo_credit(&text),
                    kind: b.kind,
                    open: b.kind == BlockKind::Unknown && !text.contains('\n'),
                    blank_before: i > 0 && blank_between(page, i - 1),
                    indent: indented(page, i),
                    split_off: split_starts.contains(&b.range.start),
                    title: false,
                    caption_of: None,
                    cells: cells(&text),
                    ends_sentence: ends_sentence(&text),
                    ends_clause: ends_clause(&text),
                    title_like: is_title_like(&text),
                    why: None,
                    joins_above: false,
                    text,
                }
            })
            .collect();
        let undecided = |l: &Line| l.open && l.kind == BlockKind::Unknown;
        // Clean text (the output of finalize) has no blank line: a page without one shows
        // no raw layout, and its lines are not joined, so cleaning clean text changes
        // nothing whatever the widths of its lines happen to be.
        let blank_layout = (1..n).any(|i| lines[i].blank_before);
        let raw_layout = blank_layout || crate::analysis::facts(page).raw_layout;

        // 2. Subtitles.
        for l in lines.iter_mut().filter(|l| l.open && is_subtitle(&l.text)) {
            l.kind = BlockKind::Subtitle;
        }
        // A subtitle wrapped onto the next line (——解码…现代产业体 / 系（四）).
        for i in 1..n {
            if lines[i - 1].kind == BlockKind::Subtitle
                && undecided(&lines[i])
                && !lines[i].blank_before
                && !lines[i].ends_sentence
                && !crate::dash::looks_like_credit(&lines[i].text)
                && lines[i].cells < lines[i - 1].cells
                && (title_goes_on(&lines[i - 1].text, &lines[i].text)
                    // Between the subtitle and the byline only the subtitle's rest can stand,
                    // a blank line before the byline or not (OCR sets blocks apart with one).
                    // Only on a raw page: in clean text a line there is one the first
                    // cleaning kept apart (a blank line before it), and it stays so.
                    || raw_layout
                        && lines[i].title_like
                        && lines.get(i + 1).is_some_and(|l| l.kind == BlockKind::Byline))
            {
                lines[i].kind = BlockKind::Subtitle;
            }
        }

        // Picture credits (图片由新埭镇提供) are captions.
        for l in lines.iter_mut().filter(|l| l.open && is_picture_credit(&l.text)) {
            l.kind = BlockKind::Caption;
        }

        // A picture credit's one-line caption under a title-like line it does not go on from
        // (`…持之以恒推进全面从严治党` / `走向纵深` / `黎族纺织文化展` / `■摄影 叶子`), as
        // where the captions are written at the end of the page, after the titles printed
        // after their articles. Only on a raw page: in clean text each line is already a
        // block of its own. (With a byline or a sentence end above, step 4 finds it.)
        if raw_layout && !page.is_disabled(CAPTION_BEFORE_CREDIT) {
            for k in 2..n {
                if !(lines[k].photo_credit || lines[k].shot_credit) {
                    continue;
                }
                let (c, above) = (&lines[k - 1], &lines[k - 2]);
                let caption_shape = undecided(c)
                    && c.title_like
                    && !c.blank_before
                    && !lines[k].blank_before
                    && c.text.trim().chars().count() >= 4
                    && c.cells <= 20.0
                    && !starts_dateline(&c.text)
                    && !crate::dash::looks_like_credit(&c.text);
                let title_above = undecided(above)
                    && above.title_like
                    && !above.ends_clause
                    && !title_goes_on(&above.text, &c.text);
                if caption_shape && title_above {
                    lines[k - 1].kind = BlockKind::Caption;
                    lines[k - 1].why = Some((
                        CAPTION_BEFORE_CREDIT,
                        "a short line right before a picture credit, under a title-like line it does not go on from",
                    ));
                }
            }
        }

        // 3. Title zones before bylines, subtitles, furniture, dateline paragraphs and the
        //    end of the page.
        // Furniture that only furniture follows is the end of the page: it is removed, and a
        // zone it closed would be decided by text that the clean page no longer has.
        let end = n - lines.iter().rev().take_while(|l| l.kind == BlockKind::Furniture).count();
        for k in 0..=n {
            if k > end {
                continue;
            }
            if k == end {
                // The end of the page closes a zone after a picture credit only.
                let mut j = end;
                while j > 0 && undecided(&lines[j - 1]) && lines[j - 1].title_like && end - j < MAX_ZONE {
                    j -= 1;
                }
                if j < end && j > 0 && lines[j - 1].photo_credit {
                    for l in &mut lines[j..end] {
                        l.kind = BlockKind::Caption;
                        l.title = true;
                    }
                }
                continue;
            }
            let boundary = match lines[k].kind {
                BlockKind::Byline | BlockKind::Subtitle | BlockKind::Furniture | BlockKind::Caption => true,
                BlockKind::Unknown => {
                    lines[k].open && starts_dateline(&lines[k].text) && lines[k].blank_before
                }
                _ => false,
            };
            if !boundary {
                continue;
            }
            let strong = matches!(lines[k].kind, BlockKind::Byline | BlockKind::Subtitle);
            let mut zone: Vec<usize> = Vec::new();
            let mut j = k;
            while j > 0 && zone.len() < MAX_ZONE {
                j -= 1;
                let l = &lines[j];
                // The last character or two of a title wrapped in a narrow column (大有可 / 为)
                // belong to the title line above.
                let tail = j > 0
                    && l.text.trim().chars().count() <= 2
                    && !l.ends_clause
                    && undecided(&lines[j - 1])
                    && lines[j - 1].title_like
                    && title_goes_on(&lines[j - 1].text, &l.text);
                if !undecided(l) || !(l.title_like || tail) || starts_dateline(&l.text) {
                    break;
                }
                zone.push(j);
            }
            zone.reverse();
            // The zone starts after a blank line, the end of a sentence or a boundary; a
            // line that continues an unfinished one is not a title. In clean text (one
            // block a line) no line continues the one above: the first cleaning would have
            // joined them.
            while let Some(&first) = zone.first() {
                let prev = first.checked_sub(1).map(|p| &lines[p]);
                let ok = match prev {
                    None => true,
                    Some(_) if !raw_layout => true,
                    Some(p) if !p.open => true,
                    Some(p) => {
                        p.ends_sentence
                            || lines[first].blank_before && (strong || p.ends_clause)
                            || p.kind == BlockKind::Headline
                    }
                };
                if ok {
                    break;
                }
                zone.remove(0);
            }
            if zone.is_empty() {
                continue;
            }
            // Furniture and dateline boundaries are weak: a title there stands alone, apart
            // from the text before it.
            if !strong && !lines[zone[0]].blank_before && zone[0] > 0 && lines[zone[0] - 1].open {
                let p = &lines[zone[0] - 1];
                if !p.ends_sentence {
                    continue;
                }
            }
            // Right under a picture credit, one title (one raw run of lines) is the
            // picture's title; titles in several runs belong to the next article.
            let one_run = zone[1..].iter().all(|&z| !lines[z].blank_before);
            let after_photo = zone[0] > 0 && lines[zone[0] - 1].photo_credit && one_run;
            for &z in &zone {
                lines[z].kind = if after_photo { BlockKind::Caption } else { BlockKind::Headline };
                lines[z].title = true;
            }
        }

        // 3b. Titles printed after their article: on a page that prints no blank line
        //     (PyMuPDF writes a page in its producer's order, which may put an article's
        //     titles after its body), a run of title-like lines right after a line that ends
        //     a sentence, closed by the end of the page, a caption or a picture credit, or a
        //     dateline paragraph, is a title where the run shows a title's shape: a line
        //     that goes on from the one above as a wrapped title does (a word across the
        //     break, an open quote), or a fake-bold copy. Kept where it stands: moving it
        //     before its body would need stronger evidence of which body is its own.
        if raw_layout && !blank_layout && !page.is_disabled(TITLE_AFTER_BODY) {
            for k in 1..=end {
                let closes = k == end
                    || lines[k].photo_credit
                    || lines[k].shot_credit
                    || lines[k].kind == BlockKind::Caption
                    || undecided(&lines[k]) && starts_dateline(&lines[k].text);
                if !closes {
                    continue;
                }
                let mut j = k;
                while j > 0 && k - j < MAX_AFTER_BODY && undecided(&lines[j - 1]) && lines[j - 1].title_like {
                    j -= 1;
                }
                // The run opens right after the end of a paragraph, and holds two lines at
                // least (one short line after a paragraph may be a paragraph of its own).
                if j == 0 || k - j < 2 {
                    continue;
                }
                let p = &lines[j - 1];
                if !(undecided(p) && p.ends_sentence) || starts_dateline(&lines[j].text) {
                    continue;
                }
                let doubled: Vec<(usize, usize)> =
                    (j..k).filter_map(|a| doubled_run_len(&lines, a).map(|m| (a, m))).collect();
                // Lines of unequal widths, all but the last short of the column, at the end of
                // the page: no wrapped paragraph (its lines fill the column) and no verse of
                // even lines.
                let w = crate::text::column_width(
                    &(0..n)
                        .filter(|&i| lines[i].open)
                        .map(|i| (lines[i].cells, lines[i].ends_sentence))
                        .collect::<Vec<_>>(),
                    (0..n).filter(|&i| lines[i].open).position(|i| i == j - 1).unwrap_or(0),
                    8,
                );
                let (lo, hi) = lines[j..k]
                    .iter()
                    .fold((f32::MAX, 0.0f32), |(lo, hi), l| (lo.min(l.cells), hi.max(l.cells)));
                let ragged = k == end
                    && hi >= 1.5 * lo
                    && w.is_some_and(|w| lines[j..k - 1].iter().all(|l| l.cells <= w - 3.0));
                let shaped = (j..k - 1).any(|a| title_goes_on(&lines[a].text, &lines[a + 1].text))
                    || !doubled.is_empty()
                    || ragged;
                if !shaped {
                    continue;
                }
                for (a, m) in doubled {
                    for l in &mut lines[a + 1..(a + m).min(k)] {
                        l.joins_above = true;
                    }
                }
                for l in &mut lines[j..k] {
                    l.kind = BlockKind::Headline;
                    l.title = true;
                    l.why = Some((
                        TITLE_AFTER_BODY,
                        "title-like lines after a paragraph's end, closed by the page's end, a caption or a dateline, one going on from another as a wrapped title does",
                    ));
                }
            }
        }

        // 4. The caption before a picture credit.
        for k in 0..n {
            if !(lines[k].photo_credit || lines[k].shot_credit) || k == 0 {
                continue;
            }
            let mut j = k;
            let mut cap: Vec<usize> = Vec::new();
            while j > 0 && cap.len() < MAX_CAPTION {
                j -= 1;
                if !undecided(&lines[j]) {
                    break;
                }
                // A title standing above the caption, a blank line apart, is not part of it.
                if !cap.is_empty() && lines[j + 1].blank_before && lines[j].title_like {
                    break;
                }
                cap.push(j);
                // Clean text holds one paragraph a line: the caption is the line before.
                let starts = !raw_layout
                    || lines[j].indent
                    || lines[j].blank_before && j > 0 && !lines[j - 1].open
                    || j > 0 && lines[j - 1].open && lines[j - 1].ends_sentence
                    || j > 0 && !lines[j - 1].open;
                if starts {
                    break;
                }
            }
            if cap.is_empty() || !lines[k - 1].ends_sentence && cap.len() > 1 {
                continue;
            }
            for &c in &cap {
                lines[c].kind = BlockKind::Caption;
                lines[c].caption_of = Some(k);
            }
            // Title-like lines right before the caption are a title (of the caption's
            // article or the one before).
            let first = *cap.last().expect("not empty");
            let mut zone = Vec::new();
            let mut z = first;
            while z > 0 && zone.len() < MAX_ZONE && undecided(&lines[z - 1]) && lines[z - 1].title_like {
                z -= 1;
                zone.push(z);
                if lines[z].blank_before {
                    break;
                }
            }
            let before_ok = z == 0 || !lines[z - 1].open || lines[z - 1].ends_sentence;
            if before_ok {
                for &t in &zone {
                    lines[t].kind = BlockKind::Headline;
                }
            }
        }

        // Column widths, over the open lines in order.
        let open_idx: Vec<usize> = (0..n).filter(|&i| lines[i].open).collect();
        let lens: Vec<(f32, bool)> =
            open_idx.iter().map(|&i| (lines[i].cells, lines[i].ends_sentence)).collect();
        let mut width: Vec<Option<f32>> = vec![None; n];
        if raw_layout {
            for (&i, w) in open_idx.iter().zip(column_widths(&lens, 8)) {
                width[i] = w;
            }
        }

        // 5. Subheads inside articles.
        for i in 0..n {
            if !undecided(&lines[i])
                || !lines[i].title_like
                || lines[i].cells > SUBHEAD_MAX_CELLS
                || starts_dateline(&lines[i].text)
            {
                continue;
            }
            // Clean text (no blank line on the page) holds one block per line: a title-like
            // line there is a title. Taking it for one is safe both ways: a body line of
            // the first cleaning that stands alone was already normalised as body.
            if !raw_layout {
                lines[i].kind = BlockKind::Headline;
                continue;
            }
            // After the end of a paragraph, not after a title: the line after a title opens
            // a paragraph.
            let after_end = i == 0
                || !lines[i - 1].open && lines[i - 1].kind == BlockKind::Furniture
                || lines[i - 1].open
                    && lines[i - 1].kind != BlockKind::Headline
                    && lines[i - 1].ends_sentence
                    && para_ends(&lines[i - 1], &lines[i], width[i - 1], false);
            if !after_end || i + 1 >= n || !undecided(&lines[i + 1]) {
                continue;
            }
            let next = &lines[i + 1];
            // Too long to be an indented first line, and the next line is one.
            let first_line_shape = width[i]
                .is_some_and(|w| lines[i].cells > w - 1.5 && next.cells <= w - 1.5 && !next.ends_sentence);
            let sub = next.indent
                || next.blank_before
                    && !starts_as_continuation(&next.text)
                    && !word_spans(&lines[i].text, &next.text)
                || !next.blank_before && first_line_shape && !starts_as_continuation(&next.text)
                // On a page without blank lines (PyMuPDF), a subhead is a short line: in
                // running text only a paragraph's last line is short, and it ends a sentence.
                || !blank_layout
                    && width[i].is_some_and(|w| lines[i].cells <= w - 3.0)
                    && !starts_as_continuation(&next.text)
                    && !word_spans(&lines[i].text, &next.text)
                    && !starts_doubled_run(&lines, i);
            if sub {
                lines[i].kind = BlockKind::Headline;
            }
        }

        // The lines of a fake-bold title and its copy (持之以恒… / 走向纵深 / 持之以恒… / 走向纵深),
        // all taken for a title, are joined as one (the doubled-titles pass writes it once).
        if raw_layout && !blank_layout {
            for i in 0..n {
                if lines[i].kind != BlockKind::Headline || lines[i].joins_above {
                    continue;
                }
                if let Some(m) = doubled_run_len(&lines, i)
                    && lines[i..i + m].iter().all(|l| l.kind == BlockKind::Headline && !l.split_off)
                {
                    lines[i + 1..i + m].iter_mut().for_each(|l| l.joins_above = true);
                }
            }
        }

        // 6. Body paragraphs.
        for l in lines.iter_mut().filter(|l| l.open && l.kind == BlockKind::Unknown) {
            l.kind = BlockKind::Body;
        }
        // The fake-bold runs of a page without blank lines (PyMuPDF): a title printed with
        // its offset copy comes out as its lines twice (推动… / 推动… or 持之以恒… / 走向纵深 /
        // 持之以恒… / 走向纵深), one run per title element. Which run each line is in.
        let mut run_of: Vec<Option<usize>> = vec![None; n];
        if !blank_layout {
            let mut i = 0;
            while i < n {
                match doubled_run_len(&lines, i).filter(|_| lines[i].open) {
                    Some(m) => {
                        run_of[i..i + m].fill(Some(i));
                        i += m;
                    }
                    None => i += 1,
                }
            }
        }
        // A run is one title element printed twice whole: the line after it is another
        // element (the main title, a subtitle) or body text, not a wrapped line of the same
        // element, unless the title plainly goes on across the edge; so is a title line
        // before it. (Body text before a run is left to the rules below: a paragraph cut off
        // at a column's foot, `…实践“五个始终铭记”，`, would stand alone, and a second clean
        // would read it anew.)
        let run_edge = |last: usize, i: usize| {
            run_of[last] != run_of[i]
                && (run_of[last].is_some() || run_of[i].is_some() && lines[last].kind != BlockKind::Body)
                && !title_goes_on(&lines[last].text, &lines[i].text)
        };
        // Group lines: (first line, last line, kind).
        let mut groups: Vec<(usize, usize, BlockKind)> = Vec::new();
        let mut first_of_para = true;
        for i in 0..n {
            let l = &lines[i];
            if !l.open {
                continue;
            }
            let prev = groups.last().copied();
            let joins = match prev {
                Some((_, last, _)) if run_edge(last, i) => false,
                Some((_, last, kind)) if kind == l.kind => {
                    let between_ok = (last + 1..i)
                        .all(|m| matches!(lines[m].kind, BlockKind::Furniture | BlockKind::Junk));
                    let p = &lines[last];
                    match kind {
                        BlockKind::Headline => {
                            last + 1 == i
                                && !l.blank_before
                                && !l.split_off
                                && (width[last].is_some() || width[i].is_some())
                                && (blank_layout || l.joins_above || title_goes_on(&p.text, &l.text))
                        }
                        // A subtitle wrapped in a narrow column (——解码…产业体 / 系（四）).
                        // (Step 2 made it a subtitle only with the evidence that it goes on.)
                        BlockKind::Subtitle => {
                            last + 1 == i
                                && !l.blank_before
                                && !l.split_off
                                && !l.text.trim_start().starts_with("——")
                        }
                        _ if p.title || l.title => {
                            p.title
                                && l.title
                                && last + 1 == i
                                && !l.blank_before
                                && !l.split_off
                                && (width[last].is_some() || width[i].is_some())
                        }
                        _ if !between_ok || l.indent || starts_dateline(&l.text) => false,
                        // No wrapping seen (one paragraph per line, as in clean text): lines
                        // are joined only across a blank line, a column or page break.
                        _ if width[last].is_none() && width[i].is_none() && !l.blank_before => false,
                        // Across a blank line between two Latin lines: the Latin pass has
                        // merged what continues; a blank line there separates paragraphs.
                        _ if l.blank_before
                            && junction(&p.text, &l.text).rule != "layout.paragraphs.join-cjk" =>
                        {
                            false
                        }
                        // Across a blank line (a column or page break), a line far short of
                        // its column with no sentence end is no line the break cut: a caption
                        // or a title at a column's foot (`黎族纺织文化展`).
                        _ if l.blank_before
                            && !p.ends_sentence
                            && width[last].is_some_and(|w| p.cells < SHORT_BEFORE_BREAK * w) =>
                        {
                            false
                        }
                        _ if !p.ends_sentence => true,
                        _ => !para_ends(p, l, width[last], first_of_para),
                    }
                }
                _ => false,
            };
            if joins {
                let g = groups.last_mut().expect("prev");
                g.1 = i;
                first_of_para = false;
            } else {
                groups.push((i, i, l.kind));
                first_of_para = true;
            }
        }

        // A caption's lines that were not joined into the paragraph the credit closes are
        // body text: once clean, the page holds one paragraph a line and the caption is the
        // line before the credit, so they would be body text on a second cleaning.
        for g in &mut groups {
            if g.2 == BlockKind::Caption
                && let Some(k) = lines[g.1].caption_of
                && (g.1 + 1..k).any(|m| lines[m].open)
            {
                g.2 = BlockKind::Body;
            }
        }

        // A page whose only content is one title: a title heads an article, and there is
        // none here (a line piped in, a sentence pasted), so it is body text, unless its
        // elements stand apart as a title's do (听取民意 汲取民智); then it stays a title and
        // the page says so. The same on the clean page: it too holds that one line alone.
        let alone = groups.len() == 1
            && lines.iter().enumerate().all(|(i, l)| {
                (groups[0].0..=groups[0].1).contains(&i)
                    || matches!(l.kind, BlockKind::Furniture | BlockKind::Junk)
            });
        if alone && groups[0].2 == BlockKind::Headline {
            let (a, b) = (groups[0].0, groups[0].1);
            let spaced = lines[a..=b].iter().any(|l| !cjk_inner_spaces(l.text.trim()).is_empty());
            if spaced {
                page.meta.warnings.push(format!(
                    "paragraphs: `{}` stands alone; taken for a title (its elements stand apart), not body text",
                    lines[a].text.trim()
                ));
            } else {
                groups[0].2 = BlockKind::Body;
            }
        }
        // Lines left apart although the first ends mid-sentence, on a page without a blank
        // line: too little layout to show they are wrapped (a short paste), or not wrapped.
        if !blank_layout {
            let cut = groups.windows(2).find(|w| {
                let l = &lines[w[0].1];
                w[0].2 == BlockKind::Body
                    && w[1].2 == BlockKind::Body
                    && l.text.chars().any(is_cjk)
                    && !ends_sentence(&l.text)
            });
            if let Some(w) = cut {
                page.meta.warnings.push(format!(
                    "paragraphs: `{}` ends mid-sentence but was not joined to the next line: the page shows no blank line and too few lines of one width to tell wrapped text",
                    lines[w[0].1].text.trim()
                ));
            }
        }

        // Build the blocks and the joining edits.
        let mut edits = Vec::new();
        let mut blocks: Vec<Block> = Vec::new();
        let mut in_group = vec![false; n];
        for &(a, b, kind) in &groups {
            let start = page.blocks()[lines[a].block].range.start;
            let end = page.blocks()[lines[b].block].range.end;
            let rule = match kind {
                BlockKind::Headline | BlockKind::Subtitle => "layout.paragraphs.headline",
                BlockKind::Caption => "layout.paragraphs.caption",
                _ => "layout.paragraphs.body",
            };
            let why = (a..=b).find_map(|m| lines[m].why.filter(|_| lines[m].kind == kind));
            let (rule, note) = why.map_or((rule, None), |(r, note)| (r, Some(note.to_string())));
            blocks.push(Block { range: start..end, kind, rule: Some(rule.into()), note });
            in_group[a..=b].iter_mut().for_each(|x| *x = true);
            let members: Vec<usize> = (a..=b).filter(|&m| lines[m].open).collect();
            // A title's lines letter-spaced in print (—— 上 半 年 / 发 展 述 评) lose the spacing
            // line by line, before they are joined: once joined, the runs no longer stand alone.
            if matches!(kind, BlockKind::Headline | BlockKind::Subtitle) && members.len() > 1 {
                for &m in &members {
                    let r = page.blocks()[lines[m].block].range.clone();
                    for sp in crate::text::letter_spacing(page.block_text(lines[m].block)) {
                        edits.push(TextEdit::delete(
                            r.start + sp.start..r.start + sp.end,
                            "layout.spaces.letter-spacing",
                        ));
                    }
                }
            }
            for w in members.windows(2) {
                let (x, y) = (w[0], w[1]);
                let xr = page.blocks()[lines[x].block].range.clone();
                let yr = page.blocks()[lines[y].block].range.clone();
                let j = junction(&lines[x].text, &lines[y].text);
                let crossed_blank = (x + 1..=y).any(|m| lines[m].blank_before);
                let rule = if crossed_blank && j.rule == "layout.paragraphs.join-cjk" {
                    "layout.paragraphs.column-break"
                } else {
                    j.rule
                };
                // Furniture between the two lines goes with its own rule.
                let mut cursor = xr.end - j.trim_end;
                let mut first = true;
                for between in &lines[x + 1..y] {
                    let fr = page.blocks()[between.block].range.clone();
                    let ins = if first { j.insert } else { "" };
                    edits.push(TextEdit::replace(cursor..fr.start, ins, rule));
                    let frule =
                        page.blocks()[between.block].rule.clone().unwrap_or_else(|| "page.furniture".into());
                    edits.push(TextEdit::delete(fr.clone(), frule));
                    cursor = fr.end;
                    first = false;
                }
                let ins = if first { j.insert } else { "" };
                let mut e = TextEdit::replace(cursor..yr.start, ins, rule);
                if crossed_blank {
                    e = e.with_note("a blank line inside a sentence: column or page break");
                }
                edits.push(e);
            }
        }
        for (i, l) in lines.iter().enumerate() {
            if !in_group[i] {
                blocks.push(page.blocks()[l.block].clone());
            }
        }
        page.set_blocks(blocks);
        page.apply(edits).map_err(err)?;
        Ok(())
    }
}

/// True when line `i` opens a run of up to four lines that is a fake-bold title and its copy
/// (`“两面锦旗”唱响营商` / `环境“创优曲”` / `“两面锦旗”唱响营` / `商环境“创优曲”`): the lines
/// joined are doubled whole. Such a line is no subhead of its own.
fn starts_doubled_run(lines: &[Line], i: usize) -> bool {
    doubled_run_len(lines, i).is_some()
}

/// The number of lines of the fake-bold run that line `i` opens ([`starts_doubled_run`]).
fn doubled_run_len(lines: &[Line], i: usize) -> Option<usize> {
    let mut joined = lines[i].text.trim().to_string();
    for (m, l) in lines.iter().skip(i + 1).take(3).enumerate() {
        if !l.open {
            return None;
        }
        joined.push_str(l.text.trim());
        if crate::doubled::undouble(&joined).is_some() {
            return Some(m + 2);
        }
    }
    None
}

/// True when the title line `next` goes on from `prev` (one element wrapped, not the next
/// element): a dictionary word spans the break (营商|环境), a quote or bracket opened in
/// `prev` closes after it, `next` is the same line again (a fake-bold copy, written once by
/// [`crate::doubled::DoubledTitles`]), or `next` is a single character. On a page with blank
/// lines, a title's elements stand apart and this is not needed; without any (PyMuPDF),
/// every printed line is a line of its own and only such evidence joins two.
fn title_goes_on(prev: &str, next: &str) -> bool {
    let open = |t: &str, a: char, b: char| t.matches(a).count() > t.matches(b).count();
    prev.trim() == next.trim()
        || next.trim().chars().count() == 1
        || open(prev, '“', '”')
        || open(prev, '（', '）')
        || open(prev, '《', '》')
        || word_spans(&squeeze(prev), &squeeze(next))
}

/// The line without its white space: letter-spaced titles (—— 上 半 年 平 湖 经 济 / 发 展 述 评)
/// show their words across the break only so.
fn squeeze(t: &str) -> String {
    t.chars().filter(|c| !is_hspace(*c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{byline::Bylines, furniture::Furniture, lines::SplitLines};

    fn clean(text: &str) -> (String, Vec<BlockKind>) {
        let mut p = Page::new(text);
        let ctx = Context::default();
        for pass in [&SplitLines as &dyn Pass, &Furniture, &Bylines, &Paragraphs] {
            pass.run(&mut p, &ctx).unwrap();
        }
        let kinds = p.blocks().iter().map(|b| b.kind).collect();
        p.finalize().unwrap();
        assert_eq!(p.log().undo(p.text()), text);
        (p.text().to_string(), kinds)
    }

    /// A synthetic page of another newspaper, ten characters a line.
    const PAGE: &str = "人民日报\n\n2024年5月6日 星期一\n\n第5版\n\n本报记者 王 明\n\n本报讯 今年以来，我\n省持续推进乡村振兴\n，取得明显成效。全省\n共建成示范村一百\n\n个，带动增收。\n\n据介绍，下一步将\n继续加大投入力度，推\n动各项工作落实落实\n细。\n\n乡村振兴结硕果\n——我省推进乡村建设综述\n\n（下转第四版）\n";

    #[test]
    fn a_short_line_at_a_columns_foot_is_not_joined_across_the_break() {
        let col = "本报讯今年以来，我省持续推进乡村\n振兴，全省共建成示范村一百多个，\n带动农民增收，成效明显。各地因地\n制宜，发展特色产业，群众得到实惠。\n";
        let next = "市图书馆新馆昨日开馆，馆内藏书五\n十万册，设有少儿阅览区和自习区。\n";
        // A caption at the foot of a column: far short of the column, no sentence end.
        let (out, _) = clean(&format!("{col}黎族纺织文化展\n\n{next}"));
        assert!(out.contains("黎族纺织文化展\n市图书馆"), "{out}");
        // A full line that the column break cut is joined across it.
        let (out, _) =
            clean(&format!("{col}下一步将继续加大投入力度，推动各\n\n项工作落实落细，让群众得到实惠。\n"));
        assert!(out.contains("推动各项工作落实落细"), "{out}");
    }

    #[test]
    fn paragraphs_of_another_newspaper() {
        let (out, _) = clean(PAGE);
        // The paper's name above the date is the header band: furniture.
        assert_eq!(
            out,
            "本报记者 王明\n本报讯 今年以来，我省持续推进乡村振兴，取得明显成效。全省共建成示范村一百个，带动增收。\n据介绍，下一步将继续加大投入力度，推动各项工作落实落实细。\n乡村振兴结硕果\n——我省推进乡村建设综述\n"
        );
    }

    #[test]
    fn full_width_sentence_end_does_not_end_the_paragraph() {
        let text = "标题\n\n这是第一行文字内\n容写到这里句子结束。\n下一句接着写下去了吧\n然后在这里也结束了吧\n还有一行写得很长的呢\n短行结束。\n";
        let (out, _) = clean(text);
        assert_eq!(
            out,
            "标题\n这是第一行文字内容写到这里句子结束。下一句接着写下去了吧然后在这里也结束了吧还有一行写得很长的呢短行结束。\n"
        );
    }

    #[test]
    fn subhead_and_cut_word_first_line() {
        let text = "甲乙丙丁戊己庚辛壬癸子丑\n寅卯辰巳午未申酉戌亥天地\n玄黄宇宙洪荒日月盈。\n\n加强创新推进，构建新格局\n持续六年推进的打造\n\n工程，为城市发展提供了坚\n强的队伍保证和组织基础设\n施建设的重要力量源泉。\n";
        let (out, kinds) = clean(text);
        assert_eq!(
            out,
            "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黄宇宙洪荒日月盈。\n加强创新推进，构建新格局\n持续六年推进的打造工程，为城市发展提供了坚强的队伍保证和组织基础设施建设的重要力量源泉。\n"
        );
        assert_eq!(kinds, [BlockKind::Body, BlockKind::Headline, BlockKind::Body]);
    }

    #[test]
    fn clean_text_is_left_alone() {
        let text = "标题一行\n■记者 王明\n第一段写完了。\n第二段也写完了，而且比较长一些。\n第三段。\n";
        let (out, _) = clean(text);
        assert_eq!(out, text);
    }

    /// Regression: a long line before a trailing masthead was taken for a title (the masthead
    /// closed a title zone) and kept its wrap space; on the clean page, without the masthead,
    /// it was body text and lost it, so a second cleaning changed the first one's output.
    #[test]
    fn trailing_furniture_does_not_close_a_title_zone() {
        let (_, kinds) =
            clean("稳者根新则党建闻则基月者报者报强则年者新月基根基新党新日强基新日日\nRENMIN RIBAO\n");
        assert_eq!(kinds[0], BlockKind::Body, "{kinds:?}");
    }

    /// Regression: a credit that OCR misread (`国记者 咒飞`, ■ read as 国) under a subtitle
    /// was taken for the subtitle's wrapped rest on a second cleaning (a byline follows it
    /// and no blank line is left), and joined to it.
    #[test]
    fn a_misread_credit_is_no_subtitle_rest() {
        let text = "军民同心谋发展\n——我市奋力开创新发展阶段双拥工作新局面\n国记者 咒飞\n通讯员 陈璐 曾宏\n本报讯今天上午，会议召开。\n";
        let (out, _) = clean(text);
        assert_eq!(out, text);
        // A subtitle's rest above a credit joins it, a blank line before the credit or not
        // (the dash OCR read as 一- written back by the dash pass); in clean text (no blank
        // line) a line there is one the first cleaning kept apart, and stays.
        let (out, _) = clean("动能转换添活力\n——上半年平湖经济\n发展述评\n\n■记者 郝梓子\n");
        assert_eq!(out, "动能转换添活力\n——上半年平湖经济发展述评\n■记者 郝梓子\n");
        let kept = "动能转换添活力\n——上半年平湖经济\n发展述评\n■记者 郝梓子\n";
        assert_eq!(clean(kept).0, kept);
        // The subtitle's real rest still joins it.
        let (out, _) = clean("标题\n\n——解码平湖现代产业体\n系（四）\n■记者 朱晓\n");
        assert_eq!(out, "标题\n——解码平湖现代产业体系（四）\n■记者 朱晓\n");
    }

    /// Regression (idempotence): a title ending in a bare dash (`…写满 ——`, leading into the
    /// line below) alone between blank lines is kept whole on a raw page; on the clean page
    /// it was split before the dash, leaving `——` on a line of its own.
    #[test]
    fn a_title_ending_in_a_bare_dash_is_not_split() {
        let clean_page =
            "春风十里的每个周末都被读书两个字占满 ——\n“读书日”开讲 “图书馆”开门\n本报记者 王明\n";
        assert_eq!(clean(clean_page).0, clean_page);
        let raw = "春 风 十 里 的 每 个 周 末 都 被 读 书 两 个 字 占 满 ——\n\n“读书日”开讲 “图书馆”开门\n本报记者 王明\n";
        let (once, _) = clean(raw);
        assert_eq!(clean(&once).0, once);
        // Must still fire: a subtitle after the dash is split off its title.
        let (out, _) = clean("乡村振兴结硕果 ——我省推进乡村建设综述\n本报记者 王明\n");
        assert!(out.starts_with("乡村振兴结硕果\n——我省推进乡村建设综述\n"), "{out}");
    }

    #[test]
    fn title_elements() {
        let t = "仲旭东在半年度全市经济形势分析会上强调 坚定信心携手奋斗共克时艰 奋战“三季进”实现“全年赢”";
        let b = title_element_breaks(t);
        assert_eq!(b.len(), 1);
        assert!(t[..b[0].start].ends_with("强调"));
        assert_eq!(title_element_breaks("听取民意 汲取民智 周军波走进人大代表联络站").len(), 1);
        assert!(title_element_breaks("重研发 助发展").is_empty());
        assert!(title_element_breaks("高站位开展主题教育 高质量交出平湖答卷").is_empty());
        assert_eq!(title_element_breaks("军民同心谋发展 奋进双拥新征程 ——我市开创双拥工作新局面").len(), 1);
    }

    #[test]
    fn inner_spaces() {
        let t = "市委常委会 会议暨 2023年 友 情";
        let r = cjk_inner_spaces(t);
        assert_eq!(r.len(), 3);
        assert_eq!(&t[r[0].clone()], " ");
    }
}
