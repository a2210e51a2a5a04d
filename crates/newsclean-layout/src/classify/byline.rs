//! Bylines and credits: recognise them and write them in one normal form.
//!
//! # What it does
//! Classifies as [`BlockKind::Byline`] a line that opens with a credit role (记者, 通讯员,
//! 摄影, 实习生, 漫画, 文/图 …, optionally after ■ and letter-spaced: 记 者) followed by
//! names, or a ■ followed by a short pen name alone (■言成声); also, classified but left as
//! written, a photo credit ending in 摄 (`新华社记者 胡侃 摄`, [`is_photo_credit`]) and a
//! credit as OCR misreads it (`国记者 朱晓廖飞`, [`is_ocr_credit`]). A photo credit that
//! closes a caption's line after its last sentence (`…业务。　新华社记者 胡侃 摄`) is put on
//! a line of its own first (`layout.byline.caption-credit`). A line holding one name alone
//! that directly follows a byline in the same run is joined to it, on a page that still
//! shows raw layout (blank lines; clean text has none). The text is normalised:
//! the role's letter spacing removed (`layout.byline.role`), a name padded with a space
//! joined (王 强 → 王强), names one ASCII space apart (`layout.byline.names`).
//!
//! # Why
//! Bylines are not article text; classified, they bound articles for the later passes, and
//! written the same way they can be searched and counted.
//!
//! # Example
//! `■记 者 胡佳英 林旭东` → `■记者 胡佳英 林旭东`; `通讯员 胡 侃` → `通讯员 胡侃`.
//!
//! # When it must not fire
//! Sentences about reporters (`记者从市网信办获悉，…`), long lines, lines ending in
//! punctuation, and names whose parts are not all short CJK names (`■摄影 AP` is classified
//! but its Latin name is left as it is). A sentence that mentions photographs (`拍摄`,
//! `摄影展`) or ends with a name is no photo credit; a line that only ends in a credit
//! without a role, or after no sentence end, is not split.

use std::sync::LazyLock;

use newsclean_core::chars::{is_cjk, is_hspace};
use newsclean_core::{BlockKind, Context, Page, Pass, PassError, TextEdit};
use regex::Regex;

use crate::text::{blank_between, ends_clause, ends_sentence, is_open};

/// The byline pass.
#[derive(Debug, Default)]
pub struct Bylines;

/// The roles a byline opens with ([`ROLE`]).
const ROLES: [&str; 12] = [
    "本报记者",
    "特约记者",
    "记者",
    "通讯员",
    "实习生",
    "摄影",
    "摄像",
    "漫画",
    "文/图",
    "图/文",
    "撰稿",
    "制图",
];

/// The marks a byline may open with, before its role ([`ROLE`]).
const ROLE_MARKS: [char; 4] = ['■', '◆', '●', '▲'];

static ROLE: LazyLock<Regex> = LazyLock::new(|| {
    let spaced: Vec<String> = ROLES
        .iter()
        .map(|r| r.chars().map(|c| regex::escape(&c.to_string())).collect::<Vec<_>>().join(r"[ \t\u3000]?"))
        .collect();
    Regex::new(&format!(
        r"^(?P<mark>[{}]?)[ \t\u3000]*(?P<role>{})(?P<sep>[ \t\u3000]*[:：]?[ \t\u3000]*)",
        String::from_iter(ROLE_MARKS),
        spaced.join("|")
    ))
    .expect("valid regex")
});

/// A photo credit that ends in 摄 ("shot by"): an optional role (本报记者, 新华社记者,
/// 通讯员, 摄影 …), one to six short names, white space (or a quote OCR read for it) and 摄.
static SHOT_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    let sp = r#"[ \t\u3000“”"]"#;
    Regex::new(&format!(
        r"^[■◆●▲]?{sp}*(?P<role>\p{{Han}}{{0,5}}记者|通讯员|特约摄影|摄影|实习生)?{sp}*[\p{{Han}}·]{{1,4}}(?:{sp}+[\p{{Han}}·]{{1,4}}){{0,5}}{sp}+摄$"
    ))
    .expect("valid regex")
});

/// True when `line` is a photo credit ending in 摄 (`本报记者 王强 摄`, `新华社记者 胡侃 摄`,
/// as OCR reads it `本报记者“孙华 摄`), or a credit with the role 摄影 or 摄像 (`■摄影 王强`).
/// A sentence that mentions photographs (`拍摄`, `摄影展`) is none.
pub fn is_photo_credit(line: &str) -> bool {
    let t = line.trim();
    if t.chars().count() > 30 {
        return false;
    }
    // [`SHOT_CREDIT`] ends in 摄: asked only of a line that does.
    t.ends_with('摄') && SHOT_CREDIT.is_match(t)
        || byline_form(t).is_some_and(|f| f.contains("摄影") || f.contains("摄像"))
}

/// True when `line` is a credit as OCR misreads one: the role's mark read as a character
/// (`国记者 朱晓廖飞`, `力记者 蒋平`, ■ read as 国 or 力), or a space read as a quote
/// (`本报记者“” 任娜海 江霞强`, `国记者汤军”贺文琳`). The line is only classified, never
/// rewritten: what OCR misread is not ours to guess.
pub fn is_ocr_credit(line: &str) -> bool {
    let t = line.trim();
    if t.chars().count() > 30 || ends_clause(t) || t.contains(['“', '”', '"']) && has_quotation(t) {
        return false;
    }
    // The role, at the start or after one character that stands for the mark.
    let first = t.chars().next().map_or(0, char::len_utf8);
    for (lead, rest) in [("", t), (&t[..first], &t[first..])] {
        let Some(c) = may_open_with_role(rest).then(|| ROLE.captures(rest)).flatten() else { continue };
        if !c["mark"].is_empty() && !lead.is_empty() {
            continue;
        }
        let after = &rest[c.get(0).map_or(0, |m| m.end())..];
        let names: String =
            after.chars().map(|ch| if matches!(ch, '“' | '”' | '"') { ' ' } else { ch }).collect();
        // With a misread mark, the role must be set apart from the names (向记者介绍 is text).
        let apart = lead.is_empty() || !c["sep"].is_empty() || after.starts_with(['“', '”', '"']);
        if apart && !names.trim().is_empty() && normalise_names(&names).is_some() {
            return true;
        }
    }
    false
}

/// True when `t` holds a quotation: an opening quote, some text, then a closing one.
fn has_quotation(t: &str) -> bool {
    t.find('“').is_some_and(|o| t[o + '“'.len_utf8()..].find('”').is_some_and(|c| c > 0))
}

/// Where a photo credit with a role closes `line` after the caption's last sentence
/// (`…业务。　新华社记者 胡侃 摄`): the byte range of the white space between the two.
pub fn trailing_credit(line: &str) -> Option<std::ops::Range<usize>> {
    let t = line.trim_end();
    // The credit is a [`SHOT_CREDIT`], which ends the line in 摄.
    if !t.ends_with('摄') {
        return None;
    }
    // Once per run of spaces (the text on either side is the same for each space of a run),
    // from the right, and only while the credit after the run is short enough: linear in the
    // line, however many spaces it holds (it was quadratic in a run of spaces).
    let first_cjk = t.char_indices().find(|&(_, c)| is_cjk(c)).map(|(i, _)| i);
    let mut right_of_space = false;
    for (chars_after, (at, c)) in t.char_indices().rev().enumerate() {
        let space = is_hspace(c);
        if space && !right_of_space {
            if chars_after > MAX_CREDIT_CHARS {
                return None;
            }
            let before = t[..at].trim_end_matches(is_hspace);
            let end = at + c.len_utf8();
            let credit = &t[end..];
            if ends_sentence(before)
                && first_cjk.is_some_and(|f| f < before.len())
                && SHOT_CREDIT.captures(credit).is_some_and(|c| c.name("role").is_some())
            {
                return Some(before.len()..end);
            }
        }
        right_of_space = space;
    }
    None
}

/// A photo credit after a caption has at most this many characters.
const MAX_CREDIT_CHARS: usize = 30;

/// True for a run of names: space-separated CJK words of 1 to 4 characters (a padded name
/// 王 强 gives two one-character words), at least one.
fn is_names(s: &str) -> bool {
    let words: Vec<&str> = s.split(is_hspace).filter(|w| !w.is_empty()).collect();
    !words.is_empty()
        && words.len() <= 8
        && words.iter().all(|w| w.chars().count() <= 4 && w.chars().all(|c| is_cjk(c) || c == '·'))
}

/// The normal form of a run of names: padded single characters joined into names (王 强 →
/// 王强), names one space apart. `None` when the words are not all CJK names.
pub fn normalise_names(s: &str) -> Option<String> {
    if !is_names(s) {
        return None;
    }
    let words: Vec<&str> = s.split(is_hspace).filter(|w| !w.is_empty()).collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if words[i].chars().count() == 1 {
            let mut j = i;
            while j < words.len() && words[j].chars().count() == 1 {
                j += 1;
            }
            // A run of 2 or 3 single characters is one padded name, a run of 4 is two padded
            // two-character names; other runs are left: 5 or 6 letter-spaced characters
            // (郝 梓 子 莫 海 云) may be 3 + 3 as well as 2 + 2 + 2, and a wrong split changes
            // the names.
            if (2..=3).contains(&(j - i)) {
                out.push(words[i..j].concat());
            } else if j - i == 4 {
                out.extend(words[i..j].chunks(2).map(|c| c.concat()));
            } else {
                out.extend(words[i..j].iter().map(|w| w.to_string()));
            }
            i = j;
        } else {
            out.push(words[i].to_string());
            i += 1;
        }
    }
    Some(out.join(" "))
}

/// True when [`ROLE`] may match at the start of `t`: after a mark and spaces, the first
/// character of a role (a necessary condition, asked before the regex: most lines open
/// otherwise).
fn may_open_with_role(t: &str) -> bool {
    let rest = t.strip_prefix(ROLE_MARKS).unwrap_or(t).trim_start_matches([' ', '\t', '\u{3000}']);
    rest.chars().next().is_some_and(|c| ROLES.iter().any(|r| r.starts_with(c)))
}

/// If `line` is a byline, its normal form.
pub fn byline_form(line: &str) -> Option<String> {
    let t = line.trim();
    // A byline opens with a role or a square: nothing else is asked of other lines.
    let role = may_open_with_role(t);
    if !role && !t.starts_with('■') || t.chars().count() > 40 || ends_clause(t) {
        return None;
    }
    if role && let Some(c) = ROLE.captures(t) {
        let role: String = c["role"].chars().filter(|c| !is_hspace(*c)).collect();
        let rest = &t[c.get(0).map_or(0, |m| m.end())..];
        let names = if rest.trim().is_empty() {
            String::new()
        } else {
            match normalise_names(rest) {
                Some(n) => n,
                // Not names: a sentence that starts with a role word.
                None if rest.chars().any(is_cjk) => return None,
                None => rest.trim().to_string(),
            }
        };
        let sep = if c["sep"].contains([':', '：']) { c["sep"].trim().to_string() } else { " ".to_string() };
        return Some(if names.is_empty() {
            format!("{}{role}", &c["mark"])
        } else {
            format!("{}{role}{sep}{names}", &c["mark"])
        });
    }
    // A pen name after a square: ■言成声.
    let rest = t.strip_prefix('■')?;
    let n = rest.trim().chars().count();
    ((2..=4).contains(&n) && rest.trim().chars().all(is_cjk)).then(|| format!("■{}", rest.trim()))
}

impl Pass for Bylines {
    fn id(&self) -> &str {
        "layout.byline"
    }

    fn run(&self, page: &mut Page, _ctx: &Context) -> Result<(), PassError> {
        split_trailing_credits(page).map_err(|source| PassError::Edit { pass: self.id().into(), source })?;
        let mut edits = Vec::new();
        let mut merges = Vec::new();
        let mut prev_byline: Option<usize> = None;
        // Clean text has no blank lines and its bylines hold their names; there, a short line
        // under a byline is a paragraph of its own that a blank line kept apart the first
        // time (`记者`, blank, `新闻`: found by a property test), not a name to join.
        let raw_layout = crate::analysis::facts(page).raw_layout;
        for i in 0..page.blocks().len() {
            let kind = page.blocks()[i].kind;
            if !is_open(kind) {
                if kind != BlockKind::Furniture {
                    prev_byline = None;
                }
                continue;
            }
            let text = page.block_text(i);
            let range = page.blocks()[i].range.clone();
            if let Some(form) = byline_form(text) {
                let rule =
                    if text.chars().filter(|c| !is_hspace(*c)).eq(form.chars().filter(|c| !is_hspace(*c))) {
                        "layout.byline.names"
                    } else {
                        "layout.byline.role"
                    };
                edits.push(TextEdit::replace(range, form, rule));
                page.classify(i, BlockKind::Byline, "layout.byline");
                prev_byline = Some(i);
                continue;
            }
            // A credit that is no byline of the usual form (新华社记者 胡侃 摄, 本报记者“孙华 摄).
            if is_photo_credit(text) || is_ocr_credit(text) {
                page.classify(i, BlockKind::Byline, "layout.byline");
                prev_byline = None;
                continue;
            }
            // Names alone on the line under a byline continue it (■摄影 王 强 陈明远 / 蒋林璐).
            if let Some(b) = prev_byline.filter(|&b| raw_layout && b + 1 == i && !blank_between(page, b)) {
                // One name alone: two names side by side (重研发 助发展) may as well be a
                // title under the credit.
                let one_name =
                    !text.trim().contains(is_hspace) && (2..=4).contains(&text.trim().chars().count());
                if let Some(names) = normalise_names(text).filter(|_| one_name) {
                    let gap = page.blocks()[b].range.end..range.end;
                    edits.push(TextEdit::replace(gap, format!(" {names}"), "layout.byline.names"));
                    merges.push(b);
                    prev_byline = None;
                    continue;
                }
            }
            prev_byline = None;
        }
        for &b in merges.iter().rev() {
            page.merge_blocks(b, b + 1, BlockKind::Byline);
        }
        // A byline's own edit ends where the join of its name line starts: they touch but
        // never overlap, so one batch holds both.
        page.apply(edits).map_err(|source| PassError::Edit { pass: self.id().into(), source })?;
        Ok(())
    }
}

/// Put a photo credit that closes a caption's line (`…业务。　新华社记者 胡侃 摄`) on a line of
/// its own (`layout.byline.caption-credit`), so that it is classified as a credit and the line
/// before it as the caption's end.
fn split_trailing_credits(page: &mut Page) -> Result<(), newsclean_core::EditError> {
    let mut edits = Vec::new();
    for (_, base, text) in crate::text::open_lines(page) {
        if let Some(gap) = trailing_credit(text) {
            edits.push(
                TextEdit::replace(base + gap.start..base + gap.end, "\n", "layout.byline.caption-credit")
                    .with_note("a photo credit after the caption's last sentence: a line of its own"),
            );
        }
    }
    if edits.is_empty() {
        return Ok(());
    }
    page.apply(edits)?;
    crate::lines::split_undecided_blocks(page);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::SplitLines;

    /// The cheap tests asked before the regexes never reject a line a regex matches: every
    /// line of the seeds, and lines built around each role and mark.
    #[test]
    fn the_prechecks_never_hide_a_match() {
        let mut lines = crate::seed_lines();
        for role in ROLES {
            for lead in ["", "■", "◆ ", "　", " \t", "国", "■■", " ■"] {
                for tail in ["", " 王强", "：胡佳英 林旭东", " 王强 摄", "向记者介绍", "“王强"]
                {
                    lines.push(format!("{lead}{role}{tail}"));
                }
            }
        }
        let mut matched = 0;
        for l in &lines {
            let t = l.trim();
            for rest in [t, &t[t.chars().next().map_or(0, char::len_utf8)..], l.as_str()] {
                if ROLE.captures(rest).is_some() {
                    matched += 1;
                    assert!(may_open_with_role(rest), "{rest:?}");
                }
            }
            if SHOT_CREDIT.is_match(t) {
                assert!(t.ends_with('摄'), "{t:?}");
            }
        }
        assert!(matched > 100, "{matched}");
    }

    /// Issue 21 item 4: a run of spaces (or tabs, NBSP, U+3000) on a caption-like line is
    /// looked at once per run, not once per space: linear, where it was quadratic (80,000
    /// spaces took 5.4 s, a million minutes). At this size a quadratic scan takes minutes.
    #[test]
    fn a_long_run_of_spaces_is_linear() {
        for space in [" ", "\t", "\u{A0}", "\u{3000}"] {
            let line = format!("中 {}文", space.repeat(400_000));
            assert_eq!(trailing_credit(&line), None);
        }
        let line = format!("{}图为会议现场。{}本报记者 王强 摄", "字".repeat(200_000), " ".repeat(200_000));
        assert!(trailing_credit(&line).is_some());
    }

    #[test]
    fn forms() {
        assert_eq!(byline_form("■记 者 胡佳英 林旭东").as_deref(), Some("■记者 胡佳英 林旭东"));
        assert_eq!(byline_form("通讯员 胡 侃").as_deref(), Some("通讯员 胡侃"));
        assert_eq!(byline_form("■摄影 王 强").as_deref(), Some("■摄影 王强"));
        assert_eq!(byline_form("■摄影 王 强 倪 颖 钱雪平").as_deref(), Some("■摄影 王强 倪颖 钱雪平"));
        assert_eq!(byline_form("漫 画 张三").as_deref(), Some("漫画 张三"));
        assert_eq!(byline_form("■言成声").as_deref(), Some("■言成声"));
        assert_eq!(byline_form("本报记者  王小明   李 华").as_deref(), Some("本报记者 王小明 李华"));
    }

    #[test]
    fn must_not_fire() {
        assert_eq!(byline_form("记者从市网信办获悉，"), None);
        assert_eq!(byline_form("记者了解到，今年以来全市共完成项目52个。"), None);
        assert_eq!(byline_form("通讯员队伍不断壮大"), None);
        assert_eq!(byline_form("■下转C2版"), None);
        assert_eq!(normalise_names("胡佳英 林旭东"), Some("胡佳英 林旭东".into()));
        assert_eq!(normalise_names("今天 天气很好，"), None);
        // Padded names are joined where the split is certain: 2 or 3 characters, or 4 as two
        // names of two; 6 letter-spaced characters may be 3 + 3 or 2 + 2 + 2: left as they are.
        assert_eq!(normalise_names("王 强"), Some("王强".into()));
        assert_eq!(normalise_names("王 强 胡 侃"), Some("王强 胡侃".into()));
        assert_eq!(normalise_names("郝 梓 子 莫 海 云"), Some("郝 梓 子 莫 海 云".into()));
    }

    #[test]
    fn names_line_joins_the_byline() {
        let mut p = Page::new("■摄影 王 强 陈明远\n蒋林璐\n\n重研发 助发展\n");
        SplitLines.run(&mut p, &Context::default()).unwrap();
        Bylines.run(&mut p, &Context::default()).unwrap();
        assert_eq!(p.block_text(0), "■摄影 王强 陈明远 蒋林璐");
        assert_eq!(p.blocks()[0].kind, BlockKind::Byline);
        assert_eq!(p.blocks()[1].kind, BlockKind::Unknown);
        // Two words under a credit are not taken for names.
        let mut q = Page::new("■摄影 王强\n重研发 助发展\n");
        SplitLines.run(&mut q, &Context::default()).unwrap();
        Bylines.run(&mut q, &Context::default()).unwrap();
        assert_eq!(q.block_text(1), "重研发 助发展");
        assert_eq!(p.log().undo(p.text()), "■摄影 王 强 陈明远\n蒋林璐\n\n重研发 助发展\n");
    }

    #[test]
    fn photo_credits() {
        for credit in [
            "本报记者 王强 摄",
            "新华社记者 胡侃 摄",
            "本报记者　孙华　摄",
            "本报记者“孙华 摄",
            "本报记者”贾成辉”摄",
            "通讯员 王 强 摄",
            "胡侃 摄",
            "■摄影 王强",
        ] {
            assert!(is_photo_credit(credit), "{credit}");
        }
        for text in [
            "市民在摄影展上拍摄。",
            "他们用相机拍摄了很多照片",
            "一组照片由本报记者王强摄",
            "本报记者 王强",
            "记者从市网信办获悉，摄",
            "今年以来，全市共举办摄影展12场，吸引市民3万余人次前来参观拍摄 摄",
        ] {
            assert!(!is_photo_credit(text), "{text}");
        }
    }

    #[test]
    fn credits_as_ocr_reads_them() {
        for credit in [
            "国记者 朱晓廖飞",
            "力记者 蒋平",
            "国摄影 胡勇拖",
            "本报记者“” 任娜海 江霞强",
            "本报记者”李娜然",
            "国记者 郝梓子 莫海云",
        ] {
            assert!(is_ocr_credit(credit), "{credit}");
        }
        for text in [
            "向记者介绍",
            "本报记者”重秀，徐云海",
            "他向记者 介绍了情况，",
            "记者“五一”走访",
            "据记者了解到的情况来看今年以来全市的项目都在顺利推进之中",
            "老记者的故事",
        ] {
            assert!(!is_ocr_credit(text), "{text}");
        }
    }

    #[test]
    fn a_credit_closing_a_caption_gets_its_own_line() {
        let line = "图为工作人员在办理业务。　新华社记者 胡侃 摄";
        let gap = trailing_credit(line).unwrap();
        assert_eq!(&line[..gap.start], "图为工作人员在办理业务。");
        assert_eq!(&line[gap.end..], "新华社记者 胡侃 摄");
        assert!(trailing_credit("活动现场。 本报记者 王强 摄").is_some());
        // No role, no sentence end, no 摄, or a sentence that only mentions photographs.
        assert_eq!(trailing_credit("活动现场。 王强 摄"), None);
        assert_eq!(trailing_credit("活动现场 本报记者 王强 摄"), None);
        assert_eq!(trailing_credit("他说。 本报记者 王强"), None);
        assert_eq!(trailing_credit("大家参观了摄影展。 拍摄 摄"), None);
        assert_eq!(trailing_credit("本报记者 王强 摄"), None);

        let text = "上一段写完了。\n图为工作人员在办理业务。　新华社记者 胡侃 摄\n下一段开始。\n";
        let mut p = Page::new(text);
        SplitLines.run(&mut p, &Context::default()).unwrap();
        Bylines.run(&mut p, &Context::default()).unwrap();
        let t: Vec<&str> = (0..p.blocks().len()).map(|i| p.block_text(i)).collect();
        assert_eq!(t, ["上一段写完了。", "图为工作人员在办理业务。", "新华社记者 胡侃 摄", "下一段开始。"]);
        assert_eq!(p.blocks()[2].kind, BlockKind::Byline);
        assert_eq!(p.log().edits()[0].rule, "layout.byline.caption-credit");
        assert_eq!(p.log().undo(p.text()), text);
    }

    #[test]
    fn clean_text_keeps_a_short_line_under_a_byline() {
        // No blank line on the page: clean text, whose bylines already hold their names.
        let mut p = Page::new("■记者 王强\n新闻\n本报讯今天上午，会议召开。\n");
        SplitLines.run(&mut p, &Context::default()).unwrap();
        Bylines.run(&mut p, &Context::default()).unwrap();
        assert_eq!(p.block_text(0), "■记者 王强");
        assert_eq!(p.block_text(1), "新闻");
    }
}
