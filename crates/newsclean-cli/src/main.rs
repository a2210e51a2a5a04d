//! The `newsclean` command: clean raw newspaper page text, with diffs of every change.
//!
//! Exit codes: 0 ok, 1 changes found under `--check`, 2 an error.

mod atomic;
mod clean_cmd;
mod config;
mod explain_cmd;
mod inputs;
mod jsonl;
mod learn_cmd;
mod review_cmd;
mod rules_cmd;

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
    Clean(CleanCommand),
    /// List, explain and test the rules (`rules list`, `rules explain ID`, `rules test FILE`).
    Rules(rules_cmd::RulesArgs),
    /// Write a static HTML review report (or JSON Lines) of what cleaning changes in files.
    Review(review_cmd::ReviewArgs),
    /// List every edit made to one file: rule, position, before and after, evidence.
    Explain(explain_cmd::ExplainArgs),
    /// Learn a publication's page furniture from a folder of its pages: write a rule file.
    Learn(learn_cmd::LearnArgs),
}

/// `newsclean clean`: the file flags, plus the JSON Lines streaming flags.
#[derive(clap::Args)]
struct CleanCommand {
    #[command(flatten)]
    args: clean_cmd::CleanArgs,
    #[command(flatten)]
    jsonl: jsonl::JsonlArgs,
}

fn main() -> std::process::ExitCode {
    atomic::mark_run_start();
    match run(Cli::parse()) {
        Ok(code) => std::process::ExitCode::from(code),
        Err(e) => {
            eprintln!("newsclean: error: {e:#}");
            std::process::ExitCode::from(clean_cmd::EXIT_ERROR)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<u8> {
    match cli.command {
        Command::Clean(CleanCommand { args, jsonl }) if jsonl.jsonl => jsonl::run_clean(&args, &jsonl),
        Command::Clean(CleanCommand { args, .. }) => clean_cmd::run(&args),
        Command::Rules(args) => rules_cmd::run(&args),
        Command::Review(args) => review_cmd::run(&args),
        Command::Explain(args) => explain_cmd::run(&args),
        Command::Learn(args) => learn_cmd::run(&args),
    }
}
