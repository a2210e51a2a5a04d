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
    /// Files or folders; folders are walked for `*.txt` files, in path order.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
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
}

/// Run `review`. Returns the exit code: 0, or 2 when some file could not be cleaned (it is
/// listed in the report with its error).
pub fn run(args: &ReviewArgs) -> anyhow::Result<u8> {
    let files = collect(&args.paths)?;
    if files.is_empty() {
        anyhow::bail!("no files to review (folders are searched for *.txt files)");
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
                let summary = match clean(&mut cleaners, f) {
                    Ok((_, s)) => s,
                    Err(e) => PageSummary::failed(&f.display().to_string(), format!("{e:#}")),
                };
                failed += usize::from(summary.error.is_some());
                changed += usize::from(summary.changed);
                summary.write_json_line(&mut out)?;
            }
            out.flush()?;
            eprintln!("newsclean review: {} files, {changed} changed, {failed} failed", files.len());
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
                let name = f.display().to_string();
                match clean(&mut cleaners, f) {
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
                        eprintln!("newsclean: error: {name}: {e:#}");
                        report.add_linked(PageSummary::failed(&name, format!("{e:#}")), None);
                    }
                }
            }
            report.finish()?.flush()?;
            let layout = if split { format!(" (pages in {})", pages_dir.display()) } else { String::new() };
            eprintln!(
                "newsclean review: {} files, {changed} changed, {failed} failed: wrote {}{layout}",
                files.len(),
                report_path.display()
            );
        }
    }
    Ok(if failed > 0 { 2 } else { 0 })
}

/// Read and clean one file, and summarise it.
fn clean(
    cleaners: &mut crate::config::Cleaners<'_>,
    path: &Path,
) -> anyhow::Result<(newsclean::Cleaned, PageSummary)> {
    cleaners.index_for(path)?;
    cleaners.print_notes(false);
    let cleaner = cleaners.get(path)?;
    // The caller names the file with the error: the messages here do not.
    let bytes = std::fs::read(path).map_err(|e| anyhow::anyhow!(crate::inputs::describe_open_error(&e)))?;
    let cleaned = cleaner.clean(&bytes)?;
    let summary = PageSummary::new(&path.display().to_string(), &cleaned.input, &cleaned.page);
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

/// The files to review: files as given, folders walked for `*.txt` (hidden entries
/// skipped), each folder's files in path order.
pub fn collect(paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        let meta = std::fs::metadata(p).with_context(|| format!("{}: cannot read", p.display()))?;
        if meta.is_dir() {
            let mut found = Vec::new();
            walk(p, &mut found)?;
            found.sort();
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    let entries = std::fs::read_dir(dir).with_context(|| format!("{}: cannot list", dir.display()))?;
    for entry in entries {
        let entry = entry.with_context(|| format!("{}: cannot list", dir.display()))?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let kind = entry.file_type()?;
        if kind.is_dir() {
            walk(&path, found)?;
        } else if path.extension().is_some_and(|e| e == "txt") {
            found.push(path);
        }
    }
    Ok(())
}
