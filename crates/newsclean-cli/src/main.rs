//! The `newsclean` command.

mod jsonl;

use std::io::{Read, Write};

use anyhow::Context as _;
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "newsclean", version, about = "Clean raw newspaper page text, with diffs of every change")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Clean files, folders or standard input (`-`).
    Clean {
        /// Files, folders or `-`.
        paths: Vec<String>,
        /// Print a unified diff of before and after.
        #[arg(long)]
        diff: bool,
        /// Worker threads (0: one per core).
        #[arg(short, long, default_value_t = 0)]
        jobs: usize,
        #[command(flatten)]
        jsonl: JsonlArgs,
    },
}

/// JSON Lines streaming flags of `clean`.
#[derive(clap::Args)]
struct JsonlArgs {
    /// Read JSON Lines records (from one file or `-`) and clean one string field of each,
    /// writing the records to standard output in the same order, other fields untouched.
    #[arg(long)]
    jsonl: bool,
    /// With --jsonl: the field to clean.
    #[arg(long, default_value = "text", requires = "jsonl")]
    field: String,
    /// With --jsonl: add a `newsclean` field with the record's stats (edits, changed, rules).
    #[arg(long, requires = "jsonl")]
    annotate: bool,
    /// With --jsonl: stop at the first bad record (exit 2, naming its line) instead of
    /// passing it through unchanged.
    #[arg(long, requires = "jsonl")]
    strict: bool,
}

fn main() -> std::process::ExitCode {
    match run() {
        Ok(code) => std::process::ExitCode::from(code),
        Err(e) => {
            eprintln!("newsclean: error: {e:#}");
            std::process::ExitCode::from(2)
        }
    }
}

fn run() -> anyhow::Result<u8> {
    let cli = Cli::parse();
    match cli.command {
        Command::Clean { paths, diff, jobs, jsonl: j } => {
            let cleaner = newsclean::Cleaner::new(newsclean::DEFAULT_PROFILE)?;
            if j.jsonl {
                let opts = jsonl::JsonlOptions {
                    field: j.field,
                    annotate: j.annotate,
                    strict: j.strict,
                    ..jsonl::JsonlOptions::default()
                };
                return jsonl::run_command(&cleaner, &paths, jobs, &opts);
            }
            let mut out = std::io::stdout().lock();
            for p in paths {
                let bytes = if p == "-" {
                    let mut b = Vec::new();
                    std::io::stdin().read_to_end(&mut b)?;
                    b
                } else {
                    std::fs::read(&p).with_context(|| format!("{p}: cannot read"))?
                };
                let cleaned = cleaner.clean(&bytes).with_context(|| p.clone())?;
                if diff {
                    newsclean_diff::unified(&mut out, &p, &cleaned.input, &cleaned.text, false)?;
                } else {
                    out.write_all(cleaned.text.as_bytes())?;
                }
            }
            Ok(0)
        }
    }
}
