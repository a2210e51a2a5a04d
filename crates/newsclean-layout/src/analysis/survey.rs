//! The folder is evidence: the lines that repeat near the top or bottom of the pages of one
//! folder (or one batch), digits and dates folded, are page furniture evidence for every page
//! of it (issue #18).
//!
//! # What it does
//! [`SurveyBuilder::add_page`] reads the first and last [`BAND_LINES`] lines of a page (a
//! quarter of a short page at most; not counting lines that are furniture by their shape
//! alone, which every page loses anyway),
//! folds each ([`fold`]: runs of digits, full-width too, the Chinese numerals of dates, issues
//! and page labels, the day of a weekday, a sexagenary year, Latin month and weekday names
//! and runs of spaces masked, so `第3版` and `第12版`, `2024年5月6日` and `2024年5月7日`,
//! `Tuesday, March 3, 1925` and `Wednesday, March 4, 1925` are one line) and counts on how many
//! pages each folded line stood, and in which band. [`SurveyBuilder::finish`] keeps the lines
//! seen on at least [`min_pages`] pages: three, and a quarter of the folder's pages. The
//! classify stage (`classify::evidence::classify_repeated`) reads the result through
//! `Context::survey`.
//!
//! The same folding is what `newsclean learn` masks ([`shape`]), so the two agree on which
//! lines are alike.
//!
//! # When it must not fire
//! Clean text (no blank line, no hard-wrapped column: `text::shows_raw_layout`) and a page of
//! fewer than [`MIN_PAGE_LINES`] lines have no bands; copies of one page count
//! once; a line seen right above a byline anywhere on a page of the folder is a headline (an
//! article printed on several of its pages), never kept. A line that is long ([`MAX_CHARS`]), that has sentence or clause punctuation in it, that
//! has fewer than two letters or ideographs of its own (a bare page number), a byline or a
//! dateline is never counted; a line seen on one or two pages, or on fewer than a quarter of
//! the folder's pages (the headline of an article that also runs in another paper of a mixed
//! folder), is not kept. A page's output depends only on the page, its configuration and
//! the survey, which depends only on the set of pages (counts are summed, so the order the
//! pages are read in does not matter).

use std::collections::{HashMap, HashSet};

use newsclean_core::chars::{is_cjk, is_hspace};
use newsclean_core::survey::survey_key;
use newsclean_core::{Repeat, Script, Survey};

/// How many lines from the page's top and bottom count as its bands, at most ([`band_size`]).
pub const BAND_LINES: usize = 8;

/// The lines of a band on a page of `lines` lines (not counting furniture): [`BAND_LINES`], but
/// a quarter of the page at most, so that the middle of a short page (a poem, a brief article)
/// is never an edge.
pub fn band_size(lines: usize) -> usize {
    BAND_LINES.min(lines / 4).max(1)
}

/// A page of fewer lines (not counting furniture) has no bands: it is surveyed as a page of
/// the folder, but none of its lines counts, and none is taken for furniture by the survey.
pub const MIN_PAGE_LINES: usize = 12;

/// The longest line (in characters) that counts.
pub const MAX_CHARS: usize = 40;

/// A line must repeat on at least this many pages...
pub const MIN_PAGES: u32 = 3;

/// ...and on at least this share of the folder's pages (one in [`MIN_SHARE_OF`]).
pub const MIN_SHARE_OF: u32 = 4;

/// The pages a line must repeat on in a folder of `pages` pages: [`MIN_PAGES`], and a
/// quarter of the pages.
pub fn min_pages(pages: u32) -> u32 {
    MIN_PAGES.max(pages.div_ceil(MIN_SHARE_OF))
}

/// One masked or literal piece of a line's shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tok {
    /// A character kept as it is.
    Lit(char),
    /// A run of digits (ASCII or full-width).
    Digits,
    /// Chinese numerals of a date, an issue or a page label (三月, 第四版, 十九 after 月, 初五).
    HanNumber,
    /// The day of a weekday (星期五).
    WeekDay,
    /// A sexagenary year (癸卯年).
    CyclicYear,
    /// A run of spaces.
    Space,
    /// A Latin month's name, any case (March, MARS, marzo: [`LATIN_MONTHS`]).
    LatinMonth,
    /// A Latin weekday's name, any case (Tuesday, mardi: [`LATIN_WEEKDAYS`]).
    LatinWeekday,
}

/// The months' names [`shape`] masks, lower case (English, French, Italian, German, Spanish).
pub const LATIN_MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "dicembre",
    "januar",
    "februar",
    "märz",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "enero",
    "febrero",
    "abril",
    "mayo",
    "junio",
    "julio",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

/// The weekdays' names [`shape`] masks, lower case.
pub const LATIN_WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "lunedì",
    "martedì",
    "mercoledì",
    "giovedì",
    "venerdì",
    "sabato",
    "domenica",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
];

/// The shape of a trimmed line, and which digit forms (ASCII, full-width) each digit run used.
pub fn shape(line: &str) -> (Vec<Tok>, Vec<(bool, bool)>) {
    const HAN_NUM: &str = "〇零一二三四五六七八九十廿卅百千";
    const STEMS: &str = "甲乙丙丁戊己庚辛壬癸";
    const BRANCHES: &str = "子丑寅卯辰巳午未申酉戌亥";
    let cs: Vec<char> = line.chars().collect();
    let mut toks = Vec::new();
    let mut digits = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        if c.is_ascii_digit() || ('０'..='９').contains(&c) {
            let (mut ascii, mut full) = (false, false);
            while i < cs.len() && (cs[i].is_ascii_digit() || ('０'..='９').contains(&cs[i])) {
                if cs[i].is_ascii_digit() {
                    ascii = true;
                } else {
                    full = true;
                }
                i += 1;
            }
            toks.push(Tok::Digits);
            digits.push((ascii, full));
            continue;
        }
        if is_hspace(c) {
            while i < cs.len() && is_hspace(cs[i]) {
                i += 1;
            }
            toks.push(Tok::Space);
            continue;
        }
        // The day of a weekday: 星期五, 礼拜一.
        if i >= 2
            && matches!((cs[i - 2], cs[i - 1]), ('星', '期') | ('礼', '拜'))
            && "一二三四五六日天".contains(c)
        {
            toks.push(Tok::WeekDay);
            i += 1;
            continue;
        }
        // A sexagenary year: 癸卯年.
        if STEMS.contains(c)
            && cs.get(i + 1).is_some_and(|b| BRANCHES.contains(*b))
            && cs.get(i + 2) == Some(&'年')
        {
            toks.push(Tok::CyclicYear);
            i += 2;
            continue;
        }
        // Chinese numerals of a date, an issue or a page: 二月, 第四版, 十九 after 月, 初五.
        if HAN_NUM.contains(c) || (c == '初' && cs.get(i + 1).is_some_and(|n| HAN_NUM.contains(*n))) {
            let start = i;
            i += 1;
            while i < cs.len() && HAN_NUM.contains(cs[i]) {
                i += 1;
            }
            let before = start.checked_sub(1).map(|b| cs[b]);
            let after = cs.get(i).copied();
            let dated = after.is_some_and(|a| "年月日号期版届".contains(a))
                || before.is_some_and(|b| b == '月' || b == '第')
                || cs[start] == '初';
            if dated {
                toks.push(Tok::HanNumber);
            } else {
                toks.extend(cs[start..i].iter().map(|&c| Tok::Lit(c)));
            }
            continue;
        }
        // A Latin month's or weekday's name, a whole word: `Tuesday, March 3` and
        // `Wednesday, April 4` are one line.
        if c.is_alphabetic() && !is_cjk(c) && (i == 0 || !cs[i - 1].is_alphabetic()) {
            let end = (i..cs.len()).find(|&j| !cs[j].is_alphabetic()).unwrap_or(cs.len());
            if (3..=10).contains(&(end - i)) {
                let word: String = cs[i..end].iter().flat_map(|c| c.to_lowercase()).collect();
                let tok = if LATIN_MONTHS.contains(&word.as_str()) {
                    Some(Tok::LatinMonth)
                } else if LATIN_WEEKDAYS.contains(&word.as_str()) {
                    Some(Tok::LatinWeekday)
                } else {
                    None
                };
                if let Some(tok) = tok {
                    toks.push(tok);
                    i = end;
                    continue;
                }
            }
        }
        toks.push(Tok::Lit(c));
        i += 1;
    }
    (toks, digits)
}

/// The folded form of a line: its [`shape`] written out, each masked piece as a character of
/// its own from the private use area.
pub fn fold(line: &str) -> String {
    shape(line.trim())
        .0
        .into_iter()
        .map(|t| match t {
            Tok::Lit(c) => c,
            Tok::Digits => '\u{F8F0}',
            Tok::HanNumber => '\u{F8F1}',
            Tok::WeekDay => '\u{F8F2}',
            Tok::CyclicYear => '\u{F8F3}',
            Tok::Space => ' ',
            Tok::LatinMonth => '\u{F8F4}',
            Tok::LatinWeekday => '\u{F8F5}',
        })
        .collect()
}

/// True for a line that may count as repeated furniture: short, no sentence or clause
/// punctuation, at least two letters or ideographs that are not masked, no byline or
/// dateline.
pub fn may_count(line: &str) -> bool {
    let t = line.trim();
    let n = t.chars().count();
    if n == 0 || n > MAX_CHARS {
        return false;
    }
    if crate::text::ends_sentence(t)
        || t.contains(['。', '！', '？', '；', '，', '!', '?', ';'])
        || t.contains(". ")
        || t.contains(", ") && t.split_whitespace().count() > 6
    {
        return false;
    }
    // A line that opens in lower case goes on from the line before it (a wrapped title's or
    // paragraph's tail: `bus`, `prolongée`).
    if t.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    let letters =
        shape(t).0.iter().filter(|t| matches!(t, Tok::Lit(c) if c.is_alphabetic() || is_cjk(*c))).count();
    letters >= 2 && crate::text::cells(t) >= 4.0 && !is_byline(t) && !crate::text::starts_dateline(t)
}

/// A byline, CJK (`本报记者 王强`) or Latin (`By John Smith`, `par Luc Moreau`, `di Marco Rossi`).
pub fn is_byline(t: &str) -> bool {
    let t = t.trim();
    if crate::byline::byline_form(t).is_some() {
        return true;
    }
    let mut words = t.split_whitespace();
    let first = words.next().unwrap_or_default();
    // In any case (`BY`, `Par`), compared without a lower-case copy: no character outside
    // ASCII lower-cases to these words (only the Kelvin sign lower-cases to ASCII, to `k`).
    LATIN_BYLINE_WORDS.iter().any(|w| first.eq_ignore_ascii_case(w))
        && words.next().is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// The words a Latin byline opens with, lower case ([`is_byline`]).
const LATIN_BYLINE_WORDS: [&str; 9] = ["by", "par", "di", "da", "von", "por", "de", "dal", "della"];

/// The lines of `text` in its top and bottom bands: the first and last [`band_size`]
/// non-blank lines, not counting lines that are furniture by their shape alone. A line in
/// both (a short page) is in the top band only.
///
/// Only the lines the answer depends on are classified (furniture's shapes are the costly
/// part, a regex or more a line): the first and last [`BAND_LINES`] kept lines, and the
/// middle until [`FULL_BANDS_FROM`] kept lines are known, past which the bands are full; a
/// test compares it with classifying every line.
pub fn band_lines(text: &str) -> (Vec<&str>, Vec<&str>) {
    let cjk = crate::analysis::script(text) != Script::Latin;
    let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let kept = |l: &str| crate::furniture::furniture_kind(l, cjk).is_none();
    let mut top: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < lines.len() && top.len() < BAND_LINES {
        if kept(lines[i]) {
            top.push(lines[i]);
        }
        i += 1;
    }
    let mut bottom: Vec<&str> = Vec::new();
    let mut j = lines.len();
    while j > i && bottom.len() < BAND_LINES {
        j -= 1;
        if kept(lines[j]) {
            bottom.push(lines[j]);
        }
    }
    let mut count = top.len() + bottom.len();
    while i < j && count < FULL_BANDS_FROM {
        if kept(lines[i]) {
            count += 1;
        }
        i += 1;
    }
    if count >= FULL_BANDS_FROM {
        bottom.reverse();
        return (top, bottom);
    }
    // A short page: every line is classified by now.
    let lines: Vec<&str> = lines.into_iter().filter(|l| kept(l)).collect();
    bands_of(&lines)
}

/// A page of this many kept lines or more has full bands of [`BAND_LINES`] lines
/// ([`band_size`] gives a quarter of a shorter page).
pub const FULL_BANDS_FROM: usize = 4 * BAND_LINES;

/// The top and bottom bands of a page's kept lines.
fn bands_of<'a>(lines: &[&'a str]) -> (Vec<&'a str>, Vec<&'a str>) {
    if lines.len() < MIN_PAGE_LINES {
        return (Vec::new(), Vec::new());
    }
    let band = band_size(lines.len());
    let top = lines.len().min(band);
    let bottom_from = lines.len().saturating_sub(band).max(top);
    (lines[..top].to_vec(), lines[bottom_from..].to_vec())
}

/// What one page adds to its folder's survey: its key (copies count once), the headlines
/// seen above a byline on it, and its band lines, folded. Worked out on its own, so a
/// folder's pages can be read on several threads and counted by [`SurveyBuilder::add`] in a
/// fixed order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageSurvey {
    key: u64,
    headlines: Vec<u64>,
    lines: Vec<(u64, Repeat)>,
}

impl PageSurvey {
    /// The survey of one page's decoded text.
    pub fn of(text: &str) -> Self {
        Self::with_key(text, survey_key(text))
    }

    /// [`PageSurvey::of`] `text`, whose [`survey_key`] is `key`.
    fn with_key(text: &str, key: u64) -> Self {
        let mut out = PageSurvey { key, ..PageSurvey::default() };
        // Clean text (no blank line, no hard-wrapped column) has no page bands left: a
        // folder of clean output finds nothing, so cleaning it again changes nothing.
        if !crate::text::shows_raw_layout(text) {
            return out;
        }
        let mut prev: Option<&str> = None;
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if let Some(p) = prev
                && is_byline(line)
                && may_count(p)
            {
                out.headlines.push(survey_key(&fold(p)));
            }
            prev = Some(line);
        }
        let (top, bottom) = band_lines(text);
        let mut page: HashMap<u64, Repeat> = HashMap::new();
        for (lines, at_top) in [(top, true), (bottom, false)] {
            for l in lines.into_iter().filter(|l| may_count(l)) {
                let r = page.entry(survey_key(&fold(l))).or_default();
                r.pages = 1;
                if at_top {
                    r.top = 1;
                } else {
                    r.bottom = 1;
                }
            }
        }
        out.lines = page.into_iter().collect();
        out.lines.sort_unstable_by_key(|&(k, _)| k);
        out
    }
}

/// Pages met by several threads, each surveyed once: the first thread to claim a page (by
/// its text's key, within a scope such as its folder) works out its [`PageSurvey`]; a copy
/// met since, on any thread, is only claimed. [`SurveyBuilder::add`] counts a copy once
/// anyway: the claims only spare the work.
#[derive(Debug, Default)]
pub struct SurveyClaims {
    claimed: std::sync::Mutex<HashSet<(usize, u64)>>,
}

impl SurveyClaims {
    /// No page claimed yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// The survey of `text` in `scope`, or `None` when a copy of it was claimed there before.
    pub fn survey(&self, scope: usize, text: &str) -> Option<PageSurvey> {
        let key = survey_key(text);
        let first =
            self.claimed.lock().unwrap_or_else(std::sync::PoisonError::into_inner).insert((scope, key));
        first.then(|| PageSurvey::with_key(text, key))
    }
}

/// Counts repeated lines over the pages of one folder.
#[derive(Clone, Debug, Default)]
pub struct SurveyBuilder {
    pages: u32,
    seen: HashMap<u64, Repeat>,
    /// The hashes of the pages counted: a copy of a page counted already counts nothing.
    texts: HashSet<u64>,
    /// Lines seen right above a byline on some page, anywhere on it: headlines, never
    /// furniture (an article printed on several pages of the folder).
    headlines: HashSet<u64>,
}

impl SurveyBuilder {
    /// No pages yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Count the band lines of one page (its decoded text). A page with the same text as one
    /// counted already (a copy) counts nothing: copies of one page are no evidence that its
    /// lines are furniture.
    pub fn add_page(&mut self, text: &str) {
        let key = survey_key(text);
        if !self.texts.contains(&key) {
            self.add(PageSurvey::with_key(text, key));
        }
    }

    /// Count one page worked out by [`PageSurvey::of`] (on any thread): the same as
    /// [`SurveyBuilder::add_page`] of its text.
    pub fn add(&mut self, page: PageSurvey) {
        if !self.texts.insert(page.key) {
            return;
        }
        self.pages += 1;
        self.headlines.extend(page.headlines);
        for (k, r) in page.lines {
            self.seen.entry(k).or_default().merge(r);
        }
    }

    /// Add the pages counted by another builder of the same folder, which must hold other
    /// pages (a copy of a page counted by both is counted twice).
    pub fn merge(&mut self, other: SurveyBuilder) {
        self.pages += other.pages;
        self.texts.extend(other.texts);
        self.headlines.extend(other.headlines);
        for (k, r) in other.seen {
            self.seen.entry(k).or_default().merge(r);
        }
    }

    /// How many pages were counted.
    pub fn pages(&self) -> u32 {
        self.pages
    }

    /// The survey: the lines seen on at least [`min_pages`] pages.
    pub fn finish(self) -> Survey {
        let need = min_pages(self.pages);
        let headlines = self.headlines;
        let lines =
            self.seen.into_iter().filter(|(k, r)| r.pages >= need && !headlines.contains(k)).collect();
        Survey::new(self.pages, lines)
    }
}

/// The survey of a set of page texts, in one call.
pub fn survey<'a>(pages: impl IntoIterator<Item = &'a str>) -> Survey {
    let mut b = SurveyBuilder::new();
    for p in pages {
        b.add_page(p);
    }
    b.finish()
}

/// Where `line` repeats in `survey`, if it may count at all.
pub fn repeats(survey: &Survey, line: &str) -> Option<Repeat> {
    if !may_count(line) {
        return None;
    }
    survey.get(&fold(line))
}

#[cfg(test)]
pub(crate) mod tests {
    /// [`band_lines`] classifies only the lines it needs; the answer is the one of classifying
    /// every line.
    #[test]
    fn band_lines_is_the_bands_of_every_line_classified() {
        fn reference(text: &str) -> (Vec<&str>, Vec<&str>) {
            let cjk = crate::analysis::script(text) != Script::Latin;
            let lines: Vec<&str> = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && crate::furniture::furniture_kind(l, cjk).is_none())
                .collect();
            bands_of(&lines)
        }
        assert_eq!(band_size(FULL_BANDS_FROM), BAND_LINES);
        assert!(band_size(FULL_BANDS_FROM - 1) < BAND_LINES);
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
        let mut pages: Vec<String> = std::fs::read_dir(seeds)
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .collect();
        // Pages of every length around the thresholds, with furniture lines among them.
        let furniture = ["第3版", "2024年5月6日 星期一", "- 12 -", "Page 4", "Tuesday, March 3, 1925"];
        for n in 0..48 {
            let mut page = String::new();
            for k in 0..n {
                if k % 5 == 0 {
                    page.push_str(furniture[k % furniture.len()]);
                    page.push('\n');
                }
                page.push_str(&format!("正文第{k}行的文字内容\n\n"));
            }
            pages.push(page);
        }
        for page in &pages {
            assert_eq!(band_lines(page), reference(page));
        }
    }

    use super::*;

    /// `lines` hard-wrapped lines of article text, different on every page `n` (a sentence
    /// ends every fourth line); the classify tests read it too.
    pub(crate) fn body_lines(n: usize, lines: usize) -> String {
        let pool: Vec<char> = "春夏秋冬东南西北上下左右前后天地人和山水日月风云江河湖海".chars().collect();
        let mut out = String::new();
        for k in 0..lines {
            let line: String = (0..14)
                .map(|j| {
                    let x = ((n * 1000 + k * 50 + j) as u64).wrapping_mul(2_654_435_761) >> 7;
                    pool[(x % pool.len() as u64) as usize]
                })
                .collect();
            out.push_str(&line);
            out.push_str(if k % 4 == 3 { "。\n" } else { "\n" });
        }
        out
    }

    fn body(n: usize) -> String {
        body_lines(n, 12)
    }

    fn page(n: usize) -> String {
        format!("桐屿晚报\n第{}版 城市新闻周刊\n{}\n桐屿晚报社 新闻热线 {}\n", n + 1, body(n), 80000 + n)
    }

    #[test]
    fn digits_and_dates_fold() {
        assert_eq!(fold("第3版"), fold("第12版"));
        assert_eq!(fold("第三版"), fold("第十二版"));
        assert_eq!(fold("2024年5月6日"), fold("2024年5月7日"));
        assert_eq!(fold("2024年5月6日 星期一"), fold("２０２４年１２月３０日  星期日"));
        assert_eq!(fold("Page 3"), fold("Page  12"));
        // Latin months and weekdays, in any case, as whole words only.
        assert_eq!(
            fold("THE DAILY BUGLE Tuesday, March 3, 1925"),
            fold("THE DAILY BUGLE Wednesday, April 14, 1925")
        );
        assert_eq!(fold("MARS 2025 | Le Courrier"), fold("JUIN 2025 | Le Courrier"));
        assert_ne!(fold("Marshall Street"), fold("Junell Street"));
        assert_eq!(fold("Marshall"), "Marshall");
        assert_ne!(fold("城市观察"), fold("城市观点"));
        // Numerals that are words stay.
        assert_eq!(fold("一心一意"), "一心一意");
        // The same as learn's shapes.
        assert_eq!(shape("总第5134期").0, shape("总第５２６２期").0);
    }

    #[test]
    fn repeated_edge_lines_are_found() {
        let pages: Vec<String> = (0..6).map(page).collect();
        let s = survey(pages.iter().map(String::as_str));
        assert_eq!(s.pages(), 6);
        let paper = repeats(&s, "桐屿晚报").expect("the paper's name");
        assert_eq!((paper.pages, paper.top, paper.bottom), (6, 6, 0));
        let label = repeats(&s, "第99版 城市新闻周刊").expect("the page label, its number folded");
        assert_eq!(label.pages, 6);
        let footer = repeats(&s, "桐屿晚报社 新闻热线 12345").expect("the footer");
        assert_eq!((footer.pages, footer.bottom), (6, 6));
        // Nothing of the articles.
        for p in &pages {
            for l in body(0).lines().chain(p.lines().skip(2).take(12)) {
                assert!(repeats(&s, l).is_none(), "{l}");
            }
        }
    }

    #[test]
    fn lines_on_one_or_two_pages_or_a_small_share_are_not_kept() {
        // On two pages only.
        let mut pages: Vec<String> = (0..6).map(|n| format!("{}\n{}", body(n), body(n + 9))).collect();
        pages[0].insert_str(0, "城市观察\n");
        pages[3].insert_str(0, "城市观察\n");
        let s = survey(pages.iter().map(String::as_str));
        assert!(repeats(&s, "城市观察").is_none());
        // On three pages of twenty (a headline of an article that also ran in other papers).
        let mut pages: Vec<String> = (0..20).map(|n| format!("{}\n{}", body(n), body(n + 40))).collect();
        for k in [2, 9, 15] {
            pages[k].insert_str(0, "两面锦旗唱响营商环境创优曲\n");
        }
        let s = survey(pages.iter().map(String::as_str));
        assert_eq!(min_pages(20), 5);
        assert!(repeats(&s, "两面锦旗唱响营商环境创优曲").is_none());
        assert!(s.is_empty());
    }

    #[test]
    fn body_lines_and_sentences_never_count() {
        // The same paragraph on every page, in the top band: its lines have punctuation or
        // are long, and a line of it alone is mid-page.
        let para = "全市上下要坚定信心，\n携手奋斗，共克时艰。\n";
        let pages: Vec<String> = (0..6).map(|n| format!("{para}\n{}\n{para}", body(n))).collect();
        let s = survey(pages.iter().map(String::as_str));
        assert!(s.is_empty(), "{} lines", s.len());
        assert!(!may_count("全市上下要坚定信心，"));
        assert!(!may_count("The council met on Monday."));
        assert!(!may_count("本报记者 王强"));
        assert!(!may_count("12"));
        assert!(!may_count("本报讯 昨天"));
        assert!(may_count("The Eastwick Ledger"));
        // Latin bylines in any case; not a word that only starts like one.
        for b in ["By John Smith", "BY JOHN SMITH", "bY Jane", "PAR Luc Moreau", "della Rossi Marco"] {
            assert!(is_byline(b), "{b}");
        }
        for not in ["Bye Bye", "by john", "Byron Smith", "By"] {
            assert!(!is_byline(not), "{not}");
        }
        // Latin bylines, the lower-case tail of a wrapped title, a short word.
        assert!(!may_count("By John Smith"));
        assert!(!may_count("par Luc Moreau"));
        assert!(!may_count("prolongée"));
        assert!(!may_count("La"));
    }

    #[test]
    fn a_line_shared_in_the_middle_of_articles_is_not_found() {
        // Poems or clean articles that share a refrain in their middle: only the edges count.
        let pages: Vec<String> = (0..6)
            .map(|n| {
                let b = body(n);
                let mid = b.char_indices().filter(|&(_, c)| c == '\n').nth(5).unwrap().0 + 1;
                let (a, c) = b.split_at(mid);
                format!("{a}一起向未来\n{c}\n{}", body(n + 9))
            })
            .collect();
        let s = survey(pages.iter().map(String::as_str));
        assert!(repeats(&s, "一起向未来").is_none());
    }

    #[test]
    fn a_headline_seen_above_its_byline_is_never_kept() {
        // An article printed on every page: its title at the top (the extractor moved it
        // there) and, on one page, above its byline.
        let mut pages: Vec<String> = (0..6).map(|n| format!("旧桥将整修一新\n{}", page(n))).collect();
        pages[4].push_str("旧桥将整修一新\n本报记者 王强\n");
        let s = survey(pages.iter().map(String::as_str));
        assert!(repeats(&s, "旧桥将整修一新").is_none());
        assert!(repeats(&s, "桐屿晚报").is_some());
    }

    #[test]
    fn copies_of_a_page_and_short_pages_are_no_evidence() {
        // The same page five times: one page.
        let copies: Vec<String> = (0..5).map(|_| page(1)).collect();
        let s = survey(copies.iter().map(String::as_str));
        assert_eq!(s.pages(), 1);
        assert!(s.is_empty());
        // Short pages sharing their title and first line.
        let short: Vec<String> = (0..5).map(|n| format!("标题\n\n正文第一段\n第{n}段正文\n")).collect();
        assert!(survey(short.iter().map(String::as_str)).is_empty());
    }

    #[test]
    fn deterministic_whatever_the_order() {
        let pages: Vec<String> = (0..9).map(page).collect();
        let a = survey(pages.iter().map(String::as_str));
        let b = survey(pages.iter().rev().map(String::as_str));
        assert_eq!(a, b);
        // Split into two builders and merged.
        let (mut x, mut y) = (SurveyBuilder::new(), SurveyBuilder::new());
        for (i, p) in pages.iter().enumerate() {
            if i % 2 == 0 { x.add_page(p) } else { y.add_page(p) }
        }
        y.merge(x);
        assert_eq!(y.finish(), a);
        // Each page worked out on its own and counted in order (as the command line's
        // workers do), copies among them.
        let mut c = SurveyBuilder::new();
        for p in pages.iter().chain(&pages[..3]) {
            c.add(PageSurvey::of(p));
        }
        assert_eq!(c.pages(), 9);
        assert_eq!(c.finish(), a);
        // Claimed on several threads: a copy in one scope is surveyed once, in another again.
        let claims = SurveyClaims::new();
        assert_eq!(claims.survey(0, &pages[0]), Some(PageSurvey::of(&pages[0])));
        assert_eq!(claims.survey(0, &pages[0]), None);
        assert_eq!(claims.survey(1, &pages[0]), Some(PageSurvey::of(&pages[0])));
    }
}
