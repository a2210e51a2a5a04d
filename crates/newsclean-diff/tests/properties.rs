//! Property tests: whatever edits the passes made, every renderer works (no panic on any
//! char boundary or edit shape), the aligned diff shows every raw and every clean line
//! exactly once, and the HTML report shows the raw and the clean text losslessly.

use newsclean_core::{Page, TextEdit};
use newsclean_diff::report::render_html;
use newsclean_diff::{DiffMode, DiffOptions, render_diff};
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
    for (i, (s, e, rep)) in ranges.into_iter().enumerate() {
        if let Some((ls, le)) = last
            && (s < le || (s == e && s == le) || (ls == le && ls == s))
        {
            continue;
        }
        out.push(TextEdit::replace(s..e, rep, format!("prop.r{}", i % 3)));
        last = Some((s, e));
    }
    out
}

fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        rest = &rest[rest[i..].find('>').unwrap() + i + 1..];
    }
    out.push_str(rest);
    out.replace("⏎\n", "\n")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn all(s: &str, open: &str, close: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find(open) {
        let j = rest[i..].find(close).unwrap() + i;
        out.push_str(&rest[i + open.len()..j]);
        rest = &rest[j..];
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn renderers_survive_any_log(
        text in "[a-c党，<&\\n ]{0,40}",
        rounds in proptest::collection::vec(
            proptest::collection::vec((0usize..64, 0usize..64, "[x\\n。]{0,3}"), 0..6), 0..4),
    ) {
        let mut page = Page::new(text.clone());
        for picks in rounds {
            let edits = edits_for(page.text(), &picks);
            page.apply(edits).unwrap();
        }
        page.finalize().unwrap();
        for mode in [DiffMode::Unified, DiffMode::Side, DiffMode::Rules] {
            let mut out = Vec::new();
            let opts = DiffOptions { width: 20, context: 100, ..DiffOptions::default() };
            render_diff(&mut out, "p", &text, &page, mode, &opts).unwrap();
            if mode == DiffMode::Unified && !out.is_empty() {
                let s = String::from_utf8(out).unwrap();
                let body: Vec<&str> = s.lines().skip(2).filter(|l| !l.starts_with("@@")).collect();
                // With context covering the page, the ' '/'-' lines are the raw lines and
                // the ' '/'+' lines the clean lines, verbatim.
                let raw: Vec<&str> = body.iter().filter(|l| !l.starts_with('+')).map(|l| &l[1..]).collect();
                let clean: Vec<&str> = body.iter().filter(|l| !l.starts_with('-')).map(|l| &l[1..]).collect();
                prop_assert_eq!(raw, text.lines().collect::<Vec<_>>());
                prop_assert_eq!(clean, page.text().lines().collect::<Vec<_>>());
            }
        }
        let mut out = Vec::new();
        render_html(&mut out, "t", &[("p", &text, &page)]).unwrap();
        let html = String::from_utf8(out).unwrap();
        prop_assert_eq!(strip_tags(&all(&html, "<pre class=\"raw\">", "</pre>")), text.clone());
        prop_assert_eq!(strip_tags(&all(&html, "<pre class=\"clean\">", "</pre>")), page.text());
    }
}
