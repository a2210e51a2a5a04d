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
