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
    #[command(flatten)]
    pub limits: crate::inputs::LimitArgs,
}

/// Run `explain`.
pub fn run(args: &ExplainArgs) -> anyhow::Result<u8> {
    let name = args.file.display().to_string();
    let max = args.limits.max_page_bytes;
    let bytes = if name == "-" {
        crate::inputs::read_stdin_limited(max).map_err(anyhow::Error::msg)?
    } else {
        crate::inputs::read_file_limited(&args.file, max)
            .map_err(|e| anyhow::anyhow!("{}: {e}", crate::inputs::quote(&name)))?
    };
    let cleaner = args.config.cleaner()?;
    let cleaned = cleaner.clean(&bytes).with_context(|| crate::inputs::quote(&name).into_owned())?;
    let stdout = std::io::stdout();
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => stdout.is_terminal(),
    };
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        ExplainFormat::Text => newsclean_diff::explain::render_explain(
            &mut out,
            &crate::inputs::quote(&name),
            &cleaned.input,
            &cleaned.page,
            color,
        )?,
        ExplainFormat::Json => {
            newsclean_diff::explain::render_explain_json(&mut out, &name, &cleaned.input, &cleaned.page)?
        }
    }
    out.flush()?;
    Ok(0)
}
