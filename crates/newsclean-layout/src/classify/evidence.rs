//! Furniture shapes that carry over from paper to paper, in Latin and CJK scripts: what a
//! line is made of, not which strings one paper prints. Each shape names the evidence that
//! decided it, for the note of the edit that removes the line.
//!
//! A shape is *strong* when the whole line is made of furniture parts (a date and nothing but
//! date words; a page reference after a continuation word; a role and names, and nothing
//! else): such a line is furniture wherever it stands. It is *weak* when prose could print
//! the same line (a street address, a page number beside a name in capitals): then the line
//! must also stand where furniture stands (the page's top or bottom band, beside other
//! furniture) — [`weak_kind`].
//!
//! # When it must not fire
//! A line that ends a sentence (`The council met on March 3, 1925.`), that holds more than
//! the shape's parts (`Continued on page 4 of the report, the figures show`), or that is
//! longer than furniture is; a weak shape away from the page's edges.

use std::sync::LazyLock;

use regex::Regex;

macro_rules! re {
    ($name:ident, $pat:expr) => {
        static $name: LazyLock<Regex> = LazyLock::new(|| Regex::new($pat).expect("valid regex"));
    };
}

const MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|November|December|\
Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?|\
janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|\
gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre|\
Januar|Februar|März|Juni|Juli|Oktober|Dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre";
const WEEKDAYS: &str = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\
Mon\\.?|Tues?\\.?|Wed\\.?|Thurs?\\.?|Fri\\.?|Sat\\.?|Sun\\.?|\
lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|\
lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|\
Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|lunes|martes|miércoles|jueves|viernes|sábado|domingo";

re!(
    LATIN_DATE_TOKEN,
    &format!(
        r"(?i)\b(?:{MONTHS}|{WEEKDAYS})(?:\b|$)|\b\d{{1,2}}(?:st|nd|rd|th|er|°)?\b|\b(?:1[6-9]|20)\d\d\b|\b\d{{1,2}}[./-]\d{{1,2}}[./-](?:\d{{4}}|\d\d)\b"
    )
);
re!(LATIN_MONTH, &format!(r"(?i)\b(?:{MONTHS})(?:\b|$)"));
re!(NUMERIC_DATE, r"\b\d{1,2}[./-]\d{1,2}[./-]\d{4}\b|\b\d{4}[./-]\d{1,2}[./-]\d{1,2}\b");
re!(DAY, r"\b(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th|er|°)?\b");
// A jump line: a continuation word (continued, turn to, see, suite, segue), perhaps a
// preposition and a section's name in capitals, then the page reference ending the line.
re!(
    JUMP_LINE,
    r"^[\s(\[●■▶►→•]*(?i:(?:continued|cont'd|cont\.|please\s+turn|turn|see|suite|segue|seguito|voir|fortsetzung|sigue|more)\s*)?(?i:(?:on|to|from|en|de\s+la|à\s+la|a|alla|dalla|da|auf|at|in)\s+)?(?:[A-Z][A-Z'&\-]+(?:\s+[A-Z][A-Z'&\-]+){0,3},?\s+(?i:(?:on|from)\s+)?)?(?i:page|pagina|pag\.|p\.|seite|página)\s*[A-Z]?\d{1,3}\s*[)\]]?$|^[\s(●■•]*(?i:dalla|da)\s+prima\s+pagina\s*[)]?$|^[\s(●■•]*(?i:suite\s+de\s+la\s+une|suite\s+de\s+la\s+page\s+\d{1,3})\s*[)]?$"
);
re!(
    LATIN_LABEL,
    r"(?i)^(?:(?:section|sezione|cahier)\s+[A-Z],?\s*)?(?:page|pagina|pag\.|seite|página|p\.)\s*[A-Z]?\d{1,3}$"
);
re!(CAPS_WORDS, r"^[A-Z][A-Z'&.\-]*(?:\s+[A-Z][A-Z'&.\-]*)*$");
re!(
    LATIN_SERIAL,
    r"(?i)^(?:vol\.|volume|anno|année|jahrgang|año)\s*[IVXLCDM\d]+\s*[,.;\-–—]?\s*(?:no\.|n\.|n°|nr\.|number|numéro|numero)\s*[\d,.]*$|^(?:no\.|n°|nr\.)\s*[\d,.]+$"
);
re!(
    LATIN_PRICE,
    r"(?i)^(?:(?:price|prix|prezzo|preis|precio)\s*:?\s*)?(?:[€$£¥]\s*\d+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?\s*(?:cents?|pence|p|€|euros?|eur|francs?|lire|chf|usd|\$)|(?:one|two|three|four|five|six|ten|fifteen|twenty|fifty)\s+(?:cents?|pence|shillings?|euros?))$"
);
re!(PRICE_WORD, r"(?i)^(?:price|prix|prezzo|preis|precio)\b");
re!(
    ZH_PRICE,
    r"^(?:零售价|定价|售价|每份|本期定价|全年定价)\s*[：:]?\s*(?:每[份月年期]|全年)?\s*[0-9０-９.．]+\s*元$|^每份\s*[0-9.]+\s*元$"
);
use super::furniture::URL;
re!(EMAIL, r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}");
re!(
    CONTACT_LABEL,
    r"(?i)^(?:tel\.?|telephone|phone|fax|e-?mail|mail|web|online|internet|redazione|rédaction|newsroom|contact)\s*[:.]?$"
);
re!(PHONE_DIGITS, r"\+?\(?\d[\d\s().\-/]{5,}\d");
re!(
    LATIN_CREDIT,
    r"(?i)^(?:(?:(?:page\s+|managing\s+|sub-?|chief\s+|deputy\s+)?editor|editors|design(?:er)?|layout|graphics|proofreader|photo\s+editor|sub-editor|edited\s+by|layout\s+by|design\s+by|redazione|rédaction|caporedattore|direttore\s+responsabile|rédacteur\s+en\s+chef|directeur\s+de\s+la\s+publication)\s*[:.]?\s+[A-Z][\p{L}'.\-]+(?:\s+[A-Z][\p{L}'.\-]+){0,3}\s*(?:[|;,/]\s*|$))+$"
);
re!(
    LATIN_PUBLISHER,
    r"(?i)^(?:published|printed|printed\s+and\s+published|edited\s+and\s+published|publié|imprimé|stampato|stampa|editore|éditeur|herausgeber|verlag|druck)\b[^!?]{0,70}$"
);
re!(
    ZH_PUBLISHER,
    r"^[\p{Han}A-Za-z0-9（）()·\s]{2,24}?(?:出版发行|出版|主管主办|主办|主管|联办|协办|承办|承印|印刷)$|^(?:主管主办|主管|主办|出版|出版发行|印刷|承印)\s*[：:]\s*[\p{Han}A-Za-z0-9（）()·\s]{2,24}$"
);
/// The staff roles of a CJK credit line ([`ZH_CREDIT`]).
const ZH_CREDIT_WORDS: [&str; 22] = [
    "本版编辑",
    "本版责编",
    "本版主编",
    "责任编辑",
    "美术编辑",
    "版式设计",
    "版面设计",
    "视觉设计",
    "责任校对",
    "责编",
    "美编",
    "编辑",
    "版式",
    "校对",
    "组版",
    "排版",
    "审读",
    "审校",
    "审核",
    "值班编委",
    "制图",
    "照排",
];
re!(
    ZH_CREDIT,
    &format!(
        r"^(?:(?:{})(?:\s*[：:/／]\s*|\s+)[\p{{Han}}·]{{2,4}}(?:[、，,\s]+[\p{{Han}}·]{{2,4}})*?\s*)+$",
        ZH_CREDIT_WORDS.join("|")
    )
);
re!(
    ZH_SHORT_DATE,
    r"^[0-9０-９一二三四五六七八九十]{1,2}\s*月\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日\s*(?:星期|礼拜|周)[一二三四五六日天]$"
);
re!(
    ZH_LABEL_PART,
    r"^(?:第\s*[0-9０-９一二三四五六七八九十]{1,3}\s*版|[A-Z]\s*\d{1,2}(?:\s*版)?|\d{1,2}|[A-Z]叠|叠\s*[A-Z])$"
);
re!(
    ZH_ADDRESS,
    r"^(?:社址|地址)\s*[:：]\s*\S{2,24}?(?:\d+号|号|楼|室|层)\s*(?:邮编|邮政编码)\s*[:：]?\s*\d{6}$"
);
re!(ZH_EMAIL, r"^\p{Han}{1,6}\s*[：:]\s*[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}$");
re!(POSTAL_SERIAL, r"^(?:邮发代号|邮局代号)\s*[:：]?\s*\d{1,2}\s*[-－]\s*\d{1,4}$");
re!(
    STREET,
    r"(?i)^\d{1,4}[A-Za-z]?\s+[\p{L}'.\-]+(?:\s+[\p{L}'.\-]+){0,3}\s+(?:street|st\.|road|rd\.|avenue|ave\.|lane|square|place|row|way|boulevard|blvd\.)\b[^.!?]{0,40}$|(?i)^(?:via|viale|piazza|corso|rue|avenue|boulevard|place)\s+[\p{L}'.\- ]{2,40},?\s*\d{1,4}\b[^.!?]{0,30}$"
);

/// Latin words of a line (letters only, apostrophes and hyphens inside).
fn words(t: &str) -> impl Iterator<Item = &str> {
    t.split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '-')).filter(|w| !w.is_empty())
}

/// A line that ends a Latin sentence with a full stop after a lower-case word is prose.
fn ends_prose(t: &str) -> bool {
    let t = t.trim_end_matches(['"', '\'', ')', '”', '’']);
    (t.ends_with('.') || t.ends_with('!') || t.ends_with('?'))
        && t.trim_end_matches(['.', '!', '?'])
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.chars().all(|c| c.is_lowercase()) && w.chars().count() > 2)
}

/// The strong furniture shape of a whole line, with the evidence: `(kind, evidence)`.
pub fn strong_kind(t: &str) -> Option<(&'static str, &'static str)> {
    let t = t.trim();
    let n = t.chars().count();
    if n == 0 || n > 90 {
        return None;
    }
    let has_cjk = t.chars().any(newsclean_core::chars::is_cjk);
    if has_cjk {
        return cjk_kind(t);
    }
    if ends_prose(t) && !t.starts_with(['©']) && !t.to_lowercase().contains("rights reserved") {
        return None;
    }
    let nwords = words(t).count();
    if nwords <= 8 && JUMP_LINE.is_match(t) && !LATIN_LABEL.is_match(t) {
        return Some(("jump", "a page reference after a continuation word, a short line"));
    }
    if LATIN_LABEL.is_match(t) {
        return Some(("page-label", "a page label alone"));
    }
    if nwords <= 4
        && let Some((label, num)) = t.split_once(['|', '·', '•'])
    {
        let (label, num) = (label.trim(), num.trim());
        let page_no = |s: &str| {
            let d = s.trim_start_matches(|c: char| c.is_ascii_uppercase());
            s.len() - d.len() <= 1 && (1..=3).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit())
        };
        if (CAPS_WORDS.is_match(label) && page_no(num)) || (CAPS_WORDS.is_match(num) && page_no(label)) {
            return Some(("page-label", "a section name and a page number"));
        }
    }
    if LATIN_SERIAL.is_match(t) {
        return Some(("serial", "volume and issue numbers alone"));
    }
    if n <= 30 && (LATIN_PRICE.is_match(t) || PRICE_WORD.is_match(t) && t.chars().any(|c| c.is_ascii_digit()))
    {
        return Some(("price", "a price alone"));
    }
    if let Some(kind) = latin_date_kind(t) {
        return Some(kind);
    }
    if n <= 80 && is_latin_contact(t) {
        return Some(("contact", "telephone, e-mail or web address with labels only"));
    }
    if n <= 80 && LATIN_CREDIT.is_match(t) {
        return Some(("credits", "staff roles with names, nothing else"));
    }
    if n <= 80
        && !t.ends_with(':')
        && LATIN_PUBLISHER.is_match(t)
        && (t.contains(" by ") || t.contains(':') || nwords <= 6)
    {
        return Some(("publisher", "a publisher's or printer's line"));
    }
    None
}

/// A line of dates: weekday and month names, day numbers, years and separators only, with a
/// year or a month name; `THE DAILY BUGLE Tuesday, March 3, 1925` (capitals before or after
/// the date) is a masthead.
fn latin_date_kind(t: &str) -> Option<(&'static str, &'static str)> {
    // A date line has a digit (`NUMERIC_DATE`'s `\d`, `DAY`'s `[1-9]`): a line without one
    // is not asked of the regexes (on a line with a non-ASCII character their Unicode `\b`
    // runs the backtracker, the costliest test of an English page's lines).
    if !t.chars().any(char::is_numeric) {
        return None;
    }
    // A word in lower case that is no month or weekday stays in the line whatever the date
    // tokens take out, and the line is then neither dates only nor a name in capitals: asked
    // before the regexes (on a line with a non-ASCII character, each runs the backtracker).
    if has_foreign_lower_word(t) {
        return None;
    }
    latin_date_by_regexes(t)
}

/// [`latin_date_kind`] of a line with a digit, by the regexes alone.
fn latin_date_by_regexes(t: &str) -> Option<(&'static str, &'static str)> {
    // A month needs its day: `May 2025` alone is no date line.
    let dated = NUMERIC_DATE.is_match(t) || LATIN_MONTH.is_match(t) && DAY.is_match(t);
    // A date that ends a sentence or a clause (`…met on` / `March 3, 1925.`) is running text.
    if !dated || t.ends_with(['.', ',', ';', ':']) {
        return None;
    }
    let rest = LATIN_DATE_TOKEN.replace_all(t, " ");
    let rest = rest.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | '.' | '-' | '–' | '—' | '|' | '·' | '•' | '/')
    });
    if rest
        .chars()
        .all(|c| c.is_whitespace() || matches!(c, ',' | '.' | '-' | '–' | '—' | '|' | '·' | '•' | '/' | '\''))
    {
        return Some(("date", "dates and weekdays only"));
    }
    // The paper's name in capitals beside the date.
    let caps =
        rest.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '·' | '•' | '-' | '—'));
    if CAPS_WORDS.is_match(caps)
        && words(caps).count() <= 6
        && caps.chars().filter(|c| c.is_alphabetic()).count() >= 4
    {
        return Some(("masthead", "a name in capitals beside a date, nothing else"));
    }
    None
}

/// The month and weekday names of [`MONTHS`] and [`WEEKDAYS`], lower case, each abbreviation
/// with and without its optional letter (`sep`, `sept`).
static DATE_WORDS: LazyLock<std::collections::HashSet<String>> = LazyLock::new(|| {
    let mut words = std::collections::HashSet::new();
    for w in MONTHS.split('|').chain(WEEKDAYS.split('|')) {
        let w = w.trim_end_matches("\\.?").to_lowercase();
        match w.strip_suffix('?') {
            // `Sept?`: `sep` and `sept`.
            Some(stem) => {
                words.insert(stem[..stem.len() - 1].to_string());
                words.insert(stem.to_string());
            }
            None => {
                words.insert(w);
            }
        }
    }
    words
});

/// True when `t` holds a word of two or more lower-case ASCII letters, with only ASCII
/// white space or punctuation (not `_`) or the line's ends on either side, that is no month
/// or weekday name ([`DATE_WORDS`]): such a word is a whole word to the date regexes (their
/// `\b` lies on both its sides) and none of their tokens, so [`latin_date_kind`] leaves it in
/// the line and finds no date line.
fn has_foreign_lower_word(t: &str) -> bool {
    let b = t.as_bytes();
    let apart = |c: u8| c.is_ascii_whitespace() || c.is_ascii_punctuation() && c != b'_';
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_lowercase() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_lowercase() {
            i += 1;
        }
        let before_ok = start == 0 || apart(b[start - 1]);
        let after_ok = i == b.len() || apart(b[i]);
        if before_ok && after_ok && i - start >= 2 && !DATE_WORDS.contains(&t[start..i]) {
            return true;
        }
    }
    false
}

/// Telephone numbers, e-mail and web addresses with short labels and nothing else.
fn is_latin_contact(t: &str) -> bool {
    // An e-mail address needs its `@`, a telephone number two digits.
    let email = |t: &str| t.contains('@') && EMAIL.is_match(t);
    let has = email(t)
        || t.contains("www.")
        || t.contains("http")
        || t.chars().filter(|c| c.is_numeric()).nth(1).is_some() && PHONE_DIGITS.is_match(t);
    if !has {
        return false;
    }
    let rest = EMAIL.replace_all(t, " ");
    let rest = URL.replace_all(&rest, " ");
    let rest = PHONE_DIGITS.replace_all(&rest, " ");
    let labels =
        rest.split(['|', ';', ',', '·', '•']).map(str::trim).filter(|s| !s.is_empty()).collect::<Vec<_>>();
    // Every piece that is left is a contact label (Tel., e-mail, Fax); at least one was,
    // unless the line is a web or e-mail address alone.
    let all_labels = labels.iter().all(|l| l.split_whitespace().all(|w| CONTACT_LABEL.is_match(w)));
    all_labels && (!labels.is_empty() || email(t) || t.contains("www.") || t.contains("http"))
}

/// The CJK shapes this module adds: a date without the year but with the weekday
/// (5月6日 周一), a page label beside the section's name (要闻·A5, 05 要闻, 第5版：要闻), staff
/// credits (本版编辑：王强, 编辑 王强　审读 李明), publisher and printer lines, prices, postal
/// serials, an address with its postcode.
fn cjk_kind(t: &str) -> Option<(&'static str, &'static str)> {
    let n = t.chars().count();
    if n > 40 {
        return None;
    }
    // Each regex is asked only of a line that opens or ends as it must (a test checks that
    // no line a regex matches is turned away): nearly every line of an article fails them all.
    let may = ZhMay::of(t);
    if may.date && ZH_SHORT_DATE.is_match(t) {
        return Some(("date", "a date and weekday only"));
    }
    if may.price && ZH_PRICE.is_match(t) {
        return Some(("price", "a price alone"));
    }
    if may.serial && POSTAL_SERIAL.is_match(t) {
        return Some(("serial", "a postal distribution code"));
    }
    if may.email && ZH_EMAIL.is_match(t) {
        return Some(("contact", "an e-mail address with its label"));
    }
    if may.address && ZH_ADDRESS.is_match(t) {
        return Some(("contact", "the paper's address and postcode"));
    }
    if may.credit && ZH_CREDIT.is_match(t) && !t.ends_with(['。', '，']) {
        return Some(("credits", "staff roles with names, nothing else"));
    }
    if n <= 30
        && may.publisher
        && !crate::text::ends_clause(t)
        && !t.contains(['，', '。'])
        && ZH_PUBLISHER.is_match(t)
    {
        return Some(("publisher", "a publisher's or printer's line"));
    }
    // A page label beside the section's name: two parts, one a label, the other 2-4 ideographs.
    let mut parts = t
        .split(|c: char| c.is_whitespace() || matches!(c, '·' | '：' | ':' | '|' | '/' | '—'))
        .filter(|s| !s.is_empty());
    if let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) {
        // A section's name: 2-4 ideographs, not the dash OCR reads as 一一.
        let section = |s: &str| {
            (2..=4).contains(&s.chars().count())
                && s.chars().all(newsclean_core::chars::is_cjk)
                && !s.contains('一')
        };
        // A page number is never zero (`0：一一海海` is OCR noise).
        let label = |s: &str| ZH_LABEL_PART.is_match(s) && !s.chars().all(|c| c == '0');
        if (section(b) && label(a)) || (section(a) && label(b)) {
            return Some(("page-label", "a page label beside a section name"));
        }
    }
    None
}

/// Which of the CJK shapes' regexes a line may match, by its first and last characters: a
/// regex whose flag is false cannot match (each flag is a necessary condition).
struct ZhMay {
    date: bool,
    price: bool,
    serial: bool,
    email: bool,
    address: bool,
    credit: bool,
    publisher: bool,
}

impl ZhMay {
    fn of(t: &str) -> ZhMay {
        let (first, last) = (t.chars().next(), t.chars().next_back());
        let opens = |cs: &[char]| first.is_some_and(|f| cs.contains(&f));
        let ends = |cs: &[char]| last.is_some_and(|l| cs.contains(&l));
        ZhMay {
            date: opens(ZH_SHORT_DATE_OPENS) && ends(ZH_SHORT_DATE_ENDS),
            price: last == Some('元'),
            serial: first == Some('邮'),
            email: last.is_some_and(|l| l.is_ascii_alphabetic()),
            address: opens(&['社', '地']),
            credit: first.is_some_and(|f| ZH_CREDIT_WORDS.iter().any(|w| w.starts_with(f))),
            publisher: ends(ZH_PUBLISHER_ENDS) || opens(ZH_PUBLISHER_OPENS),
        }
    }
}

/// The characters a [`ZH_SHORT_DATE`] opens with…
const ZH_SHORT_DATE_OPENS: &[char] = &[
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '０', '１', '２', '３', '４', '５', '６', '７', '８',
    '９', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十',
];
/// …and ends with.
const ZH_SHORT_DATE_ENDS: &[char] = &['一', '二', '三', '四', '五', '六', '日', '天'];
/// The last characters of [`ZH_PUBLISHER`]'s first form (出版发行, 主办, 承印 …)…
const ZH_PUBLISHER_ENDS: &[char] = &['行', '版', '办', '管', '印', '刷'];
/// …and the first characters of its second (主管：…, 印刷：…).
const ZH_PUBLISHER_OPENS: &[char] = &['主', '出', '印', '承'];

/// A weak shape: a line prose could print too, furniture only where furniture stands (the
/// page's top or bottom band, or beside other furniture): a street address, a page number
/// beside a name in capitals (`4 THE RIVERTON LEDGER`), a name in capitals alone (a masthead).
pub fn weak_kind(t: &str) -> Option<(&'static str, &'static str)> {
    let t = t.trim();
    let n = t.chars().count();
    if n == 0 || n > 60 || ends_prose(t) {
        return None;
    }
    if STREET.is_match(t) {
        return Some(("contact", "a street address"));
    }
    if let Some((num, name)) = t.split_once(' ').or_else(|| t.rsplit_once(' ').map(|(a, b)| (b, a)))
        && (1..=3).contains(&num.len())
        && num.bytes().all(|b| b.is_ascii_digit())
        && CAPS_WORDS.is_match(name.trim())
        && words(name).count() <= 5
    {
        return Some(("page-label", "a page number beside a name in capitals"));
    }
    None
}

/// Lines that repeat near the edges of the pages of the page's folder
/// ([`crate::analysis::survey`], read through `Context::survey`): a line that may count
/// (short, no sentence punctuation, no byline), that the survey found on enough pages of the
/// folder, and that stands in this page's top or bottom band ([`band_size`] lines, not
/// counting furniture) is furniture (`layout.furniture.repeated`); the note says on how many
/// pages it repeats.
///
/// Must not fire on a line of running text (it continues the line above or goes on below), on a
/// line away from the page's edges, or on a line the survey did not keep (seen on one or two
/// pages, or on less than a quarter of the folder's).
///
/// [`band_size`]: crate::analysis::survey::band_size
pub fn classify_repeated(page: &mut newsclean_core::Page, survey: &newsclean_core::Survey) {
    use crate::analysis::survey::{band_size, repeats};
    use newsclean_core::BlockKind;
    // Clean text has no page bands left (see `analysis::survey`).
    if survey.is_empty() || !crate::analysis::facts(page).raw_layout {
        return;
    }
    let n = page.blocks().len();
    // The lines of the page that are not furniture yet: each block's number of lines.
    let content = |page: &newsclean_core::Page, i: usize| {
        !matches!(page.blocks()[i].kind, BlockKind::Furniture | BlockKind::Junk)
    };
    let lines_of = |page: &newsclean_core::Page, i: usize| page.block_text(i).trim().lines().count();
    let total: usize = (0..n).filter(|&i| content(page, i)).map(|i| lines_of(page, i)).sum();
    if total < crate::analysis::survey::MIN_PAGE_LINES {
        return;
    }
    let band = band_size(total);
    let mut above = 0;
    for i in 0..n {
        if !content(page, i) {
            continue;
        }
        let here = lines_of(page, i);
        let from_top = above;
        above += here;
        let from_bottom = total - above;
        let t = page.block_text(i).trim();
        if !crate::text::is_open(page.blocks()[i].kind) || here != 1 {
            continue;
        }
        let place = if from_top < band {
            "top"
        } else if from_bottom < band {
            "bottom"
        } else {
            continue;
        };
        let Some(r) = repeats(survey, t) else { continue };
        if crate::furniture::in_running_text(page, i) || heads_or_continues(page, i) {
            continue;
        }
        let note = format!(
            "repeated: repeats on {} of {} pages of this folder ({} in their top band, {} in their bottom band), \
             here in the page's {place} band; the whole line",
            r.pages,
            survey.pages(),
            r.top,
            r.bottom
        );
        page.classify_because(i, BlockKind::Furniture, "layout.furniture.repeated", note);
    }
}

/// True when block `i` is a headline or a line of running text by its neighbours: the line
/// right under it (no blank line between) is a byline (a headline's) or opens in lower case
/// (it goes on there), or the line right above it ends in a lower-case letter, a comma or a
/// hyphen (it went on from there).
fn heads_or_continues(page: &newsclean_core::Page, i: usize) -> bool {
    let n = page.blocks().len();
    let below = i + 1 < n && !crate::text::blank_between(page, i) && {
        let next = page.block_text(i + 1).trim();
        crate::analysis::survey::is_byline(next) || next.chars().next().is_some_and(char::is_lowercase)
    };
    let above = i > 0
        && !crate::text::blank_between(page, i - 1)
        && page.blocks()[i - 1].kind != newsclean_core::BlockKind::Furniture
        && page
            .block_text(i - 1)
            .trim_end()
            .chars()
            .next_back()
            .is_some_and(|c| c.is_lowercase() || matches!(c, ',' | '-' | '，' | '、'));
    below || above
}

/// Words a Latin paper's name may hold in lower case (`L'Écho de Vallon`, `Corriere della Sera`).
const NAME_PARTICLES: [&str; 16] = [
    "de", "du", "des", "la", "le", "di", "del", "della", "dello", "of", "the", "and", "&", "von", "der", "y",
];

/// The shape of a paper's name standing alone: 3-8 ideographs on a CJK line; on a Latin line
/// one to six words, each capitalised or a particle, letters only (no digits, no sentence or
/// clause punctuation), at least six letters; never a byline.
pub fn name_shape(t: &str) -> bool {
    let t = t.trim();
    if t.chars().any(newsclean_core::chars::is_cjk) {
        let n = t.chars().count();
        return (3..=8).contains(&n)
            && t.chars().all(|c| c.is_alphabetic() && newsclean_core::chars::is_cjk(c));
    }
    let ws: Vec<&str> = t.split(' ').filter(|w| !w.is_empty()).collect();
    (1..=6).contains(&ws.len())
        && t.chars().filter(|c| c.is_alphabetic()).count() >= 6
        && t.chars().all(|c| c.is_alphabetic() || matches!(c, ' ' | '\'' | '’' | '-' | '&'))
        && ws.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || NAME_PARTICLES.contains(&w.to_lowercase().as_str())
        })
        && ws.iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count() >= 1
        && !crate::analysis::survey::is_byline(t)
}

/// Letters of a name without a leading article, lower case: `The Eastwick Ledger` ->
/// `eastwickledger` (how a paper's web address spells its name).
fn name_letters(t: &str) -> String {
    let lower = t.trim().to_lowercase();
    let rest = ["the ", "le ", "la ", "les ", "il ", "l'", "l’", "lo ", "el ", "der ", "die ", "das "]
        .iter()
        .find_map(|a| lower.strip_prefix(a))
        .unwrap_or(&lower);
    rest.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// How the page's own furniture names `t` (a line of [`name_shape`]), if it does: the line is
/// inside a furniture line (`桐屿晚报` in `桐屿晚报社 出版发行`, `The Stourley Sentinel` in
/// `© 2027 The Stourley Sentinel. All rights reserved.`), or its letters make a web or e-mail
/// address of the page's furniture (`www.eastwickledger.com`), or, for a CJK name ending in
/// a paper's word (日报, 晚报, 新闻, …), its place (the first two ideographs) opens a name
/// in a furniture line (`港临新闻` and `印刷：港临印务中心`).
pub fn named_by_furniture(t: &str, furniture: &[&str]) -> Option<&'static str> {
    let t = t.trim();
    let cjk = t.chars().any(newsclean_core::chars::is_cjk);
    let others = || furniture.iter().map(|f| f.trim()).filter(move |f| *f != t && f.len() > t.len());
    if cjk {
        if others().any(|f| f.contains(t)) {
            return Some("the page's furniture names it");
        }
        const PAPER_WORDS: [&str; 8] = ["日报", "晚报", "时报", "商报", "早报", "新闻", "周报", "报"];
        let place: String = t.chars().take(2).collect();
        if t.chars().count() >= 4
            && PAPER_WORDS.iter().any(|w| t.ends_with(w))
            && others().any(|f| f.contains(&place))
        {
            return Some("a paper's name whose place the page's furniture names");
        }
        return None;
    }
    // Latin: the name (without its article) as whole words of a furniture line.
    let lower = t.to_lowercase();
    let core = ["the ", "le ", "la ", "les ", "il ", "lo ", "el ", "der ", "die ", "das "]
        .iter()
        .find_map(|a| lower.strip_prefix(a))
        .unwrap_or(&lower);
    let whole_words = |f: &str| {
        let f = f.to_lowercase();
        f.match_indices(core).any(|(at, _)| {
            let before = f[..at].chars().next_back();
            let after = f[at + core.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    };
    if core.split(' ').count() >= 2 && others().any(whole_words) {
        return Some("the page's furniture names it");
    }
    let letters = name_letters(t);
    if letters.chars().count() >= 8
        && others().any(|f| {
            f.split(|c: char| c.is_whitespace() || c == '|')
                .filter(|w| w.contains("www.") || w.contains('@') || w.contains("http"))
                .any(|w| {
                    let host = w.rsplit('@').next().unwrap_or(w).to_lowercase();
                    host.split(['.', '/', ':']).any(|part| part == letters)
                })
        })
    {
        return Some("its letters make the web address of the page's furniture");
    }
    None
}

/// The paper's own name standing alone (`layout.furniture.own-name`): a line of
/// [`name_shape`] that the page's own furniture names ([`named_by_furniture`]), standing
/// alone (between blank lines) or beside furniture, is the masthead or the name in the
/// header band.
///
/// Must not fire on a line of running text (the line above runs on into it, or the line below
/// goes on in lower case), on a headline (a byline right under it, unless all above it is
/// furniture: the header band over the first article), on a name the furniture does not name,
/// or on a line with sentence punctuation.
pub fn classify_own_name(page: &mut newsclean_core::Page) -> Vec<usize> {
    use newsclean_core::BlockKind;
    let n = page.blocks().len();
    let furniture: Vec<String> = (0..n)
        .filter(|&j| page.blocks()[j].kind == BlockKind::Furniture)
        .map(|j| page.block_text(j).trim().to_string())
        .collect();
    let mut done = Vec::new();
    if furniture.is_empty() {
        return done;
    }
    let refs: Vec<&str> = furniture.iter().map(String::as_str).collect();
    for i in 0..n {
        let open = crate::text::is_open(page.blocks()[i].kind);
        let t = page.block_text(i).trim();
        if !open || t.contains('\n') {
            continue;
        }
        // The name beside the page number (`5 THE STOURLEY SENTINEL`, a page label's shape).
        let name = match t.split_once(' ') {
            Some((num, rest)) if (1..=3).contains(&num.len()) && num.bytes().all(|b| b.is_ascii_digit()) => {
                rest
            }
            _ => t,
        };
        if !name_shape(name) {
            continue;
        }
        let Some(why) = named_by_furniture(name, &refs) else { continue };
        let is_furniture = |j: usize| page.blocks()[j].kind == BlockKind::Furniture;
        let blank_above = i == 0 || crate::text::blank_between(page, i - 1);
        let blank_below = i + 1 == n || crate::text::blank_between(page, i);
        // Beside furniture, or beside a line of a furniture shape not taken yet (a street
        // address, a date a line above seemed to run into).
        let furniture_like = |j: usize| {
            let t = page.block_text(j).trim();
            is_furniture(j) || !t.contains('\n') && (weak_kind(t).is_some() || strong_kind(t).is_some())
        };
        let beside = i > 0 && furniture_like(i - 1) || i + 1 < n && furniture_like(i + 1);
        let top_run = (0..i).all(is_furniture);
        if !(blank_above && blank_below || beside) {
            continue;
        }
        // Running text: the line above (not furniture, not a weak furniture shape) runs on
        // into it, or the line below goes on in lower case.
        let runs_in = !blank_above && !is_furniture(i - 1) && {
            let above = page.block_text(i - 1).trim();
            weak_kind(above).is_none()
                && above
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_lowercase() || matches!(c, ',' | '-' | '，' | '、'))
        };
        let below = (!blank_below).then(|| page.block_text(i + 1).trim());
        let goes_on = below.is_some_and(|b| b.chars().next().is_some_and(char::is_lowercase));
        let headline = below.is_some_and(crate::analysis::survey::is_byline) && !top_run;
        if runs_in || goes_on || headline {
            continue;
        }
        let place = if blank_above && blank_below {
            "a line alone between blank lines"
        } else {
            "a line beside furniture"
        };
        let note = format!("own-name: the paper's name, {why}; {place}; the whole line");
        page.classify_because(i, BlockKind::Furniture, "layout.furniture.own-name", note);
        done.push(i);
    }
    done
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lower-case word test never turns away a date line: over generated lines of
    /// dates, names in capitals, words and punctuation (ASCII and not), it answers only where
    /// the regexes find no date line.
    #[test]
    fn foreign_words_hide_no_date_line() {
        use proptest::prelude::*;
        let pieces = [
            "March",
            "march",
            "MARCH",
            "Mar.",
            "Sept",
            "sept.",
            "Tues",
            "thurs",
            "Tuesday",
            "mardi",
            "Mai",
            "février",
            "3",
            "03",
            "1925",
            "3rd",
            "1st",
            "12/3/1925",
            "2024-05-06",
            ",",
            ".",
            " ",
            "  ",
            "-",
            "—",
            "|",
            "'",
            "’",
            "“",
            "THE",
            "DAILY",
            "BUGLE",
            "The",
            "on",
            "met",
            "council",
            "o'clock",
            "mid",
            "_x",
            "é",
            "x",
            "page",
            "n°",
        ];
        let line = proptest::collection::vec(0..pieces.len(), 1..9)
            .prop_map(move |ix| ix.iter().map(|&i| pieces[i]).collect::<Vec<_>>().join(" "));
        let glued = proptest::collection::vec(0..pieces.len(), 1..9)
            .prop_map(move |ix| ix.iter().map(|&i| pieces[i]).collect::<String>());
        let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(4000));
        let mut dates = 0;
        for strategy in [line.boxed(), glued.boxed()] {
            runner
                .run(&strategy, |t| {
                    if has_foreign_lower_word(&t) {
                        prop_assert_eq!(latin_date_by_regexes(&t), None, "{}", t);
                    }
                    Ok(())
                })
                .unwrap();
        }
        for t in ["Tuesday, March 3, 1925", "THE DAILY BUGLE Tuesday, March 3, 1925", "mardi 3 mars 2025"] {
            assert!(!has_foreign_lower_word(t), "{t}");
            dates += usize::from(latin_date_kind(t).is_some());
        }
        assert_eq!(dates, 3);
        assert!(has_foreign_lower_word("The council met on March 3, 1925"));
        assert!(DATE_WORDS.contains("sep") && DATE_WORDS.contains("sept") && DATE_WORDS.contains("thurs"));
    }

    /// [`ZhMay`] never turns away a line its regex matches: examples of each shape (which
    /// must match) and every line of the seeds.
    #[test]
    fn zh_prechecks() {
        /// A shape's regex, the precheck flag that must let its lines through, and examples.
        type Shape<'a> = (&'a Regex, fn(&ZhMay) -> bool, &'a [&'a str]);
        let shapes: [Shape; 7] = [
            (&ZH_SHORT_DATE, |m| m.date, &["5月6日 周一", "１２月３０日 星期日", "十二月三日星期天"]),
            (&ZH_PRICE, |m| m.price, &["零售价：2.00元", "每份 1.5 元", "定价：每月 30元"]),
            (&POSTAL_SERIAL, |m| m.serial, &["邮发代号：31-12", "邮局代号 3-1"]),
            (&ZH_EMAIL, |m| m.email, &["投稿邮箱：news@example.com"]),
            (&ZH_ADDRESS, |m| m.address, &["社址：青岳路288号 邮编：310000", "地址:某路1号邮政编码 310000"]),
            (
                &ZH_CREDIT,
                |m| m.credit,
                &["本版编辑：王强", "编辑 王强　审读 李明", "责编/胡佳英", "值班编委 李明"],
            ),
            (
                &ZH_PUBLISHER,
                |m| m.publisher,
                &["桐屿日报社主办", "主办：桐屿日报社", "出版发行：某某出版社", "某某印务有限公司承印"],
            ),
        ];
        let lines = crate::seed_lines();
        for (re, flag, examples) in shapes {
            for e in examples {
                assert!(re.is_match(e), "{e} is an example of {re}");
                assert!(flag(&ZhMay::of(e)), "{e}");
            }
            for l in &lines {
                let t = l.trim();
                assert!(!re.is_match(t) || flag(&ZhMay::of(t)), "{t}");
            }
        }
    }

    fn kind(t: &str) -> Option<&'static str> {
        strong_kind(t).map(|k| k.0)
    }

    /// A folder of pages of one paper: its name at the top, a footer whose number varies.
    fn folder_page(n: usize) -> String {
        let body = crate::analysis::survey::tests::body_lines(n, 14);
        format!("桐屿晚报\n\n{body}\n桐屿晚报社出品 第{}期\n", 100 + n)
    }

    fn classified(
        text: &str,
        survey: Option<&newsclean_core::Survey>,
    ) -> Vec<(String, Option<String>, Option<String>)> {
        use newsclean_core::{Context, Page, Pass};
        let mut page = Page::new(text);
        crate::lines::SplitLines.run(&mut page, &Context::default()).unwrap();
        let ctx = Context { survey: survey.map(|s| std::sync::Arc::new(s.clone())), ..Context::default() };
        crate::furniture::Furniture.run(&mut page, &ctx).unwrap();
        (0..page.blocks().len())
            .map(|i| {
                (
                    page.block_text(i).trim().to_string(),
                    page.blocks()[i].rule.clone(),
                    page.blocks()[i].note.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn a_line_repeated_at_the_edges_of_the_folder_is_furniture_with_its_evidence() {
        let pages: Vec<String> = (0..6).map(folder_page).collect();
        let s = crate::analysis::survey::survey(pages.iter().map(String::as_str));
        assert_eq!(s.len(), 2, "the name and the footer");
        let k = classified(&pages[2], Some(&s));
        let name = k.iter().find(|b| b.0 == "桐屿晚报").unwrap();
        assert_eq!(name.1.as_deref(), Some("layout.furniture.repeated"));
        let note = name.2.as_deref().unwrap();
        assert!(note.contains("repeats on 6 of 6 pages of this folder"), "{note}");
        assert!(note.contains("top band"), "{note}");
        let footer = k.iter().find(|b| b.0.starts_with("桐屿晚报社")).unwrap();
        assert_eq!(footer.1.as_deref(), Some("layout.furniture.repeated"), "{k:?}");
        // The article's lines stay.
        assert!(k.iter().filter(|b| b.1.is_some()).count() == 2, "{k:?}");
        // A page cleaned alone keeps them: no shape of its own says furniture.
        assert!(classified(&pages[2], None).iter().all(|b| b.1.is_none()));
    }

    #[test]
    fn a_repeated_line_in_mid_page_or_in_running_text_stays() {
        let pages: Vec<String> = (0..6).map(folder_page).collect();
        let s = crate::analysis::survey::survey(pages.iter().map(String::as_str));
        // The paper's name as a line in the middle of a long page.
        let mid = pages[1].replacen("\n\n", "\n\n春夏秋冬东南西北上下左右前后\n春夏秋冬东南西北上下左右前后\n春夏秋冬东南西北上下左右前后\n春夏秋冬东南西北上下左右前后\n春夏秋冬东南西北上下左右前后\n春夏秋冬东南西北上下左右前后\n春夏秋冬东南西北上下左右前后\n春夏秋冬东南西北上下左右前后\n春夏秋冬东南西北上下左右前后。\n\n桐屿晚报\n\n", 1);
        let k = classified(&mid, Some(&s));
        let names: Vec<_> = k.iter().filter(|b| b.0 == "桐屿晚报").collect();
        assert_eq!(names.len(), 2);
        assert_eq!(names[0].1.as_deref(), Some("layout.furniture.repeated"));
        assert_eq!(names[1].1, None, "mid-page: {k:?}");
        // A headline that repeats (the same article on several pages): a byline under it.
        let pages: Vec<String> = (0..6)
            .map(|n| folder_page(n).replacen("\n\n", "\n\n旧桥将整修一新\n本报记者 王强\n", 1))
            .collect();
        let s2 = crate::analysis::survey::survey(pages.iter().map(String::as_str));
        let k = classified(&pages[0], Some(&s2));
        let title = k.iter().find(|b| b.0 == "旧桥将整修一新").unwrap();
        assert_eq!(title.1, None, "{k:?}");
        // In the top band, but a sentence runs into it and on after it.
        let running = "他说，今天的\n桐屿晚报\n刊登了这篇文章的全文和图片说明\n\n另一段。\n";
        let k = classified(running, Some(&s));
        assert!(k.iter().all(|b| b.1.is_none()), "{k:?}");
    }

    fn removed_by(text: &str, line: &str) -> Option<String> {
        classified(text, None).into_iter().find(|b| b.0 == line).and_then(|b| b.1)
    }

    #[test]
    fn the_papers_own_name_alone_is_furniture_where_its_furniture_names_it() {
        let own = Some("layout.furniture.own-name".to_string());
        // Named by the publisher line; alone between blank lines.
        let page = "2026年7月27日 星期一\n\n临汀新闻\n\n我市省级科技计划项目立项数创历史新高\n■记者 邱兰华\n\n正文第一段说了很多事情，内容很长很长。\n\n临汀新闻社 出版发行\n";
        assert_eq!(removed_by(page, "临汀新闻"), own);
        // Under the header band, right above the first article's byline (PyMuPDF's order).
        let page = "要闻·A12\n2025.10.10 星期五\n港临新闻\n本报记者 林梓\n正文第一段说了很多事情，内容很长很长。\n印刷：港临印务中心\n";
        assert_eq!(removed_by(page, "港临新闻"), own);
        // Latin: the copyright line names it; the web address spells it.
        let page = "OPINION | 12\n\nThe Stourley Sentinel\n\nMembers of the school committee voted.\n\n© 2027 The Stourley Sentinel. All rights reserved.\n";
        assert_eq!(removed_by(page, "The Stourley Sentinel"), own);
        let page = "www.eastwickledger.com | Tel. 042 519312\nPrinted at Whitby Street Works\n113 Main Street, Eastwick\nThe Eastwick Ledger\n26 February 2026\nFrom our Correspondent\nA group of shopkeepers expressed concern about a tax.\n";
        let k = classified(page, None);
        assert!(k.iter().take(5).all(|b| b.1.is_some()), "{k:?}");
        assert_eq!(k[3].1, own, "{k:?}");
        let page = "Edited by Jeanne Martin; layout by Jeanne Martin\n\nL'Écho de Vallon\n\nLe vieux pont sera rénové\npar Paul Girard\n\nEditore: L'Écho de Vallon S.p.A.\n";
        assert_eq!(removed_by(page, "L'Écho de Vallon"), own);
        // Beside its page number, alone between blank lines in mid-page (pdftotext's order).
        let page = "OPINION | 12\n\nA public meeting will be held at the town hall on\n\n5 THE STOURLEY SENTINEL\n\nThursday evening. The new railway company agreed.\n\n© 2027 The Stourley Sentinel. All rights reserved.\n";
        assert_eq!(removed_by(page, "5 THE STOURLEY SENTINEL"), own);
    }

    #[test]
    fn a_name_the_furniture_does_not_name_or_a_headline_stays() {
        // The furniture names another paper.
        let page = "2026年7月27日 星期一\n\n临汀新闻\n\n正文第一段说了很多事情，内容很长很长。\n\n桐屿晚报社 出版发行\n";
        assert_eq!(removed_by(page, "临汀新闻"), None);
        // A headline that names the paper, right above its byline in mid-page.
        let page = "2026年7月27日 星期一\n\n正文第一段说了很多事情，内容很长很长。\n\n临汀新闻\n■记者 邱兰华\n\n临汀新闻社 出版发行\n";
        assert_eq!(removed_by(page, "临汀新闻"), None);
        // A line of running text that happens to be the name.
        let page = "OPINION | 12\n\nThe letter was sent to the editors of\nThe Stourley Sentinel\nwho printed it.\n\n© 2027 The Stourley Sentinel. All rights reserved.\n";
        assert_eq!(removed_by(page, "The Stourley Sentinel"), None);
        // A sentence, and a headline of other words.
        assert!(!name_shape("The Stourley Sentinel said."));
        assert!(!name_shape("Council votes 7 to 2"));
        assert!(!name_shape("By JOHN SMITH"));
        assert!(!name_shape("the council met"));
        assert_eq!(named_by_furniture("Harbour Board", &["© 2027 The Stourley Sentinel."]), None);
        assert_eq!(named_by_furniture("Sentinel", &["© 2027 The Stourley Sentinel."]), None, "one word");
    }

    #[test]
    fn jump_lines_in_latin_scripts() {
        for t in [
            "Continued on Page 4",
            "(Continued on page 4)",
            "See FOOTBALL, Page 5",
            "Please turn to Page 6",
            "Continued from Page 1",
            "SPORTS from Page 1",
            "suite page 3",
            "● a pagina 12",
            "● dalla prima pagina",
        ] {
            assert_eq!(kind(t), Some("jump"), "{t}");
        }
        for t in [
            "Continued on page 4 of the report, the figures show that the council",
            "see the table on page 4.",
            "The story continues on page 4.",
            "a pagina aperta",
        ] {
            assert_eq!(kind(t), None, "{t}");
        }
    }

    #[test]
    fn dates_and_mastheads() {
        for t in [
            "Tuesday, March 3, 1925",
            "MARCH 3, 2025",
            "3 March 2025",
            "Mardi 3 mars 2025",
            "martedì 3 marzo 2025",
            "03/03/2025",
            "TUESDAY, 3 MARCH 2025",
        ] {
            assert_eq!(kind(t), Some("date"), "{t}");
        }
        assert_eq!(kind("THE DAILY BUGLE Tuesday, March 3, 1925"), Some("masthead"));
        for t in [
            "The council met on March 3, 1925.",
            "On March 3, 1925 the council voted to approve",
            "March 3, 1925, was a cold day",
            "March 3, 1925.",
            "April 14.",
            "May 2025",
        ] {
            assert_ne!(kind(t), Some("date"), "{t}");
            assert_ne!(kind(t), Some("masthead"), "{t}");
        }
    }

    #[test]
    fn labels_serials_prices_contacts_credits_publishers() {
        assert_eq!(kind("Page 4"), Some("page-label"));
        assert_eq!(kind("Section B, Page 4"), Some("page-label"));
        assert_eq!(kind("SPORTS | 4"), Some("page-label"));
        assert_eq!(kind("Vol. XII, No. 345"), Some("serial"));
        assert_eq!(kind("Anno XXI - N. 45"), Some("serial"));
        assert_eq!(kind("Vol. XV, No."), Some("serial"), "its number on the next line");
        assert_eq!(kind("Editore: L'Écho de Vallon S.p.A."), Some("publisher"));
        assert_eq!(kind("Price 5 Cents"), Some("price"));
        assert_eq!(kind("PRICE TWO CENTS"), Some("price"));
        assert_eq!(kind("€ 1,50"), Some("price"));
        assert_eq!(kind("Telephone: 555-0143"), Some("contact"));
        assert_eq!(kind("e-mail: letters@riverton.com"), Some("contact"));
        assert_eq!(kind("www.riverton.com | Tel. 012 345678"), Some("contact"));
        assert_eq!(kind("Editor: John Smith"), Some("credits"));
        assert_eq!(kind("Page editor: Mary Keane | Design: Tom Hart"), Some("credits"));
        assert_eq!(kind("Edited by Mary Keane; layout by Tom Hart"), Some("credits"));
        assert_eq!(kind("Published daily by the Riverton Ledger Company"), Some("publisher"));
        assert_eq!(kind("Printed and published by Harlan Herald Ltd"), Some("publisher"));
        for t in [
            "Page after page of the report was read aloud.",
            "The price of bread rose by 5 cents last week, bakers said.",
            "Call the hotline on 555-0143 if you see smoke.",
            "The editor said the paper would not comment.",
            "Published in 1925, the report was ignored.",
            "No. 10 Downing Street",
            "Sports",
        ] {
            assert_eq!(kind(t), None, "{t}");
        }
    }

    #[test]
    fn cjk_shapes_by_evidence() {
        assert_eq!(kind("5月6日 周一"), Some("date"));
        assert_eq!(kind("零售价：1.50元"), Some("price"));
        assert_eq!(kind("每份1.00元"), Some("price"));
        assert_eq!(kind("投稿邮箱：news@lintingnews.cn"), Some("contact"));
        assert_eq!(kind("他的邮箱：news@x.cn，欢迎来信。"), None);
        assert_eq!(kind("邮发代号 31-12"), Some("serial"));
        assert_eq!(kind("地址：泽汀路5号　邮编：314200"), Some("contact"));
        assert_eq!(kind("本版编辑：王强"), Some("credits"));
        assert_eq!(kind("编辑 王强　审读 李明"), Some("credits"));
        assert_eq!(kind("责任编辑 王强　版式设计 李明"), Some("credits"));
        assert_eq!(kind("泽汀晚报社出版"), Some("publisher"));
        assert_eq!(kind("中共泽汀市委主管主办"), Some("publisher"));
        assert_eq!(kind("印刷：泽汀印务中心"), Some("publisher"));
        assert_eq!(kind("要闻·A5"), Some("page-label"));
        assert_eq!(kind("05 要闻"), Some("page-label"));
        assert_eq!(kind("第5版：要闻"), Some("page-label"));
        for t in [
            "5月6日，全市召开会议。",
            "编辑部的故事",
            "本版编辑王强说，今年的工作很多",
            "每份报告都要认真审读。",
            "他在出版社工作，负责出版",
            "2023 年度报告",
            "0：一一海海",
        ] {
            assert_eq!(kind(t), None, "{t}");
        }
    }

    #[test]
    fn weak_shapes_need_a_place() {
        assert_eq!(weak_kind("12 Main Street, Riverton").map(|k| k.0), Some("contact"));
        assert_eq!(weak_kind("4 THE RIVERTON LEDGER").map(|k| k.0), Some("page-label"));
        assert_eq!(strong_kind("12 Main Street, Riverton"), None, "not strong");
        assert_eq!(weak_kind("He lived at 12 Main Street for years."), None);
    }
}
