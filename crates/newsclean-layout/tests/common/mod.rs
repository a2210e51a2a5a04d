//! What the layout crate's integration tests share: the layout passes run over a page.

use newsclean_core::{Context, Page, Pipeline};

/// Run the layout passes over `text`, checking that the edit log gives the input back.
pub fn clean(text: &str) -> Page {
    let mut pl = Pipeline::new();
    pl.extend(newsclean_layout::passes());
    let mut page = Page::new(text);
    pl.run(&mut page, &Context::default()).expect("passes run");
    assert_eq!(page.log().undo(page.text()), text, "lossless");
    page
}
