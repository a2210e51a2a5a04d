//! `cargo xtask eval --real`: clean the real English OCR set (`../shared/realdata/en-overproof`,
//! beside the repository) with `newsclean::Cleaner` and score the outputs with the set's own
//! scorer, `score_en.py`, whose figures are printed as it prints them.
//!
//! Options: `--data DIR` (another copy of the set), `--review` (apply review-level changes),
//! `--keep` (keep the outputs and say where), `--per-article`, `--show-errors N`, `--json`
//! (passed to the scorer).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{Context as _, bail};
use newsclean::Cleaner;
use newsclean::rules::RuleSet;

/// The profile for English newspapers, when the rules have one.
const EN_PROFILE: &str = "en-newspaper";

/// True when the arguments ask for the real-data evaluation (`eval --real`).
pub fn requested(args: &[String]) -> bool {
    args.first().is_some_and(|a| a == "eval") && args.iter().any(|a| a == "--real")
}

/// Options of `eval --real`.
struct Options {
    data: PathBuf,
    review: bool,
    keep: bool,
    page_only: bool,
    ceiling: bool,
    scorer_args: Vec<String>,
}

fn parse(args: &[String]) -> anyhow::Result<Options> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().context("xtask has no parent folder")?;
    let mut opts = Options {
        data: root.join("../shared/realdata/en-overproof"),
        review: false,
        keep: false,
        page_only: false,
        ceiling: false,
        scorer_args: Vec::new(),
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--real" => {}
            "--data" => opts.data = PathBuf::from(it.next().context("--data needs a folder")?),
            "--review" => opts.review = true,
            "--keep" => opts.keep = true,
            "--page-only" => opts.page_only = true,
            "--ceiling" => opts.ceiling = true,
            "--per-article" | "--json" => opts.scorer_args.push(a.clone()),
            "--show-errors" => {
                let n = it.next().context("--show-errors needs a number")?;
                opts.scorer_args.extend([a.clone(), n.clone()]);
            }
            other => bail!(
                "eval --real: unknown option {other:?}; options: --data DIR, --review, --keep, \
                 --page-only, --ceiling, --per-article, --show-errors N, --json"
            ),
        }
    }
    Ok(opts)
}

/// Run `eval --real` with the arguments after `eval`.
pub fn run(args: &[String]) -> anyhow::Result<()> {
    let opts = parse(args)?;
    let articles_dir = opts.data.join("articles");
    let scorer = opts.data.join("score_en.py");
    if !articles_dir.is_dir() || !scorer.is_file() {
        println!(
            "eval --real: skipped: no real English set at {} (expected articles/ and score_en.py)",
            opts.data.display()
        );
        return Ok(());
    }
    let profile =
        if RuleSet::builtin_names().contains(&EN_PROFILE) { EN_PROFILE } else { newsclean::DEFAULT_PROFILE };
    let cleaner = Cleaner::new(profile)?.with_review(opts.review);

    let mut raws: Vec<PathBuf> = std::fs::read_dir(&articles_dir)
        .with_context(|| format!("reading {}", articles_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".raw.txt"))
        .collect();
    raws.sort();
    let inputs: Vec<(String, Vec<u8>)> = raws
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            let nnn = name.trim_end_matches(".raw.txt").to_string();
            std::fs::read(p).map(|b| (nnn, b)).with_context(|| format!("reading {}", p.display()))
        })
        .collect::<anyhow::Result<_>>()?;

    // The set is one batch, as `newsclean clean --batch-evidence DIR` sees it: words counted
    // over all articles decide the junctions their own page is silent on.
    let cleaner = if opts.page_only {
        cleaner
    } else {
        let mut words = newsclean::core::WordCounts::new();
        for (_, raw) in &inputs {
            cleaner.count_batch_words(raw, &mut words);
        }
        println!(
            "eval --real: batch evidence: {} distinct words counted over the set (--page-only: none)",
            words.len()
        );
        cleaner.with_batch_words(std::sync::Arc::new(words))
    };
    let out = std::env::temp_dir().join(format!("newsclean-eval-real-{}", std::process::id()));
    std::fs::create_dir_all(&out).with_context(|| format!("creating {}", out.display()))?;
    let bytes: usize = inputs.iter().map(|(_, b)| b.len()).sum();
    // The first page loads the word list (once per process): timed apart.
    let start = Instant::now();
    if let Some((_, raw)) = inputs.first() {
        cleaner.clean(raw).context("cleaning the first article")?;
    }
    let warmup = start.elapsed().as_secs_f64();
    // Best of three passes over the set, one thread.
    let mut secs = f64::INFINITY;
    let mut outputs = Vec::with_capacity(inputs.len());
    for _ in 0..3 {
        outputs.clear();
        let start = Instant::now();
        for (nnn, raw) in &inputs {
            let cleaned = cleaner.clean(raw).with_context(|| format!("cleaning article {nnn}"))?;
            outputs.push((nnn, cleaned.text));
        }
        secs = secs.min(start.elapsed().as_secs_f64());
    }
    // Cleaning clean text must change nothing.
    let mut unstable = Vec::new();
    for (nnn, text) in &outputs {
        if cleaner.clean(text.as_bytes()).map(|c| c.text).as_deref().ok() != Some(text.as_str()) {
            unstable.push(nnn.as_str());
        }
    }
    for (nnn, text) in &outputs {
        let path = out.join(format!("{nnn}.txt"));
        std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
    }
    println!(
        "eval --real: {} articles, {:.2} MB, profile {profile}{}; first page (loads the word list) \
         {:.3} s; then cleaned in {:.3} s on one thread, best of 3 ({:.0} articles/s, {:.2} MB/s)",
        inputs.len(),
        bytes as f64 / 1e6,
        if opts.review { " + review" } else { "" },
        warmup,
        secs,
        inputs.len() as f64 / secs.max(1e-9),
        bytes as f64 / 1e6 / secs.max(1e-9),
    );
    println!(
        "idempotence: {}/{} outputs unchanged when cleaned again{}",
        outputs.len() - unstable.len(),
        outputs.len(),
        if unstable.is_empty() { String::new() } else { format!(" (changed: {})", unstable.join(" ")) }
    );
    println!("scorer: {} {} --out {}", scorer.display(), opts.data.display(), out.display());
    let status = Command::new("python3")
        .arg(&scorer)
        .arg(&opts.data)
        .arg("--out")
        .arg(&out)
        .args(&opts.scorer_args)
        .status()
        .context("running python3 (needed for score_en.py, which needs rapidfuzz)")?;
    if opts.keep {
        println!("outputs kept in {}", out.display());
    } else {
        std::fs::remove_dir_all(&out).with_context(|| format!("removing {}", out.display()))?;
    }
    if !status.success() {
        bail!("score_en.py failed ({status}); it needs rapidfuzz: pip install rapidfuzz");
    }
    if opts.ceiling {
        // What evidence exists for the lost-hyphen junctions (xtask/realdata/ceiling.py).
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let status = Command::new("python3")
            .arg(root.join("realdata/ceiling.py"))
            .arg(&opts.data)
            .arg(root.join("../crates/newsclean-latin/data/en-words.txt"))
            .status()
            .context("running python3 for ceiling.py")?;
        if !status.success() {
            bail!("ceiling.py failed ({status})");
        }
    }
    Ok(())
}
