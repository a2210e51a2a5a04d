//! `newsclean learn DIR`: learn a publication's page furniture from a folder of its pages
//! and write a rule file of `furniture` rules (stdout, or `-o FILE` written atomically).

use std::io::Write as _;
use std::path::PathBuf;

use anyhow::Context as _;
use clap::Args;
use newsclean::learn::{LearnOptions, learn};

use crate::atomic;
use crate::clean_cmd::{EXIT_ERROR, EXIT_OK, error_line};
use crate::inputs::{self, Found, Source};

/// Arguments of `newsclean learn`.
#[derive(Args, Debug)]
#[command(after_help = "Examples:
  newsclean learn pages/ -o learned.yaml            # learn the furniture of one publication
  newsclean learn pages/ -v --min-pages 5           # also say which recurring lines were refused
  newsclean clean --rules learned.yaml pages/ --out-dir clean/

Exit codes: 0 ok, 2 an error (a file that cannot be read is reported and left out; \
                  the rules are still learned from the others).\nUse the file with \
                  `newsclean clean --rules FILE`; check it with `newsclean rules test FILE`.")]
pub struct LearnArgs {
    /// A folder of one publication's pages (walked recursively, hidden entries skipped).
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,

    /// Write the rule file to FILE (atomically) instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// A line shape must be seen on at least this share of the pages (0 to 1).
    #[arg(long, value_name = "SHARE", default_value_t = LearnOptions::default().min_share)]
    pub min_share: f64,

    /// ... and on at least this many pages.
    #[arg(long, value_name = "N", default_value_t = LearnOptions::default().min_pages)]
    pub min_pages: usize,

    /// Lines longer than this many characters are never learned.
    #[arg(long, value_name = "N", default_value_t = LearnOptions::default().max_chars)]
    pub max_chars: usize,

    /// In the folder, read only files whose path matches GLOB; `!GLOB` excludes (repeatable).
    #[arg(long = "glob", value_name = "GLOB")]
    pub globs: Vec<String>,

    /// Read the pages in this encoding (a WHATWG label: utf-8, gb18030, big5, utf-16le, …).
    #[arg(long, value_name = "NAME")]
    pub encoding: Option<String>,

    #[command(flatten)]
    pub limits: inputs::LimitArgs,

    /// Also list the recurring shapes that were not learned, and why.
    #[arg(long, short = 'v')]
    pub verbose: bool,

    /// Print no summary, only errors.
    #[arg(long, short = 'q', conflicts_with = "verbose")]
    pub quiet: bool,
}

/// Run `newsclean learn`.
pub fn run(args: &LearnArgs) -> anyhow::Result<u8> {
    if !(0.0..=1.0).contains(&args.min_share) {
        anyhow::bail!("--min-share {} is not a share between 0 and 1", args.min_share);
    }
    let mut decode = newsclean::decode::DecodeOptions::default();
    if let Some(label) = &args.encoding {
        decode.encoding = Some(newsclean::decode::encoding_for_label(label)?);
    }
    let filter = inputs::Filter::new(&args.globs)?;
    let mut failed = 0usize;
    let mut texts: Vec<String> = Vec::new();
    let walk = inputs::walk_indexed(std::slice::from_ref(&args.dir), &filter, None)
        .map(|(_, found)| crate::clean_cmd::skip_backup(found, None));
    for found in walk {
        match found {
            Found::Input(input) => {
                let Source::File(path) = &input.source else { continue };
                let text = inputs::read_file_limited(path, args.limits.max_page_bytes).and_then(|bytes| {
                    newsclean::decode::decode(&bytes, &decode)
                        .map(|d| d.text)
                        .map_err(|e| format!("{e}; skipped"))
                });
                match text {
                    Ok(t) => texts.push(t),
                    Err(msg) => {
                        eprintln!("{}", error_line(&input.display, msg));
                        failed += 1;
                    }
                }
            }
            Found::Problem { display, message } => {
                eprintln!("{}", error_line(&display, message));
                failed += 1;
            }
            Found::Skipped { .. } => {}
        }
    }
    if texts.is_empty() {
        anyhow::bail!(
            "{}: no pages to learn from ({}); give a folder of one publication's pages",
            args.dir.display(),
            if failed > 0 { "no file could be read" } else { "no file found" }
        );
    }
    let opts = LearnOptions {
        min_share: args.min_share,
        min_pages: args.min_pages,
        max_chars: args.max_chars,
        ..LearnOptions::default()
    };
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let learned = learn(&refs, &opts)?;
    let source = args.dir.display().to_string();
    let yaml = learned.to_yaml(&source)?;
    match &args.output {
        Some(path) => atomic::write_atomic(path, yaml.as_bytes(), None)
            .with_context(|| format!("{}: cannot write the rule file", path.display()))?,
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(yaml.as_bytes()).and_then(|_| out.flush()).context("cannot write to stdout")?;
        }
    }
    if !args.quiet {
        let to = args.output.as_ref().map(|p| format!(" -> {}", p.display())).unwrap_or_default();
        eprintln!(
            "newsclean: learned {} furniture rule(s) from {} page(s) (line shapes seen on at least {} pages){to}",
            learned.rules.len(),
            learned.pages,
            learned.threshold,
        );
        if args.verbose {
            for r in &learned.rejected {
                eprintln!(
                    "newsclean: not learned: {:?} (seen on {} pages): {}",
                    r.example, r.pages, r.reason
                );
            }
        } else if !learned.rejected.is_empty() {
            eprintln!(
                "newsclean: {} recurring line shape(s) not learned as furniture (-v lists them)",
                learned.rejected.len()
            );
        }
    }
    Ok(if failed > 0 { EXIT_ERROR } else { EXIT_OK })
}
