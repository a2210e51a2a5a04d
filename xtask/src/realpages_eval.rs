//! `cargo xtask eval --realpages [DIR]`: score the cleaner on the pages that
//! `cargo xtask realpages` made with real tools, per extractor: the mean over the pages of each
//! gold metric of [`crate::score`], as output and with the rules' forms folded away.
//!
//! The scoring is [`crate::eval::score_all`] with the extractor's folder as the raw pages.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};

use crate::eval::{self, PageScore, workspace_root};
use crate::score::GoldLine;

/// The extractors, each the name of its folder of text in the output of `cargo xtask realpages`.
pub const EXTRACTORS: [&str; 4] = ["pymupdf", "pdftotext", "pdftotext-layout", "tesseract"];

/// The file of a page folder that names each page's paper and split (`page paper lang split`,
/// tab-separated, a header line first): `dev` or `held-out`.
pub const SPLIT_FILE: &str = "split.tsv";

/// The split of each page of `dir` by name, when the folder has a [`SPLIT_FILE`].
pub fn read_splits(dir: &Path) -> anyhow::Result<Option<BTreeMap<String, String>>> {
    let path = dir.join(SPLIT_FILE);
    if !path.exists() {
        return Ok(None);
    }
    let text = std::fs::read_to_string(&path).with_context(|| format!("{}: cannot read", path.display()))?;
    let mut out = BTreeMap::new();
    for (k, line) in text.lines().enumerate().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        match f[..] {
            [page, _, _, split] if split == "dev" || split == "held-out" => {
                out.insert(page.to_string(), split.to_string());
            }
            _ => bail!("{}:{}: expected `page<TAB>paper<TAB>lang<TAB>dev|held-out`", path.display(), k + 1),
        }
    }
    Ok(Some(out))
}

/// The pages of `scores` whose split is `split`.
pub fn only_split(
    scores: &[ExtractorScores],
    splits: &BTreeMap<String, String>,
    split: &str,
) -> Vec<ExtractorScores> {
    scores
        .iter()
        .map(|ex| ExtractorScores {
            extractor: ex.extractor.clone(),
            pages: ex
                .pages
                .iter()
                .filter(|p| splits.get(&p.name).is_some_and(|s| s == split))
                .map(|p| PageScore {
                    name: p.name.clone(),
                    counts: p.counts.clone(),
                    folded: p.folded.clone(),
                    output: p.output.clone(),
                    lossless: p.lossless,
                })
                .collect(),
        })
        .collect()
}

/// The scored pages of one extractor.
pub struct ExtractorScores {
    /// The extractor's name (its folder).
    pub extractor: String,
    /// Its pages, scored.
    pub pages: Vec<PageScore>,
}

/// True when the arguments ask for this evaluation (`eval --realpages`).
pub fn requested(args: &[String]) -> bool {
    args.first().is_some_and(|a| a == "eval") && args.iter().any(|a| a == "--realpages")
}

/// The paper of each page of `dir` by name, when the folder has a [`SPLIT_FILE`].
pub fn read_papers(dir: &Path) -> anyhow::Result<BTreeMap<String, String>> {
    let path = dir.join(SPLIT_FILE);
    if !path.exists() {
        return Ok(BTreeMap::new());
    }
    let text = std::fs::read_to_string(&path).with_context(|| format!("{}: cannot read", path.display()))?;
    Ok(text
        .lines()
        .skip(1)
        .filter_map(|l| {
            let mut f = l.split('\t');
            Some((f.next()?.to_string(), f.next()?.to_string()))
        })
        .collect())
}

/// Clean and score every page of every extractor folder present in `dir` (`dir/gold` holds
/// the gold). `with_cer` computes the edit distances. With `survey`, the pages are cleaned
/// as a user cleans a folder of several papers, one subfolder per paper (`newsclean clean
/// DIR`: each subfolder surveyed first, the lines repeating near the edges of its pages are
/// furniture evidence): the paper of a page is its [`SPLIT_FILE`] entry (the whole
/// extractor's folder is one folder without that file). Without, page by page.
pub fn score_dir(dir: &Path, with_cer: bool, survey: bool) -> anyhow::Result<Vec<ExtractorScores>> {
    let papers = read_papers(dir)?;
    let paper_of = |name: &str| papers.get(name).cloned().unwrap_or_default();
    let survey: Option<&dyn Fn(&str) -> String> = if survey { Some(&paper_of) } else { None };
    let gold = dir.join("gold");
    let mut out = Vec::new();
    for ex in EXTRACTORS {
        let raw = dir.join(ex);
        if !raw.is_dir() {
            continue;
        }
        let pages =
            eval::score_all(&gold, &raw, with_cer, survey).with_context(|| format!("extractor {ex}"))?;
        out.push(ExtractorScores { extractor: ex.to_string(), pages });
    }
    if out.is_empty() {
        bail!("{}: no extractor folder ({})", dir.display(), EXTRACTORS.join(", "));
    }
    Ok(out)
}

/// The mean over `pages` of metric `name`, over the pages that have it (a page without a
/// gold line of a tag has no exact match rate for it).
pub fn mean(pages: &[PageScore], name: &str, folded: bool) -> Option<f64> {
    let vals: Vec<f64> =
        pages.iter().filter_map(|p| if folded { &p.folded } else { &p.counts }.get(name)).collect();
    (!vals.is_empty()).then(|| vals.iter().sum::<f64>() / vals.len() as f64)
}

/// The table: one row per extractor, the mean of each metric over its pages.
pub fn table(scores: &[ExtractorScores], folded: bool) -> String {
    let cols: Vec<&str> = eval::COLUMNS.iter().copied().filter(|c| !c.is_empty()).collect();
    let width = scores.iter().map(|s| s.extractor.len()).max().unwrap_or(9).max("extractor".len());
    let mut s = format!("{:width$} {:>5}", "extractor", "pages");
    for c in &cols {
        s.push_str(&format!(" {c:>10}"));
    }
    s.push('\n');
    for ex in scores {
        s.push_str(&format!("{:width$} {:>5}", ex.extractor, ex.pages.len()));
        for c in &cols {
            match mean(&ex.pages, c, folded) {
                Some(v) => s.push_str(&format!(" {v:>10.3}")),
                None => s.push_str(&format!(" {:>10}", "-")),
            }
        }
        s.push('\n');
    }
    s
}

/// One extractor's pages, a row each, with the metrics as output.
pub fn page_table(ex: &ExtractorScores) -> String {
    let cols: Vec<&str> = eval::COLUMNS.iter().copied().filter(|c| !c.is_empty()).collect();
    let width = ex.pages.iter().map(|p| p.name.len()).max().unwrap_or(4).max("page".len());
    let mut s = format!("{:width$}", "page");
    for c in &cols {
        s.push_str(&format!(" {c:>10}"));
    }
    s.push('\n');
    for p in &ex.pages {
        s.push_str(&format!("{:width$}", p.name));
        for c in &cols {
            match p.counts.get(c) {
                Some(v) => s.push_str(&format!(" {v:>10.3}")),
                None => s.push_str(&format!(" {:>10}", "-")),
            }
        }
        s.push('\n');
    }
    s
}

/// `--write DIR` keeps every clean output (`DIR/<extractor>/<page>.txt`) and, for each output
/// a second clean changes, that second clean (`<page>.again.txt`) and the command line's first
/// and second cleans (`<page>.cli.txt`, `<page>.cli2.txt`), to diff.
const EVAL_USAGE: &str =
    "usage: cargo xtask eval --realpages [DIR] [--write DIR] [--pages EXTRACTOR] [--no-survey]";

/// Run `eval --realpages [DIR] [--write DIR] [--pages EXTRACTOR] [--no-survey]` with the
/// arguments after `eval`. Each extractor's folder is cleaned as `newsclean clean DIR` does,
/// with its survey (`--no-survey`: each page alone).
pub fn run(args: &[String]) -> anyhow::Result<()> {
    let mut dir = workspace_root().join("target/realpages");
    let mut write: Option<PathBuf> = None;
    let mut per_page: Option<String> = None;
    let mut survey = true;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--realpages" => {}
            "--no-survey" => survey = false,
            "--write" => write = Some(PathBuf::from(it.next().context("--write needs a folder")?)),
            "--pages" => per_page = Some(it.next().context("--pages needs an extractor")?.clone()),
            s if !s.starts_with('-') => dir = PathBuf::from(s),
            other => bail!("eval --realpages: unknown option {other:?}; {EVAL_USAGE}"),
        }
    }
    if let Some(ex) = &per_page
        && !EXTRACTORS.contains(&ex.as_str())
    {
        bail!("eval --realpages: --pages {ex:?}: not an extractor ({})", EXTRACTORS.join(", "));
    }
    if !dir.join("gold").is_dir() {
        println!(
            "eval --realpages: skipped: no generated pages in {} (make them with `cargo xtask realpages`, \
             or name the folder: cargo xtask eval --realpages DIR)",
            dir.display()
        );
        return Ok(());
    }
    let scores = score_dir(&dir, true, survey)?;
    let papers = read_papers(&dir)?;
    let paper_of = |name: &str| papers.get(name).cloned().unwrap_or_default();
    println!(
        "cleaned {}",
        if survey {
            "as folders, one per paper, each surveyed first (--no-survey: page by page)"
        } else {
            "page by page (--no-survey)"
        }
    );
    if let Some(w) = &write {
        for ex in &scores {
            let d = w.join(&ex.extractor);
            std::fs::create_dir_all(&d).with_context(|| format!("{}: cannot create", d.display()))?;
            for p in &ex.pages {
                std::fs::write(d.join(format!("{}.txt", p.name)), &p.output)?;
            }
        }
    }
    if let Ok(v) = std::fs::read_to_string(dir.join("versions.json")) {
        println!("pages of {} (versions.json):\n{}", dir.display(), v.trim_end());
    }
    let cleaner = newsclean::Cleaner::new(newsclean::DEFAULT_PROFILE)?;
    let mut unstable = Vec::new();
    let mut total = 0;
    for ex in &scores {
        // Cleaning the folder of outputs again surveys it again.
        let mut again: BTreeMap<String, newsclean::SurveyBuilder> = BTreeMap::new();
        if survey {
            for p in &ex.pages {
                cleaner.survey_page(p.output.as_bytes(), again.entry(paper_of(&p.name)).or_default());
            }
        }
        let again: BTreeMap<String, std::sync::Arc<newsclean::Survey>> =
            again.into_iter().map(|(f, b)| (f, std::sync::Arc::new(b.finish()))).collect();
        for p in &ex.pages {
            total += 1;
            let second = cleaner
                .clean_surveyed(p.output.as_bytes(), again.get(&paper_of(&p.name)).cloned())
                .map(|c| c.text);
            if second.as_deref().ok() != Some(p.output.as_str()) {
                unstable.push(format!("{}/{}", ex.extractor, p.name));
                if let (Some(w), Ok(second)) = (&write, &second) {
                    std::fs::write(w.join(&ex.extractor).join(format!("{}.again.txt", p.name)), second)?;
                }
            }
        }
    }
    println!(
        "\nidempotence: {}/{total} outputs unchanged when cleaned again{}",
        total - unstable.len(),
        if unstable.is_empty() { String::new() } else { format!(" (changed: {})", unstable.join(" ")) }
    );
    let cli = idempotence_as_the_command_line(&dir, survey, &paper_of)?;
    println!(
        "idempotence as `newsclean clean` sees it (Latin pages with {}; a folder per paper, its \
         output folder cleaned again): {}/{}{}",
        newsclean::LATIN_PROFILE,
        cli.total - cli.unstable.len(),
        cli.total,
        if cli.unstable.is_empty() {
            String::new()
        } else {
            format!(
                " (changed: {})",
                cli.unstable
                    .iter()
                    .map(|u| format!("{}/{}", u.extractor, u.page))
                    .collect::<Vec<_>>()
                    .join(" ")
            )
        }
    );
    if let Some(w) = &write {
        for u in &cli.unstable {
            let d = w.join(&u.extractor);
            std::fs::create_dir_all(&d).with_context(|| format!("{}: cannot create", d.display()))?;
            std::fs::write(d.join(format!("{}.cli.txt", u.page)), &u.first)?;
            std::fs::write(d.join(format!("{}.cli2.txt", u.page)), &u.second)?;
        }
    }
    let lost: Vec<String> = scores
        .iter()
        .flat_map(|ex| {
            ex.pages.iter().filter(|p| !p.lossless).map(|p| format!("{}/{}", ex.extractor, p.name))
        })
        .collect();
    println!(
        "lossless: {}/{total} outputs whose edit log undoes them to the decoded input{}; as `newsclean \
         clean` sees it: {}/{}{}",
        total - lost.len(),
        if lost.is_empty() { String::new() } else { format!(" (not: {})", lost.join(" ")) },
        cli.total - cli.lost.len(),
        cli.total,
        if cli.lost.is_empty() { String::new() } else { format!(" (not: {})", cli.lost.join(" ")) }
    );
    println!("\nMean over the pages, as output:");
    print!("{}", table(&scores, false));
    if let Some(splits) = read_splits(&dir)? {
        let dev = only_split(&scores, &splits, "dev");
        let held = only_split(&scores, &splits, "held-out");
        println!("\nDevelopment split (papers the passes may be tuned on), as output:");
        print!("{}", table(&dev, false));
        println!("\nHeld-out split (papers no pass was tuned on), as output:");
        print!("{}", table(&held, false));
        let mut apart = Vec::new();
        for (d, h) in dev.iter().zip(&held) {
            for m in ["exact_all", "furniture", "gap_closed"] {
                if let (Some(a), Some(b)) = (mean(&d.pages, m, false), mean(&h.pages, m, false))
                    && (a - b).abs() > 0.03
                {
                    apart.push(format!("{} {m} {a:.3} vs {b:.3}", d.extractor));
                }
            }
        }
        if apart.is_empty() {
            println!("\nsplits within 0.03 of each other on exact_all, furniture and gap_closed");
        } else {
            println!("\nsplits more than 0.03 apart (stop tuning): {}", apart.join("; "));
        }
    }
    println!(
        "\nWhat layout controls (punctuation, quotes, full-width forms and CJK–ASCII spacing folded on both sides):"
    );
    print!("{}", table(&scores, true));
    if let Some(name) = per_page
        && let Some(ex) = scores.iter().find(|e| e.extractor == name)
    {
        println!("\n{name}, page by page, as output:");
        print!("{}", page_table(ex));
    }
    Ok(())
}

/// An output of the command line that a second clean changed.
struct Unstable {
    extractor: String,
    page: String,
    /// The first clean's text.
    first: String,
    /// The second clean's text.
    second: String,
}

/// What [`idempotence_as_the_command_line`] found.
struct CommandLine {
    /// The outputs checked.
    total: usize,
    /// The ones a second clean changed.
    unstable: Vec<Unstable>,
    /// The ones whose edit log does not undo them to the decoded input (`extractor/page`).
    lost: Vec<String>,
}

/// Idempotence as a user meets it: `newsclean clean DIR --out-dir OUT`, then the same of OUT.
/// The scores above clean every page with the default profile; the command line cleans a
/// Latin page with the Latin profile ([`newsclean::Config::default`]), so its clean text, and
/// whether a second clean keeps it, can differ. Each extractor's pages are cleaned as folders,
/// one per paper, each surveyed first (`survey`), and the outputs cleaned again the same way.
/// Also checks that each first clean's edit log undoes it to the decoded input.
fn idempotence_as_the_command_line(
    dir: &Path,
    survey: bool,
    paper_of: &dyn Fn(&str) -> String,
) -> anyhow::Result<CommandLine> {
    let cleaner = newsclean::Cleaner::from_config(&newsclean::Config::default())?;
    let surveyed = |pages: &[(String, Vec<u8>)]| {
        let mut by_paper: BTreeMap<String, newsclean::SurveyBuilder> = BTreeMap::new();
        if survey {
            for (name, bytes) in pages {
                cleaner.survey_page(bytes, by_paper.entry(paper_of(name)).or_default());
            }
        }
        by_paper
            .into_iter()
            .map(|(f, b)| (f, std::sync::Arc::new(b.finish())))
            .collect::<BTreeMap<String, std::sync::Arc<newsclean::Survey>>>()
    };
    let mut out = CommandLine { total: 0, unstable: Vec::new(), lost: Vec::new() };
    for ex in EXTRACTORS {
        let raw = dir.join(ex);
        if !raw.is_dir() {
            continue;
        }
        let mut pages = Vec::new();
        for (name, _, path) in eval::gold_pages(&dir.join("gold"), &raw)? {
            let bytes = std::fs::read(&path).with_context(|| format!("{}: cannot read", path.display()))?;
            pages.push((name, bytes));
        }
        let first = surveyed(&pages);
        let mut outputs = Vec::new();
        for (name, bytes) in &pages {
            let c = cleaner.clean_surveyed(bytes, first.get(&paper_of(name)).cloned())?;
            if c.page.log().undo(&c.text) != *c.input {
                out.lost.push(format!("{ex}/{name}"));
            }
            outputs.push((name.clone(), c.text.into_bytes()));
        }
        let again = surveyed(&outputs);
        for (name, first) in &outputs {
            out.total += 1;
            let second = cleaner.clean_surveyed(first, again.get(&paper_of(name)).cloned())?.text;
            if second.as_bytes() != first.as_slice() {
                out.unstable.push(Unstable {
                    extractor: ex.to_string(),
                    page: name.clone(),
                    first: String::from_utf8_lossy(first).into_owned(),
                    second,
                });
            }
        }
    }
    Ok(out)
}

/// The characters the spec's check compares: no white space, no ASCII or full-width
/// punctuation.
pub fn check_chars(s: &str) -> BTreeMap<char, i64> {
    let mut m = BTreeMap::new();
    for c in s.chars() {
        let punct = c.is_ascii_punctuation()
            || matches!(c, '\u{2010}'..='\u{2027}' | '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF40}' | '\u{FF5B}'..='\u{FF65}' | '·');
        if !c.is_whitespace() && !punct {
            *m.entry(c).or_insert(0) += 1;
        }
    }
    m
}

/// The check's characters of all the lines of a gold page.
pub fn gold_chars(gold: &[GoldLine]) -> BTreeMap<char, i64> {
    check_chars(&gold.iter().map(|g| g.text.as_str()).collect::<Vec<_>>().join("\n"))
}

/// The spec's check against an extractor's text of the page: every gold character is there
/// (`name` names the page in the error).
pub fn check_against(name: &str, gold: &[GoldLine], text: &str) -> anyhow::Result<()> {
    let have = check_chars(text);
    let missing: Vec<String> = gold_chars(gold)
        .into_iter()
        .filter_map(|(c, n)| {
            let h = have.get(&c).copied().unwrap_or(0);
            (h < n).then(|| format!("{c}×{}", n - h))
        })
        .collect();
    if !missing.is_empty() {
        bail!("{name}: gold characters missing from the extracted text: {}", missing.join(" "));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_split_file_names_each_page_dev_or_held_out() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert!(read_splits(dir.path()).expect("no file").is_none(), "a folder without splits is one set");
        std::fs::write(
            dir.path().join(SPLIT_FILE),
            "page\tpaper\tlang\tsplit\na\tp01\tZh\tdev\nb\tp02\tEn\theld-out\n",
        )
        .expect("write");
        let s = read_splits(dir.path()).expect("read").expect("splits");
        assert_eq!(s.get("a").map(String::as_str), Some("dev"));
        assert_eq!(s.get("b").map(String::as_str), Some("held-out"));
        std::fs::write(dir.path().join(SPLIT_FILE), "page\tpaper\tlang\tsplit\na\tp01\tZh\ttrain\n")
            .expect("write");
        let err = read_splits(dir.path()).expect_err("an unknown split");
        assert!(err.to_string().contains("dev|held-out"), "{err}");
    }

    #[test]
    fn the_character_check_ignores_space_and_punctuation_only() {
        let gold = vec![GoldLine { tag: 'P', text: "平湖，2023年“新”。".into() }];
        assert!(check_against("p", &gold, "平 湖,2023 年\"新\"\n").is_ok());
        assert!(check_against("p", &gold, "平湖，2023年。").is_err(), "a missing 新");
        assert!(check_against("p", &gold, "平湖，2O23年“新”。").is_err(), "O is not 0");
    }
}
