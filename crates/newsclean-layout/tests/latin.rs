//! The Latin pass (`newsclean-latin`, re-exported as `newsclean_layout::latin`) inside the
//! layout pipeline: what it must and must not do once the passes before it have run.

use newsclean_core::{BlockKind, Context, Page, Pass, Pipeline, Script};
use newsclean_layout::latin::{DROP_CAP, JoinLatin};

#[test]
fn in_the_layout_pipeline() {
    // The whole layout pass list: lines split first, then this pass regroups and joins them.
    let raw = "LAND SALE.\n  The sale of Crown Lnnd at the Court-house\nwas well at-\ntended, and the agents did not dis\nclose the prices.\n\nThe next sale is to-day.\n";
    let mut pl = Pipeline::new();
    pl.extend(newsclean_layout::passes());
    let mut page = Page::new(raw);
    pl.run(&mut page, &Context::default()).unwrap();
    assert_eq!(
        page.render(),
        "LAND SALE.\nThe sale of Crown Lnnd at the Court-house was well attended, and the agents did not disclose the prices.\nThe next sale is to-day.\n"
    );
    assert_eq!(page.log().undo(page.text()), raw);
    assert_eq!(page.meta.script, Script::Latin);
    let kinds: Vec<BlockKind> = page.blocks().iter().map(|b| b.kind).collect();
    assert_eq!(kinds, [BlockKind::Headline, BlockKind::Body, BlockKind::Body]);
}

#[test]
fn drop_caps_rejoined_only_where_the_page_shows_them() {
    let clean = |t: &str| {
        let mut p = Page::new(t);
        newsclean_layout::lines::SplitLines.run(&mut p, &Context::default()).unwrap();
        JoinLatin.run(&mut p, &Context::default()).unwrap();
        p
    };
    let p = clean("T\nhe council met on Monday and voted to approve the new bridge over the river.\n");
    assert!(p.text().trim_start().starts_with("The council met"), "{}", p.text());
    assert!(
        p.log()
            .edits()
            .iter()
            .any(|e| e.rule == DROP_CAP && e.note.as_deref().is_some_and(|n| n.contains("one-letter line")))
    );
    let p = clean("O nce again the council met on Monday and voted to approve the new bridge.\n");
    assert!(p.text().trim_start().starts_with("Once again"), "{}", p.text());
    for keep in [
        "A\nnew day dawned over the harbour as the council met on Monday to vote.\n",
        "I went to the council meeting on Monday and voted to approve the bridge.\n",
        "A new day dawned over the harbour as the council met on Monday to vote.\n",
        "B\nRiverton council met on Monday and voted to approve the new bridge.\n",
    ] {
        let p = clean(keep);
        assert!(!p.log().edits().iter().any(|e| e.rule == DROP_CAP), "{keep:?}: {}", p.text());
    }
}

/// The layout passes over `raw`, checked lossless and idempotent.
fn layout(raw: &str) -> Page {
    let run = |t: &str| {
        let mut pl = Pipeline::new();
        pl.extend(newsclean_layout::passes());
        let mut page = Page::new(t);
        pl.run(&mut page, &Context::default()).unwrap();
        page
    };
    let page = run(raw);
    assert_eq!(page.log().undo(page.text()), raw, "lossless");
    let again = run(&page.render());
    assert_eq!(again.render(), page.render(), "idempotent");
    page
}

/// The kind of the block whose text is `line`.
fn kind_of(page: &Page, line: &str) -> Option<BlockKind> {
    (0..page.blocks().len()).find(|&i| page.block_text(i).trim() == line).map(|i| page.blocks()[i].kind)
}

const BODY: &str = "olice officers expressed concern about the sale of\nthe municipal gas works. Members of the school\ncommittee voted on Monday to approve repairs\nto the old grammar school by a vote of seven to two.\n";

#[test]
fn latin_bylines_are_byline_blocks_never_joined() {
    for (byline, lines) in [
        ("By JOHN SMITH\n", vec!["By JOHN SMITH"]),
        ("By Mary Keane\nStaff Writer\n", vec!["By Mary Keane", "Staff Writer"]),
        ("From our Correspondent\n", vec!["From our Correspondent"]),
        ("di Marco Rossi\n", vec!["di Marco Rossi"]),
        ("par Jeanne Martin\n", vec!["par Jeanne Martin"]),
        ("By JOHN SMITH / Staff Writer\n", vec!["By JOHN SMITH / Staff Writer"]),
        ("By Mary Ashcroft, Staff Reporter\n", vec!["By Mary Ashcroft, Staff Reporter"]),
    ] {
        let raw = format!("COUNCIL BACKS NEW BRIDGE\n{byline}P\n{BODY}");
        let page = layout(&raw);
        for line in &lines {
            assert_eq!(kind_of(&page, line), Some(BlockKind::Byline), "{line}: {}", page.text());
        }
        assert!(page.text().contains("\nPolice officers expressed"), "{}", page.text());
        assert!(page.log().edits().iter().all(|e| !e.before.contains(lines[0])), "{}", page.text());
    }
    // A title-case line over a byline is the article's heading.
    let page = layout(&format!("Engineers Say Decision Cannot Wait\nFrom our Correspondent\nP\n{BODY}"));
    assert_eq!(
        kind_of(&page, "Engineers Say Decision Cannot Wait"),
        Some(BlockKind::Headline),
        "{}",
        page.text()
    );
    // A dateline opens the paragraph: it is text, no byline.
    let page = layout(
        "By JOHN SMITH\nLONDON, March 3 — The council voted on Monday to\napprove a new bridge over the river, at a cost of\nabout $45,000, the engineer said on Friday.\n",
    );
    assert!(
        page.text().contains("LONDON, March 3 — The council voted on Monday to approve"),
        "{}",
        page.text()
    );
}

#[test]
fn a_byline_between_running_lines_of_clean_text_stays_apart() {
    let page = layout(
        "Il consiglio ha approvato\ndi Marco Rossi\nla relazione sulla nuova strada che porta alla stazione.\n",
    );
    assert!(page.text().lines().any(|l| l.trim() == "di Marco Rossi"), "{}", page.text());
}

#[test]
fn running_text_that_looks_like_a_byline_is_joined_as_text() {
    for raw in [
        "The council met on Monday night, and the\nmayor said the plan was sound and would go ahead.\nBy the way, the council said it had no money\nleft for the bridge over the river this year.\n",
        "Il consiglio comunale ha approvato la relazione\ndi Marco Rossi\nsulla nuova strada che porta alla stazione.\n",
        "Il consiglio ha approvato\ndi Marco Rossi\nla relazione sulla nuova strada che porta alla stazione.\n",
        "The council had met on Monday and by late\nFriday it had voted to build the bridge, and\nBy Monday\nthe work on the bridge over the river had begun.\n",
        "The figures were published in the annual report\nand the council said so. See also page 5 of the\nreport for the tables on the harbour wall and more.\n",
    ] {
        // On a raw page (here a heading and a blank line over the text): on clean text, a
        // byline-shaped line between two running lines stays apart (a byline that blank lines
        // kept apart the first time stands so on the clean page).
        let raw = format!("NUOVA STRADA\n\n{raw}");
        let page = layout(&raw);
        assert!(page.blocks().iter().all(|b| b.kind != BlockKind::Byline), "{raw:?}: {}", page.text());
        for alone in ["di Marco Rossi", "By Monday"] {
            assert!(!page.text().lines().any(|l| l.trim() == alone), "{raw:?}: {}", page.text());
        }
    }
}

#[test]
fn drop_caps_at_the_page_top_and_past_an_article_head() {
    // PyMuPDF prints the page's floated drop caps first; each goes to the rest that stands
    // under a byline, in order.
    let raw = "T\nF\nThe Eastwick Ledger\nRAILWAY PLANS A SECOND LINE\nBy HELEN FENWICK\nhe new railway company said they would\noppose the sale of the municipal gas works.\nPark Land Purchase Approved\nBy EDWARD FENWICK\narmers in the valley questioned the cost of\nlonger opening hours at the public library.\n";
    let page = layout(raw);
    assert!(page.text().contains("\nThe new railway company said"), "{}", page.text());
    assert!(page.text().contains("\nFarmers in the valley"), "{}", page.text());
    // The letter before the heading, the byline and a caption closed by its credit.
    let raw = "R\nCOUNCIL BACKS\nNEW BRIDGE\nBy Grace Dunmore, Staff Reporter\nCrowds at the opening of the new\nlibrary wing.\nPhoto: Helen Pritchard\nesidents of the east ward\nagreed after a long debate to\nfund a tax on motor vehicles.\n";
    let page = layout(raw);
    assert!(page.text().contains("\nResidents of the east ward agreed"), "{}", page.text());
    assert!(page.text().contains("Crowds at the opening of the new library wing."), "{}", page.text());
    // A letter at the page's edge that the furniture pass took for a band label, over a
    // masthead.
    let raw = "F\nTHE HARLAN GAZETTE\n10/25/2024\nHarbour Board Asks for Survey\nBy GRACE KEANE\narmers in the valley questioned the cost of a\nnew bridge over the river, the engineer said on\nFriday, and the council voted to approve it.\n";
    let page = layout(raw);
    assert!(page.text().contains("Farmers in the valley questioned"), "{}", page.text());
    // The page's own words decide where the word list has none (French).
    let raw = "S\nFÊTE DU LAC : UN SUCCÈS\npar Claire Dubois\nelon la préfecture, plus de 3 000 personnes\nont assisté à la fête. Le maire a dit que selon les\nservices techniques le budget reste serré.\n";
    let page = layout(raw);
    assert!(page.text().contains("\nSelon la préfecture"), "{}", page.text());
}

#[test]
fn one_letter_words_and_far_letters_stay() {
    for raw in [
        // Real one-letter words set one a line in justified type.
        "the third such proposal since 1921.\nA \nspokesman \nfor \nthe \nharbour \nboard\nquestioned the cost of a tax on motor vehicles.\n",
        "I\nwent to the council meeting on Monday and\nvoted to approve the bridge over the river.\n",
        // A poem's short capitalised lines.
        "O\nCaptain! my Captain!\nI\nAm here.\n",
        // A letter with a paragraph of text between it and a lower-case line.
        "T\nThe county engineer said they would oppose a\nnew bridge over the river, the third proposal.\nBy Mary Keane\nhe chairman of the water board said so.\n",
        // List items and Roman numerals.
        "A.\nthe council met.\nB.\nthe mayor spoke.\n",
        "II\nthe council met on Monday night.\n",
    ] {
        let page = layout(raw);
        assert!(page.log().edits().iter().all(|e| e.rule != DROP_CAP), "{raw:?}: {}", page.text());
    }
}
