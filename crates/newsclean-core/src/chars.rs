//! Character classes that passes and rules decide on: CJK ideographs, CJK punctuation,
//! full-width forms, Latin letters. Deciding on classes, not on lists of strings, is what
//! lets a pass work on newspapers it has never seen.

/// True for a CJK ideograph, kana or bopomofo letter: a character that is written without
/// spaces between words. Not Hangul: Korean is written with spaces between words and ASCII
/// punctuation (`안녕하세요, 세계!`), so neither a join without a space nor Chinese
/// punctuation applies to it.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF      // CJK Unified Ideographs Extension A
        | 0x4E00..=0x9FFF    // CJK Unified Ideographs
        | 0xF900..=0xFAFF    // CJK Compatibility Ideographs
        | 0x20000..=0x2FA1F  // Extensions B-F, compatibility supplement
        | 0x30000..=0x323AF  // Extensions G-H
        | 0x3040..=0x30FF    // Hiragana, Katakana
        | 0x31F0..=0x31FF    // Katakana phonetic extensions
        | 0x3100..=0x312F    // Bopomofo
        | 0x31A0..=0x31BF    // Bopomofo extended
        | 0x3005..=0x3007    // 々 〆 〇
    )
}

/// True for full-width punctuation used in CJK text: 。，、；：？！“”‘’（）《》【】…—·「」 and the
/// rest of the CJK Symbols and Punctuation and Halfwidth and Fullwidth Forms blocks that are
/// punctuation rather than letters or digits.
pub fn is_cjk_punct(c: char) -> bool {
    match c {
        '“' | '”' | '‘' | '’' | '…' | '—' | '·' | '‥' | '―' => true,
        '\u{3001}'..='\u{3004}' | '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301F}' => true,
        '\u{3000}' => false,
        '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF40}' => true,
        '\u{FF5B}'..='\u{FF65}' => true,
        '\u{FE10}'..='\u{FE1F}' | '\u{FE30}'..='\u{FE4F}' => true,
        _ => false,
    }
}

/// True for a CJK character or CJK punctuation: the characters between which a line break
/// or a space is never part of the text.
pub fn is_cjk_or_punct(c: char) -> bool {
    is_cjk(c) || is_cjk_punct(c)
}

/// True for a full-width ASCII digit or letter (ＡＢＣ１２３).
pub fn is_fullwidth_alnum(c: char) -> bool {
    matches!(c, '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}')
}

/// The ASCII form of a full-width ASCII character (U+FF01..U+FF5E), if it is one.
pub fn fullwidth_to_ascii(c: char) -> Option<char> {
    match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0),
        _ => None,
    }
}

/// True for a Latin letter (ASCII or Latin-1 / Latin Extended), the letters of words that
/// are separated by spaces.
pub fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c as u32, 0xC0..=0x24F if c != '×' && c != '÷')
        || matches!(c as u32, 0x1E00..=0x1EFF)
}

/// Sentence-final punctuation in CJK text: a line ending in one of these may end a paragraph.
pub fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '…' | '!' | '?' | '.' | '；')
}

/// Closing quotes and brackets that may follow a sentence end (。” 。）).
pub fn is_closing(c: char) -> bool {
    matches!(c, '”' | '’' | '）' | ')' | '」' | '』' | '》' | '】' | '"' | '\'')
}

/// Horizontal white space: ASCII space and tab, the ideographic space U+3000, no-break space.
pub fn is_hspace(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{00A0}' | '\u{2002}'..='\u{200A}' | '\u{202F}' | '\u{205F}')
}

/// Width of a character in terminal columns: 2 for CJK and full-width forms, 1 otherwise.
/// (The diff crate uses unicode-width; this is the cheap approximation passes use to
/// estimate a column's width in characters.)
pub fn display_width(c: char) -> usize {
    if is_cjk(c) || is_cjk_punct(c) || matches!(c as u32, 0xFF01..=0xFF60 | 0x3000) { 2 } else { 1 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_cjk('党') && is_cjk('〇') && !is_cjk('A') && !is_cjk('，'));
        assert!(is_cjk('か') && is_cjk('カ') && is_cjk('ㄅ') && !is_cjk('한') && !is_cjk('세'));
        assert!(is_cjk_punct('，') && is_cjk_punct('。') && is_cjk_punct('“') && is_cjk_punct('—'));
        assert!(!is_cjk_punct(',') && !is_cjk_punct('\u{3000}') && !is_cjk_punct('Ａ'));
        assert!(is_fullwidth_alnum('Ａ') && is_fullwidth_alnum('１') && !is_fullwidth_alnum('，'));
        assert_eq!(fullwidth_to_ascii('Ａ'), Some('A'));
        assert_eq!(fullwidth_to_ascii('１'), Some('1'));
        assert_eq!(fullwidth_to_ascii('a'), None);
        assert!(is_latin_letter('é') && is_latin_letter('z') && !is_latin_letter('×'));
        assert!(is_hspace('\u{3000}') && !is_hspace('\n'));
    }
}
