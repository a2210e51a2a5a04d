//! `newsclean clean`: clean files, folders or stdin, in parallel, with output, diffs and
//! reports in input order whatever the thread count, atomic writes, and exit codes
//! 0 (ok), 1 (changes found under `--check`), 2 (an error).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fs;
use std::hash::{Hash as _, Hasher as _};
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Instant;

use anyhow::Context as _;
use clap::{Args, ValueEnum};
use newsclean::core::WordCounts;
use newsclean::report::{ErrorReport, FileReport};
use newsclean::{Cleaned, Cleaner};
use newsclean::{PageSurvey, Survey as FolderSurvey, SurveyBuilder, SurveyClaims};
use rayon::prelude::*;

use crate::atomic;
use crate::config;
use crate::inputs::{self, Found, Input, Source};

/// Exit code: everything went well.
pub const EXIT_OK: u8 = 0;
/// Exit code: `--check` found files that would change.
pub const EXIT_CHANGES: u8 = 1;
/// Exit code: an error (a bad file, a bad flag, a write that failed).
pub const EXIT_ERROR: u8 = 2;

/// How a diff is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiffMode {
    /// Unified diff, paragraph-aligned, changed characters highlighted, hunks annotated with rule ids.
    Unified,
    /// Before and after side by side.
    Side,
    /// Changes grouped by the rule that made them.
    Rules,
}

/// When to colour output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// When stdout is a terminal and NO_COLOR is not set.
    #[default]
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// The one colour decision of every command: `--color always|never`, or by default colour when
/// standard output is a terminal and `NO_COLOR` is unset or empty (no-color.org).
pub fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

/// What goes to stdout for each file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The clean text (or the diff with `--diff`).
    #[default]
    Text,
    /// One JSON object per file (JSON Lines), schema `newsclean/1` (docs/json.md).
    Json,
}

/// Arguments of `newsclean clean`.
#[derive(Args, Debug)]
#[command(after_help = "Examples:
  newsclean clean page.txt > clean.txt              # one file: the clean text on stdout
  newsclean clean - < page.txt                      # standard input
  newsclean clean pages/ --out-dir clean/           # a folder, mirrored, in parallel
  newsclean clean pages/ --in-place --backup .orig  # replace files, keep the originals
  newsclean clean pages/ --check                    # exit 1 when a file would change
  newsclean clean page.txt --diff=rules             # what changed, by rule
  newsclean clean pages/ --glob '*.txt' --out-dir clean/
  newsclean clean --profile zh-pangu page.txt       # a named profile for every page

--in-place and --out-dir write UTF-8 with LF line endings, whatever the input's encoding and
line endings.

Exit codes: 0 ok, 1 changes found under --check, 2 an error (one bad file never stops the \
                  others).\nThe nearest newsclean.yaml beside each file or in a parent folder (up to the \
                  repository root or your home) is read as a rule file; stderr names it (--no-config \
                  ignores it).")]
pub struct CleanArgs {
    /// Files, folders (walked recursively, hidden entries skipped) or `-` for standard input.
    #[arg(required = true, value_name = "PATH|-")]
    pub paths: Vec<PathBuf>,

    /// Write the clean files under DIR, mirroring the input tree.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["in_place", "check"])]
    pub out_dir: Option<PathBuf>,

    /// Replace each file by its clean version, atomically (temporary file, then rename). The
    /// clean file is UTF-8 with LF line endings, whatever the input's encoding and line
    /// endings (see --keep-encoding).
    #[arg(long, conflicts_with = "check")]
    pub in_place: bool,

    /// With --in-place or --out-dir: write each file in the encoding it was read in (GB18030,
    /// Big5, UTF-16, ...; a BOM is kept) instead of UTF-8. A file whose clean text has a
    /// character that encoding cannot hold is refused and left as it is. Line endings are LF.
    #[arg(long, conflicts_with = "jsonl")]
    pub keep_encoding: bool,

    /// With --in-place, keep the original as FILE+SUFFIX (e.g. `--backup .orig`). Backups are
    /// never inputs: files ending in SUFFIX, and `.orig`, `.bak` or `~` copies of a file
    /// beside them, are skipped.
    #[arg(long, value_name = "SUFFIX", requires = "in_place")]
    pub backup: Option<String>,

    /// Print a diff of before and after instead of the clean text: unified (default), side, rules.
    #[arg(long, value_name = "MODE", num_args = 0..=1, require_equals = true, default_missing_value = "unified", conflicts_with = "format")]
    pub diff: Option<DiffMode>,

    /// Colour the diff: auto (stdout is a terminal and NO_COLOR is unset), always, never.
    #[arg(long, value_name = "WHEN", default_value = "auto")]
    pub color: ColorChoice,

    /// Write nothing; exit 1 when any file would change.
    #[arg(long)]
    pub check: bool,

    /// Print the clean text (text) or one JSON report per file (json, JSON Lines).
    #[arg(long, value_name = "FORMAT", default_value = "text")]
    pub format: Format,

    /// Write every removed piece of text, with its rule id and source position, to FILE (JSON Lines).
    #[arg(long, value_name = "FILE")]
    pub removed: Option<PathBuf>,

    #[command(flatten)]
    pub config: config::ConfigArgs,

    #[command(flatten)]
    pub limits: inputs::LimitArgs,

    /// In folders, clean only files whose path matches GLOB; `!GLOB` excludes (repeatable).
    #[arg(long = "glob", value_name = "GLOB")]
    pub globs: Vec<String>,

    /// Number of files cleaned at once (default: the number of cores; at most 4 per core and
    /// one per input, more would only wait).
    #[arg(long, short = 'j', value_name = "N", value_parser = parse_jobs)]
    pub jobs: Option<usize>,

    /// Read every input once first and count its words: where a page's own text is silent
    /// (Latin `to-`/`day`: `to-day` or `today`?), the batch decides. A page's output then
    /// depends on the batch it was cleaned with.
    #[arg(long)]
    pub batch_evidence: bool,

    /// Do not survey folders first. By default the files of each folder (each subfolder on its
    /// own) are read once before cleaning, and a short line that repeats near the top or
    /// bottom of enough of its pages (3, and a quarter of them; digits and dates folded) is
    /// furniture evidence for every page of that folder (`layout.furniture.repeated`). A file
    /// named alone, or standard input, is never surveyed.
    #[arg(long)]
    pub no_survey: bool,

    /// Say more: the rule files used, skipped entries, the summary for one file.
    #[arg(long, short = 'v', action = clap::ArgAction::Count)]
    pub verbose: u8,

    /// Print no summary and no notes, only errors.
    #[arg(long, short = 'q', conflicts_with = "verbose")]
    pub quiet: bool,
}

/// Where the clean text of one input goes.
#[derive(Clone, Debug)]
enum Dest {
    /// Nowhere (`--check`, `--diff`, `--format json`).
    None,
    /// Standard output.
    Stdout,
    /// A file under `--out-dir`.
    OutFile(PathBuf),
    /// The input file itself, replaced atomically (the resolved path, symlinks followed).
    InPlace(PathBuf),
}

/// The result of one input, printed in input order.
#[derive(Default)]
struct Outcome {
    /// Bytes for stdout.
    stdout: Vec<u8>,
    /// JSON Lines for the `--removed` file.
    removed: Vec<u8>,
    /// Error lines (already formatted, naming the file).
    error: Option<String>,
    /// Notes for stderr (shown unless --quiet).
    notes: Vec<String>,
    changed: bool,
    bytes: u64,
}

struct Job {
    input: Input,
    dest: Dest,
    /// The folder whose survey is this file's evidence (a file found in a folder argument).
    folder: Option<PathBuf>,
}

/// Settings shared by every job.
struct Run<'a> {
    args: &'a CleanArgs,
    /// One cleaner per project rule file, found for every input by the survey.
    cleaners: config::Cleaners<'a>,
    color: bool,
    stdin: Option<Vec<u8>>,
    /// The survey of each folder (`--no-survey`: none).
    surveys: Surveys,
}

/// Files per job in a window of the batch (see `run`): enough that a slow file rarely idles
/// the other workers for long, few enough that waiting results stay small.
const WINDOW_PER_JOB: usize = 64;

pub(crate) fn error_line(display: &str, message: impl std::fmt::Display) -> String {
    format!("newsclean: error: {}: {message}", inputs::quote(display))
}

/// Run `newsclean clean`. Returns the exit code.
///
/// Memory stays flat however many files there are: the folders are walked lazily, twice (a
/// first walk only counts the inputs and checks the run can go ahead), and the files are
/// cleaned in windows, so no list of the whole batch is ever held.
pub fn run(args: &CleanArgs) -> anyhow::Result<u8> {
    let started = Instant::now();
    refuse_flags_that_cannot_apply(args)?;
    let mut cleaners = args.config.cleaners();
    cleaners.prepare()?;
    let filter = inputs::Filter::new(&args.globs)?;
    if args.paths.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        anyhow::bail!("`-` (standard input) given more than once; it can be read only once");
    }
    let walk = || {
        inputs::walk_indexed(&args.paths, &filter, args.out_dir.as_deref())
            .map(|(k, found)| (k, skip_backup(found, args.backup.as_deref())))
    };
    let survey = Survey::take(args, walk(), &mut cleaners)?;
    cleaners.print_notes(args.quiet);

    let stdin = if survey.stdin {
        Some(inputs::read_stdin_limited(args.limits.max_page_bytes).map_err(anyhow::Error::msg)?)
    } else {
        None
    };
    let color = use_color(args.color);
    let jobs = worker_count(args.jobs, survey.inputs);
    if args.verbose > 0 && args.jobs.is_some_and(|j| j > jobs) {
        eprintln!(
            "newsclean: note: {jobs} worker(s): more would only wait (4 per core, one per input at most)"
        );
    }
    let pool =
        rayon::ThreadPoolBuilder::new().num_threads(jobs).build().context("cannot start worker threads")?;
    if args.batch_evidence
        && let Some((_, reader)) = cleaners.list.first()
    {
        // Counting words only decodes: any of the cleaners reads the inputs the same way.
        let words = std::sync::Arc::new(count_batch_words(
            reader,
            walk(),
            stdin.as_deref(),
            &pool,
            args.limits.max_page_bytes,
        ));
        if args.verbose > 0 {
            eprintln!("newsclean: batch evidence: {} distinct words counted", words.len());
        }
        cleaners.map(|c| c.with_batch_words(words.clone()));
    }
    let surveys = match cleaners.list.first() {
        Some((_, reader)) if !args.no_survey => {
            survey_folders(args, reader, walk(), args.limits.max_page_bytes, &pool, jobs)
        }
        _ => Surveys::default(),
    };
    let run = Run { args, cleaners, color, stdin, surveys };

    let mut removed_out = match &args.removed {
        Some(path) => Some(RemovedSink::create(path)?),
        None => None,
    };

    let progress = progress_bar(args, survey.inputs);
    let skipped = survey.skipped;
    let mut n_inputs = 0usize;
    let mut stdout = io::BufWriter::new(io::stdout().lock());
    let mut stdout_ok = true;
    let (mut changed, mut failed, mut bytes) = (0usize, 0usize, 0u64);
    let (tx, rx) = mpsc::channel::<(usize, Outcome)>();
    std::thread::scope(|s| -> anyhow::Result<()> {
        let run = &run;
        let walk = &walk;
        s.spawn(move || {
            // Windows of files, each cleaned in parallel: results are printed in input order,
            // so the results that finish early wait for their turn; a window bounds how many
            // wait (over the whole batch, rayon's halves would leave half of it waiting) and
            // how many jobs are planned ahead of the cleaning.
            let window = WINDOW_PER_JOB * jobs;
            let mut planner = Planner::new(args);
            let mut items = walk().filter_map(|(k, found)| match found {
                Found::Input(input) => {
                    let folder = surveyed_folder(args, k, &input);
                    planner.plan(k, input).map(|r| r.map(|job| Job { folder, ..job }))
                }
                Found::Problem { display, message } => Some(Err(error_line(&display, message))),
                Found::Skipped { .. } => None,
            });
            let mut base = 0;
            loop {
                let chunk: Vec<Result<Job, String>> = items.by_ref().take(window).collect();
                if chunk.is_empty() {
                    break;
                }
                clean_stale_temps(args, &chunk);
                let tx = tx.clone();
                pool.install(|| {
                    chunk.par_iter().enumerate().for_each_with(tx, |tx, (i, item)| {
                        let outcome = match item {
                            Ok(job) => process(run, job),
                            Err(line) => Outcome { error: Some(line.clone()), ..Outcome::default() },
                        };
                        let _ = tx.send((base + i, outcome));
                    });
                });
                base += chunk.len();
            }
            drop(tx);
        });
        // Print in input order as results arrive: keep early arrivals until their turn.
        let mut pending = BTreeMap::new();
        let mut next = 0;
        for (i, outcome) in rx {
            pending.insert(i, outcome);
            while let Some(o) = pending.remove(&next) {
                next += 1;
                n_inputs += 1;
                progress.inc(1);
                bytes += o.bytes;
                changed += usize::from(o.changed);
                if stdout_ok
                    && !o.stdout.is_empty()
                    && let Err(e) = stdout.write_all(&o.stdout)
                {
                    stdout_ok = false;
                    if e.kind() != io::ErrorKind::BrokenPipe {
                        progress.suspend(|| eprintln!("newsclean: error: cannot write to stdout: {e}"));
                        failed += 1;
                    }
                }
                if let Some(sink) = removed_out.as_mut() {
                    sink.write(&o.removed)?;
                }
                if let Some(err) = &o.error {
                    failed += 1;
                    progress.suspend(|| eprintln!("{err}"));
                }
                if !args.quiet {
                    for n in &o.notes {
                        progress.suspend(|| eprintln!("newsclean: note: {n}"));
                    }
                }
            }
        }
        Ok(())
    })?;
    if stdout_ok
        && let Err(e) = stdout.flush()
        && e.kind() != io::ErrorKind::BrokenPipe
    {
        eprintln!("newsclean: error: cannot write to stdout: {e}");
        failed += 1;
    }
    progress.finish_and_clear();
    if let Some(sink) = removed_out {
        sink.finish()?;
    }
    let secs = started.elapsed().as_secs_f64();
    if !args.quiet && (n_inputs > 1 || args.verbose > 0) {
        let what = if args.check { "would change" } else { "changed" };
        let s = &run.surveys;
        let survey = if s.folders > 0 {
            format!(
                "; survey: {} repeated line(s) in {} of {} folder(s)",
                s.repeated, s.with_lines, s.folders
            )
        } else {
            String::new()
        };
        eprintln!(
            "newsclean: {n_inputs} files, {changed} {what}, {failed} failed, {skipped} skipped in {secs:.2} s ({:.1} MB/s){survey}",
            bytes as f64 / 1e6 / secs.max(1e-9)
        );
    }
    Ok(if failed > 0 {
        EXIT_ERROR
    } else if args.check && changed > 0 {
        EXIT_CHANGES
    } else {
        EXIT_OK
    })
}

/// Refuse, before anything is read or written, a run whose flags cannot all apply: standard
/// input has no file to replace (`--in-place`) and no name to write under (`--out-dir`); a
/// `--backup` suffix must give the backup a name of its own beside the file.
fn refuse_flags_that_cannot_apply(args: &CleanArgs) -> anyhow::Result<()> {
    let stdin = args.paths.iter().any(|p| p.as_os_str() == "-");
    if stdin && args.in_place {
        anyhow::bail!(
            "--in-place replaces files, and `-` (standard input) is not a file; drop --in-place to print the \
             clean text to stdout (`newsclean clean - < IN > OUT`), or name the file instead of `-`"
        );
    }
    if stdin && let Some(dir) = &args.out_dir {
        anyhow::bail!(
            "--out-dir {} writes each file under its own name, and `-` (standard input) has none; drop \
             --out-dir and redirect stdout (`newsclean clean - < IN > {}/NAME`), or name the file instead of `-`",
            dir.display(),
            dir.display()
        );
    }
    if let Some(suffix) = &args.backup {
        backup_suffix_ok(suffix)?;
    }
    if !args.globs.is_empty() && !args.paths.iter().any(|p| p.is_dir()) {
        anyhow::bail!(
            "--glob filters the files found in folders, and no folder was given (files named on the command \
             line are always cleaned); name a folder, or drop --glob"
        );
    }
    if args.keep_encoding && !args.in_place && args.out_dir.is_none() {
        anyhow::bail!(
            "--keep-encoding applies to the files written by --in-place or --out-dir DIR (what goes to \
             stdout is UTF-8); add one of them, or drop --keep-encoding"
        );
    }
    Ok(())
}

/// The clean text in the encoding `report` says the input was read in, with its BOM if it had
/// one (`--keep-encoding`); an error naming the first character that encoding cannot hold.
fn encode_like_input(text: &str, report: &newsclean::decode::DecodeReport) -> Result<Vec<u8>, String> {
    use newsclean::decode::DetectedBy;
    let encoding = encoding_rs::Encoding::for_label(report.encoding.as_bytes()).ok_or_else(|| {
        format!("--keep-encoding: the input's encoding {} cannot be written", report.encoding)
    })?;
    let bom = report.detected_by == DetectedBy::Bom;
    let utf16 = |be: bool| -> Vec<u8> {
        let mark = if bom { "\u{feff}" } else { "" };
        mark.encode_utf16()
            .chain(text.encode_utf16())
            .flat_map(|u| if be { u.to_be_bytes() } else { u.to_le_bytes() })
            .collect()
    };
    if encoding == encoding_rs::UTF_16LE {
        return Ok(utf16(false));
    }
    if encoding == encoding_rs::UTF_16BE {
        return Ok(utf16(true));
    }
    if encoding == encoding_rs::UTF_8 {
        let mut out = if bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
        out.extend_from_slice(text.as_bytes());
        return Ok(out);
    }
    let mut encoder = encoding.new_encoder();
    let mut out = Vec::with_capacity(text.len() * 2);
    let mut rest = text;
    loop {
        let need = encoder
            .max_buffer_length_from_utf8_without_replacement(rest.len())
            .unwrap_or(rest.len() * 4 + 16);
        out.reserve(need);
        let (result, read) = encoder.encode_from_utf8_to_vec_without_replacement(rest, &mut out, true);
        rest = &rest[read..];
        match result {
            encoding_rs::EncoderResult::InputEmpty => return Ok(out),
            encoding_rs::EncoderResult::OutputFull => continue,
            encoding_rs::EncoderResult::Unmappable(c) => {
                let line = text[..text.len() - rest.len()].matches('\n').count() + 1;
                return Err(format!(
                    "--keep-encoding: the clean text has {c:?} (U+{:04X}, line {line}), which {} cannot hold, so the \
                     file was left unchanged (drop --keep-encoding to write UTF-8)",
                    c as u32,
                    encoding.name()
                ));
            }
        }
    }
}

/// A `--backup` suffix that names a file of its own beside the original: not empty (the backup
/// would be the file itself, overwritten by the clean text) and without a path separator.
pub(crate) fn backup_suffix_ok(suffix: &str) -> anyhow::Result<()> {
    if suffix.is_empty() {
        anyhow::bail!(
            "--backup \"\": an empty suffix names the file itself, so the backup would be overwritten by the \
             clean text; give a suffix such as --backup .orig"
        );
    }
    if suffix.contains('/') || suffix == "." || suffix == ".." {
        anyhow::bail!(
            "--backup {suffix:?}: the suffix is added to the file's name and must not hold a `/`; give a suffix \
             such as --backup .orig"
        );
    }
    Ok(())
}

/// Suffixes that mark a backup of the file named without them (`a.txt.orig` beside `a.txt`).
const BACKUP_SUFFIXES: &[&str] = &[".orig", ".bak", "~"];

/// Backups and project rule files are never inputs: a file whose name ends in this run's
/// `--backup` suffix, or in a common backup suffix (`.orig`, `.bak`, `~`) added to a file
/// beside it, is skipped (`-v` names it). Otherwise a second `--in-place --backup .orig` run
/// would clean its own backups (`a.txt.orig.orig`) and `--check` would never pass. A
/// `newsclean.yaml` is the folder's rule file, not a page: cleaning it would rewrite its rules.
pub(crate) fn skip_backup(found: Found, suffix: Option<&str>) -> Found {
    let Found::Input(Input { source: Source::File(path), display, rel }) = found else { return found };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    if name == config::PROJECT_RULES {
        return Found::Skipped { display, reason: "the project rule file, not a page".into() };
    }
    // This run's own suffix marks a backup whether or not the original is still there.
    let own = suffix.and_then(|s| Some((s, name.strip_suffix(s).filter(|o| !o.is_empty())?.to_string())));
    let of = own.or_else(|| {
        BACKUP_SUFFIXES.iter().find_map(|&s| {
            let original = name.strip_suffix(s).filter(|o| !o.is_empty())?;
            path.with_file_name(original).is_file().then(|| (s, original.to_string()))
        })
    });
    match of {
        Some((s, original)) => Found::Skipped {
            display,
            reason: format!("a backup of {original} (its name ends in {s:?}); backups are never inputs"),
        },
        None => Found::Input(Input { source: Source::File(path), display, rel }),
    }
}

/// The cores of this machine.
pub(crate) fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Most workers per core: cleaning is CPU-bound, a few more than the cores hide file I/O.
pub(crate) const WORKERS_PER_CORE: usize = 4;

/// The worker threads for `asked` (`--jobs`, default the cores) over `inputs` inputs: at most
/// [`WORKERS_PER_CORE`] per core and one per input, at least one.
pub(crate) fn worker_count(asked: Option<usize>, inputs: usize) -> usize {
    asked.unwrap_or_else(cores).min(cores() * WORKERS_PER_CORE).min(inputs.max(1)).max(1)
}

/// `--jobs N`: a number of at least 1.
fn parse_jobs(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(0) => {
            Err("0 workers would clean nothing; give 1 or more (the default is the number of cores)".into())
        }
        Ok(n) => Ok(n),
        Err(_) => Err(format!("{s:?} is not a number of workers")),
    }
}

/// The words of every input, counted in parallel for `--batch-evidence`. A file that cannot be
/// read counts nothing here; cleaning it reports the error.
fn count_batch_words(
    cleaner: &Cleaner,
    walk: impl Iterator<Item = (usize, Found)> + Send,
    stdin: Option<&[u8]>,
    pool: &rayon::ThreadPool,
    max_bytes: u64,
) -> WordCounts {
    pool.install(|| {
        walk.par_bridge()
            .fold(WordCounts::new, |mut words, (_, found)| {
                match found {
                    Found::Input(Input { source: Source::Stdin, .. }) => {
                        cleaner.count_batch_words(stdin.unwrap_or_default(), &mut words)
                    }
                    Found::Input(Input { source: Source::File(p), .. }) => {
                        if let Ok(bytes) = inputs::read_file_limited(&p, max_bytes) {
                            cleaner.count_batch_words(&bytes, &mut words);
                        }
                    }
                    Found::Problem { .. } | Found::Skipped { .. } => {}
                }
                words
            })
            .reduce(WordCounts::new, |mut a, b| {
                a.merge(b);
                a
            })
    })
}

/// The survey of each folder of the batch: the folded lines that repeat near the top or bottom
/// of its pages, found before any page is cleaned.
#[derive(Default)]
struct Surveys {
    by_folder: BTreeMap<PathBuf, std::sync::Arc<FolderSurvey>>,
    /// Folders surveyed.
    folders: usize,
    /// Folders where repeated lines were found.
    with_lines: usize,
    /// Repeated lines found, over all folders.
    repeated: usize,
    /// The first pages the survey decoded, kept for their cleaning.
    decodes: Decodes,
}

/// How many bytes of decoded pages (and of their bytes, where those are not the text) the
/// survey keeps for the cleaning, which then does not decode them again: a larger batch's peak
/// memory grows by at most this much (the pages are let go as they are cleaned, the first
/// ones first). A page whose decoding changed nothing (UTF-8 already clean, the common case)
/// is not kept at all: only its length, a fingerprint and the decoding's report
/// ([`KEPT_SAME_BYTES`] of the budget), and its cleaning takes the bytes read again as the text
/// when they match.
const DECODE_CACHE_BYTES: usize = 2 << 20;

/// What a page whose decoding changed nothing costs of [`DECODE_CACHE_BYTES`], near enough (its
/// report, fingerprint and path).
const KEPT_SAME_BYTES: usize = 256;

/// Pages the survey decoded, by path, for their cleaning (see [`DECODE_CACHE_BYTES`]).
#[derive(Default)]
struct Decodes {
    /// How the survey decoded them: a page cleaned by a cleaner that decodes otherwise is
    /// decoded again.
    options: Option<newsclean::decode::DecodeOptions>,
    pages: std::sync::Mutex<HashMap<PathBuf, KeptDecode>>,
    /// Bytes kept so far (the budget is spent once: pages let go do not make room).
    kept: usize,
    /// The fingerprint's keys, drawn once a run (a file changed between the survey and its
    /// cleaning into other bytes of the same length and fingerprint is decoded from them as
    /// text that needs no decoding change only with a chance of about 2^-64; the text is
    /// always the bytes read for the cleaning, never the survey's).
    keys: std::collections::hash_map::RandomState,
}

/// A page the survey decoded.
enum KeptDecode {
    /// Decoding changed nothing: the text is the bytes.
    Same { len: usize, fingerprint: u64, report: newsclean::decode::DecodeReport },
    /// Decoding changed the bytes: the bytes read, when they are not the decoded text, and the
    /// decoding.
    Changed { bytes: Option<Vec<u8>>, decoded: newsclean::decode::Decoded },
}

impl KeptDecode {
    /// What the survey keeps of `decoded`, made from `bytes`, and the decoded text when it
    /// is not kept (the survey counts it, then lets it go).
    fn new(
        bytes: Vec<u8>,
        decoded: newsclean::decode::Decoded,
        keys: &impl std::hash::BuildHasher,
    ) -> (Self, Option<String>) {
        let same = decoded.source.is_none()
            && decoded.edits.is_empty()
            && decoded.text.as_bytes() == bytes.as_slice();
        if same {
            let fingerprint = keys.hash_one(bytes.as_slice());
            (KeptDecode::Same { len: bytes.len(), fingerprint, report: decoded.report }, Some(decoded.text))
        } else {
            let bytes = (decoded.text.as_bytes() != bytes.as_slice()).then_some(bytes);
            (KeptDecode::Changed { bytes, decoded }, None)
        }
    }

    /// The decoded text the survey counts: `text` when the page is not kept.
    fn text<'a>(&'a self, text: &'a Option<String>) -> &'a str {
        match (self, text) {
            (_, Some(t)) => t,
            (KeptDecode::Changed { decoded, .. }, None) => &decoded.text,
            (KeptDecode::Same { .. }, None) => "",
        }
    }

    /// The memory it holds, near enough.
    fn size(&self) -> usize {
        match self {
            KeptDecode::Same { .. } => KEPT_SAME_BYTES,
            KeptDecode::Changed { bytes, decoded: d } => {
                bytes.as_ref().map_or(0, Vec::len) + d.text.len() + d.source.as_ref().map_or(0, String::len)
            }
        }
    }
}

impl Decodes {
    /// Keep `page` (the survey's decoding of `path`) while the budget lasts.
    fn keep(&mut self, path: PathBuf, page: KeptDecode) {
        let size = page.size();
        if self.kept + size <= DECODE_CACHE_BYTES {
            self.kept += size;
            self.pages.get_mut().unwrap_or_else(std::sync::PoisonError::into_inner).insert(path, page);
        }
    }

    /// The survey's decoding of `path`, if it was kept, `bytes` are the bytes it was made
    /// from and `options` how it was made; let go either way.
    fn take(
        &self,
        path: &Path,
        bytes: &[u8],
        options: newsclean::decode::DecodeOptions,
    ) -> Option<newsclean::decode::Decoded> {
        let page = self.pages.lock().unwrap_or_else(std::sync::PoisonError::into_inner).remove(path)?;
        if self.options != Some(options) {
            return None;
        }
        match page {
            KeptDecode::Same { len, fingerprint, report } => {
                if len != bytes.len() || std::hash::BuildHasher::hash_one(&self.keys, bytes) != fingerprint {
                    return None;
                }
                let text = String::from_utf8(bytes.to_vec()).ok()?;
                Some(newsclean::decode::Decoded { text, report, source: None, edits: Vec::new() })
            }
            KeptDecode::Changed { bytes: kept, decoded } => {
                let same_bytes = match &kept {
                    Some(b) => b.as_slice() == bytes,
                    None => decoded.text.as_bytes() == bytes,
                };
                same_bytes.then_some(decoded)
            }
        }
    }
}

/// The folder whose survey is `input`'s evidence: the folder holding it, when it was found by
/// walking a folder argument (a file named alone is cleaned on its own evidence).
fn surveyed_folder(args: &CleanArgs, arg: usize, input: &Input) -> Option<PathBuf> {
    match &input.source {
        Source::File(p) if args.paths.get(arg).is_some_and(|a| a.is_dir()) => {
            p.parent().map(Path::to_path_buf)
        }
        _ => None,
    }
}

/// Survey every folder of the batch (each subfolder on its own): read each of its files once
/// (within the page size limit), count the folded lines of its top and bottom bands. Only the
/// counts are kept, a few bytes per distinct line and a hash per page, never the pages;
/// counts are summed, so the result does not depend on the order or the number of workers.
///
/// The files are read, decoded and surveyed page by page by the workers, a window at a time
/// (as `run` cleans them), and counted on this thread in the walk's order: the same survey
/// whatever `--jobs` (a copy of a page counts once, the first time it is met), and no more
/// than a window of pages held.
fn survey_folders(
    args: &CleanArgs,
    reader: &Cleaner,
    walk: impl Iterator<Item = (usize, Found)>,
    max_bytes: u64,
    pool: &rayon::ThreadPool,
    jobs: usize,
) -> Surveys {
    let mut builders = BTreeMap::<PathBuf, SurveyBuilder>::new();
    let mut decodes = Decodes { options: Some(reader.decode_options()), ..Decodes::default() };
    let mut files = walk.filter_map(|(k, found)| match found {
        Found::Input(input) => {
            let folder = surveyed_folder(args, k, &input)?;
            match input.source {
                Source::File(p) if newsclean::structure::markdown_by_name(&p).is_none() => Some((folder, p)),
                _ => None,
            }
        }
        _ => None,
    });
    let window = WINDOW_PER_JOB * jobs;
    // Each folder's number (the scope of its pages' claims), and the pages claimed.
    let mut folder_index = HashMap::<PathBuf, usize>::new();
    let claims = SurveyClaims::new();
    loop {
        let chunk: Vec<(PathBuf, PathBuf)> = files.by_ref().take(window).collect();
        if chunk.is_empty() {
            break;
        }
        // A page counts when it decodes and is no Markdown document (as
        // `Cleaner::survey_page`); the bytes are kept only when they are not the text. Each
        // worker works out what its page adds to the survey (`PageSurvey`), and this thread
        // counts those in the walk's order.
        // The first worker to meet a page of a folder works out its survey; a copy met
        // since (or on the other worker) only claims it (`None`), and the builder counts the
        // one survey of it whatever the order.
        let keys = &decodes.keys;
        let folder_ids: Vec<usize> = chunk
            .iter()
            .map(|(folder, _)| {
                let next = folder_index.len();
                *folder_index.entry(folder.clone()).or_insert(next)
            })
            .collect();
        let pages: Vec<Option<(KeptDecode, Option<PageSurvey>)>> = pool.install(|| {
            chunk
                .par_iter()
                .zip(&folder_ids)
                .map(|((_, p), &folder)| {
                    let bytes = inputs::read_file_limited(p, max_bytes).ok()?;
                    let decoded = reader.decode(&bytes).ok()?;
                    newsclean::structure::markdown_evidence(&decoded.text).is_none().then_some(())?;
                    let (page, text) = KeptDecode::new(bytes, decoded, keys);
                    let counted = page.text(&text);
                    // A folder of CJK pages loads the dictionary beside its survey.
                    newsclean::layout::words::preload_for(counted);
                    let survey = claims.survey(folder, counted);
                    Some((page, survey))
                })
                .collect()
        });
        for ((folder, path), page) in chunk.into_iter().zip(pages) {
            if let Some((page, survey)) = page {
                let builder = builders.entry(folder).or_default();
                if let Some(survey) = survey {
                    builder.add(survey);
                }
                decodes.keep(path, page);
            }
        }
    }
    let mut out = Surveys { decodes, ..Surveys::default() };
    for (folder, builder) in builders {
        out.folders += 1;
        let survey = builder.finish();
        if !survey.is_empty() {
            out.with_lines += 1;
            out.repeated += survey.len();
            out.by_folder.insert(folder, std::sync::Arc::new(survey));
        }
    }
    out
}

/// True when the run writes clean text (not a diff, a report or nothing), to stdout unless
/// `--out-dir` or `--in-place` sends it to files.
fn prints_clean_text(args: &CleanArgs) -> bool {
    !args.check && args.diff.is_none() && args.format == Format::Text
}

/// What a first walk over the inputs finds, before anything is read: how many inputs there
/// are (for the progress bar), whether stdin is one, how many entries were skipped.
struct Survey {
    inputs: usize,
    stdin: bool,
    skipped: usize,
}

impl Survey {
    /// Walk the inputs once, and refuse a run that cannot go ahead: several inputs with only
    /// stdout to write to, or a `--removed` file that is one of the inputs.
    /// It also finds the project rule file of every input's folder and builds its cleaner.
    fn take(
        args: &CleanArgs,
        walk: impl Iterator<Item = (usize, Found)>,
        cleaners: &mut config::Cleaners<'_>,
    ) -> anyhow::Result<Survey> {
        use std::os::unix::fs::MetadataExt;
        let removed = args.removed.as_ref().and_then(|p| fs::metadata(p).ok()).map(|m| (m.dev(), m.ino()));
        let mut survey = Survey { inputs: 0, stdin: false, skipped: 0 };
        for (_, found) in walk {
            match found {
                Found::Input(input) => {
                    survey.inputs += 1;
                    match &input.source {
                        // A project rule file that cannot be used fails the files it applies
                        // to (reported when each is cleaned), not the run.
                        Source::Stdin => {
                            survey.stdin = true;
                            let _ = cleaners.index_for(Path::new("-"));
                        }
                        Source::File(p) => {
                            let _ = cleaners.index_for(p);
                            if let (Some(r), Some(path)) = (removed, &args.removed)
                                && fs::metadata(p).is_ok_and(|m| (m.dev(), m.ino()) == r)
                            {
                                anyhow::bail!(
                                    "--removed {}: that is an input file; refusing to overwrite it (choose another path)",
                                    path.display()
                                );
                            }
                        }
                    }
                }
                Found::Problem { .. } => survey.inputs += 1,
                Found::Skipped { display, reason } => {
                    survey.skipped += 1;
                    if args.verbose > 0 {
                        eprintln!("newsclean: note: {}: skipped ({reason})", inputs::quote(&display));
                    }
                }
            }
        }
        let files = survey.inputs;
        if prints_clean_text(args) && args.out_dir.is_none() && !args.in_place && files > 1 {
            anyhow::bail!(
                "{files} inputs but the clean text of only one can go to stdout; choose where it goes with \
                 --out-dir DIR or --in-place (or use --check, --diff or --format json)"
            );
        }
        Ok(survey)
    }
}

/// Where each input's clean text goes, decided one input at a time as the walk goes on.
/// Refuses outputs that would overwrite an input or collide with another output. What it
/// remembers is small: nothing for one folder into `--out-dir`; with several arguments, a
/// hash of each output path (two arguments can hold the same relative path); with
/// `--in-place`, each file's device and inode (a file reached twice, through a link, is
/// cleaned once).
struct Planner<'a> {
    args: &'a CleanArgs,
    to_stdout_text: bool,
    outputs: HashMap<u64, usize>,
    in_place: HashSet<(u64, u64)>,
}

impl<'a> Planner<'a> {
    fn new(args: &'a CleanArgs) -> Self {
        Planner {
            args,
            to_stdout_text: prints_clean_text(args),
            outputs: HashMap::new(),
            in_place: HashSet::new(),
        }
    }

    /// The job for `input`, found under argument `arg`; `None` for a file already planned.
    fn plan(&mut self, arg: usize, input: Input) -> Option<Result<Job, String>> {
        use std::os::unix::fs::MetadataExt;
        let path = match &input.source {
            Source::Stdin => {
                let dest = if self.to_stdout_text { Dest::Stdout } else { Dest::None };
                return Some(Ok(Job { input, dest, folder: None }));
            }
            Source::File(p) => p.clone(),
        };
        let args = self.args;
        let dest = if let Some(out) = &args.out_dir {
            let target = out.join(&input.rel);
            if same_file(&target, &path) {
                return Some(Err(error_line(
                    &input.display,
                    format!(
                        "the output {} is the input itself; refusing to overwrite it (use --in-place to \
                         change files in place, or another --out-dir)",
                        target.display()
                    ),
                )));
            }
            if args.paths.len() > 1 {
                let mut h = std::hash::DefaultHasher::new();
                input.rel.hash(&mut h);
                if let Some(&first) = self.outputs.get(&h.finish()) {
                    return Some(Err(error_line(
                        &input.display,
                        format!(
                            "its output {} is also the output of an input found under {}; refusing to \
                             overwrite it (clean the two into different --out-dir folders)",
                            target.display(),
                            args.paths[first].display()
                        ),
                    )));
                }
                self.outputs.insert(h.finish(), arg);
            }
            Dest::OutFile(target)
        } else if args.in_place {
            let real = fs::canonicalize(&path).unwrap_or(path);
            if let Ok(m) = fs::metadata(&real)
                && !self.in_place.insert((m.dev(), m.ino()))
            {
                // The same file reached twice (through a link): clean it once.
                return None;
            }
            Dest::InPlace(real)
        } else if self.to_stdout_text {
            Dest::Stdout
        } else {
            Dest::None
        };
        Some(Ok(Job { input, dest, folder: None }))
    }
}

/// True when `a` and `b` name the same existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
        _ => false,
    }
}

/// Remove the temporary files that an interrupted run left beside this run's targets.
fn clean_stale_temps(args: &CleanArgs, items: &[Result<Job, String>]) {
    let mut by_dir: BTreeMap<PathBuf, BTreeSet<String>> = BTreeMap::new();
    for job in items.iter().flatten() {
        if let Dest::OutFile(p) | Dest::InPlace(p) = &job.dest
            && let Some(name) = p.file_name().and_then(|n| n.to_str())
        {
            by_dir.entry(atomic::parent_dir(p).to_path_buf()).or_default().insert(name.to_string());
        }
    }
    for (dir, names) in by_dir {
        for p in atomic::remove_stale(&dir, &names) {
            if !args.quiet {
                eprintln!(
                    "newsclean: note: removed {}, a temporary file left by an interrupted run",
                    p.display()
                );
            }
        }
    }
}

/// Clean one input and write its output; never panics the batch, never stops the others.
fn process(run: &Run<'_>, job: &Job) -> Outcome {
    let display = &job.input.display;
    let mut out = Outcome::default();
    let owned;
    let bytes: &[u8] = match &job.input.source {
        Source::Stdin => run.stdin.as_deref().unwrap_or_default(),
        Source::File(p) if let Some(why) = newsclean::structure::markdown_by_name(p) => {
            out.error = Some(error_line(display, newsclean::Error::Structured(why).to_string()));
            return with_json_error(run, out, display);
        }
        Source::File(p) => match inputs::read_file_limited(p, run.args.limits.max_page_bytes) {
            Ok(b) => {
                owned = b;
                &owned
            }
            Err(msg) => {
                out.error = Some(error_line(display, msg));
                return with_json_error(run, out, display);
            }
        },
    };
    out.bytes = bytes.len() as u64;
    let at = match &job.input.source {
        Source::Stdin => Path::new("-"),
        Source::File(p) => p.as_path(),
    };
    let cleaner = match run.cleaners.built_for(at) {
        Ok(c) => c,
        Err(msg) => {
            out.error = Some(error_line(display, msg));
            return with_json_error(run, out, display);
        }
    };
    let survey = job.folder.as_ref().and_then(|d| run.surveys.by_folder.get(d).cloned());
    // The survey's decoding of these bytes, when it kept it.
    let kept = match &job.input.source {
        Source::File(p) => run.surveys.decodes.take(p, bytes, cleaner.decode_options()),
        Source::Stdin => None,
    };
    let cleaned = match kept {
        Some(decoded) => cleaner.clean_decoded(decoded, survey),
        None => cleaner.clean_surveyed(bytes, survey),
    };
    let cleaned = match cleaned {
        Ok(c) => c,
        Err(e) => {
            out.error = Some(error_line(display, clean_error_advice(&e, &job.input, run.args)));
            return with_json_error(run, out, display);
        }
    };
    // With --keep-encoding the bytes written are the clean text in the input's encoding.
    let encoded = if run.args.keep_encoding && matches!(job.dest, Dest::InPlace(_) | Dest::OutFile(_)) {
        match encode_like_input(&cleaned.text, &cleaned.report) {
            Ok(b) => Some(b),
            Err(msg) => {
                out.error = Some(error_line(display, msg));
                return with_json_error(run, out, display);
            }
        }
    } else {
        None
    };
    out.changed = match &encoded {
        Some(b) => b.as_slice() != bytes,
        None => cleaned.changed_from(bytes),
    };
    // A page read in another encoding is written as UTF-8: a change of bytes that no edit of
    // the text shows, so say it (the diff and `explain` show only text; `--check` counts it).
    if encoded.is_none()
        && out.changed
        && cleaned.text.as_bytes() != bytes
        && !cleaned.report.encoding.eq_ignore_ascii_case("UTF-8")
        && !matches!(job.dest, Dest::Stdout)
    {
        out.notes.push(format!(
            "{}: read as {}; the clean file is UTF-8 (--keep-encoding with --in-place or --out-dir \
             writes {} back)",
            inputs::quote(display),
            cleaned.report.encoding,
            cleaned.report.encoding
        ));
    }
    if cleaned.report.malformed > 0 {
        out.notes.push(format!(
            "{}: {} undecodable byte sequence(s) read as {} became U+FFFD (�); check the file, or pass \
             --encoding NAME if it is in another encoding",
            inputs::quote(display),
            cleaned.report.malformed,
            cleaned.report.encoding
        ));
    }
    let written = encoded.as_deref().unwrap_or(cleaned.text.as_bytes());
    if let Err(msg) = write_output(run, job, written, &cleaned.report, bytes, out.changed, &mut out) {
        out.error = Some(error_line(display, msg));
        return with_json_error(run, out, display);
    }
    if let Err(e) = render_stdout(run, job, &cleaned, bytes, &mut out) {
        out.error = Some(error_line(display, format!("cannot render the output: {e}")));
        return out;
    }
    if run.args.removed.is_some() {
        for r in newsclean::report::removed(display, &cleaned) {
            serde_json::to_writer(&mut out.removed, &r).expect("a removed piece serializes");
            out.removed.push(b'\n');
        }
    }
    out
}

fn with_json_error(run: &Run<'_>, mut out: Outcome, display: &str) -> Outcome {
    if run.args.format == Format::Json {
        let msg = out.error.as_deref().unwrap_or_default();
        let msg = msg.strip_prefix("newsclean: error: ").unwrap_or(msg);
        let msg =
            msg.strip_prefix(&*inputs::quote(display)).and_then(|m| m.strip_prefix(": ")).unwrap_or(msg);
        serde_json::to_writer(&mut out.stdout, &ErrorReport::new(display, msg)).expect("an error serializes");
        out.stdout.push(b'\n');
    }
    out.changed = false;
    out
}

fn clean_error_advice(e: &newsclean::Error, input: &Input, args: &CleanArgs) -> String {
    use newsclean::core::PassError;
    use newsclean::decode::DecodeError;
    match e {
        // A binary file met in a folder: say how to leave such files out of the walk.
        newsclean::Error::Decode(d @ DecodeError::Binary { .. })
            if !args.paths.iter().any(|p| p.as_os_str() == input.display.as_str()) =>
        {
            let glob = match Path::new(&input.display).extension().and_then(|e| e.to_str()) {
                Some(ext) => format!("'!*.{ext}'"),
                None => "'*.txt'".to_string(),
            };
            format!("{d}; skipped (to leave such files out of a folder, add --glob {glob})")
        }
        newsclean::Error::Decode(d) => format!("{d}; skipped"),
        newsclean::Error::Structured(_) => format!("{e}"),
        // Rules that never settle or that grow the text: with the user's rule files that is
        // most likely one of theirs, so say which way to look.
        newsclean::Error::Pass(p @ (PassError::NoConvergence { .. } | PassError::Other { .. })) => format!(
            "{p}; the file was left alone (check the rules it names in your rule files: two that undo each \
             other, or one whose replacement matches again; if they are built-in, please report it with the file)"
        ),
        other => format!("{other}; the file was left alone (please report this as a bug with the file)"),
    }
}

fn write_output(
    run: &Run<'_>,
    job: &Job,
    clean: &[u8],
    report: &newsclean::decode::DecodeReport,
    original: &[u8],
    changed: bool,
    out: &mut Outcome,
) -> Result<(), String> {
    match &job.dest {
        Dest::None | Dest::Stdout => Ok(()),
        Dest::OutFile(target) => {
            let dir = atomic::parent_dir(target);
            fs::create_dir_all(dir).map_err(|e| {
                format!(
                    "cannot create the output folder {} ({e}); choose an --out-dir you can write to",
                    dir.display()
                )
            })?;
            // New files from untouched inputs: atomic, not fsynced (see `Durability::Unsynced`).
            let unsynced = atomic::Durability::Unsynced;
            atomic::write_atomic_as(target, clean, None, unsynced).map_err(|e| {
                format!("cannot write {}: {}", target.display(), atomic::describe_write_error(&e, target))
            })
        }
        Dest::InPlace(target) => {
            let meta = fs::metadata(target).map_err(|e| inputs::describe_open_error(&e))?;
            if !changed {
                return Ok(());
            }
            if !report.confident && run.args.config.encoding.is_none() {
                return Err(format!(
                    "the encoding is a guess ({}: {}), so the file was left unchanged; check the text with \
                     `newsclean clean FILE`, then pass --encoding NAME to replace it",
                    report.encoding, report.evidence
                ));
            }
            if meta.permissions().readonly() {
                return Err(
                    "the file is read-only, so it was left unchanged (make it writable with `chmod u+w`, or \
                     write the clean text elsewhere with --out-dir DIR)"
                        .into(),
                );
            }
            if let Some(suffix) = &run.args.backup {
                let mut name = target.file_name().unwrap_or_default().to_os_string();
                name.push(suffix);
                let backup = target.with_file_name(name);
                atomic::write_atomic(&backup, original, Some(&meta)).map_err(|e| {
                    format!(
                        "cannot write the backup {}: {}; the file was left unchanged",
                        backup.display(),
                        atomic::describe_write_error(&e, &backup)
                    )
                })?;
                out.notes.push(format!(
                    "{}: original kept as {}",
                    inputs::quote(&job.input.display),
                    inputs::quote(&shown_beside(&job.input.display, &backup))
                ));
            }
            atomic::write_atomic(target, clean, Some(&meta)).map_err(|e| {
                format!(
                    "cannot replace it: {}; the file was left unchanged",
                    atomic::describe_write_error(&e, target)
                )
            })
        }
    }
}

/// `path` (a file beside the input), named as the user named the input when it is in that
/// input's folder (`work/a.txt.orig` for `work/a.txt`), else in full (the input was a link).
fn shown_beside(display: &str, path: &Path) -> String {
    let shown = Path::new(display).with_file_name(path.file_name().unwrap_or_default());
    let same_dir = |p: &Path| fs::canonicalize(atomic::parent_dir(p)).ok();
    if same_dir(&shown).is_some_and(|d| Some(d) == same_dir(path)) {
        shown.display().to_string()
    } else {
        path.display().to_string()
    }
}

fn render_stdout(
    run: &Run<'_>,
    job: &Job,
    cleaned: &Cleaned,
    original: &[u8],
    out: &mut Outcome,
) -> io::Result<()> {
    let args = run.args;
    let display = &job.input.display;
    if args.format == Format::Json {
        serde_json::to_writer(&mut out.stdout, &FileReport::new(display.as_str(), cleaned, original))?;
        out.stdout.push(b'\n');
    } else if let Some(mode) = args.diff {
        render_diff(&mut out.stdout, mode, &inputs::quote(display), cleaned, run.color)?;
    } else if args.check {
        if out.changed {
            writeln!(out.stdout, "would change: {}", inputs::quote(display))?;
        }
    } else if matches!(job.dest, Dest::Stdout) {
        out.stdout.extend_from_slice(cleaned.text.as_bytes());
    }
    Ok(())
}

/// Render the diff of one cleaned page: the one place that calls the diff crate, so its modes
/// can be swapped without touching the rest of the command.
pub fn render_diff(
    out: &mut dyn Write,
    mode: DiffMode,
    name: &str,
    cleaned: &Cleaned,
    color: bool,
) -> io::Result<()> {
    let mode = match mode {
        DiffMode::Unified => newsclean_diff::DiffMode::Unified,
        DiffMode::Side => newsclean_diff::DiffMode::Side,
        DiffMode::Rules => newsclean_diff::DiffMode::Rules,
    };
    // Side by side fits the terminal: $COLUMNS when the shell exports it, else 120.
    let width = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|&w: &usize| w >= 20)
        .unwrap_or(120);
    let opts = newsclean_diff::DiffOptions { color, width, ..newsclean_diff::DiffOptions::default() };
    newsclean_diff::render_diff(out, name, &cleaned.input, &cleaned.page, mode, &opts).map_err(|e| match e {
        newsclean_diff::RenderError::Io(e) => e,
        e => io::Error::other(e),
    })
}

/// A progress bar on stderr for batches, when stderr is a terminal and stdout does not print
/// on that same terminal (the bar would tear the output apart).
fn progress_bar(args: &CleanArgs, n: usize) -> indicatif::ProgressBar {
    let prints_to_stdout = args.format == Format::Json
        || args.diff.is_some()
        || args.check
        || (args.out_dir.is_none() && !args.in_place);
    if args.quiet || n < 2 || !io::stderr().is_terminal() || (prints_to_stdout && io::stdout().is_terminal())
    {
        return indicatif::ProgressBar::hidden();
    }
    let pb =
        indicatif::ProgressBar::with_draw_target(Some(n as u64), indicatif::ProgressDrawTarget::stderr());
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed} ETA {eta}")
    {
        pb.set_style(style);
    }
    pb
}

/// The `--removed` JSON Lines file, written beside its final name and renamed at the end.
struct RemovedSink {
    tmp: io::BufWriter<tempfile::NamedTempFile>,
    path: PathBuf,
}

impl RemovedSink {
    /// Open the sink (that `path` is not an input was checked by [`Survey::take`]).
    fn create(path: &Path) -> anyhow::Result<Self> {
        let dir = atomic::parent_dir(path);
        let tmp = tempfile::Builder::new()
            .prefix(&atomic::temp_prefix())
            .rand_bytes(6)
            .permissions(atomic::new_file_permissions())
            .tempfile_in(dir)
            .with_context(|| format!("--removed {}: cannot write in {}", path.display(), dir.display()))?;
        Ok(RemovedSink { tmp: io::BufWriter::new(tmp), path: path.to_path_buf() })
    }

    fn write(&mut self, bytes: &[u8]) -> anyhow::Result<()> {
        self.tmp.write_all(bytes).with_context(|| format!("--removed {}: cannot write", self.path.display()))
    }

    fn finish(self) -> anyhow::Result<()> {
        let path = self.path;
        let tmp = self.tmp.into_inner().map_err(|e| e.into_error()).context("--removed: cannot write")?;
        tmp.as_file().sync_all()?;
        tmp.persist(&path)
            .map_err(|e| e.error)
            .with_context(|| format!("--removed {}: cannot write", path.display()))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsclean::decode::{DecodeOptions, decode};

    fn kept(d: &Decodes, bytes: &[u8]) -> KeptDecode {
        let decoded = decode(bytes, &DecodeOptions::default()).expect("text");
        KeptDecode::new(bytes.to_vec(), decoded, &d.keys).0
    }

    /// A kept decoding serves only the same bytes decoded the same way, once; the budget
    /// bounds what is kept.
    #[test]
    fn kept_decodes_serve_only_the_same_bytes_once() {
        let options = DecodeOptions::default();
        let mut d = Decodes { options: Some(options), ..Decodes::default() };
        let crlf = b"\xEF\xBB\xBFline one\r\nline two\r\n";
        d.keep("a".into(), kept(&d, b"plain text\n"));
        d.keep("b".into(), kept(&d, crlf));
        d.keep("c".into(), kept(&d, b"plain text\n"));
        assert_eq!(
            d.take(Path::new("a"), b"plain text\n", options).map(|x| x.text),
            Some("plain text\n".into())
        );
        assert!(d.take(Path::new("a"), b"plain text\n", options).is_none(), "taken once");
        assert_eq!(
            d.take(Path::new("b"), crlf, options).map(|x| x.text),
            Some("line one\nline two\n".into())
        );
        assert!(d.take(Path::new("c"), b"other text\n", options).is_none(), "the file changed");
        d.keep("e".into(), kept(&d, b"plain text\n"));
        let other = DecodeOptions { repair_mojibake: false, ..options };
        assert!(d.take(Path::new("e"), b"plain text\n", other).is_none(), "decoded otherwise");
        assert!(d.take(Path::new("e"), b"plain text\n", options).is_none(), "let go");
        let big = "x\r\n".repeat(DECODE_CACHE_BYTES / 3 + 1);
        d.keep("f".into(), kept(&d, big.as_bytes()));
        assert!(d.take(Path::new("f"), big.as_bytes(), options).is_none(), "over the budget");
        // A page that decoding leaves as it is costs a fingerprint, not its size: it is kept
        // whatever its size, and its text is the bytes read for the cleaning.
        let clean = "x\n".repeat(DECODE_CACHE_BYTES);
        d.keep("g".into(), kept(&d, clean.as_bytes()));
        assert_eq!(d.take(Path::new("g"), clean.as_bytes(), options).map(|x| x.text), Some(clean.clone()));
        d.keep("h".into(), kept(&d, clean.as_bytes()));
        let other = "y\n".repeat(DECODE_CACHE_BYTES);
        assert!(d.take(Path::new("h"), other.as_bytes(), options).is_none(), "the same length, other bytes");
    }
}
