//! Layout repair passes: they rebuild the articles of a raw page (furniture, doubled text,
//! line and column-break joining, paragraphs, block kinds, bylines, duplicates).
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod byline;
pub mod doubled;
pub mod duplicates;
pub mod furniture;
pub mod join;
pub mod latin;
pub mod lines;
pub mod paragraphs;
pub mod spaces;
pub mod text;

use newsclean_core::Pass;

/// The layout passes, in the order they run.
pub fn passes() -> Vec<Box<dyn Pass>> {
    vec![
        Box::new(lines::SplitLines),
        Box::new(furniture::Furniture),
        Box::new(byline::Bylines),
        Box::new(doubled::DoubledText),
        // Latin blocks are joined here, so the generic paragraph joining finds them done.
        Box::new(latin::JoinLatin),
        Box::new(paragraphs::Paragraphs),
        Box::new(spaces::CjkSpaces),
        Box::new(duplicates::Duplicates),
    ]
}
