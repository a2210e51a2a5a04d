//! `cargo xtask spark`: run tests/spark/ (Spark in local mode piping JSON Lines records through
//! `newsclean clean --jsonl` with `RDD.pipe`, checked against a single-process run) in a venv
//! with pyspark from PyPI under `target/spark-venv`. Needs python3 and Java 17.

use std::process::Command;
use std::time::Instant;

use anyhow::{Context as _, bail};

/// The pyspark versions the test runs on (3.5 runs on Java 17).
const PYSPARK: &str = "pyspark>=3.5,<3.6";

/// Run the Spark test.
pub fn run(args: &[String]) -> anyhow::Result<()> {
    if let Some(a) = args.first() {
        bail!("unknown spark option {a:?}; usage: cargo xtask spark");
    }
    let start = Instant::now();
    let root = crate::bench::workspace_root();
    let target = root.join("target");
    let java = Command::new("java").arg("-version").output();
    if !java.is_ok_and(|o| o.status.success()) {
        bail!("spark: `java` not found; Spark needs a Java 17 runtime (Debian: openjdk-17-jre-headless)");
    }
    eprintln!("spark: cargo build -p newsclean-cli");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(&cargo).args(["build", "-p", "newsclean-cli"]).current_dir(&root).status()?;
    if !status.success() {
        bail!("cargo build -p newsclean-cli failed");
    }
    let binary = target.join("debug/newsclean");

    let venv = target.join("spark-venv");
    let python = venv.join("bin/python");
    let has_pyspark = |python: &std::path::Path| {
        Command::new(python).args(["-c", "import pyspark"]).output().is_ok_and(|o| o.status.success())
    };
    if !has_pyspark(&python) {
        eprintln!("spark: creating {} with {PYSPARK}", venv.display());
        let ok =
            Command::new("python3").args(["-m", "venv"]).arg(&venv).status().context("python3 not found")?;
        if !ok.success() {
            bail!("python3 -m venv failed (Debian: python3-venv)");
        }
        let ok = Command::new(venv.join("bin/pip")).args(["install", "--quiet", PYSPARK]).status()?;
        if !ok.success() || !has_pyspark(&python) {
            bail!("pip install {PYSPARK} failed");
        }
    }
    let work = target.join("spark-work");
    let status = Command::new(&python)
        .arg(root.join("tests/spark/test_spark_pipe.py"))
        .arg(&binary)
        .arg(root.join("seeds"))
        .arg(&work)
        .env("PYSPARK_PYTHON", &python)
        .env("PYSPARK_DRIVER_PYTHON", &python)
        .env("SPARK_LOCAL_IP", "127.0.0.1")
        .status()?;
    if !status.success() {
        bail!("spark test failed ({status})");
    }
    eprintln!("spark: done in {:.1} s", start.elapsed().as_secs_f64());
    Ok(())
}
