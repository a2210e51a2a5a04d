//! Test passes that make edits the way layout and rule passes do, so the renderers are
//! tested on pages with real edit logs without depending on other crates' passes.
#![allow(dead_code)]

use newsclean_core::chars::{is_cjk, is_cjk_or_punct};
use newsclean_core::{BlockKind, Context, Page, Pass, PassError, Pipeline, TextEdit};

fn apply(page: &mut Page, pass: &str, edits: Vec<TextEdit>) -> Result<(), PassError> {
    page.apply(edits).map(|_| ()).map_err(|source| PassError::Edit { pass: pass.into(), source })
}

/// Classifies short one-line blocks without any CJK sentence punctuation as furniture.
pub struct ShortLineFurniture;
impl Pass for ShortLineFurniture {
    fn id(&self) -> &str {
        "test.furniture"
    }
    fn run(&self, page: &mut Page, _: &Context) -> Result<(), PassError> {
        for i in 0..page.blocks().len() {
            let t = page.block_text(i);
            if !t.contains('\n') && t.chars().count() < 16 && !t.chars().any(|c| "。，；！？".contains(c))
            {
                page.classify(i, BlockKind::Furniture, "test.furniture");
            }
        }
        Ok(())
    }
}

/// Joins wrapped lines inside a block when both sides of the break are CJK text.
pub struct JoinCjk;
impl Pass for JoinCjk {
    fn id(&self) -> &str {
        "test.join-cjk"
    }
    fn run(&self, page: &mut Page, _: &Context) -> Result<(), PassError> {
        let mut edits = Vec::new();
        for b in page.blocks() {
            let t = &page.text()[b.range.clone()];
            for (i, _) in t.match_indices('\n') {
                let before = t[..i].chars().next_back();
                let after = t[i + 1..].chars().next();
                if before.is_some_and(is_cjk_or_punct) && after.is_some_and(is_cjk_or_punct) {
                    let at = b.range.start + i;
                    edits.push(TextEdit::delete(at..at + 1, "test.join-cjk"));
                }
            }
        }
        apply(page, self.id(), edits)
    }
}

/// Replaces an ASCII comma between CJK characters by a full-width one.
pub struct CjkComma;
impl Pass for CjkComma {
    fn id(&self) -> &str {
        "test.comma"
    }
    fn run(&self, page: &mut Page, _: &Context) -> Result<(), PassError> {
        let t = page.text();
        let edits = t
            .match_indices(',')
            .filter(|(i, _)| {
                t[..*i].chars().next_back().is_some_and(is_cjk)
                    && t[i + 1..].chars().next().is_some_and(is_cjk)
            })
            .map(|(i, _)| {
                TextEdit::replace(i..i + 1, "，", "test.comma").with_note("ASCII comma between CJK")
            })
            .collect();
        apply(page, self.id(), edits)
    }
}

/// Run the test passes over `input` and return the finalized page.
pub fn clean(input: &str) -> Page {
    let mut pl = Pipeline::new();
    pl.push(Box::new(ShortLineFurniture)).push(Box::new(CjkComma)).push(Box::new(JoinCjk));
    let mut page = Page::new(input);
    pl.run(&mut page, &Context::default()).unwrap();
    assert_eq!(page.log().undo(page.text()), input);
    page
}

/// The first `n` lines of seed page 000 (a CJK page with furniture and wrapped paragraphs).
pub fn seed_head(n: usize) -> String {
    let seed = include_str!("../../../../seeds/000_754509dbfb55a7fd.txt");
    seed.split_inclusive('\n').take(n).collect()
}
