//! Normalisation of decoded text: line breaks to `\n`, control and invisible format
//! characters removed (and reported with positions), NFC.
//!
//! Kept: `\n` and `\t` (tabs carry column structure in `pdftotext -layout` output, and the
//! layout passes read it), and the soft hyphen U+00AD (a hyphenation hint the line-joining
//! passes may use). Line breaks: CRLF, lone CR, NEL (U+0085), LINE SEPARATOR (U+2028) and
//! PARAGRAPH SEPARATOR (U+2029) each become one `\n`. Removed: every other control character
//! (C0, DEL, C1, including form feed), the zero-width characters U+200B..U+200D (ZWSP, ZWNJ,
//! ZWJ), U+2060..U+2064 (word joiner, invisible operators), U+FEFF (a BOM inside the text),
//! U+180E, and the bidi controls (U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069).
//! Note that ZWJ/ZWNJ are orthographic in some scripts (Persian, Indic) and in emoji
//! sequences; newsclean targets newspaper text where they are extraction noise.

use std::collections::BTreeMap;

use serde::Serialize;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// How many removed characters a report lists one by one (all are counted).
pub const MAX_LISTED: usize = 32;

/// Line breaks seen in the decoded text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct LineEndings {
    /// `\n` alone (kept).
    pub lf: usize,
    /// `\r\n` (became `\n`).
    pub crlf: usize,
    /// `\r` alone (became `\n`).
    pub cr: usize,
    /// NEL, U+2028, U+2029 (became `\n`).
    pub unicode: usize,
}

impl LineEndings {
    /// Line breaks that were changed to `\n`.
    pub fn normalized(&self) -> usize {
        self.crlf + self.cr + self.unicode
    }

    /// True when more than one kind of line break occurs.
    pub fn mixed(&self) -> bool {
        [self.lf, self.crlf, self.cr, self.unicode].iter().filter(|&&n| n > 0).count() > 1
    }
}

/// One removed character.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RemovedChar {
    /// Byte offset in the output text where it was (before NFC; the same offset after NFC
    /// unless `nfc_changed`).
    pub offset: usize,
    /// 1-based line number in the output text.
    pub line: usize,
    /// The character, as `U+XXXX`.
    pub codepoint: String,
}

/// What [`normalize`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Normalized {
    /// Line breaks seen.
    pub line_endings: LineEndings,
    /// Characters removed, in total.
    pub removed_count: usize,
    /// The first [`MAX_LISTED`] removed characters.
    pub removed: Vec<RemovedChar>,
    /// Removed characters counted by code point (`U+200B` → 3).
    pub removed_by_char: BTreeMap<String, usize>,
    /// True when NFC changed the text.
    pub nfc_changed: bool,
}

/// True for the characters this module removes (see the module docs).
pub fn is_removable(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(
            c,
            '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{FEFF}'
                | '\u{061C}'
                | '\u{180E}'
        )
}

fn is_unicode_break(c: char) -> bool {
    matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}')
}

fn needs_change(c: char) -> bool {
    c == '\r' || is_unicode_break(c) || is_removable(c)
}

fn codepoint(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// True for a byte that may start a character [`normalize`] changes: C0 controls but LF and
/// tab, DEL, and the lead bytes of the non-ASCII ones (C1/NEL: C2; U+061C: D8; U+180E: E1;
/// U+200B..U+206x: E2; U+FEFF: EF). Scanning bytes keeps the common case cheap.
fn may_change(b: u8) -> bool {
    matches!(b, 0x00..=0x08 | 0x0B..=0x1F | 0x7F | 0xC2 | 0xD8 | 0xE1 | 0xE2 | 0xEF)
}

/// The byte offset of the first character at or after `from` that [`normalize`] changes.
fn next_change(text: &str, from: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = from;
    while i < b.len() {
        if may_change(b[i]) {
            let c = text[i..].chars().next().expect("i is on a char boundary");
            if needs_change(c) {
                return Some(i);
            }
            i += c.len_utf8();
        } else {
            i += 1;
        }
    }
    None
}

/// Normalise `text`: returns the text (the same allocation when nothing changed) and what
/// was done.
pub fn normalize(text: String) -> (String, Normalized) {
    let mut report = Normalized::default();
    let mut out = match next_change(&text, 0) {
        None => {
            report.line_endings.lf = count_lf(text.as_bytes());
            text
        }
        Some(first) => rewrite(&text, first, &mut report),
    };
    if !surely_nfc(out.as_bytes()) && is_nfc_quick(out.chars()) != IsNormalized::Yes {
        let nfc: String = out.nfc().collect();
        if nfc != out {
            report.nfc_changed = true;
            out = nfc;
        }
    }
    (out, report)
}

/// True when every character of `b` (UTF-8) is in a range whose characters are all NFC
/// with no effect on their neighbours (NFC_Quick_Check=Yes, canonical combining class 0):
/// below U+0300; U+2002..U+203F; U+2580..U+25FF; U+3000..U+3FFF but U+302A..U+302F and
/// U+3099/U+309A;
/// U+4000..U+9FFF; U+FF00..U+FFFF. A byte-level pre-check so that ordinary Chinese and
/// Latin pages skip the character-level quick check.
fn surely_nfc(b: &[u8]) -> bool {
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        let ok = match x {
            0x00..=0xCB => true, // ASCII, continuation bytes, and U+0080..U+02FF
            0xE2 => matches!(b.get(i + 1..i + 3), Some([0x80, 0x82..=0xBF] | [0x96 | 0x97, _])),
            // Not U+302A..U+302F (tone marks) nor U+3099/U+309A (kana voicing marks).
            0xE3 => !matches!(b.get(i + 1..i + 3), Some([0x80, 0xAA..=0xAF] | [0x82, 0x99 | 0x9A])),
            0xE4..=0xE9 => true,
            0xEF => matches!(b.get(i + 1), Some(0xBC..=0xBF)),
            _ => false,
        };
        if !ok {
            return false;
        }
        i += 1;
    }
    true
}

fn count_lf(b: &[u8]) -> usize {
    b.iter().filter(|&&x| x == b'\n').count()
}

/// Copy the unchanged stretches whole and handle each changed character on its own.
fn rewrite(text: &str, first: usize, report: &mut Normalized) -> String {
    let mut out = String::with_capacity(text.len());
    let mut by_char: BTreeMap<char, usize> = BTreeMap::new();
    let mut line = 1;
    let mut at = Some(first);
    let mut pos = 0;
    while let Some(i) = at {
        let kept = &text[pos..i];
        let lf = count_lf(kept.as_bytes());
        report.line_endings.lf += lf;
        line += lf;
        out.push_str(kept);
        let c = text[i..].chars().next().expect("i is on a char boundary");
        pos = i + c.len_utf8();
        match c {
            '\r' => {
                if text.as_bytes().get(pos) == Some(&b'\n') {
                    pos += 1;
                    report.line_endings.crlf += 1;
                } else {
                    report.line_endings.cr += 1;
                }
                line += 1;
                out.push('\n');
            }
            c if is_unicode_break(c) => {
                report.line_endings.unicode += 1;
                line += 1;
                out.push('\n');
            }
            c => {
                report.removed_count += 1;
                *by_char.entry(c).or_insert(0) += 1;
                if report.removed.len() < MAX_LISTED {
                    report.removed.push(RemovedChar { offset: out.len(), line, codepoint: codepoint(c) });
                }
            }
        }
        at = next_change(text, pos);
    }
    let rest = &text[pos..];
    report.line_endings.lf += count_lf(rest.as_bytes());
    out.push_str(rest);
    report.removed_by_char = by_char.into_iter().map(|(c, n)| (codepoint(c), n)).collect();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> (String, Normalized) {
        normalize(s.to_string())
    }

    #[test]
    fn unchanged_text_keeps_its_allocation() {
        let s = String::from("党建强\n\tcolumn\n");
        let ptr = s.as_ptr();
        let (out, r) = normalize(s);
        assert_eq!(out.as_ptr(), ptr);
        assert_eq!(r.line_endings, LineEndings { lf: 2, ..LineEndings::default() });
        assert_eq!(r.removed_count, 0);
        assert!(!r.nfc_changed);
    }

    #[test]
    fn mixed_line_endings_become_lf() {
        let (out, r) = norm("a\r\nb\rc\nd\u{2028}e\u{85}f\r");
        assert_eq!(out, "a\nb\nc\nd\ne\nf\n");
        assert_eq!(r.line_endings, LineEndings { lf: 1, crlf: 1, cr: 2, unicode: 2 });
        assert_eq!(r.line_endings.normalized(), 5);
        assert!(r.line_endings.mixed());
        assert_eq!(norm("a\r\n\r\nb").0, "a\n\nb", "CRLF CRLF is two breaks, not three");
    }

    #[test]
    fn controls_and_invisibles_are_removed_with_positions() {
        let (out, r) = norm("a\u{200B}b\nc\u{0}d\u{FEFF}\u{202E}e\u{7}\tf\u{AD}g\u{C}");
        assert_eq!(out, "ab\ncde\tf\u{AD}g");
        assert_eq!(r.removed_count, 6);
        assert_eq!(r.removed[0], RemovedChar { offset: 1, line: 1, codepoint: "U+200B".into() });
        assert_eq!(r.removed[1], RemovedChar { offset: 4, line: 2, codepoint: "U+0000".into() });
        assert_eq!(r.removed_by_char["U+FEFF"], 1);
        assert_eq!(r.removed.last().unwrap().codepoint, "U+000C");
    }

    #[test]
    fn every_changed_character_starts_with_a_flagged_byte() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if needs_change(c) {
                let mut buf = [0; 4];
                assert!(may_change(c.encode_utf8(&mut buf).as_bytes()[0]), "{c:?}");
            }
        }
    }

    #[test]
    fn the_removed_list_is_capped_but_counted() {
        let text = "\u{1}x".repeat(10_000);
        let (out, r) = norm(&text);
        assert_eq!(out, "x".repeat(10_000));
        assert_eq!(r.removed_count, 10_000);
        assert_eq!(r.removed.len(), MAX_LISTED);
        assert_eq!(r.removed_by_char.len(), 1);
        assert_eq!(r.removed[MAX_LISTED - 1].offset, MAX_LISTED - 1);
    }

    #[test]
    fn nfc_is_applied_and_reported() {
        let (out, r) = norm("Cafe\u{301} \u{212B}");
        assert_eq!(out, "Café Å");
        assert!(r.nfc_changed);
        let (out, r) = norm("Café 党建");
        assert_eq!(out, "Café 党建");
        assert!(!r.nfc_changed);
    }

    #[test]
    fn the_byte_precheck_only_passes_nfc_characters() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = c.to_string();
            if surely_nfc(s.as_bytes()) {
                assert_eq!(is_nfc_quick(s.chars()), IsNormalized::Yes, "{c:?}");
                // Class 0 too: nothing before it could compose with or reorder around it.
                assert_eq!(unicode_normalization::char::canonical_combining_class(c), 0, "{c:?}");
            }
        }
        assert!(surely_nfc("党建强，则根基稳。“引号”……2024 Café".as_bytes()));
        assert!(!surely_nfc("e\u{301}".as_bytes()));
        assert!(!surely_nfc("\u{212B}".as_bytes()));
    }

    #[test]
    fn removal_happens_before_nfc() {
        // A ZWSP between a letter and a combining mark: once removed, they compose.
        assert_eq!(norm("e\u{200B}\u{301}").0, "é");
    }
}
