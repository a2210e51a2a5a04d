//! Duplicates: a paragraph that the page holds twice is kept once.
//!
//! # What it does
//! Finds body paragraphs and captions whose text (white space aside) is the same and at
//! least [`MIN_CHARS`] characters long, and marks one copy [`BlockKind::Junk`] under rule
//! `layout.duplicate`, so that finalize removes it and the log keeps it. The copy removed
//! is the one out of place: a copy followed by a paragraph that continues a cut sentence
//! (it starts `期”的管理…`) interrupts that sentence; otherwise the later copy goes.
//!
//! # Why
//! Extraction from layered PDFs repeats text blocks; a duplicated paragraph inflates
//! corpora and misleads readers.
//!
//! # Example
//! Two copies of `会上，市领导崔加晶、胡泓恬围绕学习主题作了交流发言。` → one.
//!
//! # When it must not fire
//! Short repeated lines (`新华社`, `（完）`) and headlines, which a page may legitimately
//! repeat; paragraphs that differ by one character; copies with a title between them, which
//! stand in two articles (a file of several articles; the page gets a warning).

use std::collections::HashMap;

use newsclean_core::chars::is_hspace;
use newsclean_core::{BlockKind, Context, Page, Pass, PassError};

use crate::text::starts_as_continuation;

/// Shortest paragraph, in characters, that counts as a duplicate.
pub const MIN_CHARS: usize = 12;

/// The duplicate pass.
#[derive(Debug, Default)]
pub struct Duplicates;

/// The pass's id and rule id.
pub const RULE: &str = "layout.duplicate";

impl Pass for Duplicates {
    fn id(&self) -> &str {
        RULE
    }

    fn run(&self, page: &mut Page, _ctx: &Context) -> Result<(), PassError> {
        // A block's key is the hash and length of its text without spaces and line breaks
        // (no copy of the text: a page may be one 200 MB paragraph); blocks whose keys agree
        // are compared character by character, so a hash collision never counts as a copy.
        let mut seen: HashMap<(u64, usize), Vec<usize>> = HashMap::new();
        let mut drop = Vec::new();
        for i in 0..page.blocks().len() {
            if !matches!(page.blocks()[i].kind, BlockKind::Body | BlockKind::Caption) {
                continue;
            }
            let key = content_key(page.block_text(i));
            if key.1 < MIN_CHARS {
                continue;
            }
            let firsts = seen.entry(key).or_default();
            let earlier =
                firsts.iter().copied().find(|&f| same_content(page.block_text(f), page.block_text(i)));
            match earlier {
                None => firsts.push(i),
                Some(first) => {
                    // A title between the copies: they stand in two articles (a file of
                    // several articles, a quotation both repeat), and both are the text's own.
                    if (first + 1..i).any(|k| page.blocks()[k].kind == BlockKind::Headline) {
                        let t = page.block_text(i);
                        let head: String = t.chars().take(20).collect();
                        page.meta.warnings.push(format!(
                            "duplicates: `{head}{}` stands twice, in two articles (a title between the copies); both kept",
                            if t.chars().count() > 20 { "…" } else { "" }
                        ));
                        continue;
                    }
                    let next_continues = |k: usize| {
                        (k + 1 < page.blocks().len())
                            && page.blocks()[k + 1].kind == BlockKind::Body
                            && starts_as_continuation(page.block_text(k + 1))
                    };
                    let victim = if next_continues(first) && !next_continues(i) { first } else { i };
                    drop.push(victim);
                }
            }
        }
        for i in drop {
            page.classify(i, BlockKind::Junk, "layout.duplicate");
        }
        Ok(())
    }
}

/// The characters a copy is compared by: all but horizontal spaces and line breaks.
fn content(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().filter(|c| !is_hspace(*c) && *c != '\n')
}

/// The hash and the number of a block's [`content`] characters.
fn content_key(text: &str) -> (u64, usize) {
    use std::hash::{Hash as _, Hasher as _};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    let mut n = 0;
    for c in content(text) {
        c.hash(&mut h);
        n += 1;
    }
    (h.finish(), n)
}

/// Whether two blocks hold the same [`content`].
fn same_content(a: &str, b: &str) -> bool {
    content(a).eq(content(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(text: &str) -> Page {
        let mut p = Page::new(text);
        for i in 0..p.blocks().len() {
            p.classify(i, BlockKind::Body, "t");
        }
        p
    }

    #[test]
    fn keeps_the_copy_in_place() {
        let dup = "会上，市领导围绕学习主题作了交流发言。";
        let mut p = page(&format!("第一段。\n\n{dup}\n\n期”的管理。坚持标本兼治。\n\n最后一段。\n\n{dup}\n"));
        Duplicates.run(&mut p, &Context::default()).unwrap();
        let junk: Vec<usize> =
            (0..p.blocks().len()).filter(|&i| p.blocks()[i].kind == BlockKind::Junk).collect();
        assert_eq!(junk, [1]);
        p.finalize().unwrap();
        assert_eq!(p.text().matches(dup).count(), 1);
        assert!(p.log().edits().iter().any(|e| e.rule == "layout.duplicate"));
    }

    #[test]
    fn copies_in_two_articles_are_both_kept() {
        let dup = "会上，市领导围绕学习主题作了交流发言。";
        let mut p = page(&format!("第一篇标题\n\n{dup}\n\n第二篇标题\n\n{dup}\n"));
        p.classify(0, BlockKind::Headline, "t");
        p.classify(2, BlockKind::Headline, "t");
        Duplicates.run(&mut p, &Context::default()).unwrap();
        assert!(p.blocks().iter().all(|b| b.kind != BlockKind::Junk));
        assert!(p.meta.warnings.iter().any(|w| w.contains("two articles")), "{:?}", p.meta.warnings);
    }

    #[test]
    fn must_not_fire() {
        let mut p = page(
            "（完）\n\n（完）\n\n会上，市领导围绕学习主题作了交流发言。\n\n会上，市领导围绕学习主题作了交流发言！\n",
        );
        Duplicates.run(&mut p, &Context::default()).unwrap();
        assert!(p.blocks().iter().all(|b| b.kind == BlockKind::Body));
    }
}
