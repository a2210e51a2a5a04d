//! The English word-frequency list (wordfreq data, vendored in `data/en-words.txt`): Zipf
//! frequencies by word, and how much frequency mass lies in the words that start or end with a
//! given string. Parsed once per process on first use and shared by all threads.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

/// The vendored list: `=NN` group headers (Zipf frequency times ten), one word a line.
const EN_WORDS: &str = include_str!("../data/en-words.txt");

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
    /// Common words (Zipf >= [`NEAR_MIN_ZIPF`], at least [`NEAR_MIN_LEN`] letters) by their
    /// first three letters, for [`Lexicon::nearest`].
    near: HashMap<[u8; 3], Vec<(Box<str>, f32)>>,
}

/// The least Zipf frequency of a word that [`Lexicon::nearest`] offers.
pub const NEAR_MIN_ZIPF: f32 = 2.5;
/// The least length of a word that [`Lexicon::nearest`] offers.
pub const NEAR_MIN_LEN: usize = 5;

/// A Zipf value as a plain frequency (share of all word tokens).
pub fn zipf_to_freq(z: f32) -> f64 {
    if z <= 0.0 { 0.0 } else { 10f64.powf(f64::from(z) - 9.0) }
}

impl Lexicon {
    /// Parse the `=NN` / word-per-line format; lines starting with `#` are comments.
    pub fn parse(text: &str) -> Self {
        let mut zipf = HashMap::with_capacity_and_hasher(160_000, Default::default());
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
        let mut entries: Vec<(&str, f64)> = zipf.iter().map(|(w, &z)| (&**w, zipf_to_freq(z))).collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let (words, cum) = running_sum(&entries);
        let mut rentries: Vec<(String, f64)> =
            entries.iter().map(|(w, f)| (w.chars().rev().collect(), *f)).collect();
        rentries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let rrefs: Vec<(&str, f64)> = rentries.iter().map(|(w, f)| (w.as_str(), *f)).collect();
        let (rwords, rcum) = running_sum(&rrefs);
        let mut near: HashMap<[u8; 3], Vec<(Box<str>, f32)>> = HashMap::default();
        for (w, &z) in &zipf {
            if z >= NEAR_MIN_ZIPF && w.len() >= NEAR_MIN_LEN && w.is_ascii() {
                let b = w.as_bytes();
                near.entry([b[0], b[1], b[2]]).or_default().push((w.clone(), z));
            }
        }
        for v in near.values_mut() {
            v.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        }
        Lexicon { zipf, words, cum, rwords, rcum, near }
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

impl Lexicon {
    /// The common word nearest to `s` (lowercase ASCII) within `max_dist` edits (Levenshtein),
    /// sharing its first three letters: `(word, Zipf, distance)`, the best by Zipf minus
    /// `per_edit` per edit. For evidence only: the text is never changed to it.
    pub fn nearest(&self, s: &str, max_dist: usize, per_edit: f32) -> Option<(&str, f32, usize)> {
        let b = s.as_bytes();
        if b.len() < NEAR_MIN_LEN || !s.is_ascii() {
            return None;
        }
        let bucket = self.near.get(&[b[0], b[1], b[2]])?;
        let mut best: Option<(&str, f32, usize)> = None;
        for (w, z) in bucket {
            if w.len().abs_diff(b.len()) > max_dist {
                continue;
            }
            if let Some(d) = levenshtein_within(w.as_bytes(), b, max_dist) {
                let score = z - per_edit * d as f32;
                if best.is_none_or(|(_, bz, bd)| score > bz - per_edit * bd as f32) {
                    best = Some((w, *z, d));
                }
            }
        }
        best
    }
}

/// The edit distance between `a` and `b` when it is at most `max`.
///
/// Only the band of cells within `max` of the diagonal can hold a distance of `max` or less,
/// so only it is computed, in two rows on the stack (words are short; longer input takes
/// the heap): the lookups of [`Lexicon::nearest`] are the Latin pass's costliest loop.
pub fn levenshtein_within(a: &[u8], b: &[u8], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    const STACK: usize = 64;
    let n = b.len();
    let (mut s1, mut s2) = ([0usize; STACK], [0usize; STACK]);
    let (mut h1, mut h2) = (Vec::new(), Vec::new());
    let (mut prev, mut cur): (&mut [usize], &mut [usize]) = if n < STACK {
        (&mut s1[..=n], &mut s2[..=n])
    } else {
        h1.resize(n + 1, 0);
        h2.resize(n + 1, 0);
        (&mut h1[..], &mut h2[..])
    };
    // Cells outside the band count as "too far".
    let far = max + 1;
    for (j, cell) in prev.iter_mut().enumerate() {
        *cell = if j <= max { j } else { far };
    }
    for (i, &ca) in a.iter().enumerate() {
        let i = i + 1;
        let lo = i.saturating_sub(max).max(1);
        let hi = (i + max).min(n);
        cur[lo - 1] = if lo == 1 { i.min(far) } else { far };
        let mut row_min = cur[lo - 1];
        for j in lo..=hi {
            let sub = prev[j - 1] + usize::from(ca != b[j - 1]);
            let v = sub.min(prev[j] + 1).min(cur[j - 1] + 1).min(far);
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if hi < n {
            cur[hi + 1] = far;
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[n];
    (d <= max).then_some(d)
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
    fn nearest_common_word() {
        let lx = Lexicon::parse("=50\npassengers\npassage\n=20\npasseneer\n");
        let (w, z, d) = lx.nearest("passeneers", 2, 1.5).unwrap();
        assert_eq!((w, z, d), ("passengers", 5.0, 1));
        assert!(lx.nearest("xyzzyq", 2, 1.5).is_none());
        assert!(lx.nearest("pas", 2, 1.5).is_none());
        assert_eq!(levenshtein_within(b"kitten", b"sitting", 3), Some(3));
        assert_eq!(levenshtein_within(b"kitten", b"sitting", 2), None);
        assert_eq!(levenshtein_within(b"", b"ab", 2), Some(2));
        assert_eq!(levenshtein_within(b"ab", b"", 1), None);
        let long = vec![b'a'; 100];
        let mut other = long.clone();
        other[50] = b'b';
        assert_eq!(levenshtein_within(&long, &other, 1), Some(1));
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

    /// The plain full-table edit distance, the reference for the banded one.
    fn full_distance(a: &[u8], b: &[u8]) -> usize {
        let mut prev: Vec<usize> = (0..=b.len()).collect();
        for (i, &ca) in a.iter().enumerate() {
            let mut cur = vec![i + 1; b.len() + 1];
            for (j, &cb) in b.iter().enumerate() {
                cur[j + 1] = (prev[j] + usize::from(ca != cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
            }
            prev = cur;
        }
        prev[b.len()]
    }

    proptest::proptest! {
        #[test]
        fn banded_distance_is_the_full_distance_within_max(
            a in "[abc]{0,12}", b in "[abc]{0,12}", max in 0usize..4,
        ) {
            let d = full_distance(a.as_bytes(), b.as_bytes());
            let want = (d <= max).then_some(d);
            proptest::prop_assert_eq!(levenshtein_within(a.as_bytes(), b.as_bytes(), max), want);
        }
    }
}
