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

use clap::{CommandFactory as _, Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "newsclean",
    version,
    about = "Clean raw newspaper page text, with diffs of every change",
    after_help = "Examples:
  newsclean clean page.txt                       # the clean text on stdout
  newsclean clean pages/ --out-dir clean/        # a folder, mirrored
  newsclean clean page.txt --diff=rules          # what changed, by rule
  newsclean explain page.txt | less              # every edit, with its evidence
  newsclean review pages/ --report review.html   # an HTML report to review
  newsclean rules list                           # the rules of the default profile

`newsclean COMMAND --help` shows each command's flags and examples."
)]
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
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell) on stdout.
    #[command(after_help = "Examples:
  newsclean completions bash > ~/.local/share/bash-completion/completions/newsclean
  newsclean completions zsh > ~/.zfunc/_newsclean        # with fpath+=~/.zfunc in ~/.zshrc
  newsclean completions fish > ~/.config/fish/completions/newsclean.fish")]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Write the man pages (newsclean.1 and one per command) into DIR: `cargo xtask codegen`
    /// calls this.
    #[command(hide = true)]
    Man {
        /// The folder to write the pages into (made if missing).
        #[arg(long, value_name = "DIR")]
        out_dir: std::path::PathBuf,
    },
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
        // A reader that stopped reading (`| head`) ends the run quietly, as it does for `cat`.
        Err(e) if is_broken_pipe(&e) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("newsclean: error: {e:#}");
            std::process::ExitCode::from(clean_cmd::EXIT_ERROR)
        }
    }
}

/// True when `e` comes from writing to a pipe whose reader has gone.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == BrokenPipe)
            || c.downcast_ref::<serde_json::Error>().is_some_and(|j| j.io_error_kind() == Some(BrokenPipe))
            || match c.downcast_ref::<newsclean_diff::RenderError>() {
                Some(newsclean_diff::RenderError::Io(io)) => io.kind() == BrokenPipe,
                Some(newsclean_diff::RenderError::Json(j)) => j.io_error_kind() == Some(BrokenPipe),
                _ => false,
            }
    })
}

fn run(cli: Cli) -> anyhow::Result<u8> {
    match cli.command {
        Command::Clean(CleanCommand { args, jsonl }) if jsonl.jsonl => jsonl::run_clean(&args, &jsonl),
        Command::Clean(CleanCommand { args, .. }) => clean_cmd::run(&args),
        Command::Rules(args) => rules_cmd::run(&args),
        Command::Review(args) => review_cmd::run(&args),
        Command::Explain(args) => explain_cmd::run(&args),
        Command::Learn(args) => learn_cmd::run(&args),
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "newsclean", &mut out);
            std::io::Write::write_all(&mut std::io::stdout().lock(), &out)?;
            Ok(0)
        }
        Command::Man { out_dir } => {
            use anyhow::Context as _;
            std::fs::create_dir_all(&out_dir)
                .with_context(|| format!("{}: cannot create the folder", out_dir.display()))?;
            clap_mangen::generate_to(Cli::command(), &out_dir)
                .with_context(|| format!("{}: cannot write the man pages", out_dir.display()))?;
            Ok(0)
        }
    }
}
