//! The layout passes on pages of newspapers they were not written against: other
//! furniture, other column widths. Nothing here comes from the seed pages.

mod common;

use common::clean;
use newsclean_core::BlockKind;

/// A front page of another daily, twenty characters a line, a jump line at the end of an
/// article and one inside a paragraph, a column break inside a sentence.
const RENMIN: &str = "\
人民日报
RENMIN RIBAO

2024年5月6日 星期一
农历甲辰年三月廿八 第27123期

第5版

责任编辑：李明 美术编辑：王芳

本报记者 张 伟

本报北京5月5日电 今年一季度，全国规模以上
工业增加值同比增长明显，比上年全年加快许
多，制造业发展态势良好，新动能持续壮大，

高技术制造业增加值增长较快，对工业增长的
贡献明显提升。

专家表示，随着一系列政策措施落地见效，经
济回升向好的基础将不断巩固，全年目标有望
顺利实现。（下转第四版）

新质生产力加快发展
";

#[test]
fn renmin_ribao_page() {
    let page = clean(RENMIN);
    assert_eq!(
        page.text(),
        // 人民日报 heads the band of masthead, date and page label: furniture.
        "本报记者 张伟\n\
         本报北京5月5日电今年一季度，全国规模以上工业增加值同比增长明显，比上年全年加快许多，制造业发展态势良好，新动能持续壮大，高技术制造业增加值增长较快，对工业增长的贡献明显提升。\n\
         专家表示，随着一系列政策措施落地见效，经济回升向好的基础将不断巩固，全年目标有望顺利实现。\n\
         新质生产力加快发展\n"
    );
    let facts = &page.meta.facts;
    assert_eq!(facts["date"], "2024-05-06");
    assert_eq!(facts["weekday"], "星期一");
    assert_eq!(facts["issue"], "27123");
    assert_eq!(facts["page_label"], "第5版");
    assert_eq!(facts["publication"], "RENMIN RIBAO");
    assert_eq!(facts["lunar_date"], "甲辰年三月廿八");
    let removed: Vec<&str> = page
        .log()
        .edits()
        .iter()
        .filter(|e| e.rule.starts_with("layout.furniture"))
        .map(|e| e.rule.as_str())
        .collect();
    for kind in ["masthead", "date", "page-label", "credits", "jump"] {
        assert!(removed.iter().any(|r| r.ends_with(kind)), "{kind} removed: {removed:?}");
    }
}

/// A narrow column (eight characters) with a subhead and a doubled caption.
#[test]
fn narrow_columns_subhead_and_doubled_caption() {
    let text = "\
■记者 陈 静

本报讯 近日，某某
市举办春季招聘会
，吸引了三千多名
求职者参加现场活
动。

岗位供给持续增加
据了解，本次
招聘会共有一百二
十家企业参加，提
供岗位四千余个。

图片由主办方提供图片由主办方提供
";
    let page = clean(text);
    assert_eq!(
        page.text(),
        "■记者 陈静\n\
         本报讯近日，某某市举办春季招聘会，吸引了三千多名求职者参加现场活动。\n\
         岗位供给持续增加\n\
         据了解，本次招聘会共有一百二十家企业参加，提供岗位四千余个。\n\
         图片由主办方提供\n"
    );
    let kinds: Vec<BlockKind> = page.blocks().iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [BlockKind::Byline, BlockKind::Body, BlockKind::Headline, BlockKind::Body, BlockKind::Caption]
    );
}

/// A page as PyMuPDF prints it: every printed line a line of its own, no blank line anywhere;
/// a header band, two titles of one article, a fake-bold title copied on its own lines, a
/// subtitle and a title wrapped in a narrow column.
const NO_BLANK_LINES: &str = "\
责任编辑：林立
江南日报
2024年3月8日 星期五
城事
A3
市委召开全体会议强调
扎实推进城乡融合发展
扎实推进城乡融合发展
本报记者 王明
本报讯3月7日，市委召开全
体会议，研究部署城乡融合发
展工作。会议指出，要坚持规
划先行，统筹推进城乡基础设
施建设，加快公共服务向农村
延伸，让群众共享成果。
会议要求，各地各部门要强化
责任担当，细化工作举措，确
保各项任务落地见效。
新兴产业：积蓄动能大有可
新兴产业：积蓄动能大有可
为
——聚焦本市现代产业体
系建设
本报讯今年以来，本市加快培
育新兴产业，新增规上企业一
百余家，产业结构持续优化。
";

#[test]
fn a_page_without_blank_lines() {
    let page = clean(NO_BLANK_LINES);
    assert_eq!(
        page.text(),
        "市委召开全体会议强调\n\
         扎实推进城乡融合发展\n\
         本报记者 王明\n\
         本报讯3月7日，市委召开全体会议，研究部署城乡融合发展工作。会议指出，要坚持规划先行，统筹推进城乡基础设施建设，加快公共服务向农村延伸，让群众共享成果。\n\
         会议要求，各地各部门要强化责任担当，细化工作举措，确保各项任务落地见效。\n\
         新兴产业：积蓄动能大有可为\n\
         ——聚焦本市现代产业体系建设\n\
         本报讯今年以来，本市加快培育新兴产业，新增规上企业一百余家，产业结构持续优化。\n"
    );
    // Cleaning the clean text changes nothing.
    assert_eq!(clean(page.text()).text(), page.text());
}

/// Without blank lines and without wrapped column text, nothing is joined: lines of clean
/// text, titles in a list, stay as they are.
#[test]
fn lines_without_wrapping_are_left_alone() {
    let text = "\
今日导读
全市春耕生产全面展开
城乡融合发展扎实推进
新兴产业积蓄发展动能
老旧小区改造提速增效
文旅市场持续回暖升温
教育服务质量稳步提升
社区养老服务更加贴心
交通路网建设全面提速
";
    assert!(!newsclean_layout::text::shows_wrapping(text));
    let page = clean(text);
    assert_eq!(page.text(), text);
}

/// The first lines of a paragraph in a column of thirteen cells, as PyMuPDF prints them (no blank
/// line), cut in mid-word (改 / 革…) for the tests below to go on.
const WRAPPED_OPENING: &str = "\
本报讯3月7日，市委召开全
体会议，研究部署城乡融合发
展工作，会议指出，要坚持规
划先行，统筹推进城乡基础设
施建设，加快公共服务向农村
延伸，让广大群众共享发展成
果，持续推动城乡融合发展取
得新的更大成效，推进各项改
";

/// PyMuPDF drops the two-character indent of a paragraph's first line: after a full line that
/// ends a sentence, a line two cells short of the column opens a paragraph; a full one goes on.
#[test]
fn a_dropped_indent_starts_a_paragraph_and_a_full_line_does_not() {
    let text = format!(
        "{WRAPPED_OPENING}革事项，切实把各项部署要求\n转化为推动发展的实际行动和\n具体成果，落细落实见成效。\n\
         会议要求各地各部门要强\n化责任担当，细化工作举措，\n确保各项任务落地见效实效。\n\
         同时会议还对下一步工作作\n出具体部署安排，提出要求。\n"
    );
    let page = clean(&text);
    assert_eq!(
        page.text(),
        "本报讯3月7日，市委召开全体会议，研究部署城乡融合发展工作，会议指出，要坚持规划先行，统筹推进城乡基础设施建设，加快公共服务向农村延伸，让广大群众共享发展成果，持续推动城乡融合发展取得新的更大成效，推进各项改革事项，切实把各项部署要求转化为推动发展的实际行动和具体成果，落细落实见成效。\n\
         会议要求各地各部门要强化责任担当，细化工作举措，确保各项任务落地见效实效。同时会议还对下一步工作作出具体部署安排，提出要求。\n"
    );
}

/// On a page without blank lines, a short title-like line after a paragraph's end is a subhead
/// (in running text only a paragraph's last line is short, and it ends a sentence); a short
/// line whose next line finishes a word it cut is not.
#[test]
fn subheads_on_a_page_without_blank_lines() {
    let body = format!("{WRAPPED_OPENING}革事项落地见效。\n");
    let text = format!(
        "{body}强化责任担当\n各地各部门要细化工作举措\n，确保各项任务落地落细，持\n续推动工作取得实效成效。\n"
    );
    let page = clean(&text);
    assert!(
        page.text().contains(
            "\n强化责任担当\n各地各部门要细化工作举措，确保各项任务落地落细，持续推动工作取得实效成效。\n"
        ),
        "{}",
        page.text()
    );
    // A short line that a cut word continues is text (改革|事项 spans the break).
    let text = format!(
        "{body}推进各项改\n革事项，各地各部门要细化工作举措\n，确保各项任务落地落细，持\n续推动工作取得实效成效。\n"
    );
    let page = clean(&text);
    assert!(page.text().contains("推进各项改革事项，各地各部门"), "{}", page.text());
}

/// A subtitle letter-spaced in print and wrapped (pdftotext's default mode): its rest, between it
/// and the byline, is joined to it and the spacing goes; six spaced name characters stay spaced
/// (3 + 3 or 2 + 2 + 2 cannot be told apart).
#[test]
fn a_letter_spaced_subtitle_and_byline() {
    let page = clean(
        "动能转换添活力\n—— 上 半 年 平 湖 经 济\n发 展 述 评 ③\n■ 记 者 郝 梓 子 莫 海 云\n通讯员 徐鹏宏\n\n凤凰涅槃，方能蝶变新生。持续推进新旧动能的转换。\n",
    );
    assert_eq!(
        page.text(),
        "动能转换添活力\n——上半年平湖经济发展述评 ③\n■记者 郝 梓 子 莫 海 云\n通讯员 徐鹏宏\n凤凰涅槃，方能蝶变新生。持续推进新旧动能的转换。\n"
    );
    assert_eq!(clean(page.text()).text(), page.text());
}

#[test]
fn a_title_under_an_unfinished_paragraph_of_clean_text_stays_a_title() {
    // Clean output of a pdftotext -layout page (held-out seed 7, page 008): a paragraph the
    // extractor cut (its rest is elsewhere), a title with a space between its two parts, its
    // byline. The first cleaning took the line for a title (a blank line stood before it);
    // the second read it as body, because the line above is unfinished, and took the space
    // out. In clean text no line continues the one above.
    let clean_text = "清单”工作体系，打造整体智治示范高地。在筑强干部根基\n平湖2023的每周六日历被招商两个字写满——“招商日”发力 “一把手”亲力\n■记者 蔡静 史飞海\n上周六，市四套班子领导率队出征，赴上海等地开展“一把手”招商活动。\n";
    let page = clean(clean_text);
    assert_eq!(page.text(), clean_text);
    assert_eq!(page.blocks()[1].kind, BlockKind::Headline);
}
