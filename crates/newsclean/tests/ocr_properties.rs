//! Idempotence and the lossless log on text shaped like OCR output: the dash read as 一一,
//! bars and strokes from pictures, lone characters between blank lines, credits with a
//! misread mark and photo credits after a caption's sentence (the OCR repairs of issue 11).

use newsclean::{Cleaner, DEFAULT_PROFILE};
use proptest::prelude::*;

fn ocr_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[党建强则根基稳新闻发展海南一二三王]{1,10}",
        "[，。“”（）：]",
        Just("一一".to_string()),
        Just("一-".to_string()),
        Just("|".to_string()),
        Just("-".to_string()),
        Just("海".to_string()),
        Just("\n国记者 王强\n".to_string()),
        Just("\n本报记者 孙华 摄\n".to_string()),
        Just("业务。\u{3000}新华社记者 胡侃 摄\n".to_string()),
        Just(" ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        "[0-9]{1,3}",
    ];
    proptest::collection::vec(piece, 0..50)
        .prop_map(|v| v.concat())
        // Text printed twice in a row is the doubled-text pass's business, which has second
        // cleans of its own on generated text (`本报讯 本报讯`); this test is about the OCR
        // repairs.
        .prop_filter("no doubled run", |t| !has_doubled_run(t))
}

/// True when, white space aside, some run of two to forty characters is followed by itself.
fn has_doubled_run(t: &str) -> bool {
    let c: Vec<char> = t.chars().filter(|c| !c.is_whitespace()).collect();
    (2..=40).any(|l| (0..c.len().saturating_sub(2 * l - 1)).any(|i| c[i..i + l] == c[i + l..i + 2 * l]))
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x6f63_7221),
        ..ProptestConfig::default()
    })]

    #[test]
    fn ocr_shaped_text_is_idempotent_and_lossless(text in ocr_text()) {
        let c = Cleaner::new(DEFAULT_PROFILE).expect("the default profile loads");
        let once = c.clean(text.as_bytes()).unwrap();
        prop_assert_eq!(once.page.log().undo(&once.text), &*once.input);
        let twice = c.clean(once.text.as_bytes()).unwrap();
        prop_assert_eq!(twice.text, once.text);
    }
}
