//! Structured text that the cleaner must not restructure: a Markdown document (issue 20,
//! item 4). newsclean cleans raw page text: it joins wrapped lines, drops blank lines (clean
//! text is one paragraph a line) and curls quotes. Done to a Markdown file that pulls a list
//! into the paragraph before it, glues a block quote onto a code fence and curls the quotes of
//! shell commands. Such a text is refused, whole, with the evidence, and left as it is.
//!
//! Decided by the shape of lines, never by words: a fenced code block (an opening and a
//! closing fence), a table (a row of cells over a delimiter row `| --- |`), or two kinds of
//! the weaker structures together (a run of list items, block quote lines, ATX headings).
//! A newspaper page shows none of these: OCR does not print fences or delimiter rows, and a
//! stray `- ` or `>` line does not come with headings.

/// Why the file at `path` is a Markdown document by its name (`.md`, `.markdown`), or
/// `None`. Even prose alone is refused there: clean text drops the blank lines that separate
/// Markdown paragraphs, which joins them when rendered.
pub fn markdown_by_name(path: &std::path::Path) -> Option<String> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    matches!(ext.as_str(), "md" | "markdown" | "mdown" | "mkd").then(|| format!("a .{ext} file"))
}

/// Why `text` looks like a Markdown document, or `None`.
pub fn markdown_evidence(text: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    // The structure's own marks are at the left, indented three spaces at most.
    // (A borrowed slice: this runs over every line of every page, a copy each was a third of
    // the check's cost.)
    fn body(l: &str) -> Option<&str> {
        let t = l.trim_start_matches(' ');
        (l.len() - t.len() <= 3).then_some(t)
    }
    // A fenced code block: an opening fence and a later closing one of the same mark.
    for (i, l) in lines.iter().enumerate() {
        let Some(t) = body(l) else { continue };
        for (mark, fence) in [('`', "```"), ('~', "~~~")] {
            let closes = |m: &&str| {
                body(m).is_some_and(|u| u.trim_end().len() >= 3 && u.trim_end().chars().all(|c| c == mark))
            };
            if t.starts_with(fence)
                && let Some(j) = lines[i + 1..].iter().position(closes)
            {
                return Some(format!("a fenced code block, lines {}-{}", i + 1, i + j + 2));
            }
        }
    }
    // A table: a row of cells over a delimiter row.
    for (i, w) in lines.windows(2).enumerate() {
        let delim = w[1].trim();
        if w[0].matches('|').count() >= 2
            && delim.contains('|')
            && delim.contains("---")
            && delim.chars().all(|c| matches!(c, '|' | ':' | '-' | ' '))
        {
            return Some(format!("a table, lines {}-{}", i + 1, i + 2));
        }
    }
    // A list item's marker: a bullet (`-`, `*`, `+`) or a number of one to three digits with
    // `.` or `)`, then a space and text.
    let item = |l: &str| -> Option<(Option<u32>, char)> {
        let t = body(l)?;
        let (number, rest) = match t.strip_prefix(['-', '*', '+']) {
            Some(rest) => (None, rest),
            None => {
                let d = t.bytes().take_while(u8::is_ascii_digit).count();
                if !(1..=3).contains(&d) {
                    return None;
                }
                (Some(t[..d].parse().ok()?), t[d..].strip_prefix(['.', ')'])?)
            }
        };
        let mark = t[..t.len() - rest.len()].chars().last()?;
        (rest.starts_with(' ') && !rest.trim().is_empty()).then_some((number, mark))
    };
    // Two items in a row of one list: the same bullet, or numbers that count on (1. then 2.).
    // OCR of a newspaper has lines that open with a dash or with numbers (`13. 7. 1 rood`
    // over `32. 8. 1 rood`), but not a list that counts.
    let list = lines.windows(2).position(|w| match (item(w[0]), item(w[1])) {
        (Some((None, a)), Some((None, b))) => a == b,
        (Some((Some(m), a)), Some((Some(n), b))) => a == b && n == m + 1,
        _ => false,
    });
    // A block quote opens a block: at the top, after a blank line or under another quoted
    // line (a `>` that OCR read for a letter inside a paragraph does not).
    let quoted = |l: &str| body(l).is_some_and(|t| t.starts_with("> ") || t == ">");
    let quote = (0..lines.len())
        .find(|&i| quoted(lines[i]) && (i == 0 || lines[i - 1].trim().is_empty() || quoted(lines[i - 1])));
    let heading = lines.iter().position(|l| {
        body(l).is_some_and(|t| {
            let h = t.bytes().take_while(|&b| b == b'#').count();
            (1..=6).contains(&h) && t[h..].starts_with(' ') && !t[h..].trim().is_empty()
        })
    });
    let found: Vec<String> = [(list, "list items"), (quote, "a block quote"), (heading, "a heading")]
        .iter()
        .filter_map(|(at, what)| at.map(|i| format!("{what} at line {}", i + 1)))
        .collect();
    (found.len() >= 2).then(|| found.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_by_its_structures() {
        assert!(
            markdown_evidence("text\n```sh\necho \"hi\"\n```\nmore\n")
                .unwrap()
                .contains("fenced code block, lines 2-4")
        );
        assert!(markdown_evidence("| a | b |\n| --- | --- |\n| 1 | 2 |\n").unwrap().contains("table"));
        assert!(markdown_evidence("# Title\n\n- one\n- two\n").is_some());
        assert!(markdown_evidence("# Title\n\n> quoted\n").is_some());
        assert!(markdown_evidence("Intro\n\n1. one\n2. two\n\n> quoted\n> more\n").is_some());
        assert!(markdown_evidence("* one\n* two\n\n> quoted\n").is_some());
    }

    #[test]
    fn newspaper_pages_are_not_markdown() {
        for text in [
            "本报讯 昨天，市委常委会召开会议。\n- 7 -\n版面编辑 王强\n",
            "The sale was held to-day.\n- 1. Lot 12, 40 acres\n> a stray mark\n",
            "# 1 2023年3月10日\n星期五\n",
            "党建强，则根基稳。```\n",
            "1. 第一条\n2. 第二条\n",
            // Real OCR (en-overproof): a `>` read for a letter inside a paragraph, and lines
            // of a land sale that open with numbers that do not count on.
            "turned up for a private\n> iew of David Strachan's\nexhibition\n\nNo. 6 of section\n\
             13. 7. 1 rood and 5 perches, No. 2 of section\n32. 8. 1 lood and 3 perches\n",
            "- 7 -\n* * *\n\n> see page 4\n",
        ] {
            assert_eq!(markdown_evidence(text), None, "{text}");
        }
    }
}
