//! Debug helper (not committed).
use newsclean_core::{Context, Page, Pass};
fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let mut p = Page::new(text);
    for pass in newsclean_layout::passes() {
        pass.run(&mut p, &Context::default()).unwrap();
    }
    for (i, b) in p.blocks().iter().enumerate() {
        println!("{:?}\t{:?}\t{}", b.kind, b.rule, p.block_text(i).replace('\n', "⏎"));
    }
}
