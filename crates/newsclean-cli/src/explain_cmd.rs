//! `newsclean explain FILE`: every edit made to one file, with its rule, its position in
//! the decoded input (line:column), what was there, what replaced it, and the evidence.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context as _;

/// What `explain` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ExplainFormat {
    /// One line per edit.
    Text,
    /// One JSON object: `{"schema": "newsclean-explain/1", "file", "edits": [...]}`.
    Json,
}

/// `newsclean explain FILE`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  newsclean explain page.txt | less -R              # every edit: line:column, rule, before → after
  newsclean explain page.txt --format json          # the same as one JSON object
  newsclean explain - < page.txt                    # standard input")]
pub struct ExplainArgs {
    /// The file to explain (`-` for standard input).
    pub file: PathBuf,
    /// `text` (one line per edit) or `json`.
    #[arg(long, value_enum, default_value = "text")]
    pub format: ExplainFormat,
    /// Colour the listing: auto (stdout is a terminal and NO_COLOR is unset), always, never.
    #[arg(long, value_enum, default_value = "auto")]
    pub color: crate::clean_cmd::ColorChoice,
    /// How to clean: the same choices as `newsclean clean`.
    #[command(flatten)]
    pub config: crate::config::ConfigArgs,
}

/// Run `explain`.
pub fn run(args: &ExplainArgs) -> anyhow::Result<u8> {
    let name = args.file.display().to_string();
    let bytes = if name == "-" {
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut b)?;
        b
    } else {
        std::fs::read(&args.file).with_context(|| format!("{name}: cannot read"))?
    };
    let mut cleaners = args.config.cleaners();
    cleaners.index_for(&args.file)?;
    cleaners.print_notes(false);
    let cleaned = cleaners.get(&args.file)?.clean(&bytes).with_context(|| name.clone())?;
    let color = crate::clean_cmd::use_color(args.color);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.format {
        ExplainFormat::Text => {
            newsclean_diff::explain::render_explain(&mut out, &name, &cleaned.input, &cleaned.page, color)?
        }
        ExplainFormat::Json => {
            newsclean_diff::explain::render_explain_json(&mut out, &name, &cleaned.input, &cleaned.page)?
        }
    }
    out.flush()?;
    Ok(0)
}
