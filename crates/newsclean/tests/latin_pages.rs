//! Latin-script pages through the whole cleaner (#18.3): jump lines at a page's edges and at a
//! paragraph's end are furniture, text that mentions a page stays, bylines stay bylines and
//! all-caps headings stay titles.

use newsclean::{Cleaner, DEFAULT_PROFILE};

fn clean(text: &str) -> newsclean::Cleaned {
    let cleaner = Cleaner::new(DEFAULT_PROFILE).expect("profile");
    let out = cleaner.clean(text.as_bytes()).expect("clean");
    assert_eq!(out.page.log().undo(&out.text), &*out.input, "undo gives the input back");
    let again = cleaner.clean(out.text.as_bytes()).expect("clean again").text;
    assert_eq!(again, out.text, "idempotent");
    out
}

const PARA: &str = "The council voted on Monday to approve a new bridge over the river, at a cost of\n\
about $45,000. Work is expected to begin in the spring, and the engineer said traffic on the\n\
road has doubled in five years.\n";

#[test]
fn jump_lines_at_the_edges_are_furniture() {
    for jump in [
        "Continued on Page 4",
        "See FOOTBALL, Page 5",
        "suite page 3",
        "● a pagina 12",
        "Continued from Page 1",
    ] {
        // At the top, over the article.
        let out = clean(&format!("{jump}\n\nCOUNCIL BACKS NEW BRIDGE\n\nBy JOHN SMITH\n\n{PARA}"));
        assert!(!out.text.contains(jump), "{jump} at the top stays: {}", out.text);
        // At the bottom, under the article.
        let out = clean(&format!("COUNCIL BACKS NEW BRIDGE\n\nBy JOHN SMITH\n\n{PARA}\n{jump}\n"));
        assert!(!out.text.contains(jump), "{jump} at the bottom stays: {}", out.text);
        assert!(out.text.contains("By JOHN SMITH\n"), "{}", out.text);
        assert!(out.text.contains("COUNCIL BACKS NEW BRIDGE\n"), "{}", out.text);
    }
}

#[test]
fn a_jump_line_under_a_paragraph_is_furniture_and_the_paragraph_stays_whole() {
    let out = clean(&format!("COUNCIL BACKS NEW BRIDGE\n\nBy JOHN SMITH\n\n{PARA}Continued on Page 4\n"));
    assert!(!out.text.contains("Continued on Page 4"), "{}", out.text);
    assert!(out.text.contains("in five years.\n"), "{}", out.text);
}

#[test]
fn a_jump_marker_at_a_paragraphs_end_is_furniture() {
    for jump in ["Continued on Page 4", "See FOOTBALL, Page 5", "(Continued on page 4)"] {
        let page = format!(
            "COUNCIL BACKS NEW BRIDGE\n\nBy JOHN SMITH\n\nThe council voted on Monday to approve a new bridge over the river, at a cost of\nabout $45,000. Work is expected to begin in the spring, the engineer said. {jump}\n"
        );
        let out = clean(&page);
        assert!(!out.text.contains(jump), "{jump} stays: {}", out.text);
        assert!(out.text.contains("the engineer said.\n"), "{}", out.text);
        let e = out.page.log().edits().iter().find(|e| e.before.contains(jump)).expect("logged");
        assert_eq!(e.rule, "layout.furniture.jump");
    }
}

#[test]
fn text_that_mentions_a_page_stays() {
    let page = "COUNCIL BACKS NEW BRIDGE\n\nThe figures are in the annual report. See also page 5 of the report\n\
for the tables on the harbour wall, which the engineer said were continued on page 4 of\n\
the appendix, and the council will meet again on Monday.\n";
    let out = clean(page);
    assert!(out.text.contains("See also page 5 of the report for the tables"), "{}", out.text);
    assert!(out.text.contains("continued on page 4 of the appendix"), "{}", out.text);
}

#[test]
fn all_caps_headings_stay_titles_and_bylines_stay_apart() {
    let out = clean(&format!("COUNCIL BACKS NEW BRIDGE\n\nBy Mary Keane\nStaff Writer\n{PARA}"));
    assert!(
        out.text.starts_with("COUNCIL BACKS NEW BRIDGE\nBy Mary Keane\nStaff Writer\nThe council voted"),
        "{}",
        out.text
    );
    let out = clean(&format!("COUNCIL BACKS\nNEW BRIDGE\nBy JOHN SMITH\n{PARA}"));
    assert!(!out.text.contains("BRIDGE By"), "{}", out.text);
    assert!(!out.text.contains("SMITH The"), "{}", out.text);
}
