//! The English word-frequency list (wordfreq data, vendored in `data/en-words.txt`): Zipf
//! frequencies by word, and how much frequency mass lies in the words that start or end with a
//! given string. Built once per process on first use and shared by all threads, from the
//! sorted form that `build.rs` writes at build time (parsing and sorting the text at run time
//! took about 630 million instructions a process; reading the prebuilt form takes a few
//! million).

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

/// The vendored list's words sorted (byte order), one a line (`build.rs`).
const SORTED_WORDS: &str = include_str!(concat!(env!("OUT_DIR"), "/en-words-sorted.txt"));
/// The `=NN` group (Zipf frequency times ten) of each sorted word (`build.rs`).
const SORTED_GROUPS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/en-zipf.bin"));
/// The sorted words' indices (u32, little-endian) in the order of the words spelt backwards
/// (`build.rs`).
const REVERSED_ORDER: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/en-rorder.bin"));

/// The English lexicon, built on first use.
pub static ENGLISH: LazyLock<Lexicon> = LazyLock::new(Lexicon::prebuilt);

/// A word-frequency lexicon of lowercase words.
#[derive(Debug, Default, PartialEq)]
pub struct Lexicon {
    /// The words sorted, and their Zipf frequencies (log10 of occurrences per billion words).
    words: Vec<&'static str>,
    zipf: Vec<f32>,
    /// The running sum of the words' frequencies (`cum[i]` = sum over `words[..i]`).
    cum: Vec<f64>,
    /// The words' indices in the order of the words spelt backwards (for suffix mass), and the
    /// running sum of their frequencies in that order.
    rorder: Vec<u32>,
    rcum: Vec<f64>,
    /// Common words (Zipf >= [`NEAR_MIN_ZIPF`], at least [`NEAR_MIN_LEN`] letters) by their
    /// first three letters, each bucket sorted, for [`Lexicon::nearest`].
    near: HashMap<[u8; 3], Vec<(&'static str, f32)>>,
}

/// The least Zipf frequency of a word that [`Lexicon::nearest`] offers.
pub const NEAR_MIN_ZIPF: f32 = 2.5;
/// The least length of a word that [`Lexicon::nearest`] offers.
pub const NEAR_MIN_LEN: usize = 5;

/// A Zipf value as a plain frequency (share of all word tokens).
pub fn zipf_to_freq(z: f32) -> f64 {
    if z <= 0.0 { 0.0 } else { 10f64.powf(f64::from(z) - 9.0) }
}

/// The Zipf frequency of a group header `=NN`.
fn group_zipf(n: u16) -> f32 {
    f32::from(n) / 10.0
}

impl Lexicon {
    /// Parse the `=NN` / word-per-line format; lines starting with `#` are comments; a word
    /// listed twice keeps its last group.
    pub fn parse(text: &'static str) -> Self {
        let mut zipf: HashMap<&'static str, f32> = HashMap::default();
        let mut current = 0f32;
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(n) = line.strip_prefix('=') {
                current = n.parse::<u16>().map(group_zipf).unwrap_or(0.0);
                continue;
            }
            zipf.insert(line, current);
        }
        let mut entries: Vec<(&'static str, f32)> = zipf.into_iter().collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let mut rorder: Vec<(String, u32)> =
            entries.iter().enumerate().map(|(i, (w, _))| (w.chars().rev().collect(), i as u32)).collect();
        rorder.sort_unstable();
        let (words, zipf) = entries.into_iter().unzip();
        Self::from_sorted(words, zipf, rorder.into_iter().map(|(_, i)| i).collect())
    }

    /// The vendored list, from the sorted form `build.rs` wrote.
    fn prebuilt() -> Self {
        let words: Vec<&'static str> = SORTED_WORDS.split('\n').collect();
        assert_eq!(words.len(), SORTED_GROUPS.len(), "the prebuilt word list and its groups disagree");
        let zipf = SORTED_GROUPS.iter().map(|&n| group_zipf(u16::from(n))).collect();
        let rorder =
            REVERSED_ORDER.chunks_exact(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect();
        Self::from_sorted(words, zipf, rorder)
    }

    /// The lexicon of `words` (sorted, distinct) with their Zipf frequencies and the order of
    /// the words spelt backwards.
    fn from_sorted(words: Vec<&'static str>, zipf: Vec<f32>, rorder: Vec<u32>) -> Self {
        // Few distinct frequencies (one per group): each worked out once.
        let mut freqs: HashMap<u32, f64> = HashMap::default();
        let freq: Vec<f64> =
            zipf.iter().map(|&z| *freqs.entry(z.to_bits()).or_insert_with(|| zipf_to_freq(z))).collect();
        let cum = running_sum(freq.iter().copied());
        let rcum = running_sum(rorder.iter().map(|&i| freq[i as usize]));
        let mut near: HashMap<[u8; 3], Vec<(&'static str, f32)>> = HashMap::default();
        // In sorted order, so every bucket is sorted.
        for (w, &z) in words.iter().zip(&zipf) {
            if z >= NEAR_MIN_ZIPF && w.len() >= NEAR_MIN_LEN && w.is_ascii() {
                let b = w.as_bytes();
                near.entry([b[0], b[1], b[2]]).or_default().push((w, z));
            }
        }
        Lexicon { words, zipf, cum, rorder, rcum, near }
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when the lexicon has no words.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The Zipf frequency of a lowercase word, 0 when unknown.
    pub fn zipf(&self, word: &str) -> f32 {
        self.words.binary_search_by(|w| (*w).cmp(word)).map_or(0.0, |i| self.zipf[i])
    }

    /// The frequency of a lowercase word as a share of all tokens, 0 when unknown.
    pub fn freq(&self, word: &str) -> f64 {
        zipf_to_freq(self.zipf(word))
    }

    /// Frequency mass of the words that start with `prefix` and are longer than it.
    pub fn prefix_mass(&self, prefix: &str) -> f64 {
        if prefix.is_empty() {
            return -self.freq(prefix);
        }
        let lo = self.words.partition_point(|w| *w < prefix);
        let hi = lo + self.words[lo..].partition_point(|w| w.starts_with(prefix));
        (self.cum[hi] - self.cum[lo]).max(0.0) - self.freq(prefix)
    }

    /// Frequency mass of the words that end with `suffix` and are longer than it.
    pub fn suffix_mass(&self, suffix: &str) -> f64 {
        if suffix.is_empty() {
            return -self.freq(suffix);
        }
        // The words spelt backwards, compared as the reversed strings were: character by
        // character, which is the byte order of UTF-8.
        let word = |i: &u32| self.words[*i as usize];
        let lo = self.rorder.partition_point(|i| word(i).chars().rev().lt(suffix.chars().rev()));
        let hi = lo + self.rorder[lo..].partition_point(|i| word(i).ends_with(suffix));
        (self.rcum[hi] - self.rcum[lo]).max(0.0) - self.freq(suffix)
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
        for &(w, z) in bucket {
            if w.len().abs_diff(b.len()) > max_dist {
                continue;
            }
            if let Some(d) = levenshtein_within(w.as_bytes(), b, max_dist) {
                let score = z - per_edit * d as f32;
                if best.is_none_or(|(_, bz, bd)| score > bz - per_edit * bd as f32) {
                    best = Some((w, z, d));
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

/// `[0, a, a + b, …]`: the running sum of `values`, added in their order.
fn running_sum(values: impl Iterator<Item = f64>) -> Vec<f64> {
    let mut cum = Vec::with_capacity(values.size_hint().0 + 1);
    let mut total = 0.0;
    cum.push(total);
    for f in values {
        total += f;
        cum.push(total);
    }
    cum
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

    /// The lexicon read from `build.rs`'s prebuilt form is the one parsed from the text.
    #[test]
    fn prebuilt_list_is_the_parsed_list() {
        let parsed = Lexicon::parse(include_str!("../data/en-words.txt"));
        assert_eq!(parsed.len(), ENGLISH.len());
        assert!(parsed == *ENGLISH, "the prebuilt word list differs from the parsed one");
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
