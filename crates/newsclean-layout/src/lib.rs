//! Layout repair passes: they rebuild the articles of a raw page (furniture, doubled text,
//! reading order, line and column-break joining, paragraphs, block kinds, bylines,
//! duplicates).
//!
//! Each pass lives in its own module with its documentation (what it does, why, an
//! example, when it must not fire) and its tests; [`passes`] lists them in the order they
//! run. Every change goes through [`newsclean_core::Page::apply`] under a rule id
//! (`layout.furniture.date`, `layout.paragraphs.join-cjk`, `layout.doubled`, `layout.byline.names`,
//! `layout.duplicate`, …), so the edit log shows and can undo all of it.
//!
//! ```
//! use newsclean_core::{Context, Page, Pipeline};
//!
//! let mut pipeline = Pipeline::new();
//! pipeline.extend(newsclean_layout::passes());
//! let raw = "2024年5月6日 星期一\n\n■记 者 王 明\n\n本报讯 今年以来，我省持续\n推进乡村振兴，全省共建成\n示范村一百多个，带动农民\n\n增收，成效明显。\n";
//! let mut page = Page::new(raw);
//! pipeline.run(&mut page, &Context::default()).unwrap();
//! assert_eq!(page.text(), "■记者 王明\n本报讯今年以来，我省持续推进乡村振兴，全省共建成示范村一百多个，带动农民增收，成效明显。\n");
//! // Lines that show no wrapping (one paragraph per line) are left as they are.
//! let mut clean = Page::new(page.text());
//! pipeline.run(&mut clean, &Context::default()).unwrap();
//! assert_eq!(clean.text(), page.text());
//! assert_eq!(page.meta.facts["date"], "2024-05-06");
//! ```
#![deny(clippy::print_stdout, clippy::print_stderr)]

// The crate is laid out by stage, in the order a page goes through them:
// `analysis` (what every pass reads: text measures, word lists), `geometry` (columns read
// apart, lines split), `classify` (furniture, bylines, picture noise), `ocr` (OCR's misreadings:
// the dash, doubled text), `latin` (Latin-script joining), `order` (reading order,
// continuations), `assemble` (paragraphs, joining, spaces, duplicates).
pub mod analysis;
pub mod assemble;
pub mod classify;
pub mod geometry;
/// The Latin pass, a crate of its own for the licence of its word list: `newsclean-latin`.
pub use newsclean_latin as latin;
pub mod ocr;
pub mod order;
pub mod registry;

pub use analysis::{text, words};
pub use assemble::{duplicates, join, paragraphs, spaces};
pub use classify::{byline, furniture, junk};
pub use geometry::{columns, fused, lines};
pub use ocr::{dash, doubled};
pub use order::{continuation, latin_interleave, reading_order};

use newsclean_core::Pass;

/// The layout passes, in the order they run: the passes of every [`Stage`].
///
/// Why this order:
/// 0. [`columns::Columns`] before everything: side-by-side columns (`pdftotext -layout`)
///    become one column after another, so every later pass reads one column's lines in a row;
///    [`fused::FusedColumns`] right after it does the same for columns that pdftotext's default
///    mode fused into one line and interleaved.
/// 1. [`lines::SplitLines`] next: every later pass decides line by line, and the blank
///    lines left between line blocks are the evidence of column and paragraph breaks.
/// 2. [`furniture::Furniture`] before anything reads the text as articles: a date line or a
///    jump line inside a paragraph would otherwise be joined into it. Right after it,
///    [`junk::PictureJunk`]: OCR's picture noise is decided on lines standing alone between
///    blank lines, before anything joins them.
/// 3. [`byline::Bylines`] next: bylines bound articles, and the title zones of the
///    paragraph pass are found by looking back from them. Then [`dash::OcrDash`]: bylines
///    are its evidence of a subtitle, and the paragraph pass needs the subtitle's —— to
///    see it.
/// 4. [`doubled::DoubledText`] before paragraphs: a doubled title is not title-like until it
///    is written once (its text would look twice as long).
/// 5. [`reading_order::ReadingOrder`] before paragraphs: it reads apart two columns
///    interleaved in runs of a few lines ([`order::interleave`]) and moves a printed line,
///    which must still be a line of its own (or a space-separated segment of one) to be moved;
///    and it needs furniture out of the way (a date line between two runs is not text).
/// 6. [`paragraphs::Paragraphs`] decides titles, captions and body paragraphs and joins
///    wrapped lines; it needs furniture and bylines classified.
///    [`continuation::Continuations`] right after it: it moves whole paragraphs (a run that
///    extraction put out of reading order goes back to the paragraph it continues), which
///    exist only now.
/// 7. [`doubled::DoubledTitles`] right after: a fake-bold copy printed on lines of its own
///    shows as doubled only once the title's lines are joined.
/// 8. [`spaces::CjkSpaces`] after paragraphs: whether a space inside CJK text is a wrap
///    artefact depends on the block's kind (body, not a title's element separator).
/// 9. [`duplicates::Duplicates`] last: it compares whole paragraphs, which exist only now.
pub fn passes() -> Vec<Box<dyn Pass>> {
    Stage::ALL.iter().flat_map(|s| s.passes()).collect()
}

/// The layout passes of every stage up to and including `last`, in order: what a tool that
/// needs the page read apart and classified, but not joined, runs (`newsclean learn` runs
/// `passes_through(Stage::Classify)`).
pub fn passes_through(last: Stage) -> Vec<Box<dyn Pass>> {
    Stage::ALL.iter().filter(|s| **s <= last).flat_map(|s| s.passes()).collect()
}

/// The stages of the layout pipeline, in the order they run; each is a run of passes of
/// [`passes`], and the one place that order is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    /// The page read apart: columns side by side and fused columns, one block a line
    /// ([`columns`], [`fused`], [`lines`]).
    Geometry,
    /// Lines classified before anything joins them: furniture, picture noise, bylines
    /// ([`furniture`], [`junk`], [`byline`]). The facade runs the rule files' furniture
    /// rules right after [`furniture::Furniture`].
    Classify,
    /// OCR's misreadings repaired: the dash read as 一一, text doubled by bold type ([`dash`],
    /// [`doubled::DoubledText`]).
    Ocr,
    /// Lines joined into blocks: Latin paragraphs, lines put back in reading order, CJK
    /// titles, captions and paragraphs ([`latin`], [`reading_order`], [`paragraphs`]).
    Join,
    /// Whole blocks set right: continuations moved, doubled titles, spaces inside CJK text,
    /// duplicates ([`continuation`], [`doubled::DoubledTitles`], [`spaces`], [`duplicates`]).
    Blocks,
}

impl Stage {
    /// Every stage, in the order they run.
    pub const ALL: [Stage; 5] = [Stage::Geometry, Stage::Classify, Stage::Ocr, Stage::Join, Stage::Blocks];

    /// The stage's name, lower case.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Geometry => "geometry",
            Stage::Classify => "classify",
            Stage::Ocr => "ocr",
            Stage::Join => "join",
            Stage::Blocks => "blocks",
        }
    }

    /// The stage's passes, in the order they run (see [`passes`] for why this order).
    pub fn passes(self) -> Vec<Box<dyn Pass>> {
        match self {
            Stage::Geometry => {
                vec![Box::new(columns::Columns), Box::new(fused::FusedColumns), Box::new(lines::SplitLines)]
            }
            Stage::Classify => {
                vec![Box::new(furniture::Furniture), Box::new(junk::PictureJunk), Box::new(byline::Bylines)]
            }
            Stage::Ocr => vec![Box::new(dash::OcrDash), Box::new(doubled::DoubledText)],
            // Latin blocks are joined first, so the generic paragraph joining finds them done.
            // Latin columns interleaved line by line are read apart while lines are lines.
            Stage::Join => vec![
                Box::new(latin_interleave::LatinInterleave),
                Box::new(latin::JoinLatin),
                Box::new(reading_order::ReadingOrder),
                Box::new(paragraphs::Paragraphs),
            ],
            Stage::Blocks => vec![
                Box::new(continuation::Continuations),
                Box::new(doubled::DoubledTitles),
                Box::new(spaces::CjkSpaces),
                Box::new(duplicates::Duplicates),
            ],
        }
    }
}

/// Every line of the repository's seed pages, for tests that check a cheap precheck against
/// the regex it guards.
#[cfg(test)]
pub(crate) fn seed_lines() -> Vec<String> {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    std::fs::read_dir(seeds)
        .unwrap()
        .flat_map(|e| {
            std::fs::read_to_string(e.unwrap().path()).unwrap().lines().map(String::from).collect::<Vec<_>>()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_in_order_make_the_pipeline() {
        let ids: Vec<String> = passes().iter().map(|p| p.id().to_string()).collect();
        assert_eq!(
            ids,
            [
                "layout.columns",
                "layout.fused-columns",
                "layout.lines",
                "layout.furniture",
                "layout.junk",
                "layout.byline",
                "layout.ocr-dash",
                "layout.doubled",
                "layout.latin-interleaved",
                "layout.latin",
                "layout.reading-order",
                "layout.paragraphs",
                "layout.continuation",
                "layout.doubled-titles",
                "layout.spaces",
                "layout.duplicate",
            ]
        );
        let through: Vec<String> =
            passes_through(Stage::Classify).iter().map(|p| p.id().to_string()).collect();
        assert_eq!(through, ids[..6]);
        assert_eq!(passes_through(Stage::Blocks).len(), ids.len());
    }
}
