//! `cargo xtask bench`: throughput and peak memory of whole `newsclean` processes against the
//! floor (read, validate UTF-8, NFC, write) and the nearest peer (autocorrect 2.14), on a corpus
//! built from `seeds/` by shuffling paragraphs deterministically.
//!
//! Usage: `cargo xtask bench [--small | --mb N] [--no-build] [--no-peer] [--no-python]
//! [--only TEXT]`. The default corpus is about 200 MB in 12,000 files plus a 100 MB JSON Lines
//! file; `--mb N` scales all three (`--small` is `--mb 20`). The corpus is cached under
//! `target/bench-corpus/`; results go to `target/bench/results.json`. `--only TEXT` runs the
//! rows whose name holds TEXT (`--only jsonl`: the JSON Lines rows and the Python rows;
//! `--only one-line`: the 204 MB page on one line, whose peak memory must stay under 5x its size).
//!
//! The Python rows (`py …`) run `crates/newsclean-py/bench/bench.py` on the JSON Lines file in
//! a venv under `target/bench-py-venv` (the package built by pip from `crates/newsclean-py`,
//! ftfy from PyPI): their seconds and CPU seconds are the script's own, timed in Python around
//! the cleaning (reading and parsing the file left out); their peak memory is the process's.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{Context as _, bail};
use serde_json::json;

/// The default corpus size in MB.
const DEFAULT_MB: u64 = 200;
/// Copies of a page a worker holds while cleaning it (input bytes, decoded text, page text,
/// edit log before/after, output), a generous bound for the memory budget.
const COPIES: f64 = 16.0;
/// Files per MB of corpus (12,000 files for 200 MB).
const FILES_PER_MB: u64 = 60;

struct Options {
    mb: u64,
    build: bool,
    peer: bool,
    python: bool,
    only: Option<String>,
}

/// ftfy, the Python text fixer the Python rows compare with.
const FTFY: &str = "ftfy==6.3.1";

/// One run to time: name, input bytes, input files, command, file for its stdout.
type Planned<'a> = (&'a str, u64, u64, Vec<String>, Option<PathBuf>);

/// Run the bench with the command-line arguments after `bench`.
pub fn run(args: &[String]) -> anyhow::Result<()> {
    let mut opts = Options { mb: DEFAULT_MB, build: true, peer: true, python: true, only: None };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--small" => opts.mb = 20,
            "--mb" => opts.mb = it.next().context("--mb needs a number")?.parse()?,
            "--no-build" => opts.build = false,
            "--no-peer" => opts.peer = false,
            "--no-python" => opts.python = false,
            "--only" => opts.only = Some(it.next().context("--only needs a text")?.clone()),
            s => bail!(
                "unknown bench option {s:?}; usage: cargo xtask bench [--small | --mb N] [--no-build] \
                 [--no-peer] [--no-python] [--only TEXT]"
            ),
        }
    }
    let root = workspace_root();
    let target = root.join("target");
    if opts.build {
        eprintln!("bench: cargo build --release -p newsclean-cli");
        let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            .args(["build", "--release", "-p", "newsclean-cli"])
            .current_dir(&root)
            .status()?;
        if !status.success() {
            bail!("cargo build --release -p newsclean-cli failed");
        }
    }
    let newsclean = target.join("release/newsclean");
    if !newsclean.exists() {
        bail!("{} is missing: run without --no-build", newsclean.display());
    }
    let corpus =
        crate::corpus::build(&root.join("seeds"), &target.join("bench-corpus"), opts.mb, FILES_PER_MB)?;
    let bench_dir = target.join("bench");
    std::fs::create_dir_all(&bench_dir)?;
    let timer = Timer::new(&bench_dir)?;
    let floor = std::env::current_exe()?;
    let out = bench_dir.join("out");

    let files = corpus.files_dir.to_string_lossy().into_owned();
    let few = corpus.few_dir.to_string_lossy().into_owned();
    let jsonl = corpus.jsonl.to_string_lossy().into_owned();
    let o = |name: &str| out.join(name).to_string_lossy().into_owned();
    let nc = newsclean.to_string_lossy().into_owned();
    let fl = floor.to_string_lossy().into_owned();

    let wanted = |name: &str| opts.only.as_ref().is_none_or(|o| name.contains(o.as_str()));
    let mut runs = Vec::new();
    let mut add = |name: &str,
                   bytes: u64,
                   files: u64,
                   cmd: Vec<String>,
                   stdout: Option<PathBuf>|
     -> anyhow::Result<()> {
        if !wanted(name) {
            return Ok(());
        }
        let mut r = timer.time(name, bytes, files, &cmd, stdout.as_deref())?;
        if name.starts_with("py ") {
            r.take_script_times(stdout.as_deref());
        }
        eprintln!("bench: {:<24} {}", r.name, r.summary());
        runs.push(r);
        Ok(())
    };
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let (fb, fnum) = (corpus.files_bytes, corpus.files);
    let (kb, knum) = (corpus.few_bytes, corpus.few);

    let load_before = load_average();
    let tiny = corpus.tiny.to_string_lossy().into_owned();
    // The few-files set twelve times over (links to it): as many files as the corpus, the
    // content of the few; tells whether memory grows with the number of files or with how
    // varied their content is.
    let few12_dir = bench_dir.join("few-x12");
    if !few12_dir.exists() {
        std::fs::create_dir_all(&few12_dir)?;
        for k in 0..12 {
            std::os::unix::fs::symlink(&corpus.few_dir, few12_dir.join(format!("copy{k:02}")))?;
        }
    }
    let few12 = few12_dir.to_string_lossy().into_owned();
    let jb = corpus.jsonl_bytes;
    let plan: Vec<Planned> = vec![
        (
            "baseline -j1 (1 tiny file)",
            2,
            1,
            s(&[&nc, "clean", "-j", "1", &tiny, "--out-dir", &o("tiny1")]),
            None,
        ),
        (
            "baseline -j2 (1 tiny file)",
            2,
            1,
            s(&[&nc, "clean", "-j", "2", &tiny, "--out-dir", &o("tiny2")]),
            None,
        ),
        ("floor -j1", fb, fnum, s(&[&fl, "floor", "-j", "1", "--out-dir", &o("floor1"), &files]), None),
        ("floor -j2", fb, fnum, s(&[&fl, "floor", "-j", "2", "--out-dir", &o("floor2"), &files]), None),
        ("clean -j1", fb, fnum, s(&[&nc, "clean", "-j", "1", &files, "--out-dir", &o("clean1")]), None),
        ("clean -j2", fb, fnum, s(&[&nc, "clean", "-j", "2", &files, "--out-dir", &o("clean2")]), None),
        (
            "clean -j1 (few files)",
            kb,
            knum,
            s(&[&nc, "clean", "-j", "1", &few, "--out-dir", &o("few1")]),
            None,
        ),
        (
            "clean -j2 (few files)",
            kb,
            knum,
            s(&[&nc, "clean", "-j", "2", &few, "--out-dir", &o("few2")]),
            None,
        ),
        (
            "clean -j2 (few files x12)",
            kb * 12,
            knum * 12,
            s(&[&nc, "clean", "-j", "2", &few12, "--out-dir", &o("few12")]),
            None,
        ),
        ("floor jsonl -j1", jb, 1, s(&[&fl, "floor", "-j", "1", "--out-dir", &o("floorj"), &jsonl]), None),
        (
            "clean --jsonl -j1",
            jb,
            1,
            s(&[&nc, "clean", "--jsonl", "-j", "1", &jsonl]),
            Some(out.join("j1.jsonl")),
        ),
        (
            "clean --jsonl -j2",
            jb,
            1,
            s(&[&nc, "clean", "--jsonl", "-j", "2", &jsonl]),
            Some(out.join("j2.jsonl")),
        ),
    ];
    for (name, bytes, n, cmd, stdout) in plan {
        add(name, bytes, n, cmd, stdout)?;
    }
    // One page on one line (issue 21 item 4): its peak memory against the file's size.
    if wanted(ONE_LINE) {
        let (path, bytes) = crate::corpus::build_one_line(&root.join("seeds"), &target.join("bench-corpus"))?;
        let p = path.to_string_lossy().into_owned();
        add(ONE_LINE, bytes, 1, s(&[&nc, "clean", "-j", "1", &p, "--out-dir", &o("oneline")]), None)?;
    }
    // The Python package on the same records.
    let mut python_note = "Python rows not run (--no-python)".to_string();
    if opts.python && ["py clean_many jsonl -j2", "py ftfy jsonl -j1"].iter().any(|n| wanted(n)) {
        match python_env(&root, &target.join("bench-py-venv")) {
            Ok((python, note)) => {
                python_note = note;
                let py = python.to_string_lossy().into_owned();
                let script = root.join("crates/newsclean-py/bench/bench.py").to_string_lossy().into_owned();
                for (name, mode) in [
                    ("py clean_many jsonl -j2", "many"),
                    ("py clean jsonl -j1", "one"),
                    ("py ftfy jsonl -j1", "ftfy"),
                ] {
                    let cmd = s(&[&py, &script, mode, &jsonl, "--jobs", "2"]);
                    add(name, jb, 1, cmd, Some(out.join(format!("{mode}.json"))))?;
                }
            }
            Err(e) => python_note = format!("Python rows not run: {e:#}"),
        }
    }
    // The English path, on real OCR where the data is (it is not in the repository).
    let en_data = root.join("../shared/realdata/en-overproof");
    let english =
        crate::corpus::build_english(&en_data, &target.join("bench-corpus"), opts.mb / 4, FILES_PER_MB)?;
    let english_note = match english.as_ref().filter(|_| wanted("clean en -j")) {
        Some(en) => {
            let f = en.files_dir.to_string_lossy().into_owned();
            for j in ["1", "2"] {
                add(
                    &format!("floor en -j{j}"),
                    en.bytes,
                    en.files,
                    s(&[&fl, "floor", "-j", j, "--out-dir", &o(&format!("flooren{j}")), &f]),
                    None,
                )?;
            }
            for j in ["1", "2"] {
                add(
                    &format!("clean en -j{j}"),
                    en.bytes,
                    en.files,
                    s(&[&nc, "clean", "-j", j, &f, "--out-dir", &o(&format!("cleanen{j}"))]),
                    None,
                )?;
            }
            format!(
                "English: {} files, {:.1} MB of real OCR ({} articles of {})",
                en.files,
                en.bytes as f64 / 1e6,
                en.articles,
                en_data.display()
            )
        }
        None => format!("English: skipped, no real OCR set at {}", en_data.display()),
    };
    let mut peer_note = "peer not run (--no-peer)".to_string();
    if opts.peer && wanted("peer autocorrect --fix") {
        match crate::peer::install(&bench_dir.join("peer")) {
            Ok(peer) => {
                // autocorrect skips files its walker sees as git-ignored (all of target/), so
                // it works on a copy outside the repository.
                let copy = std::env::temp_dir().join(format!("newsclean-bench-peer-{}", std::process::id()));
                copy_dir(&corpus.files_dir, &copy)?;
                let c = copy.to_string_lossy().into_owned();
                add(
                    "peer autocorrect --fix",
                    fb,
                    fnum,
                    s(&[&peer.to_string_lossy(), "--fix", "--quiet", &c]),
                    None,
                )?;
                let changed = crate::peer::count_changed(&corpus.files_dir, &copy)?;
                peer_note = format!(
                    "autocorrect 2.14 ({}, all cores) changed {changed} of {fnum} files",
                    crate::peer::PACKAGE
                );
                std::fs::remove_dir_all(&copy)?;
            }
            Err(e) => peer_note = format!("peer not available: {e:#}"),
        }
    }
    std::fs::remove_dir_all(&out).ok();

    let load = format!("load average before {load_before}, after {}", load_average());
    let report = Report {
        runs: &runs,
        corpus: &corpus,
        peer_note: &peer_note,
        load: &load,
        english: &english_note,
        python: &python_note,
    };
    let table = report.table();
    println!("{table}");
    let path = bench_dir.join("results.json");
    std::fs::write(&path, serde_json::to_string_pretty(&report.json())?)?;
    println!("results written to {}", path.display());
    Ok(())
}

/// A venv with the newsclean package (built by pip from `crates/newsclean-py`, so it is the
/// source as it stands) and ftfy. Returns its python and a note naming the versions.
fn python_env(root: &Path, venv: &Path) -> anyhow::Result<(PathBuf, String)> {
    let python = venv.join("bin/python");
    if !python.exists() {
        eprintln!("bench: creating {}", venv.display());
        let ok =
            Command::new("python3").args(["-m", "venv"]).arg(venv).status().context("python3 not found")?;
        if !ok.success() {
            bail!("python3 -m venv failed (Debian: apt-get install python3-venv)");
        }
    }
    let pip = |args: &[&str]| -> anyhow::Result<()> {
        let ok = Command::new(&python)
            .args(["-m", "pip", "install", "--quiet", "--disable-pip-version-check"])
            .args(args)
            .current_dir(root)
            .status()?;
        if !ok.success() {
            bail!("pip install {} failed", args.join(" "));
        }
        Ok(())
    };
    pip(&[FTFY])?;
    eprintln!("bench: pip install ./crates/newsclean-py (release build)");
    pip(&["--force-reinstall", "--no-deps", "./crates/newsclean-py"])?;
    let version = Command::new(&python)
        .args(["-c", "import sys, ftfy; print(sys.version.split()[0], ftfy.__version__)"])
        .output()?;
    let v = String::from_utf8_lossy(&version.stdout).trim().to_string();
    let (py, ftfy) = v.split_once(' ').unwrap_or((&v, "?"));
    Ok((python, format!("Python {py}, newsclean from crates/newsclean-py, ftfy {ftfy} (fix_text, defaults)")))
}

/// The row of the one-line page.
const ONE_LINE: &str = "clean one-line page -j1";

/// The workspace root: the parent of xtask's manifest folder.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the workspace").to_path_buf()
}

fn copy_dir(from: &Path, to: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(to)?;
    for e in std::fs::read_dir(from)? {
        let e = e?;
        std::fs::copy(e.path(), to.join(e.file_name()))?;
    }
    Ok(())
}

/// One timed process.
pub struct Run {
    name: String,
    cmd: Vec<String>,
    bytes: u64,
    files: u64,
    seconds: f64,
    /// User plus system CPU seconds, from `time -v`.
    cpu_seconds: Option<f64>,
    max_rss_kb: Option<u64>,
    error: Option<String>,
}

impl Run {
    fn mb_s(&self) -> Option<f64> {
        (self.error.is_none() && self.seconds > 0.0).then(|| self.bytes as f64 / 1e6 / self.seconds)
    }

    /// MB per CPU second: steadier than wall-clock MB/s on a shared machine.
    fn mb_cpu_s(&self) -> Option<f64> {
        let cpu = self.cpu_seconds.filter(|c| *c > 0.0)?;
        self.error.is_none().then(|| self.bytes as f64 / 1e6 / cpu)
    }

    /// Take seconds and CPU seconds from the JSON a Python row's script printed (its own
    /// timing of the cleaning, without start-up and reading the file).
    fn take_script_times(&mut self, stdout: Option<&Path>) {
        if self.error.is_some() {
            return;
        }
        let parsed = stdout
            .and_then(|p| std::fs::read_to_string(p).ok())
            .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok());
        match parsed.as_ref().and_then(|v| Some((v["seconds"].as_f64()?, v["cpu_seconds"].as_f64()?))) {
            Some((seconds, cpu)) => {
                self.seconds = seconds;
                self.cpu_seconds = Some(cpu);
            }
            None => self.error = Some("the script printed no timing".into()),
        }
    }

    fn summary(&self) -> String {
        match &self.error {
            Some(e) => format!("FAILED: {e}"),
            None => format!(
                "{:.2} s, {:.1} MB/s, peak {}",
                self.seconds,
                self.mb_s().unwrap_or(0.0),
                self.max_rss_kb.map_or("?".into(), |k| format!("{:.1} MB", k as f64 / 1024.0))
            ),
        }
    }
}

struct Timer {
    gnu_time: Option<PathBuf>,
    scratch: PathBuf,
}

impl Timer {
    fn new(bench_dir: &Path) -> anyhow::Result<Self> {
        let t = PathBuf::from("/usr/bin/time");
        let gnu_time = Command::new(&t)
            .args(["-v", "true"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
            .then_some(t);
        if gnu_time.is_none() {
            eprintln!("bench: /usr/bin/time -v not found (Debian package `time`): peak memory not measured");
        }
        Ok(Timer { gnu_time, scratch: bench_dir.to_path_buf() })
    }

    /// Run `cmd` as a whole process, timing its wall clock and reading its peak RSS.
    fn time(
        &self,
        name: &str,
        bytes: u64,
        files: u64,
        cmd: &[String],
        stdout: Option<&Path>,
    ) -> anyhow::Result<Run> {
        // Each run starts from an empty output folder.
        if let Some(i) = cmd.iter().position(|a| a == "--out-dir") {
            let dir = Path::new(&cmd[i + 1]);
            if dir.exists() {
                std::fs::remove_dir_all(dir)?;
            }
        }
        let rss_file = self.scratch.join("time-v.txt");
        let mut c = match &self.gnu_time {
            Some(t) => {
                let mut c = Command::new(t);
                c.arg("-v").arg("-o").arg(&rss_file).args(cmd);
                c
            }
            None => {
                let mut c = Command::new(&cmd[0]);
                c.args(&cmd[1..]);
                c
            }
        };
        let stderr_file = self.scratch.join("stderr.txt");
        c.stderr(std::fs::File::create(&stderr_file)?);
        match stdout {
            Some(p) => {
                std::fs::create_dir_all(p.parent().context("stdout file has no folder")?)?;
                c.stdout(std::fs::File::create(p)?)
            }
            None => c.stdout(Stdio::null()),
        };
        let start = Instant::now();
        let status = c.status().with_context(|| format!("cannot start {}", cmd[0]))?;
        let seconds = start.elapsed().as_secs_f64();
        let error = (!status.success()).then(|| {
            let err = std::fs::read_to_string(&stderr_file).unwrap_or_default();
            let tail: Vec<&str> = err
                .lines()
                .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with("Command "))
                .take(3)
                .collect();
            format!("{status}: {}", tail.join(" / "))
        });
        let report =
            self.gnu_time.as_ref().and_then(|_| std::fs::read_to_string(&rss_file).ok()).unwrap_or_default();
        let field = |name: &str| -> Option<f64> {
            report.lines().find_map(|l| l.trim().strip_prefix(name)).and_then(|v| v.trim().parse().ok())
        };
        let max_rss_kb = field("Maximum resident set size (kbytes): ").map(|v| v as u64);
        let cpu_seconds =
            field("User time (seconds): ").zip(field("System time (seconds): ")).map(|(u, s)| u + s);
        Ok(Run {
            name: name.into(),
            cmd: cmd.to_vec(),
            bytes,
            files,
            seconds,
            cpu_seconds,
            max_rss_kb,
            error,
        })
    }
}

struct Report<'a> {
    runs: &'a [Run],
    corpus: &'a crate::corpus::Corpus,
    peer_note: &'a str,
    load: &'a str,
    english: &'a str,
    python: &'a str,
}

impl Report<'_> {
    fn get(&self, name: &str) -> Option<&Run> {
        self.runs.iter().find(|r| r.name == name)
    }

    fn speed(&self, name: &str) -> Option<f64> {
        self.get(name).and_then(Run::mb_s)
    }

    fn rss(&self, name: &str) -> Option<f64> {
        self.get(name).filter(|r| r.error.is_none()).and_then(|r| r.max_rss_kb).map(|k| k as f64 / 1024.0)
    }

    fn ratio(&self, a: &str, b: &str) -> Option<f64> {
        Some(self.speed(a)? / self.speed(b)?)
    }

    fn cpu_ratio(&self, a: &str, b: &str) -> Option<f64> {
        Some(self.get(a)?.mb_cpu_s()? / self.get(b)?.mb_cpu_s()?)
    }

    /// The share of the peak a page may take: the largest file × jobs × [`COPIES`].
    fn per_file_share(&self, jobs: f64) -> Option<f64> {
        (self.corpus.largest > 0).then(|| COPIES * jobs * self.corpus.largest as f64 / (1 << 20) as f64)
    }

    /// (what, measured, target, met)
    fn targets(&self) -> Vec<(String, String, String, Option<bool>)> {
        let mut t = Vec::new();
        let fmt = |v: Option<f64>, unit: &str| v.map_or("n/a".into(), |v| format!("{v:.2}{unit}"));
        let mut ratio = |what: &str, a: &str, b: &str, min: f64| {
            let r = self.ratio(a, b);
            t.push((what.to_string(), fmt(r, "x"), format!(">= {min}x"), r.map(|r| r >= min)));
            let r = self.cpu_ratio(a, b);
            t.push(("  same, per CPU second".into(), fmt(r, "x"), format!(">= {min}x"), r.map(|r| r >= min)));
        };
        ratio("clean -j1 / floor -j1", "clean -j1", "floor -j1", 0.25);
        ratio("clean -j2 / floor -j2", "clean -j2", "floor -j2", 0.25);
        ratio("jsonl -j1 / floor jsonl -j1", "clean --jsonl -j1", "floor jsonl -j1", 0.25);
        ratio("clean -j2 / peer", "clean -j2", "peer autocorrect --fix", 5.0);
        ratio("clean en -j1 / floor en -j1", "clean en -j1", "floor en -j1", 0.25);
        let r = self.ratio("clean en -j2", "clean en -j1");
        t.push(("clean en -j2 / clean en -j1".into(), fmt(r, "x"), ">= 1.8x".into(), r.map(|r| r >= 1.8)));
        let r = self.ratio("clean -j2", "clean -j1");
        t.push(("clean -j2 / clean -j1".into(), fmt(r, "x"), ">= 1.8x".into(), r.map(|r| r >= 1.8)));
        let r = self.ratio("clean --jsonl -j2", "clean --jsonl -j1");
        t.push(("jsonl -j2 / jsonl -j1".into(), fmt(r, "x"), ">= 1.8x".into(), r.map(|r| r >= 1.8)));
        let one_line = self.get(ONE_LINE).filter(|r| r.error.is_none());
        let r = one_line.and_then(|r| Some(r.max_rss_kb? as f64 * 1024.0 / r.bytes as f64));
        t.push((
            "peak of the one-line page / its size".into(),
            fmt(r, "x"),
            "< 5x".into(),
            r.map(|r| r < 5.0),
        ));
        let mut ratio = |what: &str, a: &str, b: &str, min: f64| {
            let r = self.ratio(a, b);
            t.push((what.to_string(), fmt(r, "x"), format!(">= {min}x"), r.map(|r| r >= min)));
            let r = self.cpu_ratio(a, b);
            t.push(("  same, per CPU second".into(), fmt(r, "x"), format!(">= {min}x"), r.map(|r| r >= min)));
        };
        ratio("py clean_many -j2 / jsonl -j2", "py clean_many jsonl -j2", "clean --jsonl -j2", 0.9);
        ratio("py clean -j1 / jsonl -j1", "py clean jsonl -j1", "clean --jsonl -j1", 0.8);
        // Beside it, for the reader: ftfy does far less (no layout), so no target.
        let r = self.ratio("py clean jsonl -j1", "py ftfy jsonl -j1");
        t.push(("py clean -j1 / py ftfy -j1".into(), fmt(r, "x"), "(for comparison)".into(), None));
        for (py, cli) in
            [("py clean_many jsonl -j2", "clean --jsonl -j2"), ("py clean jsonl -j1", "clean --jsonl -j1")]
        {
            let (p, c) = (self.rss(py), self.rss(cli));
            t.push((
                format!("peak {py} / {cli}"),
                format!("{} vs {}", fmt(p, " MB"), fmt(c, " MB")),
                "<= 1.5x".into(),
                p.zip(c).map(|(p, c)| p <= 1.5 * c),
            ));
        }
        for j in [1.0, 2.0] {
            let (m, f) = (self.rss(&format!("clean -j{j}")), self.rss(&format!("clean -j{j} (few files)")));
            // The same for few and many files: within 5% or 1 MB.
            let met = m.zip(f).map(|(m, f)| (m - f).abs() <= (0.05 * f).max(1.0));
            t.push((
                format!("peak -j{j}: {} vs {} files", self.corpus.files, self.corpus.few),
                format!("{} vs {}", fmt(m, " MB"), fmt(f, " MB")),
                "same (5% or 1 MB)".into(),
                met,
            ));
            if j == 2.0 {
                let (r, f) = (self.rss("clean -j2 (few files x12)"), self.rss("clean -j2 (few files)"));
                t.push((
                    format!("  same {} files x12 vs once", self.corpus.few),
                    format!("{} vs {}", fmt(r, " MB"), fmt(f, " MB")),
                    "(file count alone)".into(),
                    r.zip(f).map(|(r, f)| (r - f).abs() <= (0.05 * f).max(1.0)),
                ));
            }
            // What is left of the peak once the files' share is taken off: the constant.
            let constant = m.zip(self.per_file_share(j)).map(|(m, share)| m - share);
            let tiny = self.rss(&format!("baseline -j{j} (1 tiny file)"));
            t.push((
                format!("  peak - {COPIES} x largest x {j}"),
                fmt(constant, " MB"),
                format!("tiny-file run {}", fmt(tiny, " MB")),
                None,
            ));
        }
        t
    }

    fn table(&self) -> String {
        let mut s = String::new();
        let m = machine();
        let _ = writeln!(s, "machine: {} cores, {}, {} MB RAM", m.0, m.1, m.2 / 1024);
        let c = self.corpus;
        let _ = writeln!(
            s,
            "corpus: {} files, {:.1} MB (largest {:.1} KB); few-files set {} files, {:.1} MB; JSON Lines {} records, {:.1} MB",
            c.files,
            c.files_bytes as f64 / 1e6,
            c.largest as f64 / 1024.0,
            c.few,
            c.few_bytes as f64 / 1e6,
            c.records,
            c.jsonl_bytes as f64 / 1e6
        );
        let _ = writeln!(s, "{}", self.english);
        let _ = writeln!(s, "peer: {}", self.peer_note);
        let _ = writeln!(s, "python: {}", self.python);
        let _ = writeln!(s, "{} (a loaded machine stretches wall clock; MB/cpu-s is steadier)", self.load);
        let _ = writeln!(
            s,
            "\n{:<26} {:>6} {:>7} {:>8} {:>8} {:>8} {:>9} {:>8}",
            "run", "files", "MB", "seconds", "MB/s", "x floor", "MB/cpu-s", "peak MB"
        );
        for r in self.runs {
            let floor = if r.name.contains("jsonl") {
                "floor jsonl -j1"
            } else if r.name.contains(" en ") {
                if r.name.contains("-j2") { "floor en -j2" } else { "floor en -j1" }
            } else if r.name.contains("-j2") {
                "floor -j2"
            } else {
                "floor -j1"
            };
            let xf = self.ratio(&r.name, floor).filter(|_| !r.name.starts_with("baseline"));
            let _ = writeln!(
                s,
                "{:<26} {:>6} {:>7.1} {:>8.2} {:>8} {:>8} {:>9} {:>8}",
                r.name,
                r.files,
                r.bytes as f64 / 1e6,
                r.seconds,
                r.mb_s().map_or("FAILED".into(), |v| format!("{v:.1}")),
                xf.map_or("".into(), |v| format!("{v:.2}")),
                r.mb_cpu_s().map_or("".into(), |v| format!("{v:.1}")),
                r.max_rss_kb.map_or("?".into(), |k| format!("{:.1}", k as f64 / 1024.0)),
            );
            if let Some(e) = &r.error {
                let _ = writeln!(s, "    {e}");
            }
        }
        let _ = writeln!(s, "\n{:<34} {:>22} {:>22} {:>5}", "target", "measured", "wanted", "met");
        for (what, got, want, met) in self.targets() {
            let met = met.map_or("n/a", |m| if m { "yes" } else { "NO" });
            let _ = writeln!(s, "{what:<34} {got:>22} {want:>22} {met:>5}");
        }
        s
    }

    fn json(&self) -> serde_json::Value {
        let m = machine();
        let c = self.corpus;
        json!({
            "machine": { "nproc": m.0, "cpu": m.1, "mem_total_kb": m.2 },
            "corpus": {
                "files": c.files, "bytes": c.files_bytes, "largest_file": c.largest,
                "few_files": c.few, "few_bytes": c.few_bytes,
                "jsonl_records": c.records, "jsonl_bytes": c.jsonl_bytes,
            },
            "english": self.english,
            "peer": self.peer_note,
            "python": self.python,
            "load": self.load,
            "runs": self.runs.iter().map(|r| json!({
                "name": r.name, "cmd": r.cmd.join(" "), "files": r.files, "bytes": r.bytes,
                "seconds": r.seconds, "mb_per_s": r.mb_s(), "cpu_seconds": r.cpu_seconds,
                "mb_per_cpu_s": r.mb_cpu_s(), "max_rss_kb": r.max_rss_kb, "error": r.error,
            })).collect::<Vec<_>>(),
            "targets": self.targets().into_iter().map(|(what, got, want, met)| json!({
                "target": what, "measured": got, "wanted": want, "met": met,
            })).collect::<Vec<_>>(),
        })
    }
}

/// The 1, 5 and 15 minute load averages.
fn load_average() -> String {
    let l = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    l.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
}

/// (cores, CPU model, total memory in kB), read from the system.
fn machine() -> (usize, String, u64) {
    let nproc = std::thread::available_parallelism().map_or(1, |n| n.get());
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find_map(|l| {
            l.strip_prefix("model name").map(|v| v.trim_start_matches([' ', '\t', ':']).to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let mem = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0);
    (nproc, cpu, mem)
}
