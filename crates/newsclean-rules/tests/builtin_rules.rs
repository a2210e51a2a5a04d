//! The built-in profiles test themselves: every rule's examples and unchanged cases, whole
//! profiles on one-block pages, convergence, idempotence and losslessness.

use std::path::Path;

use newsclean_core::{BlockKind, Context, Page, Pass, PassError};
use newsclean_rules::{
    FailureKind, GROWTH_LIMIT_BYTES, GROWTH_LIMIT_FACTOR, MAX_ROUNDS, RuleSet, RulesError, RulesPass,
    SELF_FEED_GROWTH_BYTES,
};

/// Run a whole profile over a one-block page of `kind`.
fn run_profile_on(profile: &str, text: &str, kind: BlockKind) -> Page {
    let passes = RuleSet::builtin(profile).unwrap().into_passes().unwrap();
    let mut page = Page::new(text);
    for i in 0..page.blocks().len() {
        page.set_kind(i, kind);
    }
    for p in &passes {
        p.run(&mut page, &Context::default()).unwrap();
    }
    page
}

fn run_profile(profile: &str, text: &str) -> String {
    run_profile_on(profile, text, BlockKind::Body).text().to_string()
}

#[test]
fn every_builtin_rule_passes_its_examples() {
    for name in RuleSet::builtin_names() {
        let set = RuleSet::builtin(name).unwrap();
        let failures = set.test();
        assert!(
            failures.is_empty(),
            "{name}:\n{}",
            failures.iter().map(|f| f.to_string()).collect::<Vec<_>>().join("\n")
        );
    }
}

#[test]
fn every_builtin_rule_has_examples_and_unchanged_cases() {
    for name in RuleSet::builtin_names() {
        for r in RuleSet::builtin(name).unwrap().rules() {
            assert!(!r.spec.examples.is_empty(), "{name}: {} has no examples", r.id());
            assert!(!r.spec.unchanged.is_empty(), "{name}: {} has no unchanged cases", r.id());
        }
    }
}

#[test]
fn builtin_ids_are_unique_and_prefixed() {
    for name in RuleSet::builtin_names() {
        let set = RuleSet::builtin(name).unwrap();
        let mut ids: Vec<&str> = set.rules().iter().map(|r| r.id()).collect();
        assert!(ids.iter().all(|id| id.contains('.')), "{ids:?}");
        ids.sort_unstable();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n, "{name}: duplicate ids");
    }
}

#[test]
fn zh_newspaper_on_the_issue_sentences() {
    assert_eq!(run_profile("zh-newspaper", "他说:\"好的,明天见!\""), "他说：“好的，明天见！”");
    assert_eq!(run_profile("zh-newspaper", "党建强,则根基稳"), "党建强，则根基稳");
    let latin = "version 1.2, see http://a.b/c?d=1,2";
    assert_eq!(run_profile("zh-newspaper", latin), latin);
    for kept in ["1,000", "3.5", "10:30", "5+5+5", "V1.0", "10号楼B座", "http://a.b/c?d=1,2"] {
        let s = format!("数据为{kept}。");
        assert_eq!(run_profile("zh-newspaper", &s), s, "{kept}");
    }
    // Other full-width characters stay (SPEC 6).
    let kept = "■下转 ◆星期五 ２０℃ ５％ ＋ —— …… ·";
    assert_eq!(
        run_profile_on("zh-newspaper", kept, BlockKind::Headline).text(),
        "■下转 ◆星期五 20℃ 5％ ＋ —— …… ·"
    );
}

#[test]
fn zh_newspaper_keeps_spaces_in_headlines_and_bylines() {
    let h = "军民同心谋发展 奋进双拥新征程";
    assert_eq!(run_profile_on("zh-newspaper", h, BlockKind::Headline).text(), h);
    let b = "■记者 胡佳英 林旭东";
    assert_eq!(run_profile_on("zh-newspaper", b, BlockKind::Byline).text(), b);
    // Furniture and junk are never touched.
    let f = "热线:85858110 平湖网:www.ph2009.com";
    assert_eq!(run_profile_on("zh-newspaper", f, BlockKind::Furniture).text(), f);
    // The same spaces in body text go.
    assert_eq!(
        run_profile("zh-newspaper", "会议强调， 要高站位 开展主 题教育"),
        "会议强调，要高站位开展主题教育"
    );
}

#[test]
fn zh_newspaper_on_a_seed_like_paragraph() {
    let raw = "本报讯 7月30日上午,开拓药业(浙江)产业化基地奠基仪式在独山港经济开发区举行。\
               会上,市领导崔加晶、胡泓恬围绕学习主题作了交流发言,以\"三季进\"为\"全年赢\"打下扎实基础;\
               投资１２亿元,约 2亿多元用于研发!";
    let want = "本报讯7月30日上午，开拓药业（浙江）产业化基地奠基仪式在独山港经济开发区举行。\
                会上，市领导崔加晶、胡泓恬围绕学习主题作了交流发言，以“三季进”为“全年赢”打下扎实基础；\
                投资12亿元，约2亿多元用于研发！";
    assert_eq!(run_profile("zh-newspaper", raw), want);
}

#[test]
fn zh_pangu_spaces_latin_and_digits() {
    assert_eq!(run_profile("zh-pangu", "他说:\"用Python写了3个脚本\""), "他说：“用 Python 写了 3 个脚本”");
    assert_eq!(run_profile("zh-pangu", "本报讯 7月29日上午"), "本报讯 7 月 29 日上午");
}

#[test]
fn en_newspaper_quotes_ligatures_spaces() {
    assert_eq!(
        run_profile("en-newspaper", "He said \"it's the ﬁrst  time\" and 'don't'."),
        "He said “it’s the first time” and ‘don’t’."
    );
    let kept = "version 1.2, see http://a.b/c?d=1,2";
    assert_eq!(run_profile("en-newspaper", kept), kept);
}

#[test]
fn profiles_are_idempotent_and_lossless() {
    let raws = [
        "他说:\"好的,明天见!\"\n\n党建强,则根\n基稳;根基稳,则社会兴。\n\n友 情 提 醒 ：ＡＢＣ１２３",
        "开拓药业(浙江)\"一把手'带队'\"(1)加强(f(x)",
        "He said \"it's the ﬁrst  time\".",
    ];
    for profile in RuleSet::builtin_names() {
        for raw in raws {
            let page = run_profile_on(profile, raw, BlockKind::Body);
            assert_eq!(page.log().undo(page.text()), raw, "{profile}");
            let again = run_profile_on(profile, page.text(), BlockKind::Body);
            assert!(again.log().is_empty(), "{profile}: second run changed {:?}", again.log().edits());
        }
    }
}

#[test]
fn edits_carry_rule_ids_and_page_coordinates() {
    let raw = "标题\n\n第二段,内容";
    let mut page = Page::new(raw);
    page.classify(0, BlockKind::Headline, "test");
    for p in RuleSet::builtin("zh-newspaper").unwrap().into_passes().unwrap() {
        p.run(&mut page, &Context::default()).unwrap();
    }
    let e = &page.log().edits()[0];
    assert_eq!(e.rule, "zh.comma-fullwidth");
    assert_eq!((e.before.as_str(), e.after.as_str()), (",", "，"));
    assert_eq!(&raw[e.span.clone()], ",");
}

#[test]
fn prefilter_changes_nothing_but_speed() {
    let set = RuleSet::builtin("zh-newspaper").unwrap();
    let compiled = std::sync::Arc::new(set.compile().unwrap());
    let fast = RulesPass::new("rules", compiled.clone());
    let slow = RulesPass::new("rules", compiled).without_prefilter();
    let raw =
        "他说:\"好的,明天见!\"\n\n党建强,则根\n基稳 ; 根基稳,则社会兴。\n\n友 情 提 醒 ：ＡＢＣ１２３ (浙江)";
    let (mut a, mut b) = (Page::new(raw), Page::new(raw));
    fast.run(&mut a, &Context::default()).unwrap();
    slow.run(&mut b, &Context::default()).unwrap();
    assert_eq!(a.text(), b.text());
    assert_eq!(a.log().edits(), b.log().edits());
}

#[test]
fn review_rules_apply_only_when_asked() {
    let mut set = RuleSet::builtin("zh-newspaper").unwrap();
    set.add_file(
        Path::new("r.yaml"),
        "rules:\n  - id: my.review\n    title: t\n    why: w\n    safety: review\n    regex: {find: '甲', replace: '乙'}\n    examples: [{before: 甲, after: 乙}]\n",
    )
    .unwrap();
    let passes = set.into_passes().unwrap();
    for (review, want) in [(false, "甲，丙"), (true, "乙，丙")] {
        let mut page = Page::new("甲,丙");
        for p in &passes {
            p.run(&mut page, &Context { apply_review: review, ..Context::default() }).unwrap();
        }
        assert_eq!(page.text(), want);
    }
}

#[test]
fn rules_that_undo_each_other_fail_loudly() {
    let mut set = RuleSet::default();
    set.add_file(
        Path::new("loop.yaml"),
        "rules:\n  - id: loop.ab\n    title: t\n    why: w\n    regex: {find: a, replace: b}\n  - id: loop.ba\n    title: t\n    why: w\n    regex: {find: b, replace: a}\n",
    )
    .unwrap();
    let passes = set.into_passes().unwrap();
    let mut page = Page::new("xa");
    let err = passes[0].run(&mut page, &Context::default()).unwrap_err();
    assert!(matches!(err, PassError::NoConvergence { .. }));
    let msg = err.to_string();
    assert!(msg.contains("loop.ab") && msg.contains("loop.ba"), "{msg}");
}

#[test]
fn a_typo_in_a_key_names_line_and_column() {
    let text =
        "rules:\n  - id: my.rule\n    title: t\n    why: w\n    regex:\n      find: a\n      replase: b\n";
    let err = RuleSet::from_file(Path::new("typo.yaml"), text).unwrap_err();
    let RulesError::Parse { line, column, ref message, .. } = err else { panic!("{err}") };
    assert_eq!((line, column), (7, 7));
    assert!(message.contains("unknown field `replase`") && message.contains("`replace`"), "{message}");
    assert!(err.to_string().starts_with("typo.yaml:7:7: "), "{err}");
}

#[test]
fn a_wrong_example_is_reported_with_its_rule() {
    let text = "rules:\n  - id: my.comma\n    title: t\n    why: w\n    regex: {find: '({{cjk}}),', replace: '$1，'}\n    examples:\n      - {before: '甲,乙', after: '甲，乙'}\n      - {before: '甲,乙', after: '甲,乙'}\n    unchanged: ['1,000', '中,']\n";
    let failures = RuleSet::from_file(Path::new("wrong.yaml"), text).unwrap().test();
    assert_eq!(failures.len(), 2, "{failures:?}");
    assert!(failures.iter().all(|f| f.rule == "my.comma" && f.got.contains('，')));
    assert_eq!(failures[0].kind, FailureKind::Example);
    assert_eq!(failures[1].kind, FailureKind::Unchanged);
    assert_eq!(failures[1].got, "中，");
}

/// Found by `cargo xtask fuzz` (target pipeline, minimized): the GBK bytes `b8 9c` (笢) and
/// eight `;`. zh.semicolon-fullwidth turned one `;` per round (each new `；` is the context of
/// the next), so a run longer than MAX_ROUNDS failed the whole page with NoConvergence.
#[test]
fn a_run_of_marks_after_cjk_settles_in_one_pass() {
    assert_eq!(run_profile("zh-newspaper", "笢;;;;;;;;"), "笢；；；；；；；；");
    let long = format!("记者{}报道", "?".repeat(200));
    assert_eq!(run_profile("zh-newspaper", &long), format!("记者{}报道", "？".repeat(200)));
    // The log still undoes it, one batch per application.
    let page = run_profile_on("zh-newspaper", "笢;;;;;;;;", BlockKind::Body);
    assert_eq!(page.log().undo(page.text()), "笢;;;;;;;;");
    // Not after Latin text: the run stays.
    assert_eq!(run_profile("zh-newspaper", "a;;;;;;;;;;"), "a;;;;;;;;;;");
}

#[test]
fn a_rule_that_grows_its_own_output_fails_loudly_and_finishes() {
    let mut set = RuleSet::default();
    set.add_file(
        Path::new("grow.yaml"),
        "rules:\n  - id: grow.a\n    title: t\n    why: w\n    regex: {find: a, replace: aa}\n",
    )
    .unwrap();
    let passes = set.into_passes().unwrap();
    let mut page = Page::new("xa");
    let err = passes[0].run(&mut page, &Context::default()).unwrap_err();
    assert!(matches!(err, PassError::NoConvergence { .. } | PassError::Other { .. }), "{err}");
    // The growth cap stops the repeats while the text is still small (at most one doubling
    // past it), then each of the other rounds doubles it, as before.
    let cap = (2 * (3 * "xa".len() + SELF_FEED_GROWTH_BYTES)) << (MAX_ROUNDS - 1);
    assert!(page.text().len() <= cap, "{} > {cap}", page.text().len());
}

/// Found by `cargo xtask fuzz` (target rules, an out-of-memory): a user's rule whose
/// replacement is longer than its match and matches its own output (`([^x])[ ]{0,}([^x])` →
/// `$1 $2` and 130 characters) grew the page about 65 times a round, past 2 GB by the
/// eighth round. The pass now fails with a message before its edits would take the page
/// past GROWTH_LIMIT_FACTOR times its size plus GROWTH_LIMIT_BYTES.
#[test]
fn a_rule_that_multiplies_the_text_fails_before_filling_memory() {
    let mut set = RuleSet::default();
    let long = "<".repeat(130);
    set.add_file(
        Path::new("oom.yaml"),
        &format!("rules:\n  - id: oom.grow\n    title: t\n    why: w\n    regex: {{find: '([^x])[ ]{{0,}}([^x])', replace: '$1 $2{long}'}}\n"),
    )
    .unwrap();
    let passes = set.into_passes().unwrap();
    let input = "The quick brown fox jumps over the lazy dog.\n".repeat(20);
    let mut page = Page::new(&input);
    let err = passes[0].run(&mut page, &Context::default()).unwrap_err();
    let msg = err.to_string();
    assert!(msg.contains("oom.grow") && msg.contains("grow the page"), "{msg}");
    let limit = GROWTH_LIMIT_FACTOR * input.len() + GROWTH_LIMIT_BYTES;
    assert!(page.text().len() <= limit, "{} > {limit}", page.text().len());
}

#[test]
fn a_rule_that_undoes_itself_fails_loudly() {
    let mut set = RuleSet::default();
    set.add_file(
        Path::new("swap.yaml"),
        "rules:\n  - id: swap.ab\n    title: t\n    why: w\n    map: {from: ab, to: ba}\n",
    )
    .unwrap();
    let passes = set.into_passes().unwrap();
    let mut page = Page::new("xa");
    let err = passes[0].run(&mut page, &Context::default()).unwrap_err();
    assert!(matches!(err, PassError::NoConvergence { .. }), "{err}");
}

/// Found by `cargo xtask fuzz` (target rules, a timeout, 2026-12-02): a rule whose
/// replacement holds its whole match (`$0$2$3$4`) matches its own output, so each of its
/// twelve examples grew through the rounds to the growth limit (then 1 MiB) before failing:
/// `rules test` of the 1.5 KB file took 12 billion instructions. With the limit at
/// GROWTH_LIMIT_FACTOR times the example plus GROWTH_LIMIT_BYTES (64 KiB) every example still
/// fails, with the message, and no example's text passes the limit.
#[test]
fn a_self_feeding_rule_fails_its_examples_within_the_growth_limit() {
    let text = include_str!("fuzz/self-feeding-examples.yaml");
    let set = RuleSet::from_file(Path::new("fuzz.yaml"), text).unwrap();
    let failures = set.test();
    assert!(failures.len() >= 10, "{failures:?}");
    // As a user's rule file it is refused, naming the growth.
    let err = RuleSet::default().add_file(Path::new("fuzz.yaml"), text).unwrap_err().to_string();
    assert!(err.contains("would grow the page") && err.contains("fuzz.yaml:2:5"), "{err}");
    // It stops at the round that would pass the limit: at most about one doubling past it.
    let limit = GROWTH_LIMIT_FACTOR * "陆续投入了 2亿多元".len() + GROWTH_LIMIT_BYTES;
    let reached: usize = err
        .split(" to ")
        .nth(1)
        .and_then(|r| r.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no size in {err}"));
    assert!(reached > limit && reached <= 2 * limit + 1024, "{reached} vs {limit}: {err}");
}
