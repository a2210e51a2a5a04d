//! The layout passes on a page as an OCR engine reads it: the subtitle's dash read as 一一,
//! picture noise between paragraphs, credits with a misread mark, a caption and its photo
//! credit between body lines. The page is made up (another paper, other articles): the
//! repairs must follow from shapes, not from the realpages' strings.

mod common;

use common::clean;
use newsclean_core::BlockKind;

const OCR_PAGE: &str = "\
东海商报
DONGHAI BUSINESS NEWS

2024年3月8日 星期五

（上接第1版）

渔港新貌

一一东海县推进渔业转型升级纪实

■记者 钱 明

本报讯 今年以来，东海县围绕渔业转
型升级，先后投入资金三亿余元，建成
现代渔港两座，带动渔民增收一万余户
，成效明显。

|

-三-王二 |

海

各乡镇对照目标任务，把问题清单上的
问题一一对应落实，逐一一一核实整改
情况，确保按期完成。

图为渔民在新建的码头卸货。　新华社记者 胡侃 摄

码头建成后，渔船进出更加方便，当地
渔民说：“现在出海方便多了。”

|东海之滨展新颜

本报讯 记者从县里获悉，新码头即将全面投用。
";

#[test]
fn ocr_page_repairs() {
    let page = clean(OCR_PAGE);
    let out = page.text();
    // The subtitle's dash, read as 一一 with a credit under it, is written back.
    assert!(out.contains("\n——东海县推进渔业转型升级纪实\n"), "{out}");
    // 一一 as "one by one" stays, and 逐一一一 too.
    assert!(out.contains("问题一一对应落实，逐一一一核实整改"), "{out}");
    // Picture noise alone between paragraphs goes, each under its own rule.
    assert!(!out.contains("王二"), "{out}");
    assert!(!out.contains("\n|\n"), "{out}");
    assert!(!out.contains("\n海\n"), "{out}");
    let rules: Vec<&str> = page.log().edits().iter().map(|e| e.rule.as_str()).collect();
    for r in ["layout.junk.marks", "layout.junk.picture", "layout.junk.lone-char", "layout.junk.pipe"] {
        assert!(rules.contains(&r), "{r} in {rules:?}");
    }
    assert!(rules.contains(&"layout.ocr-dash.subtitle"), "{rules:?}");
    // The bar before a headline goes, the headline stays.
    assert!(out.contains("\n东海之滨展新颜\n"), "{out}");
    // The caption ends before its credit, which is a line of its own.
    assert!(out.contains("\n图为渔民在新建的码头卸货。\n新华社记者 胡侃 摄\n"), "{out}");
    let kinds: Vec<(BlockKind, &str)> =
        (0..page.blocks().len()).map(|i| (page.blocks()[i].kind, page.block_text(i))).collect();
    assert!(kinds.contains(&(BlockKind::Caption, "图为渔民在新建的码头卸货。")), "{kinds:?}");
    assert!(kinds.contains(&(BlockKind::Byline, "新华社记者 胡侃 摄")), "{kinds:?}");
    // Real short lines stay: the title, the three-character headline, the byline.
    assert!(out.contains("渔港新貌"), "{out}");
    assert!(out.contains("■记者 钱明"), "{out}");
}

#[test]
fn ocr_page_clean_output_is_a_fixed_point() {
    let once = clean(OCR_PAGE).text().to_string();
    let twice = clean(&once).text().to_string();
    assert_eq!(once, twice);
}

/// Short real lines between blank lines stay: nothing here is picture noise.
#[test]
fn short_real_lines_stay() {
    let text = "\
第一段写完了。

高效转化应用新途

径

■摄影 莫浩

（上接第1版）

CN65-3607

XINHUA DAILY

重研发

第二段写完了。

A5
";
    let page = clean(text);
    let rules: Vec<&str> = page.log().edits().iter().map(|e| e.rule.as_str()).collect();
    assert!(!rules.iter().any(|r| r.starts_with("layout.junk")), "{rules:?}");
    for kept in ["径", "■摄影 莫浩", "重研发", "第二段写完了。"] {
        assert!(page.text().contains(kept), "{kept}: {}", page.text());
    }
}
