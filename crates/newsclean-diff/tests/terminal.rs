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
    insta::assert_snapshot!(render(&input, DiffMode::Unified, &DiffOptions::default()));
}

#[test]
fn side_by_side_seed_head() {
    let input = common::seed_head(40);
    let opts = DiffOptions { width: 72, ..DiffOptions::default() };
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
fn every_raw_and_clean_line_appears_once_with_full_context() {
    // With context wide enough to cover the page, the '-'/' ' lines (markers removed) are
    // the raw text and the '+'/' ' lines the clean text: nothing is hidden or duplicated.
    let input = common::seed_head(120);
    let page = common::clean(&input);
    let mut out = Vec::new();
    let opts = DiffOptions { context: 10_000, ..DiffOptions::default() };
    render_diff(&mut out, "x", &input, &page, DiffMode::Unified, &opts).unwrap();
    let text = String::from_utf8(out).unwrap();
    let body: Vec<&str> = text.lines().skip(3).collect();
    let strip = |l: &str| l.replace("[-⏎-]", "").replace("[-", "").replace("-]", "");
    let strip_ins = |l: &str| {
        let mut s = String::new();
        let mut rest = l;
        while let Some(i) = rest.find("{+") {
            s.push_str(&rest[..i]);
            let j = rest[i..].find("+}").unwrap() + i;
            s.push_str(&rest[i + 2..j].replace('⏎', ""));
            rest = &rest[j + 2..];
        }
        s.push_str(rest);
        s
    };
    let raw: Vec<String> = body.iter().filter(|l| !l.starts_with('+')).map(|l| strip(&l[1..])).collect();
    let clean: Vec<String> =
        body.iter().filter(|l| !l.starts_with('-')).map(|l| strip_ins(&l[1..])).collect();
    // Removed characters are marked, so drop marked runs from the raw side by re-reading
    // the input's lines instead: the counts must match and unmarked text must be in order.
    assert_eq!(raw.len(), input.lines().count());
    assert_eq!(clean.join("\n") + "\n", page.text());
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
