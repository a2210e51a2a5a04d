//! `newsclean review`: clean a batch of files without writing clean text, and write what
//! changed as a static HTML review report (or JSON Lines summaries) for a reviewer.
//!
//! Report layout: up to [`SPLIT_ABOVE`] pages go into one self-contained file, each page's
//! view in an inert `<template>` shown on click, so the index opens at once. Above that
//! (or with `--split always`) the report is an index file `OUT.html` and one file per page
//! in `OUT.pages/NNNNN.html`, so neither the index nor any page grows with the batch. Either
//! way the pages are written as they are cleaned: memory holds only the summaries.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use newsclean_diff::report::{HtmlReport, PageNav, PageSummary, render_page_file};

use crate::inputs::{self, Found, Input, Source};

/// Batches larger than this are split into an index and one file per page (`--split auto`).
pub const SPLIT_ABOVE: usize = 200;

/// What `review` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ReviewFormat {
    /// The static HTML review report.
    Html,
    /// JSON Lines: one `newsclean-review/1` summary per file (docs/review-json.md).
    Json,
}

/// When the HTML report is split into an index and one file per page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Split {
    /// Split batches of more than 200 pages.
    Auto,
    /// Always split.
    Always,
    /// Never split (one file, however large).
    Never,
}

/// `newsclean review DIR|FILES --report OUT.html`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  newsclean review pages/ --report review.html      # the HTML report (one file, no network)
  newsclean review pages/ --format json | jq .      # one JSON summary per file, on stdout
  newsclean review pages/ --report r.html --split always   # an index and one file per page")]
pub struct ReviewArgs {
    /// Files, folders (walked recursively in file-name order, hidden entries skipped, as
    /// `clean` walks them) or `-` for standard input.
    #[arg(required = true, value_name = "PATH|-")]
    pub paths: Vec<PathBuf>,
    /// In folders, review only files whose path matches GLOB; `!GLOB` excludes (repeatable).
    #[arg(long = "glob", value_name = "GLOB")]
    pub globs: Vec<String>,
    /// Say more: skipped entries.
    #[arg(long, short = 'v')]
    pub verbose: bool,
    /// Print no summary, only errors.
    #[arg(long, short = 'q', conflicts_with = "verbose")]
    pub quiet: bool,
    /// Where to write the report. Required for HTML; JSON Lines go to standard output
    /// without it.
    #[arg(long, value_name = "OUT.html")]
    pub report: Option<PathBuf>,
    /// `html`: the review report; `json`: one summary per file as JSON Lines.
    #[arg(long, value_enum, default_value = "html")]
    pub format: ReviewFormat,
    /// Split the HTML report into an index and one file per page.
    #[arg(long, value_enum, default_value = "auto")]
    pub split: Split,
    /// How to clean: the same choices as `newsclean clean`.
    #[command(flatten)]
    pub config: crate::config::ConfigArgs,
    #[command(flatten)]
    pub limits: inputs::LimitArgs,
}

/// Run `review`. Returns the exit code: 0, or 2 when some file could not be cleaned (it is
/// listed in the report with its error).
pub fn run(args: &ReviewArgs) -> anyhow::Result<u8> {
    let files = collect(args)?;
    if files.is_empty() {
        anyhow::bail!("no files to review (the folders hold none, or --glob left none)");
    }
    let mut cleaners = args.config.cleaners();
    let mut failed = 0;
    let mut changed = 0;
    match args.format {
        ReviewFormat::Json => {
            let mut out: Box<dyn Write> = match &args.report {
                Some(p) => Box::new(BufWriter::new(create(p)?)),
                None => Box::new(BufWriter::new(std::io::stdout().lock())),
            };
            for f in &files {
                let summary = match clean(&mut cleaners, f, args.limits.max_page_bytes) {
                    Ok((_, s)) => s,
                    Err(e) => {
                        eprintln!("newsclean: error: {}: {e:#}", inputs::quote(f.name()));
                        PageSummary::failed(f.name(), format!("{e:#}"))
                    }
                };
                failed += usize::from(summary.error.is_some());
                changed += usize::from(summary.changed);
                summary.write_json_line(&mut out)?;
            }
            out.flush()?;
            if !args.quiet {
                eprintln!("newsclean review: {} files, {changed} changed, {failed} failed", files.len());
            }
        }
        ReviewFormat::Html => {
            let report_path = args.report.as_deref().context(
                "--report OUT.html is required for the HTML report (or use --format json for JSON Lines on stdout)",
            )?;
            let split = match args.split {
                Split::Auto => files.len() > SPLIT_ABOVE,
                Split::Always => true,
                Split::Never => false,
            };
            let title = format!("newsclean review: {} files", files.len());
            let mut report = HtmlReport::new(BufWriter::new(create(report_path)?), &title)?;
            let pages_dir = pages_dir(report_path);
            if split {
                std::fs::create_dir_all(&pages_dir)
                    .with_context(|| format!("{}: cannot create the pages folder", pages_dir.display()))?;
            }
            let index_name =
                report_path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let dir_name =
                pages_dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            for (i, f) in files.iter().enumerate() {
                let name = f.name().to_string();
                match clean(&mut cleaners, f, args.limits.max_page_bytes) {
                    Ok((cleaned, summary)) => {
                        changed += usize::from(summary.changed);
                        if split {
                            let page_file = format!("{:05}.html", i + 1);
                            let nav = PageNav {
                                index: format!("../{index_name}"),
                                prev: (i > 0).then(|| format!("{i:05}.html")),
                                next: (i + 1 < files.len()).then(|| format!("{:05}.html", i + 2)),
                            };
                            let path = pages_dir.join(&page_file);
                            let mut w = BufWriter::new(create(&path)?);
                            render_page_file(&mut w, &title, &summary, &cleaned.input, &cleaned.page, &nav)?;
                            w.flush()?;
                            report.add_linked(summary, Some(&format!("{dir_name}/{page_file}")));
                        } else {
                            report.add_page(summary, &cleaned.input, &cleaned.page)?;
                        }
                    }
                    Err(e) => {
                        failed += 1;
                        eprintln!("newsclean: error: {}: {e:#}", inputs::quote(&name));
                        report.add_linked(PageSummary::failed(&name, format!("{e:#}")), None);
                    }
                }
            }
            report.finish()?.flush()?;
            let layout = if split { format!(" (pages in {})", pages_dir.display()) } else { String::new() };
            if !args.quiet {
                eprintln!(
                    "newsclean review: {} files, {changed} changed, {failed} failed: wrote {}{layout}",
                    files.len(),
                    report_path.display()
                );
            }
        }
    }
    Ok(if failed > 0 { 2 } else { 0 })
}

impl Item {
    /// The name shown for it.
    fn name(&self) -> &str {
        match self {
            Item::Input(i) => &i.display,
            Item::Problem(display, _) => display,
        }
    }
}

/// Read and clean one input, and summarise it. The error names no file: the caller does.
fn clean(
    cleaners: &mut crate::config::Cleaners<'_>,
    item: &Item,
    max_bytes: u64,
) -> anyhow::Result<(newsclean::Cleaned, PageSummary)> {
    let input = match item {
        Item::Input(input) => input,
        Item::Problem(_, message) => anyhow::bail!("{message}"),
    };
    let at = match &input.source {
        Source::Stdin => Path::new("-"),
        Source::File(p) => p.as_path(),
    };
    cleaners.index_for(at)?;
    cleaners.print_notes(false);
    let cleaner = cleaners.get(at)?;
    let bytes = match &input.source {
        Source::Stdin => inputs::read_stdin_limited(max_bytes),
        Source::File(p) => inputs::read_file_limited(p, max_bytes),
    }
    .map_err(anyhow::Error::msg)?;
    let cleaned = cleaner.clean(&bytes)?;
    let summary = PageSummary::new(&input.display, &cleaned.input, &cleaned.page);
    Ok((cleaned, summary))
}

fn create(path: &Path) -> anyhow::Result<File> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("{}: cannot create the folder", dir.display()))?;
    }
    File::create(path).with_context(|| format!("{}: cannot write", path.display()))
}

/// `OUT.html` → `OUT.pages`, beside it.
pub fn pages_dir(report: &Path) -> PathBuf {
    let stem =
        report.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "report".into());
    report.with_file_name(format!("{stem}.pages"))
}

/// One input of the review: something to clean, or a problem the walk met.
pub enum Item {
    /// An input to clean.
    Input(Input),
    /// Something that cannot be reviewed (a device, a pipe, an unreadable folder): its name
    /// and why.
    Problem(String, String),
}

/// The inputs to review, found by the walker every command shares ([`inputs::walk_indexed`]):
/// files as given, folders walked in file-name order (hidden entries skipped, `--glob`
/// filters), devices and pipes refused as `clean` refuses them.
pub fn collect(args: &ReviewArgs) -> anyhow::Result<Vec<Item>> {
    if args.paths.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        anyhow::bail!("`-` (standard input) given more than once; it can be read only once");
    }
    let filter = inputs::Filter::new(&args.globs)?;
    let mut out = Vec::new();
    for (_, found) in inputs::walk_indexed(&args.paths, &filter, None) {
        match found {
            Found::Input(input) => out.push(Item::Input(input)),
            Found::Problem { display, message } => out.push(Item::Problem(display, message)),
            Found::Skipped { display, reason } => {
                if args.verbose {
                    eprintln!("newsclean: note: {}: skipped ({reason})", inputs::quote(&display));
                }
            }
        }
    }
    Ok(out)
}
