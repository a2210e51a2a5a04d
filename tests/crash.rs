//! Crash safety (issue 6, item 5): SIGKILL `newsclean clean --in-place` in the middle of a
//! batch of thousands of files; every file must be its old or its new version, never
//! truncated or mixed, and the next run must leave no temporary file behind.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::*;

const FILES: usize = 3000;
const PER_DIR: usize = 300;

/// Small pages cut from the seeds, each with blank lines and indentation that cleaning changes.
fn make_batch(root: &Path) -> Vec<PathBuf> {
    let lines: Vec<String> = seeds()
        .into_iter()
        .flat_map(|(_, b)| String::from_utf8(b).unwrap().lines().map(str::to_string).collect::<Vec<_>>())
        .filter(|l| !l.trim().is_empty())
        .collect();
    let mut paths = Vec::new();
    for i in 0..FILES {
        let dir = root.join(format!("d{:02}", i / PER_DIR));
        fs::create_dir_all(&dir).unwrap();
        let mut page = String::from("\n\n  ");
        for k in 0..6 {
            page.push_str(&lines[(i * 7 + k * 13) % lines.len()]);
            page.push_str(if k % 2 == 0 { "\n" } else { "\n\n\n" });
        }
        let p = dir.join(format!("p{i:04}.txt"));
        fs::write(&p, page).unwrap();
        paths.push(p);
    }
    paths
}

fn copy_tree(from: &Path, to: &Path) {
    for p in walk_files(from) {
        let t = to.join(p.strip_prefix(from).unwrap());
        fs::create_dir_all(t.parent().unwrap()).unwrap();
        fs::copy(&p, &t).unwrap();
    }
}

#[test]
fn sigkill_mid_batch_leaves_every_file_old_or_new() {
    let tmp = tempfile::tempdir().unwrap();
    let orig = tmp.path().join("orig");
    let paths = make_batch(&orig);
    let rel: Vec<PathBuf> = paths.iter().map(|p| p.strip_prefix(&orig).unwrap().to_path_buf()).collect();

    // The new versions, from a separate run.
    let o = run(tmp.path(), &["clean", "orig", "--out-dir", "new", "-q"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let old: Vec<Vec<u8>> = rel.iter().map(|r| fs::read(orig.join(r)).unwrap()).collect();
    let new: Vec<Vec<u8>> = rel.iter().map(|r| fs::read(tmp.path().join("new").join(r)).unwrap()).collect();
    assert!(old.iter().zip(&new).all(|(a, b)| a != b), "every file of the batch changes when cleaned");

    let work = tmp.path().join("work");
    copy_tree(&orig, &work);
    let mut child = bin()
        .current_dir(tmp.path())
        .args(["clean", "--in-place", "--jobs", "2", "work"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill once a few dozen files are done: the batch is then in the middle of its run.
    let watch = work.join(&rel[40]);
    let started = Instant::now();
    while fs::read(&watch).unwrap() == old[40] {
        assert!(child.try_wait().unwrap().is_none(), "the run ended before it could be killed");
        assert!(started.elapsed() < Duration::from_secs(300), "no progress");
        std::thread::sleep(Duration::from_micros(200));
    }
    child.kill().unwrap(); // SIGKILL on Unix
    let status = child.wait().unwrap();
    assert!(status.code().is_none(), "killed by a signal, not exited: {status:?}");

    let (mut n_old, mut n_new) = (0, 0);
    for (i, r) in rel.iter().enumerate() {
        let now = fs::read(work.join(r)).unwrap();
        if now == old[i] {
            n_old += 1;
        } else if now == new[i] {
            n_new += 1;
        } else {
            panic!("{} is neither its old nor its new version ({} bytes)", r.display(), now.len());
        }
    }
    eprintln!("after SIGKILL: {n_new} new, {n_old} old, {} temporary files", temp_files(&work).len());
    assert!(n_new >= 40 && n_old > 0, "killed mid-batch: {n_new} new, {n_old} old");

    // A temporary file as an interrupted run leaves it (whatever the kill left, there is one).
    let stale = work.join("d00").join(".p0001.txt.newsclean-tmp-AbC123");
    fs::write(&stale, "half a pa").unwrap();
    // A hidden file of the user's that only looks alike is kept.
    let unrelated = work.join("d00").join(".notes.newsclean-tmp-AbC123");
    fs::write(&unrelated, "mine").unwrap();

    let o = run(tmp.path(), &["clean", "--in-place", "work"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stderr(&o).contains("a temporary file left by an interrupted run"), "{}", stderr(&o));
    assert_eq!(temp_files(&work), vec![unrelated.clone()], "no temporary file left behind");
    for (i, r) in rel.iter().enumerate() {
        assert_eq!(fs::read(work.join(r)).unwrap(), new[i], "{}", r.display());
    }
}
