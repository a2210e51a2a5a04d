//! Picture noise in OCR output: lines an OCR engine read out of a photo or a rule line
//! (`|`, `-三-王二 |`, a lone `海` between paragraphs), and a stray `|` before a line's text.
//!
//! # What it does
//! On a page that still shows raw layout, a line that stands alone (a blank line, or the
//! page's edge, on both sides) is classified [`BlockKind::Junk`], and so removed and logged
//! by [`newsclean_core::Page::finalize`], when its shape says it is no text:
//! - `layout.junk.marks`: no letter and no digit, only rule and stroke marks (`| _ / \ ~ = < >
//!   [ ] { } - . , : ; ' *`), at least one of them a vertical or structural mark (`|`, `_`,
//!   `/`, `\`, `~`, `^`, `=`, `<`, `>`, brackets) that no line of text consists of;
//! - `layout.junk.picture`: a short line (at most [`MAX_PICTURE_CHARS`] characters) holding
//!   a vertical or structural mark, with at least as many marks as letters, no digit and no
//!   CJK punctuation (`-三-王二 |`);
//! - `layout.junk.lone-char`: one CJK character alone, after a paragraph that ended a
//!   sentence and before a line that does not continue it (no dictionary word spans the two,
//!   [`crate::words`], and the line does not open with punctuation).
//!
//! A `|` (or `｜`) opening a line before CJK text, with no other bar on the line, is
//! deleted (`layout.junk.pipe`): the edge of a picture or a column rule read as a bar.
//!
//! # Why
//! Tesseract reads the stripes and edges of a picture, and the rules between columns, as
//! characters. Left in, they become paragraphs of their own or are joined into the text.
//!
//! # Example
//! `级。` / blank / `海` / blank / `动能转换添活力`: the `海` goes (`layout.junk.lone-char`);
//! `|一一2023党建强基工程全新启航` loses its bar.
//!
//! # When it must not fire
//! A line next to another line without a blank line between (a title's one-character tail
//! `径`, a quote's misread end `人>”`), short real lines (`（上接第1版）`, `■摄影 莫浩`,
//! `CN65-3607`, `12`, a three-character headline, a Latin masthead), a lone character after a
//! line that does not end a sentence (a misread tail `奏`), a table row (`|姓名|年龄|`): all
//! stay. Clean text (no blank line, no hard-wrapped column) is left alone, so cleaning clean
//! output changes nothing. A missed piece of noise is better than a lost line.

use newsclean_core::chars::{is_cjk, is_cjk_punct, is_hspace, is_latin_letter};
use newsclean_core::{BlockKind, Context, Page, Pass, PassError, TextEdit};

use crate::text::{blank_between, ends_sentence, is_open};
use crate::words::word_spans;

/// The picture-noise pass.
#[derive(Debug, Default)]
pub struct PictureJunk;

/// Longest line, in characters (white space not counted), taken for mixed picture noise.
pub const MAX_PICTURE_CHARS: usize = 12;

/// Vertical and structural marks: no line of text is made of them.
fn is_structural_mark(c: char) -> bool {
    matches!(c, '|' | '｜' | '¦' | '_' | '/' | '\\' | '~' | '^' | '=' | '<' | '>' | '[' | ']' | '{' | '}')
}

/// Marks of strokes and specks that an OCR engine reads out of a picture.
fn is_mark(c: char) -> bool {
    is_structural_mark(c) || matches!(c, '-' | '.' | ',' | ':' | ';' | '\'' | '`' | '*')
}

fn is_letter(c: char) -> bool {
    is_cjk(c) || is_latin_letter(c)
}

/// The rule under which a line standing alone is picture noise, or `None` for a line that
/// may be text.
pub fn junk_shape(line: &str) -> Option<&'static str> {
    let chars: Vec<char> = line.chars().filter(|c| !is_hspace(*c)).collect();
    if chars.is_empty() || chars.iter().any(|c| c.is_numeric()) {
        return None;
    }
    let marks = chars.iter().filter(|&&c| is_mark(c)).count();
    let structural = chars.iter().any(|&c| is_structural_mark(c));
    let letters = chars.iter().filter(|&&c| is_letter(c)).count();
    if marks == chars.len() && structural {
        return Some("layout.junk.marks");
    }
    let punct = chars.iter().any(|&c| is_cjk_punct(c));
    if structural
        && chars.len() <= MAX_PICTURE_CHARS
        && marks >= 2
        && marks >= letters
        && marks + letters == chars.len()
        && !punct
    {
        return Some("layout.junk.picture");
    }
    None
}

/// True when `line` is one CJK character alone (white space aside).
fn is_lone_cjk(line: &str) -> bool {
    let mut it = line.chars().filter(|c| !is_hspace(*c));
    matches!((it.next(), it.next()), (Some(c), None) if is_cjk(c))
}

/// The byte length of a bar (and the white space after it) opening `line` before CJK text,
/// when the line holds no other bar.
pub fn leading_pipe(line: &str) -> Option<usize> {
    let is_bar = |c: char| matches!(c, '|' | '｜' | '¦');
    let first = line.chars().next().filter(|&c| is_bar(c))?;
    let rest = &line[first.len_utf8()..];
    let text = rest.trim_start_matches(is_hspace);
    let next = text.chars().next()?;
    (is_cjk(next) && !text.contains(is_bar)).then(|| line.len() - text.len())
}

impl Pass for PictureJunk {
    fn id(&self) -> &str {
        "layout.junk"
    }

    fn run(&self, page: &mut Page, _ctx: &Context) -> Result<(), PassError> {
        // Clean text has no blank line: nothing stands alone there, and what the first
        // cleaning kept stays.
        if !crate::analysis::facts(page).raw_layout {
            return Ok(());
        }
        let n = page.blocks().len();
        let mut edits = Vec::new();
        let mut junk: Vec<(usize, &'static str)> = Vec::new();
        for (i, start, text) in crate::text::open_lines(page) {
            // Standing alone: a blank line or the page's edge on both sides. (Read from the
            // blocks' gaps, not the line table: building the table for this one question cost
            // 7% of the instructions on the seeds.)
            let alone = (i == 0 || blank_between(page, i - 1)) && (i + 1 == n || blank_between(page, i));
            if alone && let Some(rule) = junk_shape(text) {
                junk.push((i, rule));
                continue;
            }
            if alone && is_lone_cjk(text) && i > 0 && i + 1 < n {
                // The line before, noise found here aside.
                let Some(p) = (0..i).rev().find(|&p| !junk.iter().any(|&(j, _)| j == p)) else { continue };
                let prev = page.block_text(p);
                let next = page.block_text(i + 1).trim_start();
                let after_sentence = is_open(page.blocks()[p].kind) && ends_sentence(prev);
                let continued = word_spans(text, next) || next.chars().next().is_some_and(opens_with_punct);
                if after_sentence && !continued {
                    junk.push((i, "layout.junk.lone-char"));
                }
                continue;
            }
            if let Some(len) = leading_pipe(text) {
                edits
                    .push(TextEdit::delete(start..start + len, "layout.junk.pipe").with_note(
                        "a bar before the line's text: a picture edge or column rule read by OCR",
                    ));
            }
        }
        for &(i, rule) in &junk {
            page.classify(i, BlockKind::Junk, rule);
        }
        page.apply(edits).map_err(|source| PassError::Edit { pass: self.id().into(), source })?;
        Ok(())
    }
}

/// True for punctuation that continues a sentence when it opens a line (，。、：；！？”）…),
/// not an opening quote or bracket.
fn opens_with_punct(c: char) -> bool {
    is_cjk_punct(c) && !matches!(c, '“' | '‘' | '（' | '《' | '「' | '『' | '【')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::SplitLines;

    fn run(text: &str) -> Page {
        let mut p = Page::new(text);
        SplitLines.run(&mut p, &Context::default()).unwrap();
        PictureJunk.run(&mut p, &Context::default()).unwrap();
        p
    }

    fn kept(text: &str) -> String {
        let mut p = run(text);
        p.finalize().unwrap();
        assert_eq!(p.log().undo(p.text()), text);
        p.text().to_string()
    }

    #[test]
    fn shapes_of_noise() {
        assert_eq!(junk_shape("|"), Some("layout.junk.marks"));
        assert_eq!(junk_shape("_ | _"), Some("layout.junk.marks"));
        assert_eq!(junk_shape("-三-王二 |"), Some("layout.junk.picture"));
        assert_eq!(junk_shape("l| ~ 一"), Some("layout.junk.picture"));
    }

    #[test]
    fn shapes_of_real_lines() {
        for real in [
            "（上接第1版）",
            "(上接第1版)",
            "■摄影 莫浩",
            "CN65-3607",
            "12",
            "A5",
            "径",
            "重研发",
            "JIAXING DAILY",
            "人>”",
            "文/图 王强",
            "——",
            "……",
            "* * *",
            "---",
            "www.example.cn",
            "页o",
            "<<我的家乡>>征文启事",
        ] {
            assert_eq!(junk_shape(real), None, "{real}");
        }
    }

    #[test]
    fn noise_alone_between_blank_lines_goes() {
        let text = "第一段写完了。\n\n|\n\n-三-王二 |\n\n第二段开始了，写下去。\n";
        let mut p = run(text);
        let rules: Vec<Option<&str>> = p.blocks().iter().map(|b| b.rule.as_deref()).collect();
        assert_eq!(rules[1], Some("layout.junk.marks"));
        assert_eq!(rules[2], Some("layout.junk.picture"));
        p.finalize().unwrap();
        assert_eq!(p.text(), "第一段写完了。\n第二段开始了，写下去。\n");
        assert!(p.log().edits().iter().any(|e| e.rule == "layout.junk.picture" && e.before.contains("王二")));
    }

    #[test]
    fn lone_character_after_a_sentence_goes() {
        let text = "门要积极做好服务，帮助企业实现转型升\n级。\n\n海\n\n动能转换添活力\n";
        assert_eq!(kept(text), "门要积极做好服务，帮助企业实现转型升\n级。\n动能转换添活力\n");
    }

    #[test]
    fn lone_characters_that_are_text_stay() {
        // A title's tail, on the next line or after a blank line.
        let tail = "高效转化应用新途\n径\n\n本报讯 昨天上午，会议召开。\n";
        assert_eq!(kept(tail), tail.replace("\n\n", "\n"));
        let tail2 = "抢占风口大有可\n\n为\n\n——解码平湖现代产业体系\n";
        assert_eq!(kept(tail2), tail2.replace("\n\n", "\n"));
        // A misread tail after a line that does not end a sentence.
        let misread = "主要负责人作了述职述\n\n奏\n\n页o\n\n未来产业\n";
        assert_eq!(kept(misread), misread.replace("\n\n", "\n"));
        // A drop capital that the next line continues (本|报讯), or a line opening with a comma.
        let cap = "上一篇写完了。\n\n本\n\n报讯 昨天上午，会议召开。\n";
        assert_eq!(kept(cap), cap.replace("\n\n", "\n"));
        let comma = "上一篇写完了。\n\n海\n\n，南方的城市。\n";
        assert_eq!(kept(comma), comma.replace("\n\n", "\n"));
    }

    #[test]
    fn noise_next_to_text_stays() {
        // No blank line around: part of a title or of a paragraph.
        let text = "我市表彰“最美拥军人物”“最美复退军\n人>”\n|\n\n本报讯 昨天。\n";
        assert_eq!(kept(text), text.replace("\n\n", "\n"));
    }

    #[test]
    fn a_bar_before_text_is_deleted() {
        let text = "标题\n\n|一一2023党建强基工程全新启航\n\n| 本报记者 王强\n";
        let out = kept(text);
        assert_eq!(out, "标题\n一一2023党建强基工程全新启航\n本报记者 王强\n");
        assert_eq!(leading_pipe("|姓名|年龄|"), None);
        assert_eq!(leading_pipe("| abc"), None);
        assert_eq!(leading_pipe("本报记者 | 王强"), None);
    }

    #[test]
    fn clean_text_is_left_alone() {
        let text = "第一段写完了。\n|\n海\n第二段。\n";
        assert_eq!(kept(text), text);
    }
}
