//! End-to-end tests of `newsclean review` and `newsclean explain` on the seed pages, and
//! snapshots of the terminal diffs the real pipeline gives on them (re-accepted with
//! `cargo insta` when the passes change).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use newsclean_diff::{DiffMode, DiffOptions, render_diff};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn newsclean(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsclean")).current_dir(root()).args(args).output().unwrap()
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("newsclean-review-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn seeds() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(root().join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    v.sort();
    v
}

#[test]
fn review_writes_one_self_contained_report_for_the_seeds() {
    let d = scratch("single");
    let report = d.join("r.html");
    let o = newsclean(&["review", "seeds", "--report", report.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = std::fs::read_to_string(&report).unwrap();
    assert_eq!(html.matches("<template id=\"t").count(), 5);
    for name in seeds() {
        assert!(html.contains(&format!(">seeds/{name}</a>")), "{name} missing from the index");
    }
    assert!(!d.join("r.pages").exists());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("5 files"), "{err}");
}

#[test]
fn review_split_writes_an_index_and_one_file_per_page() {
    let d = scratch("split");
    let report = d.join("r.html");
    let o = newsclean(&["review", "seeds", "--report", report.to_str().unwrap(), "--split", "always"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let index = std::fs::read_to_string(&report).unwrap();
    assert!(!index.contains("<template"));
    for i in 1..=5 {
        let page = d.join(format!("r.pages/{i:05}.html"));
        let html = std::fs::read_to_string(&page).unwrap();
        assert!(html.contains("<a href=\"../r.html\">↑ index</a>"));
        assert!(index.contains(&format!("href=\"r.pages/{i:05}.html\"")));
    }
    assert!(!d.join("r.pages/00006.html").exists());
}

#[test]
fn review_json_lines_one_summary_per_file() {
    let o = newsclean(&["review", "seeds", "--format", "json"]);
    assert!(o.status.success());
    let out = String::from_utf8(o.stdout).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5);
    for (line, name) in lines.iter().zip(seeds()) {
        let head = format!("{{\"schema\":\"newsclean-review/1\",\"file\":\"seeds/{name}\",");
        assert!(line.starts_with(&head), "{line}");
    }
}

#[test]
fn review_of_a_missing_path_is_an_error() {
    let o = newsclean(&["review", "no-such-folder", "--report", "/dev/null"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no-such-folder: no such file or folder"));
    let o = newsclean(&["review", "seeds"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--report"));
}

#[test]
fn explain_lists_every_edit_of_the_log() {
    let seed = format!("seeds/{}", seeds()[0]);
    let o = newsclean(&["explain", &seed, "--color", "never"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout).unwrap();
    let first = out.lines().next().unwrap();
    let n: usize = first.split(": ").nth(1).unwrap().split(' ').next().unwrap().parse().unwrap();
    assert_eq!(out.lines().filter(|l| l.starts_with('#')).count(), n);
    // The same page cleaned by the library has as many edits.
    let bytes = std::fs::read(root().join(&seed)).unwrap();
    let cleaned = newsclean::Cleaner::new(newsclean::DEFAULT_PROFILE).unwrap().clean(&bytes).unwrap();
    assert_eq!(cleaned.page.log().edits().len(), n);
    assert!(!out.contains('\x1b'));

    let o = newsclean(&["explain", &seed, "--format", "json"]);
    let json = String::from_utf8(o.stdout).unwrap();
    assert!(json.contains("\"schema\": \"newsclean-explain/1\""));
    assert_eq!(json.matches("\"rule\":").count(), n);
}

fn seed_diff(name: &str, mode: DiffMode) -> String {
    let bytes = std::fs::read(root().join("seeds").join(name)).unwrap();
    let cleaned = newsclean::Cleaner::new(newsclean::DEFAULT_PROFILE).unwrap().clean(&bytes).unwrap();
    let mut out = Vec::new();
    let opts = DiffOptions { width: 100, ..DiffOptions::default() };
    render_diff(&mut out, name, &cleaned.input, &cleaned.page, mode, &opts).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn seed_rules_summaries() {
    let all: String = seeds().iter().map(|n| seed_diff(n, DiffMode::Rules)).collect();
    insta::assert_snapshot!(all);
}

#[test]
fn seed_unified_diff() {
    insta::assert_snapshot!(seed_diff("004_21d0c9da4e890f31.txt", DiffMode::Unified));
}
