//! Fuzz target: `newsclean::decode::decode` on arbitrary bytes.
//!
//! Beyond "no panic": decoded text holds what the decode crate promises (no CR, no control
//! character but tab and LF), and decoding is idempotent (the decoded text, decoded again as
//! the UTF-8 it now is, comes back unchanged).
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsclean::decode::{DecodeOptions, decode};

fuzz_target!(|bytes: &[u8]| {
    for opts in
        [DecodeOptions::default(), DecodeOptions { repair_mojibake: false, ..DecodeOptions::default() }]
    {
        let Ok(decoded) = decode(bytes, &opts) else { continue };
        let text = &decoded.text;
        if let Some(c) = text.chars().find(|&c| c.is_control() && c != '\t' && c != '\n') {
            panic!("decoded text keeps control character U+{:04X}", c as u32);
        }
        let again = decode(text.as_bytes(), &opts)
            .unwrap_or_else(|e| panic!("decoded text refused when decoded again: {e}"));
        assert!(again.text == *text, "decoding is not idempotent: {text:?} -> {:?}", again.text);
        // The decode edits, step by step from the source, give the text (issue 21 item 5).
        let mut replayed = decoded.source.clone().unwrap_or_else(|| text.clone());
        for step in &decoded.edits {
            let mut out = String::new();
            let mut last = 0;
            for e in step {
                out.push_str(&replayed[last..e.range.start]);
                out.push_str(&e.replacement);
                last = e.range.end;
            }
            out.push_str(&replayed[last..]);
            replayed = out;
        }
        assert!(replayed == *text, "the decode edits do not rebuild the text: {replayed:?} != {text:?}");
    }
});
