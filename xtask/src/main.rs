//! Developer tasks: `cargo xtask eval`, `cargo xtask bench`, `cargo xtask codegen`, ….

mod bench;
mod bench_rules;
mod codegen;
mod docgen;
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

/// The tasks, by name, with what each does (one line for `cargo xtask --help`). Add a task
/// with one line here.
const TASKS: &[(&str, &str, Task)] = &[
    (
        "eval",
        "score the seed pages against gold/ (--real: the real-data figures; --realpages: the real-tool pages)",
        xtask::eval::run,
    ),
    (
        "codegen",
        "regenerate docs/rules.md, the command outputs in README.md and docs/cli.md, completions and man pages",
        codegen::run,
    ),
    ("bench-rules", "the cost of applying the rules, with and without the prefilter [MB]", bench_rules::run),
    (
        "bench",
        "throughput and peak memory of whole runs against the floor and a peer [--small | --mb N | --only TEXT | --no-python]",
        bench::run,
    ),
    (
        "floor",
        "the throughput floor: read, validate UTF-8, NFC, write [--jobs N] --out-dir OUT INPUT...",
        floor::run,
    ),
    (
        "spark",
        "run tests/spark/ (Spark piping JSON Lines through clean --jsonl); needs python3 and Java 17",
        spark::run,
    ),
    ("fuzz", "prepare the corpora and run the cargo-fuzz targets [--minutes N] [TARGET...]", fuzz::run),
    (
        "learn-eval",
        "what `newsclean learn` buys on an invented newspaper [--pages N] [--out DIR]",
        xtask::learn_eval::run,
    ),
    (
        "realpages",
        "make real pages with real tools (Chromium, pdftotext, PyMuPDF, Tesseract) and their gold",
        realpages::run,
    ),
    ("wheel", "build the Python wheel of crates/newsclean-py into target/wheels (maturin)", wheel::run),
];

/// `cargo xtask --help`: the tasks, a line each.
fn usage() -> String {
    let width = TASKS.iter().map(|(n, _, _)| n.len()).max().unwrap_or(0);
    let mut s =
        String::from("Developer tasks for newsclean.\n\nUsage: cargo xtask <TASK> [ARGS...]\n\nTasks:\n");
    for (name, about, _) in TASKS {
        s.push_str(&format!("  {name:width$}  {about}\n"));
    }
    s
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if matches!(args.first().map(String::as_str), None | Some("--help" | "-h" | "help")) {
        print!("{}", usage());
        return Ok(());
    }
    if xtask::realpages_eval::requested(&args) {
        return xtask::realpages_eval::run(&args[1..]);
    }
    if eval_real::requested(&args) {
        return eval_real::run(&args[1..]);
    }
    let task = args.first().cloned().unwrap_or_default();
    match TASKS.iter().find(|(name, _, _)| *name == task) {
        Some((_, _, run)) => run(&args[1..]),
        None => anyhow::bail!("unknown task {task:?}\n\n{}", usage()),
    }
}
