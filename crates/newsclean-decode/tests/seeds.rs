//! The seed pages through every encoding, mojibake fixtures made from them, bad inputs, a
//! huge line, and properties of `decode` on arbitrary input.

use std::path::PathBuf;

use encoding_rs::Encoding;
use newsclean_decode::{DecodeError, DecodeOptions, Decoded, DetectedBy, decode};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

fn seeds() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    out.sort();
    assert_eq!(out.len(), 5, "the five seed pages");
    out
}

fn dec(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    decode(bytes, &DecodeOptions::default())
}

fn utf16(text: &str, le: bool, bom: bool) -> Vec<u8> {
    // encoding_rs decodes UTF-16 but has no UTF-16 encoder (its `encode` gives UTF-8 for
    // them, per WHATWG), so the units come from the standard library.
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(if le { &[0xFF, 0xFE] } else { &[0xFE, 0xFF] });
    }
    out.extend(text.encode_utf16().flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() }));
    out
}

fn encode(enc: &'static Encoding, text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = enc.encode(text);
    assert!(!unmappable, "{} cannot encode the text", enc.name());
    bytes.into_owned()
}

#[test]
fn utf8_seeds_decode_unchanged() {
    for (name, text) in seeds() {
        let d = dec(text.as_bytes()).unwrap();
        assert_eq!(d.report.detected_by, DetectedBy::ValidUtf8, "{name}");
        assert!(d.report.mojibake.is_none(), "{name}: ordinary Chinese is not mojibake");
        let expected: String = text.replace("\r\n", "\n").nfc().collect();
        assert_eq!(d.text, expected, "{name}");
    }
}

#[test]
fn every_encoding_of_a_seed_decodes_to_the_same_text() {
    for (name, text) in seeds() {
        let original = dec(text.as_bytes()).unwrap().text;
        let mut with_bom = vec![0xEF, 0xBB, 0xBF];
        with_bom.extend_from_slice(text.as_bytes());
        let cases: Vec<(&str, Vec<u8>, DetectedBy)> = vec![
            ("GB18030", encode(encoding_rs::GB18030, &text), DetectedBy::Detector),
            ("UTF-8 with BOM", with_bom, DetectedBy::Bom),
            ("UTF-16LE with BOM", utf16(&text, true, true), DetectedBy::Bom),
            ("UTF-16BE with BOM", utf16(&text, false, true), DetectedBy::Bom),
            ("UTF-16LE without BOM", utf16(&text, true, false), DetectedBy::Utf16Pattern),
            ("UTF-16BE without BOM", utf16(&text, false, false), DetectedBy::Utf16Pattern),
        ];
        for (what, bytes, by) in cases {
            let d = dec(&bytes).unwrap_or_else(|e| panic!("{name} as {what}: {e}"));
            assert_eq!(d.report.detected_by, by, "{name} as {what}: {}", d.report.evidence);
            assert!(d.text == original, "{name} as {what} decodes differently");
            assert!(d.report.mojibake.is_none(), "{name} as {what}");
            assert_eq!(d.report.malformed, 0, "{name} as {what}");
        }
    }
}

#[test]
fn seeds_in_other_legacy_encodings_are_detected() {
    // Big5 cannot encode all simplified characters: use the lines it can.
    for (name, text) in seeds() {
        let lines: String =
            text.lines().filter(|l| !encoding_rs::BIG5.encode(l).2).map(|l| format!("{l}\n")).collect();
        let d = dec(&encode(encoding_rs::BIG5, &lines)).unwrap();
        assert_eq!(d.report.encoding, "Big5", "{name}: {}", d.report.evidence);
        assert_eq!(d.text, dec(lines.as_bytes()).unwrap().text, "{name}");
    }
}

/// UTF-8 bytes of `text` wrongly read as `enc`: what a mojibake file holds.
fn garble(text: &str, enc: &'static Encoding) -> String {
    enc.decode_without_bom_handling(text.as_bytes()).0.into_owned()
}

#[test]
fn gbk_mojibake_of_seed_paragraphs_is_repaired_exactly() {
    for (name, text) in seeds() {
        // The paragraphs that GBK reading did not damage (an even number of UTF-8 bytes per
        // run, no 0x80 read as €): those can be repaired exactly.
        let clean: Vec<&str> = text
            .lines()
            .filter(|l| !l.is_ascii() && !garble(l, encoding_rs::GBK).contains('\u{FFFD}'))
            .collect();
        assert!(clean.len() >= 3, "{name}: too few undamaged paragraphs");
        let fixture = clean.join("\n");
        let garbled = garble(&fixture, encoding_rs::GBK);
        assert_ne!(garbled, fixture);
        let d = dec(garbled.as_bytes()).unwrap();
        assert!(d.text == fixture, "{name}: {:?}", d.report.mojibake);
        let m = d.report.mojibake.unwrap();
        assert_eq!((m.wrong_encoding.as_str(), m.runs_left), ("GB18030", 0), "{name}");
        assert!(m.score_after > m.score_before, "{name}");
        // Decoding the repaired text again changes nothing.
        assert_eq!(dec(d.text.as_bytes()).unwrap().text, d.text, "{name}");
    }
}

#[test]
fn gbk_mojibake_of_whole_seeds_repairs_the_exact_runs_only() {
    for (name, text) in seeds() {
        let garbled = garble(&text, encoding_rs::GBK);
        let d = dec(garbled.as_bytes()).unwrap();
        let m = d.report.mojibake.expect(&name);
        assert!(m.runs_repaired > 0 && m.runs_left > 0, "{name}: {m:?}");
        for ex in &m.examples {
            assert!(text.contains(&ex.after), "{name}: {:?} is not in the original", ex.after);
        }
        // Every line is either restored or left exactly as garbled.
        for (got, (orig, bad)) in d.text.lines().zip(text.lines().zip(garbled.lines())) {
            assert!(got == orig || got == bad || got.contains('\u{FFFD}'), "{name}: {got}");
        }
    }
}

#[test]
fn windows_1252_and_latin1_mojibake_of_seeds_is_repaired_exactly() {
    for (name, text) in seeds() {
        let original = dec(text.as_bytes()).unwrap().text;
        let d = dec(garble(&text, encoding_rs::WINDOWS_1252).as_bytes()).unwrap();
        assert!(d.text == original, "{name}: {:?}", d.report.mojibake);
        assert_eq!(d.report.mojibake.unwrap().wrong_encoding, "windows-1252");
        let latin1: String = text.bytes().map(char::from).collect();
        let d = dec(latin1.as_bytes()).unwrap();
        assert!(d.text == original, "{name}: {:?}", d.report.mojibake);
        assert_eq!(d.report.mojibake.unwrap().wrong_encoding, "ISO-8859-1");
    }
}

#[test]
fn mojibake_repair_can_be_switched_off() {
    let (_, text) = &seeds()[0];
    let garbled = garble(text, encoding_rs::WINDOWS_1252);
    let opts = DecodeOptions { repair_mojibake: false, ..DecodeOptions::default() };
    let d = decode(garbled.as_bytes(), &opts).unwrap();
    assert!(d.report.mojibake.is_none());
    assert_ne!(d.text, dec(text.as_bytes()).unwrap().text);
}

#[test]
fn ordinary_text_with_accents_and_rare_characters_is_not_repaired() {
    let (_, seed) = &seeds()[1];
    for text in [
        "Die Bürgermeisterin sagte: „Wir müssen über die Straße reden.“ Größe, Maß.\n".to_string(),
        "L’été dernier, les élèves ont visité l’église de Saint-Étienne à côté.\n".to_string(),
        format!("{seed}\n罕见字：龘、靐、齉、𠀀、鍏、氬。\n"),
    ] {
        let d = dec(text.as_bytes()).unwrap();
        assert!(d.report.mojibake.is_none(), "{text}");
        assert_eq!(d.text, dec(text.as_bytes()).unwrap().text);
        assert!(d.text.contains(text.lines().next().unwrap()));
    }
}

/// A small deterministic generator (xorshift) so the random bytes are the same every run.
fn random_bytes(n: usize, mut seed: u64) -> Vec<u8> {
    (0..n)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect()
}

#[test]
fn binary_inputs_are_refused() {
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06";
    let reason = |r: Result<Decoded, DecodeError>| match r {
        Err(DecodeError::Binary { reason }) => reason,
        other => panic!("not refused: {other:?}"),
    };
    assert!(reason(dec(png)).contains("PNG"));
    assert!(reason(dec(&random_bytes(65536, 42))).contains("NUL"));
    let no_nul: Vec<u8> = random_bytes(65536, 7).into_iter().filter(|&b| b != 0).collect();
    assert!(reason(dec(&no_nul)).contains("control"), "random bytes without NUL");
    let (_, seed) = &seeds()[2];
    let mut nul_laden = seed.as_bytes().to_vec();
    for i in (0..nul_laden.len()).step_by(97) {
        nul_laden[i] = 0;
    }
    assert!(reason(dec(&nul_laden)).contains("NUL"));
    assert!(reason(dec(b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n")).contains("pdftotext"));
    let high: Vec<u8> = random_bytes(65536, 99).into_iter().map(|b| b | 0x80).collect();
    assert!(reason(dec(&high)).contains("unlikely as text"), "random bytes 0x80..0xFF");
}

#[test]
fn empty_and_whitespace_only_inputs_are_not_errors() {
    for (input, text) in [(&b""[..], ""), (b" ", " "), (b"\r\n\r\n", "\n\n"), (b"\t \n", "\t \n")] {
        assert_eq!(dec(input).unwrap().text, text);
    }
}

#[test]
fn damaged_utf8_in_the_middle_of_a_seed_stays_utf8() {
    let (_, seed) = &seeds()[3];
    let mut bytes = seed.as_bytes().to_vec();
    let middle = bytes.len() / 2;
    let at = (middle..).find(|&i| bytes[i] >= 0xE0).unwrap();
    bytes[at + 1] = b'?'; // cut a character in two
    bytes.insert(at + 400, 0xFF);
    let d = dec(&bytes).unwrap();
    assert_eq!(d.report.detected_by, DetectedBy::DamagedUtf8);
    assert!(d.report.malformed_offsets.contains(&at), "{:?}", d.report.malformed_offsets);
    // Everything before the damage is intact.
    assert!(d.text.starts_with(&seed[..at]));
}

#[test]
fn mixed_line_endings_become_lf() {
    let (_, seed) = &seeds()[4];
    let lines: Vec<&str> = seed.lines().collect();
    let mut mixed = String::new();
    for (i, line) in lines.iter().enumerate() {
        mixed.push_str(line);
        // A lone CR before an empty line would make CR LF: use it before text only.
        let next_empty = lines.get(i + 1).is_none_or(|l| l.is_empty());
        mixed.push_str(match i % 3 {
            0 => "\n",
            1 => "\r\n",
            _ if next_empty => "\r\n",
            _ => "\r",
        });
    }
    let d = dec(mixed.as_bytes()).unwrap();
    assert!(d.text == seed.lines().map(|l| format!("{l}\n")).collect::<String>());
    assert!(d.report.line_endings.cr > 0 && d.report.line_endings.crlf > 0);
    assert!(d.report.line_endings.mixed());
    assert!(d.report.warnings.iter().any(|w| w.contains("mixed line endings")));
}

#[test]
fn a_huge_single_line_decodes_in_linear_time() {
    // 20 MB without a newline, a zero-width space in every 100th piece; quadratic work
    // (re-scanning, re-copying, an unbounded report) would not finish.
    let unit = "党建强，则根基稳。2024 news ";
    let piece = format!("{}\u{200B}", unit.repeat(99));
    let pieces = 20_000_000 / piece.len();
    let line = piece.repeat(pieces);
    let d = dec(line.as_bytes()).unwrap();
    assert_eq!(d.text.len(), line.len() - 3 * pieces);
    assert!(!d.text.contains('\n'));
    assert_eq!(d.report.removed_count, pieces);
    assert_eq!(d.report.removed.len(), newsclean_decode::normalize::MAX_LISTED);
    assert_eq!(d.report.removed_by_char.len(), 1);
    // The same line as GB18030, through the detector.
    let d = dec(&encode(encoding_rs::GB18030, &line)).unwrap();
    assert_eq!(d.report.detected_by, DetectedBy::Detector);
    assert_eq!(d.report.removed_count, pieces);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn decode_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        if let Ok(d) = dec(&bytes) {
            prop_assert!(!d.text.contains('\r'));
            prop_assert!(d.text.chars().all(|c| c == '\n' || c == '\t' || !c.is_control()));
            // Decoding the output again changes nothing.
            prop_assert_eq!(dec(d.text.as_bytes()).unwrap().text, d.text.clone());
            prop_assert_eq!(replay(&d), d.text);
        }
    }

    /// Issue 21 item 5: the decode edits, step by step from the source, give the text; and
    /// text with the characters decoding changes (line breaks, joiners, marks, a BOM) too.
    #[test]
    fn decode_edits_rebuild_the_text(parts in proptest::collection::vec(prop::sample::select(vec![
        "党建", "a", " ", "\r\n", "\r", "\n", "\u{200B}", "\u{200C}", "\u{200D}", "\u{200F}", "\u{7}",
        "👩", "💻", "می", "שלום", "e\u{301}", "\u{FEFF}", "Ã©", "é",
    ]), 0..40)) {
        let text = parts.concat();
        // Too many control characters is binary, refused: nothing to rebuild.
        let Ok(d) = dec(text.as_bytes()) else { return Ok(()) };
        prop_assert_eq!(replay(&d), d.text.clone());
        prop_assert_eq!(dec(d.text.as_bytes()).unwrap().text, d.text);
    }

    #[test]
    fn decode_never_panics_on_near_text(text in "\\PC{0,200}", cut in 0usize..400, byte in any::<u8>()) {
        let mut bytes = text.into_bytes();
        let at = cut.min(bytes.len());
        bytes.insert(at, byte);
        let _ = dec(&bytes);
    }

    #[test]
    fn valid_utf8_without_controls_is_returned_unchanged(text in any::<String>()) {
        let text: String = text
            .chars()
            .filter(|&c| !newsclean_decode::normalize::is_removable(c))
            .filter(|c| !matches!(c, '\r' | '\u{85}' | '\u{2028}' | '\u{2029}'))
            .collect();
        let opts = DecodeOptions { repair_mojibake: false, ..DecodeOptions::default() };
        match decode(text.as_bytes(), &opts) {
            Ok(d) => prop_assert_eq!(d.text, text.nfc().collect::<String>()),
            // A binary signature at the start (%PDF-, GIF89a…) is the only refusal.
            Err(e) => prop_assert!(e.to_string().contains("starts like"), "{}", e),
        }
        // With repair on, any change beyond NFC is reported as a repair.
        if let Ok(d) = dec(text.as_bytes())
            && d.report.mojibake.is_none()
        {
            prop_assert_eq!(d.text, text.nfc().collect::<String>());
        }
    }
}

/// Issue 21 item 1: a GB18030 page cut off mid-character (its last byte lost) is GB18030 with
/// a damaged tail, not windows-1252: the page reads as itself, the lost character is one
/// U+FFFD, and the report says so.
#[test]
fn a_gb18030_page_with_its_last_byte_cut_is_read_as_gb18030() {
    for (name, page) in seeds() {
        let (bytes, _, _) = encoding_rs::GB18030.encode(&page);
        // Cut inside the last two-byte character.
        let last_wide = bytes.iter().rposition(|&b| b >= 0x81).unwrap();
        let cut = &bytes[..last_wide];
        let d = dec(cut).unwrap();
        assert_eq!(d.report.encoding, "gb18030", "{name}: {}", d.report.evidence);
        assert_eq!(d.report.malformed, 1, "{name}");
        assert!(d.report.warnings.iter().any(|w| w.contains("U+FFFD")), "{name}: {:?}", d.report.warnings);
        let head: String = page.chars().take(100).collect::<String>().replace("\r\n", "\n");
        assert!(d.text.starts_with(&head.nfc().collect::<String>()), "{name}");
    }
}

/// Issue 21 item 1: a short mostly-UTF-8 file with a few bad bytes is UTF-8 with damage (not
/// confident), never the whole page read as windows-1252.
#[test]
fn a_short_utf8_line_with_a_few_bad_bytes_stays_utf8_and_is_not_confident() {
    let d = dec(b"\xe5\x85\x9a\xe5\xbb\xba\xe5\xbc\xba,\xe5\x88\x99\xe6\xa0\xb9\xe5\x9f\xba\xe7\xa8\xb3\xff\xfe\x80\xe4\xb8\xad\xe6\x96\x87\xc3(abc\n\xe7\xac\xac\xe4\xba\x8c\xe8\xa1\x8c,\xe6\xb5\x8b\xe8\xaf\x95\n").unwrap();
    assert_eq!(d.report.encoding, "UTF-8", "{}", d.report.evidence);
    assert!(d.text.starts_with("党建强,则根基稳"), "{}", d.text);
    assert!(d.text.contains("中文\u{FFFD}(abc\n第二行,测试"), "{}", d.text);
    assert!(!d.report.confident);
    assert!(d.report.malformed >= 2);
}

/// The other side: a genuine windows-1252 page is still windows-1252 (German text also reads
/// as valid GB18030 pairs, but as rare characters).
#[test]
fn genuine_single_byte_text_is_not_taken_for_a_damaged_multibyte_page() {
    let text = "Größere Änderungen für die Straße: über 30 Bürger kamen, während Müller schwieg.\n".repeat(3);
    let (b, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    let d = dec(&b).unwrap();
    assert_eq!(d.text, text);
    let (b, _, _) = encoding_rs::WINDOWS_1252.encode("Les élèves étaient là, où Noël.\n");
    assert_eq!(dec(&b).unwrap().text, "Les élèves étaient là, où Noël.\n");
}

/// The decode edits applied step by step to the source (the text itself when nothing changed).
fn replay(d: &Decoded) -> String {
    let mut text = d.source.clone().unwrap_or_else(|| d.text.clone());
    for step in &d.edits {
        let mut out = String::new();
        let mut last = 0;
        for e in step {
            assert!(e.range.start >= last, "sorted, not overlapping: {step:?}");
            out.push_str(&text[last..e.range.start]);
            out.push_str(&e.replacement);
            last = e.range.end;
        }
        out.push_str(&text[last..]);
        text = out;
    }
    text
}
