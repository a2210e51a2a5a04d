//! Page furniture: the text of the page that belongs to no article, recognised by its kind
//! and shape, and what it tells about the page.
//!
//! # What it does
//! Classifies as [`BlockKind::Furniture`] every line that is, as a whole, one of these kinds
//! (the rule id is `layout.furniture.<kind>`):
//! `masthead` (a line of upper-case Latin words on a CJK page: RENMIN RIBAO, DAILY, also
//! letter-spaced: X I N H UA D A I LY), `page-label` (第5版, 叠C, A3, 平湖版, 今日12版), `date` (a
//! line made only of a date, weekday, lunar date, issue number such as 总第5134期, page label or
//! masthead word; a weekday alone), `serial` (国内统一连续出版物号 CN33-0001, ISSN …), `credits`
//! (编辑/…, 责任编辑：…, 法律顾问, with the copyright notice they often share a line with),
//! `copyright`, `contact` (hotlines, phone numbers and web addresses in label: value lists;
//! the paper's address alone, 地址：青岳路288号), `publisher` (嘉兴日报社 中共平湖市委 联办),
//! `app-promo` (…客户端, 公众号), `jump` (下转C2版, （下转第四版）, 上接第一版), `markup` (a lone
//! `>`) and `band` (a header band on one line, its items spaced apart, as `pdftotext -layout`
//! prints it). Then, by position, `band` again: up to three short lines standing between
//! furniture lines or between furniture and the page's edge, or closing the header band with
//! the page number (城事 / 11) ([`classify_bands`]). A jump line inside a paragraph
//! (…宋怡玲指出,■下转 C2版) or a continuation line opening one (（上接第1版）党建强…) is cut
//! out with an edit, and so is a stray `> ` at the start of a line; on a page that shows raw
//! layout, so is a staff credit that pdftotext fused onto the end of another column's line
//! after one space (`…开展情况。 本版编辑：王强`, `layout.furniture.fused-credits`). What the lines say about the page goes into `page.meta.facts`: `date`
//! (YYYY-MM-DD), `weekday`, `lunar_date`, `issue`, `page_label`, `publication`.
//!
//! Shapes that carry over between papers and scripts (Latin jump lines, dates, labels,
//! serials, prices, contacts, staff credits, publisher lines; more CJK credits and labels) are
//! decided in [`crate::classify::evidence`]; weak ones (a street address, a page number beside
//! capitals) count only at the page's edge beside furniture, and furniture wrapped over two
//! lines of a narrow column counts when the two lines make one shape near an edge
//! (`classify_wrapped`). Every removal carries a note naming its evidence
//! (`date: dates and weekdays only; the whole line`).
//!
//! # Why
//! Furniture is repeated on every page and is not part of any article: left in, it breaks
//! paragraphs and pollutes corpora. Removed, it stays in the edit log, and its facts are
//! kept as metadata.
//!
//! # Example
//! `2024年5月6日 星期一` → furniture (`date`), facts `date=2024-05-06`, `weekday=星期一`.
//!
//! # When it must not fire
//! On article sentences that mention these things: `记者从市网信办获悉，举报电话为12377。`
//! (ends a sentence), `2023年，全市共完成…` (more than a date), a headline in capitals on
//! a Latin page (the masthead shape needs a CJK page), `编辑部的故事` (no role separator).

use std::sync::LazyLock;

use newsclean_core::chars::is_cjk;
use newsclean_core::{BlockKind, Context, Page, Pass, PassError, TextEdit};
use regex::Regex;

use crate::text::{cells, ends_clause, ends_sentence, is_open};

/// The furniture pass.
#[derive(Debug, Default)]
pub struct Furniture;

/// The id of the furniture pass: the facade puts the rules' furniture pass right after it.
pub const PASS_ID: &str = "layout.furniture";

macro_rules! re {
    ($name:ident, $pat:expr) => {
        static $name: LazyLock<Regex> = LazyLock::new(|| Regex::new($pat).expect("valid regex"));
    };
}

const NUM: &str = "[0-9０-９一二三四五六七八九十百〇零]";
re!(MASTHEAD, r"^[A-Z][A-Z'&.]+(?:[ \t]+[A-Z][A-Z'&.]+)*$");
re!(
    PAGE_LABEL,
    &format!(
        r"^[■◆●]?\s*(?:第\s*{NUM}{{1,3}}\s*版|叠\s*[A-Z]|[A-Z]\s*\d{{1,2}}(?:\s*版)?|[A-Z]叠|\p{{Han}}{{1,4}}版|今日\s*{NUM}{{1,3}}\s*版)\s*$"
    )
);
re!(
    DATE,
    &format!(
        r"(?:\d{{4}}|[〇零一二三四五六七八九]{{4}})\s*年\s*{NUM}{{1,2}}\s*月\s*{NUM}{{1,3}}\s*日|\d{{4}}[-./]\d{{1,2}}[-./]\d{{1,2}}"
    )
);
re!(WEEKDAY, r"星期[一二三四五六日天]?|礼拜[一二三四五六日天]|周[一二三四五六日]");
re!(LUNAR, r"农历\s*[\p{Han}]{2,12}");
re!(ISSUE, &format!(r"总第\s*{NUM}+\s*期|第\s*{NUM}+\s*期|[Nn][Oo]\.\s*\d+"));
re!(
    LABEL_TOKEN,
    &format!(r"第\s*{NUM}{{1,3}}\s*版|今日\s*\d+\s*版|[A-Z][A-Z]+|叠\s*[A-Z]|[A-Z]\d{{1,2}}版?")
);
re!(SEPARATORS, r"^[\s◆■●◇·|/,，、]*$");
re!(
    CREDIT_ROLE,
    r"(?:责任编辑|美术编辑|责编|美编|编辑|版式|校对|组版|排版|审读|审校|制图|照排|法律顾问|值班主任|总编辑)\s*[/／：:]"
);
// The Chinese notices anywhere in the line; `©` and `Copyright` only opening it (`© 2024 …`,
// `Copyright © …`): a line of text that mentions them (`Photo © Reuters, …`) is no notice.
re!(
    COPYRIGHT,
    r"未经.{0,12}(?:授权|许可|同意)|版权所有|不得(?:复制|转载|摘编)|^[■◆●\s]*(?:[Cc]opyright|COPYRIGHT|©)"
);
/// A web address (`http(s)://…` or `www.…`); the evidence shapes read it too.
pub(super) static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:https?://|www\.)[A-Za-z0-9./_\-?=&%#]+").expect("valid regex"));
// The serial numbers of a periodical: CN 33-0001, CN33-0001/N, ISSN 1234-567X.
re!(
    SERIAL,
    r"(?:CN|ＣＮ)\s*\d{2}\s*[-－—–]\s*\d{4}(?:\s*/\s*[A-Z]{1,2})?|ISSN\s*\d{4}\s*[-－]\s*\d{3}[\dXx]"
);
re!(WEEKDAY_LINE, r"^(?:星期[一二三四五六日天]|礼拜[一二三四五六日天])$");
// The paper's address alone on a line: 地址：青岳路288号, 社址：…大厦5楼.
re!(ADDRESS_LINE, r"^(?:社址|地址)\s*[:：]\s*[^，。；、,;\s]{2,24}?(?:\d+号|号|楼|室|层)$");
re!(PHONE, r"(?:\d{3,4}[-－])?\d{7,8}|1[3-9]\d{9}");
re!(CONTACT_WORD, r"热线|电话|传真|邮编|投诉|订阅|发行|广告|网址|数字报|网站|邮箱|微信|\p{Han}{1,4}网");
re!(PUBLISHER, r"(?:联办|主办|主管|出版|协办|承办)$");
re!(APP, r"客户端|APP|App|公众号|扫码|扫一扫|二维码|视频号|抖音号|微信号|微博号");
re!(
    JUMP,
    &format!(
        r"[■◆●▲]?\s*[（(]?\s*(?:下转|上接|下接|接上|转下|转第|接第|转\s*[A-Z])\s*(?:第\s*)?[A-Z]?\s*{NUM}{{0,3}}\s*版\s*[）)]?"
    )
);

/// Which of the characters that the furniture patterns cannot match without a line holds,
/// found in one scan: each regex of [`furniture_kind`] is tried only when its characters are
/// there (this runs on every line of every page; the checks never change a decision, which
/// the `prefilter` tests prove against the plain version).
#[derive(Default)]
struct Seen {
    chars: usize,
    /// Characters but white space (a wide gutter inside a header line counts nothing).
    visible: usize,
    upper: bool,
    jump: bool,
    label: bool,
    date: bool,
    copyright: bool,
    role_mark: bool,
    serial: bool,
    weekday: bool,
    space: bool,
    app: bool,
    address: bool,
    markup_only: bool,
}

impl Seen {
    fn scan(t: &str) -> Seen {
        let mut s = Seen { markup_only: true, ..Seen::default() };
        for c in t.chars() {
            s.chars += 1;
            s.visible += usize::from(!c.is_whitespace());
            s.markup_only &= c == '>' || c.is_whitespace();
            match c {
                'A'..='Z' => {
                    s.upper = true;
                    s.serial |= c == 'C' || c == 'I';
                    s.app |= c == 'A';
                }
                '转' | '接' => s.jump = true,
                '版' => {
                    s.label = true;
                    s.copyright = true;
                }
                '叠' => s.label = true,
                '年' | '期' | '历' | '-' | '.' => s.date = true,
                '/' => {
                    s.date = true;
                    s.role_mark = true;
                }
                '未' | '不' | '©' => s.copyright = true,
                'y' => s.copyright |= t.contains("opyright"),
                '／' | '：' | ':' => s.role_mark = true,
                'Ｃ' => s.serial = true,
                '星' | '礼' => s.weekday = true,
                '址' => s.address = true,
                ' ' | '\u{3000}' => s.space = true,
                '客' | '公' | '扫' | '二' | '视' | '抖' | '微' => s.app = true,
                _ => {}
            }
        }
        s
    }
}

/// What kind of furniture a whole line is, if it is furniture.
pub fn furniture_kind(line: &str, cjk_page: bool) -> Option<&'static str> {
    let t = line.trim();
    if t.is_empty() {
        return None;
    }
    let seen = Seen::scan(t);
    if seen.markup_only {
        return Some("markup");
    }
    let has_copyright = || seen.copyright && COPYRIGHT.is_match(t);
    if seen.jump
        && let Some(m) = JUMP.find(t)
        && m.start() == 0
        && m.end() == t.len()
    {
        return Some("jump");
    }
    if cjk_page
        && t.as_bytes()[0].is_ascii_uppercase()
        && MASTHEAD.is_match(t)
        && t.chars().filter(|c| c.is_ascii_alphabetic()).count() >= 4
    {
        return Some("masthead");
    }
    if (seen.label || seen.upper) && PAGE_LABEL.is_match(t) {
        return Some("page-label");
    }
    if seen.date && is_date_line(t) {
        return Some("date");
    }
    if (seen.serial || seen.weekday || seen.upper || seen.address)
        && let Some(kind) = shape_kind(t, cjk_page)
    {
        return Some(kind);
    }
    // Shapes that carry over from paper to paper (they guard against prose themselves: a
    // publisher's `S.p.A.` ends in a full stop, a sentence does not end in a capital).
    if let Some((kind, _)) = crate::classify::evidence::strong_kind(t) {
        return Some(kind);
    }
    if ends_sentence(t) && !has_copyright() {
        // A footer band whose last item is a copyright notice ending in a full stop.
        let band = seen.chars > seen.visible + 2 && is_band_line(t, cjk_page);
        return band.then_some("band");
    }
    let roles = if seen.role_mark { CREDIT_ROLE.find_iter(t).count() } else { 0 };
    if roles >= 2 || (roles == 1 && CREDIT_ROLE.find(t).is_some_and(|m| m.start() == 0) && seen.visible <= 40)
    {
        return Some("credits");
    }
    if seen.chars <= 120 && has_copyright() {
        return Some("copyright");
    }
    if is_contact_line(t) {
        return Some("contact");
    }
    let short = seen.chars <= 30 && !ends_clause(t);
    if short && seen.space && t.ends_with(['办', '管', '版']) && PUBLISHER.is_match(t) {
        return Some("publisher");
    }
    if short && seen.chars <= 20 && seen.app && APP.is_match(t) {
        return Some("app-promo");
    }
    if seen.chars > seen.visible + 2 && is_band_line(t, cjk_page) {
        return Some("band");
    }
    None
}

/// The evidence for a line that [`furniture_kind`] takes for furniture of `kind`, for the
/// note of the edit that removes it.
fn evidence_note(t: &str, kind: &str) -> String {
    let shape = match crate::classify::evidence::strong_kind(t) {
        Some((k, why)) if k == kind => why,
        _ => match kind {
            "masthead" => "a paper's name in capitals on a CJK page",
            "page-label" => "a page or edition label alone",
            "date" => "dates, weekdays, issue numbers and labels only",
            "serial" => "a periodical's serial number with a short label",
            "credits" => "staff roles with names",
            "copyright" => "a copyright notice",
            "contact" => "telephone, web or postal address with labels only",
            "publisher" => "a publisher's line, short, no clause punctuation",
            "app-promo" => "an app or account promotion, short",
            "jump" => "a jump line alone",
            "band" => "header band items spaced apart, two or more of them furniture",
            _ => "markup alone",
        },
    };
    format!("{kind}: {shape}; the whole line")
}

/// True for a header or footer band printed as one line with its items spaced apart
/// (`pdftotext -layout`: `责任编辑：莫兰   青溪时报   2025年7月13日 星期日   经济   A5`): two or more
/// items three spaces or more apart, at least two of them furniture by kind and the rest short
/// labels (a paper's name, a section, a page number).
pub(crate) fn is_band_line(t: &str, cjk_page: bool) -> bool {
    let items: Vec<&str> = t.split("   ").map(str::trim).filter(|s| !s.is_empty()).collect();
    if items.len() < 2 {
        return false;
    }
    let (mut known, mut page_number, mut dated, mut names) = (0, false, false, 0);
    for item in &items {
        match furniture_kind(item, cjk_page) {
            Some(kind) => {
                known += 1;
                dated |= kind == "date" && item.bytes().any(|b| b.is_ascii_digit());
            }
            None if is_short_label(item, 8.0) => {}
            // A street address (a weak shape) or a Latin paper's name, counted only beside
            // two furniture items or more (below).
            None if crate::classify::evidence::weak_kind(item).is_some() => {}
            None if !item.chars().any(is_cjk) && crate::classify::evidence::name_shape(item) => names += 1,
            None => return false,
        }
        page_number |= is_page_number(item);
    }
    let long_items =
        items.iter().filter(|i| !is_short_label(i, 8.0) && furniture_kind(i, cjk_page).is_none()).count();
    // Long items (a street, a paper's name) only beside two furniture items, or beside one
    // in a band of three items or more (`8 THE RIVERTON LEDGER   NOVEMBER 28, 2024   The
    // Riverton Ledger`); one name at most.
    if long_items > 0 && (known == 0 || known == 1 && items.len() < 3 || names > 1) {
        return false;
    }
    // A full date and one short label far apart (`2026年2月11日 星期三` and `桐青晚报` eight
    // spaces or more apart: the half of a band OCR read as one line; a column gutter is
    // narrower) is a band line too.
    let far_apart = t.contains("        ");
    known >= 2
        || known == 1
            && (page_number && items.len() >= 3 || dated && far_apart && items.len() == 2 || long_items > 0)
}

/// True for a short label of a band (a paper's name, a section, a page number): at most
/// `max_cells` wide, no clause punctuation in it or at its end.
fn is_short_label(t: &str, max_cells: f32) -> bool {
    cells(t) <= max_cells && !ends_clause(t) && !t.contains(['。', '，', '！', '？', '；'])
}

/// A page number standing alone: one to three digits, perhaps after a letter (11, A5).
fn is_page_number(t: &str) -> bool {
    let digits = t.trim_start_matches(|c: char| c.is_ascii_uppercase());
    t.len() - digits.len() <= 1
        && (1..=3).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
}

/// Furniture known by its shape alone: the serial-number line (国内统一连续出版物号
/// CN33-0001, ISSN …: the codes with a short label), a weekday standing alone, a masthead in
/// letter-spaced capitals (`X I N H UA D A I LY`, as justified type comes out of a PDF).
fn shape_kind(t: &str, cjk_page: bool) -> Option<&'static str> {
    if t.contains(['C', 'Ｃ', 'I']) && SERIAL.is_match(t) {
        let rest = SERIAL.replace_all(t, "");
        let label = rest
            .chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '：' | ':' | '|' | '/' | '·' | '，' | ','));
        if label.clone().count() <= 14 && label.clone().all(is_cjk) {
            return Some("serial");
        }
    }
    if t.contains(['星', '礼']) && WEEKDAY_LINE.is_match(t) {
        return Some("date");
    }
    if t.contains('址') && ADDRESS_LINE.is_match(t) {
        return Some("contact");
    }
    if cjk_page && t.as_bytes()[0].is_ascii_uppercase() {
        let tokens: Vec<&str> = t.split_whitespace().collect();
        let spaced = tokens.len() >= 5
            && tokens.iter().all(|w| w.len() <= 2 && w.bytes().all(|b| b.is_ascii_uppercase()))
            && tokens.iter().map(|w| w.len()).sum::<usize>() >= 6;
        if spaced {
            return Some("masthead");
        }
    }
    None
}

/// The longest line [`is_date_line`] looks at: 400 bytes, over 130 CJK characters.
const MAX_DATE_LINE_BYTES: usize = 400;

/// True when the line is made only of dates, weekdays, lunar dates, issue numbers, page
/// labels, masthead words and separators, with at least one date, lunar date or issue.
fn is_date_line(t: &str) -> bool {
    // DATE needs 年 or a separator of -./, LUNAR 农历, ISSUE 期 or `No.`; a line of dates is
    // short (the longest, a date with weekday, lunar date, issue and page count, is about 60
    // characters), and the check copies the line: a long line is prose.
    if t.len() > MAX_DATE_LINE_BYTES || !t.contains(['年', '期', '历', '-', '.', '/']) {
        return false;
    }
    let mut rest = t.to_string();
    let mut found = false;
    for re in [&*DATE, &*LUNAR, &*ISSUE] {
        if re.is_match(&rest) {
            found = true;
            rest = re.replace_all(&rest, " ").into_owned();
        }
    }
    if !found {
        return false;
    }
    for re in [&*WEEKDAY, &*LABEL_TOKEN] {
        rest = re.replace_all(&rest, " ").into_owned();
    }
    SEPARATORS.is_match(&rest)
}

/// True for a list of contacts: phone numbers or web addresses with short labels and
/// nothing else (热线：85858110平湖网：www.ph2009.com).
fn is_contact_line(t: &str) -> bool {
    // A web address needs `http` or `www.`, a phone number seven digits in a row.
    let digits_in_a_row = t
        .chars()
        .scan(0usize, |run, c| {
            // `is_numeric` holds for every digit `\d` matches (and more); ideographs are
            // none, and skipping them spares its table search.
            let digit = c.is_ascii_digit() || (!c.is_ascii() && !is_cjk(c) && c.is_numeric());
            *run = if digit { *run + 1 } else { 0 };
            Some(*run)
        })
        .any(|run| run >= 7);
    if !digits_in_a_row && !t.contains("http") && !t.contains("www.") {
        return false;
    }
    let urls = URL.find_iter(t).count();
    let phones = PHONE.find_iter(t).count();
    if urls + phones == 0 || (urls == 0 && !CONTACT_WORD.is_match(t)) {
        return false;
    }
    let rest = URL.replace_all(t, " ");
    let rest = PHONE.replace_all(&rest, " ");
    // Labels, not prose: a sentence that names a web address or a number (`version 1.2, see
    // http://…`, `举报电话为12377。`) is article text.
    let latin_words = rest.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| w.len() > 1).count();
    if latin_words > 1 || rest.trim_end().ends_with(['。', '！', '？', '.', '!', '?']) {
        return false;
    }
    rest.split(|c: char| {
        c.is_whitespace() || matches!(c, '：' | ':' | '/' | '，' | ',' | '、' | '；' | ';' | '|')
    })
    .all(|piece| piece.chars().count() <= 8)
}

/// Learn what a furniture line says about the page.
fn learn(page: &mut Page, kind: &str, t: &str) {
    match kind {
        "masthead" => page.meta.learn("publication", t),
        "publisher" => page.meta.learn("publisher", t),
        "page-label" => page.meta.learn("page_label", t.trim_start_matches(['■', '◆', '●']).trim()),
        "date" => {
            if let Some(m) = DATE.find(t) {
                let digits: Vec<u32> = m
                    .as_str()
                    .split(|c: char| !c.is_ascii_digit())
                    .filter(|s| !s.is_empty())
                    .filter_map(|s| s.parse().ok())
                    .collect();
                match digits[..] {
                    [y, mo, d] => page.meta.learn("date", format!("{y:04}-{mo:02}-{d:02}")),
                    _ => page.meta.learn("date", m.as_str()),
                }
            }
            if let Some(m) = WEEKDAY.find(t)
                && (m.as_str().chars().count() > 2 || !m.as_str().starts_with("星期"))
            {
                page.meta.learn("weekday", m.as_str());
            }
            if let Some(m) = LUNAR.find(t) {
                page.meta.learn("lunar_date", m.as_str().trim_start_matches("农历").trim());
            }
            if let Some(m) = ISSUE.find(t) {
                let n: String = m.as_str().chars().filter(|c| c.is_ascii_digit()).collect();
                page.meta.learn("issue", if n.is_empty() { m.as_str().to_string() } else { n });
            }
            let rest = LUNAR.replace_all(t, " ");
            if let Some(m) = LABEL_TOKEN.find(&rest) {
                if m.as_str().chars().all(|c| c.is_ascii_uppercase()) {
                    page.meta.learn("publication", m.as_str());
                } else {
                    page.meta.learn("page_label", m.as_str());
                }
            }
        }
        _ => {}
    }
}

impl Pass for Furniture {
    fn id(&self) -> &str {
        PASS_ID
    }

    fn run(&self, page: &mut Page, ctx: &Context) -> Result<(), PassError> {
        let facts = crate::analysis::facts(page);
        let (cjk_page, raw_layout) = (facts.counts.cjk_majority(), facts.raw_layout);
        let mut edits = Vec::new();
        // Date lines a Latin line above seemed to run into (asked again once the page's own
        // name is known: `The Eastwick Ledger` / `26 February 2026`).
        let mut run_into = Vec::new();
        for i in 0..page.blocks().len() {
            if !is_open(page.blocks()[i].kind) {
                continue;
            }
            let text = page.block_text(i).to_string();
            let start = page.blocks()[i].range.start;
            if text.contains('\n') {
                continue; // one line per block is what this pass expects
            }
            let kind = furniture_kind(&text, cjk_page);
            // A staff credit that pdftotext fused onto another column's line; a line the
            // credits' roles alone made furniture keeps the column text before the credit.
            let credit = if raw_layout && matches!(kind, None | Some("credits")) {
                fused_credit(&text)
                    .filter(|(cut, _)| kind.is_none() || furniture_kind(&text[..*cut], cjk_page).is_none())
            } else {
                None
            };
            if let Some(kind) = kind
                && credit.is_none()
            {
                // The shapes known only by a word (a promo, a publisher) are short lines; one
                // that is a line of wrapped running text (`…请关注“平湖发` / `布”微信公众号`)
                // is article text.
                if matches!(kind, "app-promo" | "publisher") && !is_shaped(&text) && in_running_text(page, i)
                {
                    continue;
                }
                // A date on a line of its own that a Latin sentence runs into (`…met on` /
                // `Tuesday, March 3, 1925` / `and voted…`) is running text.
                if matches!(kind, "date" | "masthead") && !cjk_page && continues_latin_sentence(page, i) {
                    run_into.push(i);
                    continue;
                }
                learn(page, kind, text.trim());
                let note = evidence_note(text.trim(), kind);
                page.classify_because(i, BlockKind::Furniture, format!("layout.furniture.{kind}"), note);
                continue;
            }
            if let Some((cut, note)) = &credit {
                let end = text.trim_end().len();
                edits.push(TextEdit::delete(start + cut..start + end, FUSED_CREDITS).with_note(note.clone()));
            }
            let before_credit = credit.as_ref().map_or(text.len(), |c| c.0);
            // A stray quote marker at the start of the line.
            if let Some(rest) = text.strip_prefix('>') {
                let n = 1 + (rest.len() - rest.trim_start().len());
                edits.push(TextEdit::delete(start..start + n, "layout.furniture.markup"));
            }
            // A jump line inside a paragraph: cut it out with the space before it. It must
            // follow punctuation or end the line, so a sentence about a page is left alone.
            for m in JUMP.find_iter(&text[..before_credit]) {
                let before = text[..m.start()].trim_end();
                let at_end = text[m.end()..].trim().is_empty();
                let after_punct = before
                    .chars()
                    .next_back()
                    .is_some_and(|c| matches!(c, '，' | ',' | '。' | '；' | '、' | ' '));
                // A continuation line opening a paragraph (（上接第1版）党建强，…): the
                // article goes on after it.
                let opens = m.start() == 0
                    && !at_end
                    && m.as_str().starts_with(['（', '('])
                    && (m.as_str().contains("上接") || m.as_str().contains("接上"));
                if opens {
                    let after = text[m.end()..].len() - text[m.end()..].trim_start().len();
                    edits.push(
                        TextEdit::delete(start..start + m.end() + after, "layout.furniture.jump")
                            .with_note("continuation line opening a paragraph"),
                    );
                    continue;
                }
                if m.start() > 0
                    && (at_end || after_punct)
                    && m.as_str().contains('转') | m.as_str().contains('接')
                {
                    let from = before.len();
                    edits.push(
                        TextEdit::delete(start + from..start + m.end(), "layout.furniture.jump")
                            .with_note("jump line inside a paragraph"),
                    );
                }
            }
        }
        classify_wrapped(page, cjk_page);
        classify_bands(page);
        let named = crate::classify::evidence::classify_own_name(page);
        for i in run_into {
            let text = page.block_text(i).trim().to_string();
            if named.contains(&(i - 1))
                && !continues_latin_sentence(page, i)
                && let Some(kind) = furniture_kind(&text, cjk_page)
            {
                learn(page, kind, &text);
                let note = evidence_note(&text, kind);
                page.classify_because(i, BlockKind::Furniture, format!("layout.furniture.{kind}"), note);
            }
        }
        classify_weak_at_edges(page);
        // The folder's evidence: lines that repeat near the edges of its pages.
        if let Some(survey) = &ctx.survey {
            crate::classify::evidence::classify_repeated(page, survey);
        }
        page.apply(edits).map_err(|source| PassError::Edit { pass: self.id().into(), source })?;
        Ok(())
    }
}

/// The rule id of a staff credit cut off the end of another column's line.
pub const FUSED_CREDITS: &str = "layout.furniture.fused-credits";

/// The CJK staff roles a fused credit may open with (and that are counted in it).
const ZH_CREDIT_ROLES: &str = "本版编辑|本版责编|本版主编|责任编辑|美术编辑|版式设计|版面设计|视觉设计|责任校对|责编|美编|编辑|版式|校对|审读";
re!(
    CREDIT_START,
    &format!(
        r"^(?:{ZH_CREDIT_ROLES}|(?:Page|Managing|Chief|Deputy|Photo)\s+[Ee]ditor|Sub-?[Ee]ditor|Editors?|Design(?:er)?|Layout|Graphics|Proofreader|(?:Edited|Layout|Design)\s+by)"
    )
);
// Every role of a credit, to count them.
re!(
    CREDIT_START_ANY,
    &format!(
        r"{ZH_CREDIT_ROLES}|(?i:\b(?:(?:edited|layout|design)\s+by|(?:page|managing|chief|deputy|photo)\s+editor|sub-?editor|editors?|design(?:er)?|layout|graphics|proofreader)\b)"
    )
);
// A separator right after a role: the credit is labelled (`本版编辑：`, `责编/`, `Design:`).
re!(CREDIT_LABELLED, r"^\s*[：:/／]");
// Latin words after which a role is the object of running text (`to the Editor: …`).
re!(
    GOES_ON,
    r"(?i)\b(?:the|a|an|our|their|his|her|its|this|that|to|by|of|for|with|from|and|or|as|said|says|told|wrote|writes|asked)$"
);

/// A staff credit fused onto the end of another column's line (`…开展情况。 本版编辑：王强`,
/// `…voted on Tuesday. Page editor: Mary Keane | Design: Tom Hart`): pdftotext's default mode
/// writes lines that share a baseline as one line with a single space between them, and a
/// credit box printed beside a column's last line comes out so. Returns the byte offset of
/// the space before the credit and the note.
///
/// The credit must start after one space (text before it, no second space), with a role in
/// its printed case, run to the line's end and be a whole credits line by its shape
/// ([`crate::classify::evidence::strong_kind`]: roles and names, nothing else); a role with no
/// separator after it needs a second role. Running text that mentions an editor does not: a
/// Latin role after a word that goes on into it (`the`, `to`, `said`), a lone Latin credit
/// after text that does not end a sentence, a CJK credit after text that is not CJK.
fn fused_credit(t: &str) -> Option<(usize, String)> {
    let t = t.trim_end();
    for (i, _) in t.match_indices(' ') {
        let (before, tail) = (&t[..i], &t[i + 1..]);
        let Some(role) = CREDIT_START.find(tail) else { continue };
        let prev = before.chars().next_back()?;
        // Inside a Latin credit (`… | Design: …`) the text before is the credit's own; a
        // column line may end in a CJK comma (`…引育“零突破”， 本版编辑：万涛`).
        if prev.is_whitespace()
            || matches!(prev, '|' | ';' | ',' | '/' | ':' | '：')
            || before.trim().chars().count() < 2
        {
            continue;
        }
        let Some(("credits", why)) = crate::classify::evidence::strong_kind(tail) else { continue };
        let roles = CREDIT_START_ANY.find_iter(tail).count();
        if !CREDIT_LABELLED.is_match(&tail[role.end()..]) && roles < 2 {
            continue;
        }
        let cjk_role = role.as_str().chars().next().is_some_and(is_cjk);
        if cjk_role {
            // CJK text has no spaces of its own: the space follows CJK text or its punctuation.
            if !(is_cjk(prev)
                || newsclean_core::chars::is_cjk_punct(prev)
                || matches!(prev, '）' | '”' | '」' | '》'))
            {
                continue;
            }
        } else {
            if GOES_ON.is_match(before) {
                continue;
            }
            let ends = before.trim_end_matches(['"', '\'', ')', '”', '’']).ends_with(['.', '!', '?']);
            if roles < 2 && !ends {
                continue;
            }
        }
        let shown: String = {
            let chars: Vec<char> = before.chars().collect();
            let from = chars.len().saturating_sub(12);
            chars[from..].iter().collect()
        };
        let note = format!(
            "credits: `{tail}` ({why}) glued after one space to the end of another column's line (…{shown})"
        );
        return Some((i, note));
    }
    None
}

/// The most lines of a run that [`classify_bands`] takes for one band...
const BAND_MAX_LINES: usize = 3;
/// ...each at most this wide (cells): a section name (要闻), a page number (11, A5), a
/// newspaper's name (青枫日报), a short label and value (地址：泽汀路5号).
const BAND_MAX_CELLS: f32 = 10.0;

/// Header and footer bands: short lines standing between furniture lines (or between
/// furniture and the page's edge) are furniture too (`layout.furniture.band`). A header band
/// prints the paper's name, the section and the page number beside the date and the editor's
/// credit, and they come out of a PDF as lines of their own between those.
///
/// Must not fire on the first headline under the band (an article line follows it), on
/// bylines, on lines that end a clause, or on a run of short lines with no furniture beside it.
fn classify_bands(page: &mut Page) {
    let n = page.blocks().len();
    let furniture = |page: &Page, j: usize| page.blocks()[j].kind == BlockKind::Furniture;
    let candidate = |page: &Page, j: usize| {
        let t = page.block_text(j).trim();
        is_open(page.blocks()[j].kind)
            && !t.contains('\n')
            && is_short_label(t, BAND_MAX_CELLS)
            && !crate::text::starts_dateline(t)
            && crate::byline::byline_form(t).is_none()
    };
    // Blocks 0..leading are all furniture.
    let mut leading = (0..n).take_while(|&k| furniture(page, k)).count();
    let mut i = 0;
    while i < n {
        if !candidate(page, i) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < n && j + 1 - i < BAND_MAX_LINES && candidate(page, j + 1) {
            j += 1;
        }
        let before = i > 0 && furniture(page, i - 1);
        let after = j + 1 < n && furniture(page, j + 1);
        // The last items of a page's header band (城事 / 11, over the first article): all
        // above is furniture, and the run holds the page number, a number or a letter and a
        // number standing alone, which no article line is.
        // The run up to its page number (a kicker may follow it: 区县新闻 / 5 / 听取民意 汲取民智).
        let page_top = before && leading >= i;
        let last_number = (i..=j).rev().find(|&k| is_page_number(page.block_text(k).trim()));
        let header_end =
            page_top && last_number.is_some_and(|e| (i..=e).all(|k| cells(page.block_text(k).trim()) <= 6.0));
        let band_end = if (before || i == 0) && (after || j + 1 == n) && (before || after) {
            Some(j)
        } else if header_end {
            last_number
        } else {
            None
        };
        if let Some(j) = band_end {
            let note = if band_end == last_number && !(before && after) {
                "band: short labels closing the header band with the page number"
            } else {
                "band: short labels standing between furniture lines or the page's edge"
            };
            for k in i..=j {
                page.classify_because(k, BlockKind::Furniture, "layout.furniture.band", note);
            }
            if leading == i {
                leading = (i..n).take_while(|&k| furniture(page, k)).count() + i;
            }
        }
        i = j + 1;
    }
}

/// True when block `i` goes on from the line right above it: no blank line between, and that
/// line (not yet classified) ends in a lower-case letter or a comma, in mid-sentence.
fn continues_latin_sentence(page: &Page, i: usize) -> bool {
    i > 0
        && is_open(page.blocks()[i - 1].kind)
        && !crate::text::blank_between(page, i - 1)
        && page.block_text(i - 1).trim_end().chars().next_back().is_some_and(|c| c.is_lowercase() || c == ',')
}

/// True when the line is a whole furniture shape of [`crate::classify::evidence`] (a
/// publisher's line by its form, not only by a word in it).
fn is_shaped(t: &str) -> bool {
    crate::classify::evidence::strong_kind(t).is_some()
}

/// How many lines from the page's top or bottom may hold furniture wrapped over two lines.
const WRAP_EDGE_LINES: usize = 8;
/// The widest second line of wrapped furniture (cells): the tail of a narrow column's line.
const WRAP_TAIL_CELLS: f32 = 10.0;

/// Furniture wrapped over two lines in a narrow column (`LINCHENG TIMES 2026年9月15日 农历` /
/// `九月十五`, `国内统一连续出版物号 CN13-` / `8364`, `Vol. XV, No.` / `294`): two lines with
/// no blank line between, near the page's top or bottom, neither furniture alone, the second
/// short, that together are one furniture line by its shape.
///
/// Must not fire on running text: two lines of a paragraph are longer than furniture or end
/// a sentence, and nothing is taken away from the middle of a page.
fn classify_wrapped(page: &mut Page, cjk_page: bool) {
    // The page's line table, built when the first candidate asks (most pages have none).
    let mut table = None;
    let n = page.blocks().len();
    let mut i = 0;
    while i + 1 < n {
        let (a, b) = (page.block_text(i), page.block_text(i + 1));
        let at = page.blocks()[i].range.start + (a.len() - a.trim_start().len());
        let candidate = is_open(page.blocks()[i].kind)
            && is_open(page.blocks()[i + 1].kind)
            && !a.trim().contains('\n')
            && !b.trim().contains('\n')
            && !crate::text::blank_between(page, i)
            && cells(b.trim()) <= WRAP_TAIL_CELLS
            && table
                .get_or_insert_with(|| crate::analysis::lines(page))
                .at(at)
                .is_some_and(|l| l.from_top < WRAP_EDGE_LINES || l.from_bottom < WRAP_EDGE_LINES);
        if !candidate {
            i += 1;
            continue;
        }
        let (a, b) = (page.block_text(i).trim(), page.block_text(i + 1).trim());
        let (last, first) = (a.chars().next_back(), b.chars().next());
        let glue = last.zip(first).is_some_and(|(l, f)| {
            l.is_ascii_alphanumeric() && f.is_ascii_alphanumeric() || matches!(l, ',' | '.' | ';' | ':')
        });
        let joined = if glue { format!("{a} {b}") } else { format!("{a}{b}") };
        match furniture_kind(&joined, cjk_page) {
            // Only shapes: not a word-known promo or publisher line, never across a byline.
            Some(kind)
                if !matches!(kind, "band" | "markup" | "app-promo")
                    && (kind != "publisher" || is_shaped(&joined))
                    && crate::byline::byline_form(a).is_none()
                    && crate::byline::byline_form(b).is_none() =>
            {
                let note = format!("{}; wrapped over two lines", evidence_note(&joined, kind));
                let rule = format!("layout.furniture.{kind}");
                learn(page, kind, &joined);
                page.classify_because(i, BlockKind::Furniture, rule.clone(), note.clone());
                page.classify_because(i + 1, BlockKind::Furniture, rule, note);
                i += 2;
            }
            _ => i += 1,
        }
    }
}

/// How many lines from the page's top or bottom count as its band for the weak shapes.
const EDGE_LINES: usize = 4;

/// Weak shapes ([`crate::classify::evidence::weak_kind`]: a street address, a page number
/// beside a name in capitals) are furniture only where furniture stands: among the first or
/// last [`EDGE_LINES`] lines of the page and right beside a furniture line; never a line of
/// running text.
fn classify_weak_at_edges(page: &mut Page) {
    // The page's own line table (how far each line stands from the top and the bottom),
    // built when the first line beside furniture asks.
    let mut table = None;
    let n = page.blocks().len();
    for i in 0..n {
        if !is_open(page.blocks()[i].kind) {
            continue;
        }
        let furniture = |j: usize| page.blocks()[j].kind == BlockKind::Furniture;
        // Both: at an edge of the page and right beside furniture (a headline in capitals
        // that opens with a number, `5 MANIFESTO THIS WEEK`, may stand at an edge too).
        // Beside furniture is asked first: it is the cheapest question.
        if !(i > 0 && furniture(i - 1) || i + 1 < n && furniture(i + 1)) {
            continue;
        }
        let raw = page.block_text(i);
        if raw.trim().contains('\n') {
            continue;
        }
        let t = raw.trim().to_string();
        let Some((kind, why)) = crate::classify::evidence::weak_kind(&t) else { continue };
        let start = page.blocks()[i].range.start + (raw.len() - raw.trim_start().len());
        let Some(line) = table.get_or_insert_with(|| crate::analysis::lines(page)).at(start) else {
            continue;
        };
        // The band also reaches as far as furniture runs from the page's edge: a footer that
        // the producer's layout software wrote first (PyMuPDF reads it so) stands above the
        // masthead, more lines down than the band holds, and is furniture as it is at the end.
        let furniture = |j: usize| page.blocks()[j].kind == BlockKind::Furniture;
        let edge_run_above = (0..i).all(furniture);
        let edge_run_below = (i + 1..n).all(furniture);
        let between = i > 0 && i + 1 < n && furniture(i - 1) && furniture(i + 1);
        let place = if between {
            "between two furniture lines"
        } else if line.from_top < EDGE_LINES {
            "in the page's top band, beside furniture"
        } else if line.from_bottom < EDGE_LINES {
            "in the page's bottom band, beside furniture"
        } else if edge_run_above {
            "under furniture only, from the page's top"
        } else if edge_run_below {
            "above furniture only, to the page's end"
        } else {
            continue;
        };
        if in_running_text(page, i) {
            continue;
        }
        page.classify_because(
            i,
            BlockKind::Furniture,
            format!("layout.furniture.{kind}"),
            format!("{kind}: {why}, {place}"),
        );
    }
}

/// True when block `i` is a line of wrapped running text: it continues the line right above
/// it (no blank line between, not indented, that line cut in mid-sentence and at least as
/// wide), or it is
/// cut in mid-sentence itself and the line right below it is no wider (it goes on there).
pub(crate) fn in_running_text(page: &Page, i: usize) -> bool {
    let line = page.block_text(i).trim();
    // A neighbour that is furniture by its shape (a date line under the publisher's line) is
    // no running text, classified yet or not; one known only by a word may be.
    let adjacent = |j: usize| {
        let t = page.block_text(j);
        is_open(page.blocks()[j].kind)
            && !t.contains('\n')
            && furniture_kind(t, true).is_none_or(|k| matches!(k, "app-promo" | "publisher") && !is_shaped(t))
    };
    // An indented line starts something new (` 平湖发布 今平湖客户端` under a headline).
    let above = i > 0
        && adjacent(i - 1)
        && !crate::text::blank_between(page, i - 1)
        && !crate::text::indented(page, i)
        && {
            let above = page.block_text(i - 1).trim();
            !ends_clause(above) && cells(above) >= cells(line)
        };
    let below = i + 1 < page.blocks().len()
        && adjacent(i + 1)
        && !crate::text::blank_between(page, i)
        && !ends_clause(line)
        && cells(line) >= cells(page.block_text(i + 1).trim());
    above || below
}

/// The decisions of [`furniture_kind`] without its cheap character checks, to prove they
/// change none.
#[cfg(test)]
mod prefilter {
    use super::*;
    use proptest::prelude::*;

    fn is_date_line_reference(t: &str) -> bool {
        if t.len() > MAX_DATE_LINE_BYTES {
            return false;
        }
        let mut rest = t.to_string();
        let mut found = false;
        for re in [&*DATE, &*LUNAR, &*ISSUE] {
            if re.is_match(&rest) {
                found = true;
                rest = re.replace_all(&rest, " ").into_owned();
            }
        }
        if !found {
            return false;
        }
        for re in [&*WEEKDAY, &*LABEL_TOKEN] {
            rest = re.replace_all(&rest, " ").into_owned();
        }
        SEPARATORS.is_match(&rest)
    }

    fn is_contact_line_reference(t: &str) -> bool {
        let urls = URL.find_iter(t).count();
        let phones = PHONE.find_iter(t).count();
        if urls + phones == 0 || (urls == 0 && !CONTACT_WORD.is_match(t)) {
            return false;
        }
        is_contact_line(t)
    }

    fn reference(line: &str, cjk_page: bool) -> Option<&'static str> {
        let t = line.trim();
        if t.is_empty() {
            return None;
        }
        if t.chars().all(|c| c == '>' || c.is_whitespace()) {
            return Some("markup");
        }
        if let Some(m) = JUMP.find(t)
            && m.start() == 0
            && m.end() == t.len()
        {
            return Some("jump");
        }
        if cjk_page && MASTHEAD.is_match(t) && t.chars().filter(|c| c.is_ascii_alphabetic()).count() >= 4 {
            return Some("masthead");
        }
        if PAGE_LABEL.is_match(t) {
            return Some("page-label");
        }
        if is_date_line_reference(t) {
            return Some("date");
        }
        if let Some(kind) = shape_kind(t, cjk_page) {
            return Some(kind);
        }
        if ends_sentence(t) && !COPYRIGHT.is_match(t) {
            return None;
        }
        let roles = CREDIT_ROLE.find_iter(t).count();
        if roles >= 2
            || (roles == 1
                && CREDIT_ROLE.find(t).is_some_and(|m| m.start() == 0)
                && t.chars().filter(|c| !c.is_whitespace()).count() <= 40)
        {
            return Some("credits");
        }
        if COPYRIGHT.is_match(t) && t.chars().count() <= 120 {
            return Some("copyright");
        }
        if is_contact_line_reference(t) {
            return Some("contact");
        }
        let short = t.chars().count() <= 30 && !ends_clause(t);
        if short && PUBLISHER.is_match(t) && t.contains([' ', '\u{3000}']) {
            return Some("publisher");
        }
        if short && t.chars().count() <= 20 && APP.is_match(t) {
            return Some("app-promo");
        }
        let spaces = t.chars().filter(|c| c.is_whitespace()).count();
        if spaces > 2 && is_band_line(t, cjk_page) {
            return Some("band");
        }
        None
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, rng_seed: proptest::test_runner::RngSeed::Fixed(0x6675_726e), ..ProptestConfig::default() })]
        #[test]
        fn cheap_checks_change_no_decision(
            line in "[ 0-9０-９A-Za-zＣ年月日期历农第版叠转接下上■◆（）()：:/／.\\-编辑责任未经授权版权不得复制©opyrightwhtp热线电话网客户端主办联办管公众号扫码视频抖音微信礼拜地址社路号楼>\u{3000}。，星期一二三四五六七八九十]{0,30}",
            cjk in any::<bool>(),
        ) {
            prop_assert_eq!(furniture_kind(&line, cjk), reference(&line, cjk), "{:?}", line);
        }
    }

    #[test]
    fn cheap_checks_on_the_seed_lines() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for line in text.lines() {
                assert_eq!(furniture_kind(line, true), reference(line, true), "{line:?}");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn band_lines_of_pdftotext_layout() {
        use super::furniture_kind as k;
        assert!(
            k(
                "责任编辑：莫兰          青溪时报          2025年7月13日 星期日          经济          A5",
                true
            )
            .is_some()
        );
        assert_eq!(k("青溪时报          2025年7月13日 星期日          经济          A5", true), Some("band"));
        assert_eq!(k("12                   时评           2026年9月15日 星期二", true), Some("band"));
        // A full date and a paper's name far apart (Tesseract's reading of half a band).
        assert_eq!(k("2026年2月11日 星期三                              桐青晚报", true), Some("band"));
        // Not: one known item only, or article text beside it, or a weekday and a label.
        assert_eq!(k("青溪时报          经济", true), None);
        assert_eq!(k("星期三          经济", true), None);
        assert_eq!(k("2026年2月11日 星期三    春耕忙", true), None);
        assert_eq!(k("2025年7月13日 星期日          本报讯昨天，全市召开会议。", true), None);
    }

    #[test]
    fn shapes_of_other_papers() {
        use super::furniture_kind as k;
        assert_eq!(k("国内统一连续出版物号 CN65-3607", true), Some("serial"));
        assert_eq!(k("CN33-0012/N ISSN 1234-567X", true), Some("serial"));
        assert_eq!(k("星期六", true), Some("date"));
        assert_eq!(k("今日12版", true), Some("page-label"));
        assert_eq!(k("Z E T I N G E V E N I N G N E W S", true), Some("masthead"));
        assert_eq!(k("X I N H UA D A I LY", true), Some("masthead"));
        // Not these: a sentence naming a serial number, a weekday in a line, spaced capitals
        // on a Latin page or too few of them.
        assert_eq!(k("本刊的国内统一连续出版物号为CN65-3607，欢迎订阅。", true), None);
        assert_eq!(k("星期六上午，市委召开会议", true), None);
        assert_eq!(k("Z E T I N G E V E N I N G N E W S", false), None);
        assert_eq!(k("A B C", true), None);
    }

    fn page_of(lines: &[&str]) -> newsclean_core::Page {
        let mut page = newsclean_core::Page::new(&(lines.join("\n") + "\n"));
        crate::lines::split_undecided_blocks(&mut page);
        newsclean_core::Pass::run(&super::Furniture, &mut page, &newsclean_core::Context::default()).unwrap();
        page
    }

    fn furniture_lines(page: &newsclean_core::Page) -> Vec<&str> {
        (0..page.blocks().len())
            .filter(|&i| page.blocks()[i].kind == newsclean_core::BlockKind::Furniture)
            .map(|i| page.block_text(i))
            .collect()
    }

    #[test]
    fn a_header_band_is_furniture_between_its_known_lines() {
        let page = page_of(&[
            "责任编辑：雷海",
            "青枫日报",
            "2024年4月14日 星期日",
            "要闻",
            "A5",
            "推动清廉建设工作不断走深走实",
            "本报讯7月30日下午，评议会召开。市委书记在会上强调，要按照省党代会的要求推进。",
        ]);
        assert_eq!(
            furniture_lines(&page),
            ["责任编辑：雷海", "青枫日报", "2024年4月14日 星期日", "要闻", "A5"]
        );
    }

    #[test]
    fn the_end_of_a_header_band_holds_the_page_number() {
        let page = page_of(&[
            "责任编辑：付晨",
            "汀港晚报",
            "2024年11月15日 星期五",
            "城事",
            "11",
            "员干部的最基本要求。当前，全市上下正全面贯彻党的二十大精神。",
        ]);
        assert_eq!(
            furniture_lines(&page),
            ["责任编辑：付晨", "汀港晚报", "2024年11月15日 星期五", "城事", "11"]
        );
        // A kicker under the page number stays (its run is cut after the number).
        let page = page_of(&[
            "责任编辑：杨璐",
            "枫青新闻",
            "2024年2月8日 星期四",
            "区县新闻",
            "5",
            "听取民意 汲取民智",
            "周军波走进人大代表联络站",
            "本报讯7月30日，市委副书记、市长周军波走进人大代表联络站开展主题接待活动。",
        ]);
        assert_eq!(
            furniture_lines(&page),
            ["责任编辑：杨璐", "枫青新闻", "2024年2月8日 星期四", "区县新闻", "5"]
        );
        // Without a page number, a short line under the band is the first headline.
        let page = page_of(&[
            "2024年11月15日 星期五",
            "春耕忙",
            "本报讯昨天，全市春耕生产全面展开，农机手们忙个不停。",
        ]);
        assert_eq!(furniture_lines(&page), ["2024年11月15日 星期五"]);
        // A number inside the article is no page number: not at the page's top.
        let page = page_of(&[
            "2024年11月15日 星期五",
            "本报讯昨天，全市春耕生产全面展开。",
            "春耕忙",
            "11",
            "农机手们忙个不停。",
        ]);
        assert_eq!(furniture_lines(&page), ["2024年11月15日 星期五"]);
    }

    #[test]
    fn address_lines_and_continuation_lines() {
        use super::furniture_kind as k;
        assert_eq!(k("地址：青岳路288号", true), Some("contact"));
        assert_eq!(k("社址：江南大厦5楼", true), Some("contact"));
        assert_eq!(k("地址：市民中心，欢迎大家前来咨询。", true), None);
        assert_eq!(k("报名地址：市民中心3楼", true), None);
        let mut page = page_of(&["（上接第1版）党建强，则根基稳；根基稳，则社会兴。"]);
        page.finalize().unwrap();
        assert_eq!(page.text(), "党建强，则根基稳；根基稳，则社会兴。\n");
        // Not a sentence about a page.
        let mut page = page_of(&["上接第1版的报道，记者继续走访。"]);
        page.finalize().unwrap();
        assert_eq!(page.text(), "上接第1版的报道，记者继续走访。\n");
    }

    #[test]
    fn a_band_needs_furniture_beside_it() {
        // The first headline under the band has article text below: not furniture.
        let page = page_of(&[
            "2024年4月14日 星期日",
            "春耕",
            "本报讯昨天，全市春耕生产全面展开，农机手们忙个不停。",
        ]);
        assert_eq!(furniture_lines(&page), ["2024年4月14日 星期日"]);
        // Short lines with no furniture beside them are not a band.
        let page = page_of(&["春耕", "夏种", "本报讯昨天，全市春耕生产全面展开，农机手们忙个不停。"]);
        assert!(furniture_lines(&page).is_empty());
        // A byline between two furniture lines stays a byline.
        let page = page_of(&["2024年4月14日 星期日", "本报记者 王强", "（下转第2版）"]);
        assert_eq!(furniture_lines(&page), ["2024年4月14日 星期日", "（下转第2版）"]);
    }

    #[test]
    fn a_copyright_sign_inside_a_line_is_text() {
        assert_eq!(furniture_kind("© 2024 Example Daily. All rights reserved", false), Some("copyright"));
        assert_eq!(furniture_kind("■Copyright 2024 本报", true), Some("copyright"));
        assert_eq!(furniture_kind("未经本报书面授权，不得转载", true), Some("copyright"));
        // Found by the property test with a random seed: a line with © in its middle was
        // taken for a notice once cleaning had made it short enough (a second clean removed it).
        assert_eq!(
            furniture_kind("The photograph, © the artist, hangs in the hall of the town", false),
            None
        );
        assert_eq!(furniture_kind("A0 a0Aa 0 aA ®𐵀 0a ®¡¡A0 ©ವ 0AA", false), None);
    }
    #[test]
    fn a_promo_word_in_a_wrapped_line_is_article_text() {
        let text = "本报讯 市民可扫码关注“平湖发\n布”微信公众号\n了解更多信息。\n\n扫码关注公众号\n";
        let mut p = Page::new(text);
        crate::lines::SplitLines.run(&mut p, &Context::default()).unwrap();
        Furniture.run(&mut p, &Context::default()).unwrap();
        let kinds: Vec<BlockKind> = p.blocks().iter().map(|b| b.kind).collect();
        assert_eq!(kinds, [BlockKind::Unknown, BlockKind::Unknown, BlockKind::Unknown, BlockKind::Furniture]);
    }

    use super::*;

    #[test]
    fn a_long_line_is_never_a_date_line() {
        assert!(is_date_line("2024年5月6日 星期一"));
        let long = "2024年5月6日 星期一 ".repeat(40);
        assert!(
            !is_date_line(&long),
            "{} bytes of dates is a table or prose, not the page's date",
            long.len()
        );
    }
    use crate::lines::SplitLines;

    fn run(text: &str) -> Page {
        let mut p = Page::new(text);
        SplitLines.run(&mut p, &Context::default()).unwrap();
        Furniture.run(&mut p, &Context::default()).unwrap();
        p
    }

    fn kinds(p: &Page) -> Vec<(String, Option<String>)> {
        (0..p.blocks().len()).map(|i| (p.block_text(i).to_string(), p.blocks()[i].rule.clone())).collect()
    }

    #[test]
    fn another_newspapers_furniture() {
        let p = run(
            "人民日报\nRENMIN RIBAO\n2024年5月6日 星期一\n第5版\n责任编辑：张三\n（下转第四版）\n正文第一段，讲一件事。\n",
        );
        let k = kinds(&p);
        // A bare title is not furniture by its shape; at the page's top edge, above the
        // masthead, it is the paper's name in a header band.
        assert_eq!(furniture_kind("人民日报", true), None);
        assert_eq!(k[0].1.as_deref(), Some("layout.furniture.band"));
        assert_eq!(k[1].1.as_deref(), Some("layout.furniture.masthead"));
        assert_eq!(k[2].1.as_deref(), Some("layout.furniture.date"));
        assert_eq!(k[3].1.as_deref(), Some("layout.furniture.page-label"));
        assert_eq!(k[4].1.as_deref(), Some("layout.furniture.credits"));
        assert_eq!(k[5].1.as_deref(), Some("layout.furniture.jump"));
        assert_eq!(k[6].1, None);
        assert_eq!(p.meta.facts["date"], "2024-05-06");
        assert_eq!(p.meta.facts["weekday"], "星期一");
        assert_eq!(p.meta.facts["page_label"], "第5版");
        assert_eq!(p.meta.facts["publication"], "RENMIN RIBAO");
    }

    #[test]
    fn shapes_of_kinds() {
        assert_eq!(furniture_kind("JIAXING农历癸卯年二月十九 总第5134期", true), Some("date"));
        assert_eq!(furniture_kind("2023年9月12日◆星期", true), Some("date"));
        assert_eq!(furniture_kind("叠C", true), Some("page-label"));
        assert_eq!(furniture_kind("A3", true), Some("page-label"));
        assert_eq!(furniture_kind("要闻版", true), Some("page-label"));
        assert_eq!(furniture_kind("热线：66668888 本报网：www.example.cn", true), Some("contact"));
        assert_eq!(furniture_kind("某某日报社 中共某某市委 联办", true), Some("publisher"));
        assert_eq!(furniture_kind("某某发布 今某某客户端", true), Some("app-promo"));
        assert_eq!(furniture_kind("美术编辑/王五 校对/赵六", true), Some("credits"));
        assert_eq!(furniture_kind(">", true), Some("markup"));
        assert_eq!(furniture_kind("■下转 C2版", true), Some("jump"));
        assert_eq!(furniture_kind("上接第一版", true), Some("jump"));
    }

    #[test]
    fn sentences_with_addresses_are_not_contact_lines() {
        assert_eq!(furniture_kind("version 1.2, see http://a.b/c?d=1,2", true), None);
        assert_eq!(furniture_kind("Call us on 0573-85286100 or write to the desk", true), None);
        assert_eq!(furniture_kind("详情请登录www.example.cn查询。", true), None);
        assert_eq!(furniture_kind("Tel: 0573-85286100 www.example.cn", true), Some("contact"));
    }

    #[test]
    fn must_not_fire_on_article_text() {
        for line in [
            "记者从市网信办获悉，举报电话为12377。",
            "2023年，全市共完成高耗低效企业整治1569家。",
            "编辑部的故事",
            "五大“根基”筑实璀璨明珠坚强底座",
            "本报讯 7月29日上午，我市召开会议。",
            "访问www.example.com可以查询更多信息，市民反映很方便。",
            "重研发 助发展",
        ] {
            assert_eq!(furniture_kind(line, true), None, "{line}");
        }
        // Capitals on a Latin page are a headline, not a masthead.
        assert_eq!(furniture_kind("CITY COUNCIL VOTES", false), None);
    }

    #[test]
    fn a_headline_in_capitals_opening_with_a_number_stays_at_the_foot() {
        let p =
            run("The council met on Monday.\n\nIt voted to approve the bridge.\n\n5 MANIFESTO THIS WEEK\n");
        assert_eq!(kinds(&p)[2].1, None, "{:?}", kinds(&p));
    }

    #[test]
    fn a_date_that_a_latin_sentence_runs_into_stays() {
        let p = run(
            "Tuesday, March 3, 1925\n\nThe council met on\nTuesday, March 3, 1925\nand voted to build the bridge.\n",
        );
        let k = kinds(&p);
        assert_eq!(k[0].1.as_deref(), Some("layout.furniture.date"), "alone at the top: {k:?}");
        assert_eq!(k[2].1, None, "inside a sentence: {k:?}");
    }

    #[test]
    fn furniture_wrapped_over_two_lines_at_the_edge() {
        let p = run(
            "LINCHENG TIMES 2026年9月15日 农历\n九月十五\n国内统一连续出版物号 CN13-\n8364\n我市科技项目立项数创新高\n\n\
                     本报讯 今年以来，全市共有\n12377\n个项目立项。\n",
        );
        let k = kinds(&p);
        for (t, rule) in &k[..4] {
            assert!(rule.as_deref().is_some_and(|r| r.starts_with("layout.furniture.")), "{t}: {k:?}");
        }
        assert_eq!(k[4].1, None, "the headline stays: {k:?}");
        assert!(k[5..].iter().all(|(_, r)| r.is_none()), "running text stays: {k:?}");
        let p = run("平湖发布 今平湖客户端\n■记者 李雨婷\n党建强，则根基稳；根基稳，则社会兴。\n");
        assert!(
            kinds(&p)[1].1.as_deref() != Some("layout.furniture.app-promo"),
            "a byline is never wrapped furniture: {:?}",
            kinds(&p)
        );
        let p = run("Vol. XV, No.\n294\nRAILWAY PLANS A SECOND LINE\n");
        let k = kinds(&p);
        assert!(k[0].1.is_some() && k[1].1.is_some() && k[2].1.is_none(), "{k:?}");
    }

    #[test]
    fn weak_shapes_only_at_the_page_edges() {
        let body = "The council met on Monday.\n\nIt voted to approve the bridge.\n\nWork begins in spring.\n\n\
                    Residents were pleased.\n\n";
        let p = run(&format!(
            "{body}12 Main Street, Riverton\n\n{body}More news follows.\n\nThe end.\n\nOf the page.\n\nReally.\n\n\
                              4 THE RIVERTON LEDGER\n\nTuesday, March 3, 1925\n"
        ));
        let k = kinds(&p);
        let mid = k.iter().find(|(t, _)| t.contains("Main Street")).expect("line");
        assert_eq!(mid.1, None, "mid-page, a street address may be prose");
        let foot = k.iter().find(|(t, _)| t.contains("RIVERTON LEDGER")).expect("line");
        assert_eq!(foot.1.as_deref(), Some("layout.furniture.page-label"), "at the page's foot");
        let i = (0..p.blocks().len()).find(|&i| p.block_text(i).contains("RIVERTON")).expect("block");
        assert!(
            p.blocks()[i].note.as_deref().is_some_and(|n| n.contains("bottom band")),
            "{:?}",
            p.blocks()[i].note
        );
        // Mid-page, but between two furniture lines (pdftotext prints a footer's items as
        // lines of their own, in mid-page where its order puts them).
        let p = run(&format!(
            "{body}€ 1,40\n\n113 Main Street, Brookfield\n\nVol. XXXIII, No. 212\n\n{body}{body}"
        ));
        let k = kinds(&p);
        let mid = k.iter().find(|(t, _)| t.contains("Main Street")).expect("line");
        assert_eq!(mid.1.as_deref(), Some("layout.furniture.contact"), "{k:?}");
    }

    /// A footer written first (a producer's order, as PyMuPDF reads it): its street address
    /// stands more lines down than the top band holds, under furniture only, and is furniture
    /// as it is at the foot. Under a line of text it is not.
    #[test]
    fn a_footer_written_first_is_furniture_past_the_top_band() {
        let foot = "Edited by Helen Dunmore; layout by Mary Keane\nwww.eastwickledger.com | Tel. 042 519312\n\
                    Telephone: 555-9312\nPRICE TWO CENTS\nPrinted at Whitby Street Works\n113 Main Street, Eastwick\n";
        let body = "The council met on Monday and voted to approve the bridge.\n\nWork begins in spring.\n";
        let p = run(&format!("{foot}{body}\nResidents cheered.\n\nThe mayor spoke.\n\nIt rained.\n\n{body}"));
        let k = kinds(&p);
        let addr = k.iter().find(|(t, _)| t.contains("Main Street")).expect("line");
        assert_eq!(addr.1.as_deref(), Some("layout.furniture.contact"), "{k:?}");
        let i = (0..p.blocks().len()).find(|&i| p.block_text(i).contains("Main Street")).expect("block");
        assert!(
            p.blocks()[i].note.as_deref().is_some_and(|n| n.contains("from the page's top")),
            "{:?}",
            p.blocks()[i].note
        );
        // Must not fire: a line of text stands above it.
        let p = run(&format!(
            "{foot}The council met on Monday.\n\nIt voted.\n\nWork begins.\n\nResidents cheered.\n\n\
             PRICE TWO CENTS\n12 Main Street, Riverton\n\n{body}{body}{body}"
        ));
        let k = kinds(&p);
        let addr = k.iter().find(|(t, _)| t.contains("12 Main Street")).expect("line");
        assert_eq!(addr.1, None, "{k:?}");
    }

    #[test]
    fn inline_jump_and_markup_cut_out() {
        let p = run("宋怡玲指出,■下转 C2版\n> 党建与业务融合\n他说见第3版的报道。\n");
        assert_eq!(p.text(), "宋怡玲指出,\n党建与业务融合\n他说见第3版的报道。\n");
        assert!(
            p.log().edits().iter().any(|e| e.rule == "layout.furniture.jump" && e.before.contains("下转"))
        );
    }

    /// The text after the fused-credit edits, and the notes of those edits.
    fn fused(text: &str) -> (String, Vec<String>) {
        let p = run(text);
        let notes = p
            .log()
            .edits()
            .iter()
            .filter(|e| e.rule == FUSED_CREDITS)
            .map(|e| e.note.clone().unwrap_or_default())
            .collect();
        (p.text().to_string(), notes)
    }

    #[test]
    fn a_credit_fused_onto_a_column_line_is_cut_off() {
        for (raw, want) in [
            (
                "练中心，实地视察今年征兵工作开展情况。 本版编辑：王强",
                "练中心，实地视察今年征兵工作开展情况。",
            ),
            (
                "项目计划于明年投产，一期达产后预计年 责任编辑：雷海　美术编辑：金涛",
                "项目计划于明年投产，一期达产后预计年",
            ),
            (
                "城南路延伸段工程已进入收尾阶段。 版式设计：程怡　校对：唐明",
                "城南路延伸段工程已进入收尾阶段。",
            ),
            ("带动农民增收致富 责编/王强 美编/李明 校对/张三", "带动农民增收致富"),
            (
                "载体等细分领域均实现引领性企业引育“零突破”， 本版编辑：万涛",
                "载体等细分领域均实现引领性企业引育“零突破”，",
            ),
            (
                "the council voted on the budget in Page editor: Mary Keane | Design: Tom Hart",
                "the council voted on the budget in",
            ),
            ("and the bridge will open in May. Editor: John Smith", "and the bridge will open in May."),
            ("residents of the valley Edited by Mary Keane; layout by Tom Hart", "residents of the valley"),
        ] {
            let (text, notes) = fused(&format!("第一段。\n\n{raw}\n下一行正文。\n"));
            assert_eq!(text, format!("第一段。\n\n{want}\n下一行正文。\n"), "{raw}");
            assert_eq!(notes.len(), 1, "{raw}");
            assert!(
                notes[0].starts_with("credits: `") && notes[0].contains("glued after one space"),
                "{notes:?}"
            );
        }
    }

    #[test]
    fn running_text_that_mentions_an_editor_keeps_it() {
        for raw in [
            // No space before the role: CJK running text.
            "记者采访了本版编辑：王强",
            "他是本报的责任编辑 王强说",
            // The role goes on from the word before it, or the credit does not end the line.
            "The letter was sent to the Editor: John Smith",
            "and the reply came from the Page editor: Mary Keane | Design: Tom Hart",
            "the team said Editor: John Smith had left the paper on Monday",
            "the page editor: Mary Keane said the paper would not comment",
            // A lone Latin credit after text that does not end a sentence.
            "we spoke with residents Editor: John Smith",
            // Two spaces: a gap, not a fused line (another pass's business).
            "开展情况。  ",
            // A credit alone on its line is the whole-line rule's.
            "本版编辑：王强",
            "Page editor: Mary Keane | Design: Tom Hart",
            // An e-mail, a URL, numbers.
            "write to editor@example.com Editor: 12",
            "see https://example.com/Editor: John",
        ] {
            let (text, notes) = fused(&format!("第一段。\n\n{raw}\n"));
            assert!(notes.is_empty(), "{raw}: {notes:?}");
            if !raw.starts_with("本版编辑") && !raw.starts_with("Page editor") {
                assert!(text.contains(raw.trim_end()), "{raw}");
            }
        }
    }

    #[test]
    fn a_fused_credit_needs_raw_layout() {
        // Clean text (no blank line, no hard wrapping) is left as it is.
        let (text, notes) = fused("练中心，实地视察今年征兵工作开展情况。 本版编辑：王强\n");
        assert!(notes.is_empty());
        assert_eq!(text, "练中心，实地视察今年征兵工作开展情况。 本版编辑：王强\n");
    }

    #[test]
    fn cutting_a_fused_credit_is_idempotent() {
        let (once, _) =
            fused("第一段。\n\n练中心，实地视察今年征兵工作开展情况。 本版编辑：王强\n下一行。\n");
        let (twice, notes) = fused(&once);
        assert!(notes.is_empty());
        assert_eq!(once, twice);
    }
}
#[cfg(test)]
mod latin_bands {
    use super::furniture_kind as k;

    #[test]
    fn latin_header_and_footer_bands_of_pdftotext_layout() {
        for line in [
            "Telephone: 555-2979                 e-mail: letters@riverton.com                 Published daily by the Riverton Ledger Company         © 2027 The Riverton Ledger. All rights reserved.",
            "OPINION | 12                                         DECEMBER 17, 2027                                            The Riverton Ledger                                  Editor: Mary Dunmore",
            "8 THE RIVERTON LEDGER                                NOVEMBER 28, 2024                                 The Riverton Ledger",
            "www.rivertonledger.com | Tel. 042 519312       Telephone: 555-9312         PRICE TWO CENTS             Printed at Whitby Street Works            113 Main Street, Riverton",
        ] {
            assert_eq!(k(line, false), Some("band"), "{line}");
        }
        // Not: columns of article text beside furniture, a headline beside one furniture
        // item, two names beside two items.
        for line in [
            "By HELEN FENWICK                                       evening. Members of the school committee",
            "Harbour Board Asks for Survey                          Telephone: 555-9312",
            "Harbour Board Asks for Survey         NOVEMBER 28, 2024",
            "Harbour Board Asks for Survey      NOVEMBER 28, 2024      Council Delays Vote",
            "Continued on Page 4        The council voted on Monday to approve the plan.",
            "Harbour Board Asks for Survey      Telephone: 555-9312      Council Delays Vote      PRICE TWO CENTS",
            "The mayor said they would oppose it.       © 2027 The Riverton Ledger. All rights reserved.",
        ] {
            assert_eq!(k(line, false), None, "{line}");
        }
    }
}
