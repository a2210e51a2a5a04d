//! Script detection: is a text (a block, a page) written in CJK, in Latin script, or both?

use newsclean_core::Script;

/// The script of `text`: the one detector of the analysis layer
/// ([`newsclean_core::script::ScriptCounts::script`]), kept here under its old path: CJK
/// characters (ideographs, kana, bopomofo; not Hangul, see `is_cjk`) against Latin letters. One CJK
/// character carries about as much as a short Latin word, so a CJK text with a few Latin
/// names (`GDP`, `iPhone`) stays CJK, and a Latin text with a stray ideograph stays Latin.
/// Text with neither is [`Script::Unknown`].
pub fn script(text: &str) -> Script {
    newsclean_core::script::script(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decides_by_character_counts() {
        assert_eq!(script("The Crown Lnnd sale was held to-day."), Script::Latin);
        assert_eq!(script("党建强，则根基稳。"), Script::Cjk);
        assert_eq!(script("今年GDP增长了百分之五，iPhone销量下降。"), Script::Cjk);
        assert_eq!(script("The word 党 means party in Chinese texts of the period."), Script::Latin);
        assert_eq!(script("Party 党建 building 强 and roots 根基"), Script::Mixed);
        assert_eq!(script("1842 — 43 ..."), Script::Unknown);
        assert_eq!(script(""), Script::Unknown);
    }
}
