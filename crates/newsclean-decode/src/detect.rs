//! Evidence about what the bytes are: binary magic numbers, UTF-16 without a BOM, damaged
//! UTF-8, and a share-of-control-characters test on decoded text.

use encoding_rs::Encoding;

/// A byte signature of a binary format: where it starts, what it is.
struct Magic {
    at: usize,
    bytes: &'static [u8],
    what: &'static str,
}

const fn magic(at: usize, bytes: &'static [u8], what: &'static str) -> Magic {
    Magic { at, bytes, what }
}

/// Signatures of common binary formats. Each is long enough (or contains bytes that never
/// start a text file) that a text page cannot match it by accident.
const MAGICS: &[Magic] = &[
    magic(0, b"\x89PNG\r\n\x1a\n", "a PNG image"),
    magic(0, b"\xFF\xD8\xFF", "a JPEG image"),
    magic(0, b"GIF87a", "a GIF image"),
    magic(0, b"GIF89a", "a GIF image"),
    magic(0, b"%PDF-", "a PDF document; extract its text first, e.g. `pdftotext -layout`"),
    magic(0, b"PK\x03\x04", "a ZIP archive (or DOCX/ODT/EPUB)"),
    magic(0, b"PK\x05\x06", "an empty ZIP archive"),
    magic(0, b"\x1F\x8B\x08", "gzip-compressed data; decompress it first"),
    magic(4, b"1AY&SY", "bzip2-compressed data; decompress it first"),
    magic(0, b"\xFD7zXZ\x00", "xz-compressed data; decompress it first"),
    magic(0, b"\x28\xB5\x2F\xFD", "zstd-compressed data; decompress it first"),
    magic(0, b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
    magic(0, b"Rar!\x1A\x07", "a RAR archive"),
    magic(0, b"\x7FELF", "an ELF executable"),
    magic(0, b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "an OLE2 document (old Word/Excel)"),
    magic(0, b"II*\x00", "a TIFF image"),
    magic(0, b"MM\x00*", "a TIFF image"),
    magic(8, b"WEBP", "a WebP image"),
    magic(4, b"ftyp", "an MP4/QuickTime/HEIF file"),
    magic(0, b"SQLite format 3\x00", "an SQLite database"),
    magic(0, b"\x00asm", "a WebAssembly module"),
    magic(0, b"OggS\x00", "Ogg media"),
];

/// The binary format whose signature starts `bytes`, if any.
///
/// Two signatures are plain printable text that a text file may start with, so they count
/// only with the binary header around them: `GIF87a`/`GIF89a` need a control byte in the
/// screen descriptor that follows (sizes and flags, NUL-rich), `ftyp` at 4 needs one in the
/// big-endian box size before it. (Found by fuzzing: decoded text starting `GIF89a`, or with
/// `ftyp` at byte 4, was refused when decoded again.)
pub(crate) fn binary_magic(bytes: &[u8]) -> Option<&'static str> {
    let binary_in = |range: std::ops::Range<usize>| {
        bytes
            .get(range.start..range.end.min(bytes.len()))
            .is_some_and(|b| b.iter().any(|&b| is_binary_byte(b)))
    };
    MAGICS.iter().find_map(|m| {
        let hit = bytes.get(m.at..m.at + m.bytes.len()) == Some(m.bytes)
            && match (m.at, m.bytes) {
                (4, b"1AY&SY") => bytes.starts_with(b"BZh"),
                (8, _) => bytes.starts_with(b"RIFF"),
                (0, b"GIF87a" | b"GIF89a") => binary_in(6..13),
                (4, b"ftyp") => binary_in(0..4),
                _ => true,
            };
        hit.then_some(m.what)
    })
}

/// A byte that text does not have: a C0 control other than tab, LF, VT, FF, CR, or DEL.
fn is_binary_byte(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r')) || b == 0x7F
}

/// Byte counts over the code units of a UTF-16 hypothesis.
#[derive(Debug, Default, PartialEq, Eq)]
struct UnitCounts {
    /// Units whose high byte is 0 and low byte is not: U+0001..U+00FF, mostly ASCII.
    latin: usize,
    /// Units whose low byte is 0 and whose high byte is outside the CJK block 0x4E..=0x9F:
    /// such characters (U+0100, U+0200 … outside CJK) are rare in real text.
    odd_low_zero: usize,
    /// Units 0x0000.
    nul: usize,
    /// Units with both bytes printable ASCII (or tab/LF/CR): what 8-bit text read as
    /// UTF-16 looks like.
    ascii_pairs: usize,
    /// Units with a non-zero high byte.
    wide: usize,
}

fn is_text_byte(b: u8) -> bool {
    matches!(b, 0x20..=0x7E | b'\t' | b'\n' | b'\r')
}

fn count_units(bytes: &[u8], little_endian: bool) -> UnitCounts {
    let mut c = UnitCounts::default();
    for pair in bytes.chunks_exact(2) {
        let (lo, hi) = if little_endian { (pair[0], pair[1]) } else { (pair[1], pair[0]) };
        match (lo, hi) {
            (0, 0) => c.nul += 1,
            (_, 0) => c.latin += 1,
            (0, 0x4E..=0x9F) => c.wide += 1,
            (0, _) => {
                c.odd_low_zero += 1;
                c.wide += 1;
            }
            _ => {
                c.wide += 1;
                if is_text_byte(lo) && is_text_byte(hi) {
                    c.ascii_pairs += 1;
                }
            }
        }
    }
    c
}

/// Evidence needed before NUL bytes are read as UTF-16 without a BOM: at least this many
/// units with a zero high byte…
const UTF16_MIN_LATIN_UNITS: usize = 4;
/// …at least this many times more than the zeros the hypothesis cannot explain…
const UTF16_MIN_LATIN_RATIO: usize = 4;
/// …and at most this share (percent) of the other units made of two printable ASCII bytes
/// (8-bit text with stray NULs looks like that; real UTF-16 of CJK, Cyrillic … does not).
const UTF16_MAX_ASCII_PAIR_PERCENT: usize = 60;

/// Whether NUL-bearing bytes look like UTF-16LE or UTF-16BE text without a BOM, with the
/// evidence as a sentence.
pub(crate) fn utf16_without_bom(bytes: &[u8]) -> Option<(&'static Encoding, String)> {
    let mut best = None;
    for (le, enc) in [(true, encoding_rs::UTF_16LE), (false, encoding_rs::UTF_16BE)] {
        let c = count_units(bytes, le);
        let unexplained = c.odd_low_zero + c.nul;
        let ok = c.latin >= UTF16_MIN_LATIN_UNITS
            && c.latin >= UTF16_MIN_LATIN_RATIO * unexplained
            && c.ascii_pairs * 100 <= c.wide * UTF16_MAX_ASCII_PAIR_PERCENT;
        if ok && best.as_ref().is_none_or(|(_, n, _)| c.latin > *n) {
            let units = bytes.len() / 2;
            let evidence = format!(
                "no BOM; {} of {units} 16-bit units are U+0001..U+00FF with the zero byte {} \
                 ({unexplained} zero bytes on the other side), and only {} of {} other units \
                 are two ASCII bytes",
                c.latin,
                if le { "second (little-endian)" } else { "first (big-endian)" },
                c.ascii_pairs,
                c.wide
            );
            best = Some((enc, c.latin, evidence));
        }
    }
    best.map(|(enc, _, evidence)| (enc, evidence))
}

/// How bytes that are not valid UTF-8 look to a UTF-8 reader.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Utf8Shape {
    /// Well-formed multi-byte sequences (non-ASCII characters).
    pub multibyte: usize,
    /// Ill-formed sequences (each becomes one U+FFFD).
    pub invalid: usize,
}

/// Count well- and ill-formed sequences in one pass, without allocating.
pub(crate) fn utf8_shape(bytes: &[u8]) -> Utf8Shape {
    let mut shape = Utf8Shape::default();
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                shape.multibyte += count_multibyte(s.as_bytes());
                return shape;
            }
            Err(e) => {
                let good = e.valid_up_to();
                shape.multibyte += count_multibyte(&rest[..good]);
                shape.invalid += 1;
                let bad = e.error_len().unwrap_or(rest.len() - good);
                rest = &rest[good + bad..];
            }
        }
    }
}

fn count_multibyte(valid: &[u8]) -> usize {
    valid.iter().filter(|&&b| b >= 0xC0).count()
}

/// Damaged UTF-8 is accepted as UTF-8 when its well-formed multi-byte sequences outnumber the
/// ill-formed ones at least this many times. Legacy CJK encodings read as UTF-8 give about
/// one well-formed sequence per four ill-formed ones over a page (0.25 for GBK, 0.08 for
/// Big5/Shift_JIS/EUC-KR, measured on the seeds) and at most 2:1 on a single short line;
/// single-byte encodings (windows-125x) almost never form one.
pub(crate) const DAMAGED_UTF8_MIN_RATIO: usize = 8;
/// …and at least this many well-formed multi-byte sequences are needed as evidence.
pub(crate) const DAMAGED_UTF8_MIN_MULTIBYTE: usize = 4;

impl Utf8Shape {
    /// True when this is UTF-8 with a few damaged bytes rather than a legacy encoding.
    pub(crate) fn is_damaged_utf8(&self) -> bool {
        self.multibyte >= DAMAGED_UTF8_MIN_MULTIBYTE
            && self.multibyte >= DAMAGED_UTF8_MIN_RATIO * self.invalid
    }
}

/// A multi-byte encoding that explains bytes chardetng took for a single-byte encoding.
#[derive(Debug)]
pub(crate) struct DamagedMultibyte {
    pub encoding: &'static Encoding,
    /// Non-ASCII characters it reads (in the sample).
    pub multibyte: usize,
    /// Undecodable sequences it meets (in the sample).
    pub invalid: usize,
    /// Mean plausibility of its non-ASCII characters.
    pub plausibility: f64,
    /// The same for chardetng's single-byte reading.
    pub guess_plausibility: f64,
}

impl DamagedMultibyte {
    /// Confident when the damage is as rare as [`DAMAGED_UTF8_MIN_RATIO`] allows for UTF-8.
    pub(crate) fn confident(&self) -> bool {
        self.multibyte >= DAMAGED_UTF8_MIN_RATIO * self.invalid
    }
}

/// A damaged multi-byte page needs at least this many characters per undecodable sequence…
pub(crate) const DAMAGED_MULTIBYTE_MIN_RATIO: usize = 2;
/// …a mean plausibility of at least this…
pub(crate) const DAMAGED_MULTIBYTE_MIN_PLAUSIBILITY: f64 = 0.5;
/// …and this much more than the single-byte reading.
pub(crate) const DAMAGED_MULTIBYTE_MIN_GAIN: f64 = 0.2;
/// How much of the input the comparison reads.
const DAMAGED_SAMPLE: usize = 64 * 1024;

/// When chardetng guessed a single-byte encoding for bytes that are not valid UTF-8: the
/// multi-byte encoding that reads all but a few of them (at least
/// [`DAMAGED_MULTIBYTE_MIN_RATIO`] characters per undecodable sequence) as clearly more
/// plausible text, if one does. A GB18030 page cut off mid-character, or a UTF-8 line with a
/// few bad bytes, is damage of that encoding, not a windows-1252 page: read as windows-1252 it
/// would be garbled whole, with nothing to say so.
pub(crate) fn damaged_multibyte(
    bytes: &[u8],
    guess: &'static Encoding,
    utf8: &Utf8Shape,
) -> Option<DamagedMultibyte> {
    if !guess.is_single_byte() {
        return None;
    }
    let mut end = bytes.len().min(DAMAGED_SAMPLE);
    // Do not cut the sample inside a line: back up to a line break when there is one.
    if end < bytes.len()
        && let Some(nl) = bytes[..end].iter().rposition(|&b| b == b'\n')
    {
        end = nl + 1;
    }
    let sample = &bytes[..end];
    let guess_plausibility = crate::mojibake::plausibility(&guess.decode_without_bom_handling(sample).0);
    let mut best: Option<DamagedMultibyte> = None;
    for enc in [
        encoding_rs::UTF_8,
        encoding_rs::GB18030,
        encoding_rs::BIG5,
        encoding_rs::SHIFT_JIS,
        encoding_rs::EUC_KR,
    ] {
        let (text, malformed) = crate::decode_with(enc, sample, 0);
        let (multibyte, invalid) = if enc == encoding_rs::UTF_8 && end == bytes.len() {
            (utf8.multibyte, utf8.invalid)
        } else {
            (text.chars().filter(|&c| !c.is_ascii() && c != '\u{FFFD}').count(), malformed.count)
        };
        let plausibility = crate::mojibake::plausibility(&text);
        let ok = multibyte >= DAMAGED_UTF8_MIN_MULTIBYTE
            && multibyte >= DAMAGED_MULTIBYTE_MIN_RATIO * invalid
            && plausibility >= DAMAGED_MULTIBYTE_MIN_PLAUSIBILITY
            && plausibility >= guess_plausibility + DAMAGED_MULTIBYTE_MIN_GAIN;
        if ok && best.as_ref().is_none_or(|b| plausibility > b.plausibility) {
            best = Some(DamagedMultibyte {
                encoding: enc,
                multibyte,
                invalid,
                plausibility,
                guess_plausibility,
            });
        }
    }
    best
}

/// Controls that are a normal part of text files: tab, LF, CR, vertical tab, form feed
/// (page breaks from `pdftotext`), and the DOS end-of-file mark.
fn is_text_control(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{1A}')
}

/// Above this share (percent) of control characters and undecodable bytes, decoded "text" is
/// refused as binary.
pub(crate) const BINARY_MAX_SUSPICIOUS_PERCENT: usize = 10;
/// …provided there are at least this many (a one-character input is not judged by its share).
pub(crate) const BINARY_MIN_SUSPICIOUS: usize = 4;

/// The bytes that may start a control character counted by [`binary_evidence`]: C0
/// controls, DEL, and C2 (the lead byte of the C1 controls).
static MAY_START_CONTROL: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = matches!(b, 0x00..=0x1F | 0x7F | 0xC2);
        b += 1;
    }
    t
};

/// Why decoded text is really binary, if it is: too many control characters (other than the
/// text ones) and undecodable bytes (`malformed`).
pub(crate) fn binary_evidence(text: &str, malformed: usize) -> Option<String> {
    // On bytes, not chars: a C0 control or DEL is one byte, a C1 control is C2 80..C2 9F,
    // and characters are the bytes that are not continuation bytes.
    let b = text.as_bytes();
    let chars = b.iter().filter(|&&x| x & 0xC0 != 0x80).count();
    let mut controls = 0usize;
    let mut i = 0;
    // Only bytes that may start a control are looked at (one table load a byte).
    while let Some(k) = b[i..].iter().position(|&x| MAY_START_CONTROL[usize::from(x)]) {
        i += k;
        let x = b[i];
        let control = match x {
            0x00..=0x1F | 0x7F => !is_text_control(char::from(x)),
            0xC2 => matches!(b.get(i + 1), Some(0x80..=0x9F)),
            _ => false,
        };
        controls += usize::from(control);
        i += 1;
    }
    let suspicious = controls + malformed;
    (suspicious >= BINARY_MIN_SUSPICIOUS && suspicious * 100 > chars * BINARY_MAX_SUSPICIOUS_PERCENT).then(
        || {
            format!(
                "{controls} control characters and {malformed} undecodable sequences in \
                 {chars} characters (more than {BINARY_MAX_SUSPICIOUS_PERCENT}%)"
            )
        },
    )
}

/// A guessed legacy decoding with fewer ASCII characters than this share (percent)…
pub(crate) const GARBAGE_MAX_ASCII_PERCENT: usize = 5;
/// …and a mean plausibility ([`crate::mojibake::plausibility`]) of its other characters
/// below this is refused: text in a single-byte encoding has spaces and digits, and CJK text
/// without ASCII is made of common characters (0.9 on the seeds), while random high bytes
/// score 0.32 at most (windows-1251; -0.54 as Big5).
pub(crate) const GARBAGE_MIN_PLAUSIBILITY: f64 = 0.35;
/// How much of the text the garbage test looks at.
const GARBAGE_SAMPLE: usize = 64 * 1024;

/// Why a guessed legacy decoding is garbage rather than text, if it is.
pub(crate) fn garbage_evidence(text: &str) -> Option<String> {
    let mut end = text.len().min(GARBAGE_SAMPLE);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    let chars = sample.chars().count();
    let ascii = sample.bytes().filter(u8::is_ascii).count();
    if chars < 16 || ascii * 100 >= chars * GARBAGE_MAX_ASCII_PERCENT {
        return None;
    }
    let plausibility = crate::mojibake::plausibility(sample);
    (plausibility < GARBAGE_MIN_PLAUSIBILITY).then(|| {
        format!(
            "{ascii} ASCII characters in {chars}, and the others are unlikely as text \
             (plausibility {plausibility:.2} < {GARBAGE_MIN_PLAUSIBILITY})"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`binary_evidence`]'s counts, one byte at a time, as it counted before it skipped
    /// bytes by its table.
    fn slow_counts(b: &[u8]) -> (usize, usize) {
        let (mut chars, mut controls) = (0, 0);
        for (i, &x) in b.iter().enumerate() {
            chars += usize::from(x & 0xC0 != 0x80);
            controls += usize::from(match x {
                0x00..=0x1F | 0x7F => !is_text_control(char::from(x)),
                0xC2 => matches!(b.get(i + 1), Some(0x80..=0x9F)),
                _ => false,
            });
        }
        (chars, controls)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, rng_seed: proptest::test_runner::RngSeed::Fixed(0x6269_6e61), ..ProptestConfig::default() })]
        /// Skipping the bytes that start no control decides as counting every byte did.
        #[test]
        fn binary_evidence_counts_as_every_byte(s in "[a \\t\\n\\r\\x00-\\x1F\\x7F\\u{80}-\\u{A0}\\u{4E00}-\\u{4E0F}\\u{FF0C}]{0,24}", malformed in 0usize..3) {
            let (chars, controls) = slow_counts(s.as_bytes());
            let suspicious = controls + malformed;
            let binary = suspicious >= BINARY_MIN_SUSPICIOUS && suspicious * 100 > chars * BINARY_MAX_SUSPICIOUS_PERCENT;
            prop_assert_eq!(binary_evidence(&s, malformed).is_some(), binary);
            if let Some(why) = binary_evidence(&s, malformed) {
                let counts = format!("{controls} control characters and {malformed} undecodable sequences in {chars} characters");
                prop_assert!(why.starts_with(&counts), "{}", why);
            }
        }
    }

    #[test]
    fn magic_numbers_are_recognised() {
        assert_eq!(binary_magic(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Some("a PNG image"));
        assert!(binary_magic(b"%PDF-1.7\n").unwrap().contains("pdftotext"));
        assert!(binary_magic(b"BZh91AY&SY....").unwrap().starts_with("bzip2"));
        assert!(binary_magic(b"RIFF\x10\0\0\0WEBPVP8 ").unwrap().contains("WebP"));
    }

    #[test]
    fn text_that_starts_like_a_signature_is_not_binary() {
        assert_eq!(binary_magic(b"BZh is not bzip2 without its block magic"), None);
        assert_eq!(binary_magic(b"GIF is a format"), None);
        assert_eq!(binary_magic(b"PK stands for penalty kick"), None);
        assert_eq!(binary_magic(b"WEBP RIFF"), None);
        assert_eq!(binary_magic(b""), None);
    }

    /// Found by `cargo xtask fuzz` (target decode): `01 47 49 46 38 39 61` decoded to
    /// `GIF89a`, and `3f 8a 0a 66 74 79 70 e7` (windows-1252) to `?Š\nftypç`, each refused
    /// as binary when decoded again.
    #[test]
    fn text_signatures_need_their_binary_header() {
        assert_eq!(binary_magic(b"GIF89a"), None);
        assert_eq!(binary_magic(b"GIF89a is the format of this picture"), None);
        assert_eq!(binary_magic("?Š\nftypç".as_bytes()), None);
        assert_eq!(binary_magic(b"The ftyp box"), None);
        // Real headers: a 640x480 GIF, an MP4 whose first box is 32 bytes.
        assert_eq!(binary_magic(b"GIF89a\x80\x02\xe0\x01\xf7\x00\x00"), Some("a GIF image"));
        assert_eq!(binary_magic(b"GIF87a\x01\x00\x01\x00\x80\x00\x00"), Some("a GIF image"));
        assert!(binary_magic(b"\x00\x00\x00\x20ftypisom").unwrap().contains("MP4"));
    }

    fn utf16(text: &str, le: bool) -> Vec<u8> {
        text.encode_utf16().flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() }).collect()
    }

    #[test]
    fn utf16_pattern_is_found_in_ascii_and_cjk() {
        let (enc, why) = utf16_without_bom(&utf16("Hello, world\n", true)).unwrap();
        assert_eq!(enc, encoding_rs::UTF_16LE);
        assert!(why.contains("little-endian"), "{why}");
        let cjk = "一是一，二是二。党建强，则根基稳 2024年1月\n";
        assert_eq!(utf16_without_bom(&utf16(cjk, false)).unwrap().0, encoding_rs::UTF_16BE);
        assert_eq!(utf16_without_bom(&utf16(cjk, true)).unwrap().0, encoding_rs::UTF_16LE);
    }

    #[test]
    fn utf16_pattern_is_not_found_in_text_with_stray_nuls() {
        assert_eq!(utf16_without_bom(b"hello\0"), None, "too little evidence");
        let mut t = b"some words of text here and there\0 with\0 nuls at\0 odd places\0".to_vec();
        t.extend_from_slice(b"and more\0 more\0");
        assert_eq!(utf16_without_bom(&t), None);
        assert_eq!(utf16_without_bom(&[0u8; 64]), None, "NUL padding");
        // Little-endian integers: zero high bytes, but many units that are pairs of ASCII.
        assert_eq!(utf16_without_bom(b"ab\0\0cd\0\0ef\0\0gh\0\0ij\0\0"), None);
    }

    #[test]
    fn utf8_shape_counts() {
        assert_eq!(utf8_shape("党建 ok".as_bytes()), Utf8Shape { multibyte: 2, invalid: 0 });
        let mut b = "党建强，则根基稳".as_bytes().to_vec();
        b.insert(4, 0xFF);
        // E5 FF BB BA: the lead, the bad byte and two stray continuations.
        assert_eq!(utf8_shape(&b), Utf8Shape { multibyte: 7, invalid: 4 });
        assert_eq!(utf8_shape(b"\xE5\x85"), Utf8Shape { multibyte: 0, invalid: 1 });
    }

    #[test]
    fn damaged_utf8_threshold_both_sides() {
        let ok = Utf8Shape { multibyte: 8 * 3, invalid: 3 };
        let not = Utf8Shape { multibyte: 8 * 3 - 1, invalid: 3 };
        assert!(ok.is_damaged_utf8());
        assert!(!not.is_damaged_utf8());
        assert!(!Utf8Shape { multibyte: 3, invalid: 0 }.is_damaged_utf8());
        // GBK text read as UTF-8.
        let (gbk, _, _) = encoding_rs::GBK.encode("党建强，则根基稳。一是一，二是二。中华人民共和国");
        assert!(!utf8_shape(&gbk).is_damaged_utf8());
        let (latin, _, _) = encoding_rs::WINDOWS_1252.encode("Les élèves étaient là, über Öl");
        assert!(!utf8_shape(&latin).is_damaged_utf8());
    }

    #[test]
    fn garbage_evidence_both_sides() {
        assert!(garbage_evidence("党建强，则根基稳。一是一，二是二。中华人民共和国").is_none());
        assert!(garbage_evidence("한국어 텍스트와 문장입니다한국어텍스트와문장입니다").is_none());
        assert!(garbage_evidence("ñ”ÊçÜ§“Áà…›œ¾àà¾âË\u{AD}õ¥öªÅ¦Ö÷ê¼“").is_some());
        assert!(garbage_evidence("short ñ”Ê").is_none(), "too short to judge");
    }

    #[test]
    fn binary_evidence_both_sides() {
        assert!(binary_evidence("plain text\twith tab\n\x0cnext page\r\n", 0).is_none());
        assert!(binary_evidence("\x01\x02\x03", 0).is_none(), "too few to judge");
        assert!(binary_evidence("\x01\x02\x03\x04", 0).is_some());
        // 4 of 40 characters is exactly 10%: still text; 5 of 40 is not.
        let text = format!("{}{}", "\x01".repeat(4), "a".repeat(36));
        assert!(binary_evidence(&text, 0).is_none());
        assert!(binary_evidence(&text, 1).is_some());
        // C1 controls count; characters are counted, not bytes.
        assert!(binary_evidence("\u{80}\u{81}\u{9F}\u{85}党建", 0).is_some());
        assert!(binary_evidence(&format!("\u{85}{}", "党".repeat(9)), 0).is_none());
        assert!(binary_evidence(&format!("\u{1}\u{1}\u{1}\u{85}{}", "党".repeat(36)), 0).is_none());
        assert!(binary_evidence(&format!("\u{1}\u{1}\u{1}\u{85}{}", "党".repeat(35)), 0).is_some());
    }
}
