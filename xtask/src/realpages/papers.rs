//! The invented papers of `cargo xtask realpages` and the grammar their furniture is drawn
//! from: each paper picks one form of each kind (masthead, date, page label, staff credit,
//! publisher, serial, price, contact, jump line, imprint) out of tables of shapes, so that a
//! cleaner tuned on some papers meets forms and combinations it has not seen on the others.
//! The papers are split by the seed into a development split and a held-out split.
//!
//! Latin-script papers (English, French, Italian) get their article text from a small
//! sentence generator ([`latin_article`]) with drop caps and bylines of their own.

use super::Rng;

/// The script and language a paper prints in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
    Fr,
    It,
}

/// One invented paper.
#[derive(Clone, Debug)]
pub struct Paper {
    /// Its number (`p03`), stable for a seed.
    pub id: usize,
    pub lang: Lang,
    /// The printed name (泽汀晚报, The Riverton Ledger).
    pub name: String,
    /// A Latin name beside a Chinese one (ZETING EVENING NEWS), or the name in capitals.
    pub latin_name: String,
    /// Its web host.
    pub host: String,
    /// The town it is printed in (a Latin paper's imprint), or its place's name.
    pub town: String,
    /// True when the paper is in the held-out split.
    pub held_out: bool,
    /// The form of each kind, an index into that kind's table.
    pub date: usize,
    pub label: usize,
    pub credit: usize,
    pub publisher: usize,
    pub serial: usize,
    pub price: usize,
    pub contact: usize,
    pub jump: usize,
    pub imprint: usize,
    /// The masthead: name alone, name and date on one line, name with the price...
    pub mast: usize,
    /// Prints its staff credit between articles (a box at the foot of an article) rather than
    /// in the footer.
    pub credit_between: bool,
    /// Its layout software writes the page in a producer's order rather than the reading
    /// order (as Founder's does): the footer first, each article's headline after its body,
    /// the photo captions at the end. The page looks the same; `get_text()` reads that order.
    pub producer: bool,
}

/// What a furniture shape is filled with.
pub struct Fill<'a> {
    pub paper: &'a Paper,
    pub y: i32,
    pub m: u32,
    pub d: u32,
    /// 0 = Sunday.
    pub wd: usize,
    pub page_no: usize,
    pub section: &'a str,
    pub person: &'a dyn Fn(usize) -> String,
    /// A number of the page's own (serials, phone numbers).
    pub n: usize,
    /// The page a cut article goes on to.
    pub to: usize,
}

/// A shape: the printed text of one furniture element.
pub type Shape = fn(&Fill) -> String;

const ZH_WD: [&str; 7] = ["日", "一", "二", "三", "四", "五", "六"];
const EN_WD: [&str; 7] = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const EN_MO: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const FR_WD: [&str; 7] = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];
const FR_MO: [&str; 12] = [
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
];
const IT_WD: [&str; 7] = ["domenica", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato"];
const IT_MO: [&str; 12] = [
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
    "novembre",
    "dicembre",
];

fn zh_digits(n: u32) -> String {
    let d = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    n.to_string().chars().map(|c| d[c.to_digit(10).unwrap_or(0) as usize]).collect()
}

fn zh_small(n: u32) -> String {
    let d = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => d[n as usize].to_string(),
        10 => "十".into(),
        11..=19 => format!("十{}", d[(n % 10) as usize]),
        _ => format!("{}十{}", d[(n / 10) as usize], d[(n % 10) as usize]),
    }
}

fn roman(mut n: usize) -> String {
    let t = [(50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
    let mut s = String::new();
    for (v, r) in t {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// Chinese dates (7 forms).
pub const ZH_DATES: &[Shape] = &[
    |f| format!("{}年{}月{}日", f.y, f.m, f.d),
    |f| format!("{}年{}月{}日 星期{}", f.y, f.m, f.d, ZH_WD[f.wd]),
    |f| format!("{}-{:02}-{:02}", f.y, f.m, f.d),
    |f| format!("{}年{}月{}日", zh_digits(f.y as u32), zh_small(f.m), zh_small(f.d)),
    |f| format!("{}月{}日 周{}", f.m, f.d, ZH_WD[f.wd]),
    |f| format!("{}.{:02}.{:02} 星期{}", f.y, f.m, f.d, ZH_WD[f.wd]),
    |f| format!("{}年{}月{}日 农历{}月{}", f.y, f.m, f.d, zh_small(f.m), ["初三", "十五", "廿六"][f.n % 3]),
];

/// Latin dates by language (English 5, French 2, Italian 2 forms).
pub const EN_DATES: &[Shape] = &[
    |f| format!("{}, {} {}, {}", EN_WD[f.wd], EN_MO[f.m as usize - 1], f.d, f.y),
    |f| format!("{} {}, {}", EN_MO[f.m as usize - 1].to_uppercase(), f.d, f.y),
    |f| format!("{} {} {}", f.d, EN_MO[f.m as usize - 1], f.y),
    |f| format!("{}, {} {} {}", EN_WD[f.wd].to_uppercase(), f.d, EN_MO[f.m as usize - 1].to_uppercase(), f.y),
    |f| format!("{:02}/{:02}/{}", f.m, f.d, f.y),
];
pub const FR_DATES: &[Shape] = &[
    |f| format!("{} {} {} {}", capital(FR_WD[f.wd]), f.d, FR_MO[f.m as usize - 1], f.y),
    |f| format!("{:02}.{:02}.{}", f.d, f.m, f.y),
];
pub const IT_DATES: &[Shape] = &[
    |f| format!("{} {} {} {}", capital(IT_WD[f.wd]), f.d, IT_MO[f.m as usize - 1], f.y),
    |f| format!("{}/{}/{}", f.d, f.m, f.y),
];

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// Page and edition labels (Chinese 6, Latin 6).
pub const ZH_LABELS: &[Shape] = &[
    |f| format!("第{}版", f.page_no),
    |f| format!("A{}", f.page_no),
    |f| format!("{}·A{}", f.section, f.page_no),
    |f| format!("{:02} {}", f.page_no, f.section),
    |f| format!("第{}版：{}", f.page_no, f.section),
    |f| format!("B{} {}", f.page_no, f.section),
];
pub const LATIN_LABELS: &[Shape] = &[
    |f| format!("Page {}", f.page_no),
    |f| format!("A{}", f.page_no),
    |f| format!("{} | {}", f.section.to_uppercase(), f.page_no),
    |f| format!("PAGE {}", f.page_no),
    |f| format!("{} {}", f.page_no, f.paper.latin_name),
    |f| format!("Section B, Page {}", f.page_no),
];

/// Credits of the page's own staff (Chinese 7, Latin 3).
pub const ZH_CREDITS: &[Shape] = &[
    |f| format!("本版编辑：{}", (f.person)(1)),
    |f| format!("责任编辑：{}　美术编辑：{}", (f.person)(1), (f.person)(2)),
    |f| format!("版式设计：{}　校对：{}", (f.person)(1), (f.person)(2)),
    |f| format!("本版责编：{}　版式：{}　校对：{}", (f.person)(1), (f.person)(2), (f.person)(3)),
    |f| format!("责编/{} 美编/{} 校对/{}", (f.person)(1), (f.person)(2), (f.person)(3)),
    |f| format!("编辑 {}　审读 {}", (f.person)(1), (f.person)(2)),
    |f| format!("责任编辑 {}　版式设计 {}", (f.person)(1), (f.person)(2)),
];
pub const LATIN_CREDITS: &[Shape] = &[
    |f| format!("Editor: {}", (f.person)(1)),
    |f| format!("Page editor: {} | Design: {}", (f.person)(1), (f.person)(2)),
    |f| format!("Edited by {}; layout by {}", (f.person)(1), (f.person)(2)),
];

/// Publisher and printer lines (Chinese 4, Latin 3).
pub const ZH_PUBLISHERS: &[Shape] = &[
    |f| format!("{}社出版", f.paper.name),
    |f| format!("中共{}市委主管主办", f.paper.name.chars().take(2).collect::<String>()),
    |f| format!("主管主办：{}社", f.paper.name),
    |f| format!("{}社 出版发行", f.paper.name),
];
pub const LATIN_PUBLISHERS: &[Shape] = &[
    |f| format!("Published daily by the {} Company", f.paper.name.trim_start_matches("The ")),
    |f| format!("Printed and published by {} Ltd", f.paper.name.trim_start_matches("The ")),
    |f| format!("Editore: {} S.p.A.", f.paper.name),
];

/// Serial numbers (Chinese 4, Latin 3).
pub const ZH_SERIALS: &[Shape] = &[
    |f| format!("国内统一连续出版物号 CN{}-{:04}", 11 + f.n % 50, f.n * 7 % 10000),
    |f| format!("CN{}-{:04}", 11 + f.n % 50, f.n * 7 % 10000),
    |f| format!("邮发代号 {}-{}", 1 + f.n % 80, 10 + f.n % 90),
    |f| format!("总第{}期", 3000 + f.n % 17000),
];
pub const LATIN_SERIALS: &[Shape] = &[
    |f| format!("Vol. {}, No. {}", roman(1 + f.n % 40), 100 + f.n % 300),
    |f| format!("No. {},{:03}", 1 + f.n % 30, f.n % 1000),
    |f| format!("Anno {} - N. {}", roman(1 + f.n % 40), 1 + f.n % 300),
];

/// Prices (Chinese 3, Latin 3).
pub const ZH_PRICES: &[Shape] = &[
    |f| format!("零售价：{}.{}0元", 1 + f.n % 2, f.n % 10),
    |f| format!("每份{}.00元", 1 + f.n % 3),
    |_| "定价：每月36元".to_string(),
];
pub const LATIN_PRICES: &[Shape] = &[
    |f| format!("Price {} Cents", 2 + f.n % 8),
    |_| "PRICE TWO CENTS".to_string(),
    |f| format!("€ 1,{}0", 2 + f.n % 7),
];

/// Contact lines (Chinese 4, Latin 3).
pub const ZH_CONTACTS: &[Shape] = &[
    |f| format!("新闻热线：0{}-{}", 510 + f.n % 80, 80_000_000 + f.n * 37 % 9_999_999),
    |f| format!("网址：{}", f.paper.host),
    |f| format!("投稿邮箱：news@{}", f.paper.host.trim_start_matches("www.")),
    |f| {
        format!(
            "广告热线 0{}-{}　发行热线 0{}-{}",
            510 + f.n % 80,
            81_000_000 + f.n % 999_999,
            510 + f.n % 80,
            82_000_000 + f.n % 999_999
        )
    },
];
pub const LATIN_CONTACTS: &[Shape] = &[
    |f| format!("Telephone: 555-{:04}", f.n % 10000),
    |f| format!("e-mail: letters@{}", f.paper.host.trim_start_matches("www.")),
    |f| format!("{} | Tel. 0{} {}", f.paper.host, 10 + f.n % 80, 400_000 + f.n % 500_000),
];

/// Jump lines: (out, in) forms, Chinese 5, English 4, French 1, Italian 1.
pub const ZH_JUMPS: &[(Shape, Shape)] = &[
    (|f| format!("（下转第{}版）", f.to), |_| "（上接第1版）".to_string()),
    (|f| format!("■下转第{}版", f.to), |_| "■上接第1版".to_string()),
    (|f| format!("下转A{}版", f.to), |_| "上接A1版".to_string()),
    (|f| format!("（转第{}版）", zh_small(f.to as u32)), |_| "（接第一版）".to_string()),
    (|f| format!("→转{}版", f.to), |_| "←接1版".to_string()),
];
pub const EN_JUMPS: &[(Shape, Shape)] = &[
    (|f| format!("Continued on Page {}", f.to), |_| "Continued from Page 1".to_string()),
    (|f| format!("(Continued on page {})", f.to), |_| "(Continued from page 1)".to_string()),
    (
        |f| format!("See {}, Page {}", f.section.to_uppercase(), f.to),
        |f| format!("{} from Page 1", f.section.to_uppercase()),
    ),
    (|f| format!("Please turn to Page {}", f.to), |_| "From Page 1".to_string()),
];
pub const FR_JUMPS: &[(Shape, Shape)] =
    &[(|f| format!("suite page {}", f.to), |_| "suite de la page 1".to_string())];
pub const IT_JUMPS: &[(Shape, Shape)] =
    &[(|f| format!("● a pagina {}", f.to), |_| "● dalla prima pagina".to_string())];

/// Imprints and notices (Chinese 4, Latin 3).
pub const ZH_IMPRINTS: &[Shape] = &[
    |f| format!("本报所有原创稿件，未经{}书面授权不得转载", f.paper.name),
    |f| format!("版权所有 {}社", f.paper.name),
    |f| format!("印刷：{}印务中心", f.paper.name.chars().take(2).collect::<String>()),
    |f| {
        format!(
            "地址：{}路{}号　邮编：{}",
            f.paper.name.chars().take(2).collect::<String>(),
            1 + f.n % 300,
            310_000 + f.n % 9000
        )
    },
];
pub const LATIN_IMPRINTS: &[Shape] = &[
    |f| format!("© {} {}. All rights reserved.", f.y, f.paper.name),
    |f| format!("{} Main Street, {}", 1 + f.n % 200, f.paper.town),
    |f| format!("Printed at {} Street Works", (f.person)(4).split(' ').next_back().unwrap_or("Mill")),
];

/// All the furniture shapes of the grammar, counted by kind.
pub fn shape_counts() -> Vec<(&'static str, usize)> {
    vec![
        ("date", ZH_DATES.len() + EN_DATES.len() + FR_DATES.len() + IT_DATES.len()),
        ("page label", ZH_LABELS.len() + LATIN_LABELS.len()),
        ("staff credit", ZH_CREDITS.len() + LATIN_CREDITS.len()),
        ("publisher", ZH_PUBLISHERS.len() + LATIN_PUBLISHERS.len()),
        ("serial", ZH_SERIALS.len() + LATIN_SERIALS.len()),
        ("price", ZH_PRICES.len() + LATIN_PRICES.len()),
        ("contact", ZH_CONTACTS.len() + LATIN_CONTACTS.len()),
        ("jump", 2 * (ZH_JUMPS.len() + EN_JUMPS.len() + FR_JUMPS.len() + IT_JUMPS.len())),
        ("imprint", ZH_IMPRINTS.len() + LATIN_IMPRINTS.len()),
        ("masthead", MASTS),
    ]
}

/// The masthead forms ([`masthead`]).
pub const MASTS: usize = 4;

/// The masthead of a front page, element by element: the name alone; the name and the
/// date on one line (`THE DAILY BUGLE Tuesday, March 3, 1925`); the name over the date with
/// the serial and price; the name with a Latin name under it.
pub fn masthead(f: &Fill) -> Vec<String> {
    let p = f.paper;
    let date = date_of(f);
    match p.mast {
        0 => vec![p.name.clone(), date],
        1 => vec![format!("{} {}", p.latin_name, date)],
        2 => vec![p.name.clone(), date, serial_of(f), price_of(f)],
        _ => vec![p.name.clone(), p.latin_name.clone(), date, price_of(f)],
    }
}

pub fn date_of(f: &Fill) -> String {
    let t = match f.paper.lang {
        Lang::Zh => ZH_DATES,
        Lang::En => EN_DATES,
        Lang::Fr => FR_DATES,
        Lang::It => IT_DATES,
    };
    t[f.paper.date % t.len()](f)
}
fn pick(zh: &'static [Shape], latin: &'static [Shape], f: &Fill, k: usize) -> String {
    let t = if f.paper.lang == Lang::Zh { zh } else { latin };
    t[k % t.len()](f)
}
pub fn label_of(f: &Fill) -> String {
    pick(ZH_LABELS, LATIN_LABELS, f, f.paper.label)
}
pub fn credit_of(f: &Fill) -> String {
    pick(ZH_CREDITS, LATIN_CREDITS, f, f.paper.credit)
}
pub fn publisher_of(f: &Fill) -> String {
    pick(ZH_PUBLISHERS, LATIN_PUBLISHERS, f, f.paper.publisher)
}
pub fn serial_of(f: &Fill) -> String {
    pick(ZH_SERIALS, LATIN_SERIALS, f, f.paper.serial)
}
pub fn price_of(f: &Fill) -> String {
    pick(ZH_PRICES, LATIN_PRICES, f, f.paper.price)
}
pub fn contact_of(f: &Fill, k: usize) -> String {
    pick(ZH_CONTACTS, LATIN_CONTACTS, f, f.paper.contact + k)
}
pub fn imprint_of(f: &Fill, k: usize) -> String {
    pick(ZH_IMPRINTS, LATIN_IMPRINTS, f, f.paper.imprint + k)
}
/// The jump line that ends a cut article (`to` the page it goes on) and the one that opens
/// its continuation.
pub fn jumps_of(f: &Fill) -> (String, String) {
    let t = match f.paper.lang {
        Lang::Zh => ZH_JUMPS,
        Lang::En => EN_JUMPS,
        Lang::Fr => FR_JUMPS,
        Lang::It => IT_JUMPS,
    };
    let (out, inn) = t[f.paper.jump % t.len()];
    (out(f), inn(f))
}

/// The place syllables of the factory's made-up papers (one list for both generators).
use super::PLACES as ZH_PLACES;
const ZH_KINDS: [(&str, &str); 5] = [
    ("日报", "DAILY"),
    ("晚报", "EVENING NEWS"),
    ("时报", "TIMES"),
    ("新闻", "NEWS"),
    ("商报", "BUSINESS DAILY"),
];
const EN_TOWNS: [&str; 8] =
    ["Riverton", "Ashford", "Kellsbury", "Marlow Bay", "Eastwick", "Harlan", "Brookfield", "Stourley"];
const EN_KINDS: [&str; 6] = ["Ledger", "Courier", "Herald", "Gazette", "Chronicle", "Sentinel"];
const FR_NAMES: [&str; 3] = ["Le Courrier du Lac", "La Gazette des Monts", "L'Écho de Vallon"];
const IT_NAMES: [&str; 3] = ["Il Corriere di Valdora", "La Voce del Lago", "Gazzetta di Monteforte"];

/// The papers of a seed: 12 Chinese, 4 English, 1 French, 1 Italian; a quarter of each
/// script (rounded up) held out, chosen by the seed.
pub fn papers(seed: u64) -> Vec<Paper> {
    let mut rng = Rng::new(seed ^ 0x005E_ED0F_9A9E);
    let langs: Vec<Lang> = std::iter::repeat_n(Lang::Zh, 12)
        .chain(std::iter::repeat_n(Lang::En, 4))
        .chain([Lang::Fr, Lang::It])
        .collect();
    let mut zh_used = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    for (id, &lang) in langs.iter().enumerate() {
        let (name, latin_name, host, town) = match lang {
            Lang::Zh => loop {
                let a = rng.below(ZH_PLACES.len());
                let b = rng.below(ZH_PLACES.len());
                let (kind, lk) = ZH_KINDS[rng.below(ZH_KINDS.len())];
                if a == b || !zh_used.insert((a, b)) {
                    continue;
                }
                let place = format!("{}{}", ZH_PLACES[a].1, ZH_PLACES[b].1);
                break (
                    format!("{}{}{kind}", ZH_PLACES[a].0, ZH_PLACES[b].0),
                    format!("{place} {lk}"),
                    format!("www.{}news.cn", place.to_lowercase()),
                    place,
                );
            },
            Lang::En => {
                let town = EN_TOWNS[(id * 3 + rng.below(2)) % EN_TOWNS.len()];
                let kind = EN_KINDS[rng.below(EN_KINDS.len())];
                let name = format!("The {town} {kind}");
                let host = format!("www.{}{}.com", town.replace(' ', "").to_lowercase(), kind.to_lowercase());
                (name.clone(), name.to_uppercase(), host, town.to_string())
            }
            Lang::Fr => {
                let n = FR_NAMES[rng.below(FR_NAMES.len())];
                (n.into(), n.to_uppercase(), "www.courrier-du-lac.fr".into(), "Vallon".into())
            }
            Lang::It => {
                let n = IT_NAMES[rng.below(IT_NAMES.len())];
                (n.into(), n.to_uppercase(), "www.vocedellago.it".into(), "Valdora".into())
            }
        };
        out.push(Paper {
            id,
            lang,
            name,
            latin_name,
            host,
            town,
            held_out: false,
            date: rng.below(7),
            label: rng.below(6),
            credit: rng.below(7),
            publisher: rng.below(4),
            serial: rng.below(4),
            price: rng.below(3),
            contact: rng.below(4),
            jump: rng.below(5),
            imprint: rng.below(4),
            mast: rng.below(MASTS),
            credit_between: rng.chance(0.4),
            producer: false,
        });
    }
    // The held-out papers: 3 of the 12 Chinese, 1 of the 4 English, and the Italian one.
    let mut zh: Vec<usize> = (0..12).collect();
    rng.shuffle(&mut zh);
    for &k in &zh[..3] {
        out[k].held_out = true;
    }
    out[12 + rng.below(4)].held_out = true;
    out[17].held_out = true;
    // The producer's order: every third paper of each split (by id, from its first), so both
    // splits have some; decided without drawing from the generator, so the other papers' pages
    // stay as they were.
    for held in [false, true] {
        let ids: Vec<usize> = out.iter().filter(|p| p.held_out == held).map(|p| p.id).collect();
        for (k, id) in ids.into_iter().enumerate() {
            out[id].producer = k % 3 == 0;
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Latin article text

const EN_SUBJECTS: &[&str] = &[
    "The council",
    "The mayor",
    "A spokesman for the harbour board",
    "Residents of the east ward",
    "The county engineer",
    "Members of the school committee",
    "The new railway company",
    "Farmers in the valley",
    "The hospital trustees",
    "Police officers",
    "A group of shopkeepers",
    "The chairman of the water board",
];
const EN_VERBS: &[&str] = &[
    "voted on Monday to approve",
    "said they would oppose",
    "will consider next week",
    "have asked the state for",
    "announced plans for",
    "questioned the cost of",
    "agreed after a long debate to fund",
    "expressed concern about",
];
const EN_OBJECTS: &[&str] = &[
    "a new bridge over the river",
    "the widening of Market Street",
    "repairs to the old grammar school",
    "a second fire station",
    "the sale of the municipal gas works",
    "longer opening hours at the public library",
    "a tax on motor vehicles",
    "the purchase of land for a park",
    "a survey of the harbour wall",
];
const EN_TAILS: &[&str] = &[
    ", at a cost of about $45,000",
    " before the end of the year",
    ", despite objections from several aldermen",
    " by a vote of seven to two",
    ", the third such proposal since 1921",
    " on March 3, 1925",
    ", according to figures released on Friday",
    "",
    "",
];
const EN_EXTRA: &[&str] = &[
    "Work is expected to begin in the spring.",
    "\"We have waited long enough,\" said one resident, who asked not to be named.",
    "The report runs to 112 pages and includes 14 recommendations.",
    "Several speakers pointed out that the last survey was made in 1919.",
    "Traffic on the road has doubled in five years, the engineer said.",
    "The matter will come before the full council on April 14.",
    "No decision has yet been taken on the route.",
    "Opponents say the money would be better spent on schools.",
    "A public meeting will be held at the town hall on Thursday evening.",
];
const FR_SENTENCES: &[&str] = &[
    "Le conseil municipal a voté lundi soir la rénovation du vieux pont.",
    "Les habitants du quartier attendent ces travaux depuis plusieurs années.",
    "Le maire a rappelé que le budget de 2025 reste très serré.",
    "Selon la préfecture, plus de 3 000 personnes ont assisté à la fête du lac.",
    "Les commerçants de la place du marché se disent satisfaits de la saison.",
    "La ligne de bus sera prolongée jusqu'à la gare dès le 1er septembre.",
    "Une réunion publique aura lieu jeudi à la salle des fêtes.",
    "Les agriculteurs de la vallée craignent une nouvelle sécheresse cet été.",
    "Le chantier devrait durer dix-huit mois, selon les services techniques.",
    "L'opposition dénonce un projet trop coûteux pour la commune.",
];
const IT_SENTENCES: &[&str] = &[
    "Il consiglio comunale ha approvato ieri sera il nuovo piano del traffico.",
    "I residenti del centro storico chiedono da anni più parcheggi.",
    "Secondo il sindaco, i lavori cominceranno entro la fine di marzo.",
    "Alla festa del lago hanno partecipato oltre 4.000 persone.",
    "La biblioteca civica resterà aperta anche la domenica mattina.",
    "Gli agricoltori della valle temono una nuova estate di siccità.",
    "La linea dell'autobus sarà prolungata fino alla stazione dal 1° settembre.",
    "L'opposizione giudica il progetto troppo costoso per il comune.",
    "Il cantiere durerà diciotto mesi, secondo l'ufficio tecnico.",
    "Una riunione pubblica si terrà giovedì nella sala consiliare.",
];
const EN_HEADS: &[&str] = &[
    "COUNCIL BACKS NEW BRIDGE",
    "Harbour Board Asks for Survey",
    "SCHOOL REPAIRS DELAYED AGAIN",
    "Residents Oppose Gas Works Sale",
    "Library to Open on Sundays",
    "RAILWAY PLANS A SECOND LINE",
    "Farmers Fear Another Dry Summer",
    "Park Land Purchase Approved",
];
const FR_HEADS: &[&str] =
    &["Le vieux pont sera rénové", "FÊTE DU LAC : UN SUCCÈS", "La ligne de bus prolongée"];
const IT_HEADS: &[&str] =
    &["Nuovo piano del traffico", "FESTA DEL LAGO, PIENONE", "Biblioteca aperta la domenica"];

/// One generated article in the paper's language: its headline (and a deck under it on
/// some) and 3-7 paragraphs.
pub fn latin_article(rng: &mut Rng, lang: Lang) -> (Vec<String>, Vec<String>) {
    let heads = match lang {
        Lang::Fr => FR_HEADS,
        Lang::It => IT_HEADS,
        _ => EN_HEADS,
    };
    let mut titles = vec![rng.pick(heads).to_string()];
    if lang == Lang::En && rng.chance(0.4) {
        titles
            .push(format!("{} Say Decision Cannot Wait", rng.pick(&["Officials", "Residents", "Engineers"])));
    }
    // French and Italian sentences are drawn without putting them back (an article never
    // says one twice); English ones are put together from parts, the fixed extras drawn the
    // same way.
    let mut pool: Vec<&str> = match lang {
        Lang::Fr => FR_SENTENCES.to_vec(),
        Lang::It => IT_SENTENCES.to_vec(),
        _ => EN_EXTRA.to_vec(),
    };
    rng.shuffle(&mut pool);
    let mut paras = Vec::new();
    let n_paras = if lang == Lang::En { rng.range(3, 7) } else { rng.range(2, 4) };
    for _ in 0..n_paras {
        let mut p = String::new();
        let n = if lang == Lang::En { rng.range(2, 4) } else { rng.range(2, 3) };
        for k in 0..n {
            let sentence = if lang == Lang::En && (k == 0 || rng.chance(0.5)) || pool.is_empty() {
                if lang != Lang::En {
                    break;
                }
                format!(
                    "{} {} {}{}.",
                    rng.pick(EN_SUBJECTS),
                    rng.pick(EN_VERBS),
                    rng.pick(EN_OBJECTS),
                    rng.pick(EN_TAILS)
                )
            } else {
                pool.pop().unwrap_or_default().to_string()
            };
            if k > 0 {
                p.push(' ');
            }
            p.push_str(&sentence);
        }
        if !p.is_empty() {
            paras.push(p);
        }
    }
    (titles, paras)
}

const EN_FIRST: &[&str] = &["John", "Mary", "Arthur", "Helen", "Walter", "Grace", "Edward", "Alice"];
const EN_LAST: &[&str] =
    &["Smith", "Harlow", "Pritchard", "Dunmore", "Keane", "Whitby", "Fenwick", "Ashcroft"];
const FR_PEOPLE: &[&str] = &["Jeanne Martin", "Paul Girard", "Claire Dubois", "Luc Moreau"];
const IT_PEOPLE: &[&str] = &["Marco Rossi", "Giulia Ferri", "Luca Bianchi", "Anna Riva"];

/// A person's name in the paper's language.
pub fn latin_person(rng: &mut Rng, lang: Lang) -> String {
    match lang {
        Lang::Fr => rng.pick(FR_PEOPLE).to_string(),
        Lang::It => rng.pick(IT_PEOPLE).to_string(),
        _ => format!("{} {}", rng.pick(EN_FIRST), rng.pick(EN_LAST)),
    }
}

/// A Latin byline, one or two lines.
pub fn latin_byline(rng: &mut Rng, lang: Lang) -> Vec<String> {
    let who = latin_person(rng, lang);
    match lang {
        Lang::Fr => vec![format!("par {who}")],
        Lang::It => vec![format!("di {who}")],
        _ => match rng.below(4) {
            0 => vec![format!("By {}", who.to_uppercase())],
            1 => vec![format!("By {who}"), "Staff Writer".to_string()],
            2 => vec!["From our Correspondent".to_string()],
            _ => vec![format!("By {who}, Staff Reporter")],
        },
    }
}

/// Captions of the Latin pages' photos.
pub fn latin_caption(rng: &mut Rng, lang: Lang) -> String {
    match lang {
        Lang::Fr => "Le vieux pont, vu depuis la rive nord.".into(),
        Lang::It => "Il lungolago durante la festa di sabato.".into(),
        _ => rng
            .pick(&[
                "Workmen on the harbour wall last week.",
                "The old grammar school, closed since the winter.",
                "Crowds at the opening of the new library wing.",
            ])
            .to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grammar_is_wide_and_the_split_is_fixed_by_the_seed() {
        let total: usize = shape_counts().iter().map(|s| s.1).sum();
        assert!(total >= 40, "{total} furniture shapes");
        let p = papers(11);
        assert!(p.len() >= 12);
        let held: Vec<usize> = p.iter().filter(|p| p.held_out).map(|p| p.id).collect();
        assert_eq!(held.len(), 5);
        assert!(p.iter().any(|p| p.held_out && p.lang == Lang::Zh));
        assert!(p.iter().any(|p| p.held_out && p.lang != Lang::Zh));
        assert!(p.iter().any(|p| !p.held_out && p.lang != Lang::Zh));
        assert!(p.iter().any(|p| p.held_out && p.producer), "held-out pages in a producer's order");
        assert!(p.iter().any(|p| !p.held_out && p.producer), "dev pages in a producer's order");
        assert!(p.iter().any(|p| !p.producer));
        let again: Vec<usize> = papers(11).iter().filter(|p| p.held_out).map(|p| p.id).collect();
        assert_eq!(held, again, "the split is the seed's");
        let names: std::collections::BTreeSet<&str> = p.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names.len(), p.len(), "every paper has a name of its own");
    }

    #[test]
    fn dates_are_real_dates() {
        let paper = &papers(3)[12];
        let person = |_| "John Smith".to_string();
        let f = Fill {
            paper,
            y: 1925,
            m: 3,
            d: 3,
            wd: 2,
            page_no: 4,
            section: "Sports",
            person: &person,
            n: 4,
            to: 4,
        };
        assert_eq!(EN_DATES[0](&f), "Tuesday, March 3, 1925");
        assert_eq!(EN_JUMPS[0].0(&f), "Continued on Page 4");
        assert_eq!(EN_JUMPS[2].0(&f), "See SPORTS, Page 4");
        assert_eq!(ZH_DATES[3](&f), "一九二五年三月三日");
    }
}
