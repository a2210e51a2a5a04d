//! `newsclean rules ...` run as a process: exit codes and what it prints.

use std::process::Command;

fn newsclean(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_newsclean")).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn rules_test_names_the_rule_with_a_wrong_example_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("wrong.yaml");
    std::fs::write(
        &file,
        "rules:\n  - id: my.comma\n    title: t\n    why: w\n    regex: {find: '({{cjk}}),', replace: '$1，'}\n    examples:\n      - {before: '甲,乙', after: '甲,乙'}\n",
    )
    .unwrap();
    let (code, out, _) = newsclean(&["rules", "test", file.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("rule my.comma") && out.contains("produced: 甲，乙"), "{out}");
}

#[test]
fn rules_test_exits_2_on_a_typo_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("typo.yaml");
    std::fs::write(&file, "rules:\n  - id: my.rule\n    tilte: t\n").unwrap();
    let (code, _, err) = newsclean(&["rules", "test", file.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("typo.yaml:3:5:") && err.contains("unknown field `tilte`"), "{err}");
}

#[test]
fn rules_list_and_explain() {
    let (code, out, _) = newsclean(&["rules", "list", "--profile", "zh-pangu"]);
    assert_eq!(code, 0);
    assert!(out.contains("pangu.space-cjk-latin") && !out.contains("zh.space-cjk-latin "));
    let (code, out, _) = newsclean(&["rules", "explain", "zh.comma-fullwidth"]);
    assert_eq!(code, 0);
    assert!(out.contains("Why:") && out.contains("-> 党建强，则根基稳"), "{out}");
    let (code, _, err) = newsclean(&["rules", "explain", "no.such"]);
    assert_eq!(code, 2);
    assert!(err.contains("no.such"));
}

#[test]
fn rules_test_passes_on_the_builtin_files() {
    let (code, out, _) = newsclean(&["rules", "test", "zh-newspaper", "zh-pangu", "en-newspaper"]);
    assert_eq!(code, 0, "{out}");
}
