//! Properties of every built-in profile on random mixes of CJK, Latin, digits, ASCII and
//! full-width punctuation, quotes, brackets and spaces: the pass converges, a second run
//! changes nothing (idempotent), the log undoes to the input (nothing lost), and the
//! prefilter never changes the result.

use std::sync::Arc;

use newsclean_core::{Context, Page, Pass};
use newsclean_rules::{RuleSet, RulesPass};
use proptest::prelude::*;

const ALPHABET: &[&str] = &[
    "中", "文", "党", "建", "强", "a", "b", "X", "1", "2", "０", "Ａ", ",", ".", ":", ";", "?", "!", "(",
    ")", "（", "）", "\"", "'", "“", "”", "‘", "’", " ", "  ", "\u{3000}", "\n", "\n\n", "，", "。", "ﬁ",
    "e\u{301}", "/", "=", "%", "—", "…",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), 0..60).prop_map(|v| v.concat())
}

fn passes(profile: &str) -> (RulesPass, RulesPass) {
    let compiled = Arc::new(RuleSet::builtin(profile).unwrap().compile().unwrap());
    (RulesPass::new("rules", compiled.clone()), RulesPass::new("rules", compiled).without_prefilter())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn converges_idempotent_lossless(raw in text()) {
        for (profile, review) in RuleSet::builtin_names().iter().flat_map(|p| [(p, false), (p, true)]) {
            let (fast, slow) = passes(profile);
            let ctx = Context { apply_review: review, ..Context::default() };
            let mut page = Page::new(raw.as_str());
            fast.run(&mut page, &ctx).unwrap();
            prop_assert_eq!(page.log().undo(page.text()), raw.clone());
            let mut again = Page::new(page.text());
            fast.run(&mut again, &ctx).unwrap();
            prop_assert!(again.log().is_empty(), "{}: second run changed {:?}", profile, again.log().edits());
            let mut naive = Page::new(raw.as_str());
            slow.run(&mut naive, &ctx).unwrap();
            prop_assert_eq!(naive.text(), page.text());
        }
    }
}
