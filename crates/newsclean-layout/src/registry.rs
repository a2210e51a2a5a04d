//! The registry of layout rules: every id a layout pass logs on an edit or a block, with what
//! it does, why, an example, when it must not fire and its safety, in one table (as ruff keeps
//! its rule codes in one file). `newsclean rules list` and `rules explain`, `disable:` in a
//! rule file and docs/rules.md read it; a test walks the edits of the seeds and the realpages
//! fixtures and fails on an id that is not here.
//!
//! The pass that logs an id is named with it, and the pass's id prefixes every id it logs
//! (`layout.paragraphs` logs `layout.paragraphs.join-cjk`). Twenty ids older than that rule
//! were renamed on 2026-12-02; a user's old id still names its rule
//! ([`newsclean_core::registry::RENAMED`]).

use newsclean_core::{RuleInfo, Safety};

use crate::{
    columns, continuation, dash, doubled, duplicates, furniture, fused, latin, paragraphs, reading_order,
    spaces,
};

macro_rules! rules {
    ($($id:expr, $pass:expr, $title:expr, $why:expr, $example:expr, $not_when:expr;)*) => {
        &[$(RuleInfo {
            id: $id,
            pass: $pass,
            title: $title,
            why: $why,
            example: $example,
            not_when: $not_when,
            safety: Safety::Safe,
        }),*]
    };
}

/// Every layout rule, in the order of the passes that log them.
pub const RULES: &[RuleInfo] = rules![
    columns::RULE, columns::RULE,
    "Side-by-side columns (pdftotext -layout) are read one after another",
    "Every later pass reads a page line after line; side-by-side columns interleave the sentences of several articles.",
    "甲栏第一行    乙栏第一行 / 甲栏第二行    乙栏第二行 → 甲栏第一行 / 甲栏第二行 / (blank) / 乙栏第一行 / 乙栏第二行",
    "Lines that span the gutters (a header band, a headline across columns), table cells narrower than 12 display columns, gutters shown on too few lines.";

    columns::EDGES_RULE, columns::RULE,
    "Latin columns that pdftotext -layout prints without a gutter of spaces on every line are read apart by their left edges",
    "A Latin column begins at one display column; pdftotext pushes a line right by the overflow of the column to its left and leaves one space there, or none, so the gutters of spaces that layout.columns needs are missing on many lines and the articles are joined into one another.",
    "Market Street by a vote of            end of the year. The chairman     waited long enough,\" said one / the board said theyreleased on Friday. → column streams, one after another (theyreleased cut into they / released)",
    "CJK pages; prose, poems, indented code (no text left of a shared edge); lists of names, tables and Markdown rows (median piece under 4 words or 12 columns); lines that cross an edge with no space near it and no glued word whose halves are both words (headlines, captions across columns, band lines).";

    fused::RULE, fused::RULE,
    "Columns that pdftotext's default mode fused into one line and interleaved are read apart",
    "Interleaved columns put the sentences of two articles in turns, and a fused line joins them in mid-sentence.",
    "本报讯市委副书记、市长周军波近日赴市民兵训 / 上个星期刚签约的艾本德中国技术中心平湖项 / 练中心，实地视察… 市 目，主要生产… → column 1's lines, a blank line, column 2's lines",
    "Blocks where fewer than a fifth of the lines are cut, fragments wider than a column, paragraphs whose wrap points became spaces.";

    "layout.furniture.repeated", furniture::PASS_ID,
    "A short line that repeats near the top or bottom of the pages of the folder is furniture (the folder is evidence)",
    "A paper's name, a section's label or a footer printed on every page belongs to the page, not to an article; only the folder shows that a line with no furniture shape of its own repeats. Found by the survey of `newsclean clean DIR` (off with --no-survey), digits and dates folded.",
    "桐屿晚报 (on 12 of 12 pages of the folder, at the top) → (removed)",
    "A page cleaned alone; lines seen on one or two pages or on less than a quarter of the folder's; lines away from the page's top and bottom eight lines; lines of running text; lines with sentence or clause punctuation, bylines, datelines, lines over 40 characters.";

    "layout.furniture.own-name", furniture::PASS_ID,
    "The paper's own name on a line alone is furniture where the page's own furniture names it",
    "A masthead or the name in a header band has no furniture shape of its own; the page's publisher line, copyright notice or web address names the same paper (桐屿晚报社 出版发行, © 2027 The Stourley Sentinel, www.eastwickledger.com), and a CJK name ending in 日报/晚报/新闻 shares its place with the imprint (港临新闻, 印刷：港临印务中心). Page evidence only: no list of names.",
    "临汀新闻 (the footer reads 临汀新闻社 出版发行) → (removed)",
    "A name the page's furniture does not name; a headline that names the paper in mid-page with a byline under it; a line of running text (the line above runs on into it, or the line below goes on in lower case); a line with digits or sentence punctuation.";

    "layout.furniture.markup", furniture::PASS_ID,
    "A line of markup left by extraction (an HTML tag, a lone page marker) is furniture",
    "Markup is not article text.",
    "<br> → (removed)",
    "Text that only mentions a tag inside a sentence.";

    "layout.furniture.jump", furniture::PASS_ID,
    "A jump line (下转C2版, （上接第一版）, Continued on Page 4) is furniture",
    "It tells a reader of paper where the article goes on; in running text it interrupts a sentence. The Latin pass also removes a marker printed after a paragraph's last sentence (… said. Continued on Page 4).",
    "（下转第四版） → (removed)",
    "A sentence that mentions a page (`见第四版报道。`, See also page 5 of the report, continued on page 4 of the appendix).";

    "layout.furniture.masthead", furniture::PASS_ID,
    "The masthead (the paper's name, often letter-spaced) is furniture; the name is kept as a fact",
    "The masthead is printed on the page, not in any article.",
    "RENMIN RIBAO → (removed; publication: RENMIN RIBAO)",
    "A title or sentence that names the paper.";

    "layout.furniture.page-label", furniture::PASS_ID,
    "A page label (A5版, 今日12版, 要闻) is furniture; the label is kept as a fact",
    "The page label is printed on every page, not in any article.",
    "今日12版 → (removed; page_label: 今日12版)",
    "Short headlines and sentences that end in 版 inside running text.";

    "layout.furniture.date", furniture::PASS_ID,
    "The page's date line (2024年5月6日 星期一, lunar date, issue number) is furniture; the date is kept as a fact",
    "The date line heads the page, not an article.",
    "2024年5月6日 星期一 → (removed; date: 2024-05-06, weekday: 星期一)",
    "A sentence that gives a date (`2024年5月6日，我市召开…`), a dateline paragraph.";

    "layout.furniture.credits", furniture::PASS_ID,
    "The page's editor credits (责任编辑 … 版式 …) are furniture",
    "The credits of the page's editors belong to the page, not to an article; an article's byline is another rule.",
    "责任编辑：王明 版式：李华 → (removed)",
    "Bylines of an article (■记者 王明), a sentence about an editor.";

    "layout.furniture.fused-credits", furniture::PASS_ID,
    "A staff credit glued after one space to the end of another column's line (pdftotext fuses lines that share a baseline) is cut off as furniture",
    "pdftotext's default mode prints a credit box beside a column's last line as one line; the credit belongs to the page, and left in it runs into the article's sentence.",
    "练中心，实地视察征兵工作开展情况。 本版编辑：王强 → 练中心，实地视察征兵工作开展情况。",
    "Running text that mentions an editor (`… said the page editor: Mary Keane`, `记者采访了本版编辑王强`): no single space before the role, a role in lower case or after a word that goes on into it, a credit that does not run to the line's end, or a page that shows no raw layout.";

    "layout.furniture.copyright", furniture::PASS_ID,
    "A copyright notice is furniture",
    "The notice belongs to the page or the site, not to an article.",
    "未经本报书面授权，不得转载 → (removed)",
    "Longer lines (over 120 characters) that discuss copyright.";

    "layout.furniture.contact", furniture::PASS_ID,
    "The paper's contact lines (address, hotline, postcode) are furniture",
    "Printed in the page's footer, not in any article.",
    "社址：江南大厦5楼 → (removed)",
    "A sentence that gives an address or a phone number.";

    "layout.furniture.publisher", furniture::PASS_ID,
    "The publisher's line (中共某某市委主办) is furniture",
    "Printed under the masthead, not in any article.",
    "中共平湖市委主办 → (removed)",
    "A line inside running text (between two lines of an article).";

    "layout.furniture.app-promo", furniture::PASS_ID,
    "A short line that promotes the paper's app or account (…客户端, 公众号) is furniture",
    "Printed in the page's frame, not in any article.",
    "某某发布 今某某客户端 → (removed)",
    "A line inside running text (between two lines of an article), lines over 20 characters, lines that end a clause.";

    "layout.furniture.band", furniture::PASS_ID,
    "A header or footer band (paper, date, section and page on one spaced-out line) is furniture",
    "The band is the page's frame; its pieces are no sentence.",
    "青溪时报          2025年7月13日 星期日          经济          A5 → (removed)",
    "Lines without wide runs of spaces, table rows, lines of running text.";

    "layout.furniture.serial", furniture::PASS_ID,
    "The serial number line (国内统一连续出版物号 CN…, ISSN) is furniture",
    "Printed in the page's frame, not in any article.",
    "国内统一连续出版物号 CN65-3607 → (removed)",
    "A sentence that cites a serial number.";

    "layout.furniture.price", furniture::PASS_ID,
    "A price standing alone on a line (零售价：1.50元, Price 5 Cents, € 1,50) is furniture",
    "The cover price is printed in the masthead or the imprint, in no article.",
    "零售价：1.50元 → (removed)",
    "A sentence that names a price (`The price of bread rose by 5 cents last week.`, `每份报告都要审读。`).";

    "layout.junk.marks", "layout.junk",
    "A line standing alone that holds only rule and stroke marks is picture noise",
    "OCR reads the stripes and edges of a picture, and the rules between columns, as characters.",
    "| → (removed)",
    "Lines next to another line without a blank line between, table rows (|姓名|年龄|), clean text.";

    "layout.junk.picture", "layout.junk",
    "A short line standing alone, with as many stroke marks as letters and no digit, is picture noise",
    "OCR reads a photo's edges as marks and stray characters.",
    "-三-王二 | → (removed)",
    "Short real lines (（上接第1版）, ■摄影 莫浩, CN65-3607, 12), lines next to another line.";

    "layout.junk.lone-char", "layout.junk",
    "One CJK character alone between a finished paragraph and a line that does not continue it is picture noise",
    "A lone character between paragraphs is OCR reading a picture.",
    "级。 / (blank) / 海 / (blank) / 动能转换添活力 → 海 removed",
    "A character after a line that does not end a sentence (a misread tail), a character a dictionary word ties to the next line.";

    "layout.junk.pipe", "layout.junk",
    "A bar opening a line of CJK text is deleted",
    "The edge of a picture or a column rule, read as a bar.",
    "|一一2023党建强基工程全新启航 → 一一2023党建强基工程全新启航",
    "A line with another bar on it (a table row), a bar before Latin text.";

    "layout.byline", "layout.byline",
    "A byline or credit line is classified as a byline",
    "Bylines bound articles for the later passes and are kept on a line of their own.",
    "■记者 胡佳英 林旭东 → (a byline block)",
    "Sentences about reporters (记者从市网信办获悉，…), long lines, lines ending in punctuation.";

    "layout.byline.role", "layout.byline",
    "The letter spacing of a byline's role is removed",
    "记 者 is the role 记者 printed letter-spaced.",
    "■记 者 胡佳英 → ■记者 胡佳英",
    "Anything but a recognised role at a byline's start.";

    "layout.byline.names", "layout.byline",
    "A byline's names are written one ASCII space apart, a name padded with a space joined",
    "Written the same way, bylines can be searched and counted.",
    "通讯员 胡 侃 → 通讯员 胡侃",
    "Names that are not all short CJK names (■摄影 AP keeps its Latin name as written).";

    "layout.byline.caption-credit", "layout.byline",
    "A photo credit that closes a caption's line is put on a line of its own",
    "The credit is no part of the caption's sentence.",
    "…业务。　新华社记者 胡侃 摄 → …业务。 / 新华社记者 胡侃 摄",
    "A line that only ends in a credit without a role, or after no sentence end; sentences that mention photographs (拍摄, 摄影展).";

    "layout.ocr-dash.subtitle", dash::PASS_ID,
    "一一 opening a subtitle that a credit or dateline follows becomes ——",
    "OCR reads the long dash of a subtitle as two 一; left alone the subtitle is joined to the text.",
    "一一我市奋力开创新发展 / 国记者 夏浩 → ——我市奋力开创新发展 / …",
    "一一 as a word (一一解答, 一一对应, 唯一一个), a line no credit or dateline follows, body lines, clean text.";

    "layout.ocr-dash.title", dash::PASS_ID,
    "一一 between two title segments of a line that a credit or dateline follows becomes ——",
    "OCR reads the dash between a title's parts as two 一.",
    "…大有可为一一解码平湖… → …大有可为——解码平湖…",
    "一一 as a word, body lines, a line no credit or dateline follows.";

    "layout.ocr-dash.quoted", dash::PASS_ID,
    "一一 inside a quoted or book title becomes ——",
    "A quoted title's dash read by OCR as two 一.",
    "“衣被海南一一海南黎族纺织文化展” → “衣被海南——海南黎族纺织文化展”",
    "A quotation of a clause (“问题一一解决”), fewer than two characters before the dash or four after it.";

    "layout.doubled", doubled::TEXT_PASS_ID,
    "A title or caption line whose every run is written twice is written once",
    "OCR of bold display type often reads each glyph run twice.",
    "图片由新埭镇提供图片由新埭镇提供 → 图片由新埭镇提供",
    "Body text with reduplicated words (谢谢, 看看, 一一), lines under six characters, lines that end a sentence, lines over the length limit.";

    latin::DROP_CAP, latin::PASS_ID,
    "A drop cap set apart from its word is joined back to it",
    "The first letter of an article printed large comes out of a PDF or OCR as a line of its own (or a capital standing apart); the word is one word.",
    "T / he council met → The council met",
    "The letter and the rest make no word of the word list or of the page; A and I (words of their own) before a rest that is a word (A / new day); a capital before a capitalised word; a lower-case line that a line before runs on into; letters at a page's top whose count is not that of the page's rests.";

    latin::DEHYPHEN, latin::PASS_ID,
    "A Latin word hyphenated at a line end is joined without its hyphen",
    "The page or the word frequencies show the joined word (sec-/tion → section).",
    "sec- / tion → section",
    "Compounds the page writes with a hyphen (to-day), parts that are words of their own.";

    latin::KEEP_HYPHEN, latin::PASS_ID,
    "A compound broken at its own hyphen keeps the hyphen",
    "The page writes the hyphenated form, or the parts are words: the hyphen is the compound's.",
    "to- / day → to-day",
    "Words the evidence says were hyphenated only to wrap.";

    latin::JOIN_LOST_HYPHEN, latin::PASS_ID,
    "Two fragments whose hyphen the OCR lost are joined",
    "The joined word is common and its parts are fragments (dis, close).",
    "dis / close → disclose",
    "Parts that are words of their own (a round), any case where the evidence is weak, and a page in another language than the word list's (la / salle) unless the page itself writes the joined word.";

    latin::JOIN_SPACE, latin::PASS_ID,
    "Two wrapped lines of a Latin paragraph are joined with one space",
    "A line break inside a paragraph is the column's width, not the writer's.",
    "The mayor said / on Monday → The mayor said on Monday",
    "Lines that end a paragraph (a blank line, a heading, a short line ending a sentence).";

    latin::HEADING, latin::PASS_ID,
    "A short all-caps line of a Latin page, or a title-case line right over a byline, is classified as a heading on a line of its own",
    "Headings are not joined into the paragraph below them.",
    "CITY COUNCIL MEETS → (a heading block)",
    "Lines with lower-case words (but for a title-case line over a byline), long lines, lines ending a sentence.";

    latin::WORD_GAPS, latin::PASS_ID,
    "The pieces of one justified line that the extractor wrote one a line are joined back into the line",
    "PyMuPDF cuts a justified Latin line at its wide word gaps and writes each piece on a line of its own, every piece but the last ending in a single space; read as lines, the pieces look like short last lines of paragraphs and like title lines, so paragraphs and headings are cut in the wrong places.",
    "he␠ / county␠ / engineer␠ / expressed → he county engineer expressed",
    "A page where fewer than two pieces go on in a lower-case word, or where most lines end in a space; two trailing spaces (a Markdown line break); a run of pieces longer than a column line; list items and Markdown lines; a sentence end before a heading, title or byline line; a blank line between.";

    latin::HEADING_WRAP, latin::PASS_ID,
    "A heading wrapped over several title-case lines over a byline is one heading; a short line between a paragraph's end and a capitalised line is a subhead",
    "A headline set over two or three lines comes out as title-case scraps (`Park Land Purchase` / `Approved`) that the paragraph before would take in; a subhead between two paragraphs would be joined into the paragraph after it.",
    "Park Land Purchase / Approved / From our Correspondent → Park Land Purchase Approved / From our Correspondent",
    "A run with a lower-case word of four letters or more, a sentence or clause mark, more than four lines, a first line in lower case, or a line above that runs on into it; a byline role line (`Staff Writer`); for subheads, text that does not look wrapped, a line ending a sentence, a comma, a hyphen or a colon, a line as long as the lines around, a line not between a sentence end and a capital.";

    latin::BYLINE, latin::PASS_ID,
    "A Latin byline or credit on a line of its own is classified as a byline block",
    "Bylines are not article text: joined into the paragraph below they corrupt its first sentence.",
    "By JOHN SMITH / From our Correspondent / di Marco Rossi / Photo: Mary Smith → (a byline block)",
    "A lower-case word after By (By the way, …), a possessive, a sentence mark at the end, a long line, a lower-case byline word (di, par) or a one-word name where the line before runs on into it.";

    latin::PARAGRAPH, latin::PASS_ID,
    "The joined lines of a Latin paragraph are classified as one body block",
    "The block is what later passes and the rules read as a paragraph. A wrapped column starts a paragraph after a sentence end when the next line is short, when the next line's first word would have fit, or when it falls short of the column by no more than the indent the extractor dropped (widths estimated in em).",
    "(the lines of a paragraph) → (a body block)",
    "Headings, furniture, bylines; a full stop after an initial or a title before a name (witnessed by J. / T. Scott, Mr.).";

    crate::latin_interleave::RULE, crate::latin_interleave::RULE,
    "Two Latin columns that extraction interleaved line by line are read apart where the grammar at the junctions shows it",
    "Lines of two columns in turns put two texts in one paragraph, each broken every line or two; a Latin line break falls between words, so the junctions' grammar is the evidence.",
    "have asked the · for the widening … · state for the purchase … → have asked the · state for the purchase … (`the` / `for` cannot follow each other; `of the year.` / `the state` neither)",
    "One column's prose in order (fewer than three junctions that read badly, or fewer than a fifth), clean text, poems, lists, Markdown, titles and bylines, lines of fused columns, pages of another script or without raw layout, a reading that still has a bad junction or does not beat the printed one clearly.";

    reading_order::RULE, reading_order::RULE,
    "A printed line that extraction put among another column's lines is moved back where a word shows it belongs",
    "A line of the next column in the middle of a paragraph reads as nonsense twice.",
    "…长三角一体 · 识度的元素 … 化发展首位战略等具有平湖辨 → …一体化发展首位战略等具有平湖辨识度的元素",
    "Text without column wrapping, evidence on one side only, two candidate places or pieces, pieces that end a sentence.";

    crate::order::interleave::RULE, reading_order::RULE,
    "Two columns that extraction interleaved in regular turns of one to three lines are read apart where the words at the junctions show it",
    "Lines of two columns in turns put two texts in one paragraph, each broken every line or two.",
    "甲1 · 乙1 · 甲2 · 乙2 · 甲3 · 乙3 → 甲1 · 甲2 · 甲3 · 乙1 · 乙2 · 乙3 (…长三角一体 · 化发展… spans a word, …长三角一体 · 据介绍… does not)",
    "One column's wrapped prose (a word spans a junction a reading would break), two columns one after the other, lines of another width (poems, lists, tables, titles), Latin text, clean text, words in one column only, fewer than two words, more silent junctions than words, two readings near each other.";

    "layout.paragraphs.join-cjk", paragraphs::PASS_ID,
    "Two wrapped lines of CJK text are joined with nothing between them",
    "Chinese has no spaces; the line break was the column's width.",
    "本报讯 今年以来，我省持续 / 推进乡村振兴 → 本报讯 今年以来，我省持续推进乡村振兴",
    "Lines that end a paragraph, titles, bylines, captions of their own, clean text (one paragraph a line).";

    "layout.paragraphs.join-latin", paragraphs::PASS_ID,
    "Two wrapped lines of Latin words inside a CJK page are joined with one space",
    "The line break was the column's width.",
    "the Asian / Games → the Asian Games",
    "Lines that end a paragraph.";

    "layout.paragraphs.join-hyphen", paragraphs::PASS_ID,
    "A Latin word hyphenated at a line end inside a CJK page is joined without its hyphen",
    "The hyphen only wrapped the word.",
    "develop- / ment → development",
    "Compounds and numbers (COVID-19, 2023-2024).";

    "layout.paragraphs.column-break", paragraphs::PASS_ID,
    "A paragraph cut by a column break (a blank line) is joined across it",
    "The blank line was the foot of a column, not a paragraph's end: the sentence goes on.",
    "带动农民 / (blank) / 增收，成效明显。 → 带动农民增收，成效明显。",
    "A paragraph that ends a sentence before the blank line, a title or byline after it.";

    "layout.paragraphs.body", paragraphs::PASS_ID,
    "The lines of a body paragraph are classified as one body block",
    "The block is what later passes and the rules read as a paragraph.",
    "(the lines of a paragraph) → (a body block)",
    "Titles, captions, bylines, furniture.";

    "layout.paragraphs.headline", paragraphs::PASS_ID,
    "Title-like lines before an article are classified as one headline or subtitle",
    "A title is kept on its own line, not joined to the body.",
    "我市召开 / 乡村振兴大会 → 我市召开乡村振兴大会 (a headline block)",
    "Lines that end a sentence or hold clause punctuation, long lines.";

    "layout.paragraphs.headline.split", paragraphs::PASS_ID,
    "Title elements printed on one line with a wide gap are put on lines of their own",
    "Two title elements are no one sentence.",
    "听取民意     汲取民智 → 听取民意 / 汲取民智",
    "Single spaces inside a title, body lines.";

    "layout.paragraphs.caption", paragraphs::PASS_ID,
    "A photo caption's lines are classified as one caption block",
    "Captions are kept apart from the article text they stand beside.",
    "图为… (a caption's lines) → (a caption block)",
    "Body paragraphs that mention a picture.";

    paragraphs::TITLE_AFTER_BODY, paragraphs::PASS_ID,
    "Title-like lines printed after their article's last paragraph are kept as a title",
    "Layout software (Founder's among them) writes an article's titles after its body; PyMuPDF reads the page in that order, and the titles would otherwise be joined into the body or with one another.",
    "…攻坚战持久战。 / 持之以恒推进全面从严治党 / 走向纵深 / (its fake-bold copy) / 黎族纺织文化展 / ■摄影 叶子 → the title 持之以恒推进全面从严治党走向纵深 kept where it stands",
    "Pages with blank lines; a run of one line (a one-line paragraph); a run not after a sentence end; lines that show no title's shape (no word or quote across a break, no fake-bold copy, not of unequal widths short of the column at the page's end: verse, a paragraph's wrapped lines). The title is not moved.";

    paragraphs::CAPTION_BEFORE_CREDIT, paragraphs::PASS_ID,
    "A short line right before a picture credit, under a title it does not go on from, is the picture's caption",
    "Where captions are written at the end of the page, a caption follows the titles printed after their articles; it is no line of the title.",
    "持之以恒推进全面从严治党走向纵深 / 黎族纺织文化展 / ■摄影 叶子 → 黎族纺织文化展 (a caption)",
    "Clean text; a line that goes on from the title above (a word or a quote across the break); a line that ends a sentence or a clause, a dateline, a credit; a long line.";

    "layout.spaces.letter-spacing", spaces::PASS_ID,
    "Letter spacing inside CJK text is removed",
    "Three or more single CJK characters one space apart are spaced-out display type.",
    "友 情 提 醒 → 友情提醒",
    "Bylines (names one space apart), spaces next to digits or Latin letters, title element separators.";

    "layout.spaces.wrap", spaces::PASS_ID,
    "A space between two CJK characters of a body paragraph or caption, or after a clause mark (full-width, or ASCII after CJK) before CJK text in any block but a byline, is removed",
    "It marks where a printed line ended: Chinese has no spaces between words.",
    "市委常委会 会议暨 → 市委常委会会议暨",
    "Blocks without CJK text, spaces next to digits or Latin letters, title element separators, bylines.";

    continuation::RULE, continuation::RULE,
    "A run of paragraphs that extraction put out of reading order is moved back after the paragraph it continues",
    "A dictionary word cut at the junction (党|员) proves the run goes on there.",
    "…全体党 / (another article) / 员干部的… → …全体党员干部的…",
    "An orphan that two dangling paragraphs fit (or the other way round), junctions no word spans, clean text.";

    "layout.continuation.web", continuation::RULE,
    "A web page footer found while ordering continuations is furniture",
    "A site's footer is not article text.",
    "(a site footer line) → (removed)",
    "Article text.";

    duplicates::RULE, duplicates::RULE,
    "A paragraph the page holds twice is kept once",
    "Extraction from layered PDFs repeats text blocks.",
    "会上，市领导崔加晶、胡泓恬围绕学习主题作了交流发言。 (twice) → once",
    "Short repeated lines (新华社, （完）), headlines, paragraphs that differ by one character.";
];

/// Every rule id any edit or block can carry from decoding, the layout and the page: [`RULES`],
/// the page's own ([`newsclean_core::registry::PAGE_RULES`]) and decoding's
/// ([`newsclean_core::registry::DECODE_RULES`]).
pub fn all() -> impl Iterator<Item = &'static RuleInfo> {
    RULES.iter().chain(newsclean_core::registry::PAGE_RULES).chain(newsclean_core::registry::DECODE_RULES)
}

/// The registered rule with this id.
pub fn get(id: &str) -> Option<&'static RuleInfo> {
    all().find(|r| r.id == id)
}

/// True when `id` names a registered rule, or a family of them (`layout.furniture`).
pub fn knows(id: &str) -> bool {
    all().any(|r| newsclean_core::registry::covers(id, r.id))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A pass's id prefixes every id it logs; each renamed id's new id is a rule here, and
    /// no rule here goes by an old id.
    #[test]
    fn a_pass_id_prefixes_its_rule_ids() {
        let unprefixed: Vec<&str> =
            RULES.iter().filter(|r| !newsclean_core::registry::covers(r.pass, r.id)).map(|r| r.id).collect();
        assert!(unprefixed.is_empty(), "{unprefixed:?}");
        for (old, new) in newsclean_core::registry::RENAMED {
            assert!(knows(new), "{old} was renamed to {new}, which is no rule");
            assert!(get(old).is_none() && !RULES.iter().any(|r| r.pass == *old), "{old} is still in use");
        }
        assert_eq!(RULES.len(), 59);
        // A family id names every rule below it: `disable: [layout.furniture]` is allowed.
        assert!(knows("layout.furniture") && knows("layout") && knows("layout.paragraphs.join-cjk"));
        assert!(!knows("layout.nope") && !knows("layout.furniture.nope") && !knows("zh.comma-fullwidth"));
    }
}
