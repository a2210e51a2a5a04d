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
//! ZWJ and ZWNJ are text, not noise, where they are orthographic: a ZWJ between two emoji (👩‍💻,
//! family and flag sequences) and a ZWJ or ZWNJ between two letters of a script that uses them
//! (Arabic script such as Persian می‌خواهم, Syriac, the Indic scripts, Myanmar, Khmer) is kept;
//! so are the bidi marks LRM, RLM and ALM next to right-to-left text. Elsewhere they are
//! extraction noise and removed.
//!
//! Every change is also returned as an edit with a rule id ([`crate::DecodeEdit`]):
//! `decode.newline`, `decode.control`, `decode.zero-width`, `decode.bidi`, and `decode.nfc`, so
//! the page's edit log shows them and undoing it gives back the text as read.

use std::collections::BTreeMap;
use std::ops::Range;

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
    /// The line-break and removal edits, as ranges of the text given to [`normalize`].
    pub edits: Vec<crate::DecodeEdit>,
    /// The NFC edits, as ranges of the text after `edits`.
    pub nfc_edits: Vec<crate::DecodeEdit>,
}

/// The rule id of a line break changed to `\n`.
pub const RULE_NEWLINE: &str = "decode.newline";
/// The rule id of a removed control character.
pub const RULE_CONTROL: &str = "decode.control";
/// The rule id of a removed zero-width or invisible character.
pub const RULE_ZERO_WIDTH: &str = "decode.zero-width";
/// The rule id of a removed bidi control.
pub const RULE_BIDI: &str = "decode.bidi";
/// The rule id of a change to Unicode NFC.
pub const RULE_NFC: &str = "decode.nfc";

/// The rule under which [`normalize`] removes `c`.
fn removal_rule(c: char) -> &'static str {
    if c.is_control() {
        RULE_CONTROL
    } else if matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}')
    {
        RULE_BIDI
    } else {
        RULE_ZERO_WIDTH
    }
}

/// A letter or mark of a script that writes ZWJ and ZWNJ as part of its spelling: Arabic
/// (Persian, Urdu, …), Syriac, Thaana, the Indic scripts, Sinhala, Myanmar, Khmer.
fn joins_in_script(c: char) -> bool {
    matches!(c,
        '\u{0600}'..='\u{08FF}' | '\u{0900}'..='\u{0DFF}' | '\u{1000}'..='\u{109F}'
        | '\u{1780}'..='\u{17FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}')
        && (c.is_alphanumeric()
            || unicode_normalization::char::canonical_combining_class(c) != 0
            || !c.is_whitespace() && !c.is_ascii_punctuation())
}

/// A character that takes part in an emoji ZWJ sequence: pictographs, dingbats and symbols,
/// the skin-tone modifiers, the emoji variation selector and tags.
fn emoji_part(c: char) -> bool {
    matches!(c,
        '\u{1F000}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}' | '\u{2B00}'..='\u{2BFF}'
        | '\u{2190}'..='\u{21FF}' | '\u{2300}'..='\u{23FF}' | '\u{FE0F}' | '\u{E0020}'..='\u{E007F}'
        | '\u{00A9}' | '\u{00AE}' | '\u{203C}' | '\u{2049}' | '\u{2122}' | '\u{2139}')
}

/// Right-to-left letters: Hebrew, Arabic script, Syriac, Thaana, NKo and their presentation
/// forms.
fn is_rtl(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}')
}

/// How far (in characters, within the line) a bidi mark looks for right-to-left text.
const BIDI_REACH: usize = 32;

/// True when the character `c` at byte `i` of `text`, which [`normalize`] would remove, is
/// text here and is kept (see the module docs).
fn kept_in_context(text: &str, i: usize, c: char) -> bool {
    let before = || text[..i].chars().next_back();
    let after = || text[i + c.len_utf8()..].chars().next();
    match c {
        '\u{200D}' => {
            let (b, a) = (before(), after());
            (b.is_some_and(emoji_part) && a.is_some_and(emoji_part))
                || (b.is_some_and(joins_in_script) && a.is_some_and(joins_in_script))
        }
        '\u{200C}' => before().is_some_and(joins_in_script) && after().is_some_and(joins_in_script),
        '\u{200E}' | '\u{200F}' | '\u{061C}' => {
            let near = |it: &mut dyn Iterator<Item = char>| {
                // Every line break counts (a CR becomes a `\n` here): decoding the output again
                // must keep exactly the marks kept now.
                it.take_while(|&ch| ch != '\n' && ch != '\r' && !is_unicode_break(ch))
                    .take(BIDI_REACH)
                    .any(is_rtl)
            };
            near(&mut text[..i].chars().rev()) || near(&mut text[i + c.len_utf8()..].chars())
        }
        _ => false,
    }
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
pub(crate) fn may_change(b: u8) -> bool {
    MAY_CHANGE[usize::from(b)]
}

/// [`may_change`] as a table: one load a byte in the scans of whole pages.
static MAY_CHANGE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = matches!(b, 0x00..=0x08 | 0x0B..=0x1F | 0x7F | 0xC2 | 0xD8 | 0xE1 | 0xE2 | 0xEF);
        b += 1;
    }
    t
};

/// The byte offset of the first character at or after `from` that [`normalize`] changes.
fn next_change(text: &str, from: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = from;
    // Bytes that start no such character (continuation bytes among them) are skipped.
    while let Some(k) = b[i..].iter().position(|&x| may_change(x)) {
        i += k;
        let c = text[i..].chars().next().expect("i is on a char boundary");
        if needs_change(c) && !kept_in_context(text, i, c) {
            return Some(i);
        }
        i += c.len_utf8();
    }
    None
}

/// True when [`normalize`] changes `text` (line breaks, removals or NFC).
pub fn changes(text: &str) -> bool {
    next_change(text, 0).is_some() || !nfc_quick_yes(text)
}

/// What [`normalize`] reports of a text that [`changes`] says it leaves alone (the text, its
/// line feeds counted), without scanning it again.
pub fn unchanged(text: String) -> (String, Normalized) {
    let mut report = Normalized::default();
    report.line_endings.lf = count_lf(text.as_bytes());
    (text, report)
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
    if !nfc_quick_yes(&out) {
        let (nfc, edits) = nfc_by_line(&out);
        if !edits.is_empty() {
            report.nfc_changed = true;
            report.nfc_edits = edits;
            out = nfc;
        }
    }
    (out, report)
}

/// NFC of `text`, line by line (nothing composes across a line break), with one edit per
/// changed line covering only what changed in it.
fn nfc_by_line(text: &str) -> (String, Vec<crate::DecodeEdit>) {
    let mut out = String::with_capacity(text.len());
    let mut edits = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let at = pos;
        pos += line.len();
        if nfc_quick_yes(line) {
            out.push_str(line);
            continue;
        }
        let nfc: String = line.nfc().collect();
        if nfc == line {
            out.push_str(line);
            continue;
        }
        let prefix: usize =
            line.chars().zip(nfc.chars()).take_while(|(a, b)| a == b).map(|(a, _)| a.len_utf8()).sum();
        let suffix: usize = line[prefix..]
            .chars()
            .rev()
            .zip(nfc[prefix..].chars().rev())
            .take_while(|(a, b)| a == b)
            .map(|(a, _)| a.len_utf8())
            .sum();
        edits.push(crate::DecodeEdit {
            range: at + prefix..at + line.len() - suffix,
            replacement: nfc[prefix..nfc.len() - suffix].to_string(),
            rule: RULE_NFC,
        });
        out.push_str(&nfc);
    }
    (out, edits)
}

/// True when every character of `b` (UTF-8) is in a range whose characters are all NFC
/// with no effect on their neighbours (NFC_Quick_Check=Yes, canonical combining class 0):
/// below U+0300; U+2002..U+203F; U+2580..U+25FF; U+3000..U+3FFF but U+302A..U+302F and
/// U+3099/U+309A;
/// U+4000..U+9FFF; U+FF00..U+FFFF. A byte-level pre-check so that ordinary Chinese and
/// Latin pages skip the character-level quick check.
#[cfg(test)]
fn surely_nfc(b: &[u8]) -> bool {
    (0..b.len()).all(|i| surely_at(b, i))
}

/// `surely_nfc` for the byte at `i` (a continuation byte is always sure: its character was
/// judged by its lead byte).
fn surely_at(b: &[u8], i: usize) -> bool {
    SURE_BYTE[usize::from(b[i])] || surely_at_by_next(b, i)
}

/// The bytes [`surely_at`] accepts whatever follows them, as a table.
static SURE_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = matches!(b, 0x00..=0xCB | 0xE4..=0xE9);
        b += 1;
    }
    t
};

/// [`surely_at`] by the bytes that follow, for the lead bytes it cannot judge alone.
fn surely_at_by_next(b: &[u8], i: usize) -> bool {
    match b[i] {
        0x00..=0xCB => true, // ASCII, continuation bytes, and U+0080..U+02FF
        0xE2 => matches!(b.get(i + 1..i + 3), Some([0x80, 0x82..=0xBF] | [0x96 | 0x97, _])),
        // Not U+302A..U+302F (tone marks) nor U+3099/U+309A (kana voicing marks).
        0xE3 => !matches!(b.get(i + 1..i + 3), Some([0x80, 0xAA..=0xAF] | [0x82, 0x99 | 0x9A])),
        0xE4..=0xE9 => true,
        0xEF => matches!(b.get(i + 1), Some(0xBC..=0xBF)),
        _ => false,
    }
}

/// `is_nfc_quick(text) == Yes`, with the character-level check asked only of the runs of
/// characters outside `surely_nfc`'s ranges. Those characters have combining class 0 and
/// NFC_Quick_Check=Yes, so after one the check stands where it starts: the whole text is Yes
/// exactly when every such run is (a page with one `①` no longer sends all of itself through
/// the character-level check).
fn nfc_quick_yes(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i..].iter().position(|&x| !SURE_BYTE[usize::from(x)]) {
            None => break,
            Some(k) => i += k,
        }
        if surely_at(b, i) {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && !surely_at(b, i) {
            i += text[i..].chars().next().map_or(1, char::len_utf8);
        }
        if is_nfc_quick(text[start..i].chars()) != IsNormalized::Yes {
            return false;
        }
    }
    true
}

fn count_lf(b: &[u8]) -> usize {
    b.iter().filter(|&&x| x == b'\n').count()
}

/// Record an edit, merged into the previous one when it is a removal of the same rule right
/// before it (a run of control characters is one edit).
fn push_edit(edits: &mut Vec<crate::DecodeEdit>, range: Range<usize>, replacement: &str, rule: &'static str) {
    if replacement.is_empty()
        && let Some(last) = edits.last_mut()
        && last.rule == rule
        && last.replacement.is_empty()
        && last.range.end == range.start
    {
        last.range.end = range.end;
        return;
    }
    edits.push(crate::DecodeEdit { range, replacement: replacement.to_string(), rule });
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
                push_edit(&mut report.edits, i..pos, "\n", RULE_NEWLINE);
            }
            c if is_unicode_break(c) => {
                report.line_endings.unicode += 1;
                line += 1;
                out.push('\n');
                push_edit(&mut report.edits, i..pos, "\n", RULE_NEWLINE);
            }
            c => {
                push_edit(&mut report.edits, i..pos, "", removal_rule(c));
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
        // The run-by-run check agrees with the whole-text one.
        for t in [
            "党建强①则根基稳",
            "e\u{301}",
            "①e\u{301}",
            "a\u{316}\u{301}b",
            "a\u{301}\u{316}b",
            "①\u{301}\u{316}",
            "\u{212B} ok",
            "ok \u{1100}\u{1161}",
            "가\u{11A8}",
            "x\u{3099}",
            "か\u{3099}",
            "Ⅻ ① ™ ﬁ",
            "",
        ] {
            assert_eq!(nfc_quick_yes(t), is_nfc_quick(t.chars()) == IsNormalized::Yes, "{t:?}");
        }
        assert!(!surely_nfc("e\u{301}".as_bytes()));
        assert!(!surely_nfc("\u{212B}".as_bytes()));
    }

    /// Apply `edits` (ranges of `text`) to `text`.
    fn apply(text: &str, edits: &[crate::DecodeEdit]) -> String {
        let mut out = String::new();
        let mut last = 0;
        for e in edits {
            out.push_str(&text[last..e.range.start]);
            out.push_str(&e.replacement);
            last = e.range.end;
        }
        out + &text[last..]
    }

    /// Issue 21 item 5: ZWJ inside emoji sequences, ZWJ/ZWNJ inside words of the scripts that
    /// spell with them, and bidi marks beside right-to-left text are text, kept; the same
    /// characters elsewhere are noise, removed, each as an edit with its rule.
    #[test]
    fn orthographic_joiners_and_marks_are_kept_noise_is_removed() {
        for kept in [
            "👩\u{200D}💻 codes",
            "👨\u{200D}👩\u{200D}👧\u{200D}👦",
            "🏳\u{FE0F}\u{200D}🌈",
            "می\u{200C}خواهم",
            "क्\u{200D}ष",
            "שלום\u{200F} 2024",
            "\u{200E}abc שלום",
        ] {
            let (out, _) = norm(kept);
            assert_eq!(normalize(out.clone()).0, out, "idempotent: {kept:?}");
            let (out, r) = norm(kept);
            assert_eq!(out, kept);
            assert!(r.edits.is_empty(), "{kept:?}: {:?}", r.edits);
        }
        // A mark whose right-to-left text is across a line break (CR too) is removed.
        assert_eq!(norm("x\u{200F}\rשלום").0, "x\nשלום");
        let (out, r) = norm("党\u{200D}建 a\u{200C}b x\u{200F}y\u{200B}\u{200B}z\r\n\u{7}");
        assert_eq!(out, "党建 ab xyz\n");
        let rules: Vec<&str> = r.edits.iter().map(|e| e.rule).collect();
        assert_eq!(
            rules,
            [RULE_ZERO_WIDTH, RULE_ZERO_WIDTH, RULE_BIDI, RULE_ZERO_WIDTH, RULE_NEWLINE, RULE_CONTROL],
            "{:?}",
            r.edits
        );
    }

    #[test]
    fn the_edits_rebuild_the_normalised_text() {
        for text in
            ["a\r\nb\rc\u{85}d\u{1}\u{2}e\u{200B}", "Cafe\u{301}\nx\u{212B}y\n\u{200B}e\u{301}", "plain"]
        {
            let (out, r) = norm(text);
            let step1 = apply(text, &r.edits);
            assert_eq!(apply(&step1, &r.nfc_edits), out, "{text:?}");
            assert_eq!(r.nfc_changed, !r.nfc_edits.is_empty());
        }
        let (_, r) = norm("x\nCafe\u{301}!\n");
        assert_eq!(r.nfc_edits[0].range, 5..8, "only the changed characters: {:?}", r.nfc_edits);
    }

    #[test]
    fn removal_happens_before_nfc() {
        // A ZWSP between a letter and a combining mark: once removed, they compose.
        assert_eq!(norm("e\u{200B}\u{301}").0, "é");
    }
}
