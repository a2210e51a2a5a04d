//! A Chinese word list (jieba-rs's dictionary) to tell whether two pieces of text meet
//! inside a word: evidence that a line break or a blank line cut a word (`工` / `程`) and
//! the two lines belong together.

use std::sync::LazyLock;

use jieba_rs::Jieba;
use newsclean_core::chars::is_cjk;

static JIEBA: LazyLock<Jieba> = LazyLock::new(Jieba::new);

/// True when a dictionary word of two or more characters spans the point where `before`
/// ends and `after` starts (the last and first few CJK characters are segmented together).
pub fn word_spans(before: &str, after: &str) -> bool {
    let tail: Vec<char> = before.trim_end().chars().rev().take_while(|c| is_cjk(*c)).take(4).collect();
    let head: String = after.trim_start().chars().take_while(|c| is_cjk(*c)).take(4).collect();
    if tail.is_empty() || head.is_empty() {
        return false;
    }
    let k = tail.len();
    let joined: String = tail.iter().rev().chain(head.chars().collect::<Vec<_>>().iter()).collect();
    JIEBA.cut(&joined, false).iter().any(|t| t.start < k && t.end > k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_words() {
        assert!(word_spans("持续六年推进的铁军打造工", "程，为金平湖"));
        assert!(word_spans("要发挥部门力量，立足部门自", "身职能优势"));
        assert!(word_spans("稳投资，方能稳经济、稳增", "长。项目是"));
    }

    #[test]
    fn no_word_across() {
        assert!(!word_spans("突出重点保障，夯实发展之基", "党建强基，重点在"));
        assert!(!word_spans("加强创新推进，构建大党建新格局", "持续六年推进的"));
        assert!(!word_spans("abc", "程"));
    }
}
