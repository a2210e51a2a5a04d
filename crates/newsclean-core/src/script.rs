//! Script detection: the one detector every pass and the facade read. A text's letters are
//! counted by script (CJK characters against Latin letters) and the counts decide whether it
//! is CJK, Latin, mixed or neither.

use crate::Script;
use crate::chars::{is_cjk, is_latin_letter};

/// Below this share of CJK characters among the letters, a text is Latin script.
pub const LATIN_MAX_CJK_SHARE: f32 = 0.05;
/// Above this share of CJK characters among the letters, a text is CJK: one CJK character
/// carries about as much as a short Latin word (3-6 letters), so 30% of the letters is most
/// of the words; between the two shares a text is [`Script::Mixed`].
pub const CJK_MIN_SHARE: f32 = 0.30;

/// Letters of a text counted by script: the one detector every pass and the facade read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ScriptCounts {
    /// CJK characters (ideographs, kana, hangul).
    pub cjk: usize,
    /// Latin letters.
    pub latin: usize,
    /// Other alphabetic characters (Greek, Cyrillic, …).
    pub other: usize,
}

impl ScriptCounts {
    /// Count the letters of `text`.
    pub fn of(text: &str) -> Self {
        let mut n = ScriptCounts::default();
        for c in text.chars() {
            // ASCII is decided at once, and the common CJK and general punctuation (no
            // letter) before the table lookup of `is_alphabetic`.
            if c.is_ascii() {
                n.latin += usize::from(c.is_ascii_alphabetic());
            } else if is_cjk(c) {
                n.cjk += 1;
            } else if is_latin_letter(c) {
                n.latin += 1;
            } else if !matches!(c, '\u{2010}'..='\u{2027}' | '\u{3001}'..='\u{3003}' | '\u{3008}'..='\u{3011}' | '\u{FF01}'..='\u{FF20}')
                && c.is_alphabetic()
            {
                n.other += 1;
            }
        }
        n
    }

    /// The script these counts show: [`Script::Latin`] under [`LATIN_MAX_CJK_SHARE`] CJK,
    /// [`Script::Cjk`] over [`CJK_MIN_SHARE`], [`Script::Mixed`] between, [`Script::Unknown`]
    /// without CJK characters or Latin letters.
    pub fn script(&self) -> Script {
        // Integer forms of the shares, so the decision is exact: cjk/total < 1/20, > 3/10.
        let total = self.cjk + self.latin;
        if total == 0 {
            Script::Unknown
        } else if self.cjk * 20 < total {
            Script::Latin
        } else if self.cjk * 10 > total * 3 {
            Script::Cjk
        } else {
            Script::Mixed
        }
    }

    /// True when CJK characters outnumber every other letter (Latin or not): the furniture
    /// pass's reading of "a CJK page", under which a Latin masthead is furniture.
    pub fn cjk_majority(&self) -> bool {
        self.cjk > self.latin + self.other
    }
}

/// The script of `text`: [`ScriptCounts::script`] of its counts.
pub fn script(text: &str) -> Script {
    ScriptCounts::of(text).script()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_script_detector_with_its_thresholds() {
        assert_eq!(script("The Crown Lnnd sale was held to-day."), Script::Latin);
        assert_eq!(script("党建强，则根基稳。"), Script::Cjk);
        assert_eq!(script("Party 党建 building 强 and roots 根基"), Script::Mixed);
        assert_eq!(script("1842 — 43 ..."), Script::Unknown);
        let n = ScriptCounts::of("RENMIN RIBAO 人民日报");
        assert_eq!((n.cjk, n.latin, n.other), (4, 11, 0));
        assert!(!n.cjk_majority());
        assert!(ScriptCounts::of("人民日报 2024").cjk_majority());
        assert!(!ScriptCounts::of("人民 Αθήνα").cjk_majority());
    }
}
