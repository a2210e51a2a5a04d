//! End-to-end tests of the folder survey (issue #18 item 2, "the folder is evidence"): the
//! lines that repeat near the top or bottom of a folder's pages are furniture evidence for
//! every page of that folder (each subfolder on its own); `--no-survey` turns it off.

mod common;

use std::fs;
use std::path::Path;

use common::*;

/// Hard-wrapped article text, different on every page.
fn body(n: usize) -> String {
    let pool: Vec<char> = "春夏秋冬东南西北上下左右前后天地人和山水日月风云江河湖海".chars().collect();
    let mut out = String::new();
    for k in 0..16 {
        let line: String = (0..14)
            .map(|j| {
                let x = ((n * 1000 + k * 50 + j) as u64).wrapping_mul(2_654_435_761) >> 7;
                pool[(x % pool.len() as u64) as usize]
            })
            .collect();
        out.push_str(&line);
        out.push_str(if k % 4 == 3 { "。\n" } else { "\n" });
    }
    out
}

/// A page of the paper 桐屿晚报: its name alone at the top, a footer whose issue number varies.
fn page(n: usize) -> String {
    format!("桐屿晚报\n\n{}\n{}\n桐屿晚报社出品 第{}期\n", body(n), body(n + 50), 300 + n)
}

fn write_pages(dir: &Path, pages: impl IntoIterator<Item = (String, String)>) {
    fs::create_dir_all(dir).unwrap();
    for (name, text) in pages {
        fs::write(dir.join(name), text).unwrap();
    }
}

/// A folder `in/a` of five pages of the paper, and `in/b` with two of its pages and three
/// pages without its furniture.
fn tree(root: &Path) {
    write_pages(&root.join("in/a"), (0..5).map(|n| (format!("p{n}.txt"), page(n))));
    write_pages(
        &root.join("in/b"),
        (10..12)
            .map(|n| (format!("p{n}.txt"), page(n)))
            .chain((20..23).map(|n| (format!("q{n}.txt"), format!("{}\n{}", body(n), body(n + 50))))),
    );
}

fn read(p: &Path) -> String {
    fs::read_to_string(p).unwrap()
}

#[test]
fn a_repeated_footer_is_removed_with_the_survey_and_kept_without() {
    let tmp = tempfile::tempdir().unwrap();
    tree(tmp.path());
    let o = run(tmp.path(), &["clean", "in", "--out-dir", "out", "--removed", "removed.jsonl"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("10 files, 10 changed, 0 failed, 0 skipped in ")
            && stderr(&o).contains("; survey: 2 repeated line(s) in 1 of 2 folder(s)\n"),
        "{}",
        stderr(&o)
    );
    for n in 0..5 {
        let clean = read(&tmp.path().join(format!("out/a/p{n}.txt")));
        assert!(!clean.contains("桐屿晚报"), "p{n}: {clean}");
        assert!(clean.contains("。"), "the article stays: {clean}");
    }
    // In b the paper's lines stand on two pages of five: no evidence there.
    let b = read(&tmp.path().join("out/b/p10.txt"));
    assert!(b.starts_with("桐屿晚报\n") && b.contains("桐屿晚报社出品"), "{b}");
    // Every removal is logged with its rule and evidence.
    let removed = read(&tmp.path().join("removed.jsonl"));
    let repeated: Vec<&str> = removed.lines().filter(|l| l.contains("layout.furniture.repeated")).collect();
    assert_eq!(repeated.len(), 10, "{removed}");
    assert!(repeated.iter().all(|l| l.contains("repeats on 5 of 5 pages of this folder")), "{removed}");

    let o = run(tmp.path(), &["clean", "in", "--out-dir", "plain", "--no-survey"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(!stderr(&o).contains("survey:"), "{}", stderr(&o));
    let plain = read(&tmp.path().join("plain/a/p0.txt"));
    assert!(plain.starts_with("桐屿晚报\n") && plain.contains("桐屿晚报社出品"), "{plain}");
    // A page cleaned alone: its own evidence only, as before.
    let o = run(tmp.path(), &["clean", "in/a/p0.txt"]);
    assert_eq!(stdout(&o), plain);
}

#[test]
fn the_same_output_whatever_the_jobs_and_idempotent() {
    let tmp = tempfile::tempdir().unwrap();
    tree(tmp.path());
    let one = run(tmp.path(), &["clean", "in", "--out-dir", "j1", "-j1"]);
    let two = run(tmp.path(), &["clean", "in", "--out-dir", "j2", "-j2"]);
    assert_eq!(code(&one), 0, "{}", stderr(&one));
    assert_eq!(code(&two), 0, "{}", stderr(&two));
    let files = walk_files(&tmp.path().join("j1"));
    assert_eq!(files.len(), 10);
    for f in &files {
        let rel = f.strip_prefix(tmp.path().join("j1")).unwrap();
        assert_eq!(read(f), read(&tmp.path().join("j2").join(rel)), "{}", rel.display());
    }
    // Cleaning the clean folder again changes nothing.
    let o = run(tmp.path(), &["clean", "j1", "--check"]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    // --check and --diff see the survey too.
    let o = run(tmp.path(), &["clean", "in", "--check"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let o = run(tmp.path(), &["clean", "in/a", "--diff", "--color", "never"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let diff = stdout(&o);
    assert!(diff.contains("layout.furniture.repeated"), "{diff}");
    assert!(diff.lines().any(|l| l == "-桐屿晚报社出品 第302期"), "{diff}");
    // By rule, each removal with its evidence.
    let o = run(tmp.path(), &["clean", "in/a", "--diff=rules"]);
    let rules = stdout(&o);
    assert!(
        rules.contains("    - 桐屿晚报社出品 第302期  [layout.furniture.repeated: repeated: repeats on 5 of 5 pages of this folder"),
        "{rules}"
    );
}

#[test]
fn in_place_surveys_before_it_writes() {
    let tmp = tempfile::tempdir().unwrap();
    tree(tmp.path());
    let o = run(tmp.path(), &["clean", "in", "--in-place", "-j2"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    // The pages written first did not take the evidence away from the pages after them.
    for n in 0..5 {
        let clean = read(&tmp.path().join(format!("in/a/p{n}.txt")));
        assert!(!clean.contains("桐屿晚报"), "p{n}: {clean}");
    }
}

#[test]
fn jsonl_records_are_surveyed_by_chunk() {
    let tmp = tempfile::tempdir().unwrap();
    let mut lines = String::new();
    for n in 0..5 {
        lines.push_str(&serde_json::json!({ "id": n, "text": page(n) }).to_string());
        lines.push('\n');
    }
    let o = run_stdin(tmp.path(), &["clean", "--jsonl", "-"], lines.as_bytes());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(!stdout(&o).contains("桐屿晚报"), "{}", stdout(&o));
    assert!(stderr(&o).contains("5 records, 5 changed, 0 bad passed through unchanged; survey: 2 repeated line(s) in 1 of 1 chunk(s)"), "{}", stderr(&o));
    let o = run_stdin(tmp.path(), &["clean", "--jsonl", "-", "--no-survey"], lines.as_bytes());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(stdout(&o).matches("桐屿晚报").count(), 10, "{}", stdout(&o));
}
