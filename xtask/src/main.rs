//! Developer tasks: `cargo xtask eval`, `cargo xtask bench`, `cargo xtask codegen`.

mod bench_rules;
mod codegen;

fn main() -> anyhow::Result<()> {
    let task = std::env::args().nth(1).unwrap_or_default();
    let args: Vec<String> = std::env::args().skip(2).collect();
    match task.as_str() {
        "codegen" => codegen::run(),
        "bench-rules" => bench_rules::run(&args),
        _ => anyhow::bail!("unknown task {task:?}; usage: cargo xtask <eval|bench|codegen|bench-rules>"),
    }
}
