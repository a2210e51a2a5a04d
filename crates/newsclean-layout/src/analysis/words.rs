//! A Chinese word list (jieba-rs's dictionary) to tell whether two pieces of text meet
//! inside a word: evidence that a line break or a blank line cut a word (`工` / `程`) and
//! the two lines belong together.

use std::sync::LazyLock;

use jieba_rs::Jieba;
use newsclean_core::chars::is_cjk;

static JIEBA: LazyLock<Jieba> = LazyLock::new(Jieba::new);

/// The bytes at the start of a page [`preload_for`] reads to see whether it is CJK.
const PRELOAD_SAMPLE_BYTES: usize = 2048;
/// The fewest CJK characters in that sample for [`preload_for`] to load the dictionary.
const PRELOAD_MIN_CJK: usize = 16;

/// Start loading the dictionary on a thread of its own when `text` opens as a CJK page
/// (not Latin by [`crate::analysis::ScriptCounts`] over its first 2 KB, with 16 CJK
/// characters or more) and no load has started yet. A batch of CJK pages then loads it
/// (about 420 M instructions, a tenth of a second) while its workers read and survey pages,
/// instead of on the first worker that asks while the others wait for it. What the passes
/// decide does not depend on it: a pass that asks before the load is done waits for it, as it
/// would have loaded it itself.
pub fn preload_for(text: &str) {
    static STARTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if STARTED.load(std::sync::atomic::Ordering::Relaxed) {
        return;
    }
    let mut end = text.len().min(PRELOAD_SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let counts = crate::analysis::ScriptCounts::of(&text[..end]);
    if counts.cjk < PRELOAD_MIN_CJK || counts.script() == newsclean_core::Script::Latin {
        return;
    }
    if !STARTED.swap(true, std::sync::atomic::Ordering::Relaxed) {
        // A thread that cannot start leaves the load to the first pass that asks.
        let _ = std::thread::Builder::new().name("newsclean-dictionary".into()).spawn(|| {
            LazyLock::force(&JIEBA);
        });
    }
}

/// True when a dictionary word of two or more characters spans the point where `before`
/// ends and `after` starts (the last and first few CJK characters are segmented together).
pub fn word_spans(before: &str, after: &str) -> bool {
    spanning_word(before, after).is_some()
}

/// The dictionary word of two or more characters that spans the point where `before` ends
/// and `after` starts, written with a `|` at that point (`工|程`); `None` when the last and
/// first few CJK characters, segmented together, keep the point between two words.
pub fn spanning_word(before: &str, after: &str) -> Option<String> {
    // The last and first few CJK characters, as slices of the two texts (asked for every
    // line junction of a page by several passes: no copies but the one joined string).
    let before = before.trim_end();
    let (tail_start, _) = before.char_indices().rev().take_while(|(_, c)| is_cjk(*c)).take(4).last()?;
    let after = after.trim_start();
    let head_end =
        after.char_indices().take_while(|(_, c)| is_cjk(*c)).take(4).last().map(|(i, c)| i + c.len_utf8())?;
    let (tail, head) = (&before[tail_start..], &after[..head_end]);
    let k = tail.chars().count();
    let mut joined = String::with_capacity(tail.len() + head.len());
    joined.push_str(tail);
    joined.push_str(head);
    JIEBA.cut(&joined, false).into_iter().find(|t| t.start < k && t.end > k).map(|t| {
        let cut = t.word.char_indices().nth(k - t.start).map_or(t.word.len(), |(i, _)| i);
        format!("{}|{}", &t.word[..cut], &t.word[cut..])
    })
}

/// Where the two characters `一一` stand between `before` and `after` (as OCR reads a dash
/// ——), true when the dictionary does not read them as the word 一一 "one by one": the
/// segmenter keeps `一一` a word of its own (not 唯一|一个, not 一一对应), and the word after it
/// is not of a part of speech that 一一 modifies (a verb, preposition, adverb or particle, or
/// with `strict`, an adjective or conjunction too: 一一解答, 一一向…, 一一认真…).
pub fn dash_not_word(before: &str, after: &str, strict: bool) -> bool {
    let word_char = |c: &char| is_cjk(*c) || c.is_ascii_alphanumeric();
    let tail: Vec<char> = before.trim_end().chars().rev().take_while(word_char).take(4).collect();
    let head: String = after.trim_start().chars().take_while(word_char).take(6).collect();
    if head.is_empty() {
        return false;
    }
    let k: usize = tail.iter().map(|c| c.len_utf8()).sum();
    let joined: String = tail.iter().rev().collect::<String>() + "一一" + &head;
    let tags = JIEBA.tag(&joined, true);
    let mut pos = 0;
    let mut it = tags.iter();
    for t in it.by_ref() {
        let start = pos;
        pos += t.word.len();
        if start == k {
            if t.word != "一一" {
                return false;
            }
            break;
        }
        if pos > k {
            // A word spans the point before 一一 (唯|一).
            return false;
        }
    }
    let Some(next) = it.next() else { return false };
    let banned: &[&str] = if strict { &["v", "p", "d", "u", "a", "c"] } else { &["v", "p", "d", "u"] };
    !banned.iter().any(|b| next.tag.starts_with(b))
}

/// The words of the CJK run that opens `text`: its first six characters segmented on their
/// own, hidden-Markov guessing on, so an unknown name is one word (`周军波` / `指出`). Empty
/// when `text` does not open with a CJK character.
pub fn opening_words(text: &str) -> Vec<String> {
    let head: String = text.trim_start().chars().take_while(|c| is_cjk(*c)).take(6).collect();
    JIEBA.cut(&head, true).into_iter().map(|t| t.word.to_string()).collect()
}

/// The word list's entry for `word`: its tag (`n`, `v`, `p`, `nr`, `zg`, …) and its
/// frequency; `None` when the list does not hold the word.
pub fn dictionary_entry(word: &str) -> Option<(String, usize)> {
    if !JIEBA.has_word(word) {
        return None;
    }
    // Tagging a word the list holds reads its entry (no guessing); a word the list would
    // cut into smaller ones has no entry of its own here.
    let tags = JIEBA.tag(word, false);
    let [only] = tags.as_slice() else { return None };
    (only.word == word).then(|| (only.tag.to_string(), JIEBA.suggest_freq(word).saturating_sub(1)))
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
    fn the_word_is_named_with_the_break() {
        assert_eq!(spanning_word("全面融入长三角一体", "化发展首位战略").as_deref(), Some("一体|化"));
        assert_eq!(spanning_word("等具有平湖辨", "识度的元素").as_deref(), Some("辨|识"));
        assert_eq!(spanning_word("abc", "程"), None);
    }

    #[test]
    fn dash_or_one_by_one() {
        assert!(dash_not_word("衣被海南", "海南黎族纺织文化展", true));
        assert!(dash_not_word("抢占风口大有可为", "解码平湖", false));
        assert!(dash_not_word("", "我市奋力开创新发展", false));
        assert!(dash_not_word("", "上半年平湖经济发展述评", false));
        assert!(dash_not_word("", "2023党建强基工程全新启航", false));
        // 一一 "one by one" before a verb, or inside other words.
        assert!(!dash_not_word("对群众问题", "解答", false));
        assert!(!dash_not_word("群众诉求", "回应", false));
        assert!(!dash_not_word("", "作了解答", false));
        assert!(!dash_not_word("", "对应", false));
        assert!(!dash_not_word("", "列举", false));
        assert!(!dash_not_word("", "道来", false));
        assert!(!dash_not_word("唯", "个全省工程", false));
        assert!(!dash_not_word("统", "下思想", false));
        assert!(!dash_not_word("问题", "", false));
    }

    #[test]
    fn no_word_across() {
        assert!(!word_spans("突出重点保障，夯实发展之基", "党建强基，重点在"));
        assert!(!word_spans("加强创新推进，构建大党建新格局", "持续六年推进的"));
        assert!(!word_spans("abc", "程"));
    }

    #[test]
    fn opening_words_and_entries() {
        assert_eq!(opening_words("员干部的最基本要求")[..2], ["员", "干部"]);
        assert_eq!(opening_words("事业兴衰")[0], "事业");
        // An unknown name is one word.
        assert_eq!(opening_words("周军波指出")[0], "周军波");
        assert!(opening_words("“能为”").is_empty());
        let (tag, freq) = dictionary_entry("员").unwrap();
        assert_eq!(tag, "zg");
        assert!((5000..7000).contains(&freq), "{freq}");
        assert_eq!(dictionary_entry("在").unwrap().0, "p");
        assert_eq!(dictionary_entry("旭东").unwrap().0, "nrt");
        assert_eq!(dictionary_entry("周军波"), None);
    }
}
