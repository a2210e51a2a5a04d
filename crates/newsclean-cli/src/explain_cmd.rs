//! `newsclean explain FILE`: every edit made to one file, with its rule, its position in
//! the decoded input (line:column), what was there, what replaced it, and the evidence.

use std::io::{IsTerminal, Write};
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

/// When to colour the listing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Color {
    /// When standard output is a terminal.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// `newsclean explain FILE`.
#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// The file to explain (`-` for standard input).
    pub file: PathBuf,
    /// `text` (one line per edit) or `json`.
    #[arg(long, value_enum, default_value = "text")]
    pub format: ExplainFormat,
    /// Colour the listing.
    #[arg(long, value_enum, default_value = "auto")]
    pub color: Color,
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
    if let Some(why) = newsclean::structure::markdown_by_name(&args.file) {
        anyhow::bail!("{name}: {}", newsclean::Error::Structured(why));
    }
    let cleaner = args.config.cleaner()?;
    let cleaned = cleaner.clean(&bytes).with_context(|| name.clone())?;
    let stdout = std::io::stdout();
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => stdout.is_terminal(),
    };
    let mut out = std::io::BufWriter::new(stdout.lock());
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
