//! Property tests of the log: whatever edits a pass makes, undo gives back the input.

use newsclean_core::{Page, TextEdit};
use proptest::prelude::*;

fn edits_for(text: &str, picks: &[(usize, usize, String)]) -> Vec<TextEdit> {
    let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
    let mut ranges: Vec<(usize, usize, String)> = picks
        .iter()
        .map(|(a, b, r)| {
            let (a, b) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
            (a.min(b), a.max(b), r.clone())
        })
        .collect();
    ranges.sort();
    let mut out: Vec<TextEdit> = Vec::new();
    let mut last: Option<(usize, usize)> = None;
    for (s, e, rep) in ranges {
        if let Some((ls, le)) = last
            && (s < le || (s == e && s == le) || (ls == le && ls == s))
        {
            continue;
        }
        out.push(TextEdit::replace(s..e, rep, "prop"));
        last = Some((s, e));
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn undo_restores_input(
        text in "[a-c党，\\n ]{0,40}",
        rounds in proptest::collection::vec(
            proptest::collection::vec((0usize..64, 0usize..64, "[x\\n。]{0,3}"), 0..6), 0..4),
    ) {
        let mut page = Page::new(text.clone());
        for picks in rounds {
            let edits = edits_for(page.text(), &picks);
            page.apply(edits).unwrap();
        }
        page.finalize().unwrap();
        prop_assert_eq!(page.log().undo(page.text()), text);
        let mut prev = 0;
        for b in page.blocks() {
            prop_assert!(b.range.start >= prev && b.range.end <= page.text().len());
            prev = b.range.end;
        }
    }
}
