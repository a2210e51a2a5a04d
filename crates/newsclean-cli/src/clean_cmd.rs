//! `newsclean clean`: clean files, folders or stdin, in parallel, with output, diffs and
//! reports in input order whatever the thread count, atomic writes, and exit codes
//! 0 (ok), 1 (changes found under `--check`), 2 (an error).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fs;
use std::hash::{Hash as _, Hasher as _};
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Instant;

use anyhow::Context as _;
use clap::{Args, ValueEnum};
use newsclean::core::WordCounts;
use newsclean::report::{ErrorReport, FileReport};
use newsclean::{Cleaned, Cleaner};
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
#[command(
    after_help = "Exit codes: 0 ok, 1 changes found under --check, 2 an error (one bad file never stops the \
                        others).\nA newsclean.yaml in the working folder or a parent is read as a rule file \
                        (see -v; --no-config to ignore it)."
)]
pub struct CleanArgs {
    /// Files, folders (walked recursively, hidden entries skipped) or `-` for standard input.
    #[arg(required = true, value_name = "PATH|-")]
    pub paths: Vec<PathBuf>,

    /// Write the clean files under DIR, mirroring the input tree.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["in_place", "check"])]
    pub out_dir: Option<PathBuf>,

    /// Replace each file by its clean version, atomically (temporary file, then rename).
    #[arg(long, conflicts_with = "check")]
    pub in_place: bool,

    /// With --in-place, keep the original as FILE+SUFFIX (e.g. `--backup .orig`).
    #[arg(long, value_name = "SUFFIX", requires = "in_place")]
    pub backup: Option<String>,

    /// Print a diff of before and after instead of the clean text: unified (default), side, rules.
    #[arg(long, value_name = "MODE", num_args = 0..=1, require_equals = true, default_missing_value = "unified", conflicts_with = "format")]
    pub diff: Option<DiffMode>,

    /// Colour the diff.
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

    /// In folders, clean only files whose path matches GLOB; `!GLOB` excludes (repeatable).
    #[arg(long = "glob", value_name = "GLOB")]
    pub globs: Vec<String>,

    /// Number of files cleaned at once (default: the number of cores).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,

    /// Read every input once first and count its words: where a page's own text is silent
    /// (Latin `to-`/`day`: `to-day` or `today`?), the batch decides. A page's output then
    /// depends on the batch it was cleaned with.
    #[arg(long)]
    pub batch_evidence: bool,

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
}

/// Settings shared by every job.
struct Run<'a> {
    args: &'a CleanArgs,
    cleaner: Cleaner,
    color: bool,
    stdin: Option<Vec<u8>>,
}

/// Files per job in a window of the batch (see `run`): enough that a slow file rarely idles
/// the other workers for long, few enough that waiting results stay small.
const WINDOW_PER_JOB: usize = 64;

pub(crate) fn error_line(display: &str, message: impl std::fmt::Display) -> String {
    format!("newsclean: error: {display}: {message}")
}

/// Run `newsclean clean`. Returns the exit code.
///
/// Memory stays flat however many files there are: the folders are walked lazily, twice (a
/// first walk only counts the inputs and checks the run can go ahead), and the files are
/// cleaned in windows, so no list of the whole batch is ever held.
pub fn run(args: &CleanArgs) -> anyhow::Result<u8> {
    let started = Instant::now();
    let (config, rule_files) = config::build(&args.config.wanted())?;
    if args.verbose > 0 {
        for f in &rule_files {
            eprintln!("newsclean: using rule file {}", f.display());
        }
    }
    let cleaner = Cleaner::from_config(&config)?;
    let filter = inputs::Filter::new(&args.globs)?;
    if args.paths.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        anyhow::bail!("`-` (standard input) given more than once; it can be read only once");
    }
    let walk = || inputs::walk_indexed(&args.paths, &filter, args.out_dir.as_deref());
    let survey = Survey::take(args, walk())?;

    let stdin = if survey.stdin {
        let mut b = Vec::new();
        io::stdin().lock().read_to_end(&mut b).context("cannot read standard input")?;
        Some(b)
    } else {
        None
    };
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let jobs =
        args.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
    let pool =
        rayon::ThreadPoolBuilder::new().num_threads(jobs).build().context("cannot start worker threads")?;
    let cleaner = if args.batch_evidence {
        let words = count_batch_words(&cleaner, walk(), stdin.as_deref(), &pool);
        if args.verbose > 0 {
            eprintln!("newsclean: batch evidence: {} distinct words counted", words.len());
        }
        cleaner.with_batch_words(std::sync::Arc::new(words))
    } else {
        cleaner
    };
    let run = Run { args, cleaner, color, stdin };

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
                Found::Input(input) => planner.plan(k, input),
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
        eprintln!(
            "newsclean: {n_inputs} files, {changed} {what}, {failed} failed, {skipped} skipped in {secs:.2} s ({:.1} MB/s)",
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

/// The words of every input, counted in parallel for `--batch-evidence`. A file that cannot be
/// read counts nothing here; cleaning it reports the error.
fn count_batch_words(
    cleaner: &Cleaner,
    walk: impl Iterator<Item = (usize, Found)> + Send,
    stdin: Option<&[u8]>,
    pool: &rayon::ThreadPool,
) -> WordCounts {
    pool.install(|| {
        walk.par_bridge()
            .fold(WordCounts::new, |mut words, (_, found)| {
                match found {
                    Found::Input(Input { source: Source::Stdin, .. }) => {
                        cleaner.count_batch_words(stdin.unwrap_or_default(), &mut words)
                    }
                    Found::Input(Input { source: Source::File(p), .. }) => {
                        if let Ok(bytes) = read_file(&p) {
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
    fn take(args: &CleanArgs, walk: impl Iterator<Item = (usize, Found)>) -> anyhow::Result<Survey> {
        use std::os::unix::fs::MetadataExt;
        let removed = args.removed.as_ref().and_then(|p| fs::metadata(p).ok()).map(|m| (m.dev(), m.ino()));
        let mut survey = Survey { inputs: 0, stdin: false, skipped: 0 };
        for (_, found) in walk {
            match found {
                Found::Input(input) => {
                    survey.inputs += 1;
                    match &input.source {
                        Source::Stdin => survey.stdin = true,
                        Source::File(p) => {
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
                        eprintln!("newsclean: note: {display}: skipped ({reason})");
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
                return Some(Ok(Job { input, dest }));
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
        Some(Ok(Job { input, dest }))
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
        Source::File(p) => match read_file(p) {
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
    let cleaned = match run.cleaner.clean(bytes) {
        Ok(c) => c,
        Err(e) => {
            out.error = Some(error_line(display, clean_error_advice(&e)));
            return with_json_error(run, out, display);
        }
    };
    out.changed = cleaned.changed_from(bytes);
    if cleaned.report.malformed > 0 {
        out.notes.push(format!(
            "{display}: {} undecodable byte sequence(s) read as {} became U+FFFD (�); check the file, or pass \
             --encoding NAME if it is in another encoding",
            cleaned.report.malformed, cleaned.report.encoding
        ));
    }
    if let Err(msg) = write_output(run, job, &cleaned, bytes, out.changed, &mut out) {
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
        let msg = msg.strip_prefix(display).and_then(|m| m.strip_prefix(": ")).unwrap_or(msg);
        serde_json::to_writer(&mut out.stdout, &ErrorReport::new(display, msg)).expect("an error serializes");
        out.stdout.push(b'\n');
    }
    out.changed = false;
    out
}

pub(crate) fn read_file(p: &Path) -> Result<Vec<u8>, String> {
    let meta = fs::metadata(p).map_err(|e| inputs::describe_open_error(&e))?;
    if !meta.is_file() {
        return Err("not a regular file; skipped".into());
    }
    fs::read(p).map_err(|e| inputs::describe_open_error(&e))
}

fn clean_error_advice(e: &newsclean::Error) -> String {
    use newsclean::core::PassError;
    match e {
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
    cleaned: &Cleaned,
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
            atomic::write_atomic_as(target, cleaned.text.as_bytes(), None, unsynced).map_err(|e| {
                format!("cannot write {} ({e}); choose an --out-dir you can write to", target.display())
            })
        }
        Dest::InPlace(target) => {
            let meta = fs::metadata(target).map_err(|e| inputs::describe_open_error(&e))?;
            if !changed {
                return Ok(());
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
                    format!("cannot write the backup {} ({e}); the file was left unchanged", backup.display())
                })?;
                out.notes.push(format!("{}: original kept as {}", job.input.display, backup.display()));
            }
            atomic::write_atomic(target, cleaned.text.as_bytes(), Some(&meta)).map_err(|e| {
                format!(
                    "cannot replace it ({e}); the file was left unchanged (check that its folder is writable)"
                )
            })
        }
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
        render_diff(&mut out.stdout, mode, display, cleaned, run.color)?;
    } else if args.check {
        if out.changed {
            writeln!(out.stdout, "would change: {display}")?;
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
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let tmp = tempfile::Builder::new()
            .prefix(&format!(".{name}{}", atomic::TMP_TAG))
            .rand_bytes(6)
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
