//! Bytes to text: BOM, UTF-8, UTF-16, GB18030/GBK, Big5 and the rest of encoding_rs,
//! detection with chardetng, mojibake repair, newline and control-character normalisation,
//! NFC. The [`DecodeReport`] says what was decided and why.
//!
//! # Decisions, in order
//!
//! 1. `DecodeOptions::encoding` given: read the bytes in it (a matching BOM is dropped), no
//!    questions asked: not even the binary checks.
//! 2. A known binary signature (PNG, JPEG, GIF, PDF, ZIP, gzip, …): refused.
//! 3. A byte-order mark: UTF-8, UTF-16LE or UTF-16BE.
//! 4. NUL bytes: UTF-16LE/BE without a BOM when the NULs fall on one side of the 16-bit
//!    units the way ASCII/Latin characters put them there (see `detect`); otherwise refused.
//! 5. Valid UTF-8.
//! 6. UTF-8 with a few damaged bytes: at least 8 well-formed multi-byte sequences per
//!    ill-formed one (and at least 4). Read as UTF-8, each damaged sequence becomes U+FFFD and
//!    is reported with its byte offset; a legacy-encoding guess would garble the whole page.
//! 7. chardetng's guess among the legacy encodings.
//!
//! Then [`mojibake`] repair (can be switched off). Then, unless the encoding was forced, the
//! text is refused as binary when more than 10% of its characters are control characters
//! (other than tab, LF, CR, VT, FF and Ctrl-Z) or undecodable sequences, and a detector
//! guess is refused when it has almost no ASCII and implausible characters (random high
//! bytes read as windows-1252 or GBK). Then
//! [`normalize`]: line breaks to `\n`, control and invisible characters removed, NFC.
//!
//! Every change is also returned as an edit with a rule id ([`Decoded::edits`], the `decode.*`
//! ids of [`RULE_IDS`]) over [`Decoded::source`], the text as read, so the page's edit log can
//! show it and undo it.
//!
//! ```
//! use newsclean_decode::{decode, DecodeOptions, DetectedBy};
//!
//! let (gbk, _, _) = encoding_rs::GBK.encode("党建强，则根基稳\r\n");
//! let d = decode(&gbk, &DecodeOptions::default()).unwrap();
//! assert_eq!(d.text, "党建强，则根基稳\n");
//! assert_eq!(d.report.detected_by, DetectedBy::Detector);
//! assert_eq!(d.report.line_endings.crlf, 1);
//! ```
#![deny(clippy::print_stdout, clippy::print_stderr)]

mod detect;
pub mod mojibake;
pub mod normalize;

use std::collections::BTreeMap;

use encoding_rs::{DecoderResult, Encoding};
use serde::Serialize;

pub use mojibake::{MojibakeRepair, RepairExample};
pub use normalize::{LineEndings, RemovedChar};

/// How many byte offsets of undecodable sequences a report lists (all are counted).
pub const MAX_MALFORMED_LISTED: usize = 32;

/// chardetng sees at most this many bytes from the start: plenty to tell encodings apart,
/// and a 50 MB file is not scored byte by byte.
pub const DETECTOR_SAMPLE: usize = 1 << 20;

/// How the encoding was decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DetectedBy {
    /// Given by the caller (`--encoding`).
    Forced,
    /// A byte-order mark.
    Bom,
    /// The bytes are valid UTF-8.
    ValidUtf8,
    /// The bytes are UTF-8 with a few ill-formed sequences (a damaged page).
    DamagedUtf8,
    /// UTF-16 without a BOM, from where the NUL bytes fall.
    Utf16Pattern,
    /// chardetng's guess.
    Detector,
    /// chardetng guessed a single-byte encoding, but a multi-byte one (UTF-8, GB18030, Big5,
    /// Shift_JIS, EUC-KR) reads all but a few bytes as plausible text: a page of that encoding
    /// with damaged bytes (often a tail cut off mid-character).
    DamagedMultibyte,
}

/// What decoding decided and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DecodeReport {
    /// The encoding the bytes were read as (WHATWG name).
    pub encoding: String,
    /// How it was decided.
    pub detected_by: DetectedBy,
    /// Why, in words: the evidence behind `detected_by`.
    pub evidence: String,
    /// False when the decision is a weak guess (chardetng said so): check the output.
    pub confident: bool,
    /// Byte sequences that could not be decoded and became U+FFFD.
    pub malformed: usize,
    /// Byte offsets in the input of the first [`MAX_MALFORMED_LISTED`] of them.
    pub malformed_offsets: Vec<usize>,
    /// The mojibake repair made, if any.
    pub mojibake: Option<MojibakeRepair>,
    /// Line breaks changed to `\n` (CRLF, CR, NEL, U+2028, U+2029).
    pub newlines_normalized: usize,
    /// The line breaks seen, by kind.
    pub line_endings: LineEndings,
    /// Control and zero-width characters removed, in total.
    pub removed_count: usize,
    /// The first [`normalize::MAX_LISTED`] of them, with their positions in the result.
    pub removed: Vec<RemovedChar>,
    /// Removed characters counted by code point (`"U+200B": 3`).
    pub removed_by_char: BTreeMap<String, usize>,
    /// True when NFC changed the text.
    pub nfc_changed: bool,
    /// Things a user should look at (weak guess, damaged bytes, mixed line endings).
    pub warnings: Vec<String>,
}

impl DecodeReport {
    /// The report for text that was handed over already decoded (a Rust string).
    pub fn not_decoded() -> Self {
        DecodeReport {
            encoding: "UTF-8".into(),
            detected_by: DetectedBy::Forced,
            evidence: "text was given as a string; nothing was decoded".into(),
            confident: true,
            malformed: 0,
            malformed_offsets: Vec::new(),
            mojibake: None,
            newlines_normalized: 0,
            line_endings: LineEndings::default(),
            removed_count: 0,
            removed: Vec::new(),
            removed_by_char: BTreeMap::new(),
            nfc_changed: false,
            warnings: Vec::new(),
        }
    }
}

/// Options for [`decode`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DecodeOptions {
    /// Read the bytes in this encoding, whatever they look like.
    pub encoding: Option<&'static Encoding>,
    /// Repair mojibake (UTF-8 that was read as GBK or Windows-1252 and saved again).
    /// On by default.
    pub repair_mojibake: bool,
}

impl Default for DecodeOptions {
    fn default() -> Self {
        DecodeOptions { encoding: None, repair_mojibake: true }
    }
}

/// One change decoding made to the text as read: replace `range` (bytes of the text before
/// this change's step) by `replacement`, because of `rule`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeEdit {
    /// Byte range in the text before this step.
    pub range: std::ops::Range<usize>,
    /// What replaces it.
    pub replacement: String,
    /// The rule id: `decode.bom`, `decode.mojibake`, `decode.newline`, `decode.control`,
    /// `decode.zero-width`, `decode.bidi` or `decode.nfc`.
    pub rule: &'static str,
}

/// The rule id of a byte-order mark dropped from the start of the text.
pub const RULE_BOM: &str = "decode.bom";
/// The rule id of a repaired run of mojibake.
pub const RULE_MOJIBAKE: &str = "decode.mojibake";
pub use normalize::{RULE_BIDI, RULE_CONTROL, RULE_NEWLINE, RULE_NFC, RULE_ZERO_WIDTH};

/// Every rule id a decode edit can carry.
pub const RULE_IDS: [&str; 7] =
    [RULE_BOM, RULE_MOJIBAKE, RULE_NEWLINE, RULE_CONTROL, RULE_ZERO_WIDTH, RULE_BIDI, RULE_NFC];

/// Decoded text and the report of how it was made.
#[derive(Clone, Debug)]
pub struct Decoded {
    /// The text: LF line ends, no control characters but tab, NFC.
    pub text: String,
    /// What was decided.
    pub report: DecodeReport,
    /// The text as read in the encoding, before any change (a byte-order mark is its first
    /// character), when decoding changed it: `None` when it is `text`.
    pub source: Option<String>,
    /// The changes from `source` to `text`, in steps (each step's ranges are in the text
    /// the step before made): byte-order mark and mojibake, then line breaks and removed
    /// characters, then NFC. Empty steps are left out.
    pub edits: Vec<Vec<DecodeEdit>>,
}

/// Why bytes were refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DecodeError {
    /// The bytes are not text.
    #[error("binary data, not text ({reason}); pass --encoding NAME if it really is text")]
    Binary {
        /// What gave it away.
        reason: String,
    },
    /// `--encoding` named an encoding that does not exist.
    #[error("unknown encoding {0:?}; use a WHATWG label such as utf-8, gb18030, big5, utf-16le")]
    UnknownEncoding(String),
}

/// Look up an encoding by its label (`gbk`, `GB18030`, `utf-16le`, …).
///
/// Labels that the WHATWG standard maps to its "replacement" encoding (ISO-2022-KR,
/// HZ-GB-2312, …), which decodes any input to one U+FFFD, are refused as unknown.
pub fn encoding_for_label(label: &str) -> Result<&'static Encoding, DecodeError> {
    Encoding::for_label(label.trim().as_bytes())
        .filter(|&e| e != encoding_rs::REPLACEMENT)
        .ok_or_else(|| DecodeError::UnknownEncoding(label.to_string()))
}

/// Undecodable sequences met while decoding.
#[derive(Default)]
pub(crate) struct Malformed {
    pub(crate) count: usize,
    offsets: Vec<usize>,
}

impl Malformed {
    fn push(&mut self, at: usize) {
        self.count += 1;
        if self.offsets.len() < MAX_MALFORMED_LISTED {
            self.offsets.push(at);
        }
    }
}

/// The bytes read as text, before repair and normalisation.
struct Read {
    text: String,
    encoding: &'static Encoding,
    detected_by: DetectedBy,
    evidence: String,
    confident: bool,
    malformed: Malformed,
    /// A byte-order mark was read (and is not in `text`).
    bom: bool,
}

/// Decode `bytes` into normalised text.
pub fn decode(bytes: &[u8], opts: &DecodeOptions) -> Result<Decoded, DecodeError> {
    let read = read(bytes, opts)?;
    // The first step: the byte-order mark (as the character U+FEFF it stands for) and the
    // mojibake runs, as edits of the source.
    let bom = read.bom;
    let mut first_step = Vec::new();
    if bom {
        first_step.push(DecodeEdit { range: 0..3, replacement: String::new(), rule: RULE_BOM });
    }
    let (text, mojibake) = match opts.repair_mojibake.then(|| mojibake::repair_runs(&read.text)).flatten() {
        Some((fixes, repair)) => {
            let mut out = String::with_capacity(read.text.len());
            let mut last = 0;
            let shift = if bom { 3 } else { 0 };
            for (range, fixed) in fixes {
                out.push_str(&read.text[last..range.start]);
                out.push_str(&fixed);
                last = range.end;
                first_step.push(DecodeEdit {
                    range: range.start + shift..range.end + shift,
                    replacement: fixed,
                    rule: RULE_MOJIBAKE,
                });
            }
            out.push_str(&read.text[last..]);
            let source = if bom { format!("\u{FEFF}{}", read.text) } else { read.text };
            (out, Some((repair, source)))
        }
        None => (read.text, None),
    };
    let (mojibake, source) = match mojibake {
        Some((repair, source)) => (Some(repair), Some(source)),
        None => (None, bom.then(|| format!("\u{FEFF}{text}"))),
    };
    // After the repair: Latin-1 mojibake is full of C1 controls that the repair turns back
    // into text.
    let binary = (read.detected_by != DetectedBy::Forced)
        .then(|| {
            // A damaged multi-byte page was chosen for reading all but a few bytes as
            // plausible text: its undecodable sequences are damage, not evidence of binary.
            let malformed =
                if read.detected_by == DetectedBy::DamagedMultibyte { 0 } else { read.malformed.count };
            detect::binary_evidence(&text, malformed)
        })
        .flatten()
        .or_else(|| {
            (read.detected_by == DetectedBy::Detector).then(|| detect::garbage_evidence(&text)).flatten()
        });
    if let Some(reason) = binary {
        return Err(DecodeError::Binary { reason: format!("read as {}: {reason}", read.encoding.name()) });
    }
    // The text before normalisation is the source of its edits: kept only when it changes.
    // One scan decides; a text normalisation leaves alone is not scanned again.
    let changes = normalize::changes(&text);
    let pre_norm = (source.is_none() && changes).then(|| text.clone());
    let (text, norm) = if changes { normalize::normalize(text) } else { normalize::unchanged(text) };
    // The clean text must not start like a binary format: decoded again (as the UTF-8 it now
    // is) it would be refused. A BOM, leading control bytes or zero-width characters that
    // came off can leave `%PDF-` or `BZh91AY&SY` in front (found by fuzzing).
    if read.detected_by != DetectedBy::Forced
        && let Some(what) = detect::binary_magic(text.as_bytes())
    {
        return Err(DecodeError::Binary {
            reason: format!(
                "read as {}, it starts like {what} once invisible characters are removed",
                read.encoding.name()
            ),
        });
    }

    let mut warnings = Vec::new();
    if !read.confident {
        warnings.push(format!(
            "the encoding is a weak guess ({}); pass --encoding NAME if the text looks wrong",
            read.encoding.name()
        ));
    }
    if read.malformed.count > 0 {
        warnings.push(format!(
            "{} undecodable byte sequence(s) became U+FFFD, the first at byte {}",
            read.malformed.count, read.malformed.offsets[0]
        ));
    }
    if let Some(m) = &mojibake {
        warnings.push(format!(
            "repaired mojibake: UTF-8 that had been read as {} ({} run(s) repaired, {} left)",
            m.wrong_encoding, m.runs_repaired, m.runs_left
        ));
    }
    if norm.line_endings.mixed() {
        warnings.push("mixed line endings".into());
    }
    let mut edits: Vec<Vec<DecodeEdit>> = Vec::new();
    if !first_step.is_empty() {
        edits.push(first_step);
    }
    let norm_changed = !norm.edits.is_empty() || !norm.nfc_edits.is_empty();
    edits.extend([norm.edits, norm.nfc_edits].into_iter().filter(|step| !step.is_empty()));
    // The source is needed only when something changed; before normalisation it is the
    // repaired text (when no BOM or mojibake step made its own).
    let source = match source {
        Some(s) => Some(s),
        None if norm_changed => Some(pre_norm.expect("kept while normalising")),
        None => None,
    };
    let report = DecodeReport {
        encoding: read.encoding.name().to_string(),
        detected_by: read.detected_by,
        evidence: read.evidence,
        confident: read.confident,
        malformed: read.malformed.count,
        malformed_offsets: read.malformed.offsets,
        mojibake,
        newlines_normalized: norm.line_endings.normalized(),
        line_endings: norm.line_endings,
        removed_count: norm.removed_count,
        removed: norm.removed,
        removed_by_char: norm.removed_by_char,
        nfc_changed: norm.nfc_changed,
        warnings,
    };
    Ok(Decoded { text, report, source, edits })
}

/// Decide the encoding and decode.
fn read(bytes: &[u8], opts: &DecodeOptions) -> Result<Read, DecodeError> {
    let made = |encoding, body: &[u8], offset, detected_by, evidence: String, confident| {
        let (text, malformed) = decode_with(encoding, body, offset);
        Read { text, encoding, detected_by, evidence, confident, malformed, bom: offset > 0 }
    };
    if let Some(enc) = opts.encoding {
        let bom = match Encoding::for_bom(bytes) {
            Some((bom_enc, len)) if bom_enc == enc => len,
            _ => 0,
        };
        let why = format!("given by the caller{}", if bom > 0 { "; its BOM dropped" } else { "" });
        return Ok(made(enc, &bytes[bom..], bom, DetectedBy::Forced, why, true));
    }
    if let Some(what) = detect::binary_magic(bytes) {
        return Err(DecodeError::Binary { reason: format!("the file starts like {what}") });
    }
    if let Some((enc, len)) = Encoding::for_bom(bytes) {
        let why = format!("{} byte-order mark", enc.name());
        return Ok(made(enc, &bytes[len..], len, DetectedBy::Bom, why, true));
    }
    if let Some(first) = bytes.iter().position(|&b| b == 0) {
        if let Some((enc, why)) = detect::utf16_without_bom(bytes) {
            return Ok(made(enc, bytes, 0, DetectedBy::Utf16Pattern, why, true));
        }
        let count = bytes.iter().filter(|&&b| b == 0).count();
        return Err(DecodeError::Binary {
            reason: format!("{count} NUL byte(s), the first at byte {first}, not laid out like UTF-16 text"),
        });
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        let why = if text.is_ascii() {
            "all bytes are ASCII".to_string()
        } else {
            format!("all {} bytes are valid UTF-8", bytes.len())
        };
        return Ok(Read {
            text: text.to_owned(),
            encoding: encoding_rs::UTF_8,
            detected_by: DetectedBy::ValidUtf8,
            evidence: why,
            confident: true,
            malformed: Malformed::default(),
            bom: false,
        });
    }
    let shape = detect::utf8_shape(bytes);
    let counts = format!(
        "{} well-formed UTF-8 multi-byte sequence(s) and {} ill-formed one(s)",
        shape.multibyte, shape.invalid
    );
    if shape.is_damaged_utf8() {
        let why =
            format!("{counts}: at least {}:1, so UTF-8 with damaged bytes", detect::DAMAGED_UTF8_MIN_RATIO);
        return Ok(made(encoding_rs::UTF_8, bytes, 0, DetectedBy::DamagedUtf8, why, true));
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(&bytes[..bytes.len().min(DETECTOR_SAMPLE)], true);
    let (enc, confident) = detector.guess_assess(None, false);
    if let Some(alt) = detect::damaged_multibyte(bytes, enc, &shape) {
        let why = format!(
            "not valid in any encoding; chardetng guessed {}, but {} reads {} multi-byte character(s) with \
             {} undecodable sequence(s) as plausible text (plausibility {:.2} against {:.2}): a {} page with \
             damaged bytes{}",
            enc.name(),
            alt.encoding.name(),
            alt.multibyte,
            alt.invalid,
            alt.plausibility,
            alt.guess_plausibility,
            alt.encoding.name(),
            if alt.confident() { "" } else { "; too few characters per damaged sequence to be sure" }
        );
        return Ok(made(alt.encoding, bytes, 0, DetectedBy::DamagedMultibyte, why, alt.confident()));
    }
    let why = format!(
        "not UTF-8 ({counts}); chardetng guessed {}{}",
        enc.name(),
        if confident { "" } else { " with low confidence" }
    );
    Ok(made(enc, bytes, 0, DetectedBy::Detector, why, confident))
}

/// Decode `body` (which starts at byte `offset` of the input) with `encoding`, replacing
/// undecodable sequences with U+FFFD and noting where they were.
pub(crate) fn decode_with(encoding: &'static Encoding, body: &[u8], offset: usize) -> (String, Malformed) {
    let mut malformed = Malformed::default();
    if encoding == encoding_rs::UTF_8 {
        if let Ok(text) = std::str::from_utf8(body) {
            return (text.to_owned(), malformed);
        }
        let mut out = String::with_capacity(body.len() + 16);
        let mut at = offset;
        for chunk in body.utf8_chunks() {
            out.push_str(chunk.valid());
            at += chunk.valid().len();
            if !chunk.invalid().is_empty() {
                malformed.push(at);
                out.push('\u{FFFD}');
                at += chunk.invalid().len();
            }
        }
        return (out, malformed);
    }
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(body.len())
        .unwrap_or(body.len().saturating_mul(3));
    let mut out = String::with_capacity(capacity);
    let mut read = 0;
    loop {
        let (result, n) = decoder.decode_to_string_without_replacement(&body[read..], &mut out, true);
        read += n;
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => out.reserve(body.len() - read + 16),
            DecoderResult::Malformed(bad, after) => {
                let start = read.saturating_sub(usize::from(bad) + usize::from(after));
                malformed.push(offset + start);
                out.push('\u{FFFD}');
            }
        }
    }
    (out, malformed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(bytes: &[u8]) -> Result<Decoded, DecodeError> {
        decode(bytes, &DecodeOptions::default())
    }

    fn utf16(text: &str, le: bool) -> Vec<u8> {
        text.encode_utf16().flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() }).collect()
    }

    const ZH: &str = "党建强，则根基稳。一是一，二是二。中华人民共和国成立于1949年。\n";

    #[test]
    fn valid_utf8_is_taken_as_is() {
        let d = dec(ZH.as_bytes()).unwrap();
        assert_eq!(d.text, ZH);
        assert_eq!(d.report.detected_by, DetectedBy::ValidUtf8);
        assert_eq!(d.report.encoding, "UTF-8");
        assert!(d.report.warnings.is_empty(), "{:?}", d.report.warnings);
    }

    #[test]
    fn empty_and_whitespace_only_inputs_decode() {
        assert_eq!(dec(b"").unwrap().text, "");
        assert_eq!(dec(b"  \r\n\t \n").unwrap().text, "  \n\t \n");
        assert_eq!(dec(b"\xEF\xBB\xBF").unwrap().text, "");
        assert_eq!(dec(b"\xFF\xFE").unwrap().report.encoding, "UTF-16LE");
    }

    #[test]
    fn boms_are_read_and_dropped() {
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice(ZH.as_bytes());
        let d = dec(&b).unwrap();
        assert_eq!((d.text.as_str(), d.report.detected_by), (ZH, DetectedBy::Bom));
        let mut b = vec![0xFE, 0xFF];
        b.extend(utf16(ZH, false));
        assert_eq!(dec(&b).unwrap().report.encoding, "UTF-16BE");
        assert_eq!(dec(&b).unwrap().text, ZH);
    }

    #[test]
    fn utf16_without_bom_is_detected_not_refused() {
        for le in [true, false] {
            let d = dec(&utf16(ZH, le)).unwrap();
            assert_eq!(d.text, ZH);
            assert_eq!(d.report.detected_by, DetectedBy::Utf16Pattern);
            assert_eq!(d.report.encoding, if le { "UTF-16LE" } else { "UTF-16BE" });
        }
    }

    #[test]
    fn damaged_utf8_keeps_the_page_and_reports_the_bytes() {
        let mut b = ZH.repeat(3).into_bytes();
        b[10] = 0xFF;
        b.insert(60, 0x80);
        let d = dec(&b).unwrap();
        assert_eq!(d.report.detected_by, DetectedBy::DamagedUtf8);
        // '，' (EF BC 8C) at 9..12 became EF FF 8C: three ill-formed sequences; the stray
        // 0x80 before 民 is a fourth.
        assert_eq!(d.report.malformed, 4);
        assert_eq!(d.report.malformed_offsets, [9, 10, 11, 60]);
        assert_eq!(d.text.matches('\u{FFFD}').count(), 4);
        assert!(d.text.contains("中华人民共和国"));
        assert!(d.report.warnings.iter().any(|w| w.contains("U+FFFD")));
    }

    #[test]
    fn too_damaged_utf8_goes_to_the_detector() {
        // Below the 8:1 line: a legacy reading is considered instead.
        let mut b = "党建强则根基稳".as_bytes().to_vec(); // 7 well-formed sequences
        b.push(0xFF);
        b.push(b' ');
        b.push(0xFE);
        // Here the legacy reading is garbage, and refused as such.
        match dec(&b) {
            Ok(d) => assert_ne!(d.report.detected_by, DetectedBy::DamagedUtf8),
            Err(e) => assert!(matches!(e, DecodeError::Binary { .. })),
        }
    }

    #[test]
    fn legacy_encodings_are_detected() {
        for enc in [encoding_rs::GBK, encoding_rs::BIG5] {
            let text = "中華民國的經濟發展與國際貿易關係密切，政府決定加強合作。\n".repeat(4);
            let (b, _, bad) = enc.encode(&text);
            assert!(!bad);
            let d = dec(&b).unwrap();
            assert_eq!(d.text, text, "{}", enc.name());
            assert_eq!(d.report.detected_by, DetectedBy::Detector);
        }
        let text = "Größere Änderungen für die Straße: über 30 Bürger kamen.\n";
        let (b, _, _) = encoding_rs::WINDOWS_1252.encode(text);
        assert_eq!(dec(&b).unwrap().text, text);
    }

    #[test]
    fn forced_encoding_wins_and_drops_its_own_bom() {
        let (b, _, _) = encoding_rs::GBK.encode("党建");
        let opts = DecodeOptions {
            encoding: Some(encoding_for_label("windows-1252").unwrap()),
            ..DecodeOptions::default()
        };
        let d = decode(&b, &opts).unwrap();
        assert_eq!(d.report.detected_by, DetectedBy::Forced);
        assert_eq!(d.text, encoding_rs::WINDOWS_1252.decode(&b).0);
        let mut b = vec![0xFF, 0xFE];
        b.extend(utf16("ab", true));
        let opts = DecodeOptions { encoding: Some(encoding_rs::UTF_16LE), ..opts };
        assert_eq!(decode(&b, &opts).unwrap().text, "ab");
    }

    #[test]
    fn unknown_and_replacement_labels_are_refused() {
        assert!(matches!(encoding_for_label("klingon"), Err(DecodeError::UnknownEncoding(_))));
        assert!(encoding_for_label("iso-2022-kr").is_err());
        assert_eq!(encoding_for_label(" GBK ").unwrap(), encoding_rs::GBK);
    }

    #[test]
    fn binary_is_refused_with_a_reason() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
        let err = dec(png).unwrap_err();
        assert!(err.to_string().contains("PNG"), "{err}");
        let err = dec(b"text\0with\0\0\0NUL\0\0bytes\0\0\0\0\0\0").unwrap_err();
        assert!(err.to_string().contains("NUL"), "{err}");
        let err = dec(b"\x01\x02\x03\x04\x05 some text").unwrap_err();
        assert!(err.to_string().contains("control"), "{err}");
    }

    #[test]
    fn mojibake_is_repaired_unless_switched_off() {
        // Two kinds on one page: the windows-1252 runs hold two thirds of the characters
        // and are repaired; the GBK run does not round-trip through windows-1252 and stays.
        let d = dec("鍏氬缓 and å…šå»º".as_bytes()).unwrap();
        assert_eq!(d.text, "鍏氬缓 and 党建");
        assert_eq!(d.report.mojibake.as_ref().unwrap().runs_left, 1);
        let d = dec("鍏氬缓\n".as_bytes()).unwrap();
        assert_eq!(d.text, "党建\n");
        assert_eq!(d.report.mojibake.as_ref().unwrap().wrong_encoding, "GB18030");
        let opts = DecodeOptions { repair_mojibake: false, ..DecodeOptions::default() };
        assert_eq!(decode("鍏氬缓\n".as_bytes(), &opts).unwrap().text, "鍏氬缓\n");
    }

    #[test]
    fn report_serializes() {
        let d = dec("a\u{200B}b\r\n".as_bytes()).unwrap();
        let json = serde_json::to_string(&d.report).unwrap();
        assert!(json.contains(r#""detected_by":"valid-utf8""#), "{json}");
        assert!(json.contains(r#""U+200B":1"#), "{json}");
    }
}
