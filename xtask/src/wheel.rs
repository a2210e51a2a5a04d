//! `cargo xtask wheel`: build the Python package's wheel (`crates/newsclean-py`, abi3 for
//! Python 3.9 and later) with maturin from PyPI, installed in a venv under `target/maturin-venv`.
//! The wheel goes to `target/wheels/` (or `--out DIR`); its path is printed.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context as _, bail};

/// The maturin the wheel is built with (the same range as `crates/newsclean-py/pyproject.toml`).
pub const MATURIN: &str = "maturin>=1.16,<2";

/// A venv under `target/` with maturin in it (created on first use). Returns its python.
pub fn maturin_venv(root: &Path) -> anyhow::Result<PathBuf> {
    let venv = root.join("target/maturin-venv");
    let python = venv.join("bin/python");
    let has_maturin = |python: &Path| {
        Command::new(python).args(["-m", "maturin", "--version"]).output().is_ok_and(|o| o.status.success())
    };
    if !has_maturin(&python) {
        eprintln!("wheel: creating {} with {MATURIN}", venv.display());
        let ok =
            Command::new("python3").args(["-m", "venv"]).arg(&venv).status().context("python3 not found")?;
        if !ok.success() {
            bail!("python3 -m venv failed (Debian: apt-get install python3-venv)");
        }
        let ok = Command::new(&python).args(["-m", "pip", "install", "--quiet", MATURIN]).status()?;
        if !ok.success() || !has_maturin(&python) {
            bail!("pip install {MATURIN} failed");
        }
    }
    Ok(python)
}

/// Build the wheel.
pub fn run(args: &[String]) -> anyhow::Result<()> {
    let root = crate::bench::workspace_root();
    let out = match args {
        [] => root.join("target/wheels"),
        [flag, dir] if flag == "--out" => PathBuf::from(dir),
        _ => bail!("usage: cargo xtask wheel [--out DIR]"),
    };
    let python = maturin_venv(&root)?;
    let before = wheels(&out);
    let status = Command::new(&python)
        .args(["-m", "maturin", "build", "--release", "--manifest-path"])
        .arg(root.join("crates/newsclean-py/Cargo.toml"))
        .arg("--out")
        .arg(&out)
        .current_dir(&root)
        .status()?;
    if !status.success() {
        bail!("maturin build failed ({status})");
    }
    let after = wheels(&out);
    let built: Vec<&PathBuf> = after.iter().filter(|w| !before.contains(w)).collect();
    let shown = if built.is_empty() { after.iter().collect() } else { built };
    for w in shown {
        println!("{}", w.display());
    }
    Ok(())
}

/// The wheels in `dir`, sorted.
fn wheels(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "whl"))
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}
