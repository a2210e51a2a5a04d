//! Developer tasks: `cargo xtask eval`, `cargo xtask bench`, `cargo xtask codegen`, ….

mod bench;
mod bench_rules;
mod codegen;
mod eval_real;
mod floor;
mod fuzz;
mod peer;
mod realpages;
mod spark;
mod wheel;

use xtask::corpus;

/// A task: it takes the arguments after its name.
type Task = fn(&[String]) -> anyhow::Result<()>;

/// The tasks, by name. Add a task with one line here.
const TASKS: &[(&str, Task)] = &[
    ("eval", xtask::eval::run),
    ("codegen", |_| codegen::run()),
    ("bench-rules", bench_rules::run),
    ("bench", bench::run),
    ("floor", floor::run),
    ("spark", spark::run),
    ("fuzz", fuzz::run),
    ("learn-eval", xtask::learn_eval::run),
    ("realpages", realpages::run),
    ("wheel", wheel::run),
];

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if xtask::realpages_eval::requested(&args) {
        return xtask::realpages_eval::run(&args[1..]);
    }
    if eval_real::requested(&args) {
        return eval_real::run(&args[1..]);
    }
    let task = args.first().cloned().unwrap_or_default();
    match TASKS.iter().find(|(name, _)| *name == task) {
        Some((_, run)) => run(&args[1..]),
        None => {
            let names: Vec<&str> = TASKS.iter().map(|(n, _)| *n).collect();
            anyhow::bail!("unknown task {task:?}; usage: cargo xtask <{}>", names.join("|"))
        }
    }
}
