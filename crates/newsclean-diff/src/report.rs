//! Review reports: the per-file [`PageSummary`] (JSON Lines, schema `newsclean-review/1`,
//! documented in docs/review-json.md) and the static, self-contained HTML report.
//!
//! The HTML report is written as a stream so a batch of thousands of pages never has to be
//! held in memory: [`HtmlReport::new`] writes the head, each [`HtmlReport::add_page`] writes
//! that page's raw/clean view into an inert `<template>` (parsed but never laid out, so the
//! index stays fast), and [`HtmlReport::finish`] writes the index table and the script that
//! shows a page when its row is clicked (`#pN`). For very large batches the caller instead
//! writes each page to its own file with [`render_page_file`] and adds only its summary and
//! link with [`HtmlReport::add_linked`]: the index file then stays small.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write;
use std::ops::Range;

use newsclean_core::{Page, Script};
use serde::Serialize;

use crate::align::{Lines, Segment, align};
use crate::explain::line_col;
use crate::{EditKind, RenderError, check_log, source_spans};

/// The version tag of [`PageSummary`]'s JSON form. Bumped when a field changes meaning or
/// goes away; new fields may appear within a version.
pub const SCHEMA: &str = "newsclean-review/1";

/// Counts of one rule's edits on one page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RuleStats {
    /// Edits made.
    pub edits: usize,
    /// Characters those edits removed.
    pub removed_chars: usize,
    /// Characters those edits inserted.
    pub inserted_chars: usize,
}

/// Edits by their shape.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct KindCounts {
    /// Insertions.
    pub insert: usize,
    /// Deletions.
    pub delete: usize,
    /// Replacements.
    pub replace: usize,
}

/// Text a rule removed (not only white space): furniture, junk, duplicates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Removed {
    /// The rule that removed it.
    pub rule: String,
    /// 1-based line of the decoded input where it started.
    pub line: usize,
    /// 1-based column (characters) there.
    pub col: usize,
    /// The removed text, verbatim.
    pub text: String,
}

/// What review shows about one file: one JSON object per line of `review --format json`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PageSummary {
    /// Always [`SCHEMA`].
    pub schema: &'static str,
    /// The file's name as given.
    pub file: String,
    /// Why the file could not be cleaned; when set, the counts are all zero.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// True when the clean text differs from the decoded input.
    pub changed: bool,
    /// Characters of the decoded input.
    pub input_chars: usize,
    /// Characters of the clean text.
    pub output_chars: usize,
    /// Lines of the decoded input.
    pub input_lines: usize,
    /// Lines of the clean text.
    pub output_lines: usize,
    /// Number of edits.
    pub edits: usize,
    /// Edits by shape.
    pub by_kind: KindCounts,
    /// Edits by rule id.
    pub by_rule: BTreeMap<String, RuleStats>,
    /// Removed text, in log order.
    pub removed: Vec<Removed>,
    /// Warnings the passes left for a reviewer.
    pub warnings: Vec<String>,
    /// The page's script.
    pub script: Script,
    /// Facts learned from furniture (date, issue, page label, …).
    pub facts: BTreeMap<String, String>,
}

impl PageSummary {
    /// Summarise `page`, cleaned from `input` (the decoded text), for file `file`.
    pub fn new(file: &str, input: &str, page: &Page) -> Self {
        let mut by_kind = KindCounts::default();
        let mut by_rule: BTreeMap<String, RuleStats> = BTreeMap::new();
        let spans = source_spans(page);
        let mut removed = Vec::new();
        for (e, src) in page.log().edits().iter().zip(&spans) {
            match EditKind::of(e) {
                EditKind::Insert => by_kind.insert += 1,
                EditKind::Delete => by_kind.delete += 1,
                EditKind::Replace => by_kind.replace += 1,
            }
            let s = by_rule.entry(e.rule.to_string()).or_default();
            s.edits += 1;
            s.removed_chars += e.before.chars().count();
            s.inserted_chars += e.after.chars().count();
            if e.is_removal() && e.before.chars().any(|c| !c.is_whitespace()) {
                let (line, col) = line_col(input, src.start);
                removed.push(Removed { rule: e.rule.to_string(), line, col, text: e.before.clone() });
            }
        }
        PageSummary {
            schema: SCHEMA,
            file: file.to_string(),
            error: None,
            changed: input != page.text(),
            input_chars: input.chars().count(),
            output_chars: page.text().chars().count(),
            input_lines: input.lines().count(),
            output_lines: page.text().lines().count(),
            edits: page.log().edits().len(),
            by_kind,
            by_rule,
            removed,
            warnings: page.meta.warnings.clone(),
            script: page.meta.script,
            facts: page.meta.facts.clone(),
        }
    }

    /// The summary of a file that could not be read or cleaned.
    pub fn failed(file: &str, error: impl Into<String>) -> Self {
        PageSummary {
            schema: SCHEMA,
            file: file.to_string(),
            error: Some(error.into()),
            changed: false,
            input_chars: 0,
            output_chars: 0,
            input_lines: 0,
            output_lines: 0,
            edits: 0,
            by_kind: KindCounts::default(),
            by_rule: BTreeMap::new(),
            removed: Vec::new(),
            warnings: Vec::new(),
            script: Script::Unknown,
            facts: BTreeMap::new(),
        }
    }

    /// Write this summary as one line of JSON.
    pub fn write_json_line(&self, out: &mut dyn Write) -> Result<(), RenderError> {
        serde_json::to_writer(&mut *out, self)?;
        out.write_all(b"\n")?;
        Ok(())
    }
}

/// Escape text for HTML element content and attribute values.
fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(crate::style::visible_html(c)),
        }
    }
    o
}

const CSS: &str = r#"
:root{--del:#ffd7d5;--ins:#ccf5d3;--pt:#d1242f;--fg:#1f2328;--mut:#59636e;--line:#d1d9e0}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,sans-serif;color:var(--fg);margin:0;padding:0 16px 32px}
header{position:sticky;top:0;background:#f6f8fa;border-bottom:1px solid var(--line);padding:8px 0;z-index:1;display:flex;gap:16px;align-items:center;flex-wrap:wrap}
header h1{font-size:16px;margin:0}
table{border-collapse:collapse;width:100%;margin-top:8px}
th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa;position:sticky;top:44px}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.rules{color:var(--mut);font-size:12px}
tr.err td{background:#fff1e5}
body.viewing #indexwrap{display:none}
.rows{border:1px solid var(--line)}
.seg{display:grid;grid-template-columns:1fr 1fr;border-bottom:1px solid var(--line)}
.seg>*{padding:4px 8px;margin:0;min-width:0}
.seg>pre.raw{border-right:1px solid var(--line)}
.seg.changed{background:#fbfbfc}
.seg.head{background:#f6f8fa}
.seg.head h3{font-size:13px;margin:0;padding:4px 8px}
pre{white-space:pre-wrap;word-break:break-all;font:13px/1.6 ui-monospace,"Noto Sans Mono CJK SC","WenQuanYi Micro Hei Mono",monospace}
mark{border-radius:2px;color:inherit}
pre.raw mark{background:var(--del);text-decoration:line-through;text-decoration-color:#d1242f80}
pre.clean mark{background:var(--ins)}
mark.pt{background:none!important;text-decoration:none}
mark.pt::before{content:"‸";color:var(--pt);font-weight:bold}
mark.off{background:none!important;text-decoration:none!important}
mark.pt.off::before{content:none}
nav a{margin-right:12px}
.warn{color:#9a6700}
.meta{color:var(--mut)}
"#;

const SCRIPT: &str = r#"
(function(){
const sel=document.getElementById('rule');
const view=document.getElementById('view');
const idx=document.getElementById('index');
function rulesOf(e){return (e.dataset.rules||'').split(' ').filter(Boolean);}
const seen=new Set();
document.querySelectorAll('[data-rules]').forEach(e=>rulesOf(e).forEach(r=>seen.add(r)));
[...seen].sort().forEach(r=>{const o=document.createElement('option');o.value=r;o.textContent=r;sel.appendChild(o);});
function apply(){
  const r=sel.value;
  view.querySelectorAll('mark[data-rules]').forEach(m=>m.classList.toggle('off',r!==''&&!rulesOf(m).includes(r)));
  if(idx){
    let n=0;
    idx.querySelectorAll('tbody tr').forEach(tr=>{tr.hidden=r!==''&&!rulesOf(tr).includes(r);if(!tr.hidden)n++;});
    document.getElementById('shown').textContent=n;
  }
}
function route(){
  if(!idx){apply();return;}
  const m=/^#p(\d+)$/.exec(location.hash);
  const t=m&&document.getElementById('t'+m[1]);
  view.replaceChildren();
  if(t){view.appendChild(t.content.cloneNode(true));document.body.classList.add('viewing');window.scrollTo(0,0);}
  else document.body.classList.remove('viewing');
  apply();
}
sel.addEventListener('change',apply);
window.addEventListener('hashchange',route);
route();
})();
"#;

fn head(title: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"und\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"generator\" content=\"newsclean review ({SCHEMA})\">\n\
         <title>{t}</title>\n<style>{CSS}</style>\n</head>\n<body>\n\
         <header><h1>{t}</h1><label>Rule filter <select id=\"rule\"><option value=\"\">all rules</option>\
         </select></label></header>\n",
        t = esc(title)
    )
}

/// Navigation links of one page view.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageNav {
    /// Link back to the index.
    pub index: String,
    /// The previous page, if any.
    pub prev: Option<String>,
    /// The next page, if any.
    pub next: Option<String>,
}

/// A streaming writer of the HTML review report (see the module docs for its design).
pub struct HtmlReport<W: Write> {
    out: W,
    rows: Vec<(PageSummary, Option<String>)>,
}

impl<W: Write> HtmlReport<W> {
    /// Start a report titled `title`: writes the document head.
    pub fn new(mut out: W, title: &str) -> Result<Self, RenderError> {
        out.write_all(head(title).as_bytes())?;
        out.write_all(b"<main id=\"view\"></main>\n")?;
        Ok(HtmlReport { out, rows: Vec::new() })
    }

    /// Add a page, its view embedded in this file and shown on click.
    pub fn add_page(&mut self, summary: PageSummary, input: &str, page: &Page) -> Result<(), RenderError> {
        let n = self.rows.len();
        check_log(&summary.file, input, page)?;
        let nav = PageNav {
            index: "#".into(),
            prev: n.checked_sub(1).map(|p| format!("#p{p}")),
            next: Some(format!("#p{}", n + 1)),
        };
        let mut s = format!("<template id=\"t{n}\">\n");
        page_view(&mut s, &summary, input, page, &nav);
        s.push_str("</template>\n");
        self.out.write_all(s.as_bytes())?;
        self.rows.push((summary, Some(format!("#p{n}"))));
        Ok(())
    }

    /// Add a page whose view lives elsewhere (a file written by [`render_page_file`]), or
    /// none (`href` `None`, for a file that failed).
    pub fn add_linked(&mut self, summary: PageSummary, href: Option<&str>) {
        self.rows.push((summary, href.map(str::to_string)));
    }

    /// Write the index and the script, and hand back the writer.
    pub fn finish(mut self) -> Result<W, RenderError> {
        let mut s = String::new();
        let changed = self.rows.iter().filter(|(r, _)| r.changed).count();
        let _ = write!(
            s,
            "<section id=\"indexwrap\">\n<p class=\"meta\">{} files, {changed} changed; showing \
             <span id=\"shown\">{}</span>. Click a file to see its raw and clean text; hover a \
             highlight for its rule.</p>\n<table id=\"index\">\n<thead><tr><th>#</th><th>file</th>\
             <th>changed</th><th>edits</th><th>insert / delete / replace</th><th>rules</th>\
             <th>removed</th><th>warnings</th></tr></thead>\n<tbody>\n",
            self.rows.len(),
            self.rows.len()
        );
        for (i, (r, href)) in self.rows.iter().enumerate() {
            index_row(&mut s, i, r, href.as_deref());
        }
        s.push_str("</tbody>\n</table>\n</section>\n");
        let _ = write!(s, "<script>{SCRIPT}</script>\n</body>\n</html>\n");
        self.out.write_all(s.as_bytes())?;
        self.out.flush()?;
        Ok(self.out)
    }
}

fn index_row(s: &mut String, i: usize, r: &PageSummary, href: Option<&str>) {
    let rules: Vec<&str> = r.by_rule.keys().map(String::as_str).collect();
    let name = match href {
        Some(h) => format!("<a href=\"{}\">{}</a>", esc(h), esc(&r.file)),
        None => esc(&r.file),
    };
    let class = if r.error.is_some() { " class=\"err\"" } else { "" };
    let _ = write!(
        s,
        "<tr{class} data-rules=\"{}\"><td class=\"num\">{}</td><td>{name}",
        esc(&rules.join(" ")),
        i + 1
    );
    if let Some(e) = &r.error {
        let _ = write!(s, "<div class=\"warn\">error: {}</div>", esc(e));
    }
    let by_rule: Vec<String> = r.by_rule.iter().map(|(k, v)| format!("{} ×{}", esc(k), v.edits)).collect();
    let removed_title: Vec<String> = r
        .removed
        .iter()
        .take(20)
        .map(|x| format!("{}:{} {}: {}", x.line, x.col, x.rule, short(&x.text, 60)))
        .collect();
    let removed_chars: usize = r.removed.iter().map(|x| x.text.chars().count()).sum();
    let _ = writeln!(
        s,
        "</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{} / {} / {}</td>\
         <td class=\"rules\">{}</td><td class=\"num\" title=\"{}\">{} ({} chars)</td>\
         <td class=\"num\" title=\"{}\">{}</td></tr>",
        if r.changed { "yes" } else { "no" },
        r.edits,
        r.by_kind.insert,
        r.by_kind.delete,
        r.by_kind.replace,
        by_rule.join(", "),
        esc(&removed_title.join("\n")),
        r.removed.len(),
        removed_chars,
        esc(&r.warnings.join("\n")),
        r.warnings.len(),
    );
}

fn short(s: &str, n: usize) -> String {
    let v = crate::style::escape_visible(s);
    if v.chars().count() <= n { v } else { v.chars().take(n).chain(['…']).collect() }
}

/// Write one page's view as its own self-contained HTML file (for reports split into an
/// index and one file per page).
pub fn render_page_file(
    out: &mut dyn Write,
    title: &str,
    summary: &PageSummary,
    input: &str,
    page: &Page,
    nav: &PageNav,
) -> Result<(), RenderError> {
    check_log(&summary.file, input, page)?;
    let mut s = head(&format!("{title}: {}", summary.file));
    s.push_str("<main id=\"view\">\n");
    page_view(&mut s, summary, input, page, nav);
    let _ = write!(s, "</main>\n<script>{SCRIPT}</script>\n</body>\n</html>\n");
    out.write_all(s.as_bytes())?;
    Ok(())
}

/// Render a whole batch as one self-contained file (for small batches and tests).
pub fn render_html(
    out: &mut dyn Write,
    title: &str,
    pages: &[(&str, &str, &Page)],
) -> Result<(), RenderError> {
    let mut report = HtmlReport::new(out, title)?;
    for (name, input, page) in pages {
        report.add_page(PageSummary::new(name, input, page), input, page)?;
    }
    report.finish()?;
    Ok(())
}

fn page_view(s: &mut String, r: &PageSummary, input: &str, page: &Page, nav: &PageNav) {
    let _ = write!(s, "<section class=\"page\">\n<nav><a href=\"{}\">↑ index</a>", esc(&nav.index));
    if let Some(p) = &nav.prev {
        let _ = write!(s, "<a href=\"{}\">← previous</a>", esc(p));
    }
    if let Some(n) = &nav.next {
        let _ = write!(s, "<a href=\"{}\">next →</a>", esc(n));
    }
    let _ = write!(
        s,
        "</nav>\n<h2>{}</h2>\n<p class=\"meta\">{} edits · {} → {} characters · {} → {} lines</p>\n",
        esc(&r.file),
        r.edits,
        r.input_chars,
        r.output_chars,
        r.input_lines,
        r.output_lines
    );
    for w in &r.warnings {
        let _ = writeln!(s, "<p class=\"warn\">warning: {}</p>", esc(w));
    }
    let log = page.log();
    let raw_marks = Marks::new(input, source_spans(page));
    let clean_marks = Marks::new(page.text(), (0..log.edits().len()).map(|i| log.final_span(i)).collect());
    // One row per aligned segment: a paragraph's raw lines beside the clean line they became.
    let raw = Lines::new(input);
    let clean = Lines::new(page.text());
    let window = |lines: &Lines<'_>, r: Range<usize>| {
        let start = lines.span(r.start..r.start).start;
        let end = if r.end < lines.len() { lines.span(r.end..r.end).start } else { lines.text.len() };
        start..end
    };
    s.push_str(
        "<div class=\"rows\">\n<div class=\"seg head\"><h3>raw (decoded input)</h3><h3>clean</h3></div>\n",
    );
    // Blank raw lines that only separated paragraphs join the row above, so rows start at
    // paragraphs rather than at empty lines.
    let mut segs: Vec<Segment> = Vec::new();
    for seg in align(&raw, &clean, log) {
        let blank = seg.clean.is_empty() && seg.raw.clone().all(|l| input[raw.range(l)].trim().is_empty());
        match segs.last_mut() {
            Some(prev) if blank => {
                prev.raw.end = seg.raw.end;
                prev.changed = true;
            }
            _ => segs.push(seg),
        }
    }
    let last = segs.len().saturating_sub(1);
    for (k, seg) in segs.iter().enumerate() {
        let mut rw = window(&raw, seg.raw.clone());
        let mut cw = window(&clean, seg.clean.clone());
        if k == last {
            (rw.end, cw.end) = (input.len(), page.text().len());
        }
        let class = if seg.changed { "seg changed" } else { "seg" };
        let _ = write!(s, "<div class=\"{class}\"><pre class=\"raw\">");
        marked(s, input, rw, &raw_marks, page);
        s.push_str("</pre><pre class=\"clean\">");
        marked(s, page.text(), cw, &clean_marks, page);
        s.push_str("</pre></div>\n");
    }
    if segs.is_empty() {
        // An empty input: still show what cleaning inserted or left, if anything.
        s.push_str("<div class=\"seg\"><pre class=\"raw\">");
        marked(s, input, 0..input.len(), &raw_marks, page);
        s.push_str("</pre><pre class=\"clean\">");
        marked(s, page.text(), 0..page.text().len(), &clean_marks, page);
        s.push_str("</pre></div>\n");
    }
    s.push_str("</div>\n");
    if !r.removed.is_empty() {
        let _ = writeln!(s, "<details><summary>removed text ({})</summary><ol>", r.removed.len());
        for x in &r.removed {
            let _ = writeln!(
                s,
                "<li data-rules=\"{}\">{}:{} <b>{}</b>: {}</li>",
                esc(&x.rule),
                x.line,
                x.col,
                esc(&x.rule),
                esc(&crate::style::escape_visible(&x.text))
            );
        }
        s.push_str("</ol></details>\n");
    }
    s.push_str("</section>\n");
}

fn floor_char(text: &str, pos: usize) -> usize {
    let mut p = pos.min(text.len());
    while !text.is_char_boundary(p) {
        p -= 1;
    }
    p
}

/// The edits' ranges over one side's text, clamped to character boundaries: ranged marks
/// sorted by start, and points (edits that left no text on this side) by position.
struct Marks {
    ranged: Vec<(Range<usize>, usize)>,
    points: BTreeMap<usize, Vec<usize>>,
}

impl Marks {
    fn new(text: &str, spans: Vec<Range<usize>>) -> Self {
        let mut ranged = Vec::new();
        let mut points: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (i, r) in spans.into_iter().enumerate() {
            let a = floor_char(text, r.start);
            let b = floor_char(text, r.end).max(a);
            if a == b {
                points.entry(a).or_default().push(i);
            } else {
                ranged.push((a..b, i));
            }
        }
        ranged.sort_by_key(|(r, _)| r.start);
        Marks { ranged, points }
    }
}

/// Write `text[window]` as HTML with a `<mark>` over every part some edit touched
/// (`data-rules` the rules, `title` the rules and their notes), and an empty point mark
/// where an edit left no text on this side (an insertion on the raw side, a removal on the
/// clean side). Points at the window's end are left to the next window, except at the end
/// of the text.
fn marked(s: &mut String, text: &str, window: Range<usize>, marks: &Marks, page: &Page) {
    let edits = page.log().edits();
    let attrs = |ids: &[usize]| -> String {
        let mut rules: Vec<&str> = ids.iter().map(|&i| edits[i].rule.as_str()).collect();
        rules.sort_unstable();
        rules.dedup();
        let mut titles: Vec<String> = Vec::new();
        for &i in ids {
            let e = &edits[i];
            let t = match &e.note {
                Some(n) => format!("{}: {}", e.rule, n),
                None => e.rule.to_string(),
            };
            if !titles.contains(&t) {
                titles.push(t);
            }
        }
        titles.truncate(6);
        format!(" data-rules=\"{}\" title=\"{}\"", esc(&rules.join(" ")), esc(&titles.join("\n")))
    };
    let (w0, w1) = (window.start, window.end);
    let ranged: Vec<(Range<usize>, usize)> = marks
        .ranged
        .iter()
        .take_while(|(r, _)| r.start < w1)
        .filter(|(r, _)| r.end > w0)
        .map(|(r, i)| (r.start.max(w0)..r.end.min(w1), *i))
        .collect();
    let point_range = if w1 == text.len() { w0..=w1 } else { w0..=w1.saturating_sub(1).max(w0) };
    let points: Vec<(usize, &Vec<usize>)> = marks
        .points
        .range(point_range)
        .filter(|(p, _)| **p < w1 || w1 == text.len())
        .map(|(p, v)| (*p, v))
        .collect();
    let mut bounds: Vec<usize> = vec![w0, w1];
    for (r, _) in &ranged {
        bounds.push(r.start);
        bounds.push(r.end);
    }
    bounds.extend(points.iter().map(|(p, _)| *p));
    bounds.sort_unstable();
    bounds.dedup();
    let mut next = 0;
    let mut active: Vec<&(Range<usize>, usize)> = Vec::new();
    let mut pi = 0;
    for w in bounds.windows(2) {
        let (p, q) = (w[0], w[1]);
        while pi < points.len() && points[pi].0 <= p {
            if points[pi].0 == p {
                let _ = write!(s, "<mark class=\"pt\"{}></mark>", attrs(points[pi].1));
            }
            pi += 1;
        }
        while next < ranged.len() && ranged[next].0.start <= p {
            active.push(&ranged[next]);
            next += 1;
        }
        active.retain(|(r, _)| r.end > p);
        let piece = &text[p..q];
        if active.is_empty() {
            s.push_str(&esc(piece));
        } else {
            let ids: Vec<usize> = active.iter().map(|(_, i)| *i).collect();
            let body = esc(piece).replace('\n', "⏎\n");
            let _ = write!(s, "<mark{}>{body}</mark>", attrs(&ids));
        }
    }
    for (_, ids) in &points[pi..] {
        let _ = write!(s, "<mark class=\"pt\"{}></mark>", attrs(ids));
    }
}
