//! What goes where two wrapped lines meet: nothing between CJK text, one space between
//! Latin words, nothing where a Latin word was hyphenated at the line end.
//!
//! The Latin-script decision lives in one small function, [`latin_junction`], so that the
//! English line joining (its own pass and rules) can replace it without touching the rest.

use newsclean_core::chars::{is_cjk, is_cjk_or_punct, is_latin_letter};

/// How to join a line to the next: remove `trim_end` bytes at the end of the first line
/// (a hyphen), put `insert` in place of the line break, and log it under `rule`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Junction {
    /// Bytes to remove from the end of the first line.
    pub trim_end: usize,
    /// Text that replaces the line break.
    pub insert: &'static str,
    /// The rule id of the join.
    pub rule: &'static str,
}

/// The junction between line `before` and line `after` of one paragraph.
pub fn junction(before: &str, after: &str) -> Junction {
    let (before, after) = (before.trim_end(), after.trim_start());
    let cjk = Junction { trim_end: 0, insert: "", rule: "layout.paragraphs.join-cjk" };
    let (Some(a), Some(b)) = (before.chars().next_back(), after.chars().next()) else { return cjk };
    if is_cjk_or_punct(a) || is_cjk_or_punct(b) {
        return cjk;
    }
    // Digits or ASCII punctuation inside CJK text: a number cut by the wrap (15\n69家).
    let cjk_context = before.chars().any(is_cjk) && after.chars().any(is_cjk);
    let latin_word = |c: char| is_latin_letter(c);
    if cjk_context && !(latin_word(a) && latin_word(b)) {
        return cjk;
    }
    latin_junction(before, after)
}

/// The junction between two lines whose meeting characters are both Latin (or digits,
/// ASCII punctuation): one space, or nothing when a word was split with a hyphen
/// (`sec-` / `tion` → `section`: a lower-case letter before the hyphen and after it); a
/// hyphen before anything else stays, without a space (`Anglo-` / `Saxon`).
pub fn latin_junction(before: &str, after: &str) -> Junction {
    let mut rev = before.chars().rev();
    let hyphen = matches!(rev.next(), Some('-' | '\u{00AD}'))
        && rev.next().is_some_and(|c| is_latin_letter(c) && c.is_lowercase())
        && after.chars().next().is_some_and(|c| is_latin_letter(c) && c.is_lowercase());
    if hyphen {
        let n = before.chars().next_back().map_or(1, char::len_utf8);
        Junction { trim_end: n, insert: "", rule: "layout.paragraphs.join-hyphen" }
    } else if before.ends_with('-') {
        // A compound cut at its hyphen (Anglo- / Saxon): the hyphen stays, no space.
        Junction { trim_end: 0, insert: "", rule: "layout.paragraphs.join-latin" }
    } else {
        Junction { trim_end: 0, insert: " ", rule: "layout.paragraphs.join-latin" }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn junctions() {
        assert_eq!(junction("党建强，则社", "会兴。").insert, "");
        assert_eq!(
            junction("the quick", "brown fox"),
            Junction { trim_end: 0, insert: " ", rule: "layout.paragraphs.join-latin" }
        );
        assert_eq!(
            junction("a sec-", "tion of"),
            Junction { trim_end: 1, insert: "", rule: "layout.paragraphs.join-hyphen" }
        );
        assert_eq!(junction("整治15", "69家").insert, "");
        assert_eq!(junction("投资总额 10", "亿美元").insert, "");
        assert_eq!(junction("in 2023", "150 people").insert, " ");
    }

    #[test]
    fn hyphen_kept_where_not_a_split_word() {
        // A hyphenated compound or a name: the next line starts with a capital.
        assert_eq!(
            junction("Anglo-", "Saxon"),
            Junction { trim_end: 0, insert: "", rule: "layout.paragraphs.join-latin" }
        );
        assert_eq!(junction("COVID-", "19 cases").trim_end, 0);
    }
}
