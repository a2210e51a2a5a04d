//! The command outputs shown in README.md and docs/cli.md are what the binary prints today
//! (issue 20, item 14): each generated block is made afresh and compared. When one is stale,
//! `cargo xtask codegen` rewrites them.

#[path = "../xtask/src/docgen.rs"]
mod docgen;

use std::path::Path;

#[test]
fn documented_outputs_are_current() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap();
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_newsclean")).parent().unwrap();
    let mut stale = Vec::new();
    let mut blocks = 0;
    for doc in docgen::DOCS {
        let md = std::fs::read_to_string(root.join(doc)).unwrap();
        blocks += md.lines().filter(|l| *l == docgen::MARKER || *l == docgen::MARKER_EXIT).count();
        let fresh = docgen::regenerate(&md, bin_dir, &root).unwrap_or_else(|e| panic!("{doc}: {e}"));
        if let Some((line, shown, now)) = docgen::first_difference(&md, &fresh) {
            stale.push(format!("{doc}:{line}: shows\n    {shown}\n  but the binary prints\n    {now}"));
        }
    }
    assert!(blocks >= 4, "the generated blocks are marked ({blocks} found)");
    assert!(
        stale.is_empty(),
        "documented output is stale; run `cargo xtask codegen` to regenerate it, then review the diff:\n{}",
        stale.join("\n")
    );
}
