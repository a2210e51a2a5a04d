//! `cargo xtask floor`: the throughput floor for the bench, the least any cleaner must do:
//! read every file, validate UTF-8, apply NFC, write it out.
//!
//! Usage: `xtask floor [--jobs N] --out-dir OUT INPUT...` (files or folders, walked
//! recursively). Files are shared among N threads (default 1) by an atomic cursor.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Context as _, bail};
use unicode_normalization::UnicodeNormalization;

/// Run the floor pass with the command-line arguments after `floor`.
pub fn run(args: &[String]) -> anyhow::Result<()> {
    let mut jobs = 1usize;
    let mut out_dir: Option<PathBuf> = None;
    let mut inputs = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--jobs" | "-j" => jobs = it.next().context("--jobs needs a number")?.parse()?,
            "--out-dir" => out_dir = Some(it.next().context("--out-dir needs a folder")?.into()),
            s if s.starts_with('-') => bail!("unknown floor option {s:?}"),
            s => inputs.push(PathBuf::from(s)),
        }
    }
    let out_dir = out_dir.context("usage: xtask floor [--jobs N] --out-dir OUT INPUT...")?;
    let mut files = Vec::new();
    for input in &inputs {
        if input.is_dir() {
            collect(input, input, &mut files)?;
        } else {
            let name = input.file_name().context("input has no file name")?;
            files.push((input.clone(), PathBuf::from(name)));
        }
    }
    let next = AtomicUsize::new(0);
    let worker = || -> anyhow::Result<()> {
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some((src, rel)) = files.get(i) else { return Ok(()) };
            let bytes = std::fs::read(src).with_context(|| format!("{}: cannot read", src.display()))?;
            let text =
                std::str::from_utf8(&bytes).with_context(|| format!("{}: not UTF-8", src.display()))?;
            let nfc: String = text.nfc().collect();
            let dest = out_dir.join(rel);
            if let Some(parent) = dest.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(&dest, nfc).with_context(|| format!("{}: cannot write", dest.display()))?;
        }
    };
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..jobs.max(1)).map(|_| s.spawn(worker)).collect();
        handles
            .into_iter()
            .try_for_each(|h| h.join().map_err(|_| anyhow::anyhow!("floor worker panicked"))?)
    })
}

/// Every file under `dir`, with its path relative to `root`, in name order.
pub fn collect(root: &Path, dir: &Path, files: &mut Vec<(PathBuf, PathBuf)>) -> anyhow::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let p = e.path();
        if e.file_type()?.is_dir() {
            collect(root, &p, files)?;
        } else {
            let rel = p.strip_prefix(root)?.to_path_buf();
            files.push((p, rel));
        }
    }
    Ok(())
}
