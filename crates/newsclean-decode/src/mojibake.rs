//! Mojibake repair: text that was UTF-8, was read as GBK/GB18030 or Windows-1252/Latin-1 and
//! was saved again as UTF-8 (`鍏氬缓` for `党建`, `å…šå»º` or `cafÃ©` for `café`).
//!
//! # How it decides
//!
//! The text is cut into *runs*: maximal stretches of non-ASCII characters. ASCII is the same
//! byte in UTF-8 and in every candidate encoding, so each run can be undone on its own. For a
//! candidate wrong encoding W, a run is *exact* when encoding it in W loses nothing, the bytes
//! are valid UTF-8, and decoding those bytes in W gives the run back. Runs holding U+FFFD were
//! damaged by the wrong decoding (a byte was lost) and are never touched.
//!
//! The decision is taken for the whole text, then applied per run:
//! - among the runs without U+FFFD, the exact ones must hold at least two thirds of the
//!   characters (ordinary text in any language almost never round-trips: ordinary Chinese in
//!   GBK, or `é` in Windows-1252, is not valid UTF-8), over the whole text and already over
//!   the first [`EARLY_DECISION_CHARS`] characters (so ordinary pages cost little);
//! - the repaired runs must be clearly more plausible than they were ([`plausibility`]): mean
//!   score higher by at least [`MIN_GAIN`], and at least [`MIN_SCORE_AFTER`];
//! - then every exact run is replaced, even one whose own score drops (`â„ƒ` → `℃`: a
//!   symbol scores lower than the letters it was garbled into); the page as a whole decided.
//!
//! Whole-text decision with per-run application: a page that went through a wrong decoder went
//! through it as a whole, so the evidence is pooled over all runs (one short run proves
//! little), while runs that lost a byte stay as they are rather than being half-guessed.
//! A page that mixes genuine text with a little mojibake is left alone: a missed repair is
//! better than a false one.

use rustc_hash::FxHashMap;
use std::ops::Range;
use std::sync::LazyLock;

use encoding_rs::Encoding;
use serde::Serialize;

/// Required gain of the mean plausibility (see [`plausibility`]) for a repair.
pub const MIN_GAIN: f64 = 0.2;
/// Required mean plausibility of the repaired runs.
pub const MIN_SCORE_AFTER: f64 = 0.25;
/// How many examples a [`MojibakeRepair`] lists.
pub const MAX_EXAMPLES: usize = 8;

/// A mojibake repair that was made.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MojibakeRepair {
    /// The encoding the UTF-8 bytes had wrongly been read as (`GB18030` covers GBK).
    pub wrong_encoding: String,
    /// Runs of non-ASCII characters repaired.
    pub runs_repaired: usize,
    /// Runs left as they were: they lost bytes (hold U+FFFD) or do not round-trip.
    pub runs_left: usize,
    /// Characters in the repaired runs before the repair.
    pub chars_before: usize,
    /// Characters in the repaired runs after the repair.
    pub chars_after: usize,
    /// Mean plausibility of the repaired runs before (see the crate docs).
    pub score_before: f64,
    /// Mean plausibility of the repaired runs after.
    pub score_after: f64,
    /// The first repairs: byte offset in the decoded text (before repair), before, after.
    pub examples: Vec<RepairExample>,
}

/// One repaired run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RepairExample {
    /// Byte offset of the run in the decoded text, before repair and normalisation.
    pub offset: usize,
    /// The run as it was.
    pub before: String,
    /// The run as repaired.
    pub after: String,
}

/// An encoding that UTF-8 bytes may have been wrongly read as.
#[derive(Clone, Copy, Debug)]
enum Wrong {
    /// encoding_rs's GB18030 (its GBK decoder is the same decoder).
    Gb18030,
    /// WHATWG windows-1252 (what browsers and most tools call Latin-1).
    Windows1252,
    /// ISO-8859-1 proper: byte n is U+00nn (C1 controls where windows-1252 has `…`, `€`).
    Latin1,
}

impl Wrong {
    const ALL: [Wrong; 3] = [Wrong::Gb18030, Wrong::Windows1252, Wrong::Latin1];

    fn name(self) -> &'static str {
        match self {
            Wrong::Gb18030 => "GB18030",
            Wrong::Windows1252 => "windows-1252",
            Wrong::Latin1 => "ISO-8859-1",
        }
    }

    fn encoding(self) -> Option<&'static Encoding> {
        match self {
            Wrong::Gb18030 => Some(encoding_rs::GB18030),
            Wrong::Windows1252 => Some(encoding_rs::WINDOWS_1252),
            Wrong::Latin1 => None,
        }
    }

    /// The UTF-8 text `run` came from, if the round trip through this encoding is exact.
    fn undo(self, run: &str) -> Option<String> {
        // A single-byte encoding has no byte for a character past U+2122 (windows-1252's
        // highest, `™`): a run starting with one (any CJK run) cannot be encoded at all.
        if !matches!(self, Wrong::Gb18030) && run.chars().next().is_some_and(|c| c > '\u{2122}') {
            return None;
        }
        if self.surely_not_utf8(run) {
            return None;
        }
        let bytes = match self.encoding() {
            Some(enc) => {
                let bytes =
                    if enc == encoding_rs::GB18030 { gbk_bytes(run)? } else { encode_exact(enc, run)? };
                if enc.decode_without_bom_handling_and_without_replacement(&bytes)? != run {
                    return None;
                }
                bytes
            }
            None => run.chars().map(|c| u8::try_from(u32::from(c)).ok()).collect::<Option<_>>()?,
        };
        String::from_utf8(bytes).ok()
    }
}

impl Wrong {
    /// True when the first few characters of `run`, encoded in this encoding, are already
    /// not UTF-8: then the whole run is not (the encodings are stateless, so its bytes
    /// start with these). Ordinary text fails here after a few characters, which spares
    /// encoding whole pages (GB18030's encoder is slow).
    fn surely_not_utf8(self, run: &str) -> bool {
        let Some(enc) = self.encoding() else { return false };
        let head = &run[..run.char_indices().nth(HEAD_CHARS).map_or(run.len(), |(i, _)| i)];
        if head.contains('€') {
            return false;
        }
        let not_utf8 = |b: &[u8]| std::str::from_utf8(b).is_err_and(|e| e.error_len().is_some());
        if enc == encoding_rs::GB18030 {
            // A character outside GBK's two-byte table, or with two readings: the full
            // encoder decides.
            return gbk_head_bytes(head).is_some_and(|h| not_utf8(&h.bytes[..h.len]));
        }
        encode_exact(enc, head).is_none_or(|b| not_utf8(&b))
    }
}

/// GBK's two-byte table read backwards: each character the GBK decoder makes of a byte
/// pair, with that pair (`None` when two pairs give the character). Built once, on first use,
/// from the decoder itself; encoding_rs's own GBK encoder searches its tables linearly, which
/// made encoding every page's first runs the largest cost of cleaning a page.
static GBK_PAIRS: LazyLock<FxHashMap<char, Option<[u8; 2]>>> = LazyLock::new(|| {
    let mut map = FxHashMap::with_capacity_and_hasher(24_000, Default::default());
    for lead in 0x81..=0xFEu8 {
        for trail in (0x40..=0xFEu8).filter(|&t| t != 0x7F) {
            let pair = [lead, trail];
            let Some(decoded) = encoding_rs::GBK.decode_without_bom_handling_and_without_replacement(&pair)
            else {
                continue;
            };
            let mut chars = decoded.chars();
            if let (Some(c), None) = (chars.next(), chars.next()) {
                map.entry(c)
                    .and_modify(|e: &mut Option<[u8; 2]>| *e = e.filter(|p| *p == pair))
                    .or_insert(Some(pair));
            }
        }
    }
    // The encoder writes `€` as the single byte 0x80, the decoder reads A2 E3 as `€` too.
    map.insert('€', None);
    map
});

/// The GBK bytes of `head` by [`GBK_PAIRS`]; `None` when a character is not in the table
/// (or has two readings) and only the full encoder can say.
fn gbk_head_bytes(head: &str) -> Option<HeadBytes> {
    let mut out = HeadBytes { bytes: [0; 2 * HEAD_CHARS], len: 0 };
    for c in head.chars().take(HEAD_CHARS) {
        if c.is_ascii() {
            out.bytes[out.len] = c as u8;
            out.len += 1;
        } else {
            let pair = (*GBK_PAIRS.get(&c)?)?;
            out.bytes[out.len..out.len + 2].copy_from_slice(&pair);
            out.len += 2;
        }
    }
    Some(out)
}

/// The GBK bytes of a run's head, on the stack (this runs for every run of every page).
struct HeadBytes {
    bytes: [u8; 2 * HEAD_CHARS],
    len: usize,
}

/// How many characters of a run [`Wrong::surely_not_utf8`] encodes.
const HEAD_CHARS: usize = 8;

/// `run` in GBK (GB18030 for what GBK lacks), the way the GBK decoder could have read it.
///
/// The GBK decoder reads both the single byte 0x80 and the pair A2 E3 as `€`. For each `€`
/// the reading that keeps the bytes UTF-8-shaped is chosen (dynamic programming over the
/// number of continuation bytes still expected, so the work stays linear).
fn gbk_bytes(run: &str) -> Option<Vec<u8>> {
    let encode =
        |s: &str| encode_exact(encoding_rs::GBK, s).or_else(|| encode_exact(encoding_rs::GB18030, s));
    if !run.contains('€') {
        return encode(run);
    }
    let segments: Vec<Vec<u8>> = run.split('€').map(encode).collect::<Option<_>>()?;
    const EURO: [&[u8]; 2] = [&[0x80], &[0xA2, 0xE3]];
    // reach[i][state]: how state `state` was reached after segment i: (previous state,
    // choice for the € before segment i).
    let mut reach: Vec<[Option<(usize, usize)>; 4]> = Vec::with_capacity(segments.len());
    let mut first = [None; 4];
    if let Some(st) = utf8_step(0, &segments[0]) {
        first[st] = Some((0, 0));
    }
    reach.push(first);
    for seg in &segments[1..] {
        let prev = reach.last().expect("one entry per segment");
        let mut next = [None; 4];
        for (st, how) in prev.iter().enumerate() {
            if how.is_none() {
                continue;
            }
            for (choice, euro) in EURO.iter().enumerate() {
                if let Some(st2) = utf8_step(st, euro).and_then(|s| utf8_step(s, seg)) {
                    next[st2].get_or_insert((st, choice));
                }
            }
        }
        reach.push(next);
    }
    // Walk back from the state "no continuation pending".
    let mut choices = vec![0; segments.len()];
    let mut st = 0;
    for i in (0..segments.len()).rev() {
        let (prev, choice) = reach[i][st]?;
        choices[i] = choice;
        st = prev;
    }
    let mut bytes = segments[0].clone();
    for (seg, &choice) in segments[1..].iter().zip(&choices[1..]) {
        bytes.extend_from_slice(EURO[choice]);
        bytes.extend_from_slice(seg);
    }
    Some(bytes)
}

/// Continuation bytes still expected after `bytes`, starting with `pending` expected; `None`
/// when the bytes cannot be UTF-8 (a coarse check: the final one is `String::from_utf8`).
fn utf8_step(mut pending: usize, bytes: &[u8]) -> Option<usize> {
    for &b in bytes {
        pending = match (pending, b) {
            (p, 0x80..=0xBF) if p > 0 => p - 1,
            (0, 0x00..=0x7F) => 0,
            (0, 0xC2..=0xDF) => 1,
            (0, 0xE0..=0xEF) => 2,
            (0, 0xF0..=0xF4) => 3,
            _ => return None,
        };
    }
    Some(pending)
}

/// `run` in `enc`, or `None` at the first character `enc` cannot encode (no replacement
/// output is built).
fn encode_exact(enc: &'static Encoding, run: &str) -> Option<Vec<u8>> {
    let mut encoder = enc.new_encoder();
    let max = encoder.max_buffer_length_from_utf8_without_replacement(run.len())?;
    let mut bytes = vec![0; max];
    let (result, _, written) = encoder.encode_from_utf8_without_replacement(run, &mut bytes, true);
    if result != encoding_rs::EncoderResult::InputEmpty {
        return None;
    }
    bytes.truncate(written);
    Some(bytes)
}

/// An ASCII control byte that normalisation removes (not tab, LF or CR).
fn is_run_control(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7F
}

/// Maximal runs of non-ASCII characters, as byte ranges; a run goes on across control bytes
/// ([`is_run_control`]) that non-ASCII text follows.
fn runs(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let b = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() && b[i] < 0x80 {
            i += 1;
        }
        if i == b.len() {
            return None;
        }
        let start = i;
        loop {
            while i < b.len() && b[i] >= 0x80 {
                i += 1;
            }
            let mut j = i;
            while j < b.len() && is_run_control(b[j]) {
                j += 1;
            }
            if j > i && j < b.len() && b[j] >= 0x80 {
                i = j;
            } else {
                break;
            }
        }
        Some(start..i)
    })
}

/// Plausibility of one non-ASCII character as text, from -1 (what mojibake is made of) to 1
/// (a common CJK character):
///
/// | class | score |
/// | --- | --- |
/// | CJK ideograph in GB2312 level 1 (the 3755 common hanzi) | 1.0 |
/// | CJK ideograph in GB2312 level 2, or in Big5's common block (A440–C67E) | 0.5 |
/// | any other CJK ideograph (GBK/GB18030 extensions: where GBK mojibake of UTF-8 lands) | -1.0 |
/// | CJK punctuation, full-width forms, kana, Hangul syllables | 0.5 |
/// | other letters (Latin with diacritics, Greek, Cyrillic, …) | 0.5 |
/// | general punctuation (dashes, quotes, `…`, `•`), combining marks | 0.3 |
/// | Latin-1 symbols U+00A0–U+00BF, `×`, `÷`, other symbols | -0.5 |
/// | C1 controls, private use, U+FFFD, other controls | -1.0 |
pub fn char_score(c: char) -> f64 {
    match c {
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3FFFF}' => cjk_score(c),
        '\u{3000}'..='\u{30FF}' | '\u{FF01}'..='\u{FF60}' | '\u{AC00}'..='\u{D7A3}' => 0.5,
        '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' => 0.3,
        '\u{E000}'..='\u{F8FF}' | '\u{FFFD}' => -1.0,
        c if c.is_control() => -1.0,
        c if unicode_normalization::char::canonical_combining_class(c) != 0 => 0.3,
        '\u{A0}'..='\u{BF}' | '×' | '÷' => -0.5,
        c if c.is_alphabetic() => 0.5,
        _ => -0.5,
    }
}

fn cjk_score(c: char) -> f64 {
    let mut buf = [0u8; 4];
    let s = c.encode_utf8(&mut buf);
    let mut out = [0u8; 8];
    let (_, _, written) =
        encoding_rs::GB18030.new_encoder().encode_from_utf8_without_replacement(s, &mut out, true);
    if let [lead @ 0xB0..=0xF7, 0xA1..=0xFF] = out[..written] {
        return if lead <= 0xD7 { 1.0 } else { 0.5 };
    }
    let (_, _, written) =
        encoding_rs::BIG5.new_encoder().encode_from_utf8_without_replacement(s, &mut out, true);
    if let [0xA4..=0xC5, _] | [0xC6, ..=0x7E] = out[..written] {
        return 0.5;
    }
    -1.0
}

/// Sum of [`char_score`] over the non-ASCII characters of `s`, and their count.
fn score(s: &str) -> (f64, usize) {
    s.chars().filter(|c| !c.is_ascii()).fold((0.0, 0), |(sum, n), c| (sum + char_score(c), n + 1))
}

/// Mean [`char_score`] of the non-ASCII characters of `s` (0 when there are none).
pub fn plausibility(s: &str) -> f64 {
    let (sum, n) = score(s);
    if n == 0 { 0.0 } else { sum / n as f64 }
}

struct Candidate {
    wrong: Wrong,
    /// (run range, repaired text) of the runs to replace.
    fixes: Vec<(Range<usize>, String)>,
    /// The runs (without U+FFFD) that do not undo: genuine text, if the page is mojibake.
    failed: Vec<Range<usize>>,
    runs_left: usize,
    before: (f64, usize),
    after: (f64, usize),
}

impl Candidate {
    fn mean(x: (f64, usize)) -> f64 {
        if x.1 == 0 { 0.0 } else { x.0 / x.1 as f64 }
    }
    fn gain(&self) -> f64 {
        Self::mean(self.after) - Self::mean(self.before)
    }
}

/// After this many non-ASCII characters, a candidate whose exact runs do not already hold
/// two thirds of them is dropped: a page that went through a wrong decoder did so from its
/// first line, and ordinary text fails at once, so a long page costs only this much.
pub const EARLY_DECISION_CHARS: usize = 4096;

/// A run of non-ASCII text with what every encoding's try needs to know of it, found once.
struct Run {
    range: Range<usize>,
    /// Its characters…
    chars: usize,
    /// …of which normalisation removes this many (controls, zero-width).
    removable: usize,
    /// It holds U+FFFD: bytes were lost, it cannot be undone.
    lost: bool,
}

/// Measure the run `range` of `text` in one scan of its bytes: a character starts at every
/// byte that is not a UTF-8 continuation byte, and only a character whose first byte
/// [`crate::normalize::may_change`] accepts can be removable or U+FFFD (its lead byte EF), so
/// only those are decoded.
fn measure(text: &str, range: Range<usize>) -> Run {
    let (mut chars, mut removable, mut lost) = (0, 0, false);
    let b = text.as_bytes();
    for i in range.clone() {
        if b[i] & 0xC0 == 0x80 {
            continue;
        }
        chars += 1;
        if crate::normalize::may_change(b[i]) {
            let c = text[i..].chars().next().expect("i starts a character");
            removable += usize::from(crate::normalize::is_removable(c));
            lost |= c == '\u{FFFD}';
        }
    }
    Run { range, chars, removable, lost }
}

/// The runs of `text`, measured when a candidate first asks for them: ordinary text is
/// rejected after [`EARLY_DECISION_CHARS`] characters, so the rest of a long page is never
/// measured.
struct Runs<'a, I> {
    text: &'a str,
    ranges: I,
    measured: Vec<Run>,
}

impl<I: Iterator<Item = Range<usize>>> Runs<'_, I> {
    /// The `i`th run, measured now if no candidate asked for it before.
    fn get(&mut self, i: usize) -> Option<&Run> {
        while self.measured.len() <= i {
            let range = self.ranges.next()?;
            self.measured.push(measure(self.text, range));
        }
        self.measured.get(i)
    }
}

fn try_encoding<I: Iterator<Item = Range<usize>>>(
    text: &str,
    runs: &mut Runs<'_, I>,
    wrong: Wrong,
) -> Option<Candidate> {
    let mut cand = Candidate {
        wrong,
        fixes: Vec::new(),
        failed: Vec::new(),
        runs_left: 0,
        before: (0.0, 0),
        after: (0.0, 0),
    };
    let (mut exact_chars, mut failed_chars) = (0usize, 0usize);
    let mut next = 0;
    while let Some(r) = runs.get(next) {
        next += 1;
        let (run, n) = (r.range.clone(), r.chars);
        let s = &text[run.clone()];
        if r.lost {
            cand.runs_left += 1;
            continue;
        }
        // Characters that normalisation removes after this (controls, zero-width) may sit
        // inside a run without belonging to the mojibake: when the run does not undo whole,
        // they are set aside, the rest is undone, and they follow the repaired text, to be
        // removed and reported by normalisation as before. Otherwise a second decode, which no
        // longer sees them, repaired what the first left (`È\x0eª` is `Ȫ`; a stray byte read
        // as U+009D inside `æœŸâ‚€`; found by fuzzing).
        let undone = wrong.undo(s).or_else(|| {
            if r.removable == 0 {
                return None;
            }
            let (core, removed): (String, String) =
                s.chars().partition(|&c| !crate::normalize::is_removable(c));
            if core.is_empty() {
                return None;
            }
            wrong.undo(&core).map(|fixed| fixed + &removed)
        });
        match undone {
            None => {
                cand.runs_left += 1;
                cand.failed.push(run.clone());
                // Characters that normalisation removes (controls, zero-width) are not text
                // either way: counted, they made the decision differ from the one taken on
                // the decoded text, where they are gone (found by a property test).
                failed_chars += n - r.removable;
            }
            Some(fixed) => {
                exact_chars += n;
                // Scored without what normalisation removes: it is not text either way.
                let visible = |t: &str| -> (f64, usize) {
                    if t.chars().any(crate::normalize::is_removable) {
                        score(&t.chars().filter(|&c| !crate::normalize::is_removable(c)).collect::<String>())
                    } else {
                        score(t)
                    }
                };
                let before = visible(s);
                let after = visible(&fixed);
                cand.before = (cand.before.0 + before.0, cand.before.1 + before.1);
                cand.after = (cand.after.0 + after.0, cand.after.1 + after.1);
                cand.fixes.push((run, fixed));
            }
        }
        if exact_chars + failed_chars >= EARLY_DECISION_CHARS && exact_chars < 2 * failed_chars {
            return None;
        }
    }
    let ok = !cand.fixes.is_empty()
        && exact_chars >= 2 * failed_chars
        && Candidate::mean(cand.after) >= MIN_SCORE_AFTER
        && cand.gain() >= MIN_GAIN
        && !cand.shows_its_own_repair(text);
    ok.then_some(cand)
}

impl Candidate {
    /// True when what a repair would write already stands on the page as genuine text (a
    /// run that does not undo is, or holds, a repaired run's text): the page quotes mojibake
    /// next to what it stands for (`The sequence Ã© is what é looks like`). A page that went
    /// through a wrong decoder went through it whole, so none of its text is left ungarbled.
    fn shows_its_own_repair(&self, text: &str) -> bool {
        if self.failed.is_empty() {
            return false;
        }
        let fixed: rustc_hash::FxHashSet<&str> = self.fixes.iter().map(|(_, f)| f.as_str()).collect();
        self.failed.iter().any(|r| {
            let run = &text[r.clone()];
            fixed.contains(run) || run.char_indices().any(|(i, c)| fixed.contains(&run[i..i + c.len_utf8()]))
        })
    }
}

/// Repair `text` if it is mojibake (see the module docs); `None` when it is left alone.
pub fn repair(text: &str) -> Option<(String, MojibakeRepair)> {
    let (fixes, report) = repair_runs(text)?;
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (range, fixed) in &fixes {
        out.push_str(&text[last..range.start]);
        out.push_str(fixed);
        last = range.end;
    }
    out.push_str(&text[last..]);
    Some((out, report))
}

/// One repaired run: its byte range in the text, and the repaired text.
pub type RunFix = (Range<usize>, String);

/// The repairs of [`repair`] as (byte range in `text`, repaired text), in text order.
pub fn repair_runs(text: &str) -> Option<(Vec<RunFix>, MojibakeRepair)> {
    if text.is_ascii() {
        return None;
    }
    let mut runs = Runs { text, ranges: runs(text), measured: Vec::new() };
    let best = Wrong::ALL
        .into_iter()
        .filter_map(|w| try_encoding(text, &mut runs, w))
        .max_by(|a, b| a.gain().total_cmp(&b.gain()))?;
    let mut examples = Vec::new();
    let (mut chars_before, mut chars_after) = (0, 0);
    for (range, fixed) in &best.fixes {
        let before = &text[range.clone()];
        chars_before += before.chars().count();
        chars_after += fixed.chars().count();
        if examples.len() < MAX_EXAMPLES {
            examples.push(RepairExample {
                offset: range.start,
                before: before.to_string(),
                after: fixed.clone(),
            });
        }
    }
    let report = MojibakeRepair {
        wrong_encoding: best.wrong.name().to_string(),
        runs_repaired: best.fixes.len(),
        runs_left: best.runs_left,
        chars_before,
        chars_after,
        score_before: round3(Candidate::mean(best.before)),
        score_after: round3(Candidate::mean(best.after)),
        examples,
    };
    Some((best.fixes, report))
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The undo without its fast reject.
    fn slow_undo(w: Wrong, run: &str) -> Option<String> {
        let bytes = match w.encoding() {
            Some(enc) => {
                let bytes =
                    if enc == encoding_rs::GB18030 { gbk_bytes(run)? } else { encode_exact(enc, run)? };
                if enc.decode_without_bom_handling_and_without_replacement(&bytes)? != run {
                    return None;
                }
                bytes
            }
            None => run.chars().map(|c| u8::try_from(u32::from(c)).ok()).collect::<Option<_>>()?,
        };
        String::from_utf8(bytes).ok()
    }

    #[test]
    fn the_gbk_table_gives_the_encoders_bytes() {
        let mut checked = 0;
        for (&c, pair) in GBK_PAIRS.iter() {
            if let Some(pair) = pair {
                let s = c.to_string();
                if let Some(bytes) = encode_exact(encoding_rs::GBK, &s) {
                    assert_eq!(bytes, pair, "{c:?}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 21_000, "{checked}");
    }

    /// The measure of a run by its characters, as [`measure`] was before it scanned bytes.
    fn slow_measure(text: &str, range: Range<usize>) -> (usize, usize, bool) {
        let run = &text[range];
        (
            run.chars().count(),
            run.chars().filter(|&c| crate::normalize::is_removable(c)).count(),
            run.contains('\u{FFFD}'),
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, rng_seed: proptest::test_runner::RngSeed::Fixed(0x6d65_6173), ..ProptestConfig::default() })]
        /// Measuring a run's bytes counts what its characters count.
        #[test]
        fn runs_measure_as_their_characters(s in "[a\\x00-\\x1F\\x7F\\u{80}-\\u{9F}\\u{A0}-\\u{2FF}\\u{61C}\\u{180E}\\u{2000}-\\u{206F}\\u{4E00}-\\u{4E2F}\\u{FEFF}\\u{FFFD}\\u{FF0C}\\u{1F600}]{0,40}") {
            for range in runs(&s) {
                let m = measure(&s, range.clone());
                prop_assert_eq!((m.chars, m.removable, m.lost), slow_measure(&s, range));
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, rng_seed: proptest::test_runner::RngSeed::Fixed(0x6d6f_6a69), ..ProptestConfig::default() })]
        /// The fast reject never rejects a run that the full undo repairs: ordinary text,
        /// mojibake of it in every candidate encoding, and mixtures.
        #[test]
        fn the_fast_reject_changes_no_decision(s in "[\\u{80}-\\u{2FF}\\u{4E00}-\\u{4E2F}€“”é。，]{1,24}", garbled in any::<bool>()) {
            for w in Wrong::ALL {
                let run = match (garbled, w.encoding()) {
                    (true, Some(enc)) => garble(&s, enc),
                    (true, None) => latin1(&s),
                    (false, _) => s.clone(),
                };
                prop_assert_eq!(w.undo(&run), slow_undo(w, &run), "{:?} {:?}", w, run);
            }
        }
    }

    /// UTF-8 bytes of `s` read as `enc`, as a mojibake string.
    fn garble(s: &str, enc: &'static Encoding) -> String {
        enc.decode_without_bom_handling(s.as_bytes()).0.into_owned()
    }

    fn latin1(s: &str) -> String {
        s.bytes().map(char::from).collect()
    }

    /// Issue 21 item 5: text that discusses mojibake, showing the garbled form next to what
    /// it stands for, is left alone; the same garbled words without their genuine form are
    /// repaired.
    #[test]
    fn text_that_quotes_mojibake_beside_its_meaning_is_left_alone() {
        assert_eq!(repair("The sequence Ã© is what é looks like when UTF-8 is read as Latin-1."), None);
        assert_eq!(repair("鍏氬缓 is how 党建 looks in GBK"), None);
        assert_eq!(repair("The sequence Ã© is garbled").unwrap().0, "The sequence é is garbled");
        assert_eq!(repair("cafÃ© und Ã¼ber").unwrap().0, "café und über");
    }

    #[test]
    fn the_textbook_examples() {
        let (fixed, r) = repair("鍏氬缓").unwrap();
        assert_eq!(fixed, "党建");
        assert_eq!(r.wrong_encoding, "GB18030");
        assert!(r.score_after > r.score_before + MIN_GAIN);
        assert_eq!(garble("党建", encoding_rs::WINDOWS_1252), "å…šå»º");
        let (fixed, r) = repair("å…šå»º").unwrap();
        assert_eq!(fixed, "党建");
        assert_eq!(r.wrong_encoding, "windows-1252");
        assert_eq!(repair("cafÃ© und Ã¼ber").unwrap().0, "café und über");
        assert_eq!(repair("itâ€™s").unwrap().0, "it’s");
    }

    #[test]
    fn euro_is_read_back_as_0x80_or_a2_e3_whichever_fits() {
        // 一 ends in 0x80; 院、 has A2 E3 across the two characters: GBK reads both as €.
        for text in ["一是一", "院、是", "一院、一院、是"] {
            let garbled = garble(text, encoding_rs::GBK);
            assert!(garbled.contains('€') && !garbled.contains('\u{FFFD}'), "{garbled}");
            assert_eq!(Wrong::Gb18030.undo(&garbled).as_deref(), Some(text));
        }
    }

    #[test]
    fn traditional_chinese_mojibake_is_repaired() {
        let text = "中華民國的經濟發展與國際貿易關係";
        let garbled = garble(text, encoding_rs::GBK);
        assert!(!garbled.contains('\u{FFFD}'));
        assert_eq!(repair(&garbled).unwrap().0, text);
    }

    #[test]
    fn true_latin1_mojibake_with_c1_controls() {
        let garbled = latin1("党建…");
        assert!(garbled.contains('\u{85}'));
        let (fixed, r) = repair(&garbled).unwrap();
        assert_eq!(fixed, "党建…");
        assert_eq!(r.wrong_encoding, "ISO-8859-1");
    }

    #[test]
    fn gbk_mojibake_that_swallowed_ascii_is_repaired() {
        // 党 is three bytes; the odd last byte pairs with the ASCII 'A' in GBK.
        let garbled = garble("党A", encoding_rs::GBK);
        assert_eq!(garbled.chars().count(), 2);
        assert_eq!(repair(&garbled).unwrap().0, "党A");
    }

    #[test]
    fn runs_that_lost_bytes_are_left_alone() {
        // 党建强 is 9 bytes: the odd byte before the newline is lost to U+FFFD. In 一是一，二是
        // the 0x80 of 一 is read as the single-byte €, so that run loses its last byte too.
        let garbled = garble("党建强\n中华人民共和\n一是一，二是\n", encoding_rs::GBK);
        assert_eq!(garbled.matches('\u{FFFD}').count(), 2);
        let (fixed, r) = repair(&garbled).unwrap();
        let lines: Vec<_> = garbled.lines().collect();
        assert_eq!(fixed, format!("{}\n中华人民共和\n{}\n", lines[0], lines[2]));
        assert_eq!((r.runs_repaired, r.runs_left), (1, 2));
    }

    #[test]
    fn ordinary_text_is_not_repaired() {
        for text in [
            "党建强，则根基稳。一是一，二是二。",
            "中华人民共和国成立于1949年10月1日。",
            "Les élèves étaient là, à côté de l’église.",
            "Über Öl und Äpfel: Größe, Maß, naïve.",
            "Ελληνικά και русский текст",
            "日本語のテキストとカタカナ",
            "한국어 텍스트",
            "鍏 is a rare character, and so are 氬 and 龘 in 党建强。",
            "Prices: £5, 30°C, © 2024, ½ cup, § 3",
            "“引号”——破折号……省略号",
        ] {
            assert_eq!(repair(text).map(|r| r.0), None, "{text}");
        }
    }

    #[test]
    fn a_genuine_page_with_one_exact_run_is_left_alone() {
        // A GBK char whose bytes happen to be valid UTF-8 (a 2-byte sequence), among
        // ordinary text that does not round-trip.
        let mut odd = None;
        for c in '\u{4E00}'..='\u{9FA5}' {
            let s = c.to_string();
            if Wrong::Gb18030.undo(&s).is_some() && cjk_score(c) == 1.0 {
                odd = Some(s);
                break;
            }
        }
        let odd = odd.expect("some common hanzi is valid UTF-8 in GBK");
        let text = format!("{odd} 党建强，则根基稳。一是一，二是二。");
        assert_eq!(repair(&text).map(|r| r.0), None);
        // Alone, the repair would make it less plausible (a Latin/Greek/Cyrillic letter).
        assert_eq!(repair(&odd).map(|r| r.0), None);
    }

    #[test]
    fn scores_rank_common_above_rare() {
        assert_eq!(char_score('党'), 1.0);
        assert_eq!(char_score('鍏'), -1.0);
        assert!(char_score('é') > char_score('©'));
        assert!(plausibility("党建") > plausibility("鍏氬缓"));
        assert_eq!(plausibility("ascii"), 0.0);
    }

    #[test]
    fn runs_split_on_ascii() {
        let t = "ab党建 c强\n";
        let r: Vec<_> = runs(t).map(|r| &t[r]).collect();
        assert_eq!(r, ["党建", "强"]);
    }
}
