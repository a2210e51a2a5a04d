//! The line table: per line of the page's current text, where it stands (byte range, indent,
//! blank lines around it, position from the page's top and bottom), and, asked for the first
//! time a pass wants them, what the passes ask of its text (width in cells, sentence and clause
//! end, title-likeness, script, digit, date and page-number shape, [`LineShape`]). Both are
//! computed once and kept until [`newsclean_core::Page::apply`] changes the text.
//!
//! ```
//! use newsclean_core::Page;
//! use newsclean_layout::analysis::lines;
//!
//! let mut page = Page::new("标题\n\n  本报讯 今年以来，\n推进。\n");
//! let table = lines(&mut page);
//! assert_eq!(table.len(), 3);
//! let l = table.at(page.text().find("本报讯").unwrap()).unwrap();
//! assert!(l.blank_before && !l.blank_after && l.indent == 2);
//! assert_eq!((l.from_top, l.from_bottom), (1, 1));
//! let shape = table.shape(page.text(), l.from_top);
//! assert!(shape.ends_clause && !shape.ends_sentence);
//! ```

use std::ops::Range;
use std::sync::{Arc, OnceLock};

use newsclean_core::chars::is_hspace;
use newsclean_core::{Page, Script};

use crate::analysis::facts::ScriptCounts;
use crate::text::{cells, ends_clause, ends_sentence, is_title_like};

/// Where one non-blank line of the text stands.
#[derive(Clone, Debug, PartialEq)]
pub struct LineInfo {
    /// Byte range of the line in the page's text, without its `\n` and without the white
    /// space around it.
    pub range: Range<usize>,
    /// A blank line (or several) stands right before it.
    pub blank_before: bool,
    /// A blank line (or several) stands right after it.
    pub blank_after: bool,
    /// Bytes of white space before its text on its own line.
    pub indent: usize,
    /// Non-blank lines above it.
    pub from_top: usize,
    /// Non-blank lines below it.
    pub from_bottom: usize,
}

/// What the passes ask of one line's text ([`LineTable::shape`]).
#[derive(Clone, Debug, PartialEq)]
pub struct LineShape {
    /// Width in CJK cells ([`cells`]).
    pub cells: f32,
    /// It ends a sentence ([`ends_sentence`]).
    pub ends_sentence: bool,
    /// It ends in clause punctuation ([`ends_clause`]).
    pub ends_clause: bool,
    /// It could be a title element ([`is_title_like`]).
    pub title_like: bool,
    /// Its script ([`ScriptCounts::script`]).
    pub script: Script,
    /// ASCII and full-width digits on it.
    pub digits: usize,
    /// It holds a date: a year and a month (`2024年5月`, `2024-05-06`, `2024.5.6`).
    pub date: bool,
    /// It is a page number or page label alone: `12`, `A5`, `第3版`, `- 12 -`.
    pub page_number: bool,
}

impl LineShape {
    /// The shape of the trimmed line `t`.
    pub fn of(t: &str) -> Self {
        LineShape {
            cells: cells(t),
            ends_sentence: ends_sentence(t),
            ends_clause: ends_clause(t),
            title_like: is_title_like(t),
            script: ScriptCounts::of(t).script(),
            digits: t.chars().filter(|c| c.is_ascii_digit() || ('０'..='９').contains(c)).count(),
            date: is_date(t),
            page_number: is_page_number(t),
        }
    }
}

/// The non-blank lines of a text, in order ([`lines`]).
#[derive(Clone, Debug, Default)]
pub struct LineTable {
    lines: Vec<LineInfo>,
    /// Each line's [`LineShape`], worked out for every line the first time one is asked for
    /// (most pages ask only where their lines stand: the shapes cost about 6,000
    /// instructions a line).
    shapes: OnceLock<Vec<LineShape>>,
}

/// Two tables are equal when their lines are (the shapes follow from the text).
impl PartialEq for LineTable {
    fn eq(&self, other: &Self) -> bool {
        self.lines == other.lines
    }
}

impl LineTable {
    /// The table of `text`.
    pub fn of(text: &str) -> Self {
        let mut lines: Vec<LineInfo> = Vec::new();
        let mut at = 0;
        let mut blank = false;
        for raw in text.split_inclusive('\n') {
            let line = raw.strip_suffix('\n').unwrap_or(raw);
            let t = line.trim_start_matches(is_hspace);
            let indent = line.len() - t.len();
            let t = t.trim_end();
            if t.is_empty() {
                if let Some(prev) = lines.last_mut() {
                    prev.blank_after = true;
                }
                blank = true;
            } else {
                let start = at + indent;
                lines.push(LineInfo {
                    range: start..start + t.len(),
                    blank_before: blank && !lines.is_empty(),
                    blank_after: false,
                    indent,
                    from_top: lines.len(),
                    from_bottom: 0,
                });
                blank = false;
            }
            at += raw.len();
        }
        // A blank line after the last line is the page's end, not a break between lines.
        if let Some(last) = lines.last_mut() {
            last.blank_after = false;
        }
        let n = lines.len();
        for (i, l) in lines.iter_mut().enumerate() {
            l.from_bottom = n - 1 - i;
        }
        LineTable { lines, shapes: OnceLock::new() }
    }

    /// The lines, top to bottom.
    pub fn lines(&self) -> &[LineInfo] {
        &self.lines
    }

    /// The shape of line `i` (its index in [`LineTable::lines`]); `text` is the text the
    /// table was made of. The first call works out every line's shape.
    pub fn shape(&self, text: &str, i: usize) -> &LineShape {
        &self
            .shapes
            .get_or_init(|| self.lines.iter().map(|l| LineShape::of(&text[l.range.clone()])).collect())[i]
    }

    /// Number of non-blank lines.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// True when the text has no non-blank line.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The line holding byte `at` of the text (its trimmed range, or the white space before
    /// or after its text on its own line), if any.
    pub fn at(&self, at: usize) -> Option<&LineInfo> {
        let i = self.lines.partition_point(|l| l.range.end < at);
        self.lines.get(i).filter(|l| l.range.start - l.indent <= at)
    }

    /// The line whose text starts at byte `start`.
    pub fn starting_at(&self, start: usize) -> Option<&LineInfo> {
        self.lines.binary_search_by_key(&start, |l| l.range.start).ok().map(|i| &self.lines[i])
    }
}

/// The line table of the page's current text: computed when a pass first asks after the
/// text last changed, and shared until the next change.
pub fn lines(page: &mut Page) -> Arc<LineTable> {
    page.lines_or_init(|p| LineTable::of(p.text()))
}

/// True when `t` holds a year and a month: `2024年5月`, `2024-05-06`, `2024.5.6`, `2024/5/6`.
fn is_date(t: &str) -> bool {
    let b = t.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let run = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if run == 4 {
            let rest = &t[i + 4..];
            let month = |r: &str| {
                let d = r.bytes().take_while(u8::is_ascii_digit).count();
                (1..=2).contains(&d)
            };
            if let Some(r) = rest.strip_prefix('年') {
                if month(r) && r[r.bytes().take_while(u8::is_ascii_digit).count()..].starts_with('月') {
                    return true;
                }
            } else if let Some(r) = rest.strip_prefix(['-', '.', '/'])
                && month(r)
            {
                return true;
            }
        }
        i += run.max(1);
    }
    false
}

/// True when `t` is a page number or a page label alone.
fn is_page_number(t: &str) -> bool {
    let t = t.trim_matches(|c: char| c == '-' || c == '—' || is_hspace(c));
    let t = t.strip_prefix('第').and_then(|r| r.strip_suffix('版')).unwrap_or(t);
    let t = t.strip_suffix('版').unwrap_or(t);
    let digits = t.trim_start_matches(|c: char| c.is_ascii_uppercase());
    !t.is_empty()
        && t.len() - digits.len() <= 1
        && (1..=3).contains(&digits.len())
        && digits.bytes().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsclean_core::TextEdit;

    #[test]
    fn shapes_of_lines() {
        for d in ["2024年5月6日 星期一", "2024-05-06", "出版日期 2024.5.6"] {
            assert!(is_date(d), "{d}");
        }
        for not in ["2024年", "共20245月", "12345-6", "2024年度计划"] {
            assert!(!is_date(not), "{not}");
        }
        for p in ["12", "A5", "第3版", "- 12 -", "5版"] {
            assert!(is_page_number(p), "{p}");
        }
        for not in ["2024", "第三版", "AB5", "12个", ""] {
            assert!(!is_page_number(not), "{not}");
        }
    }

    #[test]
    fn the_table_is_kept_until_the_text_changes() {
        let mut page = Page::new("第一行很长很长\n\n第二行。\n");
        let a = lines(&mut page);
        assert!(Arc::ptr_eq(&a, &lines(&mut page)));
        assert_eq!(a.len(), 2);
        assert!(a.lines()[0].blank_after && a.lines()[1].blank_before && !a.lines()[1].blank_after);
        assert!(a.shape(page.text(), 1).ends_sentence && a.shape(page.text(), 0).title_like);
        let at = page.text().find("\n\n").unwrap();
        page.apply(vec![TextEdit::delete(at..at + 2, "layout.paragraphs.join-cjk")]).unwrap();
        let b = lines(&mut page);
        assert!(!Arc::ptr_eq(&a, &b));
        assert_eq!(b.len(), 1);
        assert_eq!(&page.text()[b.lines()[0].range.clone()], "第一行很长很长第二行。");
    }

    #[test]
    fn lookup_by_byte() {
        let t = LineTable::of("  甲\n乙\n");
        assert_eq!(t.at(0).unwrap().range, 2..5);
        assert_eq!(t.at(6).unwrap().range, 6..9);
        assert_eq!(t.starting_at(6).unwrap().from_top, 1);
        assert!(t.starting_at(0).is_none());
    }
}
