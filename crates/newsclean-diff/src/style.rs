//! Character-level change marks and their terminal rendering: pieces of a line marked
//! same / removed / inserted, made visible (control characters shown as symbols), measured
//! in terminal columns (CJK counts two) and wrapped.

use unicode_width::UnicodeWidthChar;

/// How a piece of a displayed line relates to the other side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mark {
    /// Present on both sides.
    Same,
    /// Present only in the raw text.
    Del,
    /// Present only in the clean text.
    Ins,
}

/// One displayed line: runs of text, each with its mark.
pub(crate) type Pieces = Vec<(String, Mark)>;

/// The symbol shown for a line break that was removed or inserted.
pub(crate) const NEWLINE_SYMBOL: char = '⏎';
const NEWLINE_STR: &str = "⏎";

/// Push `s` with `mark`, merging with the previous run when the mark is the same.
pub(crate) fn push_piece(line: &mut Pieces, s: &str, mark: Mark) {
    match line.last_mut() {
        Some((t, m)) if *m == mark => t.push_str(s),
        _ => line.push((s.to_string(), mark)),
    }
}

/// The character shown for `c`: control characters (which could drive the terminal) become
/// their Unicode control pictures; a tab becomes ⇥ when `tabs` is set.
pub(crate) fn visible(c: char, tabs: bool) -> char {
    match c {
        '\t' if tabs => '⇥',
        '\t' => '\t',
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('�'),
        '\u{7f}' => '␡',
        '\u{80}'..='\u{9f}' => '�',
        c => c,
    }
}

/// The character shown for `c` in HTML text: as [`visible`], but line breaks stay.
pub(crate) fn visible_html(c: char) -> char {
    if c == '\n' { c } else { visible(c, false) }
}

/// Characters that take no room on screen (format characters: the BOM, zero-width space and
/// joiners, direction marks and embeddings, the soft hyphen): shown by name where they are
/// what changed (in colour or with marks; a plain diff stays the text verbatim, a patch),
/// else a removal or insertion of one would look like no change at all.
pub(crate) fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{61c}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}'
    )
}

/// The name an invisible character is shown by: `⟨U+200B⟩`.
pub(crate) fn invisible_name(c: char) -> String {
    format!("⟨U+{:04X}⟩", c as u32)
}

/// Escape `s` for one-line display: line breaks as ⏎, tabs as ⇥, control characters as
/// control pictures, invisible format characters by name (`⟨U+FEFF⟩`).
pub fn escape_visible(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' => out.push(NEWLINE_SYMBOL),
            c if invisible(c) => out.push_str(&invisible_name(c)),
            c => out.push(visible(c, true)),
        }
    }
    out
}

/// Terminal columns of a visible character (CJK and full-width forms count two).
pub(crate) fn col_width(c: char) -> usize {
    if c == '\t' { 1 } else { c.width().unwrap_or(0) }
}

/// A unit of output: one visible character or an inline marker, with its width and style.
#[derive(Clone, Debug)]
pub(crate) struct Token {
    pub(crate) text: String,
    pub(crate) width: usize,
    pub(crate) mark: Mark,
}

/// How changed characters are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Show {
    /// ANSI backgrounds.
    Color,
    /// Inline `[-…-]` / `{+…+}`.
    Marks,
    /// Not at all: the line verbatim.
    Plain,
}

/// Turn pieces into tokens. With colour, marked characters keep their mark (drawn as a
/// background); with inline marks, marked runs are wrapped in `[-…-]` / `{+…+}`, the markers
/// glued to the run's first and last characters so wrapping never strands them; plain, the
/// text is as it is (a removed or inserted line break, shown as ⏎, is left out).
pub(crate) fn tokens(line: &[(String, Mark)], show: Show, tabs: bool) -> Vec<Token> {
    let color = show == Show::Color;
    let mut out: Vec<Token> = Vec::new();
    for (text, mark) in line {
        let (open, close) = match (show, mark) {
            (Show::Marks, Mark::Del) => ("[-", "-]"),
            (Show::Marks, Mark::Ins) => ("{+", "+}"),
            _ => ("", ""),
        };
        let is_last = std::ptr::eq(text, &line[line.len() - 1].0);
        if show == Show::Plain && is_last && *mark != Mark::Same && text.as_str() == NEWLINE_STR {
            // The ⏎ of a removed or inserted line break (always its own, last piece) is a
            // mark, not text.
            continue;
        }
        let m = if color { *mark } else { Mark::Same };
        let first = out.len();
        for c in text.chars() {
            if show != Show::Plain && *mark != Mark::Same && invisible(c) {
                let name = invisible_name(c);
                let width = name.chars().count();
                out.push(Token { text: name, width, mark: m });
                continue;
            }
            let v = visible(c, tabs);
            out.push(Token { text: v.to_string(), width: col_width(v), mark: m });
        }
        if out.len() > first && !open.is_empty() {
            out[first].text.insert_str(0, open);
            out[first].width += open.len();
            let last = out.last_mut().expect("just pushed");
            last.text.push_str(close);
            last.width += close.len();
        }
    }
    out
}

/// Break tokens into rows of at most `width` columns (a wide character that does not fit
/// moves to the next row). Always at least one row.
pub(crate) fn wrap(tokens: Vec<Token>, width: usize) -> Vec<Vec<Token>> {
    let width = width.max(2);
    let mut rows = vec![Vec::new()];
    let mut used = 0;
    for t in tokens {
        if used + t.width > width && used > 0 {
            rows.push(Vec::new());
            used = 0;
        }
        used += t.width;
        rows.last_mut().expect("rows is never empty").push(t);
    }
    rows
}

/// ANSI styles of the terminal renderers.
pub(crate) mod ansi {
    pub(crate) const RESET: &str = "\x1b[0m";
    pub(crate) const DEL_LINE: &str = "\x1b[31m";
    pub(crate) const INS_LINE: &str = "\x1b[32m";
    pub(crate) const DEL_CHARS: &str = "\x1b[1;97;41m";
    pub(crate) const INS_CHARS: &str = "\x1b[1;30;42m";
    pub(crate) const HUNK: &str = "\x1b[36m";
    pub(crate) const RULES: &str = "\x1b[33m";
    pub(crate) const BOLD: &str = "\x1b[1m";
}

/// Write a row of tokens, styled for a line of kind `line` (the mark of the whole line:
/// Del for `-`, Ins for `+`, Same for context). Returns the row's width in columns.
pub(crate) fn write_row(out: &mut String, row: &[Token], line: Mark, color: bool) -> usize {
    let base = match line {
        Mark::Del => ansi::DEL_LINE,
        Mark::Ins => ansi::INS_LINE,
        Mark::Same => "",
    };
    let mut width = 0;
    let mut current = Mark::Same;
    if color && !base.is_empty() {
        out.push_str(base);
    }
    for t in row {
        width += t.width;
        if color && current != t.mark {
            match t.mark {
                Mark::Same => {
                    out.push_str(ansi::RESET);
                    out.push_str(base);
                }
                Mark::Del => out.push_str(ansi::DEL_CHARS),
                Mark::Ins => out.push_str(ansi::INS_CHARS),
            }
            current = t.mark;
        }
        out.push_str(&t.text);
    }
    if color && (!base.is_empty() || current != Mark::Same) {
        out.push_str(ansi::RESET);
    }
    width
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_counts_two_columns_and_wraps_whole_characters() {
        let line = vec![("党建a强".to_string(), Mark::Same)];
        let rows = wrap(tokens(&line, Show::Marks, true), 5);
        let texts: Vec<String> = rows.iter().map(|r| r.iter().map(|t| t.text.as_str()).collect()).collect();
        // 党(2)建(2) = 4, a(1) = 5; 强 starts a new row.
        assert_eq!(texts, ["党建a", "强"]);
        let rows = wrap(tokens(&line, Show::Marks, true), 4);
        let texts: Vec<String> = rows.iter().map(|r| r.iter().map(|t| t.text.as_str()).collect()).collect();
        assert_eq!(texts, ["党建", "a强"]);
    }

    #[test]
    fn plain_marks_are_inline() {
        let line = vec![("ab".to_string(), Mark::Same), ("c".into(), Mark::Del), ("d".into(), Mark::Ins)];
        let mut s = String::new();
        write_row(&mut s, &tokens(&line, Show::Marks, false), Mark::Same, false);
        assert_eq!(s, "ab[-c-]{+d+}");
        let line = vec![("ab".to_string(), Mark::Same), ("c".into(), Mark::Del), ("⏎".into(), Mark::Del)];
        let mut s = String::new();
        write_row(&mut s, &tokens(&line, Show::Plain, false), Mark::Same, false);
        assert_eq!(s, "abc");
    }

    #[test]
    fn control_characters_never_reach_the_terminal() {
        assert_eq!(escape_visible("a\x1b[31m\n\tb"), "a␛[31m⏎⇥b");
        assert_eq!(escape_visible("\u{feff}a\u{200b}b\u{200d}"), "⟨U+FEFF⟩a⟨U+200B⟩b⟨U+200D⟩");
        let line = vec![("a\u{200d}b".to_string(), Mark::Same), ("\u{200b}".to_string(), Mark::Del)];
        let shown = |show| tokens(&line, show, false).into_iter().map(|t| t.text).collect::<String>();
        assert_eq!(shown(Show::Marks), "a\u{200d}b[-⟨U+200B⟩-]", "a kept joiner stays text");
        assert_eq!(shown(Show::Color), "a\u{200d}b⟨U+200B⟩");
        assert_eq!(shown(Show::Plain), "a\u{200d}b\u{200b}", "a plain diff is verbatim");
        let line = vec![("\x1b".to_string(), Mark::Same)];
        let t = tokens(&line, Show::Color, false);
        assert_eq!(t[0].text, "␛");
    }
}
