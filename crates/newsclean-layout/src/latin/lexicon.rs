//! The English word-frequency list (wordfreq data, vendored in `data/en-words.txt`): Zipf
//! frequencies by word, and how much frequency mass lies in the words that start or end with a
//! given string. Parsed once per process on first use and shared by all threads.

use std::collections::HashMap;
use std::sync::LazyLock;

/// The vendored list: `=NN` group headers (Zipf frequency times ten), one word a line.
const EN_WORDS: &str = include_str!("../../data/en-words.txt");

/// The English lexicon, parsed on first use.
pub static ENGLISH: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::parse(EN_WORDS));

/// A word-frequency lexicon of lowercase words.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Word -> Zipf frequency (log10 of occurrences per billion words).
    zipf: HashMap<Box<str>, f32>,
    /// Words sorted, with the running sum of their frequencies (`cum[i]` = sum over `words[..i]`).
    words: Vec<Box<str>>,
    cum: Vec<f64>,
    /// The same for the words spelt backwards (for suffix mass).
    rwords: Vec<Box<str>>,
    rcum: Vec<f64>,
}

/// A Zipf value as a plain frequency (share of all word tokens).
pub fn zipf_to_freq(z: f32) -> f64 {
    if z <= 0.0 { 0.0 } else { 10f64.powf(f64::from(z) - 9.0) }
}

impl Lexicon {
    /// Parse the `=NN` / word-per-line format; lines starting with `#` are comments.
    pub fn parse(text: &str) -> Self {
        let mut zipf = HashMap::with_capacity(160_000);
        let mut current = 0f32;
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(n) = line.strip_prefix('=') {
                current = n.parse::<u16>().map(|n| f32::from(n) / 10.0).unwrap_or(0.0);
                continue;
            }
            zipf.insert(Box::from(line), current);
        }
        let mut entries: Vec<(&str, f64)> =
            zipf.iter().map(|(w, &z)| (&**w, zipf_to_freq(z))).collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let (words, cum) = running_sum(&entries);
        let mut rentries: Vec<(String, f64)> =
            entries.iter().map(|(w, f)| (w.chars().rev().collect(), *f)).collect();
        rentries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let rrefs: Vec<(&str, f64)> = rentries.iter().map(|(w, f)| (w.as_str(), *f)).collect();
        let (rwords, rcum) = running_sum(&rrefs);
        Lexicon { zipf, words, cum, rwords, rcum }
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.zipf.len()
    }

    /// True when the lexicon has no words.
    pub fn is_empty(&self) -> bool {
        self.zipf.is_empty()
    }

    /// The Zipf frequency of a lowercase word, 0 when unknown.
    pub fn zipf(&self, word: &str) -> f32 {
        self.zipf.get(word).copied().unwrap_or(0.0)
    }

    /// The frequency of a lowercase word as a share of all tokens, 0 when unknown.
    pub fn freq(&self, word: &str) -> f64 {
        zipf_to_freq(self.zipf(word))
    }

    /// Frequency mass of the words that start with `prefix` and are longer than it.
    pub fn prefix_mass(&self, prefix: &str) -> f64 {
        range_mass(&self.words, &self.cum, prefix) - self.freq(prefix)
    }

    /// Frequency mass of the words that end with `suffix` and are longer than it.
    pub fn suffix_mass(&self, suffix: &str) -> f64 {
        let rev: String = suffix.chars().rev().collect();
        range_mass(&self.rwords, &self.rcum, &rev) - self.freq(suffix)
    }
}

fn running_sum(entries: &[(&str, f64)]) -> (Vec<Box<str>>, Vec<f64>) {
    let mut words = Vec::with_capacity(entries.len());
    let mut cum = Vec::with_capacity(entries.len() + 1);
    let mut total = 0.0;
    cum.push(0.0);
    for (w, f) in entries {
        words.push(Box::from(*w));
        total += f;
        cum.push(total);
    }
    (words, cum)
}

/// Sum of the frequencies of the sorted `words` that start with `prefix` (itself included).
fn range_mass(words: &[Box<str>], cum: &[f64], prefix: &str) -> f64 {
    if prefix.is_empty() {
        return 0.0;
    }
    let lo = words.partition_point(|w| &**w < prefix);
    let hi = lo + words[lo..].partition_point(|w| w.starts_with(prefix));
    (cum[hi] - cum[lo]).max(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_groups_and_masses() {
        let lx = Lexicon::parse("# c\n=60\nthe\n=40\nthen\nthere\n=30\nbathe\n");
        assert_eq!(lx.len(), 4);
        assert_eq!(lx.zipf("the"), 6.0);
        assert_eq!(lx.zipf("then"), 4.0);
        assert_eq!(lx.zipf("nope"), 0.0);
        let pre = lx.prefix_mass("the");
        assert!((pre - 2.0 * zipf_to_freq(4.0)).abs() < 1e-12, "{pre}");
        let suf = lx.suffix_mass("the");
        assert!((suf - zipf_to_freq(3.0)).abs() < 1e-12, "{suf}");
        assert_eq!(lx.prefix_mass("zz"), 0.0);
    }

    #[test]
    fn vendored_list_loads() {
        assert!(ENGLISH.len() > 100_000);
        assert!(ENGLISH.zipf("the") > 7.0);
        assert!(ENGLISH.zipf("disclose") > 3.0);
        // Fragments are rare as words but common as the start or end of words.
        assert!(ENGLISH.prefix_mass("dis") > 10.0 * ENGLISH.freq("dis"));
        assert!(ENGLISH.suffix_mass("tion") > 10.0 * ENGLISH.freq("tion"));
    }
}
