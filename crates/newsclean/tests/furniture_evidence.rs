//! Furniture by evidence on pages of papers the project was never tuned on (#18): each removal
//! is in the edit log with the evidence that decided it, and text that merely mentions a date,
//! a page or a price stays.

use newsclean::{Cleaner, DEFAULT_PROFILE};

fn clean(text: &str) -> newsclean::Cleaned {
    let cleaner = Cleaner::new(DEFAULT_PROFILE).expect("profile");
    let out = cleaner.clean(text.as_bytes()).expect("clean");
    assert_eq!(out.page.log().undo(&out.text), &*out.input, "undo gives the input back");
    let again = cleaner.clean(out.text.as_bytes()).expect("clean again").text;
    assert_eq!(again, out.text, "idempotent");
    out
}

/// The removal of `line` and its note.
fn removal<'a>(out: &'a newsclean::Cleaned, line: &str) -> Option<(&'a str, &'a str)> {
    out.page
        .log()
        .edits()
        .iter()
        .find(|e| e.before.contains(line) && e.after.is_empty())
        .map(|e| (e.rule.as_str(), e.note.as_deref().unwrap_or("")))
}

#[test]
fn a_new_users_english_page_loses_its_masthead_and_jump_line() {
    let page = "THE DAILY BUGLE Tuesday, March 3, 1925\n\n\
COUNCIL BACKS NEW BRIDGE\n\n\
By JOHN SMITH\n\n\
The council voted on Monday to approve a new bridge over the river, at a cost of about\n\
$45,000. Work is expected to begin in the spring, and the engineer said traffic on the\n\
road has doubled in five years since March 3, 1920.\n\n\
Continued on Page 4\n";
    let out = clean(page);
    assert!(!out.text.contains("DAILY BUGLE"), "{}", out.text);
    assert!(!out.text.contains("Continued on Page 4"), "{}", out.text);
    assert!(out.text.contains("since March 3, 1920."), "a date inside running text stays: {}", out.text);
    assert!(out.text.contains("$45,000"), "{}", out.text);
    let (rule, note) = removal(&out, "THE DAILY BUGLE").expect("the masthead's removal is logged");
    assert_eq!(rule, "layout.furniture.masthead");
    assert!(note.contains("capitals beside a date"), "{note}");
    let (rule, note) = removal(&out, "Continued on Page 4").expect("the jump line's removal is logged");
    assert_eq!(rule, "layout.furniture.jump");
    assert!(note.contains("page reference"), "{note}");
}

#[test]
fn chinese_staff_credits_prices_and_publishers_of_other_papers() {
    let page = "中共云汀市委主管主办\n\n二〇二五年二月一日\n\n定价：每月36元\n\n\
本版编辑：王强\n\n\
记者从市网信办获悉，本版编辑王强说，今年定价每月36元的报纸发行量上升。\n\n\
版式设计：李明　校对：张华\n";
    let out = clean(page);
    for gone in
        ["中共云汀市委主管主办", "二〇二五年二月一日", "定价：每月36元", "本版编辑：王强", "版式设计：李明"]
    {
        assert!(!out.text.contains(gone), "{gone} stays: {}", out.text);
        let (_, note) = removal(&out, gone).expect("logged");
        assert!(!note.is_empty(), "{gone}: the removal names its evidence");
    }
    assert!(out.text.contains("本版编辑王强说，今年定价每月36元的报纸发行量上升。"), "{}", out.text);
}

#[test]
fn a_drop_cap_printed_apart_from_its_word_goes_back_past_furniture() {
    let page = "COUNCIL BACKS NEW BRIDGE\n\nT\n\nContinued from Page 1\n\n\
he council met on Monday and voted to approve a new bridge over the river, at a cost of\n\
about $45,000. Work is expected to begin in the spring, the engineer said on Friday.\n\n\
By JOHN SMITH\n";
    let out = clean(page);
    assert!(out.text.contains("\nThe council met on Monday"), "{}", out.text);
    assert!(!out.text.contains("Continued from Page 1"), "{}", out.text);
    let moved = out.page.log().edits().iter().filter(|e| e.rule == "layout.latin.drop-cap").count();
    assert_eq!(moved, 2, "the letter deleted where it stood and inserted before its rest");
}
