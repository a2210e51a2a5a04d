//! Developer tasks: `cargo xtask eval`, `cargo xtask bench`, `cargo xtask codegen`.

fn main() -> anyhow::Result<()> {
    let task = std::env::args().nth(1).unwrap_or_default();
    anyhow::bail!("unknown task {task:?}; usage: cargo xtask <eval|bench|codegen>")
}
