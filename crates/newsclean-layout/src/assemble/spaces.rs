//! Spaces inside CJK text that are layout artefacts: lost wrap points and letter spacing.
//!
//! # What it does
//! In body paragraphs and captions, removes white space between two CJK characters (or
//! CJK punctuation): `市委常委会 会议暨` → `市委常委会会议暨` (`layout.spaces.wrap`), in
//! captions also between a CJK character and an ASCII mark that the rules make full-width
//! (`系统 (平湖) 有限` → `系统(平湖)有限`; the rules' own space removal is for body text). In any
//! block but a byline, removes letter spacing: three or more single CJK characters each
//! one space apart, `友 情 提 醒` → `友情提醒`, and a space between two punctuation marks
//! (`“最美拥军人物” “最美复退军人”`) (`layout.spaces.letter-spacing`).
//!
//! # Why
//! Chinese has no spaces between words; a space inside CJK text marks where a printed line
//! ended (some extractions join wrapped lines with a space) or spaced-out display type.
//!
//! # Example
//! `本报讯 昨天,市委常委会 会议暨市委学习` → `本报讯昨天,市委常委会会议暨市委学习`.
//!
//! # When it must not fire
//! Blocks without a CJK character (English text shares the curly quotes: `“Carmen,”
//! “Mignon,”` keeps its space);
//! Spaces next to digits or Latin letters (`投入了 2亿`, the rules' business), spaces
//! between title elements (`听取民意 汲取民智`, `重研发 助发展`), spaces between names in
//! bylines (`■记者 胡佳英 林旭东`).

use newsclean_core::chars::{is_cjk, is_cjk_punct};
use newsclean_core::{BlockKind, Context, Page, Pass, PassError, TextEdit};

use crate::text::cjk_inner_spaces;
pub use crate::text::letter_spacing;

/// The CJK space pass.
#[derive(Debug, Default)]
pub struct CjkSpaces;

/// The byte ranges of white space between a CJK character and an ASCII punctuation mark
/// (`( ) , ; : ? ! "`) in a caption's text: the rules make such a mark full-width next to
/// CJK text, and a space beside it is then a wrap artefact this pass removes. The rules'
/// own space removal covers body text only, so without this a caption kept the space the
/// first time and lost it on a second cleaning (`伊维氏传动系统 (平湖) 有限公司`).
fn spaces_at_ascii_punct(text: &str) -> Vec<std::ops::Range<usize>> {
    let is_mark = |c: char| matches!(c, '(' | ')' | ',' | ';' | ':' | '?' | '!' | '"');
    spaces_between(text, |_, p, c| is_cjk(p) && is_mark(c) || is_mark(p) && is_cjk(c))
}

/// The byte ranges of white space after a mark that ends a clause or a sentence and before a
/// CJK character: a full-width mark (`，` `、` `；` `：` `。` `！` `？`), or an ASCII one
/// (`,` `;` `:` `!` `?`) after a CJK character, which the rules make full-width.
fn spaces_after_clause_marks(text: &str) -> Vec<std::ops::Range<usize>> {
    let full = |c: char| matches!(c, '，' | '、' | '；' | '：' | '。' | '！' | '？');
    let ascii = |c: char| matches!(c, ',' | ';' | ':' | '!' | '?');
    spaces_between(text, |before, p, c| is_cjk(c) && (full(p) || ascii(p) && before.is_some_and(is_cjk)))
}

/// The byte ranges of the runs of horizontal white space in `text` between two characters
/// `p` and `c` for which `wanted(the character before p, p, c)` holds.
fn spaces_between(
    text: &str,
    wanted: impl Fn(Option<char>, char, char) -> bool,
) -> Vec<std::ops::Range<usize>> {
    use newsclean_core::chars::is_hspace;
    let mut out = Vec::new();
    let (mut prev, mut before_prev): (Option<char>, Option<char>) = (None, None);
    let mut run: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if is_hspace(c) {
            if run.is_none() {
                run = Some(i);
            }
            continue;
        }
        if let (Some(s), Some(p)) = (run.take(), prev)
            && wanted(before_prev, p, c)
        {
            out.push(s..i);
        }
        (before_prev, prev) = (prev, Some(c));
    }
    out
}

/// The fewest single digits one space apart that [`spaced_digits_and_marks`] reads as
/// letter-spaced type (`2 0 2 3`): two could be a score or a list (`3 1`).
const SPACED_DIGITS_MIN: usize = 3;

/// Opening quotes and brackets of CJK text: no space follows one in set text.
fn is_opening_mark(c: char) -> bool {
    matches!(c, '“' | '‘' | '（' | '《' | '〈' | '【' | '「' | '『' | '〔')
}

/// Closing quotes and brackets of CJK text: no space comes before one in set text.
fn is_closing_mark(c: char) -> bool {
    matches!(c, '”' | '’' | '）' | '》' | '〉' | '】' | '」' | '』' | '〕')
}

/// The byte ranges of the spaces that letter-spaced display type leaves beside digits and
/// quotes in a CJK title, where the extractor writes a space at every wide gap that is not
/// between two CJK characters: a run of at least [`SPACED_DIGITS_MIN`] single digits one space
/// apart (`—— 2 0 2 3 党建强基`, `“ 1 2 1 2 ” 现代`), the spaces between it and the CJK text or
/// marks beside it; a space right after an opening quote or bracket, or right before a
/// closing one, next to a CJK character or a digit (`“ 腾笼换鸟”`); and, on a title that
/// shows either, a space after a closing mark before CJK text (`” 整治提升`). Spaces between
/// title elements (`“招商日”发力 “一把手”亲力`, `听取民意 汲取民智`) are none of these.
fn spaced_digits_and_marks(text: &str) -> Vec<std::ops::Range<usize>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let cjkish = |c: Option<char>| c.is_some_and(|c| is_cjk(c) || is_cjk_punct(c));
    let space = |k: usize| -> std::ops::Range<usize> { chars[k].0..chars[k].0 + 1 };
    let mut out = Vec::new();
    let mut shows = false;
    // Runs of single digits one space apart.
    let mut k = 0;
    while k < n {
        let single = |k: usize| {
            at(k).is_some_and(|c| c.is_ascii_digit())
                && (k == 0 || !at(k - 1).is_some_and(|c| c.is_ascii_alphanumeric()))
                && !at(k + 1).is_some_and(|c| c.is_ascii_alphanumeric())
        };
        if !single(k) {
            k += 1;
            continue;
        }
        let mut end = k;
        while at(end + 1) == Some(' ') && single(end + 2) {
            end += 2;
        }
        let digits = (end - k) / 2 + 1;
        if digits >= SPACED_DIGITS_MIN {
            shows = true;
            out.extend((k + 1..end).step_by(2).map(space));
            if k >= 2 && at(k - 1) == Some(' ') && cjkish(at(k - 2)) {
                out.push(space(k - 1));
            }
            if at(end + 1) == Some(' ') && cjkish(at(end + 2)) {
                out.push(space(end + 1));
            }
        }
        k = end + 1;
    }
    // Spaces inside quotes and brackets.
    for k in 1..n.saturating_sub(1) {
        if at(k) != Some(' ') {
            continue;
        }
        let (p, c) = (at(k - 1).unwrap_or(' '), at(k + 1).unwrap_or(' '));
        let inner = |c: char| is_cjk(c) || c.is_ascii_digit();
        if is_opening_mark(p) && inner(c) || inner(p) && is_closing_mark(c) {
            shows = true;
            out.push(space(k));
        }
    }
    if shows {
        for k in 1..n.saturating_sub(1) {
            if at(k) == Some(' ') && at(k - 1).is_some_and(is_closing_mark) && at(k + 1).is_some_and(is_cjk) {
                out.push(space(k));
            }
        }
    }
    out.sort_by_key(|r| r.start);
    out.dedup();
    out
}

/// The pass's id.
pub const PASS_ID: &str = "layout.spaces";

impl Pass for CjkSpaces {
    fn id(&self) -> &str {
        PASS_ID
    }

    fn run(&self, page: &mut Page, _ctx: &Context) -> Result<(), PassError> {
        let mut edits = Vec::new();
        for i in 0..page.blocks().len() {
            let kind = page.blocks()[i].kind;
            if !kind.is_content() || kind == BlockKind::Byline {
                continue;
            }
            let start = page.blocks()[i].range.start;
            let text = page.block_text(i);
            // Curly quotes and dashes are CJK punctuation and English punctuation alike: a
            // block without a CJK character (`“Carmen,” “Mignon,”`) has no CJK spacing.
            if !text.chars().any(is_cjk) {
                continue;
            }
            let ranges = if matches!(kind, BlockKind::Body | BlockKind::Caption) && text.chars().count() > 20
            {
                let mut r = cjk_inner_spaces(text);
                if kind == BlockKind::Caption {
                    r.extend(spaces_at_ascii_punct(text));
                    r.sort_by_key(|r| r.start);
                    r.dedup();
                }
                edits.extend(
                    r.into_iter()
                        .map(|r| TextEdit::delete(start + r.start..start + r.end, "layout.spaces.wrap")),
                );
                continue;
            } else {
                let mut r = letter_spacing(text);
                // Between two punctuation marks in a title (“最美拥军人物” “最美复退军人”).
                // A CJK character must touch the pair, as in the rules' zh.space-between-punct
                // (which handles the quotes that were straight in the raw text): otherwise
                // `"　”、` kept its space once and lost it on a second clean.
                r.extend(cjk_inner_spaces(text).into_iter().filter(|r| {
                    let mut back = text[..r.start].chars().rev();
                    let mut fwd = text[r.end..].chars();
                    let (before, outer_before) = (back.next(), back.next());
                    let (after, outer_after) = (fwd.next(), fwd.next());
                    before.is_some_and(is_cjk_punct)
                        && after.is_some_and(is_cjk_punct)
                        && (outer_before.is_some_and(is_cjk) || outer_after.is_some_and(is_cjk))
                }));
                // A space after a full-width clause or sentence mark, before CJK text
                // (`“零突破”， 本版编辑`): the mark is set with its own spacing, so the space is
                // a layout artefact in a title as in body text (where a second clean, taking a
                // long line for body text, removed what the first had kept in a title).
                edits.extend(
                    spaces_after_clause_marks(text)
                        .into_iter()
                        .map(|r| TextEdit::delete(start + r.start..start + r.end, "layout.spaces.wrap")),
                );
                // The space after a subtitle's opening dash (—— 上半年…): the dash leads the
                // subtitle, no title element stands before it.
                if let Some(rest) = text.strip_prefix("——") {
                    let gap = rest.len() - rest.trim_start_matches([' ', '\u{3000}']).len();
                    if gap > 0 && rest[gap..].starts_with(is_cjk) {
                        r.push("——".len().."——".len() + gap);
                    }
                }
                r.extend(spaced_digits_and_marks(text));
                r.sort_by_key(|r| r.start);
                r.dedup();
                r
            };
            edits.extend(
                ranges.into_iter().map(|r| {
                    TextEdit::delete(start + r.start..start + r.end, "layout.spaces.letter-spacing")
                }),
            );
        }
        page.apply(edits).map_err(|source| PassError::Edit { pass: self.id().into(), source })?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spaced(text: &str) -> String {
        let mut out = text.to_string();
        for r in spaced_digits_and_marks(text).into_iter().rev() {
            out.replace_range(r, "");
        }
        out
    }

    #[test]
    fn letter_spaced_digits_and_quotes_in_titles() {
        assert_eq!(spaced("—— 2 0 2 3 党建强基工程全新启航"), "——2023党建强基工程全新启航");
        assert_eq!(spaced("——解码平湖“ 1 2 1 2 ” 现代产业体系（四）"), "——解码平湖“1212”现代产业体系（四）");
        assert_eq!(
            spaced("周军波在“ 腾笼换鸟” 整治提升暨“ 厂中厂” 整治工作推进会上强调"),
            "周军波在“腾笼换鸟”整治提升暨“厂中厂”整治工作推进会上强调"
        );
        // Through the pass, on a subtitle.
        let mut p = Page::new("—— 2 0 2 3 党建强基工程全新启航\n");
        p.classify(0, BlockKind::Subtitle, "t");
        CjkSpaces.run(&mut p, &Context::default()).unwrap();
        assert_eq!(p.text(), "——2023党建强基工程全新启航\n");
    }

    #[test]
    fn spaces_between_title_elements_digits_and_words_stay() {
        for text in [
            "“招商日”发力 “一把手”亲力",
            "听取民意 汲取民智",
            "坚定信心携手奋斗共克时艰 奋战“三季进”实现“全年赢”",
            "比分 3 1 主队获胜",
            "共 12 3 项",
            "投入了 2亿 元",
            "第 1 2 版",
            "“A B C”三个方案",
        ] {
            assert_eq!(spaced(text), text, "{text}");
        }
    }

    #[test]
    fn english_curly_quotes_keep_their_spaces() {
        for text in [
            "He sang in English, “Carmen,” “Mignon,” and many other works of the day.\n",
            "‘ ’ I am, Sir, your obedient servant.\n",
        ] {
            let mut p = Page::new(text);
            for i in 0..p.blocks().len() {
                p.classify(i, BlockKind::Body, "t");
            }
            CjkSpaces.run(&mut p, &Context::default()).unwrap();
            assert_eq!(p.text(), text);
        }
        // In CJK text the same marks lose the space between them.
        let mut p = Page::new("“最美拥军人物” “最美复退军人”\n");
        p.classify(0, BlockKind::Headline, "t");
        CjkSpaces.run(&mut p, &Context::default()).unwrap();
        assert_eq!(p.text(), "“最美拥军人物”“最美复退军人”\n");
    }

    /// Regression: a caption's spaces around ASCII brackets stayed the first time (the rules
    /// made the brackets full-width but remove spaces in body text only) and went on a
    /// second cleaning.
    #[test]
    fn caption_spaces_at_ascii_punctuation() {
        let text = "昨天，在伊维氏传动系统 (平湖) 有限公司的研发中心，员工们正对设计的产品进行检验。\n";
        let mut p = Page::new(text);
        p.classify(0, BlockKind::Caption, "t");
        CjkSpaces.run(&mut p, &Context::default()).unwrap();
        assert_eq!(
            p.block_text(0),
            "昨天，在伊维氏传动系统(平湖)有限公司的研发中心，员工们正对设计的产品进行检验。"
        );
        // Body text is the rules' business; a short caption (a picture's title) keeps its
        // spaces; Latin text inside a caption too.
        let mut p = Page::new(text);
        p.classify(0, BlockKind::Body, "t");
        CjkSpaces.run(&mut p, &Context::default()).unwrap();
        assert_eq!(p.text(), text);
        let mut p = Page::new("重研发 (图) 助发展\n");
        p.classify(0, BlockKind::Caption, "t");
        CjkSpaces.run(&mut p, &Context::default()).unwrap();
        assert_eq!(p.text(), "重研发 (图) 助发展\n");
        assert!(spaces_at_ascii_punct("参观了展览 see (the show), ok 很好").is_empty());
    }

    /// Regression (a realpages page): a title joined with the line under it kept the space
    /// after its full-width comma; a second clean took the long line for body text and
    /// removed it.
    #[test]
    fn a_space_after_a_full_width_clause_mark_goes_in_titles_too() {
        let mut p = Page::new("引领性企业引育“零突破”， 本版编辑：万涛\n");
        p.classify(0, BlockKind::Headline, "t");
        CjkSpaces.run(&mut p, &Context::default()).unwrap();
        assert_eq!(p.text(), "引领性企业引育“零突破”，本版编辑：万涛\n");
        // An ASCII mark after CJK text, which the rules make full-width.
        let mut p = Page::new("未来产业: 抢占风口大有可为\n");
        p.classify(0, BlockKind::Headline, "t");
        CjkSpaces.run(&mut p, &Context::default()).unwrap();
        assert_eq!(p.text(), "未来产业:抢占风口大有可为\n");
        // Must not fire: title elements apart (no mark before the space), a space before a
        // digit or a Latin word, a byline, English text.
        for (text, kind) in [
            ("听取民意 汲取民智\n", BlockKind::Headline),
            ("重研发 助发展\n", BlockKind::Subtitle),
            ("展会开幕： 2023年\n", BlockKind::Headline),
            ("新品发布： iPhone\n", BlockKind::Headline),
            ("■记者： 胡佳英 林旭东\n", BlockKind::Byline),
            ("Yes, she said.\n", BlockKind::Headline),
            ("Note: 平湖 is a city\n", BlockKind::Headline),
        ] {
            let mut p = Page::new(text);
            p.classify(0, kind, "t");
            CjkSpaces.run(&mut p, &Context::default()).unwrap();
            assert_eq!(p.text(), text);
        }
    }

    #[test]
    fn letter_spaced() {
        let t = "友 情 提 醒";
        assert_eq!(letter_spacing(t).len(), 3);
        assert!(letter_spacing("重研发 助发展").is_empty());
        assert_eq!(letter_spacing("友 情 提 醒:关 注 天 气,注 意交通安全").len(), 6);
        assert!(letter_spacing("听取民意 汲取民智").is_empty());
        assert!(letter_spacing("王 强").is_empty(), "two characters are a padded name, not letter spacing");
    }

    #[test]
    fn body_wrap_spaces_only_between_cjk() {
        let mut p = Page::new(
            "本报讯 昨天,市委常委会 会议暨市委学习贯彻习近平新时 代中国特色 2023年\n\n听取民意 汲取民智\n",
        );
        p.classify(0, BlockKind::Body, "t");
        p.classify(1, BlockKind::Headline, "t");
        CjkSpaces.run(&mut p, &Context::default()).unwrap();
        assert_eq!(p.block_text(0), "本报讯昨天,市委常委会会议暨市委学习贯彻习近平新时代中国特色 2023年");
        assert_eq!(p.block_text(1), "听取民意 汲取民智");
    }
}
