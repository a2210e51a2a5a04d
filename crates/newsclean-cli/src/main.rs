//! The `newsclean` command.

use std::io::{Read, Write};

use anyhow::Context as _;
use clap::{Parser, Subcommand};

mod explain_cmd;
mod review_cmd;

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
    },
    /// Write a static HTML review report (or JSON Lines) of what cleaning changes in files.
    Review(review_cmd::ReviewArgs),
    /// List every edit made to one file: rule, position, before and after, evidence.
    Explain(explain_cmd::ExplainArgs),
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
        Command::Clean { paths, diff } => {
            let cleaner = newsclean::Cleaner::new(newsclean::DEFAULT_PROFILE)?;
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
        Command::Review(args) => review_cmd::run(&args),
        Command::Explain(args) => explain_cmd::run(&args),
    }
}
