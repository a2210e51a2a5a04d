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

/// Normalise `text` in place of the caller: returns the text (the same allocation when
/// nothing changed) and what was done.
pub fn normalize(text: String) -> (String, Normalized) {
    let mut report = Normalized::default();
    let first = text.char_indices().find(|&(_, c)| needs_change(c)).map(|(i, _)| i);
    let mut out = match first {
        None => {
            report.line_endings.lf = memchr_count(text.as_bytes());
            text
        }
        Some(first) => rewrite(&text, first, &mut report),
    };
    if is_nfc_quick(out.chars()) != IsNormalized::Yes {
        let nfc: String = out.nfc().collect();
        if nfc != out {
            report.nfc_changed = true;
            out = nfc;
        }
    }
    (out, report)
}

fn memchr_count(b: &[u8]) -> usize {
    b.iter().filter(|&&x| x == b'\n').count()
}

fn rewrite(text: &str, first: usize, report: &mut Normalized) -> String {
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..first]);
    let mut line = 1 + memchr_count(out.as_bytes());
    report.line_endings.lf = line - 1;
    let mut chars = text[first..].chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => {
                report.line_endings.lf += 1;
                line += 1;
                out.push('\n');
            }
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
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
            c if is_removable(c) => {
                report.removed_count += 1;
                *report.removed_by_char.entry(codepoint(c)).or_insert(0) += 1;
                if report.removed.len() < MAX_LISTED {
                    report.removed.push(RemovedChar {
                        offset: out.len(),
                        line,
                        codepoint: codepoint(c),
                    });
                }
            }
            c => out.push(c),
        }
    }
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
        assert_eq!(
            r.removed[0],
            RemovedChar { offset: 1, line: 1, codepoint: "U+200B".into() }
        );
        assert_eq!(r.removed[1], RemovedChar { offset: 4, line: 2, codepoint: "U+0000".into() });
        assert_eq!(r.removed_by_char["U+FEFF"], 1);
        assert_eq!(r.removed.last().unwrap().codepoint, "U+000C");
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
    fn removal_happens_before_nfc() {
        // A ZWSP between a letter and a combining mark: once removed, they compose.
        assert_eq!(norm("e\u{200B}\u{301}").0, "é");
    }
}
