//! Structure tests of the HTML review report and the JSON Lines summary.

mod common;

use newsclean_diff::report::{HtmlReport, PageNav, PageSummary, render_html, render_page_file};

const PAGE_A: &str = "标题\n\n党建强,则社\n会兴。<b>&</b>\n\n\n";
const PAGE_B: &str = "干净的一行。\n";

fn between<'a>(s: &'a str, open: &str, close: &str) -> &'a str {
    let i = s.find(open).unwrap_or_else(|| panic!("no {open}")) + open.len();
    let j = s[i..].find(close).unwrap() + i;
    &s[i..j]
}

/// The concatenated contents of every `open … close` in `s`.
fn all(s: &str, open: &str, close: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find(open) {
        let j = rest[i..].find(close).unwrap() + i;
        out.push_str(&rest[i + open.len()..j]);
        rest = &rest[j..];
    }
    out
}

/// Strip the marks from a `<pre>`'s HTML and unescape it: the text shown.
fn shown(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        rest = &rest[rest[i..].find('>').unwrap() + i + 1..];
    }
    out.push_str(rest);
    out.replace("⏎\n", "\n")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

fn report() -> String {
    let a = common::clean(PAGE_A);
    let b = common::clean(PAGE_B);
    let mut out = Vec::new();
    render_html(&mut out, "review of <two>", &[("a.txt", PAGE_A, &a), ("b.txt", PAGE_B, &b)]).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn report_is_one_self_contained_document() {
    let html = report();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.trim_end().ends_with("</html>"));
    assert!(html.contains("<title>review of &lt;two&gt;</title>"));
    // Nothing is fetched: no external scripts, styles, images or fonts.
    for needle in ["src=", "<link", "@import", "url(", "http://", "https://"] {
        assert!(!html.contains(needle), "found {needle}");
    }
    assert_eq!(html.matches("<template id=").count(), 2);
    assert_eq!(html.matches("<script>").count(), 1);
}

#[test]
fn index_lists_every_file_with_counts_and_rules() {
    let html = report();
    let tbody = between(&html, "<tbody>", "</tbody>");
    let rows: Vec<&str> = tbody.lines().filter(|l| l.starts_with("<tr")).collect();
    assert_eq!(rows.len(), 2);
    assert!(rows[0].contains("<a href=\"#p0\">a.txt</a>"));
    assert!(rows[0].contains("data-rules=\"page.separator test.comma test.furniture test.join-cjk\""));
    assert!(rows[0].contains("<td>yes</td>"));
    assert!(rows[0].contains("test.furniture ×1"));
    // The removed headline is listed on hover with its position.
    assert!(rows[0].contains("title=\"1:1 test.furniture: 标题\""), "{}", rows[0]);
    assert!(rows[1].contains("<a href=\"#p1\">b.txt</a>"));
    assert!(rows[1].contains("<td>no</td>"));
    assert!(rows[1].contains("data-rules=\"\""));
}

#[test]
fn page_view_shows_raw_and_clean_losslessly_with_rule_marks() {
    let html = report();
    let t0 = between(&html, "<template id=\"t0\">", "</template>");
    let raw = &all(t0, "<pre class=\"raw\">", "</pre>");
    let clean = &all(t0, "<pre class=\"clean\">", "</pre>");
    // Aligned rows: the removed headline with the blank line after it, then the joined
    // paragraph beside its clean line, with the trailing blank lines.
    assert_eq!(t0.matches("<div class=\"seg changed\">").count(), 2, "{t0}");
    assert_eq!(shown(raw), PAGE_A);
    assert_eq!(shown(clean), common::clean(PAGE_A).text());
    // The comma: removed on the raw side, inserted on the clean side, rule and note on hover.
    assert!(
        raw.contains(
            "<mark data-rules=\"test.comma\" title=\"test.comma: ASCII comma between CJK\">,</mark>"
        )
    );
    assert!(
        clean.contains(
            "<mark data-rules=\"test.comma\" title=\"test.comma: ASCII comma between CJK\">，</mark>"
        )
    );
    // The join: a removed line break on the raw side, a point on the clean side.
    assert!(raw.contains("<mark data-rules=\"test.join-cjk\" title=\"test.join-cjk\">⏎\n</mark>"));
    assert!(
        clean.contains("社<mark class=\"pt\" data-rules=\"test.join-cjk\" title=\"test.join-cjk\"></mark>会")
    );
    // Markup in the text is escaped, never interpreted.
    assert!(raw.contains("&lt;b&gt;&amp;&lt;/b&gt;"));
    assert!(t0.contains("<summary>removed text (1)</summary>"));
}

#[test]
fn split_page_file_is_a_document_of_its_own() {
    let a = common::clean(PAGE_A);
    let summary = PageSummary::new("a.txt", PAGE_A, &a);
    let mut out = Vec::new();
    let nav = PageNav { index: "../r.html".into(), prev: None, next: Some("00002.html".into()) };
    render_page_file(&mut out, "r", &summary, PAGE_A, &a, &nav).unwrap();
    let html = String::from_utf8(out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<main id=\"view\">\n<section class=\"page\">"));
    assert!(html.contains("<a href=\"../r.html\">↑ index</a><a href=\"00002.html\">next →</a>"));
    assert!(!html.contains("<template"));

    // The index of a split report links to the page files and embeds no page.
    let mut report = HtmlReport::new(Vec::new(), "r").unwrap();
    report.add_linked(summary, Some("r.pages/00001.html"));
    report.add_linked(PageSummary::failed("bad.txt", "cannot decode"), None);
    let index = String::from_utf8(report.finish().unwrap()).unwrap();
    assert!(index.contains("<a href=\"r.pages/00001.html\">a.txt</a>"));
    assert!(index.contains("<tr class=\"err\" data-rules=\"\"><td class=\"num\">2</td><td>bad.txt<div class=\"warn\">error: cannot decode</div>"));
    assert!(!index.contains("<template"));
}

#[test]
fn json_summary_line() {
    let a = common::clean(PAGE_A);
    let mut out = Vec::new();
    PageSummary::new("a.txt", PAGE_A, &a).write_json_line(&mut out).unwrap();
    let line = String::from_utf8(out).unwrap();
    assert_eq!(line.matches('\n').count(), 1);
    assert!(line.starts_with("{\"schema\":\"newsclean-review/1\",\"file\":\"a.txt\","));
    insta::assert_snapshot!(line);
    let mut out = Vec::new();
    PageSummary::failed("bad.txt", "not text").write_json_line(&mut out).unwrap();
    assert!(String::from_utf8(out).unwrap().contains("\"error\":\"not text\""));
}
