//! The dash —— that OCR reads as two characters 一 (`一一我市奋力开创新发展`): written back
//! as —— where a title's shape and the dictionary both say it is a dash.
//!
//! # What it does
//! On a page that still shows raw layout, `一一` (also `一-`, `-一`, `--` at a line's start)
//! becomes `——` under its own rule, with a note of the evidence:
//! - `layout.ocr-dash.subtitle`: the reading opens a title-like line and a credit line
//!   (记者, 通讯员, 摄影, even misread: `国记者 …`) or a dateline (本报讯…) follows within
//!   the subtitle's wrap (at most one more title-like line, blank lines aside);
//! - `layout.ocr-dash.title`: `一一` between two title segments of such a line
//!   (`…大有可为一一解码平湖…`), a credit or dateline following the same way;
//! - `layout.ocr-dash.quoted`: `一一` inside a quoted or book title of any line
//!   (`“衣被海南一一海南黎族纺织文化展”`), the quotation holding no clause punctuation, at
//!   least two characters before the dash and four after it.
//!
//! Every reading of the two characters `一一` is also checked in the dictionary
//! ([`crate::words::dash_not_word`]): the segmenter must keep `一一` a word of its own (not
//! `唯一|一个`, not `一一对应`), and the word after it must not be what 一一 "one by one"
//! modifies (a verb: `一一解答`).
//!
//! # Why
//! Tesseract's chi_sim model reads the long dash of a subtitle as two 一. Left alone, the
//! subtitle is not seen as one (the paragraph pass looks for ——) and is joined to the
//! text around it.
//!
//! # Example
//! `一一我市奋力开创新发展` / `阶段双拥工作新局面` / `国记者 夏浩` → `——我市奋力开创新发展` ….
//!
//! # When it must not fire
//! `一一` as a word (`一一解答`, `一一对应`, `逐一一一核实`, `唯一一个`), a line that no credit or
//! dateline follows, a body line (clause punctuation, or a line that the line above
//! continues into: 逐|一一), a quotation of a clause (`“问题一一解决”`), and clean text.

use newsclean_core::chars::{is_cjk, is_hspace};
use newsclean_core::{BlockKind, Context, Page, Pass, PassError, TextEdit};

use crate::byline::byline_form;
use crate::text::{blank_between, ends_clause, ends_sentence, is_open, is_title_like, starts_dateline};
use crate::words::{dash_not_word, word_spans};

/// The OCR dash pass.
#[derive(Debug, Default)]
pub struct OcrDash;

/// The readings of —— that may open a subtitle line.
const LINE_START_READINGS: [&str; 4] = ["一一", "一-", "-一", "--"];

/// True when `line` reads like a credit, also as OCR misreads one: a byline
/// ([`byline_form`]), or a short line without clause punctuation with a role word (记者,
/// 通讯员, 摄影) among its first characters (`国记者 咒飞`, `本报记者“陶彬波 朱华理`).
pub fn looks_like_credit(line: &str) -> bool {
    let t = line.trim();
    if byline_form(t).is_some() {
        return true;
    }
    if t.chars().count() > 30 || t.contains(['，', '。', '；', '、', ',', ';']) {
        return false;
    }
    let head: String = t.chars().take(7).collect();
    ["记者", "通讯员", "摄影"].iter().any(|r| head.find(r).is_some_and(|at| head[..at].chars().count() <= 3))
}

/// True when a credit line or a dateline follows block `i` within a subtitle's wrap: at most
/// one more title-like line between, blank lines and furniture aside.
fn credit_follows(page: &Page, i: usize) -> bool {
    let mut wrapped = 0;
    for j in i + 1..page.blocks().len() {
        let b = &page.blocks()[j];
        match b.kind {
            BlockKind::Byline => return true,
            BlockKind::Furniture | BlockKind::Junk => continue,
            BlockKind::Unknown => {}
            _ => return false,
        }
        let t = page.block_text(j);
        if looks_like_credit(t) || starts_dateline(t) {
            return true;
        }
        // The subtitle's wrapped rest follows it without a blank line.
        if wrapped == 0 && j == i + 1 && !blank_between(page, i) && is_title_like(t) && !ends_sentence(t) {
            wrapped += 1;
            continue;
        }
        return false;
    }
    false
}

/// The byte ranges of every `一一` in `t` that stands alone (no third 一 on either side).
fn pairs(t: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = t.char_indices().collect();
    let mut out = Vec::new();
    for k in 0..chars.len().saturating_sub(1) {
        let is_one = |m: usize| chars.get(m).is_some_and(|&(_, c)| c == '一');
        if is_one(k) && is_one(k + 1) && !(k > 0 && is_one(k - 1)) && !is_one(k + 2) {
            out.push(chars[k].0);
        }
    }
    out
}

/// The dash readings inside quotations (“…” or 《…》) of `t` that are dashes: (byte offset).
fn quoted_dashes(t: &str) -> Vec<usize> {
    let mut out = Vec::new();
    for (open, close) in [('“', '”'), ('《', '》')] {
        let mut from = 0;
        while let Some(o) = t[from..].find(open).map(|p| from + p) {
            let inner_start = o + open.len_utf8();
            let Some(c) = t[inner_start..].find(close).map(|p| inner_start + p) else { break };
            let inner = &t[inner_start..c];
            from = c + close.len_utf8();
            if inner.contains(['“', '”', '《', '》', '，', '。', '；', '！', '？', '、', ',', ';'])
            {
                continue;
            }
            let found = pairs(inner);
            if found.len() != 1 {
                continue;
            }
            let at = found[0];
            let (before, after) = (&inner[..at], &inner[at + "一一".len()..]);
            if before.chars().filter(|c| is_cjk(*c)).count() >= 2
                && after.chars().count() >= 4
                && after.chars().next().is_some_and(|c| is_cjk(c) || c.is_ascii_digit())
                && dash_not_word(before, after, true)
            {
                out.push(inner_start + at);
            }
        }
    }
    out
}

/// The subtitle reading opening `t`, as its byte length, when it is followed by CJK text,
/// a digit or an opening quote.
fn leading_reading(t: &str) -> Option<usize> {
    let r = LINE_START_READINGS.iter().find(|r| t.starts_with(**r))?;
    let rest = &t[r.len()..];
    let next = rest.chars().next()?;
    let ok = (is_cjk(next) && next != '一') || next.is_ascii_digit() || matches!(next, '“' | '《');
    (ok && (*r != "一一" || dash_not_word("", rest, false))).then_some(r.len())
}

/// The pass's id: the prefix of its rule ids.
pub const PASS_ID: &str = "layout.ocr-dash";

impl Pass for OcrDash {
    fn id(&self) -> &str {
        PASS_ID
    }

    fn run(&self, page: &mut Page, _ctx: &Context) -> Result<(), PassError> {
        // Every reading of the dash holds one of these (一一 for the quoted and title ones).
        if !LINE_START_READINGS.iter().any(|r| page.text().contains(r)) {
            return Ok(());
        }
        let raw_layout = crate::analysis::facts(page).raw_layout;
        let mut edits = Vec::new();
        for (i, base, text) in crate::text::open_lines(page) {
            let lead = text.len() - text.trim_start_matches(is_hspace).len();
            let t = &text[lead..];
            // Quoted titles: in any line, on any page (the evidence is inside the line).
            for at in quoted_dashes(t) {
                let s = base + lead + at;
                edits.push(TextEdit::replace(s..s + "一一".len(), "——", "layout.ocr-dash.quoted").with_note(
                    "一一 between two segments of a quoted title, not a word: OCR's reading of ——",
                ));
            }
            if !raw_layout || !is_title_like(t) || ends_clause(t) {
                continue;
            }
            // The line above must not run on into this one (逐|一一).
            let prev_open = i > 0 && is_open(page.blocks()[i - 1].kind) && !blank_between(page, i - 1);
            if let Some(len) = leading_reading(t) {
                let continues = prev_open && word_spans(page.block_text(i - 1), t);
                if !continues && credit_follows(page, i) {
                    edits.push(
                        TextEdit::replace(base + lead..base + lead + len, "——", "layout.ocr-dash.subtitle")
                            .with_note("a title-like line opening with OCR's reading of ——, a credit or dateline after it"),
                    );
                }
                continue;
            }
            let inside: Vec<usize> = pairs(t)
                .into_iter()
                .filter(|&at| {
                    let (before, after) = (&t[..at], &t[at + "一一".len()..]);
                    before.chars().rev().take_while(|c| is_cjk(*c)).count() >= 2
                        && after.chars().count() >= 4
                        && after.chars().next().is_some_and(|c| is_cjk(c) || c.is_ascii_digit() || c == '“')
                        && dash_not_word(before, after, false)
                })
                .collect();
            // One dash between two segments, and not one the quoted rule took.
            if inside.len() == 1 && !quoted_dashes(t).contains(&inside[0]) && credit_follows(page, i) {
                let s = base + lead + inside[0];
                edits.push(
                    TextEdit::replace(s..s + "一一".len(), "——", "layout.ocr-dash.title")
                        .with_note("一一 between two title segments, a credit or dateline after the title: OCR's reading of ——"),
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
    use crate::lines::SplitLines;

    fn run(text: &str) -> String {
        let mut p = Page::new(text);
        SplitLines.run(&mut p, &Context::default()).unwrap();
        OcrDash.run(&mut p, &Context::default()).unwrap();
        assert_eq!(p.log().undo(p.text()), text);
        p.text().to_string()
    }

    fn rules(text: &str) -> Vec<String> {
        let mut p = Page::new(text);
        SplitLines.run(&mut p, &Context::default()).unwrap();
        OcrDash.run(&mut p, &Context::default()).unwrap();
        p.log().edits().iter().map(|e| e.rule.to_string()).collect()
    }

    #[test]
    fn subtitle_lines() {
        let t = "军民同心谋发展 奋进双拥新征程\n\n一一我市奋力开创新发展阶段双拥工作新局面\n\n国记者 咒飞\n";
        assert_eq!(run(t), t.replace("一一我市", "——我市"));
        assert_eq!(rules(t), ["layout.ocr-dash.subtitle"]);
        // Wrapped onto a second line, the credit under it.
        let t =
            "双拥新征程\n一一我市奋力开创新发展\n阶段双拥工作新局面\n国记者 夏浩 何红娟\n\n本报讯 昨天。\n";
        assert!(run(t).contains("——我市奋力"));
        let t = "动能转换添活力\n一-上半年平湖经济\n发展述评\n\n■记者 郝梓子\n";
        assert!(run(t).contains("——上半年"));
        let t = "标题\n\n一一2023党建强基工程全新启航\n本报记者“” 任娜海 江霞强\n";
        assert!(run(t).contains("——2023"));
        let t = "标题\n\n一一上半年平湖经济发展述评\n\n本报讯 7月29日上午，会议召开。\n";
        assert!(run(t).contains("——上半年"));
    }

    #[test]
    fn subtitle_must_not_fire() {
        // One by one: a verb after 一一.
        let t = "标题\n\n一一解答群众关心的问题\n\n■记者 王强\n";
        assert_eq!(run(t), t);
        // No credit or dateline after it.
        let t = "标题\n\n一一我市奋力开创新发展\n\n今年以来，我市持续推进。\n";
        assert_eq!(run(t), t);
        // The line above runs on into it (逐|一).
        let t = "对群众反映的问题逐\n一一我市奋力开创新发展\n\n■记者 王强\n";
        assert_eq!(run(t), t);
        // A body line: clause punctuation.
        let t = "标题\n\n一一对应的关系，我们\n\n■记者 王强\n";
        assert_eq!(run(t), t);
        // Three 一 in a row.
        let t = "标题\n\n一一一我市奋力开创新发展\n\n■记者 王强\n";
        assert_eq!(run(t), t);
        // Clean text (no blank line, no wrapping).
        let t = "标题\n一一我市奋力开创新发展\n■记者 王强\n";
        assert_eq!(run(t), t);
    }

    #[test]
    fn between_title_segments() {
        let t = "未来产业：抢占风口大有可为一一解码平湖“1212”现代产业体系（四）\n\n■记者 朱晓 廖飞\n";
        assert_eq!(run(t), t.replace("为一一解", "为——解"));
        assert_eq!(rules(t), ["layout.ocr-dash.title"]);
        // One by one in a headline.
        let t = "群众诉求一一回应到位见实效\n\n■记者 王强\n";
        assert_eq!(run(t), t);
        // A word across: 唯一|一个.
        let t = "我市成为全省唯一一个试点城市\n\n■记者 王强\n";
        assert_eq!(run(t), t);
        // No credit after the line.
        let t = "抢占风口大有可为一一解码平湖现代产业体系\n\n今年以来，我市持续推进。\n";
        assert_eq!(run(t), t);
    }

    #[test]
    fn quoted_titles() {
        let t = "近日，由平湖博物馆和海南省博物馆主办的“衣被海南一一海南黎族纺织文化展”在平湖博物馆展出。\n";
        assert_eq!(run(t), t.replace("南一一海", "南——海"));
        assert_eq!(rules(t), ["layout.ocr-dash.quoted"]);
        let t = "他的新书《城市记忆一一一座老城的百年变迁》出版了。\n";
        assert_eq!(run(t), t);
        let t = "他的新书《城市记忆一一老城百年变迁史》出版了。\n";
        assert_eq!(run(t), t.replace("忆一一老", "忆——老"));
        for same in [
            "大家提出的“问题一一解决”，成了口号。\n",
            "所谓“一一对应关系”是指。\n",
            "“衣被海南一一展”在展出。\n",
            "我们对“三个问题”一一作了解答。\n",
            "“我们逐一一一核实，确保无误”他说。\n",
        ] {
            assert_eq!(run(same), same);
        }
    }

    #[test]
    fn credits() {
        assert!(looks_like_credit("国记者 咒飞"));
        assert!(looks_like_credit("本报记者“陶彬波 朱华理"));
        assert!(looks_like_credit("通讯员 徐鹏宏"));
        assert!(!looks_like_credit("记者从市网信办获悉，今年以来"));
        assert!(!looks_like_credit("市委宣传部、本报记者一行"));
    }
}
