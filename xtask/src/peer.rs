//! The peer for the bench: autocorrect 2.14, installed from npm (`autocorrect-node` carries the
//! same Rust CLI as a native module behind a small `cli.js`).

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context as _, bail};

/// The npm package and version of the peer.
pub const PACKAGE: &str = "autocorrect-node@2.14";

/// Install the peer under `dir` (once) and return the path of its `autocorrect` command.
pub fn install(dir: &Path) -> anyhow::Result<PathBuf> {
    let bin = dir.join("node_modules/.bin/autocorrect");
    if !bin.exists() {
        std::fs::create_dir_all(dir)?;
        eprintln!("bench: npm install {} into {}", PACKAGE, dir.display());
        let status = Command::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--prefix"])
            .arg(dir)
            .arg(PACKAGE)
            .status()
            .context("npm is not installed")?;
        if !status.success() || !bin.exists() {
            bail!("npm install {} failed", PACKAGE);
        }
    }
    let out = Command::new(&bin).arg("--version").output().context("cannot run autocorrect")?;
    let version = String::from_utf8_lossy(&out.stdout);
    if !version.contains("2.14") {
        bail!("expected autocorrect 2.14, found {:?}", version.trim());
    }
    Ok(bin)
}

/// How many files of `orig` differ from their copy in `copy` (what the peer changed).
pub fn count_changed(orig: &Path, copy: &Path) -> anyhow::Result<usize> {
    let mut n = 0;
    for e in std::fs::read_dir(orig)? {
        let e = e?;
        if std::fs::read(e.path())? != std::fs::read(copy.join(e.file_name()))? {
            n += 1;
        }
    }
    Ok(n)
}
