//! `cargo xtask fuzz`: prepare the seed corpora and run the cargo-fuzz targets of `fuzz/`.
//!
//! Usage: `cargo xtask fuzz [--minutes N] [--jobs K] [--sanitizer none|address] [--prepare]
//! [TARGET...]` (targets: decode, pipeline, rules; all by default).
//!
//! - Installs cargo-fuzz with `cargo install cargo-fuzz` when `cargo fuzz` is missing.
//! - Only the stable toolchain exists here: cargo-fuzz's nightly flags (`-Zsanitizer`, …) are
//!   accepted by stable rustc with `RUSTC_BOOTSTRAP=1`, which this task sets for the fuzz build
//!   alone. Debug assertions (and so overflow checks) are on in the fuzz build.
//! - Seeds the corpora (`fuzz/corpus/TARGET/`, not committed) from `seeds/` (cut into pieces
//!   of at most [`MAX_LEN`] bytes at line ends, and for `decode` re-encoded in GBK, Big5,
//!   UTF-16 with and without BOM, and as mojibake) and from the built-in `rules/*.yaml` (whole,
//!   as user files, and one rule per file) for `rules`. Seed names are stable, so preparing
//!   again adds nothing new.
//! - Runs each target for N minutes (`-max_total_time`) in libFuzzer's fork mode with crashes,
//!   timeouts and out-of-memory ignored, so a finding does not end the run: every finding is
//!   kept in `fuzz/artifacts/TARGET/`. K targets run at a time (default 1).
//! - Prints per target: executions, executions per second, coverage, corpus size, findings.
//!   The full libFuzzer output goes to `fuzz/logs/TARGET.log`.
//!
//! A finding is replayed with `RUSTC_BOOTSTRAP=1 cargo fuzz run -a --sanitizer none TARGET
//! fuzz/artifacts/TARGET/crash-…` and shrunk with `cargo fuzz tmin` the same way.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime};

use anyhow::{Context as _, bail};

/// The fuzz targets (binaries of `fuzz/Cargo.toml`).
pub const TARGETS: &[&str] = &["decode", "pipeline", "rules"];

/// The longest input the fuzzer makes, and the size of the seed pieces.
pub const MAX_LEN: usize = 4096;

/// What a run of one target printed and left.
#[derive(Debug, Default)]
struct Outcome {
    target: String,
    seconds: f64,
    execs: u64,
    cov: u64,
    corpus_files: usize,
    corpus_bytes: u64,
    findings: Vec<PathBuf>,
}

/// Run the task with the arguments after `fuzz`.
pub fn run(args: &[String]) -> anyhow::Result<()> {
    let mut minutes = 1.0f64;
    let mut jobs = 1usize;
    let mut sanitizer = "none".to_string();
    let mut prepare_only = false;
    let mut targets = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--minutes" => minutes = it.next().context("--minutes needs a number")?.parse()?,
            "--jobs" | "-j" => jobs = it.next().context("--jobs needs a number")?.parse()?,
            "--sanitizer" => sanitizer = it.next().context("--sanitizer needs none or address")?.clone(),
            "--prepare" => prepare_only = true,
            s if s.starts_with('-') => bail!("unknown fuzz option {s:?}"),
            s if TARGETS.contains(&s) => targets.push(s.to_string()),
            s => bail!("unknown fuzz target {s:?}; targets: {}", TARGETS.join(", ")),
        }
    }
    if minutes.is_nan() || minutes <= 0.0 {
        bail!("--minutes must be more than 0");
    }
    if !["none", "address"].contains(&sanitizer.as_str()) {
        bail!("--sanitizer must be none or address, not {sanitizer:?}");
    }
    if targets.is_empty() {
        targets = TARGETS.iter().map(|t| t.to_string()).collect();
    }
    let root = root();
    let fuzz = root.join("fuzz");
    for target in &targets {
        let n = prepare(&root, &fuzz.join("corpus").join(target), target)?;
        println!("{target}: {n} seed file(s) in fuzz/corpus/{target}");
    }
    write_dict(&fuzz)?;
    if prepare_only {
        return Ok(());
    }
    ensure_cargo_fuzz()?;
    // Only the targets asked for: a binary another run is using is left alone.
    for target in &targets {
        let status = fuzz_command(&root, "build", &sanitizer)
            .arg(target)
            .status()
            .context("cannot run `cargo fuzz build`")?;
        if !status.success() {
            bail!("`cargo fuzz build {target}` failed ({status})");
        }
    }
    std::fs::create_dir_all(fuzz.join("logs"))?;
    let secs = (minutes * 60.0).round().max(1.0) as u64;
    let next = AtomicUsize::new(0);
    let outcomes = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..jobs.clamp(1, targets.len()))
            .map(|_| {
                s.spawn(|| -> anyhow::Result<()> {
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(target) = targets.get(i) else { return Ok(()) };
                        let outcome = run_target(&root, target, &sanitizer, secs)?;
                        outcomes.lock().expect("no worker panics holding the lock").push(outcome);
                    }
                })
            })
            .collect();
        handles.into_iter().try_for_each(|h| h.join().map_err(|_| anyhow::anyhow!("fuzz worker panicked"))?)
    })?;
    let mut outcomes = outcomes.into_inner().expect("workers are done");
    outcomes.sort_by_key(|o| TARGETS.iter().position(|t| *t == o.target));
    println!();
    println!("target    seconds   executions   exec/s    cov  corpus (files, bytes)  findings");
    for o in &outcomes {
        println!(
            "{:<9} {:>7.0} {:>12} {:>8.0} {:>6}  {:>6} {:>12}   {}",
            o.target,
            o.seconds,
            o.execs,
            o.execs as f64 / o.seconds.max(1e-9),
            o.cov,
            o.corpus_files,
            o.corpus_bytes,
            o.findings.len()
        );
        for f in &o.findings {
            println!("    finding: {}", f.strip_prefix(&root).unwrap_or(f).display());
        }
    }
    let found: usize = outcomes.iter().map(|o| o.findings.len()).sum();
    if found > 0 {
        bail!(
            "{found} finding(s); replay one with `RUSTC_BOOTSTRAP=1 cargo fuzz run -a --sanitizer {sanitizer} TARGET FILE`"
        );
    }
    Ok(())
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the workspace").to_path_buf()
}

/// `cargo fuzz SUBCOMMAND -a --sanitizer S` in the repo root, nightly flags allowed on stable.
fn fuzz_command(root: &Path, subcommand: &str, sanitizer: &str) -> Command {
    let mut cmd = Command::new("cargo");
    cmd.current_dir(root).env("RUSTC_BOOTSTRAP", "1").args([
        "fuzz",
        subcommand,
        "--debug-assertions",
        "--sanitizer",
        sanitizer,
    ]);
    cmd
}

/// Install cargo-fuzz from crates.io when `cargo fuzz` is not there.
fn ensure_cargo_fuzz() -> anyhow::Result<()> {
    let present = Command::new("cargo")
        .args(["fuzz", "--version"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if present {
        return Ok(());
    }
    println!("cargo fuzz is missing: cargo install cargo-fuzz");
    let status = Command::new("cargo")
        .args(["install", "cargo-fuzz", "--locked"])
        .status()
        .context("cannot run cargo install")?;
    if !status.success() {
        bail!("`cargo install cargo-fuzz` failed ({status})");
    }
    Ok(())
}

/// Run one target for `secs` seconds; its output goes to `fuzz/logs/TARGET.log`.
fn run_target(root: &Path, target: &str, sanitizer: &str, secs: u64) -> anyhow::Result<Outcome> {
    let fuzz = root.join("fuzz");
    let corpus = fuzz.join("corpus").join(target);
    let artifacts = fuzz.join("artifacts").join(target);
    std::fs::create_dir_all(&artifacts)?;
    let log_path = fuzz.join("logs").join(format!("{target}.log"));
    let mut log = std::fs::File::create(&log_path).with_context(|| format!("{}", log_path.display()))?;
    let mut cmd = fuzz_command(root, "run", sanitizer);
    cmd.arg(target).arg(&corpus).arg("--").args([
        format!("-max_total_time={secs}"),
        format!("-max_len={MAX_LEN}"),
        "-timeout=10".into(),
        "-rss_limit_mb=2048".into(),
        "-fork=1".into(),
        "-ignore_crashes=1".into(),
        "-ignore_timeouts=1".into(),
        "-ignore_ooms=1".into(),
        "-print_final_stats=1".into(),
        format!("-artifact_prefix={}/", artifacts.display()),
    ]);
    if target == "rules" {
        cmd.arg(format!("-dict={}", fuzz.join("rules.dict").display()));
    }
    println!("{target}: fuzzing for {secs} s (log: fuzz/logs/{target}.log)");
    let started = SystemTime::now();
    let clock = Instant::now();
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("cannot start `cargo fuzz run {target}`"))?;
    // libFuzzer writes to stderr; stdout is drained on a thread so neither pipe fills.
    let stdout = child.stdout.take().expect("piped");
    let out_thread = std::thread::spawn(move || {
        BufReader::new(stdout).lines().map_while(Result::ok).collect::<Vec<_>>().join("\n")
    });
    let mut outcome = Outcome { target: target.to_string(), ..Outcome::default() };
    let mut last_print = Instant::now();
    for line in BufReader::new(child.stderr.take().expect("piped")).lines() {
        let line = line?;
        writeln!(log, "{line}")?;
        if let Some((execs, cov)) = status_line(&line) {
            outcome.execs = outcome.execs.max(execs);
            outcome.cov = outcome.cov.max(cov);
            if last_print.elapsed() >= Duration::from_secs(60) {
                println!("{target}: {line}");
                last_print = Instant::now();
            }
        } else if line.contains("CRASH") || line.contains("panicked") || line.contains("==ERROR") {
            println!("{target}: {line}");
        }
    }
    let status = child.wait()?;
    let stdout = out_thread.join().map_err(|_| anyhow::anyhow!("stdout reader panicked"))?;
    writeln!(log, "{stdout}")?;
    outcome.seconds = clock.elapsed().as_secs_f64();
    for entry in std::fs::read_dir(&corpus)? {
        let meta = entry?.metadata()?;
        if meta.is_file() {
            outcome.corpus_files += 1;
            outcome.corpus_bytes += meta.len();
        }
    }
    for entry in std::fs::read_dir(&artifacts)? {
        let entry = entry?;
        if entry.metadata()?.modified()? >= started {
            outcome.findings.push(entry.path());
        }
    }
    outcome.findings.sort();
    if !status.success() && outcome.findings.is_empty() {
        bail!("{target}: `cargo fuzz run` failed ({status}); see {}", log_path.display());
    }
    Ok(outcome)
}

/// Executions and coverage from a libFuzzer status line: `#1234 ... cov: 56 ...` (plain
/// mode) or `#1234: cov: 56 ...` (fork mode).
fn status_line(line: &str) -> Option<(u64, u64)> {
    let rest = line.strip_prefix('#')?;
    let end = rest.find(|c: char| !c.is_ascii_digit())?;
    let execs = rest[..end].parse().ok()?;
    let cov = rest.split_whitespace().skip_while(|w| *w != "cov:").nth(1)?.parse().ok()?;
    Some((execs, cov))
}

/// Write the seed corpus of `target` into `dir` from the repo at `root`; returns how many
/// files `dir` holds.
fn prepare(root: &Path, dir: &Path, target: &str) -> anyhow::Result<usize> {
    std::fs::create_dir_all(dir)?;
    let seeds = seed_pages(root)?;
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    match target {
        "decode" | "pipeline" => {
            for (name, text) in &seeds {
                for (i, piece) in pieces(text, MAX_LEN).into_iter().enumerate() {
                    files.push((format!("seed-{name}-{i:02}"), piece.as_bytes().to_vec()));
                }
            }
            if target == "decode" {
                for (name, text) in &seeds {
                    let piece = &pieces(text, MAX_LEN / 3)[0];
                    for (enc, bytes) in encodings(piece) {
                        files.push((format!("seed-{name}-{enc}"), bytes));
                    }
                }
            }
        }
        "rules" => {
            for entry in sorted_dir(&root.join("rules"))? {
                if entry.extension().is_none_or(|e| e != "yaml") {
                    continue;
                }
                let name = entry.file_stem().expect("a file").to_string_lossy().to_string();
                let text = std::fs::read_to_string(&entry)?;
                files.push((format!("seed-{name}"), text.clone().into_bytes()));
                let user: String = text
                    .lines()
                    .filter(|l| !l.starts_with("profile:") && !l.starts_with("extends:"))
                    .map(|l| format!("{l}\n"))
                    .collect();
                files.push((format!("seed-{name}-user"), user.into_bytes()));
                for (i, rule) in split_rules(&text).into_iter().enumerate() {
                    files.push((format!("seed-{name}-rule{i:02}"), format!("rules:\n{rule}").into_bytes()));
                }
            }
        }
        _ => bail!("unknown fuzz target {target:?}"),
    }
    for (name, bytes) in &files {
        std::fs::write(dir.join(name), bytes)?;
    }
    Ok(std::fs::read_dir(dir)?.count())
}

/// The raw seed pages: (file stem, text).
fn seed_pages(root: &Path) -> anyhow::Result<Vec<(String, String)>> {
    let mut pages = Vec::new();
    for path in sorted_dir(&root.join("seeds"))? {
        let stem = path.file_stem().context("seed without a name")?.to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).with_context(|| format!("{}", path.display()))?;
        pages.push((stem, text));
    }
    if pages.is_empty() {
        bail!("no seed pages in seeds/");
    }
    Ok(pages)
}

fn sorted_dir(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut paths = std::fs::read_dir(dir)
        .with_context(|| format!("{}", dir.display()))?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<Vec<_>, _>>()?;
    paths.retain(|p| p.is_file());
    paths.sort();
    Ok(paths)
}

/// `text` cut at line ends into pieces of at most `max` bytes (a longer line is cut at a
/// character boundary).
fn pieces(text: &str, max: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for line in text.split_inclusive('\n') {
        let mut line = line;
        while !line.is_empty() {
            if cur.len() + line.len() <= max {
                cur.push_str(line);
                break;
            }
            if cur.is_empty() {
                let mut cut = max.min(line.len());
                while !line.is_char_boundary(cut) {
                    cut -= 1;
                }
                out.push(line[..cut].to_string());
                line = &line[cut..];
            } else {
                out.push(std::mem::take(&mut cur));
            }
        }
    }
    if !cur.is_empty() || out.is_empty() {
        out.push(cur);
    }
    out
}

/// `text` in the encodings the decoder must tell apart: (name, bytes). An encoding that
/// cannot represent the text is left out.
fn encodings(text: &str) -> Vec<(&'static str, Vec<u8>)> {
    let mut out = Vec::new();
    for (name, enc) in
        [("gbk", encoding_rs::GBK), ("big5", encoding_rs::BIG5), ("gb18030", encoding_rs::GB18030)]
    {
        let (bytes, _, unmappable) = enc.encode(text);
        if !unmappable {
            out.push((name, bytes.into_owned()));
        }
    }
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    out.push(("utf16le-bom", [[0xFF, 0xFE].as_slice(), &le].concat()));
    out.push(("utf16be-bom", [[0xFE, 0xFF].as_slice(), &be].concat()));
    out.push(("utf16le", le));
    out.push(("utf16be", be));
    out.push(("utf8-bom", [[0xEF, 0xBB, 0xBF].as_slice(), text.as_bytes()].concat()));
    out.push(("crlf", text.replace('\n', "\r\n").into_bytes()));
    // Mojibake: the UTF-8 bytes read as GBK (and as windows-1252), saved again as UTF-8.
    for (name, enc) in [("mojibake-gbk", encoding_rs::GBK), ("mojibake-1252", encoding_rs::WINDOWS_1252)] {
        let (wrong, _) = enc.decode_without_bom_handling(text.as_bytes());
        out.push((name, wrong.into_owned().into_bytes()));
    }
    out
}

/// The items of a rule file's `rules:` list, each as its lines (`  - id: …` and what follows
/// up to the next item).
fn split_rules(text: &str) -> Vec<String> {
    let mut rules = Vec::new();
    let mut in_rules = false;
    let mut cur: Option<String> = None;
    for line in text.split_inclusive('\n') {
        if line.starts_with("rules:") {
            in_rules = true;
            continue;
        }
        if !in_rules {
            continue;
        }
        if line.trim_start().starts_with("- id:") {
            rules.extend(cur.take());
            cur = Some(String::new());
        } else if !line.starts_with(' ') && !line.trim().is_empty() && !line.starts_with('#') {
            in_rules = false;
            rules.extend(cur.take());
            continue;
        }
        if let Some(c) = cur.as_mut() {
            c.push_str(line);
        }
    }
    rules.extend(cur);
    rules
}

/// The dictionary for the rules target: the keys and values of the rule file format.
fn write_dict(fuzz: &Path) -> anyhow::Result<()> {
    const WORDS: &[&str] = &[
        "rules:",
        "disable:",
        "description:",
        "profile:",
        "extends:",
        "- id: ",
        "title: ",
        "why: ",
        "scope: ",
        "safety: ",
        "regex:",
        "find: ",
        "replace: ",
        "map:",
        "from: ",
        "to: ",
        "pairs:",
        "pair:",
        "marks: ",
        "into: ",
        "cjk_context: ",
        "builtin: ",
        "examples:",
        "before: ",
        "after: ",
        "unchanged:",
        "safe",
        "review",
        "body",
        "headline",
        "caption",
        "byline",
        "furniture",
        "{{cjk}}",
        "{{han}}",
        "{{space}}",
        "{{latin_alnum}}",
        "{{cjk_punct}}",
        "$1",
        "${1}",
        "(?P<x>",
        "\\p{Han}",
        "[^",
        "{0,9}",
        "*?",
        "&a",
        "*a",
        "!!str",
        "|-",
        ">-",
        "---",
        "...",
    ];
    let mut dict = String::from("# Tokens of the rule file format, for the rules fuzz target.\n");
    for w in WORDS {
        dict.push_str(&format!("\"{}\"\n", w.replace('\\', "\\\\").replace('"', "\\\"")));
    }
    std::fs::write(fuzz.join("rules.dict"), dict)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_cut_at_line_ends_and_keep_everything() {
        let text = "ab\ncd\nef\n";
        assert_eq!(pieces(text, 6), ["ab\ncd\n", "ef\n"]);
        assert_eq!(pieces(text, 100), [text]);
        assert_eq!(pieces("", 10), [""]);
    }

    #[test]
    fn a_long_line_is_cut_at_character_boundaries() {
        let text = "党建强则根基稳\n";
        let p = pieces(text, 7);
        assert!(p.iter().all(|s| s.len() <= 7), "{p:?}");
        assert_eq!(p.concat(), text);
    }

    #[test]
    fn split_rules_finds_each_item() {
        let text = "profile: x\nrules:\n  - id: a\n    title: t\n  # note\n  - id: b\n    why: w\n";
        assert_eq!(split_rules(text), ["  - id: a\n    title: t\n  # note\n", "  - id: b\n    why: w\n"]);
    }

    #[test]
    fn status_lines_of_both_modes_parse() {
        assert_eq!(
            status_line("#4096\tpulse  cov: 1234 ft: 5 corp: 9/1Kb exec/s: 2048 rss: 50Mb"),
            Some((4096, 1234))
        );
        assert_eq!(
            status_line("#150325: cov: 4406 ft: 15 corp: 700 exec/s: 2450 oom/timeout/crash: 0/0/0"),
            Some((150325, 4406))
        );
        assert_eq!(status_line("INFO: seed corpus: files: 5"), None);
    }

    #[test]
    fn every_target_gets_seeds() {
        let dir = std::env::temp_dir().join(format!("xtask-fuzz-seeds-{}", std::process::id()));
        for target in TARGETS {
            let n = prepare(&root(), &dir.join(target), target).unwrap();
            assert!(n >= 5, "{target}: {n}");
            // Preparing again adds nothing: the names are stable.
            assert_eq!(prepare(&root(), &dir.join(target), target).unwrap(), n, "{target}");
        }
        let decode: Vec<_> =
            std::fs::read_dir(dir.join("decode")).unwrap().map(|e| e.unwrap().path()).collect();
        assert!(decode.iter().any(|p| p.to_string_lossy().ends_with("-gbk")), "{decode:?}");
        assert!(decode.iter().all(|p| std::fs::metadata(p).unwrap().len() as usize <= MAX_LEN));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
