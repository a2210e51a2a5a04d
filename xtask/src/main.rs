//! Developer tasks: `cargo xtask eval`, `cargo xtask bench`, `cargo xtask codegen`.

mod bench;
mod corpus;
mod floor;
mod peer;
mod spark;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let task = args.first().cloned().unwrap_or_default();
    let rest = args.get(1..).unwrap_or_default();
    match task.as_str() {
        "bench" => return bench::run(rest),
        "floor" => return floor::run(rest),
        "spark" => return spark::run(rest),
        _ => {}
    }
    anyhow::bail!("unknown task {task:?}; usage: cargo xtask <eval|bench|floor|spark|codegen>")
}
