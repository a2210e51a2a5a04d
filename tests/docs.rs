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

/// The README says how to install the binary and which Rust it needs, and that version is the
/// one Cargo.toml declares (issue 20, item 15).
#[test]
fn the_readme_says_how_to_install_and_the_true_minimum_rust() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let msrv = manifest
        .lines()
        .find_map(|l| l.strip_prefix("rust-version = "))
        .map(|v| v.trim_matches('"'))
        .expect("the workspace declares its rust-version");
    assert!(readme.contains("cargo install --locked --path crates/newsclean-cli"), "README: how to install");
    assert!(readme.contains(&format!("Rust {msrv} or newer")), "README names rust-version {msrv}");
    // let-chains (`if let ... && ...`), used throughout, are stable from Rust 1.88.
    let (major, minor) = msrv.split_once('.').unwrap();
    let minor: u32 = minor.split('.').next().unwrap().parse().unwrap();
    assert!(major == "1" && minor >= 88, "rust-version {msrv} is older than let-chains (1.88)");
    let cli = std::fs::read_to_string(root.join("crates/newsclean-cli/Cargo.toml")).unwrap();
    assert!(cli.contains("rust-version.workspace = true"), "cargo install checks the version");
}
