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

fn newsclean_in(dir: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_newsclean")).current_dir(dir).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// A page with an app promotion line under its date line (furniture) and a body line whose
/// ASCII comma the default profile makes full-width.
const PROMO_PAGE: &str =
    "2024年5月6日 星期一\n\n某某发布 今某某客户端\n\n本报讯 今年以来,我省持续推进乡村振兴。\n";

/// Issue #20 item 6: `disable:` of a YAML rule works with the default profile (which also
/// loads the Latin profile, where the id does not exist), from a newsclean.yaml too.
#[test]
fn disable_a_yaml_rule_with_the_default_profile() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("p.txt"), PROMO_PAGE).unwrap();
    let (code, out, err) = newsclean_in(dir.path(), &["clean", "--no-config", "p.txt"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "本报讯今年以来，我省持续推进乡村振兴。\n");
    std::fs::write(dir.path().join("newsclean.yaml"), "disable: [zh.comma-fullwidth]\n").unwrap();
    let (code, out, err) = newsclean_in(dir.path(), &["clean", "p.txt"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "本报讯今年以来,我省持续推进乡村振兴。\n");
    let (code, out, err) = newsclean_in(dir.path(), &["clean", "--profile", "zh-newspaper", "p.txt"]);
    assert_eq!((code, out.as_str()), (0, "本报讯今年以来,我省持续推进乡村振兴。\n"), "{err}");
}

/// Issue #17: `disable: [layout.furniture.app-promo]` switches that layout rule off with the
/// default profile: the line is kept; `rules list` no longer shows it; an unknown id and a
/// page.* id still fail with exit 2.
#[test]
fn disable_a_layout_rule_with_the_default_profile() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("p.txt"), PROMO_PAGE).unwrap();
    std::fs::write(dir.path().join("d.yaml"), "disable: [layout.furniture.app-promo]\n").unwrap();
    let (code, out, err) = newsclean_in(dir.path(), &["clean", "--no-config", "--rules", "d.yaml", "p.txt"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "某某发布 今某某客户端\n本报讯今年以来，我省持续推进乡村振兴。\n");
    let (code, out, _) = newsclean_in(dir.path(), &["rules", "list"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("layout.furniture.app-promo") && out.contains("layout.paragraphs.join-cjk"),
        "{out}"
    );
    let (_, out, _) = newsclean_in(dir.path(), &["rules", "list", "--rules", "d.yaml"]);
    assert!(!out.contains("layout.furniture.app-promo") && out.contains("layout.furniture.date"), "{out}");
    for bad in ["disable: [layout.furniture.nope]\n", "disable: [page.separator]\n"] {
        std::fs::write(dir.path().join("bad.yaml"), bad).unwrap();
        let (code, _, err) =
            newsclean_in(dir.path(), &["clean", "--no-config", "--rules", "bad.yaml", "p.txt"]);
        assert_eq!(code, 2, "{bad}: {err}");
        assert!(err.contains("bad.yaml:1:11") && err.contains("cannot disable"), "{err}");
    }
}

/// A rule file written before the layout ids were renamed to start with their pass's id
/// (2026-12-02) still works: the old id switches the renamed rule off, and `rules explain` of the
/// old id names the new one. `rules list` shows only the new ids.
#[test]
fn an_old_layout_id_names_its_renamed_rule() {
    let dir = tempfile::tempdir().unwrap();
    let seed = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds/000_754509dbfb55a7fd.txt");
    std::fs::copy(seed, dir.path().join("p.txt")).unwrap();
    let (code, joined, err) = newsclean_in(dir.path(), &["clean", "--no-config", "p.txt"]);
    assert_eq!(code, 0, "{err}");
    let mut kept = Vec::new();
    for id in ["layout.join-cjk", "layout.paragraphs.join-cjk"] {
        std::fs::write(dir.path().join("d.yaml"), format!("disable: [{id}]\n")).unwrap();
        let (code, out, err) =
            newsclean_in(dir.path(), &["clean", "--no-config", "--rules", "d.yaml", "p.txt"]);
        assert_eq!(code, 0, "{err}");
        assert!(out.lines().count() > joined.lines().count() + 50, "{id} did not switch the join off");
        kept.push(out);
    }
    assert_eq!(kept[0], kept[1]);
    let (code, out, _) = newsclean(&["rules", "explain", "latin.dehyphen"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("latin.dehyphen is now layout.latin.dehyphen"), "{out}");
    let (_, out, _) = newsclean(&["rules", "list"]);
    assert!(!out.contains(" latin.") && !out.contains("layout.join-cjk"), "{out}");
}

/// `rules explain` knows the layout rules.
#[test]
fn explain_a_layout_rule() {
    let (code, out, _) = newsclean(&["rules", "explain", "layout.paragraphs.join-cjk"]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with("layout.paragraphs.join-cjk: ")
            && out.contains("Why:")
            && out.contains("Left alone:"),
        "{out}"
    );
}
