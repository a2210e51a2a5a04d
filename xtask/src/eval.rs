//! `cargo xtask eval`: clean every seed page that has a gold file with the built-in profile
//! and print the metrics of `gold/README.md` per page and pooled over all pages.
//!
//! The pooled row adds the counts of the pages (lines, characters, edit distances) before
//! dividing, so a long page weighs more than a short one.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};

use crate::score::{self, Counts};

/// One scored page.
#[derive(Debug)]
pub struct PageScore {
    /// The page's name (the gold file's name without `.gold.tsv`).
    pub name: String,
    /// Its counts.
    pub counts: Counts,
    /// Its counts with the rules' normalisations folded away ([`score::fold_rules`]).
    pub folded: Counts,
    /// The cleaner's output.
    pub output: String,
    /// True when the edit log accounts for every change: undoing it on the output gives back
    /// the decoded input (`EditLog::undo`).
    pub lossless: bool,
}

/// The workspace root (the parent of the xtask crate).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the workspace").to_path_buf()
}

/// The gold files of `gold_dir` with their seed pages in `seed_dir`, sorted by name.
pub fn gold_pages(gold_dir: &Path, seed_dir: &Path) -> anyhow::Result<Vec<(String, PathBuf, PathBuf)>> {
    let mut pages = Vec::new();
    for entry in
        std::fs::read_dir(gold_dir).with_context(|| format!("{}: cannot read", gold_dir.display()))?
    {
        let path = entry?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()).and_then(|n| n.strip_suffix(".gold.tsv"))
        else {
            continue;
        };
        let seed = seed_dir.join(format!("{name}.txt"));
        if !seed.exists() {
            bail!("{}: no raw page {} for this gold file", path.display(), seed.display());
        }
        pages.push((name.to_string(), path, seed));
    }
    pages.sort();
    if pages.is_empty() {
        bail!("no *.gold.tsv in {}", gold_dir.display());
    }
    Ok(pages)
}

/// Clean and score every gold page. `with_cer` computes the edit distances.
///
/// With `survey` the pages are cleaned as `newsclean clean DIR` cleans a folder: each folder is
/// surveyed first (the lines that repeat near the edges of its pages are furniture evidence
/// for each of them); `survey` names the folder of each page (by its name), as a user keeps
/// the pages of one paper in a folder of their own. Without, each page is cleaned alone.
pub fn score_all(
    gold_dir: &Path,
    seed_dir: &Path,
    with_cer: bool,
    survey: Option<&dyn Fn(&str) -> String>,
) -> anyhow::Result<Vec<PageScore>> {
    let cleaner = newsclean::Cleaner::new(newsclean::DEFAULT_PROFILE)?;
    let pages = gold_pages(gold_dir, seed_dir)?;
    let mut surveys: BTreeMap<String, std::sync::Arc<newsclean::Survey>> = BTreeMap::new();
    if let Some(folder_of) = survey {
        let mut builders: BTreeMap<String, newsclean::SurveyBuilder> = BTreeMap::new();
        for (name, _, seed_path) in &pages {
            let bytes =
                std::fs::read(seed_path).with_context(|| format!("{}: cannot read", seed_path.display()))?;
            cleaner.survey_page(&bytes, builders.entry(folder_of(name)).or_default());
        }
        surveys = builders.into_iter().map(|(f, b)| (f, std::sync::Arc::new(b.finish()))).collect();
    }
    let mut out = Vec::new();
    for (name, gold_path, seed_path) in pages {
        let survey = survey.and_then(|folder_of| surveys.get(&folder_of(&name)).cloned());
        let gold_text = std::fs::read_to_string(&gold_path)
            .with_context(|| format!("{}: cannot read as UTF-8", gold_path.display()))?;
        let gold = score::read_gold(&gold_path.display().to_string(), &gold_text)?;
        let raw_bytes =
            std::fs::read(&seed_path).with_context(|| format!("{}: cannot read", seed_path.display()))?;
        let raw = String::from_utf8_lossy(&raw_bytes);
        let cleaned =
            cleaner.clean_surveyed(&raw_bytes, survey).with_context(|| seed_path.display().to_string())?;
        let lines = score::read_blocks(&cleaned.text);
        let counts = score::count(&gold, &lines, Some(&raw), with_cer);
        let fold_gold: Vec<score::GoldLine> =
            gold.iter().map(|g| score::GoldLine { tag: g.tag, text: score::fold_rules(&g.text) }).collect();
        let fold_lines: Vec<String> =
            lines.iter().map(|l| score::fold_rules(l)).filter(|l| !l.is_empty()).collect();
        let fold_raw = score::fold_rules(&raw);
        let folded = score::count(&fold_gold, &fold_lines, Some(&fold_raw), with_cer);
        let lossless = cleaned.page.log().undo(&cleaned.text) == *cleaned.input;
        out.push(PageScore { name, counts, folded, output: cleaned.text, lossless });
    }
    Ok(out)
}

/// The metric columns of the tables, in order (an empty name ends the list).
pub const COLUMNS: [&str; 13] = [
    "exact_all",
    "exact_P",
    "exact_H",
    "exact_B",
    "exact_C",
    "near_P",
    "furniture",
    "content",
    "junk",
    "cer",
    "cer_raw",
    "gap_closed",
    "",
];

/// Render the table: one row per page and the pooled row; `folded` picks the counts with
/// the rules' normalisations folded away.
pub fn table(pages: &[PageScore], folded: bool) -> String {
    let cols: Vec<&str> = COLUMNS.iter().copied().filter(|c| !c.is_empty()).collect();
    let width = pages.iter().map(|p| p.name.len()).max().unwrap_or(4).max("overall".len());
    let mut s = format!("{:width$}", "page");
    for c in &cols {
        s.push_str(&format!(" {c:>10}"));
    }
    s.push('\n');
    let mut all = Counts::default();
    let row = |name: &str, c: &Counts| {
        let mut line = format!("{name:width$}");
        for col in &cols {
            match c.get(col) {
                Some(v) => line.push_str(&format!(" {v:>10.3}")),
                None => line.push_str(&format!(" {:>10}", "-")),
            }
        }
        line.push('\n');
        line
    };
    for p in pages {
        let c = if folded { &p.folded } else { &p.counts };
        s.push_str(&row(&p.name, c));
        all.add(c);
    }
    s.push_str(&row("overall", &all));
    s
}

/// Run the eval command with its arguments (after `eval`).
pub fn run(args: &[String]) -> anyhow::Result<()> {
    let root = workspace_root();
    let mut write_dir: Option<PathBuf> = None;
    let mut gold_dir = root.join("gold");
    let mut seed_dir = root.join("seeds");
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--write" => {
                let dir = it.next().context("--write needs a directory")?;
                write_dir = Some(PathBuf::from(dir));
            }
            "--gold" => gold_dir = PathBuf::from(it.next().context("--gold needs a directory")?),
            "--seeds" => seed_dir = PathBuf::from(it.next().context("--seeds needs a directory")?),
            "-h" | "--help" => {
                println!(
                    "usage: cargo xtask eval [--write DIR] [--gold DIR] [--seeds DIR]\n\nScores the built-in profile on gold/*.gold.tsv (raw pages from seeds/).\n--write DIR  also write each page's clean output to DIR/NAME.txt\n--gold DIR   read the gold files from DIR\n--seeds DIR  read the raw pages from DIR"
                );
                return Ok(());
            }
            other => bail!(
                "eval: unknown argument {other:?}; usage: cargo xtask eval [--write DIR] [--gold DIR] [--seeds DIR]"
            ),
        }
    }
    let pages = score_all(&gold_dir, &seed_dir, true, None)?;
    if let Some(dir) = write_dir {
        std::fs::create_dir_all(&dir).with_context(|| format!("{}: cannot create", dir.display()))?;
        for p in &pages {
            let path = dir.join(format!("{}.txt", p.name));
            std::fs::write(&path, &p.output).with_context(|| format!("{}: cannot write", path.display()))?;
        }
    }
    println!("As output (score.py's numbers):");
    print!("{}", table(&pages, false));
    println!(
        "\nWhat layout controls (punctuation, quotes, full-width forms and CJK–ASCII spacing folded on both sides):"
    );
    print!("{}", table(&pages, true));
    Ok(())
}
