//! Golden and invariant tests over the seed pages: the layout passes' output of every page
//! in `seeds/` is pinned in `tests/golden/NAME.txt` (a change shows as a diff in review;
//! `UPDATE_GOLDEN=1 cargo test -p newsclean-layout --test seeds` rewrites them), cleaning
//! is lossless, and cleaning clean output changes nothing.

use std::path::{Path, PathBuf};

mod common;

use common::clean;

fn seeds() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("seeds folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    v.sort();
    assert!(v.len() >= 5, "expected the five seed pages in {}", dir.display());
    v
}

#[test]
fn golden_outputs() {
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut stale = Vec::new();
    for seed in seeds() {
        let raw = std::fs::read_to_string(&seed).expect("seed is UTF-8");
        let out = clean(&raw).render();
        let path = golden.join(seed.file_name().expect("name"));
        if update {
            std::fs::write(&path, &out).expect("write golden");
            continue;
        }
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        if want != out {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "output differs from the golden files (review, then UPDATE_GOLDEN=1): {stale:?}"
    );
}

#[test]
fn lossless_and_idempotent() {
    for seed in seeds() {
        let raw = std::fs::read_to_string(&seed).expect("seed is UTF-8");
        let page = clean(&raw);
        assert_eq!(page.log().undo(page.text()), raw, "{}: undo gives back the input", seed.display());
        let again = clean(page.text());
        if let Some((a, b)) = again.text().lines().zip(page.text().lines()).find(|(a, b)| a != b) {
            let at = a.char_indices().zip(b.chars()).find(|((_, x), y)| x != y).map_or(0, |((i, _), _)| i);
            let from = a[..at].char_indices().rev().nth(20).map_or(0, |(i, _)| i);
            let (a, b) = (&a[from..], &b[from.min(b.len())..]);
            let cut = |s: &str| s.chars().take(60).collect::<String>();
            panic!(
                "{}: cleaning clean output changed it:\n  once:  {}\n  twice: {}",
                seed.display(),
                cut(b),
                cut(a)
            );
        }
        assert_eq!(again.text(), page.text(), "{}: cleaning clean output changed it", seed.display());
        assert!(again.log().edits().iter().all(|e| e.rule.starts_with("page.")), "{}", seed.display());
    }
}

/// The reading-order pass moves the one stray line of seed 002 that words on both sides
/// place (`长三角一体` · `化发展首位战略等具有平湖辨` · `识度的元素`), and nothing on the
/// other seeds, whose columns are in order.
#[test]
fn reading_order_moves_only_the_clear_stray_line() {
    for seed in seeds() {
        let raw = std::fs::read_to_string(&seed).expect("seed is UTF-8");
        let page = clean(&raw);
        let moved: Vec<&str> = page
            .log()
            .edits()
            .iter()
            .filter(|e| e.rule == "layout.reading-order" && !e.before.is_empty())
            .map(|e| e.before.trim())
            .collect();
        let name = seed.file_name().expect("name").to_string_lossy().into_owned();
        if name.starts_with("002_") {
            assert_eq!(moved, ["化发展首位战略等具有平湖辨"], "{name}");
            assert!(page.text().contains("全面融入长三角一体化发展首位战略等具有平湖辨识度的元素"), "{name}");
        } else {
            assert!(moved.is_empty(), "{name}: {moved:?}");
        }
    }
}

/// The continuation pass moves no paragraph on the seeds: their paragraphs are in reading
/// order, and none that cannot open a paragraph meets one that ends in mid-word.
#[test]
fn continuation_moves_nothing_on_the_seeds() {
    for seed in seeds() {
        let raw = std::fs::read_to_string(&seed).expect("seed is UTF-8");
        let page = clean(&raw);
        let moved = page.log().edits().iter().filter(|e| e.rule == "layout.continuation").count();
        assert_eq!(moved, 0, "{}", seed.display());
    }
}
