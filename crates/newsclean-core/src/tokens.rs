//! Tokens that are not words: URLs, e-mail addresses, file paths, domain and file names, code
//! identifiers. Their characters and the white space that delimits them are the source's own:
//! a space between CJK text and a URL is what tells a reader (and an autolinker) where the URL
//! ends, so passes and rules leave such a token and the spaces around it alone.
//!
//! A token is decided by its shape, never by a list of strings: a run of ASCII graphic
//! characters (CJK text, full-width punctuation and white space end it), its enclosing
//! brackets, quotes and sentence punctuation trimmed, that has the shape of a URL
//! (`scheme://…`, `www.…`, `mailto:…`), an e-mail address (`local@domain.tld`), a path
//! (`/usr/local/bin`, `~/x`, `./x`, `../x`, `C:\x`), a dotted name ending in a word of
//! letters (`example.com`, `b.html`, `stats.gov.cn`) or an identifier of code (`snake_case`,
//! `std::io`).

use std::ops::Range;

use crate::chars::is_hspace;

/// Every protected shape has one of these bytes: `://`, `www.` and `mailto:` of a URL, the `@`
/// of an e-mail address, the `/`, `\\` or `C:` of a path, the dots of a name, the `_` or `::`
/// of code.
fn may_be_protected(b: u8) -> bool {
    matches!(b, b'/' | b'@' | b'.' | b'\\' | b'_' | b':')
}

/// The byte ranges of the protected tokens of `text`, in order.
pub fn protected_tokens(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    // Cheap exit: every shape needs one of these characters.
    if !text.bytes().any(may_be_protected) {
        return out;
    }
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_graphic() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_graphic() {
            i += 1;
        }
        let run = &text[start..i];
        let lead = run.len() - run.trim_start_matches(['(', '[', '{', '<', '"', '\'']).len();
        let inner = &run[lead..];
        let t = inner.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '}', '>', '"', '\'']);
        // The same exit for each token (most words of a Latin page, the trailing stop
        // trimmed, have none of the characters).
        if t.bytes().any(may_be_protected) && is_protected(t) {
            out.push(start + lead..start + lead + t.len());
        }
    }
    out
}

/// The protected tokens of `text` with the horizontal white space on either side of each:
/// the spans an edit must not touch.
pub fn protected_spans(text: &str) -> Vec<Range<usize>> {
    protected_tokens(text)
        .into_iter()
        .map(|r| {
            let before = text[..r.start].trim_end_matches(is_hspace).len();
            let after = r.end + (text[r.end..].len() - text[r.end..].trim_start_matches(is_hspace).len());
            before..after
        })
        .collect()
}

/// True when an edit of `range` touches one of `spans` (sorted): it overlaps one, or inserts
/// strictly inside one. Inserting at a span's edge (a space before a URL) leaves it whole.
pub fn touches(spans: &[Range<usize>], range: &Range<usize>) -> bool {
    spans.iter().any(|s| {
        if range.is_empty() {
            s.start < range.start && range.start < s.end
        } else {
            range.start < s.end && s.start < range.end
        }
    })
}

fn is_protected(t: &str) -> bool {
    is_url(t) || is_email(t) || is_path(t) || is_dotted_name(t) || is_code(t)
}

fn is_url(t: &str) -> bool {
    if let Some(i) = t.find("://") {
        let scheme = &t[..i];
        return scheme.len() >= 2 && scheme.bytes().all(|b| b.is_ascii_alphabetic()) && t.len() > i + 3;
    }
    let lower = t.get(..7).map(str::to_ascii_lowercase).unwrap_or_default();
    (lower.starts_with("www.") && t[4..].contains('.') && t.len() > 6) || (lower == "mailto:" && t.len() > 7)
}

fn is_label(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn is_email(t: &str) -> bool {
    let Some((local, domain)) = t.split_once('@') else { return false };
    !local.is_empty()
        && local.bytes().all(|b| b.is_ascii_alphanumeric() || b"._%+-".contains(&b))
        && domain.contains('.')
        && domain.split('.').all(is_label)
        && domain
            .rsplit('.')
            .next()
            .is_some_and(|tld| tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic()))
}

fn is_path(t: &str) -> bool {
    let b = t.as_bytes();
    let unix = |rest: &str| {
        rest.split('/').next().is_some_and(|s| {
            s.bytes().next().is_some_and(|c| c.is_ascii_alphanumeric() || c == b'.' || c == b'_')
        })
    };
    if let Some(rest) = t.strip_prefix('/') {
        // Two segments at least: `/usr/local`, not a lone `/` or a fraction.
        return rest.contains('/') && unix(rest);
    }
    if t.starts_with("~/") || t.starts_with("./") || t.starts_with("../") {
        return t.len() > 3;
    }
    // `C:\Windows`, `dir\file.txt`.
    if b.len() > 3 && b[0].is_ascii_alphabetic() && b[1] == b':' && b[2] == b'\\' {
        return true;
    }
    t.split('\\').filter(|s| !s.is_empty()).count() >= 2 && t.contains('\\')
}

/// `example.com`, `b.html`, `stats.gov.cn/x`: labels joined by dots, the last one a word of two
/// or more letters and some label before it longer than one letter (`U.S.A`, `e.g` are
/// abbreviations, `1.5` a number).
fn is_dotted_name(t: &str) -> bool {
    // A host may go on with a path (`example.com/x`).
    let host = t.split('/').next().unwrap_or(t);
    let labels: Vec<&str> = host.split('.').collect();
    if labels.len() < 2 || !labels.iter().all(|l| is_label(l)) {
        return false;
    }
    let last = labels[labels.len() - 1];
    last.len() >= 2
        && last.bytes().all(|b| b.is_ascii_alphabetic())
        && labels[..labels.len() - 1].iter().any(|l| l.len() >= 2)
}

/// Identifiers of code: `snake_case`, `std::io`, `f(x)=y` is not one (a formula in prose).
fn is_code(t: &str) -> bool {
    let b = t.as_bytes();
    let inner_underscore =
        b.windows(3).any(|w| w[1] == b'_' && w[0].is_ascii_alphanumeric() && w[2].is_ascii_alphanumeric());
    let path_sep = b.windows(4).any(|w| {
        w[1] == b':' && w[2] == b':' && w[0].is_ascii_alphanumeric() && w[3].is_ascii_alphanumeric()
    });
    inner_underscore || path_sep
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<&str> {
        protected_tokens(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn urls_mail_paths_names_and_code() {
        assert_eq!(
            tokens("详情请访问 https://www.stats.gov.cn/a/b.html 查看。"),
            ["https://www.stats.gov.cn/a/b.html"]
        );
        assert_eq!(
            tokens("见（www.example.com）和abc@example.com。"),
            ["www.example.com", "abc@example.com"]
        );
        assert_eq!(
            tokens("文件在 /usr/local/bin/foo 和 C:\\Program\\x 里"),
            ["/usr/local/bin/foo", "C:\\Program\\x"]
        );
        assert_eq!(tokens("see http://a.b/c?d=1,2, then stop."), ["http://a.b/c?d=1,2"]);
        assert_eq!(tokens("用 my_var 和 std::io 写"), ["my_var", "std::io"]);
        assert_eq!(tokens("(see example.com/x)."), ["example.com/x"]);
    }

    #[test]
    fn words_numbers_and_abbreviations_are_not_tokens() {
        for text in [
            "陆续投入了 2亿多元，增长 1.5%",
            "去年 4 月份 S202省际 No.1 3.5G",
            "the U.S.A. and e.g. Mr. Smith, 10:30, 1/2, and/or, a/b",
            "version 1.2, page 2 of 10",
            "好的。再见！",
        ] {
            assert!(tokens(text).is_empty(), "{text}: {:?}", tokens(text));
        }
    }

    proptest::proptest! {
        /// The per-token exit never skips a protected token.
        #[test]
        fn every_protected_token_has_a_marking_byte(t in "[a-zA-Z0-9/@.\\\\_:~%+-]{0,16}") {
            if is_protected(&t) {
                proptest::prop_assert!(t.bytes().any(may_be_protected), "{t}");
            }
        }
    }

    #[test]
    fn spans_take_the_delimiting_spaces() {
        let text = "访问 http://a.b/c  查看";
        let spans = protected_spans(text);
        assert_eq!(&text[spans[0].clone()], " http://a.b/c  ");
        // An edit of either space touches it; an insertion at its edge does not.
        let s = &spans[0];
        assert!(touches(&spans, &(s.start..s.start + 1)));
        assert!(touches(&spans, &(s.end - 1..s.end)));
        assert!(!touches(&spans, &(s.start..s.start)));
        assert!(!touches(&spans, &(0..3)));
    }
}
