//! `cargo xtask codegen`: write the generated files: docs/rules.md from the built-in rule
//! files, and the command outputs in README.md and docs/cli.md from the `newsclean` binary
//! (see `docgen`; built here in the debug profile, as the tests build it); then, from the
//! binary's clap definitions, shell completions into `target/completions/` and man pages into
//! `target/man/` (build outputs, not committed).

use std::path::{Path, PathBuf};

use anyhow::Context as _;

use crate::docgen;

/// The workspace root (the parent of xtask/).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the workspace").to_path_buf()
}

/// Write every generated file; report which ones changed. With `--check`, write nothing and
/// fail when one is stale.
pub fn run(args: &[String]) -> anyhow::Result<()> {
    let check = args.iter().any(|a| a == "--check");
    if let Some(other) = args.iter().find(|a| *a != "--check") {
        anyhow::bail!("codegen: unknown argument {other:?}; usage: cargo xtask codegen [--check]");
    }
    let root = workspace_root();
    let mut stale = Vec::new();
    let mut out = |rel: &str, text: &str| -> anyhow::Result<()> {
        if check {
            let old = std::fs::read_to_string(root.join(rel)).unwrap_or_default();
            if let Some((line, shown, now)) = docgen::first_difference(&old, text) {
                stale.push(format!("{rel}:{line}: shows {shown:?}, now {now:?}"));
            }
            Ok(())
        } else {
            write_if_changed(&root, rel, text)
        }
    };
    out("docs/rules.md", &newsclean::rules_markdown()?)?;
    let bin_dir = build_cli(&root)?;
    for doc in docgen::DOCS {
        let md = std::fs::read_to_string(root.join(doc)).with_context(|| format!("{doc}: cannot read"))?;
        let new = docgen::regenerate(&md, &bin_dir, &root).map_err(|e| anyhow::anyhow!("{doc}: {e}"))?;
        out(doc, &new)?;
    }
    anyhow::ensure!(stale.is_empty(), "stale (run `cargo xtask codegen`):\n{}", stale.join("\n"));
    if !check {
        completions_and_man(&bin_dir, &root)?;
    }
    Ok(())
}

/// Shell completions (`newsclean completions SHELL`) and man pages (`newsclean man`), made by
/// the binary from its clap definitions (clap_complete, clap_mangen).
fn completions_and_man(bin_dir: &Path, root: &Path) -> anyhow::Result<()> {
    let bin = bin_dir.join("newsclean");
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from);
    let dir = target.join("completions");
    std::fs::create_dir_all(&dir)?;
    for (shell, file) in [
        ("bash", "newsclean.bash"),
        ("zsh", "_newsclean"),
        ("fish", "newsclean.fish"),
        ("elvish", "newsclean.elv"),
    ] {
        let o = std::process::Command::new(&bin).args(["completions", shell]).output()?;
        anyhow::ensure!(
            o.status.success(),
            "newsclean completions {shell}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        std::fs::write(dir.join(file), o.stdout)?;
    }
    println!("wrote the shell completions to {}", dir.display());
    let man = target.join("man");
    let status = std::process::Command::new(&bin).args(["man", "--out-dir"]).arg(&man).status()?;
    anyhow::ensure!(status.success(), "newsclean man failed");
    println!("wrote the man pages to {} (try `man -l {}/newsclean.1`)", man.display(), man.display());
    Ok(())
}

/// Build the `newsclean` binary (debug profile); the folder that holds it.
fn build_cli(root: &Path) -> anyhow::Result<PathBuf> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = std::process::Command::new(cargo)
        .args(["build", "--package", "newsclean-cli", "--bin", "newsclean"])
        .current_dir(root)
        .status()
        .context("cannot run cargo build")?;
    anyhow::ensure!(status.success(), "cargo build --package newsclean-cli failed");
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from);
    Ok(target.join("debug"))
}

fn write_if_changed(root: &Path, rel: &str, text: &str) -> anyhow::Result<()> {
    let path = root.join(rel);
    if std::fs::read_to_string(&path).is_ok_and(|old| old == text) {
        println!("{rel} is up to date");
        return Ok(());
    }
    std::fs::create_dir_all(path.parent().expect("a file in the workspace"))?;
    std::fs::write(&path, text).with_context(|| format!("{}: cannot write", path.display()))?;
    println!("wrote {rel}");
    Ok(())
}
