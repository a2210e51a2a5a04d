//! Text that is already clean comes out as it went in, whatever the profile (issue 20, items
//! 1-4; issue 21, item 12): non-word tokens keep the spaces that delimit them, Korean keeps
//! its own punctuation, compounds keep their hyphen, structured text keeps its structure.

use newsclean::{Cleaner, Config};

/// Every way a user gets a cleaner: the default (profile picked by script) and each built-in
/// profile named.
fn cleaners() -> Vec<(String, Cleaner)> {
    let mut out = vec![("default".to_string(), Cleaner::from_config(&Config::default()).unwrap())];
    for p in ["zh-newspaper", "zh-pangu", "en-newspaper"] {
        out.push((p.to_string(), Cleaner::new(p).unwrap()));
    }
    out
}

fn assert_unchanged(text: &str) {
    for (name, c) in cleaners() {
        let out = c.clean_text(text).unwrap();
        assert_eq!(out.text, text, "profile {name} changed {text:?}");
    }
}

#[test]
fn urls_mail_and_paths_keep_their_spaces() {
    for text in [
        "详情请访问 https://www.stats.gov.cn/a/b.html 查看。\n",
        "请登录 www.example.com 或致信 abc@example.com 咨询。\n",
        "配置文件在 /etc/newsclean/config.yaml 里，日志在 C:\\Logs\\app.log 中。\n",
        "下载 report-2023.pdf 后运行 my_script 即可。\n",
    ] {
        assert_unchanged(text);
    }
}

#[test]
fn the_rules_still_fire_around_a_token() {
    // The token's own spaces stay; the rest of the line is cleaned as before.
    let c = Cleaner::new("zh-newspaper").unwrap();
    let out = c.clean_text("陆续投入了 2亿多元,详情请访问 https://a.example.cn/x 查看。\n").unwrap();
    assert_eq!(out.text, "陆续投入了2亿多元，详情请访问 https://a.example.cn/x 查看。\n");
}

#[test]
fn korean_keeps_its_punctuation_and_spaces() {
    assert_unchanged("안녕하세요, 세계! 잘 지내요? (네) 감사합니다.\n");
}

fn zh(text: &str) -> newsclean::Cleaned {
    Cleaner::from_config(&Config::default()).unwrap().clean_text(text).unwrap()
}

/// Cleaning the output again changes nothing.
fn assert_idempotent(out: &str) {
    assert_eq!(zh(out).text, out, "cleaning the clean text again changed it");
}

#[test]
fn a_pasted_wrapped_snippet_is_joined() {
    let raw = "本报讯 今年以来，我省持续\n推进乡村振兴，全省共建成\n美丽乡村示范村一百多个，\n带动农民增收效果明显。\n";
    let out = zh(raw);
    assert_eq!(
        out.text,
        "本报讯今年以来，我省持续推进乡村振兴，全省共建成美丽乡村示范村一百多个，带动农民增收效果明显。\n"
    );
    assert_idempotent(&out.text);
    // Eight wrapped lines of a seed page's paragraph, pasted without the blank lines.
    let seed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds/000_754509dbfb55a7fd.txt"))
            .unwrap();
    let lines: Vec<&str> = seed.lines().skip(31).take(8).collect();
    assert!(lines[0].starts_with("年，党建强基工程") && lines.iter().all(|l| !l.trim().is_empty()));
    let out = zh(&(lines.join("\n") + "\n"));
    assert_eq!(out.text.lines().count(), 1, "{}", out.text);
    assert_eq!(out.text.trim_end(), lines.concat());
    assert_idempotent(&out.text);
    // Seventeen lines of three paragraphs, each of its own column, pasted without the blank
    // lines: three paragraphs.
    let lines: Vec<&str> = seed.lines().skip(44).filter(|l| !l.trim().is_empty()).take(17).collect();
    assert!(lines[0].starts_with("队伍保证"));
    let out = zh(&(lines.join("\n") + "\n"));
    assert_eq!(out.text.lines().count(), 3, "{}", out.text);
    assert_eq!(out.text.replace('\n', ""), lines.concat());
    assert_idempotent(&out.text);
}

#[test]
fn one_line_alone_is_body_text() {
    let out = zh("投入了 2亿多元，增长１２％\n");
    assert_eq!(out.text, "投入了2亿多元，增长12％\n");
    assert_eq!(out.page.blocks()[0].kind, newsclean_core::BlockKind::Body);
    assert_idempotent(&out.text);
    // A title whose elements stand apart stays a title, and the page says it decided so.
    let out = zh("听取民意 汲取民智\n");
    assert_eq!(out.text, "听取民意 汲取民智\n");
    assert!(
        out.page.meta.warnings.iter().any(|w| w.contains("stands alone")),
        "{:?}",
        out.page.meta.warnings
    );
}

#[test]
fn undecided_short_text_is_left_with_a_warning() {
    // A comma hangs past the width: the lines are not of one width, so nothing is joined,
    // and the page says why.
    let raw = "本报讯 今年以来，我省持续\n推进乡村振兴，全省共建成\n美丽乡村示范村一百二十个，\n带动农民增收效果明显。\n";
    let out = zh(raw);
    assert_eq!(out.text.lines().count(), 4);
    assert!(
        out.page.meta.warnings.iter().any(|w| w.contains("ends mid-sentence")),
        "{:?}",
        out.page.meta.warnings
    );
}

#[test]
fn verse_titles_and_clean_text_are_not_joined() {
    for text in [
        // Verse: every line ends in punctuation.
        "床前明月光，\n疑是地上霜。\n举头望明月，\n低头思故乡。\n",
        "白日依山尽，\n黄河入海流。\n欲穷千里目，\n更上一层楼。\n",
        // A modern poem: lines of their own widths.
        "我们走过\n长长的河岸\n看见灯火\n在远处亮起来\n",
        // Clean text: titles over one paragraph a line.
        "听取民意 汲取民智\n市人大常委会召开座谈会\n本报讯 昨天，市人大常委会召开座谈会，听取各方意见。\n会议要求，各地要认真落实。\n",
    ] {
        let out = zh(text);
        assert_eq!(out.text.lines().count(), text.lines().count(), "{text:?} -> {:?}", out.text);
        assert_idempotent(&out.text);
    }
}
