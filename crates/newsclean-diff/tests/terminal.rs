//! Snapshot tests of the terminal diffs: unified, side by side and per-rule, on the head of
//! a seed page cleaned by the test passes, and properties every diff must keep.

mod common;

use newsclean_diff::{DiffMode, DiffOptions, render_diff};

fn render(input: &str, mode: DiffMode, opts: &DiffOptions) -> String {
    let page = common::clean(input);
    let mut out = Vec::new();
    render_diff(&mut out, "seeds/000.txt", input, &page, mode, opts).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn unified_seed_head() {
    let input = common::seed_head(40);
    let opts = DiffOptions { marks: true, ..DiffOptions::default() };
    insta::assert_snapshot!(render(&input, DiffMode::Unified, &opts));
}

#[test]
fn side_by_side_seed_head() {
    let input = common::seed_head(40);
    let opts = DiffOptions { width: 72, marks: true, ..DiffOptions::default() };
    let text = render(&input, DiffMode::Side, &opts);
    for line in
        text.lines().filter(|l| !l.starts_with("@@") && !l.starts_with("---") && !l.starts_with("+++"))
    {
        let w: usize = line.chars().map(|c| unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)).sum();
        assert!(w <= 72, "{w} columns: {line}");
    }
    insta::assert_snapshot!(text);
}

#[test]
fn rules_seed() {
    let input = common::seed_head(400);
    insta::assert_snapshot!(render(&input, DiffMode::Rules, &DiffOptions::default()));
}

#[test]
fn unified_in_colour() {
    let input = "标题\n\n党建强,则社\n会兴。\n";
    let opts = DiffOptions { color: true, ..DiffOptions::default() };
    insta::assert_snapshot!(render(input, DiffMode::Unified, &opts));
}

#[test]
fn unchanged_page_renders_nothing_but_rules_say_so() {
    let input = "党建强，则根基稳。\n";
    assert_eq!(render(input, DiffMode::Unified, &DiffOptions::default()), "");
    assert_eq!(render(input, DiffMode::Side, &DiffOptions::default()), "");
    assert_eq!(render(input, DiffMode::Rules, &DiffOptions::default()), "seeds/000.txt: unchanged\n");
}

#[test]
fn plain_lines_are_the_raw_and_clean_lines_verbatim() {
    // Without colour or marks, and with context covering the page, the ' '/'-' lines are
    // exactly the raw text and the ' '/'+' lines exactly the clean text.
    let input = common::seed_head(120);
    let page = common::clean(&input);
    let mut out = Vec::new();
    let opts = DiffOptions { context: 10_000, ..DiffOptions::default() };
    render_diff(&mut out, "x", &input, &page, DiffMode::Unified, &opts).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("--- a/x\n+++ b/x\n@@ -1,120 +1,"), "{text}");
    let body: Vec<&str> = text.lines().skip(3).collect();
    let raw: Vec<&str> = body.iter().filter(|l| !l.starts_with('+')).map(|l| &l[1..]).collect();
    let clean: Vec<&str> = body.iter().filter(|l| !l.starts_with('-')).map(|l| &l[1..]).collect();
    assert_eq!(raw.join("\n") + "\n", input);
    assert_eq!(clean.join("\n") + "\n", page.text());
    // With marks, the same lines carry the changed characters.
    let mut out = Vec::new();
    let opts = DiffOptions { marks: true, ..opts };
    render_diff(&mut out, "x", &input, &page, DiffMode::Unified, &opts).unwrap();
    assert!(String::from_utf8(out).unwrap().contains("则社[-⏎-]\n"));
}

#[test]
fn log_that_does_not_match_the_input_is_an_error() {
    let page = common::clean("党建强,则根基稳\n");
    let mut out = Vec::new();
    let err =
        render_diff(&mut out, "x", "something else\n", &page, DiffMode::Unified, &DiffOptions::default())
            .unwrap_err();
    assert!(err.to_string().contains("edit log"), "{err}");
}

#[test]
fn a_huge_one_line_page_is_shown_without_character_marks() {
    // 440 KB on one line, an ASCII comma every 8 characters: whole lines, promptly.
    let input: String = "党建强,则根基稳".repeat(20_000) + "\n";
    let page = common::clean(&input);
    let mut out = Vec::new();
    let opts = DiffOptions { marks: true, ..DiffOptions::default() };
    let t = std::time::Instant::now();
    render_diff(&mut out, "x", &input, &page, DiffMode::Unified, &opts).unwrap();
    assert!(t.elapsed().as_secs() < 10);
    let text = String::from_utf8(out).unwrap();
    assert!(!text.contains("[-"), "no marks past the limit");
    assert_eq!(text.lines().filter(|l| l.starts_with('-') && !l.starts_with("---")).count(), 1);
    assert!(text.contains("test.comma ×20000"));
}
