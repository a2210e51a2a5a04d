//! Pages written in a producer's order (issue 18, item 4): layout software such as Founder's
//! writes a page's footer first, an article's titles after its body and the photo captions at
//! the end, and PyMuPDF reads the page in that order (no blank line anywhere). Each block's
//! kind must still come out right, and the text is not moved. Nothing here comes from the
//! factory's pages: the lines are made up in the shape PyMuPDF prints.

mod common;

use common::clean;
use newsclean_core::{BlockKind, Page};
use newsclean_layout::paragraphs::{CAPTION_BEFORE_CREDIT, TITLE_AFTER_BODY};

/// A paragraph in a column of thirteen cells, as PyMuPDF prints it (no blank line, no indent),
/// ending a sentence.
const BODY: &str = "\
本报讯3月7日，市委召开全
体会议，研究部署城乡融合发
展工作，会议指出，要坚持规
划先行，统筹推进城乡基础设
施建设，加快公共服务向农村
延伸，让广大群众共享发展成
果，持续推动城乡融合发展取
得新的更大成效，推进各项改
革事项，切实把各项部署要求
转化为推动发展的实际行动和
具体成果，落细落实见成效。
";

const JOINED: &str = "本报讯3月7日，市委召开全体会议，研究部署城乡融合发展工作，会议指出，要坚持规划先行，统筹推进城乡基础设施建设，加快公共服务向农村延伸，让广大群众共享发展成果，持续推动城乡融合发展取得新的更大成效，推进各项改革事项，切实把各项部署要求转化为推动发展的实际行动和具体成果，落细落实见成效。";

fn rules(page: &Page) -> Vec<String> {
    page.blocks().iter().filter_map(|b| b.rule.clone()).collect()
}

fn kind_of(page: &Page, text: &str) -> Option<BlockKind> {
    page.blocks().iter().find(|b| page.text()[b.range.clone()].trim() == text).map(|b| b.kind)
}

/// The footer written first is furniture by its shape as it is at the end; the article's
/// title printed after its body, wrapped (扎实推 / 进…: a word across the break), is one
/// title where it stands, not joined into the paragraph before it.
#[test]
fn footer_first_and_a_title_after_its_body() {
    let text = format!(
        "新闻热线：0573-85012345\n网址：www.qinghunews.cn\n{BODY}市委召开全体会议强调扎实推\n进城乡融合发展\n"
    );
    let mut page = clean(&text);
    assert!(rules(&page).iter().any(|r| r == TITLE_AFTER_BODY), "{:?}", rules(&page));
    page.finalize().unwrap();
    assert_eq!(page.text(), format!("{JOINED}\n市委召开全体会议强调扎实推进城乡融合发展\n"));
    assert_eq!(kind_of(&page, "市委召开全体会议强调扎实推进城乡融合发展"), Some(BlockKind::Headline));
    // Cleaning the clean text changes nothing.
    assert_eq!(clean(page.text()).text(), page.text());
}

/// A title and its fake-bold copy after the body, then the photo's caption and credit at the
/// end of the page: the title is one title (its copy written once), the caption a caption, not
/// a line of the title.
#[test]
fn a_doubled_title_after_its_body_then_a_caption() {
    let text = format!(
        "{BODY}持之以恒推进全面从严治党\n走向纵深\n持之以恒推进全面从严治党\n走向纵深\n黎族纺织文化展\n■摄影 叶子\n"
    );
    let mut page = clean(&text);
    let r = rules(&page);
    assert!(r.iter().any(|r| r == CAPTION_BEFORE_CREDIT), "{r:?}");
    assert_eq!(kind_of(&page, "黎族纺织文化展"), Some(BlockKind::Caption));
    page.finalize().unwrap();
    assert_eq!(
        page.text(),
        format!("{JOINED}\n持之以恒推进全面从严治党走向纵深\n黎族纺织文化展\n■摄影 叶子\n")
    );
    assert_eq!(clean(page.text()).text(), page.text());
}

/// Must not fire: a short paragraph that ends a sentence, one title-like line after a
/// paragraph (a paragraph of its own as well as a title), verse of even lines at the end of
/// the page, a subhead inside an article, and clean text.
#[test]
fn what_is_no_title_after_a_body() {
    let not_fired = |text: &str| {
        let page = clean(text);
        let r = rules(&page);
        assert!(!r.iter().any(|r| r == TITLE_AFTER_BODY || r == CAPTION_BEFORE_CREDIT), "{text}: {r:?}");
        page
    };
    // A real short paragraph that ends a sentence.
    let page = not_fired(&format!("{BODY}会议要求落实到位。\n各地要抓好落实。\n"));
    assert!(page.blocks().iter().all(|b| b.kind == BlockKind::Body), "{:?}", page.blocks());
    // One line after a paragraph.
    not_fired(&format!("{BODY}强化责任担当细化举措\n"));
    // Verse: lines of one width, no word across their breaks.
    not_fired(&format!(
        "{BODY}会议要求落实到位。\n春风吹绿江南岸\n明月照我回家乡\n细雨无声润万物\n青山依旧夕阳红\n"
    ));
    // A subhead inside an article, body text after it.
    not_fired(&format!("{BODY}强化责任担当\n{BODY}"));
    // A wrapped caption under a title it goes on from is no caption of one line.
    not_fired(&format!("{BODY}市民在新落成的图书\n馆内阅读\n■摄影 叶子\n"));
    // Clean text: one block a line, no raw layout.
    let clean_text =
        format!("{JOINED}\n市委召开全体会议强调\n扎实推进城乡融合发展\n黎族纺织文化展\n■摄影 叶子\n");
    let page = not_fired(&clean_text);
    assert_eq!(page.text(), clean_text);
}

/// Two title elements, each printed with its fake-bold copy (a one-line element twice, then a
/// two-line element and its copy), after the body: two titles, each written once, not one
/// title of both elements.
#[test]
fn two_doubled_title_elements_stay_two_titles() {
    let text = format!(
        "{BODY}坚持守正创新开新局\n坚持守正创新开新局\n凝心聚力谱写发展\n新篇章\n凝心聚力谱写发展\n新篇章\n"
    );
    let mut page = clean(&text);
    page.finalize().unwrap();
    assert_eq!(page.text(), format!("{JOINED}\n坚持守正创新开新局\n凝心聚力谱写发展新篇章\n"));
    assert_eq!(clean(page.text()).text(), page.text());
    // Must not: one element and its copy stays one title; a line repeated inside a run of
    // text that goes on (no run edge where the next line continues a word) is not cut.
    let one = format!("{BODY}凝心聚力谱写发展\n新篇章\n凝心聚力谱写发展\n新篇章\n");
    let mut page = clean(&one);
    page.finalize().unwrap();
    assert_eq!(page.text(), format!("{JOINED}\n凝心聚力谱写发展新篇章\n"));
}

/// A footer line between the body and two doubled title elements (as PyMuPDF reads a page
/// whose titles come after the footer): the second element is not joined to the first. Before
/// the run edge, all four title lines ran on into the body as one block. (The first element
/// still joins the body: body text before a run is left to the paragraph rules.)
#[test]
fn a_doubled_title_element_after_another_is_not_joined_to_it() {
    let text = format!(
        "{BODY}印刷：江澄印务中心\n坚持守正创新开新局\n坚持守正创新开新局\n凝心聚力谱写发展新篇章\n凝心聚力谱写发展新篇章\n"
    );
    let mut page = clean(&text);
    page.finalize().unwrap();
    let out = page.text().to_string();
    assert!(out.lines().any(|l| l == "凝心聚力谱写发展新篇章"), "{out}");
    assert!(!out.contains("开新局凝心聚力"), "{out}");
    assert_eq!(clean(&out).text(), out);
}
