//! Split the page into one block per line, so that later passes classify and join lines.
//!
//! # What it does
//! Replaces the blocks of [`newsclean_core::Page::new`] (runs of non-blank lines) by one
//! block per non-blank line. The text is not changed; the blank lines stay in the text
//! between blocks, where later passes read them as evidence (a column break or a paragraph
//! break).
//!
//! # Why
//! Raw pages glue unrelated lines together (a headline above the first line of a caption, a
//! byline under a headline): the unit of decision is the line, not the run of lines.
//!
//! # Example
//! `平湖版\nDAILY\n\n■记者 李雨婷` becomes three blocks: `平湖版`, `DAILY`, `■记者 李雨婷`.
//!
//! # When it must not fire
//! It never changes text; a block that later passes already classified (not
//! [`BlockKind::Unknown`]) is kept whole.

use newsclean_core::{Block, BlockKind, Context, Page, Pass, PassError};

/// The line-splitting pass.
#[derive(Debug, Default)]
pub struct SplitLines;

impl Pass for SplitLines {
    fn id(&self) -> &str {
        "layout.lines"
    }

    fn run(&self, page: &mut Page, _ctx: &Context) -> Result<(), PassError> {
        split_undecided_blocks(page);
        Ok(())
    }
}

/// Make every line of every block no pass has decided yet a block of its own (blank lines
/// stay in the text, between blocks). Decided blocks are kept whole.
pub fn split_undecided_blocks(page: &mut Page) {
    let mut blocks = Vec::new();
    for (i, b) in page.blocks().iter().enumerate() {
        if b.kind != BlockKind::Unknown {
            blocks.push(b.clone());
            continue;
        }
        for (r, line) in page.block_lines(i) {
            if !line.trim().is_empty() {
                blocks.push(Block::new(r));
            }
        }
    }
    page.set_blocks(blocks);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_block_per_line() {
        let mut p = Page::new("平湖版\nDAILY\n\n■记者 李雨婷\n");
        SplitLines.run(&mut p, &Context::default()).unwrap();
        let t: Vec<&str> = (0..p.blocks().len()).map(|i| p.block_text(i)).collect();
        assert_eq!(t, ["平湖版", "DAILY", "■记者 李雨婷"]);
        assert!(p.log().is_empty());
    }

    #[test]
    fn classified_blocks_stay_whole() {
        let mut p = Page::new("a\nb\n");
        p.classify(0, BlockKind::Body, "test");
        SplitLines.run(&mut p, &Context::default()).unwrap();
        assert_eq!(p.blocks().len(), 1);
    }
}
