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
    if let Some(why) = newsclean::structure::markdown_by_name(&args.file) {
        anyhow::bail!("{}: {}", crate::inputs::quote(&name), newsclean::Error::Structured(why));
    }
    let mut cleaners = args.config.cleaners();
    cleaners.index_for(&args.file)?;
    cleaners.print_notes(false);
    let cleaned =
        cleaners.get(&args.file)?.clean(&bytes).with_context(|| crate::inputs::quote(&name).into_owned())?;
    let color = crate::clean_cmd::use_color(args.color);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
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
