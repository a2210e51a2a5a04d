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
//! repeat; paragraphs that differ by one character.

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
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut drop = Vec::new();
        for i in 0..page.blocks().len() {
            if !matches!(page.blocks()[i].kind, BlockKind::Body | BlockKind::Caption) {
                continue;
            }
            let key: String = page.block_text(i).chars().filter(|c| !is_hspace(*c) && *c != '\n').collect();
            if key.chars().count() < MIN_CHARS {
                continue;
            }
            match seen.get(&key) {
                None => {
                    seen.insert(key, i);
                }
                Some(&first) => {
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
    fn must_not_fire() {
        let mut p = page(
            "（完）\n\n（完）\n\n会上，市领导围绕学习主题作了交流发言。\n\n会上，市领导围绕学习主题作了交流发言！\n",
        );
        Duplicates.run(&mut p, &Context::default()).unwrap();
        assert!(p.blocks().iter().all(|b| b.kind == BlockKind::Body));
    }
}
