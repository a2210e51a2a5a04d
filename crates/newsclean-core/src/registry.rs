//! The registry of rule ids: what every id an edit or a block can carry means, and the ids a
//! user switched off.
//!
//! Each layout pass registers its decisions as [`RuleInfo`]s (the table is
//! `newsclean_layout::registry::RULES`, the page's own ids are [`PAGE_RULES`]); the YAML rules
//! carry the same fields in their files. `newsclean rules list`, `rules explain`, `disable:`
//! in a rule file and docs/rules.md all read them, so an id that a pass logs and nobody
//! documents is a test failure, not a surprise in a user's log.

use crate::pass::Safety;

/// One registered rule: a decision a pass makes, under a stable id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RuleInfo {
    /// The stable id logged on every edit (and block) the rule makes: `layout.join-cjk`.
    pub id: &'static str,
    /// The id of the pass that makes the decision.
    pub pass: &'static str,
    /// One line: what the rule does.
    pub title: &'static str,
    /// Why the change is right when the rule fires.
    pub why: &'static str,
    /// An example: the input, ` → `, what the rule makes of it.
    pub example: &'static str,
    /// When it must not fire: what it leaves alone.
    pub not_when: &'static str,
    /// How sure the rule is (every layout rule applies by default today).
    pub safety: Safety,
}

/// The ids the page itself logs when it is finalized. They are the output format (one `\n`
/// between blocks) and the removal of blocks a pass classified without a rule, not decisions:
/// they cannot be disabled.
pub const PAGE_RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "page.separator",
        pass: "page.finalize",
        title: "Exactly one line break between blocks and after the last one",
        why: "The clean text is one block (a title, a paragraph, a byline) a line; the blank lines and \
              the white space between blocks were layout.",
        example: "标题\\n\\n\\n正文 → 标题\\n正文\\n",
        not_when: "Never inside a block: only the white space between two blocks is replaced.",
        safety: Safety::Safe,
    },
    RuleInfo {
        id: "page.furniture",
        pass: "page.finalize",
        title: "A block classified as furniture without a rule of its own is removed",
        why: "Page furniture (mastheads, page labels, date lines) is not article text; the block's \
              own rule id is logged when a pass gave one.",
        example: "(a furniture block) → (removed)",
        not_when: "Content blocks (titles, bylines, body, captions) are never removed.",
        safety: Safety::Safe,
    },
    RuleInfo {
        id: "page.junk",
        pass: "page.finalize",
        title: "A block classified as junk without a rule of its own is removed",
        why: "Artefacts (picture noise, duplicated text) are not article text.",
        example: "(a junk block) → (removed)",
        not_when: "Content blocks are never removed.",
        safety: Safety::Safe,
    },
];

/// True when `id` names `rule` or a family of rules it belongs to: `layout.furniture` covers
/// `layout.furniture.date`, never `layout.furniture-x`.
pub fn covers(id: &str, rule: &str) -> bool {
    rule == id || (rule.len() > id.len() && rule.starts_with(id) && rule.as_bytes()[id.len()] == b'.')
}

/// The rule ids a user switched off (`disable:` in a rule file): a pass neither edits nor
/// classifies under them. An id also switches off the ids below it (`layout.furniture`
/// covers `layout.furniture.date`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Disabled {
    ids: Vec<String>,
}

impl Disabled {
    /// The set of these ids.
    pub fn new(ids: impl IntoIterator<Item = impl Into<String>>) -> Self {
        let mut ids: Vec<String> = ids.into_iter().map(Into::into).collect();
        ids.sort();
        ids.dedup();
        Disabled { ids }
    }

    /// True when nothing is switched off.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The ids, sorted.
    pub fn ids(&self) -> &[String] {
        &self.ids
    }

    /// True when `rule` is switched off.
    pub fn covers(&self, rule: &str) -> bool {
        self.ids.iter().any(|id| covers(id, rule))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_covers_itself_and_the_ids_below_it_only() {
        let d = Disabled::new(["layout.furniture", "zh.comma-fullwidth"]);
        assert!(d.covers("layout.furniture"));
        assert!(d.covers("layout.furniture.app-promo"));
        assert!(d.covers("zh.comma-fullwidth"));
        assert!(!d.covers("layout.furniture-x"));
        assert!(!d.covers("layout"));
        assert!(!d.covers("zh.comma"));
        assert!(Disabled::default().is_empty() && !Disabled::default().covers("x"));
    }
}
