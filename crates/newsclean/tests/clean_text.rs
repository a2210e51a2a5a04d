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
