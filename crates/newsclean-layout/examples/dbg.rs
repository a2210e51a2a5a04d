//! Debug helper (not committed).
use newsclean_core::{Context, Page, Pipeline};
fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let twice = std::env::args().nth(2).is_some();
    let mut pl = Pipeline::new();
    pl.extend(newsclean_layout::passes());
    let mut p = Page::new(text);
    pl.run(&mut p, &Context::default()).unwrap();
    if twice {
        let mut q = Page::new(p.text());
        pl.run(&mut q, &Context::default()).unwrap();
        p = q;
    }
    for e in p.log().edits() {
        eprintln!("{} {:?} -> {:?}", e.rule, e.before, e.after);
    }
    for (i, b) in p.blocks().iter().enumerate() {
        println!("{:?}\t{:?}\t{}", b.kind, b.rule, p.block_text(i));
    }
}
