//! Prebuilds the English word list (`data/en-words.txt`) in the form the lexicon reads at run
//! time, so that a process does not parse and sort 160,000 words (and their reversals) on the
//! first English page: that took about 630 million instructions a process.
//!
//! Writes to `OUT_DIR`:
//! - `en-words-sorted.txt`: the words sorted (byte order), one a line;
//! - `en-zipf.bin`: one byte a sorted word, its `=NN` group (Zipf frequency times ten);
//! - `en-rorder.bin`: the sorted words' indices (u32, little-endian) in the order of the
//!   words spelt backwards.
//!
//! The run-time lexicon built from these is compared with `Lexicon::parse` of the text by a
//! test (`lexicon::tests::prebuilt_list_is_the_parsed_list`).

use std::collections::BTreeMap;
use std::path::PathBuf;

fn main() {
    let src = "data/en-words.txt";
    println!("cargo::rerun-if-changed={src}");
    println!("cargo::rerun-if-changed=build.rs");
    let text = std::fs::read_to_string(src).expect("read data/en-words.txt");
    // The same reading as `Lexicon::parse`: `#` comments and blank lines skipped, `=NN`
    // starts a group, a later line of one word replaces an earlier one.
    let mut zipf: BTreeMap<&str, u8> = BTreeMap::new();
    let mut current: u8 = 0;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(n) = line.strip_prefix('=') {
            current = n.parse::<u8>().expect("a group header `=NN` with NN at most 255");
            continue;
        }
        zipf.insert(line, current);
    }
    let words: Vec<&str> = zipf.keys().copied().collect();
    let groups: Vec<u8> = zipf.values().copied().collect();
    let mut rorder: Vec<(String, u32)> =
        words.iter().enumerate().map(|(i, w)| (w.chars().rev().collect(), i as u32)).collect();
    rorder.sort_unstable();
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    std::fs::write(out.join("en-words-sorted.txt"), words.join("\n")).expect("write words");
    std::fs::write(out.join("en-zipf.bin"), groups).expect("write zipf");
    let r: Vec<u8> = rorder.iter().flat_map(|(_, i)| i.to_le_bytes()).collect();
    std::fs::write(out.join("en-rorder.bin"), r).expect("write rorder");
}
