//! Layout repair passes: they rebuild the articles of a raw page (furniture, doubled text,
//! line and column-break joining, paragraphs, block kinds, bylines, duplicates).
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod latin;

use newsclean_core::Pass;

/// The layout passes, in the order they run.
pub fn passes() -> Vec<Box<dyn Pass>> {
    vec![
        // Latin blocks first: joined here, so the generic line joining finds them done.
        Box::new(latin::JoinLatin),
    ]
}
