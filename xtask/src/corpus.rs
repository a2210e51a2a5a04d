//! The bench corpus: pages built from `seeds/` by shuffling their paragraphs deterministically,
//! written once and cached under `target/bench-corpus/`.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use serde_json::json;

/// Bump when the generator changes, so cached corpora are rebuilt.
const GENERATOR_VERSION: u32 = 1;

/// A built corpus and its sizes.
#[derive(Debug)]
pub struct Corpus {
    /// The folder of page files.
    pub files_dir: PathBuf,
    /// A folder with the first twelfth of those files (the memory comparison).
    pub few_dir: PathBuf,
    /// The JSON Lines file of `{"id":…,"text":…}` records.
    pub jsonl: PathBuf,
    /// One tiny file, for the baseline memory of a process.
    pub tiny: PathBuf,
    /// Files in `files_dir`.
    pub files: u64,
    /// Their bytes.
    pub files_bytes: u64,
    /// The largest file's bytes.
    pub largest: u64,
    /// Files in `few_dir`.
    pub few: u64,
    /// Their bytes.
    pub few_bytes: u64,
    /// Records in `jsonl`.
    pub records: u64,
    /// Its bytes.
    pub jsonl_bytes: u64,
}

/// A small deterministic generator (SplitMix64): no dependency, the same stream everywhere.
pub struct SplitMix(u64);

impl SplitMix {
    /// A stream from `seed`.
    pub fn new(seed: u64) -> Self {
        SplitMix(seed)
    }

    /// The next 64 bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

/// The paragraphs (blank-line separated blocks) of each seed page, in file name order.
pub fn seed_paragraphs(seeds: &Path) -> anyhow::Result<Vec<Vec<String>>> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(seeds)
        .with_context(|| format!("{}: cannot list seeds", seeds.display()))?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    names.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    names.sort();
    let mut pages = Vec::new();
    for p in names {
        let text = std::fs::read_to_string(&p).with_context(|| format!("{}: not UTF-8 text", p.display()))?;
        let text = text.replace("\r\n", "\n");
        let paras: Vec<String> =
            text.split("\n\n").map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect();
        if !paras.is_empty() {
            pages.push(paras);
        }
    }
    if pages.is_empty() {
        bail!("{}: no seed pages (*.txt)", seeds.display());
    }
    Ok(pages)
}

/// Page number `k` of a stream: paragraphs of randomly chosen seeds, each seed's paragraphs
/// shuffled, until the page reaches its target size (between half and one and a half `avg`).
pub fn page(pages: &[Vec<String>], stream: u64, k: u64, avg: usize) -> String {
    let mut rng = SplitMix::new(stream.wrapping_mul(0x1000_0000_01B3) ^ k);
    let target = avg / 2 + rng.below(avg.max(1));
    let mut out = String::with_capacity(target + 4096);
    while out.len() < target {
        let mut paras: Vec<&String> = pages[rng.below(pages.len())].iter().collect();
        for i in (1..paras.len()).rev() {
            paras.swap(i, rng.below(i + 1));
        }
        for p in paras {
            if out.len() >= target {
                break;
            }
            out.push_str(p);
            out.push_str("\n\n");
        }
    }
    out
}

/// Build (or reuse) the corpus of about `mb` MB in `mb × files_per_mb` files, plus a JSON Lines
/// file of `mb / 2` MB, under `cache`.
pub fn build(seeds: &Path, cache: &Path, mb: u64, files_per_mb: u64) -> anyhow::Result<Corpus> {
    let dir = cache.join(format!("v{GENERATOR_VERSION}-{mb}mb"));
    let n_files = (mb * files_per_mb).max(12);
    let n_few = n_files / 12;
    let avg = (mb * 1_000_000 / n_files) as usize;
    let mut corpus = Corpus {
        files_dir: dir.join("files"),
        few_dir: dir.join("few"),
        jsonl: dir.join("records.jsonl"),
        tiny: dir.join("tiny/tiny.txt"),
        files: n_files,
        files_bytes: 0,
        largest: 0,
        few: n_few,
        few_bytes: 0,
        records: 0,
        jsonl_bytes: 0,
    };
    let manifest = dir.join("corpus.json");
    if let Ok(m) = std::fs::read_to_string(&manifest) {
        let m: serde_json::Value = serde_json::from_str(&m)?;
        let get = |k: &str| m[k].as_u64().with_context(|| format!("{}: no {k}", manifest.display()));
        corpus.files_bytes = get("files_bytes")?;
        corpus.largest = get("largest")?;
        corpus.few_bytes = get("few_bytes")?;
        corpus.records = get("records")?;
        corpus.jsonl_bytes = get("jsonl_bytes")?;
        eprintln!("bench: reusing corpus {}", dir.display());
        return Ok(corpus);
    }
    eprintln!("bench: building corpus {} ({n_files} files, about {mb} MB)", dir.display());
    let pages = seed_paragraphs(seeds)?;
    if dir.exists() {
        std::fs::remove_dir_all(&dir)?;
    }
    for d in [&corpus.files_dir, &corpus.few_dir, &dir.join("tiny")] {
        std::fs::create_dir_all(d)?;
    }
    std::fs::write(&corpus.tiny, "x\n")?;
    for k in 0..n_files {
        let text = page(&pages, 1, k, avg);
        let name = format!("page-{k:06}.txt");
        let path = corpus.files_dir.join(&name);
        std::fs::write(&path, &text)?;
        let len = text.len() as u64;
        corpus.files_bytes += len;
        corpus.largest = corpus.largest.max(len);
        if k < n_few {
            let few = corpus.few_dir.join(&name);
            if std::fs::hard_link(&path, &few).is_err() {
                std::fs::copy(&path, &few)?;
            }
            corpus.few_bytes += len;
        }
    }
    let mut w = std::io::BufWriter::new(std::fs::File::create(&corpus.jsonl)?);
    let jsonl_target = mb * 1_000_000 / 2;
    while corpus.jsonl_bytes < jsonl_target {
        let text = page(&pages, 2, corpus.records, avg);
        let line = json!({ "id": corpus.records, "text": text }).to_string();
        w.write_all(line.as_bytes())?;
        w.write_all(b"\n")?;
        corpus.jsonl_bytes += line.len() as u64 + 1;
        corpus.records += 1;
    }
    w.flush()?;
    let m = json!({
        "generator": GENERATOR_VERSION, "mb": mb, "files": n_files,
        "files_bytes": corpus.files_bytes, "largest": corpus.largest, "few": n_few,
        "few_bytes": corpus.few_bytes, "records": corpus.records, "jsonl_bytes": corpus.jsonl_bytes,
    });
    std::fs::write(&manifest, serde_json::to_string_pretty(&m)?)?;
    Ok(corpus)
}

/// An English corpus built from real OCR (the articles of `../shared/realdata/en-overproof`),
/// which is not in the repository: built only where the data is, never committed.
#[derive(Debug)]
pub struct EnglishCorpus {
    /// The folder of page files.
    pub files_dir: PathBuf,
    /// Files in it.
    pub files: u64,
    /// Their bytes.
    pub bytes: u64,
    /// Articles the pages are made of.
    pub articles: usize,
}

/// The raw OCR articles (`articles/NNN.raw.txt`) of `data`, in name order, or `None` where the
/// folder is absent.
pub fn english_articles(data: &Path) -> anyhow::Result<Option<Vec<String>>> {
    let dir = data.join("articles");
    if !dir.is_dir() {
        return Ok(None);
    }
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .with_context(|| format!("{}: cannot list", dir.display()))?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    names.retain(|p| p.to_string_lossy().ends_with(".raw.txt"));
    names.sort();
    let mut out = Vec::new();
    for p in names {
        let text = std::fs::read_to_string(&p).with_context(|| format!("{}: not UTF-8 text", p.display()))?;
        let text = text.trim();
        if !text.is_empty() {
            out.push(text.to_string());
        }
    }
    Ok((!out.is_empty()).then_some(out))
}

/// Build (or reuse) an English corpus of about `mb` MB in `mb × files_per_mb` files: each page
/// is whole raw OCR articles, drawn and ordered by the same generator as the Chinese pages,
/// one blank line apart (as articles follow each other on a page).
pub fn build_english(
    data: &Path,
    cache: &Path,
    mb: u64,
    files_per_mb: u64,
) -> anyhow::Result<Option<EnglishCorpus>> {
    let Some(articles) = english_articles(data)? else {
        return Ok(None);
    };
    let dir = cache.join(format!("en-v{GENERATOR_VERSION}-{mb}mb"));
    let n_files = (mb * files_per_mb).max(12);
    let avg = (mb * 1_000_000 / n_files) as usize;
    let mut corpus =
        EnglishCorpus { files_dir: dir.join("files"), files: n_files, bytes: 0, articles: articles.len() };
    let manifest = dir.join("corpus.json");
    if let Ok(m) = std::fs::read_to_string(&manifest) {
        let m: serde_json::Value = serde_json::from_str(&m)?;
        corpus.bytes = m["bytes"].as_u64().with_context(|| format!("{}: no bytes", manifest.display()))?;
        eprintln!("bench: reusing corpus {}", dir.display());
        return Ok(Some(corpus));
    }
    eprintln!("bench: building English corpus {} ({n_files} files, about {mb} MB)", dir.display());
    if dir.exists() {
        std::fs::remove_dir_all(&dir)?;
    }
    std::fs::create_dir_all(&corpus.files_dir)?;
    let pages = vec![articles];
    for k in 0..n_files {
        let text = page(&pages, 3, k, avg);
        std::fs::write(corpus.files_dir.join(format!("page-{k:06}.txt")), &text)?;
        corpus.bytes += text.len() as u64;
    }
    let m = json!({ "generator": GENERATOR_VERSION, "mb": mb, "files": n_files, "bytes": corpus.bytes });
    std::fs::write(&manifest, serde_json::to_string_pretty(&m)?)?;
    Ok(Some(corpus))
}

/// The size of the one-line page (issue 21: a 204 MB page on one line).
pub const ONE_LINE_BYTES: usize = 204_000_000;

/// Build (or reuse) one page of [`ONE_LINE_BYTES`] on a single line: the seeds' text with its
/// line breaks taken out, repeated and cut at a character boundary. Returns its path and size.
pub fn build_one_line(seeds: &Path, cache: &Path) -> anyhow::Result<(PathBuf, u64)> {
    let path = cache.join(format!("one-line-{ONE_LINE_BYTES}.txt"));
    if let Ok(meta) = std::fs::metadata(&path) {
        return Ok((path, meta.len()));
    }
    let mut unit = String::new();
    let mut names: Vec<_> = std::fs::read_dir(seeds)
        .with_context(|| format!("cannot read {}", seeds.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    for p in names {
        unit.extend(std::fs::read_to_string(&p)?.chars().filter(|&c| c != '\n' && c != '\r'));
    }
    if unit.is_empty() {
        bail!("no seed text in {}", seeds.display());
    }
    let mut text = unit.repeat(ONE_LINE_BYTES / unit.len() + 1);
    let mut cut = ONE_LINE_BYTES;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    text.truncate(cut);
    std::fs::create_dir_all(cache)?;
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, text.as_bytes())?;
    std::fs::rename(&tmp, &path)?;
    Ok((path, cut as u64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_deterministic_and_sized() {
        let pages = vec![vec!["甲乙丙".to_string(), "丁戊".to_string(), "abc def".to_string()]];
        let a = page(&pages, 1, 7, 200);
        assert_eq!(a, page(&pages, 1, 7, 200));
        assert_ne!(a, page(&pages, 1, 8, 200));
        assert!(a.len() >= 100 && a.len() < 300 + 20, "{}", a.len());
        assert!(a.split("\n\n").filter(|p| !p.is_empty()).all(|p| pages[0].iter().any(|q| q == p)));
    }

    #[test]
    fn english_corpus_is_skipped_without_the_data() {
        let tmp = std::env::temp_dir().join(format!("newsclean-no-en-{}", std::process::id()));
        assert!(build_english(&tmp.join("absent"), &tmp, 1, 10).unwrap().is_none());
    }

    #[test]
    fn english_corpus_pages_are_whole_articles() {
        let tmp = std::env::temp_dir().join(format!("newsclean-en-{}", std::process::id()));
        let data = tmp.join("data");
        std::fs::create_dir_all(data.join("articles")).unwrap();
        std::fs::write(data.join("articles/000.raw.txt"), "LAND SALE.\nThe sale of Crown\nLnnd was held.\n")
            .unwrap();
        std::fs::write(data.join("articles/001.raw.txt"), "The ship sails\nto-day.\n").unwrap();
        let c = build_english(&data, &tmp.join("cache"), 1, 12).unwrap().unwrap();
        assert_eq!((c.files, c.articles), (12, 2));
        let text = std::fs::read_to_string(c.files_dir.join("page-000003.txt")).unwrap();
        assert!(
            text.split("\n\n")
                .filter(|a| !a.is_empty())
                .all(|a| a.starts_with("LAND") || a.starts_with("The ship"))
        );
        let again = build_english(&data, &tmp.join("cache"), 1, 12).unwrap().unwrap();
        assert_eq!(again.bytes, c.bytes);
        std::fs::remove_dir_all(&tmp).unwrap();
    }

    #[test]
    fn splitmix_below_stays_below() {
        let mut r = SplitMix::new(3);
        assert!((0..1000).all(|_| r.below(7) < 7));
    }
}
