//! Doubled text from bold fonts: a title or caption line whose every run is written twice.
//!
//! # What it does
//! When a whole line factors into runs each written twice in a row
//! (`““两面锦旗两面锦旗””唱响营商环境唱响营商环境`), it is rewritten with each run once
//! (`“两面锦旗”唱响营商环境`), under rule `layout.doubled`.
//!
//! # Why
//! OCR of bold display type often reads each glyph run twice; titles and picture credits
//! come out doubled.
//!
//! # Example
//! `图片由新埭镇提供图片由新埭镇提供` → `图片由新埭镇提供`.
//!
//! # When it must not fire
//! Body text with reduplicated words (谢谢, 看看, 一一, 常常): only a line that factors
//! completely fires, it must have at least six characters, and at least one doubled run
//! must hold two CJK characters or more, so `谢谢谢谢`, `看看` and repeated Latin words
//! stay. A line that ends a sentence is body text and never fires, nor does a line longer
//! than [`MAX_CHARS`] (titles are short; the search is quadratic).

use newsclean_core::chars::is_cjk;
use newsclean_core::{BlockKind, Context, Page, Pass, PassError, TextEdit};

use crate::text::{cells, ends_sentence, is_title_like};

/// Longest line, in characters, that is looked at.
pub const MAX_CHARS: usize = 160;

/// The doubled-text pass.
#[derive(Debug, Default)]
pub struct DoubledText;

/// The line with each doubled run written once, when the whole line factors into doubled
/// runs (white space between runs is kept once).
pub fn undouble(line: &str) -> Option<String> {
    let t = line.trim();
    // Titles and credits are short; the search below is quadratic, so a long line (body
    // text, or a 50 MB line of a broken file) is never looked at.
    if t.len() > 4 * MAX_CHARS || t.chars().count() > MAX_CHARS || ends_sentence(t) {
        return None;
    }
    let chars: Vec<char> = t.chars().collect();
    let n = chars.len();
    if n < 6 {
        return None;
    }
    // The line starts and ends with a doubled run (it is trimmed): most lines fail this
    // at once, before the quadratic search.
    let half = n / 2;
    let starts_doubled = (1..=half).any(|len| chars[..len] == chars[len..2 * len]);
    let ends_doubled = (1..=half).any(|len| chars[n - 2 * len..n - len] == chars[n - len..]);
    if !starts_doubled || !ends_doubled {
        return None;
    }
    // best[i]: a factorisation of chars[i..] as (run length) list, preferring long runs.
    let mut best: Vec<Option<Vec<usize>>> = vec![None; n + 1];
    best[n] = Some(Vec::new());
    for i in (0..n).rev() {
        // White space between runs stands once.
        if chars[i].is_whitespace() {
            if let Some(rest) = &best[i + 1] {
                let mut v = vec![0];
                v.extend(rest);
                best[i] = Some(v);
            }
            continue;
        }
        for len in (1..=(n - i) / 2).rev() {
            if chars[i..i + len] == chars[i + len..i + 2 * len]
                && !chars[i + len - 1].is_whitespace()
                && let Some(rest) = &best[i + 2 * len]
            {
                let mut v = vec![len];
                v.extend(rest);
                best[i] = Some(v);
                break;
            }
        }
    }
    let runs = best[0].as_ref()?;
    // At least one doubled run of two CJK characters or more: repeated Latin words
    // (`archive archive`) and reduplicated single characters are left alone.
    let mut at = 0;
    let mut cjk_run = false;
    for &len in runs {
        if len >= 2 && chars[at..at + len].iter().filter(|c| is_cjk(**c)).count() >= 2 {
            cjk_run = true;
        }
        at += if len == 0 { 1 } else { 2 * len };
    }
    if !cjk_run {
        return None;
    }
    let mut out = String::new();
    let mut i = 0;
    for &len in runs {
        if len == 0 {
            out.push(chars[i]);
            i += 1;
        } else {
            out.extend(&chars[i..i + len]);
            i += 2 * len;
        }
    }
    Some(out)
}

/// The title with its repeated opening written once, when it opens with a run of at least
/// [`MIN_REPEAT`] characters (two of them CJK) written twice and then goes on
/// (`未来产业：抢占风口大有可未来产业：抢占风口大有可为` → `未来产业：抢占风口大有可为`): the
/// offset copy of a fake-bold title wrapped in a narrow column comes out of a PDF as its
/// first line twice, then the rest once. For titles only (body text may repeat a phrase).
pub fn unrepeat(title: &str) -> Option<String> {
    let t = title.trim();
    if t.chars().count() > MAX_CHARS || ends_sentence(t) {
        return None;
    }
    let chars: Vec<char> = t.chars().collect();
    let n = chars.len();
    let len = (MIN_REPEAT..=n / 2).rev().find(|&len| chars[..len] == chars[len..2 * len])?;
    if 2 * len == n || chars[..len].iter().filter(|c| is_cjk(**c)).count() < 2 {
        return None;
    }
    Some(chars[..len].iter().chain(&chars[2 * len..]).collect())
}

/// The shortest repeated opening [`unrepeat`] takes.
pub const MIN_REPEAT: usize = 4;

/// Doubled titles that only show once their lines are joined: fake-bold copies printed as
/// lines of their own (`汇率避险` / `汇率避险“工具箱` / `工具箱”再扩容` / `再扩容`, or a title's
/// first line twice). Runs after [`crate::paragraphs::Paragraphs`], on headlines, subtitles
/// and captions, with [`undouble`] and [`unrepeat`]; rule `layout.doubled`.
#[derive(Debug, Default)]
pub struct DoubledTitles;

/// The widest title-like line (in cells) that a body block written twice whole is taken for
/// a title: the paragraphs pass's subhead width, so that a second clean, which takes such a
/// line for a title on the clean page, keeps the kind the first gave.
const TITLE_MAX_CELLS: f32 = crate::paragraphs::SUBHEAD_MAX_CELLS;

/// The id of the pass over joined titles ([`DoubledTitles`]); it logs `layout.doubled`.
pub const TITLES_PASS_ID: &str = "layout.doubled-titles";

impl Pass for DoubledTitles {
    fn id(&self) -> &str {
        TITLES_PASS_ID
    }

    fn run(&self, page: &mut Page, _ctx: &Context) -> Result<(), PassError> {
        let mut edits = Vec::new();
        let mut titles = Vec::new();
        for i in 0..page.blocks().len() {
            let kind = page.blocks()[i].kind;
            let title = matches!(kind, BlockKind::Headline | BlockKind::Subtitle | BlockKind::Caption);
            // A body block that is a doubled title whole (copies printed at the page's end,
            // where no title zone closes) is undoubled too; `undouble` never fires on a
            // sentence, and only the whole text doubled counts.
            if !title && kind != BlockKind::Body {
                continue;
            }
            let text = page.block_text(i);
            if text.contains('\n') {
                continue;
            }
            let (once, note) = match undouble(text) {
                Some(once) => (once, "every run of the title is written twice"),
                None if !title => continue,
                None => match unrepeat(text) {
                    Some(once) => (once, "the title's opening is written twice"),
                    None => continue,
                },
            };
            if !title && is_title_like(&once) && cells(&once) <= TITLE_MAX_CELLS {
                titles.push(i);
            }
            edits.push(
                TextEdit::replace(page.blocks()[i].range.clone(), once, "layout.doubled").with_note(note),
            );
        }
        page.apply(edits).map_err(|source| PassError::Edit { pass: self.id().into(), source })?;
        // A body block that was a title written twice whole is a title: fake bold is display
        // type, and body text never repeats whole. Classified so, the rules' body-text
        // space removal leaves the space between its parts (`“招商日”发力 “一把手”亲力`).
        for i in titles {
            page.classify_because(
                i,
                BlockKind::Headline,
                "layout.doubled",
                "a title written twice whole (fake bold)",
            );
        }
        Ok(())
    }
}

/// The id of the pass over lines ([`DoubledText`]) and its rule id.
pub const TEXT_PASS_ID: &str = "layout.doubled";

impl Pass for DoubledText {
    fn id(&self) -> &str {
        TEXT_PASS_ID
    }

    fn run(&self, page: &mut Page, _ctx: &Context) -> Result<(), PassError> {
        let mut edits = Vec::new();
        for (_, base, text) in crate::text::open_lines(page) {
            if let Some(once) = undouble(text) {
                edits.push(
                    TextEdit::replace(base..base + text.len(), once, "layout.doubled")
                        .with_note("every run of the line is written twice"),
                );
            }
        }
        page.apply(edits).map_err(|source| PassError::Edit { pass: self.id().into(), source })?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubled_titles() {
        assert_eq!(
            undouble("““两面锦旗两面锦旗””唱响营商环境唱响营商环境““创优曲创优曲””").as_deref(),
            Some("“两面锦旗”唱响营商环境“创优曲”")
        );
        assert_eq!(undouble("图片由新埭镇提供图片由新埭镇提供").as_deref(), Some("图片由新埭镇提供"));
        assert_eq!(
            undouble("““招商日招商日””发力发力 ““一把手一把手””亲力亲力").as_deref(),
            Some("“招商日”发力 “一把手”亲力")
        );
    }

    fn titles_pass(text: &str) -> Page {
        let mut p = Page::new(text);
        p.classify(0, BlockKind::Body, "t");
        DoubledTitles.run(&mut p, &Context::default()).unwrap();
        p
    }

    #[test]
    fn a_body_block_that_is_one_title_written_twice_is_a_title() {
        let p = titles_pass("“招商日”发力 “一把手”亲力“招商日”发力 “一把手”亲力\n");
        assert_eq!(p.block_text(0), "“招商日”发力 “一把手”亲力");
        assert_eq!(p.blocks()[0].kind, BlockKind::Headline);
    }

    #[test]
    fn a_long_body_block_written_twice_stays_body_text() {
        // Two titles run together (longer than one title line): written once, but body text,
        // as the clean page reads the line; and a sentence is never undoubled.
        let t = "坚定信心携手奋斗共克时艰 奋战“三季进”实现“全年赢”我市省级科技计划项目立项数创历史新高";
        let p = titles_pass(&format!("{t}{t}\n"));
        assert_eq!(p.block_text(0), t);
        assert_eq!(p.blocks()[0].kind, BlockKind::Body);
        let p = titles_pass("谢谢大家，谢谢大家。\n");
        assert_eq!(p.blocks()[0].kind, BlockKind::Body);
    }

    #[test]
    fn repeated_openings_of_titles() {
        assert_eq!(
            unrepeat("未来产业：抢占风口大有可未来产业：抢占风口大有可为").as_deref(),
            Some("未来产业：抢占风口大有可为")
        );
        // Not: a short repeat, a whole title doubled (undouble's case), a Latin repeat, a
        // sentence, a title that only shares a word.
        for t in ["谢谢谢谢大家", "两面锦旗两面锦旗", "abcdabcdef", "我们我们去北京。", "平湖平湖人的故事"]
        {
            assert_eq!(unrepeat(t), None, "{t}");
        }
    }

    #[test]
    fn must_not_fire() {
        for line in [
            "谢谢谢谢",
            "看看",
            "大家一一看看",
            "谢谢大家，谢谢大家。",
            "常常想起往往",
            "五大“根基”筑实璀璨明珠坚强底座",
        ] {
            assert_eq!(undouble(line), None, "{line}");
        }
        // Repeated Latin words, and a huge line.
        assert_eq!(undouble("newsprint archive newsprint archive "), None);
        assert_eq!(undouble(&"新闻档案".repeat(100_000)), None);
        // Only part of the line doubled.
        assert_eq!(undouble("两面锦旗两面锦旗唱响营商环境"), None);
    }
}
