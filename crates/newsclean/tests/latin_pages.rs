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

/// A column of wrapped prose as PyMuPDF writes it, ahead of a heading: `{pieces}` stands where
/// the test puts its lines.
const COLUMN_HEAD: &str = "The council voted on Monday to approve\n\
a new bridge over the river, at a cost of\n\
about $45,000, the engineer said today.\n";
const COLUMN_TAIL: &str = "Work is expected to begin in the spring,\n\
and the engineer said traffic on the road\n\
has doubled in five years, and the state\n\
will pay for the new wall by the harbour.\n";

#[test]
fn word_gap_pieces_are_joined_back_into_their_line() {
    // `layout.latin.word-gaps`: a justified line cut at its wide gaps, each piece but the last
    // ending in a single space.
    let raw = format!(
        "{COLUMN_HEAD}The school \nboard \nagreed \nto\nfund repairs to the old grammar school\nbefore the end of the year, despite the\nobjections \nof \nseveral \naldermen. \nThe \nmayor\nsaid the work could begin in the spring.\n"
    );
    let out = clean(&raw);
    assert!(out.text.contains("today. The school board agreed to fund repairs"), "{}", out.text);
    assert!(out.text.contains("objections of several aldermen. The mayor said the work"), "{}", out.text);
    assert!(out.page.log().edits().iter().any(|e| e.rule == "layout.latin.word-gaps"), "{}", out.text);
    // A number alone is a piece too (`1919. `), not a list item.
    let raw = format!(
        "{COLUMN_HEAD}Several speakers pointed out that the\nlast survey of the wall was made in\n1919. \nThe \nschool \nboard \nagreed\nto fund repairs to the old grammar school\nbefore the end of the year, despite the\nobjections of several aldermen there.\n"
    );
    let out = clean(&raw);
    assert!(out.text.contains("made in 1919. The school board agreed to fund"), "{}", out.text);
}

#[test]
fn lines_ending_in_a_space_without_the_shape_stay_apart() {
    // Two trailing spaces: a Markdown line break.
    let md = "Roses are red,  \nViolets are blue,  \nsugar is sweet,  \nand so are you.\n";
    let out = clean(md);
    assert!(!out.page.log().edits().iter().any(|e| e.rule == "layout.latin.word-gaps"), "{}", out.text);
    // Every line ends in a space: the page shows no pieces.
    let poem = "The woods are lovely, dark and deep, \nbut I have promises to keep, \nand miles to go before I sleep, \nand miles to go before I sleep. \n";
    let out = clean(poem);
    assert!(!out.page.log().edits().iter().any(|e| e.rule == "layout.latin.word-gaps"), "{}", out.text);
    // A sentence end before a heading line is no piece of a line.
    let raw = format!(
        "{COLUMN_HEAD}The school \nboard \nagreed \nto\nfund repairs to the old grammar school\nbefore the end \nof the year. \nSCHOOL REPAIRS DELAYED\n{COLUMN_TAIL}"
    );
    let out = clean(&raw);
    assert!(out.text.contains("\nSCHOOL REPAIRS DELAYED\n"), "{}", out.text);
    // A list item is no piece either.
    let list = "Shopping for the week: \n- bread \n- milk \n- eggs\nand the rest of it \ncomes later \nin the week.\n";
    let out = clean(list);
    assert!(out.text.contains("- bread\n") || out.text.contains("- bread \n"), "{}", out.text);
}

#[test]
fn a_heading_wrapped_over_a_byline_is_one_heading() {
    // `layout.latin.heading-wrap`: `Approved` is what the wrap left of the title.
    let out = clean(&format!("Park Land Purchase\nApproved\nFrom our Correspondent\n{PARA}"));
    assert!(
        out.text.starts_with("Park Land Purchase Approved\nFrom our Correspondent\nThe council"),
        "{}",
        out.text
    );
    assert!(out.page.log().edits().iter().any(|e| e.rule == "layout.latin.heading-wrap"), "{}", out.text);
    // A title and a subtitle, each wrapped, stay two headings.
    let out = clean(&format!(
        "Library to Open on\nSundays\nResidents Say Decision Cannot\nWait\nBy JOHN SMITH\n{PARA}"
    ));
    assert!(
        out.text
            .starts_with("Library to Open on Sundays\nResidents Say Decision Cannot Wait\nBy JOHN SMITH\n"),
        "{}",
        out.text
    );
    // Over a drop cap's letter, and across a blank line, as the clean page has them.
    let out = clean(
        "Library to Open\non Sundays\n\nT\nBy JOHN SMITH\nhe council voted on Monday to approve a new bridge over the river, at a cost of\nabout $45,000.\n",
    );
    assert!(out.text.starts_with("Library to Open on Sundays\nBy JOHN SMITH\nThe council"), "{}", out.text);
}

#[test]
fn headings_one_a_line_are_not_joined() {
    for head in [
        "Park Land Purchase Approved\nResidents Say Decision Cannot Wait\n",
        "Residents Say Decision Cannot Wait\nPark Land Purchase Approved\n",
        "COUNCIL BACKS NEW BRIDGE\nOfficials Say Decision Cannot Wait\n",
    ] {
        let out = clean(&format!("{head}By JOHN SMITH\n{PARA}"));
        assert!(out.text.starts_with(&format!("{head}By JOHN SMITH\n")), "{}", out.text);
    }
    // Text that runs on into a title-case line is no heading.
    let out =
        clean(&format!("The council met in the hall of the Harbour\nBoard Offices\nBy JOHN SMITH\n{PARA}"));
    assert!(!out.page.log().edits().iter().any(|e| e.rule == "layout.latin.heading-wrap"), "{}", out.text);
}

#[test]
fn a_short_line_between_paragraphs_is_a_subhead() {
    let raw = format!(
        "{COLUMN_HEAD}A spokesman for the harbour board agreed\nto fund the widening of Market Street.\nBudget Talks Continue\n{COLUMN_TAIL}"
    );
    let out = clean(&raw);
    assert!(out.text.contains("\nBudget Talks Continue\nWork is expected"), "{}", out.text);
    // A short line that goes on in lower case is the paragraph's.
    let raw = format!(
        "{COLUMN_HEAD}A spokesman for the harbour board agreed\nto fund the widening of Market Street.\nThe mayor agreed\nwith the board on Monday, and the state\n{COLUMN_TAIL}"
    );
    let out = clean(&raw);
    assert!(out.text.contains("The mayor agreed with the board"), "{}", out.text);
}

/// A narrow column whose sentences end in a number that the wrap put on a line of its own.
const NUMBER_TAIL_COLUMN: &str = "The mayor will consider next week\n\
the sale of the municipal gas works\n\
by a vote of seven to two. A group of\n\
shopkeepers have asked the state for\n\
repairs to the old grammar school, the\n\
third such proposal since\n\
1921.\n\
Farmers in the valley questioned the\n\
cost of a new bridge over the river,\n\
at a cost of about\n\
$45,000.\n\
The council will consider the plan\n\
again at its meeting on March\n\
3, 1925.\n";

#[test]
fn a_number_ending_a_sentence_on_a_line_of_its_own_stays_in_its_paragraph() {
    let out = clean(NUMBER_TAIL_COLUMN);
    assert!(out.text.contains("the third such proposal since 1921.\n"), "{}", out.text);
    assert!(out.text.contains("at a cost of about $45,000.\n"), "{}", out.text);
    assert!(out.text.contains("at its meeting on March 3, 1925.\n"), "{}", out.text);
    assert!(!out.text.lines().any(|l| l == "1921." || l == "$45,000." || l == "3, 1925."), "{}", out.text);
}

#[test]
fn numbers_alone_that_end_no_sentence_stay_apart() {
    // A page number under a column (no mark after it), a number after a sentence end, a
    // list item after a line that ends in a colon, and a number under a heading: no sentence
    // runs on into them.
    let col = "The mayor will consider next week\nthe sale of the municipal gas works\nby a vote of seven to two. A group of\nshopkeepers have asked the state for\nrepairs to the old grammar school, the\nthird such proposal since the war\n";
    for (tail, whole) in [("12", "12\n"), ("1921.", "1921.\n")] {
        let raw = if tail == "12" { format!("{col}{whole}") } else { format!("{col}ended.\n{whole}") };
        let out = clean(&raw);
        assert!(out.text.lines().any(|l| l == tail), "{tail}: {}", out.text);
    }
    let out = clean("The council listed its plans for the year as follows:\n1.\nA new bridge.\n");
    assert!(out.text.contains("\n1.\n"), "{}", out.text);
    let out = clean("COUNCIL REPORT\n2024.\n");
    assert!(!out.text.contains("REPORT 2024."), "{}", out.text);
}
