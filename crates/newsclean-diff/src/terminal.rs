//! Terminal diffs: unified and side by side, paragraph-aligned through the edit log, with
//! the changed characters highlighted and every hunk annotated with the rules whose edits
//! fall in it; and the per-rule summary.

use std::collections::BTreeMap;
use std::io::Write;
use std::ops::Range;

use newsclean_core::Page;

use crate::align::{Lines, Segment, align, char_lines};
use crate::style::{Mark, Pieces, Show, Token, ansi, tokens, wrap, write_row};
use crate::{DiffMode, DiffOptions, RenderError, check_log, count, source_spans};

/// Render the changes `page`'s edit log made to `input` (the decoded text the page was
/// built from) as a terminal diff named `name`. Writes nothing for a page that did not
/// change (except in [`DiffMode::Rules`], which says so).
pub fn render_diff(
    out: &mut dyn Write,
    name: &str,
    input: &str,
    page: &Page,
    mode: DiffMode,
    opts: &DiffOptions,
) -> Result<(), RenderError> {
    check_log(name, input, page)?;
    match mode {
        DiffMode::Rules => rules_summary(out, name, page, opts),
        DiffMode::Unified | DiffMode::Side => {
            let raw = Lines::new(input);
            let clean = Lines::new(page.text());
            let segs = align(&raw, &clean, page.log());
            if segs.iter().all(|s| !s.changed) {
                return Ok(());
            }
            let spans = source_spans(page);
            let bold =
                |s: &str| if opts.color { format!("{}{s}{}", ansi::BOLD, ansi::RESET) } else { s.into() };
            writeln!(out, "{}", bold(&format!("--- a/{name}")))?;
            writeln!(out, "{}", bold(&format!("+++ b/{name}")))?;
            for h in hunks(&segs, opts.context) {
                let hs = &segs[h];
                let raw_lines = hs[0].raw.start..hs[hs.len() - 1].raw.end;
                let clean_lines = hs[0].clean.start..hs[hs.len() - 1].clean.end;
                let bytes = raw.span(raw_lines.clone());
                let bytes = bytes.start..(bytes.end + 1).min(input.len());
                let rules = rules_in(page, &spans, bytes);
                writeln!(out, "{}", hunk_header(&raw_lines, &clean_lines, &rules, opts.color))?;
                for s in hs {
                    let mut buf = String::new();
                    match mode {
                        DiffMode::Side => side_segment(&mut buf, s, &raw, &clean, opts),
                        _ => unified_segment(&mut buf, s, &raw, &clean, opts),
                    }
                    out.write_all(buf.as_bytes())?;
                }
            }
            Ok(())
        }
    }
}

/// Group segments into hunks: each changed segment with `context` unchanged ones around
/// it; hunks that would touch are merged.
fn hunks(segs: &[Segment], context: usize) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for (i, _) in segs.iter().enumerate().filter(|(_, s)| s.changed) {
        let r = i.saturating_sub(context)..(i + 1 + context).min(segs.len());
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = r.end,
            _ => out.push(r),
        }
    }
    out
}

/// The rules whose edits touch `bytes` of the decoded input, with how many edits each.
fn rules_in<'p>(page: &'p Page, spans: &[Range<usize>], bytes: Range<usize>) -> BTreeMap<&'p str, usize> {
    let mut m = BTreeMap::new();
    for (e, src) in page.log().edits().iter().zip(spans) {
        let hit = if src.is_empty() {
            bytes.start <= src.start && src.start <= bytes.end
        } else {
            src.start < bytes.end && src.end > bytes.start
        };
        if hit {
            *m.entry(e.rule.as_str()).or_insert(0) += 1;
        }
    }
    m
}

fn hunk_header(
    raw: &Range<usize>,
    clean: &Range<usize>,
    rules: &BTreeMap<&str, usize>,
    color: bool,
) -> String {
    let pos = |r: &Range<usize>| {
        let n = r.len();
        format!("{},{n}", if n == 0 { r.start } else { r.start + 1 })
    };
    let head = format!("@@ -{} +{} @@", pos(raw), pos(clean));
    let rules: Vec<String> = rules.iter().map(|(r, n)| format!("{r} ×{n}")).collect();
    let rules = rules.join(", ");
    match (color, rules.is_empty()) {
        (_, true) if color => format!("{}{head}{}", ansi::HUNK, ansi::RESET),
        (_, true) => head,
        (true, false) => format!("{}{head}{} {}{rules}{}", ansi::HUNK, ansi::RESET, ansi::RULES, ansi::RESET),
        (false, false) => format!("{head} {rules}"),
    }
}

/// Largest segment (raw plus clean bytes) whose changed characters are marked.
const CHAR_DIFF_LIMIT: usize = 256 * 1024;

/// The raw and clean pieces of a segment: character-diffed when it changed and has both
/// sides, whole lines otherwise.
fn segment_pieces(s: &Segment, raw: &Lines<'_>, clean: &Lines<'_>) -> (Vec<Pieces>, Vec<Pieces>) {
    let whole = |lines: &Lines<'_>, r: Range<usize>, mark: Mark| -> Vec<Pieces> {
        r.map(|i| vec![(lines.text[lines.range(i)].to_string(), mark)]).collect()
    };
    let (old, new) = (raw.text_of(s.raw.clone()), clean.text_of(s.clean.clone()));
    // A character diff costs time in the size times the differences: past this size (a page
    // with no line breaks) the lines are shown whole, without character marks.
    if !s.changed || s.raw.is_empty() || s.clean.is_empty() || old.len() + new.len() > CHAR_DIFF_LIMIT {
        (whole(raw, s.raw.clone(), Mark::Same), whole(clean, s.clean.clone(), Mark::Same))
    } else {
        char_lines(old, new)
    }
}

fn show(opts: &DiffOptions) -> Show {
    match (opts.color, opts.marks) {
        (true, _) => Show::Color,
        (false, true) => Show::Marks,
        (false, false) => Show::Plain,
    }
}

fn unified_segment(buf: &mut String, s: &Segment, raw: &Lines<'_>, clean: &Lines<'_>, opts: &DiffOptions) {
    let color = opts.color;
    let (olds, news) = segment_pieces(s, raw, clean);
    if !s.changed {
        for p in &olds {
            buf.push(' ');
            write_row(buf, &tokens(p, show(opts), false), Mark::Same, color);
            buf.push('\n');
        }
        return;
    }
    for (lines, sign, mark) in [(&olds, '-', Mark::Del), (&news, '+', Mark::Ins)] {
        for p in lines {
            let mut row = vec![Token { text: sign.to_string(), width: 1, mark: Mark::Same }];
            row.extend(tokens(p, show(opts), false));
            write_row(buf, &row, mark, color);
            buf.push('\n');
        }
    }
}

fn side_segment(buf: &mut String, s: &Segment, raw: &Lines<'_>, clean: &Lines<'_>, opts: &DiffOptions) {
    let cw = (opts.width.saturating_sub(3) / 2).max(4);
    let (olds, news) = segment_pieces(s, raw, clean);
    let rows = |lines: &[Pieces]| -> Vec<Vec<Token>> {
        lines.iter().flat_map(|p| wrap(tokens(p, show(opts), true), cw)).collect()
    };
    let (left, right) = (rows(&olds), rows(&news));
    let (lm, rm) = if s.changed { (Mark::Del, Mark::Ins) } else { (Mark::Same, Mark::Same) };
    let sign = |m: Mark| match m {
        Mark::Del => '-',
        Mark::Ins => '+',
        Mark::Same => ' ',
    };
    for i in 0..left.len().max(right.len()) {
        let mut line = String::new();
        match left.get(i) {
            Some(row) => {
                let mut r = vec![Token { text: sign(lm).to_string(), width: 1, mark: Mark::Same }];
                r.extend(row.iter().cloned());
                let w = write_row(&mut line, &r, lm, opts.color);
                line.push_str(&" ".repeat((cw + 1).saturating_sub(w)));
            }
            None => line.push_str(&" ".repeat(cw + 1)),
        }
        line.push('│');
        if let Some(row) = right.get(i) {
            let mut r = vec![Token { text: sign(rm).to_string(), width: 1, mark: Mark::Same }];
            r.extend(row.iter().cloned());
            write_row(&mut line, &r, rm, opts.color);
        }
        buf.push_str(line.trim_end_matches(' '));
        buf.push('\n');
    }
}

/// Per-rule counts: edits, characters removed, characters inserted.
fn rules_summary(
    out: &mut dyn Write,
    name: &str,
    page: &Page,
    opts: &DiffOptions,
) -> Result<(), RenderError> {
    let mut m: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    for e in page.log().edits() {
        let c = m.entry(e.rule.as_str()).or_default();
        c.0 += 1;
        c.1 += e.before.chars().count();
        c.2 += e.after.chars().count();
    }
    let total = page.log().edits().len();
    let title = if total == 0 {
        format!("{name}: unchanged")
    } else {
        format!("{name}: {} by {}", count(total, "edit"), count(m.len(), "rule"))
    };
    if opts.color {
        writeln!(out, "{}{title}{}", ansi::BOLD, ansi::RESET)?;
    } else {
        writeln!(out, "{title}")?;
    }
    if total > 0 {
        writeln!(out, "  {:>6} {:>7} {:>7}  rule", "edits", "-chars", "+chars")?;
        for (rule, (n, del, ins)) in m {
            writeln!(out, "  {n:>6} {del:>7} {ins:>7}  {rule}")?;
        }
    }
    // Each removal of furniture or junk whose rule gave evidence, with it, in the order of
    // the log.
    let removals: Vec<_> = page
        .log()
        .edits()
        .iter()
        .filter(|e| e.after.is_empty() && !e.before.trim().is_empty())
        .filter(|e| e.rule.contains("furniture") || e.rule.contains("junk"))
        .filter_map(|e| Some((e, e.note.as_deref()?)))
        .collect();
    if !removals.is_empty() {
        writeln!(out, "  removed, with the evidence:")?;
        for (e, note) in removals {
            let line: String = e.before.trim().lines().next().unwrap_or_default().chars().take(60).collect();
            writeln!(out, "    - {line}  [{}: {note}]", e.rule)?;
        }
    }
    Ok(())
}
