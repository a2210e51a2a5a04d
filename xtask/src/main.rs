//! Developer tasks: `cargo xtask eval`, `cargo xtask bench`, `cargo xtask codegen`.

mod eval_real;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if eval_real::requested(&args) {
        return eval_real::run(&args[1..]);
    }
    let task = args.first().cloned().unwrap_or_default();
    anyhow::bail!("unknown task {task:?}; usage: cargo xtask <eval|bench|codegen>")
}
