//! `cargo xtask codegen`: write the generated files (docs/rules.md from the built-in rule files and the layout registry).

use std::path::{Path, PathBuf};

use anyhow::Context as _;

/// The workspace root (the parent of xtask/).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the workspace").to_path_buf()
}

/// Write every generated file; report which ones changed.
pub fn run() -> anyhow::Result<()> {
    let root = workspace_root();
    let path = root.join("docs/rules.md");
    let md = newsclean::rules_markdown()?;
    let old = std::fs::read_to_string(&path).unwrap_or_default();
    if old == md {
        println!("docs/rules.md is up to date");
        return Ok(());
    }
    std::fs::create_dir_all(path.parent().expect("docs/"))?;
    std::fs::write(&path, md).with_context(|| format!("{}: cannot write", path.display()))?;
    println!("wrote docs/rules.md");
    Ok(())
}
