//! `cargo xtask learn-eval [--pages N] [--out DIR]`: what `newsclean learn` buys on another
//! newspaper.
//!
//! It builds, deterministically, a corpus of pages of an invented newspaper (江南商报, its own
//! masthead, Latin name, date and issue line, section page labels, column titles, credit,
//! hotline, web, legal and copyright footers, and jump lines) around the article text of the
//! gold files (H, B and P blocks), hard-wrapped like the seeds, and writes it under
//! `target/learn-corpus/pages/`. Half of its furniture kinds are shapes the built-in layout
//! furniture pass does not know. Then it learns a rule file from the pages (as
//! `newsclean learn target/learn-corpus/pages -o target/learn-corpus/learned.yaml` does),
//! cleans every page with the built-in rules alone and with the learned rules added (as
//! `newsclean clean --rules target/learn-corpus/learned.yaml` does) and prints, for both,
//! the share of furniture lines removed and the share of article characters kept.
//!
//! Measures. A furniture line counts as removed when its letters, digits and ideographs do not
//! appear in the clean page (rules may change its spaces and punctuation); the generator
//! checks that no furniture line's letters appear in any article text, so a kept line cannot
//! be mistaken for article text. Article characters (letters, digits, ideographs of the H, B
//! and P text placed on the page) are counted as a bag per page: kept = the sum over characters
//! of min(count in the clean page less the furniture lines left in it, count in the articles).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use newsclean::learn::{LearnOptions, Learned, learn};

use crate::corpus::SplitMix;
use crate::eval::workspace_root;

/// The article text of the gold files.
struct Source {
    headlines: Vec<String>,
    bylines: Vec<String>,
    paragraphs: Vec<String>,
}

fn read_gold(gold: &Path) -> anyhow::Result<Source> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(gold)
        .with_context(|| format!("{}: cannot list the gold files", gold.display()))?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    names.retain(|p| p.to_string_lossy().ends_with(".gold.tsv"));
    names.sort();
    let mut s = Source { headlines: Vec::new(), bylines: Vec::new(), paragraphs: Vec::new() };
    for n in names {
        let text = std::fs::read_to_string(&n).with_context(|| format!("{}: cannot read", n.display()))?;
        for line in text.lines() {
            let Some((tag, t)) = line.split_once('\t') else { continue };
            let len = t.chars().count();
            match tag {
                "H" if (4..=30).contains(&len) => s.headlines.push(t.to_string()),
                "B" => s.bylines.push(t.to_string()),
                "P" if len >= 20 => s.paragraphs.push(t.to_string()),
                _ => {}
            }
        }
    }
    if s.headlines.is_empty() || s.paragraphs.is_empty() {
        bail!("{}: no H or P blocks in the gold files", gold.display());
    }
    Ok(s)
}

/// The letters, digits and ideographs of a text: what the measures compare.
fn key(t: &str) -> String {
    t.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Hard-wrap a paragraph at `cells` display cells (a CJK character is two), as the seeds are.
fn wrap(p: &str, cells: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let (mut line, mut w) = (String::new(), 0);
    for c in p.chars() {
        let cw = newsclean::core::chars::display_width(c);
        if w + cw > cells && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            w = 0;
        }
        line.push(c);
        w += cw;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A round-robin draw from a list, reshuffled every cycle: every item is used about equally
/// often, so no article text recurs on more pages than the corpus size allows.
struct Deck {
    order: Vec<usize>,
    at: usize,
    n: usize,
}

impl Deck {
    fn new(n: usize) -> Self {
        Deck { order: Vec::new(), at: 0, n }
    }

    fn draw(&mut self, rng: &mut SplitMix) -> usize {
        if self.at == self.order.len() {
            self.order = (0..self.n).collect();
            for i in (1..self.n).rev() {
                self.order.swap(i, rng.below(i + 1));
            }
            self.at = 0;
        }
        self.at += 1;
        self.order[self.at - 1]
    }
}

/// One generated page: its text, its furniture lines (kind, line) and its article text.
struct GenPage {
    text: String,
    furniture: Vec<(&'static str, String)>,
    article: String,
}

const SECTIONS: &[(&str, Option<&str>)] = &[
    ("要闻", None),
    ("财经新闻", Some("【商海观潮】")),
    ("城市生活", Some("【街巷故事】")),
    ("文体副刊", None),
];
const NAMES: &[&str] = &["周明", "陈静", "刘洋", "王蕾", "沈佳", "许诺", "顾晓", "吴越"];
const WEEKDAYS: &[char] = &['一', '二', '三', '四', '五', '六', '日'];

/// Page `n` of the corpus.
fn page(n: usize, src: &Source, decks: &mut [Deck; 3], rng: &mut SplitMix) -> GenPage {
    let mut text = String::new();
    let mut furniture: Vec<(&'static str, String)> = Vec::new();
    let mut article = String::new();
    let mut furn = |text: &mut String, kind: &'static str, line: String, blank: bool| {
        text.push_str(&line);
        text.push_str(if blank { "\n\n" } else { "\n" });
        furniture.push((kind, line));
    };
    // Four pages an issue, one issue a day from 2024-01-01 (months of 28 days keep it simple).
    let issue = n / 4;
    let (month, day) = (1 + (issue / 28) % 12, 1 + issue % 28);
    let page_no = 1 + n % 4;
    let (section, column) = SECTIONS[n % 4];
    furn(&mut text, "masthead", "江南商报".into(), rng.below(2) == 0);
    furn(&mut text, "latin-masthead", "JIANGNAN BUSINESS NEWS".into(), true);
    furn(
        &mut text,
        "date-issue",
        format!("2024年{month}月{day}日 星期{} 第{}号", WEEKDAYS[issue % 7], 4521 + issue),
        true,
    );
    furn(&mut text, "page-label", format!("第{page_no}版 · {section}"), true);
    if let Some(c) = column {
        furn(&mut text, "column-title", c.to_string(), true);
    }
    if rng.below(3) == 0 {
        furn(&mut text, "continued", format!("（上接第{}版）", 1 + (page_no % 4)), true);
    }
    let stories = 2 + rng.below(2);
    let cells = 2 * (13 + rng.below(5));
    for s in 0..stories {
        let h = &src.headlines[decks[0].draw(rng)];
        text.push_str(h);
        text.push_str("\n\n");
        article.push_str(h);
        if rng.below(2) == 0 && !src.bylines.is_empty() {
            let b = &src.bylines[decks[1].draw(rng)];
            text.push_str(b);
            text.push_str("\n\n");
            article.push_str(b);
        }
        let paras = 1 + rng.below(3);
        let last_story = s + 1 == stories;
        for k in 0..paras {
            let p = &src.paragraphs[decks[2].draw(rng)];
            let mut lines = wrap(p, cells);
            let truncated = last_story && k + 1 == paras && lines.len() > 2 && rng.below(2) == 0;
            if truncated {
                lines.truncate(lines.len() / 2);
            }
            for l in &lines {
                text.push_str(l);
                text.push('\n');
                article.push_str(l);
            }
            if truncated {
                // The jump line right under the cut-off text, as papers print it.
                furn(&mut text, "jump", format!("（未完，详见第{}版）", 1 + (page_no + 1) % 4), false);
            }
            text.push('\n');
        }
    }
    let credits = format!(
        "本版编辑：{} 美编：{} 校对：{}",
        NAMES[rng.below(NAMES.len())],
        NAMES[rng.below(NAMES.len())],
        NAMES[rng.below(NAMES.len())]
    );
    furn(&mut text, "credits", credits, true);
    furn(&mut text, "hotline", "新闻热线 96123  投稿邮箱 news@jnsb.cn".into(), rng.below(2) == 0);
    furn(&mut text, "digital", "江南商报数字版 jnsb.cn/epaper".into(), true);
    furn(&mut text, "legal", "本报法律顾问 江南律师事务所".into(), rng.below(2) == 0);
    furn(&mut text, "copyright", "© 江南商报社 版权所有 未经许可不得转载".into(), true);
    GenPage { text, furniture, article }
}

/// Counts of one setting over the corpus.
#[derive(Debug, Default)]
pub struct Tally {
    /// Furniture lines placed on the pages.
    pub furniture: usize,
    /// Of them, removed.
    pub removed: usize,
    /// (lines, removed) per kind of furniture.
    pub by_kind: BTreeMap<&'static str, (usize, usize)>,
    /// Letters, digits and ideographs of the article text placed on the pages.
    pub article_chars: usize,
    /// Of them, found in the clean pages.
    pub kept_chars: usize,
    /// Lines removed by the learned rules that are not furniture of the page.
    pub wrongly_learned: usize,
}

impl Tally {
    /// The share of furniture lines removed.
    pub fn removal(&self) -> f64 {
        self.removed as f64 / self.furniture.max(1) as f64
    }

    /// The share of article characters kept.
    pub fn kept(&self) -> f64 {
        self.kept_chars as f64 / self.article_chars.max(1) as f64
    }
}

/// What `cargo xtask learn-eval` measured.
#[derive(Debug)]
pub struct LearnEval {
    /// The corpus folder, as shown (relative to the workspace root when under it).
    pub corpus: String,
    /// The learned rule file, as shown.
    pub rules_file: String,
    /// The number of pages.
    pub pages: usize,
    /// What was learned.
    pub learned: Learned,
    /// The built-in rules alone.
    pub builtin: Tally,
    /// The built-in rules with the learned ones added.
    pub with_learned: Tally,
}

fn bag(t: &str) -> BTreeMap<char, usize> {
    let mut m = BTreeMap::new();
    for c in key(t).chars() {
        *m.entry(c).or_insert(0) += 1;
    }
    m
}

fn tally(cleaner: &newsclean::Cleaner, pages: &[GenPage], texts: &[String]) -> anyhow::Result<Tally> {
    let mut t = Tally::default();
    for (p, text) in pages.iter().zip(texts) {
        let cleaned = cleaner.clean_text(text)?;
        let clean = cleaned.text;
        let furniture_keys: Vec<String> = p.furniture.iter().map(|(_, l)| key(l)).collect();
        t.wrongly_learned += cleaned
            .page
            .log()
            .edits()
            .iter()
            .filter(|e| e.rule.starts_with("learned.") && !furniture_keys.contains(&key(&e.before)))
            .count();
        let clean_key = key(&clean);
        let mut in_clean = bag(&clean);
        // Lines the cleaner deleted whole, by the log: a furniture line whose text also stands
        // inside a kept line (the masthead 江南商报 in 江南商报数字版 …) is removed all the same.
        let deleted: Vec<String> = cleaned
            .page
            .log()
            .edits()
            .iter()
            .filter(|e| e.after.trim().is_empty())
            .map(|e| key(&e.before))
            .collect();
        for (kind, line) in &p.furniture {
            let k = key(line);
            let removed = !clean_key.contains(&k) || deleted.contains(&k);
            t.furniture += 1;
            t.removed += usize::from(removed);
            let e = t.by_kind.entry(kind).or_default();
            e.0 += 1;
            e.1 += usize::from(removed);
            if !removed {
                for (c, k) in bag(line) {
                    let v = in_clean.entry(c).or_insert(0);
                    *v = v.saturating_sub(k);
                }
            }
        }
        for (c, k) in bag(&p.article) {
            t.article_chars += k;
            t.kept_chars += k.min(in_clean.get(&c).copied().unwrap_or(0));
        }
    }
    Ok(t)
}

/// Build the corpus of `n_pages` pages under `out_dir/pages`, learn `out_dir/learned.yaml`
/// from it and measure both settings. `root` is the workspace root (gold/ is read there).
pub fn measure(root: &Path, n_pages: usize, out_dir: &Path) -> anyhow::Result<LearnEval> {
    if n_pages < 20 {
        bail!("{n_pages} pages: at least 20, so that a shape can recur");
    }
    let src = read_gold(&root.join("gold"))?;
    let mut rng = SplitMix::new(0x6A69_616E_676E_616E);
    let mut decks = [
        Deck::new(src.headlines.len()),
        Deck::new(src.bylines.len().max(1)),
        Deck::new(src.paragraphs.len()),
    ];
    let pages: Vec<GenPage> = (0..n_pages).map(|n| page(n, &src, &mut decks, &mut rng)).collect();
    // No furniture line may hide in article text, or a kept line would pass for removed.
    let all_article: String =
        src.headlines.iter().chain(&src.bylines).chain(&src.paragraphs).map(|t| key(t)).collect();
    for p in &pages {
        for (kind, line) in &p.furniture {
            if all_article.contains(&key(line)) {
                bail!("generator: furniture line {line:?} ({kind}) occurs in article text");
            }
        }
    }
    // Write the corpus, then read it back as `newsclean learn` would.
    let dir = out_dir.join("pages");
    if dir.exists() {
        std::fs::remove_dir_all(&dir).with_context(|| format!("{}: cannot clear", dir.display()))?;
    }
    std::fs::create_dir_all(&dir).with_context(|| format!("{}: cannot create", dir.display()))?;
    for (i, p) in pages.iter().enumerate() {
        std::fs::write(dir.join(format!("jnsb-{i:04}.txt")), &p.text)?;
    }
    let mut texts = Vec::new();
    for i in 0..pages.len() {
        let bytes = std::fs::read(dir.join(format!("jnsb-{i:04}.txt")))?;
        texts.push(newsclean::decode::decode(&bytes, &Default::default())?.text);
    }
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let learned = learn(&refs, &LearnOptions::default())?;
    let corpus = dir.strip_prefix(root).unwrap_or(&dir).display().to_string();
    let yaml = learned.to_yaml(&corpus)?;
    let rules_path = out_dir.join("learned.yaml");
    std::fs::write(&rules_path, &yaml).with_context(|| format!("{}: cannot write", rules_path.display()))?;
    let rules_file = rules_path.strip_prefix(root).unwrap_or(&rules_path).display().to_string();
    let builtin = newsclean::Cleaner::from_config(&newsclean::Config::default())?;
    let with_learned = newsclean::Cleaner::from_config(&newsclean::Config {
        rule_files: vec![(rules_path.clone(), yaml)],
        ..newsclean::Config::default()
    })?;
    Ok(LearnEval {
        corpus,
        rules_file,
        pages: pages.len(),
        builtin: tally(&builtin, &pages, &texts)?,
        with_learned: tally(&with_learned, &pages, &texts)?,
        learned,
    })
}

/// Run the task: `cargo xtask learn-eval [--pages N] [--out DIR]`.
pub fn run(args: &[String]) -> anyhow::Result<()> {
    let root = workspace_root();
    let mut n_pages = 240usize;
    let mut out_dir = root.join("target/learn-corpus");
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--pages" => {
                n_pages = it.next().context("--pages needs a number")?.parse().context("--pages N")?;
            }
            "--out" => out_dir = PathBuf::from(it.next().context("--out needs a folder")?),
            _ => bail!("unknown argument {a:?}; usage: cargo xtask learn-eval [--pages N] [--out DIR]"),
        }
    }
    let m = measure(&root, n_pages, &out_dir)?;
    let (a, b) = (&m.builtin, &m.with_learned);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "corpus: {} pages of an invented newspaper ({}), built from the gold's H/B/P text",
        m.pages, m.corpus
    );
    let _ = writeln!(
        out,
        "learned: {} furniture rules ({}), line shapes seen on at least {} pages; {} recurring shapes refused\n",
        m.learned.rules.len(),
        m.rules_file,
        m.learned.threshold,
        m.learned.rejected.len()
    );
    let _ = writeln!(
        out,
        "| rules | furniture lines | removed | share removed | article chars | kept | share kept | article lines removed by learned rules |"
    );
    let _ = writeln!(out, "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (name, t) in [("built-in (zh-newspaper)", a), ("built-in + learned", b)] {
        let _ = writeln!(
            out,
            "| {name} | {} | {} | {:.4} | {} | {} | {:.4} | {} |",
            t.furniture,
            t.removed,
            t.removal(),
            t.article_chars,
            t.kept_chars,
            t.kept(),
            t.wrongly_learned
        );
    }
    let _ = writeln!(out, "\nfurniture removed by kind (built-in / built-in + learned):\n");
    let _ = writeln!(out, "| kind | lines | built-in | + learned |\n| --- | ---: | ---: | ---: |");
    for (kind, (n, r)) in &a.by_kind {
        let rb = b.by_kind.get(kind).map_or(0, |x| x.1);
        let _ = writeln!(out, "| {kind} | {n} | {r} | {rb} |");
    }
    if !m.learned.rejected.is_empty() {
        let _ = writeln!(out, "\nrefused (first 5):");
        for r in m.learned.rejected.iter().take(5) {
            let _ = writeln!(out, "- {:?} on {} pages: {}", r.example, r.pages, r.reason);
        }
    }
    print!("{out}");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_counts_cells() {
        assert_eq!(wrap("一二三四五", 4), ["一二", "三四", "五"]);
        assert_eq!(wrap("ab一cd", 4), ["ab一", "cd"]);
    }

    #[test]
    fn deck_uses_every_item_once_a_cycle() {
        let mut rng = SplitMix::new(1);
        let mut d = Deck::new(5);
        let mut seen: Vec<usize> = (0..5).map(|_| d.draw(&mut rng)).collect();
        seen.sort();
        assert_eq!(seen, [0, 1, 2, 3, 4]);
    }
}
