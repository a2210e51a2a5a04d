//! `explain`: every edit of a page with its rule, its position in the decoded input
//! (line:column), what was there and what replaced it, and the evidence the pass gave.

use std::io::Write;

use newsclean_core::Page;
use serde::Serialize;

use crate::style::{ansi, escape_visible};
use crate::{EditKind, RenderError, check_log, count, source_spans};

/// One edit as `explain` shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ExplainedEdit {
    /// 1-based position in the log.
    pub n: usize,
    /// The rule that made it.
    pub rule: String,
    /// The batch it was applied in.
    pub batch: usize,
    /// Insert, delete or replace.
    pub kind: EditKind,
    /// 1-based line of the decoded input where the edit's `before` text starts.
    pub line: usize,
    /// 1-based column there, in characters.
    pub col: usize,
    /// Byte range in the decoded input.
    pub source: std::ops::Range<usize>,
    /// The text that was there.
    pub before: String,
    /// The text that replaced it.
    pub after: String,
    /// The evidence the pass gave.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Line and column (both 1-based, column in characters) of byte `pos` in `text`.
pub fn line_col(text: &str, pos: usize) -> (usize, usize) {
    let mut pos = pos.min(text.len());
    while !text.is_char_boundary(pos) {
        pos -= 1;
    }
    let before = &text[..pos];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, text[line_start..pos].chars().count() + 1)
}

/// Every edit of `page`, positioned in `input` (the decoded text the page was built from).
pub fn explained_edits(input: &str, page: &Page) -> Vec<ExplainedEdit> {
    let spans = source_spans(page);
    // Walk positions in order once instead of rescanning the input per edit.
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by_key(|&i| spans[i].start);
    let mut pos = vec![(0, 0); spans.len()];
    let (mut line, mut line_start, mut at) = (1usize, 0usize, 0usize);
    for i in order {
        let target = floor_char(input, spans[i].start);
        for (off, c) in input[at..target].char_indices() {
            if c == '\n' {
                line += 1;
                line_start = at + off + 1;
            }
        }
        at = target.max(at);
        pos[i] = (line, input[line_start..at].chars().count() + 1);
    }
    page.log()
        .edits()
        .iter()
        .zip(spans)
        .zip(pos)
        .enumerate()
        .map(|(i, ((e, source), (line, col)))| ExplainedEdit {
            n: i + 1,
            rule: e.rule.to_string(),
            batch: e.batch,
            kind: EditKind::of(e),
            line,
            col,
            source,
            before: e.before.clone(),
            after: e.after.clone(),
            note: e.note.clone(),
        })
        .collect()
}

fn floor_char(text: &str, pos: usize) -> usize {
    let mut p = pos.min(text.len());
    while !text.is_char_boundary(p) {
        p -= 1;
    }
    p
}

/// Write the `explain` listing of `page` for file `name`: one line per edit
/// (`#n line:col rule "before" → "after"`, line breaks shown as ⏎), the note on the next.
pub fn render_explain(
    out: &mut dyn Write,
    name: &str,
    input: &str,
    page: &Page,
    color: bool,
) -> Result<(), RenderError> {
    check_log(name, input, page)?;
    let edits = explained_edits(input, page);
    let (b, y, r, g, d, x) = if color {
        (ansi::BOLD, ansi::RULES, ansi::DEL_LINE, ansi::INS_LINE, "\x1b[2m", ansi::RESET)
    } else {
        ("", "", "", "", "", "")
    };
    let rules: std::collections::BTreeSet<&str> = edits.iter().map(|e| e.rule.as_str()).collect();
    writeln!(out, "{b}{name}{x}: {} by {}", count(edits.len(), "edit"), count(rules.len(), "rule"))?;
    let rule_w = edits.iter().map(|e| e.rule.chars().count()).max().unwrap_or(0);
    let pos_w = edits.iter().map(|e| format!("{}:{}", e.line, e.col).len()).max().unwrap_or(0);
    let n_w = edits.len().to_string().len();
    for e in &edits {
        let pos = format!("{}:{}", e.line, e.col);
        writeln!(
            out,
            "#{:<n_w$}  {pos:<pos_w$}  {y}{:<rule_w$}{x}  {r}\"{}\"{x} → {g}\"{}\"{x}",
            e.n,
            e.rule,
            escape_visible(&e.before),
            escape_visible(&e.after),
        )?;
        if let Some(note) = &e.note {
            writeln!(out, "{:w$}  {d}note: {}{x}", "", escape_visible(note), w = n_w + 1)?;
        }
    }
    Ok(())
}

/// The version tag of `explain`'s JSON form.
pub const EXPLAIN_SCHEMA: &str = "newsclean-explain/1";

/// Write `explain` as one JSON document:
/// `{"schema": "newsclean-explain/1", "file": name, "edits": [ExplainedEdit…]}`.
pub fn render_explain_json(
    out: &mut dyn Write,
    name: &str,
    input: &str,
    page: &Page,
) -> Result<(), RenderError> {
    check_log(name, input, page)?;
    #[derive(Serialize)]
    struct Doc<'a> {
        schema: &'static str,
        file: &'a str,
        edits: Vec<ExplainedEdit>,
    }
    let doc = Doc { schema: EXPLAIN_SCHEMA, file: name, edits: explained_edits(input, page) };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    out.write_all(b"\n")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsclean_core::TextEdit;

    #[test]
    fn positions_are_lines_and_character_columns() {
        assert_eq!(line_col("ab\n党建x", 0), (1, 1));
        assert_eq!(line_col("ab\n党建x", 3), (2, 1));
        assert_eq!(line_col("ab\n党建x", 9), (2, 3));
        assert_eq!(line_col("ab", 99), (1, 3));
    }

    #[test]
    fn lists_every_edit_with_its_source_position() {
        let raw = "标题\n\n党建强,则社\n会兴\n";
        let mut page = Page::new(raw);
        let comma = raw.find(',').unwrap();
        page.apply(vec![TextEdit::replace(comma..comma + 1, "，", "zh.comma").with_note("between CJK")])
            .unwrap();
        let nl = page.text().find("社\n").unwrap() + "社".len();
        page.apply(vec![TextEdit::delete(nl..nl + 1, "layout.paragraphs.join-cjk")]).unwrap();
        page.finalize().unwrap();
        let edits = explained_edits(raw, &page);
        for e in &edits {
            assert_eq!(line_col(raw, e.source.start), (e.line, e.col), "{e:?}");
        }
        let mut out = Vec::new();
        render_explain(&mut out, "p.txt", raw, &page, false).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "p.txt: 3 edits by 3 rules\n\
             #1  3:4  zh.comma                    \",\" → \"，\"\n\
             \x20   note: between CJK\n\
             #2  3:7  layout.paragraphs.join-cjk  \"⏎\" → \"\"\n\
             #3  1:3  page.separator              \"⏎⏎\" → \"⏎\"\n"
        );
    }
}
