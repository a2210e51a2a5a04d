//! Gold-page metrics, a Rust port of `gold/score.py` (the reference): exact matches by tag,
//! near matches of paragraphs, furniture removed, content kept, junk added, character error
//! rate. Pure functions over strings, so the eval command and the tests share them.

use std::collections::HashMap;
use std::collections::HashSet;

/// One block of a gold file: its tag (F H B P C X) and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldLine {
    /// The one-letter tag.
    pub tag: char,
    /// The block's text.
    pub text: String,
}

/// A malformed gold file.
#[derive(Debug, thiserror::Error)]
#[error("{path}:{line}: bad gold line: {text:?}")]
pub struct GoldError {
    /// The file, as the caller named it.
    pub path: String,
    /// 1-based line number.
    pub line: usize,
    /// The start of the line.
    pub text: String,
}

/// Python's `str.isspace` for the characters that matter here.
pub fn py_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{1c}'..='\u{1f}')
}

/// Python's `str.strip()`.
pub fn py_strip(s: &str) -> &str {
    s.trim_matches(py_space)
}

/// Python's `str.splitlines()` (without the line ends).
pub fn py_splitlines(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let is_break = matches!(
            c,
            '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{1c}' | '\u{1d}' | '\u{1e}' | '\u{85}' | '\u{2028}' | '\u{2029}'
        );
        if is_break {
            out.push(&s[start..i]);
            let mut end = i + c.len_utf8();
            if c == '\r' {
                if let Some(&(j, '\n')) = it.peek() {
                    it.next();
                    end = j + 1;
                }
            }
            start = end;
        }
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

/// Read a gold file's text the way `score.py` does; `path` names it in errors.
pub fn read_gold(path: &str, text: &str) -> Result<Vec<GoldLine>, GoldError> {
    let mut rows = Vec::new();
    // Python iterates a text file with universal newlines: \r\n and \r end lines too.
    let normalized = text.replace("\r\n", "\n").replace('\r', "\n");
    for (n, line) in normalized.split_inclusive('\n').enumerate() {
        let line = line.trim_end_matches('\n');
        if py_strip(line).is_empty() {
            continue;
        }
        let bad = || GoldError { path: path.to_string(), line: n + 1, text: line.chars().take(60).collect() };
        let Some((tag, rest)) = line.split_once('\t') else { return Err(bad()) };
        let mut chars = tag.chars();
        let (Some(t), None) = (chars.next(), chars.next()) else { return Err(bad()) };
        if !"FHBPCX".contains(t) {
            return Err(bad());
        }
        rows.push(GoldLine { tag: t, text: rest.to_string() });
    }
    Ok(rows)
}

/// The blocks of a cleaner's output: its non-empty lines, stripped.
pub fn read_blocks(text: &str) -> Vec<String> {
    py_splitlines(text).into_iter().map(py_strip).filter(|l| !l.is_empty()).map(str::to_string).collect()
}

fn remove_ws(s: &str) -> String {
    s.chars().filter(|&c| !py_space(c)).collect()
}

/// Levenshtein distance over characters (unit costs).
pub fn levenshtein(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let pre = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[pre..], &b[pre..]);
    let suf = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[..a.len() - suf], &b[..b.len() - suf]);
    let (a, b) = if a.len() < b.len() { (b, a) } else { (a, b) };
    if b.is_empty() {
        return a.len();
    }
    let mut row: Vec<u32> = (0..=b.len() as u32).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diag = row[0];
        row[0] = i as u32 + 1;
        for (j, cb) in b.iter().enumerate() {
            let up = row[j + 1];
            let v = if ca == cb { diag } else { diag.min(up).min(row[j]) + 1 };
            diag = up;
            row[j + 1] = v;
        }
    }
    row[b.len()] as usize
}

/// Length of the longest common subsequence of two char slices.
fn lcs(a: &[char], b: &[char]) -> usize {
    let mut row = vec![0u32; b.len() + 1];
    for ca in a {
        let mut diag = 0;
        for (j, cb) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if ca == cb { diag + 1 } else { up.max(row[j]) };
            diag = up;
        }
    }
    row[b.len()] as usize
}

/// rapidfuzz's `fuzz.ratio`: the normalized Indel similarity times 100.
pub fn ratio(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let total = a.len() + b.len();
    if total == 0 {
        return 100.0;
    }
    let dist = total - 2 * lcs(&a, &b);
    100.0 * (1.0 - dist as f64 / total as f64)
}

/// The raw counts behind the metrics of one page; pages are pooled by adding counts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Counts {
    /// Gold lines per tag H B P C: (found verbatim, total).
    pub exact: [(usize, usize); 4],
    /// Gold P lines matched at ratio >= 97.
    pub near_p: usize,
    /// Gold F lines (non-trivial) no longer present, and their number.
    pub furniture: (usize, usize),
    /// Gold content characters found in the output (multiset intersection).
    pub content_hit: usize,
    /// Gold content characters.
    pub content_total: usize,
    /// Output characters (white space removed).
    pub out_total: usize,
    /// Edit distance output vs gold, when computed.
    pub cer_dist: Option<usize>,
    /// Edit distance raw vs gold, when computed.
    pub raw_dist: Option<usize>,
    /// Length of the gold text (kept blocks joined by newlines), in characters.
    pub gold_len: usize,
}

/// The tags scored for exact matches, in the order of [`Counts::exact`].
pub const TAGS: [char; 4] = ['H', 'B', 'P', 'C'];

/// Score `out_lines` (see [`read_blocks`]) against a gold page. `raw` is the raw page, for
/// `cer_raw` and `gap_closed`; `with_cer` computes the (quadratic) edit distances.
pub fn count(gold: &[GoldLine], out_lines: &[String], raw: Option<&str>, with_cer: bool) -> Counts {
    let kept: Vec<&GoldLine> = gold.iter().filter(|g| "HBPC".contains(g.tag)).collect();
    let out_set: HashSet<&str> = out_lines.iter().map(String::as_str).collect();
    let mut c = Counts::default();
    for g in &kept {
        let k = TAGS.iter().position(|&t| t == g.tag).expect("kept tag");
        c.exact[k].1 += 1;
        if out_set.contains(g.text.as_str()) {
            c.exact[k].0 += 1;
        }
    }
    for g in kept.iter().filter(|g| g.tag == 'P') {
        if out_set.contains(g.text.as_str()) {
            c.near_p += 1;
            continue;
        }
        let n = g.text.chars().count();
        let best = out_lines
            .iter()
            .filter(|o| {
                // ratio <= 200*min/(n+m): skip lines that cannot reach 97.
                let m = o.chars().count();
                200.0 * n.min(m) as f64 / (n + m).max(1) as f64 >= 97.0
            })
            .map(|o| ratio(&g.text, o))
            .fold(f64::NEG_INFINITY, f64::max);
        if best >= 97.0 {
            c.near_p += 1;
        }
    }
    let out_flat = remove_ws(&out_lines.concat());
    let out_line_flat: HashSet<String> = out_lines.iter().map(|l| remove_ws(l)).collect();
    for g in gold.iter().filter(|g| g.tag == 'F') {
        let s = remove_ws(&g.text);
        if s.is_empty() || s == ">" {
            continue;
        }
        c.furniture.1 += 1;
        let present =
            if s.chars().count() >= 4 { out_flat.contains(&s) } else { out_line_flat.contains(&s) };
        if !present {
            c.furniture.0 += 1;
        }
    }
    let mut gold_chars: HashMap<char, usize> = HashMap::new();
    for g in &kept {
        for ch in g.text.chars().filter(|&ch| !py_space(ch)) {
            *gold_chars.entry(ch).or_default() += 1;
        }
    }
    let mut out_chars: HashMap<char, usize> = HashMap::new();
    for ch in out_flat.chars() {
        *out_chars.entry(ch).or_default() += 1;
    }
    c.content_hit = gold_chars.iter().map(|(ch, n)| (*n).min(*out_chars.get(ch).unwrap_or(&0))).sum();
    c.content_total = gold_chars.values().sum();
    c.out_total = out_chars.values().sum();
    let gold_text = kept.iter().map(|g| g.text.as_str()).collect::<Vec<_>>().join("\n");
    c.gold_len = gold_text.chars().count();
    if with_cer {
        c.cer_dist = Some(levenshtein(&out_lines.join("\n"), &gold_text));
        if let Some(raw) = raw {
            let raw_blocks: Vec<&str> =
                py_splitlines(raw).into_iter().map(py_strip).filter(|l| !l.is_empty()).collect();
            c.raw_dist = Some(levenshtein(&raw_blocks.join("\n"), &gold_text));
        }
    }
    c
}

impl Counts {
    /// Add another page's counts (pooling pages for the overall row).
    pub fn add(&mut self, o: &Counts) {
        for k in 0..4 {
            self.exact[k].0 += o.exact[k].0;
            self.exact[k].1 += o.exact[k].1;
        }
        self.near_p += o.near_p;
        self.furniture.0 += o.furniture.0;
        self.furniture.1 += o.furniture.1;
        self.content_hit += o.content_hit;
        self.content_total += o.content_total;
        self.out_total += o.out_total;
        self.cer_dist = o.cer_dist.map(|d| d + self.cer_dist.unwrap_or(0));
        self.raw_dist = o.raw_dist.map(|d| d + self.raw_dist.unwrap_or(0));
        self.gold_len += o.gold_len;
    }

    /// The metrics, by the names `score.py` prints, in its order. A metric without data
    /// (no gold line of that tag) is absent, as in `score.py`.
    pub fn metrics(&self) -> Vec<(&'static str, f64)> {
        let mut m = Vec::new();
        let names = ["exact_H", "exact_B", "exact_P", "exact_C"];
        for (k, name) in names.iter().enumerate() {
            if self.exact[k].1 > 0 {
                m.push((*name, self.exact[k].0 as f64 / self.exact[k].1 as f64));
            }
        }
        let (hit, total) = self.exact.iter().fold((0, 0), |a, e| (a.0 + e.0, a.1 + e.1));
        m.push(("exact_all", hit as f64 / total.max(1) as f64));
        if self.exact[2].1 > 0 {
            m.push(("near_P", self.near_p as f64 / self.exact[2].1 as f64));
        }
        if self.furniture.1 > 0 {
            m.push(("furniture", self.furniture.0 as f64 / self.furniture.1 as f64));
        }
        let content = self.content_hit as f64 / self.content_total.max(1) as f64;
        m.push(("content", content));
        m.push(("junk", 1.0 - self.content_hit as f64 / self.out_total.max(1) as f64));
        let glen = self.gold_len.max(1) as f64;
        if let Some(d) = self.cer_dist {
            m.push(("cer", d as f64 / glen));
        }
        if let (Some(d), Some(r)) = (self.cer_dist, self.raw_dist) {
            m.push(("cer_raw", r as f64 / glen));
            m.push(("gap_closed", if r > 0 { 1.0 - d as f64 / r as f64 } else { 0.0 }));
        }
        m
    }

    /// One metric by name.
    pub fn get(&self, name: &str) -> Option<f64> {
        self.metrics().into_iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }
}

/// Fold away what the rules crate normalises, to measure what layout controls: CJK
/// punctuation and its ASCII forms become one form (，and , alike), quotes one form,
/// full-width letters and digits ASCII, and white space between CJK text and ASCII goes
/// (runs of white space become one space).
pub fn fold_rules(s: &str) -> String {
    let mapped: Vec<char> = s
        .chars()
        .map(|c| match c {
            '，' => ',',
            '；' => ';',
            '：' => ':',
            '？' => '?',
            '！' => '!',
            '（' => '(',
            '）' => ')',
            '“' | '”' => '"',
            '‘' | '’' => '\'',
            '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            _ => c,
        })
        .collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in mapped.iter().enumerate() {
        if py_space(c) && c != '\n' {
            let prev = out.chars().next_back();
            let next = mapped[i + 1..].iter().find(|c| !py_space(**c)).copied();
            // Spaces between CJK and ASCII are the rules' business; between two ASCII words
            // or two CJK characters they are layout's, and stay for the comparison.
            let ascii = |c: Option<char>| c.is_some_and(|c| c.is_ascii());
            let both_words = prev.is_some_and(|p| p.is_ascii_alphanumeric()) && next.is_some_and(|n| n.is_ascii_alphanumeric());
            let keep = both_words || !ascii(prev) && !ascii(next) && prev.is_some() && next.is_some();
            if keep && prev != Some(' ') {
                out.push(' ');
            }
            continue;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distances() {
        assert_eq!(levenshtein("kitten", "sitting"), 3);
        assert_eq!(levenshtein("党建强", "党建"), 1);
        assert_eq!(levenshtein("", "abc"), 3);
        // rapidfuzz: fuzz.ratio("this is a test", "this is a test!") == 96.55…
        assert!((ratio("this is a test", "this is a test!") - 96.551_724_137_931).abs() < 1e-9);
        assert_eq!(ratio("abc", "abc"), 100.0);
    }

    #[test]
    fn folding() {
        assert_eq!(fold_rules("本报讯 7月29日上午,我市"), fold_rules("本报讯7月29日上午，我市"));
        assert_eq!(fold_rules("in  2023 年"), "in 2023年");
        assert_eq!(fold_rules("市委常委会 会议"), "市委常委会 会议", "CJK spacing is layout's to fix");
        assert_eq!(fold_rules("\"党建红\"助推"), fold_rules("“党建红”助推"));
    }

    #[test]
    fn gold_lines() {
        let g = read_gold("g", "F\t平湖版\n\nP\t正文。\n").unwrap();
        assert_eq!(g.len(), 2);
        assert_eq!(g[1], GoldLine { tag: 'P', text: "正文。".into() });
        assert!(read_gold("g", "Q\tx\n").is_err());
        assert!(read_gold("g", "P x\n").is_err());
        assert!(read_gold("g", "PP\tx\n").is_err());
    }

    #[test]
    fn scores_a_small_page() {
        let gold = read_gold("g", "F\t平湖版\nH\t标题\nP\t第一段正文。\nP\t第二段。\n").unwrap();
        let out = read_blocks("标题\n第一段正文。\n第二段\n");
        let c = count(&gold, &out, Some("平湖版\n标题\n第一段\n正文。\n第二段。\n"), true);
        assert_eq!(c.get("exact_all"), Some(2.0 / 3.0));
        assert_eq!(c.get("furniture"), Some(1.0));
        assert_eq!(c.get("content"), Some(11.0 / 12.0));
        assert_eq!(c.get("junk"), Some(0.0));
        assert_eq!(c.get("cer"), Some(1.0 / 14.0));
    }
}
