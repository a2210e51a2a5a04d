//! Bytes to text: BOM, UTF-8, UTF-16, GB18030/GBK, Big5 and the rest of encoding_rs,
//! detection with chardetng, mojibake repair, newline and control-character normalisation,
//! NFC. The [`DecodeReport`] says what was decided and why.
#![deny(clippy::print_stdout, clippy::print_stderr)]

use encoding_rs::Encoding;
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

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
    /// chardetng's guess.
    Detector,
}

/// What decoding decided and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DecodeReport {
    /// The encoding the bytes were read as (WHATWG name).
    pub encoding: String,
    /// How it was decided.
    pub detected_by: DetectedBy,
    /// Bytes that could not be decoded and became U+FFFD.
    pub malformed: usize,
    /// Line breaks changed to `\n` (CRLF or CR).
    pub newlines_normalized: usize,
    /// Control and zero-width characters removed, as (byte offset in the result, character).
    pub removed: Vec<(usize, char)>,
    /// True when NFC changed the text.
    pub nfc_changed: bool,
}

/// Options for [`decode`].
#[derive(Clone, Copy, Debug, Default)]
pub struct DecodeOptions {
    /// Read the bytes in this encoding, whatever they look like.
    pub encoding: Option<&'static Encoding>,
}

/// Decoded text and the report of how it was made.
#[derive(Clone, Debug)]
pub struct Decoded {
    /// The text: LF line ends, no control characters, NFC.
    pub text: String,
    /// What was decided.
    pub report: DecodeReport,
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
pub fn encoding_for_label(label: &str) -> Result<&'static Encoding, DecodeError> {
    Encoding::for_label(label.trim().as_bytes())
        .ok_or_else(|| DecodeError::UnknownEncoding(label.to_string()))
}

/// Decode `bytes` into normalised text.
pub fn decode(bytes: &[u8], opts: &DecodeOptions) -> Result<Decoded, DecodeError> {
    let (encoding, detected_by, body) = if let Some(enc) = opts.encoding {
        let body = match Encoding::for_bom(bytes) {
            Some((bom_enc, len)) if bom_enc == enc => &bytes[len..],
            _ => bytes,
        };
        (enc, DetectedBy::Forced, body)
    } else if let Some((enc, len)) = Encoding::for_bom(bytes) {
        (enc, DetectedBy::Bom, &bytes[len..])
    } else {
        if bytes.contains(&0) {
            return Err(DecodeError::Binary { reason: "NUL bytes".into() });
        }
        if std::str::from_utf8(bytes).is_ok() {
            (encoding_rs::UTF_8, DetectedBy::ValidUtf8, bytes)
        } else {
            let mut det = chardetng::EncodingDetector::new();
            det.feed(bytes, true);
            (det.guess(None, true), DetectedBy::Detector, bytes)
        }
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    let malformed = if had_errors { text.chars().filter(|&c| c == '\u{FFFD}').count() } else { 0 };
    let (text, report) = normalize(&text, encoding.name().to_string(), detected_by, malformed);
    Ok(Decoded { text, report })
}

fn normalize(
    text: &str,
    encoding: String,
    detected_by: DetectedBy,
    malformed: usize,
) -> (String, DecodeReport) {
    let mut out = String::with_capacity(text.len());
    let mut newlines = 0;
    let mut removed = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                newlines += 1;
                out.push('\n');
            }
            '\n' | '\t' => out.push(c),
            c if is_removable(c) => removed.push((out.len(), c)),
            c => out.push(c),
        }
    }
    let nfc: String = out.nfc().collect();
    let nfc_changed = nfc != out;
    (
        nfc,
        DecodeReport {
            encoding,
            detected_by,
            malformed,
            newlines_normalized: newlines,
            removed,
            nfc_changed,
        },
    )
}

/// Control characters (but tab and newline), zero-width characters, BOMs inside the text.
fn is_removable(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{202A}'..='\u{202E}')
}
